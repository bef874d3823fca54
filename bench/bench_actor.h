/*
 * bench_actor.h: the actors of the benchmarks. A benchmark runs as the
 * database's owner (the account that made the file), which acts in the
 * name of the seeded clerks (service_actor_as), as a batch would.
 */
#ifndef JZZ_BENCH_ACTOR_H
#define JZZ_BENCH_ACTOR_H

#include "jzz/service.h"

static inline enum service_status
bench_actor(struct service *s, const char *user, const char *centre, struct service_actor *out)
{
	struct service_actor o;
	enum service_status  st = service_actor_owner(s, centre, &o);

	if (st != SERVICE_OK || user == NULL)
		return st == SERVICE_OK ? (*out = o, SERVICE_OK) : st;
	return service_actor_as(s, &o, user, centre, out);
}

#endif
