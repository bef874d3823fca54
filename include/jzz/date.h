/*
 * date.h: civil dates as day numbers, and the calendar arithmetic the policy
 * is written in.
 *
 * A date is a count of days since 1970-01-01 (proleptic Gregorian), so that
 * "N days later" is an addition and comparisons are integer comparisons.
 * Month and year arithmetic follows RULES.md (China's Civil Code art. 202):
 * adding N months keeps the day of the month or, where that day does not
 * exist, takes the month's last day (2026-08-31 + 6 months = 2027-02-28).
 *
 * No I/O here: this file is part of the rules core.
 */
#ifndef JZZ_DATE_H
#define JZZ_DATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t jzz_date;

/* "No date": a sentinel outside every valid range. */
#define JZZ_DATE_NONE INT32_MIN

/* Years a date may name; anything else is "a date that does not exist". */
#define JZZ_DATE_MIN_YEAR 1
#define JZZ_DATE_MAX_YEAR 9999

/* Length of an ISO date "YYYY-MM-DD" plus its NUL. */
#define JZZ_DATE_STRLEN 11

bool     date_valid_ymd(int y, int m, int d);
jzz_date date_from_ymd(int y, int m, int d); /* caller checks date_valid_ymd */
void     date_to_ymd(jzz_date day, int *y, int *m, int *d);
int      date_year(jzz_date day);
int      date_days_in_month(int y, int m);
bool     date_is_leap(int y);

/* Parses exactly "YYYY-MM-DD" (len bytes, no trailing text). Returns true and
 * sets *out for a real date; false for any other text or an impossible date
 * such as 2026-02-29. */
bool     date_parse(const char *s, size_t len, jzz_date *out);

/* Writes "YYYY-MM-DD" and a NUL into buf (JZZ_DATE_STRLEN bytes). */
void     date_format(jzz_date day, char buf[JZZ_DATE_STRLEN]);
/* date_format, but "" for JZZ_DATE_NONE (a date not set, as a table cell
 * or a paper's field shows it); returns buf. */
const char *date_text(jzz_date day, char buf[JZZ_DATE_STRLEN]);

/* ISO weekday: 1 = Monday ... 7 = Sunday. */
int      date_weekday(jzz_date day);

/* Calendar months and years, with the end-of-month rule. */
jzz_date date_add_months(jzz_date day, int months);
jzz_date date_add_years(jzz_date day, int years);

/* "N years - 1 day": the years first, then the day (2024-02-29 -> 2025-02-27).
 * The last valid day of something that starts on `day` and lasts N years. */
jzz_date date_years_end(jzz_date day, int years);

/* Age in whole years on `day` of a person born on `birth`. A person reaches an
 * age on the anniversary itself; one born on 29 February reaches it on
 * 28 February in a common year. Negative when `day` is before `birth`. */
int      date_age_on(jzz_date birth, jzz_date day);

#endif
