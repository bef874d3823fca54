/*
 * cmd_seed.c: `jzz --db PATH seed --persons N [--years Y] [--centre CODE,...]
 * [--seed S] [--check]`: a NEW database holding a synthetic district, for
 * benchmarks, load tests and training (store_seed.h says what it holds).
 *
 * Why a command of its own rather than `init` then many `submit`s: a submit
 * is a few milliseconds; ten million persons with years of history must be
 * written in bulk, which only a file nobody else has opened allows (the
 * seed runs without journal). So seed makes the file itself, like init,
 * and refuses one that exists.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli_service.h"
#include "jzz/store_seed.h"

struct seed_bar {
	double t0;
	bool   tty;
};

static double
seed_cmd_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The progress bar on stderr: redrawn in place on a terminal, one line per
 * tenth otherwise (logs). */
static void
seed_cmd_progress(void *arg, long done, long total)
{
	struct seed_bar *b = arg;
	double           el = seed_cmd_clock() - b->t0, frac = total > 0 ? (double)done / total : 1;
	int              w = 40, k = (int)(frac * w);
	static int       last_tenth = -1;
	char             bar[64];

	if (!b->tty) {
		int tenth = (int)(frac * 10);

		if (tenth == last_tenth && done < total)
			return;
		last_tenth = tenth;
	}
	for (int i = 0; i < w; i++)
		bar[i] = i < k ? '#' : '.';
	bar[w] = '\0';
	fprintf(stderr, "%sseed [%s] %3d%% %ld/%ld persons, %.0f s, eta %.0f s%s",
	    b->tty ? "\r" : "", bar, (int)(frac * 100), done, total, el,
	    frac > 0 ? el / frac - el : 0.0, b->tty && done < total ? "" : "\n");
	fflush(stderr);
}

/* The seed's options, and --centre's list before it is split. */
struct seed_cmd_args {
	struct store_seed_opts o;
	const char            *centres;
};

const struct cli_spec cmd_seed_spec = {
	.usage = "usage: jzz --db PATH seed --persons N [--years Y] [--centre CODE[,CODE...]]"
	    " [--seed S] [--batch N] [--check]\n"
	    "A new database holding a synthetic district, for benchmarks and load tests.\n\n"
	    "  --persons N      how many persons\n"
	    "  --years Y        years of history, 1 to 20 (default 5)\n"
	    "  --centre CODES   the centres, 9-digit codes separated by commas\n"
	    "  --seed S         the random seed (default 1)\n"
	    "  --batch N        rows per transaction\n"
	    "  --check          check every foreign key and CHECK constraint at the end\n"
	    "  -h, --help       this help\n",
	.misuse = "seed: --db PATH and --persons N (a number >= 0) are required; --years 1..20,"
	    " --batch and --seed numbers",
	/* A number out of its range is said by the command's misuse. */
	CLI_SPEC_ARGS(struct seed_cmd_args, .o = { .persons = -1, .years = 5, .seed = 1 }),
	.args = {
		{ "persons", CLI_ARG_LONG, offsetof(struct seed_cmd_args, o.persons), .max = LONG_MAX },
		{ "years", CLI_ARG_INT, offsetof(struct seed_cmd_args, o.years), .min = 1, .max = 20 },
		{ "seed", CLI_ARG_ULL, offsetof(struct seed_cmd_args, o.seed) },
		{ "batch", CLI_ARG_LONG, offsetof(struct seed_cmd_args, o.batch), .min = 1, .max = LONG_MAX },
		{ "centre", CLI_ARG_STR, offsetof(struct seed_cmd_args, centres) },
		{ "check", CLI_ARG_FLAG, offsetof(struct seed_cmd_args, o.check_fk) },
	},
	.no_words = true,
};

/* The list is split in place: it is a word of the command line, which is
 * the program's to write (the codes then point into it). */
static int
seed_cmd_centres(struct store_seed_opts *o, char *list)
{
	for (char *save = NULL, *t = strtok_r(list, ",", &save); t != NULL;
	    t = strtok_r(NULL, ",", &save)) {
		if (o->ncentres >= STORE_SEED_CENTRES_MAX || strlen(t) != 9 ||
		    strspn(t, "0123456789") != 9)
			return -1;
		o->centres[o->ncentres++] = t;
	}
	return o->ncentres > 0 ? 0 : -1;
}

int
cmd_seed(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct seed_cmd_args   *x = args;
	struct store_seed_stats stats;
	struct seed_bar         bar;
	struct service         *s;
	struct service_init_opts io;
	struct service_actor    owner;
	struct stat             sb;
	struct cli_json         j;
	char                    dir[4096], err[512];
	enum service_status     sst;
	double                  t0;
	(void)argc;
	(void)argv;

	if (x->o.persons < 0 || opts->db == NULL)
		return cli_usage(&cmd_seed_spec);
	if (x->centres != NULL && seed_cmd_centres(&x->o, (char *)x->centres) != 0) {
		cli_error("seed: --centre: 9-digit centre codes separated by commas");
		return CLI_BADCASE;
	}
	if (stat(opts->db, &sb) == 0) {
		cli_error("seed: %s exists; seed makes a new file (delete it first)", opts->db);
		return CLI_BADCASE;
	}
	x->o.today = cli_today(opts);

	{
		char buf[4096];

		snprintf(dir, sizeof dir, "%s", cli_holidays_dir(opts, buf, sizeof buf));
	}
	/* A synthetic district is no production database: a rehearsal one,
	 * which any day of work may be used on. */
	memset(&io, 0, sizeof io);
	io.centre = opts->centre != NULL ? opts->centre : x->o.ncentres > 0 ? x->o.centres[0] :
	    "310105009";
	io.holidays_dir = access(dir, R_OK | X_OK) == 0 ? dir : NULL;
	io.mode = SERVICE_DB_REHEARSAL;
	sst = service_create(opts->db, &io, err, sizeof err);
	explicit_bzero(io.admin_password_out, sizeof io.admin_password_out);
	if (sst != SERVICE_OK) {
		cli_error("seed: %s", err);
		return CLI_FAIL;
	}
	if ((s = service_open(opts->db, err, sizeof err)) == NULL ||
	    service_actor_owner(s, NULL, &owner) != SERVICE_OK) {
		cli_error("seed: %s", s != NULL ? service_errmsg(s) : err);
		service_close(s);
		return CLI_FAIL;
	}
	bar.t0 = t0 = seed_cmd_clock();
	bar.tty = isatty(STDERR_FILENO);
	x->o.progress = seed_cmd_progress;
	x->o.progress_arg = &bar;
	sst = service_seed(s, &owner, &x->o, &stats);
	if (sst != SERVICE_OK) {
		cli_error("%s", service_errmsg(s));
		service_close(s);
		return CLI_FAIL;
	}
	service_close(s);
	if (stat(opts->db, &sb) != 0)
		sb.st_size = 0;
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_int(&j, "persons", stats.persons);
	cli_json_int(&j, "applications", stats.applications);
	cli_json_int(&j, "registrations", stats.registrations);
	cli_json_int(&j, "permits", stats.permits);
	cli_json_int(&j, "cards", stats.cards);
	cli_json_int(&j, "endorsements", stats.endorsements);
	cli_json_int(&j, "changes", stats.changes);
	cli_json_int(&j, "fees", stats.fees);
	cli_json_int(&j, "sms", stats.sms);
	cli_json_int(&j, "rule_rows", stats.rules);
	cli_json_fixed(&j, "load_seconds", stats.load_seconds, 1);
	cli_json_fixed(&j, "index_seconds", stats.index_seconds, 1);
	cli_json_fixed(&j, "counts_seconds", stats.counts_seconds, 1);
	cli_json_fixed(&j, "seconds", seed_cmd_clock() - t0, 1);
	cli_json_int(&j, "bytes", (long long)sb.st_size);
	cli_json_fixed(&j, "bytes_per_person",
	    stats.persons > 0 ? (double)sb.st_size / stats.persons : 0.0, 0);
	cli_json_end(&j);
	return cli_json_print(&j);
}
