/*
 * test_paper.c: the papers of the counter as real A4 PDFs: the receipt and
 * the one-time notice of real cases and the daily sheet, rendered by the
 * service and read back with pdftotext (poppler-utils); the receipt's QR
 * code decoded with zbarimg (zbar-tools) from a pdftoppm page; private,
 * never-overwriting files; roles and the audit entry of a reprint; and a
 * print through a real CUPS cups-pdf queue, on a private cupsd this test
 * starts (skipped, saying why, where cupsd or cups-pdf is missing).
 */
#include <ctype.h>
#include "svctest.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <dirent.h>

#include "jzz/paper.h"

#define DAY D(2026, 3, 2)
#define NAME "欧阳娜娜"

/* Runs a shell command; its stdout (up to size bytes) into out. Returns
 * the exit status. */
static int
paper_run(char *out, size_t size, const char *fmt, ...)
{
	char    cmd[4096];
	FILE   *p;
	size_t  n = 0;
	va_list ap;
	int     st;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	p = popen(cmd, "r");
	assert_non_null(p);
	if (out != NULL) {
		size_t r;

		while (n + 1 < size && (r = fread(out + n, 1, size - 1 - n, p)) > 0)
			n += r;
		out[n] = '\0';
	} else {
		char sink[512];

		while (fread(sink, 1, sizeof sink, p) > 0)
			;
	}
	st = pclose(p);
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* The text pdftotext reads from a PDF. */
static void
paper_pdftext(const char *pdf, char *out, size_t size)
{
	assert_int_equal(paper_run(out, size, "pdftotext -enc UTF-8 '%s' - 2>&1", pdf), 0);
}

/* The QR codes zbarimg finds on the first page of a PDF ("" when none). */
static void
paper_qr_of(const char *pdf, char *out, size_t size)
{
	char png[600];

	out[0] = '\0';
	snprintf(png, sizeof png, "%s.page", pdf);
	if (paper_run(NULL, 0, "pdftoppm -r 150 -png -f 1 -l 1 -singlefile '%s' '%s' 2>&1",
	    pdf, png) != 0)
		return;   /* not a whole PDF (yet): no code */
	paper_run(out, size, "zbarimg -q --raw '%s.png' 2>/dev/null", png);
	for (size_t n = strlen(out); n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'); n--)
		out[n - 1] = '\0';
}

static void
paper_mode_0600(const char *path)
{
	struct stat sb;

	assert_int_equal(lstat(path, &sb), 0);
	assert_true(S_ISREG(sb.st_mode));
	assert_int_equal(sb.st_mode & 0777, 0600);
}

/* A registration, then a permit six months on, then a replacement for a
 * personal reason with its fee; one refusal and one incomplete case. */
struct paper_world {
	struct service       *s;
	struct service_actor  admin;
	char                  id[19], reg_receipt[SERVICE_RECEIPT_LEN];
	char                  permit_receipt[SERVICE_RECEIPT_LEN], replace_receipt[SERVICE_RECEIPT_LEN];
	char                  refused_app[SERVICE_UUID_LEN], incomplete_app[SERVICE_UUID_LEN];
};

static void
paper_world(struct paper_world *w)
{
	struct service_result r;
	char                  other[19];

	memset(w, 0, sizeof *w);
	w->s = svctest_new();
	w->admin = svctest_actor(w->s, "admin");
	svctest_idnum(11, w->id);
	svctest_idnum(12, other);
	assert_int_equal(svctest_submit(w->s, &w->admin, D(2025, 6, 2), &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"" NAME "\","
	    "\"phone\":\"13800000000\"},\"housing\":{\"tenure\":\"rent\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"lease_filing_certificate\"]}", w->id),
	    VERDICT_ACCEPT);
	snprintf(w->reg_receipt, sizeof w->reg_receipt, "%s", r.receipt_no);
	assert_int_equal(svctest_submit(w->s, &w->admin, D(2025, 12, 10), &r,
	    "{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"" NAME "\"},"
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", w->id), VERDICT_ACCEPT);
	snprintf(w->permit_receipt, sizeof w->permit_receipt, "%s", r.receipt_no);
	assert_int_equal(svctest_submit(w->s, &w->admin, DAY, &r,
	    "{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"" NAME "\"},"
	    "\"personal_reason\":true,\"fee_receipt_no\":\"NO.0000702\","
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}", w->id), VERDICT_ACCEPT);
	snprintf(w->replace_receipt, sizeof w->replace_receipt, "%s", r.receipt_no);
	assert_int_equal(svctest_submit(w->s, &w->admin, DAY, &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"司马光\"},"
	    "\"housing\":{\"tenure\":\"own\",\"use\":\"office\"},"
	    "\"documents\":[\"id_card\",\"registration_form\",\"property_certificate\"]}", other),
	    VERDICT_REFUSE);
	snprintf(w->refused_app, sizeof w->refused_app, "%s", r.application_id);
	assert_int_equal(svctest_submit(w->s, &w->admin, DAY, &r,
	    "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"司马光\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\"]}",
	    other), VERDICT_INCOMPLETE);
	snprintf(w->incomplete_app, sizeof w->incomplete_app, "%s", r.application_id);
}

/* The receipt of a business, as a PDF at dir/name. */
static void
paper_receipt_pdf(struct paper_world *w, const char *receipt_no, enum rules_lang lang,
                  const char *name, char *path, size_t size)
{
	struct service_paper_facts f;
	struct paper               p;
	char                       err[512];

	assert_int_equal(service_paper_receipt_facts(w->s, &w->admin, receipt_no, DAY, &f), SERVICE_OK);
	service_paper_receipt(&f, lang, &p);
	assert_false(p.oom);
	snprintf(path, size, "%s/%s", svctest_dir, name);
	if (paper_write_pdf(&p, path, err, sizeof err) != 0)
		fail_msg("pdf: %s", err);
	paper_free(&p);
}

static void
test_receipt_pdf(void **state)
{
	struct paper_world w;
	char               path[700], text[16384], qr[256], masked[19];

	(void)state;
	paper_world(&w);
	idnum_mask(w.id, masked);

	/* The registration: its own title, not a permit's. */
	paper_receipt_pdf(&w, w.reg_receipt, LANG_ZH, "reg.pdf", path, sizeof path);
	paper_mode_0600(path);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "居住登记回执"));
	assert_null(strstr(text, "居住证受理回执"));
	assert_non_null(strstr(text, NAME));
	assert_non_null(strstr(text, w.reg_receipt));
	assert_non_null(strstr(text, masked));
	assert_null(strstr(text, w.id));             /* never the whole number */
	assert_non_null(strstr(text, "2026-06-01")); /* REG-2: a year less a day */
	paper_qr_of(path, qr, sizeof qr);
	assert_string_equal(qr, w.reg_receipt);

	/* The permit: ready date and where to pick it up. */
	paper_receipt_pdf(&w, w.permit_receipt, LANG_ZH, "permit.pdf", path, sizeof path);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "上海市居住证受理回执"));
	assert_non_null(strstr(text, w.permit_receipt));
	assert_non_null(strstr(text, "制证完成"));
	assert_non_null(strstr(text, "虹桥街道社区事务受理服务中心"));
	paper_qr_of(path, qr, sizeof qr);
	assert_string_equal(qr, w.permit_receipt);

	/* The replacement in English, with its fee and receipt-book number. */
	paper_receipt_pdf(&w, w.replace_receipt, LANG_EN, "replace.pdf", path, sizeof path);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "Residence permit replacement receipt"));
	assert_non_null(strstr(text, NAME));
	assert_non_null(strstr(text, w.replace_receipt));
	assert_non_null(strstr(text, "NO.0000702"));
	assert_non_null(strstr(text, "20 yuan"));
	paper_qr_of(path, qr, sizeof qr);
	assert_string_equal(qr, w.replace_receipt);
	service_close(w.s);
}

/* The text form the terminal shows is the same paper; the agent of the
 * case in hand is on it, masked. */
static void
test_receipt_text_agent(void **state)
{
	struct paper_world         w;
	struct service_paper_facts f;
	struct jzz_case            c;
	struct paper               p;
	char                      *text, agent[19], line[200], masked[19];

	(void)state;
	paper_world(&w);
	svctest_idnum(40, agent);
	svctest_case(&c, DAY, "{\"business\":\"registration\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"" NAME "\"},\"agent\":{\"kind\":\"relative\",\"relation\":\"father\","
	    "\"id_number\":\"%s\"},\"housing\":{\"tenure\":\"rent\"}}", w.id, agent);
	assert_int_equal(service_paper_receipt_facts(w.s, &w.admin, w.reg_receipt, DAY, &f), SERVICE_OK);
	service_paper_facts_agent(&f, &c);
	service_paper_receipt(&f, LANG_ZH, &p);
	text = paper_text(&p);
	assert_non_null(text);
	snprintf(line, sizeof line, "回执号：%s\n", w.reg_receipt);
	assert_non_null(strstr(text, line));
	assert_non_null(strstr(text, "姓名：" NAME "\n"));
	idnum_mask(agent, masked);
	snprintf(line, sizeof line, "代理人：%s %s\n", case_agent_kind_vocab[AGENT_RELATIVE].zh, masked);
	assert_non_null(strstr(text, line));
	assert_null(strstr(text, agent));
	assert_null(strstr(text, "培训模式"));       /* a production database */
	free(text);
	paper_free(&p);
	service_close(w.s);
}

static void
test_notice_pdf(void **state)
{
	struct paper_world         w;
	struct service_paper_facts f;
	struct paper               p;
	char                       path[700], text[16384], err[512];

	(void)state;
	paper_world(&w);
	/* The refusal: HOUSE-4 with its message and citation. */
	assert_int_equal(service_paper_application_facts(w.s, &w.admin, w.refused_app, DAY, &f),
	    SERVICE_OK);
	assert_int_equal(f.decision.verdict, VERDICT_REFUSE);
	service_paper_notice(&f, LANG_ZH, &p);
	snprintf(path, sizeof path, "%s/refused.pdf", svctest_dir);
	if (paper_write_pdf(&p, path, err, sizeof err) != 0)
		fail_msg("pdf: %s", err);
	paper_free(&p);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "一次性告知书"));
	assert_non_null(strstr(text, "司马光"));
	assert_non_null(strstr(text, "不予受理"));
	assert_non_null(strstr(text, "HOUSE-4"));
	assert_non_null(strstr(text, "房屋用途非居住"));
	assert_non_null(strstr(text, "依据"));
	assert_non_null(strstr(text, w.refused_app));
	{
		/* beside the UUID, the short number to read aloud: its first
		 * eight hex digits, upper case, 4-4 */
		char want[16];
		int  n = 0;

		for (const char *q = w.refused_app; *q != '\0' && n < 9; q++) {
			if (!isxdigit((unsigned char)*q))
				continue;
			if (n == 4)
				want[n++] = '-';
			want[n++] = (char)toupper((unsigned char)*q);
		}
		want[n] = '\0';
		assert_int_equal(n, 9);
		assert_non_null(strstr(text, want));
	}

	/* The incomplete one: the missing document by name. */
	assert_int_equal(service_paper_application_facts(w.s, &w.admin, w.incomplete_app, DAY, &f),
	    SERVICE_OK);
	assert_int_equal(f.decision.verdict, VERDICT_INCOMPLETE);
	service_paper_notice(&f, LANG_ZH, &p);
	snprintf(path, sizeof path, "%s/incomplete.pdf", svctest_dir);
	if (paper_write_pdf(&p, path, err, sizeof err) != 0)
		fail_msg("pdf: %s", err);
	paper_free(&p);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "一次性告知书"));
	assert_non_null(strstr(text, "HOUSE-1"));
	assert_non_null(strstr(text, case_doc_vocab[DOC_LEASE_FILING_CERTIFICATE].zh));
	assert_non_null(strstr(text, "材料不齐"));
	service_close(w.s);
}

static void
test_daily_sheet(void **state)
{
	struct paper_world    w;
	struct service_report rep;
	struct paper          p;
	char                  path[700], text[16384], err[512];

	(void)state;
	paper_world(&w);
	assert_int_equal(service_report(w.s, &w.admin, NULL, DAY, DAY, &rep), SERVICE_OK);
	service_paper_daily(w.s, &rep, LANG_ZH, &p);
	service_report_free(&rep);
	snprintf(path, sizeof path, "%s/daily.pdf", svctest_dir);
	if (paper_write_pdf(&p, path, err, sizeof err) != 0)
		fail_msg("pdf: %s", err);
	paper_free(&p);
	paper_pdftext(path, text, sizeof text);
	assert_non_null(strstr(text, "受理业务日报"));
	assert_non_null(strstr(text, "虹桥街道"));
	assert_non_null(strstr(text, "2026-03-02"));
	assert_non_null(strstr(text, "NO.0000702"));
	assert_non_null(strstr(text, w.replace_receipt));
	assert_non_null(strstr(text, "主管签名"));
	assert_non_null(strstr(text, "不予受理"));
	service_close(w.s);
}

/* Files are new and private: an existing file or a planted symlink is
 * never written through; a second save takes the next name. */
static void
test_files_private(void **state)
{
	struct paper p;
	char         path[700], target[700], pdf1[1200], pdf2[1200], err[512], txt[1300];
	struct stat  sb;
	FILE        *f;
	char         got[64] = "";

	(void)state;
	paper_init(&p, LANG_ZH);
	paper_set_title(&p, "测试纸", NULL);
	paper_set_name(&p, "same");
	paper_field(&p, "姓名", NAME);

	snprintf(path, sizeof path, "%s/exists.pdf", svctest_dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("keep me", f);
	fclose(f);
	assert_int_equal(paper_write_pdf(&p, path, err, sizeof err), -1);
	assert_non_null(strstr(err, "exists"));
	f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(got, sizeof got, f));
	fclose(f);
	assert_string_equal(got, "keep me");

	snprintf(target, sizeof target, "%s/victim", svctest_dir);
	snprintf(path, sizeof path, "%s/link.pdf", svctest_dir);
	assert_int_equal(symlink(target, path), 0);
	assert_int_equal(paper_write_text(&p, path, err, sizeof err), -1);
	assert_int_equal(lstat(target, &sb), -1);    /* nothing made through the link */
	assert_int_equal(errno, ENOENT);

	snprintf(path, sizeof path, "%s/papers", svctest_dir);
	assert_int_equal(paper_save(&p, path, pdf1, sizeof pdf1, err, sizeof err), 0);
	assert_int_equal(paper_save(&p, path, pdf2, sizeof pdf2, err, sizeof err), 0);
	snprintf(txt, sizeof txt, "%s/papers/same.pdf", svctest_dir);
	assert_string_equal(pdf1, txt);
	snprintf(txt, sizeof txt, "%s/papers/same-2.pdf", svctest_dir);
	assert_string_equal(pdf2, txt);
	paper_mode_0600(pdf1);
	paper_mode_0600(pdf2);
	snprintf(txt, sizeof txt, "%s/papers/same.txt", svctest_dir);
	paper_mode_0600(txt);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	paper_free(&p);
}

static void
test_roles_audit(void **state)
{
	struct paper_world         w;
	struct service_actor       trainer, clerk;
	struct service_paper_facts f;
	long long                  before;

	(void)state;
	paper_world(&w);
	svctest_user(w.s, &w.admin, "t1", SERVICE_ROLE_TRAINER, NULL, "Test-Pass-2026x");
	svctest_user(w.s, &w.admin, "c1", SERVICE_ROLE_CLERK, NULL, "Test-Pass-2026x");
	trainer = svctest_actor(w.s, "t1");
	clerk = svctest_actor(w.s, "c1");
	assert_int_equal(service_paper_receipt_facts(w.s, &trainer, w.reg_receipt, DAY, &f),
	    SERVICE_ERR_DENIED);
	assert_int_equal(service_paper_receipt_facts(w.s, &clerk, "310105009-20990101-0001", DAY, &f),
	    SERVICE_ERR_NOT_FOUND);
	/* a refused application has no receipt number */
	assert_int_equal(service_paper_receipt_facts(w.s, &clerk, w.refused_app, DAY, &f),
	    SERVICE_ERR_NOT_FOUND);
	before = svctest_count("SELECT count(*) FROM audit_log WHERE action = 'receipt_read'");
	assert_int_equal(service_paper_receipt_facts(w.s, &clerk, w.reg_receipt, DAY, &f), SERVICE_OK);
	assert_string_equal(f.receipt_no, w.reg_receipt);
	assert_string_equal(f.name, NAME);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'receipt_read'"
	    " AND user_name = 'c1' AND subject = '%s'", w.reg_receipt), 1);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'receipt_read'"),
	    before + 1);
	assert_int_equal(service_paper_application_facts(w.s, &clerk, w.refused_app, DAY, &f),
	    SERVICE_OK);
	assert_int_equal(svctest_count("SELECT count(*) FROM audit_log WHERE action = 'notice_read'"
	    " AND subject = '%s'", w.refused_app), 1);
	service_close(w.s);
}

/* ---- a real CUPS queue ---- */

static bool
paper_exec_ok(const char *path)
{
	return access(path, X_OK) == 0;
}

/* Writes a file of the private cupsd's configuration. */
static void
paper_conf(const char *dir, const char *name, const char *text)
{
	char  path[700];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* The newest file of $HOME/PDF (where cups-pdf writes a job of this user)
 * whose name holds `tag`. */
static bool
paper_cups_output(const char *tag, char *out, size_t size)
{
	const char    *home = getenv("HOME");
	char           dir[600];
	DIR           *d;
	struct dirent *e;
	bool           found = false;

	snprintf(dir, sizeof dir, "%s/PDF", home != NULL ? home : "/root");
	if ((d = opendir(dir)) == NULL)
		return false;
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, tag) != NULL && strstr(e->d_name, ".pdf") != NULL) {
			snprintf(out, size, "%s/%s", dir, e->d_name);
			found = true;
		}
	closedir(d);
	return found;
}

static void
test_cups_print(void **state)
{
	struct paper_world w;
	char               dir[600], conf[1400], files[1400], sock[700], path[700], out[1400];
	char               qr[256], tag[64], env[800];
	pid_t              cupsd;
	int                n;

	(void)state;
	if (!paper_exec_ok("/usr/sbin/cupsd") || !paper_exec_ok("/usr/sbin/lpadmin") ||
	    access("/usr/lib/cups/backend/cups-pdf", F_OK) != 0 ||
	    access("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd", R_OK) != 0) {
		fprintf(stderr, "SKIP test_cups_print: CUPS with cups-pdf is not installed"
		    " (apt-get install cups printer-driver-cups-pdf)\n");
		skip();
	}
	if (geteuid() != 0) {
		fprintf(stderr, "SKIP test_cups_print: cups-pdf's backend runs only under a root cupsd\n");
		skip();
	}
	paper_world(&w);
	assert_int_equal(chmod(svctest_dir, 0711), 0);   /* the filters (user lp) pass through */
	snprintf(dir, sizeof dir, "%s/cups", svctest_dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	snprintf(path, sizeof path, "%s/tmp", dir);
	assert_int_equal(mkdir(path, 01777), 0);
	assert_int_equal(chmod(path, 01777), 0);   /* the filters run as lp */
	snprintf(sock, sizeof sock, "%s/cups.sock", dir);
	n = snprintf(conf, sizeof conf, "Listen %s\nLogLevel warn\nWebInterface No\nBrowsing No\n"
	    "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
	    "<Location /admin>\n  Order allow,deny\n  Allow all\n</Location>\n", sock);
	assert_true(n > 0 && (size_t)n < sizeof conf);
	paper_conf(dir, "cupsd.conf", conf);
	n = snprintf(files, sizeof files, "ServerRoot %s\nRequestRoot %s\nCacheDir %s\nStateDir %s\n"
	    "TempDir %s/tmp\nErrorLog %s/error_log\nAccessLog %s/access_log\nPageLog %s/page_log\n"
	    "SystemGroup root\n", dir, dir, dir, dir, dir, dir, dir, dir);
	assert_true(n > 0 && (size_t)n < sizeof files);
	paper_conf(dir, "cups-files.conf", files);
	cupsd = fork();
	assert_true(cupsd >= 0);
	if (cupsd == 0) {
		char c[700], s2[700];

		snprintf(c, sizeof c, "%s/cupsd.conf", dir);
		snprintf(s2, sizeof s2, "%s/cups-files.conf", dir);
		execl("/usr/sbin/cupsd", "cupsd", "-f", "-c", c, "-s", s2, (char *)NULL);
		_exit(127);
	}
	snprintf(env, sizeof env, "%s", sock);
	setenv("CUPS_SERVER", env, 1);
	/* lpadmin waits for the scheduler's socket by retrying. */
	for (n = 0; n < 100 && paper_run(NULL, 0, "lpstat -r 2>/dev/null | grep -q 'is running'") != 0; n++)
		usleep(100 * 1000);
	assert_int_equal(paper_run(NULL, 0, "lpadmin -p jzzpdf -E -v cups-pdf:/ -P "
	    "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null"), 0);

	/* The receipt, saved under a name of its own, printed through lp. */
	snprintf(tag, sizeof tag, "jzzcups%ld", (long)getpid());
	{
		struct service_paper_facts f;
		struct paper               p;
		char                       err[512];

		assert_int_equal(service_paper_receipt_facts(w.s, &w.admin, w.permit_receipt, DAY, &f),
		    SERVICE_OK);
		service_paper_receipt(&f, LANG_ZH, &p);
		snprintf(path, sizeof path, "%s/%s.pdf", svctest_dir, tag);
		assert_int_equal(paper_write_pdf(&p, path, err, sizeof err), 0);
		paper_free(&p);
	}
	assert_int_equal(paper_print("jzzpdf", path), 0);
	/* Wait for the job to leave the queue and cups-pdf's file to be there. */
	for (n = 0; n < 600; n++) {
		if (paper_cups_output(tag, out, sizeof out) &&
		    paper_run(NULL, 0, "test -z \"$(lpstat -o jzzpdf 2>/dev/null)\"") == 0)
			break;
		usleep(100 * 1000);
	}
	kill(cupsd, SIGTERM);
	waitpid(cupsd, NULL, 0);
	unsetenv("CUPS_SERVER");
	if (!paper_cups_output(tag, out, sizeof out))
		fail_msg("cups-pdf wrote no file for %s (see %s/error_log)", tag, dir);
	/* What came out of the printer carries the receipt number. */
	for (n = 0; n < 50; n++) {   /* cups-pdf may still be writing it */
		paper_qr_of(out, qr, sizeof qr);
		if (strcmp(qr, w.permit_receipt) == 0)
			break;
		usleep(100 * 1000);
	}
	assert_string_equal(qr, w.permit_receipt);
	unlink(out);
	strncat(out, ".page.png", sizeof out - strlen(out) - 1);
	unlink(out);
	service_close(w.s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_receipt_pdf, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_receipt_text_agent, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_notice_pdf, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_daily_sheet, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_files_private, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_roles_audit, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_cups_print, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
