/*
 * e2e.h: the end-to-end harness: the real `jzz` binary in a pseudo-terminal
 * (forkpty), keys written to it, and the screen it draws read back through
 * libvterm, as a clerk would see it.
 *
 * Why this way: the counter terminal is judged by what appears on a real
 * terminal (double-width characters, the cursor, resizing), which no unit
 * test of a screen function shows. Every wait polls the screen until the
 * expected text appears or a deadline passes: no fixed sleeps, so the tests
 * are as fast as the program and still pass under the sanitizers.
 *
 * The harness also counts keys: term_type() is data the clerk must type
 * anyway, term_key() is navigation; docs/keystrokes.md reports the latter.
 */
#ifndef JZZ_TESTS_E2E_H
#define JZZ_TESTS_E2E_H

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "testdb.h"
#include <time.h>
#include <unistd.h>

#include <vterm.h>

#include "jzz/date.h"
#include "jzz/idnum.h"

/* Keys as xterm sends them (TERM=xterm-256color, keypad mode). */
#define K_F1     "\033OP"
#define K_F10    "\033[21~"
#define K_F2     "\033OQ"
#define K_F5     "\033[15~"
#define K_F9     "\033[20~"
#define K_ESC0   "\0330"          /* Esc 0: F10 for terminals that swallow F-keys */
#define K_PGDN   "\033[6~"
#define K_PGUP   "\033[5~"
#define K_DOWN   "\033OB"
#define K_UP     "\033OA"
#define K_TAB    "\t"
#define K_BTAB   "\033[Z"
#define K_ENTER  "\r"
#define K_SPACE  " "
#define K_ESC    "\033"

#define E2E_TIMEOUT_MS 15000

/* A demo account of the training database (service_demo_accounts). */
#define E2E_CLERK_LOGIN "clerk1\rcounter-one-2026\r"

struct term {
	pid_t        pid;
	int          fd;
	int          rows, cols;
	VTerm       *vt;
	VTermScreen *scr;
	int          nav;     /* navigation keys sent */
	int          data;    /* characters of data typed */
	char         dir[256];
	char         db[300];
	bool         no_color;  /* start the program with NO_COLOR=1 */
	const char  *printer;   /* JZZ_PRINTER for the program, or NULL */
	const char  *path_dir;  /* a folder put first in PATH (a fake lp), or NULL */
	const char  *esc_wait;  /* JZZ_ESC_WAIT for the program, or NULL */
};

static inline long
e2e_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* A fresh folder for the test's receipts, and its database (testdb.h: a
 * file there, or a PostgreSQL database). */
static inline void
e2e_tmpdir(struct term *t)
{
	snprintf(t->dir, sizeof t->dir, "/tmp/jzz-e2e-XXXXXX");
	if (mkdtemp(t->dir) == NULL) {
		perror("mkdtemp");
		exit(1);
	}
	testdb_make(t->db, sizeof t->db, t->dir, "t.db");
}

/* Starts jzz with args (NULL-terminated) on a rows x cols terminal. */
static inline void
e2e_start(struct term *t, int rows, int cols, const char *const *args)
{
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };
	char          *argv[32];
	int            n = 0;

	t->rows = rows;
	t->cols = cols;
	argv[n++] = (char *)JZZ_BIN;
	for (; *args != NULL && n < 31; args++)
		argv[n++] = (char *)*args;
	argv[n] = NULL;
	t->pid = forkpty(&t->fd, NULL, NULL, &ws);
	if (t->pid < 0) {
		perror("forkpty");
		exit(1);
	}
	if (t->pid == 0) {
		char rc[400];

		snprintf(rc, sizeof rc, "%s/receipts", t->dir);
		setenv("LANG", "C.UTF-8", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		setenv("TERM", "xterm-256color", 1);
		setenv("JZZ_RECEIPT_DIR", rc, 1);
		/* a server's store has no folder to put exports beside; the one
		 * that holds them for a file (t.dir/reports) is named instead */
		if (testdb_is_pg()) {
			snprintf(rc, sizeof rc, "%s/reports", t->dir);
			setenv("JZZ_EXPORT_DIR", rc, 1);
		}
		if (t->printer != NULL)
			setenv("JZZ_PRINTER", t->printer, 1);
		else
			unsetenv("JZZ_PRINTER");
		if (t->path_dir != NULL) {
			char path[2048];

			snprintf(path, sizeof path, "%s:%s", t->path_dir, getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
			setenv("PATH", path, 1);
		}
		unsetenv("JZZ_TODAY");
		unsetenv("ESCDELAY");
		if (t->esc_wait != NULL)
			setenv("JZZ_ESC_WAIT", t->esc_wait, 1);
		else
			unsetenv("JZZ_ESC_WAIT");
		if (t->no_color)
			setenv("NO_COLOR", "1", 1);
		else
			unsetenv("NO_COLOR");
		setenv("LSAN_OPTIONS", "suppressions=" E2E_LSAN_SUPP ":print_suppressions=0", 1);
		execv(JZZ_BIN, argv);
		_exit(127);
	}
	fcntl(t->fd, F_SETFL, fcntl(t->fd, F_GETFL) | O_NONBLOCK);
	t->vt = vterm_new(rows, cols);
	vterm_set_utf8(t->vt, 1);
	t->scr = vterm_obtain_screen(t->vt);
	vterm_screen_enable_altscreen(t->scr, 1);
	vterm_screen_reset(t->scr, 1);
}

/* Feeds what the program wrote into the terminal emulator; waits up to ms
 * for the first bytes. Returns false once the program has closed the pty. */
static inline bool
e2e_pump(struct term *t, int ms)
{
	struct pollfd pfd = { t->fd, POLLIN, 0 };
	char          buf[65536];
	ssize_t       n;

	if (poll(&pfd, 1, ms) <= 0)
		return true;
	for (;;) {
		n = read(t->fd, buf, sizeof buf);
		if (n > 0) {
			vterm_input_write(t->vt, buf, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EAGAIN)
			return true;
		if (n < 0 && errno == EINTR)
			continue;
		return false;   /* EIO: the child is gone */
	}
}

static inline size_t
e2e_utf8(uint32_t c, char *o)
{
	if (c < 0x80) { o[0] = (char)c; return 1; }
	if (c < 0x800) { o[0] = (char)(0xC0 | (c >> 6)); o[1] = (char)(0x80 | (c & 0x3F)); return 2; }
	if (c < 0x10000) {
		o[0] = (char)(0xE0 | (c >> 12)); o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
		o[2] = (char)(0x80 | (c & 0x3F)); return 3;
	}
	o[0] = (char)(0xF0 | (c >> 18)); o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
	o[2] = (char)(0x80 | ((c >> 6) & 0x3F)); o[3] = (char)(0x80 | (c & 0x3F)); return 4;
}

/* One row of the screen as UTF-8, trailing blanks removed. */
static inline void
e2e_row(struct term *t, int row, char *out, size_t size)
{
	VTermScreenCell cell;
	VTermPos        pos;
	size_t          o = 0, keep = 0;

	pos.row = row;
	for (pos.col = 0; pos.col < t->cols && o + 8 < size; pos.col++) {
		vterm_screen_get_cell(t->scr, pos, &cell);
		if (cell.chars[0] == 0) {
			out[o++] = ' ';
		} else {
			for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell.chars[i] != 0; i++)
				o += e2e_utf8(cell.chars[i], out + o);
			keep = o;
			if (cell.width == 2)
				pos.col++;
		}
	}
	out[keep] = '\0';
}

/* The whole screen, rows separated by newlines. */
static inline void
e2e_screen(struct term *t, char *out, size_t size)
{
	size_t o = 0;

	out[0] = '\0';
	for (int r = 0; r < t->rows && o + 1 < size; r++) {
		e2e_row(t, r, out + o, size - o - 1);
		o += strlen(out + o);
		out[o++] = '\n';
		out[o] = '\0';
	}
}

static inline void
e2e_dump(struct term *t, const char *why)
{
	char s[32768];

	e2e_screen(t, s, sizeof s);
	fprintf(stderr, "---- screen (%s) ----\n%s---------------------\n", why, s);
}

/* Lets the program finish drawing: returns once it has written nothing
 * for 300 ms (at most a few seconds). */
static inline void
e2e_settle(struct term *t)
{
	for (int i = 0; i < 20; i++) {
		struct pollfd pfd = { t->fd, POLLIN, 0 };

		if (poll(&pfd, 1, 300) <= 0)
			break;
		if (!e2e_pump(t, 0))
			break;
	}
}

/* Saves the screen as text under $E2E_CAPTURE_DIR (when set), for the
 * clerk's guide (docs/guide-clerk.md). */
static inline void
e2e_capture(struct term *t, const char *name)
{
	const char *dir = getenv("E2E_CAPTURE_DIR");
	char        path[512], s[32768];
	FILE       *f;

	if (dir == NULL || *dir == '\0')
		return;
	e2e_settle(t);
	e2e_screen(t, s, sizeof s);
	snprintf(path, sizeof path, "%s/%s.txt", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
		return;
	fputs(s, f);
	fclose(f);
}

/* Waits until the screen shows text; fails the test (with the screen
 * printed) when the deadline passes. */
static inline bool
e2e_wait_quiet(struct term *t, const char *text, int timeout_ms)
{
	long end = e2e_now_ms() + timeout_ms;
	char s[32768];

	for (;;) {
		bool alive = e2e_pump(t, 20);

		e2e_screen(t, s, sizeof s);
		if (strstr(s, text) != NULL)
			return true;
		if (!alive || e2e_now_ms() > end)
			return false;
	}
}

#define e2e_wait(t, text) do { \
	if (!e2e_wait_quiet((t), (text), E2E_TIMEOUT_MS)) { \
		e2e_dump((t), (text)); \
		fail_msg("screen never showed \"%s\"", (text)); \
	} \
} while (0)

/* The first screen of `jzz demo` on a database it makes: the demo's
 * fortnight is some two thousand businesses, under a second on SQLite but
 * tens of seconds on a busy PostgreSQL server, before the login shows. */
#define E2E_DEMO_TIMEOUT_MS 120000
#define e2e_wait_demo(t, text) do { \
	if (!e2e_wait_quiet((t), (text), E2E_DEMO_TIMEOUT_MS)) { \
		e2e_dump((t), (text)); \
		fail_msg("screen never showed \"%s\"", (text)); \
	} \
} while (0)

/* Waits until the screen no longer shows text. */
#define e2e_wait_gone(t, text) do { \
	long end_ = e2e_now_ms() + E2E_TIMEOUT_MS; char s_[32768]; \
	for (;;) { \
		e2e_pump((t), 20); e2e_screen((t), s_, sizeof s_); \
		if (strstr(s_, (text)) == NULL) break; \
		if (e2e_now_ms() > end_) { e2e_dump((t), (text)); fail_msg("screen still shows \"%s\"", (text)); } \
	} \
} while (0)

static inline bool
e2e_has(struct term *t, const char *text)
{
	char s[32768];

	e2e_pump(t, 0);
	e2e_screen(t, s, sizeof s);
	return strstr(s, text) != NULL;
}

static inline void
e2e_write(struct term *t, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = write(t->fd, s, n);

		if (w < 0) {
			if (errno == EAGAIN || errno == EINTR) {
				e2e_pump(t, 5);   /* let the program drain its input */
				continue;
			}
			return;
		}
		s += w;
		n -= (size_t)w;
	}
}

/* Data the clerk types (counted per character). */
static inline void
e2e_type(struct term *t, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xC0) != 0x80)
			t->data++;
	e2e_write(t, s, strlen(s));
	e2e_pump(t, 0);
}

/* One navigation key (counted). */
static inline void
e2e_key(struct term *t, const char *seq)
{
	t->nav++;
	e2e_write(t, seq, strlen(seq));
	e2e_pump(t, 0);
}

/* Esc alone must stand apart from what follows (Esc + digit is an F-key):
 * wait until the program has shown that it took it. */
static inline void
e2e_esc(struct term *t, const char *then_shows)
{
	e2e_key(t, K_ESC);
	e2e_wait(t, then_shows);
}

static inline void
e2e_resize(struct term *t, int rows, int cols)
{
	struct winsize ws = { (unsigned short)rows, (unsigned short)cols, 0, 0 };

	t->rows = rows;
	t->cols = cols;
	ioctl(t->fd, TIOCSWINSZ, &ws);
	vterm_set_size(t->vt, rows, cols);
	kill(t->pid, SIGWINCH);
}

static inline void
e2e_cursor(struct term *t, int *row, int *col)
{
	VTermPos pos;

	e2e_pump(t, 0);
	vterm_state_get_cursorpos(vterm_obtain_state(t->vt), &pos);
	*row = pos.row;
	*col = pos.col;
}

/* Cells drawn in a colour other than the terminal's default. */
static inline int
e2e_colored_cells(struct term *t)
{
	VTermScreenCell cell;
	VTermPos        pos;
	int             n = 0;

	e2e_pump(t, 0);
	for (pos.row = 0; pos.row < t->rows; pos.row++)
		for (pos.col = 0; pos.col < t->cols; pos.col++) {
			vterm_screen_get_cell(t->scr, pos, &cell);
			if (!VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) || !VTERM_COLOR_IS_DEFAULT_BG(&cell.bg))
				n++;
		}
	return n;
}

/* Waits until the hardware cursor is in column col (the drawing of a
 * screen and the cursor's last move may arrive in separate reads). */
static inline bool
e2e_wait_cursor_col(struct term *t, int col)
{
	long end = e2e_now_ms() + E2E_TIMEOUT_MS;
	int  r, c;

	for (;;) {
		e2e_pump(t, 20);
		e2e_cursor(t, &r, &c);
		if (c == col)
			return true;
		if (e2e_now_ms() > end) {
			fprintf(stderr, "cursor at column %d, expected %d\n", c, col);
			e2e_dump(t, "cursor");
			return false;
		}
	}
}

/* Waits for the program to exit; returns its exit status (or 128+signal). */
static inline int
e2e_wait_exit(struct term *t)
{
	long end = e2e_now_ms() + E2E_TIMEOUT_MS;
	int  st;

	for (;;) {
		pid_t r = waitpid(t->pid, &st, WNOHANG);

		if (r == t->pid)
			break;
		e2e_pump(t, 20);
		if (e2e_now_ms() > end) {
			char cmd[256];

			snprintf(cmd, sizeof cmd, "grep State /proc/%d/status 1>&2", (int)t->pid);
			if (system(cmd) != 0)
				fprintf(stderr, "(no process details)\n");
			e2e_dump(t, "did not exit");
			kill(t->pid, SIGKILL);
			waitpid(t->pid, &st, 0);
			return -1;
		}
	}
	while (e2e_pump(t, 0) && 0)
		;
	close(t->fd);
	vterm_free(t->vt);
	t->vt = NULL;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Waits up to ms for the screen to differ from before (or the program to
 * end); false when it did not change. */
static inline bool
e2e_wait_change(struct term *t, const char *before, int ms)
{
	long end = e2e_now_ms() + ms;
	char s[32768];

	for (;;) {
		if (!e2e_pump(t, 20))
			return true;
		e2e_screen(t, s, sizeof s);
		if (strcmp(s, before) != 0)
			return true;
		if (e2e_now_ms() > end)
			return false;
	}
}

/* From any screen back home (Esc, answering "y" when asked), then F9 to
 * quit; returns the exit status. One key at a time, each awaited: a second
 * Esc sent while the first is pending would be read as Esc Esc. */
static inline int
e2e_quit(struct term *t)
{
	char before[32768];

	for (int i = 0; i < 12; i++) {
		if (!e2e_pump(t, 0))
			break;
		e2e_settle(t);   /* decide on a whole screen, not half a redraw */
		e2e_screen(t, before, sizeof before);
		if (strstr(before, "Esc：按数字") != NULL || strstr(before, "Esc: a digit") != NULL)
			;   /* an Esc is pending: let it resolve */
		else if (strstr(before, "（y ") != NULL || strstr(before, "(y ") != NULL)
			e2e_write(t, "y", 1);
		else   /* Esc: back, and on the home screen (or the login) it asks to quit */
			e2e_write(t, "\033", 1);
		e2e_wait_change(t, before, 5000);
	}
	return e2e_wait_exit(t);
}

/* An 18-digit ID number with the right check character. */
static inline void
e2e_id(char out[19], const char *addr6, int y, int m, int d, const char *seq3)
{
	snprintf(out, 19, "%.6s%04d%02d%02d%.3s", addr6, y, m, d, seq3);
	out[17] = idnum_check_char(out);
	out[18] = '\0';
}

/* Creates the training database and logs in as clerk1 at day `today`. */
static inline void
e2e_demo_login(struct term *t, const char *today, int rows, int cols)
{
	const char *args[] = { "--today", today, "demo", "--db", t->db, NULL };

	e2e_start(t, rows, cols, args);
	e2e_wait_demo(t, "clerk1");
	e2e_write(t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
	e2e_wait(t, "本中心待办");
}

static inline void
e2e_cleanup(struct term *t)
{
	char cmd[400];

	testdb_drop();
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", t->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", t->dir);
}

#endif
