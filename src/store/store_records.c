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

#define VOCAB_CODE(table, v) \
	((unsigned)(v) < sizeof(table) / sizeof((table)[0]) ? (table)[v].code : "")

static int
store_vocab_col(const struct vocab *v, int n, struct store_stmt *s, int i)
{
	const char *t = stmt_col_text(s, i);
	int         k;

	if (t == NULL)
		return 0;
	k = case_vocab_find(v, n, t, strlen(t));
	return k < 0 ? 0 : k;
}
#define VOCAB_COL(table, s, i) \
	store_vocab_col((table), (int)(sizeof(table) / sizeof((table)[0])), (s), (i))

static const char *const store_card_state_codes[STORE_CARD__COUNT] = {
	"ordered", "received", "picked_up", "posted", "void",
};

static enum store_card_state
store_card_state_col(struct store_stmt *s, int i)
{
	const char *t = stmt_col_text(s, i);

	for (int k = 0; t != NULL && k < STORE_CARD__COUNT; k++)
		if (strcmp(t, store_card_state_codes[k]) == 0)
			return (enum store_card_state)k;
	return STORE_CARD_VOID;
}

/* ---- meta ---- */

static const char sql_meta_get[] = "SELECT value FROM meta WHERE key = ?1";
static const char sql_meta_set[] =
	"INSERT INTO meta (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value";

enum store_rc
store_meta_get(struct store *st, const char *key, char *buf, size_t size)
{
	return store_text_by(st, sql_meta_get, key, buf, size);
}

enum store_rc
store_meta_set(struct store *st, const char *key, const char *value)
{
	struct store_stmt *s = store_stmt(st, sql_meta_set);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, key);
	stmt_bind_text(s, 2, value);
	return store_run(st, s);
}

/* ---- centres and kiosks ---- */

static const char sql_places[] =
	"SELECT 0, code, name_zh, '' FROM centres"
	" UNION ALL SELECT 1, coalesce(centre, ''), name_zh, address_zh FROM kiosks"
	" ORDER BY 1, 2";

static void
store_place_read(struct store_stmt *s, void *row)
{
	struct store_place *p = row;

	p->kiosk = stmt_col_int(s, 0) != 0;
	store_col_text(s, 1, p->code, sizeof p->code);
	store_col_text(s, 2, p->name_zh, sizeof p->name_zh);
	store_col_text(s, 3, p->address_zh, sizeof p->address_zh);
}

enum store_rc
store_places(struct store *st, struct store_place **out, size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_places);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	return store_rows(st, s, sizeof **out, store_place_read, (void **)out, n);
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

static void
store_person_read(struct store_stmt *s, void *row)
{
	struct store_person *out = row;

	store_col_text(s, 0, out->id, sizeof out->id);
	store_col_text(s, 1, out->id_number, sizeof out->id_number);
	store_col_text(s, 2, out->name, sizeof out->name);
	store_col_text(s, 3, out->phone, sizeof out->phone);
	out->hukou_shanghai = stmt_col_int(s, 4) != 0;
	out->birth = store_col_date(s, 5);
	store_col_text(s, 6, out->address, sizeof out->address);
}

enum store_rc
store_person_by_idnum(struct store *st, const char *id_number, struct store_person *out)
{
	return store_one_by(st, sql_person_by_idnum, id_number, sizeof *out, store_person_read, out);
}

enum store_rc
store_person_by_id(struct store *st, const char *id, struct store_person *out)
{
	return store_one_by(st, sql_person_by_id, id, sizeof *out, store_person_read, out);
}

/* The fields insert and update both write, bound from ?first on in the
 * order both statements take them. */
static void
store_person_bind(struct store_stmt *s, int first, const struct store_person *p)
{
	stmt_bind_text(s, first, p->name);
	store_bind_text(s, first + 1, p->phone);
	stmt_bind_int(s, first + 2, p->hukou_shanghai);
	store_bind_date(s, first + 3, p->birth);
	store_bind_text(s, first + 4, p->address);
}

enum store_rc
store_person_insert(struct store *st, const struct store_person *p)
{
	struct store_stmt *s = store_stmt(st, sql_person_insert);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	stmt_bind_text(s, 1, p->id);
	stmt_bind_text(s, 2, p->id_number);
	store_person_bind(s, 3, p);
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
	stmt_bind_text(s, 1, p->id);
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

static void
store_registration_read(struct store_stmt *s, void *row)
{
	struct store_registration *out = row;

	store_col_text(s, 0, out->id, sizeof out->id);
	store_col_text(s, 1, out->person_id, sizeof out->person_id);
	store_col_text(s, 2, out->application_id, sizeof out->application_id);
	out->registered_on = store_col_date(s, 3);
	out->valid_until = store_col_date(s, 4);
	store_col_text(s, 5, out->centre, sizeof out->centre);
	out->tenure = (enum jzz_tenure)VOCAB_COL(case_tenure_vocab, s, 6);
	out->use = (enum jzz_use)VOCAB_COL(case_use_vocab, s, 7);
	out->leased_to = (enum jzz_leased_to)VOCAB_COL(case_leased_to_vocab, s, 8);
}

enum store_rc
store_registration_latest(struct store *st, const char *person_id, struct store_registration *out)
{
	return store_one_by(st, sql_reg_latest, person_id, sizeof *out, store_registration_read, out);
}

enum store_rc
store_registration_insert(struct store *st, const struct store_registration *r)
{
	struct store_stmt *s = store_stmt(st, sql_reg_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, r->id);
	stmt_bind_text(s, 2, r->person_id);
	stmt_bind_text(s, 3, r->application_id);
	store_bind_date(s, 4, r->registered_on);
	store_bind_date(s, 5, r->valid_until);
	stmt_bind_text(s, 6, r->centre);
	stmt_bind_text(s, 7, VOCAB_CODE(case_tenure_vocab, r->tenure));
	stmt_bind_text(s, 8, VOCAB_CODE(case_use_vocab, r->use));
	stmt_bind_text(s, 9, VOCAB_CODE(case_leased_to_vocab, r->leased_to));
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

static void
store_permit_read(struct store_stmt *s, void *row)
{
	struct store_permit *out = row;

	store_col_text(s, 0, out->id, sizeof out->id);
	store_col_text(s, 1, out->person_id, sizeof out->person_id);
	store_col_text(s, 2, out->application_id, sizeof out->application_id);
	store_col_text(s, 3, out->centre, sizeof out->centre);
	out->cancelled = stmt_col_int(s, 4) != 0;
	out->first_issued_on = store_col_date(s, 5);
	out->valid_from = store_col_date(s, 6);
	out->valid_until = store_col_date(s, 7);
	out->residence_since = store_col_date(s, 8);
	out->cancelled_on = store_col_date(s, 9);
	store_col_text(s, 10, out->cancel_reason, sizeof out->cancel_reason);
	store_col_text(s, 11, out->cancel_note, sizeof out->cancel_note);
}

enum store_rc
store_permit_current(struct store *st, const char *person_id, bool or_cancelled,
                     struct store_permit *out)
{
	struct store_stmt *s = store_stmt(st, sql_permit_current);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, person_id);
	stmt_bind_int(s, 2, or_cancelled);
	return store_one(st, s, sizeof *out, store_permit_read, out);
}

enum store_rc
store_permit_insert(struct store *st, const struct store_permit *p)
{
	struct store_stmt *s = store_stmt(st, sql_permit_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, p->id);
	stmt_bind_text(s, 2, p->person_id);
	stmt_bind_text(s, 3, p->application_id);
	stmt_bind_text(s, 4, p->centre);
	store_bind_date(s, 5, p->first_issued_on);
	store_bind_date(s, 6, p->valid_from);
	store_bind_date(s, 7, p->valid_until);
	store_bind_date(s, 8, p->residence_since);
	return store_touched(st, store_run(st, s), "permits", p->id);
}

enum store_rc
store_permit_set_validity(struct store *st, const char *id, jzz_date valid_until,
                          jzz_date residence_since)
{
	struct store_stmt *s = store_stmt(st, sql_permit_validity);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	store_bind_date(s, 2, valid_until);
	store_bind_date(s, 3, residence_since);
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
	stmt_bind_text(s, 1, id);
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

static void
store_card_read(struct store_stmt *s, void *row)
{
	struct store_card *out = row;

	store_col_text(s, 0, out->id, sizeof out->id);
	store_col_text(s, 1, out->permit_id, sizeof out->permit_id);
	store_col_text(s, 2, out->application_id, sizeof out->application_id);
	store_col_text(s, 3, out->receipt_no, sizeof out->receipt_no);
	out->business = (enum jzz_business)VOCAB_COL(case_business_vocab, s, 4);
	store_col_text(s, 5, out->centre, sizeof out->centre);
	out->delivery = (enum jzz_delivery)VOCAB_COL(case_delivery_vocab, s, 6);
	out->state = store_card_state_col(s, 7);
	out->accepted_on = store_col_date(s, 8);
	out->transferred_on = store_col_date(s, 9);
	out->reviewed_on = store_col_date(s, 10);
	out->ready_on = store_col_date(s, 11);
	out->received_on = store_col_date(s, 12);
	out->notice_due_on = store_col_date(s, 13);
	out->handed_on = store_col_date(s, 14);
	out->printed_valid_until = store_col_date(s, 15);
}

enum store_rc
store_card_latest(struct store *st, const char *permit_id, struct store_card *out)
{
	return store_one_by(st, sql_card_latest, permit_id, sizeof *out, store_card_read, out);
}

enum store_rc
store_card_insert(struct store *st, const struct store_card *c)
{
	struct store_stmt *s = store_stmt(st, sql_card_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, c->id);
	stmt_bind_text(s, 2, c->permit_id);
	stmt_bind_text(s, 3, c->application_id);
	stmt_bind_text(s, 4, VOCAB_CODE(case_business_vocab, c->business));
	stmt_bind_text(s, 5, c->centre);
	stmt_bind_text(s, 6, VOCAB_CODE(case_delivery_vocab, c->delivery));
	stmt_bind_text(s, 7, store_card_state_codes[c->state]);
	store_bind_date(s, 8, c->accepted_on);
	store_bind_date(s, 9, c->transferred_on);
	store_bind_date(s, 10, c->reviewed_on);
	store_bind_date(s, 11, c->ready_on);
	store_bind_date(s, 12, c->received_on);
	store_bind_date(s, 13, c->notice_due_on);
	store_bind_date(s, 14, c->handed_on);
	store_bind_date(s, 15, c->printed_valid_until);
	return store_touched(st, store_run(st, s), "cards", c->id);
}

enum store_rc
store_card_set_state(struct store *st, const char *id, enum store_card_state state,
                     jzz_date received_on, jzz_date notice_due_on, jzz_date handed_on)
{
	struct store_stmt *s = store_stmt(st, sql_card_state);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	stmt_bind_text(s, 2, store_card_state_codes[state]);
	store_bind_date(s, 3, received_on);
	store_bind_date(s, 4, notice_due_on);
	store_bind_date(s, 5, handed_on);
	return store_touched(st, store_run(st, s), "cards", id);
}

enum store_rc
store_card_set_printed(struct store *st, const char *id, jzz_date printed_valid_until)
{
	struct store_stmt *s = store_stmt(st, sql_card_printed);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	store_bind_date(s, 2, printed_valid_until);
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

enum store_rc
store_application_insert(struct store *st, const struct store_application *a,
                         const struct jzz_decision *d)
{
	struct store_stmt *s = store_stmt(st, sql_app_insert);
	enum store_rc rc;
	char          now[32];
	bool          acc = d->verdict == VERDICT_ACCEPT;

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	stmt_bind_text(s, 1, a->id);
	store_bind_date(s, 2, a->day);
	stmt_bind_text(s, 3, now);
	stmt_bind_text(s, 4, a->centre);
	stmt_bind_text(s, 5, a->user);
	stmt_bind_text(s, 6, VOCAB_CODE(case_business_vocab, a->business));
	stmt_bind_text(s, 7, VOCAB_CODE(case_channel_vocab, a->channel));
	stmt_bind_text(s, 8, a->id_number);
	stmt_bind_text(s, 9, a->name);
	store_bind_text(s, 10, a->person_id);
	stmt_bind_int(s, 11, a->address_changed);
	stmt_bind_text(s, 12, rules_verdict_code(d->verdict));
	stmt_bind_int(s, 13, acc ? d->fee_yuan : 0);
	stmt_bind_int(s, 14, acc ? d->cod_fee_yuan : 0);
	store_bind_date(s, 15, acc ? d->ready_on : JZZ_DATE_NONE);
	store_bind_date(s, 16, acc ? d->new_valid_until : JZZ_DATE_NONE);
	store_bind_text(s, 17, a->receipt_no);
	stmt_bind_text(s, 18, a->decision_json != NULL ? a->decision_json : "{}");
	store_bind_text(s, 19, a->request_id);
	if ((rc = store_touched(st, store_run(st, s), "applications", a->id)) != STORE_OK)
		return rc;
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *r = &d->results[i];

		if ((s = store_stmt(st, sql_app_rule)) == NULL)
			return STORE_ERR;
		stmt_bind_text(s, 1, a->id);
		stmt_bind_int(s, 2, i);
		stmt_bind_text(s, 3, rules_code((enum rule_id)r->rule));
		stmt_bind_text(s, 4, rules_outcome_code((enum rule_outcome)r->outcome));
		stmt_bind_int(s, 5, r->detail);
		stmt_bind_int(s, 6, r->who);
		stmt_bind_int64(s, 7, r->docs);
		store_bind_date(s, 8, r->date);
		stmt_bind_int(s, 9, r->num);
		if ((rc = store_run(st, s)) != STORE_OK)
			return rc;
	}
	return STORE_OK;
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
	struct store_stmt *s = store_stmt(st, sql_addr_changed);

	*out = false;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, person_id);
	stmt_bind_text(s, 2, id_number);
	store_bind_date(s, 3, since);
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

static void
store_app_read(struct store_stmt *s, void *row)
{
	struct store_app_row *r = row;
	const char           *dec;

	store_col_text(s, 0, r->id, sizeof r->id);
	r->day = store_col_date(s, 1);
	store_col_text(s, 2, r->at, sizeof r->at);
	r->business = (enum jzz_business)VOCAB_COL(case_business_vocab, s, 3);
	r->channel = (enum jzz_channel)VOCAB_COL(case_channel_vocab, s, 4);
	dec = stmt_col_text(s, 5);
	r->verdict = dec == NULL ? VERDICT_REFUSE : strcmp(dec, "accept") == 0 ? VERDICT_ACCEPT :
	    strcmp(dec, "incomplete") == 0 ? VERDICT_INCOMPLETE : VERDICT_REFUSE;
	store_col_text(s, 6, r->receipt_no, sizeof r->receipt_no);
	store_col_text(s, 7, r->centre, sizeof r->centre);
	store_col_text(s, 8, r->user, sizeof r->user);
	r->fee_yuan = stmt_col_int(s, 9);
	store_col_text(s, 10, r->failed, sizeof r->failed);
	/* the documents of every missing rule, OR'ed (SQL has no bitwise OR aggregate) */
	for (const char *p = stmt_col_text(s, 11); p != NULL && *p != '\0';) {
		char *end;

		r->missing_docs |= (jzz_docset)strtoul(p, &end, 10);
		p = *end == ' ' ? end + 1 : NULL;
	}
}

enum store_rc
store_applications_of(struct store *st, const char *id_number, struct store_app_row **out,
                      size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_apps_of);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id_number);
	return store_rows(st, s, sizeof **out, store_app_read, (void **)out, n);
}

/* The row of an application already done under a request id, read whole
 * before the statement is reset (its JSON text with it). */
struct store_app_request {
	char  id[STORE_UUID_LEN];
	char  receipt_no[STORE_RECEIPT_LEN];
	char *json;
};

static void
store_app_request_read(struct store_stmt *s, void *row)
{
	struct store_app_request *r = row;
	const char               *t = stmt_col_text(s, 2);

	store_col_text(s, 0, r->id, sizeof r->id);
	store_col_text(s, 1, r->receipt_no, sizeof r->receipt_no);
	r->json = strdup(t != NULL ? t : "{}");
}

enum store_rc
store_application_by_request(struct store *st, const char *request_id, char id[STORE_UUID_LEN],
                             char receipt_no[STORE_RECEIPT_LEN], char **json)
{
	struct store_app_request r;
	enum store_rc            rc;

	*json = NULL;
	rc = store_one_by(st, sql_app_by_request, request_id, sizeof r, store_app_request_read, &r);
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
static const char sql_fee_used[] =
	"SELECT EXISTS (SELECT 1 FROM fees WHERE upper(trim(fee_receipt_no)) = upper(trim(?1)))";
static const char sql_auto_done[] =
	"SELECT EXISTS (SELECT 1 FROM endorsements WHERE permit_id = ?1 AND kind = 'auto'"
	" AND old_valid_until = ?2)";

enum store_rc
store_fee_insert(struct store *st, const char *application_id, const char *kind, int amount_yuan,
                 const char *fee_receipt_no, const char *collected_by)
{
	struct store_stmt *s = store_stmt(st, sql_fee_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, application_id);
	stmt_bind_text(s, 2, kind);
	stmt_bind_int(s, 3, amount_yuan);
	store_bind_text(s, 4, fee_receipt_no);
	stmt_bind_text(s, 5, collected_by);
	return store_run(st, s);
}

enum store_rc
store_fee_receipt_used(struct store *st, const char *fee_receipt_no, bool *out)
{
	struct store_stmt *s = store_stmt(st, sql_fee_used);

	*out = false;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, fee_receipt_no);
	return store_flag(st, s, out);
}

enum store_rc
store_change_insert(struct store *st, const char *id, const char *person_id,
                    const char *application_id, enum jzz_change_field field, jzz_date changed_on,
                    const char *old_value, const char *new_value, bool late)
{
	struct store_stmt *s = store_stmt(st, sql_change_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	stmt_bind_text(s, 2, person_id);
	stmt_bind_text(s, 3, application_id);
	stmt_bind_text(s, 4, VOCAB_CODE(case_change_field_vocab, field));
	store_bind_date(s, 5, changed_on);
	store_bind_text(s, 6, old_value);
	store_bind_text(s, 7, new_value);
	stmt_bind_int(s, 8, late);
	return store_run(st, s);
}

enum store_rc
store_endorsement_insert(struct store *st, const char *id, const char *permit_id,
                         const char *application_id, const char *kind, jzz_date day,
                         jzz_date old_valid_until, jzz_date new_valid_until, const char *outcome,
                         const char *reason, bool reset)
{
	struct store_stmt *s = store_stmt(st, sql_endo_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	stmt_bind_text(s, 2, permit_id);
	store_bind_text(s, 3, application_id);
	stmt_bind_text(s, 4, kind);
	store_bind_date(s, 5, day);
	store_bind_date(s, 6, old_valid_until);
	store_bind_date(s, 7, new_valid_until);
	stmt_bind_text(s, 8, outcome);
	store_bind_text(s, 9, reason);
	stmt_bind_int(s, 10, reset);
	return store_run(st, s);
}

enum store_rc
store_auto_endorse_done(struct store *st, const char *permit_id, jzz_date valid_until, bool *out)
{
	struct store_stmt *s = store_stmt(st, sql_auto_done);

	*out = false;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, permit_id);
	store_bind_date(s, 2, valid_until);
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
enum store_rc
store_sms_queue(struct store *st, const char *person_id, const char *phone, const char *kind,
                const char *body, const char *ref_id, jzz_date queued_on, jzz_date due_on)
{
	struct store_stmt *s = store_stmt(st, sql_sms_queue);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, person_id);
	stmt_bind_text(s, 2, phone);
	stmt_bind_text(s, 3, kind);
	stmt_bind_text(s, 4, body);
	store_bind_text(s, 5, ref_id);
	store_bind_date(s, 6, queued_on);
	store_bind_date(s, 7, due_on);
	return store_run(st, s);
}

static void
store_sms_read(struct store_stmt *s, void *row)
{
	struct store_sms_row *m = row;

	m->id = (long)stmt_col_int64(s, 0);
	store_col_text(s, 1, m->person_id, sizeof m->person_id);
	store_col_text(s, 2, m->phone, sizeof m->phone);
	store_col_text(s, 3, m->kind, sizeof m->kind);
	store_col_text(s, 4, m->body, sizeof m->body);
	m->queued_on = store_col_date(s, 5);
	m->due_on = store_col_date(s, 6);
}

enum store_rc
store_sms_pending(struct store *st, struct store_sms_row **out, size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_sms_pending);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	return store_rows(st, s, sizeof **out, store_sms_read, (void **)out, n);
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
