/*
 * scr_person.c: a person's card: registration, permit and its state, the
 * latest card, open applications and the history; a business key starts
 * that business for this person with the ID number filled in.
 *
 * Why read again on every change: after a business started from here the
 * card must show its result when the clerk comes back.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct person {
	char                  id[SERVICE_IDNUM_LEN];
	struct service_person p;
};

static void
scr_person_load(struct ui *ui, struct screen *sc)
{
	struct person *ps = sc->data;

	service_person_free(&ps->p);
	memset(&ps->p, 0, sizeof ps->p);
	service_person_get(ui->svc, &ui->actor, ps->id, ui->today, &ps->p);
}

static int
scr_person_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct person *ps = sc->data;

	snprintf(ps->id, sizeof ps->id, "%s", (const char *)arg);
	scr_person_load(ui, sc);
	return 0;
}

static void
scr_person_free(void *data)
{
	struct person *ps = data;

	service_person_free(&ps->p);
}

/* One application in columns (measured in display columns, not bytes). */
static void
scr_person_history_draw(struct ui_view *v, int y, const struct service_history_entry *h, enum ui_attr a)
{
	char rest[700], agent[160] = "", no[SERVICE_APP_SHORT_LEN];
	int  n;

	/* who came for the applicant: name and masked number */
	if (h->agent_kind[0] != '\0')
		n = snprintf(agent, sizeof agent, " %s%s %s", ui_msg(M_F_AGENT), h->agent_name,
		    h->agent_id_masked);
	/* no receipt (refused, incomplete): the short number its notice shows */
	service_app_short(h->application_id, no);
	n = snprintf(rest, sizeof rest, "%s %s%s%s%s", h->receipt_no[0] != '\0' ? h->receipt_no : no,
	    h->failed,
	    h->failed[0] && h->missing[0] ? " " : "", h->missing, agent);

	(void)n;   /* cut at the screen's edge anyway */
	ui_view_text(v, y, 2, 11, a, ui_names_date(h->day));
	ui_view_text(v, y, 14, 19, a, ui_msg_vocab(&case_business_vocab[h->business]));
	ui_view_text(v, y, 34, 9, a, ui_names_verdict(h->verdict));
	ui_view_text(v, y, 44, 0, a, rest);
}

/* "label: value" at (y, x); returns the columns used. */
static int
scr_person_lv(struct ui_view *v, int y, int x, enum msg_id label, const char *value, enum ui_attr a)
{
	return ui_view_printf(v, y, x, 0, a, ui_msg(M_FMT_LV), ui_msg(label), value);
}

static void
scr_person_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct person               *ps = sc->data;
	const struct service_person *p = &ps->p;
	char                         masked[19], buf[512];
	int                          y = 0;

	idnum_mask(ps->id, masked);
	{
		int x = 0;

		x += scr_person_lv(v, y, x, M_P_NAME, p->found ? p->name : "—", UA_BOLD) + 3;
		x += scr_person_lv(v, y, x, M_P_IDNUM, masked, UA_BOLD) + 3;
		scr_person_lv(v, y++, x, M_P_PHONE, p->phone[0] ? p->phone : "—", UA_BOLD);
	}
	if (!p->found)
		ui_view_text(v, y++, 0, 0, UA_WARN, ui_msg(M_LOOKUP_NOT_FOUND));
	/* Registration */
	if (p->registration.present) {
		snprintf(buf, sizeof buf, ui_msg(M_P_REG_LINE), ui_names_date(p->registration.registered_on),
		    ui_names_date(p->registration.valid_until));
		if (p->registration.valid_until < ui->today)
			strncat(buf, ui_msg(M_P_REG_EXPIRED), sizeof buf - strlen(buf) - 1);
	} else {
		snprintf(buf, sizeof buf, "%s", ui_msg(M_P_NONE));
	}
	scr_person_lv(v, y++, 0, M_P_REG, buf, UA_NORMAL);
	/* Permit */
	if (p->permit.present)
		snprintf(buf, sizeof buf, ui_msg(M_P_PERMIT_LINE), ui_names_permit_state(p->permit.state),
		    ui_names_date(p->permit.valid_from), ui_names_date(p->permit.valid_until),
		    ui_names_date(p->permit.window_opens));
	else
		snprintf(buf, sizeof buf, "%s", ui_msg(M_P_NONE));
	scr_person_lv(v, y++, 0, M_P_PERMIT, buf,
	    p->permit.state == SERVICE_PERMIT_SUSPENDED ? UA_WARN : UA_NORMAL);
	/* Card */
	if (p->card.present)
		snprintf(buf, sizeof buf, ui_msg(M_P_CARD_LINE), ui_names_card_state(p->card.state),
		    p->card.receipt_no, ui_names_date(p->card.ready_on));
	else
		snprintf(buf, sizeof buf, "%s", ui_msg(M_P_NONE));
	scr_person_lv(v, y++, 0, M_P_CARD, buf, UA_NORMAL);
	/* Address: the one of today with its day, then the earlier ones */
	if (p->has_address) {
		int n = snprintf(buf, sizeof buf, ui_msg(M_P_ADDR_LINE), p->address_now.street_name,
		    p->address_now.text, ui_names_date(p->address_now.valid_from));

		(void)n;
	} else {
		snprintf(buf, sizeof buf, "%s", p->address[0] ? p->address : ui_msg(M_P_NONE));
	}
	scr_person_lv(v, y++, 0, M_P_ADDRESS, buf, UA_NORMAL);
	if (p->naddresses > 1) {
		size_t o = 0;

		buf[0] = '\0';
		for (size_t i = 0; i < p->naddresses && o < sizeof buf; i++) {
			const struct service_address *ad = &p->addresses[i];

			if (p->has_address && ad->valid_from == p->address_now.valid_from &&
			    strcmp(ad->application_id, p->address_now.application_id) == 0)
				continue;
			o += (size_t)snprintf(buf + o, sizeof buf - o, "%s%s %s%s", o ? ui_msg(M_CLAUSE_SEP) : "",
			    ui_names_date(ad->valid_from), ad->street_name, ad->text);
		}
		scr_person_lv(v, y++, 0, M_P_ADDR_EARLIER, buf, UA_DIM);
	}
	ui_view_hline(v, y++, ui_msg(M_P_OPEN));
	if (p->nopen == 0)
		ui_view_text(v, y++, 2, 0, UA_DIM, ui_msg(M_Q_EMPTY));
	for (size_t i = 0; i < p->nopen && i < 3 && y < v->rows - 2; i++) {
		scr_person_history_draw(v, y++, &p->open[i], UA_WARN);
	}
	ui_view_hline(v, y++, ui_msg(M_P_HISTORY));
	for (size_t i = 0; i < p->nhistory && y < v->rows - 1; i++) {
		scr_person_history_draw(v, y++, &p->history[i], UA_NORMAL);
	}
	ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_P_HINT));
}

static int
scr_person_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct person *ps = sc->data;

	if (ui_names_business_from_key(ui, k, ps->id))
		return UI_HANDLED;
	if (UK_IS_FN(k, 4)) {
		ui_push(ui, &scr_received_mode, ps->id);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5)) {
		/* PERMIT-5: the card went by post instead of being picked up. */
		struct service_card_info card;

		if (service_card_posted(ui->svc, &ui->actor, ps->id, ui->today, &card) == SERVICE_OK) {
			ui_status(ui, UA_OK, ui_msg(M_POSTED_DONE), card.receipt_no);
			ui->data_gen++;
		} else {
			ui_status(ui, UA_ERROR, "✗ %s", ui_msg(M_POSTED_STATE));
		}
		return UI_HANDLED;
	}
	return 0;
}

const struct screen_mode scr_person_mode = {
	.name = "person",
	.title = M_PERSON_TITLE,
	.help = M_HELP_PERSON,
	.size = sizeof(struct person),
	.init = scr_person_init,
	.draw = scr_person_draw,
	.key = scr_person_key,
	.free = scr_person_free,
	.reload = scr_person_load,
	.fkeys = { { 4, M_FK_CARD_IN }, { 5, M_FK_POSTED } },
};
