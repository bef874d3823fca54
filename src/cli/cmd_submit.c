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

int
cmd_submit(const struct cli_opts *opts, int argc, char **argv)
{
	const char           *path = NULL, *name = "-", *reason = NULL, *note = NULL;
	FILE                 *in = stdin;
	char                 *buf, text[300];
	size_t                len;
	struct jzz_case       c;
	struct casefmt_error  err;
	struct service       *s;
	struct service_actor  a;
	struct service_result res;
	enum service_status   st;
	struct strbuf         sb;
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
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	if (c.business == BIZ_CANCELLATION)
		st = service_cancellation(s, &a, &c, c.today, (enum service_cancel_reason)r, note, &res);
	else
		st = service_submit(s, &a, &c, c.today, &res);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, name);
		service_close(s);
		return rc;
	}
	strbuf_init(&sb);
	if (res.replay_json != NULL) {
		/* A retry: the decision printed the first time, the same record. */
		size_t n = strlen(res.replay_json);

		while (n > 0 && res.replay_json[n - 1] != '}')
			n--;
		strbuf_printf(&sb, "%.*s", (int)(n > 0 ? n - 1 : 0), res.replay_json);
	} else
		casefmt_decision_open(&sb, &res.decision);
	strbuf_puts(&sb, ",\"record\":{\"application_id\":");
	strbuf_json_string(&sb, res.application_id);
	strbuf_puts(&sb, ",\"receipt_no\":");
	if (res.receipt_no[0] != '\0')
		strbuf_json_string(&sb, res.receipt_no);
	else
		strbuf_puts(&sb, "null");
	strbuf_puts(&sb, "}}");
	service_close(s);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}
