/*
 * test_district.c: a district's day on one shared PostgreSQL store, with
 * faults on the way.
 *
 * Writer processes (fork) at three centres, each with its own service on
 * the same target, submit registrations for a bounded time
 * (JZZ_DISTRICT_SECONDS, default 8), each under a request_id of its own, and
 * do what a clerk does when the answer is an error: submit the same request
 * again (F10) until it is answered. Meanwhile one more writer is killed
 * with SIGKILL while it submits, every jzz connection is ended by the
 * server (pg_terminate_backend) twice, the server is restarted
 * (pg_ctlcluster under pg_virtualenv), and the same person is served at
 * two centres at once (both submit a new permit for the same ID number at
 * the same moment). Afterwards: every receipt a writer saw is there once
 * under its request, no request made two applications, each centre's
 * receipts of the day run 1..N without a hole, every accepted application
 * has its records and its audit entry, audit verify passes, and the pair
 * at two centres came out as the same two submits one after the other do.
 *
 * One SQLite file serves one host: on SQLite the district's day skips.
 * And `jzz submit` to a server where nothing listens fails at once, exit 1,
 * saying that the database server cannot be reached.
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>

#include "svctest.h"

#define CENTRES     3
#define PER_CENTRE  2
#define WRITERS     (CENTRES * PER_CENTRE)
#define PAIRS       4
#define DAY         D(2026, 11, 27)
#define CLERK_PW    "Counter-Clerk-Pass-2026"

static const char *const district_centres[CENTRES] = { "310105009", "310105004", "310105001" };

struct tally {
	int  submitted;     /* requests answered (a receipt or a decision) */
	int  accepted;
	int  errors;        /* requests never answered, or refused for a reason not the link's */
	int  retries;       /* answers that were an error and were submitted again */
	int  unreachable;   /* of which: the server could not be reached */
	int  unknown;       /* of which: the link broke at COMMIT */
	int  busy;          /* of which: the bounded wait for another writer ran out */
	int  replays;       /* a retry that found its request committed before */
	char last_error[320];
};

/*
 * One request submitted until it is answered, as a clerk presses F10 again
 * after "cannot reach the database": the case given again as it was (the
 * service fills it in), the same request_id, so that a retry after a lost
 * answer never makes a second application. Gives up after 60 s.
 */
static enum service_status
district_submit(struct service *s, const struct service_actor *a, const struct jzz_case *c,
                struct service_result *r, struct tally *t)
{
	double              give_up = svctest_now_s() + 60;
	enum service_status st;
	struct jzz_case     cc;

	for (;;) {
		cc = *c;
		st = service_submit(s, a, &cc, DAY, r);
		if (st == SERVICE_OK) {
			if (r->replay_json != NULL)
				t->replays++;
			return st;
		}
		if (st != SERVICE_ERR_DB && st != SERVICE_ERR_BUSY)
			break;
		t->retries++;
		if (st == SERVICE_ERR_BUSY)
			t->busy++;
		else if (strstr(service_errmsg(s), "unknown") != NULL)
			t->unknown++;
		else if (service_unreachable(s))
			t->unreachable++;
		snprintf(t->last_error, sizeof t->last_error, "%s: %s", service_status_code(st),
		    service_errmsg(s));
		if (svctest_now_s() > give_up)
			break;
		usleep(100000);
	}
	snprintf(t->last_error, sizeof t->last_error, "%s: %s", service_status_code(st),
	    service_errmsg(s));
	return st;
}

/* The actor of writer k at centre: a clerk of the centre, or (the last
 * writer of 310105001) the owner acting there (--centre). */
static enum service_status
district_actor(struct service *s, int k, const char *centre, struct service_actor *a)
{
	struct service_actor o;
	enum service_status  st;
	char                 user[32];

	if ((st = service_actor_owner(s, centre, &o)) != SERVICE_OK)
		return st;
	if (strcmp(centre, "310105001") == 0 && k % PER_CENTRE == PER_CENTRE - 1) {
		*a = o;
		return SERVICE_OK;
	}
	snprintf(user, sizeof user, "clerk%s", centre + 6);
	return service_actor_as(s, &o, user, centre, a);
}

/*
 * Writer k: registrations of its own new persons until the deadline (or
 * until killed, seconds < 0), every answered request written to `out` as
 * "REQUEST RECEIPT" once the service said it was committed.
 */
static struct tally
district_writer(int k, const char *centre, double seconds, const char *out)
{
	struct tally          t;
	char                  err[256], id[19], rid[32];
	struct service       *s = service_open(svctest_db, err, sizeof err);
	struct service_actor  a;
	struct service_result r;
	struct jzz_case       c;
	double                end = svctest_now_s() + seconds;
	FILE                 *f = fopen(out, "w");

	memset(&t, 0, sizeof t);
	if (s == NULL || f == NULL || district_actor(s, k, centre, &a) != SERVICE_OK) {
		t.errors = 1;
		snprintf(t.last_error, sizeof t.last_error, "open or actor: %s",
		    s == NULL ? err : service_errmsg(s));
		return t;
	}
	for (int i = 0; seconds < 0 || svctest_now_s() < end; i++) {
		svctest_idnum(k * 10000 + i, id);
		snprintf(rid, sizeof rid, "w%d-%d", k, i);
		svctest_case(&c, DAY, "{\"request_id\":\"%s\",\"business\":\"registration\","
		    "\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\",\"phone\":\"13800000000\"},"
		    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\","
		    "\"registration_form\",\"lease_filing_certificate\"]}", rid, id);
		if (district_submit(s, &a, &c, &r, &t) != SERVICE_OK) {
			t.errors++;
			break;
		}
		t.submitted++;
		if (r.receipt_no[0] != '\0') {
			t.accepted++;
			fprintf(f, "%s %s\n", rid, r.receipt_no);
			fflush(f);
		}
	}
	fclose(f);
	service_close(s);
	return t;
}

/* Side k of a pair: waits at the barrier, then a new permit for person
 * `id` at `centre`; writes k and its verdict (-1: never answered, -2: a
 * replay) to fd, which every side shares. */
static void
district_pair_side(int k, const char *centre, const char *id, int barrier, int fd)
{
	char                  err[256], rid[32], b;
	struct service       *s = service_open(svctest_db, err, sizeof err);
	struct service_actor  a;
	struct service_result r;
	struct jzz_case       c;
	struct tally          t;
	int                   v[2] = { k, -1 };

	memset(&t, 0, sizeof t);
	memset(&r, 0, sizeof r);
	if (s != NULL && service_actor_owner(s, centre, &a) == SERVICE_OK) {
		snprintf(rid, sizeof rid, "p%d-%s", k, centre);
		svctest_case(&c, DAY, "{\"request_id\":\"%s\",\"business\":\"permit_new\","
		    "\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", rid, id);
		if (read(barrier, &b, 1) == 1 && district_submit(s, &a, &c, &r, &t) == SERVICE_OK)
			v[1] = r.replay_json != NULL ? -2 : (int)r.decision.verdict;
	}
	if (write(fd, v, sizeof v) != (ssize_t)sizeof v)
		_exit(2);
	service_close(s);
}

/* Person k registered long before the day, so that a new permit may be
 * asked for on the day. */
static void
district_registered(struct service *s, const struct service_actor *a, int k, char id[19])
{
	struct service_result r;
	struct jzz_case       c;

	svctest_idnum(k, id);
	svctest_case(&c, D(2026, 1, 5), REG_CASE(id));
	assert_int_equal(service_registration(s, a, &c, D(2026, 1, 5), &r), SERVICE_OK);
	assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
}

static long long
district_active_permits(const char *id)
{
	return svctest_count("SELECT count(*) FROM permits p JOIN persons q ON q.id = p.person_id"
	    " WHERE q.id_number = '%s' AND p.status = 'active'", id);
}

static pid_t
district_fork_writer(int k, const char *centre, double seconds, int fd, const char *out)
{
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		struct tally t = district_writer(k, centre, seconds, out);

		if (write(fd, &t, sizeof t) != (ssize_t)sizeof t)
			_exit(2);
		_exit(0);
	}
	return pid;
}

/* Every jzz connection ended by the server, as an administrator does. */
static void
district_terminate(void)
{
	assert_int_equal(testdb_sql(svctest_db, "SELECT pg_terminate_backend(pid) FROM"
	    " pg_stat_activity WHERE application_name = 'jzz' AND pid <> pg_backend_pid()"), 0);
}

/* The server restarted (an immediate shutdown: every session cut,
 * transactions in flight lost): under pg_virtualenv the throwaway cluster's
 * pg_ctlcluster. Returns the seconds it took, or -1 when this run has no
 * cluster of its own to restart. */
static double
district_restart(void)
{
	const char *ver = getenv("PGVERSION"), *root = getenv("PG_CLUSTER_CONF_ROOT");
	char        cmd[256];
	double      t0 = svctest_now_s();

	if (ver == NULL || root == NULL)
		return -1;
	/* immediate: the server goes down as at a power cut (no shutdown
	 * checkpoint, which on a loaded machine outlasted pg_ctlcluster's wait)
	 * and recovers from its WAL at start: what was committed must be there */
	snprintf(cmd, sizeof cmd, "pg_ctlcluster -m immediate %s regress restart || "
	    "{ pg_ctlcluster -m immediate %s regress stop; pg_ctlcluster %s regress start; }",
	    ver, ver, ver);
	assert_int_equal(system(cmd), 0);
	return svctest_now_s() - t0;
}

/* Every line "REQUEST RECEIPT" of a writer's file is one application (checked
 * 30 at a time: svctest_count's SQL is at most 2 KB),
 * with that receipt; returns how many lines. */
static int
district_check_file(const char *path)
{
	FILE *f = fopen(path, "r");
	char  rid[64], no[64], sql[1800];
	int   n = 0, chunk = 0;
	size_t o = 0;

	assert_non_null(f);
	for (;;) {
		bool more = fscanf(f, "%63s %63s", rid, no) == 2;

		if (more) {
			o += (size_t)snprintf(sql + o, sizeof sql - o, "%s('%s','%s')", chunk ? "," : "",
			    rid, no);
			chunk++;
			n++;
		}
		if (chunk > 0 && (!more || chunk == 30)) {
			long long found = svctest_count("SELECT count(*) FROM applications a JOIN (VALUES %s)"
			    " AS v(r, n) ON a.request_id = v.r AND a.receipt_no = v.n", sql);

			if (found != chunk)
				fail_msg("%s: %lld of %d receipts found", path, found, chunk);
			chunk = 0;
			o = 0;
		}
		if (!more)
			break;
	}
	fclose(f);
	return n;
}

static void
test_district_day(void **state)
{
	char idcol[256];
	const char          *env = getenv("JZZ_DISTRICT_SECONDS");
	double               seconds = env != NULL && atof(env) > 0 ? atof(env) : 8.0;
	struct service      *s;
	struct service_actor admin, o9, o4;
	struct service_result r;
	struct jzz_case      c;
	char                 ctl[19], pid_id[PAIRS][19], out[WRITERS][300], vout[300];
	int                  fds[WRITERS][2], pfd[2], barrier[2], vfd[2];
	pid_t                pids[WRITERS], victim, sides[PAIRS * 2];
	int                  ctl_v[2], lines = 0, pair_v[PAIRS][2];
	struct tally         sum;
	double               t0, restart = -1, restart_at, victim_at, term_at[2];
	long long            napps, nvictim;

	(void)state;
	if (!testdb_is_pg())
		skip();   /* one SQLite file serves one host */
	memset(&sum, 0, sizeof sum);
	s = svctest_new();
	admin = svctest_actor(s, NULL);
	for (int i = 0; i < CENTRES; i++) {
		char user[32];

		snprintf(user, sizeof user, "clerk%s", district_centres[i] + 6);
		svctest_user(s, &admin, user, SERVICE_ROLE_CLERK, district_centres[i], CLERK_PW);
	}
	/* persons for the pairs, and the pair's control: the same two submits,
	 * one after the other, say what the policy allows */
	district_registered(s, &admin, 990000, ctl);
	for (int j = 0; j < PAIRS; j++)
		district_registered(s, &admin, 990001 + j, pid_id[j]);
	assert_int_equal(service_actor_owner(s, "310105009", &o9), SERVICE_OK);
	assert_int_equal(service_actor_owner(s, "310105004", &o4), SERVICE_OK);
	svctest_case(&c, DAY, PERMIT_CASE(ctl));
	assert_int_equal(service_permit_new(s, &o9, &c, DAY, &r), SERVICE_OK);
	ctl_v[0] = (int)r.decision.verdict;
	svctest_case(&c, DAY, PERMIT_CASE(ctl));
	assert_int_equal(service_permit_new(s, &o4, &c, DAY, &r), SERVICE_OK);
	ctl_v[1] = (int)r.decision.verdict;
	service_close(s);

	/* the writers, and one more that will be killed */
	t0 = svctest_now_s();
	for (int k = 0; k < WRITERS; k++) {
		snprintf(out[k], sizeof out[k], "%s/writer%d.txt", svctest_dir, k);
		assert_int_equal(pipe(fds[k]), 0);
		pids[k] = district_fork_writer(k + 1, district_centres[k % CENTRES], seconds, fds[k][1],
		    out[k]);
		close(fds[k][1]);
	}
	snprintf(vout, sizeof vout, "%s/victim.txt", svctest_dir);
	assert_int_equal(pipe(vfd), 0);
	victim = district_fork_writer(WRITERS + 1, "310105004", -1, vfd[1], vout);
	close(vfd[1]);

	/* the faults, one after another */
	usleep((useconds_t)(seconds * 0.12 * 1e6));
	victim_at = svctest_now_s() - t0;
	assert_int_equal(kill(victim, SIGKILL), 0);
	{
		int status;

		assert_int_equal(waitpid(victim, &status, 0), victim);
		assert_true(WIFSIGNALED(status));
		close(vfd[0]);
	}
	usleep((useconds_t)(seconds * 0.12 * 1e6));
	term_at[0] = svctest_now_s() - t0;
	district_terminate();
	usleep((useconds_t)(seconds * 0.15 * 1e6));
	restart_at = svctest_now_s() - t0;
	restart = district_restart();
	usleep((useconds_t)(seconds * 0.12 * 1e6));
	term_at[1] = svctest_now_s() - t0;
	district_terminate();

	/* the same person at two centres at once, while the writers go on */
	assert_int_equal(pipe(pfd), 0);
	assert_int_equal(pipe(barrier), 0);
	for (int j = 0; j < PAIRS; j++)
		for (int side = 0; side < 2; side++) {
			pid_t p = fork();

			assert_true(p >= 0);
			if (p == 0) {
				close(barrier[1]);
				district_pair_side(j * 2 + side, side == 0 ? "310105009" : "310105004",
				    pid_id[j], barrier[0], pfd[1]);
				_exit(0);
			}
			sides[j * 2 + side] = p;
		}
	close(barrier[0]);
	usleep(300000);   /* every side connected and waiting */
	assert_int_equal(write(barrier[1], "gogogogo", PAIRS * 2), PAIRS * 2);
	close(barrier[1]);
	close(pfd[1]);
	for (int i = 0; i < PAIRS * 2; i++) {
		int status;

		assert_int_equal(waitpid(sides[i], &status, 0), sides[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	for (int i = 0; i < PAIRS * 2; i++) {
		int kv[2];

		assert_int_equal(read(pfd[0], kv, sizeof kv), (ssize_t)sizeof kv);
		assert_true(kv[0] >= 0 && kv[0] < PAIRS * 2);
		pair_v[kv[0] / 2][kv[0] % 2] = kv[1];
	}
	close(pfd[0]);

	for (int k = 0; k < WRITERS; k++) {
		struct tally t;
		int          status;

		assert_int_equal(read(fds[k][0], &t, sizeof t), (ssize_t)sizeof t);
		close(fds[k][0]);
		assert_int_equal(waitpid(pids[k], &status, 0), pids[k]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		if (t.errors > 0)
			fail_msg("writer %d: a request never answered: %s", k + 1, t.last_error);
		assert_true(t.submitted > 0);
		assert_int_equal(t.accepted, t.submitted);
		sum.submitted += t.submitted;
		sum.accepted += t.accepted;
		sum.retries += t.retries;
		sum.unreachable += t.unreachable;
		sum.unknown += t.unknown;
		sum.busy += t.busy;
		sum.replays += t.replays;
		if (t.retries > 0)
			print_message("writer %d at %s: last error before an answer: %s\n", k + 1,
			    district_centres[k % CENTRES], t.last_error);
	}

	/* nothing lost: every receipt a writer was given is there, once */
	for (int k = 0; k < WRITERS; k++)
		lines += district_check_file(out[k]);
	assert_int_equal(lines, sum.accepted);
	/* nothing doubled: one application per request, none without one */
	assert_int_equal(svctest_count("SELECT count(*) FROM applications WHERE request_id LIKE 'w%%'"
	    " AND request_id NOT LIKE 'w%d-%%'", WRITERS + 1), sum.submitted);
	assert_int_equal(svctest_count("SELECT count(request_id) - count(DISTINCT request_id)"
	    " FROM applications"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM (SELECT id_number FROM applications"
	    " WHERE business = 'registration' AND day = '2026-11-27' GROUP BY id_number"
	    " HAVING count(*) > 1) d"), 0);
	/* the killed writer's committed applications are whole like any other */
	nvictim = svctest_count("SELECT count(*) FROM applications WHERE request_id LIKE 'w%d-%%'",
	    WRITERS + 1);

	/* receipts: per centre and day 1..N, no hole, none twice */
	for (int i = 0; i < CENTRES; i++) {
		const char *ce = district_centres[i];
		long long   n = svctest_count("SELECT count(*) FROM applications WHERE centre = '%s'"
		    " AND day = '2026-11-27' AND receipt_no IS NOT NULL", ce);

		assert_true(n > 0);
		assert_int_equal(svctest_count("SELECT count(DISTINCT receipt_no) FROM applications"
		    " WHERE centre = '%s' AND day = '2026-11-27' AND receipt_no IS NOT NULL", ce), n);
		assert_int_equal(svctest_count("SELECT min(CAST(substr(receipt_no, 20) AS INTEGER))"
		    " FROM applications WHERE centre = '%s' AND day = '2026-11-27'"
		    " AND receipt_no IS NOT NULL", ce), 1);
		assert_int_equal(svctest_count("SELECT max(CAST(substr(receipt_no, 20) AS INTEGER))"
		    " FROM applications WHERE centre = '%s' AND day = '2026-11-27'"
		    " AND receipt_no IS NOT NULL", ce), n);
		assert_int_equal(svctest_count("SELECT last FROM receipt_seq WHERE centre = '%s'"
		    " AND day = '2026-11-27'", ce), n);
		print_message("centre %s: receipts 1..%lld\n", ce, n);
	}

	/* the same person at two centres at once: the outcomes of one after the
	 * other (in either order), and no second live permit */
	for (int j = 0; j < PAIRS; j++) {
		int a = pair_v[j][0], b = pair_v[j][1];

		if (a < 0 || b < 0)
			fail_msg("pair %d: a side was not answered as a first submit (%d, %d)", j, a, b);
		if (!((a == ctl_v[0] && b == ctl_v[1]) || (a == ctl_v[1] && b == ctl_v[0])))
			fail_msg("pair %d: verdicts %d and %d, one after the other gives %d and %d", j, a,
			    b, ctl_v[0], ctl_v[1]);
		assert_int_equal(district_active_permits(pid_id[j]), district_active_permits(ctl));
	}

	/* every accepted application whole, every application audited */
	assert_int_equal(svctest_count("SELECT count(*) FROM applications a WHERE a.decision = 'accept'"
	    " AND a.business = 'registration' AND NOT EXISTS (SELECT 1 FROM registrations r"
	    " WHERE r.application_id = a.id)"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications a WHERE a.decision = 'accept'"
	    " AND a.business = 'permit_new' AND NOT EXISTS (SELECT 1 FROM permits p"
	    " WHERE p.application_id = a.id)"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications a WHERE NOT EXISTS"
	    " (SELECT 1 FROM application_rules r WHERE r.application_id = a.id)"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM (SELECT %s FROM applications EXCEPT"
	    " SELECT subject FROM audit_log WHERE action = 'application') x",
	    testdb_id_col(idcol, sizeof idcol, "id")), 0);
	napps = svctest_count("SELECT count(*) FROM applications");
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'application'"),
	    napps);
	{
		char                       err[256];
		struct service            *vs = service_open(svctest_db, err, sizeof err);
		struct service_audit_check ac;
		struct service_actor       va;

		assert_non_null(vs);
		va = svctest_actor(vs, NULL);
		assert_int_equal(service_audit_verify(vs, &va, 0, NULL, &ac), SERVICE_OK);
		if (!ac.ok)
			fail_msg("audit broken at %ld: %s", ac.first_broken, ac.reason);
		service_close(vs);
	}

	print_message("%d writers at %d centres, %.0f s: %d requests answered, %lld applications in"
	    " all (%lld by the writer killed at %.1f s)\n", WRITERS, CENTRES, seconds, sum.submitted,
	    napps, nvictim, victim_at);
	print_message("connections ended at %.1f s and %.1f s; server restart at %.1f s %s%.1f s\n",
	    term_at[0], term_at[1], restart_at, restart < 0 ? "(no cluster of this run: not done) " :
	    "took ", restart < 0 ? 0.0 : restart);
	print_message("answers that were errors and submitted again: %d (unreachable %d, lost at"
	    " COMMIT %d, busy %d); retries that found their request committed: %d\n", sum.retries,
	    sum.unreachable, sum.unknown, sum.busy, sum.replays);
	print_message("pairs at two centres: %d, each as one after the other (%d, %d)\n", PAIRS,
	    ctl_v[0], ctl_v[1]);
}

/* jzz submit to a server where nothing listens: refused at once with a
 * message that says the database server cannot be reached, exit 1, the
 * case file untouched. Needs no server, so it runs on either backend. */
static void
test_cli_unreachable(void **state)
{
	char   casefile[300], cmd[900], line[512], said[2048] = "";
	FILE  *f, *p;
	size_t o = 0;
	int    status;
	double t0;

	(void)state;
	snprintf(casefile, sizeof casefile, "%s/case.json", svctest_dir);
	f = fopen(casefile, "w");
	assert_non_null(f);
	fprintf(f, REG_CASE("110105199001011009"));
	fclose(f);
	snprintf(cmd, sizeof cmd, "'%s' --db postgresql://localhost:1/x --today 2026-11-27"
	    " submit '%s' 2>&1", JZZ_BIN, casefile);
	t0 = svctest_now_s();
	p = popen(cmd, "r");
	assert_non_null(p);
	while (fgets(line, sizeof line, p) != NULL && o < sizeof said - 1)
		o += (size_t)snprintf(said + o, sizeof said - o, "%s", line);
	status = pclose(p);
	print_message("jzz submit to a port where nothing listens: %.2f s: %s", svctest_now_s() - t0, said);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 1);
	assert_non_null(strstr(said, "cannot connect to the database server"));
	assert_non_null(strstr(said, "postgresql://localhost:1/x"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_district_day),
		cmocka_unit_test(test_cli_unreachable),
	};

	return cmocka_run_group_tests(tests, svctest_setup, svctest_teardown);
}
