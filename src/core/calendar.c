/*
 * calendar.c: the working-day calendar (see calendar.h).
 *
 * One byte a day for CALENDAR_FIRST_YEAR..CALENDAR_LAST_YEAR (about 37 KB)
 * says whether the published schedule lists the day as off, as an adjusted
 * working day, or not at all; counting N working days is then a walk over a
 * flat array, with no search. A year counts as loaded only when a schedule
 * for it was given, since an absent notice must not read as "no holidays".
 */
#include "jzz/calendar.h"
#include "jzz/jsonv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CAL_UNLISTED 0
#define CAL_OFF      1
#define CAL_WORK     2
#define CAL_YEARS    (CALENDAR_LAST_YEAR - CALENDAR_FIRST_YEAR + 1)

struct calendar {
	jzz_date first;                 /* CALENDAR_FIRST_YEAR-01-01 */
	jzz_date last;                  /* CALENDAR_LAST_YEAR-12-31 */
	bool     loaded[CAL_YEARS];
	uint8_t  days[];                /* last - first + 1 entries */
};

struct calendar *
calendar_new(void)
{
	jzz_date         first = date_from_ymd(CALENDAR_FIRST_YEAR, 1, 1);
	jzz_date         last = date_from_ymd(CALENDAR_LAST_YEAR, 12, 31);
	struct calendar *cal = calloc(1, sizeof *cal + (size_t)(last - first + 1));

	if (cal == NULL)
		return NULL;
	cal->first = first;
	cal->last = last;
	return cal;
}

void
calendar_free(struct calendar *cal)
{
	free(cal);
}

bool
calendar_set_day(struct calendar *cal, jzz_date day, bool off)
{
	if (day < cal->first || day > cal->last)
		return false;
	cal->days[day - cal->first] = off ? CAL_OFF : CAL_WORK;
	return true;
}

bool
calendar_set_year_loaded(struct calendar *cal, int year)
{
	if (year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
		return false;
	cal->loaded[year - CALENDAR_FIRST_YEAR] = true;
	return true;
}

bool
calendar_year_loaded(const struct calendar *cal, int year)
{
	if (cal == NULL || year < CALENDAR_FIRST_YEAR || year > CALENDAR_LAST_YEAR)
		return false;
	return cal->loaded[year - CALENDAR_FIRST_YEAR];
}

int
calendar_override(const struct calendar *cal, jzz_date day)
{
	if (cal == NULL || day < cal->first || day > cal->last)
		return -1;
	switch (cal->days[day - cal->first]) {
	case CAL_OFF:  return 1;
	case CAL_WORK: return 0;
	default:       return -1;
	}
}

bool
calendar_is_workday(const struct calendar *cal, jzz_date day)
{
	int o = calendar_override(cal, day);

	if (o >= 0)
		return o == 0;
	return date_weekday(day) <= 5;
}

jzz_date
calendar_add_workdays(const struct calendar *cal, jzz_date from, int n, int *unloaded_year)
{
	jzz_date day = from;
	int      year = -1;

	if (unloaded_year != NULL)
		*unloaded_year = 0;
	while (n > 0) {
		day++;
		/* Every day examined is judged, worked or not: a holiday that is
		 * missing from an unpublished year would move the result. */
		if (unloaded_year != NULL && *unloaded_year == 0) {
			int y = date_year(day);

			if (y != year) {
				year = y;
				if (!calendar_year_loaded(cal, y))
					*unloaded_year = y;
			}
		}
		if (calendar_is_workday(cal, day))
			n--;
	}
	return day;
}

int
calendar_workdays_between(const struct calendar *cal, jzz_date from, jzz_date to)
{
	int n = 0;

	for (jzz_date day = from + 1; day <= to; day++)
		if (calendar_is_workday(cal, day))
			n++;
	return n;
}

/* The value of a JSON number that is a plain integer (jansson's "integer":
 * digits with an optional minus, no fraction or exponent) in int range. */
static bool
calendar_json_int(const struct jsonv *v, int *out)
{
	long        n = 0;
	const char *p;
	uint32_t    i = 0;
	bool        neg;

	if (!jsonv_is(v, JSONV_NUMBER) || v->len == 0)
		return false;
	p = v->str;
	neg = p[0] == '-';
	if (neg)
		i++;
	if (i == v->len)
		return false;
	for (; i < v->len; i++) {
		if (p[i] < '0' || p[i] > '9')
			return false;
		if (n > 100000000L)
			return false;   /* far past any year; no overflow */
		n = n * 10 + (p[i] - '0');
	}
	*out = (int)(neg ? -n : n);
	return true;
}

/* Checks the members of the file; the year on success, -1 with err. */
static int
calendar_json_check(const struct calendar *cal, const struct jsonv *root, char *err,
                    size_t errlen)
{
	const struct jsonv *days = jsonv_get(root, "days"), *entry;
	size_t              i = 0;
	int                 y;

	if (!jsonv_is(root, JSONV_OBJECT)) {
		snprintf(err, errlen, "expected an object {\"year\": ..., \"days\": [...]}");
		return -1;
	}
	if (!calendar_json_int(jsonv_get(root, "year"), &y)) {
		snprintf(err, errlen, "year: expected an integer");
		return -1;
	}
	if (y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR) {
		snprintf(err, errlen, "year: %d is outside %d-%d", y, CALENDAR_FIRST_YEAR,
		    CALENDAR_LAST_YEAR);
		return -1;
	}
	if (!jsonv_is(days, JSONV_ARRAY)) {
		snprintf(err, errlen, "days: expected an array");
		return -1;
	}
	for (entry = days->child; entry != NULL; entry = entry->next, i++) {
		const struct jsonv *date = jsonv_get(entry, "date");
		jzz_date            d;

		if (!jsonv_is(date, JSONV_STRING) || !date_parse(date->str, date->len, &d)) {
			snprintf(err, errlen, "days[%zu].date: expected a date YYYY-MM-DD", i);
			return -1;
		}
		if (!jsonv_is_bool(jsonv_get(entry, "isOffDay"))) {
			snprintf(err, errlen, "days[%zu].isOffDay: expected true or false", i);
			return -1;
		}
		if (d < cal->first || d > cal->last) {
			snprintf(err, errlen, "days[%zu].date: outside %d-%d", i,
			    CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR);
			return -1;
		}
	}
	return y;
}

/*
 * Reads the holiday-cn format: {"year": Y, "days": [{"date": "YYYY-MM-DD",
 * "isOffDay": bool}, ...]}, with the project's strict reader (jsonv.c:
 * valid UTF-8, no duplicate names, nothing after the value). The whole file
 * is checked before anything is applied, so a bad file changes nothing.
 */
int
calendar_load_json(struct calendar *cal, const char *buf, size_t len, char *err, size_t errlen)
{
	struct jsonv_arena  arena;
	struct jsonv_error  jerr;
	const struct jsonv *root, *days, *entry;
	int                 y;

	jsonv_arena_init(&arena);
	root = jsonv_parse(&arena, buf, len, &jerr);
	if (root == NULL) {
		snprintf(err, errlen, "line %d: %s", jerr.line, jerr.text);
		jsonv_arena_free(&arena);
		return -1;
	}
	y = calendar_json_check(cal, root, err, errlen);
	if (y >= 0) {
		days = jsonv_get(root, "days");
		for (entry = days->child; entry != NULL; entry = entry->next) {
			const struct jsonv *date = jsonv_get(entry, "date");
			jzz_date            d;

			date_parse(date->str, date->len, &d);
			calendar_set_day(cal, d, jsonv_is(jsonv_get(entry, "isOffDay"), JSONV_TRUE));
		}
		/* A file with no days is no schedule (RULES.md CAL-1). */
		if (days->len > 0)
			calendar_set_year_loaded(cal, y);
	}
	jsonv_arena_free(&arena);
	return y;
}
