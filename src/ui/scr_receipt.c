/*
 * scr_receipt.c: the acceptance receipt on screen, once saved (and printed).
 *
 * Why saved at once, on entering: the application is already recorded;
 * the receipt file must exist whatever the clerk presses next.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct receipt {
	struct flow_outcome o;
	char               *text;
	char                note[1400];
	int                 top;
};

static int
scr_receipt_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct receipt *r = calloc(1, sizeof *r);

	if (r == NULL)
		return -1;
	sc->data = r;
	r->o = *(const struct flow_outcome *)arg;
	r->text = ui_receipt_text(ui, &r->o);
	if (r->text != NULL)
		ui_receipt_output(ui, r->o.res.receipt_no, r->text, r->note, sizeof r->note);
	return 0;
}

static void
scr_receipt_free(struct ui *ui, struct screen *sc)
{
	struct receipt *r = sc->data;

	(void)ui;
	if (r == NULL)
		return;
	free(r->text);
	free(r);
}

static void
scr_receipt_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct receipt *r = sc->data;
	const char     *p = r->text != NULL ? r->text : "";
	int             y = 0, line = 0, h = v->rows - 3;

	(void)ui;
	while (*p != '\0' && y < h) {
		const char *e = strchr(p, '\n');
		size_t      n = e != NULL ? (size_t)(e - p) : strlen(p);
		char        buf[1024];

		if (line++ >= r->top) {
			snprintf(buf, sizeof buf, "%.*s", (int)n, p);
			ui_view_text(v, y, 2, 0, line == 1 ? UA_BOLD : UA_NORMAL, buf);
			y++;
		}
		p += n;
		if (*p == '\n')
			p++;
	}
	ui_view_wrap(v, v->rows - 3, 0, v->cols, 2, UA_DIM, r->note);
	ui_view_text(v, v->rows - 1, 0, 0, UA_BOLD, ui_msg(M_RC_DONE_HINT));
}

static int
scr_receipt_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct receipt *r = sc->data;

	if (UK_IS(k, UI_KEY_ENTER) || k->type == UK_ESC || UK_IS_FN(k, 10)) {
		ui_pop_home(ui);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5) && r->text != NULL) {
		ui_receipt_output(ui, r->o.res.receipt_no, r->text, r->note, sizeof r->note);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_DOWN))
		r->top++;
	if (UK_IS_SP(k, KEY_UP) && r->top > 0)
		r->top--;
	return UI_HANDLED;
}

static const struct ui_fkey scr_receipt_fkeys[] = {
	{ 1, M_FK_HELP }, { 5, M_FK_PRINT }, { 6, M_FK_LANG }, { 10, M_FK_DONE }, { 0, M_NONE }
};

const struct screen_mode scr_receipt_mode = {
	.name = "receipt",
	.title = M_RECEIPT_TITLE,
	.help = M_HELP_RECEIPT,
	.init = scr_receipt_init,
	.draw = scr_receipt_draw,
	.key = scr_receipt_key,
	.free = scr_receipt_free,
	.fkeys = scr_receipt_fkeys,
};
