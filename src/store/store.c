/*
 * store.c: opening the database, migrations, transactions, and the helpers
 * every store_*.c uses.
 *
 * Why these settings: WAL lets the screens read while a counter writes; a
 * busy timeout makes a writer wait for another instead of failing at once
 * (the service layer retries on top of it, so nobody above ever sees
 * SQLITE_BUSY); foreign keys are off by default in SQLite and must be turned
 * on for every connection.
 */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <uuid/uuid.h>

static void
store_copy(char *buf, size_t size, const char *s)
{
	if (size == 0)
		return;
	snprintf(buf, size, "%s", s != NULL ? s : "");
}

enum store_rc
store_fail(struct store *st, int rc)
{
	int prim = rc & 0xff;

	if (st != NULL)
		store_copy(st->err, sizeof st->err,
		    st->db != NULL ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
	return prim == SQLITE_BUSY || prim == SQLITE_LOCKED ? STORE_BUSY : STORE_ERR;
}

enum store_rc
store_rows(struct store *st, sqlite3_stmt *s, size_t size,
    void (*read)(sqlite3_stmt *s, void *row), void **out, size_t *n)
{
	char  *v = NULL, *nv;
	size_t cnt = 0, cap = 0;
	int    rc;

	*out = NULL;
	*n = 0;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (cnt == cap) {
			/* Doubling: a queue or a history can run to thousands of rows. */
			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * size);
			if (nv == NULL) {
				free(v);
				sqlite3_reset(s);
				return STORE_ERR;
			}
			v = nv;
		}
		memset(v + cnt * size, 0, size);
		read(s, v + cnt * size);
		cnt++;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		free(v);
		return store_fail(st, rc);
	}
	*out = v;
	*n = cnt;
	return STORE_OK;
}

const char *
store_errmsg(const struct store *st)
{
	return st != NULL ? st->err : "no store";
}

sqlite3_stmt *
store_stmt(struct store *st, const char *sql)
{
	sqlite3_stmt *stmt;
	int           rc;

	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			sqlite3_reset(st->cache[i].stmt);
			sqlite3_clear_bindings(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	rc = sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
	if (rc != SQLITE_OK) {
		store_fail(st, rc);
		return NULL;
	}
	if (st->ncache < STORE_CACHE_MAX) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache].stmt = stmt;
		st->ncache++;
	} else {
		/* Cannot happen with the store's fixed set of statements; keep
		 * working (and leak nothing) by finalizing the oldest. */
		sqlite3_finalize(st->cache[0].stmt);
		st->cache[0].sql = sql;
		st->cache[0].stmt = stmt;
	}
	return stmt;
}

enum store_rc
store_run(struct store *st, sqlite3_stmt *stmt)
{
	int rc;

	if (stmt == NULL)
		return STORE_ERR;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc);
	return STORE_OK;
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

void
store_bind_date(sqlite3_stmt *s, int i, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN];

	if (d == JZZ_DATE_NONE) {
		sqlite3_bind_null(s, i);
		return;
	}
	date_format(d, buf);
	sqlite3_bind_text(s, i, buf, -1, SQLITE_TRANSIENT);
}

jzz_date
store_col_date(sqlite3_stmt *s, int i)
{
	const char *t = (const char *)sqlite3_column_text(s, i);
	jzz_date    d;

	if (t == NULL || !date_parse(t, strlen(t), &d))
		return JZZ_DATE_NONE;
	return d;
}

void
store_col_text(sqlite3_stmt *s, int i, char *buf, size_t size)
{
	store_copy(buf, size, (const char *)sqlite3_column_text(s, i));
}

void
store_uuid(char out[STORE_UUID_LEN])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

void
store_now(char out[32])
{
	struct timespec ts;
	struct tm       tm;

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	size_t          n = strftime(out, 24, "%Y-%m-%dT%H:%M:%S", &tm);

	snprintf(out + n, (size_t)32 - n, ".%03dZ", (int)(ts.tv_nsec / 1000000) % 1000);
}

/* A pragma or statement at open time, retried while another process holds
 * the database (switching to WAL needs a moment of exclusive access). */
static enum store_rc
store_exec_retry(struct store *st, const char *sql)
{
	char *msg = NULL;
	int   rc;

	for (int attempt = 0; attempt < 200; attempt++) {
		rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);
		if (rc == SQLITE_OK)
			return STORE_OK;
		store_copy(st->err, sizeof st->err, msg != NULL ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		msg = NULL;
		if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
			return STORE_ERR;
		usleep(10000);
	}
	return STORE_BUSY;
}

enum store_rc
store_exec_for_tests(struct store *st, const char *sql)
{
	char *msg = NULL;
	int   rc = sqlite3_exec(st->db, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK) {
		store_copy(st->err, sizeof st->err, msg != NULL ? msg : sqlite3_errstr(rc));
		sqlite3_free(msg);
		return (rc & 0xff) == SQLITE_BUSY ? STORE_BUSY : STORE_ERR;
	}
	return STORE_OK;
}

int
store_user_version(struct store *st)
{
	sqlite3_stmt *s;
	int           v = -1;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

/*
 * Waiting for another counter's write lock. SQLite's own busy timeout
 * sleeps 1, 2, 5, 10... up to 100 ms between tries, while a business holds
 * the lock for well under a millisecond: waiters would mostly sleep through
 * free time. Short pauses with jitter (0.1 to 2 ms) keep eight counters
 * flowing; the total wait is still bounded by STORE_BUSY_TIMEOUT_MS, after
 * which SQLITE_BUSY reaches the service layer, which retries.
 */
static int
store_busy_wait(void *arg, int count)
{
	struct store *st = arg;
	long          us;

	if (count == 0)
		clock_gettime(CLOCK_MONOTONIC, &st->busy_since);
	else {
		struct timespec now;
		long            ms;

		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - st->busy_since.tv_sec) * 1000L +
		    (now.tv_nsec - st->busy_since.tv_nsec) / 1000000L;
		if (ms >= STORE_BUSY_TIMEOUT_MS)
			return 0;
	}
	/* 0.1 ms more each time up to 1 ms, jittered by as much again */
	us = backoff_us(&st->seed, (unsigned)getpid() ^ (unsigned)(uintptr_t)st, count, 100, 1000,
	    1000);
	usleep((useconds_t)us);
	return 1;
}

/*
 * After each commit, with the log's length in frames. No checkpoint runs
 * here, inside the commit that the clerk is waiting for: the length goes to
 * the handle's checkpointer thread (store_ckpt.c), which copies pages and
 * restarts the log on its own connection. Only when that thread could not
 * start does the hook checkpoint inline (passive, never waiting), so that
 * the log is still copied back.
 */
static int
store_wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store *st = arg;

	store_ckpt_notify(st, frames);
	if (st->ckpt_failed && frames >= STORE_WAL_PASSIVE_FRAMES)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

/* Connection settings every handle needs, whatever the file's version. */
static enum store_rc
store_configure(struct store *st)
{
	sqlite3_busy_handler(st->db, store_busy_wait, st);
	if (store_exec_retry(st, "PRAGMA foreign_keys = ON") != STORE_OK ||
	    store_exec_retry(st, "PRAGMA journal_mode = WAL") != STORE_OK ||
	    store_exec_retry(st, "PRAGMA synchronous = NORMAL") != STORE_OK ||
	    /* a log restarted by a writer (not truncated) shrinks back to this */
	    store_exec_retry(st, "PRAGMA journal_size_limit = 16777216") != STORE_OK ||
	    /* 16 MB of page cache, measured on the 1 M file (docs/benchmarks.md):
	     * the district's month in 565 ms against 780 with SQLite's 2 MB, and
	     * no better with 64 MB; the pages come only as they are read, so a
	     * terminal that reads little stays small. mmap gained nothing
	     * measurable (the file is many times the memory) and stays off. */
	    store_exec_retry(st, "PRAGMA cache_size = -16384") != STORE_OK)
		return STORE_ERR;
	sqlite3_wal_hook(st->db, store_wal_hook, st);
	return STORE_OK;
}

static enum store_rc
store_connect(const char *path, int flags, struct store **out, char *err, size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	int           rc;

	*out = NULL;
	if (st == NULL) {
		store_copy(err, errlen, "out of memory");
		return STORE_ERR;
	}
	rc = sqlite3_open_v2(path, &st->db, flags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path,
		    st->db != NULL ? sqlite3_errmsg(st->db) : sqlite3_errstr(rc));
		store_close(st);
		return STORE_ERR;
	}
	sqlite3_extended_result_codes(st->db, 1);
	snprintf(st->path, sizeof st->path, "%s", path);
	if (store_configure(st) != STORE_OK) {
		snprintf(err, errlen, "%s: %s", path, st->err);
		store_close(st);
		return STORE_ERR;
	}
	*out = st;
	return STORE_OK;
}

enum store_rc
store_open_raw(const char *path, struct store **out, char *err, size_t errlen)
{
	return store_connect(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, out, err, errlen);
}

/* Runs the migrations from the file's version up to `version`, in one
 * transaction: a migration interrupted half-way leaves the old version. */
enum store_rc
store_migrate_to(struct store *st, int version)
{
	enum store_rc rc;
	int           v;

	if (version < 0 || version > STORE_SCHEMA_VERSION) {
		store_copy(st->err, sizeof st->err, "no such schema version");
		return STORE_ERR;
	}
	if ((rc = store_begin(st)) != STORE_OK)
		return rc;
	v = store_user_version(st);
	if (v > STORE_SCHEMA_VERSION) {
		store_rollback(st);
		snprintf(st->err, sizeof st->err,
		    "schema version %d is newer than this program's (%d)", v, STORE_SCHEMA_VERSION);
		return STORE_VERSION;
	}
	for (; v >= 0 && v < version; v++) {
		char *msg = NULL;
		int   erc = sqlite3_exec(st->db, store_schema_migrations[v], NULL, NULL, &msg);

		if (erc != SQLITE_OK) {
			snprintf(st->err, sizeof st->err, "migration %d -> %d: %s", v, v + 1,
			    msg != NULL ? msg : sqlite3_errstr(erc));
			sqlite3_free(msg);
			store_rollback(st);
			return (erc & 0xff) == SQLITE_BUSY ? STORE_BUSY : STORE_ERR;
		}
	}
	return store_commit(st);
}

enum store_rc
store_build_version(struct store *st, int version)
{
	return store_migrate_to(st, version);
}

/*
 * A new database is built at a temporary name beside `path` (made here,
 * 0600, so that this call may remove it again) and put in place by
 * store_publish only when whole: a failed init leaves whatever was at
 * `path` as it was, and nothing half-made behind. Only nothing, or an empty
 * regular file, may be at `path`.
 */
static enum store_rc
store_create(const char *path, struct store **out, char *err, size_t errlen)
{
	struct stat   sb;
	char          tmp[4096];
	int           fd;
	enum store_rc rc;

	if (lstat(path, &sb) == 0 && (!S_ISREG(sb.st_mode) || sb.st_size > 0)) {
		snprintf(err, errlen, "%s: %s", path, S_ISREG(sb.st_mode) ?
		    "the file already holds data" : "not a regular file");
		return STORE_EXISTS;
	}
	if (snprintf(tmp, sizeof tmp, "%s.new-XXXXXX", path) >= (int)sizeof tmp) {
		snprintf(err, errlen, "%s: path too long", path);
		return STORE_ERR;
	}
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return STORE_ERR;
	}
	close(fd);
	rc = store_connect(tmp, SQLITE_OPEN_READWRITE, out, err, errlen);
	if (rc != STORE_OK) {
		unlink(tmp);
		return rc;
	}
	snprintf((*out)->final_path, sizeof (*out)->final_path, "%s", path);
	rc = store_migrate_to(*out, STORE_SCHEMA_VERSION);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "%s: %s", path, (*out)->err);
		store_publish(*out, false);
		*out = NULL;
	}
	return rc;
}

enum store_rc
store_publish(struct store *st, bool ok)
{
	char          tmp[4096], final[4096];
	struct stat   sb;
	enum store_rc rc = STORE_OK;

	if (st == NULL)
		return STORE_ERR;
	snprintf(tmp, sizeof tmp, "%s", st->path);
	snprintf(final, sizeof final, "%s", st->final_path);
	/* Closing the last connection checkpoints the WAL and removes the
	 * -wal and -shm files, which are named after the temporary name. */
	store_close(st);
	if (!ok || final[0] == '\0') {
		unlink(tmp);
		return STORE_ERR;
	}
	if (link(tmp, final) == 0) {
		unlink(tmp);
		return STORE_OK;
	}
	/* An empty file was there (checked before): it makes way; anything
	 * else that appeared meanwhile stays, and the new file goes. */
	if (errno == EEXIST && lstat(final, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0 &&
	    rename(tmp, final) == 0)
		return STORE_OK;
	rc = STORE_EXISTS;
	unlink(tmp);
	return rc;
}

enum store_rc
store_open(const char *path, bool create, struct store **out, char *err, size_t errlen)
{
	struct store *st;
	enum store_rc rc;
	struct stat   sb;
	int           v;

	*out = NULL;
	/* A connection URI of case-format.md names the shared PostgreSQL
	 * store, which this build does not have: say so, rather than make a
	 * file of that name. */
	if (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0 ||
	    strncmp(path, "service=", 8) == 0) {
		snprintf(err, errlen, "%.200s: this jzz has no PostgreSQL store yet; give a SQLite"
		    " file", path);
		return STORE_ERR;
	}
	if (create)
		return store_create(path, out, err, errlen);
	if (stat(path, &sb) != 0) {
		snprintf(err, errlen, "%s: %s (run `jzz init` first)", path, strerror(errno));
		return STORE_NOTFOUND;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return STORE_ERR;
	}
	rc = store_connect(path, SQLITE_OPEN_READWRITE, &st, err, errlen);
	if (rc != STORE_OK)
		return rc;
	v = store_user_version(st);
	if (v <= 0) {
		snprintf(err, errlen, "%s: not a jzz database", path);
		store_close(st);
		return STORE_ERR;
	}
	if (v != STORE_SCHEMA_VERSION) {
		rc = store_migrate_to(st, STORE_SCHEMA_VERSION);
		if (rc != STORE_OK) {
			snprintf(err, errlen, "%s: %s", path, st->err);
			store_close(st);
			return rc;
		}
	}
	*out = st;
	return STORE_OK;
}

enum store_rc
store_is_owner(struct store *st, bool *out)
{
	struct stat sb;

	*out = false;
	if (stat(st->path, &sb) != 0) {
		snprintf(st->err, sizeof st->err, "%.200s: %s", st->path, strerror(errno));
		return STORE_ERR;
	}
	*out = geteuid() == 0 || sb.st_uid == geteuid();
	return STORE_OK;
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	/* first: the handle's connection must be the last one to close */
	store_ckpt_stop(st);
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	sqlite3_close(st->db);
	free(st);
}

static const char store_sql_begin[] = "BEGIN IMMEDIATE";
static const char store_sql_commit[] = "COMMIT";
static const char store_sql_rollback[] = "ROLLBACK";

enum store_rc
store_begin(struct store *st)
{
	st->ntouched = 0;
	return store_run(st, store_stmt(st, store_sql_begin));
}

enum store_rc
store_commit(struct store *st)
{
	return store_run(st, store_stmt(st, store_sql_commit));
}

void
store_rollback(struct store *st)
{
	st->ntouched = 0;
	if (!sqlite3_get_autocommit(st->db))
		store_run(st, store_stmt(st, store_sql_rollback));
}

enum store_rc
store_integrity_ok(struct store *st, bool *ok)
{
	sqlite3_stmt *s;
	int           rc;

	*ok = false;
	rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return store_fail(st, rc);
	if (sqlite3_step(s) == SQLITE_ROW)
		*ok = strcmp((const char *)sqlite3_column_text(s, 0), "ok") == 0;
	sqlite3_finalize(s);
	return STORE_OK;
}

/* The online backup API copies page by page while others keep writing;
 * a few pages per step with a pause lets the counters in between. The copy
 * goes to a temporary file beside dest (0600), is synced, and is linked
 * into place only when whole: a full disk or a failure leaves no partial
 * file at dest, and dest is never overwritten. */
enum store_rc
store_backup(struct store *st, const char *dest)
{
	sqlite3        *to = NULL;
	sqlite3_backup *b;
	char            tmp[4096];
	int             rc, fd;
	struct stat     sb;

	if (lstat(dest, &sb) == 0) {
		snprintf(st->err, sizeof st->err, "%s: exists; choose a new file", dest);
		return STORE_EXISTS;
	}
	if (snprintf(tmp, sizeof tmp, "%s.part-XXXXXX", dest) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		snprintf(st->err, sizeof st->err, "%s: %s", dest, strerror(errno));
		return STORE_ERR;
	}
	close(fd);
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	b = rc == SQLITE_OK ? sqlite3_backup_init(to, "main", st->db, "main") : NULL;
	if (b == NULL) {
		snprintf(st->err, sizeof st->err, "%s: %s", dest,
		    to != NULL ? sqlite3_errmsg(to) : sqlite3_errstr(rc));
		sqlite3_close(to);
		unlink(tmp);
		return STORE_ERR;
	}
	do {
		rc = sqlite3_backup_step(b, 64);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			usleep(5000);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE) {
		snprintf(st->err, sizeof st->err, "%s: %s", dest, sqlite3_errstr(rc));
		sqlite3_close(to);
		unlink(tmp);
		return STORE_ERR;
	}
	rc = sqlite3_close(to);
	if (rc == SQLITE_OK && (fd = open(tmp, O_RDONLY)) >= 0) {
		if (fsync(fd) != 0)
			rc = SQLITE_IOERR;
		close(fd);
	}
	if (rc != SQLITE_OK || link(tmp, dest) != 0) {
		snprintf(st->err, sizeof st->err, "%s: %s", dest, rc != SQLITE_OK ?
		    sqlite3_errstr(rc) : strerror(errno));
		unlink(tmp);
		return STORE_ERR;
	}
	unlink(tmp);
	return STORE_OK;
}
