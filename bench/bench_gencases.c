/*
 * bench_gencases.c: writes N synthetic cases as JSON lines, the input of the
 * `jzz check --jsonl` benchmark.
 *
 *   build/bench/bench_gencases 1000000 > /tmp/cases.jsonl
 */
#include <stdio.h>
#include <stdlib.h>

#include "casegen.h"

int
main(int argc, char **argv)
{
	unsigned long long n = argc > 1 ? strtoull(argv[1], NULL, 10) : 1000000;
	struct strbuf      sb;

	strbuf_init(&sb);
	for (unsigned long long i = 0; i < n; i++) {
		casegen_json(i, &sb);
		strbuf_putc(&sb, '\n');
		if (sb.len > (1u << 20)) {
			fwrite(sb.buf, 1, sb.len, stdout);
			strbuf_reset(&sb);
		}
	}
	fwrite(sb.buf, 1, sb.len, stdout);
	strbuf_free(&sb);
	return ferror(stdout) ? 1 : 0;
}
