/*
 * service_business.c: what every business does, in one place: check the
 * actor, load the applicant's facts, run the rules, and write the
 * application, its receipt, the business records and the audit entry in
 * one transaction. The records proper are written by the family files
 * (service_registration.c, service_permit.c, service_endorsement.c).
 *
 * Why the facts are loaded inside the transaction: BEGIN IMMEDIATE holds
 * the write lock from the first read, so two counters serving the same
 * person at once are served one after the other, each on the records the
 * other left (no second permit, no receipt drawn twice).
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "jzz/strbuf.h"

/* Loads the person, latest registration, current permit and its card. */
static enum service_status
service_biz_load(struct service *s, struct service_biz *b)
{
	struct jzz_case *c = b->c;
	enum store_rc    rc;

	b->has_person = b->has_registration = b->has_permit = b->has_card = false;
	c->has_registration = false;
	c->registered_on = JZZ_DATE_NONE;
	c->has_permit = false;
	c->permit_valid_until = JZZ_DATE_NONE;
	c->permit_first_issued_on = JZZ_DATE_NONE;
	if (!b->id_valid)
		return SERVICE_OK;
	rc = store_person_by_idnum(s->st, b->key, &b->person);
	if (rc == STORE_NOTFOUND)
		return SERVICE_OK;
	SERVICE_TRY(s, rc);
	b->has_person = true;
	rc = store_registration_latest(s->st, b->person.id, &b->reg);
	if (rc != STORE_NOTFOUND) {
		SERVICE_TRY(s, rc);
		b->has_registration = true;
		c->has_registration = true;
		c->registered_on = b->reg.registered_on;
	}
	rc = store_permit_current(s->st, b->person.id, false, &b->permit);
	if (rc != STORE_NOTFOUND) {
		SERVICE_TRY(s, rc);
		b->has_permit = true;
		c->has_permit = true;
		c->permit_valid_until = b->permit.valid_until;
		c->permit_first_issued_on = b->permit.first_issued_on;
		rc = store_card_latest(s->st, b->permit.id, &b->card);
		if (rc != STORE_NOTFOUND) {
			SERVICE_TRY(s, rc);
			b->has_card = true;
		}
	}
	return SERVICE_OK;
}

/* Businesses that cannot be carried out whatever the rules say. */
static enum service_status
service_biz_precondition(struct service *s, struct service_biz *b)
{
	switch (b->c->business) {
	case BIZ_PICKUP:
		/*
		 * A card made (ready_on <= today) but not yet marked received
		 * is at the centre all the same when the holder stands at its
		 * counter with the receipt: the clerk hands it over, and the
		 * pickup records its arrival in the same transaction (issue 3:
		 * a centre need not run `card received` before every pickup).
		 * Only a card not made yet cannot be collected.
		 */
		b->auto_received = false;
		if (b->has_card && b->card.state == STORE_CARD_ORDERED && b->today >= b->card.ready_on)
			b->auto_received = true;
		else if (!b->has_card || b->card.state != STORE_CARD_RECEIVED)
			return service_fail(s, SERVICE_ERR_STATE,
			    "pickup: no card of this person is made and waiting at a centre");
		if (strcmp(b->card.centre, b->a->centre) != 0)
			return service_fail(s, SERVICE_ERR_STATE, "pickup: the card is at centre %s",
			    b->card.centre);
		break;
	case BIZ_CANCELLATION:
		if (!b->has_permit)
			return service_fail(s, SERVICE_ERR_STATE,
			    "cancellation: this person holds no permit to cancel");
		break;
	default:
		break;
	}
	return SERVICE_OK;
}

/* Creates the person at their first accepted business, and keeps the
 * details a case may bring (a phone where none was known). */
static enum service_status
service_biz_person(struct service *s, struct service_biz *b)
{
	struct jzz_case *c = b->c;

	if (!b->has_person) {
		memset(&b->person, 0, sizeof b->person);
		store_uuid(b->person.id);
		snprintf(b->person.id_number, sizeof b->person.id_number, "%.18s", b->key);
		service_copy(b->person.name, sizeof b->person.name, c->applicant.name);
		service_copy(b->person.phone, sizeof b->person.phone, c->applicant.phone);
		b->person.hukou_shanghai = c->applicant.hukou_shanghai;
		b->person.birth = b->birth;
		SERVICE_TRY(s, store_person_insert(s->st, &b->person));
		b->has_person = true;
		return SERVICE_OK;
	}
	if (c->business == BIZ_REGISTRATION ||
	    (b->person.phone[0] == '\0' && c->applicant.phone[0] != '\0')) {
		/* A registration re-declares the details; otherwise only a
		 * missing phone is filled (a change goes through info_change). */
		if (c->business == BIZ_REGISTRATION)
			service_copy(b->person.name, sizeof b->person.name, c->applicant.name);
		if (c->applicant.phone[0] != '\0')
			service_copy(b->person.phone, sizeof b->person.phone, c->applicant.phone);
		b->person.hukou_shanghai = c->applicant.hukou_shanghai;
		SERVICE_TRY(s, store_person_update(s->st, &b->person));
	}
	return SERVICE_OK;
}

static enum service_status
service_biz_records(struct service *s, struct service_biz *b)
{
	switch (b->c->business) {
	case BIZ_REGISTRATION:
		return service_records_registration(s, b);
	case BIZ_PERMIT_NEW:
	case BIZ_PERMIT_NEW_FAST:
	case BIZ_PERMIT_REPLACE:
	case BIZ_PERMIT_REPLACE_FAST:
	case BIZ_PERMIT_REAPPLY:
		return service_records_permit(s, b);
	case BIZ_ENDORSEMENT:
		return service_records_endorsement(s, b);
	case BIZ_CARD_UPDATE:
		return service_records_card_update(s, b);
	case BIZ_INFO_CHANGE:
		return service_records_info_change(s, b);
	case BIZ_PICKUP:
		return service_records_pickup(s, b);
	case BIZ_CANCELLATION:
		return service_records_cancellation(s, b);
	default:
		return service_fail(s, SERVICE_ERR_INVALID, "unknown business");
	}
}

static enum service_status
service_biz_tx(struct service *s, void *arg)
{
	struct service_biz       *b = arg;
	struct service_result    *out = b->out;
	struct store_application  app;
	struct strbuf             sb;
	enum service_status       st;
	enum store_rc             rc;
	bool                      accept;
	char                      reason[SERVICE_TEXT_LEN + 64];

	/* Repeatable: start from the case as given. */
	*b->c = b->orig;
	b->c->today = b->today;
	memset(out, 0, sizeof *out);
	if (b->c->request_id[0] != '\0') {
		/* A retry after a lost answer: the first result, nothing written. */
		char *json = NULL;

		rc = store_application_by_request(s->st, b->c->request_id, out->application_id,
		    out->receipt_no, &json);
		if (rc == STORE_OK) {
			free(s->replay);
			s->replay = json;
			out->replay_json = json;
			return SERVICE_OK;
		}
		if (rc != STORE_NOTFOUND)
			return service_store_fail(s, rc);
	}
	if ((st = service_biz_load(s, b)) != SERVICE_OK)
		return st;
	if ((st = service_biz_precondition(s, b)) != SERVICE_OK)
		return st;
	rules_evaluate(b->c, s->cal, &out->decision);
	accept = out->decision.verdict == VERDICT_ACCEPT;

	memset(&app, 0, sizeof app);
	store_uuid(app.id);
	service_copy(out->application_id, sizeof out->application_id, app.id);
	app.day = b->today;
	service_copy(app.centre, sizeof app.centre, b->a->centre);
	service_copy(app.user, sizeof app.user, b->a->user);
	app.business = b->c->business;
	app.channel = b->c->channel;
	service_copy(app.id_number, sizeof app.id_number, b->key);
	service_copy(app.name, sizeof app.name, b->c->applicant.name);
	app.address_changed = b->c->address_changed;
	app.request_id = b->c->request_id;
	if (accept) {
		if ((st = service_biz_person(s, b)) != SERVICE_OK)
			return st;
		SERVICE_TRY(s, store_receipt_next(s->st, b->a->centre, b->today, app.receipt_no));
		service_copy(out->receipt_no, sizeof out->receipt_no, app.receipt_no);
	}
	if (b->has_person) {
		service_copy(app.person_id, sizeof app.person_id, b->person.id);
		service_copy(out->person_id, sizeof out->person_id, b->person.id);
	}
	if (b->has_permit)
		service_copy(out->permit_id, sizeof out->permit_id, b->permit.id);
	strbuf_init(&sb);
	casefmt_decision(&sb, &out->decision);
	if (sb.oom) {
		strbuf_free(&sb);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	app.decision_json = sb.buf;
	rc = store_application_insert(s->st, &app, &out->decision);
	strbuf_free(&sb);
	SERVICE_TRY(s, rc);
	if ((st = service_application_extras(s, b)) != SERVICE_OK)
		return st;
	if (accept && (st = service_biz_records(s, b)) != SERVICE_OK)
		return st;
	if (accept && (st = service_address_record(s, b)) != SERVICE_OK)
		return st;
	snprintf(reason, sizeof reason, "%s %s %s%s%s%s", rules_verdict_code(out->decision.verdict),
	    case_business_vocab[b->c->business].code, out->receipt_no,
	    b->c->business == BIZ_CANCELLATION && accept ? " " : "",
	    b->c->business == BIZ_CANCELLATION && accept ? service_cancel_reason_code(b->reason) : "",
	    b->c->business == BIZ_PICKUP && accept && b->auto_received ?
	    " card received at pickup" : "");
	return service_audit(s, b->a, b->today, "application", out->application_id, reason);
}

static enum service_status
service_business(struct service *s, const struct service_actor *a, struct jzz_case *c,
                 jzz_date today, enum jzz_business biz, enum service_cancel_reason reason,
                 const char *note, struct service_result *out)
{
	struct service_biz  b;
	enum service_status st;

	if (out == NULL || c == NULL)
		return service_fail(s, SERVICE_ERR_INVALID, "no case");
	if ((st = service_allow_into(s, a, biz == BIZ_CANCELLATION ? SERVICE_ACT_CANCEL :
	    SERVICE_ACT_BUSINESS, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (c->business != biz)
		return service_fail(s, SERVICE_ERR_INVALID, "the case is a %s, not a %s",
		    case_business_vocab[c->business < BIZ__COUNT ? c->business : 0].code,
		    case_business_vocab[biz].code);
	if (today == JZZ_DATE_NONE)
		today = c->today;
	if (today == JZZ_DATE_NONE)   /* a training database's day, when the trainer set one */
		today = service_work_day(s, JZZ_DATE_NONE);
	if (today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day of work");
	if ((st = service_check_day(s, today)) != SERVICE_OK)
		return st;
	if ((st = service_address_check_case(s, c)) != SERVICE_OK)
		return st;
	memset(&b, 0, sizeof b);
	b.a = a;
	b.c = c;
	b.orig = *c;
	b.today = today;
	b.reason = reason;
	b.note = note;
	b.out = out;
	b.id_valid = service_idnum_key(c->applicant.id_number, c->applicant.id_len, today, b.key,
	    &b.birth);
	st = service_tx(s, service_biz_tx, &b);
	if (st != SERVICE_OK) {
		/* nothing was written: say so in the result too */
		struct jzz_decision keep = out->decision;

		memset(out, 0, sizeof *out);
		out->decision = keep;
	}
	return st;
}

#define SERVICE_BUSINESS(fn, biz) \
	enum service_status \
	fn(struct service *s, const struct service_actor *a, struct jzz_case *c, jzz_date today, \
	   struct service_result *out) \
	{ \
		return service_business(s, a, c, today, biz, SERVICE_CANCEL__COUNT, NULL, out); \
	}

SERVICE_BUSINESS(service_registration, BIZ_REGISTRATION)
SERVICE_BUSINESS(service_permit_new, BIZ_PERMIT_NEW)
SERVICE_BUSINESS(service_permit_new_fast, BIZ_PERMIT_NEW_FAST)
SERVICE_BUSINESS(service_permit_replace, BIZ_PERMIT_REPLACE)
SERVICE_BUSINESS(service_permit_replace_fast, BIZ_PERMIT_REPLACE_FAST)
SERVICE_BUSINESS(service_permit_reapply, BIZ_PERMIT_REAPPLY)
SERVICE_BUSINESS(service_endorsement, BIZ_ENDORSEMENT)
SERVICE_BUSINESS(service_card_update, BIZ_CARD_UPDATE)
SERVICE_BUSINESS(service_info_change, BIZ_INFO_CHANGE)
SERVICE_BUSINESS(service_pickup, BIZ_PICKUP)

enum service_status
service_cancellation(struct service *s, const struct service_actor *a, struct jzz_case *c,
                     jzz_date today, enum service_cancel_reason reason, const char *note,
                     struct service_result *out)
{
	if ((unsigned)reason >= SERVICE_CANCEL__COUNT)
		return service_fail(s, SERVICE_ERR_INVALID,
		    "cancellation: reason must be not_resident or false_materials");
	if (note == NULL || *note == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "cancellation: a note is required");
	return service_business(s, a, c, today, BIZ_CANCELLATION, reason, note, out);
}

/* A UUID: 36 of the characters a request_id may hold, never chosen twice. */
void
service_request_id_new(char out[CASE_REQUEST_MAX])
{
	char id[STORE_UUID_LEN];

	_Static_assert(STORE_UUID_LEN <= CASE_REQUEST_MAX, "a UUID fits a request_id");
	store_uuid(id);
	service_copy(out, CASE_REQUEST_MAX, id);
}

enum service_status
service_submit(struct service *s, const struct service_actor *a, struct jzz_case *c,
               jzz_date today, struct service_result *out)
{
	static service_business_fn *const table[BIZ__COUNT] = {
		[BIZ_REGISTRATION] = service_registration,
		[BIZ_PERMIT_NEW] = service_permit_new,
		[BIZ_PERMIT_NEW_FAST] = service_permit_new_fast,
		[BIZ_PERMIT_REPLACE] = service_permit_replace,
		[BIZ_PERMIT_REPLACE_FAST] = service_permit_replace_fast,
		[BIZ_PERMIT_REAPPLY] = service_permit_reapply,
		[BIZ_ENDORSEMENT] = service_endorsement,
		[BIZ_CARD_UPDATE] = service_card_update,
		[BIZ_INFO_CHANGE] = service_info_change,
		[BIZ_PICKUP] = service_pickup,
	};

	if (c == NULL || (unsigned)c->business >= BIZ__COUNT)
		return service_fail(s, SERVICE_ERR_INVALID, "no business");
	if (table[c->business] == NULL)
		return service_fail(s, SERVICE_ERR_INVALID,
		    "cancellation needs its reason and note (service_cancellation)");
	return table[c->business](s, a, c, today, out);
}

enum service_status
service_case_for_person(struct service *s, const char *id_number, enum jzz_business business,
                        jzz_date today, struct jzz_case *out)
{
	struct store_person p;
	char                key[CASE_ID_MAX];
	enum service_status st;

	case_init(out);
	out->business = business;
	out->today = today;
	if (id_number == NULL)
		return service_fail(s, SERVICE_ERR_INVALID, "no ID number");
	if ((st = service_person_of(s, id_number, today, SERVICE_ERR_NOT_FOUND, key, &p)) !=
	    SERVICE_OK)
		return st;
	service_copy(out->applicant.id_number, sizeof out->applicant.id_number, p.id_number);
	out->applicant.id_len = strlen(out->applicant.id_number);
	service_copy(out->applicant.name, sizeof out->applicant.name, p.name);
	service_copy(out->applicant.phone, sizeof out->applicant.phone, p.phone);
	out->applicant.hukou_shanghai = p.hukou_shanghai;
	return SERVICE_OK;
}

/* What the records add to a known person's case beyond the applicant: who
 * came for them at their latest application (a minor's guardian, the near
 * relative of someone who cannot come), when the business asks for an
 * agent. The clerk sees it on the form and keeps or changes it. */
static enum service_status
service_case_agent(struct service *s, const char *key, struct jzz_case *out)
{
	struct store_app_row *rows = NULL;
	struct store_agent    g;
	size_t                n = 0;
	enum store_rc         rc;

	SERVICE_TRY(s, store_applications_of(s->st, key, &rows, &n));
	rc = n > 0 ? store_agent_of(s->st, rows[0].id, &g) : STORE_NOTFOUND;
	free(rows);
	if (rc == STORE_NOTFOUND)
		return SERVICE_OK;
	SERVICE_TRY(s, rc);
	if (strcmp(g.id_number, "?") == 0)
		g.id_number[0] = '\0';
	out->has_agent = true;
	out->agent.kind = g.kind;
	service_copy(out->agent.name, sizeof out->agent.name, g.name);
	service_copy(out->agent.id_number, sizeof out->agent.id_number, g.id_number);
	out->agent.id_len = strlen(out->agent.id_number);
	service_copy(out->agent.relation_word, sizeof out->agent.relation_word, g.relation);
	out->agent.relation = g.relation[0] == '\0' ? REL_NONE :
	    case_relation_from_word(g.relation, strlen(g.relation));
	return SERVICE_OK;
}

enum service_status
service_case_known(struct service *s, const char *id_number, enum jzz_business business,
                   jzz_date today, struct jzz_case *out)
{
	char                key[CASE_ID_MAX];
	enum service_status st;

	if ((st = service_case_for_person(s, id_number, business, today, out)) != SERVICE_OK)
		return st;
	if (!rules_asks_agent(business) ||
	    !service_idnum_key(id_number, strlen(id_number), today, key, NULL))
		return SERVICE_OK;
	return service_case_agent(s, key, out);
}
