/*
 * test_settings.c: the store's side of issue 5: schema v3's defaults
 * (idle_minutes 10, db_mode production) and guards (a setting out of range,
 * an unknown key), the file's production/training mark, an account's
 * failures and lock, and the training wipe, refused on a production file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "jzz/store.h"
#include "testdb.h"

static char tmpdir[256];

static int
setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/jzz-store-XXXXXX");
	return mkdtemp(tmpdir) == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	char cmd[300];

	(void)state;
	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
	return system(cmd) == 0 ? 0 : -1;
}

static void
test_settings_and_mark(void **state)
{
	char                 path[512], err[256], buf[64];
	struct store        *st;
	enum store_db_kind   kind;
	struct store_account acc;
	int64_t              gen;

	(void)state;
	testdb_make(path, sizeof path, tmpdir, "s.db");
	if (store_open(path, true, &st, err, sizeof err) != STORE_OK)
		fail_msg("create %s: %s", path, err);
	assert_int_equal(store_publish(st, true), STORE_OK);
	assert_int_equal(store_open(path, false, &st, err, sizeof err), STORE_OK);
	assert_int_equal(store_setting_get(st, "idle_minutes", buf, sizeof buf), STORE_OK);
	assert_string_equal(buf, "10");
	assert_int_equal(store_setting_get(st, "db_mode", buf, sizeof buf), STORE_OK);
	assert_string_equal(buf, "production");
	assert_int_equal(store_setting_get(st, "work_day", buf, sizeof buf), STORE_NOTFOUND);
	/* the schema refuses what the policy does not know */
	assert_int_equal(store_setting_set(st, "idle_minutes", "0"), STORE_ERR);
	assert_int_equal(store_setting_set(st, "colour", "red"), STORE_ERR);
	assert_int_equal(store_setting_set(st, "work_day", "2026-02-30"), STORE_ERR);
	assert_int_equal(store_setting_set(st, "work_day", "2026-02-28"), STORE_OK);
	assert_int_equal(store_setting_set(st, "work_day", NULL), STORE_OK);
	assert_int_equal(store_setting_get(st, "work_day", buf, sizeof buf), STORE_NOTFOUND);

	/* a file made before the mark is unmarked (SQLite's header mark; a
	 * PostgreSQL store has no store from before it); then marked */
	assert_int_equal(store_db_kind_get(st, &kind), STORE_OK);
	if (!testdb_is_pg())
		assert_int_equal(kind, STORE_DB_UNMARKED);
	assert_int_equal(store_training_wipe(st), STORE_ERR);   /* never on production */
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_db_kind_set(st, STORE_DB_TRAINING), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_db_kind_get(st, &kind), STORE_OK);
	assert_int_equal(kind, STORE_DB_TRAINING);
	assert_int_equal(store_setting_get(st, "db_mode", buf, sizeof buf), STORE_OK);
	assert_string_equal(buf, "training");

	/* an account's failures and lock */
	assert_int_equal(store_account_add(st, "clerk1", "clerk", NULL, NULL, false), STORE_OK);
	assert_int_equal(store_account_set_failures(st, "clerk1", 5, 1795000900), STORE_OK);
	assert_int_equal(store_account_get(st, "clerk1", &acc), STORE_OK);
	assert_int_equal(acc.failed_logins, 5);
	assert_int_equal(acc.locked_until, 1795000900);
	assert_false(acc.has_password);
	assert_int_equal(store_account_set_failures(st, "clerk1", 5, 1795000900), STORE_OK);
	assert_int_equal(store_account_get(st, "clerk1", &acc), STORE_OK);
	gen = acc.session_gen;
	assert_int_equal(store_account_set_password(st, "clerk1", "$y$x", true), STORE_OK);
	assert_int_equal(store_account_get(st, "clerk1", &acc), STORE_OK);
	assert_true(acc.has_password);
	assert_true(acc.must_change);
	assert_true(acc.session_gen > gen);   /* a reset ends the sessions opened before */
	assert_int_equal(acc.failed_logins, 0);
	assert_int_equal(acc.locked_until, 0);
	assert_true(acc.password_set_at[0] != '\0');
	assert_int_equal(store_account_set_disabled(st, "nobody", true), STORE_NOTFOUND);

	/* the wipe, on a training file: no account, no audit entry left */
	assert_int_equal(store_begin(st), STORE_OK);
	assert_int_equal(store_training_wipe(st), STORE_OK);
	assert_int_equal(store_commit(st), STORE_OK);
	assert_int_equal(store_account_get(st, "clerk1", &acc), STORE_NOTFOUND);
	store_close(st);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_settings_and_mark),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
