/*
 * store_query.c: the read-only questions of the centres: work queues, the
 * permits the auto-endorsement batch looks at, and the daily report.
 *
 * Dates are ISO text in the database, so ranges are computed in C (with
 * date.h's arithmetic, the policy's) and bound as text: SQLite's own date
 * functions do not know the end-of-month rule of RULES.md.
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

static const char sql_queue_made[] =
	"SELECT p.person_id, pe.id_number, pe.name, coalesce(pe.phone, ''), c.permit_id, c.id,"
	" c.ready_on, NULL, 0"
	" FROM cards c JOIN permits p ON p.id = c.permit_id JOIN persons pe ON pe.id = p.person_id"
	" WHERE c.centre = ?1 AND c.state = 'ordered' AND c.ready_on <= ?2"
	" ORDER BY c.ready_on, c.rowid";
static const char sql_queue_received[] =
	"SELECT p.person_id, pe.id_number, pe.name, coalesce(pe.phone, ''), c.permit_id, c.id,"
	" c.received_on, c.notice_due_on,"
	" NOT " STORE_NOTICE_GIVEN("c")
	" FROM cards c JOIN permits p ON p.id = c.permit_id JOIN persons pe ON pe.id = p.person_id"
	" WHERE c.centre = ?1 AND c.state = 'received'"
	" ORDER BY c.received_on, c.rowid";
static const char sql_queue_window[] =
	"SELECT p.person_id, pe.id_number, pe.name, coalesce(pe.phone, ''), p.id, '',"
	" p.valid_until, NULL, 0"
	" FROM permits p JOIN persons pe ON pe.id = p.person_id"
	" WHERE p.centre = ?1 AND p.status = 'active' AND p.valid_until BETWEEN ?2 AND ?3"
	" ORDER BY p.valid_until, p.rowid";

#define STORE_ROW struct store_queue_row
static const struct store_col store_queue_cols[] = {
	STORE_UUID(person_id), STORE_TEXT(id_number), STORE_TEXT(name), STORE_TEXT(phone),
	STORE_UUID(permit_id), STORE_UUID(card_id), STORE_DATE(date), STORE_DATE(due_on),
	STORE_BOOL(flag),
};
static const struct store_record store_queue_record = STORE_RECORD(store_queue_cols);
#undef STORE_ROW

enum store_rc
store_queue(struct store *st, enum store_queue_kind kind, const char *centre, jzz_date today,
            struct store_queue_row **out, size_t *n)
{
	struct store_stmt *s;

	*out = NULL;
	*n = 0;
	switch (kind) {
	case STORE_QUEUE_MADE:
		if ((s = store_stmt(st, sql_queue_made)) == NULL)
			return STORE_ERR;
		store_bind_date(s, 2, today);
		break;
	case STORE_QUEUE_RECEIVED:
		if ((s = store_stmt(st, sql_queue_received)) == NULL)
			return STORE_ERR;
		break;
	case STORE_QUEUE_WINDOW:
	default:
		/* The window of ENDO-2/-3 is open from valid_until - 30 to
		 * valid_until + 60: today in it <=> valid_until in [today-60, today+30]. */
		if ((s = store_stmt(st, sql_queue_window)) == NULL)
			return STORE_ERR;
		store_bind_date(s, 2, today - RULES_ENDO_GRACE_DAYS);
		store_bind_date(s, 3, today + RULES_ENDO_WINDOW_DAYS);
		break;
	}
	stmt_bind_text(s, 1, centre);
	return store_rows(st, s, &store_queue_record, (void **)out, n);
}

static const char sql_expiring[] =
	"SELECT id, person_id FROM permits WHERE status = 'active' AND valid_until BETWEEN ?1 AND ?2"
	" ORDER BY valid_until, rowid";

#define STORE_ROW struct store_permit_ref
static const struct store_col store_permit_ref_cols[] = {
	STORE_UUID(permit_id), STORE_UUID(person_id),
};
static const struct store_record store_permit_ref_record = STORE_RECORD(store_permit_ref_cols);
#undef STORE_ROW

enum store_rc
store_permits_expiring(struct store *st, jzz_date from, jzz_date to,
                       struct store_permit_ref **out, size_t *n)
{
	struct store_stmt *s = store_stmt_args(st, sql_expiring, STORE_ARGS(STORE_D(from),
	    STORE_D(to)));

	return store_rows(st, s, &store_permit_ref_record, (void **)out, n);
}

static const char sql_daily_apps[] =
	"SELECT business, decision, sum(applications), sum(fee_yuan), sum(cod_fee_yuan)"
	" FROM day_applications WHERE day = ?2 AND centre = ?1 GROUP BY business, decision";
static const char sql_daily_cards[] =
	"SELECT (SELECT count(*) FROM cards WHERE centre = ?1 AND received_on = ?2),"
	" (SELECT count(*) FROM cards WHERE centre = ?1 AND handed_on = ?2),"
	/* the cards left unnotified (schema v7), not every card waiting */
	" (SELECT count(*) FROM cards_unnotified u WHERE u.centre = ?1 AND u.notice_due_on < ?2)";

enum store_rc
store_report_daily(struct store *st, const char *centre, jzz_date day, struct store_daily *out)
{
	struct store_stmt *s = store_stmt(st, sql_daily_apps);
	int           rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, centre);
	store_bind_date(s, 2, day);
	while ((rc = stmt_step(s)) == STMT_ROW) {
		int bi = STORE_CODE_COL(s, 0, case_business_vocab, -1);
		int vi = STORE_CODE_COL(s, 1, rules_verdict_vocab, -1);
		int cntv = stmt_col_int(s, 2);

		out->applications += cntv;
		if (bi >= 0 && vi >= 0)
			out->by_business[bi][vi] += cntv;
		out->fees_yuan += stmt_col_int(s, 3);
		out->cod_fees_yuan += stmt_col_int(s, 4);
	}
	stmt_reset(s);
	if (rc != STMT_DONE)
		return store_fail(st, rc);
	if ((s = store_stmt(st, sql_daily_cards)) == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, centre);
	store_bind_date(s, 2, day);
	rc = stmt_step(s);
	if (rc == STMT_ROW) {
		out->cards_received = stmt_col_int(s, 0);
		out->cards_handed = stmt_col_int(s, 1);
		out->overdue_notices = stmt_col_int(s, 2);
	}
	stmt_reset(s);
	if (rc != STMT_ROW)
		return store_fail(st, rc);
	return STORE_OK;
}
