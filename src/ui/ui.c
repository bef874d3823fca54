/*
 * ui.c: the counter terminal's main loop and its stack of screens.
 *
 * Why it is built this way (neomutt, tmux, htop): signal handlers only set
 * a flag and all drawing happens here, in the loop, so that a resize or a
 * shutdown can never catch a screen half-drawn; each screen is a table of
 * functions (struct screen_mode) pushed on a stack, so going back is a pop
 * and the state of every screen below survives whatever happens on top,
 * including a terminal too small to show anything (the state is kept, only
 * the drawing is replaced by a notice until the window is big enough).
 */
#include "uipriv.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t ui_sig_winch;
static volatile sig_atomic_t ui_sig_term;

/* Only a flag: curses is not async-signal-safe; the loop does the work. */
static void
ui_on_signal(int sig)
{
	if (sig == SIGWINCH)
		ui_sig_winch = 1;
	else
		ui_sig_term = 1;
}

static void
ui_signals(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

void
ui_log(const struct ui *ui, const char *fmt, ...)
{
	FILE     *f = ui->opts != NULL ? ui->opts->log : NULL;
	va_list   ap;
	time_t    t;
	struct tm tm;
	char      stamp[32];

	if (f == NULL)
		return;
	t = time(NULL);
	localtime_r(&t, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &tm);
	fprintf(f, "%s [%ld] ", stamp, (long)getpid());
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	fflush(f);
}

/* Frees a screen's data: what it owns (its free hook), then the data the
 * framework allocated for it. */
static void
ui_screen_free(struct screen *sc)
{
	if (sc->mode->free != NULL && sc->data != NULL)
		sc->mode->free(sc->data);
	if (sc->mode->size > 0)
		free(sc->data);
	sc->data = NULL;
}

bool
ui_push(struct ui *ui, const struct screen_mode *m, void *arg)
{
	struct screen *sc;

	ui_log(ui, "screen %s (depth %d)", m->name, ui->depth + 1);
	if (ui->depth >= UI_STACK_MAX)
		return false;
	sc = &ui->stack[ui->depth];
	sc->mode = m;
	sc->data = NULL;
	if (m->size > 0 && (sc->data = calloc(1, m->size)) == NULL)
		return false;
	if (m->init != NULL && m->init(ui, sc, arg) != 0) {
		ui_screen_free(sc);
		return false;
	}
	sc->gen = ui->data_gen;
	ui->depth++;
	return true;
}

void
ui_pop(struct ui *ui)
{
	struct screen *sc;

	if (ui->depth == 0)
		return;
	sc = &ui->stack[--ui->depth];
	ui_log(ui, "screen %s closed", sc->mode->name);
	ui_screen_free(sc);
}

void
ui_pop_home(struct ui *ui)
{
	while (ui->depth > 1)
		ui_pop(ui);
}

void
ui_status(struct ui *ui, enum ui_attr a, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	ui->status_attr = a;
}

void
ui_status_failed(struct ui *ui, enum service_status st, enum msg_id denied, enum msg_id fail)
{
	if (st == SERVICE_ERR_DENIED && denied != M_NONE)
		ui_status(ui, UA_ERROR, "%s", ui_msg(denied));
	else
		ui_status(ui, UA_ERROR, ui_msg(fail), service_errmsg(ui->svc));
}

void
ui_ask(struct ui *ui, enum msg_id question, int action)
{
	ui->ask = question;
	ui->ask_action = action;
	ui->ask_about[0] = '\0';
}

void
ui_ask_about(struct ui *ui, enum msg_id question, const char *about, int action)
{
	ui_ask(ui, question, action);
	snprintf(ui->ask_about, sizeof ui->ask_about, "%s", about != NULL ? about : "");
}

/* ---- layout ---- */

static void
ui_windows_free(struct ui *ui)
{
	if (ui->hdr != NULL)
		delwin(ui->hdr);
	if (ui->body != NULL)
		delwin(ui->body);
	if (ui->bar != NULL)
		delwin(ui->bar);
	if (ui->narr != NULL)
		delwin(ui->narr);
	ui->hdr = ui->body = ui->bar = ui->narr = NULL;
}

/* Makes the windows for the current size: header, body, status+bar; below
 * 80x24 one window for the "too small" notice. */
static void
ui_layout(struct ui *ui)
{
	ui_windows_free(ui);
	getmaxyx(stdscr, ui->rows, ui->cols);
	ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	if (ui->too_small || ui->rows < 4) {
		ui->body = newwin(ui->rows > 0 ? ui->rows : 1, ui->cols > 0 ? ui->cols : 1, 0, 0);
	} else if (ui->play != NULL) {
		/* A scenario's narration has a row of its own, above the bar. */
		ui->hdr = newwin(1, ui->cols, 0, 0);
		ui->body = newwin(ui->rows - 4, ui->cols, 1, 0);
		ui->narr = newwin(1, ui->cols, ui->rows - 3, 0);
		ui->bar = newwin(2, ui->cols, ui->rows - 2, 0);
	} else {
		ui->hdr = newwin(1, ui->cols, 0, 0);
		ui->body = newwin(ui->rows - 3, ui->cols, 1, 0);
		ui->bar = newwin(2, ui->cols, ui->rows - 2, 0);
	}
	keypad(ui->body, TRUE);
	for (int i = 0; i < ui->depth; i++)
		if (ui->stack[i].mode->resize != NULL)
			ui->stack[i].mode->resize(ui, &ui->stack[i]);
}

static void
ui_resize(struct ui *ui)
{
	struct winsize ws;

	ui_sig_winch = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0) {
		resize_term(ws.ws_row, ws.ws_col);
		ui_log(ui, "resize %dx%d", ws.ws_col, ws.ws_row);
	}
	clearok(curscr, TRUE);
	ui_layout(ui);
}

/* ---- drawing ---- */

static void
ui_draw_header(struct ui *ui, struct screen *sc)
{
	struct ui_view v = { ui->hdr, 1, ui->cols, -1, -1 };
	const char    *title;
	int            x, mark = 0;

	ui_view_clear(&v);
	ui_view_fill(&v, 0, UA_TITLE);
	title = sc->mode->title_fn != NULL ? sc->mode->title_fn(ui, sc) : ui_msg(sc->mode->title);
	if (ui->opts->training)
		mark = ui_view_cols(ui_msg(M_TRAINING)) + 4;
	x = ui_view_text(&v, 0, 1, ui->cols - 2 - mark, UA_TITLE, ui_msg(M_APP_TITLE));
	x += ui_view_text(&v, 0, 1 + x, ui->cols - 2 - mark - x, UA_TITLE, " | ");
	ui_view_text(&v, 0, 1 + x, ui->cols - 2 - mark - x, UA_TITLE, title);
	if (ui->opts->training)
		ui_view_printf(&v, 0, ui->cols - mark, mark, UA_TRAINING, "[%s]", ui_msg(M_TRAINING));
}

static bool ui_play_done(const struct ui *ui);

/* F1 opens the help of the screen it is pressed on: on every screen but
 * the help itself. */
static bool
ui_help_offered(const struct screen *sc)
{
	return sc->mode != &scr_help_mode;
}

/* What the bar shows for function key fn, M_NONE for nothing: F1 and F6
 * are the main loop's keys (help, language), the others the screen's. */
static enum msg_id
ui_bar_label(struct ui *ui, struct screen *sc, int fn)
{
	const struct ui_fkey *fk = sc->mode->fkeys;
	enum msg_id           label = M_NONE;

	if (fn == 1 && ui_help_offered(sc))
		label = M_FK_HELP;
	else if (fn == 6)
		label = M_FK_LANG;
	for (int i = 0; label == M_NONE && i < UI_FKEYS_MAX && fk[i].fn != 0; i++)
		if (fk[i].fn == fn)
			label = fk[i].label;
	if (label != M_NONE && sc->mode->fkey_label != NULL)
		label = sc->mode->fkey_label(ui, sc, fn, label);
	return label;
}

static void
ui_draw_bar(struct ui *ui, struct screen *sc)
{
	struct ui_view v = { ui->bar, 2, ui->cols, -1, -1 };
	int            x = 0, right = ui->cols;
	char           num[8];

	ui_view_clear(&v);
	/* F9 logs out on every screen once someone is logged in (ends the demo
	 * once a scenario has played): it is kept at the right end of the bar,
	 * where no screen's keys can push it off. */
	if (ui->logged_in && (ui->play == NULL || ui_play_done(ui))) {
		enum msg_id f9 = ui->play == NULL ? M_FK_LOGOUT : M_FK_QUIT;

		right -= 3 + ui_view_cols(ui_msg(f9));
		ui_view_text(&v, 1, right, 0, UA_REVERSE, "F9");
		ui_view_text(&v, 1, right + 2, 0, UA_NORMAL, ui_msg(f9));
		right -= 1;
	}
	if (ui->ask != M_NONE) {
		/* The question whole, on both rows when it needs them: while it
		 * waits for its answer no function key acts, so their row is free. */
		char q[1024];

		snprintf(q, sizeof q, ui_msg(ui->ask), ui->ask_about);
		if (ui_view_cols(q) > right) {
			ui_view_clear(&v);
			ui_view_wrap(&v, 0, 0, ui->cols, 2, UA_WARN, q);
			return;
		}
		ui_view_text(&v, 0, 0, 0, UA_WARN, q);
	} else if (ui_input_esc_pending())
		ui_view_text(&v, 0, 0, 0, UA_BOLD, ui_msg(M_ESC_PENDING));
	else
		ui_view_text(&v, 0, 0, 0, ui->status_attr, ui->status);
	for (int fn = 1; fn <= 12; fn++) {
		enum msg_id label = ui_bar_label(ui, sc, fn);

		if (label == M_NONE || (fn == 9 && right < ui->cols))
			continue;
		if (x + 4 + ui_view_cols(ui_msg(label)) > right)
			break;
		snprintf(num, sizeof num, "F%d", fn);
		x += ui_view_text(&v, 1, x, 0, UA_REVERSE, num);
		x += ui_view_text(&v, 1, x, 0, UA_NORMAL, ui_msg(label));
		x += 1;
	}
}

static long
ui_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/*
 * The terminal's clock for idle time and the session checks: the monotonic
 * clock (setting the wall clock back neither stretches nor cuts a session),
 * times ui.clock_scale. Why a scale at all: the terminal's own tests must
 * see a minute's idle logout in seconds. It is JZZ_TEST_CLOCK_SCALE, only
 * faster, and ui_run refuses it on a production database: nothing can make
 * a counter serving the public log out later than idle_minutes says.
 */
static long
ui_clock_ms(const struct ui *ui)
{
	return ui_now_ms() * ui->clock_scale;
}

/* Every step injected and read, and the last one shown for its pace. */
static bool
ui_play_done(const struct ui *ui)
{
	return ui->play != NULL && ui->play_step >= ui->play->nsteps && !ui_input_queued() &&
	    ui_now_ms() >= ui->play_next_ms;
}

/*
 * The next step of a scenario when its time has come: its day of work
 * first (stored as the trainer would, then taken by the terminal), then
 * its keys into the input queue, read by the loop exactly as typed keys.
 * Returns how long the loop may wait for a key before calling again.
 */
static int
ui_play_tick(struct ui *ui, const struct ui_options *o)
{
	const struct ui_scenario_step *st;
	struct ui_key keys[256];
	long          now = ui_now_ms();
	int           n;

	if (ui->play == NULL || ui->play_step >= ui->play->nsteps)
		return 250;
	if (ui_input_queued())
		return 0;
	if (now < ui->play_next_ms)
		return (int)(ui->play_next_ms - now < 250 ? ui->play_next_ms - now : 250);
	st = &ui->play->steps[ui->play_step];
	if (st->day != JZZ_DATE_NONE &&
	    service_training_set_day(ui->svc, &ui->play_trainer, st->day) == SERVICE_OK) {
		ui->today = st->day;
		ui->data_gen++;
	}
	n = ui_scenario_keys(st->keys, keys, 256);
	for (int i = 0; i < n; i++)
		ui_input_inject(&keys[i]);
	ui->play_step++;
	ui->play_next_ms = now + (o->pace_ms > 0 ? o->pace_ms : UI_SCENARIO_PACE_MS);
	return 0;
}

/* The narration of the step being played, or the end of the scenario. */
static void
ui_draw_narration(struct ui *ui)
{
	struct ui_view v = { ui->narr, 1, ui->cols, -1, -1 };
	const struct ui_scenario *p = ui->play;
	char           buf[1024];

	if (ui->narr == NULL || p == NULL)
		return;
	ui_view_clear(&v);
	ui_view_fill(&v, 0, UA_TRAINING);
	if (ui->play_step == 0)
		snprintf(buf, sizeof buf, "%s", ui_msg_lang() == LANG_EN ? p->title_en : p->title_zh);
	else if (ui_play_done(ui))
		snprintf(buf, sizeof buf, ui_msg(M_PLAY_END),
		    ui_msg_lang() == LANG_EN ? p->title_en : p->title_zh);
	else {
		const struct ui_scenario_step *st = &p->steps[ui->play_step - 1];

		snprintf(buf, sizeof buf, ui_msg(M_PLAY_STEP), ui->play_step, p->nsteps,
		    ui_msg_lang() == LANG_EN ? st->narration_en : st->narration_zh);
	}
	ui_view_text(&v, 0, 1, ui->cols - 2, UA_TRAINING, buf);
}

static void
ui_draw_small(struct ui *ui)
{
	struct ui_view v = { ui->body, ui->rows, ui->cols, -1, -1 };
	char           buf[256];
	int            y = 0;

	ui_view_clear(&v);
	if (ui->opts->training)
		y += ui_view_wrap(&v, y, 0, ui->cols, 1, UA_TRAINING, ui_msg(M_TRAINING));
	y += ui_view_wrap(&v, y, 0, ui->cols, 2, UA_ERROR, ui_msg(M_TOO_SMALL));
	snprintf(buf, sizeof buf, ui_msg(M_TOO_SMALL_NEED), ui->cols, ui->rows);
	ui_view_wrap(&v, y, 0, ui->cols, ui->rows - y, UA_NORMAL, buf);
	curs_set(0);
	wnoutrefresh(ui->body);
	doupdate();
}

static void
ui_draw(struct ui *ui)
{
	struct screen *sc;
	struct ui_view v;

	if (ui->too_small || ui->hdr == NULL) {
		ui_draw_small(ui);
		return;
	}
	sc = &ui->stack[ui->depth - 1];
	ui_draw_header(ui, sc);
	v.w = ui->body;
	getmaxyx(ui->body, v.rows, v.cols);
	ui_view_clear(&v);
	if (sc->mode->reload != NULL && sc->gen != ui->data_gen) {
		sc->mode->reload(ui, sc);
		sc->gen = ui->data_gen;
	}
	if (sc->mode->draw != NULL)
		sc->mode->draw(ui, sc, &v);
	ui_draw_bar(ui, sc);
	ui_draw_narration(ui);
	wnoutrefresh(ui->hdr);
	wnoutrefresh(ui->bar);
	if (ui->narr != NULL)
		wnoutrefresh(ui->narr);
	/* The body last, so that the hardware cursor stays at its insertion point. */
	if (v.cur_y >= 0) {
		curs_set(1);
		wmove(ui->body, v.cur_y, v.cur_x);
	} else {
		curs_set(0);
	}
	wnoutrefresh(ui->body);
	doupdate();
}

/* ---- keys ---- */

enum { UI_ACT_POP = 1000, UI_ACT_QUIT, UI_ACT_LOGOUT };

static void ui_logout(struct ui *ui, const char *why);

static void
ui_answer(struct ui *ui, const struct ui_key *k)
{
	int act = ui->ask_action;

	ui->ask = M_NONE;
	if (!(UK_IS(k, 'y') || UK_IS(k, 'Y') || UK_IS(k, UI_KEY_ENTER)))
		return;
	if (act == UI_ACT_POP)
		ui_pop(ui);
	else if (act == UI_ACT_QUIT)
		ui->quit = true;
	else if (act == UI_ACT_LOGOUT)
		ui_logout(ui, NULL);
	else {
		struct ui_key ak = { UK_NONE, 0, act };
		struct screen *sc = &ui->stack[ui->depth - 1];

		if (sc->mode->key != NULL && (sc->mode->key(ui, sc, &ak) & UI_CLOSE))
			ui_pop(ui);
	}
}

static void
ui_key(struct ui *ui, const struct ui_key *k)
{
	struct screen *sc = &ui->stack[ui->depth - 1];
	int            r = 0;

	if (ui->ask != M_NONE) {
		ui_answer(ui, k);
		return;
	}
	ui->status[0] = '\0';
	if (UK_IS_FN(k, 1) && ui_help_offered(sc)) {
		ui_push(ui, &scr_help_mode, (void *)sc->mode);
		return;
	}
	if (UK_IS_FN(k, 6)) {
		ui_msg_set_lang(ui_msg_lang() == LANG_ZH ? LANG_EN : LANG_ZH);
		return;
	}
	/* F9 once a scenario has played: what its end banner says, the end of
	 * the demo (asked first: the trainer may have carried on typing). While
	 * it plays, F9 does nothing: the scenario's own keys are arriving. */
	if (UK_IS_FN(k, 9) && ui->play != NULL) {
		if (ui_play_done(ui))
			ui_ask(ui, M_QUIT_ASK, UI_ACT_QUIT);
		return;
	}
	/* F9: log out to the login screen, so that the next clerk logs in
	 * without a restart; asks first when something typed would be lost. */
	if (UK_IS_FN(k, 9) && ui->logged_in && ui->play == NULL) {
		bool dirty = false;

		for (int i = 0; i < ui->depth; i++)
			if (ui->stack[i].mode->dirty != NULL &&
			    ui->stack[i].mode->dirty(ui, &ui->stack[i]))
				dirty = true;
		if (dirty)
			ui_ask(ui, M_LOGOUT_LOSE, UI_ACT_LOGOUT);
		else
			ui_logout(ui, NULL);
		return;
	}
	if (ui->too_small) {
		/* Nothing can be seen: keys would act blind. Esc and F10 wait too. */
		return;
	}
	if (sc->mode->key != NULL)
		r = sc->mode->key(ui, sc, k);
	if (r & UI_CLOSE) {
		ui_pop(ui);
		return;
	}
	if (r & UI_HANDLED)
		return;
	if (k->type == UK_ESC) {
		if (ui->depth <= 1)
			ui_ask(ui, M_QUIT_ASK, UI_ACT_QUIT);
		else if (sc->mode->dirty != NULL && sc->mode->dirty(ui, sc))
			ui_ask(ui, M_ESC_LOSE, UI_ACT_POP);
		else
			ui_pop(ui);
	}
}

/* ---- entry ---- */

/*
 * The counter was left unattended: every screen is closed (what was typed
 * and not submitted is dropped: it must not wait for the next person at the
 * counter) and the login screen says why.
 */
static void
ui_logout(struct ui *ui, const char *text)
{
	static char why[SERVICE_ERR_LEN + 64];

	snprintf(why, sizeof why, "%s", text != NULL ? text : "");
	ui_log(ui, "logout of %s%s%s", ui->actor.user, text != NULL ? ": " : "",
	    text != NULL ? text : "");
	while (ui->depth > 0)
		ui_pop(ui);
	ui->logged_in = false;
	ui->ask = M_NONE;
	ui->status[0] = '\0';
	service_actor_end(ui->svc, &ui->actor);
	memset(&ui->actor, 0, sizeof ui->actor);
	ui_push(ui, &scr_login_mode, text != NULL ? why : NULL);
}

static void
ui_logout_idle(struct ui *ui)
{
	char why[256];

	snprintf(why, sizeof why, ui_msg(M_IDLE_LOGOUT), ui->idle_minutes);
	ui_logout(ui, why);
}

/*
 * Twice a minute: the idle setting as the administrator has it now, and
 * whether the session still holds (an account disabled, locked or reset
 * meanwhile ends it at once, not at the next business).
 */
static void
ui_session_tick(struct ui *ui, long *checked_ms)
{
	char why[SERVICE_ERR_LEN + 64];

	if (!ui->logged_in || ui->play != NULL || ui_clock_ms(ui) - *checked_ms < 30000)
		return;
	*checked_ms = ui_clock_ms(ui);
	ui->idle_minutes = service_idle_minutes(ui->svc);
	if (service_actor_valid(ui->svc, &ui->actor) == SERVICE_ERR_SESSION) {
		snprintf(why, sizeof why, ui_msg(M_SESSION_ENDED), service_errmsg(ui->svc));
		ui_logout(ui, why);
	}
}

/* Called by the service while it waits for another writer (after about a
 * second): the clerk hears why the counter is slow, at once. */
static void
ui_busy_hook(void *arg)
{
	struct ui *ui = arg;

	ui_status(ui, UA_ERROR, "%s", ui_msg(M_DB_BUSY));
	ui_draw(ui);
	doupdate();
}

/*
 * A scenario starts logged in as its demo account on the home screen
 * (a trainee watches the counter, not the login), with no idle logout;
 * the narration row is made by the layout.
 */
/* A demo account logs in with its demo password, as a trainee would. */
static bool
ui_play_login(struct ui *ui, const char *user, const char *centre, struct service_actor *out)
{
	for (size_t i = 0; i < service_demo_naccounts; i++)
		if (strcmp(service_demo_accounts[i].user, user) == 0)
			return service_login(ui->svc, user, service_demo_accounts[i].password, centre,
			    time(NULL), out, NULL) == SERVICE_LOGIN_OK;
	return false;
}

static int
ui_play_start(struct ui *ui, const struct ui_options *o)
{
	ui->play = o->play;
	if (!ui_play_login(ui, o->play->user, o->centre, &ui->actor) ||
	    !ui_play_login(ui, "trainer1", o->centre, &ui->play_trainer)) {
		endwin();
		fprintf(stderr, ui_msg(M_PLAY_FAIL), o->play->user, service_errmsg(ui->svc));
		fputc('\n', stderr);
		return -1;
	}
	ui->logged_in = true;
	ui->idle_minutes = 0;
	ui_layout(ui);
	ui->play_next_ms = ui_now_ms() + (o->pace_ms > 0 ? o->pace_ms : UI_SCENARIO_PACE_MS);
	return ui_push(ui, &scr_home_mode, NULL) ? 0 : -1;
}

int
ui_run(const struct ui_options *o)
{
	struct ui   ui;
	struct ui_key k;
	long        last_key_ms, checked_ms;
	const char *cs;
	char        err[SERVICE_ERR_LEN];

	setlocale(LC_ALL, "");
	ui_msg_set_lang(o->lang != NULL && strcmp(o->lang, "en") == 0 ? LANG_EN : LANG_ZH);
	cs = nl_langinfo(CODESET);
	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0)) {
		fprintf(stderr, ui_msg(M_NEED_UTF8), cs != NULL ? cs : "?");
		fputc('\n', stderr);
		return 1;
	}
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "%s\n", ui_msg(M_NOT_TTY));
		return 1;
	}
	memset(&ui, 0, sizeof ui);
	ui.opts = o;
	ui_log(&ui, "start: jzz %s, database %s, %s, lang %s", JZZ_VERSION,
	    o->db != NULL ? o->db : "(default)", o->training ? "training" : "production",
	    o->lang != NULL ? o->lang : "zh");
	/* A training file only in training mode, a production file only outside
	 * it: the service refuses the other one. */
	ui.svc = service_open_with(o->db, o->training ? SERVICE_DB_TRAINING : SERVICE_DB_PRODUCTION,
	    o->audit_key_file, err, sizeof err);
	if (ui.svc == NULL) {
		ui_log(&ui, "cannot open the database: %s", err);
		fprintf(stderr, ui_msg(M_DB_OPEN_FAIL), err);
		fputc('\n', stderr);
		return 1;
	}
	/* A production database works on the real date only (case-format.md). */
	if (service_db_mode(ui.svc) == SERVICE_DB_PRODUCTION && o->today != JZZ_DATE_NONE &&
	    o->today != service_real_today()) {
		fprintf(stderr, "%s\n", ui_msg(M_REAL_DATE_ONLY));
		service_close(ui.svc);
		return 1;
	}
	ui.clock_scale = o->clock_scale > 1 ? o->clock_scale : 1;
	if (ui.clock_scale > 1 && service_db_mode(ui.svc) == SERVICE_DB_PRODUCTION) {
		fprintf(stderr, "%s\n", ui_msg(M_CLOCK_SCALE_PRODUCTION));
		service_close(ui.svc);
		return 1;
	}
	service_set_busy(ui.svc, 0, ui_busy_hook, &ui);
	/* --today wins; in training the trainer's day of work, else the real date. */
	ui.today = o->today != JZZ_DATE_NONE ? o->today : service_work_day(ui.svc, service_real_today());
	ui_signals();
	ui_input_set_esc_wait(o->esc_wait_ms);
	if (initscr() == NULL) {
		service_close(ui.svc);
		return 1;
	}
	/* How long curses waits after Esc for the rest of an F-key's sequence:
	 * short, so that Esc acts at once (a local terminal sends a sequence
	 * whole); the standard ESCDELAY variable, which curses read, sets it for
	 * a slow remote link. */
	if (getenv("ESCDELAY") == NULL)
		set_escdelay(UI_ESCDELAY_MS);
	raw();
	noecho();
	nonl();
	ui_view_colors_init();
	ui_layout(&ui);
	if (o->play != NULL && ui_play_start(&ui, o) != 0) {
		endwin();
		service_close(ui.svc);
		return 1;
	}
	if (ui.depth == 0 && !ui_push(&ui, &scr_login_mode, NULL)) {
		endwin();
		service_close(ui.svc);
		return 1;
	}
	last_key_ms = checked_ms = ui_clock_ms(&ui);
	while (!ui.quit && !ui_sig_term && ui.depth > 0) {
		if (ui_sig_winch)
			ui_resize(&ui);
		ui_session_tick(&ui, &checked_ms);
		if (ui.logged_in && ui.idle_minutes > 0 &&
		    ui_clock_ms(&ui) - last_key_ms >= ui.idle_minutes * 60000L)
			ui_logout_idle(&ui);
		ui_draw(&ui);
		if (!ui_input_read(ui.body, ui_play_tick(&ui, o), &k))
			continue;
		last_key_ms = ui_clock_ms(&ui);
		ui_key(&ui, &k);
	}
	while (ui.depth > 0)
		ui_pop(&ui);
	ui_windows_free(&ui);
	endwin();
	service_close(ui.svc);
	ui_log(&ui, "end%s", ui_sig_term ? " (signal)" : "");
	return 0;
}
