/*
 * test_msg_formats.c: every entry of the terminal's message catalogue
 * (src/ui/ui_msg.h) takes the same printf arguments in Chinese and English.
 *
 * Why: many screens pass a catalogue entry as the format of snprintf, and
 * the language is switched at run time; an entry whose English says %s
 * where the Chinese says %d is undefined behaviour in one language only,
 * which no test run in the other language would see. The conversions are
 * read here with a small parser of C11's printf syntax, itself checked on
 * known pairs first so that a parser that sees nothing cannot pass.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "ui_msg.h"

struct msg_formats_entry {
	const char *id;
	const char *zh;
	const char *en;
};

static const struct msg_formats_entry msg_formats_table[] = {
#define MSG_FORMATS_ENTRY(id, zh, en) { #id, zh, en },
	UI_MESSAGES(MSG_FORMATS_ENTRY)
#undef MSG_FORMATS_ENTRY
};

#define MSG_FORMATS_MAX 16

/* One conversion as the argument it consumes: the length modifier and the
 * conversion letter ("zu", "d", "ls"), with a "*" for each star of width or
 * precision (each one an int argument before the value). */
struct msg_formats_spec {
	char text[8];
};

/* The conversions of fmt in order; -1 when fmt is not a valid C11 format
 * (a lone % at the end, an unknown conversion letter, too many). */
static int
msg_formats_parse(const char *fmt, struct msg_formats_spec *out, int max)
{
	int n = 0;

	for (const char *p = fmt; *p; p++) {
		char   spec[8];
		size_t len = 0;

		if (*p != '%')
			continue;
		p++;
		if (*p == '%')
			continue;
		while (*p && strchr("-+ #0", *p))
			p++;
		if (*p == '*') {
			spec[len++] = '*';
			p++;
		} else {
			while (*p >= '0' && *p <= '9')
				p++;
		}
		if (*p == '.') {
			p++;
			if (*p == '*') {
				spec[len++] = '*';
				p++;
			} else {
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
		if ((p[0] == 'h' && p[1] == 'h') || (p[0] == 'l' && p[1] == 'l')) {
			spec[len++] = *p++;
			spec[len++] = *p++;
		} else if (*p && strchr("hljztL", *p)) {
			spec[len++] = *p++;
		}
		if (!*p || !strchr("diouxXfFeEgGaAcspn", *p))
			return -1;
		spec[len++] = *p;
		spec[len] = '\0';
		if (n == max)
			return -1;
		memcpy(out[n].text, spec, len + 1);
		n++;
	}
	return n;
}

/* Whether two formats consume the same arguments. The flags, widths and
 * precisions may differ (a language may pad differently); the kinds may not. */
static bool
msg_formats_agree(const char *a, const char *b)
{
	struct msg_formats_spec sa[MSG_FORMATS_MAX], sb[MSG_FORMATS_MAX];
	int                     na = msg_formats_parse(a, sa, MSG_FORMATS_MAX);
	int                     nb = msg_formats_parse(b, sb, MSG_FORMATS_MAX);

	if (na < 0 || nb < 0 || na != nb)
		return false;
	for (int i = 0; i < na; i++) {
		if (strcmp(sa[i].text, sb[i].text) != 0)
			return false;
	}
	return true;
}

/* The parser and the comparison on pairs whose answer is known. */
static void
test_parser_known_pairs(void **state)
{
	struct msg_formats_spec s[MSG_FORMATS_MAX];

	(void)state;
	assert_int_equal(msg_formats_parse("no conversion, 100%% sure", s, MSG_FORMATS_MAX), 0);
	assert_int_equal(msg_formats_parse("%s：%-8s %3d %.*s %zu %lld", s, MSG_FORMATS_MAX), 6);
	assert_string_equal(s[0].text, "s");
	assert_string_equal(s[1].text, "s");
	assert_string_equal(s[2].text, "d");
	assert_string_equal(s[3].text, "*s");
	assert_string_equal(s[4].text, "zu");
	assert_string_equal(s[5].text, "lld");
	assert_int_equal(msg_formats_parse("ends in %", s, MSG_FORMATS_MAX), -1);
	assert_int_equal(msg_formats_parse("%y", s, MSG_FORMATS_MAX), -1);

	assert_true(msg_formats_agree("%s：%s", "%s: %s"));
	assert_true(msg_formats_agree("共 %5d 人", "%d persons"));
	assert_false(msg_formats_agree("%d 项", "%s items"));
	assert_false(msg_formats_agree("%s、%s", "%s"));
	assert_false(msg_formats_agree("%zu", "%d"));
	assert_false(msg_formats_agree("%.*s", "%s"));
	assert_false(msg_formats_agree("100%", "100%%"));
}

/* Every entry of the catalogue, naming each one that disagrees. */
static void
test_catalogue_entries_agree(void **state)
{
	size_t n = sizeof msg_formats_table / sizeof msg_formats_table[0];
	size_t bad = 0, with_args = 0;

	(void)state;
	assert_int_equal(n, (size_t)M__COUNT);
	for (size_t i = 0; i < n; i++) {
		const struct msg_formats_entry *e = &msg_formats_table[i];
		struct msg_formats_spec         s[MSG_FORMATS_MAX];

		if (!msg_formats_agree(e->zh, e->en)) {
			print_error("%s: \"%s\" and \"%s\" take different arguments\n", e->id, e->zh, e->en);
			bad++;
		}
		if (msg_formats_parse(e->zh, s, MSG_FORMATS_MAX) > 0)
			with_args++;
	}
	assert_int_equal(bad, 0);
	/* The catalogue does hold formats: a test that saw none would prove nothing. */
	assert_true(with_args > 10);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parser_known_pairs),
		cmocka_unit_test(test_catalogue_entries_agree),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
