/*
 * test_address.c: the address object, delivery.address and agent.name of
 * case-format.md, through the library (casefmt_parse, address_check) and
 * through the real `jzz check` and `jzz submit`.
 *
 * Each bound is tried on both sides (a road of 40 characters and of 41, an
 * agent's name of 30 and of 31, a member missing, empty, of the wrong
 * type), and each bad case must exit 2 naming the member by its full path,
 * with nothing on stdout; an address never changes the decision.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/address.h"
#include "jzz/casefmt.h"
#include "testdb.h"
#include "testutil.h"

#define TEST_ADDR_OK "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"仙霞路\"," \
	"\"lane\":\"99\",\"number\":\"12\",\"room\":\"301\"}"

/* An accepted registration; %s is the housing.address member's JSON, then
 * the agent member's JSON, then the delivery member's. */
static const char test_addr_fmt[] =
    "{\"today\": \"2026-04-14\", \"business\": \"registration\","
    " \"applicant\": {\"id_number\": \"340104199207193170\", \"name\": \"陈静\","
    "  \"phone\": \"13912345678\"},"
    " \"agent\": %s,"
    " \"housing\": {\"tenure\": \"own\", \"address\": %s},"
    " \"documents\": [\"id_card\", \"registration_form\", \"property_certificate\","
    "  \"agent_id\", \"power_of_attorney\"],"
    " \"delivery\": %s}";

static char test_addr_buf[8192];

static const char *
test_addr_case(const char *address, const char *agent, const char *delivery)
{
	snprintf(test_addr_buf, sizeof test_addr_buf, test_addr_fmt, agent, address, delivery);
	return test_addr_buf;
}

/* `n` copies of a UTF-8 character. */
static char *
test_addr_repeat(const char *ch, int n)
{
	size_t l = strlen(ch);
	char  *s = malloc(l * (size_t)n + 1);

	assert_non_null(s);
	for (int i = 0; i < n; i++)
		memcpy(s + l * (size_t)i, ch, l);
	s[l * (size_t)n] = '\0';
	return s;
}

/* ---- the library ---- */

static int
test_addr_parse(const char *text, struct jzz_case *c, struct casefmt_error *err,
                enum casefmt_mode mode)
{
	return casefmt_parse(text, strlen(text), mode, JZZ_DATE_NONE, c, err);
}

static void
test_addr_lib_bad(const char *text, const char *field, const char *message)
{
	struct jzz_case      c;
	struct casefmt_error err;

	if (test_addr_parse(text, &c, &err, CASEFMT_CHECK) == 0)
		fail_msg("accepted: %.400s", text);
	if (strcmp(err.field, field) != 0)
		fail_msg("field \"%s\" (%s), expected %s", err.field, err.message, field);
	if (message != NULL && strstr(err.message, message) == NULL)
		fail_msg("message \"%s\", expected \"%s\"", err.message, message);
	/* the same in submit */
	if (test_addr_parse(text, &c, &err, CASEFMT_SUBMIT) == 0 || strcmp(err.field, field) != 0)
		fail_msg("submit mode: field \"%s\", expected %s", err.field, field);
}

static void
test_addr_lib_good(void **state)
{
	struct jzz_case      c;
	struct casefmt_error err;
	char                 text[ADDRESS_TEXT_MAX];

	(void)state;
	assert_int_equal(test_addr_parse(test_addr_case(TEST_ADDR_OK,
	    "{\"kind\":\"other\",\"id_number\":\"310104197001152467\",\"name\":\"李四\"}",
	    "{\"method\":\"post\",\"address\":\"上海市长宁区仙霞路99弄12号301室\"}"),
	    &c, &err, CASEFMT_CHECK), 0);
	assert_true(c.housing.has_address);
	assert_string_equal(c.housing.address.district, "310105");
	assert_string_equal(c.housing.address.street, "310105009");
	assert_string_equal(c.housing.address.road, "仙霞路");
	assert_string_equal(c.housing.address.lane, "99");
	assert_string_equal(c.housing.address.number, "12");
	assert_string_equal(c.housing.address.room, "301");
	assert_string_equal(c.agent.name, "李四");
	assert_string_equal(c.delivery.address, "上海市长宁区仙霞路99弄12号301室");
	address_format(&c.housing.address, text, sizeof text);
	assert_string_equal(text, "仙霞路99弄12号301室");

	/* lane and room optional; null counts as absent; an agent without a name */
	assert_int_equal(test_addr_parse(test_addr_case(
	    "{\"district\":\"310105\",\"street\":\"310105102\",\"road\":\"新泾村\",\"lane\":null,"
	    "\"number\":\"3号\"}", "{\"kind\":\"other\",\"id_number\":\"310104197001152467\"}",
	    "null"), &c, &err, CASEFMT_CHECK), 0);
	assert_true(c.housing.has_address);
	assert_string_equal(c.housing.address.lane, "");
	assert_string_equal(c.agent.name, "");
	address_format(&c.housing.address, text, sizeof text);
	assert_string_equal(text, "新泾村3号");   /* 号 not written twice */
	assert_int_equal(test_addr_parse(test_addr_case("null", "null", "null"), &c, &err,
	    CASEFMT_CHECK), 0);
	assert_false(c.housing.has_address);
}

static void
test_addr_lib_members(void **state)
{
	static const struct { const char *addr, *field, *msg; } bad[] = {
		{ "\"仙霞路\"", "housing.address", "address object" },
		{ "[]", "housing.address", "address object" },
		{ "{\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.district", "6-digit" },
		{ "{\"district\":310105,\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.district", "expected a string" },
		{ "{\"district\":\"31010\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.district", "6-digit" },
		{ "{\"district\":\"3101055\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.district", "6-digit" },
		{ "{\"district\":\"31010a\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.district", "6-digit" },
		{ "{\"district\":\"310105\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.street", "9-digit" },
		{ "{\"district\":\"310105\",\"street\":\"31010500\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.street", "9-digit" },
		{ "{\"district\":\"310105\",\"street\":\"3101050099\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.street", "9-digit" },
		{ "{\"district\":\"310105\",\"street\":\"310104009\",\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.street", "not inside" },
		{ "{\"district\":\"310105\",\"street\":true,\"road\":\"r\",\"number\":\"1\"}",
		  "housing.address.street", "expected a string" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"number\":\"1\"}",
		  "housing.address.road", "required" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"\",\"number\":\"1\"}",
		  "housing.address.road", "required" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"　 \",\"number\":\"1\"}",
		  "housing.address.road", "required" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":[\"r\"],\"number\":\"1\"}",
		  "housing.address.road", "expected a string" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\"}",
		  "housing.address.number", "required" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"\"}",
		  "housing.address.number", "required" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\",\"number\":12}",
		  "housing.address.number", "expected a string" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\","
		  "\"lane\":99}", "housing.address.lane", "expected a string" },
		{ "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\",\"number\":\"1\","
		  "\"room\":false}", "housing.address.room", "expected a string" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		test_addr_lib_bad(test_addr_case(bad[i].addr, "null", "null"), bad[i].field,
		    bad[i].msg);
}

/* A road (or agent's name) of exactly the bound passes; one more fails. */
static void
test_addr_lib_bounds(void **state)
{
	struct jzz_case      c;
	struct casefmt_error err;
	char                 addr[1024], agent[512];
	const char          *chars[] = { "路", "r", "\xF0\x9F\x8F\xA0" /* 4 bytes */ };

	(void)state;
	for (size_t k = 0; k < sizeof chars / sizeof chars[0]; k++) {
		char *r40 = test_addr_repeat(chars[k], ADDRESS_ROAD_CHARS);
		char *r41 = test_addr_repeat(chars[k], ADDRESS_ROAD_CHARS + 1);
		char *n30 = test_addr_repeat(chars[k], CASE_NAME_CHARS);
		char *n31 = test_addr_repeat(chars[k], CASE_NAME_CHARS + 1);

		snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
		    "\"road\":\"%s\",\"number\":\"%s\"}", r40, r40);
		assert_int_equal(test_addr_parse(test_addr_case(addr, "null", "null"), &c, &err,
		    CASEFMT_CHECK), 0);
		assert_string_equal(c.housing.address.road, r40);
		snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
		    "\"road\":\"%s\",\"number\":\"1\"}", r41);
		test_addr_lib_bad(test_addr_case(addr, "null", "null"), "housing.address.road",
		    "1 to 40");
		snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
		    "\"road\":\"r\",\"number\":\"%s\"}", r41);
		test_addr_lib_bad(test_addr_case(addr, "null", "null"), "housing.address.number",
		    "1 to 40");
		snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
		    "\"road\":\"r\",\"number\":\"1\",\"room\":\"%s\"}", r41);
		test_addr_lib_bad(test_addr_case(addr, "null", "null"), "housing.address.room",
		    "at most 40");

		snprintf(agent, sizeof agent, "{\"kind\":\"other\",\"id_number\":"
		    "\"310104197001152467\",\"name\":\"%s\"}", n30);
		assert_int_equal(test_addr_parse(test_addr_case("null", agent, "null"), &c, &err,
		    CASEFMT_CHECK), 0);
		assert_string_equal(c.agent.name, n30);
		snprintf(agent, sizeof agent, "{\"kind\":\"other\",\"id_number\":"
		    "\"310104197001152467\",\"name\":\"%s\"}", n31);
		test_addr_lib_bad(test_addr_case("null", agent, "null"), "agent.name", "1 to 30");
		free(r40);
		free(r41);
		free(n30);
		free(n31);
	}
	test_addr_lib_bad(test_addr_case("null", "{\"kind\":\"other\",\"id_number\":"
	    "\"310104197001152467\",\"name\":\"\"}", "null"), "agent.name", "1 to 30");
	test_addr_lib_bad(test_addr_case("null", "{\"kind\":\"other\",\"id_number\":"
	    "\"310104197001152467\",\"name\":7}", "null"), "agent.name", "expected a string");
	test_addr_lib_bad(test_addr_case("null", "null", "{\"method\":\"post\",\"address\":5}"),
	    "delivery.address", "expected a string");
}

/* change.address: parsed for an info_change, with the same checks. */
static void
test_addr_lib_change(void **state)
{
	static const char fmt[] =
	    "{\"today\":\"2026-04-14\",\"business\":\"info_change\",\"applicant\":"
	    "{\"id_number\":\"340104199207193170\",\"name\":\"陈静\"},\"housing\":{\"tenure\":\"rent\"},"
	    "\"change\":{\"field\":\"address\",\"changed_on\":\"2026-04-10\",\"new_value\":null,"
	    "\"address\":%s}}";
	char                 text[1024];
	struct jzz_case      c;
	struct casefmt_error err;

	(void)state;
	snprintf(text, sizeof text, fmt, TEST_ADDR_OK);
	assert_int_equal(test_addr_parse(text, &c, &err, CASEFMT_SUBMIT), 0);
	assert_true(c.change.has_address);
	assert_string_equal(c.change.address.road, "仙霞路");
	snprintf(text, sizeof text, fmt,
	    "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"仙霞路\",\"number\":\"\"}");
	test_addr_lib_bad(text, "change.address.number", "required");
	snprintf(text, sizeof text, fmt, "\"仙霞路12号\"");
	test_addr_lib_bad(text, "change.address", "address object");
}

/* ---- the binary ---- */

static void
test_addr_run(const char *input, struct testutil_run *r, char **argv)
{
	if (!testutil_run(JZZ_BIN, argv, input, strlen(input), NULL, r))
		fail_msg("cannot run %s", JZZ_BIN);
	if (!r->exited)
		fail_msg("jzz was killed by signal %d; stderr: %.500s", r->signal, r->err);
}

static void
test_addr_expect_bad(char **argv, const char *input, const char *field)
{
	struct testutil_run r;
	char                want[128];

	test_addr_run(input, &r, argv);
	snprintf(want, sizeof want, "%s: ", field);
	if (r.status != 2 || r.out_len != 0 || testutil_count_lines(r.err, r.err_len) != 1 ||
	    strstr(r.err, want) == NULL)
		fail_msg("%s: status %d, stdout %.200s, stderr %.300s (expected 2 naming %s)",
		    input, r.status, r.out, r.err, field);
	testutil_run_free(&r);
}

static void
test_addr_bin_cases(char **argv)
{
	char *r40 = test_addr_repeat("路", 40), *r41 = test_addr_repeat("路", 41);
	char *n30 = test_addr_repeat("名", 30), *n31 = test_addr_repeat("名", 31);
	char  addr[1024], agent[512];
	struct testutil_run r;

	snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
	    "\"road\":\"%s\",\"number\":\"1\"}", r41);
	test_addr_expect_bad(argv, test_addr_case(addr, "null", "null"), "housing.address.road");
	test_addr_expect_bad(argv, test_addr_case(
	    "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\"}", "null", "null"),
	    "housing.address.number");
	test_addr_expect_bad(argv, test_addr_case(
	    "{\"district\":\"310105\",\"street\":\"310104009\",\"road\":\"r\",\"number\":\"1\"}",
	    "null", "null"), "housing.address.street");
	test_addr_expect_bad(argv, test_addr_case(
	    "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"r\",\"number\":1}",
	    "null", "null"), "housing.address.number");
	test_addr_expect_bad(argv, test_addr_case("\"仙霞路\"", "null", "null"), "housing.address");
	snprintf(agent, sizeof agent, "{\"kind\":\"other\",\"id_number\":\"310104197001152467\","
	    "\"name\":\"%s\"}", n31);
	test_addr_expect_bad(argv, test_addr_case("null", agent, "null"), "agent.name");
	test_addr_expect_bad(argv, test_addr_case("null", "null",
	    "{\"method\":\"post\",\"address\":[]}"), "delivery.address");

	/* the good side of each bound, and an address changes no decision */
	snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
	    "\"road\":\"%s\",\"number\":\"%s\"}", r40, r40);
	snprintf(agent, sizeof agent, "{\"kind\":\"other\",\"id_number\":\"310104197001152467\","
	    "\"name\":\"%s\"}", n30);
	test_addr_run(test_addr_case(addr, agent, "{\"method\":\"pickup\"}"), &r, argv);
	/* (an agent for an adult is refused by AGENT-3: a decision all the same) */
	if (r.status != 0 || strstr(r.out, "\"decision\":\"refuse\"") == NULL)
		fail_msg("%s: status %d, %.300s %.300s", argv[1], r.status, r.out, r.err);
	testutil_run_free(&r);
	free(r40);
	free(r41);
	free(n30);
	free(n31);
}

static void
test_addr_bin_check(void **state)
{
	char *argv[] = { (char *)JZZ_BIN, (char *)"check", (char *)"-", NULL };
	struct testutil_run with, without;

	(void)state;
	test_addr_bin_cases(argv);
	/* the same decision with and without an address */
	test_addr_run(test_addr_case(TEST_ADDR_OK, "null", "null"), &with, argv);
	test_addr_run(test_addr_case("null", "null", "null"), &without, argv);
	assert_int_equal(with.status, 0);
	assert_int_equal(without.status, 0);
	assert_string_equal(with.out, without.out);
	testutil_run_free(&with);
	testutil_run_free(&without);
}

/* `jzz submit` on a new database: the same bad cases exit 2 before the
 * database is touched, the good one is recorded. */
static void
test_addr_bin_submit(void **state)
{
	char  dir[] = "/tmp/jzz-test-address-XXXXXX", db[512];
	struct testutil_run r;

	(void)state;
	assert_non_null(mkdtemp(dir));
	testdb_make(db, sizeof db, dir, "jzz.db");
	{
		char *init[] = { (char *)JZZ_BIN, (char *)"--db", db, (char *)"init",
			(char *)"--rehearsal", (char *)"--centre", (char *)"310105009", NULL };

		test_addr_run("", &r, init);
		if (r.status != 0)
			fail_msg("init: %d %.300s", r.status, r.err);
		testutil_run_free(&r);
	}
	{
		char *argv[] = { (char *)JZZ_BIN, (char *)"--db", db, (char *)"--today",
			(char *)"2026-04-14", (char *)"submit", (char *)"-", NULL };

		test_addr_bin_cases(argv);
		/* a street the database does not know (not one of the centres) */
		test_addr_expect_bad(argv, test_addr_case("{\"district\":\"310105\","
		    "\"street\":\"310105099\",\"road\":\"r\",\"number\":\"1\"}", "null", "null"),
		    "housing.address.street");
	}
	testdb_drop();
	snprintf(db, sizeof db, "rm -rf '%s'", dir);
	assert_int_equal(system(db), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_lib_good),
		cmocka_unit_test(test_addr_lib_members),
		cmocka_unit_test(test_addr_lib_bounds),
		cmocka_unit_test(test_addr_lib_change),
		cmocka_unit_test(test_addr_bin_check),
		cmocka_unit_test(test_addr_bin_submit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
