/*
 * service_sms.c: the SMS outbox: what is waiting to be sent, and marking a
 * message sent.
 */
#include "service_internal.h"

#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static enum service_status
service_sms_fill(struct service *s, void *item, const void *row, void *ctx)
{
	struct service_sms         *m = item;
	const struct store_sms_row *r = row;

	(void)s;
	(void)ctx;
	m->id = r->id;
	service_copy(m->person_id, sizeof m->person_id, r->person_id);
	service_copy(m->phone, sizeof m->phone, r->phone);
	service_copy(m->kind, sizeof m->kind, r->kind);
	service_copy(m->body, sizeof m->body, r->body);
	m->queued_on = r->queued_on;
	m->due_on = r->due_on;
	return SERVICE_OK;
}

enum service_status
service_sms_pending(struct service *s, const struct service_actor *a, struct service_sms_list *out)
{
	struct store_sms_row *rows;
	size_t                n;
	enum service_status   st;

	SERVICE_LIST_FOR(st, s, a, SERVICE_ACT_SMS, store_sms_pending(s->st, &rows, &n), rows, n,
	    out, service_sms_fill, NULL);
	return st;
}

void
service_sms_list_free(struct service_sms_list *l)
{
	SERVICE_LIST_FREE(l);
}

struct service_sms_arg {
	const struct service_actor *a;
	long                        id;
	jzz_date                    day;
};

static enum service_status
service_sms_sent_tx(struct service *s, void *arg)
{
	struct service_sms_arg *sa = arg;
	char                    subj[32];

	SERVICE_TRY(s, store_sms_mark_sent(s->st, sa->id, sa->day));
	snprintf(subj, sizeof subj, "sms:%ld", sa->id);
	return service_audit(s, sa->a, sa->day, "sms_sent", subj, "");
}

enum service_status
service_sms_sent(struct service *s, const struct service_actor *a, long id, jzz_date day)
{
	struct service_sms_arg sa = { a, id, day };
	enum service_status    st;

	if ((st = service_allow(s, a, SERVICE_ACT_WRITE)) != SERVICE_OK)
		return st;
	if (day == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day");
	return service_tx(s, service_sms_sent_tx, &sa);
}
