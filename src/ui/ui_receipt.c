/*
 * ui_receipt.c: the papers of the terminal (the receipt, the one-time
 * notice, the daily sheet) saved and printed.
 *
 * The papers themselves are built by the service (include/jzz/paper.h),
 * the same functions `jzz receipt` and `jzz report daily --print` call; the
 * terminal adds only what it holds and the records do not yet (the agent
 * of the case just submitted). A paper is saved at once as a PDF with its
 * text copy beside it, each file new and private, and the PDF is sent to
 * `lp -d $JZZ_PRINTER` when a printer is configured, so that a counter
 * without a printer still has the file to print later. lp runs with its
 * output discarded: nothing may write on the curses screen but the main
 * loop.
 */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int
ui_paper_of(struct ui *ui, const struct flow_outcome *o, struct paper *out)
{
	struct service_paper_facts f;
	enum service_status        st;
	bool                       receipt = o->res.receipt_no[0] != '\0';

	st = receipt ? service_paper_receipt_facts(ui->svc, &ui->actor, o->res.receipt_no, ui->today, &f) :
	    service_paper_application_facts(ui->svc, &ui->actor, o->res.application_id, ui->today, &f);
	if (st != SERVICE_OK)
		return -1;
	service_paper_facts_agent(&f, &o->c);
	if (receipt)
		service_paper_receipt(&f, ui_msg_lang(), out);
	else
		service_paper_notice(&f, ui_msg_lang(), out);
	return out->oom ? -1 : 0;
}

/* The folder of receipts or of reports: jzz.conf's receipt_dir or
 * export_dir (or $JZZ_RECEIPT_DIR, $JZZ_EXPORT_DIR) as the command line
 * passed them, else the database's (service_paper_dir). false when the
 * path does not fit. */
static bool
ui_paper_dir(const struct ui *ui, bool reports, char *out, size_t size)
{
	const char *given = reports ? ui->opts->export_dir : ui->opts->receipt_dir;

	if (given != NULL && *given != '\0')
		return snprintf(out, size, "%s", given) < (int)size;
	return service_paper_dir(ui->opts->db, reports, out, size);
}

bool
ui_receipt_export_dir(const struct ui *ui, char *out, size_t size)
{
	return ui_paper_dir(ui, true, out, size);
}

void
ui_paper_output(const struct ui *ui, const struct paper *p, bool reports, enum msg_id saved,
                char *note, size_t notelen)
{
	char        dir[1024], path[1200], err[1400];
	const char *printer = ui->opts->printer;
	size_t      o;
	int         rc;

	ui_paper_dir(ui, reports, dir, sizeof dir);
	rc = paper_output(p, NULL, dir, printer, path, sizeof path, err, sizeof err);
	if (rc == -1) {
		snprintf(note, notelen, ui_msg(M_RC_SAVE_FAIL), err);
		return;
	}
	o = (size_t)snprintf(note, notelen, ui_msg(saved), path);
	if (o < notelen)
		o += (size_t)snprintf(note + o, notelen - o, "%s", ui_msg(M_CLAUSE_SEP));
	if (o >= notelen)
		return;
	if (printer == NULL || *printer == '\0')
		snprintf(note + o, notelen - o, "%s", ui_msg(M_RC_NO_PRINTER));
	else if (rc == 0)
		snprintf(note + o, notelen - o, ui_msg(M_RC_PRINTED), printer);
	else
		snprintf(note + o, notelen - o, ui_msg(M_RC_PRINT_FAIL), "lp");
}
