/*
 * ui_input.c: turns what wget_wch reads into keys the screens understand.
 *
 * Why: terminals (and the remote consoles of the centres) often swallow the
 * function keys, so Esc followed by a digit must work as that F-key (Esc 0 =
 * F10), while a lone Esc still means "back". After an Esc we therefore wait a
 * moment for a digit; anything else that arrives is kept for the next read so
 * that no keystroke is lost. The moment is short (Esc must feel immediate)
 * and set by jzz.conf's esc_wait: 0 makes Esc act at once, and Esc+digit
 * then works only when both arrive together, as a terminal's key mapping
 * sends them. All input goes through wget_wch.
 */
#include "uipriv.h"

static int ui_input_esc_wait_ms = UI_ESC_WAIT_MS;

void
ui_input_set_esc_wait(int ms)
{
	ui_input_esc_wait_ms = ms < 0 ? UI_ESC_WAIT_MS : ms;
}

static bool   ui_input_have_saved;
static int    ui_input_saved_rc;
static wint_t ui_input_saved_ch;
static bool   ui_input_pending_esc;

/* Keys injected by a scenario, read before the keyboard. */
#define UI_INPUT_QUEUE 512
static struct ui_key ui_input_queue[UI_INPUT_QUEUE];
static size_t        ui_input_qhead, ui_input_qlen;

bool
ui_input_inject(const struct ui_key *k)
{
	if (ui_input_qlen == UI_INPUT_QUEUE)
		return false;
	ui_input_queue[(ui_input_qhead + ui_input_qlen++) % UI_INPUT_QUEUE] = *k;
	return true;
}

bool
ui_input_queued(void)
{
	return ui_input_qlen > 0;
}

bool
ui_input_esc_pending(void)
{
	return ui_input_pending_esc;
}

bool
ui_input_more(WINDOW *w)
{
	wint_t ch;
	int    rc;

	if (ui_input_have_saved || ui_input_qlen > 0 || ui_input_pending_esc)
		return true;
	wtimeout(w, 0);
	rc = wget_wch(w, &ch);
	if (rc == ERR || (rc == KEY_CODE_YES && ch == KEY_RESIZE))
		return false;   /* a resize is no key: the SIGWINCH flag does the work */
	ui_input_have_saved = true;
	ui_input_saved_rc = rc;
	ui_input_saved_ch = ch;
	return true;
}

static void
ui_input_decode(int rc, wint_t ch, struct ui_key *out)
{
	out->fn = 0;
	out->ch = ch;
	if (rc == KEY_CODE_YES) {
		if (ch >= KEY_F(1) && ch <= KEY_F(12)) {
			out->type = UK_FN;
			out->fn = (int)ch - KEY_F(0);
		} else if (ch == KEY_ENTER) {
			out->type = UK_CHAR;
			out->ch = UI_KEY_ENTER;
		} else {
			out->type = UK_SPECIAL;
		}
		return;
	}
	if (ch == 27) {
		out->type = UK_ESC;
		return;
	}
	if (ch == '\r')
		out->ch = UI_KEY_ENTER;
	out->type = UK_CHAR;
}

bool
ui_input_read(WINDOW *w, int timeout_ms, struct ui_key *out)
{
	wint_t ch;
	int    rc;

	if (ui_input_qlen > 0 && !ui_input_pending_esc && !ui_input_have_saved) {
		*out = ui_input_queue[ui_input_qhead];
		ui_input_qhead = (ui_input_qhead + 1) % UI_INPUT_QUEUE;
		ui_input_qlen--;
		return true;
	}
	if (ui_input_have_saved) {
		ui_input_have_saved = false;
		rc = ui_input_saved_rc;
		ch = ui_input_saved_ch;
	} else {
		wtimeout(w, ui_input_pending_esc ? ui_input_esc_wait_ms : timeout_ms);
		rc = wget_wch(w, &ch);
		if (rc == ERR) {
			if (ui_input_pending_esc) {
				/* Esc alone: back. */
				ui_input_pending_esc = false;
				out->type = UK_ESC;
				out->ch = 27;
				out->fn = 0;
				return true;
			}
			return false;
		}
		if (rc == KEY_CODE_YES && ch == KEY_RESIZE)
			return false;   /* our SIGWINCH flag does the work */
	}
	if (ui_input_pending_esc) {
		ui_input_pending_esc = false;
		if (rc == OK && ch >= '0' && ch <= '9') {
			out->type = UK_FN;
			out->fn = ch == '0' ? 10 : (int)(ch - '0');
			out->ch = 0;
			return true;
		}
		/* Esc then something else: Esc now, the other key next time. */
		ui_input_have_saved = true;
		ui_input_saved_rc = rc;
		ui_input_saved_ch = ch;
		out->type = UK_ESC;
		out->ch = 27;
		out->fn = 0;
		return true;
	}
	if (rc == OK && ch == 27) {
		/* No key yet: the loop draws the hint, then waits for a digit;
		 * with no wait, whatever already came with the Esc decides now. */
		ui_input_pending_esc = true;
		if (ui_input_esc_wait_ms == 0)
			return ui_input_read(w, timeout_ms, out);
		return false;
	}
	ui_input_decode(rc, ch, out);
	return true;
}
