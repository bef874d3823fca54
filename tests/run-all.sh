#!/bin/sh
# Builds jzz twice and runs every test in both builds: once as shipped
# (RelWithDebInfo, -Werror: JZZ_WERROR), once under AddressSanitizer and
# UndefinedBehaviorSanitizer. This is the README's test command and what CI runs.
set -eu
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DJZZ_WERROR=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DJZZ_SANITIZE=ON -DJZZ_WERROR=ON
cmake --build build-asan -j"$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
	ctest --test-dir build-asan --output-on-failure -j"$jobs"

# The libFuzzer targets, briefly, when clang is there (CI installs it).
if command -v clang >/dev/null 2>&1; then
	CC=clang cmake -S . -B build-fuzz -DJZZ_FUZZ=ON -DJZZ_FUZZ_SECONDS=15 -DJZZ_WERROR=ON
	cmake --build build-fuzz -j"$jobs"
	ctest --test-dir build-fuzz --output-on-failure
fi
