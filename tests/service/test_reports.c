/*
 * test_reports.c: the supervisors' report against a scripted day (issue 5,
 * report_day.h): two clerks at one centre and one at another; accepted,
 * incomplete and refused applications; two replacement fees with their
 * receipt-book numbers; a fast-track replacement. The counts by business,
 * clerk and centre, the fees, the rules and the missing documents must be
 * exactly the day's; "all" adds the other centre; a range adds the earlier
 * days.
 */
#include "report_day.h"

#define DAY REPORT_DAY

static const struct service_report_rule *
rule(const struct service_report *r, const char *id)
{
	for (size_t i = 0; i < r->nrules; i++)
		if (strcmp(r->rules[i].rule, id) == 0)
			return &r->rules[i];
	fail_msg("no rule %s in the report", id);
	return NULL;
}

static void
test_scripted_day(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  super;
	struct service_report rep;

	(void)state;
	report_day(s);
	super = svctest_actor(s, "super1");

	assert_int_equal(service_report(s, &super, NULL, DAY, DAY, &rep), SERVICE_OK);
	assert_string_equal(rep.centre, "310105009");
	assert_int_equal(rep.applications, 7);
	assert_int_equal(rep.by_business[BIZ_PERMIT_NEW][VERDICT_ACCEPT], 2);
	assert_int_equal(rep.by_business[BIZ_PERMIT_NEW][VERDICT_INCOMPLETE], 1);
	assert_int_equal(rep.by_business[BIZ_PERMIT_NEW][VERDICT_REFUSE], 1);
	assert_int_equal(rep.by_business[BIZ_REGISTRATION][VERDICT_INCOMPLETE], 1);
	assert_int_equal(rep.by_business[BIZ_REGISTRATION][VERDICT_ACCEPT], 0);
	assert_int_equal(rep.by_business[BIZ_PERMIT_REPLACE_FAST][VERDICT_ACCEPT], 1);
	assert_int_equal(rep.by_business[BIZ_PERMIT_REPLACE][VERDICT_ACCEPT], 1);
	assert_int_equal(rep.fees_yuan, 40);
	assert_int_equal(rep.fast_track, 1);
	assert_int_equal(rep.fast_track_accepted, 1);
	/* by clerk, in name order */
	assert_int_equal(rep.nclerks, 2);
	assert_string_equal(rep.by_clerk[0].key, "clerk1");
	assert_int_equal(rep.by_clerk[0].applications, 5);
	assert_int_equal(rep.by_clerk[0].by_verdict[VERDICT_ACCEPT], 4);
	assert_int_equal(rep.by_clerk[0].by_verdict[VERDICT_INCOMPLETE], 1);
	assert_int_equal(rep.by_clerk[0].fees_yuan, 40);
	assert_string_equal(rep.by_clerk[1].key, "clerk2");
	assert_int_equal(rep.by_clerk[1].applications, 2);
	assert_int_equal(rep.by_clerk[1].by_verdict[VERDICT_REFUSE], 1);
	assert_int_equal(rep.ncentres, 1);
	/* the fees, with both receipt numbers, to reconcile */
	assert_int_equal(rep.nfees, 2);
	assert_string_equal(rep.fees[0].fee_receipt_no, "NO.0000701");
	assert_string_equal(rep.fees[1].fee_receipt_no, "NO.0000702");
	assert_int_equal(rep.fees[0].business, BIZ_PERMIT_REPLACE_FAST);
	assert_int_equal(rep.fees[0].amount_yuan + rep.fees[1].amount_yuan, 40);
	assert_non_null(strstr(rep.fees[0].receipt_no, "310105009-20260706-"));
	assert_string_equal(rep.fees[0].user, "clerk1");
	/* refusals and missing documents by rule, and by document */
	assert_int_equal(rule(&rep, "REG-3")->fail, 1);
	assert_int_equal(rule(&rep, "PERMIT-1")->missing, 1);
	assert_int_equal(rule(&rep, "HOUSE-1")->missing, 1);
	assert_int_equal(rep.missing_docs[DOC_PERMIT_APPLICATION_FORM], 1);
	assert_int_equal(rep.missing_docs[DOC_LEASE_FILING_CERTIFICATE], 1);
	assert_int_equal(rep.missing_docs[DOC_ID_CARD], 0);
	for (size_t i = 1; i < rep.nrules; i++)   /* catalogue order */
		assert_true(strcmp(rep.rules[i - 1].rule, rep.rules[i].rule) != 0);
	service_report_free(&rep);

	/* every centre */
	assert_int_equal(service_report(s, &super, SERVICE_REPORT_ALL, DAY, DAY, &rep), SERVICE_OK);
	assert_int_equal(rep.applications, 8);
	assert_int_equal(rep.ncentres, 2);
	assert_string_equal(rep.by_centre[0].key, "310105001");
	assert_int_equal(rep.by_centre[0].applications, 1);
	assert_int_equal(rep.nclerks, 3);
	service_report_free(&rep);
	/* another centre alone */
	assert_int_equal(service_report(s, &super, "310105001", DAY, DAY, &rep), SERVICE_OK);
	assert_int_equal(rep.applications, 1);
	assert_int_equal(rep.fees_yuan, 0);
	service_report_free(&rep);
	/* a range: the day and the registrations of January */
	assert_int_equal(service_report(s, &super, NULL, D(2026, 1, 1), DAY, &rep), SERVICE_OK);
	assert_int_equal(rep.applications, 7 + 4);
	service_report_free(&rep);
	/* bad ranges and centres */
	assert_int_equal(service_report(s, &super, NULL, DAY, DAY - 1, &rep), SERVICE_ERR_INVALID);
	assert_int_equal(service_report(s, &super, "999999999", DAY, DAY, &rep),
	    SERVICE_ERR_NOT_FOUND);
	service_close(s);
}

/* The lists of persons: a card left waiting past its notice (PERMIT-3). */
static void
test_overdue_notice(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  admin = svctest_actor(s, NULL);
	struct service_result r;
	struct service_report rep;
	char                  id[19];
	jzz_date              ready;

	(void)state;
	svctest_idnum(42, id);
	assert_int_equal(svctest_submit(s, &admin, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &admin, DAY, &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_int_equal(service_card_received(s, &admin, id, ready, NULL), SERVICE_OK);
	assert_int_equal(service_report(s, &admin, NULL, ready, ready, &rep), SERVICE_OK);
	assert_int_equal(rep.noverdue, 0);
	assert_int_equal(rep.cards_received, 1);
	service_report_free(&rep);
	assert_int_equal(service_report(s, &admin, NULL, ready + 10, ready + 10, &rep), SERVICE_OK);
	assert_int_equal(rep.noverdue, 1);
	assert_int_equal(rep.overdue_total, 1);
	assert_string_equal(rep.overdue[0].id_number, id);
	assert_int_equal(rep.overdue[0].since, ready);
	assert_true(rep.overdue[0].days > 0);
	service_report_free(&rep);
	service_close(s);
}

/* A person with a permit accepted on DAY whose card arrived on `on`. */
static void
overdue_card(struct service *s, const struct service_actor *admin, int k, jzz_date on, char id[19])
{
	struct service_result r;

	svctest_idnum(100 + k, id);
	assert_int_equal(svctest_submit(s, admin, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, admin, DAY, &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(service_card_received(s, admin, id, on, NULL), SERVICE_OK);
}

/* The report of day `at` (one centre, or the district), its paged lists
 * checked: the rows shown are the first page, in order, the counts whole. */
static void
page_report(struct service *s, const struct service_actor *a, bool all, jzz_date at,
            struct service_report *rep, size_t overdue, size_t window)
{
	assert_int_equal(service_report(s, a, all ? SERVICE_REPORT_ALL : NULL, at, at, rep),
	    SERVICE_OK);
	assert_int_equal(rep->overdue_total, overdue);
	assert_int_equal(rep->noverdue, overdue < SERVICE_REPORT_PAGE ? overdue : SERVICE_REPORT_PAGE);
	assert_int_equal(rep->window_total, window);
	assert_int_equal(rep->nwindow, window < SERVICE_REPORT_PAGE ? window : SERVICE_REPORT_PAGE);
	for (size_t i = 1; i < rep->noverdue; i++)   /* oldest due first */
		assert_true(rep->overdue[i - 1].date <= rep->overdue[i].date);
	for (size_t i = 1; i < rep->nwindow; i++)    /* soonest last day first */
		assert_true(rep->window[i - 1].date <= rep->window[i].date);
}

/* The overdue notices and the endorsement window are the first page of
 * their lists with the whole count: a page exactly full is whole; one more
 * and it is the page and the count, for one centre and for the district;
 * service_report_more lists the rest, then nothing more. */
static void
test_report_pages(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  admin = svctest_actor(s, NULL);
	struct service_report rep;
	struct service_result r;
	char                  id[19], last[19];
	jzz_date              ready, at, vu;
	bool                  more = true;

	(void)state;
	svctest_idnum(99, id);
	assert_int_equal(svctest_submit(s, &admin, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &admin, DAY, &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_int_equal(service_card_received(s, &admin, id, ready, NULL), SERVICE_OK);
	{
		struct service_person pe;

		assert_int_equal(service_person_get(s, &admin, id, ready, &pe), SERVICE_OK);
		vu = pe.permit.valid_until;   /* every permit of the test: accepted on DAY */
		service_person_free(&pe);
	}
	assert_true(vu > ready + 60);
	for (int k = 1; k < SERVICE_REPORT_PAGE; k++)
		overdue_card(s, &admin, k, ready, id);
	at = ready + 20;
	for (int all = 0; all < 2; all++) {
		page_report(s, &admin, all, at, &rep, SERVICE_REPORT_PAGE, 0);
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_int_equal(rep.noverdue, SERVICE_REPORT_PAGE);
		service_report_free(&rep);
		/* the cards are still waiting then: both lists are full pages */
		page_report(s, &admin, all, vu - 10, &rep, SERVICE_REPORT_PAGE, SERVICE_REPORT_PAGE);
		service_report_free(&rep);
	}
	/* one more, arrived a day later: due last, so the one left off */
	overdue_card(s, &admin, SERVICE_REPORT_PAGE, ready + 1, last);
	for (int all = 0; all < 2; all++) {
		page_report(s, &admin, all, at, &rep, SERVICE_REPORT_PAGE + 1, 0);
		for (size_t i = 0; i < rep.noverdue; i++) {
			assert_string_not_equal(rep.overdue[i].id_number, last);
			assert_int_equal(rep.overdue[i].since, ready);
		}
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_int_equal(rep.noverdue, SERVICE_REPORT_PAGE + 1);
		assert_string_equal(rep.overdue[SERVICE_REPORT_PAGE].id_number, last);
		assert_int_equal(rep.overdue[SERVICE_REPORT_PAGE].since, ready + 1);
		for (size_t i = 0; i < SERVICE_REPORT_PAGE; i++)   /* no row twice */
			assert_string_not_equal(rep.overdue[i].id_number, last);
		service_report_free(&rep);
		page_report(s, &admin, all, vu - 10, &rep, SERVICE_REPORT_PAGE + 1,
		    SERVICE_REPORT_PAGE + 1);
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_int_equal(rep.noverdue, SERVICE_REPORT_PAGE + 1);
		assert_int_equal(rep.nwindow, SERVICE_REPORT_PAGE + 1);
		assert_int_equal(rep.window[SERVICE_REPORT_PAGE].date, vu);
		service_report_free(&rep);
	}
	/* on the day they arrived none is late: neither list nor count */
	page_report(s, &admin, false, ready, &rep, 0, 0);
	service_report_free(&rep);
	/* a clerk may not read on */
	{
		struct service_actor clerk;

		svctest_user(s, &admin, "clerk1", SERVICE_ROLE_CLERK, NULL, REPORT_DAY_PW);
		clerk = svctest_actor(s, "clerk1");

		page_report(s, &admin, false, at, &rep, SERVICE_REPORT_PAGE + 1, 0);
		assert_int_equal(service_report_more(s, &clerk, &rep, &more), SERVICE_ERR_DENIED);
		assert_int_equal(rep.noverdue, SERVICE_REPORT_PAGE);
		service_report_free(&rep);
	}
	service_close(s);
}

/* The report's tallies (schema v11: the ledger's length, the cards, the
 * refusals that stand) as the triggers kept them, against the records
 * counted by the tests' own SQL. */
static void
ledger_tallies_match(void)
{
	assert_int_equal(svctest_count("SELECT coalesce(sum(fee_lines), 0) FROM day_tallies"),
	    svctest_count("SELECT count(*) FROM fees"));
	assert_int_equal(svctest_count("SELECT coalesce(sum(cards_received), 0) FROM day_tallies"),
	    svctest_count("SELECT count(*) FROM cards WHERE received_on IS NOT NULL"));
	assert_int_equal(svctest_count("SELECT coalesce(sum(cards_handed), 0) FROM day_tallies"),
	    svctest_count("SELECT count(*) FROM cards WHERE handed_on IS NOT NULL"));
	assert_int_equal(svctest_count("SELECT count(*) FROM day_tallies WHERE fee_lines = 0"
	    " AND cards_received = 0 AND cards_handed = 0 AND auto_refused = 0"), 0);
}

/* The fee ledger is paged like the lists of persons (schema v11): a page
 * exactly full is whole; one more line and it is the page and the whole
 * length, for one centre and for the district, the page in the ledger's
 * order (day, receipt); service_report_more and service_report_whole read
 * the rest, every line once, and the lines add up to the fees counted.
 * The tallies the length comes from are kept through the day's writes. */
static void
test_report_ledger_pages(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  admin = svctest_actor(s, NULL);
	struct service_report rep;
	struct service_result r;
	char                  id[19];
	bool                  more = true;
	int                   sum;

	(void)state;
	for (int k = 0; k <= SERVICE_REPORT_PAGE; k++) {
		svctest_idnum(700 + k, id);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 6, 2), &r, REG_CASE(id)),
		    VERDICT_ACCEPT);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 12, 10), &r, PERMIT_CASE(id)),
		    VERDICT_ACCEPT);
		if (k == SERVICE_REPORT_PAGE) {   /* a page exactly full first */
			for (int all = 0; all < 2; all++) {
				assert_int_equal(service_report(s, &admin, all ? SERVICE_REPORT_ALL : NULL,
				    DAY, DAY, &rep), SERVICE_OK);
				assert_int_equal(rep.nfees, SERVICE_REPORT_PAGE);
				assert_int_equal(rep.fees_total, SERVICE_REPORT_PAGE);
				assert_false(service_report_in_part(&rep));
				service_report_free(&rep);
			}
		}
		assert_int_equal(svctest_submit(s, &admin, DAY, &r,
		    "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":\"%s\",\"name\":"
		    "\"测试\"},\"personal_reason\":true,\"fee_receipt_no\":\"NO.09%05d\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", id, k), VERDICT_ACCEPT);
	}
	ledger_tallies_match();
	for (int all = 0; all < 2; all++) {
		assert_int_equal(service_report(s, &admin, all ? SERVICE_REPORT_ALL : NULL, DAY, DAY,
		    &rep), SERVICE_OK);
		assert_int_equal(rep.fees_total, SERVICE_REPORT_PAGE + 1);
		assert_int_equal(rep.nfees, SERVICE_REPORT_PAGE);
		assert_true(service_report_in_part(&rep));
		for (size_t i = 1; i < rep.nfees; i++)
			assert_true(strcmp(rep.fees[i - 1].receipt_no, rep.fees[i].receipt_no) < 0);
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_int_equal(rep.nfees, SERVICE_REPORT_PAGE + 1);
		sum = 0;
		for (size_t i = 0; i < rep.nfees; i++) {
			sum += rep.fees[i].amount_yuan;
			if (i > 0)   /* no line twice, still in order */
				assert_true(strcmp(rep.fees[i - 1].receipt_no, rep.fees[i].receipt_no) < 0);
		}
		assert_int_equal(sum, rep.fees_yuan + rep.cod_fees_yuan);
		service_report_free(&rep);
		/* the whole at once, as the daily sheet and `report --all` read it */
		assert_int_equal(service_report(s, &admin, all ? SERVICE_REPORT_ALL : NULL, DAY, DAY,
		    &rep), SERVICE_OK);
		assert_int_equal(service_report_whole(s, &admin, &rep), SERVICE_OK);
		assert_int_equal(rep.nfees, SERVICE_REPORT_PAGE + 1);
		assert_false(service_report_in_part(&rep));
		service_report_free(&rep);
	}
	/* another centre has none; another day neither */
	assert_int_equal(service_report(s, &admin, "310105001", DAY, DAY, &rep), SERVICE_OK);
	assert_int_equal(rep.nfees + rep.fees_total, 0);
	service_report_free(&rep);
	assert_int_equal(service_report(s, &admin, NULL, DAY + 1, DAY + 1, &rep), SERVICE_OK);
	assert_int_equal(rep.nfees + rep.fees_total, 0);
	service_report_free(&rep);
	service_close(s);
}

/* The period's lists (PERMIT-9, ENDO-5) of [from, to], checked: the rows
 * shown are the first page, in order (last day first), the counts whole. */
static void
period_report(struct service *s, const struct service_actor *a, bool all, jzz_date from,
              jzz_date to, struct service_report *rep, size_t suspended, size_t failed)
{
	assert_int_equal(service_report(s, a, all ? SERVICE_REPORT_ALL : NULL, from, to, rep),
	    SERVICE_OK);
	assert_int_equal(rep->suspended_total, suspended);
	assert_int_equal(rep->nsuspended,
	    suspended < SERVICE_REPORT_PAGE ? suspended : SERVICE_REPORT_PAGE);
	assert_int_equal(rep->auto_failed_total, failed);
	assert_int_equal(rep->nauto_failed, failed < SERVICE_REPORT_PAGE ? failed : SERVICE_REPORT_PAGE);
	assert_int_equal(service_report_in_part(rep),
	    suspended > SERVICE_REPORT_PAGE || failed > SERVICE_REPORT_PAGE);
	for (size_t i = 1; i < rep->nsuspended; i++)
		assert_true(rep->suspended[i - 1].date <= rep->suspended[i].date);
	for (size_t i = 1; i < rep->nauto_failed; i++)   /* by the batch's day, then last day */
		assert_true(rep->auto_failed[i - 1].since < rep->auto_failed[i].since ||
		    (rep->auto_failed[i - 1].since == rep->auto_failed[i].since &&
		    rep->auto_failed[i - 1].date <= rep->auto_failed[i].date));
	for (size_t i = 0; i < rep->nauto_failed; i++)
		assert_string_equal(rep->auto_failed[i].detail, "no_phone");
}

/* The permits suspended in the period and the period's failed
 * auto-endorsements are paged like the overdue notices: a page exactly
 * full is whole; one more and it is the page and the count, for one centre
 * and for the district; service_report_more lists the rest (the one
 * accepted last, last), then nothing more. */
static void
test_report_period_pages(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        admin = svctest_actor(s, NULL);
	struct service_report       rep;
	struct service_batch_result b;
	char                        id[19], last[19];
	jzz_date                    vu = JZZ_DATE_NONE;
	bool                        more = true;

	(void)state;
	for (int k = 0; k < SERVICE_REPORT_PAGE; k++) {
		jzz_date v = report_day_unendorsable(s, &admin, 500 + k, DAY, id);

		assert_true(vu == JZZ_DATE_NONE || v == vu);   /* all accepted on DAY */
		vu = v;
	}
	assert_int_equal(service_batch_auto_endorse(s, &admin, vu - 30, &b), SERVICE_OK);
	assert_int_equal(b.not_endorsed, SERVICE_REPORT_PAGE);
	for (int all = 0; all < 2; all++) {
		period_report(s, &admin, all, vu - 30, vu + 1, &rep, SERVICE_REPORT_PAGE,
		    SERVICE_REPORT_PAGE);
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_int_equal(rep.nsuspended, SERVICE_REPORT_PAGE);
		assert_int_equal(rep.nauto_failed, SERVICE_REPORT_PAGE);
		service_report_free(&rep);
		/* the batch's day alone: no permit has run out yet */
		period_report(s, &admin, all, vu - 30, vu - 30, &rep, 0, SERVICE_REPORT_PAGE);
		service_report_free(&rep);
	}
	/* one more, refused by the next day's batch */
	assert_int_equal(report_day_unendorsable(s, &admin, 500 + SERVICE_REPORT_PAGE, DAY, last), vu);
	assert_int_equal(service_batch_auto_endorse(s, &admin, vu - 29, &b), SERVICE_OK);
	assert_int_equal(b.not_endorsed, 1);
	for (int all = 0; all < 2; all++) {
		period_report(s, &admin, all, vu - 30, vu + 1, &rep, SERVICE_REPORT_PAGE + 1,
		    SERVICE_REPORT_PAGE + 1);
		for (size_t i = 0; i < SERVICE_REPORT_PAGE; i++) {   /* accepted last: left off */
			assert_string_not_equal(rep.suspended[i].id_number, last);
			assert_string_not_equal(rep.auto_failed[i].id_number, last);
			assert_int_equal(rep.auto_failed[i].since, vu - 30);
		}
		assert_int_equal(service_report_more(s, &admin, &rep, &more), SERVICE_OK);
		assert_false(more);
		assert_false(service_report_in_part(&rep));
		assert_int_equal(rep.nsuspended, SERVICE_REPORT_PAGE + 1);
		assert_int_equal(rep.nauto_failed, SERVICE_REPORT_PAGE + 1);
		assert_string_equal(rep.suspended[SERVICE_REPORT_PAGE].id_number, last);
		assert_int_equal(rep.suspended[SERVICE_REPORT_PAGE].date, vu);
		assert_int_equal(rep.suspended[SERVICE_REPORT_PAGE].days, 1);
		assert_string_equal(rep.auto_failed[SERVICE_REPORT_PAGE].id_number, last);
		assert_int_equal(rep.auto_failed[SERVICE_REPORT_PAGE].since, vu - 29);
		assert_string_equal(rep.auto_failed[SERVICE_REPORT_PAGE].detail, "no_phone");
		service_report_free(&rep);
	}
	/* a centre with none of them: empty lists, nothing in part */
	assert_int_equal(service_report(s, &admin, "310105001", vu - 30, vu + 1, &rep), SERVICE_OK);
	assert_int_equal(rep.suspended_total + rep.nsuspended, 0);
	assert_int_equal(rep.auto_failed_total + rep.nauto_failed, 0);
	assert_false(service_report_in_part(&rep));
	service_report_free(&rep);
	/* the refusals that stand, as the triggers keep them, are those of
	 * the records; a permit whose last day moved since (behind jzz's back
	 * here, as an endorsement at the counter moves it) stands no more */
	ledger_tallies_match();
	assert_int_equal(svctest_count("SELECT count(*) FROM auto_refusals"), SERVICE_REPORT_PAGE + 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM endorsements e JOIN permits p"
	    " ON p.id = e.permit_id WHERE e.kind = 'auto' AND e.outcome = 'not_endorsed'"
	    " AND p.status = 'active' AND e.old_valid_until = p.valid_until"), SERVICE_REPORT_PAGE + 1);
	{
		char sql[512];

		snprintf(sql, sizeof sql, "UPDATE permits SET valid_until = '2099-01-01' WHERE person_id ="
		    " (SELECT id FROM persons WHERE id_number = '%s');", last);
		assert_int_equal(testdb_sql(svctest_db, sql), 0);
	}
	assert_int_equal(svctest_count("SELECT coalesce(sum(auto_refused), 0) FROM day_tallies"),
	    SERVICE_REPORT_PAGE);
	assert_int_equal(service_report(s, &admin, SERVICE_REPORT_ALL, vu - 30, vu + 1, &rep),
	    SERVICE_OK);
	assert_int_equal(rep.auto_failed_total, SERVICE_REPORT_PAGE);
	for (size_t i = 0; i < rep.nauto_failed; i++)
		assert_string_not_equal(rep.auto_failed[i].id_number, last);
	service_report_free(&rep);
	service_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_scripted_day, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_overdue_notice, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_report_pages, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_report_period_pages, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_report_ledger_pages, svctest_setup,
		    svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
