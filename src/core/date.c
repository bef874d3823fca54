/*
 * date.c: civil dates as day numbers (see date.h).
 *
 * The conversions are the well-known era-based algorithms for the proleptic
 * Gregorian calendar (days since 1970-01-01 <-> year, month, day), exact for
 * every year jzz accepts. Month arithmetic clamps to the month's last day, as
 * RULES.md and China's Civil Code art. 202 require.
 */
#include "jzz/date.h"

#include <string.h>

bool
date_is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int
date_days_in_month(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m < 1 || m > 12)
		return 0;
	return m == 2 && date_is_leap(y) ? 29 : days[m - 1];
}

bool
date_valid_ymd(int y, int m, int d)
{
	return y >= JZZ_DATE_MIN_YEAR && y <= JZZ_DATE_MAX_YEAR && m >= 1 && m <= 12 &&
	    d >= 1 && d <= date_days_in_month(y, m);
}

jzz_date
date_from_ymd(int y, int m, int d)
{
	/* Years start in March so that the leap day is the year's last. */
	int      yy = m <= 2 ? y - 1 : y;
	int      era = (yy >= 0 ? yy : yy - 399) / 400;
	unsigned yoe = (unsigned)(yy - era * 400);
	unsigned doy = (153u * (unsigned)(m > 2 ? m - 3 : m + 9) + 2u) / 5u + (unsigned)d - 1u;
	unsigned doe = yoe * 365u + yoe / 4u - yoe / 100u + doy;

	return (jzz_date)(era * 146097 + (int)doe - 719468);
}

void
date_to_ymd(jzz_date day, int *y, int *m, int *d)
{
	int      z = day + 719468;
	int      era = (z >= 0 ? z : z - 146096) / 146097;
	unsigned doe = (unsigned)(z - era * 146097);
	unsigned yoe = (doe - doe / 1460u + doe / 36524u - doe / 146096u) / 365u;
	unsigned doy = doe - (365u * yoe + yoe / 4u - yoe / 100u);
	unsigned mp = (5u * doy + 2u) / 153u;
	int      dd = (int)(doy - (153u * mp + 2u) / 5u + 1u);
	int      mm = (int)(mp < 10 ? mp + 3 : mp - 9);
	int      yy = (int)yoe + era * 400 + (mm <= 2);

	if (y != NULL)
		*y = yy;
	if (m != NULL)
		*m = mm;
	if (d != NULL)
		*d = dd;
}

int
date_year(jzz_date day)
{
	int y;

	date_to_ymd(day, &y, NULL, NULL);
	return y;
}

static int
date_digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

bool
date_parse(const char *s, size_t len, jzz_date *out)
{
	int y, m, d;

	if (s == NULL || len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	y = date_digits(s, 4);
	m = date_digits(s + 5, 2);
	d = date_digits(s + 8, 2);
	if (y < 0 || m < 0 || d < 0 || !date_valid_ymd(y, m, d))
		return false;
	*out = date_from_ymd(y, m, d);
	return true;
}

void
date_format(jzz_date day, char buf[JZZ_DATE_STRLEN])
{
	int y, m, d;

	if (day == JZZ_DATE_NONE) {
		memcpy(buf, "----------", JZZ_DATE_STRLEN);
		return;
	}
	date_to_ymd(day, &y, &m, &d);
	/* Written by hand: this is on the hot path of `jzz check --jsonl`. */
	buf[0] = (char)('0' + y / 1000 % 10);
	buf[1] = (char)('0' + y / 100 % 10);
	buf[2] = (char)('0' + y / 10 % 10);
	buf[3] = (char)('0' + y % 10);
	buf[4] = '-';
	buf[5] = (char)('0' + m / 10);
	buf[6] = (char)('0' + m % 10);
	buf[7] = '-';
	buf[8] = (char)('0' + d / 10);
	buf[9] = (char)('0' + d % 10);
	buf[10] = '\0';
}

const char *
date_text(jzz_date day, char buf[JZZ_DATE_STRLEN])
{
	if (day == JZZ_DATE_NONE)
		buf[0] = '\0';
	else
		date_format(day, buf);
	return buf;
}

int
date_weekday(jzz_date day)
{
	/* 1970-01-01 was a Thursday (4). */
	int r = (day % 7 + 7) % 7;

	return (r + 3) % 7 + 1;
}

jzz_date
date_add_months(jzz_date day, int months)
{
	int y, m, d, total, dim;

	date_to_ymd(day, &y, &m, &d);
	total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

jzz_date
date_add_years(jzz_date day, int years)
{
	return date_add_months(day, years * 12);
}

jzz_date
date_years_end(jzz_date day, int years)
{
	return date_add_years(day, years) - 1;
}

int
date_age_on(jzz_date birth, jzz_date day)
{
	int by, bm, bd, y, m, d, age;

	if (day < birth)
		return -1;
	date_to_ymd(birth, &by, &bm, &bd);
	date_to_ymd(day, &y, &m, &d);
	age = y - by;
	/* The anniversary this year, with 29 February taken as 28 February in a
	 * common year (date_add_years clamps the same way). */
	if (date_add_years(birth, age) > day)
		age--;
	return age;
}
