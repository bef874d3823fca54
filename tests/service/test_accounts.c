/*
 * test_accounts.c: accounts and permissions (issue 5), with a clock the test
 * controls: first login sets the password (8 characters at least); the
 * fifth failure locks for 15 minutes, a lock that runs out gives a fresh
 * count; disable, enable, reset; the idle setting; every login, failure,
 * lockout and account change in the audit log; and what a clerk may not do
 * (cancel, report, manage accounts, train) through the service layer.
 */
#include "svctest.h"

#define NOW0 ((time_t)1795000000)   /* 2026-11-18, any fixed second */

static long long
audit_count(const char *action, const char *user)
{
	return svctest_count("SELECT count(*) FROM audit_log WHERE action = '%s' AND user_name = '%s'",
	    action, user);
}

static void
test_first_login_and_lockout(void **state)
{
	struct service           *s = svctest_new();
	struct service_actor      admin = svctest_actor(s, NULL), a;
	struct service_login_info info;
	time_t                    t = NOW0;

	(void)state;
	assert_int_equal(service_user_add(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "", NULL, t, &a, &info),
	    SERVICE_LOGIN_NEEDS_PASSWORD);
	assert_string_equal(a.user, "clerk1");
	assert_int_equal(service_password_set(s, "clerk1", "short", t), SERVICE_ERR_INVALID);
	assert_int_equal(service_password_set(s, "clerk1", "七个汉字的密码", t), SERVICE_ERR_INVALID);
	assert_int_equal(service_password_set(s, "clerk1", "长宁区居住证受理", t), SERVICE_OK);
	assert_int_equal(service_password_set(s, "clerk1", "another-one", t), SERVICE_ERR_STATE);
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);
	assert_int_equal(a.role, SERVICE_ROLE_CLERK);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name = 'clerk1'"
	    " AND password_hash LIKE '$y$%%'"), 1);

	/* four failures, then the fifth locks */
	for (int i = 1; i <= 4; i++) {
		assert_int_equal(service_login(s, "clerk1", "wrong-password", NULL, t + i, &a, &info),
		    SERVICE_LOGIN_DENIED);
		assert_int_equal(info.attempts_left, 5 - i);
	}
	assert_int_equal(service_login(s, "clerk1", "wrong-password", NULL, t + 5, &a, &info),
	    SERVICE_LOGIN_LOCKED);
	assert_int_equal(info.locked_until, t + 5 + 15 * 60);
	/* locked: even the right password is refused */
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理", NULL, t + 5 + 14 * 60, &a,
	    &info), SERVICE_LOGIN_LOCKED);
	/* 15 minutes on: open again, and the count starts afresh */
	assert_int_equal(service_login(s, "clerk1", "wrong-password", NULL, t + 5 + 15 * 60, &a,
	    &info), SERVICE_LOGIN_DENIED);
	assert_int_equal(info.attempts_left, 4);
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理", NULL, t + 5 + 15 * 60 + 1,
	    &a, &info), SERVICE_LOGIN_OK);
	/* an unknown account: the same answer as a wrong password */
	assert_int_equal(service_login(s, "nobody", "whatever-it-is", NULL, t, &a, &info),
	    SERVICE_LOGIN_DENIED);

	assert_int_equal(audit_count("login", "clerk1"), 2);
	assert_int_equal(audit_count("login_failed", "clerk1"), 5);
	assert_int_equal(audit_count("lockout", "clerk1"), 1);
	assert_int_equal(audit_count("login_locked", "clerk1"), 1);
	assert_int_equal(audit_count("login_needs_password", "clerk1"), 1);
	assert_int_equal(audit_count("password_set", "clerk1"), 1);
	assert_int_equal(audit_count("login_failed", "nobody"), 1);
	service_close(s);
}

static void
test_admin_actions(void **state)
{
	struct service           *s = svctest_new();
	struct service_actor      admin = svctest_actor(s, NULL), clerk, a;
	struct service_user_list  l;
	struct service_login_info info;
	time_t                    t = NOW0;

	(void)state;
	assert_int_equal(service_user_add(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL), SERVICE_OK);
	assert_int_equal(service_user_add(s, &admin, "clerk2", SERVICE_ROLE_CLERK, NULL), SERVICE_OK);
	clerk = svctest_actor(s, "clerk1");
	assert_int_equal(service_password_set(s, "clerk1", "password-one", t), SERVICE_OK);
	assert_int_equal(service_password_set(s, "clerk2", "password-one", t), SERVICE_OK);
	/* one salt per account: the same password, two hashes */
	assert_int_equal(svctest_count("SELECT count(DISTINCT password_hash) FROM users"
	    " WHERE name IN ('clerk1', 'clerk2')"), 2);

	/* a clerk manages no accounts */
	assert_int_equal(service_user_add(s, &clerk, "x", SERVICE_ROLE_CLERK, NULL), SERVICE_ERR_DENIED);
	assert_int_equal(service_user_disable(s, &clerk, "clerk2", t), SERVICE_ERR_DENIED);
	assert_int_equal(service_user_reset(s, &clerk, "clerk2", t), SERVICE_ERR_DENIED);
	assert_int_equal(service_users_list(s, &clerk, t, &l), SERVICE_ERR_DENIED);
	assert_int_equal(service_setting_set(s, &clerk, "idle_minutes", "30", t), SERVICE_ERR_DENIED);

	/* disabled: no login, no actor; enabled again */
	assert_int_equal(service_user_disable(s, &admin, "admin", t), SERVICE_ERR_INVALID);
	assert_int_equal(service_user_disable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "password-one", NULL, t, &a, &info),
	    SERVICE_LOGIN_DISABLED);
	assert_int_equal(service_login(s, "clerk1", "not-the-one", NULL, t, &a, &info),
	    SERVICE_LOGIN_DENIED);
	assert_int_equal(service_actor(s, "clerk1", NULL, &a), SERVICE_ERR_DENIED);
	assert_int_equal(service_users_list(s, &admin, t, &l), SERVICE_OK);
	assert_int_equal(l.n, 3);
	assert_string_equal(l.items[1].user, "clerk1");
	assert_true(l.items[1].disabled);
	assert_true(l.items[1].failures == 1);
	service_user_list_free(&l);
	assert_int_equal(service_user_enable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "password-one", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);

	/* locked, then enabled by the admin: the lock is lifted */
	for (int i = 0; i < 5; i++)
		service_login(s, "clerk2", "bad-password", NULL, t, &a, &info);
	assert_int_equal(info.locked_until, t + 15 * 60);
	assert_int_equal(service_users_list(s, &admin, t, &l), SERVICE_OK);
	assert_true(l.items[2].locked);
	service_user_list_free(&l);
	assert_int_equal(service_user_enable(s, &admin, "clerk2", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk2", "password-one", NULL, t + 1, &a, &info),
	    SERVICE_LOGIN_OK);

	/* reset: the password is set again at the next login */
	assert_int_equal(service_user_reset(s, &admin, "clerk2", t), SERVICE_OK);
	assert_true(service_user_needs_password(s, "clerk2"));
	assert_int_equal(service_login(s, "clerk2", "password-one", NULL, t, &a, &info),
	    SERVICE_LOGIN_NEEDS_PASSWORD);
	assert_int_equal(service_password_set(s, "clerk2", "password-two", t), SERVICE_OK);
	/* own change: the old one must be right */
	assert_int_equal(service_password_change(s, "clerk2", "wrong-old", "password-three", t),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_password_change(s, "clerk2", "password-two", "password-three", t),
	    SERVICE_OK);
	assert_int_equal(service_login(s, "clerk2", "password-three", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);

	assert_int_equal(audit_count("user_disable", "admin"), 1);
	assert_int_equal(audit_count("user_enable", "admin"), 2);
	assert_int_equal(audit_count("user_reset", "admin"), 1);
	assert_int_equal(audit_count("user_add", "admin"), 2);
	service_close(s);
}

static void
test_idle(void **state)
{
	struct service      *s = svctest_new();
	struct service_actor admin = svctest_actor(s, NULL);
	char                 buf[32];

	(void)state;
	assert_int_equal(service_idle_minutes(s), 10);
	assert_false(service_idle_expired(s, NOW0, NOW0 + 599));
	assert_true(service_idle_expired(s, NOW0, NOW0 + 600));
	assert_int_equal(service_setting_set(s, &admin, "idle_minutes", "0", NOW0), SERVICE_ERR_INVALID);
	assert_int_equal(service_setting_set(s, &admin, "idle_minutes", "5x", NOW0), SERVICE_ERR_INVALID);
	assert_int_equal(service_setting_set(s, &admin, "db_mode", "training", NOW0),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_setting_set(s, &admin, "idle_minutes", "3", NOW0), SERVICE_OK);
	assert_int_equal(service_idle_minutes(s), 3);
	assert_false(service_idle_expired(s, NOW0, NOW0 + 179));
	assert_true(service_idle_expired(s, NOW0, NOW0 + 180));
	assert_int_equal(service_setting_get(s, "idle_minutes", buf, sizeof buf), SERVICE_OK);
	assert_string_equal(buf, "3");
	assert_int_equal(service_setting_get(s, "db_mode", buf, sizeof buf), SERVICE_OK);
	assert_string_equal(buf, "production");
	assert_int_equal(audit_count("setting", "admin"), 1);
	service_close(s);
}

/* What a clerk may not do, whatever the records. */
static void
test_clerk_permissions(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        admin = svctest_actor(s, NULL), clerk, super;
	struct service_result       r;
	struct service_report       rep;
	struct service_report_daily d;
	struct jzz_case             c;
	char                        id[19];
	int                         year;
	static const char           cal[] = "{\"year\":2027,\"days\":[{\"date\":\"2027-01-01\","
	    "\"isOffDay\":true}]}";

	(void)state;
	assert_int_equal(service_user_add(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL), SERVICE_OK);
	assert_int_equal(service_user_add(s, &admin, "super1", SERVICE_ROLE_SUPERVISOR, NULL),
	    SERVICE_OK);
	clerk = svctest_actor(s, "clerk1");
	super = svctest_actor(s, "super1");
	svctest_idnum(1, id);
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	svctest_case(&c, D(2026, 8, 3), "{\"business\":\"cancellation\",\"applicant\":"
	    "{\"id_number\":\"%s\",\"name\":\"测试\"}}", id);
	assert_int_equal(service_cancellation(s, &clerk, &c, D(2026, 8, 3),
	    SERVICE_CANCEL_NOT_RESIDENT, "note", &r), SERVICE_ERR_DENIED);
	assert_int_equal(service_report(s, &clerk, NULL, D(2026, 7, 6), D(2026, 7, 6), &rep),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_report_daily(s, &clerk, NULL, D(2026, 7, 6), &d), SERVICE_ERR_DENIED);
	assert_int_equal(service_calendar_import(s, &clerk, cal, strlen(cal), &year),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_calendar_import(s, &super, cal, strlen(cal), &year),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_training_set_day(s, &clerk, D(2026, 8, 3)), SERVICE_ERR_DENIED);
	/* the supervisor may */
	assert_int_equal(service_report(s, &super, NULL, D(2026, 7, 6), D(2026, 7, 6), &rep),
	    SERVICE_OK);
	assert_int_equal(rep.applications, 1);
	service_report_free(&rep);
	assert_int_equal(service_cancellation(s, &super, &c, D(2026, 8, 3),
	    SERVICE_CANCEL_NOT_RESIDENT, "note", &r), SERVICE_OK);
	assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
	service_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_first_login_and_lockout, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_admin_actions, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_idle, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_clerk_permissions, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
