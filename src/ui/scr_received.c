/*
 * scr_received.c: recording that made cards have arrived at the centre
 * (到证登记), one ID number after another.
 *
 * Why it stays open after each card: cards arrive in a batch; the clerk
 * types (or scans) one number after the other and reads the pickup-notice
 * due date (PERMIT-3) that the service computed. F5 records instead that
 * the holder of a card waiting here was told by phone that it can be
 * collected (a holder without a mobile gets no SMS).
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct received {
	struct ui_field f;
	char            msg[384];
	bool            ok;
};

static int
scr_received_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct received *r = sc->data;

	(void)ui;
	ui_field_init(&r->f, UF_IDNUM, 18);
	if (arg != NULL)
		ui_field_set(&r->f, arg);
	return 0;
}

static void
scr_received_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct received *r = sc->data;

	(void)ui;
	ui_view_text(v, 2, 2, 20, UA_BOLD, ui_msg(M_LOOKUP_PROMPT));
	if (r->msg[0] != '\0')
		ui_view_wrap(v, 4, 2, v->cols - 4, 3, r->ok ? UA_OK : UA_ERROR, r->msg);
	ui_field_draw(&r->f, v, 2, 22, 20, true, false);
}

/*
 * The card of the number typed arrived (F10, Enter), or its holder was told
 * by phone that it waits here (F5: PERMIT-3, no mobile or the SMS did not
 * reach them; the notice is given, no longer overdue): the number checked,
 * then the service's answer in the message line; the field emptied for the
 * next card once recorded.
 */
static void
scr_received_record(struct ui *ui, struct received *r, bool phoned)
{
	char             num[32];
	struct idnum     id;
	enum idnum_error e;
	struct service_card_info card;
	enum service_status st;

	ui_field_get(&r->f, num, sizeof num);
	e = idnum_parse(num, strlen(num), ui->today, &id);
	r->ok = false;
	if (e != IDNUM_OK) {
		snprintf(r->msg, sizeof r->msg, "✗ %s",
		    e == IDNUM_EMPTY ? ui_msg(M_ERR_REQUIRED) : ui_names_idnum_error(e));
		return;
	}
	memset(&card, 0, sizeof card);
	if (phoned)
		st = service_card_notified(ui->svc, &ui->actor, id.number, ui->today);
	else
		st = service_card_received(ui->svc, &ui->actor, id.number, ui->today, &card);
	if (st == SERVICE_OK) {
		r->ok = true;
		if (phoned)
			snprintf(r->msg, sizeof r->msg, ui_msg(M_PHONED_DONE), id.number);
		else
			snprintf(r->msg, sizeof r->msg, ui_msg(M_RECV_DONE), card.holder_name,
			    card.receipt_no, ui_names_date(card.notice_due_on));
		ui->data_gen++;
		ui_field_set(&r->f, "");
	} else if (st == SERVICE_ERR_STATE || st == SERVICE_ERR_NOT_FOUND) {
		snprintf(r->msg, sizeof r->msg, "✗ %s", ui_msg(phoned ? M_PHONED_STATE : M_RECV_STATE));
	} else {
		snprintf(r->msg, sizeof r->msg, "✗ %s", service_errmsg(ui->svc));
	}
}

static int
scr_received_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct received *r = sc->data;

	if (UK_IS(k, UI_KEY_ENTER) || UK_IS_FN(k, 10) || UK_IS_FN(k, 5)) {
		scr_received_record(ui, r, UK_IS_FN(k, 5));
		return UI_HANDLED;
	}
	if (ui_field_key(&r->f, k))
		return UI_HANDLED;
	return 0;
}

const struct screen_mode scr_received_mode = {
	.name = "received",
	.title = M_RECV_TITLE,
	.help = M_HELP_RECEIVED,
	.size = sizeof(struct received),
	.init = scr_received_init,
	.draw = scr_received_draw,
	.key = scr_received_key,
	.fkeys = { { 5, M_FK_PHONED }, { 10, M_FK_CARD_IN } },
};
