/*
 * cmd_demo.c: `jzz demo [--db PATH]`: the terminal in training mode, on a
 * training database filled with demo persons and accounts (made through the
 * service layer when it does not exist yet).
 *
 * Why a separate database: trainees must be able to accept, refuse and
 * cancel freely without touching real records; the default training file
 * sits beside the default database as training.db.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "jzz/cli.h"
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

int
cmd_demo(const struct cli_opts *opts, int argc, char **argv)
{
	const char *db = opts->db;
	char        def[1024], hol[1024], err[SERVICE_ERR_LEN];

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			db = argv[i] + 5;
		else {
			cli_error("demo: unexpected argument %s (usage: jzz demo [--db PATH])", argv[i]);
			return CLI_BADCASE;
		}
	}
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
	if (ui_demo_prepare(db, cmd_demo_today(opts), cmd_tui_holidays(hol, sizeof hol),
	    err, sizeof err) != 0) {
		cli_error("demo: cannot prepare the training database %s: %s", db, err);
		return CLI_FAIL;
	}
	return cmd_tui_open(opts, db, true);
}
