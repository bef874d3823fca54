/*
 * rules.h: the policy of RULES.md, one rule per entry, and the decision they
 * make together.
 *
 * rules_evaluate() runs every rule that applies to a case (none is skipped
 * because another failed) and records each one's outcome with the facts that
 * explain it (a date, a set of documents, a reason code). Messages are not
 * written during evaluation: rules_message() renders a recorded result in
 * Chinese or English when someone is to read it, so that a decision costs a
 * few hundred nanoseconds and can still be stored and re-read years later.
 *
 * No I/O here: this file is part of the rules core.
 */
#ifndef JZZ_RULES_H
#define JZZ_RULES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jzz/calendar.h"
#include "jzz/case.h"
#include "jzz/date.h"

/* Every rule of the catalogue, in catalogue order (the order of RULES.md,
 * which is the order of `rules`, `failed` and `warnings` in a decision). */
enum rule_id {
	R_CHAN_1,
	R_ELIG_1, R_ELIG_2,
	R_ID_1, R_ID_2, R_ID_3,
	R_HOUSE_1, R_HOUSE_2, R_HOUSE_3, R_HOUSE_4, R_HOUSE_5, R_HOUSE_6,
	R_AGENT_1, R_AGENT_2, R_AGENT_3,
	R_CAL_1,
	R_REG_1, R_REG_2, R_REG_3,
	R_PERMIT_1, R_PERMIT_2, R_PERMIT_3, R_PERMIT_4, R_PERMIT_5, R_PERMIT_6,
	R_PERMIT_7, R_PERMIT_8, R_PERMIT_9, R_PERMIT_10, R_PERMIT_11, R_PERMIT_12,
	R_ENDO_1, R_ENDO_2, R_ENDO_3, R_ENDO_4, R_ENDO_5, R_ENDO_6,
	R_CHANGE_1,
	R_KIOSK_1, R_KIOSK_2,
	R__COUNT
};

enum rule_outcome { OUT_NA, OUT_PASS, OUT_FAIL, OUT_MISSING, OUT_WARN, OUT__COUNT };

enum verdict { VERDICT_ACCEPT, VERDICT_INCOMPLETE, VERDICT_REFUSE, VERDICT__COUNT };

/* One rule's entry in the catalogue. */
struct rule_def {
	enum rule_id id;
	const char  *code;      /* "HOUSE-3" */
	const char  *title_zh;
	const char  *title_en;
	const char  *citation;  /* the deck's line it comes from */
	bool         on_records;/* acts on records, not on an application: no outcome in `check` */
};

extern const struct rule_def rules_catalogue[R__COUNT];

/* Which person a result speaks of (ID-3 checks the applicant and the agent). */
enum rule_who { WHO_APPLICANT, WHO_AGENT };

/*
 * One rule's result. `detail` is the rule's own reason code (see rules.c:
 * for ID-3 an idnum_error, for CHAN-1 nothing...), `docs` the documents it
 * found missing, `date` the date it speaks of (eligible from, window opens,
 * valid through...), `num` a number it speaks of (days late, a year).
 */
struct rule_result {
	uint8_t    rule;     /* enum rule_id */
	uint8_t    outcome;  /* enum rule_outcome */
	uint8_t    detail;
	uint8_t    who;      /* enum rule_who */
	jzz_docset docs;
	jzz_date   date;
	int32_t    num;
};

struct jzz_decision {
	enum verdict       verdict;
	uint8_t            nresults;           /* applicable rules, catalogue order */
	struct rule_result results[R__COUNT];
	jzz_docset         missing_documents;
	int                fee_yuan;
	int                cod_fee_yuan;
	jzz_date           ready_on;
	bool               has_milestones;
	jzz_date           transferred, reviewed, made;
	jzz_date           eligible_from;
	jzz_date           window_opens;
	jzz_date           new_valid_until;
	bool               residence_years_reset;
	/* Facts worked out on the way, for callers that record the business. */
	jzz_date           applicant_birth;    /* JZZ_DATE_NONE when ID-3 failed on it */
	int                applicant_age;      /* -1 when unknown */
};

/* Runs the catalogue over a case. `cal` may be NULL (Monday-Friday, nothing
 * loaded). Pure: reads only its arguments. */
void rules_evaluate(const struct jzz_case *c, const struct calendar *cal,
                    struct jzz_decision *out);

/* The result of one rule in a decision, or NULL when it did not apply. */
const struct rule_result *rules_find(const struct jzz_decision *d, enum rule_id id);

enum rules_lang { LANG_ZH, LANG_EN };

/* Renders a result as a sentence a clerk can read aloud. Returns the length
 * written (always NUL-terminated, cut to size). */
size_t rules_message(const struct rule_result *r, enum rules_lang lang,
                     char *buf, size_t size);

/* What a refused applicant is to bring or do instead, read aloud after the
 * rules: for each failing rule that names it (HOUSE-4: a home whose
 * certificate says residential use; HOUSE-6: a lease to the applicant as
 * an individual), else "correct what the rules above say and apply again".
 * Not part of a decision's JSON (the rules' messages are). Returns the
 * length written (always NUL-terminated, cut to size). */
size_t rules_refusal_next(const struct jzz_decision *d, enum rules_lang lang,
                          char *buf, size_t size);

/* Codes and their Chinese and English names, indexed by the enums. */
extern const struct vocab rules_outcome_vocab[OUT__COUNT];
extern const struct vocab rules_verdict_vocab[VERDICT__COUNT];

const char *rules_code(enum rule_id id);
int         rules_from_code(const char *code); /* -1 when unknown */
const char *rules_outcome_code(enum rule_outcome o);  /* "pass", "n/a"... */
const char *rules_verdict_code(enum verdict v);       /* "accept"... */
const char *rules_verdict_zh(enum verdict v);         /* 受理... */

/* Days of the policy, named once. */
#define RULES_REG_VALID_YEARS       1   /* REG-2 */
#define RULES_REG_WAIT_MONTHS       6   /* REG-3 */
#define RULES_PERMIT_WORKDAYS       15  /* PERMIT-2 */
#define RULES_PERMIT_TRANSFER_DAYS  2
#define RULES_PERMIT_REVIEW_DAYS    8   /* 2 + 6 */
#define RULES_PICKUP_NOTICE_DAYS    2   /* PERMIT-3 */
#define RULES_FAST_WORKDAYS         7   /* PERMIT-7 */
#define RULES_COD_FEE_YUAN          15  /* PERMIT-5 */
#define RULES_CARD_FEE_YUAN         20  /* PERMIT-6 */
#define RULES_ENDO_WINDOW_DAYS      30  /* ENDO-2 */
#define RULES_ENDO_GRACE_DAYS       60  /* ENDO-3 */
#define RULES_CHANGE_DAYS           30  /* CHANGE-1 */
#define RULES_MINOR_AGE             16  /* AGENT-1 */
#define RULES_ELDER_AGE             65  /* AGENT-2 */

/* Does HOUSE-1 (and HOUSE-2..6 with it) apply to business b: a change of
 * address (for info_change), an address no longer the registered one (for
 * permits and endorsements)? Asked by the rules, the contract's parser and
 * the terminal's form alike. */
bool rules_house_applies_to(enum jzz_business b, bool change_of_address, bool address_changed);
/* Does business b ask whether the address changed since the registration
 * (permit businesses and the endorsement)? */
bool rules_asks_address_changed(enum jzz_business b);

/* Which answers a case of business b brings, each stated once here and read
 * by the rules below, the contract's parser and the terminal's form alike,
 * so that a change of policy touches one function. */
/* Who comes for the applicant (AGENT-1..3): every business but a
 * cancellation, which is the supervisor's act. */
bool rules_asks_agent(enum jzz_business b);
/* How the card reaches the applicant (PERMIT-5). */
bool rules_asks_delivery(enum jzz_business b, enum jzz_channel ch);
/* Why it is urgent (the fast-track request of PERMIT-7, -8). */
bool rules_asks_fast_track(enum jzz_business b, enum jzz_channel ch);
/* Whether the card is renewed for personal reasons (PERMIT-6's fee). */
bool rules_asks_personal_reason(enum jzz_business b);
/* What changed and since when (CHANGE-1). */
bool rules_asks_change(enum jzz_business b);
/* Housing answers that follow from the tenure: the relation to a near
 * relative owning or renting the home (HOUSE-2, -3), whether a dormitory
 * lies in a managed residential area (HOUSE-5), to whom a rented home is
 * leased (HOUSE-6). */
bool rules_house_asks_relation(enum jzz_tenure t);
bool rules_house_asks_managed(enum jzz_tenure t);
bool rules_house_asks_leased_to(enum jzz_tenure t);

#endif
