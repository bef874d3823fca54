/*
 * uipriv.h: what the files of the counter terminal share.
 *
 * Why one private header: the screens are a stack of modes (tmux style: a
 * table of function pointers per screen) driven by one main loop (ui.c); they
 * draw through a thin view layer (ui_view.c) and read keys already decoded
 * by ui_input.c. Nothing here is part of the project's public interface.
 */
#ifndef JZZ_UI_PRIV_H
#define JZZ_UI_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include <curses.h>

#include "jzz/case.h"
#include "jzz/idnum.h"
#include "jzz/rules.h"
#include "jzz/paper.h"
#include "jzz/service.h"
#include "jzz/ui.h"
#include "ui_msg.h"

#define UI_MIN_COLS 80
#define UI_MIN_ROWS 24

/* ---- messages (ui_msg.c) ---- */
const char *ui_msg(enum msg_id id);
const char *ui_msg_vocab(const struct vocab *v);  /* zh or en of a vocab entry */
enum rules_lang ui_msg_lang(void);
void ui_msg_set_lang(enum rules_lang lang);

/* ---- keys (ui_input.c) ---- */
enum ui_key_type { UK_NONE, UK_CHAR, UK_FN, UK_SPECIAL, UK_ESC };
struct ui_key {
	enum ui_key_type type;
	wint_t ch;      /* UK_CHAR: the character; UK_SPECIAL: a KEY_* code */
	int    fn;      /* UK_FN: 1..12 */
};
#define UK_IS(k, c)     ((k)->type == UK_CHAR && (k)->ch == (wint_t)(c))
#define UK_IS_FN(k, n)  ((k)->type == UK_FN && (k)->fn == (n))
#define UK_IS_SP(k, c)  ((k)->type == UK_SPECIAL && (k)->ch == (wint_t)(c))
#define UI_KEY_TAB      9
#define UI_KEY_ENTER    10

/* Reads one key with a timeout (ms); false when none came. Esc followed by
 * a digit becomes that F-key. */
bool ui_input_read(WINDOW *w, int timeout_ms, struct ui_key *out);
bool ui_input_esc_pending(void);
/* How long after Esc a digit still makes an F-key, by default: long enough
 * for a deliberate Esc then digit, short enough that a lone Esc feels
 * immediate. */
#define UI_ESC_WAIT_MS 250
void ui_input_set_esc_wait(int ms);   /* < 0: the default */
/* curses' ESCDELAY unless the environment sets it */
#define UI_ESCDELAY_MS 25
/* True when another key already waits (a paste, a scanner's burst, keys a
 * scenario queued): it is kept for the next read. Never waits. */
bool ui_input_more(WINDOW *w);
/* Queues a key that ui_input_read returns before anything typed: a
 * scenario's keys go through the same path as the keyboard's. */
bool ui_input_inject(const struct ui_key *k);
bool ui_input_queued(void);

/* ---- scenario keys (ui_scenario.c) ---- */
/* Decodes a step's keys ("张三<Enter><PgDn>") into out (at most max);
 * returns the count, or -1 for an unknown <name>. */
int ui_scenario_keys(const char *s, struct ui_key *out, int max);

/* ---- the view layer (ui_view.c) ---- */
enum ui_attr {
	UA_NORMAL, UA_BOLD, UA_REVERSE, UA_UNDERLINE, UA_DIM,
	UA_ERROR, UA_WARN, UA_OK, UA_TITLE, UA_FIELD, UA_FOCUS, UA_TRAINING
};
struct ui_view {
	WINDOW *w;
	int     rows, cols;
	int     cur_y, cur_x;   /* where the hardware cursor goes, -1 for hidden */
};
void ui_view_colors_init(void);
void ui_view_clear(struct ui_view *v);
/* Draws UTF-8 text at (y, x), cut at maxcols display columns (<= 0: to the
 * edge). Returns the columns used. */
int  ui_view_text(struct ui_view *v, int y, int x, int maxcols, enum ui_attr a, const char *s);
int  ui_view_printf(struct ui_view *v, int y, int x, int maxcols, enum ui_attr a,
                    const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Wraps text into width columns from (y, x); returns the lines used (at most maxlines). */
int  ui_view_wrap(struct ui_view *v, int y, int x, int width, int maxlines,
                  enum ui_attr a, const char *s);
int  ui_view_wrap_count(int width, const char *s);
void ui_view_hline(struct ui_view *v, int y, const char *label);
void ui_view_fill(struct ui_view *v, int y, enum ui_attr a);
void ui_view_cursor(struct ui_view *v, int y, int x);
int  ui_view_cols(const char *s);   /* display columns of UTF-8 text */

/* ---- a list to choose from (ui_list.c) ---- */
/* The choice and the scroll of a list screen (accounts, today, the
 * namesakes, the home queues): embedded in the screen's data. */
struct ui_list {
	int sel;   /* the line chosen (-1: none yet) */
	int top;   /* the first line shown */
};
/* Up and Down move the choice among n lines, stopping at either end; true
 * when k was one of them. */
bool ui_list_key(struct ui_list *l, int n, const struct ui_key *k);
/* Keeps the choice among n lines after a reload (the last when it shrank). */
void ui_list_clamp(struct ui_list *l, int n);
/* Scrolls so that the choice is among the rows lines shown from top. */
void ui_list_scroll(struct ui_list *l, int rows);
/* The marker column (2 columns at x 0) of a line: "> " on the choice. */
void ui_list_mark(struct ui_view *v, int y, bool chosen, enum ui_attr a);

/* ---- the field editor (ui_field.c) ---- */
enum ui_field_kind { UF_TEXT, UF_IDNUM, UF_DIGITS, UF_DATE, UF_SECRET };
/* The longest field (an address line is 100 characters): the text lives in
 * the field itself, so a screen's fields need no freeing. */
#define UI_FIELD_MAX 128
struct ui_field {
	enum ui_field_kind kind;
	wchar_t  buf[UI_FIELD_MAX + 1];
	size_t   len, cap;     /* characters; cap excludes the NUL */
	size_t   cur;          /* insertion point, 0..len */
	int      scroll;       /* first display column shown */
	bool     dirty;        /* typed into since set */
	unsigned edits;        /* bumped by every change of the text (not by a cursor move) */
};
/* An empty field of at most maxchars characters (UI_FIELD_MAX at most). */
void ui_field_init(struct ui_field *f, enum ui_field_kind kind, size_t maxchars);
/* Empties the field and wipes what it held from memory (a password). */
void ui_field_free(struct ui_field *f);
void ui_field_set(struct ui_field *f, const char *utf8);
/* UTF-8 copy of the contents, always NUL-terminated. */
void ui_field_get(const struct ui_field *f, char *out, size_t size);
bool ui_field_empty(const struct ui_field *f);
/* Edits on a key; true when the key was the field's (typed, moved, deleted). */
bool ui_field_key(struct ui_field *f, const struct ui_key *k);
/* Draws in width columns at (y, x); with focus places the cursor. */
void ui_field_draw(struct ui_field *f, struct ui_view *v, int y, int x, int width,
                   bool focus, bool readonly);

/* ---- screens (ui.c) ---- */
/* What a key handler returns. The main loop draws the top screen before
 * every read, so there is no redraw flag: curses sends only what changed. */
#define UI_HANDLED 0x1
#define UI_CLOSE   0x4

struct ui;
struct screen;

/* One entry of a function-key bar: key number and its label. */
struct ui_fkey {
	int          fn;
	enum msg_id  label;
};
#define UI_FKEYS_MAX 12

struct screen_mode {
	const char *name;
	enum msg_id title;
	enum msg_id help;
	/* The screen's data (sc->data), when size > 0: allocated zeroed by
	 * ui_push before init and freed by ui_pop after free, so that init
	 * only fills it and free only frees what it points to. With size 0,
	 * sc->data is whatever init sets (help: the mode it explains). */
	size_t size;
	int  (*init)(struct ui *ui, struct screen *sc, void *arg);
	void (*draw)(struct ui *ui, struct screen *sc, struct ui_view *v);
	int  (*key)(struct ui *ui, struct screen *sc, const struct ui_key *k);
	void (*resize)(struct ui *ui, struct screen *sc);
	void (*free)(void *data);
	/* Reads again from the service what the screen shows: called before a
	 * draw whenever something was written (ui->data_gen) since the screen
	 * was opened or last read again. Init reads it the first time. */
	void (*reload)(struct ui *ui, struct screen *sc);
	/* The bar: the keys this screen offers besides F1 (help) and F6
	 * (language), which the main loop handles on every screen and shows
	 * itself; label_fn may rename one (F10's action depends on the
	 * decision) or hide it (M_NONE). fn 0 ends the list. */
	struct ui_fkey fkeys[UI_FKEYS_MAX];
	enum msg_id (*fkey_label)(struct ui *ui, struct screen *sc, int fn, enum msg_id dflt);
	/* True when leaving with Esc would lose something typed. */
	bool (*dirty)(struct ui *ui, struct screen *sc);
	/* The header's title when it depends on the screen's state (a business). */
	const char *(*title_fn)(struct ui *ui, struct screen *sc);
};

struct screen {
	const struct screen_mode *mode;
	void    *data;
	unsigned gen;   /* ui->data_gen when the screen last read its data */
};

#define UI_STACK_MAX 12

struct ui {
	const struct ui_options *opts;
	struct service       *svc;
	struct service_actor  actor;
	bool                  logged_in;
	jzz_date              today;
	bool                  color;
	WINDOW               *hdr, *body, *bar;
	int                   rows, cols;
	bool                  too_small;
	struct screen         stack[UI_STACK_MAX];
	int                   depth;
	char                  status[512];   /* one line shown above the bar */
	enum ui_attr          status_attr;
	enum msg_id           ask;           /* a yes/no question pending, M_NONE for none */
	int                   ask_action;
	char                  ask_about[192]; /* what the question names (its %s), "" for none */
	bool                  quit;
	unsigned              data_gen;      /* bumped after every write: lists reload */
	int                   idle_minutes;  /* read at login: the database's idle logout */
	long                  clock_scale;   /* ui_clock_ms: 1, or JZZ_TEST_CLOCK_SCALE off production */
	char                  login_note[256];
	/* A scenario being played (jzz demo --play). */
	const struct ui_scenario *play;
	size_t                play_step;     /* steps injected so far */
	long                  play_next_ms;  /* when the next step is due */
	WINDOW               *narr;          /* the narration bar, while playing */
	struct service_actor  play_trainer;  /* sets a step's day of work */
};

/* Pushes a screen on the stack (init called with arg); false when full or init failed. */
bool ui_push(struct ui *ui, const struct screen_mode *m, void *arg);
/* A line of the debug log (jzz -v), when there is one; never a password
 * nor a person's details: only what the terminal did. */
void ui_log(const struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Pops the top screen (its free called). */
void ui_pop(struct ui *ui);
/* Pops down to the home screen. */
void ui_pop_home(struct ui *ui);
void ui_status(struct ui *ui, enum ui_attr a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A service call that failed, on the status line: `denied` when the
 * service refused the actor's role (M_NONE: said as any other failure),
 * else `fail` with the service's reason as its one %s. */
void ui_status_failed(struct ui *ui, enum service_status st, enum msg_id denied, enum msg_id fail);
/* Asks a yes/no question on the status line; on "y" the top screen's key
 * handler receives a UK_NONE key with fn = action. */
void ui_ask(struct ui *ui, enum msg_id question, int action);
/* The same for a question that names what it acts on: its one %s is about. */
void ui_ask_about(struct ui *ui, enum msg_id question, const char *about, int action);
#define UI_ACTION_KEY(k, act) ((k)->type == UK_NONE && (k)->fn == (act))

/* Screens */
extern const struct screen_mode scr_login_mode;
extern const struct screen_mode scr_home_mode;
extern const struct screen_mode scr_lookup_mode;
extern const struct screen_mode scr_person_mode;
extern const struct screen_mode scr_flow_mode;
extern const struct screen_mode scr_result_mode;
extern const struct screen_mode scr_receipt_mode;
extern const struct screen_mode scr_status_mode;
extern const struct screen_mode scr_received_mode;
extern const struct screen_mode scr_help_mode;
extern const struct screen_mode scr_report_mode;
extern const struct screen_mode scr_accounts_mode;
extern const struct screen_mode scr_trainer_mode;
extern const struct screen_mode scr_today_mode;

/* ---- the report as a file (ui_csv.c) ---- */
/* Writes the report to path: an xlsx workbook in the screen's language, or
 * the CSV of `jzz report --format csv` (bom: a UTF-8 byte order mark
 * first); 0, or -1 with err filled. */
int ui_csv_report_write(const struct service_report *r, const char *path, bool xlsx, bool bom,
                        char *err, size_t errlen);
/* The folder for exported files: $JZZ_EXPORT_DIR, else "reports" beside
 * the database (ui_receipt.c keeps the receipts the same way). */
bool ui_receipt_export_dir(const struct ui *ui, char *out, size_t size);

/* Arguments of the flow screen. */
struct flow_start {
	enum jzz_business business;
	const char       *id_number;   /* pre-filled, or NULL */
};

/* The home screen's business keys: key character -> business. */
struct ui_business_key {
	wchar_t           key;
	enum jzz_business business;
};
extern const struct ui_business_key ui_names_business_keys[];
extern const size_t ui_names_nbusiness_keys;
bool ui_names_is_supervisor(const struct ui *ui);
/* Starts a business from a key; true when the key was a business key. */
bool ui_names_business_from_key(struct ui *ui, const struct ui_key *k, const char *id_number);
/* On a screen that ends a business (receipt, refusal): F2 starts the same
 * business again for the next applicant, a home screen business key starts
 * that one; either closes every screen above home first. True when the key
 * did so. */
bool ui_names_next_business(struct ui *ui, const struct ui_key *k, enum jzz_business done);
/* The keys the screens that end a business share (receipt, refusal):
 * Enter or F10 home, F2 or a business key the next applicant
 * (ui_names_next_business), Up and Down scroll *top. Every other key is
 * swallowed too: UI_HANDLED always. */
int ui_names_outcome_key(struct ui *ui, const struct ui_key *k, enum jzz_business done, int *top);

/* Why an ID number typed is not one, in the current language. */
const char *ui_names_idnum_error(enum idnum_error e);
/* Names of states, in the current language. */
const char *ui_names_permit_state(enum service_permit_state st);
const char *ui_names_card_state(enum service_card_state st);
const char *ui_names_verdict(enum verdict v);
const char *ui_names_role(int role);   /* enum service_role */
/* A reason code of the report (late, no_phone, address_changed) in words. */
const char *ui_names_reason(const char *code);
/* A centre as people name it: "虹桥街道 310105009" (the code when unknown). */
const char *ui_names_centre(struct ui *ui, const char *code);
/* "YYYY-MM-DD" or "—" for none, into a static ring of buffers. */
const char *ui_names_date(jzz_date d);

/* What a submitted business hands to the receipt and result screens. */
struct flow_outcome {
	struct jzz_case       c;
	struct service_result res;
};

/* ---- papers (ui_receipt.c) ---- */
/* The receipt of an accepted outcome, or the one-time notice of another,
 * as the service builds it (paper.h), with the case's agent. 0, or -1
 * (the paper is then empty). */
int ui_paper_of(struct ui *ui, const struct flow_outcome *o, struct paper *out);
/* Saves a paper (PDF and text copy) in the receipts folder, or the reports
 * folder, and prints the PDF when JZZ_PRINTER is set; writes a one-line
 * report into note: `saved` ("... saved: %s" with the path), then printed
 * or why not. */
void ui_paper_output(const struct ui *ui, const struct paper *p, bool reports, enum msg_id saved,
                     char *note, size_t notelen);

#endif
