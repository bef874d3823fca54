/*
 * benchdb.h: the benchmarks' own look at a store, behind jzz's back, on
 * either engine: a SQLite file or a PostgreSQL target (postgresql://...).
 * Used to pick persons at random and to count what a run wrote; never by
 * the product, which speaks SQL only in src/store.
 *
 * Statements are written once, in SQLite's spelling with ?1 for the one
 * parameter; on PostgreSQL ?1 is sent as $1 and the tables are found in
 * the schema jzz.
 */
#ifndef JZZ_BENCHDB_H
#define JZZ_BENCHDB_H

#include <stdbool.h>

struct benchdb;

/* Whether target names a PostgreSQL store. */
bool benchdb_is_pg(const char *target);

/* A read-only look at target; NULL (and a line on stderr) when it cannot
 * be opened. */
struct benchdb *benchdb_open(const char *target);
void            benchdb_close(struct benchdb *h);

/* The first column of the first row of sql, with arg (may be NULL) as ?1,
 * as a number; -1 when the statement failed. */
long long benchdb_count(struct benchdb *h, const char *sql, const char *arg);

/* The first row's first column as text into out (size bytes); false when
 * the statement failed or returned no row. */
bool benchdb_text(struct benchdb *h, const char *sql, char *out, int size);

/* The ID numbers of n persons picked at random (the same n for the same
 * seed on the same store); returns how many were found. */
int benchdb_ids(struct benchdb *h, char (*ids)[19], int n, unsigned seed);

#endif
