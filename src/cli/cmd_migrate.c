/*
 * cmd_migrate.c: `jzz migrate --from FILE --to URI [--from-key KEY]
 * [--to-key KEY]`: a centre's SQLite file moved into a PostgreSQL store
 * made by `jzz init` that holds no records yet (service_migrate.c has the
 * semantics; docs/deploy.md and jzz-migrate(1) tell them). Prints
 * {"tables": {TABLE: ROWS, ...}, "audit_entries": N, "verified": true, ...}
 * once the copy is counted on both sides and the store's audit chain
 * verified; progress goes to stderr.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli_service.h"

const struct cli_spec cmd_migrate_spec = {
	.usage = "usage: jzz migrate --from FILE --to URI [--from-key KEY] [--to-key KEY]\n"
	    "Moves a centre's SQLite file into an empty PostgreSQL store made by `jzz init`;\n"
	    "the file is only read.\n\n"
	    "  --from FILE     the centre's database file\n"
	    "  --to URI        the store (postgresql://..., postgres://... or service=NAME)\n"
	    "  --from-key KEY  the file's audit key (default: audit_key_file, else FILE.key)\n"
	    "  --to-key KEY    where the store's key goes (default: audit_key_file, else\n"
	    "                  ~/.config/jzz/pg-HOST-PORT-DB.key)\n"
	    "  -h, --help      this help\n"
	    "exit status: 0 moved, 2 refused before anything was written (the store holds"
	    " records,\n"
	    "the file was moved already, bad input), 1 failed (nothing written).\n",
	.misuse = "migrate: --from FILE and --to URI are required",
	CLI_SPEC_ARGS(struct service_migrate_opts, 0),
	.args = {
		{ "from", CLI_ARG_STR, offsetof(struct service_migrate_opts, from) },
		{ "to", CLI_ARG_STR, offsetof(struct service_migrate_opts, to) },
		{ "from-key", CLI_ARG_STR, offsetof(struct service_migrate_opts, from_key) },
		{ "to-key", CLI_ARG_STR, offsetof(struct service_migrate_opts, to_key) },
	},
	.no_words = true,
};

struct migrate_bar {
	bool tty;
	char table[32];
};

/* One line per table on a log, redrawn in place on a terminal. */
static void
migrate_cmd_progress(void *arg, const char *table, long long done, long long total)
{
	struct migrate_bar *b = arg;
	bool                end = done >= total;

	if (!b->tty && !end && strcmp(b->table, table) == 0 && done % 100000 != 0)
		return;
	snprintf(b->table, sizeof b->table, "%s", table);
	fprintf(stderr, "%smigrate: %s %lld/%lld%s", b->tty ? "\r\033[K" : "", table, done, total,
	    b->tty && !end ? "" : "\n");
	fflush(stderr);
}

int
cmd_migrate(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct service_migrate_opts  *o = args;
	struct service_migrate_result r;
	struct migrate_bar            bar;
	struct strbuf                 sb;
	enum service_status           st;
	char                          err[1024];
	int                           status;
	(void)argc;
	(void)argv;

	if (o->from == NULL || o->to == NULL)
		return cli_usage(&cmd_migrate_spec);
	if (o->from_key == NULL)
		o->from_key = opts->audit_key_file;
	if (o->to_key == NULL)
		o->to_key = opts->audit_key_file;
	memset(&bar, 0, sizeof bar);
	bar.tty = isatty(STDERR_FILENO);
	o->progress = migrate_cmd_progress;
	o->progress_arg = &bar;
	st = service_migrate(o, &r, err, sizeof err);
	if (st != SERVICE_OK) {
		cli_error("migrate: %s", err);
		return st == SERVICE_ERR_EXISTS || st == SERVICE_ERR_INVALID ? CLI_BADCASE :
		    st == SERVICE_ERR_BUSY ? CLI_BUSY : CLI_FAIL;
	}
	strbuf_init(&sb);
	strbuf_puts(&sb, "{\"tables\":{");
	for (int i = 0; i < r.ntables; i++)
		strbuf_printf(&sb, "%s\"%s\":%lld", i > 0 ? "," : "", r.t[i].table, r.t[i].target);
	strbuf_printf(&sb, "},\"audit_entries\":%lld,\"verified\":%s,\"identity\":\"%s\",\"key\":",
	    r.audit_entries, r.verified ? "true" : "false", r.identity);
	strbuf_json_string(&sb, r.key_path);
	strbuf_printf(&sb, ",\"key_written\":%s,\"key_replaced\":", r.key_written ? "true" : "false");
	if (r.key_aside[0] != '\0' && r.key_written)
		strbuf_json_string(&sb, r.key_aside);
	else
		strbuf_puts(&sb, "null");
	strbuf_putc(&sb, '}');
	status = cli_print(&sb);
	strbuf_free(&sb);
	return status;
}
