/*
 * test_idnum.c: rule ID-3's number check, GB 11643-1999 (src/core/idnum.c).
 *
 * Why it exists: every case starts with the applicant's number, and its birth
 * date gives the age that picks AGENT-1/2/3 and PERMIT-4. RULES.md ID-3 asks
 * for the ISO 7064 MOD 11-2 check character, a real birth date not in the
 * future, a mainland province code, normalisation of `x` and full-width
 * characters, and refusal of 15-digit numbers, each with its exact reason.
 * Valid numbers are built here with the check character computed by the
 * test's own copy of the algorithm (testutil.h), never hard-coded.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/idnum.h"
#include "testutil.h"

#define TODAY testutil_date(2026, 4, 28)

static enum idnum_error
test_idnum_parse(const char *s, struct idnum *out)
{
	return idnum_parse(s, strlen(s), TODAY, out);
}

/* Writes the number in UTF-8 full-width characters: ０-９ (U+FF10..19) and Ｘ
 * (U+FF38), or ｘ (U+FF58) when lower_x. out holds 18 * 3 + 1 bytes. */
static void
test_idnum_fullwidth(const char *ascii, bool lower_x, char *out)
{
	size_t n = 0;

	for (const char *p = ascii; *p != '\0'; p++) {
		out[n++] = (char)0xEF;
		if (*p == 'X' && lower_x) {
			out[n++] = (char)0xBD;
			out[n++] = (char)0x98;
		} else if (*p == 'X') {
			out[n++] = (char)0xBC;
			out[n++] = (char)0xB8;
		} else {
			out[n++] = (char)0xBC;
			out[n++] = (char)(0x90 + (*p - '0'));
		}
	}
	out[n] = '\0';
}

/* A valid number whose check character is X (found by trying sequences). */
static void
test_idnum_make_x(char out[19])
{
	char seq[4];

	for (int s = 100; s < 1000; s++) {
		snprintf(seq, sizeof seq, "%03d", s);
		testutil_make_id(out, "310105", 1988, 11, 2, seq);
		if (out[17] == 'X')
			return;
	}
	fail_msg("no sequence gives the check character X");
}

static void
test_idnum_valid(void **state)
{
	char         id[19];
	struct idnum n;

	(void)state;
	testutil_make_id(id, "110105", 1990, 3, 7, "123");
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_OK);
	assert_string_equal(n.number, id);
	assert_int_equal(n.birth, testutil_date(1990, 3, 7));
	assert_int_equal(n.province, 11);
	assert_int_equal(n.sex, 1);          /* 3: odd, a man */
	assert_int_equal(n.expected_check, id[17]);

	testutil_make_id(id, "650102", 2000, 2, 29, "124");
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_OK);
	assert_int_equal(n.birth, testutil_date(2000, 2, 29));
	assert_int_equal(n.province, 65);
	assert_int_equal(n.sex, 2);          /* 4: even, a woman */

	/* the numbers of the policy's samples and of case-format.md */
	assert_int_equal(testutil_check_char("34010419920719317"), '0');
	assert_int_equal(test_idnum_parse("340104199207193170", &n), IDNUM_OK);
	assert_int_equal(n.birth, testutil_date(1992, 7, 19));
	if (testutil_check_char("11010519900307123") == '9')
		assert_int_equal(test_idnum_parse("110105199003071239", &n), IDNUM_OK);

	/* born on the day of the application: not in the future */
	testutil_make_id(id, "310104", 2026, 4, 28, "001");
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_OK);
	assert_int_equal(n.birth, TODAY);

	/* len is honoured: bytes after it are not read */
	testutil_make_id(id, "110105", 1990, 3, 7, "123");
	{
		char longer[40];

		snprintf(longer, sizeof longer, "%s%s", id, "trailing");
		assert_int_equal(idnum_parse(longer, 18, TODAY, &n), IDNUM_OK);
		assert_string_equal(n.number, id);
	}
}

/* Every mainland province code is accepted. */
static void
test_idnum_all_provinces(void **state)
{
	static const int codes[] = { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37,
		41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65 };
	int accepted = 0;

	(void)state;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		char         addr[7], id[19];
		struct idnum n;

		snprintf(addr, sizeof addr, "%02d0101", codes[i]);
		testutil_make_id(id, addr, 1985, 6, 15, "321");
		assert_int_equal(test_idnum_parse(id, &n), IDNUM_OK);
		assert_int_equal(n.province, codes[i]);
	}
	for (int c = 0; c < 100; c++)
		if (idnum_province_valid(c))
			accepted++;
	assert_int_equal(accepted, (int)(sizeof codes / sizeof codes[0]));
}

static void
test_idnum_unknown_province(void **state)
{
	/* Taiwan 71, Hong Kong 81, Macao 82, and codes no province has */
	static const int codes[] = { 71, 81, 82, 83, 91, 99, 10, 0, 16, 20, 24, 30, 38, 40, 47,
		49, 55, 60, 66, 70, 90 };

	(void)state;
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
		char         addr[7], id[19];
		struct idnum n;

		assert_false(idnum_province_valid(codes[i]));
		snprintf(addr, sizeof addr, "%02d0101", codes[i]);
		testutil_make_id(id, addr, 1985, 6, 15, "321");
		assert_int_equal(test_idnum_parse(id, &n), IDNUM_PROVINCE);
		assert_int_equal(n.province, codes[i]);
	}
}

static void
test_idnum_wrong_check(void **state)
{
	char         id[19];
	struct idnum n;

	(void)state;
	/* every wrong check character is caught, and the birth date is still read */
	testutil_make_id(id, "310115", 1979, 12, 31, "456");
	for (const char *c = "0123456789X"; *c != '\0'; c++) {
		char want = id[17];

		if (*c == want)
			continue;
		id[17] = *c;
		assert_int_equal(test_idnum_parse(id, &n), IDNUM_CHECK);
		assert_int_equal(n.birth, testutil_date(1979, 12, 31));
		assert_int_equal(n.expected_check, want);
		assert_int_equal(n.province, 31);
		id[17] = want;
	}
	testutil_make_bad_check_id(id, "110105", 2010, 4, 29);
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_CHECK);
	assert_int_equal(n.birth, testutil_date(2010, 4, 29));
}

static void
test_idnum_check_char_matches(void **state)
{
	unsigned seed = 12345;

	(void)state;
	for (int i = 0; i < 5000; i++) {
		char d[18];

		for (int k = 0; k < 17; k++) {
			seed = seed * 1103515245u + 12345u;
			d[k] = (char)('0' + (seed >> 16) % 10);
		}
		d[17] = '\0';
		assert_int_equal(idnum_check_char(d), testutil_check_char(d));
	}
}

static void
test_idnum_impossible_birth(void **state)
{
	static const int dates[][3] = {
		{ 1990, 2, 30 }, { 1900, 2, 29 }, { 2026, 2, 29 }, { 1990, 13, 1 }, { 1990, 0, 10 },
		{ 1990, 4, 31 }, { 1990, 1, 0 }, { 1990, 1, 32 }, { 0, 1, 1 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++) {
		char         id[19];
		struct idnum n;

		testutil_make_id(id, "110105", dates[i][0], dates[i][1], dates[i][2], "123");
		assert_int_equal(test_idnum_parse(id, &n), IDNUM_BIRTH_DATE);
		assert_int_equal(n.birth, JZZ_DATE_NONE);
	}
}

static void
test_idnum_future_birth(void **state)
{
	char         id[19];
	struct idnum n;

	(void)state;
	testutil_make_id(id, "110105", 2026, 4, 29, "123");
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_BIRTH_FUTURE);
	assert_int_equal(n.birth, JZZ_DATE_NONE);
	testutil_make_id(id, "110105", 2099, 1, 1, "123");
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_BIRTH_FUTURE);
	/* the same number is fine on a later day */
	testutil_make_id(id, "110105", 2026, 4, 29, "123");
	assert_int_equal(idnum_parse(id, 18, testutil_date(2026, 4, 29), &n), IDNUM_OK);
}

static void
test_idnum_legacy15(void **state)
{
	char         fw[15 * 3 + 1];
	struct idnum n;

	(void)state;
	assert_int_equal(test_idnum_parse("110105900307123", &n), IDNUM_LEGACY15);
	assert_int_equal(test_idnum_parse("340104920719317", &n), IDNUM_LEGACY15);
	test_idnum_fullwidth("110105900307123", false, fw);
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_LEGACY15);
	/* fifteen characters that are not all digits are just the wrong length */
	assert_int_equal(test_idnum_parse("11010590030712X", &n), IDNUM_LENGTH);
}

static void
test_idnum_lower_x(void **state)
{
	char         id[19], lower[19];
	struct idnum n;

	(void)state;
	test_idnum_make_x(id);
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_OK);
	memcpy(lower, id, 19);
	lower[17] = 'x';
	assert_int_equal(test_idnum_parse(lower, &n), IDNUM_OK);
	assert_string_equal(n.number, id); /* upper-case X after normalising */
	assert_int_equal(n.birth, testutil_date(1988, 11, 2));
}

static void
test_idnum_fullwidth_digits(void **state)
{
	char         id[19], fw[18 * 3 + 1], mixed[64];
	struct idnum n;

	(void)state;
	testutil_make_id(id, "440305", 1995, 8, 8, "246");
	test_idnum_fullwidth(id, false, fw);
	assert_int_equal(strlen(fw), 54u);
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_OK);
	assert_string_equal(n.number, id);
	assert_int_equal(n.birth, testutil_date(1995, 8, 8));

	/* full-width Ｘ and ｘ */
	test_idnum_make_x(id);
	test_idnum_fullwidth(id, false, fw);
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_OK);
	assert_string_equal(n.number, id);
	test_idnum_fullwidth(id, true, fw);
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_OK);
	assert_string_equal(n.number, id);

	/* ASCII digits with a full-width Ｘ, and full-width digits with a plain x */
	snprintf(mixed, sizeof mixed, "%.17s\xEF\xBC\xB8", id);
	assert_int_equal(test_idnum_parse(mixed, &n), IDNUM_OK);
	assert_string_equal(n.number, id);
	test_idnum_fullwidth(id, false, fw);
	fw[17 * 3] = 'x';
	fw[17 * 3 + 1] = '\0';
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_OK);
	assert_string_equal(n.number, id);

	/* a full-width number with a wrong check character is still wrong */
	testutil_make_bad_check_id(id, "440305", 1995, 8, 8);
	test_idnum_fullwidth(id, false, fw);
	assert_int_equal(test_idnum_parse(fw, &n), IDNUM_CHECK);
	assert_int_equal(n.birth, testutil_date(1995, 8, 8));
}

static void
test_idnum_wrong_length(void **state)
{
	char         id[19], buf[128];
	struct idnum n;

	(void)state;
	testutil_make_id(id, "110105", 1990, 3, 7, "123");
	assert_int_equal(idnum_parse(id, 17, TODAY, &n), IDNUM_LENGTH);
	assert_int_equal(idnum_parse(id, 16, TODAY, &n), IDNUM_LENGTH);
	assert_int_equal(idnum_parse(id, 1, TODAY, &n), IDNUM_LENGTH);
	snprintf(buf, sizeof buf, "%s0", id);
	assert_int_equal(test_idnum_parse(buf, &n), IDNUM_LENGTH);
	memset(buf, '1', sizeof buf - 1);
	buf[sizeof buf - 1] = '\0';
	assert_int_equal(test_idnum_parse(buf, &n), IDNUM_LENGTH);
	assert_string_equal(n.number, "");
	assert_int_equal(n.birth, JZZ_DATE_NONE);
	assert_int_equal(test_idnum_parse("", &n), IDNUM_EMPTY);
	assert_int_equal(idnum_parse(NULL, 0, TODAY, &n), IDNUM_EMPTY);
	/* a cut full-width character at the end does not read past the text */
	snprintf(buf, sizeof buf, "%.17s\xEF\xBC", id);
	assert_int_not_equal(test_idnum_parse(buf, &n), IDNUM_OK);
}

static void
test_idnum_letters(void **state)
{
	static const char *const bad[] = {
		"11010519900307123A", "1101051990030712X3", "X10105199003071239",
		"11010519900307 239", "110105-19900307-12", "11010519900307123Y",
		"ABCDEFGHIJKLMNOPQR", "11010519900307123*",
	};
	struct idnum n;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum idnum_error e = test_idnum_parse(bad[i], &n);

		if (e != IDNUM_CHARS)
			fail_msg("\"%s\": error %d, expected IDNUM_CHARS", bad[i], (int)e);
	}
	/* eighteen bytes that are six Chinese characters are not 18 characters */
	assert_int_not_equal(test_idnum_parse("一二三四五六", &n), IDNUM_OK);
}

/* The first failure in the check order is reported. */
static void
test_idnum_error_order(void **state)
{
	char         id[19];
	struct idnum n;

	(void)state;
	testutil_make_bad_check_id(id, "810101", 1990, 3, 7);
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_PROVINCE);
	testutil_make_id(id, "110105", 1990, 2, 30, "123");
	id[17] = id[17] == '1' ? '2' : '1';
	assert_int_equal(test_idnum_parse(id, &n), IDNUM_BIRTH_DATE);
}

static void
test_idnum_mask(void **state)
{
	char out[19];

	(void)state;
	idnum_mask("110105199003071239", out);
	assert_string_equal(out, "110105********1239");
	idnum_mask("31010519881102123X", out);
	assert_string_equal(out, "310105********123X");
	assert_int_equal(strlen(out), 18u);
	/* what was hidden is not in the result */
	assert_null(strstr(out, "19881102"));
	/* anything else keeps only its ends, or nothing when short */
	assert_string_equal(idnum_mask("110105900307123", out), "1101****7123");
	assert_string_equal(idnum_mask("11010519900307123", out), "1101****7123");
	assert_string_equal(idnum_mask("1101059003", out), "****");
	assert_string_equal(idnum_mask("", out), "");
}

static void
test_idnum_error_texts(void **state)
{
	(void)state;
	for (int e = 0; e < IDNUM__COUNT; e++) {
		const char *zh = idnum_error_zh((enum idnum_error)e);
		const char *en = idnum_error_en((enum idnum_error)e);

		assert_non_null(zh);
		assert_non_null(en);
		assert_true(strlen(zh) > 0);
		assert_true(strlen(en) > 0);
		for (int f = 0; f < e; f++) {
			assert_string_not_equal(zh, idnum_error_zh((enum idnum_error)f));
			assert_string_not_equal(en, idnum_error_en((enum idnum_error)f));
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_idnum_valid),
		cmocka_unit_test(test_idnum_all_provinces),
		cmocka_unit_test(test_idnum_unknown_province),
		cmocka_unit_test(test_idnum_wrong_check),
		cmocka_unit_test(test_idnum_check_char_matches),
		cmocka_unit_test(test_idnum_impossible_birth),
		cmocka_unit_test(test_idnum_future_birth),
		cmocka_unit_test(test_idnum_legacy15),
		cmocka_unit_test(test_idnum_lower_x),
		cmocka_unit_test(test_idnum_fullwidth_digits),
		cmocka_unit_test(test_idnum_wrong_length),
		cmocka_unit_test(test_idnum_letters),
		cmocka_unit_test(test_idnum_error_order),
		cmocka_unit_test(test_idnum_mask),
		cmocka_unit_test(test_idnum_error_texts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
