/*
 * cmd_status.c: `jzz status --id NUMBER --name NAME`: the public progress
 * query (as on 962222: both the name and the number must match), printed as
 * one JSON object.
 */
#include <getopt.h>
#include <string.h>

#include "cli_service.h"

static const char status_usage[] =
    "usage: jzz status --id NUMBER --name NAME\n"
    "The public progress query: both the name and the ID number must match.\n\n"
    "  --id NUMBER   the applicant's ID number\n"
    "  --name NAME   the applicant's name\n"
    "  -h, --help    this help\n";

static const struct option status_longopts[] = {
	{ "id", required_argument, NULL, 'i' },
	{ "name", required_argument, NULL, 'n' },
	CLI_OPT_COMMON
};

int
cmd_status(const struct cli_opts *opts, int argc, char **argv)
{
	const char                *id = NULL, *name = NULL;
	struct service            *s;
	struct service_actor       a;
	struct service_status_info r;
	enum service_status        st;
	struct strbuf              sb;
	int                        rc = CLI_OK, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", status_longopts, status_usage, &rc)) != -1) {
		if (o == CLI_OPT_EXIT)
			return rc;
		if (o == 'i')
			id = optarg;
		else
			name = optarg;
	}
	if (optind < argc)
		return cli_usage_error(status_usage, "status: unexpected %s", argv[optind]);
	if (id == NULL || name == NULL)
		return cli_usage_error(status_usage, "status: --id and --name are both required");
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_status_query(s, &a, id, name, cli_today(opts), &r);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "status");
		service_close(s);
		return rc;
	}
	service_close(s);
	strbuf_init(&sb);
	if (!r.found) {
		strbuf_puts(&sb, "{\"found\":false}");
	} else {
		strbuf_printf(&sb, "{\"found\":true,\"last_business\":\"%s\",\"last_decision\":\"%s\","
		    "\"last_day\":", case_business_vocab[r.last_business].code,
		    rules_verdict_code(r.last_verdict));
		cli_json_date(&sb, r.last_day);
		strbuf_printf(&sb, ",\"card\":\"%s\",\"ready_on\":", service_card_state_code(r.card_state));
		cli_json_date(&sb, r.ready_on);
		strbuf_printf(&sb, ",\"permit\":\"%s\",\"valid_until\":",
		    service_permit_state_code(r.permit_state));
		cli_json_date(&sb, r.valid_until);
		strbuf_putc(&sb, '}');
	}
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}
