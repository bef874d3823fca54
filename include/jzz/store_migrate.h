/*
 * store_migrate.h: the store's part of moving a centre's SQLite file into a
 * shared PostgreSQL store (`jzz migrate`; the service's part, with the
 * checks of who may and of the audit key, is service_migrate.c).
 *
 * Why here: the copy is rows, table by table, read from one engine and
 * written to the other through the driver seam's bulk rows
 * (store_driver.h copy_prepare), which only the store may speak. The store
 * decides nothing: it tells what the target holds, copies, and counts.
 */
#ifndef JZZ_STORE_MIGRATE_H
#define JZZ_STORE_MIGRATE_H

#include "jzz/store.h"

/* Every table of the schema (store_schema.c's order is the copy's). */
#define STORE_MIGRATE_TABLES 30

struct store_migrate_count {
	const char *table;
	long long   source, target;   /* rows, counted on each side after the copy */
};

struct store_migrate_stats {
	struct store_migrate_count t[STORE_MIGRATE_TABLES];
	int                        n;
};

struct store_migrate_opts {
	/* Called as the rows of a table go (may be NULL). */
	void (*progress)(void *arg, const char *table, long long done, long long total);
	void *progress_arg;
};

/* Opens an existing store for reading only (a SQLite file: neither its
 * records nor its bytes change); its schema is not migrated. */
enum store_rc store_open_readonly(const char *path, struct store **out, char *err,
                                  size_t errlen);

/* The identity of a store's history: SHA-256 (hex) of the MAC of its first
 * audit entry, which names the store it began in (its time, its key).
 * NOTFOUND when the log is empty. */
enum store_rc store_migrate_identity(struct store *st, char out[65]);

/* What a migration's target holds: the rows of its record tables (persons,
 * applications and everything hanging on them), and the identity of the
 * file a migration brought in ("" when none). */
enum store_rc store_migrate_target(struct store *dst, long long *records, char *from,
                                   size_t size);
/* Records the identity of the file brought in (meta 'migrated_from'). */
enum store_rc store_migrate_mark(struct store *dst, const char *identity);

/*
 * Inside a transaction of dst that the caller began (and commits or rolls
 * back): what dst held of its own making (accounts, settings, calendar,
 * centres, kiosks, meta but its schema version, the audit log) goes, then
 * every table of src is copied in dependency order, columns by name, rows
 * in src's rowid (or key) order, from one read snapshot of src; identity
 * counters are set past the copied numbers; then every table is counted on
 * both sides and any difference is an error. dst must hold no records
 * (store_migrate_target): the caller checks, the copy checks again.
 */
enum store_rc store_migrate_copy(struct store *src, struct store *dst,
                                 const struct store_migrate_opts *o,
                                 struct store_migrate_stats *out);

#endif
