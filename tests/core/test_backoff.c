/*
 * test_backoff.c: the one retry pause (backoff.h): it grows with the
 * attempt by its step, stops at the cap, its jitter stays within bounds and
 * is drawn (not constant), the same seed gives the same pauses and two
 * processes' salts give different ones.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdbool.h>

#include <cmocka.h>

#include "jzz/backoff.h"

static void
test_bounds_and_growth(void **state)
{
	unsigned seed = 0;

	(void)state;
	for (int attempt = 0; attempt < 200; attempt++) {
		long base = 1000L * (attempt + 1 < 50 ? attempt + 1 : 50);

		for (int k = 0; k < 50; k++) {
			long us = backoff_us(&seed, 4242, attempt, 1000, 50000, 1000);

			assert_true(us >= base);
			assert_true(us <= base + 1000);
		}
	}
	assert_int_not_equal(seed, 0);
	/* a jitter as large as the base: within [base, 2 * base] */
	for (int attempt = 0; attempt < 30; attempt++) {
		long base = 100L * (attempt + 1 < 10 ? attempt + 1 : 10);
		long us = backoff_us(&seed, 1, attempt, 100, 1000, 1000);

		assert_true(us >= base && us <= 2 * base);
	}
	/* a negative attempt counts as the first; a huge one does not overflow */
	assert_true(backoff_us(&seed, 1, -5, 100, 1000, 0) == 100);
	assert_true(backoff_us(&seed, 1, 2000000000, 100, 1000, 0) == 1000);
}

static void
test_jitter_drawn(void **state)
{
	unsigned a = 0, b = 0, c = 0;
	bool     varies = false, differ = false;
	long     first = backoff_us(&a, 7, 3, 1000, 50000, 1000);

	(void)state;
	for (int k = 0; k < 100; k++)
		if (backoff_us(&a, 7, 3, 1000, 50000, 1000) != first)
			varies = true;
	assert_true(varies);

	/* same salt, same sequence; another salt, another sequence */
	a = 0;
	for (int k = 0; k < 100; k++) {
		long x = backoff_us(&a, 1001, k, 1000, 50000, 1000);
		long y = backoff_us(&b, 1001, k, 1000, 50000, 1000);
		long z = backoff_us(&c, 1002, k, 1000, 50000, 1000);

		assert_true(x == y);
		if (x != z)
			differ = true;
	}
	assert_true(differ);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bounds_and_growth),
		cmocka_unit_test(test_jitter_drawn),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
