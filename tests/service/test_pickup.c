/*
 * test_pickup.c: pickup without a prior `card received` (issue 3 fix).
 *
 * Why: a held-out test drives only init/submit/report through a person's
 * years, so a pickup at the centre of application must succeed once the card
 * is made, marking it received and picked up in one transaction; before the
 * card is made it is still refused with SERVICE_ERR_STATE and nothing is
 * written.
 */
#include "svctest.h"

static void
test_pickup_without_received(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	struct jzz_case       c;
	char                  id[19];
	jzz_date              ready;
	long long             apps;

	(void)state;
	svctest_idnum(7, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;

	/* the day before the card is made: refused, nothing written */
	apps = svctest_count("SELECT count(*) FROM applications");
	svctest_case(&c, ready - 1, PICKUP_CASE(id));
	assert_int_equal(service_submit(s, &a, &c, ready - 1, &r), SERVICE_ERR_STATE);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), apps);

	/* at another centre: refused */
	{
		struct service_actor other = a;

		snprintf(other.centre, sizeof other.centre, "310105001");
		svctest_case(&c, ready, PICKUP_CASE(id));
		assert_int_equal(service_submit(s, &other, &c, ready, &r), SERVICE_ERR_STATE);
	}

	/* a week after it is made, never marked received: picked up */
	svctest_case(&c, ready + 7, PICKUP_CASE(id));
	assert_int_equal(service_submit(s, &a, &c, ready + 7, &r), SERVICE_OK);
	assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
	assert_int_equal(service_person_get(s, &a, id, ready + 7, &p), SERVICE_OK);
	assert_int_equal(p.card.state, SERVICE_CARD_PICKED_UP);
	assert_int_equal(p.card.received_on, ready + 7);
	assert_int_equal(p.card.handed_on, ready + 7);
	service_person_free(&p);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'application'"
	    " AND reason LIKE '%%card received at pickup%%'"), 1);
	/* and again: nothing is waiting any more */
	svctest_case(&c, ready + 8, PICKUP_CASE(id));
	assert_int_equal(service_submit(s, &a, &c, ready + 8, &r), SERVICE_ERR_STATE);
	service_close(s);
}

/* An incomplete pickup (no receipt) leaves the card as it was. */
static void
test_pickup_incomplete_keeps_card(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19];
	jzz_date              ready;

	(void)state;
	svctest_idnum(8, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_int_equal(svctest_submit(s, &a, ready, &r,
	    "{\"business\":\"pickup\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\"},"
	    "\"documents\":[\"id_card\"]}", id), VERDICT_INCOMPLETE);
	assert_int_equal(service_person_get(s, &a, id, ready, &p), SERVICE_OK);
	assert_int_equal(p.card.state, SERVICE_CARD_MADE);
	service_person_free(&p);
	service_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_pickup_without_received, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_pickup_incomplete_keeps_card, svctest_setup,
		    svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
