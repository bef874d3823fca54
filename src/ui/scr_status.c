/*
 * scr_status.c: the status query (办理进度查询): name and ID number, as the
 * public hotline asks them, and where the application stands.
 *
 * Why the name too: the service answers only when both match, so that the
 * number alone does not reveal someone's affairs.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct status {
	struct ui_field f[2];       /* name, ID number */
	int             focus;
	bool            asked;
	struct service_status_info info;
	char            error[192];
};

static int
scr_status_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct status *s = sc->data;

	(void)ui;
	(void)arg;
	ui_field_init(&s->f[0], UF_TEXT, CASE_NAME_CHARS);
	ui_field_init(&s->f[1], UF_IDNUM, 18);
	return 0;
}

static void
scr_status_row(struct ui_view *v, int y, enum msg_id label, const char *value)
{
	ui_view_text(v, y, 2, 19, UA_NORMAL, ui_msg(label));
	ui_view_text(v, y, 22, 0, UA_NORMAL, value);
}

static void
scr_status_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct status *s = sc->data;
	const struct service_status_info *in = &s->info;
	int y = 6;

	(void)ui;
	ui_view_text(v, 2, 2, 20, s->focus == 0 ? UA_BOLD : UA_NORMAL, ui_msg(M_STATUS_NAME));
	ui_view_text(v, 4, 2, 20, s->focus == 1 ? UA_BOLD : UA_NORMAL, ui_msg(M_LOOKUP_PROMPT));
	if (s->error[0] != '\0')
		ui_view_printf(v, y++, 2, 0, UA_ERROR, "✗ %s", s->error);
	else if (s->asked && !in->found)
		ui_view_wrap(v, y++, 2, v->cols - 4, 2, UA_WARN, ui_msg(M_STATUS_NOT_FOUND));
	else if (s->asked) {
		char last[256];

		snprintf(last, sizeof last, "%s  %s  %s", ui_names_date(in->last_day),
		    ui_msg_vocab(&case_business_vocab[in->last_business]), ui_names_verdict(in->last_verdict));
		scr_status_row(v, y++, M_STATUS_LAST, last);
		scr_status_row(v, y++, M_STATUS_CARD, ui_names_card_state(in->card_state));
		scr_status_row(v, y++, M_STATUS_READY, ui_names_date(in->ready_on));
		scr_status_row(v, y++, M_STATUS_PERMIT, ui_names_permit_state(in->permit_state));
		scr_status_row(v, y++, M_STATUS_VALID, ui_names_date(in->valid_until));
	}
	ui_field_draw(&s->f[1], v, 4, 22, 20, s->focus == 1, false);
	ui_field_draw(&s->f[0], v, 2, 22, 20, s->focus == 0, false);
	if (s->focus == 1)
		ui_field_draw(&s->f[1], v, 4, 22, 20, true, false);
}

static int
scr_status_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct status *s = sc->data;
	char           name[CASE_NAME_MAX], num[32];
	struct idnum   id;
	enum idnum_error e;

	if (UK_IS_FN(k, 10) || (UK_IS(k, UI_KEY_ENTER) && s->focus == 1)) {
		ui_field_get(&s->f[0], name, sizeof name);
		ui_field_get(&s->f[1], num, sizeof num);
		s->error[0] = '\0';
		s->asked = false;
		if (name[0] == '\0') {
			snprintf(s->error, sizeof s->error, ui_msg(M_FMT_LV), ui_msg(M_STATUS_NAME), ui_msg(M_ERR_REQUIRED));
			s->focus = 0;
			return UI_HANDLED;
		}
		e = idnum_parse(num, strlen(num), ui->today, &id);
		if (e != IDNUM_OK) {
			snprintf(s->error, sizeof s->error, ui_msg(M_FMT_LV), ui_msg(M_LOOKUP_PROMPT),
			    e == IDNUM_EMPTY ? ui_msg(M_ERR_REQUIRED) : ui_names_idnum_error(e));
			s->focus = 1;
			return UI_HANDLED;
		}
		memset(&s->info, 0, sizeof s->info);
		if (service_status_query(ui->svc, &ui->actor, id.number, name, ui->today, &s->info) != SERVICE_OK)
			snprintf(s->error, sizeof s->error, "%s", service_errmsg(ui->svc));
		s->asked = true;
		return UI_HANDLED;
	}
	if (UK_IS(k, UI_KEY_TAB) || UK_IS(k, UI_KEY_ENTER) || UK_IS_SP(k, KEY_DOWN)) {
		s->focus = 1;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_BTAB) || UK_IS_SP(k, KEY_UP)) {
		s->focus = 0;
		return UI_HANDLED;
	}
	if (ui_field_key(&s->f[s->focus], k))
		return UI_HANDLED;
	return 0;
}

const struct screen_mode scr_status_mode = {
	.name = "status",
	.title = M_STATUS_TITLE,
	.help = M_HELP_STATUS,
	.size = sizeof(struct status),
	.init = scr_status_init,
	.draw = scr_status_draw,
	.key = scr_status_key,
	.fkeys = { { 10, M_FK_SEARCH } },
};
