/*
 * case.c: the vocabulary of RULES.md and the contract's defaults.
 *
 * Each table is indexed by its enum, so that a code, its Chinese and its
 * English name are written once and read by the parser, the store, the
 * screens and the reports alike.
 */
#include "jzz/case.h"

#include <string.h>

const struct vocab case_business_vocab[BIZ__COUNT] = {
	[BIZ_REGISTRATION] = { "registration", "居住登记申报", "residence registration" },
	[BIZ_PERMIT_NEW] = { "permit_new", "居住证新办", "new residence permit" },
	[BIZ_PERMIT_NEW_FAST] = { "permit_new_fast", "居住证新办快证", "new permit, fast track" },
	[BIZ_PERMIT_REPLACE] = { "permit_replace", "居住证补领", "permit replacement" },
	[BIZ_PERMIT_REPLACE_FAST] = { "permit_replace_fast", "居住证补办快证", "permit replacement, fast track" },
	[BIZ_PERMIT_REAPPLY] = { "permit_reapply", "居住证重新申领", "permit reapplication" },
	[BIZ_ENDORSEMENT] = { "endorsement", "居住证签注", "endorsement" },
	[BIZ_CARD_UPDATE] = { "card_update", "卡面有效期限更新", "card face update" },
	[BIZ_INFO_CHANGE] = { "info_change", "登记信息变更", "change of details" },
	[BIZ_PICKUP] = { "pickup", "领证", "card pickup" },
	[BIZ_CANCELLATION] = { "cancellation", "居住证注销", "permit cancellation" },
};

const struct vocab case_channel_vocab[CH__COUNT] = {
	[CH_COUNTER] = { "counter", "窗口", "counter" },
	[CH_ONLINE] = { "online", "一网通办", "online" },
	[CH_KIOSK] = { "kiosk", "自助机", "kiosk" },
};

const struct vocab case_doc_vocab[DOC__COUNT] = {
	[DOC_ID_CARD] = { "id_card", "居民身份证", "resident identity card" },
	[DOC_HOUSEHOLD_REGISTER] = { "household_register", "户口簿", "household register" },
	[DOC_ELECTRONIC_ID] = { "electronic_id", "电子亮证", "electronic ID" },
	[DOC_PROPERTY_CERTIFICATE] = { "property_certificate", "房地产权证明", "property certificate" },
	[DOC_LEASE_FILING_CERTIFICATE] = { "lease_filing_certificate", "房屋租赁合同登记备案证明", "lease filing certificate" },
	[DOC_DORMITORY_CERTIFICATE] = { "dormitory_certificate", "集体宿舍证明", "dormitory certificate" },
	[DOC_RELATIONSHIP_PROOF] = { "relationship_proof", "近亲属关系证明", "proof of kinship" },
	[DOC_RELATIVE_COMMITMENT] = { "relative_commitment", "亲属关系承诺书", "kinship commitment letter" },
	[DOC_REGISTRATION_FORM] = { "registration_form", "《居住登记信息表》", "registration form" },
	[DOC_PERMIT_APPLICATION_FORM] = { "permit_application_form", "《上海市居住证申请表》", "permit application form" },
	[DOC_GUARDIAN_ID] = { "guardian_id", "监护人居民身份证", "guardian's identity card" },
	[DOC_GUARDIANSHIP_PROOF] = { "guardianship_proof", "监护关系证明材料", "proof of guardianship" },
	[DOC_AGENT_ID] = { "agent_id", "受托人居民身份证", "agent's identity card" },
	[DOC_POWER_OF_ATTORNEY] = { "power_of_attorney", "委托书", "power of attorney" },
	[DOC_DISABILITY_CERTIFICATE] = { "disability_certificate", "残疾人证", "disability certificate" },
	[DOC_FAST_TRACK_REQUEST] = { "fast_track_request", "快证书面申请", "written fast-track request" },
	[DOC_ACCEPTANCE_RECEIPT] = { "acceptance_receipt", "《上海市居住证受理回执》", "acceptance receipt" },
};

const struct vocab case_tenure_vocab[TENURE__COUNT] = {
	[TENURE_OWN] = { "own", "本人自购", "own property" },
	[TENURE_RELATIVE_OWN] = { "relative_own", "近亲属自购", "near relative's property" },
	[TENURE_RENT] = { "rent", "本人租赁", "rented" },
	[TENURE_RELATIVE_RENT] = { "relative_rent", "近亲属租赁", "rented by a near relative" },
	[TENURE_DORMITORY] = { "dormitory", "单位、学校集体宿舍", "dormitory" },
	[TENURE_UNIT_HOUSING] = { "unit_housing", "单位公有产权房屋", "unit housing" },
};

const struct vocab case_use_vocab[USE__COUNT] = {
	[USE_RESIDENTIAL] = { "residential", "居住", "residential" },
	[USE_SHOP] = { "shop", "商铺", "shop" },
	[USE_OFFICE] = { "office", "办公", "office" },
	[USE_FACTORY] = { "factory", "厂房", "factory" },
	[USE_OTHER_NONRESIDENTIAL] = { "other_nonresidential", "其他非居住", "other non-residential" },
};

const struct vocab case_relation_vocab[REL__NEAR_COUNT] = {
	[REL_SPOUSE] = { "spouse", "配偶", "spouse" },
	[REL_FATHER] = { "father", "父亲", "father" },
	[REL_MOTHER] = { "mother", "母亲", "mother" },
	[REL_SON] = { "son", "儿子", "son" },
	[REL_DAUGHTER] = { "daughter", "女儿", "daughter" },
	[REL_PATERNAL_GRANDFATHER] = { "paternal_grandfather", "祖父", "paternal grandfather" },
	[REL_PATERNAL_GRANDMOTHER] = { "paternal_grandmother", "祖母", "paternal grandmother" },
	[REL_MATERNAL_GRANDFATHER] = { "maternal_grandfather", "外祖父", "maternal grandfather" },
	[REL_MATERNAL_GRANDMOTHER] = { "maternal_grandmother", "外祖母", "maternal grandmother" },
	[REL_GRANDSON] = { "grandson", "孙子", "grandson" },
	[REL_GRANDDAUGHTER] = { "granddaughter", "孙女", "granddaughter" },
	[REL_MATERNAL_GRANDSON] = { "maternal_grandson", "外孙", "maternal grandson" },
	[REL_MATERNAL_GRANDDAUGHTER] = { "maternal_granddaughter", "外孙女", "maternal granddaughter" },
	[REL_BROTHER] = { "brother", "兄弟", "brother" },
	[REL_SISTER] = { "sister", "姐妹", "sister" },
};

const struct vocab case_leased_to_vocab[LEASED__COUNT] = {
	[LEASED_INDIVIDUAL] = { "individual", "个人", "an individual" },
	[LEASED_UNIT] = { "unit", "单位", "a unit" },
};

const struct vocab case_agent_kind_vocab[AGENT__COUNT] = {
	[AGENT_GUARDIAN] = { "guardian", "监护人", "guardian" },
	[AGENT_RELATIVE] = { "relative", "近亲属", "relative" },
	[AGENT_OTHER] = { "other", "其他受托人", "other agent" },
};

const struct vocab case_fast_reason_vocab[FAST__COUNT] = {
	[FAST_STUDY] = { "study", "求学", "study" },
	[FAST_EXAM] = { "exam", "考试", "exam" },
	[FAST_MEDICAL] = { "medical", "就医", "medical care" },
	[FAST_OTHER] = { "other", "其他", "other" },
};

const struct vocab case_delivery_vocab[DELIVERY__COUNT] = {
	[DELIVERY_PICKUP] = { "pickup", "窗口领取", "pickup at the centre" },
	[DELIVERY_POST] = { "post", "邮政快递", "postal delivery" },
};

const struct vocab case_change_field_vocab[CHANGE__COUNT] = {
	[CHANGE_ADDRESS] = { "address", "居住地址", "address" },
	[CHANGE_PHONE] = { "phone", "联系电话", "phone" },
	[CHANGE_NAME] = { "name", "姓名", "name" },
	[CHANGE_OTHER] = { "other", "其他信息", "other" },
};

/* The reasons the records give (service_report_person.detail): ENDO-5's
 * batch writes address_changed or no_phone, PERMIT-9 late past ENDO-3's 60
 * days. */
const struct vocab case_reason_vocab[REASON__COUNT] = {
	[REASON_LATE] = { "late", "逾期超过60日，居住年限清零", "over 60 days late, years reset" },
	[REASON_NO_PHONE] = { "no_phone", "无联系电话", "no phone number" },
	[REASON_ADDRESS_CHANGED] = { "address_changed", "居住地址已变更", "address changed" },
};

/* How a card fee was paid: at the counter (PERMIT-6) or to the courier
 * (PERMIT-5). */
const struct vocab case_fee_kind_vocab[FEE__COUNT] = {
	[FEE_CARD] = { "card_fee", "工本费", "card fee" },
	[FEE_COD] = { "cod", "快递费（货到付款）", "postage, cash on delivery" },
};

int
case_vocab_find(const struct vocab *v, int n, const char *code, size_t len)
{
	for (int i = 0; i < n; i++)
		if (strlen(v[i].code) == len && memcmp(v[i].code, code, len) == 0)
			return i;
	return -1;
}

enum jzz_relation
case_relation_from_word(const char *word, size_t len)
{
	int r = CASE_VOCAB_FIND(case_relation_vocab, word, len);

	return r < 0 ? REL_OTHER : (enum jzz_relation)r;
}

bool
case_relation_is_near(enum jzz_relation r)
{
	return r < REL__NEAR_COUNT;
}

/* RULES.md's vocabulary table: on which channels each business exists. */
static const unsigned char case_offered[BIZ__COUNT] = {
#define ON(c) (1u << (c))
	[BIZ_REGISTRATION] = ON(CH_COUNTER) | ON(CH_ONLINE) | ON(CH_KIOSK),
	[BIZ_PERMIT_NEW] = ON(CH_COUNTER) | ON(CH_ONLINE),
	[BIZ_PERMIT_NEW_FAST] = ON(CH_COUNTER) | ON(CH_KIOSK),
	[BIZ_PERMIT_REPLACE] = ON(CH_COUNTER),
	[BIZ_PERMIT_REPLACE_FAST] = ON(CH_COUNTER),
	[BIZ_PERMIT_REAPPLY] = ON(CH_COUNTER),
	[BIZ_ENDORSEMENT] = ON(CH_COUNTER),
	[BIZ_CARD_UPDATE] = ON(CH_COUNTER) | ON(CH_KIOSK),
	[BIZ_INFO_CHANGE] = ON(CH_COUNTER),
	[BIZ_PICKUP] = ON(CH_COUNTER),
	[BIZ_CANCELLATION] = ON(CH_COUNTER),
#undef ON
};

bool
case_business_offered(enum jzz_business b, enum jzz_channel ch)
{
	return b < BIZ__COUNT && ch < CH__COUNT && (case_offered[b] & (1u << ch)) != 0;
}

bool
case_business_is_permit(enum jzz_business b)
{
	return b == BIZ_PERMIT_NEW || b == BIZ_PERMIT_NEW_FAST || b == BIZ_PERMIT_REPLACE ||
	    b == BIZ_PERMIT_REPLACE_FAST || b == BIZ_PERMIT_REAPPLY;
}

void
case_init(struct jzz_case *c)
{
	memset(c, 0, sizeof *c);
	c->today = JZZ_DATE_NONE;
	c->business = BIZ_REGISTRATION;
	c->channel = CH_COUNTER;
	c->applicant.lives_in_shanghai = true;
	c->agent.relation = REL_NONE;
	c->housing.tenure = TENURE_OWN;
	c->housing.use = USE_RESIDENTIAL;
	c->housing.relation = REL_NONE;
	c->housing.leased_to = LEASED_INDIVIDUAL;
	c->registered_on = JZZ_DATE_NONE;
	c->permit_valid_until = JZZ_DATE_NONE;
	c->permit_first_issued_on = JZZ_DATE_NONE;
	c->delivery.method = DELIVERY_PICKUP;
	c->delivery.in_shanghai = true;
	c->personal_reason = true;
	c->change.changed_on = JZZ_DATE_NONE;
}
