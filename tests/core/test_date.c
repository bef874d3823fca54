/*
 * test_date.c: the civil-date arithmetic every deadline of the policy is
 * computed with (src/core/date.c).
 *
 * Why it exists: REG-2, REG-3, ENDO-2/3, CHANGE-1, PERMIT-9 and the age
 * rules are all date sums; RULES.md fixes how months and years are added
 * (same day, or the month's last day: 2026-08-31 + 6 months = 2027-02-28),
 * what "N years - 1 day" means (2024-02-29 -> 2025-02-27) and when an age is
 * reached (on the anniversary; a 29 February birth on 28 February in a common
 * year). A mistake here moves every deadline, so each rule is pinned here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/date.h"

static jzz_date
test_date_d(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* Parses a NUL-terminated string. */
static bool
test_date_parse(const char *s, jzz_date *out)
{
	return date_parse(s, strlen(s), out);
}

static void
test_date_assert_ymd(jzz_date day, int y, int m, int d)
{
	int yy, mm, dd;

	date_to_ymd(day, &yy, &mm, &dd);
	assert_int_equal(yy, y);
	assert_int_equal(mm, m);
	assert_int_equal(dd, d);
}

static void
test_date_assert_str(jzz_date day, const char *want)
{
	char buf[JZZ_DATE_STRLEN];

	date_format(day, buf);
	assert_string_equal(buf, want);
}

static void
test_date_epoch(void **state)
{
	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(1970, 1, 2), 1);
	assert_int_equal(date_from_ymd(1969, 12, 31), -1);
	assert_int_equal(date_from_ymd(2000, 3, 1) - date_from_ymd(2000, 2, 28), 2);
	assert_int_equal(date_from_ymd(1900, 3, 1) - date_from_ymd(1900, 2, 28), 1);
	/* 2026-04-28 is day 20571 (checked with `date -d 2026-04-28 +%s` / 86400). */
	assert_int_equal(date_from_ymd(2026, 4, 28), 20571);
}

static void
test_date_leap(void **state)
{
	(void)state;
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(2000));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(2100));
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2026, 2), 28);
	assert_int_equal(date_days_in_month(2026, 4), 30);
	assert_int_equal(date_days_in_month(2026, 12), 31);
	assert_int_equal(date_days_in_month(2026, 0), 0);
	assert_int_equal(date_days_in_month(2026, 13), 0);
}

static void
test_date_valid_ymd(void **state)
{
	(void)state;
	assert_true(date_valid_ymd(2024, 2, 29));
	assert_false(date_valid_ymd(2026, 2, 29));
	assert_false(date_valid_ymd(2026, 4, 31));
	assert_false(date_valid_ymd(2026, 0, 1));
	assert_false(date_valid_ymd(2026, 13, 1));
	assert_false(date_valid_ymd(2026, 1, 0));
	assert_false(date_valid_ymd(2026, 1, 32));
	assert_false(date_valid_ymd(0, 1, 1));
	assert_false(date_valid_ymd(10000, 1, 1));
	assert_true(date_valid_ymd(1, 1, 1));
	assert_true(date_valid_ymd(9999, 12, 31));
}

static void
test_date_parse_real(void **state)
{
	jzz_date d = 12345;

	(void)state;
	assert_true(test_date_parse("2024-02-29", &d));
	test_date_assert_ymd(d, 2024, 2, 29);
	assert_true(test_date_parse("2026-04-28", &d));
	assert_int_equal(d, test_date_d(2026, 4, 28));
	assert_true(test_date_parse("2026-12-31", &d));
	test_date_assert_ymd(d, 2026, 12, 31);
	assert_true(test_date_parse("2000-02-29", &d));
	assert_true(test_date_parse("0001-01-01", &d));
	test_date_assert_ymd(d, 1, 1, 1);
	assert_true(test_date_parse("9999-12-31", &d));
	test_date_assert_ymd(d, 9999, 12, 31);
	/* len is honoured: text after the date that len excludes is not read. */
	assert_true(date_parse("2026-01-05T00:00", 10, &d));
	test_date_assert_ymd(d, 2026, 1, 5);
}

static void
test_date_parse_impossible(void **state)
{
	static const char *const bad[] = {
		"2026-02-29", "2100-02-29", "1900-02-29", "2026-04-31", "2026-06-31",
		"2026-13-01", "2026-00-10", "2026-01-00", "2026-01-32", "0000-01-01",
	};
	jzz_date d = 777;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(test_date_parse(bad[i], &d));
		assert_int_equal(d, 777); /* untouched */
	}
}

static void
test_date_parse_bad_format(void **state)
{
	static const char *const bad[] = {
		"", "2026", "2026-4-28", "2026-04-8", "26-04-28", "2026/04/28", "2026.04.28",
		"20260428", "2026-04-28 ", " 2026-04-28", "2026-04-28T00:00:00", "2026-04-2x",
		"abcd-ef-gh", "2026--4-28", "+026-04-28", "-026-04-28", "2026-0a-28",
		"２０２６-04-28", "2026-04-28\n",
	};
	jzz_date d = 777;

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (test_date_parse(bad[i], &d))
			fail_msg("date_parse accepted \"%s\"", bad[i]);
	}
	assert_int_equal(d, 777);
	assert_false(date_parse(NULL, 0, &d));
	/* An embedded NUL is not a date either. */
	assert_false(date_parse("2026-04\0" "28", 10, &d));
	/* A shorter len than the text: not 10 characters. */
	assert_false(date_parse("2026-04-28", 9, &d));
}

static void
test_date_format(void **state)
{
	(void)state;
	test_date_assert_str(test_date_d(2026, 4, 28), "2026-04-28");
	test_date_assert_str(test_date_d(2024, 2, 29), "2024-02-29");
	test_date_assert_str(test_date_d(1970, 1, 1), "1970-01-01");
	test_date_assert_str(test_date_d(1, 1, 1), "0001-01-01");
	test_date_assert_str(test_date_d(9999, 12, 31), "9999-12-31");
	test_date_assert_str(test_date_d(1961, 10, 9), "1961-10-09");
}

/* date_text: the same, and "" for a date not set. */
static void
test_date_text(void **state)
{
	char buf[JZZ_DATE_STRLEN];

	(void)state;
	assert_string_equal(date_text(test_date_d(2026, 4, 28), buf), "2026-04-28");
	assert_string_equal(date_text(JZZ_DATE_NONE, buf), "");
	assert_ptr_equal(date_text(JZZ_DATE_NONE, buf), buf);
}

/* Every day from 1900 to 2100 goes to text and back unchanged. */
static void
test_date_roundtrip(void **state)
{
	jzz_date from = test_date_d(1900, 1, 1), to = test_date_d(2100, 12, 31);
	int      y0, m0, d0;

	(void)state;
	date_to_ymd(from - 1, &y0, &m0, &d0);
	for (jzz_date day = from; day <= to; day++) {
		char     buf[JZZ_DATE_STRLEN];
		jzz_date back = 0;
		int      y, m, d;

		date_to_ymd(day, &y, &m, &d);
		assert_true(date_valid_ymd(y, m, d));
		/* consecutive: the next day of the previous one */
		if (d != 1)
			assert_true(y == y0 && m == m0 && d == d0 + 1);
		else
			assert_true(d0 == date_days_in_month(y0, m0));
		assert_int_equal(date_from_ymd(y, m, d), day);
		assert_int_equal(date_year(day), y);
		date_format(day, buf);
		assert_true(date_parse(buf, strlen(buf), &back));
		assert_int_equal(back, day);
		y0 = y;
		m0 = m;
		d0 = d;
	}
}

static void
test_date_weekday(void **state)
{
	(void)state;
	assert_int_equal(date_weekday(test_date_d(1970, 1, 1)), 4);   /* Thursday */
	assert_int_equal(date_weekday(test_date_d(1969, 12, 29)), 1); /* Monday */
	assert_int_equal(date_weekday(test_date_d(2026, 4, 28)), 2);  /* Tuesday */
	assert_int_equal(date_weekday(test_date_d(2026, 5, 9)), 6);   /* Saturday (调休) */
	assert_int_equal(date_weekday(test_date_d(2026, 5, 10)), 7);  /* Sunday */
	assert_int_equal(date_weekday(test_date_d(2026, 5, 11)), 1);  /* Monday */
	assert_int_equal(date_weekday(test_date_d(2024, 2, 29)), 4);  /* Thursday */
	assert_int_equal(date_weekday(test_date_d(2000, 1, 1)), 6);   /* Saturday */
	assert_int_equal(date_weekday(test_date_d(1900, 1, 1)), 1);   /* Monday */
	assert_int_equal(date_weekday(test_date_d(2027, 1, 1)), 5);   /* Friday */
	/* seven days apart, same weekday; consecutive days cycle 1..7 */
	for (jzz_date d = test_date_d(1960, 1, 1); d < test_date_d(1961, 1, 1); d++) {
		assert_int_equal(date_weekday(d), date_weekday(d + 7));
		assert_int_equal(date_weekday(d + 1), date_weekday(d) % 7 + 1);
	}
}

static void
test_date_add_months(void **state)
{
	(void)state;
	/* RULES.md: 2026-08-31 + 6 months = 2027-02-28 (Civil Code art. 202) */
	test_date_assert_str(date_add_months(test_date_d(2026, 8, 31), 6), "2027-02-28");
	test_date_assert_str(date_add_months(test_date_d(2023, 8, 31), 6), "2024-02-29");
	test_date_assert_str(date_add_months(test_date_d(2026, 8, 30), 6), "2027-02-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 8, 28), 6), "2027-02-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 8, 27), 6), "2027-02-27");
	/* REG-3 samples */
	test_date_assert_str(date_add_months(test_date_d(2026, 5, 27), 6), "2026-11-27");
	test_date_assert_str(date_add_months(test_date_d(2026, 1, 31), 6), "2026-07-31");
	test_date_assert_str(date_add_months(test_date_d(2025, 12, 31), 6), "2026-06-30");
	test_date_assert_str(date_add_months(test_date_d(2026, 3, 31), 1), "2026-04-30");
	test_date_assert_str(date_add_months(test_date_d(2026, 1, 31), 1), "2026-02-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 12, 15), 1), "2027-01-15");
	test_date_assert_str(date_add_months(test_date_d(2026, 7, 15), 6), "2027-01-15");
	test_date_assert_str(date_add_months(test_date_d(2026, 4, 28), 0), "2026-04-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 4, 28), 12), "2027-04-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 4, 28), 120), "2036-04-28");
	/* backwards, the same clamp */
	test_date_assert_str(date_add_months(test_date_d(2026, 3, 31), -1), "2026-02-28");
	test_date_assert_str(date_add_months(test_date_d(2026, 1, 15), -1), "2025-12-15");
	test_date_assert_str(date_add_months(test_date_d(2026, 8, 31), -6), "2026-02-28");
}

static void
test_date_add_years(void **state)
{
	(void)state;
	test_date_assert_str(date_add_years(test_date_d(2024, 2, 29), 1), "2025-02-28");
	test_date_assert_str(date_add_years(test_date_d(2024, 2, 29), 4), "2028-02-29");
	test_date_assert_str(date_add_years(test_date_d(2026, 6, 10), 1), "2027-06-10");
	test_date_assert_str(date_add_years(test_date_d(2028, 2, 29), 1), "2029-02-28");
	test_date_assert_str(date_add_years(test_date_d(2026, 12, 31), 1), "2027-12-31");
}

static void
test_date_years_end(void **state)
{
	(void)state;
	/* RULES.md: the years first, then the day */
	test_date_assert_str(date_years_end(test_date_d(2024, 2, 29), 1), "2025-02-27");
	/* REG-2: registered 2026-03-10 -> valid through 2027-03-09 */
	test_date_assert_str(date_years_end(test_date_d(2026, 3, 10), 1), "2027-03-09");
	/* PERMIT-9: made 2026-12-18 -> valid through 2027-12-17 */
	test_date_assert_str(date_years_end(test_date_d(2026, 12, 18), 1), "2027-12-17");
	/* ENDO-3 sample: endorsed 2026-08-20 -> 2027-08-19 */
	test_date_assert_str(date_years_end(test_date_d(2026, 8, 20), 1), "2027-08-19");
	test_date_assert_str(date_years_end(test_date_d(2026, 1, 1), 1), "2026-12-31");
	test_date_assert_str(date_years_end(test_date_d(2027, 3, 1), 1), "2028-02-29");
	test_date_assert_str(date_years_end(test_date_d(2023, 3, 1), 1), "2024-02-29");
	test_date_assert_str(date_years_end(test_date_d(2024, 2, 28), 1), "2025-02-27");
	test_date_assert_str(date_years_end(test_date_d(2024, 2, 29), 4), "2028-02-28");
}

/* Age on the day before, of and after the 16th and 65th birthdays. */
static void
test_date_age_birthdays(void **state)
{
	jzz_date b16 = test_date_d(2010, 4, 28), b65 = test_date_d(1961, 4, 28);

	(void)state;
	assert_int_equal(date_age_on(b16, test_date_d(2026, 4, 27)), 15);
	assert_int_equal(date_age_on(b16, test_date_d(2026, 4, 28)), 16);
	assert_int_equal(date_age_on(b16, test_date_d(2026, 4, 29)), 16);
	assert_int_equal(date_age_on(b65, test_date_d(2026, 4, 27)), 64);
	assert_int_equal(date_age_on(b65, test_date_d(2026, 4, 28)), 65);
	assert_int_equal(date_age_on(b65, test_date_d(2026, 4, 29)), 65);
	/* around a year end */
	assert_int_equal(date_age_on(test_date_d(2010, 12, 31), test_date_d(2026, 12, 30)), 15);
	assert_int_equal(date_age_on(test_date_d(2010, 12, 31), test_date_d(2026, 12, 31)), 16);
	assert_int_equal(date_age_on(test_date_d(2010, 1, 1), test_date_d(2025, 12, 31)), 15);
	assert_int_equal(date_age_on(test_date_d(2010, 1, 1), test_date_d(2026, 1, 1)), 16);
	/* on the day of birth, and before it */
	assert_int_equal(date_age_on(b16, b16), 0);
	assert_int_equal(date_age_on(b16, b16 + 364), 0);
	assert_int_equal(date_age_on(b16, b16 + 365), 1);
	assert_true(date_age_on(b16, b16 - 1) < 0);
}

/* A 29 February birth reaches an age on 28 February in a common year. */
static void
test_date_age_feb29(void **state)
{
	jzz_date b = test_date_d(2008, 2, 29), old = test_date_d(1960, 2, 29);

	(void)state;
	/* 2024 is a leap year: the 16th birthday is 2024-02-29 itself */
	assert_int_equal(date_age_on(b, test_date_d(2024, 2, 28)), 15);
	assert_int_equal(date_age_on(b, test_date_d(2024, 2, 29)), 16);
	assert_int_equal(date_age_on(b, test_date_d(2024, 3, 1)), 16);
	/* common years: reached on 28 February */
	assert_int_equal(date_age_on(b, test_date_d(2025, 2, 27)), 16);
	assert_int_equal(date_age_on(b, test_date_d(2025, 2, 28)), 17);
	assert_int_equal(date_age_on(b, test_date_d(2025, 3, 1)), 17);
	assert_int_equal(date_age_on(b, test_date_d(2009, 2, 27)), 0);
	assert_int_equal(date_age_on(b, test_date_d(2009, 2, 28)), 1);
	/* 65 in the common year 2025 */
	assert_int_equal(date_age_on(old, test_date_d(2025, 2, 27)), 64);
	assert_int_equal(date_age_on(old, test_date_d(2025, 2, 28)), 65);
	assert_int_equal(date_age_on(old, test_date_d(2025, 3, 1)), 65);
	/* 2100 is not a leap year: 28 February again */
	assert_int_equal(date_age_on(test_date_d(2096, 2, 29), test_date_d(2100, 2, 27)), 3);
	assert_int_equal(date_age_on(test_date_d(2096, 2, 29), test_date_d(2100, 2, 28)), 4);
	/* a 28 February birth is not moved by a leap year */
	assert_int_equal(date_age_on(test_date_d(2008, 2, 28), test_date_d(2024, 2, 27)), 15);
	assert_int_equal(date_age_on(test_date_d(2008, 2, 28), test_date_d(2024, 2, 28)), 16);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_epoch),
		cmocka_unit_test(test_date_leap),
		cmocka_unit_test(test_date_valid_ymd),
		cmocka_unit_test(test_date_parse_real),
		cmocka_unit_test(test_date_parse_impossible),
		cmocka_unit_test(test_date_parse_bad_format),
		cmocka_unit_test(test_date_format),
		cmocka_unit_test(test_date_text),
		cmocka_unit_test(test_date_roundtrip),
		cmocka_unit_test(test_date_weekday),
		cmocka_unit_test(test_date_add_months),
		cmocka_unit_test(test_date_add_years),
		cmocka_unit_test(test_date_years_end),
		cmocka_unit_test(test_date_age_birthdays),
		cmocka_unit_test(test_date_age_feb29),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
