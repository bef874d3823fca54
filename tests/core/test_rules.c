/*
 * test_rules.c: the catalogue of RULES.md, rule by rule (src/core/rules.c).
 *
 * Why it exists: the rules module is the policy. For every rule that has an
 * outcome, cases are built on each side of it (the day before, of and after
 * every deadline; ages 15/16 and 64/65; each tenure, use and agent kind) as a
 * struct jzz_case from case_init(), evaluated with rules_evaluate(), and the
 * whole decision is checked: verdict, failed rules, missing documents,
 * warnings, dates, fees, and that rules which do not apply are absent. Every
 * decision also goes through test_rules_check(), which holds the invariants
 * of case-format.md (catalogue order, no n/a entries, no record-only rules,
 * the fields that are empty unless the decision is accept, a message for
 * every result).
 *
 * The expectations come from RULES.md and case-format.md, not from reading
 * the implementation; where the catalogue is silent the test does not
 * assert.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/case.h"
#include "jzz/rules.h"
#include "testutil.h"

#define D(y, m, d) testutil_date((y), (m), (d))
#define T D(2026, 4, 28) /* a Tuesday, two days before Labour Day 2026 */
#define NA OUT_NA        /* "the rule is absent from the decision" */
#define END (-1)

static struct calendar *test_rules_cal;

/* (rule, outcome) pairs seen in any decision, and messages that do not show
 * the date of their result; checked by the last tests. */
static bool test_rules_seen[R__COUNT][OUT__COUNT];
static char test_rules_date_gaps[4096];

/* ------------------------------------------------------------------------
 * Building cases.
 */

static void
test_rules_set_id(struct jzz_case *c, int y, int m, int d)
{
	char id[19];

	testutil_make_id(id, "110105", y, m, d, "123");
	snprintf(c->applicant.id_number, sizeof c->applicant.id_number, "%s", id);
	c->applicant.id_len = strlen(id);
}

static void
test_rules_set_id_text(struct jzz_case *c, const char *s)
{
	snprintf(c->applicant.id_number, sizeof c->applicant.id_number, "%s", s);
	c->applicant.id_len = strlen(s);
}

static void
test_rules_set_agent(struct jzz_case *c, enum jzz_agent_kind kind, enum jzz_relation rel)
{
	char id[19];

	c->has_agent = true;
	c->agent.kind = kind;
	c->agent.relation = rel;
	snprintf(c->agent.relation_word, sizeof c->agent.relation_word, "%s",
	    rel < REL__NEAR_COUNT ? case_relation_vocab[rel].code : rel == REL_OTHER ? "uncle" : "");
	testutil_make_id(id, "310104", 1970, 1, 15, "246");
	snprintf(c->agent.id_number, sizeof c->agent.id_number, "%s", id);
	c->agent.id_len = strlen(id);
}

static void
test_rules_set_housing(struct jzz_case *c, enum jzz_tenure t)
{
	c->has_housing = true;
	c->housing.tenure = t;
	c->housing.use = USE_RESIDENTIAL;
	c->housing.relation = REL_NONE;
	c->housing.leased_to = LEASED_INDIVIDUAL;
	c->housing.managed_residential_area = false;
	if (t == TENURE_RELATIVE_OWN || t == TENURE_RELATIVE_RENT)
		c->housing.relation = REL_FATHER;
}

static void
test_rules_add(struct jzz_case *c, enum jzz_doc doc)
{
	c->documents |= DOCBIT(doc);
}

static void
test_rules_drop(struct jzz_case *c, enum jzz_doc doc)
{
	c->documents &= ~DOCBIT(doc);
}

/*
 * A case that RULES.md accepts: an adult (born 1990-03-07) who lives in
 * Shanghai, is not of a Shanghai household, applies in person, with what the
 * business needs on that channel.
 */
static void
test_rules_case(struct jzz_case *c, enum jzz_business b, enum jzz_channel ch, jzz_date today)
{
	case_init(c);
	c->today = today;
	c->business = b;
	c->channel = ch;
	test_rules_set_id(c, 1990, 3, 7);
	snprintf(c->applicant.name, sizeof c->applicant.name, "%s", "陈静");
	snprintf(c->applicant.phone, sizeof c->applicant.phone, "%s", "13912345678");
	if (ch != CH_ONLINE)
		test_rules_add(c, DOC_ID_CARD);
	switch (b) {
	case BIZ_REGISTRATION:
		test_rules_set_housing(c, TENURE_OWN);
		test_rules_add(c, DOC_PROPERTY_CERTIFICATE);
		if (ch == CH_COUNTER)
			test_rules_add(c, DOC_REGISTRATION_FORM);
		break;
	case BIZ_PERMIT_NEW:
	case BIZ_PERMIT_NEW_FAST:
		c->has_registration = true;
		c->registered_on = date_add_months(today, -8);
		if (ch == CH_COUNTER)
			test_rules_add(c, DOC_PERMIT_APPLICATION_FORM);
		if (b == BIZ_PERMIT_NEW_FAST && ch == CH_COUNTER) {
			c->has_fast_track = true;
			c->fast_track.reason = FAST_EXAM;
			test_rules_add(c, DOC_FAST_TRACK_REQUEST);
		}
		if (ch == CH_KIOSK) {
			c->has_kiosk = true;
			c->kiosk_info_matches_registration = true;
		}
		break;
	case BIZ_PERMIT_REPLACE:
	case BIZ_PERMIT_REAPPLY:
		c->has_permit = true;
		c->permit_valid_until = today + 200;
		test_rules_add(c, DOC_PERMIT_APPLICATION_FORM);
		break;
	case BIZ_PERMIT_REPLACE_FAST:
		c->has_permit = true;
		c->permit_valid_until = today + 200;
		c->has_fast_track = true;
		c->fast_track.reason = FAST_MEDICAL;
		test_rules_add(c, DOC_FAST_TRACK_REQUEST);
		break;
	case BIZ_ENDORSEMENT:
		c->has_permit = true;
		c->permit_valid_until = today + 10;
		break;
	case BIZ_CARD_UPDATE:
	case BIZ_CANCELLATION:
		c->has_permit = true;
		c->permit_valid_until = today + 300;
		break;
	case BIZ_INFO_CHANGE:
		c->has_change = true;
		c->change.field = CHANGE_PHONE;
		c->change.changed_on = today - 5;
		snprintf(c->change.new_value, sizeof c->change.new_value, "%s", "13800000000");
		break;
	case BIZ_PICKUP:
		test_rules_add(c, DOC_ACCEPTANCE_RECEIPT);
		break;
	default:
		break;
	}
}

/* ------------------------------------------------------------------------
 * Evaluating, with the invariants every decision must hold.
 */

static bool
test_rules_on_records(int id)
{
	return id == R_PERMIT_3 || id == R_PERMIT_9 || id == R_PERMIT_10 || id == R_ENDO_5 ||
	    id == R_ENDO_6;
}

/* Well-formed UTF-8 (no check of overlong forms: the messages are ours). */
static bool
test_rules_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != 0) {
		int n = *p < 0x80 ? 0 : (*p & 0xE0) == 0xC0 ? 1 : (*p & 0xF0) == 0xE0 ? 2 :
		    (*p & 0xF8) == 0xF0 ? 3 : -1;

		if (n < 0)
			return false;
		p++;
		for (int i = 0; i < n; i++, p++)
			if ((*p & 0xC0) != 0x80)
				return false;
	}
	return true;
}

static void
test_rules_check_messages(const struct rule_result *r)
{
	char zh[1024], en[1024], day[JZZ_DATE_STRLEN];
	size_t nzh = rules_message(r, LANG_ZH, zh, sizeof zh);
	size_t nen = rules_message(r, LANG_EN, en, sizeof en);

	if (nzh == 0 || nen == 0 || strlen(zh) != nzh || strlen(en) != nen)
		fail_msg("%s %s: empty message (zh \"%s\", en \"%s\")", rules_code(r->rule),
		    rules_outcome_code(r->outcome), zh, en);
	/* casefmt writes messages through a 512-byte buffer: they fit whole, and
	 * are valid UTF-8 (a cut character would make the output invalid JSON) */
	if (nzh >= 511 || nen >= 511)
		fail_msg("%s: message of %zu/%zu bytes", rules_code(r->rule), nzh, nen);
	if (!test_rules_utf8(zh) || !test_rules_utf8(en))
		fail_msg("%s: message is not valid UTF-8", rules_code(r->rule));
	/* a message is a sentence, not a code and an outcome */
	if (strchr(zh, '$') != NULL || strchr(en, '$') != NULL)
		fail_msg("%s: placeholder left in \"%s\" / \"%s\"", rules_code(r->rule), zh, en);
	/*
	 * A result that refuses, asks for something or warns, and carries a date,
	 * says that date (the eligible day, the window's opening, the expiry...):
	 * the clerk reads the message aloud. CAL-1 speaks of a year, as RULES.md
	 * words it ("the {year} holiday schedule is not loaded").
	 */
	if (r->outcome == OUT_PASS)
		return;
	if (r->rule == R_CAL_1) {
		snprintf(day, sizeof day, "%d", (int)r->num);
	} else if (r->date != JZZ_DATE_NONE) {
		date_format(r->date, day);
	} else {
		return;
	}
	if (strstr(zh, day) == NULL || strstr(en, day) == NULL) {
		char key[64], line[2200];

		snprintf(key, sizeof key, "  %s %s ", rules_code(r->rule), rules_outcome_code(r->outcome));
		line[0] = '\0';
		strcat(line, key);
		strcat(line, "carries ");
		strcat(line, day);
		strcat(line, "; zh \"");
		strcat(line, zh);
		strcat(line, "\" en \"");
		strcat(line, en);
		strcat(line, "\"\n");
		if (strstr(test_rules_date_gaps, key) == NULL &&
		    strlen(test_rules_date_gaps) + strlen(line) < sizeof test_rules_date_gaps)
			strcat(test_rules_date_gaps, line);
	}
}

static void
test_rules_check(const struct jzz_decision *d)
{
	jzz_docset missing = 0;
	bool       any_fail = false, any_missing = false;
	int        prev = -1;

	assert_true(d->nresults <= R__COUNT);
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *r = &d->results[i];

		/* catalogue order, each rule once */
		assert_true((int)r->rule > prev);
		prev = r->rule;
		assert_true(r->rule < R__COUNT);
		assert_true(r->outcome < OUT__COUNT);
		if (r->outcome == OUT_NA)
			fail_msg("%s is n/a but listed", rules_code(r->rule));
		if (test_rules_on_records(r->rule))
			fail_msg("%s acts on records: no outcome in check", rules_code(r->rule));
		assert_ptr_equal(rules_find(d, (enum rule_id)r->rule), r);
		any_fail |= r->outcome == OUT_FAIL;
		if (r->outcome == OUT_MISSING) {
			any_missing = true;
			/* The one exception: HOUSE-1 cannot name the proof of a home
			 * not yet described (test_rules_house_undescribed). */
			if (r->docs == 0 && !(r->rule == R_HOUSE_1 && rules_find(d, R_HOUSE_2) == NULL))
				fail_msg("%s is missing but names no document", rules_code(r->rule));
			missing |= r->docs;
		}
		test_rules_seen[r->rule][r->outcome] = true;
		test_rules_check_messages(r);
	}
	/* RULES.md, Decision */
	assert_int_equal(d->verdict, any_fail ? VERDICT_REFUSE :
	    any_missing ? VERDICT_INCOMPLETE : VERDICT_ACCEPT);
	/* case-format.md: missing documents whatever the decision */
	assert_int_equal(d->missing_documents, missing);
	/* no alternative reported in place of the first one listed */
	assert_false(d->missing_documents & DOCBIT(DOC_HOUSEHOLD_REGISTER));
	assert_false(d->missing_documents & DOCBIT(DOC_RELATIVE_COMMITMENT));
	assert_false(d->missing_documents & DOCBIT(DOC_ELECTRONIC_ID));
	if (d->verdict != VERDICT_ACCEPT) {
		assert_int_equal(d->fee_yuan, 0);
		assert_int_equal(d->cod_fee_yuan, 0);
		assert_int_equal(d->ready_on, JZZ_DATE_NONE);
		assert_false(d->has_milestones);
		assert_int_equal(d->new_valid_until, JZZ_DATE_NONE);
		assert_false(d->residence_years_reset);
	}
	if (d->has_milestones) {
		assert_true(d->transferred < d->reviewed);
		assert_true(d->reviewed < d->made);
		assert_int_equal(d->made, d->ready_on);
	}
	/* eligible_from with REG-3 failing, window_opens with ENDO-2 failing */
	{
		const struct rule_result *reg3 = rules_find(d, R_REG_3);
		const struct rule_result *endo2 = rules_find(d, R_ENDO_2);

		if (reg3 == NULL || reg3->outcome != OUT_FAIL)
			assert_int_equal(d->eligible_from, JZZ_DATE_NONE);
		if (endo2 == NULL || endo2->outcome != OUT_FAIL)
			assert_int_equal(d->window_opens, JZZ_DATE_NONE);
		else
			assert_int_not_equal(d->window_opens, JZZ_DATE_NONE);
	}
	/* rules_find answers NULL for every rule not listed */
	for (int id = 0; id < R__COUNT; id++) {
		bool listed = false;

		for (int i = 0; i < d->nresults; i++)
			listed |= d->results[i].rule == id;
		if (!listed)
			assert_null(rules_find(d, (enum rule_id)id));
	}
}

static void
test_rules_eval_cal(const struct jzz_case *c, const struct calendar *cal, struct jzz_decision *d)
{
	/* garbage first, so that a field the evaluation forgets shows */
	memset(d, 0xA5, sizeof *d);
	rules_evaluate(c, cal, d);
	test_rules_check(d);
}

static void
test_rules_eval(const struct jzz_case *c, struct jzz_decision *d)
{
	test_rules_eval_cal(c, test_rules_cal, d);
}

/* ------------------------------------------------------------------------
 * Assertions with the line of the test, since each test checks many cases.
 */

static const char *
test_rules_outcome_name(int out)
{
	return out == NA ? "absent" : rules_outcome_code((enum rule_outcome)out);
}

static void
test_rules_expect(const struct jzz_decision *d, enum rule_id id, int out, int line)
{
	const struct rule_result *r = rules_find(d, id);
	int                       got = r == NULL ? NA : r->outcome;

	if (got != out)
		fail_msg("line %d: %s is %s, expected %s", line, rules_code(id),
		    test_rules_outcome_name(got), test_rules_outcome_name(out));
}

/* The set of rules with outcome `out` equals ids (END-terminated). */
static void
test_rules_expect_set(const struct jzz_decision *d, enum rule_outcome out, const int *ids, int line)
{
	bool want[R__COUNT] = { false };
	char got_s[512] = "", want_s[512] = "";
	bool same = true;

	for (; *ids != END; ids++)
		want[*ids] = true;
	for (int id = 0; id < R__COUNT; id++) {
		const struct rule_result *r = rules_find(d, (enum rule_id)id);
		bool                      has = r != NULL && r->outcome == out;

		if (has) {
			strcat(got_s, rules_code((enum rule_id)id));
			strcat(got_s, " ");
		}
		if (want[id]) {
			strcat(want_s, rules_code((enum rule_id)id));
			strcat(want_s, " ");
		}
		same &= has == want[id];
	}
	if (!same)
		fail_msg("line %d: %s rules are [%s], expected [%s]", line,
		    rules_outcome_code(out), got_s, want_s);
}

static void
test_rules_expect_docs(const struct jzz_decision *d, jzz_docset want, int line)
{
	if (d->missing_documents != want) {
		char got_s[512] = "", want_s[512] = "";

		for (int i = 0; i < DOC__COUNT; i++) {
			if (d->missing_documents & DOCBIT(i)) {
				strcat(got_s, case_doc_vocab[i].code);
				strcat(got_s, " ");
			}
			if (want & DOCBIT(i)) {
				strcat(want_s, case_doc_vocab[i].code);
				strcat(want_s, " ");
			}
		}
		fail_msg("line %d: missing documents [%s], expected [%s]", line, got_s, want_s);
	}
}

static void
test_rules_expect_verdict(const struct jzz_decision *d, enum verdict v, int line)
{
	if (d->verdict != v)
		fail_msg("line %d: decision %s, expected %s", line, rules_verdict_code(d->verdict),
		    rules_verdict_code(v));
}

static void
test_rules_expect_date(jzz_date got, jzz_date want, const char *what, int line)
{
	char a[JZZ_DATE_STRLEN], b[JZZ_DATE_STRLEN];

	if (got != want) {
		date_format(got, a);
		date_format(want, b);
		fail_msg("line %d: %s is %s, expected %s", line, what, a, b);
	}
}

#define OUTCOME(d, id, out)  test_rules_expect((d), (id), (out), __LINE__)
#define FAILED(d, ...)       test_rules_expect_set((d), OUT_FAIL, (const int[]){ __VA_ARGS__, END }, __LINE__)
#define WARNED(d, ...)       test_rules_expect_set((d), OUT_WARN, (const int[]){ __VA_ARGS__, END }, __LINE__)
#define NOTHING              END
#define DOCS(d, mask)        test_rules_expect_docs((d), (mask), __LINE__)
#define VERDICT(d, v)        test_rules_expect_verdict((d), (v), __LINE__)
#define DATE_IS(got, want)   test_rules_expect_date((got), (want), #got, __LINE__)
#define B(doc)               DOCBIT(doc)

/* The rules that must be absent for a case: every id given (END-terminated). */
static void
test_rules_absent(const struct jzz_decision *d, const int *ids, int line)
{
	for (; *ids != END; ids++)
		test_rules_expect(d, (enum rule_id)*ids, NA, line);
}
#define ABSENT(d, ...) test_rules_absent((d), (const int[]){ __VA_ARGS__, END }, __LINE__)

static int
test_rules_setup(void **state)
{
	(void)state;
	test_rules_cal = testutil_calendar_shipped();
	return test_rules_cal == NULL ? -1 : 0;
}

static int
test_rules_teardown(void **state)
{
	(void)state;
	calendar_free(test_rules_cal);
	return 0;
}

/* ------------------------------------------------------------------------
 * The base cases.
 */

/* Every business on every channel that offers it: the base case is accepted. */
static void
test_rules_every_business_accepted(void **state)
{
	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++) {
		for (int ch = 0; ch < CH__COUNT; ch++) {
			struct jzz_case     c;
			struct jzz_decision d;

			if (!case_business_offered((enum jzz_business)b, (enum jzz_channel)ch))
				continue;
			test_rules_case(&c, (enum jzz_business)b, (enum jzz_channel)ch, T);
			test_rules_eval(&c, &d);
			if (d.verdict != VERDICT_ACCEPT || d.nresults == 0)
				fail_msg("%s on %s: %s with %d rules", case_business_vocab[b].code,
				    case_channel_vocab[ch].code, rules_verdict_code(d.verdict), d.nresults);
			DOCS(&d, 0);
			FAILED(&d, NOTHING);
			WARNED(&d, NOTHING);
			OUTCOME(&d, R_CHAN_1, OUT_PASS);
			OUTCOME(&d, R_ID_3, OUT_PASS);
			assert_false(d.residence_years_reset);
			assert_int_equal(d.eligible_from, JZZ_DATE_NONE);
			assert_int_equal(d.window_opens, JZZ_DATE_NONE);
			/* ready_on only for the permit businesses */
			if (!case_business_is_permit((enum jzz_business)b))
				assert_int_equal(d.ready_on, JZZ_DATE_NONE);
			else
				assert_int_not_equal(d.ready_on, JZZ_DATE_NONE);
			if (b != BIZ_ENDORSEMENT)
				assert_int_equal(d.new_valid_until, JZZ_DATE_NONE);
			assert_int_equal(d.applicant_age, 36);
			assert_int_equal(d.applicant_birth, D(1990, 3, 7));
		}
	}
}

static void
test_rules_registration(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	OUTCOME(&d, R_ELIG_1, OUT_PASS);
	OUTCOME(&d, R_ELIG_2, OUT_PASS);
	OUTCOME(&d, R_ID_1, OUT_PASS);
	OUTCOME(&d, R_REG_1, OUT_PASS);
	for (int id = R_HOUSE_1; id <= R_HOUSE_6; id++)
		OUTCOME(&d, (enum rule_id)id, OUT_PASS);
	ABSENT(&d, R_ID_2, R_AGENT_1, R_AGENT_2, R_AGENT_3, R_CAL_1, R_REG_2, R_REG_3,
	    R_PERMIT_1, R_PERMIT_4, R_PERMIT_5, R_PERMIT_7, R_PERMIT_8, R_PERMIT_11, R_PERMIT_12,
	    R_ENDO_1, R_ENDO_2, R_ENDO_3, R_ENDO_4, R_CHANGE_1, R_KIOSK_1, R_KIOSK_2);
	assert_int_equal(d.fee_yuan, 0);
	assert_int_equal(d.cod_fee_yuan, 0);
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	assert_false(d.has_milestones);
}

/* ------------------------------------------------------------------------
 * Identity and eligibility.
 */

/* A caller that asks the rules before the housing is described (a screen
 * half-way through a form) gets HOUSE-1 missing, never an acceptance
 * without proof of residence; HOUSE-2..6 wait for the housing. */
static void
test_rules_house_undescribed(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	char                msg[512];

	(void)state;
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.has_housing = false;
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_INCOMPLETE);
	OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
	ABSENT(&d, R_HOUSE_2, R_HOUSE_3, R_HOUSE_4, R_HOUSE_5, R_HOUSE_6);
	rules_message(rules_find(&d, R_HOUSE_1), LANG_ZH, msg, sizeof msg);
	assert_non_null(strstr(msg, "在沪合法居住证明"));

	/* Not where HOUSE-1 does not apply: a permit at the registered address. */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.has_housing = false;
	c.address_changed = false;
	test_rules_eval(&c, &d);
	ABSENT(&d, R_HOUSE_1);
}

static void
test_rules_chan_1(void **state)
{
	static const struct { int b, ch; } refused[] = {
		{ BIZ_PERMIT_REPLACE, CH_ONLINE }, { BIZ_PERMIT_REPLACE_FAST, CH_ONLINE },
		{ BIZ_PERMIT_REAPPLY, CH_ONLINE }, { BIZ_PERMIT_NEW_FAST, CH_ONLINE },
		{ BIZ_CARD_UPDATE, CH_ONLINE }, { BIZ_INFO_CHANGE, CH_ONLINE },
		{ BIZ_PICKUP, CH_ONLINE }, { BIZ_CANCELLATION, CH_ONLINE },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		test_rules_case(&c, (enum jzz_business)refused[i].b, (enum jzz_channel)refused[i].ch, T);
		test_rules_eval(&c, &d);
		VERDICT(&d, VERDICT_REFUSE);
		OUTCOME(&d, R_CHAN_1, OUT_FAIL);
		FAILED(&d, R_CHAN_1);
	}
	/* offered online: registration and a new permit */
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHAN_1, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHAN_1, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);

	/* the more precise rules give the reason, not CHAN-1 */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	FAILED(&d, R_ENDO_1);
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_1);
	test_rules_case(&c, BIZ_PERMIT_REAPPLY, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_1);
	test_rules_case(&c, BIZ_PICKUP, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_1);
	/* an endorsement at a kiosk: ENDO-1 refuses (KIOSK-1 may add itself) */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_1, OUT_FAIL);
	assert_true(rules_find(&d, R_CHAN_1) == NULL || rules_find(&d, R_CHAN_1)->outcome != OUT_FAIL);
	VERDICT(&d, VERDICT_REFUSE);
}

static void
test_rules_elig_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++) {
		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		c.applicant.hukou_shanghai = true;
		test_rules_eval(&c, &d);
		if (b == BIZ_CANCELLATION) {
			OUTCOME(&d, R_ELIG_1, NA);
			VERDICT(&d, VERDICT_ACCEPT);
		} else {
			OUTCOME(&d, R_ELIG_1, OUT_FAIL);
			FAILED(&d, R_ELIG_1);
			VERDICT(&d, VERDICT_REFUSE);
		}
	}
}

static void
test_rules_elig_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++) {
		bool applies = b == BIZ_REGISTRATION || case_business_is_permit((enum jzz_business)b);

		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_ELIG_2, applies ? OUT_PASS : NA);
		c.applicant.lives_in_shanghai = false;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_ELIG_2, applies ? OUT_FAIL : NA);
		VERDICT(&d, applies ? VERDICT_REFUSE : VERDICT_ACCEPT);
	}
	/* on the kiosk too, beside KIOSK-2 */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.applicant.lives_in_shanghai = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_ELIG_2, R_KIOSK_2);
}

static void
test_rules_id_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	/* no document at the counter */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	VERDICT(&d, VERDICT_INCOMPLETE);
	DOCS(&d, B(DOC_ID_CARD));
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	/* the household register does at the counter */
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	/* not at the kiosk, which reads only the card */
	test_rules_case(&c, BIZ_REGISTRATION, CH_KIOSK, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	DOCS(&d, B(DOC_ID_CARD));
	test_rules_case(&c, BIZ_CARD_UPDATE, CH_KIOSK, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	VERDICT(&d, VERDICT_INCOMPLETE);
	/* online: identity is the platform's business */
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	c.documents &= ~(B(DOC_ID_CARD) | B(DOC_HOUSEHOLD_REGISTER));
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, NA);
	VERDICT(&d, VERDICT_ACCEPT);
	/* every counter business but cancellation needs it */
	for (int b = 0; b < BIZ__COUNT; b++) {
		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		test_rules_drop(&c, DOC_ID_CARD);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_ID_1, b == BIZ_CANCELLATION ? NA : OUT_MISSING);
	}
}

static void
test_rules_id_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	/* the electronic ID alone: ID-1 missing, ID-2 warns */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_add(&c, DOC_ELECTRONIC_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	OUTCOME(&d, R_ID_2, OUT_WARN);
	WARNED(&d, R_ID_2);
	VERDICT(&d, VERDICT_INCOMPLETE);
	DOCS(&d, B(DOC_ID_CARD));
	/* beside a valid document: pass */
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_PASS);
	OUTCOME(&d, R_ID_2, OUT_PASS);
	WARNED(&d, NOTHING);
	VERDICT(&d, VERDICT_ACCEPT);
	/* not offered: n/a */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_2, NA);
	/* where ID-1 is n/a (online, cancellation): n/a */
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	test_rules_add(&c, DOC_ELECTRONIC_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, NA);
	OUTCOME(&d, R_ID_2, NA);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_case(&c, BIZ_CANCELLATION, CH_COUNTER, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_add(&c, DOC_ELECTRONIC_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_2, NA);
	/* at the kiosk, with only a household register beside it: still missing */
	test_rules_case(&c, BIZ_REGISTRATION, CH_KIOSK, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_add(&c, DOC_ELECTRONIC_ID);
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	OUTCOME(&d, R_ID_2, OUT_WARN);
}

static void
test_rules_id_3(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	char                id[19], fw[64];

	(void)state;
	/* wrong check character: refused */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	testutil_make_bad_check_id(id, "110105", 1990, 3, 7);
	test_rules_set_id_text(&c, id);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	FAILED(&d, R_ID_3);
	VERDICT(&d, VERDICT_REFUSE);
	/* ... but the birth date is still known */
	assert_int_equal(d.applicant_birth, D(1990, 3, 7));
	assert_int_equal(d.applicant_age, 36);

	/* 15-digit, wrong length, letters, unknown province, empty */
	{
		static const char *const bad[] = { "110105900307123", "11010519900307123",
			"1101051990030712345", "11010519900307123A", "" };

		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
			test_rules_set_id_text(&c, bad[i]);
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_ID_3, OUT_FAIL);
			VERDICT(&d, VERDICT_REFUSE);
		}
	}
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	testutil_make_id(id, "810101", 1990, 3, 7, "123");
	test_rules_set_id_text(&c, id);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);

	/* a 40-character number, kept as its length */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id_text(&c, "1101051990030712391101051990030712390000");
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	/* a number longer than the buffer: id_len tells */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	memset(c.applicant.id_number, '1', sizeof c.applicant.id_number - 1);
	c.applicant.id_number[sizeof c.applicant.id_number - 1] = '\0';
	c.applicant.id_len = 10u * 1024 * 1024;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	/* 18 characters held in the buffer, but a longer text: not 18 */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.applicant.id_len = 100;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);

	/* impossible birth date: refused, and the age rules are n/a */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 1990, 2, 30);
	test_rules_set_agent(&c, AGENT_OTHER, REL_NONE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	ABSENT(&d, R_AGENT_1, R_AGENT_2, R_AGENT_3);
	FAILED(&d, R_ID_3);
	assert_int_equal(d.applicant_birth, JZZ_DATE_NONE);
	assert_int_equal(d.applicant_age, -1);

	/* a birth date after the day of the application */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2026, 4, 29);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	ABSENT(&d, R_AGENT_1, R_AGENT_2, R_AGENT_3);

	/* a wrong check character leaves the age known: a 15-year-old alone is
	 * refused by AGENT-1 as well */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	testutil_make_bad_check_id(id, "110105", 2010, 4, 29);
	test_rules_set_id_text(&c, id);
	test_rules_eval(&c, &d);
	FAILED(&d, R_ID_3, R_AGENT_1);

	/* lower-case x and full-width digits are the same number */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	for (int s = 100; s < 1000; s++) {
		char seq[4];

		snprintf(seq, sizeof seq, "%03d", s);
		testutil_make_id(id, "110105", 1990, 3, 7, seq);
		if (id[17] == 'X')
			break;
	}
	assert_int_equal(id[17], 'X');
	id[17] = 'x';
	test_rules_set_id_text(&c, id);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	testutil_make_id(id, "110105", 1990, 3, 7, "123");
	for (int i = 0; i < 18; i++) {
		fw[3 * i] = (char)0xEF;
		fw[3 * i + 1] = (char)0xBC;
		fw[3 * i + 2] = (char)(id[i] == 'X' ? 0xB8 : 0x90 + (id[i] - '0'));
	}
	fw[54] = '\0';
	test_rules_set_id_text(&c, fw);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);

	/* the agent's number is checked too */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2012, 6, 1);
	test_rules_set_agent(&c, AGENT_GUARDIAN, REL_MOTHER);
	c.documents |= B(DOC_GUARDIAN_ID) | B(DOC_GUARDIANSHIP_PROOF);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	c.agent.id_number[17] = c.agent.id_number[17] == '1' ? '2' : '1';
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
	FAILED(&d, R_ID_3);
	snprintf(c.agent.id_number, sizeof c.agent.id_number, "%s", "310104700115246");
	c.agent.id_len = 15;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_3, OUT_FAIL);
}

/* ------------------------------------------------------------------------
 * Housing.
 */

static void
test_rules_house_1(void **state)
{
	static const struct { int tenure; int doc; } proof[] = {
		{ TENURE_OWN, DOC_PROPERTY_CERTIFICATE },
		{ TENURE_RELATIVE_OWN, DOC_PROPERTY_CERTIFICATE },
		{ TENURE_RENT, DOC_LEASE_FILING_CERTIFICATE },
		{ TENURE_RELATIVE_RENT, DOC_LEASE_FILING_CERTIFICATE },
		{ TENURE_DORMITORY, DOC_DORMITORY_CERTIFICATE },
		{ TENURE_UNIT_HOUSING, DOC_LEASE_FILING_CERTIFICATE },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t i = 0; i < sizeof proof / sizeof proof[0]; i++) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_drop(&c, DOC_PROPERTY_CERTIFICATE);
		test_rules_set_housing(&c, (enum jzz_tenure)proof[i].tenure);
		test_rules_add(&c, DOC_RELATIONSHIP_PROOF);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
		DOCS(&d, B(proof[i].doc));
		VERDICT(&d, VERDICT_INCOMPLETE);
		/* another tenure's proof does not do */
		for (int other = DOC_PROPERTY_CERTIFICATE; other <= DOC_DORMITORY_CERTIFICATE; other++)
			if (other != proof[i].doc)
				test_rules_add(&c, (enum jzz_doc)other);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
		test_rules_add(&c, (enum jzz_doc)proof[i].doc);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
	}

	/* registration on every channel, the kiosk included */
	for (int ch = 0; ch < CH__COUNT; ch++) {
		test_rules_case(&c, BIZ_REGISTRATION, (enum jzz_channel)ch, T);
		test_rules_drop(&c, DOC_PROPERTY_CERTIFICATE);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
		DOCS(&d, B(DOC_PROPERTY_CERTIFICATE));
	}

	/* permit businesses and endorsement: only when the address changed */
	for (int b = BIZ_PERMIT_NEW; b <= BIZ_ENDORSEMENT; b++) {
		enum jzz_channel ch = CH_COUNTER;

		test_rules_case(&c, (enum jzz_business)b, ch, T);
		test_rules_set_housing(&c, TENURE_RENT);
		test_rules_eval(&c, &d);
		for (int id = R_HOUSE_1; id <= R_HOUSE_6; id++)
			OUTCOME(&d, (enum rule_id)id, NA);
		VERDICT(&d, VERDICT_ACCEPT);
		c.address_changed = true;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
		for (int id = R_HOUSE_2; id <= R_HOUSE_6; id++)
			OUTCOME(&d, (enum rule_id)id, OUT_PASS);
		DOCS(&d, B(DOC_LEASE_FILING_CERTIFICATE));
		VERDICT(&d, VERDICT_INCOMPLETE);
		test_rules_add(&c, DOC_LEASE_FILING_CERTIFICATE);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_1, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
	}
	/* a new permit online with a changed address */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_ONLINE, T);
	test_rules_set_housing(&c, TENURE_DORMITORY);
	c.address_changed = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
	DOCS(&d, B(DOC_DORMITORY_CERTIFICATE));

	/* never for a pickup, a card update or a cancellation */
	{
		static const int never[] = { BIZ_PICKUP, BIZ_CARD_UPDATE, BIZ_CANCELLATION };

		for (size_t i = 0; i < sizeof never / sizeof never[0]; i++) {
			test_rules_case(&c, (enum jzz_business)never[i], CH_COUNTER, T);
			test_rules_set_housing(&c, TENURE_RENT);
			c.address_changed = true;
			test_rules_eval(&c, &d);
			for (int id = R_HOUSE_1; id <= R_HOUSE_6; id++)
				OUTCOME(&d, (enum rule_id)id, NA);
			VERDICT(&d, VERDICT_ACCEPT);
		}
	}

	/* info_change: exactly when the change is of the address */
	for (int f = 0; f < CHANGE__COUNT; f++) {
		test_rules_case(&c, BIZ_INFO_CHANGE, CH_COUNTER, T);
		c.change.field = (enum jzz_change_field)f;
		test_rules_set_housing(&c, TENURE_RENT);
		test_rules_eval(&c, &d);
		if (f == CHANGE_ADDRESS) {
			OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
			DOCS(&d, B(DOC_LEASE_FILING_CERTIFICATE));
			for (int id = R_HOUSE_2; id <= R_HOUSE_6; id++)
				OUTCOME(&d, (enum rule_id)id, OUT_PASS);
		} else {
			for (int id = R_HOUSE_1; id <= R_HOUSE_6; id++)
				OUTCOME(&d, (enum rule_id)id, NA);
			VERDICT(&d, VERDICT_ACCEPT);
		}
	}
}

static void
test_rules_house_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int t = TENURE_RELATIVE_OWN; t <= TENURE_RELATIVE_RENT; t += TENURE_RELATIVE_RENT - TENURE_RELATIVE_OWN) {
		jzz_docset proof = t == TENURE_RELATIVE_OWN ? B(DOC_PROPERTY_CERTIFICATE) :
		    B(DOC_LEASE_FILING_CERTIFICATE);

		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_housing(&c, (enum jzz_tenure)t);
		c.housing.relation = REL_SPOUSE;
		c.documents |= proof;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_2, OUT_MISSING);
		OUTCOME(&d, R_HOUSE_3, OUT_PASS);
		/* the first alternative listed is the one reported */
		DOCS(&d, B(DOC_RELATIONSHIP_PROOF));
		VERDICT(&d, VERDICT_INCOMPLETE);
		test_rules_add(&c, DOC_RELATIONSHIP_PROOF);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_2, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
		test_rules_drop(&c, DOC_RELATIONSHIP_PROOF);
		test_rules_add(&c, DOC_RELATIVE_COMMITMENT);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_2, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
		/* both proofs missing at once */
		c.documents &= ~(proof | B(DOC_RELATIVE_COMMITMENT));
		test_rules_eval(&c, &d);
		DOCS(&d, proof | B(DOC_RELATIONSHIP_PROOF));
	}
	/* the applicant's own home: nothing more */
	for (int t = 0; t < TENURE__COUNT; t++) {
		if (t == TENURE_RELATIVE_OWN || t == TENURE_RELATIVE_RENT)
			continue;
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_housing(&c, (enum jzz_tenure)t);
		c.documents |= B(DOC_LEASE_FILING_CERTIFICATE) | B(DOC_DORMITORY_CERTIFICATE);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_2, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
	}
}

static void
test_rules_house_3(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	/* every near relative of the list */
	for (int r = 0; r < REL__NEAR_COUNT; r++) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_housing(&c, TENURE_RELATIVE_OWN);
		c.housing.relation = (enum jzz_relation)r;
		test_rules_add(&c, DOC_RELATIVE_COMMITMENT);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_3, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
	}
	/* any other relation, or none */
	{
		static const char *const others[] = { "father_in_law", "mother_in_law", "uncle",
			"aunt", "cousin", "friend", "employer" };

		for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
			enum jzz_relation r = case_relation_from_word(others[i], strlen(others[i]));

			assert_int_equal(r, REL_OTHER);
			assert_false(case_relation_is_near(r));
			test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
			test_rules_set_housing(&c, TENURE_RELATIVE_RENT);
			c.housing.relation = r;
			c.documents |= B(DOC_LEASE_FILING_CERTIFICATE) | B(DOC_RELATIONSHIP_PROOF);
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_HOUSE_3, OUT_FAIL);
			FAILED(&d, R_HOUSE_3);
			VERDICT(&d, VERDICT_REFUSE);
		}
	}
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_RELATIVE_OWN);
	c.housing.relation = REL_NONE;
	test_rules_eval(&c, &d);
	FAILED(&d, R_HOUSE_3);
	/* HOUSE-2 is still heard beside it */
	DOCS(&d, B(DOC_RELATIONSHIP_PROOF));
	/* a relation given with the applicant's own tenure does not matter */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.housing.relation = REL_OTHER;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_3, OUT_PASS);
}

static void
test_rules_house_4(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int u = 0; u < USE__COUNT; u++) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		c.housing.use = (enum jzz_use)u;
		test_rules_eval(&c, &d);
		if (u == USE_RESIDENTIAL) {
			OUTCOME(&d, R_HOUSE_4, OUT_PASS);
			VERDICT(&d, VERDICT_ACCEPT);
		} else {
			OUTCOME(&d, R_HOUSE_4, OUT_FAIL);
			FAILED(&d, R_HOUSE_4);
			VERDICT(&d, VERDICT_REFUSE);
		}
	}
	/* an office where a permit's changed address is */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_RENT);
	c.housing.use = USE_OFFICE;
	c.address_changed = true;
	test_rules_add(&c, DOC_LEASE_FILING_CERTIFICATE);
	test_rules_eval(&c, &d);
	FAILED(&d, R_HOUSE_4);
}

static void
test_rules_house_5(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_DORMITORY);
	test_rules_add(&c, DOC_DORMITORY_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_5, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	c.housing.managed_residential_area = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_5, OUT_FAIL);
	FAILED(&d, R_HOUSE_5);
	VERDICT(&d, VERDICT_REFUSE);
	/* a home rented by the applicant in such an estate is fine */
	test_rules_set_housing(&c, TENURE_RENT);
	c.housing.managed_residential_area = true;
	test_rules_add(&c, DOC_LEASE_FILING_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_5, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
}

static void
test_rules_house_6(void **state)
{
	static const struct { int tenure, leased_to, out; } cases[] = {
		{ TENURE_UNIT_HOUSING, LEASED_INDIVIDUAL, OUT_PASS },
		{ TENURE_UNIT_HOUSING, LEASED_UNIT, OUT_FAIL },
		{ TENURE_RENT, LEASED_INDIVIDUAL, OUT_PASS },
		{ TENURE_RENT, LEASED_UNIT, OUT_FAIL },
		{ TENURE_RELATIVE_RENT, LEASED_INDIVIDUAL, OUT_PASS },
		{ TENURE_RELATIVE_RENT, LEASED_UNIT, OUT_FAIL },
		{ TENURE_OWN, LEASED_UNIT, OUT_PASS },
		{ TENURE_RELATIVE_OWN, LEASED_UNIT, OUT_PASS },
		{ TENURE_DORMITORY, LEASED_UNIT, OUT_PASS },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_housing(&c, (enum jzz_tenure)cases[i].tenure);
		c.housing.leased_to = (enum jzz_leased_to)cases[i].leased_to;
		c.documents |= B(DOC_LEASE_FILING_CERTIFICATE) | B(DOC_DORMITORY_CERTIFICATE) |
		    B(DOC_RELATIONSHIP_PROOF);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_HOUSE_6, cases[i].out);
		VERDICT(&d, cases[i].out == OUT_FAIL ? VERDICT_REFUSE : VERDICT_ACCEPT);
	}
}

/* ------------------------------------------------------------------------
 * Agents: ages on T = 2026-04-28.
 */

static void
test_rules_agent_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	const jzz_docset    guardian_docs = B(DOC_GUARDIAN_ID) | B(DOC_GUARDIANSHIP_PROOF);

	(void)state;
	/* 15 (16 tomorrow), alone: refused */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2010, 4, 29);
	test_rules_eval(&c, &d);
	assert_int_equal(d.applicant_age, 15);
	OUTCOME(&d, R_AGENT_1, OUT_FAIL);
	ABSENT(&d, R_AGENT_2, R_AGENT_3);
	FAILED(&d, R_AGENT_1);
	VERDICT(&d, VERDICT_REFUSE);
	/* another kind of agent does not do */
	test_rules_set_agent(&c, AGENT_OTHER, REL_NONE);
	test_rules_eval(&c, &d);
	FAILED(&d, R_AGENT_1);
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_MOTHER);
	c.documents |= B(DOC_AGENT_ID) | B(DOC_POWER_OF_ATTORNEY);
	test_rules_eval(&c, &d);
	FAILED(&d, R_AGENT_1);
	/* a guardian: the guardian's card and the proof */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2010, 4, 29);
	test_rules_set_agent(&c, AGENT_GUARDIAN, REL_MOTHER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_1, OUT_MISSING);
	DOCS(&d, guardian_docs);
	VERDICT(&d, VERDICT_INCOMPLETE);
	test_rules_add(&c, DOC_GUARDIAN_ID);
	test_rules_eval(&c, &d);
	DOCS(&d, B(DOC_GUARDIANSHIP_PROOF));
	test_rules_add(&c, DOC_GUARDIANSHIP_PROOF);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_1, OUT_PASS);
	ABSENT(&d, R_AGENT_2, R_AGENT_3);
	VERDICT(&d, VERDICT_ACCEPT);
	/* the applicant's own document is still needed (ID-1) */
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_eval(&c, &d);
	DOCS(&d, B(DOC_ID_CARD));
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);

	/* 16 today, and 16 since yesterday: AGENT-1 no longer applies */
	for (int day = 28; day >= 27; day--) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_id(&c, 2010, 4, day);
		test_rules_eval(&c, &d);
		assert_int_equal(d.applicant_age, 16);
		ABSENT(&d, R_AGENT_1, R_AGENT_2, R_AGENT_3);
		VERDICT(&d, VERDICT_ACCEPT);
		/* a guardian for a 16-year-old is representation AGENT-3 refuses */
		test_rules_set_agent(&c, AGENT_GUARDIAN, REL_FATHER);
		c.documents |= guardian_docs;
		test_rules_eval(&c, &d);
		ABSENT(&d, R_AGENT_1, R_AGENT_2);
		OUTCOME(&d, R_AGENT_3, OUT_FAIL);
		FAILED(&d, R_AGENT_3);
	}
	/* born on the day: age 0 */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2026, 4, 28);
	test_rules_eval(&c, &d);
	assert_int_equal(d.applicant_age, 0);
	FAILED(&d, R_AGENT_1);
	/* a disabled minor is a minor first */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_set_id(&c, 2012, 1, 1);
	c.applicant.disabled = true;
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_FATHER);
	c.documents |= B(DOC_AGENT_ID) | B(DOC_POWER_OF_ATTORNEY) | B(DOC_DISABILITY_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_1, OUT_FAIL);
	ABSENT(&d, R_AGENT_2, R_AGENT_3);
	/* a 29 February birth: 16 on 28 February of a common year */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, D(2025, 2, 27));
	test_rules_set_id(&c, 2008, 2, 29);
	test_rules_eval(&c, &d);
	assert_int_equal(d.applicant_age, 16);
	ABSENT(&d, R_AGENT_1);
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, D(2024, 2, 28));
	test_rules_set_id(&c, 2008, 2, 29);
	test_rules_eval(&c, &d);
	assert_int_equal(d.applicant_age, 15);
	OUTCOME(&d, R_AGENT_1, OUT_FAIL);
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, D(2024, 2, 29));
	test_rules_set_id(&c, 2008, 2, 29);
	test_rules_eval(&c, &d);
	ABSENT(&d, R_AGENT_1);
}

static void
test_rules_agent_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	const jzz_docset    agent_docs = B(DOC_AGENT_ID) | B(DOC_POWER_OF_ATTORNEY);

	(void)state;
	/* 64 (65 tomorrow), impaired: not yet AGENT-2, so an agent is refused */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_set_id(&c, 1961, 4, 29);
	c.applicant.mobility_impaired = true;
	test_rules_eval(&c, &d);
	assert_int_equal(d.applicant_age, 64);
	ABSENT(&d, R_AGENT_1, R_AGENT_2, R_AGENT_3);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_SPOUSE);
	c.documents |= agent_docs;
	test_rules_eval(&c, &d);
	ABSENT(&d, R_AGENT_1, R_AGENT_2);
	FAILED(&d, R_AGENT_3);

	/* 65 today and 65 since yesterday */
	for (int day = 28; day >= 27; day--) {
		test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
		test_rules_set_id(&c, 1961, 4, day);
		c.applicant.mobility_impaired = true;
		/* in person: nothing more */
		test_rules_eval(&c, &d);
		assert_int_equal(d.applicant_age, 65);
		OUTCOME(&d, R_AGENT_2, OUT_PASS);
		ABSENT(&d, R_AGENT_1, R_AGENT_3);
		VERDICT(&d, VERDICT_ACCEPT);
		/* by a near relative: agent_id and power_of_attorney */
		test_rules_set_agent(&c, AGENT_RELATIVE, REL_DAUGHTER);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_AGENT_2, OUT_MISSING);
		DOCS(&d, agent_docs);
		VERDICT(&d, VERDICT_INCOMPLETE);
		test_rules_add(&c, DOC_AGENT_ID);
		test_rules_eval(&c, &d);
		DOCS(&d, B(DOC_POWER_OF_ATTORNEY));
		test_rules_add(&c, DOC_POWER_OF_ATTORNEY);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_AGENT_2, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
		/* any other agent: refused */
		c.agent.kind = AGENT_OTHER;
		test_rules_eval(&c, &d);
		FAILED(&d, R_AGENT_2);
		c.agent.kind = AGENT_GUARDIAN;
		test_rules_eval(&c, &d);
		FAILED(&d, R_AGENT_2);
		c.agent.kind = AGENT_RELATIVE;
		c.agent.relation = REL_OTHER;
		test_rules_eval(&c, &d);
		FAILED(&d, R_AGENT_2);
		VERDICT(&d, VERDICT_REFUSE);
	}
	/* 65 but not impaired: AGENT-3 */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_set_id(&c, 1961, 4, 28);
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_SON);
	c.documents |= agent_docs;
	test_rules_eval(&c, &d);
	ABSENT(&d, R_AGENT_1, R_AGENT_2);
	FAILED(&d, R_AGENT_3);

	/* disabled, any age from 16: also the disability certificate */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.applicant.disabled = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_2, OUT_PASS);
	DOCS(&d, 0);
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_MOTHER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_2, OUT_MISSING);
	DOCS(&d, agent_docs | B(DOC_DISABILITY_CERTIFICATE));
	c.documents |= agent_docs;
	test_rules_eval(&c, &d);
	DOCS(&d, B(DOC_DISABILITY_CERTIFICATE));
	test_rules_add(&c, DOC_DISABILITY_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_2, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	c.agent.kind = AGENT_OTHER;
	test_rules_eval(&c, &d);
	FAILED(&d, R_AGENT_2);
	/* disabled and 16 today */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id(&c, 2010, 4, 28);
	c.applicant.disabled = true;
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_BROTHER);
	c.documents |= agent_docs | B(DOC_DISABILITY_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_AGENT_2, OUT_PASS);
	ABSENT(&d, R_AGENT_1, R_AGENT_3);
}

static void
test_rules_agent_3(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int k = 0; k < AGENT__COUNT; k++) {
		test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, T);
		test_rules_set_agent(&c, (enum jzz_agent_kind)k, REL_SPOUSE);
		c.documents |= B(DOC_AGENT_ID) | B(DOC_POWER_OF_ATTORNEY) | B(DOC_GUARDIAN_ID) |
		    B(DOC_GUARDIANSHIP_PROOF);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_AGENT_3, OUT_FAIL);
		FAILED(&d, R_AGENT_3);
		ABSENT(&d, R_AGENT_1, R_AGENT_2);
	}
	/* on every channel */
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	test_rules_set_agent(&c, AGENT_OTHER, REL_NONE);
	test_rules_eval(&c, &d);
	FAILED(&d, R_AGENT_3);
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	test_rules_set_id(&c, 2011, 1, 1);
	test_rules_eval(&c, &d);
	FAILED(&d, R_AGENT_1);
}

/* ------------------------------------------------------------------------
 * Registration.
 */

static void
test_rules_reg_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_drop(&c, DOC_REGISTRATION_FORM);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_1, OUT_MISSING);
	DOCS(&d, B(DOC_REGISTRATION_FORM));
	VERDICT(&d, VERDICT_INCOMPLETE);
	test_rules_case(&c, BIZ_REGISTRATION, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_1, NA);
	test_rules_case(&c, BIZ_REGISTRATION, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_1, NA);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_1, NA);
}

static void
test_rules_reg_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	/* registered 2025-04-28: valid through 2026-04-27 */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 4, 27));
	c.registered_on = D(2025, 4, 28);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_PASS);
	OUTCOME(&d, R_REG_3, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	DATE_IS(rules_find(&d, R_REG_2)->date, D(2026, 4, 27));
	for (int k = 0; k <= 1; k++) {
		test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 4, 28) + k);
		c.registered_on = D(2025, 4, 28);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_REG_2, OUT_FAIL);
		/* an expired registration still counts for REG-3 */
		OUTCOME(&d, R_REG_3, OUT_PASS);
		FAILED(&d, R_REG_2);
		VERDICT(&d, VERDICT_REFUSE);
		assert_int_equal(d.eligible_from, JZZ_DATE_NONE);
	}
	/* RULES.md's example: registered 2026-03-10, valid through 2027-03-09 */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_ONLINE, D(2027, 3, 9));
	c.registered_on = D(2026, 3, 10);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_PASS);
	c.today = D(2027, 3, 10);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_FAIL);
	/* registered on 29 February: the years first, then the day */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2025, 2, 27));
	c.registered_on = D(2024, 2, 29);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_PASS);
	c.today = D(2025, 2, 28);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_FAIL);
	/* every first-permit channel */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_COUNTER, T);
	c.registered_on = D(2025, 1, 1);
	test_rules_eval(&c, &d);
	FAILED(&d, R_REG_2);
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.registered_on = D(2025, 1, 1);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, OUT_FAIL);
	/* no registration: REG-2 does not apply, REG-3 refuses */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.has_registration = false;
	c.registered_on = JZZ_DATE_NONE;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_REG_2, NA);
	FAILED(&d, R_REG_3);
	assert_int_equal(d.eligible_from, JZZ_DATE_NONE);
	/* once a permit exists, REG-2 is not asked */
	for (int b = BIZ_PERMIT_REPLACE; b <= BIZ_CANCELLATION; b++) {
		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		c.has_registration = true;
		c.registered_on = D(2020, 1, 1);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_REG_2, NA);
		OUTCOME(&d, R_REG_3, NA);
		VERDICT(&d, VERDICT_ACCEPT);
	}
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.has_registration = true;
	c.registered_on = D(2020, 1, 1);
	test_rules_eval(&c, &d);
	ABSENT(&d, R_REG_2, R_REG_3);
}

static void
test_rules_reg_3(void **state)
{
	static const struct { int reg[3], today[3], out; int from[3]; } cases[] = {
		/* 2025-10-28 + 6 months = 2026-04-28 */
		{ { 2025, 10, 28 }, { 2026, 4, 27 }, OUT_FAIL, { 2026, 4, 28 } },
		{ { 2025, 10, 28 }, { 2026, 4, 28 }, OUT_PASS, { 0, 0, 0 } },
		{ { 2025, 10, 28 }, { 2026, 4, 29 }, OUT_PASS, { 0, 0, 0 } },
		/* end of month: 2025-08-31 + 6 months = 2026-02-28 */
		{ { 2025, 8, 31 }, { 2026, 2, 27 }, OUT_FAIL, { 2026, 2, 28 } },
		{ { 2025, 8, 31 }, { 2026, 2, 28 }, OUT_PASS, { 0, 0, 0 } },
		{ { 2025, 8, 31 }, { 2026, 3, 1 }, OUT_PASS, { 0, 0, 0 } },
		/* and into a leap February: 2023-08-31 -> 2024-02-29 */
		{ { 2023, 8, 31 }, { 2024, 2, 28 }, OUT_FAIL, { 2024, 2, 29 } },
		{ { 2023, 8, 31 }, { 2024, 2, 29 }, OUT_PASS, { 0, 0, 0 } },
		/* RULES.md: 2026-05-27 -> 2026-11-27 */
		{ { 2026, 5, 27 }, { 2026, 11, 26 }, OUT_FAIL, { 2026, 11, 27 } },
		{ { 2026, 5, 27 }, { 2026, 11, 27 }, OUT_PASS, { 0, 0, 0 } },
		/* the policy's sample: 2026-01-31 on 2026-04-28 -> 2026-07-31 */
		{ { 2026, 1, 31 }, { 2026, 4, 28 }, OUT_FAIL, { 2026, 7, 31 } },
		/* 2026-03-31 + 6 months = 2026-09-30 */
		{ { 2026, 3, 31 }, { 2026, 9, 29 }, OUT_FAIL, { 2026, 9, 30 } },
		{ { 2026, 3, 31 }, { 2026, 9, 30 }, OUT_PASS, { 0, 0, 0 } },
		/* registered today */
		{ { 2026, 4, 28 }, { 2026, 4, 28 }, OUT_FAIL, { 2026, 10, 28 } },
	};
	static const struct { int b, ch; } where[] = {
		{ BIZ_PERMIT_NEW, CH_COUNTER }, { BIZ_PERMIT_NEW, CH_ONLINE },
		{ BIZ_PERMIT_NEW_FAST, CH_COUNTER }, { BIZ_PERMIT_NEW_FAST, CH_KIOSK },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
		for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			jzz_date today = D(cases[i].today[0], cases[i].today[1], cases[i].today[2]);

			test_rules_case(&c, (enum jzz_business)where[w].b, (enum jzz_channel)where[w].ch, today);
			c.registered_on = D(cases[i].reg[0], cases[i].reg[1], cases[i].reg[2]);
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_REG_3, cases[i].out);
			OUTCOME(&d, R_REG_2, OUT_PASS);
			if (cases[i].out == OUT_FAIL) {
				VERDICT(&d, VERDICT_REFUSE);
				DATE_IS(d.eligible_from, D(cases[i].from[0], cases[i].from[1], cases[i].from[2]));
				DATE_IS(rules_find(&d, R_REG_3)->date, d.eligible_from);
				if (where[w].ch == CH_KIOSK)
					FAILED(&d, R_REG_3, R_KIOSK_2);
				else
					FAILED(&d, R_REG_3);
			} else {
				VERDICT(&d, VERDICT_ACCEPT);
				assert_int_equal(d.eligible_from, JZZ_DATE_NONE);
			}
		}
	}
	/* no registration at all: refused with no date */
	for (size_t w = 0; w < sizeof where / sizeof where[0]; w++) {
		test_rules_case(&c, (enum jzz_business)where[w].b, (enum jzz_channel)where[w].ch, T);
		c.has_registration = false;
		c.registered_on = JZZ_DATE_NONE;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_REG_3, OUT_FAIL);
		VERDICT(&d, VERDICT_REFUSE);
		assert_int_equal(d.eligible_from, JZZ_DATE_NONE);
	}
}

/* ------------------------------------------------------------------------
 * Permit.
 */

static void
test_rules_permit_1(void **state)
{
	static const struct { int b, ch, out; } cases[] = {
		{ BIZ_PERMIT_NEW, CH_COUNTER, OUT_MISSING },
		{ BIZ_PERMIT_NEW_FAST, CH_COUNTER, OUT_MISSING },
		{ BIZ_PERMIT_REPLACE, CH_COUNTER, OUT_MISSING },
		{ BIZ_PERMIT_REAPPLY, CH_COUNTER, OUT_MISSING },
		{ BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, NA },
		{ BIZ_PERMIT_NEW, CH_ONLINE, NA },
		{ BIZ_PERMIT_NEW_FAST, CH_KIOSK, NA },
		{ BIZ_ENDORSEMENT, CH_COUNTER, NA },
		{ BIZ_REGISTRATION, CH_COUNTER, NA },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_rules_case(&c, (enum jzz_business)cases[i].b, (enum jzz_channel)cases[i].ch, T);
		test_rules_drop(&c, DOC_PERMIT_APPLICATION_FORM);
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_PERMIT_1, cases[i].out);
		if (cases[i].out == OUT_MISSING) {
			DOCS(&d, B(DOC_PERMIT_APPLICATION_FORM));
			VERDICT(&d, VERDICT_INCOMPLETE);
			test_rules_add(&c, DOC_PERMIT_APPLICATION_FORM);
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_PERMIT_1, OUT_PASS);
		}
		VERDICT(&d, VERDICT_ACCEPT);
	}
}

static void
test_rules_permit_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	/* the Labour Day sample: 2026-04-28 + 2, 8, 15 working days */
	for (int b = BIZ_PERMIT_NEW; b <= BIZ_PERMIT_REAPPLY; b++) {
		if (b == BIZ_PERMIT_NEW_FAST || b == BIZ_PERMIT_REPLACE_FAST)
			continue;
		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		test_rules_eval(&c, &d);
		VERDICT(&d, VERDICT_ACCEPT);
		DATE_IS(d.ready_on, D(2026, 5, 21));
		assert_true(d.has_milestones);
		DATE_IS(d.transferred, D(2026, 4, 30));
		DATE_IS(d.reviewed, D(2026, 5, 12));
		DATE_IS(d.made, D(2026, 5, 21));
		OUTCOME(&d, R_CAL_1, OUT_PASS);
		WARNED(&d, NOTHING);
	}
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	DATE_IS(d.ready_on, D(2026, 5, 21));
	assert_true(d.has_milestones);
	/* across National Day: 2026-09-29 + 15 = 2026-10-26 (30; 8, 9, 10 worked;
	 * 12-16; 19-23; 26), milestones 2026-10-08 and 2026-10-15 */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 9, 29));
	test_rules_eval(&c, &d);
	DATE_IS(d.transferred, D(2026, 10, 8));
	DATE_IS(d.reviewed, D(2026, 10, 15));
	DATE_IS(d.ready_on, D(2026, 10, 26));
	/* accepted on a Saturday that is worked: counted from the next day */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 5, 9));
	test_rules_eval(&c, &d);
	DATE_IS(d.transferred, D(2026, 5, 12));
	/* not accepted: no dates, and no working days counted (no CAL-1) */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.applicant.hukou_shanghai = true;
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_REFUSE);
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	assert_false(d.has_milestones);
	OUTCOME(&d, R_CAL_1, NA);
	test_rules_drop(&c, DOC_PERMIT_APPLICATION_FORM);
	c.applicant.hukou_shanghai = false;
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_INCOMPLETE);
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	assert_false(d.has_milestones);
}

static void
test_rules_cal_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	char                msg[512];
	const struct rule_result *r;

	(void)state;
	/* 2026-12-18 + 15 runs into 2027, whose schedule is not loaded */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 12, 18));
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);        /* warnings never change the decision */
	OUTCOME(&d, R_CAL_1, OUT_WARN);
	WARNED(&d, R_CAL_1);
	DATE_IS(d.ready_on, D(2027, 1, 8)); /* by Monday-Friday alone */
	DATE_IS(d.transferred, D(2026, 12, 22));
	DATE_IS(d.reviewed, D(2026, 12, 30));
	r = rules_find(&d, R_CAL_1);
	assert_non_null(r);
	rules_message(r, LANG_EN, msg, sizeof msg);
	assert_non_null(strstr(msg, "2027"));
	rules_message(r, LANG_ZH, msg, sizeof msg);
	assert_non_null(strstr(msg, "2027"));
	/* a fast track into 2027 too: 2026-12-24 + 7 */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_COUNTER, D(2026, 12, 24));
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CAL_1, OUT_WARN);
	DATE_IS(d.ready_on, D(2027, 1, 4));
	/* staying in 2026: pass */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 12, 1));
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CAL_1, OUT_PASS);
	DATE_IS(d.ready_on, D(2026, 12, 22));
	/* no calendar at all: every year is provisional */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_eval_cal(&c, NULL, &d);
	OUTCOME(&d, R_CAL_1, OUT_WARN);
	DATE_IS(d.ready_on, D(2026, 5, 19));
	VERDICT(&d, VERDICT_ACCEPT);
	r = rules_find(&d, R_CAL_1);
	rules_message(r, LANG_EN, msg, sizeof msg);
	assert_non_null(strstr(msg, "2026"));
	/* a 2027 file with no days is no schedule */
	{
		struct calendar *cal = testutil_calendar_shipped();
		char             err[128];
		const char      *empty = "{\"year\": 2027, \"days\": []}";

		assert_non_null(cal);
		assert_int_equal(calendar_load_json(cal, empty, strlen(empty), err, sizeof err), 2027);
		test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, D(2026, 12, 18));
		test_rules_eval_cal(&c, cal, &d);
		OUTCOME(&d, R_CAL_1, OUT_WARN);
		calendar_free(cal);
	}
	/* same-day businesses count no working day: never a warning */
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, D(2026, 12, 31));
	test_rules_eval_cal(&c, NULL, &d);
	assert_true(rules_find(&d, R_CAL_1) == NULL || rules_find(&d, R_CAL_1)->outcome == OUT_PASS);
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, D(2026, 12, 31));
	test_rules_eval_cal(&c, NULL, &d);
	assert_true(rules_find(&d, R_CAL_1) == NULL || rules_find(&d, R_CAL_1)->outcome == OUT_PASS);
	/* and none for the businesses without a card date */
	for (int b = 0; b < BIZ__COUNT; b++) {
		if (case_business_is_permit((enum jzz_business)b))
			continue;
		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, D(2026, 12, 31));
		test_rules_eval_cal(&c, NULL, &d);
		OUTCOME(&d, R_CAL_1, NA);
	}
}

static void
test_rules_permit_4(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	char                id[19];

	(void)state;
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	test_rules_drop(&c, DOC_ACCEPTANCE_RECEIPT);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_MISSING);
	DOCS(&d, B(DOC_ACCEPTANCE_RECEIPT));
	/* the household register does for ID-1, not for PERMIT-4 */
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	test_rules_drop(&c, DOC_ID_CARD);
	test_rules_add(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_PASS);
	OUTCOME(&d, R_PERMIT_4, OUT_MISSING);
	DOCS(&d, B(DOC_ID_CARD));
	test_rules_drop(&c, DOC_HOUSEHOLD_REGISTER);
	test_rules_drop(&c, DOC_ACCEPTANCE_RECEIPT);
	test_rules_eval(&c, &d);
	DOCS(&d, B(DOC_ID_CARD) | B(DOC_ACCEPTANCE_RECEIPT));
	/* a minor: the guardian's card in place of the holder's */
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	test_rules_set_id(&c, 2015, 7, 1);
	test_rules_set_agent(&c, AGENT_GUARDIAN, REL_MOTHER);
	c.documents = B(DOC_HOUSEHOLD_REGISTER) | B(DOC_ACCEPTANCE_RECEIPT) |
	    B(DOC_GUARDIAN_ID) | B(DOC_GUARDIANSHIP_PROOF);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_PASS);
	OUTCOME(&d, R_AGENT_1, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_drop(&c, DOC_GUARDIAN_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_MISSING);
	DOCS(&d, B(DOC_GUARDIAN_ID));
	/* 16 today: the holder's own card again */
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	test_rules_set_id(&c, 2010, 4, 28);
	c.documents = B(DOC_HOUSEHOLD_REGISTER) | B(DOC_ACCEPTANCE_RECEIPT) | B(DOC_GUARDIAN_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_MISSING);
	DOCS(&d, B(DOC_ID_CARD));
	/* age unknown (ID-3 failed on the birth date): id_card */
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	test_rules_set_id(&c, 2015, 2, 30);
	c.documents = B(DOC_HOUSEHOLD_REGISTER) | B(DOC_ACCEPTANCE_RECEIPT) | B(DOC_GUARDIAN_ID);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_MISSING);
	DOCS(&d, B(DOC_ID_CARD));
	FAILED(&d, R_ID_3);
	/* a minor's number with a wrong check character still gives the age */
	test_rules_case(&c, BIZ_PICKUP, CH_COUNTER, T);
	testutil_make_bad_check_id(id, "110105", 2015, 7, 1);
	test_rules_set_id_text(&c, id);
	test_rules_set_agent(&c, AGENT_GUARDIAN, REL_MOTHER);
	c.documents = B(DOC_HOUSEHOLD_REGISTER) | B(DOC_ACCEPTANCE_RECEIPT) |
	    B(DOC_GUARDIAN_ID) | B(DOC_GUARDIANSHIP_PROOF);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, OUT_PASS);
	FAILED(&d, R_ID_3);
	/* only for a pickup */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_4, NA);
}

static void
test_rules_permit_5(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int b = BIZ_PERMIT_NEW; b <= BIZ_PERMIT_REAPPLY; b++) {
		bool applies = b != BIZ_PERMIT_REPLACE_FAST;

		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		c.delivery.method = DELIVERY_POST;
		c.delivery.in_shanghai = true;
		test_rules_eval(&c, &d);
		VERDICT(&d, VERDICT_ACCEPT);
		OUTCOME(&d, R_PERMIT_5, applies ? OUT_PASS : NA);
		assert_int_equal(d.cod_fee_yuan, applies ? 15 : 0);
		c.delivery.in_shanghai = false;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_PERMIT_5, applies ? OUT_FAIL : NA);
		VERDICT(&d, applies ? VERDICT_REFUSE : VERDICT_ACCEPT);
		assert_int_equal(d.cod_fee_yuan, 0);
		/* pickup: no courier fee */
		c.delivery.method = DELIVERY_PICKUP;
		test_rules_eval(&c, &d);
		VERDICT(&d, VERDICT_ACCEPT);
		assert_int_equal(d.cod_fee_yuan, 0);
		if (applies)
			assert_true(rules_find(&d, R_PERMIT_5) == NULL ||
			    rules_find(&d, R_PERMIT_5)->outcome == OUT_PASS);
	}
	/* the COD fee is not collected at the counter */
	test_rules_case(&c, BIZ_PERMIT_REPLACE, CH_COUNTER, T);
	c.delivery.method = DELIVERY_POST;
	test_rules_eval(&c, &d);
	assert_int_equal(d.fee_yuan, 20);
	assert_int_equal(d.cod_fee_yuan, 15);
	/* elsewhere delivery is ignored */
	{
		static const struct { int b, ch; } ignored[] = {
			{ BIZ_REGISTRATION, CH_COUNTER }, { BIZ_ENDORSEMENT, CH_COUNTER },
			{ BIZ_PERMIT_NEW_FAST, CH_KIOSK }, { BIZ_PICKUP, CH_COUNTER },
			{ BIZ_CARD_UPDATE, CH_KIOSK }, { BIZ_INFO_CHANGE, CH_COUNTER },
		};

		for (size_t i = 0; i < sizeof ignored / sizeof ignored[0]; i++) {
			test_rules_case(&c, (enum jzz_business)ignored[i].b,
			    (enum jzz_channel)ignored[i].ch, T);
			c.delivery.method = DELIVERY_POST;
			c.delivery.in_shanghai = false;
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_PERMIT_5, NA);
			VERDICT(&d, VERDICT_ACCEPT);
			assert_int_equal(d.cod_fee_yuan, 0);
		}
	}
	/* refused for another reason: no fee recorded */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.delivery.method = DELIVERY_POST;
	c.applicant.hukou_shanghai = true;
	test_rules_eval(&c, &d);
	assert_int_equal(d.cod_fee_yuan, 0);
}

static void
test_rules_permit_6(void **state)
{
	static const struct { int b, ch; bool personal; int fee; } cases[] = {
		{ BIZ_PERMIT_NEW, CH_COUNTER, true, 0 },
		{ BIZ_PERMIT_NEW, CH_ONLINE, true, 0 },
		{ BIZ_PERMIT_NEW_FAST, CH_COUNTER, true, 0 },
		{ BIZ_PERMIT_NEW_FAST, CH_KIOSK, true, 0 },
		{ BIZ_PERMIT_REPLACE, CH_COUNTER, true, 20 },
		{ BIZ_PERMIT_REPLACE, CH_COUNTER, false, 0 },
		{ BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, true, 20 },
		{ BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, false, 0 },
		{ BIZ_PERMIT_REAPPLY, CH_COUNTER, true, 20 },
		{ BIZ_PERMIT_REAPPLY, CH_COUNTER, false, 0 },
		{ BIZ_REGISTRATION, CH_COUNTER, true, 0 },
		{ BIZ_ENDORSEMENT, CH_COUNTER, true, 0 },
		{ BIZ_CARD_UPDATE, CH_COUNTER, true, 0 },
		{ BIZ_CARD_UPDATE, CH_KIOSK, true, 0 },
		{ BIZ_INFO_CHANGE, CH_COUNTER, true, 0 },
		{ BIZ_PICKUP, CH_COUNTER, true, 0 },
		{ BIZ_CANCELLATION, CH_COUNTER, true, 0 },
	};
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		test_rules_case(&c, (enum jzz_business)cases[i].b, (enum jzz_channel)cases[i].ch, T);
		c.personal_reason = cases[i].personal;
		test_rules_eval(&c, &d);
		VERDICT(&d, VERDICT_ACCEPT);
		if (d.fee_yuan != cases[i].fee)
			fail_msg("%s on %s, personal %d: fee %d, expected %d",
			    case_business_vocab[cases[i].b].code, case_channel_vocab[cases[i].ch].code,
			    cases[i].personal, d.fee_yuan, cases[i].fee);
		/* not accepted: nothing collected */
		if (cases[i].fee > 0) {
			test_rules_drop(&c, DOC_ID_CARD);
			test_rules_eval(&c, &d);
			VERDICT(&d, VERDICT_INCOMPLETE);
			assert_int_equal(d.fee_yuan, 0);
		}
	}
	/* case_init: personal_reason defaults to true (case-format.md) */
	case_init(&c);
	assert_true(c.personal_reason);
}

static void
test_rules_permit_7(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	OUTCOME(&d, R_PERMIT_7, OUT_PASS);
	OUTCOME(&d, R_PERMIT_1, OUT_PASS);
	/* 7 working days: 29, 30, 6, 7, 8, 9 (Saturday, worked), 11 */
	DATE_IS(d.ready_on, D(2026, 5, 11));
	assert_false(d.has_milestones);
	OUTCOME(&d, R_CAL_1, OUT_PASS);
	assert_int_equal(d.fee_yuan, 0);
	/* without the written request */
	test_rules_drop(&c, DOC_FAST_TRACK_REQUEST);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_7, OUT_MISSING);
	DOCS(&d, B(DOC_FAST_TRACK_REQUEST));
	VERDICT(&d, VERDICT_INCOMPLETE);
	assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	/* everything permit_new needs: the form too, and REG-3 */
	test_rules_drop(&c, DOC_PERMIT_APPLICATION_FORM);
	test_rules_eval(&c, &d);
	DOCS(&d, B(DOC_FAST_TRACK_REQUEST) | B(DOC_PERMIT_APPLICATION_FORM));
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_COUNTER, T);
	c.registered_on = D(2026, 1, 31);
	test_rules_eval(&c, &d);
	FAILED(&d, R_REG_3);
	DATE_IS(d.eligible_from, D(2026, 7, 31));
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_COUNTER, T);
	c.has_permit = true;
	c.permit_valid_until = T + 100;
	test_rules_eval(&c, &d);
	FAILED(&d, R_PERMIT_12);
	/* not on the kiosk (no paper, no written request there) */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_7, NA);
	OUTCOME(&d, R_PERMIT_1, NA);
	VERDICT(&d, VERDICT_ACCEPT);
}

static void
test_rules_permit_8(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	OUTCOME(&d, R_PERMIT_8, OUT_PASS);
	OUTCOME(&d, R_PERMIT_1, NA);
	DATE_IS(d.ready_on, T); /* the same day */
	assert_false(d.has_milestones);
	assert_int_equal(d.fee_yuan, 20);
	/* on a holiday too: same day */
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, D(2026, 10, 3));
	test_rules_eval(&c, &d);
	DATE_IS(d.ready_on, D(2026, 10, 3));
	/* without the written request */
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, T);
	test_rules_drop(&c, DOC_FAST_TRACK_REQUEST);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_8, OUT_MISSING);
	DOCS(&d, B(DOC_FAST_TRACK_REQUEST));
	assert_int_equal(d.fee_yuan, 0);
	/* residence proof only when the address changed */
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_RELATIVE_RENT);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_1, NA);
	c.address_changed = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
	DOCS(&d, B(DOC_LEASE_FILING_CERTIFICATE) | B(DOC_RELATIONSHIP_PROOF));
	/* a replacement needs a permit to replace */
	test_rules_case(&c, BIZ_PERMIT_REPLACE_FAST, CH_COUNTER, T);
	c.has_permit = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_PERMIT_11);
}

static void
test_rules_permit_11_12(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++) {
		bool needs = b == BIZ_PERMIT_REPLACE || b == BIZ_PERMIT_REPLACE_FAST ||
		    b == BIZ_PERMIT_REAPPLY || b == BIZ_ENDORSEMENT || b == BIZ_CARD_UPDATE;
		bool first = b == BIZ_PERMIT_NEW || b == BIZ_PERMIT_NEW_FAST;

		test_rules_case(&c, (enum jzz_business)b, CH_COUNTER, T);
		c.has_permit = false;
		c.permit_valid_until = JZZ_DATE_NONE;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_PERMIT_11, needs ? OUT_FAIL : NA);
		OUTCOME(&d, R_PERMIT_12, first ? OUT_PASS : NA);
		if (needs)
			FAILED(&d, R_PERMIT_11);
		c.has_permit = true;
		c.permit_valid_until = T + 20;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_PERMIT_11, needs ? OUT_PASS : NA);
		OUTCOME(&d, R_PERMIT_12, first ? OUT_FAIL : NA);
		if (first)
			FAILED(&d, R_PERMIT_12);
	}
	/* a suspended permit (past its date) may be replaced and reapplied for */
	test_rules_case(&c, BIZ_PERMIT_REPLACE, CH_COUNTER, T);
	c.permit_valid_until = T - 100;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_PERMIT_11, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	test_rules_case(&c, BIZ_PERMIT_REAPPLY, CH_COUNTER, T);
	c.permit_valid_until = T - 400;
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	/* a card update at the kiosk */
	test_rules_case(&c, BIZ_CARD_UPDATE, CH_KIOSK, T);
	c.has_permit = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_PERMIT_11);
	/* a new permit on the kiosk for a holder */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.has_permit = true;
	c.permit_valid_until = T + 20;
	test_rules_eval(&c, &d);
	FAILED(&d, R_PERMIT_12);
}

/* ------------------------------------------------------------------------
 * Endorsement.
 */

static void
test_rules_endo_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_1, OUT_PASS);
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_ONLINE, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_1, OUT_FAIL);
	FAILED(&d, R_ENDO_1);
	assert_int_equal(d.new_valid_until, JZZ_DATE_NONE);
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_1, OUT_FAIL);
	/* only for an endorsement */
	test_rules_case(&c, BIZ_CARD_UPDATE, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	ABSENT(&d, R_ENDO_1, R_ENDO_2, R_ENDO_3, R_ENDO_4);
}

static void
test_rules_endo_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	const jzz_date      vu = D(2026, 12, 31);

	(void)state;
	/* valid_until 2026-12-31: the window opens on 2026-12-01 */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, D(2026, 11, 30));
	c.permit_valid_until = vu;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_2, OUT_FAIL);
	FAILED(&d, R_ENDO_2);
	VERDICT(&d, VERDICT_REFUSE);
	DATE_IS(d.window_opens, D(2026, 12, 1));
	assert_int_equal(d.new_valid_until, JZZ_DATE_NONE);
	OUTCOME(&d, R_ENDO_3, NA);
	/* long before */
	c.today = D(2026, 1, 5);
	test_rules_eval(&c, &d);
	FAILED(&d, R_ENDO_2);
	DATE_IS(d.window_opens, D(2026, 12, 1));
	/* the opening day and after it: accepted, a year more */
	for (int k = 0; k <= 1; k++) {
		c.today = D(2026, 12, 1) + k;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_ENDO_2, OUT_PASS);
		OUTCOME(&d, R_ENDO_3, NA);
		VERDICT(&d, VERDICT_ACCEPT);
		assert_int_equal(d.window_opens, JZZ_DATE_NONE);
		DATE_IS(d.new_valid_until, D(2027, 12, 31));
		assert_false(d.residence_years_reset);
		assert_int_equal(d.ready_on, JZZ_DATE_NONE);
	}
	/* on valid_until itself: still in time, ENDO-3 n/a */
	c.today = vu;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_2, OUT_PASS);
	OUTCOME(&d, R_ENDO_3, NA);
	DATE_IS(d.new_valid_until, D(2027, 12, 31));
	/* a window that opens across a month end: 2027-03-02 - 30 = 2027-01-31 */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, D(2027, 1, 30));
	c.permit_valid_until = D(2027, 3, 2);
	test_rules_eval(&c, &d);
	DATE_IS(d.window_opens, D(2027, 1, 31));
	c.today = D(2027, 1, 31);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	DATE_IS(d.new_valid_until, D(2028, 3, 2));
	/* the window is for endorsement only */
	test_rules_case(&c, BIZ_PERMIT_REPLACE, CH_COUNTER, D(2026, 1, 5));
	c.permit_valid_until = vu;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_2, NA);
	assert_int_equal(d.window_opens, JZZ_DATE_NONE);
}

static void
test_rules_endo_3(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	const jzz_date      vu = D(2026, 6, 10);

	(void)state;
	/* +1 and +60 days: kept */
	for (int late = 1; late <= 60; late += 59) {
		test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, vu + late);
		c.permit_valid_until = vu;
		test_rules_eval(&c, &d);
		OUTCOME(&d, R_ENDO_2, OUT_PASS);
		OUTCOME(&d, R_ENDO_3, OUT_PASS);
		VERDICT(&d, VERDICT_ACCEPT);
		WARNED(&d, NOTHING);
		assert_false(d.residence_years_reset);
		DATE_IS(d.new_valid_until, D(2027, 6, 10));
	}
	assert_int_equal(vu + 60, D(2026, 8, 9));
	/* +61: accepted with a warning, the residence years restart */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, vu + 61);
	c.permit_valid_until = vu;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_3, OUT_WARN);
	WARNED(&d, R_ENDO_3);
	VERDICT(&d, VERDICT_ACCEPT);
	assert_true(d.residence_years_reset);
	DATE_IS(d.new_valid_until, D(2027, 8, 9)); /* 2026-08-10 + 1 year - 1 day */
	/* the policy's sample: 2026-08-20 -> 2027-08-19 */
	c.today = D(2026, 8, 20);
	test_rules_eval(&c, &d);
	assert_true(d.residence_years_reset);
	DATE_IS(d.new_valid_until, D(2027, 8, 19));
	/* years late */
	c.today = D(2028, 2, 29);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_3, OUT_WARN);
	DATE_IS(d.new_valid_until, D(2029, 2, 27));
	/* late and refused for another reason: nothing reset */
	c.today = vu + 61;
	c.applicant.hukou_shanghai = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_3, OUT_WARN);
	VERDICT(&d, VERDICT_REFUSE);
	assert_false(d.residence_years_reset);
	assert_int_equal(d.new_valid_until, JZZ_DATE_NONE);
	/* valid_until on 29 February: + 1 year = 28 February */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, D(2028, 3, 1));
	c.permit_valid_until = D(2028, 2, 29);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ENDO_3, OUT_PASS);
	DATE_IS(d.new_valid_until, D(2029, 2, 28));
	/* valid_until on 31 August, endorsed in time */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, D(2026, 8, 20));
	c.permit_valid_until = D(2026, 8, 31);
	test_rules_eval(&c, &d);
	DATE_IS(d.new_valid_until, D(2027, 8, 31));
}

static void
test_rules_endo_4(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_OWN);
	test_rules_eval(&c, &d);
	ABSENT(&d, R_HOUSE_1, R_ENDO_4);
	c.address_changed = true;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_1, OUT_MISSING);
	DOCS(&d, B(DOC_PROPERTY_CERTIFICATE));
	VERDICT(&d, VERDICT_INCOMPLETE);
	assert_int_equal(d.new_valid_until, JZZ_DATE_NONE);
	test_rules_add(&c, DOC_PROPERTY_CERTIFICATE);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_HOUSE_1, OUT_PASS);
	VERDICT(&d, VERDICT_ACCEPT);
	assert_true(rules_find(&d, R_ENDO_4) == NULL || rules_find(&d, R_ENDO_4)->outcome == OUT_PASS);
	/* the changed address must be residential like any other */
	c.housing.use = USE_SHOP;
	test_rules_eval(&c, &d);
	FAILED(&d, R_HOUSE_4);
}

/* ------------------------------------------------------------------------
 * Changes, kiosk.
 */

static void
test_rules_change_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int f = 0; f < CHANGE__COUNT; f++) {
		for (int days = 29; days <= 31; days++) {
			test_rules_case(&c, BIZ_INFO_CHANGE, CH_COUNTER, T);
			c.change.field = (enum jzz_change_field)f;
			c.change.changed_on = T - days;
			test_rules_set_housing(&c, TENURE_RENT);
			test_rules_add(&c, DOC_LEASE_FILING_CERTIFICATE);
			test_rules_eval(&c, &d);
			OUTCOME(&d, R_CHANGE_1, days > 30 ? OUT_WARN : OUT_PASS);
			if (days > 30)
				WARNED(&d, R_CHANGE_1);
			else
				WARNED(&d, NOTHING);
			VERDICT(&d, VERDICT_ACCEPT);
			OUTCOME(&d, R_HOUSE_1, f == CHANGE_ADDRESS ? OUT_PASS : NA);
		}
	}
	/* the same day, and long ago */
	test_rules_case(&c, BIZ_INFO_CHANGE, CH_COUNTER, T);
	c.change.changed_on = T;
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHANGE_1, OUT_PASS);
	c.change.changed_on = D(2020, 1, 1);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHANGE_1, OUT_WARN);
	VERDICT(&d, VERDICT_ACCEPT);
	/* across a month end: changed 2026-03-29, 30 days later is 2026-04-28 */
	test_rules_case(&c, BIZ_INFO_CHANGE, CH_COUNTER, T);
	c.change.changed_on = D(2026, 3, 29);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHANGE_1, OUT_PASS);
	c.change.changed_on = D(2026, 3, 28);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHANGE_1, OUT_WARN);
	/* an address change needs HOUSE-1..6 for the new address */
	test_rules_case(&c, BIZ_INFO_CHANGE, CH_COUNTER, T);
	c.change.field = CHANGE_ADDRESS;
	test_rules_set_housing(&c, TENURE_UNIT_HOUSING);
	c.housing.leased_to = LEASED_UNIT;
	test_rules_eval(&c, &d);
	FAILED(&d, R_HOUSE_6);
	DOCS(&d, B(DOC_LEASE_FILING_CERTIFICATE));
	/* only for info_change */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, T);
	c.has_change = true;
	c.change.changed_on = D(2020, 1, 1);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_CHANGE_1, NA);
}

static void
test_rules_kiosk_1(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++) {
		bool offered = b == BIZ_REGISTRATION || b == BIZ_PERMIT_NEW_FAST || b == BIZ_CARD_UPDATE;

		test_rules_case(&c, (enum jzz_business)b, CH_KIOSK, T);
		test_rules_eval(&c, &d);
		if (offered) {
			VERDICT(&d, VERDICT_ACCEPT);
			assert_true(rules_find(&d, R_KIOSK_1) == NULL ||
			    rules_find(&d, R_KIOSK_1)->outcome == OUT_PASS);
		} else {
			OUTCOME(&d, R_KIOSK_1, b == BIZ_ENDORSEMENT && rules_find(&d, R_KIOSK_1) == NULL ?
			    NA : OUT_FAIL);
			VERDICT(&d, VERDICT_REFUSE);
			assert_true(rules_find(&d, R_CHAN_1) == NULL ||
			    rules_find(&d, R_CHAN_1)->outcome != OUT_FAIL);
		}
	}
	/* not on other channels */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	test_rules_eval(&c, &d);
	ABSENT(&d, R_KIOSK_1, R_KIOSK_2);
}

static void
test_rules_kiosk_2(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_ACCEPT);
	OUTCOME(&d, R_KIOSK_2, OUT_PASS);
	OUTCOME(&d, R_REG_3, OUT_PASS);
	DATE_IS(d.ready_on, T);  /* printed on the spot */
	assert_false(d.has_milestones);
	assert_int_equal(d.fee_yuan, 0);
	ABSENT(&d, R_PERMIT_1, R_PERMIT_7);
	DOCS(&d, 0);
	/* no kiosk object: not identical */
	c.has_kiosk = false;
	c.kiosk_info_matches_registration = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_2);
	c.has_kiosk = true;
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_2);
	/* the address changed */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.address_changed = true;
	test_rules_set_housing(&c, TENURE_OWN);
	test_rules_add(&c, DOC_PROPERTY_CERTIFICATE);
	test_rules_eval(&c, &d);
	FAILED(&d, R_KIOSK_2);
	OUTCOME(&d, R_HOUSE_1, OUT_PASS);
	/* not living in Shanghai: beside ELIG-2 */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.applicant.lives_in_shanghai = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_ELIG_2, R_KIOSK_2);
	/* REG-3 failing: beside REG-3 */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.registered_on = D(2026, 1, 31);
	test_rules_eval(&c, &d);
	FAILED(&d, R_REG_3, R_KIOSK_2);
	DATE_IS(d.eligible_from, D(2026, 7, 31));
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.has_registration = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_REG_3, R_KIOSK_2);
	/* six months to the day: eligible */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.registered_on = D(2025, 10, 28);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_KIOSK_2, OUT_PASS);
	/* the kiosk reads only the card */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.documents = B(DOC_HOUSEHOLD_REGISTER);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_ID_1, OUT_MISSING);
	DOCS(&d, B(DOC_ID_CARD));
	OUTCOME(&d, R_KIOSK_2, OUT_PASS);
	/* only for permit_new_fast */
	test_rules_case(&c, BIZ_REGISTRATION, CH_KIOSK, T);
	test_rules_eval(&c, &d);
	OUTCOME(&d, R_KIOSK_2, NA);
}

/* ------------------------------------------------------------------------
 * Whole decisions.
 */

/* None is skipped because another failed: every failure and every missing
 * document at once. */
static void
test_rules_everything_at_once(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;

	(void)state;
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	c.applicant.hukou_shanghai = true;
	c.applicant.lives_in_shanghai = false;
	c.documents = B(DOC_ELECTRONIC_ID);
	test_rules_set_housing(&c, TENURE_RELATIVE_RENT);
	c.housing.relation = REL_OTHER;
	c.housing.use = USE_OFFICE;
	c.housing.leased_to = LEASED_UNIT;
	test_rules_set_agent(&c, AGENT_OTHER, REL_NONE);
	test_rules_eval(&c, &d);
	VERDICT(&d, VERDICT_REFUSE);
	FAILED(&d, R_ELIG_1, R_ELIG_2, R_HOUSE_3, R_HOUSE_4, R_HOUSE_6, R_AGENT_3);
	WARNED(&d, R_ID_2);
	DOCS(&d, B(DOC_ID_CARD) | B(DOC_LEASE_FILING_CERTIFICATE) | B(DOC_RELATIONSHIP_PROOF) |
	    B(DOC_REGISTRATION_FORM));
	OUTCOME(&d, R_HOUSE_5, OUT_PASS);

	/* a permit: REG-3, PERMIT-1, PERMIT-5 and PERMIT-12 together */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.registered_on = D(2026, 2, 1);
	c.has_permit = true;
	c.permit_valid_until = T + 30;
	c.delivery.method = DELIVERY_POST;
	c.delivery.in_shanghai = false;
	c.documents = 0;
	test_rules_eval(&c, &d);
	FAILED(&d, R_REG_3, R_PERMIT_5, R_PERMIT_12);
	DOCS(&d, B(DOC_ID_CARD) | B(DOC_PERMIT_APPLICATION_FORM));
	DATE_IS(d.eligible_from, D(2026, 8, 1));
}

/* Evaluation reads only its arguments: the same case twice, the same
 * decision; and a decision does not depend on what the output held. */
static void
test_rules_pure(void **state)
{
	struct jzz_case     c, copy;
	struct jzz_decision a, b;

	(void)state;
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.documents = 0;
	copy = c;
	memset(&a, 0x00, sizeof a);
	memset(&b, 0xFF, sizeof b);
	rules_evaluate(&c, test_rules_cal, &a);
	rules_evaluate(&c, test_rules_cal, &b);
	assert_memory_equal(&c, &copy, sizeof c);
	assert_int_equal(a.verdict, b.verdict);
	assert_int_equal(a.nresults, b.nresults);
	assert_int_equal(a.missing_documents, b.missing_documents);
	assert_int_equal(a.ready_on, b.ready_on);
	for (int i = 0; i < a.nresults; i++) {
		assert_int_equal(a.results[i].rule, b.results[i].rule);
		assert_int_equal(a.results[i].outcome, b.results[i].outcome);
		assert_int_equal(a.results[i].docs, b.results[i].docs);
		assert_int_equal(a.results[i].date, b.results[i].date);
	}
}

static void
test_rules_catalogue_codes(void **state)
{
	(void)state;
	for (int i = 0; i < R__COUNT; i++) {
		const struct rule_def *r = &rules_catalogue[i];

		assert_int_equal(r->id, i);
		assert_non_null(r->code);
		assert_string_equal(rules_code((enum rule_id)i), r->code);
		assert_int_equal(rules_from_code(r->code), i);
		assert_true(r->title_zh != NULL && r->title_zh[0] != '\0');
		assert_true(r->title_en != NULL && r->title_en[0] != '\0');
		assert_true(r->citation != NULL && r->citation[0] != '\0');
		assert_int_equal(r->on_records, test_rules_on_records(i));
		for (int j = 0; j < i; j++)
			assert_string_not_equal(r->code, rules_catalogue[j].code);
	}
	/* the ids of RULES.md, in its order */
	{
		static const char *const ids[R__COUNT] = {
			"CHAN-1", "ELIG-1", "ELIG-2", "ID-1", "ID-2", "ID-3", "HOUSE-1", "HOUSE-2",
			"HOUSE-3", "HOUSE-4", "HOUSE-5", "HOUSE-6", "AGENT-1", "AGENT-2", "AGENT-3",
			"CAL-1", "REG-1", "REG-2", "REG-3", "PERMIT-1", "PERMIT-2", "PERMIT-3",
			"PERMIT-4", "PERMIT-5", "PERMIT-6", "PERMIT-7", "PERMIT-8", "PERMIT-9",
			"PERMIT-10", "PERMIT-11", "PERMIT-12", "ENDO-1", "ENDO-2", "ENDO-3", "ENDO-4",
			"ENDO-5", "ENDO-6", "CHANGE-1", "KIOSK-1", "KIOSK-2",
		};

		for (int i = 0; i < R__COUNT; i++)
			assert_string_equal(rules_catalogue[i].code, ids[i]);
	}
	assert_int_equal(rules_from_code("NOPE-1"), -1);
	assert_int_equal(rules_from_code(""), -1);
	assert_int_equal(rules_from_code("chan-1"), -1);
	assert_string_equal(rules_outcome_code(OUT_NA), "n/a");
	assert_string_equal(rules_outcome_code(OUT_PASS), "pass");
	assert_string_equal(rules_outcome_code(OUT_FAIL), "fail");
	assert_string_equal(rules_outcome_code(OUT_MISSING), "missing");
	assert_string_equal(rules_outcome_code(OUT_WARN), "warn");
	assert_string_equal(rules_verdict_code(VERDICT_ACCEPT), "accept");
	assert_string_equal(rules_verdict_code(VERDICT_INCOMPLETE), "incomplete");
	assert_string_equal(rules_verdict_code(VERDICT_REFUSE), "refuse");
	for (int v = 0; v < VERDICT__COUNT; v++)
		assert_true(strlen(rules_verdict_zh((enum verdict)v)) > 0);
}

/* Messages: specific dates are quoted, and a short buffer is cut safely. */
static void
test_rules_message_dates(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d;
	char                zh[512], en[512];

	(void)state;
	/* REG-3: the first eligible day */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.registered_on = D(2026, 1, 31);
	test_rules_eval(&c, &d);
	rules_message(rules_find(&d, R_REG_3), LANG_ZH, zh, sizeof zh);
	rules_message(rules_find(&d, R_REG_3), LANG_EN, en, sizeof en);
	assert_non_null(strstr(zh, "2026-07-31"));
	assert_non_null(strstr(en, "2026-07-31"));
	/* ENDO-2: the opening day */
	test_rules_case(&c, BIZ_ENDORSEMENT, CH_COUNTER, D(2026, 11, 2));
	c.permit_valid_until = D(2026, 12, 31);
	test_rules_eval(&c, &d);
	rules_message(rules_find(&d, R_ENDO_2), LANG_ZH, zh, sizeof zh);
	rules_message(rules_find(&d, R_ENDO_2), LANG_EN, en, sizeof en);
	assert_non_null(strstr(zh, "2026-12-01"));
	assert_non_null(strstr(en, "2026-12-01"));
	/* REG-2: the last valid day */
	test_rules_case(&c, BIZ_PERMIT_NEW, CH_COUNTER, T);
	c.registered_on = D(2025, 3, 10);
	test_rules_eval(&c, &d);
	rules_message(rules_find(&d, R_REG_2), LANG_ZH, zh, sizeof zh);
	rules_message(rules_find(&d, R_REG_2), LANG_EN, en, sizeof en);
	assert_non_null(strstr(zh, "2026-03-09"));
	assert_non_null(strstr(en, "2026-03-09"));
	/* ID-3: the exact reason */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id_text(&c, "110105900307123");
	test_rules_eval(&c, &d);
	rules_message(rules_find(&d, R_ID_3), LANG_EN, en, sizeof en);
	assert_non_null(strstr(en, "15"));
	/* MISSING messages name what to bring */
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_housing(&c, TENURE_RENT);
	test_rules_eval(&c, &d);
	rules_message(rules_find(&d, R_HOUSE_1), LANG_ZH, zh, sizeof zh);
	rules_message(rules_find(&d, R_HOUSE_1), LANG_EN, en, sizeof en);
	assert_non_null(strstr(zh, case_doc_vocab[DOC_LEASE_FILING_CERTIFICATE].zh));
	assert_non_null(strstr(en, case_doc_vocab[DOC_LEASE_FILING_CERTIFICATE].en));
	/* the longest messages: every KIOSK-2 reason at once, and ID-3 failing
	 * for the applicant and the agent (checked by test_rules_check) */
	test_rules_case(&c, BIZ_PERMIT_NEW_FAST, CH_KIOSK, T);
	c.has_registration = false;
	c.address_changed = true;
	test_rules_set_housing(&c, TENURE_OWN);
	c.applicant.lives_in_shanghai = false;
	c.has_kiosk = false;
	test_rules_eval(&c, &d);
	FAILED(&d, R_ELIG_2, R_REG_3, R_KIOSK_2);
	test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
	test_rules_set_id_text(&c, "110105900307123");
	test_rules_set_agent(&c, AGENT_RELATIVE, REL_SON);
	snprintf(c.agent.id_number, sizeof c.agent.id_number, "%s", "310104700115246");
	c.agent.id_len = 15;
	test_rules_eval(&c, &d);
	FAILED(&d, R_ID_3);
	rules_message(rules_find(&d, R_ID_3), LANG_EN, en, sizeof en);
	rules_message(rules_find(&d, R_ID_3), LANG_ZH, zh, sizeof zh);
	assert_non_null(strstr(en, "agent"));
	assert_non_null(strstr(zh, "代办人"));
	/* a short buffer: cut, NUL-terminated, never overrun */
	{
		char small[8];

		memset(small, 'Z', sizeof small);
		rules_message(rules_find(&d, R_HOUSE_1), LANG_EN, small, 5);
		assert_true(strlen(small) <= 4);
		assert_int_equal(small[5], 'Z');
		small[0] = 'Q';
		assert_int_equal(rules_message(rules_find(&d, R_HOUSE_1), LANG_EN, small, 0), 0);
		assert_int_equal(small[0], 'Q');
	}
}

/* Every (rule, outcome) pair that RULES.md can produce in `check` was seen
 * in the tests above: the suite leaves no side of a rule untried. Runs after
 * them. */
static void
test_rules_coverage(void **state)
{
	static const struct { int rule, out; } want[] = {
		{ R_CHAN_1, OUT_PASS }, { R_CHAN_1, OUT_FAIL },
		{ R_ELIG_1, OUT_PASS }, { R_ELIG_1, OUT_FAIL },
		{ R_ELIG_2, OUT_PASS }, { R_ELIG_2, OUT_FAIL },
		{ R_ID_1, OUT_PASS }, { R_ID_1, OUT_MISSING },
		{ R_ID_2, OUT_PASS }, { R_ID_2, OUT_WARN },
		{ R_ID_3, OUT_PASS }, { R_ID_3, OUT_FAIL },
		{ R_HOUSE_1, OUT_PASS }, { R_HOUSE_1, OUT_MISSING },
		{ R_HOUSE_2, OUT_PASS }, { R_HOUSE_2, OUT_MISSING },
		{ R_HOUSE_3, OUT_PASS }, { R_HOUSE_3, OUT_FAIL },
		{ R_HOUSE_4, OUT_PASS }, { R_HOUSE_4, OUT_FAIL },
		{ R_HOUSE_5, OUT_PASS }, { R_HOUSE_5, OUT_FAIL },
		{ R_HOUSE_6, OUT_PASS }, { R_HOUSE_6, OUT_FAIL },
		{ R_AGENT_1, OUT_PASS }, { R_AGENT_1, OUT_MISSING }, { R_AGENT_1, OUT_FAIL },
		{ R_AGENT_2, OUT_PASS }, { R_AGENT_2, OUT_MISSING }, { R_AGENT_2, OUT_FAIL },
		{ R_AGENT_3, OUT_FAIL },
		{ R_CAL_1, OUT_PASS }, { R_CAL_1, OUT_WARN },
		{ R_REG_1, OUT_PASS }, { R_REG_1, OUT_MISSING },
		{ R_REG_2, OUT_PASS }, { R_REG_2, OUT_FAIL },
		{ R_REG_3, OUT_PASS }, { R_REG_3, OUT_FAIL },
		{ R_PERMIT_1, OUT_PASS }, { R_PERMIT_1, OUT_MISSING },
		{ R_PERMIT_4, OUT_PASS }, { R_PERMIT_4, OUT_MISSING },
		{ R_PERMIT_5, OUT_PASS }, { R_PERMIT_5, OUT_FAIL },
		{ R_PERMIT_7, OUT_PASS }, { R_PERMIT_7, OUT_MISSING },
		{ R_PERMIT_8, OUT_PASS }, { R_PERMIT_8, OUT_MISSING },
		{ R_PERMIT_11, OUT_PASS }, { R_PERMIT_11, OUT_FAIL },
		{ R_PERMIT_12, OUT_PASS }, { R_PERMIT_12, OUT_FAIL },
		{ R_ENDO_1, OUT_PASS }, { R_ENDO_1, OUT_FAIL },
		{ R_ENDO_2, OUT_PASS }, { R_ENDO_2, OUT_FAIL },
		{ R_ENDO_3, OUT_PASS }, { R_ENDO_3, OUT_WARN },
		{ R_CHANGE_1, OUT_PASS }, { R_CHANGE_1, OUT_WARN },
		{ R_KIOSK_1, OUT_FAIL },
		{ R_KIOSK_2, OUT_PASS }, { R_KIOSK_2, OUT_FAIL },
	};

	(void)state;
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		if (!test_rules_seen[want[i].rule][want[i].out])
			fail_msg("%s %s was never produced", rules_code((enum rule_id)want[i].rule),
			    rules_outcome_code((enum rule_outcome)want[i].out));
}

/* Every result that carries a date says it in both languages (the clerk
 * reads the message aloud; a date the decision knows must be heard). */
static void
test_rules_messages_show_dates(void **state)
{
	(void)state;
	if (test_rules_date_gaps[0] != '\0')
		fail_msg("messages that do not show their result's date:\n%s", test_rules_date_gaps);
}

/* ------------------------------------------------------------------------
 * The questions a business asks (rules_asks_*, rules_house_asks_*), which
 * the form and the contract's parser read instead of restating the policy:
 * each must say exactly when its rule looks at the answer.
 */

static bool
test_rules_has(const struct jzz_decision *d, enum rule_id id)
{
	return rules_find(d, id) != NULL;
}

static void
test_rules_asks_agree(void **state)
{
	struct jzz_case     c;
	struct jzz_decision d, d2;

	(void)state;
	for (int b = 0; b < BIZ__COUNT; b++)
		for (int ch = 0; ch < CH__COUNT; ch++) {
			test_rules_case(&c, (enum jzz_business)b, (enum jzz_channel)ch, T);
			rules_evaluate(&c, test_rules_cal, &d);
			/* PERMIT-5 looks at the delivery exactly when it is asked */
			assert_int_equal(rules_asks_delivery((enum jzz_business)b, (enum jzz_channel)ch),
			    test_rules_has(&d, R_PERMIT_5));
			/* PERMIT-6's outcome turns on the personal reason exactly when asked */
			c.personal_reason = !c.personal_reason;
			rules_evaluate(&c, test_rules_cal, &d2);
			c.personal_reason = !c.personal_reason;
			if (test_rules_has(&d, R_PERMIT_6))
				assert_int_equal(rules_asks_personal_reason((enum jzz_business)b),
				    rules_find(&d, R_PERMIT_6)->detail != rules_find(&d2, R_PERMIT_6)->detail);
			else
				assert_false(rules_asks_personal_reason((enum jzz_business)b));
			/* a fast-track request is asked at the counter where PERMIT-7/-8 want it */
			if (ch == CH_COUNTER)
				assert_int_equal(rules_asks_fast_track((enum jzz_business)b, CH_COUNTER),
				    test_rules_has(&d, R_PERMIT_7) || test_rules_has(&d, R_PERMIT_8));
			else
				assert_false(rules_asks_fast_track((enum jzz_business)b, (enum jzz_channel)ch));
			/* a change is judged by CHANGE-1 exactly when asked */
			c.has_change = true;
			c.change.field = CHANGE_PHONE;
			c.change.changed_on = T;
			rules_evaluate(&c, test_rules_cal, &d2);
			assert_int_equal(rules_asks_change((enum jzz_business)b), test_rules_has(&d2, R_CHANGE_1));
			/* a minor: an agent rule applies exactly when the agent is asked */
			test_rules_case(&c, (enum jzz_business)b, (enum jzz_channel)ch, T);
			test_rules_set_id(&c, 2015, 3, 7);
			rules_evaluate(&c, test_rules_cal, &d2);
			assert_int_equal(rules_asks_agent((enum jzz_business)b), test_rules_has(&d2, R_AGENT_1));
		}
	for (int t = 0; t < TENURE__COUNT; t++) {
		test_rules_case(&c, BIZ_REGISTRATION, CH_COUNTER, T);
		test_rules_set_housing(&c, (enum jzz_tenure)t);
		c.housing.relation = REL_NONE;
		rules_evaluate(&c, test_rules_cal, &d);
		/* the relation is asked where HOUSE-2 wants its proof and HOUSE-3 judges it */
		assert_int_equal(rules_house_asks_relation((enum jzz_tenure)t),
		    rules_find(&d, R_HOUSE_2)->outcome == OUT_MISSING);
		assert_int_equal(rules_house_asks_relation((enum jzz_tenure)t),
		    rules_find(&d, R_HOUSE_3)->outcome == OUT_FAIL);
		test_rules_set_housing(&c, (enum jzz_tenure)t);
		c.housing.managed_residential_area = true;
		rules_evaluate(&c, test_rules_cal, &d);
		assert_int_equal(rules_house_asks_managed((enum jzz_tenure)t),
		    rules_find(&d, R_HOUSE_5)->outcome == OUT_FAIL);
		test_rules_set_housing(&c, (enum jzz_tenure)t);
		c.housing.leased_to = LEASED_UNIT;
		rules_evaluate(&c, test_rules_cal, &d);
		assert_int_equal(rules_house_asks_leased_to((enum jzz_tenure)t),
		    rules_find(&d, R_HOUSE_6)->outcome == OUT_FAIL);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules_every_business_accepted),
		cmocka_unit_test(test_rules_asks_agree),
		cmocka_unit_test(test_rules_registration),
		cmocka_unit_test(test_rules_house_undescribed),
		cmocka_unit_test(test_rules_chan_1),
		cmocka_unit_test(test_rules_elig_1),
		cmocka_unit_test(test_rules_elig_2),
		cmocka_unit_test(test_rules_id_1),
		cmocka_unit_test(test_rules_id_2),
		cmocka_unit_test(test_rules_id_3),
		cmocka_unit_test(test_rules_house_1),
		cmocka_unit_test(test_rules_house_2),
		cmocka_unit_test(test_rules_house_3),
		cmocka_unit_test(test_rules_house_4),
		cmocka_unit_test(test_rules_house_5),
		cmocka_unit_test(test_rules_house_6),
		cmocka_unit_test(test_rules_agent_1),
		cmocka_unit_test(test_rules_agent_2),
		cmocka_unit_test(test_rules_agent_3),
		cmocka_unit_test(test_rules_reg_1),
		cmocka_unit_test(test_rules_reg_2),
		cmocka_unit_test(test_rules_reg_3),
		cmocka_unit_test(test_rules_permit_1),
		cmocka_unit_test(test_rules_permit_2),
		cmocka_unit_test(test_rules_cal_1),
		cmocka_unit_test(test_rules_permit_4),
		cmocka_unit_test(test_rules_permit_5),
		cmocka_unit_test(test_rules_permit_6),
		cmocka_unit_test(test_rules_permit_7),
		cmocka_unit_test(test_rules_permit_8),
		cmocka_unit_test(test_rules_permit_11_12),
		cmocka_unit_test(test_rules_endo_1),
		cmocka_unit_test(test_rules_endo_2),
		cmocka_unit_test(test_rules_endo_3),
		cmocka_unit_test(test_rules_endo_4),
		cmocka_unit_test(test_rules_change_1),
		cmocka_unit_test(test_rules_kiosk_1),
		cmocka_unit_test(test_rules_kiosk_2),
		cmocka_unit_test(test_rules_everything_at_once),
		cmocka_unit_test(test_rules_pure),
		cmocka_unit_test(test_rules_catalogue_codes),
		cmocka_unit_test(test_rules_message_dates),
		cmocka_unit_test(test_rules_coverage),
		cmocka_unit_test(test_rules_messages_show_dates),
	};

	return cmocka_run_group_tests(tests, test_rules_setup, test_rules_teardown);
}
