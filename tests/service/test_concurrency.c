/*
 * test_concurrency.c: many counters on one database file, and crashes.
 *
 *  - 8 processes (fork) submit registrations as fast as they can for a
 *    bounded time (JZZ_SOAK_SECONDS, default 5; 30 for the soak bench):
 *    nothing is lost, nobody sees SQLITE_BUSY (or any error), no receipt
 *    number is drawn twice, and the receipts of the day run 1..N without a
 *    gap.
 *  - A process killed with SIGKILL while submitting, or in the middle of the
 *    auto-endorsement batch, leaves PRAGMA integrity_check ok, the audit
 *    chain whole, and every committed application whole (its business
 *    records and audit entry there, nothing without its application); the
 *    batch run again finishes the work without doing anything twice.
 */
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "svctest.h"

#define WORKERS 8

struct tally {
	int submitted;
	int accepted;
	int errors;
	char last_error[320];
};

/* A worker: its own handle, registrations for its own people, until the
 * deadline (or forever when seconds < 0: it will be killed). */
static struct tally
worker(int k, double seconds)
{
	struct tally          t = { 0, 0, 0, "" };
	char                  err[256], id[19];
	struct service       *s = service_open(svctest_db, err, sizeof err);
	struct service_actor  a;
	struct service_result r;
	struct jzz_case       c;
	double                end = svctest_now_s() + seconds;
	enum service_status   st;

	if (s == NULL) {
		t.errors = 1;
		snprintf(t.last_error, sizeof t.last_error, "open: %s", err);
		return t;
	}
	if ((a = svctest_actor(s, NULL)).session == 0) {
		t.errors = 1;
		service_close(s);
		return t;
	}
	for (int i = 0; seconds < 0 || svctest_now_s() < end; i++) {
		svctest_idnum(k * 100000 + i, id);
		svctest_case(&c, D(2026, 11, 27), REG_CASE(id));
		st = service_registration(s, &a, &c, D(2026, 11, 27), &r);
		t.submitted++;
		if (st != SERVICE_OK) {
			t.errors++;
			snprintf(t.last_error, sizeof t.last_error, "%s: %s", service_status_code(st),
			    service_errmsg(s));
		} else if (r.decision.verdict == VERDICT_ACCEPT) {
			t.accepted++;
		}
	}
	service_close(s);
	return t;
}

static void
assert_whole(void)
{
	char idcol[256];
	/* integrity, and every committed application whole (SQLite's checks
	 * of the file; PostgreSQL's server enforces its foreign keys itself) */
	if (!testdb_is_pg()) {
		assert_int_equal(svctest_count("SELECT count(*) FROM pragma_integrity_check"
		    " WHERE integrity_check = 'ok'"), 1);
		assert_int_equal(svctest_count("SELECT count(*) FROM pragma_foreign_key_check"), 0);
	}
	assert_int_equal(svctest_count("SELECT count(*) FROM applications a WHERE a.decision = 'accept'"
	    " AND a.business = 'registration' AND NOT EXISTS (SELECT 1 FROM registrations r"
	    " WHERE r.application_id = a.id)"), 0);
	/* (EXCEPT sorts: the audit log has no index on subject) */
	testdb_id_col(idcol, sizeof idcol, "id");
	assert_int_equal(svctest_count("SELECT count(*) FROM (SELECT %s FROM applications EXCEPT"
	    " SELECT subject FROM audit_log WHERE action = 'application') AS x", idcol), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM (SELECT subject FROM audit_log WHERE"
	    " action = 'application' EXCEPT SELECT %s FROM applications) AS x", idcol), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'application'"),
	    svctest_count("SELECT count(*) FROM applications"));
	assert_int_equal(svctest_count("SELECT count(*) FROM applications a WHERE NOT EXISTS"
	    " (SELECT 1 FROM application_rules r WHERE r.application_id = a.id)"), 0);
	assert_int_equal(svctest_count("SELECT count(receipt_no) - count(DISTINCT receipt_no)"
	    " FROM applications"), 0);
}

static void
assert_audit_ok(void)
{
	char                       err[256];
	struct service            *s = service_open(svctest_db, err, sizeof err);
	struct service_actor       a;
	struct service_audit_check ac;

	assert_non_null(s);
	assert_int_equal((a = svctest_actor(s, NULL), SERVICE_OK), SERVICE_OK);
	assert_int_equal(service_audit_verify(s, &a, 0, NULL, &ac), SERVICE_OK);
	if (!ac.ok)
		fail_msg("audit broken at %ld: %s", ac.first_broken, ac.reason);
	service_close(s);
}

static void
test_parallel_submit(void **state)
{
	const char  *env = getenv("JZZ_SOAK_SECONDS");
	double       seconds = env != NULL && atof(env) > 0 ? atof(env) : 5.0;
	int          fds[WORKERS][2];
	pid_t        pids[WORKERS];
	struct tally sum = { 0, 0, 0, "" };

	(void)state;
	service_close(svctest_new());
	for (int k = 0; k < WORKERS; k++) {
		assert_int_equal(pipe(fds[k]), 0);
		pids[k] = fork();
		assert_true(pids[k] >= 0);
		if (pids[k] == 0) {
			struct tally t = worker(k + 1, seconds);

			close(fds[k][0]);
			if (write(fds[k][1], &t, sizeof t) != (ssize_t)sizeof t)
				_exit(2);
			_exit(0);
		}
		close(fds[k][1]);
	}
	for (int k = 0; k < WORKERS; k++) {
		struct tally t;
		int          status;

		assert_int_equal(read(fds[k][0], &t, sizeof t), (ssize_t)sizeof t);
		close(fds[k][0]);
		assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		if (t.errors > 0)
			fail_msg("worker %d: %d errors, last: %s", k, t.errors, t.last_error);
		sum.submitted += t.submitted;
		sum.accepted += t.accepted;
	}
	print_message("%d workers, %.0f s: %d applications (%.0f/s)\n", WORKERS, seconds,
	    sum.submitted, sum.submitted / seconds);
	assert_true(sum.submitted > WORKERS);
	assert_int_equal(sum.accepted, sum.submitted);
	/* nothing lost, nothing twice */
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), sum.submitted);
	assert_int_equal(svctest_count("SELECT count(DISTINCT receipt_no) FROM applications"),
	    sum.accepted);
	assert_int_equal(svctest_count("SELECT count(*) FROM registrations"), sum.accepted);
	/* the day's receipts are 0001..N, no gap */
	assert_int_equal(svctest_count("SELECT last FROM receipt_seq WHERE centre = '310105009'"
	    " AND day = '2026-11-27'"), sum.accepted);
	assert_int_equal(svctest_count("SELECT max(CAST(substr(receipt_no, 20) AS INTEGER))"
	    " FROM applications"), sum.accepted);
	/* init, the admin's first login and new password, then one a business */
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log"), sum.submitted + 3);
	assert_whole();
	assert_audit_ok();
}

static void
test_kill_while_submitting(void **state)
{
	(void)state;
	service_close(svctest_new());
	for (int round = 0; round < 4; round++) {
		long long before = svctest_count("SELECT count(*) FROM applications");
		pid_t     pid = fork();
		int       status;

		assert_true(pid >= 0);
		if (pid == 0) {
			worker(round + 1, -1);
			_exit(0);
		}
		/* killed while submitting: once it has committed something (a
		 * slow start, under ASan or on a busy server, is waited for), then
		 * a moment later, mid-business */
		for (int w = 0; w < 600 && svctest_count("SELECT count(*) FROM applications") <= before;
		    w++)
			usleep(50000);
		usleep((useconds_t)(50000 + round * 70000));
		assert_int_equal(kill(pid, SIGKILL), 0);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFSIGNALED(status));
		assert_whole();
		assert_audit_ok();
	}
	assert_true(svctest_count("SELECT count(*) FROM applications") > 0);
}

static void
test_kill_during_batch(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a;
	struct service_result       r;
	struct service_batch_result b;
	struct jzz_case             c;
	char                        id[19], err[256];
	const int                   n = 120;
	jzz_date                    v = JZZ_DATE_NONE;
	pid_t                       pid;
	int                         status;
	long long                   done;

	(void)state;
	assert_int_equal((a = svctest_actor(s, NULL), SERVICE_OK), SERVICE_OK);
	for (int i = 0; i < n; i++) {
		svctest_idnum(900 + i, id);
		svctest_case(&c, D(2026, 1, 5), REG_CASE(id));
		assert_int_equal(service_registration(s, &a, &c, D(2026, 1, 5), &r), SERVICE_OK);
		svctest_case(&c, D(2026, 7, 6), PERMIT_CASE(id));
		assert_int_equal(service_permit_new(s, &a, &c, D(2026, 7, 6), &r), SERVICE_OK);
		assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
		v = date_years_end(r.decision.ready_on, 1);
	}
	service_close(s);

	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct service *cs = service_open(svctest_db, err, sizeof err);

		struct service_actor ca;

		if (cs == NULL)
			_exit(3);
		/* an actor of this handle: the parent's ended with its own */
		ca = svctest_actor(cs, NULL);
		for (;;)   /* the batch again and again, until killed */
			service_batch_auto_endorse(cs, &ca, v - 10, &b);
	}
	/* kill it as soon as the batch has committed something: mid-batch */
	for (int i = 0; i < 5000 && svctest_count("SELECT count(*) FROM endorsements") == 0; i++)
		usleep(1000);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_whole();
	assert_audit_ok();
	/* every permit is endorsed at most once, each with its audit entry */
	done = svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'auto'");
	print_message("killed after %lld of %d permits\n", done, n);
	assert_true(done <= n);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'auto_endorse'"),
	    done);
	assert_int_equal(svctest_count("SELECT count(*) FROM permits WHERE valid_until > '2027-08-01'"),
	    done);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox"), done);
	/* run again: the rest, nothing twice */
	s = service_open(svctest_db, err, sizeof err);
	assert_non_null(s);
	a = svctest_actor(s, NULL);   /* an actor serves the handle that issued it */
	assert_int_equal(service_batch_auto_endorse(s, &a, v - 10, &b), SERVICE_OK);
	assert_int_equal(b.examined, n - (int)done);
	service_close(s);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'auto'"), n);
	assert_int_equal(svctest_count("SELECT count(DISTINCT permit_id) FROM endorsements"), n);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox"), n);
	assert_whole();
	assert_audit_ok();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parallel_submit),
		cmocka_unit_test(test_kill_while_submitting),
		cmocka_unit_test(test_kill_during_batch),
	};

	return cmocka_run_group_tests(tests, svctest_setup, svctest_teardown);
}
