/*
 * test_record.c: the whole record of an application (schema v6): the
 * addresses a business brings and their history, the agent, the postal
 * address; the street checked against the database's centres; the
 * look-ups (by name, by receipt, the day's applications); PERMIT-3's
 * overdue notice for a holder without a phone and the notice given by
 * phone; the SMS outbox through `jzz sms`; a submit named by the
 * terminal's request_id, sent twice.
 *
 * Every check reads back through the service functions the terminal and
 * the commands call, and where it matters what was written, the rows
 * themselves by SQL.
 */
#include <sys/wait.h>

#include "clitest.h"
#include "jzz/paper.h"

#define ADDR(street, road, number) \
	"{\"district\":\"310105\",\"street\":\"" street "\",\"road\":\"" road "\"," \
	"\"number\":\"" number "\"}"

/* A registration of `id` named `name` living at `addr` (JSON). */
#define REG_AT(id, name, phone, addr) \
	"{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\"%s}," \
	"\"housing\":{\"tenure\":\"rent\",\"address\":%s}," \
	"\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", \
	(id), (name), (phone), (addr)

static void
test_record_registration_and_change(void **state)
{
	struct service         *s = svctest_new();
	struct service_actor    a = svctest_actor(s, NULL);
	struct service_result   r;
	struct service_person   p;
	struct service_address  on;
	char                    id[19], reg_app[SERVICE_UUID_LEN];

	(void)state;
	svctest_idnum(1, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "陈静", "",
	    "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"仙霞路\",\"lane\":\"99\","
	    "\"number\":\"12\",\"room\":\"301\"}")), VERDICT_ACCEPT);
	snprintf(reg_app, sizeof reg_app, "%s", r.application_id);
	assert_int_equal(service_person_get(s, &a, id, D(2026, 1, 5), &p), SERVICE_OK);
	assert_true(p.has_address);
	assert_int_equal(p.naddresses, 1);
	assert_string_equal(p.address_now.text, "仙霞路99弄12号301室");
	assert_string_equal(p.address_now.street_name, "虹桥街道");
	assert_string_equal(p.address_now.application_id, reg_app);
	assert_int_equal(p.address_now.valid_from, D(2026, 1, 5));
	service_person_free(&p);

	/* a change of address reported on 03-02 for 03-01 */
	assert_int_equal(svctest_submit(s, &a, D(2026, 3, 2), &r,
	    "{\"business\":\"info_change\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"陈静\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"lease_filing_certificate\"],"
	    "\"change\":{\"field\":\"address\",\"changed_on\":\"2026-03-01\",\"address\":"
	    ADDR("310105102", "新泾路", "8") "}}", id), VERDICT_ACCEPT);
	assert_int_equal(service_person_get(s, &a, id, D(2026, 3, 2), &p), SERVICE_OK);
	assert_int_equal(p.naddresses, 2);
	assert_string_equal(p.address_now.text, "新泾路8号");
	assert_string_equal(p.address_now.street_name, "新泾镇");
	assert_string_equal(p.addresses[1].text, "仙霞路99弄12号301室");   /* latest first */
	assert_string_equal(p.address, "新泾路8号");
	service_person_free(&p);
	/* the address of each day stays answerable */
	assert_int_equal(service_address_on(s, &a, id, D(2026, 2, 28), &on), SERVICE_OK);
	assert_string_equal(on.text, "仙霞路99弄12号301室");
	assert_int_equal(service_address_on(s, &a, id, D(2026, 3, 1), &on), SERVICE_OK);
	assert_string_equal(on.text, "新泾路8号");
	assert_int_equal(service_address_on(s, &a, id, D(2026, 1, 4), &on), SERVICE_ERR_NOT_FOUND);
	/* and the change row has both texts and its day */
	assert_int_equal(svctest_count("SELECT count(*) FROM changes WHERE field = 'address'"
	    " AND changed_on = '2026-03-01' AND old_value = '仙霞路99弄12号301室'"
	    " AND new_value = '新泾路8号'"), 1);
	service_close(s);
}

/* A street the database does not know: refused, nothing written. */
static void
test_record_unknown_street(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct jzz_case       c;
	char                  id[19];

	(void)state;
	svctest_idnum(2, id);
	svctest_case(&c, D(2026, 1, 5), REG_AT(id, "陈静", "", ADDR("310105099", "仙霞路", "1")));
	assert_int_equal(service_submit(s, &a, &c, D(2026, 1, 5), &r), SERVICE_ERR_INVALID);
	assert_non_null(strstr(service_errmsg(s), "housing.address.street"));
	/* a street of another district is not inside one the database lists either */
	svctest_case(&c, D(2026, 1, 5), REG_AT(id, "陈静", "",
	    "{\"district\":\"310104\",\"street\":\"310104003\",\"road\":\"r\",\"number\":\"1\"}"));
	assert_int_equal(service_submit(s, &a, &c, D(2026, 1, 5), &r), SERVICE_ERR_INVALID);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 0);
	assert_int_equal(svctest_count("SELECT count(*) FROM addresses"), 0);
	/* the same address with a known street is accepted */
	svctest_case(&c, D(2026, 1, 5), REG_AT(id, "陈静", "", ADDR("310105001", "仙霞路", "1")));
	assert_int_equal(service_submit(s, &a, &c, D(2026, 1, 5), &r), SERVICE_OK);
	assert_int_equal(svctest_count("SELECT count(*) FROM addresses"), 1);
	service_close(s);
}

/* A permit and an endorsement with address_changed record the new address
 * (ENDO-4: the change with its new value and day, not an empty one). */
static void
test_record_permit_and_endorsement(void **state)
{
	char lit[64];
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19];
	jzz_date              until, day;
	char                  dstr[JZZ_DATE_STRLEN];

	(void)state;
	svctest_idnum(3, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "王芳", "",
	    ADDR("310105009", "仙霞路", "1"))), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r,
	    "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"王芳\"},"
	    "\"address_changed\":true,\"housing\":{\"tenure\":\"rent\",\"address\":"
	    ADDR("310105005", "天山路", "2") "},\"documents\":[\"id_card\","
	    "\"permit_application_form\",\"lease_filing_certificate\"]}", id), VERDICT_ACCEPT);
	assert_int_equal(service_person_get(s, &a, id, D(2026, 7, 6), &p), SERVICE_OK);
	assert_int_equal(p.naddresses, 2);
	assert_string_equal(p.address_now.text, "天山路2号");
	assert_int_equal(p.address_now.valid_from, D(2026, 7, 6));
	until = p.permit.valid_until;
	service_person_free(&p);

	day = until - 10;
	date_format(day, dstr);
	assert_int_equal(svctest_submit(s, &a, day, &r,
	    "{\"business\":\"endorsement\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"王芳\"},"
	    "\"address_changed\":true,\"housing\":{\"tenure\":\"rent\",\"address\":"
	    ADDR("310105011", "北渔路", "3") "},\"documents\":[\"id_card\","
	    "\"lease_filing_certificate\"]}", id), VERDICT_ACCEPT);
	assert_int_equal(svctest_count("SELECT count(*) FROM changes WHERE field = 'address'"
	    " AND application_id = %s AND changed_on = '%s' AND old_value = '天山路2号'"
	    " AND new_value = '北渔路3号'", testdb_id_lit(lit, sizeof lit, r.application_id), dstr),
	    1);
	assert_int_equal(service_person_get(s, &a, id, day, &p), SERVICE_OK);
	assert_int_equal(p.naddresses, 3);
	assert_string_equal(p.address_now.text, "北渔路3号");
	assert_string_equal(p.address_now.application_id, r.application_id);
	service_person_free(&p);
	service_close(s);
}

/* The agent's kind, name and ID number are kept on the application; the
 * history shows the name and the masked number. The postal address goes
 * with the card. */
static void
test_record_agent_and_post(void **state)
{
	char lit[64];
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	struct service_person p;
	char                  id[19], agent[19], masked[19];

	(void)state;
	/* a disabled applicant represented by his son (AGENT-2) */
	svctest_idnum(4, id);
	svctest_idnum(905, agent);
	idnum_mask(agent, masked);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"赵强\","
	    "\"disabled\":true},\"agent\":{\"kind\":\"relative\",\"relation\":\"son\","
	    "\"id_number\":\"%s\",\"name\":\"赵小强\"},\"housing\":{\"tenure\":\"rent\",\"address\":"
	    ADDR("310105009", "仙霞路", "5") "},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\",\"agent_id\",\"power_of_attorney\","
	    "\"disability_certificate\"]}", id, agent), VERDICT_ACCEPT);
	assert_int_equal(svctest_count("SELECT count(*) FROM application_agents WHERE"
	    " application_id = %s AND kind = 'relative' AND relation = 'son' AND name = '赵小强'"
	    " AND id_number = '%s'", testdb_id_lit(lit, sizeof lit, r.application_id), agent), 1);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r,
	    "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"赵强\","
	    "\"disabled\":true},\"delivery\":{\"method\":\"post\",\"address\":\"上海市长宁区仙霞路5号\"},"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", id), VERDICT_ACCEPT);
	assert_int_equal(service_person_get(s, &a, id, D(2026, 7, 6), &p), SERVICE_OK);
	assert_int_equal(p.nhistory, 2);
	assert_string_equal(p.history[0].agent_kind, "");             /* the permit: in person */
	assert_string_equal(p.history[1].agent_kind, "relative");
	assert_string_equal(p.history[1].agent_name, "赵小强");
	assert_string_equal(p.history[1].agent_id_masked, masked);
	assert_true(p.card.present);
	assert_int_equal(p.card.delivery, DELIVERY_POST);
	assert_string_equal(p.card.delivery_address, "上海市长宁区仙霞路5号");
	service_person_free(&p);
	service_close(s);
}

/* Roads by prefix: distinct, in order, the index's range (a % is a
 * character, not a wildcard). */
static void
test_record_roads(void **state)
{
	struct service          *s = svctest_new();
	struct service_actor     a = svctest_actor(s, NULL);
	struct service_result    r;
	struct service_road_list l;
	char                     id[19];
	static const char *const roads[] = { "仙霞路", "仙霞西路", "仙霞路", "新泾路", "天山路" };

	(void)state;
	for (int i = 0; i < 5; i++) {
		char addr[256];

		svctest_idnum(10 + i, id);
		snprintf(addr, sizeof addr, "{\"district\":\"310105\",\"street\":\"310105009\","
		    "\"road\":\"%s\",\"number\":\"%d\"}", roads[i], i + 1);
		assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "测试", "", addr)),
		    VERDICT_ACCEPT);
	}
	assert_int_equal(service_roads(s, &a, "310105", "仙霞", 10, &l), SERVICE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0], "仙霞西路");   /* byte order: 西 (E8 A5 BF) < 路 (E8 B7 AF) */
	assert_string_equal(l.items[1], "仙霞路");
	service_road_list_free(&l);
	assert_int_equal(service_roads(s, &a, NULL, "", 10, &l), SERVICE_OK);
	assert_int_equal(l.n, 4);
	service_road_list_free(&l);
	assert_int_equal(service_roads(s, &a, NULL, "", 2, &l), SERVICE_OK);
	assert_int_equal(l.n, 2);
	service_road_list_free(&l);
	assert_int_equal(service_roads(s, &a, "310104", "仙", 10, &l), SERVICE_OK);
	assert_int_equal(l.n, 0);
	service_road_list_free(&l);
	assert_int_equal(service_roads(s, &a, NULL, "%", 10, &l), SERVICE_OK);
	assert_int_equal(l.n, 0);
	service_road_list_free(&l);
	service_close(s);
}

/* Namesakes by birth date and masked number; a receipt; the day's lists. */
static void
test_record_lookups(void **state)
{
	struct service            *s = svctest_new();
	struct service_actor       a = svctest_actor(s, NULL), clerk;
	struct service_result      r;
	struct service_person_hits h;
	struct service_app_ref     ref;
	struct service_app_list    l;
	char                       id1[19], id2[19], id3[19], receipt[SERVICE_RECEIPT_LEN];

	(void)state;
	svctest_idnum(2000, id1);     /* born later */
	svctest_idnum(20, id2);
	svctest_idnum(21, id3);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id1, "张伟", "",
	    ADDR("310105009", "仙霞路", "1"))), VERDICT_ACCEPT);
	snprintf(receipt, sizeof receipt, "%s", r.receipt_no);
	svctest_user(s, &a, "clerk2", SERVICE_ROLE_CLERK, "310105009", "Test-Pass-2026x");
	clerk = svctest_actor(s, "clerk2");
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 1, 5), &r, REG_AT(id2, "张伟", "",
	    ADDR("310105002", "江苏路", "2"))), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &clerk, D(2026, 1, 5), &r, REG_AT(id3, "李娜", "",
	    ADDR("310105002", "江苏路", "3"))), VERDICT_ACCEPT);

	assert_int_equal(service_person_search(s, &a, " 张伟　", D(2026, 1, 5), &h), SERVICE_OK);
	assert_int_equal(h.n, 2);
	assert_string_equal(h.items[0].id_number, id2);   /* the elder first */
	assert_string_equal(h.items[1].id_number, id1);
	assert_true(h.items[0].birth < h.items[1].birth);
	assert_string_not_equal(h.items[0].id_masked, h.items[1].id_masked);
	assert_non_null(strchr(h.items[0].id_masked, '*'));
	assert_string_equal(h.items[0].address, "江苏路街道江苏路2号");
	service_person_hits_free(&h);
	assert_int_equal(service_person_search(s, &a, "张", D(2026, 1, 5), &h), SERVICE_OK);
	assert_int_equal(h.n, 0);
	service_person_hits_free(&h);
	assert_int_equal(service_person_search(s, &a, "  ", D(2026, 1, 5), &h), SERVICE_ERR_INVALID);

	assert_int_equal(service_application_by_receipt(s, &a, receipt, &ref), SERVICE_OK);
	assert_string_equal(ref.id_number, id1);
	assert_string_equal(ref.name, "张伟");
	assert_int_equal(ref.business, BIZ_REGISTRATION);
	assert_int_equal(service_application_by_receipt(s, &a, "310105009-20260105-0099", &ref),
	    SERVICE_ERR_NOT_FOUND);

	assert_int_equal(service_applications_day(s, &clerk, true, D(2026, 1, 5), &l), SERVICE_OK);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.items[0].name, "张伟");
	assert_string_equal(l.items[1].name, "李娜");
	service_app_list_free(&l);
	assert_int_equal(service_applications_day(s, &clerk, false, D(2026, 1, 5), &l), SERVICE_OK);
	assert_int_equal(l.n, 3);
	service_app_list_free(&l);
	assert_int_equal(service_applications_day(s, &clerk, false, D(2026, 1, 6), &l), SERVICE_OK);
	assert_int_equal(l.n, 0);
	service_app_list_free(&l);
	service_close(s);
}

/* PERMIT-3: a holder without a phone gets no SMS, and their notice is
 * overdue all the same two working days after the card arrived, until a
 * clerk marks it given by phone. */
static void
test_record_overdue_without_phone(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL);
	struct service_result       r;
	struct service_card_info    card;
	struct service_report_daily d;
	struct service_queue        q;
	struct service_report       rep;
	char                        id[19];
	jzz_date                    ready, late;

	(void)state;
	svctest_idnum(30, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "何军", "",
	    ADDR("310105009", "仙霞路", "1"))), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_int_equal(service_card_received(s, &a, id, ready, &card), SERVICE_OK);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox"), 0);   /* no phone */
	late = card.notice_due_on + 1;

	assert_int_equal(service_report_daily(s, &a, NULL, late, &d), SERVICE_OK);
	assert_int_equal(d.overdue_notices, 1);
	assert_int_equal(service_queue_get(s, &a, SERVICE_QUEUE_CARDS_RECEIVED, late, &q), SERVICE_OK);
	assert_int_equal(q.n, 1);
	assert_true(q.items[0].overdue);
	service_queue_free(&q);
	assert_int_equal(service_report(s, &a, NULL, late, late, &rep), SERVICE_OK);
	assert_int_equal(rep.noverdue, 1);
	service_report_free(&rep);
	/* on its due day it is not late yet */
	assert_int_equal(service_report_daily(s, &a, NULL, card.notice_due_on, &d), SERVICE_OK);
	assert_int_equal(d.overdue_notices, 0);

	/* told by phone: no longer overdue; only once per card */
	assert_int_equal(service_card_notified(s, &a, id, late), SERVICE_OK);
	assert_int_equal(service_card_notified(s, &a, id, late), SERVICE_OK);
	assert_int_equal(svctest_count("SELECT count(*) FROM card_notices"), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action ="
	    " 'pickup_notice_phone'"), 2);
	assert_int_equal(service_report_daily(s, &a, NULL, late, &d), SERVICE_OK);
	assert_int_equal(d.overdue_notices, 0);
	assert_int_equal(service_queue_get(s, &a, SERVICE_QUEUE_CARDS_RECEIVED, late, &q), SERVICE_OK);
	assert_false(q.items[0].overdue);
	service_queue_free(&q);
	assert_int_equal(service_report(s, &a, NULL, late, late, &rep), SERVICE_OK);
	assert_int_equal(rep.noverdue, 0);
	service_report_free(&rep);
	/* nobody without a card waiting */
	svctest_idnum(31, id);
	assert_int_equal(service_card_notified(s, &a, id, late), SERVICE_ERR_NOT_FOUND);
	service_close(s);
}

/* `jzz sms pending|sent ID`: the gateway's loop, and a notice whose SMS was
 * sent is not overdue. */
static void
test_record_sms_cli(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        a = svctest_actor(s, NULL);
	struct service_result       r;
	struct service_card_info    card;
	struct service_report_daily d;
	char                        id[19], out[8192], idstr[32], *p;
	jzz_date                    ready;
	long                        smsid;

	(void)state;
	svctest_idnum(40, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "林涛",
	    ",\"phone\":\"13900000040\"", ADDR("310105009", "仙霞路", "1"))), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, &a, D(2026, 7, 6), &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	ready = r.decision.ready_on;
	assert_int_equal(service_card_received(s, &a, id, ready, &card), SERVICE_OK);
	service_close(s);

	assert_int_equal(run(out, sizeof out, "%s --db %s sms pending", JZZ_BIN,
	    svctest_db), 0);
	assert_non_null(strstr(out, "\"phone\":\"13900000040\""));
	assert_non_null(strstr(out, "\"kind\":\"pickup_notice\""));
	p = strstr(out, "\"id\":");
	assert_non_null(p);
	smsid = strtol(p + 5, NULL, 10);
	assert_true(smsid > 0);
	snprintf(idstr, sizeof idstr, "%ld", smsid);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-08-01 sms sent %s",
	    JZZ_BIN, svctest_db, idstr), 0);
	assert_non_null(strstr(out, "\"sent_on\":\"2026-08-01\""));
	assert_int_equal(run(out, sizeof out, "%s --db %s sms pending", JZZ_BIN,
	    svctest_db), 0);
	assert_string_equal(out, "[]\n");
	/* sent twice, unknown, not a number, no argument */
	assert_int_equal(run(NULL, 0, "%s --db %s sms sent %s 2>/dev/null", JZZ_BIN,
	    svctest_db, idstr), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s sms sent 999 2>/dev/null", JZZ_BIN,
	    svctest_db), 1);
	assert_int_equal(run(NULL, 0, "%s --db %s sms sent x1 2>/dev/null", JZZ_BIN,
	    svctest_db), 2);
	assert_int_equal(run(NULL, 0, "%s --db %s sms 2>/dev/null", JZZ_BIN,
	    svctest_db), 2);
	{
		char err[512];

		s = service_open(svctest_db, err, sizeof err);
		assert_non_null(s);
		a = svctest_actor(s, NULL);   /* an actor serves the handle that issued it */
	}
	assert_int_equal(service_report_daily(s, &a, NULL, card.notice_due_on + 5, &d), SERVICE_OK);
	assert_int_equal(d.overdue_notices, 0);
	service_close(s);
}

/* `jzz person`: the keys address and addresses. */
static void
test_record_person_cli(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  a = svctest_actor(s, NULL);
	struct service_result r;
	char                  id[19], out[16384];

	(void)state;
	svctest_idnum(50, id);
	assert_int_equal(svctest_submit(s, &a, D(2026, 1, 5), &r, REG_AT(id, "陈静", "",
	    "{\"district\":\"310105\",\"street\":\"310105009\",\"road\":\"仙霞路\",\"lane\":\"99\","
	    "\"number\":\"12\",\"room\":\"301\"}")), VERDICT_ACCEPT);
	service_close(s);
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-01-05 person %s",
	    JZZ_BIN, svctest_db, id), 0);
	assert_non_null(strstr(out, "\"address\":{\"district\":\"310105\",\"street\":\"310105009\","
	    "\"street_name\":\"虹桥街道\",\"road\":\"仙霞路\",\"lane\":\"99\",\"number\":\"12\","
	    "\"room\":\"301\",\"text\":\"仙霞路99弄12号301室\",\"valid_from\":\"2026-01-05\""));
	assert_non_null(strstr(out, "\"addresses\":[{\"district\":\"310105\""));
	assert_int_equal(run(out, sizeof out, "%s --db %s --today 2026-01-05 person %s"
	    " --on 2026-01-04", JZZ_BIN, svctest_db, id), 0);
	assert_non_null(strstr(out, "\"address_on\":null"));
}

/* The terminal's request_id (service_request_id_new): F10 pressed again on
 * the same filled form, after an answer lost with the link, is the same
 * request, and prints the recorded application, as the terminal reads it
 * back; a new business is a new request and a new application. */
static void
test_record_request_id_again(void **state)
{
	struct service            *s = svctest_new();
	struct service_actor       a = svctest_actor(s, NULL);
	struct service_result      r1, r2;
	struct service_paper_facts f;
	struct jzz_case            c, again;
	char                       id[19], rid[CASE_REQUEST_MAX], rid2[CASE_REQUEST_MAX];

	(void)state;
	svctest_idnum(7, id);
	service_request_id_new(rid);
	service_request_id_new(rid2);
	assert_string_not_equal(rid, rid2);
	assert_true(strlen(rid) >= 1 && strlen(rid) <= 64);
	assert_int_equal(strspn(rid, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	    "0123456789._-"), strlen(rid));
	svctest_case(&c, D(2026, 1, 5), REG_CASE(id));
	snprintf(c.request_id, sizeof c.request_id, "%s", rid);
	again = c;
	assert_int_equal(service_submit(s, &a, &c, D(2026, 1, 5), &r1), SERVICE_OK);
	assert_int_equal(r1.decision.verdict, VERDICT_ACCEPT);
	assert_null(r1.replay_json);
	assert_int_equal(service_submit(s, &a, &again, D(2026, 1, 5), &r2), SERVICE_OK);
	assert_non_null(r2.replay_json);
	assert_string_equal(r2.application_id, r1.application_id);
	assert_string_equal(r2.receipt_no, r1.receipt_no);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications WHERE id_number = '%s'",
	    id), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM registrations"), 1);
	/* what the terminal shows for it: the recorded decision, read back */
	assert_int_equal(service_paper_application_facts(s, &a, r2.application_id, D(2026, 1, 5),
	    &f), SERVICE_OK);
	assert_int_equal(f.decision.verdict, VERDICT_ACCEPT);
	assert_string_equal(f.receipt_no, r1.receipt_no);
	/* the next business, a form of its own */
	svctest_case(&c, D(2026, 1, 5), PERMIT_CASE(id));
	snprintf(c.request_id, sizeof c.request_id, "%s", rid2);
	assert_int_equal(service_submit(s, &a, &c, D(2026, 1, 5), &r2), SERVICE_OK);
	assert_null(r2.replay_json);
	assert_string_not_equal(r2.application_id, r1.application_id);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications WHERE id_number = '%s'",
	    id), 2);
	service_close(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_record_registration_and_change, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_unknown_street, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_permit_and_endorsement, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_agent_and_post, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_roads, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_lookups, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_overdue_without_phone, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_sms_cli, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_person_cli, svctest_setup,
		    svctest_teardown),
		cmocka_unit_test_setup_teardown(test_record_request_id_again, svctest_setup,
		    svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
