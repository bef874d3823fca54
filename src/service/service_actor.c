/*
 * service_actor.c: who acts. Roles, the issuing of actors (a login, the
 * owner check), and the check every service function makes of its actor
 * before it acts.
 *
 * Why sessions: an actor used to be a struct any caller could fill in, so
 * `--user admin` was all it took to be the administrator. Now the service
 * issues every actor itself and keeps a list of what it issued on the
 * handle; an actor the service did not issue is refused. And because an
 * account can be disabled, locked or reset while a clerk is logged in, the
 * check reads the account again at every act and compares its session
 * generation (users.session_gen, raised by each of those) with the one the
 * session began with.
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

/* ---- roles ---- */

#define ROLE(r) (1u << SERVICE_ROLE_##r)
#define ROLES_WRITE (ROLE(CLERK) | ROLE(SUPERVISOR) | ROLE(ADMIN))
#define ROLES_SUPERVISE (ROLE(SUPERVISOR) | ROLE(ADMIN))

/*
 * Which roles may do which act, and what the others are told: the policy
 * of roles, stated once (docs/security.md). Every service function that
 * takes an actor begins with service_allow of its act.
 */
static const struct service_act_rule service_act_rules[SERVICE_ACT__COUNT] = {
	[SERVICE_ACT_LOOK]     = { .roles = ROLES_WRITE | ROLE(TRAINER), .denied = "" },
	[SERVICE_ACT_BUSINESS] = { .roles = ROLES_WRITE, .names_role = true,
	                           .denied = "may not perform businesses" },
	[SERVICE_ACT_CANCEL]   = { .roles = ROLES_SUPERVISE, .within = SERVICE_ACT_BUSINESS,
	                           .denied = "cancellation: a supervisor only (PERMIT-10)" },
	[SERVICE_ACT_WRITE]    = { .roles = ROLES_WRITE, .denied = "the trainer role writes nothing" },
	[SERVICE_ACT_SMS]      = { .roles = ROLES_WRITE,
	                           .denied = "the trainer role reads no messages" },
	[SERVICE_ACT_PAPER]    = { .roles = ROLES_WRITE,
	                           .denied = "papers: clerk, supervisor or administrator only" },
	[SERVICE_ACT_REPORT]   = { .roles = ROLES_SUPERVISE,
	                           .denied = "reports: supervisor or administrator only" },
	[SERVICE_ACT_BATCH]    = { .roles = ROLES_SUPERVISE,
	                           .denied = "batches: supervisor or administrator only" },
	[SERVICE_ACT_AUDIT]    = { .roles = ROLES_SUPERVISE,
	                           .denied = "audit: supervisor or administrator only" },
	[SERVICE_ACT_BACKUP]   = { .roles = ROLES_SUPERVISE,
	                           .denied = "backup: supervisor or administrator only" },
	[SERVICE_ACT_CALENDAR] = { .roles = ROLE(ADMIN), .denied = "calendars: an administrator only" },
	[SERVICE_ACT_USER_ADD] = { .roles = ROLE(ADMIN), .denied = "only an administrator adds users" },
	[SERVICE_ACT_ACCOUNTS] = { .roles = ROLE(ADMIN), .denied = "accounts: an administrator only" },
	[SERVICE_ACT_SETTINGS] = { .roles = ROLE(ADMIN), .denied = "settings: an administrator only" },
	[SERVICE_ACT_TRAINING] = { .roles = ROLE(TRAINER) | ROLE(ADMIN),
	                           .denied = "training: a trainer or administrator only" },
	[SERVICE_ACT_SEED]     = { .roles = ROLE(ADMIN), .owner_only = true,
	                           .denied = "seed: the database's owner only" },
};

const struct service_act_rule *
service_act_rule(enum service_act act)
{
	return &service_act_rules[(unsigned)act < SERVICE_ACT__COUNT ? act : SERVICE_ACT_LOOK];
}

bool
service_role_may(enum service_role role, enum service_act act)
{
	const struct service_act_rule *r = service_act_rule(act);

	return (unsigned)role < SERVICE_ROLE__COUNT && (unsigned)act < SERVICE_ACT__COUNT &&
	    (r->roles & (1u << role)) != 0 && (r->within == act || service_role_may(role, r->within));
}

enum service_status
service_role_check(struct service *s, const struct service_actor *a, enum service_act act)
{
	const struct service_act_rule *r = service_act_rule(act);
	enum service_status            st;

	if (r->within != act && (st = service_role_check(s, a, r->within)) != SERVICE_OK)
		return st;
	if ((unsigned)a->role < SERVICE_ROLE__COUNT && (r->roles & (1u << a->role)) != 0 &&
	    (!r->owner_only || strcmp(a->user, STORE_OWNER_ACCOUNT) == 0))
		return SERVICE_OK;
	if (r->names_role)
		return service_fail(s, SERVICE_ERR_DENIED, "%s %s", service_role_code(a->role),
		    r->denied);
	return service_fail(s, SERVICE_ERR_DENIED, "%s", r->denied);
}

enum service_status
service_allow(struct service *s, const struct service_actor *a, enum service_act act)
{
	enum service_status st = service_check_actor(s, a);

	return st != SERVICE_OK ? st : service_role_check(s, a, act);
}

enum service_status
service_allow_into(struct service *s, const struct service_actor *a, enum service_act act,
                   void *out, size_t size)
{
	memset(out, 0, size);
	return service_allow(s, a, act);
}

bool
service_user_name_ok(const char *name)
{
	size_t n;

	if (name == NULL || (n = strlen(name)) == 0 || n > 32 ||
	    strcmp(name, STORE_OWNER_ACCOUNT) == 0)
		return false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '.' || c == '_' || c == '-'))
			return false;
	}
	return true;
}

/* ---- sessions ---- */

static struct service_session *
actor_session_find(struct service *s, uint64_t id)
{
	for (size_t i = 0; id != 0 && i < s->nsessions; i++)
		if (s->sessions[i].id == id)
			return &s->sessions[i];
	return NULL;
}

/* Issues `out` for the account `acc` at `centre`: a new session on the
 * handle. */
static enum service_status
actor_issue(struct service *s, const struct store_account *acc, const char *centre, bool owner,
            struct service_actor *out)
{
	struct service_session *ns;
	int                     role = service_role_from_code(acc->role);
	uint64_t                id = 0;

	memset(out, 0, sizeof *out);
	if (role < 0)
		return service_fail(s, SERVICE_ERR_DB, "account %s has an unknown role", acc->name);
	if (centre == NULL)
		centre = acc->centre[0] != '\0' ? acc->centre : s->home_centre;
	if (!service_centre_valid(s, centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
	while (id == 0)
		if (getrandom(&id, sizeof id, 0) != (ssize_t)sizeof id)
			return service_fail(s, SERVICE_ERR_DB, "no random numbers (getrandom)");
	ns = realloc(s->sessions, (s->nsessions + 1) * sizeof *ns);
	if (ns == NULL)
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	s->sessions = ns;
	ns = &s->sessions[s->nsessions++];
	memset(ns, 0, sizeof *ns);
	ns->id = id;
	ns->gen = acc->session_gen;
	ns->owner = owner;
	service_copy(ns->user, sizeof ns->user, acc->name);
	service_copy(out->user, sizeof out->user, acc->name);
	out->role = (enum service_role)role;
	service_copy(out->centre, sizeof out->centre, centre);
	out->session = id;
	return SERVICE_OK;
}

enum service_status
service_actor_issue(struct service *s, const char *user, const char *centre, bool owner,
                    struct service_actor *out)
{
	struct store_account acc;
	enum store_rc        rc = store_account_get(s->st, user, &acc);

	memset(out, 0, sizeof *out);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no account %s", user);
	if (rc != STORE_OK)
		return service_store_fail(s, rc == STORE_BUSY ? STORE_ERR : rc);
	if (acc.disabled)
		return service_fail(s, SERVICE_ERR_DENIED, "the account %s is disabled", user);
	if (acc.locked_until > 0 && (time_t)acc.locked_until > time(NULL))
		return service_fail(s, SERVICE_ERR_DENIED, "the account %s is locked", user);
	return actor_issue(s, &acc, centre, owner, out);
}

enum service_status
service_actor_owner(struct service *s, const char *centre, struct service_actor *out)
{
	bool owner = false;

	memset(out, 0, sizeof *out);
	if (store_is_owner(s->st, &owner) != STORE_OK)
		return service_db_fail(s);
	if (!owner)
		return service_fail(s, SERVICE_ERR_DENIED, "only the database's owner acts without"
		    " --user; give --user NAME and its password");
	return service_actor_issue(s, STORE_OWNER_ACCOUNT, centre, true, out);
}

enum service_status
service_actor_as(struct service *s, const struct service_actor *owner, const char *user,
                 const char *centre, struct service_actor *out)
{
	struct service_session *os;
	enum service_status     st;

	memset(out, 0, sizeof *out);
	if ((st = service_check_actor(s, owner)) != SERVICE_OK)
		return st;
	os = actor_session_find(s, owner->session);
	if (os == NULL || !os->owner)
		return service_fail(s, SERVICE_ERR_DENIED, "only the database's owner acts in the"
		    " name of an account");
	if (user == NULL || strcmp(user, STORE_OWNER_ACCOUNT) == 0)
		return service_fail(s, SERVICE_ERR_INVALID, "no account named");
	return service_actor_issue(s, user, centre, false, out);
}

void
service_actor_end(struct service *s, const struct service_actor *a)
{
	for (size_t i = 0; a != NULL && i < s->nsessions; i++)
		if (s->sessions[i].id == a->session) {
			s->sessions[i] = s->sessions[--s->nsessions];
			return;
		}
}

enum service_status
service_check_actor(struct service *s, const struct service_actor *a)
{
	struct service_session *ss;
	struct store_account    acc;
	enum store_rc           rc;

	if (a == NULL || a->user[0] == '\0')
		return service_fail(s, SERVICE_ERR_SESSION, "no actor: log in first");
	ss = actor_session_find(s, a->session);
	if (ss == NULL || strcmp(ss->user, a->user) != 0)
		return service_fail(s, SERVICE_ERR_SESSION, "%s is not logged in", a->user);
	if ((unsigned)a->role >= SERVICE_ROLE__COUNT)
		return service_fail(s, SERVICE_ERR_INVALID, "unknown role");
	if (!service_centre_valid(s, a->centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "unknown centre %s", a->centre);
	if (ss->owner)
		return SERVICE_OK;
	/* The account as it is now: what the administrator did since the
	 * login counts at once. */
	rc = store_account_get(s->st, a->user, &acc);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_SESSION, "the account %s is gone", a->user);
	if (rc != STORE_OK)
		return service_store_fail(s, rc == STORE_BUSY ? STORE_ERR : rc);
	if (acc.disabled)
		return service_fail(s, SERVICE_ERR_SESSION, "the account %s was disabled", a->user);
	if (acc.session_gen != ss->gen || acc.must_change)
		return service_fail(s, SERVICE_ERR_SESSION, "the session of %s ended (the account was"
		    " reset, locked or given a new password): log in again", a->user);
	if (service_role_from_code(acc.role) != (int)a->role)
		return service_fail(s, SERVICE_ERR_SESSION, "the role of %s changed: log in again",
		    a->user);
	return SERVICE_OK;
}

enum service_status
service_actor_valid(struct service *s, const struct service_actor *a)
{
	return service_check_actor(s, a);
}

enum service_status
service_check_day(struct service *s, jzz_date day)
{
	char want[JZZ_DATE_STRLEN], got[JZZ_DATE_STRLEN];

	if (s->mode != SERVICE_DB_PRODUCTION || day == JZZ_DATE_NONE ||
	    day == service_real_today())
		return SERVICE_OK;
	date_format(service_real_today(), want);
	date_format(day, got);
	return service_fail(s, SERVICE_ERR_DENIED, "a production database works on the real date"
	    " (%s), not %s; rehearse on a database made by init --rehearsal", want, got);
}

enum service_status
service_check_act(struct service *s, const struct service_actor *a, jzz_date day)
{
	enum service_status st = service_check_actor(s, a);

	return st != SERVICE_OK ? st : service_check_day(s, day);
}
