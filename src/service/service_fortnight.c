/*
 * service_fortnight.c: the demo's recent fortnight: the 14 working days
 * before the demo's day at the home centre and the two centres beside it,
 * with dozens of businesses a day by several clerks: registrations (some
 * incomplete, some refused), first permits (some too early, some by post or
 * on the fast track), cards arriving, their pickup notices sent (a few left
 * unsent: overdue), pickups, replacements with their fees and receipt-book
 * numbers, endorsements (in the window, late, too early), changes of
 * details and a cancellation or two.
 *
 * Why businesses, not rows: as for the demo persons (service_training.c),
 * the records must be what the counters would have written; each person's
 * past (the registration months before, the permit, the card) is played on
 * its own earlier days just before the business of the fortnight, through
 * the same service functions.
 *
 * Why a fixed seed: the same demo every time it is made, so that a
 * trainer's notes and the tests hold; only the days move with the demo's
 * day (and its working-day calendar).
 *
 * Why it stays clear of the named persons' stories: the fortnight's people
 * have ID numbers of regions and names that no demo person, scenario or
 * test uses, and no permit of theirs falls in the range the demo's
 * auto-endorsement batch looked at, so that every named person's outcome
 * is what service_training.c says.
 */
#include "service_internal.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/calendar.h"

#define FORT_DAYS  14
#define FORT_SEED  UINT64_C(0x6A7A7A2026112701)
#define FORT_SITES 3

struct fort_site {
	const char           *code;
	int                   volume;       /* businesses on an ordinary day */
	struct service_actor  clerk[3];
	int                   share[3];     /* of every 10 businesses, each clerk's */
	int                   nclerks;
};

struct fort {
	struct service       *s;
	jzz_date              today;
	uint64_t              rng;
	int                   serial;       /* persons made: their ID numbers */
	int                   fee_no;       /* the next page of the receipt book */
	struct service_actor  admin, super;
	struct fort_site      site[FORT_SITES];
};

struct fort_person {
	char id[19];
	char person_id[SERVICE_UUID_LEN];
	bool phone;
	char ap[320];   /* the applicant object */
};

/* xorshift64: small, and the same sequence on every machine. */
static uint32_t
fort_rand(struct fort *f)
{
	f->rng ^= f->rng << 13;
	f->rng ^= f->rng >> 7;
	f->rng ^= f->rng << 17;
	return (uint32_t)(f->rng >> 32);
}

/* 0 .. n-1 */
static int
fort_pick(struct fort *f, int n)
{
	return n > 0 ? (int)(fort_rand(f) % (unsigned)n) : 0;
}

/* lo .. hi */
static int
fort_between(struct fort *f, int lo, int hi)
{
	return lo + fort_pick(f, hi - lo + 1);
}

/* Regions (county codes) none of the named demo persons, scenarios or
 * tests uses, so that no ID number made here is one of theirs. */
static const char *const fort_regions[] = {
	"120101", "130104", "210102", "220102", "230102", "330102", "340102", "350104",
	"360103", "370103", "410105", "420102", "430104", "440103", "450103", "500103",
	"510105", "520102", "530102", "610102", "620102", "640104", "360502", "421002",
};
#define FORT_NREGIONS (sizeof fort_regions / sizeof fort_regions[0])

static const char *const fort_surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
	"邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "蒋", "蔡", "余", "杜", "叶",
	"程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭", "陆",
};
/* Given names that make none of the demo's or the tests' names. */
static const char *const fort_given[] = {
	"建国", "秀英", "志明", "海燕", "文博", "晓东", "春梅", "国庆", "玉兰", "子豪", "思雨",
	"浩然", "雨萱", "俊杰", "欣怡", "宇航", "梓涵", "明辉", "丽华", "红霞", "永福", "金凤",
	"德华", "美玲", "振宇", "雪梅", "立新", "淑珍", "嘉怡", "天宇", "鹏", "琳", "勇", "燕",
	"斌", "婷", "超", "颖", "辉", "倩", "毅", "萍", "昊", "蕾", "凯", "霞", "楠", "慧",
};

/* Roads of each centre's street, for the addresses registered there. */
static const char *
fort_road(struct fort *f, const char *street)
{
	static const struct { const char *code, *roads[3]; } r[] = {
		{ "310105001", { "华阳路", "长宁路", "安西路" } },
		{ "310105002", { "江苏路", "愚园路", "武夷路" } },
		{ "310105004", { "新华路", "番禺路", "法华镇路" } },
		{ "310105005", { "长宁路", "中山西路", "万航渡路" } },
		{ "310105006", { "天山路", "遵义路", "娄山关路" } },
		{ "310105008", { "仙霞路", "茅台路", "威宁路" } },
		{ "310105009", { "虹桥路", "古北路", "延安西路" } },
		{ "310105010", { "程家桥路", "虹桥路", "哈密路" } },
		{ "310105011", { "北渔路", "天山西路", "协和路" } },
		{ "310105102", { "天山西路", "福泉北路", "剑河路" } },
	};
	int k = fort_pick(f, 3);

	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		if (strcmp(r[i].code, street) == 0)
			return r[i].roads[k];
	return "长宁路";
}

/* An address object at the street of `site`. */
static void
fort_address(struct fort *f, int site, char *buf, size_t size)
{
	const char *street = f->site[site].code;
	const char *road = fort_road(f, street);

	snprintf(buf, size, "{\"district\":\"%.6s\",\"street\":\"%s\",\"road\":\"%s\","
	    "\"lane\":\"%d\",\"number\":\"%d\",\"room\":\"%d\"}", street, street, road,
	    fort_between(f, 1, 1200), fort_between(f, 1, 60), fort_between(f, 1, 6) * 100 +
	    fort_between(f, 1, 4));
}

/* A new person: a name, an ID number of their own, a mobile (or, now and
 * then, none: PERMIT-3's notice is then a phone call). */
static void
fort_person_new(struct fort *f, bool phone, struct fort_person *p)
{
	char seq[4], name[16];
	int  n = f->serial++;

	memset(p, 0, sizeof *p);
	snprintf(seq, sizeof seq, "%03d", (int)((size_t)n / FORT_NREGIONS % 1000));
	service_demo_id(fort_regions[(size_t)n % FORT_NREGIONS], fort_between(f, 1966, 2003),
	    fort_between(f, 1, 12), fort_between(f, 1, 28), seq, p->id);
	snprintf(name, sizeof name, "%s%s",
	    fort_surnames[fort_pick(f, (int)(sizeof fort_surnames / sizeof fort_surnames[0]))],
	    fort_given[fort_pick(f, (int)(sizeof fort_given / sizeof fort_given[0]))]);
	p->phone = phone;
	if (phone)
		snprintf(p->ap, sizeof p->ap, "{\"id_number\":\"%s\",\"name\":\"%s\","
		    "\"phone\":\"1%c%09u\"}", p->id, name, "3589"[fort_pick(f, 4)],
		    fort_rand(f) % 1000000000u);
	else
		snprintf(p->ap, sizeof p->ap, "{\"id_number\":\"%s\",\"name\":\"%s\"}", p->id, name);
}

/* The clerk who serves the next person at a site. */
static const struct service_actor *
fort_clerk(struct fort *f, int site)
{
	struct fort_site *fs = &f->site[site];
	int               r = fort_pick(f, 10);

	for (int i = 0; i < fs->nclerks; i++) {
		if (r < fs->share[i])
			return &fs->clerk[i];
		r -= fs->share[i];
	}
	return &fs->clerk[0];
}

/* ---- the past of a person, played on earlier days ---- */

/* An accepted registration, renting at the site's street. */
static enum service_status
fort_registered(struct fort *f, int site, jzz_date day, struct fort_person *p)
{
	struct service_result r;
	enum service_status   st;
	char                  addr[256];

	fort_address(f, site, addr, sizeof addr);
	st = service_demo_case(f->s, &f->site[site].clerk[0], day, VERDICT_ACCEPT, &r,
	    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
	    "\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}", p->ap, addr);
	if (st == SERVICE_OK)
		snprintf(p->person_id, sizeof p->person_id, "%s", r.person_id);
	return st;
}

/* A first permit accepted on `day` (its registration 200 days before);
 * *ready is the day its card is made. */
static enum service_status
fort_permitted(struct fort *f, int site, jzz_date day, struct fort_person *p, jzz_date *ready)
{
	struct service_result r;
	enum service_status   st;

	if ((st = fort_registered(f, site, day - 200, p)) != SERVICE_OK)
		return st;
	st = service_demo_case(f->s, &f->site[site].clerk[0], day, VERDICT_ACCEPT, &r,
	    "{\"business\":\"permit_new\",\"applicant\":%s,"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p->ap);
	*ready = r.decision.ready_on;
	return st;
}

/* The card arrives at the site on `day`; its pickup notice is sent that day
 * by SMS (or by a phone call to a holder without a mobile) unless `unsent`. */
static enum service_status
fort_arrived(struct fort *f, int site, jzz_date day, const struct fort_person *p, bool unsent)
{
	const struct service_actor *a = &f->site[site].clerk[0];
	struct service_sms_list     l;
	enum service_status         st;

	if ((st = service_card_received(f->s, a, p->id, day, NULL)) != SERVICE_OK || unsent)
		return st;
	if (!p->phone)
		return service_card_notified(f->s, a, p->id, day);
	if ((st = service_sms_pending(f->s, &f->admin, &l)) != SERVICE_OK)
		return st;
	for (size_t i = 0; i < l.n && st == SERVICE_OK; i++)
		if (strcmp(l.items[i].person_id, p->person_id) == 0 &&
		    strcmp(l.items[i].kind, "pickup_notice") == 0)
			st = service_sms_sent(f->s, &f->admin, l.items[i].id, day);
	service_sms_list_free(&l);
	return st;
}

static enum service_status
fort_picked_up(struct fort *f, int site, const struct service_actor *a, jzz_date day,
               const struct fort_person *p)
{
	struct service_result r;

	return service_demo_case(f->s, a != NULL ? a : &f->site[site].clerk[0], day,
	    VERDICT_ACCEPT, &r, "{\"business\":\"pickup\",\"applicant\":%s,"
	    "\"documents\":[\"id_card\",\"acceptance_receipt\"]}", p->ap);
}

/* A working day `n` working days after `day`. */
static jzz_date
fort_workdays(struct fort *f, jzz_date day, int n)
{
	int unloaded = 0;

	return calendar_add_workdays(f->s->cal, day, n, &unloaded);
}

/* A holder of a permit accepted on `accept`, whose card was handed over a
 * few working days after it was made. */
static enum service_status
fort_holder(struct fort *f, int site, jzz_date accept, struct fort_person *p)
{
	enum service_status st;
	jzz_date            ready, in;

	fort_person_new(f, fort_pick(f, 20) != 0, p);
	if ((st = fort_permitted(f, site, accept, p, &ready)) != SERVICE_OK)
		return st;
	in = fort_workdays(f, ready, fort_pick(f, 3));
	if ((st = fort_arrived(f, site, in, p, false)) != SERVICE_OK)
		return st;
	return fort_picked_up(f, site, NULL, fort_workdays(f, in, fort_between(f, 1, 6)), p);
}

/* ---- the businesses of the fortnight ---- */

/* `force`: the variant (0-99), or -1 for one drawn. */
static enum service_status
fort_registration(struct fort *f, int site, const struct service_actor *a, jzz_date day,
                  int force)
{
	struct fort_person    p;
	struct service_result r;
	char                  addr[256];
	int                   k = force >= 0 ? force : fort_pick(f, 100);
	static const char *const rel[] = { "father", "mother", "spouse", "brother", "sister" };
	static const char *const notrel[] = { "friend", "uncle", "cousin", "father_in_law" };

	fort_person_new(f, fort_pick(f, 20) != 0, &p);
	fort_address(f, site, addr, sizeof addr);
	if (k < 55)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
		    "\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
		    "\"lease_filing_certificate\"]}", p.ap, addr);
	if (k < 64)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"own\","
		    "\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
		    "\"property_certificate\"]}", p.ap, addr);
	if (k < 72)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":"
		    "\"relative_rent\",\"relation\":\"%s\",\"address\":%s},\"documents\":[\"id_card\","
		    "\"registration_form\",\"lease_filing_certificate\",\"%s\"]}", p.ap,
		    rel[fort_pick(f, 5)], addr, fort_pick(f, 2) ? "relationship_proof" :
		    "relative_commitment");
	if (k < 77)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":"
		    "\"dormitory\",\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
		    "\"dormitory_certificate\"]}", p.ap, addr);
	if (k < 84)   /* the lease filing not brought: 补正 */
		return service_demo_case(f->s, a, day, VERDICT_INCOMPLETE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
		    "\"address\":%s},\"documents\":[\"id_card\",\"registration_form\"]}", p.ap, addr);
	if (k < 88)   /* the form not filled in */
		return service_demo_case(f->s, a, day, VERDICT_INCOMPLETE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
		    "\"address\":%s},\"documents\":[\"id_card\",\"lease_filing_certificate\"]}",
		    p.ap, addr);
	if (k < 91)   /* the ID shown on a phone only (ID-2) */
		return service_demo_case(f->s, a, day, VERDICT_INCOMPLETE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
		    "\"address\":%s},\"documents\":[\"electronic_id\",\"registration_form\","
		    "\"lease_filing_certificate\"]}", p.ap, addr);
	if (k < 95)   /* HOUSE-4: a shop or an office */
		return service_demo_case(f->s, a, day, VERDICT_REFUSE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"own\","
		    "\"use\":\"%s\",\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
		    "\"property_certificate\"]}", p.ap, fort_pick(f, 2) ? "shop" : "office", addr);
	if (k < 98)   /* HOUSE-3: not a near relative */
		return service_demo_case(f->s, a, day, VERDICT_REFUSE, &r,
		    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":"
		    "\"relative_rent\",\"relation\":\"%s\",\"address\":%s},\"documents\":[\"id_card\","
		    "\"registration_form\",\"lease_filing_certificate\",\"relative_commitment\"]}",
		    p.ap, notrel[fort_pick(f, 4)], addr);
	/* HOUSE-6: leased to a company */
	return service_demo_case(f->s, a, day, VERDICT_REFUSE, &r,
	    "{\"business\":\"registration\",\"applicant\":%s,\"housing\":{\"tenure\":\"rent\","
	    "\"leased_to\":\"unit\",\"address\":%s},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}", p.ap, addr);
}

static enum service_status
fort_permit(struct fort *f, int site, const struct service_actor *a, jzz_date day)
{
	static const char *const why[] = { "study", "exam", "medical" };
	struct fort_person    p;
	struct service_result r;
	enum service_status   st;
	int                   k = fort_pick(f, 100);

	fort_person_new(f, fort_pick(f, 20) != 0, &p);
	/* REG-3: six months; the too-early ones registered 2 to 5 months ago */
	if ((st = fort_registered(f, site, day - (k < 86 ? fort_between(f, 185, 330) :
	    fort_between(f, 60, 170)), &p)) != SERVICE_OK)
		return st;
	if (k < 62)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_new\",\"applicant\":%s,"
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap);
	if (k < 70)   /* by post (PERMIT-5): 15 yuan to the courier */
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_new\",\"applicant\":%s,\"delivery\":{\"method\":\"post\","
		    "\"in_shanghai\":true,\"address\":\"上海市长宁区%s%d号\"},"
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap,
		    fort_road(f, f->site[site].code), fort_between(f, 1, 900));
	if (k < 78) {   /* the fast track (PERMIT-7): ready in 7 working days */
		st = service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_new_fast\",\"applicant\":%s,\"fast_track\":{\"reason\":"
		    "\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\","
		    "\"fast_track_request\"]}", p.ap, why[fort_pick(f, 3)]);
		if (st == SERVICE_OK && r.decision.ready_on < f->today)
			st = fort_arrived(f, site, r.decision.ready_on, &p, false);
		return st;
	}
	if (k < 86)   /* the application form not brought */
		return service_demo_case(f->s, a, day, VERDICT_INCOMPLETE, &r,
		    "{\"business\":\"permit_new\",\"applicant\":%s,\"documents\":[\"id_card\"]}", p.ap);
	return service_demo_case(f->s, a, day, VERDICT_REFUSE, &r,
	    "{\"business\":\"permit_new\",\"applicant\":%s,"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap);
}

/* A card that arrived after its notice was sent is collected. */
static enum service_status
fort_pickup(struct fort *f, int site, const struct service_actor *a, jzz_date day)
{
	struct fort_person  p;
	enum service_status st;
	jzz_date            ready, in;

	fort_person_new(f, fort_pick(f, 20) != 0, &p);
	if ((st = fort_permitted(f, site, day - fort_between(f, 35, 45), &p, &ready)) != SERVICE_OK)
		return st;
	in = fort_workdays(f, ready, fort_pick(f, 3));
	if (in >= day)
		in = day;
	if ((st = fort_arrived(f, site, in, &p, false)) != SERVICE_OK)
		return st;
	return fort_picked_up(f, site, a, day, &p);
}

/* Cards arriving (no application): their holders come after the demo's
 * day, or their notice was never given (`unsent`: overdue after 2 working
 * days). Some arrive before the day the rules computed: cards arrive early. */
static enum service_status
fort_arrival(struct fort *f, int site, jzz_date day, bool unsent)
{
	struct fort_person  p;
	enum service_status st;
	jzz_date            ready;

	fort_person_new(f, !unsent && fort_pick(f, 20) != 0, &p);
	if ((st = fort_permitted(f, site, day - fort_between(f, 22, 30), &p, &ready)) != SERVICE_OK)
		return st;
	return fort_arrived(f, site, day, &p, unsent);
}

static enum service_status
fort_replacement(struct fort *f, int site, const struct service_actor *a, jzz_date day,
                 int force)
{
	struct fort_person    p;
	struct service_result r;
	enum service_status   st;
	int                   k = force >= 0 ? force : fort_pick(f, 100);

	if ((st = fort_holder(f, site, day - fort_between(f, 200, 330), &p)) != SERVICE_OK)
		return st;
	if (k < 70)   /* lost: 20 yuan, a page of the receipt book */
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_replace\",\"applicant\":%s,\"personal_reason\":true,"
		    "\"fee_receipt_no\":\"NO.%07d\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap, f->fee_no++);
	if (k < 88)   /* lost and needed at once: on the spot (PERMIT-8) */
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_replace_fast\",\"applicant\":%s,\"personal_reason\":true,"
		    "\"fee_receipt_no\":\"NO.%07d\",\"fast_track\":{\"reason\":\"other\",\"text\":"
		    "\"出差急用\"},\"documents\":[\"id_card\",\"fast_track_request\"]}", p.ap,
		    f->fee_no++);
	if (k < 94)   /* a new card asked for again, for a personal reason: 20 yuan */
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"permit_reapply\",\"applicant\":%s,\"personal_reason\":true,"
		    "\"fee_receipt_no\":\"NO.%07d\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap, f->fee_no++);
	/* a faulty card: free */
	return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
	    "{\"business\":\"permit_replace\",\"applicant\":%s,\"personal_reason\":false,"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", p.ap);
}

/* Endorsements: in the window before the permit's last day, late (within
 * 60 days: ENDO-3 keeps the years), or before the window opens (ENDO-2).
 * The last days chosen lie outside the range of the demo's batch (the 30
 * days after its day), or the batch would have endorsed them already. */
static enum service_status
fort_endorsement(struct fort *f, int site, const struct service_actor *a, jzz_date day)
{
	struct fort_person    p;
	struct service_result r;
	enum service_status   st;
	const jzz_date        T = f->today;
	int                   k = fort_pick(f, 100);
	enum verdict          want = VERDICT_ACCEPT;
	jzz_date              until;

	if (k < 72 && day + 29 > T + 1)
		until = fort_between(f, (int)T + 1, (int)day + 29);
	else if (k < 90) {
		until = day - fort_between(f, 5, 45);
		if (until > T - 31)
			until = T - 31;
		if (until < day - 58)
			until = day - 58;
	} else {
		until = day + fort_between(f, 40, 80);
		want = VERDICT_REFUSE;
	}
	if ((st = fort_holder(f, site, service_demo_accept_for(f->s, until), &p)) != SERVICE_OK)
		return st;
	return service_demo_case(f->s, a, day, want, &r, "{\"business\":\"endorsement\","
	    "\"applicant\":%s,\"documents\":[\"id_card\"]}", p.ap);
}

/* Changes of details: a new mobile, or a move within the street (with its
 * lease); some told more than 30 days after (CHANGE-1 warns). */
static enum service_status
fort_change(struct fort *f, int site, const struct service_actor *a, jzz_date day)
{
	struct fort_person    p;
	struct service_result r;
	enum service_status   st;
	char                  on[JZZ_DATE_STRLEN], addr[256];
	int                   k = fort_pick(f, 100);

	fort_person_new(f, true, &p);
	if ((st = fort_registered(f, site, day - fort_between(f, 100, 300), &p)) != SERVICE_OK)
		return st;
	date_format(day - (k % 5 == 0 ? fort_between(f, 40, 80) : fort_between(f, 2, 20)), on);
	if (k < 65)
		return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
		    "{\"business\":\"info_change\",\"applicant\":%s,\"change\":{\"field\":\"phone\","
		    "\"changed_on\":\"%s\",\"new_value\":\"1%c%09u\"},\"documents\":[\"id_card\"]}",
		    p.ap, on, "3589"[fort_pick(f, 4)], fort_rand(f) % 1000000000u);
	fort_address(f, site, addr, sizeof addr);
	return service_demo_case(f->s, a, day, VERDICT_ACCEPT, &r,
	    "{\"business\":\"info_change\",\"applicant\":%s,\"change\":{\"field\":\"address\","
	    "\"changed_on\":\"%s\",\"address\":%s},\"housing\":{\"tenure\":\"rent\"},"
	    "\"documents\":[\"id_card\",\"lease_filing_certificate\"]}", p.ap, on, addr);
}

/* A supervisor cancels the permit of someone found not to live here. */
static enum service_status
fort_cancellation(struct fort *f, int site, jzz_date day)
{
	struct fort_person    p;
	struct service_result r;
	enum service_status   st;

	if ((st = fort_holder(f, site, day - fort_between(f, 120, 250), &p)) != SERVICE_OK)
		return st;
	return service_demo_case(f->s, &f->super, day, VERDICT_ACCEPT, &r,
	    "{\"business\":\"cancellation\",\"applicant\":%s}", p.ap);
}

/* One day at one site: a morning and an afternoon of the counters. */
static enum service_status
fort_day(struct fort *f, int site, int nth, jzz_date day)
{
	const struct fort_site *fs = &f->site[site];
	enum service_status     st = SERVICE_OK;
	int                     n = fs->volume * fort_between(f, 90, 115) / 100;

	/* the first days' cards of holders without a mobile whom nobody
	 * phoned: overdue notices on the days after */
	if (nth < 2 && (st = fort_arrival(f, site, day, true)) != SERVICE_OK)
		return st;
	if (site == 0 && (nth == 3 || nth == 9) && (st = fort_cancellation(f, site, day)) != SERVICE_OK)
		return st;
	/* whatever the draw, each day has its refusal, its missing document
	 * and its fee */
	if ((st = fort_registration(f, site, fort_clerk(f, site), day, 92)) != SERVICE_OK ||
	    (st = fort_registration(f, site, fort_clerk(f, site), day, 80)) != SERVICE_OK ||
	    (st = fort_replacement(f, site, fort_clerk(f, site), day, 0)) != SERVICE_OK)
		return st;
	for (int i = 3; i < n && st == SERVICE_OK; i++) {
		const struct service_actor *a = fort_clerk(f, site);
		int                         k = fort_pick(f, 100);

		if (k < 38)
			st = fort_registration(f, site, a, day, -1);
		else if (k < 58)
			st = fort_permit(f, site, a, day);
		else if (k < 70)
			st = fort_pickup(f, site, a, day);
		else if (k < 77)
			st = fort_replacement(f, site, a, day, -1);
		else if (k < 84)
			st = fort_endorsement(f, site, a, day);
		else if (k < 90)
			st = fort_change(f, site, a, day);
		else
			st = fort_arrival(f, site, day, false);
	}
	return st;
}

enum service_status
service_demo_fortnight(struct service *s, jzz_date today)
{
	static const struct { const char *user; int share; } clerks[FORT_SITES][3] = {
		{ { "clerk1", 5 }, { "clerk2", 3 }, { "clerk3", 2 } },
		{ { "clerk4", 10 }, { NULL, 0 }, { NULL, 0 } },
		{ { "clerk5", 10 }, { NULL, 0 }, { NULL, 0 } },
	};
	static const int volume[FORT_SITES] = { 28, 10, 8 };
	struct fort         f;
	enum service_status st;
	jzz_date            days[FORT_DAYS], d = today;
	int                 n = 0;

	memset(&f, 0, sizeof f);
	f.s = s;
	f.today = today;
	f.rng = FORT_SEED;
	f.fee_no = 31001;
	if ((st = service_actor_issue(s, "admin", NULL, false, &f.admin)) != SERVICE_OK ||
	    (st = service_actor_issue(s, "super1", NULL, false, &f.super)) != SERVICE_OK)
		return st;
	for (int i = 0; i < FORT_SITES; i++) {
		f.site[i].code = service_demo_site(s, i);
		f.site[i].volume = volume[i];
		for (int k = 0; k < 3 && clerks[i][k].user != NULL; k++) {
			if ((st = service_actor_issue(s, clerks[i][k].user, NULL, false,
			    &f.site[i].clerk[k])) != SERVICE_OK)
				return st;
			f.site[i].share[k] = clerks[i][k].share;
			f.site[i].nclerks++;
		}
	}
	/* the 14 working days before the demo's day, oldest first */
	for (int guard = 0; n < FORT_DAYS && guard < 60; guard++)
		if (calendar_is_workday(s->cal, --d))
			days[FORT_DAYS - 1 - n++] = d;
	for (int i = FORT_DAYS - n; i < FORT_DAYS; i++)
		for (int site = 0; site < FORT_SITES; site++)
			if ((st = fort_day(&f, site, i - (FORT_DAYS - n), days[i])) != SERVICE_OK)
				return st;
	return SERVICE_OK;
}
