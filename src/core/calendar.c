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

#include <jansson.h>
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

/*
 * Reads the holiday-cn format: {"year": Y, "days": [{"date": "YYYY-MM-DD",
 * "isOffDay": bool}, ...]}. The whole file is checked before anything is
 * applied, so a bad file changes nothing.
 */
int
calendar_load_json(struct calendar *cal, const char *buf, size_t len, char *err, size_t errlen)
{
	json_error_t jerr;
	json_t      *root, *year, *days, *entry;
	size_t       i;
	int          y;

	root = json_loadb(buf, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		snprintf(err, errlen, "line %d: %s", jerr.line, jerr.text);
		return -1;
	}
	year = json_object_get(root, "year");
	days = json_object_get(root, "days");
	if (!json_is_object(root) || !json_is_integer(year)) {
		snprintf(err, errlen, "year: expected an integer");
		goto fail;
	}
	y = (int)json_integer_value(year);
	if (y < CALENDAR_FIRST_YEAR || y > CALENDAR_LAST_YEAR) {
		snprintf(err, errlen, "year: %d is outside %d-%d", y, CALENDAR_FIRST_YEAR,
		    CALENDAR_LAST_YEAR);
		goto fail;
	}
	if (!json_is_array(days)) {
		snprintf(err, errlen, "days: expected an array");
		goto fail;
	}
	json_array_foreach(days, i, entry) {
		json_t  *date = json_object_get(entry, "date");
		json_t  *off = json_object_get(entry, "isOffDay");
		jzz_date d;

		if (!json_is_string(date) ||
		    !date_parse(json_string_value(date), json_string_length(date), &d)) {
			snprintf(err, errlen, "days[%zu].date: expected a date YYYY-MM-DD", i);
			goto fail;
		}
		if (!json_is_boolean(off)) {
			snprintf(err, errlen, "days[%zu].isOffDay: expected true or false", i);
			goto fail;
		}
		if (d < cal->first || d > cal->last) {
			snprintf(err, errlen, "days[%zu].date: outside %d-%d", i,
			    CALENDAR_FIRST_YEAR, CALENDAR_LAST_YEAR);
			goto fail;
		}
	}
	json_array_foreach(days, i, entry) {
		jzz_date d;
		json_t  *date = json_object_get(entry, "date");

		date_parse(json_string_value(date), json_string_length(date), &d);
		calendar_set_day(cal, d, json_is_true(json_object_get(entry, "isOffDay")));
	}
	/* A file with no days is no schedule (RULES.md CAL-1). */
	if (json_array_size(days) > 0)
		calendar_set_year_loaded(cal, y);
	json_decref(root);
	return y;
fail:
	json_decref(root);
	return -1;
}
