/*
 * service.h: the businesses of the counter, one function each, over the
 * database. This is the ONLY interface the screens (src/ui) and the commands
 * (src/cli) use to reach the records: they never see SQL, the store or a
 * transaction.
 *
 * Why a layer of its own: a business is "load the facts, run the rules,
 * write the records" and must be all-or-nothing. Each function below does
 * exactly that inside one database transaction (BEGIN IMMEDIATE), retries
 * when another counter holds the database (callers never see SQLITE_BUSY),
 * checks the actor's role, and appends the audit entry in the same
 * transaction, so that no caller can forget one of those steps.
 *
 * Conventions:
 *  - Every function returns an enum service_status; SERVICE_OK is 0. On any
 *    other value nothing was written and service_errmsg() says why, in one
 *    line (English, for logs and stderr).
 *  - `today` is the day of work (--today, JZZ_TODAY, or the real date). In
 *    a business function JZZ_DATE_NONE means "the case's own today".
 *  - Strings in results are NUL-terminated UTF-8; "" means none. Dates are
 *    jzz_date; JZZ_DATE_NONE means none.
 *  - Results that hold lists are allocated: free them with the matching
 *    *_free function (safe on a zeroed struct).
 *  - A handle is not shared between threads; each process or thread opens
 *    its own (many processes may share one database file).
 *
 * This header is stable: new functions and new trailing fields may be
 * added, existing ones do not change.
 */
#ifndef JZZ_SERVICE_H
#define JZZ_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "jzz/case.h"
#include "jzz/date.h"
#include "jzz/rules.h"

/* ------------------------------------------------------------------ */
/* Sizes                                                               */

#define SERVICE_UUID_LEN     37   /* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" + NUL */
#define SERVICE_CENTRE_LEN   10   /* 9-digit statistical code + NUL */
#define SERVICE_RECEIPT_LEN  32   /* "310105009-20261127-0001" + NUL */
#define SERVICE_USER_LEN     64
#define SERVICE_IDNUM_LEN    19   /* normalised 18-character ID number + NUL */
#define SERVICE_TEXT_LEN     256
#define SERVICE_ERR_LEN      256

/* ------------------------------------------------------------------ */
/* Status                                                              */

enum service_status {
	SERVICE_OK = 0,
	SERVICE_ERR_DB,        /* the database failed (I/O, corrupt, full) */
	SERVICE_ERR_DENIED,    /* the actor's role may not do this */
	SERVICE_ERR_NOT_FOUND, /* no such person, user, card, centre... */
	SERVICE_ERR_INVALID,   /* an argument is not acceptable (bad code, missing reason) */
	SERVICE_ERR_STATE,     /* the records do not allow it now (no card awaiting pickup...) */
	SERVICE_ERR_EXISTS,    /* service_init on a file that already holds data */
	SERVICE_ERR_VERSION,   /* the file's schema is newer than this program */
	SERVICE_ERR_NOMEM,
	SERVICE_ERR_SESSION,   /* the actor's session ended (account disabled, locked, reset): log in again */
	SERVICE_ERR_BUSY,      /* another writer held the database past the bounded wait */
	SERVICE_ERR__COUNT
};

/* A short code for a status ("denied", "not_found"...). */
const char *service_status_code(enum service_status st);

/* ------------------------------------------------------------------ */
/* The handle                                                          */

struct service;

/*
 * The default database path: $XDG_DATA_HOME/jzz/jzz.db, else
 * ~/.local/share/jzz/jzz.db. Writes it into buf; returns false when no home
 * is known or it does not fit.
 */
bool service_default_path(char *buf, size_t size);
/* Whether the --db text names a SQLite file (not a PostgreSQL server). */
bool service_db_is_file(const char *db);
/* Whether a store is at db already (a file that is not empty, a schema
 * that holds tables). */
bool service_db_exists(const char *db);

/*
 * Creates a new database at `path` (NULL: the default path, its folder made
 * if needed): the schema, the centres and kiosks, the holiday calendar from
 * every *.json of `holidays_dir` (service_holidays_load: a folder that cannot
 * be read or a bad file fails the creation; NULL: none, counts are then
 * provisional, CAL-1), the audit key file, and the account `admin` (role admin) with a
 * temporary password. `centre` is the code of the centre this database acts
 * for by default. Refuses (SERVICE_ERR_EXISTS) a path that holds anything
 * but an empty file, and leaves whatever was there as it was: the database
 * is built at a temporary name beside `path` and renamed into place only
 * when whole. err receives the reason on failure.
 */
struct service_init_opts {
	const char          *centre;
	const char          *holidays_dir;     /* NULL: no calendar */
	int                  mode;             /* enum service_db_mode */
	const char          *admin_password;   /* NULL: one is made */
	const char          *audit_key;        /* NULL: see service_audit_key_path */
	char                 admin_password_out[64];  /* the temporary password given or made */
};
enum service_status service_create(const char *path, struct service_init_opts *o,
                                   char *err, size_t errlen);
/* service_create of a production database with a made password. */
enum service_status service_init(const char *path, const char *centre,
                                 const char *holidays_dir,
                                 char *err, size_t errlen);

/*
 * Opens an existing database (NULL: the default path), migrating an older
 * schema to the current one first. Returns NULL with err filled on failure
 * (no such file, not a jzz database, newer schema).
 */
struct service *service_open(const char *path, char *err, size_t errlen);
void            service_close(struct service *s);

/* The reason for the last failure on this handle (one line). */
const char *service_errmsg(const struct service *s);
/* After a failure: whether the database server could not be reached (a
 * connection refused, lost and not made again, or lost at COMMIT, which the
 * message then says). Always false for a file. The status stays
 * SERVICE_ERR_DB (exit 1); this lets a screen say "the database cannot be
 * reached" rather than "busy" or a fault of the records. */
bool        service_unreachable(const struct service *s);


/* ------------------------------------------------------------------ */
/* Actors and roles                                                    */

enum service_role {
	SERVICE_ROLE_CLERK,      /* businesses, card actions, look-ups, queues */
	SERVICE_ROLE_SUPERVISOR, /* + cancellation, reports, batches, audit */
	SERVICE_ROLE_TRAINER,    /* look-ups and queues only: writes nothing */
	SERVICE_ROLE_ADMIN,      /* everything, + users and calendars */
	SERVICE_ROLE__COUNT
};

const char *service_role_code(enum service_role r);  /* "clerk"... */
int         service_role_from_code(const char *code); /* -1 when unknown */

/*
 * Who does something, where. Every function that reads or writes records
 * takes one and records it in the audit log.
 *
 * An actor exists only when the service issued it: by a login
 * (service_login) or by the owner check (service_actor_owner). `session` is
 * the service's mark of that; a struct filled in by a caller has none and
 * is refused (SERVICE_ERR_SESSION). At every act the service reads the
 * account again: a session ends when its account was disabled, locked,
 * reset or given a new password since it began.
 */
struct service_actor {
	char              user[SERVICE_USER_LEN];
	enum service_role role;
	char              centre[SERVICE_CENTRE_LEN];
	uint64_t          session;    /* issued by the service; never set by a caller */
};

/*
 * The database's owner: the operating-system account that owns the SQLite
 * file, or root. It acts as the reserved account `owner` (role admin) at
 * `centre` (NULL: the home centre). SERVICE_ERR_DENIED for anyone else.
 */
enum service_status service_actor_owner(struct service *s, const char *centre,
                                        struct service_actor *out);

/*
 * The owner acting in the name of an account (`user`, at `centre`, NULL:
 * the account's own, else the home centre): for batches, tests and the
 * trainer's scenarios. `owner` must be an actor of service_actor_owner;
 * anyone else is refused. The account must be usable (enabled, not locked).
 */
enum service_status service_actor_as(struct service *s, const struct service_actor *owner,
                                     const char *user, const char *centre,
                                     struct service_actor *out);

/* Does the actor still hold (SERVICE_ERR_SESSION when its session ended)?
 * The check every service function makes first. */
enum service_status service_actor_valid(struct service *s, const struct service_actor *a);

/* Ends a session (logging out): the actor is refused from then on. */
void service_actor_end(struct service *s, const struct service_actor *a);

/*
 * While service_tx waits for another writer, hook(arg) is called once after
 * about a second (the terminal says so to the clerk); after busy_ms in all
 * (0: 10 seconds) the act gives up with SERVICE_ERR_BUSY and nothing written.
 */
void service_set_busy(struct service *s, int busy_ms, void (*hook)(void *arg), void *arg);

/* How many times service_tx began a business again since the handle was
 * opened: the store was busy (SQLite: another writer kept the lock past the
 * busy handler's wait; PostgreSQL: a serialization failure or a deadlock),
 * what a benchmark of concurrent counters counts as conflicts retried. */
long service_tx_retries(const struct service *s);

/* A synthetic district (jzz seed) in a database just made, by its owner
 * (store_seed.h has the options and the figures). */
struct store_seed_opts;
struct store_seed_stats;
enum service_status service_seed(struct service *s, const struct service_actor *a,
                                 const struct store_seed_opts *o,
                                 struct store_seed_stats *out);

/* An account name is 1 to 32 of a-z A-Z 0-9 . _ - and not "owner". */
bool service_user_name_ok(const char *name);

/*
 * Adds an account (admin or owner) with a temporary password: `password`
 * (checked as any password), or NULL for one the service makes. The
 * password given or made is written to out (outlen >= 64). It serves once,
 * to set the account's own (service_password_change).
 */
enum service_status service_user_add(struct service *s, const struct service_actor *a,
                                     const char *user, enum service_role role,
                                     const char *centre, const char *password,
                                     char *out, size_t outlen);

/* ------------------------------------------------------------------ */
/* Centres                                                             */

enum service_place_kind { SERVICE_PLACE_CENTRE, SERVICE_PLACE_KIOSK };

struct service_place {
	enum service_place_kind kind;
	char code[SERVICE_CENTRE_LEN]; /* centre: its code; kiosk: the centre it reports to, or "" */
	char name_zh[SERVICE_TEXT_LEN];
	char address_zh[SERVICE_TEXT_LEN];  /* kiosks; "" for centres */
};

/* The 10 street/town centres of Changning, then the 3 self-service kiosks.
 * The array belongs to the handle (valid until service_close). */
const struct service_place *service_places(struct service *s, size_t *n);

/*
 * An application's number to read aloud: the first eight hex digits of its
 * UUID, upper case, in two groups (3F2A-9C01); "" for no UUID. The UUID
 * stays the application's key in every file (JSON, CSV, the store); this
 * is what a screen or a paper shows beside it (service_text.c says why).
 */
#define SERVICE_APP_SHORT_LEN 10
void service_app_short(const char *application_id, char out[SERVICE_APP_SHORT_LEN]);

/* True for the code of one of the centres. */
bool service_centre_valid(struct service *s, const char *code);
/* The name of a centre (虹桥街道), or the code itself when it is none of
 * the database's. */
const char *service_centre_name(struct service *s, const char *code);

/* ------------------------------------------------------------------ */
/* Businesses                                                          */

/*
 * What a business did. `decision` is the full decision of the rules (as
 * `jzz check` prints it). Every application gets an application_id, whatever
 * its decision; the other ids are set only when the decision is accept.
 */
struct service_result {
	struct jzz_decision decision;
	char application_id[SERVICE_UUID_LEN];
	char receipt_no[SERVICE_RECEIPT_LEN];  /* "" unless accepted */
	char person_id[SERVICE_UUID_LEN];      /* "" when the ID number is invalid */
	char record_id[SERVICE_UUID_LEN];      /* registration, card, endorsement, change... made; "" when none */
	char permit_id[SERVICE_UUID_LEN];      /* the permit concerned, when there is one */
	/* A retry (the case's request_id was committed before): nothing was
	 * written; `decision` is empty and replay_json is the decision object
	 * printed the first time (owned by the handle, valid until its next
	 * business). NULL otherwise. */
	const char *replay_json;
};

/*
 * One function per business. Each:
 *  - checks the actor's role (trainers may not write; cancellation needs a
 *    supervisor or admin) and that c->business is its own;
 *  - loads the applicant's facts from the store into the case (latest
 *    registration, current permit not cancelled), overwriting whatever the
 *    case held there;
 *  - runs rules_evaluate with the database's calendar;
 *  - in one transaction writes the application with its decision and rule
 *    outcomes, and, when accepted, the business records and a receipt number
 *    unique across the database (centre + day + sequence), and the audit
 *    entry.
 * The case is updated in place with the facts loaded (so a caller can show
 * them). A refused or incomplete case returns SERVICE_OK: the refusal is in
 * out->decision, not in the status.
 * SERVICE_ERR_STATE when the business cannot be carried out whatever the
 * rules say (pickup with no card waiting at the centre); nothing is written.
 */
typedef enum service_status service_business_fn(struct service *s,
    const struct service_actor *a, struct jzz_case *c, jzz_date today,
    struct service_result *out);

service_business_fn service_registration;
service_business_fn service_permit_new;
service_business_fn service_permit_new_fast;
service_business_fn service_permit_replace;
service_business_fn service_permit_replace_fast;
service_business_fn service_permit_reapply;
service_business_fn service_endorsement;
service_business_fn service_card_update;
service_business_fn service_info_change;
service_business_fn service_pickup;

/* PERMIT-10: why a permit is cancelled. */
enum service_cancel_reason {
	SERVICE_CANCEL_NOT_RESIDENT,    /* not_resident: 实际不在本市居住 */
	SERVICE_CANCEL_FALSE_MATERIALS, /* false_materials: 用虚假材料骗领 */
	SERVICE_CANCEL__COUNT
};
const char *service_cancel_reason_code(enum service_cancel_reason r);
int         service_cancel_reason_from_code(const char *code); /* -1 when unknown */

/* Cancellation (supervisor or admin only), with its reason and a note
 * (required, not empty). */
enum service_status service_cancellation(struct service *s, const struct service_actor *a,
                                         struct jzz_case *c, jzz_date today,
                                         enum service_cancel_reason reason,
                                         const char *note, struct service_result *out);

/*
 * A new request_id (case-format.md), for a caller that names its submits
 * itself, as the terminal names each filled form: the same name at every
 * F10 of the form makes a retry after an unknown outcome (the link lost at
 * COMMIT) print the stored decision instead of writing a second one.
 */
void service_request_id_new(char out[CASE_REQUEST_MAX]);

/*
 * Dispatches on c->business to the function above. A cancellation through
 * here returns SERVICE_ERR_INVALID (it needs its reason and note: call
 * service_cancellation).
 */
enum service_status service_submit(struct service *s, const struct service_actor *a,
                                   struct jzz_case *c, jzz_date today,
                                   struct service_result *out);

/*
 * Fills a case's applicant fields (name, phone, hukou) from the person's
 * record, for a screen that starts a business from a person's card. The case
 * is first reset with case_init; business, channel and today are set from
 * the arguments. SERVICE_ERR_NOT_FOUND when no such person.
 */
enum service_status service_case_for_person(struct service *s, const char *id_number,
                                            enum jzz_business business, jzz_date today,
                                            struct jzz_case *out);
/*
 * The same, and what else the records know that the form asks again: the
 * agent of the person's latest application (kind, relation, name, ID
 * number), when the business asks who comes for the applicant. For the
 * terminal's form, which shows it to be kept or changed; the command line
 * states its case whole.
 */
enum service_status service_case_known(struct service *s, const char *id_number,
                                       enum jzz_business business, jzz_date today,
                                       struct jzz_case *out);

/* ------------------------------------------------------------------ */
/* A person's card                                                     */

/* A permit's state on a day (PERMIT-9, -10). */
enum service_permit_state {
	SERVICE_PERMIT_NONE,       /* no permit */
	SERVICE_PERMIT_PROCESSING, /* accepted, its first card not yet made (today < valid_from) */
	SERVICE_PERMIT_VALID,      /* valid_from <= today <= valid_until */
	SERVICE_PERMIT_SUSPENDED,  /* past valid_until, not endorsed: 中止, never cancelled */
	SERVICE_PERMIT_CANCELLED,
	SERVICE_PERMIT__COUNT
};
const char *service_permit_state_code(enum service_permit_state st);

/* A card's stage (PERMIT-2, -3, -4, -5). Production stages are computed
 * from the milestone dates and the day; the others are clerks' actions. */
enum service_card_state {
	SERVICE_CARD_NONE,
	SERVICE_CARD_ACCEPTED,     /* accepted, materials not yet transferred */
	SERVICE_CARD_TRANSFERRED,  /* materials transferred (信息材料流转) */
	SERVICE_CARD_REVIEWED,     /* reviewed (审核) */
	SERVICE_CARD_MADE,         /* made (制证), not yet arrived at the centre */
	SERVICE_CARD_RECEIVED,     /* at the centre, awaiting pickup; notice due */
	SERVICE_CARD_PICKED_UP,
	SERVICE_CARD_POSTED,
	SERVICE_CARD_VOID,         /* replaced by a later card */
	SERVICE_CARD__COUNT
};
const char *service_card_state_code(enum service_card_state st);

struct service_registration_info {
	bool     present;
	char     id[SERVICE_UUID_LEN];
	jzz_date registered_on;
	jzz_date valid_until;          /* REG-2 */
	enum jzz_tenure tenure;
	char     centre[SERVICE_CENTRE_LEN];
};

struct service_permit_info {
	bool     present;              /* false: state NONE */
	char     id[SERVICE_UUID_LEN];
	enum service_permit_state state;
	jzz_date first_issued_on;
	jzz_date valid_from;
	jzz_date valid_until;
	jzz_date window_opens;         /* ENDO-2: valid_until - 30 */
	jzz_date grace_ends;           /* ENDO-3: valid_until + 60 */
	jzz_date residence_since;      /* residence years count from here (ENDO-3 reset) */
	jzz_date cancelled_on;
	char     cancel_reason[32];    /* "not_resident" | "false_materials" | "" */
	char     cancel_note[SERVICE_TEXT_LEN];
	char     centre[SERVICE_CENTRE_LEN];
};

struct service_card_info {
	bool     present;
	char     id[SERVICE_UUID_LEN];
	char     permit_id[SERVICE_UUID_LEN];
	char     application_id[SERVICE_UUID_LEN];
	char     receipt_no[SERVICE_RECEIPT_LEN];
	enum service_card_state state;
	enum jzz_business business;    /* the business that ordered it */
	enum jzz_delivery delivery;
	jzz_date accepted_on;
	jzz_date transferred_on, reviewed_on;  /* JZZ_DATE_NONE off the 15-day track */
	jzz_date ready_on;             /* made */
	jzz_date received_on;          /* arrived at the centre */
	jzz_date notice_due_on;        /* PERMIT-3: received + 2 working days */
	jzz_date handed_on;            /* picked up or posted */
	jzz_date printed_valid_until;  /* validity printed on the face (ENDO-6) */
	char     centre[SERVICE_CENTRE_LEN];
	char     holder_name[SERVICE_TEXT_LEN];
	char     holder_id_number[SERVICE_IDNUM_LEN];
	char     delivery_address[CASE_TEXT_MAX];   /* by post: where to; else "" */
};

/* One application, as the history shows it. */
struct service_history_entry {
	char     application_id[SERVICE_UUID_LEN];
	jzz_date day;
	char     at[32];               /* wall-clock time, ISO 8601 UTC */
	enum jzz_business business;
	enum jzz_channel  channel;
	enum verdict      verdict;
	char     receipt_no[SERVICE_RECEIPT_LEN];
	char     centre[SERVICE_CENTRE_LEN];
	char     user[SERVICE_USER_LEN];
	int      fee_yuan;
	char     failed[SERVICE_TEXT_LEN];   /* "REG-3 HOUSE-4", "" when none */
	char     missing[SERVICE_TEXT_LEN];  /* "id_card lease_filing_certificate" */
	/* who came for the applicant; "" when in person */
	char     agent_kind[16];             /* "guardian" | "relative" | "other" */
	char     agent_name[CASE_NAME_MAX];  /* "" when not given */
	char     agent_id_masked[SERVICE_IDNUM_LEN];
};

/* An address of a person, valid from a day (schema v6). */
struct service_address {
	jzz_date           valid_from;
	char               application_id[SERVICE_UUID_LEN];  /* the application that recorded it */
	struct jzz_address a;
	char               street_name[SERVICE_TEXT_LEN];     /* 虹桥街道 */
	char               text[ADDRESS_TEXT_MAX];            /* 仙霞路99弄12号301室 */
};

struct service_person {
	bool     found;
	char     id[SERVICE_UUID_LEN];
	char     id_number[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	char     address[SERVICE_TEXT_LEN];  /* from the last change of address, "" when none */
	jzz_date birth;
	bool     address_changed;            /* an address change since the latest registration (ENDO-5) */
	struct service_registration_info registration;   /* the latest */
	struct service_permit_info       permit;         /* the current one (a cancelled one if no other) */
	struct service_card_info         card;           /* the latest card of that permit */
	size_t   nhistory;                   /* every application of this ID number, newest first */
	struct service_history_entry *history;
	size_t   nopen;                      /* incomplete applications not yet followed by an accepted one of the same business */
	struct service_history_entry *open;
	bool     has_address;                /* an address is recorded, valid on `today` */
	struct service_address address_now;
	size_t   naddresses;                 /* every recorded address, the latest valid_from first */
	struct service_address *addresses;
};

/* The card of a person by ID number (normalised as ID-3 does). A person
 * with no record but applications (all refused) is found=false with the
 * history filled. Any role. */
enum service_status service_person_get(struct service *s, const struct service_actor *a,
                                       const char *id_number, jzz_date today,
                                       struct service_person *out);
void service_person_free(struct service_person *p);

/* ------------------------------------------------------------------ */
/* Work queues of a centre                                             */

enum service_queue_kind {
	SERVICE_QUEUE_CARDS_MADE,      /* cards made (ready_on <= today), not yet received at the centre */
	SERVICE_QUEUE_CARDS_RECEIVED,  /* cards at the centre awaiting pickup, with the notice due date */
	SERVICE_QUEUE_ENDORSE_WINDOW,  /* permits whose endorsement window is open (valid_until-30 .. +60) */
	SERVICE_QUEUE__COUNT
};

struct service_queue_item {
	char     person_id[SERVICE_UUID_LEN];
	char     id_number[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	char     permit_id[SERVICE_UUID_LEN];
	char     card_id[SERVICE_UUID_LEN];     /* "" for the endorsement queue */
	jzz_date date;      /* MADE: ready_on; RECEIVED: received_on; WINDOW: valid_until */
	jzz_date due_on;    /* RECEIVED: pickup notice due; WINDOW: grace ends; else NONE */
	bool     overdue;   /* RECEIVED: notice not sent by due_on; WINDOW: suspended */
};

struct service_queue {
	size_t n;
	struct service_queue_item *items;
};

/* The queue of the actor's centre on `today`, oldest first. Any role. */
enum service_status service_queue_get(struct service *s, const struct service_actor *a,
                                      enum service_queue_kind kind, jzz_date today,
                                      struct service_queue *out);
void service_queue_free(struct service_queue *q);

/* ------------------------------------------------------------------ */
/* Card actions (clerks)                                               */

/* True when a fee already carries this unified fee receipt number
 * (定额收据号). The business refuses a second use itself (SERVICE_ERR_INVALID);
 * this look-up lets the terminal say so at the field before F10. */
enum service_status service_fee_receipt_used(struct service *s, const struct service_actor *a,
                                             const char *fee_receipt_no, bool *used);

/* PERMIT-3: the person's made card has arrived at the actor's centre. Queues
 * the pickup SMS, due within 2 working days. SERVICE_ERR_STATE when no card
 * is ordered and awaited, or `today` is before its application was accepted
 * (cards arrive early: before their ready_on is allowed). `out` (may
 * be NULL) receives the card after the action. */
enum service_status service_card_received(struct service *s, const struct service_actor *a,
                                          const char *id_number, jzz_date today,
                                          struct service_card_info *out);

/* PERMIT-5: the card was posted (delivery post) instead of picked up. */
enum service_status service_card_posted(struct service *s, const struct service_actor *a,
                                        const char *id_number, jzz_date today,
                                        struct service_card_info *out);

/* Pickup is a business (PERMIT-4 checks the documents): service_pickup. */

/* ------------------------------------------------------------------ */
/* Public status query (962222-style: name + ID number)                */

struct service_status_info {
	bool     found;                  /* false also when the name does not match */
	enum jzz_business last_business;
	enum verdict      last_verdict;
	jzz_date last_day;
	enum service_card_state card_state;
	jzz_date ready_on;
	enum service_permit_state permit_state;
	jzz_date valid_until;
};

/* The progress query at the counter (a clerk, for the person in front of
 * them): both the name and the ID number must match. Audited as a read. */
enum service_status service_status_query(struct service *s, const struct service_actor *a,
                                         const char *id_number, const char *name,
                                         jzz_date today, struct service_status_info *out);

/* ------------------------------------------------------------------ */
/* Batches, reports, audit, backup (supervisor or admin)               */

struct service_batch_result {
	int examined;
	int endorsed;
	int not_endorsed;   /* address changed, or no phone */
	int sms_queued;
};

/*
 * ENDO-5: permits whose valid_until is within 30 days of `today` (inclusive),
 * not yet handled by the batch for that valid_until: endorsed (valid_until +
 * 1 year) when the address has not changed since the registration and the
 * holder has a phone; each outcome queues an SMS (none without a phone). One
 * transaction per permit, so an interrupted batch can simply be run again.
 */
enum service_status service_batch_auto_endorse(struct service *s, const struct service_actor *a,
                                               jzz_date today, struct service_batch_result *out);

struct service_report_daily {
	jzz_date day;
	char     centre[SERVICE_CENTRE_LEN];
	int      applications;
	int      by_business[BIZ__COUNT][VERDICT__COUNT];
	int      fees_yuan;           /* collected at the counter (PERMIT-6) */
	int      cod_fees_yuan;       /* paid to couriers (PERMIT-5), for information */
	int      overdue_notices;     /* PERMIT-3: pickup notices due before `day`, not sent */
	int      cards_received;      /* cards that arrived that day */
	int      cards_handed;        /* picked up or posted that day */
};

/* The applications submitted on `day` at `centre` (NULL: the actor's). */
enum service_status service_report_daily(struct service *s, const struct service_actor *a,
                                         const char *centre, jzz_date day,
                                         struct service_report_daily *out);

struct service_audit_check {
	bool   ok;
	long   entries;
	long   first_broken;          /* sequence number of the first bad entry, 0 when ok */
	char   reason[SERVICE_TEXT_LEN];
};

/*
 * Checks the audit log (supervisor, admin): every entry's MAC under the
 * audit key and its link to the one before, the append-only guard, the
 * rows the entries bound (a record edited or removed outside jzz shows)
 * and, with head_seq > 0, that the chain still holds the head recorded
 * before (`jzz audit head`): entry head_seq with MAC head_mac.
 */
enum service_status service_audit_verify(struct service *s, const struct service_actor *a,
                                         long long head_seq, const char *head_mac,
                                         struct service_audit_check *out);

/* The newest entry: its sequence number and MAC (hex; mac_out >= 65 bytes);
 * seq 0 when the log is empty. */
enum service_status service_audit_head(struct service *s, const struct service_actor *a,
                                       long long *seq, char *mac_out);

/*
 * The audit key file of the database at `db`: `given` (the configuration's
 * audit_key_file) when set, else $JZZ_AUDIT_KEY, else `db` + ".key" beside
 * it. false when it does not fit.
 */
bool service_audit_key_path(const char *db, const char *given, char *buf, size_t size);

/*
 * A centre's SQLite file moved into a PostgreSQL store made by `jzz init`
 * that holds no records yet (service_migrate.c says exactly what happens,
 * docs/deploy.md tells the administrator). The file is only read. Keys:
 * from_key and to_key are the audit key files (NULL: the configured one,
 * else $JZZ_AUDIT_KEY, else the default of each store); afterwards the
 * store's key is the file's. SERVICE_ERR_EXISTS: the store holds records,
 * or this file was migrated into it already (nothing written).
 */
struct service_migrate_opts {
	const char *from, *to;
	const char *from_key, *to_key;
	void (*progress)(void *arg, const char *table, long long done, long long total);
	void *progress_arg;
};
#define SERVICE_MIGRATE_TABLES 32
struct service_migrate_result {
	int ntables;
	struct {
		char      table[32];
		long long source, target;
	} t[SERVICE_MIGRATE_TABLES];
	long long audit_entries;      /* on the store, verified, the migration's own included */
	bool      verified;
	char      identity[65];       /* SHA-256 of the file's first audit entry's MAC */
	char      key_path[4096];     /* the store's key file now */
	bool      key_written;        /* the file's key was copied there */
	char      key_aside[4200];    /* "" or where the empty store's own key was moved */
};
enum service_status service_migrate(const struct service_migrate_opts *o,
                                    struct service_migrate_result *out, char *err,
                                    size_t errlen);

/* A consistent copy of the whole database to `dest` (SQLite online backup),
 * while others keep working. */
enum service_status service_backup(struct service *s, const struct service_actor *a,
                                   const char *dest);


/* ------------------------------------------------------------------ */
/* SMS outbox                                                          */

struct service_sms {
	long     id;
	char     person_id[SERVICE_UUID_LEN];
	char     phone[CASE_PHONE_MAX];
	char     kind[32];            /* "pickup_notice", "auto_endorsed", "auto_not_endorsed" */
	char     body[SERVICE_TEXT_LEN * 2];
	jzz_date queued_on;
	jzz_date due_on;
};

struct service_sms_list {
	size_t n;
	struct service_sms *items;
};

/* Messages not yet sent, oldest first (any role but trainer). */
enum service_status service_sms_pending(struct service *s, const struct service_actor *a,
                                        struct service_sms_list *out);
void service_sms_list_free(struct service_sms_list *l);
/* Marks a message as sent (by the gateway) on `day`. */
enum service_status service_sms_sent(struct service *s, const struct service_actor *a,
                                     long id, jzz_date day);

/* ================================================================== */
/* Issue 5: accounts, reports, training mode, the calendar kept by an  */
/* administrator. Added below; nothing above changed.                  */

/* ------------------------------------------------------------------ */
/* Production and training databases                                   */

/*
 * A training database is marked as such in the file (PRAGMA application_id
 * and the settings row db_mode), so that no one trains on real records or
 * serves the public from a training copy. A file made before the mark
 * counts as production.
 */
enum service_db_mode { SERVICE_DB_PRODUCTION, SERVICE_DB_TRAINING, SERVICE_DB_REHEARSAL };

/* Opens a database expecting `mode`: a training file opened as production,
 * or the reverse, is refused (NULL, err says which it is). A rehearsal
 * database (init --rehearsal: tests, rehearsals) opens where production is
 * asked for, and is marked as not production everywhere. service_open is
 * service_open_mode(path, SERVICE_DB_PRODUCTION, ...). */
struct service *service_open_mode(const char *path, enum service_db_mode mode, char *err,
                                  size_t errlen);
enum service_db_mode service_db_mode(const struct service *s);
/* service_open_mode with the audit key file named (NULL: as
 * service_audit_key_path says). */
struct service *service_open_with(const char *path, enum service_db_mode mode,
                                  const char *key_path, char *err, size_t errlen);

/*
 * Creates a training database at `path` (as service_init, then marked
 * training) and fills it with the demo accounts and persons of
 * service_demo_fill as of `today`. The file is removed again on failure.
 */
enum service_status service_init_training(const char *path, const char *centre,
                                          const char *holidays_dir, jzz_date today,
                                          char *err, size_t errlen);

/* The demo accounts of a training database, with the passwords the login
 * screen of training mode shows. */
struct service_demo_account {
	const char       *user;
	enum service_role role;
	const char       *password;
	const char       *note_zh;   /* what the account is for */
	int               site;      /* where it works: 0 the home centre, 1 and 2 the
	                              * centres beside it (service_demo_fill) */
};
extern const struct service_demo_account service_demo_accounts[];
extern const size_t service_demo_naccounts;
/* Does the demo account still have the demo password, and may it log in
 * with it (not disabled, no temporary password)? False once its password
 * was changed or reset, and on any database but a training one. */
bool service_demo_password_valid(struct service *s, const char *user);

/*
 * Fills a training database (SERVICE_ERR_DENIED on production): the demo
 * accounts (passwords set), and demo persons made by running the businesses
 * themselves on earlier days, so that every outcome of the catalogue that
 * depends on a person's records can be met (see service_training.c for the
 * list). A superset of what src/ui/ui_demo.c made.
 */
enum service_status service_demo_fill(struct service *s, jzz_date today);

/*
 * The trainer's day of work (time travel, training databases only; trainer
 * or admin): stored in the database and used as `today` by the businesses
 * and by service_work_day when the caller names no day. JZZ_DATE_NONE goes
 * back to the real date.
 */
enum service_status service_training_set_day(struct service *s, const struct service_actor *a,
                                             jzz_date day);
/* The stored training day when there is one, else `fallback`. */
jzz_date service_work_day(struct service *s, jzz_date fallback);
/* The real date, local time: the one day of a production database. */
jzz_date service_real_today(void);

/* Resets a training database in one action (trainer or admin): every
 * record, account and audit entry removed, then service_demo_fill(today)
 * (JZZ_DATE_NONE: the day of work); a day other than the real date stays
 * the stored day of work, so every window works on the day the data was
 * made around. */
enum service_status service_training_reset(struct service *s, const struct service_actor *a,
                                           jzz_date today);

/* ------------------------------------------------------------------ */
/* Accounts and logging in                                              */

#define SERVICE_PASSWORD_MIN    10    /* characters; then libpwquality's check */
#define SERVICE_PASSWORD_MAX    128   /* bytes */
#define SERVICE_LOGIN_ATTEMPTS  5     /* failures before the lock */
#define SERVICE_LOCK_SECONDS    (15 * 60)

enum service_login_result {
	SERVICE_LOGIN_OK = 0,
	SERVICE_LOGIN_DENIED,          /* no such account, or not the password: one answer for both */
	SERVICE_LOGIN_LOCKED,          /* too many failures: try again at info->locked_until */
	SERVICE_LOGIN_NEEDS_PASSWORD,  /* a temporary password, right: it serves only to set one's
	                                * own (service_password_change); no actor is issued */
	SERVICE_LOGIN_DISABLED,        /* the right password, but the account is disabled */
	SERVICE_LOGIN_ERROR,           /* the database failed: service_errmsg */
};
const char *service_login_code(enum service_login_result r);   /* "ok", "denied"... */

struct service_login_info {
	int    failures;        /* consecutive failures so far */
	int    attempts_left;   /* before the lock */
	time_t locked_until;    /* 0 when not locked */
};

/*
 * Logs `user` in with `password` at the time `now` (the caller's clock, so
 * that tests control it), at `centre` (NULL: the account's). On OK `out` is
 * the actor; on NEEDS_PASSWORD nothing is issued (the screen goes on to
 * service_password_change). A name that is no account is answered and
 * counted exactly as a real one. Every attempt is in the audit log (login,
 * login_failed, login_locked, lockout); the fifth failure in a row locks the
 * account for 15 minutes. Passwords are yescrypt hashes (libxcrypt),
 * compared in constant time.
 */
enum service_login_result service_login(struct service *s, const char *user,
                                        const char *password, const char *centre, time_t now,
                                        struct service_actor *out,
                                        struct service_login_info *info);

/* Is `password` acceptable for `user`: SERVICE_PASSWORD_MIN characters and
 * libpwquality's check (its dictionary from cracklib-runtime)? On
 * SERVICE_ERR_INVALID, service_errmsg says why. */
enum service_status service_password_check(struct service *s, const char *user,
                                           const char *password);
/* Changes one's own password, the old one (or the temporary one) given;
 * the old one goes through a login, so guessing it here counts towards the
 * lock. The new one must differ from the old and pass the check. */
enum service_status service_password_change(struct service *s, const char *user,
                                            const char *old_password,
                                            const char *new_password, time_t now);

/* Administrators: disable (no login, no action), enable (also lifts a
 * lock), reset (a new temporary password, `password` or made, written to
 * out; the lock is lifted). Each ends the account's open sessions. An
 * administrator cannot disable their own account. */
enum service_status service_user_disable(struct service *s, const struct service_actor *a,
                                         const char *user, time_t now);
enum service_status service_user_enable(struct service *s, const struct service_actor *a,
                                        const char *user, time_t now);
enum service_status service_user_reset(struct service *s, const struct service_actor *a,
                                       const char *user, time_t now, const char *password,
                                       char *out, size_t outlen);

struct service_user {
	char              user[SERVICE_USER_LEN];
	enum service_role role;
	char              centre[SERVICE_CENTRE_LEN];   /* "" when none */
	bool              has_password;
	bool              must_change;                  /* a temporary password */
	bool              disabled;
	bool              locked;                       /* at `now` */
	time_t            locked_until;
	int               failures;
	char              created_at[32];
	char              password_set_at[32];
};
struct service_user_list {
	size_t               n;
	struct service_user *items;
};
/* Every account (admin). */
enum service_status service_users_list(struct service *s, const struct service_actor *a,
                                       time_t now, struct service_user_list *out);
void service_user_list_free(struct service_user_list *l);

/* ------------------------------------------------------------------ */
/* Settings                                                             */

/* Minutes without a key after which the screens log out (the TUI enforces
 * it): a setting of the database, 10 by default, 1 to 480. */
#define SERVICE_IDLE_DEFAULT 10
int  service_idle_minutes(struct service *s);
/* True when `last_activity` is idle_minutes or more before `now`. */
bool service_idle_expired(struct service *s, time_t last_activity, time_t now);

/* Settings by name: "idle_minutes" (admin sets), "work_day" (trainer, see
 * service_training_set_day), "db_mode" (read only). get: "" when unset. */
enum service_status service_setting_get(struct service *s, const char *key, char *buf,
                                        size_t size);
enum service_status service_setting_set(struct service *s, const struct service_actor *a,
                                        const char *key, const char *value, time_t now);

/* ------------------------------------------------------------------ */
/* The supervisors' report                                              */

#define SERVICE_REPORT_ALL "all"   /* centre: every centre of the database */
/* The rows of a list that grows with the city (the pickup notices
 * overdue, the endorsement window, and, though bounded by the period, the
 * fee ledger, the permits suspended and the failed auto-endorsements): the
 * report carries the first page and the whole list's length; a page a
 * supervisor reads through. */
#define SERVICE_REPORT_PAGE 50

struct service_report_count {       /* a row of by_clerk, by_centre */
	char key[SERVICE_USER_LEN];     /* user name or centre code */
	int  applications;
	int  by_verdict[VERDICT__COUNT];
	int  fees_yuan;
};

struct service_report_fee {
	jzz_date day;
	char     centre[SERVICE_CENTRE_LEN];
	char     user[SERVICE_USER_LEN];
	char     receipt_no[SERVICE_RECEIPT_LEN];      /* the application's receipt */
	char     fee_receipt_no[CASE_WORD_MAX];        /* the unified receipt book's number; "" when not given */
	enum jzz_business business;
	bool     cod;                                  /* paid to the courier (PERMIT-5), not at the counter */
	char     id_number[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
	int      amount_yuan;
};

struct service_report_rule {
	char rule[16];                  /* "REG-3" */
	int  fail, missing, warn;       /* applications with that outcome */
};

struct service_report_person {      /* a row of the lists of persons */
	char     centre[SERVICE_CENTRE_LEN];
	char     id_number[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	jzz_date date;       /* overdue: notice due; window, suspended, auto_failed: valid_until */
	jzz_date since;      /* overdue: received_on; auto_failed: the batch's day; else NONE */
	int      days;       /* overdue: days late; window: days left; suspended: days past */
	char     detail[32]; /* auto_failed: "address_changed" | "no_phone"; suspended: "late" past 60 days */
};

struct service_report {
	jzz_date from, to;
	char     centre[SERVICE_CENTRE_LEN + 4];   /* a code, or "all" */
	int      applications;
	int      by_business[BIZ__COUNT][VERDICT__COUNT];
	int      fees_yuan;            /* collected at the counter (PERMIT-6) */
	int      cod_fees_yuan;        /* paid to couriers (PERMIT-5) */
	int      fast_track;           /* permit_new_fast + permit_replace_fast applications */
	int      fast_track_accepted;
	int      cards_received, cards_handed;
	int      missing_docs[DOC__COUNT];   /* applications lacking each document */
	size_t   nclerks;   struct service_report_count  *by_clerk;
	size_t   ncentres;  struct service_report_count  *by_centre;
	size_t   nfees;     struct service_report_fee    *fees;        /* by day and receipt: the
	                                                                 first SERVICE_REPORT_PAGE */
	size_t   fees_total;      /* the ledger's whole length (nfees when all shown) */
	size_t   nrules;    struct service_report_rule   *rules;       /* catalogue order */
	size_t   noverdue;  struct service_report_person *overdue;     /* PERMIT-3, as of `to`: the
	                                                                 first SERVICE_REPORT_PAGE */
	size_t   overdue_total;   /* PERMIT-3: the whole list's length (noverdue when all shown) */
	size_t   nwindow;   struct service_report_person *window;      /* ENDO-2: valid_until-30 <= to <= valid_until;
	                                                                 the first SERVICE_REPORT_PAGE */
	size_t   window_total;    /* ENDO-2: the whole list's length */
	size_t   nsuspended; struct service_report_person *suspended;  /* PERMIT-9: valid_until + 1 in [from, to], still so;
	                                                                 the first SERVICE_REPORT_PAGE */
	size_t   suspended_total;   /* PERMIT-9: the whole list's length */
	size_t   nauto_failed; struct service_report_person *auto_failed; /* ENDO-5 not endorsed in [from, to], still so;
	                                                                 the first SERVICE_REPORT_PAGE */
	size_t   auto_failed_total; /* ENDO-5: the whole list's length */
};

/* The report of the applications of [from, to] at `centre` (NULL: the
 * actor's; SERVICE_REPORT_ALL: every centre), supervisor or admin. */
enum service_status service_report(struct service *s, const struct service_actor *a,
                                   const char *centre, jzz_date from, jzz_date to,
                                   struct service_report *out);
/* The next SERVICE_REPORT_PAGE rows of each list of r shown in part
 * (nfees < fees_total, noverdue < overdue_total, nwindow < window_total, nsuspended <
 * suspended_total, nauto_failed < auto_failed_total), appended to it, as
 * the records stand now; *more: whether a list is still shown in part. */
enum service_status service_report_more(struct service *s, const struct service_actor *a,
                                        struct service_report *r, bool *more);
/* Every page of r's lists, read until none is in part: what `jzz report
 * --all` and the daily sheet (whose ledger is signed whole) hold. */
enum service_status service_report_whole(struct service *s, const struct service_actor *a,
                                         struct service_report *r);
/* Whether a list of r is shown in part (service_report_more has more). */
bool service_report_in_part(const struct service_report *r);
void service_report_free(struct service_report *r);

/* The report as CSV (RFC 4180, CRLF, one table with a `section` column, ID
 * numbers masked), appended to sb: what `jzz report --format csv` prints and
 * the terminal saves. service_csv_field() quotes one field the same way. */
struct strbuf;
void service_report_csv(struct strbuf *sb, const struct service_report *r);
void service_csv_field(struct strbuf *sb, const char *s);
/* The same table with one more column, `label`: the names, in lang, of the
 * codes of each row (business, decision, rule, document, reason). */
void service_report_csv_labels(struct strbuf *sb, const struct service_report *r,
                               enum rules_lang lang);

/* The report as a spreadsheet workbook (.xlsx) at path: one sheet per
 * section, headings and the names of the codes in lang, Excel dates, money
 * in a ¥ format, charts of the counts by business and by clerk, ID numbers
 * masked; what `jzz report --format xlsx` and the terminal's export write.
 * The file is made like service_save_file's. 0, or -1 with err filled. */
int service_report_xlsx(const struct service_report *r, enum rules_lang lang, const char *path,
                        char *err, size_t errlen);

/* Writes len bytes to path as a private file (0600): made at a temporary
 * name beside path and renamed into place, so that path holds the old file
 * or the whole new one, and a symbolic link at path is replaced, not
 * followed. 0, or -1 with err filled (path untouched). */
int service_save_file(const char *path, const void *data, size_t len, char *err, size_t errlen);

/* ------------------------------------------------------------------ */
/* The calendar as an administrator keeps it                            */

/*
 * Loads every *.json of the folder dir into cal, in name order (holiday-cn
 * files; see calendar_load_json). The one loader of the holiday folder:
 *   SERVICE_ERR_NOT_FOUND  dir cannot be read ("DIR: reason" in err); cal
 *                          unchanged: the caller says whether it goes on
 *                          with Monday-Friday (CAL-1) or stops;
 *   SERVICE_ERR_INVALID    a file cannot be read or is no holiday file
 *                          ("PATH: reason"); the files before it are
 *                          loaded, so the caller drops cal;
 *   SERVICE_ERR_NOMEM.
 * No database and no role: the folder is the installation's.
 */
enum service_status service_holidays_load(const char *dir, struct calendar *cal, char *err,
                                          size_t errlen);

/* Replaces the days of the file's year with the file's (holiday-cn format,
 * validated first) in one transaction, with an audit entry (admin).
 * *year receives the file's year. */
enum service_status service_calendar_import(struct service *s, const struct service_actor *a,
                                            const char *json, size_t len, int *year);

struct service_calendar_year {
	int       year;
	bool      loaded;        /* false: CAL-1, counts in that year are provisional */
	size_t    noff;          /* public holidays (days off on a weekday or weekend) */
	jzz_date *off;
	size_t    nworked;       /* adjusted working weekend days (调休) */
	jzz_date *worked;
};
/* Any role. */
enum service_status service_calendar_year_get(struct service *s, int year,
                                              struct service_calendar_year *out);
void service_calendar_year_free(struct service_calendar_year *y);


/* ------------------------------------------------------------------ */
/* The whole record: addresses, agents, finding people and work         */

/*
 * The address a person had on `day` (any role). SERVICE_ERR_NOT_FOUND when
 * no person or no address recorded on or before that day.
 */
enum service_status service_address_on(struct service *s, const struct service_actor *a,
                                       const char *id_number, jzz_date day,
                                       struct service_address *out);

/* True when the street is one of the streets/towns the database knows (its
 * centres) and lies in the district. */
bool service_street_known(struct service *s, const struct jzz_address *addr);

/* The streets/towns of a district ("310105"), for the terminal's list. */
struct service_street { char code[SERVICE_CENTRE_LEN]; char name_zh[SERVICE_TEXT_LEN]; };
size_t service_streets(struct service *s, const char *district, struct service_street *out,
                       size_t max);

/* Roads already recorded that begin with `prefix` (in `district`, or all
 * districts when NULL), in order, at most `max` (any role). */
struct service_road_list {
	size_t n;
	char (*items)[ADDRESS_ROAD_MAX];
};
enum service_status service_roads(struct service *s, const struct service_actor *a,
                                  const char *district, const char *prefix, int max,
                                  struct service_road_list *out);
void service_road_list_free(struct service_road_list *l);

/* A person found by name: namesakes are told apart by birth date and the
 * masked ID number; id_number is the full one, to open the person. */
struct service_person_hit {
	char     id_number[SERVICE_IDNUM_LEN];
	char     id_masked[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
	jzz_date birth;
	char     address[ADDRESS_TEXT_MAX + SERVICE_TEXT_LEN];   /* current, with its street; "" */
};
struct service_person_hits {
	size_t n;
	struct service_person_hit *items;
};
/* Persons whose name is exactly `name` (trimmed), by birth date, at most
 * 50 (any role). SERVICE_ERR_INVALID for an empty name. */
enum service_status service_person_search(struct service *s, const struct service_actor *a,
                                          const char *name, jzz_date today,
                                          struct service_person_hits *out);
void service_person_hits_free(struct service_person_hits *h);

/* An application as the look-ups list it. */
struct service_app_ref {
	char     application_id[SERVICE_UUID_LEN];
	jzz_date day;
	char     at[32];
	enum jzz_business business;
	enum verdict      verdict;
	char     receipt_no[SERVICE_RECEIPT_LEN];
	char     centre[SERVICE_CENTRE_LEN];
	char     user[SERVICE_USER_LEN];
	char     id_number[CASE_ID_MAX];
	char     id_masked[SERVICE_IDNUM_LEN];
	char     name[CASE_NAME_MAX];
};
struct service_app_list {
	size_t n;
	struct service_app_ref *items;
};
/* The application of a receipt number (any role); NOT_FOUND when none. */
enum service_status service_application_by_receipt(struct service *s,
                                                   const struct service_actor *a,
                                                   const char *receipt_no,
                                                   struct service_app_ref *out);
/* The applications of `day` at the actor's centre: the actor's own
 * (`mine`) or every clerk's, in the order they were made (any role). */
enum service_status service_applications_day(struct service *s, const struct service_actor *a,
                                             bool mine, jzz_date day,
                                             struct service_app_list *out);
void service_app_list_free(struct service_app_list *l);

/* PERMIT-3: the holder of the card waiting at the actor's centre was told
 * by phone that it can be collected (clerks): the notice is given, so it
 * is no longer overdue. SERVICE_ERR_STATE when no card of theirs waits. */
enum service_status service_card_notified(struct service *s, const struct service_actor *a,
                                          const char *id_number, jzz_date today);

#endif
