/*
 * service_permit.c: the life of a permit and its cards: new permits,
 * replacements and reapplications (a new card, same validity: PERMIT-9),
 * card face updates (ENDO-6), the card's arrival at the centre with its
 * pickup notice (PERMIT-3), pickup or posting (PERMIT-4, -5), and
 * cancellation (PERMIT-10).
 *
 * A permit is the right (valid_from .. valid_until, endorsed yearly); a
 * card is one printing of it. Replacing a card voids the previous one and
 * leaves the permit's dates alone.
 */
#include "service_internal.h"

#include <stdio.h>
#include <string.h>

/* Fees of the decision (PERMIT-5, -6) as rows, with the receipt-book number
 * the applicant was handed for a counter fee. A receipt-book number is
 * used once: a second use is refused inside the business's transaction, so
 * that two counters cannot both take it. */
static enum service_status
service_permit_fees(struct service *s, struct service_biz *b)
{
	const struct jzz_decision *d = &b->out->decision;
	bool                       used = false;

	if (d->fee_yuan > 0 && b->c->fee_receipt_no[0] != '\0') {
		SERVICE_TRY(s, store_fee_receipt_used(s->st, b->c->fee_receipt_no, &used));
		if (used)
			return service_fail(s, SERVICE_ERR_INVALID, "fee receipt %s (定额收据号) is already"
			    " recorded for another fee: a receipt-book number is used once",
			    b->c->fee_receipt_no);
	}
	if (d->fee_yuan > 0)
		SERVICE_TRY(s, store_fee_insert(s->st, b->out->application_id, "card_fee", d->fee_yuan,
		    b->c->fee_receipt_no, "counter"));
	if (d->cod_fee_yuan > 0)
		SERVICE_TRY(s, store_fee_insert(s->st, b->out->application_id, "cod", d->cod_fee_yuan,
		    NULL, "courier"));
	return SERVICE_OK;
}

enum service_status
service_fee_receipt_used(struct service *s, const struct service_actor *a,
                         const char *fee_receipt_no, bool *used)
{
	enum service_status st;

	*used = false;
	if ((st = service_allow(s, a, SERVICE_ACT_LOOK)) != SERVICE_OK)
		return st;
	if (fee_receipt_no == NULL || fee_receipt_no[0] == '\0')
		return SERVICE_OK;
	SERVICE_TRY(s, store_fee_receipt_used(s->st, fee_receipt_no, used));
	return SERVICE_OK;
}

enum service_status
service_records_permit(struct service *s, struct service_biz *b)
{
	const struct jzz_decision *d = &b->out->decision;
	const struct jzz_case     *c = b->c;
	struct store_card          card;
	jzz_date                   ready = d->ready_on != JZZ_DATE_NONE ? d->ready_on : b->today;
	bool                       fresh = c->business == BIZ_PERMIT_NEW ||
	    c->business == BIZ_PERMIT_NEW_FAST;
	enum service_status        st;

	if (fresh) {
		/* PERMIT-9: valid from the day the card is made, for a year. */
		memset(&b->permit, 0, sizeof b->permit);
		store_uuid(b->permit.id);
		service_copy(b->permit.person_id, sizeof b->permit.person_id, b->person.id);
		snprintf(b->permit.application_id, sizeof b->permit.application_id, "%s",
		    b->out->application_id);
		service_copy(b->permit.centre, sizeof b->permit.centre, b->a->centre);
		b->permit.first_issued_on = ready;
		b->permit.valid_from = ready;
		b->permit.valid_until = date_years_end(ready, 1);
		b->permit.residence_since = b->has_registration ? b->reg.registered_on : b->today;
		SERVICE_TRY(s, store_permit_insert(s->st, &b->permit));
		b->has_permit = true;
	} else {
		if (!b->has_permit)
			return service_fail(s, SERVICE_ERR_STATE, "no permit to replace");
		if (b->has_card)
			SERVICE_TRY(s, store_card_set_state(s->st, b->card.id, STORE_CARD_VOID,
			    JZZ_DATE_NONE, JZZ_DATE_NONE, JZZ_DATE_NONE));
	}
	memset(&card, 0, sizeof card);
	store_uuid(card.id);
	service_copy(card.permit_id, sizeof card.permit_id, b->permit.id);
	service_copy(card.application_id, sizeof card.application_id, b->out->application_id);
	card.business = c->business;
	service_copy(card.centre, sizeof card.centre, b->a->centre);
	card.delivery = c->delivery.method;
	card.accepted_on = b->today;
	card.transferred_on = d->has_milestones ? d->transferred : JZZ_DATE_NONE;
	card.reviewed_on = d->has_milestones ? d->reviewed : JZZ_DATE_NONE;
	card.ready_on = ready;
	card.received_on = card.notice_due_on = card.handed_on = JZZ_DATE_NONE;
	card.printed_valid_until = b->permit.valid_until;
	/* A card ready the same day (kiosk, fast replacement) is handed over
	 * on the spot. */
	if (ready == b->today) {
		card.state = STORE_CARD_PICKED_UP;
		card.handed_on = b->today;
	} else {
		card.state = STORE_CARD_ORDERED;
	}
	SERVICE_TRY(s, store_card_insert(s->st, &card));
	service_copy(b->out->record_id, sizeof b->out->record_id, card.id);
	service_copy(b->out->permit_id, sizeof b->out->permit_id, b->permit.id);
	if ((st = service_permit_fees(s, b)) != SERVICE_OK)
		return st;
	return SERVICE_OK;
}

enum service_status
service_records_card_update(struct service *s, struct service_biz *b)
{
	if (!b->has_permit)
		return service_fail(s, SERVICE_ERR_STATE, "no permit whose card to update");
	if (b->has_card) {
		SERVICE_TRY(s, store_card_set_printed(s->st, b->card.id, b->permit.valid_until));
		service_copy(b->out->record_id, sizeof b->out->record_id, b->card.id);
	}
	return SERVICE_OK;
}

enum service_status
service_records_pickup(struct service *s, struct service_biz *b)
{
	/* A card made but not marked received arrives and leaves today: no
	 * pickup notice is due for it (PERMIT-3 concerns cards left waiting). */
	SERVICE_TRY(s, store_card_set_state(s->st, b->card.id, STORE_CARD_PICKED_UP,
	    b->auto_received ? b->today : JZZ_DATE_NONE, JZZ_DATE_NONE, b->today));
	service_copy(b->out->record_id, sizeof b->out->record_id, b->card.id);
	return SERVICE_OK;
}

enum service_status
service_records_cancellation(struct service *s, struct service_biz *b)
{
	SERVICE_TRY(s, store_permit_cancel(s->st, b->permit.id, b->today,
	    service_cancel_reason_code(b->reason), b->note));
	service_copy(b->out->record_id, sizeof b->out->record_id, b->permit.id);
	return SERVICE_OK;
}

/* ---- clerks' card actions ---- */

struct service_card_arg {
	const struct service_actor *a;
	const char                 *id_number;
	jzz_date                    today;
	bool                        posted;     /* else received */
	struct service_card_info   *out;
};

enum service_status
service_card_here(struct service *s, const struct service_actor *a, const char *id_number,
                  jzz_date day, enum service_status invalid, char key[CASE_ID_MAX],
                  struct store_person *p, struct store_card *card)
{
	struct store_permit pm;
	enum store_rc       rc;
	enum service_status st;

	if ((st = service_person_of(s, id_number, day, invalid, key, p)) != SERVICE_OK)
		return st;
	rc = store_permit_current(s->st, p->id, false, &pm);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_STATE, "%s holds no permit", key);
	SERVICE_TRY(s, rc);
	rc = store_card_latest(s->st, pm.id, card);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_STATE, "%s has no card", key);
	SERVICE_TRY(s, rc);
	if (strcmp(card->centre, a->centre) != 0)
		return service_fail(s, SERVICE_ERR_STATE, "the card belongs to centre %s", card->centre);
	return SERVICE_OK;
}

static enum service_status
service_card_tx(struct service *s, void *arg)
{
	struct service_card_arg *ca = arg;
	struct store_person      p;
	struct store_card        card;
	char                     key[CASE_ID_MAX];
	enum service_status      st;

	if ((st = service_card_here(s, ca->a, ca->id_number, ca->today, SERVICE_ERR_INVALID, key, &p,
	    &card)) != SERVICE_OK)
		return st;
	if (!ca->posted) {
		int      unloaded = 0;
		jzz_date due;
		char     body[1024];

		/* Cards arrive early: the ready day is what the rules promise
		 * (PERMIT-2), not when the card can come; it cannot come before
		 * the application was accepted. */
		if (card.state != STORE_CARD_ORDERED || ca->today < card.accepted_on)
			return service_fail(s, SERVICE_ERR_STATE, "no card made and awaited (card is %s)",
			    service_card_state_code(service_card_state_of(&card, ca->today)));
		/* PERMIT-3: the notice within 2 working days of arrival. */
		due = calendar_add_workdays(s->cal, ca->today, RULES_PICKUP_NOTICE_DAYS, &unloaded);
		SERVICE_TRY(s, store_card_set_state(s->st, card.id, STORE_CARD_RECEIVED, ca->today, due,
		    JZZ_DATE_NONE));
		if (card.delivery == DELIVERY_PICKUP && p.phone[0] != '\0') {
			snprintf(body, sizeof body,
			    "【上海市居住证】%s，您的《上海市居住证》已制作完成，请携带《上海市居住证受理回执》"
			    "和本人居民身份证到%s社区事务受理服务中心领取。受理编号%s。",
			    p.name, service_centre_name(s, card.centre), card.receipt_no);
			SERVICE_TRY(s, store_sms_queue(s->st, p.id, p.phone, "pickup_notice", body, card.id,
			    ca->today, due));
		}
		card.state = STORE_CARD_RECEIVED;
		card.received_on = ca->today;
		card.notice_due_on = due;
	} else {
		if (card.state != STORE_CARD_RECEIVED)
			return service_fail(s, SERVICE_ERR_STATE, "the card is not at the centre (%s)",
			    service_card_state_code(service_card_state_of(&card, ca->today)));
		SERVICE_TRY(s, store_card_set_state(s->st, card.id, STORE_CARD_POSTED, JZZ_DATE_NONE,
		    JZZ_DATE_NONE, ca->today));
		card.state = STORE_CARD_POSTED;
		card.handed_on = ca->today;
	}
	if (ca->out != NULL) {
		service_card_info_fill(ca->out, &card, ca->today);
		service_copy(ca->out->holder_name, sizeof ca->out->holder_name, p.name);
		service_copy(ca->out->holder_id_number, sizeof ca->out->holder_id_number, p.id_number);
	}
	return service_audit(s, ca->a, ca->today, ca->posted ? "card_posted" : "card_received",
	    card.id, card.receipt_no);
}

static enum service_status
service_card_action(struct service *s, const struct service_actor *a, const char *id_number,
                    jzz_date today, bool posted, struct service_card_info *out)
{
	struct service_card_arg ca = { a, id_number, today, posted, out };
	enum service_status     st;

	if (out != NULL)
		memset(out, 0, sizeof *out);
	if ((st = service_allow(s, a, SERVICE_ACT_WRITE)) != SERVICE_OK)
		return st;
	if ((st = service_need_id_day(s, id_number, today)) != SERVICE_OK)
		return st;
	return service_tx(s, service_card_tx, &ca);
}

enum service_status
service_card_received(struct service *s, const struct service_actor *a, const char *id_number,
                      jzz_date today, struct service_card_info *out)
{
	return service_card_action(s, a, id_number, today, false, out);
}

enum service_status
service_card_posted(struct service *s, const struct service_actor *a, const char *id_number,
                    jzz_date today, struct service_card_info *out)
{
	return service_card_action(s, a, id_number, today, true, out);
}
