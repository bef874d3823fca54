/*
 * service_internal.h: what the service_*.c files share: the handle, the
 * transaction runner, the role checks, and the context of one business.
 */
#ifndef JZZ_SERVICE_INTERNAL_H
#define JZZ_SERVICE_INTERNAL_H

#include "jzz/idnum.h"
#include "jzz/service.h"
#include "jzz/store.h"

/* The demo accounts whose password check is remembered (service_training.c). */
#define SERVICE_DEMO_SEEN 16

/* An actor the service issued (service_actor.c). */
struct service_session {
	uint64_t id;
	char     user[SERVICE_USER_LEN];
	int64_t  gen;      /* users.session_gen when it began */
	bool     owner;    /* the owner check, not a login */
};

struct service {
	struct store         *st;
	struct calendar      *cal;
	char                  home_centre[SERVICE_CENTRE_LEN];
	char                  err[SERVICE_ERR_LEN];
	struct service_place *places;
	size_t                nplaces;
	enum service_db_mode  mode;      /* as marked in the file */
	struct service_session *sessions;
	size_t                  nsessions;
	int                     busy_ms;   /* how long service_tx waits for another writer */
	void                  (*busy_hook)(void *arg);
	void                   *busy_arg;
	long                    retries;   /* service_tx_retries */
	char                   *replay;    /* service_result.replay_json */
	int                     tx_depth;  /* > 0 inside service_tx's function */
	struct { char hash[160]; bool ok; } demo_seen[SERVICE_DEMO_SEEN];   /* service_training.c */
};

/* The local date of a clock reading (audit entries of logins and account
 * changes carry the day of the time the caller gave). */
jzz_date service_day_of(time_t now);
/* Reads what a handle keeps of its store: the calendar, the centres and
 * kiosks, the home centre (service.c; a migration's handles too). */
enum service_status service_load(struct service *s);
/* Re-reads the calendar from the database (after a year was replaced). */
enum service_status service_calendar_reload(struct service *s);
/* Does `password` open `user`'s account (its hash only: no attempt is
 * counted, nothing audited)? For the demo's own passwords. */
bool service_account_password_is(struct service *s, const char *user, const char *password);
/* A temporary password (16 characters in four groups) into out. */
enum service_status service_make_password(struct service *s, char *out, size_t outlen);

/* Returned inside a transaction when the store was busy: the runner rolls
 * back and tries again; never returned to a caller. */
#define SERVICE_RETRY ((enum service_status) - 1)

/* Sets s->err (printf-style) and returns st. */
enum service_status service_fail(struct service *s, enum service_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* SERVICE_ERR_DB with the store's message: a read that failed outside a
 * transaction. */
enum service_status service_db_fail(struct service *s);
/*
 * A list the service returns, made from the n rows a store read gave: the
 * items (zeroed, at least one, so that an empty list is freed like any
 * other), each filled from its row by fill(s, item, row, ctx); the rows are
 * freed. A fill that fails (or memory that runs out) leaves no items and
 * its status is returned. SERVICE_LIST_TAKE is the call for a list
 * { n, items } whose rows come from rc = store_...(&rows, &n).
 */
typedef enum service_status service_list_fill_fn(struct service *s, void *item, const void *row,
                                                 void *ctx);
struct service_list {
	size_t n;
	void  *items;
};
enum service_status service_list_take(struct service *s, void *rows, size_t n, size_t row_size,
                                      size_t item_size, service_list_fill_fn *fill, void *ctx,
                                      struct service_list *out);
/* st = the list `out` of the rows that the store read `rc` gave (its
 * failure: SERVICE_ERR_DB with the store's message); rc is evaluated first. */
#define SERVICE_LIST_TAKE(st, s, rc, rows, n, out, fill, ctx) do { \
		struct service_list list_ = { 0, NULL }; \
		if ((rc) != STORE_OK) \
			(st) = service_db_fail(s); \
		else \
			(st) = service_list_take((s), (rows), (n), sizeof *(rows), \
			    sizeof *(out)->items, (fill), (ctx), &list_); \
		(out)->items = list_.items; \
		(out)->n = list_.n; \
	} while (0)
/* An array of a result emptied: freed, and its pointer and count set to
 * none together. */
#define SERVICE_ARRAY_FREE(items, n) do { \
		free(items); \
		(items) = NULL; \
		(n) = 0; \
	} while (0)
/* The body of every list's *_free: { items, n } emptied, NULL allowed. */
#define SERVICE_LIST_FREE(l) do { \
		if ((l) != NULL) \
			SERVICE_ARRAY_FREE((l)->items, (l)->n); \
	} while (0)
/* Maps a store failure: BUSY -> SERVICE_RETRY, NOTFOUND -> NOT_FOUND, else DB. */
enum service_status service_store_fail(struct service *s, enum store_rc rc);

#define SERVICE_TRY(s, expr) do { \
		enum store_rc try_rc_ = (expr); \
		if (try_rc_ != STORE_OK) \
			return service_store_fail((s), try_rc_); \
	} while (0)

/*
 * Runs fn(s, arg) inside BEGIN IMMEDIATE ... COMMIT, retrying (bounded,
 * with a growing pause) while the database is busy, so that callers never
 * see SQLITE_BUSY. fn must be repeatable: it is called again from the start
 * after a rollback.
 */
enum service_status service_tx(struct service *s,
                               enum service_status (*fn)(struct service *s, void *arg),
                               void *arg);

/* What an actor does, as the policy of roles names it (service_actor.c
 * holds the table of which roles may do each). */
enum service_act {
	SERVICE_ACT_LOOK,      /* look-ups, queues, a person's records: any role */
	SERVICE_ACT_BUSINESS,  /* the businesses of the counter */
	SERVICE_ACT_CANCEL,    /* cancellation (PERMIT-10), a business besides */
	SERVICE_ACT_WRITE,     /* card actions, pickup notices, messages marked sent */
	SERVICE_ACT_SMS,       /* the outbox read */
	SERVICE_ACT_PAPER,     /* papers printed */
	SERVICE_ACT_REPORT,    /* the supervisors' reports */
	SERVICE_ACT_BATCH,     /* batches (ENDO-5) */
	SERVICE_ACT_AUDIT,     /* audit verify and head */
	SERVICE_ACT_BACKUP,
	SERVICE_ACT_CALENDAR,  /* a holiday year imported */
	SERVICE_ACT_USER_ADD,
	SERVICE_ACT_ACCOUNTS,  /* disable, enable, reset, list accounts */
	SERVICE_ACT_SETTINGS,  /* idle_minutes set */
	SERVICE_ACT_TRAINING,  /* a training database's day, reset and demo */
	SERVICE_ACT_SEED,      /* a synthetic district: the owner only */
	SERVICE_ACT__COUNT
};
/* A row of the table: which roles may do the act (a mask of
 * 1 << enum service_role; the owner acts as an admin) and what the others
 * are told. */
struct service_act_rule {
	unsigned         roles;
	enum service_act within;      /* an act it is a kind of, checked first (LOOK: none) */
	bool             owner_only;  /* the database's owner, whatever the role */
	bool             names_role;  /* denied: "<role> <denied>" */
	const char      *denied;
};
const struct service_act_rule *service_act_rule(enum service_act act);
/* Whether the table lets `role` do `act` (and the act it is within); an
 * owner-only act besides needs the owner. */
bool service_role_may(enum service_role role, enum service_act act);
/* The role check alone (SERVICE_ERR_DENIED with the act's message), for a
 * function that checked its actor and reads its arguments first. */
enum service_status service_role_check(struct service *s, const struct service_actor *a,
                                       enum service_act act);
/* The check every function that takes an actor begins with: the actor
 * (service_check_actor), then its role for `act`. */
enum service_status service_allow(struct service *s, const struct service_actor *a,
                                  enum service_act act);
/* The opening of a function that fills a result for an actor: the result
 * (size bytes at out) emptied first, so that a caller may free it whatever
 * is returned, then service_allow. */
enum service_status service_allow_into(struct service *s, const struct service_actor *a,
                                       enum service_act act, void *out, size_t size);
/* The whole body of a list for an act, the result { n, items } `out`:
 * service_allow_into, then, when allowed, SERVICE_LIST_TAKE of the store
 * read rc (evaluated only then). */
#define SERVICE_LIST_FOR(st, s, a, act, rc, rows, n, out, fill, ctx) do { \
		if (((st) = service_allow_into((s), (a), (act), (out), sizeof *(out))) == SERVICE_OK) \
			SERVICE_LIST_TAKE(st, s, rc, rows, n, out, fill, ctx); \
	} while (0)
/* The actor is one this handle issued and its account is still usable. */
enum service_status service_check_actor(struct service *s, const struct service_actor *a);
/* A production database works on the real date only (JZZ_DATE_NONE: the
 * real date). */
enum service_status service_check_day(struct service *s, jzz_date day);
/* Both: the check of every act that writes on a day of work. */
enum service_status service_check_act(struct service *s, const struct service_actor *a,
                                      jzz_date day);
/* Adds the account or sets its password (inside a transaction; no actor:
 * for init and the demo accounts of a training database). */
enum service_status service_account_put(struct service *s, const char *user, const char *role,
                                        const char *centre, const char *password,
                                        bool must_change);
/* The audit key file: read into the store, or made (0600, O_EXCL). */
enum service_status service_audit_key_load(struct service *s, const char *path);
enum service_status service_audit_key_create(struct service *s, const char *path);
/* Issues an actor for the account `user` (enabled, not locked). */
enum service_status service_actor_issue(struct service *s, const char *user, const char *centre,
                                        bool owner, struct service_actor *out);

/* The audit entry of an action, in the current transaction. */
enum service_status service_audit(struct service *s, const struct service_actor *a, jzz_date day,
                                  const char *action, const char *subject, const char *reason);

/* A read of personal data (a person's records, a report with names, an
 * export), in the audit log: its own short transaction. */
enum service_status service_audit_read(struct service *s, const struct service_actor *a,
                                       const char *action, const char *subject,
                                       const char *reason);

/* The ID number as the records key it: the normalised number when valid. */
bool service_idnum_key(const char *raw, size_t len, jzz_date today, char key[CASE_ID_MAX],
                       jzz_date *birth);

/* The person of an ID number as given, on `day`: `invalid` ("... is not a
 * valid ID number": NOT_FOUND for a look-up, INVALID for an act) or
 * NOT_FOUND ("no person KEY") when there is none; the store's other
 * failures as a transaction's (BUSY: a retry) inside one, else
 * SERVICE_ERR_DB. key receives the number as the records key it. */
enum service_status service_person_of(struct service *s, const char *id_number, jzz_date day,
                                      enum service_status invalid, char key[CASE_ID_MAX],
                                      struct store_person *p);

/* The arguments of an act on a person's records: SERVICE_ERR_INVALID ("an
 * ID number and a day are needed") when either is missing. */
enum service_status service_need_id_day(struct service *s, const char *id_number, jzz_date day);

/* Inside a transaction: the person of an ID number (service_person_of) and
 * the latest card of their current permit, which must be at the actor's
 * centre; SERVICE_ERR_STATE when they hold no permit, it has no card or
 * the card is at another centre. */
enum service_status service_card_here(struct service *s, const struct service_actor *a,
                                      const char *id_number, jzz_date day,
                                      enum service_status invalid, char key[CASE_ID_MAX],
                                      struct store_person *p, struct store_card *card);

/* The fields every view of an application carries (service_app_ref,
 * service_history_entry), copied from the store's row r of it
 * (store_app_ref, store_app_row), which names them alike but for its id. */
#define SERVICE_APP_COPY(o, r) do { \
		snprintf((o)->application_id, sizeof (o)->application_id, "%s", (r)->id); \
		(o)->day = (r)->day; \
		snprintf((o)->at, sizeof (o)->at, "%s", (r)->at); \
		(o)->business = (r)->business; \
		(o)->verdict = (r)->verdict; \
		snprintf((o)->receipt_no, sizeof (o)->receipt_no, "%s", (r)->receipt_no); \
		snprintf((o)->centre, sizeof (o)->centre, "%s", (r)->centre); \
		snprintf((o)->user, sizeof (o)->user, "%s", (r)->user); \
	} while (0)

/* Copies src (NULL: "") into dst (size bytes), cut at a UTF-8 character
 * boundary when it does not fit. Returns true when it was cut: a caller to
 * whom a cut text would be wrong (a path, a key) checks it. */
bool   service_copy(char *dst, size_t size, const char *src);
/* Characters (not bytes) of a UTF-8 text. */
size_t service_utf8_chars(const char *s);

/* Computed states. */
enum service_card_state   service_card_state_of(const struct store_card *c, jzz_date today);
enum service_permit_state service_permit_state_of(const struct store_permit *p, jzz_date today);
void service_card_info_fill(struct service_card_info *out, const struct store_card *c,
                            jzz_date today);

/* One business in progress. */
struct service_biz {
	const struct service_actor *a;
	struct jzz_case            *c;
	struct jzz_case             orig;     /* the case as given, restored on retry */
	jzz_date                    today;
	enum service_cancel_reason  reason;
	const char                 *note;
	struct service_result      *out;

	char     key[CASE_ID_MAX];            /* ID number as recorded */
	bool     id_valid;
	jzz_date birth;
	bool     has_person;
	struct store_person person;
	bool     has_registration;
	struct store_registration reg;
	bool     has_permit;
	struct store_permit permit;
	bool     has_card;
	struct store_card card;
	bool     auto_received;               /* pickup of a card made but not marked received */
};

/* The records of an accepted business, per business family (service_*.c). */
enum service_status service_records_registration(struct service *s, struct service_biz *b);
enum service_status service_records_info_change(struct service *s, struct service_biz *b);
enum service_status service_records_permit(struct service *s, struct service_biz *b);
enum service_status service_records_card_update(struct service *s, struct service_biz *b);
enum service_status service_records_pickup(struct service *s, struct service_biz *b);
enum service_status service_records_cancellation(struct service *s, struct service_biz *b);
enum service_status service_records_endorsement(struct service *s, struct service_biz *b);

/* Addresses and what an application records beside its decision
 * (service_address.c). */
/* Refuses (INVALID, naming the member) an address whose street the
 * database does not know; before any transaction. */
enum service_status service_address_check_case(struct service *s, const struct jzz_case *c);
/* The new address an accepted case brings, and the day it holds from
 * (*from; `today` unless the change names its day); NULL when none. */
const struct jzz_address *service_address_new(const struct jzz_case *c, jzz_date today,
                                              jzz_date *from);
/* Records that address in the person's history (after the records). */
enum service_status service_address_record(struct service *s, struct service_biz *b);
/* The agent and the postal address of the application just written. */
enum service_status service_application_extras(struct service *s, struct service_biz *b);
/* The person's addresses into out (the one valid on today, every one). */
enum service_status service_person_addresses(struct service *s, const char *person_id,
                                             jzz_date today, struct service_person *out);
void service_address_fill(struct service *s, struct service_address *o,
                          const struct store_address_row *r);


/* The demo of a training database (service_training.c, service_fortnight.c). */
/* An 18-character ID number with its check character. */
void service_demo_id(const char *addr6, int y, int m, int d, const char *seq3, char out[19]);
/* Runs one case written as the contract's JSON on `day`, as `a`: a
 * cancellation as not resident; the verdict must be `want` (else STATE). */
enum service_status service_demo_case(struct service *s, const struct service_actor *a,
                                      jzz_date day, enum verdict want,
                                      struct service_result *res, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* The day to accept a permit so that its valid_until falls on `target` or
 * just before (by the database's calendar). */
jzz_date service_demo_accept_for(struct service *s, jzz_date target);
/* The centre of a demo account's site: 0 the home centre, 1 and 2 the
 * centres beside it in the list of places. */
const char *service_demo_site(struct service *s, int site);
/* The demo's recent fortnight (the 14 working days before `today`) at the
 * home centre and its two neighbours, businesses run as the counters would. */
enum service_status service_demo_fortnight(struct service *s, jzz_date today);

#endif
