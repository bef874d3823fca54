/*
 * ui_receipt.c: the acceptance receipt (受理回执): its text, the file it is
 * saved in, and the printer.
 *
 * Why plain text: the receipt must survive the terminal: it is saved as a
 * UTF-8 text file named by its receipt number (one file per receipt, never
 * overwritten silently by another number) and sent to `lp` when a printer
 * is configured (JZZ_PRINTER), so that a counter without a printer still
 * has the file to print later. `lp` runs with its output sent to /dev/null:
 * nothing may write on the curses screen but the main loop.
 */
#include "uipriv.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jzz/idnum.h"
#include "jzz/strbuf.h"

static const char *
ui_receipt_centre_name(struct ui *ui, const char *code)
{
	size_t                      n = 0;
	const struct service_place *pl = service_places(ui->svc, &n);

	for (size_t i = 0; pl != NULL && i < n; i++)
		if (pl[i].kind == SERVICE_PLACE_CENTRE && strcmp(pl[i].code, code) == 0)
			return pl[i].name_zh;
	return "";
}

/* "label: value" and a new line, in the language of the receipt. */
static void
ui_receipt_lv(struct strbuf *sb, const char *label, const char *value)
{
	char line[1024];
	int  n = snprintf(line, sizeof line, ui_msg(M_FMT_LV), label, value);

	(void)n;
	strbuf_puts(sb, line);
	strbuf_putc(sb, '\n');
}

static void
ui_receipt_row(struct strbuf *sb, enum msg_id label, const char *value)
{
	ui_receipt_lv(sb, ui_msg(label), value);
}

char *
ui_receipt_text(struct ui *ui, const struct flow_outcome *o)
{
	const struct jzz_decision *d = &o->res.decision;
	const struct jzz_case     *c = &o->c;
	struct strbuf              sb;
	struct idnum               id;
	char                       masked[19] = "", buf[512];

	strbuf_init(&sb);
	strbuf_printf(&sb, "        %s%s%s\n\n", ui_msg(M_RECEIPT_TITLE),
	    ui->opts->training ? "  " : "", ui->opts->training ? ui_msg(M_TRAINING) : "");
	ui_receipt_row(&sb, M_RC_NO, o->res.receipt_no);
	ui_receipt_row(&sb, M_RC_BUSINESS, ui_msg_vocab(&case_business_vocab[c->business]));
	ui_receipt_row(&sb, M_RC_NAME, c->applicant.name);
	if (idnum_parse(c->applicant.id_number, c->applicant.id_len, c->today, &id) == IDNUM_OK ||
	    id.number[0] != '\0')
		idnum_mask(id.number, masked);
	ui_receipt_row(&sb, M_RC_IDNUM, masked);
	ui_receipt_row(&sb, M_RC_ACCEPTED, ui_names_date(c->today));
	if (d->has_milestones) {
		ui_receipt_row(&sb, M_RC_TRANSFERRED, ui_names_date(d->transferred));
		ui_receipt_row(&sb, M_RC_REVIEWED, ui_names_date(d->reviewed));
	}
	if (d->ready_on != JZZ_DATE_NONE)
		ui_receipt_row(&sb, M_RC_READY, ui_names_date(d->ready_on));
	if (c->business == BIZ_REGISTRATION)   /* REG-2: one year, less a day */
		ui_receipt_row(&sb, M_RC_REG_VALID,
		    ui_names_date(date_years_end(c->today, RULES_REG_VALID_YEARS)));
	if (d->new_valid_until != JZZ_DATE_NONE)
		ui_receipt_row(&sb, M_RC_VALID_UNTIL, ui_names_date(d->new_valid_until));
	if (d->residence_years_reset)
		strbuf_printf(&sb, "%s\n", ui_msg(M_RC_RESET));
	if (d->fee_yuan > 0) {
		snprintf(buf, sizeof buf, ui_msg(M_RC_FEE_FMT), d->fee_yuan);
		if (c->fee_receipt_no[0] != '\0') {
			char no[128], paren[160], val[1024];
			int  n;

			n = snprintf(no, sizeof no, "%s %s", ui_msg(M_F_FEE_NO), c->fee_receipt_no);
			n += snprintf(paren, sizeof paren, ui_msg(M_FMT_PAREN), no);
			n += snprintf(val, sizeof val, "%s%s", buf, paren);
			(void)n;
			ui_receipt_lv(&sb, ui_msg(M_RC_FEE), val);
		} else
			ui_receipt_row(&sb, M_RC_FEE, buf);
	} else {
		ui_receipt_row(&sb, M_RC_FEE, ui_msg(M_RC_FEE_FREE));
	}
	if (d->cod_fee_yuan > 0) {
		snprintf(buf, sizeof buf, ui_msg(M_RC_COD), d->cod_fee_yuan);
		strbuf_printf(&sb, "%s\n", buf);
	}
	if (d->ready_on == JZZ_DATE_NONE)
		ui_receipt_row(&sb, M_RC_PICKUP, ui_msg(M_RC_NO_CARD));
	else if (c->delivery.method == DELIVERY_POST)
		ui_receipt_row(&sb, M_RC_PICKUP, ui_msg(M_RC_POST_TEXT));
	else
		ui_receipt_row(&sb, M_RC_PICKUP, ui_msg(M_RC_PICKUP_TEXT));
	for (int i = 0; i < d->nresults; i++) {
		char val[700];
		int  n;

		if (d->results[i].outcome != OUT_WARN)
			continue;
		rules_message(&d->results[i], ui_msg_lang(), buf, sizeof buf);
		n = snprintf(val, sizeof val, "[%s] %s", rules_code((enum rule_id)d->results[i].rule), buf);
		(void)n;
		ui_receipt_lv(&sb, ui_msg(M_RC_WARN), val);
	}
	{
		char val[400];
		int  n = snprintf(val, sizeof val, "%s %s", ui_receipt_centre_name(ui, ui->actor.centre),
		    ui->actor.centre);

		(void)n;
		ui_receipt_lv(&sb, ui_msg(M_RC_CENTRE), val);
	}
	ui_receipt_row(&sb, M_RC_CLERK, ui->actor.user);
	if (sb.oom) {
		strbuf_free(&sb);
		return NULL;
	}
	return sb.buf;
}

/* The receipts folder: $JZZ_RECEIPT_DIR, else "receipts" beside the database. */
static void
ui_receipt_dir(const struct ui *ui, char *out, size_t size)
{
	const char *env = getenv("JZZ_RECEIPT_DIR");
	char        db[1024];

	if (env != NULL && *env != '\0') {
		snprintf(out, size, "%s", env);
		return;
	}
	if (ui->opts->db != NULL)
		snprintf(db, sizeof db, "%s", ui->opts->db);
	else if (!service_default_path(db, sizeof db))
		snprintf(db, sizeof db, "./jzz.db");
	snprintf(out, size, "%s/receipts", dirname(db));
}

void
ui_receipt_export_dir(const struct ui *ui, char *out, size_t size)
{
	const char *env = getenv("JZZ_EXPORT_DIR");
	char        db[1024];

	if (env != NULL && *env != '\0') {
		snprintf(out, size, "%s", env);
		return;
	}
	if (ui->opts->db != NULL)
		snprintf(db, sizeof db, "%s", ui->opts->db);
	else if (!service_default_path(db, sizeof db))
		snprintf(db, sizeof db, "./jzz.db");
	snprintf(out, size, "%s/reports", dirname(db));
}

/* Runs `lp -d PRINTER FILE` with its output discarded; 0 on success. */
static int
ui_receipt_print(const char *printer, const char *path)
{
	pid_t pid;
	int   st;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("lp", "lp", "-d", printer, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

void
ui_receipt_output(const struct ui *ui, const char *receipt_no, const char *text,
                  char *note, size_t notelen)
{
	char        dir[1024], path[1200];
	const char *printer = getenv("JZZ_PRINTER");
	FILE       *f;
	size_t      o;

	ui_receipt_dir(ui, dir, sizeof dir);
	mkdir(dir, 0700);
	snprintf(path, sizeof path, "%s/%s.txt", dir, receipt_no);
	f = fopen(path, "wx");
	if (f == NULL && errno == EEXIST)
		f = fopen(path, "w");   /* the same receipt again: same number, same text */
	if (f == NULL || fputs(text, f) == EOF || fclose(f) != 0) {
		snprintf(note, notelen, ui_msg(M_RC_SAVE_FAIL), strerror(errno));
		return;
	}
	o = (size_t)snprintf(note, notelen, ui_msg(M_RC_SAVED), path);
	if (o < notelen)
		o += (size_t)snprintf(note + o, notelen - o, "%s", ui_msg(M_CLAUSE_SEP));
	if (o >= notelen)
		return;
	if (printer == NULL || *printer == '\0')
		snprintf(note + o, notelen - o, "%s", ui_msg(M_RC_NO_PRINTER));
	else if (ui_receipt_print(printer, path) == 0)
		snprintf(note + o, notelen - o, ui_msg(M_RC_PRINTED), printer);
	else
		snprintf(note + o, notelen - o, ui_msg(M_RC_PRINT_FAIL), "lp");
}
