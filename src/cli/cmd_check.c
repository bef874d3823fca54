/*
 * cmd_check.c: `jzz check [--jsonl] [FILE | -]`, the rules without a
 * database (case-format.md).
 *
 * One case in, one decision out; with --jsonl, one per line, in order, and a
 * bad line answered by {"error": ...} on its own output line so that the
 * caller can still pair answers with questions. Output is built whole in
 * memory before it is written, so a case is never half-printed.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "cli.h"
#include "cli_json.h"
#include "jzz/jsonv.h"
#include "jzz/rules.h"

struct check_run {
	bool             jsonl;  /* --jsonl */
	const char      *name;   /* file name for messages; "-" for stdin */
	jzz_date         today;
	struct calendar *cal;
	struct strbuf    out;
	struct jsonv_arena arena;
	int              status;
};

/* Evaluates one case held in buf and appends its decision (or, in
 * --jsonl mode, its error object) to the output. `line` is 0 outside
 * --jsonl. Problems go through cli_error, which strips terminal controls:
 * the file's name and the field quoted from it are the caller's text. */
static void
check_one(struct check_run *run, const char *buf, size_t len, long line)
{
	struct jzz_case      c;
	struct jzz_decision  d;
	struct casefmt_error err;
	struct cli_json      j;
	char                 text[300];

	if (casefmt_parse_in(&run->arena, buf, len, CASEFMT_CHECK, run->today, &c, &err) < 0) {
		casefmt_error_text(&err, text, sizeof text);
		if (line > 0) {
			cli_error("%s:%ld: %s", run->name, line, text);
			cli_json_start_in(&j, &run->out);
			cli_json_object(&j, NULL);
			cli_json_str(&j, "error", text);
			cli_json_end(&j);
			strbuf_putc(&run->out, '\n');
		} else if (err.line > 0 && err.field[0] == '\0') {
			cli_error("%s:%d: %s", run->name, err.line, err.message);
		} else {
			cli_error("%s: %s", run->name, text);
		}
		run->status = CLI_BADCASE;
		return;
	}
	rules_evaluate(&c, run->cal, &d);
	casefmt_decision(&run->out, &d);
	strbuf_putc(&run->out, '\n');
}

static int
check_flush(struct check_run *run)
{
	if (run->out.oom) {
		cli_error("out of memory");
		return -1;
	}
	if (run->out.len > 0 && fwrite(run->out.buf, 1, run->out.len, stdout) != run->out.len) {
		cli_error("writing the output: %s", strerror(errno));
		return -1;
	}
	strbuf_reset(&run->out);
	return 0;
}

static int
check_jsonl(struct check_run *run, FILE *in)
{
	char   *line = NULL;
	size_t  cap = 0;
	ssize_t n;
	long    lineno = 0;
	int     rc = 0;

	while ((n = getline(&line, &cap, in)) >= 0) {
		lineno++;
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			n--;
		if (strspn(line, " \t") == (size_t)n)
			continue;   /* a blank line holds no case */
		check_one(run, line, (size_t)n, lineno);
		/* Flush in large pieces: memory stays flat however many cases. */
		if (run->out.len > (1u << 16) && (rc = check_flush(run)) < 0)
			break;
	}
	if (ferror(in)) {
		cli_error("%s: %s", run->name, strerror(errno));
		rc = -1;
	}
	free(line);
	return rc < 0 ? rc : check_flush(run);
}

const struct cli_spec cmd_check_spec = {
	.usage = "usage: jzz check [--jsonl] [FILE | -]\n"
	    "Decides cases with the rules alone, no database (case-format.md).\n\n"
	    "  --jsonl      one case per line, one decision per line\n"
	    "  -h, --help   this help\n"
	    "exit status: 0 every case decided, 2 input that is not a case, 1 failed.\n",
	.misuse = "check: one FILE at most",
	CLI_SPEC_ARGS(struct check_run, false, "-", JZZ_DATE_NONE, NULL, { 0 }, { 0 }, CLI_OK),
	.args = {
		{ "jsonl", CLI_ARG_FLAG, offsetof(struct check_run, jsonl) },
	},
};

int
cmd_check(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct check_run *run = args;
	const char      *path;   /* NULL: stdin */
	FILE            *in;
	int              rc;

	run->today = opts->today;
	if (!cli_input_path(&cmd_check_spec, argc, argv, &path, &rc))
		return rc;
	if (path != NULL)
		run->name = path;
	if ((in = cli_open_input(path)) == NULL)
		return CLI_BADCASE;
	rc = CLI_OK;
	strbuf_init(&run->out);
	jsonv_arena_init(&run->arena);
	run->cal = cli_load_calendar(opts);
	if (run->cal == NULL) {
		rc = CLI_FAIL;   /* said on stderr */
	} else if (run->jsonl) {
		if (check_jsonl(run, in) < 0)
			rc = CLI_FAIL;
	} else {
		size_t len;
		char  *buf = cli_read_all(in, &len);

		if (buf == NULL) {
			cli_error("%s: %s", run->name, strerror(errno));
			rc = CLI_FAIL;
		} else {
			check_one(run, buf, len, 0);
			free(buf);
			if (check_flush(run) < 0)
				rc = CLI_FAIL;
		}
	}
	if (in != stdin)
		fclose(in);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		cli_error("writing the output: %s", strerror(errno));
		rc = CLI_FAIL;
	}
	strbuf_free(&run->out);
	jsonv_arena_free(&run->arena);
	calendar_free(run->cal);
	return rc != CLI_OK ? rc : run->status;
}
