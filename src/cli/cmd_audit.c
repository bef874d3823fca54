/*
 * cmd_audit.c: `jzz audit verify`: walks the audit log's hash chain and
 * reports the first broken link (exit 1 when the chain is broken).
 */
#include <string.h>

#include "cli_service.h"

int
cmd_audit(const struct cli_opts *opts, int argc, char **argv)
{
	struct service            *s;
	struct service_actor       a;
	struct service_audit_check r;
	enum service_status        st;
	struct strbuf              sb;
	int                        rc;

	if (argc != 2 || strcmp(argv[1], "verify") != 0) {
		cli_error("usage: jzz audit verify");
		return CLI_BADCASE;
	}
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_audit_verify(s, &a, &r);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "audit");
		service_close(s);
		return rc;
	}
	service_close(s);
	strbuf_init(&sb);
	strbuf_printf(&sb, "{\"ok\":%s,\"entries\":%ld", r.ok ? "true" : "false", r.entries);
	if (!r.ok) {
		strbuf_printf(&sb, ",\"first_broken\":%ld,\"reason\":", r.first_broken);
		strbuf_json_string(&sb, r.reason);
	}
	strbuf_putc(&sb, '}');
	rc = cli_print(&sb);
	strbuf_free(&sb);
	if (rc == CLI_OK && !r.ok) {
		cli_error("audit log broken at entry %ld: %s", r.first_broken, r.reason);
		rc = CLI_FAIL;
	}
	return rc;
}
