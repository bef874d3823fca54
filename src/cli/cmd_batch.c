/*
 * cmd_batch.c: `jzz batch auto-endorse`: the ENDO-5 batch on the day of
 * work; prints how many permits were examined, endorsed, not endorsed, and
 * messages queued. Safe to run again: done permits are skipped.
 */
#include <string.h>

#include "cli_service.h"

static int
batch_auto_endorse(struct service *s, const struct service_actor *a, void *arg)
{
	const struct cli_opts      *opts = arg;
	struct service_batch_result r;
	enum service_status         st;
	struct strbuf               sb;
	int                         rc;

	if ((st = service_batch_auto_endorse(s, a, cli_today(opts), &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "batch");
	strbuf_init(&sb);
	strbuf_printf(&sb, "{\"examined\":%d,\"endorsed\":%d,\"not_endorsed\":%d,\"sms_queued\":%d}",
	    r.examined, r.endorsed, r.not_endorsed, r.sms_queued);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}

int
cmd_batch(const struct cli_opts *opts, int argc, char **argv)
{
	if (argc != 2 || strcmp(argv[1], "auto-endorse") != 0) {
		cli_error("usage: jzz batch auto-endorse");
		return CLI_BADCASE;
	}
	return cli_with_service(opts, batch_auto_endorse, (void *)opts);
}
