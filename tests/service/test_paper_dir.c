/*
 * test_paper_dir.c: where papers go when the folder's path does not fit.
 * service_paper_dir says so (false, ""), and saving a paper there is a
 * clear error, never a file written under a cut path or at the root.
 */
#include <sys/stat.h>

#include "jzz/paper.h"
#include "svctest.h"

static void
test_paper_dir_fits(void **state)
{
	char out[600], want[600];

	(void)state;
	unsetenv("JZZ_RECEIPT_DIR");
	unsetenv("JZZ_EXPORT_DIR");
	assert_true(service_paper_dir(svctest_db, false, out, sizeof out));
	snprintf(want, sizeof want, "%s/receipts", svctest_dir);
	assert_string_equal(out, want);
	assert_true(service_paper_dir(svctest_db, true, out, sizeof out));
	snprintf(want, sizeof want, "%s/reports", svctest_dir);
	assert_string_equal(out, want);
	setenv("JZZ_RECEIPT_DIR", svctest_dir, 1);
	assert_true(service_paper_dir(svctest_db, false, out, sizeof out));
	assert_string_equal(out, svctest_dir);
	unsetenv("JZZ_RECEIPT_DIR");
}

static void
test_paper_dir_cut(void **state)
{
	char         out[64], longdir[3000], err[512], pdf[512];
	struct paper p;

	(void)state;
	memset(longdir, 'a', sizeof longdir - 1);
	longdir[0] = '/';
	longdir[sizeof longdir - 1] = '\0';
	setenv("JZZ_RECEIPT_DIR", longdir, 1);
	assert_false(service_paper_dir(svctest_db, false, out, sizeof out));
	assert_string_equal(out, "");
	unsetenv("JZZ_RECEIPT_DIR");
	/* the database's own folder too long for out */
	longdir[1500] = '/';
	assert_false(service_paper_dir(longdir, false, out, sizeof out));
	assert_string_equal(out, "");
	/* a database path longer than any folder kept */
	{
		char huge[5000];

		memset(huge, 'b', sizeof huge - 1);
		huge[0] = '/';
		huge[10] = '/';
		huge[sizeof huge - 1] = '\0';
		assert_false(service_paper_dir(huge, false, longdir, sizeof longdir));
		assert_string_equal(longdir, "");
	}
	/* and a paper is not saved for an empty folder */
	paper_init(&p, LANG_EN);
	assert_int_equal(paper_output(&p, NULL, out, NULL, pdf, sizeof pdf, err, sizeof err), -1);
	assert_non_null(strstr(err, "path is too long"));
	paper_free(&p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_paper_dir_fits, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_paper_dir_cut, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
