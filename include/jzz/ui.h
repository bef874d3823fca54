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
#include <stdio.h>
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
	/* `jzz demo --play`: a scenario replayed (logged in as its user, keys
	 * injected through the keyboard's path, a narration bar), or NULL. */
	const struct ui_scenario *play;
	int              pace_ms;   /* between steps; <= 0: UI_SCENARIO_PACE_MS */
	/* Where receipts go (NULL: "receipts" beside the database), CSV exports
	 * (NULL: "reports" beside it), the CUPS queue receipts are printed on
	 * (NULL: none): jzz.conf or JZZ_* through the command line. */
	const char      *receipt_dir;
	const char      *export_dir;
	const char      *printer;
	FILE            *log;       /* -v: the debug log, or NULL */
	const char      *audit_key_file;  /* NULL: service_audit_key_path's default */
	int              esc_wait_ms;     /* after Esc, how long a digit still makes an F-key;
	                                   * < 0: UI_ESC_WAIT_MS; 0: Esc acts at once */
	/* How many times faster the terminal's idle clock runs (<= 1: real
	 * time): JZZ_TEST_CLOCK_SCALE, for the terminal's tests; refused on a
	 * production database. */
	int              clock_scale;
};

/*
 * A scenario of `jzz demo` (data/scenarios/NAME.scn, format in
 * docs/guide-trainer.md): a title, the demo account it is played as, the
 * day of work, the steps (keys and a narration in Chinese and English,
 * optionally a day of work of its own) and the text its last screen shows.
 */
#define UI_SCENARIO_PACE_MS 700
struct ui_scenario_step {
	char    *keys;            /* "1", "<PgDn>", "张三<Enter>"... */
	char    *narration_zh;
	char    *narration_en;
	jzz_date day;             /* JZZ_DATE_NONE: keep the day */
};
struct ui_scenario {
	char     name[64];        /* the file's name without .scn */
	char    *title_zh, *title_en;
	char     user[64];        /* "clerk1" when not given */
	jzz_date day;             /* the day of work it starts on; NONE: today */
	char    *expect;          /* text the last screen shows, or NULL */
	size_t   nsteps;
	struct ui_scenario_step *steps;
};
/* Reads a scenario file; 0, or -1 with err filled (file:line: why). The
 * keys of every step are checked here, so a bad file fails before playing. */
int  ui_scenario_load(const char *path, struct ui_scenario *out, char *err, size_t errlen);
void ui_scenario_free(struct ui_scenario *s);

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
