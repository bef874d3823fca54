/*
 * fuzz_date.c: libFuzzer target for the date parser and date arithmetic.
 *
 * A date that parses must format back to the same ten bytes; month and year
 * arithmetic must land on real dates; ages are never negative on or after
 * the birth date.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	jzz_date d, e;
	char     buf[JZZ_DATE_STRLEN];
	int      y, m, dd;

	if (!date_parse((const char *)data, size, &d))
		return 0;
	date_format(d, buf);
	if (size != 10 || memcmp(buf, data, 10) != 0)
		abort();
	date_to_ymd(d, &y, &m, &dd);
	if (!date_valid_ymd(y, m, dd) || date_from_ymd(y, m, dd) != d)
		abort();
	if (y < 9990) {
		e = date_add_months(d, 7);
		date_to_ymd(e, &y, &m, &dd);
		if (!date_valid_ymd(y, m, dd) || e <= d)
			abort();
		if (date_age_on(d, date_years_end(d, 5) + 1) != 5)
			abort();
	}
	if (date_weekday(d) < 1 || date_weekday(d) > 7)
		abort();
	return 0;
}
