/*
 * case.h: one application at the counter, as the rules see it, and the
 * vocabulary of codes it is written in (RULES.md, case-format.md).
 *
 * Every code of the policy is an enum here with a table that maps it to its
 * file/database code and its Chinese and English names, so that the parser,
 * the store, the screens and the reports read the same words from one place.
 *
 * No I/O here: this file is part of the rules core.
 */
#ifndef JZZ_CASE_H
#define JZZ_CASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jzz/address.h"
#include "jzz/date.h"

enum jzz_business {
	BIZ_REGISTRATION,
	BIZ_PERMIT_NEW,
	BIZ_PERMIT_NEW_FAST,
	BIZ_PERMIT_REPLACE,
	BIZ_PERMIT_REPLACE_FAST,
	BIZ_PERMIT_REAPPLY,
	BIZ_ENDORSEMENT,
	BIZ_CARD_UPDATE,
	BIZ_INFO_CHANGE,
	BIZ_PICKUP,
	BIZ_CANCELLATION,
	BIZ__COUNT
};

enum jzz_channel { CH_COUNTER, CH_ONLINE, CH_KIOSK, CH__COUNT };

/* Documents, in the order of RULES.md's table; a set of them is a bitmask
 * (1u << DOC_x). Where two are alternatives the first listed is reported. */
enum jzz_doc {
	DOC_ID_CARD,
	DOC_HOUSEHOLD_REGISTER,
	DOC_ELECTRONIC_ID,
	DOC_PROPERTY_CERTIFICATE,
	DOC_LEASE_FILING_CERTIFICATE,
	DOC_DORMITORY_CERTIFICATE,
	DOC_RELATIONSHIP_PROOF,
	DOC_RELATIVE_COMMITMENT,
	DOC_REGISTRATION_FORM,
	DOC_PERMIT_APPLICATION_FORM,
	DOC_GUARDIAN_ID,
	DOC_GUARDIANSHIP_PROOF,
	DOC_AGENT_ID,
	DOC_POWER_OF_ATTORNEY,
	DOC_DISABILITY_CERTIFICATE,
	DOC_FAST_TRACK_REQUEST,
	DOC_ACCEPTANCE_RECEIPT,
	DOC__COUNT
};
typedef uint32_t jzz_docset;
#define DOCBIT(d) ((jzz_docset)1u << (d))

enum jzz_tenure {
	TENURE_OWN, TENURE_RELATIVE_OWN, TENURE_RENT, TENURE_RELATIVE_RENT,
	TENURE_DORMITORY, TENURE_UNIT_HOUSING, TENURE__COUNT
};

enum jzz_use {
	USE_RESIDENTIAL, USE_SHOP, USE_OFFICE, USE_FACTORY, USE_OTHER_NONRESIDENTIAL,
	USE__COUNT
};

/* Near relatives (HOUSE-3), then REL_OTHER for any other word and REL_NONE
 * for none given. */
enum jzz_relation {
	REL_SPOUSE, REL_FATHER, REL_MOTHER, REL_SON, REL_DAUGHTER,
	REL_PATERNAL_GRANDFATHER, REL_PATERNAL_GRANDMOTHER,
	REL_MATERNAL_GRANDFATHER, REL_MATERNAL_GRANDMOTHER,
	REL_GRANDSON, REL_GRANDDAUGHTER, REL_MATERNAL_GRANDSON,
	REL_MATERNAL_GRANDDAUGHTER, REL_BROTHER, REL_SISTER,
	REL__NEAR_COUNT,
	REL_OTHER = REL__NEAR_COUNT,
	REL_NONE
};

enum jzz_leased_to { LEASED_INDIVIDUAL, LEASED_UNIT, LEASED__COUNT };
enum jzz_agent_kind { AGENT_GUARDIAN, AGENT_RELATIVE, AGENT_OTHER, AGENT__COUNT };
enum jzz_fast_reason { FAST_STUDY, FAST_EXAM, FAST_MEDICAL, FAST_OTHER, FAST__COUNT };
enum jzz_delivery { DELIVERY_PICKUP, DELIVERY_POST, DELIVERY__COUNT };
enum jzz_change_field { CHANGE_ADDRESS, CHANGE_PHONE, CHANGE_NAME, CHANGE_OTHER, CHANGE__COUNT };
enum jzz_reason { REASON_LATE, REASON_NO_PHONE, REASON_ADDRESS_CHANGED, REASON__COUNT };
enum jzz_fee_kind { FEE_CARD, FEE_COD, FEE__COUNT };

/* Sizes of the text fields, in bytes with the NUL. A longer value is not a
 * case (the parser says which field), except the ID numbers: any length is
 * kept as its length so that ID-3 can say "not 18 characters". */
#define CASE_ID_MAX      64
#define CASE_NAME_CHARS  30   /* characters, as the contract says */
#define CASE_NAME_MAX    (CASE_NAME_CHARS * 4 + 1)
#define CASE_PHONE_MAX   32
#define CASE_WORD_MAX    64
#define CASE_TEXT_MAX    512
#define CASE_REQUEST_MAX 65   /* 1 to 64 of A-Z a-z 0-9 . _ - */

struct jzz_case {
	jzz_date          today;
	enum jzz_business business;
	enum jzz_channel  channel;

	struct {
		char   id_number[CASE_ID_MAX]; /* as given, NUL-terminated, cut at CASE_ID_MAX-1 */
		size_t id_len;                 /* its real length in bytes */
		char   name[CASE_NAME_MAX];
		bool   hukou_shanghai;
		bool   lives_in_shanghai;
		bool   mobility_impaired;
		bool   disabled;
		char   phone[CASE_PHONE_MAX];  /* "" for none */
	} applicant;

	bool has_agent;
	struct {
		enum jzz_agent_kind kind;
		enum jzz_relation   relation;
		char                relation_word[CASE_WORD_MAX];
		char                id_number[CASE_ID_MAX];
		size_t              id_len;
		char                name[CASE_NAME_MAX];   /* "" when not given */
	} agent;

	bool has_housing;
	struct {
		enum jzz_tenure    tenure;
		enum jzz_use       use;
		enum jzz_relation  relation;
		char               relation_word[CASE_WORD_MAX];
		bool               managed_residential_area;
		enum jzz_leased_to leased_to;
		bool               has_address;       /* housing.address given */
		struct jzz_address address;
	} housing;

	bool       address_changed;
	jzz_docset documents;

	bool     has_registration;
	jzz_date registered_on;

	bool     has_permit;
	jzz_date permit_valid_until;
	jzz_date permit_first_issued_on;   /* JZZ_DATE_NONE when not given */

	bool has_fast_track;
	struct {
		enum jzz_fast_reason reason;
		char                 text[CASE_TEXT_MAX];
	} fast_track;

	struct {
		enum jzz_delivery method;
		bool              in_shanghai;
		char              address[CASE_TEXT_MAX];  /* postal address, "" for none */
	} delivery;

	char fee_receipt_no[CASE_WORD_MAX]; /* "" for none */
	char request_id[CASE_REQUEST_MAX];  /* "" for none: the caller's name of this submit */
	bool personal_reason;

	bool has_change;
	struct {
		enum jzz_change_field field;
		jzz_date              changed_on;
		char                  new_value[CASE_TEXT_MAX];
		bool                  has_address;   /* change.address given */
		struct jzz_address    address;
	} change;

	bool has_kiosk;
	bool kiosk_info_matches_registration;
};

/* Sets every field to the contract's default (case-format.md). */
void case_init(struct jzz_case *c);

/* Vocabulary: code <-> enum, and names for people. Each *_from_code returns
 * -1 for an unknown code. */
struct vocab {
	const char *code;
	const char *zh;
	const char *en;
};

extern const struct vocab case_business_vocab[BIZ__COUNT];
extern const struct vocab case_channel_vocab[CH__COUNT];
extern const struct vocab case_doc_vocab[DOC__COUNT];
extern const struct vocab case_tenure_vocab[TENURE__COUNT];
extern const struct vocab case_use_vocab[USE__COUNT];
extern const struct vocab case_relation_vocab[REL__NEAR_COUNT];
extern const struct vocab case_leased_to_vocab[LEASED__COUNT];
extern const struct vocab case_agent_kind_vocab[AGENT__COUNT];
extern const struct vocab case_fast_reason_vocab[FAST__COUNT];
extern const struct vocab case_delivery_vocab[DELIVERY__COUNT];
extern const struct vocab case_change_field_vocab[CHANGE__COUNT];
extern const struct vocab case_reason_vocab[REASON__COUNT];
extern const struct vocab case_fee_kind_vocab[FEE__COUNT];

int  case_vocab_find(const struct vocab *v, int n, const char *code, size_t len);
#define CASE_VOCAB_FIND(table, code, len) \
	case_vocab_find((table), (int)(sizeof(table) / sizeof((table)[0])), (code), (len))

/* Near-relative code (or REL_OTHER for any other word). */
enum jzz_relation case_relation_from_word(const char *word, size_t len);
bool case_relation_is_near(enum jzz_relation r);

/* Channels on which a business exists (RULES.md vocabulary table). */
bool case_business_offered(enum jzz_business b, enum jzz_channel ch);

/* The five permit businesses (ready_on, fees, PERMIT-5...). */
bool case_business_is_permit(enum jzz_business b);

#endif
