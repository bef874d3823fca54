/*
 * scr_today.c: the applications of the day of work: the clerk's own, or
 * (F5) the whole centre's, in the order they were made; Enter opens the
 * person of the line chosen.
 *
 * Why a screen: at the end of a day (or when an applicant comes back an
 * hour later) the clerk finds the work by when it was done, not by a
 * number the applicant may not have.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct today {
	bool                    all;     /* the centre's, not only the clerk's */
	struct service_app_list l;
	struct ui_list          list;
};

static void
scr_today_load(struct ui *ui, struct screen *sc)
{
	struct today *t = sc->data;

	service_app_list_free(&t->l);
	if (service_applications_day(ui->svc, &ui->actor, !t->all, ui->today, &t->l) != SERVICE_OK) {
		memset(&t->l, 0, sizeof t->l);
		ui_status(ui, UA_ERROR, "✗ %s", service_errmsg(ui->svc));
	}
	ui_list_clamp(&t->list, (int)t->l.n);
}

static int
scr_today_init(struct ui *ui, struct screen *sc, void *arg)
{
	(void)arg;
	scr_today_load(ui, sc);
	return 0;
}

static void
scr_today_free(void *data)
{
	struct today *t = data;

	service_app_list_free(&t->l);
}

static void
scr_today_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct today *t = sc->data;
	int           y = 0, h;
	char          head[256];

	snprintf(head, sizeof head, ui_msg(t->all ? M_TODAY_ALL : M_TODAY_MINE),
	    ui_names_date(ui->today), t->all ? ui_names_centre(ui, ui->actor.centre) : ui->actor.user,
	    t->l.n);
	ui_view_text(v, y++, 0, 0, UA_BOLD, head);
	ui_view_hline(v, y++, "");
	if (t->l.n == 0) {
		ui_view_text(v, y, 2, 0, UA_DIM, ui_msg(M_Q_EMPTY));
		return;
	}
	h = v->rows - y - 1;
	ui_list_scroll(&t->list, h);
	for (int i = t->list.top; i < (int)t->l.n && y < v->rows - 1; i++, y++) {
		const struct service_app_ref *r = &t->l.items[i];
		enum ui_attr                  a = i == t->list.sel ? UA_FOCUS : UA_NORMAL;
		char                          at[8] = "", no[SERVICE_APP_SHORT_LEN];

		/* the time of day of created_at (UTC as stored) */
		if (strlen(r->at) >= 16)
			snprintf(at, sizeof at, "%.5s", r->at + 11);
		ui_list_mark(v, y, i == t->list.sel, a);
		ui_view_text(v, y, 2, 6, a, at);
		ui_view_text(v, y, 8, 11, a, r->name);
		ui_view_text(v, y, 20, 19, a, r->id_masked);
		ui_view_text(v, y, 40, 15, a, ui_msg_vocab(&case_business_vocab[r->business]));
		ui_view_text(v, y, 56, 9, a, ui_names_verdict(r->verdict));
		/* the receipt's sequence; a refused or incomplete one has none:
		 * its short application number, as its notice prints it */
		service_app_short(r->application_id, no);
		ui_view_text(v, y, 66, 0, a, t->all ? r->user : r->receipt_no[0] == '\0' ? no :
		    r->receipt_no + (strlen(r->receipt_no) > 14 ? 14 : 0));
	}
	ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_TODAY_HINT));
}

static int
scr_today_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct today *t = sc->data;

	if (UK_IS_FN(k, 5)) {
		t->all = !t->all;
		t->list.sel = t->list.top = 0;
		scr_today_load(ui, sc);
		return UI_HANDLED;
	}
	if (ui_list_key(&t->list, (int)t->l.n, k))
		return UI_HANDLED;
	if (UK_IS(k, UI_KEY_ENTER) && t->list.sel < (int)t->l.n &&
	    strlen(t->l.items[t->list.sel].id_number) == 18) {
		ui_push(ui, &scr_person_mode, t->l.items[t->list.sel].id_number);
		return UI_HANDLED;
	}
	return 0;
}

const struct screen_mode scr_today_mode = {
	.name = "today",
	.title = M_TODAY_TITLE,
	.help = M_HELP_TODAY,
	.size = sizeof(struct today),
	.init = scr_today_init,
	.draw = scr_today_draw,
	.key = scr_today_key,
	.free = scr_today_free,
	.reload = scr_today_load,
	.fkeys = { { 5, M_FK_MINE } },
};
