/*
 * store_audit.c: the audit log, an append-only hash chain.
 *
 * Why a chain: triggers already refuse UPDATE and DELETE, but anyone with
 * the file and the sqlite3 shell can drop a trigger. Each entry's hash
 * covers its own fields and the previous entry's hash, so an entry changed,
 * removed or inserted afterwards breaks every link after it, and
 * `jzz audit verify` names the first one.
 *
 * The hash is SHA-256 over "seq|prev_hash|at|day|user|role|centre|action|
 * subject|reason" with a unit separator (0x1f) between the fields, so that
 * no field can run into the next.
 */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

#include "jzz/sha256.h"

#define AUDIT_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

static const char sql_audit_last[] = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
static const char sql_audit_insert[] =
	"INSERT INTO audit_log (seq, at, day, user_name, role, centre, action, subject, reason,"
	" prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
static const char sql_audit_all[] =
	"SELECT seq, at, day, user_name, role, centre, action, subject, reason, prev_hash, hash"
	" FROM audit_log ORDER BY seq";

static void
store_audit_field(struct sha256 *h, const char *s)
{
	static const char sep = 0x1f;

	sha256_update(h, &sep, 1);
	if (s != NULL)
		sha256_update(h, s, strlen(s));
}

static void
store_audit_hash(long long seq, const char *fields[9], char out[SHA256_HEX_LEN])
{
	struct sha256 h;
	char          num[32];

	snprintf(num, sizeof num, "%lld", seq);
	sha256_init(&h);
	sha256_update(&h, num, strlen(num));
	for (int i = 0; i < 9; i++)
		store_audit_field(&h, fields[i]);
	sha256_final_hex(&h, out);
}

enum store_rc
store_audit_append(struct store *st, const struct store_audit_entry *e)
{
	sqlite3_stmt *s = store_stmt(st, sql_audit_last);
	char          prev[SHA256_HEX_LEN] = AUDIT_GENESIS, hash[SHA256_HEX_LEN];
	char          at[32], day[JZZ_DATE_STRLEN];
	long long     seq = 1;
	int           rc;
	const char   *f[9];

	if (s == NULL)
		return STORE_ERR;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		seq = sqlite3_column_int64(s, 0) + 1;
		store_col_text(s, 1, prev, sizeof prev);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, rc);
	store_now(at);
	date_format(e->day, day);
	f[0] = prev; f[1] = at; f[2] = day; f[3] = e->user; f[4] = e->role;
	f[5] = e->centre; f[6] = e->action; f[7] = e->subject; f[8] = e->reason;
	for (int i = 3; i < 9; i++)
		if (f[i] == NULL)
			f[i] = "";
	store_audit_hash(seq, f, hash);
	if ((s = store_stmt(st, sql_audit_insert)) == NULL)
		return STORE_ERR;
	sqlite3_bind_int64(s, 1, seq);
	for (int i = 1; i < 9; i++)
		sqlite3_bind_text(s, i + 1, f[i], -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 10, prev, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 11, hash, -1, SQLITE_STATIC);
	return store_run(st, s);
}

enum store_rc
store_audit_verify(struct store *st, long *entries, long *first_broken, char *reason,
                   size_t reasonlen)
{
	sqlite3_stmt *s = store_stmt(st, sql_audit_all);
	char          prev[SHA256_HEX_LEN] = AUDIT_GENESIS, hash[SHA256_HEX_LEN];
	long long     expect = 1;
	int           rc;

	*entries = 0;
	*first_broken = 0;
	if (reasonlen > 0)
		reason[0] = '\0';
	if (s == NULL)
		return STORE_ERR;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		long long   seq = sqlite3_column_int64(s, 0);
		const char *f[9];
		const char *stored_prev = (const char *)sqlite3_column_text(s, 9);
		const char *stored = (const char *)sqlite3_column_text(s, 10);

		(*entries)++;
		if (*first_broken != 0)
			continue;
		f[0] = stored_prev != NULL ? stored_prev : "";
		for (int i = 1; i < 9; i++) {
			f[i] = (const char *)sqlite3_column_text(s, i);
			if (f[i] == NULL)
				f[i] = "";
		}
		store_audit_hash(seq, f, hash);
		if (seq != expect) {
			*first_broken = (long)expect;
			snprintf(reason, reasonlen, "entry %lld is missing (next is %lld)", expect, seq);
		} else if (strcmp(f[0], prev) != 0) {
			*first_broken = (long)seq;
			snprintf(reason, reasonlen, "entry %lld does not follow entry %lld", seq, seq - 1);
		} else if (stored == NULL || strcmp(stored, hash) != 0) {
			*first_broken = (long)seq;
			snprintf(reason, reasonlen, "entry %lld was altered (hash mismatch)", seq);
		}
		snprintf(prev, sizeof prev, "%s", stored != NULL ? stored : "");
		expect = seq + 1;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return store_fail(st, rc);
	return STORE_OK;
}
