/*
 * ui_csv.c: the supervisors' report saved as a CSV file from the terminal
 * (F5 on the report screen). The rows come from service_report_csv(), the
 * writer `jzz report --format csv` uses too; this file only saves them.
 */
#include "uipriv.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "jzz/strbuf.h"

int
ui_csv_report_write(const struct service_report *r, const char *path, char *err, size_t errlen)
{
	struct strbuf sb;
	FILE         *f;
	int           rc = 0;

	strbuf_init(&sb);
	service_report_csv(&sb, r);
	if (sb.oom) {
		snprintf(err, errlen, "out of memory");
		strbuf_free(&sb);
		return -1;
	}
	f = fopen(path, "wb");
	if (f == NULL) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		strbuf_free(&sb);
		return -1;
	}
	if (sb.len > 0 && fwrite(sb.buf, 1, sb.len, f) != sb.len)
		rc = -1;
	if (fclose(f) != 0)
		rc = -1;
	if (rc != 0)
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
	strbuf_free(&sb);
	return rc;
}
