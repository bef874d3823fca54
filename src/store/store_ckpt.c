/*
 * store_ckpt.c: the WAL checkpointer of a store handle, a thread with its
 * own connection to the same file.
 *
 * Why a thread: a checkpoint run by the committing connection (SQLite's
 * automatic one, or a TRUNCATE from the WAL hook) makes that commit wait
 * while pages are copied into the database file and synced: at city scale
 * the commit of every few hundredth business took tens of milliseconds. Here
 * the WAL hook only tells the thread how long the log is, and returns; the
 * thread copies pages with PASSIVE checkpoints (which never wait for anyone
 * and never hold writers back), and restarts the log with a TRUNCATE only
 * at a quiet moment (no commit for STORE_CKPT_QUIET_MS), so that the file
 * is empty again whenever the counters pause. Under a stream of commits that never pauses, a TRUNCATE is
 * forced once the log passes STORE_WAL_HARD_FRAMES: the WAL stays bounded
 * whatever the load, at the price of one short wait for the writers then.
 *
 * The thread starts at the first commit that leaves the log past
 * STORE_WAL_PASSIVE_FRAMES (a command that writes little never starts it),
 * and is stopped and joined by store_close before the handle's own
 * connection closes, so that the last connection to close is still the
 * handle's (which checkpoints and removes the -wal file).
 */
#include "store_internal.h"

#include <sqlite3.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define STORE_CKPT_QUIET_MS 50           /* no commit for this long: a quiet moment */
#define STORE_CKPT_TRUNCATE_WAIT_MS 20   /* how long a quiet TRUNCATE may wait for locks */
#define STORE_CKPT_FORCED_WAIT_MS 250    /* the same, past the hard bound */

struct store_ckpt {
	pthread_t       thread;
	pthread_mutex_t mu;
	pthread_cond_t  cv;
	bool            stop;
	unsigned long   commits;   /* commits reported by the hook, ever */
	int             frames;    /* the log's length in frames after the last of them */
	char            path[4096];
};

static void
store_ckpt_deadline(struct timespec *ts, int ms)
{
	clock_gettime(CLOCK_MONOTONIC, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/*
 * Waiting for the locks a TRUNCATE needs (the writers', then the readers'
 * to end). SQLite's own busy timeout sleeps up to 100 ms between tries,
 * and loses every time to counters that retry within a millisecond (a soak
 * of 8 counters grew the log to gigabytes so); short pauses with jitter, as
 * the counters' own handler (store_sqlite.c, backoff_us), give it its turn.
 */
struct store_ckpt_wait {
	struct timespec since;
	int             ms;
	unsigned        seed;
};

static int
store_ckpt_busy(void *arg, int count)
{
	struct store_ckpt_wait *w = arg;
	struct timespec         now;
	long                    ms, us;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		w->since = now;
	ms = (now.tv_sec - w->since.tv_sec) * 1000L + (now.tv_nsec - w->since.tv_nsec) / 1000000L;
	if (ms >= w->ms)
		return 0;
	/* the counters' pause (store_sqlite.c): 0.1 ms more each time up to 1 ms */
	us = backoff_us(&w->seed, (unsigned)getpid() ^ (unsigned)(uintptr_t)w, count, 100, 1000, 1000);
	usleep((useconds_t)us);
	return 1;
}

/* One checkpoint on the thread's connection; returns the length of the log
 * after it in frames (0 when a TRUNCATE restarted it), or -1 when the log
 * could not be read. */
static int
store_ckpt_run(sqlite3 *db, int mode, int wait_ms)
{
	struct store_ckpt_wait w;
	int                    nlog = -1, nckpt = -1, rc;

	memset(&w, 0, sizeof w);
	w.ms = wait_ms;
	sqlite3_busy_handler(db, wait_ms > 0 ? store_ckpt_busy : NULL, &w);
	rc = sqlite3_wal_checkpoint_v2(db, "main", mode, &nlog, &nckpt);
	sqlite3_busy_handler(db, NULL, NULL);
	if (nlog < 0)   /* the connection does not see the file in WAL mode */
		return -1;
	if (rc == SQLITE_OK && mode == SQLITE_CHECKPOINT_TRUNCATE)
		return 0;
	/* BUSY: the checkpoint did what it could (passive), the log stays */
	return nlog;
}

static void *
store_ckpt_main(void *arg)
{
	struct store_ckpt *c = arg;
	sqlite3           *db = NULL;
	unsigned long      seen = 0;
	bool               restart = false;   /* a TRUNCATE is due at the next quiet moment */

	/* A new connection knows the file is in WAL mode only once it has read
	 * it: until then a checkpoint is a no-op that reports success. */
	if (sqlite3_open_v2(c->path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK) {
		/* Without its connection the thread can do nothing; the log is
		 * then checkpointed when the handle closes. */
		sqlite3_close(db);
		return NULL;
	}
	pthread_mutex_lock(&c->mu);
	while (!c->stop) {
		int frames, left;

		if (c->commits == seen && !restart) {
			pthread_cond_wait(&c->cv, &c->mu);
			continue;
		}
		if (c->commits == seen && restart) {
			struct timespec until;

			/* wait for a quiet moment: no commit for a while */
			store_ckpt_deadline(&until, STORE_CKPT_QUIET_MS);
			if (pthread_cond_timedwait(&c->cv, &c->mu, &until) != ETIMEDOUT)
				continue;
			if (c->stop || c->commits != seen)
				continue;
			pthread_mutex_unlock(&c->mu);
			left = store_ckpt_run(db, SQLITE_CHECKPOINT_TRUNCATE, STORE_CKPT_TRUNCATE_WAIT_MS);
			pthread_mutex_lock(&c->mu);
			/* still long (a reader held it): try at the next quiet moment */
			restart = left >= STORE_WAL_RESTART_FRAMES;
			continue;
		}
		seen = c->commits;
		frames = c->frames;
		pthread_mutex_unlock(&c->mu);
		if (frames >= STORE_WAL_HARD_FRAMES)
			left = store_ckpt_run(db, SQLITE_CHECKPOINT_TRUNCATE, STORE_CKPT_FORCED_WAIT_MS);
		else
			left = store_ckpt_run(db, SQLITE_CHECKPOINT_PASSIVE, 0);
		pthread_mutex_lock(&c->mu);
		/* anything left: truncate it at the next quiet moment */
		restart = left > 0;
	}
	pthread_mutex_unlock(&c->mu);
	sqlite3_close(db);
	return NULL;
}

void
store_ckpt_notify(struct store_ckpt **ckpt, bool *failed, const char *path, int frames)
{
	struct store_ckpt *c = *ckpt;

	if (c == NULL) {
		if (frames < STORE_WAL_PASSIVE_FRAMES || *failed)
			return;
		if ((c = calloc(1, sizeof *c)) == NULL) {
			*failed = true;
			return;
		}
		snprintf(c->path, sizeof c->path, "%s", path);
		pthread_mutex_init(&c->mu, NULL);
		{
			pthread_condattr_t ca;

			pthread_condattr_init(&ca);
			pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
			pthread_cond_init(&c->cv, &ca);
			pthread_condattr_destroy(&ca);
		}
		if (pthread_create(&c->thread, NULL, store_ckpt_main, c) != 0) {
			/* No thread: checkpoints happen at close only; the hook
			 * falls back to a passive checkpoint inline (see
			 * store_sqlite.c). */
			pthread_cond_destroy(&c->cv);
			pthread_mutex_destroy(&c->mu);
			free(c);
			*failed = true;
			return;
		}
		*ckpt = c;
	}
	pthread_mutex_lock(&c->mu);
	c->commits++;
	c->frames = frames;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
}

void
store_ckpt_stop(struct store_ckpt **ckpt)
{
	struct store_ckpt *c = *ckpt;

	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->stop = true;
	pthread_cond_signal(&c->cv);
	pthread_mutex_unlock(&c->mu);
	pthread_join(c->thread, NULL);
	pthread_cond_destroy(&c->cv);
	pthread_mutex_destroy(&c->mu);
	free(c);
	*ckpt = NULL;
}
