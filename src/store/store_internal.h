/*
 * store_internal.h: what the store_*.c files share and nothing above sees:
 * the handle's layout, the statement cache, and the stmt_* calls through
 * which every store function runs its SQL on whichever engine the handle
 * has (store_driver.h).
 */
#ifndef JZZ_STORE_INTERNAL_H
#define JZZ_STORE_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "jzz/backoff.h"
#include "jzz/store.h"
#include "store_driver.h"

#define STORE_CACHE_MAX 160   /* 89 statements by issue 5 (seed included); room to grow */
#define STORE_BUSY_TIMEOUT_MS 250    /* per statement; service_tx bounds the whole wait */
#define STORE_TOUCHED_MAX 64
#define STORE_WAL_PASSIVE_FRAMES 1000   /* SQLite's own default */
#define STORE_WAL_RESTART_FRAMES 4000   /* ~16 MB of 4 KiB pages: TRUNCATE when quiet */
#define STORE_WAL_HARD_FRAMES 16000     /* ~64 MB: TRUNCATE even under a nonstop stream */

struct store_ckpt;

struct store {
	const struct store_driver *drv;
	struct store_conn         *conn;
	char                       err[256];
	/* Prepared statements, keyed by the address of their constant SQL
	 * text: every statement of the store is a string literal, so its
	 * address names it. */
	struct {
		const char        *sql;
		struct store_stmt *stmt;
	} cache[STORE_CACHE_MAX];
	int     ncache;
	char    target[4096];   /* the --db text: a file or a connection URI */
	uint8_t audit_key[32];
	bool    has_audit_key;
	/* The rows written since the transaction began, bound by the next
	 * audit entry (store_audit.c). */
	struct {
		char table[16];
		char id[40];
	} touched[STORE_TOUCHED_MAX];
	int ntouched;
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

/*
 * The counts of a day and centre (schema v9): what the supervisors' report
 * sums over a period, kept so that a month costs its days and not its
 * applications (a district's month at 10 M persons is a million of them).
 * store_application_insert adds each application to them in its own
 * transaction; this script makes them again from the records (the v9
 * migration, and the seed after its bulk load, which bypasses the
 * writer). One text for both engines: it is plain SQL. A document is its
 * bit in application_rules.docs (a jzz_docset, 32 bits), and an
 * application lacking it is counted once however many rules ask for it.
 */
/* Their tables, and the indexes v9 changed, in either dialect: its text
 * type T, integer type I, check of a date DATE_OK(col), and what follows
 * a table's parentheses (SQLite: STRICT, WITHOUT ROWID). */
#define STORE_DAY_COUNTS_KEY(T, col) "  " col " " T " NOT NULL,"
#define STORE_DAY_COUNTS_TABLES(T, I, DATE_OK, TAIL) \
	"CREATE TABLE day_applications (" \
	"  day          " T " NOT NULL " DATE_OK("day") "," \
	STORE_DAY_COUNTS_KEY(T, "centre") STORE_DAY_COUNTS_KEY(T, "business") \
	STORE_DAY_COUNTS_KEY(T, "decision") STORE_DAY_COUNTS_KEY(T, "user_name") \
	"  applications " I " NOT NULL CHECK (applications > 0)," \
	"  fee_yuan     " I " NOT NULL CHECK (fee_yuan >= 0)," \
	"  cod_fee_yuan " I " NOT NULL CHECK (cod_fee_yuan >= 0)," \
	"  PRIMARY KEY (day, centre, business, decision, user_name)" \
	")" TAIL ";\n" \
	"CREATE TABLE day_rules (" \
	"  day     " T " NOT NULL " DATE_OK("day") "," \
	STORE_DAY_COUNTS_KEY(T, "centre") STORE_DAY_COUNTS_KEY(T, "rule") \
	"  outcome " T " NOT NULL CHECK (outcome IN ('fail', 'missing', 'warn'))," \
	"  n       " I " NOT NULL CHECK (n > 0)," \
	"  PRIMARY KEY (day, centre, rule, outcome)" \
	")" TAIL ";\n" \
	"CREATE TABLE day_docs (" \
	"  day    " T " NOT NULL " DATE_OK("day") "," \
	STORE_DAY_COUNTS_KEY(T, "centre") \
	"  doc    " I " NOT NULL CHECK (doc BETWEEN 0 AND 31)," \
	"  n      " I " NOT NULL CHECK (n > 0)," \
	"  PRIMARY KEY (day, centre, doc)" \
	")" TAIL ";\n"
#define STORE_V9_INDEXES \
	"DROP INDEX applications_by_day_cover;\n" \
	"DROP INDEX applications_by_idnum;\n" \
	"CREATE INDEX applications_by_idnum ON applications(id_number);\n" \
	"CREATE INDEX applications_with_fees ON applications(day, receipt_no, centre, user_name," \
	"  business, id_number, name, fee_yuan, cod_fee_yuan, id)" \
	"  WHERE fee_yuan > 0 OR cod_fee_yuan > 0;\n"
/* v10: the active permits by their last day, with the status in the key
 * as well as in the WHERE, so that a window's or a period's count is read
 * from the index alone; the fees by application with the ledger's columns;
 * the fee receipts by their number as compared. The text of both engines
 * (store_schema.c says why); an expression in an index is in parentheses
 * of its own, as PostgreSQL needs and SQLite allows. */
#define STORE_V10_INDEXES \
	"DROP INDEX fees_by_application;\n" \
	"CREATE INDEX fees_by_application ON fees(application_id, id, kind, amount_yuan," \
	"  fee_receipt_no);\n" \
	"CREATE INDEX fees_by_receipt_no ON fees((upper(trim(fee_receipt_no))))" \
	"  WHERE fee_receipt_no IS NOT NULL;\n" \
	"DROP INDEX permits_by_valid_until;\n" \
	"CREATE INDEX permits_by_valid_until ON permits(status, valid_until)" \
	"  WHERE status = 'active';\n" \
	"DROP INDEX permits_by_centre_valid_until;\n" \
	"CREATE INDEX permits_by_centre_valid_until ON permits(centre, status, valid_until)" \
	"  WHERE status = 'active';\n"
/*
 * v11: what the report counted from the records of the period, kept as
 * the records are written, so that a month costs its days and not its
 * records (a district's month at 10 M persons: 48,000 fee lines, 214,000
 * cards received, 9,400 standing refusals, each counted from its index on
 * every report).
 *  - day_tallies (day, centre): the fee lines of the applications of that
 *    day and centre (the ledger's length), the cards received and handed
 *    over that day at that centre, and the auto-endorsement refusals of
 *    that day that still stand.
 *  - auto_refusals: those standing refusals themselves (ENDO-5 refused,
 *    the permit still active at the last day refused), with the permit's
 *    centre, so that a page of them is read from an index in the list's
 *    order and a centre's from its own, not by joining every refusal of
 *    the period to its permit to learn whether it still stands.
 * Triggers keep both (the same statements on both engines, in
 * STORE_TALLY_* below; each engine wraps them in its own CREATE TRIGGER),
 * so that every writer (the service's, the seed's bulk rows, a migration's
 * copy, the training wipe) keeps them without knowing of them. A tally
 * that falls to nothing is deleted, so that the table is the same whether
 * kept or made again from the records (STORE_DAY_TALLIES_REBUILD). A
 * decrement is an UPDATE, never an upsert: a row that is not there (the
 * wipe deleted the tallies first) is left alone.
 */
#define STORE_DAY_TALLY_COL(I, col) "  " col " " I " NOT NULL DEFAULT 0 CHECK (" col " >= 0),"
#define STORE_V11_TABLES(T, I, ID, DATE_OK, TAIL, ROWTAIL) \
	"CREATE TABLE day_tallies (" \
	"  day    " T " NOT NULL " DATE_OK("day") "," \
	STORE_DAY_COUNTS_KEY(T, "centre") \
	STORE_DAY_TALLY_COL(I, "fee_lines") STORE_DAY_TALLY_COL(I, "cards_received") \
	STORE_DAY_TALLY_COL(I, "cards_handed") STORE_DAY_TALLY_COL(I, "auto_refused") \
	"  PRIMARY KEY (day, centre)" \
	")" TAIL ";\n" \
	"CREATE TABLE auto_refusals (" \
	"  endorsement_id " ID " NOT NULL PRIMARY KEY," \
	"  permit_id      " ID " NOT NULL," \
	"  centre         " T " NOT NULL," \
	"  day            " T " NOT NULL," \
	"  valid_until    " T " NOT NULL," \
	"  reason         " T \
	")" ROWTAIL ";\n" \
	"CREATE INDEX auto_refusals_by_permit ON auto_refusals(permit_id);\n" \
	"CREATE INDEX auto_refusals_by_day ON auto_refusals(day, valid_until, endorsement_id);\n" \
	"CREATE INDEX auto_refusals_by_centre ON auto_refusals(centre, day, valid_until," \
	"  endorsement_id);\n"
#define STORE_TALLY_ZEROS \
	" AND fee_lines = 0 AND cards_received = 0 AND cards_handed = 0 AND auto_refused = 0;"
/* One more of col on (day, centre), unless day is NULL. */
#define STORE_TALLY_ADD(col, day, centre) \
	" INSERT INTO day_tallies (day, centre, " col ") SELECT " day ", " centre ", 1" \
	" WHERE " day " IS NOT NULL ON CONFLICT (day, centre)" \
	" DO UPDATE SET " col " = day_tallies." col " + 1;"
/* One fewer of col where `where` (the day and centre) holds. */
#define STORE_TALLY_SUB(col, where) \
	" UPDATE day_tallies SET " col " = " col " - 1 WHERE " where ";" \
	" DELETE FROM day_tallies WHERE " where STORE_TALLY_ZEROS
#define STORE_TALLY_AT(day, centre) "day = " day " AND centre = " centre
/* The day and centre of the application a fee is of, if it has a fee
 * (the ledger's own condition, store_report.c). */
#define STORE_TALLY_FEE_APP(id) \
	" FROM applications a WHERE a.id = " id " AND (a.fee_yuan > 0 OR a.cod_fee_yuan > 0)"
#define STORE_TALLY_FEE_IN \
	" INSERT INTO day_tallies (day, centre, fee_lines) SELECT a.day, a.centre, 1" \
	STORE_TALLY_FEE_APP("new.application_id") \
	" ON CONFLICT (day, centre) DO UPDATE SET fee_lines = day_tallies.fee_lines + 1;"
#define STORE_TALLY_FEE_OUT \
	STORE_TALLY_SUB("fee_lines", "(day, centre) IN (SELECT a.day, a.centre" \
	    STORE_TALLY_FEE_APP("old.application_id") ")")
#define STORE_TALLY_CARD_IN \
	STORE_TALLY_ADD("cards_received", "new.received_on", "new.centre") \
	STORE_TALLY_ADD("cards_handed", "new.handed_on", "new.centre")
#define STORE_TALLY_CARD_OUT \
	STORE_TALLY_SUB("cards_received", STORE_TALLY_AT("old.received_on", "old.centre")) \
	STORE_TALLY_SUB("cards_handed", STORE_TALLY_AT("old.handed_on", "old.centre"))
#define STORE_TALLY_REFUSAL_IN STORE_TALLY_ADD("auto_refused", "new.day", "new.centre")
#define STORE_TALLY_REFUSAL_OUT \
	STORE_TALLY_SUB("auto_refused", STORE_TALLY_AT("old.day", "old.centre"))
#define STORE_AUTO_REFUSALS_COLS \
	" INSERT INTO auto_refusals (endorsement_id, permit_id, centre, day, valid_until, reason)"
/* An endorsement that is a refusal of the batch standing on its permit. */
#define STORE_AUTO_REFUSAL_IN \
	STORE_AUTO_REFUSALS_COLS \
	" SELECT new.id, p.id, p.centre, new.day, p.valid_until, new.reason FROM permits p" \
	" WHERE p.id = new.permit_id AND p.status = 'active' AND p.valid_until = new.old_valid_until" \
	" AND new.kind = 'auto' AND new.outcome = 'not_endorsed';"
#define STORE_AUTO_REFUSAL_OUT " DELETE FROM auto_refusals WHERE endorsement_id = old.id;"
/* A permit changed: its refusals that stand, made again (a seek on
 * endorsements_by_permit (permit_id, old_valid_until)). */
#define STORE_AUTO_REFUSAL_PERMIT \
	" DELETE FROM auto_refusals WHERE permit_id = old.id;" \
	STORE_AUTO_REFUSALS_COLS \
	" SELECT e.id, p.id, p.centre, e.day, p.valid_until, e.reason FROM permits p" \
	" JOIN endorsements e ON e.permit_id = p.id AND e.old_valid_until = p.valid_until" \
	" WHERE p.id = new.id AND p.status = 'active' AND e.kind = 'auto'" \
	" AND e.outcome = 'not_endorsed';"
#define STORE_AUTO_REFUSAL_PERMIT_OUT " DELETE FROM auto_refusals WHERE permit_id = old.id;"
/* Both made from the records: the refusals (whose own triggers add their
 * tallies) after the other tallies. */
#define STORE_DAY_TALLIES_REBUILD \
	"DELETE FROM day_tallies; DELETE FROM auto_refusals;\n" \
	"INSERT INTO day_tallies (day, centre, fee_lines, cards_received, cards_handed)" \
	" SELECT day, centre, sum(f), sum(r), sum(h) FROM (" \
	"  SELECT a.day AS day, a.centre AS centre, 1 AS f, 0 AS r, 0 AS h FROM fees x" \
	"  JOIN applications a ON a.id = x.application_id WHERE a.fee_yuan > 0 OR a.cod_fee_yuan > 0" \
	"  UNION ALL SELECT received_on, centre, 0, 1, 0 FROM cards WHERE received_on IS NOT NULL" \
	"  UNION ALL SELECT handed_on, centre, 0, 0, 1 FROM cards WHERE handed_on IS NOT NULL) t" \
	" GROUP BY day, centre;\n" \
	STORE_AUTO_REFUSALS_COLS \
	" SELECT e.id, p.id, p.centre, e.day, p.valid_until, e.reason FROM endorsements e" \
	" JOIN permits p ON p.id = e.permit_id WHERE e.kind = 'auto' AND e.outcome = 'not_endorsed'" \
	" AND p.status = 'active' AND e.old_valid_until = p.valid_until;\n"
#define STORE_DAY_COUNTS_REBUILD \
	"DELETE FROM day_applications; DELETE FROM day_rules; DELETE FROM day_docs;\n" \
	"INSERT INTO day_applications (day, centre, business, decision, user_name, applications," \
	" fee_yuan, cod_fee_yuan) SELECT day, centre, business, decision, user_name, count(*)," \
	" sum(fee_yuan), sum(cod_fee_yuan) FROM applications" \
	" GROUP BY day, centre, business, decision, user_name;\n" \
	"INSERT INTO day_rules (day, centre, rule, outcome, n)" \
	" SELECT a.day, a.centre, r.rule, r.outcome, count(*) FROM application_rules r" \
	" JOIN applications a ON a.id = r.application_id WHERE r.outcome <> 'pass'" \
	" GROUP BY a.day, a.centre, r.rule, r.outcome;\n" \
	"WITH RECURSIVE bits(d) AS (SELECT 0 UNION ALL SELECT d + 1 FROM bits WHERE d < 31)" \
	" INSERT INTO day_docs (day, centre, doc, n)" \
	" SELECT a.day, a.centre, b.d, count(DISTINCT a.id) FROM application_rules r" \
	" JOIN applications a ON a.id = r.application_id JOIN bits b ON ((r.docs >> b.d) & 1) = 1" \
	" WHERE r.outcome = 'missing' GROUP BY a.day, a.centre, b.d;\n"

/* store_ckpt.c: the SQLite engine's background checkpointer, told by its
 * WAL hook how long the log of the file at path is. */
void store_ckpt_notify(struct store_ckpt **ckpt, bool *failed, const char *path, int frames);
void store_ckpt_stop(struct store_ckpt **ckpt);

/* The centres and kiosks every store begins with, written once for both
 * engines' schemas: the 10 street/town centres of Changning (长宁区,
 * 310105) with their statistical codes (统计用区划代码, first 9 digits), and
 * the self-service kiosks (schema v2). */
#define STORE_CENTRE_ROWS \
	"  ('310105001', '华阳路街道', 'street')," \
	"  ('310105002', '江苏路街道', 'street')," \
	"  ('310105004', '新华路街道', 'street')," \
	"  ('310105005', '周家桥街道', 'street')," \
	"  ('310105006', '天山路街道', 'street')," \
	"  ('310105008', '仙霞新村街道', 'street')," \
	"  ('310105009', '虹桥街道', 'street')," \
	"  ('310105010', '程家桥街道', 'street')," \
	"  ('310105011', '北新泾街道', 'street')," \
	"  ('310105102', '新泾镇', 'town');\n"
#define STORE_KIOSK_ROWS \
	"  ('310105009', '虹桥街道党建之家', '红宝石路500号辅楼')," \
	"  (NULL, '上海凝聚力工程博物馆', '长宁路878号')," \
	"  (NULL, '大融城数字“店小二”', '淞虹路377号一楼T5区');\n"

extern const char        store_schema_v1[];
extern const char *const store_schema_migrations[STORE_SCHEMA_VERSION];
/* store_schema_pg.c: PostgreSQL's schema, which starts at version 7. */
extern const char        store_pg_schema[];
extern const char *const store_pg_migrations[STORE_SCHEMA_VERSION];
extern const char        store_pg_grants[];
extern const char        store_pg_audit_guards[];
extern const char        store_pg_audit_wipe[];

/* The cached statement for sql, reset with its bindings cleared; NULL (and
 * st->err set) on failure. */
struct store_stmt *store_stmt(struct store *st, const char *sql);
/* A value bound as a parameter by store_stmt_args, typed by its macro (a
 * text where a date is meant does not compile). */
struct store_arg {
	enum { STORE_ARG_TEXT, STORE_ARG_NTEXT, STORE_ARG_UUID, STORE_ARG_DATE, STORE_ARG_INT } kind;
	const char *t;
	jzz_date    d;
	int64_t     i;
};
#define STORE_T(v) { .kind = STORE_ARG_TEXT, .t = (v) }    /* a text, bound as it is */
#define STORE_N(v) { .kind = STORE_ARG_NTEXT, .t = (v) }   /* NULL or "": NULL */
#define STORE_U(v) { .kind = STORE_ARG_UUID, .t = (v) }    /* an id (NULL, "": NULL) */
#define STORE_D(v) { .kind = STORE_ARG_DATE, .d = (v) }    /* JZZ_DATE_NONE: NULL */
#define STORE_I(v) { .kind = STORE_ARG_INT, .i = (v) }     /* an int, a bool, an int64_t */
#define STORE_ARGS(...) (const struct store_arg[]){ __VA_ARGS__ }, \
	(int)(sizeof((const struct store_arg[]){ __VA_ARGS__ }) / sizeof(struct store_arg))
/* store_stmt for sql with the n values of args bound as ?1..?n (texts
 * without a copy: they stay as they are until it is stepped), for a
 * store_run, store_row, store_flag or store_rows that follows (each takes
 * NULL, a failed prepare, as an error):
 * store_run(st, store_stmt_args(st, sql, STORE_ARGS(STORE_T(id), STORE_D(day)))). */
struct store_stmt *store_stmt_args(struct store *st, const char *sql, const struct store_arg *args,
                                   int n);
struct store_dates;
/* The same into the statement s (returned; NULL stays NULL), its dates
 * from ring (NULL: copied): for the writers the seed's bulk rows share. */
struct store_stmt *store_bind_args(struct store_stmt *s, const struct store_arg *args, int n,
                                   struct store_dates *ring);
/* store_stmt for sql with the fields of a record bound as ?1.. by its
 * table (store_cols_bind, defined below), for a store_run that follows. */
struct store_col;
struct store_stmt *store_stmt_row(struct store *st, const char *sql, const struct store_col *cols,
                                  int n, const void *row);
/* Records the engine's message and maps a step's outcome: STORE_BUSY or
 * STORE_ERR. */
enum store_rc store_fail(struct store *st, enum stmt_rc rc);
/* Runs a script of statements without parameters. */
enum store_rc store_exec(struct store *st, const char *script);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
int64_t store_changes(struct store *st);
struct store_record;   /* how a record's rows are read (below) */
/* Steps a bound statement to its end, reading each row as rec says into a
 * growing array of zeroed records: the one loop behind every list the
 * store returns. On success *out (free it) and *n; on failure (s NULL: a
 * failed prepare) *out is NULL, *n 0 and the statement is reset. */
enum store_rc store_rows(struct store *st, struct store_stmt *s, const struct store_record *rec,
                         void **out, size_t *n);
/* store_rows for the common list by its keys (STORE_ARGS), bound as ?1... */
enum store_rc store_rows_by(struct store *st, const char *sql, const struct store_arg *key,
                            int nkey, const struct store_record *rec, void **out, size_t *n);
/* Records that a write (rc) touched table's row `id`, for the next audit
 * entry; returns rc. */
enum store_rc store_touched(struct store *st, enum store_rc rc, const char *table,
                            const char *id);
/* Steps a one-row query: OK with the row ready (reset it after reading),
 * NOTFOUND, or an error; s NULL (a failed prepare) is an error. */
enum store_rc store_row(struct store *st, struct store_stmt *s);
/* The one-row getter every record shares: steps the bound statement s and,
 * on a row, zeroes the record at out and reads the row into it as rec says
 * (as a list of the record reads each), then resets s. NOTFOUND leaves out
 * as it was. */
enum store_rc store_one(struct store *st, struct store_stmt *s, const struct store_record *rec,
                        void *out);
/* store_one for the common look-up by its keys (STORE_ARGS), bound as ?1... */
enum store_rc store_one_by(struct store *st, const char *sql, const struct store_arg *key,
                           int nkey, const struct store_record *rec, void *out);
/* A look-up by its keys (STORE_ARGS) of one text column into buf (a value
 * of meta, settings, a password hash): OK, NOTFOUND (buf untouched), error. */
enum store_rc store_text_by(struct store *st, const char *sql, const struct store_arg *key,
                            int nkey, char *buf, size_t size);
/* The first column of a bound EXISTS query as a truth into *out (false
 * on failure); a query that returns no row, or s NULL, is an error. */
enum store_rc store_flag(struct store *st, struct store_stmt *s, bool *out);
/* Steps a statement that returns no row (or whose rows are ignored). */
enum store_rc store_run(struct store *st, struct store_stmt *stmt);

void     store_bind_text(struct store_stmt *s, int i, const char *v);  /* NULL or "" -> NULL */
void     store_bind_date(struct store_stmt *s, int i, jzz_date d);    /* NONE -> NULL */
jzz_date store_col_date(struct store_stmt *s, int i);
void     store_col_text(struct store_stmt *s, int i, char *buf, size_t size);

/*
 * A record's fields as the columns of its statements: which field of the
 * struct (offset, size) and how it is read and bound. One table per
 * record serves its reader (a SELECT's columns from some i on) and its
 * writers (an INSERT's or UPDATE's parameters from some ?N on), so that a
 * record's columns are listed once in C, beside its SQL, whichever engine
 * and whichever writer (the service's or the seed's bulk rows).
 */
enum store_col_kind {
	STORE_COL_TEXT,    /* char[size]: NULL reads as ""; bound as it is */
	STORE_COL_NTEXT,   /* char[size]: NULL reads as ""; "" is bound as NULL */
	STORE_COL_UUID,    /* char[37], an id: read as its text; "" is bound as NULL */
	STORE_COL_DATE,    /* jzz_date: NULL <-> JZZ_DATE_NONE, ISO text in the store */
	STORE_COL_BOOL,    /* bool: 0 or 1 */
	STORE_COL_INT,     /* a signed integer of `size` bytes (int, long, int64_t) */
	STORE_COL_UINT,    /* an unsigned one (a jzz_docset, a uint8_t) */
	STORE_COL_CODE,    /* an enum (as an int) stored as its code in vocab[ncodes];
	                      NULL or a code not there reads as dflt */
};
struct store_col {
	enum store_col_kind kind;
	size_t              off, size;
	const struct vocab *vocab;
	int                 ncodes, dflt;
	bool                read_only;   /* read, never written: no parameter */
};
/* The entries of a table, written in the order of its SQL's columns, of
 * fields m of the record type STORE_ROW (#define'd before the table). */
#define STORE_COL_OF(kind_, m) \
	{ .kind = (kind_), .off = offsetof(STORE_ROW, m), .size = sizeof(((STORE_ROW *)0)->m) }
#define STORE_TEXT(m)  STORE_COL_OF(STORE_COL_TEXT, m)
#define STORE_NTEXT(m) STORE_COL_OF(STORE_COL_NTEXT, m)
#define STORE_UUID(m)  STORE_COL_OF(STORE_COL_UUID, m)
#define STORE_DATE(m)  STORE_COL_OF(STORE_COL_DATE, m)
#define STORE_BOOL(m)  STORE_COL_OF(STORE_COL_BOOL, m)
#define STORE_INT(m)   STORE_COL_OF(STORE_COL_INT, m)
#define STORE_UINT(m)  STORE_COL_OF(STORE_COL_UINT, m)
/* A column the record's SELECT reads (from a join, or worked out) that its
 * writers do not write: store_cols_bind passes over it. */
#define STORE_READ_ONLY(kind_, m) \
	{ .kind = (kind_), .off = offsetof(STORE_ROW, m), .size = sizeof(((STORE_ROW *)0)->m), \
	  .read_only = true }
#define STORE_CODE(m, table, dflt_) \
	{ .kind = STORE_COL_CODE, .off = offsetof(STORE_ROW, m), \
	  .size = sizeof(((STORE_ROW *)0)->m), .vocab = (table), \
	  .ncodes = (int)(sizeof(table) / sizeof((table)[0])), .dflt = (dflt_) }
#define STORE_NCOLS(cols) ((int)(sizeof(cols) / sizeof((cols)[0])))

/* A record as the store's lists and getters read it: `size` bytes, zeroed,
 * the first ncols columns read by the table cols, then, where a record
 * needs more than a table says, the rest by read (NULL: none). */
struct store_record {
	size_t                  size;
	const struct store_col *cols;
	int                     ncols;
	void (*read)(struct store_stmt *s, void *row);
};
/* The record of a table of STORE_ROW that says all. */
#define STORE_RECORD(cols) { sizeof(STORE_ROW), (cols), STORE_NCOLS(cols), NULL }

/* Texts for dates bound without a copy: a ring that comes round after 64,
 * for a writer that binds many rows (the seed) and steps each before then.
 * NULL where a store_cols_bind should copy its dates instead. */
#define STORE_DATES_RING 64
struct store_dates {
	char     buf[STORE_DATES_RING][JZZ_DATE_STRLEN];
	unsigned n;
};

/* A date as parameter i: NONE as NULL, else its text kept in ring until
 * the statement is stepped (NULL: copied, as store_bind_date). */
void store_bind_date_in(struct store_stmt *s, int i, jzz_date d, struct store_dates *ring);
/* Reads columns first.. of the current row into the n fields cols[] of row. */
void store_cols_read(struct store_stmt *s, int first, const struct store_col *cols, int n,
                     void *row);
/* Binds the n fields cols[] of row (but the read-only) as parameters
 * ?first.. in turn; texts are bound without a copy (row must stay as it is
 * until the statement is stepped), dates from ring (NULL: copied). */
void store_cols_bind(struct store_stmt *s, int first, const struct store_col *cols, int n,
                     const void *row, struct store_dates *ring);
/* The enum of the code in column i of vocab[n] (NULL or not there: dflt). */
int  store_col_code(struct store_stmt *s, int i, const struct vocab *vocab, int n, int dflt);

#define STORE_CODE_COL(s, i, table, dflt) \
	store_col_code((s), (i), (table), (int)(sizeof(table) / sizeof((table)[0])), (dflt))

/* The records' columns (store_records.c), for the look-ups that read the
 * same rows and the seed that writes them in bulk. */
#define STORE_PERSON_NCOLS 7
#define STORE_REGISTRATION_NCOLS 9
#define STORE_PERMIT_NCOLS 12
#define STORE_CARD_NCOLS 16
extern const struct store_col store_person_cols[STORE_PERSON_NCOLS];
extern const struct store_col store_registration_cols[STORE_REGISTRATION_NCOLS];
extern const struct store_col store_permit_cols[STORE_PERMIT_NCOLS];
extern const struct store_col store_card_cols[STORE_CARD_NCOLS];
/* A struct store_person from the columns of PERSON_COLS. */
extern const struct store_record store_person_record;
/* The rows the service's writers and the seed's bulk rows both write
 * (store_records.c): each bound into s (returned; NULL stays NULL) as
 * ?1.. in the order of its INSERT, the dates from ring (NULL: copied). */
struct store_fee_row {
	const char *application_id, *kind;
	int         amount_yuan;
	const char *fee_receipt_no, *collected_by;
};
struct store_change_row {
	const char           *id, *person_id, *application_id;
	enum jzz_change_field field;
	jzz_date              changed_on;
	const char           *old_value, *new_value;
	bool                  late;
};
struct store_endorsement_row {
	const char *id, *permit_id, *application_id, *kind;
	jzz_date    day, old_valid_until, new_valid_until;
	const char *outcome, *reason;
	bool        reset;
};
struct store_sms_new {
	const char *person_id, *phone, *kind, *body, *ref_id;
	jzz_date    queued_on, due_on;
};
struct store_stmt *store_fee_bind(struct store_stmt *s, const struct store_fee_row *f,
                                  struct store_dates *ring);
struct store_stmt *store_change_bind(struct store_stmt *s, const struct store_change_row *c,
                                     struct store_dates *ring);
struct store_stmt *store_endorsement_bind(struct store_stmt *s,
                                          const struct store_endorsement_row *e,
                                          struct store_dates *ring);
struct store_stmt *store_sms_bind(struct store_stmt *s, const struct store_sms_new *m,
                                  struct store_dates *ring);
/* The outcome r of a rule, the pos'th of an application's. */
struct store_stmt *store_app_rule_bind(struct store_stmt *s, const char *application_id, int pos,
                                       const struct rule_result *r, struct store_dates *ring);
/* The columns of a rule outcome after its rule and outcome (detail, who,
 * docs, date, num), as the store writes and the paper reads them. */
#define STORE_RULE_NCOLS 5
extern const struct store_col store_rule_cols[STORE_RULE_NCOLS];

/* What an application row records of its decision. */
struct store_app_outcome {
	enum verdict verdict;
	int          fee_yuan, cod_fee_yuan;   /* bound 0 unless accepted */
	jzz_date     ready_on, new_valid_until; /* bound NULL unless accepted */
};
/* An application's ?1-?18 of sql_app_insert (all but request_id), created
 * at `at`. */
void store_application_bind(struct store_stmt *s, const struct store_application *a,
                            const char *at, const struct store_app_outcome *o,
                            struct store_dates *ring);

/* The engine's statement calls, by the driver every statement names. */
static inline enum stmt_rc
stmt_step(struct store_stmt *s)
{
	return s->drv->step(s);
}
static inline void
stmt_reset(struct store_stmt *s)
{
	s->drv->reset(s);
}
static inline void
stmt_bind_null(struct store_stmt *s, int i)
{
	s->drv->bind_null(s, i);
}
static inline void
stmt_bind_int64(struct store_stmt *s, int i, int64_t v)
{
	s->drv->bind_int64(s, i, v);
}
static inline void
stmt_bind_int(struct store_stmt *s, int i, int v)
{
	s->drv->bind_int64(s, i, v);
}
/* v stays as it is until the statement is reset (a record's field) */
static inline void
stmt_bind_text(struct store_stmt *s, int i, const char *v)
{
	s->drv->bind_text(s, i, v, true);
}
/* v is copied (a buffer of the caller's that changes) */
static inline void
stmt_bind_text_copy(struct store_stmt *s, int i, const char *v)
{
	s->drv->bind_text(s, i, v, false);
}
/* OK when no foreign key is broken (the engine's sql_fk_check finds no
 * row; an engine without one is OK), else ERR naming the first broken row:
 * after loading or rebuilding tables with the keys off (the seed, a
 * migration). */
enum store_rc store_fk_intact(struct store *st);
/* Every row meets its CHECK constraints (after a bulk load that skipped
 * them: the driver's sql_checks_verify); STORE_ERR says the first broken. */
enum store_rc store_checks_intact(struct store *st);
/* A UUID's 16 bytes from its 36-character lower-case text (false for any
 * other text), and back: for the engines that keep ids as bytes. */
bool store_uuid_bytes(const char *text, uint8_t out[16]);
void store_uuid_text(const uint8_t in[16], char out[STORE_UUID_LEN]);
/* a UUID (the driver's bind_uuid): copied */
static inline void
stmt_bind_uuid(struct store_stmt *s, int i, const char *v)
{
	s->drv->bind_uuid(s, i, v);
}
static inline int
stmt_col_count(struct store_stmt *s)
{
	return s->drv->col_count(s);
}
static inline const char *
stmt_col_name(struct store_stmt *s, int i)
{
	return s->drv->col_name(s, i);
}
static inline enum stmt_type
stmt_col_type(struct store_stmt *s, int i)
{
	return s->drv->col_type(s, i);
}
static inline int64_t
stmt_col_int64(struct store_stmt *s, int i)
{
	return s->drv->col_int64(s, i);
}
static inline int
stmt_col_int(struct store_stmt *s, int i)
{
	return (int)s->drv->col_int64(s, i);
}
static inline const char *
stmt_col_text(struct store_stmt *s, int i)
{
	return s->drv->col_text(s, i);
}

#endif
