/*
 * store_paper.c: one application read back whole for its papers (the
 * receipt reprinted, the one-time notice): the row, its rule outcomes, and
 * the card, fee, change, registration and endorsement it made.
 *
 * Why read back rather than keep the printed text: the paper is rendered
 * from the recorded facts in the reader's language, years later, exactly
 * as the decision was rendered on the day (rules_message over the stored
 * outcomes).
 */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

static const char sql_paper_by_receipt[] =
	"SELECT id, coalesce(receipt_no, ''), day, centre, user_name, business, channel, id_number,"
	" name, decision, fee_yuan, cod_fee_yuan, ready_on, new_valid_until, coalesce(person_id, '')"
	" FROM applications WHERE receipt_no = ?1";
static const char sql_paper_by_id[] =
	"SELECT id, coalesce(receipt_no, ''), day, centre, user_name, business, channel, id_number,"
	" name, decision, fee_yuan, cod_fee_yuan, ready_on, new_valid_until, coalesce(person_id, '')"
	" FROM applications WHERE id = ?1";
static const char sql_paper_rules[] =
	"SELECT rule, outcome, detail, who, docs, date, num FROM application_rules"
	" WHERE application_id = ?1 ORDER BY pos";
static const char sql_paper_card[] =
	"SELECT delivery, transferred_on, reviewed_on FROM cards WHERE application_id = ?1";
static const char sql_paper_fee[] =
	"SELECT coalesce(fee_receipt_no, '') FROM fees WHERE application_id = ?1"
	" AND kind = 'card_fee' ORDER BY id LIMIT 1";
static const char sql_paper_change[] =
	"SELECT field, changed_on, coalesce(old_value, ''), coalesce(new_value, '') FROM changes"
	" WHERE application_id = ?1 LIMIT 1";
static const char sql_paper_reg[] =
	"SELECT valid_until FROM registrations WHERE application_id = ?1";
static const char sql_paper_endo[] =
	"SELECT residence_years_reset FROM endorsements WHERE application_id = ?1 LIMIT 1";

static int
store_paper_code(const struct vocab *v, int n, struct store_stmt *s, int i)
{
	const char *t = stmt_col_text(s, i);
	int         k = t != NULL ? case_vocab_find(v, n, t, strlen(t)) : -1;

	return k < 0 ? 0 : k;
}
#define PAPER_CODE(table, s, i) \
	store_paper_code((table), (int)(sizeof(table) / sizeof((table)[0])), (s), (i))

/* Prepares sql bound to the application id and steps its one row. */
static enum store_rc
store_paper_one(struct store *st, const char *sql, const char *id, struct store_stmt **out)
{
	struct store_stmt *s = store_stmt(st, sql);

	*out = s;
	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, id);
	return store_row(st, s);
}

static enum store_rc
store_paper_rules(struct store *st, struct store_paper_app *out)
{
	struct store_stmt        *s = store_stmt(st, sql_paper_rules);
	struct jzz_decision *d = &out->decision;
	int                  rc;

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_text(s, 1, out->id);
	while ((rc = stmt_step(s)) == STMT_ROW) {
		struct rule_result *r;
		const char         *code = stmt_col_text(s, 0);
		const char         *oc = stmt_col_text(s, 1);
		int                 id = code != NULL ? rules_from_code(code) : -1;

		if (id < 0 || d->nresults >= R__COUNT)
			continue;   /* a rule this program no longer knows: not rendered */
		r = &d->results[d->nresults++];
		memset(r, 0, sizeof *r);
		r->rule = (uint8_t)id;
		r->outcome = OUT_NA;
		for (int o = 0; oc != NULL && o < OUT__COUNT; o++)
			if (strcmp(oc, rules_outcome_code((enum rule_outcome)o)) == 0)
				r->outcome = (uint8_t)o;
		r->detail = (uint8_t)stmt_col_int(s, 2);
		r->who = (uint8_t)stmt_col_int(s, 3);
		r->docs = (jzz_docset)stmt_col_int64(s, 4);
		r->date = store_col_date(s, 5);
		r->num = stmt_col_int(s, 6);
	}
	stmt_reset(s);
	return rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

enum store_rc
store_paper_app_get(struct store *st, const char *key, bool by_receipt,
                    struct store_paper_app *out)
{
	struct store_stmt *s;
	enum store_rc rc;
	const char   *dec;

	memset(out, 0, sizeof *out);
	out->day = out->transferred_on = out->reviewed_on = out->changed_on = JZZ_DATE_NONE;
	out->reg_valid_until = JZZ_DATE_NONE;
	if ((rc = store_paper_one(st, by_receipt ? sql_paper_by_receipt : sql_paper_by_id, key, &s))
	    != STORE_OK)
		return rc;
	store_col_text(s, 0, out->id, sizeof out->id);
	store_col_text(s, 1, out->receipt_no, sizeof out->receipt_no);
	out->day = store_col_date(s, 2);
	store_col_text(s, 3, out->centre, sizeof out->centre);
	store_col_text(s, 4, out->user, sizeof out->user);
	out->business = (enum jzz_business)PAPER_CODE(case_business_vocab, s, 5);
	out->channel = (enum jzz_channel)PAPER_CODE(case_channel_vocab, s, 6);
	store_col_text(s, 7, out->id_number, sizeof out->id_number);
	store_col_text(s, 8, out->name, sizeof out->name);
	store_col_text(s, 14, out->person_id, sizeof out->person_id);
	dec = stmt_col_text(s, 9);
	out->decision.verdict = dec != NULL && strcmp(dec, "accept") == 0 ? VERDICT_ACCEPT :
	    dec != NULL && strcmp(dec, "incomplete") == 0 ? VERDICT_INCOMPLETE : VERDICT_REFUSE;
	out->decision.fee_yuan = stmt_col_int(s, 10);
	out->decision.cod_fee_yuan = stmt_col_int(s, 11);
	out->decision.ready_on = store_col_date(s, 12);
	out->decision.new_valid_until = store_col_date(s, 13);
	stmt_reset(s);
	if ((rc = store_paper_rules(st, out)) != STORE_OK)
		return rc;

	if ((rc = store_paper_one(st, sql_paper_card, out->id, &s)) == STORE_OK) {
		out->has_card = true;
		out->delivery = (enum jzz_delivery)PAPER_CODE(case_delivery_vocab, s, 0);
		out->transferred_on = store_col_date(s, 1);
		out->reviewed_on = store_col_date(s, 2);
		stmt_reset(s);
	} else if (rc != STORE_NOTFOUND)
		return rc;
	if ((rc = store_paper_one(st, sql_paper_fee, out->id, &s)) == STORE_OK) {
		store_col_text(s, 0, out->fee_receipt_no, sizeof out->fee_receipt_no);
		stmt_reset(s);
	} else if (rc != STORE_NOTFOUND)
		return rc;
	if ((rc = store_paper_one(st, sql_paper_change, out->id, &s)) == STORE_OK) {
		out->has_change = true;
		out->change_field = (enum jzz_change_field)PAPER_CODE(case_change_field_vocab, s, 0);
		out->changed_on = store_col_date(s, 1);
		store_col_text(s, 2, out->change_old, sizeof out->change_old);
		store_col_text(s, 3, out->change_new, sizeof out->change_new);
		stmt_reset(s);
	} else if (rc != STORE_NOTFOUND)
		return rc;
	if ((rc = store_paper_one(st, sql_paper_reg, out->id, &s)) == STORE_OK) {
		out->reg_valid_until = store_col_date(s, 0);
		stmt_reset(s);
	} else if (rc != STORE_NOTFOUND)
		return rc;
	if ((rc = store_paper_one(st, sql_paper_endo, out->id, &s)) == STORE_OK) {
		out->residence_years_reset = stmt_col_int(s, 0) != 0;
		stmt_reset(s);
	} else if (rc != STORE_NOTFOUND)
		return rc;
	return STORE_OK;
}
