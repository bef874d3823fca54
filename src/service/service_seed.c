/*
 * service_seed.c: a synthetic district for benchmarks and load tests,
 * written by the store's bulk path (store_seed.c) into a database the
 * service has just made, so that the seed's audit entry carries the
 * database's own key like every other.
 */
#include "service_internal.h"

#include <string.h>

#include "jzz/store_seed.h"

enum service_status
service_seed(struct service *s, const struct service_actor *a, const struct store_seed_opts *o,
             struct store_seed_stats *out)
{
	enum service_status st;

	if ((st = service_allow(s, a, SERVICE_ACT_SEED)) != SERVICE_OK)
		return st;
	if (store_seed(s->st, o, out) != STORE_OK)
		return service_fail(s, SERVICE_ERR_DB, "seed: %s", store_errmsg(s->st));
	return SERVICE_OK;
}
