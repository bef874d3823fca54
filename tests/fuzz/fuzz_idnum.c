/*
 * fuzz_idnum.c: libFuzzer target for the ID number parser and masking.
 *
 * Checks what must hold for any input: a number accepted is 18 characters of
 * digits and X with the right check character and a birth date; masking
 * never reads or writes past its buffers.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/idnum.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct idnum     id;
	enum idnum_error e = idnum_parse((const char *)data, size, date_from_ymd(2026, 11, 27), &id);
	char             masked[19];

	if (e >= IDNUM__COUNT || idnum_error_zh(e) == NULL || idnum_error_en(e) == NULL)
		abort();
	if (e == IDNUM_OK) {
		if (strlen(id.number) != 18 || id.number[17] != idnum_check_char(id.number) ||
		    id.birth == JZZ_DATE_NONE || !idnum_province_valid(id.province))
			abort();
	}
	idnum_mask(id.number, masked);
	if (strlen(masked) != 18)
		abort();
	return 0;
}
