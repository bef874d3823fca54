/*
 * service_address.c: a person's addresses and what an application records
 * beside its decision: the new address a business brings (with the day it
 * holds from), the agent who came, the postal address of a card.
 *
 * Why the street is checked here and not in the core: the core knows only
 * that a street code lies inside its district; which streets and towns
 * exist is the database's knowledge (the centres table), so every caller
 * (terminal, `jzz submit`, batches) gets the same refusal from one place.
 */
#include "service_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool
service_street_known(struct service *s, const struct jzz_address *addr)
{
	return addr != NULL && strncmp(addr->street, addr->district, 6) == 0 &&
	    service_centre_valid(s, addr->street);
}

size_t
service_streets(struct service *s, const char *district, struct service_street *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < s->nplaces && n < max; i++) {
		const struct service_place *p = &s->places[i];

		if (p->kind != SERVICE_PLACE_CENTRE ||
		    (district != NULL && strncmp(p->code, district, strlen(district)) != 0))
			continue;
		snprintf(out[n].code, sizeof out[n].code, "%s", p->code);
		snprintf(out[n].name_zh, sizeof out[n].name_zh, "%s", p->name_zh);
		n++;
	}
	return n;
}

static const char *
service_street_name(struct service *s, const char *code)
{
	for (size_t i = 0; i < s->nplaces; i++)
		if (s->places[i].kind == SERVICE_PLACE_CENTRE && strcmp(s->places[i].code, code) == 0)
			return s->places[i].name_zh;
	return "";
}

void
service_address_fill(struct service *s, struct service_address *o,
                     const struct store_address_row *r)
{
	memset(o, 0, sizeof *o);
	o->valid_from = r->valid_from;
	snprintf(o->application_id, sizeof o->application_id, "%s", r->application_id);
	o->a = r->a;
	snprintf(o->street_name, sizeof o->street_name, "%s", service_street_name(s, r->a.street));
	address_format(&r->a, o->text, sizeof o->text);
}

enum service_status
service_address_check_case(struct service *s, const struct jzz_case *c)
{
	static const char why[] = "is not a street or town of this database's centres";

	if (c->housing.has_address && !service_street_known(s, &c->housing.address))
		return service_fail(s, SERVICE_ERR_INVALID, "housing.address.street: %s %s",
		    c->housing.address.street, why);
	if (c->has_change && c->change.has_address && !service_street_known(s, &c->change.address))
		return service_fail(s, SERVICE_ERR_INVALID, "change.address.street: %s %s",
		    c->change.address.street, why);
	return SERVICE_OK;
}

const struct jzz_address *
service_address_new(const struct jzz_case *c, jzz_date today, jzz_date *from)
{
	*from = today;
	if (c->business == BIZ_INFO_CHANGE) {
		if (!c->has_change || c->change.field != CHANGE_ADDRESS || !c->change.has_address)
			return NULL;
		if (c->change.changed_on != JZZ_DATE_NONE)
			*from = c->change.changed_on;
		return &c->change.address;
	}
	if (!c->housing.has_address)
		return NULL;
	if (c->business == BIZ_REGISTRATION)
		return &c->housing.address;
	if ((case_business_is_permit(c->business) || c->business == BIZ_ENDORSEMENT) &&
	    c->address_changed) {
		if (c->has_change && c->change.field == CHANGE_ADDRESS &&
		    c->change.changed_on != JZZ_DATE_NONE)
			*from = c->change.changed_on;
		return &c->housing.address;
	}
	return NULL;
}

enum service_status
service_address_record(struct service *s, struct service_biz *b)
{
	jzz_date                  from;
	const struct jzz_address *na = service_address_new(b->c, b->today, &from);
	char                      text[ADDRESS_TEXT_MAX];

	if (na == NULL || !b->has_person)
		return SERVICE_OK;
	SERVICE_TRY(s, store_address_insert(s->st, b->person.id, b->out->application_id, from, na));
	/* persons.address keeps the current address as text (the latest
	 * valid_from: a change reported late for an earlier day does not
	 * overwrite a newer one) */
	{
		struct store_address_row cur;
		enum store_rc            rc = store_address_on(s->st, b->person.id,
		    date_from_ymd(JZZ_DATE_MAX_YEAR, 12, 31), &cur);

		if (rc != STORE_OK && rc != STORE_NOTFOUND)
			return service_store_fail(s, rc);
		address_format(rc == STORE_OK ? &cur.a : na, text, sizeof text);
	}
	service_copy(b->person.address, sizeof b->person.address, text);
	SERVICE_TRY(s, store_person_update(s->st, &b->person));
	return SERVICE_OK;
}

enum service_status
service_application_extras(struct service *s, struct service_biz *b)
{
	const struct jzz_case *c = b->c;

	if (c->has_agent) {
		struct store_agent g;

		memset(&g, 0, sizeof g);
		g.kind = c->agent.kind;
		snprintf(g.relation, sizeof g.relation, "%s", c->agent.relation_word);
		snprintf(g.name, sizeof g.name, "%s", c->agent.name);
		snprintf(g.id_number, sizeof g.id_number, "%s", c->agent.id_number);
		if (g.id_number[0] == '\0')
			snprintf(g.id_number, sizeof g.id_number, "?");
		SERVICE_TRY(s, store_agent_insert(s->st, b->out->application_id, &g));
	}
	if (c->delivery.method == DELIVERY_POST && c->delivery.address[0] != '\0')
		SERVICE_TRY(s, store_delivery_insert(s->st, b->out->application_id,
		    c->delivery.address));
	return SERVICE_OK;
}

enum service_status
service_person_addresses(struct service *s, const char *person_id, jzz_date today,
                         struct service_person *out)
{
	struct store_address_row *rows;
	size_t                    n;

	SERVICE_TRY(s, store_addresses_of(s->st, person_id, &rows, &n));
	out->addresses = calloc(n > 0 ? n : 1, sizeof *out->addresses);
	if (out->addresses == NULL) {
		free(rows);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		service_address_fill(s, &out->addresses[i], &rows[i]);
		/* latest valid_from first: the first on or before today is now's */
		if (!out->has_address && rows[i].valid_from <= today) {
			out->has_address = true;
			out->address_now = out->addresses[i];
		}
	}
	out->naddresses = n;
	free(rows);
	return SERVICE_OK;
}

enum service_status
service_address_on(struct service *s, const struct service_actor *a, const char *id_number,
                   jzz_date day, struct service_address *out)
{
	struct store_person      p;
	struct store_address_row r;
	char                     key[CASE_ID_MAX];
	enum service_status      st;
	enum store_rc            rc;

	if ((st = service_allow_into(s, a, SERVICE_ACT_LOOK, out, sizeof *out)) != SERVICE_OK)
		return st;
	if ((st = service_need_id_day(s, id_number, day)) != SERVICE_OK)
		return st;
	if ((st = service_person_of(s, id_number, day, SERVICE_ERR_NOT_FOUND, key, &p)) != SERVICE_OK)
		return st;
	if ((rc = store_address_on(s->st, p.id, day, &r)) != STORE_OK)
		return rc == STORE_NOTFOUND ?
		    service_fail(s, SERVICE_ERR_NOT_FOUND, "no address of %s on that day", key) :
		    service_db_fail(s);
	service_address_fill(s, out, &r);
	return SERVICE_OK;
}

static enum service_status
service_road_fill(struct service *s, void *item, const void *row, void *ctx)
{
	const struct store_road *r = row;

	(void)s;
	(void)ctx;
	snprintf(item, ADDRESS_ROAD_MAX, "%s", r->road);
	return SERVICE_OK;
}

enum service_status
service_roads(struct service *s, const struct service_actor *a, const char *district,
              const char *prefix, int max, struct service_road_list *out)
{
	struct store_road  *rows;
	size_t              n;
	enum service_status st;

	SERVICE_LIST_FOR(st, s, a, SERVICE_ACT_LOOK, store_roads(s->st, district != NULL &&
	    *district != '\0' ? district : NULL, prefix != NULL ? prefix : "", max, &rows, &n), rows, n,
	    out, service_road_fill, NULL);
	return st;
}

void
service_road_list_free(struct service_road_list *l)
{
	SERVICE_LIST_FREE(l);
}
