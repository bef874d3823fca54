/*
 * testdb.c: the tests' store targets on SQLite or PostgreSQL (testdb.h).
 *
 * The tests' own looks at a store go through the engines' client libraries
 * (sqlite3, libpq), never through jzz's store: they check what the store
 * wrote. Edits behind jzz's back go through the shells (sqlite3, psql), as
 * anyone with the file or the role would make them.
 */
#include "testdb.h"

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <libpq-fe.h>
#include <sqlite3.h>

/* What this process made on PostgreSQL: for each dir/name, the database
 * and the folder of its keys (a copy: its original's key). */
struct testdb_made {
	char  name[640];     /* dir/name */
	char  db[64];
	char  keydir[600];
	char  keyof[64];     /* the database whose key it has */
	pid_t pid;           /* the process that made it drops it */
	bool  dropped;
};

static struct testdb_made testdb_list[256];
static size_t             testdb_n;
static unsigned           testdb_counter;

bool
testdb_is_pg(void)
{
	const char *b = getenv("JZZ_TEST_BACKEND");

	return b != NULL && strcmp(b, "postgresql") == 0;
}

/* Before the first test of a PostgreSQL run: a server must answer, or the
 * whole program is skipped (77) unless JZZ_TEST_REQUIRE_PG=1. Why before
 * main: the test cases then never start on a backend that is not there. */
__attribute__((constructor)) static void
testdb_check_server(void)
{
	const char *req = getenv("JZZ_TEST_REQUIRE_PG");
	bool        required = req != NULL && strcmp(req, "1") == 0;
	bool        named = getenv("PGHOST") != NULL || getenv("PGPORT") != NULL ||
	    getenv("PGSERVICE") != NULL;

	if (!testdb_is_pg())
		return;
	if (named && PQping("dbname=postgres") == PQPING_OK)
		return;
	fprintf(stderr, "testdb: %s (PGHOST=%s PGPORT=%s PGSERVICE=%s)\n",
	    named ? "no PostgreSQL server answers" : "no PostgreSQL server named",
	    getenv("PGHOST") ? getenv("PGHOST") : "", getenv("PGPORT") ? getenv("PGPORT") : "",
	    getenv("PGSERVICE") ? getenv("PGSERVICE") : "");
	if (required) {
		fprintf(stderr, "testdb: JZZ_TEST_REQUIRE_PG=1: failing\n");
		exit(1);
	}
	fprintf(stderr, "testdb: skipped (run it under pg_virtualenv, see tests/run-all.sh)\n");
	exit(77);
}

/* A connection to the server's maintenance database, for CREATE and DROP. */
static PGconn *
testdb_admin(void)
{
	PGconn *c = PQconnectdb("dbname=postgres");

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("testdb: connect to the server: %s", PQerrorMessage(c));
	return c;
}

static void
testdb_admin_exec(PGconn *c, const char *sql, bool must)
{
	PGresult *r = PQexec(c, sql);

	if (PQresultStatus(r) != PGRES_COMMAND_OK && must) {
		char msg[512];

		snprintf(msg, sizeof msg, "%s", PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
		fail_msg("testdb: %s: %s", sql, msg);
	}
	PQclear(r);
}

static struct testdb_made *
testdb_find(const char *name)
{
	for (size_t i = testdb_n; i-- > 0; )
		if (!testdb_list[i].dropped && strcmp(testdb_list[i].name, name) == 0)
			return &testdb_list[i];
	return NULL;
}

static struct testdb_made *
testdb_find_db(const char *target)
{
	const char *db = strrchr(target, '/');

	db = db != NULL ? db + 1 : target;
	for (size_t i = testdb_n; i-- > 0; )
		if (strcmp(testdb_list[i].db, db) == 0)
			return &testdb_list[i];
	return NULL;
}

static void
testdb_drop_one(PGconn *c, struct testdb_made *m)
{
	char sql[160];

	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", m->db);
	testdb_admin_exec(c, sql, false);
	m->dropped = true;
}

/* A new database for dir/name (template: NULL for an empty one); its entry. */
static struct testdb_made *
testdb_new(const char *dir, const char *name, const char *template_db)
{
	char                full[640], sql[256];
	struct testdb_made *m, *old;
	PGconn             *c;

	snprintf(full, sizeof full, "%s/%s", dir, name);
	if (testdb_n == sizeof testdb_list / sizeof testdb_list[0])
		fail_msg("testdb: more than %zu databases in one program", testdb_n);
	c = testdb_admin();
	if ((old = testdb_find(full)) != NULL)
		testdb_drop_one(c, old);
	m = &testdb_list[testdb_n++];
	memset(m, 0, sizeof *m);
	snprintf(m->name, sizeof m->name, "%s", full);
	snprintf(m->db, sizeof m->db, "jzz_t_%ld_%u", (long)getpid(), ++testdb_counter);
	snprintf(m->keydir, sizeof m->keydir, "%s/jzz", dir);
	memcpy(m->keyof, m->db, sizeof m->keyof);
	m->pid = getpid();
	if (template_db != NULL)
		snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\" TEMPLATE \"%s\"", m->db, template_db);
	else
		snprintf(sql, sizeof sql, "CREATE DATABASE \"%s\"", m->db);
	testdb_admin_exec(c, sql, true);
	PQfinish(c);
	return m;
}

const char *
testdb_id_lit(char *out, size_t size, const char *id)
{
	char   hex[40];
	size_t n = 0;

	if (testdb_is_pg()) {
		snprintf(out, size, "'%s'", id);
		return out;
	}
	for (const char *p = id; *p != '\0' && n + 1 < sizeof hex; p++)
		if (*p != '-')
			hex[n++] = *p;
	hex[n] = '\0';
	snprintf(out, size, "X'%s'", hex);
	return out;
}

const char *
testdb_id_col(char *out, size_t size, const char *col)
{
	if (testdb_is_pg())
		snprintf(out, size, "%s", col);
	else
		snprintf(out, size, "lower(substr(hex(%s), 1, 8) || '-' || substr(hex(%s), 9, 4) || '-' ||"
		    " substr(hex(%s), 13, 4) || '-' || substr(hex(%s), 17, 4) || '-' ||"
		    " substr(hex(%s), 21))", col, col, col, col, col);
	return out;
}

const char *
testdb_make(char *out, size_t size, const char *dir, const char *name)
{
	struct testdb_made *m;

	if (!testdb_is_pg()) {
		char cmd[2400];

		snprintf(out, size, "%s/%s", dir, name);
		snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm' '%s.key'", out, out, out, out);
		assert_int_equal(system(cmd), 0);
		return out;
	}
	/* jzz keeps a PostgreSQL store's key under XDG_CONFIG_HOME/jzz: the
	 * test's folder, so that no key is left in $HOME and no two runs meet */
	assert_int_equal(setenv("XDG_CONFIG_HOME", dir, 1), 0);
	m = testdb_new(dir, name, NULL);
	snprintf(out, size, "postgresql:///%s", m->db);
	return out;
}

const char *
testdb_target(char *out, size_t size, const char *dir, const char *name)
{
	char                full[640];
	struct testdb_made *m;

	snprintf(full, sizeof full, "%s/%s", dir, name);
	if (!testdb_is_pg()) {
		snprintf(out, size, "%s", full);
		return out;
	}
	if ((m = testdb_find(full)) == NULL)
		fail_msg("testdb: no database was made for %s", full);
	snprintf(out, size, "postgresql:///%s", m->db);
	return out;
}

const char *
testdb_copy(char *out, size_t size, const char *src, const char *dir, const char *name)
{
	struct testdb_made *from, *m;
	char                keydir[600], keyof[64], db[64];

	if (!testdb_is_pg()) {
		char cmd[2400];

		snprintf(out, size, "%s/%s", dir, name);
		snprintf(cmd, sizeof cmd, "cp '%s' '%s' && cp '%s.key' '%s.key'", src, out, src, out);
		assert_int_equal(system(cmd), 0);
		return out;
	}
	if ((from = testdb_find_db(src)) == NULL)
		fail_msg("testdb: %s was not made by testdb", src);
	/* (copied out first: both entries are of testdb_list) */
	memcpy(keydir, from->keydir, sizeof keydir);
	memcpy(keyof, from->keyof, sizeof keyof);
	memcpy(db, from->db, sizeof db);
	m = testdb_new(dir, name, db);
	memcpy(m->keydir, keydir, sizeof keydir);
	memcpy(m->keyof, keyof, sizeof keyof);
	snprintf(out, size, "postgresql:///%s", m->db);
	return out;
}

bool
testdb_key(const char *target, char *out, size_t size)
{
	struct testdb_made *m;
	DIR                *d;
	struct dirent      *e;
	bool                found = false;

	if (!testdb_is_pg()) {
		snprintf(out, size, "%s.key", target);
		return access(out, F_OK) == 0;
	}
	/* Which file is the key is the PostgreSQL engine's choice: the one
	 * whose name holds the database's (each test's databases have their
	 * own names, so it is never another's). */
	if ((m = testdb_find_db(target)) == NULL || (d = opendir(m->keydir)) == NULL)
		return false;
	while (!found && (e = readdir(d)) != NULL)
		if (strstr(e->d_name, m->keyof) != NULL) {
			snprintf(out, size, "%s/%s", m->keydir, e->d_name);
			found = true;
		}
	closedir(d);
	return found;
}

int
testdb_sql(const char *target, const char *sql)
{
	char  cmd[1200];
	FILE *p;
	int   st;

	if (testdb_is_pg())
		snprintf(cmd, sizeof cmd, "psql -X -q -v ON_ERROR_STOP=1 -d '%s' >/dev/null", target);
	else
		snprintf(cmd, sizeof cmd, "sqlite3 -bail '%s' >/dev/null", target);
	p = popen(cmd, "w");
	assert_non_null(p);
	if (testdb_is_pg())
		fputs("SET search_path TO jzz;\n", p);
	fputs(sql, p);
	fputs(";\n", p);
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static const char *
testdb_lower(const char *event)
{
	return strcmp(event, "UPDATE") == 0 ? "update" : "delete";
}

int
testdb_sql_unguarded(const char *target, const char *edit)
{
	char sql[8192];

	if (testdb_is_pg())
		snprintf(sql, sizeof sql, "SET session_replication_role = replica; %s;"
		    " RESET session_replication_role", edit);
	else
		snprintf(sql, sizeof sql, "DROP TRIGGER audit_log_no_update;"
		    " DROP TRIGGER audit_log_no_delete; %s;"
		    " CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
		    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
		    " CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
		    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END", edit);
	return testdb_sql(target, sql);
}

/* On PostgreSQL, `what` (a DROP TRIGGER or ALTER TABLE ... TRIGGER with
 * %1$I for the trigger's name) for every trigger of audit_log that fires
 * on event; pg_trigger.tgtype's bits: 8 DELETE, 16 UPDATE. */
static int
testdb_pg_each_guard(const char *target, const char *event, const char *what)
{
	char sql[2048];

	snprintf(sql, sizeof sql, "DO $testdb$ DECLARE t name; BEGIN FOR t IN SELECT tgname FROM"
	    " pg_trigger WHERE tgrelid = 'jzz.audit_log'::regclass AND NOT tgisinternal AND"
	    " tgtype & %d <> 0 LOOP EXECUTE format('%s', t); END LOOP; END $testdb$",
	    strcmp(event, "UPDATE") == 0 ? 16 : 8, what);
	return testdb_sql(target, sql);
}

int
testdb_guard_drop(const char *target, const char *event)
{
	char sql[256];

	if (testdb_is_pg())
		return testdb_pg_each_guard(target, event, "DROP TRIGGER %1$I ON jzz.audit_log");
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_log_no_%s", testdb_lower(event));
	return testdb_sql(target, sql);
}

int
testdb_guard_disarm(const char *target, const char *event)
{
	char sql[512];

	if (testdb_is_pg())
		return testdb_pg_each_guard(target, event,
		    "ALTER TABLE jzz.audit_log DISABLE TRIGGER %1$I");
	snprintf(sql, sizeof sql, "DROP TRIGGER audit_log_no_%s; CREATE TRIGGER audit_log_no_%s"
	    " BEFORE %s ON audit_log BEGIN SELECT 1; END", testdb_lower(event), testdb_lower(event),
	    event);
	return testdb_sql(target, sql);
}

/* A connection to target's store, its tables first in the search path. */
static PGconn *
testdb_pg(const char *target)
{
	PGconn   *c = PQconnectdb(target);
	PGresult *r;

	if (PQstatus(c) != CONNECTION_OK)
		fail_msg("testdb: %s: %s", target, PQerrorMessage(c));
	r = PQexec(c, "SET search_path TO jzz");
	PQclear(r);
	return c;
}

/* A SQLite file opened for the test's own look. Why read-write (and only
 * read): a read-only connection cannot remove the -wal and -shm files when
 * it closes, and left behind with the test's owner and mode they would
 * lock out another account that the test runs jzz as. */
static sqlite3 *
testdb_lite(const char *target)
{
	sqlite3 *h = NULL;

	if (sqlite3_open_v2(target, &h, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		fail_msg("testdb: %s: %s", target, h != NULL ? sqlite3_errmsg(h) : "cannot open");
	sqlite3_busy_timeout(h, 5000);
	return h;
}

void
testdb_text(const char *target, char *out, size_t size, const char *sql)
{
	out[0] = '\0';
	if (testdb_is_pg()) {
		PGconn   *c = testdb_pg(target);
		PGresult *r = PQexec(c, sql);

		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			char msg[512];

			snprintf(msg, sizeof msg, "%s", PQerrorMessage(c));
			PQclear(r);
			PQfinish(c);
			fail_msg("testdb: %s: %s", sql, msg);
		}
		if (PQntuples(r) > 0 && PQnfields(r) > 0 && !PQgetisnull(r, 0, 0))
			snprintf(out, size, "%s", PQgetvalue(r, 0, 0));
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3      *h = testdb_lite(target);
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(h, sql, -1, &st, NULL) != SQLITE_OK)
			fail_msg("testdb: %s: %s", sql, sqlite3_errmsg(h));
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) != NULL)
			snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
		sqlite3_close(h);
	}
}

long long
testdb_count(const char *target, const char *sql)
{
	char v[64];

	testdb_text(target, v, sizeof v, sql);
	return v[0] != '\0' ? atoll(v) : -1;
}

static bool
testdb_left_out(const char *t, const char *const *leave_out)
{
	for (; leave_out != NULL && *leave_out != NULL; leave_out++)
		if (strcmp(t, *leave_out) == 0)
			return true;
	return false;
}

/* FNV-1a of one row's values (a NULL hashes like an empty text). */
static uint64_t
testdb_row_hash(int ncols, const char *(*value)(void *, int), void *arg)
{
	uint64_t hash = 1469598103934665603ULL;

	for (int c = 0; c < ncols; c++) {
		const char *v = value(arg, c);

		hash = (hash ^ 0x1f) * 1099511628211ULL;
		for (; v != NULL && *v != '\0'; v++)
			hash = (hash ^ (unsigned char)*v) * 1099511628211ULL;
	}
	return hash;
}

struct testdb_pg_row {
	PGresult *r;
	int       row;
};

static const char *
testdb_pg_value(void *arg, int c)
{
	struct testdb_pg_row *x = arg;

	return PQgetisnull(x->r, x->row, c) ? NULL : PQgetvalue(x->r, x->row, c);
}

static const char *
testdb_lite_value(void *arg, int c)
{
	return (const char *)sqlite3_column_text(arg, c);
}

/*
 * The rows' hashes are summed, not chained: a table's fingerprint then
 * does not hang on the order the engine returns rows in, which neither
 * engine promises for rows that tie on every ordered column.
 */
void
testdb_fingerprint(const char *target, const char *const *leave_out, char *out, size_t size)
{
	size_t len = 0;
	char   sql[256];

	out[0] = '\0';
	if (testdb_is_pg()) {
		PGconn   *c = testdb_pg(target);
		PGresult *tables = PQexec(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'jzz'"
		    " ORDER BY tablename COLLATE \"C\"");

		if (PQresultStatus(tables) != PGRES_TUPLES_OK)
			fail_msg("testdb: fingerprint: %s", PQerrorMessage(c));
		for (int i = 0; i < PQntuples(tables); i++) {
			const char          *t = PQgetvalue(tables, i, 0);
			struct testdb_pg_row x;
			uint64_t             sum = 0;

			if (testdb_left_out(t, leave_out))
				continue;
			snprintf(sql, sizeof sql, "SELECT * FROM jzz.\"%s\"", t);
			x.r = PQexec(c, sql);
			if (PQresultStatus(x.r) != PGRES_TUPLES_OK)
				fail_msg("testdb: fingerprint %s: %s", t, PQerrorMessage(c));
			for (x.row = 0; x.row < PQntuples(x.r); x.row++)
				sum += testdb_row_hash(PQnfields(x.r), testdb_pg_value, &x);
			len += (size_t)snprintf(out + len, size > len ? size - len : 0, "%s:%d:%016llx;",
			    t, PQntuples(x.r), (unsigned long long)sum);
			PQclear(x.r);
		}
		PQclear(tables);
		PQfinish(c);
	} else {
		sqlite3      *h = testdb_lite(target);
		sqlite3_stmt *tables, *rows;

		assert_int_equal(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_schema WHERE type ="
		    " 'table' ORDER BY name", -1, &tables, NULL), SQLITE_OK);
		while (sqlite3_step(tables) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(tables, 0);
			uint64_t    sum = 0;
			long        count = 0;

			if (testdb_left_out(t, leave_out))
				continue;
			snprintf(sql, sizeof sql, "SELECT * FROM \"%s\"", t);
			if (sqlite3_prepare_v2(h, sql, -1, &rows, NULL) != SQLITE_OK)
				fail_msg("testdb: fingerprint %s: %s", t, sqlite3_errmsg(h));
			while (sqlite3_step(rows) == SQLITE_ROW) {
				count++;
				sum += testdb_row_hash(sqlite3_column_count(rows), testdb_lite_value, rows);
			}
			sqlite3_finalize(rows);
			len += (size_t)snprintf(out + len, size > len ? size - len : 0, "%s:%ld:%016llx;",
			    t, count, (unsigned long long)sum);
		}
		sqlite3_finalize(tables);
		sqlite3_close(h);
	}
	assert_true(len < size);
}

void
testdb_drop(void)
{
	PGconn *c = NULL;

	if (!testdb_is_pg())
		return;
	for (size_t i = 0; i < testdb_n; i++) {
		struct testdb_made *m = &testdb_list[i];

		if (m->dropped || m->pid != getpid())
			continue;
		if (c == NULL) {
			c = PQconnectdb("dbname=postgres");
			if (PQstatus(c) != CONNECTION_OK)
				break;
		}
		testdb_drop_one(c, m);
	}
	if (c != NULL)
		PQfinish(c);
}
