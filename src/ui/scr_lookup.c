/*
 * scr_lookup.c: finding a person: by ID number, by name, or by the receipt
 * number of one of their applications, in one field; then the person's card.
 *
 * Why a screen of its own: the home screen's digits start businesses, so a
 * number cannot be typed there; here every key is the field's. A name may
 * have namesakes: they are listed with their birth dates, masked ID numbers
 * and current addresses, and the clerk picks one (↑↓, Enter). The field is
 * emptied whenever a person is opened, so that coming back (or the next
 * applicant) starts from an empty field.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

struct lookup {
	struct ui_field            f;
	char                       error[192];
	struct service_person_hits hits;
	struct ui_list             list;      /* the namesake chosen */
	bool                       listing;   /* hits shown for what the field holds */
};

static int
scr_lookup_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct lookup *l = sc->data;

	(void)ui;
	(void)arg;
	ui_field_init(&l->f, UF_TEXT, 40);
	return 0;
}

static void
scr_lookup_free(void *data)
{
	struct lookup *l = data;

	service_person_hits_free(&l->hits);
}

static void
scr_lookup_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct lookup *l = sc->data;
	int            y = 6;

	(void)ui;
	ui_view_text(v, 2, 2, 24, UA_BOLD, ui_msg(M_LOOKUP_FIND));
	ui_view_text(v, 3, 2, 0, UA_DIM, ui_msg(M_LOOKUP_WHAT));
	if (l->error[0] != '\0')
		ui_view_printf(v, 4, 2, 0, UA_ERROR, "✗ %s", l->error);
	if (l->listing) {
		char head[128];

		snprintf(head, sizeof head, ui_msg(M_LOOKUP_HITS), l->hits.n);
		ui_view_hline(v, 5, head);
		for (size_t i = 0; i < l->hits.n && y < v->rows; i++, y++) {
			const struct service_person_hit *h = &l->hits.items[i];
			bool         chosen = (int)i == l->list.sel;
			enum ui_attr a = chosen ? UA_FOCUS : UA_NORMAL;

			ui_list_mark(v, y, chosen, a);
			ui_view_text(v, y, 2, 11, a, h->name);
			ui_view_text(v, y, 14, 11, a, ui_names_date(h->birth));
			ui_view_text(v, y, 26, 19, a, h->id_masked);
			ui_view_text(v, y, 46, 0, a, h->address[0] ? h->address : "—");
		}
	}
	ui_field_draw(&l->f, v, 2, 26, 30, true, false);
}

/* Opens the person of an ID number (one on record, or with applications). */
static bool
scr_lookup_open(struct ui *ui, struct lookup *l, const char *number)
{
	struct service_person p;

	memset(&p, 0, sizeof p);
	if (service_person_get(ui->svc, &ui->actor, number, ui->today, &p) != SERVICE_OK ||
	    (!p.found && p.nhistory == 0)) {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOOKUP_NOT_FOUND));
		service_person_free(&p);
		return false;
	}
	service_person_free(&p);
	l->error[0] = '\0';
	ui_field_set(&l->f, "");
	l->listing = false;
	service_person_hits_free(&l->hits);
	ui_push(ui, &scr_person_mode, (void *)number);
	return true;
}

/* What the field holds: an ID number (18 characters that parse), a receipt
 * number (CENTRE-YYYYMMDD-NNNN), else a name. */
static void
scr_lookup_search(struct ui *ui, struct lookup *l)
{
	char                   text[256];
	struct idnum           id;
	struct service_app_ref ref;
	enum idnum_error       e;
	enum service_status    st;

	ui_field_get(&l->f, text, sizeof text);
	if (text[0] == '\0') {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_ERR_REQUIRED));
		return;
	}
	if (strchr(text, '-') != NULL && text[0] >= '0' && text[0] <= '9') {
		st = service_application_by_receipt(ui->svc, &ui->actor, text, &ref);
		if (st != SERVICE_OK) {
			snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOOKUP_NO_RECEIPT));
			return;
		}
		scr_lookup_open(ui, l, ref.id_number);
		return;
	}
	if ((text[0] >= '0' && text[0] <= '9') || (unsigned char)text[0] == 0xEF) {
		/* digits (half- or full-width): an ID number */
		e = idnum_parse(text, strlen(text), ui->today, &id);
		if (e != IDNUM_OK) {
			snprintf(l->error, sizeof l->error, "%s", ui_names_idnum_error(e));
			return;
		}
		scr_lookup_open(ui, l, id.number);
		return;
	}
	service_person_hits_free(&l->hits);
	if (service_person_search(ui->svc, &ui->actor, text, ui->today, &l->hits) != SERVICE_OK) {
		snprintf(l->error, sizeof l->error, "%s", service_errmsg(ui->svc));
		return;
	}
	if (l->hits.n == 0) {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOOKUP_NOT_FOUND));
		return;
	}
	l->error[0] = '\0';
	l->listing = true;
	l->list.sel = 0;
}

static int
scr_lookup_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct lookup *l = sc->data;

	if (l->listing && ui_list_key(&l->list, (int)l->hits.n, k))
		return UI_HANDLED;
	if (UK_IS(k, UI_KEY_ENTER) || UK_IS_FN(k, 10)) {
		if (l->listing && l->list.sel < (int)l->hits.n) {
			char number[SERVICE_IDNUM_LEN];

			snprintf(number, sizeof number, "%s", l->hits.items[l->list.sel].id_number);
			scr_lookup_open(ui, l, number);
		} else {
			scr_lookup_search(ui, l);
		}
		return UI_HANDLED;
	}
	if (ui_field_key(&l->f, k)) {
		l->error[0] = '\0';
		l->listing = false;   /* a new search for a new text */
		return UI_HANDLED;
	}
	return 0;
}

const struct screen_mode scr_lookup_mode = {
	.name = "lookup",
	.title = M_LOOKUP_TITLE,
	.help = M_HELP_LOOKUP,
	.size = sizeof(struct lookup),
	.init = scr_lookup_init,
	.draw = scr_lookup_draw,
	.key = scr_lookup_key,
	.free = scr_lookup_free,
	.fkeys = { { 10, M_FK_SEARCH } },
};
