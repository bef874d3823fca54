/*
 * test_holidays.c: the one loader of the holiday folder
 * (service_holidays_load) and its policy as the callers show it: every
 * *.json in name order, however many; a missing folder reported and the
 * calendar left alone; a bad file an error naming the file and the reason;
 * `jzz check` (the real binary) going on with Monday-Friday when the folder
 * is missing and stopping on a bad file.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include "svctest.h"

static void
holidays_write(const char *name, const char *text)
{
	char  path[600];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", svctest_dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* The shipped folder loads whole: each shipped year is loaded. */
static void
test_shipped_folder(void **state)
{
	struct calendar *cal = calendar_new();
	char             err[512] = "";

	(void)state;
	assert_non_null(cal);
	assert_int_equal(service_holidays_load(JZZ_SOURCE_DATADIR "/holidays", cal, err, sizeof err),
	    SERVICE_OK);
	for (int y = 2023; y <= 2026; y++)
		assert_true(calendar_year_loaded(cal, y));
	assert_false(calendar_year_loaded(cal, 2030));
	/* 2026-10-01, National Day, is off; 2026-10-08 is a working Thursday */
	assert_int_equal(calendar_override(cal, D(2026, 10, 1)), 1);
	calendar_free(cal);
}

/* A folder that is not there is NOT_FOUND, named, and nothing is loaded. */
static void
test_missing_folder(void **state)
{
	struct calendar *cal = calendar_new();
	char             dir[600], err[512] = "";

	(void)state;
	snprintf(dir, sizeof dir, "%s/no-such-folder", svctest_dir);
	assert_int_equal(service_holidays_load(dir, cal, err, sizeof err), SERVICE_ERR_NOT_FOUND);
	assert_non_null(strstr(err, dir));
	assert_non_null(strstr(err, "No such file"));
	assert_false(calendar_year_loaded(cal, 2026));
	calendar_free(cal);
}

/* A bad file is INVALID with its path and the reason; the ones after it
 * are not read; files not ending in .json are none of the loader's. */
static void
test_bad_file_named(void **state)
{
	struct calendar *cal = calendar_new();
	char             err[512] = "", want[600];

	(void)state;
	holidays_write("2027.json", "{\"year\": 2027, \"days\": [{\"date\": \"2027-01-01\","
	    " \"isOffDay\": true}]}");
	holidays_write("2028.json", "{\"year\": 2028, \"days\": [{\"date\": \"2028-02-30\","
	    " \"isOffDay\": true}]}");
	holidays_write("2029.json", "{\"year\": 2029, \"days\": [{\"date\": \"2029-01-01\","
	    " \"isOffDay\": true}]}");
	holidays_write("README.txt", "not a schedule");
	holidays_write("2030.json.orig", "{");
	assert_int_equal(service_holidays_load(svctest_dir, cal, err, sizeof err),
	    SERVICE_ERR_INVALID);
	snprintf(want, sizeof want, "%s/2028.json: days[0].date: expected a date", svctest_dir);
	if (strstr(err, want) == NULL)
		fail_msg("error \"%s\" does not say \"%s\"", err, want);
	assert_true(calendar_year_loaded(cal, 2027));    /* before it, in name order */
	assert_false(calendar_year_loaded(cal, 2028));
	assert_false(calendar_year_loaded(cal, 2029));   /* after it: not read */
	calendar_free(cal);
}

/* Not JSON at all: the reader's line and reason. */
static void
test_not_json(void **state)
{
	struct calendar *cal = calendar_new();
	char             err[512] = "";

	(void)state;
	holidays_write("2027.json", "{\"year\": 2027,\n \"days\": [}");
	assert_int_equal(service_holidays_load(svctest_dir, cal, err, sizeof err),
	    SERVICE_ERR_INVALID);
	assert_non_null(strstr(err, "2027.json: line 2: "));
	calendar_free(cal);
}

/* More files than any fixed table would hold, each one day: all loaded;
 * an empty folder is no error. */
static void
test_many_files(void **state)
{
	struct calendar *cal = calendar_new();
	char             err[512] = "", name[64], text[200];
	jzz_date         first = D(2031, 1, 1);

	(void)state;
	assert_int_equal(service_holidays_load(svctest_dir, cal, err, sizeof err), SERVICE_OK);
	for (int k = 0; k < 300; k++) {
		int y, m, d;

		date_to_ymd(first + k, &y, &m, &d);
		snprintf(name, sizeof name, "day-%03d.json", k);
		snprintf(text, sizeof text, "{\"year\": %d, \"days\": [{\"date\": \"%04d-%02d-%02d\","
		    " \"isOffDay\": %s}]}", y, y, m, d, k % 2 ? "true" : "false");
		holidays_write(name, text);
	}
	assert_int_equal(service_holidays_load(svctest_dir, cal, err, sizeof err), SERVICE_OK);
	for (int k = 0; k < 300; k++)
		assert_int_equal(calendar_override(cal, first + k), k % 2);
	assert_true(calendar_year_loaded(cal, 2031));
	calendar_free(cal);
}

/* `jzz check` with JZZ_HOLIDAYS_DIR: exit status and stderr. */
static int
holidays_check(const char *dir, char *errtext, size_t size)
{
	char  cmd[2048], path[600];
	FILE *f;
	int   st;
	size_t n;

	snprintf(path, sizeof path, "%s/stderr", svctest_dir);
	holidays_write("case.json", "{\"today\": \"2026-11-27\", \"business\": \"permit_new\","
	    " \"channel\": \"counter\", \"applicant\": {\"id_number\": \"340104199207193170\","
	    " \"name\": \"陈静\", \"hukou_shanghai\": false, \"lives_in_shanghai\": true,"
	    " \"phone\": \"13912345678\"}, \"agent\": null, \"housing\": null,"
	    " \"address_changed\": false, \"documents\": [\"id_card\", \"permit_application_form\"],"
	    " \"registration\": {\"registered_on\": \"2026-05-20\"}, \"permit\": null,"
	    " \"delivery\": {\"method\": \"post\", \"in_shanghai\": true}}");
	snprintf(cmd, sizeof cmd, "JZZ_HOLIDAYS_DIR='%s' %s check '%s/case.json' >/dev/null 2>'%s'",
	    dir, JZZ_BIN, svctest_dir, path);
	st = system(cmd);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(errtext, 1, size - 1, f);
	errtext[n] = '\0';
	fclose(f);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
test_check_command(void **state)
{
	char dir[600], err[2048];

	(void)state;
	assert_int_equal(holidays_check(JZZ_SOURCE_DATADIR "/holidays", err, sizeof err), 0);
	assert_string_equal(err, "");

	snprintf(dir, sizeof dir, "%s/none", svctest_dir);
	assert_int_equal(holidays_check(dir, err, sizeof err), 0);
	assert_non_null(strstr(err, dir));
	assert_non_null(strstr(err, "Monday to Friday"));

	snprintf(dir, sizeof dir, "%s/hol", svctest_dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	holidays_write("hol/2026.json", "{\"year\": 2026, \"days\": [{\"date\": \"2026-01-01\","
	    " \"isOffDay\": \"yes\"}]}");
	assert_int_equal(holidays_check(dir, err, sizeof err), 1);
	assert_non_null(strstr(err, "hol/2026.json: days[0].isOffDay: expected true or false"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_shipped_folder, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_missing_folder, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_bad_file_named, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_not_json, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_many_files, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_check_command, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
