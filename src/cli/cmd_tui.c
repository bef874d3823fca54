/*
 * cmd_tui.c: `jzz` with no command (or `jzz tui`): the counter terminal on
 * the default database (or --db), with a login; with --training, in
 * training mode on a training database.
 *
 * Why the command only gathers options: the terminal lives in src/ui; the
 * command line owns the options, the data folder and the holiday files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jzz/ui.h"

/* Holiday files for a database created from here: $JZZ_HOLIDAYS_DIR, else
 * the data folder's. */
const char *
cmd_tui_holidays(char *buf, size_t size)
{
	const char *env = getenv("JZZ_HOLIDAYS_DIR");

	if (env != NULL && *env != '\0')
		return env;
	snprintf(buf, size, "%s/holidays", cli_datadir());
	return buf;
}

int
cmd_tui_open(const struct cli_opts *opts, const char *db, bool training)
{
	struct ui_options o;
	char              hol[1024];
	int               rc;

	memset(&o, 0, sizeof o);
	o.db = db;
	o.today = opts->today;
	o.user = opts->user;
	o.centre = opts->centre;
	o.lang = opts->lang;
	o.training = training;
	o.holidays = cmd_tui_holidays(hol, sizeof hol);
	o.cal = cli_load_calendar();
	rc = ui_run(&o);
	calendar_free(o.cal);
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

int
cmd_tui(const struct cli_opts *opts, int argc, char **argv)
{
	(void)argv;
	if (argc > 1) {
		cli_error("tui: no arguments expected");
		return CLI_BADCASE;
	}
	/* `jzz --training --db FILE`: training mode on an existing training file. */
	return cmd_tui_open(opts, opts->db, opts->training);
}
