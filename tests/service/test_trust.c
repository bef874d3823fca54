/*
 * test_trust.c: the trust boundary attacked from outside, through the real
 * `jzz` binary as a user of the machine would: every command as a named
 * account without its password (and no terminal to type it on); a
 * temporary password, a locked and a disabled account; a caller who is not
 * the database's owner; weak passwords; an unknown name answered like a
 * real one; the modes of the files jzz makes; init on paths it must not
 * take; the audit chain after the file was edited with the sqlite3 shell,
 * and its key file missing, a link or another database's; reads recorded
 * with who read; formulas and terminal controls in names; a backup of a damaged file; a
 * lost answer retried with its request_id; another day on a production
 * database; a write lock held by another process. Each attack asserts the
 * exit status and that nothing was written (a fingerprint of every table,
 * or of the records when a refusal is itself recorded).
 *
 * The commands run in the test's folder (relative names), the test's store
 * as $DB (testdb.h: jzz.db there, or a PostgreSQL database). Tests that
 * change user with setpriv need root and skip otherwise (CI runs as root).
 * What is about the SQLite file itself (its modes and group, init's ways
 * with the path, a damaged file's backup, its write lock) skips on
 * PostgreSQL; the rest, the audit's attacks included, runs on both.
 */
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <sqlite3.h>

#include "svctest.h"

#define J JZZ_BIN

/* The passwords of the fixture's accounts (each passes libpwquality). */
#define ADMIN_TMP SVCTEST_ADMIN_PW
#define ADMIN_OWN SVCTEST_ADMIN_OWN
#define CLERK_TMP "Lamp-Garden-Tea-2026"
#define CLERK_OWN "Clerk-Counter-2026"
#define WRONG_PW  "Not-The-Password-2026"

static char trust_out[1 << 17];
static char trust_err[1 << 14];
static char trust_id1[19], trust_id2[19];

static int
trust_setup(void **state)
{
	if (svctest_setup(state) != 0 || chdir(svctest_dir) != 0)
		return -1;
	return 0;
}

static int
trust_teardown(void **state)
{
	if (chdir("/") != 0)
		return -1;
	return svctest_teardown(state);
}

/* Reads a whole file of the test's folder into buf (NUL-terminated);
 * returns its length, -1 when it cannot be read. */
static long
trust_slurp(const char *name, char *buf, size_t size)
{
	FILE  *f = fopen(name, "rb");
	size_t n;

	buf[0] = '\0';
	if (f == NULL)
		return -1;
	n = fread(buf, 1, size - 1, f);
	buf[n] = '\0';
	fclose(f);
	return (long)n;
}

/* Runs a shell command line in the test's folder, the store's target in
 * the shell's $DB; its stdout goes to out (may be NULL), its stderr to
 * trust_err. Returns the exit status. */
static int trust_sh(char *out, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int
trust_sh(char *out, size_t size, const char *fmt, ...)
{
	char    cmd[8192], line[10000], sink[4096];
	va_list ap;
	FILE   *p;
	size_t  n;
	int     st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	snprintf(line, sizeof line, "cd '%s' && DB='%s' && ( %s ) 2>'%s/stderr.txt'", svctest_dir,
	    svctest_db, cmd, svctest_dir);
	p = popen(line, "r");
	assert_non_null(p);
	if (out != NULL) {
		n = fread(out, 1, size - 1, p);
		out[n] = '\0';
	}
	while (fread(sink, 1, sizeof sink, p) > 0)
		;
	st = pclose(p);
	trust_slurp("stderr.txt", trust_err, sizeof trust_err);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void
trust_put(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static bool
trust_exists(const char *name)
{
	struct stat sb;

	return lstat(name, &sb) == 0;
}

/* tmpl with "{id}" replaced by id and "{app}" by app, into out. */
static void
trust_subst(char *out, size_t size, const char *tmpl, const char *id, const char *app)
{
	size_t len = 0;

	for (const char *p = tmpl; *p != '\0' && len + 1 < size; ) {
		const char *v = strncmp(p, "{id}", 4) == 0 ? id : strncmp(p, "{app}", 5) == 0 ? app :
		    NULL;

		if (v != NULL) {
			len += (size_t)snprintf(out + len, size - len, "%s", v);
			p += p[1] == 'i' ? 4 : 5;
		} else
			out[len++] = *p++;
	}
	out[len < size ? len : size - 1] = '\0';
}

/* A fingerprint of the store at `db` (testdb_fingerprint); `all` false
 * leaves out the tables a refused login writes to by design (audit_log,
 * users, login_attempts), so that it covers the records only. */
static void
trust_fingerprint(const char *db, bool all, char *out, size_t size)
{
	static const char *const login_tables[] = { "audit_log", "users", "login_attempts", NULL };

	testdb_fingerprint(db, all ? NULL : login_tables, out, size);
}

#define FP_LEN 4096
#define trust_fp(all, buf) trust_fingerprint(svctest_db, (all), (buf), FP_LEN)

/* One text value by SQL from the test's store ("" when no row). */
static void trust_sql(char *out, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void
trust_sql(char *out, size_t size, const char *fmt, ...)
{
	char    sql[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	testdb_text(svctest_db, out, size, sql);
}

static long long trust_count(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static long long
trust_count(const char *fmt, ...)
{
	char    sql[2048], v[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(sql, sizeof sql, fmt, ap);
	va_end(ap);
	trust_sql(v, sizeof v, "%s", sql);
	return v[0] != '\0' ? atoll(v) : -1;
}

static long long
trust_audit_seq(void)
{
	return trust_count("SELECT coalesce(max(seq), 0) FROM audit_log");
}

/* The actions of the audit entries after seq, comma-separated. */
static void
trust_actions_after(long long seq, char *out, size_t size)
{
	if (testdb_is_pg())
		trust_sql(out, size, "SELECT coalesce(string_agg(action, ',' ORDER BY seq), '') FROM"
		    " audit_log WHERE seq > %lld", seq);
	else
		trust_sql(out, size, "SELECT coalesce(group_concat(action, ','), '') FROM (SELECT"
		    " action FROM audit_log WHERE seq > %lld ORDER BY seq)", seq);
}

/*
 * The fixture: a rehearsal database made by `jzz init` with admin's
 * temporary password, admin's own password set, clerk1 added by the owner
 * and its own password set, and one registration of person 1 submitted by
 * clerk1 on 2026-01-05 (receipt 310105009-20260105-0001). reg2.json is a
 * case of person 2 not yet submitted.
 */
static void
trust_base(void)
{
	char text[2048];

	trust_put("admin.tmp", ADMIN_TMP "\n");
	trust_put("admin.pw", ADMIN_OWN "\n");
	trust_put("clerk.tmp", CLERK_TMP "\n");
	trust_put("clerk.pw", CLERK_OWN "\n");
	trust_put("wrong.pw", WRONG_PW "\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user admin --password-file admin.tmp"
	    " user password --new-password-file admin.pw", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user add clerk1 --role clerk"
	    " --password-file clerk.tmp", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.tmp"
	    " user password --new-password-file clerk.pw", J), 0);
	svctest_idnum(1, trust_id1);
	svctest_idnum(2, trust_id2);
	snprintf(text, sizeof text, REG_CASE(trust_id1));
	trust_put("reg1.json", text);
	snprintf(text, sizeof text, REG_CASE(trust_id2));
	trust_put("reg2.json", text);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --user clerk1"
	    " --password-file clerk.pw --today 2026-01-05 submit reg1.json", J), 0);
	assert_non_null(strstr(trust_out, "\"receipt_no\":\"310105009-20260105-0001\""));
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 1);
}

/* ---- accounts ---- */

/* Every command that acts, named as the administrator but with no
 * password and no terminal to ask on (setsid: no controlling terminal):
 * refused with exit 1 before anything is written, not even a login entry. */
static void
test_no_password_no_terminal(void **state)
{
	char        before[FP_LEN], after[FP_LEN], appid[64], cmd[512], col[256];
	const char *cmds[] = {
		"submit reg2.json",
		"report daily --date 2026-01-05 --format json",
		"status --id {id} --name 测试",
		"person {id}",
		"card received --id {id}",
		"card queue made",
		"batch auto-endorse",
		"audit verify",
		"audit head",
		"backup copy.db",
		"calendar import " JZZ_SOURCE_DATADIR "/holidays/2026.json",
		"user list",
		"user add evil --role admin --password-file clerk.tmp",
		"user disable clerk1",
		"user enable clerk1",
		"user reset clerk1 --password-file clerk.tmp",
		"user setting idle_minutes 5",
		"user password --new-password-file wrong.pw",
		"receipt 310105009-20260105-0001",
		"receipt --notice {app}",
		"sms pending",
	};

	(void)state;
	trust_base();
	trust_sql(appid, sizeof appid, "SELECT %s FROM applications",
	    testdb_id_col(col, sizeof col, "id"));
	trust_fp(true, before);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		trust_subst(cmd, sizeof cmd, cmds[i], trust_id1, appid);
		if (trust_sh(trust_out, sizeof trust_out, "setsid -w %s --db \"$DB\" --today 2026-01-06"
		    " --user admin %s </dev/null", J, cmd) != 1)
			fail_msg("%s: not refused with exit 1 (stderr: %s)", cmd, trust_err);
		if (strstr(trust_err, "password") == NULL)
			fail_msg("%s: no word of the password: %s", cmd, trust_err);
		assert_string_equal(trust_out, "");
		trust_fp(true, after);
		if (strcmp(before, after) != 0)
			fail_msg("%s wrote: %s -> %s", cmd, before, after);
	}
	assert_false(trust_exists("copy.db"));
	/* a password file that is not there: the same */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user admin"
	    " --password-file missing.pw submit reg2.json", J), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
}

/* A temporary password serves once, to set the account's own: every
 * other act with it is refused, and after the change it is worth nothing. */
static void
test_temporary_password_only(void **state)
{
	char        before[FP_LEN], after[FP_LEN], acts[1024], temp[64];
	char       *p;
	long long   seq;
	const char *cmds[] = {
		"submit reg2.json", "person {id}", "card queue made", "user list", "audit head",
	};

	(void)state;
	trust_base();
	trust_put("c2.tmp", "Quiet-Harbour-Lantern-7\n");
	trust_put("c2.pw", "Copper-Kettle-Morning-9\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user add clerk2 --role admin"
	    " --password-file c2.tmp", J), 0);
	trust_fp(false, before);
	seq = trust_audit_seq();
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		char cmd[256];

		trust_subst(cmd, sizeof cmd, cmds[i], trust_id1, "");
		if (trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-01-06 --user"
		    " clerk2 --password-file c2.tmp %s", J, cmd) != 1)
			fail_msg("%s with a temporary password: not exit 1 (%s)", cmd, trust_err);
		assert_non_null(strstr(trust_err, "temporary"));
		assert_string_equal(trust_out, "");
	}
	trust_fp(false, after);
	assert_string_equal(before, after);
	/* the only entries: the logins with a temporary password */
	trust_actions_after(seq, acts, sizeof acts);
	assert_string_equal(acts, "login_temporary,login_temporary,login_temporary,"
	    "login_temporary,login_temporary");

	/* it sets the account's own, once */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk2 --password-file c2.tmp"
	    " user password --new-password-file c2.pw", J), 0);
	trust_put("c2.new", "Silver-Birch-Evening-4\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk2 --password-file c2.tmp"
	    " user password --new-password-file c2.new", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk2"
	    " --password-file c2.tmp submit reg2.json", J), 1);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk2"
	    " --password-file c2.pw submit reg2.json", J), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 2);

	/* one made by jzz, printed once: the same rules */
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" user add clerk3"
	    " --role clerk", J), 0);
	assert_int_equal(strncmp(trust_out, "clerk3 password: ", 17), 0);
	snprintf(temp, sizeof temp, "%.40s", trust_out + 17);
	if ((p = strchr(temp, '\n')) != NULL)
		*p = '\0';
	assert_int_equal(strlen(temp), 19);
	snprintf(acts, sizeof acts, "%s\n", temp);
	trust_put("c3.tmp", acts);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk3"
	    " --password-file c3.tmp card queue made", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk3 --password-file c3.tmp"
	    " user password --new-password-file c2.new", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk3"
	    " --password-file c2.new card queue made", J), 0);

	/* a reset: the account's own password stops working, the new
	 * temporary one acts for nothing */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user reset clerk1 --password-file"
	    " c2.tmp", J), 0);
	trust_fp(false, before);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk1"
	    " --password-file clerk.pw card received --id %s", J, trust_id1), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk1"
	    " --password-file c2.tmp card received --id %s", J, trust_id1), 1);
	trust_fp(false, after);
	assert_string_equal(before, after);
}

/* Five wrong passwords lock the account: the right one is then refused
 * too, and nothing is written; the owner's enable lifts the lock. */
static void
test_locked_account(void **state)
{
	char before[FP_LEN], after[FP_LEN], want[64];

	(void)state;
	trust_base();
	for (int i = 1; i <= 5; i++) {
		assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" user login"
		    " clerk1 < wrong.pw", J), 1);
		snprintf(want, sizeof want, "{\"result\":\"%s\",\"attempts_left\":%d,", i < 5 ?
		    "denied" : "locked", 5 - i);
		assert_int_equal(strncmp(trust_out, want, strlen(want)), 0);
	}
	assert_true(trust_count("SELECT locked_until FROM users WHERE name = 'clerk1'") >
	    (long long)time(NULL));
	trust_fp(false, before);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-01-06"
	    " --user clerk1 --password-file clerk.pw submit reg2.json", J), 1);
	assert_string_equal(trust_out, "");
	assert_non_null(strstr(trust_err, "locked"));
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" user login clerk1"
	    " < clerk.pw", J), 1);
	assert_non_null(strstr(trust_out, "\"result\":\"locked\""));
	trust_fp(false, after);
	assert_string_equal(before, after);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 1);
	assert_int_equal(trust_count("SELECT count(*) FROM audit_log WHERE user_name = 'clerk1'"
	    " AND action = 'lockout'"), 1);

	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user enable clerk1", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk1"
	    " --password-file clerk.pw submit reg2.json", J), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 2);
}

/* A disabled account with its right password acts for nothing, and
 * cannot change its password either. */
static void
test_disabled_account(void **state)
{
	char before[FP_LEN], after[FP_LEN];

	(void)state;
	trust_base();
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user disable clerk1", J), 0);
	trust_fp(false, before);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-01-06"
	    " --user clerk1 --password-file clerk.pw submit reg2.json", J), 1);
	assert_string_equal(trust_out, "");
	assert_non_null(strstr(trust_err, "disabled"));
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" user login clerk1"
	    " < clerk.pw", J), 1);
	assert_non_null(strstr(trust_out, "\"result\":\"disabled\""));
	trust_put("new.pw", "Harbour-Lights-Winter-3\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.pw"
	    " user password --new-password-file new.pw", J), 1);
	trust_fp(false, after);
	assert_string_equal(before, after);
	/* enabled again: the old password, not the new one */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user enable clerk1", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < new.pw", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < clerk.pw", J), 0);
}

/* `user password` without a login: no --user, no password, a wrong old
 * password, no new password: refused, the password unchanged. */
static void
test_user_password_without_login(void **state)
{
	char before[FP_LEN], after[FP_LEN];

	(void)state;
	trust_base();
	trust_put("new.pw", "Harbour-Lights-Winter-3\n");
	trust_fp(true, before);
	assert_int_equal(trust_sh(NULL, 0, "setsid -w %s --db \"$DB\" user password"
	    " --new-password-file new.pw </dev/null", J), 2);
	assert_int_equal(trust_sh(NULL, 0, "setsid -w %s --db \"$DB\" --user clerk1 user password"
	    " --new-password-file new.pw </dev/null", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "setsid -w %s --db \"$DB\" --user clerk1 --password-file"
	    " clerk.pw user password </dev/null", J), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
	/* a wrong old password is a failed login (counted), nothing else */
	trust_fp(false, before);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file wrong.pw"
	    " user password --new-password-file new.pw", J), 1);
	assert_int_equal(trust_count("SELECT failed_logins FROM users WHERE name = 'clerk1'"), 1);
	/* another's password cannot be set with one's own */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user admin --password-file clerk.pw"
	    " user password --new-password-file new.pw", J), 1);
	trust_fp(false, after);
	assert_string_equal(before, after);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < new.pw", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < clerk.pw", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login admin < admin.pw", J), 0);
}

/* Weak passwords are refused wherever a password is set. */
static void
test_weak_passwords(void **state)
{
	static const char *const weak[] = { "12345678", "1234567890", "password123" };
	char                     before[FP_LEN], after[FP_LEN], line[64], weakdb[600];

	(void)state;
	trust_base();
	testdb_make(weakdb, sizeof weakdb, svctest_dir, "weak.db");
	for (size_t i = 0; i < sizeof weak / sizeof weak[0]; i++) {
		snprintf(line, sizeof line, "%s\n", weak[i]);
		trust_put("weak.pw", line);
		trust_fp(true, before);
		if (trust_sh(NULL, 0, "%s --db \"$DB\" user add weak%zu --role clerk --password-file"
		    " weak.pw", J, i) != 2)
			fail_msg("user add with %s: not refused (exit 2)", weak[i]);
		assert_non_null(strstr(trust_err, "password"));
		if (trust_sh(NULL, 0, "%s --db \"$DB\" user reset clerk1 --password-file weak.pw",
		    J) != 2)
			fail_msg("user reset with %s: not refused (exit 2)", weak[i]);
		trust_fp(true, after);
		assert_string_equal(before, after);
		/* as one's own: refused before the old password is even tried */
		if (trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.pw user"
		    " password --new-password-file weak.pw", J) != 2)
			fail_msg("user password %s: not refused (exit 2)", weak[i]);
		trust_fp(true, after);
		assert_string_equal(before, after);
		assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < weak.pw", J),
		    1);
		assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user login clerk1 < clerk.pw", J),
		    0);
		/* and for init's administrator: no database made (no file, or no
		 * schema in the empty database), no key */
		assert_int_equal(trust_sh(NULL, 0, "%s --db '%s' init --rehearsal --centre"
		    " 310105009 --password-file weak.pw", J, weakdb), 2);
		if (testdb_is_pg())
			assert_int_equal(testdb_count(weakdb, "SELECT count(*) FROM pg_namespace"
			    " WHERE nspname = 'jzz'"), 0);
		else
			assert_false(trust_exists("weak.db"));
		assert_false(testdb_key(weakdb, line, sizeof line));
	}
	assert_int_equal(trust_count("SELECT count(*) FROM users WHERE name LIKE 'weak%%'"), 0);
}

/* text with its first `name` cut out, into out. */
static void
trust_unname(char *out, size_t size, const char *text, const char *name)
{
	const char *p = *name != '\0' ? strstr(text, name) : NULL;

	if (p == NULL)
		snprintf(out, size, "%s", text);
	else
		snprintf(out, size, "%.*s%s", (int)(p - text), text, p + strlen(name));
}

/* A name that is no account gets the answers a real account gets
 * (attempts left, then the lock) and is counted the same; so is the
 * reserved name of the owner. */
static void
test_unknown_account_like_real(void **state)
{
	char        real[256], ghost[256], want[64];
	const char *names[] = { "ghost", "owner" };

	(void)state;
	trust_base();
	/* the first try through a command: the same message, name aside */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user clerk1"
	    " --password-file wrong.pw submit reg2.json", J), 1);
	snprintf(real, sizeof real, "%.200s", trust_err);
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 --user %s"
		    " --password-file wrong.pw submit reg2.json", J, names[k]), 1);
		/* "jzz: NAME: wrong account or password (4 more tries ...)" */
		trust_unname(ghost, sizeof ghost, trust_err, names[k]);
		{
			char mine[256];

			trust_unname(mine, sizeof mine, real, "clerk1");
			assert_string_equal(mine, ghost);
		}
		assert_non_null(strstr(ghost, "4 more tries"));
	}
	/* then tries 2..5 as `user login`: the same answers for all three */
	for (int i = 2; i <= 5; i++) {
		assert_int_equal(trust_sh(real, sizeof real, "%s --db \"$DB\" user login clerk1"
		    " < wrong.pw", J), 1);
		snprintf(want, sizeof want, "{\"result\":\"%s\",\"attempts_left\":%d,", i < 5 ?
		    "denied" : "locked", 5 - i);
		assert_int_equal(strncmp(real, want, strlen(want)), 0);
		for (size_t k = 0; k < 2; k++) {
			assert_int_equal(trust_sh(ghost, sizeof ghost, "%s --db \"$DB\" user login %s"
			    " < wrong.pw", J, names[k]), 1);
			assert_int_equal(strncmp(ghost, want, strlen(want)), 0);
		}
	}
	/* locked, all three, whatever the password */
	assert_int_equal(trust_sh(real, sizeof real, "%s --db \"$DB\" user login clerk1 < clerk.pw",
	    J), 1);
	assert_non_null(strstr(real, "\"result\":\"locked\""));
	for (size_t k = 0; k < 2; k++) {
		assert_int_equal(trust_sh(ghost, sizeof ghost, "%s --db \"$DB\" user login %s"
		    " < admin.pw", J, names[k]), 1);
		assert_non_null(strstr(ghost, "\"result\":\"locked\""));
		assert_int_equal(trust_count("SELECT failed_logins FROM login_attempts WHERE name"
		    " = '%s'", names[k]), 5);
		assert_int_equal(trust_count("SELECT count(*) FROM audit_log WHERE user_name = '%s'"
		    " AND action = 'lockout'", names[k]), 1);
	}
	assert_int_equal(trust_count("SELECT failed_logins FROM users WHERE name = 'clerk1'"), 5);
	/* no account was made for a name tried, nothing else was written */
	assert_int_equal(trust_count("SELECT count(*) FROM users WHERE name = 'ghost'"), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 1);
}

/* needs root: setpriv and chgrp. A caller who is not the owner (nobody,
 * given group access to the folder, the file and the key, as a
 * deployment with a group would) acts only through an account. */
static void
test_non_owner(void **state)
{
	char before[FP_LEN], after[FP_LEN];
	const char *cmds[] = {
		"--today 2026-01-06 submit reg2.json", "user add evil --role admin"
		" --password-file clerk.tmp", "audit verify", "backup copy.db",
		"report daily --date 2026-01-05 --format json", "user list",
	};

	(void)state;
	/* another user of the machine, given the file and its key by their
	 * group: a SQLite store's ownership is the file's. (A PostgreSQL
	 * store's owner is the role that owns the schema; another role's
	 * refusal is the engine's own test.) */
	if (geteuid() != 0 || testdb_is_pg())
		skip();
	trust_base();
	trust_fp(true, before);   /* the last connection: the -wal and -shm go */
	assert_int_equal(trust_sh(NULL, 0, "chgrp 65534 . jzz.db jzz.db.key clerk.pw admin.pw &&"
	    " chmod 0770 . && chmod 0660 jzz.db && chmod 0640 jzz.db.key clerk.pw admin.pw"), 0);
	trust_fp(true, before);
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++) {
		if (trust_sh(trust_out, sizeof trust_out, "setpriv --reuid=65534 --regid=65534"
		    " --clear-groups %s --db \"$DB\" %s", J, cmds[i]) != 1)
			fail_msg("as nobody: %s: not refused with exit 1 (%s)", cmds[i], trust_err);
		assert_string_equal(trust_out, "");
		if (strstr(trust_err, "only the database's owner") == NULL)
			fail_msg("as nobody: %s: %s", cmds[i], trust_err);
		trust_fp(true, after);
		assert_string_equal(before, after);
	}
	assert_false(trust_exists("copy.db"));
	assert_int_equal(trust_count("SELECT count(*) FROM users WHERE name = 'evil'"), 0);
	/* nor by naming the owner's reserved account: no such login */
	trust_fp(false, before);
	assert_int_equal(trust_sh(NULL, 0, "setpriv --reuid=65534 --regid=65534 --clear-groups %s"
	    " --db \"$DB\" --user owner --password-file admin.pw user list", J), 1);
	assert_non_null(strstr(trust_err, "wrong account or password"));
	trust_fp(false, after);
	assert_string_equal(before, after);
	/* the same caller with an account's password: the file was reachable */
	assert_int_equal(trust_sh(NULL, 0, "setpriv --reuid=65534 --regid=65534 --clear-groups %s"
	    " --db \"$DB\" --today 2026-01-06 --user clerk1 --password-file clerk.pw submit"
	    " reg2.json", J), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 2);
	/* a key others may read is refused, even to the owner */
	assert_int_equal(chmod("jzz.db.key", 0644), 0);
	trust_fp(true, before);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 user list", J), 1);
	assert_non_null(strstr(trust_err, "not a private regular file"));
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-07 submit reg1.json",
	    J), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
}

/* ---- files ---- */

static unsigned
trust_mode(const char *name)
{
	struct stat sb;

	if (lstat(name, &sb) != 0)
		fail_msg("%s: missing", name);
	return (unsigned)(sb.st_mode & 07777);
}

/* Whatever the caller's umask, the database, its key, a backup and a
 * report written by jzz are 0600; a backup never replaces a file. */
static void
test_file_modes(void **state)
{
	char key[600];

	(void)state;
	trust_put("admin.tmp", ADMIN_TMP "\n");
	assert_int_equal(trust_sh(NULL, 0, "umask 000 && %s --db \"$DB\" init --rehearsal --centre"
	    " 310105009 --password-file admin.tmp", J), 0);
	assert_true(testdb_key(svctest_db, key, sizeof key));
	assert_int_equal(trust_mode(key), 0600);
	assert_int_equal(trust_sh(NULL, 0, "umask 000 && %s --db \"$DB\" report daily --date"
	    " 2026-01-05 --format csv --output day.csv", J), 0);
	assert_int_equal(trust_mode("day.csv"), 0600);
	/* the SQLite file and its backup, a SQLite file (a PostgreSQL store's
	 * backup is the server's business) */
	if (testdb_is_pg())
		return;
	assert_int_equal(trust_mode("jzz.db"), 0600);
	assert_int_equal(trust_sh(NULL, 0, "umask 000 && %s --db \"$DB\" backup copy.db", J), 0);
	assert_int_equal(trust_mode("copy.db"), 0600);
	/* a backup onto an existing file: refused, the file as it was */
	trust_put("old.db", "keep me\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" backup old.db", J), 1);
	assert_int_equal(trust_slurp("old.db", trust_out, sizeof trust_out), 8);
	assert_string_equal(trust_out, "keep me\n");
}

static int
trust_name_cmp(const void *a, const void *b)
{
	return strcmp(a, b);
}

/* The names in folder `dir`, sorted, comma-separated (without . and ..). */
static void
trust_listdir(const char *dir, char *out, size_t size)
{
	char           names[32][256];
	int            n = 0;
	size_t         len = 0;
	DIR           *d = opendir(dir);
	struct dirent *e;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL && n < 32)
		if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
			snprintf(names[n++], sizeof names[0], "%s", e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof names[0], trust_name_cmp);
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		len += (size_t)snprintf(out + len, size > len ? size - len : 0, "%s%s", i ? "," : "",
		    names[i]);
}

/* A failing init leaves the empty file made beforehand exactly as it was
 * (inode, mode, size) and nothing beside it. */
static void
test_init_failure_leaves_path(void **state)
{
	struct stat a, b;
	char        list[1024];

	(void)state;
	/* an empty file at the path and a stray key beside it: files (a
	 * PostgreSQL store's init into a database holding data is refused
	 * like a file holding data, store_test_store_pg) */
	if (testdb_is_pg())
		skip();
	trust_put("admin.tmp", ADMIN_TMP "\n");
	assert_int_equal(mkdir("i", 0755), 0);
	trust_put("i/e.db", "");
	assert_int_equal(chmod("i/e.db", 0640), 0);
	assert_int_equal(stat("i/e.db", &a), 0);
	/* a centre not on the list */
	assert_int_equal(trust_sh(NULL, 0, "%s --db i/e.db init --rehearsal --centre 999999999"
	    " --password-file admin.tmp", J), 2);
	assert_non_null(strstr(trust_err, "999999999"));
	trust_listdir("i", list, sizeof list);
	assert_string_equal(list, "e.db");
	/* a key already there: init fails after building at its temporary
	 * name, which must be gone with its -wal and -shm */
	trust_put("i/e.db.key", "not ours\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db i/e.db init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J), 2);
	trust_listdir("i", list, sizeof list);
	assert_string_equal(list, "e.db,e.db.key");
	assert_int_equal(trust_slurp("i/e.db.key", trust_out, sizeof trust_out), 9);
	assert_int_equal(stat("i/e.db", &b), 0);
	assert_true(a.st_ino == b.st_ino && a.st_mode == b.st_mode && b.st_size == 0);
	/* the file was fine all along: without the stray key init works */
	assert_int_equal(unlink("i/e.db.key"), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db i/e.db init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J), 0);
	trust_listdir("i", list, sizeof list);
	assert_string_equal(list, "e.db,e.db.key");
}

/* init on a FIFO (opening it would block) or on a name for a device:
 * refused at once, no -journal, no key, nothing beside. */
static void
test_init_special_files(void **state)
{
	struct stat sb;
	char        list[1024];

	(void)state;
	if (testdb_is_pg())
		skip();   /* a FIFO and a device at a file's path */
	trust_put("admin.tmp", ADMIN_TMP "\n");
	assert_int_equal(mkdir("s", 0755), 0);
	assert_int_equal(mkfifo("s/fifo.db", 0600), 0);
	assert_int_equal(symlink("/dev/null", "s/null.db"), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db s/fifo.db init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J), 2);
	assert_non_null(strstr(trust_err, "not a regular file"));
	assert_int_equal(trust_sh(NULL, 0, "%s --db s/null.db init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J), 2);
	assert_non_null(strstr(trust_err, "not a regular file"));
	trust_listdir("s", list, sizeof list);
	assert_string_equal(list, "fifo.db,null.db");
	assert_int_equal(lstat("s/fifo.db", &sb), 0);
	assert_true(S_ISFIFO(sb.st_mode));
	assert_int_equal(lstat("s/null.db", &sb), 0);
	assert_true(S_ISLNK(sb.st_mode));
	assert_int_equal(stat("/dev/null", &sb), 0);
	assert_true(S_ISCHR(sb.st_mode));
	assert_false(trust_exists("/dev/null-journal"));
	assert_false(trust_exists("/dev/null.key"));
}

/* ---- the audit log ---- */

/* `jzz audit head` as {"seq": N, "mac": "HEX"}: "N:HEX" into out. */
static void
trust_head(char *out, size_t size)
{
	long long seq;
	char      mac[80];

	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" audit head", J), 0);
	if (sscanf(trust_out, "{\"seq\": %lld, \"mac\": \"%64[0-9a-f]\"}", &seq, mac) != 2 ||
	    strlen(mac) != 64)
		fail_msg("audit head: %s", trust_out);
	snprintf(out, size, "%lld:%s", seq, mac);
}

/* audit verify [--head H] on the store db: its exit status; its output in
 * trust_out. A copy (trust_copy) of a PostgreSQL store is given its
 * original's key by name, as a restore would: its key file is named after
 * the database it was made for. */
static int
trust_verify(const char *db, const char *head)
{
	char key[700] = "", env[800] = "";

	if (testdb_is_pg() && strcmp(db, svctest_db) != 0) {
		if (!testdb_key(db, key, sizeof key))
			fail_msg("no audit key found for %s", db);
		snprintf(env, sizeof env, "JZZ_AUDIT_KEY='%s' ", key);
	}
	return trust_sh(trust_out, sizeof trust_out, "%s%s --db '%s' audit verify%s%s", env, J, db,
	    head != NULL ? " --head " : "", head != NULL ? head : "");
}

/* Runs SQL on the store db behind jzz's back, with the sqlite3 shell or
 * psql (what anyone with the file or the role can do). */
static void
trust_edit(const char *db, const char *sql)
{
	if (testdb_sql(db, sql) != 0)
		fail_msg("edit %s: %s", db, sql);
}

/* The newest entries removed (the guard dropped and put back): the chain
 * alone still holds, the head kept elsewhere does not. */
static void
test_audit_tail_removed(void **state)
{
	char      old_head[100], head[100], sql[512];
	long long seq;

	(void)state;
	trust_base();
	trust_head(old_head, sizeof old_head);
	/* six acts that write no record, only their entries: reads */
	for (int i = 0; i < 3; i++) {
		assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" person %s", J, trust_id1), 0);
		assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" report daily --date 2026-01-05"
		    " --format json", J), 0);
	}
	trust_head(head, sizeof head);
	seq = atoll(head);
	assert_int_equal(seq, atoll(old_head) + 6);
	assert_int_equal(trust_verify(svctest_db, head), 0);
	snprintf(sql, sizeof sql, "DELETE FROM audit_log WHERE seq > %lld", seq - 6);
	assert_int_equal(testdb_sql_unguarded(svctest_db, sql), 0);
	assert_int_equal(trust_audit_seq(), seq - 6);
	assert_int_equal(trust_verify(svctest_db, NULL), 0);
	assert_non_null(strstr(trust_out, "\"ok\":true"));
	assert_int_equal(trust_verify(svctest_db, old_head), 0);
	assert_int_equal(trust_verify(svctest_db, head), 1);
	assert_non_null(strstr(trust_out, "\"ok\":false"));
	assert_non_null(strstr(trust_out, "gone"));
}

/* One entry's text changed (the update guard dropped and put back). */
static void
test_audit_entry_changed(void **state)
{
	(void)state;
	trust_base();
	assert_int_equal(trust_verify(svctest_db, NULL), 0);
	assert_int_equal(testdb_sql_unguarded(svctest_db, "UPDATE audit_log SET user_name ="
	    " 'admin' WHERE seq = (SELECT max(seq) FROM audit_log WHERE action = 'application')"),
	    0);
	assert_int_equal(trust_verify(svctest_db, NULL), 1);
	assert_non_null(strstr(trust_out, "\"ok\":false"));
	assert_non_null(strstr(trust_out, "altered"));
	assert_non_null(strstr(trust_err, "audit log broken"));
}

/* A copy of the test's store and its key as the store `name`; its target. */
static const char *
trust_copy(const char *name)
{
	static char target[8][600];
	static int  next;
	char       *out = target[next++ % 8];

	return testdb_copy(out, sizeof target[0], svctest_db, svctest_dir, name);
}

/* Records edited, deleted or inserted with the sqlite3 shell (psql), the
 * audit log untouched: verify names the row. */
static void
test_audit_records_edited(void **state)
{
	char        text[1024];
	const char *db;

	(void)state;
	trust_base();
	snprintf(text, sizeof text, PERMIT_CASE(trust_id1));
	trust_put("permit1.json", text);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --user clerk1"
	    " --password-file clerk.pw --today 2026-07-06 submit permit1.json", J), 0);
	assert_non_null(strstr(trust_out, "\"decision\":\"accept\""));
	assert_int_equal(trust_count("SELECT count(*) FROM permits"), 1);
	assert_int_equal(trust_verify(svctest_db, NULL), 0);

	db = trust_copy("a.db");
	trust_edit(db, "UPDATE persons SET name = '改名' WHERE id_number = (SELECT id_number"
	    " FROM persons LIMIT 1)");
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "persons row"));
	assert_non_null(strstr(trust_out, "changed outside jzz"));

	db = trust_copy("b.db");
	/* the sqlite3 shell enforces no foreign key; on PostgreSQL the same
	 * edit sets them aside (session_replication_role, testdb.h) */
	assert_int_equal(testdb_sql_unguarded(db, "DELETE FROM permits"), 0);
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "permits row"));
	assert_non_null(strstr(trust_out, "removed outside jzz"));

	db = trust_copy("c.db");
	trust_edit(db, "UPDATE permits SET valid_until = '2099-12-31'");
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "permits row"));

	/* an application inserted beside jzz's */
	db = trust_copy("d.db");
	/* a copy of one row (whatever the columns) under a new id: its last
	 * character changed, never to itself */
	/* (PostgreSQL: every column but those the server fills, an identity;
	 * one script: the temporary table lives as long as its session) */
	/* (SQLite keeps the id as 16 bytes: a random new one) */
	snprintf(text, sizeof text, "CREATE TEMP TABLE t AS SELECT * FROM applications LIMIT 1;"
	    " UPDATE t SET id = %s, decision = 'refuse', receipt_no = NULL, request_id = NULL; %s",
	    testdb_is_pg() ? "substr(id, 1, 35) || CASE substr(id, 36) WHEN 'f' THEN 'e' ELSE 'f' END" :
	    "randomblob(16)",
	    testdb_is_pg() ? "DO $e$ DECLARE c text; BEGIN SELECT string_agg("
	    "quote_ident(attname), ',' ORDER BY attnum) INTO c FROM pg_attribute WHERE attrelid ="
	    " 'jzz.applications'::regclass AND attnum > 0 AND NOT attisdropped AND attidentity ="
	    " '' AND attgenerated = ''; EXECUTE format('INSERT INTO applications (%1$s) SELECT"
	    " %1$s FROM t', c); END $e$" : "INSERT INTO applications SELECT * FROM t");
	trust_edit(db, text);
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "no audit entry"));

	/* the original still verifies */
	assert_int_equal(trust_verify(svctest_db, NULL), 0);
}

/* A guard of the log dropped: verify says so even with every entry whole. */
static void
test_audit_trigger_missing(void **state)
{
	const char *db;

	(void)state;
	trust_base();
	db = trust_copy("a.db");
	assert_int_equal(testdb_guard_drop(db, "DELETE"), 0);
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "append-only guard"));
	db = trust_copy("b.db");
	assert_int_equal(testdb_guard_disarm(db, "UPDATE"), 0);   /* a guard that guards nothing */
	assert_int_equal(trust_verify(db, NULL), 1);
	assert_non_null(strstr(trust_out, "append-only guard"));
	assert_int_equal(trust_verify(svctest_db, NULL), 0);
}

/* The key file: missing, a symbolic link, or another database's key.
 * Each is refused before anything is written (a key of another file would
 * sign entries that never verify), and no new key is made in its place. */
static void
test_audit_key_guard(void **state)
{
	char before[FP_LEN], after[FP_LEN], other[600], okey[700], key[700];

	(void)state;
	trust_base();
	testdb_make(other, sizeof other, svctest_dir, "other.db");
	assert_int_equal(trust_sh(NULL, 0, "%s --db '%s' init --rehearsal --centre 310105009"
	    " --password-file admin.tmp", J, other), 0);
	assert_true(testdb_key(other, okey, sizeof okey));
	assert_true(testdb_key(svctest_db, key, sizeof key));
	trust_fp(true, before);
	/* another database's key */
	assert_int_equal(trust_sh(NULL, 0, "JZZ_AUDIT_KEY='%s' %s --db \"$DB\" --today"
	    " 2026-01-06 submit reg2.json", okey, J), 1);
	assert_non_null(strstr(trust_err, "not this database's key"));
	assert_int_equal(trust_sh(NULL, 0, "JZZ_AUDIT_KEY='%s' %s --db \"$DB\" --today"
	    " 2026-01-06 --user clerk1 --password-file clerk.pw submit reg2.json", okey, J), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
	/* missing: refused, and not made again */
	assert_int_equal(rename(key, "kept.key"), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 submit reg2.json",
	    J), 1);
	assert_non_null(strstr(trust_err, "audit key"));
	assert_false(trust_exists(key));
	/* a symbolic link to it: refused too (O_NOFOLLOW) */
	{
		char kept[700];

		snprintf(kept, sizeof kept, "%s/kept.key", svctest_dir);
		assert_int_equal(symlink(kept, key), 0);
	}
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 submit reg2.json",
	    J), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
	/* the right key, named where it is kept: everything works and verifies */
	assert_int_equal(trust_sh(NULL, 0, "JZZ_AUDIT_KEY=kept.key %s --db \"$DB\" --today"
	    " 2026-01-06 submit reg2.json", J), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 2);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "JZZ_AUDIT_KEY=kept.key %s --db"
	    " \"$DB\" audit verify", J), 0);
	assert_non_null(strstr(trust_out, "\"ok\":true"));
}

/* Reads are recorded with who read: a person's record, a report, a
 * reprinted receipt; a read the role does not allow is refused and leaves
 * no read entry. */
static void
test_reads_audited(void **state)
{
	char acts[512], lit[64];

	(void)state;
	trust_base();
	trust_put("sup.tmp", "Quiet-Harbour-Lantern-7\n");
	trust_put("sup.pw", "Copper-Kettle-Morning-9\n");
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" user add sup1 --role supervisor"
	    " --password-file sup.tmp", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user sup1 --password-file sup.tmp"
	    " user password --new-password-file sup.pw", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.pw"
	    " person %s", J, trust_id1), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.pw"
	    " receipt 310105009-20260105-0001", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user clerk1 --password-file clerk.pw"
	    " report daily --date 2026-01-05 --format json", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user sup1 --password-file sup.pw"
	    " report daily --date 2026-01-05 --format json", J), 0);
	if (testdb_is_pg())
		trust_sql(acts, sizeof acts, "SELECT string_agg(user_name || ':' || action, ','"
		    " ORDER BY seq) FROM audit_log WHERE action LIKE '%%read%%'");
	else
		trust_sql(acts, sizeof acts, "SELECT group_concat(user_name || ':' || action, ',')"
		    " FROM (SELECT user_name, action FROM audit_log WHERE action LIKE '%%read%%'"
		    " ORDER BY seq)");
	assert_string_equal(acts, "clerk1:read_person,clerk1:receipt_read,sup1:read_report");
	trust_sql(acts, sizeof acts, "SELECT subject FROM audit_log WHERE action = 'read_person'");
	assert_int_equal(strlen(acts), 36);   /* the person's id, not the ID number */
	assert_int_equal(trust_count("SELECT count(*) FROM persons WHERE id = %s AND id_number ="
	    " '%s'", testdb_id_lit(lit, sizeof lit, acts), trust_id1), 1);
}

/* ---- what is printed ---- */

/* Person k, named `name` (JSON text, \u escapes allowed), registered,
 * given a permit and paying for its replacement on 2026-07-08 (a fee row
 * of that day's report shows the name). */
static void
trust_fee_person(int k, const char *name)
{
	char id[19], text[2048];

	svctest_idnum(k, id);
	snprintf(text, sizeof text, "{\"business\":\"registration\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\",\"phone\":\"13800000000\"},\"housing\":{\"tenure\":\"rent\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", id,
	    name);
	trust_put("f1.json", text);
	snprintf(text, sizeof text, "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\"]}", id,
	    name);
	trust_put("f2.json", text);
	snprintf(text, sizeof text, "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":"
	    "\"%s\",\"name\":\"%s\"},\"personal_reason\":true,\"fee_receipt_no\":\"NO.%07d\","
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", id, name, 700 + k);
	trust_put("f3.json", text);
	for (int i = 0; i < 2; i++)
		if (trust_sh(NULL, 0, "%s --db \"$DB\" --today %s submit f%d.json", J, i == 0 ?
		    "2026-01-05" : "2026-07-06", i + 1) != 0)
			fail_msg("%s: f%d.json: %s", name, i + 1, trust_err);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-07-08"
	    " submit f3.json", J), 0);
	assert_non_null(strstr(trust_out, "\"fee_yuan\":20"));
}

/* The CSV line of the report holding fee receipt NO.<700+k>. */
static const char *
trust_csv_line(const char *csv, int k, char *line, size_t size)
{
	char        key[32];
	const char *p, *start, *end;

	snprintf(key, sizeof key, ",NO.%07d,", 700 + k);
	if ((p = strstr(csv, key)) == NULL)
		fail_msg("no fee row %s in the CSV", key);
	for (start = p; start > csv && start[-1] != '\n'; start--)
		;
	end = strstr(p, "\r\n");
	assert_non_null(end);
	snprintf(line, size, "%.*s", (int)(end - start), start);
	return line;
}

/* Names a spreadsheet would take for formulas arrive as text: the cell
 * starts with an apostrophe, inside quotes. */
static void
test_csv_formula_injection(void **state)
{
	static const struct {
		const char *json, *cell;
	} names[] = {
		{ "=HYPERLINK(\\\"http://x\\\")", ",\"'=HYPERLINK(\"\"http://x\"\")\"," },
		{ "+1+2", ",\"'+1+2\"," },
		{ "-1+2", ",\"'-1+2\"," },
		{ "@SUM(A1)", ",\"'@SUM(A1)\"," },
		{ "\\t=1+2", ",\"'\t=1+2\"," },
		{ "\\r=1+2", ",\"'\r=1+2\"," },
	};
	char line[1024];

	(void)state;
	trust_base();
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		trust_fee_person(10 + (int)i, names[i].json);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" report daily --date"
	    " 2026-07-08 --format csv", J), 0);
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		trust_csv_line(trust_out, 10 + (int)i, line, sizeof line);
		if (strstr(line, names[i].cell) == NULL)
			fail_msg("name %s: no cell %s in %s", names[i].json, names[i].cell, line);
	}
}

/* True when s holds a terminal control: C0 but LF (and TAB), DEL, C1 as
 * UTF-8 (U+0080..U+009F), bidi embeddings, overrides and isolates
 * (U+202A..U+202E, U+2066..U+2069). */
static const char *
trust_control(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return (const char *)p;
		if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			return (const char *)p;
		if (p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae)
			return (const char *)p;
		if (p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9)
			return (const char *)p;
	}
	return NULL;
}

/* A name with ESC sequences, CR, OSC 52 (set the clipboard), BEL, C1 CSI
 * and bidi overrides: `report --format text` and `person` (JSON) carry
 * none of them raw, and the visible letters survive. */
#define EVIL_NAME "=A\\u001b[2J\\r\\u001b]52;c;SGk=\\u0007\\u009b1m\\u202eX\\u2066Z"

static void
test_text_free_of_controls(void **state)
{
	const char *bad;
	char        id[19], evil[64];

	(void)state;
	trust_base();
	trust_fee_person(20, EVIL_NAME);
	svctest_idnum(20, id);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" report daily --date"
	    " 2026-07-08 --format text", J), 0);
	assert_non_null(strstr(trust_out, "NO.0000720"));
	if ((bad = trust_control(trust_out)) != NULL)
		fail_msg("report text holds byte 0x%02x: ...%.40s", (unsigned char)*bad, bad);
	assert_non_null(strstr(trust_out, "=A"));
	assert_non_null(strstr(trust_out, "\xef\xbf\xbd"));   /* U+FFFD in their place */
	assert_non_null(strstr(trust_out, "SGk="));
	/* JSON escapes them */
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" person %s", J, id),
	    0);
	if ((bad = trust_control(trust_out)) != NULL)
		fail_msg("person JSON holds byte 0x%02x: ...%.40s", (unsigned char)*bad, bad);
	assert_non_null(strstr(trust_out, "\\u001b"));
	/* a file name with controls, named on stderr */
	snprintf(evil, sizeof evil, "x\x1b]52;c;SGVsbG8=\x07\xe2\x80\xae.json");
	trust_put(evil, "{\"business\": 5}");
	assert_int_equal(trust_sh(NULL, 0, "%s --today 2026-07-08 check x*.json", J), 2);
	assert_true(trust_err[0] != '\0');
	if ((bad = trust_control(trust_err)) != NULL)
		fail_msg("stderr holds byte 0x%02x: %s", (unsigned char)*bad, trust_err);
}

/* ---- backups, retries, days, locks ---- */

/* A damaged database: backup fails, and leaves no file, whole or partial. */
static void
test_backup_corrupt(void **state)
{
	char list[1024], page[32];
	long pageno;

	(void)state;
	if (testdb_is_pg())
		skip();   /* pages of a SQLite file zeroed, and its backup to a file */
	trust_base();
	assert_int_equal(mkdir("bk", 0700), 0);
	/* one index page zeroed (no valid page type): the file opens, the
	 * integrity check fails */
	trust_sql(page, sizeof page, "SELECT pageno FROM dbstat WHERE name ="
	    " 'persons_by_id_number'");
	pageno = atol(page);
	assert_true(pageno > 1);
	assert_int_equal(trust_sh(NULL, 0, "dd if=/dev/zero of=jzz.db bs=4096 seek=%ld count=1"
	    " conv=notrunc", pageno - 1), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" backup bk/copy.db", J), 1);
	assert_non_null(strstr(trust_err, "integrity"));
	trust_listdir("bk", list, sizeof list);
	assert_string_equal(list, "");
	/* garbage over much of it: refused too, nothing made */
	assert_int_equal(trust_sh(NULL, 0, "dd if=/dev/zero of=jzz.db bs=4096 seek=1 count=40"
	    " conv=notrunc"), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" backup bk/copy.db", J), 1);
	trust_listdir("bk", list, sizeof list);
	assert_string_equal(list, "");
}

/* The answer lost (stdout is /dev/full): exit 1, but the act committed;
 * the retry with the same request_id prints the same application and
 * writes nothing more. */
static void
test_request_id_lost_answer(void **state)
{
	char text[2048], appid[64], before[FP_LEN], after[FP_LEN], want[128], col[256];

	(void)state;
	trust_base();
	snprintf(text, sizeof text, "{\"request_id\":\"counter3-0001\",\"business\":"
	    "\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"测试\",\"phone\":"
	    "\"13800000000\"},\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\","
	    "\"registration_form\",\"lease_filing_certificate\"]}", trust_id2);
	trust_put("req.json", text);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 submit req.json"
	    " >/dev/full", J), 1);
	assert_non_null(strstr(trust_err, "writing the output"));
	assert_int_equal(trust_count("SELECT count(*) FROM applications WHERE request_id ="
	    " 'counter3-0001'"), 1);
	trust_sql(appid, sizeof appid, "SELECT %s FROM applications WHERE request_id ="
	    " 'counter3-0001'", testdb_id_col(col, sizeof col, "id"));
	assert_int_equal(strlen(appid), 36);
	snprintf(want, sizeof want, "\"application_id\":\"%s\"", appid);
	trust_fp(true, before);
	for (int i = 0; i < 2; i++) {
		assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today"
		    " 2026-01-06 submit req.json", J), 0);
		assert_non_null(strstr(trust_out, want));
		assert_non_null(strstr(trust_out, "\"receipt_no\":\"310105009-20260106-0001\""));
		trust_fp(true, after);
		assert_string_equal(before, after);
	}
	assert_int_equal(trust_count("SELECT count(*) FROM applications WHERE id_number = '%s'",
	    trust_id2), 1);
}

/* A production database works on the real date only: another --today (or
 * JZZ_TODAY) is refused (exit 1) by every act, with nothing written. */
static void
test_production_day(void **state)
{
	char      before[FP_LEN], after[FP_LEN], today[32], text[2048], id[19];
	time_t    now = time(NULL);
	struct tm tm;

	(void)state;
	localtime_r(&now, &tm);
	snprintf(today, sizeof today, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday);
	trust_put("admin.tmp", ADMIN_TMP "\n");
	trust_put("admin.pw", ADMIN_OWN "\n");
	/* init records no business: its --today is ignored, and the file it
	 * makes is a production one all the same */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-05 init --centre"
	    " 310105009 --password-file admin.tmp", J), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --user admin --password-file admin.tmp"
	    " user password --new-password-file admin.pw", J), 0);
	svctest_idnum(3, id);
	snprintf(text, sizeof text, REG_CASE(id));
	trust_put("reg.json", text);
	trust_fp(true, before);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-01-05"
	    " submit reg.json", J), 1);
	assert_string_equal(trust_out, "");
	assert_non_null(strstr(trust_err, "real date"));
	assert_int_equal(trust_sh(NULL, 0, "JZZ_TODAY=2099-01-05 %s --db \"$DB\" --user admin"
	    " --password-file admin.pw submit reg.json", J), 1);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-05 card received --id"
	    " %s", J, id), 1);
	trust_fp(true, after);
	assert_string_equal(before, after);
	/* the real date itself is fine */
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today %s submit reg.json", J, today),
	    0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 1);
}

/* Another process holds the write lock (the sqlite3 shell in a
 * transaction): submit gives up with exit 3, says why, writes nothing;
 * once the lock is gone the same case goes through. */
static void
test_busy_lock(void **state)
{
	char     before[FP_LEN], after[FP_LEN], cmd[600];
	FILE    *holder;
	sqlite3 *probe;
	int      rc = SQLITE_OK;

	(void)state;
	/* SQLite's one write lock, held by its shell. (PostgreSQL's writers
	 * meet on rows, not on the file: service_concurrency_pg runs writers
	 * against each other there.) */
	if (testdb_is_pg())
		skip();
	trust_base();
	snprintf(cmd, sizeof cmd, "sqlite3 '%s' >/dev/null", svctest_db);
	holder = popen(cmd, "w");
	assert_non_null(holder);
	/* .timeout: the probe below may hold the lock for an instant when
	 * the shell asks for it */
	fputs(".timeout 10000\nBEGIN IMMEDIATE;\nSELECT 1;\n", holder);
	fflush(holder);
	/* until the shell holds the lock: a writer of ours is refused at once
	 * (no waiting in the probe; bounded so that a broken shell fails) */
	assert_int_equal(sqlite3_open(svctest_db, &probe), SQLITE_OK);
	for (int i = 0; i < 20000; i++) {
		struct timespec ts = { 0, 1000000 };

		rc = sqlite3_exec(probe, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		if (rc == SQLITE_BUSY)
			break;
		if (rc == SQLITE_OK)
			sqlite3_exec(probe, "ROLLBACK", NULL, NULL, NULL);
		nanosleep(&ts, NULL);
	}
	sqlite3_close(probe);
	assert_int_equal(rc, SQLITE_BUSY);
	trust_fp(true, before);
	assert_int_equal(trust_sh(trust_out, sizeof trust_out, "%s --db \"$DB\" --today 2026-01-06"
	    " submit reg2.json", J), 3);
	assert_string_equal(trust_out, "");
	assert_non_null(strstr(trust_err, "busy"));
	assert_non_null(strstr(trust_err, "nothing was written"));
	trust_fp(true, after);
	assert_string_equal(before, after);
	fputs("ROLLBACK;\n.quit\n", holder);
	assert_int_equal(pclose(holder), 0);
	assert_int_equal(trust_sh(NULL, 0, "%s --db \"$DB\" --today 2026-01-06 submit reg2.json",
	    J), 0);
	assert_int_equal(trust_count("SELECT count(*) FROM applications"), 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_no_password_no_terminal, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_temporary_password_only, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_locked_account, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_disabled_account, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_user_password_without_login, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_weak_passwords, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_account_like_real, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_non_owner, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_file_modes, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_init_failure_leaves_path, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_init_special_files, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_audit_tail_removed, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_audit_entry_changed, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_audit_records_edited, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_audit_trigger_missing, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_audit_key_guard, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_reads_audited, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_csv_formula_injection, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_text_free_of_controls, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_backup_corrupt, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_request_id_lost_answer, trust_setup,
		    trust_teardown),
		cmocka_unit_test_setup_teardown(test_production_day, trust_setup, trust_teardown),
		cmocka_unit_test_setup_teardown(test_busy_lock, trust_setup, trust_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
