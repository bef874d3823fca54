/*
 * cli.h: what the commands of `jzz` share: the global options, the command
 * table entry, and the few helpers every command needs (the data folder, the
 * holiday calendar from files, reading a whole input).
 */
#ifndef JZZ_CLI_H
#define JZZ_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "jzz/calendar.h"
#include "jzz/date.h"

/* The settings every command may use, each from (lowest first) the
 * built-in default, the configuration file (jzz.conf(5), cli_config.c),
 * the environment and the global options before the command:
 * `jzz --db PATH --today DATE submit`. NULL: not set anywhere. */
struct cli_opts {
	const char *db;       /* NULL: the default database */
	jzz_date    today;    /* JZZ_DATE_NONE: not given (--today, then JZZ_TODAY) */
	const char *user;     /* NULL: not given (the owner acts) */
	const char *password_file;  /* --password-file: the password of --user, its first line */
	const char *centre;   /* NULL: not given */
	const char *lang;     /* "zh" or "en" */
	bool        training; /* --training: the database is a training one */
	const char *config;         /* the configuration file read, or NULL (none) */
	const char *data_dir;       /* $JZZ_DATA_DIR: shipped data (holidays, scenarios) */
	const char *holidays_dir;   /* holiday files (default <data_dir>/holidays) */
	const char *printer;        /* the receipt printer's CUPS queue; NULL: no printing */
	const char *esc_wait;       /* ms after Esc that a digit still makes an F-key; NULL: the default */
	const char *receipt_dir;    /* receipts (default: "receipts" beside the database) */
	const char *export_dir;     /* CSV exports (default: "reports" beside the database) */
	const char *audit_key_file; /* the audit log's key file; NULL: <db>.key beside it */
	const char *group;          /* the group of files shared by the counters */
	const char *log_file;       /* -v: the terminal's debug log, or NULL */
	int         verbose;        /* -v given (once or more) */
	bool        db_configured;  /* db is jzz.conf's (the production database), not --db's */
};


/* Exit statuses shared by every command (case-format.md; jzz(1) EXIT STATUS). */
#define CLI_OK      0
#define CLI_FAIL    1   /* the command could not do its work, or was refused */
#define CLI_BADCASE 2   /* input that is not a case; usage errors */
#define CLI_BUSY    3   /* another writer held the database past the bounded wait */

/* Reads the configuration file into opts (built-in defaults first), then
 * the environment over it: path is --config's FILE, else $JZZ_CONFIG, else
 * JZZ_SYSCONFDIR/jzz/jzz.conf, which may be missing (a named one may not).
 * 0, or -1 after a message on stderr naming the file and line. The strings
 * live until cli_config_free (cli_config.c). */
int  cli_config_load(struct cli_opts *opts, const char *path);
void cli_config_free(void);
/* True when s is a whole number of milliseconds from 0 to 2000. */
bool cli_config_ms(const char *s);

/* The options every command and the global ones share: -h/--help prints
 * the usage on stdout (exit 0) before anything is opened, --version the
 * version. main.c parses the global options with getopt_long and these;
 * the commands through cli_parse. */
struct option;
#define CLI_OPT_HELP 'h'
#define CLI_OPT_VERSION 0x100
#define CLI_OPT_COMMON { "help", no_argument, NULL, CLI_OPT_HELP }, \
	{ "version", no_argument, NULL, CLI_OPT_VERSION }, { NULL, 0, NULL, 0 }
/* Starts a parse with getopt (its state reset). */
void cli_getopt_reset(void);

/* What one option of a command sets in the command's own arguments (a
 * struct of the command's, at off). The value given last wins. */
enum cli_arg_kind {
	CLI_ARG_FLAG,   /* no value: a bool set true */
	CLI_ARG_STR,    /* const char *: the value as given */
	CLI_ARG_DATE,   /* jzz_date: a real date YYYY-MM-DD */
	CLI_ARG_INT,    /* int: a whole number from min to max */
	CLI_ARG_LONG,   /* long: a whole number from min to max */
	CLI_ARG_ULL,    /* unsigned long long: a whole number */
	CLI_ARG_FN,     /* fn(where, value): false after its own message (exit 2) */
};

/* How an option is used. */
#define CLI_ARG_ONCE      1u   /* given twice: the command's misuse */
#define CLI_ARG_BAD_USAGE 2u   /* a bad value: `bad` as a usage error (with the usage) */

struct cli_arg {
	const char       *name;    /* the long option, without "--"; NULL ends the options */
	enum cli_arg_kind kind;
	size_t            off;     /* offsetof the field it sets */
	/* A value that is not one: "jzz: " + bad with the value for its %s
	 * (exit 2), or without bad the command's misuse. */
	const char       *bad;
	long long         min, max;   /* CLI_ARG_INT, CLI_ARG_LONG */
	unsigned          flags;      /* CLI_ARG_ONCE, CLI_ARG_BAD_USAGE */
	bool            (*fn)(void *where, const char *value);   /* CLI_ARG_FN */
};

/* A command's command line: its help, what a wrong use says, its options
 * (besides --help and --version) in the order getopt_long is given them. */
#define CLI_ARGS_MAX 12
struct cli_spec {
	const char    *usage;     /* --help; after every usage error */
	const char    *misuse;    /* the message of cli_usage(), NULL: none */
	bool           no_words;  /* any word after the options: "NAME: unexpected WORD" */
	/* The command's arguments (the struct the offs are of): its size (0:
	 * none) and its value before the options (CLI_SPEC_ARGS). */
	size_t         args_size;
	const void    *args_init;
	struct cli_arg args[CLI_ARGS_MAX];
};
/* In a cli_spec: the arguments are a struct T, set to { ... } before the
 * options are read. What comes from the global options (a default of
 * jzz.conf's) the command fills in after, where an option left it unset. */
#define CLI_SPEC_ARGS(T, ...) .args_size = sizeof(T), .args_init = &(const T){ __VA_ARGS__ }

/* A command of the table (main.c): its options parsed by spec into its
 * arguments, run gets them and the words after the options (argv[0] the
 * first). */
struct cli_command {
	const char            *name;
	int                  (*run)(const struct cli_opts *opts, void *args, int argc, char **argv);
	const struct cli_spec *spec;
	const char            *summary;   /* of `jzz --help` (the commands speak English) */
};
/* Runs c on the words after its name (argv[0] the name): its arguments
 * made from its spec's initial value and cli_parse, then c->run on them;
 * c's exit status, or cli_parse's when the options end it (--help, a
 * usage error). */
int cli_command_run(const struct cli_command *c, const struct cli_opts *opts, int argc,
                    char **argv);

/* Parses a command's options into args (the struct their offs are of) as
 * every command does: --help and --version answered, an unknown option or
 * a missing value named on stderr with the usage (exit 2), each value read
 * by its kind. true with *argc, *argv the words after the options (argv[0]
 * the first); false when the command is to exit with *status. */
bool cli_parse(const struct cli_spec *spec, int *argc, char ***argv, void *args, int *status);
/* The command's misuse: "jzz: " + spec->misuse, the usage, CLI_BADCASE. */
int  cli_usage(const struct cli_spec *spec);
/* "jzz: " + message, then the usage, on stderr; CLI_BADCASE. */
int cli_usage_error(const char *usage, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Which of words (ended by NULL) word is: its index, or -1 (also for a
 * NULL word). */
int cli_word_index(const char *word, const char *const *words);

/* The [FILE | -] of a command: its words (after cli_parse) are at most
 * one; *path is it, or NULL for stdin (none, or "-"). false after the
 * command's misuse, with *status its exit status. */
bool cli_input_path(const struct cli_spec *spec, int argc, char **argv, const char **path,
                    int *status);
/* path opened to be read ("rb"), or stdin when path is NULL; NULL after
 * "jzz: PATH: why" on stderr (the command exits CLI_BADCASE). */
FILE *cli_open_input(const char *path);
/* All of path (stdin when NULL), NUL-terminated, to be freed, and its
 * length; NULL after a message on stderr with *status the exit status
 * (CLI_BADCASE: it cannot be opened; CLI_FAIL: it cannot be read). */
char *cli_read_input(const char *path, size_t *len, int *status);

/* The folder of shipped data (holidays, scenarios): $JZZ_DATA_DIR, else the
 * installed share/jzz, else a build tree's `data` beside the program. */
const char *cli_datadir(const struct cli_opts *opts);
/* The holiday folder: holidays_dir, else <datadir>/holidays; in buf. */
const char *cli_holidays_dir(const struct cli_opts *opts, char *buf, size_t size);

/* A calendar with every holiday file of cli_holidays_dir() loaded
 * (service_holidays_load). A folder that cannot be read is said on stderr
 * and the calendar is Monday-Friday (CAL-1: every count says it is
 * provisional); a bad file, or memory running out, is said on stderr and
 * gives NULL: the command stops rather than count on a partial schedule. */
struct calendar *cli_load_calendar(const struct cli_opts *opts);

/* Reads all of a stream. Returns a NUL-terminated buffer (free it) and its
 * length, or NULL with errno set. */
char *cli_read_all(FILE *f, size_t *len);

/* "jzz: " + message on stderr (after "<3>" when stderr is the journal). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Syslog priorities of sd-daemon(3) for lines read by the journal. */
#define CLI_LOG_ERR     3
#define CLI_LOG_WARNING 4
#define CLI_LOG_INFO    6
/* Writes "<prio>" on f when f is the systemd journal's stream (systemd sets
 * JOURNAL_STREAM to its device:inode), so that the journal files the line
 * under that priority; nothing otherwise. */
void cli_log_prefix(FILE *f, int prio);

/* A command (cmd_NAME.c): its spec and its run, for the table of main.c. */
#define CLI_COMMAND(NAME) extern const struct cli_spec cmd_##NAME##_spec; \
	int cmd_##NAME(const struct cli_opts *opts, void *args, int argc, char **argv)

CLI_COMMAND(check);
/* The database commands (cmd_<name>.c; helpers in cli_service.h). */
CLI_COMMAND(init);
CLI_COMMAND(submit);
CLI_COMMAND(report);
CLI_COMMAND(status);
CLI_COMMAND(person);
CLI_COMMAND(card);
CLI_COMMAND(sms);
CLI_COMMAND(batch);
CLI_COMMAND(audit);
CLI_COMMAND(backup);
/* A centre's file moved into the shared PostgreSQL store (cmd_migrate.c). */
CLI_COMMAND(migrate);
/* Papers reprinted from the records (cmd_receipt.c). */
CLI_COMMAND(receipt);
/* Supervisors, administrators and trainers (issue 5). */
CLI_COMMAND(calendar);
CLI_COMMAND(user);
CLI_COMMAND(training);
/* With --training and no --today: the trainer's day of work stored in the
 * training database, when there is one (cli_service.c). */
void cli_training_today(struct cli_opts *opts);
CLI_COMMAND(seed);
/* The counter terminal (cmd_tui.c, cmd_demo.c; the screens are src/ui). */
CLI_COMMAND(tui);
CLI_COMMAND(demo);
/* Opens the terminal on db (NULL: the default database). */
int cmd_tui_open(const struct cli_opts *opts, const char *db, bool training);
/* The terminal's options from the command's (hol holds the holiday folder;
 * the calendar and the -v log are opened here, closed by _free). -1 after a
 * message when the environment holds a bad JZZ_TEST_CLOCK_SCALE. */
struct ui_options;
int  cmd_tui_options(const struct cli_opts *opts, struct ui_options *o, char *hol, size_t holsize);
void cmd_tui_options_free(struct ui_options *o);

#endif
