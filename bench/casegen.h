/*
 * casegen.h: synthetic cases for the benchmarks, a deterministic mix of every
 * business, channel and outcome (accepted, incomplete, refused, warned), so
 * that a figure measured on them is a figure for a counter's real mix.
 */
#ifndef JZZ_BENCH_CASEGEN_H
#define JZZ_BENCH_CASEGEN_H

#include <stdint.h>

#include "jzz/case.h"
#include "jzz/strbuf.h"

/* Fills *c with case number i of the mix (same i, same case). */
void casegen_case(uint64_t i, struct jzz_case *c);

/* Appends case number i as one line of the case format (no newline). */
void casegen_json(uint64_t i, struct strbuf *sb);

#endif
