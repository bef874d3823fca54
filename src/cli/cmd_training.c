/*
 * cmd_training.c: the trainer's actions on a training database (issue 5):
 *
 *   jzz --db PATH training init --centre CODE   a new training database with demo data
 *   jzz --db PATH --user trainer1 training day DATE|clear
 *                                                the day of work (time travel)
 *   jzz --db PATH --user trainer1 training reset one action: every record removed,
 *                                                the demo data made again
 *   jzz --db PATH training accounts              the demo accounts and passwords
 *
 * The file is always opened as a training database, whatever --training
 * says: these commands mean nothing on production, and the service refuses a
 * production file here. The day set is used by every command run with
 * --training (and by `jzz demo`) when no --today is given.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_service.h"

struct training_act {
	const char *centre;  /* init: --centre */
	bool        reset;   /* else: the day of work */
	jzz_date    day;     /* day: the day (JZZ_DATE_NONE clears); reset: the demo data's */
};

const struct cli_spec cmd_training_spec = {
	.usage = "usage: jzz --db PATH training init [--centre CODE]\n"
	    "       jzz --db PATH --user NAME training day DATE|clear\n"
	    "       jzz --db PATH --user NAME training reset\n"
	    "       jzz --db PATH training accounts\n"
	    "The trainer's actions on a training database.\n\n"
	    "  --centre CODE   init: the training database's centre (default 310105009)\n"
	    "  -h, --help      this help\n",
	.misuse = "training: expected init, day DATE|clear, reset or accounts",
	CLI_SPEC_ARGS(struct training_act, NULL, false, JZZ_DATE_NONE),
	.args = {
		{ "centre", CLI_ARG_STR, offsetof(struct training_act, centre) },
	},
};

static int
training_init(const struct cli_opts *opts, const char *centre)
{
	char                dir[4096], buf[4096], err[512];
	enum service_status st;

	if (opts->db == NULL) {
		cli_error("training init: --db PATH is required (never the default database)");
		return CLI_BADCASE;
	}
	if (centre == NULL)
		centre = "310105009";
	snprintf(dir, sizeof dir, "%s", cli_holidays_dir(opts, buf, sizeof buf));
	st = service_init_training(opts->db, centre, access(dir, R_OK | X_OK) == 0 ? dir : NULL,
	    cli_today(opts), err, sizeof err);
	if (st != SERVICE_OK) {
		cli_error("training init: %s", err);
		return st == SERVICE_ERR_EXISTS || st == SERVICE_ERR_INVALID ? CLI_BADCASE : CLI_FAIL;
	}
	return CLI_OK;
}

static int
training_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct training_act *t = arg;
	enum service_status        st = t->reset ? service_training_reset(s, a, t->day) :
	    service_training_set_day(s, a, t->day);

	return st == SERVICE_OK ? CLI_OK : cli_service_fail(s, st, t->reset ? "reset" : "day");
}

int
cmd_training(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct cli_opts      o = *opts;
	struct training_act *t = args;
	jzz_date             day = JZZ_DATE_NONE;

	if (t->centre == NULL)
		t->centre = opts->centre;
	if (argc < 1)
		return cli_usage(&cmd_training_spec);
	if (strcmp(argv[0], "init") == 0)
		return argc == 1 ? training_init(opts, t->centre) : cli_usage(&cmd_training_spec);
	if (strcmp(argv[0], "accounts") == 0 && argc == 1) {
		for (size_t i = 0; i < service_demo_naccounts; i++)
			printf("%-10s %-10s %-12s %s\n", service_demo_accounts[i].user,
			    service_role_code(service_demo_accounts[i].role),
			    service_demo_accounts[i].password, service_demo_accounts[i].note_zh);
		return CLI_OK;
	}
	if (strcmp(argv[0], "day") == 0 && argc == 2) {
		if (strcmp(argv[1], "clear") != 0 && !date_parse(argv[1], strlen(argv[1]), &day)) {
			cli_error("training day: %s is not a date YYYY-MM-DD (or clear)", argv[1]);
			return CLI_BADCASE;
		}
	} else if (!(strcmp(argv[0], "reset") == 0 && argc == 1)) {
		return cli_usage(&cmd_training_spec);
	}
	o.training = true;
	t->reset = strcmp(argv[0], "reset") == 0;
	/* reset: the demo data as of the real date, or --today */
	t->day = t->reset ? (opts->today != JZZ_DATE_NONE ? opts->today : cli_today(&o)) : day;
	return cli_with_service(&o, training_run, t);
}
