/*
 * test_samples.c: the policy's sample cases (../shared/policy/cases/, every .json),
 * through the real binary and through the library.
 *
 * Why it exists: the samples are the policy owner's own statement of what a
 * few cases must decide, and tests outside the project run them through
 * `jzz check`. Each file is fed to `jzz check -` on standard input and also
 * to casefmt_parse + rules_evaluate + casefmt_decision in this process; both
 * answers are compared field by field with the file's "expect" (lists as
 * sets, as the policy README says) and with each other. The policy folder
 * sits beside the clone (read-only in CI); without it the sample test is
 * skipped, nothing else.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "jzz/casefmt.h"
#include "jzz/rules.h"
#include "jzz/strbuf.h"
#include "testutil.h"

#define SAMPLES_DIR  JZZ_POLICY_DIR "/cases"
#define HOLIDAYS_DIR JZZ_POLICY_DIR "/holidays"
#define MAX_SAMPLES  256

static const char *const test_samples_keys[] = {
	"decision", "failed", "missing_documents", "warnings", "fee_yuan", "cod_fee_yuan",
	"ready_on", "milestones", "eligible_from", "window_opens", "new_valid_until",
	"residence_years_reset", "rules",
};

static bool
test_samples_dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int
test_samples_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's files ending in ".json", sorted; returns how many. */
static int
test_samples_list(const char *dir, char **names, int max)
{
	DIR           *d = opendir(dir);
	struct dirent *e;
	int            n = 0;

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL && n < max) {
		size_t len = strlen(e->d_name);

		if (len > 5 && strcmp(e->d_name + len - 5, ".json") == 0)
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], test_samples_cmp);
	return n;
}

/* Two JSON arrays of strings hold the same set. */
static bool
test_samples_same_set(json_t *a, json_t *b)
{
	size_t  i, j;
	json_t *x, *y;

	if (!json_is_array(a) || !json_is_array(b))
		return false;
	json_array_foreach(a, i, x) {
		bool found = false;

		json_array_foreach(b, j, y)
			found |= json_equal(x, y);
		if (!found)
			return false;
	}
	json_array_foreach(b, i, x) {
		bool found = false;

		json_array_foreach(a, j, y)
			found |= json_equal(x, y);
		if (!found)
			return false;
	}
	return true;
}

/* Every member of `expect` matches the decision; lists compared as sets,
 * objects member by member. */
static void
test_samples_compare(const char *file, const char *who, json_t *got, json_t *expect,
                     const char *prefix)
{
	const char *key;
	json_t     *want;

	json_object_foreach(expect, key, want) {
		json_t *have = json_object_get(got, key);
		bool    ok;

		if (have == NULL)
			fail_msg("%s (%s): no member %s%s in the decision", file, who, prefix, key);
		if (json_is_object(want) && json_is_object(have)) {
			char sub[128];

			snprintf(sub, sizeof sub, "%s%s.", prefix, key);
			test_samples_compare(file, who, have, want, sub);
			continue;
		}
		ok = json_is_array(want) ? test_samples_same_set(have, want) : json_equal(have, want);
		if (!ok) {
			char *h = json_dumps(have, JSON_ENCODE_ANY | JSON_COMPACT);
			char *w = json_dumps(want, JSON_ENCODE_ANY | JSON_COMPACT);

			fail_msg("%s (%s): %s%s is %s, expected %s", file, who, prefix, key, h, w);
		}
	}
}

static void
test_samples_contract_keys(const char *file, json_t *decision)
{
	size_t  i;
	json_t *r;

	assert_true(json_is_object(decision));
	for (i = 0; i < sizeof test_samples_keys / sizeof test_samples_keys[0]; i++)
		if (json_object_get(decision, test_samples_keys[i]) == NULL)
			fail_msg("%s: the decision has no \"%s\"", file, test_samples_keys[i]);
	assert_true(json_is_array(json_object_get(decision, "rules")));
	json_array_foreach(json_object_get(decision, "rules"), i, r) {
		assert_true(json_is_string(json_object_get(r, "id")));
		assert_true(json_is_string(json_object_get(r, "outcome")));
		assert_true(strlen(json_string_value(json_object_get(r, "message_zh"))) > 0);
		assert_true(strlen(json_string_value(json_object_get(r, "message_en"))) > 0);
	}
}

/* One sample file, both ways. The state is the file's name. */
static void
test_samples_one(void **state)
{
	const char          *name = *state;
	char                 path[4096], *case_text, *out_text;
	json_error_t         jerr;
	json_t              *root, *kase, *expect, *bin_decision, *lib_decision;
	struct testutil_run  r;
	char *const          argv[] = { JZZ_BIN, "check", "-", NULL };
	struct jzz_case      c;
	struct jzz_decision  d;
	struct casefmt_error err;
	struct strbuf        sb;
	struct calendar     *cal;

	snprintf(path, sizeof path, "%s/%s", SAMPLES_DIR, name);
	root = json_load_file(path, 0, &jerr);
	if (root == NULL)
		fail_msg("%s: %s", path, jerr.text);
	kase = json_object_get(root, "case");
	expect = json_object_get(root, "expect");
	assert_true(json_is_object(kase));
	assert_true(json_is_object(expect));
	case_text = json_dumps(kase, JSON_COMPACT);
	assert_non_null(case_text);

	/* the real binary, the case on standard input */
	assert_true(testutil_run(JZZ_BIN, argv, case_text, strlen(case_text), NULL, &r));
	if (!r.exited || r.status != 0)
		fail_msg("%s: jzz check exited %d (signal %d): %s", name, r.status, r.signal, r.err);
	assert_int_equal(testutil_count_lines(r.out, r.out_len), 1);
	assert_int_equal(r.out[r.out_len - 1], '\n');
	bin_decision = json_loads(r.out, 0, &jerr);
	if (bin_decision == NULL)
		fail_msg("%s: output is not JSON (%s): %s", name, jerr.text, r.out);
	test_samples_contract_keys(name, bin_decision);
	test_samples_compare(name, "jzz check", bin_decision, expect, "");

	/* the library, in this process */
	cal = testutil_calendar_shipped();
	assert_non_null(cal);
	if (casefmt_parse(case_text, strlen(case_text), CASEFMT_CHECK, JZZ_DATE_NONE, &c, &err) != 0) {
		char text[300];

		casefmt_error_text(&err, text, sizeof text);
		fail_msg("%s: casefmt_parse: %s", name, text);
	}
	rules_evaluate(&c, cal, &d);
	strbuf_init(&sb);
	casefmt_decision(&sb, &d);
	assert_false(sb.oom);
	out_text = sb.buf;
	lib_decision = json_loads(out_text, 0, &jerr);
	if (lib_decision == NULL)
		fail_msg("%s: casefmt_decision is not JSON (%s): %s", name, jerr.text, out_text);
	test_samples_contract_keys(name, lib_decision);
	test_samples_compare(name, "library", lib_decision, expect, "");
	/* and the two agree on everything, messages included */
	if (!json_equal(bin_decision, lib_decision))
		fail_msg("%s: jzz check and the library differ:\n%s%s", name, r.out, out_text);
	/* the output is one line, as --jsonl needs */
	assert_null(strchr(out_text, '\n'));

	strbuf_free(&sb);
	calendar_free(cal);
	json_decref(bin_decision);
	json_decref(lib_decision);
	json_decref(root);
	free(case_text);
	testutil_run_free(&r);
}

static void
test_samples_absent(void **state)
{
	(void)state;
	fprintf(stderr, "%s is absent: the sample cases are skipped\n", SAMPLES_DIR);
	skip();
}

/* The holiday files the project ships are the policy's, unchanged. */
static void
test_samples_holidays_match(void **state)
{
	char *names[64];
	int   n;

	(void)state;
	n = test_samples_list(HOLIDAYS_DIR, names, 64);
	assert_true(n >= 4);
	for (int i = 0; i < n; i++) {
		char   a[4096], b[4096];
		char  *x, *y;
		size_t xn = 0, yn = 0;

		snprintf(a, sizeof a, "%s/%s", HOLIDAYS_DIR, names[i]);
		snprintf(b, sizeof b, "%s/holidays/%s", JZZ_SOURCE_DATADIR, names[i]);
		x = testutil_read_file(a, &xn);
		y = testutil_read_file(b, &yn);
		if (x == NULL || y == NULL)
			fail_msg("%s is not shipped in data/holidays", names[i]);
		if (xn != yn || memcmp(x, y, xn) != 0)
			fail_msg("data/holidays/%s differs from the policy's", names[i]);
		free(x);
		free(y);
		free(names[i]);
	}
}

int
main(void)
{
	static char        *names[MAX_SAMPLES];
	struct CMUnitTest   tests[MAX_SAMPLES + 1];
	int                 n;

	if (!test_samples_dir_exists(SAMPLES_DIR)) {
		const struct CMUnitTest skipped[] = { cmocka_unit_test(test_samples_absent) };

		return cmocka_run_group_tests(skipped, NULL, NULL);
	}
	n = test_samples_list(SAMPLES_DIR, names, MAX_SAMPLES);
	for (int i = 0; i < n; i++) {
		tests[i] = (struct CMUnitTest)cmocka_unit_test_prestate(test_samples_one, names[i]);
		tests[i].name = names[i];
	}
	tests[n] = (struct CMUnitTest)cmocka_unit_test(test_samples_holidays_match);
	/* an empty folder is not a pass */
	if (n == 0) {
		fprintf(stderr, "%s holds no sample case\n", SAMPLES_DIR);
		return 1;
	}
	return _cmocka_run_group_tests("test_samples", tests, (size_t)n + 1, NULL, NULL);
}
