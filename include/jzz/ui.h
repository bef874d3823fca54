/*
 * ui.h: the counter terminal (居住证受理终端), as the command line sees it.
 *
 * Why so small: the commands `jzz` and `jzz demo` only need to open the
 * terminal on a database; everything else (screens, keys, the field editor)
 * is private to src/ui so that it can change without touching the commands.
 */
#ifndef JZZ_UI_H
#define JZZ_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/calendar.h"
#include "jzz/date.h"

struct ui_options {
	const char      *db;        /* NULL: the service layer's default path */
	jzz_date         today;     /* JZZ_DATE_NONE: the real date */
	const char      *user;      /* pre-filled on the login screen, or NULL */
	const char      *centre;    /* NULL: the account's centre */
	const char      *lang;      /* "zh" or "en" */
	bool             training;  /* 培训模式: every screen carries the marker */
	const char      *holidays;  /* folder of holiday files for a new database */
	struct calendar *cal;       /* for the live rules panel (NULL: Mon-Fri) */
};

/* Runs the terminal until the clerk quits. Returns an exit status (0 ok,
 * 1 when the terminal or the database could not be used). */
int ui_run(const struct ui_options *o);

/*
 * Creates the training database at `path` when it does not exist, through
 * the service layer (service_init_training: marked as training, demo
 * accounts and persons). Returns 0 (created or already there) or -1 with
 * err filled.
 */
int ui_demo_prepare(const char *path, jzz_date today, const char *holidays,
                    char *err, size_t errlen);

#endif
