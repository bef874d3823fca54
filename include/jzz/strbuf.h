/*
 * strbuf.h: a growable byte buffer for building output (JSON, reports,
 * receipts) without a fixed size and without a formatted print per byte.
 */
#ifndef JZZ_STRBUF_H
#define JZZ_STRBUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stddef.h>

struct strbuf {
	char  *buf;   /* NUL-terminated when len > 0 or after strbuf_init */
	size_t len;
	size_t cap;
	bool   oom;   /* an allocation failed: the contents are cut */
};

void strbuf_init(struct strbuf *sb);
void strbuf_free(struct strbuf *sb);
void strbuf_reset(struct strbuf *sb);              /* empty, keeps the memory */
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_puts(struct strbuf *sb, const char *s);
void strbuf_putc(struct strbuf *sb, char c);
void strbuf_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap);
/* A JSON string literal, quotes included, escaping what RFC 8259 requires. */
void strbuf_json_string(struct strbuf *sb, const char *s);
/* s for a person to read on a terminal: control characters (C0, DEL, C1),
 * bidirectional overrides and broken UTF-8 become U+FFFD, so that no name
 * can move the cursor, forge a line, recolour or reorder the screen. */
void strbuf_put_text(struct strbuf *sb, const char *s);
/* One UTF-8 character at s: its length, and its code point (0xFFFD and
 * length 1 for a byte that starts no valid character). */
size_t text_decode(const char *s, uint32_t *cp);
/* A code point that must never reach a terminal as it is. */
bool   text_unsafe(uint32_t cp);
/* Display columns of UTF-8 text in a fixed-width font: CJK and full-width
 * characters take two, whatever the locale. */
size_t text_cols(const char *s);
/* s in a column `width` display columns wide: padded with spaces after it
 * (or before it when `right`); never cut. */
void   strbuf_put_cols(struct strbuf *sb, const char *s, size_t width, bool right);

#endif
