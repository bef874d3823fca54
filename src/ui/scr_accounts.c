/*
 * scr_accounts.c: account management for administrators: every account
 * with its role, centre and state (active, password to set, disabled,
 * locked until...); create, disable/enable, reset the password; the idle
 * logout minutes.
 *
 * Why everything goes through service.h: the service checks the role,
 * hashes nothing it should not see (a new account and a reset account set
 * their own password at their next login) and writes the audit entry; the
 * screen only lists, asks and reports what the service answered. A
 * disable, an enable and a reset each ask first (ui_ask).
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { AC_ACT_TOGGLE = 1, AC_ACT_RESET };
enum { AC_FORM_NONE, AC_FORM_NEW, AC_FORM_IDLE };

struct accounts {
	struct service_user_list list;
	struct ui_list  shown;     /* the account chosen, the first shown */
	int             form;
	int             focus;
	struct ui_field f[3];      /* new: user, role digit, centre; idle: f[0] */
	char            want[SERVICE_USER_LEN];   /* select this account after the reload */
};

static bool
scr_accounts_load(struct ui *ui, struct accounts *a)
{
	enum service_status st;

	service_user_list_free(&a->list);
	memset(&a->list, 0, sizeof a->list);
	st = service_users_list(ui->svc, &ui->actor, time(NULL), &a->list);
	for (size_t i = 0; a->want[0] != '\0' && i < a->list.n; i++)
		if (strcmp(a->list.items[i].user, a->want) == 0)
			a->shown.sel = (int)i;
	a->want[0] = '\0';
	ui_list_clamp(&a->shown, (int)a->list.n);
	if (st != SERVICE_OK)
		ui_status_failed(ui, st, M_ONLY_ADMIN, M_AC_FAIL);
	return st == SERVICE_OK;
}

static void
scr_accounts_reload(struct ui *ui, struct screen *sc)
{
	scr_accounts_load(ui, sc->data);
}

static int
scr_accounts_init(struct ui *ui, struct screen *sc, void *arg)
{
	struct accounts *a = sc->data;

	(void)arg;
	ui_field_init(&a->f[0], UF_TEXT, SERVICE_USER_LEN - 1);
	ui_field_init(&a->f[1], UF_DIGITS, 1);
	ui_field_init(&a->f[2], UF_DIGITS, SERVICE_CENTRE_LEN - 1);
	/* The service decides who may see the accounts. */
	return scr_accounts_load(ui, a) ? 0 : -1;
}

static void
scr_accounts_free(void *data)
{
	struct accounts *a = data;

	service_user_list_free(&a->list);
}

static void
scr_accounts_state(const struct service_user *u, char *buf, size_t size)
{
	char      t[32];
	struct tm tm;

	if (u->disabled)
		snprintf(buf, size, "%s", ui_msg(M_AC_DISABLED));
	else if (u->locked) {
		localtime_r(&u->locked_until, &tm);
		strftime(t, sizeof t, "%Y-%m-%d %H:%M", &tm);
		snprintf(buf, size, ui_msg(M_AC_LOCKED), t);
	} else if (!u->has_password || u->must_change)
		snprintf(buf, size, "%s", ui_msg(M_AC_NO_PW));
	else
		snprintf(buf, size, "%s", ui_msg(M_AC_ACTIVE));
}

static void
scr_accounts_draw_form(struct accounts *a, struct ui_view *v, int y)
{
	static const enum msg_id labels[3] = { M_AC_NEW_USER, M_AC_ROLE, M_AC_CENTRE };
	int n = a->form == AC_FORM_NEW ? 3 : 1;

	ui_view_hline(v, y++, NULL);
	for (int i = 0; i < n; i++) {
		enum msg_id l = a->form == AC_FORM_IDLE ? M_AC_IDLE_PROMPT : labels[i];

		ui_view_text(v, y + i, 2, 44, a->focus == i ? UA_BOLD : UA_NORMAL, ui_msg(l));
	}
	ui_view_text(v, y + n, 2, 0, UA_DIM, ui_msg(M_AC_FORM_HINT));
	for (int i = 0; i < n; i++)
		if (i != a->focus)
			ui_field_draw(&a->f[i], v, y + i, 48, 20, false, false);
	ui_field_draw(&a->f[a->focus], v, y + a->focus, 48, 20, true, false);
}

static void
scr_accounts_draw(struct ui *ui, struct screen *sc, struct ui_view *v)
{
	struct accounts *a = sc->data;
	int              rows, y = 3;
	char             state[96];

	ui_view_printf(v, 0, 2, 0, UA_NORMAL, ui_msg(M_AC_IDLE), service_idle_minutes(ui->svc));
	ui_view_text(v, 2, 2, 0, UA_BOLD, ui_msg(M_AC_HEAD));
	rows = v->rows - y - 2 - (a->form != AC_FORM_NONE ? 5 : 0);
	if (rows < 1)
		rows = 1;
	ui_list_scroll(&a->shown, rows);
	for (int i = a->shown.top; i < (int)a->list.n && y < 3 + rows; i++, y++) {
		const struct service_user *u = &a->list.items[i];
		bool sel = i == a->shown.sel && a->form == AC_FORM_NONE;

		scr_accounts_state(u, state, sizeof state);
		ui_list_mark(v, y, sel, UA_BOLD);
		/* Columns placed by display column: a role in Chinese is two
		 * columns a character, which printf's padding does not know. */
		enum ui_attr at = sel ? UA_REVERSE : (u->disabled || u->locked ? UA_WARN : UA_NORMAL);

		ui_view_text(v, y, 2, 16, at, u->user);
		ui_view_text(v, y, 20, 14, at, ui_names_role((int)u->role));
		ui_view_text(v, y, 36, 9, at, u->centre[0] != '\0' ? u->centre : "—");
		ui_view_text(v, y, 47, 0, at, state);
	}
	if (a->form != AC_FORM_NONE)
		scr_accounts_draw_form(a, v, 3 + rows);
	else
		ui_view_text(v, v->rows - 1, 0, 0, UA_DIM, ui_msg(M_AC_HINT));
}

static const struct service_user *
scr_accounts_selected(struct accounts *a)
{
	if (a->shown.sel < 0 || a->shown.sel >= (int)a->list.n)
		return NULL;
	return &a->list.items[a->shown.sel];
}

static void
scr_accounts_report(struct ui *ui, enum service_status st, const char *user, enum msg_id done)
{
	if (st == SERVICE_OK) {
		ui_status(ui, UA_OK, ui_msg(M_AC_DONE), user, ui_msg(done));
		ui->data_gen++;
	} else {
		ui_status_failed(ui, st, M_NONE, M_AC_FAIL);
	}
}

static void
scr_accounts_open_form(struct accounts *a, int form)
{
	for (int i = 0; i < 3; i++)
		ui_field_set(&a->f[i], "");
	a->form = form;
	a->focus = 0;
}

/* Enter or F10 in a form: create the account, or set the idle minutes. */
static void
scr_accounts_submit(struct ui *ui, struct accounts *a)
{
	char user[SERVICE_USER_LEN], role[8], centre[SERVICE_CENTRE_LEN], temp[64];
	enum service_status st;

	ui_field_get(&a->f[0], user, sizeof user);
	if (a->form == AC_FORM_IDLE) {
		st = service_setting_set(ui->svc, &ui->actor, "idle_minutes", user, time(NULL));
		scr_accounts_report(ui, st, "idle_minutes", M_AC_IDLE_DONE);
		if (st == SERVICE_OK)
			a->form = AC_FORM_NONE;
		return;
	}
	ui_field_get(&a->f[1], role, sizeof role);
	ui_field_get(&a->f[2], centre, sizeof centre);
	if (user[0] == '\0' || role[0] < '1' || role[0] > '4' || role[1] != '\0') {
		/* a role typed but not one of the four is wrong, not missing */
		ui_status(ui, UA_ERROR, ui_msg(M_FMT_LV), ui_msg(user[0] == '\0' ? M_AC_NEW_USER : M_AC_ROLE),
		    ui_msg(user[0] == '\0' || role[0] == '\0' ? M_ERR_REQUIRED : M_AC_ROLE_WRONG));
		a->focus = user[0] == '\0' ? 0 : 1;
		return;
	}
	st = service_user_add(ui->svc, &ui->actor, user, (enum service_role)(role[0] - '1'),
	    centre[0] != '\0' ? centre : NULL, NULL, temp, sizeof temp);
	scr_accounts_report(ui, st, user, M_AC_CREATED);
	if (st == SERVICE_OK)
		ui_status(ui, UA_OK, ui_msg(M_AC_TEMP_PASSWORD), user, ui_msg(M_AC_CREATED), temp);
	explicit_bzero(temp, sizeof temp);
	if (st == SERVICE_OK) {
		a->form = AC_FORM_NONE;
		snprintf(a->want, sizeof a->want, "%s", user);
	}
}

static int
scr_accounts_form_key(struct ui *ui, struct accounts *a, const struct ui_key *k)
{
	int n = a->form == AC_FORM_NEW ? 3 : 1;

	if (k->type == UK_ESC) {
		a->form = AC_FORM_NONE;
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 10) || (UK_IS(k, UI_KEY_ENTER) && a->focus == n - 1)) {
		scr_accounts_submit(ui, a);
		return UI_HANDLED;
	}
	if (UK_IS(k, UI_KEY_TAB) || UK_IS(k, UI_KEY_ENTER) || UK_IS_SP(k, KEY_DOWN)) {
		a->focus = (a->focus + 1) % n;
		return UI_HANDLED;
	}
	if (UK_IS_SP(k, KEY_BTAB) || UK_IS_SP(k, KEY_UP)) {
		a->focus = (a->focus + n - 1) % n;
		return UI_HANDLED;
	}
	ui_field_key(&a->f[a->focus], k);
	return UI_HANDLED;
}

static int
scr_accounts_key(struct ui *ui, struct screen *sc, const struct ui_key *k)
{
	struct accounts *a = sc->data;
	const struct service_user *u = scr_accounts_selected(a);

	if (UI_ACTION_KEY(k, AC_ACT_TOGGLE) && u != NULL) {
		/* The question asked was "enable (and unlock)?" for a locked
		 * account too: y must do what it asked. */
		if (u->disabled || u->locked)
			scr_accounts_report(ui, service_user_enable(ui->svc, &ui->actor, u->user, time(NULL)),
			    u->user, M_AC_ENABLED_DONE);
		else
			scr_accounts_report(ui, service_user_disable(ui->svc, &ui->actor, u->user, time(NULL)),
			    u->user, M_AC_DISABLED_DONE);
		return UI_HANDLED;
	}
	if (UI_ACTION_KEY(k, AC_ACT_RESET) && u != NULL) {
		char                temp[64];
		enum service_status st = service_user_reset(ui->svc, &ui->actor, u->user, time(NULL),
		    NULL, temp, sizeof temp);

		scr_accounts_report(ui, st, u->user, M_AC_RESET_DONE);
		if (st == SERVICE_OK)
			ui_status(ui, UA_OK, ui_msg(M_AC_TEMP_PASSWORD), u->user, ui_msg(M_AC_RESET_DONE),
			    temp);
		explicit_bzero(temp, sizeof temp);
		return UI_HANDLED;
	}
	if (a->form != AC_FORM_NONE)
		return scr_accounts_form_key(ui, a, k);
	if (ui_list_key(&a->shown, (int)a->list.n, k))
		return UI_HANDLED;
	if (UK_IS_FN(k, 2)) {
		scr_accounts_open_form(a, AC_FORM_NEW);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 5)) {
		scr_accounts_open_form(a, AC_FORM_IDLE);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 3) && u != NULL) {
		ui_ask_about(ui, u->disabled || u->locked ? M_AC_ASK_ENABLE : M_AC_ASK_DISABLE, u->user,
		    AC_ACT_TOGGLE);
		return UI_HANDLED;
	}
	if (UK_IS_FN(k, 4) && u != NULL) {
		ui_ask_about(ui, M_AC_ASK_RESET, u->user, AC_ACT_RESET);
		return UI_HANDLED;
	}
	return 0;
}

static bool
scr_accounts_dirty(struct ui *ui, struct screen *sc)
{
	struct accounts *a = sc->data;

	(void)ui;
	return a->form != AC_FORM_NONE;
}

const struct screen_mode scr_accounts_mode = {
	.name = "accounts",
	.title = M_ACCOUNTS_TITLE,
	.help = M_HELP_ACCOUNTS,
	.size = sizeof(struct accounts),
	.init = scr_accounts_init,
	.draw = scr_accounts_draw,
	.key = scr_accounts_key,
	.free = scr_accounts_free,
	.reload = scr_accounts_reload,
	.fkeys = { { 2, M_FK_NEW }, { 3, M_FK_ENABLE }, { 4, M_FK_RESET_PW }, { 5, M_FK_IDLE },
	           { 10, M_FK_CONFIRM } },
	.dirty = scr_accounts_dirty,
};
