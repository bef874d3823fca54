/*
 * store_seed.c: a synthetic district in bulk (see include/jzz/store_seed.h).
 *
 * Why it is written this way, each choice measured on the 10-million-person
 * target (docs/benchmarks.md):
 *  - One generator walks each person's life (registration, permit, card,
 *    yearly endorsements on time, late or never, replacements, changes,
 *    cancellations) and writes the rows that the businesses would have
 *    written, with the dates the policy gives them, so that every CHECK of
 *    the schema holds by construction and the states seen on `today` cover
 *    every stage (accepted, made, received, picked up, posted, suspended,
 *    cancelled).
 *  - The driver's bulk rows (store_driver.h copy_prepare), bound row by
 *    row, one transaction per batch of persons: on SQLite a prepared
 *    INSERT per table, with journal and fsync off, because the file is new
 *    (a crash means delete it and seed again), and foreign keys off while
 *    loading and checked once at the end on request (a check per row
 *    would double the time); on PostgreSQL the rows of a few thousand
 *    persons kept and sent in one COPY per table, parents first, the
 *    batch's foreign keys checked at its commit (sql_bulk_begin). The SQL
 *    is the same table and column lists on both.
 *  - Ids are UUIDs like the service's, but ordered (a sequence in the
 *    first 48 bits, version 8 "custom", random after): the primary key
 *    indexes then grow at their right edge instead of splitting pages all
 *    over a 30-million-entry tree (SQLite keeps each in 16 bytes, v8).
 *  - Every other index of the schema (whatever migrations made it, the
 *    unique ones included since v8 made the UNIQUE constraints indexes) is
 *    dropped before the load and rebuilt after it from its own SQL text,
 *    which sorts once instead of inserting 30 million times at random. Only
 *    the primary keys stay live during the load; what the unique indexes
 *    would refuse, the seed never makes (ID numbers by the hash set below,
 *    receipt numbers by their counters, one registration, permit or card
 *    per application), and a duplicate would fail the index's build.
 *  - Receipt numbers are drawn from a per-centre, per-day counter in memory
 *    and the counters are saved to receipt_seq, so the next real submit on a
 *    seeded day continues the sequence instead of colliding.
 *  - ID numbers are unique by a hash set of the 17 digits (collisions of
 *    random birth dates and sequence numbers are certain at this size).
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jzz/idnum.h"
#include "jzz/store_seed.h"

/* ---- the district's words ---- */

static const char *const seed_all_centres[STORE_SEED_CENTRES_MAX] = {
	"310105001", "310105002", "310105004", "310105005", "310105006",
	"310105008", "310105009", "310105010", "310105011", "310105102",
};

/* Streets of each centre (长宁区), in the order of seed_all_centres. */
static const char *const seed_streets[STORE_SEED_CENTRES_MAX][4] = {
	{ "长宁路", "安化路", "定西路", "延安西路" },     /* 华阳路街道 */
	{ "江苏路", "愚园路", "武夷路", "镇宁路" },       /* 江苏路街道 */
	{ "新华路", "番禺路", "定西路", "法华镇路" },     /* 新华路街道 */
	{ "长宁路", "中山西路", "万航渡路", "凯旋路" },   /* 周家桥街道 */
	{ "天山路", "遵义路", "茅台路", "娄山关路" },     /* 天山路街道 */
	{ "仙霞路", "茅台路", "威宁路", "水城路" },       /* 仙霞新村街道 */
	{ "虹桥路", "古北路", "延安西路", "红宝石路" },   /* 虹桥街道 */
	{ "虹桥路", "哈密路", "程家桥路", "虹许路" },     /* 程家桥街道 */
	{ "北新泾路", "天山西路", "北翟路", "金钟路" },   /* 北新泾街道 */
	{ "淞虹路", "剑河路", "双流路", "天山西路" },     /* 新泾镇 */
};

static const char *const seed_surnames[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱",
	"胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯",
	"邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡", "余", "杜",
	"叶", "程", "苏", "魏", "吕", "丁", "任", "沈", "姚", "卢", "姜", "崔", "钟", "谭",
	"陆", "汪", "范", "金", "石", "廖", "贾", "夏", "韦", "付", "方", "白", "邹", "孟",
	"欧阳", "司马", "诸葛",
};
static const char *const seed_given[] = {
	"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟",
	"涛", "明", "超", "秀", "霞", "平", "刚", "桂", "英", "华", "玉", "兰", "文", "辉",
	"鹏", "飞", "建", "国", "红", "梅", "波", "斌", "宇", "浩", "凯", "婷", "雪", "琳",
	"晨", "欣", "怡", "佳", "子", "涵", "轩", "博", "思", "雨", "宁", "海", "林", "春",
	"志", "晓", "嘉", "俊", "峰", "慧", "颖", "倩", "璐", "阳", "昊", "然", "天", "一",
};

/* Prefecture-level address codes outside Shanghai (provinces valid for ID-3). */
static const int seed_areas[] = {
	340102, 340202, 341202, 341302, 320102, 320311, 321302, 320803, 330102, 330302,
	410102, 410302, 411302, 411602, 510104, 511302, 513401, 360102, 360702, 361102,
	430102, 430602, 420102, 421002, 370102, 370202, 371302, 130102, 130602, 350102,
	350502, 440103, 440304, 450102, 460105, 500101, 500112, 520102, 530102, 540102,
	610102, 620102, 630102, 640104, 650102, 110101, 120101, 140105, 150102, 210102,
	220102, 230102,
};

#define SEED_N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* ---- the generator ---- */

struct seed {
	struct store                  *st;
	const struct store_seed_opts  *o;
	struct store_seed_stats       *stats;
	uint64_t    rng;
	uint64_t    uuid_seq;
	jzz_date    h0, today;
	int         ndays;
	int         nc;
	const char *centres[STORE_SEED_CENTRES_MAX];
	int         street_of[STORE_SEED_CENTRES_MAX];  /* index into seed_streets */
	char        clerk[STORE_SEED_CENTRES_MAX][32];
	char        supervisor[STORE_SEED_CENTRES_MAX][32];
	int        *receipt;        /* [nc * ndays]: last number drawn */
	uint64_t   *idset;          /* open addressing; 0 = empty */
	size_t      idmask;
	long        fee_book;
	struct store_dates dates;   /* bound as kept texts (saves a malloc a date) */
	struct store_stmt *s_person, *s_app, *s_rule, *s_reg, *s_permit, *s_card, *s_endo;
	struct store_stmt *s_change, *s_fee, *s_sms;
};

/* splitmix64: fast, and the same seed gives the same district. */
static uint64_t
seed_next(struct seed *sd)
{
	uint64_t z = (sd->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int
seed_below(struct seed *sd, int n)
{
	return n <= 1 ? 0 : (int)(seed_next(sd) % (uint64_t)n);
}

static bool
seed_pct(struct seed *sd, int pct)
{
	return seed_below(sd, 100) < pct;
}

/* An ordered UUID, 36 characters: sequence (48 bits), version 8, random. */
static void
seed_uuid(struct seed *sd, char out[STORE_UUID_LEN])
{
	uint64_t q = ++sd->uuid_seq, r = seed_next(sd);

	snprintf(out, STORE_UUID_LEN, "%08x-%04x-8%03x-%04x-%012llx",
	    (unsigned)(q >> 16), (unsigned)(q & 0xffff), (unsigned)(r & 0xfff),
	    (unsigned)(0x8000 | ((r >> 12) & 0x3fff)),
	    (unsigned long long)((r >> 26) & 0xffffffffffffULL));
}

static void
seed_ts(struct seed *sd, jzz_date day, char out[32])
{
	char d[JZZ_DATE_STRLEN];
	int  secs = 3600 + seed_below(sd, 8 * 3600);   /* 09:00-17:00 in Shanghai */

	date_format(day, d);
	snprintf(out, 32, "%sT%02d:%02d:%02d.%03dZ", d, secs / 3600, secs / 60 % 60, secs % 60,
	    seed_below(sd, 1000));
}

static jzz_date
seed_clamp(const struct seed *sd, jzz_date d)
{
	return d < sd->h0 ? sd->h0 : d > sd->today ? sd->today : d;
}

/* ---- binding: the store's own row binders (store_internal.h) ---- */

static enum store_rc
seed_step(struct seed *sd, struct store_stmt *s)
{
	int rc = stmt_step(s);

	stmt_reset(s);
	return rc == STMT_DONE ? STORE_OK : store_fail(sd->st, rc);
}

#define SEED_TRY(x) do { enum store_rc seed_rc_ = (x); if (seed_rc_ != STORE_OK) return seed_rc_; } while (0)

/* ---- ID numbers ---- */

static bool
seed_idset_add(struct seed *sd, uint64_t v)
{
	size_t i = (size_t)((v * 0x9e3779b97f4a7c15ULL) >> 20) & sd->idmask;

	v++;   /* 0 marks an empty slot */
	while (sd->idset[i] != 0) {
		if (sd->idset[i] == v)
			return false;
		i = (i + 1) & sd->idmask;
	}
	sd->idset[i] = v;
	return true;
}

/* Ages 0-80, mostly of working age. */
static jzz_date
seed_birth(struct seed *sd)
{
	int r = seed_below(sd, 100), age;

	if (r < 8)
		age = seed_below(sd, 16);
	else if (r < 90)
		age = 18 + seed_below(sd, 35);
	else
		age = 53 + seed_below(sd, 28);
	return sd->today - age * 365 - seed_below(sd, 365);
}

static void
seed_idnum(struct seed *sd, jzz_date birth, char out[19])
{
	int y, m, d;

	date_to_ymd(birth, &y, &m, &d);
	for (;;) {
		int      area = seed_areas[seed_below(sd, SEED_N(seed_areas))];
		int      seq = seed_below(sd, 1000);
		uint64_t v = (uint64_t)area * 100000000000ULL + (uint64_t)(y * 10000 + m * 100 + d) * 1000ULL +
		    (uint64_t)seq;

		if (!seed_idset_add(sd, v))
			continue;
		snprintf(out, 19, "%06d%04d%02d%02d%03d", area, y, m, d, seq);
		out[17] = idnum_check_char(out);
		out[18] = '\0';
		return;
	}
}

static void
seed_name(struct seed *sd, char *out, size_t size)
{
	const char *s = seed_surnames[seed_below(sd, SEED_N(seed_surnames))];
	const char *g1 = seed_given[seed_below(sd, SEED_N(seed_given))];

	if (seed_pct(sd, 70))
		snprintf(out, size, "%s%s%s", s, g1, seed_given[seed_below(sd, SEED_N(seed_given))]);
	else
		snprintf(out, size, "%s%s", s, g1);
}

static void
seed_address(struct seed *sd, int c, char *out, size_t size)
{
	const char *street = seed_streets[sd->street_of[c]][seed_below(sd, 4)];

	if (seed_pct(sd, 75))
		snprintf(out, size, "上海市长宁区%s%d弄%d号%d%02d室", street, 1 + seed_below(sd, 1200),
		    1 + seed_below(sd, 40), 1 + seed_below(sd, 18), 1 + seed_below(sd, 6));
	else
		snprintf(out, size, "上海市长宁区%s%d号%d%02d室", street, 1 + seed_below(sd, 2000),
		    1 + seed_below(sd, 30), 1 + seed_below(sd, 8));
}

/* ---- applications ---- */

struct seed_app {
	char              id[STORE_UUID_LEN];
	char              receipt[STORE_RECEIPT_LEN];
	jzz_date          day;
	int               centre;
	bool              supervisor;
	enum jzz_business biz;
	enum jzz_channel  channel;
	enum verdict      verdict;
	bool              address_changed;
	int               fee, cod;
	jzz_date          ready_on, new_valid_until;
	enum rule_id      rule;     /* the failing or missing rule when not accepted */
	jzz_docset        docs;
};

struct seed_person {
	char     id[STORE_UUID_LEN];
	char     id_number[19];
	char     name[CASE_NAME_MAX];
	char     phone[CASE_PHONE_MAX];
	char     address[STORE_TEXT_LEN];
	jzz_date birth;
	int      centre;
};

static const char *const seed_json[VERDICT__COUNT] = {
	"{\"verdict\":\"accept\",\"seeded\":true}",
	"{\"verdict\":\"incomplete\",\"seeded\":true}",
	"{\"verdict\":\"refuse\",\"seeded\":true}",
};

static enum store_rc
seed_app_write(struct seed *sd, const struct seed_person *p, struct seed_app *a)
{
	struct store_stmt *s = sd->s_app;
	char          at[32];
	bool          acc = a->verdict == VERDICT_ACCEPT;
	struct store_application row;
	struct store_app_outcome o = { a->verdict, a->fee, a->cod, a->ready_on, a->new_valid_until };
	struct rule_result       rule = { 0 };

	seed_uuid(sd, a->id);
	a->receipt[0] = '\0';
	if (acc) {
		int *n;
		int  y, m, d;

		if (a->day < sd->h0 || a->day > sd->today) {
			snprintf(sd->st->err, sizeof sd->st->err, "seed: a day outside the history");
			return STORE_ERR;
		}
		n = &sd->receipt[a->centre * sd->ndays + (a->day - sd->h0)];

		date_to_ymd(a->day, &y, &m, &d);
		snprintf(a->receipt, sizeof a->receipt, "%s-%04d%02d%02d-%04d", sd->centres[a->centre],
		    y, m, d, ++*n);
	}
	seed_ts(sd, a->day, at);
	memset(&row, 0, sizeof row);
	snprintf(row.id, sizeof row.id, "%s", a->id);
	row.day = a->day;
	snprintf(row.centre, sizeof row.centre, "%s", sd->centres[a->centre]);
	snprintf(row.user, sizeof row.user, "%s",
	    a->supervisor ? sd->supervisor[a->centre] : sd->clerk[a->centre]);
	row.business = a->biz;
	row.channel = a->channel;
	snprintf(row.id_number, sizeof row.id_number, "%s", p->id_number);
	snprintf(row.name, sizeof row.name, "%s", p->name);
	snprintf(row.person_id, sizeof row.person_id, "%s", p->id);
	row.address_changed = a->address_changed;
	snprintf(row.receipt_no, sizeof row.receipt_no, "%s", a->receipt);
	row.decision_json = seed_json[a->verdict];
	store_application_bind(s, &row, at, &o, &sd->dates);
	SEED_TRY(seed_step(sd, s));
	sd->stats->applications++;
	if (acc)
		return STORE_OK;
	/* The rule that stopped it, as the history shows it (accepted
	 * applications keep no per-rule rows in the seed). */
	rule.rule = (uint8_t)a->rule;
	rule.outcome = a->verdict == VERDICT_INCOMPLETE ? OUT_MISSING : OUT_FAIL;
	rule.docs = a->docs;
	rule.date = JZZ_DATE_NONE;
	SEED_TRY(seed_step(sd, store_app_rule_bind(sd->s_rule, a->id, 0, &rule, &sd->dates)));
	sd->stats->rules++;
	return STORE_OK;
}

static void
seed_app_init(struct seed_app *a, enum jzz_business biz, jzz_date day, int centre)
{
	memset(a, 0, sizeof *a);
	a->biz = biz;
	a->day = day;
	a->centre = centre;
	a->channel = CH_COUNTER;
	a->verdict = VERDICT_ACCEPT;
	a->ready_on = a->new_valid_until = JZZ_DATE_NONE;
}

/* An application that did not go through: documents missing, or refused. */
static enum store_rc
seed_app_failed(struct seed *sd, const struct seed_person *p, enum jzz_business biz,
                jzz_date day, int centre)
{
	static const struct { enum rule_id rule; jzz_docset docs; } missing[] = {
		{ R_HOUSE_2, DOCBIT(DOC_LEASE_FILING_CERTIFICATE) },
		{ R_ID_1, DOCBIT(DOC_ID_CARD) },
		{ R_PERMIT_1, DOCBIT(DOC_PERMIT_APPLICATION_FORM) },
		{ R_HOUSE_3, DOCBIT(DOC_RELATIONSHIP_PROOF) },
	};
	static const enum rule_id refused[] = { R_HOUSE_4, R_REG_3, R_ELIG_2, R_ENDO_3 };
	struct seed_app a;

	seed_app_init(&a, biz, seed_clamp(sd, day), centre);
	if (seed_pct(sd, 70)) {
		int k = seed_below(sd, SEED_N(missing));

		a.verdict = VERDICT_INCOMPLETE;
		a.rule = missing[k].rule;
		a.docs = missing[k].docs;
	} else {
		a.verdict = VERDICT_REFUSE;
		a.rule = refused[seed_below(sd, SEED_N(refused))];
	}
	return seed_app_write(sd, p, &a);
}

/* ---- records ---- */

static enum store_rc
seed_person_write(struct seed *sd, const struct seed_person *p, jzz_date since)
{
	struct store_stmt  *s = sd->s_person;
	char                at[32];
	struct store_person row = { .birth = p->birth };

	seed_ts(sd, since, at);
	snprintf(row.id, sizeof row.id, "%s", p->id);
	snprintf(row.id_number, sizeof row.id_number, "%s", p->id_number);
	snprintf(row.name, sizeof row.name, "%s", p->name);
	snprintf(row.phone, sizeof row.phone, "%s", p->phone);
	snprintf(row.address, sizeof row.address, "%s", p->address);
	store_cols_bind(s, 1, store_person_cols, STORE_PERSON_NCOLS, &row, &sd->dates);
	stmt_bind_text(s, 8, at);
	stmt_bind_text(s, 9, at);
	SEED_TRY(seed_step(sd, s));
	sd->stats->persons++;
	return STORE_OK;
}

static enum store_rc
seed_registration(struct seed *sd, const struct seed_person *p, jzz_date day, int centre)
{
	static const enum jzz_tenure tenures[] = {
		TENURE_RENT, TENURE_RENT, TENURE_RENT, TENURE_RENT, TENURE_RENT, TENURE_RENT,
		TENURE_OWN, TENURE_RELATIVE_OWN, TENURE_RELATIVE_RENT, TENURE_DORMITORY,
		TENURE_DORMITORY, TENURE_UNIT_HOUSING,
	};
	struct seed_app           a;
	struct store_registration r = { .tenure = tenures[seed_below(sd, SEED_N(tenures))],
		.use = USE_RESIDENTIAL };

	seed_app_init(&a, BIZ_REGISTRATION, day, centre);
	if (seed_pct(sd, 10))
		a.channel = seed_pct(sd, 50) ? CH_ONLINE : CH_KIOSK;
	SEED_TRY(seed_app_write(sd, p, &a));
	seed_uuid(sd, r.id);
	snprintf(r.person_id, sizeof r.person_id, "%s", p->id);
	snprintf(r.application_id, sizeof r.application_id, "%s", a.id);
	r.registered_on = day;
	r.valid_until = date_years_end(day, 1);          /* REG-2 */
	snprintf(r.centre, sizeof r.centre, "%s", sd->centres[centre]);
	r.leased_to = r.tenure == TENURE_DORMITORY || r.tenure == TENURE_UNIT_HOUSING ?
	    LEASED_UNIT : LEASED_INDIVIDUAL;
	store_cols_bind(sd->s_reg, 1, store_registration_cols, STORE_REGISTRATION_NCOLS, &r,
	    &sd->dates);
	SEED_TRY(seed_step(sd, sd->s_reg));
	sd->stats->registrations++;
	return STORE_OK;
}

struct seed_card {
	char              id[STORE_UUID_LEN];
	enum store_card_state state;
	jzz_date          received_on, notice_due_on, handed_on;
};

static enum store_rc
seed_fee(struct seed *sd, const char *app_id, const char *kind, int yuan)
{
	char                 no[32];
	bool                 cod = strcmp(kind, "cod") == 0;
	struct store_fee_row f = { app_id, kind, yuan, cod ? NULL : no, cod ? "courier" : "counter" };

	snprintf(no, sizeof no, "NO.%08ld", ++sd->fee_book);
	SEED_TRY(seed_step(sd, store_fee_bind(sd->s_fee, &f, &sd->dates)));
	sd->stats->fees++;
	return STORE_OK;
}

static enum store_rc
seed_sms(struct seed *sd, const struct seed_person *p, const char *kind, const char *ref,
         jzz_date queued, jzz_date due, jzz_date sent)
{
	struct store_stmt *s = sd->s_sms;
	struct store_sms_new m;
	const char   *body = strcmp(kind, "pickup_notice") == 0 ?
	    "【长宁区居住证】您的居住证已到受理点，请携带受理回执和身份证领取。" :
	    strcmp(kind, "auto_endorsed") == 0 ?
	    "【长宁区居住证】您的居住证已自动签注，有效期延长一年。" :
	    "【长宁区居住证】您的居住证未能自动签注，请在有效期届满前到受理点办理签注。";

	if (p->phone[0] == '\0')
		return STORE_OK;
	m = (struct store_sms_new){ p->id, p->phone, kind, body, ref, queued, due };
	store_sms_bind(s, &m, &sd->dates);
	store_bind_date_in(s, 8, sent <= sd->today ? sent : JZZ_DATE_NONE, &sd->dates);
	SEED_TRY(seed_step(sd, s));
	sd->stats->sms++;
	return STORE_OK;
}

/* Working days after `d` (Monday to Friday; holidays are not consulted:
 * the seed needs plausible dates, not the calendar's exact ones). */
static jzz_date
seed_workdays(jzz_date d, int n)
{
	while (n > 0) {
		d++;
		if (date_weekday(d) <= 5)
			n--;
	}
	return d;
}

/*
 * A card ordered by application `a` (its ready_on set): its state on
 * `today` follows from the dates. A pickup at the counter is an application
 * of its own.
 */
static enum store_rc
seed_card_write(struct seed *sd, const struct seed_person *p, const char *permit_id,
                const struct seed_app *a, jzz_date printed, bool last, bool post,
                struct seed_card *out)
{
	struct store_stmt *s = sd->s_card;
	struct store_card  row = { .state = STORE_CARD_ORDERED };
	jzz_date      transferred = JZZ_DATE_NONE, reviewed = JZZ_DATE_NONE;
	jzz_date      rec = JZZ_DATE_NONE, due = JZZ_DATE_NONE, handed = JZZ_DATE_NONE;
	enum store_card_state state = STORE_CARD_ORDERED;

	seed_uuid(sd, out->id);
	if (a->biz == BIZ_PERMIT_NEW || a->biz == BIZ_PERMIT_REPLACE || a->biz == BIZ_PERMIT_REAPPLY) {
		transferred = seed_workdays(a->day, 2);
		reviewed = seed_workdays(transferred, 6);
	}
	if (!last) {
		state = STORE_CARD_VOID;
	} else if (a->ready_on == a->day) {
		state = STORE_CARD_PICKED_UP;
		handed = a->day;
	} else if (a->ready_on <= sd->today) {
		if (post) {
			if (a->ready_on + 2 <= sd->today) {
				state = STORE_CARD_POSTED;
				handed = a->ready_on + 2;
			}
		} else {
			rec = a->ready_on + 1 + seed_below(sd, 2);
			if (rec <= sd->today) {
				jzz_date pick = rec + (seed_pct(sd, 60) ? seed_below(sd, 5) : seed_below(sd, 40));

				due = seed_workdays(rec, 2);
				if (pick <= sd->today && seed_pct(sd, 97)) {
					state = STORE_CARD_PICKED_UP;
					handed = pick;
				} else {
					state = STORE_CARD_RECEIVED;
				}
			} else {
				rec = JZZ_DATE_NONE;
			}
		}
	}
	snprintf(row.id, sizeof row.id, "%s", out->id);
	snprintf(row.permit_id, sizeof row.permit_id, "%s", permit_id);
	snprintf(row.application_id, sizeof row.application_id, "%s", a->id);
	row.business = a->biz;
	snprintf(row.centre, sizeof row.centre, "%s", sd->centres[a->centre]);
	row.delivery = post ? DELIVERY_POST : DELIVERY_PICKUP;
	row.state = state;
	row.accepted_on = a->day;
	row.transferred_on = transferred;
	row.reviewed_on = reviewed;
	row.ready_on = a->ready_on;
	row.received_on = rec;
	row.notice_due_on = due;
	row.handed_on = handed;
	row.printed_valid_until = printed;
	store_cols_bind(s, 1, store_card_cols, STORE_CARD_NCOLS, &row, &sd->dates);
	stmt_bind_int(s, 16, (int)sd->stats->cards + 1);
	SEED_TRY(seed_step(sd, s));
	sd->stats->cards++;
	out->state = state;
	out->received_on = rec;
	out->notice_due_on = due;
	out->handed_on = handed;
	if (rec != JZZ_DATE_NONE) {
		/* the pickup notice: sent the next working day (not yet, for
		 * the newest), but for a few of the cards still waiting, whose
		 * notice is overdue (PERMIT-3, the daily report's count); a
		 * card handed over had its notice sent */
		jzz_date sent = state == STORE_CARD_RECEIVED && seed_pct(sd, 20) ? JZZ_DATE_NONE :
		    seed_workdays(rec, 1);

		SEED_TRY(seed_sms(sd, p, "pickup_notice", out->id, rec, due,
		    sent == JZZ_DATE_NONE ? sd->today + 1 : sent));
	}
	if (state == STORE_CARD_PICKED_UP && handed != a->day) {
		struct seed_app pk;

		seed_app_init(&pk, BIZ_PICKUP, handed, a->centre);
		SEED_TRY(seed_app_write(sd, p, &pk));
	}
	return STORE_OK;
}

static enum store_rc
seed_endorsement(struct seed *sd, const char *permit_id, const char *app_id, bool counter,
                 jzz_date day, jzz_date old_vu, jzz_date new_vu, const char *reason, bool reset)
{
	char                         id[STORE_UUID_LEN];
	struct store_endorsement_row e = { id, permit_id, app_id, counter ? "counter" : "auto", day,
		old_vu, reason == NULL ? new_vu : JZZ_DATE_NONE,
		reason == NULL ? "endorsed" : "not_endorsed", reason, reset };

	seed_uuid(sd, id);
	SEED_TRY(seed_step(sd, store_endorsement_bind(sd->s_endo, &e, &sd->dates)));
	sd->stats->endorsements++;
	return STORE_OK;
}

/* An endorsement at the counter of centre c on day d (ENDO-2, -3): its
 * application and its record, valid_until vu made nv. */
static enum store_rc
seed_endorse_at_counter(struct seed *sd, const struct seed_person *p, const char *pid, int c,
                        jzz_date d, jzz_date vu, jzz_date nv, bool reset)
{
	struct seed_app a;

	seed_app_init(&a, BIZ_ENDORSEMENT, d, c);
	a.new_valid_until = nv;
	SEED_TRY(seed_app_write(sd, p, &a));
	return seed_endorsement(sd, pid, a.id, true, d, vu, nv, NULL, reset);
}

/* A change of address (the person row already holds the new one). */
static enum store_rc
seed_change(struct seed *sd, const struct seed_person *p, const char *old, jzz_date day,
            int centre)
{
	struct seed_app         a;
	struct store_change_row c = { .person_id = p->id, .field = CHANGE_ADDRESS,
		.changed_on = day, .old_value = old, .new_value = p->address };
	char                    id[STORE_UUID_LEN];

	seed_app_init(&a, BIZ_INFO_CHANGE, day, centre);
	a.address_changed = true;
	SEED_TRY(seed_app_write(sd, p, &a));
	seed_uuid(sd, id);
	c.id = id;
	c.application_id = a.id;
	c.late = seed_pct(sd, 10);
	SEED_TRY(seed_step(sd, store_change_bind(sd->s_change, &c, &sd->dates)));
	sd->stats->changes++;
	return STORE_OK;
}

/*
 * The permit of a person registered on `reg`, applied for on `day`: its
 * first card, its yearly endorsements (counter on time, the batch, late
 * within the grace, very late with the residence years reset, or never:
 * suspended past valid_until), perhaps a replacement card, perhaps a
 * cancellation. With foreign keys off during the load, the permit row is
 * written last, with its final dates.
 */
static enum store_rc
seed_permit(struct seed *sd, const struct seed_person *p, jzz_date reg, jzz_date day)
{
	static const char *const notes[] = {
		"经核查实际不在本市居住", "房屋已出售，本人已搬离", "用人单位证明材料系伪造",
	};
	struct seed_app  a, last;
	struct seed_card card;
	struct store_permit  row = { .cancelled = false };
	struct store_stmt    *s = sd->s_permit;
	char             pid[STORE_UUID_LEN], first[STORE_UUID_LEN];
	jzz_date         vu, vf, since = reg, printed, cancel_day = JZZ_DATE_NONE;
	bool             fast = seed_pct(sd, 6), post = !fast && seed_pct(sd, 8);
	int              c = p->centre, k;

	seed_uuid(sd, pid);
	seed_app_init(&a, fast ? BIZ_PERMIT_NEW_FAST : BIZ_PERMIT_NEW, day, c);
	if (!fast && seed_pct(sd, 15))
		a.channel = CH_ONLINE;
	a.ready_on = fast ? seed_workdays(day, 7) : seed_workdays(day, 15);   /* PERMIT-2, -11 */
	if (post)
		a.cod = 15;                                                     /* PERMIT-5 */
	vf = a.ready_on;
	vu = date_years_end(vf, 1);                                             /* PERMIT-9 */
	a.new_valid_until = vu;
	SEED_TRY(seed_app_write(sd, p, &a));
	snprintf(first, sizeof first, "%s", a.id);
	if (post)
		SEED_TRY(seed_fee(sd, a.id, "cod", 15));
	last = a;
	printed = vu;

	for (;;) {
		int      r = seed_below(sd, 100);
		jzz_date d, nv;

		if (vu - 30 >= sd->today)           /* window not open yet, or today's cohort */
			break;
		if (vu >= sd->today)                /* the window opened before today: the */
			r = 50;                     /* daily batch has seen it (ENDO-5) */
		if (r < 50) {                       /* counter, in the window (ENDO-2) */
			d = vu - seed_below(sd, 31);
			if (d > sd->today)
				break;
			nv = date_add_years(vu, 1);
			SEED_TRY(seed_endorse_at_counter(sd, p, pid, c, d, vu, nv, false));
			printed = nv;
		} else if (r < 75) {                /* the batch (ENDO-5) */
			d = vu - 30;
			if (p->phone[0] == '\0') {
				SEED_TRY(seed_endorsement(sd, pid, NULL, false, d, vu, JZZ_DATE_NONE,
				    "no_phone", false));
				break;              /* suspended unless seen at the counter */
			}
			nv = date_add_years(vu, 1);
			SEED_TRY(seed_endorsement(sd, pid, NULL, false, d, vu, nv, NULL, false));
			SEED_TRY(seed_sms(sd, p, "auto_endorsed", pid, d, d, d));
		} else if (r < 84) {                /* late, within the grace (ENDO-3) */
			d = vu + 1 + seed_below(sd, 60);
			if (d > sd->today)
				break;
			nv = date_add_years(vu, 1);
			SEED_TRY(seed_endorse_at_counter(sd, p, pid, c, d, vu, nv, false));
			printed = nv;
		} else if (r < 88) {                /* very late: residence years reset */
			d = vu + 61 + seed_below(sd, 300);
			if (d > sd->today)
				break;
			if (seed_pct(sd, 30))
				SEED_TRY(seed_app_failed(sd, p, BIZ_ENDORSEMENT, d - seed_below(sd, 20), c));
			nv = date_years_end(d, 1);
			SEED_TRY(seed_endorse_at_counter(sd, p, pid, c, d, vu, nv, true));
			since = d;
			printed = nv;
		} else {                            /* never: suspended (PERMIT-9) */
			break;
		}
		vu = nv;
	}

	/* a lost card: the first one void, a replacement ordered */
	if (seed_pct(sd, 4) && last.ready_on + 30 <= sd->today) {
		jzz_date d = last.ready_on + 30 +
		    seed_below(sd, (int)(sd->today - last.ready_on - 30) + 1);

		SEED_TRY(seed_card_write(sd, p, pid, &last, printed, false, post, &card));
		seed_app_init(&a, seed_pct(sd, 20) ? BIZ_PERMIT_REPLACE_FAST : BIZ_PERMIT_REPLACE, d, c);
		a.ready_on = a.biz == BIZ_PERMIT_REPLACE_FAST ? seed_workdays(d, 7) : seed_workdays(d, 15);
		a.fee = 20;                                                     /* PERMIT-6 */
		a.new_valid_until = vu;
		SEED_TRY(seed_app_write(sd, p, &a));
		SEED_TRY(seed_fee(sd, a.id, "card_fee", 20));
		last = a;
		post = false;
	}
	SEED_TRY(seed_card_write(sd, p, pid, &last, printed, true, post, &card));

	/* cancellation (PERMIT-10), by a supervisor */
	if (seed_pct(sd, 2) && vf + 30 <= sd->today) {
		cancel_day = vf + 30 + seed_below(sd, (int)(sd->today - vf - 30) + 1);
		seed_app_init(&a, BIZ_CANCELLATION, cancel_day, c);
		a.supervisor = true;
		SEED_TRY(seed_app_write(sd, p, &a));
	}

	k = seed_below(sd, SEED_N(notes));
	snprintf(row.id, sizeof row.id, "%s", pid);
	snprintf(row.person_id, sizeof row.person_id, "%s", p->id);
	snprintf(row.application_id, sizeof row.application_id, "%s", first);
	snprintf(row.centre, sizeof row.centre, "%s", sd->centres[c]);
	row.first_issued_on = row.valid_from = vf;
	row.valid_until = vu;
	row.residence_since = since;
	row.cancelled_on = cancel_day;
	if (cancel_day != JZZ_DATE_NONE) {
		snprintf(row.cancel_reason, sizeof row.cancel_reason, "%s",
		    k == 2 ? "false_materials" : "not_resident");
		snprintf(row.cancel_note, sizeof row.cancel_note, "%s", notes[k]);
	}
	/* the bulk row's status is after the record's columns (seed_tables) */
	store_cols_bind(s, 1, store_permit_cols, STORE_PERMIT_NCOLS, &row, &sd->dates);
	stmt_bind_text(s, 12, cancel_day != JZZ_DATE_NONE ? "cancelled" : "active");
	SEED_TRY(seed_step(sd, s));
	sd->stats->permits++;
	return STORE_OK;
}

/* One person's life in the district. */
static enum store_rc
seed_one(struct seed *sd)
{
	struct seed_person p;
	jzz_date           reg, permit_day, change_day = JZZ_DATE_NONE;
	int                span = sd->ndays;
	char               old[STORE_TEXT_LEN];

	memset(&p, 0, sizeof p);
	seed_uuid(sd, p.id);
	p.birth = seed_birth(sd);
	seed_idnum(sd, p.birth, p.id_number);
	seed_name(sd, p.name, sizeof p.name);
	if (seed_pct(sd, 96))
		snprintf(p.phone, sizeof p.phone, "1%d%09d", 3 + seed_below(sd, 7),
		    seed_below(sd, 1000000000));
	p.centre = seed_below(sd, sd->nc);
	seed_address(sd, p.centre, p.address, sizeof p.address);
	/* arrivals spread over the history, a little more in recent years */
	reg = sd->h0 + (seed_pct(sd, 30) ? span - 1 - seed_below(sd, span / 3 + 1) : seed_below(sd, span));
	reg = seed_clamp(sd, reg);

	if (seed_pct(sd, 5) && reg + 30 <= sd->today) {   /* moved within the district */
		change_day = reg + 30 + seed_below(sd, (int)(sd->today - reg - 30) + 1);
		snprintf(old, sizeof old, "%s", p.address);
		seed_address(sd, p.centre, p.address, sizeof p.address);
	}
	/* the person before any application of theirs, as the records would
	 * have them (PostgreSQL checks a batch's foreign keys at its commit,
	 * SQLite's are off during the load) */
	SEED_TRY(seed_person_write(sd, &p, reg));
	if (seed_pct(sd, 8))   /* came once without everything */
		SEED_TRY(seed_app_failed(sd, &p, BIZ_REGISTRATION, reg - 1 - seed_below(sd, 14), p.centre));
	SEED_TRY(seed_registration(sd, &p, reg, p.centre));
	if (seed_pct(sd, 12) && reg + 365 <= sd->today)   /* registered again a year on */
		SEED_TRY(seed_registration(sd, &p, seed_clamp(sd, reg + 365 + seed_below(sd, 30)),
		    p.centre));
	permit_day = reg + 180 + seed_below(sd, 200);      /* REG-3: six months first */
	if (seed_pct(sd, 80) && permit_day <= sd->today) {
		if (seed_pct(sd, 6))
			SEED_TRY(seed_app_failed(sd, &p, BIZ_PERMIT_NEW, permit_day - seed_below(sd, 10),
			    p.centre));
		SEED_TRY(seed_permit(sd, &p, reg, permit_day));
	}
	if (change_day != JZZ_DATE_NONE)
		SEED_TRY(seed_change(sd, &p, old, change_day, p.centre));
	return STORE_OK;
}

/* ---- statements ---- */

/* The bulk tables, parents first (the order they are flushed in), each
 * with its columns in the order the writers above bind them. */
enum seed_table { SEED_PERSONS, SEED_APPS, SEED_RULES, SEED_REGS, SEED_PERMITS, SEED_CARDS,
	SEED_ENDOS, SEED_CHANGES, SEED_FEES, SEED_SMS, SEED__TABLES };
static const struct {
	const char *table;
	const char *cols[20];
} seed_tables[SEED__TABLES] = {
	{ "persons", { "id", "id_number", "name", "phone", "hukou_shanghai", "birth_date", "address",
	    "created_at", "updated_at" } },
	{ "applications", { "id", "day", "created_at", "centre", "user_name", "business",
	    "channel", "id_number", "name", "person_id", "address_changed", "decision", "fee_yuan",
	    "cod_fee_yuan", "ready_on", "new_valid_until", "receipt_no", "decision_json" } },
	{ "application_rules", { "application_id", "pos", "rule", "outcome", "detail", "who",
	    "docs", "date", "num" } },
	{ "registrations", { "id", "person_id", "application_id", "registered_on", "valid_until",
	    "centre", "tenure", "property_use", "leased_to" } },
	{ "permits", { "id", "person_id", "application_id", "centre", "first_issued_on",
	    "valid_from", "valid_until", "residence_since", "cancelled_on", "cancel_reason",
	    "cancel_note", "status" } },
	{ "cards", { "id", "permit_id", "application_id", "business", "centre", "delivery",
	    "state", "accepted_on", "transferred_on", "reviewed_on", "ready_on", "received_on",
	    "notice_due_on", "handed_on", "printed_valid_until", "seq" } },
	{ "endorsements", { "id", "permit_id", "application_id", "kind", "day",
	    "old_valid_until", "new_valid_until", "outcome", "reason", "residence_years_reset" } },
	{ "changes", { "id", "person_id", "application_id", "field", "changed_on", "old_value",
	    "new_value", "late" } },
	{ "fees", { "application_id", "kind", "amount_yuan", "fee_receipt_no", "collected_by" } },
	{ "sms_outbox", { "person_id", "phone", "kind", "body", "ref_id", "queued_on", "due_on",
	    "sent_on" } },
};
/* Persons between two flushes of the bulk rows: on PostgreSQL the rows
 * wait in memory until then (~2 KB a person). */
#define SEED_FLUSH_PERSONS 2000
static const char sql_seed_receipt[] =
	"INSERT INTO receipt_seq (centre, day, last) VALUES (?1, ?2, ?3)"
	" ON CONFLICT (centre, day) DO UPDATE SET last = CASE WHEN excluded.last > receipt_seq.last"
	" THEN excluded.last ELSE receipt_seq.last END";
static const char sql_seed_any_person[] = "SELECT EXISTS (SELECT 1 FROM persons)";
struct seed_index {
	char *name, *sql;
};

static enum store_rc
seed_exec(struct store *st, const char *sql)
{
	enum store_rc rc = store_exec(st, sql);

	if (rc != STORE_OK) {
		char keep[sizeof st->err];

		snprintf(keep, sizeof keep, "%s", st->err);
		snprintf(st->err, sizeof st->err, "%.60s: %.190s", sql, keep);
	}
	return rc;
}

/* The seed's statements are its own, kept out of the handle's cache for
 * the length of the load and finalized after it. */
static enum store_rc
seed_prepare(struct seed *sd, const char *sql, struct store_stmt **out)
{
	*out = sd->st->drv->prepare(sd->st->conn, sql);
	return *out != NULL ? STORE_OK : store_fail(sd->st, STMT_ERR);
}

static void
seed_stmt_free(struct seed *sd, struct store_stmt *s)
{
	if (s != NULL)
		sd->st->drv->finalize(s);
}

/* The seed's statements of bulk rows, in the order of seed_tables. */
static struct store_stmt **
seed_bulk(struct seed *sd, int t)
{
	struct store_stmt **all[SEED__TABLES] = { &sd->s_person, &sd->s_app, &sd->s_rule,
		&sd->s_reg, &sd->s_permit, &sd->s_card, &sd->s_endo, &sd->s_change, &sd->s_fee,
		&sd->s_sms };

	return all[t];
}

static enum store_rc
seed_bulk_prepare(struct seed *sd)
{
	for (int t = 0; t < SEED__TABLES; t++) {
		int n = 0;

		while (n < SEED_N(seed_tables[t].cols) && seed_tables[t].cols[n] != NULL)
			n++;
		*seed_bulk(sd, t) = sd->st->drv->copy_prepare(sd->st->conn, seed_tables[t].table,
		    seed_tables[t].cols, n);
		if (*seed_bulk(sd, t) == NULL)
			return store_fail(sd->st, STMT_ERR);
	}
	return STORE_OK;
}

/* What the bulk statements kept reaches the store, parents first: every
 * person written so far is whole, so each table's rows find their
 * parents. */
static enum store_rc
seed_bulk_flush(struct seed *sd)
{
	for (int t = 0; t < SEED__TABLES; t++) {
		enum stmt_rc rc = sd->st->drv->copy_flush(*seed_bulk(sd, t));

		if (rc != STMT_DONE) {
			enum store_rc src = store_fail(sd->st, rc);
			char          keep[sizeof sd->st->err];

			snprintf(keep, sizeof keep, "%s", sd->st->err);
			snprintf(sd->st->err, sizeof sd->st->err, "%s: %.200s", seed_tables[t].table,
			    keep);
			return src;
		}
	}
	return STORE_OK;
}

static void
seed_finalize(struct seed *sd)
{
	for (int t = 0; t < SEED__TABLES; t++) {
		seed_stmt_free(sd, *seed_bulk(sd, t));
		*seed_bulk(sd, t) = NULL;
	}
}

static double
seed_clock(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads the deferred indexes and drops them. */
static enum store_rc
seed_indexes_drop(struct seed *sd, struct seed_index **out, int *n)
{
	struct store_stmt      *s;
	struct seed_index *v = NULL, *nv;
	int                cnt = 0, rc;

	*out = NULL;
	*n = 0;
	SEED_TRY(seed_prepare(sd, sd->st->drv->sql_bulk_indexes, &s));
	while ((rc = stmt_step(s)) == STMT_ROW) {
		nv = realloc(v, (size_t)(cnt + 1) * sizeof *v);
		if (nv == NULL)
			break;
		v = nv;
		v[cnt].name = strdup(stmt_col_text(s, 0));
		v[cnt].sql = strdup(stmt_col_text(s, 1));
		cnt++;
	}
	*out = v;
	*n = cnt;
	if (rc != STMT_DONE) {
		enum store_rc src = store_fail(sd->st, rc);

		seed_stmt_free(sd, s);
		return src;
	}
	seed_stmt_free(sd, s);
	for (int i = 0; i < cnt; i++) {
		char drop[256];

		/* the names are the schema's own, letters, digits and '_' */
		if (v[i].name == NULL || v[i].sql == NULL ||
		    strspn(v[i].name, "abcdefghijklmnopqrstuvwxyz0123456789_") != strlen(v[i].name))
			return STORE_ERR;
		snprintf(drop, sizeof drop, "DROP INDEX %s", v[i].name);
		SEED_TRY(seed_exec(sd->st, drop));
	}
	return STORE_OK;
}

static enum store_rc
seed_users(struct seed *sd)
{
	struct store_account u;
	enum store_rc        rc;

	for (int c = 0; c < sd->nc; c++) {
		snprintf(sd->clerk[c], sizeof sd->clerk[c], "clerk-%s", sd->centres[c] + 6);
		snprintf(sd->supervisor[c], sizeof sd->supervisor[c], "supervisor-%s",
		    sd->centres[c] + 6);
		/* no password: a seeded account never logs in */
		if ((rc = store_account_get(sd->st, sd->clerk[c], &u)) == STORE_NOTFOUND)
			rc = store_account_add(sd->st, sd->clerk[c], "clerk", sd->centres[c], NULL,
			    false);
		SEED_TRY(rc);
		if ((rc = store_account_get(sd->st, sd->supervisor[c], &u)) == STORE_NOTFOUND)
			rc = store_account_add(sd->st, sd->supervisor[c], "supervisor", sd->centres[c],
			    NULL, false);
		SEED_TRY(rc);
	}
	return STORE_OK;
}

static enum store_rc
seed_receipts_save(struct seed *sd)
{
	struct store_stmt *s;
	enum store_rc rc = STORE_OK;

	SEED_TRY(seed_prepare(sd, sql_seed_receipt, &s));
	/* One transaction for all of them: on PostgreSQL each row in a
	 * transaction of its own waited for its WAL flush (synchronous_commit
	 * stays on), ~3 ms a row, 18,000 (centre, day) rows at 1 M persons
	 * (measured: 2,536 rows took 8.5 of a 1,000-person seed's 9.5 s).
	 * store_seed rolls back what is open if a step fails. */
	if ((rc = seed_exec(sd->st, sd->st->drv->sql_begin)) != STORE_OK) {
		seed_stmt_free(sd, s);
		return rc;
	}
	for (int c = 0; c < sd->nc && rc == STORE_OK; c++)
		for (int d = 0; d < sd->ndays && rc == STORE_OK; d++) {
			int n = sd->receipt[c * sd->ndays + d];

			if (n == 0)
				continue;
			rc = seed_step(sd, store_bind_args(s, STORE_ARGS(STORE_T(sd->centres[c]),
			    STORE_D(sd->h0 + d), STORE_I(n)), &sd->dates));
		}
	seed_stmt_free(sd, s);
	if (rc == STORE_OK)
		rc = seed_exec(sd->st, "COMMIT");
	return rc;
}

static enum store_rc
seed_load(struct seed *sd)
{
	const struct store_seed_opts *o = sd->o;
	long                          batch = o->batch > 0 ? o->batch : 50000;
	enum store_rc                 rc = STORE_OK;

	SEED_TRY(seed_bulk_prepare(sd));
	for (long done = 0; done < o->persons && rc == STORE_OK;) {
		long end = done + batch < o->persons ? done + batch : o->persons;

		SEED_TRY(seed_exec(sd->st, sd->st->drv->sql_bulk_begin));
		for (; done < end && rc == STORE_OK; done++) {
			rc = seed_one(sd);
			if (rc == STORE_OK && (done + 1) % SEED_FLUSH_PERSONS == 0)
				rc = seed_bulk_flush(sd);
		}
		if (rc == STORE_OK)
			rc = seed_bulk_flush(sd);
		if (rc != STORE_OK)
			break;
		SEED_TRY(seed_exec(sd->st, "COMMIT"));
		if (o->progress != NULL)
			o->progress(o->progress_arg, done, o->persons);
	}
	return rc;
}

enum store_rc
store_seed(struct store *st, const struct store_seed_opts *o, struct store_seed_stats *out)
{
	struct seed        sd;
	struct seed_index *idx = NULL;
	int                nidx = 0;
	enum store_rc      rc;
	struct store_stmt      *s;
	bool               any = true;
	size_t             cap = 1024;
	double             t0, t1;

	memset(out, 0, sizeof *out);
	memset(&sd, 0, sizeof sd);
	if (o->persons < 0 || o->years < 1 || o->years > 20 || o->today == JZZ_DATE_NONE ||
	    o->ncentres < 0 || o->ncentres > STORE_SEED_CENTRES_MAX) {
		snprintf(st->err, sizeof st->err, "seed: bad options");
		return STORE_ERR;
	}
	if (seed_prepare(&(struct seed){ .st = st }, sql_seed_any_person, &s) != STORE_OK)
		return STORE_ERR;
	if (stmt_step(s) == STMT_ROW)
		any = stmt_col_int(s, 0) != 0;
	st->drv->finalize(s);
	if (any) {
		snprintf(st->err, sizeof st->err, "seed: the database already holds persons");
		return STORE_EXISTS;
	}

	sd.st = st;
	sd.o = o;
	sd.stats = out;
	sd.rng = o->seed ^ 0x6a7a7a5365656421ULL;
	sd.today = o->today;
	sd.h0 = date_add_years(o->today, -o->years) + 1;
	sd.ndays = (int)(sd.today - sd.h0 + 1);
	sd.nc = o->ncentres > 0 ? o->ncentres : STORE_SEED_CENTRES_MAX;
	for (int c = 0; c < sd.nc; c++) {
		sd.centres[c] = o->ncentres > 0 ? o->centres[c] : seed_all_centres[c];
		sd.street_of[c] = c % STORE_SEED_CENTRES_MAX;
		for (int k = 0; k < STORE_SEED_CENTRES_MAX; k++)
			if (strcmp(sd.centres[c], seed_all_centres[k]) == 0)
				sd.street_of[c] = k;
	}
	while (cap < (size_t)o->persons * 2)
		cap <<= 1;
	sd.idmask = cap - 1;
	sd.idset = calloc(cap, sizeof *sd.idset);
	sd.receipt = calloc((size_t)sd.nc * (size_t)sd.ndays, sizeof *sd.receipt);
	if (sd.idset == NULL || sd.receipt == NULL) {
		free(sd.idset);
		free(sd.receipt);
		snprintf(st->err, sizeof st->err, "seed: out of memory");
		return STORE_ERR;
	}

	/* The engine's bulk mode (store_sqlite.c: no journal, no fsync, no
	 * per-row foreign key look-ups, a big page cache). */
	rc = st->drv->bulk == NULL || st->drv->bulk(st->conn, true) == STMT_DONE ? STORE_OK :
	    store_fail(st, STMT_ERR);
	if (rc == STORE_OK)
		rc = seed_users(&sd);
	if (rc == STORE_OK)
		rc = seed_indexes_drop(&sd, &idx, &nidx);

	t0 = seed_clock();
	if (rc == STORE_OK)
		rc = seed_load(&sd);
	seed_finalize(&sd);
	if (rc == STORE_OK)
		rc = seed_receipts_save(&sd);
	t1 = seed_clock();
	out->load_seconds = t1 - t0;
	for (int i = 0; i < nidx; i++) {
		if (rc == STORE_OK)
			rc = seed_exec(st, idx[i].sql);
		free(idx[i].name);
		free(idx[i].sql);
	}
	free(idx);
	out->index_seconds = seed_clock() - t1;
	/* the report's counts per day and centre, which the load's rows went
	 * past (they are store_application_insert's), made from them at once;
	 * and its tallies, which the triggers kept as the rows came but for
	 * the refusals: a permit's row is written after its endorsements (its
	 * last day is known only at the end of its life), so no refusal found
	 * its permit standing when it arrived */
	if (rc == STORE_OK)
		rc = seed_exec(st, STORE_DAY_COUNTS_REBUILD STORE_DAY_TALLIES_REBUILD);
	out->counts_seconds = seed_clock() - t1 - out->index_seconds;
	t1 = seed_clock();
	/* Statistics for the planner, as a store in use for years would have
	 * them (sampled: seconds, not minutes). Without them SQLite guesses,
	 * and some report queries then scan millions of rows to avoid a sort
	 * (docs/benchmarks.md). */
	if (rc == STORE_OK)
		rc = seed_exec(st, st->drv->sql_analyze);
	out->index_seconds += seed_clock() - t1;
	if (rc == STORE_OK && o->check_fk)
		rc = store_fk_intact(st);
	if (rc == STORE_OK && o->check_fk)
		rc = store_checks_intact(st);
	free(sd.idset);
	free(sd.receipt);
	if (rc == STORE_OK) {
		char                     subject[128], reason[256], day[JZZ_DATE_STRLEN];
		struct store_audit_entry e = {
			o->today, STORE_OWNER_ACCOUNT, "admin", sd.centres[0], "seed", subject, reason,
		};

		date_format(o->today, day);
		snprintf(subject, sizeof subject, "persons=%ld applications=%ld", out->persons,
		    out->applications);
		snprintf(reason, sizeof reason, "synthetic history of %d years to %s; its records"
		    " carry no audit entries of their own", o->years, day);
		rc = seed_exec(st, st->drv->sql_begin);
		/* The seeded rows are bound by no entry: the chain is keyed from
		 * its start, but the file is not complete (store_audit.c). */
		if (rc == STORE_OK && (rc = store_audit_append(st, &e)) == STORE_OK &&
		    (rc = store_audit_mark(st, true, false)) == STORE_OK)
			rc = seed_exec(st, "COMMIT");
	}
	/* back to the normal settings of every connection (store_configure) */
	if (rc != STORE_OK) {
		char keep[sizeof st->err];

		memcpy(keep, st->err, sizeof keep);
		if (st->drv->in_tx(st->conn))
			seed_exec(st, "ROLLBACK");
		memcpy(st->err, keep, sizeof keep);
	}
	if (st->drv->bulk != NULL && st->drv->bulk(st->conn, false) != STMT_DONE && rc == STORE_OK)
		rc = store_fail(st, STMT_ERR);
	return rc;
}
