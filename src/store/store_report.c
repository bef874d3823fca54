/*
 * store_report.c: the queries of the supervisors' report (issue 5), one per
 * section, all prepared from constant text with the centre and the days
 * bound.
 *
 * Why a row callback rather than a struct per section: the sections differ
 * only in their columns, and the service layer that owns the report's
 * meaning (what a decision code or a rule id is) builds its struct from the
 * rows; the store stays a reader of rows. `?1 IS NULL OR centre = ?1` lets
 * one statement serve one centre and all of them.
 */
#include "store_internal.h"

#include <string.h>

/* The day's counts (schema v9, kept by store_application_insert): a
 * period's rows are its days' (some 4,000 for a district's month), however
 * many applications they count. The key (day, centre, ...) serves a
 * centre's day and the district's month alike. CAST: a value tested for
 * NULL alone says nothing of its type, which PostgreSQL must know (SQLite
 * does not care). */
#define DAY_FILTER " (CAST(?1 AS TEXT) IS NULL OR d.centre = ?1) AND d.day BETWEEN ?2 AND ?3"
static const char sql_rep_apps[] =
	"SELECT d.business, d.decision, d.user_name, d.centre, sum(d.applications), sum(d.fee_yuan),"
	" sum(d.cod_fee_yuan) FROM day_applications d WHERE" DAY_FILTER
	" GROUP BY d.business, d.decision, d.user_name, d.centre";
/* The fees of the period from the applications that have one, by their
 * partial index (applications_with_fees: its WHERE is repeated here so
 * that both planners may use it); every fee belongs to an application
 * with a fee or a COD fee (service_permit.c writes one only then). Paged
 * like the lists of persons (schema v11): a district's month at 10 M
 * persons is 48,000 lines, 189 ms to read whole; the page is read in the
 * index's order and its length is the tallies' (fee_lines). One centre
 * has a text of its own, whose centre is tested as an expression (`||
 * ''`) so that no index of applications by centre serves it: SQLite chose
 * applications_by_day (centre, day), reading every application of the
 * centre's day from the table to find the few with a fee (14 ms at 10 M
 * persons); from applications_with_fees, read in the ledger's order until
 * the page is full, it is 0.3 ms (a centre's receipts, which begin with
 * its code, are together in that order). */
#define FEES_HEAD \
	"SELECT a.day, a.centre, a.user_name, coalesce(a.receipt_no, '')," \
	" coalesce(f.fee_receipt_no, ''), a.business, f.kind, a.id_number, a.name, f.amount_yuan" \
	" FROM applications a CROSS JOIN fees f ON f.application_id = a.id WHERE "
#define FEES_TAIL \
	"a.day BETWEEN ?2 AND ?3 AND (a.fee_yuan > 0 OR a.cod_fee_yuan > 0)" \
	" ORDER BY a.day, a.receipt_no, f.id LIMIT ?7 OFFSET ?8"
static const char sql_rep_fees[] =
	FEES_HEAD "CAST(?1 AS TEXT) IS NULL AND " FEES_TAIL;
static const char sql_rep_fees_centre[] =
	FEES_HEAD "a.centre || '' = ?1 AND " FEES_TAIL;
static const char sql_rep_rules[] =
	"SELECT d.rule, d.outcome, sum(d.n) FROM day_rules d WHERE" DAY_FILTER
	" GROUP BY d.rule, d.outcome";
static const char sql_rep_docs[] =
	"SELECT sum(d.n), d.doc FROM day_docs d WHERE" DAY_FILTER " GROUP BY d.doc";
/* The tallies of the period (schema v11, kept by triggers): the ledger's
 * length, the cards received and handed over, the refusals that stand. */
static const char sql_rep_tallies[] =
	"SELECT coalesce(sum(d.fee_lines), 0), coalesce(sum(d.cards_received), 0),"
	" coalesce(sum(d.cards_handed), 0), coalesce(sum(d.auto_refused), 0)"
	" FROM day_tallies d WHERE" DAY_FILTER;
/*
 * The suspended permits and the batch's refusals are those of the period,
 * so that their cost is the period's and not the city's (a district's
 * "every suspended permit since ever" was 885,000 rows at 10 million
 * persons): a permit whose first day past validity (valid_until + 1), or a
 * refusal whose day, lies between from and to, and still so as the records
 * stand. Bounded by the period, they still grow with the city (a
 * district's month: 5,231 suspended permits at 1 M persons), so they are
 * paged like the lists below. The days around the period are bound,
 * reckoned here (?4 = to + 30, ?5 = from - 1, ?6 = to - 1), so that no
 * engine's date arithmetic is needed.
 *
 * The lists that grow with the city rather than with the period, as of
 * `to`: the pickup notices overdue (the centre's backlog) and the permits
 * in their endorsement window (every permit whose last 30 days hold `to`);
 * and the two of the period above. Each is read a page at a time (?7 rows
 * from row ?8) with its whole length, so that the report costs its page
 * and not the backlog: a centre's 436 overdue notices, each joined to its
 * card, permit and person by random reads, were 31 ms of a 35 ms daily
 * report at 1 M persons. The page is taken in a subquery from the rows the
 * order comes from (an index for the notices and the permits), and only
 * its rows are joined, so that a later page skips index entries, not
 * joins. One centre and the district have two texts where the centre has
 * an index of its own: an `?1 IS NULL OR` filter made the planner read the
 * district's entries for one centre.
 *
 * The notices come from the cards left unnotified (schema v7), in the
 * order of its indexes (due day, then card): cards_unnotified_by_centre
 * from (centre, due) on, or cards_unnotified_by_due; their count is read
 * from the same index alone. Every row of cards_unnotified is a card in
 * state 'received' (its triggers), so the list and the count agree.
 */
#define OVERDUE_DUE "u.notice_due_on < ?3 AND CAST(?2 AS TEXT) IS NOT NULL"
#define OVERDUE_HEAD \
	"SELECT c.centre, pe.id_number, pe.name, coalesce(pe.phone, ''), c.received_on," \
	" c.notice_due_on FROM (SELECT u.card_id, u.notice_due_on FROM cards_unnotified u WHERE "
#define OVERDUE_TAIL \
	" ORDER BY u.notice_due_on, u.card_id LIMIT ?7 OFFSET ?8) u" \
	" CROSS JOIN cards c ON c.id = u.card_id CROSS JOIN permits p ON p.id = c.permit_id" \
	" CROSS JOIN persons pe ON pe.id = p.person_id ORDER BY u.notice_due_on, u.card_id"
static const char sql_rep_overdue[] =
	OVERDUE_HEAD OVERDUE_DUE OVERDUE_TAIL;
static const char sql_rep_overdue_centre[] =
	OVERDUE_HEAD "u.centre = ?1 AND " OVERDUE_DUE OVERDUE_TAIL;
static const char sql_rep_overdue_total[] =
	"SELECT count(*) FROM cards_unnotified u WHERE " OVERDUE_DUE;
static const char sql_rep_overdue_total_centre[] =
	"SELECT count(*) FROM cards_unnotified u WHERE u.centre = ?1 AND " OVERDUE_DUE;
/*
 * The window's permits, and the suspended ones, come in the order of
 * permits_by_valid_until (active permits by their last day), the page with
 * the whole list's length as a column (n[0] of every row); the two lists
 * differ only in their days. For one centre, permits_by_centre_valid_until
 * (schema v8) gives the centre's permits of those days (before it, the
 * district's were read: 4,159 rows for a centre's 381 at 1 M persons).
 * The length is a subquery of its own, run once and read from the index
 * alone (schema v10 put the status in its key); the page reads its rows
 * and their persons only. (It was count(*) OVER () on the page's own read,
 * which fetched every permit of the window from the table to count it:
 * 1.9 ms of a centre's 2.9 ms day at 1 M persons, against 0.4.)
 */
#define WINDOW_DAYS \
	"p.status = 'active' AND p.valid_until >= ?3 AND p.valid_until <= ?4" \
	" AND CAST(?2 AS TEXT) IS NOT NULL"
/* the first day past validity in [from, to] */
#define SUSPENDED_DAYS "p.status = 'active' AND p.valid_until BETWEEN ?5 AND ?6"
#define PERMITS_SELECT \
	"SELECT w.centre, pe.id_number, pe.name, coalesce(pe.phone, ''), w.valid_until,"
#define PERMITS_PAGE \
	" ORDER BY p.valid_until, p.rowid LIMIT ?7 OFFSET ?8) w" \
	" CROSS JOIN persons pe ON pe.id = w.person_id ORDER BY w.valid_until, w.seq"
#define PERMITS_COUNT " (SELECT count(*) FROM permits p WHERE "
#define PERMITS_FROM \
	") FROM (SELECT p.centre, p.person_id, p.valid_until, p.rowid AS seq FROM permits p WHERE "
#define OF_CENTRE "p.centre = ?1 AND "
static const char sql_rep_window[] =
	PERMITS_SELECT PERMITS_COUNT WINDOW_DAYS PERMITS_FROM WINDOW_DAYS PERMITS_PAGE;
static const char sql_rep_window_centre[] =
	PERMITS_SELECT PERMITS_COUNT OF_CENTRE WINDOW_DAYS PERMITS_FROM OF_CENTRE WINDOW_DAYS
	PERMITS_PAGE;
static const char sql_rep_suspended[] =
	PERMITS_SELECT PERMITS_COUNT SUSPENDED_DAYS PERMITS_FROM SUSPENDED_DAYS PERMITS_PAGE;
static const char sql_rep_suspended_centre[] =
	PERMITS_SELECT PERMITS_COUNT OF_CENTRE SUSPENDED_DAYS PERMITS_FROM OF_CENTRE SUSPENDED_DAYS
	PERMITS_PAGE;

/*
 * The batch's refusals that still stand (ENDO-5 refused, the permit still
 * active at the last day refused) are the rows of auto_refusals (schema
 * v11, kept by triggers), in the order of its indexes: by day, then last
 * day, for the district (auto_refusals_by_day) or one centre
 * (auto_refusals_by_centre, the permit's centre). Before v11 every refusal
 * of the period was joined to its permit to learn whether it stood, and
 * sorted, whatever the page: 91 ms of a district's month at 10 M persons.
 * Only the page is joined to its permits and persons; the whole length is
 * the tallies' (auto_refused).
 */
#define REFUSED_HEAD \
	"SELECT r.centre, pe.id_number, pe.name, coalesce(pe.phone, ''), r.valid_until," \
	" coalesce(r.reason, ''), r.day FROM (SELECT r.endorsement_id, r.permit_id, r.centre," \
	" r.day, r.valid_until, r.reason FROM auto_refusals r WHERE "
#define REFUSED_TAIL \
	"r.day BETWEEN ?2 AND ?3 ORDER BY r.day, r.valid_until, r.endorsement_id" \
	" LIMIT ?7 OFFSET ?8) r CROSS JOIN permits p ON p.id = r.permit_id" \
	" CROSS JOIN persons pe ON pe.id = p.person_id" \
	" ORDER BY r.day, r.valid_until, r.endorsement_id"
static const char sql_rep_auto_failed[] =
	REFUSED_HEAD "CAST(?1 AS TEXT) IS NULL AND " REFUSED_TAIL;
static const char sql_rep_auto_failed_centre[] =
	REFUSED_HEAD "r.centre = ?1 AND " REFUSED_TAIL;

static const char *const store_report_sql[STORE_REPORT__COUNT] = {
	[STORE_REPORT_APPLICATIONS] = sql_rep_apps,
	[STORE_REPORT_FEES] = sql_rep_fees,
	[STORE_REPORT_RULES] = sql_rep_rules,
	[STORE_REPORT_DOCS] = sql_rep_docs,
	[STORE_REPORT_TALLIES] = sql_rep_tallies,
	[STORE_REPORT_OVERDUE_TOTAL] = sql_rep_overdue_total,
	[STORE_REPORT_OVERDUE] = sql_rep_overdue,
	[STORE_REPORT_WINDOW] = sql_rep_window,
	[STORE_REPORT_SUSPENDED] = sql_rep_suspended,
	[STORE_REPORT_AUTO_FAILED] = sql_rep_auto_failed,
};

/* The text for one centre where it differs from the district's. */
static const char *const store_report_sql_centre[STORE_REPORT__COUNT] = {
	[STORE_REPORT_FEES] = sql_rep_fees_centre,
	[STORE_REPORT_OVERDUE_TOTAL] = sql_rep_overdue_total_centre,
	[STORE_REPORT_OVERDUE] = sql_rep_overdue_centre,
	[STORE_REPORT_WINDOW] = sql_rep_window_centre,
	[STORE_REPORT_SUSPENDED] = sql_rep_suspended_centre,
	[STORE_REPORT_AUTO_FAILED] = sql_rep_auto_failed_centre,
};

/* How many leading columns are text; the rest are numbers. */
static const int store_report_ntext[STORE_REPORT__COUNT] = {
	[STORE_REPORT_APPLICATIONS] = 4,
	[STORE_REPORT_FEES] = 9, [STORE_REPORT_RULES] = 2, [STORE_REPORT_DOCS] = 0,
	[STORE_REPORT_TALLIES] = 0, [STORE_REPORT_OVERDUE_TOTAL] = 0, [STORE_REPORT_OVERDUE] = 6,
	[STORE_REPORT_WINDOW] = 5,
	[STORE_REPORT_SUSPENDED] = 5, [STORE_REPORT_AUTO_FAILED] = 7,
};

enum store_rc
store_report_query(struct store *st, enum store_report_query q, const char *centre, jzz_date from,
                   jzz_date to, long offset, int limit, void (*fn)(void *arg, const struct store_report_row *r), void *arg)
{
	struct store_stmt *s;
	int           rc;

	if ((unsigned)q >= STORE_REPORT__COUNT)
		return STORE_ERR;
	if ((s = store_stmt(st, centre != NULL && store_report_sql_centre[q] != NULL ?
	    store_report_sql_centre[q] : store_report_sql[q])) == NULL)
		return STORE_ERR;
	store_bind_text(s, 1, centre);
	store_bind_date(s, 2, from);
	store_bind_date(s, 3, to);
	store_bind_date(s, 4, to + 30);
	store_bind_date(s, 5, from - 1);
	store_bind_date(s, 6, to - 1);
	stmt_bind_int(s, 7, limit);
	stmt_bind_int64(s, 8, offset);
	while ((rc = stmt_step(s)) == STMT_ROW) {
		struct store_report_row r;
		int                     nt = store_report_ntext[q], nc = stmt_col_count(s);

		memset(&r, 0, sizeof r);
		for (int i = 0; i < nc; i++) {
			if (i < nt && i < 10) {
				const char *t = stmt_col_text(s, i);

				r.t[i] = t != NULL ? t : "";
			} else if (i >= nt && i - nt < 4) {
				r.n[i - nt] = stmt_col_int64(s, i);
			}
		}
		fn(arg, &r);
	}
	stmt_reset(s);
	return rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}
