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

/* CAST: a value tested for NULL alone says nothing of its type, which
 * PostgreSQL must know (SQLite does not care). */
#define APP_FILTER " (CAST(?1 AS TEXT) IS NULL OR a.centre = ?1) AND a.day BETWEEN ?2 AND ?3"

/* The day's counts (schema v9, kept by store_application_insert): a
 * period's rows are its days' (some 4,000 for a district's month), however
 * many applications they count. The key (day, centre, ...) serves a
 * centre's day and the district's month alike. */
#define DAY_FILTER " (CAST(?1 AS TEXT) IS NULL OR d.centre = ?1) AND d.day BETWEEN ?2 AND ?3"
static const char sql_rep_apps[] =
	"SELECT d.business, d.decision, d.user_name, d.centre, sum(d.applications), sum(d.fee_yuan),"
	" sum(d.cod_fee_yuan) FROM day_applications d WHERE" DAY_FILTER
	" GROUP BY d.business, d.decision, d.user_name, d.centre";
/* The fees of the period from the applications that have one, by their
 * partial index (applications_with_fees: its WHERE is repeated here so
 * that both planners may use it); every fee belongs to an application
 * with a fee or a COD fee (service_permit.c writes one only then). */
static const char sql_rep_fees[] =
	"SELECT a.day, a.centre, a.user_name, coalesce(a.receipt_no, ''),"
	" coalesce(f.fee_receipt_no, ''), a.business, f.kind, a.id_number, a.name, f.amount_yuan"
	" FROM applications a CROSS JOIN fees f ON f.application_id = a.id WHERE" APP_FILTER
	" AND (a.fee_yuan > 0 OR a.cod_fee_yuan > 0)"
	" ORDER BY a.day, a.receipt_no, f.id";
static const char sql_rep_rules[] =
	"SELECT d.rule, d.outcome, sum(d.n) FROM day_rules d WHERE" DAY_FILTER
	" GROUP BY d.rule, d.outcome";
static const char sql_rep_docs[] =
	"SELECT sum(d.n), d.doc FROM day_docs d WHERE" DAY_FILTER " GROUP BY d.doc";
static const char sql_rep_cards[] =
	"SELECT (SELECT count(*) FROM cards c WHERE (CAST(?1 AS TEXT) IS NULL OR c.centre = ?1)"
	"   AND c.received_on BETWEEN ?2 AND ?3),"
	" (SELECT count(*) FROM cards c WHERE (CAST(?1 AS TEXT) IS NULL OR c.centre = ?1)"
	"   AND c.handed_on BETWEEN ?2 AND ?3)";
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
 * The batch's refusals come from endorsements_auto_failed_cover (the
 * period's, by day), each joined to its permit (still active, its last day
 * the one refused, the centre's). Their order is the permits', not the
 * index's, so every row of the period is read and sorted whatever the
 * page: the count is taken on that same read (count(*) OVER ()), and only
 * the page is joined to persons. One text serves one centre and the
 * district: the centre is the permit's, known only once the refusal is
 * read, and no index leads from a centre to its refusals of a period.
 */
static const char sql_rep_auto_failed[] =
	"SELECT f.centre, pe.id_number, pe.name, coalesce(pe.phone, ''), f.valid_until, f.reason,"
	" f.day, f.total FROM (SELECT p.centre, p.person_id, p.valid_until, p.rowid AS seq, e.reason,"
	" e.day, count(*) OVER () AS total FROM endorsements e JOIN permits p ON p.id = e.permit_id"
	" WHERE (CAST(?1 AS TEXT) IS NULL OR p.centre = ?1) AND p.status = 'active' AND e.kind = 'auto'"
	" AND e.outcome = 'not_endorsed' AND e.old_valid_until = p.valid_until"
	" AND e.day BETWEEN ?2 AND ?3 ORDER BY p.valid_until, p.rowid LIMIT ?7 OFFSET ?8) f"
	" CROSS JOIN persons pe ON pe.id = f.person_id ORDER BY f.valid_until, f.seq";

static const char *const store_report_sql[STORE_REPORT__COUNT] = {
	[STORE_REPORT_APPLICATIONS] = sql_rep_apps,
	[STORE_REPORT_FEES] = sql_rep_fees,
	[STORE_REPORT_RULES] = sql_rep_rules,
	[STORE_REPORT_DOCS] = sql_rep_docs,
	[STORE_REPORT_CARDS] = sql_rep_cards,
	[STORE_REPORT_OVERDUE_TOTAL] = sql_rep_overdue_total,
	[STORE_REPORT_OVERDUE] = sql_rep_overdue,
	[STORE_REPORT_WINDOW] = sql_rep_window,
	[STORE_REPORT_SUSPENDED] = sql_rep_suspended,
	[STORE_REPORT_AUTO_FAILED] = sql_rep_auto_failed,
};

/* The text for one centre where it differs from the district's. */
static const char *const store_report_sql_centre[STORE_REPORT__COUNT] = {
	[STORE_REPORT_OVERDUE_TOTAL] = sql_rep_overdue_total_centre,
	[STORE_REPORT_OVERDUE] = sql_rep_overdue_centre,
	[STORE_REPORT_WINDOW] = sql_rep_window_centre,
	[STORE_REPORT_SUSPENDED] = sql_rep_suspended_centre,
};

/* How many leading columns are text; the rest are numbers. */
static const int store_report_ntext[STORE_REPORT__COUNT] = {
	[STORE_REPORT_APPLICATIONS] = 4,
	[STORE_REPORT_FEES] = 9, [STORE_REPORT_RULES] = 2, [STORE_REPORT_DOCS] = 0,
	[STORE_REPORT_CARDS] = 0, [STORE_REPORT_OVERDUE_TOTAL] = 0, [STORE_REPORT_OVERDUE] = 6,
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
