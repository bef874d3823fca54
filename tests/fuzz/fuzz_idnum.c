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
	char             masked[IDNUM_MASK_LEN];

	if (e >= IDNUM__COUNT || idnum_error_zh(e) == NULL || idnum_error_en(e) == NULL)
		abort();
	if (e == IDNUM_OK) {
		if (strlen(id.number) != 18 || id.number[17] != idnum_check_char(id.number) ||
		    id.birth == JZZ_DATE_NONE || !idnum_province_valid(id.province))
			abort();
	}
	/* the one masking: 18 characters keep 6 + 4, anything else at most 4 + 4 */
	idnum_mask(id.number, masked);
	if (strlen(id.number) == 18) {
		if (strlen(masked) != 18 || strspn(masked + 6, "*") != 8)
			abort();
	} else if (strlen(masked) != (strlen(id.number) > 10 ? 12u : strlen(id.number) > 0 ? 4u : 0u)) {
		abort();
	}
	return 0;
}
