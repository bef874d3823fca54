/*
 * cli_json.h: the one writer of the commands' JSON results (case-format.md
 * fixes their bytes): objects and arrays opened and closed by name, commas
 * placed by the writer, strings escaped by strbuf_json_string, dates as
 * "YYYY-MM-DD" or null. Compact, keys in the order written.
 */
#ifndef JZZ_CLI_JSON_H
#define JZZ_CLI_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/date.h"
#include "jzz/strbuf.h"

#define CLI_JSON_DEPTH 8

struct cli_json {
	struct strbuf  own;                    /* the result's buffer (cli_json_start) */
	struct strbuf *sb;                     /* where it is written */
	int            depth;                  /* containers open */
	char           close[CLI_JSON_DEPTH];  /* '}' or ']' of each */
	bool           more[CLI_JSON_DEPTH];   /* a value already written in it */
};

/* A command's result, in a buffer of its own: written, then printed and
 * freed by cli_json_print. */
void cli_json_start(struct cli_json *j);
/* Writes into sb instead (appended to what it holds; not printed here). */
void cli_json_start_in(struct cli_json *j, struct strbuf *sb);
/* What j's buffer holds is an object another writer opened and filled (no
 * '}' yet: casefmt_decision_open's decision, a stored reply): the members
 * written next go into it. */
void cli_json_resume(struct cli_json *j);
/* Prints the result and a newline on stdout (cli_print) and frees it;
 * CLI_OK or CLI_FAIL. */
int  cli_json_print(struct cli_json *j);

/* Every value below is a member `key` of the open object, or with key NULL
 * an element of the open array (or the whole result). */
void cli_json_object(struct cli_json *j, const char *key);
void cli_json_array(struct cli_json *j, const char *key);
void cli_json_end(struct cli_json *j);   /* closes the innermost */
/* A list of the service's as an array `key` of n objects: items holds them,
 * size bytes each; members writes one item's members into its object. */
void cli_json_objects(struct cli_json *j, const char *key, const void *items, size_t n, size_t size,
                      void (*members)(struct cli_json *j, const void *item));
/* A record the service may not have: with present, the object `key` is
 * opened (true: write its members, then cli_json_end); otherwise null. */
bool cli_json_object_if(struct cli_json *j, const char *key, bool present);

void cli_json_str(struct cli_json *j, const char *key, const char *v);
/* v, or null when v is "". */
void cli_json_str_or_null(struct cli_json *j, const char *key, const char *v);
void cli_json_int(struct cli_json *j, const char *key, long long v);
/* v with `decimals` digits after the point (measurements). */
void cli_json_fixed(struct cli_json *j, const char *key, double v, int decimals);
void cli_json_bool(struct cli_json *j, const char *key, bool v);
void cli_json_null(struct cli_json *j, const char *key);
/* "YYYY-MM-DD", or null for JZZ_DATE_NONE. */
void cli_json_day(struct cli_json *j, const char *key, jzz_date d);

#endif
