/*
 * fuzz_field.c: libFuzzer target for the field editor's key handling.
 *
 * The input is read as a field kind and size, then a stream of keys
 * (characters anywhere in Unicode, curses special keys, F-keys). Whatever
 * the keys, the editor must keep its invariants: the insertion point within
 * the text, the text within its capacity and NUL-terminated, ID-number
 * fields holding only digits and X, and the UTF-8 copy valid and whole.
 */
#include <locale.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "uipriv.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The terminal runs in a UTF-8 locale (it refuses any other): so does this. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	setlocale(LC_ALL, "C.UTF-8");
	return 0;
}

static void
fuzz_field_check_utf8(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		int n = *p < 0x80 ? 1 : *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC2 ? 2 : 0;

		if (n == 0)
			abort();
		for (int i = 1; i < n; i++)
			if ((p[i] & 0xC0) != 0x80)
				abort();
		p += n;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int specials[] = { KEY_LEFT, KEY_RIGHT, KEY_HOME, KEY_END, KEY_BACKSPACE,
		KEY_DC, KEY_UP, KEY_DOWN, KEY_NPAGE, KEY_PPAGE, KEY_RESIZE };
	struct ui_field f;
	char            out[1024];

	if (size < 2)
		return 0;
	ui_field_init(&f, (enum ui_field_kind)(data[0] % (UF_SECRET + 1)), 1 + data[1] % 64);
	for (size_t i = 2; i + 4 <= size; i += 4) {
		struct ui_key k = { UK_CHAR, 0, 0 };
		uint32_t      v = (uint32_t)data[i + 1] << 16 | (uint32_t)data[i + 2] << 8 | data[i + 3];

		switch (data[i] % 4) {
		case 0: /* ASCII and controls */
			k.ch = (wint_t)(v % 128);
			break;
		case 1: /* anywhere in Unicode, surrogates and beyond included */
			k.ch = (wint_t)(v % 0x110000);
			break;
		case 2:
			k.type = UK_SPECIAL;
			k.ch = (wint_t)specials[v % (sizeof specials / sizeof specials[0])];
			break;
		default:
			k.type = UK_FN;
			k.fn = (int)(v % 12) + 1;
		}
		ui_field_key(&f, &k);
		if (f.cur > f.len || f.len > f.cap || f.buf[f.len] != 0)
			abort();
	}
	if (f.kind == UF_IDNUM)
		for (size_t i = 0; i < f.len; i++)
			if (!((f.buf[i] >= '0' && f.buf[i] <= '9') || f.buf[i] == 'X'))
				abort();
	ui_field_get(&f, out, sizeof out);
	if (strlen(out) >= sizeof out)
		abort();
	fuzz_field_check_utf8(out);
	ui_field_set(&f, out);
	ui_field_free(&f);
	return 0;
}
