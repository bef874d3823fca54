/*
 * service_registration.c: the records of a residence registration (居住登记)
 * and of a change of registered details (登记信息变更, CHANGE-1).
 */
#include "service_internal.h"

#include <stdio.h>
#include <string.h>

enum service_status
service_records_registration(struct service *s, struct service_biz *b)
{
	struct store_registration r;
	const struct jzz_case    *c = b->c;

	memset(&r, 0, sizeof r);
	store_uuid(r.id);
	snprintf(r.person_id, sizeof r.person_id, "%s", b->person.id);
	snprintf(r.application_id, sizeof r.application_id, "%s", b->out->application_id);
	r.registered_on = b->today;
	r.valid_until = date_years_end(b->today, RULES_REG_VALID_YEARS);   /* REG-2 */
	snprintf(r.centre, sizeof r.centre, "%s", b->a->centre);
	r.tenure = c->has_housing ? c->housing.tenure : TENURE_OWN;
	r.use = c->has_housing ? c->housing.use : USE_RESIDENTIAL;
	r.leased_to = c->has_housing ? c->housing.leased_to : LEASED_INDIVIDUAL;
	SERVICE_TRY(s, store_registration_insert(s->st, &r));
	snprintf(b->out->record_id, sizeof b->out->record_id, "%s", r.id);
	return SERVICE_OK;
}

enum service_status
service_records_info_change(struct service *s, struct service_biz *b)
{
	const struct jzz_case     *c = b->c;
	const struct rule_result  *late = rules_find(&b->out->decision, R_CHANGE_1);
	char                       id[STORE_UUID_LEN], old[STORE_TEXT_LEN] = "";
	jzz_date                   changed_on = c->has_change ? c->change.changed_on : b->today;
	enum jzz_change_field      field = c->has_change ? c->change.field : CHANGE_OTHER;
	const char                *nv = c->has_change ? c->change.new_value : "";
	char                       addr[ADDRESS_TEXT_MAX];

	/* a change of address given as an address object: its text is the
	 * new value (the object itself goes to the history of addresses) */
	if (field == CHANGE_ADDRESS && c->has_change && c->change.has_address) {
		address_format(&c->change.address, addr, sizeof addr);
		nv = addr;
	}

	switch (field) {
	case CHANGE_ADDRESS:
		snprintf(old, sizeof old, "%s", b->person.address);
		service_copy(b->person.address, sizeof b->person.address, nv);
		break;
	case CHANGE_PHONE:
		snprintf(old, sizeof old, "%s", b->person.phone);
		service_copy(b->person.phone, sizeof b->person.phone, nv);
		break;
	case CHANGE_NAME:
		snprintf(old, sizeof old, "%s", b->person.name);
		/* the records hold 1 to 30 characters, as the contract's names */
		if (service_utf8_chars(nv) >= 1 && service_utf8_chars(nv) <= CASE_NAME_CHARS)
			service_copy(b->person.name, sizeof b->person.name, nv);
		break;
	default:
		break;
	}
	SERVICE_TRY(s, store_person_update(s->st, &b->person));
	store_uuid(id);
	SERVICE_TRY(s, store_change_insert(s->st, id, b->person.id, b->out->application_id, field,
	    changed_on == JZZ_DATE_NONE ? b->today : changed_on, old, nv,
	    late != NULL && late->outcome == OUT_WARN));
	snprintf(b->out->record_id, sizeof b->out->record_id, "%s", id);
	return SERVICE_OK;
}
