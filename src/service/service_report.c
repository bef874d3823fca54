/*
 * service_report.c: the supervisors' report (issue 5) and the calendar as
 * an administrator keeps it.
 *
 * Why one struct for every format: the command prints it as text, CSV or
 * JSON, and the terminal draws its bar charts from the same numbers, so a
 * figure cannot differ between the screen and the printout. The counts of
 * applications are of the days [from, to]; the pickup notices overdue and
 * the endorsement windows are the records as they stand on `to`; the
 * suspended permits and failed auto-endorsements are those of [from, to]
 * (lists bounded by the period: store_report.c). The overdue notices and
 * the window are not bounded by the period but by the city (a centre's
 * backlog, its permits expiring in 30 days), and the period's two lists
 * still grow with it: the report holds the first SERVICE_REPORT_PAGE rows
 * of each of the four and their whole lengths, service_report_more the
 * next rows.
 */
#include "service_internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The lists read a page at a time: the query of each, and where the
 * report keeps its rows' count and its whole length, as offsets, so that
 * one loop serves the four (report_totals, service_report_more,
 * service_report_in_part). */
static const struct report_paged {
	enum store_report_query q;
	size_t                  n, total;   /* offsets in struct service_report */
} report_paged[] = {
	{ STORE_REPORT_FEES, offsetof(struct service_report, nfees),
	  offsetof(struct service_report, fees_total) },
	{ STORE_REPORT_OVERDUE, offsetof(struct service_report, noverdue),
	  offsetof(struct service_report, overdue_total) },
	{ STORE_REPORT_WINDOW, offsetof(struct service_report, nwindow),
	  offsetof(struct service_report, window_total) },
	{ STORE_REPORT_SUSPENDED, offsetof(struct service_report, nsuspended),
	  offsetof(struct service_report, suspended_total) },
	{ STORE_REPORT_AUTO_FAILED, offsetof(struct service_report, nauto_failed),
	  offsetof(struct service_report, auto_failed_total) },
};
#define REPORT_NPAGED (sizeof report_paged / sizeof report_paged[0])

static size_t *
report_paged_field(struct service_report *r, size_t off)
{
	return (size_t *)(void *)((char *)r + off);
}

static size_t
report_paged_get(const struct service_report *r, size_t off)
{
	return *(const size_t *)(const void *)((const char *)r + off);
}

struct report_build {
	struct service_report *r;
	bool                   oom;
	enum store_report_query q;
};

static int
report_verdict(const char *d)
{
	for (int k = 0; d != NULL && k < VERDICT__COUNT; k++)
		if (strcmp(d, rules_verdict_code((enum verdict)k)) == 0)
			return k;
	return -1;
}

/* Grows an array by one zeroed element; NULL when memory runs out. */
static void *
report_grow(void **v, size_t *n, size_t size)
{
	char *nv = realloc(*v, (*n + 1) * size);

	if (nv == NULL)
		return NULL;
	memset(nv + *n * size, 0, size);
	*v = nv;
	return nv + (*n)++ * size;
}

/* The row of by_clerk or by_centre for key, made when new (rows come in
 * any order of their keys; sorted when all are in, report_count_cmp). */
static struct service_report_count *
report_count_of(struct report_build *rb, struct service_report_count **v, size_t *n,
                const char *key)
{
	struct service_report_count *c;

	for (size_t i = *n; i-- > 0;)
		if (strcmp((*v)[i].key, key) == 0)
			return &(*v)[i];
	if ((c = report_grow((void **)v, n, sizeof **v)) == NULL) {
		rb->oom = true;
		return NULL;
	}
	service_copy(c->key, sizeof c->key, key);
	return c;
}

static int
report_count_cmp(const void *a, const void *b)
{
	const struct service_report_count *x = a, *y = b;

	return strcmp(x->key, y->key);
}

/* A group's count, decision and fees added to a row of by_clerk or by_centre. */
static void
report_count_add(struct report_build *rb, struct service_report_count **v, size_t *n,
                 const char *key, int verdict, const struct store_report_row *row)
{
	struct service_report_count *c = report_count_of(rb, v, n, key);

	if (c == NULL)
		return;
	c->applications += (int)row->n[0];
	if (verdict >= 0)
		c->by_verdict[verdict] += (int)row->n[0];
	c->fees_yuan += (int)row->n[1];
}

static void
report_person(struct report_build *rb, struct service_report_person **v, size_t *n,
              const struct store_report_row *row)
{
	struct service_report_person *p = report_grow((void **)v, n, sizeof **v);
	jzz_date                      to = rb->r->to;

	if (p == NULL) {
		rb->oom = true;
		return;
	}
	service_copy(p->centre, sizeof p->centre, row->t[0]);
	service_copy(p->id_number, sizeof p->id_number, row->t[1]);
	service_copy(p->name, sizeof p->name, row->t[2]);
	service_copy(p->phone, sizeof p->phone, row->t[3]);
	p->date = p->since = JZZ_DATE_NONE;
	if (row->t[4] == NULL || !date_parse(row->t[4], strlen(row->t[4]), &p->since))
		p->since = JZZ_DATE_NONE;
	switch (rb->q) {
	case STORE_REPORT_OVERDUE:   /* t4 received_on, t5 due */
		if (!date_parse(row->t[5], strlen(row->t[5]), &p->date))
			p->date = JZZ_DATE_NONE;
		p->days = p->date != JZZ_DATE_NONE ? to - p->date : 0;
		break;
	case STORE_REPORT_AUTO_FAILED:   /* t4 valid_until, t5 reason, t6 day */
		p->date = p->since;
		if (!date_parse(row->t[6], strlen(row->t[6]), &p->since))
			p->since = JZZ_DATE_NONE;
		service_copy(p->detail, sizeof p->detail, row->t[5]);
		p->days = p->date != JZZ_DATE_NONE ? to - p->date : 0;
		break;
	default:                     /* t4 valid_until */
		p->date = p->since;
		p->since = JZZ_DATE_NONE;
		p->days = rb->q == STORE_REPORT_WINDOW ? p->date - to : to - p->date;
		if (rb->q == STORE_REPORT_SUSPENDED && p->days > RULES_ENDO_GRACE_DAYS)
			service_copy(p->detail, sizeof p->detail, "late");   /* ENDO-3: years reset */
		break;
	}
}

static void
report_row(void *arg, const struct store_report_row *row)
{
	struct report_build   *rb = arg;
	struct service_report *r = rb->r;
	int                    v, b;

	if (rb->oom)
		return;
	switch (rb->q) {
	case STORE_REPORT_APPLICATIONS:   /* t: business, decision, user, centre */
		b = CASE_VOCAB_FIND(case_business_vocab, row->t[0], strlen(row->t[0]));
		v = report_verdict(row->t[1]);
		r->applications += (int)row->n[0];
		if (b >= 0 && v >= 0)
			r->by_business[b][v] += (int)row->n[0];
		r->fees_yuan += (int)row->n[1];
		r->cod_fees_yuan += (int)row->n[2];
		report_count_add(rb, &r->by_clerk, &r->nclerks, row->t[2], v, row);
		report_count_add(rb, &r->by_centre, &r->ncentres, row->t[3], v, row);
		break;
	case STORE_REPORT_FEES: {
		struct service_report_fee *f = report_grow((void **)&r->fees, &r->nfees, sizeof *f);

		if (f == NULL) {
			rb->oom = true;
			break;
		}
		if (!date_parse(row->t[0], strlen(row->t[0]), &f->day))
			f->day = JZZ_DATE_NONE;
		service_copy(f->centre, sizeof f->centre, row->t[1]);
		service_copy(f->user, sizeof f->user, row->t[2]);
		service_copy(f->receipt_no, sizeof f->receipt_no, row->t[3]);
		service_copy(f->fee_receipt_no, sizeof f->fee_receipt_no, row->t[4]);
		b = CASE_VOCAB_FIND(case_business_vocab, row->t[5], strlen(row->t[5]));
		f->business = b >= 0 ? (enum jzz_business)b : BIZ_REGISTRATION;
		f->cod = strcmp(row->t[6], "cod") == 0;
		service_copy(f->id_number, sizeof f->id_number, row->t[7]);
		service_copy(f->name, sizeof f->name, row->t[8]);
		f->amount_yuan = (int)row->n[0];
		break;
	}
	case STORE_REPORT_RULES: {   /* t: rule, outcome; n: times */
		struct service_report_rule *ru = NULL;

		for (size_t i = 0; i < r->nrules && ru == NULL; i++)
			if (strcmp(r->rules[i].rule, row->t[0]) == 0)
				ru = &r->rules[i];
		if (ru == NULL) {
			if ((ru = report_grow((void **)&r->rules, &r->nrules, sizeof *ru)) == NULL) {
				rb->oom = true;
				break;
			}
			service_copy(ru->rule, sizeof ru->rule, row->t[0]);
		}
		if (strcmp(row->t[1], "fail") == 0)
			ru->fail += (int)row->n[0];
		else if (strcmp(row->t[1], "missing") == 0)
			ru->missing += (int)row->n[0];
		else
			ru->warn += (int)row->n[0];
		break;
	}
	case STORE_REPORT_DOCS:   /* n: applications lacking it, the document */
		if (row->n[1] >= 0 && row->n[1] < DOC__COUNT)
			r->missing_docs[row->n[1]] += (int)row->n[0];
		break;
	case STORE_REPORT_TALLIES:   /* n: fee lines, cards received, handed, refusals */
		r->fees_total = (size_t)row->n[0];
		r->cards_received = (int)row->n[1];
		r->cards_handed = (int)row->n[2];
		r->auto_failed_total = (size_t)row->n[3];
		break;
	case STORE_REPORT_OVERDUE_TOTAL:
		r->overdue_total = (size_t)row->n[0];
		break;
	case STORE_REPORT_OVERDUE:
		report_person(rb, &r->overdue, &r->noverdue, row);
		break;
	case STORE_REPORT_WINDOW:
		r->window_total = (size_t)row->n[0];   /* the whole list's, on every row */
		report_person(rb, &r->window, &r->nwindow, row);
		break;
	case STORE_REPORT_SUSPENDED:
		r->suspended_total = (size_t)row->n[0];   /* the whole list's, on every row */
		report_person(rb, &r->suspended, &r->nsuspended, row);
		break;
	case STORE_REPORT_AUTO_FAILED:
		report_person(rb, &r->auto_failed, &r->nauto_failed, row);
		break;
	default:
		break;
	}
}

/* A list and its count are two statements, two reads: a card arrived in
 * between must not make the rows shown more than the whole. */
static void
report_totals(struct service_report *r)
{
	for (size_t i = 0; i < REPORT_NPAGED; i++) {
		size_t *total = report_paged_field(r, report_paged[i].total);

		if (*total < report_paged_get(r, report_paged[i].n))
			*total = report_paged_get(r, report_paged[i].n);
	}
}

/* The rows of the paged lists the report holds. */
static size_t
report_paged_rows(const struct service_report *r)
{
	size_t n = 0;

	for (size_t i = 0; i < REPORT_NPAGED; i++)
		n += report_paged_get(r, report_paged[i].n);
	return n;
}

bool
service_report_in_part(const struct service_report *r)
{
	for (size_t i = 0; i < REPORT_NPAGED; i++)
		if (report_paged_get(r, report_paged[i].n) < report_paged_get(r, report_paged[i].total))
			return true;
	return false;
}

/* Rules in catalogue order (the store groups them by id text). */
static int
report_rule_cmp(const void *a, const void *b)
{
	const struct service_report_rule *x = a, *y = b;
	int                               i = -1, j = -1;

	for (int k = 0; k < R__COUNT; k++) {
		if (strcmp(rules_code((enum rule_id)k), x->rule) == 0)
			i = k;
		if (strcmp(rules_code((enum rule_id)k), y->rule) == 0)
			j = k;
	}
	return (i > j) - (i < j);
}

enum service_status
service_report(struct service *s, const struct service_actor *a, const char *centre,
               jzz_date from, jzz_date to, struct service_report *out)
{
	struct report_build rb;
	enum service_status st;
	const char         *filter;

	if ((st = service_allow_into(s, a, SERVICE_ACT_REPORT, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (centre == NULL)
		centre = a->centre;
	if (strcmp(centre, SERVICE_REPORT_ALL) != 0 && !service_centre_valid(s, centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
	if (from == JZZ_DATE_NONE || to == JZZ_DATE_NONE || from > to)
		return service_fail(s, SERVICE_ERR_INVALID, "a range of days, from <= to, is needed");
	filter = strcmp(centre, SERVICE_REPORT_ALL) == 0 ? NULL : centre;
	out->from = from;
	out->to = to;
	service_copy(out->centre, sizeof out->centre, centre);
	memset(&rb, 0, sizeof rb);
	rb.r = out;
	for (int q = 0; q < STORE_REPORT__COUNT; q++) {
		rb.q = (enum store_report_query)q;
		if (store_report_query(s->st, rb.q, filter, from, to, 0, SERVICE_REPORT_PAGE, report_row,
		    &rb) != STORE_OK) {
			st = service_db_fail(s);
			service_report_free(out);
			return st;
		}
	}
	report_totals(out);
	if (rb.oom) {
		service_report_free(out);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	if (out->nrules > 1)
		qsort(out->rules, out->nrules, sizeof *out->rules, report_rule_cmp);
	if (out->nclerks > 1)
		qsort(out->by_clerk, out->nclerks, sizeof *out->by_clerk, report_count_cmp);
	if (out->ncentres > 1)
		qsort(out->by_centre, out->ncentres, sizeof *out->by_centre, report_count_cmp);
	for (int v = 0; v < VERDICT__COUNT; v++) {
		out->fast_track += out->by_business[BIZ_PERMIT_NEW_FAST][v] +
		    out->by_business[BIZ_PERMIT_REPLACE_FAST][v];
	}
	out->fast_track_accepted = out->by_business[BIZ_PERMIT_NEW_FAST][VERDICT_ACCEPT] +
	    out->by_business[BIZ_PERMIT_REPLACE_FAST][VERDICT_ACCEPT];
	{
		/* the report lists persons by name: a read of personal data */
		char subject[64], f[JZZ_DATE_STRLEN], t2[JZZ_DATE_STRLEN];

		date_format(from, f);
		date_format(to, t2);
		snprintf(subject, sizeof subject, "%s %s..%s", out->centre, f, t2);
		if ((st = service_audit_read(s, a, "read_report", subject, "")) != SERVICE_OK) {
			service_report_free(out);
			return st;
		}
	}
	return SERVICE_OK;
}

enum service_status
service_report_more(struct service *s, const struct service_actor *a, struct service_report *r,
                    bool *more)
{
	struct report_build rb;
	enum service_status st;
	const char         *filter;
	size_t              before = report_paged_rows(r);

	if (more != NULL)
		*more = false;
	if ((st = service_allow(s, a, SERVICE_ACT_REPORT)) != SERVICE_OK)
		return st;
	filter = strcmp(r->centre, SERVICE_REPORT_ALL) == 0 ? NULL : r->centre;
	memset(&rb, 0, sizeof rb);
	rb.r = r;
	for (size_t i = 0; i < REPORT_NPAGED; i++) {
		size_t *n = report_paged_field(r, report_paged[i].n);
		size_t *total = report_paged_field(r, report_paged[i].total);
		size_t  had = *n;

		if (*n >= *total)
			continue;
		rb.q = report_paged[i].q;
		/* the rows are appended to the list, as service_report put the first */
		if (store_report_query(s->st, rb.q, filter, r->from, r->to, (long)*n, SERVICE_REPORT_PAGE,
		    report_row, &rb) != STORE_OK)
			return service_db_fail(s);
		if (rb.oom)
			return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
		/* a list shorter now than when counted (notices given since) ends
		 * where its rows did, or "more" would be offered for ever */
		if (*n - had < SERVICE_REPORT_PAGE)
			*total = *n;
	}
	report_totals(r);
	if (report_paged_rows(r) > before) {
		char subject[96], f[JZZ_DATE_STRLEN], t2[JZZ_DATE_STRLEN];

		date_format(r->from, f);
		date_format(r->to, t2);
		snprintf(subject, sizeof subject, "%s %s..%s rows %zu+", r->centre, f, t2, before);
		if ((st = service_audit_read(s, a, "read_report", subject, "")) != SERVICE_OK)
			return st;
	}
	if (more != NULL)
		*more = service_report_in_part(r);
	return SERVICE_OK;
}

enum service_status
service_report_whole(struct service *s, const struct service_actor *a, struct service_report *r)
{
	enum service_status st = SERVICE_OK;

	for (bool more = service_report_in_part(r); more && st == SERVICE_OK;)
		st = service_report_more(s, a, r, &more);
	return st;
}

void
service_report_free(struct service_report *r)
{
	if (r == NULL)
		return;
	SERVICE_ARRAY_FREE(r->by_clerk, r->nclerks);
	SERVICE_ARRAY_FREE(r->by_centre, r->ncentres);
	SERVICE_ARRAY_FREE(r->fees, r->nfees);
	SERVICE_ARRAY_FREE(r->rules, r->nrules);
	SERVICE_ARRAY_FREE(r->overdue, r->noverdue);
	SERVICE_ARRAY_FREE(r->window, r->nwindow);
	SERVICE_ARRAY_FREE(r->suspended, r->nsuspended);
	SERVICE_ARRAY_FREE(r->auto_failed, r->nauto_failed);
}

/* ---- the calendar ---- */

struct calendar_import_arg {
	const struct service_actor *a;
	struct calendar            *cal;
	int                         year;
	int                         ndays;
};

static enum service_status
calendar_import_tx(struct service *s, void *arg)
{
	struct calendar_import_arg *ca = arg;
	char                        subj[16], why[64];

	SERVICE_TRY(s, store_calendar_replace_year(s->st, ca->year, ca->cal));
	snprintf(subj, sizeof subj, "%d", ca->year);
	snprintf(why, sizeof why, "holiday schedule replaced (%d days listed)", ca->ndays);
	return service_audit(s, ca->a, service_real_today(), "calendar_import", subj, why);
}

enum service_status
service_calendar_import(struct service *s, const struct service_actor *a, const char *json,
                        size_t len, int *year)
{
	struct calendar_import_arg ca = { a, NULL, 0, 0 };
	enum service_status        st;
	char                       err[256];

	if (year != NULL)
		*year = 0;
	if ((st = service_allow(s, a, SERVICE_ACT_CALENDAR)) != SERVICE_OK)
		return st;
	if (json == NULL)
		return service_fail(s, SERVICE_ERR_INVALID, "no file");
	if ((ca.cal = calendar_new()) == NULL)
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	ca.year = calendar_load_json(ca.cal, json, len, err, sizeof err);
	if (ca.year < 0) {
		calendar_free(ca.cal);
		return service_fail(s, SERVICE_ERR_INVALID, "%s", err);
	}
	/* A file with no days is no schedule (CAL-1): importing it would
	 * only erase the year. */
	if (!calendar_year_loaded(ca.cal, ca.year)) {
		calendar_free(ca.cal);
		return service_fail(s, SERVICE_ERR_INVALID, "the %d file lists no days", ca.year);
	}
	for (jzz_date d = date_from_ymd(ca.year - 1, 1, 1); d <= date_from_ymd(ca.year + 1, 12, 31);
	    d++)
		if (calendar_override(ca.cal, d) >= 0)
			ca.ndays++;
	st = service_tx(s, calendar_import_tx, &ca);
	calendar_free(ca.cal);
	if (st == SERVICE_OK) {
		if (year != NULL)
			*year = ca.year;
		st = service_calendar_reload(s);   /* this handle sees the new days at once */
	}
	return st;
}

enum service_status
service_calendar_year_get(struct service *s, int year, struct service_calendar_year *out)
{
	jzz_date first, last;

	memset(out, 0, sizeof *out);
	if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
		return service_fail(s, SERVICE_ERR_INVALID, "year %d is outside %d-%d", year,
		    CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR);
	out->year = year;
	out->loaded = calendar_year_loaded(s->cal, year);
	first = date_from_ymd(year, 1, 1);
	last = date_from_ymd(year, 12, 31);
	out->off = calloc((size_t)(last - first + 1), sizeof *out->off);
	out->worked = calloc((size_t)(last - first + 1), sizeof *out->worked);
	if (out->off == NULL || out->worked == NULL) {
		service_calendar_year_free(out);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	for (jzz_date d = first; d <= last; d++) {
		int o = calendar_override(s->cal, d);

		if (o == 1)
			out->off[out->noff++] = d;
		else if (o == 0)
			out->worked[out->nworked++] = d;
	}
	return SERVICE_OK;
}

void
service_calendar_year_free(struct service_calendar_year *y)
{
	if (y == NULL)
		return;
	SERVICE_ARRAY_FREE(y->off, y->noff);
	SERVICE_ARRAY_FREE(y->worked, y->nworked);
}
