/*
 * test_store.c: the SQLite store on its own: creation and refusal of a file
 * holding data, the schema's guards (STRICT, CHECK, foreign keys, the
 * append-only audit log), the hash chain and its verification, receipt
 * numbers, the calendar round trip, and the migrations from every earlier
 * schema version (a v1 file built by the v1 script is migrated and keeps its
 * records).
 *
 * On PostgreSQL (testdb.h) the same cases run on a database of the
 * server, but for those about the SQLite file itself (its pragmas, its
 * header's version, the migrations of files of earlier versions, the WAL
 * checkpointer, a backup to a file, files at the path), which skip.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "jzz/store.h"
#include "testdb.h"

static char tmpdir[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/jzz-store-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		return -1;
	return setenv("JZZ_T", tmpdir, 1);
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The store target called name (made by new_store), or a file's path. */
static void
path_of(char *buf, size_t size, const char *name)
{
	snprintf(buf, size, "%s/%s", tmpdir, name);
}

static void
target_of(char *buf, size_t size, const char *name)
{
	testdb_target(buf, size, tmpdir, name);
}

/* What the cases about the SQLite file itself begin with. */
#define SQLITE_FILE_ONLY() do { if (testdb_is_pg()) skip(); } while (0)

static const uint8_t test_key[32] = "0123456789abcdef0123456789abcdef";

/* Opens (the audit key set, as the service sets it from the key file). */
static struct store *
open_store(const char *name)
{
	char          path[512], err[256];
	struct store *st;

	target_of(path, sizeof path, name);
	if (store_open(path, false, &st, err, sizeof err) != STORE_OK)
		fail_msg("open %s: %s", path, err);
	store_set_audit_key(st, test_key, sizeof test_key);
	return st;
}

/* A new database: built at a temporary name, put in place, reopened. */
static struct store *
new_store(const char *name)
{
	char          path[512], err[256];
	struct store *st;

	testdb_make(path, sizeof path, tmpdir, name);
	if (store_open(path, true, &st, err, sizeof err) != STORE_OK)
		fail_msg("create %s: %s", path, err);
	if (!testdb_is_pg())
		assert_int_not_equal(access(path, F_OK), 0);   /* not there until whole */
	store_set_audit_key(st, test_key, sizeof test_key);
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_audit_mark(st, true, true), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_publish(st, true), STORE_OK);
	return open_store(name);
}

static long long
count(const char *dbname, const char *sql)
{
	char target[512];

	target_of(target, sizeof target, dbname);
	return testdb_count(target, sql);
}

static void
test_store_create_and_refuse(void **state)
{
	struct store *st = new_store("a.db");
	char          path[512], err[256], buf[64];
	FILE         *f;

	(void)state;
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_meta_set(st, "home_centre", "310105009"), STORE_OK);
	assert_int_equal(store_meta_get(st, "home_centre", buf, sizeof buf), STORE_OK);
	assert_string_equal(buf, "310105009");
	store_close(st);
	assert_int_equal(count("a.db", "SELECT count(*) FROM centres"), 10);
	assert_int_equal(count("a.db", "SELECT count(*) FROM kiosks"), 3);
	assert_int_equal(count("a.db", "SELECT count(*) FROM centres WHERE code = '310105102'"
	    " AND name_zh = '新泾镇'"), 1);

	/* a store holding data is never initialised again */
	target_of(path, sizeof path, "a.db");
	assert_int_equal(store_open(path, true, &st, err, sizeof err), STORE_EXISTS);
	/* the rest is about files at the path */
	if (testdb_is_pg())
		return;
	/* a failed build leaves nothing beside, and the empty file someone
	 * made at the path stays as it was */
	path_of(path, sizeof path, "empty.db");
	f = fopen(path, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(store_open(path, true, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_publish(st, false), STORE_ERR);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(count("empty.db", "SELECT count(*) FROM sqlite_schema"), 0);
	assert_int_equal(system("n=$(ls \"$JZZ_T\" | grep -c 'empty.db.new'); test $n -eq 0"), 0);
	/* nor is a file that is not SQLite at all */
	path_of(path, sizeof path, "junk.db");
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("not a database, but somebody's data\n", f);
	fclose(f);
	assert_int_equal(store_open(path, true, &st, err, sizeof err), STORE_EXISTS);
	/* and opening a missing file does not create one */
	path_of(path, sizeof path, "missing.db");
	assert_int_not_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_not_equal(access(path, F_OK), 0);
}

static void
test_store_pragmas(void **state)
{
	struct store *st;

	(void)state;
	SQLITE_FILE_ONLY();   /* SQLite's journal mode and STRICT tables */
	st = new_store("p.db");
	store_close(st);
	assert_int_equal(count("p.db", "SELECT count(*) FROM pragma_journal_mode WHERE"
	    " journal_mode = 'wal'"), 1);
	/* every table is STRICT */
	assert_int_equal(count("p.db", "SELECT count(*) FROM pragma_table_list WHERE schema = 'main'"
	    " AND type = 'table' AND name NOT LIKE 'sqlite_%' AND strict = 0"), 0);
}

static void
test_store_constraints(void **state)
{
	struct store *st = new_store("c.db");

	(void)state;
	/* CHECK on codes */
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO users (name, role, created_at)"
	    " VALUES ('x', 'superuser', 'now')"), STORE_ERR);
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO centres VALUES ('31010500X', 'x', 'street')"),
	    STORE_ERR);
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO holidays VALUES ('2026-02-30', 1)"),
	    STORE_ERR);
	/* STRICT: no text in an integer column */
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO holidays VALUES ('2026-02-03', 'yes')"),
	    STORE_ERR);
	/* foreign keys are on */
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO users (name, role, centre, created_at)"
	    " VALUES ('y', 'clerk', '310105999', 'now')"), STORE_ERR);
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	store_close(st);
}

static void
audit_append(struct store *st, int times)
{
	struct store_audit_entry e = { 0, "admin", "admin", "310105009", "test", "s", "r" };

	e.day = date_from_ymd(2026, 11, 27);
	for (int i = 0; i < times; i++) {
		assert_int_equal(store_begin(st), STORE_OK);
		assert_int_equal(store_audit_append(st, &e), STORE_OK);
		assert_int_equal(store_commit(st), STORE_OK);
	}
}

static void
test_store_audit_chain(void **state)
{
	struct store             *st = new_store("au.db");
	struct store_audit_result r;
	long long                 seq;
	char                      mac[65], head[65], path[512];

	(void)state;
	audit_append(st, 5);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.entries, 5);
	assert_int_equal(r.first_broken, 0);
	assert_int_equal(store_audit_head(st, &seq, head), STORE_OK);
	assert_int_equal(seq, 5);
	assert_int_equal(store_audit_verify(st, 5, head, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	/* append-only: the triggers refuse */
	assert_int_equal(store_exec_for_tests(st, "UPDATE audit_log SET reason = 'x' WHERE seq = 3"),
	    STORE_ERR);
	assert_int_equal(store_exec_for_tests(st, "DELETE FROM audit_log WHERE seq = 3"), STORE_ERR);
	/* the changed entry, the guards out of the way and put back */
	target_of(path, sizeof path, "au.db");
	assert_int_equal(testdb_sql_unguarded(path, "UPDATE audit_log SET reason = 'x' WHERE"
	    " seq = 3"), 0);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 3);
	assert_non_null(strstr(r.reason, "altered"));
	store_close(st);
	/* someone who drops the guard is caught, every entry whole */
	st = new_store("au1.db");
	audit_append(st, 5);
	target_of(path, sizeof path, "au1.db");
	assert_int_equal(testdb_guard_drop(path, "UPDATE"), 0);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_not_equal(r.first_broken, 0);
	assert_non_null(strstr(r.reason, "guard"));
	store_close(st);

	/* the newest entries removed (and the guard put back): only a head
	 * recorded before shows it */
	st = new_store("au2.db");
	audit_append(st, 10);
	assert_int_equal(store_audit_head(st, &seq, head), STORE_OK);
	target_of(path, sizeof path, "au2.db");
	assert_int_equal(testdb_sql_unguarded(path, "DELETE FROM audit_log WHERE seq > 4"), 0);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	assert_int_equal(store_audit_verify(st, seq, head, &r), STORE_OK);
	assert_int_equal(r.first_broken, 10);
	assert_non_null(strstr(r.reason, "gone"));
	/* a removed entry in the middle */
	assert_int_equal(testdb_guard_drop(path, "DELETE"), 0);
	assert_int_equal(testdb_sql(path, "DELETE FROM audit_log WHERE seq = 2"), 0);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 1);   /* the guard first */
	store_close(st);

	/* history rewritten and the chain recomputed without the key: every
	 * MAC differs (here: a chain made under another key) */
	st = new_store("au3.db");
	audit_append(st, 3);
	store_close(st);
	{
		char          err[256];
		uint8_t       other[32] = "another key, not the real one..";
		struct store *x;

		target_of(path, sizeof path, "au3.db");
		assert_int_equal(store_open(path, false, &x, err, sizeof err), STORE_OK);
		store_set_audit_key(x, other, sizeof other);
		assert_int_equal(store_audit_verify(x, 0, NULL, &r), STORE_OK);
		assert_int_not_equal(r.first_broken, 0);
		store_close(x);
	}
	/* a head that is not this chain's */
	st = open_store("au3.db");
	assert_int_equal(store_audit_head(st, &seq, mac), STORE_OK);
	mac[0] = mac[0] == 'a' ? 'b' : 'a';
	assert_int_equal(store_audit_verify(st, seq, mac, &r), STORE_OK);
	assert_int_equal(r.first_broken, seq);
	store_close(st);
}

/* The rows an entry's act wrote are bound by it: a direct edit or removal
 * shows in verify. */
static void
test_store_audit_records(void **state)
{
	struct store             *st = new_store("rec.db");
	struct store_audit_entry  e = { 0, "admin", "admin", "310105009", "application", "x", "" };
	struct store_audit_result r;
	struct store_person       p;

	(void)state;
	memset(&p, 0, sizeof p);
	snprintf(p.id, sizeof p.id, "00000000-0000-4000-8000-000000000001");
	snprintf(p.id_number, sizeof p.id_number, "340104199207193170");
	snprintf(p.name, sizeof p.name, "陈静");
	e.day = date_from_ymd(2026, 11, 27);
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_person_insert(st, &p), STORE_OK);
	assert_int_equal(store_audit_append(st, &e), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(count("rec.db", "SELECT count(*) FROM audit_log WHERE records LIKE"
	    " 'persons:00000000-0000-4000-8000-000000000001:%'"), 1);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	/* an update through the store, audited: still whole */
	snprintf(p.name, sizeof p.name, "陈静怡");
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_person_update(st, &p), STORE_OK);
	assert_int_equal(store_audit_append(st, &e), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	/* an edit behind the store's back (the sqlite3 shell's, psql's) */
	assert_int_equal(store_exec_for_tests(st, "UPDATE persons SET name = '王五'"), STORE_OK);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 2);
	assert_non_null(strstr(r.reason, "changed outside jzz"));
	/* a migration that adds a column leaves the digests whole */
	assert_int_equal(store_exec_for_tests(st, "UPDATE persons SET name = '陈静怡'"), STORE_OK);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	assert_int_equal(store_exec_for_tests(st, "ALTER TABLE persons ADD COLUMN extra TEXT"),
	    STORE_OK);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_int_equal(r.first_broken, 0);
	assert_int_equal(store_exec_for_tests(st, "DELETE FROM persons"), STORE_OK);
	assert_int_equal(store_audit_verify(st, 0, NULL, &r), STORE_OK);
	assert_non_null(strstr(r.reason, "removed"));
	store_close(st);
}

static void
test_store_receipts(void **state)
{
	struct store *st = new_store("r.db");
	char          r[STORE_RECEIPT_LEN];
	jzz_date      d = date_from_ymd(2026, 11, 27);

	(void)state;
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_receipt_next(st, "310105009", d, r), STORE_OK);
	assert_string_equal(r, "310105009-20261127-0001");
	assert_int_equal(store_receipt_next(st, "310105009", d, r), STORE_OK);
	assert_string_equal(r, "310105009-20261127-0002");
	assert_int_equal(store_receipt_next(st, "310105001", d, r), STORE_OK);
	assert_string_equal(r, "310105001-20261127-0001");
	assert_int_equal(store_receipt_next(st, "310105009", d + 1, r), STORE_OK);
	assert_string_equal(r, "310105009-20261128-0001");
	assert_int_equal(store_commit(st), STORE_OK);
	/* a rolled-back business gives its number back */
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_receipt_next(st, "310105009", d, r), STORE_OK);
	assert_string_equal(r, "310105009-20261127-0003");
	store_rollback(st);
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_receipt_next(st, "310105009", d, r), STORE_OK);
	assert_string_equal(r, "310105009-20261127-0003");
	assert_int_equal(store_commit(st), STORE_OK);
	store_close(st);
}

static void
test_store_calendar_roundtrip(void **state)
{
	struct store    *st = new_store("cal.db");
	struct calendar *a = calendar_new(), *b = calendar_new();
	static const char json[] =
		"{\"year\": 2026, \"days\": ["
		"{\"name\": \"x\", \"date\": \"2026-01-01\", \"isOffDay\": true},"
		"{\"name\": \"x\", \"date\": \"2026-01-04\", \"isOffDay\": false},"
		"{\"name\": \"x\", \"date\": \"2025-12-31\", \"isOffDay\": true}]}";
	char             err[256];

	(void)state;
	assert_int_equal(calendar_load_json(a, json, strlen(json), err, sizeof err), 2026);
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_calendar_save(st, a), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_calendar_load(st, b), STORE_OK);
	assert_true(calendar_year_loaded(b, 2026));
	assert_false(calendar_year_loaded(b, 2025));
	assert_int_equal(calendar_override(b, date_from_ymd(2026, 1, 1)), 1);
	assert_int_equal(calendar_override(b, date_from_ymd(2026, 1, 4)), 0);
	assert_int_equal(calendar_override(b, date_from_ymd(2025, 12, 31)), 1);
	assert_int_equal(calendar_override(b, date_from_ymd(2026, 1, 5)), -1);
	calendar_free(a);
	calendar_free(b);
	store_close(st);
}

/*
 * Every earlier version is built with its own scripts, given records, and
 * reopened: store_open migrates it to the current version and the records
 * survive.
 */
static void
test_store_migrations(void **state)
{
	(void)state;
	SQLITE_FILE_ONLY();   /* files of earlier versions: PostgreSQL stores begin at this one */
	for (int v = 1; v < STORE_SCHEMA_VERSION; v++) {
		char                name[32], path[512], err[256];
		struct store       *st;
		struct store_person p, q;

		snprintf(name, sizeof name, "v%d.db", v);
		path_of(path, sizeof path, name);
		unlink(path);
		assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
		assert_int_equal(store_build_version(st, v), STORE_OK);
		assert_int_equal(store_user_version(st), v);
		/* the users table as version v has it */
		assert_int_equal(store_exec_for_tests(st, "INSERT INTO users (name, role, centre,"
		    " created_at) VALUES ('clerk1', 'clerk', '310105009', 'now')"), STORE_OK);
		/* a person as version v wrote one: the id as its text (v8 made
		 * ids 16 bytes, which the store now binds) */
		memset(&p, 0, sizeof p);
		snprintf(p.id, sizeof p.id, "00000000-0000-4000-8000-000000000001");
		p.birth = date_from_ymd(1992, 7, 19);
		assert_int_equal(store_exec_for_tests(st, v < 8 ? "INSERT INTO persons (id, id_number,"
		    " name, birth_date, created_at, updated_at) VALUES"
		    " ('00000000-0000-4000-8000-000000000001', '340104199207193170', '陈静',"
		    " '1992-07-19', 'now', 'now')" : "INSERT INTO persons (id, id_number, name,"
		    " birth_date, created_at, updated_at) VALUES (X'00000000000040008000000000000001',"
		    " '340104199207193170', '陈静', '1992-07-19', 'now', 'now')"), STORE_OK);
		store_close(st);
		if (v < 2)
			assert_int_equal(count(name, "SELECT count(*) FROM sqlite_schema WHERE name = 'kiosks'"), 0);

		assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
		assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
		assert_int_equal(store_person_by_idnum(st, "340104199207193170", &q), STORE_OK);
		assert_string_equal(q.name, "陈静");
		assert_int_equal(q.birth, p.birth);
		assert_string_equal(q.id, p.id);
		assert_int_equal(store_person_by_id(st, p.id, &q), STORE_OK);
		store_close(st);
		assert_int_equal(count(name, "SELECT count(*) FROM persons WHERE id ="
		    " X'00000000000040008000000000000001'"), 1);
		assert_int_equal(count(name, "SELECT count(*) FROM kiosks"), 3);
		assert_int_equal(count(name, "SELECT count(*) FROM users WHERE name = 'clerk1'"), 1);
		assert_int_equal(count(name, "SELECT count(*) FROM pragma_integrity_check"
		    " WHERE integrity_check = 'ok'"), 1);
	}
}

/*
 * v5 -> v6: a file of schema v5 with a person whose address is known only
 * as text, and an application of theirs, is migrated: the text stays, the
 * new tables are empty and take an address with its history, and their
 * CHECKs refuse a street outside its district or one no centre has.
 */
static void
test_store_migration_v6(void **state)
{
	char                      path[512], err[256];
	struct store             *st;
	struct store_person       p, q;
	struct store_application  app;
	struct store_address_row  r;
	struct store_address_row *rows;
	struct store_person      *hits;
	struct jzz_address        ad;
	size_t                    n;
	bool                      known;

	(void)state;
	SQLITE_FILE_ONLY();   /* a file of schema v5 */
	path_of(path, sizeof path, "v5-to-v6.db");
	unlink(path);
	assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_build_version(st, 5), STORE_OK);
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	/* a person and an application as v5 wrote them, ids as text */
	memset(&p, 0, sizeof p);
	snprintf(p.id, sizeof p.id, "00000000-0000-4000-8000-000000000006");
	snprintf(p.id_number, sizeof p.id_number, "340104199207193170");
	snprintf(p.name, sizeof p.name, "陈静");
	memset(&app, 0, sizeof app);
	snprintf(app.id, sizeof app.id, "00000000-0000-4000-8000-0000000000a6");
	assert_int_equal(store_exec_for_tests(st,
	    "INSERT INTO persons (id, id_number, name, address, created_at, updated_at) VALUES"
	    " ('00000000-0000-4000-8000-000000000006', '340104199207193170', '陈静', '仙霞路12号',"
	    " 'now', 'now');"
	    "INSERT INTO applications (id, day, created_at, centre, user_name, business, channel,"
	    " id_number, name, person_id, address_changed, decision, fee_yuan, cod_fee_yuan,"
	    " decision_json) VALUES ('00000000-0000-4000-8000-0000000000a6', '2026-01-05', 'now',"
	    " '310105009', 'clerk1', 'registration', 'counter', '340104199207193170', '陈静',"
	    " '00000000-0000-4000-8000-000000000006', 0, 'refuse', 0, 0, '{}')"), STORE_OK);
	store_close(st);
	assert_int_equal(count("v5-to-v6.db", "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'addresses'"), 0);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_person_by_idnum(st, p.id_number, &q), STORE_OK);
	assert_string_equal(q.address, "仙霞路12号");
	assert_int_equal(store_addresses_of(st, p.id, &rows, &n), STORE_OK);
	assert_int_equal(n, 0);
	free(rows);
	assert_int_equal(store_street_known(st, "310105009", &known), STORE_OK);
	assert_true(known);
	assert_int_equal(store_street_known(st, "310105099", &known), STORE_OK);
	assert_false(known);
	memset(&ad, 0, sizeof ad);
	snprintf(ad.district, sizeof ad.district, "310105");
	snprintf(ad.street, sizeof ad.street, "310105009");
	snprintf(ad.road, sizeof ad.road, "仙霞路");
	snprintf(ad.number, sizeof ad.number, "12");
	assert_int_equal(store_address_insert(st, p.id, app.id, date_from_ymd(2026, 1, 5), &ad),
	    STORE_OK);
	assert_int_equal(store_address_on(st, p.id, date_from_ymd(2026, 1, 5), &r), STORE_OK);
	assert_string_equal(r.a.road, "仙霞路");
	assert_int_equal(store_address_on(st, p.id, date_from_ymd(2026, 1, 4), &r), STORE_NOTFOUND);
	/* a street no centre has, one outside its district, an empty road */
	snprintf(ad.street, sizeof ad.street, "310105099");
	assert_int_equal(store_address_insert(st, p.id, app.id, date_from_ymd(2026, 1, 6), &ad),
	    STORE_ERR);
	snprintf(ad.district, sizeof ad.district, "310104");
	snprintf(ad.street, sizeof ad.street, "310105009");
	assert_int_equal(store_address_insert(st, p.id, app.id, date_from_ymd(2026, 1, 6), &ad),
	    STORE_ERR);
	snprintf(ad.district, sizeof ad.district, "310105");
	ad.road[0] = '\0';
	assert_int_equal(store_address_insert(st, p.id, app.id, date_from_ymd(2026, 1, 6), &ad),
	    STORE_ERR);
	assert_int_equal(store_persons_by_name(st, "陈静", 10, &hits, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(hits);
	store_close(st);
	assert_int_equal(count("v5-to-v6.db", "SELECT count(*) FROM addresses"), 1);
	assert_int_equal(count("v5-to-v6.db", "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'persons_by_name'"), 1);
	assert_int_equal(count("v5-to-v6.db", "SELECT count(*) FROM pragma_foreign_key_check"), 0);
}

#define V7_ID(tail) "00000000-0000-4000-8000-0000000000" tail
/* the same id as v8 keeps it (16 bytes) */
#define V7_BLOB(tail) "X'000000000000400080000000000000" tail "'"

/* Does some step of the query plan name `what`? */
static bool
test_store_plan_has(const char *dbname, const char *eqp, const char *what)
{
	char          path[512];
	sqlite3      *db;
	sqlite3_stmt *s;
	bool          found = false;

	path_of(path, sizeof path, dbname);
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, eqp, -1, &s, NULL), SQLITE_OK);
	while (sqlite3_step(s) == SQLITE_ROW)
		if (strstr((const char *)sqlite3_column_text(s, 3), what) != NULL)
			found = true;
	sqlite3_finalize(s);
	sqlite3_close(db);
	return found;
}

static void
test_store_v7_count_row(void *arg, const struct store_report_row *r)
{
	long long *n = arg;

	*n += r->n[0];
}

/*
 * v6 -> v7: the covering indexes of the report, and the cards left
 * unnotified. A v6 file with applications of a day and two cards awaiting
 * pickup at a centre, one whose notice SMS was sent, is migrated: the day's
 * index of v4 gives way to the covering one, and the report's count by
 * business reads the same applications through it (the planner's choice is
 * shown by EXPLAIN); the card without notice is overdue after its due day,
 * no longer once told by phone, again if that record goes.
 */
static void
test_store_migration_v7(void **state)
{
	char                     path[512], err[256];
	struct store            *st;
	struct store_daily       day;
	jzz_date                 day0;
	long long                n = 0;

	(void)state;
	SQLITE_FILE_ONLY();   /* a file of schema v6, SQLite's query plans */
	path_of(path, sizeof path, "v6-to-v7.db");
	unlink(path);
	assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_build_version(st, 6), STORE_OK);
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	/* three applications of a day as v6 wrote them (ids as text) */
	for (int k = 0; k < 3; k++) {
		char sql[1024];

		snprintf(sql, sizeof sql, "INSERT INTO applications (id, day, created_at, centre,"
		    " user_name, business, channel, id_number, name, address_changed, decision,"
		    " fee_yuan, cod_fee_yuan, decision_json) VALUES ('" V7_ID("b%d") "', '2026-03-02',"
		    " 'now', '310105009', 'clerk1', 'registration', 'counter', '340104199207193170',"
		    " '陈静', 0, 'refuse', 0, 0, '{}')", k);
		assert_int_equal(store_exec_for_tests(st, sql), STORE_OK);
	}
	day0 = date_from_ymd(2026, 3, 2);
	assert_int_equal(store_exec_for_tests(st,
	    "INSERT INTO persons (id, id_number, name, created_at, updated_at) VALUES"
	    " ('" V7_ID("c0") "', '340104199207193170', '陈静', 'x', 'x');"
	    "INSERT INTO permits (id, person_id, application_id, centre, status, first_issued_on,"
	    " valid_from, valid_until) VALUES ('" V7_ID("d0") "', '" V7_ID("c0") "', '" V7_ID("b0") "',"
	    " '310105009', 'active', '2026-03-02', '2026-03-02', '2027-03-01');"
	    "INSERT INTO cards (id, permit_id, application_id, business, centre, delivery, state,"
	    " accepted_on, ready_on, received_on, notice_due_on, printed_valid_until, seq) VALUES"
	    " ('" V7_ID("e1") "', '" V7_ID("d0") "', '" V7_ID("b1") "', 'permit_new', '310105009',"
	    " 'pickup', 'received', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-04',"
	    " '2027-03-01', 1),"
	    " ('" V7_ID("e2") "', '" V7_ID("d0") "', '" V7_ID("b2") "', 'permit_new', '310105009',"
	    " 'pickup', 'received', '2026-03-02', '2026-03-02', '2026-03-02', '2026-03-04',"
	    " '2027-03-01', 2);"
	    "INSERT INTO sms_outbox (person_id, phone, kind, body, ref_id, queued_on, due_on, sent_on)"
	    " VALUES ('" V7_ID("c0") "', '13800000000', 'pickup_notice', 'x', '" V7_ID("e2") "',"
	    " '2026-03-02', '2026-03-02', '2026-03-03');"
	    "INSERT INTO receipt_seq VALUES ('310105009', '2026-03-02', 1);"
	    "ANALYZE;"), STORE_OK);
	store_close(st);
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'applications_by_day_centre'"), 1);
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_stat1 WHERE idx IN"
	    " ('sqlite_autoindex_persons_2', 'sqlite_autoindex_cards_2')"), 2);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_report_query(st, STORE_REPORT_APPLICATIONS, NULL, day0, day0, 0, 0,
	    test_store_v7_count_row, &n), STORE_OK);
	assert_int_equal(n, 3);
	n = 0;
	assert_int_equal(store_report_query(st, STORE_REPORT_APPLICATIONS, "310105009", day0 - 1,
	    day0 - 1, 0, 0, test_store_v7_count_row, &n), STORE_OK);
	assert_int_equal(n, 0);
	/* PERMIT-3 through the table the migration filled and its triggers */
	assert_int_equal(store_report_daily(st, "310105009", date_from_ymd(2026, 3, 4), &day), STORE_OK);
	assert_int_equal(day.overdue_notices, 0);   /* on its due day, not late yet */
	assert_int_equal(store_report_daily(st, "310105009", date_from_ymd(2026, 3, 5), &day), STORE_OK);
	assert_int_equal(day.overdue_notices, 1);   /* e1; e2 was told by SMS */
	assert_int_equal(store_exec_for_tests(st, "INSERT INTO card_notices VALUES (" V7_BLOB("e1") ","
	    " '2026-03-05', 'phone', 'clerk1')"), STORE_OK);
	assert_int_equal(store_report_daily(st, "310105009", date_from_ymd(2026, 3, 5), &day), STORE_OK);
	assert_int_equal(day.overdue_notices, 0);
	assert_int_equal(store_exec_for_tests(st, "DELETE FROM card_notices"), STORE_OK);
	assert_int_equal(store_report_daily(st, "310105009", date_from_ymd(2026, 3, 5), &day), STORE_OK);
	assert_int_equal(day.overdue_notices, 1);
	assert_int_equal(store_exec_for_tests(st, "UPDATE cards SET state = 'picked_up',"
	    " handed_on = '2026-03-05' WHERE id = " V7_BLOB("e1")), STORE_OK);
	assert_int_equal(store_report_daily(st, "310105009", date_from_ymd(2026, 3, 5), &day), STORE_OK);
	assert_int_equal(day.overdue_notices, 0);
	store_close(st);
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'applications_by_day_centre'"), 0);
	/* v7's covering index of the day's applications gave way in v9 to the
	 * counts per day (made from these rows: the report's count above) */
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_schema WHERE name IN"
	    " ('applications_by_day_cover', 'cards_unnotified_by_centre',"
	    " 'endorsements_auto_failed_cover')"), 2);
	assert_int_equal(count("v6-to-v7.db", "SELECT sum(applications) FROM day_applications"
	    " WHERE day = '2026-03-02' AND business = 'registration' AND decision = 'refuse'"), 3);
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM pragma_integrity_check"
	    " WHERE integrity_check = 'ok'"), 1);
	/* v8 kept the planner's statistics, the constraints' under their
	 * indexes' names, and none of an index that is gone */
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_stat1 WHERE idx IN"
	    " ('persons_by_id_number', 'cards_by_application')"), 2);
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_stat1 WHERE tbl ="
	    " 'receipt_seq' AND idx = 'receipt_seq'"), 1);   /* a WITHOUT ROWID table's key */
	assert_int_equal(count("v6-to-v7.db", "SELECT count(*) FROM sqlite_stat1 WHERE idx IS NOT NULL"
	    " AND idx <> tbl AND idx NOT IN (SELECT name FROM sqlite_schema WHERE type = 'index')"), 0);
}

static void
test_store_v9_rule_row(void *arg, const struct store_report_row *r)
{
	long long *n = arg;   /* [0] fail, [1] missing, [2] warn */

	n[strcmp(r->t[1], "fail") == 0 ? 0 : strcmp(r->t[1], "missing") == 0 ? 1 : 2] += r->n[0];
}

static void
test_store_v9_doc_row(void *arg, const struct store_report_row *r)
{
	long long *n = arg;   /* by document */

	if (r->n[1] >= 0 && r->n[1] < DOC__COUNT)
		n[r->n[1]] += r->n[0];
}

/* Do the counts per day hold exactly the records' sums? (The same GROUP
 * BYs as the store's rebuild, written again here on purpose: a test that
 * called the store's text would agree with any mistake in it.) */
#define V9_COUNTS_DIFFER \
	"SELECT (SELECT count(*) FROM (SELECT day, centre, business, decision, user_name," \
	"  count(*) AS n, sum(fee_yuan) AS f FROM applications GROUP BY 1, 2, 3, 4, 5) g" \
	"  FULL JOIN day_applications d USING (day, centre, business, decision, user_name)" \
	"  WHERE d.applications IS NOT g.n OR d.fee_yuan IS NOT g.f)" \
	" + (SELECT count(*) FROM (SELECT a.day, a.centre, r.rule, r.outcome, count(*) AS n" \
	"  FROM application_rules r JOIN applications a ON a.id = r.application_id" \
	"  WHERE r.outcome <> 'pass' GROUP BY 1, 2, 3, 4) g" \
	"  FULL JOIN day_rules d USING (day, centre, rule, outcome) WHERE d.n IS NOT g.n)"

/*
 * v8 -> v9: the report's counts per day and centre. A v8 file with three
 * applications over two days (one with a fee, one lacking a document that
 * two of its rules ask for, and passing a third), migrated: the counts are
 * the records' sums, the document counted once, no passed rule counted;
 * the report reads them; an application written after adds to them in its
 * own transaction; the fees of a period come through their partial index.
 */
static void
test_store_migration_v9(void **state)
{
	char                     path[512], err[256];
	struct store            *st;
	struct store_application a;
	struct jzz_decision      d;
	jzz_date                 day0 = date_from_ymd(2026, 3, 2);
	long long                rules[3] = { 0 }, docs[DOC__COUNT] = { 0 };

	(void)state;
	SQLITE_FILE_ONLY();   /* a file of schema v8 */
	path_of(path, sizeof path, "v8-to-v9.db");
	unlink(path);
	assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_build_version(st, 8), STORE_OK);
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	assert_int_equal(store_exec_for_tests(st,
	    "INSERT INTO applications (id, day, created_at, centre, user_name, business, channel,"
	    " id_number, name, address_changed, decision, fee_yuan, cod_fee_yuan, receipt_no,"
	    " decision_json) VALUES"
	    " (" V7_BLOB("b1") ", '2026-03-02', 'now', '310105009', 'clerk1', 'permit_new', 'counter',"
	    "  '340104199207193170', '陈静', 0, 'accept', 20, 0, '310105009-20260302-0001', '{}'),"
	    " (" V7_BLOB("b2") ", '2026-03-02', 'now', '310105009', 'clerk1', 'permit_new', 'counter',"
	    "  '340104199207193170', '陈静', 0, 'incomplete', 0, 0, NULL, '{}'),"
	    " (" V7_BLOB("b3") ", '2026-03-03', 'now', '310105009', 'clerk1', 'registration',"
	    "  'counter', '340104199207193170', '陈静', 0, 'refuse', 0, 0, NULL, '{}');"
	    "INSERT INTO fees (application_id, kind, amount_yuan, fee_receipt_no, collected_by)"
	    " VALUES (" V7_BLOB("b1") ", 'card_fee', 20, 'F1', 'counter');"
	    /* docs 5 = documents 0 and 2; 4 = document 2 again */
	    "INSERT INTO application_rules VALUES (" V7_BLOB("b2") ", 0, 'PERMIT-1', 'missing', 0, 0,"
	    " 5, NULL, 0), (" V7_BLOB("b2") ", 1, 'HOUSE-1', 'missing', 0, 0, 4, NULL, 0),"
	    " (" V7_BLOB("b2") ", 2, 'REG-3', 'pass', 0, 0, 0, NULL, 0),"
	    " (" V7_BLOB("b2") ", 3, 'ID-2', 'warn', 0, 0, 0, NULL, 0),"
	    " (" V7_BLOB("b3") ", 0, 'REG-3', 'fail', 0, 0, 0, NULL, 0)"), STORE_OK);
	store_close(st);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	assert_int_equal(count("v8-to-v9.db", "SELECT count(*) FROM day_applications"), 3);
	assert_int_equal(count("v8-to-v9.db", "SELECT fee_yuan FROM day_applications WHERE"
	    " decision = 'accept'"), 20);
	assert_int_equal(count("v8-to-v9.db", "SELECT count(*) FROM day_rules"), 4);
	assert_int_equal(count("v8-to-v9.db", "SELECT count(*) FROM day_rules WHERE rule = 'REG-3'"
	    " AND outcome = 'fail' AND day = '2026-03-03' AND n = 1"), 1);
	assert_int_equal(count("v8-to-v9.db", "SELECT count(*) FROM day_docs"), 2);
	assert_int_equal(count("v8-to-v9.db", "SELECT n FROM day_docs WHERE doc = 2"), 1);
	assert_int_equal(count("v8-to-v9.db", "SELECT n FROM day_docs WHERE doc = 0"), 1);
	assert_int_equal(count("v8-to-v9.db", V9_COUNTS_DIFFER), 0);
	assert_true(test_store_plan_has("v8-to-v9.db", "EXPLAIN QUERY PLAN SELECT a.day, f.kind"
	    " FROM applications a CROSS JOIN fees f ON f.application_id = a.id"
	    " WHERE a.day BETWEEN '2026-03-01' AND '2026-03-31'"
	    " AND (a.fee_yuan > 0 OR a.cod_fee_yuan > 0)", "applications_with_fees"));
	assert_int_equal(count("v8-to-v9.db", "SELECT count(*) FROM sqlite_schema WHERE name ="
	    " 'applications_by_day_cover'"), 0);

	/* the report reads the counts; an application written now adds to them */
	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	memset(&a, 0, sizeof a);
	snprintf(a.id, sizeof a.id, V7_ID("b4"));
	a.day = day0;
	snprintf(a.centre, sizeof a.centre, "310105009");
	snprintf(a.user, sizeof a.user, "clerk1");
	a.business = BIZ_PERMIT_NEW;
	a.channel = CH_COUNTER;
	snprintf(a.id_number, sizeof a.id_number, "340104199207193170");
	snprintf(a.name, sizeof a.name, "陈静");
	a.decision_json = "{}";
	memset(&d, 0, sizeof d);
	d.verdict = VERDICT_INCOMPLETE;
	d.nresults = 2;
	d.results[0] = (struct rule_result){ .rule = 0, .outcome = OUT_MISSING, .docs = DOCBIT(2) };
	d.results[1] = (struct rule_result){ .rule = 1, .outcome = OUT_PASS };
	d.ready_on = d.new_valid_until = JZZ_DATE_NONE;
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_application_insert(st, &a, &d), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_report_query(st, STORE_REPORT_RULES, NULL, day0, day0 + 1, 0, 0,
	    test_store_v9_rule_row, rules), STORE_OK);
	assert_int_equal(rules[0], 1);   /* REG-3 failed on the 3rd */
	assert_int_equal(rules[1], 3);   /* two of b2's, one of b4's */
	assert_int_equal(rules[2], 1);
	assert_int_equal(store_report_query(st, STORE_REPORT_DOCS, "310105009", day0, day0, 0, 0,
	    test_store_v9_doc_row, docs), STORE_OK);
	assert_int_equal(docs[2], 2);
	assert_int_equal(docs[0], 1);
	assert_int_equal(docs[1], 0);
	memset(docs, 0, sizeof docs);
	assert_int_equal(store_report_query(st, STORE_REPORT_DOCS, "310105009", day0 + 1, day0 + 1,
	    0, 0, test_store_v9_doc_row, docs), STORE_OK);
	assert_int_equal(docs[2], 0);
	store_close(st);
	assert_int_equal(count("v8-to-v9.db", V9_COUNTS_DIFFER), 0);
	assert_int_equal(count("v8-to-v9.db", "SELECT n FROM day_docs WHERE doc = 2"), 2);
	assert_int_equal(count("v8-to-v9.db", "SELECT applications FROM day_applications WHERE"
	    " decision = 'incomplete'"), 2);
}

/*
 * v9 -> v10: the active permits' indexes by last day with the status in
 * their key, the fees' with the ledger's columns, the fee receipts by
 * number. A v9 file with the planner's statistics of the old indexes,
 * migrated: the new ones have the status column and the old figures with
 * the status's count repeated; a window's count is read from the index
 * alone and its page in the index's order (no sort of the window), for one
 * centre and for the district.
 */
static void
test_store_migration_v10(void **state)
{
	char          path[512], err[256];
	struct store *st;

	(void)state;
	SQLITE_FILE_ONLY();   /* a file of schema v9 */
	path_of(path, sizeof path, "v9-to-v10.db");
	unlink(path);
	assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_build_version(st, 9), STORE_OK);
	assert_int_equal(store_exec_for_tests(st, "ANALYZE sqlite_schema;"
	    "INSERT INTO sqlite_stat1 VALUES ('permits', 'permits_by_valid_until', '6000 12'),"
	    " ('permits', 'permits_by_centre_valid_until', '6000 600 2'),"
	    " ('permits', 'permits_by_person', '6000 1'), ('fees', 'fees_by_application', '900 1')"),
	    STORE_OK);
	store_close(st);
	assert_int_equal(count("v9-to-v10.db", "SELECT count(*) FROM pragma_index_info("
	    "'permits_by_centre_valid_until')"), 2);
	assert_int_equal(count("v9-to-v10.db", "SELECT count(*) FROM sqlite_stat1"), 4);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	store_close(st);
	assert_int_equal(count("v9-to-v10.db", "SELECT count(*) FROM pragma_index_info("
	    "'permits_by_centre_valid_until') WHERE (seqno, name) IN (VALUES (0, 'centre'),"
	    " (1, 'status'), (2, 'valid_until'))"), 3);
	assert_int_equal(count("v9-to-v10.db", "SELECT count(*) FROM pragma_index_info("
	    "'permits_by_valid_until') WHERE (seqno, name) IN (VALUES (0, 'status'),"
	    " (1, 'valid_until'))"), 2);
	assert_int_equal(count("v9-to-v10.db", "SELECT count(*) FROM sqlite_stat1 WHERE"
	    " (idx, stat) IN (VALUES ('permits_by_valid_until', '6000 6000 12'),"
	    " ('permits_by_centre_valid_until', '6000 600 600 2'), ('permits_by_person', '6000 1'),"
	    " ('fees_by_application', '900 1 1 1 1 1'))"), 4);
	/* the ledger's fees from their index alone; a fee receipt by its number */
	assert_true(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT f.kind,"
	    " f.amount_yuan, f.fee_receipt_no FROM applications a CROSS JOIN fees f"
	    " ON f.application_id = a.id WHERE a.day = '2026-03-02' ORDER BY f.id",
	    "COVERING INDEX fees_by_application"));
	assert_true(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT EXISTS (SELECT 1"
	    " FROM fees WHERE upper(trim(fee_receipt_no)) = upper(trim(' no.1 '))"
	    " AND fee_receipt_no IS NOT NULL)", "INDEX fees_by_receipt_no"));
	assert_true(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT count(*)"
	    " FROM permits p WHERE p.centre = '310105009' AND p.status = 'active'"
	    " AND p.valid_until BETWEEN '2026-03-01' AND '2026-03-31'",
	    "COVERING INDEX permits_by_centre_valid_until"));
	assert_true(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT count(*)"
	    " FROM permits p WHERE p.status = 'active'"
	    " AND p.valid_until BETWEEN '2026-03-01' AND '2026-03-31'",
	    "COVERING INDEX permits_by_valid_until"));
	assert_false(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT person_id"
	    " FROM permits p WHERE p.centre = '310105009' AND p.status = 'active'"
	    " AND p.valid_until BETWEEN '2026-03-01' AND '2026-03-31'"
	    " ORDER BY p.valid_until, p.rowid LIMIT 50", "TEMP B-TREE"));
	assert_false(test_store_plan_has("v9-to-v10.db", "EXPLAIN QUERY PLAN SELECT person_id"
	    " FROM permits p WHERE p.status = 'active'"
	    " AND p.valid_until BETWEEN '2026-03-01' AND '2026-03-31'"
	    " ORDER BY p.valid_until, p.rowid LIMIT 50", "TEMP B-TREE"));
}

/*
 * v10 -> v11: the tallies are made from the records as they are (the
 * ledger's length here; the cards and refusals by the same script, which
 * the seed's test checks against the records), and from then on kept by
 * the triggers: a fee written, then deleted, adds to its application's
 * day and centre and takes away again, leaving no row of nothing.
 */
static void
test_store_migration_v11(void **state)
{
	char          path[512], err[256];
	struct store *st;

	(void)state;
	SQLITE_FILE_ONLY();   /* a file of schema v10 */
	path_of(path, sizeof path, "v10-to-v11.db");
	unlink(path);
	assert_int_equal(store_open_raw(path, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_build_version(st, 10), STORE_OK);
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	assert_int_equal(store_exec_for_tests(st,
	    "INSERT INTO applications (id, day, created_at, centre, user_name, business, channel,"
	    " id_number, name, address_changed, decision, fee_yuan, cod_fee_yuan, receipt_no,"
	    " decision_json) VALUES"
	    " (" V7_BLOB("c1") ", '2026-03-02', 'now', '310105009', 'clerk1', 'permit_replace',"
	    "  'counter', '340104199207193170', '陈静', 0, 'accept', 20, 15,"
	    "  '310105009-20260302-0001', '{}'),"
	    " (" V7_BLOB("c2") ", '2026-03-03', 'now', '310105009', 'clerk1', 'permit_replace',"
	    "  'counter', '340104199207193170', '陈静', 0, 'accept', 20, 0,"
	    "  '310105009-20260303-0001', '{}');"
	    "INSERT INTO fees (application_id, kind, amount_yuan, fee_receipt_no, collected_by)"
	    " VALUES (" V7_BLOB("c1") ", 'card_fee', 20, 'F1', 'counter'),"
	    " (" V7_BLOB("c1") ", 'cod', 15, NULL, 'courier');"), STORE_OK);
	store_close(st);
	assert_int_equal(count("v10-to-v11.db", "SELECT count(*) FROM sqlite_schema WHERE"
	    " name = 'day_tallies'"), 0);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_user_version(st), STORE_SCHEMA_VERSION);
	assert_int_equal(store_exec_for_tests(st,
	    "INSERT INTO fees (application_id, kind, amount_yuan, fee_receipt_no, collected_by)"
	    " VALUES (" V7_BLOB("c2") ", 'card_fee', 20, 'F2', 'counter');"), STORE_OK);
	store_close(st);
	assert_int_equal(count("v10-to-v11.db", "SELECT fee_lines FROM day_tallies WHERE"
	    " day = '2026-03-02' AND centre = '310105009'"), 2);
	assert_int_equal(count("v10-to-v11.db", "SELECT fee_lines FROM day_tallies WHERE"
	    " day = '2026-03-03' AND centre = '310105009'"), 1);
	assert_int_equal(count("v10-to-v11.db", "SELECT count(*) FROM sqlite_schema WHERE"
	    " type = 'trigger' AND (name LIKE 'day_tallies_%' OR name LIKE 'auto_refusals_%')"), 13);

	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_exec_for_tests(st, "DELETE FROM fees WHERE application_id = "
	    V7_BLOB("c2") ";"), STORE_OK);
	store_close(st);
	assert_int_equal(count("v10-to-v11.db", "SELECT count(*) FROM day_tallies"), 1);
	/* a centre's page of refusals and of the ledger come from their indexes */
	assert_true(test_store_plan_has("v10-to-v11.db", "EXPLAIN QUERY PLAN SELECT permit_id"
	    " FROM auto_refusals r WHERE r.centre = '310105009' AND r.day BETWEEN '2026-03-01'"
	    " AND '2026-03-31' ORDER BY r.day, r.valid_until, r.endorsement_id LIMIT 50",
	    "INDEX auto_refusals_by_centre"));
	assert_false(test_store_plan_has("v10-to-v11.db", "EXPLAIN QUERY PLAN SELECT permit_id"
	    " FROM auto_refusals r WHERE r.day BETWEEN '2026-03-01' AND '2026-03-31'"
	    " ORDER BY r.day, r.valid_until, r.endorsement_id LIMIT 50", "TEMP B-TREE"));
}

static long long
wal_bytes(const char *name)
{
	char        path[600];
	struct stat sb;

	snprintf(path, sizeof path, "%s/%s-wal", tmpdir, name);
	return stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
}

/*
 * The checkpointer: no commit checkpoints, yet a stream of commits far past
 * the log's bounds (12,000 commits of a 6 KB row, some 36,000 pages) keeps
 * the -wal file within the hard bound (~64 MB, with a margin for the commits
 * that come while a checkpoint runs), and once the writes stop the log is
 * truncated at the quiet moment that follows (waited for, not timed).
 */
static void
test_store_checkpointer(void **state)
{
	struct store *st;
	long long     most = 0, now = -1;

	(void)state;
	SQLITE_FILE_ONLY();   /* SQLite's -wal file (the server keeps PostgreSQL's WAL) */
	st = new_store("ckpt.db");
	assert_int_equal(store_exec_for_tests(st, "CREATE TABLE scratch (b BLOB) STRICT"), STORE_OK);
	/* 20,000 rows of two pages and more: ~60,000 frames were the log never
	 * restarted, against a bound of twice the hard one (the thread may lag
	 * behind the writer on a loaded machine, but not without end) */
	for (int i = 0; i < 20000; i++) {
		long long w;

		enum store_rc rc;
		int           tries = 0;

		/* BUSY while a forced TRUNCATE copies the log back (on a loaded
		 * machine longer than the store's 250 ms wait): tried again, as
		 * the service's transaction runner does */
		while ((rc = store_exec_for_tests(st, "INSERT INTO scratch VALUES (randomblob(6000))"))
		    == STORE_BUSY && ++tries < 200)
			usleep(10000);
		assert_int_equal(rc, STORE_OK);
		if ((w = wal_bytes("ckpt.db")) > most)
			most = w;
	}
	assert_true(most > 4000LL * 4096);           /* the log did pass the restart bound */
	assert_true(most < 32000LL * 4096);          /* and stayed bounded */
	for (int k = 0; k < 3000 && (now = wal_bytes("ckpt.db")) != 0; k++)
		usleep(10000);
	assert_int_equal(now, 0);
	assert_int_equal(count("ckpt.db", "SELECT count(*) FROM scratch"), 20000);
	store_close(st);
}

/* A file from a newer jzz is refused rather than misread. */
static void
test_store_newer_version(void **state)
{
	struct store *st;
	char          path[512], err[256];

	(void)state;
	SQLITE_FILE_ONLY();   /* the version in the file's header (PRAGMA user_version) */
	st = new_store("new.db");
	assert_int_equal(store_exec_for_tests(st, "PRAGMA user_version = 99"), STORE_OK);
	store_close(st);
	path_of(path, sizeof path, "new.db");
	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_VERSION);
	assert_non_null(strstr(err, "newer"));
}

static void
test_store_backup(void **state)
{
	struct store *st;
	char          path[512];

	(void)state;
	SQLITE_FILE_ONLY();   /* a backup is a SQLite file (a PostgreSQL store's: pg_dump) */
	st = new_store("b.db");
	assert_int_equal(store_account_add(st, "clerk1", "clerk", "310105009", NULL, false), STORE_OK);
	path_of(path, sizeof path, "b-copy.db");
	assert_int_equal(store_backup(st, path), STORE_OK);
	/* never over a file that is there, and no partial file left */
	assert_int_equal(store_backup(st, path), STORE_EXISTS);
	assert_int_equal(store_backup(st, "/nonexistent-dir/x.db"), STORE_ERR);
	store_close(st);
	assert_int_equal(system("test $(ls \"$JZZ_T\" | grep -c 'part-') -eq 0"), 0);
	assert_int_equal(count("b-copy.db", "SELECT count(*) FROM users WHERE name = 'clerk1'"), 1);
	assert_int_equal(count("b-copy.db", "PRAGMA user_version"), STORE_SCHEMA_VERSION);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_store_create_and_refuse),
		cmocka_unit_test(test_store_pragmas),
		cmocka_unit_test(test_store_constraints),
		cmocka_unit_test(test_store_audit_chain),
		cmocka_unit_test(test_store_audit_records),
		cmocka_unit_test(test_store_receipts),
		cmocka_unit_test(test_store_calendar_roundtrip),
		cmocka_unit_test(test_store_migrations),
		cmocka_unit_test(test_store_migration_v6),
		cmocka_unit_test(test_store_migration_v7),
		cmocka_unit_test(test_store_migration_v9),
		cmocka_unit_test(test_store_migration_v10),
		cmocka_unit_test(test_store_migration_v11),
		cmocka_unit_test(test_store_checkpointer),
		cmocka_unit_test(test_store_newer_version),
		cmocka_unit_test(test_store_backup),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
