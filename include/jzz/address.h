/*
 * address.h: a residence address as the case format writes it
 * (case-format.md, "An address object"): county, street/town, road, lane,
 * number, room; its checks and its one-line Chinese text.
 *
 * No I/O here: this file is part of the rules core. Whether a street is one
 * the database knows is the service layer's question; the core checks only
 * what the codes and lengths themselves say.
 */
#ifndef JZZ_ADDRESS_H
#define JZZ_ADDRESS_H

#include <stdbool.h>
#include <stddef.h>

#define ADDRESS_DISTRICT_LEN 7          /* 6 digits + NUL */
#define ADDRESS_STREET_LEN   10         /* 9 digits + NUL */
#define ADDRESS_ROAD_CHARS   40         /* the contract's 1 to 40 characters */
#define ADDRESS_PART_CHARS   40         /* lane, number, room: the same bound as the road */
#define ADDRESS_ROAD_MAX     (ADDRESS_ROAD_CHARS * 4 + 1)
#define ADDRESS_PART_MAX     (ADDRESS_PART_CHARS * 4 + 1)
/* The text of an address: road, lane, number and room with their words. */
#define ADDRESS_TEXT_MAX     (ADDRESS_ROAD_MAX + 3 * ADDRESS_PART_MAX + 16)

struct jzz_address {
	char district[ADDRESS_DISTRICT_LEN];  /* county code, e.g. "310105" */
	char street[ADDRESS_STREET_LEN];      /* street/town code, e.g. "310105009" */
	char road[ADDRESS_ROAD_MAX];          /* road or village (路、村) */
	char lane[ADDRESS_PART_MAX];          /* 弄, "" for none */
	char number[ADDRESS_PART_MAX];        /* 号, required */
	char room[ADDRESS_PART_MAX];          /* 室, "" for none */
};

/* Characters (not bytes) of a UTF-8 text. */
size_t address_chars(const char *s);

/* True for exactly `n` ASCII digits. */
bool address_digits(const char *s, size_t n);

/*
 * Checks an address as the contract does: the district 6 digits, the street
 * 9 digits beginning with the district, a road of 1 to 40 characters, a
 * number of 1 to 40, lane and room of at most 40. On failure returns false
 * and names the member ("street", "road"...) in *member with a message in
 * msg (English, one line).
 */
bool address_check(const struct jzz_address *a, const char **member, char *msg, size_t size);

/* The address as one line: 仙霞路99弄12号301室 (road, lane 弄, number 号,
 * room 室; a part that already ends in its word is not given it twice). */
void address_format(const struct jzz_address *a, char *buf, size_t size);

/* True when both name the same place (every member equal). */
bool address_equal(const struct jzz_address *a, const struct jzz_address *b);

#endif
