/*
 * cmd_init.c: `jzz --db PATH init --centre CODE`: a new database with the
 * schema, the centres and kiosks, the holiday calendar of
 * <datadir>/holidays (or $JZZ_HOLIDAYS_DIR), and the account admin.
 * A file that already holds data is refused (exit 2): init never
 * overwrites records. With --training the file is a training database,
 * filled with the demo accounts and persons.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_service.h"

int
cmd_init(const struct cli_opts *opts, int argc, char **argv)
{
	const char         *centre = opts->centre, *env = getenv("JZZ_HOLIDAYS_DIR");
	char                dir[4096], err[512];
	enum service_status st;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--centre") == 0 && i + 1 < argc)
			centre = argv[++i];
		else if (strncmp(argv[i], "--centre=", 9) == 0)
			centre = argv[i] + 9;
		else {
			cli_error("usage: jzz --db PATH init --centre CODE");
			return CLI_BADCASE;
		}
	}
	if (centre == NULL) {
		cli_error("init: --centre CODE is required (e.g. 310105009 虹桥街道)");
		return CLI_BADCASE;
	}
	if (env != NULL && *env != '\0')
		snprintf(dir, sizeof dir, "%s", env);
	else
		snprintf(dir, sizeof dir, "%s/holidays", cli_datadir());
	if (access(dir, R_OK | X_OK) != 0) {
		/* Not fatal: every count is then provisional and says so (CAL-1). */
		cli_error("init: %s: %s; working days are Monday to Friday only", dir, strerror(errno));
		snprintf(dir, sizeof dir, "%s", "");
	}
	if (opts->training && opts->db == NULL) {
		cli_error("init --training: --db PATH is required (never the default database)");
		return CLI_BADCASE;
	}
	/* --training: a training database, with its demo data (as `training init`) */
	if (opts->training)
		st = service_init_training(opts->db, centre, dir[0] != '\0' ? dir : NULL,
		    cli_today(opts), err, sizeof err);
	else
		st = service_init(opts->db, centre, dir[0] != '\0' ? dir : NULL, err, sizeof err);
	if (st != SERVICE_OK) {
		cli_error("init: %s", err);
		return st == SERVICE_ERR_EXISTS || st == SERVICE_ERR_INVALID ? CLI_BADCASE : CLI_FAIL;
	}
	return CLI_OK;
}
