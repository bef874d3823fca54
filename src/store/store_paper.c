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

#define PAPER_COLS "id, coalesce(receipt_no, ''), day, centre, user_name, business, channel," \
	" id_number, name, coalesce(person_id, ''), decision, fee_yuan, cod_fee_yuan, ready_on," \
	" new_valid_until"
static const char sql_paper_by_receipt[] =
	"SELECT " PAPER_COLS " FROM applications WHERE receipt_no = ?1";
static const char sql_paper_by_id[] = "SELECT " PAPER_COLS " FROM applications WHERE id = ?1";
static const char sql_paper_rules[] =
	"SELECT rule, outcome, detail, who, docs, date, num FROM application_rules"
	" WHERE application_id = ?1 ORDER BY pos";

#define STORE_ROW struct store_paper_app
static const struct store_col store_paper_cols[] = {
	STORE_UUID(id), STORE_TEXT(receipt_no), STORE_DATE(day), STORE_TEXT(centre),
	STORE_TEXT(user), STORE_CODE(business, case_business_vocab, 0),
	STORE_CODE(channel, case_channel_vocab, 0), STORE_TEXT(id_number), STORE_TEXT(name),
	STORE_UUID(person_id), STORE_CODE(decision.verdict, rules_verdict_vocab, VERDICT_REFUSE),
	STORE_INT(decision.fee_yuan), STORE_INT(decision.cod_fee_yuan),
	STORE_DATE(decision.ready_on), STORE_DATE(decision.new_valid_until),
};
static const struct store_record store_paper_record = STORE_RECORD(store_paper_cols);

/* What the business recorded beside the application, each part one row
 * (or none) of its table read into the paper; a part's first column is a
 * constant 1, its has_ flag, where the paper says whether it is there. */
static const struct store_col store_paper_card_cols[] = {
	STORE_BOOL(has_card), STORE_CODE(delivery, case_delivery_vocab, 0),
	STORE_DATE(transferred_on), STORE_DATE(reviewed_on),
};
static const struct store_col store_paper_fee_cols[] = { STORE_TEXT(fee_receipt_no) };
static const struct store_col store_paper_change_cols[] = {
	STORE_BOOL(has_change), STORE_CODE(change_field, case_change_field_vocab, 0),
	STORE_DATE(changed_on), STORE_TEXT(change_old), STORE_TEXT(change_new),
};
static const struct store_col store_paper_reg_cols[] = { STORE_DATE(reg_valid_until) };
static const struct store_col store_paper_endo_cols[] = { STORE_BOOL(residence_years_reset) };
#undef STORE_ROW
static const struct {
	const char             *sql;
	const struct store_col *cols;
	int                     ncols;
} store_paper_parts[] = {
	{ "SELECT 1, delivery, transferred_on, reviewed_on FROM cards WHERE application_id = ?1",
	  store_paper_card_cols, STORE_NCOLS(store_paper_card_cols) },
	{ "SELECT coalesce(fee_receipt_no, '') FROM fees WHERE application_id = ?1"
	  " AND kind = 'card_fee' ORDER BY id LIMIT 1",
	  store_paper_fee_cols, STORE_NCOLS(store_paper_fee_cols) },
	{ "SELECT 1, field, changed_on, coalesce(old_value, ''), coalesce(new_value, '')"
	  " FROM changes WHERE application_id = ?1 LIMIT 1",
	  store_paper_change_cols, STORE_NCOLS(store_paper_change_cols) },
	{ "SELECT valid_until FROM registrations WHERE application_id = ?1",
	  store_paper_reg_cols, STORE_NCOLS(store_paper_reg_cols) },
	{ "SELECT residence_years_reset FROM endorsements WHERE application_id = ?1 LIMIT 1",
	  store_paper_endo_cols, STORE_NCOLS(store_paper_endo_cols) },
};

static enum store_rc
store_paper_rules(struct store *st, struct store_paper_app *out)
{
	struct store_stmt   *s = store_stmt(st, sql_paper_rules);
	struct jzz_decision *d = &out->decision;
	int                  rc;

	if (s == NULL)
		return STORE_ERR;
	stmt_bind_uuid(s, 1, out->id);
	while ((rc = stmt_step(s)) == STMT_ROW) {
		struct rule_result *r;
		const char         *code = stmt_col_text(s, 0);
		int                 id = code != NULL ? rules_from_code(code) : -1;

		if (id < 0 || d->nresults >= R__COUNT)
			continue;   /* a rule this program no longer knows: not rendered */
		r = &d->results[d->nresults++];
		memset(r, 0, sizeof *r);
		r->rule = (uint8_t)id;
		r->outcome = (uint8_t)STORE_CODE_COL(s, 1, rules_outcome_vocab, OUT_NA);
		store_cols_read(s, 2, store_rule_cols, STORE_RULE_NCOLS, r);
	}
	stmt_reset(s);
	return rc == STMT_DONE ? STORE_OK : store_fail(st, rc);
}

enum store_rc
store_paper_app_get(struct store *st, const char *key, bool by_receipt,
                    struct store_paper_app *out)
{
	enum store_rc rc;

	memset(out, 0, sizeof *out);
	out->day = JZZ_DATE_NONE;
	rc = by_receipt ?
	    store_one_by(st, sql_paper_by_receipt, STORE_ARGS(STORE_T(key)), &store_paper_record, out) :
	    store_one_by(st, sql_paper_by_id, STORE_ARGS(STORE_U(key)), &store_paper_record, out);
	/* the dates of the parts not read (yet) are NONE, not day 0 */
	out->transferred_on = out->reviewed_on = out->changed_on = JZZ_DATE_NONE;
	out->reg_valid_until = JZZ_DATE_NONE;
	if (rc != STORE_OK)
		return rc;
	if ((rc = store_paper_rules(st, out)) != STORE_OK)
		return rc;
	for (size_t k = 0; k < sizeof store_paper_parts / sizeof store_paper_parts[0]; k++) {
		struct store_stmt *s = store_stmt_args(st, store_paper_parts[k].sql,
		    STORE_ARGS(STORE_U(out->id)));

		if ((rc = store_row(st, s)) == STORE_OK) {
			store_cols_read(s, 0, store_paper_parts[k].cols, store_paper_parts[k].ncols, out);
			stmt_reset(s);
		} else if (rc != STORE_NOTFOUND) {
			return rc;
		}
	}
	return STORE_OK;
}
