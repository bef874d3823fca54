/*
 * address.c: the address object of the case format (see address.h).
 */
#include "jzz/address.h"

#include <stdio.h>
#include <string.h>

size_t
address_chars(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

bool
address_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[n] == '\0';
}

/* True when the text holds something other than spaces (ASCII or the
 * ideographic U+3000 a Chinese input method types): a road of blanks is an
 * empty road, and would print as nothing on the receipt. */
static bool
address_has_text(const char *s)
{
	while (*s != '\0') {
		if (*s == ' ' || *s == '\t')
			s++;
		else if (strncmp(s, "\xE3\x80\x80", 3) == 0)
			s += 3;
		else
			return true;
	}
	return false;
}

static bool
address_part(const char *v, bool required, size_t max, const char *name,
    const char **member, char *msg, size_t size)
{
	size_t n = address_chars(v);

	*member = name;
	if (required && !address_has_text(v)) {
		snprintf(msg, size, "required");
		return false;
	}
	if (n > max || (n > 0 && !address_has_text(v))) {
		snprintf(msg, size, "expected %s%zu characters", required ? "1 to " : "at most ",
		    max);
		return false;
	}
	return true;
}

bool
address_check(const struct jzz_address *a, const char **member, char *msg, size_t size)
{
	if (!address_digits(a->district, 6)) {
		*member = "district";
		snprintf(msg, size, "expected a 6-digit county code");
		return false;
	}
	if (!address_digits(a->street, 9)) {
		*member = "street";
		snprintf(msg, size, "expected a 9-digit street or town code");
		return false;
	}
	if (strncmp(a->street, a->district, 6) != 0) {
		*member = "street";
		snprintf(msg, size, "%s is not inside district %s", a->street, a->district);
		return false;
	}
	return address_part(a->road, true, ADDRESS_ROAD_CHARS, "road", member, msg, size) &&
	    address_part(a->lane, false, ADDRESS_PART_CHARS, "lane", member, msg, size) &&
	    address_part(a->number, true, ADDRESS_PART_CHARS, "number", member, msg, size) &&
	    address_part(a->room, false, ADDRESS_PART_CHARS, "room", member, msg, size);
}

/* Appends part and, unless it already ends in it, its word (弄, 号, 室). */
static size_t
address_put(char *buf, size_t size, size_t at, const char *part, const char *word)
{
	size_t pl = strlen(part), wl = strlen(word);
	int    n;

	if (pl == 0 || at >= size)
		return at;
	if (pl >= wl && strcmp(part + pl - wl, word) == 0)
		word = "";
	n = snprintf(buf + at, size - at, "%s%s", part, word);
	if (n < 0)
		return at;
	at += (size_t)n;
	return at < size ? at : size - 1;
}

void
address_format(const struct jzz_address *a, char *buf, size_t size)
{
	size_t at = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	at = address_put(buf, size, at, a->road, "");
	at = address_put(buf, size, at, a->lane, "弄");
	at = address_put(buf, size, at, a->number, "号");
	(void)address_put(buf, size, at, a->room, "室");
}

bool
address_equal(const struct jzz_address *a, const struct jzz_address *b)
{
	return strcmp(a->district, b->district) == 0 && strcmp(a->street, b->street) == 0 &&
	    strcmp(a->road, b->road) == 0 && strcmp(a->lane, b->lane) == 0 &&
	    strcmp(a->number, b->number) == 0 && strcmp(a->room, b->room) == 0;
}
