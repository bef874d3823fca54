/*
 * store_driver.h: the statement-level seam under the store's functions.
 *
 * Why here and not higher: every record's SQL is written once, in the
 * store_*.c file of its record, as a constant string with `?N` parameters
 * that both engines accept. What truly differs between SQLite and
 * PostgreSQL (connecting, the schema's dialect, how a transaction begins,
 * what "busy" means, the file's header mark, the owner check, the backup)
 * is said once per engine, in that engine's own file (store_sqlite.c,
 * store_pg.c), which fills one struct store_driver, as neomutt's MxOps
 * serves its mailbox kinds. A driver never calls back up into the store's
 * functions: it knows connections and statements, not records.
 *
 * Statements are prepared once per connection and cached by the address of
 * their constant text (store_stmt in store.c); a driver's prepare may
 * rewrite the text into its own dialect (PostgreSQL's $N) but never changes
 * what it means.
 */
#ifndef JZZ_STORE_DRIVER_H
#define JZZ_STORE_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jzz/store.h"

/* What a step, an exec or a transaction statement came to. BUSY is
 * "another writer is in the way; roll back and run the act again" (SQLite's
 * busy timeout, PostgreSQL's serialization failure or deadlock); the
 * store maps it to STORE_BUSY and the service layer retries. */
enum stmt_rc {
	STMT_DONE = 0,
	STMT_ROW,
	STMT_BUSY,
	STMT_ERR,
};

/* A column's type, numbered as SQLite numbers them: the audit's row digests
 * hash this number, so both engines must report the same one for the same
 * value (PostgreSQL's int2/4/8 and bool are INTEGER, text TEXT). */
enum stmt_type {
	STMT_INTEGER = 1,
	STMT_FLOAT = 2,
	STMT_TEXT = 3,
	STMT_BLOB = 4,
	STMT_NULL = 5,
};

struct store_conn;   /* an engine's connection (its own layout) */
/* An engine's prepared statement begins with this, so that the store's
 * stmt_* calls (store_internal.h) find their driver. */
struct store_stmt {
	const struct store_driver *drv;
};

struct store_driver {
	const char *name;    /* "sqlite", "postgresql" */

	/* Whether target (the --db text) names this engine's store. */
	bool (*claims)(const char *target);
	/* Connects to target. create: a new store is to be made there (the
	 * driver refuses, STORE_EXISTS, a target that holds data); raw: neither
	 * made nor checked (tests of migrations). On failure *out is NULL and
	 * err says why, naming the target without its password. */
	enum store_rc (*connect)(const char *target, bool create, bool raw,
	                         struct store_conn **out, char *err, size_t errlen);
	/* For a store made by connect(create): ok puts it in place (a SQLite
	 * file is linked to its name once whole), !ok removes what was made.
	 * Closes the connection either way. */
	enum store_rc (*publish)(struct store_conn *c, bool ok, char *err, size_t errlen);
	void (*disconnect)(struct store_conn *c);
	/* The last error's message, for store_errmsg. */
	const char *(*errmsg)(struct store_conn *c);

	/* Runs a script of statements without parameters. */
	enum stmt_rc (*exec)(struct store_conn *c, const char *script);

	struct store_stmt *(*prepare)(struct store_conn *c, const char *sql);
	void (*finalize)(struct store_stmt *s);
	/* Back to before the first step, bindings cleared. */
	void (*reset)(struct store_stmt *s);
	enum stmt_rc (*step)(struct store_stmt *s);
	/* Parameters count from 1; a text is copied unless `keep` says the
	 * caller keeps it unchanged until the statement is reset. */
	void (*bind_null)(struct store_stmt *s, int i);
	void (*bind_int64)(struct store_stmt *s, int i, int64_t v);
	void (*bind_text)(struct store_stmt *s, int i, const char *v, bool keep);
	/* A UUID in its 36-character lower-case text (the only form jzz
	 * makes), kept as the engine keeps ids (SQLite: 16 bytes); NULL, or a
	 * text that is not such a UUID, is bound as NULL, which finds no row
	 * and which a NOT NULL id refuses, on both engines alike. The engine
	 * reads an id back as that text (col_type TEXT): the store above sees
	 * only texts. */
	void (*bind_uuid)(struct store_stmt *s, int i, const char *v);
	/* Columns count from 0, valid until the next step or reset. */
	int            (*col_count)(struct store_stmt *s);
	const char    *(*col_name)(struct store_stmt *s, int i);
	enum stmt_type (*col_type)(struct store_stmt *s, int i);
	int64_t        (*col_int64)(struct store_stmt *s, int i);   /* NULL -> 0 */
	const char    *(*col_text)(struct store_stmt *s, int i);    /* NULL -> NULL */
	/* Rows changed by the last INSERT, UPDATE or DELETE. */
	int64_t (*changes)(struct store_conn *c);
	bool    (*in_tx)(struct store_conn *c);
	/* Whether the link to a server is down (the last statement found it
	 * broken and it could not be made again), or NULL for an engine
	 * without one (a file). */
	bool    (*link_lost)(struct store_conn *c);

	/* The statement that begins a write transaction: SQLite takes the
	 * write lock at once (BEGIN IMMEDIATE); PostgreSQL runs it
	 * SERIALIZABLE, and a conflict comes back as STMT_BUSY. */
	const char *sql_begin;

	/* The schema: its version now (0 for an empty store, -1 on error), the
	 * script that builds version 1 and the migration scripts v -> v+1
	 * (NULL where this engine's stores never had version v: a PostgreSQL
	 * store starts at the version that brought the engine). */
	int (*version)(struct store_conn *c);
	const char        *schema_base;
	int                schema_base_version;
	const char *const *migrations;   /* [STORE_SCHEMA_VERSION] */
	/* Run after the schema was built or migrated, in the same transaction
	 * (PostgreSQL's privileges of the application role on every table the
	 * schema now has), or NULL. */
	const char *sql_after_schema;

	/* The production/training/rehearsal mark outside the tables (SQLite's
	 * header, PRAGMA application_id), or NULL where the engine has none. */
	enum store_rc (*mark_get)(struct store_conn *c, enum store_db_kind *out);
	enum store_rc (*mark_set)(struct store_conn *c, enum store_db_kind kind);

	/* A query whose one row counts the audit log's append-only guards that
	 * are in place; audit verify wants `audit_guards` of them. */
	const char *sql_audit_guards;
	int         audit_guards;
	/* For a training database's reset: empties audit_log despite its
	 * guards and puts them back, inside the caller's transaction. */
	const char *sql_audit_wipe;

	/* Whoever runs this process owns the store (case-format.md "Who
	 * acts"): the OS account owning the SQLite file or root; the role
	 * owning PostgreSQL's schema. */
	enum store_rc (*is_owner)(struct store_conn *c, bool *out, char *err, size_t errlen);
	/* A consistent copy to the new file dest, or NULL where the engine's
	 * own tools do it (pg_dump, pg_basebackup: docs/deploy.md). */
	enum store_rc (*backup)(struct store_conn *c, const char *dest, char *err, size_t errlen);
	/* Whether the store is intact (PRAGMA integrity_check); NULL: the
	 * server keeps its own. */
	enum store_rc (*integrity)(struct store_conn *c, bool *ok);
	/* The audit key file init makes when none is configured: beside a
	 * SQLite file; under ~/.config/jzz/ for a server. */
	bool (*default_key_path)(const char *target, char *buf, size_t size);
	/* Bulk loading (jzz seed) on or off: SQLite trades durability for
	 * speed while it lasts, and skips the rows' CHECK constraints (half
	 * of its load's time: every date checked by date()), which
	 * sql_checks_verify finds again; NULL where nothing changes. */
	enum stmt_rc (*bulk)(struct store_conn *c, bool on);
	/* For the bulk load: a query of (name, CREATE text) of the plain
	 * indexes of the loaded tables, dropped before and built after; the
	 * statistics after it; a query whose rows are broken foreign keys
	 * (NULL where they were never off). */
	const char *sql_bulk_indexes;
	/* How each batch of the bulk load begins (PostgreSQL: its foreign
	 * keys checked at the batch's commit, not row by row in load order). */
	const char *sql_bulk_begin;
	const char *sql_analyze;
	const char *sql_fk_check;
	/* A query whose first row is "ok" when every row meets its table's
	 * CHECK constraints (SQLite's quick_check; NULL where the engine never
	 * skips them). */
	const char *sql_checks_verify;
	/* Around a schema migration that rebuilds tables (SQLite cannot change
	 * a column's type in place): foreign keys off before its transaction
	 * and on again after it, sql_fk_check run inside it before the commit.
	 * NULL where the engine alters tables in place. */
	const char *sql_fk_off;
	const char *sql_fk_on;

	/*
	 * Rows in bulk (the seed's tables, a migration's copy): a statement
	 * whose parameters 1..n are the values of `cols` of one row of
	 * `table`, written by each step. SQLite inserts at the step (a
	 * prepared INSERT, as fast as one can be); PostgreSQL keeps the row
	 * in a buffer of the statement, and copy_flush sends what was kept in
	 * one COPY FROM STDIN: one round trip per batch instead of per row.
	 * The caller flushes (rows left unflushed when the statement is
	 * finalized are dropped), and flushes the statements of several
	 * tables parents first, since each COPY is checked against the
	 * foreign keys when it ends. The names are the schema's own (letters,
	 * digits, '_'; anything else is refused): the only SQL text a driver
	 * builds.
	 */
	struct store_stmt *(*copy_prepare)(struct store_conn *c, const char *table,
	                                   const char *const *cols, int ncols);
	enum stmt_rc (*copy_flush)(struct store_stmt *s);
	/* After rows were given their numbers (a migration): every identity
	 * column's next number set past the largest there; NULL where the
	 * engine numbers max+1 by itself (SQLite). */
	const char *sql_identity_sync;
	/* Connects to an existing store for reading only, as a migration
	 * reads its source: nothing of it is written, not even a checkpoint;
	 * NULL where the engine offers none. */
	enum store_rc (*connect_readonly)(const char *target, struct store_conn **out, char *err,
	                                  size_t errlen);
};

/* A name a driver may put in the SQL it builds (copy_prepare): the
 * schema's tables and columns are lower-case letters, digits and '_'. */
static inline bool
store_name_ok(const char *name)
{
	size_t n = 0;

	for (; name != NULL && name[n] != '\0'; n++)
		if (!((name[n] >= 'a' && name[n] <= 'z') || (name[n] >= '0' && name[n] <= '9') ||
		    name[n] == '_'))
			return false;
	return n > 0 && n < 64;
}

extern const struct store_driver store_driver_sqlite;
extern const struct store_driver store_driver_pg;

#endif
