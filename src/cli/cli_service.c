/*
 * cli_service.c: helpers of the commands that use the database (see
 * cli_service.h).
 */
#include "jzz/cli_service.h"

#include <errno.h>
#include <string.h>
#include <time.h>

jzz_date
cli_today(const struct cli_opts *opts)
{
	time_t    now;
	struct tm tm;

	if (opts->today != JZZ_DATE_NONE)
		return opts->today;
	now = time(NULL);
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

struct service *
cli_service_open(const struct cli_opts *opts)
{
	char            err[512];
	struct service *s = service_open(opts->db, err, sizeof err);

	if (s == NULL)
		cli_error("%s", err);
	return s;
}

int
cli_actor(struct service *s, const struct cli_opts *opts, struct service_actor *a)
{
	enum service_status st = service_actor(s, opts->user, opts->centre, a);

	if (st != SERVICE_OK) {
		cli_error("%s", service_errmsg(s));
		return -1;
	}
	return 0;
}

int
cli_service_fail(struct service *s, enum service_status st, const char *what)
{
	cli_error("%s: %s", what, service_errmsg(s));
	return st == SERVICE_ERR_INVALID ? CLI_BADCASE : CLI_FAIL;
}

void
cli_json_date(struct strbuf *sb, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN];

	if (d == JZZ_DATE_NONE) {
		strbuf_puts(sb, "null");
		return;
	}
	date_format(d, buf);
	strbuf_printf(sb, "\"%s\"", buf);
}

int
cli_print(struct strbuf *sb)
{
	strbuf_putc(sb, '\n');
	if (sb->oom) {
		cli_error("out of memory");
		return CLI_FAIL;
	}
	if (fwrite(sb->buf, 1, sb->len, stdout) != sb->len || fflush(stdout) != 0) {
		cli_error("writing the output: %s", strerror(errno));
		return CLI_FAIL;
	}
	return CLI_OK;
}
