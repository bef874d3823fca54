/*
 * casefmt.c: the JSON contract of case-format.md (see casefmt.h).
 *
 * The parser is strict about what the contract names (types, codes, real
 * dates, required members) and tolerant of members it does not name, so that
 * a caller's extra bookkeeping does not turn a case into "not a case". Every
 * rejection names the member by its path, since the clerk or the test that
 * wrote the case has to find it.
 *
 * A null member counts as absent: the contract's examples write null for
 * "none", and the defaults are the same thing said the other way.
 */
#include "jzz/casefmt.h"
#include "jzz/jsonv.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

struct casefmt_ctx {
	struct casefmt_error *err;
	enum casefmt_mode     mode;
};

static int
casefmt_fail(struct casefmt_ctx *x, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
casefmt_fail(struct casefmt_ctx *x, const char *field, const char *fmt, ...)
{
	va_list ap;

	snprintf(x->err->field, sizeof x->err->field, "%s", field);
	va_start(ap, fmt);
	vsnprintf(x->err->message, sizeof x->err->message, fmt, ap);
	va_end(ap);
	return -1;
}

/* A member, or NULL when absent or null. */
static struct jsonv *
casefmt_get(struct jsonv *obj, const char *key)
{
	struct jsonv *v = jsonv_get(obj, key);

	return jsonv_is(v, JSONV_NULL) ? NULL : v;
}

static int
casefmt_bool(struct casefmt_ctx *x, struct jsonv *obj, const char *key, const char *path, bool *out)
{
	struct jsonv *v = casefmt_get(obj, key);

	if (v == NULL)
		return 0;
	if (!jsonv_is_bool(v))
		return casefmt_fail(x, path, "expected true or false");
	*out = (v->type == JSONV_TRUE);
	return 0;
}

/* A string member copied into out (size bytes). `required` makes absence an
 * error. Returns 1 when present, 0 when absent, -1 on error. */
static int
casefmt_string(struct casefmt_ctx *x, struct jsonv *obj, const char *key, const char *path,
    char *out, size_t size, bool required)
{
	struct jsonv *v = casefmt_get(obj, key);
	size_t  n;

	if (v == NULL)
		return required ? casefmt_fail(x, path, "required") : 0;
	if (!jsonv_is(v, JSONV_STRING))
		return casefmt_fail(x, path, "expected a string");
	n = (v)->len;
	if (n >= size)
		return casefmt_fail(x, path, "too long (at most %zu bytes)", size - 1);
	if (memchr((v)->str, '\0', n) != NULL)
		return casefmt_fail(x, path, "contains a NUL character");
	memcpy(out, (v)->str, n);
	out[n] = '\0';
	return 1;
}

/* An ID number: any length is kept as its length, so that ID-3 (not the
 * parser) says what is wrong with it. */
static int
casefmt_idnumber(struct casefmt_ctx *x, struct jsonv *obj, const char *path, char *out, size_t *len)
{
	struct jsonv *v = casefmt_get(obj, "id_number");
	size_t  n;

	if (v == NULL)
		return casefmt_fail(x, path, "required");
	if (!jsonv_is(v, JSONV_STRING))
		return casefmt_fail(x, path, "expected a string");
	n = (v)->len;
	*len = n;
	if (n >= CASE_ID_MAX)
		n = CASE_ID_MAX - 1;
	memcpy(out, (v)->str, n);
	out[n] = '\0';
	return 0;
}

static int
casefmt_code(struct casefmt_ctx *x, struct jsonv *obj, const char *key, const char *path,
    const struct vocab *v, int n, int *out, bool required)
{
	struct jsonv *j = casefmt_get(obj, key);
	int     i;

	if (j == NULL)
		return required ? casefmt_fail(x, path, "required") : 0;
	if (!jsonv_is(j, JSONV_STRING))
		return casefmt_fail(x, path, "expected a string");
	i = case_vocab_find(v, n, (j)->str, (j)->len);
	if (i < 0) {
		/* Quote at most a screenful of the bad code. */
		char shown[200];

		jsonv_excerpt(j->str, j->len, 40, shown, sizeof shown);
		return casefmt_fail(x, path, "unknown code \"%s\"", shown);
	}
	*out = i;
	return 1;
}

#define CASEFMT_CODE(x, obj, key, path, table, out, req) \
	casefmt_code((x), (obj), (key), (path), (table), \
	    (int)(sizeof(table) / sizeof((table)[0])), (out), (req))

static int
casefmt_date(struct casefmt_ctx *x, struct jsonv *obj, const char *key, const char *path,
    jzz_date *out, bool required)
{
	struct jsonv *v = casefmt_get(obj, key);

	if (v == NULL)
		return required ? casefmt_fail(x, path, "required") : 0;
	if (!jsonv_is(v, JSONV_STRING))
		return casefmt_fail(x, path, "expected a date YYYY-MM-DD");
	if (!date_parse((v)->str, (v)->len, out)) {
		char shown[120];

		jsonv_excerpt(v->str, v->len, 20, shown, sizeof shown);
		return casefmt_fail(x, path, "\"%s\" is not a real date YYYY-MM-DD", shown);
	}
	return 1;
}

static int
casefmt_object(struct casefmt_ctx *x, struct jsonv *obj, const char *key, struct jsonv **out)
{
	struct jsonv *v = casefmt_get(obj, key);

	*out = v;
	if (v != NULL && !jsonv_is(v, JSONV_OBJECT))
		return casefmt_fail(x, key, "expected an object or null");
	return 0;
}

static size_t
casefmt_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

static int
casefmt_relation(struct casefmt_ctx *x, struct jsonv *obj, const char *path,
    enum jzz_relation *rel, char *word, bool required)
{
	int r = casefmt_string(x, obj, "relation", path, word, CASE_WORD_MAX, required);

	if (r < 0)
		return -1;
	*rel = r == 0 ? REL_NONE : case_relation_from_word(word, strlen(word));
	return 0;
}

/*
 * An address object (case-format.md) at `path`: the codes and parts as
 * strings, then address_check's rules, each failure named by its full path
 * (housing.address.number: required). Returns 1 when present, 0 when absent
 * or null.
 */
static int
casefmt_address(struct casefmt_ctx *x, struct jsonv *obj, const char *path,
    struct jzz_address *out)
{
	static const struct {
		const char *key;
		size_t      off, size;
	} parts[] = {
		{ "district", offsetof(struct jzz_address, district), ADDRESS_DISTRICT_LEN },
		{ "street", offsetof(struct jzz_address, street), ADDRESS_STREET_LEN },
		{ "road", offsetof(struct jzz_address, road), ADDRESS_ROAD_MAX },
		{ "lane", offsetof(struct jzz_address, lane), ADDRESS_PART_MAX },
		{ "number", offsetof(struct jzz_address, number), ADDRESS_PART_MAX },
		{ "room", offsetof(struct jzz_address, room), ADDRESS_PART_MAX },
	};
	struct jsonv *a = casefmt_get(obj, "address");
	const char   *member;
	char          sub[96], msg[96];

	memset(out, 0, sizeof *out);
	if (a == NULL)
		return 0;
	if (!jsonv_is(a, JSONV_OBJECT))
		return casefmt_fail(x, path, "expected an address object or null");
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		struct jsonv *v = casefmt_get(a, parts[i].key);
		char         *dst = (char *)out + parts[i].off;

		snprintf(sub, sizeof sub, "%s.%s", path, parts[i].key);
		if (v == NULL)
			continue;   /* required members are caught by address_check */
		if (!jsonv_is(v, JSONV_STRING))
			return casefmt_fail(x, sub, "expected a string");
		if (memchr(v->str, '\0', v->len) != NULL)
			return casefmt_fail(x, sub, "contains a NUL character");
		if (v->len >= parts[i].size) {
			/* too long for its buffer: say it as address_check would */
			if (i < 2)
				return casefmt_fail(x, sub, "%s", i == 0 ?
				    "expected a 6-digit county code" :
				    "expected a 9-digit street or town code");
			return casefmt_fail(x, sub, "expected %s%d characters",
			    i == 2 || i == 4 ? "1 to " : "at most ",
			    i == 2 ? ADDRESS_ROAD_CHARS : ADDRESS_PART_CHARS);
		}
		memcpy(dst, v->str, v->len);
		dst[v->len] = '\0';
	}
	if (!address_check(out, &member, msg, sizeof msg)) {
		snprintf(sub, sizeof sub, "%s.%s", path, member);
		return casefmt_fail(x, sub, "%s", msg);
	}
	return 1;
}

static int
casefmt_applicant(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *a = jsonv_get(root, "applicant");

	if (a == NULL || jsonv_is(a, JSONV_NULL))
		return casefmt_fail(x, "applicant", "required");
	if (!jsonv_is(a, JSONV_OBJECT))
		return casefmt_fail(x, "applicant", "expected an object");
	if (casefmt_idnumber(x, a, "applicant.id_number", c->applicant.id_number,
	    &c->applicant.id_len) < 0)
		return -1;
	if (casefmt_string(x, a, "name", "applicant.name", c->applicant.name,
	    sizeof c->applicant.name, true) < 0) {
		if (strncmp(x->err->message, "too long", 8) == 0)
			return casefmt_fail(x, "applicant.name", "expected 1 to %d characters",
			    CASE_NAME_CHARS);
		return -1;
	}
	{
		size_t n = casefmt_utf8_chars(c->applicant.name);

		if (n < 1 || n > CASE_NAME_CHARS)
			return casefmt_fail(x, "applicant.name", "expected 1 to %d characters",
			    CASE_NAME_CHARS);
	}
	if (casefmt_bool(x, a, "hukou_shanghai", "applicant.hukou_shanghai",
	    &c->applicant.hukou_shanghai) < 0 ||
	    casefmt_bool(x, a, "lives_in_shanghai", "applicant.lives_in_shanghai",
	    &c->applicant.lives_in_shanghai) < 0 ||
	    casefmt_bool(x, a, "mobility_impaired", "applicant.mobility_impaired",
	    &c->applicant.mobility_impaired) < 0 ||
	    casefmt_bool(x, a, "disabled", "applicant.disabled", &c->applicant.disabled) < 0)
		return -1;
	if (casefmt_string(x, a, "phone", "applicant.phone", c->applicant.phone,
	    sizeof c->applicant.phone, false) < 0)
		return -1;
	return 0;
}

static int
casefmt_agent(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *g;
	int     kind = 0;

	if (casefmt_object(x, root, "agent", &g) < 0)
		return -1;
	if (g == NULL)
		return 0;
	c->has_agent = true;
	if (CASEFMT_CODE(x, g, "kind", "agent.kind", case_agent_kind_vocab, &kind, true) < 0)
		return -1;
	c->agent.kind = (enum jzz_agent_kind)kind;
	if (casefmt_relation(x, g, "agent.relation", &c->agent.relation, c->agent.relation_word,
	    c->agent.kind == AGENT_RELATIVE) < 0)
		return -1;
	if (casefmt_idnumber(x, g, "agent.id_number", c->agent.id_number, &c->agent.id_len) < 0)
		return -1;
	/* agent.name: 1 to 30 characters, as the applicant's */
	if (casefmt_string(x, g, "name", "agent.name", c->agent.name, sizeof c->agent.name,
	    false) < 0) {
		if (strncmp(x->err->message, "too long", 8) == 0)
			return casefmt_fail(x, "agent.name", "expected 1 to %d characters",
			    CASE_NAME_CHARS);
		return -1;
	}
	if (casefmt_get(g, "name") != NULL) {
		size_t n = casefmt_utf8_chars(c->agent.name);

		if (n < 1 || n > CASE_NAME_CHARS)
			return casefmt_fail(x, "agent.name", "expected 1 to %d characters",
			    CASE_NAME_CHARS);
	}
	return 0;
}

static int
casefmt_housing(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *h;
	int     v = 0;

	if (casefmt_object(x, root, "housing", &h) < 0)
		return -1;
	if (h == NULL)
		return 0;
	c->has_housing = true;
	if (CASEFMT_CODE(x, h, "tenure", "housing.tenure", case_tenure_vocab, &v, true) < 0)
		return -1;
	c->housing.tenure = (enum jzz_tenure)v;
	v = USE_RESIDENTIAL;
	if (CASEFMT_CODE(x, h, "use", "housing.use", case_use_vocab, &v, false) < 0)
		return -1;
	c->housing.use = (enum jzz_use)v;
	if (casefmt_relation(x, h, "housing.relation", &c->housing.relation,
	    c->housing.relation_word, false) < 0)
		return -1;
	if (casefmt_bool(x, h, "managed_residential_area", "housing.managed_residential_area",
	    &c->housing.managed_residential_area) < 0)
		return -1;
	v = LEASED_INDIVIDUAL;
	if (CASEFMT_CODE(x, h, "leased_to", "housing.leased_to", case_leased_to_vocab, &v, false) < 0)
		return -1;
	c->housing.leased_to = (enum jzz_leased_to)v;
	v = casefmt_address(x, h, "housing.address", &c->housing.address);
	if (v < 0)
		return -1;
	c->housing.has_address = v == 1;
	return 0;
}

static int
casefmt_documents(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *docs = casefmt_get(root, "documents"), *d;
	size_t  i;
	char    path[48];

	if (docs == NULL)
		return 0;
	if (!jsonv_is(docs, JSONV_ARRAY))
		return casefmt_fail(x, "documents", "expected an array of document codes");
	for (d = docs->child, i = 0; d != NULL; d = d->next, i++) {
		int code;

		snprintf(path, sizeof path, "documents[%zu]", i);
		if (!jsonv_is(d, JSONV_STRING))
			return casefmt_fail(x, path, "expected a document code");
		code = CASE_VOCAB_FIND(case_doc_vocab, (d)->str, (d)->len);
		if (code < 0) {
			char shown[200];

			jsonv_excerpt(d->str, d->len, 40, shown, sizeof shown);
			return casefmt_fail(x, path, "unknown document code \"%s\"", shown);
		}
		c->documents |= DOCBIT(code);
	}
	return 0;
}

static int
casefmt_records(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *reg, *permit;

	if (casefmt_object(x, root, "registration", &reg) < 0 ||
	    casefmt_object(x, root, "permit", &permit) < 0)
		return -1;
	if (x->mode == CASEFMT_SUBMIT) {
		/* submit reads them from the database: a case that brings its own
		 * would be believed over the records. */
		if (jsonv_get(root, "registration") != NULL)
			return casefmt_fail(x, "registration", "not allowed in submit (it comes from the database)");
		if (jsonv_get(root, "permit") != NULL)
			return casefmt_fail(x, "permit", "not allowed in submit (it comes from the database)");
		return 0;
	}
	if (reg != NULL) {
		c->has_registration = true;
		if (casefmt_date(x, reg, "registered_on", "registration.registered_on",
		    &c->registered_on, true) < 0)
			return -1;
	}
	if (permit != NULL) {
		c->has_permit = true;
		if (casefmt_date(x, permit, "valid_until", "permit.valid_until",
		    &c->permit_valid_until, true) < 0 ||
		    casefmt_date(x, permit, "first_issued_on", "permit.first_issued_on",
		    &c->permit_first_issued_on, false) < 0)
			return -1;
	}
	return 0;
}

static int
casefmt_fast_track(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *f;
	int     v = 0, t;

	if (casefmt_object(x, root, "fast_track", &f) < 0)
		return -1;
	if (f == NULL) {
		if (rules_asks_fast_track(c->business, c->channel))
			return casefmt_fail(x, "fast_track", "required");
		return 0;
	}
	c->has_fast_track = true;
	if (CASEFMT_CODE(x, f, "reason", "fast_track.reason", case_fast_reason_vocab, &v, true) < 0)
		return -1;
	c->fast_track.reason = (enum jzz_fast_reason)v;
	t = casefmt_string(x, f, "text", "fast_track.text", c->fast_track.text,
	    sizeof c->fast_track.text, false);
	if (t < 0)
		return -1;
	if (c->fast_track.reason == FAST_OTHER && (t == 0 || c->fast_track.text[0] == '\0'))
		return casefmt_fail(x, "fast_track.text", "required for reason other");
	return 0;
}

static int
casefmt_delivery(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *d;
	int     v = DELIVERY_PICKUP;

	if (casefmt_object(x, root, "delivery", &d) < 0)
		return -1;
	if (d == NULL)
		return 0;
	if (CASEFMT_CODE(x, d, "method", "delivery.method", case_delivery_vocab, &v, false) < 0)
		return -1;
	c->delivery.method = (enum jzz_delivery)v;
	if (casefmt_bool(x, d, "in_shanghai", "delivery.in_shanghai", &c->delivery.in_shanghai) < 0)
		return -1;
	return casefmt_string(x, d, "address", "delivery.address", c->delivery.address,
	    sizeof c->delivery.address, false) < 0 ? -1 : 0;
}

static int
casefmt_change(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	struct jsonv *ch;
	int     v = 0;

	if (casefmt_object(x, root, "change", &ch) < 0)
		return -1;
	if (ch == NULL) {
		if (c->business == BIZ_INFO_CHANGE)
			return casefmt_fail(x, "change", "required");
		return 0;
	}
	c->has_change = true;
	if (CASEFMT_CODE(x, ch, "field", "change.field", case_change_field_vocab, &v, true) < 0)
		return -1;
	c->change.field = (enum jzz_change_field)v;
	if (casefmt_date(x, ch, "changed_on", "change.changed_on", &c->change.changed_on, true) < 0)
		return -1;
	if (casefmt_string(x, ch, "new_value", "change.new_value", c->change.new_value,
	    sizeof c->change.new_value, false) < 0)
		return -1;
	v = casefmt_address(x, ch, "change.address", &c->change.address);
	if (v < 0)
		return -1;
	c->change.has_address = v == 1;
	return 0;
}

/* request_id: 1 to 64 of A-Z a-z 0-9 . _ - (case-format.md). */
static int
casefmt_request_id(struct casefmt_ctx *x, struct jsonv *root, struct jzz_case *c)
{
	int rc = casefmt_string(x, root, "request_id", "request_id", c->request_id,
	    sizeof c->request_id, false);

	if (rc <= 0)
		return rc;
	if (c->request_id[0] == '\0')
		return casefmt_fail(x, "request_id", "empty (1 to 64 characters)");
	for (const char *p = c->request_id; *p != '\0'; p++)
		if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '_' || *p == '-'))
			return casefmt_fail(x, "request_id", "only A-Z a-z 0-9 . _ - may be used");
	return 0;
}

static int
casefmt_case(struct casefmt_ctx *x, struct jsonv *root, jzz_date default_today, struct jzz_case *c)
{
	struct jsonv *k;
	int     v = 0;

	if (!jsonv_is(root, JSONV_OBJECT))
		return casefmt_fail(x, "", "expected a case object");
	if (casefmt_date(x, root, "today", "today", &c->today, false) < 0)
		return -1;
	if (c->today == JZZ_DATE_NONE) {
		if (default_today == JZZ_DATE_NONE)
			return casefmt_fail(x, "today", "required (or give --today or JZZ_TODAY)");
		c->today = default_today;
	}
	if (CASEFMT_CODE(x, root, "business", "business", case_business_vocab, &v, true) < 0)
		return -1;
	c->business = (enum jzz_business)v;
	v = CH_COUNTER;
	if (CASEFMT_CODE(x, root, "channel", "channel", case_channel_vocab, &v, false) < 0)
		return -1;
	c->channel = (enum jzz_channel)v;
	if (casefmt_applicant(x, root, c) < 0 || casefmt_agent(x, root, c) < 0 ||
	    casefmt_housing(x, root, c) < 0 ||
	    casefmt_bool(x, root, "address_changed", "address_changed", &c->address_changed) < 0 ||
	    casefmt_documents(x, root, c) < 0 || casefmt_records(x, root, c) < 0 ||
	    casefmt_fast_track(x, root, c) < 0 || casefmt_delivery(x, root, c) < 0 ||
	    casefmt_string(x, root, "fee_receipt_no", "fee_receipt_no", c->fee_receipt_no,
	    sizeof c->fee_receipt_no, false) < 0 ||
	    casefmt_bool(x, root, "personal_reason", "personal_reason", &c->personal_reason) < 0 ||
	    casefmt_change(x, root, c) < 0 || casefmt_request_id(x, root, c) < 0)
		return -1;
	if (casefmt_object(x, root, "kiosk", &k) < 0)
		return -1;
	if (k != NULL) {
		c->has_kiosk = true;
		if (casefmt_bool(x, k, "info_matches_registration", "kiosk.info_matches_registration",
		    &c->kiosk_info_matches_registration) < 0)
			return -1;
	}

	/* Where HOUSE-1 applies the housing must be described (RULES.md). */
	if (!c->has_housing && rules_house_applies_to(c->business,
	    c->change.field == CHANGE_ADDRESS, c->address_changed))
		return casefmt_fail(x, "housing", "required");
	return 0;
}

int
casefmt_parse_in(struct jsonv_arena *arena, const char *buf, size_t len,
    enum casefmt_mode mode, jzz_date default_today, struct jzz_case *out,
    struct casefmt_error *err)
{
	struct casefmt_ctx x = { err, mode };
	struct jsonv_error jerr;
	struct jsonv      *root;
	int                rc;

	memset(err, 0, sizeof *err);
	case_init(out);
	jsonv_arena_reset(arena);
	root = jsonv_parse(arena, buf, len, &jerr);
	if (root == NULL) {
		err->line = jerr.line > 0 ? jerr.line : 1;
		snprintf(err->message, sizeof err->message, "not JSON: %s", jerr.text);
		return -1;
	}
	rc = casefmt_case(&x, root, default_today, out);
	jsonv_arena_reset(arena);
	return rc;
}

int
casefmt_parse(const char *buf, size_t len, enum casefmt_mode mode, jzz_date default_today,
    struct jzz_case *out, struct casefmt_error *err)
{
	struct jsonv_arena arena;
	int                rc;

	jsonv_arena_init(&arena);
	rc = casefmt_parse_in(&arena, buf, len, mode, default_today, out, err);
	jsonv_arena_free(&arena);
	return rc;
}

void
casefmt_error_text(const struct casefmt_error *err, char *buf, size_t size)
{
	if (err->field[0] != '\0')
		snprintf(buf, size, "%s: %s", err->field, err->message);
	else if (err->line > 0)
		snprintf(buf, size, "line %d: %s", err->line, err->message);
	else
		snprintf(buf, size, "%s", err->message);
}

/* ------------------------------------------------------------------------
 * The decision object.
 */

/* Document codes in byte order of their codes, for `missing_documents`
 * ("sorted"). A test checks the order against strcmp. */
static const enum jzz_doc casefmt_doc_sorted[DOC__COUNT] = {
	DOC_ACCEPTANCE_RECEIPT, DOC_AGENT_ID, DOC_DISABILITY_CERTIFICATE,
	DOC_DORMITORY_CERTIFICATE, DOC_ELECTRONIC_ID, DOC_FAST_TRACK_REQUEST,
	DOC_GUARDIAN_ID, DOC_GUARDIANSHIP_PROOF, DOC_HOUSEHOLD_REGISTER, DOC_ID_CARD,
	DOC_LEASE_FILING_CERTIFICATE, DOC_PERMIT_APPLICATION_FORM, DOC_POWER_OF_ATTORNEY,
	DOC_PROPERTY_CERTIFICATE, DOC_REGISTRATION_FORM, DOC_RELATIONSHIP_PROOF,
	DOC_RELATIVE_COMMITMENT,
};

static void
casefmt_date_value(struct strbuf *sb, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN + 2];

	if (d == JZZ_DATE_NONE) {
		strbuf_add(sb, "null", 4);
		return;
	}
	buf[0] = '"';
	date_format(d, buf + 1);
	buf[JZZ_DATE_STRLEN] = '"';
	strbuf_add(sb, buf, JZZ_DATE_STRLEN + 1);
}

static void
casefmt_rule_list(struct strbuf *sb, const struct jzz_decision *d, enum rule_outcome out)
{
	bool first = true;

	strbuf_putc(sb, '[');
	for (int i = 0; i < d->nresults; i++) {
		if (d->results[i].outcome != out)
			continue;
		if (!first)
			strbuf_putc(sb, ',');
		strbuf_putc(sb, '"');
		strbuf_puts(sb, rules_code((enum rule_id)d->results[i].rule));
		strbuf_putc(sb, '"');
		first = false;
	}
	strbuf_putc(sb, ']');
}

void
casefmt_decision_open(struct strbuf *sb, const struct jzz_decision *d)
{
	char msg[512];
	bool first = true;

	strbuf_puts(sb, "{\"decision\":\"");
	strbuf_puts(sb, rules_verdict_code(d->verdict));
	strbuf_puts(sb, "\",\"failed\":");
	casefmt_rule_list(sb, d, OUT_FAIL);
	strbuf_puts(sb, ",\"missing_documents\":[");
	for (int i = 0; i < DOC__COUNT; i++) {
		enum jzz_doc doc = casefmt_doc_sorted[i];

		if (!(d->missing_documents & DOCBIT(doc)))
			continue;
		if (!first)
			strbuf_putc(sb, ',');
		strbuf_putc(sb, '"');
		strbuf_puts(sb, case_doc_vocab[doc].code);
		strbuf_putc(sb, '"');
		first = false;
	}
	strbuf_puts(sb, "],\"warnings\":");
	casefmt_rule_list(sb, d, OUT_WARN);
	strbuf_printf(sb, ",\"fee_yuan\":%d,\"cod_fee_yuan\":%d,\"ready_on\":",
	    d->fee_yuan, d->cod_fee_yuan);
	casefmt_date_value(sb, d->ready_on);
	strbuf_puts(sb, ",\"milestones\":");
	if (d->has_milestones) {
		strbuf_puts(sb, "{\"transferred\":");
		casefmt_date_value(sb, d->transferred);
		strbuf_puts(sb, ",\"reviewed\":");
		casefmt_date_value(sb, d->reviewed);
		strbuf_puts(sb, ",\"made\":");
		casefmt_date_value(sb, d->made);
		strbuf_putc(sb, '}');
	} else {
		strbuf_puts(sb, "null");
	}
	strbuf_puts(sb, ",\"eligible_from\":");
	casefmt_date_value(sb, d->eligible_from);
	strbuf_puts(sb, ",\"window_opens\":");
	casefmt_date_value(sb, d->window_opens);
	strbuf_puts(sb, ",\"new_valid_until\":");
	casefmt_date_value(sb, d->new_valid_until);
	strbuf_puts(sb, d->residence_years_reset ? ",\"residence_years_reset\":true" :
	    ",\"residence_years_reset\":false");
	strbuf_puts(sb, ",\"rules\":[");
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *r = &d->results[i];

		if (i > 0)
			strbuf_putc(sb, ',');
		strbuf_puts(sb, "{\"id\":\"");
		strbuf_puts(sb, rules_code((enum rule_id)r->rule));
		strbuf_puts(sb, "\",\"outcome\":\"");
		strbuf_puts(sb, rules_outcome_code((enum rule_outcome)r->outcome));
		strbuf_puts(sb, "\",\"message_zh\":");
		rules_message(r, LANG_ZH, msg, sizeof msg);
		strbuf_json_string(sb, msg);
		strbuf_puts(sb, ",\"message_en\":");
		rules_message(r, LANG_EN, msg, sizeof msg);
		strbuf_json_string(sb, msg);
		strbuf_putc(sb, '}');
	}
	strbuf_putc(sb, ']');
}

void
casefmt_decision(struct strbuf *sb, const struct jzz_decision *d)
{
	casefmt_decision_open(sb, d);
	strbuf_putc(sb, '}');
}
