/*
 * cli.c: helpers every command shares (see cli.h).
 */
#include "cli.h"
#include "jzz/service.h"
#include "jzz/strbuf.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Why compare the device and inode rather than trust the variable alone:
 * a command started from a unit's shell inherits JOURNAL_STREAM while its
 * output may be a pipe or a file, where a "<6>" would be noise. */
static bool
cli_is_journal(FILE *f)
{
	const char        *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat        st;

	if (js == NULL || sscanf(js, "%llu:%llu", &dev, &ino) != 2)
		return false;
	return fstat(fileno(f), &st) == 0 && (unsigned long long)st.st_dev == dev &&
	    (unsigned long long)st.st_ino == ino;
}

void
cli_log_prefix(FILE *f, int prio)
{
	if (cli_is_journal(f))
		fprintf(f, "<%d>", prio);
}

/* Messages may carry what someone typed (a name, a path): they reach the
 * terminal cleaned (strbuf_put_text), so that none can drive it. */
void
cli_error(const char *fmt, ...)
{
	struct strbuf raw, out;
	va_list       ap;

	cli_log_prefix(stderr, CLI_LOG_ERR);
	strbuf_init(&raw);
	strbuf_init(&out);
	va_start(ap, fmt);
	strbuf_vprintf(&raw, fmt, ap);
	va_end(ap);
	strbuf_puts(&out, "jzz: ");
	/* line by line: a usage of several lines keeps its lines, and no
	 * other control character passes */
	for (char *line = raw.buf != NULL ? raw.buf : (char *)"", *nl; line != NULL; line = nl) {
		if ((nl = strchr(line, '\n')) != NULL)
			*nl++ = '\0';
		strbuf_put_text(&out, line);
		if (nl != NULL && *nl != '\0')
			strbuf_putc(&out, '\n');
		else
			nl = NULL;
	}
	strbuf_putc(&out, '\n');
	if (out.buf != NULL)
		fputs(out.buf, stderr);
	strbuf_free(&raw);
	strbuf_free(&out);
}

static bool
cli_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Why the program looks beside itself last: a build tree has a `data`
 * link to the source tree's data next to the binary (CMakeLists.txt), so
 * that `build/jzz demo` works from a fresh clone; the installed program
 * finds its share/jzz first and no build path is compiled into it. */
const char *
cli_datadir(const struct cli_opts *opts)
{
	static char beside[PATH_MAX];
	char        exe[PATH_MAX], *slash;
	ssize_t     n;

	if (opts != NULL && opts->data_dir != NULL)
		return opts->data_dir;
	if (cli_is_dir(JZZ_INSTALL_DATADIR))
		return JZZ_INSTALL_DATADIR;
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL) {
			*slash = '\0';
			snprintf(beside, sizeof beside, "%.*s/data", (int)(sizeof beside - 6), exe);
			if (cli_is_dir(beside))
				return beside;
		}
	}
	return JZZ_INSTALL_DATADIR;
}

const char *
cli_holidays_dir(const struct cli_opts *opts, char *buf, size_t size)
{
	if (opts->holidays_dir != NULL)
		return opts->holidays_dir;
	snprintf(buf, size, "%s/holidays", cli_datadir(opts));
	return buf;
}

void
cli_getopt_reset(void)
{
	optind = 0;   /* glibc: a full re-initialisation, for a second parse */
	opterr = 0;   /* the messages are ours (cli_getopt), naming the option */
}

int
cli_usage_error(const char *usage, const char *fmt, ...)
{
	va_list ap;

	fputs("jzz: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n%s(jzz COMMAND --help: the options; man jzz-COMMAND: the manual)\n", usage);
	return CLI_BADCASE;
}

/* One option of the command line, its errors said as every command says
 * them (argv[0] is the command's name): the option's val, -1 at the end of
 * the options, or CLI_PARSE_EXIT with *status set. */
#define CLI_PARSE_EXIT (-2)

static int
cli_getopt(int argc, char **argv, const struct option *longopts, const char *usage, int *status)
{
	int c = getopt_long(argc, argv, ":h", longopts, NULL);

	switch (c) {
	case CLI_OPT_HELP:
		fputs(usage, stdout);
		*status = fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
		return CLI_PARSE_EXIT;
	case CLI_OPT_VERSION:
		printf("jzz %s\n", JZZ_VERSION);
		*status = fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
		return CLI_PARSE_EXIT;
	case '?':
	case ':': {
		/* argv[optind - 1] is the word that held the bad option. */
		const char *word = optind > 0 && optind <= argc ? argv[optind - 1] : "?";

		if (c == ':')
			*status = cli_usage_error(usage, "%s: option %s needs a value", argv[0], word);
		else if (optopt != 0 && strncmp(word, "--", 2) != 0)
			*status = cli_usage_error(usage, "%s: unknown option -%c", argv[0], optopt);
		else
			*status = cli_usage_error(usage, "%s: unknown option %s", argv[0], word);
		return CLI_PARSE_EXIT;
	}
	default:
		return c;
	}
}

int
cli_usage(const struct cli_spec *spec)
{
	return cli_usage_error(spec->usage, "%s", spec->misuse != NULL ? spec->misuse : "");
}

/* A value its option refuses, said as the option's table says. */
static int
cli_arg_bad(const struct cli_spec *spec, const struct cli_arg *a, const char *value)
{
	if (a->bad == NULL)
		return cli_usage(spec);
	if (a->flags & CLI_ARG_BAD_USAGE)
		return cli_usage_error(spec->usage, a->bad, value);
	cli_error(a->bad, value);
	return CLI_BADCASE;
}

/* The value of option a put where it goes; 0, or an exit status. Numbers
 * are read as strtoll/strtoull read them, the whole word. */
static int
cli_arg_set(const struct cli_spec *spec, const struct cli_arg *a, void *where, const char *value)
{
	char     *end;
	long long v;

	switch (a->kind) {
	case CLI_ARG_FLAG:
		*(bool *)where = true;
		return 0;
	case CLI_ARG_STR:
		*(const char **)where = value;
		return 0;
	case CLI_ARG_DATE:
		return date_parse(value, strlen(value), where) ? 0 : cli_arg_bad(spec, a, value);
	case CLI_ARG_ULL:
		*(unsigned long long *)where = strtoull(value, &end, 10);
		return *end == '\0' ? 0 : cli_arg_bad(spec, a, value);
	case CLI_ARG_INT:
	case CLI_ARG_LONG:
		v = strtoll(value, &end, 10);
		if (*end != '\0' || v < a->min || v > a->max)
			return cli_arg_bad(spec, a, value);
		if (a->kind == CLI_ARG_INT)
			*(int *)where = (int)v;
		else
			*(long *)where = (long)v;
		return 0;
	case CLI_ARG_FN:
		return a->fn(where, value) ? 0 : CLI_BADCASE;
	}
	return CLI_FAIL;
}

bool
cli_parse(const struct cli_spec *spec, int *argc, char ***argv, void *args, int *status)
{
	struct option longopts[CLI_ARGS_MAX + 3];
	bool          given[CLI_ARGS_MAX] = { false };
	const char   *name = (*argv)[0];
	size_t        n = 0;
	int           c;

	/* the command's options first, in the table's order (getopt_long
	 * settles abbreviations by it), then --help and --version */
	for (; n < CLI_ARGS_MAX && spec->args[n].name != NULL; n++)
		longopts[n] = (struct option){ spec->args[n].name,
		    spec->args[n].kind == CLI_ARG_FLAG ? no_argument : required_argument, NULL,
		    0x1000 + (int)n };
	longopts[n] = (struct option){ "help", no_argument, NULL, CLI_OPT_HELP };
	longopts[n + 1] = (struct option){ "version", no_argument, NULL, CLI_OPT_VERSION };
	longopts[n + 2] = (struct option){ NULL, 0, NULL, 0 };
	cli_getopt_reset();
	while ((c = cli_getopt(*argc, *argv, longopts, spec->usage, status)) != -1) {
		const struct cli_arg *a;
		int                   rc;

		if (c == CLI_PARSE_EXIT)
			return false;
		a = &spec->args[c - 0x1000];
		if ((a->flags & CLI_ARG_ONCE) && given[c - 0x1000]) {
			*status = cli_usage(spec);
			return false;
		}
		given[c - 0x1000] = true;
		if ((rc = cli_arg_set(spec, a, (char *)args + a->off, optarg)) != 0) {
			*status = rc;
			return false;
		}
	}
	*argc -= optind;
	*argv += optind;
	if (spec->no_words && *argc > 0) {
		*status = cli_usage_error(spec->usage, "%s: unexpected %s", name, (*argv)[0]);
		return false;
	}
	return true;
}

int
cli_command_run(const struct cli_command *c, const struct cli_opts *opts, int argc, char **argv)
{
	const struct cli_spec *spec = c->spec;
	void                  *args = calloc(1, spec->args_size > 0 ? spec->args_size : 1);
	int                    rc;

	if (args == NULL) {
		cli_error("out of memory");
		return CLI_FAIL;
	}
	if (spec->args_init != NULL)
		memcpy(args, spec->args_init, spec->args_size);
	if (cli_parse(spec, &argc, &argv, args, &rc))
		rc = c->run(opts, args, argc, argv);
	free(args);
	return rc;
}

int
cli_word_index(const char *word, const char *const *words)
{
	for (int i = 0; word != NULL && words[i] != NULL; i++)
		if (strcmp(word, words[i]) == 0)
			return i;
	return -1;
}

bool
cli_input_path(const struct cli_spec *spec, int argc, char **argv, const char **path,
               int *status)
{
	if (argc > 1) {
		*status = cli_usage(spec);
		return false;
	}
	*path = argc == 1 && strcmp(argv[0], "-") != 0 ? argv[0] : NULL;
	return true;
}

FILE *
cli_open_input(const char *path)
{
	FILE *f;

	if (path == NULL)
		return stdin;
	if ((f = fopen(path, "rb")) == NULL)
		cli_error("%s: %s", path, strerror(errno));
	return f;
}

char *
cli_read_input(const char *path, size_t *len, int *status)
{
	FILE *f = cli_open_input(path);
	char *buf;

	if (f == NULL) {
		*status = CLI_BADCASE;
		return NULL;
	}
	buf = cli_read_all(f, len);
	if (f != stdin)
		fclose(f);
	if (buf == NULL) {
		cli_error("%s: %s", path != NULL ? path : "-", strerror(errno));
		*status = CLI_FAIL;
	}
	return buf;
}

char *
cli_read_all(FILE *f, size_t *len)
{
	size_t cap = 65536, n = 0, got;
	char  *buf = malloc(cap), *nb;

	if (buf == NULL)
		return NULL;
	while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
		n += got;
		if (cap - n - 1 == 0) {
			nb = realloc(buf, cap * 2);
			if (nb == NULL) {
				free(buf);
				errno = ENOMEM;
				return NULL;
			}
			buf = nb;
			cap *= 2;
		}
	}
	if (ferror(f)) {
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

struct calendar *
cli_load_calendar(const struct cli_opts *opts)
{
	struct calendar    *cal = calendar_new();
	char                dir[4096], err[1024];
	enum service_status st;

	if (cal == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	st = service_holidays_load(cli_holidays_dir(opts, dir, sizeof dir), cal, err, sizeof err);
	if (st == SERVICE_ERR_NOT_FOUND) {
		/* Not fatal: every count is then provisional and says so (CAL-1). */
		cli_error("%s; working days are Monday to Friday only", err);
	} else if (st != SERVICE_OK) {
		cli_error("%s", err);
		calendar_free(cal);
		return NULL;
	}
	return cal;
}
