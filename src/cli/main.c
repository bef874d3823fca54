/*
 * main.c: the jzz command. Global options first (getopt_long), then a
 * command from the table below; each command lives in its own file
 * (cmd_<name>.c) and declares its options in a cli_spec, held by the
 * table: cli_command_run (cli.c) parses them with cli_parse before the
 * command runs on its arguments and words.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

/* A command of the table: NAME, its cmd_NAME and cmd_NAME_spec, its summary. */
#define MAIN_COMMAND(NAME, summary) { #NAME, cmd_##NAME, &cmd_##NAME##_spec, summary }

static const struct cli_command main_commands[] = {
	MAIN_COMMAND(check, "evaluate cases (no database)"),
	MAIN_COMMAND(init, "create a new database"),
	MAIN_COMMAND(submit, "perform a business: rules, then records"),
	MAIN_COMMAND(report, "reports of a centre: daily or a range"),
	MAIN_COMMAND(status, "progress query (name + ID number)"),
	MAIN_COMMAND(receipt, "reprint a receipt or a one-time notice (PDF)"),
	MAIN_COMMAND(person, "a person's records and history"),
	MAIN_COMMAND(card, "card arrival, pickup, posting, queues"),
	MAIN_COMMAND(sms, "the SMS outbox, for a gateway"),
	MAIN_COMMAND(batch, "the auto-endorsement batch"),
	MAIN_COMMAND(audit, "verify the audit log's hash chain"),
	MAIN_COMMAND(seed, "a new synthetic database (benchmarks)"),
	MAIN_COMMAND(backup, "online backup of the database"),
	MAIN_COMMAND(migrate, "move a centre's file into the shared store (PostgreSQL)"),
	MAIN_COMMAND(calendar, "import and show the holiday schedule"),
	MAIN_COMMAND(user, "accounts and settings"),
	MAIN_COMMAND(training, "training database: day of work, reset"),
	MAIN_COMMAND(tui, "the counter terminal (the default)"),
	MAIN_COMMAND(demo, "training mode (training database)"),
};

/* The command of the table named name, or NULL. */
static const struct cli_command *
main_command(const char *name)
{
	for (size_t k = 0; k < sizeof main_commands / sizeof main_commands[0]; k++)
		if (strcmp(name, main_commands[k].name) == 0)
			return &main_commands[k];
	return NULL;
}

static void
main_usage(FILE *f)
{
	fprintf(f, "usage: jzz [OPTION]... [COMMAND [ARGS]]\n\n"
	    "Without a command: the counter terminal (jzz tui).\n\noptions (before the command):\n"
	    "  --db PATH|URI        the database (default ~/.local/share/jzz/jzz.db)\n"
	    "  --today YYYY-MM-DD   the day of work (default: the real date)\n"
	    "  --user NAME          act as this account (its password proven)\n"
	    "  --password-file FILE the password of --user, the file's first line\n"
	    "  --centre CODE        the centre acted for (9 digits, e.g. 310105009)\n"
	    "  --lang zh|en         the language of the terminal\n"
	    "  --training           the database is a training one\n"
	    "  --config FILE        the configuration file (default " JZZ_SYSCONFDIR "/jzz/jzz.conf)\n"
	    "  -v, --verbose        the terminal writes a debug log (jzz(1) FILES)\n"
	    "  -h, --help           this help; jzz COMMAND --help: the command's\n"
	    "      --version        the version\n\ncommands:\n");
	for (size_t i = 0; i < sizeof main_commands / sizeof main_commands[0]; i++)
		fprintf(f, "  %-10s %s\n", main_commands[i].name, main_commands[i].summary);
	fprintf(f, "\nexit status: 0 done, 1 failed or refused, 2 not a case or a usage error,"
	    " 3 busy.\nSee jzz(1), jzz-COMMAND(1), jzz.conf(5).\n");
}

/* Whether the command's words ask for its help: then nothing is opened
 * first (not the configuration, not a training database's day). */
static bool
main_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0)
			return true;
	return false;
}

enum {
	MAIN_DB = 0x200, MAIN_TODAY, MAIN_USER, MAIN_CENTRE, MAIN_LANG, MAIN_TRAINING,
	MAIN_CONFIG, MAIN_PASSWORD_FILE,
};

static const struct option main_longopts[] = {
	{ "db", required_argument, NULL, MAIN_DB },
	{ "today", required_argument, NULL, MAIN_TODAY },
	{ "user", required_argument, NULL, MAIN_USER },
	{ "password-file", required_argument, NULL, MAIN_PASSWORD_FILE },
	{ "centre", required_argument, NULL, MAIN_CENTRE },
	{ "lang", required_argument, NULL, MAIN_LANG },
	{ "training", no_argument, NULL, MAIN_TRAINING },
	{ "config", required_argument, NULL, MAIN_CONFIG },
	{ "verbose", no_argument, NULL, 'v' },
	CLI_OPT_COMMON
};

static int
main_run(int argc, char **argv)
{
	struct cli_opts           cmdline = { 0 }, opts = { 0 };
	const char               *today = NULL, *config = NULL, *lang = NULL;
	char                     *tui_argv[] = { (char *)"tui", NULL };
	const struct cli_command *cmd;
	int                       c, i;

	/* Every file jzz makes (database, its -wal and -shm, key, backups,
	 * receipts, exports) is private to its owner, whatever the caller's
	 * umask (docs/security.md). */
	umask(077);
	cmdline.today = opts.today = JZZ_DATE_NONE;
	cmdline.lang = "zh";
	argv[0] = (char *)"jzz";
	cli_getopt_reset();
	/* "+": the options end at the command; what follows is the command's. */
	while ((c = getopt_long(argc, argv, "+:hv", main_longopts, NULL)) != -1) {
		switch (c) {
		case MAIN_DB: cmdline.db = optarg; break;
		case MAIN_TODAY: today = optarg; break;
		case MAIN_USER: cmdline.user = optarg; break;
		case MAIN_PASSWORD_FILE: cmdline.password_file = optarg; break;
		case MAIN_CENTRE: cmdline.centre = optarg; break;
		case MAIN_LANG: lang = optarg; break;
		case MAIN_TRAINING: cmdline.training = true; break;
		case MAIN_CONFIG: config = optarg; break;
		case 'v': cmdline.verbose++; break;
		case CLI_OPT_HELP:
			main_usage(stdout);
			return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
		case CLI_OPT_VERSION:
			printf("jzz %s\n", JZZ_VERSION);
			return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
		case ':':
			cli_error("option %s needs a value", argv[optind - 1]);
			main_usage(stderr);
			return CLI_BADCASE;
		default:
			if (optopt != 0 && strncmp(argv[optind - 1], "--", 2) != 0)
				cli_error("unknown option -%c", optopt);
			else
				cli_error("unknown option %s", argv[optind - 1]);
			main_usage(stderr);
			return CLI_BADCASE;
		}
	}
	i = optind;
	if (i < argc && main_wants_help(argc - i, argv + i) &&
	    (cmd = main_command(argv[i])) != NULL)
		return cli_command_run(cmd, &cmdline, argc - i, argv + i);
	if (cli_config_load(&opts, config) < 0)
		return CLI_BADCASE;
	/* With a shared group in jzz.conf, the files jzz makes are open to that
	 * group too (the audit key allows 0640/0660 then), never to others. */
	if (opts.group != NULL)
		umask(007);
	/* The command line over the file and the environment. */
	if (today == NULL)
		today = getenv("JZZ_TODAY");
	opts.db_configured = opts.db != NULL;
	if (cmdline.db != NULL) {
		opts.db = cmdline.db;
		opts.db_configured = false;
	}
	if (cmdline.user != NULL)
		opts.user = cmdline.user;
	opts.password_file = cmdline.password_file;
	if (cmdline.centre != NULL)
		opts.centre = cmdline.centre;
	if (lang != NULL)
		opts.lang = lang;
	opts.training = cmdline.training;
	opts.verbose = cmdline.verbose;
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
	if (i >= argc)   /* no command: the counter terminal */
		return cli_command_run(main_command("tui"), &opts, 1, tui_argv);
	if ((cmd = main_command(argv[i])) != NULL)
		return cli_command_run(cmd, &opts, argc - i, argv + i);
	cli_error("unknown command %s", argv[i]);
	main_usage(stderr);
	return CLI_BADCASE;
}

int
main(int argc, char **argv)
{
	int rc = main_run(argc, argv);

	cli_config_free();
	return rc;
}
