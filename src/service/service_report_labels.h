/*
 * service_report_labels.h: the names people read beside the codes of the
 * supervisors' report, shared by its writers (the CSV's label column, the
 * workbook's sheets and headings), so that both say the same words.
 */
#ifndef JZZ_SERVICE_REPORT_LABELS_H
#define JZZ_SERVICE_REPORT_LABELS_H

#include "jzz/case.h"
#include "jzz/rules.h"

/* What kind of code a label is asked for: the same word can be a code of
 * two vocabularies ("pickup" is a business and a delivery). */
enum service_label_kind {
	SERVICE_LABEL_BUSINESS,   /* case_business_vocab */
	SERVICE_LABEL_VERDICT,    /* rules_verdict_vocab */
	SERVICE_LABEL_OUTCOME,    /* rules_outcome_vocab */
	SERVICE_LABEL_RULE,       /* the catalogue's titles */
	SERVICE_LABEL_DOC,        /* case_doc_vocab */
	SERVICE_LABEL_REASON,     /* case_reason_vocab */
	SERVICE_LABEL_FEE_KIND,   /* case_fee_kind_vocab */
	SERVICE_LABEL_SUMMARY,    /* the figures of the summary (and the period) */
	SERVICE_LABEL_SECTION,    /* the sections: CSV section codes, sheet names */
};

/* The report's own words: its sections and the figures of its summary
 * (the keys of `--format json` and of the CSV's summary rows). */
extern const struct vocab service_report_section_vocab[];
extern const size_t       service_report_nsections;
extern const struct vocab service_report_summary_vocab[];
extern const size_t       service_report_nsummary;

/* What a figure of the summary is, and its value in a report. */
enum service_figure_kind {
	SERVICE_FIGURE_CENTRE,   /* the report's centre: a code, or "all" */
	SERVICE_FIGURE_DATE,     /* value: a jzz_date */
	SERVICE_FIGURE_COUNT,
	SERVICE_FIGURE_MONEY,    /* yuan */
	SERVICE_FIGURE_LISTED,   /* the persons of one of the report's lists */
};
struct service_report_figure {
	enum service_figure_kind kind;
	long                     value;   /* all but CENTRE */
};
struct service_report;
/* The figure of service_report_summary_vocab[i] in r. */
struct service_report_figure service_report_summary_figure(const struct service_report *r,
                                                           size_t i);

/* The name of `code` in lang; NULL when the code is not one of that kind
 * (an empty code, a user name, a code from a newer database). */
const char *service_report_label(enum service_label_kind kind, const char *code,
                                 enum rules_lang lang);

#endif
