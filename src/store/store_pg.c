/*
 * store_pg.c: the PostgreSQL engine of the store (placeholder while it is
 * written): it claims the connection URIs of case-format.md and refuses
 * them.
 */
#include "store_internal.h"

#include <stdio.h>
#include <string.h>

static bool
pg_claims(const char *target)
{
	return strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0 ||
	    strncmp(target, "service=", 8) == 0;
}

static enum store_rc
pg_connect(const char *target, bool create, bool raw, struct store_conn **out, char *err,
           size_t errlen)
{
	(void)create;
	(void)raw;
	*out = NULL;
	snprintf(err, errlen, "%.200s: this jzz has no PostgreSQL store yet; give a SQLite file",
	    target);
	return STORE_ERR;
}

static bool
pg_default_key_path(const char *target, char *buf, size_t size)
{
	(void)target;
	(void)buf;
	(void)size;
	return false;
}

const struct store_driver store_driver_pg = {
	.name = "postgresql",
	.claims = pg_claims,
	.connect = pg_connect,
	.default_key_path = pg_default_key_path,
};
