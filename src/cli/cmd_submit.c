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
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "cli_service.h"

static const char submit_usage[] =
    "usage: jzz submit [--reason R --note TEXT] [FILE | -]\n"
    "Does the business of one case: the rules, then the records, in one transaction.\n\n"
    "  --reason R    a cancellation's reason: not_resident | false_materials\n"
    "  --note TEXT   a cancellation's note\n"
    "  -h, --help    this help\n"
    "exit status: 0 decided, 1 failed or refused, 2 not a case, 3 busy.\n";

static const struct option submit_longopts[] = {
	{ "reason", required_argument, NULL, 'r' },
	{ "note", required_argument, NULL, 'n' },
	CLI_OPT_COMMON
};

struct submit_arg {
	struct jzz_case       *c;
	int                    reason;   /* a cancellation's, else -1 */
	const char            *note, *name;
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
cmd_submit(const struct cli_opts *opts, int argc, char **argv)
{
	const char           *path = NULL, *name = "-", *reason = NULL, *note = NULL;
	FILE                 *in = stdin;
	char                 *buf, text[300];
	size_t                len;
	struct jzz_case       c;
	struct casefmt_error  err;
	struct submit_arg     sa;
	int                   rc = CLI_OK, r = -1, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", submit_longopts, submit_usage, &rc)) != -1) {
		if (o == CLI_OPT_EXIT)
			return rc;
		if (o == 'r')
			reason = optarg;
		else
			note = optarg;
	}
	if (argc - optind > 1)
		return cli_usage_error(submit_usage, "submit: one FILE at most");
	if (optind < argc)
		path = argv[optind];
	if (path != NULL && strcmp(path, "-") != 0) {
		if ((in = fopen(path, "rb")) == NULL) {
			cli_error("%s: %s", path, strerror(errno));
			return CLI_BADCASE;
		}
		name = path;
	}
	buf = cli_read_all(in, &len);
	if (in != stdin)
		fclose(in);
	if (buf == NULL) {
		cli_error("%s: %s", name, strerror(errno));
		return CLI_FAIL;
	}
	rc = casefmt_parse(buf, len, CASEFMT_SUBMIT, cli_today(opts), &c, &err);
	free(buf);
	if (rc < 0) {
		casefmt_error_text(&err, text, sizeof text);
		cli_error("%s: %s", name, text);
		return CLI_BADCASE;
	}
	if (c.business == BIZ_CANCELLATION) {
		r = service_cancel_reason_from_code(reason);
		if (r < 0 || note == NULL || *note == '\0') {
			cli_error("%s: cancellation: --reason not_resident|false_materials and --note TEXT"
			    " are required", name);
			return CLI_BADCASE;
		}
	}
	sa.c = &c;
	sa.reason = r;
	sa.note = note;
	sa.name = name;
	return cli_with_service(opts, submit_run, &sa);
}
