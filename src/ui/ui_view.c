/*
 * ui_view.c: the thin drawing layer. Screens draw into a view (a curses
 * window with its size) with these functions and never write to the
 * terminal themselves; the main loop decides when anything reaches it.
 *
 * Why our own text functions: the screens are mostly Chinese, two columns
 * per character, so every cut and wrap is measured in display columns
 * (wcwidth), never in bytes or characters. Colour is only an aid: each
 * attribute also has a non-colour form (bold, reverse, underline), and with
 * NO_COLOR set (or no colour terminal) only those are used.
 */
#include "uipriv.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool ui_view_use_color;

enum { UI_PAIR_ERROR = 1, UI_PAIR_WARN, UI_PAIR_OK, UI_PAIR_TITLE, UI_PAIR_TRAINING };

void
ui_view_colors_init(void)
{
	const char *nc = getenv("NO_COLOR");

	ui_view_use_color = (nc == NULL || *nc == '\0') && has_colors();
	if (!ui_view_use_color)
		return;
	start_color();
	use_default_colors();
	init_pair(UI_PAIR_ERROR, COLOR_RED, -1);
	init_pair(UI_PAIR_WARN, COLOR_YELLOW, -1);
	init_pair(UI_PAIR_OK, COLOR_GREEN, -1);
	init_pair(UI_PAIR_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(UI_PAIR_TRAINING, COLOR_BLACK, COLOR_YELLOW);
}

static attr_t
ui_view_attr(enum ui_attr a, short *pair)
{
	*pair = 0;
	switch (a) {
	case UA_BOLD:      return A_BOLD;
	case UA_REVERSE:   return A_REVERSE;
	case UA_UNDERLINE: return A_UNDERLINE;
	case UA_DIM:       return A_DIM;
	case UA_FIELD:     return A_UNDERLINE;
	case UA_FOCUS:     return A_REVERSE;
	case UA_ERROR:
		if (ui_view_use_color)
			*pair = UI_PAIR_ERROR;
		return A_BOLD;
	case UA_WARN:
		if (ui_view_use_color)
			*pair = UI_PAIR_WARN;
		return A_BOLD;
	case UA_OK:
		if (ui_view_use_color)
			*pair = UI_PAIR_OK;
		return A_NORMAL;
	case UA_TITLE:
		if (ui_view_use_color) {
			*pair = UI_PAIR_TITLE;
			return A_BOLD;
		}
		return A_REVERSE | A_BOLD;
	case UA_TRAINING:
		if (ui_view_use_color)
			*pair = UI_PAIR_TRAINING;
		return A_BOLD | A_REVERSE;
	default:
		return A_NORMAL;
	}
}

void
ui_view_clear(struct ui_view *v)
{
	werase(v->w);
	v->cur_y = v->cur_x = -1;
}

/* Decodes one UTF-8 character; returns its length (1 for a bad byte, shown
 * as U+FFFD) or 0 at the end. */
static size_t
ui_view_next(const char *s, wchar_t *wc)
{
	mbstate_t st;
	size_t    n;

	if (*s == '\0')
		return 0;
	memset(&st, 0, sizeof st);
	n = mbrtowc(wc, s, MB_CUR_MAX, &st);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		*wc = 0xFFFD;
		return 1;
	}
	return n;
}

static int
ui_view_wcw(wchar_t wc)
{
	int w = wcwidth(wc);

	return w < 0 ? 1 : w;
}

int
ui_view_cols(const char *s)
{
	wchar_t wc;
	size_t  n;
	int     cols = 0;

	while ((n = ui_view_next(s, &wc)) > 0) {
		cols += ui_view_wcw(wc);
		s += n;
	}
	return cols;
}

int
ui_view_text(struct ui_view *v, int y, int x, int maxcols, enum ui_attr a, const char *s)
{
	short   pair;
	attr_t  at = ui_view_attr(a, &pair);
	wchar_t wc, one[2];
	cchar_t cc;
	size_t  n;
	int     used = 0, limit;

	if (y < 0 || y >= v->rows || x < 0 || x >= v->cols || s == NULL)
		return 0;
	limit = v->cols - x;
	if (maxcols > 0 && maxcols < limit)
		limit = maxcols;
	while ((n = ui_view_next(s, &wc)) > 0) {
		int w = ui_view_wcw(wc);

		s += n;
		if (wc == '\n' || wc == '\t' || wc < 32)
			wc = ' ', w = 1;
		if (w == 0)
			continue;   /* combining marks: not expected in our text */
		if (used + w > limit)
			break;
		one[0] = wc;
		one[1] = 0;
		setcchar(&cc, one, at, pair, NULL);
		mvwadd_wch(v->w, y, x + used, &cc);
		used += w;
	}
	return used;
}

int
ui_view_printf(struct ui_view *v, int y, int x, int maxcols, enum ui_attr a, const char *fmt, ...)
{
	char    buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	return ui_view_text(v, y, x, maxcols, a, buf);
}

/* Splits text into lines of at most width columns, breaking at a space for
 * Latin text and anywhere between CJK characters; calls emit per line. */
static int
ui_view_wrap_do(struct ui_view *v, int y, int x, int width, int maxlines, enum ui_attr a,
                const char *s)
{
	int lines = 0;

	if (width < 4)
		width = 4;
	while (*s != '\0' && (maxlines <= 0 || lines < maxlines)) {
		const char *p = s, *brk = NULL;
		wchar_t     wc;
		size_t      n;
		int         cols = 0;
		char        line[1024];

		while ((n = ui_view_next(p, &wc)) > 0) {
			int w = ui_view_wcw(wc);

			if (wc == '\n')
				break;
			if (cols + w > width)
				break;
			cols += w;
			p += n;
			if (wc == ' ' || w == 2 || wc == 0xFF0C || wc == 0x3002)
				brk = p;
		}
		if (*p != '\0' && *p != '\n' && brk != NULL && brk > s)
			p = brk;
		if (p == s) {   /* a character wider than the line: take it */
			n = ui_view_next(p, &wc);
			p += n ? n : 1;
		}
		n = (size_t)(p - s) < sizeof line - 1 ? (size_t)(p - s) : sizeof line - 1;
		memcpy(line, s, n);
		line[n] = '\0';
		if (v != NULL)
			ui_view_text(v, y + lines, x, width, a, line);
		lines++;
		s = p;
		if (*s == '\n')
			s++;
		while (*s == ' ')
			s++;
	}
	return lines;
}

int
ui_view_wrap(struct ui_view *v, int y, int x, int width, int maxlines, enum ui_attr a,
             const char *s)
{
	return ui_view_wrap_do(v, y, x, width, maxlines, a, s);
}

int
ui_view_wrap_count(int width, const char *s)
{
	return ui_view_wrap_do(NULL, 0, 0, width, 0, UA_NORMAL, s);
}

/* A rule across the view with an optional label; drawn with U+2500 rather
 * than the alternate character set, which some terminals show as "q". */
void
ui_view_hline(struct ui_view *v, int y, const char *label)
{
	int x = 0;

	if (y < 0 || y >= v->rows)
		return;
	if (label != NULL && *label != '\0') {
		x += ui_view_text(v, y, 0, 0, UA_NORMAL, "── ");
		x += ui_view_text(v, y, x, v->cols - x - 1, UA_BOLD, label);
		x += ui_view_text(v, y, x, 0, UA_NORMAL, " ");
	}
	for (; x < v->cols; x++)
		ui_view_text(v, y, x, 1, UA_NORMAL, "─");
}

void
ui_view_fill(struct ui_view *v, int y, enum ui_attr a)
{
	short  pair;
	attr_t at = ui_view_attr(a, &pair);

	if (y < 0 || y >= v->rows)
		return;
	wmove(v->w, y, 0);
	wattr_set(v->w, at, pair, NULL);
	for (int x = 0; x < v->cols; x++)
		mvwaddch(v->w, y, x, ' ' | at | COLOR_PAIR(pair));
	wattr_set(v->w, A_NORMAL, 0, NULL);
}

void
ui_view_cursor(struct ui_view *v, int y, int x)
{
	if (y < 0 || y >= v->rows || x < 0 || x >= v->cols) {
		v->cur_y = v->cur_x = -1;
		return;
	}
	v->cur_y = y;
	v->cur_x = x;
}
