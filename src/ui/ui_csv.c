/*
 * ui_csv.c: the supervisors' report written as CSV from the terminal (F5 on
 * the report screen).
 *
 * Why here and why these columns: service.h offers the report as a struct,
 * not as CSV, and the terminal may not call the command line's code; the
 * file is written with the same columns and rows as `jzz report --format
 * csv` (one table, a `section` column, RFC 4180 quoting, CRLF) so that a
 * spreadsheet made for one reads the other. ID numbers are masked, as on
 * the screen.
 */
#include "uipriv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jzz/idnum.h"
#include "jzz/strbuf.h"

static const char *const ui_csv_columns[] = {
	"section", "centre", "day", "key", "business", "decision", "count", "amount_yuan",
	"receipt_no", "fee_receipt_no", "id_number", "name", "phone", "date", "days", "detail",
};
#define UI_CSV_NCOLS (sizeof ui_csv_columns / sizeof ui_csv_columns[0])

/* RFC 4180: quoted only when it holds a comma, a quote or a line break;
 * quotes doubled. */
static void
ui_csv_field(struct strbuf *sb, const char *s)
{
	if (s == NULL)
		s = "";
	if (strpbrk(s, ",\"\r\n") == NULL) {
		strbuf_puts(sb, s);
		return;
	}
	strbuf_putc(sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			strbuf_putc(sb, '"');
		strbuf_putc(sb, *s);
	}
	strbuf_putc(sb, '"');
}

static void
ui_csv_row(struct strbuf *sb, const char *const f[UI_CSV_NCOLS])
{
	for (size_t i = 0; i < UI_CSV_NCOLS; i++) {
		if (i > 0)
			strbuf_putc(sb, ',');
		ui_csv_field(sb, f[i]);
	}
	strbuf_puts(sb, "\r\n");
}

static const char *
ui_csv_date(jzz_date d, char buf[JZZ_DATE_STRLEN])
{
	if (d == JZZ_DATE_NONE)
		buf[0] = '\0';
	else
		date_format(d, buf);
	return buf;
}

static const char *
ui_csv_masked(const char *id, char out[19])
{
	if (strlen(id) == 18)
		idnum_mask(id, out);
	else
		snprintf(out, 19, "%s", id);
	return out;
}

/* A row of counts: count < 0 leaves the count empty, amount < 0 the money. */
static void
ui_csv_count(struct strbuf *sb, const char *section, const char *centre, const char *key,
             const char *business, const char *decision, int count, int amount)
{
	char        c[16], a[16];
	const char *f[UI_CSV_NCOLS] = { section, centre, NULL, key, business, decision, c };

	snprintf(c, sizeof c, "%d", count);
	snprintf(a, sizeof a, "%d", amount);
	if (count < 0)
		f[6] = NULL;
	if (amount >= 0)
		f[7] = a;
	ui_csv_row(sb, f);
}

static void
ui_csv_persons(struct strbuf *sb, const char *section, const struct service_report_person *v,
               size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char        id[19], dt[JZZ_DATE_STRLEN], since[JZZ_DATE_STRLEN], days[16];
		const char *f[UI_CSV_NCOLS] = { section, v[i].centre, ui_csv_date(v[i].since, since) };

		snprintf(days, sizeof days, "%d", v[i].days);
		f[10] = ui_csv_masked(v[i].id_number, id);
		f[11] = v[i].name;
		f[12] = v[i].phone;
		f[13] = ui_csv_date(v[i].date, dt);
		f[14] = days;
		f[15] = v[i].detail;
		ui_csv_row(sb, f);
	}
}

static void
ui_csv_counts(struct strbuf *sb, const char *section, const char *centre,
              const struct service_report_count *v, size_t n, bool key_is_centre)
{
	static const char *const vcodes[VERDICT__COUNT] = { "accept", "incomplete", "refuse" };

	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < VERDICT__COUNT; d++)
			if (v[i].by_verdict[d] > 0)
				ui_csv_count(sb, section, key_is_centre ? v[i].key : centre, v[i].key, NULL,
				    vcodes[d], v[i].by_verdict[d], d == VERDICT_ACCEPT ? v[i].fees_yuan : -1);
}

static void
ui_csv_report(struct strbuf *sb, const struct service_report *r)
{
	static const char *const vcodes[VERDICT__COUNT] = { "accept", "incomplete", "refuse" };
	char from[JZZ_DATE_STRLEN], to[JZZ_DATE_STRLEN];

	for (size_t i = 0; i < UI_CSV_NCOLS; i++) {
		strbuf_puts(sb, i > 0 ? "," : "");
		strbuf_puts(sb, ui_csv_columns[i]);
	}
	strbuf_puts(sb, "\r\n");
	{
		const char *f[UI_CSV_NCOLS] = { "period", r->centre, NULL, "from" };

		f[13] = ui_csv_date(r->from, from);
		ui_csv_row(sb, f);
		f[3] = "to";
		f[13] = ui_csv_date(r->to, to);
		ui_csv_row(sb, f);
	}
	ui_csv_count(sb, "summary", r->centre, "applications", NULL, NULL, r->applications, -1);
	ui_csv_count(sb, "summary", r->centre, "fees_yuan", NULL, NULL, -1, r->fees_yuan);
	ui_csv_count(sb, "summary", r->centre, "cod_fees_yuan", NULL, NULL, -1, r->cod_fees_yuan);
	ui_csv_count(sb, "summary", r->centre, "fast_track", NULL, NULL, r->fast_track, -1);
	ui_csv_count(sb, "summary", r->centre, "fast_track_accepted", NULL, NULL,
	    r->fast_track_accepted, -1);
	ui_csv_count(sb, "summary", r->centre, "cards_received", NULL, NULL, r->cards_received, -1);
	ui_csv_count(sb, "summary", r->centre, "cards_handed", NULL, NULL, r->cards_handed, -1);
	for (int b = 0; b < BIZ__COUNT; b++)
		for (int v = 0; v < VERDICT__COUNT; v++)
			if (r->by_business[b][v] > 0)
				ui_csv_count(sb, "by_business", r->centre, NULL, case_business_vocab[b].code,
				    vcodes[v], r->by_business[b][v], -1);
	ui_csv_counts(sb, "by_clerk", r->centre, r->by_clerk, r->nclerks, false);
	ui_csv_counts(sb, "by_centre", r->centre, r->by_centre, r->ncentres, true);
	for (size_t i = 0; i < r->nfees; i++) {
		const struct service_report_fee *fe = &r->fees[i];
		char        day[JZZ_DATE_STRLEN], amt[16], id[19];
		const char *f[UI_CSV_NCOLS] = { "fees", fe->centre, ui_csv_date(fe->day, day), fe->user,
			case_business_vocab[fe->business].code, fe->cod ? "cod" : "card_fee", "1" };

		snprintf(amt, sizeof amt, "%d", fe->amount_yuan);
		f[7] = amt;
		f[8] = fe->receipt_no;
		f[9] = fe->fee_receipt_no;
		f[10] = ui_csv_masked(fe->id_number, id);
		f[11] = fe->name;
		ui_csv_row(sb, f);
	}
	for (size_t i = 0; i < r->nrules; i++) {
		if (r->rules[i].fail > 0)
			ui_csv_count(sb, "rules", r->centre, r->rules[i].rule, NULL, "fail", r->rules[i].fail, -1);
		if (r->rules[i].missing > 0)
			ui_csv_count(sb, "rules", r->centre, r->rules[i].rule, NULL, "missing",
			    r->rules[i].missing, -1);
		if (r->rules[i].warn > 0)
			ui_csv_count(sb, "rules", r->centre, r->rules[i].rule, NULL, "warn", r->rules[i].warn, -1);
	}
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs[d] > 0)
			ui_csv_count(sb, "missing_documents", r->centre, case_doc_vocab[d].code, NULL, NULL,
			    r->missing_docs[d], -1);
	ui_csv_persons(sb, "pickup_notices_overdue", r->overdue, r->noverdue);
	ui_csv_persons(sb, "endorsement_window", r->window, r->nwindow);
	ui_csv_persons(sb, "suspended", r->suspended, r->nsuspended);
	ui_csv_persons(sb, "auto_endorsement_failed", r->auto_failed, r->nauto_failed);
}

int
ui_csv_report_write(const struct service_report *r, const char *path, char *err, size_t errlen)
{
	struct strbuf sb;
	FILE         *f;
	int           rc = 0;

	strbuf_init(&sb);
	ui_csv_report(&sb, r);
	if (sb.oom) {
		snprintf(err, errlen, "out of memory");
		strbuf_free(&sb);
		return -1;
	}
	f = fopen(path, "wb");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		strbuf_free(&sb);
		return -1;
	}
	if (sb.len > 0 && fwrite(sb.buf, 1, sb.len, f) != sb.len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	strbuf_free(&sb);
	return rc;
}
