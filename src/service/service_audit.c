/*
 * service_audit.c: the audit log as the services write and check it.
 */
#include "service_internal.h"

#include <stdio.h>
#include <string.h>

enum service_status
service_audit(struct service *s, const struct service_actor *a, jzz_date day, const char *action,
              const char *subject, const char *reason)
{
	struct store_audit_entry e = {
		day, a->user, service_role_code(a->role), a->centre, action,
		subject != NULL ? subject : "", reason != NULL ? reason : "",
	};

	SERVICE_TRY(s, store_audit_append(s->st, &e));
	return SERVICE_OK;
}

enum service_status
service_audit_verify(struct service *s, const struct service_actor *a,
                     struct service_audit_check *out)
{
	enum service_status st;
	enum store_rc       rc;

	memset(out, 0, sizeof *out);
	if ((st = service_check_actor(s, a)) != SERVICE_OK)
		return st;
	if (!service_is_supervisor(a))
		return service_fail(s, SERVICE_ERR_DENIED, "audit: supervisor or administrator only");
	rc = store_audit_verify(s->st, &out->entries, &out->first_broken, out->reason,
	    sizeof out->reason);
	if (rc != STORE_OK)
		return service_fail(s, SERVICE_ERR_DB, "database: %s", store_errmsg(s->st));
	out->ok = out->first_broken == 0;
	return SERVICE_OK;
}
