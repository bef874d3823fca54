/*
 * store_accounts.c: accounts (passwords, lockout, disabling), settings, the
 * production/training mark of the file, the training wipe, and replacing a
 * year of the calendar (issue 5).
 *
 * Why the mark lives in the file's header (PRAGMA application_id) as well as
 * in the settings table: the header is what `file(1)` and any tool see
 * before opening a single table, so a training copy can never pass for the
 * production database by its name alone; the settings row says the same in
 * words for whoever reads the tables. The store only reads and writes them;
 * refusing a file opened in the wrong mode is the service layer's decision.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* 'JZZP' and 'JZZT'. */
#define STORE_APPID_PRODUCTION 1247435344
#define STORE_APPID_TRAINING   1247435348
#define STORE_APPID_REHEARSAL  1247435346   /* 'JZZR' */

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
	" session_gen = session_gen + (?3 IS NOT NULL) WHERE name = ?1";
static const char sql_attempts_get[] =
	"SELECT failed_logins, coalesce(locked_until, 0) FROM login_attempts WHERE name = ?1";
static const char sql_attempts_set[] =
	"INSERT INTO login_attempts (name, failed_logins, locked_until) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (name) DO UPDATE SET failed_logins = excluded.failed_logins,"
	" locked_until = excluded.locked_until";

static void
store_account_read(sqlite3_stmt *s, struct store_account *a)
{
	memset(a, 0, sizeof *a);
	store_col_text(s, 0, a->name, sizeof a->name);
	store_col_text(s, 1, a->role, sizeof a->role);
	store_col_text(s, 2, a->centre, sizeof a->centre);
	a->has_password = sqlite3_column_int(s, 3) != 0;
	a->must_change = sqlite3_column_int(s, 4) != 0;
	a->disabled = sqlite3_column_int(s, 5) != 0;
	a->failed_logins = sqlite3_column_int(s, 6);
	a->locked_until = sqlite3_column_int64(s, 7);
	a->session_gen = sqlite3_column_int64(s, 8);
	store_col_text(s, 9, a->created_at, sizeof a->created_at);
	store_col_text(s, 10, a->password_set_at, sizeof a->password_set_at);
}

enum store_rc
store_account_get(struct store *st, const char *name, struct store_account *out)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_get);
	int           rc;

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_account_read(s, out);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	return rc == SQLITE_DONE ? STORE_NOTFOUND : store_fail(st, rc);
}

/* store_account_read as store_rows calls it. */
static void
store_account_row(sqlite3_stmt *s, void *row)
{
	store_account_read(s, row);
}

enum store_rc
store_accounts(struct store *st, struct store_account **out, size_t *n)
{
	sqlite3_stmt *s = store_stmt(st, sql_accounts);

	*out = NULL;
	*n = 0;
	if (s == NULL)
		return STORE_ERR;
	return store_rows(st, s, sizeof **out, store_account_row, (void **)out, n);
}

enum store_rc
store_account_add(struct store *st, const char *name, const char *role, const char *centre,
                  const char *hash, bool must_change)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_add);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, role, -1, SQLITE_STATIC);
	store_bind_text(s, 3, centre != NULL && *centre != '\0' ? centre : NULL);
	store_bind_text(s, 4, hash);
	sqlite3_bind_int(s, 5, must_change);
	sqlite3_bind_text(s, 6, now, -1, SQLITE_STATIC);
	return store_run(st, s);
}

enum store_rc
store_account_hash(struct store *st, const char *name, char *buf, size_t size)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_hash);
	int           rc;

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_col_text(s, 0, buf, size);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	return rc == SQLITE_DONE ? STORE_NOTFOUND : store_fail(st, rc);
}

/* An UPDATE of one account: NOTFOUND when no row changed. */
static enum store_rc
store_account_update(struct store *st, sqlite3_stmt *s)
{
	enum store_rc rc = store_run(st, s);

	if (rc != STORE_OK)
		return rc;
	return sqlite3_changes(st->db) == 1 ? STORE_OK : STORE_NOTFOUND;
}

enum store_rc
store_account_set_password(struct store *st, const char *name, const char *hash,
                           bool must_change)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_password);
	char          now[32];

	if (s == NULL)
		return STORE_ERR;
	store_now(now);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	store_bind_text(s, 2, hash);
	sqlite3_bind_int(s, 3, must_change);
	sqlite3_bind_text(s, 4, now, -1, SQLITE_STATIC);
	return store_account_update(st, s);
}

enum store_rc
store_account_set_disabled(struct store *st, const char *name, bool disabled)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_disabled);

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, disabled);
	return store_account_update(st, s);
}

enum store_rc
store_account_set_failures(struct store *st, const char *name, int failed, int64_t locked_until)
{
	sqlite3_stmt *s = store_stmt(st, sql_account_failures);

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, failed);
	if (locked_until > 0)
		sqlite3_bind_int64(s, 3, locked_until);
	else
		sqlite3_bind_null(s, 3);
	return store_account_update(st, s);
}

enum store_rc
store_login_attempts_get(struct store *st, const char *name, int *failed, int64_t *locked_until)
{
	sqlite3_stmt *s = store_stmt(st, sql_attempts_get);
	int           rc;

	*failed = 0;
	*locked_until = 0;
	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*failed = sqlite3_column_int(s, 0);
		*locked_until = sqlite3_column_int64(s, 1);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STORE_OK : store_fail(st, rc);
}

enum store_rc
store_login_attempts_set(struct store *st, const char *name, int failed, int64_t locked_until)
{
	sqlite3_stmt *s = store_stmt(st, sql_attempts_set);

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, failed);
	if (locked_until > 0)
		sqlite3_bind_int64(s, 3, locked_until);
	else
		sqlite3_bind_null(s, 3);
	return store_run(st, s);
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
	sqlite3_stmt *s = store_stmt(st, sql_setting_get);
	int           rc;

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		store_col_text(s, 0, buf, size);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return STORE_OK;
	return rc == SQLITE_DONE ? STORE_NOTFOUND : store_fail(st, rc);
}

enum store_rc
store_setting_set(struct store *st, const char *key, const char *value)
{
	sqlite3_stmt *s = store_stmt(st, value != NULL ? sql_setting_set : sql_setting_del);

	if (s == NULL)
		return STORE_ERR;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (value != NULL)
		sqlite3_bind_text(s, 2, value, -1, SQLITE_STATIC);
	return store_run(st, s);
}

/* ---- the file's mark ---- */

static const char sql_appid_get[] = "PRAGMA application_id";
/* PRAGMA takes no bound value: one constant text per mark. */
static const char sql_appid_production[] = "PRAGMA application_id = 1247435344";
static const char sql_appid_training[] = "PRAGMA application_id = 1247435348";
static const char sql_appid_rehearsal[] = "PRAGMA application_id = 1247435346";

enum store_rc
store_db_kind_get(struct store *st, enum store_db_kind *out)
{
	sqlite3_stmt *s = store_stmt(st, sql_appid_get);
	int           rc;
	long long     id = 0;

	*out = STORE_DB_UNMARKED;
	if (s == NULL)
		return STORE_ERR;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return store_fail(st, rc);
	*out = id == 0 ? STORE_DB_UNMARKED : id == STORE_APPID_PRODUCTION ? STORE_DB_PRODUCTION :
	    id == STORE_APPID_TRAINING ? STORE_DB_TRAINING :
	    id == STORE_APPID_REHEARSAL ? STORE_DB_REHEARSAL : STORE_DB_OTHER;
	return STORE_OK;
}

enum store_rc
store_db_kind_set(struct store *st, enum store_db_kind kind)
{
	enum store_rc rc;

	rc = store_run(st, store_stmt(st, kind == STORE_DB_TRAINING ? sql_appid_training :
	    kind == STORE_DB_REHEARSAL ? sql_appid_rehearsal : sql_appid_production));
	if (rc != STORE_OK)
		return rc;
	return store_setting_set(st, "db_mode", kind == STORE_DB_TRAINING ? "training" :
	    kind == STORE_DB_REHEARSAL ? "rehearsal" : "production");
}

/* ---- training wipe ---- */

/* Children before parents (foreign keys are on). The audit log's
 * append-only triggers are dropped and made again inside the same
 * transaction: a training database starts a new chain. */
static const char sql_training_wipe[] =
	"DELETE FROM addresses; DELETE FROM application_agents; DELETE FROM application_deliveries;"
	"DELETE FROM card_notices;"
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
	"DELETE FROM settings WHERE key = 'work_day';"
	"DROP TRIGGER audit_log_no_delete;"
	"DELETE FROM audit_log;"
	"CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
	"  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;";

enum store_rc
store_training_wipe(struct store *st)
{
	enum store_db_kind kind;
	enum store_rc      rc;
	char              *msg = NULL;
	int                erc;

	/* Never on production, whatever the caller believed. */
	if ((rc = store_db_kind_get(st, &kind)) != STORE_OK)
		return rc;
	if (kind != STORE_DB_TRAINING) {
		snprintf(st->err, sizeof st->err, "not a training database");
		return STORE_ERR;
	}
	erc = sqlite3_exec(st->db, sql_training_wipe, NULL, NULL, &msg);
	if (erc != SQLITE_OK) {
		snprintf(st->err, sizeof st->err, "%s", msg != NULL ? msg : sqlite3_errstr(erc));
		sqlite3_free(msg);
		return (erc & 0xff) == SQLITE_BUSY ? STORE_BUSY : STORE_ERR;
	}
	/* The statements cached before are still valid (no table changed). */
	return STORE_OK;
}

/* ---- calendar ---- */

static const char sql_cal_del_days[] = "DELETE FROM holidays WHERE day BETWEEN ?1 AND ?2";
static const char sql_cal_del_year[] = "DELETE FROM holiday_years WHERE year = ?1";

enum store_rc
store_calendar_replace_year(struct store *st, int year, const struct calendar *cal)
{
	sqlite3_stmt *s = store_stmt(st, sql_cal_del_days);
	enum store_rc rc;

	if (s == NULL)
		return STORE_ERR;
	store_bind_date(s, 1, date_from_ymd(year, 1, 1));
	store_bind_date(s, 2, date_from_ymd(year, 12, 31));
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	if ((s = store_stmt(st, sql_cal_del_year)) == NULL)
		return STORE_ERR;
	sqlite3_bind_int(s, 1, year);
	if ((rc = store_run(st, s)) != STORE_OK)
		return rc;
	return store_calendar_save(st, cal);
}
