/*
 * casegen.c: synthetic cases for the benchmarks (see casegen.h).
 *
 * A small xorshift generator keyed on the case number picks each fact, so a
 * run is reproducible and cases can be made in any order without state.
 */
#include "casegen.h"

#include <stdio.h>
#include <string.h>

#include "jzz/idnum.h"

static uint64_t
casegen_mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53ULL;
	x ^= x >> 33;
	return x;
}

static const char *const casegen_names[] = { "陈静", "王伟", "李娜", "张敏", "刘洋", "赵磊" };
static const int casegen_provinces[] = { 11, 32, 33, 34, 41, 42, 51, 99 };

/* A valid number for a birth date and sequence, or (1 in 32) a broken one. */
static void
casegen_idnum(uint64_t r, jzz_date today, char out[19])
{
	int  y, m, d, prov = casegen_provinces[r % 7];
	char digits[18];

	/* Ages 0 to 80, so that minors and the elderly both appear. */
	date_to_ymd(today - (jzz_date)((r >> 8) % (80 * 365)) - 1, &y, &m, &d);
	snprintf(digits, sizeof digits, "%02d0105%04d%02d%02d%03d", prov, y, m, d,
	    (int)((r >> 20) % 1000));
	memcpy(out, digits, 17);
	out[17] = idnum_check_char(digits);
	if ((r >> 40) % 32 == 0)
		out[17] = out[17] == '0' ? '1' : '0';
	out[18] = '\0';
}

void
casegen_case(uint64_t i, struct jzz_case *c)
{
	uint64_t r = casegen_mix(i + 1), s = casegen_mix(r);
	jzz_date today = date_from_ymd(2026, 1, 5) + (jzz_date)(r % 700);

	case_init(c);
	c->today = today;
	c->business = (enum jzz_business)(r >> 12) % BIZ__COUNT;
	c->channel = (s % 10) < 8 ? CH_COUNTER : (s % 10) == 8 ? CH_ONLINE : CH_KIOSK;
	casegen_idnum(s, today, c->applicant.id_number);
	c->applicant.id_len = strlen(c->applicant.id_number);
	snprintf(c->applicant.name, sizeof c->applicant.name, "%s",
	    casegen_names[(s >> 5) % 6]);
	c->applicant.hukou_shanghai = (r >> 50) % 50 == 0;
	c->applicant.lives_in_shanghai = (r >> 44) % 40 != 0;
	c->applicant.mobility_impaired = (s >> 30) % 8 == 0;
	c->applicant.disabled = (s >> 33) % 20 == 0;
	snprintf(c->applicant.phone, sizeof c->applicant.phone, "139%08d", (int)(s % 100000000));
	c->address_changed = (s >> 36) % 5 == 0;
	c->has_housing = true;
	c->housing.tenure = (enum jzz_tenure)((s >> 38) % TENURE__COUNT);
	c->housing.use = (s >> 41) % 15 == 0 ? USE_OFFICE : USE_RESIDENTIAL;
	c->housing.relation = (s >> 43) % 10 == 0 ? REL_OTHER : REL_MOTHER;
	c->housing.managed_residential_area = (s >> 45) % 8 == 0;
	c->housing.leased_to = (s >> 47) % 12 == 0 ? LEASED_UNIT : LEASED_INDIVIDUAL;
	/* Most applicants bring most documents; a few forget one. */
	c->documents = (jzz_docset)((1u << DOC__COUNT) - 1) & ~DOCBIT(DOC_ELECTRONIC_ID);
	if ((r >> 24) % 4 == 0) {
		static const enum jzz_doc often[] = { DOC_ID_CARD, DOC_PERMIT_APPLICATION_FORM,
			DOC_REGISTRATION_FORM, DOC_LEASE_FILING_CERTIFICATE, DOC_PROPERTY_CERTIFICATE,
			DOC_FAST_TRACK_REQUEST, DOC_ACCEPTANCE_RECEIPT };

		c->documents &= ~DOCBIT(often[(r >> 26) % 7]);
	}
	if ((s >> 50) % 10 != 0) {
		c->has_registration = true;
		c->registered_on = today - 100 - (jzz_date)((s >> 52) % 300);
	}
	if (c->business != BIZ_PERMIT_NEW && c->business != BIZ_PERMIT_NEW_FAST &&
	    (r >> 30) % 8 != 0) {
		c->has_permit = true;
		c->permit_valid_until = today + 25 - (jzz_date)((r >> 33) % 120);
	}
	/* Minors come with a guardian (nearly always), others seldom with anyone. */
	{
		struct idnum id;
		bool         minor = idnum_parse(c->applicant.id_number, 18, today, &id) != IDNUM_BIRTH_DATE &&
		    id.birth != JZZ_DATE_NONE && date_age_on(id.birth, today) < 16;

		c->has_agent = minor ? (r >> 36) % 20 != 0 : (r >> 36) % 20 == 0;
		c->agent.kind = minor ? AGENT_GUARDIAN : (enum jzz_agent_kind)((r >> 38) % AGENT__COUNT);
	}
	if (c->has_agent) {
		c->agent.relation = REL_SON;
		snprintf(c->agent.id_number, sizeof c->agent.id_number, "110105198001010011");
		c->agent.id_len = 18;
	}
	if (c->business == BIZ_PERMIT_NEW_FAST || c->business == BIZ_PERMIT_REPLACE_FAST) {
		c->has_fast_track = true;
		c->fast_track.reason = FAST_EXAM;
	}
	if ((r >> 40) % 6 == 0)
		c->delivery.method = DELIVERY_POST;
	c->delivery.in_shanghai = (r >> 43) % 10 != 0;
	if (c->business == BIZ_INFO_CHANGE) {
		c->has_change = true;
		c->change.field = (enum jzz_change_field)((r >> 45) % CHANGE__COUNT);
		c->change.changed_on = today - (jzz_date)((r >> 47) % 60);
	}
	c->has_kiosk = c->channel == CH_KIOSK;
	c->kiosk_info_matches_registration = (s >> 55) % 5 != 0;
}

static void
casegen_date(struct strbuf *sb, const char *key, jzz_date d)
{
	char buf[JZZ_DATE_STRLEN];

	date_format(d, buf);
	strbuf_printf(sb, "\"%s\":\"%s\"", key, buf);
}

void
casegen_json(uint64_t i, struct strbuf *sb)
{
	struct jzz_case c;
	bool            first = true;

	casegen_case(i, &c);
	strbuf_putc(sb, '{');
	casegen_date(sb, "today", c.today);
	strbuf_printf(sb, ",\"business\":\"%s\",\"channel\":\"%s\"",
	    case_business_vocab[c.business].code, case_channel_vocab[c.channel].code);
	strbuf_printf(sb, ",\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\","
	    "\"hukou_shanghai\":%s,\"lives_in_shanghai\":%s,\"mobility_impaired\":%s,"
	    "\"disabled\":%s,\"phone\":\"%s\"}", c.applicant.id_number, c.applicant.name,
	    c.applicant.hukou_shanghai ? "true" : "false",
	    c.applicant.lives_in_shanghai ? "true" : "false",
	    c.applicant.mobility_impaired ? "true" : "false",
	    c.applicant.disabled ? "true" : "false", c.applicant.phone);
	if (c.has_agent)
		strbuf_printf(sb, ",\"agent\":{\"kind\":\"%s\",\"relation\":\"son\",\"id_number\":\"%s\"}",
		    case_agent_kind_vocab[c.agent.kind].code, c.agent.id_number);
	else
		strbuf_puts(sb, ",\"agent\":null");
	strbuf_printf(sb, ",\"housing\":{\"tenure\":\"%s\",\"use\":\"%s\",\"relation\":\"%s\","
	    "\"managed_residential_area\":%s,\"leased_to\":\"%s\"}",
	    case_tenure_vocab[c.housing.tenure].code, case_use_vocab[c.housing.use].code,
	    c.housing.relation == REL_OTHER ? "friend" : "mother",
	    c.housing.managed_residential_area ? "true" : "false",
	    case_leased_to_vocab[c.housing.leased_to].code);
	strbuf_printf(sb, ",\"address_changed\":%s,\"documents\":[",
	    c.address_changed ? "true" : "false");
	for (int d = 0; d < DOC__COUNT; d++) {
		if (!(c.documents & DOCBIT(d)))
			continue;
		strbuf_printf(sb, "%s\"%s\"", first ? "" : ",", case_doc_vocab[d].code);
		first = false;
	}
	strbuf_putc(sb, ']');
	if (c.has_registration) {
		strbuf_puts(sb, ",\"registration\":{");
		casegen_date(sb, "registered_on", c.registered_on);
		strbuf_putc(sb, '}');
	}
	if (c.has_permit) {
		strbuf_puts(sb, ",\"permit\":{");
		casegen_date(sb, "valid_until", c.permit_valid_until);
		strbuf_putc(sb, '}');
	}
	if (c.has_fast_track)
		strbuf_puts(sb, ",\"fast_track\":{\"reason\":\"exam\"}");
	strbuf_printf(sb, ",\"delivery\":{\"method\":\"%s\",\"in_shanghai\":%s}",
	    case_delivery_vocab[c.delivery.method].code, c.delivery.in_shanghai ? "true" : "false");
	if (c.has_change) {
		strbuf_printf(sb, ",\"change\":{\"field\":\"%s\",",
		    case_change_field_vocab[c.change.field].code);
		casegen_date(sb, "changed_on", c.change.changed_on);
		strbuf_putc(sb, '}');
	}
	if (c.has_kiosk)
		strbuf_printf(sb, ",\"kiosk\":{\"info_matches_registration\":%s}",
		    c.kiosk_info_matches_registration ? "true" : "false");
	strbuf_putc(sb, '}');
}
