/*
 * test_docs.c: docs/rules.md and the rules catalogue say the same rules.
 *
 * Why it exists: docs/rules.md describes each rule as implemented under a
 * `## RULE-ID` heading, and clerks, reviewers and the tests outside the
 * project read it. A rule added to (or renamed in) rules_catalogue without
 * its section, or a section for a rule that is not in the catalogue, fails
 * here. A level-2 heading whose first word has the shape of a rule id
 * (LETTERS-DIGITS) names a rule; other headings are prose.
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "jzz/rules.h"
#include "testutil.h"

#define RULES_DOC JZZ_DOCS_DIR "/rules.md"

/* True when word (n bytes) looks like a rule id: A-Z letters, '-', digits. */
static bool
test_docs_is_rule_id(const char *word, size_t n)
{
	size_t i = 0, letters = 0, digits = 0;

	while (i < n && isupper((unsigned char)word[i])) {
		i++;
		letters++;
	}
	if (letters == 0 || i >= n || word[i] != '-')
		return false;
	for (i++; i < n && isdigit((unsigned char)word[i]); i++)
		digits++;
	return digits > 0 && i == n;
}

/* The rule ids named by the `## ` headings of text; counts per catalogue
 * entry in seen[], unknown ones listed in unknown. Returns how many. */
static int
test_docs_headings(const char *text, int seen[R__COUNT], char *unknown, size_t unknown_size)
{
	const char *p = text;
	int         n = 0;
	bool        fence = false;

	while (*p != '\0') {
		const char *eol = strchr(p, '\n');
		size_t      len = eol != NULL ? (size_t)(eol - p) : strlen(p);

		if (len >= 3 && strncmp(p, "```", 3) == 0)
			fence = !fence;
		if (!fence && len > 3 && strncmp(p, "## ", 3) == 0) {
			const char *w = p + 3;
			size_t      wn;
			char        id[64];

			while (*w == ' ')
				w++;
			wn = strcspn(w, " \t\r\n:.");
			if (test_docs_is_rule_id(w, wn) && wn < sizeof id) {
				int k;

				memcpy(id, w, wn);
				id[wn] = '\0';
				k = rules_from_code(id);
				if (k < 0) {
					size_t used = strlen(unknown);

					snprintf(unknown + used, unknown_size - used, " %s", id);
				} else {
					seen[k]++;
				}
				n++;
			}
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	return n;
}

static void
test_docs_rule_id_shape(void **state)
{
	(void)state;
	assert_true(test_docs_is_rule_id("HOUSE-3", 7));
	assert_true(test_docs_is_rule_id("PERMIT-12", 9));
	assert_false(test_docs_is_rule_id("Overview", 8));
	assert_false(test_docs_is_rule_id("HOUSE-", 6));
	assert_false(test_docs_is_rule_id("house-3", 7));
	assert_false(test_docs_is_rule_id("-3", 2));
	/* every id of the catalogue has the shape */
	for (int i = 0; i < R__COUNT; i++)
		assert_true(test_docs_is_rule_id(rules_catalogue[i].code, strlen(rules_catalogue[i].code)));
}

static void
test_docs_parser(void **state)
{
	int  seen[R__COUNT] = { 0 };
	char unknown[256] = "";

	(void)state;
	assert_int_equal(test_docs_headings("# Title\n## CHAN-1 Channel\ntext\n## Overview\n"
	    "### ID-3 not level 2\n```\n## ID-1 in a code block\n```\n## NOPE-9\n## ELIG-2\n",
	    seen, unknown, sizeof unknown), 3);
	assert_int_equal(seen[R_CHAN_1], 1);
	assert_int_equal(seen[R_ELIG_2], 1);
	assert_int_equal(seen[R_ID_3], 0);
	assert_int_equal(seen[R_ID_1], 0);
	assert_string_equal(unknown, " NOPE-9");
}

static void
test_docs_rules_md(void **state)
{
	size_t len;
	char  *text = testutil_read_file(RULES_DOC, &len);
	int    seen[R__COUNT] = { 0 };
	char   unknown[1024] = "", missing[1024] = "", twice[1024] = "";

	(void)state;
	if (text == NULL)
		fail_msg("%s cannot be read: every rule of the catalogue needs its section", RULES_DOC);
	assert_int_equal(strlen(text), len);
	test_docs_headings(text, seen, unknown, sizeof unknown);
	for (int i = 0; i < R__COUNT; i++) {
		char *list = seen[i] == 0 ? missing : seen[i] > 1 ? twice : NULL;

		if (list != NULL) {
			size_t used = strlen(list);

			snprintf(list + used, 1024 - used, " %s", rules_catalogue[i].code);
		}
	}
	free(text);
	if (missing[0] != '\0')
		fail_msg("docs/rules.md has no `## ID` section for:%s", missing);
	if (unknown[0] != '\0')
		fail_msg("docs/rules.md has sections for rules not in the catalogue:%s", unknown);
	if (twice[0] != '\0')
		fail_msg("docs/rules.md has more than one section for:%s", twice);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docs_rule_id_shape),
		cmocka_unit_test(test_docs_parser),
		cmocka_unit_test(test_docs_rules_md),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
