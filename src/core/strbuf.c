/*
 * strbuf.c: a growable byte buffer (see strbuf.h). On allocation failure the
 * buffer keeps what it had and sets `oom`, so that a caller writes one check
 * at the end rather than one per append.
 */
#include "jzz/strbuf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
strbuf_init(struct strbuf *sb)
{
	sb->buf = NULL;
	sb->len = 0;
	sb->cap = 0;
	sb->oom = false;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->buf);
	strbuf_init(sb);
}

void
strbuf_reset(struct strbuf *sb)
{
	sb->len = 0;
	if (sb->buf != NULL)
		sb->buf[0] = '\0';
}

static bool
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t need, cap;
	char  *nb;

	if (sb->oom)
		return false;
	need = sb->len + extra + 1;
	if (need <= sb->cap)
		return true;
	cap = sb->cap ? sb->cap : 256;
	while (cap < need)
		cap *= 2;
	nb = realloc(sb->buf, cap);
	if (nb == NULL) {
		sb->oom = true;
		return false;
	}
	sb->buf = nb;
	sb->cap = cap;
	return true;
}

void
strbuf_add(struct strbuf *sb, const char *s, size_t n)
{
	if (!strbuf_grow(sb, n))
		return;
	memcpy(sb->buf + sb->len, s, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_puts(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_putc(struct strbuf *sb, char c)
{
	strbuf_add(sb, &c, 1);
}

void
strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list ap2;
	int     n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0 || !strbuf_grow(sb, (size_t)n))
		return;
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
}

/*
 * One UTF-8 character at s: its length (1 for a byte that starts no valid
 * character) and its code point (0xFFFD when invalid). Overlong forms and
 * surrogates are invalid.
 */
size_t
text_decode(const char *str, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t             c = s[0], min;
	size_t               n;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf)
		n = 2, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		n = 3, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		n = 4, c &= 0x07, min = 0x10000;
	else {
		*cp = 0xFFFD;
		return 1;
	}
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = 0xFFFD;
			return 1;
		}
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = 0xFFFD;
		return 1;
	}
	*cp = c;
	return n;
}

bool
text_unsafe(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f) || cp == 0x061c ||
	    cp == 0x200e || cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFFFD;
}

void
strbuf_put_text(struct strbuf *sb, const char *s)
{
	const char *run = s;

	while (*s != '\0') {
		uint32_t cp;
		size_t   n = (unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f ? 1 :
		    text_decode(s, &cp);

		if (n == 1 && (unsigned char)*s >= 0x20 && (unsigned char)*s < 0x7f) {
			s++;
			continue;
		}
		if (!text_unsafe(cp) || (cp == 0xFFFD && n == 3)) {
			s += n;   /* a real U+FFFD stays */
			continue;
		}
		strbuf_add(sb, run, (size_t)(s - run));
		strbuf_puts(sb, "\xEF\xBF\xBD");   /* U+FFFD for what must not reach a terminal */
		s += n;
		run = s;
	}
	strbuf_add(sb, run, (size_t)(s - run));
}

void
strbuf_json_string(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const char       *run = s;

	strbuf_putc(sb, '"');
	while (*s != '\0') {
		unsigned char c = (unsigned char)*s;
		char          esc[6];
		uint32_t      cp = c;
		size_t        n = 1;

		if (c >= 0x80) {
			/* C1 controls, bidi overrides and broken UTF-8 as escapes:
			 * valid JSON that no terminal acts on */
			n = text_decode(s, &cp);
			if (!(text_unsafe(cp) && !(cp == 0xFFFD && n == 3))) {
				s += n;
				continue;
			}
		} else if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
			s++;
			continue;
		}
		strbuf_add(sb, run, (size_t)(s - run));
		s += n;
		run = s;
		switch (cp) {
		case '"':  strbuf_add(sb, "\\\"", 2); break;
		case '\\': strbuf_add(sb, "\\\\", 2); break;
		case '\n': strbuf_add(sb, "\\n", 2); break;
		case '\r': strbuf_add(sb, "\\r", 2); break;
		case '\t': strbuf_add(sb, "\\t", 2); break;
		default:
			memcpy(esc, "\\u", 2);
			esc[2] = hex[cp >> 12 & 15];
			esc[3] = hex[cp >> 8 & 15];
			esc[4] = hex[cp >> 4 & 15];
			esc[5] = hex[cp & 15];
			strbuf_add(sb, esc, 6);
		}
	}
	strbuf_add(sb, run, (size_t)(s - run));
	strbuf_putc(sb, '"');
}

/*
 * Display columns of one code point on a terminal or a fixed-width page:
 * the East Asian wide and full-width ranges take two, combining marks and
 * zero-width characters none, the rest one.
 *
 * Why a table and not wcwidth(3): the core reads no locale, and a report
 * written under LANG=C (a cron job, a pipe) would otherwise count every
 * Chinese character as unprintable. The terminal itself measures with
 * wcwidth (ui_view_cols), as curses does when it draws.
 */
static int
text_cp_cols(uint32_t c)
{
	static const uint32_t wide[][2] = {
		{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A }, { 0x2E80, 0x303E },
		{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF }, { 0xA000, 0xA4CF },
		{ 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 }, { 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 },
		{ 0xFE30, 0xFE6F }, { 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x1F300, 0x1F64F },
		{ 0x1F900, 0x1F9FF }, { 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
	};

	if (c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x0300 && c <= 0x036F) ||
	    (c >= 0x200B && c <= 0x200F) || (c >= 0xFE00 && c <= 0xFE0F))
		return 0;
	for (size_t i = 0; i < sizeof wide / sizeof wide[0] && c >= wide[i][0]; i++)
		if (c <= wide[i][1])
			return 2;
	return 1;
}

size_t
text_cols(const char *s)
{
	size_t   cols = 0;
	uint32_t cp;

	while (s != NULL && *s != '\0') {
		s += text_decode(s, &cp);
		cols += (size_t)text_cp_cols(cp);
	}
	return cols;
}

void
strbuf_put_cols(struct strbuf *sb, const char *s, size_t width, bool right)
{
	size_t n = text_cols(s);

	if (right)
		for (; n < width; n++)
			strbuf_putc(sb, ' ');
	strbuf_puts(sb, s);
	if (!right)
		for (; n < width; n++)
			strbuf_putc(sb, ' ');
}
