/*
 * ui_field.c: the field editor, our own rather than the curses form library.
 *
 * Why our own: the fields hold Chinese names and addresses, two display
 * columns per character, and the curses form library counts cells, not
 * characters, so the cursor lands inside a character and a cut splits one.
 * Here the text is an array of wide characters, the insertion point is a
 * character index, and everything on screen (scrolling, the cursor) is
 * measured in display columns with wcwidth. ID-number fields normalise what
 * a Chinese input method produces (full-width digits, ｘ) as they are typed,
 * and refuse other characters, so that what is shown is what is checked.
 * A paste longer than the field keeps what fits and drops the rest.
 */
#include "uipriv.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

void
ui_field_init(struct ui_field *f, enum ui_field_kind kind, size_t maxchars)
{
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->cap = maxchars < UI_FIELD_MAX ? maxchars : UI_FIELD_MAX;
}

void
ui_field_free(struct ui_field *f)
{
	explicit_bzero(f->buf, sizeof f->buf);
	f->len = f->cur = 0;
	f->scroll = 0;
}

/* What a typed character becomes in this field, or 0 when it is refused. */
static wchar_t
ui_field_filter(enum ui_field_kind kind, wchar_t c)
{
	if (c >= 0xFF10 && c <= 0xFF19 && kind != UF_TEXT && kind != UF_SECRET)
		c = (wchar_t)('0' + (c - 0xFF10));
	switch (kind) {
	case UF_IDNUM:
		if (c == 'x' || c == 'X' || c == 0xFF58 || c == 0xFF38)
			return 'X';
		return (c >= '0' && c <= '9') ? c : 0;
	case UF_DIGITS:
		return (c >= '0' && c <= '9') ? c : 0;
	case UF_DATE:
		if (c == 0xFF0D)
			c = '-';
		return ((c >= '0' && c <= '9') || c == '-') ? c : 0;
	default:
		return (iswprint((wint_t)c) && wcwidth(c) > 0) ? c : 0;
	}
}

static bool
ui_field_insert(struct ui_field *f, wchar_t c)
{
	c = ui_field_filter(f->kind, c);
	if (c == 0 || f->len >= f->cap)
		return true;   /* a refused or extra character is swallowed: nothing else owns it */
	memmove(f->buf + f->cur + 1, f->buf + f->cur, (f->len - f->cur) * sizeof(wchar_t));
	f->buf[f->cur++] = c;
	f->len++;
	f->buf[f->len] = 0;
	f->dirty = true;
	f->edits++;
	return true;
}

void
ui_field_set(struct ui_field *f, const char *s)
{
	mbstate_t st;
	wchar_t   wc;
	size_t    n;

	f->len = f->cur = 0;
	f->scroll = 0;
	if (f->cap == 0)
		return;
	f->buf[0] = 0;
	memset(&st, 0, sizeof st);
	while (s != NULL && *s != '\0') {
		n = mbrtowc(&wc, s, MB_CUR_MAX, &st);
		if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
			memset(&st, 0, sizeof st);
			s++;
			continue;
		}
		s += n;
		ui_field_insert(f, wc);
	}
	f->dirty = false;
	f->edits++;
}

void
ui_field_get(const struct ui_field *f, char *out, size_t size)
{
	size_t    o = 0;
	char      mb[16];
	mbstate_t st;

	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < f->len; i++) {
		size_t n = wcrtomb(mb, f->buf[i], &st);

		if (n == (size_t)-1)
			continue;
		if (o + n + 1 > size)
			break;
		memcpy(out + o, mb, n);
		o += n;
	}
	if (size > 0)
		out[o < size ? o : size - 1] = '\0';
}

bool
ui_field_empty(const struct ui_field *f)
{
	return f->len == 0;
}

bool
ui_field_key(struct ui_field *f, const struct ui_key *k)
{
	if (f->cap == 0)
		return false;
	if (k->type == UK_CHAR) {
		wchar_t c = (wchar_t)k->ch;

		switch (c) {
		case 127: case 8:   /* Backspace */
			if (f->cur == 0)
				return true;
			memmove(f->buf + f->cur - 1, f->buf + f->cur, (f->len - f->cur + 1) * sizeof(wchar_t));
			f->cur--;
			f->len--;
			f->dirty = true;
			f->edits++;
			return true;
		case 1:             /* Ctrl-A */
			f->cur = 0;
			return true;
		case 5:             /* Ctrl-E */
			f->cur = f->len;
			return true;
		case 21:            /* Ctrl-U: clear before the cursor */
			memmove(f->buf, f->buf + f->cur, (f->len - f->cur + 1) * sizeof(wchar_t));
			f->len -= f->cur;
			f->cur = 0;
			f->dirty = true;
			f->edits++;
			return true;
		case 11:            /* Ctrl-K: clear after the cursor */
			f->len = f->cur;
			f->buf[f->len] = 0;
			f->dirty = true;
			f->edits++;
			return true;
		default:
			if (c < 32)
				return false;   /* Tab, Enter...: the form's */
			if (c == ' ' && f->kind != UF_TEXT && f->kind != UF_SECRET)
				return true;    /* spaces in numbers are dropped */
			return ui_field_insert(f, c);
		}
	}
	if (k->type != UK_SPECIAL)
		return false;
	switch (k->ch) {
	case KEY_LEFT:
		if (f->cur > 0)
			f->cur--;
		return true;
	case KEY_RIGHT:
		if (f->cur < f->len)
			f->cur++;
		return true;
	case KEY_HOME:
		f->cur = 0;
		return true;
	case KEY_END:
		f->cur = f->len;
		return true;
	case KEY_BACKSPACE:
		return ui_field_key(f, &(struct ui_key){ UK_CHAR, 127, 0 });
	case KEY_DC:
		if (f->cur < f->len) {
			memmove(f->buf + f->cur, f->buf + f->cur + 1, (f->len - f->cur) * sizeof(wchar_t));
			f->len--;
			f->dirty = true;
			f->edits++;
		}
		return true;
	default:
		return false;
	}
}

static int
ui_field_wcw(const struct ui_field *f, wchar_t c)
{
	int w;

	if (f->kind == UF_SECRET)
		return 1;
	w = wcwidth(c);
	return w < 1 ? 1 : w;
}

void
ui_field_draw(struct ui_field *f, struct ui_view *v, int y, int x, int width,
              bool focus, bool readonly)
{
	int     curcol = 0, col = 0, used = 0;
	char    mb[8];
	char    line[1024];
	size_t  o = 0;
	mbstate_t st;

	if (width < 2 || f->cap == 0)
		return;
	for (size_t i = 0; i < f->cur; i++)
		curcol += ui_field_wcw(f, f->buf[i]);
	/* Keep the insertion point visible, one column spare for it. */
	if (curcol < f->scroll)
		f->scroll = curcol;
	if (curcol - f->scroll > width - 1)
		f->scroll = curcol - (width - 1);
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < f->len; i++) {
		int    w = ui_field_wcw(f, f->buf[i]);
		size_t n;

		if (col < f->scroll) {
			col += w;
			continue;
		}
		/* A wide character cut by the scroll leaves a blank column. */
		while (used < col - f->scroll && o + 1 < sizeof line) {
			line[o++] = ' ';
			used++;
		}
		if (used + w > width)
			break;
		if (f->kind == UF_SECRET) {
			mb[0] = '*';
			n = 1;
		} else {
			n = wcrtomb(mb, f->buf[i], &st);
			if (n == (size_t)-1)
				continue;
		}
		if (o + n >= sizeof line)
			break;
		memcpy(line + o, mb, n);
		o += n;
		used += w;
		col += w;
	}
	line[o] = '\0';
	/* Pad to the field's width so that its extent is visible without colour. */
	while (used < width && o + 1 < sizeof line) {
		line[o++] = readonly ? ' ' : '_';
		line[o] = '\0';
		used++;
	}
	ui_view_text(v, y, x, width, focus ? UA_BOLD : (readonly ? UA_DIM : UA_NORMAL), line);
	if (focus)
		ui_view_cursor(v, y, x + curcol - f->scroll);
}
