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
	o.holidays = cli_holidays_dir(hol, sizeof hol);
	if ((o.cal = cli_load_calendar()) == NULL)
		return CLI_FAIL;
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
