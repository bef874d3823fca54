/*
 * cmd_card.c: the clerks' card actions and queues:
 *   jzz card received --id NUMBER      the made card arrived at the centre (PERMIT-3)
 *   jzz card posted --id NUMBER        the card went by post (PERMIT-5)
 *   jzz card pickup --id NUMBER [--doc CODE]...
 *                                      the holder collects it (PERMIT-4 on the
 *                                      documents stated; none stated: none shown)
 *   jzz card queue made|received|window   the centre's work queues
 */
#include <stddef.h>
#include <string.h>

#include "jzz/case.h"
#include "cli_service.h"

static int
card_print(const struct service_card_info *c)
{
	struct cli_json j;

	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_str(&j, "id", c->id);
	cli_json_str(&j, "state", service_card_state_code(c->state));
	cli_json_str(&j, "receipt_no", c->receipt_no);
	cli_json_str(&j, "centre", c->centre);
	cli_json_day(&j, "ready_on", c->ready_on);
	cli_json_day(&j, "received_on", c->received_on);
	cli_json_day(&j, "notice_due_on", c->notice_due_on);
	cli_json_day(&j, "handed_on", c->handed_on);
	cli_json_end(&j);
	return cli_json_print(&j);
}

static void
card_queue_json(struct cli_json *j, const void *item)
{
	const struct service_queue_item *q = item;

	cli_json_str(j, "id_number", q->id_number);
	cli_json_str(j, "name", q->name);
	cli_json_day(j, "date", q->date);
	cli_json_day(j, "due_on", q->due_on);
	cli_json_bool(j, "overdue", q->overdue);
}

static int
card_queue(struct service *s, const struct service_actor *a, const char *which, jzz_date today)
{
	/* in the order of enum service_queue_kind */
	static const char *const names[SERVICE_QUEUE__COUNT + 1] = { "made", "received", "window" };
	struct service_queue     q;
	enum service_status      st;
	struct cli_json          j;
	int                      k = cli_word_index(which, names);

	if (k < 0) {
		cli_error("usage: jzz card queue made|received|window");
		return CLI_BADCASE;
	}
	if ((st = service_queue_get(s, a, (enum service_queue_kind)k, today, &q)) != SERVICE_OK)
		return cli_service_fail(s, st, "queue");
	cli_json_start(&j);
	cli_json_objects(&j, NULL, q.items, q.n, sizeof *q.items, card_queue_json);
	service_queue_free(&q);
	return cli_json_print(&j);
}

static int
card_pickup(struct service *s, const struct service_actor *a, const char *id, jzz_docset docs,
            jzz_date today)
{
	struct jzz_case       c;
	struct service_result r;
	enum service_status   st;

	if ((st = service_case_for_person(s, id, BIZ_PICKUP, today, &c)) != SERVICE_OK)
		return cli_service_fail(s, st, "pickup");
	c.documents = docs;   /* stated, never assumed: PERMIT-4 names what is missing */
	if ((st = service_pickup(s, a, &c, today, &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "pickup");
	return cli_print_result(&r);
}

struct card_arg {
	const char *action, *id, *which;
	jzz_docset  docs;
	jzz_date    today;
};

/* --doc CODE: one more document shown. */
static bool
card_doc(void *docs, const char *code)
{
	int d = CASE_VOCAB_FIND(case_doc_vocab, code, strlen(code));

	if (d < 0) {
		cli_error("--doc: unknown document %s", code);
		return false;
	}
	*(jzz_docset *)docs |= DOCBIT(d);
	return true;
}

const struct cli_spec cmd_card_spec = {
	.usage = "usage: jzz card received|posted --id NUMBER\n"
	    "       jzz card pickup --id NUMBER [--doc CODE]...\n"
	    "       jzz card queue made|received|window\n"
	    "The card's arrival at the centre, its hand-over or posting, and the work queues.\n\n"
	    "  --id NUMBER   the holder's ID number\n"
	    "  --doc CODE    pickup: a document shown, once each (none given: none shown)\n"
	    "  -h, --help    this help\n",
	.misuse = "card: expected received, posted, pickup or queue",
	CLI_SPEC_ARGS(struct card_arg, "", NULL, NULL, 0, JZZ_DATE_NONE),
	.args = {
		{ "id", CLI_ARG_STR, offsetof(struct card_arg, id) },
		{ "doc", CLI_ARG_FN, offsetof(struct card_arg, docs), .fn = card_doc },
	},
};

static int
card_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct card_arg   *ca = arg;
	struct service_card_info info;
	enum service_status      st;

	if (strcmp(ca->action, "queue") == 0)
		return card_queue(s, a, ca->which, ca->today);
	if (strcmp(ca->action, "pickup") == 0)
		return card_pickup(s, a, ca->id, ca->docs, ca->today);
	st = strcmp(ca->action, "received") == 0 ? service_card_received(s, a, ca->id, ca->today,
	    &info) : service_card_posted(s, a, ca->id, ca->today, &info);
	if (st != SERVICE_OK)
		return cli_service_fail(s, st, ca->action);
	return card_print(&info);
}

/* The actions on one card (queue is the other action). */
static const char *const card_actions[] = { "received", "posted", "pickup", NULL };

int
cmd_card(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct card_arg *ca = args;
	ca->action = argc > 0 ? argv[0] : "";
	if (strcmp(ca->action, "queue") == 0) {
		if (argc != 2 || ca->id != NULL || ca->docs != 0)
			return cli_usage_error(cmd_card_spec.usage,
			    "card queue: expected made, received or window");
		ca->which = argv[1];
	} else if (argc != 1 || cli_word_index(ca->action, card_actions) < 0) {
		return cli_usage(&cmd_card_spec);
	} else if (ca->id == NULL) {
		return cli_usage_error(cmd_card_spec.usage,
		    "card %s: --id NUMBER is required", ca->action);
	} else if (ca->docs != 0 && strcmp(ca->action, "pickup") != 0) {
		return cli_usage_error(cmd_card_spec.usage,
		    "card %s: --doc is for pickup", ca->action);
	}
	ca->today = cli_today(opts);
	return cli_with_service(opts, card_run, ca);
}
