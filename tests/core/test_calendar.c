/*
 * test_calendar.c: the working-day calendar of CAL-1, PERMIT-2 and PERMIT-7
 * (src/core/calendar.c) against the holiday files the project ships.
 *
 * Why it exists: a permit's ready date is 15 (or 7) working days after the
 * day of acceptance, counted on the State Council's schedule: holidays off,
 * adjusted weekend days (调休) worked. Every day of the 2026 schedule is
 * checked here against data/holidays/2026.json, with the days around it; the
 * Labour Day sample of the policy (2026-04-28 + 2/8/15 working days) is
 * pinned; and a count that runs into a year whose schedule is not loaded must
 * say which year, since CAL-1 turns that into a warning instead of a guess.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "jzz/calendar.h"
#include "testutil.h"

#define D(y, m, d) testutil_date((y), (m), (d))

static void
test_calendar_assert_date(jzz_date got, int y, int m, int d)
{
	char a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN];

	date_format(got, a);
	date_format(D(y, m, d), b);
	assert_string_equal(a, b);
}

static int
test_calendar_load_text(struct calendar *cal, const char *text, char *err, size_t errlen)
{
	err[0] = '\0';
	return calendar_load_json(cal, text, strlen(text), err, errlen);
}

static int
test_calendar_setup(void **state)
{
	*state = testutil_calendar_shipped();
	return *state == NULL ? -1 : 0;
}

static int
test_calendar_teardown(void **state)
{
	calendar_free(*state);
	return 0;
}

static void
test_calendar_years_loaded(void **state)
{
	const struct calendar *cal = *state;

	for (int y = 2023; y <= 2026; y++)
		assert_true(calendar_year_loaded(cal, y));
	assert_false(calendar_year_loaded(cal, 2027));
	/* 2023.json lists 2022-12-31: the entry applies to its date, but a day
	 * lies in its own year and 2022's schedule was never given (CAL-1) */
	assert_false(calendar_year_loaded(cal, 2022));
	assert_int_equal(calendar_override(cal, D(2022, 12, 31)), 1);
	assert_false(calendar_is_workday(cal, D(2022, 12, 31)));
	assert_false(calendar_year_loaded(cal, 1999));
	assert_false(calendar_year_loaded(cal, 2100));
}

/* Each shipped file loads and returns its year; loading it twice is harmless. */
static void
test_calendar_load_each_file(void **state)
{
	(void)state;
	for (int y = 2023; y <= 2026; y++) {
		struct calendar *cal = calendar_new();
		char             path[4096], err[256];
		char            *buf;
		size_t           len = 0;

		assert_non_null(cal);
		snprintf(path, sizeof path, "%s/holidays/%d.json", JZZ_SOURCE_DATADIR, y);
		buf = testutil_read_file(path, &len);
		assert_non_null(buf);
		assert_int_equal(calendar_load_json(cal, buf, len, err, sizeof err), y);
		assert_int_equal(calendar_load_json(cal, buf, len, err, sizeof err), y);
		assert_true(calendar_year_loaded(cal, y));
		for (int other = 2020; other <= 2030; other++)
			if (other != y)
				assert_false(calendar_year_loaded(cal, other));
		free(buf);
		calendar_free(cal);
	}
}

/* Checks every entry of one shipped file, and the unlisted days next to
 * each, against a calendar with all four files. Returns the entries seen. */
static int
test_calendar_check_file(const struct calendar *cal, int year, int *offs, int *works)
{
	char         path[4096];
	json_error_t jerr;
	json_t      *root, *days, *e;
	size_t       i;
	int          n = 0;

	snprintf(path, sizeof path, "%s/holidays/%d.json", JZZ_SOURCE_DATADIR, year);
	root = json_load_file(path, 0, &jerr);
	assert_non_null(root);
	days = json_object_get(root, "days");
	assert_true(json_is_array(days));
	json_array_foreach(days, i, e) {
		const char *s = json_string_value(json_object_get(e, "date"));
		bool        off = json_is_true(json_object_get(e, "isOffDay"));
		jzz_date    d;

		assert_non_null(s);
		assert_true(date_parse(s, strlen(s), &d));
		if (calendar_is_workday(cal, d) == off)
			fail_msg("%s: is_workday %d, file says isOffDay %d", s, !off, off);
		assert_int_equal(calendar_override(cal, d), off ? 1 : 0);
		if (off)
			(*offs)++;
		else {
			(*works)++;
			/* an adjusted working day is a weekend day */
			assert_true(date_weekday(d) >= 6);
		}
		/* the days around it: listed ones were checked above; unlisted ones
		 * are ordinary Monday-Friday days */
		for (int k = -2; k <= 2; k++) {
			if (k == 0 || calendar_override(cal, d + k) >= 0)
				continue;
			assert_int_equal(calendar_is_workday(cal, d + k), date_weekday(d + k) <= 5);
		}
		n++;
	}
	json_decref(root);
	return n;
}

static void
test_calendar_2026_every_day(void **state)
{
	const struct calendar *cal = *state;
	int                    offs = 0, works = 0;

	assert_int_equal(test_calendar_check_file(cal, 2026, &offs, &works), 39);
	/* 2026: 元旦 3 days, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7 */
	assert_int_equal(offs, 33);
	/* 调休: 01-04, 02-14, 02-28, 05-09, 09-20, 10-10 */
	assert_int_equal(works, 6);

	/* named days, so that a wrong reading of the file cannot hide */
	assert_false(calendar_is_workday(cal, D(2026, 1, 1)));
	assert_false(calendar_is_workday(cal, D(2026, 1, 2)));
	assert_true(calendar_is_workday(cal, D(2026, 1, 4)));   /* Sunday, worked */
	assert_true(calendar_is_workday(cal, D(2026, 1, 5)));
	assert_true(calendar_is_workday(cal, D(2026, 2, 13)));
	assert_true(calendar_is_workday(cal, D(2026, 2, 14)));  /* Saturday, worked */
	assert_false(calendar_is_workday(cal, D(2026, 2, 16)));
	assert_false(calendar_is_workday(cal, D(2026, 2, 23)));
	assert_true(calendar_is_workday(cal, D(2026, 2, 24)));
	assert_true(calendar_is_workday(cal, D(2026, 2, 28)));  /* Saturday, worked */
	assert_false(calendar_is_workday(cal, D(2026, 3, 1)));  /* Sunday */
	assert_false(calendar_is_workday(cal, D(2026, 4, 6)));  /* 清明 Monday */
	assert_true(calendar_is_workday(cal, D(2026, 4, 7)));
	assert_true(calendar_is_workday(cal, D(2026, 4, 30)));
	for (int d = 1; d <= 5; d++)
		assert_false(calendar_is_workday(cal, D(2026, 5, d)));
	assert_true(calendar_is_workday(cal, D(2026, 5, 6)));
	assert_true(calendar_is_workday(cal, D(2026, 5, 9)));   /* Saturday, worked */
	assert_false(calendar_is_workday(cal, D(2026, 5, 10)));
	assert_false(calendar_is_workday(cal, D(2026, 6, 19))); /* 端午 Friday */
	assert_true(calendar_is_workday(cal, D(2026, 9, 20)));  /* Sunday, worked */
	assert_false(calendar_is_workday(cal, D(2026, 9, 25)));
	for (int d = 1; d <= 7; d++)
		assert_false(calendar_is_workday(cal, D(2026, 10, d)));
	assert_true(calendar_is_workday(cal, D(2026, 10, 8)));
	assert_true(calendar_is_workday(cal, D(2026, 10, 10))); /* Saturday, worked */
	assert_false(calendar_is_workday(cal, D(2026, 10, 11)));
	/* unlisted days keep Monday-Friday */
	assert_int_equal(calendar_override(cal, D(2026, 7, 15)), -1);
	assert_true(calendar_is_workday(cal, D(2026, 7, 15)));
	assert_false(calendar_is_workday(cal, D(2026, 7, 18)));
}

static void
test_calendar_other_years_every_day(void **state)
{
	const struct calendar *cal = *state;

	for (int y = 2023; y <= 2025; y++) {
		int offs = 0, works = 0;

		assert_true(test_calendar_check_file(cal, y, &offs, &works) > 0);
		assert_true(offs > 0);
		assert_true(works > 0);
	}
}

/* Working days across the whole of 2026, against the file by hand: 365 days,
 * 104 weekend days, 33 listed days off of which the weekend ones do not
 * count, plus 6 adjusted working days. */
static void
test_calendar_2026_count(void **state)
{
	const struct calendar *cal = *state;
	int                    weekdays = 0, listed_weekday_offs = 0;

	for (jzz_date d = D(2026, 1, 1); d <= D(2026, 12, 31); d++) {
		if (date_weekday(d) <= 5) {
			weekdays++;
			if (calendar_override(cal, d) == 1)
				listed_weekday_offs++;
		}
	}
	assert_int_equal(calendar_workdays_between(cal, D(2025, 12, 31), D(2026, 12, 31)),
	    weekdays - listed_weekday_offs + 6);
}

/* The policy's sample: accepted 2026-04-28, across Labour Day. */
static void
test_calendar_labour_day(void **state)
{
	const struct calendar *cal = *state;
	jzz_date               from = D(2026, 4, 28);
	int                    unloaded = -1;

	test_calendar_assert_date(calendar_add_workdays(cal, from, 2, &unloaded), 2026, 4, 30);
	assert_int_equal(unloaded, 0);
	test_calendar_assert_date(calendar_add_workdays(cal, from, 8, &unloaded), 2026, 5, 12);
	assert_int_equal(unloaded, 0);
	test_calendar_assert_date(calendar_add_workdays(cal, from, 15, &unloaded), 2026, 5, 21);
	assert_int_equal(unloaded, 0);
	/* PERMIT-7's 7 working days: 29, 30, 6, 7, 8, 9 (Saturday, worked), 11 */
	test_calendar_assert_date(calendar_add_workdays(cal, from, 7, &unloaded), 2026, 5, 11);
	test_calendar_assert_date(calendar_add_workdays(cal, from, 1, &unloaded), 2026, 4, 29);
	test_calendar_assert_date(calendar_add_workdays(cal, from, 3, &unloaded), 2026, 5, 6);
	/* the day of work itself is not counted; n = 0 is the day itself */
	assert_int_equal(calendar_add_workdays(cal, from, 0, &unloaded), from);
	assert_int_equal(unloaded, 0);
	assert_int_equal(calendar_workdays_between(cal, from, D(2026, 5, 21)), 15);
	assert_int_equal(calendar_workdays_between(cal, from, D(2026, 4, 30)), 2);
	assert_int_equal(calendar_workdays_between(cal, from, from), 0);
	assert_int_equal(calendar_workdays_between(cal, D(2026, 5, 21), from), 0);
	/* the unloaded year is optional */
	test_calendar_assert_date(calendar_add_workdays(cal, from, 15, NULL), 2026, 5, 21);
}

/* Counted from the day after the day of work, whatever that day is. */
static void
test_calendar_from_any_day(void **state)
{
	const struct calendar *cal = *state;
	int                    u;

	/* from a holiday Saturday */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 5, 2), 1, &u), 2026, 5, 6);
	/* from a worked Saturday */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 5, 9), 1, &u), 2026, 5, 11);
	/* Friday before the Spring Festival: the worked Saturday is next */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 2, 13), 1, &u), 2026, 2, 14);
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 2, 13), 2, &u), 2026, 2, 24);
	/* National Day */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 9, 30), 1, &u), 2026, 10, 8);
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 9, 30), 3, &u), 2026, 10, 10);
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 9, 30), 4, &u), 2026, 10, 12);
	/* New Year 2026 from 2025-12-31 */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2025, 12, 31), 1, &u), 2026, 1, 4);
	assert_int_equal(u, 0);
}

/* A count that runs into 2027, whose schedule is not loaded. */
static void
test_calendar_into_2027(void **state)
{
	const struct calendar *cal = *state;
	int                    u = -1;

	/* Friday 2026-12-18 + 15: 21-25, 28-31, then 2027 by Monday-Friday
	 * alone: 1 (a Friday), 4-8 */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 15, &u), 2027, 1, 8);
	assert_int_equal(u, 2027);
	/* a count that stays in 2026 reports nothing */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 2, &u), 2026, 12, 22);
	assert_int_equal(u, 0);
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 30), 1, &u), 2026, 12, 31);
	assert_int_equal(u, 0);
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 31), 1, &u), 2027, 1, 1);
	assert_int_equal(u, 2027);
	/* a weekend day of 2027 examined on the way counts as examined */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 31), 1, &u), 2027, 1, 1);
	assert_int_equal(u, 2027);
	/* from 2026-12-18, 8 working days end on 2026-12-30: no 2027 day seen */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 8, &u), 2026, 12, 30);
	assert_int_equal(u, 0);
	/* the first unloaded year met is reported */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 400, &u),
	    2028, 6, 30);
	assert_int_equal(u, 2027);
}

/* A 2027 file, once given, is used and the count is no longer provisional. */
static void
test_calendar_new_year_file(void **state)
{
	static const char y2027[] =
	    "{\"year\": 2027, \"papers\": [], \"days\": ["
	    "{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true},"
	    "{\"name\": \"test\", \"date\": \"2027-01-09\", \"isOffDay\": false}]}";
	struct calendar *cal = testutil_calendar_shipped();
	char             err[256];
	int              u = -1;

	(void)state;
	assert_non_null(cal);
	assert_int_equal(test_calendar_load_text(cal, y2027, err, sizeof err), 2027);
	assert_true(calendar_year_loaded(cal, 2027));
	/* 21-25, 28-31 (9), 4-8 (14), 9 (Saturday, worked: 15) */
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 15, &u), 2027, 1, 9);
	assert_int_equal(u, 0);
	calendar_free(cal);
}

/* A file with no days is no schedule: the year is not loaded. */
static void
test_calendar_empty_file(void **state)
{
	struct calendar *cal = testutil_calendar_shipped();
	char             err[256];
	int              u = -1;

	(void)state;
	assert_non_null(cal);
	assert_int_equal(test_calendar_load_text(cal,
	    "{\"year\": 2027, \"papers\": [], \"days\": []}", err, sizeof err), 2027);
	assert_false(calendar_year_loaded(cal, 2027));
	test_calendar_assert_date(calendar_add_workdays(cal, D(2026, 12, 18), 15, &u), 2027, 1, 8);
	assert_int_equal(u, 2027);
	calendar_free(cal);
}

/* A malformed file loads nothing and says why. */
static void
test_calendar_malformed(void **state)
{
	static const char *const bad[] = {
		"",
		"{",
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true}",
		"[]",
		"null",
		"{\"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true}]}",
		"{\"year\": \"2027\", \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true}]}",
		"{\"year\": 2027}",
		"{\"year\": 2027, \"days\": {}}",
		"{\"year\": 2027, \"days\": [\"2027-01-01\"]}",
		/* a good entry, then a bad one: the good one must not be applied */
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true},"
		" {\"date\": \"2027-02-30\", \"isOffDay\": true}]}",
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true},"
		" {\"date\": \"2027-01-02\"}]}",
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true},"
		" {\"date\": \"2027-01-02\", \"isOffDay\": \"yes\"}]}",
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true},"
		" {\"date\": 20270102, \"isOffDay\": true}]}",
		"{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true},"
		" {\"date\": \"2027/01/02\", \"isOffDay\": true}]}",
		"{\"year\": 1234, \"days\": [{\"date\": \"2027-01-01\", \"isOffDay\": true}]}",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct calendar *cal = calendar_new();
		char             err[256];

		assert_non_null(cal);
		if (test_calendar_load_text(cal, bad[i], err, sizeof err) != -1)
			fail_msg("loaded: %s", bad[i]);
		assert_true(strlen(err) > 0);
		assert_null(strchr(err, '\n'));
		/* nothing at all was loaded */
		assert_false(calendar_year_loaded(cal, 2027));
		assert_int_equal(calendar_override(cal, D(2027, 1, 1)), -1);
		assert_true(calendar_is_workday(cal, D(2027, 1, 1)));
		calendar_free(cal);
	}
}

/* A NULL calendar is Monday-Friday with nothing loaded (rules_evaluate may
 * be given one). */
static void
test_calendar_null(void **state)
{
	int u = -1;

	(void)state;
	assert_false(calendar_year_loaded(NULL, 2026));
	assert_true(calendar_is_workday(NULL, D(2026, 5, 1)));  /* Friday */
	assert_false(calendar_is_workday(NULL, D(2026, 5, 9))); /* Saturday */
	test_calendar_assert_date(calendar_add_workdays(NULL, D(2026, 4, 28), 15, &u), 2026, 5, 19);
	assert_int_equal(u, 2026);
}

static void
test_calendar_set_day(void **state)
{
	struct calendar *cal = calendar_new();

	(void)state;
	assert_non_null(cal);
	assert_true(calendar_set_day(cal, D(2030, 6, 3), true));
	assert_false(calendar_is_workday(cal, D(2030, 6, 3)));
	assert_int_equal(calendar_override(cal, D(2030, 6, 3)), 1);
	assert_true(calendar_set_day(cal, D(2030, 6, 8), false));
	assert_true(calendar_is_workday(cal, D(2030, 6, 8)));
	assert_false(calendar_year_loaded(cal, 2030));
	assert_true(calendar_set_year_loaded(cal, 2030));
	assert_true(calendar_year_loaded(cal, 2030));
	/* outside the years the calendar holds */
	assert_false(calendar_set_day(cal, D(1999, 12, 31), true));
	assert_false(calendar_set_day(cal, D(2100, 1, 1), true));
	assert_false(calendar_set_year_loaded(cal, 1999));
	assert_false(calendar_set_year_loaded(cal, 2100));
	calendar_free(cal);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_calendar_years_loaded,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test(test_calendar_load_each_file),
		cmocka_unit_test_setup_teardown(test_calendar_2026_every_day,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_other_years_every_day,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_2026_count,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_labour_day,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_from_any_day,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test_setup_teardown(test_calendar_into_2027,
		    test_calendar_setup, test_calendar_teardown),
		cmocka_unit_test(test_calendar_new_year_file),
		cmocka_unit_test(test_calendar_empty_file),
		cmocka_unit_test(test_calendar_malformed),
		cmocka_unit_test(test_calendar_null),
		cmocka_unit_test(test_calendar_set_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
