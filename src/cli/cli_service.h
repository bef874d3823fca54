/*
 * cli_service.h: what the database commands of `jzz` share (init, submit,
 * report, status, person, backup, audit, batch, card): opening the
 * database named by --db, the actor from --user/--centre, the day of work,
 * and JSON output helpers for the service's results.
 *
 * Kept apart from cli.h so that the rules-only commands (check) do not
 * depend on the service layer.
 */
#ifndef JZZ_CLI_SERVICE_H
#define JZZ_CLI_SERVICE_H

#include "cli.h"
#include "cli_json.h"
#include "jzz/service.h"
#include "jzz/strbuf.h"

/* The day of work: --today / JZZ_TODAY, else the real local date. */
jzz_date cli_today(const struct cli_opts *opts);

/* Opens --db (or the default path), as a training database with
 * --training and as production otherwise (a file of the other kind is
 * refused); on failure says why on stderr and returns NULL. */
struct service *cli_service_open(const struct cli_opts *opts);

/* The actor of the command (case-format.md, "Who acts"): without --user,
 * the database's owner; with --user NAME, that account once its password
 * is proven (--password-file, else typed at the terminal). 0, or -1 after
 * a message on stderr (the command then exits 1, nothing written). */
int cli_actor(struct service *s, const struct cli_opts *opts, struct service_actor *a);

/* A password: the first line of `file`, or typed at the terminal (no echo)
 * when file is NULL. false after a message on stderr. */
bool cli_password(const char *file, const char *prompt, char *buf, size_t size);

/* Opens the database, makes the actor, runs fn, closes: the frame of every
 * command that acts on records. Returns fn's exit status, or CLI_FAIL. */
int cli_with_service(const struct cli_opts *opts,
                     int (*fn)(struct service *s, const struct service_actor *a, void *arg),
                     void *arg);

/* Exit status for a service failure, with its message on stderr. */
int cli_service_fail(struct service *s, enum service_status st, const char *what);

/* Prints a business's result (case-format.md): its decision with
 * "record": {"application_id", "receipt_no" or null}; a retry's stored
 * decision with the same record. CLI_OK or CLI_FAIL. */
int cli_print_result(const struct service_result *r);

/* Writes sb and a newline to stdout; CLI_OK or CLI_FAIL. */
int cli_print(struct strbuf *sb);
/* Writes sb as it is (no newline added); CLI_OK or CLI_FAIL. */
int cli_write(struct strbuf *sb);


/* The folder papers are saved in: jzz.conf's receipt_dir (reports:
 * export_dir) or its JZZ_* variable, else the database's (service_paper_dir). */
void cli_paper_dir(const struct cli_opts *opts, bool reports, char *out, size_t size);

/* A paper as its A4 PDF (paper_output): at output, else in the receipts
 * (reports: export) folder, and sent to printer unless it is NULL; the
 * PDF's path on stdout. CLI_OK, or CLI_FAIL after the message on stderr
 * (the path still printed when the PDF was saved and only printing failed). */
struct paper;
int cli_paper_output(const struct cli_opts *opts, bool reports, const struct paper *p,
                     const char *output, const char *printer);

#endif
