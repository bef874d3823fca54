/*
 * scr_result.c: the screen of a refused or incomplete application: each
 * failing rule with its id, its message, the line of the policy it comes
 * from, and the next step (the first eligible day, the day the endorsement
 * window opens, the documents to bring).
 *
 * Why its own screen: a refusal is read out to the applicant; it must say
 * why and what to do next, in full, not as a line in the rules panel.
 * Enter returns home; Esc goes back to the form with everything kept, for
 * when the applicant finds the missing paper after all.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct result {
	struct flow_outcome o;
	int                 top;
};

static int
scr_result_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct result *r = sc->data;

	(void)ui;
	r->o = *(const struct flow_outcome *)arg;
	return 0;
}

static const char *
scr_result_title(struct ui *ui, struct screen *sc)
{
	struct result *r = sc->data;

	(void)ui;
	return ui_msg(r->o.res.decision.verdict == VERDICT_REFUSE ? M_REFUSE_TITLE : M_INCOMPLETE_TITLE);
}

/* Emits one wrapped paragraph; the screen scrolls by paragraphs. */
static void
scr_result_para(struct ui_view *v, int *y, int *line, int top, int x, enum ui_attr a, const char *s)
{
	if ((*line)++ < top || *y >= v->rows - 1)
		return;
	*y += ui_view_wrap(v, *y, x, v->cols - x, v->rows - 1 - *y, a, s);
}

static void
scr_result_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct result             *r = sc->data;
	const struct jzz_decision *d = &r->o.res.decision;
	const struct jzz_case     *c = &r->o.c;
	char                       buf[1024], msg[512], masked[19] = "";
	int                        y = 0, line = 0;
	struct idnum               id;

	(void)ui;
	if (idnum_parse(c->applicant.id_number, c->applicant.id_len, c->today, &id) == IDNUM_OK)
		idnum_mask(id.number, masked);
	snprintf(buf, sizeof buf, "%s  %s  %s  %s", ui_msg(d->verdict == VERDICT_REFUSE ? M_REFUSE_TITLE :
	    M_INCOMPLETE_TITLE), ui_msg_vocab(&case_business_vocab[c->business]), c->applicant.name, masked);
	scr_result_para(v, &y, &line, r->top, 0, UA_BOLD, buf);
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *rr = &d->results[i];
		const struct rule_def    *def = &rules_catalogue[rr->rule];
		enum msg_id tag;

		if (rr->outcome == OUT_FAIL)
			tag = M_RULE_FAIL;
		else if (rr->outcome == OUT_MISSING)
			tag = M_RULE_MISSING;
		else if (rr->outcome == OUT_WARN)
			tag = M_RULE_WARN;
		else
			continue;
		rules_message(rr, ui_msg_lang(), msg, sizeof msg);
		snprintf(buf, sizeof buf, "[%s] %s %s", ui_msg(tag), def->code,
		    ui_msg_lang() == LANG_EN ? def->title_en : def->title_zh);
		scr_result_para(v, &y, &line, r->top, 0, rr->outcome == OUT_FAIL ? UA_ERROR : UA_WARN, buf);
		scr_result_para(v, &y, &line, r->top, 4, UA_NORMAL, msg);
		snprintf(buf, sizeof buf, "%s%s", ui_msg(M_CITATION), def->citation);
		scr_result_para(v, &y, &line, r->top, 4, UA_DIM, buf);
	}
	snprintf(buf, sizeof buf, "%s", ui_msg(M_NEXT_STEP));
	if (d->eligible_from != JZZ_DATE_NONE) {
		size_t o = strlen(buf);

		snprintf(buf + o, sizeof buf - o, ui_msg(M_NEXT_ELIGIBLE), ui_names_date(d->eligible_from));
	} else if (d->window_opens != JZZ_DATE_NONE) {
		size_t o = strlen(buf);

		snprintf(buf + o, sizeof buf - o, ui_msg(M_NEXT_WINDOW), ui_names_date(d->window_opens));
	} else if (d->verdict == VERDICT_INCOMPLETE) {
		size_t o = strlen(buf);

		o += (size_t)snprintf(buf + o, sizeof buf - o, "%s", ui_msg(M_NEXT_BRING));
		for (int k = 0; k < DOC__COUNT && o < sizeof buf; k++)
			if (d->missing_documents & DOCBIT(k))
				o += (size_t)snprintf(buf + o, sizeof buf - o, " %s",
				    ui_msg_vocab(&case_doc_vocab[k]));
	} else {
		size_t o = strlen(buf);

		rules_refusal_next(d, ui_msg_lang(), buf + o, sizeof buf - o);
	}
	scr_result_para(v, &y, &line, r->top, 0, UA_BOLD, buf);
	snprintf(buf, sizeof buf, ui_msg(M_RECORDED_AS), r->o.res.application_id);
	scr_result_para(v, &y, &line, r->top, 0, UA_DIM, buf);
	ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_RESULT_HINT));
}

/* F5: the one-time notice (一次性告知书), built by the service from the
 * recorded application, saved and printed. */
static void
scr_result_notice(struct ui *ui, struct result *r)
{
	struct paper p;
	char         note[1400];

	memset(&p, 0, sizeof p);
	if (ui_paper_of(ui, &r->o, &p) != 0) {
		ui_status(ui, UA_ERROR, ui_msg(M_RC_SAVE_FAIL), service_errmsg(ui->svc));
	} else {
		ui_paper_output(ui, &p, false, M_NT_SAVED, note, sizeof note);
		ui_status(ui, UA_OK, "%s", note);
	}
	paper_free(&p);
}

static int
scr_result_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct result *r = sc->data;

	if (k->type == UK_ESC)
		return UI_CLOSE;   /* back to the form, everything kept */
	if (UK_IS_FN(k, 5)) {
		scr_result_notice(ui, r);
		return UI_HANDLED;
	}
	return ui_names_outcome_key(ui, k, r->o.c.business, &r->top);
}

const struct screen_mode scr_result_mode = {
	.name = "result",
	.title = M_REFUSE_TITLE,
	.help = M_HELP_RESULT,
	.size = sizeof(struct result),
	.init = scr_result_init,
	.draw = scr_result_draw,
	.key = scr_result_key,
	.fkeys = { { 2, M_FK_NEXT_BIZ }, { 5, M_FK_NOTICE }, { 10, M_FK_DONE } },
	.title_fn = scr_result_title,
};
