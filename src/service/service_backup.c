/*
 * service_backup.c: an online copy of the database.
 */
#include "service_internal.h"

#include <string.h>
#include <sys/stat.h>
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
	struct stat               sb;

	if ((st = service_check_actor(s, a)) != SERVICE_OK)
		return st;
	if (!service_is_supervisor(a))
		return service_fail(s, SERVICE_ERR_DENIED, "backup: supervisor or administrator only");
	if (dest == NULL || *dest == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "backup: no destination");
	if (stat(dest, &sb) == 0 && sb.st_size > 0)
		return service_fail(s, SERVICE_ERR_EXISTS, "%s: exists; choose a new file", dest);
	/* The audit entry first, so that the copy contains the record of its
	 * own making. */
	if ((st = service_tx(s, service_backup_tx, &ba)) != SERVICE_OK)
		return st;
	if (store_backup(s->st, dest) != STORE_OK)
		return service_fail(s, SERVICE_ERR_DB, "backup: %s", store_errmsg(s->st));
	return SERVICE_OK;
}
