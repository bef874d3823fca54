/*
 * cmd_batch.c: `jzz batch auto-endorse`: the ENDO-5 batch on the day of
 * work; prints how many permits were examined, endorsed, not endorsed, and
 * messages queued. Safe to run again: done permits are skipped.
 *
 * Run nightly by jzz-auto-endorse.service: under systemd its lines carry
 * their syslog priority (the result <6>, permits left unendorsed <4>,
 * errors <3> through cli_error), so that `journalctl -p warning` finds them.
 */
#include <getopt.h>
#include <string.h>

#include "cli_service.h"

static const char batch_usage[] =
    "usage: jzz batch auto-endorse\n"
    "The auto-endorsement batch (ENDO-5) on the day of work; safe to run again.\n\n"
    "  -h, --help   this help\n";

static const struct option batch_longopts[] = { CLI_OPT_COMMON };

int
cmd_batch(const struct cli_opts *opts, int argc, char **argv)
{
	struct service             *s;
	struct service_actor        a;
	struct service_batch_result r;
	enum service_status         st;
	struct strbuf               sb;
	int                         rc = CLI_OK, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", batch_longopts, batch_usage, &rc)) != -1)
		if (o == CLI_OPT_EXIT)
			return rc;
	if (argc - optind != 1 || strcmp(argv[optind], "auto-endorse") != 0)
		return cli_usage_error(batch_usage, "batch: expected auto-endorse");
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_batch_auto_endorse(s, &a, cli_today(opts), &r);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "batch");
		service_close(s);
		return rc;
	}
	service_close(s);
	if (r.not_endorsed > 0) {
		cli_log_prefix(stderr, CLI_LOG_WARNING);
		fprintf(stderr, "jzz: batch: %d permits not endorsed (the holders are told by SMS)\n",
		    r.not_endorsed);
	}
	cli_log_prefix(stdout, CLI_LOG_INFO);
	strbuf_init(&sb);
	strbuf_printf(&sb, "{\"examined\":%d,\"endorsed\":%d,\"not_endorsed\":%d,\"sms_queued\":%d}",
	    r.examined, r.endorsed, r.not_endorsed, r.sms_queued);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}
