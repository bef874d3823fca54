/*
 * cmd_card.c: the clerks' card actions and queues:
 *   jzz card received --id NUMBER      the made card arrived at the centre (PERMIT-3)
 *   jzz card posted --id NUMBER        the card went by post (PERMIT-5)
 *   jzz card pickup --id NUMBER [--doc CODE]...
 *                                      the holder collects it (PERMIT-4 on the
 *                                      documents stated; none stated: none shown)
 *   jzz card queue made|received|window   the centre's work queues
 */
#include <getopt.h>
#include <string.h>

#include "jzz/casefmt.h"
#include "cli_service.h"

static void
card_json(struct strbuf *sb, const struct service_card_info *c)
{
	strbuf_printf(sb, "{\"id\":\"%s\",\"state\":\"%s\",\"receipt_no\":\"%s\",\"centre\":\"%s\","
	    "\"ready_on\":", c->id, service_card_state_code(c->state), c->receipt_no, c->centre);
	cli_json_date(sb, c->ready_on);
	strbuf_puts(sb, ",\"received_on\":");
	cli_json_date(sb, c->received_on);
	strbuf_puts(sb, ",\"notice_due_on\":");
	cli_json_date(sb, c->notice_due_on);
	strbuf_puts(sb, ",\"handed_on\":");
	cli_json_date(sb, c->handed_on);
	strbuf_putc(sb, '}');
}

static int
card_queue(struct service *s, const struct service_actor *a, const char *which, jzz_date today)
{
	static const char *const names[SERVICE_QUEUE__COUNT] = { "made", "received", "window" };
	struct service_queue     q;
	enum service_status      st;
	struct strbuf            sb;
	int                      k = -1, rc;

	for (int i = 0; which != NULL && i < SERVICE_QUEUE__COUNT; i++)
		if (strcmp(which, names[i]) == 0)
			k = i;
	if (k < 0) {
		cli_error("usage: jzz card queue made|received|window");
		return CLI_BADCASE;
	}
	if ((st = service_queue_get(s, a, (enum service_queue_kind)k, today, &q)) != SERVICE_OK)
		return cli_service_fail(s, st, "queue");
	strbuf_init(&sb);
	strbuf_putc(&sb, '[');
	for (size_t i = 0; i < q.n; i++) {
		strbuf_printf(&sb, "%s{\"id_number\":\"%s\",\"name\":", i > 0 ? "," : "",
		    q.items[i].id_number);
		strbuf_json_string(&sb, q.items[i].name);
		strbuf_puts(&sb, ",\"date\":");
		cli_json_date(&sb, q.items[i].date);
		strbuf_puts(&sb, ",\"due_on\":");
		cli_json_date(&sb, q.items[i].due_on);
		strbuf_printf(&sb, ",\"overdue\":%s}", q.items[i].overdue ? "true" : "false");
	}
	strbuf_putc(&sb, ']');
	service_queue_free(&q);
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}

static int
card_pickup(struct service *s, const struct service_actor *a, const char *id, jzz_docset docs,
            jzz_date today)
{
	struct jzz_case       c;
	struct service_result r;
	enum service_status   st;
	struct strbuf         sb;
	int                   rc;

	if ((st = service_case_for_person(s, id, BIZ_PICKUP, today, &c)) != SERVICE_OK)
		return cli_service_fail(s, st, "pickup");
	c.documents = docs;   /* stated, never assumed: PERMIT-4 names what is missing */
	if ((st = service_pickup(s, a, &c, today, &r)) != SERVICE_OK)
		return cli_service_fail(s, st, "pickup");
	strbuf_init(&sb);
	casefmt_decision_open(&sb, &r.decision);
	strbuf_puts(&sb, ",\"record\":{\"application_id\":");
	strbuf_json_string(&sb, r.application_id);
	strbuf_puts(&sb, ",\"receipt_no\":");
	if (r.receipt_no[0] != '\0')
		strbuf_json_string(&sb, r.receipt_no);
	else
		strbuf_puts(&sb, "null");
	strbuf_puts(&sb, "}}");
	rc = cli_print(&sb);
	strbuf_free(&sb);
	return rc;
}

static const char card_usage[] =
    "usage: jzz card received|posted --id NUMBER\n"
    "       jzz card pickup --id NUMBER [--doc CODE]...\n"
    "       jzz card queue made|received|window\n"
    "The card's arrival at the centre, its hand-over or posting, and the work queues.\n\n"
    "  --id NUMBER   the holder's ID number\n"
    "  --doc CODE    pickup: a document shown, once each (none given: none shown)\n"
    "  -h, --help    this help\n";

static const struct option card_longopts[] = {
	{ "id", required_argument, NULL, 'i' },
	{ "doc", required_argument, NULL, 'd' },
	CLI_OPT_COMMON
};

int
cmd_card(const struct cli_opts *opts, int argc, char **argv)
{
	const char              *action, *id = NULL, *which = NULL;
	jzz_docset               docs = 0;
	struct service          *s;
	struct service_actor     a;
	struct service_card_info info;
	enum service_status      st;
	struct strbuf            sb;
	jzz_date                 today;
	int                      rc = CLI_OK, c, d;

	cli_getopt_reset();
	while ((c = cli_getopt(argc, argv, ":h", card_longopts, card_usage, &rc)) != -1) {
		if (c == CLI_OPT_EXIT)
			return rc;
		if (c == 'i') {
			id = optarg;
			continue;
		}
		if ((d = CASE_VOCAB_FIND(case_doc_vocab, optarg, strlen(optarg))) < 0) {
			cli_error("--doc: unknown document %s", optarg);
			return CLI_BADCASE;
		}
		docs |= DOCBIT(d);
	}
	action = optind < argc ? argv[optind] : "";
	if (strcmp(action, "queue") == 0) {
		if (argc - optind != 2 || id != NULL || docs != 0)
			return cli_usage_error(card_usage, "card queue: expected made, received or window");
		which = argv[optind + 1];
	} else if (argc - optind != 1 || (strcmp(action, "received") != 0 &&
	    strcmp(action, "posted") != 0 && strcmp(action, "pickup") != 0)) {
		return cli_usage_error(card_usage, "card: expected received, posted, pickup or queue");
	} else if (id == NULL) {
		return cli_usage_error(card_usage, "card %s: --id NUMBER is required", action);
	} else if (docs != 0 && strcmp(action, "pickup") != 0) {
		return cli_usage_error(card_usage, "card %s: --doc is for pickup", action);
	}
	today = cli_today(opts);
	if ((s = cli_service_open(opts)) == NULL)
		return CLI_FAIL;
	if (cli_actor(s, opts, &a) < 0) {
		service_close(s);
		return CLI_FAIL;
	}
	if (strcmp(action, "queue") == 0) {
		rc = card_queue(s, &a, which, today);
	} else if (strcmp(action, "pickup") == 0) {
		rc = card_pickup(s, &a, id, docs, today);
	} else {
		st = strcmp(action, "received") == 0 ? service_card_received(s, &a, id, today, &info) :
		    service_card_posted(s, &a, id, today, &info);
		if (st != SERVICE_OK) {
			rc = cli_service_fail(s, st, action);
		} else {
			strbuf_init(&sb);
			card_json(&sb, &info);
			rc = cli_print(&sb);
			strbuf_free(&sb);
		}
	}
	service_close(s);
	return rc;
}
