/*
 * clitest.h: what the tests that drive the real `jzz` binary share: a
 * command line run through the shell (exit status and stdout), files
 * written in the test's folder, stdout parsed as JSON, and a rehearsal
 * database made by `jzz init` with its admin and accounts given their own
 * passwords, as the trust rules require.
 *
 * Why a header of static inline functions: each test program is one file
 * and uses some of these; inline ones that it does not use cost nothing
 * and raise no -Wunused-function.
 */
#ifndef JZZ_CLITEST_H
#define JZZ_CLITEST_H

#include <jansson.h>
#include <sys/wait.h>

#include "svctest.h"

#define J JZZ_BIN

/* Runs a shell command line; returns its exit status, its stdout in out
 * (NULL: read and dropped). */
static inline int
run(char *out, size_t size, const char *fmt, ...)
{
	char    cmd[4096];
	va_list ap;
	FILE   *p;
	size_t  n = 0;
	int     st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	assert_non_null(p);
	if (out != NULL) {
		n = fread(out, 1, size - 1, p);
		out[n] = '\0';
	} else {
		char sink[4096];

		while (fread(sink, 1, sizeof sink, p) > 0)
			;
	}
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Writes text into the test's folder as name. */
static inline void
write_file(const char *name, const char *text)
{
	char  path[600];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", svctest_dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static inline json_t *
parse(const char *text)
{
	json_error_t e;
	json_t      *j = json_loads(text, 0, &e);

	if (j == NULL)
		fail_msg("not JSON (%s): %s", e.text, text);
	return j;
}

/* A member's string, "" when absent or not a string. */
static inline const char *
json_str(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));

	return s != NULL ? s : "";
}

/* Every test works in its folder, so that --password-file names stay short. */
static inline void
in_dir(void)
{
	assert_int_equal(chdir(svctest_dir), 0);
}

/* A rehearsal database whose admin has set its own password (pw-admin). */
static inline void
init_db(void)
{
	in_dir();
	write_file("pw-first", "Keys-Of-Office-2026\n");
	write_file("pw-admin", "Office-Keys-Own-2026\n");
	assert_int_equal(run(NULL, 0, "%s --db %s init --rehearsal --centre 310105009"
	    " --password-file pw-first 2>/dev/null", J, svctest_db), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user admin --password-file pw-first user password"
	    " --new-password-file pw-admin", J, svctest_db), 0);
}

/* An account made by the owner with a temporary password, then its own
 * (pw-NAME, a password that passes the check). */
static inline void
cli_user(const char *name, const char *role)
{
	char pw[128];

	snprintf(pw, sizeof pw, "pw-%s", name);
	write_file(pw, "Desk-Window-Seven-77\n");
	write_file("pw-temp", "Temporary-Start-2026\n");
	assert_int_equal(run(NULL, 0, "%s --db %s user add %s --role %s --password-file pw-temp", J,
	    svctest_db, name, role), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user %s --password-file pw-temp user password"
	    " --new-password-file %s", J, svctest_db, name, pw), 0);
}

#endif
