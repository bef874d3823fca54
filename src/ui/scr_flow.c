/*
 * scr_flow.c: the guided flow of one business, from the applicant to the
 * review and the confirm key.
 *
 * Why one screen with pages: the pages (applicant and agent, details,
 * housing, documents, review) share one case, one live decision of the rules
 * and one set of field errors; as pages of one screen they can never drift
 * apart, and a resize or a trip to the help keeps everything typed. A page
 * whose questions do not apply to this business (or to these answers) is
 * skipped. The documents checklist is not a fixed list: it is what the rules
 * ask of this very case (evaluated with no documents), with the accepted
 * alternatives beside them, so ticking is all the clerk does.
 *
 * Validation happens when the clerk moves on (leaves a field, turns the
 * page): each field gets one precise message beside it and the top line
 * sums them up; nothing typed is ever cleared by it. The rules panel shows
 * the decision the rules would make now, and every failing, missing or
 * warning rule by id with its message.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

#include <wchar.h>

enum flow_item_id {
	FI_IDNUM, FI_NAME, FI_PHONE, FI_HUKOU, FI_LIVES, FI_MOBILITY, FI_DISABLED,
	FI_ADDR_CHANGED, FI_AGENT, FI_AGENT_ID, FI_AGENT_REL, FI_AGENT_NAME,
	FI_DELIVERY, FI_IN_SH, FI_POST_ADDR, FI_FAST, FI_FAST_TEXT, FI_PERSONAL, FI_FEE_NO,
	FI_CHANGE, FI_CHANGE_ON, FI_NEW_VALUE, FI_CANCEL_REASON, FI_CANCEL_NOTE,
	FI_TENURE, FI_USE, FI_HREL, FI_MANAGED, FI_LEASED_TO,
	FI_ADDR_STREET, FI_ADDR_ROAD, FI_ADDR_LANE, FI_ADDR_NUMBER, FI_ADDR_ROOM,
	FI_DOC0,
	FI__COUNT = FI_DOC0 + DOC__COUNT
};

enum flow_page { PG_APPLICANT, PG_DETAILS, PG_HOUSING, PG_DOCS, PG_REVIEW, PG__COUNT };

enum flow_kind { IK_TEXT, IK_CHOICE, IK_CHECK };

/* A choice: an optional first entry (unset, or "none"), a vocabulary table,
 * an optional last entry (other). Yes/no is first = no, last = yes. */
struct flow_choice {
	const struct vocab *v;
	int                 nv;
	enum msg_id         first;
	enum msg_id         last;
	bool                first_unset;   /* the first entry means "not chosen yet" */
	const enum msg_id  *msgs;          /* entries from the catalogue when v is NULL */
};

static const enum msg_id flow_cancel_msgs[SERVICE_CANCEL__COUNT] = {
	[SERVICE_CANCEL_NOT_RESIDENT] = M_CANCEL_NOT_RESIDENT,
	[SERVICE_CANCEL_FALSE_MATERIALS] = M_CANCEL_FALSE_MATERIALS,
};

struct flow_def {
	enum msg_id        label;
	enum flow_kind     kind;
	enum flow_page     page;
	enum ui_field_kind fkind;
	size_t             maxchars;
	struct flow_choice ch;
	int                dflt;
};

#define YESNO { NULL, 0, M_NO, M_YES, false }

/* The streets and towns of the database's district, picked by number: read
 * from the service when a flow opens (the centres table), the same for
 * every flow of the terminal. */
#define FLOW_STREETS_MAX 35
static struct vocab          flow_streets[FLOW_STREETS_MAX];
static struct service_street flow_street_rows[FLOW_STREETS_MAX];
static int                   flow_nstreets;
#define FLOW_ROADS_SHOWN 5
#define FLOW_NAME_KEEP (CASE_NAME_CHARS * 2)
#define NV(t) (int)(sizeof(t) / sizeof((t)[0]))

static const struct flow_def flow_defs[FI_DOC0] = {
	[FI_IDNUM]        = { M_F_IDNUM, IK_TEXT, PG_APPLICANT, UF_IDNUM, 18, { 0 }, 0 },
	/* names take more than the contract allows, so that a longer one is
	 * refused whole with a message rather than cut (FLOW_NAME_KEEP) */
	[FI_NAME]         = { M_F_NAME, IK_TEXT, PG_APPLICANT, UF_TEXT, FLOW_NAME_KEEP, { 0 }, 0 },
	[FI_PHONE]        = { M_F_PHONE, IK_TEXT, PG_APPLICANT, UF_DIGITS, 11, { 0 }, 0 },
	[FI_HUKOU]        = { M_F_HUKOU, IK_CHOICE, PG_APPLICANT, 0, 0, YESNO, 0 },
	[FI_LIVES]        = { M_F_LIVES, IK_CHOICE, PG_APPLICANT, 0, 0, YESNO, 1 },
	[FI_MOBILITY]     = { M_F_MOBILITY, IK_CHOICE, PG_APPLICANT, 0, 0, YESNO, 0 },
	[FI_DISABLED]     = { M_F_DISABLED, IK_CHOICE, PG_APPLICANT, 0, 0, YESNO, 0 },
	[FI_ADDR_CHANGED] = { M_F_ADDR_CHANGED, IK_CHOICE, PG_APPLICANT, 0, 0, YESNO, 0 },
	[FI_AGENT]        = { M_F_AGENT, IK_CHOICE, PG_APPLICANT, 0, 0,
	                      { case_agent_kind_vocab, AGENT__COUNT, M_AGENT_NONE, M_NONE, false }, 0 },
	[FI_AGENT_ID]     = { M_F_AGENT_ID, IK_TEXT, PG_APPLICANT, UF_IDNUM, 18, { 0 }, 0 },
	[FI_AGENT_REL]    = { M_F_AGENT_REL, IK_CHOICE, PG_APPLICANT, 0, 0,
	                      { case_relation_vocab, REL__NEAR_COUNT, M_UNSET, M_REL_OTHER, true }, 0 },
	[FI_AGENT_NAME]   = { M_F_AGENT_NAME, IK_TEXT, PG_APPLICANT, UF_TEXT, FLOW_NAME_KEEP, { 0 }, 0 },
	[FI_DELIVERY]     = { M_F_DELIVERY, IK_CHOICE, PG_DETAILS, 0, 0,
	                      { case_delivery_vocab, DELIVERY__COUNT, M_NONE, M_NONE, false }, 0 },
	[FI_IN_SH]        = { M_F_IN_SH, IK_CHOICE, PG_DETAILS, 0, 0, YESNO, 1 },
	[FI_POST_ADDR]    = { M_F_POST_ADDR, IK_TEXT, PG_DETAILS, UF_TEXT, 100, { 0 }, 0 },
	[FI_FAST]         = { M_F_FAST, IK_CHOICE, PG_DETAILS, 0, 0,
	                      { case_fast_reason_vocab, FAST__COUNT, M_UNSET, M_NONE, true }, 0 },
	[FI_FAST_TEXT]    = { M_F_FAST_TEXT, IK_TEXT, PG_DETAILS, UF_TEXT, 100, { 0 }, 0 },
	[FI_PERSONAL]     = { M_F_PERSONAL, IK_CHOICE, PG_DETAILS, 0, 0, YESNO, 1 },
	[FI_FEE_NO]       = { M_F_FEE_NO, IK_TEXT, PG_DETAILS, UF_TEXT, 30, { 0 }, 0 },
	[FI_CHANGE]       = { M_F_CHANGE, IK_CHOICE, PG_DETAILS, 0, 0,
	                      { case_change_field_vocab, CHANGE__COUNT, M_UNSET, M_NONE, true }, 0 },
	[FI_CHANGE_ON]    = { M_F_CHANGE_ON, IK_TEXT, PG_DETAILS, UF_DATE, 10, { 0 }, 0 },
	[FI_NEW_VALUE]    = { M_F_NEW_VALUE, IK_TEXT, PG_DETAILS, UF_TEXT, 100, { 0 }, 0 },
	[FI_CANCEL_REASON] = { M_F_CANCEL_REASON, IK_CHOICE, PG_DETAILS, 0, 0,
	                      { NULL, SERVICE_CANCEL__COUNT, M_UNSET, M_NONE, true, flow_cancel_msgs }, 0 },
	[FI_CANCEL_NOTE]  = { M_F_CANCEL_NOTE, IK_TEXT, PG_DETAILS, UF_TEXT, 100, { 0 }, 0 },
	[FI_TENURE]       = { M_F_TENURE, IK_CHOICE, PG_HOUSING, 0, 0,
	                      { case_tenure_vocab, TENURE__COUNT, M_UNSET, M_NONE, true }, 0 },
	[FI_USE]          = { M_F_USE, IK_CHOICE, PG_HOUSING, 0, 0,
	                      { case_use_vocab, USE__COUNT, M_NONE, M_NONE, false }, 0 },
	[FI_HREL]         = { M_F_HREL, IK_CHOICE, PG_HOUSING, 0, 0,
	                      { case_relation_vocab, REL__NEAR_COUNT, M_UNSET, M_REL_OTHER, true }, 0 },
	[FI_MANAGED]      = { M_F_MANAGED, IK_CHOICE, PG_HOUSING, 0, 0, YESNO, 0 },
	[FI_LEASED_TO]    = { M_F_LEASED_TO, IK_CHOICE, PG_HOUSING, 0, 0,
	                      { case_leased_to_vocab, LEASED__COUNT, M_NONE, M_NONE, false }, 0 },
	[FI_ADDR_STREET]  = { M_F_ADDR_STREET, IK_CHOICE, PG_HOUSING, 0, 0,
	                      { flow_streets, FLOW_STREETS_MAX, M_UNSET, M_NONE, true }, 0 },
	[FI_ADDR_ROAD]    = { M_F_ADDR_ROAD, IK_TEXT, PG_HOUSING, UF_TEXT, ADDRESS_ROAD_CHARS, { 0 }, 0 },
	[FI_ADDR_LANE]    = { M_F_ADDR_LANE, IK_TEXT, PG_HOUSING, UF_TEXT, 20, { 0 }, 0 },
	[FI_ADDR_NUMBER]  = { M_F_ADDR_NUMBER, IK_TEXT, PG_HOUSING, UF_TEXT, 20, { 0 }, 0 },
	[FI_ADDR_ROOM]    = { M_F_ADDR_ROOM, IK_TEXT, PG_HOUSING, UF_TEXT, 20, { 0 }, 0 },
};

struct flow_item {
	struct ui_field field;
	int             choice;     /* choice index, or 0/1 for a check */
	char            error[192];
	bool            readonly;
};

struct flow {
	enum jzz_business biz;
	struct flow_item  it[FI__COUNT];
	int               page;
	int               focus;         /* item id */
	int               top;           /* first item row shown (scrolling) */
	int               review_top;
	bool              changed;       /* something was typed or chosen */
	bool              stale;         /* an answer changed since the rules last ran */
	jzz_date          built_today;   /* the day and the records they ran on */
	unsigned          built_gen;
	bool              known;         /* the ID number is on record */
	char              looked_up[SERVICE_IDNUM_LEN];
	struct service_person person;
	bool              have_person;
	int               nerrors;
	struct jzz_case   c;
	struct jzz_decision d;
	jzz_docset        needed, alts;  /* the checklist: what the rules ask, and alternatives */
	char              pending[256];  /* required answers not given yet */
	char              title[128];
	bool              submitting;    /* F10 at the review: the address is required to accept */
	char              road_prefix[ADDRESS_ROAD_MAX];   /* the completion below is for this */
	struct service_road_list roads;
	int               arrived;       /* the choice the focus arrived on, and its answer then */
	int               arrived_choice;
	bool              refusing;      /* a key no option of it: the rest is not for it */
	char              fee_checked[CASE_TEXT_MAX];   /* the fee receipt number last looked up */
	bool              fee_used;
	bool              agent_known;   /* the agent came from the records */
	int               advanced_to;   /* a full ID number moved the focus here, -1 when not */
	/* The name of this filled form's submit (case-format.md request_id):
	 * kept for every F10 of the same case, new when an answer changed,
	 * so that F10 after "outcome unknown" finds the first one recorded. */
	char              request_id[CASE_REQUEST_MAX];
	struct jzz_case   sent;          /* the case last sent under it */
};

/* ---- choices ---- */

/* Entries of a choice's table (the streets: as many as the district has). */
static int
scr_flow_nv(const struct flow_choice *ch)
{
	return ch->v == flow_streets ? flow_nstreets : ch->nv;
}

static int
scr_flow_nopts(const struct flow_choice *ch)
{
	return (ch->first != M_NONE) + scr_flow_nv(ch) + (ch->last != M_NONE);
}

static const char *
scr_flow_opt_label(const struct flow_choice *ch, int i)
{
	if (ch->first != M_NONE) {
		if (i == 0)
			return ui_msg(ch->first);
		i--;
	}
	if (i < scr_flow_nv(ch))
		return ch->v != NULL ? ui_msg_vocab(&ch->v[i]) : ui_msg(ch->msgs[i]);
	return ui_msg(ch->last);
}

/* The key that picks option i: 1-9 then a-z, counting from the first real
 * option (an "unset" entry has no key). 0 when none. */
static wchar_t
scr_flow_opt_key(const struct flow_choice *ch, int i)
{
	int n = ch->first_unset ? i : i + 1;

	if (n <= 0)
		return 0;
	if (n <= 9)
		return (wchar_t)('0' + n);
	if (n - 10 < 26)
		return (wchar_t)('a' + n - 10);
	return 0;
}

/* ---- the case from the answers ---- */

/* An answer was typed or chosen: there is something to lose, and the rules
 * are to run again before the next draw. */
static void
scr_flow_answered(struct flow *fl)
{
	fl->changed = true;
	fl->stale = true;
}

static void
scr_flow_text(const struct flow *fl, int id, char *buf, size_t size)
{
	ui_field_get(&fl->it[id].field, buf, size);
}

/* The form's answers asked the core's question (rules_house_applies_to). */
static bool
scr_flow_house_applies(const struct flow *fl)
{
	return rules_house_applies_to(fl->biz, fl->it[FI_CHANGE].choice == 1 + CHANGE_ADDRESS,
	    fl->it[FI_ADDR_CHANGED].choice == 1);
}

static enum jzz_tenure
scr_flow_tenure(const struct flow *fl)
{
	return (enum jzz_tenure)(fl->it[FI_TENURE].choice - 1);
}

static bool
scr_flow_relative_tenure(const struct flow *fl)
{
	return fl->it[FI_TENURE].choice > 0 && rules_house_asks_relation(scr_flow_tenure(fl));
}

/* Whether a question is asked, given the business and the answers so far.
 * Which answers a business needs is the rules core's to say (rules_asks_*,
 * rules_house_*): here only how they hang together on the form. */
static bool
scr_flow_visible(const struct flow *fl, int id)
{
	enum jzz_business b = fl->biz;
	bool              tenure = fl->it[FI_TENURE].choice > 0;

	if (id >= FI_DOC0) {
		jzz_docset bit = DOCBIT(id - FI_DOC0);

		return (fl->needed & bit) || (fl->alts & bit) || fl->it[id].choice;
	}
	switch (id) {
	case FI_ADDR_CHANGED:
		return rules_asks_address_changed(b);
	case FI_AGENT:
		return rules_asks_agent(b);
	case FI_AGENT_ID:
	case FI_AGENT_NAME:
		return rules_asks_agent(b) && fl->it[FI_AGENT].choice != 0;
	case FI_AGENT_REL:
		return rules_asks_agent(b) && fl->it[FI_AGENT].choice == 1 + AGENT_RELATIVE;
	case FI_DELIVERY:
		return rules_asks_delivery(b, CH_COUNTER);
	case FI_IN_SH:
	case FI_POST_ADDR:
		return rules_asks_delivery(b, CH_COUNTER) && fl->it[FI_DELIVERY].choice == DELIVERY_POST;
	case FI_FAST:
		return rules_asks_fast_track(b, CH_COUNTER);
	case FI_FAST_TEXT:
		return rules_asks_fast_track(b, CH_COUNTER) && fl->it[FI_FAST].choice == 1 + FAST_OTHER;
	case FI_PERSONAL:
		return rules_asks_personal_reason(b);
	case FI_FEE_NO:   /* the unified fee receipt of PERMIT-6's fee */
		return rules_asks_personal_reason(b) && fl->it[FI_PERSONAL].choice == 1;
	case FI_CHANGE: case FI_CHANGE_ON:
		return rules_asks_change(b);
	case FI_NEW_VALUE:   /* a new address is given by its parts, on the housing page */
		return rules_asks_change(b) && fl->it[FI_CHANGE].choice != 1 + CHANGE_ADDRESS;
	case FI_CANCEL_REASON: case FI_CANCEL_NOTE:
		return b == BIZ_CANCELLATION;
	case FI_ADDR_STREET: case FI_ADDR_ROAD: case FI_ADDR_LANE: case FI_ADDR_NUMBER:
	case FI_ADDR_ROOM:
	case FI_TENURE: case FI_USE:
		return scr_flow_house_applies(fl);
	case FI_HREL:
		return scr_flow_house_applies(fl) && scr_flow_relative_tenure(fl);
	case FI_MANAGED:
		return scr_flow_house_applies(fl) && tenure &&
		    rules_house_asks_managed(scr_flow_tenure(fl));
	case FI_LEASED_TO:
		return scr_flow_house_applies(fl) && tenure &&
		    rules_house_asks_leased_to(scr_flow_tenure(fl));
	default:
		return true;
	}
}

static enum flow_page
scr_flow_item_page(int id)
{
	return id >= FI_DOC0 ? PG_DOCS : flow_defs[id].page;
}

static const char *
scr_flow_item_label(int id)
{
	return id >= FI_DOC0 ? ui_msg_vocab(&case_doc_vocab[id - FI_DOC0]) : ui_msg(flow_defs[id].label);
}

static enum jzz_relation
scr_flow_relation(int choice)
{
	if (choice <= 0)
		return REL_NONE;
	if (choice - 1 < REL__NEAR_COUNT)
		return (enum jzz_relation)(choice - 1);
	return REL_OTHER;
}

/* Copies and cuts at size (the case's buffers are the contract's sizes). */
static void
scr_flow_copy(char *dst, size_t size, const char *src)
{
	size_t n = strnlen(src, size - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* True when any part of the address was given (a street chosen or a part
 * typed): then the whole of it is checked. */
static bool
scr_flow_address_started(const struct flow *fl)
{
	return fl->it[FI_ADDR_STREET].choice > 0 || !ui_field_empty(&fl->it[FI_ADDR_ROAD].field) ||
	    !ui_field_empty(&fl->it[FI_ADDR_LANE].field) ||
	    !ui_field_empty(&fl->it[FI_ADDR_NUMBER].field) ||
	    !ui_field_empty(&fl->it[FI_ADDR_ROOM].field);
}

/* The address typed, when complete enough to be one (street, road,
 * number); the district is the street's first six digits. */
static bool
scr_flow_address(const struct flow *fl, struct jzz_address *ad)
{
	int st = fl->it[FI_ADDR_STREET].choice - 1;

	memset(ad, 0, sizeof *ad);
	if (st < 0 || st >= flow_nstreets)
		return false;
	snprintf(ad->street, sizeof ad->street, "%s", flow_street_rows[st].code);
	snprintf(ad->district, sizeof ad->district, "%.6s", flow_street_rows[st].code);
	scr_flow_text(fl, FI_ADDR_ROAD, ad->road, sizeof ad->road);
	scr_flow_text(fl, FI_ADDR_LANE, ad->lane, sizeof ad->lane);
	scr_flow_text(fl, FI_ADDR_NUMBER, ad->number, sizeof ad->number);
	scr_flow_text(fl, FI_ADDR_ROOM, ad->room, sizeof ad->room);
	return ad->road[0] != '\0' && ad->number[0] != '\0';
}

/* Builds fl->c from the answers and the facts on record, then the decision
 * and the checklist. */
static void
scr_flow_build(struct ui *ui, struct flow *fl)
{
	struct jzz_case     *c = &fl->c;
	struct jzz_decision  d0;
	char                 buf[CASE_TEXT_MAX];
	int                  ch;

	case_init(c);
	c->today = ui->today;
	c->business = fl->biz;
	c->channel = CH_COUNTER;
	scr_flow_text(fl, FI_IDNUM, buf, sizeof buf);
	scr_flow_copy(c->applicant.id_number, sizeof c->applicant.id_number, buf);
	c->applicant.id_len = strlen(c->applicant.id_number);
	scr_flow_text(fl, FI_NAME, c->applicant.name, sizeof c->applicant.name);
	scr_flow_text(fl, FI_PHONE, c->applicant.phone, sizeof c->applicant.phone);
	c->applicant.hukou_shanghai = fl->it[FI_HUKOU].choice == 1;
	c->applicant.lives_in_shanghai = fl->it[FI_LIVES].choice == 1;
	c->applicant.mobility_impaired = fl->it[FI_MOBILITY].choice == 1;
	c->applicant.disabled = fl->it[FI_DISABLED].choice == 1;
	if (scr_flow_visible(fl, FI_ADDR_CHANGED))
		c->address_changed = fl->it[FI_ADDR_CHANGED].choice == 1;
	if (fl->have_person && fl->known) {
		const struct service_person *p = &fl->person;

		c->has_registration = p->registration.present;
		c->registered_on = p->registration.registered_on;
		c->has_permit = p->permit.present && p->permit.state != SERVICE_PERMIT_CANCELLED;
		if (c->has_permit) {
			c->permit_valid_until = p->permit.valid_until;
			c->permit_first_issued_on = p->permit.first_issued_on;
		}
	}
	if (scr_flow_visible(fl, FI_AGENT) && fl->it[FI_AGENT].choice != 0) {
		c->has_agent = true;
		c->agent.kind = (enum jzz_agent_kind)(fl->it[FI_AGENT].choice - 1);
		scr_flow_text(fl, FI_AGENT_ID, buf, sizeof buf);
		scr_flow_copy(c->agent.id_number, sizeof c->agent.id_number, buf);
		c->agent.id_len = strlen(c->agent.id_number);
		scr_flow_text(fl, FI_AGENT_NAME, c->agent.name, sizeof c->agent.name);
		if (c->agent.kind == AGENT_RELATIVE) {
			c->agent.relation = scr_flow_relation(fl->it[FI_AGENT_REL].choice);
			if (c->agent.relation != REL_NONE)
				scr_flow_copy(c->agent.relation_word, sizeof c->agent.relation_word,
				    c->agent.relation == REL_OTHER ? "other" :
				    case_relation_vocab[c->agent.relation].code);
		}
	}
	if (scr_flow_house_applies(fl) && fl->it[FI_TENURE].choice > 0) {
		c->has_housing = true;
		c->housing.tenure = (enum jzz_tenure)(fl->it[FI_TENURE].choice - 1);
		c->housing.use = (enum jzz_use)fl->it[FI_USE].choice;
		if (scr_flow_relative_tenure(fl)) {
			c->housing.relation = scr_flow_relation(fl->it[FI_HREL].choice);
			if (c->housing.relation != REL_NONE)
				scr_flow_copy(c->housing.relation_word, sizeof c->housing.relation_word,
				    c->housing.relation == REL_OTHER ? "other" :
				    case_relation_vocab[c->housing.relation].code);
		}
		if (scr_flow_visible(fl, FI_MANAGED))
			c->housing.managed_residential_area = fl->it[FI_MANAGED].choice == 1;
		if (scr_flow_visible(fl, FI_LEASED_TO))
			c->housing.leased_to = (enum jzz_leased_to)fl->it[FI_LEASED_TO].choice;
	}
	if (scr_flow_visible(fl, FI_DELIVERY)) {
		c->delivery.method = (enum jzz_delivery)fl->it[FI_DELIVERY].choice;
		c->delivery.in_shanghai = c->delivery.method == DELIVERY_PICKUP ||
		    fl->it[FI_IN_SH].choice == 1;
		if (c->delivery.method == DELIVERY_POST)
			scr_flow_text(fl, FI_POST_ADDR, c->delivery.address, sizeof c->delivery.address);
	}
	if (scr_flow_visible(fl, FI_ADDR_STREET)) {
		struct jzz_address ad;

		/* the address the case brings: a change of address carries it in
		 * change.address, every other business in housing.address */
		if (scr_flow_address(fl, &ad)) {
			if (fl->biz == BIZ_INFO_CHANGE) {
				c->change.has_address = true;
				c->change.address = ad;
			} else if (c->has_housing) {
				c->housing.has_address = true;
				c->housing.address = ad;
			}
		}
	}
	if (scr_flow_visible(fl, FI_FAST) && (ch = fl->it[FI_FAST].choice) > 0) {
		c->has_fast_track = true;
		c->fast_track.reason = (enum jzz_fast_reason)(ch - 1);
		if (c->fast_track.reason == FAST_OTHER)
			scr_flow_text(fl, FI_FAST_TEXT, c->fast_track.text, sizeof c->fast_track.text);
	}
	if (scr_flow_visible(fl, FI_PERSONAL))
		c->personal_reason = fl->it[FI_PERSONAL].choice == 1;
	if (scr_flow_visible(fl, FI_FEE_NO))
		scr_flow_text(fl, FI_FEE_NO, c->fee_receipt_no, sizeof c->fee_receipt_no);
	if (scr_flow_visible(fl, FI_CHANGE) && (ch = fl->it[FI_CHANGE].choice) > 0) {
		c->has_change = true;
		c->change.field = (enum jzz_change_field)(ch - 1);
		scr_flow_text(fl, FI_CHANGE_ON, buf, sizeof buf);
		if (!date_parse(buf, strlen(buf), &c->change.changed_on))
			c->change.changed_on = ui->today;
		scr_flow_text(fl, FI_NEW_VALUE, c->change.new_value, sizeof c->change.new_value);
	}
	/* The checklist: what this case asks with nothing handed over. */
	c->documents = 0;
	rules_evaluate(c, ui->opts->cal, &d0);
	fl->needed = d0.missing_documents;
	fl->alts = 0;
	/* the household register stands for the ID card (ID-1), but not at a
	 * pickup: PERMIT-4 wants the card itself */
	if ((fl->needed & DOCBIT(DOC_ID_CARD)) && fl->biz != BIZ_PICKUP)
		fl->alts |= DOCBIT(DOC_HOUSEHOLD_REGISTER);
	if (fl->needed & DOCBIT(DOC_RELATIONSHIP_PROOF))
		fl->alts |= DOCBIT(DOC_RELATIVE_COMMITMENT);
	for (int i = 0; i < DOC__COUNT; i++)
		if (fl->it[FI_DOC0 + i].choice)
			c->documents |= DOCBIT(i);
	rules_evaluate(c, ui->opts->cal, &fl->d);
	fl->stale = false;
	fl->built_today = ui->today;
	fl->built_gen = ui->data_gen;
}

/* ---- validation ---- */

static bool
scr_flow_id_error(struct ui *ui, const char *num, char *err, size_t size)
{
	struct idnum     id;
	enum idnum_error e = idnum_parse(num, strlen(num), ui->today, &id);

	if (e == IDNUM_OK)
		return false;
	if (e == IDNUM_EMPTY)
		snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
	else
		snprintf(err, size, "%s", ui_names_idnum_error(e));
	return true;
}

/* At the confirm key of a case the rules accept. */
static bool
scr_flow_must_finish(const struct flow *fl)
{
	return fl->submitting && fl->d.verdict == VERDICT_ACCEPT;
}

/* True when the fee receipt number typed is already on another fee (the
 * service refuses it at F10 too; asked again only when the text changed). */
static bool
scr_flow_fee_used(struct ui *ui, struct flow *fl, const char *no)
{
	bool used = false;

	if (strcmp(no, fl->fee_checked) == 0)
		return fl->fee_used;
	if (service_fee_receipt_used(ui->svc, &ui->actor, no, &used) != SERVICE_OK)
		return false;   /* the business checks it again inside its transaction */
	snprintf(fl->fee_checked, sizeof fl->fee_checked, "%s", no);
	fl->fee_used = used;
	return used;
}

/* The message for one item, "" when it is fine. */
static void
scr_flow_check_item(struct ui *ui, struct flow *fl, int id, char *err, size_t size)
{
	char buf[CASE_TEXT_MAX];
	jzz_date day;

	err[0] = '\0';
	if (!scr_flow_visible(fl, id) || fl->it[id].readonly)
		return;
	switch (id) {
	case FI_IDNUM:
	case FI_AGENT_ID:
		scr_flow_text(fl, id, buf, sizeof buf);
		scr_flow_id_error(ui, buf, err, size);
		break;
	case FI_FEE_NO:
		scr_flow_text(fl, id, buf, sizeof buf);
		if (buf[0] == '\0')
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		else if (scr_flow_fee_used(ui, fl, buf))
			snprintf(err, size, "%s", ui_msg(M_ERR_FEE_USED));
		break;
	case FI_NAME:
	case FI_FAST_TEXT:
	case FI_NEW_VALUE:
	case FI_CANCEL_NOTE:
		if (ui_field_empty(&fl->it[id].field))
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		else if (id == FI_NAME && fl->it[id].field.len > CASE_NAME_CHARS)
			snprintf(err, size, "%s", ui_msg(M_ERR_NAME_LONG));
		break;
	case FI_AGENT_NAME:
		if (fl->it[id].field.len > CASE_NAME_CHARS)
			snprintf(err, size, "%s", ui_msg(M_ERR_NAME_LONG));
		break;
	case FI_PHONE:
		if (!ui_field_empty(&fl->it[id].field) && fl->it[id].field.len != 11)
			snprintf(err, size, "%s", ui_msg(M_ERR_PHONE));
		break;
	/* The address and the postal address: checked once begun, and
	 * required to accept (the record keeps where the person lives); a
	 * refusal or a notice of missing documents may go without them. */
	case FI_ADDR_STREET:
		if (fl->it[id].choice == 0 && (scr_flow_address_started(fl) || scr_flow_must_finish(fl)))
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		break;
	case FI_ADDR_ROAD:
	case FI_ADDR_NUMBER:
		if (ui_field_empty(&fl->it[id].field) &&
		    (scr_flow_address_started(fl) || scr_flow_must_finish(fl)))
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		break;
	case FI_POST_ADDR:
		if (ui_field_empty(&fl->it[id].field) && scr_flow_must_finish(fl))
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		break;
	case FI_CHANGE_ON:
		scr_flow_text(fl, id, buf, sizeof buf);
		if (buf[0] == '\0')
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		else if (!date_parse(buf, strlen(buf), &day))
			snprintf(err, size, "%s", ui_msg(M_ERR_DATE));
		else if (day > ui->today)
			snprintf(err, size, "%s", ui_msg(M_ERR_DATE_FUTURE));
		break;
	case FI_AGENT_REL: case FI_FAST: case FI_CHANGE: case FI_TENURE: case FI_HREL:
	case FI_CANCEL_REASON:
		if (fl->it[id].choice == 0)
			snprintf(err, size, "%s", ui_msg(M_ERR_REQUIRED));
		break;
	default:
		break;
	}
}

/* Checks the items of a page (or all pages for PG__COUNT); records each
 * message beside its item; returns the number of errors. */
static int
scr_flow_validate(struct ui *ui, struct flow *fl, int page)
{
	int n = 0;

	for (int id = 0; id < FI__COUNT; id++) {
		if (page != PG__COUNT && (int)scr_flow_item_page(id) != page)
			continue;
		scr_flow_check_item(ui, fl, id, fl->it[id].error, sizeof fl->it[id].error);
		if (fl->it[id].error[0] != '\0')
			n++;
	}
	return n;
}

static int
scr_flow_count_errors(const struct flow *fl)
{
	int n = 0;

	for (int id = 0; id < FI__COUNT; id++)
		if (fl->it[id].error[0] != '\0' && scr_flow_visible(fl, id))
			n++;
	return n;
}

/* The required answers still missing, for the rules panel. */
static void
scr_flow_pending(struct ui *ui, struct flow *fl)
{
	char   err[192];
	size_t o = 0;

	fl->pending[0] = '\0';
	for (int id = 0; id < FI_DOC0; id++) {
		scr_flow_check_item(ui, fl, id, err, sizeof err);
		if (err[0] == '\0')
			continue;
		o += (size_t)snprintf(fl->pending + o, sizeof fl->pending - o, "%s%s",
		    o ? ui_msg(M_LIST_SEP) : "", scr_flow_item_label(id));
		if (o >= sizeof fl->pending)
			break;
	}
}

/* ---- the person on record ---- */

static void
scr_flow_forget_person(struct flow *fl)
{
	if (fl->have_person)
		service_person_free(&fl->person);
	memset(&fl->person, 0, sizeof fl->person);
	fl->have_person = false;
	if (fl->known) {
		fl->known = false;
		fl->it[FI_ADDR_CHANGED].choice = flow_defs[FI_ADDR_CHANGED].dflt;
		fl->it[FI_NAME].readonly = false;
		fl->it[FI_PHONE].readonly = false;
		ui_field_set(&fl->it[FI_NAME].field, "");
		ui_field_set(&fl->it[FI_PHONE].field, "");
		/* the address came with the person: it goes with them */
		fl->it[FI_ADDR_STREET].choice = 0;
		for (int id = FI_ADDR_ROAD; id <= FI_ADDR_ROOM; id++)
			ui_field_set(&fl->it[id].field, "");
		ui_field_set(&fl->it[FI_POST_ADDR].field, "");
	}
	if (fl->agent_known) {   /* so did the agent of their last visit */
		fl->agent_known = false;
		fl->it[FI_AGENT].choice = 0;
		fl->it[FI_AGENT_REL].choice = 0;
		ui_field_set(&fl->it[FI_AGENT_ID].field, "");
		ui_field_set(&fl->it[FI_AGENT_NAME].field, "");
	}
	fl->looked_up[0] = '\0';
}

/* What the database knows of where the person lives, ready to be kept or
 * changed: the address fields (shown when the business asks for the
 * address) and the postal address. A field already typed is kept. */
static void
scr_flow_prefill_address(struct flow *fl)
{
	const struct service_address *ad = &fl->person.address_now;
	char                          post[SERVICE_TEXT_LEN + ADDRESS_TEXT_MAX];

	if (!fl->person.has_address)
		return;
	if (!scr_flow_address_started(fl)) {
		for (int i = 0; i < flow_nstreets; i++)
			if (strcmp(flow_street_rows[i].code, ad->a.street) == 0)
				fl->it[FI_ADDR_STREET].choice = i + 1;
		ui_field_set(&fl->it[FI_ADDR_ROAD].field, ad->a.road);
		ui_field_set(&fl->it[FI_ADDR_LANE].field, ad->a.lane);
		ui_field_set(&fl->it[FI_ADDR_NUMBER].field, ad->a.number);
		ui_field_set(&fl->it[FI_ADDR_ROOM].field, ad->a.room);
	}
	if (ui_field_empty(&fl->it[FI_POST_ADDR].field)) {
		snprintf(post, sizeof post, "%s%s", ad->street_name, ad->text);
		ui_field_set(&fl->it[FI_POST_ADDR].field, post);
	}
}

/* The agent of the person's last visit (service_case_known), unless one
 * was chosen already: a minor's guardian or an elder's relative usually
 * comes again, and the clerk keeps or changes what is shown. */
static void
scr_flow_prefill_agent(struct flow *fl, const struct jzz_case *pc)
{
	if (!pc->has_agent || !scr_flow_visible(fl, FI_AGENT) || fl->it[FI_AGENT].choice != 0)
		return;
	fl->it[FI_AGENT].choice = 1 + (int)pc->agent.kind;
	ui_field_set(&fl->it[FI_AGENT_ID].field, pc->agent.id_number);
	ui_field_set(&fl->it[FI_AGENT_NAME].field, pc->agent.name);
	if (pc->agent.kind == AGENT_RELATIVE)
		fl->it[FI_AGENT_REL].choice = pc->agent.relation == REL_NONE ? 0 :
		    pc->agent.relation == REL_OTHER ? 1 + REL__NEAR_COUNT : 1 + (int)pc->agent.relation;
	fl->agent_known = true;
}

/* An ID number known to the store fills the rest, read-only. */
static void
scr_flow_lookup(struct ui *ui, struct flow *fl)
{
	char            num[64];
	struct idnum    id;
	struct jzz_case pc;

	scr_flow_text(fl, FI_IDNUM, num, sizeof num);
	if (idnum_parse(num, strlen(num), ui->today, &id) != IDNUM_OK) {
		scr_flow_forget_person(fl);
		return;
	}
	if (strcmp(id.number, fl->looked_up) == 0)
		return;
	scr_flow_forget_person(fl);
	snprintf(fl->looked_up, sizeof fl->looked_up, "%s", id.number);
	if (service_person_get(ui->svc, &ui->actor, id.number, ui->today, &fl->person) != SERVICE_OK)
		return;
	fl->have_person = true;
	if (!fl->person.found)
		return;
	fl->known = true;
	if (service_case_known(ui->svc, id.number, fl->biz, ui->today, &pc) == SERVICE_OK) {
		ui_field_set(&fl->it[FI_NAME].field, pc.applicant.name);
		ui_field_set(&fl->it[FI_PHONE].field, pc.applicant.phone);
		fl->it[FI_HUKOU].choice = pc.applicant.hukou_shanghai;
		scr_flow_prefill_agent(fl, &pc);
	} else {
		ui_field_set(&fl->it[FI_NAME].field, fl->person.name);
		ui_field_set(&fl->it[FI_PHONE].field, fl->person.phone);
	}
	fl->it[FI_NAME].readonly = true;
	fl->it[FI_PHONE].readonly = fl->person.phone[0] != '\0';
	fl->it[FI_NAME].error[0] = fl->it[FI_PHONE].error[0] = '\0';
	/* an address change recorded since the registration is an answer the
	 * records give (ENDO-4, -5): the housing questions follow from it */
	if (fl->person.address_changed && scr_flow_visible(fl, FI_ADDR_CHANGED))
		fl->it[FI_ADDR_CHANGED].choice = 1;
	scr_flow_prefill_address(fl);
}

/* ---- pages and focus ---- */

static bool
scr_flow_page_has_items(const struct flow *fl, int page)
{
	if (page == PG_REVIEW)
		return true;
	if (page == PG_DOCS)
		return true;   /* even "nothing needed" is worth seeing */
	for (int id = 0; id < FI__COUNT; id++)
		if ((int)scr_flow_item_page(id) == page && scr_flow_visible(fl, id))
			return true;
	return false;
}

/* The items of the current page in display order (documents: needed ones
 * first, then alternatives, then others ticked). */
static int
scr_flow_page_items(const struct flow *fl, int page, int *out)
{
	int n = 0;

	if (page == PG_DOCS) {
		for (int pass = 0; pass < 3; pass++)
			for (int i = 0; i < DOC__COUNT; i++) {
				jzz_docset bit = DOCBIT(i);
				bool       in = pass == 0 ? (fl->needed & bit) != 0 :
				    pass == 1 ? (fl->alts & bit) && !(fl->needed & bit) :
				    !(fl->needed & bit) && !(fl->alts & bit) && fl->it[FI_DOC0 + i].choice;

				if (in)
					out[n++] = FI_DOC0 + i;
			}
		return n;
	}
	for (int id = 0; id < FI_DOC0; id++)
		if ((int)flow_defs[id].page == page && scr_flow_visible(fl, id))
			out[n++] = id;
	return n;
}

static void
scr_flow_focus_first(struct flow *fl)
{
	int items[FI__COUNT], n = scr_flow_page_items(fl, fl->page, items);

	fl->focus = -1;
	fl->top = 0;
	for (int i = 0; i < n; i++)
		if (!fl->it[items[i]].readonly) {
			fl->focus = items[i];
			return;
		}
	if (n > 0)
		fl->focus = items[0];
}

/* Moves the focus by delta among the page's items (no wrap at the ends). */
static bool
scr_flow_focus_move(struct flow *fl, int delta)
{
	int items[FI__COUNT], n = scr_flow_page_items(fl, fl->page, items), at = -1;

	for (int i = 0; i < n; i++)
		if (items[i] == fl->focus)
			at = i;
	if (at < 0) {
		scr_flow_focus_first(fl);
		return true;
	}
	for (int i = at + delta; i >= 0 && i < n; i += delta)
		if (!fl->it[items[i]].readonly) {
			fl->focus = items[i];
			return true;
		}
	return false;
}

/* A question nobody has answered yet: an empty text, a choice still unset,
 * a document the rules ask for not ticked. What came from the records and
 * a choice holding its default are answers. */
static bool
scr_flow_unanswered(const struct flow *fl, int id)
{
	const struct flow_item *it = &fl->it[id];

	if (it->readonly || !scr_flow_visible(fl, id))
		return false;
	if (id >= FI_DOC0)
		return (fl->needed & DOCBIT(id - FI_DOC0)) && !it->choice;
	if (flow_defs[id].kind == IK_TEXT)
		return ui_field_empty(&it->field);
	return flow_defs[id].ch.first_unset && it->choice == 0;
}

/* A form opened with its applicant known starts where an answer is still
 * missing, page by page; keys typed out of habit then land on a question
 * that waits for them, never on one already answered. */
static void
scr_flow_focus_unanswered(struct flow *fl)
{
	for (int p = 0; p < PG_REVIEW; p++) {
		int items[FI__COUNT], n = scr_flow_page_items(fl, p, items);

		for (int i = 0; i < n; i++)
			if (scr_flow_unanswered(fl, items[i])) {
				fl->page = p;
				fl->focus = items[i];
				fl->top = 0;
				return;
			}
	}
	/* every answer is there: the first that may be changed */
	fl->page = PG_APPLICANT;
	scr_flow_focus_first(fl);
	scr_flow_focus_move(fl, +1);
}

static void
scr_flow_goto_page(struct flow *fl, int page)
{
	fl->page = page;
	scr_flow_focus_first(fl);
}

/* The clerk moves on from the focused item: check it (an ID number is also
 * looked up). */
static void
scr_flow_leave_item(struct ui *ui, struct flow *fl)
{
	if (fl->focus < 0)
		return;
	if (fl->focus == FI_IDNUM)
		scr_flow_lookup(ui, fl);
	scr_flow_build(ui, fl);
	scr_flow_check_item(ui, fl, fl->focus, fl->it[fl->focus].error, sizeof fl->it[fl->focus].error);
	fl->nerrors = scr_flow_count_errors(fl);
}

/* PgDn: check this page; on success the next page that has questions. */
static void
scr_flow_next_page(struct ui *ui, struct flow *fl)
{
	int errs, p;

	if (fl->page == PG_APPLICANT)
		scr_flow_lookup(ui, fl);
	scr_flow_build(ui, fl);
	errs = scr_flow_validate(ui, fl, fl->page);
	fl->nerrors = scr_flow_count_errors(fl);
	if (errs > 0) {
		int items[FI__COUNT], n = scr_flow_page_items(fl, fl->page, items);

		for (int i = 0; i < n; i++)
			if (fl->it[items[i]].error[0] != '\0') {
				fl->focus = items[i];
				break;
			}
		return;
	}
	for (p = fl->page + 1; p < PG__COUNT && !scr_flow_page_has_items(fl, p); p++)
		;
	if (p < PG__COUNT)
		scr_flow_goto_page(fl, p);
}

static void
scr_flow_prev_page(struct ui *ui, struct flow *fl)
{
	int p;

	scr_flow_build(ui, fl);
	for (p = fl->page - 1; p >= 0 && !scr_flow_page_has_items(fl, p); p--)
		;
	if (p >= 0)
		scr_flow_goto_page(fl, p);
}

/* ---- submitting ---- */

enum { FLOW_ACT_CONFIRMED = 1 };

/* A registration for a person whose registration is still valid: allowed
 * (the address may have changed), but it starts REG-3's six months again,
 * so the clerk is told before F10 and asked at it. */
static bool
scr_flow_reregisters(const struct ui *ui, const struct flow *fl)
{
	return fl->biz == BIZ_REGISTRATION && fl->known && fl->have_person &&
	    fl->person.registration.present && fl->person.registration.valid_until >= ui->today;
}

static void
scr_flow_rereg_text(const struct ui *ui, const struct flow *fl, char *buf, size_t size)
{
	const struct service_registration_info *r = &fl->person.registration;
	char  on[JZZ_DATE_STRLEN], until[JZZ_DATE_STRLEN], was[JZZ_DATE_STRLEN], now[JZZ_DATE_STRLEN];

	date_format(r->registered_on, on);
	date_format(r->valid_until, until);
	date_format(date_add_months(r->registered_on, RULES_REG_WAIT_MONTHS), was);
	date_format(date_add_months(ui->today, RULES_REG_WAIT_MONTHS), now);
	snprintf(buf, size, ui_msg(M_REREG_WARN), on, until, was, now);
}

/* The newest application of this business by this ID number, when it was
 * refused: the rules that refused it, to be asked about first. */
static bool
scr_flow_last_refusal(const struct flow *fl, char *buf, size_t size)
{
	const struct service_history_entry *h = NULL;
	char                                why[512], code[32];
	size_t                              o = 0;
	const char                         *p;

	if (!fl->have_person)
		return false;
	for (size_t i = 0; i < fl->person.nhistory && h == NULL; i++)
		if (fl->person.history[i].business == fl->biz)
			h = &fl->person.history[i];
	if (h == NULL || h->verdict != VERDICT_REFUSE)
		return false;
	why[0] = '\0';
	for (p = h->failed; *p != '\0' && o < sizeof why;) {
		size_t n = strcspn(p, " ");
		int    r;

		snprintf(code, sizeof code, "%.*s", (int)n, p);
		r = rules_from_code(code);
		o += (size_t)snprintf(why + o, sizeof why - o, "%s%s %s", o ? ui_msg(M_LIST_SEP) : "", code,
		    r < 0 ? "" : ui_msg_lang() == LANG_EN ? rules_catalogue[r].title_en :
		    rules_catalogue[r].title_zh);
		p += n;
		p += strspn(p, " ");
	}
	snprintf(buf, size, ui_msg(M_LAST_REFUSED), ui_msg_vocab(&case_business_vocab[fl->biz]),
	    ui_names_date(h->day), why);
	return true;
}

/* F10 again after the link was lost at COMMIT, and the form had been
 * recorded: the service wrote nothing and names the application it made
 * then; its decision is read back (as its papers read it), so that the
 * receipt or the refusal shown is the recorded one. */
static enum service_status
scr_flow_replayed(struct ui *ui, struct flow_outcome *o)
{
	struct service_paper_facts f;
	enum service_status        st;

	st = service_paper_application_facts(ui->svc, &ui->actor, o->res.application_id, ui->today,
	    &f);
	if (st == SERVICE_OK) {
		o->res.decision = f.decision;
		snprintf(o->res.receipt_no, sizeof o->res.receipt_no, "%s", f.receipt_no);
	}
	return st;
}

static void
scr_flow_submit(struct ui *ui, struct flow *fl)
{
	struct flow_outcome *o;
	enum service_status  st;

	scr_flow_build(ui, fl);
	fl->submitting = true;
	fl->fee_checked[0] = '\0';   /* another counter may have used it since */
	if (scr_flow_validate(ui, fl, PG__COUNT) > 0) {
		fl->submitting = false;
		fl->nerrors = scr_flow_count_errors(fl);
		for (int p = 0; p < PG_REVIEW; p++) {
			int items[FI__COUNT], n = scr_flow_page_items(fl, p, items);

			for (int i = 0; i < n; i++)
				if (fl->it[items[i]].error[0] != '\0') {
					fl->page = p;
					fl->focus = items[i];
					return;
				}
		}
		return;
	}
	fl->submitting = false;
	o = calloc(1, sizeof *o);
	if (o == NULL)
		return;
	if (fl->request_id[0] == '\0' || memcmp(&fl->sent, &fl->c, sizeof fl->c) != 0) {
		service_request_id_new(fl->request_id);
		memcpy(&fl->sent, &fl->c, sizeof fl->c);   /* padding too: memcmp reads it */
	}
	o->c = fl->c;
	snprintf(o->c.request_id, sizeof o->c.request_id, "%s", fl->request_id);
	if (fl->biz == BIZ_CANCELLATION) {
		char note[CASE_TEXT_MAX];

		scr_flow_text(fl, FI_CANCEL_NOTE, note, sizeof note);
		st = service_cancellation(ui->svc, &ui->actor, &o->c, ui->today,
		    (enum service_cancel_reason)(fl->it[FI_CANCEL_REASON].choice - 1), note, &o->res);
	} else {
		st = service_submit(ui->svc, &ui->actor, &o->c, ui->today, &o->res);
	}
	if (st != SERVICE_OK) {
		/* Nothing was written: say why in the clerk's words where we can. */
		fl->fee_checked[0] = '\0';
		if (st == SERVICE_ERR_INVALID && scr_flow_visible(fl, FI_FEE_NO)) {
			/* a receipt number taken meanwhile: said at its field */
			scr_flow_check_item(ui, fl, FI_FEE_NO, fl->it[FI_FEE_NO].error,
			    sizeof fl->it[FI_FEE_NO].error);
			if (fl->it[FI_FEE_NO].error[0] != '\0') {
				fl->nerrors = scr_flow_count_errors(fl);
				fl->page = PG_DETAILS;
				fl->focus = FI_FEE_NO;
			}
		}
		if (st == SERVICE_ERR_STATE && fl->biz == BIZ_PICKUP)
			ui_status(ui, UA_ERROR, "%s", ui_msg(M_SUBMIT_NO_CARD));
		else if (st == SERVICE_ERR_DB && service_unreachable(ui->svc))
			/* the link, not the records: the clerk waits for it and
			 * presses F10 again, the form as it was */
			ui_status(ui, UA_ERROR, ui_msg(M_SUBMIT_UNREACHABLE), service_errmsg(ui->svc));
		else
			ui_status_failed(ui, st, M_SUBMIT_DENIED, M_SUBMIT_FAIL);
		free(o);
		return;
	}
	if (o->res.replay_json != NULL && scr_flow_replayed(ui, o) != SERVICE_OK) {
		ui_status(ui, UA_ERROR, ui_msg(M_SUBMIT_FAIL), service_errmsg(ui->svc));
		free(o);
		return;
	}
	ui->data_gen++;
	fl->changed = false;   /* recorded: nothing left to lose */
	if (o->res.decision.verdict == VERDICT_ACCEPT)
		ui_push(ui, &scr_receipt_mode, o);
	else
		ui_push(ui, &scr_result_mode, o);
	free(o);
}

/* ---- drawing ---- */

#define FLOW_LABEL_COLS 26
#define FLOW_FIELD_COLS 22

static void
scr_flow_draw_tabs(struct flow *fl, struct ui_view *v)
{
	static const enum msg_id names[PG__COUNT] = {
		M_PAGE_APPLICANT, M_PAGE_DETAILS, M_PAGE_HOUSING, M_PAGE_DOCS, M_PAGE_REVIEW
	};
	int x = 0;

	for (int p = 0; p < PG__COUNT; p++) {
		char buf[64];

		if (!scr_flow_page_has_items(fl, p))
			continue;
		if (x > 0)
			x += ui_view_text(v, 0, x, 0, UA_DIM, " > ");
		snprintf(buf, sizeof buf, p == fl->page ? "[%s]" : "%s", ui_msg(names[p]));
		x += ui_view_text(v, 0, x, 0, p == fl->page ? UA_REVERSE : UA_NORMAL, buf);
	}
}

static void
scr_flow_draw_info(struct ui *ui, struct flow *fl, struct ui_view *v, int y)
{
	char   line[512];
	size_t o = 0;

	if (fl->nerrors > 0) {
		/* The summary: how many, and which. */
		o = (size_t)snprintf(line, sizeof line, ui_msg(M_ERR_SUMMARY), fl->nerrors);
		for (int id = 0; id < FI__COUNT && o < sizeof line; id++)
			if (fl->it[id].error[0] != '\0' && scr_flow_visible(fl, id))
				o += (size_t)snprintf(line + o, sizeof line - o, ui_msg(M_ERR_ITEM),
				    scr_flow_item_label(id), fl->it[id].error);
		ui_view_text(v, y, 0, 0, UA_ERROR, line);
		return;
	}
	if (ui->actor.role == SERVICE_ROLE_TRAINER) {
		/* said before anything is typed, not at F10 */
		ui_view_text(v, y, 0, 0, UA_WARN, ui_msg(M_TRAINER_NO_SUBMIT));
		return;
	}
	if (fl->known) {
		const struct service_person *p = &fl->person;
		char reg[128] = "", permit[192] = "";

		/* One row: the name, an address change (it changes the questions)
		 * and the permit always; the registration's date when it fits. */
		o = (size_t)snprintf(line, sizeof line, ui_msg(M_KNOWN_PERSON), p->name);
		if (p->address_changed && o < sizeof line)
			o += (size_t)snprintf(line + o, sizeof line - o, "  %s", ui_msg(M_ADDR_CHANGED_KNOWN));
		if (p->registration.present)
			snprintf(reg, sizeof reg, ui_msg(M_REG_INFO), ui_names_date(p->registration.registered_on));
		if (p->permit.present)
			snprintf(permit, sizeof permit, ui_msg(M_PERMIT_INFO), ui_names_date(p->permit.valid_until),
			    ui_names_permit_state(p->permit.state));
		if (reg[0] != '\0' && o < sizeof line &&
		    ui_view_cols(line) + 2 + ui_view_cols(reg) + (permit[0] ? 2 + ui_view_cols(permit) : 0) <=
		    v->cols)
			o += (size_t)snprintf(line + o, sizeof line - o, "  %s", reg);
		if (permit[0] != '\0' && o < sizeof line)
			snprintf(line + o, sizeof line - o, "  %s", permit);
		ui_view_wrap(v, y, 0, v->cols, 1, UA_OK, line);
	} else if (fl->have_person && fl->page == PG_APPLICANT) {
		ui_view_text(v, y, 0, 0, UA_NORMAL, ui_msg(M_NEW_PERSON));
	}
}

static void
scr_flow_choice_text(const struct flow *fl, int id, char *buf, size_t size)
{
	const struct flow_choice *ch = &flow_defs[id].ch;
	int                       i = fl->it[id].choice;
	wchar_t                   key = scr_flow_opt_key(ch, i);

	if (ch->first_unset && i == 0)
		snprintf(buf, size, "< %s >", scr_flow_opt_label(ch, i));
	else
		snprintf(buf, size, "< %lc %s >", (wint_t)(key ? key : L' '), scr_flow_opt_label(ch, i));
}

static void
scr_flow_draw_item(struct ui *ui, struct flow *fl, struct ui_view *v, int y, int id)
{
	struct flow_item *it = &fl->it[id];
	bool              focus = id == fl->focus;
	int               x = 0;
	char              buf[256];

	(void)ui;
	if (id >= FI_DOC0) {
		int        d = id - FI_DOC0;
		jzz_docset bit = DOCBIT(d);

		snprintf(buf, sizeof buf, "%s%s %s%s", focus ? "> " : "  ", it->choice ? "[x]" : "[ ]",
		    ui_msg_vocab(&case_doc_vocab[d]),
		    (fl->needed & bit) ? "" : (fl->alts & bit) ? ui_msg(M_DOCS_ALT) : ui_msg(M_DOCS_EXTRA));
		ui_view_text(v, y, 0, 0, focus ? UA_FOCUS : UA_NORMAL, buf);
		if (focus)
			ui_view_cursor(v, y, 3);
		return;
	}
	x = ui_view_text(v, y, 0, 2, UA_BOLD, focus ? "> " : "  ");
	ui_view_text(v, y, x, FLOW_LABEL_COLS - 3, focus ? UA_BOLD : UA_NORMAL, scr_flow_item_label(id));
	x = FLOW_LABEL_COLS;
	if (flow_defs[id].kind == IK_TEXT) {
		ui_field_draw(&it->field, v, y, x, FLOW_FIELD_COLS, focus && !it->readonly, it->readonly);
		if (focus && it->readonly)
			ui_view_cursor(v, y, x);
	} else {
		int w;

		/* an option wider than the field keeps its brackets: it takes the
		 * room of the note beside it */
		scr_flow_choice_text(fl, id, buf, sizeof buf);
		w = ui_view_cols(buf);
		w = w < FLOW_FIELD_COLS ? FLOW_FIELD_COLS : w;
		ui_view_text(v, y, x, w, focus ? UA_FOCUS : UA_NORMAL, buf);
		if (focus)
			ui_view_cursor(v, y, x + 2);
		x += w - FLOW_FIELD_COLS;
	}
	x += FLOW_FIELD_COLS + 1;
	if (it->error[0] != '\0') {
		snprintf(buf, sizeof buf, "✗ %s", it->error);
		ui_view_text(v, y, x, 0, UA_ERROR, buf);
	} else if (it->readonly) {
		ui_view_text(v, y, x, 0, UA_DIM, ui_msg(M_READONLY));
	}
}

/* The options of the focused choice, with their keys. */
static void
scr_flow_draw_hint(struct flow *fl, struct ui_view *v, int y)
{
	char   line[1024];
	size_t o;
	const struct flow_choice *ch;

	if (fl->focus < 0)
		return;
	if (fl->focus >= FI_DOC0) {
		ui_view_text(v, y, 0, 0, UA_DIM, ui_msg(M_DOCS_KEYS));
		return;
	}
	if (fl->focus == FI_ADDR_ROAD) {
		o = (size_t)snprintf(line, sizeof line, "%s", ui_msg(M_ROAD_HINT));
		for (size_t i = 0; i < fl->roads.n && i < FLOW_ROADS_SHOWN && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, "%s%s", i ? "  " : "",
			    fl->roads.items[i]);
		ui_view_wrap(v, y, 0, v->cols, 2, UA_DIM, line);
		return;
	}
	if (flow_defs[fl->focus].kind != IK_CHOICE)
		return;
	ch = &flow_defs[fl->focus].ch;
	o = (size_t)snprintf(line, sizeof line, "%s", ui_msg(M_CHOICE_HINT));
	for (int i = 0; i < scr_flow_nopts(ch) && o < sizeof line; i++) {
		wchar_t k = scr_flow_opt_key(ch, i);

		if (k == 0)
			continue;
		o += (size_t)snprintf(line + o, sizeof line - o, "%lc %s  ", (wint_t)k, scr_flow_opt_label(ch, i));
	}
	ui_view_wrap(v, y, 0, v->cols, 2, UA_DIM, line);
}

/* The rules panel: the decision now, and each rule that fails, misses a
 * document or warns, by id with its message. */
static void
scr_flow_draw_rules(struct ui *ui, struct flow *fl, struct ui_view *v, int y, int h)
{
	char   head[256], msg[512], line[640];
	int    shown = 0, left = 0;
	bool   id_ready = fl->it[FI_IDNUM].field.len == 18;

	(void)ui;
	scr_flow_pending(ui, fl);
	if (id_ready)
		snprintf(head, sizeof head, "%s — %s%s", ui_msg(M_RULES_TITLE), ui_msg(M_DECISION),
		    fl->pending[0] != '\0' && fl->d.verdict != VERDICT_REFUSE ? "…" :
		    ui_names_verdict(fl->d.verdict));
	else
		snprintf(head, sizeof head, "%s", ui_msg(M_RULES_TITLE));
	ui_view_hline(v, y++, head);
	h--;
	if (scr_flow_reregisters(ui, fl) && h > 0) {
		int n;

		scr_flow_rereg_text(ui, fl, line, sizeof line);
		n = ui_view_wrap_count(v->cols, line);
		n = n <= h ? n : h;
		y += ui_view_wrap(v, y, 0, v->cols, n, UA_WARN, line);
		h -= n;
	}
	if (h > 0 && fl->page != PG_REVIEW && scr_flow_last_refusal(fl, line, sizeof line)) {
		int n = ui_view_wrap_count(v->cols, line);

		n = n <= h ? n : h;
		y += ui_view_wrap(v, y, 0, v->cols, n, UA_WARN, line);
		h -= n;
	}
	if (fl->pending[0] != '\0' && h > 0) {
		snprintf(line, sizeof line, ui_msg(M_RULES_PENDING), fl->pending);
		y += ui_view_wrap(v, y, 0, v->cols, 1, UA_WARN, line);
		h--;
	}
	if (!id_ready)
		return;
	for (int i = 0; i < fl->d.nresults; i++) {
		const struct rule_result *r = &fl->d.results[i];
		enum msg_id tag;
		enum ui_attr a;

		switch (r->outcome) {
		case OUT_FAIL:    tag = M_RULE_FAIL; a = UA_ERROR; break;
		case OUT_MISSING: tag = M_RULE_MISSING; a = UA_WARN; break;
		case OUT_WARN:    tag = M_RULE_WARN; a = UA_WARN; break;
		default:          continue;
		}
		if (h <= 0) {
			left++;
			continue;
		}
		rules_message(r, ui_msg_lang(), msg, sizeof msg);
		snprintf(line, sizeof line, "[%s] %s %s", ui_msg(tag), rules_code((enum rule_id)r->rule), msg);
		{
			int need = ui_view_wrap_count(v->cols, line);
			int n = need <= h ? need : h;

			y += ui_view_wrap(v, y, 0, v->cols, n, a, line);
			h -= n;
		}
		shown++;
	}
	if (left > 0 && y > 0) {
		snprintf(line, sizeof line, ui_msg(M_Q_MORE), (size_t)left);
		ui_view_text(v, y - 1, v->cols - ui_view_cols(line) - 1, 0, UA_BOLD, line);
	}
	if (shown == 0 && left == 0 && h > 0 && fl->pending[0] == '\0')
		ui_view_text(v, y, 0, 0, UA_OK, ui_msg(M_RULES_ALL_PASS));
}

/* The review: every answer, with a letter that goes back to change it. */
static int
scr_flow_review_items(const struct flow *fl, int *out)
{
	int n = 0;

	for (int p = 0; p < PG_REVIEW; p++) {
		int items[FI__COUNT], k = scr_flow_page_items(fl, p, items);

		for (int i = 0; i < k; i++)
			if (items[i] < FI_DOC0)
				out[n++] = items[i];
		if (p == PG_DOCS)
			out[n++] = FI_DOC0;   /* the documents as one answer */
	}
	return n;
}

static wchar_t
scr_flow_review_key(int i)
{
	return i < 26 ? (wchar_t)('a' + i) : 0;
}

/* One answer of the review: its letter and label, and its value. */
static void
scr_flow_review_line(const struct flow *fl, int i, int id, char *label, size_t lsize, char *val,
                     size_t vsize)
{
	if (id == FI_DOC0) {
		size_t o = 0;

		val[0] = '\0';
		for (int d = 0; d < DOC__COUNT && o < vsize; d++)
			if (fl->c.documents & DOCBIT(d))
				o += (size_t)snprintf(val + o, vsize - o, "%s%s", o ? ui_msg(M_LIST_SEP) : "",
				    ui_msg_vocab(&case_doc_vocab[d]));
		snprintf(label, lsize, "%lc  %s", (wint_t)scr_flow_review_key(i), ui_msg(M_PAGE_DOCS));
		return;
	}
	if (flow_defs[id].kind == IK_TEXT)
		scr_flow_text(fl, id, val, vsize);
	else
		snprintf(val, vsize, "%s", scr_flow_opt_label(&flow_defs[id].ch, fl->it[id].choice));
	snprintf(label, lsize, "%lc  %s", (wint_t)scr_flow_review_key(i), scr_flow_item_label(id));
}

/* The answers from review_top, each on as many rows as its value needs (a
 * long one, the documents, goes on below rather than being cut); when they
 * do not all fit, the last row says how many more follow (↓ scrolls). */
static void
scr_flow_draw_review(struct ui *ui, struct flow *fl, struct ui_view *v, int y, int h)
{
	int  items[FI__COUNT + 1], n = scr_flow_review_items(fl, items), rows[FI__COUNT + 1];
	int  width = v->cols - FLOW_LABEL_COLS - 3, fit, need = 0;
	char val[512], line[700];

	(void)ui;
	for (int i = 0; i < n; i++) {
		scr_flow_review_line(fl, i, items[i], line, sizeof line, val, sizeof val);
		rows[i] = ui_view_wrap_count(width, val[0] ? val : "—");
		rows[i] = rows[i] > 0 ? rows[i] : 1;
	}
	/* the furthest one may scroll: the last answers fill the space */
	for (int i = n - 1, used = 0; i >= 0; i--) {
		used += rows[i];
		if (used > h)
			break;
		if (fl->review_top > i)
			fl->review_top = i;
	}
	if (fl->review_top > n - 1)
		fl->review_top = n > 0 ? n - 1 : 0;
	for (int i = fl->review_top; i < n; i++)
		need += rows[i];
	if (need > h && h > 1) {
		h--;
		fit = 0;
		for (int i = fl->review_top, used = 0; i < n && used + rows[i] <= h; i++, fit++)
			used += rows[i];
		snprintf(line, sizeof line, "↓ %s", ui_msg(M_Q_MORE));
		snprintf(val, sizeof val, line, (size_t)(n - fl->review_top - fit));
		ui_view_text(v, y + h, 0, 0, UA_BOLD, val);
	}
	for (int i = fl->review_top; i < n && rows[i] <= h; i++) {
		scr_flow_review_line(fl, i, items[i], line, sizeof line, val, sizeof val);
		ui_view_text(v, y, 0, FLOW_LABEL_COLS + 2, UA_BOLD, line);
		ui_view_wrap(v, y, FLOW_LABEL_COLS + 3, width, rows[i], UA_NORMAL, val[0] ? val : "—");
		y += rows[i];
		h -= rows[i];
	}
}

/* What the decision the rules make now costs and when it is ready, as the
 * business will record it (fee, courier fee, ready day, a new validity):
 * the clerk says it before F10. Empty unless accepted (case-format.md:
 * a decision other than accept carries none of them). */
static bool
scr_flow_review_money(const struct flow *fl, char *buf, size_t size)
{
	const struct jzz_decision *d = &fl->d;
	size_t                     o = 0;

	buf[0] = '\0';
	if (d->verdict != VERDICT_ACCEPT)
		return false;
	if (rules_find(d, R_PERMIT_6) != NULL)
		o += (size_t)(d->fee_yuan > 0 ? snprintf(buf, size, ui_msg(M_REVIEW_FEE), d->fee_yuan) :
		    snprintf(buf, size, "%s", ui_msg(M_REVIEW_NO_FEE)));
	if (d->cod_fee_yuan > 0 && o < size)
		o += (size_t)snprintf(buf + o, size - o, "%s" , o ? "  " : "");
	if (d->cod_fee_yuan > 0 && o < size)
		o += (size_t)snprintf(buf + o, size - o, ui_msg(M_REVIEW_COD), d->cod_fee_yuan);
	if (d->ready_on != JZZ_DATE_NONE && o < size) {
		o += (size_t)snprintf(buf + o, size - o, "%s", o ? "  " : "");
		if (o < size)
			o += (size_t)snprintf(buf + o, size - o, ui_msg(M_REVIEW_READY),
			    ui_names_date(d->ready_on));
	}
	if (d->new_valid_until != JZZ_DATE_NONE && o < size) {
		o += (size_t)snprintf(buf + o, size - o, "%s", o ? "  " : "");
		if (o < size)
			snprintf(buf + o, size - o, ui_msg(M_REVIEW_VALID), ui_names_date(d->new_valid_until));
	}
	return buf[0] != '\0';
}

/* The roads already recorded that begin with what is typed (the service's
 * look-up; asked again only when the text changed). */
static void
scr_flow_roads(struct ui *ui, struct flow *fl)
{
	char prefix[ADDRESS_ROAD_MAX], district[ADDRESS_DISTRICT_LEN];

	if (fl->focus != FI_ADDR_ROAD)
		return;
	scr_flow_text(fl, FI_ADDR_ROAD, prefix, sizeof prefix);
	if (fl->roads.items != NULL && strcmp(prefix, fl->road_prefix) == 0)
		return;
	service_road_list_free(&fl->roads);
	snprintf(fl->road_prefix, sizeof fl->road_prefix, "%s", prefix);
	snprintf(district, sizeof district, "%.6s", ui->actor.centre);
	if (service_roads(ui->svc, &ui->actor, district, prefix, FLOW_ROADS_SHOWN, &fl->roads) !=
	    SERVICE_OK)
		memset(&fl->roads, 0, sizeof fl->roads);
}

static void
scr_flow_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct flow *fl = sc->data;
	int          items[FI__COUNT], n, formh, rulesh, y, hint_y;

	/* The rules run when an answer changed (or the day, or the records), not
	 * at every draw: a resize, a trip to the help or a clock tick redraws. */
	if (fl->stale || fl->built_today != ui->today || fl->built_gen != ui->data_gen)
		scr_flow_build(ui, fl);
	scr_flow_roads(ui, fl);
	scr_flow_draw_tabs(fl, v);
	scr_flow_draw_info(ui, fl, v, 1);
	rulesh = 7 + (v->rows > 21 ? (v->rows - 21) / 2 : 0);
	if (fl->page == PG_REVIEW) {
		/* The answers come first here: the panel takes only what it needs. */
		int need = 2;

		for (int i = 0; i < fl->d.nresults; i++)
			if (fl->d.results[i].outcome != OUT_PASS)
				need++;
		if (need < rulesh)
			rulesh = need;
	}
	formh = v->rows - 2 - 2 - rulesh;
	if (fl->page == PG_REVIEW) {
		char buf[256];

		int  top = 3;

		snprintf(buf, sizeof buf, ui_msg(M_REVIEW_DECISION), ui_names_verdict(fl->d.verdict));
		ui_view_text(v, 2, 0, 0, UA_BOLD, buf);
		if (scr_flow_review_money(fl, buf, sizeof buf))
			ui_view_wrap(v, top++, 0, v->cols, 1, UA_BOLD, buf);
		scr_flow_draw_review(ui, fl, v, top, formh - 1 - (top - 3));
		ui_view_text(v, 2 + formh, 0, 0, UA_DIM, ui_msg(M_REVIEW_HINT));
		scr_flow_draw_rules(ui, fl, v, 4 + formh, rulesh);
		return;
	}
	n = scr_flow_page_items(fl, fl->page, items);
	y = 2;
	hint_y = 2 + formh;   /* below the items, whatever the page's heading takes */
	if (fl->page == PG_DOCS) {
		ui_view_text(v, y++, 0, 0, UA_BOLD, n ? ui_msg(M_DOCS_HINT) : ui_msg(M_DOCS_NONE));
		formh--;
	}
	/* Scroll so that the focus is visible. */
	for (int i = 0; i < n; i++)
		if (items[i] == fl->focus) {
			if (i < fl->top)
				fl->top = i;
			if (i >= fl->top + formh)
				fl->top = i - formh + 1;
		}
	if (fl->top > n - 1)
		fl->top = 0;
	for (int i = fl->top; i < n && i < fl->top + formh; i++)
		scr_flow_draw_item(ui, fl, v, y + i - fl->top, items[i]);
	scr_flow_draw_hint(fl, v, hint_y);
	scr_flow_draw_rules(ui, fl, v, 4 + formh, rulesh);
	/* The cursor stays where the focused item put it: the view layer moves
	 * the hardware cursor only through ui_view_cursor. */
}

/* ---- keys ---- */

static bool
scr_flow_choice_key(struct flow *fl, int id, const struct ui_key *k)
{
	const struct flow_choice *ch = &flow_defs[id].ch;
	struct flow_item         *it = &fl->it[id];
	int                       n = scr_flow_nopts(ch);
	bool                      yesno = ch->v == NULL && ch->msgs == NULL;

	if (UK_IS(k, ' ') || UK_IS_SP(k, KEY_RIGHT)) {
		it->choice = (it->choice + 1) % n;
		if (ch->first_unset && it->choice == 0)
			it->choice = 1 % n;
		return true;
	}
	if (UK_IS_SP(k, KEY_LEFT)) {
		it->choice = (it->choice + n - 1) % n;
		if (ch->first_unset && it->choice == 0)
			it->choice = n - 1;
		return true;
	}
	if (yesno && (UK_IS(k, 'y') || UK_IS(k, 'Y'))) {
		it->choice = 1;
		return true;
	}
	if (yesno && (UK_IS(k, 'n') || UK_IS(k, 'N'))) {
		it->choice = 0;
		return true;
	}
	if (k->type == UK_CHAR)
		for (int i = 0; i < n; i++)
			if (scr_flow_opt_key(ch, i) == (wchar_t)k->ch) {
				it->choice = i;
				return true;
			}
	return false;
}

/* Keys meant for another field (an ID number typed again where the focus
 * is a choice): a character that is none of the choice's options says so.
 * Then what the keys picked since the focus arrived is put back, and the
 * choice takes no more characters until the focus moves; Space and the
 * arrows, which are never typed by mistake, still change it. */
static bool
scr_flow_foreign_key(struct flow *fl, int id, const struct ui_key *k)
{
	const struct flow_choice *ch = &flow_defs[id].ch;
	struct flow_item         *it = &fl->it[id];
	bool                      yesno = ch->v == NULL && ch->msgs == NULL;
	bool                      option = false;

	if (fl->arrived != id) {
		fl->arrived = id;
		fl->arrived_choice = it->choice;
		fl->refusing = false;
	}
	if (k->type != UK_CHAR || k->ch == ' ' || k->ch < 0x21) {
		if (k->type == UK_CHAR || k->type == UK_SPECIAL)
			fl->refusing = false;
		return false;
	}
	for (int i = 0; i < scr_flow_nopts(ch); i++)
		if (scr_flow_opt_key(ch, i) == (wchar_t)k->ch)
			option = true;
	if (yesno && wcschr(L"yYnN", (wchar_t)k->ch) != NULL)
		option = true;
	if (option && !fl->refusing)
		return false;
	it->choice = fl->arrived_choice;
	fl->stale = true;
	fl->refusing = true;
	snprintf(it->error, sizeof it->error, "%s", ui_msg(M_ERR_NOT_OPTION));
	fl->nerrors = scr_flow_count_errors(fl);
	return true;
}

/*
 * An ID number typed to its 18th character, and valid, moves on to the next
 * question by itself. Only when typed: a paste or a card reader's burst
 * (more keys already waiting) stays in the field, whose length swallows the
 * rest, so that nothing spills into the next answer. A clerk used to
 * pressing Enter after the number is not moved twice: the Enter or Tab
 * that follows at once is taken as that confirmation.
 */
static void
scr_flow_id_complete(struct ui *ui, struct flow *fl, int id, const struct ui_key *k)
{
	struct ui_field *f = &fl->it[id].field;
	char             num[CASE_TEXT_MAX];

	if (f->kind != UF_IDNUM || k->type != UK_CHAR || f->len != f->cap || f->cur != f->len)
		return;
	scr_flow_text(fl, id, num, sizeof num);
	fl->it[id].error[0] = '\0';
	if (scr_flow_id_error(ui, num, fl->it[id].error, sizeof fl->it[id].error)) {
		fl->nerrors = scr_flow_count_errors(fl);   /* said at once, the focus stays */
		return;
	}
	if (ui_input_more(ui->body))
		return;
	scr_flow_leave_item(ui, fl);
	if (scr_flow_focus_move(fl, +1))
		fl->advanced_to = fl->focus;
}

static int
scr_flow_key_focused(struct ui *ui, struct flow *fl, const struct ui_key *k)
{
	int          id = fl->focus;

	if (fl->page == PG_REVIEW) {
		int items[FI__COUNT + 1], n = scr_flow_review_items(fl, items);

		if (UK_IS_FN(k, 10) && scr_flow_reregisters(ui, fl)) {
			ui_ask(ui, M_REREG_ASK, FLOW_ACT_CONFIRMED);
			return UI_HANDLED;
		}
		if (UK_IS_FN(k, 10) && fl->biz == BIZ_CANCELLATION) {
			/* irreversible: the question names whose permit ends */
			char who[CASE_NAME_MAX + 32], masked[19];

			idnum_mask(fl->c.applicant.id_number, masked);
			snprintf(who, sizeof who, "%s（%s）", fl->c.applicant.name, masked);
			ui_ask_about(ui, M_CANCEL_ASK, who, FLOW_ACT_CONFIRMED);
			return UI_HANDLED;
		}
		if (UK_IS_FN(k, 10) || UI_ACTION_KEY(k, FLOW_ACT_CONFIRMED)) {
			scr_flow_submit(ui, fl);
			return UI_HANDLED;
		}
		if (UK_IS_SP(k, KEY_PPAGE) || UK_IS_FN(k, 7)) {
			scr_flow_prev_page(ui, fl);
			return UI_HANDLED;
		}
		if (UK_IS_SP(k, KEY_DOWN) && fl->review_top < n - 1) {
			fl->review_top++;
			return UI_HANDLED;
		}
		if (UK_IS_SP(k, KEY_UP) && fl->review_top > 0) {
			fl->review_top--;
			return UI_HANDLED;
		}
		for (int i = 0; i < n && k->type == UK_CHAR; i++)
			if (scr_flow_review_key(i) == (wchar_t)k->ch) {
				fl->page = scr_flow_item_page(items[i]);
				if (items[i] == FI_DOC0)
					scr_flow_focus_first(fl);
				else
					fl->focus = items[i];
				return UI_HANDLED;
			}
		return k->type == UK_ESC ? 0 : UI_HANDLED;
	}
	if (UK_IS_FN(k, 10)) {
		/* Straight to the review when every page is in order. */
		scr_flow_leave_item(ui, fl);
		while (fl->page != PG_REVIEW) {
			int before = fl->page;

			scr_flow_next_page(ui, fl);
			if (fl->page == before)
				break;
		}
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_NPAGE) || UK_IS_FN(k, 8)) {
		scr_flow_next_page(ui, fl);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_PPAGE) || UK_IS_FN(k, 7)) {
		scr_flow_prev_page(ui, fl);
		return UI_HANDLED;
	}
	if (UK_IS(k, UI_KEY_TAB) || UK_IS(k, UI_KEY_ENTER) || UK_IS_SP(k, KEY_DOWN)) {
		scr_flow_leave_item(ui, fl);
		if (!scr_flow_focus_move(fl, +1) && UK_IS(k, UI_KEY_ENTER))
			scr_flow_next_page(ui, fl);
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_BTAB) || UK_IS_SP(k, KEY_UP)) {
		scr_flow_leave_item(ui, fl);
		scr_flow_focus_move(fl, -1);
		return UI_HANDLED;
	}
	if (id < 0 || fl->it[id].readonly)
		return k->type == UK_ESC ? 0 : UI_HANDLED;
	if (id >= FI_DOC0) {
		if (UK_IS(k, ' ')) {
			/* ticked, and on to the next paper handed over */
			fl->it[id].choice = !fl->it[id].choice;
			scr_flow_answered(fl);
			scr_flow_build(ui, fl);
			scr_flow_focus_move(fl, +1);
		}
		return k->type == UK_ESC ? 0 : UI_HANDLED;
	}
	if (flow_defs[id].kind == IK_CHOICE) {
		if (scr_flow_foreign_key(fl, id, k))
			return UI_HANDLED;
		if (scr_flow_choice_key(fl, id, k)) {
			scr_flow_answered(fl);
			fl->it[id].error[0] = '\0';
			fl->nerrors = scr_flow_count_errors(fl);
			return UI_HANDLED;
		}
		return k->type == UK_ESC ? 0 : UI_HANDLED;
	}
	/* → at the end of the road completes it to the first road recorded
	 * that begins with what is typed */
	if (id == FI_ADDR_ROAD && UK_IS_SP(k, KEY_RIGHT) &&
	    fl->it[id].field.cur == fl->it[id].field.len && fl->roads.n > 0) {
		char now[ADDRESS_ROAD_MAX];

		scr_flow_text(fl, id, now, sizeof now);
		if (strcmp(now, fl->roads.items[0]) != 0) {
			ui_field_set(&fl->it[id].field, fl->roads.items[0]);
			scr_flow_answered(fl);
			return UI_HANDLED;
		}
	}
	{
		unsigned edits = fl->it[id].field.edits;

		if (ui_field_key(&fl->it[id].field, k)) {
			if (fl->it[id].field.edits != edits) {   /* not a mere cursor move */
				scr_flow_answered(fl);
				scr_flow_id_complete(ui, fl, id, k);
			}
			return UI_HANDLED;
		}
	}
	return 0;
}

static int
scr_flow_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct flow *fl = sc->data;
	int          before = fl->focus, advanced = fl->advanced_to, r;

	fl->advanced_to = -1;
	if (advanced >= 0 && advanced == fl->focus && fl->page != PG_REVIEW &&
	    (UK_IS(k, UI_KEY_ENTER) || UK_IS(k, UI_KEY_TAB)))
		return UI_HANDLED;   /* the ID number's own Enter: the focus moved already */
	r = scr_flow_key_focused(ui, fl, k);

	if (fl->focus != before)
		fl->arrived = -1;   /* the next choice focused starts afresh */
	return r;
}

/* ---- the mode ---- */

static int
scr_flow_init(struct ui *ui, struct screen *sc, void *arg)
{
	const struct flow_start *fs = arg;
	struct flow             *fl = sc->data;

	fl->biz = fs->business;
	{
		char district[ADDRESS_DISTRICT_LEN];
		int  i;

		snprintf(district, sizeof district, "%.6s", ui->actor.centre);
		flow_nstreets = (int)service_streets(ui->svc, district, flow_street_rows,
		    FLOW_STREETS_MAX);
		for (i = 0; i < flow_nstreets; i++) {
			flow_streets[i].code = flow_street_rows[i].code;
			flow_streets[i].zh = flow_street_rows[i].name_zh;
			flow_streets[i].en = flow_street_rows[i].name_zh;
		}
	}
	for (int id = 0; id < FI__COUNT; id++) {
		if (id < FI_DOC0 && flow_defs[id].kind == IK_TEXT)
			ui_field_init(&fl->it[id].field, flow_defs[id].fkind, flow_defs[id].maxchars);
		else if (id < FI_DOC0)
			fl->it[id].choice = flow_defs[id].dflt;
	}
	if (fs->id_number != NULL) {
		ui_field_set(&fl->it[FI_IDNUM].field, fs->id_number);
		scr_flow_lookup(ui, fl);
	}
	scr_flow_build(ui, fl);
	fl->page = PG_APPLICANT;
	fl->arrived = -1;
	fl->advanced_to = -1;
	scr_flow_focus_first(fl);
	if (fs->id_number != NULL && fl->known)
		scr_flow_focus_unanswered(fl);
	return 0;
}

static void
scr_flow_free(void *data)
{
	struct flow *fl = data;

	if (fl->have_person)
		service_person_free(&fl->person);
	service_road_list_free(&fl->roads);
}

static bool
scr_flow_dirty(struct ui *ui, struct screen *sc)
{
	struct flow *fl = sc->data;

	(void)ui;
	return fl->changed;
}

static const char *
scr_flow_title(struct ui *ui, struct screen *sc)
{
	struct flow *fl = sc->data;

	(void)ui;
	snprintf(fl->title, sizeof fl->title, "%s", ui_msg_vocab(&case_business_vocab[fl->biz]));
	return fl->title;
}

/* F10 names what it will do: go to the review, or (there) accept, refuse or
 * record the missing documents. */
static enum msg_id
scr_flow_fkey_label(struct ui *ui, struct screen *sc, int fn, enum msg_id dflt)
{
	struct flow *fl = sc->data;

	(void)ui;
	if (fn == 7 && fl->page == PG_APPLICANT)
		return M_NONE;
	if (fn == 8 && fl->page == PG_REVIEW)
		return M_NONE;
	if (fn != 10)
		return dflt;
	if (fl->page != PG_REVIEW)
		return M_FK_REVIEW;
	switch (fl->d.verdict) {
	case VERDICT_ACCEPT:     return M_FK_ACCEPT;
	case VERDICT_REFUSE:     return M_FK_REFUSE;
	default:                 return M_FK_INCOMPLETE;
	}
}

const struct screen_mode scr_flow_mode = {
	.name = "flow",
	.title = M_APP_TITLE,
	.help = M_HELP_FLOW,
	.size = sizeof(struct flow),
	.init = scr_flow_init,
	.draw = scr_flow_draw,
	.key = scr_flow_key,
	.free = scr_flow_free,
	.fkeys = { { 7, M_FK_PREV }, { 8, M_FK_NEXT }, { 10, M_FK_ACCEPT } },
	.fkey_label = scr_flow_fkey_label,
	.dirty = scr_flow_dirty,
	.title_fn = scr_flow_title,
};
