/*
 * service_migrate.c: a centre that began on a SQLite file moves its records
 * into a PostgreSQL store (`jzz migrate --from FILE --to URI`).
 *
 * The semantics, exactly (docs/deploy.md tells them to the administrator):
 *  - Who: the owner of both, checked on each (the OS account owning the
 *    file, and the role owning the store's schema).
 *  - The file: a production or rehearsal jzz file at this program's schema
 *    version, opened read-only (never written, not even migrated: an older
 *    file is refused until this jzz has opened it once), whose audit chain
 *    verifies under its key (FILE.key, or the configured audit_key_file,
 *    or $JZZ_AUDIT_KEY, or --from-key).
 *  - The store: one made by `jzz init` of the same kind (production or
 *    rehearsal), holding no records (no persons, applications or anything
 *    hanging on them). What it holds of its making (the accounts, settings,
 *    calendar, centres, kiosks and its few audit entries) is replaced by
 *    the file's: the store becomes the file's, the file's accounts and
 *    passwords included. A store that holds other centres' records is
 *    refused: two audit chains cannot be merged into one without signing
 *    the file's entries again (each MAC covers its number and the entry
 *    before), which would throw away the proof they carry.
 *  - The key: afterwards the store's key file (--to-key, else the
 *    configured one, else store_default_key_path of the URI) holds the
 *    file's key. Absent: written (0600, made exclusively). The same key:
 *    kept. The key of the empty store itself (its mark verifies under it):
 *    moved aside to KEY.replaced (kept, never deleted) and the file's put
 *    in its place. Any other key: refused, since it is some other
 *    database's.
 *  - The copy: every table in dependency order, in one transaction of the
 *    store (store_migrate.c), then counted on both sides; one entry
 *    "migrate" is added to the chain (naming the file, its identity and
 *    the head of the entries it replaced), and the whole chain, the rows
 *    it binds and the guards are verified on the store before COMMIT. The
 *    key is put in place just before COMMIT and taken back if COMMIT fails;
 *    a kill in between leaves the store as it was with the file's key at
 *    its path, and running the migration again completes it.
 *  - Once: the store records the file's identity (meta 'migrated_from':
 *    the SHA-256 of the MAC of the file's first audit entry, which names
 *    its time and key), and a second migration of the same file is refused
 *    (SERVICE_ERR_EXISTS) with nothing written.
 */
#include "service_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "jzz/store_migrate.h"

#define MIGRATE_KEY_HEX 64

enum migrate_key { MIGRATE_KEY_ABSENT, MIGRATE_KEY_SAME, MIGRATE_KEY_STORES };

struct migrate {
	const struct service_migrate_opts *o;
	struct service_migrate_result     *out;
	struct service                    *src, *dst;
	char                               from_key[4096], to_key[4096];
	char                               hex[MIGRATE_KEY_HEX + 1];   /* the file's key */
	enum migrate_key                   key;
	long long                          old_entries;
	char                               old_head[65];
	char                               err[SERVICE_ERR_LEN];
	char                               tmp[4200];   /* the key written, before it is placed */
};

static enum service_status
migrate_fail(struct migrate *m, enum service_status st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum service_status
migrate_fail(struct migrate *m, enum service_status st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(m->err, sizeof m->err, fmt, ap);
	va_end(ap);
	return st;
}

/* The 64 hexadecimal characters of a key file (lower-cased), false when
 * it is none (service_audit_key_load says why when it is loaded). */
static bool
migrate_key_read(const char *path, char hex[MIGRATE_KEY_HEX + 1])
{
	int     fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return false;
	n = read(fd, hex, MIGRATE_KEY_HEX);
	close(fd);
	if (n != MIGRATE_KEY_HEX) {
		explicit_bzero(hex, MIGRATE_KEY_HEX + 1);
		return false;
	}
	hex[MIGRATE_KEY_HEX] = '\0';
	for (int i = 0; i < MIGRATE_KEY_HEX; i++) {
		if (hex[i] >= 'A' && hex[i] <= 'F')
			hex[i] = (char)(hex[i] - 'A' + 'a');
		if (!((hex[i] >= '0' && hex[i] <= '9') || (hex[i] >= 'a' && hex[i] <= 'f'))) {
			explicit_bzero(hex, MIGRATE_KEY_HEX + 1);
			return false;
		}
	}
	return true;
}

/* A handle on a store opened by the store's own calls (the service's open
 * would make or demand a key the migration has yet to decide on). */
static struct service *
migrate_handle(struct store *st)
{
	struct service *s = calloc(1, sizeof *s);

	if (s == NULL) {
		store_close(st);
		return NULL;
	}
	s->st = st;
	return s;
}

/* The file: read-only, this schema, production or rehearsal, its owner,
 * its key, its chain whole. */
static enum service_status
migrate_source(struct migrate *m, enum store_db_kind *kind, struct service_actor *a)
{
	struct store_audit_result r;
	struct store             *st;
	enum service_status       st2;
	char                      err[512];
	int                       v;

	if (store_open_readonly(m->o->from, &st, err, sizeof err) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "%s", err);
	if ((m->src = migrate_handle(st)) == NULL)
		return migrate_fail(m, SERVICE_ERR_NOMEM, "out of memory");
	if ((v = store_user_version(st)) <= 0)
		return migrate_fail(m, SERVICE_ERR_INVALID, "%s: not a jzz database", m->o->from);
	if (v != STORE_SCHEMA_VERSION)
		return migrate_fail(m, SERVICE_ERR_INVALID, "%s: schema version %d, this jzz's is %d:"
		    " open it once with this jzz (jzz --db FILE audit verify) and migrate it then;"
		    " the migration never writes the file", m->o->from, v, STORE_SCHEMA_VERSION);
	if (store_db_kind_get(st, kind) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "%s: %s", m->o->from, store_errmsg(st));
	if (*kind == STORE_DB_TRAINING || *kind == STORE_DB_OTHER)
		return migrate_fail(m, SERVICE_ERR_INVALID, "%s: a %s database is never moved into"
		    " the shared store", m->o->from, *kind == STORE_DB_TRAINING ? "training" :
		    "foreign");
	if (*kind == STORE_DB_UNMARKED)
		*kind = STORE_DB_PRODUCTION;
	if ((st2 = service_load(m->src)) != SERVICE_OK)
		return migrate_fail(m, st2, "%s: %s", m->o->from, service_errmsg(m->src));
	if ((st2 = service_actor_owner(m->src, NULL, a)) != SERVICE_OK)
		return migrate_fail(m, st2, "%s: %s", m->o->from, service_errmsg(m->src));
	if ((st2 = service_audit_key_load(m->src, m->from_key)) != SERVICE_OK)
		return migrate_fail(m, st2, "%s", service_errmsg(m->src));
	if (!store_audit_key_matches(st) || !migrate_key_read(m->from_key, m->hex))
		return migrate_fail(m, SERVICE_ERR_DENIED, "audit key %s is not the key of %s"
		    " (name it with --from-key)", m->from_key, m->o->from);
	if (store_audit_verify(st, 0, NULL, &r) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "%s: %s", m->o->from, store_errmsg(st));
	if (r.first_broken != 0)
		return migrate_fail(m, SERVICE_ERR_DB, "%s: its audit log does not verify (entry %lld:"
		    " %s): nothing was copied", m->o->from, r.first_broken, r.reason);
	if (store_migrate_identity(st, m->out->identity) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "%s: no audit log to move", m->o->from);
	return SERVICE_OK;
}

/* The store: made by init, its owner, the same kind, no records, not this
 * file's already, and a key that may become the file's. */
static enum service_status
migrate_target(struct migrate *m, enum store_db_kind want, struct service_actor *a)
{
	struct store      *st;
	enum store_db_kind kind;
	enum store_rc      rc;
	enum service_status st2;
	struct stat        sb;
	char               err[512], from[4200], hex[MIGRATE_KEY_HEX + 1];
	long long          records;

	rc = store_open(m->o->to, false, &st, err, sizeof err);
	if (rc != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "%s", err);
	if ((m->dst = migrate_handle(st)) == NULL)
		return migrate_fail(m, SERVICE_ERR_NOMEM, "out of memory");
	if ((st2 = service_load(m->dst)) != SERVICE_OK)
		return migrate_fail(m, st2, "the store: %s", service_errmsg(m->dst));
	if ((st2 = service_actor_owner(m->dst, NULL, a)) != SERVICE_OK)
		return migrate_fail(m, st2, "the store: %s", service_errmsg(m->dst));
	if (store_db_kind_get(st, &kind) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "the store: %s", store_errmsg(st));
	if (kind == STORE_DB_UNMARKED)
		kind = STORE_DB_PRODUCTION;
	if (kind != want)
		return migrate_fail(m, SERVICE_ERR_INVALID, "the file is a %s database and the store"
		    " a %s one: make the store with `jzz init%s`", want == STORE_DB_REHEARSAL ?
		    "rehearsal" : "production", kind == STORE_DB_REHEARSAL ? "rehearsal" :
		    kind == STORE_DB_PRODUCTION ? "production" : "training",
		    want == STORE_DB_REHEARSAL ? " --rehearsal" : "");
	if (store_migrate_target(st, &records, from, sizeof from) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "the store: %s", store_errmsg(st));
	if (from[0] != '\0' && strncmp(from, m->out->identity, 64) == 0)
		return migrate_fail(m, SERVICE_ERR_EXISTS, "%s was moved into this store already"
		    " (%s): nothing was written", m->o->from, from);
	if (from[0] != '\0' || records > 0)
		return migrate_fail(m, SERVICE_ERR_EXISTS, "the store holds records already (%lld%s%s);"
		    " a file is moved only into an empty store made by `jzz init`: nothing was"
		    " written", records, from[0] != '\0' ? ", brought from " : "", from);

	/* the key at the store's path */
	if (lstat(m->to_key, &sb) != 0) {
		if (errno != ENOENT)
			return migrate_fail(m, SERVICE_ERR_DB, "audit key %s: %s", m->to_key,
			    strerror(errno));
		m->key = MIGRATE_KEY_ABSENT;
	} else if (migrate_key_read(m->to_key, hex) && strcmp(hex, m->hex) == 0) {
		m->key = MIGRATE_KEY_SAME;
	} else {
		/* the store's own key, made by init for the empty store, may make
		 * way; any other is another database's and stays */
		if (service_audit_key_load(m->dst, m->to_key) != SERVICE_OK ||
		    !store_audit_key_matches(st))
			return migrate_fail(m, SERVICE_ERR_DENIED, "audit key %s holds another key,"
			    " neither %s's nor this store's: refused, nothing was written (name the"
			    " store's key with --to-key)", m->to_key, m->o->from);
		snprintf(m->out->key_aside, sizeof m->out->key_aside, "%s.replaced", m->to_key);
		if (lstat(m->out->key_aside, &sb) == 0)
			return migrate_fail(m, SERVICE_ERR_EXISTS, "%s exists: move it away first",
			    m->out->key_aside);
		m->key = MIGRATE_KEY_STORES;
	}
	explicit_bzero(hex, sizeof hex);
	if (store_audit_head(st, &m->old_entries, m->old_head) == STORE_NOTFOUND) {
		m->old_entries = 0;
		m->old_head[0] = '\0';
	}
	/* from here on the store writes under the file's key */
	if ((st2 = service_audit_key_load(m->dst, m->from_key)) != SERVICE_OK)
		return migrate_fail(m, st2, "%s", service_errmsg(m->dst));
	return SERVICE_OK;
}

/* The file's key, written whole beside the store's key path (0600, a new
 * file), before it is put in place. */
static enum service_status
migrate_key_prepare(struct migrate *m)
{
	int  fd;
	char line[MIGRATE_KEY_HEX + 1];
	bool ok;

	if (m->key == MIGRATE_KEY_SAME)
		return SERVICE_OK;
	if (snprintf(m->tmp, sizeof m->tmp, "%s.migrate-XXXXXX", m->to_key) >= (int)sizeof m->tmp)
		return migrate_fail(m, SERVICE_ERR_INVALID, "audit key path too long");
	if ((fd = mkstemp(m->tmp)) < 0)   /* O_EXCL, mode 0600 */
		return migrate_fail(m, SERVICE_ERR_DB, "audit key %s: %s", m->to_key, strerror(errno));
	memcpy(line, m->hex, MIGRATE_KEY_HEX);
	line[MIGRATE_KEY_HEX] = '\n';
	ok = fchmod(fd, 0600) == 0 && write(fd, line, sizeof line) == (ssize_t)sizeof line &&
	    fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	explicit_bzero(line, sizeof line);
	if (!ok) {
		unlink(m->tmp);
		m->tmp[0] = '\0';
		return migrate_fail(m, SERVICE_ERR_DB, "audit key %s: %s", m->to_key, strerror(errno));
	}
	return SERVICE_OK;
}

/* Puts the prepared key at the store's path: a new name (link fails if
 * anything appeared there), or in place of the empty store's own key,
 * which is kept at KEY.replaced. */
static enum service_status
migrate_key_place(struct migrate *m)
{
	int e;

	if (m->key == MIGRATE_KEY_SAME)
		return SERVICE_OK;
	if (m->key == MIGRATE_KEY_ABSENT) {
		e = link(m->tmp, m->to_key) == 0 ? 0 : errno;
		unlink(m->tmp);
	} else {
		e = link(m->to_key, m->out->key_aside) == 0 ? 0 : errno;
		if (e == 0 && rename(m->tmp, m->to_key) != 0) {
			e = errno;
			unlink(m->out->key_aside);
		}
		if (e != 0)
			unlink(m->tmp);
	}
	m->tmp[0] = '\0';
	if (e != 0)
		return migrate_fail(m, SERVICE_ERR_DB, "audit key %s: %s: nothing was written",
		    m->to_key, strerror(e));
	m->out->key_written = true;
	return SERVICE_OK;
}

/* COMMIT failed: the key as it was. */
static void
migrate_key_undo(struct migrate *m)
{
	if (!m->out->key_written)
		return;
	if (m->key == MIGRATE_KEY_ABSENT)
		unlink(m->to_key);
	else if (m->key == MIGRATE_KEY_STORES)
		rename(m->out->key_aside, m->to_key);
	m->out->key_written = false;
}

static void
migrate_progress(void *arg, const char *table, long long done, long long total)
{
	const struct service_migrate_opts *o = arg;

	o->progress(o->progress_arg, table, done, total);
}

/* The copy, the migration's entry, the verification and the mark, in one
 * transaction of the store. */
static enum service_status
migrate_write(struct migrate *m, const struct service_actor *a)
{
	struct store_migrate_opts  mo = { m->o->progress != NULL ? migrate_progress : NULL,
		(void *)m->o };
	struct store_migrate_stats stats;
	struct store_audit_result  r;
	struct store              *st = m->dst->st;
	enum store_rc              rc;
	enum service_status        s2;
	char                       reason[512], mark[4200];
	long long                  entries = 0;

	if ((rc = store_begin(st)) != STORE_OK)
		return migrate_fail(m, SERVICE_ERR_DB, "the store: %s", store_errmsg(st));
	rc = store_migrate_copy(m->src->st, st, &mo, &stats);
	if (rc != STORE_OK) {
		store_rollback(st);
		return migrate_fail(m, rc == STORE_EXISTS ? SERVICE_ERR_EXISTS : rc == STORE_BUSY ?
		    SERVICE_ERR_BUSY : SERVICE_ERR_DB, "%s: nothing was written", store_errmsg(st));
	}
	for (int i = 0; i < stats.n && i < SERVICE_MIGRATE_TABLES; i++) {
		service_copy(m->out->t[i].table, sizeof m->out->t[i].table, stats.t[i].table);
		m->out->t[i].source = stats.t[i].source;
		m->out->t[i].target = stats.t[i].target;
		if (strcmp(stats.t[i].table, "audit_log") == 0)
			entries = stats.t[i].source;
		m->out->ntables = i + 1;
	}
	snprintf(reason, sizeof reason, "%lld audit entries and the records of the file (identity"
	    " %.64s) moved in; the %lld entries of the empty store's making replaced (head %lld:%.64s)",
	    entries, m->out->identity, m->old_entries, m->old_entries, m->old_head);
	if ((s2 = service_audit(m->dst, a, service_real_today(), "migrate", m->o->from, reason))
	    != SERVICE_OK) {
		store_rollback(st);
		return migrate_fail(m, s2, "%s: nothing was written", service_errmsg(m->dst));
	}
	if (store_audit_verify(st, 0, NULL, &r) != STORE_OK || r.first_broken != 0) {
		snprintf(reason, sizeof reason, "%s", r.first_broken != 0 ? r.reason : store_errmsg(st));
		store_rollback(st);
		return migrate_fail(m, SERVICE_ERR_DB, "the audit log does not verify on the store after"
		    " the copy (entry %lld: %s): nothing was written", r.first_broken, reason);
	}
	m->out->audit_entries = r.entries;
	m->out->verified = true;
	snprintf(mark, sizeof mark, "%.64s %lld %s", m->out->identity, entries, m->o->from);
	if (store_migrate_mark(st, mark) != STORE_OK) {
		store_rollback(st);
		return migrate_fail(m, SERVICE_ERR_DB, "the store: %s: nothing was written",
		    store_errmsg(st));
	}
	if ((s2 = migrate_key_place(m)) != SERVICE_OK) {
		store_rollback(st);
		return s2;
	}
	if ((rc = store_commit(st)) != STORE_OK) {
		snprintf(reason, sizeof reason, "%s", store_errmsg(st));
		store_rollback(st);
		migrate_key_undo(m);
		m->out->verified = false;
		return migrate_fail(m, SERVICE_ERR_DB, "the store: %s", reason);
	}
	return SERVICE_OK;
}

enum service_status
service_migrate(const struct service_migrate_opts *o, struct service_migrate_result *out,
                char *err, size_t errlen)
{
	struct migrate       m;
	struct service_actor as, ad;
	enum store_db_kind   kind = STORE_DB_PRODUCTION;
	enum service_status  st;

	memset(out, 0, sizeof *out);
	memset(&m, 0, sizeof m);
	m.o = o;
	m.out = out;
	if (o->from == NULL || o->to == NULL || !service_db_is_file(o->from))
		st = migrate_fail(&m, SERVICE_ERR_INVALID, "migrate: --from names a SQLite file");
	else if (service_db_is_file(o->to))
		st = migrate_fail(&m, SERVICE_ERR_INVALID, "migrate: --to names a PostgreSQL store"
		    " (postgresql://..., postgres://... or service=NAME)");
	else if (!service_audit_key_path(o->from, o->from_key, m.from_key, sizeof m.from_key) ||
	    !service_audit_key_path(o->to, o->to_key, m.to_key, sizeof m.to_key))
		st = migrate_fail(&m, SERVICE_ERR_INVALID, "migrate: audit key path too long");
	else
		st = SERVICE_OK;
	if (st == SERVICE_OK)
		st = migrate_source(&m, &kind, &as);
	if (st == SERVICE_OK)
		st = migrate_target(&m, kind, &ad);
	if (st == SERVICE_OK)
		st = migrate_key_prepare(&m);
	if (st == SERVICE_OK)
		st = migrate_write(&m, &ad);
	if (m.tmp[0] != '\0')
		unlink(m.tmp);
	if (st == SERVICE_OK)
		service_copy(out->key_path, sizeof out->key_path, m.to_key);
	else
		snprintf(err, errlen, "%s", m.err);
	explicit_bzero(m.hex, sizeof m.hex);
	service_close(m.src);
	service_close(m.dst);
	return st;
}
