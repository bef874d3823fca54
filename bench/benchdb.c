/*
 * benchdb.c: the benchmarks' look at a store on either engine (benchdb.h):
 * the SQLite API on a file opened read-only, libpq on a PostgreSQL target.
 */
#include "benchdb.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct benchdb {
	sqlite3 *lite;
	PGconn  *pg;
};

bool
benchdb_is_pg(const char *target)
{
	return strncmp(target, "postgresql:", 11) == 0 || strncmp(target, "postgres:", 9) == 0;
}

struct benchdb *
benchdb_open(const char *target)
{
	struct benchdb *h = calloc(1, sizeof *h);

	if (h == NULL)
		return NULL;
	if (benchdb_is_pg(target)) {
		h->pg = PQconnectdb(target);
		if (PQstatus(h->pg) != CONNECTION_OK) {
			fprintf(stderr, "benchdb: %s: %s", target, PQerrorMessage(h->pg));
			benchdb_close(h);
			return NULL;
		}
		PQclear(PQexec(h->pg, "SET search_path = jzz"));
		return h;
	}
	if (sqlite3_open_v2(target, &h->lite, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "benchdb: %s: %s\n", target, sqlite3_errmsg(h->lite));
		benchdb_close(h);
		return NULL;
	}
	sqlite3_busy_timeout(h->lite, 10000);
	return h;
}

void
benchdb_close(struct benchdb *h)
{
	if (h == NULL)
		return;
	if (h->pg != NULL)
		PQfinish(h->pg);
	if (h->lite != NULL)
		sqlite3_close(h->lite);
	free(h);
}

/* sql with ?N spelled $N for PostgreSQL (the bench's statements hold no
 * quoted question marks). */
static PGresult *
benchdb_pg(struct benchdb *h, const char *sql, const char *arg)
{
	char     *pg = strdup(sql);
	PGresult *r;

	if (pg == NULL)
		return NULL;
	for (char *p = pg; (p = strchr(p, '?')) != NULL; p++)
		*p = '$';
	r = PQexecParams(h->pg, pg, arg != NULL ? 1 : 0, NULL, &arg, NULL, NULL, 0);
	free(pg);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		fprintf(stderr, "benchdb: %s: %s", sql, PQerrorMessage(h->pg));
		PQclear(r);
		return NULL;
	}
	return r;
}

bool
benchdb_text(struct benchdb *h, const char *sql, char *out, int size)
{
	bool ok = false;

	if (h->pg != NULL) {
		PGresult *r = benchdb_pg(h, sql, NULL);

		if (r != NULL && PQntuples(r) > 0) {
			snprintf(out, (size_t)size, "%s", PQgetvalue(r, 0, 0));
			ok = true;
		}
		PQclear(r);
	} else {
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(h->lite, sql, -1, &st, NULL) != SQLITE_OK)
			return false;
		if (sqlite3_step(st) == SQLITE_ROW) {
			snprintf(out, (size_t)size, "%s", (const char *)sqlite3_column_text(st, 0));
			ok = true;
		}
		sqlite3_finalize(st);
	}
	return ok;
}

long long
benchdb_count(struct benchdb *h, const char *sql, const char *arg)
{
	long long n = -1;

	if (h->pg != NULL) {
		PGresult *r = benchdb_pg(h, sql, arg);

		if (r != NULL && PQntuples(r) > 0)
			n = atoll(PQgetvalue(r, 0, 0));
		PQclear(r);
	} else {
		sqlite3_stmt *st;

		if (sqlite3_prepare_v2(h->lite, sql, -1, &st, NULL) != SQLITE_OK)
			return -1;
		if (arg != NULL)
			sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

/* SQLite: rowids drawn at random (a missing rowid is drawn again), cheap
 * on any size; PostgreSQL has no rowid: the table in random order, the
 * generator seeded (a sort of the persons, under a second at 1 M). */
int
benchdb_ids(struct benchdb *h, char (*ids)[19], int n, unsigned seed)
{
	int got = 0;

	if (h->pg != NULL) {
		char      sql[160];
		PGresult *r;

		snprintf(sql, sizeof sql, "SELECT setseed(%.6f)", (double)(seed % 1000000u) / 1e6);
		PQclear(PQexec(h->pg, sql));
		snprintf(sql, sizeof sql, "SELECT id_number FROM persons ORDER BY random() LIMIT %d", n);
		r = benchdb_pg(h, sql, NULL);
		for (int i = 0; r != NULL && i < PQntuples(r); i++)
			snprintf(ids[got++], 19, "%s", PQgetvalue(r, i, 0));
		PQclear(r);
		return got;
	}
	{
		sqlite3_stmt *get;
		long long     max = benchdb_count(h, "SELECT max(rowid) FROM persons", NULL);

		if (max <= 0 || sqlite3_prepare_v2(h->lite, "SELECT id_number FROM persons WHERE"
		    " rowid = ?1", -1, &get, NULL) != SQLITE_OK)
			return 0;
		srand(seed);
		for (long tries = 0; got < n && tries < 4L * n; tries++) {
			long long r = 1 + (((long long)rand() << 31) ^ rand()) % max;

			sqlite3_bind_int64(get, 1, r);
			if (sqlite3_step(get) == SQLITE_ROW)
				snprintf(ids[got++], 19, "%s", (const char *)sqlite3_column_text(get, 0));
			sqlite3_reset(get);
		}
		sqlite3_finalize(get);
	}
	return got;
}
