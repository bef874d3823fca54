/*
 * test_scenarios.c: the businesses over months, as a centre lives them.
 *
 * Why multi-step: each business reads what the earlier ones wrote (a permit
 * needs the registration of six months ago; an endorsement moves the
 * validity that the next one starts from), so the records and the rules are
 * only right together if a whole life runs right: register; refused before
 * six months, then accepted; card made, received (pickup notice due in 2
 * working days), picked up; endorsed on time, late, more than 60 days late;
 * a change of address; a fast replacement with its fee; a cancellation by a
 * supervisor; roles; the daily report; and a refused case that leaves its
 * application row and nothing else.
 */
#include "svctest.h"

static void
assert_date(jzz_date got, jzz_date want)
{
	char a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN];

	date_format(got, a);
	date_format(want, b);
	assert_string_equal(a, b);
}

static bool
has_rule(const struct jzz_decision *d, enum rule_id id, enum rule_outcome o)
{
	const struct rule_result *r = rules_find(d, id);

	return r != NULL && r->outcome == o;
}

static struct service_person
person(struct service *s, const struct service_actor *a, const char *id, jzz_date today)
{
	struct service_person p;

	assert_int_equal(service_person_get(s, a, id, today, &p), SERVICE_OK);
	return p;
}

/* Registered; refused before six months; accepted; made, received, picked up. */
static void
test_permit_life(void **state)
{
	struct service          *s = svctest_new();
	struct service_actor     a = svctest_actor(s, NULL);
	struct service_result    r;
	struct service_person    p;
	struct service_queue     q;
	struct service_card_info ci;
	struct service_report_daily rep;
	struct service_sms_list  sms;
	char                     id[19];
	jzz_date                 ready, due;

	(void)state;
	svctest_idnum(1, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_string_equal(r.receipt_no, "310105009-20260105-0001");
	assert_true(r.application_id[0] != '\0' && r.person_id[0] != '\0' && r.record_id[0] != '\0');

	/* two months later: REG-3 refuses, with the first eligible day */
	assert_int_equal(svctest_submit(s, &a, D(2026, 3, 2), &r, PERMIT_CASE(id)), VERDICT_REFUSE);
	assert_true(has_rule(&r.decision, R_REG_3, OUT_FAIL));
	assert_date(r.decision.eligible_from, D(2026, 7, 5));
	assert_string_equal(r.receipt_no, "");
	assert_true(r.application_id[0] != '\0');
	assert_int_equal(svctest_count("SELECT count(*) FROM permits"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications WHERE decision = 'refuse'"
	    " AND business = 'permit_new' AND receipt_no IS NULL"), 1);

	/* six months on: accepted, 15 working days */
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_true(r.decision.has_milestones);
	assert_true(ready > D(2026, 7, 6) + 15);
	assert_string_equal(r.receipt_no, "310105009-20260706-0001");
	p = person(s, &a, id, D(2026, 7, 6));
	assert_true(p.permit.present);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_PROCESSING);
	assert_date(p.permit.valid_from, ready);
	assert_date(p.permit.valid_until, date_years_end(ready, 1));   /* PERMIT-9 */
	assert_int_equal(p.card.state, SERVICE_CARD_ACCEPTED);
	assert_int_equal(p.nhistory, 3);
	service_person_free(&p);
	p = person(s, &a, id, r.decision.transferred);
	assert_int_equal(p.card.state, SERVICE_CARD_TRANSFERRED);
	service_person_free(&p);
	p = person(s, &a, id, r.decision.reviewed);
	assert_int_equal(p.card.state, SERVICE_CARD_REVIEWED);
	service_person_free(&p);

	/* not made yet: not in the queue; a card cannot arrive before its
	 * application (it may before its ready day: see test_cli_cards) */
	assert_int_equal(service_queue_get(s, &a, SERVICE_QUEUE_CARDS_MADE, ready - 1, &q), SERVICE_OK);
	assert_int_equal(q.n, 0);
	service_queue_free(&q);
	assert_int_equal(service_card_received(s, &a, id, D(2026, 7, 5), NULL), SERVICE_ERR_STATE);
	/* made: in the queue, then received, notice due in 2 working days */
	assert_int_equal(service_queue_get(s, &a, SERVICE_QUEUE_CARDS_MADE, ready, &q), SERVICE_OK);
	assert_int_equal(q.n, 1);
	assert_string_equal(q.items[0].id_number, id);
	service_queue_free(&q);
	assert_int_equal(service_card_received(s, &a, id, ready, &ci), SERVICE_OK);
	assert_int_equal(ci.state, SERVICE_CARD_RECEIVED);
	due = ci.notice_due_on;
	{
		/* 2 working days on the shipped schedule, counted as PERMIT-3 says */
		struct calendar *cal = calendar_new();
		char             path[600], err[256], *buf;
		FILE            *f;
		long             len;

		for (int y = 2026; y <= 2027; y++) {
			snprintf(path, sizeof path, "%s/holidays/%d.json", JZZ_SOURCE_DATADIR, y);
			if ((f = fopen(path, "rb")) == NULL)
				continue;
			fseek(f, 0, SEEK_END);
			len = ftell(f);
			fseek(f, 0, SEEK_SET);
			buf = malloc((size_t)len);
			assert_non_null(buf);
			assert_int_equal(fread(buf, 1, (size_t)len, f), (size_t)len);
			fclose(f);
			assert_true(calendar_load_json(cal, buf, (size_t)len, err, sizeof err) > 0);
			free(buf);
		}
		assert_date(due, calendar_add_workdays(cal, ready, 2, NULL));
		calendar_free(cal);
	}
	assert_int_equal(service_sms_pending(s, &a, &sms), SERVICE_OK);
	assert_int_equal(sms.n, 1);
	assert_string_equal(sms.items[0].kind, "pickup_notice");
	assert_date(sms.items[0].due_on, due);
	assert_string_equal(sms.items[0].phone, "13800000000");
	assert_int_equal(service_queue_get(s, &a, SERVICE_QUEUE_CARDS_RECEIVED, due + 1, &q), SERVICE_OK);
	assert_int_equal(q.n, 1);
	assert_true(q.items[0].overdue);
	service_queue_free(&q);
	/* PERMIT-3: an unsent notice past its day shows on the report */
	assert_int_equal(service_report_daily(s, &a, NULL, due + 1, &rep), SERVICE_OK);
	assert_int_equal(rep.overdue_notices, 1);
	assert_int_equal(service_sms_sent(s, &a, sms.items[0].id, due), SERVICE_OK);
	service_sms_list_free(&sms);
	assert_int_equal(service_report_daily(s, &a, NULL, due + 1, &rep), SERVICE_OK);
	assert_int_equal(rep.overdue_notices, 0);
	/* received twice: no */
	assert_int_equal(service_card_received(s, &a, id, ready, NULL), SERVICE_ERR_STATE);

	/* picked up (PERMIT-4), once */
	assert_int_equal(svctest_submit(s, &a, due + 1, &r, PICKUP_CASE(id)), VERDICT_ACCEPT);
	p = person(s, &a, id, due + 1);
	assert_int_equal(p.card.state, SERVICE_CARD_PICKED_UP);
	assert_date(p.card.handed_on, due + 1);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_VALID);
	service_person_free(&p);
	{
		struct jzz_case c;

		svctest_case(&c, due + 2, PICKUP_CASE(id));
		assert_int_equal(service_pickup(s, &a, &c, due + 2, &r), SERVICE_ERR_STATE);
		assert_string_equal(r.application_id, "");
	}
	/* suspended (not cancelled) after its last valid day */
	p = person(s, &a, id, date_years_end(ready, 1) + 1);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_SUSPENDED);
	service_person_free(&p);
	service_close(s);
}

/* Endorsement: too early, on time, late within 60 days, later than 60. */
static void
test_endorsements(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19];
	jzz_date              v, v2, v3, late;

	(void)state;
	svctest_idnum(2, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	v = date_years_end(r.decision.ready_on, 1);

	/* ENDO-2: refused before the window, with its opening day */
	assert_int_equal(svctest_submit(s, &a, v - 31, &r, ENDO_CASE(id)), VERDICT_REFUSE);
	assert_true(has_rule(&r.decision, R_ENDO_2, OUT_FAIL));
	assert_date(r.decision.window_opens, v - 30);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements"), 0);

	/* on time: + 1 year */
	assert_int_equal(svctest_submit(s, &a, v - 10, &r, ENDO_CASE(id)), VERDICT_ACCEPT);
	v2 = date_add_years(v, 1);
	assert_date(r.decision.new_valid_until, v2);
	p = person(s, &a, id, v - 10);
	assert_date(p.permit.valid_until, v2);
	assert_date(p.card.printed_valid_until, v2);
	service_person_free(&p);

	/* late, within 60 days: suspended until endorsed, years kept */
	p = person(s, &a, id, v2 + 20);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_SUSPENDED);
	assert_date(p.permit.residence_since, D(2026, 1, 5));
	service_person_free(&p);
	assert_int_equal(svctest_submit(s, &a, v2 + 20, &r, ENDO_CASE(id)), VERDICT_ACCEPT);
	v3 = date_add_years(v2, 1);
	assert_date(r.decision.new_valid_until, v3);
	assert_false(r.decision.residence_years_reset);
	p = person(s, &a, id, v2 + 20);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_VALID);
	assert_date(p.permit.residence_since, D(2026, 1, 5));
	service_person_free(&p);

	/* more than 60 days late: accepted with a warning, years restart */
	late = v3 + 61;
	assert_int_equal(svctest_submit(s, &a, late, &r, ENDO_CASE(id)), VERDICT_ACCEPT);
	assert_true(has_rule(&r.decision, R_ENDO_3, OUT_WARN));
	assert_true(r.decision.residence_years_reset);
	assert_date(r.decision.new_valid_until, date_years_end(late, 1));
	p = person(s, &a, id, late);
	assert_date(p.permit.valid_until, date_years_end(late, 1));
	assert_date(p.permit.residence_since, late);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_VALID);
	service_person_free(&p);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'counter'"), 3);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE residence_years_reset = 1"), 1);
	service_close(s);
}

/* Change of address and phone (CHANGE-1), then the ENDO-5 batch. */
static void
test_changes_and_auto_endorse(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL);
	struct service_result       r;
	struct service_person       p;
	struct service_batch_result b;
	struct service_sms_list     sms;
	char                        moved[19], ok[19], nophone[19];
	jzz_date                    v;
	int                         endorsed_sms = 0, refused_sms = 0;

	(void)state;
	svctest_idnum(10, moved);
	svctest_idnum(11, ok);
	svctest_idnum(12, nophone);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(moved)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(ok)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"无电话\"},"
	    "\"housing\":{\"tenure\":\"own\"},\"documents\":[\"id_card\",\"registration_form\","
	    "\"property_certificate\"]}", nophone), VERDICT_ACCEPT);
	for (int i = 0; i < 3; i++)
		assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r,
		    PERMIT_CASE(i == 0 ? moved : i == 1 ? ok : nophone)), VERDICT_ACCEPT);
	v = date_years_end(r.decision.ready_on, 1);

	/* address changed, reported in time */
	assert_int_equal(svctest_submit(s, &a, D(2026, 9, 10), &r,
	    "{\"business\":\"info_change\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"lease_filing_certificate\"],"
	    "\"change\":{\"field\":\"address\",\"changed_on\":\"2026-09-01\",\"new_value\":\"长宁路1号\"}}",
	    moved), VERDICT_ACCEPT);
	assert_false(has_rule(&r.decision, R_CHANGE_1, OUT_WARN));
	/* phone changed, reported late: accepted with a warning */
	assert_int_equal(svctest_submit(s, &a, D(2026, 9, 10), &r,
	    "{\"business\":\"info_change\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"documents\":[\"id_card\"],"
	    "\"change\":{\"field\":\"phone\",\"changed_on\":\"2026-07-01\",\"new_value\":\"13900000000\"}}",
	    ok), VERDICT_ACCEPT);
	assert_true(has_rule(&r.decision, R_CHANGE_1, OUT_WARN));
	p = person(s, &a, moved, D(2026, 9, 10));
	assert_string_equal(p.address, "长宁路1号");
	assert_true(p.address_changed);
	service_person_free(&p);
	p = person(s, &a, ok, D(2026, 9, 10));
	assert_string_equal(p.phone, "13900000000");
	assert_false(p.address_changed);
	service_person_free(&p);
	assert_int_equal(svctest_count("SELECT count(*) FROM changes WHERE late = 1 AND field = 'phone'"), 1);

	/* not yet within 30 days: nothing */
	assert_int_equal(service_batch_auto_endorse(s, &a, v - 31, &b), SERVICE_OK);
	assert_int_equal(b.examined, 0);
	/* within 30 days (inclusive) */
	assert_int_equal(service_batch_auto_endorse(s, &a, v - 30, &b), SERVICE_OK);
	assert_int_equal(b.examined, 3);
	assert_int_equal(b.endorsed, 1);
	assert_int_equal(b.not_endorsed, 2);
	assert_int_equal(b.sms_queued, 2);    /* nobody to text without a phone */
	p = person(s, &a, ok, v - 30);
	assert_date(p.permit.valid_until, date_add_years(v, 1));
	assert_date(p.card.printed_valid_until, v);   /* the face needs card_update (ENDO-6) */
	service_person_free(&p);
	p = person(s, &a, moved, v - 30);
	assert_date(p.permit.valid_until, v);
	service_person_free(&p);
	assert_int_equal(service_sms_pending(s, &a, &sms), SERVICE_OK);
	for (size_t i = 0; i < sms.n; i++) {
		endorsed_sms += strcmp(sms.items[i].kind, "auto_endorsed") == 0;
		refused_sms += strcmp(sms.items[i].kind, "auto_not_endorsed") == 0;
	}
	service_sms_list_free(&sms);
	assert_int_equal(endorsed_sms, 1);
	assert_int_equal(refused_sms, 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'auto' AND"
	    " reason = 'no_phone'"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements WHERE kind = 'auto' AND"
	    " reason = 'address_changed'"), 1);
	/* run again: nothing twice */
	assert_int_equal(service_batch_auto_endorse(s, &a, v - 29, &b), SERVICE_OK);
	assert_int_equal(b.examined, 0);
	assert_int_equal(b.sms_queued, 0);

	/* ENDO-6: the card face is updated at the counter */
	assert_int_equal(svctest_submit(s, &a, v - 20, &r,
	    "{\"business\":\"card_update\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"documents\":[\"id_card\"]}", ok), VERDICT_ACCEPT);
	p = person(s, &a, ok, v - 20);
	assert_date(p.card.printed_valid_until, date_add_years(v, 1));
	service_person_free(&p);
	service_close(s);
}

/* Fast replacement with its fee; then cancellation, by a supervisor only. */
static void
test_replacement_and_cancellation(void **state)
{
	char lit[64];
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL), clerk, sup;
	struct service_result       r;
	struct service_person       p;
	struct service_report_daily rep;
	struct jzz_case             c;
	char                        id[19], old_card[SERVICE_UUID_LEN];
	jzz_date                    v, day = D(2026, 11, 27);

	(void)state;
	svctest_user(s, &a, "clerk1", SERVICE_ROLE_CLERK, NULL, "Test-Pass-2026x");
	svctest_user(s, &a, "sup1", SERVICE_ROLE_SUPERVISOR, "310105001", "Test-Pass-2026x");
	clerk = svctest_actor(s, "clerk1");
	sup = svctest_actor(s, "sup1");
	assert_string_equal(clerk.centre, "310105009");
	assert_string_equal(sup.centre, "310105001");
	svctest_idnum(20, id);
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	v = date_years_end(r.decision.ready_on, 1);
	assert_int_equal(service_card_received(s, &clerk, id, r.decision.ready_on, NULL), SERVICE_OK);
	assert_int_equal(svctest_submit(s, &clerk, r.decision.ready_on + 1, &r, PICKUP_CASE(id)),
	    VERDICT_ACCEPT);
	p = person(s, &clerk, id, day);
	snprintf(old_card, sizeof old_card, "%s", p.card.id);
	service_person_free(&p);

	/* lost: fast replacement, on the spot, 20 yuan with the receipt-book number */
	assert_int_equal(svctest_submit(s, &clerk, day, &r,
	    "{\"business\":\"permit_replace_fast\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"fast_track\":{\"reason\":\"exam\"},\"documents\":[\"id_card\",\"fast_track_request\"],"
	    "\"personal_reason\":true,\"fee_receipt_no\":\"沪0012345\"}", id), VERDICT_ACCEPT);
	assert_int_equal(r.decision.fee_yuan, 20);
	assert_date(r.decision.ready_on, day);
	p = person(s, &clerk, id, day);
	assert_string_not_equal(p.card.id, old_card);
	assert_int_equal(p.card.state, SERVICE_CARD_PICKED_UP);
	assert_int_equal(p.card.business, BIZ_PERMIT_REPLACE_FAST);
	assert_date(p.permit.valid_until, v);      /* the validity is kept */
	service_person_free(&p);
	assert_int_equal(svctest_count("SELECT count(*) FROM cards WHERE id = %s AND state = 'void'",
	    testdb_id_lit(lit, sizeof lit, old_card)), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM fees WHERE kind = 'card_fee' AND"
	    " amount_yuan = 20 AND fee_receipt_no = '沪0012345'"), 1);
	/* a receipt-book number is used once: the same one again is refused
	 * with its reason and nothing is written */
	{
		long long apps = svctest_count("SELECT count(*) FROM applications");
		bool      used = false;

		assert_int_equal(svctest_submit_st(s, &clerk, day, &r,
		    "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":\"%s\","
		    "\"name\":\"测试\"},\"documents\":[\"id_card\",\"permit_application_form\"],"
		    "\"personal_reason\":true,\"fee_receipt_no\":\" 沪0012345\"}", id), SERVICE_ERR_INVALID);
		assert_non_null(strstr(service_errmsg(s), "沪0012345"));
		assert_non_null(strstr(service_errmsg(s), "used once"));
		assert_int_equal(svctest_count("SELECT count(*) FROM applications"), apps);
		assert_int_equal(service_fee_receipt_used(s, &clerk, "沪0012345", &used), SERVICE_OK);
		assert_true(used);
		assert_int_equal(service_fee_receipt_used(s, &clerk, "沪0012346", &used), SERVICE_OK);
		assert_false(used);
	}
	assert_int_equal(service_report_daily(s, &a, NULL, day, &rep), SERVICE_OK);
	assert_int_equal(rep.fees_yuan, 20);
	assert_int_equal(rep.by_business[BIZ_PERMIT_REPLACE_FAST][VERDICT_ACCEPT], 1);

	/* cancellation: not a clerk's, needs a reason and a note */
	svctest_case(&c, day, "{\"business\":\"cancellation\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"}}", id);
	assert_int_equal(service_cancellation(s, &clerk, &c, day, SERVICE_CANCEL_NOT_RESIDENT,
	    "核实不在本市居住", &r), SERVICE_ERR_DENIED);
	assert_int_equal(service_submit(s, &sup, &c, day, &r), SERVICE_ERR_INVALID);
	assert_int_equal(service_cancellation(s, &sup, &c, day, SERVICE_CANCEL_NOT_RESIDENT, "", &r),
	    SERVICE_ERR_INVALID);
	assert_int_equal(service_cancellation(s, &sup, &c, day, SERVICE_CANCEL_NOT_RESIDENT,
	    "派出所核实不在本市居住", &r), SERVICE_OK);
	assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
	assert_true(strncmp(r.receipt_no, "310105001-", 10) == 0);
	p = person(s, &clerk, id, day);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_CANCELLED);
	assert_string_equal(p.permit.cancel_reason, "not_resident");
	service_person_free(&p);
	/* a cancelled permit cannot be endorsed or replaced (PERMIT-11) */
	assert_int_equal(svctest_submit(s, &clerk, day + 1, &r, ENDO_CASE(id)), VERDICT_REFUSE);
	assert_true(has_rule(&r.decision, R_PERMIT_11, OUT_FAIL));
	/* nothing left to cancel */
	svctest_case(&c, day + 1, "{\"business\":\"cancellation\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"}}", id);
	assert_int_equal(service_cancellation(s, &sup, &c, day + 1, SERVICE_CANCEL_FALSE_MATERIALS,
	    "x", &r), SERVICE_ERR_STATE);
	service_close(s);
}

/* Roles: trainers write nothing; reports are for supervisors. */
static void
test_roles(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL), t, clerk;
	struct service_result       r;
	struct service_report_daily rep;
	struct service_person       p;
	struct jzz_case             c;
	char                        id[19], temp[64];

	(void)state;
	svctest_user(s, &a, "t1", SERVICE_ROLE_TRAINER, NULL, "Test-Pass-2026x");
	svctest_user(s, &a, "c1", SERVICE_ROLE_CLERK, NULL, "Test-Pass-2026x");
	assert_int_equal(service_user_add(s, &a, "c1", SERVICE_ROLE_CLERK, NULL, NULL, temp,
	    sizeof temp), SERVICE_ERR_EXISTS);
	/* no account is without a password: admin starts with a temporary one */
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name = 'admin' AND"
	    " role = 'admin' AND password_hash IS NOT NULL"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE password_hash IS NULL"
	    " AND name <> 'owner'"), 0);
	t = svctest_actor(s, "t1");
	clerk = svctest_actor(s, "c1");
	assert_int_equal(service_user_add(s, &clerk, "c2", SERVICE_ROLE_ADMIN, NULL, NULL, temp,
	    sizeof temp), SERVICE_ERR_DENIED);
	svctest_idnum(30, id);
	svctest_case(&c, D(2026, 1, 5), REG_CASE(id));
	assert_int_equal(service_registration(s, &t, &c, D(2026, 1, 5), &r), SERVICE_ERR_DENIED);
	assert_int_equal(service_permit_new(s, &clerk, &c, D(2026, 1, 5), &r), SERVICE_ERR_INVALID);
	assert_int_equal(service_registration(s, &clerk, &c, D(2026, 1, 5), &r), SERVICE_OK);
	assert_int_equal(service_report_daily(s, &clerk, NULL, D(2026, 1, 5), &rep), SERVICE_ERR_DENIED);
	assert_int_equal(service_report_daily(s, &t, NULL, D(2026, 1, 5), &rep), SERVICE_ERR_DENIED);
	assert_int_equal(service_person_get(s, &t, id, D(2026, 1, 5), &p), SERVICE_OK);
	assert_true(p.found);
	service_person_free(&p);
	{
		struct service_actor o = svctest_owner(s);

		assert_int_equal(service_actor_as(s, &o, "nobody", NULL, &t), SERVICE_ERR_NOT_FOUND);
		assert_int_equal(service_actor_as(s, &o, "c1", "310105003", &t), SERVICE_ERR_NOT_FOUND);
	}
	service_close(s);
}

/* A refused case writes its application row and no business record. */
static void
test_refused_writes_no_record(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19];
	long long             audit0 = svctest_count("SELECT count(*) FROM audit_log");

	(void)state;
	svctest_idnum(40, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\",\"use\":\"office\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", id),
	    VERDICT_REFUSE);
	assert_true(has_rule(&r.decision, R_HOUSE_4, OUT_FAIL));
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM application_rules WHERE rule = 'HOUSE-4'"
	    " AND outcome = 'fail'"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM persons"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM registrations"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM receipt_seq"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log"), audit0 + 1);
	/* incomplete: the same, and it shows as open */
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 6), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\"]}", id),
	    VERDICT_INCOMPLETE);
	assert_int_equal(svctest_count("SELECT count(*) FROM registrations"), 0);
	assert_int_equal(service_person_get(s, &a, id, D(2026, 1, 6), &p), SERVICE_OK);
	assert_false(p.found);
	assert_int_equal(p.nhistory, 2);
	assert_int_equal(p.nopen, 1);
	assert_string_equal(p.open[0].missing, "lease_filing_certificate");
	service_person_free(&p);
	/* an invalid ID number is kept as given on its (refused) row */
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 6), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"110105199003071230\","
	    "\"name\":\"测试\"},\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\","
	    "\"registration_form\",\"lease_filing_certificate\"]}"), VERDICT_REFUSE);
	assert_string_equal(r.person_id, "");
	assert_int_equal(svctest_count("SELECT count(*) FROM applications WHERE"
	    " id_number = '110105199003071230'"), 1);
	service_close(s);
}

/* The daily report counts one centre's applications of one day. */
static void
test_report_counts(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL), other;
	struct service_result       r;
	struct service_report_daily rep;
	struct service_status_info  si;
	char                        id[6][19];
	jzz_date                    day = D(2026, 11, 27);

	(void)state;
	{
		struct service_actor o = svctest_owner(s);

		assert_int_equal(service_actor_as(s, &o, "admin", "310105001", &other), SERVICE_OK);
	}
	for (int i = 0; i < 6; i++)
		svctest_idnum(50 + i, id[i]);
	svctest_submit(s, &a, day, &r, REG_CASE(id[0]));
	svctest_submit(s, &a, day, &r, REG_CASE(id[1]));
	svctest_submit(s, &a, day, &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\"]}", id[2]);
	svctest_submit(s, &a, day, &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"housing\":{\"tenure\":\"rent\",\"use\":\"shop\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", id[3]);
	svctest_submit(s, &a, day, &r, PERMIT_CASE(id[4]));
	svctest_submit(s, &other, day, &r, REG_CASE(id[5]));
	svctest_submit(s, &a, day + 1, &r, PERMIT_CASE(id[0]));

	assert_int_equal(service_report_daily(s, &a, NULL, day, &rep), SERVICE_OK);
	assert_string_equal(rep.centre, "310105009");
	assert_int_equal(rep.applications, 5);
	assert_int_equal(rep.by_business[BIZ_REGISTRATION][VERDICT_ACCEPT], 2);
	assert_int_equal(rep.by_business[BIZ_REGISTRATION][VERDICT_INCOMPLETE], 1);
	assert_int_equal(rep.by_business[BIZ_REGISTRATION][VERDICT_REFUSE], 1);
	assert_int_equal(rep.by_business[BIZ_PERMIT_NEW][VERDICT_REFUSE], 1);
	assert_int_equal(rep.fees_yuan, 0);
	assert_int_equal(service_report_daily(s, &a, "310105001", day, &rep), SERVICE_OK);
	assert_int_equal(rep.applications, 1);
	assert_int_equal(service_report_daily(s, &a, "999999999", day, &rep), SERVICE_ERR_NOT_FOUND);

	/* the public query needs both name and number */
	assert_int_equal(service_status_query(s, &a, id[0], "测试", day + 1, &si), SERVICE_OK);
	assert_true(si.found);
	assert_int_equal(si.last_business, BIZ_PERMIT_NEW);
	assert_int_equal(si.last_verdict, VERDICT_REFUSE);
	assert_int_equal(service_status_query(s, &a, id[0], "别人", day + 1, &si), SERVICE_OK);
	assert_false(si.found);
	service_close(s);
}

/* Kiosk: instant new fast permit, printed on the spot, free. */
static void
test_kiosk_fast(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19];
	size_t                n;
	const struct service_place *pl = service_places(s, &n);
	int                   kiosks = 0;

	(void)state;
	assert_int_equal(n, 13);
	for (size_t i = 0; i < n; i++)
		kiosks += pl[i].kind == SERVICE_PLACE_KIOSK;
	assert_int_equal(kiosks, 3);
	assert_true(service_centre_valid(s, "310105102"));
	assert_false(service_centre_valid(s, "310105003"));
	svctest_idnum(60, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r,
	    "{\"business\":\"permit_new_fast\",\"channel\":\"kiosk\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"},\"documents\":[\"id_card\"],\"kiosk\":{\"info_matches_registration\":true}}",
	    id), VERDICT_ACCEPT);
	assert_date(r.decision.ready_on, D(2026, 7, 6));
	p = person(s, &a, id, D(2026, 7, 6));
	assert_int_equal(p.card.state, SERVICE_CARD_PICKED_UP);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_VALID);
	service_person_free(&p);
	/* one permit per person (PERMIT-12) */
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 7), &r, PERMIT_CASE(id)), VERDICT_REFUSE);
	assert_true(has_rule(&r.decision, R_PERMIT_12, OUT_FAIL));
	service_close(s);
}

/* The audit log chains every write, and a backup is a whole database. */
static void
test_audit_and_backup(void **state)
{
	struct service            *s = svctest_new();
	struct service_actor       a = svctest_actor(s, NULL);
	struct service_result      r;
	struct service_audit_check ac;
	char                       id[19], copy[600], err[256], key[600];
	struct service            *s2;

	(void)state;
	for (int i = 0; i < 5; i++) {
		svctest_idnum(70 + i, id);
		svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id));
	}
	assert_int_equal(service_audit_verify(s, &a, 0, NULL, &ac), SERVICE_OK);
	assert_true(ac.ok);
	assert_int_equal(ac.entries, 8);   /* init, the admin's first login and password, 5 */
	/* a backup is a SQLite file (a PostgreSQL store's is the server's, pg_dump) */
	if (testdb_is_pg()) {
		service_close(s);
		return;
	}
	snprintf(copy, sizeof copy, "%s/copy.db", svctest_dir);
	assert_int_equal(service_backup(s, &a, copy), SERVICE_OK);
	assert_int_equal(service_backup(s, &a, copy), SERVICE_ERR_EXISTS);
	service_close(s);
	/* the copy is verified with the key of the original: a restore takes
	 * the key file with it */
	snprintf(key, sizeof key, "%s.key", svctest_db);
	s2 = service_open_with(copy, SERVICE_DB_PRODUCTION, key, err, sizeof err);
	assert_non_null(s2);
	a = svctest_actor(s2, NULL);
	assert_int_equal(service_audit_verify(s2, &a, 0, NULL, &ac), SERVICE_OK);
	assert_true(ac.ok);
	assert_int_equal(ac.entries, 9);   /* the backup's own entry is in the copy */
	service_close(s2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_permit_life),
		cmocka_unit_test(test_endorsements),
		cmocka_unit_test(test_changes_and_auto_endorse),
		cmocka_unit_test(test_replacement_and_cancellation),
		cmocka_unit_test(test_roles),
		cmocka_unit_test(test_refused_writes_no_record),
		cmocka_unit_test(test_report_counts),
		cmocka_unit_test(test_kiosk_fast),
		cmocka_unit_test(test_audit_and_backup),
	};

	return cmocka_run_group_tests(tests, svctest_setup, svctest_teardown);
}
