/*
 * jsonv.h: a strict, small JSON reader (RFC 8259) for the case contract and
 * the holiday files, the core's only JSON reader.
 *
 * Why not jansson (which only the tests use now): `jzz check --jsonl` must
 * decide 100,000 cases a second, and building jansson's hash-table objects
 * alone costs about 14 µs a case here. This reader parses into one arena
 * that is reset between cases (no allocation per value once warm), keeps
 * objects as short member lists (a case has some twenty members), and is as
 * strict as jansson where it matters to callers: valid UTF-8 only, no NUL in
 * strings, no lone surrogates, no duplicate member names, no trailing text.
 */
#ifndef JZZ_JSONV_H
#define JZZ_JSONV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum jsonv_type {
	JSONV_NULL, JSONV_FALSE, JSONV_TRUE, JSONV_NUMBER, JSONV_STRING,
	JSONV_ARRAY, JSONV_OBJECT
};

struct jsonv {
	enum jsonv_type type;
	uint32_t        len;    /* string: bytes; array/object: elements; number: text length */
	const char     *str;    /* string: decoded UTF-8, NUL-terminated; number: its text */
	const char     *key;    /* as a member of an object: its name (NUL-terminated) */
	uint32_t        keylen;
	struct jsonv   *child;  /* array/object: first element or member */
	struct jsonv   *next;   /* next element or member of the parent */
};

/* Where values live; reset between documents, freed at the end. */
struct jsonv_arena {
	struct jsonv_block *head;
	size_t              used;   /* bytes used in head */
};

struct jsonv_error {
	int  line;        /* 1-based */
	char text[96];
};

/* Limits that keep a hostile input from costing more than its size. */
#define JSONV_MAX_DEPTH   64

void jsonv_arena_init(struct jsonv_arena *a);
void jsonv_arena_reset(struct jsonv_arena *a);   /* keeps the first block */
void jsonv_arena_free(struct jsonv_arena *a);

/* Parses len bytes holding exactly one JSON value. Returns the value, or
 * NULL with *err filled (also on allocation failure). */
struct jsonv *jsonv_parse(struct jsonv_arena *a, const char *buf, size_t len,
                          struct jsonv_error *err);

/* The member `key` of an object, or NULL (also when v is not an object). */
struct jsonv *jsonv_get(const struct jsonv *obj, const char *key);

/* A short, printable excerpt of a decoded string for an error message: at
 * most `max` bytes of it, never cut inside a UTF-8 sequence, control
 * characters shown as \n, \t or \xNN, "..." when cut. Writes into out
 * (size bytes; 4 * max + 8 is always enough). */
void jsonv_excerpt(const char *s, size_t len, size_t max, char *out, size_t size);

static inline bool
jsonv_is(const struct jsonv *v, enum jsonv_type t)
{
	return v != NULL && v->type == t;
}

static inline bool
jsonv_is_bool(const struct jsonv *v)
{
	return v != NULL && (v->type == JSONV_TRUE || v->type == JSONV_FALSE);
}

#endif
