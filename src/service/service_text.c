/*
 * service_text.c: small text helpers of the services: ID numbers as the
 * records key them, copies cut at a character boundary, character counts.
 */
#include "service_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

bool
service_idnum_key(const char *raw, size_t len, jzz_date today, char key[CASE_ID_MAX],
                  jzz_date *birth)
{
	struct idnum n;

	if (today == JZZ_DATE_NONE)
		today = date_from_ymd(9999, 12, 31);
	if (idnum_parse(raw, len, today, &n) == IDNUM_OK) {
		snprintf(key, CASE_ID_MAX, "%s", n.number);
		if (birth != NULL)
			*birth = n.birth;
		return true;
	}
	snprintf(key, CASE_ID_MAX, "%.*s", (int)(len < CASE_ID_MAX ? len : CASE_ID_MAX - 1), raw);
	if (birth != NULL)
		*birth = JZZ_DATE_NONE;
	return false;
}

/* The one bounded copy of the service layer (instead of snprintf "%s",
 * which cuts a Chinese name inside a character and says so only in a
 * return value nobody reads). */
bool
service_copy(char *dst, size_t size, const char *src)
{
	size_t n;
	bool   cut;

	if (src == NULL)
		src = "";
	n = strlen(src);
	if (size == 0)
		return n > 0;
	cut = n >= size;
	if (cut) {
		n = size - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xc0) == 0x80)
			n--;   /* do not cut a character in two */
	}
	memcpy(dst, src, n);
	dst[n] = '\0';
	return cut;
}

size_t
service_utf8_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			n++;
	return n;
}

/*
 * Why the first eight hex digits of the UUID, grouped: an accepted
 * application already has a number made to be read aloud, its receipt
 * number (centre, day, sequence); a refused or incomplete one has only its
 * UUID (uuid_generate_random), 36 characters nobody reads over a counter or
 * a phone. Its first 32 bits are as random as any: two applications of the
 * same person, or of a centre's day (a few hundred), share them with a
 * chance below one in ten thousand; across a district's years they will
 * meet, so the short number is always said with the person's name or ID
 * number and shown beside the UUID, never used alone as a key. A number of
 * its own (a sequence like the receipt's) would need a column the store
 * does not have. Upper case and 4-4, as people group digits they dictate.
 */
void
service_app_short(const char *application_id, char out[SERVICE_APP_SHORT_LEN])
{
	size_t n = 0;

	out[0] = '\0';
	if (application_id == NULL)
		return;
	for (const char *p = application_id; *p != '\0' && n < 9; p++) {
		if (!isxdigit((unsigned char)*p))
			continue;
		if (n == 4)
			out[n++] = '-';
		out[n++] = (char)toupper((unsigned char)*p);
	}
	out[n == 9 ? 9 : 0] = '\0';
}
