/*
 * test_cli_users.c: every `jzz user` subcommand through the real binary:
 * add (a made temporary password printed once, or one from a file), list,
 * login (a temporary password only serves to set one's own; five failures
 * lock), password, reset (unlocks, temporary again), disable and enable,
 * setting; who may (an administrator; a clerk may not), bad input refused
 * with exit 2 and nothing written, every change in the audit log.
 */
#include "clitest.h"

static char users_out[1 << 16];

/* The account `name` of `jzz user list`, as JSON (decref it). */
static json_t *
users_get(const char *name)
{
	json_t *l, *it, *found = NULL;
	size_t  i;

	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user list", J, svctest_db), 0);
	l = parse(users_out);
	assert_true(json_is_array(l));
	json_array_foreach(l, i, it)
		if (strcmp(json_str(it, "user"), name) == 0)
			found = json_incref(it);
	json_decref(l);
	if (found == NULL)
		fail_msg("%s is not in the list: %s", name, users_out);
	return found;
}

/* `jzz user login NAME < pwfile`: its exit status; the result code in res. */
static int
users_login(const char *name, const char *pwfile, char res[32], int *left)
{
	json_t *j;
	int     rc;

	rc = run(users_out, sizeof users_out, "%s --db %s user login %s < %s 2>/dev/null", J,
	    svctest_db, name, pwfile);
	j = parse(users_out);
	snprintf(res, 32, "%s", json_str(j, "result"));
	if (left != NULL)
		*left = (int)json_integer_value(json_object_get(j, "attempts_left"));
	json_decref(j);
	return rc;
}

/* The password printed by add or reset ("NAME password: ..."), into file. */
static void
users_printed(const char *name, const char *file)
{
	char prefix[80], pw[128];
	const char *p;

	snprintf(prefix, sizeof prefix, "%s password: ", name);
	p = strstr(users_out, prefix);
	assert_non_null(p);
	assert_true(p == users_out);
	p += strlen(prefix);
	snprintf(pw, sizeof pw, "%.*s\n", (int)strcspn(p, "\n"), p);
	assert_true(strlen(pw) >= 11);
	write_file(file, pw);
}

static void
test_user_life(void **state)
{
	char    res[32];
	int     left = -1;
	json_t *u;

	(void)state;
	init_db();
	/* add, no file: a temporary password printed once */
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user add clerk2 --role clerk"
	    " --centre 310105009", J, svctest_db), 0);
	users_printed("clerk2", "tp");
	u = users_get("clerk2");
	assert_string_equal(json_str(u, "role"), "clerk");
	assert_string_equal(json_str(u, "centre"), "310105009");
	assert_true(json_is_true(json_object_get(u, "temporary")));
	assert_true(json_is_false(json_object_get(u, "locked")));
	json_decref(u);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'user_add' AND"
	    " subject = 'clerk2'"), 1);

	/* a temporary password does not log in; it sets one's own, once */
	assert_int_equal(users_login("clerk2", "tp", res, NULL), 1);
	assert_string_equal(res, "needs_password");
	write_file("own", "Desk-Window-Seven-77\n");
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file tp user password"
	    " --new-password-file own", J, svctest_db), 0);
	assert_int_equal(users_login("clerk2", "own", res, &left), 0);
	assert_string_equal(res, "ok");
	assert_int_equal(left, 5);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file tp user password"
	    " --new-password-file own 2>/dev/null", J, svctest_db), 1);
	u = users_get("clerk2");
	assert_true(json_is_false(json_object_get(u, "temporary")));
	json_decref(u);

	/* five failures lock, even the right password then */
	write_file("bad", "not-the-password\n");
	for (int i = 0; i < 5; i++)
		assert_int_equal(users_login("clerk2", "bad", res, NULL), 1);
	assert_string_equal(res, "locked");
	assert_int_equal(users_login("clerk2", "own", res, &left), 1);
	assert_string_equal(res, "locked");
	assert_int_equal(left, 0);
	u = users_get("clerk2");
	assert_true(json_is_true(json_object_get(u, "locked")));
	json_decref(u);

	/* reset: unlocked, temporary again; a file's password too short is refused */
	write_file("short", "short\n");
	assert_int_equal(run(NULL, 0, "%s --db %s user reset clerk2 --password-file short"
	    " 2>/dev/null", J, svctest_db), 2);
	u = users_get("clerk2");
	assert_true(json_is_true(json_object_get(u, "locked")));
	json_decref(u);
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user reset clerk2", J,
	    svctest_db), 0);
	users_printed("clerk2", "tp2");
	u = users_get("clerk2");
	assert_true(json_is_false(json_object_get(u, "locked")));
	assert_true(json_is_true(json_object_get(u, "temporary")));
	assert_int_equal(json_integer_value(json_object_get(u, "failures")), 0);
	json_decref(u);
	assert_int_equal(users_login("clerk2", "own", res, NULL), 1);   /* the old one is gone */
	assert_int_equal(users_login("clerk2", "tp2", res, NULL), 1);
	assert_string_equal(res, "needs_password");
	write_file("own2", "Counter-Lamp-Eight-88\n");
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file tp2 user password"
	    " --new-password-file own2", J, svctest_db), 0);

	/* disable: no login; enable: back */
	assert_int_equal(run(NULL, 0, "%s --db %s user disable clerk2", J, svctest_db), 0);
	u = users_get("clerk2");
	assert_true(json_is_true(json_object_get(u, "disabled")));
	json_decref(u);
	assert_int_equal(users_login("clerk2", "own2", res, NULL), 1);
	assert_string_not_equal(res, "ok");
	assert_int_equal(run(NULL, 0, "%s --db %s user enable clerk2", J, svctest_db), 0);
	assert_int_equal(users_login("clerk2", "own2", res, NULL), 0);
	assert_string_equal(res, "ok");

	/* settings */
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user setting idle_minutes 7", J,
	    svctest_db), 0);
	assert_string_equal(users_out, "{\"idle_minutes\":\"7\"}\n");
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user setting idle_minutes", J,
	    svctest_db), 0);
	assert_string_equal(users_out, "{\"idle_minutes\":\"7\"}\n");
	assert_int_equal(run(NULL, 0, "%s --db %s user setting idle_minutes abc 2>/dev/null", J,
	    svctest_db), 2);
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s user setting idle_minutes", J,
	    svctest_db), 0);
	assert_string_equal(users_out, "{\"idle_minutes\":\"7\"}\n");

	/* a clerk manages no account and changes no setting */
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file own2 user list"
	    " 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file own2 user add x"
	    " --role admin 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk2 --password-file own2 user setting"
	    " idle_minutes 100 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name = 'x'"), 0);

	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action IN ('user_reset',"
	    " 'user_disable', 'user_enable') AND subject = 'clerk2'"), 3);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'setting'"), 1);
	assert_int_equal(run(users_out, sizeof users_out, "%s --db %s audit verify", J, svctest_db), 0);
}

/* Bad input: exit 2 (usage) or 1 (no such account, exists), nothing written. */
static void
test_user_refusals(void **state)
{
	char      err[4096];
	long long audit, accounts;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	audit = svctest_count("SELECT count(*) FROM audit_log");
	accounts = svctest_count("SELECT count(*) FROM users");
	assert_int_equal(run(err, sizeof err, "%s --db %s user add x --role king 2>&1", J,
	    svctest_db), 2);
	assert_non_null(strstr(err, "--role clerk|supervisor|trainer|admin"));
	assert_int_equal(run(NULL, 0, "%s --db %s user add x 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s user bogus 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s user list extra 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s user password 2>&1", J, svctest_db), 2);
	assert_non_null(strstr(err, "--user NAME"));
	assert_int_equal(run(err, sizeof err, "%s --db %s user add clerk1 --role clerk 2>&1", J,
	    svctest_db), 1);
	assert_non_null(strstr(err, "clerk1 exists"));
	assert_int_equal(run(err, sizeof err, "%s --db %s user disable nobody 2>&1", J, svctest_db), 1);
	assert_non_null(strstr(err, "nobody"));
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(svctest_count("SELECT count(*) FROM users"), accounts);
}

/* Options given to the wrong subcommand, words missing, an unknown
 * setting, no password on standard input, the old password's file missing,
 * no terminal to type the new one on (setsid: no controlling terminal):
 * each refused with its reason on stderr (exit 2 for what was typed wrong,
 * 1 for what could not be read), nothing written and no failure counted
 * against the account. */
static void
test_user_misuse(void **state)
{
	static const struct {
		const char *args;   /* after jzz --db DB (setsid: the whole command) */
		int         status;
		const char *says;   /* on stderr; NULL: the usage */
	} misuse[] = {
		{ "user list --new-password-file pw-clerk1", 2, "--new-password-file is for password" },
		{ "user disable clerk1 --role clerk", 2, "--role and --centre are for add" },
		{ "user enable clerk1 --centre 310105009", 2, "--role and --centre are for add" },
		{ "user disable clerk1 --password-file pw-clerk1", 2,
		  "--password-file is for add and reset" },
		{ "user disable", 2, NULL },
		{ "user login", 2, NULL },
		{ "user setting", 2, NULL },
		{ "user setting idle_minutes 5 6", 2, NULL },
		{ "--user clerk1 --password-file pw-clerk1 user password extra", 2, NULL },
		{ "user setting colour", 2, "no setting colour" },
		{ "user setting colour blue", 2, "colour: not a setting one may change" },
		{ "user login clerk1 < /dev/null", 2, "read from standard input" },
		{ "--user clerk1 --password-file no-such-file user password --new-password-file"
		  " pw-clerk1", 1, "no-such-file" },
		{ "setsid", 1, "no terminal" },
	};
	char      err[4096];
	long long audit, accounts;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	audit = svctest_count("SELECT count(*) FROM audit_log");
	accounts = svctest_count("SELECT count(*) FROM users");
	for (size_t i = 0; i < sizeof misuse / sizeof misuse[0]; i++) {
		int st = strcmp(misuse[i].args, "setsid") == 0 ?
		    run(err, sizeof err, "setsid -w %s --db %s --user clerk1 --password-file pw-clerk1"
		    " user password 2>&1 < /dev/null", J, svctest_db) :
		    run(err, sizeof err, "%s --db %s %s 2>&1", J, svctest_db, misuse[i].args);

		if (st != misuse[i].status || strstr(err, misuse[i].says != NULL ? misuse[i].says :
		    "usage: jzz user") == NULL)
			fail_msg("jzz %s: exit %d, said: %s", misuse[i].args, st, err);
	}
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(svctest_count("SELECT count(*) FROM users"), accounts);
	assert_int_equal(svctest_count("SELECT failed_logins FROM users WHERE name = 'clerk1'"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_user_life, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_user_refusals, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_user_misuse, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
