/*
 * cmd_demo.c: `jzz demo [--db PATH]`: the terminal in training mode, on a
 * training database filled with demo persons and accounts (made through the
 * service layer when it does not exist yet).
 *
 * `jzz demo --list` prints the scenarios of data/scenarios/NAME.scn with their
 * titles; `jzz demo --play NAME [--db PATH] [--pace MS]` replays one on a
 * fresh training database (a temporary file, or PATH reset to the demo
 * data), one step every MS milliseconds (700 by default), with its
 * narration on screen, and stays on its last screen.
 *
 * Why a separate database: trainees must be able to accept, refuse and
 * cancel freely without touching real records; the default training file
 * sits beside the default database as training.db.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <libgen.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "jzz/service.h"
#include "jzz/ui.h"

/* Makes the folders of a path (mkdir -p of its dirname). */
static void
cmd_demo_mkdirs(const char *path)
{
	char buf[1024], *p;

	snprintf(buf, sizeof buf, "%s", path);
	p = dirname(buf);
	for (char *s = p + 1; *s != '\0'; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0700);
			*s = '/';
		}
	mkdir(p, 0700);
}

/* Removes a folder of plain files (the receipts of a temporary demo). */
static void
cmd_demo_rmdir(const char *dir)
{
	DIR           *d = opendir(dir);
	struct dirent *e;
	char           p[1200];

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		unlink(p);
	}
	closedir(d);
	rmdir(dir);
}

static jzz_date
cmd_demo_today(const struct cli_opts *opts)
{
	time_t    t;
	struct tm tm;

	if (opts->today != JZZ_DATE_NONE)
		return opts->today;
	t = time(NULL);
	localtime_r(&t, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
cmd_demo_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The scenario files' names (without .scn), sorted; NULL-terminated. */
static char **
cmd_demo_names(const char *dir)
{
	DIR           *d = opendir(dir);
	struct dirent *e;
	char         **v = NULL, **nv;
	size_t         n = 0;

	if (d == NULL)
		return NULL;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".scn") != 0)
			continue;
		nv = realloc(v, (n + 2) * sizeof *v);
		if (nv == NULL)
			break;
		v = nv;
		v[n] = strndup(e->d_name, len - 4);
		if (v[n] != NULL)
			n++;
	}
	closedir(d);
	if (v == NULL)
		return NULL;
	v[n] = NULL;
	qsort(v, n, sizeof *v, cmd_demo_cmp);
	return v;
}

static void
cmd_demo_names_free(char **v)
{
	for (size_t i = 0; v != NULL && v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* `--list`: every scenario with its titles; a file that does not read is
 * named with the reason, and the exit status says so. */
static int
cmd_demo_list(const char *dir)
{
	char **names = cmd_demo_names(dir);
	int    rc = CLI_OK;

	if (names == NULL) {
		cli_error("demo: no scenarios in %s", dir);
		return CLI_FAIL;
	}
	for (size_t i = 0; names[i] != NULL; i++) {
		struct ui_scenario sc;
		char               path[1200], err[1400];

		snprintf(path, sizeof path, "%s/%s.scn", dir, names[i]);
		if (ui_scenario_load(path, &sc, err, sizeof err) != 0) {
			cli_error("demo: %s", err);
			rc = CLI_FAIL;
			continue;
		}
		printf("%-28s %s / %s (%zu steps)\n", sc.name, sc.title_zh, sc.title_en, sc.nsteps);
		ui_scenario_free(&sc);
	}
	cmd_demo_names_free(names);
	return rc;
}

/*
 * `--play NAME`: a fresh training database (PATH made or reset to the demo
 * data of the scenario's day; without --db a temporary file, removed
 * afterwards), then the terminal playing the scenario.
 */
static int
cmd_demo_play(const struct cli_opts *opts, const char *dir, const char *name, const char *db,
              int pace)
{
	struct ui_scenario sc;
	struct ui_options  o;
	char               path[1200], err[1400], hol[1024], tmpdir[64] = "", tmpdb[128];
	jzz_date           day;
	int                rc;

	snprintf(path, sizeof path, "%s/%s.scn", dir, name);
	if (strchr(name, '/') != NULL || ui_scenario_load(path, &sc, err, sizeof err) != 0) {
		cli_error("demo: no scenario %s (jzz demo --list names them)%s%s", name,
		    strchr(name, '/') != NULL ? "" : ": ", strchr(name, '/') != NULL ? "" : err);
		return CLI_BADCASE;
	}
	day = opts->today != JZZ_DATE_NONE ? opts->today :
	    sc.day != JZZ_DATE_NONE ? sc.day : cmd_demo_today(opts);
	if (db == NULL) {
		snprintf(tmpdir, sizeof tmpdir, "/tmp/jzz-demo-XXXXXX");
		if (mkdtemp(tmpdir) == NULL) {
			cli_error("demo: cannot make a temporary folder: %s", strerror(errno));
			ui_scenario_free(&sc);
			return CLI_FAIL;
		}
		snprintf(tmpdb, sizeof tmpdb, "%s/training.db", tmpdir);
		db = tmpdb;
	} else {
		struct service      *s;
		struct service_actor a;

		/* An existing store must be a training one: it is reset, never a
		 * production database (service_open_mode refuses one). */
		if (service_db_exists(db)) {
			s = service_open_mode(db, SERVICE_DB_TRAINING, err, sizeof err);
			if (s == NULL || service_actor_owner(s, NULL, &a) != SERVICE_OK ||
			    service_training_reset(s, &a, day) != SERVICE_OK) {
				cli_error("demo: cannot reset %s: %s", db, s != NULL ? service_errmsg(s) : err);
				service_close(s);
				ui_scenario_free(&sc);
				return CLI_FAIL;
			}
			service_close(s);
		}
		if (service_db_is_file(db))
			cmd_demo_mkdirs(db);
	}
	rc = CLI_OK;
	if (ui_demo_prepare(db, day, cli_holidays_dir(opts, hol, sizeof hol), err, sizeof err) != 0) {
		cli_error("demo: cannot prepare the training database %s: %s", db, err);
		rc = CLI_FAIL;
	} else {
		int bad = cmd_tui_options(opts, &o, hol, sizeof hol);

		o.db = db;
		o.today = day;
		o.user = NULL;
		o.training = true;
		o.audit_key_file = NULL;
		o.play = &sc;
		o.pace_ms = pace;
		rc = bad == 0 && o.cal != NULL && ui_run(&o) == 0 ? CLI_OK : CLI_FAIL;
		cmd_tui_options_free(&o);
	}
	if (tmpdir[0] != '\0') {
		char side[160];

		unlink(tmpdb);
		snprintf(side, sizeof side, "%s-wal", tmpdb);
		unlink(side);
		snprintf(side, sizeof side, "%s-shm", tmpdb);
		unlink(side);
		snprintf(side, sizeof side, "%s/receipts", tmpdir);
		cmd_demo_rmdir(side);
		rmdir(tmpdir);
	}
	ui_scenario_free(&sc);
	return rc;
}

struct demo_args {
	const char *db, *play;
	bool        list;
	int         pace;
};

const struct cli_spec cmd_demo_spec = {
	.usage = "usage: jzz demo [--db PATH]\n"
	    "       jzz demo --list\n"
	    "       jzz demo --play NAME [--db PATH] [--pace MS]\n"
	    "The terminal in training mode, on a training database made when absent.\n\n"
	    "  --db PATH     the training database (default ~/.local/share/jzz/training.db)\n"
	    "  --list        the scenarios that can be played\n"
	    "  --play NAME   plays a scenario on the screen\n"
	    "  --pace MS     milliseconds between a scenario's steps\n"
	    "  -h, --help    this help\n",
	CLI_SPEC_ARGS(struct demo_args, NULL, NULL, false, 0),
	.args = {
		{ "db", CLI_ARG_STR, offsetof(struct demo_args, db) },
		{ "list", CLI_ARG_FLAG, offsetof(struct demo_args, list) },
		{ "play", CLI_ARG_STR, offsetof(struct demo_args, play) },
		{ "pace", CLI_ARG_INT, offsetof(struct demo_args, pace), "demo: --pace: milliseconds, not %s",
		  .max = INT_MAX, .flags = CLI_ARG_BAD_USAGE },
	},
};

int
cmd_demo(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	const struct demo_args *x = args;
	const char      *db;
	char             def[1024], hol[1024], err[SERVICE_ERR_LEN], dir[1100];
	if (argc > 0)
		return cli_usage_error(cmd_demo_spec.usage,
		    "demo: unexpected argument %s", argv[0]);
	/* Only a --db of the command line: jzz.conf's is the production one. */
	db = x->db != NULL || opts->db_configured ? x->db : opts->db;
	/* Scenario files hold Chinese keys: decode them in the user's locale. */
	setlocale(LC_ALL, "");
	snprintf(dir, sizeof dir, "%s/scenarios", cli_datadir(opts));
	if (x->list)
		return cmd_demo_list(dir);
	if (x->play != NULL)
		return cmd_demo_play(opts, dir, x->play, db, x->pace);
	if (db == NULL) {
		char *slash;

		if (!service_default_path(def, sizeof def)) {
			cli_error("demo: no home folder for the training database; give --db PATH");
			return CLI_FAIL;
		}
		slash = strrchr(def, '/');
		snprintf(slash != NULL ? slash + 1 : def,
		    sizeof def - (size_t)(slash != NULL ? slash + 1 - def : 0), "training.db");
		db = def;
	}
	cmd_demo_mkdirs(db);
	if (ui_demo_prepare(db, cmd_demo_today(opts), cli_holidays_dir(opts, hol, sizeof hol),
	    err, sizeof err) != 0) {
		cli_error("demo: cannot prepare the training database %s: %s", db, err);
		return CLI_FAIL;
	}
	return cmd_tui_open(opts, db, true);
}
