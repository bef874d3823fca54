/*
 * idnum.c: the resident identity number of GB 11643-1999 (see idnum.h).
 *
 * Clerks type numbers from cards, and terminal input methods often produce
 * full-width digits (０-９) and a full-width or lower-case x; those are the
 * same number and are normalised first. A 15-digit number is the
 * first-generation card's: recognisable, but refused, since the permit needs
 * the 18-digit number.
 */
#include "jzz/idnum.h"

#include <string.h>

static const int  idnum_weights[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
static const char idnum_checks[11] = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

bool
idnum_province_valid(int code)
{
	return (code >= 11 && code <= 15) || (code >= 21 && code <= 23) ||
	    (code >= 31 && code <= 37) || (code >= 41 && code <= 46) ||
	    (code >= 50 && code <= 54) || (code >= 61 && code <= 65);
}

char
idnum_check_char(const char digits[17])
{
	int sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (digits[i] - '0') * idnum_weights[i];
	return idnum_checks[sum % 11];
}

/*
 * Copies s into out as ASCII, mapping full-width digits (U+FF10..U+FF19,
 * UTF-8 EF BC 90..99), full-width X/x (U+FF38 EF BC B8, U+FF58 EF BD 98) and
 * 'x'. Returns the number of characters, or -1 past `max` characters; any
 * other byte is copied as is (and found by the character check).
 */
static int
idnum_normalise(const char *s, size_t len, char *out, int max)
{
	const unsigned char *p = (const unsigned char *)s;
	int                  n = 0;

	for (size_t i = 0; i < len; n++) {
		char c;

		if (n >= max)
			return -1;
		if (i + 2 < len && p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] >= 0x90 &&
		    p[i + 2] <= 0x99) {
			c = (char)('0' + (p[i + 2] - 0x90));
			i += 3;
		} else if (i + 2 < len && ((p[i] == 0xEF && p[i + 1] == 0xBC && p[i + 2] == 0xB8) ||
		    (p[i] == 0xEF && p[i + 1] == 0xBD && p[i + 2] == 0x98))) {
			c = 'X';
			i += 3;
		} else {
			c = p[i] == 'x' ? 'X' : (char)p[i];
			i++;
		}
		out[n] = c;
	}
	return n;
}

static bool
idnum_all_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

enum idnum_error
idnum_parse(const char *s, size_t len, jzz_date today, struct idnum *out)
{
	char             buf[20];
	int              n, y, m, d;
	enum idnum_error err = IDNUM_OK;

	memset(out, 0, sizeof *out);
	out->birth = JZZ_DATE_NONE;
	if (s == NULL || len == 0)
		return IDNUM_EMPTY;
	n = idnum_normalise(s, len, buf, 19);
	if (n == 15 && idnum_all_digits(buf, 15))
		return IDNUM_LEGACY15;
	if (n != 18)
		return IDNUM_LENGTH;
	if (!idnum_all_digits(buf, 17) || !((buf[17] >= '0' && buf[17] <= '9') || buf[17] == 'X'))
		return IDNUM_CHARS;
	memcpy(out->number, buf, 18);
	out->number[18] = '\0';
	out->province = (buf[0] - '0') * 10 + (buf[1] - '0');
	out->sex = (buf[16] - '0') % 2 == 1 ? 1 : 2;
	out->expected_check = idnum_check_char(buf);

	/* Every check is made so that what can be known is known (a wrong check
	 * character leaves a usable birth date); the first failure is reported. */
	if (!idnum_province_valid(out->province))
		err = IDNUM_PROVINCE;
	y = (buf[6] - '0') * 1000 + (buf[7] - '0') * 100 + (buf[8] - '0') * 10 + (buf[9] - '0');
	m = (buf[10] - '0') * 10 + (buf[11] - '0');
	d = (buf[12] - '0') * 10 + (buf[13] - '0');
	if (!date_valid_ymd(y, m, d)) {
		if (err == IDNUM_OK)
			err = IDNUM_BIRTH_DATE;
	} else if (today != JZZ_DATE_NONE && date_from_ymd(y, m, d) > today) {
		if (err == IDNUM_OK)
			err = IDNUM_BIRTH_FUTURE;
	} else {
		out->birth = date_from_ymd(y, m, d);
	}
	if (err == IDNUM_OK && buf[17] != out->expected_check)
		err = IDNUM_CHECK;
	return err;
}

/* Why the ends of a number that is not 18 characters are kept: a refused
 * application still names the person on its paper and in the report, and
 * the clerk tells two such records apart by their ends; the middle (the
 * birth date, for an older 15-digit number too) is what is hidden. */
const char *
idnum_mask(const char *number, char out[IDNUM_MASK_LEN])
{
	size_t n = strlen(number);

	if (n == 18) {
		memcpy(out, number, 6);
		memset(out + 6, '*', 8);
		memcpy(out + 14, number + 14, 4);
		out[18] = '\0';
	} else if (n > 10) {
		memcpy(out, number, 4);
		memcpy(out + 4, "****", 4);
		memcpy(out + 8, number + n - 4, 4);
		out[12] = '\0';
	} else {
		memcpy(out, "****", 5);
		if (n == 0)
			out[0] = '\0';
	}
	return out;
}

static const char *const idnum_zh[IDNUM__COUNT] = {
	[IDNUM_OK] = "公民身份号码有效",
	[IDNUM_EMPTY] = "未填写公民身份号码",
	[IDNUM_LEGACY15] = "15位一代身份证号码不能使用，须提供18位公民身份号码",
	[IDNUM_LENGTH] = "公民身份号码应为18位",
	[IDNUM_CHARS] = "公民身份号码前17位须为数字，末位为数字或X",
	[IDNUM_PROVINCE] = "公民身份号码前两位不是内地省级行政区划代码",
	[IDNUM_BIRTH_DATE] = "公民身份号码第7至14位不是有效的出生日期",
	[IDNUM_BIRTH_FUTURE] = "公民身份号码中的出生日期晚于受理日期",
	[IDNUM_CHECK] = "公民身份号码校验码错误",
};

static const char *const idnum_en[IDNUM__COUNT] = {
	[IDNUM_OK] = "valid identity number",
	[IDNUM_EMPTY] = "no identity number given",
	[IDNUM_LEGACY15] = "a 15-digit first-generation number cannot be used; the 18-digit number is needed",
	[IDNUM_LENGTH] = "an identity number has 18 characters",
	[IDNUM_CHARS] = "an identity number is 17 digits followed by a digit or X",
	[IDNUM_PROVINCE] = "the first two digits are not a mainland province code",
	[IDNUM_BIRTH_DATE] = "positions 7-14 are not a real birth date",
	[IDNUM_BIRTH_FUTURE] = "the birth date is after the day of the application",
	[IDNUM_CHECK] = "wrong check character",
};

const char *
idnum_error_zh(enum idnum_error e)
{
	return e < IDNUM__COUNT ? idnum_zh[e] : "?";
}

const char *
idnum_error_en(enum idnum_error e)
{
	return e < IDNUM__COUNT ? idnum_en[e] : "?";
}
