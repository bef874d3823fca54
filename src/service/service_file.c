/*
 * service_file.c: the files jzz writes for people to take away (reports
 * saved from the terminal, `jzz report --output`): private (0600), and
 * either the whole new file or the old one, never a half-written one.
 *
 * Why a private folder rather than a temporary name beside the target:
 * libxlsxwriter opens the file by its name when it closes the workbook, so
 * a name in a shared folder could be swapped for a symbolic link between our
 * creating it and the library opening it. Inside a 0700 folder made for the
 * purpose (beside the target, so that the final rename stays within one file
 * system) nobody else can put anything; the file is made there with O_EXCL
 * and 0600, filled, flushed to the disk, and renamed onto the target, which
 * replaces a symbolic link at the target rather than following it.
 */
#include "service_file.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int
service_file_err(char *err, size_t errlen, const char *what, const char *path)
{
	snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
	return -1;
}

int
service_file_replace(const char *path, service_file_fill fill, void *ctx, char *err,
                     size_t errlen)
{
	char        dcopy[4096], bcopy[4096], tmpdir[4200], tmp[8400];
	const char *dir, *base;
	struct stat st;
	int         fd, rc;

	if (path == NULL || path[0] == '\0' || strlen(path) >= sizeof dcopy) {
		snprintf(err, errlen, "no file name, or a name too long");
		return -1;
	}
	if (path[strlen(path) - 1] == '/' || (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))) {
		snprintf(err, errlen, "%s: is a folder, not a file name", path);
		return -1;
	}
	snprintf(dcopy, sizeof dcopy, "%s", path);
	snprintf(bcopy, sizeof bcopy, "%s", path);
	dir = dirname(dcopy);
	base = basename(bcopy);
	snprintf(tmpdir, sizeof tmpdir, "%s/.%s.XXXXXX", dir, base);
	if (mkdtemp(tmpdir) == NULL)
		return service_file_err(err, errlen, "cannot write in its folder", path);
	snprintf(tmp, sizeof tmp, "%s/%s", tmpdir, base);
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		rc = service_file_err(err, errlen, "cannot create", path);
		rmdir(tmpdir);
		return rc;
	}
	close(fd);
	rc = fill(tmp, ctx, err, errlen);
	if (rc == 0) {
		/* On the disk before the name points at it: a crash leaves the
		 * old file or the new one. */
		fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
		if (fd < 0 || fsync(fd) != 0)
			rc = service_file_err(err, errlen, "cannot flush", path);
		if (fd >= 0)
			close(fd);
	}
	if (rc == 0 && rename(tmp, path) != 0)
		rc = service_file_err(err, errlen, "cannot rename into place", path);
	if (rc != 0)
		unlink(tmp);
	rmdir(tmpdir);
	return rc;
}

struct service_file_bytes {
	const char *path;   /* the target, named in messages */
	const void *data;
	size_t      len;
};

static int
service_file_put_bytes(const char *tmp, void *ctx, char *err, size_t errlen)
{
	const struct service_file_bytes *b = ctx;
	const char *p = b->data;
	size_t      left = b->len;
	int         fd = open(tmp, O_WRONLY | O_TRUNC | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return service_file_err(err, errlen, "cannot open", b->path);
	while (left > 0) {
		ssize_t n = write(fd, p, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			close(fd);
			return service_file_err(err, errlen, "cannot write", b->path);
		}
		p += n;
		left -= (size_t)n;
	}
	if (close(fd) != 0)
		return service_file_err(err, errlen, "cannot write", b->path);
	return 0;
}

int
service_save_file(const char *path, const void *data, size_t len, char *err, size_t errlen)
{
	struct service_file_bytes b = { path, data, len };

	return service_file_replace(path, service_file_put_bytes, &b, err, errlen);
}
