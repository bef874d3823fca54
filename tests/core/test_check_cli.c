/*
 * test_check_cli.c: `jzz check` against input that is not a case, and its
 * --jsonl and --today contract (case-format.md), through the real binary.
 *
 * Why it exists: tests outside the project drive jzz through this command
 * only, and the contract is fixed: input that is not a case (bad JSON, a
 * field of the wrong type, an unknown code, a date that does not exist, a
 * required field missing) exits 2 with exactly one line on stderr naming the
 * field, and nothing on stdout; never a crash, never a partial write. With
 * --jsonl a bad line answers {"error": ...} in its place and the run goes on.
 * Each bad input here is a good case with one thing broken, so that the exit
 * status can only come from that one thing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "testutil.h"

/* A registration that is accepted (RULES.md: HOUSE-1 applies, so housing). */
static const char test_cli_registration[] =
    "{\"today\": \"2026-04-14\", \"business\": \"registration\", \"channel\": \"counter\","
    " \"applicant\": {\"id_number\": \"340104199207193170\", \"name\": \"陈静\","
    "  \"hukou_shanghai\": false, \"lives_in_shanghai\": true, \"mobility_impaired\": false,"
    "  \"disabled\": false, \"phone\": \"13912345678\"},"
    " \"agent\": null,"
    " \"housing\": {\"tenure\": \"own\", \"use\": \"residential\", \"relation\": null,"
    "  \"managed_residential_area\": false, \"leased_to\": \"individual\"},"
    " \"address_changed\": false,"
    " \"documents\": [\"id_card\", \"registration_form\", \"property_certificate\"],"
    " \"registration\": null, \"permit\": null, \"fast_track\": null,"
    " \"delivery\": {\"method\": \"pickup\", \"in_shanghai\": true},"
    " \"fee_receipt_no\": null, \"personal_reason\": false, \"change\": null, \"kiosk\": null}";

/* A new permit, eligible from 2026-04-28 (registered 2025-10-28), no today. */
static const char test_cli_permit_no_today[] =
    "{\"business\": \"permit_new\","
    " \"applicant\": {\"id_number\": \"340104199207193170\", \"name\": \"陈静\"},"
    " \"documents\": [\"id_card\", \"permit_application_form\"],"
    " \"registration\": {\"registered_on\": \"2025-10-28\"}}";

static const char *const test_cli_keys[] = {
	"decision", "failed", "missing_documents", "warnings", "fee_yuan", "cod_fee_yuan",
	"ready_on", "milestones", "eligible_from", "window_opens", "new_valid_until",
	"residence_years_reset", "rules",
};

/* ------------------------------------------------------------------------
 * Helpers.
 */

/* base with the member at a dotted path set to the JSON text `value`, or
 * removed when value is NULL. Intermediate objects are made as needed. */
static char *
test_cli_variant(const char *base, const char *path, const char *value)
{
	json_error_t jerr;
	json_t      *root = json_loads(base, 0, &jerr), *obj;
	char         key[128], *dot, *out;
	const char  *p = path;

	assert_non_null(root);
	obj = root;
	while ((dot = strchr(p, '.')) != NULL) {
		json_t *next;

		snprintf(key, sizeof key, "%.*s", (int)(dot - p), p);
		next = json_object_get(obj, key);
		if (!json_is_object(next)) {
			next = json_object();
			json_object_set_new(obj, key, next);
		}
		obj = next;
		p = dot + 1;
	}
	if (value == NULL) {
		json_object_del(obj, p);
	} else {
		json_t *v = json_loads(value, JSON_DECODE_ANY, &jerr);

		if (v == NULL)
			fail_msg("bad test value %s: %s", value, jerr.text);
		json_object_set_new(obj, p, v);
	}
	out = json_dumps(root, JSON_COMPACT);
	json_decref(root);
	assert_non_null(out);
	return out;
}

static void
test_cli_run(const char *input, size_t len, const char *jzz_today, struct testutil_run *r,
             const char *a1, const char *a2, const char *a3, const char *a4)
{
	char *argv[6] = { (char *)JZZ_BIN, (char *)a1, (char *)a2, (char *)a3, (char *)a4, NULL };

	if (!testutil_run(JZZ_BIN, argv, input, len, jzz_today, r))
		fail_msg("cannot run %s", JZZ_BIN);
	if (!r->exited)
		fail_msg("jzz was killed by signal %d; stderr: %.500s", r->signal, r->err);
}

/* `jzz check -` on input that is not a case: status 2, one line on stderr
 * (naming `field` when given), nothing on stdout. */
static void
test_cli_expect_bad(const char *what, const char *input, size_t len, const char *field)
{
	struct testutil_run r;

	test_cli_run(input, len, NULL, &r, "check", "-", NULL, NULL);
	if (r.status != 2)
		fail_msg("%s: exit status %d, expected 2; stdout %.300s stderr %.300s", what,
		    r.status, r.out, r.err);
	if (r.out_len != 0)
		fail_msg("%s: wrote to stdout: %.300s", what, r.out);
	if (r.err_len == 0 || r.err[r.err_len - 1] != '\n' ||
	    testutil_count_lines(r.err, r.err_len) != 1)
		fail_msg("%s: stderr is not one line: \"%.500s\"", what, r.err);
	if (strncmp(r.err, "jzz: ", 5) != 0)
		fail_msg("%s: stderr does not start with \"jzz: \": %.300s", what, r.err);
	if (field != NULL && strstr(r.err, field) == NULL)
		fail_msg("%s: stderr does not name %s: %.300s", what, field, r.err);
	testutil_run_free(&r);
}

static void
test_cli_expect_bad_variant(const char *base, const char *path, const char *value,
                            const char *field)
{
	char *text = test_cli_variant(base, path, value);
	char  what[256];

	snprintf(what, sizeof what, "%s = %.100s", path, value == NULL ? "(absent)" : value);
	test_cli_expect_bad(what, text, strlen(text), field);
	free(text);
}

/* A case: status 0 and one decision. Returns the decision (decref it). */
static json_t *
test_cli_expect_good(const char *what, const char *input, size_t len)
{
	struct testutil_run r;
	json_error_t        jerr;
	json_t             *d;

	test_cli_run(input, len, NULL, &r, "check", "-", NULL, NULL);
	if (r.status != 0)
		fail_msg("%s: exit status %d, expected 0; stderr %.300s", what, r.status, r.err);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 1);
	d = json_loads(r.out, 0, &jerr);
	if (d == NULL)
		fail_msg("%s: not JSON: %.300s", what, r.out);
	testutil_run_free(&r);
	return d;
}

static void
test_cli_expect_good_variant(const char *base, const char *path, const char *value)
{
	char   *text = test_cli_variant(base, path, value);
	json_t *d = test_cli_expect_good(path, text, strlen(text));

	json_decref(d);
	free(text);
}

static int
test_cli_rule_order(const char *id)
{
	static const char *const ids[] = {
		"CHAN-1", "ELIG-1", "ELIG-2", "ID-1", "ID-2", "ID-3", "HOUSE-1", "HOUSE-2",
		"HOUSE-3", "HOUSE-4", "HOUSE-5", "HOUSE-6", "AGENT-1", "AGENT-2", "AGENT-3",
		"CAL-1", "REG-1", "REG-2", "REG-3", "PERMIT-1", "PERMIT-2", "PERMIT-3",
		"PERMIT-4", "PERMIT-5", "PERMIT-6", "PERMIT-7", "PERMIT-8", "PERMIT-9",
		"PERMIT-10", "PERMIT-11", "PERMIT-12", "ENDO-1", "ENDO-2", "ENDO-3", "ENDO-4",
		"ENDO-5", "ENDO-6", "CHANGE-1", "KIOSK-1", "KIOSK-2",
	};

	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
		if (strcmp(ids[i], id) == 0)
			return (int)i;
	fail_msg("unknown rule id %s in a decision", id);
	return -1;
}

/* The decision object of case-format.md: its keys and their shapes. */
static void
test_cli_check_decision(json_t *d)
{
	json_t     *v, *prev = NULL;
	size_t      i;
	const char *dec;
	int         last = -1;

	assert_true(json_is_object(d));
	for (i = 0; i < sizeof test_cli_keys / sizeof test_cli_keys[0]; i++)
		if (json_object_get(d, test_cli_keys[i]) == NULL)
			fail_msg("decision without \"%s\"", test_cli_keys[i]);
	dec = json_string_value(json_object_get(d, "decision"));
	assert_non_null(dec);
	assert_true(strcmp(dec, "accept") == 0 || strcmp(dec, "incomplete") == 0 ||
	    strcmp(dec, "refuse") == 0);
	assert_true(json_is_integer(json_object_get(d, "fee_yuan")));
	assert_true(json_is_integer(json_object_get(d, "cod_fee_yuan")));
	assert_true(json_is_boolean(json_object_get(d, "residence_years_reset")));
	/* failed and warnings: catalogue order */
	json_array_foreach(json_object_get(d, "failed"), i, v) {
		int k = test_cli_rule_order(json_string_value(v));

		assert_true(k > last);
		last = k;
	}
	last = -1;
	json_array_foreach(json_object_get(d, "warnings"), i, v) {
		int k = test_cli_rule_order(json_string_value(v));

		assert_true(k > last);
		last = k;
	}
	/* missing_documents: sorted, no repeats */
	json_array_foreach(json_object_get(d, "missing_documents"), i, v) {
		assert_true(json_is_string(v));
		if (prev != NULL)
			assert_true(strcmp(json_string_value(prev), json_string_value(v)) < 0);
		prev = v;
	}
	last = -1;
	json_array_foreach(json_object_get(d, "rules"), i, v) {
		const char *out = json_string_value(json_object_get(v, "outcome"));
		int         k = test_cli_rule_order(json_string_value(json_object_get(v, "id")));

		assert_true(k > last);
		last = k;
		assert_non_null(out);
		assert_true(strcmp(out, "pass") == 0 || strcmp(out, "fail") == 0 ||
		    strcmp(out, "missing") == 0 || strcmp(out, "warn") == 0);
		assert_true(strlen(json_string_value(json_object_get(v, "message_zh"))) > 0);
		assert_true(strlen(json_string_value(json_object_get(v, "message_en"))) > 0);
	}
}

/* ------------------------------------------------------------------------
 * Not a case.
 */

static void
test_cli_good_base(void **state)
{
	json_t *d;

	(void)state;
	/* the bases are cases: each bad input below breaks one thing only */
	d = test_cli_expect_good("registration", test_cli_registration, strlen(test_cli_registration));
	test_cli_check_decision(d);
	assert_string_equal(json_string_value(json_object_get(d, "decision")), "accept");
	json_decref(d);
}

static void
test_cli_not_json(void **state)
{
	size_t half = strlen(test_cli_registration) / 2;
	char   withnul[] = "{\"today\": \"2026-04-14\", \"business\": \"regis\0tration\"}";

	(void)state;
	test_cli_expect_bad("empty input", "", 0, NULL);
	test_cli_expect_bad("blank input", "  \n\n", 4, NULL);
	test_cli_expect_bad("truncated", test_cli_registration, half, NULL);
	test_cli_expect_bad("truncated at the end", test_cli_registration,
	    strlen(test_cli_registration) - 1, NULL);
	test_cli_expect_bad("an array", "[]", 2, NULL);
	{
		char *arr = malloc(strlen(test_cli_registration) + 3);

		sprintf(arr, "[%s]", test_cli_registration);
		test_cli_expect_bad("an array of a case", arr, strlen(arr), NULL);
		free(arr);
	}
	test_cli_expect_bad("null", "null", 4, NULL);
	test_cli_expect_bad("a number", "42", 2, NULL);
	test_cli_expect_bad("a string", "\"registration\"", 14, NULL);
	test_cli_expect_bad("true", "true", 4, NULL);
	test_cli_expect_bad("not JSON", "business: registration", 22, NULL);
	test_cli_expect_bad("a NUL byte", withnul, sizeof withnul - 1, NULL);
	test_cli_expect_bad("a byte-order mark and garbage", "\xEF\xBB\xBF{", 4, NULL);
	{
		/* two cases in one file */
		size_t n = strlen(test_cli_registration);
		char  *two = malloc(2 * n + 2);

		memcpy(two, test_cli_registration, n);
		two[n] = '\n';
		memcpy(two + n + 1, test_cli_registration, n + 1);
		test_cli_expect_bad("two cases", two, 2 * n + 1, NULL);
		free(two);
	}
	/* a duplicated member is ambiguous */
	{
		static const char dup[] = "{\"business\": \"registration\", \"business\": \"pickup\"}";

		test_cli_expect_bad("duplicate member", dup, strlen(dup), NULL);
	}
}

static void
test_cli_invalid_utf8(void **state)
{
	static const char *const bad[] = { "\xff\xfe", "\xc3\x28", "\xe6\xb3", "\xed\xa0\x80",
		"\xf8\x88\x80\x80\x80", "\xc0\xaf" };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		const char *at = strstr(test_cli_registration, "陈静");
		size_t      pre = (size_t)(at - test_cli_registration);
		char        text[4096];

		snprintf(text, sizeof text, "%.*s%s%s", (int)pre, test_cli_registration, bad[i],
		    at + strlen("陈静"));
		test_cli_expect_bad("invalid UTF-8 in the name", text, strlen(text), NULL);
	}
}

static void
test_cli_wrong_types(void **state)
{
	static const struct { const char *path, *value; } cases[] = {
		{ "today", "20260414" },
		{ "today", "true" },
		{ "business", "5" },
		{ "business", "[\"registration\"]" },
		{ "channel", "true" },
		{ "applicant", "\"陈静\"" },
		{ "applicant", "[]" },
		{ "applicant.id_number", "340104199207193170" },
		{ "applicant.id_number", "[\"340104199207193170\"]" },
		{ "applicant.name", "[\"陈静\"]" },
		{ "applicant.name", "7" },
		{ "applicant.hukou_shanghai", "\"no\"" },
		{ "applicant.lives_in_shanghai", "1" },
		{ "applicant.mobility_impaired", "\"false\"" },
		{ "applicant.disabled", "0" },
		{ "applicant.phone", "13912345678" },
		{ "agent", "\"mother\"" },
		{ "agent", "[]" },
		{ "agent.kind", "1" },
		{ "housing", "\"own\"" },
		{ "housing", "true" },
		{ "housing.tenure", "1" },
		{ "housing.use", "true" },
		{ "housing.relation", "1" },
		{ "housing.managed_residential_area", "\"no\"" },
		{ "housing.leased_to", "0" },
		{ "address_changed", "\"false\"" },
		{ "documents", "\"id_card\"" },
		{ "documents", "{}" },
		{ "documents", "[1]" },
		{ "documents", "[[\"id_card\"]]" },
		{ "documents", "[null]" },
		{ "registration", "\"2025-01-01\"" },
		{ "registration.registered_on", "20250101" },
		{ "permit", "[]" },
		{ "permit.valid_until", "true" },
		{ "fast_track", "\"exam\"" },
		{ "delivery", "\"post\"" },
		{ "delivery.method", "1" },
		{ "delivery.in_shanghai", "\"yes\"" },
		{ "fee_receipt_no", "123" },
		{ "personal_reason", "\"yes\"" },
		{ "change", "\"address\"" },
		{ "kiosk", "true" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_cli_expect_bad_variant(test_cli_registration, cases[i].path, cases[i].value,
		    cases[i].path);
	/* in the objects only some businesses use */
	test_cli_expect_bad_variant(test_cli_registration, "agent",
	    "{\"kind\": \"guardian\", \"relation\": \"mother\", \"id_number\": 310104197001152466}",
	    "agent.id_number");
	test_cli_expect_bad_variant(test_cli_registration, "agent",
	    "{\"kind\": \"relative\", \"relation\": 3, \"id_number\": \"310104197001152466\"}",
	    "agent.relation");
	test_cli_expect_bad_variant(test_cli_registration, "permit",
	    "{\"valid_until\": \"2026-12-31\", \"first_issued_on\": 5}", "permit.first_issued_on");
	test_cli_expect_bad_variant(test_cli_registration, "fast_track",
	    "{\"reason\": 3}", "fast_track.reason");
	test_cli_expect_bad_variant(test_cli_registration, "fast_track",
	    "{\"reason\": \"exam\", \"text\": 5}", "fast_track.text");
	test_cli_expect_bad_variant(test_cli_registration, "change",
	    "{\"field\": 1, \"changed_on\": \"2026-04-01\"}", "change.field");
	test_cli_expect_bad_variant(test_cli_registration, "change",
	    "{\"field\": \"phone\", \"changed_on\": 20260401}", "change.changed_on");
	test_cli_expect_bad_variant(test_cli_registration, "change",
	    "{\"field\": \"phone\", \"changed_on\": \"2026-04-01\", \"new_value\": 1}",
	    "change.new_value");
	test_cli_expect_bad_variant(test_cli_registration, "kiosk",
	    "{\"info_matches_registration\": \"yes\"}", "kiosk.info_matches_registration");
}

static void
test_cli_unknown_codes(void **state)
{
	static const struct { const char *path, *value, *field; } cases[] = {
		{ "business", "\"permit\"", "business" },
		{ "business", "\"Registration\"", "business" },
		{ "business", "\"registration \"", "business" },
		{ "business", "\"\"", "business" },
		{ "channel", "\"mail\"", "channel" },
		{ "channel", "\"Counter\"", "channel" },
		{ "documents", "[\"id_card\", \"passport\"]", "documents" },
		{ "documents", "[\"ID_CARD\"]", "documents" },
		{ "housing.tenure", "\"squat\"", "housing.tenure" },
		{ "housing.use", "\"warehouse\"", "housing.use" },
		{ "housing.leased_to", "\"company\"", "housing.leased_to" },
		{ "delivery.method", "\"drone\"", "delivery.method" },
		{ "agent", "{\"kind\": \"friend\", \"id_number\": \"310104197001152466\"}", "agent.kind" },
		{ "fast_track", "{\"reason\": \"boredom\"}", "fast_track.reason" },
		{ "change", "{\"field\": \"email\", \"changed_on\": \"2026-04-01\"}", "change.field" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_cli_expect_bad_variant(test_cli_registration, cases[i].path, cases[i].value,
		    cases[i].field);
	/* a relation is a near-relative code or any other word: not an error */
	test_cli_expect_good_variant(test_cli_registration, "housing.relation", "\"uncle\"");
}

static void
test_cli_impossible_dates(void **state)
{
	static const struct { const char *path, *value, *field; } cases[] = {
		{ "today", "\"2026-02-29\"", "today" },
		{ "today", "\"2026-04-31\"", "today" },
		{ "today", "\"2026-4-14\"", "today" },
		{ "today", "\"14/04/2026\"", "today" },
		{ "today", "\"2026-04-14T09:00\"", "today" },
		{ "today", "\"\"", "today" },
		{ "registration", "{\"registered_on\": \"2025-13-01\"}", "registration.registered_on" },
		{ "permit", "{\"valid_until\": \"2026-06-31\"}", "permit.valid_until" },
		{ "permit", "{\"valid_until\": \"2026-06-30\", \"first_issued_on\": \"2025-02-29\"}",
		  "permit.first_issued_on" },
		{ "change", "{\"field\": \"phone\", \"changed_on\": \"2026-02-30\"}", "change.changed_on" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		test_cli_expect_bad_variant(test_cli_registration, cases[i].path, cases[i].value,
		    cases[i].field);
	/* the leap day itself is a date */
	test_cli_expect_good_variant(test_cli_registration, "today", "\"2028-02-29\"");
}

static void
test_cli_missing_required(void **state)
{
	(void)state;
	test_cli_expect_bad_variant(test_cli_registration, "business", NULL, "business");
	test_cli_expect_bad_variant(test_cli_registration, "applicant", NULL, "applicant");
	test_cli_expect_bad_variant(test_cli_registration, "applicant.id_number", NULL,
	    "applicant.id_number");
	test_cli_expect_bad_variant(test_cli_registration, "applicant.name", NULL, "applicant.name");
	/* a name is 1 to 30 characters */
	test_cli_expect_bad_variant(test_cli_registration, "applicant.name", "\"\"", "applicant.name");
	test_cli_expect_bad_variant(test_cli_registration, "applicant.name",
	    "\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcde\"", "applicant.name");
	test_cli_expect_good_variant(test_cli_registration, "applicant.name",
	    "\"ABCDEFGHIJKLMNOPQRSTUVWXYZabcd\"");
	test_cli_expect_good_variant(test_cli_registration, "applicant.name",
	    "\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十\"");
	test_cli_expect_bad_variant(test_cli_registration, "applicant.name",
	    "\"一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一\"", "applicant.name");
	/* today: from the case, --today or JZZ_TODAY */
	test_cli_expect_bad_variant(test_cli_registration, "today", NULL, "today");

	/* housing where HOUSE-1 applies: "housing: required" */
	test_cli_expect_bad_variant(test_cli_registration, "housing", NULL, "housing: required");
	test_cli_expect_bad_variant(test_cli_registration, "housing", "null", "housing: required");
	{
		char *p = test_cli_variant(test_cli_permit_no_today, "today", "\"2026-04-28\"");
		char *q = test_cli_variant(p, "address_changed", "true");

		test_cli_expect_bad("permit_new, address changed, no housing", q, strlen(q),
		    "housing: required");
		free(q);
		q = test_cli_variant(p, "address_changed", "false");
		test_cli_expect_good_variant(q, "housing", "null");
		free(q);
		free(p);
	}
	{
		char *e = test_cli_variant(test_cli_registration, "business", "\"endorsement\"");
		char *f = test_cli_variant(e, "permit", "{\"valid_until\": \"2026-05-01\"}");
		char *g = test_cli_variant(f, "housing", NULL);
		char *h = test_cli_variant(g, "address_changed", "true");

		test_cli_expect_good_variant(g, "address_changed", "false");
		test_cli_expect_bad("endorsement, address changed, no housing", h, strlen(h),
		    "housing: required");
		free(e);
		free(f);
		free(g);
		free(h);
	}
	/* info_change: change required; an address change needs housing */
	{
		char *a = test_cli_variant(test_cli_registration, "business", "\"info_change\"");
		char *b = test_cli_variant(a, "housing", NULL);
		char *ph = test_cli_variant(b, "change",
		    "{\"field\": \"phone\", \"changed_on\": \"2026-04-01\", \"new_value\": \"13800000000\"}");
		char *ad = test_cli_variant(b, "change",
		    "{\"field\": \"address\", \"changed_on\": \"2026-04-01\", \"new_value\": \"长宁路1号\"}");

		test_cli_expect_bad("info_change without change", b, strlen(b), "change: required");
		test_cli_expect_bad_variant(b, "change", "null", "change: required");
		test_cli_expect_good_variant(ph, "housing", NULL);
		test_cli_expect_bad("address change without housing", ad, strlen(ad), "housing: required");
		test_cli_expect_good_variant(ad, "housing", "{\"tenure\": \"rent\"}");
		test_cli_expect_bad_variant(b, "change", "{\"changed_on\": \"2026-04-01\"}", "change.field");
		test_cli_expect_bad_variant(b, "change", "{\"field\": \"phone\"}", "change.changed_on");
		free(a);
		free(b);
		free(ph);
		free(ad);
	}
	/* fast_track for permit_new_fast and permit_replace_fast at a counter */
	{
		char *p = test_cli_variant(test_cli_permit_no_today, "today", "\"2026-04-28\"");
		char *f = test_cli_variant(p, "business", "\"permit_new_fast\"");
		char *k = test_cli_variant(f, "channel", "\"kiosk\"");
		char *r = test_cli_variant(f, "business", "\"permit_replace_fast\"");
		char *rp = test_cli_variant(r, "permit", "{\"valid_until\": \"2026-12-31\"}");

		test_cli_expect_bad("permit_new_fast at a counter without fast_track", f, strlen(f),
		    "fast_track");
		test_cli_expect_bad_variant(f, "fast_track", "null", "fast_track");
		test_cli_expect_good_variant(f, "fast_track", "{\"reason\": \"medical\"}");
		test_cli_expect_good_variant(k, "fast_track", NULL);
		test_cli_expect_bad("permit_replace_fast at a counter without fast_track", rp,
		    strlen(rp), "fast_track");
		test_cli_expect_good_variant(rp, "fast_track", "{\"reason\": \"study\"}");
		test_cli_expect_bad_variant(f, "fast_track", "{\"text\": \"exam\"}", "fast_track.reason");
		free(p);
		free(f);
		free(k);
		free(r);
		free(rp);
	}
	/* required members of the objects */
	test_cli_expect_bad_variant(test_cli_registration, "agent",
	    "{\"id_number\": \"310104197001152466\"}", "agent.kind");
	test_cli_expect_bad_variant(test_cli_registration, "agent",
	    "{\"kind\": \"guardian\"}", "agent.id_number");
	test_cli_expect_bad_variant(test_cli_registration, "agent",
	    "{\"kind\": \"relative\", \"id_number\": \"310104197001152466\"}", "agent.relation");
	test_cli_expect_bad_variant(test_cli_registration, "housing", "{\"use\": \"residential\"}",
	    "housing.tenure");
	test_cli_expect_bad_variant(test_cli_registration, "registration", "{}",
	    "registration.registered_on");
	test_cli_expect_bad_variant(test_cli_registration, "permit", "{}", "permit.valid_until");
}

static void
test_cli_huge_input(void **state)
{
	const size_t big = 10u * 1024 * 1024;
	char        *s = malloc(big + 64), *text;
	json_t      *d;

	(void)state;
	assert_non_null(s);
	/* a 10 MB name: exit 2 */
	s[0] = '"';
	memset(s + 1, 'A', big);
	s[big + 1] = '"';
	s[big + 2] = '\0';
	text = test_cli_variant(test_cli_registration, "applicant.name", s);
	test_cli_expect_bad("10 MB name", text, strlen(text), "applicant.name");
	free(text);
	/* a 10 MB business code */
	text = test_cli_variant(test_cli_registration, "business", s);
	test_cli_expect_bad("10 MB business", text, strlen(text), "business");
	free(text);
	/* a 10 MB document code */
	{
		char *arr = malloc(big + 64);

		sprintf(arr, "[%s]", s);
		text = test_cli_variant(test_cli_registration, "documents", arr);
		test_cli_expect_bad("10 MB document", text, strlen(text), "documents");
		free(text);
		free(arr);
	}
	/* a 10 MB ID number is a case: ID-3 says it is not 18 characters */
	memset(s + 1, '1', big);
	text = test_cli_variant(test_cli_registration, "applicant.id_number", s);
	d = test_cli_expect_good("10 MB id_number", text, strlen(text));
	test_cli_check_decision(d);
	assert_string_equal(json_string_value(json_object_get(d, "decision")), "refuse");
	{
		json_t *f = json_object_get(d, "failed"), *v;
		size_t  i;
		bool    id3 = false;

		json_array_foreach(f, i, v)
			id3 |= strcmp(json_string_value(v), "ID-3") == 0;
		assert_true(id3);
	}
	json_decref(d);
	free(text);
	/* nested 100000 deep */
	{
		size_t depth = 100000;
		char  *n = malloc(2 * depth + 1);

		memset(n, '[', depth);
		memset(n + depth, ']', depth);
		n[2 * depth] = '\0';
		test_cli_expect_bad("deep nesting", n, 2 * depth, NULL);
		free(n);
	}
	/* 10 MB of garbage */
	memset(s, '{', big);
	test_cli_expect_bad("10 MB of braces", s, big, NULL);
	free(s);
}

/*
 * The one line on stderr stays one line whatever the bad value holds
 * (case-format.md: "one line on stderr"), and no control character of the
 * input reaches the terminal. (test_cli_jsonl_error_is_utf8: a bad value
 * quoted in --jsonl's {"error": ...} keeps the line valid JSON in UTF-8.)
 */
static void
test_cli_error_text_is_safe(void **state)
{
	static const struct { const char *path, *value, *field; } cases[] = {
		{ "business", "\"regis\\ntration\"", "business" },
		{ "channel", "\"counter\\r\\nkiosk\"", "channel" },
		{ "documents", "[\"id_card\\npassport\"]", "documents" },
		{ "today", "\"2026-04\\n-14\"", "today" },
		{ "housing.tenure", "\"own\\u001b[2J\"", "housing.tenure" },
	};

	char problems[4096] = "";

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char               *text = test_cli_variant(test_cli_registration, cases[i].path,
		    cases[i].value);
		struct testutil_run r;
		bool                ctl = false;

		test_cli_run(text, strlen(text), NULL, &r, "check", "-", NULL, NULL);
		assert_int_equal(r.status, 2);
		assert_int_equal(r.out_len, 0);
		assert_non_null(strstr(r.err, cases[i].field));
		/* one line, and no terminal control character on the clerk's screen */
		for (size_t k = 0; k + 1 < r.err_len; k++)
			ctl |= (unsigned char)r.err[k] < 0x20;
		if (ctl || testutil_count_lines(r.err, r.err_len) != 1) {
			size_t used = strlen(problems);

			snprintf(problems + used, sizeof problems - used, "  %s = %s: %d lines: %s",
			    cases[i].path, cases[i].value, testutil_count_lines(r.err, r.err_len), r.err);
		}
		testutil_run_free(&r);
		free(text);
	}
	if (problems[0] != '\0')
		fail_msg("stderr is not one clean line for:\n%s", problems);
}

static void
test_cli_jsonl_error_is_utf8(void **state)
{
	/* 14 three-byte characters: a quote cut at 40 bytes splits one */
	static const char long_code[] = "\"注册注册注册注册注册注册注册注册注册注册注册注册注册注册\"";

	(void)state;
	{
		const char *paths[] = { "business", "channel", "housing.tenure", "today" };

		for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
			char               *text = test_cli_variant(test_cli_registration, paths[i], long_code);
			struct testutil_run r;
			json_error_t        jerr;
			json_t             *line;
			size_t              n = strlen(text);

			text = realloc(text, n + 2);
			text[n] = '\n';
			text[n + 1] = '\0';
			test_cli_run(text, n + 1, NULL, &r, "check", "--jsonl", "-", NULL);
			assert_int_equal(r.status, 2);
			assert_int_equal(testutil_count_lines(r.out, r.out_len), 1);
			line = json_loads(r.out, 0, &jerr);
			if (line == NULL)
				fail_msg("%s: --jsonl error line is not JSON (%s): %s", paths[i], jerr.text, r.out);
			assert_true(json_is_string(json_object_get(line, "error")));
			json_decref(line);
			testutil_run_free(&r);
			free(text);
		}
	}
}

/* ------------------------------------------------------------------------
 * --jsonl.
 */

static void
test_cli_jsonl(void **state)
{
	struct testutil_run r;
	json_error_t        jerr;
	char               *good = test_cli_variant(test_cli_registration, "today", "\"2026-04-14\"");
	char               *bad = test_cli_variant(test_cli_registration, "business", "\"permit\"");
	char               *input;
	size_t              gl = strlen(good), bl = strlen(bad);
	const char         *p;
	json_t             *lines[3];

	(void)state;
	/* good, bad, good: three lines, the middle an error, exit 2 */
	input = malloc(2 * gl + bl + 4);
	sprintf(input, "%s\n%s\n%s\n", good, bad, good);
	test_cli_run(input, strlen(input), NULL, &r, "check", "--jsonl", "-", NULL);
	assert_int_equal(r.status, 2);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 3);
	p = r.out;
	for (int i = 0; i < 3; i++) {
		const char *nl = strchr(p, '\n');

		assert_non_null(nl);
		lines[i] = json_loadb(p, (size_t)(nl - p), 0, &jerr);
		if (lines[i] == NULL)
			fail_msg("--jsonl line %d is not JSON: %.*s", i + 1, (int)(nl - p), p);
		p = nl + 1;
	}
	test_cli_check_decision(lines[0]);
	test_cli_check_decision(lines[2]);
	assert_true(json_is_object(lines[1]));
	assert_int_equal(json_object_size(lines[1]), 1);
	assert_true(json_is_string(json_object_get(lines[1], "error")));
	assert_non_null(strstr(json_string_value(json_object_get(lines[1], "error")), "business"));
	assert_true(json_equal(lines[0], lines[2]));
	for (int i = 0; i < 3; i++)
		json_decref(lines[i]);
	testutil_run_free(&r);
	free(input);

	/* the bad line first or last: still one answer per line, in order */
	input = malloc(gl + bl + 3);
	sprintf(input, "%s\n%s", bad, good); /* no final newline */
	test_cli_run(input, strlen(input), NULL, &r, "check", "--jsonl", "-", NULL);
	assert_int_equal(r.status, 2);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 2);
	assert_int_equal(strncmp(r.out, "{\"error\"", 8), 0);
	testutil_run_free(&r);
	free(input);

	/* all good: exit 0, one decision per case, in order */
	{
		const int n = 50;
		size_t    cap = (size_t)n * (gl + 200), len = 0;
		char     *many = malloc(cap);

		for (int i = 0; i < n; i++) {
			char *v = test_cli_variant(good, "applicant.hukou_shanghai", i % 2 ? "true" : "false");

			len += (size_t)sprintf(many + len, "%s\n", v);
			free(v);
		}
		test_cli_run(many, len, NULL, &r, "check", "--jsonl", "-", NULL);
		assert_int_equal(r.status, 0);
		assert_int_equal(r.err_len, 0);
		assert_int_equal(testutil_count_lines(r.out, r.out_len), n);
		p = r.out;
		for (int i = 0; i < n; i++) {
			const char *nl = strchr(p, '\n');
			json_t     *d = json_loadb(p, (size_t)(nl - p), 0, &jerr);

			assert_non_null(d);
			test_cli_check_decision(d);
			assert_string_equal(json_string_value(json_object_get(d, "decision")),
			    i % 2 ? "refuse" : "accept");
			json_decref(d);
			p = nl + 1;
		}
		testutil_run_free(&r);
		free(many);
	}
	/* a truncated line among good ones */
	input = malloc(3 * gl + 16);
	sprintf(input, "%s\n%.*s\n%s\n", good, (int)(gl / 2), good, good);
	test_cli_run(input, strlen(input), NULL, &r, "check", "--jsonl", "-", NULL);
	assert_int_equal(r.status, 2);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 3);
	testutil_run_free(&r);
	free(input);
	free(good);
	free(bad);
}

/* ------------------------------------------------------------------------
 * The day of work.
 */

static json_t *
test_cli_decide(const char *input, const char *jzz_today, const char *today_opt)
{
	struct testutil_run r;
	json_error_t        jerr;
	json_t             *d;

	if (today_opt != NULL)
		test_cli_run(input, strlen(input), jzz_today, &r, "--today", today_opt, "check", "-");
	else
		test_cli_run(input, strlen(input), jzz_today, &r, "check", "-", NULL, NULL);
	if (r.status != 0)
		fail_msg("exit %d: %s", r.status, r.err);
	d = json_loads(r.out, 0, &jerr);
	assert_non_null(d);
	testutil_run_free(&r);
	return d;
}

static void
test_cli_expect_day(json_t *d, const char *decision, const char *ready_on, const char *eligible)
{
	json_t *ro = json_object_get(d, "ready_on"), *ef = json_object_get(d, "eligible_from");

	assert_string_equal(json_string_value(json_object_get(d, "decision")), decision);
	if (ready_on == NULL)
		assert_true(json_is_null(ro));
	else
		assert_string_equal(json_string_value(ro), ready_on);
	if (eligible == NULL)
		assert_true(json_is_null(ef));
	else
		assert_string_equal(json_string_value(ef), eligible);
	json_decref(d);
}

static void
test_cli_today(void **state)
{
	const char *c = test_cli_permit_no_today;
	char       *own = test_cli_variant(c, "today", "\"2026-04-28\"");
	char       *own_early = test_cli_variant(c, "today", "\"2026-04-27\"");

	(void)state;
	/* --today */
	test_cli_expect_day(test_cli_decide(c, NULL, "2026-04-28"), "accept", "2026-05-21", NULL);
	test_cli_expect_day(test_cli_decide(c, NULL, "2026-04-27"), "refuse", NULL, "2026-04-28");
	/* JZZ_TODAY */
	test_cli_expect_day(test_cli_decide(c, "2026-04-28", NULL), "accept", "2026-05-21", NULL);
	test_cli_expect_day(test_cli_decide(c, "2026-04-27", NULL), "refuse", NULL, "2026-04-28");
	/* the case's own today wins over both */
	test_cli_expect_day(test_cli_decide(own, NULL, "2026-04-27"), "accept", "2026-05-21", NULL);
	test_cli_expect_day(test_cli_decide(own, "2026-04-27", NULL), "accept", "2026-05-21", NULL);
	test_cli_expect_day(test_cli_decide(own_early, NULL, "2026-04-28"), "refuse", NULL,
	    "2026-04-28");
	test_cli_expect_day(test_cli_decide(own_early, "2026-04-28", NULL), "refuse", NULL,
	    "2026-04-28");
	/* any day may be named, earlier or later */
	test_cli_expect_day(test_cli_decide(c, NULL, "2026-09-29"), "accept", "2026-10-26", NULL);
	test_cli_expect_day(test_cli_decide(c, NULL, "2026-04-28"), "accept", "2026-05-21", NULL);
	/* --today in --jsonl applies to every line */
	{
		struct testutil_run r;
		size_t              n = strlen(c);
		char               *two = malloc(2 * n + 3);

		sprintf(two, "%s\n%s\n", c, c);
		test_cli_run(two, strlen(two), NULL, &r, "--today", "2026-04-28", "check", "--jsonl");
		assert_int_equal(r.status, 0);
		assert_int_equal(testutil_count_lines(r.out, r.out_len), 2);
		assert_non_null(strstr(r.out, "\"ready_on\":\"2026-05-21\""));
		testutil_run_free(&r);
		free(two);
	}
	/* no day anywhere: not a case */
	test_cli_expect_bad("no today", c, strlen(c), "today");
	/* a --today that is not a date */
	{
		struct testutil_run r;

		test_cli_run(c, strlen(c), NULL, &r, "--today", "2026-02-30", "check", "-");
		assert_int_equal(r.status, 2);
		assert_int_equal(r.out_len, 0);
		testutil_run_free(&r);
	}
	free(own);
	free(own_early);
}

/* `check FILE`: the message names the file. */
static void
test_cli_file_argument(void **state)
{
	char                path[4096];
	int                 fd = testutil_tmpfile(path, sizeof path);
	struct testutil_run r;
	char               *bad = test_cli_variant(test_cli_registration, "applicant.id_number", "5");

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, test_cli_registration, strlen(test_cli_registration)),
	    (ssize_t)strlen(test_cli_registration));
	close(fd);
	test_cli_run("", 0, NULL, &r, "check", path, NULL, NULL);
	assert_int_equal(r.status, 0);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 1);
	testutil_run_free(&r);

	fd = open(path, O_WRONLY | O_TRUNC);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, bad, strlen(bad)), (ssize_t)strlen(bad));
	close(fd);
	test_cli_run("", 0, NULL, &r, "check", path, NULL, NULL);
	assert_int_equal(r.status, 2);
	assert_int_equal(r.out_len, 0);
	assert_int_equal(testutil_count_lines(r.err, r.err_len), 1);
	/* "jzz: case.json: applicant.id_number: expected a string" */
	assert_non_null(strstr(r.err, path));
	assert_non_null(strstr(r.err, "applicant.id_number: expected a string"));
	testutil_run_free(&r);
	unlink(path);
	free(bad);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_good_base),
		cmocka_unit_test(test_cli_not_json),
		cmocka_unit_test(test_cli_invalid_utf8),
		cmocka_unit_test(test_cli_wrong_types),
		cmocka_unit_test(test_cli_unknown_codes),
		cmocka_unit_test(test_cli_impossible_dates),
		cmocka_unit_test(test_cli_missing_required),
		cmocka_unit_test(test_cli_huge_input),
		cmocka_unit_test(test_cli_error_text_is_safe),
		cmocka_unit_test(test_cli_jsonl_error_is_utf8),
		cmocka_unit_test(test_cli_jsonl),
		cmocka_unit_test(test_cli_today),
		cmocka_unit_test(test_cli_file_argument),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
