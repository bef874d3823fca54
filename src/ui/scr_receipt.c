/*
 * scr_receipt.c: the receipt on screen, once saved (and printed).
 *
 * Why saved at once, on entering: the application is already recorded;
 * the receipt's PDF and text copy must exist whatever the clerk presses
 * next. The screen shows the text form of the very paper that was saved
 * (built by the service, paper.h); F5 saves and prints it again, F6 shows
 * it in the other language.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct receipt {
	struct flow_outcome o;
	struct paper        paper;
	enum rules_lang     lang;    /* of paper and text */
	char               *text;
	char                note[1400];
	int                 top;
};

/* (Re)builds the paper and its text in the current language. */
static void
scr_receipt_build(struct ui *ui, struct receipt *r)
{
	paper_free(&r->paper);
	free(r->text);
	r->text = NULL;
	r->lang = ui_msg_lang();
	if (ui_paper_of(ui, &r->o, &r->paper) == 0)
		r->text = paper_text(&r->paper);
	if (r->text == NULL)
		snprintf(r->note, sizeof r->note, ui_msg(M_RC_SAVE_FAIL), service_errmsg(ui->svc));
}

static int
scr_receipt_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct receipt *r = sc->data;

	r->o = *(const struct flow_outcome *)arg;
	scr_receipt_build(ui, r);
	if (r->text != NULL)
		ui_paper_output(ui, &r->paper, false, M_RC_SAVED, r->note, sizeof r->note);
	return 0;
}

static void
scr_receipt_free(void *data)
{
	struct receipt *r = data;

	paper_free(&r->paper);
	free(r->text);
}

static void
scr_receipt_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct receipt *r = sc->data;
	const char     *p;
	int             y = 0, line = 0, h = v->rows - 3;

	if (r->lang != ui_msg_lang())
		scr_receipt_build(ui, r);
	p = r->text != NULL ? r->text : "";
	while (*p != '\0' && y < h) {
		const char *e = strchr(p, '\n');
		size_t      n = e != NULL ? (size_t)(e - p) : strlen(p);
		char        buf[1024];

		if (line++ >= r->top) {
			/* a line wider than the screen goes on to the next row, never cut */
			snprintf(buf, sizeof buf, "%.*s", (int)n, p);
			if (buf[0] == '\0')
				y++;   /* a blank line stays one */
			else
				y += ui_view_wrap(v, y, 2, v->cols - 2, h - y, line == 1 ? UA_BOLD : UA_NORMAL,
				    buf);
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

	/* the application is recorded: Esc too goes home, as Enter does */
	if (k->type == UK_ESC) {
		ui_pop_home(ui);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5)) {
		if (r->lang != ui_msg_lang() || r->text == NULL)
			scr_receipt_build(ui, r);
		if (r->text != NULL)
			ui_paper_output(ui, &r->paper, false, M_RC_SAVED, r->note, sizeof r->note);
		return UI_HANDLED;
	}
	/* home, or the next applicant without a stop at home, or a scroll */
	return ui_names_outcome_key(ui, k, r->o.c.business, &r->top);
}

const struct screen_mode scr_receipt_mode = {
	.name = "receipt",
	.title = M_RECEIPT_TITLE,
	.help = M_HELP_RECEIPT,
	.size = sizeof(struct receipt),
	.init = scr_receipt_init,
	.draw = scr_receipt_draw,
	.key = scr_receipt_key,
	.free = scr_receipt_free,
	.fkeys = { { 2, M_FK_NEXT_BIZ }, { 5, M_FK_PRINT }, { 10, M_FK_DONE } },
};
