/*
 * cmd_backup.c: `jzz backup PATH`: a consistent copy of the database made
 * with SQLite's online backup API while the counters keep working.
 */
#include "cli_service.h"

int
cmd_backup(const struct cli_opts *opts, int argc, char **argv)
{
	struct service      *s;
	struct service_actor a;
	enum service_status  st;
	int                  rc = CLI_OK;

	if (argc != 2) {
		cli_error("usage: jzz backup PATH");
		return CLI_BADCASE;
	}
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_backup(s, &a, argv[1]);
	if (st != SERVICE_OK)
		rc = cli_service_fail(s, st, "backup");
	service_close(s);
	return rc;
}
