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

enum store_rc
store_address_insert(struct store *st, const char *person_id, const char *application_id,
                     jzz_date valid_from, const struct jzz_address *a)
{
	struct store_stmt *s = store_stmt(st, sql_address_insert);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	stmt_bind_text(s, 1, person_id);
	stmt_bind_text(s, 2, application_id);
	store_bind_date(s, 3, valid_from);
	stmt_bind_text(s, 4, a->district);
	stmt_bind_text(s, 5, a->street);
	stmt_bind_text(s, 6, a->road);
	store_bind_text(s, 7, a->lane);
	stmt_bind_text(s, 8, a->number);
	store_bind_text(s, 9, a->room);
	stmt_bind_text(s, 10, now);
	return store_run(st, s);
}

static void
store_address_read(struct store_stmt *s, void *row)
{
	struct store_address_row *r = row;

	r->valid_from = store_col_date(s, 0);
	store_col_text(s, 1, r->application_id, sizeof r->application_id);
	store_col_text(s, 2, r->a.district, sizeof r->a.district);
	store_col_text(s, 3, r->a.street, sizeof r->a.street);
	store_col_text(s, 4, r->a.road, sizeof r->a.road);
	store_col_text(s, 5, r->a.lane, sizeof r->a.lane);
	store_col_text(s, 6, r->a.number, sizeof r->a.number);
	store_col_text(s, 7, r->a.room, sizeof r->a.room);
	store_col_text(s, 8, r->recorded_at, sizeof r->recorded_at);
}

enum store_rc
store_addresses_of(struct store *st, const char *person_id, struct store_address_row **out,
                   size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_addresses_of);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, person_id);
	return store_rows(st, s, sizeof **out, store_address_read, (void **)out, n);
}

enum store_rc
store_address_on(struct store *st, const char *person_id, jzz_date day,
                 struct store_address_row *out)
{
	struct store_stmt *s = store_stmt(st, sql_address_on);

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, person_id);
	store_bind_date(s, 2, day);
	return store_one(st, s, sizeof *out, store_address_read, out);
}

enum store_rc
store_street_known(struct store *st, const char *street, bool *out)
{
	struct store_stmt *s = store_stmt(st, sql_street_known);

	*out = false;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, street);
	return store_flag(st, s, out);
}

static void
store_road_read(struct store_stmt *s, void *row)
{
	struct store_road *r = row;

	store_col_text(s, 0, r->road, sizeof r->road);
}

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
	return store_rows(st, s, sizeof **out, store_road_read, (void **)out, n);
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

enum store_rc
store_agent_insert(struct store *st, const char *application_id, const struct store_agent *g)
{
	struct store_stmt *s = store_stmt(st, sql_agent_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, application_id);
	stmt_bind_text(s, 2, case_agent_kind_vocab[g->kind].code);
	store_bind_text(s, 3, g->relation);
	store_bind_text(s, 4, g->name);
	stmt_bind_text(s, 5, g->id_number);
	return store_run(st, s);
}

static void
store_agent_read(struct store_stmt *s, void *row)
{
	struct store_agent *out = row;
	const char         *k = stmt_col_text(s, 0);
	int                 kind;

	kind = k != NULL ? CASE_VOCAB_FIND(case_agent_kind_vocab, k, strlen(k)) : -1;
	out->kind = kind >= 0 ? (enum jzz_agent_kind)kind : AGENT_OTHER;
	store_col_text(s, 1, out->relation, sizeof out->relation);
	store_col_text(s, 2, out->name, sizeof out->name);
	store_col_text(s, 3, out->id_number, sizeof out->id_number);
}

enum store_rc
store_agent_of(struct store *st, const char *application_id, struct store_agent *out)
{
	memset(out, 0, sizeof *out);
	return store_one_by(st, sql_agent_of, application_id, sizeof *out, store_agent_read, out);
}

enum store_rc
store_delivery_insert(struct store *st, const char *application_id, const char *address)
{
	struct store_stmt *s = store_stmt(st, sql_delivery_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, application_id);
	stmt_bind_text(s, 2, address);
	return store_run(st, s);
}

enum store_rc
store_delivery_of(struct store *st, const char *application_id, char *buf, size_t size)
{
	if (size > 0)
		buf[0] = '\0';
	return store_text_by(st, sql_delivery_of, application_id, buf, size);
}

/* ---- pickup notices given by phone ---- */

static const char sql_card_notice_insert[] =
	"INSERT INTO card_notices (card_id, given_on, how, user_name) VALUES (?1, ?2, 'phone', ?3)"
	" ON CONFLICT (card_id) DO NOTHING";

enum store_rc
store_card_notice_insert(struct store *st, const char *card_id, jzz_date day, const char *user)
{
	struct store_stmt *s = store_stmt(st, sql_card_notice_insert);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, card_id);
	store_bind_date(s, 2, day);
	stmt_bind_text(s, 3, user);
	return store_run(st, s);
}

/* ---- look-ups ---- */

static const char sql_persons_by_name[] =
	"SELECT id, id_number, name, coalesce(phone, ''), hukou_shanghai, birth_date,"
	" coalesce(address, '') FROM persons WHERE name = ?1 ORDER BY birth_date, id_number LIMIT ?2";

static void
store_person_hit_read(struct store_stmt *s, void *row)
{
	struct store_person *p = row;

	store_col_text(s, 0, p->id, sizeof p->id);
	store_col_text(s, 1, p->id_number, sizeof p->id_number);
	store_col_text(s, 2, p->name, sizeof p->name);
	store_col_text(s, 3, p->phone, sizeof p->phone);
	p->hukou_shanghai = stmt_col_int(s, 4) != 0;
	p->birth = store_col_date(s, 5);
	store_col_text(s, 6, p->address, sizeof p->address);
}

enum store_rc
store_persons_by_name(struct store *st, const char *name, int max, struct store_person **out,
                      size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_persons_by_name);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, name);
	stmt_bind_int(s, 2, max > 0 ? max : 50);
	return store_rows(st, s, sizeof **out, store_person_hit_read, (void **)out, n);
}

#define APP_REF_COLS "id, day, created_at, business, decision, coalesce(receipt_no, ''), centre," \
	" user_name, id_number, name"
static const char sql_app_by_receipt[] =
	"SELECT " APP_REF_COLS " FROM applications WHERE receipt_no = ?1";
static const char sql_apps_on[] =
	"SELECT " APP_REF_COLS " FROM applications WHERE centre = ?1 AND day = ?2"
	" AND (CAST(?3 AS TEXT) IS NULL OR user_name = ?3) ORDER BY created_at, rowid";

static void
store_app_ref_read(struct store_stmt *s, void *row)
{
	struct store_app_ref *r = row;
	const char           *b = stmt_col_text(s, 3);
	const char           *d = stmt_col_text(s, 4);
	int                   bi = b != NULL ? CASE_VOCAB_FIND(case_business_vocab, b, strlen(b)) : -1;

	store_col_text(s, 0, r->id, sizeof r->id);
	r->day = store_col_date(s, 1);
	store_col_text(s, 2, r->at, sizeof r->at);
	r->business = bi >= 0 ? (enum jzz_business)bi : BIZ_REGISTRATION;
	r->verdict = VERDICT_REFUSE;
	for (int k = 0; d != NULL && k < VERDICT__COUNT; k++)
		if (strcmp(d, rules_verdict_code((enum verdict)k)) == 0)
			r->verdict = (enum verdict)k;
	store_col_text(s, 5, r->receipt_no, sizeof r->receipt_no);
	store_col_text(s, 6, r->centre, sizeof r->centre);
	store_col_text(s, 7, r->user, sizeof r->user);
	store_col_text(s, 8, r->id_number, sizeof r->id_number);
	store_col_text(s, 9, r->name, sizeof r->name);
}

enum store_rc
store_application_by_receipt(struct store *st, const char *receipt_no, struct store_app_ref *out)
{
	memset(out, 0, sizeof *out);
	return store_one_by(st, sql_app_by_receipt, receipt_no, sizeof *out, store_app_ref_read, out);
}

enum store_rc
store_applications_on(struct store *st, const char *centre, const char *user, jzz_date day,
                      struct store_app_ref **out, size_t *n)
{
	struct store_stmt *s = store_stmt(st, sql_apps_on);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, centre);
	store_bind_date(s, 2, day);
	store_bind_text(s, 3, user);
	return store_rows(st, s, sizeof **out, store_app_ref_read, (void **)out, n);
}
