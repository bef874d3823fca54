/*
 * test_cli_batch.c: `jzz batch auto-endorse` (ENDO-5) through the real
 * binary: nothing before the 30-day window; in it, the permit of a holder
 * with a phone and an unchanged address endorsed for a year and the one
 * without a phone not, each outcome with its SMS when there is a phone;
 * run again, nothing twice; a clerk may not run it; usage errors exit 2;
 * under the journal (JOURNAL_STREAM), the warning and the result carry
 * their syslog priorities.
 */
#include "clitest.h"

static char batch_out[1 << 16];

/* `jzz batch auto-endorse` on day; its counts. */
static int
batch_run(jzz_date day, const char *as, int counts[4])
{
	char    d[JZZ_DATE_STRLEN];
	json_t *j;
	int     rc;

	date_format(day, d);
	rc = run(batch_out, sizeof batch_out, "%s --db %s %s --today %s batch auto-endorse"
	    " 2>/dev/null", J, svctest_db, as, d);
	if (rc != 0)
		return rc;
	j = parse(batch_out);
	counts[0] = (int)json_integer_value(json_object_get(j, "examined"));
	counts[1] = (int)json_integer_value(json_object_get(j, "endorsed"));
	counts[2] = (int)json_integer_value(json_object_get(j, "not_endorsed"));
	counts[3] = (int)json_integer_value(json_object_get(j, "sms_queued"));
	json_decref(j);
	return rc;
}

/* The permit's valid_until of a person on day (`jzz person`). */
static jzz_date
batch_valid_until(const char *id, jzz_date day)
{
	char        d[JZZ_DATE_STRLEN];
	const char *v;
	json_t     *j;
	jzz_date    out;

	date_format(day, d);
	assert_int_equal(run(batch_out, sizeof batch_out, "%s --db %s --today %s person %s", J,
	    svctest_db, d, id), 0);
	j = parse(batch_out);
	v = json_str(json_object_get(j, "permit"), "valid_until");
	assert_true(date_parse(v, strlen(v), &out));
	json_decref(j);
	return out;
}

static void
test_auto_endorse(void **state)
{
	char        phone[19], nophone[19], text[1024], day[JZZ_DATE_STRLEN];
	const char *res;
	json_t     *j;
	int         n[4];
	jzz_date    v, v2;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	cli_user("super1", "supervisor");
	svctest_idnum(41, phone);
	svctest_idnum(42, nophone);
	snprintf(text, sizeof text, REG_CASE(phone));
	write_file("reg1.json", text);
	snprintf(text, sizeof text, "{\"business\":\"registration\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"无电话\"},\"housing\":{\"tenure\":\"own\"},\"documents\":[\"id_card\","
	    "\"registration_form\",\"property_certificate\"]}", nophone);
	write_file("reg2.json", text);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-01-05 submit reg1.json", J,
	    svctest_db), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-01-05 submit reg2.json", J,
	    svctest_db), 0);
	snprintf(text, sizeof text, PERMIT_CASE(phone));
	write_file("p1.json", text);
	snprintf(text, sizeof text, PERMIT_CASE(nophone));
	write_file("p2.json", text);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-06 submit p1.json", J, svctest_db),
	    0);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-06 submit p2.json", J, svctest_db),
	    0);
	v = batch_valid_until(phone, D(2026, 7, 6));
	assert_true(v == batch_valid_until(nophone, D(2026, 7, 6)));

	/* a clerk does not run batches; usage */
	assert_int_equal(batch_run(v - 30, "--user clerk1 --password-file pw-clerk1", n), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s batch 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s batch auto-endorse now 2>/dev/null", J, svctest_db),
	    2);
	assert_int_equal(run(NULL, 0, "%s --db %s batch endorse 2>/dev/null", J, svctest_db), 2);

	/* the day before the window: nothing */
	assert_int_equal(batch_run(v - 31, "--user super1 --password-file pw-super1", n), 0);
	assert_int_equal(n[0], 0);
	assert_int_equal(n[3], 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements"), 0);

	/* its first day, as the nightly timer runs it (stdout and stderr the
	 * journal's stream): both examined, one endorsed, one SMS (the other
	 * has no phone); the warning and the result under their priorities */
	date_format(v - 30, day);
	assert_int_equal(run(batch_out, sizeof batch_out, ": > journal && JOURNAL_STREAM=$(stat -c"
	    " %%d:%%i journal) %s --db %s --user super1 --password-file pw-super1 --today %s batch"
	    " auto-endorse >>journal 2>&1; rc=$?; cat journal; exit $rc", J, svctest_db, day), 0);
	assert_non_null(strstr(batch_out, "<4>jzz: batch: 1 permits not endorsed (the holders are"
	    " told by SMS)\n"));
	assert_non_null(res = strstr(batch_out, "<6>{"));
	j = parse(res + 3);
	n[0] = (int)json_integer_value(json_object_get(j, "examined"));
	n[1] = (int)json_integer_value(json_object_get(j, "endorsed"));
	n[2] = (int)json_integer_value(json_object_get(j, "not_endorsed"));
	n[3] = (int)json_integer_value(json_object_get(j, "sms_queued"));
	json_decref(j);
	assert_int_equal(n[0], 2);
	assert_int_equal(n[1], 1);
	assert_int_equal(n[2], 1);
	assert_int_equal(n[3], 1);
	v2 = batch_valid_until(phone, v - 30);
	assert_true(v2 == date_add_years(v, 1));
	assert_true(batch_valid_until(nophone, v - 30) == v);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'auto' AND"
	    " reason = 'no_phone'"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox WHERE kind ="
	    " 'auto_endorsed'"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action ="
	    " 'auto_endorse' AND user_name = 'super1'"), 2);

	/* again, later in the window: nothing twice */
	assert_int_equal(batch_run(v - 20, "", n), 0);
	assert_int_equal(n[0], 0);
	assert_int_equal(n[1], 0);
	assert_int_equal(n[3], 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements"), 2);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox"), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s audit verify", J, svctest_db), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_auto_endorse, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
