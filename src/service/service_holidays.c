/*
 * service_holidays.c: a folder of holiday-cn files read into a calendar,
 * the one loader of every caller (a new database, `jzz check`, the
 * terminal's live rules panel).
 *
 * Why here and not in the core: the core does no I/O (calendar.c reads a
 * file held in memory); why one function: the callers used to scan the
 * folder twice with two policies, one skipping a bad file with a warning.
 * A schedule silently left out moves every deadline of its year, so a bad
 * file is an error that names it.
 */
#include "service_internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int
service_holidays_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
service_holidays_free_names(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* The names of dir's *.json files, sorted; NULL with *n = 0 and errno
 * set when the folder cannot be read or memory runs out. */
static char **
service_holidays_names(const char *dir, size_t *n)
{
	DIR           *d = opendir(dir);
	struct dirent *e;
	char         **names = NULL, **grown;
	size_t         cap = 0;
	int            saved;

	*n = 0;
	if (d == NULL)
		return NULL;
	errno = 0;
	while ((e = readdir(d)) != NULL) {
		size_t len = strlen(e->d_name);

		if (len <= 5 || strcmp(e->d_name + len - 5, ".json") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			if ((grown = realloc(names, cap * sizeof *names)) == NULL)
				goto fail;
			names = grown;
		}
		if ((names[*n] = strdup(e->d_name)) == NULL)
			goto fail;
		(*n)++;
	}
	if (errno != 0)
		goto fail;
	closedir(d);
	if (names == NULL)
		names = malloc(sizeof *names);   /* an empty folder is no error */
	if (names != NULL && *n > 1)
		qsort(names, *n, sizeof *names, service_holidays_name_cmp);
	return names;
fail:
	saved = errno != 0 ? errno : ENOMEM;
	closedir(d);
	service_holidays_free_names(names, *n);
	*n = 0;
	errno = saved;
	return NULL;
}

/* The whole of path in a new buffer (free it); NULL with errno set. */
static char *
service_holidays_read(const char *path, size_t *len)
{
	FILE  *f = fopen(path, "rb");
	char  *buf = NULL, *grown;
	size_t cap = 0, got;
	int    saved;

	*len = 0;
	if (f == NULL)
		return NULL;
	for (;;) {
		if (cap - *len < 4096) {
			cap = cap ? cap * 2 : 16384;
			if ((grown = realloc(buf, cap)) == NULL) {
				errno = ENOMEM;
				goto fail;
			}
			buf = grown;
		}
		got = fread(buf + *len, 1, cap - *len - 1, f);
		*len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		if (errno == 0)
			errno = EIO;
		goto fail;
	}
	fclose(f);
	buf[*len] = '\0';
	return buf;
fail:
	saved = errno;
	fclose(f);
	free(buf);
	errno = saved;
	return NULL;
}

enum service_status
service_holidays_load(const char *dir, struct calendar *cal, char *err, size_t errlen)
{
	char              **names;
	size_t              n;
	enum service_status st = SERVICE_OK;

	names = service_holidays_names(dir, &n);
	if (names == NULL) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return errno == ENOMEM ? SERVICE_ERR_NOMEM : SERVICE_ERR_NOT_FOUND;
	}
	for (size_t i = 0; i < n && st == SERVICE_OK; i++) {
		char   path[4096], why[256];
		char  *buf;
		size_t len;

		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= sizeof path) {
			snprintf(err, errlen, "%s/%s: the path is too long", dir, names[i]);
			st = SERVICE_ERR_INVALID;
		} else if ((buf = service_holidays_read(path, &len)) == NULL) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			st = errno == ENOMEM ? SERVICE_ERR_NOMEM : SERVICE_ERR_INVALID;
		} else {
			if (calendar_load_json(cal, buf, len, why, sizeof why) < 0) {
				snprintf(err, errlen, "%s: %s", path, why);
				st = SERVICE_ERR_INVALID;
			}
			free(buf);
		}
	}
	service_holidays_free_names(names, n);
	return st;
}
