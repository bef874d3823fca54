/*
 * store_address.c: a person's addresses with their history, the agent and
 * the postal address of an application, pickup notices given by phone, and
 * the look-ups of the counter (persons by name, an application by receipt,
 * the applications of a day). Schema v6.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- addresses ---- */

#define ADDRESS_COLS "valid_from, application_id, district, street, road, coalesce(lane, '')," \
	" number, coalesce(room, ''), recorded_at"
static const char sql_address_insert[] =
	"INSERT INTO addresses (person_id, application_id, valid_from, district, street, road,"
	" lane, number, room, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_addresses_of[] =
	"SELECT " ADDRESS_COLS " FROM addresses WHERE person_id = ?1"
	" ORDER BY valid_from DESC, id DESC";
static const char sql_address_on[] =
	"SELECT " ADDRESS_COLS " FROM addresses WHERE person_id = ?1 AND valid_from <= ?2"
	" ORDER BY valid_from DESC, id DESC LIMIT 1";
static const char sql_street_known[] = "SELECT EXISTS (SELECT 1 FROM centres WHERE code = ?1)";
/* A prefix range rather than LIKE: it uses the index on road, and a road
 * typed with % or _ in it means just that. */
static const char sql_roads[] =
	"SELECT DISTINCT road FROM addresses WHERE road >= ?1 AND road < ?2"
	" AND (CAST(?3 AS TEXT) IS NULL OR district = ?3) ORDER BY road LIMIT ?4";

/* The columns of ADDRESS_COLS; the insert binds the address's own
 * (ADDRESS_OWN of them, from district) as ?4-?9. */
#define STORE_ROW struct store_address_row
static const struct store_col store_address_cols[] = {
	STORE_DATE(valid_from), STORE_UUID(application_id), STORE_TEXT(a.district),
	STORE_TEXT(a.street), STORE_TEXT(a.road), STORE_NTEXT(a.lane), STORE_TEXT(a.number),
	STORE_NTEXT(a.room), STORE_TEXT(recorded_at),
};
static const struct store_record store_address_record = STORE_RECORD(store_address_cols);
#undef STORE_ROW
#define ADDRESS_DISTRICT 2
#define ADDRESS_OWN 6

enum store_rc
store_address_insert(struct store *st, const char *person_id, const char *application_id,
                     jzz_date valid_from, const struct jzz_address *a)
{
	struct store_stmt *s = store_stmt(st, sql_address_insert);
	char          now[32];
	struct store_address_row r = { .a = *a };   /* the columns' table is a row's */

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	stmt_bind_uuid(s, 1, person_id);
	stmt_bind_uuid(s, 2, application_id);
	store_bind_date(s, 3, valid_from);
	store_cols_bind(s, 4, store_address_cols + ADDRESS_DISTRICT, ADDRESS_OWN, &r, NULL);
	stmt_bind_text(s, 10, now);
	return store_run(st, s);
}

enum store_rc
store_addresses_of(struct store *st, const char *person_id, struct store_address_row **out,
                   size_t *n)
{
	return store_rows_by(st, sql_addresses_of, STORE_ARGS(STORE_U(person_id)),
	    &store_address_record, (void **)out, n);
}

enum store_rc
store_address_on(struct store *st, const char *person_id, jzz_date day,
                 struct store_address_row *out)
{
	memset(out, 0, sizeof *out);
	return store_one(st, store_stmt_args(st, sql_address_on, STORE_ARGS(STORE_U(person_id),
	    STORE_D(day))), &store_address_record, out);
}

enum store_rc
store_street_known(struct store *st, const char *street, bool *out)
{
	struct store_stmt *s = store_stmt_args(st, sql_street_known, STORE_ARGS(STORE_T(street)));

	return store_flag(st, s, out);
}

#define STORE_ROW struct store_road
static const struct store_col store_road_cols[] = { STORE_TEXT(road) };
static const struct store_record store_road_record = STORE_RECORD(store_road_cols);
#undef STORE_ROW

enum store_rc
store_roads(struct store *st, const char *district, const char *prefix, int max,
            struct store_road **out, size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_roads);
	char               hi[ADDRESS_ROAD_MAX + 8];

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	/* [prefix, prefix + U+10FFFF): every text that begins with prefix in
	 * byte order (SQLite's BINARY collation, PostgreSQL's "C" of the
	 * schema), as valid UTF-8 text on both engines: U+10FFFF (F4 8F BF
	 * BF) is the last character there is, and no road name holds it. */
	snprintf(hi, sizeof hi, "%.*s\xF4\x8F\xBF\xBF", ADDRESS_ROAD_MAX,
	    prefix != NULL ? prefix : "");
	stmt_bind_text_copy(s, 1, prefix != NULL ? prefix : "");
	stmt_bind_text_copy(s, 2, hi);
	store_bind_text(s, 3, district);
	stmt_bind_int(s, 4, max > 0 ? max : 10);
	return store_rows(st, s, &store_road_record, (void **)out, n);
}

/* ---- agents and postal deliveries ---- */

static const char sql_agent_insert[] =
	"INSERT INTO application_agents (application_id, kind, relation, name, id_number)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";
static const char sql_agent_of[] =
	"SELECT kind, coalesce(relation, ''), coalesce(name, ''), id_number"
	" FROM application_agents WHERE application_id = ?1";
static const char sql_delivery_insert[] =
	"INSERT INTO application_deliveries (application_id, address) VALUES (?1, ?2)";
static const char sql_delivery_of[] =
	"SELECT address FROM application_deliveries WHERE application_id = ?1";

#define STORE_ROW struct store_agent
static const struct store_col store_agent_cols[] = {
	STORE_CODE(kind, case_agent_kind_vocab, AGENT_OTHER), STORE_NTEXT(relation),
	STORE_NTEXT(name), STORE_TEXT(id_number),
};
static const struct store_record store_agent_record = STORE_RECORD(store_agent_cols);
#undef STORE_ROW

enum store_rc
store_agent_insert(struct store *st, const char *application_id, const struct store_agent *g)
{
	struct store_stmt *s = store_stmt(st, sql_agent_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_uuid(s, 1, application_id);
	store_cols_bind(s, 2, store_agent_cols, STORE_NCOLS(store_agent_cols), g, NULL);
	return store_run(st, s);
}

enum store_rc
store_agent_of(struct store *st, const char *application_id, struct store_agent *out)
{
	memset(out, 0, sizeof *out);
	return store_one_by(st, sql_agent_of, STORE_ARGS(STORE_U(application_id)),
	    &store_agent_record, out);
}

enum store_rc
store_delivery_insert(struct store *st, const char *application_id, const char *address)
{
	struct store_stmt *s = store_stmt_args(st, sql_delivery_insert, STORE_ARGS(
	    STORE_U(application_id), STORE_T(address)));

	return store_run(st, s);
}

enum store_rc
store_delivery_of(struct store *st, const char *application_id, char *buf, size_t size)
{
	if (size > 0)
		buf[0] = '\0';
	return store_text_by(st, sql_delivery_of, STORE_ARGS(STORE_U(application_id)), buf, size);
}

/* ---- pickup notices given by phone ---- */

static const char sql_card_notice_insert[] =
	"INSERT INTO card_notices (card_id, given_on, how, user_name) VALUES (?1, ?2, 'phone', ?3)"
	" ON CONFLICT (card_id) DO NOTHING";

enum store_rc
store_card_notice_insert(struct store *st, const char *card_id, jzz_date day, const char *user)
{
	struct store_stmt *s = store_stmt_args(st, sql_card_notice_insert, STORE_ARGS(
	    STORE_U(card_id), STORE_D(day), STORE_T(user)));

	return store_run(st, s);
}

/* ---- look-ups ---- */

/* The columns of store_person_cols (store_records.c). */
static const char sql_persons_by_name[] =
	"SELECT id, id_number, name, coalesce(phone, ''), hukou_shanghai, birth_date,"
	" coalesce(address, '') FROM persons WHERE name = ?1 ORDER BY birth_date, id_number LIMIT ?2";

enum store_rc
store_persons_by_name(struct store *st, const char *name, int max, struct store_person **out,
                      size_t *n)
{
	struct store_stmt *s = store_stmt_args(st, sql_persons_by_name, STORE_ARGS(STORE_T(name),
	    STORE_I(max > 0 ? max : 50)));

	return store_rows(st, s, &store_person_record, (void **)out, n);
}

#define APP_REF_COLS "id, day, created_at, business, decision, coalesce(receipt_no, ''), centre," \
	" user_name, id_number, name"
static const char sql_app_by_receipt[] =
	"SELECT " APP_REF_COLS " FROM applications WHERE receipt_no = ?1";
static const char sql_apps_on[] =
	"SELECT " APP_REF_COLS " FROM applications WHERE centre = ?1 AND day = ?2"
	" AND (CAST(?3 AS TEXT) IS NULL OR user_name = ?3) ORDER BY created_at, rowid";

#define STORE_ROW struct store_app_ref
static const struct store_col store_app_ref_cols[] = {
	STORE_UUID(id), STORE_DATE(day), STORE_TEXT(at),
	STORE_CODE(business, case_business_vocab, BIZ_REGISTRATION),
	STORE_CODE(verdict, rules_verdict_vocab, VERDICT_REFUSE), STORE_TEXT(receipt_no),
	STORE_TEXT(centre), STORE_TEXT(user), STORE_TEXT(id_number), STORE_TEXT(name),
};
static const struct store_record store_app_ref_record = STORE_RECORD(store_app_ref_cols);
#undef STORE_ROW

enum store_rc
store_application_by_receipt(struct store *st, const char *receipt_no, struct store_app_ref *out)
{
	memset(out, 0, sizeof *out);
	return store_one_by(st, sql_app_by_receipt, STORE_ARGS(STORE_T(receipt_no)),
	    &store_app_ref_record, out);
}

enum store_rc
store_applications_on(struct store *st, const char *centre, const char *user, jzz_date day,
                      struct store_app_ref **out, size_t *n)
{
	struct store_stmt *s = store_stmt_args(st, sql_apps_on, STORE_ARGS(STORE_T(centre),
	    STORE_D(day), STORE_N(user)));

	return store_rows(st, s, &store_app_ref_record, (void **)out, n);
}
