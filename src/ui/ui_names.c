/*
 * ui_names.c: names shared by several screens: the business keys of the
 * home and person screens and the keys of the screens that end a
 * business, the states of permits and cards, ID number errors, dates.
 *
 * Why here: the same key must start the same business wherever it is
 * pressed, and a state must read the same on every screen.
 */
#include "uipriv.h"

#include <stdio.h>
#include <string.h>

const struct ui_business_key ui_names_business_keys[] = {
	{ L'1', BIZ_REGISTRATION },
	{ L'2', BIZ_PERMIT_NEW },
	{ L'3', BIZ_PERMIT_NEW_FAST },
	{ L'4', BIZ_PERMIT_REPLACE },
	{ L'5', BIZ_PERMIT_REPLACE_FAST },
	{ L'6', BIZ_PERMIT_REAPPLY },
	{ L'7', BIZ_ENDORSEMENT },
	{ L'8', BIZ_CARD_UPDATE },
	{ L'9', BIZ_INFO_CHANGE },
	{ L'0', BIZ_PICKUP },
	{ L'c', BIZ_CANCELLATION },
};
const size_t ui_names_nbusiness_keys = sizeof ui_names_business_keys / sizeof ui_names_business_keys[0];

bool
ui_names_is_supervisor(const struct ui *ui)
{
	return ui->actor.role == SERVICE_ROLE_SUPERVISOR || ui->actor.role == SERVICE_ROLE_ADMIN;
}

bool
ui_names_business_from_key(struct ui *ui, const struct ui_key *k, const char *id_number)
{
	struct flow_start fs;

	if (k->type != UK_CHAR)
		return false;
	for (size_t i = 0; i < ui_names_nbusiness_keys; i++) {
		if ((wint_t)ui_names_business_keys[i].key != k->ch)
			continue;
		fs.business = ui_names_business_keys[i].business;
		if (fs.business == BIZ_CANCELLATION && !ui_names_is_supervisor(ui)) {
			ui_status(ui, UA_ERROR, ui_msg(M_FMT_LV), ui_msg_vocab(&case_business_vocab[fs.business]),
			    ui_msg(M_SUPERVISOR_ONLY));
			return true;
		}
		fs.id_number = id_number;
		ui_push(ui, &scr_flow_mode, &fs);
		return true;
	}
	return false;
}

bool
ui_names_next_business(struct ui *ui, const struct ui_key *k, enum jzz_business done)
{
	bool business_key = false;

	for (size_t i = 0; i < ui_names_nbusiness_keys && k->type == UK_CHAR; i++)
		business_key |= (wint_t)ui_names_business_keys[i].key == k->ch;
	if (!UK_IS_FN(k, 2) && !business_key)
		return false;
	ui_pop_home(ui);
	if (business_key)
		return ui_names_business_from_key(ui, k, NULL);
	for (size_t i = 0; i < ui_names_nbusiness_keys; i++)
		if (ui_names_business_keys[i].business == done) {
			struct ui_key again = { UK_CHAR, (wint_t)ui_names_business_keys[i].key, 0 };

			return ui_names_business_from_key(ui, &again, NULL);
		}
	return true;
}

int
ui_names_outcome_key(struct ui *ui, const struct ui_key *k, enum jzz_business done, int *top)
{
	if (UK_IS(k, UI_KEY_ENTER) || UK_IS_FN(k, 10)) {
		ui_pop_home(ui);
		return UI_HANDLED;
	}
	if (ui_names_next_business(ui, k, done))
		return UI_HANDLED;
	if (UK_IS_SP(k, KEY_DOWN))
		(*top)++;
	if (UK_IS_SP(k, KEY_UP) && *top > 0)
		(*top)--;
	return UI_HANDLED;
}

const char *
ui_names_idnum_error(enum idnum_error e)
{
	return ui_msg_lang() == LANG_EN ? idnum_error_en(e) : idnum_error_zh(e);
}

const char *
ui_names_permit_state(enum service_permit_state st)
{
	static const enum msg_id m[SERVICE_PERMIT__COUNT] = {
		[SERVICE_PERMIT_NONE] = M_ST_NONE,
		[SERVICE_PERMIT_PROCESSING] = M_ST_PROCESSING,
		[SERVICE_PERMIT_VALID] = M_ST_VALID,
		[SERVICE_PERMIT_SUSPENDED] = M_ST_SUSPENDED,
		[SERVICE_PERMIT_CANCELLED] = M_ST_CANCELLED,
	};

	return (unsigned)st < SERVICE_PERMIT__COUNT ? ui_msg(m[st]) : "?";
}

const char *
ui_names_card_state(enum service_card_state st)
{
	static const enum msg_id m[SERVICE_CARD__COUNT] = {
		[SERVICE_CARD_NONE] = M_CARD_NONE,
		[SERVICE_CARD_ACCEPTED] = M_CARD_ACCEPTED,
		[SERVICE_CARD_TRANSFERRED] = M_CARD_TRANSFERRED,
		[SERVICE_CARD_REVIEWED] = M_CARD_REVIEWED,
		[SERVICE_CARD_MADE] = M_CARD_MADE,
		[SERVICE_CARD_RECEIVED] = M_CARD_RECEIVED,
		[SERVICE_CARD_PICKED_UP] = M_CARD_PICKED_UP,
		[SERVICE_CARD_POSTED] = M_CARD_POSTED,
		[SERVICE_CARD_VOID] = M_CARD_VOID,
	};

	return (unsigned)st < SERVICE_CARD__COUNT ? ui_msg(m[st]) : "?";
}

const char *
ui_names_reason(const char *code)
{
	int i = code != NULL ? case_vocab_find(case_reason_vocab, REASON__COUNT, code, strlen(code)) :
	    -1;

	return i >= 0 ? ui_msg_vocab(&case_reason_vocab[i]) : code != NULL ? code : "";
}

/* Two slots: a line may name two centres. */
const char *
ui_names_centre(struct ui *ui, const char *code)
{
	static char buf[2][2 * SERVICE_TEXT_LEN];
	static int  slot;
	const char *name = service_centre_name(ui->svc, code);

	slot ^= 1;
	if (strcmp(name, code) == 0)
		snprintf(buf[slot], sizeof buf[slot], "%s", code);
	else
		snprintf(buf[slot], sizeof buf[slot], "%s %s", name, code);
	return buf[slot];
}

const char *
ui_names_role(int role)
{
	static const enum msg_id m[SERVICE_ROLE__COUNT] = {
		[SERVICE_ROLE_CLERK] = M_ROLE_CLERK,
		[SERVICE_ROLE_SUPERVISOR] = M_ROLE_SUPERVISOR,
		[SERVICE_ROLE_TRAINER] = M_ROLE_TRAINER,
		[SERVICE_ROLE_ADMIN] = M_ROLE_ADMIN,
	};

	return (unsigned)role < SERVICE_ROLE__COUNT ? ui_msg(m[role]) : "?";
}

const char *
ui_names_verdict(enum verdict v)
{
	switch (v) {
	case VERDICT_ACCEPT:     return ui_msg(M_V_ACCEPT);
	case VERDICT_INCOMPLETE: return ui_msg(M_V_INCOMPLETE);
	case VERDICT_REFUSE:     return ui_msg(M_V_REFUSE);
	default:                 return "?";
	}
}

const char *
ui_names_date(jzz_date d)
{
	static char ring[8][JZZ_DATE_STRLEN];
	static int  next;
	char       *b = ring[next++ % 8];

	if (d == JZZ_DATE_NONE) {
		b[0] = '-';
		b[1] = '\0';
		return b;
	}
	date_format(d, b);
	return b;
}
