/*
 * paper.c: a paper as data (paper.h), its text form, the private files it
 * is saved in and the printer.
 *
 * Why one description for two renderings: the clerk reads on the screen
 * what the applicant takes home, and the text copy kept beside the PDF is
 * the same words; building the paper once and rendering it twice keeps the
 * three from drifting apart.
 */
#include "jzz/paper.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jzz/strbuf.h"

void
paper_init(struct paper *p, enum rules_lang lang)
{
	memset(p, 0, sizeof *p);
	p->lang = lang;
}

void
paper_free(struct paper *p)
{
	for (size_t i = 0; i < p->n; i++) {
		struct paper_item *it = &p->items[i];

		free(it->label);
		free(it->text);
		if (it->cells != NULL)
			for (size_t k = 0; k < (it->nrows + 1) * (size_t)it->ncols; k++)
				free(it->cells[k]);
		free(it->cells);
	}
	free(p->items);
	free(p->title);
	free(p->subtitle);
	free(p->mark);
	free(p->name);
	memset(p, 0, sizeof *p);
}

static char *
paper_dup(struct paper *p, const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		p->oom = true;
	return d;
}

static void
paper_replace(struct paper *p, char **slot, const char *s)
{
	free(*slot);
	*slot = s != NULL && *s != '\0' ? paper_dup(p, s) : NULL;
}

void
paper_set_title(struct paper *p, const char *title, const char *subtitle)
{
	paper_replace(p, &p->title, title);
	paper_replace(p, &p->subtitle, subtitle);
}

void
paper_set_mark(struct paper *p, const char *mark)
{
	paper_replace(p, &p->mark, mark);
}

void
paper_set_name(struct paper *p, const char *name)
{
	paper_replace(p, &p->name, name);
}

/* A new zeroed item at the end, or NULL (oom set). */
static struct paper_item *
paper_add(struct paper *p, enum paper_kind kind, const char *label, const char *text)
{
	struct paper_item *it;

	if (p->n == p->cap) {
		size_t             cap = p->cap != 0 ? p->cap * 2 : 16;
		struct paper_item *items = realloc(p->items, cap * sizeof *items);

		if (items == NULL) {
			p->oom = true;
			return NULL;
		}
		p->items = items;
		p->cap = cap;
	}
	it = &p->items[p->n++];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->label = paper_dup(p, label);
	it->text = paper_dup(p, text);
	return it;
}

void
paper_field(struct paper *p, const char *label, const char *value)
{
	if (value != NULL && *value != '\0')
		paper_add(p, PAPER_FIELD, label, value);
}

void
paper_fieldf(struct paper *p, const char *label, const char *fmt, ...)
{
	char    buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	paper_field(p, label, buf);
}

void
paper_heading(struct paper *p, const char *text)
{
	paper_add(p, PAPER_HEADING, NULL, text);
}

void
paper_para(struct paper *p, const char *text)
{
	if (text != NULL && *text != '\0')
		paper_add(p, PAPER_PARA, NULL, text);
}

void
paper_paraf(struct paper *p, const char *fmt, ...)
{
	char    buf[2048];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	paper_para(p, buf);
}

void
paper_table(struct paper *p, int ncols, const char *const *header)
{
	struct paper_item *it = paper_add(p, PAPER_TABLE, NULL, NULL);

	if (it == NULL || ncols <= 0)
		return;
	if ((it->cells = calloc((size_t)ncols, sizeof *it->cells)) == NULL) {
		p->oom = true;
		return;
	}
	it->ncols = ncols;
	for (int k = 0; k < ncols; k++)
		it->cells[k] = paper_dup(p, header[k] != NULL ? header[k] : "");
}

void
paper_table_row(struct paper *p, const char *const *cells)
{
	struct paper_item *it = p->n > 0 ? &p->items[p->n - 1] : NULL;
	size_t             base;
	char             **grown;

	if (it == NULL || it->kind != PAPER_TABLE || it->cells == NULL)
		return;
	grown = realloc(it->cells, (it->nrows + 2) * (size_t)it->ncols * sizeof *grown);
	if (grown == NULL) {
		p->oom = true;
		return;
	}
	it->cells = grown;
	base = (it->nrows + 1) * (size_t)it->ncols;
	for (int k = 0; k < it->ncols; k++)
		it->cells[base + (size_t)k] = paper_dup(p, cells[k] != NULL ? cells[k] : "");
	it->nrows++;
}

void
paper_qr(struct paper *p, const char *caption, const char *payload)
{
	if (payload != NULL && *payload != '\0')
		paper_add(p, PAPER_QR, caption, payload);
}

void
paper_stamp(struct paper *p, const char *caption)
{
	paper_add(p, PAPER_STAMP, caption, NULL);
}

void
paper_sign(struct paper *p, const char *label)
{
	paper_add(p, PAPER_SIGN, label, NULL);
}

/* ---- the text form ---- */

static void
paper_text_table(struct strbuf *sb, const struct paper_item *it)
{
	size_t w[16] = { 0 };
	int    nc = it->ncols < 16 ? it->ncols : 16;

	for (size_t r = 0; r <= it->nrows; r++)
		for (int k = 0; k < nc; k++) {
			size_t c = text_cols(it->cells[r * (size_t)it->ncols + (size_t)k]);

			if (c > w[k])
				w[k] = c;
		}
	for (size_t r = 0; r <= it->nrows; r++) {
		for (int k = 0; k < nc; k++) {
			const char *cell = it->cells[r * (size_t)it->ncols + (size_t)k];

			strbuf_puts(sb, cell);
			if (k + 1 < nc)
				for (size_t pad = text_cols(cell); pad < w[k] + 2; pad++)
					strbuf_putc(sb, ' ');
		}
		strbuf_putc(sb, '\n');
	}
}

char *
paper_text(const struct paper *p)
{
	struct strbuf sb;
	bool          zh = p->lang == LANG_ZH;
	const char   *sep = zh ? "：" : ": ";

	if (p->oom)
		return NULL;
	strbuf_init(&sb);
	strbuf_printf(&sb, "        %s%s%s\n", p->title != NULL ? p->title : "",
	    p->mark != NULL ? "  " : "", p->mark != NULL ? p->mark : "");
	if (p->subtitle != NULL)
		strbuf_printf(&sb, "        %s\n", p->subtitle);
	strbuf_putc(&sb, '\n');
	for (size_t i = 0; i < p->n; i++) {
		const struct paper_item *it = &p->items[i];

		switch (it->kind) {
		case PAPER_FIELD:
			strbuf_printf(&sb, "%s%s%s\n", it->label != NULL ? it->label : "", sep, it->text);
			break;
		case PAPER_HEADING:
			strbuf_printf(&sb, zh ? "\n【%s】\n" : "\n[%s]\n", it->text != NULL ? it->text : "");
			break;
		case PAPER_PARA:
			strbuf_printf(&sb, "%s\n", it->text);
			break;
		case PAPER_TABLE:
			paper_text_table(&sb, it);
			break;
		case PAPER_QR:
			/* A picture: the text form has the number itself as a field. */
			break;
		case PAPER_STAMP:
			strbuf_printf(&sb, zh ? "\n（%s）\n" : "\n(%s)\n", it->label != NULL ? it->label : "");
			break;
		case PAPER_SIGN:
			strbuf_printf(&sb, "\n%s%s________________    %s%s____________\n",
			    it->label != NULL ? it->label : "", sep, zh ? "日期" : "Date", sep);
			break;
		}
	}
	if (sb.oom) {
		strbuf_free(&sb);
		return NULL;
	}
	return sb.buf;
}

/* ---- files ---- */

/* Opens a new private file; never follows a symlink nor reuses a name. */
static int
paper_create(const char *path, char *err, size_t errlen)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	if (fd < 0) {
		int e = errno;   /* paper_save tells EEXIST from the rest */

		snprintf(err, errlen, "%s: %s", path, strerror(e));
		errno = e;
	}
	return fd;
}

/* Closes fd after a write; on any failure the half-written file goes. */
static int
paper_finish(int fd, const char *path, int rc, char *err, size_t errlen)
{
	if (close(fd) != 0 && rc == 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		rc = -1;
	}
	if (rc != 0)
		unlink(path);
	return rc;
}

int
paper_write_text(const struct paper *p, const char *path, char *err, size_t errlen)
{
	char  *text = paper_text(p);
	size_t len, off = 0;
	int    fd, rc = 0;

	if (text == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((fd = paper_create(path, err, errlen)) < 0) {
		free(text);
		return -1;
	}
	len = strlen(text);
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			rc = -1;
			break;
		}
		off += (size_t)w;
	}
	free(text);
	return paper_finish(fd, path, rc, err, errlen);
}

int
paper_write_pdf(const struct paper *p, const char *path, char *err, size_t errlen)
{
	int fd;

	if (p->oom) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	if ((fd = paper_create(path, err, errlen)) < 0)
		return -1;
	return paper_finish(fd, path, paper_pdf_fd(p, fd, err, errlen), err, errlen);
}

int
paper_save(const struct paper *p, const char *dir, char *pdf_path, size_t pathlen,
           char *err, size_t errlen)
{
	const char *stem = p->name != NULL ? p->name : "paper";

	if (dir == NULL || dir[0] == '\0') {
		/* service_paper_dir gives "" for a folder whose path did not fit */
		snprintf(err, errlen, "no folder for the papers: its path is too long");
		return -1;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	for (int k = 1; k < 1000; k++) {
		char suffix[16] = "", txt[1200];
		int  n;

		if (k > 1)
			snprintf(suffix, sizeof suffix, "-%d", k);
		n = snprintf(pdf_path, pathlen, "%s/%s%s.pdf", dir, stem, suffix);
		if (n < 0 || (size_t)n >= pathlen || (size_t)n >= sizeof txt) {
			snprintf(err, errlen, "%s: name too long", dir);
			return -1;
		}
		snprintf(txt, sizeof txt, "%.*s.txt", n - 4, pdf_path);
		if (paper_write_pdf(p, pdf_path, err, errlen) != 0) {
			if (errno == EEXIST)
				continue;
			return -1;
		}
		if (paper_write_text(p, txt, err, errlen) != 0) {
			int e = errno;

			unlink(pdf_path);
			if (e == EEXIST)
				continue;
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "%s/%s: too many copies", dir, stem);
	return -1;
}

int
paper_print(const char *printer, const char *path)
{
	pid_t pid;
	int   st;

	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
		}
		execlp("lp", "lp", "-d", printer, path, (char *)NULL);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int
paper_output(const struct paper *p, const char *output, const char *dir, const char *printer,
             char *pdf_path, size_t pathlen, char *err, size_t errlen)
{
	if (output != NULL) {
		snprintf(pdf_path, pathlen, "%s", output);
		if (paper_write_pdf(p, output, err, errlen) != 0)
			return -1;
	} else if (paper_save(p, dir, pdf_path, pathlen, err, errlen) != 0) {
		return -1;
	}
	if (printer != NULL && *printer != '\0' && paper_print(printer, pdf_path) != 0) {
		snprintf(err, errlen, "lp -d %s %s failed", printer, pdf_path);
		return -2;
	}
	return 0;
}
