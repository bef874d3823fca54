/*
 * store_records.c: reading and writing the business records (persons,
 * registrations, permits, cards, applications, fees, changes,
 * endorsements, the SMS outbox), plus meta, centres, users and calendar.
 *
 * Codes are written with the vocabulary tables of case.h so that the words
 * in the database are the words of RULES.md, checked again by the schema.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The states of a card as stored (the schema's CHECK). */
static const struct vocab store_card_state_vocab[STORE_CARD__COUNT] = {
	[STORE_CARD_ORDERED] = { "ordered", NULL, NULL },
	[STORE_CARD_RECEIVED] = { "received", NULL, NULL },
	[STORE_CARD_PICKED_UP] = { "picked_up", NULL, NULL },
	[STORE_CARD_POSTED] = { "posted", NULL, NULL },
	[STORE_CARD_VOID] = { "void", NULL, NULL },
};

/* ---- meta ---- */

static const char sql_meta_get[] = "SELECT value FROM meta WHERE key = ?1";
static const char sql_meta_set[] =
	"INSERT INTO meta (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value";

enum store_rc
store_meta_get(struct store *st, const char *key, char *buf, size_t size)
{
	return store_text_by(st, sql_meta_get, STORE_ARGS(STORE_T(key)), buf, size);
}

enum store_rc
store_meta_set(struct store *st, const char *key, const char *value)
{
	struct store_stmt *s = store_stmt_args(st, sql_meta_set, STORE_ARGS(STORE_T(key),
	    STORE_T(value)));

	return store_run(st, s);
}

/* ---- centres and kiosks ---- */

static const char sql_places[] =
	"SELECT 0, code, name_zh, '' FROM centres"
	" UNION ALL SELECT 1, coalesce(centre, ''), name_zh, address_zh FROM kiosks"
	" ORDER BY 1, 2";

#define STORE_ROW struct store_place
static const struct store_col store_place_cols[] = {
	STORE_BOOL(kiosk), STORE_TEXT(code), STORE_TEXT(name_zh), STORE_TEXT(address_zh),
};
static const struct store_record store_place_record = STORE_RECORD(store_place_cols);
#undef STORE_ROW

enum store_rc
store_places(struct store *st, struct store_place **out, size_t *n)
{
	return store_rows(st, store_stmt(st, sql_places), &store_place_record, (void **)out, n);
}

/* ---- users ---- */

/* ---- calendar ---- */

static const char sql_cal_year[] =
	"INSERT INTO holiday_years (year) VALUES (?1) ON CONFLICT DO NOTHING";
static const char sql_cal_day[] =
	"INSERT INTO holidays (day, off) VALUES (?1, ?2)"
	" ON CONFLICT (day) DO UPDATE SET off = excluded.off";
static const char sql_cal_years[] = "SELECT year FROM holiday_years";
static const char sql_cal_days[] = "SELECT day, off FROM holidays";

/* The calendar offers no iterator; every day of its range is asked
 * instead (36,525 look-ups, once per init or new file). */
enum store_rc
store_calendar_save(struct store *st, const struct calendar *cal)
{
	jzz_date      d = date_from_ymd(CALENDAR_FIRST_YEAR, 1, 1);
	jzz_date      end = date_from_ymd(CALENDAR_LAST_YEAR, 12, 31);
	enum store_rc rc;
	struct store_stmt *s;

	for (int y = CALENDAR_FIRST_YEAR; y <= CALENDAR_LAST_YEAR; y++) {
		if (!calendar_year_loaded(cal, y))
			continue;
		if ((s = store_stmt(st, sql_cal_year)) == NULL)
			return STORE_ERR;
		stmt_bind_int(s, 1, y);
		if ((rc = store_run(st, s)) != STORE_OK)
			return rc;
	}
	for (; d <= end; d++) {
		int o = calendar_override(cal, d);

		if (o < 0)
			continue;
		if ((s = store_stmt(st, sql_cal_day)) == NULL)
			return STORE_ERR;
		store_bind_date(s, 1, d);
		stmt_bind_int(s, 2, o);
		if ((rc = store_run(st, s)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
}

enum store_rc
store_calendar_load(struct store *st, struct calendar *cal)
{
	struct store_stmt *s = store_stmt(st, sql_cal_years);
	int           rc;

	if (s == NULL)
		return STORE_ERR;
	while ((rc = stmt_step(s)) == STMT_ROW)
		calendar_set_year_loaded(cal, stmt_col_int(s, 0));
	stmt_reset(s);
	if (rc != STMT_DONE)
		return store_fail(st, rc);
	if ((s = store_stmt(st, sql_cal_days)) == NULL)
		return STORE_ERR;
	while ((rc = stmt_step(s)) == STMT_ROW) {
		jzz_date d = store_col_date(s, 0);

		if (d != JZZ_DATE_NONE)
			calendar_set_day(cal, d, stmt_col_int(s, 1) != 0);
	}
	stmt_reset(s);
	if (rc != STMT_DONE)
		return store_fail(st, rc);
	return STORE_OK;
}

/* ---- persons ---- */

#define PERSON_COLS "id, id_number, name, coalesce(phone, ''), hukou_shanghai, birth_date," \
	" coalesce(address, '')"
static const char sql_person_by_idnum[] = "SELECT " PERSON_COLS " FROM persons WHERE id_number = ?1";
static const char sql_person_by_id[] = "SELECT " PERSON_COLS " FROM persons WHERE id = ?1";
static const char sql_person_insert[] =
	"INSERT INTO persons (id, id_number, name, phone, hukou_shanghai, birth_date, address,"
	" created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)";
static const char sql_person_update[] =
	"UPDATE persons SET name = ?2, phone = ?3, hukou_shanghai = ?4, birth_date = ?5,"
	" address = ?6, updated_at = ?7 WHERE id = ?1";

/* The columns of PERSON_COLS; insert and update bind them from name on
 * (PERSON_NAME), after the keys that each takes first. */
#define STORE_ROW struct store_person
const struct store_col store_person_cols[STORE_PERSON_NCOLS] = {
	STORE_UUID(id), STORE_TEXT(id_number), STORE_TEXT(name), STORE_NTEXT(phone),
	STORE_BOOL(hukou_shanghai), STORE_DATE(birth), STORE_NTEXT(address),
};
const struct store_record store_person_record = STORE_RECORD(store_person_cols);
#undef STORE_ROW
#define PERSON_NAME 2

enum store_rc
store_person_by_idnum(struct store *st, const char *id_number, struct store_person *out)
{
	return store_one_by(st, sql_person_by_idnum, STORE_ARGS(STORE_T(id_number)),
	    &store_person_record, out);
}

enum store_rc
store_person_by_id(struct store *st, const char *id, struct store_person *out)
{
	return store_one_by(st, sql_person_by_id, STORE_ARGS(STORE_U(id)), &store_person_record, out);
}

/* The fields insert and update both write, bound from ?first on in the
 * order both statements take them. */
static void
store_person_bind(struct store_stmt *s, int first, const struct store_person *p)
{
	store_cols_bind(s, first, store_person_cols + PERSON_NAME, STORE_PERSON_NCOLS - PERSON_NAME,
	    p, NULL);
}

enum store_rc
store_person_insert(struct store *st, const struct store_person *p)
{
	struct store_stmt *s = store_stmt(st, sql_person_insert);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	store_cols_bind(s, 1, store_person_cols, STORE_PERSON_NCOLS, p, NULL);
	stmt_bind_text(s, 8, now);
	return store_touched(st, store_run(st, s), "persons", p->id);
}

enum store_rc
store_person_update(struct store *st, const struct store_person *p)
{
	struct store_stmt *s = store_stmt(st, sql_person_update);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	stmt_bind_uuid(s, 1, p->id);
	store_person_bind(s, 2, p);
	stmt_bind_text(s, 7, now);
	return store_touched(st, store_run(st, s), "persons", p->id);
}

/* ---- registrations ---- */

static const char sql_reg_latest[] =
	"SELECT id, person_id, application_id, registered_on, valid_until, centre, tenure,"
	" property_use, leased_to FROM registrations WHERE person_id = ?1"
	" ORDER BY registered_on DESC, rowid DESC LIMIT 1";
static const char sql_reg_insert[] =
	"INSERT INTO registrations (id, person_id, application_id, registered_on, valid_until,"
	" centre, tenure, property_use, leased_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* The columns of both statements, in their order. */
#define STORE_ROW struct store_registration
const struct store_col store_registration_cols[STORE_REGISTRATION_NCOLS] = {
	STORE_UUID(id), STORE_UUID(person_id), STORE_UUID(application_id),
	STORE_DATE(registered_on), STORE_DATE(valid_until), STORE_TEXT(centre),
	STORE_CODE(tenure, case_tenure_vocab, 0), STORE_CODE(use, case_use_vocab, 0),
	STORE_CODE(leased_to, case_leased_to_vocab, 0),
};
static const struct store_record store_registration_record = STORE_RECORD(store_registration_cols);
#undef STORE_ROW

enum store_rc
store_registration_latest(struct store *st, const char *person_id, struct store_registration *out)
{
	return store_one_by(st, sql_reg_latest, STORE_ARGS(STORE_U(person_id)),
	    &store_registration_record, out);
}

enum store_rc
store_registration_insert(struct store *st, const struct store_registration *r)
{
	struct store_stmt *s = store_stmt_row(st, sql_reg_insert, store_registration_cols,
	    STORE_REGISTRATION_NCOLS, r);

	return store_touched(st, store_run(st, s), "registrations", r->id);
}

/* ---- permits ---- */

static const char sql_permit_current[] =
	"SELECT id, person_id, application_id, centre, status = 'cancelled', first_issued_on,"
	" valid_from, valid_until, residence_since, cancelled_on, coalesce(cancel_reason, ''),"
	" coalesce(cancel_note, '') FROM permits WHERE person_id = ?1 AND (status = 'active' OR ?2)"
	" ORDER BY status = 'active' DESC, rowid DESC LIMIT 1";
static const char sql_permit_insert[] =
	"INSERT INTO permits (id, person_id, application_id, centre, status, first_issued_on,"
	" valid_from, valid_until, residence_since) VALUES (?1, ?2, ?3, ?4, 'active', ?5, ?6, ?7, ?8)";
static const char sql_permit_validity[] =
	"UPDATE permits SET valid_until = ?2, residence_since = coalesce(?3, residence_since)"
	" WHERE id = ?1";
static const char sql_permit_cancel[] =
	"UPDATE permits SET status = 'cancelled', cancelled_on = ?2, cancel_reason = ?3,"
	" cancel_note = ?4 WHERE id = ?1 AND status = 'active'";

/* The columns of sql_permit_current; the insert writes them up to
 * residence_since (PERMIT_INSERTED), its status 'active'. */
#define STORE_ROW struct store_permit
const struct store_col store_permit_cols[STORE_PERMIT_NCOLS] = {
	STORE_UUID(id), STORE_UUID(person_id), STORE_UUID(application_id), STORE_TEXT(centre),
	STORE_READ_ONLY(STORE_COL_BOOL, cancelled), STORE_DATE(first_issued_on), STORE_DATE(valid_from),
	STORE_DATE(valid_until), STORE_DATE(residence_since), STORE_DATE(cancelled_on),
	STORE_NTEXT(cancel_reason), STORE_NTEXT(cancel_note),
};
static const struct store_record store_permit_record = STORE_RECORD(store_permit_cols);
#undef STORE_ROW
#define PERMIT_INSERTED 9   /* the columns up to residence_since */

enum store_rc
store_permit_current(struct store *st, const char *person_id, bool or_cancelled,
                     struct store_permit *out)
{
	struct store_stmt *s = store_stmt_args(st, sql_permit_current, STORE_ARGS(
	    STORE_U(person_id), STORE_I(or_cancelled)));

	return store_one(st, s, &store_permit_record, out);
}

enum store_rc
store_permit_insert(struct store *st, const struct store_permit *p)
{
	struct store_stmt *s = store_stmt_row(st, sql_permit_insert, store_permit_cols,
	    PERMIT_INSERTED, p);

	return store_touched(st, store_run(st, s), "permits", p->id);
}

enum store_rc
store_permit_set_validity(struct store *st, const char *id, jzz_date valid_until,
                          jzz_date residence_since)
{
	struct store_stmt *s = store_stmt_args(st, sql_permit_validity, STORE_ARGS(STORE_U(id),
	    STORE_D(valid_until), STORE_D(residence_since)));

	return store_touched(st, store_run(st, s), "permits", id);
}

enum store_rc
store_permit_cancel(struct store *st, const char *id, jzz_date day, const char *reason,
                    const char *note)
{
	struct store_stmt *s = store_stmt(st, sql_permit_cancel);
	enum store_rc rc;

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_uuid(s, 1, id);
	store_bind_date(s, 2, day);
	stmt_bind_text(s, 3, reason);
	stmt_bind_text(s, 4, note);
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	return store_touched(st, store_changes(st) == 1 ? STORE_OK : STORE_NOTFOUND,
	    "permits", id);
}

/* ---- cards ---- */

#define CARD_COLS "c.id, c.permit_id, c.application_id, coalesce(a.receipt_no, ''), c.business," \
	" c.centre, c.delivery, c.state, c.accepted_on, c.transferred_on, c.reviewed_on, c.ready_on," \
	" c.received_on, c.notice_due_on, c.handed_on, c.printed_valid_until"
static const char sql_card_latest[] =
	"SELECT " CARD_COLS " FROM cards c JOIN applications a ON a.id = c.application_id"
	" WHERE c.permit_id = ?1 AND c.state <> 'void' ORDER BY c.seq DESC LIMIT 1";
static const char sql_card_insert[] =
	"INSERT INTO cards (id, permit_id, application_id, business, centre, delivery, state,"
	" accepted_on, transferred_on, reviewed_on, ready_on, received_on, notice_due_on, handed_on,"
	" printed_valid_until, seq) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	" ?14, ?15, (SELECT coalesce(max(seq), 0) + 1 FROM cards WHERE permit_id = ?2))";
static const char sql_card_state[] =
	"UPDATE cards SET state = ?2, received_on = coalesce(?3, received_on),"
	" notice_due_on = coalesce(?4, notice_due_on), handed_on = coalesce(?5, handed_on)"
	" WHERE id = ?1";
static const char sql_card_printed[] = "UPDATE cards SET printed_valid_until = ?2 WHERE id = ?1";

/* The columns of CARD_COLS, the insert's but for the application's
 * receipt_no. */
#define STORE_ROW struct store_card
const struct store_col store_card_cols[STORE_CARD_NCOLS] = {
	STORE_UUID(id), STORE_UUID(permit_id), STORE_UUID(application_id),
	STORE_READ_ONLY(STORE_COL_TEXT, receipt_no), STORE_CODE(business, case_business_vocab, 0),
	STORE_TEXT(centre), STORE_CODE(delivery, case_delivery_vocab, 0),
	STORE_CODE(state, store_card_state_vocab, STORE_CARD_VOID), STORE_DATE(accepted_on),
	STORE_DATE(transferred_on), STORE_DATE(reviewed_on), STORE_DATE(ready_on),
	STORE_DATE(received_on), STORE_DATE(notice_due_on), STORE_DATE(handed_on),
	STORE_DATE(printed_valid_until),
};
static const struct store_record store_card_record = STORE_RECORD(store_card_cols);
#undef STORE_ROW

enum store_rc
store_card_latest(struct store *st, const char *permit_id, struct store_card *out)
{
	return store_one_by(st, sql_card_latest, STORE_ARGS(STORE_U(permit_id)), &store_card_record, out);
}

enum store_rc
store_card_insert(struct store *st, const struct store_card *c)
{
	struct store_stmt *s = store_stmt_row(st, sql_card_insert, store_card_cols, STORE_CARD_NCOLS, c);

	return store_touched(st, store_run(st, s), "cards", c->id);
}

enum store_rc
store_card_set_state(struct store *st, const char *id, enum store_card_state state,
                     jzz_date received_on, jzz_date notice_due_on, jzz_date handed_on)
{
	struct store_stmt *s = store_stmt_args(st, sql_card_state, STORE_ARGS(STORE_U(id),
	    STORE_T(store_card_state_vocab[state].code), STORE_D(received_on),
	    STORE_D(notice_due_on), STORE_D(handed_on)));

	return store_touched(st, store_run(st, s), "cards", id);
}

enum store_rc
store_card_set_printed(struct store *st, const char *id, jzz_date printed_valid_until)
{
	struct store_stmt *s = store_stmt_args(st, sql_card_printed, STORE_ARGS(STORE_U(id),
	    STORE_D(printed_valid_until)));

	return store_touched(st, store_run(st, s), "cards", id);
}

/* ---- applications ---- */

static const char sql_app_insert[] =
	"INSERT INTO applications (id, day, created_at, centre, user_name, business, channel,"
	" id_number, name, person_id, address_changed, decision, fee_yuan, cod_fee_yuan, ready_on,"
	" new_valid_until, receipt_no, decision_json, request_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	" ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)";
static const char sql_app_rule[] =
	"INSERT INTO application_rules (application_id, pos, rule, outcome, detail, who, docs, date,"
	" num) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

/* The fields of the application row that are the record's, in the order
 * of sql_app_insert: ?1-?2, then ?4-?11 after created_at. */
#define STORE_ROW struct store_application
static const struct store_col store_application_cols[] = {
	STORE_UUID(id), STORE_DATE(day), STORE_TEXT(centre), STORE_TEXT(user),
	STORE_CODE(business, case_business_vocab, 0), STORE_CODE(channel, case_channel_vocab, 0),
	STORE_TEXT(id_number), STORE_TEXT(name), STORE_UUID(person_id),
	STORE_BOOL(address_changed),
};
#undef STORE_ROW

#define STORE_ROW struct store_app_outcome
static const struct store_col store_app_outcome_dates[] = {
	STORE_DATE(ready_on), STORE_DATE(new_valid_until),
};
#undef STORE_ROW
static const struct store_app_outcome store_app_no_dates = { .ready_on = JZZ_DATE_NONE,
	.new_valid_until = JZZ_DATE_NONE };

void
store_application_bind(struct store_stmt *s, const struct store_application *a, const char *at,
                       const struct store_app_outcome *o, struct store_dates *ring)
{
	bool acc = o->verdict == VERDICT_ACCEPT;

	store_cols_bind(s, 1, store_application_cols, 2, a, ring);
	stmt_bind_text(s, 3, at);
	store_cols_bind(s, 4, store_application_cols + 2, STORE_NCOLS(store_application_cols) - 2,
	    a, ring);
	stmt_bind_text(s, 12, rules_verdict_code(o->verdict));
	stmt_bind_int(s, 13, acc ? o->fee_yuan : 0);
	stmt_bind_int(s, 14, acc ? o->cod_fee_yuan : 0);
	store_cols_bind(s, 15, store_app_outcome_dates, 2, acc ? o : &store_app_no_dates, ring);
	if (a->receipt_no[0] == '\0')
		stmt_bind_null(s, 17);
	else
		stmt_bind_text(s, 17, a->receipt_no);
	stmt_bind_text(s, 18, a->decision_json != NULL ? a->decision_json : "{}");
}

#define STORE_ROW struct rule_result
const struct store_col store_rule_cols[STORE_RULE_NCOLS] = {
	STORE_UINT(detail), STORE_UINT(who), STORE_UINT(docs), STORE_DATE(date), STORE_INT(num),
};
#undef STORE_ROW

struct store_stmt *
store_app_rule_bind(struct store_stmt *s, const char *application_id, int pos,
                    const struct rule_result *r, struct store_dates *ring)
{
	s = store_bind_args(s, STORE_ARGS(STORE_U(application_id), STORE_I(pos),
	    STORE_T(rules_code((enum rule_id)r->rule)),
	    STORE_T(rules_outcome_code((enum rule_outcome)r->outcome))), ring);
	if (s != NULL)
		store_cols_bind(s, 5, store_rule_cols, STORE_RULE_NCOLS, r, ring);
	return s;
}

/* The day's counts (schema v9; STORE_DAY_COUNTS_REBUILD says what they
 * are): one upsert of each, in the application's transaction, so that the
 * counts and the records cannot part. */
static const char sql_day_app[] =
	"INSERT INTO day_applications (day, centre, business, decision, user_name, applications,"
	" fee_yuan, cod_fee_yuan) VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?7)"
	" ON CONFLICT (day, centre, business, decision, user_name) DO UPDATE SET"
	" applications = day_applications.applications + 1,"
	" fee_yuan = day_applications.fee_yuan + excluded.fee_yuan,"
	" cod_fee_yuan = day_applications.cod_fee_yuan + excluded.cod_fee_yuan";
static const char sql_day_rule[] =
	"INSERT INTO day_rules (day, centre, rule, outcome, n) VALUES (?1, ?2, ?3, ?4, 1)"
	" ON CONFLICT (day, centre, rule, outcome) DO UPDATE SET n = day_rules.n + 1";
static const char sql_day_doc[] =
	"INSERT INTO day_docs (day, centre, doc, n) VALUES (?1, ?2, ?3, 1)"
	" ON CONFLICT (day, centre, doc) DO UPDATE SET n = day_docs.n + 1";

static enum store_rc
store_day_count(struct store *st, const struct store_application *a, const struct jzz_decision *d)
{
	bool          acc = d->verdict == VERDICT_ACCEPT;
	jzz_docset    lacking = 0;
	enum store_rc rc;

	rc = store_run(st, store_stmt_args(st, sql_day_app, STORE_ARGS(STORE_D(a->day),
	    STORE_T(a->centre), STORE_T(case_business_vocab[a->business].code),
	    STORE_T(rules_verdict_code(d->verdict)), STORE_T(a->user),
	    STORE_I(acc ? d->fee_yuan : 0), STORE_I(acc ? d->cod_fee_yuan : 0))));
	for (int i = 0; i < d->nresults && rc == STORE_OK; i++) {
		const struct rule_result *r = &d->results[i];

		if (r->outcome != OUT_FAIL && r->outcome != OUT_MISSING && r->outcome != OUT_WARN)
			continue;
		if (r->outcome == OUT_MISSING)
			lacking |= r->docs;
		rc = store_run(st, store_stmt_args(st, sql_day_rule, STORE_ARGS(STORE_D(a->day),
		    STORE_T(a->centre), STORE_T(rules_code((enum rule_id)r->rule)),
		    STORE_T(rules_outcome_code((enum rule_outcome)r->outcome)))));
	}
	for (int b = 0; b < 32 && rc == STORE_OK; b++)
		if (lacking & DOCBIT(b))
			rc = store_run(st, store_stmt_args(st, sql_day_doc, STORE_ARGS(STORE_D(a->day),
			    STORE_T(a->centre), STORE_I(b))));
	return rc;
}

enum store_rc
store_application_insert(struct store *st, const struct store_application *a,
                         const struct jzz_decision *d)
{
	struct store_stmt *s = store_stmt(st, sql_app_insert);
	enum store_rc rc;
	char          now[32];
	struct store_app_outcome o = { d->verdict, d->fee_yuan, d->cod_fee_yuan, d->ready_on,
		d->new_valid_until };

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	store_application_bind(s, a, now, &o, NULL);
	store_bind_text(s, 19, a->request_id);
	if ((rc = store_touched(st, store_run(st, s), "applications", a->id)) != STORE_OK)
		return rc;
	for (int i = 0; i < d->nresults; i++) {
		s = store_app_rule_bind(store_stmt(st, sql_app_rule), a->id, i, &d->results[i], NULL);
		if ((rc = store_run(st, s)) != STORE_OK)
			return rc;
	}
	return store_day_count(st, a, d);
}

static const char sql_receipt_next[] =
	"INSERT INTO receipt_seq (centre, day, last) VALUES (?1, ?2, 1)"
	" ON CONFLICT (centre, day) DO UPDATE SET last = receipt_seq.last + 1 RETURNING last";

/* The sequence row is updated inside the business's transaction, so two
 * counters can never draw the same number, and a rolled-back business gives
 * its number back. */
enum store_rc
store_receipt_next(struct store *st, const char *centre, jzz_date day, char out[STORE_RECEIPT_LEN])
{
	struct store_stmt *s = store_stmt(st, sql_receipt_next);
	enum store_rc rc;
	int           y, m, dd, seq;

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, centre);
	store_bind_date(s, 2, day);
	if ((rc = store_row(st, s)) != STORE_OK)
		return rc == STORE_NOTFOUND ? STORE_ERR : rc;
	seq = stmt_col_int(s, 0);
	stmt_reset(s);
	date_to_ymd(day, &y, &m, &dd);
	snprintf(out, STORE_RECEIPT_LEN, "%s-%04d%02d%02d-%04d", centre, y, m, dd, seq);
	return STORE_OK;
}

static const char sql_addr_changed[] =
	"SELECT EXISTS (SELECT 1 FROM changes WHERE person_id = ?1 AND field = 'address'"
	"   AND changed_on >= ?3)"
	" OR EXISTS (SELECT 1 FROM applications WHERE id_number = ?2 AND address_changed = 1"
	"   AND day >= ?3)";

enum store_rc
store_address_changed_since(struct store *st, const char *person_id, const char *id_number,
                            jzz_date since, bool *out)
{
	struct store_stmt *s = store_stmt_args(st, sql_addr_changed, STORE_ARGS(STORE_U(person_id),
	    STORE_T(id_number), STORE_D(since)));

	return store_flag(st, s, out);
}

static const char sql_apps_of[] =
	"SELECT a.id, a.day, a.created_at, a.business, a.channel, a.decision,"
	" coalesce(a.receipt_no, ''), a.centre, a.user_name, a.fee_yuan,"
	" coalesce((SELECT group_concat(rule, ' ') FROM (SELECT rule FROM application_rules r"
	"   WHERE r.application_id = a.id AND r.outcome = 'fail' ORDER BY pos) AS f), ''),"
	" (SELECT group_concat(docs, ' ') FROM application_rules r"
	"   WHERE r.application_id = a.id AND r.outcome = 'missing')"
	" FROM applications a WHERE a.id_number = ?1 ORDER BY a.day DESC, a.created_at DESC";
static const char sql_app_by_request[] =
	"SELECT id, coalesce(receipt_no, ''), decision_json FROM applications WHERE request_id = ?1";

#define STORE_ROW struct store_app_row
static const struct store_col store_app_cols[] = {
	STORE_UUID(id), STORE_DATE(day), STORE_TEXT(at),
	STORE_CODE(business, case_business_vocab, 0), STORE_CODE(channel, case_channel_vocab, 0),
	STORE_CODE(verdict, rules_verdict_vocab, VERDICT_REFUSE), STORE_TEXT(receipt_no),
	STORE_TEXT(centre), STORE_TEXT(user), STORE_INT(fee_yuan), STORE_TEXT(failed),
};
#undef STORE_ROW

/* The column after the table's: the documents of every missing rule, OR'ed
 * (SQL has no bitwise OR aggregate). */
static void
store_app_docs_read(struct store_stmt *s, void *row)
{
	struct store_app_row *r = row;

	for (const char *p = stmt_col_text(s, STORE_NCOLS(store_app_cols)); p != NULL && *p != '\0';) {
		char *end;

		r->missing_docs |= (jzz_docset)strtoul(p, &end, 10);
		p = *end == ' ' ? end + 1 : NULL;
	}
}

static const struct store_record store_app_record = { sizeof(struct store_app_row),
	store_app_cols, STORE_NCOLS(store_app_cols), store_app_docs_read };

enum store_rc
store_applications_of(struct store *st, const char *id_number, struct store_app_row **out,
                      size_t *n)
{
	return store_rows_by(st, sql_apps_of, STORE_ARGS(STORE_T(id_number)), &store_app_record,
	    (void **)out, n);
}

/* The row of an application already done under a request id, read whole
 * before the statement is reset (its JSON text with it). */
struct store_app_request {
	char  id[STORE_UUID_LEN];
	char  receipt_no[STORE_RECEIPT_LEN];
	char *json;
};

#define STORE_ROW struct store_app_request
static const struct store_col store_app_request_cols[] = { STORE_UUID(id), STORE_TEXT(receipt_no) };
#undef STORE_ROW

static void
store_app_json_read(struct store_stmt *s, void *row)
{
	struct store_app_request *r = row;
	const char               *t = stmt_col_text(s, STORE_NCOLS(store_app_request_cols));

	r->json = strdup(t != NULL ? t : "{}");
}

static const struct store_record store_app_request_record = { sizeof(struct store_app_request),
	store_app_request_cols, STORE_NCOLS(store_app_request_cols), store_app_json_read };

enum store_rc
store_application_by_request(struct store *st, const char *request_id, char id[STORE_UUID_LEN],
                             char receipt_no[STORE_RECEIPT_LEN], char **json)
{
	struct store_app_request r;
	enum store_rc            rc;

	*json = NULL;
	rc = store_one_by(st, sql_app_by_request, STORE_ARGS(STORE_T(request_id)),
	    &store_app_request_record, &r);
	if (rc != STORE_OK)
		return rc;
	memcpy(id, r.id, STORE_UUID_LEN);
	memcpy(receipt_no, r.receipt_no, STORE_RECEIPT_LEN);
	*json = r.json;
	return *json != NULL ? STORE_OK : STORE_ERR;
}

/* ---- fees, changes, endorsements ---- */

static const char sql_fee_insert[] =
	"INSERT INTO fees (application_id, kind, amount_yuan, fee_receipt_no, collected_by)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_change_insert[] =
	"INSERT INTO changes (id, person_id, application_id, field, changed_on, old_value, new_value,"
	" late) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";
static const char sql_endo_insert[] =
	"INSERT INTO endorsements (id, permit_id, application_id, kind, day, old_valid_until,"
	" new_valid_until, outcome, reason, residence_years_reset) VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	" ?7, ?8, ?9, ?10)";
/* By fees_by_receipt_no (schema v10), whose expression and WHERE these are:
 * before it every fee of the city was read (0.1 s at 10 M persons, in the
 * transaction of every submit that takes a fee). */
static const char sql_fee_used[] =
	"SELECT EXISTS (SELECT 1 FROM fees WHERE upper(trim(fee_receipt_no)) = upper(trim(?1))"
	" AND fee_receipt_no IS NOT NULL)";
static const char sql_auto_done[] =
	"SELECT EXISTS (SELECT 1 FROM endorsements WHERE permit_id = ?1 AND kind = 'auto'"
	" AND old_valid_until = ?2)";

struct store_stmt *
store_fee_bind(struct store_stmt *s, const struct store_fee_row *f, struct store_dates *ring)
{
	return store_bind_args(s, STORE_ARGS(STORE_U(f->application_id), STORE_T(f->kind),
	    STORE_I(f->amount_yuan), STORE_N(f->fee_receipt_no), STORE_T(f->collected_by)), ring);
}

enum store_rc
store_fee_insert(struct store *st, const char *application_id, const char *kind, int amount_yuan,
                 const char *fee_receipt_no, const char *collected_by)
{
	struct store_fee_row f = { application_id, kind, amount_yuan, fee_receipt_no, collected_by };

	return store_run(st, store_fee_bind(store_stmt(st, sql_fee_insert), &f, NULL));
}

enum store_rc
store_fee_receipt_used(struct store *st, const char *fee_receipt_no, bool *out)
{
	struct store_stmt *s = store_stmt_args(st, sql_fee_used, STORE_ARGS(
	    STORE_T(fee_receipt_no)));

	return store_flag(st, s, out);
}

struct store_stmt *
store_change_bind(struct store_stmt *s, const struct store_change_row *c, struct store_dates *ring)
{
	const char *field = (unsigned)c->field < CHANGE__COUNT ? case_change_field_vocab[c->field].code :
	    "";

	return store_bind_args(s, STORE_ARGS(STORE_U(c->id), STORE_U(c->person_id),
	    STORE_U(c->application_id), STORE_T(field), STORE_D(c->changed_on),
	    STORE_N(c->old_value), STORE_N(c->new_value), STORE_I(c->late)), ring);
}

enum store_rc
store_change_insert(struct store *st, const char *id, const char *person_id,
                    const char *application_id, enum jzz_change_field field, jzz_date changed_on,
                    const char *old_value, const char *new_value, bool late)
{
	struct store_change_row c = { id, person_id, application_id, field, changed_on, old_value,
		new_value, late };

	return store_run(st, store_change_bind(store_stmt(st, sql_change_insert), &c, NULL));
}

struct store_stmt *
store_endorsement_bind(struct store_stmt *s, const struct store_endorsement_row *e,
                       struct store_dates *ring)
{
	return store_bind_args(s, STORE_ARGS(STORE_U(e->id), STORE_U(e->permit_id),
	    STORE_U(e->application_id), STORE_T(e->kind), STORE_D(e->day),
	    STORE_D(e->old_valid_until), STORE_D(e->new_valid_until), STORE_T(e->outcome),
	    STORE_N(e->reason), STORE_I(e->reset)), ring);
}

enum store_rc
store_endorsement_insert(struct store *st, const char *id, const char *permit_id,
                         const char *application_id, const char *kind, jzz_date day,
                         jzz_date old_valid_until, jzz_date new_valid_until, const char *outcome,
                         const char *reason, bool reset)
{
	struct store_endorsement_row e = { id, permit_id, application_id, kind, day,
		old_valid_until, new_valid_until, outcome, reason, reset };

	return store_run(st, store_endorsement_bind(store_stmt(st, sql_endo_insert), &e, NULL));
}

enum store_rc
store_auto_endorse_done(struct store *st, const char *permit_id, jzz_date valid_until, bool *out)
{
	struct store_stmt *s = store_stmt_args(st, sql_auto_done, STORE_ARGS(STORE_U(permit_id),
	    STORE_D(valid_until)));

	return store_flag(st, s, out);
}

/* ---- SMS outbox ---- */

static const char sql_sms_queue[] =
	"INSERT INTO sms_outbox (person_id, phone, kind, body, ref_id, queued_on, due_on)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
static const char sql_sms_pending[] =
	"SELECT id, person_id, phone, kind, body, queued_on, due_on FROM sms_outbox"
	" WHERE sent_on IS NULL ORDER BY due_on, id";
static const char sql_sms_sent[] =
	"UPDATE sms_outbox SET sent_on = ?2 WHERE id = ?1 AND sent_on IS NULL";
struct store_stmt *
store_sms_bind(struct store_stmt *s, const struct store_sms_new *m, struct store_dates *ring)
{
	return store_bind_args(s, STORE_ARGS(STORE_U(m->person_id), STORE_T(m->phone),
	    STORE_T(m->kind), STORE_T(m->body), STORE_U(m->ref_id), STORE_D(m->queued_on),
	    STORE_D(m->due_on)), ring);
}

enum store_rc
store_sms_queue(struct store *st, const char *person_id, const char *phone, const char *kind,
                const char *body, const char *ref_id, jzz_date queued_on, jzz_date due_on)
{
	struct store_sms_new m = { person_id, phone, kind, body, ref_id, queued_on, due_on };

	return store_run(st, store_sms_bind(store_stmt(st, sql_sms_queue), &m, NULL));
}

#define STORE_ROW struct store_sms_row
static const struct store_col store_sms_cols[] = {
	STORE_INT(id), STORE_UUID(person_id), STORE_TEXT(phone), STORE_TEXT(kind), STORE_TEXT(body),
	STORE_DATE(queued_on), STORE_DATE(due_on),
};
static const struct store_record store_sms_record = STORE_RECORD(store_sms_cols);
#undef STORE_ROW

enum store_rc
store_sms_pending(struct store *st, struct store_sms_row **out, size_t *n)
{
	return store_rows(st, store_stmt(st, sql_sms_pending), &store_sms_record, (void **)out, n);
}

enum store_rc
store_sms_mark_sent(struct store *st, long id, jzz_date day)
{
	struct store_stmt *s = store_stmt(st, sql_sms_sent);
	enum store_rc rc;

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_int64(s, 1, id);
	store_bind_date(s, 2, day);
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	return store_changes(st) == 1 ? STORE_OK : STORE_NOTFOUND;
}
