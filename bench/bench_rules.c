/*
 * bench_rules.c: the rules core alone, on cases already in memory.
 *
 *   build/bench/bench_rules [CASES] [ROUNDS] [PER_ROUND]
 *
 * Makes CASES synthetic cases (casegen.c; 4096 by default, so that they sit
 * in the cache as a counter's cases would, and the figure is the rules' cost
 * and not the memory's), then runs ROUNDS rounds of PER_ROUND decisions
 * cycling over them, each timed with CLOCK_MONOTONIC on one core; prints the
 * median round's decisions per second and the outcome mix (so that a figure
 * is known to come from a realistic mix, not from one easy path).
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "casegen.h"
#include "jzz/rules.h"

static double
bench_rules_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bench_rules_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static struct calendar *
bench_rules_calendar(void)
{
	struct calendar *cal = calendar_new();
	char             path[512], err[200];

	for (int y = 2023; y <= 2026; y++) {
		FILE  *f;
		char  *buf;
		long   n;

		snprintf(path, sizeof path, "%s/holidays/%d.json", JZZ_SOURCE_DATADIR, y);
		f = fopen(path, "rb");
		if (f == NULL)
			continue;
		fseek(f, 0, SEEK_END);
		n = ftell(f);
		fseek(f, 0, SEEK_SET);
		buf = malloc((size_t)n);
		if (buf != NULL && fread(buf, 1, (size_t)n, f) == (size_t)n)
			calendar_load_json(cal, buf, (size_t)n, err, sizeof err);
		free(buf);
		fclose(f);
	}
	return cal;
}

int
main(int argc, char **argv)
{
	size_t               ncases = argc > 1 ? strtoul(argv[1], NULL, 10) : 4096;
	int                  rounds = argc > 2 ? atoi(argv[2]) : 9;
	size_t               per = argc > 3 ? strtoul(argv[3], NULL, 10) : 2000000;
	struct jzz_case     *cases = malloc(ncases * sizeof *cases);
	struct calendar     *cal = bench_rules_calendar();
	struct jzz_decision  d;
	double              *times = malloc((size_t)rounds * sizeof *times);
	size_t               verdicts[VERDICT__COUNT] = { 0 }, warned = 0;
	volatile unsigned    sink = 0;

	if (cases == NULL || times == NULL || cal == NULL || ncases == 0 || rounds <= 0) {
		fprintf(stderr, "usage: bench_rules [CASES] [ROUNDS]\n");
		return 2;
	}
	for (size_t i = 0; i < ncases; i++)
		casegen_case(i, &cases[i]);
	for (size_t i = 0; i < ncases; i++) {
		rules_evaluate(&cases[i], cal, &d);
		verdicts[d.verdict]++;
		for (int k = 0; k < d.nresults; k++)
			if (d.results[k].outcome == OUT_WARN) {
				warned++;
				break;
			}
	}
	for (int r = 0; r < rounds; r++) {
		double t0 = bench_rules_now();

		for (size_t i = 0, k = 0; i < per; i++) {
			rules_evaluate(&cases[k], cal, &d);
			sink += d.verdict + d.nresults;
			if (++k == ncases)
				k = 0;
		}
		times[r] = bench_rules_now() - t0;
	}
	qsort(times, (size_t)rounds, sizeof *times, bench_rules_cmp);
	printf("cases %zu, rounds %d of %zu decisions\n", ncases, rounds, per);
	printf("mix: accept %.1f%%, incomplete %.1f%%, refuse %.1f%%, with a warning %.1f%%\n",
	    100.0 * (double)verdicts[VERDICT_ACCEPT] / (double)ncases,
	    100.0 * (double)verdicts[VERDICT_INCOMPLETE] / (double)ncases,
	    100.0 * (double)verdicts[VERDICT_REFUSE] / (double)ncases,
	    100.0 * (double)warned / (double)ncases);
	printf("median round %.4f s: %.0f decisions/s, %.0f ns per decision (best %.0f/s, worst %.0f/s)\n",
	    times[rounds / 2], (double)per / times[rounds / 2],
	    times[rounds / 2] / (double)per * 1e9, (double)per / times[0],
	    (double)per / times[rounds - 1]);
	free(cases);
	free(times);
	calendar_free(cal);
	return sink == 0xFFFFFFFFu;
}
