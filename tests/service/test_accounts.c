/*
 * test_accounts.c: accounts and permissions, with a clock the test
 * controls: a temporary password serves once to set the account's own (10
 * characters and libpwquality's check); actors only as the service issues
 * them, sessions that end when the account changes; the
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
	char                      temp[64];

	(void)state;
	/* a new account gets a temporary password, made and shown once */
	assert_int_equal(service_user_add(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, NULL, temp,
	    sizeof temp), SERVICE_OK);
	assert_int_equal(strlen(temp), 19);
	/* nobody claims it with an empty or any other password */
	assert_int_equal(service_login(s, "clerk1", "", NULL, t, &a, &info), SERVICE_LOGIN_DENIED);
	assert_int_equal(service_login(s, "clerk1", temp, NULL, t, &a, &info),
	    SERVICE_LOGIN_NEEDS_PASSWORD);
	assert_string_equal(a.user, "");   /* no actor for a temporary password */
	/* the new one: 10 characters, the quality check, not the old one */
	assert_int_equal(service_password_change(s, "clerk1", temp, "short", t), SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "12345678", t),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "1234567890", t),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "password123", t),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "clerk1-pass-word", t),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "七个汉字的密码", t),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk1", temp, "长宁区居住证受理窗口", t),
	    SERVICE_OK);
	/* the temporary password served once */
	assert_int_equal(service_login(s, "clerk1", temp, NULL, t, &a, &info), SERVICE_LOGIN_DENIED);
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理窗口", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);
	assert_int_equal(a.role, SERVICE_ROLE_CLERK);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name = 'clerk1'"
	    " AND password_hash LIKE '$y$%%' AND must_change = 0"), 1);

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
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理窗口", NULL, t + 5 + 14 * 60, &a,
	    &info), SERVICE_LOGIN_LOCKED);
	/* 15 minutes on: open again, and the count starts afresh */
	assert_int_equal(service_login(s, "clerk1", "wrong-password", NULL, t + 5 + 15 * 60, &a,
	    &info), SERVICE_LOGIN_DENIED);
	assert_int_equal(info.attempts_left, 4);
	assert_int_equal(service_login(s, "clerk1", "长宁区居住证受理窗口", NULL, t + 5 + 15 * 60 + 1,
	    &a, &info), SERVICE_LOGIN_OK);

	/* an unknown account: answered and counted exactly like a real one */
	for (int i = 1; i <= 4; i++) {
		assert_int_equal(service_login(s, "nobody", "whatever-it-is", NULL, t + i, &a, &info),
		    SERVICE_LOGIN_DENIED);
		assert_int_equal(info.attempts_left, 5 - i);
	}
	assert_int_equal(service_login(s, "nobody", "whatever-it-is", NULL, t + 5, &a, &info),
	    SERVICE_LOGIN_LOCKED);
	assert_int_equal(info.locked_until, t + 5 + 15 * 60);
	/* the owner's reserved account never logs in */
	assert_int_equal(service_login(s, "owner", "", NULL, t, &a, &info), SERVICE_LOGIN_DENIED);

	assert_int_equal(audit_count("login", "clerk1"), 2);
	assert_int_equal(audit_count("login_failed", "clerk1"), 7);
	assert_int_equal(audit_count("lockout", "clerk1"), 1);
	assert_int_equal(audit_count("login_locked", "clerk1"), 1);
	assert_int_equal(audit_count("login_temporary", "clerk1"), 2);
	assert_int_equal(audit_count("password_set", "clerk1"), 1);
	assert_int_equal(audit_count("login_failed", "nobody"), 4);
	assert_int_equal(audit_count("lockout", "nobody"), 1);
	service_close(s);
}

/* An actor exists only when the service issued it. */
static void
test_actors_issued(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  forged, admin = svctest_actor(s, NULL), clerk, a;
	struct service_result r;
	char                  id[19];

	(void)state;
	/* a struct filled in by a caller acts for nobody */
	memset(&forged, 0, sizeof forged);
	snprintf(forged.user, sizeof forged.user, "admin");
	forged.role = SERVICE_ROLE_ADMIN;
	snprintf(forged.centre, sizeof forged.centre, "310105009");
	svctest_idnum(3, id);
	assert_int_equal(svctest_submit_st(s, &forged, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	forged.session = 12345;
	assert_int_equal(svctest_submit_st(s, &forged, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	/* a real one's session number on another name */
	forged.session = admin.session;
	snprintf(forged.user, sizeof forged.user, "super1");
	assert_int_equal(svctest_submit_st(s, &forged, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	/* only the owner acts in another's name */
	svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, "counter-one-2026");
	clerk = svctest_actor(s, "clerk1");
	assert_int_equal(service_actor_as(s, &clerk, "admin", NULL, &a), SERVICE_ERR_DENIED);
	assert_int_equal(service_actor_as(s, &admin, "clerk1", NULL, &a), SERVICE_ERR_DENIED);
	/* logged out: refused from then on */
	service_actor_end(s, &clerk);
	assert_int_equal(svctest_submit_st(s, &clerk, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 0);
	service_close(s);
}

/* A session ends at the next act once its account was disabled, locked or
 * reset, or its password changed. */
static void
test_sessions_end(void **state)
{
	struct service           *s = svctest_new();
	struct service_actor      admin = svctest_actor(s, NULL), a, b;
	struct service_login_info info;
	struct service_result     r;
	char                      id[19], temp[64];
	time_t                    t = time(NULL);

	(void)state;
	svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, "counter-one-2026");
	svctest_idnum(4, id);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);
	assert_int_equal(svctest_submit_st(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), SERVICE_OK);
	/* disabled while logged in */
	assert_int_equal(service_user_disable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(svctest_submit_st(s, &a, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	/* enabled again: the old session stays ended, a new login works */
	assert_int_equal(service_user_enable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(svctest_submit_st(s, &a, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &b, &info),
	    SERVICE_LOGIN_OK);
	/* locked by failures elsewhere */
	for (int i = 0; i < 5; i++)
		service_login(s, "clerk1", "not-the-password", NULL, t, &a, &info);
	assert_int_equal(svctest_submit_st(s, &b, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	/* reset by the administrator */
	assert_int_equal(service_user_enable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &b, &info),
	    SERVICE_LOGIN_OK);
	assert_int_equal(service_user_reset(s, &admin, "clerk1", t, NULL, temp, sizeof temp),
	    SERVICE_OK);
	assert_int_equal(svctest_submit_st(s, &b, D(2026, 1, 5), &r, REG_CASE(id)),
	    SERVICE_ERR_SESSION);
	/* the reset password is temporary too: nothing but setting one's own */
	assert_int_equal(service_login(s, "clerk1", temp, NULL, t, &b, &info),
	    SERVICE_LOGIN_NEEDS_PASSWORD);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &b, &info),
	    SERVICE_LOGIN_DENIED);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 1);
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
	char                      temp[64];

	(void)state;
	svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, "counter-one-2026");
	svctest_user(s, &admin, "clerk2", SERVICE_ROLE_CLERK, NULL, "counter-one-2026");
	clerk = svctest_actor(s, "clerk1");
	/* one salt per account: the same password, two hashes */
	assert_int_equal(svctest_count("SELECT count(DISTINCT password_hash) FROM users"
	    " WHERE name IN ('clerk1', 'clerk2')"), 2);
	/* names are checked */
	assert_int_equal(service_user_add(s, &admin, "bad\x1b[31mname", SERVICE_ROLE_CLERK, NULL,
	    NULL, temp, sizeof temp), SERVICE_ERR_INVALID);
	assert_int_equal(service_user_add(s, &admin, "owner", SERVICE_ROLE_CLERK, NULL, NULL, temp,
	    sizeof temp), SERVICE_ERR_INVALID);
	assert_int_equal(service_user_add(s, &admin, "\xff\xfe", SERVICE_ROLE_CLERK, NULL, NULL, temp,
	    sizeof temp), SERVICE_ERR_INVALID);
	/* a given temporary password is checked like any */
	assert_int_equal(service_user_add(s, &admin, "clerk3", SERVICE_ROLE_CLERK, NULL, "12345678",
	    temp, sizeof temp), SERVICE_ERR_INVALID);

	/* a clerk manages no accounts */
	assert_int_equal(service_user_add(s, &clerk, "x", SERVICE_ROLE_CLERK, NULL, NULL, temp,
	    sizeof temp), SERVICE_ERR_DENIED);
	assert_int_equal(service_user_disable(s, &clerk, "clerk2", t), SERVICE_ERR_DENIED);
	assert_int_equal(service_user_reset(s, &clerk, "clerk2", t, NULL, temp, sizeof temp),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_users_list(s, &clerk, t, &l), SERVICE_ERR_DENIED);
	assert_int_equal(service_setting_set(s, &clerk, "idle_minutes", "30", t), SERVICE_ERR_DENIED);

	/* disabled: no login, no actor; enabled again */
	assert_int_equal(service_user_disable(s, &admin, "admin", t), SERVICE_ERR_INVALID);
	assert_int_equal(service_user_disable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &a, &info),
	    SERVICE_LOGIN_DISABLED);
	assert_int_equal(service_login(s, "clerk1", "not-the-one", NULL, t, &a, &info),
	    SERVICE_LOGIN_DENIED);
	{
		struct service_actor o = svctest_owner(s);

		assert_int_equal(service_actor_as(s, &o, "clerk1", NULL, &a), SERVICE_ERR_DENIED);
	}
	assert_int_equal(service_users_list(s, &admin, t, &l), SERVICE_OK);
	assert_int_equal(l.n, 3);   /* the owner's reserved account is not listed */
	assert_string_equal(l.items[1].user, "clerk1");
	assert_true(l.items[1].disabled);
	assert_true(l.items[1].failures == 1);
	assert_false(l.items[0].must_change);   /* admin: its own since svctest_new */
	service_user_list_free(&l);
	assert_int_equal(service_user_enable(s, &admin, "clerk1", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk1", "counter-one-2026", NULL, t, &a, &info),
	    SERVICE_LOGIN_OK);

	/* locked, then enabled by the admin: the lock is lifted */
	for (int i = 0; i < 5; i++)
		service_login(s, "clerk2", "bad-password", NULL, t, &a, &info);
	assert_int_equal(info.locked_until, t + 15 * 60);
	assert_int_equal(service_users_list(s, &admin, t, &l), SERVICE_OK);
	assert_true(l.items[2].locked);
	service_user_list_free(&l);
	assert_int_equal(service_user_enable(s, &admin, "clerk2", t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk2", "counter-one-2026", NULL, t + 1, &a, &info),
	    SERVICE_LOGIN_OK);

	/* reset: a new temporary password, given this time */
	assert_int_equal(service_user_reset(s, &admin, "clerk2", t, "Reset-Given-2026", temp,
	    sizeof temp), SERVICE_OK);
	assert_string_equal(temp, "Reset-Given-2026");
	assert_int_equal(service_login(s, "clerk2", "Reset-Given-2026", NULL, t, &a, &info),
	    SERVICE_LOGIN_NEEDS_PASSWORD);
	assert_int_equal(service_password_change(s, "clerk2", "Reset-Given-2026", "Reset-Given-2026",
	    t), SERVICE_ERR_INVALID);
	assert_int_equal(service_password_change(s, "clerk2", "Reset-Given-2026", "password-two-22",
	    t), SERVICE_OK);
	/* own change: the old one must be right */
	assert_int_equal(service_password_change(s, "clerk2", "wrong-old", "password-three-33", t),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_password_change(s, "clerk2", "password-two-22", "password-three-33",
	    t), SERVICE_OK);
	assert_int_equal(service_login(s, "clerk2", "password-three-33", NULL, t, &a, &info),
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
	assert_string_equal(buf, "rehearsal");
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
	svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, "counter-one-2026");
	svctest_user(s, &admin, "super1", SERVICE_ROLE_SUPERVISOR, NULL, "supervise-2026");
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
		cmocka_unit_test_setup_teardown(test_actors_issued, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_sessions_end, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_admin_actions, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_idle, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_clerk_permissions, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
