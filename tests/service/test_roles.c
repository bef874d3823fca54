/*
 * test_roles.c: the policy of roles walked whole. For every act of the
 * service's table (service_actor.c) and every public function that does it,
 * each role is tried through that function: refused (SERVICE_ERR_DENIED,
 * with the act's own message) when the table leaves the role out of the
 * act's row, let past the role check when it names it. The owner acts as an
 * admin, and alone may seed.
 *
 * The calls are made so that, once past the role check, they stop at their
 * arguments or the records (an empty name, no such ID number, no such
 * file) and write nothing: the same call serves every role.
 */
#include "svctest.h"

#include "jzz/paper.h"
#include "jzz/store_seed.h"
#include "service_internal.h"

#define ROLE_DAY D(2026, 3, 2)
#define ROLE_NOW ((time_t)1772409600)   /* 2026-03-02 */
#define ROLE_NOBODY "110101199003070000"   /* not a valid ID number */

typedef enum service_status role_fn(struct service *s, const struct service_actor *a);

static enum service_status
call_search(struct service *s, const struct service_actor *a)
{
	struct service_person_hits h;
	enum service_status        st = service_person_search(s, a, "无此人", ROLE_DAY, &h);

	service_person_hits_free(&h);
	return st;
}

static enum service_status
call_receipt(struct service *s, const struct service_actor *a)
{
	struct service_app_ref r;

	return service_application_by_receipt(s, a, "310105009-20260302-9999", &r);
}

static enum service_status
call_day(struct service *s, const struct service_actor *a)
{
	struct service_app_list l;
	enum service_status     st = service_applications_day(s, a, false, ROLE_DAY, &l);

	service_app_list_free(&l);
	return st;
}

static enum service_status
call_fee_receipt(struct service *s, const struct service_actor *a)
{
	bool used;

	return service_fee_receipt_used(s, a, "F-0001", &used);
}

static enum service_status
call_person(struct service *s, const struct service_actor *a)
{
	struct service_person p;
	enum service_status   st = service_person_get(s, a, ROLE_NOBODY, ROLE_DAY, &p);

	service_person_free(&p);
	return st;
}

static enum service_status
call_status(struct service *s, const struct service_actor *a)
{
	struct service_status_info i;

	return service_status_query(s, a, ROLE_NOBODY, "无此人", ROLE_DAY, &i);
}

static enum service_status
call_queue(struct service *s, const struct service_actor *a)
{
	struct service_queue q;
	enum service_status  st = service_queue_get(s, a, SERVICE_QUEUE_CARDS_RECEIVED, ROLE_DAY, &q);

	service_queue_free(&q);
	return st;
}

static enum service_status
call_address(struct service *s, const struct service_actor *a)
{
	struct service_address ad;

	return service_address_on(s, a, ROLE_NOBODY, ROLE_DAY, &ad);
}

static enum service_status
call_roads(struct service *s, const struct service_actor *a)
{
	struct service_road_list l;
	enum service_status      st = service_roads(s, a, NULL, "无此路", 5, &l);

	service_road_list_free(&l);
	return st;
}

/* A case of another business: refused as INVALID once past the roles. */
static enum service_status
call_business(struct service *s, const struct service_actor *a)
{
	struct service_result r;
	struct jzz_case       c;

	svctest_case(&c, ROLE_DAY, "{\"business\":\"pickup\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"}}", ROLE_NOBODY);
	return service_registration(s, a, &c, ROLE_DAY, &r);
}

static enum service_status
call_submit(struct service *s, const struct service_actor *a)
{
	struct service_result r;
	struct jzz_case       c;

	/* no day of work: INVALID once past the roles */
	svctest_case(&c, ROLE_DAY, "{\"business\":\"pickup\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"}}", ROLE_NOBODY);
	c.today = JZZ_DATE_NONE;
	return service_submit(s, a, &c, JZZ_DATE_NONE, &r);
}

static enum service_status
call_cancellation(struct service *s, const struct service_actor *a)
{
	struct service_result r;
	struct jzz_case       c;

	svctest_case(&c, ROLE_DAY, "{\"business\":\"pickup\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"测试\"}}", ROLE_NOBODY);
	return service_cancellation(s, a, &c, ROLE_DAY, SERVICE_CANCEL_NOT_RESIDENT, "note", &r);
}

static enum service_status
call_card_received(struct service *s, const struct service_actor *a)
{
	return service_card_received(s, a, ROLE_NOBODY, ROLE_DAY, NULL);
}

static enum service_status
call_card_posted(struct service *s, const struct service_actor *a)
{
	return service_card_posted(s, a, ROLE_NOBODY, ROLE_DAY, NULL);
}

static enum service_status
call_card_notified(struct service *s, const struct service_actor *a)
{
	return service_card_notified(s, a, ROLE_NOBODY, ROLE_DAY);
}

static enum service_status
call_sms_sent(struct service *s, const struct service_actor *a)
{
	return service_sms_sent(s, a, 1, JZZ_DATE_NONE);
}

static enum service_status
call_sms_pending(struct service *s, const struct service_actor *a)
{
	struct service_sms_list l;
	enum service_status     st = service_sms_pending(s, a, &l);

	service_sms_list_free(&l);
	return st;
}

static enum service_status
call_paper_receipt(struct service *s, const struct service_actor *a)
{
	struct service_paper_facts f;

	return service_paper_receipt_facts(s, a, "310105009-20260302-9999", ROLE_DAY, &f);
}

static enum service_status
call_paper_application(struct service *s, const struct service_actor *a)
{
	struct service_paper_facts f;

	return service_paper_application_facts(s, a, "", ROLE_DAY, &f);
}

static enum service_status
call_report(struct service *s, const struct service_actor *a)
{
	struct service_report r;

	return service_report(s, a, NULL, ROLE_DAY, ROLE_DAY - 1, &r);
}

static enum service_status
call_report_daily(struct service *s, const struct service_actor *a)
{
	struct service_report_daily d;

	return service_report_daily(s, a, NULL, JZZ_DATE_NONE, &d);
}

static enum service_status
call_batch(struct service *s, const struct service_actor *a)
{
	struct service_batch_result r;

	return service_batch_auto_endorse(s, a, JZZ_DATE_NONE, &r);
}

static enum service_status
call_audit_verify(struct service *s, const struct service_actor *a)
{
	struct service_audit_check c;

	return service_audit_verify(s, a, 0, NULL, &c);
}

static enum service_status
call_audit_head(struct service *s, const struct service_actor *a)
{
	long long seq;
	char      mac[80];

	return service_audit_head(s, a, &seq, mac);
}

static enum service_status
call_backup(struct service *s, const struct service_actor *a)
{
	return service_backup(s, a, "");
}

static enum service_status
call_calendar(struct service *s, const struct service_actor *a)
{
	int year;

	return service_calendar_import(s, a, NULL, 0, &year);
}

static enum service_status
call_user_add(struct service *s, const struct service_actor *a)
{
	char out[64];

	return service_user_add(s, a, "", SERVICE_ROLE_CLERK, NULL, NULL, out, sizeof out);
}

static enum service_status
call_user_disable(struct service *s, const struct service_actor *a)
{
	return service_user_disable(s, a, "", ROLE_NOW);
}

static enum service_status
call_user_enable(struct service *s, const struct service_actor *a)
{
	return service_user_enable(s, a, "", ROLE_NOW);
}

static enum service_status
call_user_reset(struct service *s, const struct service_actor *a)
{
	char out[64];

	return service_user_reset(s, a, "nobody-here", ROLE_NOW, "short", out, sizeof out);
}

static enum service_status
call_users_list(struct service *s, const struct service_actor *a)
{
	struct service_user_list l;
	enum service_status      st = service_users_list(s, a, ROLE_NOW, &l);

	service_user_list_free(&l);
	return st;
}

static enum service_status
call_setting(struct service *s, const struct service_actor *a)
{
	return service_setting_set(s, a, "idle_minutes", "0", ROLE_NOW);
}

/* A rehearsal database: past the roles, "on a training database only". */
static enum service_status
call_training_day(struct service *s, const struct service_actor *a)
{
	return service_training_set_day(s, a, ROLE_DAY);
}

static enum service_status
call_training_reset(struct service *s, const struct service_actor *a)
{
	return service_training_reset(s, a, ROLE_DAY);
}

static enum service_status
call_setting_work_day(struct service *s, const struct service_actor *a)
{
	return service_setting_set(s, a, "work_day", "", ROLE_NOW);
}

/* Past the owner check: no district of -1 persons. */
static enum service_status
call_seed(struct service *s, const struct service_actor *a)
{
	struct store_seed_opts  o;
	struct store_seed_stats st;

	memset(&o, 0, sizeof o);
	o.persons = -1;
	o.years = 0;
	o.today = ROLE_DAY;
	return service_seed(s, a, &o, &st);
}

static const struct role_call {
	enum service_act act;
	const char      *name;
	role_fn         *fn;
} role_calls[] = {
	{ SERVICE_ACT_LOOK, "person_search", call_search },
	{ SERVICE_ACT_LOOK, "application_by_receipt", call_receipt },
	{ SERVICE_ACT_LOOK, "applications_day", call_day },
	{ SERVICE_ACT_LOOK, "fee_receipt_used", call_fee_receipt },
	{ SERVICE_ACT_LOOK, "person_get", call_person },
	{ SERVICE_ACT_LOOK, "status_query", call_status },
	{ SERVICE_ACT_LOOK, "queue_get", call_queue },
	{ SERVICE_ACT_LOOK, "address_on", call_address },
	{ SERVICE_ACT_LOOK, "roads", call_roads },
	{ SERVICE_ACT_BUSINESS, "registration", call_business },
	{ SERVICE_ACT_BUSINESS, "submit", call_submit },
	{ SERVICE_ACT_CANCEL, "cancellation", call_cancellation },
	{ SERVICE_ACT_WRITE, "card_received", call_card_received },
	{ SERVICE_ACT_WRITE, "card_posted", call_card_posted },
	{ SERVICE_ACT_WRITE, "card_notified", call_card_notified },
	{ SERVICE_ACT_WRITE, "sms_sent", call_sms_sent },
	{ SERVICE_ACT_SMS, "sms_pending", call_sms_pending },
	{ SERVICE_ACT_PAPER, "paper_receipt_facts", call_paper_receipt },
	{ SERVICE_ACT_PAPER, "paper_application_facts", call_paper_application },
	{ SERVICE_ACT_REPORT, "report", call_report },
	{ SERVICE_ACT_REPORT, "report_daily", call_report_daily },
	{ SERVICE_ACT_BATCH, "batch_auto_endorse", call_batch },
	{ SERVICE_ACT_AUDIT, "audit_verify", call_audit_verify },
	{ SERVICE_ACT_AUDIT, "audit_head", call_audit_head },
	{ SERVICE_ACT_BACKUP, "backup", call_backup },
	{ SERVICE_ACT_CALENDAR, "calendar_import", call_calendar },
	{ SERVICE_ACT_USER_ADD, "user_add", call_user_add },
	{ SERVICE_ACT_ACCOUNTS, "user_disable", call_user_disable },
	{ SERVICE_ACT_ACCOUNTS, "user_enable", call_user_enable },
	{ SERVICE_ACT_ACCOUNTS, "user_reset", call_user_reset },
	{ SERVICE_ACT_ACCOUNTS, "users_list", call_users_list },
	{ SERVICE_ACT_SETTINGS, "setting_set idle_minutes", call_setting },
	{ SERVICE_ACT_TRAINING, "training_set_day", call_training_day },
	{ SERVICE_ACT_TRAINING, "training_reset", call_training_reset },
	{ SERVICE_ACT_TRAINING, "setting_set work_day", call_setting_work_day },
	{ SERVICE_ACT_SEED, "seed", call_seed },
};
#define NCALLS (sizeof role_calls / sizeof role_calls[0])

/* Whether the call was refused for the role check of `act`: DENIED with
 * the message of its row, or of the act it is within when the role may not
 * do that one (a trainer's cancellation is refused as a business). */
static bool
role_refused(struct service *s, enum service_status st, const struct service_actor *a,
             enum service_act act)
{
	const struct service_act_rule *r = service_act_rule(act);
	char                           want[SERVICE_ERR_LEN];

	if (r->within != act && !service_role_may(a->role, r->within))
		r = service_act_rule(r->within);
	if (r->names_role)
		snprintf(want, sizeof want, "%s %s", service_role_code(a->role), r->denied);
	else
		snprintf(want, sizeof want, "%s", r->denied);
	return st == SERVICE_ERR_DENIED && strcmp(service_errmsg(s), want) == 0;
}

static void
test_every_act_every_role(void **state)
{
	struct service      *s = svctest_new();
	struct service_actor admin = svctest_actor(s, NULL), owner = svctest_owner(s);
	struct service_actor as[SERVICE_ROLE__COUNT];
	static const char *const users[SERVICE_ROLE__COUNT] = {
		[SERVICE_ROLE_CLERK] = "clerk1", [SERVICE_ROLE_SUPERVISOR] = "super1",
		[SERVICE_ROLE_TRAINER] = "trainer1", [SERVICE_ROLE_ADMIN] = "admin2",
	};
	int                  refused = 0, allowed = 0;

	(void)state;
	for (int r = 0; r < SERVICE_ROLE__COUNT; r++) {
		svctest_user(s, &admin, users[r], (enum service_role)r, NULL, "Role-Walk-Pass-2026");
		as[r] = svctest_actor(s, users[r]);
		assert_int_equal(as[r].role, r);
	}
	/* every act is done by some public function here */
	for (int act = 0; act < SERVICE_ACT__COUNT; act++) {
		bool seen = false;

		for (size_t i = 0; i < NCALLS; i++)
			seen = seen || role_calls[i].act == (enum service_act)act;
		if (!seen)
			fail_msg("act %d has no call in role_calls", act);
		assert_true(act == SERVICE_ACT_LOOK ||
		    service_act_rule((enum service_act)act)->denied[0] != '\0');
	}
	for (size_t i = 0; i < NCALLS; i++) {
		const struct role_call *c = &role_calls[i];

		for (int r = 0; r < SERVICE_ROLE__COUNT; r++) {
			bool                may = service_role_may((enum service_role)r, c->act) &&
			    !service_act_rule(c->act)->owner_only;
			enum service_status st = c->fn(s, &as[r]);
			bool                no = role_refused(s, st, &as[r], c->act);

			if (no == may)
				fail_msg("%s as %s: %s (%s), the table says %s", c->name, users[r],
				    service_status_code(st), service_errmsg(s), may ? "allowed" : "refused");
			no ? refused++ : allowed++;
		}
		/* the owner acts as an admin, and is the one the owner-only acts want */
		if (role_refused(s, c->fn(s, &owner), &owner, c->act))
			fail_msg("%s as the owner: %s", c->name, service_errmsg(s));
	}
	/* both answers were seen: the walk proved something either way */
	assert_true(refused > 0 && allowed > 0);
	service_close(s);
}

/* What service.h promises of the roles, against the table: trainers write
 * nothing (they look up, and run a training database), administrators may
 * every act but the owner's. */
static void
test_policy_promises(void **state)
{
	(void)state;
	for (int act = 0; act < SERVICE_ACT__COUNT; act++) {
		enum service_act a = (enum service_act)act;

		assert_true(service_role_may(SERVICE_ROLE_ADMIN, a));
		assert_int_equal(service_role_may(SERVICE_ROLE_TRAINER, a),
		    a == SERVICE_ACT_LOOK || a == SERVICE_ACT_TRAINING);
		if (service_role_may(SERVICE_ROLE_CLERK, a))
			assert_true(service_role_may(SERVICE_ROLE_SUPERVISOR, a));
	}
	assert_false(service_role_may(SERVICE_ROLE_CLERK, SERVICE_ACT_CANCEL));
	assert_false(service_role_may(SERVICE_ROLE_TRAINER, SERVICE_ACT_CANCEL));
	assert_true(service_act_rule(SERVICE_ACT_SEED)->owner_only);
	assert_false(service_role_may(SERVICE_ROLE__COUNT, SERVICE_ACT_LOOK));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_act_every_role, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test(test_policy_promises),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
