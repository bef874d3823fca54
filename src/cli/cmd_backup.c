/*
 * cmd_backup.c: `jzz backup PATH`: a consistent copy of the database made
 * with SQLite's online backup API while the counters keep working.
 */
#include "cli_service.h"

const struct cli_spec cmd_backup_spec = {
	.usage = "usage: jzz backup PATH\n"
	    "A consistent copy of the database, made while the counters keep working.\n\n"
	    "  -h, --help   this help\n",
};

static int
backup_run(struct service *s, const struct service_actor *a, void *arg)
{
	enum service_status st = service_backup(s, a, arg);

	return st == SERVICE_OK ? CLI_OK : cli_service_fail(s, st, "backup");
}

int
cmd_backup(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	(void)args;
	if (argc != 1)
		return cli_usage_error(cmd_backup_spec.usage, "backup: one PATH expected");
	return cli_with_service(opts, backup_run, argv[0]);
}
