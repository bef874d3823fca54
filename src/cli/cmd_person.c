/*
 * cmd_person.c: `jzz person NUMBER`: a person's card as JSON: details,
 * latest registration, permit and its state, card and its stage, open
 * applications and the whole history, newest first; the address valid
 * today (`address`), every address with the day it held from
 * (`addresses`), and with --on DATE the address of that day (`address_on`).
 */
#include <stddef.h>

#include "cli_service.h"

/* An address's members: the contract's, the street's name, the text
 * printed on receipts, and since when and by which application. */
static void
person_address_json(struct cli_json *j, const void *item)
{
	const struct service_address *ad = item;

	cli_json_str(j, "district", ad->a.district);
	cli_json_str(j, "street", ad->a.street);
	cli_json_str(j, "street_name", ad->street_name);
	cli_json_str(j, "road", ad->a.road);
	cli_json_str_or_null(j, "lane", ad->a.lane);
	cli_json_str(j, "number", ad->a.number);
	cli_json_str_or_null(j, "room", ad->a.room);
	cli_json_str(j, "text", ad->text);
	cli_json_day(j, "valid_from", ad->valid_from);
	cli_json_str(j, "application_id", ad->application_id);
}

static void
person_history_json(struct cli_json *j, const void *item)
{
	const struct service_history_entry *h = item;

	cli_json_str(j, "application_id", h->application_id);
	cli_json_day(j, "day", h->day);
	cli_json_str(j, "business", case_business_vocab[h->business].code);
	cli_json_str(j, "channel", case_channel_vocab[h->channel].code);
	cli_json_str(j, "decision", rules_verdict_code(h->verdict));
	cli_json_str(j, "centre", h->centre);
	cli_json_str(j, "user", h->user);
	cli_json_str_or_null(j, "receipt_no", h->receipt_no);
	if (cli_json_object_if(j, "agent", h->agent_kind[0] != '\0')) {
		cli_json_str(j, "kind", h->agent_kind);
		cli_json_str_or_null(j, "name", h->agent_name);
		cli_json_str(j, "id_number", h->agent_id_masked);
		cli_json_end(j);
	}
	cli_json_int(j, "fee_yuan", h->fee_yuan);
	cli_json_str(j, "failed", h->failed);
	cli_json_str(j, "missing", h->missing);
}

static void
person_json(struct cli_json *j, const struct service_person *p, const struct service_address *on,
            jzz_date on_day)
{
	cli_json_object(j, NULL);
	cli_json_bool(j, "found", p->found);
	cli_json_str(j, "id_number", p->id_number);
	if (p->found) {
		cli_json_str(j, "name", p->name);
		cli_json_str(j, "phone", p->phone);
		/* the address valid today; one known only as text (recorded
		 * before addresses had their parts) is given as its text */
		if (p->has_address) {
			cli_json_object(j, "address");
			person_address_json(j, &p->address_now);
			cli_json_end(j);
		} else if (cli_json_object_if(j, "address", p->address[0] != '\0')) {
			cli_json_str(j, "text", p->address);
			cli_json_end(j);
		}
		cli_json_objects(j, "addresses", p->addresses, p->naddresses, sizeof *p->addresses,
		    person_address_json);
		if (on_day != JZZ_DATE_NONE && cli_json_object_if(j, "address_on", on != NULL)) {
			person_address_json(j, on);
			cli_json_end(j);
		}
		cli_json_bool(j, "address_changed", p->address_changed);
	}
	if (cli_json_object_if(j, "registration", p->registration.present)) {
		cli_json_day(j, "registered_on", p->registration.registered_on);
		cli_json_day(j, "valid_until", p->registration.valid_until);
		cli_json_str(j, "centre", p->registration.centre);
		cli_json_end(j);
	}
	if (cli_json_object_if(j, "permit", p->permit.present)) {
		cli_json_str(j, "id", p->permit.id);
		cli_json_str(j, "state", service_permit_state_code(p->permit.state));
		cli_json_day(j, "first_issued_on", p->permit.first_issued_on);
		cli_json_day(j, "valid_from", p->permit.valid_from);
		cli_json_day(j, "valid_until", p->permit.valid_until);
		cli_json_day(j, "window_opens", p->permit.window_opens);
		cli_json_day(j, "residence_since", p->permit.residence_since);
		if (p->permit.state == SERVICE_PERMIT_CANCELLED) {
			cli_json_day(j, "cancelled_on", p->permit.cancelled_on);
			cli_json_str(j, "cancel_reason", p->permit.cancel_reason);
			cli_json_str(j, "cancel_note", p->permit.cancel_note);
		}
		cli_json_end(j);
	}
	if (cli_json_object_if(j, "card", p->card.present)) {
		cli_json_str(j, "id", p->card.id);
		cli_json_str(j, "state", service_card_state_code(p->card.state));
		cli_json_str(j, "business", case_business_vocab[p->card.business].code);
		cli_json_str(j, "delivery", case_delivery_vocab[p->card.delivery].code);
		cli_json_str(j, "receipt_no", p->card.receipt_no);
		cli_json_str(j, "centre", p->card.centre);
		cli_json_day(j, "accepted_on", p->card.accepted_on);
		cli_json_day(j, "ready_on", p->card.ready_on);
		cli_json_day(j, "received_on", p->card.received_on);
		cli_json_day(j, "notice_due_on", p->card.notice_due_on);
		cli_json_day(j, "handed_on", p->card.handed_on);
		cli_json_day(j, "printed_valid_until", p->card.printed_valid_until);
		cli_json_str_or_null(j, "delivery_address", p->card.delivery_address);
		cli_json_end(j);
	}
	cli_json_objects(j, "open", p->open, p->nopen, sizeof *p->open, person_history_json);
	cli_json_objects(j, "history", p->history, p->nhistory, sizeof *p->history,
	    person_history_json);
	cli_json_end(j);
}

struct person_arg {
	const char *number;
	jzz_date    on_day;
	jzz_date    today;
};

const struct cli_spec cmd_person_spec = {
	.usage = "usage: jzz person NUMBER [--on DATE]\n"
	    "A person's records and history, as JSON.\n\n"
	    "  --on DATE    also the person's address on that day (address_on)\n"
	    "  -h, --help   this help\n",
	.misuse = "person: one NUMBER expected",
	CLI_SPEC_ARGS(struct person_arg, NULL, JZZ_DATE_NONE, JZZ_DATE_NONE),
	.args = {
		{ "on", CLI_ARG_DATE, offsetof(struct person_arg, on_day),
		  "person: --on %s is not a real date YYYY-MM-DD" },
	},
};

static int
person_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct person_arg *pa = arg;
	struct service_person    p;
	struct service_address   on;
	enum service_status      st;
	struct cli_json          j;
	bool                     has_on = false;
	int                      rc;

	if ((st = service_person_get(s, a, pa->number, pa->today, &p)) != SERVICE_OK)
		return cli_service_fail(s, st, "person");
	if (pa->on_day != JZZ_DATE_NONE && p.found) {
		st = service_address_on(s, a, pa->number, pa->on_day, &on);
		if (st != SERVICE_OK && st != SERVICE_ERR_NOT_FOUND) {
			rc = cli_service_fail(s, st, "person");
			service_person_free(&p);
			return rc;
		}
		has_on = st == SERVICE_OK;
	}
	cli_json_start(&j);
	person_json(&j, &p, has_on ? &on : NULL, pa->on_day);
	service_person_free(&p);
	return cli_json_print(&j);
}

int
cmd_person(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct person_arg *pa = args;
	if (argc != 1)
		return cli_usage(&cmd_person_spec);
	pa->number = argv[0];
	pa->today = cli_today(opts);
	return cli_with_service(opts, person_run, pa);
}
