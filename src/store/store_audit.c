/*
 * store_audit.c: the audit log, an append-only chain of entries, each
 * authenticated with a key kept outside the database.
 *
 * Why a keyed chain: triggers refuse UPDATE and DELETE, but anyone with the
 * file and the sqlite3 shell can drop a trigger, and a plain hash chain can
 * be recomputed by anyone after rewriting history. Each entry's MAC is
 * HMAC-SHA-256 (nettle), under the key of the audit key file, over its own
 * fields, the previous entry's MAC and the digests of the rows its act
 * wrote; without the key no entry can be changed, removed, reordered or
 * inserted without `jzz audit verify` naming the first one. What the chain
 * cannot see by itself, the loss of its newest entries, is caught by
 * comparing with a head recorded elsewhere (`jzz audit head`, written daily
 * to the journal: `verify --head SEQ:MAC`).
 *
 * Why the rows' digests: the records themselves (persons, permits...) are
 * not in the chain. Every write of the store names the row it wrote
 * (store_touched); the next entry carries "table:id:digest" of each, so that
 * verify can compare the newest digest of every row with the row as it is
 * now: a direct edit or deletion of a record shows.
 *
 * Files made before the key (schema v4 and older) have entries chained with
 * plain SHA-256; meta 'audit_mac_from' (itself under the key) says from
 * which entry on the MAC holds, and "complete" when every record of the
 * file was written under it (a file made by init, not migrated or seeded).
 *
 * The fields are joined with a unit separator (0x1f), so that no field can
 * run into the next.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <nettle/hmac.h>
#include <nettle/memops.h>
#include <nettle/sha2.h>

#define AUDIT_HEX      (2 * SHA256_DIGEST_SIZE + 1)
#define AUDIT_GENESIS  "0000000000000000000000000000000000000000000000000000000000000000"

static const char sql_audit_last[] = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
static const char sql_audit_insert[] =
	"INSERT INTO audit_log (seq, at, day, user_name, role, centre, action, subject, reason,"
	" prev_hash, hash, records) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)";
static const char sql_audit_all[] =
	"SELECT seq, at, day, user_name, role, centre, action, subject, reason, prev_hash, hash,"
	" records FROM audit_log ORDER BY seq";

/* The tables whose rows the entries bind, each with the statement that
 * reads one row (constant texts, so that the statement cache keeps them). */
static const struct {
	const char *table;
	const char *sql;
} audit_tables[] = {
	{ "persons", "SELECT * FROM persons WHERE id = ?1" },
	{ "registrations", "SELECT * FROM registrations WHERE id = ?1" },
	{ "permits", "SELECT * FROM permits WHERE id = ?1" },
	{ "cards", "SELECT * FROM cards WHERE id = ?1" },
	{ "applications", "SELECT * FROM applications WHERE id = ?1" },
};
#define AUDIT_NTABLES (sizeof audit_tables / sizeof audit_tables[0])

static void
audit_hex(const uint8_t d[SHA256_DIGEST_SIZE], char out[AUDIT_HEX])
{
	static const char x[] = "0123456789abcdef";

	for (int i = 0; i < SHA256_DIGEST_SIZE; i++) {
		out[2 * i] = x[d[i] >> 4];
		out[2 * i + 1] = x[d[i] & 15];
	}
	out[2 * SHA256_DIGEST_SIZE] = '\0';
}

void
store_set_audit_key(struct store *st, const uint8_t *key, size_t len)
{
	explicit_bzero(st->audit_key, sizeof st->audit_key);
	st->has_audit_key = len == sizeof st->audit_key;
	if (st->has_audit_key)
		memcpy(st->audit_key, key, len);
}

enum store_rc
store_touched(struct store *st, enum store_rc rc, const char *table, const char *id)
{
	if (rc != STORE_OK || id == NULL || *id == '\0')
		return rc;
	for (int i = 0; i < st->ntouched; i++)
		if (strcmp(st->touched[i].table, table) == 0 && strcmp(st->touched[i].id, id) == 0)
			return rc;
	if (st->ntouched == STORE_TOUCHED_MAX) {
		snprintf(st->err, sizeof st->err, "too many rows in one act for the audit entry");
		return STORE_ERR;
	}
	snprintf(st->touched[st->ntouched].table, sizeof st->touched[0].table, "%s", table);
	snprintf(st->touched[st->ntouched].id, sizeof st->touched[0].id, "%s", id);
	st->ntouched++;
	return rc;
}

/* SHA-256 of a row as it is: every column's type and text. found false
 * when there is no such row. */
static enum store_rc
audit_row_digest(struct store *st, const char *table, const char *id, bool *found,
                 char out[AUDIT_HEX])
{
	struct sha256_ctx h;
	uint8_t           d[SHA256_DIGEST_SIZE];
	struct store_stmt     *s = NULL;
	int               rc;

	*found = false;
	for (size_t i = 0; i < AUDIT_NTABLES; i++)
		if (strcmp(audit_tables[i].table, table) == 0)
			s = store_stmt(st, audit_tables[i].sql);
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_uuid(s, 1, id);
	rc = stmt_step(s);
	if (rc == STMT_ROW) {
		sha256_init(&h);
		/* Each column by its name, NULLs left out: a migration that adds a
		 * column (NULL in the rows already there) or reorders them leaves
		 * every digest as it was. */
		for (int c = 0; c < stmt_col_count(s); c++) {
			uint8_t     tag[2] = { 0x1f, (uint8_t)stmt_col_type(s, c) };
			const char *name = stmt_col_name(s, c);
			const char *v = stmt_col_text(s, c);

			/* rowid: PostgreSQL's stand-in for SQLite's implicit
			 * rowid (store_schema_pg.c), not a column of the record */
			if (tag[1] == STMT_NULL || v == NULL || name == NULL ||
			    strcmp(name, "rowid") == 0)
				continue;
			sha256_update(&h, strlen(name), (const uint8_t *)name);
			sha256_update(&h, sizeof tag, tag);
			sha256_update(&h, strlen(v), (const uint8_t *)v);
		}
		sha256_digest(&h, sizeof d, d);
		audit_hex(d, out);
		*found = true;
	}
	stmt_reset(s);
	return rc == STMT_ROW || rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

/* The MAC (or, for entries before audit_mac_from, the plain SHA-256 of the
 * old chain) of one entry. f: prev, at, day, user, role, centre, action,
 * subject, reason; records only under the MAC. */
static void
audit_mac(const struct store *st, bool keyed, long long seq, const char *f[9],
          const char *records, char out[AUDIT_HEX])
{
	static const uint8_t sep = 0x1f;
	uint8_t              d[SHA256_DIGEST_SIZE];
	char                 num[32];

	snprintf(num, sizeof num, "%lld", seq);
	if (keyed) {
		struct hmac_sha256_ctx h;

		hmac_sha256_set_key(&h, sizeof st->audit_key, st->audit_key);
		hmac_sha256_update(&h, strlen(num), (const uint8_t *)num);
		for (int i = 0; i < 9; i++) {
			hmac_sha256_update(&h, 1, &sep);
			hmac_sha256_update(&h, strlen(f[i]), (const uint8_t *)f[i]);
		}
		hmac_sha256_update(&h, 1, &sep);
		hmac_sha256_update(&h, strlen(records), (const uint8_t *)records);
		hmac_sha256_digest(&h, sizeof d, d);
	} else {
		struct sha256_ctx h;

		sha256_init(&h);
		sha256_update(&h, strlen(num), (const uint8_t *)num);
		for (int i = 0; i < 9; i++) {
			sha256_update(&h, 1, &sep);
			sha256_update(&h, strlen(f[i]), (const uint8_t *)f[i]);
		}
		sha256_digest(&h, sizeof d, d);
	}
	audit_hex(d, out);
}

/* The keyed mark "N:complete|partial:MAC" of meta 'audit_mac_from'. */
static void
audit_mark_text(const struct store *st, long long from, bool complete, char *buf, size_t size)
{
	const char *f[9] = { "audit_mac_from", complete ? "complete" : "partial", "", "", "", "",
		"", "", "" };
	char        mac[AUDIT_HEX];

	audit_mac(st, true, from, f, "", mac);
	snprintf(buf, size, "%lld:%s:%s", from, complete ? "complete" : "partial", mac);
}

enum store_rc
store_audit_mark(struct store *st, bool from_start, bool complete)
{
	struct store_stmt *s;
	long long     next = 1;
	int           rc;
	char          buf[160];

	if (!st->has_audit_key) {
		snprintf(st->err, sizeof st->err, "no audit key");
		return STORE_ERR;
	}
	if ((s = store_stmt(st, sql_audit_last)) == NULL)
		return STORE_ERR;
	rc = stmt_step(s);
	if (rc == STMT_ROW)
		next = stmt_col_int64(s, 0) + 1;
	stmt_reset(s);
	if (rc != STMT_ROW && rc != STMT_DONE)
		return store_fail(st, rc);
	if (from_start)
		next = 1;
	audit_mark_text(st, next, complete, buf, sizeof buf);
	return store_meta_set(st, "audit_mac_from", buf);
}

/* Reads and checks the mark: *from is the first keyed entry. false when the
 * mark is missing or was not made with this key. */
static bool
audit_mark_read(struct store *st, long long *from, bool *complete)
{
	char       buf[160], want[160];
	long long  n;
	char       kind[16];

	*from = 1;
	*complete = false;
	if (store_meta_get(st, "audit_mac_from", buf, sizeof buf) != STORE_OK)
		return false;
	if (sscanf(buf, "%lld:%15[a-z]:", &n, kind) != 2 || n < 1)
		return false;
	audit_mark_text(st, n, strcmp(kind, "complete") == 0, want, sizeof want);
	if (strlen(buf) != strlen(want) || !memeql_sec(buf, want, strlen(want)))
		return false;
	*from = n;
	*complete = strcmp(kind, "complete") == 0;
	return true;
}

bool
store_audit_key_matches(struct store *st)
{
	long long from;
	bool      complete;

	return st->has_audit_key && audit_mark_read(st, &from, &complete);
}

bool
store_audit_marked(struct store *st)
{
	char buf[160];

	return store_meta_get(st, "audit_mac_from", buf, sizeof buf) == STORE_OK;
}

enum store_rc
store_audit_append(struct store *st, const struct store_audit_entry *e)
{
	struct store_stmt *s = store_stmt(st, sql_audit_last);
	char          prev[AUDIT_HEX] = AUDIT_GENESIS, mac[AUDIT_HEX], dig[AUDIT_HEX];
	char          at[32], day[JZZ_DATE_STRLEN];
	char         *records;
	size_t        cap = 1, len = 0;
	long long     seq = 1;
	int           rc;
	const char   *f[9];
	enum store_rc src;

	if (!st->has_audit_key) {
		snprintf(st->err, sizeof st->err, "no audit key: nothing can be written");
		return STORE_ERR;
	}
	if (s == NULL)
		return STORE_ERR;
	rc = stmt_step(s);
	if (rc == STMT_ROW) {
		seq = stmt_col_int64(s, 0) + 1;
		store_col_text(s, 1, prev, sizeof prev);
	}
	stmt_reset(s);
	if (rc != STMT_ROW && rc != STMT_DONE)
		return store_fail(st, rc);
	for (int i = 0; i < st->ntouched; i++)
		cap += strlen(st->touched[i].table) + strlen(st->touched[i].id) + AUDIT_HEX + 3;
	if ((records = malloc(cap)) == NULL)
		return STORE_ERR;
	records[0] = '\0';
	for (int i = 0; i < st->ntouched; i++) {
		bool found;

		src = audit_row_digest(st, st->touched[i].table, st->touched[i].id, &found, dig);
		if (src != STORE_OK) {
			free(records);
			return src;
		}
		if (!found)
			continue;
		len += (size_t)snprintf(records + len, cap - len, "%s%s:%s:%s", len > 0 ? ";" : "",
		    st->touched[i].table, st->touched[i].id, dig);
	}
	st->ntouched = 0;
	store_now(at);
	date_format(e->day, day);
	f[0] = prev; f[1] = at; f[2] = day; f[3] = e->user; f[4] = e->role;
	f[5] = e->centre; f[6] = e->action; f[7] = e->subject; f[8] = e->reason;
	for (int i = 3; i < 9; i++)
		if (f[i] == NULL)
			f[i] = "";
	audit_mac(st, true, seq, f, records, mac);
	if ((s = store_stmt(st, sql_audit_insert)) == NULL) {
		free(records);
		return STORE_ERR;
	}
	stmt_bind_int64(s, 1, seq);
	for (int i = 1; i < 9; i++)
		stmt_bind_text(s, i + 1, f[i]);
	stmt_bind_text(s, 10, prev);
	stmt_bind_text(s, 11, mac);
	stmt_bind_text_copy(s, 12, records);
	free(records);
	return store_run(st, s);
}

enum store_rc
store_audit_head(struct store *st, long long *seq, char mac[AUDIT_HEX])
{
	struct store_stmt *s = store_stmt(st, sql_audit_last);
	int           rc;

	*seq = 0;
	mac[0] = '\0';
	if (s == NULL)
		return STORE_ERR;
	rc = stmt_step(s);
	if (rc == STMT_ROW) {
		*seq = stmt_col_int64(s, 0);
		store_col_text(s, 1, mac, AUDIT_HEX);
	}
	stmt_reset(s);
	if (rc == STMT_DONE)
		return STORE_NOTFOUND;
	return rc == STMT_ROW ? STORE_OK : store_fail(st, rc);
}

/* ---- verification ---- */

/* The newest digest of every row the entries name, kept while walking. */
struct audit_seen {
	char      table[16];
	char      id[40];
	char      digest[AUDIT_HEX];
	long long seq;
};

struct audit_walk {
	struct audit_seen *v;
	size_t             n, cap;
};

static int
audit_seen_cmp(const void *a, const void *b)
{
	const struct audit_seen *x = a, *y = b;
	int                      c = strcmp(x->table, y->table);

	if (c == 0)
		c = strcmp(x->id, y->id);
	if (c == 0)   /* the newest last */
		c = (x->seq > y->seq) - (x->seq < y->seq);
	return c;
}

static bool
audit_walk_add(struct audit_walk *w, const char *records, long long seq)
{
	const char *p = records;

	while (*p != '\0') {
		const char        *end = strchr(p, ';');
		size_t             n = end != NULL ? (size_t)(end - p) : strlen(p);
		struct audit_seen  e;
		char               item[160];

		if (n >= sizeof item)
			return false;
		memcpy(item, p, n);
		item[n] = '\0';
		memset(&e, 0, sizeof e);
		if (sscanf(item, "%15[a-z]:%39[^:]:%64[0-9a-f]", e.table, e.id, e.digest) != 3)
			return false;
		e.seq = seq;
		if (w->n == w->cap) {
			size_t             nc = w->cap ? w->cap * 2 : 256;
			struct audit_seen *nv = realloc(w->v, nc * sizeof *nv);

			if (nv == NULL)
				return false;
			w->v = nv;
			w->cap = nc;
		}
		w->v[w->n++] = e;
		p += n;
		if (*p == ';')
			p++;
	}
	return true;
}

static const char sql_audit_unbound_apps[] = "SELECT id FROM applications ORDER BY id";

/* Every row named by an entry, as it is now against its newest digest; in
 * a complete file, every application named by some entry. */
static enum store_rc
audit_rows_check(struct store *st, struct audit_walk *w, bool complete,
                 struct store_audit_result *out)
{
	enum store_rc rc;
	size_t        k = 0;

	if (w->n > 1)
		if (w->n > 0)   /* w->v is NULL when no entry bound a row: qsort wants an array */
		qsort(w->v, w->n, sizeof *w->v, audit_seen_cmp);
	for (size_t i = 0; i < w->n; i++) {
		char dig[AUDIT_HEX];
		bool found;

		if (i + 1 < w->n && strcmp(w->v[i].table, w->v[i + 1].table) == 0 &&
		    strcmp(w->v[i].id, w->v[i + 1].id) == 0)
			continue;   /* only the newest counts */
		w->v[k++] = w->v[i];
		if ((rc = audit_row_digest(st, w->v[i].table, w->v[i].id, &found, dig)) != STORE_OK)
			return rc;
		if (!found || strcmp(dig, w->v[i].digest) != 0) {
			out->first_broken = w->v[i].seq;
			snprintf(out->reason, sizeof out->reason, "%s row %s was %s outside jzz (last"
			    " written by entry %lld)", w->v[i].table, w->v[i].id,
			    found ? "changed" : "removed", w->v[i].seq);
			return STORE_OK;
		}
	}
	w->n = k;
	if (complete) {
		struct store_stmt *s = store_stmt(st, sql_audit_unbound_apps);
		int           src;

		if (s == NULL)
			return STORE_ERR;
		while ((src = stmt_step(s)) == STMT_ROW) {
			struct audit_seen key;

			memset(&key, 0, sizeof key);
			snprintf(key.table, sizeof key.table, "applications");
			store_col_text(s, 0, key.id, sizeof key.id);
			/* w->v is sorted by table then id, one per row now */
			size_t lo = 0, hi = w->n;
			bool   hit = false;

			while (lo < hi) {
				size_t mid = (lo + hi) / 2;
				int    c = strcmp(w->v[mid].table, key.table);

				if (c == 0)
					c = strcmp(w->v[mid].id, key.id);
				if (c == 0) {
					hit = true;
					break;
				}
				if (c < 0)
					lo = mid + 1;
				else
					hi = mid;
			}
			if (!hit) {
				snprintf(out->reason, sizeof out->reason, "application %s has no audit"
				    " entry (inserted outside jzz)", key.id);
				out->first_broken = out->entries + 1;
				break;
			}
		}
		stmt_reset(s);
		if (src != STMT_DONE && src != STMT_ROW)
			return store_fail(st, src);
	}
	return STORE_OK;
}

enum store_rc
store_audit_verify(struct store *st, long long head_seq, const char *head_mac,
                   struct store_audit_result *out)
{
	struct store_stmt     *s;
	char              prev[AUDIT_HEX] = AUDIT_GENESIS, mac[AUDIT_HEX];
	long long         expect = 1, from = 1;
	bool              complete = false, head_seen = false;
	int               rc, guards = 0;
	struct audit_walk w = { NULL, 0, 0 };
	enum store_rc     src = STORE_OK;

	memset(out, 0, sizeof *out);
	if (!st->has_audit_key) {
		snprintf(st->err, sizeof st->err, "no audit key: the log cannot be verified");
		return STORE_ERR;
	}
	if ((s = store_stmt(st, st->drv->sql_audit_guards)) == NULL)
		return STORE_ERR;
	if (stmt_step(s) == STMT_ROW)
		guards = stmt_col_int(s, 0);
	stmt_reset(s);
	if (guards != st->drv->audit_guards) {
		out->first_broken = 1;
		snprintf(out->reason, sizeof out->reason, "the append-only guard of audit_log is"
		    " missing (a trigger was dropped or changed)");
	}
	if (!audit_mark_read(st, &from, &complete) && out->first_broken == 0) {
		out->first_broken = 1;
		snprintf(out->reason, sizeof out->reason, "the audit key does not match this"
		    " database's mark (wrong key, or the mark was changed)");
	}
	if ((s = store_stmt(st, sql_audit_all)) == NULL)
		return STORE_ERR;
	while ((rc = stmt_step(s)) == STMT_ROW) {
		long long   seq = stmt_col_int64(s, 0);
		const char *f[9];
		const char *stored = stmt_col_text(s, 10);
		const char *records = stmt_col_text(s, 11);

		out->entries++;
		if (stored == NULL)
			stored = "";
		if (records == NULL)
			records = "";
		if (head_seq > 0 && seq == head_seq) {
			head_seen = true;
			if (out->first_broken == 0 && (head_mac == NULL || strcmp(stored, head_mac) != 0)) {
				out->first_broken = seq;
				snprintf(out->reason, sizeof out->reason, "entry %lld is not the head"
				    " recorded before (its MAC differs)", seq);
			}
		}
		if (out->first_broken != 0)
			continue;
		for (int i = 0; i < 9; i++) {
			f[i] = stmt_col_text(s, i == 0 ? 9 : i);
			if (f[i] == NULL)
				f[i] = "";
		}
		audit_mac(st, seq >= from, seq, f, records, mac);
		if (seq != expect) {
			out->first_broken = expect;
			snprintf(out->reason, sizeof out->reason, "entry %lld is missing (next is %lld)",
			    expect, seq);
		} else if (strcmp(f[0], prev) != 0) {
			out->first_broken = seq;
			snprintf(out->reason, sizeof out->reason, "entry %lld does not follow entry %lld",
			    seq, seq - 1);
		} else if (strlen(stored) != strlen(mac) || !memeql_sec(stored, mac, strlen(mac))) {
			out->first_broken = seq;
			snprintf(out->reason, sizeof out->reason, "entry %lld was altered (%s mismatch)",
			    seq, seq >= from ? "MAC" : "hash");
		} else if (*records != '\0' && !audit_walk_add(&w, records, seq)) {
			out->first_broken = seq;
			snprintf(out->reason, sizeof out->reason, "entry %lld: unreadable records", seq);
		}
		snprintf(prev, sizeof prev, "%s", stored);
		expect = seq + 1;
	}
	stmt_reset(s);
	if (rc != STMT_DONE)
		src = store_fail(st, rc);
	if (src == STORE_OK && out->first_broken == 0 && head_seq > 0 && !head_seen) {
		out->first_broken = head_seq;
		snprintf(out->reason, sizeof out->reason, "entry %lld, the head recorded before, is"
		    " gone (the log ends at %lld)", head_seq, expect - 1);
	}
	if (src == STORE_OK && out->first_broken == 0)
		src = audit_rows_check(st, &w, complete, out);
	free(w.v);
	return src;
}
