/*
 * test_cli.c: the database commands through the real `jzz` binary, as
 * case-format.md fixes them: init (and its refusal, exit 2), submit's
 * decision plus "record", exit 2 for a case that is not a case or carries
 * a registration, report daily --format json, person, card actions, audit
 * verify, backup.
 */

#include "clitest.h"

#include <grp.h>
#include <sys/stat.h>

static void
test_cli_flow(void **state)
{
	static char out[1 << 16];
	json_t     *j, *rec, *bb;
	char        id[19], text[1024];

	(void)state;
	assert_int_equal(run(NULL, 0, "%s --db %s init --rehearsal --centre 310105009 >/dev/null", J,
	    svctest_db), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s init --rehearsal --centre 310105009 2>/dev/null", J,
	    svctest_db), 2);

	svctest_idnum(5, id);
	snprintf(text, sizeof text, REG_CASE(id));
	write_file("reg.json", text);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-01-05 submit %s/reg.json", J,
	    svctest_db, svctest_dir), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "decision")), "accept");
	rec = json_object_get(j, "record");
	assert_non_null(rec);
	assert_int_equal(strlen(json_string_value(json_object_get(rec, "application_id"))), 36);
	assert_string_equal(json_string_value(json_object_get(rec, "receipt_no")),
	    "310105009-20260105-0001");
	assert_non_null(json_object_get(j, "rules"));
	json_decref(j);

	/* refused: receipt null, exit 0 */
	snprintf(text, sizeof text, PERMIT_CASE(id));
	write_file("permit.json", text);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-03-02 submit - < %s/permit.json",
	    J, svctest_db, svctest_dir), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "decision")), "refuse");
	assert_true(json_is_null(json_object_get(json_object_get(j, "record"), "receipt_no")));
	json_decref(j);

	/* not a case: exit 2, nothing written */
	write_file("bad.json", "{\"business\": \"permit_new\", \"applicant\": {\"id_number\": 5}}");
	assert_int_equal(run(NULL, 0, "%s --db %s submit %s/bad.json 2>/dev/null", J, svctest_db,
	    svctest_dir), 2);
	snprintf(text, sizeof text, "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"},\"registration\":{\"registered_on\":\"2026-01-01\"}}", id);
	write_file("carry.json", text);
	assert_int_equal(run(NULL, 0, "%s --db %s submit %s/carry.json 2>/dev/null", J, svctest_db,
	    svctest_dir), 2);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 2);

	/* accepted on time; the card's life through `jzz card` */
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-07-06 submit %s/permit.json", J,
	    svctest_db, svctest_dir), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "decision")), "accept");
	snprintf(text, sizeof text, "%s", json_string_value(json_object_get(j, "ready_on")));
	json_decref(j);
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card received --id %s", J, svctest_db,
	    text, id), 0);
	/* documents are stated, never assumed: none stated, none shown */
	assert_int_equal(run(out, sizeof out, "%s --db %s --today %s card pickup --id %s", J,
	    svctest_db, text, id), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "decision")), "incomplete");
	assert_int_equal(json_array_size(json_object_get(j, "missing_documents")), 2);
	json_decref(j);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today %s person %s", J, svctest_db, text,
	    id), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "card"), "state")),
	    "received");
	json_decref(j);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today %s card pickup --id %s"
	    " --doc id_card --doc acceptance_receipt", J, svctest_db, text, id), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "decision")), "accept");
	json_decref(j);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today %s person %s", J, svctest_db, text,
	    id), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(json_object_get(j, "card"), "state")),
	    "picked_up");
	assert_int_equal(json_array_size(json_object_get(j, "history")), 5);
	json_decref(j);

	/* a day other than today is named once on stderr, stdout stays JSON */
	assert_int_equal(run(out, sizeof out, "%s --db %s --today %s person %s 2>&1 >/dev/null", J,
	    svctest_db, text, id), 0);
	assert_non_null(strstr(out, "jzz: day of work "));
	assert_non_null(strstr(out, text));
	assert_null(strchr(strchr(out, '\n') + 1, '\n'));   /* one line */

	/* the report of 2026-07-06 */
	assert_int_equal(run(out, sizeof out, "%s --db %s report daily --date 2026-07-06 --format json",
	    J, svctest_db), 0);
	j = parse(out);
	assert_string_equal(json_string_value(json_object_get(j, "date")), "2026-07-06");
	assert_string_equal(json_string_value(json_object_get(j, "centre")), "310105009");
	assert_int_equal(json_integer_value(json_object_get(j, "applications")), 1);
	bb = json_object_get(json_object_get(j, "by_business"), "permit_new");
	assert_int_equal(json_integer_value(json_object_get(bb, "accept")), 1);
	assert_int_equal(json_integer_value(json_object_get(bb, "refuse")), 0);
	assert_int_equal(json_integer_value(json_object_get(j, "fees_yuan")), 0);
	json_decref(j);
	/* another centre that day: nothing */
	assert_int_equal(run(out, sizeof out, "%s --db %s --centre 310105001 report daily --date"
	    " 2026-07-06 --format json", J, svctest_db), 0);
	j = parse(out);
	assert_int_equal(json_integer_value(json_object_get(j, "applications")), 0);
	json_decref(j);

	assert_int_equal(run(out, sizeof out, "%s --db %s audit verify", J, svctest_db), 0);
	j = parse(out);
	assert_true(json_is_true(json_object_get(j, "ok")));
	json_decref(j);
	/* a backup is a SQLite file beside the database (a PostgreSQL store's
	 * is the server's business, pg_dump) */
	if (!testdb_is_pg()) {
		assert_int_equal(run(NULL, 0, "%s --db %s backup %s/copy.db", J, svctest_db,
		    svctest_dir), 0);
		/* the copy, with the original's key (kept apart from backups) */
		assert_int_equal(run(NULL, 0, "JZZ_AUDIT_KEY=%s.key %s --db %s/copy.db audit verify",
		    svctest_db, J, svctest_dir), 0);
		assert_int_equal(run(NULL, 0, "%s --db %s/copy.db audit verify 2>/dev/null", J,
		    svctest_dir), 1);
	}
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-07-07 status --id %s --name 测试",
	    J, svctest_db, id), 0);
	j = parse(out);
	assert_true(json_is_true(json_object_get(j, "found")));
	json_decref(j);
	/* a report never replaces the database file or its key */
	if (!testdb_is_pg()) {
		assert_int_equal(run(NULL, 0, "%s --db %s report daily --format csv --output %s"
		    " 2>/dev/null", J, svctest_db, svctest_db), 2);
		assert_int_equal(run(NULL, 0, "%s --db %s report daily --format csv --output %s.key"
		    " 2>/dev/null", J, svctest_db, svctest_db), 2);
	}
	assert_int_equal(run(NULL, 0, "%s --db %s audit verify", J, svctest_db), 0);
}

/* With a group in the configuration, init gives the database (0660) and
 * its key (0640) to it; an unknown group is refused before anything is made. */
static void
test_cli_group(void **state)
{
	char        conf[600], db[600], key[700];
	struct stat st;
	struct group *g = getgrnam("nogroup");

	(void)state;
	/* the modes and group of a SQLite file and its key beside it; a
	 * PostgreSQL store's access is the server's roles */
	if (g == NULL || testdb_is_pg())
		skip();
	snprintf(conf, sizeof conf, "%s/g.conf", svctest_dir);
	snprintf(db, sizeof db, "%s/g.db", svctest_dir);
	snprintf(key, sizeof key, "%s.key", db);
	write_file("g.conf", "group = nogroup\n");
	assert_int_equal(run(NULL, 0, "%s --config %s --db %s init --rehearsal --centre 310105009"
	    " >/dev/null", J, conf, db), 0);
	assert_int_equal(stat(db, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0660);
	assert_int_equal(st.st_gid, g->gr_gid);
	assert_int_equal(stat(key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(st.st_gid, g->gr_gid);
	write_file("h.conf", "group = no-such-group-here\n");
	snprintf(conf, sizeof conf, "%s/h.conf", svctest_dir);
	snprintf(db, sizeof db, "%s/h.db", svctest_dir);
	assert_int_equal(run(NULL, 0, "%s --config %s --db %s init --rehearsal --centre 310105009"
	    " 2>/dev/null", J, conf, db), 1);
	assert_int_not_equal(access(db, F_OK), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cli_flow),
		cmocka_unit_test(test_cli_group),
	};

	return cmocka_run_group_tests(tests, svctest_setup, svctest_teardown);
}
