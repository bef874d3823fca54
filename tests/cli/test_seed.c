/*
 * test_seed.c: `jzz seed` makes a file that keeps every constraint of the
 * schema and that the other commands read like any other.
 *
 * Why these checks: the seed loads with foreign keys off and indexes
 * dropped, for speed; integrity_check and foreign_key_check prove nothing
 * was lost by that. ID numbers are re-checked with idnum_parse (check
 * character, province, birth date), and `jzz person` must find a seeded
 * person with its permit, as a clerk would. 2,000 persons: about a second.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "jzz/idnum.h"
#include "testdb.h"

static char seed_dir[256];
static char seed_db[512];

static int
seed_setup(void **state)
{
	char cmd[2048];

	(void)state;
	snprintf(seed_dir, sizeof seed_dir, "/tmp/jzz-test-seed-XXXXXX");
	if (mkdtemp(seed_dir) == NULL)
		return -1;
	testdb_make(seed_db, sizeof seed_db, seed_dir, "seed.db");
	snprintf(cmd, sizeof cmd, "JZZ_DATA_DIR=%s %s --db %s --today 2026-11-27 seed --persons 2000"
	    " --years 4 --check > %s/seed.json 2> /dev/null", JZZ_DATADIR, JZZ_BIN, seed_db, seed_dir);
	if (system(cmd) == 0)
		return 0;
	testdb_drop();   /* no teardown after a failed setup */
	return -1;
}

static int
seed_teardown(void **state)
{
	char cmd[300];

	(void)state;
	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", seed_dir);
	return system(cmd) == 0 ? 0 : -1;
}

static long long
seed_count(const char *sql)
{
	return testdb_count(seed_db, sql);
}

/* SQLite's own checks of the file: what the seed's speed-ups (foreign keys
 * off, indexes dropped while loading) could have broken. (A PostgreSQL
 * server checks its foreign keys itself.) */
static void
test_seed_integrity(void **state)
{
	sqlite3      *h = NULL;
	sqlite3_stmt *s;

	(void)state;
	if (testdb_is_pg())
		skip();
	assert_int_equal(sqlite3_open_v2(seed_db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "ok");
	sqlite3_finalize(s);
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA foreign_key_check", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_DONE);   /* no row: no broken reference */
	sqlite3_finalize(s);
	/* the seed leaves the file in WAL mode like init does */
	assert_int_equal(sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(s, 0), "wal");
	sqlite3_finalize(s);
	sqlite3_close(h);
}

static void
test_seed_contents(void **state)
{
	(void)state;
	assert_int_equal(seed_count("SELECT count(*) FROM persons"), 2000);
	assert_true(seed_count("SELECT count(*) FROM applications") > 4000);
	/* every stage of a permit and card is present */
	assert_true(seed_count("SELECT count(*) FROM permits WHERE status = 'cancelled'") > 0);
	assert_true(seed_count("SELECT count(*) FROM permits WHERE status = 'active'"
	    " AND valid_until < '2026-11-27'") > 0);                       /* suspended */
	assert_true(seed_count("SELECT count(*) FROM cards WHERE state = 'ordered'"
	    " AND ready_on > '2026-11-27'") > 0);                          /* accepted, in production */
	assert_true(seed_count("SELECT count(*) FROM cards WHERE state = 'ordered'"
	    " AND ready_on <= '2026-11-27'") >= 0);                        /* made */
	assert_true(seed_count("SELECT count(*) FROM cards WHERE state = 'received'") > 0);
	assert_true(seed_count("SELECT count(*) FROM cards WHERE state = 'picked_up'") > 0);
	assert_true(seed_count("SELECT count(*) FROM endorsements WHERE kind = 'counter'"
	    " AND day > old_valid_until") > 0);                            /* late */
	assert_true(seed_count("SELECT count(*) FROM endorsements WHERE kind = 'counter'"
	    " AND day <= old_valid_until") > 0);                           /* on time */
	assert_true(seed_count("SELECT count(DISTINCT centre) FROM applications") == 10);
	/* receipts continue after the seed: the sequence holds the last number */
	assert_int_equal(seed_count("SELECT count(*) FROM receipt_seq r WHERE last <>"
	    " (SELECT count(*) FROM applications a WHERE a.centre = r.centre AND a.day = r.day"
	    " AND a.receipt_no IS NOT NULL)"), 0);
	/* one audit entry says what the seed did */
	assert_int_equal(seed_count("SELECT count(*) FROM audit_log WHERE action = 'seed'"), 1);
}

/* The report's tallies (schema v11) hold exactly what the records count,
 * day by day and centre by centre, after a load whose rows the triggers
 * saw arrive in the seed's order (permits after their endorsements). The
 * GROUP BYs are written again here on purpose: a test that called the
 * store's own text would agree with any mistake in it. */
static void
test_seed_tallies(void **state)
{
	(void)state;
	assert_true(seed_count("SELECT count(*) FROM auto_refusals") > 0);
	assert_int_equal(seed_count("SELECT count(*) FROM auto_refusals"),
	    seed_count("SELECT count(*) FROM endorsements e JOIN permits p ON p.id = e.permit_id"
	    " WHERE e.kind = 'auto' AND e.outcome = 'not_endorsed' AND p.status = 'active'"
	    " AND e.old_valid_until = p.valid_until"));
	assert_int_equal(seed_count("SELECT count(*) FROM (SELECT day, centre, sum(f) AS f,"
	    " sum(r) AS r, sum(h) AS h, sum(x) AS x FROM ("
	    "  SELECT a.day AS day, a.centre AS centre, 1 AS f, 0 AS r, 0 AS h, 0 AS x FROM fees y"
	    "  JOIN applications a ON a.id = y.application_id"
	    "  UNION ALL SELECT received_on, centre, 0, 1, 0, 0 FROM cards WHERE received_on IS NOT NULL"
	    "  UNION ALL SELECT handed_on, centre, 0, 0, 1, 0 FROM cards WHERE handed_on IS NOT NULL"
	    "  UNION ALL SELECT e.day, p.centre, 0, 0, 0, 1 FROM endorsements e"
	    "  JOIN permits p ON p.id = e.permit_id WHERE e.kind = 'auto'"
	    "  AND e.outcome = 'not_endorsed' AND p.status = 'active'"
	    "  AND e.old_valid_until = p.valid_until) t GROUP BY day, centre) g"
	    " FULL JOIN day_tallies d USING (day, centre)"
	    " WHERE g.f IS DISTINCT FROM d.fee_lines OR g.r IS DISTINCT FROM d.cards_received"
	    " OR g.h IS DISTINCT FROM d.cards_handed OR g.x IS DISTINCT FROM d.auto_refused"), 0);
	assert_true(seed_count("SELECT sum(fee_lines) FROM day_tallies") > 0);
}

static void
test_seed_idnums(void **state)
{
	static char all[2000 * 32 + 64];
	jzz_date    today = date_from_ymd(2026, 11, 27);
	int         n = 0;

	(void)state;
	/* every person as "ID BIRTH," in one text (the tests' own look) */
	testdb_text(seed_db, all, sizeof all, testdb_is_pg() ?
	    "SELECT string_agg(id_number || ' ' || birth_date || ',', '') FROM persons" :
	    "SELECT group_concat(id_number || ' ' || birth_date || ',', '') FROM persons");
	for (char *line = all, *end; (end = strchr(line, ',')) != NULL; line = end + 1) {
		char         id[19], b[JZZ_DATE_STRLEN], birth[JZZ_DATE_STRLEN];
		struct idnum in;

		*end = '\0';
		assert_int_equal(sscanf(line, "%18s %10s", id, b), 2);
		assert_int_equal(idnum_parse(id, strlen(id), today, &in), IDNUM_OK);
		assert_true(idnum_province_valid(in.province));
		assert_true(in.province != 31);          /* 来沪人员: not a Shanghai number */
		date_format(in.birth, birth);
		assert_string_equal(birth, b);
		n++;
	}
	assert_int_equal(n, 2000);
}

static void
test_seed_person_found(void **state)
{
	char  id[19] = "", cmd[1024], out[8192];
	FILE *p;
	size_t len;

	(void)state;
	testdb_text(seed_db, id, sizeof id, "SELECT pe.id_number FROM persons pe JOIN permits p"
	    " ON p.person_id = pe.id WHERE p.status = 'active' LIMIT 1");
	assert_int_equal(strlen(id), 18);
	snprintf(cmd, sizeof cmd, "JZZ_DATA_DIR=%s %s --db %s --today 2026-11-27 person %s",
	    JZZ_DATADIR, JZZ_BIN, seed_db, id);
	p = popen(cmd, "r");
	assert_non_null(p);
	len = fread(out, 1, sizeof out - 1, p);
	out[len] = '\0';
	assert_int_equal(pclose(p), 0);
	assert_non_null(strstr(out, id));
	assert_non_null(strstr(out, "permit"));
}

/* A second seed on the same file is refused: seed never overwrites. */
static void
test_seed_refuses_existing(void **state)
{
	char cmd[1024];

	(void)state;
	snprintf(cmd, sizeof cmd, "%s --db %s seed --persons 10 > /dev/null 2>&1", JZZ_BIN, seed_db);
	assert_int_not_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_integrity),
		cmocka_unit_test(test_seed_contents),
		cmocka_unit_test(test_seed_tallies),
		cmocka_unit_test(test_seed_idnums),
		cmocka_unit_test(test_seed_person_found),
		cmocka_unit_test(test_seed_refuses_existing),
	};

	return cmocka_run_group_tests(tests, seed_setup, seed_teardown);
}
