/*
 * cli_service.c: helpers of the commands that use the database (see
 * cli_service.h).
 */
#include "cli_service.h"

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
	struct service *s = service_open_mode(opts->db, opts->training ? SERVICE_DB_TRAINING :
	    SERVICE_DB_PRODUCTION, err, sizeof err);

	if (s == NULL)
		cli_error("%s", err);
	return s;
}

/* Why main.c asks before any command runs: every command takes its day from
 * opts->today (some before they open the database), and a trainer's day
 * must be the day of all of them. Silent when the file cannot be opened:
 * the command itself will say why. */
void
cli_training_today(struct cli_opts *opts)
{
	char            err[512];
	struct service *s;

	if (!opts->training || opts->today != JZZ_DATE_NONE)
		return;
	if ((s = service_open_mode(opts->db, SERVICE_DB_TRAINING, err, sizeof err)) == NULL)
		return;
	opts->today = service_work_day(s, JZZ_DATE_NONE);
	service_close(s);
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

int
cli_write(struct strbuf *sb)
{
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
