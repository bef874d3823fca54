/*
 * scr_login.c: the login screen, the first screen of every session.
 *
 * Why the service decides everything: accounts, password hashes, the lock
 * after repeated failures and the audit of every attempt belong to the
 * database (service_login); the screen only asks and tells. One answer for
 * an unknown account and a wrong password, so that the screen does not say
 * which accounts exist. An account with a temporary password (its first
 * login, or after a reset) sets its own here, the temporary one proven,
 * before going on. In training mode the demo accounts are listed with their
 * passwords.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { LF_USER, LF_PASSWORD, LF_NEW, LF_CONFIRM, LF__COUNT };

struct login {
	struct ui_field f[LF__COUNT];
	int             focus;
	bool            setting;       /* a temporary password was right: set one's own */
	char            temp[256];     /* that temporary password, for service_password_change */
	char            error[256];
};

static int
scr_login_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct login *l = sc->data;

	ui_field_init(&l->f[LF_USER], UF_TEXT, 32);
	for (int i = LF_PASSWORD; i < LF__COUNT; i++)
		ui_field_init(&l->f[i], UF_SECRET, 64);
	if (ui->opts->user != NULL) {
		ui_field_set(&l->f[LF_USER], ui->opts->user);
		l->focus = LF_PASSWORD;
	}
	if (arg != NULL)   /* why we are back here (idle logout) */
		snprintf(l->error, sizeof l->error, "%s", (const char *)arg);
	return 0;
}

static void
scr_login_free(void *data)
{
	struct login *l = data;

	explicit_bzero(l->temp, sizeof l->temp);
	for (int i = 0; i < LF__COUNT; i++)
		ui_field_free(&l->f[i]);   /* no password left in memory */
}

static int
scr_login_last(const struct login *l)
{
	return l->setting ? LF_CONFIRM : LF_PASSWORD;
}

static void
scr_login_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	static const enum msg_id labels[LF__COUNT] = {
		M_LOGIN_USER, M_LOGIN_PASSWORD, M_LOGIN_NEW_PASSWORD, M_LOGIN_CONFIRM
	};
	struct login *l = sc->data;
	int           x = 10, y = 9;

	ui_view_text(v, 1, x, 0, UA_BOLD, ui_msg(M_LOGIN_TITLE));
	for (int i = 0; i <= scr_login_last(l); i++)
		ui_view_text(v, 3 + 2 * i, x, 14,
		    l->focus == i ? UA_BOLD : UA_NORMAL, ui_msg(labels[i]));
	if (l->setting)
		y = 11;
	if (l->error[0] != '\0')
		ui_view_wrap(v, y++, x, v->cols - x - 2, 2, UA_ERROR, l->error);
	y++;
	ui_view_text(v, y++, x, 0, UA_DIM, ui_msg(l->setting ? M_LOGIN_SET_HINT : M_LOGIN_HINT));
	if (ui->opts->training && !l->setting) {
		/* Only the accounts the demo password still opens: once one was
		 * changed or reset (another terminal may have done it meanwhile),
		 * its line would send a trainee to a refusal and the lock. */
		const struct service_demo_account *shown[32];
		size_t                             n = 0;

		for (size_t i = 0; i < service_demo_naccounts && n < 32; i++)
			if (service_demo_password_valid(ui->svc, service_demo_accounts[i].user))
				shown[n++] = &service_demo_accounts[i];
		if (n > 0) {
			if (y + 2 + (int)n <= v->rows)   /* a blank line when the list fits with it */
				y++;
			ui_view_text(v, y++, x, 0, UA_BOLD, ui_msg(M_LOGIN_DEMO));
		}
		for (size_t i = 0; i < n && y < v->rows; i++) {
			ui_view_printf(v, y, x + 2, 0, UA_NORMAL, "%-9s %-17s", shown[i]->user,
			    shown[i]->password);
			ui_view_text(v, y++, x + 30, 0, UA_DIM, ui_msg_lang() == LANG_EN ?
			    ui_names_role(shown[i]->role) : shown[i]->note_zh);
		}
	}
	/* The fields last, the focused one at the very end: it holds the cursor. */
	for (int i = 0; i <= scr_login_last(l); i++)
		if (i != l->focus)
			ui_field_draw(&l->f[i], v, 3 + 2 * i, x + 14, 24, false, false);
	ui_field_draw(&l->f[l->focus], v, 3 + 2 * l->focus, x + 14, 24, true, false);
}

/* Logged in: the login gives way to the home screen. */
static int
scr_login_done(struct ui *ui)
{
	ui->logged_in = true;
	ui->idle_minutes = service_idle_minutes(ui->svc);
	ui_log(ui, "login %s", ui->actor.user);
	ui_pop(ui);
	ui_push(ui, &scr_home_mode, NULL);
	return UI_HANDLED;
}

static int
scr_login_try(struct ui *ui, struct login *l)
{
	char                      user[128], pw[256], confirm[256];
	struct service_login_info info;
	enum service_login_result r;
	time_t                    now = time(NULL);

	ui_field_get(&l->f[LF_USER], user, sizeof user);
	if (user[0] == '\0') {
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_NEED_USER));
		l->focus = LF_USER;
		return UI_HANDLED;
	}
	if (l->setting) {
		ui_field_get(&l->f[LF_NEW], pw, sizeof pw);
		ui_field_get(&l->f[LF_CONFIRM], confirm, sizeof confirm);
		if (l->f[LF_NEW].len < SERVICE_PASSWORD_MIN) {
			snprintf(l->error, sizeof l->error, ui_msg(M_LOGIN_TOO_SHORT), SERVICE_PASSWORD_MIN);
			ui_field_set(&l->f[LF_NEW], "");
			ui_field_set(&l->f[LF_CONFIRM], "");
			l->focus = LF_NEW;
		} else if (strcmp(pw, confirm) != 0) {
			snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_MISMATCH));
			ui_field_set(&l->f[LF_CONFIRM], "");
			l->focus = LF_CONFIRM;
		} else if (service_password_change(ui->svc, user, l->temp, pw, now) != SERVICE_OK) {
			/* refused by the quality check (or the account changed): again */
			snprintf(l->error, sizeof l->error, "%s", service_errmsg(ui->svc));
			ui_field_set(&l->f[LF_NEW], "");
			ui_field_set(&l->f[LF_CONFIRM], "");
			l->focus = LF_NEW;
		} else {
			r = service_login(ui->svc, user, pw, ui->opts->centre, now, &ui->actor, &info);
			explicit_bzero(pw, sizeof pw);
			explicit_bzero(confirm, sizeof confirm);
			if (r == SERVICE_LOGIN_OK)
				return scr_login_done(ui);
			snprintf(l->error, sizeof l->error, "%s", service_errmsg(ui->svc));
		}
		explicit_bzero(pw, sizeof pw);
		explicit_bzero(confirm, sizeof confirm);
		return UI_HANDLED;
	}
	ui_field_get(&l->f[LF_PASSWORD], pw, sizeof pw);
	r = service_login(ui->svc, user, pw, ui->opts->centre, now, &ui->actor, &info);
	if (r == SERVICE_LOGIN_NEEDS_PASSWORD)
		snprintf(l->temp, sizeof l->temp, "%s", pw);
	explicit_bzero(pw, sizeof pw);
	ui_field_set(&l->f[LF_PASSWORD], "");
	switch (r) {
	case SERVICE_LOGIN_OK:
		return scr_login_done(ui);
	case SERVICE_LOGIN_NEEDS_PASSWORD:
		l->setting = true;
		l->focus = LF_NEW;
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_FIRST));
		break;
	case SERVICE_LOGIN_DENIED:
		snprintf(l->error, sizeof l->error, ui_msg(M_LOGIN_DENIED), info.attempts_left);
		l->focus = LF_PASSWORD;
		break;
	case SERVICE_LOGIN_LOCKED: {
		struct tm tm;
		char      hhmm[16] = "";

		localtime_r(&info.locked_until, &tm);
		strftime(hhmm, sizeof hhmm, "%H:%M", &tm);
		snprintf(l->error, sizeof l->error, ui_msg(M_LOGIN_LOCKED), hhmm);
		break;
	}
	case SERVICE_LOGIN_DISABLED:
		snprintf(l->error, sizeof l->error, "%s", ui_msg(M_LOGIN_DISABLED));
		break;
	default:
		snprintf(l->error, sizeof l->error, "%s", service_errmsg(ui->svc));
		break;
	}
	return UI_HANDLED;
}

static int
scr_login_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct login *l = sc->data;

	if (UK_IS_FN(k, 10) || (UK_IS(k, UI_KEY_ENTER) && l->focus == scr_login_last(l)))
		return scr_login_try(ui, l);
	if (UK_IS(k, UI_KEY_TAB) || UK_IS(k, UI_KEY_ENTER) || UK_IS_SP(k, KEY_DOWN)) {
		if (l->focus < scr_login_last(l))
			l->focus++;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_BTAB) || UK_IS_SP(k, KEY_UP)) {
		if (l->focus > (l->setting ? LF_NEW : LF_USER))
			l->focus--;
		return UI_HANDLED;
	}
	if (k->type == UK_ESC && l->setting) {
		/* Back to the plain login; nothing was set. */
		l->setting = false;
		l->focus = LF_PASSWORD;
		l->error[0] = '\0';
		return UI_HANDLED;
	}
	if (k->type != UK_ESC && !(l->setting && l->focus < LF_NEW) &&
	    ui_field_key(&l->f[l->focus], k))
		return UI_HANDLED;
	return k->type == UK_ESC ? 0 : UI_HANDLED;
}

const struct screen_mode scr_login_mode = {
	.name = "login",
	.title = M_LOGIN_TITLE,
	.help = M_HELP_LOGIN,
	.size = sizeof(struct login),
	.init = scr_login_init,
	.draw = scr_login_draw,
	.key = scr_login_key,
	.free = scr_login_free,
	.fkeys = { { 10, M_FK_LOGIN } },
};
