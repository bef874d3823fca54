/*
 * backoff.h: the pause before trying again after a collision, grown with
 * the attempt and jittered; the one backoff of the project (the store's
 * SQLite busy handler and the service's transaction retries).
 *
 * Pure: the caller sleeps (usleep) for what it returns, so that the rules
 * core stays free of I/O and the pauses can be tested without a clock.
 */
#ifndef JZZ_BACKOFF_H
#define JZZ_BACKOFF_H

/*
 * Microseconds to wait before retry `attempt` (0 for the first):
 * step_us * (attempt + 1), at most cap_us, plus a jitter drawn from
 * [0, min(that, jitter_max_us)]. *seed is the caller's random state; when
 * it is 0 it is seeded from salt, which should differ between processes
 * (their pid): counters that collided must not retry in step.
 */
long backoff_us(unsigned *seed, unsigned salt, int attempt, long step_us, long cap_us,
                long jitter_max_us);

#endif
