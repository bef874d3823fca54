/*
 * cmd_report.c: `jzz [--centre CODE] report daily --date DATE --format json`
 * (case-format.md): the applications of one day at one centre, counted by
 * business and decision, with the fees collected. Supervisors and
 * administrators only. Businesses with no application that day are left
 * out of by_business.
 */
#include <string.h>

#include "jzz/cli_service.h"

static int
report_daily(const struct cli_opts *opts, jzz_date day)
{
	struct service             *s;
	struct service_actor        a;
	struct service_report_daily r;
	enum service_status         st;
	struct strbuf               sb;
	bool                        first = true;
	int                         rc;

	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_report_daily(s, &a, opts->centre, day, &r);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "report");
		service_close(s);
		return rc;
	}
	service_close(s);
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\"date\":");
	cli_json_date(&sb, r.day);
	strbuf_printf(&sb, ",\"centre\":\"%s\",\"applications\":%d,\"by_business\":{", r.centre,
	    r.applications);
	for (int b = 0; b < BIZ__COUNT; b++) {
		int *v = r.by_business[b];

		if (v[VERDICT_ACCEPT] + v[VERDICT_INCOMPLETE] + v[VERDICT_REFUSE] == 0)
			continue;
		strbuf_printf(&sb, "%s\"%s\":{\"accept\":%d,\"incomplete\":%d,\"refuse\":%d}",
		    first ? "" : ",", case_business_vocab[b].code, v[VERDICT_ACCEPT],
		    v[VERDICT_INCOMPLETE], v[VERDICT_REFUSE]);
		first = false;
	}
	strbuf_printf(&sb, "},\"fees_yuan\":%d,\"cod_fees_yuan\":%d,\"cards_received\":%d,"
	    "\"cards_handed\":%d,\"overdue_pickup_notices\":%d}", r.fees_yuan, r.cod_fees_yuan,
	    r.cards_received, r.cards_handed, r.overdue_notices);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}

int
cmd_report(const struct cli_opts *opts, int argc, char **argv)
{
	jzz_date    day = cli_today(opts);
	const char *format = "json";

	if (argc < 2 || strcmp(argv[1], "daily") != 0) {
		cli_error("usage: jzz report daily [--date DATE] [--format json]");
		return CLI_BADCASE;
	}
	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
			i++;
			if (!date_parse(argv[i], strlen(argv[i]), &day)) {
				cli_error("--date: %s is not a date YYYY-MM-DD", argv[i]);
				return CLI_BADCASE;
			}
		} else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
			format = argv[++i];
		} else {
			cli_error("usage: jzz report daily [--date DATE] [--format json]");
			return CLI_BADCASE;
		}
	}
	if (strcmp(format, "json") != 0) {
		cli_error("--format: only json is offered");
		return CLI_BADCASE;
	}
	return report_daily(opts, day);
}
