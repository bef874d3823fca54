/*
 * scr_trainer.c: the trainer's tools in training mode: the day of work
 * (time travel) and resetting the training database in one action.
 *
 * Why through the service and then the terminal's own day: the day is
 * stored in the training database (service_training_set_day) so that the
 * next session, `jzz submit` and the batches see it too, and the open
 * terminal takes it at once (ui->today) so that the home screen and every
 * business after this one use it. The reset asks first: it cannot be undone.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { TR_ACT_RESET = 1 };

struct trainer {
	struct ui_field day;
};

static int
scr_trainer_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct trainer *t = sc->data;

	(void)arg;
	if (!ui->opts->training ||
	    (ui->actor.role != SERVICE_ROLE_TRAINER && ui->actor.role != SERVICE_ROLE_ADMIN)) {
		ui_status(ui, UA_ERROR, "%s", ui_msg(M_ONLY_TRAINER));
		return -1;
	}
	ui_field_init(&t->day, UF_DATE, 10);
	return 0;
}

static void
scr_trainer_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct trainer *t = sc->data;

	ui_view_printf(v, 1, 2, 0, UA_BOLD, ui_msg(M_TR_DAY), ui_names_date(ui->today));
	ui_view_text(v, 3, 2, 0, UA_NORMAL, ui_msg(M_TR_PROMPT));
	ui_view_wrap(v, 6, 2, v->cols - 4, 3, UA_DIM, ui_msg(M_TR_HINT));
	ui_field_draw(&t->day, v, 4, 4, 12, true, false);
}

/* Stores the day in the database, then takes it in this terminal. */
static void
scr_trainer_set(struct ui *ui, struct trainer *t, jzz_date d)
{
	enum service_status st = service_training_set_day(ui->svc, &ui->actor, d);

	if (st != SERVICE_OK) {
		ui_status_failed(ui, st, M_NONE, M_TR_FAIL);
		return;
	}
	ui->today = d != JZZ_DATE_NONE ? d : service_real_today();
	ui->data_gen++;
	ui_field_set(&t->day, "");
	ui_status(ui, UA_OK, ui_msg(M_TR_SET), ui_names_date(ui->today));
}

static int
scr_trainer_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct trainer *t = sc->data;
	bool            typing = !ui_field_empty(&t->day);

	if (UI_ACTION_KEY(k, TR_ACT_RESET)) {
		/* The demo data is made as of the day of work shown. */
		enum service_status st = service_training_reset(ui->svc, &ui->actor, ui->today);

		if (st != SERVICE_OK) {
			ui_status_failed(ui, st, M_NONE, M_TR_FAIL);
			return UI_HANDLED;
		}
		ui->data_gen++;
		ui_status(ui, UA_OK, "%s", ui_msg(M_TR_RESET_DONE));
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 10) || UK_IS(k, UI_KEY_ENTER)) {
		char     buf[32];
		jzz_date d = JZZ_DATE_NONE;

		ui_field_get(&t->day, buf, sizeof buf);
		if (buf[0] != '\0' && !date_parse(buf, strlen(buf), &d)) {
			ui_status(ui, UA_ERROR, "%s", ui_msg(M_ERR_DATE));
			return UI_HANDLED;
		}
		scr_trainer_set(ui, t, d);
		return UI_HANDLED;
	}
	if (!typing && UK_IS_SP(k, KEY_LEFT)) {
		scr_trainer_set(ui, t, ui->today - 1);
		return UI_HANDLED;
	}
	if (!typing && UK_IS_SP(k, KEY_RIGHT)) {
		scr_trainer_set(ui, t, ui->today + 1);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 8)) {
		ui_ask(ui, M_TR_ASK_RESET, TR_ACT_RESET);
		return UI_HANDLED;
	}
	if (ui_field_key(&t->day, k))
		return UI_HANDLED;
	return 0;
}

const struct screen_mode scr_trainer_mode = {
	.name = "trainer",
	.title = M_TRAINER_TITLE,
	.help = M_HELP_TRAINER,
	.size = sizeof(struct trainer),
	.init = scr_trainer_init,
	.draw = scr_trainer_draw,
	.key = scr_trainer_key,
	.fkeys = { { 8, M_FK_RESET_DB }, { 10, M_FK_SET_DAY } },
};
