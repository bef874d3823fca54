/*
 * svctest.h: helpers of the service tests: a fresh database per test in a
 * temporary folder, cases written as JSON (the contract) and submitted, valid
 * ID numbers made to order, and direct SQL counts to check what was written.
 * svctest_db is the test's store target on the backend the run is on
 * (testdb.h): a file in svctest_dir, or a PostgreSQL database.
 */
#ifndef JZZ_SVCTEST_H
#define JZZ_SVCTEST_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "jzz/casefmt.h"
#include "jzz/idnum.h"
#include "jzz/service.h"
#include "testdb.h"

static char svctest_dir[256];
static char svctest_db[512];

#define D(y, m, d) date_from_ymd((y), (m), (d))

/* Seconds on the monotonic clock, for tests that run for a bounded time. */
static inline double
svctest_now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static inline int
svctest_setup(void **state)
{
	(void)state;
	snprintf(svctest_dir, sizeof svctest_dir, "/tmp/jzz-svc-XXXXXX");
	if (mkdtemp(svctest_dir) == NULL)
		return -1;
	testdb_make(svctest_db, sizeof svctest_db, svctest_dir, "jzz.db");
	return 0;
}

static inline int
svctest_teardown(void **state)
{
	char cmd[300];

	(void)state;
	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", svctest_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* The admin's password in every test database (it passes the check). */
#define SVCTEST_ADMIN_PW  "Keys-Of-Office-2026"   /* temporary, given to init */
#define SVCTEST_ADMIN_OWN "Office-Keys-Own-2026"  /* set at its first login */

/* A new rehearsal database at svctest_db (home centre 虹桥街道), opened:
 * tests move the day of work, which a production database refuses. */
static inline struct service *
svctest_new(void)
{
	char                     err[512];
	struct service          *s;
	struct service_init_opts o;

	testdb_make(svctest_db, sizeof svctest_db, svctest_dir, "jzz.db");
	memset(&o, 0, sizeof o);
	o.centre = "310105009";
	o.holidays_dir = JZZ_SOURCE_DATADIR "/holidays";
	o.mode = SERVICE_DB_REHEARSAL;
	o.admin_password = SVCTEST_ADMIN_PW;
	if (service_create(svctest_db, &o, err, sizeof err) != SERVICE_OK)
		fail_msg("create: %s", err);
	s = service_open(svctest_db, err, sizeof err);
	if (s == NULL)
		fail_msg("open: %s", err);
	/* the admin's first login: its own password for the temporary one */
	if (service_password_change(s, "admin", SVCTEST_ADMIN_PW, SVCTEST_ADMIN_OWN, time(NULL)) !=
	    SERVICE_OK)
		fail_msg("admin password: %s", service_errmsg(s));
	return s;
}

/* The owner of the file (the tests run as it). */
static inline struct service_actor
svctest_owner(struct service *s)
{
	struct service_actor a;

	assert_int_equal(service_actor_owner(s, NULL, &a), SERVICE_OK);
	return a;
}

/* The actor of the account `user` (NULL: admin), as the owner makes it for
 * batches and tests (service_actor_as). */
static inline struct service_actor
svctest_actor(struct service *s, const char *user)
{
	struct service_actor o = svctest_owner(s), a;

	if (service_actor_as(s, &o, user != NULL ? user : "admin", NULL, &a) != SERVICE_OK)
		fail_msg("actor %s: %s", user != NULL ? user : "admin", service_errmsg(s));
	return a;
}

/* Adds an account with a temporary password, then sets `password` as its
 * own (what a first login does); asserts it worked. */
static inline void
svctest_user(struct service *s, const struct service_actor *admin, const char *user,
             enum service_role role, const char *centre, const char *password)
{
	char temp[64];

	if (service_user_add(s, admin, user, role, centre, NULL, temp, sizeof temp) != SERVICE_OK)
		fail_msg("user add %s: %s", user, service_errmsg(s));
	if (password != NULL &&
	    service_password_change(s, user, temp, password, time(NULL)) != SERVICE_OK)
		fail_msg("password %s: %s", user, service_errmsg(s));
}

/* A valid 18-character ID number for person k (born 1990-01-01 + k/900 days). */
static inline void
svctest_idnum(int k, char out[19])
{
	int      y, m, d;
	char     digits[48];
	jzz_date birth = D(1990, 1, 1) + k / 900;

	date_to_ymd(birth, &y, &m, &d);
	snprintf(digits, sizeof digits, "110105%04d%02d%02d%03d", y, m, d, k % 900 + 100);
	memcpy(out, digits, 17);
	out[17] = idnum_check_char(digits);
	out[18] = '\0';
}

/* Parses a case (submit mode) written with printf. */
static inline void
svctest_case(struct jzz_case *c, jzz_date today, const char *fmt, ...)
{
	char                 buf[4096], text[300];
	struct casefmt_error err;
	va_list              ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (casefmt_parse(buf, strlen(buf), CASEFMT_SUBMIT, today, c, &err) < 0) {
		casefmt_error_text(&err, text, sizeof text);
		fail_msg("case: %s in %s", text, buf);
	}
}

/* Submits a case; returns the service's status (no assertion on it). */
static inline enum service_status
svctest_submit_st(struct service *s, const struct service_actor *a, jzz_date today,
                  struct service_result *r, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static inline enum service_status
svctest_submit_st(struct service *s, const struct service_actor *a, jzz_date today,
                  struct service_result *r, const char *fmt, ...)
{
	char            buf[4096];
	struct jzz_case c;
	va_list         ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	svctest_case(&c, today, "%s", buf);
	return service_submit(s, a, &c, today, r);
}

/* Submits a case; asserts the service itself did not fail. */
static inline enum verdict
svctest_submit(struct service *s, const struct service_actor *a, jzz_date today,
               struct service_result *r, const char *fmt, ...)
{
	char                 buf[4096], text[300];
	struct casefmt_error err;
	struct jzz_case      c;
	va_list              ap;
	enum service_status  st;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (casefmt_parse(buf, strlen(buf), CASEFMT_SUBMIT, today, &c, &err) < 0) {
		casefmt_error_text(&err, text, sizeof text);
		fail_msg("case: %s in %s", text, buf);
	}
	st = service_submit(s, a, &c, today, r);
	if (st != SERVICE_OK)
		fail_msg("submit: %s: %s", service_status_code(st), service_errmsg(s));
	return r->decision.verdict;
}

/* The usual cases, for person `id` (name 测试). */
#define REG_CASE(id) \
	"{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"," \
	"\"phone\":\"13800000000\"},\"housing\":{\"tenure\":\"rent\"}," \
	"\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", (id)
#define PERMIT_CASE(id) \
	"{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"}," \
	"\"documents\":[\"id_card\",\"permit_application_form\"]}", (id)
#define ENDO_CASE(id) \
	"{\"business\":\"endorsement\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"}," \
	"\"documents\":[\"id_card\"]}", (id)
#define PICKUP_CASE(id) \
	"{\"business\":\"pickup\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"}," \
	"\"documents\":[\"id_card\",\"acceptance_receipt\"]}", (id)

/* One number from the database by SQL (the tests' own look, not the store's). */
static inline long long
svctest_count(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static inline long long
svctest_count(const char *fmt, ...)
{
	char    sql[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	return testdb_count(svctest_db, sql);
}

#endif
