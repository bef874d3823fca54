/*
 * cli.c: helpers every command shares (see cli.h).
 */
#include "cli.h"
#include "jzz/strbuf.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Messages may carry what someone typed (a name, a path): they reach the
 * terminal cleaned (strbuf_put_text), so that none can drive it. */
void
cli_error(const char *fmt, ...)
{
	struct strbuf raw, out;
	va_list       ap;

	strbuf_init(&raw);
	strbuf_init(&out);
	va_start(ap, fmt);
	strbuf_vprintf(&raw, fmt, ap);
	va_end(ap);
	strbuf_puts(&out, "jzz: ");
	strbuf_put_text(&out, raw.buf != NULL ? raw.buf : "");
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

const char *
cli_datadir(void)
{
	const char *env = getenv("JZZ_DATA_DIR");

	if (env != NULL && *env != '\0')
		return env;
	if (cli_is_dir(JZZ_SOURCE_DATADIR))
		return JZZ_SOURCE_DATADIR;
	return JZZ_INSTALL_DATADIR;
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

static int
cli_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct calendar *
cli_load_calendar(void)
{
	struct calendar *cal = calendar_new();
	const char      *env = getenv("JZZ_HOLIDAYS_DIR");
	char             dir[4096], path[8192], err[256];
	char            *names[256];
	size_t           nnames = 0;
	DIR             *d;
	struct dirent   *e;

	if (cal == NULL)
		return NULL;
	if (env != NULL && *env != '\0')
		snprintf(dir, sizeof dir, "%s", env);
	else
		snprintf(dir, sizeof dir, "%s/holidays", cli_datadir());
	d = opendir(dir);
	if (d == NULL) {
		/* Not fatal: every count is then provisional and says so (CAL-1). */
		cli_error("%s: %s; working days are Monday to Friday only", dir, strerror(errno));
		return cal;
	}
	while ((e = readdir(d)) != NULL && nnames < sizeof names / sizeof names[0]) {
		size_t n = strlen(e->d_name);

		if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
			names[nnames++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, nnames, sizeof names[0], cli_name_cmp);
	for (size_t i = 0; i < nnames; i++) {
		FILE  *f;
		char  *buf;
		size_t len;

		if (names[i] == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		free(names[i]);
		f = fopen(path, "rb");
		if (f == NULL) {
			cli_error("%s: %s", path, strerror(errno));
			continue;
		}
		buf = cli_read_all(f, &len);
		fclose(f);
		if (buf == NULL) {
			cli_error("%s: %s", path, strerror(errno));
			continue;
		}
		if (calendar_load_json(cal, buf, len, err, sizeof err) < 0)
			cli_error("%s: %s", path, err);
		free(buf);
	}
	return cal;
}
