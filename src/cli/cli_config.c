/*
 * cli_config.c: the settings of jzz before the command line: built-in
 * defaults, the configuration file (INI, read with libinih; jzz.conf(5)),
 * then the environment. main.c puts the global options over the result.
 *
 * A key the program does not know is an error, not ignored: a misspelt
 * `printr = ...` silently doing nothing would be found only at the counter.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ini.h>

#include "cli.h"

#ifndef JZZ_SYSCONFDIR
#define JZZ_SYSCONFDIR "/etc"
#endif

/* Every string handed out lives here until cli_config_free, so that the
 * options can point at it without each caller owning copies. */
static char  *config_strings[64];
static size_t config_nstrings;

struct config_parse {
	struct cli_opts *opts;
	const char      *path;
	char             err[300];
};

static const char *
config_keep(const char *value)
{
	char *copy;

	if (config_nstrings >= sizeof config_strings / sizeof config_strings[0])
		return NULL;
	if ((copy = strdup(value)) == NULL)
		return NULL;
	config_strings[config_nstrings++] = copy;
	return copy;
}

void
cli_config_free(void)
{
	while (config_nstrings > 0)
		free(config_strings[--config_nstrings]);
}

/* True when s is a whole number of milliseconds from 0 to 2000 (esc_wait). */
bool
cli_config_ms(const char *s)
{
	char *end;
	long  v;

	if (s == NULL || *s < '0' || *s > '9')
		return false;
	v = strtol(s, &end, 10);
	return *end == '\0' && v >= 0 && v <= 2000;
}

/* Every setting of struct cli_opts that the file or the environment may
 * give: its key in jzz.conf (docs/man/jzz.conf.5.scd lists the same ones;
 * the manual test checks both ways), its field, its JZZ_* variable of
 * jzz(1). NULL: not given that way. */
static const struct {
	const char *key;
	size_t      off;
	const char *var;
} config_settings[] = {
	{ "db", offsetof(struct cli_opts, db), NULL },
	{ "centre", offsetof(struct cli_opts, centre), NULL },
	{ "lang", offsetof(struct cli_opts, lang), NULL },
	{ "printer", offsetof(struct cli_opts, printer), "JZZ_PRINTER" },
	{ "esc_wait", offsetof(struct cli_opts, esc_wait), "JZZ_ESC_WAIT" },
	{ "receipt_dir", offsetof(struct cli_opts, receipt_dir), "JZZ_RECEIPT_DIR" },
	{ "export_dir", offsetof(struct cli_opts, export_dir), "JZZ_EXPORT_DIR" },
	{ "holidays_dir", offsetof(struct cli_opts, holidays_dir), "JZZ_HOLIDAYS_DIR" },
	{ "audit_key_file", offsetof(struct cli_opts, audit_key_file), "JZZ_AUDIT_KEY" },
	{ "group", offsetof(struct cli_opts, group), NULL },
	{ NULL, offsetof(struct cli_opts, data_dir), "JZZ_DATA_DIR" },
};

#define CONFIG_NSETTINGS (sizeof config_settings / sizeof config_settings[0])

static const char **
config_field(struct cli_opts *o, size_t i)
{
	return (const char **)(void *)((char *)o + config_settings[i].off);
}

/* Where the key of jzz.conf goes; NULL: no such key. */
static const char **
config_slot(struct cli_opts *o, const char *key)
{
	for (size_t i = 0; i < CONFIG_NSETTINGS; i++)
		if (config_settings[i].key != NULL && strcmp(key, config_settings[i].key) == 0)
			return config_field(o, i);
	return NULL;
}

/* libinih's callback: 1 to go on, 0 for an error at this line (ini_parse
 * then returns the first such line). */
static int
config_handler(void *user, const char *section, const char *name, const char *value)
{
	struct config_parse *p = user;
	const char         **slot;

	if (p->err[0] != '\0')
		return 0;
	if (section[0] != '\0' && strcmp(section, "jzz") != 0) {
		snprintf(p->err, sizeof p->err, "unknown section [%s] (keys go before any section"
		    " or under [jzz])", section);
		return 0;
	}
	if ((slot = config_slot(p->opts, name)) == NULL) {
		snprintf(p->err, sizeof p->err, "unknown key %s", name);
		return 0;
	}
	if (strcmp(name, "lang") == 0 && strcmp(value, "zh") != 0 && strcmp(value, "en") != 0) {
		snprintf(p->err, sizeof p->err, "lang: expected zh or en, not %s", value);
		return 0;
	}
	if (strcmp(name, "esc_wait") == 0 && value[0] != '\0' && !cli_config_ms(value)) {
		snprintf(p->err, sizeof p->err, "esc_wait: expected milliseconds from 0 to 2000, not %s",
		    value);
		return 0;
	}
	if (value[0] == '\0') {
		*slot = NULL;   /* "printer =": back to the default */
		return 1;
	}
	if ((*slot = config_keep(value)) == NULL) {
		snprintf(p->err, sizeof p->err, "out of memory");
		return 0;
	}
	return 1;
}

/* The environment over the file: the JZZ_* variables of jzz(1). -1 (said)
 * for a value that cannot be one. */
static int
config_environment(struct cli_opts *o)
{
	for (size_t i = 0; i < CONFIG_NSETTINGS; i++) {
		const char *v = config_settings[i].var != NULL ? getenv(config_settings[i].var) : NULL;

		if (v != NULL && *v != '\0')
			*config_field(o, i) = v;
	}
	if (o->esc_wait != NULL && !cli_config_ms(o->esc_wait)) {
		cli_error("JZZ_ESC_WAIT: expected milliseconds from 0 to 2000, not %s", o->esc_wait);
		return -1;
	}
	return 0;
}

int
cli_config_load(struct cli_opts *opts, const char *path)
{
	struct config_parse p = { opts, NULL, "" };
	const char         *env = getenv("JZZ_CONFIG");
	bool                named = true;
	FILE               *f;
	int                 line;

	opts->lang = "zh";
	if (path == NULL && env != NULL && *env != '\0')
		path = env;
	if (path == NULL) {
		path = JZZ_SYSCONFDIR "/jzz/jzz.conf";
		named = false;
	}
	p.path = path;
	if ((f = fopen(path, "r")) == NULL) {
		if (!named && errno == ENOENT)
			return config_environment(opts);
		cli_error("%s: %s", path, strerror(errno));
		return -1;
	}
	line = ini_parse_file(f, config_handler, &p);
	fclose(f);
	if (line != 0) {
		if (line > 0)
			cli_error("%s:%d: %s", path, line, p.err[0] != '\0' ? p.err : "not a line of"
			    " the form key = value");
		else
			cli_error("%s: out of memory", path);
		return -1;
	}
	opts->config = config_keep(path);
	return config_environment(opts);
}
