/*
 * cmd_batch.c: `jzz batch auto-endorse`: the ENDO-5 batch on the day of
 * work; prints how many permits were examined, endorsed, not endorsed, and
 * messages queued. Safe to run again: done permits are skipped.
 *
 * Run nightly by jzz-auto-endorse.service: under systemd its lines carry
 * their syslog priority (the result <6>, permits left unendorsed <4>,
 * errors <3> through cli_error), so that `journalctl -p warning` finds them.
 */
#include <string.h>

#include "cli_service.h"

const struct cli_spec cmd_batch_spec = {
	.usage = "usage: jzz batch auto-endorse\n"
	    "The auto-endorsement batch (ENDO-5) on the day of work; safe to run again.\n\n"
	    "  -h, --help   this help\n",
	.misuse = "batch: expected auto-endorse",
};

static int
batch_run(struct service *s, const struct service_actor *a, void *arg)
{
	const jzz_date             *today = arg;
	struct service_batch_result r;
	enum service_status         st;
	struct cli_json             j;

	if ((st = service_batch_auto_endorse(s, a, *today, &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "batch");
	if (r.not_endorsed > 0) {
		cli_log_prefix(stderr, CLI_LOG_WARNING);
		fprintf(stderr, "jzz: batch: %d permits not endorsed (the holders are told by SMS)\n",
		    r.not_endorsed);
	}
	cli_log_prefix(stdout, CLI_LOG_INFO);
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_int(&j, "examined", r.examined);
	cli_json_int(&j, "endorsed", r.endorsed);
	cli_json_int(&j, "not_endorsed", r.not_endorsed);
	cli_json_int(&j, "sms_queued", r.sms_queued);
	cli_json_end(&j);
	return cli_json_print(&j);
}

int
cmd_batch(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	jzz_date today;

	(void)args;
	if (argc != 1 || strcmp(argv[0], "auto-endorse") != 0)
		return cli_usage(&cmd_batch_spec);
	today = cli_today(opts);
	return cli_with_service(opts, batch_run, &today);
}
