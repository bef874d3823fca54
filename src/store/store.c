/*
 * store.c: opening a store on its engine, migrations, transactions, the
 * statement cache and the helpers every store_*.c uses.
 *
 * Why the engine is chosen here and nowhere else: the --db text names a
 * SQLite file or a PostgreSQL connection (case-format.md); the first driver
 * that claims it serves the handle, and from then on every store function
 * runs the same SQL through the same stmt_* calls whichever it is. The
 * settings of each engine's connections (WAL and the busy handler for
 * SQLite; the schema, time zone and timeouts for PostgreSQL) are that
 * engine's own business (store_sqlite.c, store_pg.c).
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <uuid/uuid.h>

static const struct store_driver *const store_drivers[] = {
	&store_driver_pg,
	&store_driver_sqlite,   /* last: whatever no other claims is a file */
};

static void
store_copy(char *buf, size_t size, const char *s)
{
	if (size == 0)
		return;
	snprintf(buf, size, "%s", s != NULL ? s : "");
}

enum store_rc
store_fail(struct store *st, enum stmt_rc rc)
{
	if (st != NULL && st->conn != NULL)
		store_copy(st->err, sizeof st->err, st->drv->errmsg(st->conn));
	return rc == STMT_BUSY ? STORE_BUSY : STORE_ERR;
}

enum store_rc
store_exec(struct store *st, const char *script)
{
	enum stmt_rc rc = st->drv->exec(st->conn, script);

	return rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

int64_t
store_changes(struct store *st)
{
	return st->drv->changes(st->conn);
}

static void
store_record_read(struct store_stmt *s, const struct store_record *rec, void *row)
{
	memset(row, 0, rec->size);
	store_cols_read(s, 0, rec->cols, rec->ncols, row);
	if (rec->read != NULL)
		rec->read(s, row);
}

enum store_rc
store_rows(struct store *st, struct store_stmt *s, const struct store_record *rec, void **out,
           size_t *n)
{
	char        *v = NULL, *nv;
	size_t       cnt = 0, cap = 0, size = rec->size;
	enum stmt_rc rc;

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	while ((rc = stmt_step(s)) == STMT_ROW) {
		if (cnt == cap) {
			/* Doubling: a queue or a history can run to thousands of rows. */
			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * size);
			if (nv == NULL) {
				free(v);
				stmt_reset(s);
				return STORE_ERR;
			}
			v = nv;
		}
		store_record_read(s, rec, v + cnt * size);
		cnt++;
	}
	if (rc != STMT_DONE) {
		free(v);
		/* the message before the reset, which may clear it */
		rc = store_fail(st, rc) == STORE_BUSY ? STMT_BUSY : STMT_ERR;
		stmt_reset(s);
		return rc == STMT_BUSY ? STORE_BUSY : STORE_ERR;
	}
	stmt_reset(s);
	*out = v;
	*n = cnt;
	return STORE_OK;
}

enum store_rc
store_rows_by(struct store *st, const char *sql, const struct store_arg *key, int nkey,
              const struct store_record *rec, void **out, size_t *n)
{
	return store_rows(st, store_stmt_args(st, sql, key, nkey), rec, out, n);
}

enum store_rc
store_row(struct store *st, struct store_stmt *s)
{
	int rc;

	if (s == NULL)
		return STORE_ERR;
	rc = stmt_step(s);
	if (rc == STMT_ROW)
		return STORE_OK;
	stmt_reset(s);
	if (rc == STMT_DONE)
		return STORE_NOTFOUND;
	return store_fail(st, rc);
}

enum store_rc
store_one(struct store *st, struct store_stmt *s, const struct store_record *rec, void *out)
{
	enum store_rc rc = store_row(st, s);

	if (rc != STORE_OK)
		return rc;
	store_record_read(s, rec, out);
	stmt_reset(s);
	return STORE_OK;
}

enum store_rc
store_one_by(struct store *st, const char *sql, const struct store_arg *key, int nkey,
             const struct store_record *rec, void *out)
{
	return store_one(st, store_stmt_args(st, sql, key, nkey), rec, out);
}

enum store_rc
store_text_by(struct store *st, const char *sql, const struct store_arg *key, int nkey,
              char *buf, size_t size)
{
	struct store_stmt *s = store_stmt_args(st, sql, key, nkey);
	enum store_rc      rc;

	if ((rc = store_row(st, s)) != STORE_OK)
		return rc;
	store_col_text(s, 0, buf, size);
	stmt_reset(s);
	return STORE_OK;
}

enum store_rc
store_flag(struct store *st, struct store_stmt *s, bool *out)
{
	enum store_rc rc = store_row(st, s);

	*out = false;
	/* an EXISTS always has its row: none is the engine failing */
	if (rc != STORE_OK)
		return rc == STORE_NOTFOUND ? STORE_ERR : rc;
	*out = stmt_col_int(s, 0) != 0;
	stmt_reset(s);
	return STORE_OK;
}

const char *
store_errmsg(const struct store *st)
{
	return st != NULL ? st->err : "no store";
}

const char *
store_engine(const struct store *st)
{
	return st->drv->name;
}

bool
store_link_lost(const struct store *st)
{
	return st != NULL && st->conn != NULL && st->drv->link_lost != NULL &&
	    st->drv->link_lost(st->conn);
}

struct store_stmt *
store_stmt(struct store *st, const char *sql)
{
	struct store_stmt *stmt;

	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql) {
			stmt_reset(st->cache[i].stmt);
			return st->cache[i].stmt;
		}
	if ((stmt = st->drv->prepare(st->conn, sql)) == NULL) {
		store_fail(st, STMT_ERR);
		return NULL;
	}
	if (st->ncache < STORE_CACHE_MAX) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache].stmt = stmt;
		st->ncache++;
	} else {
		/* Cannot happen with the store's fixed set of statements; keep
		 * working (and leak nothing) by finalizing the oldest. */
		st->drv->finalize(st->cache[0].stmt);
		st->cache[0].sql = sql;
		st->cache[0].stmt = stmt;
	}
	return stmt;
}

/* A date as parameter i: NONE as NULL, else its text kept in ring until
 * the statement is stepped, or copied when ring is NULL. */
void
store_bind_date_in(struct store_stmt *s, int i, jzz_date d, struct store_dates *ring)
{
	char *buf;

	if (ring == NULL || d == JZZ_DATE_NONE) {
		store_bind_date(s, i, d);
		return;
	}
	buf = ring->buf[ring->n++ % STORE_DATES_RING];
	date_format(d, buf);
	stmt_bind_text(s, i, buf);
}

/* A text as parameter i, kept: NULL or "" as NULL when `none` says so. */
static void
store_bind_text_in(struct store_stmt *s, int i, const char *t, bool none)
{
	if (none && (t == NULL || *t == '\0'))
		stmt_bind_null(s, i);
	else
		stmt_bind_text(s, i, t);
}

struct store_stmt *
store_bind_args(struct store_stmt *s, const struct store_arg *args, int n,
                struct store_dates *ring)
{
	for (int k = 0; s != NULL && k < n; k++) {
		const struct store_arg *a = &args[k];

		switch (a->kind) {
		case STORE_ARG_TEXT:
		case STORE_ARG_NTEXT:
			store_bind_text_in(s, k + 1, a->t, a->kind == STORE_ARG_NTEXT);
			break;
		case STORE_ARG_UUID:
			stmt_bind_uuid(s, k + 1, a->t);
			break;
		case STORE_ARG_DATE:
			store_bind_date_in(s, k + 1, a->d, ring);
			break;
		case STORE_ARG_INT:
			stmt_bind_int64(s, k + 1, a->i);
			break;
		}
	}
	return s;
}

struct store_stmt *
store_stmt_args(struct store *st, const char *sql, const struct store_arg *args, int n)
{
	return store_bind_args(store_stmt(st, sql), args, n, NULL);
}

enum store_rc
store_run(struct store *st, struct store_stmt *stmt)
{
	enum stmt_rc rc;

	if (stmt == NULL)
		return STORE_ERR;
	while ((rc = stmt_step(stmt)) == STMT_ROW)
		;
	if (rc != STMT_DONE) {
		enum store_rc src = store_fail(st, rc);

		stmt_reset(stmt);
		return src;
	}
	stmt_reset(stmt);
	return STORE_OK;
}

void
store_bind_text(struct store_stmt *s, int i, const char *v)
{
	if (v == NULL || *v == '\0')
		stmt_bind_null(s, i);
	else
		stmt_bind_text_copy(s, i, v);
}

void
store_bind_date(struct store_stmt *s, int i, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN];

	if (d == JZZ_DATE_NONE) {
		stmt_bind_null(s, i);
		return;
	}
	date_format(d, buf);
	stmt_bind_text_copy(s, i, buf);
}

jzz_date
store_col_date(struct store_stmt *s, int i)
{
	const char *t = stmt_col_text(s, i);
	jzz_date    d;

	if (t == NULL || !date_parse(t, strlen(t), &d))
		return JZZ_DATE_NONE;
	return d;
}

void
store_col_text(struct store_stmt *s, int i, char *buf, size_t size)
{
	store_copy(buf, size, stmt_col_text(s, i));
}

int
store_col_code(struct store_stmt *s, int i, const struct vocab *vocab, int n, int dflt)
{
	const char *t = stmt_col_text(s, i);
	int         k = t != NULL ? case_vocab_find(vocab, n, t, strlen(t)) : -1;

	return k >= 0 ? k : dflt;
}

/* An integer field of `size` bytes (an int, an enum, a long, an int64_t). */
static void
store_int_put(void *p, size_t size, int64_t v)
{
	if (size == sizeof(int64_t)) {
		memcpy(p, &v, sizeof v);
	} else if (size == sizeof(int32_t)) {
		int32_t w = (int32_t)v;

		memcpy(p, &w, sizeof w);
	} else if (size == sizeof(int16_t)) {
		int16_t w = (int16_t)v;

		memcpy(p, &w, sizeof w);
	} else {
		*(uint8_t *)p = (uint8_t)v;
	}
}

static int64_t
store_int_get(const void *p, size_t size)
{
	int64_t v64;
	int32_t v32;
	int16_t v16;

	if (size == sizeof(int64_t)) {
		memcpy(&v64, p, sizeof v64);
		return v64;
	}
	if (size == sizeof(int32_t)) {
		memcpy(&v32, p, sizeof v32);
		return v32;
	}
	if (size == sizeof(int16_t)) {
		memcpy(&v16, p, sizeof v16);
		return v16;
	}
	return *(const uint8_t *)p;
}

void
store_cols_read(struct store_stmt *s, int first, const struct store_col *cols, int n, void *row)
{
	for (int k = 0; k < n; k++) {
		const struct store_col *c = &cols[k];
		char                   *p = (char *)row + c->off;
		int                     i = first + k;

		switch (c->kind) {
		case STORE_COL_TEXT:
		case STORE_COL_NTEXT:
		case STORE_COL_UUID:
			store_col_text(s, i, p, c->size);
			break;
		case STORE_COL_DATE: {
			jzz_date d = store_col_date(s, i);

			memcpy(p, &d, sizeof d);
			break;
		}
		case STORE_COL_BOOL:
			*(bool *)p = stmt_col_int64(s, i) != 0;
			break;
		case STORE_COL_INT:
		case STORE_COL_UINT:
			store_int_put(p, c->size, stmt_col_int64(s, i));
			break;
		case STORE_COL_CODE:
			store_int_put(p, c->size, store_col_code(s, i, c->vocab, c->ncodes, c->dflt));
			break;
		}
	}
}

void
store_cols_bind(struct store_stmt *s, int first, const struct store_col *cols, int n,
                const void *row, struct store_dates *ring)
{
	int i = first;

	for (int k = 0; k < n; k++) {
		const struct store_col *c = &cols[k];
		const char             *p = (const char *)row + c->off;
		jzz_date                d;
		int64_t                 v;

		if (c->read_only)
			continue;
		switch (c->kind) {
		case STORE_COL_TEXT:
		case STORE_COL_NTEXT:
			store_bind_text_in(s, i, p, c->kind == STORE_COL_NTEXT);
			break;
		case STORE_COL_UUID:
			stmt_bind_uuid(s, i, p);
			break;
		case STORE_COL_DATE:
			memcpy(&d, p, sizeof d);
			store_bind_date_in(s, i, d, ring);
			break;
		case STORE_COL_BOOL:
			stmt_bind_int(s, i, *(const bool *)p);
			break;
		case STORE_COL_INT:
			stmt_bind_int64(s, i, store_int_get(p, c->size));
			break;
		case STORE_COL_UINT:
			v = store_int_get(p, c->size);
			if (c->size < sizeof v)
				v &= (int64_t)((UINT64_C(1) << (8 * c->size)) - 1);
			stmt_bind_int64(s, i, v);
			break;
		case STORE_COL_CODE:
			v = store_int_get(p, c->size);
			stmt_bind_text(s, i, v >= 0 && v < c->ncodes ? c->vocab[v].code : "");
			break;
		}
		i++;
	}
}

struct store_stmt *
store_stmt_row(struct store *st, const char *sql, const struct store_col *cols, int n,
               const void *row)
{
	struct store_stmt *s = store_stmt(st, sql);

	if (s != NULL)
		store_cols_bind(s, 1, cols, n, row, NULL);
	return s;
}

void
store_uuid(char out[STORE_UUID_LEN])
{
	uuid_t u;

	uuid_generate_random(u);
	uuid_unparse_lower(u, out);
}

/* Only the form jzz writes (uuid_unparse_lower): the same text finds the
 * same row on both engines, whatever each would also accept. */
bool
store_uuid_bytes(const char *text, uint8_t out[16])
{
	if (text == NULL || strlen(text) != STORE_UUID_LEN - 1)
		return false;
	for (int i = 0; i < STORE_UUID_LEN - 1; i++) {
		char ch = text[i];
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? ch != '-' : !((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
			return false;
	}
	return uuid_parse(text, out) == 0;
}

void
store_uuid_text(const uint8_t in[16], char out[STORE_UUID_LEN])
{
	uuid_unparse_lower(in, out);
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

enum store_rc
store_exec_for_tests(struct store *st, const char *sql)
{
	return store_exec(st, sql);
}

int
store_user_version(struct store *st)
{
	return st->drv->version(st->conn);
}

static const struct store_driver *
store_driver_for(const char *target)
{
	for (size_t i = 0; i < sizeof store_drivers / sizeof store_drivers[0]; i++)
		if (store_drivers[i]->claims(target))
			return store_drivers[i];
	return &store_driver_sqlite;
}

static enum store_rc
store_connect(const char *target, bool create, bool raw, struct store **out, char *err,
              size_t errlen)
{
	struct store *st = calloc(1, sizeof *st);
	enum store_rc rc;

	*out = NULL;
	if (st == NULL) {
		store_copy(err, errlen, "out of memory");
		return STORE_ERR;
	}
	st->drv = store_driver_for(target);
	snprintf(st->target, sizeof st->target, "%s", target);
	rc = st->drv->connect(target, create, raw, &st->conn, err, errlen);
	if (rc != STORE_OK) {
		free(st);
		return rc;
	}
	*out = st;
	return STORE_OK;
}

enum store_rc
store_open_raw(const char *path, struct store **out, char *err, size_t errlen)
{
	return store_connect(path, false, true, out, err, errlen);
}

enum store_rc
store_fk_intact(struct store *st)
{
	struct store_stmt *s;
	enum stmt_rc       rc;

	if (st->drv->sql_fk_check == NULL)
		return STORE_OK;
	if ((s = store_stmt(st, st->drv->sql_fk_check)) == NULL)
		return STORE_ERR;
	rc = stmt_step(s);
	if (rc == STMT_ROW)
		snprintf(st->err, sizeof st->err, "foreign key broken: %s row %lld -> %s",
		    stmt_col_text(s, 0), (long long)stmt_col_int64(s, 1), stmt_col_text(s, 2));
	stmt_reset(s);
	if (rc == STMT_ROW)
		return STORE_ERR;
	return rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

enum store_rc
store_checks_intact(struct store *st)
{
	struct store_stmt *s;
	enum stmt_rc       rc;
	bool               ok = false;

	if (st->drv->sql_checks_verify == NULL)
		return STORE_OK;
	if ((s = store_stmt(st, st->drv->sql_checks_verify)) == NULL)
		return STORE_ERR;
	if ((rc = stmt_step(s)) == STMT_ROW) {
		const char *t = stmt_col_text(s, 0);

		ok = t != NULL && strcmp(t, "ok") == 0;
		if (!ok)
			snprintf(st->err, sizeof st->err, "constraint broken: %s", t != NULL ? t : "?");
	}
	stmt_reset(s);
	if (rc != STMT_ROW)
		return store_fail(st, rc);
	return ok ? STORE_OK : STORE_ERR;
}

/* Runs the migrations from the store's version up to `version`, in one
 * transaction: a migration interrupted half-way leaves the old version. An
 * empty store is built from the engine's base script first. */
static enum store_rc
store_migrate_tx(struct store *st, int version)
{
	enum store_rc rc;
	int           v;
	bool          built = false;

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
	if (v == 0 && version > 0) {
		if (version < st->drv->schema_base_version) {
			store_rollback(st);
			snprintf(st->err, sizeof st->err, "a %s store starts at schema version %d",
			    st->drv->name, st->drv->schema_base_version);
			return STORE_ERR;
		}
		if ((rc = store_exec(st, st->drv->schema_base)) != STORE_OK) {
			char keep[sizeof st->err];

			snprintf(keep, sizeof keep, "%s", st->err);
			snprintf(st->err, sizeof st->err, "schema: %.200s", keep);
			store_rollback(st);
			return rc;
		}
		v = st->drv->schema_base_version;
		built = true;
	}
	for (built = built || v < version; v >= 0 && v < version; v++) {
		const char *m = st->drv->migrations[v];

		if (m == NULL || (rc = store_exec(st, m)) != STORE_OK) {
			char keep[sizeof st->err];

			snprintf(keep, sizeof keep, "%s", m == NULL ? "no such migration" : st->err);
			snprintf(st->err, sizeof st->err, "migration %d -> %d: %.200s", v, v + 1, keep);
			store_rollback(st);
			return m == NULL ? STORE_ERR : rc;
		}
	}
	if (built && st->drv->sql_after_schema != NULL &&
	    (rc = store_exec(st, st->drv->sql_after_schema)) != STORE_OK) {
		store_rollback(st);
		return rc;
	}
	if (built && st->drv->sql_fk_off != NULL && (rc = store_fk_intact(st)) != STORE_OK) {
		store_rollback(st);
		return rc;
	}
	return store_commit(st);
}

/* Where the engine rebuilds tables to change them (sql_fk_off), foreign
 * keys are off for the migrations, as SQLite's own procedure for altering
 * a table asks (a table dropped and made again would otherwise break or
 * cascade its references), checked whole before the commit, and on again
 * after it whatever came of it. */
enum store_rc
store_migrate_to(struct store *st, int version)
{
	enum store_rc rc;

	if (st->drv->sql_fk_off == NULL || st->drv->in_tx(st->conn))
		return store_migrate_tx(st, version);
	if ((rc = store_exec(st, st->drv->sql_fk_off)) != STORE_OK)
		return rc;
	rc = store_migrate_tx(st, version);
	if (store_exec(st, st->drv->sql_fk_on) != STORE_OK && rc == STORE_OK)
		rc = STORE_ERR;
	return rc;
}

enum store_rc
store_build_version(struct store *st, int version)
{
	return store_migrate_to(st, version);
}

/*
 * A new store: the engine makes its place (a SQLite file at a temporary
 * name, made whole before store_publish links it; an empty PostgreSQL
 * schema) and refuses one that holds data; the schema is built up to this
 * program's version.
 */
static enum store_rc
store_create(const char *target, struct store **out, char *err, size_t errlen)
{
	enum store_rc rc = store_connect(target, true, false, out, err, errlen);

	if (rc != STORE_OK)
		return rc;
	rc = store_migrate_to(*out, STORE_SCHEMA_VERSION);
	if (rc != STORE_OK) {
		snprintf(err, errlen, "%s: %s", target, (*out)->err);
		store_publish(*out, false);
		*out = NULL;
	}
	return rc;
}

static void
store_finalize_all(struct store *st)
{
	for (int i = 0; i < st->ncache; i++)
		st->drv->finalize(st->cache[i].stmt);
	st->ncache = 0;
}

enum store_rc
store_publish(struct store *st, bool ok)
{
	enum store_rc rc;

	if (st == NULL)
		return STORE_ERR;
	store_finalize_all(st);
	rc = st->drv->publish(st->conn, ok, st->err, sizeof st->err);
	explicit_bzero(st->audit_key, sizeof st->audit_key);
	free(st);
	return rc;
}

enum store_rc
store_open(const char *path, bool create, struct store **out, char *err, size_t errlen)
{
	struct store *st;
	enum store_rc rc;
	int           v;

	*out = NULL;
	if (create)
		return store_create(path, out, err, errlen);
	rc = store_connect(path, false, false, &st, err, errlen);
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
	return st->drv->is_owner(st->conn, out, st->err, sizeof st->err);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	store_finalize_all(st);
	st->drv->disconnect(st->conn);
	explicit_bzero(st->audit_key, sizeof st->audit_key);
	free(st);
}

static const char store_sql_commit[] = "COMMIT";
static const char store_sql_rollback[] = "ROLLBACK";

enum store_rc
store_begin(struct store *st)
{
	st->ntouched = 0;
	return store_run(st, store_stmt(st, st->drv->sql_begin));
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
	if (st->drv->in_tx(st->conn))
		store_run(st, store_stmt(st, store_sql_rollback));
}

enum store_rc
store_integrity_ok(struct store *st, bool *ok)
{
	*ok = true;
	if (st->drv->integrity == NULL)
		return STORE_OK;
	if (st->drv->integrity(st->conn, ok) != STORE_OK)
		return store_fail(st, STMT_ERR);
	return STORE_OK;
}

enum store_rc
store_backup(struct store *st, const char *dest)
{
	if (st->drv->backup == NULL) {
		snprintf(st->err, sizeof st->err, "a %s store is backed up by the server's own tools"
		    " (pg_dump or pg_basebackup: docs/deploy.md), not by jzz backup", st->drv->name);
		return STORE_ERR;
	}
	return st->drv->backup(st->conn, dest, st->err, sizeof st->err);
}

bool
store_default_key_path(const char *target, char *buf, size_t size)
{
	return store_driver_for(target)->default_key_path(target, buf, size);
}

bool
store_target_is_file(const char *target)
{
	return store_driver_for(target) == &store_driver_sqlite;
}

bool
store_target_exists(const char *target)
{
	struct store_conn *c;
	char               err[256];

	if (store_target_is_file(target)) {
		struct stat sb;

		return stat(target, &sb) == 0 && sb.st_size > 0;
	}
	if (store_driver_for(target)->connect(target, false, false, &c, err, sizeof err) != STORE_OK)
		return false;
	store_driver_for(target)->disconnect(c);
	return true;
}
