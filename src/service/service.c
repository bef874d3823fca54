/*
 * service.c: the service handle: status and code names, errors, opening,
 * creating and closing a database, and the centres it serves.
 */
#include "service_internal.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- codes ---- */

static const char *const service_status_codes[SERVICE_ERR__COUNT] = {
	"ok", "database", "denied", "not_found", "invalid", "state", "exists", "version", "nomem",
	"session", "busy",
};
static const char *const service_role_codes[SERVICE_ROLE__COUNT] = {
	"clerk", "supervisor", "trainer", "admin",
};
static const char *const service_cancel_codes[SERVICE_CANCEL__COUNT] = {
	"not_resident", "false_materials",
};
static const char *const service_permit_state_codes[SERVICE_PERMIT__COUNT] = {
	"none", "processing", "valid", "suspended", "cancelled",
};
static const char *const service_card_state_codes[SERVICE_CARD__COUNT] = {
	"none", "accepted", "transferred", "reviewed", "made", "received", "picked_up", "posted",
	"void",
};

/* The code of entry i of one of the tables above, `none` when i is out of
 * it; and the entry of a code (-1 when it is none of them). */
static const char *
service_code_of(const char *const *codes, int n, int i, const char *none)
{
	return i >= 0 && i < n ? codes[i] : none;
}

static int
service_code_find(const char *const *codes, int n, const char *code)
{
	for (int i = 0; code != NULL && i < n; i++)
		if (strcmp(code, codes[i]) == 0)
			return i;
	return -1;
}

const char *
service_status_code(enum service_status st)
{
	return service_code_of(service_status_codes, SERVICE_ERR__COUNT, (int)st, "unknown");
}

const char *
service_role_code(enum service_role r)
{
	return service_code_of(service_role_codes, SERVICE_ROLE__COUNT, (int)r, "");
}

int
service_role_from_code(const char *code)
{
	return service_code_find(service_role_codes, SERVICE_ROLE__COUNT, code);
}

const char *
service_cancel_reason_code(enum service_cancel_reason r)
{
	return service_code_of(service_cancel_codes, SERVICE_CANCEL__COUNT, (int)r, "");
}

int
service_cancel_reason_from_code(const char *code)
{
	return service_code_find(service_cancel_codes, SERVICE_CANCEL__COUNT, code);
}

const char *
service_permit_state_code(enum service_permit_state st)
{
	return service_code_of(service_permit_state_codes, SERVICE_PERMIT__COUNT, (int)st, "");
}

const char *
service_card_state_code(enum service_card_state st)
{
	return service_code_of(service_card_state_codes, SERVICE_CARD__COUNT, (int)st, "");
}

/* ---- errors ---- */

enum service_status
service_fail(struct service *s, enum service_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return st;
}

enum service_status
service_db_fail(struct service *s)
{
	return service_fail(s, SERVICE_ERR_DB, "database: %s", store_errmsg(s->st));
}

enum service_status
service_list_take(struct service *s, void *rows, size_t n, size_t row_size, size_t item_size,
                  service_list_fill_fn *fill, void *ctx, struct service_list *out)
{
	enum service_status st = SERVICE_OK;

	out->n = 0;
	out->items = calloc(n > 0 ? n : 1, item_size);
	if (out->items == NULL)
		st = service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	for (size_t i = 0; st == SERVICE_OK && i < n; i++)
		st = fill(s, (char *)out->items + i * item_size, (const char *)rows + i * row_size,
		    ctx);
	free(rows);
	if (st != SERVICE_OK) {
		free(out->items);
		out->items = NULL;
		return st;
	}
	out->n = n;
	return SERVICE_OK;
}

enum service_status
service_store_fail(struct service *s, enum store_rc rc)
{
	switch (rc) {
	case STORE_OK:
		return SERVICE_OK;
	case STORE_BUSY:
		return SERVICE_RETRY;
	case STORE_NOTFOUND:
		return service_fail(s, SERVICE_ERR_NOT_FOUND, "not found");
	default:
		return service_db_fail(s);
	}
}

const char *
service_errmsg(const struct service *s)
{
	return s != NULL ? s->err : "";
}

bool
service_unreachable(const struct service *s)
{
	return s != NULL && s->st != NULL && store_link_lost(s->st);
}

enum service_db_mode
service_db_mode(const struct service *s)
{
	return s->mode;
}

jzz_date
service_day_of(time_t now)
{
	struct tm tm;

	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

jzz_date
service_real_today(void)
{
	return service_day_of(time(NULL));
}

enum service_status
service_calendar_reload(struct service *s)
{
	struct calendar *cal = calendar_new();
	enum store_rc    rc;

	if (cal == NULL)
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	if ((rc = store_calendar_load(s->st, cal)) != STORE_OK) {
		calendar_free(cal);
		return service_db_fail(s);
	}
	calendar_free(s->cal);
	s->cal = cal;
	return SERVICE_OK;
}

/* ---- paths, open, init ---- */

bool
service_default_path(char *buf, size_t size)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	int         n;

	if (xdg != NULL && *xdg == '/')
		n = snprintf(buf, size, "%s/jzz/jzz.db", xdg);
	else if (home != NULL && *home != '\0')
		n = snprintf(buf, size, "%s/.local/share/jzz/jzz.db", home);
	else
		return false;
	return n > 0 && (size_t)n < size;
}

bool
service_db_is_file(const char *db)
{
	return store_target_is_file(db);
}

bool
service_db_exists(const char *db)
{
	return store_target_exists(db);
}

/* mkdir -p of the folder holding `path`. */
static void
service_make_parent(const char *path)
{
	char  dir[4096];
	char *p;

	if (service_copy(dir, sizeof dir, path))
		return;   /* no folder of a cut path: opening the database says why */
	p = strrchr(dir, '/');
	if (p == NULL || p == dir)
		return;
	*p = '\0';
	for (p = dir + 1; *p != '\0'; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	mkdir(dir, 0700);
}

enum service_status
service_load(struct service *s)
{
	struct store_place *pl;
	size_t              n;

	s->cal = calendar_new();
	if (s->cal == NULL)
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	SERVICE_TRY(s, store_calendar_load(s->st, s->cal));
	SERVICE_TRY(s, store_places(s->st, &pl, &n));
	s->places = calloc(n > 0 ? n : 1, sizeof *s->places);
	if (s->places == NULL) {
		free(pl);
		return service_fail(s, SERVICE_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		s->places[i].kind = pl[i].kiosk ? SERVICE_PLACE_KIOSK : SERVICE_PLACE_CENTRE;
		service_copy(s->places[i].code, sizeof s->places[i].code, pl[i].code);
		service_copy(s->places[i].name_zh, sizeof s->places[i].name_zh, pl[i].name_zh);
		service_copy(s->places[i].address_zh, sizeof s->places[i].address_zh, pl[i].address_zh);
	}
	s->nplaces = n;
	free(pl);
	if (store_meta_get(s->st, "home_centre", s->home_centre, sizeof s->home_centre) != STORE_OK)
		s->home_centre[0] = '\0';
	return SERVICE_OK;
}

struct service *
service_open(const char *path, char *err, size_t errlen)
{
	return service_open_mode(path, SERVICE_DB_PRODUCTION, err, errlen);
}

/* The file's mark against the mode asked for: a training copy must never
 * serve the public, nor a trainee practise on real records. A rehearsal
 * file opens where production is asked for: tests and rehearsals drive the
 * same commands. */
static bool
service_mode_check(struct service *s, const char *path, enum service_db_mode want, char *err,
                   size_t errlen)
{
	enum store_db_kind kind;

	if (store_db_kind_get(s->st, &kind) != STORE_OK) {
		snprintf(err, errlen, "%s: %s", path, store_errmsg(s->st));
		return false;
	}
	if (kind == STORE_DB_OTHER) {
		snprintf(err, errlen, "%s: not a jzz database (unknown application id)", path);
		return false;
	}
	s->mode = kind == STORE_DB_TRAINING ? SERVICE_DB_TRAINING : kind == STORE_DB_REHEARSAL ?
	    SERVICE_DB_REHEARSAL : SERVICE_DB_PRODUCTION;
	if (s->mode == want || (s->mode == SERVICE_DB_REHEARSAL && want == SERVICE_DB_PRODUCTION))
		return true;
	if (s->mode == SERVICE_DB_TRAINING)
		snprintf(err, errlen, "%s: is a training database; open it in training mode"
		    " (jzz --training, jzz demo)", path);
	else
		snprintf(err, errlen, "%s: is a %s database, not a training one", path,
		    s->mode == SERVICE_DB_REHEARSAL ? "rehearsal" : "production");
	return false;
}

/* A file made before the audit key (schema v4 and older) gets its key now,
 * and the mark from which entry on the chain is keyed. */
static enum service_status
service_key_tx(struct service *s, void *arg)
{
	(void)arg;
	SERVICE_TRY(s, store_audit_mark(s->st, false, false));
	return SERVICE_OK;
}

static enum service_status
service_key_open(struct service *s, const char *path, const char *key_path)
{
	char        kp[4096];
	struct stat sb;
	enum service_status st;

	if (!service_audit_key_path(path, key_path, kp, sizeof kp))
		return service_fail(s, SERVICE_ERR_INVALID, "audit key path too long");
	if (!store_audit_marked(s->st) && lstat(kp, &sb) != 0 && errno == ENOENT) {
		if ((st = service_audit_key_create(s, kp)) != SERVICE_OK)
			return st;
		return service_tx(s, service_key_tx, NULL);
	}
	if ((st = service_audit_key_load(s, kp)) != SERVICE_OK)
		return st;
	/* Another file's key (a JZZ_AUDIT_KEY left pointing elsewhere) would
	 * sign every new entry with a MAC that never verifies: the log of
	 * this file broken by a mistake of configuration. Refused before
	 * anything is written. */
	if (store_audit_marked(s->st) && !store_audit_key_matches(s->st))
		return service_fail(s, SERVICE_ERR_DB, "audit key %s is not this database's key"
		    " (the key of another database?): nothing is written or verified with it", kp);
	return store_audit_marked(s->st) ? SERVICE_OK : service_tx(s, service_key_tx, NULL);
}

struct service *
service_open_with(const char *path, enum service_db_mode mode, const char *key_path, char *err,
                  size_t errlen)
{
	char            def[4096];
	struct service *s;
	enum store_rc   rc;

	if (path == NULL) {
		if (!service_default_path(def, sizeof def)) {
			snprintf(err, errlen, "no database path: give --db or set HOME");
			return NULL;
		}
		path = def;
	}
	s = calloc(1, sizeof *s);
	if (s == NULL) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	rc = store_open(path, false, &s->st, err, errlen);
	if (rc != STORE_OK) {
		free(s);
		return NULL;
	}
	if (!service_mode_check(s, path, mode, err, errlen)) {
		service_close(s);
		return NULL;
	}
	if (service_key_open(s, path, key_path) != SERVICE_OK || service_load(s) != SERVICE_OK) {
		snprintf(err, errlen, "%s", s->err);
		service_close(s);
		return NULL;
	}
	return s;
}

struct service *
service_open_mode(const char *path, enum service_db_mode mode, char *err, size_t errlen)
{
	return service_open_with(path, mode, NULL, err, errlen);
}

void
service_close(struct service *s)
{
	if (s == NULL)
		return;
	store_close(s->st);
	calendar_free(s->cal);
	free(s->places);
	free(s->sessions);
	free(s->replay);
	free(s);
}

static enum service_status
service_create_tx(struct service *s, void *arg)
{
	struct service_init_opts *o = arg;
	struct service_actor      a;
	static const enum store_db_kind kinds[] = {
		[SERVICE_DB_PRODUCTION] = STORE_DB_PRODUCTION,
		[SERVICE_DB_TRAINING] = STORE_DB_TRAINING,
		[SERVICE_DB_REHEARSAL] = STORE_DB_REHEARSAL,
	};
	static const char *const made[] = {
		[SERVICE_DB_PRODUCTION] = "database created",
		[SERVICE_DB_TRAINING] = "training database created",
		[SERVICE_DB_REHEARSAL] = "rehearsal database created (not production)",
	};
	enum service_status st;

	SERVICE_TRY(s, store_meta_set(s->st, "home_centre", o->centre));
	service_copy(s->home_centre, sizeof s->home_centre, o->centre);
	SERVICE_TRY(s, store_db_kind_set(s->st, kinds[o->mode]));
	SERVICE_TRY(s, store_audit_mark(s->st, true, true));
	if ((st = service_account_put(s, "admin", "admin", o->centre, o->admin_password_out, true))
	    != SERVICE_OK)
		return st;
	if ((st = service_actor_issue(s, STORE_OWNER_ACCOUNT, o->centre, true, &a)) != SERVICE_OK)
		return st;
	return service_audit(s, &a, service_real_today(), "init", o->centre, made[o->mode]);
}

enum service_status
service_create(const char *path, struct service_init_opts *o, char *err, size_t errlen)
{
	char                def[4096], kp[4096];
	struct service      tmp;
	struct calendar    *cal = NULL;
	enum store_rc       rc;
	enum service_status st;
	bool                ok = false, key_made = false;

	memset(&tmp, 0, sizeof tmp);
	o->admin_password_out[0] = '\0';
	if (path == NULL) {
		if (!service_default_path(def, sizeof def)) {
			snprintf(err, errlen, "no database path: give --db or set HOME");
			return SERVICE_ERR_INVALID;
		}
		path = def;
		service_make_parent(path);
	}
	if (o->centre == NULL || strlen(o->centre) != 9 ||
	    strspn(o->centre, "0123456789") != 9) {
		snprintf(err, errlen, "--centre: a 9-digit centre code is needed (e.g. 310105009)");
		return SERVICE_ERR_INVALID;
	}
	if ((unsigned)o->mode > SERVICE_DB_REHEARSAL ||
	    !service_audit_key_path(path, o->audit_key, kp, sizeof kp)) {
		snprintf(err, errlen, "bad database mode or key path");
		return SERVICE_ERR_INVALID;
	}
	rc = store_open(path, true, &tmp.st, err, errlen);
	if (rc == STORE_EXISTS)
		return SERVICE_ERR_EXISTS;
	if (rc != STORE_OK)
		return SERVICE_ERR_DB;
	st = (cal = calendar_new()) == NULL ? SERVICE_ERR_NOMEM : service_load(&tmp);
	for (size_t i = 0; st == SERVICE_OK && i < tmp.nplaces; i++)
		if (tmp.places[i].kind == SERVICE_PLACE_CENTRE && strcmp(tmp.places[i].code,
		    o->centre) == 0)
			ok = true;
	if (st == SERVICE_OK && !ok)
		st = service_fail(&tmp, SERVICE_ERR_INVALID, "--centre: %s is not a centre of the list",
		    o->centre);
	if (st == SERVICE_OK && o->holidays_dir != NULL)
		st = service_holidays_load(o->holidays_dir, cal, tmp.err, sizeof tmp.err);
	if (st == SERVICE_OK && store_calendar_save(tmp.st, cal) != STORE_OK)
		st = service_fail(&tmp, SERVICE_ERR_DB, "database: %s", store_errmsg(tmp.st));
	if (st == SERVICE_OK && o->admin_password != NULL) {
		st = service_password_check(&tmp, "admin", o->admin_password);
		if (st == SERVICE_OK)
			snprintf(o->admin_password_out, sizeof o->admin_password_out, "%s",
			    o->admin_password);
	} else if (st == SERVICE_OK)
		st = service_make_password(&tmp, o->admin_password_out, sizeof o->admin_password_out);
	if (st == SERVICE_OK && (st = service_audit_key_create(&tmp, kp)) == SERVICE_OK)
		key_made = true;
	if (st == SERVICE_OK)
		st = service_tx(&tmp, service_create_tx, o);
	if (st != SERVICE_OK)
		snprintf(err, errlen, "%s", tmp.err);
	calendar_free(cal);
	calendar_free(tmp.cal);
	free(tmp.places);
	free(tmp.sessions);
	rc = store_publish(tmp.st, st == SERVICE_OK);
	if (st == SERVICE_OK && rc != STORE_OK) {
		snprintf(err, errlen, "%s: something else appeared there meanwhile; nothing was"
		    " changed", path);
		st = SERVICE_ERR_EXISTS;
	}
	if (st != SERVICE_OK) {
		if (key_made)
			unlink(kp);   /* made by this call, for the file that is gone */
		explicit_bzero(o->admin_password_out, sizeof o->admin_password_out);
	}
	return st;
}

enum service_status
service_init(const char *path, const char *centre, const char *holidays_dir, char *err,
             size_t errlen)
{
	struct service_init_opts o;

	memset(&o, 0, sizeof o);
	o.centre = centre;
	o.holidays_dir = holidays_dir;
	o.mode = SERVICE_DB_PRODUCTION;
	return service_create(path, &o, err, errlen);
}

/* ---- centres ---- */

const struct service_place *
service_places(struct service *s, size_t *n)
{
	*n = s->nplaces;
	return s->places;
}

const char *
service_centre_name(struct service *s, const char *code)
{
	for (size_t i = 0; s != NULL && code != NULL && i < s->nplaces; i++)
		if (s->places[i].kind == SERVICE_PLACE_CENTRE && strcmp(s->places[i].code, code) == 0)
			return s->places[i].name_zh;
	return code != NULL ? code : "";
}

bool
service_centre_valid(struct service *s, const char *code)
{
	for (size_t i = 0; code != NULL && i < s->nplaces; i++)
		if (s->places[i].kind == SERVICE_PLACE_CENTRE && strcmp(s->places[i].code, code) == 0)
			return true;
	return false;
}
