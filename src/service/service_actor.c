/*
 * service_actor.c: who acts. Roles, the actor of a command or a screen, and
 * the check every service function makes of it before it acts.
 */
#include "service_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- roles ---- */

bool
service_may_write(const struct service_actor *a)
{
	return a->role == SERVICE_ROLE_CLERK || a->role == SERVICE_ROLE_SUPERVISOR ||
	    a->role == SERVICE_ROLE_ADMIN;
}

bool
service_is_supervisor(const struct service_actor *a)
{
	return a->role == SERVICE_ROLE_SUPERVISOR || a->role == SERVICE_ROLE_ADMIN;
}

enum service_status
service_check_actor(struct service *s, const struct service_actor *a)
{
	if (a == NULL || a->user[0] == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "no actor");
	if ((unsigned)a->role >= SERVICE_ROLE__COUNT)
		return service_fail(s, SERVICE_ERR_INVALID, "unknown role");
	if (!service_centre_valid(s, a->centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "unknown centre %s", a->centre);
	return SERVICE_OK;
}

/* ---- actors, users, places ---- */

enum service_status
service_actor(struct service *s, const char *user, const char *centre, struct service_actor *out)
{
	struct store_user u;
	enum store_rc     rc;
	int               role;

	memset(out, 0, sizeof *out);
	if (user == NULL)
		user = "admin";
	rc = store_user_get(s->st, user, &u);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no user %s", user);
	if (rc != STORE_OK)
		return service_store_fail(s, rc == STORE_BUSY ? STORE_ERR : rc);
	if (u.disabled)
		return service_fail(s, SERVICE_ERR_DENIED, "the account %s is disabled", user);
	role = service_role_from_code(u.role);
	if (role < 0)
		return service_fail(s, SERVICE_ERR_DB, "user %s has an unknown role", user);
	if (centre == NULL)
		centre = u.centre[0] != '\0' ? u.centre : s->home_centre;
	if (!service_centre_valid(s, centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
	snprintf(out->user, sizeof out->user, "%s", u.name);
	out->role = (enum service_role)role;
	snprintf(out->centre, sizeof out->centre, "%s", centre);
	return SERVICE_OK;
}

bool
service_user_needs_password(struct service *s, const char *user)
{
	struct store_user u;

	return user != NULL && store_user_get(s->st, user, &u) == STORE_OK && !u.has_password;
}
