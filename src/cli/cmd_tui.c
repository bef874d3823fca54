/*
 * cmd_tui.c: `jzz` with no command (or `jzz tui`): the counter terminal on
 * the default database (or --db), with a login; with --training, in
 * training mode on a training database.
 *
 * Why the command only gathers options: the terminal lives in src/ui; the
 * command line owns the options, the data folder and the holiday files,
 * and hands the terminal what jzz.conf and the environment said.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "jzz/ui.h"

const struct cli_spec cmd_tui_spec = {
	.usage = "usage: jzz [--db PATH] [--training] [-v] [tui]\n"
	    "The counter terminal, with a login (the default command).\n\n"
	    "  -h, --help   this help\n",
	.misuse = "tui: no arguments expected",
};

/* mkdir -p, private: the log folder may hold what clerks did. */
static void
cmd_tui_mkdirs(char *path)
{
	for (char *p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(path, 0700);
		*p = '/';
	}
	mkdir(path, 0700);
}

/* -v: the debug log, appended to <state>/jzz/tui.log, 0600. The state
 * folder is the unit's $STATE_DIRECTORY under systemd, else
 * $XDG_STATE_HOME/jzz, else ~/.local/state/jzz. NULL (after a message)
 * when it cannot be opened: the terminal works without it. */
static FILE *
cmd_tui_log(void)
{
	const char *sd = getenv("STATE_DIRECTORY"), *xdg = getenv("XDG_STATE_HOME");
	const char *home = getenv("HOME");
	char        dir[2048], path[2100];
	int         fd;
	FILE       *f;

	if (sd != NULL && *sd == '/')
		snprintf(dir, sizeof dir, "%s", sd);
	else if (xdg != NULL && *xdg == '/')
		snprintf(dir, sizeof dir, "%s/jzz", xdg);
	else if (home != NULL && *home == '/')
		snprintf(dir, sizeof dir, "%s/.local/state/jzz", home);
	else {
		cli_error("-v: no state folder for the debug log (set HOME or XDG_STATE_HOME)");
		return NULL;
	}
	cmd_tui_mkdirs(dir);
	snprintf(path, sizeof path, "%s/tui.log", dir);
	fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0 || fchmod(fd, 0600) != 0 || (f = fdopen(fd, "a")) == NULL) {
		cli_error("-v: %s: %s", path, strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	return f;
}

/* JZZ_TEST_CLOCK_SCALE: how many times faster the terminal's idle clock
 * runs, 1 to 3600 (the terminal refuses it on a production database).
 * 1 when unset; 0 after a message when it is not such a number. */
static int
cmd_tui_clock_scale(void)
{
	const char *v = getenv("JZZ_TEST_CLOCK_SCALE");
	char       *end;
	long        n;

	if (v == NULL || *v == '\0')
		return 1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > 3600) {
		cli_error("JZZ_TEST_CLOCK_SCALE=%s: a whole number from 1 to 3600", v);
		return 0;
	}
	return (int)n;
}

int
cmd_tui_options(const struct cli_opts *opts, struct ui_options *o, char *hol, size_t holsize)
{
	memset(o, 0, sizeof *o);
	o->db = opts->db;
	o->today = opts->today;
	o->user = opts->user;
	o->centre = opts->centre;
	o->lang = opts->lang;
	o->training = opts->training;
	o->holidays = cli_holidays_dir(opts, hol, holsize);
	o->cal = cli_load_calendar(opts);
	o->receipt_dir = opts->receipt_dir;
	o->export_dir = opts->export_dir;
	o->printer = opts->printer;
	/* jzz.conf's key is the production database's; a training file keeps
	 * its own beside it. */
	o->audit_key_file = opts->training ? NULL : opts->audit_key_file;
	o->log = opts->verbose > 0 ? cmd_tui_log() : NULL;
	/* checked when read (cli_config_load) */
	o->esc_wait_ms = opts->esc_wait != NULL ? atoi(opts->esc_wait) : -1;
	o->clock_scale = cmd_tui_clock_scale();
	return o->clock_scale > 0 ? 0 : -1;
}

void
cmd_tui_options_free(struct ui_options *o)
{
	calendar_free(o->cal);
	o->cal = NULL;
	if (o->log != NULL)
		fclose(o->log);
	o->log = NULL;
}

int
cmd_tui_open(const struct cli_opts *opts, const char *db, bool training)
{
	struct ui_options o;
	char              hol[1024];
	int               rc;

	if (cmd_tui_options(opts, &o, hol, sizeof hol) != 0) {
		cmd_tui_options_free(&o);
		return CLI_BADCASE;
	}
	o.db = db;
	o.training = training;
	if (training)
		o.audit_key_file = NULL;
	rc = ui_run(&o);
	cmd_tui_options_free(&o);
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

int
cmd_tui(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	(void)args;
	(void)argv;
	if (argc > 0)
		return cli_usage(&cmd_tui_spec);
	/* `jzz --training --db FILE`: training mode on an existing training file. */
	return cmd_tui_open(opts, opts->db, opts->training);
}
