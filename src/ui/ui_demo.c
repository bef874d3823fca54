/*
 * ui_demo.c: the training database of `jzz demo`: demo accounts and demo
 * persons, each in a state a trainee should meet (eligible for a permit,
 * too early for one, a card in production, a card waiting with an overdue
 * notice, a permit in its endorsement window, one 70 days past it).
 *
 * Why through the service layer: the demo data must be exactly what the
 * businesses themselves would have written (receipts, milestones, audit),
 * so it is made by running those businesses on earlier days, never by
 * writing rows.
 */
#include "uipriv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jzz/idnum.h"

const struct ui_demo_account ui_demo_accounts[] = {
	{ "clerk1", SERVICE_ROLE_CLERK },
	{ "clerk2", SERVICE_ROLE_CLERK },
	{ "super1", SERVICE_ROLE_SUPERVISOR },
};
const size_t ui_demo_naccounts = sizeof ui_demo_accounts / sizeof ui_demo_accounts[0];

#define DEMO_CENTRE "310105009"

/* A demo person and what has happened to them, in days before today. */
struct demo_person {
	const char *name;
	const char *addr6;
	int         y, m, d;
	const char *seq3;
	int         registered_ago;    /* days, for those without a permit */
	int         permit_ago;        /* days; 0: no permit */
	int         received_ago;      /* days; 0: card not received */
	bool        picked_up;
};

static const struct demo_person demo_persons[] = {
	{ "李娜", "340104", 1992, 7, 19, "317", 240, 0, 0, false },   /* may apply for a permit */
	{ "王强", "320102", 1988, 3, 2, "415", 60, 0, 0, false },     /* too early for a permit */
	{ "孙伟", "420106", 1995, 11, 30, "233", 400, 30, 0, false }, /* card made, not arrived */
	{ "周杰", "510104", 1990, 5, 5, "151", 420, 40, 6, false },   /* card waiting, notice overdue */
	{ "赵敏", "430102", 1985, 1, 12, "268", 800, 376, 0, true },  /* endorsement window open */
	{ "吴芳", "370102", 1993, 9, 9, "442", 900, 456, 0, true },   /* 70-odd days past validity */
};

static void
ui_demo_id(const struct demo_person *p, char out[19])
{
	snprintf(out, 19, "%.6s%04d%02d%02d%.3s", p->addr6, p->y, p->m, p->d, p->seq3);
	out[17] = idnum_check_char(out);
	out[18] = '\0';
}

static void
ui_demo_case(struct jzz_case *c, enum jzz_business b, jzz_date day, const struct demo_person *p)
{
	case_init(c);
	c->business = b;
	c->channel = CH_COUNTER;
	c->today = day;
	ui_demo_id(p, c->applicant.id_number);
	c->applicant.id_len = strlen(c->applicant.id_number);
	snprintf(c->applicant.name, sizeof c->applicant.name, "%s", p->name);
	snprintf(c->applicant.phone, sizeof c->applicant.phone, "139%08d", p->y * 10000 + p->m * 100 + p->d);
}

static int
ui_demo_submit(struct service *s, const struct service_actor *a, struct jzz_case *c,
            char *err, size_t errlen)
{
	struct service_result res;

	if (service_submit(s, a, c, c->today, &res) != SERVICE_OK) {
		snprintf(err, errlen, "%s", service_errmsg(s));
		return -1;
	}
	if (res.decision.verdict != VERDICT_ACCEPT) {
		snprintf(err, errlen, "demo %s of %s not accepted (%s)",
		    case_business_vocab[c->business].code, c->applicant.name,
		    rules_verdict_code(res.decision.verdict));
		return -1;
	}
	return 0;
}

static int
ui_demo_fill(struct service *s, jzz_date today, char *err, size_t errlen)
{
	struct service_actor a;
	struct jzz_case      c;

	if (service_actor(s, "admin", NULL, &a) != SERVICE_OK) {
		snprintf(err, errlen, "%s", service_errmsg(s));
		return -1;
	}
	for (size_t i = 0; i < ui_demo_naccounts; i++)
		if (service_user_add(s, &a, ui_demo_accounts[i].user,
		    (enum service_role)ui_demo_accounts[i].role, DEMO_CENTRE) != SERVICE_OK) {
			snprintf(err, errlen, "%s", service_errmsg(s));
			return -1;
		}
	for (size_t i = 0; i < sizeof demo_persons / sizeof demo_persons[0]; i++) {
		const struct demo_person *p = &demo_persons[i];
		char                      idn[19];

		/* A permit needs a registration 6 to 12 months old (REG-2, REG-3). */
		ui_demo_case(&c, BIZ_REGISTRATION, today - (p->permit_ago > 0 ? p->permit_ago + 200 :
		    p->registered_ago), p);
		c.has_housing = true;
		c.housing.tenure = TENURE_RENT;
		c.documents = DOCBIT(DOC_ID_CARD) | DOCBIT(DOC_REGISTRATION_FORM) |
		    DOCBIT(DOC_LEASE_FILING_CERTIFICATE);
		if (ui_demo_submit(s, &a, &c, err, errlen) != 0)
			return -1;
		if (p->permit_ago == 0)
			continue;
		ui_demo_case(&c, BIZ_PERMIT_NEW, today - p->permit_ago, p);
		c.documents = DOCBIT(DOC_ID_CARD) | DOCBIT(DOC_PERMIT_APPLICATION_FORM);
		if (ui_demo_submit(s, &a, &c, err, errlen) != 0)
			return -1;
		ui_demo_id(p, idn);
		if (p->received_ago > 0 || p->picked_up) {
			jzz_date arrived = p->received_ago > 0 ? today - p->received_ago :
			    today - p->permit_ago + 30;
			struct service_card_info card;

			if (service_card_received(s, &a, idn, arrived, &card) != SERVICE_OK) {
				snprintf(err, errlen, "%s", service_errmsg(s));
				return -1;
			}
			if (p->picked_up) {
				ui_demo_case(&c, BIZ_PICKUP, arrived + 1, p);
				c.documents = DOCBIT(DOC_ID_CARD) | DOCBIT(DOC_ACCEPTANCE_RECEIPT);
				if (ui_demo_submit(s, &a, &c, err, errlen) != 0)
					return -1;
			}
		}
	}
	return 0;
}

int
ui_demo_prepare(const char *path, jzz_date today, const char *holidays, char *err, size_t errlen)
{
	struct stat     st;
	struct service *s;
	char            def[1024];

	if (path == NULL)
		return -1;
	if (stat(path, &st) == 0 && st.st_size > 0)
		return 0;   /* already there: training goes on where it was */
	(void)def;
	if (service_init(path, DEMO_CENTRE, holidays, err, errlen) != SERVICE_OK)
		return -1;
	s = service_open(path, err, errlen);
	if (s == NULL)
		return -1;
	if (ui_demo_fill(s, today, err, errlen) != 0) {
		service_close(s);
		unlink(path);   /* half a training database would be taken as whole next time */
		return -1;
	}
	service_close(s);
	return 0;
}
