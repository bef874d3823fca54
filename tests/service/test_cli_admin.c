/*
 * test_cli_admin.c: issue 5 through the real `jzz` binary: a clerk cannot
 * report, cancel, manage accounts or import a calendar (exit 1, nothing
 * written); CSV per RFC 4180 with a name holding a comma, quotes and a
 * newline, and --bom; calendar import replaces the year, show lists it, a bad
 * file is refused (exit 2); a training database is refused without
 * --training and a production one with it.
 */
#include "clitest.h"

static void
test_clerk_refused(void **state)
{
	char id[19], text[1024];

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	cli_user("super1", "supervisor");
	svctest_idnum(9, id);
	snprintf(text, sizeof text, REG_CASE(id));
	write_file("reg.json", text);
	snprintf(text, sizeof text, PERMIT_CASE(id));
	write_file("permit.json", text);
	snprintf(text, sizeof text, "{\"business\":\"cancellation\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"测试\"}}", id);
	write_file("cancel.json", text);
	write_file("cal.json", "{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\",\"isOffDay\":true}]}");
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 --today 2026-01-05 submit %s/reg.json",
	    J, svctest_db, svctest_dir), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 --today 2026-07-06 submit"
	    " %s/permit.json", J, svctest_db, svctest_dir), 0);

	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 report daily --date 2026-07-06"
	    " 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 report range --from 2026-07-01"
	    " --to 2026-07-06 --format csv 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 --today 2026-08-03 submit"
	    " --reason not_resident --note x %s/cancel.json 2>/dev/null", J, svctest_db,
	    svctest_dir), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 user add x --role clerk 2>/dev/null",
	    J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 user disable super1 2>/dev/null", J,
	    svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 user list 2>/dev/null", J,
	    svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 calendar import %s/cal.json"
	    " 2>/dev/null", J, svctest_db, svctest_dir), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name <> 'owner'"), 3);
	assert_int_equal(svctest_count("SELECT count(*) FROM permits WHERE status = 'cancelled'"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM holiday_years WHERE year = 2027"), 0);
	/* the supervisor may cancel and report */
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw-super1 --today 2026-08-03 submit"
	    " --reason not_resident --note x %s/cancel.json", J, svctest_db, svctest_dir), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM permits WHERE status = 'cancelled'"), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw-super1 report daily --date 2026-07-06", J,
	    svctest_db), 0);
	/* a disabled account acts no more */
	assert_int_equal(run(NULL, 0, "%s --db %s user disable clerk1", J, svctest_db), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 --today 2026-07-07 submit"
	    " %s/reg.json 2>/dev/null", J, svctest_db, svctest_dir), 1);
}

static void
test_csv(void **state)
{
	static char out[1 << 16];
	char        id[19], text[2048], *p;
	const char *name = "Zhang, \\\"San\\\"\\nJr";   /* JSON for: Zhang, "San"<LF>Jr */

	(void)state;
	init_db();
	svctest_idnum(11, id);
	snprintf(text, sizeof text, "{\"business\":\"registration\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\",\"phone\":\"13800000000\"},\"housing\":{\"tenure\":\"rent\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", id, name);
	write_file("reg.json", text);
	snprintf(text, sizeof text, "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\"]}", id,
	    name);
	write_file("permit.json", text);
	snprintf(text, sizeof text, "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\"},\"personal_reason\":true,\"fee_receipt_no\":\"NO,7\","
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", id, name);
	write_file("replace.json", text);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-01-05 submit %s/reg.json", J,
	    svctest_db, svctest_dir), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-06 submit %s/permit.json", J,
	    svctest_db, svctest_dir), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-07 submit %s/replace.json", J,
	    svctest_db, svctest_dir), 0);
	assert_int_equal(run(out, sizeof out, "%s --db %s report daily --date 2026-07-07 --format csv"
	    " --bom", J, svctest_db), 0);
	assert_memory_equal(out, "\xEF\xBB\xBF" "section,centre,day,", 22);
	/* the name quoted, its quotes doubled, its newline kept inside the quotes */
	assert_non_null(strstr(out, ",\"Zhang, \"\"San\"\"\nJr\","));
	assert_non_null(strstr(out, ",\"NO,7\","));
	assert_non_null(strstr(out, "summary,310105009,,fees_yuan,,,,20,"));
	/* every record ends with CRLF; the only bare LF is the one inside the name */
	{
		int bare = 0;

		for (p = out; *p != '\0'; p++)
			if (*p == '\n' && (p == out || p[-1] != '\r'))
				bare++;
		assert_int_equal(bare, 1);
		assert_true(strlen(out) > 2 && strcmp(out + strlen(out) - 2, "\r\n") == 0);
	}
	/* without --bom, no BOM */
	assert_int_equal(run(out, sizeof out, "%s --db %s report daily --date 2026-07-07 --format csv",
	    J, svctest_db), 0);
	assert_memory_equal(out, "section,", 8);
	/* the JSON of the same day keeps the contract's keys */
	assert_int_equal(run(out, sizeof out, "%s --db %s report daily --date 2026-07-07"
	    " --format json", J, svctest_db), 0);
	{
		json_t *j = parse(out), *bb;

		assert_string_equal(json_string_value(json_object_get(j, "date")), "2026-07-07");
		assert_string_equal(json_string_value(json_object_get(j, "centre")), "310105009");
		assert_int_equal(json_integer_value(json_object_get(j, "applications")), 1);
		bb = json_object_get(json_object_get(j, "by_business"), "permit_replace");
		assert_int_equal(json_integer_value(json_object_get(bb, "accept")), 1);
		assert_int_equal(json_integer_value(json_object_get(bb, "incomplete")), 0);
		assert_int_equal(json_integer_value(json_object_get(bb, "refuse")), 0);
		assert_int_equal(json_integer_value(json_object_get(j, "fees_yuan")), 20);
		assert_string_equal(json_string_value(json_object_get(json_array_get(
		    json_object_get(j, "fees"), 0), "fee_receipt_no")), "NO,7");
		json_decref(j);
	}
	/* text, and every centre */
	assert_int_equal(run(out, sizeof out, "%s --db %s report range --from 2026-07-01 --to"
	    " 2026-07-31 --format text --centre all", J, svctest_db), 0);
	assert_non_null(strstr(out, "NO,7"));
	assert_int_equal(run(NULL, 0, "%s --db %s report range --from 2026-07-31 --to 2026-07-01"
	    " 2>/dev/null", J, svctest_db), 2);
}

static void
test_calendar(void **state)
{
	static char out[1 << 16];
	json_t     *j;

	(void)state;
	init_db();
	/* before: 2026 is loaded with the shipped notice */
	assert_int_equal(run(out, sizeof out, "%s --db %s calendar show 2026 --format json", J,
	    svctest_db), 0);
	j = parse(out);
	assert_true(json_is_true(json_object_get(j, "loaded")));
	assert_true(json_array_size(json_object_get(j, "days_off")) > 20);
	assert_true(json_array_size(json_object_get(j, "worked_weekend_days")) > 2);
	json_decref(j);
	/* an amended 2026: exactly its days remain */
	write_file("2026.json", "{\"year\":2026,\"days\":[{\"date\":\"2026-10-01\",\"isOffDay\":true},"
	    "{\"date\":\"2026-10-10\",\"isOffDay\":false}]}");
	assert_int_equal(run(out, sizeof out, "%s --db %s calendar import %s/2026.json", J,
	    svctest_db, svctest_dir), 0);
	assert_int_equal(run(out, sizeof out, "%s --db %s calendar show 2026 --format json", J,
	    svctest_db), 0);
	j = parse(out);
	assert_true(json_is_true(json_object_get(j, "loaded")));
	assert_int_equal(json_array_size(json_object_get(j, "days_off")), 1);
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "days_off"), 0)),
	    "2026-10-01");
	assert_string_equal(json_string_value(json_array_get(json_object_get(j,
	    "worked_weekend_days"), 0)), "2026-10-10");
	assert_null(json_object_get(j, "note"));
	json_decref(j);
	/* the other years are untouched */
	assert_true(svctest_count("SELECT count(*) FROM holidays WHERE day LIKE '2025-%%'") > 20);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action ="
	    " 'calendar_import' AND subject = '2026'"), 1);
	/* a year not loaded: CAL-1 says so */
	assert_int_equal(run(out, sizeof out, "%s --db %s calendar show 2031 --format json", J,
	    svctest_db), 0);
	j = parse(out);
	assert_true(json_is_false(json_object_get(j, "loaded")));
	assert_non_null(strstr(json_string_value(json_object_get(j, "note")), "CAL-1"));
	json_decref(j);
	assert_int_equal(run(out, sizeof out, "%s --db %s calendar show 2031", J, svctest_db), 0);
	assert_non_null(strstr(out, "CAL-1"));
	/* a bad file changes nothing (exit 2); an empty one is no schedule */
	write_file("bad.json", "{\"year\":2026,\"days\":[{\"date\":\"2026-02-30\",\"isOffDay\":true}]}");
	assert_int_equal(run(NULL, 0, "%s --db %s calendar import %s/bad.json 2>/dev/null", J,
	    svctest_db, svctest_dir), 2);
	write_file("empty.json", "{\"year\":2026,\"days\":[]}");
	assert_int_equal(run(NULL, 0, "%s --db %s calendar import %s/empty.json 2>/dev/null", J,
	    svctest_db, svctest_dir), 2);
	assert_int_equal(svctest_count("SELECT count(*) FROM holidays WHERE day LIKE '2026-%%'"), 2);
	/* the shipped file back */
	assert_int_equal(run(NULL, 0, "%s --db %s calendar import %s/holidays/2026.json", J,
	    svctest_db, JZZ_DATADIR), 0);
	assert_true(svctest_count("SELECT count(*) FROM holidays WHERE day LIKE '2026-%%'") > 20);
}

static void
test_training_modes(void **state)
{
	static char out[4096];
	char        tdb[600];

	(void)state;
	testdb_make(tdb, sizeof tdb, svctest_dir, "training.db");
	init_db();
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-11-27 training init", J, tdb), 0);
	/* the demo accounts' passwords (the login screen of training mode lists them) */
	for (size_t i = 0; i < service_demo_naccounts; i++) {
		char name[64], pw[128];

		snprintf(name, sizeof name, "pw-%s", service_demo_accounts[i].user);
		snprintf(pw, sizeof pw, "%s\n", service_demo_accounts[i].password);
		write_file(name, pw);
	}
	/* each refused in the other's mode */
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw-super1 report daily 2>/dev/null", J, tdb), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --training report daily 2>/dev/null", J,
	    svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s training day 2027-01-04 2>/dev/null", J,
	    svctest_db), 1);
	/* the trainer's day is every command's day in training mode */
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 training day 2027-01-04 2>/dev/null",
	    J, tdb), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user trainer1 --password-file pw-trainer1 training day 2027-01-04", J, tdb), 0);
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --user super1 --password-file pw-super1 report daily", J,
	    tdb), 0);
	assert_non_null(strstr(out, "\"date\":\"2027-01-04\""));
	assert_int_equal(run(NULL, 0, "%s --db %s --user trainer1 --password-file pw-trainer1 --today 2026-11-27 training reset",
	    J, tdb), 0);
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --user super1 --password-file pw-super1 report daily", J,
	    tdb), 0);
	assert_null(strstr(out, "\"date\":\"2027-01-04\""));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_clerk_refused, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_csv, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_calendar, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_training_modes, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
