/*
 * test_cli_audit.c: `jzz audit head` and `jzz audit verify [--head
 * SEQ:MAC]` through the real binary: the head printed is the newest entry
 * and verifies, and still does after more entries; a head whose MAC differs
 * or that is gone, a dropped append-only guard and an altered entry are
 * each reported (exit 1, the entry named); a malformed --head is a usage
 * error (exit 2); a clerk may not read the log.
 */
#include "clitest.h"

static char audit_out[1 << 16];

/* `jzz audit head` as "SEQ:MAC"; its seq in *seq. */
static void
audit_head(char head[128], long long *seq)
{
	json_t *j;

	assert_int_equal(run(audit_out, sizeof audit_out, "%s --db %s audit head", J, svctest_db), 0);
	j = parse(audit_out);
	*seq = json_integer_value(json_object_get(j, "seq"));
	assert_int_equal(strlen(json_str(j, "mac")), 64);
	snprintf(head, 128, "%lld:%s", *seq, json_str(j, "mac"));
	json_decref(j);
}

/* `jzz audit verify ARGS`: exit status; ok, entries and first_broken. */
static int
audit_verify(const char *args, bool *ok, long long *entries, long long *broken)
{
	json_t *j;
	int     rc;

	rc = run(audit_out, sizeof audit_out, "%s --db %s audit verify %s 2>/dev/null", J, svctest_db,
	    args);
	j = parse(audit_out);
	*ok = json_is_true(json_object_get(j, "ok"));
	*entries = json_integer_value(json_object_get(j, "entries"));
	*broken = json_integer_value(json_object_get(j, "first_broken"));
	json_decref(j);
	return rc;
}

static void
test_audit_head_and_verify(void **state)
{
	char      head[128], other[160], args[200], err[4096];
	long long seq, seq2, entries, broken;
	bool      ok;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	audit_head(head, &seq);
	assert_int_equal(seq, svctest_count("SELECT max(seq) FROM audit_log"));
	assert_int_equal(audit_verify("", &ok, &entries, &broken), 0);
	assert_true(ok);
	assert_int_equal(entries, seq);
	snprintf(args, sizeof args, "--head %s", head);
	assert_int_equal(audit_verify(args, &ok, &entries, &broken), 0);
	assert_true(ok);

	/* more entries: the older head is still in the chain */
	assert_int_equal(run(NULL, 0, "%s --db %s user disable clerk1", J, svctest_db), 0);
	audit_head(other, &seq2);
	assert_int_equal(seq2, seq + 1);
	assert_int_equal(audit_verify(args, &ok, &entries, &broken), 0);
	assert_true(ok);
	assert_int_equal(entries, seq2);

	/* a head whose MAC differs, a head that is gone */
	snprintf(args, sizeof args, "--head %lld:%064d", seq, 0);
	assert_int_equal(audit_verify(args, &ok, &entries, &broken), 1);
	assert_false(ok);
	assert_int_equal(broken, seq);
	snprintf(args, sizeof args, "--head %lld:%s", seq2 + 50, strchr(other, ':') + 1);
	assert_int_equal(audit_verify(args, &ok, &entries, &broken), 1);
	assert_int_equal(broken, seq2 + 50);

	/* malformed heads: usage */
	assert_int_equal(run(err, sizeof err, "%s --db %s audit verify --head 3 2>&1", J, svctest_db),
	    2);
	assert_non_null(strstr(err, "SEQ:MAC"));
	assert_int_equal(run(NULL, 0, "%s --db %s audit verify --head 3:XYZ 2>/dev/null", J,
	    svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s audit nothing 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s audit 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s audit head --head %s 2>&1", J, svctest_db,
	    head), 2);
	assert_non_null(strstr(err, "audit head: --head is for verify"));

	/* head's line as jzz(1) documents it, spaces and all: scripts and the
	 * journal keep it as printed */
	assert_int_equal(run(err, sizeof err, "%s --db %s audit head", J, svctest_db), 0);
	snprintf(other, sizeof other, "{\"seq\": %lld, \"mac\": \"", seq2);
	assert_true(strncmp(err, other, strlen(other)) == 0);
	assert_int_equal(strlen(err), strlen(other) + 64 + 3);
	assert_string_equal(err + strlen(other) + 64, "\"}\n");

	/* a clerk reads no log */
	assert_int_equal(run(NULL, 0, "%s --db %s user enable clerk1", J, svctest_db), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 audit verify"
	    " 2>/dev/null", J, svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw-clerk1 audit head"
	    " 2>/dev/null", J, svctest_db), 1);
}

/* Someone with the file or the role: an entry altered with the guards out
 * of the way and put back, then a guard dropped. */
static void
test_audit_tampered(void **state)
{
	char      err[4096];
	long long entries, broken;
	bool      ok;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	/* the altered entry itself is found */
	assert_int_equal(testdb_sql_unguarded(svctest_db, "UPDATE audit_log SET reason ="
	    " 'nothing happened' WHERE seq = 2"), 0);
	assert_int_equal(audit_verify("", &ok, &entries, &broken), 1);
	assert_int_equal(broken, 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s audit verify 2>&1 >/dev/null", J,
	    svctest_db), 1);
	assert_non_null(strstr(err, "audit log broken at entry 2"));
	/* and a guard missing */
	assert_int_equal(testdb_guard_drop(svctest_db, "UPDATE"), 0);
	assert_int_equal(audit_verify("", &ok, &entries, &broken), 1);
	assert_false(ok);
	assert_non_null(strstr(audit_out, "append-only guard"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_audit_head_and_verify, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_audit_tampered, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
