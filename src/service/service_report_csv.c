/*
 * service_report_csv.c: the supervisors' report as CSV, one writer for every
 * caller (`jzz report --format csv` and the terminal's export, F5 on the
 * report screen), so that a spreadsheet made for one reads the other.
 *
 * One table with a `section` column rather than one file per section: a
 * day's report travels as one attachment. RFC 4180: a field is quoted only
 * when it holds a comma, a quote or a line break, quotes are doubled, lines
 * end in CRLF. ID numbers are masked: a report is printed and passed around.
 * With labels, one more column, `label`, names the row's codes for people
 * (the core's names of the business, the decision, the rule...); without,
 * the table is the one every earlier version wrote.
 */
#include <stdio.h>
#include <string.h>

#include "jzz/idnum.h"
#include "jzz/service.h"
#include "jzz/strbuf.h"
#include "service_report_labels.h"

static const char *const service_csv_columns[] = {
	"section", "centre", "day", "key", "business", "decision", "count", "amount_yuan",
	"receipt_no", "fee_receipt_no", "id_number", "name", "phone", "date", "days", "detail",
};
#define SERVICE_CSV_NCOLS (sizeof service_csv_columns / sizeof service_csv_columns[0])

/* RFC 4180: quoted only when it holds a comma, a quote or a line break;
 * quotes doubled. */
void
service_csv_field(struct strbuf *sb, const char *s)
{
	/* A cell a spreadsheet would read as a formula (= + - @, or a TAB or
	 * CR before one) is written as text: a leading apostrophe, as OWASP
	 * advises; no figure of the report starts with these. */
	bool formula;

	if (s == NULL)
		s = "";
	formula = *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
	if (!formula && strpbrk(s, ",\"\r\n") == NULL) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	if (formula)
		strbuf_putc(sb, '\'');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

struct service_csv {
	struct strbuf  *sb;
	bool            labels;
	enum rules_lang lang;
};

/* The label of a row: the names of its key, business, decision and detail
 * where they are codes, joined by " · ". Which vocabulary a column is in
 * depends on the section (a key is a rule id in `rules`, a decision a fee
 * kind in `fees`). */
static void
service_csv_label(const struct service_csv *c, const char *const f[SERVICE_CSV_NCOLS])
{
	const char *sec = f[0], *names[4];
	struct strbuf lb;
	enum service_label_kind kk = SERVICE_LABEL_SUMMARY, dk = SERVICE_LABEL_VERDICT;
	bool has_key = false;

	if (strcmp(sec, "summary") == 0 || strcmp(sec, "period") == 0)
		has_key = true;
	else if (strcmp(sec, "rules") == 0)
		has_key = true, kk = SERVICE_LABEL_RULE, dk = SERVICE_LABEL_OUTCOME;
	else if (strcmp(sec, "missing_documents") == 0)
		has_key = true, kk = SERVICE_LABEL_DOC;
	else if (strcmp(sec, "fees") == 0)
		dk = SERVICE_LABEL_FEE_KIND;
	names[0] = has_key ? service_report_label(kk, f[3], c->lang) : NULL;
	names[1] = service_report_label(SERVICE_LABEL_BUSINESS, f[4], c->lang);
	names[2] = service_report_label(dk, f[5], c->lang);
	names[3] = service_report_label(SERVICE_LABEL_REASON, f[15], c->lang);
	strbuf_init(&lb);
	for (size_t i = 0; i < 4; i++)
		if (names[i] != NULL) {
			if (lb.len > 0)
				strbuf_puts(&lb, " · ");
			strbuf_puts(&lb, names[i]);
		}
	strbuf_putc(c->sb, ',');
	service_csv_field(c->sb, lb.len > 0 ? lb.buf : "");
	strbuf_free(&lb);
}

static void
service_csv_row(const struct service_csv *c, const char *const f[SERVICE_CSV_NCOLS])
{
	for (size_t i = 0; i < SERVICE_CSV_NCOLS; i++) {
		if (i > 0)
			strbuf_putc(c->sb, ',');
		service_csv_field(c->sb, f[i]);
	}
	if (c->labels)
		service_csv_label(c, f);
	strbuf_puts(c->sb, "\r\n");
}

/* A row of counts: count < 0 leaves the count empty, amount < 0 the money. */
static void
service_csv_count(const struct service_csv *c, const char *section, const char *centre, const char *key,
             const char *business, const char *decision, int count, int amount)
{
	char        n[16], a[16];
	const char *f[SERVICE_CSV_NCOLS] = { section, centre, NULL, key, business, decision, n };

	snprintf(n, sizeof n, "%d", count);
	snprintf(a, sizeof a, "%d", amount);
	if (count < 0)
		f[6] = NULL;
	if (amount >= 0)
		f[7] = a;
	service_csv_row(c, f);
}

/* The rows of a list; a list cut to its first page (n of total) ends with
 * a row `total` whose count is the whole list's length. */
static void
service_csv_persons(const struct service_csv *c, const char *section, const struct service_report_person *v,
               size_t n, size_t total)
{
	for (size_t i = 0; i < n; i++) {
		char        id[19], dt[JZZ_DATE_STRLEN], since[JZZ_DATE_STRLEN], days[16];
		const char *f[SERVICE_CSV_NCOLS] = { section, v[i].centre, date_text(v[i].since, since) };

		snprintf(days, sizeof days, "%d", v[i].days);
		f[10] = idnum_mask(v[i].id_number, id);
		f[11] = v[i].name;
		f[12] = v[i].phone;
		f[13] = date_text(v[i].date, dt);
		f[14] = days;
		f[15] = v[i].detail;
		service_csv_row(c, f);
	}
	if (n < total) {
		char        cnt[24];
		const char *f[SERVICE_CSV_NCOLS] = { section, NULL, NULL, "total" };

		snprintf(cnt, sizeof cnt, "%zu", total);
		f[6] = cnt;
		service_csv_row(c, f);
	}
}

static void
service_csv_counts(const struct service_csv *c, const char *section, const char *centre,
              const struct service_report_count *v, size_t n, bool key_is_centre)
{
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < VERDICT__COUNT; d++)
			if (v[i].by_verdict[d] > 0)
				service_csv_count(c, section, key_is_centre ? v[i].key : centre, v[i].key, NULL,
				    rules_verdict_vocab[d].code, v[i].by_verdict[d],
				    d == VERDICT_ACCEPT ? v[i].fees_yuan : -1);
}

static void
service_csv_table(const struct service_csv *c, const struct service_report *r)
{
	char from[JZZ_DATE_STRLEN], to[JZZ_DATE_STRLEN];

	for (size_t i = 0; i < SERVICE_CSV_NCOLS; i++) {
		strbuf_puts(c->sb, i > 0 ? "," : "");
		strbuf_puts(c->sb, service_csv_columns[i]);
	}
	strbuf_puts(c->sb, c->labels ? ",label\r\n" : "\r\n");
	{
		const char *f[SERVICE_CSV_NCOLS] = { "period", r->centre, NULL, "from" };

		f[13] = date_text(r->from, from);
		service_csv_row(c, f);
		f[3] = "to";
		f[13] = date_text(r->to, to);
		service_csv_row(c, f);
	}
	/* the counts and sums of the summary (the period is above; the overdue
	 * notices are their own section) */
	for (size_t i = 0; i < service_report_nsummary; i++) {
		struct service_report_figure fg = service_report_summary_figure(r, i);
		const char                  *k = service_report_summary_vocab[i].code;

		if (fg.kind == SERVICE_FIGURE_COUNT)
			service_csv_count(c, "summary", r->centre, k, NULL, NULL, (int)fg.value, -1);
		else if (fg.kind == SERVICE_FIGURE_MONEY)
			service_csv_count(c, "summary", r->centre, k, NULL, NULL, -1, (int)fg.value);
	}
	for (int b = 0; b < BIZ__COUNT; b++)
		for (int v = 0; v < VERDICT__COUNT; v++)
			if (r->by_business[b][v] > 0)
				service_csv_count(c, "by_business", r->centre, NULL, case_business_vocab[b].code,
				    rules_verdict_vocab[v].code, r->by_business[b][v], -1);
	service_csv_counts(c, "by_clerk", r->centre, r->by_clerk, r->nclerks, false);
	service_csv_counts(c, "by_centre", r->centre, r->by_centre, r->ncentres, true);
	for (size_t i = 0; i < r->nfees; i++) {
		const struct service_report_fee *fe = &r->fees[i];
		char        day[JZZ_DATE_STRLEN], amt[16], id[19];
		const char *f[SERVICE_CSV_NCOLS] = { "fees", fe->centre, date_text(fe->day, day), fe->user,
			case_business_vocab[fe->business].code, case_fee_kind_vocab[fe->cod ? FEE_COD : FEE_CARD].code, "1" };

		snprintf(amt, sizeof amt, "%d", fe->amount_yuan);
		f[7] = amt;
		f[8] = fe->receipt_no;
		f[9] = fe->fee_receipt_no;
		f[10] = idnum_mask(fe->id_number, id);
		f[11] = fe->name;
		service_csv_row(c, f);
	}
	if (r->nfees < r->fees_total) {   /* a first page: the whole ledger's length, as below */
		char        cnt[24];
		const char *f[SERVICE_CSV_NCOLS] = { "fees", NULL, NULL, "total" };

		snprintf(cnt, sizeof cnt, "%zu", r->fees_total);
		f[6] = cnt;
		service_csv_row(c, f);
	}
	for (size_t i = 0; i < r->nrules; i++) {
		if (r->rules[i].fail > 0)
			service_csv_count(c, "rules", r->centre, r->rules[i].rule, NULL, "fail", r->rules[i].fail, -1);
		if (r->rules[i].missing > 0)
			service_csv_count(c, "rules", r->centre, r->rules[i].rule, NULL, "missing",
			    r->rules[i].missing, -1);
		if (r->rules[i].warn > 0)
			service_csv_count(c, "rules", r->centre, r->rules[i].rule, NULL, "warn", r->rules[i].warn, -1);
	}
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] > 0)
			service_csv_count(c, "missing_documents", r->centre, case_doc_vocab[d].code, NULL, NULL,
			    r->missing_docs[d], -1);
	service_csv_persons(c, "pickup_notices_overdue", r->overdue, r->noverdue, r->overdue_total);
	service_csv_persons(c, "endorsement_window", r->window, r->nwindow, r->window_total);
	service_csv_persons(c, "suspended", r->suspended, r->nsuspended, r->suspended_total);
	service_csv_persons(c, "auto_endorsement_failed", r->auto_failed, r->nauto_failed,
	    r->auto_failed_total);
}

void
service_report_csv(struct strbuf *sb, const struct service_report *r)
{
	const struct service_csv c = { sb, false, LANG_ZH };

	service_csv_table(&c, r);
}

void
service_report_csv_labels(struct strbuf *sb, const struct service_report *r, enum rules_lang lang)
{
	const struct service_csv c = { sb, true, lang };

	service_csv_table(&c, r);
}
