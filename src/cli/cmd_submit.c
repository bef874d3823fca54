/*
 * cmd_submit.c: `jzz [--db PATH] [--today DATE] [--user NAME] [--centre CODE]
 * submit [--reason R --note TEXT] [FILE | -]` (case-format.md): the business
 * of one case, rules then records, and its decision with the record made:
 * {..., "record": {"application_id": UUID, "receipt_no": STRING | null}}.
 *
 * A case that is not a case exits 2 before the database is touched, as in
 * `check`. A cancellation takes its reason (not_resident | false_materials)
 * and note from --reason and --note, which the case format has no field for.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "cli_service.h"

struct submit_arg {
	struct jzz_case       *c;
	const char            *reason_code;   /* --reason */
	int                    reason;   /* a cancellation's, else -1 */
	const char            *note, *name;
};

const struct cli_spec cmd_submit_spec = {
	.usage = "usage: jzz submit [--reason R --note TEXT] [FILE | -]\n"
	    "Does the business of one case: the rules, then the records, in one transaction.\n\n"
	    "  --reason R    a cancellation's reason: not_resident | false_materials\n"
	    "  --note TEXT   a cancellation's note\n"
	    "  -h, --help    this help\n"
	    "exit status: 0 decided, 1 failed or refused, 2 not a case, 3 busy.\n",
	.misuse = "submit: one FILE at most",
	CLI_SPEC_ARGS(struct submit_arg, NULL, NULL, -1, NULL, "-"),
	.args = {
		{ "reason", CLI_ARG_STR, offsetof(struct submit_arg, reason_code) },
		{ "note", CLI_ARG_STR, offsetof(struct submit_arg, note) },
	},
};

static int
submit_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct submit_arg *sa = arg;
	struct service_result    res;
	enum service_status      st;

	if (sa->c->business == BIZ_CANCELLATION)
		st = service_cancellation(s, a, sa->c, sa->c->today,
		    (enum service_cancel_reason)sa->reason, sa->note, &res);
	else
		st = service_submit(s, a, sa->c, sa->c->today, &res);
	if (st != SERVICE_OK)
		return cli_service_fail(s, st, sa->name);
	return cli_print_result(&res);
}

int
cmd_submit(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	const char           *path;   /* NULL: stdin */
	char                 *buf, text[300];
	size_t                len;
	struct jzz_case       c;
	struct casefmt_error  err;
	struct submit_arg    *sa = args;
	int                   rc;

	sa->c = &c;
	if (!cli_input_path(&cmd_submit_spec, argc, argv, &path, &rc))
		return rc;
	if (path != NULL)
		sa->name = path;
	if ((buf = cli_read_input(path, &len, &rc)) == NULL)
		return rc;
	rc = casefmt_parse(buf, len, CASEFMT_SUBMIT, cli_today(opts), &c, &err);
	free(buf);
	if (rc < 0) {
		casefmt_error_text(&err, text, sizeof text);
		cli_error("%s: %s", sa->name, text);
		return CLI_BADCASE;
	}
	if (c.business == BIZ_CANCELLATION) {
		sa->reason = service_cancel_reason_from_code(sa->reason_code);
		if (sa->reason < 0 || sa->note == NULL || *sa->note == '\0') {
			cli_error("%s: cancellation: --reason not_resident|false_materials and --note TEXT"
			    " are required", sa->name);
			return CLI_BADCASE;
		}
	}
	return cli_with_service(opts, submit_run, sa);
}
