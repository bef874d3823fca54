/*
 * calendar.h: the working-day calendar (rule CAL-1, PERMIT-2, -3, -7).
 *
 * A working day is Monday to Friday, minus the State Council's public
 * holidays, plus its adjusted working weekend days (调休), as published in the
 * yearly notice. The notices come as holiday-cn JSON files; a year whose
 * schedule is not loaded is judged by Monday-Friday alone and every count that
 * crosses it reports the year, so that the decision can carry CAL-1 as a
 * warning rather than guess.
 *
 * The calendar is filled from text (calendar_load_json) or day by day (from
 * the database); reading files is the caller's business: no I/O here.
 */
#ifndef JZZ_CALENDAR_H
#define JZZ_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/date.h"

/* Years the calendar can hold schedules for. Days outside are judged by
 * Monday-Friday and reported as not loaded. */
#define CALENDAR_FIRST_YEAR 2000
#define CALENDAR_LAST_YEAR  2099

struct calendar;

struct calendar *calendar_new(void);
void             calendar_free(struct calendar *cal);

/*
 * Loads one holiday-cn file held in buf (len bytes): {year, days: [{date,
 * isOffDay}]}. The file's year counts as loaded when it lists at least one
 * day; each entry applies to its own date, whichever year that is. On error
 * returns -1 and writes a one-line reason into err (nothing is loaded).
 * Returns the file's year on success.
 */
int  calendar_load_json(struct calendar *cal, const char *buf, size_t len,
                        char *err, size_t errlen);

/* Marks one day as off (true) or as an adjusted working day (false). */
bool calendar_set_day(struct calendar *cal, jzz_date day, bool off);
/* Marks a year's schedule as published (loaded). */
bool calendar_set_year_loaded(struct calendar *cal, int year);
bool calendar_year_loaded(const struct calendar *cal, int year);

/* The listed override of a day: 1 off, 0 working, -1 not listed. */
int  calendar_override(const struct calendar *cal, jzz_date day);

bool calendar_is_workday(const struct calendar *cal, jzz_date day);

/*
 * The n-th working day after `from` (the day of work itself is not counted).
 * If any day examined lies in a year whose schedule is not loaded, that year
 * (the first met) is written to *unloaded_year, else 0. n = 0 returns `from`
 * and examines nothing.
 */
jzz_date calendar_add_workdays(const struct calendar *cal, jzz_date from, int n,
                               int *unloaded_year);

/* Working days strictly after `from` up to and including `to` (0 when to <= from). */
int  calendar_workdays_between(const struct calendar *cal, jzz_date from, jzz_date to);

#endif
