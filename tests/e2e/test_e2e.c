/*
 * test_e2e.c: end-to-end tests of the counter terminal: the real jzz in a
 * pseudo-terminal, typed at like a clerk, read back through libvterm.
 *
 * Each test is one ctest entry (the argument names it). The keystroke
 * economy of a standard registration and a standard endorsement is
 * measured here and printed as "KEYSTROKES ..." lines (docs/keystrokes.md).
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <ctype.h>

#include "e2e.h"

static void
e2e_start_flow(struct term *t, const char *key)
{
	e2e_key(t, key);
	e2e_wait(t, "[申请人]");
}

static void
e2e_back_home(struct term *t)
{
	e2e_key(t, K_ENTER);
	e2e_wait(t, "本中心待办");
}

/* The address on the housing page: `tabs` from the tenure to the street
 * (which items lie between depends on the tenure), the street by its
 * number (7: 虹桥街道), road, lane, number. */
static void
e2e_address(struct term *t, int tabs, const char *road, const char *lane, const char *number)
{
	for (int i = 0; i < tabs; i++)
		e2e_key(t, K_TAB);
	e2e_type(t, "7");
	e2e_wait(t, "< 7 虹桥街道 >");
	e2e_key(t, K_TAB);
	e2e_type(t, road);
	e2e_key(t, K_TAB);
	e2e_type(t, lane);
	e2e_key(t, K_TAB);
	e2e_type(t, number);
	e2e_wait(t, number);
}

/* Reads "YYYY-MM-DD" following `label` on the screen. */
static jzz_date
e2e_date_after(struct term *t, const char *label)
{
	char     s[32768], *p;
	jzz_date d = JZZ_DATE_NONE;

	e2e_screen(t, s, sizeof s);
	p = strstr(s, label);
	if (p == NULL || !date_parse(p + strlen(label), 10, &d))
		return JZZ_DATE_NONE;
	return d;
}

/* True when dir/sub holds a PDF whose name starts with prefix. */
static bool
e2e_pdf_saved(const char *dir, const char *sub, const char *prefix)
{
	char           path[700], head[6] = "";
	DIR           *d;
	struct dirent *e;
	bool           ok = false;

	snprintf(path, sizeof path, "%s/%s", dir, sub);
	if ((d = opendir(path)) == NULL)
		return false;
	while (!ok && (e = readdir(d)) != NULL) {
		FILE *f;
		size_t n = strlen(e->d_name);

		if (strncmp(e->d_name, prefix, strlen(prefix)) != 0 || n < 4 ||
		    strcmp(e->d_name + n - 4, ".pdf") != 0)
			continue;
		snprintf(path, sizeof path, "%s/%s/%s", dir, sub, e->d_name);
		if ((f = fopen(path, "r")) != NULL) {
			ok = fread(head, 1, 5, f) == 5 && memcmp(head, "%PDF-", 5) == 0;
			fclose(f);
		}
	}
	closedir(d);
	return ok;
}

/* A standard registration: a new person renting, three documents. */
static void
test_registration(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "培训模式");
	e2e_capture(&t, "home");
	e2e_id(id, "110105", 1990, 3, 7, "123");
	t.nav = t.data = 0;
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "新人员");
	e2e_type(&t, "张三");
	e2e_capture(&t, "flow-applicant");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "3");
	e2e_wait(&t, "本人租赁 >");
	e2e_address(&t, 3, "仙霞路", "99", "12");
	e2e_capture(&t, "flow-housing");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_wait(&t, "[缺材料] REG-1");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_wait(&t, "各项规则均通过");
	e2e_capture(&t, "flow-docs");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[核对]");
	e2e_wait(&t, "提交后结论：受理");
	e2e_wait(&t, "F10受理");
	e2e_capture(&t, "flow-review");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号：310105009-20261127-");
	e2e_wait(&t, "居住登记有效期至：2027-11-26");
	e2e_wait(&t, "居住地址：虹桥街道仙霞路99弄12号");
	e2e_wait(&t, "110105********");
	e2e_wait(&t, "培训模式");
	e2e_wait(&t, "回执已保存");
	e2e_capture(&t, "receipt");
	e2e_back_home(&t);
	printf("KEYSTROKES registration navigation=%d data=%d\n", t.nav, t.data);
	assert_true(t.nav <= 18);   /* 12 before the address (5 keys: street, road, lane, number) */
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Registers a person through the terminal on `day` (setup for others). */
static void
e2e_register(struct term *t, const char *id, const char *name)
{
	e2e_start_flow(t, "1");
	e2e_type(t, id);
	e2e_key(t, K_ENTER);
	e2e_type(t, name);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[住房]");
	e2e_type(t, "1");
	e2e_address(t, 2, "仙霞路", "", "3");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[材料]");
	e2e_type(t, K_SPACE);
	e2e_type(t, K_SPACE);
	e2e_type(t, K_SPACE);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "提交后结论：受理");
	e2e_key(t, K_F10);
	e2e_wait(t, "回执号");
	e2e_back_home(t);
}

/* Opens the existing training database again on another day. */
static void
e2e_login(struct term *t, const char *today)
{
	const char *args[] = { "--today", today, "demo", "--db", t->db, NULL };

	e2e_start(t, 24, 80, args);
	e2e_wait_demo(t, "clerk1");
	e2e_write(t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
	e2e_wait(t, "本中心待办");
}

/* A new permit for the person registered on 2026-03-10. */
static void
e2e_permit(struct term *t, const char *id, const char *expect)
{
	e2e_start_flow(t, "2");
	e2e_type(t, id);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[办理事项]");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[材料]");
	e2e_type(t, K_SPACE);
	e2e_type(t, K_SPACE);
	e2e_key(t, K_PGDN);
	e2e_wait(t, expect);
}

/* A permit refused before six months (REG-3, with the first eligible
 * day), then accepted on that day. */
static void
test_permit_six_months(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "320102", 1991, 4, 5, "276");
	e2e_demo_login(&t, "2026-03-10", 24, 80);
	e2e_register(&t, id, "陈静");
	assert_int_equal(e2e_quit(&t), 0);

	e2e_login(&t, "2026-08-15");
	e2e_permit(&t, id, "提交后结论：不予受理");
	e2e_wait(&t, "[不符] REG-3");
	e2e_wait(&t, "F10不予受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "不予受理告知");
	e2e_wait(&t, "REG-3");
	e2e_wait(&t, "2026-09-10 起可再来申领");
	e2e_capture(&t, "refusal-reg3");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);

	e2e_login(&t, "2026-09-10");
	e2e_permit(&t, id, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "制证完成：");
	e2e_wait(&t, "材料流转：");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A standard endorsement (counted), then one 70 days late with ENDO-3. */
static void
test_endorsement(void **state)
{
	struct term t = { 0 };
	char        zhao[19], wu[19], day[JZZ_DATE_STRLEN];
	jzz_date    until;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(zhao, "430102", 1985, 1, 12, "268");
	e2e_id(wu, "370102", 1993, 9, 9, "442");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	t.nav = t.data = 0;
	e2e_start_flow(&t, "7");
	e2e_type(&t, zhao);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "签注后有效期至");
	e2e_back_home(&t);
	printf("KEYSTROKES endorsement navigation=%d data=%d\n", t.nav, t.data);
	assert_true(t.nav <= 6);

	/* Find her permit's last valid day on the form, then come back 70 days after. */
	e2e_start_flow(&t, "7");
	e2e_type(&t, wu);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "居住证有效期至 ");
	until = e2e_date_after(&t, "居住证有效期至 ");
	assert_true(until != JZZ_DATE_NONE);
	assert_int_equal(e2e_quit(&t), 0);

	date_format(until + 70, day);
	{
		const char *args[] = { "--today", day, "demo", "--db", t.db, NULL };

		e2e_start(&t, 24, 80, args);
		e2e_wait_demo(&t, "clerk1");
		e2e_capture(&t, "login");
		e2e_write(&t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
		e2e_wait(&t, "本中心待办");
	}
	e2e_start_flow(&t, "7");
	e2e_type(&t, wu);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_wait(&t, "[提示] ENDO-3");
	e2e_capture(&t, "endorsement-late");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "逾期超过 60 日");
	e2e_wait(&t, "ENDO-3");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A refusal gets its own screen: the rule, its citation, the next step. */
static void
test_refusal_screen(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "340104", 1992, 2, 2, "318");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "刘洋");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_key(&t, K_DOWN);
	e2e_type(&t, "3");           /* certified use: office */
	e2e_wait(&t, "[不符] HOUSE-4");
	e2e_capture(&t, "flow-house4");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：不予受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "不予受理告知");
	e2e_wait(&t, "HOUSE-4");
	e2e_wait(&t, "依据：");
	e2e_wait(&t, "下一步：");
	e2e_capture(&t, "refusal-house4");
	e2e_key(&t, "\033[15~");         /* F5: the one-time notice */
	e2e_wait(&t, "一次性告知书已保存");
	assert_true(e2e_pdf_saved(t.dir, "receipts", "notice-"));
	e2e_back_home(&t);
	/* An endorsement before its window: ENDO-2 and the day it opens. */
	e2e_id(id, "510104", 1990, 5, 5, "151");
	e2e_start_flow(&t, "7");
	e2e_type(&t, id);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：不予受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "ENDO-2");
	e2e_wait(&t, "签注期自 2027-10-06 起开放");
	e2e_capture(&t, "refusal-endo2");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A minor must come with a guardian (AGENT-1); Esc 0 works as F10. */
static void
test_minor_guardian(void **state)
{
	struct term t = { 0 };
	char        child[19], mother[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(child, "420106", 2016, 5, 1, "022");
	e2e_id(mother, "420106", 1987, 8, 8, "044");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, child);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "王小明");
	e2e_wait(&t, "[不符] AGENT-1");
	for (int i = 0; i < 6; i++)
		e2e_key(&t, K_TAB);   /* phone, hukou, lives, mobility, disabled, agent */
	e2e_type(&t, "2");        /* guardian */
	e2e_wait(&t, "< 2 监护人 >");
	e2e_capture(&t, "flow-guardian");
	e2e_key(&t, K_TAB);
	e2e_type(&t, mother);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "3");
	e2e_address(&t, 3, "仙霞路", "", "8");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "监护关系证明材料");
	for (int i = 0; i < 5; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_ESC0);      /* Esc 0 = F10 */
	e2e_wait(&t, "回执号");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Resize to 40x12 and back in the middle of a form: nothing lost. */
static void
test_resize(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "李四");
	e2e_wait(&t, "李四");
	e2e_resize(&t, 12, 40);
	e2e_wait(&t, "终端窗口太小");
	e2e_capture(&t, "too-small");
	e2e_wait(&t, "培训模式");
	e2e_resize(&t, 24, 80);
	e2e_wait(&t, "[申请人]");
	e2e_wait(&t, "李四");
	assert_true(e2e_has(&t, id));
	/* The cursor is back at the insertion point, after the two characters. */
	assert_true(e2e_wait_cursor_col(&t, 26 + 4));
	e2e_resize(&t, 30, 100);
	e2e_wait(&t, "李四");
	e2e_resize(&t, 24, 80);
	e2e_wait(&t, "李四");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Esc with something typed asks first; "n" keeps it all. */
static void
test_esc_unsaved(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_wait(&t, id);
	e2e_esc(&t, "放弃本次录入的内容吗");
	e2e_capture(&t, "esc-ask");
	e2e_type(&t, "n");
	e2e_wait_gone(&t, "放弃本次录入的内容吗");
	assert_true(e2e_has(&t, id));
	e2e_wait(&t, "[申请人]");
	e2e_esc(&t, "放弃本次录入的内容吗");
	e2e_type(&t, "y");
	e2e_wait(&t, "本中心待办");
	/* Nothing typed: Esc goes back at once. */
	e2e_start_flow(&t, "2");
	e2e_esc(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A 10 KB paste into a field keeps what fits; the terminal stays usable. */
static void
test_paste(void **state)
{
	struct term t = { 0 };
	char        id[19], *big;
	size_t      n = 0;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	big = malloc(10240 + 1);
	assert_non_null(big);
	while (n + 18 <= 10240) {
		memcpy(big + n, id, 18);
		n += 18;
	}
	big[n] = '\0';
	e2e_write(&t, big, n);           /* into the ID field: 18 kept */
	e2e_wait(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "新人员");
	n = 0;
	while (n + 3 <= 10240) {
		memcpy(big + n, "张", 3);
		n += 3;
	}
	big[n] = '\0';
	e2e_write(&t, big, n);           /* into the name: longer than a name may be */
	free(big);
	e2e_wait(&t, "张张张张张张张张张张");
	e2e_key(&t, K_PGDN);             /* refused whole with its reason, not cut */
	e2e_wait(&t, "姓名最多 30 个字");
	assert_false(e2e_has(&t, "[住房]"));
	for (int i = 0; i < 30; i++)     /* the clerk takes it down to 30 */
		e2e_key(&t, "\177");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_key(&t, K_F10);              /* straight to the review... */
	e2e_wait(&t, "住房类型：必填");   /* ...stopped by the one missing answer */
	e2e_type(&t, "1");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "[核对]");
	e2e_type(&t, "p");               /* the documents answer: change it */
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	/* accepting needs the address: the confirm key goes to it */
	e2e_wait(&t, "居住地 街道/镇：必填");
	e2e_address(&t, 0, "仙霞路", "", "1");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "[核对]");
	e2e_key(&t, K_F10);
	/* The receipt shows the whole name: exactly 30 characters were kept. */
	{
		char want[200] = "姓名：";

		for (int i = 0; i < 30; i++)
			strcat(want, "张");
		strcat(want, "\n");
		e2e_wait(&t, want);
	}
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A Chinese name typed (two columns a character), full-width digits and ｘ
 * in an ID number normalised. */
static void
test_chinese_input(void **state)
{
	struct term t = { 0 };
	char        id[19], fw[19 * 3 + 1];
	size_t      o = 0;

	(void)state;
	e2e_tmpdir(&t);
	/* A number whose check character is X. */
	for (int seq = 100; seq < 999; seq++) {
		char s3[4];

		snprintf(s3, sizeof s3, "%03d", seq);
		e2e_id(id, "310105", 1990, 3, 7, s3);
		if (id[17] == 'X')
			break;
	}
	assert_int_equal(id[17], 'X');
	for (int i = 0; i < 17; i++) {   /* full-width digits: EF BC 90 + d */
		fw[o++] = (char)0xEF;
		fw[o++] = (char)0xBC;
		fw[o++] = (char)(0x90 + (id[i] - '0'));
	}
	memcpy(fw + o, "ｘ", 3);          /* full-width small x */
	o += 3;
	fw[o] = '\0';
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, fw);
	e2e_wait(&t, id);                 /* shown as ASCII with X */
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "新人员");
	e2e_type(&t, "欧阳娜娜");
	e2e_wait(&t, "欧阳娜娜");
	assert_true(e2e_wait_cursor_col(&t, 26 + 8));
	e2e_key(&t, "\177");              /* Backspace removes one character, two columns */
	e2e_wait_gone(&t, "欧阳娜娜");
	assert_true(e2e_wait_cursor_col(&t, 26 + 6));
	e2e_type(&t, "娜");
	e2e_wait(&t, "欧阳娜娜");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Help, the English catalogue, and the person card with its history. */
static void
test_help_lang_person(void **state)
{
	struct term t = { 0 };
	char        zhou[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(zhou, "510104", 1990, 5, 5, "151");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "已逾期");           /* the overdue notice in words */
	e2e_key(&t, K_F1);
	e2e_wait(&t, "Esc 0 = F10");
	e2e_capture(&t, "help");
	e2e_key(&t, K_SPACE);
	e2e_wait(&t, "本中心待办");
	e2e_key(&t, "\0336");             /* Esc 6 = F6: English */
	e2e_wait(&t, "Work queues of this centre");
	e2e_wait(&t, "TRAINING MODE");
	e2e_capture(&t, "home-en");
	e2e_key(&t, "\0336");
	e2e_wait(&t, "本中心待办");
	e2e_key(&t, "\0332");             /* F2: person look-up */
	e2e_wait(&t, "人员查询");
	e2e_type(&t, zhou);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已到证，待领取");
	e2e_wait(&t, "办理记录");
	e2e_wait(&t, "居住证新办");
	e2e_capture(&t, "person");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The number after `prefix` on the screen (-1 when not shown). */
static int
e2e_number_after(struct term *t, const char *prefix)
{
	char        s[32768];
	const char *p;

	e2e_pump(t, 0);
	e2e_screen(t, s, sizeof s);
	p = strstr(s, prefix);
	return p != NULL ? atoi(p + strlen(prefix)) : -1;
}

/* Waits (up to the usual deadline) for the number after `prefix` to exceed
 * `min`: a figure is read once the screen drawn with it is there, not from
 * the one before. Returns the number last read. */
static int
e2e_wait_number_above(struct term *t, const char *prefix, int min)
{
	long end = e2e_now_ms() + E2E_TIMEOUT_MS;
	int  n;

	while ((n = e2e_number_after(t, prefix)) <= min && e2e_now_ms() < end)
		e2e_pump(t, 50);
	return n;
}

/* The status query and a card recorded as arrived. */
static void
test_status_and_card(void **state)
{
	struct term t = { 0 };
	char        sun[19], queue[64];
	int         waiting;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(sun, "420106", 1995, 11, 30, "233");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	/* read once the home screen has drawn its queues */
	waiting = e2e_wait_number_above(&t, "已到证待领取 (", -1);
	assert_true(waiting >= 0);
	e2e_key(&t, "\0333");             /* F3: status query */
	e2e_wait(&t, "办理进度查询");
	e2e_type(&t, "孙伟");
	e2e_key(&t, K_TAB);
	e2e_type(&t, sun);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已制证，待到证");
	e2e_capture(&t, "status");
	e2e_esc(&t, "本中心待办");
	e2e_key(&t, "\0334");             /* F4: card arrived */
	e2e_wait(&t, "到证登记");
	e2e_type(&t, sun);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已登记到证");
	e2e_capture(&t, "card-arrived");
	e2e_esc(&t, "本中心待办");
	/* in the pickup queue (the demo's other cards wait there too, oldest
	 * first: his is counted, at the end) */
	snprintf(queue, sizeof queue, "已到证待领取 (%d)", waiting + 1);
	e2e_wait(&t, queue);
	/* He comes for it: the pickup business (PERMIT-4). */
	e2e_start_flow(&t, "0");
	e2e_type(&t, sun);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "《上海市居住证受理回执》");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_back_home(&t);
	snprintf(queue, sizeof queue, "已到证待领取 (%d)", waiting);
	e2e_wait(&t, queue);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}


/* A new production database at prod (made by init; admin's temporary
 * password Temporary-Start-2026). */
static void
e2e_init_production(const struct term *t, const char *prod)
{
	char cmd[1200];

	snprintf(cmd, sizeof cmd, "echo Temporary-Start-2026 > '%s/first' && %s --db '%s' init"
	    " --centre 310105009 --password-file '%s/first' >/dev/null 2>&1", t->dir, JZZ_BIN, prod,
	    t->dir);
	assert_int_equal(system(cmd), 0);
}

/* Logging in: one answer for a wrong password, the count of tries left;
 * a production database's first login sets a password; a training file is
 * refused outside training mode. */
static void
test_login(void **state)
{
	struct term t = { 0 };
	char        prod[400];
	const char *demo[] = { "--today", "2026-11-27", "demo", "--db", NULL, NULL };
	const char *plain[] = { "--db", NULL, NULL };

	(void)state;
	e2e_tmpdir(&t);
	demo[4] = t.db;
	e2e_start(&t, 24, 80, demo);
	e2e_wait_demo(&t, "counter-one-2026");               /* training mode shows the passwords */
	e2e_type(&t, "clerk1\rwrong-pass\r");
	e2e_wait(&t, "账号或密码不正确");
	e2e_wait(&t, "再错 4 次");
	e2e_type(&t, "counter-one-2026\r");
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);

	/* The training file is not opened as a production database. */
	plain[1] = t.db;
	e2e_start(&t, 24, 80, plain);
	assert_int_not_equal(e2e_wait_exit(&t), 0);

	/* A new production database: admin has a temporary password, which
	 * serves only to set its own; an empty one claims nothing. */
	testdb_make(prod, sizeof prod, t.dir, "prod.db");
	e2e_init_production(&t, prod);
	plain[1] = prod;
	e2e_start(&t, 24, 80, plain);
	e2e_wait(&t, "账号");
	assert_false(e2e_has(&t, "培训模式"));
	e2e_type(&t, "admin\r\r");
	e2e_wait(&t, "账号或密码不正确");
	e2e_type(&t, "Temporary-Start-2026\r");
	e2e_wait(&t, "临时密码");
	e2e_type(&t, "short\rshort\r");
	e2e_wait(&t, "密码至少 10 个字符");
	e2e_type(&t, "\0251234567890\r1234567890\r");   /* Ctrl-U clears the field */
	e2e_wait(&t, "password refused");
	e2e_type(&t, "\025counter-2026\rcounter-2026\r");
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_start(&t, 24, 80, plain);
	e2e_wait(&t, "账号");
	e2e_type(&t, "admin\rcounter-2026\r");
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Left unattended, the terminal logs out by itself (the database's
 * idle_minutes, set to 1 here): what was typed is dropped, the login says
 * why. The terminal's idle clock runs 20 times faster (JZZ_TEST_CLOCK_SCALE),
 * so that the minute passes in 3 s; a production database refuses that. */
static void
test_idle_logout(void **state)
{
	struct term t = { 0 };
	char        cmd[1200], prod[400];
	const char *plain[] = { "--db", NULL, NULL };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	assert_int_equal(e2e_quit(&t), 0);
	snprintf(cmd, sizeof cmd, "%s --training --db '%s' user setting idle_minutes 1"
	    " >/dev/null 2>&1", JZZ_BIN, t.db);
	assert_int_equal(system(cmd), 0);
	setenv("JZZ_TEST_CLOCK_SCALE", "20", 1);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, "1101");
	e2e_wait(&t, "1101");
	if (!e2e_wait_quiet(&t, "闲置超过 1 分钟，已自动退出登录", 90000)) {
		e2e_dump(&t, "idle");
		unsetenv("JZZ_TEST_CLOCK_SCALE");
		fail_msg("no idle logout");
	}
	e2e_wait(&t, "counter-one-2026");
	assert_false(e2e_has(&t, "1101"));
	assert_int_equal(e2e_quit(&t), 0);

	/* a production database: refused before the login, nothing opened for work */
	testdb_make(prod, sizeof prod, t.dir, "prod.db");
	e2e_init_production(&t, prod);
	plain[1] = prod;
	e2e_start(&t, 24, 80, plain);
	e2e_wait(&t, "JZZ_TEST_CLOCK_SCALE 仅用于培训库或演练库");
	assert_false(e2e_has(&t, "账号"));
	assert_int_equal(e2e_wait_exit(&t), 1);
	unsetenv("JZZ_TEST_CLOCK_SCALE");
	e2e_cleanup(&t);
}

/* The receipt goes to the printer with lp when one is configured, as an A4
 * PDF (its text copy kept beside it), and again with F5; the English
 * catalogue with --lang en. */
static void
test_print_receipt(void **state)
{
	struct term t = { 0 };
	char        id[19], lp[400], log[400], got[2048] = "", pdf[600], head[8] = "", txt[700];
	char        copy[2048] = "";
	FILE       *f;
	const char *args[] = { "--lang", "en", "--today", "2026-11-27", "demo", "--db", NULL, NULL };
	int         calls = 0;

	(void)state;
	e2e_tmpdir(&t);
	/* A fake lp that records its arguments and keeps a copy of each file. */
	snprintf(lp, sizeof lp, "%s/lp", t.dir);
	snprintf(log, sizeof log, "%s/lp.log", t.dir);
	f = fopen(lp, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\necho \"$@\" >> '%s'\nn=$(wc -l < '%s')\ncp \"$3\" '%s/handed-'$n.pdf\n",
	    log, log, t.dir);
	fclose(f);
	chmod(lp, 0755);
	t.printer = "counter1";
	t.path_dir = t.dir;
	args[6] = t.db;
	e2e_start(&t, 24, 80, args);
	e2e_wait_demo(&t, "Training accounts");
	e2e_write(&t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
	e2e_wait(&t, "Work queues of this centre");
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_key(&t, "1");
	e2e_wait(&t, "[Applicant]");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "Zhang San");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[Housing]");
	e2e_type(&t, "3");
	e2e_address(&t, 3, "Xianxia Road", "", "1");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[Documents]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "F10Accept");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "Residence registration receipt");
	e2e_wait(&t, "printer counter1");
	e2e_key(&t, "\033[15~");         /* F5: print again */
	assert_int_equal(e2e_quit(&t), 0);
	f = fopen(log, "r");
	assert_non_null(f);
	while (fgets(got, sizeof got, f) != NULL) {
		calls++;
		assert_non_null(strstr(got, "-d counter1"));
		assert_non_null(strstr(got, ".pdf"));
		if (calls == 1)
			sscanf(strstr(got, "counter1") + 9, "%599s", pdf);
	}
	fclose(f);
	assert_int_equal(calls, 2);
	/* What lp was handed is a PDF; its text copy is beside the saved one. */
	snprintf(txt, sizeof txt, "%s/handed-1.pdf", t.dir);
	f = fopen(txt, "r");
	assert_non_null(f);
	assert_int_equal(fread(head, 1, 5, f), 5);
	fclose(f);
	assert_string_equal(head, "%PDF-");
	snprintf(txt, sizeof txt, "%.*s.txt", (int)strlen(pdf) - 4, pdf);
	f = fopen(txt, "r");
	assert_non_null(f);
	if (fread(copy, 1, sizeof copy - 1, f) == 0)
		copy[0] = '\0';
	fclose(f);
	assert_non_null(strstr(copy, "Residence registration receipt"));
	assert_non_null(strstr(copy, "Zhang San"));
	assert_non_null(strstr(copy, "110105********"));
	e2e_cleanup(&t);
}

/* Colour only helps: with NO_COLOR nothing is coloured, and the overdue
 * notice still says so in words. */
static void
test_no_color(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "已逾期");
	assert_true(e2e_colored_cells(&t) > 0);
	assert_int_equal(e2e_quit(&t), 0);

	t.no_color = true;
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "已逾期");
	e2e_wait(&t, "[培训模式]");
	assert_int_equal(e2e_colored_cells(&t), 0);
	e2e_start_flow(&t, "1");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "✗ 必填");
	assert_int_equal(e2e_colored_cells(&t), 0);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* SIGTERM only sets a flag: the main loop ends cleanly, the terminal is
 * restored and the exit status is 0. */
static void
test_sigterm(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, "张");
	kill(t.pid, SIGTERM);
	assert_int_equal(e2e_wait_exit(&t), 0);
	e2e_cleanup(&t);
}

/* Outside a UTF-8 locale the terminal refuses to start, saying why. */
static void
test_locale(void **state)
{
	char  cmd[512], out[1024] = "";
	FILE *p;
	int   st;

	(void)state;
	snprintf(cmd, sizeof cmd, "LANG=C LC_ALL=C %s --db /nonexistent/x.db 2>&1 </dev/null", JZZ_BIN);
	p = popen(cmd, "r");
	assert_non_null(p);
	if (fread(out, 1, sizeof out - 1, p) == 0)
		out[0] = '\0';
	st = pclose(p);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) != 0);
	assert_non_null(strstr(out, "UTF-8"));
}

/* -v: the terminal's debug log, private (0600) in the state folder, says
 * what the terminal did (screens, the login) and never what was typed. */
static void
test_debug_log(void **state)
{
	const char *args[] = { "-v", "--today", "2026-11-27", "demo", "--db", NULL, NULL };
	struct term t = { 0 };
	char        dir[600], path[700], log[8192];
	struct stat st;
	FILE       *f;
	size_t      n;

	(void)state;
	e2e_tmpdir(&t);
	args[5] = t.db;
	snprintf(dir, sizeof dir, "%s/state", t.dir);
	setenv("XDG_STATE_HOME", dir, 1);
	e2e_start(&t, 24, 80, args);
	unsetenv("XDG_STATE_HOME");
	e2e_wait_demo(&t, "clerk1");
	e2e_write(&t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	snprintf(path, sizeof path, "%s/jzz/tui.log", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(log, 1, sizeof log - 1, f);
	log[n] = '\0';
	fclose(f);
	assert_non_null(strstr(log, "start: jzz"));
	assert_non_null(strstr(log, "screen login"));
	assert_non_null(strstr(log, "login clerk1"));
	assert_non_null(strstr(log, "screen home"));
	assert_non_null(strstr(log, "end"));
	{
		/* the password typed: E2E_CLERK_LOGIN is "user\rpassword\r" */
		char pw[64];

		snprintf(pw, sizeof pw, "%s", strchr(E2E_CLERK_LOGIN, '\r') + 1);
		*strchr(pw, '\r') = '\0';
		assert_true(strlen(pw) >= 8);
		assert_null(strstr(log, pw));
	}
	e2e_cleanup(&t);
}

/* Logs into the training database as a demo account at day `today`. */
static void
e2e_demo_as(struct term *t, const char *today, const char *login)
{
	const char *args[] = { "--today", today, "demo", "--db", t->db, NULL };

	e2e_start(t, 24, 80, args);
	e2e_wait_demo(t, "clerk1");
	e2e_write(t, login, strlen(login));
	e2e_wait(t, "本中心待办");
}

/* A registration left incomplete (no documents ticked): 补正告知. */
static void
e2e_register_incomplete(struct term *t, const char *id, const char *name)
{
	e2e_start_flow(t, "1");
	e2e_type(t, id);
	e2e_key(t, K_ENTER);
	e2e_type(t, name);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[住房]");
	e2e_type(t, "1");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[材料]");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "提交后结论：材料不全");
	e2e_key(t, K_F10);
	e2e_wait(t, "材料补正告知");
	e2e_back_home(t);
}

/* The supervisor's report for a scripted day: a clerk registers one person
 * (accepted) and leaves one incomplete; the clerk is refused the report and
 * the accounts; the supervisor sees the counts, by business and by clerk
 * with their numbers beside the bars, changes the day, exports CSV. */
static void
test_report(void **state)
{
	struct term t = { 0 };
	char        a[19], b[19], path[600], got[8192] = "", cmd[2048];
	FILE       *f, *pp;
	size_t      n;
	struct stat st;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(a, "110105", 1990, 3, 7, "123");
	e2e_id(b, "310104", 1985, 6, 1, "338");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	assert_false(e2e_has(&t, "F5日报"));
	assert_false(e2e_has(&t, "F7账号"));
	e2e_register(&t, a, "张三");
	e2e_register_incomplete(&t, b, "李四");
	/* A replacement for a personal reason: 20 yuan, receipt-book number. */
	e2e_start_flow(&t, "4");
	e2e_type(&t, "430102198501122685");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[办理事项]");
	e2e_key(&t, K_DOWN);
	e2e_key(&t, K_DOWN);
	e2e_type(&t, "A0012345");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "定额收据号 A0012345");
	e2e_back_home(&t);
	e2e_key(&t, "\033[15~");   /* F5 */
	e2e_wait(&t, "日报仅限主管和管理员");
	e2e_key(&t, "\033[18~");   /* F7 */
	e2e_wait(&t, "账号管理仅限管理员");
	assert_false(e2e_has(&t, "主管日报"));
	assert_int_equal(e2e_quit(&t), 0);

	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_wait(&t, "F5日报");
	assert_false(e2e_has(&t, "F7账号"));
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "主管日报");
	e2e_wait(&t, "日期 2026-11-27");
	e2e_wait(&t, "合计：申请 3 件，其中受理 2、材料不全 1、不予受理 0");
	e2e_wait(&t, "居住登记申报 · 受理");
	e2e_wait(&t, "居住证补领 · 受理");
	e2e_wait(&t, "█ 1");
	e2e_capture(&t, "report");
	/* By clerk: clerk1, three applications, the number beside the bar. */
	for (int i = 0; i < 6; i++)
		e2e_key(&t, K_DOWN);
	e2e_wait_demo(&t, "clerk1");
	e2e_wait(&t, "█ 3");
	/* The fees, with the receipt-book number: scrolled to line by line. */
	for (int i = 0; i < 30 && !e2e_wait_quiet(&t, "收据 A0012345", 500); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "收据 A0012345");
	e2e_wait(&t, "窗口收费 20 元");
	e2e_capture(&t, "report-fees");
	e2e_key(&t, "\033OS");           /* F4: the daily sheet, a PDF */
	e2e_wait(&t, "日报已保存");
	assert_true(e2e_pdf_saved(t.dir, "reports", "daily-310105009-2026-11-27"));
	/* F5: the export panel; Enter takes its defaults (CSV, no BOM, the day) */
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "导出报表");
	e2e_wait(&t, "[CSV]");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已导出");
	snprintf(path, sizeof path, "%s/reports/report-310105009-2026-11-27.csv", t.dir);
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	assert_non_null(strstr(got, "section,centre,day,key,business,decision,count"));
	assert_non_null(strstr(got, "summary,310105009,,applications,,,3,"));
	assert_non_null(strstr(got, "by_clerk,310105009,,clerk1,,accept,2,20,"));
	assert_non_null(strstr(got, "fees,310105009,2026-11-27,clerk1,permit_replace,card_fee,1,20,"));
	assert_non_null(strstr(got, ",A0012345,430102********2685,赵敏,"));
	assert_int_equal((unsigned char)got[0], 's');   /* no BOM unless asked */
	/* again with a BOM, for Excel and WPS */
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "导出报表");
	e2e_key(&t, K_DOWN);
	e2e_type(&t, K_SPACE);
	e2e_wait(&t, "[是]");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已导出");
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(got, 1, sizeof got - 1, f);
	got[n] = '\0';
	fclose(f);
	assert_memory_equal(got, "\xEF\xBB\xBFsection,centre,", 18);
	/* a workbook of a range of days: the file opens, its sheets are there */
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "导出报表");
	e2e_key(&t, "\033OC");   /* Right: Excel */
	e2e_wait(&t, "[Excel (xlsx)]");
	e2e_key(&t, K_DOWN);      /* the BOM is skipped: From */
	e2e_type(&t, "\025" "2026-11-20");
	e2e_wait(&t, "report-310105009-2026-11-20_2026-11-27.xlsx");
	e2e_capture(&t, "report-export");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已导出");
	snprintf(path, sizeof path, "%s/reports/report-310105009-2026-11-20_2026-11-27.xlsx", t.dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* its figures are those of `jzz report range` on the same database
	 * (more than the day's three: the demo's earlier days) */
	snprintf(cmd, sizeof cmd, "%s --training --db %s report range --from 2026-11-20"
	    " --to 2026-11-27 --format json | %s -c \"import json,openpyxl,sys;"
	    " w=openpyxl.load_workbook(sys.argv[1]); j=json.load(sys.stdin);"
	    " o={r[2].value: r[1].value for r in w['总览'].iter_rows(min_row=3)};"
	    " print(len(w.sheetnames), o['applications'] == j['applications'],"
	    " o['fees_yuan'] == j['fees_yuan'], o['applications'] > 3)\" %s", JZZ_BIN, t.db,
	    E2E_PYTHON3, path);
	pp = popen(cmd, "r");
	assert_non_null(pp);
	n = fread(got, 1, sizeof got - 1, pp);
	got[n] = '\0';
	assert_int_equal(pclose(pp), 0);
	assert_string_equal(got, "10 True True True\n");
	/* The day before: nothing of ours. */
	e2e_key(&t, "\033OD");    /* Left */
	e2e_wait(&t, "日期 2026-11-26");
	assert_false(e2e_has(&t, "合计：申请 3 件"));
	e2e_type(&t, "2026-11-27\r");
	e2e_wait(&t, "合计：申请 3 件");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The terminal's CSV export (ui_csv.c) is the same file as `jzz report
 * daily --format csv` of the same day, saved private; a folder that cannot
 * be made is an error on the status line, the panel stays open, and the
 * export works once the folder can be made. */
static void
test_report_csv_export(void **state)
{
	struct term t = { 0 };
	char        a[19], path[700], dir[600], cmd[2048];
	static char got[65536], want[65536];
	FILE       *f, *pp;
	size_t      n, m;
	struct stat st;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(a, "110105", 1990, 3, 7, "123");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_register(&t, a, "张三");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_wait(&t, "F5日报");
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "主管日报");
	/* reports/ is a file: the export fails and says so */
	snprintf(dir, sizeof dir, "%s/reports", t.dir);
	f = fopen(dir, "w");
	assert_non_null(f);
	fclose(f);
	e2e_key(&t, "\033[15~");
	e2e_wait(&t, "导出报表");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "导出失败");
	assert_true(e2e_has(&t, "导出报表"));
	/* the folder can be made again: the same Enter exports */
	assert_int_equal(unlink(dir), 0);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已导出");
	assert_int_equal(e2e_quit(&t), 0);
	snprintf(path, sizeof path, "%s/report-310105009-2026-11-27.csv", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	f = fopen(path, "rb");
	assert_non_null(f);
	n = fread(got, 1, sizeof got - 1, f);
	fclose(f);
	assert_true(n > 0 && n < sizeof got - 1);
	snprintf(cmd, sizeof cmd, "%s --training --db %s report daily --date 2026-11-27 --format csv",
	    JZZ_BIN, t.db);
	pp = popen(cmd, "r");
	assert_non_null(pp);
	m = fread(want, 1, sizeof want - 1, pp);
	assert_int_equal(pclose(pp), 0);
	assert_int_equal(n, m);
	assert_memory_equal(got, want, n);
	got[n] = '\0';
	assert_non_null(strstr(got, "summary,310105009,,applications,,,"));
	e2e_cleanup(&t);
}

/* F3 on a locked account asks "enable (and unlock)?": y must unlock it, not
 * disable it (it did). */
static void
test_account_unlock(void **state)
{
	struct term t = { 0 };
	char        cmd[1600];

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);   /* makes the training database */
	assert_int_equal(e2e_quit(&t), 0);
	/* five wrong passwords lock clerk2 */
	snprintf(cmd, sizeof cmd, "for i in 1 2 3 4 5; do echo not-the-password | %s --training"
	    " --db '%s' user login clerk2 >/dev/null 2>&1; done; true", JZZ_BIN, t.db);
	assert_int_equal(system(cmd), 0);
	e2e_demo_as(&t, "2026-11-27", "admin\roffice-keys-2026\r");
	e2e_wait(&t, "F7账号");
	e2e_key(&t, "\033[18~");   /* F7 */
	e2e_wait(&t, "账号管理");
	e2e_wait(&t, "锁定至");
	for (int i = 0; i < 8 && !e2e_wait_quiet(&t, "> clerk2", 300); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "> clerk2");
	e2e_key(&t, "\033OR");     /* F3 */
	e2e_wait(&t, "启用账号 clerk2（并解锁）吗");
	e2e_type(&t, "y");
	e2e_wait(&t, "已完成：clerk2 已启用");
	assert_false(e2e_has(&t, "已停用"));
	assert_false(e2e_has(&t, "锁定至"));
	assert_int_equal(e2e_quit(&t), 0);
	/* and clerk2 logs in again */
	e2e_demo_as(&t, "2026-11-27", "clerk2\rcounter-two-2026\r");
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* An administrator creates an account and disables it through the screen. */
static void
test_accounts(void **state)
{
	struct term t = { 0 };
	char        temp[32];

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_as(&t, "2026-11-27", "admin\roffice-keys-2026\r");
	e2e_wait(&t, "F7账号");
	e2e_key(&t, "\033[18~");   /* F7 */
	e2e_wait(&t, "账号管理");
	e2e_wait(&t, "trainer1");
	e2e_key(&t, "\033OQ");     /* F2 */
	e2e_wait(&t, "新账号");
	e2e_type(&t, "clerk9\t7\t310105009\r");
	e2e_wait(&t, "应为 1–4 之一");  /* a role given but none of the four: wrong, not missing */
	assert_false(e2e_has(&t, "必填"));
	e2e_key(&t, "\177");
	e2e_type(&t, "1");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "已完成：clerk9 已创建");
	e2e_wait(&t, "> clerk9");
	e2e_wait(&t, "待改密码");
	/* the temporary password, shown once */
	{
		static char scr[8192];
		const char *p;

		e2e_screen(&t, scr, sizeof scr);
		p = strstr(scr, "临时密码 ");
		assert_non_null(p);
		p += strlen("临时密码 ");
		snprintf(temp, sizeof temp, "%.19s", p);
		assert_int_equal(strlen(temp), 19);
	}
	e2e_key(&t, "\033OR");     /* F3 */
	e2e_wait(&t, "停用账号 clerk9 吗");   /* the question names the account */
	e2e_type(&t, "y");
	e2e_wait(&t, "已完成：clerk9 已停用");
	e2e_wait(&t, "已停用");
	e2e_capture(&t, "accounts");
	assert_int_equal(e2e_quit(&t), 0);

	/* The disabled account cannot log in. */
	e2e_start(&t, 24, 80, (const char *const[]){ "--today", "2026-11-27", "demo", "--db", t.db, NULL });
	e2e_wait_demo(&t, "clerk1");
	e2e_type(&t, "clerk9\rwhatever1\r");
	e2e_wait(&t, "账号或密码不正确");   /* a wrong password tells nothing */
	e2e_type(&t, temp);
	e2e_type(&t, "\r");
	e2e_wait(&t, "停用");
	assert_false(e2e_has(&t, "本中心待办"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The trainer sets the day of work; the home screen shows it. */
static void
test_trainer_day(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_as(&t, "2026-11-27", "trainer1\rteach-demo-2026\r");
	e2e_wait(&t, "F8培训");
	assert_false(e2e_has(&t, "F5日报"));
	e2e_key(&t, "\033[19~");   /* F8 */
	e2e_wait(&t, "当前工作日：2026-11-27");
	e2e_type(&t, "2027-01-04\r");
	e2e_wait(&t, "工作日已设为 2027-01-04");
	e2e_capture(&t, "trainer");
	e2e_esc(&t, "本中心待办");
	e2e_wait(&t, "工作日 2027-01-04");
	/* The reset asks first. */
	e2e_key(&t, "\033[19~");
	e2e_wait(&t, "当前工作日：2027-01-04");
	e2e_key(&t, "\033[19~");
	e2e_wait(&t, "清空培训数据库");
	e2e_type(&t, "y");
	e2e_wait_demo(&t, "培训数据库已重置");   /* the reset makes the demo's fortnight again */
	assert_int_equal(e2e_quit(&t), 0);
	/* A window opened after the reset works on the day the data was
	 * made around, not on the real date. */
	{
		const char *args[] = { "demo", "--db", t.db, NULL };

		e2e_start(&t, 24, 80, args);
		e2e_wait_demo(&t, "clerk1");
		e2e_write(&t, E2E_CLERK_LOGIN, strlen(E2E_CLERK_LOGIN));
		e2e_wait(&t, "本中心待办");
		e2e_wait(&t, "工作日 2027-01-04");
		assert_int_equal(e2e_quit(&t), 0);
	}
	e2e_cleanup(&t);
}

/* A form opened from the person screen has the ID filled: the ID typed
 * again out of habit must answer nothing. The cursor starts on the first
 * question still open (孙伟 is on record: his housing type), and a key that
 * is none of a choice's options puts back what the keys picked there. */
static void
test_person_form_retype(void **state)
{
	struct term t = { 0 };
	char        sun[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(sun, "420106", 1995, 11, 30, "233");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_key(&t, "\0332");             /* F2: person look-up */
	e2e_wait(&t, "人员查询");
	e2e_type(&t, sun);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "办理记录");
	e2e_type(&t, "1");               /* a registration for him */
	e2e_wait(&t, "[住房]");
	e2e_wait(&t, "> 住房类型");
	e2e_type(&t, sun);
	e2e_wait(&t, "不是本项的选项");
	e2e_wait(&t, "< 请选择 >");
	e2e_key(&t, K_PGUP);
	e2e_wait(&t, "[申请人]");
	e2e_wait(&t, "本市户籍                < 1 否 >");
	e2e_wait(&t, sun);
	assert_false(e2e_has(&t, "ELIG-1"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* 林涛's address changed after his registration (the records say so): his
 * endorsement opens with the change answered and its housing questions and
 * documents asked, not with 否 and the ID card alone. */
static void
test_endorse_address_known(void **state)
{
	struct term t = { 0 };
	const char *lin = "35020319940404268X";

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_key(&t, "\0332");             /* F2: person look-up */
	e2e_wait(&t, "人员查询");
	e2e_type(&t, lin);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "办理记录");
	e2e_type(&t, "7");               /* his endorsement */
	e2e_wait(&t, "[住房]");          /* where the first answer is missing */
	e2e_wait(&t, "登记后住址已变更");
	e2e_wait(&t, "HOUSE-1");
	e2e_key(&t, K_PGUP);
	e2e_wait(&t, "[申请人]");
	e2e_wait(&t, "现住址与登记地址不一致  < 2 是 >");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A unified fee receipt number (定额收据号) is used once: 高峰's earlier
 * replacement used NO.0012345, so the same number is refused at its field
 * and the replacement goes through only with a new one. */
static void
test_fee_receipt_once(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "4");          /* 居住证补领 */
	e2e_type(&t, "140105198307074819");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：高峰");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[办理事项]");
	e2e_key(&t, K_TAB);
	e2e_key(&t, K_TAB);
	e2e_wait(&t, "> 定额收据号");
	e2e_type(&t, "NO.0012345");
	e2e_key(&t, K_TAB);
	e2e_wait(&t, "此定额收据号已用过");
	e2e_key(&t, K_PGDN);              /* refused: the page stays */
	e2e_wait(&t, "> 定额收据号");
	assert_true(e2e_has(&t, "[办理事项]"));
	for (int i = 0; i < 2; i++)
		e2e_key(&t, "\177");
	e2e_type(&t, "99");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "NO.00123");
	assert_false(e2e_has(&t, "NO.0012345"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* 李娜 holds a valid registration: registering her again is said on the
 * screen before F10 (it moves REG-3's date later) and asked at F10; n goes
 * back with nothing written, y registers. */
static void
test_reregister_warns(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, "340104199207193170");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：李娜");
	e2e_wait(&t, "此人已有有效居住登记");
	e2e_wait(&t, "后延至 2027-05-27");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_address(&t, 2, "仙霞路", "", "3");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_wait(&t, "此人已有有效居住登记");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "确定重新登记吗");
	e2e_type(&t, "n");
	e2e_wait_gone(&t, "确定重新登记吗");
	assert_false(e2e_has(&t, "回执号"));
	assert_true(e2e_has(&t, "提交后结论：受理"));
	e2e_key(&t, K_F10);
	e2e_wait(&t, "确定重新登记吗");
	e2e_type(&t, "y");
	e2e_wait(&t, "回执号");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A same-day fast replacement hands the card over on the spot: its receipt
 * says so, and tells nobody to wait for an SMS. */
static void
test_fast_replace_receipt(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 30, 100);
	e2e_start_flow(&t, "5");          /* 居住证补领（加急） */
	e2e_type(&t, "140105198307074819");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：高峰");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[办理事项]");
	e2e_wait(&t, "> 快证事由");
	e2e_type(&t, "1");
	e2e_key(&t, K_TAB);
	e2e_key(&t, K_TAB);
	e2e_wait(&t, "> 定额收据号");
	e2e_type(&t, "NO.0020001");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "制证完成：2026-11-27");
	e2e_wait(&t, "领证须知：证件已于受理当日当场交付本人");
	e2e_settle(&t);
	assert_false(e2e_has(&t, "短信"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The text a scenario file says its last screen shows ("expect: ..."). */
static bool
e2e_scenario_expect(const char *name, char *out, size_t size)
{
	char  path[512], line[500];
	FILE *f;
	bool  found = false;

	snprintf(path, sizeof path, "%s/%s.scn", E2E_SCENARIO_DIR, name);
	f = fopen(path, "r");
	if (f == NULL)
		return false;
	while (!found && fgets(line, sizeof line, f) != NULL)
		if (strncmp(line, "expect:", 7) == 0) {
			char *v = line + 7;

			while (*v == ' ')
				v++;
			v[strcspn(v, "\r\n")] = '\0';
			snprintf(out, size, "%s", v);
			found = true;
		}
	fclose(f);
	return found;
}

/* Plays a scenario at a fast pace and waits for its expected screen and
 * the end of the narration. */
static void
e2e_play(struct term *t, const char *name, const char *db)
{
	char        expect[512];
	const char *args[] = { "demo", "--play", name, "--pace", "60", "--db", db, NULL };

	if (db == NULL)
		args[5] = NULL;
	assert_true(e2e_scenario_expect(name, expect, sizeof expect));
	e2e_start(t, 24, 80, args);
	e2e_wait_demo(t, "演示");
	e2e_wait(t, "演示结束");
	e2e_wait(t, expect);
}

/* One scenario replayed on a fresh (temporary) training database ends on
 * its expected screen, the narration drawn on its own row. */
static void
test_scenario_replay(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_play(&t, "registration", NULL);
	e2e_wait(&t, "回执号：310105009-20261127-");
	e2e_wait(&t, "演示结束：居住登记申报：新来沪人员租房");
	e2e_capture(&t, "scenario-end");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Every scenario file plays to its expected screen (the same --db reset
 * between them: a fresh training database each time). */
static void
test_scenarios_all(void **state)
{
	struct term    t = { 0 };
	DIR           *d;
	struct dirent *e;
	int            n = 0;

	(void)state;
	e2e_tmpdir(&t);
	d = opendir(E2E_SCENARIO_DIR);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char   name[256];
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".scn") != 0)
			continue;
		snprintf(name, sizeof name, "%.*s", (int)(len - 4), e->d_name);
		fprintf(stderr, "scenario %s\n", name);
		e2e_play(&t, name, t.db);
		assert_int_equal(e2e_quit(&t), 0);
		n++;
	}
	closedir(d);
	assert_true(n > 0);
	e2e_cleanup(&t);
}

/* `jzz demo --list` names every scenario file, with its title. */
static void
test_demo_list(void **state)
{
	char           cmd[512], out[65536] = "";
	FILE          *p;
	DIR           *d;
	struct dirent *e;
	size_t         n;
	int            st, files = 0;

	(void)state;
	snprintf(cmd, sizeof cmd, "LANG=C.UTF-8 LC_ALL=C.UTF-8 %s demo --list 2>&1", JZZ_BIN);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	st = pclose(p);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	d = opendir(E2E_SCENARIO_DIR);
	assert_non_null(d);
	while ((e = readdir(d)) != NULL) {
		char   name[256];
		size_t len = strlen(e->d_name);

		if (len <= 4 || strcmp(e->d_name + len - 4, ".scn") != 0)
			continue;
		snprintf(name, sizeof name, "%.*s ", (int)(len - 4), e->d_name);
		if (strstr(out, name) == NULL)
			fail_msg("--list lacks %s:\n%s", name, out);
		files++;
	}
	closedir(d);
	assert_true(files > 0);
	assert_non_null(strstr(out, "居住登记申报：新来沪人员租房 / Registration: a newcomer renting"));
}

/* A registration typed at the counter with its address (the second one
 * completes the road from the first): the address is on the receipt, on the
 * person screen and in `jzz person`. */
static void
test_address(void **state)
{
	struct term t = { 0 };
	char        id[19], id2[19], cmd[1024], out[16384];
	FILE       *p;
	size_t      n;

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1991, 6, 1, "233");
	e2e_id(id2, "110105", 1992, 7, 2, "244");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "孙丽");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_address(&t, 2, "仙霞路", "99", "12");
	e2e_key(&t, K_TAB);
	e2e_type(&t, "301");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "居住地址：虹桥街道仙霞路99弄12号301室");
	e2e_capture(&t, "receipt-address");
	e2e_back_home(&t);

	/* the person screen */
	e2e_key(&t, K_F2);
	e2e_wait(&t, "身份证号/姓名/回执号");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "居住地址：虹桥街道仙霞路99弄12号301室（自 2026-11-27）");
	e2e_capture(&t, "person-address");
	e2e_esc(&t, "身份证号/姓名/回执号");
	e2e_esc(&t, "本中心待办");

	/* the next one: 仙 then → completes the road on record */
	e2e_start_flow(&t, "1");
	e2e_type(&t, id2);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "周敏");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_key(&t, K_TAB);
	e2e_key(&t, K_TAB);
	e2e_type(&t, "7");
	e2e_key(&t, K_TAB);
	e2e_type(&t, "仙");
	e2e_wait(&t, "已有道路（→ 补全为第一个）：仙霞路");
	e2e_key(&t, "\033OC");   /* → */
	e2e_wait(&t, "仙霞路");
	e2e_key(&t, K_TAB);
	e2e_key(&t, K_TAB);
	e2e_type(&t, "5");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "居住地址：虹桥街道仙霞路5号");
	e2e_back_home(&t);
	assert_int_equal(e2e_quit(&t), 0);

	/* `jzz person`, on the same training database */
	snprintf(cmd, sizeof cmd, "%s --db %s --training --today 2026-11-27 person %s", JZZ_BIN,
	    t.db, id);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	assert_int_equal(pclose(p), 0);
	if (strstr(out, "\"address\":{\"district\":\"310105\",\"street\":\"310105009\","
	    "\"street_name\":\"虹桥街道\",\"road\":\"仙霞路\",\"lane\":\"99\",\"number\":\"12\","
	    "\"room\":\"301\",\"text\":\"仙霞路99弄12号301室\",\"valid_from\":\"2026-11-27\"") == NULL ||
	    strstr(out, "\"addresses\":[{") == NULL)
		fail_msg("jzz person: %.2000s", out);
	e2e_cleanup(&t);
}

/* Two persons of the same name, found by name at F2: told apart by birth
 * date and masked ID number; the second opens. */
static void
test_namesakes(void **state)
{
	struct term t = { 0 };
	char        id1[19], id2[19], m2[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id1, "110105", 1980, 1, 15, "311");
	e2e_id(id2, "110105", 1995, 9, 30, "322");
	memcpy(m2, id2, 19);
	memset(m2 + 6, '*', 8);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_register(&t, id1, "张伟");
	e2e_register(&t, id2, "张伟");
	e2e_key(&t, K_F2);
	e2e_wait(&t, "身份证号/姓名/回执号");
	e2e_type(&t, "张伟");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "同名 2 人");
	e2e_wait(&t, "1980-01-15");
	e2e_wait(&t, "1995-09-30");
	e2e_wait(&t, m2);
	e2e_capture(&t, "lookup-namesakes");
	e2e_key(&t, K_DOWN);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "人员信息");
	e2e_wait(&t, m2);
	/* back: the look-up starts empty again */
	e2e_esc(&t, "身份证号/姓名/回执号");
	e2e_wait_gone(&t, "同名 2 人");
	e2e_esc(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* F9 logs out to the login screen from any screen; another clerk logs in
 * without a restart and the home screen is theirs. */
static void
test_logout(void **state)
{
	struct term t = { 0 };
	static const char clerk2[] = "clerk2\rcounter-two-2026\r";

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "clerk1（");
	e2e_wait(&t, "F9注销");
	e2e_start_flow(&t, "2");
	e2e_wait(&t, "F9注销");
	e2e_key(&t, K_F9);
	e2e_wait(&t, "账号");
	e2e_wait(&t, "F10登录");
	e2e_write(&t, clerk2, strlen(clerk2));
	e2e_wait(&t, "本中心待办");
	e2e_wait(&t, "clerk2（");
	/* the day's list is clerk2's: empty; the centre's shows nothing either */
	e2e_key(&t, K_F10);
	e2e_wait(&t, "本人（clerk2）受理 0 件");
	e2e_esc(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A business for someone who came with an agent last time starts with that
 * agent filled in (a minor's guardian: kind and ID number), for the clerk
 * to keep or change. */
static void
test_prefill_agent(void **state)
{
	struct term t = { 0 };
	char        child[19], mother[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(child, "420106", 2016, 5, 1, "022");
	e2e_id(mother, "420106", 1987, 8, 8, "044");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, child);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "王小明");
	for (int i = 0; i < 6; i++)
		e2e_key(&t, K_TAB);
	e2e_type(&t, "2");        /* guardian */
	e2e_wait(&t, "< 2 监护人 >");
	e2e_key(&t, K_TAB);
	e2e_type(&t, mother);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "3");
	e2e_address(&t, 3, "仙霞路", "", "8");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "监护关系证明材料");
	for (int i = 0; i < 5; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_back_home(&t);
	/* the next business of the child: the guardian is there already */
	e2e_start_flow(&t, "1");
	e2e_type(&t, child);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：王小明");
	e2e_wait(&t, "< 2 监护人 >");
	e2e_wait(&t, mother);
	e2e_capture(&t, "flow-agent-known");
	assert_false(e2e_has(&t, "[不符] AGENT-1"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The review names the fee and the day the card is ready before F10, and
 * they are the ones the receipt then records. */
static void
test_review_fee_ready(void **state)
{
	struct term t = { 0 };
	jzz_date    ready;
	char        day[JZZ_DATE_STRLEN], want[64];

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "4");          /* 居住证补领, for personal reasons */
	e2e_type(&t, "140105198307074819");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：高峰");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[办理事项]");
	e2e_key(&t, K_TAB);
	e2e_key(&t, K_TAB);
	e2e_wait(&t, "> 定额收据号");
	e2e_type(&t, "NO.7700001");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_type(&t, K_SPACE);
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_wait(&t, "工本费：20 元");
	e2e_wait(&t, "制证完成：");
	e2e_capture(&t, "flow-review-fee");
	ready = e2e_date_after(&t, "制证完成：");
	assert_true(ready > date_from_ymd(2026, 11, 27));
	date_format(ready, day);
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	snprintf(want, sizeof want, "%s", day);
	e2e_wait(&t, want);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Registers a new person whose housing the rules refuse: `tenure` and
 * `keys` pick the tenure and then answer the housing questions up to the
 * street (each followed by Tab), with the documents for it ticked. */
static void
e2e_register_refused(struct term *t, const char *id, const char *name, const char *tenure,
                     const char *const *keys)
{
	e2e_start_flow(t, "1");
	e2e_type(t, id);
	e2e_key(t, K_ENTER);
	e2e_type(t, name);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[住房]");
	e2e_type(t, tenure);
	e2e_key(t, K_TAB);
	for (; *keys != NULL; keys++) {
		e2e_type(t, *keys);
		e2e_key(t, K_TAB);
	}
	e2e_address(t, 0, "仙霞路", "", "8");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(t, K_SPACE);
	e2e_key(t, K_PGDN);
	e2e_wait(t, "提交后结论：不予受理");
	e2e_key(t, K_F10);
	e2e_wait(t, "下一步：");
}

/* HOUSE-4 and HOUSE-6 refusals say what to bring instead (in both
 * languages), and the next business of that person says before anything is
 * typed why the last one was refused. */
static void
test_refusal_next_step(void **state)
{
	struct term        t = { 0 };
	char               id[19], id2[19];
	static const char *office[] = { "3", NULL };              /* use: 办公 */
	static const char *to_unit[] = { "1", "2", NULL };        /* use: 居住; leased to: 单位 */

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1991, 2, 3, "455");
	e2e_id(id2, "110105", 1992, 4, 5, "466");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_register_refused(&t, id, "钱多", "1", office);
	e2e_wait(&t, "[不符] HOUSE-4");
	e2e_wait(&t, "请提供产证载明为居住用途的住房的在沪合法居住证明");
	assert_false(e2e_has(&t, "按所列规则纠正后重新申请"));
	e2e_key(&t, "\033[17~");   /* F6: English */
	e2e_wait(&t, "Next step: HOUSE-4: Bring the proof of legal residence of a home");
	e2e_key(&t, "\033[17~");
	e2e_wait(&t, "下一步：");
	e2e_back_home(&t);

	e2e_register_refused(&t, id2, "孙少", "3", to_unit);
	e2e_wait(&t, "[不符] HOUSE-6");
	e2e_wait(&t, "租赁给本人（个人）的租赁合同");
	e2e_back_home(&t);

	/* the next registration of the first: the refusal is said at once */
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "上次居住登记申报（2026-11-27");
	e2e_wait(&t, "不予受理：HOUSE-4 居住用途住房");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* Keys that save a keystroke: the ID number moves on by itself at its 18th
 * valid character (the habitual Enter after it does not move again; a wrong
 * number stays, its error said at once), Space on a document ticks it and
 * moves to the next. */
static void
test_keys_id_docs(void **state)
{
	struct term t = { 0 };
	char        id[19], id2[19], bad[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_id(id2, "110105", 1991, 4, 8, "134");
	memcpy(bad, id2, 19);
	bad[17] = bad[17] == '1' ? '2' : '1';
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, bad);                  /* a wrong check character: stays, said at once */
	e2e_wait(&t, "✗ ");
	assert_true(e2e_has(&t, "> 身份证号"));
	for (int i = 0; i < 18; i++)
		e2e_key(&t, "\177");
	e2e_wait_gone(&t, bad);
	for (const char *p = id; *p != '\0'; p++) {   /* typed key by key, no Enter */
		char one[2] = { *p, '\0' };

		e2e_type(&t, one);
	}
	e2e_wait(&t, "新人员");
	e2e_wait(&t, "> 姓名");
	e2e_type(&t, "张三");
	e2e_wait(&t, "张三");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_address(&t, 2, "仙霞路", "", "3");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)         /* Space, Space, Space: the three papers */
		e2e_type(&t, K_SPACE);
	e2e_wait(&t, "各项规则均通过");
	assert_false(e2e_has(&t, "[ ] 居民身份证"));
	assert_false(e2e_has(&t, "[ ] 《居住登记信息表》"));
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_back_home(&t);
	/* the ID number and the Enter of habit: the name still lands in the name */
	e2e_start_flow(&t, "1");
	e2e_type(&t, id2);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "新人员");
	e2e_type(&t, "李四");
	e2e_wait(&t, "> 姓名                    李四");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The receipt starts the next business: F2 the same one for the next
 * applicant, a business digit another, without a stop at home. Every y/n
 * question takes Enter as yes, and says so. */
static void
test_receipt_next_enter_yes(void **state)
{
	struct term t = { 0 };
	char        id[19], id2[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_id(id2, "110105", 1991, 4, 8, "134");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_register(&t, id, "张三");       /* ends on the home screen */
	e2e_start_flow(&t, "1");
	e2e_type(&t, id2);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "王五");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_address(&t, 2, "仙霞路", "", "3");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "F2下一位");
	e2e_key(&t, K_F2);                  /* the next applicant, the same business */
	e2e_wait(&t, "[申请人]");
	e2e_wait(&t, "居住登记申报");
	e2e_settle(&t);   /* the new form drawn whole before what it lacks is read */
	assert_false(e2e_has(&t, id2));
	assert_false(e2e_has(&t, "回执号"));
	/* something typed, then Esc: the question says Enter, and Enter discards */
	e2e_type(&t, "1101");
	e2e_esc(&t, "（y 或 Enter 放弃 / n 继续）");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "本中心待办");
	/* the re-registration's question: Enter registers */
	e2e_start_flow(&t, "1");
	e2e_type(&t, id2);
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "已有记录：王五");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "1");
	e2e_wait(&t, "仙霞路");                /* the address on record */
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "确定重新登记吗？（y 或");   /* whole, on two rows at 80 columns */
	e2e_wait(&t, "Enter 登记 / n 返回）");
	e2e_key(&t, K_ENTER);
	e2e_wait(&t, "回执号");
	e2e_type(&t, "7");                  /* a business digit: an endorsement at once */
	e2e_wait(&t, "居住证签注");
	e2e_wait(&t, "[申请人]");
	e2e_esc(&t, "本中心待办");
	/* quitting: Enter quits */
	e2e_esc(&t, "（y 或 Enter 退出 / n 留下）");
	e2e_key(&t, K_ENTER);
	assert_int_equal(e2e_wait_exit(&t), 0);
	e2e_cleanup(&t);
}

/* Polls until the screen shows `text`; true when `never` did not appear on
 * any screen seen on the way. */
static bool
e2e_wait_without(struct term *t, const char *text, const char *never)
{
	long end = e2e_now_ms() + E2E_TIMEOUT_MS;
	char s[32768];
	bool clean = true;

	for (;;) {
		e2e_pump(t, 5);
		e2e_screen(t, s, sizeof s);
		if (strstr(s, never) != NULL)
			clean = false;
		if (strstr(s, text) != NULL)
			return clean;
		if (e2e_now_ms() > end) {
			e2e_dump(t, text);
			fail_msg("screen never showed \"%s\"", text);
		}
	}
}

/* esc_wait = 0 (JZZ_ESC_WAIT): Esc acts at once, never waiting for a digit
 * (the "Esc: a digit..." hint is never drawn), and an Esc+digit that a
 * terminal's key mapping sends together is still that F-key. A value that
 * is no number of milliseconds is refused with its reason. */
static void
test_esc_at_once(void **state)
{
	struct term t = { 0 };
	char        cmd[512], out[4096] = "";
	FILE       *p;
	size_t      n;
	int         st;

	(void)state;
	e2e_tmpdir(&t);
	t.esc_wait = "0";
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_key(&t, K_ESC);               /* nothing typed: straight back */
	assert_true(e2e_wait_without(&t, "本中心待办", "Esc：按数字"));
	e2e_key(&t, "\0336");             /* Esc 6 together = F6 */
	e2e_wait(&t, "Work queues of this centre");
	e2e_key(&t, "\0336");
	e2e_wait(&t, "本中心待办");
	e2e_start_flow(&t, "1");
	e2e_type(&t, "1101");
	e2e_key(&t, K_ESC);               /* something typed: asked at once */
	assert_true(e2e_wait_without(&t, "放弃本次录入的内容吗", "Esc：按数字"));
	e2e_type(&t, "n");
	e2e_wait_gone(&t, "放弃本次录入的内容吗");
	assert_true(e2e_has(&t, "1101"));
	assert_int_equal(e2e_quit(&t), 0);

	snprintf(cmd, sizeof cmd, "JZZ_ESC_WAIT=soon LANG=C.UTF-8 %s --db %s --training tui 2>&1",
	    JZZ_BIN, t.db);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, sizeof out - 1, p);
	out[n] = '\0';
	st = pclose(p);
	assert_true(WIFEXITED(st) && WEXITSTATUS(st) != 0);
	if (strstr(out, "JZZ_ESC_WAIT: expected milliseconds from 0 to 2000, not soon") == NULL)
		fail_msg("no reason given: %s", out);
	e2e_cleanup(&t);
}

/* The screen's rows joined, each without its leading blanks: text that
 * wraps onto the next row reads whole again. */
static bool
e2e_has_joined(struct term *t, const char *text)
{
	char row[2048], all[32768];
	size_t o = 0;

	e2e_pump(t, 0);
	all[0] = '\0';
	for (int r = 0; r < t->rows; r++) {
		const char *p = row;

		e2e_row(t, r, row, sizeof row);
		while (*p == ' ')
			p++;
		o += (size_t)snprintf(all + o, sizeof all - o, "%s", p);
		if (o >= sizeof all)
			break;
	}
	return strstr(all, text) != NULL;
}

/* Nothing is cut at 80 columns: a choice's brackets (Chinese and English),
 * the review's documents line, the person line, the ENDO-3 notice of the
 * receipt; what does not fit a row goes on to the next. */
static void
test_80_columns(void **state)
{
	struct term t = { 0 };
	char        id[19];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_start_flow(&t, "1");
	e2e_type(&t, id);
	e2e_key(&t, K_ENTER);
	e2e_type(&t, "张三");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[住房]");
	e2e_type(&t, "5");
	e2e_wait(&t, "< 5 单位、学校集体宿舍 >");
	e2e_key(&t, "\033[17~");          /* F6: English */
	e2e_type(&t, "4");
	e2e_wait(&t, "< 4 rented by a near relative >");
	e2e_key(&t, "\033[17~");
	e2e_type(&t, "3");
	e2e_wait(&t, "本人租赁 >");
	e2e_address(&t, 3, "仙霞路", "99", "12");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	for (int i = 0; i < 3; i++)
		e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	for (int i = 0; i < 8; i++)        /* down to the documents */
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "q  材料");
	e2e_wait(&t, "《居住登记信");   /* shown, whole or cut */
	e2e_settle(&t);
	e2e_capture(&t, "w80-review-docs");
	if (!e2e_has_joined(&t, "居民身份证、房屋租赁合同登记备案证明、《居住登记信息表》")) {
		e2e_dump(&t, "documents line");
		fail_msg("the review's documents line is cut");
	}
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_back_home(&t);

	e2e_start_flow(&t, "7");          /* 吴芳: more than 60 days late (ENDO-3) */
	e2e_type(&t, "370102199309094424");
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "[材料]");
	e2e_wait(&t, "居住证有效期至 2026-09-17（已中止（逾期未签注））");
	e2e_type(&t, K_SPACE);
	e2e_key(&t, K_PGDN);
	e2e_wait(&t, "提交后结论：受理");
	e2e_key(&t, K_F10);
	e2e_wait(&t, "回执号");
	e2e_wait(&t, "受理人：");
	e2e_settle(&t);
	e2e_capture(&t, "w80-receipt-endo3");
	if (!e2e_has_joined(&t, "请告知申请人：[ENDO-3] 居住证有效期至2026-09-17，已逾期71日（超过60日），"
	    "签注后在本市的居住年限清零，自签注之日起重新计算")) {
		e2e_dump(&t, "ENDO-3");
		fail_msg("the receipt's ENDO-3 notice is cut");
	}
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A scenario ends on the screen of its business (here the receipt): the
 * end banner's F9 is drawn on the bar and ends the demo there, asked
 * first. */
static void
test_scenario_end_f9(void **state)
{
	struct term t = { 0 };

	(void)state;
	e2e_tmpdir(&t);
	e2e_play(&t, "registration", NULL);
	e2e_wait(&t, "回执号：310105009-20261127-");
	e2e_wait(&t, "F9 退出");
	e2e_wait(&t, "F9退出");
	e2e_key(&t, K_F9);
	e2e_wait(&t, "退出受理终端吗");
	e2e_type(&t, "y");
	assert_int_equal(e2e_wait_exit(&t), 0);
	e2e_cleanup(&t);
}

/* The login screen of training mode lists each demo account the demo
 * password still opens, all of them when they fit (with an error line
 * shown too), and none whose password was reset or changed since. */
static void
test_login_demo_passwords(void **state)
{
	struct term t = { 0 };
	char        cmd[8192];
	const char *demo[] = { "--today", "2026-11-27", "demo", "--db", NULL, NULL };

	(void)state;
	e2e_tmpdir(&t);
	demo[4] = t.db;
	e2e_start(&t, 24, 80, demo);
	e2e_wait_demo(&t, "counter-one-2026");
	e2e_type(&t, "clerk1\rnot-the-password\r");
	e2e_wait(&t, "账号或密码不正确");
	for (size_t i = 0; i < 8; i++) {
		static const char *const pw[] = { "counter-one-2026", "counter-two-2026",
			"counter-3rd-2026", "nearby-desk-2026", "nextdoor-desk-26", "supervise-2026",
			"teach-demo-2026", "office-keys-2026" };

		e2e_wait(&t, pw[i]);
	}
	assert_int_equal(e2e_quit(&t), 0);
	/* clerk2 reset by the owner (a temporary password); clerk3 sets a new one */
	snprintf(cmd, sizeof cmd, "%s --db '%s' --training user reset clerk2 >/dev/null 2>&1 &&"
	    " printf 'counter-3rd-2026\\n' > '%s/old' && printf 'Quite-Another-2026\\n' > '%s/new' &&"
	    " chmod 600 '%s/old' '%s/new' && %s --db '%s' --training --user clerk3 --password-file"
	    " '%s/old' user password --new-password-file '%s/new' >/dev/null 2>&1", JZZ_BIN, t.db,
	    t.dir, t.dir, t.dir, t.dir, JZZ_BIN, t.db, t.dir, t.dir);
	assert_int_equal(system(cmd), 0);
	e2e_start(&t, 24, 80, demo);
	e2e_wait_demo(&t, "counter-one-2026");
	e2e_wait(&t, "office-keys-2026");
	assert_false(e2e_has(&t, "counter-two-2026"));
	assert_false(e2e_has(&t, "counter-3rd-2026"));
	assert_false(e2e_has(&t, "clerk2"));
	e2e_capture(&t, "login-demo-reset");
	/* the accounts shown do open */
	e2e_type(&t, "clerk4\rnearby-desk-2026\r");
	e2e_wait(&t, "本中心待办");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The supervisor opens the report on a day of the demo's fortnight and
 * finds it full: dozens of applications, refusals and incomplete ones,
 * several clerks with their bars, fees with receipt-book numbers, overdue
 * pickup notices; the whole district has three centres at work. */
static void
test_report_fortnight(void **state)
{
	struct term t = { 0 };
	int         n;

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_key(&t, K_F5);
	e2e_wait(&t, "日期 2026-11-27");
	e2e_key(&t, "\033OD");    /* Left: the day before, the fortnight's last */
	e2e_wait(&t, "日期 2026-11-26");
	n = e2e_wait_number_above(&t, "合计：申请 ", 19);
	assert_true(n >= 20);
	assert_true(e2e_number_after(&t, "不予受理 ") >= 1);
	assert_true(e2e_number_after(&t, "材料不全 ") >= 1);
	e2e_wait(&t, "居住登记申报 · 受理");
	e2e_capture(&t, "report-fortnight");
	for (int i = 0; i < 40 && !e2e_wait_quiet(&t, "clerk3", 300); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait_demo(&t, "clerk1");
	e2e_wait(&t, "clerk2");
	e2e_wait(&t, "clerk3");
	for (int i = 0; i < 60 && !e2e_wait_quiet(&t, "收据 NO.", 300); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "收据 NO.");
	assert_true(e2e_wait_number_above(&t, "窗口收费 ", 19) >= 20);
	for (int i = 0; i < 80 && !e2e_wait_quiet(&t, "通知期限", 300); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "通知期限");
	e2e_wait(&t, "逾期");
	/* F3: the whole district, three centres */
	e2e_key(&t, "\033OR");
	e2e_wait(&t, "全区");
	assert_true(e2e_wait_number_above(&t, "合计：申请 ", n) > n);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A card of a new person left waiting at the centre (through `jzz`, as the
 * owner of the training file): registered in May, a permit in November,
 * the card arrived on `arrived`; its notice is overdue two working days on. */
static void
e2e_waiting_card(struct term *t, int k, const char *name, const char *arrived)
{
	char id[19], seq[12], cmd[2048];

	snprintf(seq, sizeof seq, "%03d", 100 + k);
	e2e_id(id, "110105", 1990, 1 + k / 28, 1 + k % 28, seq);
	snprintf(cmd, sizeof cmd, "cd '%s' && ( printf '%%s' '{\"business\":\"registration\","
	    "\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\",\"phone\":\"13800000000\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}' | %s --training --db %s --today 2026-05-04 submit - &&"
	    " printf '%%s' '{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\"]}' |"
	    " %s --training --db %s --today 2026-11-09 submit - &&"
	    " %s --training --db %s --today %s card received --id %s ) >/dev/null", t->dir, id, name,
	    JZZ_BIN, t->db, id, name, JZZ_BIN, t->db, JZZ_BIN, t->db, arrived, id);
	if (system(cmd) != 0)
		fail_msg("could not leave a card waiting: %s", cmd);
}

/* A new person's permit that ran out unendorsed (through `jzz`, as
 * e2e_waiting_card): registered in May 2025, a permit the November after;
 * returns the permit's last day, after which it is suspended (PERMIT-9). */
static jzz_date
e2e_lapsed_permit(struct term *t, int k, const char *name)
{
	char        id[19], seq[12], cmd[2048], out[8192] = "";
	const char *p;
	FILE       *pp;
	size_t      n;
	jzz_date    vu;

	snprintf(seq, sizeof seq, "%03d", 100 + k);
	e2e_id(id, "110106", 1991, 1 + k / 28, 1 + k % 28, seq);
	snprintf(cmd, sizeof cmd, "cd '%s' && ( printf '%%s' '{\"business\":\"registration\","
	    "\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\",\"phone\":\"13800000000\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}' | %s --training --db %s --today 2025-05-06 submit - &&"
	    " printf '%%s' '{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\"]}' |"
	    " %s --training --db %s --today 2025-11-10 submit - ) >/dev/null &&"
	    " %s --training --db %s --today 2026-11-27 person %s", t->dir, id, name, JZZ_BIN, t->db, id,
	    name, JZZ_BIN, t->db, JZZ_BIN, t->db, id);
	pp = popen(cmd, "r");
	assert_non_null(pp);
	n = fread(out, 1, sizeof out - 1, pp);
	out[n] = '\0';
	if (pclose(pp) != 0)
		fail_msg("could not make a permit: %s", cmd);
	p = strstr(out, "\"permit\":{");
	if (p == NULL || (p = strstr(p, "\"valid_until\":\"")) == NULL ||
	    !date_parse(p + strlen("\"valid_until\":\""), 10, &vu))
		fail_msg("no permit's last day in %s", out);
	return vu;
}

/* The row of the screen holding `text`, or -1. */
static int
e2e_row_of(struct term *t, const char *text)
{
	char line[1024];

	for (int r = 0; r < t->rows; r++) {
		e2e_row(t, r, line, sizeof line);
		if (strstr(line, text) != NULL)
			return r;
	}
	return -1;
}

/* A list longer than a page on the report screen: the overdue notices of
 * the centre are the demo's and fifty more; the screen lists the first 50
 * and says how many there are; F7 lists the rest, there, the last one
 * (due last) among them, and the line asking for more is gone. The same
 * for a list of the period: the permits suspended on a day, fifty-one that
 * ran out together. */
static void
test_report_pages(void **state)
{
	struct term t = { 0 };
	int         total, row;
	jzz_date    vu = JZZ_DATE_NONE;
	char        day[JZZ_DATE_STRLEN], want[64];

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	assert_int_equal(e2e_quit(&t), 0);
	for (int k = 0; k < 49; k++)
		e2e_waiting_card(&t, k, "测试", "2026-11-20");
	e2e_waiting_card(&t, 49, "末位", "2026-11-23");
	for (int k = 0; k < 51; k++) {
		jzz_date v = e2e_lapsed_permit(&t, k, k < 50 ? "测试" : "末签");

		assert_true(vu == JZZ_DATE_NONE || v == vu);   /* all accepted on one day */
		vu = v;
	}
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_key(&t, K_F5);
	e2e_wait(&t, "日期 2026-11-27");
	e2e_wait(&t, "F7续列名单");
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "已列出 50 人，共 ", 200); i++)
		e2e_key(&t, K_PGDN);
	total = e2e_number_after(&t, "已列出 50 人，共 ");
	assert_true(total > 50);
	e2e_capture(&t, "report-pages");
	assert_false(e2e_has(&t, "末位"));
	e2e_key(&t, "\033[18~");   /* F7 */
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "末位", 200); i++)
		e2e_key(&t, K_PGDN);
	e2e_wait(&t, "末位");
	assert_false(e2e_has(&t, "已列出 50 人"));
	/* the suspended permits of a day, likewise: the day after the last
	 * of fifty-one, the one accepted last left off the first page */
	date_format(vu + 1, day);
	e2e_type(&t, day);
	e2e_key(&t, K_ENTER);
	snprintf(want, sizeof want, "日期 %s", day);
	e2e_wait(&t, want);
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "自动签注未成功", 200); i++)
		e2e_key(&t, K_PGDN);
	e2e_wait(&t, "自动签注未成功");
	row = e2e_row_of(&t, "自动签注未成功");
	{
		char line[1024];
		int  r = row - 1;

		e2e_row(&t, r, line, sizeof line);
		if (strstr(line, "已列出 50 人，共 ") == NULL)   /* a blank line between */
			e2e_row(&t, --r, line, sizeof line);
		assert_non_null(strstr(line, "已列出 50 人，共 "));
		assert_true(atoi(strstr(line, "共 ") + strlen("共 ")) > 50);
	}
	assert_false(e2e_has(&t, "末签"));
	e2e_key(&t, "\033[18~");   /* F7 */
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "末签", 200); i++)
		e2e_key(&t, K_PGDN);
	e2e_wait(&t, "末签");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* A replacement card paid at the counter on 2026-11-27 with receipt-book
 * number NO.08<k> (through `jzz`, as e2e_waiting_card): a fee line of
 * that day's ledger. */
static void
e2e_fee_line(struct term *t, int k, const char *name)
{
	char id[19], seq[12], cmd[2400];

	snprintf(seq, sizeof seq, "%03d", 100 + k);
	e2e_id(id, "110107", 1992, 1 + k / 28, 1 + k % 28, seq);
	snprintf(cmd, sizeof cmd, "cd '%s' && ( printf '%%s' '{\"business\":\"registration\","
	    "\"applicant\":{\"id_number\":\"%s\",\"name\":\"%s\",\"phone\":\"13800000000\"},"
	    "\"housing\":{\"tenure\":\"rent\"},\"documents\":[\"id_card\",\"registration_form\","
	    "\"lease_filing_certificate\"]}' | %s --training --db %s --today 2025-05-06 submit - &&"
	    " printf '%%s' '{\"business\":\"permit_new\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"%s\"},\"documents\":[\"id_card\",\"permit_application_form\"]}' |"
	    " %s --training --db %s --today 2025-11-10 submit - &&"
	    " printf '%%s' '{\"business\":\"permit_replace\",\"applicant\":{\"id_number\":\"%s\","
	    "\"name\":\"%s\"},\"personal_reason\":true,\"fee_receipt_no\":\"NO.08%05d\","
	    "\"documents\":[\"id_card\",\"permit_application_form\"]}' |"
	    " %s --training --db %s --today 2026-11-27 submit - ) >/dev/null", t->dir, id, name,
	    JZZ_BIN, t->db, id, name, JZZ_BIN, t->db, id, name, k, JZZ_BIN, t->db);
	if (system(cmd) != 0)
		fail_msg("could not take a fee: %s", cmd);
}

/* The fee ledger is paged like the lists of persons: a day of more than
 * fifty fee lines shows the first 50 and the whole count; F7 lists the
 * rest, the line paid last among them, and the line asking for more is
 * gone. */
static void
test_report_ledger_pages(void **state)
{
	struct term t = { 0 };
	int         total;

	(void)state;
	e2e_tmpdir(&t);
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	assert_int_equal(e2e_quit(&t), 0);
	for (int k = 0; k < 50; k++)
		e2e_fee_line(&t, k, "测试");
	e2e_fee_line(&t, 50, "末费");
	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_key(&t, K_F5);
	e2e_wait(&t, "日期 2026-11-27");
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "已列出 50 笔，共 ", 200); i++)
		e2e_key(&t, K_PGDN);
	total = e2e_number_after(&t, "已列出 50 笔，共 ");
	assert_true(total > 50);
	e2e_capture(&t, "report-ledger-pages");
	assert_false(e2e_has(&t, "末费"));
	e2e_key(&t, "\033[18~");   /* F7 */
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "末费", 200); i++)
		e2e_key(&t, K_PGDN);
	e2e_wait(&t, "末费");
	assert_false(e2e_has(&t, "已列出 50 笔"));
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* What people read is named, not coded: the home screen names the centre;
 * an application without a receipt number (incomplete) is listed by its
 * short number, the first eight hex digits of its UUID; the supervisor's
 * report gives the reasons in words and the centres by name. */
static void
test_looks_named(void **state)
{
	char col[256];
	struct term t = { 0 };
	char        id[19], cmd[1400], uuid[64] = "", shortno[16];

	(void)state;
	e2e_tmpdir(&t);
	e2e_id(id, "110105", 1991, 4, 21, "517");
	e2e_demo_login(&t, "2026-11-27", 24, 80);
	e2e_wait(&t, "中心 虹桥街道 310105009");
	e2e_register_incomplete(&t, id, "欧阳明");
	snprintf(cmd, sizeof cmd, "SELECT %s FROM applications WHERE id_number = '%s'",
	    testdb_id_col(col, sizeof col, "id"), id);
	testdb_text(t.db, uuid, sizeof uuid, cmd);
	assert_true(strlen(uuid) >= 36);
	for (int i = 0, n = 0; uuid[i] != '\0' && n < 9; i++) {
		if (!isxdigit((unsigned char)uuid[i]))
			continue;
		if (n == 4)
			shortno[n++] = '-';
		shortno[n++] = (char)toupper((unsigned char)uuid[i]);
	}
	shortno[9] = '\0';
	uuid[36] = '\0';
	e2e_key(&t, K_F10);   /* today's applications */
	e2e_wait(&t, "欧阳明");
	e2e_wait(&t, shortno);
	assert_false(e2e_has(&t, uuid));
	e2e_capture(&t, "today-short-number");
	assert_int_equal(e2e_quit(&t), 0);

	e2e_demo_as(&t, "2026-11-27", "super1\rsupervise-2026\r");
	e2e_key(&t, K_F5);
	e2e_wait(&t, "范围 虹桥街道 310105009");
	e2e_type(&t, "2026-10-28\r");   /* the day the demo's batch ran (ENDO-5) */
	e2e_wait(&t, "日期 2026-10-28");
	for (int i = 0; i < 200 && !e2e_wait_quiet(&t, "居住地址已变更", 200); i++)
		e2e_key(&t, K_DOWN);
	e2e_wait(&t, "居住地址已变更");
	e2e_wait(&t, "无联系电话");
	assert_false(e2e_has(&t, "no_phone"));
	assert_false(e2e_has(&t, "address_changed"));
	e2e_capture(&t, "report-reasons");
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* ---- faults at the counter (PostgreSQL) ----
 *
 * The link between the terminal and a PostgreSQL server stopped, dropped,
 * slowed and stalled under a filled form. A SQLite file has no link: on
 * SQLite these tests skip. What is checked is what the clerk sees (the
 * message, in the screen's language, and the form still there) and what
 * the store holds (one application for the person, or none); how long the
 * clerk waited is printed as FAULT lines, not asserted. */

/* The registration of test_registration, up to its review (F10 not
 * pressed). `mid` runs on the housing page, before the address is typed. */
static void
e2e_fault_fill(struct term *t, const char *id, void (*mid)(struct term *t))
{
	e2e_start_flow(t, "1");
	e2e_type(t, id);
	e2e_key(t, K_ENTER);
	e2e_wait(t, "新人员");
	e2e_type(t, "张三");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[住房]");
	if (mid != NULL)
		mid(t);
	e2e_type(t, "3");
	e2e_wait(t, "本人租赁 >");
	e2e_address(t, 3, "仙霞路", "99", "12");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "[材料]");
	e2e_type(t, K_SPACE);
	e2e_type(t, K_SPACE);
	e2e_type(t, K_SPACE);
	e2e_wait(t, "各项规则均通过");
	e2e_key(t, K_PGDN);
	e2e_wait(t, "提交后结论：受理");
}

/* The applications of the person in the store, as the tests look. */
static long long
e2e_fault_apps(const struct term *t, const char *id)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM applications WHERE id_number = '%s'", id);
	return testdb_count(t->db, sql);
}

/* F10 at the review, then the wait for `text`; returns the milliseconds. */
static long
e2e_fault_f10(struct term *t, const char *text)
{
	long t0;

	if (e2e_has(t, text)) {
		/* the last F10's message, still there: a key the form does
		 * not use (F5) clears it first */
		e2e_key(t, K_F5);
		e2e_wait_gone(t, text);
	}
	t0 = e2e_now_ms();
	e2e_key(t, K_F10);
	e2e_wait(t, text);
	return e2e_now_ms() - t0;
}

/* The form is still there, filled: the review with its person and verdict. */
static void
e2e_fault_form_kept(struct term *t)
{
	e2e_wait(t, "[核对]");
	e2e_wait(t, "张三");
	e2e_wait(t, "仙霞路");
}

/* The server stopped under a filled form (pg_ctlcluster stop, fast: every
 * session ended): F10 says at once that the server cannot be reached, in
 * Chinese and, after F6, in English, the form kept; the server started
 * again, F10 records the application, once. Stops the cluster every _pg
 * test shares, so it runs alone (RUN_SERIAL). */
static void
test_fault_server_stopped(void **state)
{
	struct term t = { 0 };
	const char *ver = getenv("PGVERSION");
	char        id[19], cmd[200];
	long        ms[3];

	(void)state;
	if (!testdb_is_pg() || ver == NULL || getenv("PG_CLUSTER_CONF_ROOT") == NULL) {
		/* SQLite has no server to stop; a server that is not this run's
		 * own (pg_virtualenv) is not the test's to stop */
		skip();
	}
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 120);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_fault_fill(&t, id, NULL);
	snprintf(cmd, sizeof cmd, "pg_ctlcluster -m fast %s regress stop", ver);
	assert_int_equal(system(cmd), 0);
	ms[0] = e2e_fault_f10(&t, "无法连接数据库服务器（表单已保留）");
	e2e_fault_form_kept(&t);
	e2e_key(&t, "\033[17~");   /* F6: the screen in English */
	e2e_wait(&t, "[Review]");
	ms[1] = e2e_fault_f10(&t, "Cannot reach the database server (the form is kept)");
	e2e_wait(&t, "张三");
	snprintf(cmd, sizeof cmd, "pg_ctlcluster %s regress start", ver);
	assert_int_equal(system(cmd), 0);
	assert_int_equal(e2e_fault_apps(&t, id), 0);
	ms[2] = e2e_fault_f10(&t, "310105009-20261127-");
	assert_int_equal(e2e_fault_apps(&t, id), 1);
	printf("FAULT server_stopped: F10 said so after %ld ms (zh), %ld ms (en);"
	    " accepted %ld ms after the server was back\n", ms[0], ms[1], ms[2]);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* The server running again whatever the test did (a failure may have left
 * it stopped, and every later _pg test needs it). */
static int
e2e_fault_server_back(void **state)
{
	const char *ver = getenv("PGVERSION");
	char        cmd[200];

	(void)state;
	if (ver == NULL || getenv("PG_CLUSTER_CONF_ROOT") == NULL)
		return 0;
	snprintf(cmd, sizeof cmd, "pg_ctlcluster %s regress status >/dev/null 2>&1 ||"
	    " pg_ctlcluster %s regress start", ver, ver);
	return system(cmd) == 0 ? 0 : -1;
}

/* Every session of the terminal ended by the server, as an administrator
 * does (pg_terminate_backend of application_name 'jzz'), on this test's
 * database only; returns how many. */
static long long
e2e_fault_terminate(const struct term *t)
{
	return testdb_count(t->db, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
	    " WHERE application_name = 'jzz' AND datname = current_database()"
	    " AND pid <> pg_backend_pid()");
}

static void
e2e_fault_drop_mid(struct term *t)
{
	assert_true(e2e_fault_terminate(t) >= 1);
}

/* The connection dropped in the middle of a business (on the housing page,
 * where the roads are then looked up) and again at the review: nothing is
 * said, F10 records the application, once. */
static void
test_fault_connection_dropped(void **state)
{
	struct term t = { 0 };
	char        id[19];
	long        ms;

	(void)state;
	if (!testdb_is_pg())
		skip();   /* a SQLite file has no connection to drop */
	e2e_tmpdir(&t);
	e2e_demo_login(&t, "2026-11-27", 24, 120);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_fault_fill(&t, id, e2e_fault_drop_mid);
	assert_false(e2e_has(&t, "数据库"));
	assert_true(e2e_fault_terminate(&t) >= 1);
	ms = e2e_fault_f10(&t, "310105009-20261127-");
	assert_false(e2e_has(&t, "无法连接"));
	assert_int_equal(e2e_fault_apps(&t, id), 1);
	printf("FAULT connection_dropped: accepted %ld ms after F10\n", ms);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_cleanup(&t);
}

/* tests/e2e/pgproxy.py between the terminal and the server, steered by
 * commands on its stdin (each answered "ok"). */
struct e2e_proxy {
	pid_t pid;
	FILE *in, *out;
	int   port;
};

static void
e2e_proxy_say(struct e2e_proxy *px, const char *cmd, char *answer, size_t size)
{
	char line[128];

	fprintf(px->in, "%s\n", cmd);
	fflush(px->in);
	if (fgets(line, sizeof line, px->out) == NULL)
		fail_msg("pgproxy.py did not answer \"%s\"", cmd);
	line[strcspn(line, "\n")] = '\0';
	if (answer != NULL)
		snprintf(answer, size, "%s", line);
	else if (strcmp(line, "ok") != 0)
		fail_msg("pgproxy.py answered \"%s\" to \"%s\"", line, cmd);
}

/* Starts the proxy to the server the tests reach (PGHOST, PGPORT) and
 * names the terminal's target through it in t->db: the test's database,
 * without TLS (the proxy reads the protocol), a 2 s connect timeout and
 * a 2 s statement_timeout given in the URI as an administrator would. */
static void
e2e_proxy_start(struct e2e_proxy *px, struct term *t, char *direct, size_t size)
{
	int         in[2], out[2];
	char        line[64];
	const char *host = getenv("PGHOST"), *port = getenv("PGPORT");
	char        db[128];

	assert_non_null(strrchr(t->db, '/'));
	snprintf(db, sizeof db, "%s", strrchr(t->db, '/'));
	assert_int_equal(pipe(in), 0);
	assert_int_equal(pipe(out), 0);
	px->pid = fork();
	assert_true(px->pid >= 0);
	if (px->pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[1]);
		close(out[0]);
		execl(E2E_PYTHON3, E2E_PYTHON3, E2E_SOURCE_DIR "/pgproxy.py",
		    host != NULL && *host != '/' ? host : "127.0.0.1", port != NULL ? port : "5432",
		    (char *)NULL);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	px->in = fdopen(in[1], "w");
	px->out = fdopen(out[0], "r");
	assert_non_null(px->in);
	assert_non_null(px->out);
	if (fgets(line, sizeof line, px->out) == NULL || sscanf(line, "port %d", &px->port) != 1)
		fail_msg("pgproxy.py did not start");
	snprintf(direct, size, "%s", t->db);
	snprintf(t->db, sizeof t->db, "postgresql://127.0.0.1:%d%s?sslmode=disable"
	    "&gssencmode=disable&connect_timeout=2&options=-c%%20statement_timeout%%3D2000",
	    px->port, db);
}

static void
e2e_proxy_stop(struct e2e_proxy *px, struct term *t, const char *direct)
{
	int st;

	fclose(px->in);   /* end of its commands: it exits */
	fclose(px->out);
	waitpid(px->pid, &st, 0);
	snprintf(t->db, sizeof t->db, "%s", direct);
}

/* The applications of the person, looked at directly (not through the
 * proxy, which may be stalled). */
static long long
e2e_proxy_apps(const char *direct, const char *id)
{
	char sql[200];

	snprintf(sql, sizeof sql, "SELECT count(*) FROM applications WHERE id_number = '%s'", id);
	return testdb_count(direct, sql);
}

/*
 * A slow network (every chunk 20 ms late each way), then a server that
 * does not answer in time (the table the submit reads held by another
 * session's lock: the server's statement_timeout of 2 s ends the wait),
 * then a link that stalls with TCP up (the proxy passes nothing on: the
 * client's own deadline, statement_timeout + 5 s, ends it): each time a
 * clear message, nothing written, the form kept; once the link flows
 * again, F10 records the application once.
 */
static void
test_fault_slow_network(void **state)
{
	struct term      t = { 0 };
	struct e2e_proxy px;
	char             id[19], direct[300], dbname[300];
	long             ms[4];
	FILE            *locker;

	(void)state;
	if (!testdb_is_pg())
		skip();   /* a SQLite file has no network between it and the terminal */
	e2e_tmpdir(&t);
	e2e_proxy_start(&px, &t, direct, sizeof direct);
	e2e_demo_login(&t, "2026-11-27", 24, 300);   /* room for the store's reason */
	e2e_proxy_say(&px, "delay 20", NULL, 0);
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_fault_fill(&t, id, NULL);

	/* the server slow: applications locked by someone else */
	snprintf(dbname, sizeof dbname, "psql -X -q -d '%s' >/dev/null", strrchr(direct, '/') + 1);
	locker = popen(dbname, "w");
	assert_non_null(locker);
	fputs("BEGIN; LOCK TABLE jzz.applications IN ACCESS EXCLUSIVE MODE;\n", locker);
	fflush(locker);
	for (long end = e2e_now_ms() + E2E_TIMEOUT_MS; testdb_count(direct, "SELECT count(*) FROM"
	    " pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'applications'"
	    " AND l.mode = 'AccessExclusiveLock' AND l.granted") != 1;)
		if (e2e_now_ms() > end)
			fail_msg("the lock was never taken");
	ms[0] = e2e_fault_f10(&t, "did not answer in time, nothing was written");
	e2e_fault_form_kept(&t);
	fputs("ROLLBACK;\n", locker);
	assert_int_equal(pclose(locker), 0);
	assert_int_equal(e2e_proxy_apps(direct, id), 0);

	/* the link stalled with TCP up: the client's deadline */
	e2e_proxy_say(&px, "stall", NULL, 0);
	ms[1] = e2e_fault_f10(&t, "无法连接数据库服务器（表单已保留）");
	e2e_wait(&t, "did not answer within 7 s");
	e2e_fault_form_kept(&t);
	assert_int_equal(e2e_proxy_apps(direct, id), 0);

	/* still stalled: a new connection cannot be made (connect_timeout) */
	ms[2] = e2e_fault_f10(&t, "无法连接数据库服务器（表单已保留）");
	assert_int_equal(e2e_proxy_apps(direct, id), 0);

	e2e_proxy_say(&px, "go", NULL, 0);
	ms[3] = e2e_fault_f10(&t, "310105009-20261127-");
	assert_int_equal(e2e_proxy_apps(direct, id), 1);
	printf("FAULT slow_network: statement timeout said after %ld ms; stalled link said after"
	    " %ld ms, then %ld ms; accepted %ld ms after the link flowed\n", ms[0], ms[1], ms[2],
	    ms[3]);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_proxy_stop(&px, &t, direct);
	e2e_cleanup(&t);
}

/*
 * The link lost at COMMIT: the server committed, its answer never came
 * (the proxy stalls from the COMMIT on), and the terminal says that the
 * outcome is unknown, the form kept. F10 again on the same form, the link
 * back, sends the same request_id: the stored application is shown (its
 * receipt), and no second one is made.
 */
static void
test_fault_commit_lost(void **state)
{
	struct term      t = { 0 };
	struct e2e_proxy px;
	char             id[19], direct[300], answer[128], sql[200], receipt[64];
	long             ms[2];

	(void)state;
	if (!testdb_is_pg())
		skip();   /* a SQLite commit has no link to be lost on */
	e2e_tmpdir(&t);
	e2e_proxy_start(&px, &t, direct, sizeof direct);
	e2e_demo_login(&t, "2026-11-27", 24, 300);   /* room for the store's reason */
	e2e_id(id, "110105", 1990, 3, 7, "123");
	e2e_fault_fill(&t, id, NULL);
	e2e_proxy_say(&px, "commits", answer, sizeof answer);
	assert_string_not_equal(answer, "");
	e2e_proxy_say(&px, "stall-commit", NULL, 0);
	ms[0] = e2e_fault_f10(&t, "无法连接数据库服务器（表单已保留）");
	e2e_wait(&t, "is unknown");
	e2e_fault_form_kept(&t);
	/* the COMMIT did reach the server: the outcome was "recorded" */
	assert_int_equal(e2e_proxy_apps(direct, id), 1);
	e2e_proxy_say(&px, "go", NULL, 0);
	snprintf(sql, sizeof sql, "SELECT receipt_no FROM applications WHERE id_number = '%s'", id);
	testdb_text(direct, receipt, sizeof receipt, sql);
	assert_true(strlen(receipt) > 20);
	ms[1] = e2e_fault_f10(&t, receipt);
	e2e_wait(&t, "回执已保存");
	assert_int_equal(e2e_proxy_apps(direct, id), 1);
	printf("FAULT commit_lost: outcome unknown said after %ld ms; the same form's F10 showed"
	    " receipt %s after %ld ms, one application\n", ms[0], receipt, ms[1]);
	assert_int_equal(e2e_quit(&t), 0);
	e2e_proxy_stop(&px, &t, direct);
	e2e_cleanup(&t);
}

int
main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_registration),
		cmocka_unit_test(test_permit_six_months),
		cmocka_unit_test(test_endorsement),
		cmocka_unit_test(test_refusal_screen),
		cmocka_unit_test(test_minor_guardian),
		cmocka_unit_test(test_resize),
		cmocka_unit_test(test_esc_unsaved),
		cmocka_unit_test(test_paste),
		cmocka_unit_test(test_chinese_input),
		cmocka_unit_test(test_help_lang_person),
		cmocka_unit_test(test_status_and_card),
		cmocka_unit_test(test_login),
		cmocka_unit_test(test_idle_logout),
		cmocka_unit_test(test_print_receipt),
		cmocka_unit_test(test_no_color),
		cmocka_unit_test(test_sigterm),
		cmocka_unit_test(test_locale),
		cmocka_unit_test(test_report),
		cmocka_unit_test(test_report_csv_export),
		cmocka_unit_test(test_accounts),
		cmocka_unit_test(test_account_unlock),
		cmocka_unit_test(test_trainer_day),
		cmocka_unit_test(test_scenario_replay),
		cmocka_unit_test(test_scenarios_all),
		cmocka_unit_test(test_demo_list),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_namesakes),
		cmocka_unit_test(test_logout),
		cmocka_unit_test(test_debug_log),
		cmocka_unit_test(test_person_form_retype),
		cmocka_unit_test(test_endorse_address_known),
		cmocka_unit_test(test_fee_receipt_once),
		cmocka_unit_test(test_reregister_warns),
		cmocka_unit_test(test_fast_replace_receipt),
		cmocka_unit_test(test_prefill_agent),
		cmocka_unit_test(test_review_fee_ready),
		cmocka_unit_test(test_refusal_next_step),
		cmocka_unit_test(test_keys_id_docs),
		cmocka_unit_test(test_receipt_next_enter_yes),
		cmocka_unit_test(test_esc_at_once),
		cmocka_unit_test(test_80_columns),
		cmocka_unit_test(test_scenario_end_f9),
		cmocka_unit_test(test_login_demo_passwords),
		cmocka_unit_test(test_report_fortnight),
		cmocka_unit_test(test_report_pages),
		cmocka_unit_test(test_report_ledger_pages),
		cmocka_unit_test(test_looks_named),
		cmocka_unit_test_teardown(test_fault_server_stopped, e2e_fault_server_back),
		cmocka_unit_test(test_fault_connection_dropped),
		cmocka_unit_test(test_fault_slow_network),
		cmocka_unit_test(test_fault_commit_lost),
	};

	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	return cmocka_run_group_tests_name("e2e", tests, NULL, NULL);
}
