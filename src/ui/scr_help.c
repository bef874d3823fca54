/*
 * scr_help.c: F1, the help of the screen below it and the keys that work
 * everywhere.
 *
 * Why pushed on the stack: closing it returns to the very same state.
 */
#include "uipriv.h"

static int
scr_help_init(struct ui *ui, struct screen *sc, void *arg)
{
	(void)ui;
	sc->data = arg;   /* the mode whose help is shown */
	return 0;
}

static void
scr_help_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	const struct screen_mode *m = sc->data;
	int                       y = 1;

	(void)ui;
	if (m != NULL) {
		y += ui_view_wrap(v, y, 2, v->cols - 4, 8, UA_NORMAL, ui_msg(m->help));
		y++;
	}
	y += ui_view_wrap(v, y, 2, v->cols - 4, 8, UA_NORMAL, ui_msg(M_HELP_KEYS));
	ui_view_text(v, y + 1, 2, 0, UA_BOLD, ui_msg(M_HELP_CLOSE));
}

static int
scr_help_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	(void)ui;
	(void)sc;
	(void)k;
	return UI_CLOSE;
}

const struct screen_mode scr_help_mode = {
	.name = "help",
	.title = M_HELP_TITLE,
	.help = M_HELP_GENERIC,
	.init = scr_help_init,
	.draw = scr_help_draw,
	.key = scr_help_key,
};
