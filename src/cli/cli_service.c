/*
 * cli_service.c: helpers of the commands that use the database (see
 * cli_service.h).
 */
#include "cli_service.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>

#include "jzz/casefmt.h"
#include "jzz/paper.h"

jzz_date
cli_today(const struct cli_opts *opts)
{
	return opts->today != JZZ_DATE_NONE ? opts->today : service_real_today();
}

/* A day other than today (--today, or a trainer's stored day) changes every
 * date written: said once on stderr, with the command's output, so that
 * stdout stays its JSON and input refused before any work (exit 2) keeps
 * its one line of stderr (case-format.md). */
static char cli_day_note[96];

static void
cli_day_note_flush(void)
{
	if (cli_day_note[0] == '\0')
		return;
	fputs(cli_day_note, stderr);
	cli_day_note[0] = '\0';
}

struct service *
cli_service_open(const struct cli_opts *opts)
{
	char            err[512], want[JZZ_DATE_STRLEN], got[JZZ_DATE_STRLEN];
	struct service *s = service_open_with(opts->db, opts->training ? SERVICE_DB_TRAINING :
	    SERVICE_DB_PRODUCTION, opts->training ? NULL : opts->audit_key_file, err, sizeof err);
	jzz_date        real = service_real_today();

	if (s == NULL) {
		cli_error("%s", err);
		return NULL;
	}
	/* A production database works on the real date only (case-format.md):
	 * a day given otherwise is refused before anything is read or written. */
	if (service_db_mode(s) == SERVICE_DB_PRODUCTION && opts->today != JZZ_DATE_NONE &&
	    opts->today != real) {
		date_format(real, want);
		date_format(opts->today, got);
		cli_error("--today %s: a production database works on the real date (%s); rehearse"
		    " on a database made by `jzz init --rehearsal`", got, want);
		service_close(s);
		return NULL;
	}
	if (opts->today != JZZ_DATE_NONE && opts->today != real) {
		date_format(real, want);
		date_format(opts->today, got);
		snprintf(cli_day_note, sizeof cli_day_note, "jzz: day of work %s (today is %s)\n", got,
		    want);
	}
	return s;
}

/* Why main.c asks before any command runs: every command takes its day from
 * opts->today (some before they open the database), and a trainer's day
 * must be the day of all of them. Silent when the file cannot be opened:
 * the command itself will say why. */
void
cli_training_today(struct cli_opts *opts)
{
	char            err[512];
	struct service *s;

	if (!opts->training || opts->today != JZZ_DATE_NONE)
		return;
	if ((s = service_open_mode(opts->db, SERVICE_DB_TRAINING, err, sizeof err)) == NULL)
		return;
	opts->today = service_work_day(s, JZZ_DATE_NONE);
	service_close(s);
}

bool
cli_password(const char *file, const char *prompt, char *buf, size_t size)
{
	FILE          *f;
	struct termios old, quiet;
	bool           tty = false, ok;
	size_t         n;

	if (file != NULL)
		f = fopen(file, "re");
	else {
		/* typed at the terminal, never echoed */
		if ((f = fopen("/dev/tty", "r+e")) == NULL) {
			cli_error("no password: give --password-file FILE (no terminal to ask on)");
			return false;
		}
		tty = tcgetattr(fileno(f), &old) == 0;
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
		if (tty)
			tcsetattr(fileno(f), TCSAFLUSH, &quiet);
		fprintf(f, "%s", prompt);
		fflush(f);
	}
	if (f == NULL) {
		cli_error("%s: %s", file, strerror(errno));
		return false;
	}
	ok = fgets(buf, (int)size, f) != NULL;
	if (tty) {
		tcsetattr(fileno(f), TCSAFLUSH, &old);
		fputc('\n', f);
	}
	fclose(f);
	if (!ok) {
		cli_error("%s: no password in it", file != NULL ? file : "terminal");
		buf[0] = '\0';
		return false;
	}
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return true;
}

int
cli_actor(struct service *s, const struct cli_opts *opts, struct service_actor *a)
{
	struct service_login_info info;
	enum service_login_result r;
	enum service_status       st;
	char                      pw[256], prompt[128];

	if (opts->user == NULL) {
		if ((st = service_actor_owner(s, opts->centre, a)) != SERVICE_OK) {
			cli_error("%s", service_errmsg(s));
			return -1;
		}
		return 0;
	}
	snprintf(prompt, sizeof prompt, "password for %.64s: ", opts->user);
	if (!cli_password(opts->password_file, prompt, pw, sizeof pw))
		return -1;
	r = service_login(s, opts->user, pw, opts->centre, time(NULL), a, &info);
	explicit_bzero(pw, sizeof pw);
	if (r == SERVICE_LOGIN_OK)
		return 0;
	if (r == SERVICE_LOGIN_NEEDS_PASSWORD)
		cli_error("%s: a temporary password serves only to set the account's own:"
		    " jzz --user %s --password-file OLD user password --new-password-file NEW",
		    opts->user, opts->user);
	else if (r == SERVICE_LOGIN_DENIED)
		cli_error("%s: wrong account or password (%d more tries before a %d-minute lock)",
		    opts->user, info.attempts_left, SERVICE_LOCK_SECONDS / 60);
	else
		cli_error("%s: %s", opts->user, service_errmsg(s));
	return -1;
}

int
cli_with_service(const struct cli_opts *opts,
                 int (*fn)(struct service *s, const struct service_actor *a, void *arg),
                 void *arg)
{
	struct service      *s;
	struct service_actor a;
	int                  rc;

	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	rc = fn(s, &a, arg);
	service_close(s);
	return rc;
}

int
cli_service_fail(struct service *s, enum service_status st, const char *what)
{
	cli_error("%s: %s", what, service_errmsg(s));
	return st == SERVICE_ERR_INVALID ? CLI_BADCASE : st == SERVICE_ERR_BUSY ? CLI_BUSY : CLI_FAIL;
}

int
cli_print_result(const struct service_result *r)
{
	struct cli_json j;

	cli_json_start(&j);
	if (r->replay_json != NULL) {
		/* A retry: the decision printed the first time, the same record. */
		size_t n = strlen(r->replay_json);

		while (n > 0 && r->replay_json[n - 1] != '}')
			n--;
		strbuf_add(j.sb, r->replay_json, n > 0 ? n - 1 : 0);
	} else {
		casefmt_decision_open(j.sb, &r->decision);
	}
	cli_json_resume(&j);
	cli_json_object(&j, "record");
	cli_json_str(&j, "application_id", r->application_id);
	cli_json_str_or_null(&j, "receipt_no", r->receipt_no);
	cli_json_end(&j);
	cli_json_end(&j);
	return cli_json_print(&j);
}

int
cli_print(struct strbuf *sb)
{
	strbuf_putc(sb, '\n');
	return cli_write(sb);
}

int
cli_write(struct strbuf *sb)
{
	cli_day_note_flush();
	if (sb->oom) {
		cli_error("out of memory");
		return CLI_FAIL;
	}
	if (fwrite(sb->buf, 1, sb->len, stdout) != sb->len || fflush(stdout) != 0) {
		cli_error("writing the output: %s", strerror(errno));
		return CLI_FAIL;
	}
	return CLI_OK;
}

int
cli_paper_output(const struct cli_opts *opts, bool reports, const struct paper *p,
                 const char *output, const char *printer)
{
	char dir[1024], path[1200], err[1400];
	int  rc;

	cli_paper_dir(opts, reports, dir, sizeof dir);
	rc = paper_output(p, output, dir, printer, path, sizeof path, err, sizeof err);
	if (rc != -1)
		printf("%s\n", path);
	if (rc != 0)
		cli_error("%s", err);
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

void
cli_paper_dir(const struct cli_opts *opts, bool reports, char *out, size_t size)
{
	const char *given = reports ? opts->export_dir : opts->receipt_dir;

	if (given != NULL && *given != '\0')
		snprintf(out, size, "%s", given);
	else
		service_paper_dir(opts->db, reports, out, size);
}
