/*
 * store_accounts.c: accounts (passwords, lockout, disabling), settings, the
 * production/training mark of the file, the training wipe, and replacing a
 * year of the calendar (issue 5).
 *
 * Why the mark lives in the file's header (PRAGMA application_id, where the
 * engine has one: store_sqlite.c) as well as in the settings table: the header is what `file(1)` and any tool see
 * before opening a single table, so a training copy can never pass for the
 * production database by its name alone; the settings row says the same in
 * words for whoever reads the tables. The store only reads and writes them;
 * refusing a file opened in the wrong mode is the service layer's decision.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define ACCOUNT_COLS "name, role, coalesce(centre, ''), password_hash IS NOT NULL, must_change," \
	" disabled, failed_logins, coalesce(locked_until, 0), session_gen, created_at," \
	" coalesce(password_set_at, '')"
static const char sql_account_get[] = "SELECT " ACCOUNT_COLS " FROM users WHERE name = ?1";
static const char sql_accounts[] =
	"SELECT " ACCOUNT_COLS " FROM users WHERE name <> '" STORE_OWNER_ACCOUNT "' ORDER BY name";
static const char sql_account_add[] =
	"INSERT INTO users (name, role, centre, password_hash, must_change, created_at,"
	" password_set_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
static const char sql_account_hash[] =
	"SELECT coalesce(password_hash, '') FROM users WHERE name = ?1";
static const char sql_account_password[] =
	"UPDATE users SET password_hash = ?2, must_change = ?3, password_set_at = ?4,"
	" failed_logins = 0, locked_until = NULL, session_gen = session_gen + 1 WHERE name = ?1";
static const char sql_account_disabled[] =
	"UPDATE users SET disabled = ?2, session_gen = session_gen + 1 WHERE name = ?1";
static const char sql_account_failures[] =
	"UPDATE users SET failed_logins = ?2, locked_until = ?3,"
	" session_gen = session_gen + CASE WHEN CAST(?3 AS BIGINT) IS NULL THEN 0 ELSE 1 END"
	" WHERE name = ?1";
static const char sql_attempts_get[] =
	"SELECT failed_logins, coalesce(locked_until, 0) FROM login_attempts WHERE name = ?1";
static const char sql_attempts_set[] =
	"INSERT INTO login_attempts (name, failed_logins, locked_until) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (name) DO UPDATE SET failed_logins = excluded.failed_logins,"
	" locked_until = excluded.locked_until";

#define STORE_ROW struct store_account
static const struct store_col store_account_cols[] = {
	STORE_TEXT(name), STORE_TEXT(role), STORE_TEXT(centre), STORE_BOOL(has_password),
	STORE_BOOL(must_change), STORE_BOOL(disabled), STORE_INT(failed_logins),
	STORE_INT(locked_until), STORE_INT(session_gen), STORE_TEXT(created_at),
	STORE_TEXT(password_set_at),
};
static const struct store_record store_account_record = STORE_RECORD(store_account_cols);
#undef STORE_ROW

enum store_rc
store_account_get(struct store *st, const char *name, struct store_account *out)
{
	return store_one_by(st, sql_account_get, STORE_ARGS(STORE_T(name)), &store_account_record, out);
}

enum store_rc
store_accounts(struct store *st, struct store_account **out, size_t *n)
{
	return store_rows(st, store_stmt(st, sql_accounts), &store_account_record, (void **)out, n);
}

enum store_rc
store_account_add(struct store *st, const char *name, const char *role, const char *centre,
                  const char *hash, bool must_change)
{
	char now[32];

	store_now(now);
	return store_run(st, store_stmt_args(st, sql_account_add, STORE_ARGS(STORE_T(name),
	    STORE_T(role), STORE_N(centre), STORE_N(hash), STORE_I(must_change), STORE_T(now))));
}

enum store_rc
store_account_hash(struct store *st, const char *name, char *buf, size_t size)
{
	return store_text_by(st, sql_account_hash, STORE_ARGS(STORE_T(name)), buf, size);
}

/* An UPDATE of one account: NOTFOUND when no row changed. */
static enum store_rc
store_account_update(struct store *st, struct store_stmt *s)
{
	enum store_rc rc = store_run(st, s);

	if (rc != STORE_OK)
		return rc;
	return store_changes(st) == 1 ? STORE_OK : STORE_NOTFOUND;
}

enum store_rc
store_account_set_password(struct store *st, const char *name, const char *hash,
                           bool must_change)
{
	char now[32];

	store_now(now);
	return store_account_update(st, store_stmt_args(st, sql_account_password,
	    STORE_ARGS(STORE_T(name), STORE_N(hash), STORE_I(must_change), STORE_T(now))));
}

enum store_rc
store_account_set_disabled(struct store *st, const char *name, bool disabled)
{
	struct store_stmt *s = store_stmt_args(st, sql_account_disabled, STORE_ARGS(STORE_T(name),
	    STORE_I(disabled)));

	return store_account_update(st, s);
}

/* sql with the failed-login count and the lock (0: none, stored NULL) of
 * the account `name` bound as both the account row and the attempts row
 * take them: ?1 name, ?2 failures, ?3 locked until. */
static struct store_stmt *
store_attempts_stmt(struct store *st, const char *sql, const char *name, int failed,
                    int64_t locked_until)
{
	struct store_stmt *s = store_stmt_args(st, sql, STORE_ARGS(STORE_T(name), STORE_I(failed)));

	if (s != NULL && locked_until > 0)
		stmt_bind_int64(s, 3, locked_until);
	else if (s != NULL)
		stmt_bind_null(s, 3);
	return s;
}

enum store_rc
store_account_set_failures(struct store *st, const char *name, int failed, int64_t locked_until)
{
	return store_account_update(st, store_attempts_stmt(st, sql_account_failures, name, failed,
	    locked_until));
}

enum store_rc
store_login_attempts_get(struct store *st, const char *name, int *failed, int64_t *locked_until)
{
	struct store_stmt *s = store_stmt(st, sql_attempts_get);
	int           rc;

	*failed = 0;
	*locked_until = 0;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, name);
	rc = stmt_step(s);
	if (rc == STMT_ROW) {
		*failed = stmt_col_int(s, 0);
		*locked_until = stmt_col_int64(s, 1);
	}
	stmt_reset(s);
	return rc == STMT_ROW || rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

enum store_rc
store_login_attempts_set(struct store *st, const char *name, int failed, int64_t locked_until)
{
	return store_run(st, store_attempts_stmt(st, sql_attempts_set, name, failed, locked_until));
}

/* ---- settings ---- */

static const char sql_setting_get[] = "SELECT value FROM settings WHERE key = ?1";
static const char sql_setting_set[] =
	"INSERT INTO settings (key, value) VALUES (?1, ?2)"
	" ON CONFLICT (key) DO UPDATE SET value = excluded.value";
static const char sql_setting_del[] = "DELETE FROM settings WHERE key = ?1";

enum store_rc
store_setting_get(struct store *st, const char *key, char *buf, size_t size)
{
	return store_text_by(st, sql_setting_get, STORE_ARGS(STORE_T(key)), buf, size);
}

enum store_rc
store_setting_set(struct store *st, const char *key, const char *value)
{
	struct store_stmt *s = store_stmt(st, value != NULL ? sql_setting_set : sql_setting_del);

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, key);
	if (value != NULL)
		stmt_bind_text(s, 2, value);
	return store_run(st, s);
}

/* ---- the file's mark ---- */

/* Where the engine keeps no mark outside the tables (PostgreSQL), the
 * settings row is the mark. */
static enum store_rc
store_db_kind_setting(struct store *st, enum store_db_kind *out)
{
	char          v[32];
	enum store_rc rc = store_setting_get(st, "db_mode", v, sizeof v);

	*out = STORE_DB_UNMARKED;
	if (rc == STORE_NOTFOUND)
		return STORE_OK;
	if (rc != STORE_OK)
		return rc;
	*out = strcmp(v, "production") == 0 ? STORE_DB_PRODUCTION :
	    strcmp(v, "training") == 0 ? STORE_DB_TRAINING :
	    strcmp(v, "rehearsal") == 0 ? STORE_DB_REHEARSAL : STORE_DB_OTHER;
	return STORE_OK;
}

enum store_rc
store_db_kind_get(struct store *st, enum store_db_kind *out)
{
	if (st->drv->mark_get == NULL)
		return store_db_kind_setting(st, out);
	if (st->drv->mark_get(st->conn, out) != STORE_OK)
		return store_fail(st, STMT_ERR);
	return STORE_OK;
}

enum store_rc
store_db_kind_set(struct store *st, enum store_db_kind kind)
{
	if (st->drv->mark_set != NULL && st->drv->mark_set(st->conn, kind) != STORE_OK)
		return store_fail(st, STMT_ERR);
	return store_setting_set(st, "db_mode", kind == STORE_DB_TRAINING ? "training" :
	    kind == STORE_DB_REHEARSAL ? "rehearsal" : "production");
}

/* ---- training wipe ---- */

/* Children before parents (foreign keys are on). The audit log is emptied
 * by the engine's own script (its append-only guards are lifted and put
 * back inside the same transaction): a training database starts a new
 * chain. */
static const char sql_training_wipe[] =
	"DELETE FROM addresses; DELETE FROM application_agents; DELETE FROM application_deliveries;"
	"DELETE FROM card_notices;"
	"DELETE FROM day_applications; DELETE FROM day_rules; DELETE FROM day_docs;"
	"DELETE FROM day_tallies; DELETE FROM auto_refusals;"
	"DELETE FROM application_rules;"
	"DELETE FROM fees;"
	"DELETE FROM sms_outbox;"
	"DELETE FROM endorsements;"
	"DELETE FROM changes;"
	"DELETE FROM cards;"
	"DELETE FROM permits;"
	"DELETE FROM registrations;"
	"DELETE FROM receipt_seq;"
	"DELETE FROM applications;"
	"DELETE FROM persons;"
	"DELETE FROM users WHERE name <> '" STORE_OWNER_ACCOUNT "';"
	"DELETE FROM login_attempts;"
	"DELETE FROM settings WHERE key = 'work_day';";

enum store_rc
store_training_wipe(struct store *st)
{
	enum store_db_kind kind;
	enum store_rc      rc;

	/* Never on production, whatever the caller believed. */
	if ((rc = store_db_kind_get(st, &kind)) != STORE_OK)
		return rc;
	if (kind != STORE_DB_TRAINING) {
		snprintf(st->err, sizeof st->err, "not a training database");
		return STORE_ERR;
	}
	if ((rc = store_exec(st, sql_training_wipe)) != STORE_OK ||
	    (rc = store_exec(st, st->drv->sql_audit_wipe)) != STORE_OK)
		return rc;
	/* The statements cached before are still valid (no table changed). */
	return STORE_OK;
}

/* ---- calendar ---- */

static const char sql_cal_del_days[] = "DELETE FROM holidays WHERE day BETWEEN ?1 AND ?2";
static const char sql_cal_del_year[] = "DELETE FROM holiday_years WHERE year = ?1";

enum store_rc
store_calendar_replace_year(struct store *st, int year, const struct calendar *cal)
{
	struct store_stmt *s = store_stmt(st, sql_cal_del_days);
	enum store_rc rc;

	if (s == NULL)
		return STORE_ERR;
	store_bind_date(s, 1, date_from_ymd(year, 1, 1));
	store_bind_date(s, 2, date_from_ymd(year, 12, 31));
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	if ((s = store_stmt(st, sql_cal_del_year)) == NULL)
		return STORE_ERR;
	stmt_bind_int(s, 1, year);
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	return store_calendar_save(st, cal);
}
