/*
 * testdb.h: the store a test works on, on the backend its environment
 * names. JZZ_TEST_BACKEND=postgresql (ctest's NAME_pg variants) gives each
 * store a fresh database of the PostgreSQL server that libpq's PG*
 * variables reach (a `postgresql:///DBNAME` target); otherwise a store is
 * a SQLite file in the test's folder. A test body asks testdb for its
 * targets and for its own looks at what jzz wrote (counts, one value, a
 * fingerprint of every table, an edit behind jzz's back) and does not care
 * which backend it runs on. Files that are files whatever the backend
 * (backups, receipts, exports, configuration) are not made here.
 *
 * A program linked with testdb on PostgreSQL with no server to reach exits
 * 77 before its first test (ctest's SKIP_RETURN_CODE), or fails when
 * JZZ_TEST_REQUIRE_PG=1 says the server must be there.
 */
#ifndef JZZ_TESTDB_H
#define JZZ_TESTDB_H

#include <stdbool.h>
#include <stddef.h>

/* Whether this run is on PostgreSQL (JZZ_TEST_BACKEND=postgresql). */
bool testdb_is_pg(void);

/* A fresh, empty store target called `name` for a test working in `dir`:
 * SQLite `<dir>/<name>` (whatever was there, its -wal, -shm and key
 * removed); PostgreSQL a new empty database (the one made before for the
 * same dir and name dropped), `postgresql:///<dbname>`, with the audit
 * keys jzz makes for it kept under `dir` (XDG_CONFIG_HOME). Fails the test
 * when the database cannot be made. Returns out. */
const char *testdb_make(char *out, size_t size, const char *dir, const char *name);

/* The target testdb_make gave for dir and name, without making anything
 * (SQLite: the path, whether or not it exists). Fails the test on
 * PostgreSQL when none was made. Returns out. */
const char *testdb_target(char *out, size_t size, const char *dir, const char *name);

/* A copy of the store at src, data and audit chain, as a new target
 * called `name` in dir: SQLite the file copied (and its key, beside it);
 * PostgreSQL a database made from src as its template. Returns out. */
const char *testdb_copy(char *out, size_t size, const char *src, const char *dir,
                        const char *name);

/* The path of target's audit key file, as jzz made it (SQLite `PATH.key`;
 * PostgreSQL the file named after the database under XDG_CONFIG_HOME/jzz,
 * or for a copy its original's). false when there is none. */
bool testdb_key(const char *target, char *out, size_t size);

/* Runs an SQL script on target behind jzz's back, as anyone with the file
 * or the role could: the sqlite3 shell, or psql (search_path jzz).
 * Returns the tool's exit status (0: every statement ran). */
int testdb_sql(const char *target, const char *sql);

/*
 * The audit log's append-only guards, attacked as someone with the file
 * or the role would. event is "UPDATE" or "DELETE".
 *  - testdb_sql_unguarded runs an edit with the guards out of the way and
 *    leaves them as they were (SQLite: the triggers dropped and made again;
 *    PostgreSQL: session_replication_role replica, under which no trigger
 *    fires, the guards themselves untouched);
 *  - testdb_guard_drop removes the guard of event (every trigger of
 *    audit_log on it, on PostgreSQL whatever the engine named them);
 *  - testdb_guard_disarm leaves a guard there that guards nothing (SQLite:
 *    a trigger of the same name that does nothing; PostgreSQL: the
 *    triggers disabled).
 * Each returns testdb_sql's exit status.
 */
int testdb_sql_unguarded(const char *target, const char *edit);
int testdb_guard_drop(const char *target, const char *event);
int testdb_guard_disarm(const char *target, const char *event);

/*
 * Ids in a test's own SQL: a SQLite file keeps a UUID as its 16 bytes
 * (schema v8), PostgreSQL as its text. testdb_id_lit gives the literal of
 * the UUID text `id` for this backend (X'…' or '…'); testdb_id_col the
 * expression that reads column `col` as the UUID's text, as jzz prints it.
 * Both return out.
 */
const char *testdb_id_lit(char *out, size_t size, const char *id);
const char *testdb_id_col(char *out, size_t size, const char *col);

/* The first column of the first row of sql on target, as text, into out
 * ("" for no row or NULL); fails the test on an SQL error. */
void testdb_text(const char *target, char *out, size_t size, const char *sql);

/* One number by SQL (-1 when no row). */
long long testdb_count(const char *target, const char *sql);

/* For each table of target (its name, its row count and a hash of every
 * value of every row), into out; the tables named in leave_out (a
 * NULL-terminated list, or NULL) are left out. Equal fingerprints: nothing
 * was written to the tables it covers. */
void testdb_fingerprint(const char *target, const char *const *leave_out, char *out,
                        size_t size);

/* Drops every PostgreSQL database this process made (best effort); on
 * SQLite nothing (the files go with the test's folder). For teardowns. */
void testdb_drop(void);

#endif
