/*
 * scr_lookup.c: the person look-up: one ID number, then the person's card.
 *
 * Why a screen of its own: the home screen's digits start businesses, so an
 * ID number cannot be typed there; here every key is the number's.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct lookup {
	struct ui_field f;
	char            error[192];
};

static int
scr_lookup_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct lookup *l = calloc(1, sizeof *l);

	(void)ui;
	(void)arg;
	if (l == NULL)
		return -1;
	sc->data = l;
	ui_field_init(&l->f, UF_IDNUM, 18);
	return 0;
}

static void
scr_lookup_free(struct ui *ui, struct screen *sc)
{
	struct lookup *l = sc->data;

	(void)ui;
	if (l == NULL)
		return;
	ui_field_free(&l->f);
	free(l);
}

static void
scr_lookup_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct lookup *l = sc->data;

	(void)ui;
	ui_view_text(v, 2, 2, 20, UA_BOLD, ui_msg(M_LOOKUP_PROMPT));
	if (l->error[0] != '\0')
		ui_view_printf(v, 4, 2, 0, UA_ERROR, "✗ %s", l->error);
	ui_field_draw(&l->f, v, 2, 22, 20, true, false);
}

static int
scr_lookup_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct lookup *l = sc->data;
	char           num[32];
	struct idnum   id;
	enum idnum_error e;
	struct service_person p;

	if (UK_IS(k, UI_KEY_ENTER) || UK_IS_FN(k, 10)) {
		ui_field_get(&l->f, num, sizeof num);
		e = idnum_parse(num, strlen(num), ui->today, &id);
		if (e != IDNUM_OK) {
			snprintf(l->error, sizeof l->error, "%s", e == IDNUM_EMPTY ? ui_msg(M_ERR_REQUIRED) :
			    ui_msg_lang() == LANG_EN ? idnum_error_en(e) : idnum_error_zh(e));
			return UI_HANDLED;
		}
		memset(&p, 0, sizeof p);
		if (service_person_get(ui->svc, &ui->actor, id.number, ui->today, &p) != SERVICE_OK ||
		    (!p.found && p.nhistory == 0)) {
			snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOOKUP_NOT_FOUND));
			service_person_free(&p);
			return UI_HANDLED;
		}
		service_person_free(&p);
		l->error[0] = '\0';
		ui_push(ui, &scr_person_mode, id.number);
		return UI_HANDLED;
	}
	if (ui_field_key(&l->f, k)) {
		l->error[0] = '\0';
		return UI_HANDLED;
	}
	return 0;
}

static const struct ui_fkey scr_lookup_fkeys[] = {
	{ 1, M_FK_HELP }, { 6, M_FK_LANG }, { 10, M_FK_SEARCH }, { 0, M_NONE }
};

const struct screen_mode scr_lookup_mode = {
	.name = "lookup",
	.title = M_LOOKUP_TITLE,
	.help = M_HELP_LOOKUP,
	.init = scr_lookup_init,
	.draw = scr_lookup_draw,
	.key = scr_lookup_key,
	.free = scr_lookup_free,
	.fkeys = scr_lookup_fkeys,
};
