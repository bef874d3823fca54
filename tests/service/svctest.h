/*
 * svctest.h: helpers of the service tests: a fresh database per test in a
 * temporary folder, cases written as JSON (the contract) and submitted, valid
 * ID numbers made to order, and direct SQL counts to check what was written.
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
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "jzz/casefmt.h"
#include "jzz/idnum.h"
#include "jzz/service.h"

static char svctest_dir[256];
static char svctest_db[512];

#define D(y, m, d) date_from_ymd((y), (m), (d))

static inline int
svctest_setup(void **state)
{
	(void)state;
	snprintf(svctest_dir, sizeof svctest_dir, "/tmp/jzz-svc-XXXXXX");
	if (mkdtemp(svctest_dir) == NULL)
		return -1;
	snprintf(svctest_db, sizeof svctest_db, "%s/jzz.db", svctest_dir);
	return 0;
}

static inline int
svctest_teardown(void **state)
{
	char cmd[300];

	(void)state;
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", svctest_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* A new database at svctest_db (home centre 虹桥街道), opened. */
static inline struct service *
svctest_new(void)
{
	char            err[512];
	struct service *s;
	char            cmd[2048];

	snprintf(cmd, sizeof cmd, "rm -f '%s' '%s-wal' '%s-shm'", svctest_db, svctest_db, svctest_db);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(service_init(svctest_db, "310105009", JZZ_SOURCE_DATADIR "/holidays", err,
	    sizeof err), SERVICE_OK);
	s = service_open(svctest_db, err, sizeof err);
	if (s == NULL)
		fail_msg("open: %s", err);
	return s;
}

static inline struct service_actor
svctest_actor(struct service *s, const char *user)
{
	struct service_actor a;

	assert_int_equal(service_actor(s, user, NULL, &a), SERVICE_OK);
	return a;
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
svctest_count(const char *fmt, ...)
{
	char          sql[2048];
	sqlite3      *db;
	sqlite3_stmt *st;
	long long     n = -1;
	va_list       ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	assert_int_equal(sqlite3_open_v2(svctest_db, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_busy_timeout(db, 5000);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		fail_msg("sql: %s: %s", sqlite3_errmsg(db), sql);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return n;
}

#endif
