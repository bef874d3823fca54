/*
 * cmd_person.c: `jzz person NUMBER`: a person's card as JSON: details,
 * latest registration, permit and its state, card and its stage, open
 * applications and the whole history, newest first.
 */
#include <string.h>

#include "cli_service.h"

static void
person_history(struct strbuf *sb, const struct service_history_entry *h, size_t n)
{
	strbuf_putc(sb, '[');
	for (size_t i = 0; i < n; i++) {
		strbuf_printf(sb, "%s{\"application_id\":\"%s\",\"day\":", i > 0 ? "," : "",
		    h[i].application_id);
		cli_json_date(sb, h[i].day);
		strbuf_printf(sb, ",\"business\":\"%s\",\"channel\":\"%s\",\"decision\":\"%s\","
		    "\"centre\":\"%s\",\"user\":", case_business_vocab[h[i].business].code,
		    case_channel_vocab[h[i].channel].code, rules_verdict_code(h[i].verdict), h[i].centre);
		strbuf_json_string(sb, h[i].user);
		strbuf_puts(sb, ",\"receipt_no\":");
		if (h[i].receipt_no[0] != '\0')
			strbuf_json_string(sb, h[i].receipt_no);
		else
			strbuf_puts(sb, "null");
		strbuf_printf(sb, ",\"fee_yuan\":%d,\"failed\":", h[i].fee_yuan);
		strbuf_json_string(sb, h[i].failed);
		strbuf_puts(sb, ",\"missing\":");
		strbuf_json_string(sb, h[i].missing);
		strbuf_putc(sb, '}');
	}
	strbuf_putc(sb, ']');
}

static void
person_json(struct strbuf *sb, const struct service_person *p)
{
	strbuf_printf(sb, "{\"found\":%s,\"id_number\":", p->found ? "true" : "false");
	strbuf_json_string(sb, p->id_number);
	if (p->found) {
		strbuf_puts(sb, ",\"name\":");
		strbuf_json_string(sb, p->name);
		strbuf_puts(sb, ",\"phone\":");
		strbuf_json_string(sb, p->phone);
		strbuf_puts(sb, ",\"address\":");
		strbuf_json_string(sb, p->address);
		strbuf_printf(sb, ",\"address_changed\":%s", p->address_changed ? "true" : "false");
	}
	strbuf_puts(sb, ",\"registration\":");
	if (p->registration.present) {
		strbuf_puts(sb, "{\"registered_on\":");
		cli_json_date(sb, p->registration.registered_on);
		strbuf_puts(sb, ",\"valid_until\":");
		cli_json_date(sb, p->registration.valid_until);
		strbuf_printf(sb, ",\"centre\":\"%s\"}", p->registration.centre);
	} else {
		strbuf_puts(sb, "null");
	}
	strbuf_puts(sb, ",\"permit\":");
	if (p->permit.present) {
		strbuf_printf(sb, "{\"id\":\"%s\",\"state\":\"%s\",\"first_issued_on\":", p->permit.id,
		    service_permit_state_code(p->permit.state));
		cli_json_date(sb, p->permit.first_issued_on);
		strbuf_puts(sb, ",\"valid_from\":");
		cli_json_date(sb, p->permit.valid_from);
		strbuf_puts(sb, ",\"valid_until\":");
		cli_json_date(sb, p->permit.valid_until);
		strbuf_puts(sb, ",\"window_opens\":");
		cli_json_date(sb, p->permit.window_opens);
		strbuf_puts(sb, ",\"residence_since\":");
		cli_json_date(sb, p->permit.residence_since);
		if (p->permit.state == SERVICE_PERMIT_CANCELLED) {
			strbuf_puts(sb, ",\"cancelled_on\":");
			cli_json_date(sb, p->permit.cancelled_on);
			strbuf_printf(sb, ",\"cancel_reason\":\"%s\",\"cancel_note\":",
			    p->permit.cancel_reason);
			strbuf_json_string(sb, p->permit.cancel_note);
		}
		strbuf_putc(sb, '}');
	} else {
		strbuf_puts(sb, "null");
	}
	strbuf_puts(sb, ",\"card\":");
	if (p->card.present) {
		strbuf_printf(sb, "{\"id\":\"%s\",\"state\":\"%s\",\"business\":\"%s\",\"delivery\":\"%s\","
		    "\"receipt_no\":\"%s\",\"centre\":\"%s\",\"accepted_on\":", p->card.id,
		    service_card_state_code(p->card.state), case_business_vocab[p->card.business].code,
		    case_delivery_vocab[p->card.delivery].code, p->card.receipt_no, p->card.centre);
		cli_json_date(sb, p->card.accepted_on);
		strbuf_puts(sb, ",\"ready_on\":");
		cli_json_date(sb, p->card.ready_on);
		strbuf_puts(sb, ",\"received_on\":");
		cli_json_date(sb, p->card.received_on);
		strbuf_puts(sb, ",\"notice_due_on\":");
		cli_json_date(sb, p->card.notice_due_on);
		strbuf_puts(sb, ",\"handed_on\":");
		cli_json_date(sb, p->card.handed_on);
		strbuf_puts(sb, ",\"printed_valid_until\":");
		cli_json_date(sb, p->card.printed_valid_until);
		strbuf_putc(sb, '}');
	} else {
		strbuf_puts(sb, "null");
	}
	strbuf_puts(sb, ",\"open\":");
	person_history(sb, p->open, p->nopen);
	strbuf_puts(sb, ",\"history\":");
	person_history(sb, p->history, p->nhistory);
	strbuf_putc(sb, '}');
}

int
cmd_person(const struct cli_opts *opts, int argc, char **argv)
{
	struct service       *s;
	struct service_actor  a;
	struct service_person p;
	enum service_status   st;
	struct strbuf         sb;
	int                   rc;

	if (argc != 2) {
		cli_error("usage: jzz person NUMBER");
		return CLI_BADCASE;
	}
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_person_get(s, &a, argv[1], cli_today(opts), &p);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "person");
		service_close(s);
		return rc;
	}
	service_close(s);
	strbuf_init(&sb);
	person_json(&sb, &p);
	service_person_free(&p);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}
