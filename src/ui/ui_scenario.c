/*
 * ui_scenario.c: the scenarios of `jzz demo --play`: reading a .scn file
 * and turning a step's keys into the keys the screens receive.
 *
 * Why a line format and not JSON: a trainer writes and corrects these by
 * hand; one line per step ("step: KEYS | 中文 | English") reads like the
 * lesson it is, and an error names its line. Why the keys are decoded into
 * struct ui_key and injected (ui_input_inject): the screens then receive
 * exactly what a keyboard would have produced, so a scenario shows the
 * real flow and a key that would not work at the counter does not work in
 * the demo either.
 */
#include "uipriv.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ui_scenario_name {
	const char   *name;
	enum ui_key_type type;
	wint_t        ch;
	int           fn;
};

static const struct ui_scenario_name ui_scenario_names[] = {
	{ "Enter", UK_CHAR, UI_KEY_ENTER, 0 }, { "Tab", UK_CHAR, UI_KEY_TAB, 0 },
	{ "Space", UK_CHAR, ' ', 0 }, { "Esc", UK_ESC, 27, 0 },
	{ "BTab", UK_SPECIAL, KEY_BTAB, 0 }, { "PgDn", UK_SPECIAL, KEY_NPAGE, 0 },
	{ "PgUp", UK_SPECIAL, KEY_PPAGE, 0 }, { "Up", UK_SPECIAL, KEY_UP, 0 },
	{ "Down", UK_SPECIAL, KEY_DOWN, 0 }, { "Left", UK_SPECIAL, KEY_LEFT, 0 },
	{ "Right", UK_SPECIAL, KEY_RIGHT, 0 }, { "Backspace", UK_SPECIAL, KEY_BACKSPACE, 0 },
	{ "lt", UK_CHAR, '<', 0 },
};

int
ui_scenario_keys(const char *s, struct ui_key *out, int max)
{
	mbstate_t mb;
	int       n = 0;

	memset(&mb, 0, sizeof mb);
	while (*s != '\0' && n < max) {
		struct ui_key k = { UK_CHAR, 0, 0 };

		if (*s == '<') {
			const char *end = strchr(s, '>');
			size_t      len;
			bool        found = false;

			if (end == NULL)
				return -1;
			len = (size_t)(end - s - 1);
			if (len >= 2 && len <= 3 && s[1] == 'F' && s[2] >= '1' && s[2] <= '9') {
				k.type = UK_FN;
				k.fn = atoi(s + 2);
				found = k.fn >= 1 && k.fn <= 12;
			}
			for (size_t i = 0; !found && i < sizeof ui_scenario_names / sizeof ui_scenario_names[0]; i++)
				if (strlen(ui_scenario_names[i].name) == len &&
				    strncmp(ui_scenario_names[i].name, s + 1, len) == 0) {
					k.type = ui_scenario_names[i].type;
					k.ch = ui_scenario_names[i].ch;
					found = true;
				}
			if (!found)
				return -1;
			s = end + 1;
		} else {
			wchar_t wc;
			size_t  r = mbrtowc(&wc, s, strlen(s), &mb);

			if (r == (size_t)-1 || r == (size_t)-2 || r == 0)
				return -1;
			k.ch = (wint_t)wc;
			s += r;
		}
		out[n++] = k;
	}
	return n;
}

static char *
ui_scenario_trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* Splits "a | b | c" in place into at most 3 trimmed parts; returns the count. */
static int
ui_scenario_split(char *s, char *parts[3])
{
	int n = 0;

	while (n < 3) {
		char *bar = n < 2 ? strstr(s, " | ") : NULL;

		if (bar != NULL)
			*bar = '\0';
		parts[n++] = ui_scenario_trim(s);
		if (bar == NULL)
			break;
		s = bar + 3;
	}
	return n;
}

static bool
ui_scenario_add_step(struct ui_scenario *sc, char *keys, char *zh, char *en, jzz_date day)
{
	struct ui_scenario_step *ns = realloc(sc->steps, (sc->nsteps + 1) * sizeof *ns);

	if (ns == NULL)
		return false;
	sc->steps = ns;
	ns = &sc->steps[sc->nsteps];
	ns->keys = strdup(keys);
	ns->narration_zh = strdup(zh);
	ns->narration_en = strdup(en);
	ns->day = day;
	sc->nsteps++;
	return ns->keys != NULL && ns->narration_zh != NULL && ns->narration_en != NULL;
}

int
ui_scenario_load(const char *path, struct ui_scenario *out, char *err, size_t errlen)
{
	FILE       *f;
	char        line[4096], *v, *parts[3];
	const char *base = strrchr(path, '/');
	int         ln = 0;
	jzz_date    day = JZZ_DATE_NONE;
	struct ui_key keys[256];

	memset(out, 0, sizeof *out);
	out->day = JZZ_DATE_NONE;
	snprintf(out->user, sizeof out->user, "clerk1");
	snprintf(out->name, sizeof out->name, "%s", base != NULL ? base + 1 : path);
	if (strlen(out->name) > 4 && strcmp(out->name + strlen(out->name) - 4, ".scn") == 0)
		out->name[strlen(out->name) - 4] = '\0';
	f = fopen(path, "r");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		char *s = ui_scenario_trim(line), *colon;

		ln++;
		if (*s == '\0' || *s == '#')
			continue;
		colon = strchr(s, ':');
		if (colon == NULL)
			goto bad;
		*colon = '\0';
		v = ui_scenario_trim(colon + 1);
		if (strcmp(s, "title") == 0) {
			if (ui_scenario_split(v, parts) != 2)
				goto bad;
			free(out->title_zh);
			free(out->title_en);
			out->title_zh = strdup(parts[0]);
			out->title_en = strdup(parts[1]);
		} else if (strcmp(s, "user") == 0) {
			snprintf(out->user, sizeof out->user, "%s", v);
		} else if (strcmp(s, "expect") == 0) {
			free(out->expect);
			out->expect = strdup(v);
		} else if (strcmp(s, "day") == 0) {
			if (!date_parse(v, strlen(v), &day))
				goto bad;
			if (out->nsteps == 0 && out->day == JZZ_DATE_NONE) {
				out->day = day;
				day = JZZ_DATE_NONE;
			}
		} else if (strcmp(s, "step") == 0) {
			if (ui_scenario_split(v, parts) != 3 || ui_scenario_keys(parts[0], keys, 256) < 0)
				goto bad;
			if (!ui_scenario_add_step(out, parts[0], parts[1], parts[2], day)) {
				snprintf(err, errlen, "%s: out of memory", path);
				fclose(f);
				ui_scenario_free(out);
				return -1;
			}
			day = JZZ_DATE_NONE;
		} else {
			goto bad;
		}
	}
	fclose(f);
	if (out->title_zh == NULL || out->nsteps == 0) {
		snprintf(err, errlen, "%s: a title and at least one step are needed", path);
		ui_scenario_free(out);
		return -1;
	}
	return 0;
bad:
	snprintf(err, errlen, "%s:%d: not understood (title: ZH | EN, user:, day: YYYY-MM-DD, "
	    "expect:, step: KEYS | ZH | EN)", path, ln);
	fclose(f);
	ui_scenario_free(out);
	return -1;
}

void
ui_scenario_free(struct ui_scenario *s)
{
	for (size_t i = 0; i < s->nsteps; i++) {
		free(s->steps[i].keys);
		free(s->steps[i].narration_zh);
		free(s->steps[i].narration_en);
	}
	free(s->steps);
	free(s->title_zh);
	free(s->title_en);
	free(s->expect);
	memset(s, 0, sizeof *s);
}
