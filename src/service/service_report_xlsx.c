/*
 * service_report_xlsx.c: the supervisors' report as a spreadsheet workbook
 * (.xlsx, written with libxlsxwriter), one writer for every caller
 * (`jzz report --format xlsx --output FILE` and the terminal's export).
 *
 * One sheet per section of the report, in the order of the JSON: a title
 * row (centre and period), a heading row, both frozen, then the rows.
 * Beside every code stands its name for people, taken from the rules
 * core's vocabulary (service_report_labels.c finds it); the code stays in
 * its own column so that the sheet can be matched with `--format json`.
 * Dates are Excel dates with a date format, money numbers with a ¥ format,
 * counts numbers. Every text is written as a string, never a formula: a
 * name typed as "=..." at the counter must reach the spreadsheet as those
 * characters. ID numbers are masked, as in every format of the report.
 * The counts by business and by clerk get native (stacked column) charts.
 */
#include <stdio.h>
#include <string.h>

#include <xlsxwriter.h>

#include "jzz/idnum.h"
#include "jzz/strbuf.h"
#include "jzz/service.h"
#include "service_file.h"
#include "service_report_labels.h"

#define XLSX_MAX_COLS   16
#define XLSX_FIRST_ROW  2      /* below the title and the headings */
#define XLSX_MIN_WIDTH  6.0
#define XLSX_MAX_WIDTH  60.0

/* A heading in both languages. */
struct xlsx_head {
	const char *zh, *en;
};

struct xlsx {
	lxw_workbook                *wb;
	lxw_format                  *title, *head, *date, *money, *count;
	const struct service_report *r;
	enum rules_lang              lang;
	char                         caption[256];   /* the title row */
};

struct xlsx_sheet {
	struct xlsx   *x;
	lxw_worksheet *ws;
	const char    *name;
	int            ncols;
	lxw_row_t      row;                   /* the next row to write */
	int            width[XLSX_MAX_COLS];  /* display columns of the widest cell */
	lxw_error      err;                   /* the first error of a write */
};

/* Display columns of UTF-8 text as a spreadsheet shows it: the core's
 * measure (text_cols), wide characters two. */
static int
xlsx_cols(const char *s)
{
	return (int)text_cols(s);
}

static const char *
xlsx_word(const struct xlsx *x, const struct xlsx_head *h)
{
	return x->lang == LANG_EN ? h->en : h->zh;
}

static void
xlsx_fit(struct xlsx_sheet *sh, int col, int cols)
{
	if (col >= 0 && col < XLSX_MAX_COLS && cols > sh->width[col])
		sh->width[col] = cols;
}

static void
xlsx_check(struct xlsx_sheet *sh, lxw_error e)
{
	if (e != LXW_NO_ERROR && sh->err == LXW_NO_ERROR)
		sh->err = e;
}

static void
xlsx_str(struct xlsx_sheet *sh, int col, const char *s)
{
	if (s == NULL || s[0] == '\0')
		return;
	xlsx_check(sh, worksheet_write_string(sh->ws, sh->row, (lxw_col_t)col, s, NULL));
	xlsx_fit(sh, col, xlsx_cols(s));
}

static void
xlsx_num(struct xlsx_sheet *sh, int col, double v, lxw_format *f, int extra)
{
	char buf[32];

	xlsx_check(sh, worksheet_write_number(sh->ws, sh->row, (lxw_col_t)col, v, f));
	xlsx_fit(sh, col, snprintf(buf, sizeof buf, "%.0f", v) + extra);
}

static void
xlsx_count(struct xlsx_sheet *sh, int col, int v)
{
	xlsx_num(sh, col, v, sh->x->count, 0);
}

/* Money: whole yuan, shown "¥1,234". */
static void
xlsx_money(struct xlsx_sheet *sh, int col, int yuan)
{
	xlsx_num(sh, col, yuan, sh->x->money, 3);
}

static void
xlsx_date(struct xlsx_sheet *sh, int col, jzz_date d)
{
	lxw_datetime dt = { 0 };

	if (d == JZZ_DATE_NONE)
		return;
	date_to_ymd(d, &dt.year, &dt.month, &dt.day);
	xlsx_check(sh, worksheet_write_datetime(sh->ws, sh->row, (lxw_col_t)col, &dt, sh->x->date));
	xlsx_fit(sh, col, JZZ_DATE_STRLEN - 1);
}

/* The code's name, or the code itself when it has none. */
static void
xlsx_label(struct xlsx_sheet *sh, int col, enum service_label_kind kind, const char *code)
{
	const char *l = service_report_label(kind, code, sh->x->lang);

	xlsx_str(sh, col, l != NULL ? l : code);
}

static void
xlsx_masked(struct xlsx_sheet *sh, int col, const char *id)
{
	char m[IDNUM_MASK_LEN];

	xlsx_str(sh, col, idnum_mask(id, m));
}

/* A new sheet named after its section, with the title and heading rows
 * frozen above what follows. */
static int
xlsx_sheet_open(struct xlsx *x, struct xlsx_sheet *sh, const char *section,
                const struct xlsx_head *heads, int ncols)
{
	memset(sh, 0, sizeof *sh);
	sh->x = x;
	sh->name = service_report_label(SERVICE_LABEL_SECTION, section, x->lang);
	sh->ncols = ncols;
	sh->ws = workbook_add_worksheet(x->wb, sh->name);
	if (sh->ws == NULL)
		return -1;
	xlsx_check(sh, worksheet_write_string(sh->ws, 0, 0, x->caption, x->title));
	for (int c = 0; c < ncols; c++) {
		const char *h = xlsx_word(x, &heads[c]);

		xlsx_check(sh, worksheet_write_string(sh->ws, 1, (lxw_col_t)c, h, x->head));
		xlsx_fit(sh, c, xlsx_cols(h));
	}
	worksheet_freeze_panes(sh->ws, XLSX_FIRST_ROW, 0);
	sh->row = XLSX_FIRST_ROW;
	return 0;
}

/* Widths that fit the widest cell of each column (the title row aside: it
 * runs over the empty cells to its right). */
static int
xlsx_sheet_close(struct xlsx_sheet *sh)
{
	for (int c = 0; c < sh->ncols; c++) {
		double w = sh->width[c] + 2;

		if (w < XLSX_MIN_WIDTH)
			w = XLSX_MIN_WIDTH;
		if (w > XLSX_MAX_WIDTH)
			w = XLSX_MAX_WIDTH;
		xlsx_check(sh, worksheet_set_column(sh->ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL));
	}
	return sh->err == LXW_NO_ERROR ? 0 : -1;
}

/* A stacked column chart of the three decisions over rows [first, last] of
 * the sheet: categories in column cat, the counts in columns v0..v0+2. */
static void
xlsx_chart(struct xlsx_sheet *sh, const char *title, int cat, int v0, lxw_row_t first,
           lxw_row_t last)
{
	lxw_chart *ch;

	if (last < first)
		return;   /* nothing to draw */
	ch = workbook_add_chart(sh->x->wb, LXW_CHART_COLUMN_STACKED);
	if (ch == NULL) {
		xlsx_check(sh, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (int v = 0; v < VERDICT__COUNT; v++) {
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);

		if (se == NULL) {
			xlsx_check(sh, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(se, sh->name, first, (lxw_col_t)cat, last, (lxw_col_t)cat);
		chart_series_set_values(se, sh->name, first, (lxw_col_t)(v0 + v), last,
		    (lxw_col_t)(v0 + v));
		chart_series_set_name_range(se, sh->name, 1, (lxw_col_t)(v0 + v));
	}
	chart_title_set_name(ch, title);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
	xlsx_check(sh, worksheet_insert_chart(sh->ws, 1, (lxw_col_t)(sh->ncols + 1), ch));
}

static const struct xlsx_head *
xlsx_verdict_heads(void)
{
	static struct xlsx_head h[VERDICT__COUNT];

	for (int v = 0; v < VERDICT__COUNT; v++) {
		h[v].zh = rules_verdict_vocab[v].zh;
		h[v].en = rules_verdict_vocab[v].en;
	}
	return h;
}

/* ---- the sheets ---- */

static int
xlsx_summary(struct xlsx *x)
{
	static const struct xlsx_head heads[] = {
		{ "项目", "item" }, { "数值", "value" }, { "代码", "code" },
	};
	const struct service_report *r = x->r;
	const struct vocab          *v = service_report_summary_vocab;
	struct xlsx_sheet            sh;

	if (xlsx_sheet_open(x, &sh, "summary", heads, 3) < 0)
		return -1;
	for (size_t i = 0; i < service_report_nsummary; i++, sh.row++) {
		struct service_report_figure f = service_report_summary_figure(r, i);

		xlsx_str(&sh, 0, x->lang == LANG_EN ? v[i].en : v[i].zh);
		xlsx_str(&sh, 2, v[i].code);
		switch (f.kind) {
		case SERVICE_FIGURE_CENTRE:
			xlsx_str(&sh, 1, r->centre);
			break;
		case SERVICE_FIGURE_DATE:
			xlsx_date(&sh, 1, (jzz_date)f.value);
			break;
		case SERVICE_FIGURE_COUNT:
		case SERVICE_FIGURE_LISTED:
			xlsx_count(&sh, 1, (int)f.value);
			break;
		case SERVICE_FIGURE_MONEY:
			xlsx_money(&sh, 1, (int)f.value);
			break;
		}
	}
	return xlsx_sheet_close(&sh);
}

static int
xlsx_by_business(struct xlsx *x)
{
	struct xlsx_head         heads[6] = { { "业务", "business" }, { "业务代码", "code" } };
	const struct xlsx_head  *vh = xlsx_verdict_heads();
	const struct service_report *r = x->r;
	struct xlsx_sheet        sh;

	for (int v = 0; v < VERDICT__COUNT; v++)
		heads[2 + v] = vh[v];
	heads[5] = (struct xlsx_head){ "合计", "total" };
	if (xlsx_sheet_open(x, &sh, "by_business", heads, 6) < 0)
		return -1;
	for (int b = 0; b < BIZ__COUNT; b++) {
		const int *n = r->by_business[b];

		if (n[VERDICT_ACCEPT] + n[VERDICT_INCOMPLETE] + n[VERDICT_REFUSE] == 0)
			continue;   /* the businesses seen, as in the JSON */
		xlsx_label(&sh, 0, SERVICE_LABEL_BUSINESS, case_business_vocab[b].code);
		xlsx_str(&sh, 1, case_business_vocab[b].code);
		for (int v = 0; v < VERDICT__COUNT; v++)
			xlsx_count(&sh, 2 + v, n[v]);
		xlsx_count(&sh, 5, n[VERDICT_ACCEPT] + n[VERDICT_INCOMPLETE] + n[VERDICT_REFUSE]);
		sh.row++;
	}
	xlsx_chart(&sh, sh.name, 0, 2, XLSX_FIRST_ROW, sh.row - 1);
	return xlsx_sheet_close(&sh);
}

/* By clerk or by centre: the key, the applications, the three decisions and
 * the fees collected on the accepted ones. */
static int
xlsx_counts(struct xlsx *x, const char *section, const struct xlsx_head *key,
            const struct service_report_count *c, size_t n, bool chart)
{
	struct xlsx_head        heads[6];
	const struct xlsx_head *vh = xlsx_verdict_heads();
	struct xlsx_sheet       sh;

	heads[0] = *key;
	heads[1] = (struct xlsx_head){ "申请", "applications" };
	for (int v = 0; v < VERDICT__COUNT; v++)
		heads[2 + v] = vh[v];
	heads[5] = (struct xlsx_head){ "工本费", "fees" };
	if (xlsx_sheet_open(x, &sh, section, heads, 6) < 0)
		return -1;
	for (size_t i = 0; i < n; i++, sh.row++) {
		xlsx_str(&sh, 0, c[i].key);
		xlsx_count(&sh, 1, c[i].applications);
		for (int v = 0; v < VERDICT__COUNT; v++)
			xlsx_count(&sh, 2 + v, c[i].by_verdict[v]);
		xlsx_money(&sh, 5, c[i].fees_yuan);
	}
	if (chart)
		xlsx_chart(&sh, sh.name, 0, 2, XLSX_FIRST_ROW, sh.row - 1);
	return xlsx_sheet_close(&sh);
}

static int
xlsx_fees(struct xlsx *x)
{
	static const struct xlsx_head heads[] = {
		{ "日期", "day" }, { "中心", "centre" }, { "受理员", "clerk" },
		{ "业务", "business" }, { "业务代码", "business code" }, { "类别", "kind" },
		{ "类别代码", "kind code" }, { "金额", "amount" }, { "受理回执号", "receipt" },
		{ "定额收据号", "receipt book" }, { "身份证号", "ID number" }, { "姓名", "name" },
	};
	const struct service_report *r = x->r;
	struct xlsx_sheet            sh;

	if (xlsx_sheet_open(x, &sh, "fees", heads, 12) < 0)
		return -1;
	for (size_t i = 0; i < r->nfees; i++, sh.row++) {
		const struct service_report_fee *f = &r->fees[i];
		const char *kind = case_fee_kind_vocab[f->cod ? FEE_COD : FEE_CARD].code;

		xlsx_date(&sh, 0, f->day);
		xlsx_str(&sh, 1, f->centre);
		xlsx_str(&sh, 2, f->user);
		xlsx_label(&sh, 3, SERVICE_LABEL_BUSINESS, case_business_vocab[f->business].code);
		xlsx_str(&sh, 4, case_business_vocab[f->business].code);
		xlsx_label(&sh, 5, SERVICE_LABEL_FEE_KIND, kind);
		xlsx_str(&sh, 6, kind);
		xlsx_money(&sh, 7, f->amount_yuan);
		xlsx_str(&sh, 8, f->receipt_no);
		xlsx_str(&sh, 9, f->fee_receipt_no);
		xlsx_masked(&sh, 10, f->id_number);
		xlsx_str(&sh, 11, f->name);
	}
	if (r->nfees < r->fees_total) {
		char note[160];

		snprintf(note, sizeof note, x->lang == LANG_EN ? "the first %zu of %zu lines; jzz report"
		    " --all, or F7 on the report screen, lists the rest" : "列出前 %zu 笔，共 %zu 笔；"
		    "jzz report --all 或报表屏 F7 续列其余", r->nfees, r->fees_total);
		xlsx_check(&sh, worksheet_write_string(sh.ws, sh.row++, 0, note, NULL));
	}
	return xlsx_sheet_close(&sh);
}

/* The rules with their refusals, missing documents and warnings, then the
 * documents found missing (in the missing column): one table, so that the
 * heading row stays frozen over both. */
static int
xlsx_rules(struct xlsx *x)
{
	static const struct xlsx_head what[2] = { { "规则", "rule" }, { "材料", "document" } };
	struct xlsx_head heads[6] = { { "类别", "kind" }, { "代码", "code" }, { "名称", "name" } };
	const struct service_report *r = x->r;
	struct xlsx_sheet            sh;

	for (int o = 0; o < 3; o++) {
		const struct vocab *v = &rules_outcome_vocab[OUT_FAIL + o];   /* fail, missing, warn */

		heads[3 + o] = (struct xlsx_head){ v->zh, v->en };
	}
	if (xlsx_sheet_open(x, &sh, "rules", heads, 6) < 0)
		return -1;
	for (size_t i = 0; i < r->nrules; i++, sh.row++) {
		xlsx_str(&sh, 0, xlsx_word(x, &what[0]));
		xlsx_str(&sh, 1, r->rules[i].rule);
		xlsx_label(&sh, 2, SERVICE_LABEL_RULE, r->rules[i].rule);
		xlsx_count(&sh, 3, r->rules[i].fail);
		xlsx_count(&sh, 4, r->rules[i].missing);
		xlsx_count(&sh, 5, r->rules[i].warn);
	}
	for (int d = 0; d < DOC__COUNT; d++) {
		if (r->missing_docs[d] == 0)
			continue;
		xlsx_str(&sh, 0, xlsx_word(x, &what[1]));
		xlsx_str(&sh, 1, case_doc_vocab[d].code);
		xlsx_label(&sh, 2, SERVICE_LABEL_DOC, case_doc_vocab[d].code);
		xlsx_count(&sh, 4, r->missing_docs[d]);
		sh.row++;
	}
	return xlsx_sheet_close(&sh);
}

/* What the date, since and days of a list of persons mean; NULL: the list
 * has no such column. */
struct xlsx_person_kind {
	const char      *section;
	struct xlsx_head date, since, days;
	bool             detail;
};

static const struct xlsx_person_kind xlsx_person_kinds[] = {
	{ "pickup_notices_overdue", { "应通知日期", "notice due" }, { "到证日期", "card arrived" },
	  { "逾期天数", "days late" }, false },
	{ "endorsement_window", { "有效期至", "valid until" }, { NULL, NULL },
	  { "剩余天数", "days left" }, false },
	{ "suspended", { "有效期至", "valid until" }, { NULL, NULL },
	  { "已过天数", "days past" }, true },
	{ "auto_endorsement_failed", { "有效期至", "valid until" }, { "批处理日期", "batch day" },
	  { "距有效期满天数", "days past validity" }, true },
};

/* A list's sheet; a list cut to its first page (n of total) ends with a
 * line saying so. */
static int
xlsx_persons(struct xlsx *x, const struct xlsx_person_kind *k,
             const struct service_report_person *v, size_t n, size_t total)
{
	struct xlsx_head  heads[XLSX_MAX_COLS] = {
		{ "中心", "centre" }, { "身份证号", "ID number" }, { "姓名", "name" },
		{ "联系电话", "phone" },
	};
	int               nc = 4, c_date, c_since = -1, c_days, c_detail = -1;
	struct xlsx_sheet sh;

	heads[c_date = nc++] = k->date;
	if (k->since.zh != NULL)
		heads[c_since = nc++] = k->since;
	heads[c_days = nc++] = k->days;
	if (k->detail) {
		heads[c_detail = nc++] = (struct xlsx_head){ "原因", "reason" };
		heads[nc++] = (struct xlsx_head){ "原因代码", "reason code" };
	}
	if (xlsx_sheet_open(x, &sh, k->section, heads, nc) < 0)
		return -1;
	for (size_t i = 0; i < n; i++, sh.row++) {
		xlsx_str(&sh, 0, v[i].centre);
		xlsx_masked(&sh, 1, v[i].id_number);
		xlsx_str(&sh, 2, v[i].name);
		xlsx_str(&sh, 3, v[i].phone);
		xlsx_date(&sh, c_date, v[i].date);
		if (c_since >= 0)
			xlsx_date(&sh, c_since, v[i].since);
		xlsx_count(&sh, c_days, v[i].days);
		if (c_detail >= 0 && v[i].detail[0] != '\0') {
			xlsx_label(&sh, c_detail, SERVICE_LABEL_REASON, v[i].detail);
			xlsx_str(&sh, c_detail + 1, v[i].detail);
		}
	}
	if (n < total) {
		char note[160];

		snprintf(note, sizeof note, x->lang == LANG_EN ? "the first %zu of %zu; jzz report"
		    " --all, or F7 on the report screen, lists the rest" : "列出前 %zu 人，共 %zu 人；"
		    "jzz report --all 或报表屏 F7 续列其余", n, total);
		/* written past the column's width, not widening it */
		xlsx_check(&sh, worksheet_write_string(sh.ws, sh.row++, 0, note, NULL));
	}
	return xlsx_sheet_close(&sh);
}

static int
xlsx_formats(struct xlsx *x)
{
	x->title = workbook_add_format(x->wb);
	x->head = workbook_add_format(x->wb);
	x->date = workbook_add_format(x->wb);
	x->money = workbook_add_format(x->wb);
	x->count = workbook_add_format(x->wb);
	if (x->title == NULL || x->head == NULL || x->date == NULL || x->money == NULL ||
	    x->count == NULL)
		return -1;
	format_set_bold(x->title);
	format_set_font_size(x->title, 13);
	format_set_bold(x->head);
	format_set_bg_color(x->head, 0xDDEBF7);
	format_set_bottom(x->head, LXW_BORDER_THIN);
	format_set_num_format(x->date, "yyyy-mm-dd");
	format_set_num_format(x->money, "\"¥\"#,##0");
	format_set_num_format(x->count, "0");
	return 0;
}

struct xlsx_job {
	const struct service_report *r;
	enum rules_lang              lang;
};

/* Writes the workbook at tmp (service_file_replace's private name). */
static int
xlsx_write(const char *tmp, void *ctx, char *err, size_t errlen)
{
	const struct xlsx_job *job = ctx;
	const struct service_report *r = job->r;
	char                   tmpdir[4200], a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN];
	lxw_workbook_options   opt = { 0 };
	struct xlsx            x = { 0 };
	const char            *slash;
	lxw_error              e;
	int                    rc = 0;
	bool                   all = strcmp(r->centre, SERVICE_REPORT_ALL) == 0;

	/* libxlsxwriter's own scratch files go beside the workbook, in the
	 * private folder, not in a shared /tmp. */
	slash = strrchr(tmp, '/');
	snprintf(tmpdir, sizeof tmpdir, "%.*s", slash != NULL ? (int)(slash - tmp) : 1,
	    slash != NULL ? tmp : ".");
	opt.tmpdir = tmpdir;
	x.r = r;
	x.lang = job->lang;
	date_format(r->from, a);
	date_format(r->to, b);
	if (x.lang == LANG_EN)
		snprintf(x.caption, sizeof x.caption, "Report  %s  %s%s%s",
		    all ? "whole district" : r->centre, a, r->to != r->from ? " to " : "",
		    r->to != r->from ? b : "");
	else
		snprintf(x.caption, sizeof x.caption, "统计报表  %s  %s%s%s", all ? "全区" : r->centre,
		    a, r->to != r->from ? " 至 " : "", r->to != r->from ? b : "");
	x.wb = workbook_new_opt(tmp, &opt);
	if (x.wb == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if (xlsx_formats(&x) < 0 || xlsx_summary(&x) < 0 || xlsx_by_business(&x) < 0 ||
	    xlsx_counts(&x, "by_clerk", &(struct xlsx_head){ "受理员", "clerk" }, r->by_clerk,
	        r->nclerks, true) < 0 ||
	    xlsx_counts(&x, "by_centre", &(struct xlsx_head){ "中心", "centre" }, r->by_centre,
	        r->ncentres, false) < 0 ||
	    xlsx_fees(&x) < 0 || xlsx_rules(&x) < 0 ||
	    xlsx_persons(&x, &xlsx_person_kinds[0], r->overdue, r->noverdue,
	        r->overdue_total) < 0 ||
	    xlsx_persons(&x, &xlsx_person_kinds[1], r->window, r->nwindow, r->window_total) < 0 ||
	    xlsx_persons(&x, &xlsx_person_kinds[2], r->suspended, r->nsuspended,
	        r->suspended_total) < 0 ||
	    xlsx_persons(&x, &xlsx_person_kinds[3], r->auto_failed, r->nauto_failed,
	        r->auto_failed_total) < 0) {
		snprintf(err, errlen, "the workbook could not be made (out of memory?)");
		rc = -1;
	}
	e = workbook_close(x.wb);   /* frees it whatever happened */
	if (rc == 0 && e != LXW_NO_ERROR) {
		snprintf(err, errlen, "writing the workbook: %s", lxw_strerror(e));
		rc = -1;
	}
	return rc;
}

int
service_report_xlsx(const struct service_report *r, enum rules_lang lang, const char *path,
                    char *err, size_t errlen)
{
	struct xlsx_job job = { r, lang };

	return service_file_replace(path, xlsx_write, &job, err, errlen);
}
