/*
 * ui_msg.c: the message catalogue of the terminal (ui_msg.h) and the current
 * language.
 *
 * Why the language is a global: it is one setting of the one terminal, read
 * by every draw; passing it through every function would add nothing.
 */
#include "uipriv.h"

struct ui_msg_entry {
	const char *zh;
	const char *en;
};

static const struct ui_msg_entry ui_msg_table[M__COUNT] = {
#define UI_MSG_ENTRY(id, zh, en) [id] = { zh, en },
	UI_MESSAGES(UI_MSG_ENTRY)
#undef UI_MSG_ENTRY
};

static enum rules_lang ui_msg_current = LANG_ZH;

const char *
ui_msg(enum msg_id id)
{
	if ((int)id < 0 || id >= M__COUNT)
		return "";
	return ui_msg_current == LANG_EN ? ui_msg_table[id].en : ui_msg_table[id].zh;
}

const char *
ui_msg_vocab(const struct vocab *v)
{
	return ui_msg_current == LANG_EN ? v->en : v->zh;
}

enum rules_lang
ui_msg_lang(void)
{
	return ui_msg_current;
}

void
ui_msg_set_lang(enum rules_lang lang)
{
	ui_msg_current = lang;
}
