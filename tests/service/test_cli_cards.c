/*
 * test_cli_cards.c: `jzz card received|posted|pickup|queue` through the
 * real binary, on a rehearsal database: the queues of made and arrived
 * cards, the arrival (early, before the ready day, but not before the
 * application; the pickup notice queued), posting, pickup with the documents stated (a missing receipt,
 * or none stated, makes it incomplete), refusals that change nothing (a posted card, a trainer, a
 * person with no card, usage errors), every action in a verified audit log.
 */
#include "clitest.h"

static char cards_out[1 << 16];

static jzz_date
cards_day(const char *text)
{
	jzz_date d;

	assert_true(date_parse(text, strlen(text), &d));
	return d;
}

/* A registered person with an accepted permit (2026-07-06); returns the
 * card's ready_on as the submit printed it. */
static void
cards_person(int k, char id[19], char ready[JZZ_DATE_STRLEN])
{
	char    text[1024];
	json_t *j;

	svctest_idnum(k, id);
	snprintf(text, sizeof text, REG_CASE(id));
	write_file("reg.json", text);
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-01-05 submit reg.json", J,
	    svctest_db), 0);
	snprintf(text, sizeof text, PERMIT_CASE(id));
	write_file("permit.json", text);
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today 2026-07-06 submit"
	    " permit.json", J, svctest_db), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "decision"), "accept");
	snprintf(ready, JZZ_DATE_STRLEN, "%s", json_str(j, "ready_on"));
	json_decref(j);
	assert_int_equal(strlen(ready), 10);
}

/* The card of a person as `jzz person` shows it. */
static json_t *
cards_card(const char *id, const char *today)
{
	json_t *j, *card;

	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today %s person %s", J,
	    svctest_db, today, id), 0);
	j = parse(cards_out);
	card = json_incref(json_object_get(j, "card"));
	json_decref(j);
	assert_non_null(card);
	return card;
}

/* The ID numbers of a queue, in its order, comma-separated. */
static void
cards_queue(const char *which, const char *today, char *ids, size_t size)
{
	json_t *j;
	size_t  i, o = 0;
	json_t *it;

	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today %s card queue %s", J,
	    svctest_db, today, which), 0);
	j = parse(cards_out);
	assert_true(json_is_array(j));
	ids[0] = '\0';
	json_array_foreach(j, i, it)
		o += (size_t)snprintf(ids + o, size - o, "%s%s", i > 0 ? "," : "", json_str(it, "id_number"));
	json_decref(j);
}

static void
test_card_life(void **state)
{
	char        a[19], b[19], ready[JZZ_DATE_STRLEN], ready_b[JZZ_DATE_STRLEN], ids[256];
	char        both[64], before[JZZ_DATE_STRLEN], after[JZZ_DATE_STRLEN];
	json_t     *j, *card;
	long long   apps;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	cli_user("trainer1", "trainer");
	cards_person(21, a, ready);
	cards_person(22, b, ready_b);
	assert_string_equal(ready, ready_b);
	date_format(cards_day(ready) - 1, before);

	/* made: not before ready_on, then both, by name and day */
	cards_queue("made", before, ids, sizeof ids);
	assert_string_equal(ids, "");
	cards_queue("made", ready, ids, sizeof ids);
	snprintf(both, sizeof both, "%s,%s", a, b);
	if (strcmp(ids, both) != 0) {
		snprintf(both, sizeof both, "%s,%s", b, a);
		assert_string_equal(ids, both);
	}
	assert_non_null(strstr(cards_out, "\"name\":\"测试\""));
	assert_non_null(strstr(cards_out, "\"due_on\":null"));

	/* not arrived before its application: exit 1, nothing changed */
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-03 card received --id %s"
	    " 2>/dev/null", J, svctest_db, a), 1);
	card = cards_card(a, before);
	assert_string_not_equal(json_str(card, "state"), "received");
	json_decref(card);

	/* a trainer does no business */
	assert_int_equal(run(NULL, 0, "%s --db %s --user trainer1 --password-file pw-trainer1 --today"
	    " %s card received --id %s 2>/dev/null", J, svctest_db, ready, a), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action ="
	    " 'card_received'"), 0);

	/* arrival by the clerk: the card's JSON, the pickup notice queued */
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --user clerk1 --password-file"
	    " pw-clerk1 --today %s card received --id %s", J, svctest_db, ready, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "state"), "received");
	assert_string_equal(json_str(j, "received_on"), ready);
	assert_string_equal(json_str(j, "ready_on"), ready);
	assert_string_equal(json_str(j, "centre"), "310105009");
	assert_int_equal(strlen(json_str(j, "notice_due_on")), 10);
	assert_true(json_is_null(json_object_get(j, "handed_on")));
	json_decref(j);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox WHERE kind = 'pickup_notice'"),
	    1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'card_received'"
	    " AND user_name = 'clerk1'"), 1);
	/* twice is refused */
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card received --id %s 2>/dev/null", J,
	    svctest_db, ready, a), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox"), 1);

	/* received: a is there, with its notice day; overdue once it passed */
	cards_queue("received", ready, ids, sizeof ids);
	assert_string_equal(ids, a);
	assert_non_null(strstr(cards_out, "\"overdue\":false"));
	cards_queue("made", ready, ids, sizeof ids);
	assert_string_equal(ids, b);
	date_format(cards_day(ready) + 30, after);
	cards_queue("received", after, ids, sizeof ids);
	assert_string_equal(ids, a);
	assert_non_null(strstr(cards_out, "\"overdue\":true"));

	/* b: arrived, then posted; no longer waiting at the centre */
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card posted --id %s 2>/dev/null", J,
	    svctest_db, ready, b), 1);     /* not at the centre yet */
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card received --id %s", J, svctest_db,
	    ready, b), 0);
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today %s card posted --id %s",
	    J, svctest_db, ready, b), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "state"), "posted");
	assert_string_equal(json_str(j, "handed_on"), ready);
	json_decref(j);
	cards_queue("received", ready, ids, sizeof ids);
	assert_string_equal(ids, a);
	/* a posted card is not picked up: exit 1, no application written */
	apps = svctest_count("SELECT count(*) FROM applications");
	assert_int_equal(run(NULL, 0, "%s --db %s --today %s card pickup --id %s 2>/dev/null", J,
	    svctest_db, ready, b), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), apps);

	/* pickup of a without the acceptance receipt: incomplete, the card stays */
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today %s card pickup --id %s"
	    " --doc id_card", J, svctest_db, ready, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "decision"), "incomplete");
	assert_non_null(strstr(cards_out, "\"missing_documents\":[\"acceptance_receipt\"]"));
	json_decref(j);
	card = cards_card(a, ready);
	assert_string_equal(json_str(card, "state"), "received");
	json_decref(card);
	/* no --doc: no documents are assumed, PERMIT-4 names both */
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --today %s card pickup --id %s"
	    " 2>/dev/null", J, svctest_db, ready, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "decision"), "incomplete");
	assert_non_null(strstr(cards_out,
	    "\"missing_documents\":[\"acceptance_receipt\",\"id_card\"]"));
	json_decref(j);
	card = cards_card(a, ready);
	assert_string_equal(json_str(card, "state"), "received");
	json_decref(card);
	/* both documents stated: handed over */
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --user clerk1 --password-file"
	    " pw-clerk1 --today %s card pickup --id %s --doc id_card --doc acceptance_receipt", J,
	    svctest_db, ready, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "decision"), "accept");
	assert_int_equal(strlen(json_str(json_object_get(j, "record"), "application_id")), 36);
	json_decref(j);
	card = cards_card(a, ready);
	assert_string_equal(json_str(card, "state"), "picked_up");
	assert_string_equal(json_str(card, "handed_on"), ready);
	json_decref(card);
	cards_queue("received", ready, ids, sizeof ids);
	assert_string_equal(ids, "");

	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s audit verify", J, svctest_db), 0);
	assert_non_null(strstr(cards_out, "\"ok\":true"));
}

/* Cards arrive early: one logged the working day after its acceptance,
 * long before the ready day the rules computed, is at the centre (its
 * ready day unchanged, the pickup notice due from its arrival) and is
 * handed over at once. */
static void
test_card_early(void **state)
{
	char        a[19], ready[JZZ_DATE_STRLEN];
	json_t     *j, *card;

	(void)state;
	init_db();
	cli_user("clerk1", "clerk");
	cards_person(23, a, ready);
	assert_true(cards_day(ready) > cards_day("2026-07-07") + 14);
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --user clerk1 --password-file"
	    " pw-clerk1 --today 2026-07-07 card received --id %s", J, svctest_db, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "state"), "received");
	assert_string_equal(json_str(j, "received_on"), "2026-07-07");
	assert_string_equal(json_str(j, "ready_on"), ready);
	assert_string_equal(json_str(j, "notice_due_on"), "2026-07-09");
	json_decref(j);
	assert_int_equal(svctest_count("SELECT count(*) FROM sms_outbox WHERE kind = 'pickup_notice'"
	    " AND queued_on = '2026-07-07'"), 1);
	/* a second arrival is refused; the holder collects it the next day */
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-07-08 card received --id %s"
	    " 2>/dev/null", J, svctest_db, a), 1);
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s --user clerk1 --password-file"
	    " pw-clerk1 --today 2026-07-08 card pickup --id %s --doc id_card --doc acceptance_receipt",
	    J, svctest_db, a), 0);
	j = parse(cards_out);
	assert_string_equal(json_str(j, "decision"), "accept");
	json_decref(j);
	card = cards_card(a, "2026-07-08");
	assert_string_equal(json_str(card, "state"), "picked_up");
	assert_string_equal(json_str(card, "handed_on"), "2026-07-08");
	json_decref(card);
	assert_int_equal(run(cards_out, sizeof cards_out, "%s --db %s audit verify", J, svctest_db), 0);
}

/* Bad input: a clear error, exit 2 for usage, 1 for a person without a
 * card; nothing written. */
static void
test_card_refusals(void **state)
{
	char      err[4096], c[19];
	long long audit;

	(void)state;
	init_db();
	svctest_idnum(30, c);
	audit = svctest_count("SELECT count(*) FROM audit_log");
	assert_int_equal(run(NULL, 0, "%s --db %s card flip --id %s 2>/dev/null", J, svctest_db, c),
	    2);
	assert_int_equal(run(NULL, 0, "%s --db %s card received 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s card queue nope 2>&1", J, svctest_db), 2);
	assert_non_null(strstr(err, "made|received|window"));
	assert_int_equal(run(err, sizeof err, "%s --db %s card queue made --id %s 2>&1", J,
	    svctest_db, c), 2);
	assert_non_null(strstr(err, "card queue: expected made, received or window"));
	assert_int_equal(run(NULL, 0, "%s --db %s card queue 2>/dev/null", J, svctest_db), 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s card received --id %s --doc id_card 2>&1",
	    J, svctest_db, c), 2);
	assert_non_null(strstr(err, "card received: --doc is for pickup"));
	assert_int_equal(run(NULL, 0, "%s --db %s card posted --id %s extra 2>/dev/null", J,
	    svctest_db, c), 2);
	assert_int_equal(run(err, sizeof err, "%s --db %s card pickup --id %s --doc passport 2>&1", J,
	    svctest_db, c), 2);
	assert_non_null(strstr(err, "--doc: unknown document passport"));
	assert_int_equal(run(err, sizeof err, "%s --db %s card pickup --id %s 2>&1", J, svctest_db, c),
	    1);
	assert_non_null(strstr(err, c));
	assert_int_equal(run(NULL, 0, "%s --db %s card received --id %s 2>/dev/null", J, svctest_db,
	    c), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log"), audit);
	assert_int_equal(svctest_count("SELECT count(*) FROM applications"), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_card_life, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_card_early, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_card_refusals, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
