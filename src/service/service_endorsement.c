/*
 * service_endorsement.c: endorsement at the counter (ENDO-2, -3, -4) and
 * the auto-endorsement batch (ENDO-5).
 *
 * The batch works one permit per transaction: a batch stopped half-way
 * (killed, power cut) leaves every permit either done or untouched, and
 * running it again does only what is left (a permit already handled for its
 * current valid_until is skipped, so nobody gets two messages).
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum service_status
service_records_endorsement(struct service *s, struct service_biz *b)
{
	const struct jzz_decision *d = &b->out->decision;
	char                       id[STORE_UUID_LEN];
	jzz_date                   nv = d->new_valid_until;

	if (!b->has_permit)
		return service_fail(s, SERVICE_ERR_STATE, "no permit to endorse");
	if (nv == JZZ_DATE_NONE)   /* ENDO-3's definition, should the rules not say */
		nv = b->today <= b->permit.valid_until + RULES_ENDO_GRACE_DAYS ?
		    date_add_years(b->permit.valid_until, 1) : date_years_end(b->today, 1);
	store_uuid(id);
	SERVICE_TRY(s, store_endorsement_insert(s->st, id, b->permit.id, b->out->application_id,
	    "counter", b->today, b->permit.valid_until, nv, "endorsed", NULL,
	    d->residence_years_reset));
	SERVICE_TRY(s, store_permit_set_validity(s->st, b->permit.id, nv,
	    d->residence_years_reset ? b->today : JZZ_DATE_NONE));
	/* The counter rewrites the validity printed on the card. */
	if (b->has_card)
		SERVICE_TRY(s, store_card_set_printed(s->st, b->card.id, nv));
	/* ENDO-4: a changed address is recorded as a change in the same visit. */
	if (b->c->address_changed) {
		char                      cid[STORE_UUID_LEN], text[ADDRESS_TEXT_MAX] = "";
		jzz_date                  from;
		const struct jzz_address *na = service_address_new(b->c, b->today, &from);

		/* with its new address and the day it holds from (recorded in
		 * the history of addresses too, by service_address_record) */
		if (na != NULL)
			address_format(na, text, sizeof text);
		store_uuid(cid);
		SERVICE_TRY(s, store_change_insert(s->st, cid, b->person.id, b->out->application_id,
		    CHANGE_ADDRESS, from, b->person.address, text[0] != '\0' ? text : NULL, false));
	}
	b->permit.valid_until = nv;
	service_copy(b->out->record_id, sizeof b->out->record_id, id);
	return SERVICE_OK;
}

/* ---- ENDO-5 ---- */

struct service_auto_arg {
	const struct service_actor  *a;
	jzz_date                     today;
	const char                  *person_id;
	const char                  *permit_id;
	struct service_batch_result *res;
};

static enum service_status
service_auto_tx(struct service *s, void *arg)
{
	struct service_auto_arg  *aa = arg;
	struct store_person       p;
	struct store_permit       pm;
	struct store_registration reg;
	enum store_rc             rc;
	bool                      done, changed = false, has_reg;
	const char               *reason = NULL;
	char                      id[STORE_UUID_LEN], body[1024];
	char                      from[JZZ_DATE_STRLEN], to[JZZ_DATE_STRLEN];
	jzz_date                  nv = JZZ_DATE_NONE;

	memset(aa->res, 0, sizeof *aa->res);   /* repeatable: counts of this attempt only */
	SERVICE_TRY(s, store_person_by_id(s->st, aa->person_id, &p));
	rc = store_permit_current(s->st, p.id, false, &pm);
	if (rc == STORE_NOTFOUND || (rc == STORE_OK && strcmp(pm.id, aa->permit_id) != 0))
		return SERVICE_OK;   /* cancelled or replaced since the list was read */
	SERVICE_TRY(s, rc);
	if (pm.valid_until < aa->today || pm.valid_until > aa->today + RULES_ENDO_WINDOW_DAYS)
		return SERVICE_OK;
	SERVICE_TRY(s, store_auto_endorse_done(s->st, pm.id, pm.valid_until, &done));
	if (done)
		return SERVICE_OK;
	aa->res->examined++;
	rc = store_registration_latest(s->st, p.id, &reg);
	has_reg = rc == STORE_OK;
	if (rc != STORE_NOTFOUND)
		SERVICE_TRY(s, rc);
	SERVICE_TRY(s, store_address_changed_since(s->st, p.id, p.id_number,
	    has_reg ? reg.registered_on : pm.valid_from, &changed));
	if (changed)
		reason = "address_changed";
	else if (p.phone[0] == '\0')
		reason = "no_phone";
	else
		nv = date_add_years(pm.valid_until, 1);
	store_uuid(id);
	SERVICE_TRY(s, store_endorsement_insert(s->st, id, pm.id, NULL, "auto", aa->today,
	    pm.valid_until, nv, reason == NULL ? "endorsed" : "not_endorsed", reason, false));
	date_format(pm.valid_until, from);
	if (reason == NULL) {
		SERVICE_TRY(s, store_permit_set_validity(s->st, pm.id, nv, JZZ_DATE_NONE));
		aa->res->endorsed++;
		date_format(nv, to);
		snprintf(body, sizeof body,
		    "【上海市居住证】%s，您的居住证已通过自动签注，有效期限延至%s。卡面有效期限未更新的，"
		    "可到就近社区事务受理服务中心或自助机办理卡面有效期限更新。", p.name, to);
	} else {
		aa->res->not_endorsed++;
		snprintf(body, sizeof body,
		    "【上海市居住证】%s，您的居住证（有效期限至%s）未能自动签注%s，请在有效期限届满前30日内"
		    "或逾期后60日内，持相关材料到就近社区事务受理服务中心办理签注手续。", p.name, from,
		    strcmp(reason, "address_changed") == 0 ? "（居住地址已变更，须办理住址变更手续）" : "");
	}
	if (p.phone[0] != '\0') {
		SERVICE_TRY(s, store_sms_queue(s->st, p.id, p.phone,
		    reason == NULL ? "auto_endorsed" : "auto_not_endorsed", body, pm.id, aa->today,
		    aa->today));
		aa->res->sms_queued++;
	}
	return service_audit(s, aa->a, aa->today, "auto_endorse", pm.id,
	    reason == NULL ? "endorsed" : reason);
}

enum service_status
service_batch_auto_endorse(struct service *s, const struct service_actor *a, jzz_date today,
                           struct service_batch_result *out)
{
	struct store_permit_ref *refs;
	size_t                   n;
	enum service_status      st;
	enum store_rc            rc;

	if ((st = service_allow_into(s, a, SERVICE_ACT_BATCH, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day of work");
	rc = store_permits_expiring(s->st, today, today + RULES_ENDO_WINDOW_DAYS, &refs, &n);
	if (rc != STORE_OK)
		return service_db_fail(s);
	for (size_t i = 0; i < n; i++) {
		struct service_batch_result one = { 0, 0, 0, 0 };
		struct service_auto_arg     aa = { a, today, refs[i].person_id, refs[i].permit_id, &one };

		st = service_tx(s, service_auto_tx, &aa);
		if (st != SERVICE_OK)
			break;
		/* counted only once committed (a retried attempt counts once) */
		out->examined += one.examined;
		out->endorsed += one.endorsed;
		out->not_endorsed += one.not_endorsed;
		out->sms_queued += one.sms_queued;
	}
	free(refs);
	return st;
}
