/*
 * cmd_user.c: accounts and settings from the command line (issue 5):
 *
 *   jzz user list                              every account and its state
 *   jzz user add NAME --role R [--centre C]    a new account (password at first login)
 *   jzz user disable|enable|reset NAME         (reset: password set again at next login)
 *   jzz user password NAME  < PASSWORD         the first password of an account that has none
 *   jzz user login NAME     < PASSWORD         checks a password (lockout applies); exit 0 if ok
 *   jzz user setting KEY [VALUE]               idle_minutes (admin), work_day, db_mode
 *
 * The acting account is --user (default admin), as for every command; the
 * service layer checks that it is an administrator. Passwords are read from
 * the first line of standard input, never from the command line, where any
 * user of the machine could read them in the process list.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli_service.h"

static int
user_usage(void)
{
	cli_error("usage: jzz user list | add NAME --role clerk|supervisor|trainer|admin"
	    " [--centre CODE] | disable|enable|reset|password|login NAME | setting KEY [VALUE]");
	return CLI_BADCASE;
}

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

static int
user_list(struct service *s, const struct service_actor *a)
{
	struct service_user_list l;
	enum service_status      st;
	struct strbuf            sb;
	int                      rc;

	if ((st = service_users_list(s, a, time(NULL), &l)) != SERVICE_OK)
		return cli_service_fail(s, st, "user list");
	strbuf_init(&sb);
	strbuf_putc(&sb, '[');
	for (size_t i = 0; i < l.n; i++) {
		const struct service_user *u = &l.items[i];

		strbuf_puts(&sb, i > 0 ? ",{\"user\":" : "{\"user\":");
		strbuf_json_string(&sb, u->user);
		strbuf_printf(&sb, ",\"role\":\"%s\",\"centre\":\"%s\",\"has_password\":%s,"
		    "\"disabled\":%s,\"locked\":%s,\"failures\":%d}", service_role_code(u->role),
		    u->centre, u->has_password ? "true" : "false", u->disabled ? "true" : "false",
		    u->locked ? "true" : "false", u->failures);
	}
	strbuf_putc(&sb, ']');
	service_user_list_free(&l);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}

static int
user_login(struct service *s, const char *name, const struct cli_opts *opts)
{
	struct service_login_info info;
	struct service_actor      a;
	enum service_login_result r;
	char                      pw[SERVICE_PASSWORD_MAX + 4];

	if (!user_read_password(pw, sizeof pw)) {
		cli_error("user login: the password is read from standard input");
		return CLI_BADCASE;
	}
	r = service_login(s, name, pw, opts->centre, time(NULL), &a, &info);
	explicit_bzero(pw, sizeof pw);
	if (r == SERVICE_LOGIN_ERROR)
		return cli_service_fail(s, SERVICE_ERR_DB, "user login");
	printf("{\"result\":\"%s\",\"attempts_left\":%d,\"locked_until\":%lld}\n",
	    service_login_code(r), info.attempts_left, (long long)info.locked_until);
	return r == SERVICE_LOGIN_OK ? CLI_OK : CLI_FAIL;
}

static int
user_setting(struct service *s, const struct service_actor *a, int argc, char **argv)
{
	enum service_status st;
	char                buf[64];

	if (argc == 4) {
		/* "clear" (or "") removes work_day: back to the real date */
		if ((st = service_setting_set(s, a, argv[2], strcmp(argv[3], "clear") == 0 ? "" :
		    argv[3], time(NULL))) != SERVICE_OK)
			return cli_service_fail(s, st, "user setting");
	}
	if ((st = service_setting_get(s, argv[2], buf, sizeof buf)) != SERVICE_OK)
		return cli_service_fail(s, st, "user setting");
	printf("{\"%s\":\"%s\"}\n", argv[2], buf);
	return CLI_OK;
}

int
cmd_user(const struct cli_opts *opts, int argc, char **argv)
{
	const char          *action = argc > 1 ? argv[1] : "", *name = argc > 2 ? argv[2] : NULL;
	const char          *role = NULL, *centre = NULL;
	struct service      *s;
	struct service_actor a;
	enum service_status  st = SERVICE_OK;
	int                  rc = CLI_OK, r;

	if (strcmp(action, "list") == 0 ? argc != 2 :
	    strcmp(action, "add") == 0 ? argc < 3 :
	    strcmp(action, "setting") == 0 ? argc != 3 && argc != 4 : argc != 3)
		return user_usage();
	if (strcmp(action, "add") == 0) {
		for (int i = 3; i < argc; i++) {
			if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
				role = argv[++i];
			else if (strcmp(argv[i], "--centre") == 0 && i + 1 < argc)
				centre = argv[++i];
			else
				return user_usage();
		}
		if (service_role_from_code(role) < 0) {
			cli_error("user add: --role clerk|supervisor|trainer|admin");
			return CLI_BADCASE;
		}
	}
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	/* password and login act for the account named, not for --user */
	if (strcmp(action, "password") == 0 || strcmp(action, "login") == 0) {
		char pw[SERVICE_PASSWORD_MAX + 4];

		if (strcmp(action, "login") == 0) {
			rc = user_login(s, name, opts);
		} else if (!user_read_password(pw, sizeof pw)) {
			cli_error("user password: the password is read from standard input");
			rc = CLI_BADCASE;
		} else {
			st = service_password_set(s, name, pw, time(NULL));
			explicit_bzero(pw, sizeof pw);
			if (st != SERVICE_OK)
				rc = cli_service_fail(s, st, "user password");
		}
		service_close(s);
		return rc;
	}
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	if (strcmp(action, "list") == 0) {
		rc = user_list(s, &a);
	} else if (strcmp(action, "setting") == 0) {
		rc = user_setting(s, &a, argc, argv);
	} else {
		if (strcmp(action, "add") == 0)
			st = service_user_add(s, &a, name, (enum service_role)service_role_from_code(role),
			    centre);
		else if (strcmp(action, "disable") == 0)
			st = service_user_disable(s, &a, name, time(NULL));
		else if (strcmp(action, "enable") == 0)
			st = service_user_enable(s, &a, name, time(NULL));
		else if (strcmp(action, "reset") == 0)
			st = service_user_reset(s, &a, name, time(NULL));
		else {
			service_close(s);
			return user_usage();
		}
		if (st != SERVICE_OK) {
			r = cli_service_fail(s, st, action);
			rc = r;
		}
	}
	service_close(s);
	return rc;
}
