/*
 * service_lookup.c: finding people and work at the counter: persons by
 * name (namesakes told apart by birth date and masked ID number), an
 * application by its receipt number, a clerk's or a centre's applications
 * of a day; and the pickup notice a clerk gave by phone (PERMIT-3).
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SERVICE_SEARCH_MAX 50

/* Copies `name` without the spaces around it (ASCII and U+3000). */
static void
service_lookup_trim(const char *name, char *out, size_t size)
{
	const char *b = name, *e;

	for (;;) {
		if (*b == ' ' || *b == '\t')
			b++;
		else if (strncmp(b, "\xE3\x80\x80", 3) == 0)
			b += 3;
		else
			break;
	}
	e = b + strlen(b);
	for (;;) {
		if (e > b && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		else if (e - b >= 3 && strncmp(e - 3, "\xE3\x80\x80", 3) == 0)
			e -= 3;
		else
			break;
	}
	snprintf(out, size, "%.*s", (int)(e - b), b);
}

/* A person found, with the address of `*ctx` (a jzz_date): the one
 * recorded for that day, else the person's own. */
static enum service_status
service_person_hit_fill(struct service *s, void *item, const void *row, void *ctx)
{
	struct service_person_hit *h = item;
	const struct store_person *p = row;
	struct store_address_row   r;
	enum store_rc              rc;

	snprintf(h->id_number, sizeof h->id_number, "%s", p->id_number);
	idnum_mask(p->id_number, h->id_masked);
	snprintf(h->name, sizeof h->name, "%s", p->name);
	h->birth = p->birth;
	rc = store_address_on(s->st, p->id, *(const jzz_date *)ctx, &r);
	if (rc == STORE_OK) {
		struct service_address ad;

		service_address_fill(s, &ad, &r);
		snprintf(h->address, sizeof h->address, "%s%s", ad.street_name, ad.text);
	} else if (rc == STORE_NOTFOUND) {
		snprintf(h->address, sizeof h->address, "%s", p->address);
	} else {
		return service_db_fail(s);
	}
	return SERVICE_OK;
}

enum service_status
service_person_search(struct service *s, const struct service_actor *a, const char *name,
                      jzz_date today, struct service_person_hits *out)
{
	struct store_person *rows;
	size_t               n;
	char                 key[CASE_NAME_MAX];
	enum service_status  st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	service_lookup_trim(name != NULL ? name : "", key, sizeof key);
	if (key[0] == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "no name to look for");
	SERVICE_LIST_TAKE(st, s, store_persons_by_name(s->st, key, SERVICE_SEARCH_MAX, &rows, &n),
	    rows, n, out, service_person_hit_fill, &today);
	if (st != SERVICE_OK)
		return st;
	/* a search by name shows persons: a read of personal data */
	if ((st = service_audit_read(s, a, "read_search", "name", n > 0 ? "found" : "none")) !=
	    SERVICE_OK)
		service_person_hits_free(out);
	return st;
}

void
service_person_hits_free(struct service_person_hits *h)
{
	SERVICE_LIST_FREE(h);
}

static void
service_app_ref_fill(struct service_app_ref *o, const struct store_app_ref *r)
{
	memset(o, 0, sizeof *o);
	SERVICE_APP_COPY(o, r);
	snprintf(o->id_number, sizeof o->id_number, "%s", r->id_number);
	if (strlen(r->id_number) == 18)
		idnum_mask(r->id_number, o->id_masked);
	else
		snprintf(o->id_masked, sizeof o->id_masked, "%.18s", r->id_number);
	snprintf(o->name, sizeof o->name, "%s", r->name);
}

static enum service_status
service_app_ref_item(struct service *s, void *item, const void *row, void *ctx)
{
	(void)s;
	(void)ctx;
	service_app_ref_fill(item, row);
	return SERVICE_OK;
}

enum service_status
service_application_by_receipt(struct service *s, const struct service_actor *a,
                               const char *receipt_no, struct service_app_ref *out)
{
	struct store_app_ref r;
	char                 key[SERVICE_RECEIPT_LEN];
	enum service_status  st;
	enum store_rc        rc;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	service_lookup_trim(receipt_no != NULL ? receipt_no : "", key, sizeof key);
	if (key[0] == '\0')
		return service_fail(s, SERVICE_ERR_INVALID, "no receipt number");
	rc = store_application_by_receipt(s->st, key, &r);
	if (rc == STORE_NOTFOUND)
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "no application with receipt %s", key);
	if (rc != STORE_OK)
		return service_db_fail(s);
	service_app_ref_fill(out, &r);
	return service_audit_read(s, a, "read_receipt", key, "");
}

enum service_status
service_applications_day(struct service *s, const struct service_actor *a, bool mine,
                         jzz_date day, struct service_app_list *out)
{
	struct store_app_ref *rows;
	size_t                n;
	enum service_status   st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (day == JZZ_DATE_NONE)
		return service_fail(s, SERVICE_ERR_INVALID, "no day");
	SERVICE_LIST_TAKE(st, s, store_applications_on(s->st, a->centre, mine ? a->user : NULL, day,
	    &rows, &n), rows, n, out, service_app_ref_item, NULL);
	if (st != SERVICE_OK)
		return st;
	if ((st = service_audit_read(s, a, "read_day", mine ? a->user : a->centre, "")) !=
	    SERVICE_OK)
		service_app_list_free(out);
	return st;
}

void
service_app_list_free(struct service_app_list *l)
{
	SERVICE_LIST_FREE(l);
}

/* ---- PERMIT-3: a pickup notice given by phone ---- */

struct service_notified_arg {
	const struct service_actor *a;
	const char                 *id_number;
	jzz_date                    today;
};

static enum service_status
service_notified_tx(struct service *s, void *arg)
{
	struct service_notified_arg *na = arg;
	struct store_person          p;
	struct store_card            card;
	char                         key[CASE_ID_MAX];
	enum service_status          st;

	st = service_card_here(s, na->a, na->id_number, na->today, SERVICE_ERR_NOT_FOUND, key, &p,
	    &card);
	if (st == SERVICE_ERR_STATE || (st == SERVICE_OK && card.state != STORE_CARD_RECEIVED))
		return service_fail(s, SERVICE_ERR_STATE,
		    "no card of %s is waiting for pickup at centre %s", key, na->a->centre);
	if (st != SERVICE_OK)
		return st;
	SERVICE_TRY(s, store_card_notice_insert(s->st, card.id, na->today, na->a->user));
	return service_audit(s, na->a, na->today, "pickup_notice_phone", card.id, "");
}

enum service_status
service_card_notified(struct service *s, const struct service_actor *a, const char *id_number,
                      jzz_date today)
{
	struct service_notified_arg na = { a, id_number, today };
	enum service_status         st;

	if ((st = service_allow(s, a, SERVICE_ACT_WRITE)) != SERVICE_OK)
		return st;
	if ((st = service_need_id_day(s, id_number, today)) != SERVICE_OK)
		return st;
	return service_tx(s, service_notified_tx, &na);
}
