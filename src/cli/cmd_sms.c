/*
 * cmd_sms.c: the SMS outbox for a gateway:
 *   jzz sms pending     the messages not yet sent, oldest due first, as one
 *                       JSON array of {id, phone, kind, body, queued_on, due_on}
 *   jzz sms sent ID     the gateway sent message ID (on the day of work);
 *                       a message already sent or unknown is refused (exit 1)
 * A gateway polls `pending`, sends, and confirms each with `sent`, so that
 * a message confirmed is never sent twice and one not confirmed is sent
 * again at the next poll.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli_service.h"

static void
sms_json(struct cli_json *j, const void *item)
{
	const struct service_sms *m = item;

	cli_json_int(j, "id", m->id);
	cli_json_str(j, "phone", m->phone);
	cli_json_str(j, "kind", m->kind);
	cli_json_str(j, "body", m->body);
	cli_json_day(j, "queued_on", m->queued_on);
	cli_json_day(j, "due_on", m->due_on);
}

static int
sms_pending(struct service *s, const struct service_actor *a)
{
	struct service_sms_list l;
	enum service_status     st;
	struct cli_json         j;

	if ((st = service_sms_pending(s, a, &l)) != SERVICE_OK)
		return cli_service_fail(s, st, "sms pending");
	cli_json_start(&j);
	cli_json_objects(&j, NULL, l.items, l.n, sizeof *l.items, sms_json);
	service_sms_list_free(&l);
	return cli_json_print(&j);
}

static int
sms_sent(struct service *s, const struct service_actor *a, const char *arg, jzz_date today)
{
	enum service_status st;
	struct cli_json     j;
	char               *end;
	long                id;

	errno = 0;
	id = strtol(arg, &end, 10);
	if (errno != 0 || end == arg || *end != '\0' || id <= 0) {
		cli_error("sms sent: %s is not a message id", arg);
		return CLI_BADCASE;
	}
	if ((st = service_sms_sent(s, a, id, today)) != SERVICE_OK) {
		if (st == SERVICE_ERR_NOT_FOUND) {
			cli_error("sms sent: no unsent message %ld", id);
			return CLI_FAIL;
		}
		return cli_service_fail(s, st, "sms sent");
	}
	cli_json_start(&j);
	cli_json_object(&j, NULL);
	cli_json_int(&j, "id", id);
	cli_json_day(&j, "sent_on", today);
	cli_json_end(&j);
	return cli_json_print(&j);
}

struct sms_arg {
	int         argc;
	char      **argv;
	jzz_date    today;
};

static int
sms_run(struct service *s, const struct service_actor *a, void *arg)
{
	const struct sms_arg *x = arg;

	return x->argc == 1 ? sms_pending(s, a) : sms_sent(s, a, x->argv[1], x->today);
}

const struct cli_spec cmd_sms_spec = {
	.usage = "usage: jzz sms pending\n"
	    "       jzz sms sent ID\n"
	    "The SMS outbox for a gateway: the messages not yet sent; one confirmed sent.\n\n"
	    "  -h, --help   this help\n",
	.misuse = "sms: expected pending, or sent ID",
};

int
cmd_sms(const struct cli_opts *opts, void *args, int argc, char **argv)
{
	struct sms_arg x;

	(void)args;
	if (!((argc == 1 && strcmp(argv[0], "pending") == 0) ||
	    (argc == 2 && strcmp(argv[0], "sent") == 0)))
		return cli_usage(&cmd_sms_spec);
	x.argc = argc;
	x.argv = argv;
	x.today = cli_today(opts);
	return cli_with_service(opts, sms_run, &x);
}
