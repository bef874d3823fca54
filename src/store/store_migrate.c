/*
 * store_migrate.c: a centre's SQLite file copied into a PostgreSQL store
 * (see include/jzz/store_migrate.h).
 *
 * Why it is written this way:
 *  - Table by table in the order of store_schema.c, which is an order of
 *    dependency (a table's foreign keys name only tables before it), so
 *    that the target's foreign keys, which are never off, hold at every
 *    COPY. cards_unnotified is not copied: it is kept by the triggers of
 *    cards, sms_outbox and card_notices, which build it again as those
 *    rows arrive; it is counted like every other table. So are
 *    auto_refusals and day_tallies (schema v11), kept by the triggers of
 *    fees, cards, endorsements and permits.
 *  - Rows in SQLite's rowid order (a WITHOUT ROWID table's key order), so
 *    that PostgreSQL's rowid stand-ins (store_schema_pg.c), numbered as
 *    rows arrive, keep the order the store's tie-breaks read. The stand-in
 *    is never copied: it is GENERATED ALWAYS.
 *  - Columns by name: the source's columns, each of which the target must
 *    have, and the target's (but rowid), each of which the source must
 *    have: a difference is refused before anything is written.
 *  - Values as the source's text (NULL as NULL): both engines store the
 *    same text for every value (booleans 0/1, dates YYYY-MM-DD), which is
 *    why the audit's row digests, which hash the type and the text of each
 *    column, come out the same on the target.
 *  - One read snapshot of the file (a read transaction around the whole
 *    copy), written into one transaction of the target (the caller's): a
 *    failure or a kill leaves the target as it was.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/sha2.h>

#include "jzz/store_migrate.h"

/* Rows kept in memory between two COPYs of a table. */
#define MIGRATE_FLUSH_ROWS 5000

/* meta's rows but the target's own: its schema version (PRAGMA
 * user_version in a file) and the mark of a migration. */
#define MIGRATE_META_KEEP "key NOT IN ('schema_version', 'migrated_from')"

#define MIGRATE_TABLE(t, where, order) { #t, true, \
	"SELECT * FROM " #t where " ORDER BY " order, \
	"SELECT count(*) FROM " #t where, \
	"SELECT * FROM " #t " WHERE 1 = 0" }
#define MIGRATE_DERIVED(t) { #t, false, NULL, "SELECT count(*) FROM " #t, NULL }

static const struct {
	const char *table;
	bool        copied;
	const char *sql_rows;
	const char *sql_count;
	const char *sql_columns;
} migrate_tables[STORE_MIGRATE_TABLES] = {
	MIGRATE_TABLE(meta, " WHERE " MIGRATE_META_KEEP, "rowid"),
	MIGRATE_TABLE(centres, "", "rowid"),
	MIGRATE_TABLE(users, "", "rowid"),
	MIGRATE_TABLE(holiday_years, "", "rowid"),
	MIGRATE_TABLE(holidays, "", "rowid"),
	MIGRATE_TABLE(persons, "", "rowid"),
	MIGRATE_TABLE(applications, "", "rowid"),
	MIGRATE_TABLE(application_rules, "", "application_id, pos"),
	MIGRATE_TABLE(receipt_seq, "", "centre, day"),
	MIGRATE_TABLE(registrations, "", "rowid"),
	MIGRATE_TABLE(permits, "", "rowid"),
	MIGRATE_TABLE(cards, "", "rowid"),
	MIGRATE_TABLE(endorsements, "", "rowid"),
	MIGRATE_TABLE(changes, "", "rowid"),
	MIGRATE_TABLE(fees, "", "rowid"),
	MIGRATE_TABLE(sms_outbox, "", "rowid"),
	MIGRATE_TABLE(audit_log, "", "rowid"),
	MIGRATE_TABLE(kiosks, "", "rowid"),
	MIGRATE_TABLE(login_attempts, "", "rowid"),
	MIGRATE_TABLE(settings, "", "rowid"),
	MIGRATE_TABLE(addresses, "", "rowid"),
	MIGRATE_TABLE(application_agents, "", "application_id"),
	MIGRATE_TABLE(application_deliveries, "", "application_id"),
	MIGRATE_TABLE(card_notices, "", "card_id"),
	MIGRATE_DERIVED(cards_unnotified),
	MIGRATE_TABLE(day_applications, "", "day, centre, business, decision, user_name"),
	MIGRATE_TABLE(day_rules, "", "day, centre, rule, outcome"),
	MIGRATE_TABLE(day_docs, "", "day, centre, doc"),
	MIGRATE_DERIVED(auto_refusals),
	MIGRATE_DERIVED(day_tallies),
};

/* Every table that holds records (and not the store's configuration). */
static const char sql_migrate_records[] =
	"SELECT (SELECT count(*) FROM persons) + (SELECT count(*) FROM applications)"
	" + (SELECT count(*) FROM application_rules) + (SELECT count(*) FROM receipt_seq)"
	" + (SELECT count(*) FROM registrations) + (SELECT count(*) FROM permits)"
	" + (SELECT count(*) FROM cards) + (SELECT count(*) FROM endorsements)"
	" + (SELECT count(*) FROM changes) + (SELECT count(*) FROM fees)"
	" + (SELECT count(*) FROM sms_outbox) + (SELECT count(*) FROM addresses)"
	" + (SELECT count(*) FROM application_agents)"
	" + (SELECT count(*) FROM application_deliveries)"
	" + (SELECT count(*) FROM card_notices) + (SELECT count(*) FROM cards_unnotified)";
static const char sql_migrate_first_mac[] = "SELECT hash FROM audit_log ORDER BY seq LIMIT 1";
static const char sql_migrate_from_get[] = "SELECT value FROM meta WHERE key = 'migrated_from'";
static const char sql_migrate_from_set[] =
	"INSERT INTO meta (key, value) VALUES ('migrated_from', ?1)";

/* What an empty store holds of its making by init, children first; the
 * audit log goes by the engine's own script (its guards lifted and put
 * back in the same transaction). */
static const char sql_migrate_wipe[] =
	"DELETE FROM login_attempts; DELETE FROM settings; DELETE FROM kiosks; DELETE FROM users;"
	" DELETE FROM holidays; DELETE FROM holiday_years; DELETE FROM centres;"
	" DELETE FROM meta WHERE " MIGRATE_META_KEEP ";";

enum store_rc
store_open_readonly(const char *path, struct store **out, char *err, size_t errlen)
{
	struct store *st;
	enum store_rc rc;

	*out = NULL;
	if (store_target_is_file(path) == false || store_driver_sqlite.connect_readonly == NULL) {
		snprintf(err, errlen, "%s: only a SQLite file can be read as a migration's source",
		    path);
		return STORE_ERR;
	}
	if ((st = calloc(1, sizeof *st)) == NULL) {
		snprintf(err, errlen, "out of memory");
		return STORE_ERR;
	}
	st->drv = &store_driver_sqlite;
	snprintf(st->target, sizeof st->target, "%s", path);
	rc = st->drv->connect_readonly(path, &st->conn, err, errlen);
	if (rc != STORE_OK) {
		free(st);
		return rc;
	}
	*out = st;
	return STORE_OK;
}

/* One row, one integer of a constant query. */
static enum store_rc
migrate_int(struct store *st, const char *sql, long long *out)
{
	struct store_stmt *s = store_stmt(st, sql);
	enum store_rc      rc;

	*out = 0;
	if (s == NULL)
		return STORE_ERR;
	if ((rc = store_row(st, s)) == STORE_NOTFOUND)
		return STORE_ERR;
	if (rc != STORE_OK)
		return rc;
	*out = stmt_col_int64(s, 0);
	stmt_reset(s);
	return STORE_OK;
}

enum store_rc
store_migrate_identity(struct store *st, char out[65])
{
	static const char  x[] = "0123456789abcdef";
	struct store_stmt *s = store_stmt(st, sql_migrate_first_mac);
	struct sha256_ctx  h;
	uint8_t            d[SHA256_DIGEST_SIZE];
	const char        *mac;
	enum store_rc      rc;

	out[0] = '\0';
	if (s == NULL)
		return STORE_ERR;
	if ((rc = store_row(st, s)) != STORE_OK)
		return rc;
	mac = stmt_col_text(s, 0);
	sha256_init(&h);
	sha256_update(&h, mac != NULL ? strlen(mac) : 0, (const uint8_t *)(mac != NULL ? mac : ""));
	sha256_digest(&h, sizeof d, d);
	stmt_reset(s);
	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[64] = '\0';
	return STORE_OK;
}

enum store_rc
store_migrate_target(struct store *dst, long long *records, char *from, size_t size)
{
	struct store_stmt *s;
	enum store_rc      rc;

	from[0] = '\0';
	if ((rc = migrate_int(dst, sql_migrate_records, records)) != STORE_OK)
		return rc;
	if ((s = store_stmt(dst, sql_migrate_from_get)) == NULL)
		return STORE_ERR;
	rc = store_row(dst, s);
	if (rc == STORE_OK) {
		store_col_text(s, 0, from, size);
		stmt_reset(s);
	}
	return rc == STORE_NOTFOUND ? STORE_OK : rc;
}

enum store_rc
store_migrate_mark(struct store *dst, const char *identity)
{
	struct store_stmt *s = store_stmt(dst, sql_migrate_from_set);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, identity);
	return store_run(dst, s);
}

/* The message of a failure on the source, in dst's error. */
static enum store_rc
migrate_src_fail(struct store *src, struct store *dst, enum store_rc rc, const char *table)
{
	snprintf(dst->err, sizeof dst->err, "the file, %s: %.200s", table, src->err);
	return rc == STORE_OK ? STORE_ERR : rc;
}

static enum store_rc
migrate_dst_fail(struct store *dst, enum stmt_rc rc, const char *table)
{
	enum store_rc src = store_fail(dst, rc);
	char          keep[sizeof dst->err];

	snprintf(keep, sizeof keep, "%s", dst->err);
	snprintf(dst->err, sizeof dst->err, "the store, %s: %.200s", table, keep);
	return src;
}

/* The target's columns of table but its rowid stand-in, each one the
 * source has (names: the source's, ncols of them); and none missing. */
static enum store_rc
migrate_columns_match(struct store *dst, int t, const char *const *names, int ncols)
{
	struct store_stmt *s = dst->drv->prepare(dst->conn, migrate_tables[t].sql_columns);
	enum stmt_rc       rc;
	int                seen = 0, n;

	if (s == NULL)
		return migrate_dst_fail(dst, STMT_ERR, migrate_tables[t].table);
	if ((rc = stmt_step(s)) != STMT_DONE && rc != STMT_ROW) {
		dst->drv->finalize(s);
		return migrate_dst_fail(dst, rc, migrate_tables[t].table);
	}
	n = stmt_col_count(s);
	for (int i = 0; i < n; i++) {
		const char *name = stmt_col_name(s, i);
		bool        hit = false;

		if (name != NULL && strcmp(name, "rowid") == 0)
			continue;
		for (int k = 0; k < ncols && !hit; k++)
			hit = name != NULL && strcmp(names[k], name) == 0;
		if (!hit) {
			snprintf(dst->err, sizeof dst->err, "table %s: the store's column %s is not"
			    " in the file (not the same schema)", migrate_tables[t].table,
			    name != NULL ? name : "?");
			dst->drv->finalize(s);
			return STORE_ERR;
		}
		seen++;
	}
	dst->drv->finalize(s);
	if (seen != ncols) {
		snprintf(dst->err, sizeof dst->err, "table %s: the file has %d columns, the store %d"
		    " (not the same schema)", migrate_tables[t].table, ncols, seen);
		return STORE_ERR;
	}
	return STORE_OK;
}

/* Copies table t, its rows in the source's order. */
static enum store_rc
migrate_table(struct store *src, struct store *dst, int t, long long total,
              const struct store_migrate_opts *o)
{
	const char        *table = migrate_tables[t].table;
	struct store_stmt *rows = store_stmt(src, migrate_tables[t].sql_rows);
	struct store_stmt *out = NULL;
	const char        *names[64];
	int                ncols;
	long long          done = 0;
	enum stmt_rc       rc, frc;
	enum store_rc      res = STORE_OK;

	if (rows == NULL)
		return migrate_src_fail(src, dst, STORE_ERR, table);
	/* the source is a SQLite file (store_open_readonly), whose statement
	 * names its columns once prepared, before the first row */
	ncols = stmt_col_count(rows);
	if (ncols < 1 || ncols > (int)(sizeof names / sizeof names[0])) {
		snprintf(dst->err, sizeof dst->err, "table %s: %d columns", table, ncols);
		return STORE_ERR;
	}
	for (int i = 0; i < ncols; i++)
		if ((names[i] = stmt_col_name(rows, i)) == NULL || !store_name_ok(names[i])) {
			snprintf(dst->err, sizeof dst->err, "table %s: a column without a plain name",
			    table);
			return STORE_ERR;
		}
	if ((res = migrate_columns_match(dst, t, names, ncols)) != STORE_OK)
		return res;
	if ((out = dst->drv->copy_prepare(dst->conn, table, names, ncols)) == NULL)
		return migrate_dst_fail(dst, STMT_ERR, table);
	while ((rc = stmt_step(rows)) == STMT_ROW) {
		for (int i = 0; i < ncols; i++) {
			const char *v = stmt_col_text(rows, i);

			if (stmt_col_type(rows, i) == STMT_NULL || v == NULL)
				stmt_bind_null(out, i + 1);
			else
				stmt_bind_text_copy(out, i + 1, v);
		}
		frc = stmt_step(out);
		stmt_reset(out);
		if (frc != STMT_DONE) {
			res = migrate_dst_fail(dst, frc, table);
			break;
		}
		if (++done % MIGRATE_FLUSH_ROWS == 0) {
			if ((frc = dst->drv->copy_flush(out)) != STMT_DONE) {
				res = migrate_dst_fail(dst, frc, table);
				break;
			}
			if (o != NULL && o->progress != NULL)
				o->progress(o->progress_arg, table, done, total);
		}
	}
	if (res == STORE_OK && rc != STMT_DONE)
		res = migrate_src_fail(src, dst, store_fail(src, rc), table);
	stmt_reset(rows);
	if (res == STORE_OK && (frc = dst->drv->copy_flush(out)) != STMT_DONE)
		res = migrate_dst_fail(dst, frc, table);
	dst->drv->finalize(out);
	if (res == STORE_OK && o != NULL && o->progress != NULL)
		o->progress(o->progress_arg, table, done, total);
	return res;
}

static enum store_rc
migrate_counts(struct store *st, struct store_migrate_stats *out, bool source)
{
	for (int t = 0; t < STORE_MIGRATE_TABLES; t++) {
		long long     n;
		enum store_rc rc = migrate_int(st, migrate_tables[t].sql_count, &n);

		if (rc != STORE_OK)
			return rc;
		out->t[t].table = migrate_tables[t].table;
		if (source)
			out->t[t].source = n;
		else
			out->t[t].target = n;
	}
	out->n = STORE_MIGRATE_TABLES;
	return STORE_OK;
}

static enum store_rc
migrate_copy_all(struct store *src, struct store *dst, const struct store_migrate_opts *o,
                 struct store_migrate_stats *out)
{
	long long     records;
	enum store_rc rc;

	if ((rc = migrate_counts(src, out, true)) != STORE_OK)
		return migrate_src_fail(src, dst, rc, "counting");
	/* again, inside the transaction that writes: nobody slipped records
	 * in since the caller looked */
	if ((rc = migrate_int(dst, sql_migrate_records, &records)) != STORE_OK)
		return rc;
	if (records != 0) {
		snprintf(dst->err, sizeof dst->err, "the store holds %lld records already", records);
		return STORE_EXISTS;
	}
	if ((rc = store_exec(dst, sql_migrate_wipe)) != STORE_OK ||
	    (rc = store_exec(dst, dst->drv->sql_audit_wipe)) != STORE_OK)
		return rc;
	for (int t = 0; t < STORE_MIGRATE_TABLES; t++)
		if (migrate_tables[t].copied &&
		    (rc = migrate_table(src, dst, t, out->t[t].source, o)) != STORE_OK)
			return rc;
	if (dst->drv->sql_identity_sync != NULL &&
	    (rc = store_exec(dst, dst->drv->sql_identity_sync)) != STORE_OK)
		return rc;
	if ((rc = migrate_counts(dst, out, false)) != STORE_OK)
		return rc;
	for (int t = 0; t < STORE_MIGRATE_TABLES; t++)
		if (out->t[t].source != out->t[t].target) {
			snprintf(dst->err, sizeof dst->err, "table %s: %lld rows in the file, %lld in the"
			    " store after the copy", out->t[t].table, out->t[t].source, out->t[t].target);
			return STORE_ERR;
		}
	return STORE_OK;
}

enum store_rc
store_migrate_copy(struct store *src, struct store *dst, const struct store_migrate_opts *o,
                   struct store_migrate_stats *out)
{
	enum store_rc rc;

	memset(out, 0, sizeof *out);
	if (!dst->drv->in_tx(dst->conn)) {
		snprintf(dst->err, sizeof dst->err, "migrate: not inside a transaction of the store");
		return STORE_ERR;
	}
	/* one snapshot of the file for every count and every row */
	if ((rc = store_exec(src, "BEGIN")) != STORE_OK)
		return migrate_src_fail(src, dst, rc, "reading");
	rc = migrate_copy_all(src, dst, o, out);
	if (src->drv->in_tx(src->conn))
		store_exec(src, "ROLLBACK");
	return rc;
}
