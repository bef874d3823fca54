/*
 * store.h: the database of jzz (a SQLite file, or a PostgreSQL store shared
 * by many centres), and the ONLY code that speaks SQL.
 *
 * Why this boundary: every statement is prepared from a constant string in
 * src/store/ with its values bound, never built from text, so that a name
 * or an address typed at the counter can never become SQL; and the service
 * layer above reasons in records (a person, a permit, a card) rather than in
 * rows and cursors.
 *
 * The store does not decide anything: it reads and writes rows. Transactions
 * are opened by the service layer (store_begin), which makes each business
 * all-or-nothing. Every function returns an enum store_rc; on STORE_ERR the
 * message is in store_errmsg(). STORE_BUSY means "another process holds the
 * database beyond the busy timeout": the caller rolls back and tries again.
 */
#ifndef JZZ_STORE_H
#define JZZ_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jzz/calendar.h"
#include "jzz/case.h"
#include "jzz/date.h"
#include "jzz/rules.h"

/* The schema version this program writes (PRAGMA user_version). */
#define STORE_SCHEMA_VERSION 11

#define STORE_UUID_LEN    37
#define STORE_CENTRE_LEN  10
#define STORE_RECEIPT_LEN 32
#define STORE_TEXT_LEN    256

enum store_rc {
	STORE_OK = 0,
	STORE_NOTFOUND,
	STORE_BUSY,
	STORE_ERR,
	STORE_VERSION,   /* schema newer than this program */
	STORE_EXISTS,    /* store_open(create) on a file that holds data */
};

struct store;

/* Opening: `create` makes a new file (refused if anything but an empty
 * file is at path; built at a temporary name, see store_publish);
 * otherwise the file must exist and be a jzz database, migrated up to
 * STORE_SCHEMA_VERSION. WAL mode, foreign keys, busy timeout are set. */
enum store_rc store_open(const char *path, bool create, struct store **out,
                         char *err, size_t errlen);
void          store_close(struct store *st);
/* For a handle of store_open(create): closes it and, when ok, puts the new
 * file in place (STORE_EXISTS if something else appeared there); else
 * removes the temporary file. */
enum store_rc store_publish(struct store *st, bool ok);
const char   *store_errmsg(const struct store *st);
/* The engine serving the handle: "sqlite" or "postgresql". */
const char   *store_engine(const struct store *st);
/* Whether the store's server cannot be reached now (after a failure: the
 * link broke and could not be made again); always false for a file. */
bool          store_link_lost(const struct store *st);
/* The audit key file init makes for target when none is configured:
 * "FILE.key" beside a SQLite file; for a PostgreSQL store a file under
 * ${XDG_CONFIG_HOME:-~/.config}/jzz/ named after the server and database. */
bool          store_default_key_path(const char *target, char *buf, size_t size);
/* Whether target names a SQLite file (not a server's connection). */
bool          store_target_is_file(const char *target);
/* Whether a store is there: a SQLite file that is not empty, or a
 * PostgreSQL schema jzz with tables (a server that cannot be reached: no). */
bool          store_target_exists(const char *target);

/* For tests of migrations: opens without migrating, builds the schema of
 * exactly `version` on an empty file, or migrates to `version`. */
enum store_rc store_open_raw(const char *path, struct store **out, char *err, size_t errlen);
enum store_rc store_build_version(struct store *st, int version);
enum store_rc store_migrate_to(struct store *st, int version);
int           store_user_version(struct store *st);

/* Transactions (BEGIN IMMEDIATE: the write lock is taken at once, so two
 * counters never both read then both write). */
enum store_rc store_begin(struct store *st);
enum store_rc store_commit(struct store *st);
void          store_rollback(struct store *st);

/* A new random (v4) UUID, lower-case. */
void store_uuid(char out[STORE_UUID_LEN]);
/* Wall-clock time, ISO 8601 UTC, for created_at columns and the audit log. */
void store_now(char out[32]);

/* ---- meta, centres, users, calendar ---- */
enum store_rc store_meta_get(struct store *st, const char *key, char *buf, size_t size);
enum store_rc store_meta_set(struct store *st, const char *key, const char *value);

struct store_place {
	bool kiosk;
	char code[STORE_CENTRE_LEN];
	char name_zh[STORE_TEXT_LEN];
	char address_zh[STORE_TEXT_LEN];
};
/* Centres then kiosks; *out is malloc'd. */
enum store_rc store_places(struct store *st, struct store_place **out, size_t *n);

/* Saves every listed day and loaded year of cal (upsert). */
enum store_rc store_calendar_save(struct store *st, const struct calendar *cal);
enum store_rc store_calendar_load(struct store *st, struct calendar *cal);

/* ---- persons ---- */
struct store_person {
	char     id[STORE_UUID_LEN];
	char     id_number[19];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	bool     hukou_shanghai;
	jzz_date birth;
	char     address[STORE_TEXT_LEN];
};
enum store_rc store_person_by_idnum(struct store *st, const char *id_number, struct store_person *out);
enum store_rc store_person_by_id(struct store *st, const char *id, struct store_person *out);
enum store_rc store_person_insert(struct store *st, const struct store_person *p);
enum store_rc store_person_update(struct store *st, const struct store_person *p);

/* ---- registrations ---- */
struct store_registration {
	char     id[STORE_UUID_LEN];
	char     person_id[STORE_UUID_LEN];
	char     application_id[STORE_UUID_LEN];
	jzz_date registered_on;
	jzz_date valid_until;
	char     centre[STORE_CENTRE_LEN];
	enum jzz_tenure    tenure;
	enum jzz_use       use;
	enum jzz_leased_to leased_to;
};
enum store_rc store_registration_latest(struct store *st, const char *person_id,
                                        struct store_registration *out);
enum store_rc store_registration_insert(struct store *st, const struct store_registration *r);

/* ---- permits and cards ---- */
struct store_permit {
	char     id[STORE_UUID_LEN];
	char     person_id[STORE_UUID_LEN];
	char     application_id[STORE_UUID_LEN];
	char     centre[STORE_CENTRE_LEN];
	bool     cancelled;
	jzz_date first_issued_on, valid_from, valid_until, residence_since;
	jzz_date cancelled_on;
	char     cancel_reason[32];
	char     cancel_note[STORE_TEXT_LEN];
};
/* The permit not cancelled, else (when `or_cancelled`) the latest cancelled. */
enum store_rc store_permit_current(struct store *st, const char *person_id, bool or_cancelled,
                                   struct store_permit *out);
enum store_rc store_permit_insert(struct store *st, const struct store_permit *p);
enum store_rc store_permit_set_validity(struct store *st, const char *id, jzz_date valid_until,
                                        jzz_date residence_since);
enum store_rc store_permit_cancel(struct store *st, const char *id, jzz_date day,
                                  const char *reason, const char *note);

/* Card states as stored; production stages are computed from dates. */
enum store_card_state { STORE_CARD_ORDERED, STORE_CARD_RECEIVED, STORE_CARD_PICKED_UP,
	STORE_CARD_POSTED, STORE_CARD_VOID, STORE_CARD__COUNT };

struct store_card {
	char     id[STORE_UUID_LEN];
	char     permit_id[STORE_UUID_LEN];
	char     application_id[STORE_UUID_LEN];
	char     receipt_no[STORE_RECEIPT_LEN];
	enum jzz_business business;
	char     centre[STORE_CENTRE_LEN];
	enum jzz_delivery delivery;
	enum store_card_state state;
	jzz_date accepted_on, transferred_on, reviewed_on, ready_on;
	jzz_date received_on, notice_due_on, handed_on, printed_valid_until;
};
/* The latest card of a permit that is not void. */
enum store_rc store_card_latest(struct store *st, const char *permit_id, struct store_card *out);
enum store_rc store_card_insert(struct store *st, const struct store_card *c);
/* Moves a card to `state`, with the dates that go with it (NONE: unchanged). */
enum store_rc store_card_set_state(struct store *st, const char *id, enum store_card_state state,
                                   jzz_date received_on, jzz_date notice_due_on, jzz_date handed_on);
enum store_rc store_card_set_printed(struct store *st, const char *id, jzz_date printed_valid_until);

/* ---- applications ---- */
struct store_application {
	char     id[STORE_UUID_LEN];
	jzz_date day;
	char     centre[STORE_CENTRE_LEN];
	char     user[64];
	enum jzz_business business;
	enum jzz_channel  channel;
	char     id_number[CASE_ID_MAX];
	char     name[CASE_NAME_MAX];
	char     person_id[STORE_UUID_LEN];   /* "" when none */
	bool     address_changed;
	char     receipt_no[STORE_RECEIPT_LEN];/* "" when none */
	const char *decision_json;            /* the decision object as printed */
	const char *request_id;               /* NULL or "": none */
};
/* Writes the application and its rule outcomes. */
enum store_rc store_application_insert(struct store *st, const struct store_application *a,
                                       const struct jzz_decision *d);
/* Next receipt number of a centre on a day: CENTRE-YYYYMMDD-NNNN. */
enum store_rc store_receipt_next(struct store *st, const char *centre, jzz_date day,
                                 char out[STORE_RECEIPT_LEN]);
/* True when an application reporting a changed address, or an accepted
 * change of address, was recorded for the person after `since` (ENDO-5). */
enum store_rc store_address_changed_since(struct store *st, const char *person_id,
                                          const char *id_number, jzz_date since, bool *out);

struct store_app_row {
	char     id[STORE_UUID_LEN];
	jzz_date day;
	char     at[32];
	enum jzz_business business;
	enum jzz_channel  channel;
	enum verdict      verdict;
	char     receipt_no[STORE_RECEIPT_LEN];
	char     centre[STORE_CENTRE_LEN];
	char     user[64];
	int      fee_yuan;
	char     failed[STORE_TEXT_LEN];
	jzz_docset missing_docs;   /* OR of the docs of the missing rules  */
};
/* Every application of an ID number, newest first; *out malloc'd. */
enum store_rc store_applications_of(struct store *st, const char *id_number,
                                    struct store_app_row **out, size_t *n);
/* The application a submit named `request_id` made: its id, receipt ("" when
 * none) and decision object as printed (malloc'd). NOTFOUND when none. */
enum store_rc store_application_by_request(struct store *st, const char *request_id,
                                           char id[STORE_UUID_LEN],
                                           char receipt_no[STORE_RECEIPT_LEN], char **json);

/* One application as its papers (receipt, notice) tell it
 * (store_paper.c): the row, its rule outcomes in catalogue order (into
 * decision.results, with verdict, fees, ready_on, new_valid_until), and
 * what the business recorded beside it. */
struct store_paper_app {
	char     id[STORE_UUID_LEN];
	char     receipt_no[STORE_RECEIPT_LEN];   /* "" unless accepted */
	jzz_date day;
	char     centre[STORE_CENTRE_LEN];
	char     user[64];
	enum jzz_business business;
	enum jzz_channel  channel;
	char     id_number[CASE_ID_MAX];
	char     name[CASE_NAME_MAX];
	char     person_id[STORE_UUID_LEN];           /* "" when the ID number was invalid */
	struct jzz_decision decision;
	bool     has_card;
	enum jzz_delivery delivery;
	jzz_date transferred_on, reviewed_on;
	char     fee_receipt_no[CASE_WORD_MAX];
	bool     has_change;
	enum jzz_change_field change_field;
	jzz_date changed_on;
	char     change_old[CASE_TEXT_MAX];
	char     change_new[CASE_TEXT_MAX];
	jzz_date reg_valid_until;                 /* NONE unless a registration was made */
	bool     residence_years_reset;           /* an endorsement's ENDO-3 */
};
/* By receipt number (`by_receipt`) or by application id. NOTFOUND when none. */
enum store_rc store_paper_app_get(struct store *st, const char *key, bool by_receipt,
                                  struct store_paper_app *out);

/* ---- other business records ---- */
enum store_rc store_fee_insert(struct store *st, const char *application_id, const char *kind,
                               int amount_yuan, const char *fee_receipt_no, const char *collected_by);
enum store_rc store_change_insert(struct store *st, const char *id, const char *person_id,
                                  const char *application_id, enum jzz_change_field field,
                                  jzz_date changed_on, const char *old_value,
                                  const char *new_value, bool late);
enum store_rc store_endorsement_insert(struct store *st, const char *id, const char *permit_id,
                                       const char *application_id, const char *kind, jzz_date day,
                                       jzz_date old_valid_until, jzz_date new_valid_until,
                                       const char *outcome, const char *reason, bool reset);
/* True when a fee already carries this unified fee receipt number (定额收据号;
 * compared without surrounding blanks and ASCII case): a receipt-book number
 * is used once. */
enum store_rc store_fee_receipt_used(struct store *st, const char *fee_receipt_no, bool *out);
/* True when the batch already handled the permit for this valid_until. */
enum store_rc store_auto_endorse_done(struct store *st, const char *permit_id,
                                      jzz_date valid_until, bool *out);

enum store_rc store_sms_queue(struct store *st, const char *person_id, const char *phone,
                              const char *kind, const char *body, const char *ref_id,
                              jzz_date queued_on, jzz_date due_on);
struct store_sms_row {
	long     id;
	char     person_id[STORE_UUID_LEN];
	char     phone[CASE_PHONE_MAX];
	char     kind[32];
	char     body[STORE_TEXT_LEN * 2];
	jzz_date queued_on, due_on;
};
enum store_rc store_sms_pending(struct store *st, struct store_sms_row **out, size_t *n);
enum store_rc store_sms_mark_sent(struct store *st, long id, jzz_date day);

/* ---- queues and reports ---- */
struct store_queue_row {
	char     person_id[STORE_UUID_LEN];
	char     id_number[19];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	char     permit_id[STORE_UUID_LEN];
	char     card_id[STORE_UUID_LEN];
	jzz_date date, due_on;
	bool     flag;     /* RECEIVED: notice still unsent */
};
enum store_queue_kind { STORE_QUEUE_MADE, STORE_QUEUE_RECEIVED, STORE_QUEUE_WINDOW };
enum store_rc store_queue(struct store *st, enum store_queue_kind kind, const char *centre,
                          jzz_date today, struct store_queue_row **out, size_t *n);

/* Active permits whose valid_until is in [from, to]: person and permit ids. */
struct store_permit_ref {
	char permit_id[STORE_UUID_LEN];
	char person_id[STORE_UUID_LEN];
};
enum store_rc store_permits_expiring(struct store *st, jzz_date from, jzz_date to,
                                     struct store_permit_ref **out, size_t *n);

struct store_daily {
	int applications;
	int by_business[BIZ__COUNT][VERDICT__COUNT];
	int fees_yuan, cod_fees_yuan, overdue_notices, cards_received, cards_handed;
};
enum store_rc store_report_daily(struct store *st, const char *centre, jzz_date day,
                                 struct store_daily *out);

/*
 * The supervisors' report (store_report.c): one query per section, over the
 * applications of the days [from, to] at one centre (NULL: every centre),
 * or, for the lists of persons, the records as they stand on `to`. Each row
 * is handed to fn as text columns t[] and numbers n[] (the order is given
 * with each query); the service layer turns them into its report. The
 * lists of persons, which grow with the city (marked paged), give their rows [offset, offset + limit) and their whole length (a query
 * of its own, _TOTAL, or a column of every row); the others are whole
 * (offset, limit unused).
 */
enum store_report_query {
	STORE_REPORT_APPLICATIONS, /* t: business, decision, user, centre; n: count, fees, cod fees
	                              (one row per group of the four) */
	STORE_REPORT_FEES,         /* t: day, centre, user, receipt_no, fee_receipt_no, business,
	                              kind, id_number, name; n: amount; paged, by day and
	                              receipt (its length: TALLIES) */
	STORE_REPORT_RULES,        /* t: rule, outcome; n: how many times (the rules not
	                              passed) */
	STORE_REPORT_DOCS,         /* n: applications lacking the document, its bit
	                              (DOCBIT) in a jzz_docset */
	STORE_REPORT_TALLIES,      /* n: fee lines (the ledger's length), cards received, cards
	                              handed over, refusals of the batch standing (AUTO_FAILED's
	                              length) */
	STORE_REPORT_OVERDUE_TOTAL, /* n: pickup notices overdue on `to` (the whole list's length) */
	STORE_REPORT_OVERDUE,      /* t: centre, id_number, name, phone, received_on, due_on;
	                              paged, oldest due first */
	STORE_REPORT_WINDOW,       /* t: centre, id_number, name, phone, valid_until; n: the whole
	                              list's length (on every row); paged */
	STORE_REPORT_SUSPENDED,    /* t: centre, id_number, name, phone, valid_until; n: the whole
	                              list's length (on every row); paged */
	STORE_REPORT_AUTO_FAILED,  /* t: centre, id_number, name, phone, valid_until, reason, day;
	                              paged, by day and valid_until (its length: TALLIES) */
	STORE_REPORT__COUNT
};
struct store_report_row {
	const char *t[10];
	long long   n[4];
};
enum store_rc store_report_query(struct store *st, enum store_report_query q, const char *centre,
                                 jzz_date from, jzz_date to, long offset, int limit,
                                 void (*fn)(void *arg, const struct store_report_row *r),
                                 void *arg);

/* ---- audit log ---- */
struct store_audit_entry {
	jzz_date    day;
	const char *user, *role, *centre, *action, *subject, *reason;
};
/* Appends one entry chained to the last, MAC'd under the audit key and
 * binding the digests of the rows written since the transaction began
 * (call inside a transaction). */
enum store_rc store_audit_append(struct store *st, const struct store_audit_entry *e);
/* The key of the audit MACs (32 bytes), read by the caller from the key file. */
void          store_set_audit_key(struct store *st, const uint8_t *key, size_t len);
/* Marks from which entry on the MAC holds (the next one); complete when
 * the file is new (every record written under the key). In a transaction. */
enum store_rc store_audit_mark(struct store *st, bool from_start, bool complete);
/* Has the file been marked (a file of schema v5, or migrated and keyed)? */
bool          store_audit_marked(struct store *st);
/* Was the mark made under the key now set? false when there is no mark,
 * no key, or the key of another file. */
bool          store_audit_key_matches(struct store *st);
/* The newest entry: its seq and MAC (hex, 65 bytes). NOTFOUND when empty. */
enum store_rc store_audit_head(struct store *st, long long *seq, char mac[65]);
struct store_audit_result {
	long long entries;
	long long first_broken;   /* 0 when whole */
	char      reason[256];
};
/* Walks the chain, the guards, the rows the entries bound and, with
 * head_seq > 0, the head recorded before. */
enum store_rc store_audit_verify(struct store *st, long long head_seq, const char *head_mac,
                                 struct store_audit_result *out);

/* ---- accounts, settings, the database's mode (store_accounts.c) ---- */
struct store_account {
	char    name[64];
	char    role[16];
	char    centre[STORE_CENTRE_LEN];  /* "" when none */
	bool    has_password;
	bool    must_change;               /* the password is a temporary one: it serves once */
	bool    disabled;
	int     failed_logins;
	int64_t locked_until;              /* seconds since the epoch; 0 when not locked */
	int64_t session_gen;               /* grows at every disable, lock, reset, new password */
	char    created_at[32];
	char    password_set_at[32];       /* "" when never set */
};
/* The reserved account of the database's owner (schema v5): it acts for
 * the owner in the records and never logs in (it has no password). */
#define STORE_OWNER_ACCOUNT "owner"

enum store_rc store_account_get(struct store *st, const char *name, struct store_account *out);
/* Every account but the owner's, by name; *out malloc'd. */
enum store_rc store_accounts(struct store *st, struct store_account **out, size_t *n);
/* A new account with a (temporary when must_change) password hash. */
enum store_rc store_account_add(struct store *st, const char *name, const char *role,
                                const char *centre, const char *hash, bool must_change);
/* The stored hash ("" when none). */
enum store_rc store_account_hash(struct store *st, const char *name, char *buf, size_t size);
/* Sets the password (temporary when must_change); the failures and the
 * lock are cleared and the sessions opened before end. */
enum store_rc store_account_set_password(struct store *st, const char *name, const char *hash,
                                         bool must_change);
/* Disabling and enabling both end the sessions opened before. */
enum store_rc store_account_set_disabled(struct store *st, const char *name, bool disabled);
/* A lock (locked_until > 0) ends the sessions opened before. */
enum store_rc store_account_set_failures(struct store *st, const char *name, int failed,
                                         int64_t locked_until);
/* Failed logins of a name that is no account (login_attempts): *failed 0
 * and *locked_until 0 when none. */
enum store_rc store_login_attempts_get(struct store *st, const char *name, int *failed,
                                       int64_t *locked_until);
enum store_rc store_login_attempts_set(struct store *st, const char *name, int failed,
                                       int64_t locked_until);

/* Settings (idle_minutes, db_mode, work_day): STORE_NOTFOUND when unset. */
enum store_rc store_setting_get(struct store *st, const char *key, char *buf, size_t size);
/* value NULL removes the setting. */
enum store_rc store_setting_set(struct store *st, const char *key, const char *value);

/* The mark in the file's header (PRAGMA application_id). A file made before
 * the mark existed is UNMARKED, and counts as production. */
enum store_db_kind { STORE_DB_UNMARKED, STORE_DB_PRODUCTION, STORE_DB_TRAINING, STORE_DB_OTHER,
                     STORE_DB_REHEARSAL };
enum store_rc store_db_kind_get(struct store *st, enum store_db_kind *out);
/* Marks the file (header and settings.db_mode); inside a transaction. */
enum store_rc store_db_kind_set(struct store *st, enum store_db_kind kind);

/* Training only: removes every record, account and audit entry, keeping the
 * centres, the calendar and the settings (one transaction, the caller's). */
enum store_rc store_training_wipe(struct store *st);

/* Replaces the days of `year` with those of cal (the days cal lists in
 * other years are upserted as store_calendar_save does). */
enum store_rc store_calendar_replace_year(struct store *st, int year, const struct calendar *cal);

/* ---- addresses, agents, postal deliveries, look-ups (store_address.c) ---- */
struct store_address_row {
	jzz_date           valid_from;
	char               application_id[STORE_UUID_LEN];
	struct jzz_address a;
	char               recorded_at[32];
};
/* A person's address from `valid_from`, recorded by an application. */
enum store_rc store_address_insert(struct store *st, const char *person_id,
                                   const char *application_id, jzz_date valid_from,
                                   const struct jzz_address *a);
/* Every address of a person, the latest valid_from first (*out malloc'd). */
enum store_rc store_addresses_of(struct store *st, const char *person_id,
                                 struct store_address_row **out, size_t *n);
/* The address valid on `day` (the latest valid_from on or before it). */
enum store_rc store_address_on(struct store *st, const char *person_id, jzz_date day,
                               struct store_address_row *out);
/* True when `street` is the code of one of the centres (streets/towns). */
enum store_rc store_street_known(struct store *st, const char *street, bool *out);

struct store_road { char road[ADDRESS_ROAD_MAX]; };
/* Distinct roads of the recorded addresses beginning with `prefix` (in
 * `district`, or every district when NULL), by road, at most `max`. */
enum store_rc store_roads(struct store *st, const char *district, const char *prefix, int max,
                          struct store_road **out, size_t *n);

struct store_agent {
	enum jzz_agent_kind kind;
	char relation[CASE_WORD_MAX];
	char name[CASE_NAME_MAX];
	char id_number[CASE_ID_MAX];
};
enum store_rc store_agent_insert(struct store *st, const char *application_id,
                                 const struct store_agent *g);
enum store_rc store_agent_of(struct store *st, const char *application_id, struct store_agent *out);
enum store_rc store_delivery_insert(struct store *st, const char *application_id,
                                    const char *address);
enum store_rc store_delivery_of(struct store *st, const char *application_id, char *buf,
                                size_t size);

/* A pickup notice of a card given by phone (PERMIT-3), once per card. */
enum store_rc store_card_notice_insert(struct store *st, const char *card_id, jzz_date day,
                                       const char *user);

/* Persons whose name is `name`, by birth date (at most `max`). */
enum store_rc store_persons_by_name(struct store *st, const char *name, int max,
                                    struct store_person **out, size_t *n);

/* An application as the look-ups list it. */
struct store_app_ref {
	char     id[STORE_UUID_LEN];
	jzz_date day;
	char     at[32];
	enum jzz_business business;
	enum verdict      verdict;
	char     receipt_no[STORE_RECEIPT_LEN];
	char     centre[STORE_CENTRE_LEN];
	char     user[64];
	char     id_number[CASE_ID_MAX];
	char     name[CASE_NAME_MAX];
};
enum store_rc store_application_by_receipt(struct store *st, const char *receipt_no,
                                           struct store_app_ref *out);
/* The applications of `day` at `centre`, of `user` only when not NULL, in
 * the order they were made (*out malloc'd). */
enum store_rc store_applications_on(struct store *st, const char *centre, const char *user,
                                    jzz_date day, struct store_app_ref **out, size_t *n);

/* ---- owner, integrity, backup ---- */
/* Is this process the database's owner (the file's owner, or root)? */
enum store_rc store_is_owner(struct store *st, bool *out);
/* PRAGMA integrity_check said "ok". */
enum store_rc store_integrity_ok(struct store *st, bool *ok);
/* An online copy into the new file `dest` (made 0600, refused if anything
 * is there): written at a temporary name beside it, synced, then linked
 * into place, so that no partial file is ever left at dest. */
enum store_rc store_backup(struct store *st, const char *dest);

/* Raw access for tests only: runs one constant SQL text. */
enum store_rc store_exec_for_tests(struct store *st, const char *sql);

#endif
