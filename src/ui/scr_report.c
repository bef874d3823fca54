/*
 * scr_report.c: the supervisor's daily report (主管日报): one day, one
 * centre or the whole district, from service_report().
 *
 * Why it is built as a list of lines: the report is longer than any screen,
 * so it is laid out once (when the day, the scope or the language changes)
 * into lines that the draw function only scrolls through. Bars are block
 * characters sized in display columns (eighths of a cell), and every bar
 * has its number written beside it: colour never carries the meaning. The
 * service refuses anyone but supervisors and administrators; the home
 * screen only offers the entry to them, and this screen asks the service
 * anyway rather than trusting the key that opened it.
 *
 * F5 opens the export panel in place of the lines: CSV (with or without a
 * byte order mark) or an xlsx workbook, for the day shown or a range of
 * days, the same choices as `jzz report` and the same writers.
 */
#include "uipriv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "jzz/idnum.h"

#define RP_LABEL_COLS 26   /* the label column of a bar line */
#define RP_BAR_MAX    32   /* the longest bar, in columns */

struct rp_line {
	enum ui_attr a;
	char         text[256];   /* the label, or the whole line when no bar */
	bool         bar;
	int          value, max;  /* the bar's value and the section's largest */
	char         note[96];    /* written after the number */
};

struct report {
	struct service_report r;
	bool            loaded;
	jzz_date        day;
	int             scope;      /* 0: the actor's centre, 1: all, 2..: other centres */
	char            centre[SERVICE_CENTRE_LEN + 4];
	enum rules_lang lang;       /* the language the lines were made in */
	struct rp_line *lines;
	size_t          n, cap;
	int             top;        /* first line shown */
	int             page;       /* lines per page (set by draw) */
	struct ui_field date;
	enum service_status status;   /* of the last service_report */
	char            error[SERVICE_ERR_LEN];
	/* the export panel (F5) */
	bool            exporting;
	int             ex_focus;     /* enum rp_ex_item */
	bool            ex_xlsx, ex_bom;
	struct ui_field ex_from, ex_to;
};

enum rp_ex_item { RP_EX_FORMAT, RP_EX_BOM, RP_EX_FROM, RP_EX_TO, RP_EX__COUNT };

static struct rp_line *
scr_report_add(struct report *p, enum ui_attr a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Appends a line (text only); NULL when memory ran out (the line is lost). */
static struct rp_line *
scr_report_add(struct report *p, enum ui_attr a, const char *fmt, ...)
{
	struct rp_line *l;
	va_list         ap;

	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;
		struct rp_line *nl = realloc(p->lines, cap * sizeof *nl);

		if (nl == NULL)
			return NULL;
		p->lines = nl;
		p->cap = cap;
	}
	l = &p->lines[p->n++];
	memset(l, 0, sizeof *l);
	l->a = a;
	va_start(ap, fmt);
	vsnprintf(l->text, sizeof l->text, fmt, ap);
	va_end(ap);
	return l;
}

static void
scr_report_bar_line(struct report *p, const char *label, int value, int max, const char *note)
{
	struct rp_line *l = scr_report_add(p, UA_NORMAL, "  %s", label);

	if (l == NULL)
		return;
	l->bar = true;
	l->value = value;
	l->max = max;
	snprintf(l->note, sizeof l->note, "%s", note != NULL ? note : "");
}

static void
scr_report_section(struct report *p, enum msg_id title)
{
	scr_report_add(p, UA_NORMAL, "%s", "");
	scr_report_add(p, UA_BOLD, "■ %s", ui_msg(title));
}

static void
scr_report_none(struct report *p)
{
	scr_report_add(p, UA_DIM, "  %s", ui_msg(M_RP_NONE));
}

/* "受理 3 / 不全 1 / 不予 0" for a row of counts: short enough to stay on
 * an 80-column line beside the bar. */
static void
scr_report_verdicts(const int v[VERDICT__COUNT], char *buf, size_t size)
{
	snprintf(buf, size, ui_msg(M_RP_VERDICTS), v[VERDICT_ACCEPT], v[VERDICT_INCOMPLETE],
	    v[VERDICT_REFUSE]);
}

static void
scr_report_counts(struct report *p, const struct service_report_count *c, size_t n,
                  bool centre_names, struct ui *ui)
{
	int  max = 0;
	char note[96], label[2 * SERVICE_TEXT_LEN]; /* a code and a centre's name */

	for (size_t i = 0; i < n; i++)
		if (c[i].applications > max)
			max = c[i].applications;
	if (n == 0)
		scr_report_none(p);
	for (size_t i = 0; i < n; i++) {
		snprintf(label, sizeof label, "%s", centre_names ? ui_names_centre(ui, c[i].key) :
		    c[i].key);
		scr_report_verdicts(c[i].by_verdict, note, sizeof note);
		scr_report_bar_line(p, label, c[i].applications, max, note);
	}
}

/*
 * A list of persons; a list shown in part (n of total, SERVICE_REPORT_PAGE
 * at a time) ends with a line saying so, and F7 lists the next rows here,
 * fetched from the service: the supervisor reads the report of any day, centre or the district, which no
 * work queue shows (the home screen's are today's, of the actor's centre).
 */
static void
scr_report_persons(struct ui *ui, struct report *p, enum msg_id title,
                   const struct service_report_person *v, size_t n, size_t total, int kind)
{
	char masked[19], what[160];

	scr_report_section(p, title);
	if (n == 0)
		scr_report_none(p);
	for (size_t i = 0; i < n; i++) {
		idnum_mask(v[i].id_number, masked);
		switch (kind) {
		case 0:
			snprintf(what, sizeof what, ui_msg(M_RP_OVERDUE_LINE), ui_names_date(v[i].since),
			    ui_names_date(v[i].date), v[i].days);
			break;
		case 1:
			snprintf(what, sizeof what, ui_msg(M_RP_WINDOW_LINE), ui_names_date(v[i].date), v[i].days);
			break;
		case 2:
			snprintf(what, sizeof what, ui_msg(M_RP_SUSPENDED_LINE), ui_names_date(v[i].date),
			    v[i].days, ui_names_reason(v[i].detail));
			break;
		default:
			snprintf(what, sizeof what, ui_msg(M_RP_AUTO_LINE), ui_names_date(v[i].date),
			    ui_names_date(v[i].since), ui_names_reason(v[i].detail));
			break;
		}
		/* Two lines: who (and how to reach them), then why; one line would
		 * not fit 80 columns. */
		scr_report_add(p, kind == 0 ? UA_WARN : UA_NORMAL, "  %s  %s  %s  %s", v[i].name, masked,
		    v[i].phone[0] != '\0' ? v[i].phone : "—", service_centre_name(ui->svc, v[i].centre));
		scr_report_add(p, UA_DIM, "      %s", what);
	}
	if (n < total)
		scr_report_add(p, UA_WARN, ui_msg(M_RP_PARTIAL), n, total,
		    total - n < SERVICE_REPORT_PAGE ? (int)(total - n) : SERVICE_REPORT_PAGE);
}

/* Lays the report out into lines, in the current language. */
static void
scr_report_layout(struct ui *ui, struct report *p)
{
	const struct service_report *r = &p->r;
	int  max = 0, tot[VERDICT__COUNT] = { 0 };
	char label[SERVICE_TEXT_LEN], note[96];
	bool any;

	p->n = 0;
	p->lang = ui_msg_lang();
	if (!p->loaded)
		return;
	for (int b = 0; b < BIZ__COUNT; b++)
		for (int v = 0; v < VERDICT__COUNT; v++) {
			tot[v] += r->by_business[b][v];
			if (r->by_business[b][v] > max)
				max = r->by_business[b][v];
		}
	scr_report_add(p, UA_BOLD, ui_msg(M_RP_SUMMARY), r->applications, tot[VERDICT_ACCEPT],
	    tot[VERDICT_INCOMPLETE], tot[VERDICT_REFUSE]);
	scr_report_add(p, UA_NORMAL, ui_msg(M_RP_FAST), r->fast_track, r->fast_track_accepted);
	scr_report_add(p, UA_NORMAL, ui_msg(M_RP_CARDS), r->cards_received, r->cards_handed);

	scr_report_section(p, M_RP_BY_BUSINESS);
	any = false;
	for (int b = 0; b < BIZ__COUNT; b++)
		for (int v = 0; v < VERDICT__COUNT; v++) {
			if (r->by_business[b][v] == 0)
				continue;
			snprintf(label, sizeof label, "%s · %s", ui_msg_vocab(&case_business_vocab[b]),
			    ui_names_verdict((enum verdict)v));
			scr_report_bar_line(p, label, r->by_business[b][v], max, NULL);
			any = true;
		}
	if (!any)
		scr_report_none(p);

	scr_report_section(p, M_RP_BY_CLERK);
	scr_report_counts(p, r->by_clerk, r->nclerks, false, ui);
	scr_report_section(p, M_RP_BY_CENTRE);
	scr_report_counts(p, r->by_centre, r->ncentres, true, ui);

	scr_report_section(p, M_RP_FEES);
	snprintf(label, sizeof label, ui_msg(M_RP_FEES_TOTAL), r->fees_yuan, r->cod_fees_yuan);
	scr_report_add(p, UA_NORMAL, "  %s", label);
	for (size_t i = 0; i < r->nfees; i++) {
		const struct service_report_fee *fe = &r->fees[i];
		char masked[19];

		idnum_mask(fe->id_number, masked);
		snprintf(label, sizeof label, ui_msg(M_RP_FEE_LINE), fe->user, fe->name, masked,
		    fe->amount_yuan, fe->cod ? ui_msg(M_RP_COD) : "",
		    fe->fee_receipt_no[0] != '\0' ? fe->fee_receipt_no : "—");
		scr_report_add(p, UA_NORMAL, "  %s", label);
		snprintf(label, sizeof label, ui_msg(M_RP_FEE_LINE2), fe->receipt_no,
		    ui_msg_vocab(&case_business_vocab[fe->business]));
		scr_report_add(p, UA_DIM, "      %s", label);
	}
	if (r->nfees < r->fees_total)
		scr_report_add(p, UA_WARN, ui_msg(M_RP_FEES_PARTIAL), r->nfees, r->fees_total,
		    r->fees_total - r->nfees < SERVICE_REPORT_PAGE ? (int)(r->fees_total - r->nfees) :
		    SERVICE_REPORT_PAGE);

	scr_report_section(p, M_RP_RULES);
	max = 0;
	for (size_t i = 0; i < r->nrules; i++)
		if (r->rules[i].fail + r->rules[i].missing > max)
			max = r->rules[i].fail + r->rules[i].missing;
	any = false;
	for (size_t i = 0; i < r->nrules; i++) {
		const struct service_report_rule *ru = &r->rules[i];

		if (ru->fail + ru->missing + ru->warn == 0)
			continue;
		snprintf(note, sizeof note, ui_msg(M_RP_RULE_LINE), ru->fail, ru->missing, ru->warn);
		scr_report_bar_line(p, ru->rule, ru->fail + ru->missing, max, note);
		any = true;
	}
	if (!any)
		scr_report_none(p);

	scr_report_section(p, M_RP_DOCS);
	max = 0;
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] > max)
			max = r->missing_docs[d];
	any = false;
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] > 0) {
			scr_report_bar_line(p, ui_msg_vocab(&case_doc_vocab[d]), r->missing_docs[d], max, NULL);
			any = true;
		}
	if (!any)
		scr_report_none(p);

	scr_report_persons(ui, p, M_RP_OVERDUE, r->overdue, r->noverdue, r->overdue_total, 0);
	scr_report_persons(ui, p, M_RP_WINDOW, r->window, r->nwindow, r->window_total, 1);
	scr_report_persons(ui, p, M_RP_SUSPENDED, r->suspended, r->nsuspended, r->suspended_total, 2);
	scr_report_persons(ui, p, M_RP_AUTO_FAILED, r->auto_failed, r->nauto_failed,
	    r->auto_failed_total, 3);
}

/* The centre code of scope index i: the actor's, all, then the others. */
static bool
scr_report_scope_centre(struct ui *ui, int i, char *out, size_t size)
{
	const struct service_place *pl;
	size_t np;
	int    k = 2;

	if (i == 0) {
		snprintf(out, size, "%s", ui->actor.centre);
		return true;
	}
	if (i == 1) {
		snprintf(out, size, "%s", SERVICE_REPORT_ALL);
		return true;
	}
	pl = service_places(ui->svc, &np);
	for (size_t j = 0; j < np; j++) {
		if (pl[j].kind != SERVICE_PLACE_CENTRE || strcmp(pl[j].code, ui->actor.centre) == 0)
			continue;
		if (k++ == i) {
			snprintf(out, size, "%s", pl[j].code);
			return true;
		}
	}
	return false;
}

static void
scr_report_load(struct ui *ui, struct report *p)
{
	service_report_free(&p->r);
	memset(&p->r, 0, sizeof p->r);
	p->error[0] = '\0';
	p->status = service_report(ui->svc, &ui->actor, p->centre, p->day, p->day, &p->r);
	p->loaded = p->status == SERVICE_OK;
	if (!p->loaded)
		snprintf(p->error, sizeof p->error, ui_msg(M_RP_FAIL), service_errmsg(ui->svc));
	p->top = 0;
	scr_report_layout(ui, p);
}

static void
scr_report_reload(struct ui *ui, struct screen *sc)
{
	scr_report_load(ui, sc->data);
}

static int
scr_report_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct report *p = sc->data;

	(void)arg;
	ui_field_init(&p->date, UF_DATE, 10);
	ui_field_init(&p->ex_from, UF_DATE, 10);
	ui_field_init(&p->ex_to, UF_DATE, 10);
	p->day = ui->today;
	scr_report_scope_centre(ui, 0, p->centre, sizeof p->centre);
	/* Asked of the service, not assumed from the role that opened the
	 * screen: the same answer as `jzz report` gives. */
	scr_report_load(ui, p);
	if (!p->loaded) {
		ui_status_failed(ui, p->status, M_ONLY_SUPERVISOR, M_RP_FAIL);
		return -1;
	}
	return 0;
}

static void
scr_report_free(void *data)
{
	struct report *p = data;

	service_report_free(&p->r);
	free(p->lines);
}

/* Blocks for value out of max in width columns, to the eighth of a cell;
 * a value above zero is never drawn as nothing. */
static void
scr_report_bar(int value, int max, int width, char *out, size_t size)
{
	static const char *const part[8] = { "", "▏", "▎", "▍", "▌", "▋", "▊", "▉" };
	long eighths;
	size_t o = 0;

	out[0] = '\0';
	if (value <= 0 || max <= 0 || width <= 0)
		return;
	eighths = ((long)value * width * 8 + max / 2) / max;
	if (eighths < 1)
		eighths = 1;
	for (long i = 0; i < eighths / 8 && o + 4 < size; i++)
		o += (size_t)snprintf(out + o, size - o, "█");
	if (eighths % 8 != 0 && o + 4 < size)
		snprintf(out + o, size - o, "%s", part[eighths % 8]);
}

static void scr_report_draw_export(struct ui *ui, struct report *p, struct ui_view *v);

static void
scr_report_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct report *p = sc->data;
	char           scope[SERVICE_TEXT_LEN], bar[RP_BAR_MAX * 4 + 8];
	int            y, barw, x;

	if (p->lang != ui_msg_lang())
		scr_report_layout(ui, p);
	if (strcmp(p->centre, SERVICE_REPORT_ALL) == 0)
		snprintf(scope, sizeof scope, "%s", ui_msg(M_RP_ALL));
	else
		snprintf(scope, sizeof scope, "%s", ui_names_centre(ui, p->centre));
	ui_view_printf(v, 0, 0, 0, UA_BOLD, ui_msg(M_RP_HEAD), ui_names_date(p->day), scope);
	x = v->cols - 30;
	ui_view_text(v, 0, x, 0, UA_NORMAL, ui_msg(M_RP_DATE_PROMPT));
	ui_field_draw(&p->date, v, 0, x + ui_view_cols(ui_msg(M_RP_DATE_PROMPT)), 12, true, false);
	ui_view_hline(v, 1, NULL);
	p->page = v->rows - 3;
	if (p->page < 1)
		p->page = 1;
	barw = v->cols - RP_LABEL_COLS - 38;
	if (barw > RP_BAR_MAX)
		barw = RP_BAR_MAX;
	if (barw < 8)
		barw = 8;
	if (p->exporting) {
		scr_report_draw_export(ui, p, v);
		return;
	}
	if (p->error[0] != '\0')
		ui_view_wrap(v, 2, 2, v->cols - 4, 2, UA_ERROR, p->error);
	for (y = 0; y < p->page && p->top + y < (int)p->n; y++) {
		const struct rp_line *l = &p->lines[p->top + y];

		if (!l->bar) {
			ui_view_text(v, 2 + y, 0, 0, l->a, l->text);
			continue;
		}
		ui_view_text(v, 2 + y, 0, RP_LABEL_COLS, l->a, l->text);
		scr_report_bar(l->value, l->max, barw, bar, sizeof bar);
		x = RP_LABEL_COLS + 1;
		x += ui_view_text(v, 2 + y, x, barw, UA_OK, bar);
		ui_view_printf(v, 2 + y, x + 1, 0, UA_BOLD, "%d", l->value);
		if (l->note[0] != '\0')
			ui_view_text(v, 2 + y, x + 6, 0, UA_DIM, l->note);
	}
	ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_RP_HINT));
}

static void
scr_report_scroll(struct report *p, int by)
{
	int last = (int)p->n - p->page;

	p->top += by;
	if (p->top > last)
		p->top = last;
	if (p->top < 0)
		p->top = 0;
}

/* The export's dates; false (and the status says why) when one is not a
 * date or they are the wrong way round. */
static bool
scr_report_export_range(struct ui *ui, struct report *p, jzz_date *from, jzz_date *to)
{
	const struct ui_field *f[2] = { &p->ex_from, &p->ex_to };
	const enum msg_id      what[2] = { M_RP_EX_FROM, M_RP_EX_TO };
	jzz_date              *d[2] = { from, to };

	for (int i = 0; i < 2; i++) {
		char buf[32];

		ui_field_get(f[i], buf, sizeof buf);
		if (!date_parse(buf, strlen(buf), d[i])) {
			ui_status(ui, UA_ERROR, ui_msg(M_FMT_LV), ui_msg(what[i]), ui_msg(M_ERR_DATE));
			p->ex_focus = RP_EX_FROM + i;
			return false;
		}
	}
	if (*from > *to) {
		ui_status(ui, UA_ERROR, "%s", ui_msg(M_RP_EX_BAD_RANGE));
		p->ex_focus = RP_EX_FROM;
		return false;
	}
	return true;
}

/* Where the export goes: report-CENTRE-DAY.csv for a day (the name it
 * always had), report-CENTRE-FROM_TO.xlsx for a range. */
static void
scr_report_export_path(struct ui *ui, const struct report *p, jzz_date from, jzz_date to,
                       char *path, size_t size)
{
	char dir[900], a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN + 1] = "";

	ui_receipt_export_dir(ui, dir, sizeof dir);
	date_format(from, a);
	if (to != from) {
		b[0] = '_';
		date_format(to, b + 1);
	}
	snprintf(path, size, "%s/report-%s-%s%s.%s", dir, p->centre, a, b, p->ex_xlsx ? "xlsx" : "csv");
}

static void
scr_report_export_open(struct report *p)
{
	char day[JZZ_DATE_STRLEN];

	date_format(p->day, day);
	ui_field_set(&p->ex_from, day);
	ui_field_set(&p->ex_to, day);
	p->ex_focus = RP_EX_FORMAT;
	p->exporting = true;
}

/* Enter on the panel: the report of the chosen days (the one on screen
 * when they are its day) written in the chosen format, every row of its
 * lists and its ledger (a file is for reconciling, not for a glance: as
 * `jzz report --all`). */
static void
scr_report_export(struct ui *ui, struct report *p)
{
	struct service_report  other;
	const struct service_report *r = &p->r;
	char                   dir[900], path[1024], err[1200];
	jzz_date               from, to;
	int                    rc;

	if (!scr_report_export_range(ui, p, &from, &to))
		return;
	if (from != p->day || to != p->day) {
		if (service_report(ui->svc, &ui->actor, p->centre, from, to, &other) != SERVICE_OK) {
			ui_status(ui, UA_ERROR, ui_msg(M_RP_FAIL), service_errmsg(ui->svc));
			return;
		}
		r = &other;
	}
	if (service_report_in_part(r) &&
	    service_report_whole(ui->svc, &ui->actor, r == &other ? &other : &p->r) != SERVICE_OK) {
		ui_status(ui, UA_ERROR, ui_msg(M_RP_FAIL), service_errmsg(ui->svc));
		if (r == &other)
			service_report_free(&other);
		return;
	}
	if (r == &p->r) {   /* the screen shows what the file holds */
		int top = p->top;

		scr_report_layout(ui, p);
		p->top = top;
		scr_report_scroll(p, 0);
	}
	if (!ui_receipt_export_dir(ui, dir, sizeof dir)) {
		ui_status(ui, UA_ERROR, ui_msg(M_RP_EXPORT_FAIL), "path too long");
		if (r == &other)
			service_report_free(&other);
		return;
	}
	mkdir(dir, 0700);
	scr_report_export_path(ui, p, from, to, path, sizeof path);
	rc = ui_csv_report_write(r, path, p->ex_xlsx, p->ex_bom, err, sizeof err);
	if (r == &other)
		service_report_free(&other);
	if (rc == 0) {
		ui_status(ui, UA_OK, ui_msg(M_RP_EXPORTED), path);
		p->exporting = false;
	} else {
		ui_status(ui, UA_ERROR, ui_msg(M_RP_EXPORT_FAIL), err);
	}
}

/* The panel, drawn where the lines were: one item a line, the focused one
 * marked, then the file it would write. */
static void
scr_report_draw_export(struct ui *ui, struct report *p, struct ui_view *v)
{
	static const enum msg_id label[RP_EX__COUNT] = {
		M_RP_EX_FORMAT, M_RP_EX_BOM, M_RP_EX_FROM, M_RP_EX_TO
	};
	char     path[1024];
	jzz_date from, to;
	int      x = 4 + 16;

	ui_view_printf(v, 3, 2, 0, UA_BOLD, "■ %s", ui_msg(M_RP_EX_TITLE));
	for (int i = 0; i < RP_EX__COUNT; i++) {
		int          y = 5 + i * 2;
		bool         focus = p->ex_focus == i;
		enum ui_attr a = focus ? UA_REVERSE : UA_NORMAL;

		ui_view_text(v, y, 2, 2, UA_BOLD, focus ? "▶" : " ");
		ui_view_text(v, y, 4, 16, UA_NORMAL, ui_msg(label[i]));
		switch (i) {
		case RP_EX_FORMAT:
			x = 4 + 16;
			x += ui_view_text(v, y, x, 0, !p->ex_xlsx ? a : UA_DIM, !p->ex_xlsx ? "[CSV]" : " CSV ");
			ui_view_text(v, y, x + 2, 0, p->ex_xlsx ? a : UA_DIM,
			    p->ex_xlsx ? "[Excel (xlsx)]" : " Excel (xlsx) ");
			break;
		case RP_EX_BOM:
			x = 4 + 16;
			if (p->ex_xlsx) {
				ui_view_text(v, y, x, 0, UA_DIM, ui_msg(M_RP_EX_BOM_NA));
				break;
			}
			x += ui_view_printf(v, y, x, 0, a, "[%s]", ui_msg(p->ex_bom ? M_RP_EX_YES : M_RP_EX_NO));
			ui_view_text(v, y, x + 2, 0, UA_DIM, ui_msg(M_RP_EX_BOM_NOTE));
			break;
		default:
			ui_field_draw(i == RP_EX_FROM ? &p->ex_from : &p->ex_to, v, y, 4 + 16, 12, focus,
			    false);
			break;
		}
	}
	{
		char a[32], b[32];

		ui_field_get(&p->ex_from, a, sizeof a);
		ui_field_get(&p->ex_to, b, sizeof b);
		if (date_parse(a, strlen(a), &from) && date_parse(b, strlen(b), &to) && from <= to) {
			const char *slash;

			scr_report_export_path(ui, p, from, to, path, sizeof path);
			slash = strrchr(path, '/');
			ui_view_printf(v, 14, 4, v->cols - 6, UA_NORMAL, ui_msg(M_RP_EX_FILE),
			    slash != NULL ? slash + 1 : path);
			if (slash != NULL)
				ui_view_printf(v, 15, 4, v->cols - 6, UA_DIM, ui_msg(M_RP_EX_DIR),
				    (int)(slash - path), path);
		}
	}
	if (p->ex_focus < RP_EX_FROM)
		ui_view_cursor(v, -1, -1);
	ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_RP_EX_HINT));
}

/* Keys while the panel is open: it takes them all (Esc closes it, not the
 * screen). */
static int
scr_report_export_key(struct ui *ui, struct report *p, const struct ui_key *k)
{
	struct ui_field *f = p->ex_focus == RP_EX_FROM ? &p->ex_from :
	                     p->ex_focus == RP_EX_TO ? &p->ex_to : NULL;

	if (k->type == UK_ESC) {
		p->exporting = false;
		return UI_HANDLED;
	}
	if (UK_IS(k, UI_KEY_ENTER) || UK_IS_FN(k, 5)) {
		scr_report_export(ui, p);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_DOWN) || UK_IS(k, UI_KEY_TAB)) {
		p->ex_focus = (p->ex_focus + 1) % RP_EX__COUNT;
		if (p->ex_focus == RP_EX_BOM && p->ex_xlsx)
			p->ex_focus++;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_UP) || UK_IS_SP(k, KEY_BTAB)) {
		p->ex_focus = (p->ex_focus + RP_EX__COUNT - 1) % RP_EX__COUNT;
		if (p->ex_focus == RP_EX_BOM && p->ex_xlsx)
			p->ex_focus--;
		return UI_HANDLED;
	}
	if (f == NULL && (UK_IS_SP(k, KEY_LEFT) || UK_IS_SP(k, KEY_RIGHT) || UK_IS(k, ' '))) {
		if (p->ex_focus == RP_EX_FORMAT)
			p->ex_xlsx = !p->ex_xlsx;
		else
			p->ex_bom = !p->ex_bom;
		return UI_HANDLED;
	}
	if (f != NULL)
		ui_field_key(f, k);
	return UI_HANDLED;   /* nothing reaches the report behind the panel */
}

/* F4: the supervisor's daily sheet (A4 PDF, service_paper_daily) in the
 * reports folder, printed when JZZ_PRINTER is set; its fee ledger is
 * signed whole, so the pages not read yet are read first (and shown). */
static void
scr_report_sheet(struct ui *ui, struct report *p)
{
	struct paper        sheet;
	char                note[1400];
	enum service_status st;

	if (service_report_in_part(&p->r)) {
		int top = p->top;

		if ((st = service_report_whole(ui->svc, &ui->actor, &p->r)) != SERVICE_OK) {
			ui_status_failed(ui, st, M_ONLY_SUPERVISOR, M_RP_FAIL);
			return;
		}
		scr_report_layout(ui, p);
		p->top = top;
		scr_report_scroll(p, 0);
	}
	service_paper_daily(ui->svc, &p->r, ui_msg_lang(), &sheet);
	ui_paper_output(ui, &sheet, true, M_RP_SHEET_SAVED, note, sizeof note);
	paper_free(&sheet);
	ui_status(ui, UA_OK, "%s", note);
}

/* F7: the next rows of the lists shown in part, where the reader was. */
static void
scr_report_more(struct ui *ui, struct report *p)
{
	int                 top = p->top;
	enum service_status st;

	if (!p->loaded || !service_report_in_part(&p->r))
		return;
	if ((st = service_report_more(ui->svc, &ui->actor, &p->r, NULL)) != SERVICE_OK) {
		ui_status_failed(ui, st, M_ONLY_SUPERVISOR, M_RP_FAIL);
		return;
	}
	scr_report_layout(ui, p);
	p->top = top;
	scr_report_scroll(p, 0);
}

static void
scr_report_set_day(struct ui *ui, struct report *p, jzz_date d)
{
	p->day = d;
	scr_report_load(ui, p);
	if (!p->loaded)
		ui_status(ui, UA_ERROR, "%s", p->error);
}

static int
scr_report_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct report *p = sc->data;
	bool           typing = !ui_field_empty(&p->date);

	if (p->exporting)
		return scr_report_export_key(ui, p, k);
	if (UK_IS(k, UI_KEY_ENTER) && typing) {
		char     buf[32];
		jzz_date d;

		ui_field_get(&p->date, buf, sizeof buf);
		if (!date_parse(buf, strlen(buf), &d)) {
			ui_status(ui, UA_ERROR, ui_msg(M_FMT_LV), ui_msg(M_RP_DATE_PROMPT), ui_msg(M_ERR_DATE));
			return UI_HANDLED;
		}
		ui_field_set(&p->date, "");
		scr_report_set_day(ui, p, d);
		return UI_HANDLED;
	}
	if (!typing && UK_IS_SP(k, KEY_LEFT)) {
		scr_report_set_day(ui, p, p->day - 1);
		return UI_HANDLED;
	}
	if (!typing && UK_IS_SP(k, KEY_RIGHT)) {
		scr_report_set_day(ui, p, p->day + 1);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_DOWN)) {
		scr_report_scroll(p, 1);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_UP)) {
		scr_report_scroll(p, -1);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_NPAGE)) {
		scr_report_scroll(p, p->page);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_PPAGE)) {
		scr_report_scroll(p, -p->page);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 3)) {
		p->scope++;
		if (!scr_report_scope_centre(ui, p->scope, p->centre, sizeof p->centre)) {
			p->scope = 0;
			scr_report_scope_centre(ui, 0, p->centre, sizeof p->centre);
		}
		scr_report_load(ui, p);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5)) {
		if (p->loaded)
			scr_report_export_open(p);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 4)) {
		if (p->loaded)
			scr_report_sheet(ui, p);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 7)) {
		scr_report_more(ui, p);
		return UI_HANDLED;
	}
	if (k->type == UK_ESC && typing) {
		ui_field_set(&p->date, "");
		return UI_HANDLED;
	}
	if (ui_field_key(&p->date, k))
		return UI_HANDLED;
	return 0;
}

const struct screen_mode scr_report_mode = {
	.name = "report",
	.title = M_REPORT_TITLE,
	.help = M_HELP_REPORT,
	.size = sizeof(struct report),
	.init = scr_report_init,
	.draw = scr_report_draw,
	.key = scr_report_key,
	.free = scr_report_free,
	.reload = scr_report_reload,
	.fkeys = { { 3, M_FK_CENTRE }, { 4, M_FK_SHEET }, { 5, M_FK_EXPORT }, { 7, M_FK_MORE } },
};
