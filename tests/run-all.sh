#!/bin/sh
# Builds jzz twice and runs every test in both builds: once as shipped
# (RelWithDebInfo, -Werror: JZZ_WERROR), once under AddressSanitizer and
# UndefinedBehaviorSanitizer. This is the README's test command and what CI runs.
#
# Every test that opens a store runs on both backends: NAME on SQLite and
# NAME_pg on PostgreSQL (tests/testdb.h). The server is a throwaway cluster
# that pg_virtualenv (postgresql-common) makes for this whole run and
# removes after it; JZZ_TEST_REQUIRE_PG=1 makes a _pg test fail, not skip,
# if that server cannot be reached. Without pg_virtualenv only SQLite runs.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)
# The _pg tests wait on the server more than on the processor: at least two.
ctest_jobs=$((jobs > 2 ? jobs : 2))

if [ -z "${JZZ_RUN_ALL_PG:-}" ]; then
	if command -v pg_virtualenv >/dev/null 2>&1; then
		# -t: the cluster's files in a temporary folder even as root, so
		# that no other cluster of the machine is touched or collided with
		# max_pred_locks_per_transaction: every write is SERIALIZABLE,
		# and the demo's fortnight is one transaction of some thousand
		# businesses, whose predicate locks outgrow the default table of
		# 64 a connection ("out of shared memory") while other tests run;
		# docs/deploy.md says the same for a district's server
		exec pg_virtualenv -t -o max_pred_locks_per_transaction=1024 \
			env JZZ_RUN_ALL_PG=1 JZZ_TEST_REQUIRE_PG=1 sh "$0" "$@"
	fi
	cat >&2 <<'WARN'
*****************************************************************************
* run-all.sh: pg_virtualenv is not installed (apt-get install postgresql):   *
* the PostgreSQL variants of the tests (*_pg) are NOT run; SQLite only.       *
*****************************************************************************
WARN
	only_sqlite="-E _pg$"
else
	only_sqlite=""
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJZZ_WERROR=ON
cmake --build build -j"$jobs"
# shellcheck disable=SC2086
ctest --test-dir build --output-on-failure -j"$ctest_jobs" $only_sqlite

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJZZ_SANITIZE=ON -DJZZ_WERROR=ON
cmake --build build-asan -j"$jobs"
# shellcheck disable=SC2086
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --test-dir build-asan --output-on-failure -j"$ctest_jobs" $only_sqlite

# The libFuzzer targets, briefly, when clang is there (CI installs it).
if command -v clang >/dev/null 2>&1; then
	CC=clang cmake -S . -B build-fuzz -DJZZ_FUZZ=ON -DJZZ_FUZZ_SECONDS=15 -DJZZ_WERROR=ON
	cmake --build build-fuzz -j"$jobs"
	ctest --test-dir build-fuzz --output-on-failure
fi
