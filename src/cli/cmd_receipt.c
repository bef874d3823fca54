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
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_service.h"
#include "jzz/paper.h"

static const char receipt_usage_text[] =
    "usage: jzz receipt RECEIPT_NO [--lang zh|en] [--print] [--printer NAME] [--output FILE.pdf]\n"
    "       jzz receipt --notice APPLICATION_ID [--lang zh|en] [--print] [--printer NAME]"
    " [--output FILE.pdf]\n"
    "Reprints an application's receipt, or its one-time notice, from the database.\n\n"
    "  --notice ID      the one-time notice of the application ID\n"
    "  --lang zh|en     the paper's language\n"
    "  --print          print the PDF (on the printer of jzz.conf)\n"
    "  --printer NAME   print the PDF on CUPS queue NAME\n"
    "  --output FILE    write the A4 PDF to FILE (a new file)\n"
    "  -h, --help       this help\n";

static const struct option receipt_longopts[] = {
	{ "notice", required_argument, NULL, 'n' },
	{ "lang", required_argument, NULL, 'l' },
	{ "output", required_argument, NULL, 'o' },
	{ "printer", required_argument, NULL, 'P' },
	{ "print", no_argument, NULL, 'p' },
	CLI_OPT_COMMON
};

static int
receipt_usage(void)
{
	return cli_usage_error(receipt_usage_text, "receipt: one RECEIPT_NO, or --notice"
	    " APPLICATION_ID");
}

struct receipt_args {
	const struct cli_opts *opts;
	const char            *key, *lang, *output;
	const char            *printer;   /* NULL: not printed */
	bool                   notice;
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
		char dir[1024], path[1200], err[1400];
		int  r;

		cli_paper_dir(x->opts, false, dir, sizeof dir);
		r = paper_output(&p, x->output, dir, x->printer, path, sizeof path, err, sizeof err);
		if (r == -1) {
			cli_error("%s", err);
			rc = CLI_FAIL;
		} else {
			printf("%s\n", path);
			if (r == -2) {
				cli_error("%s", err);
				rc = CLI_FAIL;
			}
		}
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
cmd_receipt(const struct cli_opts *opts, int argc, char **argv)
{
	const char                *key = NULL, *lang = opts->lang, *output = NULL;
	const char                *printer = opts->printer;
	bool                       notice = false, print = false;
	struct receipt_args        x;
	int                        rc = CLI_OK, c;

	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, ":h", receipt_longopts, receipt_usage_text, &rc)) != -1) {
		switch (c) {
		case CLI_OPT_EXIT:
			return rc;
		case 'n':
			if (notice)
				return receipt_usage();
			notice = true;
			key = optarg;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'o':
			output = optarg;
			break;
		case 'P':
			printer = optarg;
			print = true;
			break;
		default:
			print = true;
			break;
		}
	}
	if (argc - optind != (notice ? 0 : 1))
		return receipt_usage();
	if (!notice)
		key = argv[optind];
	if (strcmp(lang, "zh") != 0 && strcmp(lang, "en") != 0) {
		cli_error("--lang: expected zh or en");
		return CLI_BADCASE;
	}
	if (print && (printer == NULL || *printer == '\0')) {
		cli_error("--print: no printer (printer in jzz.conf, JZZ_PRINTER, or --printer NAME)");
		return CLI_BADCASE;
	}
	x.opts = opts;
	x.key = key;
	x.lang = lang;
	x.output = output;
	x.printer = print ? printer : NULL;
	x.notice = notice;
	return cli_with_service(opts, receipt_run, &x);
}
