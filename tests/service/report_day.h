/*
 * report_day.h: the scripted day of the report tests, shared by the tests
 * of the report's figures (test_reports.c) and of its formats
 * (test_report_formats.c): two clerks at 310105009 and one at 310105001;
 * accepted, incomplete and refused applications on 2026-07-06; two
 * replacement fees with their receipt-book numbers; a fast-track
 * replacement; registrations and permits on earlier days.
 */
#ifndef JZZ_REPORT_DAY_H
#define JZZ_REPORT_DAY_H

#include "svctest.h"

#define REPORT_DAY D(2026, 7, 6)
/* The password of every account of the day (--password-file for the commands). */
#define REPORT_DAY_PW "Test-Pass-2026x"

static inline struct service_actor
report_day_actor_at(struct service *s, const char *user, const char *centre)
{
	struct service_actor o = svctest_owner(s), a;

	assert_int_equal(service_actor_as(s, &o, user, centre, &a), SERVICE_OK);
	return a;
}

/* Makes the accounts clerk1, clerk2, clerk3 (at 310105001) and super1, and
 * submits the applications; persons 101..108 (svctest_idnum). */
static inline void
report_day(struct service *s)
{
	struct service_actor  admin = svctest_actor(s, NULL), c1, c2, c3;
	struct service_result r;
	char                  id[9][19];

	svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, REPORT_DAY_PW);
	svctest_user(s, &admin, "clerk2", SERVICE_ROLE_CLERK, NULL, REPORT_DAY_PW);
	svctest_user(s, &admin, "clerk3", SERVICE_ROLE_CLERK, "310105001", REPORT_DAY_PW);
	svctest_user(s, &admin, "super1", SERVICE_ROLE_SUPERVISOR, NULL, REPORT_DAY_PW);
	c1 = svctest_actor(s, "clerk1");
	c2 = svctest_actor(s, "clerk2");
	c3 = report_day_actor_at(s, "clerk3", NULL);
	for (int i = 1; i <= 8; i++)
		svctest_idnum(100 + i, id[i]);
	/* the days before */
	for (int i = 1; i <= 3; i++)
		assert_int_equal(svctest_submit(s, &admin, D(2026, 1, 5), &r, REG_CASE(id[i])),
		    VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &admin, D(2026, 5, 1), &r, REG_CASE(id[4])),
	    VERDICT_ACCEPT);
	for (int i = 7; i <= 8; i++) {
		assert_int_equal(svctest_submit(s, &admin, D(2025, 6, 2), &r, REG_CASE(id[i])),
		    VERDICT_ACCEPT);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 12, 10), &r, PERMIT_CASE(id[i])),
		    VERDICT_ACCEPT);
	}

	/* the day */
	assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r, PERMIT_CASE(id[1])), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r, PERMIT_CASE(id[2])), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &c2, REPORT_DAY, &r,
	    "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"documents\":[\"id_card\"]}", id[3]), VERDICT_INCOMPLETE);
	assert_int_equal(svctest_submit(s, &c2, REPORT_DAY, &r, PERMIT_CASE(id[4])), VERDICT_REFUSE);
	assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\"]}",
	    id[5]), VERDICT_INCOMPLETE);
	assert_int_equal(svctest_submit(s, &c3, REPORT_DAY, &r, REG_CASE(id[6])), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r,
	    "{\"business\":\"permit_replace_fast\",\"applicant\":{\"id_number\":\"%s\",\"name\":"
	    "\"测试\"},\"fast_track\":{\"reason\":\"study\"},\"personal_reason\":true,"
	    "\"fee_receipt_no\":\"NO.0000701\",\"documents\":[\"id_card\",\"fast_track_request\"]}",
	    id[7]), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r,
	    "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"personal_reason\":true,\"fee_receipt_no\":\"NO.0000702\","
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", id[8]), VERDICT_ACCEPT);
}

/* A person (svctest_idnum(k)) registered without a phone, with a permit
 * accepted on `on`: the auto-endorsement batch cannot endorse it (ENDO-5,
 * no_phone), and past its last day it is suspended (PERMIT-9); the lists
 * of the period fill with them. Returns the permit's last day. */
static inline jzz_date
report_day_unendorsable(struct service *s, const struct service_actor *admin, int k, jzz_date on,
                        char id[19])
{
	struct service_result r;
	struct service_person pe;
	jzz_date              vu;

	svctest_idnum(k, id);
	assert_int_equal(svctest_submit(s, admin, D(2026, 1, 5), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"无电话\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}", id), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, admin, on, &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(service_person_get(s, admin, id, on, &pe), SERVICE_OK);
	vu = pe.permit.valid_until;
	assert_true(vu > on);
	service_person_free(&pe);
	return vu;
}

#endif
