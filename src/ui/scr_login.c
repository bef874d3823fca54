/*
 * scr_login.c: the login screen, the first screen of every session.
 *
 * Why the service decides: an account belongs to the database (its role and
 * its centre), so the screen only asks for it and lets service_actor() say
 * who that is. Passwords are not verified yet: the service layer stores
 * none until password hashing lands (store_schema.c: "a later issue"); the
 * field is here so that the screen and the clerks' habits do not change
 * when it does. In training mode the demo accounts are listed.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct login {
	struct ui_field f[2];
	int             focus;
	char            error[256];
};

static int
scr_login_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct login *l = calloc(1, sizeof *l);

	(void)arg;
	if (l == NULL)
		return -1;
	sc->data = l;
	ui_field_init(&l->f[0], UF_TEXT, 32);
	ui_field_init(&l->f[1], UF_SECRET, 64);
	if (ui->opts->user != NULL) {
		ui_field_set(&l->f[0], ui->opts->user);
		l->focus = 1;
	}
	return 0;
}

static void
scr_login_free(struct ui *ui, struct screen *sc)
{
	struct login *l = sc->data;

	(void)ui;
	if (l == NULL)
		return;
	ui_field_free(&l->f[0]);
	ui_field_free(&l->f[1]);
	free(l);
}

static void
scr_login_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct login *l = sc->data;
	int           y = 2, x = 10;

	ui_view_text(v, y, x, 0, UA_BOLD, ui_msg(M_LOGIN_TITLE));
	y += 2;
	ui_view_text(v, y, x, 10, l->focus == 0 ? UA_BOLD : UA_NORMAL, ui_msg(M_LOGIN_USER));
	ui_field_draw(&l->f[0], v, y, x + 10, 24, l->focus == 0, false);
	y += 2;
	ui_view_text(v, y, x, 10, l->focus == 1 ? UA_BOLD : UA_NORMAL, ui_msg(M_LOGIN_PASSWORD));
	ui_field_draw(&l->f[1], v, y, x + 10, 24, l->focus == 1, false);
	y += 2;
	if (l->error[0] != '\0')
		ui_view_printf(v, y, x, 0, UA_ERROR, "✗ %s", l->error);
	y += 2;
	ui_view_text(v, y++, x, 0, UA_DIM, ui_msg(M_LOGIN_HINT));
	if (ui->opts->training) {
		y++;
		ui_view_text(v, y++, x, 0, UA_BOLD, ui_msg(M_LOGIN_DEMO));
		for (size_t i = 0; i < ui_demo_naccounts && y < v->rows; i++)
			ui_view_printf(v, y++, x + 2, 0, UA_NORMAL, "%-10s %s",
			    ui_demo_accounts[i].user, ui_names_role(ui_demo_accounts[i].role));
	}
	/* Put the cursor back in the focused field (the text above moved it). */
	ui_field_draw(&l->f[l->focus], v, l->focus == 0 ? 4 : 6, x + 10, 24, true, false);
}

static int
scr_login_try(struct ui *ui, struct login *l)
{
	char user[128];

	ui_field_get(&l->f[0], user, sizeof user);
	if (user[0] == '\0') {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_NEED_USER));
		l->focus = 0;
		return UI_HANDLED;
	}
	if (service_actor(ui->svc, user, ui->opts->centre, &ui->actor) != SERVICE_OK) {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_UNKNOWN));
		l->focus = 0;
		return UI_HANDLED;
	}
	ui->logged_in = true;
	/* The login gives way to the home screen: pop ourselves, push home. */
	ui_pop(ui);
	ui_push(ui, &scr_home_mode, NULL);
	return UI_HANDLED;
}

static int
scr_login_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct login *l = sc->data;

	if (UK_IS_FN(k, 10) || (UK_IS(k, UI_KEY_ENTER) && l->focus == 1))
		return scr_login_try(ui, l);
	if (UK_IS(k, UI_KEY_TAB) || UK_IS(k, UI_KEY_ENTER) || UK_IS_SP(k, KEY_DOWN)) {
		l->focus = 1;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_BTAB) || UK_IS_SP(k, KEY_UP)) {
		l->focus = 0;
		return UI_HANDLED;
	}
	if (ui_field_key(&l->f[l->focus], k))
		return UI_HANDLED;
	return 0;
}

static const struct ui_fkey scr_login_fkeys[] = {
	{ 1, M_FK_HELP }, { 6, M_FK_LANG }, { 10, M_FK_LOGIN }, { 0, M_NONE }
};

const struct screen_mode scr_login_mode = {
	.name = "login",
	.title = M_LOGIN_TITLE,
	.help = M_HELP_LOGIN,
	.init = scr_login_init,
	.draw = scr_login_draw,
	.key = scr_login_key,
	.free = scr_login_free,
	.fkeys = scr_login_fkeys,
};
