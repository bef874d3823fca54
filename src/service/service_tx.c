/*
 * service_tx.c: the transaction runner every write goes through: BEGIN
 * IMMEDIATE, the caller's function, COMMIT, tried again with a jittered
 * pause while another writer holds the database.
 *
 * Why a bound in time, not in attempts: each attempt may itself wait in the
 * store's busy handler, so a count of attempts said nothing about how long
 * a clerk waited (a held lock once froze a submit for 16.8 minutes). The
 * runner now gives up after busy_ms (10 s unless set) with SERVICE_ERR_BUSY
 * and nothing written, and after about a second tells the caller's hook,
 * so that the terminal can say why the counter waits.
 *
 * Why a transaction may hold others: the demo of a training database runs
 * some two thousand businesses, each through its own service_tx; run
 * inside one, they are written once at its commit (a tenth of the time),
 * and the demo is there whole or not at all.
 */
#include "service_internal.h"
#include "jzz/backoff.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#define SERVICE_BUSY_DEFAULT_MS 10000
#define SERVICE_BUSY_TELL_MS    1000

/* Pause before attempt n: grows by 1 ms to 50 ms, with up to 1 ms of
 * jitter (backoff_us) so that processes that collided do not collide again
 * in step. */
static void
service_backoff(int n)
{
	static unsigned seed;   /* per process: forked counters must not jitter in step */

	usleep((useconds_t)backoff_us(&seed, (unsigned)getpid() ^ (unsigned)time(NULL), n, 1000,
	    50000, 1000));
}

static long
service_ms_since(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000L + (now.tv_nsec - t0->tv_nsec) / 1000000L;
}

void
service_set_busy(struct service *s, int busy_ms, void (*hook)(void *arg), void *arg)
{
	s->busy_ms = busy_ms;
	s->busy_hook = hook;
	s->busy_arg = arg;
}

long
service_tx_retries(const struct service *s)
{
	return s->retries;
}

enum service_status
service_tx(struct service *s, enum service_status (*fn)(struct service *s, void *arg), void *arg)
{
	enum service_status st;
	enum store_rc       rc;
	struct timespec     t0;
	long                limit = s->busy_ms > 0 ? s->busy_ms : SERVICE_BUSY_DEFAULT_MS;
	bool                told = false;

	if (s->tx_depth > 0)   /* inside another: its commit or rollback is this one's */
		return fn(s, arg);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int attempt = 0;; attempt++) {
		rc = store_begin(s->st);
		if (rc == STORE_OK) {
			s->tx_depth++;
			st = fn(s, arg);
			s->tx_depth--;
			if (st == SERVICE_OK) {
				rc = store_commit(s->st);
				if (rc == STORE_OK)
					return SERVICE_OK;
				store_rollback(s->st);
				if (rc != STORE_BUSY)
					return service_store_fail(s, rc);
			} else {
				store_rollback(s->st);
				if (st != SERVICE_RETRY)
					return st;
			}
		} else if (rc != STORE_BUSY)
			return service_store_fail(s, rc);
		if (service_ms_since(&t0) >= limit)
			break;
		s->retries++;
		if (!told && s->busy_hook != NULL && service_ms_since(&t0) >= SERVICE_BUSY_TELL_MS) {
			told = true;
			s->busy_hook(s->busy_arg);
		}
		service_backoff(attempt);
	}
	return service_fail(s, SERVICE_ERR_BUSY, "the database is busy (another writer held it"
	    " for %ld s); nothing was written: try again", limit / 1000);
}
