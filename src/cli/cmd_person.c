/*
 * cmd_person.c: `jzz person NUMBER`: a person's card as JSON: details,
 * latest registration, permit and its state, card and its stage, open
 * applications and the whole history, newest first; the address valid
 * today (`address`), every address with the day it held from
 * (`addresses`), and with --on DATE the address of that day (`address_on`).
 */
#include <getopt.h>
#include <string.h>

#include "cli_service.h"

static void
person_opt_string(struct strbuf *sb, const char *key, const char *v)
{
	strbuf_printf(sb, ",\"%s\":", key);
	if (v[0] != '\0')
		strbuf_json_string(sb, v);
	else
		strbuf_puts(sb, "null");
}

/* An address as JSON: the contract's members, the street's name, the text
 * printed on receipts, and since when and by which application. */
static void
person_address(struct strbuf *sb, const struct service_address *ad)
{
	strbuf_printf(sb, "{\"district\":\"%s\",\"street\":\"%s\",\"street_name\":",
	    ad->a.district, ad->a.street);
	strbuf_json_string(sb, ad->street_name);
	strbuf_puts(sb, ",\"road\":");
	strbuf_json_string(sb, ad->a.road);
	person_opt_string(sb, "lane", ad->a.lane);
	strbuf_puts(sb, ",\"number\":");
	strbuf_json_string(sb, ad->a.number);
	person_opt_string(sb, "room", ad->a.room);
	strbuf_puts(sb, ",\"text\":");
	strbuf_json_string(sb, ad->text);
	strbuf_puts(sb, ",\"valid_from\":");
	cli_json_date(sb, ad->valid_from);
	strbuf_printf(sb, ",\"application_id\":\"%s\"}", ad->application_id);
}

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
		strbuf_puts(sb, ",\"agent\":");
		if (h[i].agent_kind[0] != '\0') {
			strbuf_printf(sb, "{\"kind\":\"%s\",\"name\":", h[i].agent_kind);
			if (h[i].agent_name[0] != '\0')
				strbuf_json_string(sb, h[i].agent_name);
			else
				strbuf_puts(sb, "null");
			strbuf_puts(sb, ",\"id_number\":");
			strbuf_json_string(sb, h[i].agent_id_masked);
			strbuf_putc(sb, '}');
		} else {
			strbuf_puts(sb, "null");
		}
		strbuf_printf(sb, ",\"fee_yuan\":%d,\"failed\":", h[i].fee_yuan);
		strbuf_json_string(sb, h[i].failed);
		strbuf_puts(sb, ",\"missing\":");
		strbuf_json_string(sb, h[i].missing);
		strbuf_putc(sb, '}');
	}
	strbuf_putc(sb, ']');
}

static void
person_json(struct strbuf *sb, const struct service_person *p, const struct service_address *on,
            jzz_date on_day)
{
	strbuf_printf(sb, "{\"found\":%s,\"id_number\":", p->found ? "true" : "false");
	strbuf_json_string(sb, p->id_number);
	if (p->found) {
		strbuf_puts(sb, ",\"name\":");
		strbuf_json_string(sb, p->name);
		strbuf_puts(sb, ",\"phone\":");
		strbuf_json_string(sb, p->phone);
		/* the address valid today; one known only as text (recorded
		 * before addresses had their parts) is given as its text */
		strbuf_puts(sb, ",\"address\":");
		if (p->has_address)
			person_address(sb, &p->address_now);
		else if (p->address[0] != '\0') {
			strbuf_puts(sb, "{\"text\":");
			strbuf_json_string(sb, p->address);
			strbuf_putc(sb, '}');
		} else
			strbuf_puts(sb, "null");
		strbuf_puts(sb, ",\"addresses\":[");
		for (size_t i = 0; i < p->naddresses; i++) {
			if (i > 0)
				strbuf_putc(sb, ',');
			person_address(sb, &p->addresses[i]);
		}
		strbuf_putc(sb, ']');
		if (on_day != JZZ_DATE_NONE) {
			strbuf_puts(sb, ",\"address_on\":");
			if (on != NULL)
				person_address(sb, on);
			else
				strbuf_puts(sb, "null");
		}
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
		person_opt_string(sb, "delivery_address", p->card.delivery_address);
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

static const char person_usage[] =
    "usage: jzz person NUMBER [--on DATE]\n"
    "A person's records and history, as JSON.\n\n"
    "  --on DATE    also the person's address on that day (address_on)\n"
    "  -h, --help   this help\n";

static const struct option person_longopts[] = {
	{ "on", required_argument, NULL, 'o' },
	CLI_OPT_COMMON
};

int
cmd_person(const struct cli_opts *opts, int argc, char **argv)
{
	struct service       *s;
	struct service_actor  a;
	struct service_person p;
	struct service_address on;
	enum service_status   st;
	struct strbuf         sb;
	jzz_date              on_day = JZZ_DATE_NONE;
	bool                  has_on = false;
	int                   rc = CLI_OK, o;

	cli_getopt_reset();
	while ((o = cli_getopt(argc, argv, ":h", person_longopts, person_usage, &rc)) != -1) {
		if (o == CLI_OPT_EXIT)
			return rc;
		if (!date_parse(optarg, strlen(optarg), &on_day)) {
			cli_error("person: --on %s is not a real date YYYY-MM-DD", optarg);
			return CLI_BADCASE;
		}
	}
	if (argc - optind != 1)
		return cli_usage_error(person_usage, "person: one NUMBER expected");
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	st = service_person_get(s, &a, argv[optind], cli_today(opts), &p);
	if (st != SERVICE_OK) {
		rc = cli_service_fail(s, st, "person");
		service_close(s);
		return rc;
	}
	if (on_day != JZZ_DATE_NONE && p.found) {
		st = service_address_on(s, &a, argv[optind], on_day, &on);
		if (st != SERVICE_OK && st != SERVICE_ERR_NOT_FOUND) {
			rc = cli_service_fail(s, st, "person");
			service_person_free(&p);
			service_close(s);
			return rc;
		}
		has_on = st == SERVICE_OK;
	}
	service_close(s);
	strbuf_init(&sb);
	person_json(&sb, &p, has_on ? &on : NULL, on_day);
	service_person_free(&p);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}
