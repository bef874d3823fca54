/*
 * fuzz_calendar.c: libFuzzer target for the holiday-file reader.
 *
 * A file is loaded whole or not at all: on failure the calendar must be
 * unchanged and the reason written; on success counting working days must
 * still terminate and move forward.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/calendar.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct calendar *cal = calendar_new();
	char             err[256] = "";
	int              year, unloaded;
	jzz_date         from = date_from_ymd(2026, 11, 27), to;

	if (cal == NULL)
		return 0;
	year = calendar_load_json(cal, (const char *)data, size, err, sizeof err);
	if (year < 0) {
		if (err[0] == '\0' || calendar_override(cal, from) != -1)
			abort();
	} else {
		to = calendar_add_workdays(cal, from, 15, &unloaded);
		if (to <= from || calendar_workdays_between(cal, from, to) != 15)
			abort();
	}
	calendar_free(cal);
	return 0;
}
