/*
 * cli.c: helpers every command shares (see cli.h).
 */
#include "cli.h"
#include "jzz/service.h"
#include "jzz/strbuf.h"

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

const char *
cli_holidays_dir(char *buf, size_t size)
{
	const char *env = getenv("JZZ_HOLIDAYS_DIR");

	if (env != NULL && *env != '\0')
		snprintf(buf, size, "%s", env);
	else
		snprintf(buf, size, "%s/holidays", cli_datadir());
	return buf;
}

struct calendar *
cli_load_calendar(void)
{
	struct calendar    *cal = calendar_new();
	char                dir[4096], err[1024];
	enum service_status st;

	if (cal == NULL) {
		cli_error("out of memory");
		return NULL;
	}
	st = service_holidays_load(cli_holidays_dir(dir, sizeof dir), cal, err, sizeof err);
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
