/*
 * backoff.c: the jittered, growing pause of a retry (see backoff.h).
 */
#include "jzz/backoff.h"

#include <stdlib.h>

long
backoff_us(unsigned *seed, unsigned salt, int attempt, long step_us, long cap_us,
           long jitter_max_us)
{
	long base, jitter;

	if (*seed == 0) {
		/* Knuth's multiplicative hash spreads neighbouring pids apart; a
		 * seed of 0 would mean "not seeded" again, so it is never 0. */
		*seed = salt * 2654435761u;
		if (*seed == 0)
			*seed = 1;
	}
	if (attempt < 0)
		attempt = 0;
	base = step_us;
	/* step * (attempt + 1) without overflow: stop growing at the cap */
	for (int i = 0; i < attempt && base < cap_us; i++)
		base += step_us;
	if (base > cap_us)
		base = cap_us;
	jitter = base < jitter_max_us ? base : jitter_max_us;
	if (jitter < 0)
		jitter = 0;
	return base + (long)((unsigned long)rand_r(seed) % ((unsigned long)jitter + 1));
}
