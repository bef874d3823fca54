/*
 * cmd_calendar.c: the holiday calendar as an administrator keeps it
 * (CAL-1, issue 5):
 *
 *   jzz calendar import FILE          a holiday-cn file replaces its year's days
 *   jzz calendar show YEAR [--format text|json]
 *
 * Why import replaces rather than adds: the State Council sometimes amends
 * a notice; loading the amended file must leave exactly its days for the
 * year, not the union with the old ones. The file is validated whole before
 * anything is written, and the replacement is one transaction with its
 * audit entry. `show` lists the days off and the worked weekend days (调休)
 * and says whether the year is loaded; while it is not, every count of
 * working days in it is provisional (CAL-1).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cli_service.h"

struct calendar_file {
	const char *path;
	const char *buf;
	size_t      len;
};

static int
calendar_import_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct calendar_file *f = arg;
	enum service_status         st;
	struct cli_json             j;
	int                         year = 0;

	if ((st = service_calendar_import(s, a, f->buf, f->len, &year)) != SERVICE_OK)
		return cli_service_fail(s, st, f->path);
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_int(&j, "imported", year);
	cli_json_end(&j);
	return cli_json_print(&j);
}

static int
calendar_import(const struct cli_opts *opts, const char *path)
{
	struct calendar_file cf = { path, NULL, 0 };
	char                *buf;
	int                  rc;

	if ((buf = cli_read_input(path, &cf.len, &rc)) == NULL)
		return rc;
	cf.buf = buf;
	rc = cli_with_service(opts, calendar_import_run, &cf);
	free(buf);
	return rc;
}

static void
calendar_dates_json(struct cli_json *j, const char *key, const jzz_date *d, size_t n)
{
	cli_json_array(j, key);
	for (size_t i = 0; i < n; i++)
		cli_json_day(j, NULL, d[i]);
	cli_json_end(j);
}

static int
calendar_show(const struct cli_opts *opts, const char *yeartext, bool json)
{
	static const char *const wd_zh[7] = { "一", "二", "三", "四", "五", "六", "日" };
	struct service              *s;
	struct service_calendar_year y;
	enum service_status          st;
	struct strbuf                sb;
	struct cli_json              j;
	char                        *end;
	long                         year = strtol(yeartext, &end, 10);
	bool                         zh = strcmp(opts->lang, "en") != 0;
	int                          rc;

	if (*yeartext == '\0' || *end != '\0') {
		cli_error("calendar show: YEAR is a number, e.g. 2026");
		return CLI_BADCASE;
	}
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	st = service_calendar_year_get(s, (int)year, &y);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "calendar show");
		service_close(s);
		return rc;
	}
	service_close(s);
	strbuf_init(&sb);
	if (json) {
		char note[96];

		cli_json_start_in(&j, &sb);
		cli_json_object(&j, NULL);
		cli_json_int(&j, "year", y.year);
		cli_json_bool(&j, "loaded", y.loaded);
		calendar_dates_json(&j, "days_off", y.off, y.noff);
		calendar_dates_json(&j, "worked_weekend_days", y.worked, y.nworked);
		if (!y.loaded) {
			snprintf(note, sizeof note, "CAL-1: provisional: the %d holiday schedule is not"
			    " loaded", y.year);
			cli_json_str(&j, "note", note);
		}
		cli_json_end(&j);
		strbuf_putc(&sb, '\n');
	} else {
		strbuf_printf(&sb, zh ? "%d 年节假日安排：%s\n" : "%d holiday schedule: %s\n", y.year,
		    y.loaded ? (zh ? "已载入" : "loaded") : (zh ? "未载入" : "not loaded"));
		if (!y.loaded)
			strbuf_printf(&sb, zh ? "CAL-1：%d 年安排未载入，该年的工作日按周一至周五暂计，"
			    "结果为临时结果；请管理员导入国务院办公厅通知（jzz calendar import）。\n" :
			    "CAL-1: provisional: the %d holiday schedule is not loaded; working days"
			    " are Monday to Friday until an administrator imports it.\n", y.year);
		strbuf_printf(&sb, zh ? "\n放假（%zu 天）：\n" : "\nDays off (%zu):\n", y.noff);
		for (size_t i = 0; i < y.noff; i++) {
			char buf[JZZ_DATE_STRLEN];

			date_format(y.off[i], buf);
			if (zh)
				strbuf_printf(&sb, "  %s 星期%s\n", buf, wd_zh[date_weekday(y.off[i]) - 1]);
			else
				strbuf_printf(&sb, "  %s (ISO weekday %d)\n", buf, date_weekday(y.off[i]));
		}
		strbuf_printf(&sb, zh ? "\n调休上班（%zu 天）：\n" : "\nWorked weekend days (%zu):\n",
		    y.nworked);
		for (size_t i = 0; i < y.nworked; i++) {
			char buf[JZZ_DATE_STRLEN];

			strbuf_printf(&sb, "  %s\n", date_text(y.worked[i], buf));
		}
	}
	service_calendar_year_free(&y);
	rc = cli_write(&sb);
	strbuf_free(&sb);
	return rc;
}

/* The command's options. */
struct calendar_args {
	const char *format;   /* NULL: text */
};

const struct cli_spec cmd_calendar_spec = {
	.usage = "usage: jzz calendar import FILE\n"
	    "       jzz calendar show YEAR [--format text|json]\n"
	    "Imports a holiday-cn file (it replaces its year's days) or shows a year.\n\n"
	    "  --format text|json   show: the output's format (default text)\n"
	    "  -h, --help           this help\n",
	.misuse = "calendar: expected import FILE or show YEAR",
	CLI_SPEC_ARGS(struct calendar_args, NULL),
	.args = {
		{ "format", CLI_ARG_STR, offsetof(struct calendar_args, format) },
	},
};

int
cmd_calendar(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	static const char *const formats[] = { "text", "json", NULL };
	const struct calendar_args *x = args;
	const char              *format;

	/* checked after the options, so that an unknown one is said first */
	if ((format = x->format) != NULL && cli_word_index(format, formats) < 0)
		return cli_usage_error(cmd_calendar_spec.usage,
		    "calendar: --format: expected text or json, not %s", format);
	if (argc == 2 && strcmp(argv[0], "import") == 0 && format == NULL)
		return calendar_import(opts, argv[1]);
	if (argc == 2 && strcmp(argv[0], "show") == 0)
		return calendar_show(opts, argv[1], format != NULL && strcmp(format, "json") == 0);
	return cli_usage(&cmd_calendar_spec);
}
