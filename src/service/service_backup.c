/*
 * service_backup.c: an online copy of the database.
 */
#include "service_internal.h"

#include <string.h>
#include <time.h>

struct service_backup_arg {
	const struct service_actor *a;
	const char                 *dest;
};

static enum service_status
service_backup_tx(struct service *s, void *arg)
{
	struct service_backup_arg *ba = arg;
	time_t                     now = time(NULL);
	struct tm                  tm;

	localtime_r(&now, &tm);
	return service_audit(s, ba->a, date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday),
	    "backup", ba->dest, "online backup");
}

enum service_status
service_backup(struct service *s, const struct service_actor *a, const char *dest)
{
	struct service_backup_arg ba = { a, dest };
	enum service_status       st;
	enum store_rc             rc;
	bool                      ok = false;

	if ((st = service_allow(s, a, SERVICE_ACT_BACKUP)) != SERVICE_OK)
		return st;
	if (dest == NULL || *dest == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "backup: no destination");
	/* A corrupt database copied is a corrupt backup believed good. */
	if (store_integrity_ok(s->st, &ok) != STORE_OK || !ok)
		return service_fail(s, SERVICE_ERR_DB, "backup: the database fails its integrity"
		    " check; nothing was copied (restore from an earlier backup)");
	/* The audit entry first, so that the copy contains the record of its
	 * own making. */
	if ((st = service_tx(s, service_backup_tx, &ba)) != SERVICE_OK)
		return st;
	rc = store_backup(s->st, dest);
	if (rc == STORE_EXISTS)
		return service_fail(s, SERVICE_ERR_EXISTS, "%s", store_errmsg(s->st));
	if (rc != STORE_OK)
		return service_fail(s, SERVICE_ERR_DB, "backup: %s", store_errmsg(s->st));
	return SERVICE_OK;
}
