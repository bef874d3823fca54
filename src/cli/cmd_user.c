/*
 * cmd_user.c: accounts and settings from the command line:
 *
 *   jzz user list                              every account and its state
 *   jzz user add NAME --role R [--centre C] [--password-file F]
 *                                              a new account with a temporary password
 *   jzz user disable|enable NAME
 *   jzz user reset NAME [--password-file F]    a new temporary password
 *   jzz --user NAME --password-file OLD user password [--new-password-file NEW]
 *                                              one's own password, the old (or temporary) one proven
 *   jzz user login NAME     < PASSWORD         checks a password (lockout applies); exit 0 if ok
 *   jzz user setting KEY [VALUE]               idle_minutes (admin), work_day, db_mode
 *
 * The acting account is the owner or --user with its password, as for every
 * command; the service layer checks that it is an administrator. A
 * temporary password given by no file is made by jzz and printed once as
 * "NAME password: ..."; passwords are never read from the command line,
 * where any user of the machine could read them in the process list.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_service.h"

/* The command: its action and words (argv[0] the action), its options. */
struct user_act {
	const char *action, *name, *role, *centre, *pwfile;
	const char *new_file;   /* password: --new-password-file */
	int         argc;
	char      **argv;
};

const struct cli_spec cmd_user_spec = {
	.usage = "usage: jzz user list\n"
	    "       jzz user add NAME --role clerk|supervisor|trainer|admin [--centre CODE]"
	    " [--password-file F]\n"
	    "       jzz user disable|enable NAME\n"
	    "       jzz user reset NAME [--password-file F]\n"
	    "       jzz --user NAME --password-file OLD user password [--new-password-file NEW]\n"
	    "       jzz user login NAME < PASSWORD\n"
	    "       jzz user setting KEY [VALUE]\n"
	    "Accounts and settings.\n\n"
	    "  --role R                  add: the account's role\n"
	    "  --centre CODE             add: the account's own centre\n"
	    "  --password-file F         add, reset: the temporary password, F's first line\n"
	    "  --new-password-file F     password: the new password, F's first line\n"
	    "  -h, --help                this help\n",
	.misuse = "user: expected list, add, disable, enable, reset, password, login or setting,"
	    " with their arguments",
	CLI_SPEC_ARGS(struct user_act, "", NULL, NULL, NULL, NULL, NULL, 0, NULL),
	.args = {
		{ "role", CLI_ARG_STR, offsetof(struct user_act, role) },
		{ "centre", CLI_ARG_STR, offsetof(struct user_act, centre) },
		{ "password-file", CLI_ARG_STR, offsetof(struct user_act, pwfile) },
		{ "new-password-file", CLI_ARG_STR, offsetof(struct user_act, new_file) },
	},
};

/* The first line of stdin, without its line end. */
static bool
user_read_password(char *buf, size_t size)
{
	size_t n;

	if (fgets(buf, (int)size, stdin) == NULL)
		return false;
	n = strcspn(buf, "\r\n");
	buf[n] = '\0';
	return true;
}

static void
user_json(struct cli_json *j, const void *item)
{
	const struct service_user *u = item;

	cli_json_str(j, "user", u->user);
	cli_json_str(j, "role", service_role_code(u->role));
	cli_json_str(j, "centre", u->centre);
	cli_json_bool(j, "has_password", u->has_password);
	cli_json_bool(j, "temporary", u->must_change);
	cli_json_bool(j, "disabled", u->disabled);
	cli_json_bool(j, "locked", u->locked);
	cli_json_int(j, "failures", u->failures);
}

static int
user_list(struct service *s, const struct service_actor *a)
{
	struct service_user_list l;
	enum service_status      st;
	struct cli_json          j;

	if ((st = service_users_list(s, a, time(NULL), &l)) != SERVICE_OK)
		return cli_service_fail(s, st, "user list");
	cli_json_start(&j);
	cli_json_objects(&j, NULL, l.items, l.n, sizeof *l.items, user_json);
	service_user_list_free(&l);
	return cli_json_print(&j);
}

static int
user_login(struct service *s, const char *name, const struct cli_opts *opts)
{
	struct service_login_info info;
	struct service_actor      a;
	enum service_login_result r;
	struct cli_json           j;
	char                      pw[SERVICE_PASSWORD_MAX + 4];
	int                       rc;

	if (!user_read_password(pw, sizeof pw)) {
		cli_error("user login: the password is read from standard input");
		return CLI_BADCASE;
	}
	r = service_login(s, name, pw, opts->centre, time(NULL), &a, &info);
	explicit_bzero(pw, sizeof pw);
	if (r == SERVICE_LOGIN_ERROR)
		return cli_service_fail(s, SERVICE_ERR_DB, "user login");
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_str(&j, "result", service_login_code(r));
	cli_json_int(&j, "attempts_left", info.attempts_left);
	cli_json_int(&j, "locked_until", (long long)info.locked_until);
	cli_json_end(&j);
	rc = cli_json_print(&j);
	return rc == CLI_OK && r != SERVICE_LOGIN_OK ? CLI_FAIL : rc;
}

static int
user_setting(struct service *s, const struct service_actor *a, int argc, char **argv)
{
	enum service_status st;
	struct cli_json     j;
	char                buf[64];

	if (argc == 3) {
		/* "clear" (or "") removes work_day: back to the real date */
		if ((st = service_setting_set(s, a, argv[1], strcmp(argv[2], "clear") == 0 ? "" :
		    argv[2], time(NULL))) != SERVICE_OK)
			return cli_service_fail(s, st, "user setting");
	}
	if ((st = service_setting_get(s, argv[1], buf, sizeof buf)) != SERVICE_OK)
		return cli_service_fail(s, st, "user setting");
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_str(&j, argv[1], buf);   /* a key the service knows: nothing to escape */
	cli_json_end(&j);
	return cli_json_print(&j);
}

/* One's own password: the old (or temporary) one by --password-file or
 * the terminal, the new one by --new-password-file or typed twice. */
static int
user_password(const struct cli_opts *opts, const char *new_file)
{
	struct service     *s;
	enum service_status st;
	char                old[SERVICE_PASSWORD_MAX + 4], pw[SERVICE_PASSWORD_MAX + 4];
	char                again[SERVICE_PASSWORD_MAX + 4];
	int                 rc = CLI_OK;

	if (opts->user == NULL) {
		cli_error("user password: give --user NAME (and --password-file OLD): one sets one's"
		    " own password; an administrator resets others' (user reset)");
		return CLI_BADCASE;
	}
	if (!cli_password(opts->password_file, "current or temporary password: ", old, sizeof old))
		return CLI_FAIL;
	if (!cli_password(new_file, "new password: ", pw, sizeof pw) ||
	    (new_file == NULL && !cli_password(NULL, "again: ", again, sizeof again))) {
		explicit_bzero(old, sizeof old);
		return CLI_FAIL;
	}
	if (new_file == NULL && strcmp(pw, again) != 0) {
		cli_error("user password: the two new passwords differ");
		rc = CLI_BADCASE;
	} else if ((s = cli_service_open(opts)) == NULL) {
		rc = CLI_FAIL;
	} else {
		st = service_password_change(s, opts->user, old, pw, time(NULL));
		if (st != SERVICE_OK)
			rc = st == SERVICE_ERR_DENIED ?
			    (cli_error("user password: %s: wrong account or password", opts->user),
			    CLI_FAIL) : cli_service_fail(s, st, "user password");
		service_close(s);
	}
	explicit_bzero(old, sizeof old);
	explicit_bzero(pw, sizeof pw);
	explicit_bzero(again, sizeof again);
	return rc;
}

static int
user_act(struct service *s, const struct service_actor *a, void *arg)
{
	struct user_act    *u = arg;
	enum service_status st;
	char                given[SERVICE_PASSWORD_MAX + 4], temp[64];
	bool                have = false;

	if (strcmp(u->action, "list") == 0)
		return user_list(s, a);
	if (strcmp(u->action, "setting") == 0)
		return user_setting(s, a, u->argc, u->argv);
	if (strcmp(u->action, "disable") == 0)
		st = service_user_disable(s, a, u->name, time(NULL));
	else if (strcmp(u->action, "enable") == 0)
		st = service_user_enable(s, a, u->name, time(NULL));
	else {
		if (u->pwfile != NULL) {
			if (!cli_password(u->pwfile, "", given, sizeof given))
				return CLI_FAIL;
			have = true;
		}
		if (strcmp(u->action, "add") == 0)
			st = service_user_add(s, a, u->name,
			    (enum service_role)service_role_from_code(u->role), u->centre,
			    have ? given : NULL, temp, sizeof temp);
		else
			st = service_user_reset(s, a, u->name, time(NULL), have ? given : NULL, temp,
			    sizeof temp);
		explicit_bzero(given, sizeof given);
		if (st == SERVICE_OK && !have)
			printf("%s password: %s\n", u->name, temp);
		explicit_bzero(temp, sizeof temp);
		if (st == SERVICE_OK && fflush(stdout) != 0)
			return CLI_FAIL;
	}
	return st == SERVICE_OK ? CLI_OK : cli_service_fail(s, st, u->action);
}

int
cmd_user(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct user_act *u = args;
	struct service  *s;
	int              rc;
	u->action = argc > 0 ? argv[0] : "";
	u->name = argc > 1 ? argv[1] : NULL;
	u->argc = argc;
	u->argv = argv;
	if (u->new_file != NULL && strcmp(u->action, "password") != 0)
		return cli_usage_error(cmd_user_spec.usage,
		    "user: --new-password-file is for password");
	if ((u->role != NULL || u->centre != NULL) && strcmp(u->action, "add") != 0)
		return cli_usage_error(cmd_user_spec.usage,
		    "user: --role and --centre are for add");
	if (u->pwfile != NULL && strcmp(u->action, "add") != 0 && strcmp(u->action, "reset") != 0)
		return cli_usage_error(cmd_user_spec.usage,
		    "user: --password-file is for add and reset"
		    " (the acting account's is a global option, before user)");
	if (strcmp(u->action, "password") == 0) {
		if (argc != 1)
			return cli_usage(&cmd_user_spec);
		return user_password(opts, u->new_file);
	}
	if (strcmp(u->action, "list") == 0 ? argc != 1 :
	    strcmp(u->action, "setting") == 0 ? argc != 2 && argc != 3 : argc != 2)
		return cli_usage(&cmd_user_spec);
	if (strcmp(u->action, "add") == 0 || strcmp(u->action, "reset") == 0) {
		if (u->action[0] == 'a' && service_role_from_code(u->role) < 0) {
			cli_error("user add: --role clerk|supervisor|trainer|admin");
			return CLI_BADCASE;
		}
	} else if (strcmp(u->action, "disable") != 0 && strcmp(u->action, "enable") != 0 &&
	    strcmp(u->action, "login") != 0 && strcmp(u->action, "list") != 0 &&
	    strcmp(u->action, "setting") != 0) {
		return cli_usage(&cmd_user_spec);
	} else if (strcmp(u->action, "setting") != 0 && strcmp(u->action, "list") != 0 &&
	    argc != 2) {
		return cli_usage(&cmd_user_spec);
	}
	if (strcmp(u->action, "login") == 0) {
		/* a check of a password: no actor, the lockout applies */
		if ((s = cli_service_open(opts)) == NULL)
			return CLI_FAIL;
		rc = user_login(s, u->name, opts);
		service_close(s);
		return rc;
	}
	return cli_with_service(opts, user_act, u);
}
