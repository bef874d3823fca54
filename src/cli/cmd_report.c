/*
 * cmd_report.c: the supervisors' reports (issue 5):
 *
 *   jzz [--centre CODE] report daily [--date D] [--format json|csv|text|xlsx|pdf] [--bom]
 *                                    [--labels zh|en] [--output FILE] [--centre CODE|all]
 *   jzz report range --from D --to D [--format ...] [--bom] [--labels zh|en]
 *                                    [--output FILE] [--centre CODE|all]
 *   jzz report daily [--date D] --print [--printer NAME] [--output FILE.pdf]
 *   (the daily sheet, an A4 PDF: --format pdf, --print, or an --output
 *   ending in .pdf with no --format)
 *
 * Applications by business and decision, by clerk, by centre; the fees with
 * their receipt numbers and the unified receipt book's numbers, to reconcile
 * the cash; fast-track counts; refusals and missing documents by rule id and
 * missing documents by code; pickup notices overdue (PERMIT-3); permits in
 * their endorsement window, suspended, or not auto-endorsed (ENDO-5).
 * Supervisors and administrators only (the service checks).
 *
 * `report daily --format json` keeps the keys case-format.md fixes (date,
 * centre, applications, by_business with accept/incomplete/refuse for the
 * businesses seen that day, fees_yuan) and the ones it printed before; the
 * rest is added. CSV is RFC 4180 (CRLF, quoted fields where needed) in one
 * table with a `section` column, so that a spreadsheet can filter it; --bom
 * starts it with a UTF-8 byte order mark for Excel and WPS, --labels adds a
 * column naming each row's codes. xlsx is a workbook, one sheet per section
 * (service_report_xlsx), in the language of --lang; it needs --output.
 * --output writes any format to a private file (0600) put in place whole.
 * ID numbers are masked in every format: a report is printed and passed
 * around.
 */
#include <stddef.h>
#include <string.h>
#include <sys/stat.h>

#include <stdlib.h>

#include "cli_service.h"
#include "jzz/idnum.h"
#include "jzz/paper.h"

enum report_format { FMT_JSON, FMT_CSV, FMT_TEXT, FMT_XLSX };
/* --format's words, in the order of enum report_format */
static const char *const report_formats[] = { "json", "csv", "text", "xlsx", NULL };

/* ---- JSON ---- */

static void
json_count(struct cli_json *j, const void *item)
{
	const struct service_report_count *v = item;

	cli_json_str(j, "key", v->key);
	cli_json_int(j, "applications", v->applications);
	cli_json_int(j, "accept", v->by_verdict[VERDICT_ACCEPT]);
	cli_json_int(j, "incomplete", v->by_verdict[VERDICT_INCOMPLETE]);
	cli_json_int(j, "refuse", v->by_verdict[VERDICT_REFUSE]);
	cli_json_int(j, "fees_yuan", v->fees_yuan);
}

static void
json_person(struct cli_json *j, const void *item)
{
	const struct service_report_person *v = item;
	char                                id[19];

	cli_json_str(j, "centre", v->centre);
	cli_json_str(j, "id_number", idnum_mask(v->id_number, id));
	cli_json_str(j, "name", v->name);
	cli_json_str(j, "phone", v->phone);
	cli_json_day(j, "date", v->date);
	cli_json_day(j, "since", v->since);
	cli_json_int(j, "days", v->days);
	cli_json_str(j, "detail", v->detail);
}

static void
json_fee(struct cli_json *j, const void *item)
{
	const struct service_report_fee *f = item;
	char                             id[19];

	cli_json_day(j, "day", f->day);
	cli_json_str(j, "centre", f->centre);
	cli_json_str(j, "user", f->user);
	cli_json_str(j, "business", case_business_vocab[f->business].code);
	cli_json_str(j, "kind", f->cod ? "cod" : "card_fee");
	cli_json_int(j, "amount_yuan", f->amount_yuan);
	cli_json_str(j, "receipt_no", f->receipt_no);
	cli_json_str_or_null(j, "fee_receipt_no", f->fee_receipt_no);
	cli_json_str(j, "id_number", idnum_mask(f->id_number, id));
	cli_json_str(j, "name", f->name);
}

static void
json_rule(struct cli_json *j, const void *item)
{
	const struct service_report_rule *r = item;

	cli_json_str(j, "rule", r->rule);
	cli_json_int(j, "fail", r->fail);
	cli_json_int(j, "missing", r->missing);
	cli_json_int(j, "warn", r->warn);
}

static void
report_json(struct cli_json *j, const struct service_report *r, bool daily)
{
	cli_json_object(j, NULL);
	if (daily)
		cli_json_day(j, "date", r->from);
	cli_json_day(j, "from", r->from);
	cli_json_day(j, "to", r->to);
	cli_json_str(j, "centre", r->centre);
	cli_json_int(j, "applications", r->applications);
	cli_json_object(j, "by_business");
	for (int b = 0; b < BIZ__COUNT; b++) {
		const int *v = r->by_business[b];

		if (v[VERDICT_ACCEPT] + v[VERDICT_INCOMPLETE] + v[VERDICT_REFUSE] == 0)
			continue;
		cli_json_object(j, case_business_vocab[b].code);
		cli_json_int(j, "accept", v[VERDICT_ACCEPT]);
		cli_json_int(j, "incomplete", v[VERDICT_INCOMPLETE]);
		cli_json_int(j, "refuse", v[VERDICT_REFUSE]);
		cli_json_end(j);
	}
	cli_json_end(j);
	cli_json_int(j, "fees_yuan", r->fees_yuan);
	cli_json_int(j, "cod_fees_yuan", r->cod_fees_yuan);
	cli_json_int(j, "cards_received", r->cards_received);
	cli_json_int(j, "cards_handed", r->cards_handed);
	cli_json_int(j, "overdue_pickup_notices", (long long)r->overdue_total);
	cli_json_object(j, "fast_track");
	cli_json_int(j, "applications", r->fast_track);
	cli_json_int(j, "accepted", r->fast_track_accepted);
	cli_json_end(j);
	cli_json_objects(j, "by_clerk", r->by_clerk, r->nclerks, sizeof *r->by_clerk, json_count);
	cli_json_objects(j, "by_centre", r->by_centre, r->ncentres, sizeof *r->by_centre,
	    json_count);
	cli_json_objects(j, "fees", r->fees, r->nfees, sizeof *r->fees, json_fee);
	cli_json_int(j, "fees_total", (long long)r->fees_total);
	cli_json_objects(j, "rules", r->rules, r->nrules, sizeof *r->rules, json_rule);
	cli_json_object(j, "missing_documents");
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] != 0)
			cli_json_int(j, case_doc_vocab[d].code, r->missing_docs[d]);
	cli_json_end(j);
	cli_json_objects(j, "pickup_notices_overdue", r->overdue, r->noverdue, sizeof *r->overdue,
	    json_person);
	/* the whole lists' lengths: a list with fewer rows is its first page */
	cli_json_int(j, "pickup_notices_overdue_total", (long long)r->overdue_total);
	cli_json_objects(j, "endorsement_window", r->window, r->nwindow, sizeof *r->window,
	    json_person);
	cli_json_int(j, "endorsement_window_total", (long long)r->window_total);
	cli_json_objects(j, "suspended", r->suspended, r->nsuspended, sizeof *r->suspended,
	    json_person);
	cli_json_int(j, "suspended_total", (long long)r->suspended_total);
	cli_json_objects(j, "auto_endorsement_failed", r->auto_failed, r->nauto_failed,
	    sizeof *r->auto_failed, json_person);
	cli_json_int(j, "auto_endorsement_failed_total", (long long)r->auto_failed_total);
	cli_json_end(j);
}

/* ---- text ---- */

/* A field of the records (a name, an account, a phone) for the text
 * report: cleaned of what could drive a terminal or forge a line
 * (strbuf_put_text); the buffer is reused by the next call with the same
 * slot. */
static const char *
report_clean(int slot, const char *s)
{
	static struct strbuf b[4];

	strbuf_reset(&b[slot]);
	strbuf_put_text(&b[slot], s);
	return b[slot].buf != NULL && !b[slot].oom ? b[slot].buf : "";
}

/* A reason code (late, no_phone, address_changed) in words. */
static const char *
text_reason(const char *code, bool zh)
{
	int i = case_vocab_find(case_reason_vocab, REASON__COUNT, code, strlen(code));

	return i < 0 ? code : zh ? case_reason_vocab[i].zh : case_reason_vocab[i].en;
}

/* The columns of the text report are measured in display columns
 * (text_cols): a Chinese name or business takes two per character, and
 * printf's %-12s, which counts bytes, left them ragged. */
static void
text_col(struct strbuf *sb, const char *s, size_t width)
{
	strbuf_put_cols(sb, s, width, false);
	strbuf_putc(sb, ' ');
}

/* A list of persons under its title and length (total; the rows shown, n,
 * are its first page when fewer, which a line says). */
static void
text_persons(struct strbuf *sb, struct service *s, bool zh, const char *title,
             const char *datewhat, const struct service_report_person *v, size_t n, size_t total)
{
	char id[19], d[JZZ_DATE_STRLEN];

	strbuf_printf(sb, "\n%s: %zu\n", title, total);
	if (n < total)
		strbuf_printf(sb, zh ? "  （列出前 %zu 人，共 %zu 人；--all 或报表屏 F7 续列其余）\n" :
		    "  (the first %zu of %zu; --all, or F7 on the report screen, lists the rest)\n", n,
		    total);
	for (size_t i = 0; i < n; i++) {
		strbuf_puts(sb, "  ");
		text_col(sb, service_centre_name(s, v[i].centre), 14);
		text_col(sb, idnum_mask(v[i].id_number, id), 19);
		text_col(sb, report_clean(0, v[i].name), 10);
		text_col(sb, v[i].phone[0] != '\0' ? report_clean(1, v[i].phone) : "-", 11);
		strbuf_printf(sb, "%s %s(%d%s)%s%s\n", datewhat, date_text(v[i].date, d), v[i].days,
		    zh ? "天" : " d", v[i].detail[0] != '\0' ? "  " : "",
		    v[i].detail[0] != '\0' ? text_reason(v[i].detail, zh) : "");
	}
}

/* A row of by clerk or by centre: its key (a centre with its name), the
 * count, the decisions, the fees. */
static void
text_count(struct strbuf *sb, struct service *s, const struct service_report_count *c,
           bool centre, const char *const *vn, bool zh)
{
	const char *name = centre ? service_centre_name(s, c->key) : c->key;
	char        key[2 * SERVICE_TEXT_LEN];

	if (strcmp(name, c->key) != 0)
		snprintf(key, sizeof key, "%s %s", c->key, name);
	else
		snprintf(key, sizeof key, "%s", report_clean(0, c->key));
	strbuf_puts(sb, "  ");
	text_col(sb, key, 22);
	strbuf_printf(sb, "%6d  %s %d / %s %d / %s %d  %s %d\n", c->applications, vn[0],
	    c->by_verdict[0], vn[1], c->by_verdict[1], vn[2], c->by_verdict[2], zh ? "收费" : "fees",
	    c->fees_yuan);
}

static void
report_text(struct strbuf *sb, struct service *s, const struct service_report *r, bool zh)
{
	static const char *const vzh[VERDICT__COUNT] = { "受理", "材料不全", "不予受理" };
	static const char *const ven[VERDICT__COUNT] = { "accept", "incomplete", "refuse" };
	const char *const       *vn = zh ? vzh : ven;
	char                     a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN], id[19];

	if (strcmp(r->centre, SERVICE_REPORT_ALL) == 0)
		strbuf_printf(sb, "%s %s", zh ? "统计报表" : "Report", zh ? "全区（所有中心）" :
		    "whole district (every centre)");
	else
		strbuf_printf(sb, "%s %s %s", zh ? "统计报表" : "Report",
		    service_centre_name(s, r->centre), r->centre);
	strbuf_printf(sb, "  %s", date_text(r->from, a));
	if (r->to != r->from)
		strbuf_printf(sb, " .. %s", date_text(r->to, b));
	strbuf_printf(sb, "\n\n%s: %d    %s: %d    %s: %d\n", zh ? "申请" : "applications",
	    r->applications, zh ? "工本费(元)" : "fees (yuan)", r->fees_yuan,
	    zh ? "到付快递费(元)" : "COD fees (yuan)", r->cod_fees_yuan);
	strbuf_printf(sb, "%s: %d (%s %d)    %s: %d    %s: %d\n", zh ? "快证" : "fast-track",
	    r->fast_track, zh ? "受理" : "accepted", r->fast_track_accepted,
	    zh ? "证件到达" : "cards arrived", r->cards_received,
	    zh ? "证件发出" : "cards handed over", r->cards_handed);
	strbuf_printf(sb, "\n%s\n  ", zh ? "按业务" : "By business");
	text_col(sb, zh ? "业务" : "business", 22);
	for (int v = 0; v < VERDICT__COUNT; v++) {
		strbuf_putc(sb, ' ');
		strbuf_put_cols(sb, vn[v], 10, true);
	}
	strbuf_putc(sb, '\n');
	for (int k = 0; k < BIZ__COUNT; k++) {
		const int *v = r->by_business[k];

		if (v[0] + v[1] + v[2] == 0)
			continue;
		strbuf_puts(sb, "  ");
		text_col(sb, zh ? case_business_vocab[k].zh : case_business_vocab[k].code, 22);
		strbuf_printf(sb, " %10d %10d %10d\n", v[0], v[1], v[2]);
	}
	strbuf_printf(sb, "\n%s\n", zh ? "按受理员" : "By clerk");
	for (size_t i = 0; i < r->nclerks; i++)
		text_count(sb, s, &r->by_clerk[i], false, vn, zh);
	strbuf_printf(sb, "\n%s\n", zh ? "按受理中心" : "By centre");
	for (size_t i = 0; i < r->ncentres; i++)
		text_count(sb, s, &r->by_centre[i], true, vn, zh);
	strbuf_printf(sb, "\n%s: %zu", zh ? "收费明细（对账）" : "Fees (to reconcile)", r->fees_total);
	if (r->nfees < r->fees_total)
		strbuf_printf(sb, zh ? "\n  （列出前 %zu 笔，共 %zu 笔；--all 或报表屏 F7 续列其余）" :
		    "\n  (the first %zu of %zu; --all, or F7 on the report screen, lists the rest)",
		    r->nfees, r->fees_total);
	strbuf_putc(sb, '\n');
	for (size_t i = 0; i < r->nfees; i++) {
		const struct service_report_fee *f = &r->fees[i];

		strbuf_printf(sb, "  %s ", date_text(f->day, a));
		text_col(sb, service_centre_name(s, f->centre), 14);
		text_col(sb, report_clean(0, f->user), 10);
		text_col(sb, f->receipt_no, 24);
		strbuf_printf(sb, "%s ", zh ? "定额收据" : "receipt book");
		text_col(sb, f->fee_receipt_no[0] != '\0' ? report_clean(1, f->fee_receipt_no) : "-", 12);
		strbuf_printf(sb, "%3d  ", f->amount_yuan);
		text_col(sb, f->cod ? (zh ? "到付" : "COD") : (zh ? "工本费" : "card fee"), 8);
		strbuf_printf(sb, "%s  %s\n", idnum_mask(f->id_number, id), report_clean(2, f->name));
	}
	strbuf_printf(sb, "\n%s\n", zh ? "按规则（不予受理 / 缺材料 / 提示）" :
	    "By rule (fail / missing / warn)");
	for (size_t i = 0; i < r->nrules; i++)
		strbuf_printf(sb, "  %-10s %6d %6d %6d\n", r->rules[i].rule, r->rules[i].fail,
		    r->rules[i].missing, r->rules[i].warn);
	strbuf_printf(sb, "\n%s\n", zh ? "缺少的材料" : "Missing documents");
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] > 0) {
			strbuf_puts(sb, "  ");
			text_col(sb, zh ? case_doc_vocab[d].zh : case_doc_vocab[d].code, 34);
			strbuf_printf(sb, "%6d\n", r->missing_docs[d]);
		}
	text_persons(sb, s, zh, zh ? "领证通知逾期 (PERMIT-3)" : "Pickup notices overdue (PERMIT-3)",
	    zh ? "应通知" : "due", r->overdue, r->noverdue, r->overdue_total);
	text_persons(sb, s, zh, zh ? "签注期内 (ENDO-2)" : "In the endorsement window (ENDO-2)",
	    zh ? "有效期至" : "valid until", r->window, r->nwindow, r->window_total);
	text_persons(sb, s, zh, zh ? "已中止 (PERMIT-9)" : "Suspended (PERMIT-9)",
	    zh ? "有效期至" : "valid until", r->suspended, r->nsuspended, r->suspended_total);
	text_persons(sb, s, zh, zh ? "自动签注未通过 (ENDO-5)" : "Auto-endorsement failed (ENDO-5)",
	    zh ? "有效期至" : "valid until", r->auto_failed, r->nauto_failed,
	    r->auto_failed_total);
}

/* ---- the printable sheet ---- */

/* The daily sheet as an A4 PDF in the language of --lang: at --output, or
 * in the reports folder beside the database; printed when asked. The
 * path goes to stdout. */
static int
report_sheet(struct service *s, const struct service_report *r, const struct cli_opts *opts,
             const char *output, const char *printer)
{
	struct paper p;
	int          rc;

	service_paper_daily(s, r, strcmp(opts->lang, "en") == 0 ? LANG_EN : LANG_ZH, &p);
	rc = cli_paper_output(opts, true, &p, output, printer);
	paper_free(&p);
	return rc;
}

/* ---- the command ---- */

/* Is `output` the database itself, its -wal/-shm or its audit key? A report
 * written there would replace the records (the writers put a new file in
 * place of an old one). */
static bool
report_output_is_ours(const struct cli_opts *opts, const char *output)
{
	char        db[4096], key[4096], side[4200];
	struct stat a, b;

	if (opts->db != NULL)
		snprintf(db, sizeof db, "%s", opts->db);
	else if (!service_default_path(db, sizeof db))
		return false;
	if (!service_audit_key_path(db, opts->audit_key_file, key, sizeof key))
		key[0] = '\0';
	if (stat(output, &a) != 0)
		a.st_ino = 0;
	for (int i = 0; i < 4; i++) {
		const char *p = i == 0 ? db : i == 1 ? key : side;

		if (i >= 2)
			snprintf(side, sizeof side, "%s%s", db, i == 2 ? "-wal" : "-shm");
		if (*p != '\0' && (strcmp(p, output) == 0 || (a.st_ino != 0 && stat(p, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino)))
			return true;
	}
	return false;
}

struct report_args {
	const struct cli_opts *opts;
	const char           *centre, *output, *labels;
	const char           *printer;   /* the sheet is printed there; NULL: not printed */
	enum report_format    fmt;
	jzz_date              from, to;
	bool                  daily, bom, sheet;
	bool                  all;       /* every row of every list, page after page */
	/* as given: --date, --format (NULL: json), --print */
	jzz_date              day;
	const char           *format;
	bool                  print;
};

const struct cli_spec cmd_report_spec = {
	.usage = "usage: jzz report daily [--date D] [OPTION]...\n"
	    "       jzz report range --from D --to D [OPTION]...\n"
	    "       jzz report daily [--date D] --print [--printer NAME] [--output FILE.pdf]\n"
	    "The supervisor's report of a centre, for a day or a range of days.\n\n"
	    "  --date D                        daily: the day (default: the day of work)\n"
	    "  --from D, --to D                range: the first and the last day\n"
	    "  --format json|csv|text|xlsx|pdf the output (default json; xlsx needs --output;\n"
	    "                                  pdf: the daily sheet)\n"
	    "  --bom                           a UTF-8 byte order mark first (for spreadsheets)\n"
	    "  --labels zh|en                  csv: a column naming each code\n"
	    "  --output FILE                   write FILE (0600) instead of standard output\n"
	    "  --print                         daily: print the daily sheet (on the printer of jzz.conf)\n"
	    "  --printer NAME                  daily: print the daily sheet on CUPS queue NAME\n"
	    "  --centre CODE|all               the centre reported on (default the actor's)\n"
	    "  --all                           every row of the fee ledger and of the lists of\n"
	    "                                  persons (otherwise the first 50 of each, and its\n"
	    "                                  length)\n"
	    "  -h, --help                      this help\n",
	.misuse = "report: expected daily [--date D] or range --from D --to D",
	CLI_SPEC_ARGS(struct report_args, .from = JZZ_DATE_NONE, .to = JZZ_DATE_NONE,
	    .day = JZZ_DATE_NONE),
	.args = {
		{ "date", CLI_ARG_DATE, offsetof(struct report_args, day),
		  "--date: %s is not a date YYYY-MM-DD" },
		{ "from", CLI_ARG_DATE, offsetof(struct report_args, from),
		  "--from: %s is not a date YYYY-MM-DD" },
		{ "to", CLI_ARG_DATE, offsetof(struct report_args, to),
		  "--to: %s is not a date YYYY-MM-DD" },
		{ "format", CLI_ARG_STR, offsetof(struct report_args, format) },
		{ "centre", CLI_ARG_STR, offsetof(struct report_args, centre) },
		{ "bom", CLI_ARG_FLAG, offsetof(struct report_args, bom) },
		{ "labels", CLI_ARG_STR, offsetof(struct report_args, labels) },
		{ "output", CLI_ARG_STR, offsetof(struct report_args, output) },
		{ "print", CLI_ARG_FLAG, offsetof(struct report_args, print) },
		{ "printer", CLI_ARG_STR, offsetof(struct report_args, printer) },
		{ "all", CLI_ARG_FLAG, offsetof(struct report_args, all) },
	},
};

/* The report as JSON, CSV or text: on stdout, or saved at --output (the
 * text names the centres from s). */
static int
report_write(struct service *s, const struct report_args *x, const struct service_report *r)
{
	struct strbuf   sb;
	struct cli_json j;
	char            err[1200];
	int             rc;

	strbuf_init(&sb);
	if (x->bom)
		strbuf_puts(&sb, "\xEF\xBB\xBF");
	switch (x->fmt) {
	case FMT_JSON:
		cli_json_start_in(&j, &sb);
		report_json(&j, r, x->daily);
		strbuf_putc(&sb, '\n');
		break;
	case FMT_CSV:
		if (x->labels != NULL)
			service_report_csv_labels(&sb, r, strcmp(x->labels, "en") == 0 ? LANG_EN :
			    LANG_ZH);
		else
			service_report_csv(&sb, r);
		break;
	case FMT_TEXT:
		report_text(&sb, s, r, strcmp(x->opts->lang, "en") != 0);
		break;
	case FMT_XLSX:
		break;
	}
	if (x->output == NULL || sb.oom)
		rc = cli_write(&sb);   /* out of memory: says so */
	else if (service_save_file(x->output, sb.buf, sb.len, err, sizeof err) == 0)
		rc = CLI_OK;
	else {
		cli_error("%s", err);
		rc = CLI_FAIL;
	}
	strbuf_free(&sb);
	return rc;
}

static int
report_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct report_args *x = arg;
	struct service_report     r;
	enum service_status       st;
	char                      err[1200];
	int                       rc;

	if ((st = service_report(s, a, x->centre, x->from, x->to, &r)) != SERVICE_OK) {
		rc = cli_service_fail(s, st, "report");
		return rc == CLI_BADCASE ? CLI_FAIL : rc;
	}
	/* --all, and the daily sheet, whose ledger is signed whole */
	if ((x->all || x->sheet) && (st = service_report_whole(s, a, &r)) != SERVICE_OK) {
		service_report_free(&r);
		rc = cli_service_fail(s, st, "report");
		return rc == CLI_BADCASE ? CLI_FAIL : rc;
	}
	if (x->sheet) {
		rc = report_sheet(s, &r, x->opts, x->output, x->printer);
	} else if (x->fmt == FMT_XLSX) {
		rc = service_report_xlsx(&r, strcmp(x->opts->lang, "en") == 0 ? LANG_EN : LANG_ZH,
		    x->output, err, sizeof err) == 0 ? CLI_OK : CLI_FAIL;
		if (rc != CLI_OK)
			cli_error("%s", err);
	} else {
		rc = report_write(s, x, &r);
	}
	service_report_free(&r);
	return rc;
}

int
cmd_report(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	static const char *const kinds[] = { "daily", "range", NULL };
	static const char *const labels[] = { "zh", "en", NULL };
	struct report_args      *x = args;
	const char              *format;
	int                      k;

	x->opts = opts;
	if (x->centre == NULL)
		x->centre = opts->centre;
	if (argc != 1 || (k = cli_word_index(argv[0], kinds)) < 0)
		return cli_usage(&cmd_report_spec);
	x->daily = k == 0;
	/* --printer NAME prints the sheet there; --print on jzz.conf's printer */
	x->sheet = x->print = x->print || x->printer != NULL;
	if (x->printer == NULL)
		x->printer = opts->printer;
	if (x->daily ? x->from != JZZ_DATE_NONE || x->to != JZZ_DATE_NONE :
	    x->day != JZZ_DATE_NONE || x->print)
		return cli_usage_error(cmd_report_spec.usage,
		    x->daily ? "report daily: --from and --to are for range" :
		    "report range: --date, --print and --printer are for daily");
	/* the daily sheet: --format pdf, --print, or a .pdf output named alone */
	format = x->format != NULL ? x->format : "json";
	if (x->daily && (strcmp(format, "pdf") == 0 || (x->format == NULL && x->output != NULL &&
	    strlen(x->output) > 4 && strcmp(x->output + strlen(x->output) - 4, ".pdf") == 0)))
		x->sheet = true;
	if (x->sheet)
		format = "json";
	if ((k = cli_word_index(format, report_formats)) < 0) {
		cli_error("--format: json, csv, text or xlsx");
		return CLI_BADCASE;
	}
	x->fmt = (enum report_format)k;
	if (x->labels != NULL && cli_word_index(x->labels, labels) < 0) {
		cli_error("--labels: zh or en");
		return CLI_BADCASE;
	}
	if (x->labels != NULL && x->fmt != FMT_CSV) {
		cli_error("--labels: only with --format csv (a workbook always names the codes)");
		return CLI_BADCASE;
	}
	if (x->fmt == FMT_XLSX && x->bom) {
		cli_error("--bom: not with --format xlsx");
		return CLI_BADCASE;
	}
	if (x->fmt == FMT_XLSX && x->output == NULL) {
		cli_error("--format xlsx: --output FILE is required (a workbook is not text)");
		return CLI_BADCASE;
	}
	if (x->output != NULL && x->output[0] == '\0') {
		cli_error("--output: a file name is required");
		return CLI_BADCASE;
	}
	if (x->output != NULL && report_output_is_ours(opts, x->output)) {
		cli_error("--output %s: that is the database, its journal or its audit key; choose"
		    " another file", x->output);
		return CLI_BADCASE;
	}
	if (x->print && (x->printer == NULL || *x->printer == '\0')) {
		cli_error("--print: no printer (set JZZ_PRINTER or give --printer NAME)");
		return CLI_BADCASE;
	}
	if (!x->print)
		x->printer = NULL;
	if (x->daily)
		x->from = x->to = x->day != JZZ_DATE_NONE ? x->day : cli_today(opts);
	else if (x->from == JZZ_DATE_NONE || x->to == JZZ_DATE_NONE || x->from > x->to) {
		cli_error("report range: --from D --to D with D <= D are required");
		return CLI_BADCASE;
	}
	/* The actor stands at --centre when it names a centre; a report of
	 * "all" is made from the account's own centre. */
	return cli_with_service(opts, report_run, x);
}
