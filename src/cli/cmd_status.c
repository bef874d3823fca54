/*
 * cmd_status.c: `jzz status --id NUMBER --name NAME`: the public progress
 * query (as on 962222: both the name and the number must match), printed as
 * one JSON object.
 */
#include <string.h>

#include "cli_service.h"

int
cmd_status(const struct cli_opts *opts, int argc, char **argv)
{
	const char                *id = NULL, *name = NULL;
	struct service            *s;
	struct service_actor       a;
	struct service_status_info r;
	enum service_status        st;
	struct strbuf              sb;
	int                        rc;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--id") == 0 && i + 1 < argc)
			id = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else
			id = NULL, i = argc;
	}
	if (id == NULL || name == NULL) {
		cli_error("usage: jzz status --id NUMBER --name NAME");
		return CLI_BADCASE;
	}
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
