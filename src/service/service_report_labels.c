/*
 * service_report_labels.c: the names of the report's codes for people.
 *
 * The codes of the policy (businesses, decisions, outcomes, rules,
 * documents, reasons, fee kinds) are named by the rules core's tables; this
 * file only finds the entry. The report's own words (its sections and the
 * figures of its summary) are not the policy's and are kept here, once, for
 * the CSV and the workbook.
 */
#include "service_report_labels.h"

#include <stddef.h>
#include <string.h>

#include "jzz/service.h"

const struct vocab service_report_section_vocab[] = {
	{ "summary", "总览", "Overview" },
	{ "by_business", "按业务与结论", "By business" },
	{ "by_clerk", "按受理员", "By clerk" },
	{ "by_centre", "按中心", "By centre" },
	{ "fees", "工本费", "Fees" },
	{ "rules", "不符与缺材料", "Refusals and missing" },
	{ "pickup_notices_overdue", "领证通知逾期", "Pickup notices overdue" },
	{ "endorsement_window", "签注期", "Endorsement window" },
	{ "suspended", "已中止", "Suspended" },
	{ "auto_endorsement_failed", "自动签注失败", "Auto-endorsement failed" },
	/* CSV sections that share a sheet with another */
	{ "period", "统计期间", "Period" },
	{ "missing_documents", "缺少的材料", "Missing documents" },
};
const size_t service_report_nsections =
	sizeof service_report_section_vocab / sizeof service_report_section_vocab[0];

const struct vocab service_report_summary_vocab[] = {
	{ "centre", "中心", "centre" },
	{ "from", "起始日期", "from" },
	{ "to", "截止日期", "to" },
	{ "applications", "申请（件）", "applications" },
	{ "fees_yuan", "窗口收取工本费", "card fees at the counter" },
	{ "cod_fees_yuan", "快递费（货到付款）", "postage paid to couriers (COD)" },
	{ "fast_track", "快证申请（件）", "fast-track applications" },
	{ "fast_track_accepted", "快证受理（件）", "fast-track accepted" },
	{ "cards_received", "到证（张）", "cards arrived" },
	{ "cards_handed", "领取或邮寄（张）", "cards handed over" },
	{ "overdue_pickup_notices", "领证通知逾期（人）", "pickup notices overdue" },
};
const size_t service_report_nsummary =
	sizeof service_report_summary_vocab / sizeof service_report_summary_vocab[0];

/* Where the report keeps each figure of the summary, in the order of
 * service_report_summary_vocab: one list for the workbook and the CSV. */
static const struct {
	enum service_figure_kind kind;
	size_t                   at;   /* offset in struct service_report */
} service_report_figures[] = {
	{ SERVICE_FIGURE_CENTRE, offsetof(struct service_report, centre) },
	{ SERVICE_FIGURE_DATE, offsetof(struct service_report, from) },
	{ SERVICE_FIGURE_DATE, offsetof(struct service_report, to) },
	{ SERVICE_FIGURE_COUNT, offsetof(struct service_report, applications) },
	{ SERVICE_FIGURE_MONEY, offsetof(struct service_report, fees_yuan) },
	{ SERVICE_FIGURE_MONEY, offsetof(struct service_report, cod_fees_yuan) },
	{ SERVICE_FIGURE_COUNT, offsetof(struct service_report, fast_track) },
	{ SERVICE_FIGURE_COUNT, offsetof(struct service_report, fast_track_accepted) },
	{ SERVICE_FIGURE_COUNT, offsetof(struct service_report, cards_received) },
	{ SERVICE_FIGURE_COUNT, offsetof(struct service_report, cards_handed) },
	{ SERVICE_FIGURE_LISTED, offsetof(struct service_report, overdue_total) },
};
_Static_assert(sizeof service_report_figures / sizeof service_report_figures[0] ==
    sizeof service_report_summary_vocab / sizeof service_report_summary_vocab[0],
    "a figure for every word of the summary");

struct service_report_figure
service_report_summary_figure(const struct service_report *r, size_t i)
{
	struct service_report_figure f = { service_report_figures[i].kind, 0 };
	const char                  *at = (const char *)r + service_report_figures[i].at;
	jzz_date                     d;
	size_t                       n;
	int                          v;

	switch (f.kind) {
	case SERVICE_FIGURE_CENTRE:
		break;
	case SERVICE_FIGURE_DATE:
		memcpy(&d, at, sizeof d);
		f.value = d;
		break;
	case SERVICE_FIGURE_COUNT:
	case SERVICE_FIGURE_MONEY:
		memcpy(&v, at, sizeof v);
		f.value = v;
		break;
	case SERVICE_FIGURE_LISTED:
		memcpy(&n, at, sizeof n);
		f.value = (long)n;
		break;
	}
	return f;
}

static const char *
service_label_of(const struct vocab *v, size_t n, const char *code, enum rules_lang lang)
{
	int i = case_vocab_find(v, (int)n, code, strlen(code));

	if (i < 0)
		return NULL;
	return lang == LANG_EN ? v[i].en : v[i].zh;
}

const char *
service_report_label(enum service_label_kind kind, const char *code, enum rules_lang lang)
{
	int i;

	if (code == NULL || code[0] == '\0')
		return NULL;
	switch (kind) {
	case SERVICE_LABEL_BUSINESS:
		return service_label_of(case_business_vocab, BIZ__COUNT, code, lang);
	case SERVICE_LABEL_VERDICT:
		return service_label_of(rules_verdict_vocab, VERDICT__COUNT, code, lang);
	case SERVICE_LABEL_OUTCOME:
		return service_label_of(rules_outcome_vocab, OUT__COUNT, code, lang);
	case SERVICE_LABEL_RULE:
		if ((i = rules_from_code(code)) < 0)
			return NULL;
		return lang == LANG_EN ? rules_catalogue[i].title_en : rules_catalogue[i].title_zh;
	case SERVICE_LABEL_DOC:
		return service_label_of(case_doc_vocab, DOC__COUNT, code, lang);
	case SERVICE_LABEL_REASON:
		return service_label_of(case_reason_vocab, REASON__COUNT, code, lang);
	case SERVICE_LABEL_FEE_KIND:
		return service_label_of(case_fee_kind_vocab, FEE__COUNT, code, lang);
	case SERVICE_LABEL_SUMMARY:
		return service_label_of(service_report_summary_vocab, service_report_nsummary, code, lang);
	case SERVICE_LABEL_SECTION:
		return service_label_of(service_report_section_vocab, service_report_nsections, code,
		    lang);
	}
	return NULL;
}
