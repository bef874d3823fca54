/*
 * test_report_formats.c: the report's files through the real `jzz report`:
 * the workbook (--format xlsx) of the scripted day (report_day.h) and of a
 * range, read back with openpyxl (report_xlsx_check.py) and checked against
 * --format json of the same report; names that look like formulas arrive
 * as text; the file is private, replaces a symbolic link rather than
 * following it, and a failed write leaves nothing; the CSV is the same
 * table without --labels and one column more with it; the text report's
 * columns, words and centre names.
 */
#include <sys/stat.h>

#include "clitest.h"
#include "report_day.h"

/* The commands run in the test's folder, where pw holds the accounts'
 * password (report_day.h). */
static void
report_pw(void)
{
	FILE *f;

	assert_int_equal(chdir(svctest_dir), 0);
	f = fopen("pw", "w");
	assert_non_null(f);
	fputs(REPORT_DAY_PW "\n", f);
	fclose(f);
}

/* Names typed at the counter that a spreadsheet would take for formulas. */
static const char *const formula_names[] = { "=1+2", "@SUM(A1)", "+CMD", "-2+3" };

static void
person_json(char *buf, size_t size, const char *business, const char *id, const char *name,
            const char *extra)
{
	snprintf(buf, size, "{\"business\":\"%s\",\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\""
	    "%s}%s}", business, id, name, strcmp(name, "孙七") == 0 ? "" : ",\"phone\":\"13900000000\"",
	    extra);
}

/* The scripted day, and more on it: persons with formula-like names, two
 * with a card waiting past its notice (PERMIT-3), two paying a replacement
 * fee; a permit long past its validity (PERMIT-9, late), two in their
 * endorsement window (ENDO-2), one of them without a phone, which the
 * auto-endorsement batch cannot endorse (ENDO-5): every list has a row. */
static void
make_day(void)
{
	struct service       *s = svctest_new();
	struct service_actor  admin, c1;
	struct service_result r;
	struct service_batch_result b;
	char                  id[19], c[2048];
	static const char     reg[] = ",\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\","
		"\"registration_form\",\"lease_filing_certificate\"]";
	static const char     permit[] = ",\"documents\":[\"id_card\",\"permit_application_form\"]";

	report_day(s);
	admin = svctest_actor(s, NULL);
	c1 = svctest_actor(s, "clerk1");
	for (int i = 0; i < 4; i++) {
		svctest_idnum(201 + i, id);
		person_json(c, sizeof c, "registration", id, formula_names[i], reg);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 6, 2), &r, "%s", c), VERDICT_ACCEPT);
		person_json(c, sizeof c, "permit_new", id, formula_names[i], permit);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 12, 10), &r, "%s", c),
		    VERDICT_ACCEPT);
		if (i < 2) {
			assert_int_equal(service_card_received(s, &admin, id, r.decision.ready_on, NULL),
			    SERVICE_OK);
			continue;
		}
		person_json(c, sizeof c, "permit_replace", id, formula_names[i],
		    i == 2 ? ",\"personal_reason\":true,\"fee_receipt_no\":\"NO.0000703\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]" :
		    ",\"personal_reason\":true,\"fee_receipt_no\":\"NO.0000704\","
		    "\"documents\":[\"id_card\",\"permit_application_form\"]");
		assert_int_equal(svctest_submit(s, &c1, REPORT_DAY, &r, "%s", c), VERDICT_ACCEPT);
	}
	/* suspended: valid until the end of 2025 or so */
	svctest_idnum(301, id);
	person_json(c, sizeof c, "registration", id, "王五", reg);
	assert_int_equal(svctest_submit(s, &admin, D(2024, 6, 3), &r, "%s", c), VERDICT_ACCEPT);
	person_json(c, sizeof c, "permit_new", id, "王五", permit);
	assert_int_equal(svctest_submit(s, &admin, D(2024, 12, 9), &r, "%s", c), VERDICT_ACCEPT);
	/* in the window: valid until some days after the report's day */
	for (int i = 0; i < 2; i++) {
		const char *name = i == 0 ? "赵六" : "孙七";

		svctest_idnum(302 + i, id);
		person_json(c, sizeof c, "registration", id, name, reg);
		assert_int_equal(svctest_submit(s, &admin, D(2024, 12, 2), &r, "%s", c), VERDICT_ACCEPT);
		person_json(c, sizeof c, "permit_new", id, name, permit);
		assert_int_equal(svctest_submit(s, &admin, D(2025, 6, 23), &r, "%s", c), VERDICT_ACCEPT);
	}
	/* a week before the day: 孙七 has no phone, not endorsed */
	assert_int_equal(service_batch_auto_endorse(s, &admin, REPORT_DAY - 7, &b), SERVICE_OK);
	assert_int_equal(b.not_endorsed, 1);
	service_close(s);
}

/* Writes the JSON and the workbook of one report and has them compared;
 * texts: cells that must be found as text (quoted for the shell). */
static void
check_workbook_texts(const char *name, const char *lang, const char *args, const char *texts)
{
	char        out[1 << 12];
	struct stat st;

	assert_int_equal(run(NULL, 0, "%s --db %s --lang %s --user super1 --password-file pw report %s --format json"
	    " > %s/%s.json", J, svctest_db, lang, args, svctest_dir, name), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --lang %s --user super1 --password-file pw report %s --format xlsx"
	    " --output %s/%s.xlsx", J, svctest_db, lang, args, svctest_dir, name), 0);
	snprintf(out, sizeof out, "%s/%s.xlsx", svctest_dir, name);
	assert_int_equal(stat(out, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	if (run(out, sizeof out, "%s %s %s/%s.xlsx %s/%s.json %s %s 2>&1", JZZ_PYTHON3,
	    JZZ_XLSX_CHECK, svctest_dir, name, svctest_dir, name, lang, texts) != 0)
		fail_msg("%s.xlsx: %s", name, out);
}

/* The same, on the scripted day's database (make_day): its names that look
 * like formulas must arrive as text. */
static void
check_workbook(const char *name, const char *lang, const char *args)
{
	char texts[256] = "";

	for (size_t i = 0; i < sizeof formula_names / sizeof formula_names[0]; i++)
		snprintf(texts + strlen(texts), sizeof texts - strlen(texts), " '%s'",
		    formula_names[i]);
	check_workbook_texts(name, lang, args, texts);
}

static void
test_workbook_day(void **state)
{
	char out[1 << 16];

	(void)state;
	report_pw();
	make_day();
	check_workbook("day", "zh", "daily --date 2026-07-06");
	/* the standing lists and the fees have rows: the check saw them; the
	 * suspensions and the batch's refusals are those of the period (none
	 * on the day: 王五's permit lapsed in 2025, the batch ran a week
	 * before), and have rows over the months before */
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --date 2026-07-06"
	    " --format json", J, svctest_db), 0);
	assert_non_null(strstr(out, "\"pickup_notices_overdue\":[{"));
	assert_non_null(strstr(out, "\"endorsement_window\":[{"));
	assert_non_null(strstr(out, "\"suspended\":[]"));
	assert_non_null(strstr(out, "\"auto_endorsement_failed\":[]"));
	assert_non_null(strstr(out, "\"name\":\"+CMD\""));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report range --from 2025-06-01"
	    " --to 2026-07-06 --format json", J, svctest_db), 0);
	assert_non_null(strstr(out, "\"suspended\":[{"));
	assert_non_null(strstr(out, "\"auto_endorsement_failed\":[{"));
}

static void
test_workbook_range(void **state)
{
	(void)state;
	report_pw();
	make_day();
	check_workbook("range", "en", "range --from 2025-06-01 --to 2026-07-06 --centre all");
	check_workbook("range-zh", "zh", "range --from 2026-01-01 --to 2026-07-06");
}

/* Bad input: a clear error, exit 2, no file; a write that cannot be done:
 * exit 1 and nothing half-made. */
static void
test_workbook_refusals(void **state)
{
	char        out[4096], path[600];
	struct stat st;

	(void)state;
	report_pw();
	make_day();
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --format xlsx"
	    " 2>&1", J, svctest_db), 2);
	assert_non_null(strstr(out, "--output"));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --format csv"
	    " --labels fr 2>&1", J, svctest_db), 2);
	assert_non_null(strstr(out, "--labels"));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --format json"
	    " --labels zh 2>&1", J, svctest_db), 2);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --format xlsx"
	    " --output %s/no/such/folder/r.xlsx 2>&1", J, svctest_db, svctest_dir), 1);
	assert_non_null(strstr(out, "r.xlsx"));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily --format xlsx"
	    " --output %s 2>&1", J, svctest_db, svctest_dir), 1);
	assert_non_null(strstr(out, "folder"));
	/* a clerk may not: nothing written */
	assert_int_equal(run(NULL, 0, "%s --db %s --user clerk1 --password-file pw report daily --format xlsx"
	    " --output %s/clerk.xlsx 2>/dev/null", J, svctest_db, svctest_dir), 1);
	snprintf(path, sizeof path, "%s/clerk.xlsx", svctest_dir);
	assert_int_not_equal(stat(path, &st), 0);
	/* nothing left behind beside the files tried */
	assert_int_equal(run(out, sizeof out, "ls -A %s | grep -c '^\\.' || true", svctest_dir), 0);
	assert_string_equal(out, "0\n");
}

/* A symbolic link at the target is replaced, not followed; an old file is
 * replaced whole. */
static void
test_workbook_symlink(void **state)
{
	char        out[4096], link[600], victim[600];
	struct stat st;
	FILE       *f;

	(void)state;
	report_pw();
	make_day();
	snprintf(victim, sizeof victim, "%s/victim.txt", svctest_dir);
	snprintf(link, sizeof link, "%s/link.xlsx", svctest_dir);
	f = fopen(victim, "w");
	assert_non_null(f);
	fputs("keep me\n", f);
	fclose(f);
	assert_int_equal(symlink(victim, link), 0);
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw report daily --date 2026-07-06"
	    " --format xlsx --output %s", J, svctest_db, link), 0);
	assert_int_equal(lstat(link, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(run(out, sizeof out, "cat %s", victim), 0);
	assert_string_equal(out, "keep me\n");
	/* written again over itself: still a whole workbook */
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw report daily --date 2026-07-06"
	    " --format xlsx --output %s", J, svctest_db, link), 0);
	assert_int_equal(run(out, sizeof out, JZZ_PYTHON3 " -c \"import openpyxl,sys;"
	    "print(len(openpyxl.load_workbook(sys.argv[1]).sheetnames))\" %s", link), 0);
	assert_string_equal(out, "10\n");
	/* the private folder of each write is gone */
	assert_int_equal(run(out, sizeof out, "ls -A %s | grep -c '^\\.' || true", svctest_dir), 0);
	assert_string_equal(out, "0\n");
}

/* Cuts the last field of a CSV line (RFC 4180: commas inside quotes do not
 * count); returns where it began. */
static char *
csv_last_field(char *line)
{
	char *last = NULL;
	bool  quoted = false;

	for (char *p = line; *p != '\0'; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (*p == ',' && !quoted)
			last = p;
	}
	assert_non_null(last);
	*last = '\0';
	return last + 1;
}

static void
test_csv_labels(void **state)
{
	static char plain[1 << 16], zh[1 << 16], en[1 << 16], saved[1 << 16];
	char        want[600], *pl, *zl, *save_p, *save_z;
	int         nlines = 0, found_zh = 0;
	struct stat st;

	(void)state;
	report_pw();
	make_day();
	assert_int_equal(run(plain, sizeof plain, "%s --db %s --user super1 --password-file pw report daily --date"
	    " 2026-07-06 --format csv", J, svctest_db), 0);
	assert_int_equal(run(zh, sizeof zh, "%s --db %s --user super1 --password-file pw report daily --date"
	    " 2026-07-06 --format csv --labels zh", J, svctest_db), 0);
	assert_int_equal(run(en, sizeof en, "%s --db %s --user super1 --password-file pw report daily --date"
	    " 2026-07-06 --format csv --labels en", J, svctest_db), 0);
	/* without --labels: the sixteen columns every version wrote */
	{
		static const char head[] = "section,centre,day,key,business,decision,count,amount_yuan,"
			"receipt_no,fee_receipt_no,id_number,name,phone,date,days,detail\r\n";

		assert_memory_equal(plain, head, sizeof head - 1);
	}
	assert_null(strstr(plain, "label"));
	/* --output writes the same bytes, privately */
	assert_int_equal(run(NULL, 0, "%s --db %s --user super1 --password-file pw report daily --date 2026-07-06"
	    " --format csv --output %s/r.csv", J, svctest_db, svctest_dir), 0);
	assert_int_equal(run(saved, sizeof saved, "cat %s/r.csv", svctest_dir), 0);
	assert_string_equal(saved, plain);
	snprintf(want, sizeof want, "%s/r.csv", svctest_dir);
	assert_int_equal(stat(want, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* with --labels: each line is the plain one and one field more */
	for (pl = strtok_r(plain, "\n", &save_p), zl = strtok_r(zh, "\n", &save_z);
	     pl != NULL && zl != NULL;
	     pl = strtok_r(NULL, "\n", &save_p), zl = strtok_r(NULL, "\n", &save_z), nlines++) {
		char *label = csv_last_field(zl);

		pl[strcspn(pl, "\r")] = '\0';
		if (nlines == 0)
			assert_string_equal(label, "label\r");
		assert_string_equal(zl, pl);
		if (strncmp(zl, "by_business,310105009,,,permit_new,accept,", 42) == 0) {
			snprintf(want, sizeof want, "%s · %s\r", case_business_vocab[BIZ_PERMIT_NEW].zh,
			    rules_verdict_vocab[VERDICT_ACCEPT].zh);
			assert_string_equal(label, want);
			found_zh++;
		}
		if (strncmp(zl, "fees,", 5) == 0) {
			assert_non_null(strstr(label, case_fee_kind_vocab[FEE_CARD].zh));
			found_zh++;
		}
		if (strncmp(zl, "suspended,", 10) == 0) {
			assert_non_null(strstr(label, case_reason_vocab[REASON_LATE].zh));
			found_zh++;
		}
	}
	assert_null(pl);
	assert_null(zl);
	assert_true(nlines > 20);
	assert_true(found_zh >= 4);
	/* English names, from the same tables */
	snprintf(want, sizeof want, ",%s\r\n", rules_catalogue[R_REG_3].title_en);
	assert_non_null(strstr(en, "rules,310105009,,REG-3,,fail,1,"));
	snprintf(want, sizeof want, "%s · %s", rules_catalogue[R_REG_3].title_en,
	    rules_outcome_vocab[OUT_FAIL].en);
	assert_non_null(strstr(en, want));
	snprintf(want, sizeof want, ",%s\r\n", case_doc_vocab[DOC_PERMIT_APPLICATION_FORM].en);
	assert_non_null(strstr(en, want));
}

/* The lines of `text` from the one that starts with `head` to the next
 * empty one, each with its display width and the display column where
 * `mark` starts in it (-1 when absent). */
static size_t
text_section(const char *text, const char *head, const char *mark, size_t *width, long *col,
             size_t max)
{
	const char *p = strstr(text, head);
	size_t      n = 0;

	assert_non_null(p);
	p = strchr(p, '\n');
	while (p != NULL && p[1] != '\n' && p[1] != '\0' && n < max) {
		char        line[1024];
		const char *e = strchr(p + 1, '\n'), *m;
		size_t      len = e != NULL ? (size_t)(e - p - 1) : strlen(p + 1);

		snprintf(line, sizeof line, "%.*s", (int)len, p + 1);
		width[n] = text_cols(line);
		m = mark != NULL ? strstr(line, mark) : NULL;
		if (m != NULL)
			line[m - line] = '\0';
		col[n] = m != NULL ? (long)text_cols(line) : -1;
		n++;
		p = e;
	}
	return n;
}

/* The text report as a person reads it, on the demo's database: its
 * columns line up in display columns though names and businesses are
 * Chinese; reasons are words (both languages), never codes; centres are
 * named beside or in place of their codes. */
static void
test_text_report(void **state)
{
	static char out[1 << 17];
	size_t      width[64], n;
	long        col[64];

	(void)state;
	assert_int_equal(run(NULL, 0, "%s --db %s --today 2026-11-27 training init >/dev/null", J,
	    svctest_db), 0);
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --today 2026-11-27 report range"
	    " --from 2026-09-01 --to 2026-11-27 --format text 2>/dev/null", J, svctest_db), 0);
	assert_non_null(strstr(out, "统计报表 虹桥街道 310105009"));
	/* by business: the figures' columns end where the header's do */
	n = text_section(out, "按业务", NULL, width, col, 64);
	assert_true(n >= 8);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(width[i], width[0]);
	/* the lists of persons: the day's label in one column, Chinese names or not */
	n = text_section(out, "已中止 (PERMIT-9)", "有效期至", width, col, 64);
	assert_true(n >= 3);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(col[i], col[0]);
	n = text_section(out, "领证通知逾期 (PERMIT-3)", "应通知", width, col, 64);
	assert_true(n >= 2);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(col[i], col[0]);
	/* missing documents: the counts in one column */
	n = text_section(out, "缺少的材料", NULL, width, col, 64);
	assert_true(n >= 2);
	for (size_t i = 1; i < n; i++)
		assert_int_equal(width[i], width[0]);
	/* reasons in words, centres by name */
	assert_non_null(strstr(out, "无联系电话"));
	assert_non_null(strstr(out, "居住地址已变更"));
	assert_non_null(strstr(out, "逾期超过60日"));
	assert_null(strstr(out, "no_phone"));
	assert_null(strstr(out, "address_changed"));
	assert_null(strstr(out, ") late"));
	assert_non_null(strstr(out, "  虹桥街道 "));
	assert_non_null(strstr(out, "310105009 虹桥街道"));
	/* the district: every centre named */
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --today 2026-11-27 report daily"
	    " --date 2026-11-26 --centre all --format text 2>/dev/null", J, svctest_db), 0);
	assert_non_null(strstr(out, "全区"));
	assert_non_null(strstr(out, "310105008 仙霞新村街道"));
	assert_non_null(strstr(out, "310105010 程家桥街道"));
	/* English: the reasons' English words */
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --today 2026-11-27 --lang en"
	    " report range --from 2026-09-01 --to 2026-11-27 --format text 2>/dev/null", J,
	    svctest_db), 0);
	assert_non_null(strstr(out, "no phone number"));
	assert_non_null(strstr(out, "address changed"));
	assert_null(strstr(out, "no_phone"));
	/* the JSON keeps the codes (the contract) */
	assert_int_equal(run(out, sizeof out, "%s --db %s --training --today 2026-11-27 report range"
	    " --from 2026-09-01 --to 2026-11-27 2>/dev/null", J, svctest_db), 0);
	assert_non_null(strstr(out, "\"detail\":\"no_phone\""));
	assert_non_null(strstr(out, "\"centre\":\"310105009\""));
}

/* A person with a permit accepted on REPORT_DAY whose card arrived on `on`. */
static void
waiting_card(struct service *s, const struct service_actor *admin, int k, jzz_date on)
{
	struct service_result r;
	char                  id[19];

	svctest_idnum(300 + k, id);
	assert_int_equal(svctest_submit(s, admin, D(2026, 1, 5), &r, REG_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(svctest_submit(s, admin, REPORT_DAY, &r, PERMIT_CASE(id)), VERDICT_ACCEPT);
	assert_int_equal(service_card_received(s, admin, id, on == JZZ_DATE_NONE ?
	    r.decision.ready_on : on, NULL), SERVICE_OK);
}

/* How many times `what` occurs in s. */
static int
count_of(const char *s, const char *what)
{
	int n = 0;

	for (const char *p = s; (p = strstr(p, what)) != NULL; p += strlen(what))
		n++;
	return n;
}

/* A list longer than a page (the pickup notices overdue) in every format:
 * exactly a page is shown whole and says nothing more; one more and each
 * format shows the page and says it is 50 of 51: the JSON's count and
 * `_total`, a line of the text, a `total` row of the CSV, a line of the
 * workbook's sheet (report_xlsx_check.py). */
static void
test_long_list(void **state)
{
	struct service       *s = svctest_new();
	struct service_actor  admin;
	char                  out[1 << 17], want[128];
	const char           *day = "2026-08-06";   /* a month after: every notice late */

	(void)state;
	report_pw();
	report_day(s);
	admin = svctest_actor(s, NULL);
	for (int k = 0; k < SERVICE_REPORT_PAGE; k++)
		waiting_card(s, &admin, k, JZZ_DATE_NONE);
	service_close(s);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily"
	    " --date %s --format json", J, svctest_db, day), 0);
	snprintf(want, sizeof want, "\"overdue_pickup_notices\":%d,", SERVICE_REPORT_PAGE);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof want, "\"pickup_notices_overdue_total\":%d,", SERVICE_REPORT_PAGE);
	assert_non_null(strstr(out, want));
	assert_int_equal(count_of(out, "\"since\":"), SERVICE_REPORT_PAGE);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw --lang en"
	    " report daily --date %s --format text", J, svctest_db, day), 0);
	assert_null(strstr(out, "(the first"));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily"
	    " --date %s --format csv", J, svctest_db, day), 0);
	assert_null(strstr(out, ",total,"));
	assert_int_equal(count_of(out, "\r\npickup_notices_overdue,"), SERVICE_REPORT_PAGE);

	{
		char err[512];

		s = service_open(svctest_db, err, sizeof err);
		if (s == NULL)
			fail_msg("open: %s", err);
	}
	admin = svctest_actor(s, NULL);
	waiting_card(s, &admin, SERVICE_REPORT_PAGE, JZZ_DATE_NONE);
	service_close(s);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily"
	    " --date %s --format json", J, svctest_db, day), 0);
	snprintf(want, sizeof want, "\"overdue_pickup_notices\":%d,", SERVICE_REPORT_PAGE + 1);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof want, "\"pickup_notices_overdue_total\":%d,", SERVICE_REPORT_PAGE + 1);
	assert_non_null(strstr(out, want));
	assert_int_equal(count_of(out, "\"since\":"), SERVICE_REPORT_PAGE);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw --lang en"
	    " report daily --date %s --format text", J, svctest_db, day), 0);
	snprintf(want, sizeof want, "Pickup notices overdue (PERMIT-3): %d\n  (the first %d of %d;",
	    SERVICE_REPORT_PAGE + 1, SERVICE_REPORT_PAGE, SERVICE_REPORT_PAGE + 1);
	assert_non_null(strstr(out, want));
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report daily"
	    " --date %s --format csv", J, svctest_db, day), 0);
	snprintf(want, sizeof want, "\r\npickup_notices_overdue,,,total,,,%d,", SERVICE_REPORT_PAGE + 1);
	assert_non_null(strstr(out, want));
	assert_int_equal(count_of(out, "\r\npickup_notices_overdue,"), SERVICE_REPORT_PAGE + 1);
	{
		char args[64];

		snprintf(args, sizeof args, "daily --date %s", day);
		check_workbook_texts("long-zh", "zh", args, "");
		check_workbook_texts("long-en", "en", args, "");
	}
}

/* The rows of the JSON array `key` (each row has one "id_number"). */
static int
rows_of(const char *json, const char *key)
{
	char        head[64];
	const char *p, *end;
	int         n = 0;

	snprintf(head, sizeof head, "\"%s\":[", key);
	assert_non_null(p = strstr(json, head));
	assert_non_null(end = strchr(p, ']'));
	while ((p = strstr(p, "\"id_number\":")) != NULL && p < end) {
		n++;
		p++;
	}
	return n;
}

/* The period's report (the batch's first day to the day after the
 * permits' last) in every format: the suspended permits and the failed
 * auto-endorsements, exactly a page each, `all` of them, shown whole or
 * as the page and the count. */
static void
check_period_lists(const char *from, const char *to, int all)
{
	char out[1 << 18], want[160];
	bool part = all > SERVICE_REPORT_PAGE;
	int  shown = part ? SERVICE_REPORT_PAGE : all;

	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report range"
	    " --from %s --to %s --format json", J, svctest_db, from, to), 0);
	snprintf(want, sizeof want, "],\"suspended_total\":%d,\"auto_endorsement_failed\":[", all);
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof want, "],\"auto_endorsement_failed_total\":%d}", all);
	assert_non_null(strstr(out, want));
	assert_int_equal(rows_of(out, "suspended"), shown);
	assert_int_equal(rows_of(out, "auto_endorsement_failed"), shown);
	assert_int_equal(count_of(out, "\"detail\":\"no_phone\""), shown);
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw --lang en"
	    " report range --from %s --to %s --format text", J, svctest_db, from, to), 0);
	snprintf(want, sizeof want, "Suspended (PERMIT-9): %d\n%s", all, part ? "  (the first" : "  ");
	assert_non_null(strstr(out, want));
	snprintf(want, sizeof want, "Auto-endorsement failed (ENDO-5): %d\n%s", all,
	    part ? "  (the first" : "  ");
	assert_non_null(strstr(out, want));
	assert_int_equal(count_of(out, "(the first"), part ? 2 : 0);
	if (part) {
		snprintf(want, sizeof want, ": %d\n  (the first %d of %d;", all, SERVICE_REPORT_PAGE, all);
		assert_int_equal(count_of(out, want), 2);
	}
	assert_int_equal(run(out, sizeof out, "%s --db %s --user super1 --password-file pw report range"
	    " --from %s --to %s --format csv", J, svctest_db, from, to), 0);
	assert_int_equal(count_of(out, ",total,"), part ? 2 : 0);
	assert_int_equal(count_of(out, "\r\nsuspended,"), shown + part);
	assert_int_equal(count_of(out, "\r\nauto_endorsement_failed,"), shown + part);
	if (part) {
		snprintf(want, sizeof want, "\r\nsuspended,,,total,,,%d,", all);
		assert_non_null(strstr(out, want));
		snprintf(want, sizeof want, "\r\nauto_endorsement_failed,,,total,,,%d,", all);
		assert_non_null(strstr(out, want));
	}
	{
		char args[96], name[32];

		snprintf(args, sizeof args, "range --from %s --to %s", from, to);
		snprintf(name, sizeof name, "period-%d-zh", all);
		check_workbook_texts(name, "zh", args, "");
		snprintf(name, sizeof name, "period-%d-en", all);
		check_workbook_texts(name, "en", args, "");
	}
}

/* The lists of the period (PERMIT-9, ENDO-5) longer than a page, in every
 * format, as test_long_list: persons without a phone whose permits the
 * batch could not endorse and which then ran out (report_day.h), accepted
 * after the scripted day so that its own permits fall in no list. */
static void
test_long_period_lists(void **state)
{
	struct service             *s = svctest_new();
	struct service_actor        admin;
	struct service_batch_result b;
	char                        id[19], from[JZZ_DATE_STRLEN], to[JZZ_DATE_STRLEN];
	jzz_date                    vu = JZZ_DATE_NONE;

	(void)state;
	report_pw();
	report_day(s);
	admin = svctest_actor(s, NULL);
	for (int k = 0; k < SERVICE_REPORT_PAGE; k++)
		vu = report_day_unendorsable(s, &admin, 500 + k, D(2026, 9, 1), id);
	assert_int_equal(service_batch_auto_endorse(s, &admin, vu - 30, &b), SERVICE_OK);
	assert_int_equal(b.not_endorsed, SERVICE_REPORT_PAGE);
	service_close(s);
	date_format(vu - 30, from);
	date_format(vu + 1, to);
	check_period_lists(from, to, SERVICE_REPORT_PAGE);

	{
		char err[512];

		s = service_open(svctest_db, err, sizeof err);
		if (s == NULL)
			fail_msg("open: %s", err);
	}
	admin = svctest_actor(s, NULL);
	assert_int_equal(report_day_unendorsable(s, &admin, 500 + SERVICE_REPORT_PAGE, D(2026, 9, 1),
	    id), vu);
	assert_int_equal(service_batch_auto_endorse(s, &admin, vu - 29, &b), SERVICE_OK);
	assert_int_equal(b.not_endorsed, 1);
	service_close(s);
	check_period_lists(from, to, SERVICE_REPORT_PAGE + 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_workbook_day, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_workbook_range, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_workbook_refusals, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_workbook_symlink, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_csv_labels, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_text_report, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_long_list, svctest_setup, svctest_teardown),
		cmocka_unit_test_setup_teardown(test_long_period_lists, svctest_setup, svctest_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
