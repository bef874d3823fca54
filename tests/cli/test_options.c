/*
 * test_options.c: the command line as an administrator meets it, through
 * the real binary: every command's --help (stdout, exit 0, nothing opened),
 * --version, errors that name the option, and the configuration file with
 * its precedence (defaults < jzz.conf < environment < command line).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "testdb.h"

static char opt_dir[128];

static const char *const opt_commands[] = {
	"check", "init", "submit", "report", "status", "receipt", "person", "card", "sms", "batch", "audit",
	"seed", "backup", "calendar", "user", "training", "tui", "demo",
};

/* Runs `sh -c CMD` with stdout and stderr caught in out and err (each
 * NUL-terminated, truncated to its size); returns the exit status. */
static int __attribute__((format(printf, 5, 6)))
opt_run(char *out, size_t outsize, char *err, size_t errsize, const char *fmt, ...)
{
	char    cmd[4096], line[4400], path[200];
	va_list ap;
	int     st;
	FILE   *f;
	size_t  n;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "( %s ) > %s/out 2> %s/err", cmd, opt_dir, opt_dir);
	st = system(line);
	assert_true(st != -1 && WIFEXITED(st));
	for (int k = 0; k < 2; k++) {
		char  *buf = k == 0 ? out : err;
		size_t size = k == 0 ? outsize : errsize;

		if (buf == NULL)
			continue;
		snprintf(path, sizeof path, "%s/%s", opt_dir, k == 0 ? "out" : "err");
		f = fopen(path, "r");
		assert_non_null(f);
		n = fread(buf, 1, size - 1, f);
		buf[n] = '\0';
		fclose(f);
	}
	return WEXITSTATUS(st);
}

static void
opt_write(const char *name, const char *text)
{
	char  path[200];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", opt_dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static bool
opt_exists(const char *name)
{
	char        path[200];
	struct stat st;

	snprintf(path, sizeof path, "%s/%s", opt_dir, name);
	return stat(path, &st) == 0;
}

static int
opt_setup(void **state)
{
	(void)state;
	snprintf(opt_dir, sizeof opt_dir, "/tmp/jzz_test_options_XXXXXX");
	return mkdtemp(opt_dir) != NULL ? 0 : -1;
}

static int
opt_teardown(void **state)
{
	char cmd[300];

	(void)state;
	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf %s", opt_dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every command's --help and -h: usage on stdout, nothing on stderr, exit
 * 0, and no database made or opened, even with --training (which would
 * read a training database's day of work) and a malformed jzz.conf. */
static void
test_help_every_command(void **state)
{
	char out[8192], err[4096];

	(void)state;
	opt_write("broken.conf", "this is not ini\n");
	for (size_t i = 0; i < sizeof opt_commands / sizeof opt_commands[0]; i++) {
		for (int k = 0; k < 2; k++) {
			assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
			    "JZZ_CONFIG=%s/broken.conf %s --training --db %s/help.db %s %s", opt_dir,
			    JZZ_BIN, opt_dir, opt_commands[i], k == 0 ? "--help" : "-h"), 0);
			assert_true(strncmp(out, "usage: jzz", 10) == 0);
			assert_non_null(strstr(out, "--help"));
			assert_string_equal(err, "");
			assert_false(opt_exists("help.db"));
		}
	}
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s -h", JZZ_BIN), 0);
	for (size_t i = 0; i < sizeof opt_commands / sizeof opt_commands[0]; i++)
		assert_non_null(strstr(out, opt_commands[i]));
	assert_string_equal(err, "");
}

static void
test_version(void **state)
{
	char out[256], err[256];

	(void)state;
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s --version", JZZ_BIN), 0);
	assert_string_equal(out, "jzz " JZZ_VERSION "\n");
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s check --version", JZZ_BIN), 0);
	assert_string_equal(out, "jzz " JZZ_VERSION "\n");
}

/* A usage error says which option, exits 2, and opens nothing. */
static void
test_errors_name_the_option(void **state)
{
	static const struct { const char *args, *named; } cases[] = {
		{ "--bogus", "--bogus" },
		{ "-x", "-x" },
		{ "--db", "--db" },
		{ "status --bogus", "--bogus" },
		{ "report daily --date", "--date" },
		{ "card received --id", "--id" },
		{ "demo --pace", "--pace" },
		{ "seed --persons", "--persons" },
		{ "check --jsonl=yes", "--jsonl" },
		{ "nosuchcommand", "nosuchcommand" },
	};
	char out[8192], err[8192];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s --db %s/err.db %s",
		    JZZ_BIN, opt_dir, cases[i].args), 2);
		assert_non_null(strstr(err, cases[i].named));
		assert_false(opt_exists("err.db"));
	}
}

/* A value its option cannot take is refused before anything is opened,
 * each kind of option the way its command says it: a date, a number out of
 * its range, a document code, an option given twice that may be given
 * once, a word too many. */
static void
test_option_values(void **state)
{
	static const struct { const char *args, *says; bool usage; } cases[] = {
		{ "person --on 2026-02-30 X", "jzz: person: --on 2026-02-30 is not a real date", false },
		{ "report daily --date 2026-13-01", "jzz: --date: 2026-13-01 is not a date", false },
		{ "report range --from 2026-01-01 --to x", "jzz: --to: x is not a date", false },
		{ "seed --persons 5 --years 21", "jzz: seed: --db PATH and --persons N", true },
		{ "seed --persons -1", "jzz: seed: --db PATH and --persons N", true },
		{ "seed --persons 5 --batch 0", "jzz: seed: --db PATH and --persons N", true },
		{ "seed --persons 5 --seed 1x", "jzz: seed: --db PATH and --persons N", true },
		{ "demo --pace -5", "jzz: demo: --pace: milliseconds, not -5", true },
		{ "card pickup --id X --doc nosuchdoc", "jzz: --doc: unknown document nosuchdoc", false },
		{ "receipt --notice A --notice B", "jzz: receipt: one RECEIPT_NO, or --notice", true },
		{ "status --id X --name Y Z", "jzz: status: unexpected Z", true },
		{ "migrate --from a --to b c", "jzz: migrate: unexpected c", true },
		{ "check a b", "jzz: check: one FILE at most", true },
		{ "calendar --format xml show 2026", "jzz: calendar: --format: expected text or json", true },
	};
	char out[8192], err[8192];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s --db %s/val.db %s",
		    JZZ_BIN, opt_dir, cases[i].args), 2);
		assert_true(strncmp(err, cases[i].says, strlen(cases[i].says)) == 0);
		/* a usage error shows the usage after its line; bad input does not */
		assert_true((strstr(err, "\nusage: jzz") != NULL) == cases[i].usage);
		assert_string_equal(out, "");
		assert_false(opt_exists("val.db"));
	}
	/* the value given last wins: this range is a good one, and the
	 * command goes on to the database (which is not there) */
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s --db %s/val.db report range"
	    " --from 2026-01-05 --from 2026-01-01 --to 2026-01-02", JZZ_BIN, opt_dir), 1);
	assert_non_null(strstr(err, "jzz init"));
	assert_false(opt_exists("val.db"));
}

/* Whether init made a store at target: the file, or jzz's schema in the
 * PostgreSQL database. */
static bool
opt_store_made(const char *target)
{
	struct stat st;

	if (testdb_is_pg())
		return testdb_count(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'jzz'")
		    == 1;
	return stat(target, &st) == 0;
}

/* The database and the centre from jzz.conf; the command line over it. */
static void
test_config_db_and_centre(void **state)
{
	char conf[900], out[4096], err[4096], db[300], cmdline[300];

	(void)state;
	testdb_make(db, sizeof db, opt_dir, "conf.db");
	testdb_make(cmdline, sizeof cmdline, opt_dir, "cmdline.db");
	snprintf(conf, sizeof conf, "# the counters of 虹桥街道\n[jzz]\ndb = %s\n"
	    "centre = 310105009   ; 虹桥\n", db);
	opt_write("jzz.conf", conf);
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "JZZ_CONFIG=%s/jzz.conf %s init",
	    opt_dir, JZZ_BIN), 0);
	assert_true(opt_store_made(db));
	assert_false(opt_store_made(cmdline));
	if (!testdb_is_pg()) {
		char        path[200];
		struct stat st;

		/* a file jzz makes is private to its owner */
		snprintf(path, sizeof path, "%s/conf.db", opt_dir);
		assert_int_equal(stat(path, &st), 0);
		assert_int_equal(st.st_mode & 077, 0);
	}
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "%s --config %s/jzz.conf --db %s init", JZZ_BIN, opt_dir, cmdline), 0);
	assert_true(opt_store_made(cmdline));
	/* the file the configuration names is the one used: it exists now */
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err, "%s --config %s/jzz.conf init",
	    JZZ_BIN, opt_dir), 2);
}

/* holidays_dir from the file; JZZ_HOLIDAYS_DIR over it. */
static void
test_config_environment_wins(void **state)
{
	char conf[300], out[65536], err[4096];

	(void)state;
	snprintf(conf, sizeof conf, "holidays_dir = %s/no-such-folder\n", opt_dir);
	opt_write("hol.conf", conf);
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "%s --config %s/hol.conf check < %s/examples/permit_new.json", JZZ_BIN, opt_dir,
	    JZZ_DATADIR), 0);
	assert_non_null(strstr(err, "no-such-folder"));
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "JZZ_HOLIDAYS_DIR=%s/holidays %s --config %s/hol.conf check < %s/examples/permit_new.json",
	    JZZ_DATADIR, JZZ_BIN, opt_dir, JZZ_DATADIR), 0);
	assert_string_equal(err, "");
}

/* A malformed file is an error naming the file and the line; nothing runs. */
static void
test_config_errors(void **state)
{
	static const struct { const char *text, *says; } cases[] = {
		{ "db = /tmp/x.db\nprintr = office\n", "bad.conf:2: unknown key printr" },
		{ "centre = 310105009\n\nnot a setting\n", "bad.conf:3:" },
		{ "[printing]\nprinter = office\n", "bad.conf:2: unknown section [printing]" },
		{ "lang = fr\n", "bad.conf:1: lang" },
	};
	char out[4096], err[4096];

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		opt_write("bad.conf", cases[i].text);
		assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
		    "%s --config %s/bad.conf --db %s/bad.db init --centre 310105009", JZZ_BIN, opt_dir,
		    opt_dir), 2);
		assert_non_null(strstr(err, cases[i].says));
		assert_false(opt_exists("bad.db"));
	}
	/* a configuration file that was named must be there */
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "JZZ_CONFIG=%s/missing.conf %s check < /dev/null", opt_dir, JZZ_BIN), 2);
	assert_non_null(strstr(err, "missing.conf"));
}

/* Under systemd (JOURNAL_STREAM naming the very stream) the batch's lines
 * carry their syslog priority; elsewhere, plain lines. */
static void
test_batch_journal_priorities(void **state)
{
	char out[4096], err[4096], db[300];

	(void)state;
	testdb_make(db, sizeof db, opt_dir, "batch.db");
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "%s --db %s init --centre 310105009", JZZ_BIN, db), 0);
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "%s --db %s batch auto-endorse", JZZ_BIN, db), 0);
	assert_true(strncmp(out, "{\"examined\":", 12) == 0);
	/* the variable names another stream (a shell started by a unit, piped) */
	assert_int_equal(opt_run(out, sizeof out, err, sizeof err,
	    "JOURNAL_STREAM=1:1 %s --db %s batch auto-endorse", JZZ_BIN, db), 0);
	assert_true(strncmp(out, "{\"examined\":", 12) == 0);
	/* stdout and stderr both the journal's stream: one file here */
	assert_int_equal(opt_run(NULL, 0, NULL, 0,
	    "f=%s/journal; : > $f; JOURNAL_STREAM=$(stat -c %%d:%%i $f) %s --db %s"
	    " batch auto-endorse >> $f 2>&1; JOURNAL_STREAM=$(stat -c %%d:%%i $f) %s --db"
	    " %s/none/x.db batch auto-endorse >> $f 2>&1; cat $f", opt_dir, JZZ_BIN, db,
	    JZZ_BIN, opt_dir), 0);
	{
		char  path[200];
		FILE *f;
		size_t n;

		snprintf(path, sizeof path, "%s/out", opt_dir);
		f = fopen(path, "r");
		assert_non_null(f);
		n = fread(out, 1, sizeof out - 1, f);
		out[n] = '\0';
		fclose(f);
	}
	assert_true(strncmp(out, "<6>{\"examined\":", 15) == 0);
	assert_non_null(strstr(out, "\n<3>jzz: "));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_help_every_command),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_errors_name_the_option),
		cmocka_unit_test(test_option_values),
		cmocka_unit_test(test_config_db_and_centre),
		cmocka_unit_test(test_config_environment_wins),
		cmocka_unit_test(test_config_errors),
		cmocka_unit_test(test_batch_journal_priorities),
	};

	return cmocka_run_group_tests(tests, opt_setup, opt_teardown);
}
