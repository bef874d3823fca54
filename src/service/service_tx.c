/*
 * service_tx.c: the transaction runner every write goes through: BEGIN
 * IMMEDIATE, the caller's function, COMMIT, retried with a jittered pause
 * while another writer holds the database.
 */
#include "service_internal.h"

#include <stdlib.h>
#include <time.h>
#include <unistd.h>

/* ---- transactions ---- */

#define SERVICE_TX_ATTEMPTS 200

/* Pause before attempt n: grows to ~50 ms, with jitter so that processes
 * that collided do not collide again in step. */
static void
service_backoff(int n)
{
	static unsigned seed;
	long            us = 1000L * (n < 50 ? n + 1 : 50);

	if (seed == 0)   /* per process: forked counters must not jitter in step */
		seed = (unsigned)getpid() * 2654435761u ^ (unsigned)time(NULL);
	us += rand_r(&seed) % 1000;
	usleep((useconds_t)us);
}

enum service_status
service_tx(struct service *s, enum service_status (*fn)(struct service *s, void *arg), void *arg)
{
	enum service_status st;
	enum store_rc       rc;

	for (int attempt = 0; attempt < SERVICE_TX_ATTEMPTS; attempt++) {
		rc = store_begin(s->st);
		if (rc == STORE_BUSY) {
			service_backoff(attempt);
			continue;
		}
		if (rc != STORE_OK)
			return service_store_fail(s, rc);
		st = fn(s, arg);
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
		service_backoff(attempt);
	}
	return service_fail(s, SERVICE_ERR_DB, "database: still busy after %d attempts",
	    SERVICE_TX_ATTEMPTS);
}
