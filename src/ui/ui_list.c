/*
 * ui_list.c: the choice in a list screen (accounts, the day's
 * applications, a name's namesakes, the home screen's queues): Up and Down,
 * the scroll that keeps the choice in sight, the "> " marker.
 *
 * Why one piece: every list must move, stop at its ends and survive a
 * reload that shrank it the same way; the screens keep only what their
 * lines show.
 */
#include "uipriv.h"

bool
ui_list_key(struct ui_list *l, int n, const struct ui_key *k)
{
	if (UK_IS_SP(k, KEY_DOWN)) {
		if (n > 0)
			l->sel = l->sel + 1 < n ? l->sel + 1 : n - 1;
		return true;
	}
	if (UK_IS_SP(k, KEY_UP)) {
		if (n > 0)
			l->sel = l->sel > 0 ? l->sel - 1 : 0;
		return true;
	}
	return false;
}

void
ui_list_clamp(struct ui_list *l, int n)
{
	if (l->sel >= n)
		l->sel = n > 0 ? n - 1 : 0;
}

void
ui_list_scroll(struct ui_list *l, int rows)
{
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + rows)
		l->top = l->sel - rows + 1;
}

void
ui_list_mark(struct ui_view *v, int y, bool chosen, enum ui_attr a)
{
	ui_view_text(v, y, 0, 2, a, chosen ? "> " : "  ");
}
