/*
 * test_migrate.c: `jzz migrate --from FILE --to URI` and `jzz seed` onto
 * PostgreSQL, through the real binary against the server PGHOST names
 * (pg_virtualenv -t); skipped (77) without one (a failure with
 * JZZ_TEST_REQUIRE_PG=1). svctest_db is always the SQLite file here
 * (testdb's SQLite backend); each test makes its own PostgreSQL databases
 * (createdb, dropped at the end: testdb gives one backend per run, and this
 * test needs both) and its own HOME, where the stores' audit keys go.
 *
 *  - A centre's day (registration, a refused permit, a permit, the card
 *    received and picked up, an incomplete registration) moved into a
 *    store made by init: every table counted the same on both sides by the
 *    test's own SQL, a text with COPY's special characters arrives as it
 *    was, the store's audit chain verifies, the person reads
 *    back the same, the next receipt number follows the file's, the store
 *    has the file's key (its own kept aside), the numbered rows' next
 *    numbers are past the copied ones, a second migration is refused
 *    (exit 2) and the file's bytes never change.
 *  - Refused with nothing written: a store whose key file holds a key
 *    neither its own nor the file's, a store that holds records, a store
 *    of another kind.
 *  - kill -9 in the middle of a big file's copy: the store holds no
 *    records and still verifies under its own key; the migration run
 *    again completes.
 *  - A seed of 2,000 persons by COPY: the counts printed are the rows
 *    there, the chain verifies, and a submit on a seeded day takes the
 *    next receipt number.
 */
#include <signal.h>
#include <sys/stat.h>

#include "clitest.h"
#include "jzz/store_migrate.h"

static char mig_out[1 << 17];
static int  mig_ndb;
static char mig_dbs[8][64];

/* A fresh database of the server, dropped at teardown; its URI in uri. */
static void
pgdb_new(char *uri, size_t size)
{
	char name[64];

	assert_true(mig_ndb < 8);
	snprintf(name, sizeof name, "jzz_mig_%d_%d", (int)getpid(), mig_ndb);
	assert_int_equal(run(NULL, 0, "createdb %s", name), 0);
	snprintf(mig_dbs[mig_ndb++], sizeof mig_dbs[0], "%s", name);
	snprintf(uri, size, "postgresql:///%s", name);
}

static int
mig_setup(void **state)
{
	if (svctest_setup(state) != 0)
		return -1;
	/* the stores' keys under this test's folder (store_default_key_path) */
	setenv("HOME", svctest_dir, 1);
	unsetenv("XDG_CONFIG_HOME");
	unsetenv("JZZ_AUDIT_KEY");
	mig_ndb = 0;
	return 0;
}

static int
mig_teardown(void **state)
{
	/* out of the folder that goes, so that the next test's shells have a
	 * place to stand */
	assert_int_equal(chdir("/"), 0);
	for (int i = 0; i < mig_ndb; i++)
		run(NULL, 0, "dropdb --if-exists --force %s 2>/dev/null", mig_dbs[i]);
	mig_ndb = 0;
	return svctest_teardown(state);
}

/* One number from the store by psql (the test's own look). */
static long long
pg_count(const char *uri, const char *sql)
{
	char out[256];

	assert_int_equal(run(out, sizeof out, "psql -X -Atq -d '%s' -c \"%s\"", uri, sql), 0);
	return strtoll(out, NULL, 10);
}

/* The store's key file (store_default_key_path of postgresql:///NAME). */
static void
pg_key_path(const char *uri, char *buf, size_t size)
{
	const char *host = getenv("PGHOST"), *port = getenv("PGPORT");
	char        h[256];
	size_t      i;

	snprintf(h, sizeof h, "%s", host != NULL ? host : "local");
	for (i = 0; h[i] != '\0'; i++)
		if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') ||
		    (h[i] >= '0' && h[i] <= '9') || h[i] == '.' || h[i] == '_' || h[i] == '-'))
			h[i] = '_';
	snprintf(buf, size, "%s/.config/jzz/pg-%s-%s-%s.key", svctest_dir, h,
	    port != NULL ? port : "5432", strrchr(uri, '/') + 1);
}

static void
file_text(const char *path, char *buf, size_t size)
{
	FILE  *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
}

static void
sha256_of(const char *path, char out[65])
{
	char line[1024];

	assert_int_equal(run(line, sizeof line, "sha256sum '%s'", path), 0);
	memcpy(out, line, 64);
	out[64] = '\0';
}

/* A store made by init, of the file's kind, with the admin's password. */
static void
pg_init(const char *uri, bool rehearsal)
{
	assert_int_equal(run(NULL, 0, "%s --db '%s' init %s --centre 310105009 --password-file"
	    " pw-first >/dev/null 2>&1", J, uri, rehearsal ? "--rehearsal" : ""), 0);
}

static json_t *
submit(const char *db, const char *day, const char *name, const char *text)
{
	write_file(name, text);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s --db '%s' --today %s submit %s", J, db, day,
	    name), 0);
	return parse(mig_out);
}

static const char *
decision_of(json_t *j)
{
	return json_str(j, "decision");
}

static void
test_migrate_a_centre(void **state)
{
	char        uri[128], id[19], id2[19], text[1024], before[65], after[65], ready[16];
	char        key[600], file_person[1 << 14], file_key[128], store_key[128], aside[700];
	char        odd[256];
	json_t     *j, *tables, *v;
	const char *t;
	long long   entries;

	(void)state;
	init_db();
	svctest_idnum(7, id);
	svctest_idnum(8, id2);
	snprintf(text, sizeof text, REG_CASE(id));
	j = submit(svctest_db, "2026-01-05", "reg.json", text);
	assert_string_equal(decision_of(j), "accept");
	json_decref(j);
	snprintf(text, sizeof text, PERMIT_CASE(id));
	j = submit(svctest_db, "2026-03-02", "permit.json", text);
	assert_string_equal(decision_of(j), "refuse");
	json_decref(j);
	j = submit(svctest_db, "2026-07-06", "permit.json", text);
	assert_string_equal(decision_of(j), "accept");
	snprintf(ready, sizeof ready, "%s", json_str(j, "ready_on"));
	json_decref(j);
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card received --id %s", J, svctest_db,
	    ready, id), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card pickup --id %s --doc id_card"
	    " --doc acceptance_receipt", J, svctest_db, ready, id), 0);
	snprintf(text, sizeof text, "{\"business\":\"registration\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"测试二\"},\"housing\":{\"tenure\":\"rent\"},\"documents\":"
	    "[\"id_card\"]}", id2);
	j = submit(svctest_db, "2026-07-06", "reg2.json", text);
	assert_string_equal(decision_of(j), "incomplete");
	json_decref(j);
	assert_int_equal(run(file_person, sizeof file_person, "%s --db %s --today %s person %s", J,
	    svctest_db, ready, id), 0);
	/* a text with what COPY's format reads specially (a tab, a newline, a
	 * carriage return, a backslash, "\N"), where no audit entry binds it */
	assert_int_equal(testdb_sql(svctest_db, "INSERT INTO login_attempts VALUES ('a' || char(9)"
	    " || 'b\\c' || char(10) || 'd' || char(13) || '\\N', 1, NULL)"), 0);
	testdb_text(svctest_db, odd, sizeof odd, "SELECT hex(name) FROM login_attempts");
	assert_true(strlen(odd) > 0);
	entries = svctest_count("SELECT count(*) FROM audit_log");
	sha256_of(svctest_db, before);

	pgdb_new(uri, sizeof uri);
	pg_init(uri, true);
	pg_key_path(uri, key, sizeof key);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.audit_log") > 0, 1);

	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>/dev/null", J,
	    svctest_db, uri), 0);
	j = parse(mig_out);
	assert_true(json_is_true(json_object_get(j, "verified")));
	/* the file's entries and the migration's own */
	assert_int_equal(json_integer_value(json_object_get(j, "audit_entries")), entries + 1);
	tables = json_object_get(j, "tables");
	assert_int_equal(json_object_size(tables), STORE_MIGRATE_TABLES);
	json_object_foreach(tables, t, v) {
		char      sql[256];
		long long n = json_integer_value(v);
		bool      meta = strcmp(t, "meta") == 0;

		snprintf(sql, sizeof sql, "SELECT count(*) FROM %s%s", t,
		    meta ? " WHERE key NOT IN ('schema_version', 'migrated_from')" : "");
		assert_int_equal(svctest_count("%s", sql), n);
		snprintf(sql, sizeof sql, "SELECT count(*) FROM jzz.%s%s", t,
		    meta ? " WHERE key NOT IN ('schema_version', 'migrated_from')" :
		    strcmp(t, "audit_log") == 0 ? " WHERE action <> 'migrate'" : "");
		assert_int_equal(pg_count(uri, sql), n);
	}
	assert_int_equal(json_integer_value(json_object_get(tables, "persons")), 1);
	assert_int_equal(json_integer_value(json_object_get(tables, "applications")), 5);
	/* the report's counts per day come with the records, the same on both */
	assert_true(json_integer_value(json_object_get(tables, "day_applications")) > 0);
	assert_int_equal(pg_count(uri, "SELECT sum(applications) FROM jzz.day_applications"), 5);
	assert_int_equal(json_integer_value(json_object_get(tables, "audit_log")), entries);
	assert_int_equal(run(text, sizeof text, "psql -X -Atq -d '%s' -c \"SELECT upper(encode("
	    "convert_to(name, 'UTF8'), 'hex')) FROM jzz.login_attempts\"", uri), 0);
	text[strcspn(text, "\n")] = '\0';
	assert_string_equal(text, odd);
	/* numbered rows given their numbers: the next number is past them */
	assert_true(svctest_count("SELECT count(*) FROM sms_outbox") > 0);
	assert_int_equal(pg_count(uri, "SELECT (nextval(pg_get_serial_sequence('jzz.sms_outbox',"
	    " 'id')) > (SELECT max(id) FROM jzz.sms_outbox))::int"), 1);
	assert_string_equal(json_str(j, "key"), key);
	snprintf(aside, sizeof aside, "%s.replaced", key);
	assert_string_equal(json_str(j, "key_replaced"), aside);
	json_decref(j);

	/* the store's key is the file's; its own is kept beside it */
	file_text(key, store_key, sizeof store_key);
	snprintf(text, sizeof text, "%s.key", svctest_db);
	file_text(text, file_key, sizeof file_key);
	assert_string_equal(store_key, file_key);
	file_text(aside, text, sizeof text);
	assert_string_not_equal(text, file_key);

	/* the chain verifies on the store; the person reads back the same */
	assert_int_equal(run(mig_out, sizeof mig_out, "%s --db '%s' audit verify", J, uri), 0);
	j = parse(mig_out);
	assert_true(json_is_true(json_object_get(j, "ok")));
	assert_int_equal(json_integer_value(json_object_get(j, "entries")), entries + 1);
	json_decref(j);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s --db '%s' --today %s person %s", J, uri,
	    ready, id), 0);
	assert_string_equal(mig_out, file_person);

	/* the next receipt of the file's day follows the file's */
	svctest_idnum(9, id2);
	snprintf(text, sizeof text, REG_CASE(id2));
	j = submit(uri, "2026-01-05", "reg3.json", text);
	assert_string_equal(decision_of(j), "accept");
	assert_string_equal(json_str(json_object_get(j, "record"), "receipt_no"),
	    "310105009-20260105-0002");
	json_decref(j);

	/* once only */
	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>&1", J,
	    svctest_db, uri), 2);
	assert_non_null(strstr(mig_out, "already"));
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.persons"), 2);
	assert_int_equal(run(NULL, 0, "%s --db '%s' audit verify", J, uri), 0);

	sha256_of(svctest_db, after);
	assert_string_equal(before, after);
}

static void
test_migrate_refused(void **state)
{
	char   uri[128], uri2[128], uri3[128], id[19], text[1024], key[600], other[128], now[128];
	char   before[65], after[65];
	json_t *j;

	(void)state;
	init_db();
	svctest_idnum(11, id);
	snprintf(text, sizeof text, REG_CASE(id));
	j = submit(svctest_db, "2026-01-05", "reg.json", text);
	json_decref(j);
	sha256_of(svctest_db, before);

	/* a key at the store's path that is neither the store's nor the file's */
	pgdb_new(uri, sizeof uri);
	pg_init(uri, true);
	pg_key_path(uri, key, sizeof key);
	assert_int_equal(unlink(key), 0);
	snprintf(other, sizeof other, "%064d\n", 7);
	write_file("other.key", other);
	assert_int_equal(run(NULL, 0, "mv %s/other.key '%s' && chmod 600 '%s'", svctest_dir, key,
	    key), 0);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>&1", J,
	    svctest_db, uri), 1);
	assert_non_null(strstr(mig_out, "another key"));
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.persons"), 0);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.audit_log WHERE action = 'migrate'"), 0);
	file_text(key, now, sizeof now);
	assert_string_equal(now, other);

	/* a store that holds records */
	pgdb_new(uri2, sizeof uri2);
	pg_init(uri2, true);
	svctest_idnum(12, id);
	snprintf(text, sizeof text, REG_CASE(id));
	j = submit(uri2, "2026-01-06", "reg2.json", text);
	json_decref(j);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>&1", J,
	    svctest_db, uri2), 2);
	assert_non_null(strstr(mig_out, "holds records"));
	assert_int_equal(pg_count(uri2, "SELECT count(*) FROM jzz.persons"), 1);
	assert_int_equal(run(NULL, 0, "%s --db '%s' audit verify", J, uri2), 0);

	/* a production store for a rehearsal file */
	pgdb_new(uri3, sizeof uri3);
	pg_init(uri3, false);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>&1", J,
	    svctest_db, uri3), 2);
	assert_non_null(strstr(mig_out, "rehearsal"));
	assert_int_equal(pg_count(uri3, "SELECT count(*) FROM jzz.users"), 2);

	sha256_of(svctest_db, after);
	assert_string_equal(before, after);
}

static void
test_migrate_killed(void **state)
{
	char   uri[128], line[512], big[600], key[600], keep[128], now[128];
	int    fds[2], status;
	pid_t  pid;
	FILE  *err;
	bool   mid = false;
	json_t *j;

	(void)state;
	in_dir();
	write_file("pw-first", "Keys-Of-Office-2026\n");
	snprintf(big, sizeof big, "%s/big.db", svctest_dir);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-06-01 seed --persons 20000"
	    " >/dev/null 2>&1", J, big), 0);
	pgdb_new(uri, sizeof uri);
	pg_init(uri, true);
	pg_key_path(uri, key, sizeof key);
	file_text(key, keep, sizeof keep);

	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		dup2(fds[1], STDERR_FILENO);
		close(fds[0]);
		close(fds[1]);
		if (freopen("/dev/null", "w", stdout) == NULL)
			_exit(127);
		execl(J, J, "migrate", "--from", big, "--to", uri, (char *)NULL);
		_exit(127);
	}
	close(fds[1]);
	err = fdopen(fds[0], "r");
	assert_non_null(err);
	/* the persons are in, the applications not yet committed */
	while (fgets(line, sizeof line, err) != NULL)
		if (strncmp(line, "migrate: persons 20000/20000", 28) == 0) {
			mid = true;
			break;
		}
	assert_true(mid);
	kill(pid, SIGKILL);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	fclose(err);
	assert_true(WIFSIGNALED(status));

	/* as it was: no records, its own chain under its own key */
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.persons"), 0);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.applications"), 0);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.meta WHERE key = 'migrated_from'"),
	    0);
	file_text(key, now, sizeof now);
	assert_string_equal(now, keep);
	assert_int_equal(run(NULL, 0, "%s --db '%s' audit verify", J, uri), 0);

	/* run again, it completes */
	assert_int_equal(run(mig_out, sizeof mig_out, "%s migrate --from %s --to '%s' 2>/dev/null", J,
	    big, uri), 0);
	j = parse(mig_out);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(j, "tables"), "persons")),
	    20000);
	json_decref(j);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.persons"), 20000);
	assert_int_equal(run(NULL, 0, "%s --db '%s' audit verify", J, uri), 0);
}

static void
test_seed_postgresql(void **state)
{
	char        uri[128], id[19], text[1024], want[64];
	json_t     *j;
	long long   last;
	const char *tables[][2] = {
		{ "persons", "persons" }, { "applications", "applications" },
		{ "registrations", "registrations" }, { "permits", "permits" }, { "cards", "cards" },
		{ "endorsements", "endorsements" }, { "changes", "changes" }, { "fees", "fees" },
		{ "sms", "sms_outbox" }, { "rule_rows", "application_rules" },
	};

	(void)state;
	in_dir();
	pgdb_new(uri, sizeof uri);
	assert_int_equal(run(mig_out, sizeof mig_out, "%s --db '%s' --today 2026-06-01 seed"
	    " --persons 2000 2>/dev/null", J, uri), 0);
	j = parse(mig_out);
	assert_int_equal(json_integer_value(json_object_get(j, "persons")), 2000);
	for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		char sql[128];

		snprintf(sql, sizeof sql, "SELECT count(*) FROM jzz.%s", tables[i][1]);
		assert_int_equal(pg_count(uri, sql), json_integer_value(json_object_get(j,
		    tables[i][0])));
	}
	assert_true(json_integer_value(json_object_get(j, "applications")) > 2000);
	json_decref(j);
	assert_int_equal(run(NULL, 0, "%s --db '%s' audit verify", J, uri), 0);

	/* the next receipt of a seeded day at a seeded centre */
	last = pg_count(uri, "SELECT coalesce(max(last), 0) FROM jzz.receipt_seq WHERE centre ="
	    " '310105009' AND day = '2026-06-01'");
	assert_true(last >= 0);
	svctest_idnum(21, id);
	snprintf(text, sizeof text, REG_CASE(id));
	j = submit(uri, "2026-06-01", "reg.json", text);
	assert_string_equal(decision_of(j), "accept");
	snprintf(want, sizeof want, "310105009-20260601-%04lld", last + 1);
	assert_string_equal(json_str(json_object_get(j, "record"), "receipt_no"), want);
	json_decref(j);
	assert_int_equal(pg_count(uri, "SELECT count(*) FROM jzz.applications WHERE receipt_no LIKE"
	    " '310105009-20260601-%'"), last + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_migrate_a_centre, mig_setup, mig_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_refused, mig_setup, mig_teardown),
		cmocka_unit_test_setup_teardown(test_migrate_killed, mig_setup, mig_teardown),
		cmocka_unit_test_setup_teardown(test_seed_postgresql, mig_setup, mig_teardown),
	};
	const char *host = getenv("PGHOST"), *req = getenv("JZZ_TEST_REQUIRE_PG");

	if (host == NULL || *host == '\0') {
		printf("%s: PGHOST is not set (no PostgreSQL server to test against)\n",
		    req != NULL && strcmp(req, "1") == 0 ? "FAIL" : "SKIP");
		return req != NULL && strcmp(req, "1") == 0 ? 1 : 77;
	}
	/* the file is a file whatever backend the run is on */
	unsetenv("JZZ_TEST_BACKEND");
	return cmocka_run_group_tests(tests, NULL, NULL);
}
