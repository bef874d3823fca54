/*
 * testutil.h: helpers shared by the tests of the rules core (tests/core).
 *
 * Why it exists: several test programs need the same few things: an ID
 * number with a chosen birth date and a correct check character (computed
 * here with GB 11643-1999 written out again, not with the code under test),
 * a calendar with the shipped holiday files, a file read into memory, and a
 * way to run the real `jzz` binary on a given input and collect its exit
 * status, stdout and stderr. Everything is `static inline` so that a test
 * that uses only some of them still builds under -Wall -Werror.
 */
#ifndef JZZ_TESTS_CORE_TESTUTIL_H
#define JZZ_TESTS_CORE_TESTUTIL_H

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jzz/calendar.h"
#include "jzz/date.h"

/* The check character of 17 ASCII digits, ISO 7064 MOD 11-2 as RULES.md ID-3
 * spells it out (weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, table
 * 1 0 X 9 8 7 6 5 4 3 2). Written independently of idnum.c on purpose. */
static inline char
testutil_check_char(const char *digits17)
{
	static const int  w[17] = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	static const char t[] = "10X98765432";
	int               sum = 0;

	for (int i = 0; i < 17; i++)
		sum += (digits17[i] - '0') * w[i];
	return t[sum % 11];
}

/* An 18-character ID number: 6-digit address code, birth date, 3-digit
 * sequence, and the right check character. out must hold 19 bytes. */
static inline void
testutil_make_id(char out[19], const char *addr6, int y, int m, int d, const char *seq3)
{
	char buf[64];

	/* written whole into a large buffer, then the 17 digits taken */
	snprintf(buf, sizeof buf, "%.6s%04d%02d%02d%.3s", addr6, y % 10000, m % 100, d % 100, seq3);
	memcpy(out, buf, 17);
	out[17] = testutil_check_char(out);
	out[18] = '\0';
}

/* The same number with a wrong check character (the next one in the table). */
static inline void
testutil_make_bad_check_id(char out[19], const char *addr6, int y, int m, int d)
{
	static const char t[] = "10X98765432";
	const char       *p;

	testutil_make_id(out, addr6, y, m, d, "123");
	p = strchr(t, out[17]);
	out[17] = t[((p - t) + 1) % 11];
}

static inline jzz_date
testutil_date(int y, int m, int d)
{
	return date_from_ymd(y, m, d);
}

/* Reads a whole file; NULL when it cannot be read. Free the result. */
static inline char *
testutil_read_file(const char *path, size_t *len)
{
	FILE  *f = fopen(path, "rb");
	char  *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (cap - n < 4096) {
			char *nb = realloc(buf, cap * 2 + 8192);

			if (nb == NULL) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
			cap = cap * 2 + 8192;
		}
		got = fread(buf + n, 1, cap - n - 1, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* A calendar with data/holidays/<year>.json loaded for each year given
 * (0-terminated list). Returns NULL when a file cannot be read or loaded. */
static inline struct calendar *
testutil_calendar_years(const int *years)
{
	struct calendar *cal = calendar_new();

	if (cal == NULL)
		return NULL;
	for (; *years != 0; years++) {
		char   path[4096], err[256];
		char  *buf;
		size_t len;

		snprintf(path, sizeof path, "%s/holidays/%d.json", JZZ_SOURCE_DATADIR, *years);
		buf = testutil_read_file(path, &len);
		if (buf == NULL || calendar_load_json(cal, buf, len, err, sizeof err) != *years) {
			fprintf(stderr, "cannot load %s\n", path);
			free(buf);
			calendar_free(cal);
			return NULL;
		}
		free(buf);
	}
	return cal;
}

/* The four shipped years, 2023-2026. */
static inline struct calendar *
testutil_calendar_shipped(void)
{
	static const int years[] = { 2023, 2024, 2025, 2026, 0 };

	return testutil_calendar_years(years);
}

/* What one run of the binary gave. */
struct testutil_run {
	bool   exited;   /* ended by exit(), not by a signal */
	int    status;   /* exit status, when exited */
	int    signal;   /* the signal, when not */
	char  *out;      /* all of stdout, NUL-terminated */
	size_t out_len;
	char  *err;      /* all of stderr, NUL-terminated */
	size_t err_len;
};

static inline void
testutil_run_free(struct testutil_run *r)
{
	free(r->out);
	free(r->err);
	memset(r, 0, sizeof *r);
}

static inline int
testutil_tmpfile(char *path, size_t size)
{
	const char *dir = getenv("TMPDIR");

	snprintf(path, size, "%s/jzz-test-XXXXXX", dir != NULL && *dir != '\0' ? dir : "/tmp");
	return mkstemp(path);
}

/*
 * Runs `bin argv[1..]` with `input` (len bytes) on its standard input, stdout
 * and stderr collected in temporary files (so a large input cannot deadlock
 * the pipes). JZZ_TODAY is removed from the child's environment unless
 * `jzz_today` is given; then it is set to that. Returns false when the
 * program could not be run at all.
 */
static inline bool
testutil_run(const char *bin, char *const argv[], const char *input, size_t len,
             const char *jzz_today, struct testutil_run *r)
{
	char  in_path[4096], out_path[4096], err_path[4096];
	int   in_fd, out_fd, err_fd, wstatus;
	pid_t pid;

	memset(r, 0, sizeof *r);
	in_fd = testutil_tmpfile(in_path, sizeof in_path);
	out_fd = testutil_tmpfile(out_path, sizeof out_path);
	err_fd = testutil_tmpfile(err_path, sizeof err_path);
	if (in_fd < 0 || out_fd < 0 || err_fd < 0)
		return false;
	for (size_t done = 0; done < len;) {
		ssize_t w = write(in_fd, input + done, len - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		done += (size_t)w;
	}
	if (lseek(in_fd, 0, SEEK_SET) != 0)
		return false;
	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		if (dup2(in_fd, 0) < 0 || dup2(out_fd, 1) < 0 || dup2(err_fd, 2) < 0)
			_exit(127);
		if (jzz_today != NULL)
			setenv("JZZ_TODAY", jzz_today, 1);
		else
			unsetenv("JZZ_TODAY");
		execv(bin, argv);
		_exit(127);
	}
	close(in_fd);
	close(out_fd);
	close(err_fd);
	while (waitpid(pid, &wstatus, 0) < 0)
		if (errno != EINTR)
			return false;
	r->exited = WIFEXITED(wstatus);
	r->status = r->exited ? WEXITSTATUS(wstatus) : -1;
	r->signal = WIFSIGNALED(wstatus) ? WTERMSIG(wstatus) : 0;
	r->out = testutil_read_file(out_path, &r->out_len);
	r->err = testutil_read_file(err_path, &r->err_len);
	unlink(in_path);
	unlink(out_path);
	unlink(err_path);
	return r->out != NULL && r->err != NULL;
}

/* Lines in a text (a last line without '\n' counts). */
static inline int
testutil_count_lines(const char *s, size_t len)
{
	int n = 0;

	for (size_t i = 0; i < len; i++)
		if (s[i] == '\n')
			n++;
	if (len > 0 && s[len - 1] != '\n')
		n++;
	return n;
}

#endif
