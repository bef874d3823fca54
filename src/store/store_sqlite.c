/*
 * store_sqlite.c: the SQLite engine of the store, one file on one host (a
 * centre, training, demos, tests).
 *
 * Why these settings: WAL lets the screens read while a counter writes; a
 * busy handler makes a writer wait for another instead of failing at once
 * (the service layer retries on top of it, so nobody above ever sees
 * SQLITE_BUSY); foreign keys are off by default in SQLite and must be turned
 * on for every connection. A new file is built at a temporary name beside
 * its path and linked into place only when whole (publish), so that a
 * failed init leaves whatever was at the path as it was.
 */
#include "store_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* 'JZZP', 'JZZT' and 'JZZR' in the file's header (PRAGMA application_id):
 * what file(1) and any tool see before opening a single table. */
#define SQLITE_APPID_PRODUCTION 1247435344
#define SQLITE_APPID_TRAINING   1247435348
#define SQLITE_APPID_REHEARSAL  1247435346

struct store_conn {
	sqlite3           *db;
	char               err[256];
	char               path[4096];        /* the file (a new one's temporary name) */
	char               final_path[4096];  /* a new file's name once whole (publish) */
	struct timespec    busy_since;        /* start of the current wait for a lock */
	unsigned           seed;              /* jitter of the waits */
	struct store_ckpt *ckpt;              /* the checkpointer thread, once started */
	bool               ckpt_failed;       /* it could not start: checkpoint inline */
};

/* The columns of a statement whose ids col_text gives as text: more than
 * any SELECT of the store has (SELECT * of applications: 21). */
#define SQLITE_UUID_COLS 48

struct sqlite_stmt {
	struct store_stmt  base;
	struct store_conn *c;
	sqlite3_stmt      *s;
	char             (*uuid)[STORE_UUID_LEN];   /* [SQLITE_UUID_COLS], made when first read */
};

#define SQ(st) (((struct sqlite_stmt *)(st))->s)

static void
sqlite_note(struct store_conn *c, int rc, const char *msg)
{
	snprintf(c->err, sizeof c->err, "%s", msg != NULL ? msg : sqlite3_errstr(rc));
}

static enum stmt_rc
sqlite_rc(int rc)
{
	switch (rc & 0xff) {
	case SQLITE_OK:
	case SQLITE_DONE:
		return STMT_DONE;
	case SQLITE_ROW:
		return STMT_ROW;
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return STMT_BUSY;
	default:
		return STMT_ERR;
	}
}

static bool
sqlite_claims(const char *target)
{
	(void)target;
	return true;   /* the last driver asked: whatever is not a URI is a file */
}

static const char *
sqlite_errmsg(struct store_conn *c)
{
	return c->err;
}

/* ---- statements ---- */

static struct store_stmt *
sqlite_prepare(struct store_conn *c, const char *sql)
{
	struct sqlite_stmt *st = calloc(1, sizeof *st);
	int                 rc;

	if (st == NULL) {
		snprintf(c->err, sizeof c->err, "out of memory");
		return NULL;
	}
	rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st->s, NULL);
	if (rc != SQLITE_OK) {
		sqlite_note(c, rc, sqlite3_errmsg(c->db));
		free(st);
		return NULL;
	}
	st->base.drv = &store_driver_sqlite;
	st->c = c;
	return &st->base;
}

static void
sqlite_finalize(struct store_stmt *s)
{
	if (s == NULL)
		return;
	sqlite3_finalize(SQ(s));
	free(((struct sqlite_stmt *)s)->uuid);
	free(s);
}

static void
sqlite_reset(struct store_stmt *s)
{
	sqlite3_reset(SQ(s));
	sqlite3_clear_bindings(SQ(s));
}

static enum stmt_rc
sqlite_step(struct store_stmt *s)
{
	struct store_conn *c = ((struct sqlite_stmt *)s)->c;
	int                rc = sqlite3_step(SQ(s));

	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		sqlite_note(c, rc, sqlite3_errmsg(c->db));
	return sqlite_rc(rc);
}

static void
sqlite_bind_null(struct store_stmt *s, int i)
{
	sqlite3_bind_null(SQ(s), i);
}

static void
sqlite_bind_int64(struct store_stmt *s, int i, int64_t v)
{
	sqlite3_bind_int64(SQ(s), i, v);
}

static void
sqlite_bind_text(struct store_stmt *s, int i, const char *v, bool keep)
{
	if (v == NULL)
		sqlite3_bind_null(SQ(s), i);
	else
		sqlite3_bind_text(SQ(s), i, v, -1, keep ? SQLITE_STATIC : SQLITE_TRANSIENT);
}

static void
sqlite_bind_uuid(struct store_stmt *s, int i, const char *v)
{
	uint8_t b[16];

	if (store_uuid_bytes(v, b))
		sqlite3_bind_blob(SQ(s), i, b, sizeof b, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(SQ(s), i);
}

/* An id is the only 16-byte blob the schema keeps (schema v8): it reads
 * as its text, and as a text for the audit's row digests, which hashed the
 * text before v8 and must come out the same after it. */
static bool
sqlite_col_is_uuid(struct store_stmt *s, int i)
{
	return sqlite3_column_type(SQ(s), i) == SQLITE_BLOB && sqlite3_column_bytes(SQ(s), i) == 16;
}

static int
sqlite_col_count(struct store_stmt *s)
{
	return sqlite3_column_count(SQ(s));
}

static const char *
sqlite_col_name(struct store_stmt *s, int i)
{
	return sqlite3_column_name(SQ(s), i);
}

static enum stmt_type
sqlite_col_type(struct store_stmt *s, int i)
{
	if (sqlite_col_is_uuid(s, i))
		return STMT_TEXT;
	return (enum stmt_type)sqlite3_column_type(SQ(s), i);
}

static int64_t
sqlite_col_int64(struct store_stmt *s, int i)
{
	return sqlite3_column_int64(SQ(s), i);
}

static const char *
sqlite_col_text(struct store_stmt *s, int i)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)s;

	if (!sqlite_col_is_uuid(s, i))
		return (const char *)sqlite3_column_text(SQ(s), i);
	if (i < 0 || i >= SQLITE_UUID_COLS)
		return NULL;
	if (st->uuid == NULL && (st->uuid = calloc(SQLITE_UUID_COLS, sizeof *st->uuid)) == NULL)
		return NULL;
	store_uuid_text(sqlite3_column_blob(SQ(s), i), st->uuid[i]);
	return st->uuid[i];
}

/* jzz_uuid(text): a UUID's text as its 16 bytes, NULL for anything else;
 * for the migration that turned the ids into bytes (schema v8). SQLite
 * 3.40 has no unhex(). */
static void
sqlite_fn_uuid(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	uint8_t b[16];

	(void)argc;
	if (store_uuid_bytes((const char *)sqlite3_value_text(argv[0]), b))
		sqlite3_result_blob(ctx, b, sizeof b, SQLITE_TRANSIENT);
	else
		sqlite3_result_null(ctx);
}

static int64_t
sqlite_changes(struct store_conn *c)
{
	return sqlite3_changes64(c->db);
}

static bool
sqlite_in_tx(struct store_conn *c)
{
	return !sqlite3_get_autocommit(c->db);
}

static enum stmt_rc
sqlite_exec(struct store_conn *c, const char *script)
{
	char *msg = NULL;
	int   rc = sqlite3_exec(c->db, script, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		sqlite_note(c, rc, msg);
	sqlite3_free(msg);
	return sqlite_rc(rc);
}

/* ---- the connection ---- */

/* A pragma at open time, retried while another process holds the file
 * (switching to WAL needs a moment of exclusive access). */
static enum stmt_rc
sqlite_exec_retry(struct store_conn *c, const char *sql)
{
	enum stmt_rc rc = STMT_BUSY;

	for (int attempt = 0; attempt < 200 && rc == STMT_BUSY; attempt++) {
		if ((rc = sqlite_exec(c, sql)) == STMT_BUSY)
			usleep(10000);
	}
	return rc;
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
sqlite_busy_wait(void *arg, int count)
{
	struct store_conn *c = arg;
	long               us;

	if (count == 0)
		clock_gettime(CLOCK_MONOTONIC, &c->busy_since);
	else {
		struct timespec now;
		long            ms;

		clock_gettime(CLOCK_MONOTONIC, &now);
		ms = (now.tv_sec - c->busy_since.tv_sec) * 1000L +
		    (now.tv_nsec - c->busy_since.tv_nsec) / 1000000L;
		if (ms >= STORE_BUSY_TIMEOUT_MS)
			return 0;
	}
	/* 0.1 ms more each time up to 1 ms, jittered by as much again */
	us = backoff_us(&c->seed, (unsigned)getpid() ^ (unsigned)(uintptr_t)c, count, 100, 1000,
	    1000);
	usleep((useconds_t)us);
	return 1;
}

/*
 * After each commit, with the log's length in frames. No checkpoint runs
 * here, inside the commit that the clerk is waiting for: the length goes to
 * the connection's checkpointer thread (store_ckpt.c), which copies pages
 * and restarts the log on its own connection. Only when that thread could
 * not start does the hook checkpoint inline (passive, never waiting), so
 * that the log is still copied back.
 */
static int
sqlite_wal_hook(void *arg, sqlite3 *db, const char *name, int frames)
{
	struct store_conn *c = arg;

	store_ckpt_notify(&c->ckpt, &c->ckpt_failed, c->path, frames);
	if (c->ckpt_failed && frames >= STORE_WAL_PASSIVE_FRAMES)
		sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	return SQLITE_OK;
}

/* Connection settings every handle needs, whatever the file's version. */
static const char sqlite_settings[] =
	"PRAGMA foreign_keys = ON;"
	"PRAGMA journal_mode = WAL;"
	"PRAGMA synchronous = NORMAL;"
	/* a log restarted by a writer (not truncated) shrinks back to this */
	"PRAGMA journal_size_limit = 16777216;"
	/* 16 MB of page cache, measured on the 1 M file (docs/benchmarks.md):
	 * the district's month in 565 ms against 780 with SQLite's 2 MB, and
	 * no better with 64 MB; the pages come only as they are read, so a
	 * terminal that reads little stays small. mmap gained nothing
	 * measurable (the file is many times the memory) and stays off. */
	"PRAGMA cache_size = -16384;";

static void
sqlite_disconnect(struct store_conn *c)
{
	if (c == NULL)
		return;
	/* first: the handle's connection must be the last one to close */
	store_ckpt_stop(&c->ckpt);
	sqlite3_close(c->db);
	free(c);
}

/* A connection to the file at path, opened with flags, extended codes on and
 * the busy handler set: the start that the store's open and a migration's
 * read-only source share. NULL, with err saying why, on failure. */
static struct store_conn *
sqlite_conn_new(const char *path, int flags, char *err, size_t errlen)
{
	struct store_conn *c = calloc(1, sizeof *c);
	int                rc;

	if (c == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	rc = sqlite3_open_v2(path, &c->db, flags, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path,
		    c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
		sqlite_disconnect(c);
		return NULL;
	}
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_create_function(c->db, "jzz_uuid", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, NULL, sqlite_fn_uuid, NULL, NULL);
	snprintf(c->path, sizeof c->path, "%s", path);
	sqlite3_busy_handler(c->db, sqlite_busy_wait, c);
	return c;
}

static enum store_rc
sqlite_open_file(const char *path, int flags, struct store_conn **out, char *err, size_t errlen)
{
	struct store_conn *c;

	*out = NULL;
	if ((c = sqlite_conn_new(path, flags, err, errlen)) == NULL)
		return STORE_ERR;
	/* one pragma at a time: journal_mode may need a retry on its own */
	for (const char *p = sqlite_settings; *p != '\0';) {
		const char *end = strchr(p, ';');
		char        one[128];

		snprintf(one, sizeof one, "%.*s", (int)(end - p), p);
		if (sqlite_exec_retry(c, one) != STMT_DONE) {
			snprintf(err, errlen, "%s: %s", path, c->err);
			sqlite_disconnect(c);
			return STORE_ERR;
		}
		p = end + 1;
	}
	sqlite3_wal_hook(c->db, sqlite_wal_hook, c);
	*out = c;
	return STORE_OK;
}

/* An existing store's file: NOTFOUND when path is not there (the reason,
 * then hint, in err), ERR when it is not a regular file, else OK. */
static enum store_rc
sqlite_check_file(const char *path, const char *hint, char *err, size_t errlen)
{
	struct stat sb;

	if (stat(path, &sb) != 0) {
		snprintf(err, errlen, "%s: %s%s", path, strerror(errno), hint);
		return STORE_NOTFOUND;
	}
	if (!S_ISREG(sb.st_mode)) {
		snprintf(err, errlen, "%s: not a regular file", path);
		return STORE_ERR;
	}
	return STORE_OK;
}

static enum store_rc
sqlite_connect(const char *path, bool create, bool raw, struct store_conn **out, char *err,
               size_t errlen)
{
	struct stat   sb;
	char          tmp[4096];
	int           fd;
	enum store_rc rc;

	*out = NULL;
	if (raw)
		return sqlite_open_file(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, out, err,
		    errlen);
	if (!create) {
		if ((rc = sqlite_check_file(path, " (run `jzz init` first)", err, errlen)) != STORE_OK)
			return rc;
		return sqlite_open_file(path, SQLITE_OPEN_READWRITE, out, err, errlen);
	}
	/* Only nothing, or an empty regular file, may be at path; the new
	 * file is made here (0600) so that publish may remove it again. */
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
	rc = sqlite_open_file(tmp, SQLITE_OPEN_READWRITE, out, err, errlen);
	if (rc != STORE_OK) {
		unlink(tmp);
		return rc;
	}
	snprintf((*out)->final_path, sizeof (*out)->final_path, "%s", path);
	return STORE_OK;
}

static enum store_rc
sqlite_publish(struct store_conn *c, bool ok, char *err, size_t errlen)
{
	char        tmp[4096], final[4096];
	struct stat sb;

	snprintf(tmp, sizeof tmp, "%s", c->path);
	snprintf(final, sizeof final, "%s", c->final_path);
	/* Closing the last connection checkpoints the WAL and removes the
	 * -wal and -shm files, which are named after the temporary name. */
	sqlite_disconnect(c);
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
	snprintf(err, errlen, "%s: something else appeared there meanwhile", final);
	unlink(tmp);
	return STORE_EXISTS;
}

/* ---- the schema and the file ---- */

static int
sqlite_version(struct store_conn *c)
{
	sqlite3_stmt *s;
	int           v = -1;

	if (sqlite3_prepare_v2(c->db, "PRAGMA user_version", -1, &s, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

static enum store_rc
sqlite_mark_get(struct store_conn *c, enum store_db_kind *out)
{
	sqlite3_stmt *s;
	long long     id = 0;
	int           rc;

	*out = STORE_DB_UNMARKED;
	if ((rc = sqlite3_prepare_v2(c->db, "PRAGMA application_id", -1, &s, NULL)) != SQLITE_OK) {
		sqlite_note(c, rc, sqlite3_errmsg(c->db));
		return STORE_ERR;
	}
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	else
		sqlite_note(c, rc, sqlite3_errmsg(c->db));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return STORE_ERR;
	*out = id == 0 ? STORE_DB_UNMARKED : id == SQLITE_APPID_PRODUCTION ? STORE_DB_PRODUCTION :
	    id == SQLITE_APPID_TRAINING ? STORE_DB_TRAINING :
	    id == SQLITE_APPID_REHEARSAL ? STORE_DB_REHEARSAL : STORE_DB_OTHER;
	return STORE_OK;
}

static enum store_rc
sqlite_mark_set(struct store_conn *c, enum store_db_kind kind)
{
	char sql[64];

	/* PRAGMA takes no bound value; the number is one of three constants */
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d", kind == STORE_DB_TRAINING ?
	    SQLITE_APPID_TRAINING : kind == STORE_DB_REHEARSAL ? SQLITE_APPID_REHEARSAL :
	    SQLITE_APPID_PRODUCTION);
	return sqlite_exec(c, sql) == STMT_DONE ? STORE_OK : STORE_ERR;
}

static enum store_rc
sqlite_is_owner(struct store_conn *c, bool *out, char *err, size_t errlen)
{
	struct stat sb;

	*out = false;
	if (stat(c->path, &sb) != 0) {
		snprintf(err, errlen, "%.200s: %s", c->path, strerror(errno));
		return STORE_ERR;
	}
	*out = geteuid() == 0 || sb.st_uid == geteuid();
	return STORE_OK;
}

static enum store_rc
sqlite_integrity(struct store_conn *c, bool *ok)
{
	sqlite3_stmt *s;
	int           rc;

	*ok = false;
	rc = sqlite3_prepare_v2(c->db, "PRAGMA integrity_check", -1, &s, NULL);
	if (rc != SQLITE_OK) {
		sqlite_note(c, rc, sqlite3_errmsg(c->db));
		return STORE_ERR;
	}
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
static enum store_rc
sqlite_backup(struct store_conn *c, const char *dest, char *err, size_t errlen)
{
	sqlite3        *to = NULL;
	sqlite3_backup *b;
	char            tmp[4096];
	int             rc, fd;
	struct stat     sb;

	if (lstat(dest, &sb) == 0) {
		snprintf(err, errlen, "%s: exists; choose a new file", dest);
		return STORE_EXISTS;
	}
	if (snprintf(tmp, sizeof tmp, "%s.part-XXXXXX", dest) >= (int)sizeof tmp ||
	    (fd = mkstemp(tmp)) < 0) {
		snprintf(err, errlen, "%s: %s", dest, strerror(errno));
		return STORE_ERR;
	}
	close(fd);
	rc = sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE, NULL);
	b = rc == SQLITE_OK ? sqlite3_backup_init(to, "main", c->db, "main") : NULL;
	if (b == NULL) {
		snprintf(err, errlen, "%s: %s", dest,
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
		snprintf(err, errlen, "%s: %s", dest, sqlite3_errstr(rc));
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
		snprintf(err, errlen, "%s: %s", dest, rc != SQLITE_OK ?
		    sqlite3_errstr(rc) : strerror(errno));
		unlink(tmp);
		return STORE_ERR;
	}
	unlink(tmp);
	return STORE_OK;
}

static bool
sqlite_default_key_path(const char *target, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s.key", target);

	return n > 0 && (size_t)n < size;
}

/* A new file: no journal, no fsync, no per-row foreign key look-ups (a
 * crash means delete it and seed again); a big page cache for the primary
 * keys that stay live and for the sorts that build the other indexes; no
 * CHECK constraints evaluated row by row (the seed's rows are bound by the
 * store's own binders; `jzz seed --check` verifies every constraint and
 * foreign key after the load: sql_checks_verify). Off again: the settings
 * of every connection. */
static enum stmt_rc
sqlite_bulk(struct store_conn *c, bool on)
{
	if (on)
		return sqlite_exec(c, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
		    " PRAGMA foreign_keys = OFF; PRAGMA cache_size = -4000000;"
		    " PRAGMA temp_store = MEMORY; PRAGMA threads = 2; PRAGMA ignore_check_constraints = ON");
	return sqlite_exec(c, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
	    " PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384; PRAGMA temp_store = DEFAULT;"
	    " PRAGMA ignore_check_constraints = OFF");
}

/* A prepared INSERT of the columns: the bulk path is the plain one here,
 * so that the seed's rows cost what they always did. */
static struct store_stmt *
sqlite_copy_prepare(struct store_conn *c, const char *table, const char *const *cols, int ncols)
{
	char   sql[2048];
	size_t o;
	int    n;

	if (!store_name_ok(table) || ncols < 1) {
		snprintf(c->err, sizeof c->err, "bulk rows: bad table name");
		return NULL;
	}
	o = (size_t)snprintf(sql, sizeof sql, "INSERT INTO %s (", table);
	for (int i = 0; i < ncols && o < sizeof sql; i++) {
		if (!store_name_ok(cols[i])) {
			snprintf(c->err, sizeof c->err, "bulk rows: bad column name");
			return NULL;
		}
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s%s", i > 0 ? ", " : "", cols[i]);
	}
	for (int i = 0; i < ncols && o < sizeof sql; i++)
		o += (size_t)snprintf(sql + o, sizeof sql - o, "%s?%d", i > 0 ? ", " : ") VALUES (",
		    i + 1);
	n = o < sizeof sql ? snprintf(sql + o, sizeof sql - o, ")") : 0;
	if (o + (size_t)n >= sizeof sql) {
		snprintf(c->err, sizeof c->err, "bulk rows: too many columns");
		return NULL;
	}
	return sqlite_prepare(c, sql);
}

/* Each step has written its row already. */
static enum stmt_rc
sqlite_copy_flush(struct store_stmt *s)
{
	(void)s;
	return STMT_DONE;
}

/*
 * A migration's source: opened read-only and query-only, so that neither
 * a statement nor the closing of the connection (no checkpoint is run by
 * a reader) changes the file; its journal mode is left as it is.
 */
static enum store_rc
sqlite_connect_readonly(const char *path, struct store_conn **out, char *err, size_t errlen)
{
	struct store_conn *c;
	enum store_rc      rc;

	*out = NULL;
	if ((rc = sqlite_check_file(path, "", err, errlen)) != STORE_OK)
		return rc;
	if ((c = sqlite_conn_new(path, SQLITE_OPEN_READONLY, err, errlen)) == NULL)
		return STORE_ERR;
	if (sqlite_exec(c, "PRAGMA query_only = ON; PRAGMA cache_size = -16384") != STMT_DONE) {
		snprintf(err, errlen, "%s: %s", path, c->err);
		sqlite_disconnect(c);
		return STORE_ERR;
	}
	*out = c;
	return STORE_OK;
}

const struct store_driver store_driver_sqlite = {
	.name = "sqlite",
	.claims = sqlite_claims,
	.connect = sqlite_connect,
	.publish = sqlite_publish,
	.disconnect = sqlite_disconnect,
	.errmsg = sqlite_errmsg,
	.exec = sqlite_exec,
	.prepare = sqlite_prepare,
	.finalize = sqlite_finalize,
	.reset = sqlite_reset,
	.step = sqlite_step,
	.bind_null = sqlite_bind_null,
	.bind_int64 = sqlite_bind_int64,
	.bind_text = sqlite_bind_text,
	.bind_uuid = sqlite_bind_uuid,
	.col_count = sqlite_col_count,
	.col_name = sqlite_col_name,
	.col_type = sqlite_col_type,
	.col_int64 = sqlite_col_int64,
	.col_text = sqlite_col_text,
	.changes = sqlite_changes,
	.in_tx = sqlite_in_tx,
	/* the write lock at once, so two counters never both read then both
	 * write */
	.sql_begin = "BEGIN IMMEDIATE",
	.version = sqlite_version,
	.schema_base = store_schema_v1,
	.schema_base_version = 1,
	.migrations = store_schema_migrations,
	.mark_get = sqlite_mark_get,
	.mark_set = sqlite_mark_set,
	.sql_audit_guards =
	    "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND tbl_name = 'audit_log'"
	    " AND name IN ('audit_log_no_update', 'audit_log_no_delete')"
	    " AND sql LIKE '%RAISE(ABORT%'",
	.audit_guards = 2,
	.sql_audit_wipe =
	    "DROP TRIGGER audit_log_no_delete;"
	    "DELETE FROM audit_log;"
	    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	    "  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
	.is_owner = sqlite_is_owner,
	.backup = sqlite_backup,
	.integrity = sqlite_integrity,
	.default_key_path = sqlite_default_key_path,
	.bulk = sqlite_bulk,
	/* (primary keys are autoindexes with no SQL: they stay; since v8
	 * every other UNIQUE is a named index, rebuilt like the rest) */
	.sql_bulk_indexes =
	    "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL"
	    " AND tbl_name IN ('persons', 'applications', 'application_rules', 'registrations',"
	    " 'permits', 'cards', 'endorsements', 'changes', 'fees', 'sms_outbox') ORDER BY rowid",
	.sql_bulk_begin = "BEGIN",
	.sql_analyze = "PRAGMA analysis_limit = 400; ANALYZE",
	.sql_fk_check = "PRAGMA foreign_key_check",
	.sql_checks_verify = "PRAGMA quick_check",
	.sql_fk_off = "PRAGMA foreign_keys = OFF",
	.sql_fk_on = "PRAGMA foreign_keys = ON",
	.copy_prepare = sqlite_copy_prepare,
	.copy_flush = sqlite_copy_flush,
	.sql_identity_sync = NULL,
	.connect_readonly = sqlite_connect_readonly,
};
