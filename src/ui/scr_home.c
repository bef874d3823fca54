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
	struct ui_list       list;   /* sel: index among the items shown, -1 none */
	int                  per;    /* lines per queue that fit (set by draw) */
	char                 sel_id[SERVICE_IDNUM_LEN];
};

static void
scr_home_load(struct ui *ui, struct screen *sc)
{
	struct home *h = sc->data;

	for (int k = 0; k < SERVICE_QUEUE__COUNT; k++) {
		service_queue_free(&h->q[k]);
		memset(&h->q[k], 0, sizeof h->q[k]);
		service_queue_get(ui->svc, &ui->actor, (enum service_queue_kind)k, ui->today, &h->q[k]);
	}
}

static int
scr_home_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct home *h = sc->data;

	(void)arg;
	h->list.sel = -1;
	scr_home_load(ui, sc);
	return 0;
}

static void
scr_home_free(void *data)
{
	struct home *h = data;

	for (int k = 0; k < SERVICE_QUEUE__COUNT; k++)
		service_queue_free(&h->q[k]);
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
			bool sel = shown == h->list.sel;
			enum ui_attr a = sel ? UA_REVERSE : (q->items[i].overdue ? UA_WARN : UA_NORMAL);

			scr_home_item_text(k, &q->items[i], buf, sizeof buf);
			ui_list_mark(v, y, sel, UA_BOLD);
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

static bool
scr_home_admin(const struct ui *ui)
{
	return ui->actor.role == SERVICE_ROLE_ADMIN;
}

/* The screens a function key opens from here, and who may open them (NULL:
 * everyone). The report is offered only to supervisors and administrators,
 * the accounts to administrators, the trainer's tools to trainers: a
 * clerk's bar stays as it was, and a clerk pressing the key is told why
 * nothing opens (the service refuses anyone else anyway). */
static const struct scr_home_entry {
	int                       fn;
	const struct screen_mode *mode;
	bool                    (*may)(const struct ui *ui);
	enum msg_id               refused;
} scr_home_entries[] = {
	{ 2, &scr_lookup_mode, NULL, M_NONE },
	{ 3, &scr_status_mode, NULL, M_NONE },
	{ 4, &scr_received_mode, NULL, M_NONE },
	{ 5, &scr_report_mode, ui_names_is_supervisor, M_ONLY_SUPERVISOR },
	{ 7, &scr_accounts_mode, scr_home_admin, M_ONLY_ADMIN },
	{ 8, &scr_trainer_mode, scr_home_trainer, M_ONLY_TRAINER },
	{ 10, &scr_today_mode, NULL, M_NONE },
};

static const struct scr_home_entry *
scr_home_entry(int fn)
{
	for (size_t i = 0; i < sizeof scr_home_entries / sizeof scr_home_entries[0]; i++)
		if (scr_home_entries[i].fn == fn)
			return &scr_home_entries[i];
	return NULL;
}

static int
scr_home_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct home                 *h = sc->data;
	int                          n = scr_home_nshown(h);
	const struct scr_home_entry *e = k->type == UK_FN ? scr_home_entry(k->fn) : NULL;

	if (ui_names_business_from_key(ui, k, NULL))
		return UI_HANDLED;
	if (e != NULL) {
		if (e->may != NULL && !e->may(ui))
			ui_status(ui, UA_ERROR, "%s", ui_msg(e->refused));
		else
			ui_push(ui, e->mode, NULL);
		return UI_HANDLED;
	}
	if (ui_list_key(&h->list, n, k))
		return UI_HANDLED;
	if (UK_IS(k, UI_KEY_ENTER) && h->list.sel >= 0 && h->sel_id[0] != '\0') {
		ui_push(ui, &scr_person_mode, h->sel_id);
		return UI_HANDLED;
	}
	return 0;
}

static enum msg_id
scr_home_fkey_label(struct ui *ui, struct screen *sc, int fn, enum msg_id dflt)
{
	const struct scr_home_entry *e = scr_home_entry(fn);

	(void)sc;
	return e != NULL && e->may != NULL && !e->may(ui) ? M_NONE : dflt;
}

const struct screen_mode scr_home_mode = {
	.name = "home",
	.title = M_HOME_TITLE,
	.help = M_HELP_HOME,
	.size = sizeof(struct home),
	.init = scr_home_init,
	.draw = scr_home_draw,
	.key = scr_home_key,
	.free = scr_home_free,
	.reload = scr_home_load,
	.fkeys = { { 2, M_FK_LOOKUP }, { 3, M_FK_STATUS }, { 4, M_FK_RECEIVED }, { 5, M_FK_REPORT },
	           { 7, M_FK_ACCOUNTS }, { 8, M_FK_TRAINER }, { 10, M_FK_TODAY } },
	.fkey_label = scr_home_fkey_label,
};
