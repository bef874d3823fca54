/*
 * rules.c: the policy of RULES.md (see rules.h).
 *
 * Each rule is written once, in a function named after its id, that decides
 * whether the rule applies to the case and, if so, records its outcome with
 * the facts behind it. Every applicable rule runs whatever the others found,
 * so that a refused applicant hears every failure and every missing document
 * at once. The catalogue (titles, citations) and the messages are tables
 * below, keyed by rule id, and are the only place the policy's words live.
 *
 * Evaluation is in two passes because the decision feeds back into two
 * rules: the verdict decides whether a card date is computed at all, and
 * CAL-1 is judged only when working days were counted for it.
 *
 * No I/O here.
 */
#include "jzz/rules.h"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "jzz/idnum.h"

/* ------------------------------------------------------------------------
 * The catalogue.
 */

const struct rule_def rules_catalogue[R__COUNT] = {
	{ R_CHAN_1, "CHAN-1", "业务办理渠道", "Business offered on this channel",
	  "（一）线下申报 ……（二）线上申报 …… 目前未开通网上签注业务", false },
	{ R_ELIG_1, "ELIG-1", "非本市户籍", "Not a Shanghai household",
	  "居住证办理对象是境内来沪人员", false },
	{ R_ELIG_2, "ELIG-2", "在本市实际居住", "Actually lives in Shanghai",
	  "不在本市实际居住的，不能申办《上海市居住证》", false },
	{ R_ID_1, "ID-1", "本人身份证件", "Identity document at the counter and kiosk",
	  "线下到社区事务受理服务中心办理的 …… 提供本人居民身份证或者户口簿", false },
	{ R_ID_2, "ID-2", "不适用电子亮证", "No electronic ID",
	  "居住证办理中不适用电子亮证", false },
	{ R_ID_3, "ID-3", "公民身份号码有效", "Valid ID number",
	  "GB 11643-1999 公民身份号码", false },
	{ R_HOUSE_1, "HOUSE-1", "在沪合法居住证明", "Proof of legal residence",
	  "提供以下在沪合法居住证明 …… 一致的无需提交", false },
	{ R_HOUSE_2, "HOUSE-2", "近亲属关系证明", "Near relative's home needs proof of kinship",
	  "居住在近亲属自购或者租赁住房的，还应当提供相应的近亲属关系证明（可用“亲属关系承诺书”代替）", false },
	{ R_HOUSE_3, "HOUSE-3", "近亲属范围", "Only near relatives count",
	  "近亲属包括配偶、父母子女、祖父母、外祖父母、孙子女、外孙子女、同胞兄弟姐妹", false },
	{ R_HOUSE_4, "HOUSE-4", "居住用途住房", "Residential use only",
	  "办理居住登记、居住证必须为居住用途的住房 …… 房屋的“居住”用途以产证载明的为准", false },
	{ R_HOUSE_5, "HOUSE-5", "居住物业管理区域不得用作集体宿舍", "No dormitories in managed residential estates",
	  "居住物业管理区域内的居住房屋，不得出租用作单位的集体宿舍（《上海市居住房屋租赁管理办法》第十一条）", false },
	{ R_HOUSE_6, "HOUSE-6", "单位房屋须租赁给个人", "Unit housing must be leased to an individual",
	  "单位房屋为公有产权，必须租赁给个人后才可以办理 …… 个人则不可租赁给单位办证", false },
	{ R_AGENT_1, "AGENT-1", "未成年人由监护人代办", "Minors must be represented",
	  "未满16周岁的未成年人，应当由监护人代为申报 …… 需同时提供监护人的居民身份证和监护关系证明材料", false },
	{ R_AGENT_2, "AGENT-2", "老年人、残疾人可由近亲属代办", "Who else may be represented",
	  "行动不便的老年人（满65周岁及以上）、残疾人，可以由近亲属代为申报 …… 同时提供受托人的居民身份证和委托书。残疾人的，应同时提供相应的残疾人证", false },
	{ R_AGENT_3, "AGENT-3", "其他人员本人办理", "No other representation",
	  "（代办仅限未成年人、行动不便的老年人和残疾人）", false },
	{ R_CAL_1, "CAL-1", "已公布的节假日安排", "Published schedules only",
	  "国务院办公厅关于节假日安排的通知", false },
	{ R_REG_1, "REG-1", "填写《居住登记信息表》", "Counter form",
	  "线下到社区事务受理服务中心办理的 …… 还须填写《居住登记信息表》", false },
	{ R_REG_2, "REG-2", "居住登记有效期一年", "Validity one year",
	  "居住登记有效期一年 …… 逾期须重新办理", false },
	{ R_REG_3, "REG-3", "登记满六个月", "Six months before a permit",
	  "申报满六个月可以申领上海市居住证", false },
	{ R_PERMIT_1, "PERMIT-1", "填写《上海市居住证申请表》", "Counter form",
	  "线下到社区事务受理服务中心办理的 …… 还须填写《上海市居住证申请表》", false },
	{ R_PERMIT_2, "PERMIT-2", "办理时限15个工作日", "Processing time",
	  "自受理之日起15个工作日。信息材料流转2个工作日，审核6个工作日，制证7个工作日", false },
	{ R_PERMIT_3, "PERMIT-3", "领证通知", "Pickup notice",
	  "社区事务受理服务中心收到制作完成的《上海市居住证》后，会在2个工作日内通知申请人领取", true },
	{ R_PERMIT_4, "PERMIT-4", "领证", "Pickup",
	  "申请人领证时应交回《上海市居住证受理回执》，并出示本人有效居民身份证", false },
	{ R_PERMIT_5, "PERMIT-5", "邮政快递送证", "Postal delivery",
	  "也可选择邮政快递送证上门（快递费15元，货到付款，仅限本市范围）", false },
	{ R_PERMIT_6, "PERMIT-6", "工本费", "Fees",
	  "首次申领《上海市居住证》，免收工本费。因个人原因重新申领或者补领《居住证》的 …… 收取证件工本费20元，并出具全市统一的定额收据", false },
	{ R_PERMIT_7, "PERMIT-7", "居住证新办快证", "Fast-track new permit",
	  "因求学、考试、就医等急需使用居住证的，可以申请居住证新办快证业务 …… 只要7个工作日即可拿到居住证", false },
	{ R_PERMIT_8, "PERMIT-8", "居住证补办（领）快证", "Fast-track replacement",
	  "如果居住证遗失，因求学、考试、就医等急需使用居住证的，可以申请居住证补办（领）快证业务。符合条件的，当场即可补领新的居住证", false },
	{ R_PERMIT_9, "PERMIT-9", "有效期与签注", "Validity and endorsement",
	  "居住证有效期一年，需要每年签注一次，逾期将被禁用，不会被注销", true },
	{ R_PERMIT_10, "PERMIT-10", "居住证注销", "Cancellation",
	  "持证人实际不在本市居住或用虚假材料骗领居住证的，居住证会被注销", true },
	{ R_PERMIT_11, "PERMIT-11", "须持有居住证", "An existing permit",
	  "（补领、重新申领、签注、卡面更新以持有未注销的居住证为前提）", false },
	{ R_PERMIT_12, "PERMIT-12", "一人一证", "One permit per person",
	  "首次申领《上海市居住证》（已持证的应办理补领、重新申领或签注）", false },
	{ R_ENDO_1, "ENDO-1", "签注仅限窗口", "Counter only",
	  "因涉及卡面有效期限变更，目前未开通网上签注业务", false },
	{ R_ENDO_2, "ENDO-2", "签注期限", "Window",
	  "持证人应当在《上海市居住证》有效期限届满之前的30日内或逾期后的60日内 …… 办理签注手续", false },
	{ R_ENDO_3, "ENDO-3", "逾期签注", "Late endorsement",
	  "逾期60日后补办签注手续的，居住证持有人在本市的居住年限清零，自补办签注手续之日起重新计算", false },
	{ R_ENDO_4, "ENDO-4", "签注时住址变更", "Address changed",
	  "签注时申请人现居住地址与登记地址不一致的，应当同时提供相应的住所证明材料", false },
	{ R_ENDO_5, "ENDO-5", "自动签注", "Auto-endorsement",
	  "无论居住证自动签注是否通过，均会有提醒短信 …… 一般在居住证有效期限截止日前30日内（含当天）完成", true },
	{ R_ENDO_6, "ENDO-6", "卡面有效期限更新", "Card face update",
	  "已通过自动签注，但卡面有效期限没有更新 …… 可以到就近街道社区事务受理服务中心办理卡面有效期限更新", true },
	{ R_CHANGE_1, "CHANGE-1", "30日内办理信息变更", "Thirty days",
	  "持证人的居住地住址等登记信息发生变化的，应当在30日内持相关材料到社区事务受理服务中心办理信息变更手续", false },
	{ R_KIOSK_1, "KIOSK-1", "自助机办理范围", "What a kiosk does",
	  "（自助机）仅限新办，不可补办，无需工本费 …… 亦可受理居住登记申报，居住证卡面擦写业务", false },
	{ R_KIOSK_2, "KIOSK-2", "自助机即申即批条件", "Instant approval conditions",
	  "申报居住登记满半年，且居住登记地址未发生变更 …… 要求居住地址不变(且必须实际在住) …… 办理居住证时基本信息要与办居住登记时一致", false },
};

/* ------------------------------------------------------------------------
 * Reason codes (rule_result.detail) of the rules that can fail or warn in
 * more than one way.
 */
enum { AGENT1_NO_AGENT, AGENT1_NOT_GUARDIAN };
enum { AGENT2_NOT_RELATIVE, AGENT2_NOT_NEAR };
enum { REG3_TOO_EARLY, REG3_NO_REGISTRATION };
enum { KIOSK2_REG3 = 1, KIOSK2_ADDRESS = 2, KIOSK2_NOT_RESIDENT = 4, KIOSK2_INFO = 8 };
enum { HOUSE3_NO_RELATION, HOUSE3_NOT_NEAR };
enum { PERMIT6_FREE_FIRST, PERMIT6_FEE, PERMIT6_FREE_FAULT };
enum { HOUSE1_UNDESCRIBED = 255 - 1 };   /* beyond every tenure code */

/* ------------------------------------------------------------------------
 * Evaluation.
 */

struct rules_ctx {
	const struct jzz_case  *c;
	const struct calendar  *cal;
	uint64_t                applied;        /* bit per rule id: slot[id] is set */
	struct rule_result      slot[R__COUNT]; /* by id; valid only where applied */
	struct idnum            app;
	int                     age;            /* -1: unknown (ID-3 failed on the birth date) */
	bool                    house;          /* HOUSE-1..6 apply */
};

static bool
rules_has(const struct rules_ctx *x, enum jzz_doc doc)
{
	return (x->c->documents & DOCBIT(doc)) != 0;
}

static struct rule_result *
rules_set(struct rules_ctx *x, enum rule_id id, enum rule_outcome out)
{
	struct rule_result *r = &x->slot[id];

	/* Slots are written when a rule applies, never cleared in bulk: a
	 * decision touches a dozen of the forty. */
	if (!(x->applied & ((uint64_t)1 << id))) {
		x->applied |= (uint64_t)1 << id;
		*r = (struct rule_result){ .rule = (uint8_t)id, .date = JZZ_DATE_NONE };
	}
	r->outcome = (uint8_t)out;
	return r;
}

static enum rule_outcome
rules_outcome(const struct rules_ctx *x, enum rule_id id)
{
	return x->applied & ((uint64_t)1 << id) ? (enum rule_outcome)x->slot[id].outcome : OUT_NA;
}

/* Records `id` as pass, or as missing the documents of `need` not handed
 * over. Returns the result for callers that add facts. */
static struct rule_result *
rules_need(struct rules_ctx *x, enum rule_id id, jzz_docset need)
{
	jzz_docset          lack = need & ~x->c->documents;
	struct rule_result *r = rules_set(x, id, lack ? OUT_MISSING : OUT_PASS);

	r->docs = lack;
	return r;
}

static bool
rules_is_first_permit(const struct jzz_case *c)
{
	/* REG-2, REG-3: a first permit, on the channels where it exists. */
	return (c->business == BIZ_PERMIT_NEW &&
	    (c->channel == CH_COUNTER || c->channel == CH_ONLINE)) ||
	    (c->business == BIZ_PERMIT_NEW_FAST &&
	    (c->channel == CH_COUNTER || c->channel == CH_KIOSK));
}

static bool
rules_needs_permit(enum jzz_business b)
{
	return b == BIZ_PERMIT_REPLACE || b == BIZ_PERMIT_REPLACE_FAST ||
	    b == BIZ_PERMIT_REAPPLY || b == BIZ_ENDORSEMENT || b == BIZ_CARD_UPDATE;
}

static void
rules_chan_1(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;

	if (case_business_offered(c->business, c->channel)) {
		rules_set(x, R_CHAN_1, OUT_PASS);
		return;
	}
	/* A more precise rule gives the reason: ENDO-1, KIOSK-1. */
	if (c->business == BIZ_ENDORSEMENT || c->channel == CH_KIOSK)
		return;
	r = rules_set(x, R_CHAN_1, OUT_FAIL);
	r->num = (int32_t)c->business * CH__COUNT + (int32_t)c->channel;
}

static void
rules_elig_1(struct rules_ctx *x)
{
	if (x->c->business == BIZ_CANCELLATION)
		return;
	rules_set(x, R_ELIG_1, x->c->applicant.hukou_shanghai ? OUT_FAIL : OUT_PASS);
}

static void
rules_elig_2(struct rules_ctx *x)
{
	if (x->c->business != BIZ_REGISTRATION && !case_business_is_permit(x->c->business))
		return;
	rules_set(x, R_ELIG_2, x->c->applicant.lives_in_shanghai ? OUT_PASS : OUT_FAIL);
}

static void
rules_id_1_2(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	bool                   ok;
	struct rule_result    *r;

	if ((c->channel != CH_COUNTER && c->channel != CH_KIOSK) ||
	    c->business == BIZ_CANCELLATION)
		return;
	/* The kiosk reads only the identity card. */
	ok = rules_has(x, DOC_ID_CARD) ||
	    (c->channel == CH_COUNTER && rules_has(x, DOC_HOUSEHOLD_REGISTER));
	r = rules_set(x, R_ID_1, ok ? OUT_PASS : OUT_MISSING);
	r->docs = ok ? 0 : DOCBIT(DOC_ID_CARD);
	r->detail = (uint8_t)c->channel;
	if (rules_has(x, DOC_ELECTRONIC_ID))
		rules_set(x, R_ID_2, ok ? OUT_PASS : OUT_WARN);
}

static void
rules_id_3(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;
	struct idnum           agent;
	enum idnum_error       ea, eg = IDNUM_OK;

	ea = idnum_parse(c->applicant.id_number, c->applicant.id_len, c->today, &x->app);
	if (c->has_agent)
		eg = idnum_parse(c->agent.id_number, c->agent.id_len, c->today, &agent);
	x->age = x->app.birth == JZZ_DATE_NONE ? -1 : date_age_on(x->app.birth, c->today);
	r = rules_set(x, R_ID_3, ea == IDNUM_OK && eg == IDNUM_OK ? OUT_PASS : OUT_FAIL);
	r->detail = (uint8_t)ea;
	r->num = (int32_t)eg;
	r->who = ea != IDNUM_OK ? WHO_APPLICANT : WHO_AGENT;
}

static jzz_docset
rules_house_proof(enum jzz_tenure t)
{
	switch (t) {
	case TENURE_OWN:
	case TENURE_RELATIVE_OWN:
		return DOCBIT(DOC_PROPERTY_CERTIFICATE);
	case TENURE_DORMITORY:
		return DOCBIT(DOC_DORMITORY_CERTIFICATE);
	default: /* rent, relative_rent, unit_housing */
		return DOCBIT(DOC_LEASE_FILING_CERTIFICATE);
	}
}

/* HOUSE-1 applies to a registration, to an address change, and to a permit
 * business or an endorsement when the applicant no longer lives at the
 * registered address; HOUSE-2..6 go with it. The one statement of it: the
 * contract's parser and the terminal's form ask the same. */
bool
rules_house_applies_to(enum jzz_business b, bool change_of_address, bool address_changed)
{
	switch (b) {
	case BIZ_REGISTRATION:
		return true;
	case BIZ_INFO_CHANGE:
		return change_of_address;
	default:
		return rules_asks_address_changed(b) && address_changed;
	}
}

bool
rules_asks_address_changed(enum jzz_business b)
{
	return case_business_is_permit(b) || b == BIZ_ENDORSEMENT;
}

bool
rules_asks_agent(enum jzz_business b)
{
	return b != BIZ_CANCELLATION;
}

bool
rules_asks_delivery(enum jzz_business b, enum jzz_channel ch)
{
	return b == BIZ_PERMIT_NEW || (b == BIZ_PERMIT_NEW_FAST && ch == CH_COUNTER) ||
	    b == BIZ_PERMIT_REPLACE || b == BIZ_PERMIT_REAPPLY;
}

bool
rules_asks_fast_track(enum jzz_business b, enum jzz_channel ch)
{
	return ch == CH_COUNTER && (b == BIZ_PERMIT_NEW_FAST || b == BIZ_PERMIT_REPLACE_FAST);
}

bool
rules_asks_personal_reason(enum jzz_business b)
{
	return case_business_is_permit(b) && b != BIZ_PERMIT_NEW && b != BIZ_PERMIT_NEW_FAST;
}

bool
rules_asks_change(enum jzz_business b)
{
	return b == BIZ_INFO_CHANGE;
}

bool
rules_house_asks_relation(enum jzz_tenure t)
{
	return t == TENURE_RELATIVE_OWN || t == TENURE_RELATIVE_RENT;
}

bool
rules_house_asks_managed(enum jzz_tenure t)
{
	return t == TENURE_DORMITORY;
}

bool
rules_house_asks_leased_to(enum jzz_tenure t)
{
	return t == TENURE_UNIT_HOUSING || t == TENURE_RENT || t == TENURE_RELATIVE_RENT;
}

static bool
rules_house_applies(const struct jzz_case *c)
{
	return rules_house_applies_to(c->business, c->has_change &&
	    c->change.field == CHANGE_ADDRESS, c->address_changed);
}

static void
rules_house(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	enum jzz_tenure        t = c->housing.tenure;
	bool                   relative = rules_house_asks_relation(t);
	struct rule_result    *r;

	x->house = rules_house_applies(c);
	if (!x->house)
		return;
	if (!c->has_housing) {
		/* `jzz check` refuses such a case before it gets here; a screen
		 * asking the rules half-way through a form does not. Without the
		 * housing the proof cannot be named, and nothing is accepted. */
		rules_set(x, R_HOUSE_1, OUT_MISSING)->detail = HOUSE1_UNDESCRIBED;
		return;
	}
	r = rules_need(x, R_HOUSE_1, rules_house_proof(t));
	r->detail = (uint8_t)t;

	if (relative && !rules_has(x, DOC_RELATIONSHIP_PROOF) && !rules_has(x, DOC_RELATIVE_COMMITMENT))
		rules_need(x, R_HOUSE_2, DOCBIT(DOC_RELATIONSHIP_PROOF));
	else
		rules_set(x, R_HOUSE_2, OUT_PASS)->detail = relative;

	r = rules_set(x, R_HOUSE_3, relative && !case_relation_is_near(c->housing.relation) ?
	    OUT_FAIL : OUT_PASS);
	r->detail = c->housing.relation == REL_NONE ? HOUSE3_NO_RELATION : HOUSE3_NOT_NEAR;

	r = rules_set(x, R_HOUSE_4, c->housing.use == USE_RESIDENTIAL ? OUT_PASS : OUT_FAIL);
	r->detail = (uint8_t)c->housing.use;

	rules_set(x, R_HOUSE_5, rules_house_asks_managed(t) && c->housing.managed_residential_area ?
	    OUT_FAIL : OUT_PASS);

	rules_set(x, R_HOUSE_6, rules_house_asks_leased_to(t) && c->housing.leased_to == LEASED_UNIT ?
	    OUT_FAIL : OUT_PASS);
}

/* Exactly one of AGENT-1..3 applies, chosen by the applicant's age and
 * condition on the day. A cancellation is the supervisor's act, not an
 * application by the holder: no agent rule applies to it. */
static void
rules_agent(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;

	if (x->age < 0 || !rules_asks_agent(c->business))
		return;
	if (x->age < RULES_MINOR_AGE) {
		if (c->has_agent && c->agent.kind == AGENT_GUARDIAN) {
			rules_need(x, R_AGENT_1, DOCBIT(DOC_GUARDIAN_ID) | DOCBIT(DOC_GUARDIANSHIP_PROOF));
		} else {
			r = rules_set(x, R_AGENT_1, OUT_FAIL);
			r->detail = c->has_agent ? AGENT1_NOT_GUARDIAN : AGENT1_NO_AGENT;
		}
		x->slot[R_AGENT_1].num = x->age;
		return;
	}
	if ((x->age >= RULES_ELDER_AGE && c->applicant.mobility_impaired) || c->applicant.disabled) {
		if (!c->has_agent) {
			rules_set(x, R_AGENT_2, OUT_PASS);
		} else if (c->agent.kind == AGENT_RELATIVE && case_relation_is_near(c->agent.relation)) {
			jzz_docset need = DOCBIT(DOC_AGENT_ID) | DOCBIT(DOC_POWER_OF_ATTORNEY);

			if (c->applicant.disabled)
				need |= DOCBIT(DOC_DISABILITY_CERTIFICATE);
			rules_need(x, R_AGENT_2, need)->detail = 1;
		} else {
			r = rules_set(x, R_AGENT_2, OUT_FAIL);
			r->detail = c->agent.kind == AGENT_RELATIVE ? AGENT2_NOT_NEAR : AGENT2_NOT_RELATIVE;
		}
		x->slot[R_AGENT_2].num = x->age;
		return;
	}
	if (c->has_agent)
		rules_set(x, R_AGENT_3, OUT_FAIL)->num = x->age;
}

static void
rules_reg(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;
	jzz_date               eligible;

	if (c->business == BIZ_REGISTRATION && c->channel == CH_COUNTER)
		rules_need(x, R_REG_1, DOCBIT(DOC_REGISTRATION_FORM));
	if (!rules_is_first_permit(c))
		return;
	if (!c->has_registration) {
		rules_set(x, R_REG_3, OUT_FAIL)->detail = REG3_NO_REGISTRATION;
		return;
	}
	/* REG-2: valid through registered_on + 1 year - 1 day. */
	r = rules_set(x, R_REG_2, OUT_PASS);
	r->date = date_years_end(c->registered_on, RULES_REG_VALID_YEARS);
	if (c->today > r->date)
		r->outcome = OUT_FAIL;
	/* REG-3 judges registered_on alone, expired or not. */
	eligible = date_add_months(c->registered_on, RULES_REG_WAIT_MONTHS);
	r = rules_set(x, R_REG_3, eligible <= c->today ? OUT_PASS : OUT_FAIL);
	r->detail = REG3_TOO_EARLY;
	r->date = eligible;
}

static void
rules_permit(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	enum jzz_business      b = c->business;
	struct rule_result    *r;

	if ((b == BIZ_PERMIT_NEW || b == BIZ_PERMIT_NEW_FAST || b == BIZ_PERMIT_REPLACE ||
	    b == BIZ_PERMIT_REAPPLY) && c->channel == CH_COUNTER)
		rules_need(x, R_PERMIT_1, DOCBIT(DOC_PERMIT_APPLICATION_FORM));

	if ((b == BIZ_PERMIT_NEW && (c->channel == CH_COUNTER || c->channel == CH_ONLINE)) ||
	    b == BIZ_PERMIT_REPLACE || b == BIZ_PERMIT_REAPPLY)
		rules_set(x, R_PERMIT_2, OUT_PASS)->num = RULES_PERMIT_WORKDAYS;

	if (b == BIZ_PICKUP) {
		/* The holder's card; a minor's guardian shows theirs instead. */
		jzz_docset card = x->age >= 0 && x->age < RULES_MINOR_AGE ?
		    DOCBIT(DOC_GUARDIAN_ID) : DOCBIT(DOC_ID_CARD);

		rules_need(x, R_PERMIT_4, DOCBIT(DOC_ACCEPTANCE_RECEIPT) | card);
	}

	if (rules_asks_delivery(b, c->channel)) {
		r = rules_set(x, R_PERMIT_5, c->delivery.method == DELIVERY_POST &&
		    !c->delivery.in_shanghai ? OUT_FAIL : OUT_PASS);
		r->detail = (uint8_t)c->delivery.method;
	}

	if (case_business_is_permit(b)) {
		r = rules_set(x, R_PERMIT_6, OUT_PASS);
		if (!rules_asks_personal_reason(b))
			r->detail = PERMIT6_FREE_FIRST;
		else
			r->detail = c->personal_reason ? PERMIT6_FEE : PERMIT6_FREE_FAULT;
	}

	if (b == BIZ_PERMIT_NEW_FAST && c->channel == CH_COUNTER)
		rules_need(x, R_PERMIT_7, DOCBIT(DOC_FAST_TRACK_REQUEST))->num = RULES_FAST_WORKDAYS;
	if (b == BIZ_PERMIT_REPLACE_FAST)
		rules_need(x, R_PERMIT_8, DOCBIT(DOC_FAST_TRACK_REQUEST));

	if (rules_needs_permit(b))
		rules_set(x, R_PERMIT_11, c->has_permit ? OUT_PASS : OUT_FAIL);
	if (b == BIZ_PERMIT_NEW || b == BIZ_PERMIT_NEW_FAST)
		rules_set(x, R_PERMIT_12, c->has_permit ? OUT_FAIL : OUT_PASS);
}

static void
rules_endo(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;
	jzz_date               opens;

	if (c->business != BIZ_ENDORSEMENT)
		return;
	rules_set(x, R_ENDO_1, c->channel == CH_COUNTER ? OUT_PASS : OUT_FAIL);
	if (c->has_permit) {
		opens = c->permit_valid_until - RULES_ENDO_WINDOW_DAYS;
		r = rules_set(x, R_ENDO_2, c->today < opens ? OUT_FAIL : OUT_PASS);
		r->date = opens;
		if (c->today > c->permit_valid_until) {
			int32_t late = c->today - c->permit_valid_until;

			r = rules_set(x, R_ENDO_3, late <= RULES_ENDO_GRACE_DAYS ? OUT_PASS : OUT_WARN);
			r->num = late;
			r->date = c->permit_valid_until;
		}
	}
	if (c->address_changed)
		rules_set(x, R_ENDO_4, OUT_PASS);
}

static void
rules_change(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	struct rule_result    *r;
	int32_t                days;

	if (!rules_asks_change(c->business) || !c->has_change)
		return;
	days = c->today - c->change.changed_on;
	r = rules_set(x, R_CHANGE_1, days > RULES_CHANGE_DAYS ? OUT_WARN : OUT_PASS);
	r->num = days;
	r->date = c->change.changed_on;
	r->detail = (uint8_t)c->change.field;
}

static void
rules_kiosk(struct rules_ctx *x)
{
	const struct jzz_case *c = x->c;
	unsigned               why = 0;
	struct rule_result    *r;

	if (c->channel != CH_KIOSK)
		return;
	r = rules_set(x, R_KIOSK_1, case_business_offered(c->business, CH_KIOSK) ? OUT_PASS : OUT_FAIL);
	r->num = (int32_t)c->business;
	if (c->business != BIZ_PERMIT_NEW_FAST)
		return;
	if (rules_outcome(x, R_REG_3) == OUT_FAIL)
		why |= KIOSK2_REG3;
	if (c->address_changed)
		why |= KIOSK2_ADDRESS;
	if (!c->applicant.lives_in_shanghai)
		why |= KIOSK2_NOT_RESIDENT;
	if (!c->has_kiosk || !c->kiosk_info_matches_registration)
		why |= KIOSK2_INFO;
	rules_set(x, R_KIOSK_2, why ? OUT_FAIL : OUT_PASS)->detail = (uint8_t)why;
}

/* Card dates for an accepted permit business, and CAL-1 with them. */
static void
rules_ready(struct rules_ctx *x, struct jzz_decision *d)
{
	const struct jzz_case *c = x->c;
	enum jzz_business      b = c->business;
	int                    workdays = 0, unloaded = 0;
	struct rule_result    *r;

	if (!case_business_is_permit(b))
		return;
	if (b == BIZ_PERMIT_REPLACE_FAST || (b == BIZ_PERMIT_NEW_FAST && c->channel == CH_KIOSK)) {
		d->ready_on = c->today;   /* PERMIT-8, KIOSK-2: on the spot */
		return;
	}
	workdays = b == BIZ_PERMIT_NEW_FAST ? RULES_FAST_WORKDAYS : RULES_PERMIT_WORKDAYS;
	d->ready_on = calendar_add_workdays(x->cal, c->today, workdays, &unloaded);
	if (workdays == RULES_PERMIT_WORKDAYS) {
		d->has_milestones = true;
		d->transferred = calendar_add_workdays(x->cal, c->today, RULES_PERMIT_TRANSFER_DAYS, NULL);
		d->reviewed = calendar_add_workdays(x->cal, c->today, RULES_PERMIT_REVIEW_DAYS, NULL);
		d->made = d->ready_on;
	}
	r = rules_set(x, R_CAL_1, unloaded ? OUT_WARN : OUT_PASS);
	r->num = unloaded;
	r->date = d->ready_on;
}

void
rules_evaluate(const struct jzz_case *c, const struct calendar *cal, struct jzz_decision *d)
{
	struct rules_ctx x;
	bool             fail = false, missing = false;

	x.c = c;
	x.cal = cal;
	x.applied = 0;
	x.age = -1;
	x.house = false;

	/* Everything but the results array, which is filled below. */
	memset(d, 0, offsetof(struct jzz_decision, results));
	memset((char *)d + offsetof(struct jzz_decision, missing_documents), 0,
	    sizeof *d - offsetof(struct jzz_decision, missing_documents));
	d->ready_on = d->transferred = d->reviewed = d->made = JZZ_DATE_NONE;
	d->eligible_from = d->window_opens = d->new_valid_until = JZZ_DATE_NONE;

	/* ID-3 first: the agent rules and PERMIT-4 need the age it finds. */
	rules_id_3(&x);
	rules_chan_1(&x);
	rules_elig_1(&x);
	rules_elig_2(&x);
	rules_id_1_2(&x);
	rules_house(&x);
	rules_agent(&x);
	rules_reg(&x);
	rules_permit(&x);
	rules_endo(&x);
	rules_change(&x);
	rules_kiosk(&x);

	for (uint64_t m = x.applied; m != 0; m &= m - 1) {
		const struct rule_result *r = &x.slot[__builtin_ctzll(m)];

		fail |= r->outcome == OUT_FAIL;
		if (r->outcome == OUT_MISSING) {
			missing = true;
			d->missing_documents |= r->docs;
		}
	}
	d->verdict = fail ? VERDICT_REFUSE : missing ? VERDICT_INCOMPLETE : VERDICT_ACCEPT;
	if (rules_outcome(&x, R_REG_3) == OUT_FAIL && x.slot[R_REG_3].date != JZZ_DATE_NONE)
		d->eligible_from = x.slot[R_REG_3].date;
	if (rules_outcome(&x, R_ENDO_2) == OUT_FAIL)
		d->window_opens = x.slot[R_ENDO_2].date;

	if (d->verdict == VERDICT_ACCEPT) {
		rules_ready(&x, d);
		if (c->business == BIZ_ENDORSEMENT && c->has_permit) {
			/* ENDO-3: on time or within 60 days, the old validity goes
			 * on a year; later, a year from the day of endorsement. */
			if (c->today <= c->permit_valid_until + RULES_ENDO_GRACE_DAYS)
				d->new_valid_until = date_add_years(c->permit_valid_until, 1);
			else
				d->new_valid_until = date_years_end(c->today, 1);
			d->residence_years_reset = rules_outcome(&x, R_ENDO_3) == OUT_WARN;
		}
		if (rules_outcome(&x, R_PERMIT_6) == OUT_PASS && x.slot[R_PERMIT_6].detail == PERMIT6_FEE)
			d->fee_yuan = RULES_CARD_FEE_YUAN;
		if (rules_outcome(&x, R_PERMIT_5) == OUT_PASS && c->delivery.method == DELIVERY_POST)
			d->cod_fee_yuan = RULES_COD_FEE_YUAN;
	}

	/* Bit order is catalogue order. */
	for (uint64_t m = x.applied; m != 0; m &= m - 1)
		d->results[d->nresults++] = x.slot[__builtin_ctzll(m)];
	d->applicant_birth = x.app.birth;
	d->applicant_age = x.age;
}

const struct rule_result *
rules_find(const struct jzz_decision *d, enum rule_id id)
{
	for (int i = 0; i < d->nresults; i++)
		if (d->results[i].rule == id)
			return &d->results[i];
	return NULL;
}

/* ------------------------------------------------------------------------
 * Codes.
 */

const char *
rules_code(enum rule_id id)
{
	return id < R__COUNT ? rules_catalogue[id].code : "?";
}

int
rules_from_code(const char *code)
{
	for (int i = 0; i < R__COUNT; i++)
		if (strcmp(rules_catalogue[i].code, code) == 0)
			return i;
	return -1;
}

/* The outcomes and the verdicts, each code with its names once: decisions,
 * the store and the reports read them from here. */
const struct vocab rules_outcome_vocab[OUT__COUNT] = {
	[OUT_NA] = { "n/a", "不适用", "not applicable" },
	[OUT_PASS] = { "pass", "符合", "pass" },
	[OUT_FAIL] = { "fail", "不符", "fail" },
	[OUT_MISSING] = { "missing", "缺材料", "missing documents" },
	[OUT_WARN] = { "warn", "提示", "warning" },
};

const struct vocab rules_verdict_vocab[VERDICT__COUNT] = {
	[VERDICT_ACCEPT] = { "accept", "受理", "accepted" },
	[VERDICT_INCOMPLETE] = { "incomplete", "材料不全", "incomplete" },
	[VERDICT_REFUSE] = { "refuse", "不予受理", "refused" },
};

const char *
rules_outcome_code(enum rule_outcome o)
{
	return o < OUT__COUNT ? rules_outcome_vocab[o].code : "?";
}

const char *
rules_verdict_code(enum verdict v)
{
	return v < VERDICT__COUNT ? rules_verdict_vocab[v].code : "?";
}

const char *
rules_verdict_zh(enum verdict v)
{
	return v < VERDICT__COUNT ? rules_verdict_vocab[v].zh : "?";
}

/* ------------------------------------------------------------------------
 * Messages. One entry per (rule, outcome, detail), the first match wins and
 * detail 255 matches any. In the text: $D the result's date, $N its number,
 * $M its documents, $B/$C the business and channel (CHAN-1), $K the business
 * (KIOSK-1), $R a reason composed by the renderer (ID-3, KIOSK-2).
 */

#define ANY 255

struct rules_msg {
	uint8_t     rule, outcome, detail;
	const char *zh, *en;
};

static const struct rules_msg rules_msgs[] = {
	{ R_CHAN_1, OUT_PASS, ANY, "本渠道可办理此业务", "This business is offered on this channel" },
	{ R_CHAN_1, OUT_FAIL, ANY, "$B不能通过$C办理，请到社区事务受理服务中心窗口办理",
	  "$B is not offered $C; please apply at a service centre counter" },
	{ R_ELIG_1, OUT_PASS, ANY, "申请人非本市户籍", "The applicant's household is not registered in Shanghai" },
	{ R_ELIG_1, OUT_FAIL, ANY, "本市户籍人员不能办理居住登记和居住证",
	  "Holders of a Shanghai household registration cannot apply for residence registration or a residence permit" },
	{ R_ELIG_2, OUT_PASS, ANY, "申请人在本市实际居住", "The applicant actually lives in Shanghai" },
	{ R_ELIG_2, OUT_FAIL, ANY, "不在本市实际居住的，不能申办居住登记和《上海市居住证》，可在实际居住地申领当地居住证",
	  "Someone who does not actually live in Shanghai cannot register or apply for the permit; they may apply where they live" },
	{ R_ID_1, OUT_PASS, ANY, "已出示本人身份证件", "The applicant's identity document was shown" },
	{ R_ID_1, OUT_MISSING, CH_KIOSK, "自助机须读取本人居民身份证",
	  "The kiosk needs the applicant's resident identity card" },
	{ R_ID_1, OUT_MISSING, ANY, "请出示本人居民身份证或者户口簿",
	  "Please show the applicant's resident identity card or household register" },
	{ R_ID_2, OUT_PASS, ANY, "已出示有效证件（电子亮证不作为身份证件）",
	  "A valid document was shown (the electronic ID does not count)" },
	{ R_ID_2, OUT_WARN, ANY, "居住证办理中不适用电子亮证，请出示实体证件",
	  "The electronic ID cannot be used for residence permits; the physical document is needed" },
	{ R_ID_3, OUT_PASS, ANY, "公民身份号码有效", "The ID number is valid" },
	{ R_ID_3, OUT_FAIL, ANY, "公民身份号码无效：$R", "Invalid ID number: $R" },
	{ R_HOUSE_1, OUT_PASS, ANY, "已提供在沪合法居住证明", "Proof of legal residence provided" },
	{ R_HOUSE_1, OUT_MISSING, HOUSE1_UNDESCRIBED, "请说明现居住房屋情况（权属、用途）并提供相应的在沪合法居住证明",
	  "Describe the current home (tenure, use) and bring the matching proof of legal residence" },
	{ R_HOUSE_1, OUT_MISSING, ANY, "请提供在沪合法居住证明：$M", "Proof of legal residence needed: $M" },
	{ R_HOUSE_2, OUT_PASS, 0, "本人住房，无需近亲属关系证明", "Not a relative's home: no proof of kinship needed" },
	{ R_HOUSE_2, OUT_PASS, ANY, "已提供近亲属关系证明或亲属关系承诺书", "Proof of kinship provided" },
	{ R_HOUSE_2, OUT_MISSING, ANY, "居住在近亲属住房的，请提供近亲属关系证明（可用亲属关系承诺书代替）",
	  "Living in a near relative's home: proof of kinship needed (a kinship commitment letter may replace it)" },
	{ R_HOUSE_3, OUT_PASS, ANY, "住房权属关系符合要求", "The housing relation is acceptable" },
	{ R_HOUSE_3, OUT_FAIL, HOUSE3_NO_RELATION, "未说明与房屋权利人的亲属关系；仅近亲属住房可用，否则须提供本人名下的证明",
	  "No relation to the owner or tenant given; only a near relative's home counts, otherwise a proof in the applicant's own name is needed" },
	{ R_HOUSE_3, OUT_FAIL, ANY, "该亲属不属于近亲属（配偶、父母子女、祖父母、外祖父母、孙子女、外孙子女、同胞兄弟姐妹），须提供本人名下的证明",
	  "This relative is not a near relative (spouse, parent, child, grandparent, grandchild, sibling); a proof in the applicant's own name is needed" },
	{ R_HOUSE_4, OUT_PASS, ANY, "房屋为居住用途", "The property is for residential use" },
	{ R_HOUSE_4, OUT_FAIL, ANY, "房屋用途非居住（以产证载明为准），不能办理居住登记和居住证",
	  "The property's certified use is not residential; it cannot be used for registration or a permit" },
	{ R_HOUSE_5, OUT_PASS, ANY, "不涉及居住物业管理区域内的集体宿舍", "Not a dormitory in a managed residential estate" },
	{ R_HOUSE_5, OUT_FAIL, ANY, "居住物业管理区域内的居住房屋不得用作单位集体宿舍",
	  "Homes in a managed residential estate may not be used as a unit's dormitory" },
	{ R_HOUSE_6, OUT_PASS, ANY, "租赁对象符合要求", "The lease is to an individual" },
	{ R_HOUSE_6, OUT_FAIL, ANY, "房屋须租赁给个人后方可办理，租赁给单位的不能办证",
	  "The home must be leased to the applicant as an individual; a lease to a unit cannot be used" },
	{ R_AGENT_1, OUT_PASS, ANY, "未满16周岁，由监护人代为申报，材料齐全",
	  "Under 16, represented by a guardian with the documents needed" },
	{ R_AGENT_1, OUT_MISSING, ANY, "未满16周岁，由监护人代为申报，请提供：$M",
	  "Under 16, represented by a guardian: please bring $M" },
	{ R_AGENT_1, OUT_FAIL, AGENT1_NOT_GUARDIAN, "未满16周岁（$N周岁），只能由监护人代为申报",
	  "Under 16 (aged $N): only a guardian may apply on the applicant's behalf" },
	{ R_AGENT_1, OUT_FAIL, ANY, "未满16周岁（$N周岁），应当由监护人代为申报，并提供监护人居民身份证和监护关系证明",
	  "Under 16 (aged $N): a guardian must apply, with the guardian's ID card and proof of guardianship" },
	{ R_AGENT_2, OUT_PASS, 1, "由近亲属代为申报，材料齐全", "Represented by a near relative with the documents needed" },
	{ R_AGENT_2, OUT_PASS, ANY, "本人办理", "Applying in person" },
	{ R_AGENT_2, OUT_MISSING, ANY, "由近亲属代为申报，请提供：$M", "Represented by a near relative: please bring $M" },
	{ R_AGENT_2, OUT_FAIL, ANY, "行动不便的老年人、残疾人只能由近亲属代为申报",
	  "Only a near relative may represent an elderly person with impaired mobility or a disabled person" },
	{ R_AGENT_3, OUT_FAIL, ANY, "申请人（$N周岁）须本人办理，不能代办",
	  "The applicant (aged $N) must apply in person; representation is not allowed" },
	{ R_CAL_1, OUT_PASS, ANY, "工作日按已公布的节假日安排计算", "Working days counted on the published holiday schedule" },
	{ R_CAL_1, OUT_WARN, ANY, "日期为暂定：$N年节假日安排尚未载入，按周一至周五计算",
	  "Provisional: the $N holiday schedule is not loaded; Monday to Friday assumed" },
	{ R_REG_1, OUT_PASS, ANY, "已填写《居住登记信息表》", "Registration form filled in" },
	{ R_REG_1, OUT_MISSING, ANY, "请填写《居住登记信息表》", "Please fill in the registration form" },
	{ R_REG_2, OUT_PASS, ANY, "居住登记有效，有效期至$D", "The registration is valid through $D" },
	{ R_REG_2, OUT_FAIL, ANY, "居住登记已于$D到期，请重新办理居住登记",
	  "The registration expired after $D; please register again" },
	{ R_REG_3, OUT_PASS, ANY, "居住登记已满六个月", "Registered six months or more ago" },
	{ R_REG_3, OUT_FAIL, REG3_NO_REGISTRATION, "未办理居住登记，请先申报居住登记，满六个月后可申领居住证",
	  "No residence registration; please register first: the permit can be applied for six months later" },
	{ R_REG_3, OUT_FAIL, ANY, "居住登记未满六个月，$D起可申领居住证",
	  "Registered less than six months ago; eligible from $D" },
	{ R_PERMIT_1, OUT_PASS, ANY, "已填写《上海市居住证申请表》", "Permit application form filled in" },
	{ R_PERMIT_1, OUT_MISSING, ANY, "请填写《上海市居住证申请表》", "Please fill in the permit application form" },
	{ R_PERMIT_2, OUT_PASS, ANY, "自受理之日起$N个工作日制证完成", "The card is ready $N working days after acceptance" },
	{ R_PERMIT_4, OUT_PASS, ANY, "已交回受理回执并出示身份证件", "Acceptance receipt returned and identity card shown" },
	{ R_PERMIT_4, OUT_MISSING, ANY, "领证须交回受理回执并出示身份证件，请提供：$M",
	  "To collect the card, return the acceptance receipt and show the identity card: please bring $M" },
	{ R_PERMIT_5, OUT_PASS, DELIVERY_POST, "邮政快递送证，快递费15元货到付款", "Postal delivery: 15 yuan cash on delivery to the courier" },
	{ R_PERMIT_5, OUT_PASS, ANY, "窗口领取", "Pickup at the centre" },
	{ R_PERMIT_5, OUT_FAIL, ANY, "邮政快递送证仅限本市范围，请改为窗口领取或提供本市地址",
	  "Postal delivery is for Shanghai addresses only; pick the card up or give a Shanghai address" },
	{ R_PERMIT_6, OUT_PASS, PERMIT6_FEE, "因个人原因补领或重新申领，收取证件工本费20元，出具全市统一定额收据",
	  "Replacement or reapplication for personal reasons: card fee 20 yuan, with a unified fee receipt" },
	{ R_PERMIT_6, OUT_PASS, PERMIT6_FREE_FAULT, "非个人原因（证件故障），免收工本费",
	  "Not for personal reasons (card fault): no fee" },
	{ R_PERMIT_6, OUT_PASS, ANY, "首次申领，免收工本费", "First permit: no fee" },
	{ R_PERMIT_7, OUT_PASS, ANY, "快证书面申请已提供，$N个工作日出证",
	  "Written fast-track request provided; the card is ready in $N working days" },
	{ R_PERMIT_7, OUT_MISSING, ANY, "新办快证须提供本人（监护人）出具的快证书面申请",
	  "A fast-track new permit needs a written request from the applicant (or guardian)" },
	{ R_PERMIT_8, OUT_PASS, ANY, "快证书面申请已提供，当场补领", "Written fast-track request provided; the card is replaced on the spot" },
	{ R_PERMIT_8, OUT_MISSING, ANY, "补办快证须提供本人（监护人）出具的快证书面申请",
	  "A fast-track replacement needs a written request from the applicant (or guardian)" },
	{ R_PERMIT_11, OUT_PASS, ANY, "申请人持有居住证", "The applicant holds a residence permit" },
	{ R_PERMIT_11, OUT_FAIL, ANY, "申请人没有有效（未注销）的居住证，请先办理居住登记",
	  "The applicant holds no permit (or it was cancelled); start again with a residence registration" },
	{ R_PERMIT_12, OUT_PASS, ANY, "申请人尚未持有居住证", "The applicant holds no permit yet" },
	{ R_PERMIT_12, OUT_FAIL, ANY, "申请人已持有居住证，请办理补领、重新申领或签注",
	  "The applicant already holds a permit: apply for a replacement, reapplication or endorsement instead" },
	{ R_ENDO_1, OUT_PASS, ANY, "窗口办理签注", "Endorsement at the counter" },
	{ R_ENDO_1, OUT_FAIL, ANY, "签注须到社区事务受理服务中心窗口办理，未开通网上签注",
	  "Endorsement is done at a service centre counter only; there is no online endorsement" },
	{ R_ENDO_2, OUT_PASS, ANY, "在签注期限内（$D起可签注）", "Within the endorsement window (open from $D)" },
	{ R_ENDO_2, OUT_FAIL, ANY, "尚未到签注时间，$D起可办理签注",
	  "Too early to endorse; the window opens on $D" },
	{ R_ENDO_3, OUT_PASS, ANY, "居住证有效期至$D，已逾期$N日（60日内），签注后恢复使用，居住年限连续计算",
	  "The permit was valid through $D and is $N days overdue (within 60): endorsement restores it and the residence years are kept" },
	{ R_ENDO_3, OUT_WARN, ANY, "居住证有效期至$D，已逾期$N日（超过60日），签注后在本市的居住年限清零，自签注之日起重新计算",
	  "The permit was valid through $D and is $N days overdue (more than 60): the residence years restart from the day of endorsement" },
	{ R_ENDO_4, OUT_PASS, ANY, "现住址与登记地址不一致：须提供住所证明，并同时办理住址变更",
	  "The address has changed: proof of residence is needed and the change of address is recorded in the same visit" },
	{ R_CHANGE_1, OUT_PASS, ANY, "信息于$D变化，$N日内办理变更", "Change of $D reported $N days after it happened" },
	{ R_CHANGE_1, OUT_WARN, ANY, "信息于$D变化，已$N日，超过30日办理期限（逾期办理）",
	  "Change of $D reported $N days after it happened, past the 30-day limit (late)" },
	{ R_KIOSK_1, OUT_PASS, ANY, "自助机可办理此业务", "The kiosk offers this business" },
	{ R_KIOSK_1, OUT_FAIL, ANY, "自助机不能办理$K，请到社区事务受理服务中心窗口办理",
	  "The kiosk does not offer $K; please go to a service centre counter" },
	{ R_KIOSK_2, OUT_PASS, ANY, "符合自助机即申即批条件，当场出证", "Instant approval: the card is printed on the spot" },
	{ R_KIOSK_2, OUT_FAIL, ANY, "不符合自助机即申即批条件（$R），请到网点窗口按一般模式办理",
	  "Not eligible for instant approval ($R); please apply at a counter" },
};

struct rules_out {
	char  *buf;
	size_t size, len;
};

/* The next step after a refusal, for the rules whose failure says what to
 * bring instead (the deck: 必须为居住用途的住房，且有合法产权证明或租赁合同
 * 登记备案 …… 以产证载明的为准; 单位房屋 …… 必须租赁给个人后才可以办理). */
static const struct rules_next {
	uint8_t     rule;
	const char *zh, *en;
} rules_next[] = {
	{ R_HOUSE_4, "请提供产证载明为居住用途的住房的在沪合法居住证明（产权证明，或租赁合同登记备案证明），再来申请",
	  "Bring the proof of legal residence of a home whose property certificate states residential use (the property certificate, or the lease filing certificate), then apply again" },
	{ R_HOUSE_6, "请与单位重新签订租赁给本人（个人）的租赁合同并办理登记备案，持租赁合同登记备案证明再来申请；租赁给单位的不能办证",
	  "Have the unit lease the home to the applicant as an individual and file the lease, then come back with the lease filing certificate; a lease to a unit cannot be used" },
};

static void
rules_emit(struct rules_out *o, const char *s, size_t n)
{
	if (o->size == 0)
		return;
	if (o->len < o->size - 1) {
		size_t room = o->size - 1 - o->len;

		if (n > room)
			n = room;
		memcpy(o->buf + o->len, s, n);
		o->len += n;
	}
	o->buf[o->len] = '\0';
}

static void
rules_emits(struct rules_out *o, const char *s)
{
	rules_emit(o, s, strlen(s));
}

static void
rules_emit_docs(struct rules_out *o, jzz_docset docs, enum rules_lang lang)
{
	bool first = true;

	for (int i = 0; i < DOC__COUNT; i++) {
		if (!(docs & DOCBIT(i)))
			continue;
		if (!first)
			rules_emits(o, lang == LANG_ZH ? "、" : ", ");
		rules_emits(o, lang == LANG_ZH ? case_doc_vocab[i].zh : case_doc_vocab[i].en);
		first = false;
	}
}

static void
rules_emit_reason(struct rules_out *o, const struct rule_result *r, enum rules_lang lang)
{
	bool zh = lang == LANG_ZH;

	if (r->rule == R_ID_3) {
		if (r->detail != IDNUM_OK) {
			rules_emits(o, zh ? "申请人" : "applicant: ");
			rules_emits(o, zh ? idnum_error_zh(r->detail) : idnum_error_en(r->detail));
		}
		if (r->num != IDNUM_OK) {
			if (r->detail != IDNUM_OK)
				rules_emits(o, zh ? "；" : "; ");
			rules_emits(o, zh ? "代办人" : "agent: ");
			rules_emits(o, zh ? idnum_error_zh((enum idnum_error)r->num) :
			    idnum_error_en((enum idnum_error)r->num));
		}
	} else if (r->rule == R_KIOSK_2) {
		static const char *const why_zh[] = { "居住登记未满六个月", "居住地址已变更",
			"未在本市实际居住", "基本信息与居住登记时不一致" };
		static const char *const why_en[] = { "registered less than six months ago",
			"the address has changed", "not actually living in Shanghai",
			"details differ from the registration" };
		bool first = true;

		for (int i = 0; i < 4; i++) {
			if (!(r->detail & (1u << i)))
				continue;
			if (!first)
				rules_emits(o, zh ? "；" : "; ");
			rules_emits(o, zh ? why_zh[i] : why_en[i]);
			first = false;
		}
	}
}

size_t
rules_message(const struct rule_result *r, enum rules_lang lang, char *buf, size_t size)
{
	const struct rules_msg *m = NULL;
	struct rules_out        o = { buf, size, 0 };
	char                    tmp[32];
	bool                    zh = lang == LANG_ZH;
	const char             *p, *start;

	if (size > 0)
		buf[0] = '\0';
	for (size_t i = 0; i < sizeof rules_msgs / sizeof rules_msgs[0]; i++) {
		const struct rules_msg *c = &rules_msgs[i];

		if (c->rule == r->rule && c->outcome == r->outcome &&
		    (c->detail == ANY || c->detail == r->detail)) {
			m = c;
			break;
		}
	}
	if (m == NULL) {
		/* Every result the rules produce has an entry; a test keeps it so. */
		rules_emits(&o, rules_code((enum rule_id)r->rule));
		rules_emits(&o, ": ");
		rules_emits(&o, rules_outcome_code((enum rule_outcome)r->outcome));
		return o.len;
	}
	for (p = start = zh ? m->zh : m->en; *p != '\0'; p++) {
		if (*p != '$' || p[1] == '\0')
			continue;
		rules_emit(&o, start, (size_t)(p - start));
		switch (p[1]) {
		case 'D':
			date_format(r->date, tmp);
			rules_emits(&o, tmp);
			break;
		case 'N':
			snprintf(tmp, sizeof tmp, "%d", (int)r->num);
			rules_emits(&o, tmp);
			break;
		case 'M':
			rules_emit_docs(&o, r->docs, lang);
			break;
		case 'B':
		case 'K': {
			int b = p[1] == 'B' ? r->num / CH__COUNT : r->num;

			if (b >= 0 && b < BIZ__COUNT)
				rules_emits(&o, zh ? case_business_vocab[b].zh : case_business_vocab[b].en);
			break;
		}
		case 'C': {
			int ch = r->num % CH__COUNT;

			if (!zh)
				rules_emits(&o, ch == CH_ONLINE ? "online" : ch == CH_KIOSK ? "at a kiosk" : "at the counter");
			else
				rules_emits(&o, case_channel_vocab[ch].zh);
			break;
		}
		case 'R':
			rules_emit_reason(&o, r, lang);
			break;
		default:
			rules_emit(&o, p, 2);
		}
		p++;
		start = p + 1;
	}
	rules_emit(&o, start, (size_t)(p - start));
	return o.len;
}

size_t
rules_refusal_next(const struct jzz_decision *d, enum rules_lang lang, char *buf, size_t size)
{
	struct rules_out o = { buf, size, 0 };
	bool             zh = lang == LANG_ZH, any = false;

	if (size > 0)
		buf[0] = '\0';
	for (int i = 0; i < d->nresults; i++) {
		if (d->results[i].outcome != OUT_FAIL)
			continue;
		for (size_t k = 0; k < sizeof rules_next / sizeof rules_next[0]; k++) {
			if (rules_next[k].rule != d->results[i].rule)
				continue;
			if (any)
				rules_emits(&o, zh ? "；" : "; ");
			rules_emits(&o, rules_code((enum rule_id)rules_next[k].rule));
			rules_emits(&o, zh ? "：" : ": ");
			rules_emits(&o, zh ? rules_next[k].zh : rules_next[k].en);
			any = true;
		}
	}
	if (!any)
		rules_emits(&o, zh ? "按所列规则纠正后重新申请" : "Correct what the rules above say, then apply again");
	rules_emits(&o, zh ? "。" : ".");
	return o.len;
}
