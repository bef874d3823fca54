/*
 * store_internal.h: what the store_*.c files share and nothing above sees:
 * the handle's layout, the statement cache and the binding helpers.
 */
#ifndef JZZ_STORE_INTERNAL_H
#define JZZ_STORE_INTERNAL_H

#include <sqlite3.h>
#include <stdint.h>
#include <time.h>

#include "jzz/backoff.h"
#include "jzz/store.h"

#define STORE_CACHE_MAX 160   /* 89 statements by issue 5 (seed included); room to grow */
#define STORE_BUSY_TIMEOUT_MS 250    /* per statement; service_tx bounds the whole wait */
#define STORE_TOUCHED_MAX 64
#define STORE_WAL_PASSIVE_FRAMES 1000   /* SQLite's own default */
#define STORE_WAL_RESTART_FRAMES 4000   /* ~16 MB of 4 KiB pages: TRUNCATE when quiet */
#define STORE_WAL_HARD_FRAMES 16000     /* ~64 MB: TRUNCATE even under a nonstop stream */

struct store_ckpt;

struct store {
	sqlite3 *db;
	char     err[256];
	/* Prepared statements, keyed by the address of their constant SQL
	 * text: every statement of the store is a string literal, so its
	 * address names it. */
	struct {
		const char   *sql;
		sqlite3_stmt *stmt;
	} cache[STORE_CACHE_MAX];
	int ncache;
	struct timespec busy_since;  /* start of the current wait for a lock */
	unsigned        seed;        /* jitter of the waits */
	char            path[4096];  /* the file, for the owner check */
	char            final_path[4096];  /* a new file's name once whole (store_publish) */
	uint8_t         audit_key[32];
	bool            has_audit_key;
	/* The rows written since the transaction began, bound by the next
	 * audit entry (store_audit.c). */
	struct {
		char table[16];
		char id[40];
	} touched[STORE_TOUCHED_MAX];
	int ntouched;
	struct store_ckpt *ckpt;     /* the checkpointer thread, once started */
	bool               ckpt_failed;   /* it could not start: checkpoint inline */
};

/* PERMIT-3: the pickup notice of the card `c` (an alias of cards) was
 * given: its SMS sent by the gateway, or by phone at the counter. Whether
 * the holder has a phone does not matter: a card nobody was told of is
 * overdue after its notice_due_on all the same. Shared by the queue, the
 * daily count and the report so that they cannot disagree. */
#define STORE_NOTICE_GIVEN(c) \
	"(EXISTS (SELECT 1 FROM sms_outbox s WHERE s.ref_id = " c ".id" \
	" AND s.kind = 'pickup_notice' AND s.sent_on IS NOT NULL)" \
	" OR EXISTS (SELECT 1 FROM card_notices n WHERE n.card_id = " c ".id))"

/* store_ckpt.c: the background checkpointer (told by the WAL hook). */
void store_ckpt_notify(struct store *st, int frames);
void store_ckpt_stop(struct store *st);

extern const char        store_schema_v1[];
extern const char *const store_schema_migrations[STORE_SCHEMA_VERSION];

/* The cached statement for sql, reset with its bindings cleared; NULL (and
 * st->err set) on failure. */
sqlite3_stmt *store_stmt(struct store *st, const char *sql);
/* Records sqlite's message and maps the code: STORE_BUSY or STORE_ERR. */
enum store_rc store_fail(struct store *st, int rc);
/* Steps a bound statement to its end, reading each row with `read` into a
 * growing array of zeroed `size`-byte elements: the one loop behind every
 * list the store returns. On success *out (free it) and *n; on failure
 * nothing is kept and the statement is reset. */
enum store_rc store_rows(struct store *st, sqlite3_stmt *s, size_t size,
                         void (*read)(sqlite3_stmt *s, void *row), void **out, size_t *n);
/* Records that a write (rc) touched table's row `id`, for the next audit
 * entry; returns rc. */
enum store_rc store_touched(struct store *st, enum store_rc rc, const char *table,
                            const char *id);
/* Steps a one-row query: OK with the row ready (reset it after reading),
 * NOTFOUND, or an error (store_records.c). */
enum store_rc store_row(struct store *st, sqlite3_stmt *s);
/* Steps a statement that returns no row (or whose rows are ignored). */
enum store_rc store_run(struct store *st, sqlite3_stmt *stmt);

void     store_bind_text(sqlite3_stmt *s, int i, const char *v);  /* NULL or "" -> NULL */
void     store_bind_date(sqlite3_stmt *s, int i, jzz_date d);    /* NONE -> NULL */
jzz_date store_col_date(sqlite3_stmt *s, int i);
void     store_col_text(sqlite3_stmt *s, int i, char *buf, size_t size);

#endif
