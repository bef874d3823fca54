/*
 * service_account.c: logging in, passwords, the administrators' account
 * actions, and the settings.
 *
 * Why temporary passwords: an account made without one went to whoever
 * typed its name first. Now every new or reset account gets a temporary
 * password (given by the administrator, or made here and shown once),
 * which serves once: to set the account's own (service_password_change).
 * A login with it issues no actor.
 *
 * Why the caller gives the time: lockout (5 failures, 15 minutes) and idle
 * logout are questions of the clock; with `now` an argument, the tests run
 * a quarter of an hour in a microsecond and the screens pass time(NULL).
 *
 * Why the hash is computed outside the transaction: yescrypt is slow on
 * purpose (tens of milliseconds); holding the write lock that long would
 * stall every counter of the centre at each login. The account is read,
 * the hash checked, and only then is the outcome (failures, lock, audit)
 * written in a short transaction that re-reads the account.
 */
#include "service_internal.h"

#include <crypt.h>
#include <pwquality.h>
#include <stdio.h>
#include <sys/random.h>
#include <stdlib.h>
#include <string.h>

static const char *const service_login_codes[] = {
	"ok", "denied", "locked", "needs_password", "disabled", "error",
};

const char *
service_login_code(enum service_login_result r)
{
	return (unsigned)r <= SERVICE_LOGIN_ERROR ? service_login_codes[r] : "unknown";
}

/* ---- hashing ---- */

/* A new yescrypt hash with its own random salt; false when libxcrypt
 * cannot make one. */
static bool
account_hash(const char *password, char out[CRYPT_OUTPUT_SIZE])
{
	char               salt[CRYPT_GENSALT_OUTPUT_SIZE];
	struct crypt_data *cd;
	bool               ok = false;

	if (crypt_gensalt_rn("$y$", 0, NULL, 0, salt, sizeof salt) == NULL)
		return false;
	if ((cd = calloc(1, sizeof *cd)) == NULL)
		return false;
	if (crypt_rn(password, salt, cd, sizeof *cd) != NULL && cd->output[0] != '*') {
		snprintf(out, CRYPT_OUTPUT_SIZE, "%s", cd->output);
		ok = true;
	}
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok;
}

/* Equal strings, in a time that does not depend on where they differ. */
static bool
account_equal(const char *a, const char *b)
{
	size_t        la = strlen(a), lb = strlen(b), n = la > lb ? la : lb;
	unsigned char d = la != lb;

	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)((i < la ? a[i] : 0) ^ (i < lb ? b[i] : 0));
	return d == 0;
}

/* A yescrypt hash of nothing anyone types (made once with the default
 * cost): checked against for an unknown account, so that it takes as long
 * to refuse as a known one. A constant, so no thread ever writes it. */
static const char account_dummy[] =
	"$y$j9T$gsLZ7NPxIGC8H6kFZlEC41$Eoq8tfHmSLV7V/ZgWc8.o7DIbmu1QGxwgXCWHCvzBRC";

/* Does `password` hash to `hash`? NULL: the dummy, never a match. */
static bool
account_verify(const char *password, const char *hash)
{
	const char        *dummy = account_dummy;
	struct crypt_data *cd;
	bool               ok;

	if (hash == NULL)
		hash = dummy;
	if ((cd = calloc(1, sizeof *cd)) == NULL)
		return false;
	ok = crypt_rn(password, hash, cd, sizeof *cd) != NULL && cd->output[0] != '*' &&
	    account_equal(cd->output, hash);
	explicit_bzero(cd, sizeof *cd);
	free(cd);
	return ok && hash != dummy;
}

bool
service_account_password_is(struct service *s, const char *user, const char *password)
{
	char hash[CRYPT_OUTPUT_SIZE];

	return store_account_hash(s->st, user, hash, sizeof hash) == STORE_OK && hash[0] != '\0' &&
	    account_verify(password, hash);
}

enum service_status
service_password_check(struct service *s, const char *user, const char *password)
{
	pwquality_settings_t *pq;
	void                 *aux = NULL;
	char                  buf[PWQ_MAX_ERROR_MESSAGE_LEN];
	const char           *why = "";
	int                   q;

	if (password == NULL || service_utf8_chars(password) < SERVICE_PASSWORD_MIN)
		return service_fail(s, SERVICE_ERR_INVALID, "a password has at least %d characters",
		    SERVICE_PASSWORD_MIN);
	if (strlen(password) > SERVICE_PASSWORD_MAX)
		return service_fail(s, SERVICE_ERR_INVALID, "a password has at most %d bytes",
		    SERVICE_PASSWORD_MAX);
	/* The system's policy (/etc/security/pwquality.conf) and cracklib's
	 * dictionary, as passwd(1) would judge it. */
	if ((pq = pwquality_default_settings()) == NULL)
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	pwquality_read_config(pq, NULL, &aux);
	aux = NULL;
	q = pwquality_check(pq, password, NULL, user, &aux);
	if (q < 0)   /* the message may be written into buf or be a constant */
		why = pwquality_strerror(buf, sizeof buf, q, aux);
	pwquality_free_settings(pq);
	if (q < 0)
		return service_fail(s, SERVICE_ERR_INVALID, "password refused: %s", why);
	return SERVICE_OK;
}

/* A temporary password: 16 letters and digits that cannot be misread, in
 * four groups, from the kernel's random source. */
enum service_status
service_make_password(struct service *s, char *out, size_t outlen)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789";
	unsigned char     r[16];
	size_t            n = 0;

	if (outlen < 20 || getrandom(r, sizeof r, 0) != (ssize_t)sizeof r)
		return service_fail(s, SERVICE_ERR_DB, "no random numbers (getrandom)");
	for (int i = 0; i < 16; i++) {
		if (i > 0 && i % 4 == 0)
			out[n++] = '-';
		out[n++] = alphabet[r[i] % (sizeof alphabet - 1)];
	}
	out[n] = '\0';
	explicit_bzero(r, sizeof r);
	return SERVICE_OK;
}

/* The temporary password of a new or reset account: `given` checked, or one
 * made; its hash into hash. */
static enum service_status
account_temporary(struct service *s, const char *user, const char *given, char *out,
                  size_t outlen, char hash[CRYPT_OUTPUT_SIZE])
{
	enum service_status st;

	if (given != NULL) {
		if ((st = service_password_check(s, user, given)) != SERVICE_OK)
			return st;
		if (strlen(given) >= outlen)
			return service_fail(s, SERVICE_ERR_INVALID, "password too long");
		snprintf(out, outlen, "%s", given);
	} else if ((st = service_make_password(s, out, outlen)) != SERVICE_OK)
		return st;
	if (!account_hash(out, hash))
		return service_fail(s, SERVICE_ERR_DB, "cannot hash the password (libxcrypt)");
	return SERVICE_OK;
}

enum service_status
service_account_put(struct service *s, const char *user, const char *role, const char *centre,
                    const char *password, bool must_change)
{
	struct store_account acc;
	char                 hash[CRYPT_OUTPUT_SIZE];
	enum store_rc        rc;

	if (!account_hash(password, hash))
		return service_fail(s, SERVICE_ERR_DB, "cannot hash the password (libxcrypt)");
	rc = store_account_get(s->st, user, &acc);
	if (rc == STORE_NOTFOUND)
		rc = store_account_add(s->st, user, role, centre, hash, must_change);
	else if (rc == STORE_OK)
		rc = store_account_set_password(s->st, user, hash, must_change);
	explicit_bzero(hash, sizeof hash);
	SERVICE_TRY(s, rc);
	return SERVICE_OK;
}

/* An audit entry on behalf of an account that is not (yet) an actor. */
static enum service_status
account_audit(struct service *s, time_t now, const char *user, const char *role,
              const char *centre, const char *action, const char *reason)
{
	struct store_audit_entry e = {
		service_day_of(now), user, role, centre != NULL && *centre != '\0' ? centre :
		    s->home_centre, action, user, reason,
	};

	SERVICE_TRY(s, store_audit_append(s->st, &e));
	return SERVICE_OK;
}

/* ---- logging in ---- */

struct login_arg {
	const char               *user;
	const char               *centre;
	time_t                    now;
	bool                      known, match;
	enum service_login_result result;
	struct service_login_info *info;
	char                      name[SERVICE_USER_LEN];  /* the name as typed, cut for the log */
};

/* A failed attempt for a name that is no account: counted and locked in
 * login_attempts exactly as users.failed_logins would be, so that the
 * answer (attempts left, the lock) does not tell the two apart. */
static enum service_status
login_unknown(struct service *s, struct login_arg *la)
{
	int     failures;
	int64_t locked;
	char    why[64];

	SERVICE_TRY(s, store_login_attempts_get(s->st, la->name, &failures, &locked));
	if (locked > 0 && (time_t)locked > la->now) {
		la->result = SERVICE_LOGIN_LOCKED;
		la->info->failures = failures;
		la->info->locked_until = (time_t)locked;
		return account_audit(s, la->now, la->name, "", la->centre, "login_locked",
		    "attempt while locked (no such account)");
	}
	if (locked > 0)
		failures = 0;
	failures++;
	la->info->failures = failures;
	if (failures >= SERVICE_LOGIN_ATTEMPTS) {
		la->info->locked_until = la->now + SERVICE_LOCK_SECONDS;
		SERVICE_TRY(s, store_login_attempts_set(s->st, la->name, failures,
		    (int64_t)la->info->locked_until));
		la->result = SERVICE_LOGIN_LOCKED;
		return account_audit(s, la->now, la->name, "", la->centre, "lockout",
		    "no such account");
	}
	SERVICE_TRY(s, store_login_attempts_set(s->st, la->name, failures, 0));
	la->info->attempts_left = SERVICE_LOGIN_ATTEMPTS - failures;
	la->result = SERVICE_LOGIN_DENIED;
	snprintf(why, sizeof why, "no such account (%d of %d)", failures, SERVICE_LOGIN_ATTEMPTS);
	return account_audit(s, la->now, la->name, "", la->centre, "login_failed", why);
}

static enum service_status
login_tx(struct service *s, void *arg)
{
	struct login_arg    *la = arg;
	struct store_account acc;
	enum store_rc        rc;
	int                  failures;
	char                 why[64];

	memset(la->info, 0, sizeof *la->info);
	rc = la->known ? store_account_get(s->st, la->user, &acc) : STORE_NOTFOUND;
	if (rc == STORE_NOTFOUND)   /* no such account, or removed meanwhile */
		return login_unknown(s, la);
	SERVICE_TRY(s, rc);
	failures = acc.failed_logins;
	if (acc.locked_until > 0 && (time_t)acc.locked_until > la->now) {
		la->result = SERVICE_LOGIN_LOCKED;
		la->info->failures = failures;
		la->info->locked_until = (time_t)acc.locked_until;
		return account_audit(s, la->now, acc.name, acc.role, la->centre, "login_locked",
		    "attempt while locked");
	}
	if (acc.locked_until > 0)
		failures = 0;   /* the lock has run out: a fresh count */
	if (la->match) {
		SERVICE_TRY(s, store_account_set_failures(s->st, acc.name, 0, 0));
		la->result = acc.disabled ? SERVICE_LOGIN_DISABLED : acc.must_change ?
		    SERVICE_LOGIN_NEEDS_PASSWORD : SERVICE_LOGIN_OK;
		la->info->attempts_left = SERVICE_LOGIN_ATTEMPTS;
		return account_audit(s, la->now, acc.name, acc.role, la->centre,
		    acc.disabled ? "login_disabled" : acc.must_change ? "login_temporary" : "login",
		    acc.disabled ? "account disabled" : acc.must_change ?
		    "temporary password: a new one must be set" : "");
	}
	failures++;
	la->info->failures = failures;
	if (failures >= SERVICE_LOGIN_ATTEMPTS) {
		la->info->locked_until = la->now + SERVICE_LOCK_SECONDS;
		SERVICE_TRY(s, store_account_set_failures(s->st, acc.name, failures,
		    (int64_t)la->info->locked_until));
		la->result = SERVICE_LOGIN_LOCKED;
		snprintf(why, sizeof why, "%d failures: locked for %d minutes", failures,
		    SERVICE_LOCK_SECONDS / 60);
		return account_audit(s, la->now, acc.name, acc.role, la->centre, "lockout", why);
	}
	SERVICE_TRY(s, store_account_set_failures(s->st, acc.name, failures, 0));
	la->info->attempts_left = SERVICE_LOGIN_ATTEMPTS - failures;
	la->result = SERVICE_LOGIN_DENIED;
	snprintf(why, sizeof why, "wrong password (%d of %d)", failures, SERVICE_LOGIN_ATTEMPTS);
	return account_audit(s, la->now, acc.name, acc.role, la->centre, "login_failed", why);
}

enum service_login_result
service_login(struct service *s, const char *user, const char *password, const char *centre,
              time_t now, struct service_actor *out, struct service_login_info *info)
{
	struct service_login_info dummy_info;
	struct store_account      acc;
	struct login_arg          la;
	enum store_rc             rc;
	char                      hash[CRYPT_OUTPUT_SIZE];

	if (info == NULL)
		info = &dummy_info;
	memset(info, 0, sizeof *info);
	if (out != NULL)
		memset(out, 0, sizeof *out);
	memset(&la, 0, sizeof la);
	la.user = user != NULL ? user : "";
	la.centre = centre;
	la.now = now;
	la.info = info;
	service_copy(la.name, sizeof la.name, la.user);
	if (centre != NULL && !service_centre_valid(s, centre)) {
		service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
		return SERVICE_LOGIN_ERROR;
	}
	rc = store_account_get(s->st, la.user, &acc);
	if (rc != STORE_OK && rc != STORE_NOTFOUND) {
		service_db_fail(s);
		return SERVICE_LOGIN_ERROR;
	}
	la.known = rc == STORE_OK && strcmp(acc.name, STORE_OWNER_ACCOUNT) != 0;
	hash[0] = '\0';
	if (la.known && acc.has_password &&
	    store_account_hash(s->st, acc.name, hash, sizeof hash) != STORE_OK) {
		service_db_fail(s);
		return SERVICE_LOGIN_ERROR;
	}
	/* Locked accounts are not even checked: the lock also stops guessing. */
	if (!(la.known && acc.locked_until > 0 && (time_t)acc.locked_until > now))
		la.match = account_verify(password != NULL ? password : "",
		    la.known && hash[0] != '\0' ? hash : NULL);
	explicit_bzero(hash, sizeof hash);
	if (service_tx(s, login_tx, &la) != SERVICE_OK)
		return SERVICE_LOGIN_ERROR;
	if (la.result == SERVICE_LOGIN_OK && out != NULL &&
	    service_actor_issue(s, la.user, centre, false, out) != SERVICE_OK)
		return SERVICE_LOGIN_ERROR;
	if (la.result == SERVICE_LOGIN_DENIED)
		service_fail(s, SERVICE_ERR_DENIED, "wrong user name or password");
	else if (la.result == SERVICE_LOGIN_LOCKED)
		service_fail(s, SERVICE_ERR_DENIED, "the account is locked for %d minutes after %d"
		    " failed logins", SERVICE_LOCK_SECONDS / 60, SERVICE_LOGIN_ATTEMPTS);
	else if (la.result == SERVICE_LOGIN_DISABLED)
		service_fail(s, SERVICE_ERR_DENIED, "the account is disabled");
	else if (la.result == SERVICE_LOGIN_NEEDS_PASSWORD)
		service_fail(s, SERVICE_ERR_STATE, "a temporary password: it serves only to set the"
		    " account's own (jzz user password --new-password-file F)");
	return la.result;
}

/* ---- passwords ---- */

struct password_arg {
	const char *user;
	const char *hash;
	time_t      now;
};

static enum service_status
password_tx(struct service *s, void *arg)
{
	struct password_arg *pa = arg;
	struct store_account acc;
	enum store_rc        rc = store_account_get(s->st, pa->user, &acc);

	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no user %s", pa->user);
	SERVICE_TRY(s, rc);
	if (acc.disabled)
		return service_fail(s, SERVICE_ERR_DENIED, "the account %s is disabled", pa->user);
	SERVICE_TRY(s, store_account_set_password(s->st, acc.name, pa->hash, false));
	return account_audit(s, pa->now, acc.name, acc.role, NULL,
	    acc.must_change ? "password_set" : "password_changed", "");
}

enum service_status
service_password_change(struct service *s, const char *user, const char *old_password,
                        const char *new_password, time_t now)
{
	struct service_login_info info;
	enum service_login_result r;
	struct password_arg       pa = { user, NULL, now };
	char                      hash[CRYPT_OUTPUT_SIZE];
	enum service_status       st;

	if (user == NULL || old_password == NULL)
		return service_fail(s, SERVICE_ERR_INVALID, "no user or old password");
	if ((st = service_password_check(s, user, new_password)) != SERVICE_OK)
		return st;
	if (strcmp(old_password, new_password) == 0)
		return service_fail(s, SERVICE_ERR_INVALID, "the new password must differ from the"
		    " old one");
	/* The old password goes through a login, so that guessing it here
	 * counts towards the lock like anywhere else. */
	r = service_login(s, user, old_password, NULL, now, NULL, &info);
	if (r == SERVICE_LOGIN_ERROR)
		return SERVICE_ERR_DB;
	if (r != SERVICE_LOGIN_OK && r != SERVICE_LOGIN_NEEDS_PASSWORD)
		return SERVICE_ERR_DENIED;
	if (!account_hash(new_password, hash))
		return service_fail(s, SERVICE_ERR_DB, "cannot hash the password (libxcrypt)");
	pa.hash = hash;
	st = service_tx(s, password_tx, &pa);
	explicit_bzero(hash, sizeof hash);
	return st;
}

/* ---- administrators' actions ---- */

struct service_user_arg {
	const struct service_actor *a;
	const char                 *user, *centre;
	enum service_role           role;
	const char                 *hash;
};

static enum service_status
service_user_add_tx(struct service *s, void *arg)
{
	struct service_user_arg *ua = arg;
	struct store_account     acc;
	enum store_rc            rc = store_account_get(s->st, ua->user, &acc);

	if (rc == STORE_OK)
		return service_fail(s, SERVICE_ERR_EXISTS, "user %s exists", ua->user);
	if (rc != STORE_NOTFOUND)
		return service_store_fail(s, rc);
	SERVICE_TRY(s, store_account_add(s->st, ua->user, service_role_code(ua->role), ua->centre,
	    ua->hash, true));
	return service_audit(s, ua->a, service_real_today(), "user_add", ua->user,
	    service_role_code(ua->role));
}

enum service_status
service_user_add(struct service *s, const struct service_actor *a, const char *user,
                 enum service_role role, const char *centre, const char *password,
                 char *out, size_t outlen)
{
	struct service_user_arg ua = { a, user, centre, role, NULL };
	enum service_status     st;
	char                    hash[CRYPT_OUTPUT_SIZE];

	if ((st = service_allow(s, a, SERVICE_ACT_USER_ADD)) != SERVICE_OK)
		return st;
	if (!service_user_name_ok(user))
		return service_fail(s, SERVICE_ERR_INVALID, "an account name is 1 to 32 of a-z A-Z"
		    " 0-9 . _ - (and not \"owner\")");
	if ((unsigned)role >= SERVICE_ROLE__COUNT)
		return service_fail(s, SERVICE_ERR_INVALID, "unknown role");
	if (centre != NULL && !service_centre_valid(s, centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
	if ((st = account_temporary(s, user, password, out, outlen, hash)) != SERVICE_OK)
		return st;
	ua.hash = hash;
	st = service_tx(s, service_user_add_tx, &ua);
	explicit_bzero(hash, sizeof hash);
	if (st != SERVICE_OK)
		explicit_bzero(out, outlen);
	return st;
}

enum account_action { ACCOUNT_DISABLE, ACCOUNT_ENABLE, ACCOUNT_RESET };

struct account_arg {
	const struct service_actor *a;
	const char                 *user;
	time_t                      now;
	enum account_action         action;
	const char                 *hash;   /* reset: the temporary password's */
};

static enum service_status
account_tx(struct service *s, void *arg)
{
	static const char *const actions[] = { "user_disable", "user_enable", "user_reset" };
	struct account_arg      *aa = arg;
	struct store_account     acc;
	enum store_rc            rc = store_account_get(s->st, aa->user, &acc);

	if (rc == STORE_NOTFOUND || (rc == STORE_OK && strcmp(acc.name, STORE_OWNER_ACCOUNT) == 0))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no user %s", aa->user);
	SERVICE_TRY(s, rc);
	switch (aa->action) {
	case ACCOUNT_DISABLE:
		SERVICE_TRY(s, store_account_set_disabled(s->st, acc.name, true));
		break;
	case ACCOUNT_ENABLE:
		SERVICE_TRY(s, store_account_set_disabled(s->st, acc.name, false));
		SERVICE_TRY(s, store_account_set_failures(s->st, acc.name, 0, 0));
		break;
	case ACCOUNT_RESET:
		SERVICE_TRY(s, store_account_set_password(s->st, acc.name, aa->hash, true));
		break;
	}
	return service_audit(s, aa->a, service_day_of(aa->now), actions[aa->action], acc.name,
	    acc.role);
}

static enum service_status
account_action(struct service *s, const struct service_actor *a, const char *user, time_t now,
               enum account_action action, const char *hash)
{
	struct account_arg  aa = { a, user, now, action, hash };
	enum service_status st;

	if ((st = service_allow(s, a, SERVICE_ACT_ACCOUNTS)) != SERVICE_OK)
		return st;
	if (user == NULL || *user == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "no user");
	if (action == ACCOUNT_DISABLE && strcmp(user, a->user) == 0)
		return service_fail(s, SERVICE_ERR_INVALID, "an administrator cannot disable their"
		    " own account");
	return service_tx(s, account_tx, &aa);
}

enum service_status
service_user_disable(struct service *s, const struct service_actor *a, const char *user,
                     time_t now)
{
	return account_action(s, a, user, now, ACCOUNT_DISABLE, NULL);
}

enum service_status
service_user_enable(struct service *s, const struct service_actor *a, const char *user,
                    time_t now)
{
	return account_action(s, a, user, now, ACCOUNT_ENABLE, NULL);
}

enum service_status
service_user_reset(struct service *s, const struct service_actor *a, const char *user,
                   time_t now, const char *password, char *out, size_t outlen)
{
	char                hash[CRYPT_OUTPUT_SIZE];
	enum service_status st;

	if ((st = service_allow(s, a, SERVICE_ACT_ACCOUNTS)) != SERVICE_OK)
		return st;
	if ((st = account_temporary(s, user, password, out, outlen, hash)) != SERVICE_OK)
		return st;
	st = account_action(s, a, user, now, ACCOUNT_RESET, hash);
	explicit_bzero(hash, sizeof hash);
	if (st != SERVICE_OK)
		explicit_bzero(out, outlen);
	return st;
}

/* An account as the list shows it, locked or not at `*ctx` (a time_t). */
static enum service_status
service_user_fill(struct service *s, void *item, const void *row, void *ctx)
{
	struct service_user        *u = item;
	const struct store_account *r = row;
	int                         role = service_role_from_code(r->role);

	(void)s;
	service_copy(u->user, sizeof u->user, r->name);
	u->role = role < 0 ? SERVICE_ROLE_CLERK : (enum service_role)role;
	service_copy(u->centre, sizeof u->centre, r->centre);
	u->has_password = r->has_password;
	u->must_change = r->must_change;
	u->disabled = r->disabled;
	u->locked_until = (time_t)r->locked_until;
	u->locked = u->locked_until > *(const time_t *)ctx;
	u->failures = r->failed_logins;
	service_copy(u->created_at, sizeof u->created_at, r->created_at);
	service_copy(u->password_set_at, sizeof u->password_set_at, r->password_set_at);
	return SERVICE_OK;
}

enum service_status
service_users_list(struct service *s, const struct service_actor *a, time_t now,
                   struct service_user_list *out)
{
	struct store_account *rows;
	size_t                n;
	enum service_status   st;

	SERVICE_LIST_FOR(st, s, a, SERVICE_ACT_ACCOUNTS, store_accounts(s->st, &rows, &n), rows, n,
	    out, service_user_fill, &now);
	return st;
}

void
service_user_list_free(struct service_user_list *l)
{
	SERVICE_LIST_FREE(l);
}

/* ---- settings ---- */

int
service_idle_minutes(struct service *s)
{
	char  buf[32];
	char *end;
	long  v;

	if (store_setting_get(s->st, "idle_minutes", buf, sizeof buf) != STORE_OK)
		return SERVICE_IDLE_DEFAULT;
	v = strtol(buf, &end, 10);
	return *end == '\0' && v >= 1 && v <= 480 ? (int)v : SERVICE_IDLE_DEFAULT;
}

bool
service_idle_expired(struct service *s, time_t last_activity, time_t now)
{
	return now - last_activity >= (time_t)service_idle_minutes(s) * 60;
}

enum service_status
service_setting_get(struct service *s, const char *key, char *buf, size_t size)
{
	enum store_rc rc;

	if (size > 0)
		buf[0] = '\0';
	if (key == NULL || (strcmp(key, "idle_minutes") != 0 && strcmp(key, "db_mode") != 0 &&
	    strcmp(key, "work_day") != 0))
		return service_fail(s, SERVICE_ERR_INVALID, "no setting %s", key != NULL ? key : "");
	if (strcmp(key, "idle_minutes") == 0) {
		snprintf(buf, size, "%d", service_idle_minutes(s));
		return SERVICE_OK;
	}
	rc = store_setting_get(s->st, key, buf, size);
	if (rc == STORE_NOTFOUND) {
		if (strcmp(key, "db_mode") == 0)
			snprintf(buf, size, "%s", s->mode == SERVICE_DB_TRAINING ? "training" :
			    "production");
		return SERVICE_OK;
	}
	if (rc != STORE_OK)
		return service_db_fail(s);
	return SERVICE_OK;
}

struct setting_arg {
	const struct service_actor *a;
	const char                 *key, *value;
	time_t                      now;
};

static enum service_status
setting_tx(struct service *s, void *arg)
{
	struct setting_arg *sa = arg;

	SERVICE_TRY(s, store_setting_set(s->st, sa->key, sa->value));
	return service_audit(s, sa->a, service_day_of(sa->now), "setting", sa->key,
	    sa->value != NULL ? sa->value : "(cleared)");
}

enum service_status
service_setting_set(struct service *s, const struct service_actor *a, const char *key,
                    const char *value, time_t now)
{
	struct setting_arg  sa = { a, key, value, now };
	enum service_status st;
	char                buf[16];
	char               *end;
	long                v;

	if ((st = service_allow(s, a, SERVICE_ACT_LOOK)) != SERVICE_OK)
		return st;
	if (key != NULL && strcmp(key, "work_day") == 0) {
		jzz_date d = JZZ_DATE_NONE;

		if (value != NULL && *value != '\0' && !date_parse(value, strlen(value), &d))
			return service_fail(s, SERVICE_ERR_INVALID, "work_day: %s is not a date", value);
		return service_training_set_day(s, a, d);
	}
	if (key == NULL || strcmp(key, "idle_minutes") != 0)
		return service_fail(s, SERVICE_ERR_INVALID, "%s: not a setting one may change",
		    key != NULL ? key : "");
	if ((st = service_role_check(s, a, SERVICE_ACT_SETTINGS)) != SERVICE_OK)
		return st;
	v = value != NULL ? strtol(value, &end, 10) : 0;
	if (value == NULL || *value == '\0' || *end != '\0' || v < 1 || v > 480)
		return service_fail(s, SERVICE_ERR_INVALID, "idle_minutes: a number of minutes,"
		    " 1 to 480");
	snprintf(buf, sizeof buf, "%ld", v);
	sa.value = buf;
	return service_tx(s, setting_tx, &sa);
}
