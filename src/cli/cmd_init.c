/*
 * cmd_init.c: `jzz --db PATH init --centre CODE [--rehearsal | --training]
 * [--password-file F]`: a new database with the schema, the centres and
 * kiosks, the holiday calendar of the holiday folder (jzz.conf holidays_dir),
 * the audit key file, and the account admin with a temporary password (the
 * first line of F, or one made and printed once: "admin password: ...").
 * Anything at PATH but an empty file is refused (exit 2) and left as it
 * was: init never overwrites records. --rehearsal makes a database for
 * tests and rehearsals (any day of work, marked as not production);
 * --training a training database filled with the demo accounts and persons.
 */
#include <errno.h>
#include <grp.h>
#include <sys/stat.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_service.h"

struct init_args {
	const char *centre, *pwfile;
	bool        rehearsal, training;
};

const struct cli_spec cmd_init_spec = {
	.usage = "usage: jzz --db PATH init --centre CODE [--rehearsal | --training]"
	    " [--password-file FILE]\n"
	    "A new database: schema, centres, calendar, audit key and the account admin.\n\n"
	    "  --centre CODE          the centre commands act for when they name none (9 digits)\n"
	    "  --rehearsal            a database for tests and rehearsals (any day of work)\n"
	    "  --training             a training database with the demo accounts and persons\n"
	    "  --password-file FILE   admin's temporary password, the file's first line\n"
	    "  -h, --help             this help\n"
	    "exit status: 0 made, 2 the file already holds data or bad input, 1 failed.\n",
	CLI_SPEC_ARGS(struct init_args, NULL, NULL, false, false),
	.args = {
		{ "centre", CLI_ARG_STR, offsetof(struct init_args, centre) },
		{ "rehearsal", CLI_ARG_FLAG, offsetof(struct init_args, rehearsal) },
		{ "training", CLI_ARG_FLAG, offsetof(struct init_args, training) },
		{ "password-file", CLI_ARG_STR, offsetof(struct init_args, pwfile) },
	},
	.no_words = true,
};

/*
 * With `group` in jzz.conf the counters' accounts share the files through
 * that group: the new database 0660 and its audit key 0640, both of the
 * group (the key stays unwritable to it). Without it both stay 0600. A
 * PostgreSQL store has no file: its key alone is shared so.
 */
static int
init_share(const struct cli_opts *opts, gid_t gid)
{
	char db[4096], key[4200];

	if (opts->db != NULL)
		snprintf(db, sizeof db, "%s", opts->db);
	else if (!service_default_path(db, sizeof db))
		return -1;
	if (!service_audit_key_path(db, opts->audit_key_file, key, sizeof key))
		return -1;
	if ((service_db_is_file(db) && (chown(db, (uid_t)-1, gid) != 0 || chmod(db, 0660) != 0)) ||
	    chown(key, (uid_t)-1, gid) != 0 || chmod(key, 0640) != 0) {
		cli_error("init: group %s: %s (the files stay private to their owner)", opts->group,
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
cmd_init(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct init_args        *x = args;
	char                     dir[4096], buf[4096], err[512], pw[SERVICE_PASSWORD_MAX + 4];
	enum service_status      st;
	struct service_init_opts o;
	gid_t                    gid = (gid_t)-1;
	if (x->centre == NULL)
		x->centre = opts->centre;
	x->training = x->training || opts->training;
	if (opts->group != NULL) {
		struct group *g = getgrnam(opts->group);
	(void)argc;
	(void)argv;

		if (g == NULL) {
			cli_error("init: group %s (jzz.conf): no such group", opts->group);
			return CLI_FAIL;
		}
		gid = g->gr_gid;
	}
	if (x->rehearsal && x->training) {
		cli_error("init: --rehearsal or --training, not both");
		return CLI_BADCASE;
	}
	if (x->centre == NULL) {
		cli_error("init: --centre CODE is required (e.g. 310105009 虹桥街道)");
		return CLI_BADCASE;
	}
	snprintf(dir, sizeof dir, "%s", cli_holidays_dir(opts, buf, sizeof buf));
	if (access(dir, R_OK | X_OK) != 0) {
		/* Not fatal: every count is then provisional and says so (CAL-1). */
		cli_error("init: %s: %s; working days are Monday to Friday only", dir, strerror(errno));
		snprintf(dir, sizeof dir, "%s", "");
	}
	if (x->training && opts->db == NULL) {
		cli_error("init --training: --db PATH is required (never the default database)");
		return CLI_BADCASE;
	}
	/* --today does not matter to a new production database (it records no
	 * business); the commands after it are held to the real date. */
	/* --training: a training database, with its demo data (as `training init`) */
	if (x->training) {
		st = service_init_training(opts->db, x->centre, dir[0] != '\0' ? dir : NULL,
		    cli_today(opts), err, sizeof err);
		if (st == SERVICE_OK)
			for (size_t i = 0; i < service_demo_naccounts; i++)
				if (strcmp(service_demo_accounts[i].user, "admin") == 0)
					printf("admin password: %s\n", service_demo_accounts[i].password);
	} else {
		memset(&o, 0, sizeof o);
		o.centre = x->centre;
		o.holidays_dir = dir[0] != '\0' ? dir : NULL;
		o.mode = x->rehearsal ? SERVICE_DB_REHEARSAL : SERVICE_DB_PRODUCTION;
		o.audit_key = opts->audit_key_file;
		if (x->pwfile != NULL) {
			if (!cli_password(x->pwfile, "", pw, sizeof pw))
				return CLI_BADCASE;
			o.admin_password = pw;
		}
		st = service_create(opts->db, &o, err, sizeof err);
		explicit_bzero(pw, sizeof pw);
		if (st == SERVICE_OK && x->pwfile == NULL)
			printf("admin password: %s\n", o.admin_password_out);
		explicit_bzero(o.admin_password_out, sizeof o.admin_password_out);
	}
	if (st != SERVICE_OK) {
		cli_error("init: %s", err);
		return st == SERVICE_ERR_EXISTS || st == SERVICE_ERR_INVALID ? CLI_BADCASE : CLI_FAIL;
	}
	if (opts->group != NULL && init_share(opts, gid) != 0)
		return CLI_FAIL;
	return fflush(stdout) == 0 ? CLI_OK : CLI_FAIL;
}
