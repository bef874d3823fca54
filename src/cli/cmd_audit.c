/*
 * cmd_audit.c: the audit log from the command line:
 *   jzz audit verify [--head SEQ:MAC]   every entry's MAC and link, the
 *                                        append-only guard, the records the
 *                                        entries bound, and the head recorded
 *                                        before (exit 1 when anything fails)
 *   jzz audit head                       {"seq": N, "mac": "HEX"}: the newest
 *                                        entry, to be kept elsewhere (the
 *                                        journal) for a later verify --head
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_service.h"

struct audit_args {
	bool        head;
	const char *head_given;   /* --head SEQ:MAC */
	long long   head_seq;
	const char *head_mac;
};

static int
audit_run(struct service *s, const struct service_actor *a, void *arg)
{
	struct audit_args         *x = arg;
	struct service_audit_check r;
	enum service_status        st;
	struct strbuf              sb;
	struct cli_json            j;
	long long                  seq;
	char                       mac[80];
	int                        rc;

	if (x->head) {
		if ((st = service_audit_head(s, a, &seq, mac)) != SERVICE_OK)
			return cli_service_fail(s, st, "audit head");
		/* Spaced, unlike every other result: the form jzz(1) documents and
		 * the journal and the scripts keeping heads already hold. */
		strbuf_init(&sb);
		strbuf_printf(&sb, "{\"seq\": %lld, \"mac\": \"%s\"}", seq, mac);
		rc = cli_print(&sb);
		strbuf_free(&sb);
		return rc;
	}
	if ((st = service_audit_verify(s, a, x->head_seq, x->head_mac, &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "audit");
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_bool(&j, "ok", r.ok);
	cli_json_int(&j, "entries", r.entries);
	if (!r.ok) {
		cli_json_int(&j, "first_broken", r.first_broken);
		cli_json_str(&j, "reason", r.reason);
	}
	cli_json_end(&j);
	rc = cli_json_print(&j);
	if (rc == CLI_OK && !r.ok) {
		cli_error("audit log broken at entry %ld: %s", r.first_broken, r.reason);
		rc = CLI_FAIL;
	}
	return rc;
}

const struct cli_spec cmd_audit_spec = {
	.usage = "usage: jzz audit verify [--head SEQ:MAC]\n"
	    "       jzz audit head\n"
	    "verify: every entry's MAC and link, the records they bind, and a head\n"
	    "recorded before (exit 1 when anything fails); head: the newest entry.\n\n"
	    "  --head SEQ:MAC   verify: a head printed earlier by jzz audit head\n"
	    "  -h, --help       this help\n",
	.misuse = "audit: expected verify or head",
	CLI_SPEC_ARGS(struct audit_args, false, NULL, 0, NULL),
	.args = {
		{ "head", CLI_ARG_STR, offsetof(struct audit_args, head_given) },
	},
};

int
cmd_audit(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	static const char *const actions[] = { "verify", "head", NULL };
	struct audit_args       *x = args;
	const char              *head;
	char                    *end;
	int                      k;

	if (argc != 1 || (k = cli_word_index(argv[0], actions)) < 0)
		return cli_usage(&cmd_audit_spec);
	x->head = k == 1;
	if ((head = x->head_given) != NULL && x->head)
		return cli_usage_error(cmd_audit_spec.usage, "audit head: --head is for verify");
	if (head != NULL) {
		x->head_seq = strtoll(head, &end, 10);
		if (x->head_seq <= 0 || *end != ':' || strlen(end + 1) != 64 ||
		    strspn(end + 1, "0123456789abcdef") != 64) {
			cli_error("audit verify --head SEQ:MAC (as `jzz audit head` printed it)");
			return CLI_BADCASE;
		}
		x->head_mac = end + 1;
	}
	return cli_with_service(opts, audit_run, x);
}
