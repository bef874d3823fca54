/*
 * fuzz_case.c: libFuzzer target for the case parser and the rules behind it.
 *
 * Whatever the bytes, casefmt_parse must either reject them with a field and
 * a message or produce a case that the rules decide and the writer prints as
 * one valid line: no crash, no leak, no undefined behaviour.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "jzz/jsonv.h"
#include "jzz/rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct jsonv_arena arena;
	struct jzz_case           c;
	struct jzz_decision       d;
	struct casefmt_error      err;
	struct strbuf             sb;
	char                      text[300];

	if (casefmt_parse_in(&arena, (const char *)data, size, CASEFMT_CHECK,
	    date_from_ymd(2026, 11, 27), &c, &err) < 0) {
		casefmt_error_text(&err, text, sizeof text);
		if (text[0] == '\0')
			abort();   /* every rejection says why */
		return 0;
	}
	rules_evaluate(&c, NULL, &d);
	strbuf_init(&sb);
	casefmt_decision(&sb, &d);
	if (sb.len == 0 || sb.buf[0] != '{' || sb.buf[sb.len - 1] != '}' || strlen(sb.buf) != sb.len)
		abort();
	strbuf_free(&sb);
	/* Submit mode reads the same bytes under its own rule. */
	casefmt_parse_in(&arena, (const char *)data, size, CASEFMT_SUBMIT,
	    date_from_ymd(2026, 11, 27), &c, &err);
	return 0;
}
