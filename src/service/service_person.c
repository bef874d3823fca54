/*
 * service_person.c: the read side: a person's card, the centres' work
 * queues, the public status query and the daily report.
 *
 * States are computed from the stored dates and the day asked about, not
 * stored: a card "made" or a permit "suspended" is a fact of the calendar,
 * true on any day one looks, with no batch needing to have run.
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum service_card_state
service_card_state_of(const struct store_card *c, jzz_date today)
{
	switch (c->state) {
	case STORE_CARD_RECEIVED:
		return SERVICE_CARD_RECEIVED;
	case STORE_CARD_PICKED_UP:
		return SERVICE_CARD_PICKED_UP;
	case STORE_CARD_POSTED:
		return SERVICE_CARD_POSTED;
	case STORE_CARD_VOID:
		return SERVICE_CARD_VOID;
	case STORE_CARD_ORDERED:
	default:
		if (today >= c->ready_on)
			return SERVICE_CARD_MADE;
		if (c->reviewed_on != JZZ_DATE_NONE && today >= c->reviewed_on)
			return SERVICE_CARD_REVIEWED;
		if (c->transferred_on != JZZ_DATE_NONE && today >= c->transferred_on)
			return SERVICE_CARD_TRANSFERRED;
		return SERVICE_CARD_ACCEPTED;
	}
}

enum service_permit_state
service_permit_state_of(const struct store_permit *p, jzz_date today)
{
	if (p->cancelled)
		return SERVICE_PERMIT_CANCELLED;
	if (today < p->valid_from)
		return SERVICE_PERMIT_PROCESSING;
	if (today > p->valid_until)
		return SERVICE_PERMIT_SUSPENDED;   /* PERMIT-9: 中止, never cancelled */
	return SERVICE_PERMIT_VALID;
}

void
service_card_info_fill(struct service_card_info *o, const struct store_card *c, jzz_date today)
{
	memset(o, 0, sizeof *o);
	o->present = true;
	snprintf(o->id, sizeof o->id, "%s", c->id);
	snprintf(o->permit_id, sizeof o->permit_id, "%s", c->permit_id);
	snprintf(o->application_id, sizeof o->application_id, "%s", c->application_id);
	snprintf(o->receipt_no, sizeof o->receipt_no, "%s", c->receipt_no);
	o->state = service_card_state_of(c, today);
	o->business = c->business;
	o->delivery = c->delivery;
	o->accepted_on = c->accepted_on;
	o->transferred_on = c->transferred_on;
	o->reviewed_on = c->reviewed_on;
	o->ready_on = c->ready_on;
	o->received_on = c->received_on;
	o->notice_due_on = c->notice_due_on;
	o->handed_on = c->handed_on;
	o->printed_valid_until = c->printed_valid_until;
	snprintf(o->centre, sizeof o->centre, "%s", c->centre);
}

static void
service_history_fill(struct service_history_entry *h, const struct store_app_row *r)
{
	memset(h, 0, sizeof *h);
	SERVICE_APP_COPY(h, r);
	h->channel = r->channel;
	h->fee_yuan = r->fee_yuan;
	snprintf(h->failed, sizeof h->failed, "%s", r->failed);
	for (int d = 0; d < DOC__COUNT; d++)
		if (r->missing_docs & DOCBIT(d)) {
			size_t n = strlen(h->missing);

			snprintf(h->missing + n, sizeof h->missing - n, "%s%s", n > 0 ? " " : "",
			    case_doc_vocab[d].code);
		}
}

static enum service_status
service_person_read(struct service *s, const char *key, bool valid, jzz_date today,
                    struct service_person *out)
{
	struct store_person       p;
	struct store_registration reg;
	struct store_permit       pm;
	struct store_card         card;
	struct store_app_row     *rows;
	size_t                    n;
	enum store_rc             rc;
	bool                      seen[BIZ__COUNT] = { false };

	if (valid) {
		rc = store_person_by_idnum(s->st, key, &p);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return service_store_fail(s, rc);
		if (rc == STORE_OK) {
			out->found = true;
			snprintf(out->id, sizeof out->id, "%s", p.id);
			snprintf(out->name, sizeof out->name, "%s", p.name);
			snprintf(out->phone, sizeof out->phone, "%s", p.phone);
			snprintf(out->address, sizeof out->address, "%s", p.address);
			out->birth = p.birth;
			if ((rc = store_registration_latest(s->st, p.id, &reg)) == STORE_OK) {
				struct service_registration_info *r = &out->registration;

				r->present = true;
				snprintf(r->id, sizeof r->id, "%s", reg.id);
				r->registered_on = reg.registered_on;
				r->valid_until = reg.valid_until;
				r->tenure = reg.tenure;
				snprintf(r->centre, sizeof r->centre, "%s", reg.centre);
				SERVICE_TRY(s, store_address_changed_since(s->st, p.id, p.id_number,
				    reg.registered_on, &out->address_changed));
			} else if (rc != STORE_NOTFOUND) {
				return service_store_fail(s, rc);
			}
			if ((rc = store_permit_current(s->st, p.id, true, &pm)) == STORE_OK) {
				struct service_permit_info *pi = &out->permit;

				pi->present = true;
				snprintf(pi->id, sizeof pi->id, "%s", pm.id);
				pi->state = service_permit_state_of(&pm, today);
				pi->first_issued_on = pm.first_issued_on;
				pi->valid_from = pm.valid_from;
				pi->valid_until = pm.valid_until;
				pi->window_opens = pm.valid_until - RULES_ENDO_WINDOW_DAYS;
				pi->grace_ends = pm.valid_until + RULES_ENDO_GRACE_DAYS;
				pi->residence_since = pm.residence_since;
				pi->cancelled_on = pm.cancelled_on;
				snprintf(pi->cancel_reason, sizeof pi->cancel_reason, "%s", pm.cancel_reason);
				snprintf(pi->cancel_note, sizeof pi->cancel_note, "%s", pm.cancel_note);
				snprintf(pi->centre, sizeof pi->centre, "%s", pm.centre);
				rc = store_card_latest(s->st, pm.id, &card);
				if (rc == STORE_OK) {
					service_card_info_fill(&out->card, &card, today);
					snprintf(out->card.holder_name, sizeof out->card.holder_name, "%s", p.name);
					snprintf(out->card.holder_id_number, sizeof out->card.holder_id_number,
					    "%s", p.id_number);
				} else if (rc != STORE_NOTFOUND) {
					return service_store_fail(s, rc);
				}
			} else if (rc != STORE_NOTFOUND) {
				return service_store_fail(s, rc);
			}
		}
	}
	if (out->found) {
		enum service_status ast = service_person_addresses(s, out->id, today, out);

		if (ast != SERVICE_OK)
			return ast;
	}
	if (out->card.present && out->card.delivery == DELIVERY_POST) {
		rc = store_delivery_of(s->st, out->card.application_id, out->card.delivery_address,
		    sizeof out->card.delivery_address);
		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return service_store_fail(s, rc);
	}
	SERVICE_TRY(s, store_applications_of(s->st, key, &rows, &n));
	out->history = calloc(n > 0 ? n : 1, sizeof *out->history);
	out->open = calloc(n > 0 ? n : 1, sizeof *out->open);
	if (out->history == NULL || out->open == NULL) {
		free(rows);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		struct store_agent g;

		service_history_fill(&out->history[i], &rows[i]);
		rc = store_agent_of(s->st, rows[i].id, &g);
		if (rc == STORE_OK) {
			struct service_history_entry *h = &out->history[i];

			snprintf(h->agent_kind, sizeof h->agent_kind, "%s",
			    case_agent_kind_vocab[g.kind].code);
			snprintf(h->agent_name, sizeof h->agent_name, "%s", g.name);
			if (strlen(g.id_number) == 18)
				idnum_mask(g.id_number, h->agent_id_masked);
			else
				snprintf(h->agent_id_masked, sizeof h->agent_id_masked, "%s", "*");
		} else if (rc != STORE_NOTFOUND) {
			free(rows);
			return service_store_fail(s, rc);
		}
		/* newest first: the newest application of each business, when
		 * incomplete, is still open (the applicant is to come back) */
		if ((unsigned)rows[i].business < BIZ__COUNT && !seen[rows[i].business]) {
			seen[rows[i].business] = true;
			if (rows[i].verdict == VERDICT_INCOMPLETE)
				out->open[out->nopen++] = out->history[i];
		}
	}
	out->nhistory = n;
	free(rows);
	return SERVICE_OK;
}

enum service_status
service_person_get(struct service *s, const struct service_actor *a, const char *id_number,
                   jzz_date today, struct service_person *out)
{
	char                key[CASE_ID_MAX];
	bool                valid;
	enum service_status st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (id_number == NULL)
		return service_fail(s, SERVICE_ERR_INVALID, "no ID number");
	if (today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day");
	valid = service_idnum_key(id_number, strlen(id_number), today, key, NULL);
	snprintf(out->id_number, sizeof out->id_number, "%.18s", valid ? key : "");
	st = service_person_read(s, key, valid, today, out);
	if (st == SERVICE_RETRY)
		st = service_fail(s, SERVICE_ERR_DB, "database busy");
	if (st == SERVICE_OK)   /* who looked at whom, found or not */
		st = service_audit_read(s, a, "read_person", out->found ? out->id : key,
		    out->found ? "" : "not found");
	if (st != SERVICE_OK)
		service_person_free(out);
	return st;
}

void
service_person_free(struct service_person *p)
{
	if (p == NULL)
		return;
	SERVICE_ARRAY_FREE(p->history, p->nhistory);
	SERVICE_ARRAY_FREE(p->open, p->nopen);
	SERVICE_ARRAY_FREE(p->addresses, p->naddresses);
}

enum service_status
service_person_of(struct service *s, const char *id_number, jzz_date day,
                  enum service_status invalid, char key[CASE_ID_MAX], struct store_person *p)
{
	enum store_rc rc;

	if (!service_idnum_key(id_number, strlen(id_number), day, key, NULL))
		return service_fail(s, invalid, "%s is not a valid ID number", id_number);
	rc = store_person_by_idnum(s->st, key, p);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no person %s", key);
	if (rc != STORE_OK)
		return s->tx_depth > 0 ? service_store_fail(s, rc) : service_db_fail(s);
	return SERVICE_OK;
}

enum service_status
service_need_id_day(struct service *s, const char *id_number, jzz_date day)
{
	if (id_number == NULL || day == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "an ID number and a day are needed");
	return SERVICE_OK;
}

/* ---- queues ---- */

struct service_queue_arg {
	enum service_queue_kind kind;
	jzz_date                today;
};

/* A row of the queue `ctx` (a service_queue_arg): when it is due, and
 * whether overdue on its day. */
static enum service_status
service_queue_fill(struct service *s, void *item, const void *row, void *ctx)
{
	struct service_queue_item      *q = item;
	const struct store_queue_row   *r = row;
	const struct service_queue_arg *qa = ctx;

	(void)s;
	snprintf(q->person_id, sizeof q->person_id, "%s", r->person_id);
	snprintf(q->id_number, sizeof q->id_number, "%s", r->id_number);
	snprintf(q->name, sizeof q->name, "%s", r->name);
	snprintf(q->phone, sizeof q->phone, "%s", r->phone);
	snprintf(q->permit_id, sizeof q->permit_id, "%s", r->permit_id);
	snprintf(q->card_id, sizeof q->card_id, "%s", r->card_id);
	q->date = r->date;
	q->due_on = JZZ_DATE_NONE;
	switch (qa->kind) {
	case SERVICE_QUEUE_CARDS_RECEIVED:
		q->due_on = r->due_on;
		q->overdue = r->flag && qa->today > r->due_on;   /* PERMIT-3 */
		break;
	case SERVICE_QUEUE_ENDORSE_WINDOW:
		q->due_on = r->date + RULES_ENDO_GRACE_DAYS;
		q->overdue = qa->today > r->date;
		break;
	default:
		break;
	}
	return SERVICE_OK;
}

enum service_status
service_queue_get(struct service *s, const struct service_actor *a, enum service_queue_kind kind,
                  jzz_date today, struct service_queue *out)
{
	static const enum store_queue_kind map[SERVICE_QUEUE__COUNT] = {
		STORE_QUEUE_MADE, STORE_QUEUE_RECEIVED, STORE_QUEUE_WINDOW,
	};
	struct service_queue_arg qa = { kind, today };
	struct store_queue_row  *rows;
	size_t                   n;
	enum service_status      st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	if ((unsigned)kind >= SERVICE_QUEUE__COUNT || today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "bad queue or day");
	SERVICE_LIST_TAKE(st, s, store_queue(s->st, map[kind], a->centre, today, &rows, &n), rows, n,
	    out, service_queue_fill, &qa);
	return st;
}

void
service_queue_free(struct service_queue *q)
{
	SERVICE_LIST_FREE(q);
}

/* ---- public status ---- */

enum service_status
service_status_query(struct service *s, const struct service_actor *a, const char *id_number,
                     const char *name, jzz_date today, struct service_status_info *out)
{
	struct service_person p;
	enum service_status   st;

	memset(out, 0, sizeof *out);
	if (id_number == NULL || name == NULL || today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "an ID number, a name and a day are needed");
	if ((st = service_person_get(s, a, id_number, today, &p)) != SERVICE_OK)
		return st;
	/* Both must match, as on 962222: a name alone or a number alone
	 * tells nothing. */
	if (p.found ? strcmp(p.name, name) == 0 : false) {
		out->found = true;
		out->card_state = p.card.present ? p.card.state : SERVICE_CARD_NONE;
		out->ready_on = p.card.present ? p.card.ready_on : JZZ_DATE_NONE;
		out->permit_state = p.permit.present ? p.permit.state : SERVICE_PERMIT_NONE;
		out->valid_until = p.permit.present ? p.permit.valid_until : JZZ_DATE_NONE;
		if (p.nhistory > 0) {
			out->last_business = p.history[0].business;
			out->last_verdict = p.history[0].verdict;
			out->last_day = p.history[0].day;
		}
	}
	service_person_free(&p);
	return SERVICE_OK;
}

/* ---- report ---- */

enum service_status
service_report_daily(struct service *s, const struct service_actor *a, const char *centre,
                     jzz_date day, struct service_report_daily *out)
{
	struct store_daily  d;
	enum service_status st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_REPORT, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (centre == NULL)
		centre = a->centre;
	if (!service_centre_valid(s, centre))
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no centre %s", centre);
	if (day == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day");
	if (store_report_daily(s->st, centre, day, &d) != STORE_OK)
		return service_db_fail(s);
	out->day = day;
	snprintf(out->centre, sizeof out->centre, "%s", centre);
	out->applications = d.applications;
	memcpy(out->by_business, d.by_business, sizeof out->by_business);
	out->fees_yuan = d.fees_yuan;
	out->cod_fees_yuan = d.cod_fees_yuan;
	out->overdue_notices = d.overdue_notices;
	out->cards_received = d.cards_received;
	out->cards_handed = d.cards_handed;
	return SERVICE_OK;
}
