/*
 * cmd_status.c: `jzz status --id NUMBER --name NAME`: the public progress
 * query (as on 962222: both the name and the number must match), printed as
 * one JSON object.
 */
#include <stddef.h>
#include <string.h>

#include "cli_service.h"

struct status_arg {
	const char *id, *name;
	jzz_date    today;
};

const struct cli_spec cmd_status_spec = {
	.usage = "usage: jzz status --id NUMBER --name NAME\n"
	    "The public progress query: both the name and the ID number must match.\n\n"
	    "  --id NUMBER   the applicant's ID number\n"
	    "  --name NAME   the applicant's name\n"
	    "  -h, --help    this help\n",
	.misuse = "status: --id and --name are both required",
	CLI_SPEC_ARGS(struct status_arg, NULL, NULL, JZZ_DATE_NONE),
	.args = {
		{ "id", CLI_ARG_STR, offsetof(struct status_arg, id) },
		{ "name", CLI_ARG_STR, offsetof(struct status_arg, name) },
	},
	.no_words = true,
};

static int
status_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct status_arg   *sa = arg;
	struct service_status_info r;
	enum service_status        st;
	struct cli_json            j;

	if ((st = service_status_query(s, a, sa->id, sa->name, sa->today, &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "status");
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_bool(&j, "found", r.found);
	if (r.found) {
		cli_json_str(&j, "last_business", case_business_vocab[r.last_business].code);
		cli_json_str(&j, "last_decision", rules_verdict_code(r.last_verdict));
		cli_json_day(&j, "last_day", r.last_day);
		cli_json_str(&j, "card", service_card_state_code(r.card_state));
		cli_json_day(&j, "ready_on", r.ready_on);
		cli_json_str(&j, "permit", service_permit_state_code(r.permit_state));
		cli_json_day(&j, "valid_until", r.valid_until);
	}
	cli_json_end(&j);
	return cli_json_print(&j);
}

int
cmd_status(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct status_arg *sa = args;

	(void)argc;
	(void)argv;
	if (sa->id == NULL || sa->name == NULL)
		return cli_usage(&cmd_status_spec);
	sa->today = cli_today(opts);
	return cli_with_service(opts, status_run, sa);
}
