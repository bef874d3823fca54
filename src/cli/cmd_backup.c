/*
 * cmd_backup.c: `jzz backup PATH`: a consistent copy of the database made
 * with SQLite's online backup API while the counters keep working.
 */
#include <getopt.h>

#include "cli_service.h"

static const char backup_usage[] =
    "usage: jzz backup PATH\n"
    "A consistent copy of the database, made while the counters keep working.\n\n"
    "  -h, --help   this help\n";

static const struct option backup_longopts[] = { CLI_OPT_COMMON };

int
cmd_backup(const struct cli_opts *opts, int argc, char **argv)
{
	struct service      *s;
	struct service_actor a;
	enum service_status  st;
	int                  rc = CLI_OK, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", backup_longopts, backup_usage, &rc)) != -1)
		if (o == CLI_OPT_EXIT)
			return rc;
	if (argc - optind != 1)
		return cli_usage_error(backup_usage, "backup: one PATH expected");
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_backup(s, &a, argv[optind]);
	if (st != SERVICE_OK)
		rc = cli_service_fail(s, st, "backup");
	service_close(s);
	return rc;
}
