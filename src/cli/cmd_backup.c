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

static int
backup_run(struct service *s, const struct service_actor *a, void *arg)
{
	enum service_status st = service_backup(s, a, arg);

	return st == SERVICE_OK ? CLI_OK : cli_service_fail(s, st, "backup");
}

int
cmd_backup(const struct cli_opts *opts, int argc, char **argv)
{
	int rc = CLI_OK, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", backup_longopts, backup_usage, &rc)) != -1)
		if (o == CLI_OPT_EXIT)
			return rc;
	if (argc - optind != 1)
		return cli_usage_error(backup_usage, "backup: one PATH expected");
	return cli_with_service(opts, backup_run, argv[optind]);
}
