/*
 * scr_home.c: the home screen: the businesses on one key each, and the
 * centre's three work queues (cards made awaiting arrival, cards awaiting
 * pickup with the notice due date, permits in their endorsement window).
 *
 * Why the queues are here: a clerk's day starts with what is waiting, and a
 * pickup notice that is overdue must be seen without asking; "overdue" is
 * written out in words, colour only underlines it. The queues are read
 * again whenever something was written (ui->data_gen), not on every key.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"


struct home {
	struct service_queue q[SERVICE_QUEUE__COUNT];
	unsigned             gen;
	bool                 loaded;
	int                  sel;    /* index among the items shown, -1 none */
	int                  per;    /* lines per queue that fit (set by draw) */
	char                 sel_id[SERVICE_IDNUM_LEN];
};

static void
scr_home_load(struct ui *ui, struct home *h)
{
	for (int k = 0; k < SERVICE_QUEUE__COUNT; k++) {
		service_queue_free(&h->q[k]);
		memset(&h->q[k], 0, sizeof h->q[k]);
		service_queue_get(ui->svc, &ui->actor, (enum service_queue_kind)k, ui->today, &h->q[k]);
	}
	h->gen = ui->data_gen;
	h->loaded = true;
}

static int
scr_home_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct home *h = calloc(1, sizeof *h);

	(void)arg;
	if (h == NULL)
		return -1;
	sc->data = h;
	h->sel = -1;
	scr_home_load(ui, h);
	return 0;
}

static void
scr_home_free(struct ui *ui, struct screen *sc)
{
	struct home *h = sc->data;

	(void)ui;
	if (h == NULL)
		return;
	for (int k = 0; k < SERVICE_QUEUE__COUNT; k++)
		service_queue_free(&h->q[k]);
	free(h);
}

/* One queue line: name, masked ID number, the dates, and the state in words. */
static void
scr_home_item_text(int kind, const struct service_queue_item *it, char *buf, size_t size)
{
	char   masked[19], d1[64], d2[96];

	idnum_mask(it->id_number, masked);
	d2[0] = '\0';
	switch (kind) {
	case SERVICE_QUEUE_CARDS_MADE:
		snprintf(d1, sizeof d1, ui_msg(M_Q_MADE_ON), ui_names_date(it->date));
		break;
	case SERVICE_QUEUE_CARDS_RECEIVED:
		snprintf(d1, sizeof d1, ui_msg(M_Q_RECEIVED_ON), ui_names_date(it->date));
		snprintf(d2, sizeof d2, ui_msg(M_Q_NOTICE_DUE), ui_names_date(it->due_on));
		if (it->overdue) {
			size_t o = strlen(d2);

			snprintf(d2 + o, sizeof d2 - o, " %s", ui_msg(M_Q_OVERDUE));
		}
		break;
	default:
		snprintf(d1, sizeof d1, ui_msg(M_Q_VALID_UNTIL), ui_names_date(it->date));
		if (it->overdue)
			snprintf(d2, sizeof d2, "%s", ui_msg(M_Q_SUSPENDED));
		break;
	}
	snprintf(buf, size, "%-8s %s  %s  %s", it->name, masked, d1, d2);
}

/* Items of queue k shown: all when they fit, else one line less for "more". */
static size_t
scr_home_shown(const struct home *h, int k)
{
	size_t per = (size_t)(h->per > 0 ? h->per : 1);

	if (h->q[k].n <= per)
		return h->q[k].n;
	return per > 1 ? per - 1 : 1;
}

static void
scr_home_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	static const enum msg_id qnames[SERVICE_QUEUE__COUNT] = { M_Q_MADE, M_Q_RECEIVED, M_Q_WINDOW };
	struct home *h = sc->data;
	int          y = 0, shown = 0;
	char         buf[512];

	if (!h->loaded || h->gen != ui->data_gen)
		scr_home_load(ui, h);
	ui_view_printf(v, y++, 0, 0, UA_NORMAL, ui_msg(M_HOME_USER), ui->actor.user, ui_names_role((int)ui->actor.role),
	    ui_names_centre(ui, ui->actor.centre), ui_names_date(ui->today));
	ui_view_hline(v, y++, ui_msg(M_HOME_BUSINESSES));
	for (size_t i = 0; i < ui_names_nbusiness_keys; i++) {
		const struct ui_business_key *bk = &ui_names_business_keys[i];
		int col = (int)(i % 3) * 26, row = y + (int)(i / 3);

		bool off = bk->business == BIZ_CANCELLATION && !ui_names_is_supervisor(ui);

		ui_view_printf(v, row, col + 1, 2, UA_REVERSE, "%lc", (wint_t)bk->key);
		char mark[64] = "";

		if (off)
			snprintf(mark, sizeof mark, ui_msg(M_FMT_PAREN), ui_msg(M_SUPERVISOR_ONLY));
		ui_view_printf(v, row, col + 3, 23, off ? UA_DIM : UA_NORMAL, "%s%s",
		    ui_msg_vocab(&case_business_vocab[bk->business]), mark);
	}
	y += (int)(ui_names_nbusiness_keys + 2) / 3;
	ui_view_hline(v, y++, ui_msg(M_HOME_QUEUES));
	/* Lines per queue (its header apart) that fit above the hint line. */
	h->per = (v->rows - y - 1 - SERVICE_QUEUE__COUNT) / SERVICE_QUEUE__COUNT;
	if (h->per < 1)
		h->per = 1;
	for (int k = 0; k < SERVICE_QUEUE__COUNT && y < v->rows; k++) {
		const struct service_queue *q = &h->q[k];
		size_t n = scr_home_shown(h, k);

		ui_view_printf(v, y++, 0, 0, UA_BOLD, "%s (%zu)", ui_msg(qnames[k]), q->n);
		if (q->n == 0 && y < v->rows)
			ui_view_text(v, y++, 2, 0, UA_DIM, ui_msg(M_Q_EMPTY));
		for (size_t i = 0; i < n && y < v->rows; i++, shown++) {
			bool sel = shown == h->sel;
			enum ui_attr a = sel ? UA_REVERSE : (q->items[i].overdue ? UA_WARN : UA_NORMAL);

			scr_home_item_text(k, &q->items[i], buf, sizeof buf);
			ui_view_text(v, y, 0, 2, UA_BOLD, sel ? "> " : "  ");
			ui_view_text(v, y++, 2, 0, a, buf);
			if (sel)
				snprintf(h->sel_id, sizeof h->sel_id, "%s", q->items[i].id_number);
		}
		if (q->n > n && y < v->rows) {
			snprintf(buf, sizeof buf, ui_msg(M_Q_MORE), q->n - n);
			ui_view_text(v, y++, 2, 0, UA_DIM, buf);
		}
	}
	if (y < v->rows)
		ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_HOME_HINT));
}

static int
scr_home_nshown(const struct home *h)
{
	int n = 0;

	for (int k = 0; k < SERVICE_QUEUE__COUNT; k++)
		n += (int)scr_home_shown(h, k);
	return n;
}

/* The trainer's tools exist only on a training database. */
static bool
scr_home_trainer(const struct ui *ui)
{
	return ui->opts->training &&
	    (ui->actor.role == SERVICE_ROLE_TRAINER || ui->actor.role == SERVICE_ROLE_ADMIN);
}

static int
scr_home_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct home *h = sc->data;
	int          n = scr_home_nshown(h);

	if (ui_names_business_from_key(ui, k, NULL))
		return UI_HANDLED;
	if (UK_IS_FN(k, 2)) {
		ui_push(ui, &scr_lookup_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 3)) {
		ui_push(ui, &scr_status_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 4)) {
		ui_push(ui, &scr_received_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5)) {
		/* Offered only to supervisors and administrators; the service
		 * refuses anyone else anyway, and the screen says so. */
		if (!ui_names_is_supervisor(ui))
			ui_status(ui, UA_ERROR, "%s", ui_msg(M_ONLY_SUPERVISOR));
		else
			ui_push(ui, &scr_report_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 7)) {
		if (ui->actor.role != SERVICE_ROLE_ADMIN)
			ui_status(ui, UA_ERROR, "%s", ui_msg(M_ONLY_ADMIN));
		else
			ui_push(ui, &scr_accounts_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 8)) {
		if (!scr_home_trainer(ui))
			ui_status(ui, UA_ERROR, "%s", ui_msg(M_ONLY_TRAINER));
		else
			ui_push(ui, &scr_trainer_mode, NULL);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_DOWN) && n > 0) {
		h->sel = h->sel + 1 < n ? h->sel + 1 : n - 1;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_UP) && n > 0) {
		h->sel = h->sel > 0 ? h->sel - 1 : 0;
		return UI_HANDLED;
	}
	if (UK_IS(k, UI_KEY_ENTER) && h->sel >= 0 && h->sel_id[0] != '\0') {
		ui_push(ui, &scr_person_mode, h->sel_id);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 10)) {
		ui_push(ui, &scr_today_mode, NULL);
		return UI_HANDLED;
	}
	return 0;
}

static void
scr_home_resize(struct ui *ui, struct screen *sc)
{
	(void)ui;
	(void)sc;
}

static const struct ui_fkey scr_home_fkeys[] = {
	{ 1, M_FK_HELP }, { 2, M_FK_LOOKUP }, { 3, M_FK_STATUS }, { 4, M_FK_RECEIVED },
	{ 5, M_FK_REPORT }, { 6, M_FK_LANG }, { 7, M_FK_ACCOUNTS }, { 8, M_FK_TRAINER },
	{ 10, M_FK_TODAY }, { 0, M_NONE }
};

/* The report, accounts and trainer entries appear only for the roles that
 * may use them: a clerk's bar stays as it was. */
static enum msg_id
scr_home_fkey_label(struct ui *ui, struct screen *sc, int fn, enum msg_id dflt)
{
	(void)sc;
	if (fn == 5 && !ui_names_is_supervisor(ui))
		return M_NONE;
	if (fn == 7 && ui->actor.role != SERVICE_ROLE_ADMIN)
		return M_NONE;
	if (fn == 8 && !scr_home_trainer(ui))
		return M_NONE;
	return dflt;
}

const struct screen_mode scr_home_mode = {
	.name = "home",
	.title = M_HOME_TITLE,
	.help = M_HELP_HOME,
	.init = scr_home_init,
	.draw = scr_home_draw,
	.key = scr_home_key,
	.resize = scr_home_resize,
	.free = scr_home_free,
	.fkeys = scr_home_fkeys,
	.fkey_label = scr_home_fkey_label,
};
