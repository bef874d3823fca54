/*
 * paper.h: the papers a counter hands out (回执, 一次性告知书, the
 * supervisor's daily sheet), described once as data and rendered two ways:
 * as text (the screen, the text copy) and as an A4 PDF (cairo + pango,
 * printed through CUPS). Part of the service layer: the terminal and the
 * command line build the same paper with the same function.
 *
 * A paper is a title, an optional subtitle and mark (培训模式), then items
 * in order: label/value fields, headings, free paragraphs, tables, a QR
 * code, a box for the centre's stamp, a line for a signature. Builders copy
 * their strings; a paper that ran out of memory says so (paper.oom) and
 * renders nothing.
 */
#ifndef JZZ_PAPER_H
#define JZZ_PAPER_H

#include <stdbool.h>
#include <stddef.h>

#include "jzz/address.h"
#include "jzz/idnum.h"
#include "jzz/rules.h"
#include "jzz/service.h"

enum paper_kind {
	PAPER_FIELD,    /* label: value */
	PAPER_HEADING,  /* a section's title */
	PAPER_PARA,     /* free text, wrapped */
	PAPER_TABLE,    /* columns with a header row */
	PAPER_QR,       /* a QR code of `text` with a caption (label) */
	PAPER_STAMP,    /* a box for the centre's stamp, captioned */
	PAPER_SIGN,     /* "label: ________  date: ____" */
};

struct paper_item {
	enum paper_kind kind;
	char           *label;
	char           *text;
	int             ncols;    /* tables */
	size_t          nrows;    /* tables: rows after the header */
	char          **cells;    /* tables: (1 + nrows) * ncols, the header first */
};

struct paper {
	enum rules_lang    lang;
	char              *title;
	char              *subtitle;
	char              *mark;     /* e.g. 培训模式: drawn across the page; NULL when none */
	char              *name;     /* file name stem (receipt number...); NULL when none */
	size_t             n, cap;
	struct paper_item *items;
	bool               oom;
};

void paper_init(struct paper *p, enum rules_lang lang);
void paper_free(struct paper *p);

/* Setters and builders; every string is copied. NULL or "" values of a
 * field are skipped (a field list stays easy to extend: a record without an
 * address simply prints no address line). */
void paper_set_title(struct paper *p, const char *title, const char *subtitle);
void paper_set_mark(struct paper *p, const char *mark);
void paper_set_name(struct paper *p, const char *name);
void paper_field(struct paper *p, const char *label, const char *value);
void paper_fieldf(struct paper *p, const char *label, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void paper_heading(struct paper *p, const char *text);
void paper_para(struct paper *p, const char *text);
void paper_paraf(struct paper *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A table of ncols columns headed by header[0..ncols-1]; then rows. */
void paper_table(struct paper *p, int ncols, const char *const *header);
void paper_table_row(struct paper *p, const char *const *cells);
void paper_qr(struct paper *p, const char *caption, const char *payload);
void paper_stamp(struct paper *p, const char *caption);
void paper_sign(struct paper *p, const char *label);

/* The text form: lines ending in \n, "label：value" in Chinese and
 * "label: value" in English (malloc'd; NULL when out of memory). */
char *paper_text(const struct paper *p);

/* The A4 PDF (paper_pdf.c), written to the file descriptor fd (not
 * closed). 0, or -1 with err filled. */
int paper_pdf_fd(const struct paper *p, int fd, char *err, size_t errlen);

/*
 * Writes a new file at `path`, private (0600), opened with
 * O_CREAT|O_EXCL|O_NOFOLLOW: a file or a planted symlink already there is
 * never followed nor overwritten (EEXIST). paper_write_text writes the
 * text form, paper_write_pdf the PDF. 0, or -1 with err filled.
 */
int paper_write_text(const struct paper *p, const char *path, char *err, size_t errlen);
int paper_write_pdf(const struct paper *p, const char *path, char *err, size_t errlen);

/*
 * Saves the PDF and, beside it, its text copy in `dir` (made 0700 when
 * missing) as <name>.pdf and <name>.txt; when either exists already
 * (a reprint), <name>-2, -3... so that nothing is overwritten. pdf_path
 * receives the PDF's path. 0, or -1 with err filled.
 */
int paper_save(const struct paper *p, const char *dir, char *pdf_path, size_t pathlen,
               char *err, size_t errlen);

/* Sends a file to the printer: `lp -d PRINTER FILE`, its output discarded
 * (nothing may write on a curses screen). 0 when lp succeeded. */
int paper_print(const char *printer, const char *path);

/*
 * What every caller does with a paper (the terminal's print keys, `jzz
 * receipt`, `jzz report daily --print`): the PDF written at `output` when
 * given (a new file only), else saved with its text copy in `dir`
 * (paper_save); then, when `printer` is given, the PDF sent to it.
 * pdf_path receives the PDF's path. 0 when all was done; -1 nothing saved
 * (err says why); -2 saved but the printer refused (err says so).
 */
int paper_output(const struct paper *p, const char *output, const char *dir,
                 const char *printer, char *pdf_path, size_t pathlen, char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* The papers of the counter (service_paper.c)                         */

/* Sizes of the masked numbers ("110105********123X", idnum_mask). */
#define PAPER_IDNUM_LEN IDNUM_MASK_LEN

/*
 * What a receipt or a notice says, read from the records (the application,
 * its rule outcomes, its card, fee, change, registration, endorsement).
 * The agent, the address of the day and the postal address are read
 * from the records too.
 */
struct service_paper_facts {
	char              application_id[SERVICE_UUID_LEN];
	char              receipt_no[SERVICE_RECEIPT_LEN];   /* "" unless accepted */
	enum jzz_business business;
	enum jzz_channel  channel;
	jzz_date          day;
	char              centre[SERVICE_CENTRE_LEN];
	char              centre_name[SERVICE_TEXT_LEN];
	char              user[SERVICE_USER_LEN];
	char              name[CASE_NAME_MAX];
	char              id_masked[PAPER_IDNUM_LEN];
	struct jzz_decision decision;                       /* rebuilt from the rule outcomes */
	bool              has_agent;
	enum jzz_agent_kind agent_kind;
	char              agent_name[CASE_NAME_MAX];
	char              agent_id_masked[PAPER_IDNUM_LEN];
	char              address[SERVICE_TEXT_LEN + ADDRESS_TEXT_MAX];  /* the person's on the day; "" if none */
	char              post_address[SERVICE_TEXT_LEN * 2]; /* delivery by post; "" if none */
	bool              has_card;
	enum jzz_delivery delivery;
	char              fee_receipt_no[CASE_WORD_MAX];
	bool              has_change;
	enum jzz_change_field change_field;
	jzz_date          changed_on;
	char              change_old[CASE_TEXT_MAX];
	char              change_new[CASE_TEXT_MAX];
	jzz_date          reg_valid_until;                  /* registrations: REG-2 */
	bool              training;                         /* a training database */
};

/* The facts of the accepted application with this receipt number (clerk,
 * supervisor or admin; the read is audited as `receipt_read`).
 * SERVICE_ERR_NOT_FOUND for an unknown number. */
enum service_status service_paper_receipt_facts(struct service *s, const struct service_actor *a,
                                                const char *receipt_no, jzz_date today,
                                                struct service_paper_facts *out);
/* The facts of any application by its id (same roles; audited as
 * `notice_read`). */
enum service_status service_paper_application_facts(struct service *s,
                                                    const struct service_actor *a,
                                                    const char *application_id, jzz_date today,
                                                    struct service_paper_facts *out);
/* The agent of the case the terminal holds (kind, ID number masked). */
void service_paper_facts_agent(struct service_paper_facts *f, const struct jzz_case *c);

/* The receipt (回执) of accepted facts: its title by business. */
void service_paper_receipt(const struct service_paper_facts *f, enum rules_lang lang,
                           struct paper *out);
/* The one-time notice (一次性告知书) of a refused or incomplete application:
 * every failed and missing rule with its message, documents and citation. */
void service_paper_notice(const struct service_paper_facts *f, enum rules_lang lang,
                          struct paper *out);
/* The supervisor's daily sheet of a report (service_report of one day). */
void service_paper_daily(struct service *s, const struct service_report *r,
                         enum rules_lang lang, struct paper *out);

/* Where papers are kept: receipts and notices in $JZZ_RECEIPT_DIR, else
 * "receipts" beside the database file `db` (NULL or a PostgreSQL store:
 * beside the default file, ~/.local/share/jzz/); daily sheets (`reports`)
 * in $JZZ_EXPORT_DIR, else "reports" beside it. False
 * (out "") when the folder's path does not fit in size. */
bool service_paper_dir(const char *db, bool reports, char *out, size_t size);

#endif
