/*
 * store_seed.h: a synthetic district, written straight into a new database.
 *
 * Why in the store and not through the service: ten million persons with
 * years of history cannot go through one business transaction each (a
 * submit costs milliseconds; the seed has minutes). The seed writes the same
 * rows the businesses would have written (persons, registrations, permits at
 * every stage, cards, endorsements on time and late, changes, fees, the SMS
 * outbox, applications with their decisions and receipts), in bulk, under
 * every CHECK of the schema, and checks the foreign keys it cannot afford to
 * check row by row. It exists for benchmarks, training and load tests; it
 * refuses a database that already holds persons.
 */
#ifndef JZZ_STORE_SEED_H
#define JZZ_STORE_SEED_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/date.h"
#include "jzz/store.h"

#define STORE_SEED_CENTRES_MAX 10

struct store_seed_opts {
	long        persons;           /* how many persons */
	int         years;             /* years of history up to `today` (1..20) */
	jzz_date    today;             /* the last day of the history */
	const char *centres[STORE_SEED_CENTRES_MAX]; /* centres used; none: all 10 */
	int         ncentres;
	unsigned long long seed;       /* the random generator's seed: same seed, same file */
	long        batch;             /* persons per transaction (default 50,000) */
	bool        check_fk;          /* at the end, check every foreign key and CHECK constraint
	                                  (SQLite's load skips both) */
	/* Called after each batch (and once at the end) with the persons
	 * written so far; may be NULL. */
	void      (*progress)(void *arg, long done, long total);
	void       *progress_arg;
};

struct store_seed_stats {
	long persons, applications, registrations, permits, cards, endorsements;
	long changes, fees, sms, rules;
	double load_seconds;   /* rows written */
	double index_seconds;  /* indexes built after the load, and the statistics */
	double counts_seconds; /* the report's counts per day made from the rows */
};

/*
 * Seeds `st`, a database just created (store_open with create, or
 * service_init) and holding no person. While seeding, the connection runs
 * with journal_mode=OFF, synchronous=OFF and foreign keys off (a crash
 * leaves a file to delete, never a file to trust: it was new); the normal
 * settings (WAL, synchronous NORMAL, foreign keys) are restored at the end.
 * Writes one audit entry "seed" saying what was made: the synthetic history
 * itself has no audit entries.
 */
enum store_rc store_seed(struct store *st, const struct store_seed_opts *o,
                         struct store_seed_stats *out);

#endif
