/*
 * idnum.h: the resident identity number (公民身份号码) of GB 11643-1999.
 *
 * 17 digits (6 of address code, 8 of birth date, 3 of sequence whose last
 * digit is odd for men and even for women) and a check character computed
 * with ISO 7064 MOD 11-2. Rule ID-3 of RULES.md refuses a number that fails
 * here, with the exact reason; this file finds that reason.
 *
 * No I/O here: this file is part of the rules core.
 */
#ifndef JZZ_IDNUM_H
#define JZZ_IDNUM_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/date.h"

/* Why a number is refused, in the order the checks are made. */
enum idnum_error {
	IDNUM_OK = 0,
	IDNUM_EMPTY,       /* nothing given */
	IDNUM_LEGACY15,    /* a 15-digit first-generation number */
	IDNUM_LENGTH,      /* not 18 characters */
	IDNUM_CHARS,       /* not 17 digits and a digit or X */
	IDNUM_PROVINCE,    /* first two digits not a mainland province */
	IDNUM_BIRTH_DATE,  /* positions 7-14 are not a real date */
	IDNUM_BIRTH_FUTURE,/* born after the day of the application */
	IDNUM_CHECK,       /* check character wrong */
	IDNUM__COUNT
};

struct idnum {
	char     number[19]; /* normalised: ASCII digits, upper-case X; "" when not 18 chars */
	jzz_date birth;      /* JZZ_DATE_NONE unless positions 7-14 are a real, past date */
	int      province;   /* first two digits, or 0 */
	int      sex;        /* 1 male, 2 female, 0 unknown */
	char     expected_check; /* the check character the first 17 digits call for, or 0 */
};

/*
 * Normalises (full-width digits and Ｘ/ｘ, lower-case x) and checks `s`
 * (len bytes, not necessarily NUL-terminated). Fills *out as far as the text
 * allows even when it fails, so that a number with a wrong check character
 * still yields its birth date. `today` is the day the birth date must not
 * follow.
 */
enum idnum_error idnum_parse(const char *s, size_t len, jzz_date today, struct idnum *out);

/* True for the two-digit codes of mainland provinces (11-15, 21-23, 31-37,
 * 41-46, 50-54, 61-65). */
bool idnum_province_valid(int code);

/* The check character for 17 ASCII digits. */
char idnum_check_char(const char digits[17]);

/* Masks a number for screens, papers and reports where it need not be seen
 * whole; the one masking of the project. An 18-character number keeps its 6
 * first and 4 last characters ("310105********123X"); any other text (a
 * number ID-3 refused) keeps 4 and 4 when longer than 10 characters
 * ("1101****1234"), else is "****" ("" when empty). Writes at most
 * IDNUM_MASK_LEN bytes into out and returns it. */
#define IDNUM_MASK_LEN 19
const char *idnum_mask(const char *number, char out[IDNUM_MASK_LEN]);

/* Human-readable reason, for messages. */
const char *idnum_error_zh(enum idnum_error e);
const char *idnum_error_en(enum idnum_error e);

#endif
