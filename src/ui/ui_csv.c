/*
 * ui_csv.c: the supervisors' report saved as a file from the terminal (F5
 * on the report screen): CSV, with or without a byte order mark, or an
 * xlsx workbook. The rows and the sheets come from service_report_csv()
 * and service_report_xlsx(), the writers `jzz report` uses too, and the
 * file is saved the same way (private, put in place whole); this file only
 * picks the writer.
 */
#include "uipriv.h"

#include <stdio.h>

#include "jzz/strbuf.h"

int
ui_csv_report_write(const struct service_report *r, const char *path, bool xlsx, bool bom,
                    char *err, size_t errlen)
{
	struct strbuf sb;
	int           rc;

	if (xlsx)
		return service_report_xlsx(r, ui_msg_lang(), path, err, errlen);
	strbuf_init(&sb);
	if (bom)
		strbuf_puts(&sb, "\xEF\xBB\xBF");
	service_report_csv(&sb, r);
	if (sb.oom) {
		snprintf(err, errlen, "out of memory");
		strbuf_free(&sb);
		return -1;
	}
	rc = service_save_file(path, sb.buf, sb.len, err, errlen);
	strbuf_free(&sb);
	return rc;
}
