/*
 * service_paper.c: the papers of the counter, built as paper.h data from
 * the records: the receipt of an accepted business (its title by
 * business), the one-time notice (一次性告知书) of a refused or incomplete
 * application, and the supervisor's daily sheet.
 *
 * Why from the records: the terminal, just after a business, and
 * `jzz receipt` years later build the paper with the same function from
 * the same rows, so a reprint says what the first print said. The only fact
 * not in the records yet is the agent: the terminal adds it from the case
 * it holds (service_paper_facts_agent).
 */
#include "service_internal.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jzz/address.h"
#include "jzz/paper.h"

/* A label in the paper's language. */
#define L(zh, en) (lang == LANG_ZH ? (zh) : (en))

static const char *
paper_vocab(const struct vocab *v, enum rules_lang lang)
{
	return lang == LANG_ZH ? v->zh : v->en;
}

static const char *
paper_centre_name(struct service *s, const char *code)
{
	size_t                      n = 0;
	const struct service_place *pl = service_places(s, &n);

	for (size_t i = 0; pl != NULL && i < n; i++)
		if (pl[i].kind == SERVICE_PLACE_CENTRE && strcmp(pl[i].code, code) == 0)
			return pl[i].name_zh;
	return "";
}

/* ---- the facts, read in one transaction with their audit entry ---- */

struct paper_read {
	const struct service_actor *a;
	const char                 *key;
	bool                        by_receipt;
	jzz_date                    today;
	struct store_paper_app      app;
	struct store_agent          agent;
	enum store_rc               agent_rc;
	struct store_address_row    addr;
	enum store_rc               addr_rc;
	char                        post[SERVICE_TEXT_LEN * 2];
};

static enum service_status
paper_read_tx(struct service *s, void *arg)
{
	struct paper_read *r = arg;

	SERVICE_TRY(s, store_paper_app_get(s->st, r->key, r->by_receipt, &r->app));
	r->agent_rc = store_agent_of(s->st, r->app.id, &r->agent);
	if (r->agent_rc != STORE_OK && r->agent_rc != STORE_NOTFOUND)
		return service_store_fail(s, r->agent_rc);
	r->addr_rc = r->app.person_id[0] != '\0' ?
	    store_address_on(s->st, r->app.person_id, r->app.day, &r->addr) : STORE_NOTFOUND;
	if (r->addr_rc != STORE_OK && r->addr_rc != STORE_NOTFOUND)
		return service_store_fail(s, r->addr_rc);
	if (store_delivery_of(s->st, r->app.id, r->post, sizeof r->post) != STORE_OK)
		r->post[0] = '\0';
	return service_audit(s, r->a, r->today, r->by_receipt ? "receipt_read" : "notice_read",
	    r->by_receipt ? r->app.receipt_no : r->app.id, "");
}

/* The decision as rules_evaluate left it, rebuilt from what was stored:
 * the outcomes in catalogue order, the documents of the missing rules, the
 * dates of REG-3 and ENDO-2 (as rules.c derives them), the card's
 * milestones and the endorsement's reset. */
static void
paper_decision(const struct store_paper_app *app, struct jzz_decision *d)
{
	*d = app->decision;
	d->missing_documents = 0;
	d->eligible_from = d->window_opens = JZZ_DATE_NONE;
	d->transferred = d->reviewed = d->made = JZZ_DATE_NONE;
	d->applicant_birth = JZZ_DATE_NONE;
	d->applicant_age = -1;
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *r = &d->results[i];

		if (r->outcome == OUT_MISSING)
			d->missing_documents |= r->docs;
		if (r->rule == R_REG_3 && r->outcome == OUT_FAIL && r->date != JZZ_DATE_NONE)
			d->eligible_from = r->date;
		if (r->rule == R_ENDO_2 && r->outcome == OUT_FAIL)
			d->window_opens = r->date;
	}
	if (app->has_card && app->transferred_on != JZZ_DATE_NONE) {
		d->has_milestones = true;
		d->transferred = app->transferred_on;
		d->reviewed = app->reviewed_on;
		d->made = app->decision.ready_on;
	}
	d->residence_years_reset = app->residence_years_reset;
}

static enum service_status
paper_facts(struct service *s, const struct service_actor *a, const char *key, bool by_receipt,
            jzz_date today, struct service_paper_facts *out)
{
	struct paper_read   r = { .a = a, .key = key, .by_receipt = by_receipt };
	enum service_status st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_PAPER, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (key == NULL || *key == '\0' || strlen(key) >= SERVICE_UUID_LEN)
		return service_fail(s, SERVICE_ERR_INVALID, "no such %s: %s",
		    by_receipt ? "receipt number" : "application id", key != NULL ? key : "");
	r.today = service_work_day(s, today != JZZ_DATE_NONE ? today : service_real_today());
	st = service_tx(s, paper_read_tx, &r);
	if (st == SERVICE_ERR_NOT_FOUND)
		return service_fail(s, st, "no %s %s", by_receipt ? "receipt" : "application", key);
	if (st != SERVICE_OK)
		return st;
	service_copy(out->application_id, sizeof out->application_id, r.app.id);
	service_copy(out->receipt_no, sizeof out->receipt_no, r.app.receipt_no);
	out->business = r.app.business;
	out->channel = r.app.channel;
	out->day = r.app.day;
	service_copy(out->centre, sizeof out->centre, r.app.centre);
	service_copy(out->centre_name, sizeof out->centre_name, paper_centre_name(s, r.app.centre));
	service_copy(out->user, sizeof out->user, r.app.user);
	service_copy(out->name, sizeof out->name, r.app.name);
	idnum_mask(r.app.id_number, out->id_masked);
	paper_decision(&r.app, &out->decision);
	out->has_card = r.app.has_card;
	out->delivery = r.app.delivery;
	service_copy(out->fee_receipt_no, sizeof out->fee_receipt_no, r.app.fee_receipt_no);
	out->has_change = r.app.has_change;
	out->change_field = r.app.change_field;
	out->changed_on = r.app.changed_on;
	service_copy(out->change_old, sizeof out->change_old, r.app.change_old);
	service_copy(out->change_new, sizeof out->change_new, r.app.change_new);
	out->reg_valid_until = r.app.reg_valid_until;
	out->training = s->mode == SERVICE_DB_TRAINING;
	if (r.agent_rc == STORE_OK) {
		out->has_agent = true;
		out->agent_kind = r.agent.kind;
		service_copy(out->agent_name, sizeof out->agent_name, r.agent.name);
		idnum_mask(r.agent.id_number, out->agent_id_masked);
	}
	if (r.addr_rc == STORE_OK) {
		char text[ADDRESS_TEXT_MAX];

		address_format(&r.addr.a, text, sizeof text);
		snprintf(out->address, sizeof out->address, "%s%s",
		    paper_centre_name(s, r.addr.a.street), text);
	}
	service_copy(out->post_address, sizeof out->post_address, r.post);
	return SERVICE_OK;
}

enum service_status
service_paper_receipt_facts(struct service *s, const struct service_actor *a,
                            const char *receipt_no, jzz_date today,
                            struct service_paper_facts *out)
{
	return paper_facts(s, a, receipt_no, true, today, out);
}

enum service_status
service_paper_application_facts(struct service *s, const struct service_actor *a,
                                const char *application_id, jzz_date today,
                                struct service_paper_facts *out)
{
	return paper_facts(s, a, application_id, false, today, out);
}

void
service_paper_facts_agent(struct service_paper_facts *f, const struct jzz_case *c)
{
	char id[CASE_ID_MAX];

	f->has_agent = c->has_agent;
	if (!c->has_agent)
		return;
	f->agent_kind = c->agent.kind;
	service_copy(f->agent_name, sizeof f->agent_name, c->agent.name);
	service_copy(id, sizeof id, c->agent.id_number);
	for (char *p = id; *p != '\0'; p++)   /* as ID-3 normalises: x -> X */
		if (*p == 'x')
			*p = 'X';
	idnum_mask(id, f->agent_id_masked);
}

/* ---- the parts every paper of an application shares ---- */

static void
paper_mark(struct paper *p, const struct service_paper_facts *f, enum rules_lang lang)
{
	if (f->training)
		paper_set_mark(p, L("培训模式", "TRAINING MODE"));
}

static void
paper_subtitle_of(char *buf, size_t size, const char *centre_name, enum rules_lang lang)
{
	if (centre_name[0] == '\0')
		snprintf(buf, size, "%s", L("上海市社区事务受理服务中心", "Shanghai community affairs service centre"));
	else
		snprintf(buf, size, "%s%s", centre_name, L("社区事务受理服务中心",
		    " community affairs service centre"));
}

/* The applicant and the agent: a field list, so that an address (or the
 * agent's name, once recorded) is one more line here. */
static void
paper_persons(struct paper *p, const struct service_paper_facts *f, enum rules_lang lang)
{
	paper_field(p, L("姓名", "Name"), f->name);
	paper_field(p, L("身份证号", "ID number"), f->id_masked);
	if (f->address[0] != '\0')
		paper_field(p, L("居住地址", "Address"), f->address);
	if (f->has_agent)
		paper_fieldf(p, L("代理人", "Agent"), "%s%s%s %s", f->agent_name,
		    f->agent_name[0] != '\0' ? " " : "",
		    paper_vocab(&case_agent_kind_vocab[f->agent_kind], lang), f->agent_id_masked);
	if (f->post_address[0] != '\0')
		paper_field(p, L("邮寄地址", "Postal address"), f->post_address);
}

static void
paper_centre_fields(struct paper *p, const struct service_paper_facts *f, enum rules_lang lang)
{
	paper_fieldf(p, L("受理中心", "Centre"), "%s %s", f->centre_name, f->centre);
	paper_field(p, L("受理人", "Clerk"), f->user);
}

/* ---- the receipt ---- */

static const char *
paper_receipt_title(enum jzz_business b, enum rules_lang lang)
{
	switch (b) {
	case BIZ_REGISTRATION:
		return L("居住登记回执", "Residence registration receipt");
	case BIZ_PERMIT_NEW:
	case BIZ_PERMIT_NEW_FAST:
	case BIZ_PERMIT_REAPPLY:
		return L("上海市居住证受理回执", "Residence permit acceptance receipt");
	case BIZ_PERMIT_REPLACE:
	case BIZ_PERMIT_REPLACE_FAST:
		return L("居住证补领受理回执", "Residence permit replacement receipt");
	case BIZ_ENDORSEMENT:
		return L("居住证签注回执", "Residence permit endorsement receipt");
	case BIZ_CARD_UPDATE:
		return L("卡面有效期限更新回执", "Card face update receipt");
	case BIZ_INFO_CHANGE:
		return L("信息变更回执", "Change of details receipt");
	case BIZ_PICKUP:
		return L("领证回执", "Card pickup receipt");
	case BIZ_CANCELLATION:
		return L("居住证注销回执", "Residence permit cancellation receipt");
	case BIZ__COUNT:
		break;
	}
	return L("受理回执", "Receipt");
}

void
service_paper_receipt(const struct service_paper_facts *f, enum rules_lang lang,
                      struct paper *out)
{
	const struct jzz_decision *d = &f->decision;
	char                       a[JZZ_DATE_STRLEN], sub[SERVICE_TEXT_LEN * 2], msg[1024];

	paper_init(out, lang);
	paper_subtitle_of(sub, sizeof sub, f->centre_name, lang);
	paper_set_title(out, paper_receipt_title(f->business, lang), sub);
	paper_mark(out, f, lang);
	paper_set_name(out, f->receipt_no);
	paper_qr(out, L("回执号（扫码）", "Receipt no. (scan)"), f->receipt_no);
	paper_field(out, L("回执号", "Receipt no."), f->receipt_no);
	paper_field(out, L("业务", "Business"), paper_vocab(&case_business_vocab[f->business], lang));
	paper_persons(out, f, lang);
	paper_field(out, L("受理日期", "Accepted on"), date_text(f->day, a));
	paper_field(out, L("结论", "Decision"), L(rules_verdict_zh(d->verdict),
	    rules_verdict_code(d->verdict)));
	if (d->has_milestones) {
		paper_field(out, L("材料流转", "Materials transferred"), date_text(d->transferred, a));
		paper_field(out, L("审核完成", "Reviewed"), date_text(d->reviewed, a));
	}
	if (d->ready_on != JZZ_DATE_NONE)
		paper_field(out, L("制证完成", "Card ready"), date_text(d->ready_on, a));
	if (f->reg_valid_until != JZZ_DATE_NONE)
		paper_field(out, L("居住登记有效期至", "Registration valid until"),
		    date_text(f->reg_valid_until, a));
	if (d->new_valid_until != JZZ_DATE_NONE)
		paper_field(out, L("签注后有效期至", "Valid after endorsement until"),
		    date_text(d->new_valid_until, a));
	if (d->residence_years_reset)
		paper_para(out, L("逾期超过 60 日，居住年限自今日起重新计算",
		    "More than 60 days late: residence years restart today"));
	if (f->has_change) {
		char on[JZZ_DATE_STRLEN];

		paper_field(out, L("变更事项", "Changed"),
		    paper_vocab(&case_change_field_vocab[f->change_field], lang));
		paper_field(out, L("原内容", "Was"), f->change_old);
		paper_field(out, L("新内容", "Now"), f->change_new);
		paper_field(out, L("变更日期", "Changed on"), date_text(f->changed_on, on));
	}
	if (d->fee_yuan > 0 && f->fee_receipt_no[0] != '\0')
		paper_fieldf(out, L("工本费", "Fee"), L("%d 元（定额收据号 %s）", "%d yuan (fee receipt no. %s)"),
		    d->fee_yuan, f->fee_receipt_no);
	else if (d->fee_yuan > 0)
		paper_fieldf(out, L("工本费", "Fee"), L("%d 元", "%d yuan"), d->fee_yuan);
	else
		paper_field(out, L("工本费", "Fee"), L("免收", "free"));
	if (d->cod_fee_yuan > 0)
		paper_paraf(out, L("快递费 %d 元，货到付款（交快递员）", "Courier fee %d yuan, cash on delivery"),
		    d->cod_fee_yuan);
	if (d->ready_on == JZZ_DATE_NONE) {
		paper_field(out, L("领证须知", "Pickup"), L("本业务无需领证。", "Nothing to pick up for this business."));
	} else if (f->has_card && d->ready_on == f->day) {
		/* made the same day (a fast replacement, a kiosk): handed over
		 * at the counter, nothing to wait for */
		paper_field(out, L("领证须知", "Pickup"), L("证件已于受理当日当场交付本人，无需再来领证。",
		    "The card was handed over at the counter on the day: nothing to collect."));
	} else if (f->has_card && f->delivery == DELIVERY_POST) {
		paper_field(out, L("领证须知", "Pickup"), L("证件将以邮政快递送达本市地址。",
		    "The card will be posted to your Shanghai address."));
	} else {
		paper_field(out, L("领证须知", "Pickup"), L("收到短信通知后，凭本回执和本人居民身份证到本中心领证。",
		    "When notified by SMS, bring this receipt and your ID card to this centre."));
		paper_fieldf(out, L("领证地点", "Pick up at"), "%s%s", f->centre_name,
		    L("社区事务受理服务中心", " community affairs service centre"));
	}
	for (int i = 0; i < d->nresults; i++) {
		if (d->results[i].outcome != OUT_WARN)
			continue;
		rules_message(&d->results[i], lang, msg, sizeof msg);
		paper_fieldf(out, L("请告知申请人", "Tell the applicant"), "[%s] %s",
		    rules_code((enum rule_id)d->results[i].rule), msg);
	}
	paper_centre_fields(out, f, lang);
	paper_stamp(out, L("受理中心盖章", "Centre's stamp"));
	paper_sign(out, L("申请人签名", "Applicant's signature"));
}

/* ---- the one-time notice ---- */

static void
paper_docs(char *buf, size_t size, jzz_docset docs, enum rules_lang lang)
{
	size_t o = 0;

	buf[0] = '\0';
	for (int k = 0; k < DOC__COUNT && o < size; k++)
		if (docs & DOCBIT(k))
			o += (size_t)snprintf(buf + o, size - o, "%s%s", o > 0 ? L("、", ", ") : "",
			    paper_vocab(&case_doc_vocab[k], lang));
}

void
service_paper_notice(const struct service_paper_facts *f, enum rules_lang lang,
                     struct paper *out)
{
	const struct jzz_decision *d = &f->decision;
	char                       a[JZZ_DATE_STRLEN], sub[SERVICE_TEXT_LEN * 2], msg[1024];
	char                       docs[1024], name[64];
	bool                       refused = d->verdict == VERDICT_REFUSE;

	paper_init(out, lang);
	paper_subtitle_of(sub, sizeof sub, f->centre_name, lang);
	paper_set_title(out, L("一次性告知书", "One-time notice"), sub);
	paper_mark(out, f, lang);
	snprintf(name, sizeof name, "notice-%s", f->application_id);
	paper_set_name(out, name);
	{
		char no[SERVICE_APP_SHORT_LEN], both[SERVICE_APP_SHORT_LEN + SERVICE_UUID_LEN + 8];

		service_app_short(f->application_id, no);
		snprintf(both, sizeof both, "%s  (%s)", no, f->application_id);
		paper_field(out, L("申请编号", "Application no."), both);
	}
	paper_field(out, L("业务", "Business"), paper_vocab(&case_business_vocab[f->business], lang));
	paper_persons(out, f, lang);
	paper_field(out, L("申请日期", "Applied on"), date_text(f->day, a));
	if (d->verdict == VERDICT_ACCEPT)
		paper_field(out, L("结论", "Decision"), L("受理（无需补正）", "accepted (nothing to add)"));
	else
		paper_field(out, L("结论", "Decision"), refused ? L("不予受理", "refused") :
		    L("材料不齐，暂不受理", "incomplete: documents missing"));
	paper_heading(out, L("告知事项", "What the rules found"));
	for (int i = 0; i < d->nresults; i++) {
		const struct rule_result *r = &d->results[i];
		const struct rule_def    *def = &rules_catalogue[r->rule];
		const char               *tag;

		if (r->outcome == OUT_FAIL)
			tag = L("不符", "FAIL");
		else if (r->outcome == OUT_MISSING)
			tag = L("缺材料", "MISSING");
		else if (r->outcome == OUT_WARN)
			tag = L("提示", "WARN");
		else
			continue;
		rules_message(r, lang, msg, sizeof msg);
		paper_paraf(out, "[%s] %s %s", tag, def->code, L(def->title_zh, def->title_en));
		paper_paraf(out, L("　　%s", "    %s"), msg);
		if (r->docs != 0) {
			paper_docs(docs, sizeof docs, r->docs, lang);
			paper_paraf(out, L("　　所需材料：%s", "    Documents: %s"), docs);
		}
		paper_paraf(out, L("　　依据：%s", "    Source: %s"), def->citation);
	}
	if (d->missing_documents != 0) {
		paper_heading(out, L("请备齐以下材料", "Documents to bring"));
		paper_docs(docs, sizeof docs, d->missing_documents, lang);
		paper_para(out, docs);
	}
	paper_heading(out, L("下一步", "Next step"));
	if (d->eligible_from != JZZ_DATE_NONE)
		paper_paraf(out, L("%s 起可再来申领。", "Come back from %s."), date_text(d->eligible_from, a));
	else if (d->window_opens != JZZ_DATE_NONE)
		paper_paraf(out, L("签注期自 %s 起开放，届时再来办理。",
		    "The endorsement window opens on %s; come back then."), date_text(d->window_opens, a));
	else if (d->verdict == VERDICT_INCOMPLETE)
		paper_para(out, L("请备齐上列材料后再来，已告知事项不再增加。",
		    "Bring the documents listed above and come back; nothing will be added to this list."));
	else if (refused) {
		rules_refusal_next(d, lang, msg, sizeof msg);
		paper_para(out, msg);
	}
	paper_para(out, L("以上事项一次性告知。", "Everything required has been listed at once."));
	paper_centre_fields(out, f, lang);
	paper_stamp(out, L("受理中心盖章", "Centre's stamp"));
	paper_sign(out, L("申请人签收", "Received by the applicant"));
}

/* ---- the supervisor's daily sheet ---- */

void
service_paper_daily(struct service *s, const struct service_report *r, enum rules_lang lang,
                    struct paper *out)
{
	char        day[JZZ_DATE_STRLEN], sub[SERVICE_TEXT_LEN * 2], name[64], n[4][32];
	const char *cname = strcmp(r->centre, SERVICE_REPORT_ALL) == 0 ? "" :
	    paper_centre_name(s, r->centre);
	int         tot[VERDICT__COUNT] = { 0 };

	paper_init(out, lang);
	date_format(r->from, day);
	if (cname[0] != '\0')
		snprintf(sub, sizeof sub, L("%s社区事务受理服务中心（%s）　%s", "%s centre (%s), %s"),
		    cname, r->centre, day);
	else
		snprintf(sub, sizeof sub, L("全部中心　%s", "every centre, %s"), day);
	paper_set_title(out, L("受理业务日报", "Daily sheet"), sub);
	if (s->mode == SERVICE_DB_TRAINING)
		paper_set_mark(out, L("培训模式", "TRAINING MODE"));
	snprintf(name, sizeof name, "daily-%s-%s", r->centre, day);
	paper_set_name(out, name);
	paper_fieldf(out, L("中心", "Centre"), "%s %s", cname, r->centre);
	paper_field(out, L("日期", "Day"), day);
	paper_fieldf(out, L("申请总数", "Applications"), "%d", r->applications);

	paper_heading(out, L("按业务与结论", "By business and decision"));
	{
		const char *h[5] = { L("业务", "Business"), L("受理", "accept"),
			L("材料不齐", "incomplete"), L("不予受理", "refuse"), L("合计", "total") };

		paper_table(out, 5, h);
	}
	for (int b = 0; b < BIZ__COUNT; b++) {
		const int  *v = r->by_business[b];
		int         t = v[VERDICT_ACCEPT] + v[VERDICT_INCOMPLETE] + v[VERDICT_REFUSE];
		const char *row[5];

		if (t == 0)
			continue;
		for (int k = 0; k < VERDICT__COUNT; k++) {
			snprintf(n[k], sizeof n[k], "%d", v[k]);
			tot[k] += v[k];
		}
		snprintf(n[3], sizeof n[3], "%d", t);
		row[0] = paper_vocab(&case_business_vocab[b], lang);
		row[1] = n[0], row[2] = n[1], row[3] = n[2], row[4] = n[3];
		paper_table_row(out, row);
	}
	{
		const char *row[5];

		for (int k = 0; k < VERDICT__COUNT; k++)
			snprintf(n[k], sizeof n[k], "%d", tot[k]);
		snprintf(n[3], sizeof n[3], "%d", tot[0] + tot[1] + tot[2]);
		row[0] = L("合计", "total");
		row[1] = n[0], row[2] = n[1], row[3] = n[2], row[4] = n[3];
		paper_table_row(out, row);
	}

	paper_heading(out, L("收费及定额收据号", "Fees and fee receipt numbers"));
	paper_fieldf(out, L("窗口收取工本费", "Fees at the counter"), L("%d 元", "%d yuan"), r->fees_yuan);
	if (r->cod_fees_yuan > 0)
		paper_fieldf(out, L("快递员代收（不入账）", "Paid to couriers (not in the till)"),
		    L("%d 元", "%d yuan"), r->cod_fees_yuan);
	if (r->nfees == 0) {
		paper_para(out, L("当日无收费。", "No fee that day."));
	} else {
		const char *h[6] = { L("回执号", "Receipt no."), L("定额收据号", "Fee receipt no."),
			L("业务", "Business"), L("姓名", "Name"), L("受理人", "Clerk"),
			L("金额（元）", "Yuan") };

		paper_table(out, 6, h);
	}
	for (size_t i = 0; i < r->nfees; i++) {
		const struct service_report_fee *fe = &r->fees[i];
		char                             amt[32];
		const char                      *row[6];

		snprintf(amt, sizeof amt, "%d%s", fe->amount_yuan, fe->cod ? L("（快递）", " (courier)") : "");
		row[0] = fe->receipt_no;
		row[1] = fe->fee_receipt_no[0] != '\0' ? fe->fee_receipt_no : L("（未填）", "(none)");
		row[2] = paper_vocab(&case_business_vocab[fe->business], lang);
		row[3] = fe->name;
		row[4] = fe->user;
		row[5] = amt;
		paper_table_row(out, row);
	}
	paper_heading(out, L("证件", "Cards"));
	paper_fieldf(out, L("到达本中心", "Arrived at the centre"), "%d", r->cards_received);
	paper_fieldf(out, L("领取或邮寄", "Picked up or posted"), "%d", r->cards_handed);
	paper_fieldf(out, L("逾期未发领证通知", "Pickup notices overdue"), "%zu", r->overdue_total);
	paper_stamp(out, L("受理中心盖章", "Centre's stamp"));
	paper_sign(out, L("主管签名", "Supervisor's signature"));
}

bool
service_paper_dir(const char *db, bool reports, char *out, size_t size)
{
	const char *env = getenv(reports ? "JZZ_EXPORT_DIR" : "JZZ_RECEIPT_DIR");
	char        path[4096];
	int         n;

	if (env != NULL && *env != '\0') {
		if (!service_copy(out, size, env))
			return true;
	} else {
		bool cut = false;

		/* beside a SQLite file; for a server's store, or none named,
		 * beside the default file (~/.local/share/jzz/) */
		if (db != NULL && service_db_is_file(db))
			cut = service_copy(path, sizeof path, db);
		else if (!service_default_path(path, sizeof path))
			service_copy(path, sizeof path, "./jzz.db");
		n = snprintf(out, size, "%s/%s", dirname(path), reports ? "reports" : "receipts");
		if (!cut && n >= 0 && (size_t)n < size)
			return true;
	}
	/* A cut folder would put people's papers somewhere nobody chose. */
	if (size > 0)
		out[0] = '\0';
	return false;
}
