/*
 * service_audit.c: the audit log as the services write and check it, and
 * its key file.
 *
 * Why a key file: the MAC of the audit chain (store_audit.c) is only as good
 * as the secrecy of its key, so the key never enters the database: a
 * copied database, or one edited with the sqlite3 shell, cannot be
 * re-signed. init makes the key (32 random bytes, 64 hex characters, a file
 * of mode 0600 made with O_EXCL); opening a database reads it and refuses a
 * key that others may read.
 */
#include "service_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define AUDIT_KEY_LEN 32

enum service_status
service_audit(struct service *s, const struct service_actor *a, jzz_date day, const char *action,
              const char *subject, const char *reason)
{
	struct store_audit_entry e = {
		day, a->user, service_role_code(a->role), a->centre, action,
		subject != NULL ? subject : "", reason != NULL ? reason : "",
	};

	SERVICE_TRY(s, store_audit_append(s->st, &e));
	return SERVICE_OK;
}

struct audit_read_arg {
	const struct service_actor *a;
	const char                 *action, *subject, *reason;
};

static enum service_status
audit_read_tx(struct service *s, void *arg)
{
	struct audit_read_arg *r = arg;

	return service_audit(s, r->a, service_real_today(), r->action, r->subject, r->reason);
}

enum service_status
service_audit_read(struct service *s, const struct service_actor *a, const char *action,
                   const char *subject, const char *reason)
{
	struct audit_read_arg r = { a, action, subject, reason };
	char                  keep[SERVICE_ERR_LEN];
	enum service_status   st;

	/* the caller's message, if any, survives a successful entry */
	snprintf(keep, sizeof keep, "%s", s->err);
	st = service_tx(s, audit_read_tx, &r);
	if (st == SERVICE_OK)
		snprintf(s->err, sizeof s->err, "%s", keep);
	return st;
}

bool
service_audit_key_path(const char *db, const char *given, char *buf, size_t size)
{
	const char *env = getenv("JZZ_AUDIT_KEY");
	int         n;

	if (given != NULL && *given != '\0')
		n = snprintf(buf, size, "%s", given);
	else if (env != NULL && *env != '\0')
		n = snprintf(buf, size, "%s", env);
	else
		return store_default_key_path(db, buf, size);
	return n > 0 && (size_t)n < size;
}

static int
audit_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

enum service_status
service_audit_key_load(struct service *s, const char *path)
{
	uint8_t     key[AUDIT_KEY_LEN];
	char        hex[2 * AUDIT_KEY_LEN + 2];
	struct stat sb;
	ssize_t     n;
	int         fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return service_fail(s, SERVICE_ERR_DB, "audit key %s: %s (the key made by init;"
		    " without it nothing can be written or verified)", path, strerror(errno));
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || (sb.st_mode & 007) != 0) {
		close(fd);
		return service_fail(s, SERVICE_ERR_DB, "audit key %s: not a private regular file"
		    " (mode 0600, or 0640/0660 with the configured group)", path);
	}
	n = read(fd, hex, sizeof hex);
	close(fd);
	if (n < 2 * AUDIT_KEY_LEN)
		return service_fail(s, SERVICE_ERR_DB, "audit key %s: too short", path);
	for (int i = 0; i < AUDIT_KEY_LEN; i++) {
		int hi = audit_hexval(hex[2 * i]), lo = audit_hexval(hex[2 * i + 1]);

		if (hi < 0 || lo < 0) {
			explicit_bzero(hex, sizeof hex);
			return service_fail(s, SERVICE_ERR_DB, "audit key %s: not hexadecimal", path);
		}
		key[i] = (uint8_t)(hi << 4 | lo);
	}
	store_set_audit_key(s->st, key, sizeof key);
	explicit_bzero(key, sizeof key);
	explicit_bzero(hex, sizeof hex);
	return SERVICE_OK;
}

enum service_status
service_audit_key_create(struct service *s, const char *path)
{
	static const char x[] = "0123456789abcdef";
	uint8_t           key[AUDIT_KEY_LEN];
	char              hex[2 * AUDIT_KEY_LEN + 1];
	int               fd;
	bool              ok;

	if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key)
		return service_fail(s, SERVICE_ERR_DB, "no random numbers (getrandom)");
	for (int i = 0; i < AUDIT_KEY_LEN; i++) {
		hex[2 * i] = x[key[i] >> 4];
		hex[2 * i + 1] = x[key[i] & 15];
	}
	hex[2 * AUDIT_KEY_LEN] = '\n';
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		explicit_bzero(key, sizeof key);
		explicit_bzero(hex, sizeof hex);
		return service_fail(s, errno == EEXIST ? SERVICE_ERR_EXISTS : SERVICE_ERR_DB,
		    "audit key %s: %s", path, errno == EEXIST ? "exists already (the key of an"
		    " earlier database?): move it away or name another audit_key_file" :
		    strerror(errno));
	}
	ok = write(fd, hex, sizeof hex) == (ssize_t)sizeof hex && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	if (!ok) {
		unlink(path);   /* made by this call */
		explicit_bzero(key, sizeof key);
		explicit_bzero(hex, sizeof hex);
		return service_fail(s, SERVICE_ERR_DB, "audit key %s: %s", path, strerror(errno));
	}
	store_set_audit_key(s->st, key, sizeof key);
	explicit_bzero(key, sizeof key);
	explicit_bzero(hex, sizeof hex);
	return SERVICE_OK;
}

enum service_status
service_audit_verify(struct service *s, const struct service_actor *a, long long head_seq,
                     const char *head_mac, struct service_audit_check *out)
{
	struct store_audit_result r;
	enum service_status       st;

	if ((st = service_allow_into(s, a, SERVICE_ACT_AUDIT, out, sizeof *out)) != SERVICE_OK)
		return st;
	if (store_audit_verify(s->st, head_seq, head_mac, &r) != STORE_OK)
		return service_db_fail(s);
	out->entries = (long)r.entries;
	out->first_broken = (long)r.first_broken;
	service_copy(out->reason, sizeof out->reason, r.reason);
	out->ok = r.first_broken == 0;
	return SERVICE_OK;
}

enum service_status
service_audit_head(struct service *s, const struct service_actor *a, long long *seq,
                   char *mac_out)
{
	enum service_status st;
	enum store_rc       rc;

	*seq = 0;
	mac_out[0] = '\0';
	if ((st = service_allow(s, a, SERVICE_ACT_AUDIT)) != SERVICE_OK)
		return st;
	rc = store_audit_head(s->st, seq, mac_out);
	if (rc != STORE_OK && rc != STORE_NOTFOUND)
		return service_db_fail(s);
	return SERVICE_OK;
}
