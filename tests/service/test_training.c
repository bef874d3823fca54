/*
 * test_training.c: training databases (issue 5): the mark in the file and
 * the refusal to open one as the other; the demo data (a person for each
 * outcome that depends on records, and a recent fortnight of counters); the
 * trainer's day of work; the reset.
 */
#include "svctest.h"

static char train_db[512];

static struct service *
train_new(jzz_date today)
{
	char            err[512];
	struct service *s;

	testdb_make(train_db, sizeof train_db, svctest_dir, "training.db");
	if (service_init_training(train_db, "310105009", JZZ_SOURCE_DATADIR "/holidays", today, err,
	    sizeof err) != SERVICE_OK)
		fail_msg("init_training: %s", err);
	s = service_open_mode(train_db, SERVICE_DB_TRAINING, err, sizeof err);
	if (s == NULL)
		fail_msg("open: %s", err);
	return s;
}

static void
demo_idnum(const char *addr6, int y, int m, int d, const char *seq3, char out[19])
{
	snprintf(out, 19, "%.6s%04d%02d%02d%.3s", addr6, y, m, d, seq3);
	out[17] = idnum_check_char(out);
	out[18] = '\0';
}

static void
test_modes_refused(void **state)
{
	char            err[512];
	struct service *s;

	(void)state;
	s = train_new(D(2026, 11, 27));
	assert_int_equal(service_db_mode(s), SERVICE_DB_TRAINING);
	service_close(s);
	/* training opened as production: refused, and says why */
	assert_null(service_open(train_db, err, sizeof err));
	assert_non_null(strstr(err, "training"));
	assert_null(service_open_mode(train_db, SERVICE_DB_PRODUCTION, err, sizeof err));
	/* rehearsal opened as training: refused */
	s = svctest_new();
	assert_int_equal(service_db_mode(s), SERVICE_DB_REHEARSAL);
	service_close(s);
	assert_null(service_open_mode(svctest_db, SERVICE_DB_TRAINING, err, sizeof err));
	assert_non_null(strstr(err, "rehearsal"));
	/* the mark in a SQLite file's header (PostgreSQL: the store's own
	 * settings, which the refusals above read) */
	if (!testdb_is_pg())
		assert_int_equal(svctest_count("PRAGMA application_id"), 1247435346);
	/* production opened as training: refused */
	{
		char prod[600];

		testdb_make(prod, sizeof prod, svctest_dir, "prod.db");
		assert_int_equal(service_init(prod, "310105009", NULL, err, sizeof err), SERVICE_OK);
		assert_null(service_open_mode(prod, SERVICE_DB_TRAINING, err, sizeof err));
		assert_non_null(strstr(err, "production"));
		s = service_open(prod, err, sizeof err);
		assert_non_null(s);
		assert_int_equal(service_db_mode(s), SERVICE_DB_PRODUCTION);
		service_close(s);
	}
	/* the demo data never goes into production */
	s = service_open(svctest_db, err, sizeof err);
	assert_non_null(s);
	assert_int_equal(service_demo_fill(s, D(2026, 11, 27)), SERVICE_ERR_DENIED);
	service_close(s);
}

static enum verdict
try_case(struct service *s, const struct service_actor *a, jzz_date today, const char *fmt,
         const char *id)
{
	struct service_result r;
	struct jzz_case       c;
	char                  buf[1024];

	snprintf(buf, sizeof buf, fmt, id);
	svctest_case(&c, today, "%s", buf);
	assert_int_equal(service_submit(s, a, &c, today, &r), SERVICE_OK);
	return r.decision.verdict;
}

static void
test_demo_persons(void **state)
{
	const jzz_date        T = D(2026, 11, 27);
	struct service       *s;
	struct service_actor  clerk, super;
	struct service_person p;
	struct service_report rep;
	char                  id[19];
	enum service_login_result lr;

	(void)state;
	s = train_new(T);
	/* the demo accounts log in with the passwords the login screen shows */
	for (size_t i = 0; i < service_demo_naccounts; i++) {
		struct service_actor a;

		lr = service_login(s, service_demo_accounts[i].user, service_demo_accounts[i].password,
		    NULL, 1000, &a, NULL);
		assert_int_equal(lr, SERVICE_LOGIN_OK);
		assert_int_equal(a.role, service_demo_accounts[i].role);
	}
	clerk = svctest_actor(s, "clerk1");
	super = svctest_actor(s, "super1");

	/* 李娜: a permit now is accepted; 王强: REG-3; 马丽: REG-2 */
	demo_idnum("340104", 1992, 7, 19, "317", id);
	assert_int_equal(try_case(s, &clerk, T, "{\"business\":\"permit_new\",\"applicant\":"
	    "{\"id_number\":\"%s\",\"name\":\"李娜\"},\"documents\":[\"id_card\","
	    "\"permit_application_form\"]}", id), VERDICT_ACCEPT);
	demo_idnum("320102", 1988, 3, 2, "415", id);
	assert_int_equal(try_case(s, &clerk, T, "{\"business\":\"permit_new\",\"applicant\":"
	    "{\"id_number\":\"%s\",\"name\":\"王强\"},\"documents\":[\"id_card\","
	    "\"permit_application_form\"]}", id), VERDICT_REFUSE);
	demo_idnum("360102", 1991, 3, 3, "724", id);
	assert_int_equal(try_case(s, &clerk, T, "{\"business\":\"permit_new\",\"applicant\":"
	    "{\"id_number\":\"%s\",\"name\":\"马丽\"},\"documents\":[\"id_card\","
	    "\"permit_application_form\"]}", id), VERDICT_REFUSE);

	/* 吴芳: suspended, 70-odd days past; 赵敏: in her window */
	demo_idnum("370102", 1993, 9, 9, "442", id);
	assert_int_equal(service_person_get(s, &clerk, id, T, &p), SERVICE_OK);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_SUSPENDED);
	assert_true(T - p.permit.valid_until > 60);
	service_person_free(&p);
	demo_idnum("430102", 1985, 1, 12, "268", id);
	assert_int_equal(service_person_get(s, &clerk, id, T, &p), SERVICE_OK);
	assert_true(T >= p.permit.window_opens && T <= p.permit.valid_until);
	service_person_free(&p);
	/* 郑洁: cancelled; 刘小雨: a minor; 宋佳: auto-endorsed, card face old */
	demo_idnum("440106", 1989, 12, 1, "946", id);
	assert_int_equal(service_person_get(s, &clerk, id, T, &p), SERVICE_OK);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_CANCELLED);
	service_person_free(&p);
	demo_idnum("410102", 2016, 4, 18, "026", id);
	assert_int_equal(service_person_get(s, &clerk, id, T, &p), SERVICE_OK);
	assert_true(p.found && p.registration.present);
	service_person_free(&p);
	demo_idnum("130102", 1990, 2, 2, "379", id);
	assert_int_equal(service_person_get(s, &clerk, id, T, &p), SERVICE_OK);
	assert_int_equal(p.permit.state, SERVICE_PERMIT_VALID);
	assert_true(p.card.printed_valid_until < p.permit.valid_until);
	service_person_free(&p);

	/* the supervisor's report as of today shows the standing lists; the
	 * suspensions and the batch's refusals are those of its period: none
	 * of today's, all of the last quarter's */
	assert_int_equal(service_report(s, &super, NULL, T, T, &rep), SERVICE_OK);
	assert_true(rep.noverdue >= 1);       /* 周杰 */
	assert_true(rep.nwindow >= 1);        /* 赵敏 */
	assert_int_equal(rep.nauto_failed, 0); /* the batch ran 30 days ago */
	service_report_free(&rep);
	assert_int_equal(service_report(s, &super, NULL, T - 90, T, &rep), SERVICE_OK);
	assert_true(rep.noverdue >= 1);
	assert_true(rep.nsuspended >= 3);     /* 吴芳, 何军, 林涛 */
	assert_int_equal(rep.nauto_failed, 2); /* 何军 no_phone, 林涛 address_changed */
	service_report_free(&rep);
	/* the replacement fee, with its receipt-book number, 20 days ago */
	assert_int_equal(service_report(s, &super, NULL, T - 20, T - 20, &rep), SERVICE_OK);
	assert_int_equal(rep.nfees, 1);
	assert_int_equal(rep.fees[0].amount_yuan, 20);
	assert_string_equal(rep.fees[0].fee_receipt_no, "NO.0012345");
	service_report_free(&rep);
	service_close(s);
}

/* The k-th application the demo made, in an order of what it wrote (not
 * of its UUIDs or clocks), as one line; "" past the last. */
static void
demo_row(const char *target, long k, char *out, size_t size)
{
	char sql[600];

	snprintf(sql, sizeof sql, "SELECT day || ' ' || centre || ' ' || user_name || ' ' ||"
	    " business || ' ' || decision || ' ' || id_number || ' ' || name || ' ' ||"
	    " coalesce(receipt_no, '') FROM applications ORDER BY day, centre, id_number, business,"
	    " decision LIMIT 1 OFFSET %ld", k);
	testdb_text(target, out, size, sql);
}

/* The demo's recent fortnight: on days among the 14 working days before
 * the demo's day, the home centre's report has dozens of applications by
 * several clerks, refusals and missing documents, fees with their
 * receipt-book numbers and overdue pickup notices, and the neighbours
 * worked too; over the fortnight cards arrived and were handed over, by
 * every kind of business; and the same demo is made every time. */
static void
test_demo_fortnight(void **state)
{
	const jzz_date              T = D(2026, 11, 27);
	const jzz_date              days[] = { D(2026, 11, 12), D(2026, 11, 19), D(2026, 11, 26) };
	struct service             *s;
	struct service_actor        super;
	struct service_report       rep;
	struct service_report_daily daily;
	char                        first[600], again[600], err[512];
	long long                   n;

	(void)state;
	s = train_new(T);
	super = svctest_actor(s, "super1");
	for (size_t i = 0; i < sizeof days / sizeof days[0]; i++) {
		int refused = 0, incomplete = 0, missing = 0, clerks = 0;

		assert_int_equal(service_report(s, &super, NULL, days[i], days[i], &rep), SERVICE_OK);
		assert_true(rep.applications >= 20);
		for (int k = 0; k < BIZ__COUNT; k++) {
			refused += rep.by_business[k][VERDICT_REFUSE];
			incomplete += rep.by_business[k][VERDICT_INCOMPLETE];
		}
		for (int d = 0; d < DOC__COUNT; d++)
			missing += rep.missing_docs[d];
		for (size_t k = 0; k < rep.nclerks; k++)
			if (strncmp(rep.by_clerk[k].key, "clerk", 5) == 0 && rep.by_clerk[k].applications > 0)
				clerks++;
		assert_true(clerks >= 3);
		assert_true(refused >= 1);
		assert_true(incomplete >= 1 && missing >= 1);
		assert_true(rep.fees_yuan >= 20 && rep.nfees >= 1);
		assert_true(rep.fees[0].fee_receipt_no[0] != '\0');
		assert_true(rep.noverdue >= 1);
		service_report_free(&rep);
		/* the contract's daily figures agree */
		assert_int_equal(service_report_daily(s, &super, NULL, days[i], &daily), SERVICE_OK);
		assert_true(daily.applications >= 20);
		assert_true(daily.fees_yuan >= 20);
		assert_true(daily.overdue_notices >= 1);
		/* the centres beside it worked that day too */
		assert_int_equal(service_report(s, &super, SERVICE_REPORT_ALL, days[i], days[i], &rep),
		    SERVICE_OK);
		assert_int_equal(rep.ncentres, 3);
		for (size_t k = 0; k < rep.ncentres; k++)
			assert_true(rep.by_centre[k].applications >= 5);
		assert_true(rep.nclerks >= 5);
		service_report_free(&rep);
	}
	/* the fortnight: cards in and out, every kind of business */
	assert_int_equal(service_report(s, &super, SERVICE_REPORT_ALL, D(2026, 11, 9), D(2026, 11, 26),
	    &rep), SERVICE_OK);
	assert_true(rep.applications >= 400);
	assert_true(rep.cards_received >= 20 && rep.cards_handed >= 20);
	assert_true(rep.fast_track >= 1 && rep.cod_fees_yuan > 0);
	for (int k = 0; k < BIZ__COUNT; k++)
		if (k != BIZ_CARD_UPDATE)
			assert_true(rep.by_business[k][VERDICT_ACCEPT] > 0);
	service_report_free(&rep);
	/* nothing on the demo's day itself: the trainees' day starts empty */
	assert_int_equal(service_report_daily(s, &super, NULL, T, &daily), SERVICE_OK);
	assert_int_equal(daily.applications, 0);
	service_close(s);

	/* made again for the same day: the same records */
	snprintf(first, sizeof first, "%s", train_db);
	testdb_make(again, sizeof again, svctest_dir, "training2.db");
	if (service_init_training(again, "310105009", JZZ_SOURCE_DATADIR "/holidays", T, err,
	    sizeof err) != SERVICE_OK)
		fail_msg("init_training: %s", err);
	n = testdb_count(first, "SELECT count(*) FROM applications");
	assert_true(n > 1000);
	assert_int_equal(testdb_count(again, "SELECT count(*) FROM applications"), n);
	for (long k = 0; k < n; k += n / 12) {
		char a[512], b[512];

		demo_row(first, k, a, sizeof a);
		demo_row(again, k, b, sizeof b);
		assert_true(a[0] != '\0');
		assert_string_equal(a, b);
	}
}

static void
test_day_and_reset(void **state)
{
	const jzz_date        T = D(2026, 11, 27);
	struct service       *s;
	struct service_actor  clerk, trainer;
	struct service_result r;
	struct service_audit_check chk;
	struct jzz_case       c;
	char                  id[19];
	long long             apps;

	(void)state;
	s = train_new(T);
	clerk = svctest_actor(s, "clerk1");
	trainer = svctest_actor(s, "trainer1");
	assert_int_equal(service_training_set_day(s, &clerk, D(2027, 3, 1)), SERVICE_ERR_DENIED);
	assert_int_equal(service_training_set_day(s, &trainer, D(2027, 3, 1)), SERVICE_OK);
	assert_int_equal(service_work_day(s, T), D(2027, 3, 1));
	/* a case with no day is done on the trainer's day */
	svctest_idnum(3, id);
	svctest_case(&c, T, REG_CASE(id));
	c.today = JZZ_DATE_NONE;
	assert_int_equal(service_submit(s, &clerk, &c, JZZ_DATE_NONE, &r), SERVICE_OK);
	assert_int_equal(r.decision.verdict, VERDICT_ACCEPT);
	assert_non_null(strstr(r.receipt_no, "-20270301-"));
	/* the trainer writes no businesses */
	svctest_case(&c, T, REG_CASE(id));
	assert_int_equal(service_submit(s, &trainer, &c, T, &r), SERVICE_ERR_DENIED);

	snprintf(svctest_db, sizeof svctest_db, "%s", train_db);   /* svctest_count reads it */
	apps = svctest_count("SELECT count(*) FROM applications");
	assert_int_equal(service_training_reset(s, &clerk, T), SERVICE_ERR_DENIED);
	assert_int_equal(service_training_reset(s, &trainer, T), SERVICE_OK);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), apps - 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM persons WHERE id_number = '%s'", id), 0);
	assert_int_equal(service_work_day(s, T), T);
	/* the day the data was made around stays the day of work for all */
	assert_int_equal(service_work_day(s, D(2000, 1, 1)), T);
	assert_int_equal(svctest_count("SELECT count(*) FROM users WHERE name <> 'owner'"),
	    (long long)service_demo_naccounts);
	assert_int_equal(service_audit_verify(s, &trainer, 0, NULL, &chk), SERVICE_ERR_DENIED);
	trainer = svctest_actor(s, "super1");
	assert_int_equal(service_audit_verify(s, &trainer, 0, NULL, &chk), SERVICE_OK);
	assert_true(chk.ok);
	service_close(s);
	testdb_target(svctest_db, sizeof svctest_db, svctest_dir, "jzz.db");

	/* production: no training day, no reset */
	s = svctest_new();
	trainer = svctest_actor(s, NULL);
	assert_int_equal(service_training_set_day(s, &trainer, T), SERVICE_ERR_DENIED);
	assert_int_equal(service_training_reset(s, &trainer, T), SERVICE_ERR_DENIED);
	assert_int_equal(service_work_day(s, T), T);
	service_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_modes_refused, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_demo_persons, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_demo_fortnight, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_day_and_reset, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
