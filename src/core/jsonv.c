/*
 * jsonv.c: a strict, small JSON reader (see jsonv.h for why it exists).
 *
 * Recursive descent over the RFC 8259 grammar, with the depth bounded so a
 * hostile input cannot exhaust the stack. Strings are validated as UTF-8
 * while they are copied (overlong forms, surrogates and code points past
 * U+10FFFF are refused), escapes are decoded, and \u0000 is refused as NUL
 * has no place in any member of a case.
 */
#include "jzz/jsonv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JSONV_BLOCK       65536
#define JSONV_MAX_MEMBERS 4096   /* duplicate names are looked for by scanning */

struct jsonv_block {
	struct jsonv_block *next;
	size_t              size;
	char                data[];
};

struct jsonv_parser {
	struct jsonv_arena *arena;
	const char         *p, *end;
	int                 line;
	struct jsonv_error *err;
};

void
jsonv_arena_init(struct jsonv_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void
jsonv_arena_free(struct jsonv_arena *a)
{
	struct jsonv_block *b = a->head, *next;

	for (; b != NULL; b = next) {
		next = b->next;
		free(b);
	}
	jsonv_arena_init(a);
}

void
jsonv_arena_reset(struct jsonv_arena *a)
{
	struct jsonv_block *keep = a->head, *b, *next;

	if (keep == NULL)
		return;
	/* The head is the newest block; keep the oldest, which is of the
	 * ordinary size, and free the rest. */
	while (keep->next != NULL)
		keep = keep->next;
	for (b = a->head; b != keep; b = next) {
		next = b->next;
		free(b);
	}
	a->head = keep->size == JSONV_BLOCK ? keep : NULL;
	if (a->head == NULL)
		free(keep);
	a->used = 0;
}

static void *
jsonv_alloc(struct jsonv_arena *a, size_t n)
{
	struct jsonv_block *b;
	size_t              size;

	n = (n + 15) & ~(size_t)15;
	if (a->head != NULL && a->used + n <= a->head->size) {
		void *p = a->head->data + a->used;

		a->used += n;
		return p;
	}
	size = n > JSONV_BLOCK ? n : JSONV_BLOCK;
	b = malloc(sizeof *b + size);
	if (b == NULL)
		return NULL;
	b->size = size;
	b->next = a->head;
	a->head = b;
	a->used = n;
	return b->data;
}

static struct jsonv *
jsonv_fail(struct jsonv_parser *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static struct jsonv *
jsonv_fail(struct jsonv_parser *x, const char *fmt, ...)
{
	va_list ap;

	if (x->err->text[0] != '\0')
		return NULL;   /* the first error is the one to report */
	x->err->line = x->line;
	va_start(ap, fmt);
	vsnprintf(x->err->text, sizeof x->err->text, fmt, ap);
	va_end(ap);
	return NULL;
}

static void
jsonv_space(struct jsonv_parser *x)
{
	while (x->p < x->end) {
		char c = *x->p;

		if (c == '\n')
			x->line++;
		else if (c != ' ' && c != '\t' && c != '\r')
			return;
		x->p++;
	}
}

static struct jsonv *
jsonv_new(struct jsonv_parser *x, enum jsonv_type t)
{
	struct jsonv *v = jsonv_alloc(x->arena, sizeof *v);

	if (v == NULL)
		return jsonv_fail(x, "out of memory");
	memset(v, 0, sizeof *v);
	v->type = t;
	return v;
}

static int
jsonv_hex4(const char *p)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		char c = p[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static char *
jsonv_put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		*o++ = (char)cp;
	} else if (cp < 0x800) {
		*o++ = (char)(0xC0 | (cp >> 6));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*o++ = (char)(0xE0 | (cp >> 12));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	} else {
		*o++ = (char)(0xF0 | (cp >> 18));
		*o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
		*o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
		*o++ = (char)(0x80 | (cp & 0x3F));
	}
	return o;
}

/* Length of the valid UTF-8 sequence at p (lead byte >= 0x80), or 0. */
static int
jsonv_utf8_len(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	int           n;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c >= 0xC2 && c <= 0xDF)
		n = 2;
	else if (c >= 0xE0 && c <= 0xEF) {
		n = 3;
		if (c == 0xE0)
			lo = 0xA0;          /* no overlong forms */
		else if (c == 0xED)
			hi = 0x9F;          /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;          /* nothing past U+10FFFF */
	} else
		return 0;
	if (end - p < n || p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xBF)
			return 0;
	return n;
}

/* Parses a string at x->p (the opening quote); returns its decoded copy in
 * the arena and its length. */
static char *
jsonv_string_raw(struct jsonv_parser *x, uint32_t *outlen)
{
	const unsigned char *p = (const unsigned char *)x->p + 1;
	const unsigned char *end = (const unsigned char *)x->end;
	const unsigned char *q = p;
	char                *out, *o;

	/* First find the end, so the copy is allocated once. */
	while (q < end && *q != '"') {
		if (*q == '\\' && q + 1 < end)
			q++;
		q++;
	}
	if (q >= end) {
		jsonv_fail(x, "unterminated string");
		return NULL;
	}
	if ((size_t)(q - p) >= UINT32_MAX) {
		jsonv_fail(x, "string too long");
		return NULL;
	}
	out = o = jsonv_alloc(x->arena, (size_t)(q - p) + 1);
	if (out == NULL) {
		jsonv_fail(x, "out of memory");
		return NULL;
	}
	while (p < q) {
		unsigned char c = *p;

		if (c == '\\') {
			unsigned cp;
			int      h;

			p++;
			switch (*p) {
			case '"': *o++ = '"'; p++; break;
			case '\\': *o++ = '\\'; p++; break;
			case '/': *o++ = '/'; p++; break;
			case 'b': *o++ = '\b'; p++; break;
			case 'f': *o++ = '\f'; p++; break;
			case 'n': *o++ = '\n'; p++; break;
			case 'r': *o++ = '\r'; p++; break;
			case 't': *o++ = '\t'; p++; break;
			case 'u':
				if (q - p < 5 || (h = jsonv_hex4((const char *)p + 1)) < 0) {
					jsonv_fail(x, "invalid \\u escape");
					return NULL;
				}
				cp = (unsigned)h;
				p += 5;
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					int lo;

					if (q - p < 6 || p[0] != '\\' || p[1] != 'u' ||
					    (lo = jsonv_hex4((const char *)p + 2)) < 0xDC00 || lo > 0xDFFF) {
						jsonv_fail(x, "lone surrogate in \\u escape");
						return NULL;
					}
					cp = 0x10000 + ((cp - 0xD800) << 10) + ((unsigned)lo - 0xDC00);
					p += 6;
				} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
					jsonv_fail(x, "lone surrogate in \\u escape");
					return NULL;
				}
				if (cp == 0) {
					jsonv_fail(x, "\\u0000 is not allowed");
					return NULL;
				}
				o = jsonv_put_utf8(o, cp);
				break;
			default:
				jsonv_fail(x, "invalid escape");
				return NULL;
			}
		} else if (c < 0x20) {
			jsonv_fail(x, "control character in string");
			return NULL;
		} else if (c < 0x80) {
			*o++ = (char)c;
			p++;
		} else {
			int n = jsonv_utf8_len(p, q);

			if (n == 0) {
				jsonv_fail(x, "invalid UTF-8");
				return NULL;
			}
			memcpy(o, p, (size_t)n);
			o += n;
			p += n;
		}
	}
	*o = '\0';
	*outlen = (uint32_t)(o - out);
	x->p = (const char *)q + 1;
	return out;
}

static struct jsonv *jsonv_value(struct jsonv_parser *x, int depth);

static struct jsonv *
jsonv_number(struct jsonv_parser *x)
{
	const char   *s = x->p, *p = x->p;
	struct jsonv *v;

	if (p < x->end && *p == '-')
		p++;
	if (p < x->end && *p == '0')
		p++;
	else if (p < x->end && *p >= '1' && *p <= '9')
		while (p < x->end && *p >= '0' && *p <= '9')
			p++;
	else
		return jsonv_fail(x, "invalid number");
	if (p < x->end && *p == '.') {
		p++;
		if (p >= x->end || *p < '0' || *p > '9')
			return jsonv_fail(x, "invalid number");
		while (p < x->end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < x->end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < x->end && (*p == '+' || *p == '-'))
			p++;
		if (p >= x->end || *p < '0' || *p > '9')
			return jsonv_fail(x, "invalid number");
		while (p < x->end && *p >= '0' && *p <= '9')
			p++;
	}
	if ((v = jsonv_new(x, JSONV_NUMBER)) == NULL)
		return NULL;
	v->str = s;
	v->len = (uint32_t)(p - s);
	x->p = p;
	return v;
}

static struct jsonv *
jsonv_word(struct jsonv_parser *x, const char *word, enum jsonv_type t)
{
	size_t n = strlen(word);

	if ((size_t)(x->end - x->p) < n || memcmp(x->p, word, n) != 0)
		return jsonv_fail(x, "invalid token");
	x->p += n;
	return jsonv_new(x, t);
}

/* A container of type t begun at x->p (its opening bracket); *empty when
 * its `close` follows at once (read). NULL when out of memory. */
static struct jsonv *
jsonv_open(struct jsonv_parser *x, enum jsonv_type t, char close, bool *empty)
{
	struct jsonv *v = jsonv_new(x, t);

	*empty = false;
	if (v == NULL)
		return NULL;
	x->p++;
	jsonv_space(x);
	if (x->p < x->end && *x->p == close) {
		x->p++;
		*empty = true;
	}
	return v;
}

/* After an element or member e of the container v: e joins v's children
 * (tail is the last), then ',' means another follows (1) and `close` that
 * v ends (0); anything else fails the parse (-1). */
static int
jsonv_next(struct jsonv_parser *x, struct jsonv *v, struct jsonv **tail, struct jsonv *e,
           char close)
{
	if (*tail == NULL)
		v->child = e;
	else
		(*tail)->next = e;
	*tail = e;
	v->len++;
	jsonv_space(x);
	if (x->p < x->end && (*x->p == ',' || *x->p == close))
		return *x->p++ == ',' ? 1 : 0;
	jsonv_fail(x, "',' or '%c' expected", close);
	return -1;
}

static struct jsonv *
jsonv_array(struct jsonv_parser *x, int depth)
{
	bool          empty;
	struct jsonv *v = jsonv_open(x, JSONV_ARRAY, ']', &empty), *tail = NULL, *e;
	int           more;

	if (v == NULL || empty)
		return v;
	for (;;) {
		if ((e = jsonv_value(x, depth + 1)) == NULL)
			return NULL;
		if ((more = jsonv_next(x, v, &tail, e, ']')) <= 0)
			return more == 0 ? v : NULL;
	}
}

static struct jsonv *
jsonv_object(struct jsonv_parser *x, int depth)
{
	bool          empty;
	struct jsonv *v = jsonv_open(x, JSONV_OBJECT, '}', &empty), *tail = NULL, *m;
	char         *key;
	uint32_t      keylen;
	int           more;

	if (v == NULL || empty)
		return v;
	for (;;) {
		jsonv_space(x);
		if (x->p >= x->end || *x->p != '"')
			return jsonv_fail(x, "string or '}' expected");
		if ((key = jsonv_string_raw(x, &keylen)) == NULL)
			return NULL;
		for (m = v->child; m != NULL; m = m->next) {
			if (m->keylen == keylen && memcmp(m->key, key, keylen) == 0) {
				char shown[200];

				jsonv_excerpt(key, keylen, 40, shown, sizeof shown);
				return jsonv_fail(x, "duplicate object key \"%s\"", shown);
			}
		}
		if (v->len >= JSONV_MAX_MEMBERS)
			return jsonv_fail(x, "too many members in one object");
		jsonv_space(x);
		if (x->p >= x->end || *x->p != ':')
			return jsonv_fail(x, "':' expected");
		x->p++;
		if ((m = jsonv_value(x, depth + 1)) == NULL)
			return NULL;
		m->key = key;
		m->keylen = keylen;
		if ((more = jsonv_next(x, v, &tail, m, '}')) <= 0)
			return more == 0 ? v : NULL;
	}
}

static struct jsonv *
jsonv_value(struct jsonv_parser *x, int depth)
{
	struct jsonv *v;

	if (depth > JSONV_MAX_DEPTH)
		return jsonv_fail(x, "nested too deeply");
	jsonv_space(x);
	if (x->p >= x->end)
		return jsonv_fail(x, "unexpected end of input");
	switch (*x->p) {
	case '{':
		return jsonv_object(x, depth);
	case '[':
		return jsonv_array(x, depth);
	case '"':
		if ((v = jsonv_new(x, JSONV_STRING)) == NULL)
			return NULL;
		if ((v->str = jsonv_string_raw(x, &v->len)) == NULL)
			return NULL;
		return v;
	case 't':
		return jsonv_word(x, "true", JSONV_TRUE);
	case 'f':
		return jsonv_word(x, "false", JSONV_FALSE);
	case 'n':
		return jsonv_word(x, "null", JSONV_NULL);
	default:
		return jsonv_number(x);
	}
}

struct jsonv *
jsonv_parse(struct jsonv_arena *a, const char *buf, size_t len, struct jsonv_error *err)
{
	struct jsonv_parser x = { a, buf, buf + len, 1, err };
	struct jsonv       *v;

	err->line = 0;
	err->text[0] = '\0';
	/* A byte order mark, as some Windows editors write, is not content. */
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		x.p += 3;
	v = jsonv_value(&x, 0);
	if (v == NULL) {
		if (err->text[0] == '\0')
			jsonv_fail(&x, "invalid JSON");
		return NULL;
	}
	jsonv_space(&x);
	if (x.p != x.end)
		return jsonv_fail(&x, "end of input expected after the value");
	return v;
}

void
jsonv_excerpt(const char *s, size_t len, size_t max, char *out, size_t size)
{
	size_t o = 0, i = 0;

	if (size == 0)
		return;
	while (i < len && i < max) {
		unsigned char c = (unsigned char)s[i];
		size_t        n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
		char          esc[8];
		const char   *piece = s + i;
		size_t        plen = n;

		if (i + n > max || i + n > len)
			break;   /* never half a character */
		if (c < 0x20 || c == 0x7F) {
			snprintf(esc, sizeof esc, c == '\n' ? "\\n" : c == '\t' ? "\\t" : "\\x%02x", c);
			piece = esc;
			plen = strlen(esc);
		}
		if (o + plen + 4 > size)
			break;
		memcpy(out + o, piece, plen);
		o += plen;
		i += n;
	}
	if (i < len && o + 4 <= size) {
		memcpy(out + o, "...", 3);
		o += 3;
	}
	out[o] = '\0';
}

struct jsonv *
jsonv_get(const struct jsonv *obj, const char *key)
{
	if (obj == NULL || obj->type != JSONV_OBJECT)
		return NULL;
	for (struct jsonv *m = obj->child; m != NULL; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m;
	return NULL;
}
