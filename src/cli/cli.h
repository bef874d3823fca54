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

/* Options given before the command: `jzz --db PATH --today DATE submit`. */
struct cli_opts {
	const char *db;       /* NULL: the default database */
	jzz_date    today;    /* JZZ_DATE_NONE: not given (--today, then JZZ_TODAY) */
	const char *user;     /* NULL: not given (the owner acts) */
	const char *password_file;  /* --password-file: the password of --user, its first line */
	const char *centre;   /* NULL: not given */
	const char *lang;     /* "zh" or "en" */
	bool        training; /* --training: the database is a training one */
};

struct cli_command {
	const char *name;
	int       (*run)(const struct cli_opts *opts, int argc, char **argv);
	const char *summary_zh;
	const char *summary_en;
};

/* Exit statuses shared by every command (case-format.md). */
#define CLI_OK      0
#define CLI_FAIL    1   /* the command could not do its work (I/O, database) */
#define CLI_BADCASE 2   /* input that is not a case; usage errors */
#define CLI_BUSY    3   /* another writer held the database past the bounded wait */

/* The folder of shipped data (holidays, scenarios): $JZZ_DATA_DIR, else the
 * source tree's data/ when run from a build, else the installed share/jzz. */
const char *cli_datadir(void);

/* The holiday folder: $JZZ_HOLIDAYS_DIR, else <datadir>/holidays, written
 * into buf (returned). */
const char *cli_holidays_dir(char *buf, size_t size);

/* A calendar with every holiday file of cli_holidays_dir() loaded
 * (service_holidays_load). A folder that cannot be read is said on stderr
 * and the calendar is Monday-Friday (CAL-1: every count says it is
 * provisional); a bad file, or memory running out, is said on stderr and
 * gives NULL: the command stops rather than count on a partial schedule. */
struct calendar *cli_load_calendar(void);

/* Reads all of a stream. Returns a NUL-terminated buffer (free it) and its
 * length, or NULL with errno set. */
char *cli_read_all(FILE *f, size_t *len);

/* "jzz: " + message on stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

int cmd_check(const struct cli_opts *opts, int argc, char **argv);
/* The database commands (cmd_<name>.c; helpers in cli_service.h). */
int cmd_init(const struct cli_opts *opts, int argc, char **argv);
int cmd_submit(const struct cli_opts *opts, int argc, char **argv);
int cmd_report(const struct cli_opts *opts, int argc, char **argv);
int cmd_status(const struct cli_opts *opts, int argc, char **argv);
int cmd_person(const struct cli_opts *opts, int argc, char **argv);
int cmd_card(const struct cli_opts *opts, int argc, char **argv);
int cmd_sms(const struct cli_opts *opts, int argc, char **argv);
int cmd_batch(const struct cli_opts *opts, int argc, char **argv);
int cmd_audit(const struct cli_opts *opts, int argc, char **argv);
int cmd_backup(const struct cli_opts *opts, int argc, char **argv);
/* Papers reprinted from the records (cmd_receipt.c). */
int cmd_receipt(const struct cli_opts *opts, int argc, char **argv);
/* Supervisors, administrators and trainers (issue 5). */
int cmd_calendar(const struct cli_opts *opts, int argc, char **argv);
int cmd_user(const struct cli_opts *opts, int argc, char **argv);
int cmd_training(const struct cli_opts *opts, int argc, char **argv);
/* With --training and no --today: the trainer's day of work stored in the
 * training database, when there is one (cli_service.c). */
void cli_training_today(struct cli_opts *opts);
int cmd_seed(const struct cli_opts *opts, int argc, char **argv);
/* The counter terminal (cmd_tui.c, cmd_demo.c; the screens are src/ui). */
int cmd_tui(const struct cli_opts *opts, int argc, char **argv);
int cmd_demo(const struct cli_opts *opts, int argc, char **argv);
/* Opens the terminal on db (NULL: the default database). */
int cmd_tui_open(const struct cli_opts *opts, const char *db, bool training);

#endif
