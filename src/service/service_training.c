/*
 * service_training.c: training mode (issue 5): the training database, its
 * demo accounts and persons, the trainer's day of work, and the reset.
 *
 * Why the demo data is made by running the businesses: the records must be
 * exactly what the counters would have written (receipts, milestones, cards,
 * fees, audit), so each demo person's life is played on its own earlier days
 * through service_submit and friends, never written as rows. The dates that
 * matter (a permit 20 days past its validity, one 3 days past and endorsed
 * by the batch...) are reached by choosing the day of the permit with the
 * database's own working-day calendar, so they hold whatever the holidays.
 *
 * Why the reset wipes inside the file rather than replacing it: other
 * terminals of the same training room may have the file open; deleting the
 * rows in one transaction keeps every connection on one consistent file,
 * where swapping files under them would not.
 */
#include "service_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "jzz/casefmt.h"

const struct service_demo_account service_demo_accounts[] = {
	/* Each passes the password check (10 characters, libpwquality): the
	 * demo shows what a real password looks like. */
	{ "clerk1", SERVICE_ROLE_CLERK, "counter-one-2026", "受理员：办理各项业务" },
	{ "clerk2", SERVICE_ROLE_CLERK, "counter-two-2026", "受理员：第二个窗口" },
	{ "clerk3", SERVICE_ROLE_CLERK, "counter-3rd-2026", "受理员：第三个窗口", 0 },
	{ "clerk4", SERVICE_ROLE_CLERK, "nearby-desk-2026", "受理员：邻近中心（一）", 1 },
	{ "clerk5", SERVICE_ROLE_CLERK, "nextdoor-desk-26", "受理员：邻近中心（二）", 2 },
	{ "super1", SERVICE_ROLE_SUPERVISOR, "supervise-2026", "负责人：注销、报表、批处理" },
	{ "trainer1", SERVICE_ROLE_TRAINER, "teach-demo-2026", "培训师：设定办理日期、重置培训库" },
	{ "admin", SERVICE_ROLE_ADMIN, "office-keys-2026", "管理员：账号、设置、节假日" },
};
const size_t service_demo_naccounts =
	sizeof service_demo_accounts / sizeof service_demo_accounts[0];

/* ---- the day of work ---- */

jzz_date
service_work_day(struct service *s, jzz_date fallback)
{
	char     buf[32];
	jzz_date d;

	if (s == NULL || s->mode != SERVICE_DB_TRAINING)
		return fallback;
	if (store_setting_get(s->st, "work_day", buf, sizeof buf) != STORE_OK ||
	    !date_parse(buf, strlen(buf), &d))
		return fallback;
	return d;
}

static enum service_status
training_check(struct service *s, const struct service_actor *a)
{
	enum service_status st;

	if ((st = service_allow(s, a, SERVICE_ACT_TRAINING)) != SERVICE_OK)
		return st;
	if (s->mode != SERVICE_DB_TRAINING)
		return service_fail(s, SERVICE_ERR_DENIED, "training actions on a training database"
		    " only");
	return SERVICE_OK;
}

struct day_arg {
	const struct service_actor *a;
	jzz_date                    day;
};

static enum service_status
training_day_tx(struct service *s, void *arg)
{
	struct day_arg *da = arg;
	char            buf[JZZ_DATE_STRLEN];

	if (da->day != JZZ_DATE_NONE)
		date_format(da->day, buf);
	SERVICE_TRY(s, store_setting_set(s->st, "work_day", da->day != JZZ_DATE_NONE ? buf : NULL));
	return service_audit(s, da->a, da->day != JZZ_DATE_NONE ? da->day : service_real_today(),
	    "training_day", "work_day", da->day != JZZ_DATE_NONE ? buf : "real date");
}

enum service_status
service_training_set_day(struct service *s, const struct service_actor *a, jzz_date day)
{
	struct day_arg      da = { a, day };
	enum service_status st;

	if ((st = training_check(s, a)) != SERVICE_OK)
		return st;
	return service_tx(s, training_day_tx, &da);
}

/* ---- demo persons ---- */

enum {
	DEMO_NO_PHONE = 1 << 0,
	DEMO_MINOR = 1 << 1,       /* registered by a guardian (AGENT-1) */
	DEMO_ELDERLY = 1 << 2,     /* 65+, mobility impaired (AGENT-2) */
	DEMO_DISABLED = 1 << 3,    /* disabled (AGENT-2) */
	DEMO_HUKOU = 1 << 4,       /* Shanghai household: refused (ELIG-1), no record */
	DEMO_CANCELLED = 1 << 5,   /* permit cancelled 10 days ago (PERMIT-10, -11) */
	DEMO_ADDRESS = 1 << 6,     /* address changed 60 days ago (ENDO-4, -5) */
	DEMO_REPLACED = 1 << 7,    /* card replaced 20 days ago for 20 yuan (PERMIT-6) */
	DEMO_FAST = 1 << 8,        /* fast-track permit 3 days ago (PERMIT-7) */
	DEMO_EXPIRES = 1 << 9,     /* permit_ago is "valid_until this many days ago" */
};

/* A demo person and what has happened to them, in days before today. */
struct demo_person {
	const char *name;
	const char *addr6;
	int         y, m, d;
	const char *seq3;
	int         registered_ago;   /* days, for those without a permit */
	int         permit_ago;       /* days; 0: no permit (see DEMO_EXPIRES) */
	int         received_ago;     /* days; 0: card not received */
	bool        picked_up;
	unsigned    flags;
};

/* The first six are those of src/ui/ui_demo.c, same names, numbers and
 * days, so that the terminal's tests and guide hold on either. */
static const struct demo_person demo_persons[] = {
	{ "李娜", "340104", 1992, 7, 19, "317", 240, 0, 0, false, 0 },   /* may apply for a permit */
	{ "王强", "320102", 1988, 3, 2, "415", 60, 0, 0, false, 0 },     /* REG-3: too early */
	{ "孙伟", "420106", 1995, 11, 30, "233", 400, 30, 0, false, 0 }, /* card made, not arrived */
	{ "周杰", "510104", 1990, 5, 5, "151", 420, 40, 6, false, 0 },   /* card waiting, notice overdue */
	{ "赵敏", "430102", 1985, 1, 12, "268", 800, 376, 0, true, 0 },  /* endorsement window open */
	{ "吴芳", "370102", 1993, 9, 9, "442", 900, 456, 0, true, 0 },   /* 70-odd days past validity */
	{ "刘小雨", "410102", 2016, 4, 18, "026", 200, 0, 0, false, DEMO_MINOR },
	{ "张桂兰", "330106", 1952, 2, 14, "528", 300, 0, 0, false, DEMO_ELDERLY },
	{ "陈刚", "350102", 1980, 6, 6, "613", 250, 0, 0, false, DEMO_DISABLED },
	{ "马丽", "360102", 1991, 3, 3, "724", 400, 0, 0, false, 0 },    /* REG-2: registration expired */
	{ "黄磊", "310104", 1987, 8, 8, "835", 30, 0, 0, false, DEMO_HUKOU },
	{ "郑洁", "440106", 1989, 12, 1, "946", 0, 200, 0, true, DEMO_CANCELLED },
	{ "何军", "450102", 1986, 10, 10, "157", 0, 20, 0, true, DEMO_EXPIRES | DEMO_NO_PHONE },
	{ "林涛", "350203", 1994, 4, 4, "268", 0, 12, 0, true, DEMO_EXPIRES | DEMO_ADDRESS },
	{ "宋佳", "130102", 1990, 2, 2, "379", 0, 3, 0, true, DEMO_EXPIRES },   /* auto-endorsed */
	{ "高峰", "140105", 1983, 7, 7, "481", 0, 300, 0, true, DEMO_REPLACED },
	{ "徐静", "150102", 1997, 5, 20, "592", 220, 3, 0, false, DEMO_FAST },
};

#define DEMO_BATCH_AGO 30   /* the auto-endorsement batch ran that many days ago */

void
service_demo_id(const char *addr6, int y, int m, int d, const char *seq3, char out[19])
{
	snprintf(out, 19, "%.6s%04d%02d%02d%.3s", addr6, y, m, d, seq3);
	out[17] = idnum_check_char(out);
	out[18] = '\0';
}

struct demo {
	struct service       *s;
	struct service_actor  admin, super;
	jzz_date              today;
};

/* Submits one case written as JSON (the contract), on `day`; the verdict
 * must be `want`. */
enum service_status
service_demo_case(struct service *s, const struct service_actor *a, jzz_date day,
                  enum verdict want, struct service_result *res, const char *fmt, ...)
{
	char                 buf[2048], text[300];
	struct casefmt_error err;
	struct jzz_case      c;
	enum service_status  st;
	va_list              ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (casefmt_parse(buf, strlen(buf), CASEFMT_SUBMIT, day, &c, &err) < 0) {
		casefmt_error_text(&err, text, sizeof text);
		return service_fail(s, SERVICE_ERR_INVALID, "demo case: %s", text);
	}
	if (c.business == BIZ_CANCELLATION)
		st = service_cancellation(s, a, &c, day, SERVICE_CANCEL_NOT_RESIDENT,
		    "培训示例：实际不在本市居住", res);
	else
		st = service_submit(s, a, &c, day, res);
	if (st != SERVICE_OK)
		return st;
	if (res->decision.verdict != want)
		return service_fail(s, SERVICE_ERR_STATE, "demo %s of %s: %s, not %s",
		    case_business_vocab[c.business].code, c.applicant.name,
		    rules_verdict_code(res->decision.verdict), rules_verdict_code(want));
	return SERVICE_OK;
}

/* The applicant object of a person's cases. */
static void
demo_applicant(const struct demo_person *p, char *buf, size_t size)
{
	char id[19];

	service_demo_id(p->addr6, p->y, p->m, p->d, p->seq3, id);
	if (p->flags & DEMO_NO_PHONE)
		snprintf(buf, size, "{\"id_number\":\"%s\",\"name\":\"%s\"%s%s%s}", id, p->name,
		    p->flags & DEMO_HUKOU ? ",\"hukou_shanghai\":true" : "",
		    p->flags & DEMO_ELDERLY ? ",\"mobility_impaired\":true" : "",
		    p->flags & DEMO_DISABLED ? ",\"disabled\":true" : "");
	else
		snprintf(buf, size, "{\"id_number\":\"%s\",\"name\":\"%s\",\"phone\":\"139%08d\"%s%s%s}",
		    id, p->name, p->y * 10000 + p->m * 100 + p->d,
		    p->flags & DEMO_HUKOU ? ",\"hukou_shanghai\":true" : "",
		    p->flags & DEMO_ELDERLY ? ",\"mobility_impaired\":true" : "",
		    p->flags & DEMO_DISABLED ? ",\"disabled\":true" : "");
}

/* The day to accept a permit so that its valid_until (ready + 1 year - 1,
 * PERMIT-2, -9) falls on `target` or just before: the working days between
 * acceptance and the card depend on the holidays of the database. */
jzz_date
service_demo_accept_for(struct service *s, jzz_date target)
{
	jzz_date a = date_add_years(target, -1) - 21;

	for (int i = 0; i < 60; i++, a--) {
		int      unloaded;
		jzz_date ready = calendar_add_workdays(s->cal, a, RULES_PERMIT_WORKDAYS, &unloaded);

		if (date_years_end(ready, 1) <= target)
			return a;
	}
	return a;
}

static enum service_status
demo_person(struct demo *dm, const struct demo_person *p)
{
	struct service_result r;
	enum service_status   st;
	char                  ap[512], id[19], gid[19];
	const jzz_date        T = dm->today;
	jzz_date              accept = JZZ_DATE_NONE, reg, ready;

	demo_applicant(p, ap, sizeof ap);
	service_demo_id(p->addr6, p->y, p->m, p->d, p->seq3, id);
	if (p->permit_ago > 0)
		accept = p->flags & DEMO_EXPIRES ? service_demo_accept_for(dm->s, T - p->permit_ago) :
		    T - p->permit_ago;
	/* A permit needs a registration 6 to 12 months old (REG-2, REG-3). */
	reg = p->permit_ago > 0 && !(p->flags & DEMO_FAST) ? accept - 200 : T - p->registered_ago;
	if (p->flags & DEMO_HUKOU)
		return service_demo_case(dm->s, &dm->admin, reg, VERDICT_REFUSE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\"},"
		    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", ap);
	if (p->flags & DEMO_MINOR) {
		service_demo_id("410102", 1984, 1, 1, "019", gid);
		st = service_demo_case(dm->s, &dm->admin, reg, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"agent\":{\"kind\":\"guardian\","
		    "\"id_number\":\"%s\"},\"housing\":{\"tenure\":\"relative_rent\",\"relation\":"
		    "\"father\"},\"documents\":[\"household_register\",\"guardian_id\","
		    "\"guardianship_proof\",\"registration_form\",\"lease_filing_certificate\","
		    "\"relationship_proof\"]}", ap, gid);
	} else {
		st = service_demo_case(dm->s, &dm->admin, reg, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\"},"
		    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", ap);
	}
	if (st != SERVICE_OK || p->permit_ago == 0)
		return st;
	if (p->flags & DEMO_FAST)
		return service_demo_case(dm->s, &dm->admin, accept, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_new_fast\",\"applicant\":%s,\"fast_track\":{\"reason\":"
		    "\"exam\"},\"documents\":[\"id_card\",\"permit_application_form\","
		    "\"fast_track_request\"]}", ap);
	if ((st = service_demo_case(dm->s, &dm->admin, accept, VERDICT_ACCEPT, &r,
	    "{\"business\":\"permit_new\",\"applicant\":%s,"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", ap)) != SERVICE_OK)
		return st;
	ready = r.decision.ready_on;
	if (p->received_ago > 0 || p->picked_up) {
		/* as ui_demo.c: arrived 30 days after acceptance when picked up */
		jzz_date arrived = p->received_ago > 0 ? T - p->received_ago : accept + 30;

		if (arrived < ready)
			arrived = ready;
		if ((st = service_card_received(dm->s, &dm->admin, id, arrived, NULL)) != SERVICE_OK)
			return st;
		if (p->picked_up && (st = service_demo_case(dm->s, &dm->admin, arrived + 1, VERDICT_ACCEPT, &r,
		    "{\"business\":\"pickup\",\"applicant\":%s,"
		    "\"documents\":[\"id_card\",\"acceptance_receipt\"]}", ap)) != SERVICE_OK)
			return st;
	}
	if (p->flags & DEMO_ADDRESS) {
		char changed[JZZ_DATE_STRLEN];

		date_format(T - 62, changed);
		if ((st = service_demo_case(dm->s, &dm->admin, T - 60, VERDICT_ACCEPT, &r,
		    "{\"business\":\"info_change\",\"applicant\":%s,\"change\":{\"field\":\"address\","
		    "\"changed_on\":\"%s\",\"new_value\":\"长宁区天山路100弄5号\"},"
		    "\"housing\":{\"tenure\":\"rent\"},"
		    "\"documents\":[\"id_card\",\"lease_filing_certificate\"]}", ap, changed))
		    != SERVICE_OK)
			return st;
	}
	if (p->flags & DEMO_CANCELLED)
		return service_demo_case(dm->s, &dm->super, T - 10, VERDICT_ACCEPT, &r,
		    "{\"business\":\"cancellation\",\"applicant\":%s}", ap);
	if (p->flags & DEMO_REPLACED)
		return service_demo_case(dm->s, &dm->admin, T - 20, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_replace\",\"applicant\":%s,\"personal_reason\":true,"
		    "\"fee_receipt_no\":\"NO.0012345\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", ap);
	return SERVICE_OK;
}

/* The centres beside the home centre in the list of places (the one
 * before it and the one after), where the neighbours' demo clerks work:
 * whatever centre a training database is made for, it has two. */
const char *
service_demo_site(struct service *s, int site)
{
	size_t idx[64], n = 0, home = 0;

	for (size_t i = 0; i < s->nplaces && n < 64; i++)
		if (s->places[i].kind == SERVICE_PLACE_CENTRE) {
			if (strcmp(s->places[i].code, s->home_centre) == 0)
				home = n;
			idx[n++] = i;
		}
	if (site <= 0 || n < 3)
		return s->home_centre;
	return s->places[idx[site == 1 ? (home + n - 1) % n : (home + 1) % n]].code;
}

/* Every demo account with its demo password (not a temporary one: the
 * login screen of training mode lists them). */
static enum service_status
demo_accounts_tx(struct service *s, void *arg)
{
	enum service_status st;

	(void)arg;
	for (size_t i = 0; i < service_demo_naccounts; i++) {
		const struct service_demo_account *d = &service_demo_accounts[i];

		st = service_account_put(s, d->user, service_role_code(d->role),
		    service_demo_site(s, d->site), d->password, false);
		if (st != SERVICE_OK)
			return st;
	}
	return SERVICE_OK;
}

/* Why the demo password is tried only on accounts whose session_gen grew:
 * a yescrypt check costs tens of milliseconds, and the login screen asks
 * at every draw. An account the demo made and nobody touched has
 * session_gen 0 and the demo password; one that was reset, given a new
 * password, disabled or locked since has a higher one, and is tried once
 * per hash it has (the handle remembers the answer for that hash). */
bool
service_demo_password_valid(struct service *s, const char *user)
{
	const struct service_demo_account *d = NULL;
	struct store_account               acc;
	char                               hash[sizeof s->demo_seen[0].hash];
	size_t                             slot = 0;

	for (size_t i = 0; i < service_demo_naccounts && d == NULL; i++)
		if (user != NULL && strcmp(service_demo_accounts[i].user, user) == 0)
			d = &service_demo_accounts[i], slot = i;
	if (d == NULL || s == NULL || s->mode != SERVICE_DB_TRAINING ||
	    store_account_get(s->st, user, &acc) != STORE_OK || !acc.has_password ||
	    acc.must_change || acc.disabled)
		return false;
	if (acc.session_gen == 0)
		return true;
	if (slot >= SERVICE_DEMO_SEEN || store_account_hash(s->st, user, hash, sizeof hash) != STORE_OK)
		return service_account_password_is(s, user, d->password);
	if (strcmp(s->demo_seen[slot].hash, hash) != 0) {
		snprintf(s->demo_seen[slot].hash, sizeof s->demo_seen[slot].hash, "%s", hash);
		s->demo_seen[slot].ok = service_account_password_is(s, user, d->password);
	}
	return s->demo_seen[slot].ok;
}

/* The named persons, the fortnight, then the auto-endorsement batch as it
 * ran a month ago: 宋佳 endorsed (her card face not yet updated, ENDO-6),
 * 何军 not (no phone), 林涛 not (address changed). */
static enum service_status
demo_records_tx(struct service *s, void *arg)
{
	struct demo                *dm = arg;
	struct service_batch_result b;
	enum service_status         st;

	for (size_t i = 0; i < sizeof demo_persons / sizeof demo_persons[0]; i++)
		if ((st = demo_person(dm, &demo_persons[i])) != SERVICE_OK)
			return st;
	if ((st = service_demo_fortnight(s, dm->today)) != SERVICE_OK)
		return st;
	return service_batch_auto_endorse(s, &dm->admin, dm->today - DEMO_BATCH_AGO, &b);
}

enum service_status
service_demo_fill(struct service *s, jzz_date today)
{
	struct demo         dm;
	enum service_status st;

	if (s->mode != SERVICE_DB_TRAINING)
		return service_fail(s, SERVICE_ERR_DENIED, "demo data goes into a training database"
		    " only");
	if (today == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day");
	memset(&dm, 0, sizeof dm);
	dm.s = s;
	dm.today = today;
	if ((st = service_tx(s, demo_accounts_tx, NULL)) != SERVICE_OK)
		return st;
	if ((st = service_actor_issue(s, "admin", NULL, false, &dm.admin)) != SERVICE_OK ||
	    (st = service_actor_issue(s, "super1", NULL, false, &dm.super)) != SERVICE_OK)
		return st;
	/* Every business of the demo in one transaction (service_tx.c says
	 * why): written once, and there whole or not at all. */
	return service_tx(s, demo_records_tx, &dm);
}

enum service_status
service_init_training(const char *path, const char *centre, const char *holidays_dir,
                      jzz_date today, char *err, size_t errlen)
{
	struct service_init_opts o;
	enum service_status      st;
	struct service          *s;
	char                     kp[4096];

	if (path == NULL) {
		snprintf(err, errlen, "a training database needs its own path");
		return SERVICE_ERR_INVALID;
	}
	memset(&o, 0, sizeof o);
	o.centre = centre;
	o.holidays_dir = holidays_dir;
	o.mode = SERVICE_DB_TRAINING;
	if ((st = service_create(path, &o, err, errlen)) != SERVICE_OK)
		return st;
	explicit_bzero(o.admin_password_out, sizeof o.admin_password_out);
	if ((s = service_open_mode(path, SERVICE_DB_TRAINING, err, errlen)) == NULL)
		st = SERVICE_ERR_DB;
	else {
		st = service_demo_fill(s, today != JZZ_DATE_NONE ? today : service_real_today());
		if (st != SERVICE_OK)
			snprintf(err, errlen, "%s", service_errmsg(s));
		service_close(s);
	}
	if (st != SERVICE_OK) {
		/* Half a training database would be taken as whole next time;
		 * both files were made by this call. */
		unlink(path);
		if (service_audit_key_path(path, NULL, kp, sizeof kp))
			unlink(kp);
	}
	return st;
}

/* ---- reset ---- */

static enum service_status
training_wipe_tx(struct service *s, void *arg)
{
	const struct service_actor *a = arg;

	SERVICE_TRY(s, store_training_wipe(s->st));
	SERVICE_TRY(s, store_audit_mark(s->st, true, true));
	/* The first entry of the new chain says who reset it. */
	return service_audit(s, a, service_real_today(), "training_reset", s->home_centre,
	    "training database reset");
}

/* The data is made around `today` (the trainer's day of work, when a day
 * is set) and that day stays the day of work afterwards: the wipe empties
 * the settings, and a window opened after the reset must work on the day
 * the demo's events were placed around, not on the real date among them. */
enum service_status
service_training_reset(struct service *s, const struct service_actor *a, jzz_date today)
{
	struct day_arg      da = { a, JZZ_DATE_NONE };
	enum service_status st;

	if ((st = training_check(s, a)) != SERVICE_OK)
		return st;
	if (today == JZZ_DATE_NONE)
		today = service_work_day(s, service_real_today());
	if ((st = service_tx(s, training_wipe_tx, (void *)a)) != SERVICE_OK)
		return st;
	if ((st = service_demo_fill(s, today)) != SERVICE_OK)
		return st;
	if (today == service_real_today())
		return SERVICE_OK;   /* the real date needs no stored day */
	da.day = today;
	return service_tx(s, training_day_tx, &da);
}
