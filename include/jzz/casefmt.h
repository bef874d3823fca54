/*
 * casefmt.h: the JSON contract of case-format.md, both ways.
 *
 * casefmt_parse() turns one case object into a struct jzz_case, or says
 * exactly which field is wrong and why ("applicant.id_number: expected a
 * string"), so that `jzz check` can exit 2 with one line naming it.
 * casefmt_decision() writes a decision object in the contract's key order.
 * Both work on memory only; reading files is the caller's business.
 */
#ifndef JZZ_CASEFMT_H
#define JZZ_CASEFMT_H

#include <stddef.h>

#include "jzz/case.h"
#include "jzz/rules.h"
#include "jzz/strbuf.h"

/* The two callers of the contract differ in one point: `submit` takes the
 * registration and permit from the database and refuses a case that carries
 * them. */
enum casefmt_mode { CASEFMT_CHECK, CASEFMT_SUBMIT };

struct casefmt_error {
	int  line;          /* line of a JSON syntax error, 0 otherwise */
	char field[96];     /* "applicant.id_number", "" for the whole text */
	char message[160];  /* "expected a string" */
};

/* Parses len bytes of JSON holding one case. `default_today` (from --today
 * or JZZ_TODAY, or JZZ_DATE_NONE) is used when the case names no day; the
 * case's own wins. Returns 0, or -1 with *err filled. */
int casefmt_parse(const char *buf, size_t len, enum casefmt_mode mode,
                  jzz_date default_today, struct jzz_case *out,
                  struct casefmt_error *err);

/* The same, reusing `arena` (jsonv.h) between calls: no allocation per
 * case once warm. For loops over many cases. */
struct jsonv_arena;
int casefmt_parse_in(struct jsonv_arena *arena, const char *buf, size_t len,
                     enum casefmt_mode mode, jzz_date default_today,
                     struct jzz_case *out, struct casefmt_error *err);

/* "field: message" (or "message", or "line N: message"), for one line on stderr. */
void casefmt_error_text(const struct casefmt_error *err, char *buf, size_t size);

/* Appends the decision object of case-format.md (one line, no newline). */
void casefmt_decision(struct strbuf *sb, const struct jzz_decision *d);

/* Appends the body of the decision object without its closing brace, so
 * that `submit` can add its "record" member. */
void casefmt_decision_open(struct strbuf *sb, const struct jzz_decision *d);

#endif
