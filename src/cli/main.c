/*
 * main.c: the jzz command. Global options first, then a command from the
 * table below; each command lives in its own file (cmd_<name>.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

static const struct cli_command main_commands[] = {
	{ "check", cmd_check, "检查案例（不打开数据库）", "evaluate cases (no database)" },
	{ "init", cmd_init, "新建数据库", "create a new database" },
	{ "submit", cmd_submit, "受理业务（规则与记录）", "perform a business: rules, then records" },
	{ "report", cmd_report, "统计报表（日报、区间）", "reports of a centre: daily or a range" },
	{ "status", cmd_status, "办理进度查询（姓名+身份证号）", "progress query (name + ID number)" },
	{ "receipt", cmd_receipt, "补打回执、一次性告知书（PDF）", "reprint a receipt or a one-time notice (PDF)" },
	{ "person", cmd_person, "人员档案与办理记录", "a person's records and history" },
	{ "card", cmd_card, "证件到达、领取、邮寄与工作队列", "card arrival, pickup, posting, queues" },
	{ "sms", cmd_sms, "短信发件箱（短信网关）", "the SMS outbox, for a gateway" },
	{ "batch", cmd_batch, "自动签注批处理", "the auto-endorsement batch" },
	{ "audit", cmd_audit, "审计日志校验", "verify the audit log's hash chain" },
	{ "seed", cmd_seed, "生成模拟数据库（基准测试用）", "a new synthetic database (benchmarks)" },
	{ "backup", cmd_backup, "在线备份数据库", "online backup of the database" },
	{ "calendar", cmd_calendar, "节假日安排导入与查看", "import and show the holiday schedule" },
	{ "user", cmd_user, "账号管理与设置", "accounts and settings" },
	{ "training", cmd_training, "培训库：办理日期、重置", "training database: day of work, reset" },
	{ "tui", cmd_tui, "受理终端（默认命令）", "the counter terminal (the default)" },
	{ "demo", cmd_demo, "培训模式（培训数据库）", "training mode (training database)" },
};

static void
main_usage(FILE *f)
{
	fprintf(f, "usage: jzz [--db PATH|URI] [--today YYYY-MM-DD] [--user NAME"
	    " [--password-file FILE]] [--centre CODE] [--lang zh|en] [--training] COMMAND [ARGS]\n"
	    "\ncommands:\n");
	for (size_t i = 0; i < sizeof main_commands / sizeof main_commands[0]; i++)
		fprintf(f, "  %-10s %s\n", main_commands[i].name, main_commands[i].summary_en);
}

/* Takes the value of "--name VALUE" or "--name=VALUE" at argv[*i]. */
static const char *
main_option(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int
main(int argc, char **argv)
{
	struct cli_opts opts = { NULL, JZZ_DATE_NONE, NULL, NULL, NULL, "zh", false };
	const char     *today = getenv("JZZ_TODAY"), *v;
	int             i;

	/* Every file jzz makes (database, its -wal and -shm, key, backups,
	 * receipts, exports) is private to its owner, whatever the caller's
	 * umask (docs/security.md). */
	umask(077);
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
		if ((v = main_option(argc, argv, &i, "--db")) != NULL)
			opts.db = v;
		else if ((v = main_option(argc, argv, &i, "--today")) != NULL)
			today = v;
		else if ((v = main_option(argc, argv, &i, "--user")) != NULL)
			opts.user = v;
		else if ((v = main_option(argc, argv, &i, "--password-file")) != NULL)
			opts.password_file = v;
		else if ((v = main_option(argc, argv, &i, "--centre")) != NULL)
			opts.centre = v;
		else if ((v = main_option(argc, argv, &i, "--lang")) != NULL)
			opts.lang = v;
		else if (strcmp(argv[i], "--training") == 0)
			opts.training = true;
		else if (strcmp(argv[i], "--help") == 0) {
			main_usage(stdout);
			return CLI_OK;
		} else if (strcmp(argv[i], "--version") == 0) {
			printf("jzz %s\n", JZZ_VERSION);
			return CLI_OK;
		} else {
			cli_error("unknown option %s", argv[i]);
			main_usage(stderr);
			return CLI_BADCASE;
		}
	}
	if (today != NULL && *today != '\0' && !date_parse(today, strlen(today), &opts.today)) {
		cli_error("--today: %s is not a date YYYY-MM-DD", today);
		return CLI_BADCASE;
	}
	if (strcmp(opts.lang, "zh") != 0 && strcmp(opts.lang, "en") != 0) {
		cli_error("--lang: expected zh or en");
		return CLI_BADCASE;
	}
	if (opts.training)
		cli_training_today(&opts);
	if (i >= argc)
		return cmd_tui(&opts, 1, argv + i - 1);   /* no command: the counter terminal */
	for (size_t k = 0; k < sizeof main_commands / sizeof main_commands[0]; k++)
		if (strcmp(argv[i], main_commands[k].name) == 0)
			return main_commands[k].run(&opts, argc - i, argv + i);
	cli_error("unknown command %s", argv[i]);
	main_usage(stderr);
	return CLI_BADCASE;
}
