/*
 * cmd_receipt.c: reprints a paper of an application from the database:
 *
 *   jzz receipt RECEIPT_NO [--lang zh|en] [--print] [--output FILE.pdf]
 *   jzz receipt --notice APPLICATION_ID [--lang zh|en] [--print] [--output FILE.pdf]
 *
 * The receipt (回执) of an accepted application by its receipt number, or
 * with --notice the one-time notice (一次性告知书) of any application by its
 * id (a refused or incomplete application has no receipt number; its id is
 * on the terminal's result screen and in `jzz person`). Without --print or
 * --output the text form goes to stdout. --output writes the A4 PDF there
 * (a new file: an existing one is never overwritten); --print saves the PDF
 * and its text copy in the receipts folder (unless --output) and sends the
 * PDF to `lp -d PRINTER` (jzz.conf's printer, $JZZ_PRINTER, or --printer NAME). Clerks, supervisors and
 * administrators; the read is in the audit log. The paper is built by the
 * same service functions as the terminal's.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli_service.h"
#include "jzz/paper.h"

struct receipt_args {
	const struct cli_opts *opts;
	const char            *key, *lang, *output;
	const char            *printer;   /* NULL: not printed */
	bool                   notice;
	const char            *notice_id;   /* --notice */
	bool                   print;       /* --print, or --printer */
};

const struct cli_spec cmd_receipt_spec = {
	.usage = "usage: jzz receipt RECEIPT_NO [--lang zh|en] [--print] [--printer NAME]"
	    " [--output FILE.pdf]\n"
	    "       jzz receipt --notice APPLICATION_ID [--lang zh|en] [--print] [--printer NAME]"
	    " [--output FILE.pdf]\n"
	    "Reprints an application's receipt, or its one-time notice, from the database.\n\n"
	    "  --notice ID      the one-time notice of the application ID\n"
	    "  --lang zh|en     the paper's language\n"
	    "  --print          print the PDF (on the printer of jzz.conf)\n"
	    "  --printer NAME   print the PDF on CUPS queue NAME\n"
	    "  --output FILE    write the A4 PDF to FILE (a new file)\n"
	    "  -h, --help       this help\n",
	.misuse = "receipt: one RECEIPT_NO, or --notice APPLICATION_ID",
	CLI_SPEC_ARGS(struct receipt_args, NULL, NULL, NULL, NULL, NULL, false, NULL, false),
	.args = {
		{ "notice", CLI_ARG_STR, offsetof(struct receipt_args, notice_id), .flags = CLI_ARG_ONCE },
		{ "lang", CLI_ARG_STR, offsetof(struct receipt_args, lang) },
		{ "output", CLI_ARG_STR, offsetof(struct receipt_args, output) },
		{ "printer", CLI_ARG_STR, offsetof(struct receipt_args, printer) },
		{ "print", CLI_ARG_FLAG, offsetof(struct receipt_args, print) },
	},
};

/* The paper as text on stdout, or its PDF saved (and printed) with the
 * path on stdout. */
static int
receipt_output(const struct receipt_args *x, const struct service_paper_facts *f)
{
	struct paper p;
	int          rc = CLI_OK;

	if (x->notice)
		service_paper_notice(f, strcmp(x->lang, "en") == 0 ? LANG_EN : LANG_ZH, &p);
	else
		service_paper_receipt(f, strcmp(x->lang, "en") == 0 ? LANG_EN : LANG_ZH, &p);
	if (x->output == NULL && x->printer == NULL) {
		char *text = paper_text(&p);

		if (text == NULL || fputs(text, stdout) == EOF || fflush(stdout) != 0)
			rc = CLI_FAIL;
		free(text);
	} else {
		rc = cli_paper_output(x->opts, false, &p, x->output, x->printer);
	}
	paper_free(&p);
	return rc;
}

static int
receipt_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct receipt_args *x = arg;
	struct service_paper_facts f;
	enum service_status        st;
	int                        rc;

	st = x->notice ? service_paper_application_facts(s, a, x->key, cli_today(x->opts), &f) :
	    service_paper_receipt_facts(s, a, x->key, cli_today(x->opts), &f);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, x->notice ? "notice" : "receipt");
		return rc == CLI_BADCASE ? CLI_FAIL : rc;
	}
	return receipt_output(x, &f);
}

int
cmd_receipt(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	static const char *const langs[] = { "zh", "en", NULL };
	struct receipt_args     *x = args;

	x->opts = opts;
	if (x->lang == NULL)
		x->lang = opts->lang;
	x->notice = x->notice_id != NULL;
	if (argc != (x->notice ? 0 : 1))
		return cli_usage(&cmd_receipt_spec);
	x->key = x->notice ? x->notice_id : argv[0];
	if (cli_word_index(x->lang, langs) < 0) {
		cli_error("--lang: expected zh or en");
		return CLI_BADCASE;
	}
	/* --printer NAME prints there; --print alone on jzz.conf's printer */
	x->print = x->print || x->printer != NULL;
	if (x->printer == NULL)
		x->printer = opts->printer;
	if (x->print && (x->printer == NULL || *x->printer == '\0')) {
		cli_error("--print: no printer (printer in jzz.conf, JZZ_PRINTER, or --printer NAME)");
		return CLI_BADCASE;
	}
	if (!x->print)
		x->printer = NULL;
	return cli_with_service(opts, receipt_run, x);
}
