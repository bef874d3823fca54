/*
 * bench_city.c: the counter's questions timed on a city-sized database made
 * by `jzz seed` (issue 6), through the service layer the screens use.
 *
 * DB is a SQLite file or a PostgreSQL target (postgresql://...).
 *
 *   bench_city DB TODAY startup         one start-up: service_open, the actor,
 *                                       the first person looked up (ms)
 *   bench_city DB TODAY all [IDS_OUT]   lookup, history, reports, the batch,
 *                                       submits; IDS_OUT receives the sampled
 *                                       ID numbers (for the shell and psql runs)
 *
 * Why the service layer and not SQL: the figures that matter are the ones a
 * clerk waits for, statement cache, decoding and rules included; run.sh
 * times the same SQL in the sqlite3 shell or psql beside them to show the layer's
 * cost. Submits write into the database (the bench file is disposable):
 * N submits add N applications to 30 million.
 *
 * Figures: median (p50) and p99 over many calls, and the spread of
 * repeated whole runs in run.sh; the machine is shared and noisy.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "casegen.h"
#include "jzz/service.h"
#include "bench_actor.h"
#include "benchdb.h"

#define CITY_CENTRE "310105009"

static double
city_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
city_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
city_pct(double *v, size_t n, double p)
{
	size_t i;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, city_cmp);
	i = (size_t)(p * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static void
city_line(const char *what, double *v, size_t n, const char *unit)
{
	double p50 = city_pct(v, n, 0.50), p99 = city_pct(v, n, 0.99), sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += v[i];
	printf("%-36s n=%-6zu p50 %9.3f %s  p99 %9.3f %s  max %9.3f %s  mean %9.3f %s\n", what, n,
	    p50, unit, p99, unit, v[n - 1], unit, n > 0 ? sum / (double)n : 0.0, unit);
	fflush(stdout);
}

/* ID numbers of persons picked at random (benchdb.c: by rowid on SQLite,
 * in random order on PostgreSQL; the bench may use SQL: it is not the
 * product). */
static char (*city_sample(const char *db, size_t n, unsigned seed))[19]
{
	struct benchdb *h = benchdb_open(db);
	char          (*ids)[19] = calloc(n, sizeof *ids);
	size_t          got = 0;

	if (h != NULL && ids != NULL)
		got = (size_t)benchdb_ids(h, ids, (int)n, seed);
	benchdb_close(h);
	if (got < n) {
		fprintf(stderr, "bench_city: %zu persons of %zu picked\n", got, n);
		free(ids);
		return NULL;
	}
	return ids;
}

/* The service on db with the seeded account user as its actor, or NULL
 * (said on stderr). */
static struct service *
city_open(const char *db, const char *user, struct service_actor *a)
{
	char            err[256];
	struct service *s = service_open(db, err, sizeof err);

	if (s == NULL) {
		fprintf(stderr, "bench_city: %s\n", err);
		return NULL;
	}
	if (bench_actor(s, user, CITY_CENTRE, a) != SERVICE_OK) {
		fprintf(stderr, "bench_city: %s (a database made by jzz seed?)\n", service_errmsg(s));
		service_close(s);
		return NULL;
	}
	return s;
}

static int
city_startup(const char *db, jzz_date today)
{
	double               t0 = city_now(), t1, t2;
	struct service_actor a;
	struct service      *s = city_open(db, "clerk-009", &a);
	struct jzz_case      c;
	char (*ids)[19];

	if (s == NULL)
		return 1;
	t1 = city_now();
	ids = city_sample(db, 1, (unsigned)time(NULL));
	t2 = city_now();
	if (ids == NULL || service_case_for_person(s, ids[0], BIZ_ENDORSEMENT, today, &c) != SERVICE_OK) {
		fprintf(stderr, "bench_city: lookup failed\n");
		return 1;
	}
	printf("startup open+actor %.3f ms, first lookup %.3f ms, total %.3f ms\n", t1 - t0,
	    city_now() - t2, city_now() - t0 - (t2 - t1));
	free(ids);
	service_close(s);
	return 0;
}

/*
 * The supervisors' reports: one centre's daily counts and its whole report
 * on working days of the last year (every 17th day back from today,
 * weekends skipped), then the district's month (the month before today's),
 * CITY_REPORT_RUNS and CITY_MONTH_RUNS times (21 and 5 unless set). Its own
 * function, so that `bench_city DB DAY reports PASSES` repeats them alone
 * (for perf and for the figures of one change against another without the
 * rest of the run).
 */
#define CITY_REPORT_MAX 64
static int
city_reports(struct service *s, const struct service_actor *sup, jzz_date today)
{
	/* how many (each took seconds at city scale once: run.sh may ask fewer) */
	int      nrep = getenv("CITY_REPORT_RUNS") ? atoi(getenv("CITY_REPORT_RUNS")) : 21;
	int      nmon = getenv("CITY_MONTH_RUNS") ? atoi(getenv("CITY_MONTH_RUNS")) : 5;
	jzz_date days[CITY_REPORT_MAX], from, to;
	double   v[CITY_REPORT_MAX];
	size_t   ndays = 0, n;
	int      y, m, d;

	if (nmon > CITY_REPORT_MAX)
		nmon = CITY_REPORT_MAX;
	for (int k = 1; ndays < CITY_REPORT_MAX && k < 400; k += 17)
		if (date_weekday(today - k) <= 5)
			days[ndays++] = today - k;

	for (n = 0; n < ndays && n < 21; n++) {
		struct service_report_daily r;
		double                      t = city_now();

		if (service_report_daily(s, sup, CITY_CENTRE, days[n], &r) != SERVICE_OK) {
			fprintf(stderr, "bench_city: daily: %s\n", service_errmsg(s));
			return 1;
		}
		v[n] = city_now() - t;
	}
	city_line("daily report, one centre", v, n, "ms");
	for (n = 0; n < ndays && n < (size_t)nrep; n++) {
		struct service_report r;
		double                t = city_now();

		if (service_report(s, sup, CITY_CENTRE, days[n], days[n], &r) != SERVICE_OK) {
			fprintf(stderr, "bench_city: report: %s\n", service_errmsg(s));
			return 1;
		}
		v[n] = city_now() - t;
		service_report_free(&r);
	}
	city_line("supervisors' report, one centre-day", v, n, "ms");

	/* the district's month (the month before today's) */
	date_to_ymd(today, &y, &m, &d);
	to = date_from_ymd(y, m, 1) - 1;
	date_to_ymd(to, &y, &m, &d);
	from = date_from_ymd(y, m, 1);
	for (n = 0; n < (size_t)nmon; n++) {
		struct service_report r;
		double                t = city_now();

		if (service_report(s, sup, SERVICE_REPORT_ALL, from, to, &r) != SERVICE_OK) {
			fprintf(stderr, "bench_city: month: %s\n", service_errmsg(s));
			return 1;
		}
		v[n] = city_now() - t;
		/* the lists' whole lengths: each holds its first page */
		printf("  month: %d applications, %zu overdue, %zu in window, %zu suspended,"
		    " %zu auto failed, %zu fees\n", r.applications, r.overdue_total, r.window_total,
		    r.suspended_total, r.auto_failed_total, r.nfees);
		service_report_free(&r);
	}
	city_line("district's month report", v, n, "ms");
	return 0;
}

static int
city_all(const char *db, jzz_date today, const char *ids_out, size_t nlook)
{
	char                         err[256];
	struct service              *s = service_open(db, err, sizeof err);
	struct service_actor         clerk, sup;
	size_t                       nhist = nlook / 5, nsub = 2000;
	char                       (*ids)[19];
	double                      *v = calloc(nlook > nsub ? nlook : nsub, sizeof *v);
	struct jzz_case              c;

	if (s == NULL || v == NULL) {
		fprintf(stderr, "bench_city: %s\n", s == NULL ? err : "out of memory");
		return 1;
	}
	if (bench_actor(s, "clerk-009", CITY_CENTRE, &clerk) != SERVICE_OK ||
	    bench_actor(s, "supervisor-009", CITY_CENTRE, &sup) != SERVICE_OK) {
		fprintf(stderr, "bench_city: %s (a database made by jzz seed?)\n", service_errmsg(s));
		return 1;
	}
	ids = city_sample(db, nlook, 42);
	if (ids == NULL)
		return 1;
	if (ids_out != NULL) {
		FILE *f = fopen(ids_out, "w");

		for (size_t i = 0; f != NULL && i < nlook; i++)
			fprintf(f, "%s\n", ids[i]);
		if (f != NULL)
			fclose(f);
	}

	/* lookup: the person's record by ID number (what starts a business) */
	for (size_t i = 0; i < nlook; i++) {
		double t = city_now();

		if (service_case_for_person(s, ids[i], BIZ_ENDORSEMENT, today, &c) != SERVICE_OK) {
			fprintf(stderr, "bench_city: lookup %s: %s\n", ids[i], service_errmsg(s));
			return 1;
		}
		v[i] = city_now() - t;
	}
	city_line("lookup by ID number", v, nlook, "ms");

	/* history: the whole card (registration, permit, card, applications) */
	{
		size_t apps = 0;

		for (size_t i = 0; i < nhist; i++) {
			struct service_person p;
			double                t = city_now();

			if (service_person_get(s, &clerk, ids[i], today, &p) != SERVICE_OK) {
				fprintf(stderr, "bench_city: person %s: %s\n", ids[i], service_errmsg(s));
				return 1;
			}
			v[i] = city_now() - t;
			apps += p.nhistory;
			service_person_free(&p);
		}
		city_line("person's card and history", v, nhist, "ms");
		printf("  (%.1f applications per person on average)\n", (double)apps / (double)nhist);
	}

	if (city_reports(s, &sup, today) != 0)
		return 1;

	/* the auto-endorsement batch: today's cohort, then again (nothing left) */
	for (int k = 0; k < 2; k++) {
		struct service_batch_result r;
		double                      t = city_now();

		if (service_batch_auto_endorse(s, &sup, today, &r) != SERVICE_OK) {
			fprintf(stderr, "bench_city: batch: %s\n", service_errmsg(s));
			return 1;
		}
		printf("%-34s %.1f ms: examined %d, endorsed %d, not endorsed %d, sms %d\n",
		    k == 0 ? "auto-endorsement batch, today" : "auto-endorsement batch, again",
		    city_now() - t, r.examined, r.endorsed, r.not_endorsed, r.sms_queued);
	}

	/* submits: endorsements of seeded persons, and the casegen mix of
	 * every business for new applicants, alternately */
	{
		size_t n = 0, acc = 0;

		for (uint64_t i = 0; n < nsub; i++) {
			struct service_result r;
			double                t;

			if (i % 2 == 0) {
				if (service_case_for_person(s, ids[(i / 2) % nlook], BIZ_ENDORSEMENT, today,
				    &c) != SERVICE_OK)
					continue;
				c.documents = DOCBIT(DOC_ID_CARD);
			} else {
				casegen_case(i, &c);
				if (c.business == BIZ_CANCELLATION)
					continue;
			}
			c.today = today;
			t = city_now();
			if (service_submit(s, &clerk, &c, today, &r) == SERVICE_OK) {
				v[n++] = city_now() - t;
				acc += r.decision.verdict == VERDICT_ACCEPT;
			} else if (i < 5) {
				fprintf(stderr, "  submit: %s\n", service_errmsg(s));
			}
		}
		city_line("submit (service_submit, committed)", v, n, "ms");
		printf("  (%zu accepted of %zu)\n", acc, n);
	}
	free(ids);
	free(v);
	service_close(s);
	return 0;
}

/* The reports alone, PASSES times over, in one handle. */
static int
city_reports_only(const char *db, jzz_date today, int passes)
{
	struct service_actor sup;
	struct service      *s = city_open(db, "supervisor-009", &sup);

	if (s == NULL)
		return 1;
	for (int p = 0; p < passes; p++)
		if (city_reports(s, &sup, today) != 0)
			return 1;
	service_close(s);
	return 0;
}

int
main(int argc, char **argv)
{
	jzz_date today;

	if (argc < 4 || !date_parse(argv[2], strlen(argv[2]), &today)) {
		fprintf(stderr, "usage: bench_city DB YYYY-MM-DD startup|reports [PASSES]|all [IDS_OUT [N]]\n");
		return 2;
	}
	if (strcmp(argv[3], "startup") == 0)
		return city_startup(argv[1], today);
	if (strcmp(argv[3], "reports") == 0)
		return city_reports_only(argv[1], today, argc > 4 ? atoi(argv[4]) : 3);
	return city_all(argv[1], today, argc > 4 ? argv[4] : NULL,
	    argc > 5 ? (size_t)strtoul(argv[5], NULL, 10) : 10000);
}
