/*
 * paper_pdf.c: a paper (paper.h) laid out on A4 pages as a PDF, with cairo
 * for the drawing, pango for the text and libqrencode for the QR code.
 *
 * Why pango and a fontconfig family name: the text copy sent through CUPS
 * printed every Chinese character as an empty box, because the text filter
 * picked a Latin font. Here the PDF carries its own glyphs, taken from
 * "Noto Sans CJK SC" (Debian fonts-noto-cjk) or, when that is missing, the
 * next family of the list that fontconfig finds; pango falls back per
 * character, so a name in any script still prints.
 *
 * The layout is a single column that flows down the page: a QR code floats
 * at the right and the items beside it are narrowed until it is passed;
 * an item that does not fit goes to the next page (a table row by row, its
 * header repeated).
 */
#include "jzz/paper.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <qrencode.h>

#define PDF_W        595.276   /* A4 in points */
#define PDF_H        841.890
#define PDF_MARGIN   56.0      /* 20 mm */
#define PDF_BOTTOM   (PDF_H - PDF_MARGIN - 18.0)   /* room for the footer */
#define PDF_QR_SIZE  96.0
#define PDF_FONTS    "Noto Sans CJK SC, Noto Sans CJK, Noto Sans SC, WenQuanYi Zen Hei, " \
                     "Droid Sans Fallback, AR PL UMing CN, sans-serif"

struct pdf {
	cairo_t    *cr;
	PangoContext *pc;          /* of a font map of this PDF's own */
	const struct paper *p;
	double      y;
	double      float_left;    /* x where a floating QR code starts; PDF_W - MARGIN when none */
	double      float_bottom;  /* y below which the full width is free again */
	int         page;
	int         fd;
	int         werr;          /* errno of a failed write */
};

static cairo_status_t
paper_pdf_write(void *closure, const unsigned char *data, unsigned int len)
{
	struct pdf *d = closure;

	while (len > 0) {
		ssize_t w = write(d->fd, data, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			d->werr = w < 0 ? errno : EIO;
			return CAIRO_STATUS_WRITE_ERROR;
		}
		data += w;
		len -= (unsigned int)w;
	}
	return CAIRO_STATUS_SUCCESS;
}

/* A layout of `text` in the paper's font at `size` points, wrapped at
 * `width` points (0: no wrapping). The caller unrefs it. */
static PangoLayout *
paper_pdf_layout(struct pdf *d, const char *text, double size, bool bold, double width)
{
	PangoLayout          *l = pango_layout_new(d->pc);
	PangoFontDescription *fd = pango_font_description_from_string(PDF_FONTS);

	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_font_description_set_weight(fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, text != NULL ? text : "", -1);
	return l;
}

static double
paper_pdf_height(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double
paper_pdf_width(PangoLayout *l)
{
	int w, h;

	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

static void
paper_pdf_show(struct pdf *d, PangoLayout *l, double x, double y)
{
	cairo_move_to(d->cr, x, y);
	pango_cairo_update_layout(d->cr, l);   /* the current transformation (the watermark's) */
	pango_cairo_show_layout(d->cr, l);
}

/* The training mark, large and light, across the page. */
static void
paper_pdf_watermark(struct pdf *d)
{
	PangoLayout *l;

	if (d->p->mark == NULL)
		return;
	cairo_save(d->cr);
	cairo_translate(d->cr, PDF_W / 2, PDF_H / 2);
	cairo_rotate(d->cr, -0.6);
	l = paper_pdf_layout(d, d->p->mark, 72, true, 0);
	cairo_set_source_rgba(d->cr, 0.85, 0.1, 0.1, 0.12);
	paper_pdf_show(d, l, -paper_pdf_width(l) / 2, -paper_pdf_height(l) / 2);
	g_object_unref(l);
	cairo_restore(d->cr);
}

static void
paper_pdf_footer(struct pdf *d)
{
	char         buf[512];
	PangoLayout *l;

	if (d->p->lang == LANG_ZH)
		snprintf(buf, sizeof buf, "%s　第 %d 页", d->p->title != NULL ? d->p->title : "", d->page);
	else
		snprintf(buf, sizeof buf, "%s, page %d", d->p->title != NULL ? d->p->title : "", d->page);
	l = paper_pdf_layout(d, buf, 8, false, 0);
	cairo_set_source_rgb(d->cr, 0.4, 0.4, 0.4);
	paper_pdf_show(d, l, PDF_W - PDF_MARGIN - paper_pdf_width(l), PDF_H - PDF_MARGIN);
	g_object_unref(l);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
}

static void
paper_pdf_new_page(struct pdf *d)
{
	paper_pdf_footer(d);
	cairo_show_page(d->cr);
	d->page++;
	d->y = PDF_MARGIN;
	d->float_left = PDF_W - PDF_MARGIN;
	d->float_bottom = 0;
	paper_pdf_watermark(d);
}

/* Makes room for h points, on a new page when needed. */
static void
paper_pdf_need(struct pdf *d, double h)
{
	if (d->y + h > PDF_BOTTOM && d->y > PDF_MARGIN)
		paper_pdf_new_page(d);
}

/* The right edge free for text at the current y. */
static double
paper_pdf_right(const struct pdf *d)
{
	return d->y < d->float_bottom ? d->float_left - 12 : PDF_W - PDF_MARGIN;
}

static void
paper_pdf_header(struct pdf *d)
{
	const struct paper *p = d->p;
	PangoLayout        *l;

	paper_pdf_watermark(d);
	if (p->mark != NULL) {   /* and in words, boxed, at the top left */
		l = paper_pdf_layout(d, p->mark, 11, true, 0);
		cairo_set_source_rgb(d->cr, 0.8, 0, 0);
		cairo_set_line_width(d->cr, 1);
		cairo_rectangle(d->cr, PDF_MARGIN - 3, PDF_MARGIN - 22, paper_pdf_width(l) + 6,
		    paper_pdf_height(l) + 2);
		cairo_stroke(d->cr);
		paper_pdf_show(d, l, PDF_MARGIN, PDF_MARGIN - 22);
		g_object_unref(l);
		cairo_set_source_rgb(d->cr, 0, 0, 0);
	}
	l = paper_pdf_layout(d, p->title, 20, true, PDF_W - 2 * PDF_MARGIN);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	paper_pdf_show(d, l, PDF_MARGIN, d->y);
	d->y += paper_pdf_height(l) + 4;
	g_object_unref(l);
	if (p->subtitle != NULL) {
		l = paper_pdf_layout(d, p->subtitle, 11, false, PDF_W - 2 * PDF_MARGIN);
		pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
		paper_pdf_show(d, l, PDF_MARGIN, d->y);
		d->y += paper_pdf_height(l) + 2;
		g_object_unref(l);
	}
	d->y += 6;
	cairo_set_line_width(d->cr, 0.8);
	cairo_move_to(d->cr, PDF_MARGIN, d->y);
	cairo_line_to(d->cr, PDF_W - PDF_MARGIN, d->y);
	cairo_stroke(d->cr);
	d->y += 12;
}

static void
paper_pdf_field(struct pdf *d, const struct paper_item *it)
{
	double       lw = d->p->lang == LANG_ZH ? 112 : 150;
	double       right = paper_pdf_right(d);
	PangoLayout *lab = paper_pdf_layout(d, it->label, 10.5, true, lw - 8);
	PangoLayout *val = paper_pdf_layout(d, it->text, 11, false, right - PDF_MARGIN - lw);
	double       h = paper_pdf_height(val);

	if (paper_pdf_height(lab) > h)
		h = paper_pdf_height(lab);
	paper_pdf_need(d, h);
	cairo_set_source_rgb(d->cr, 0.25, 0.25, 0.25);
	paper_pdf_show(d, lab, PDF_MARGIN, d->y + 0.5);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	paper_pdf_show(d, val, PDF_MARGIN + lw, d->y);
	d->y += h + 5;
	g_object_unref(lab);
	g_object_unref(val);
}

static void
paper_pdf_heading(struct pdf *d, const struct paper_item *it)
{
	PangoLayout *l = paper_pdf_layout(d, it->text, 13, true, paper_pdf_right(d) - PDF_MARGIN);
	double       h = paper_pdf_height(l);

	paper_pdf_need(d, h + 40);   /* never a heading alone at the foot of a page */
	d->y += 8;
	paper_pdf_show(d, l, PDF_MARGIN, d->y);
	d->y += h + 2;
	cairo_set_line_width(d->cr, 0.5);
	cairo_move_to(d->cr, PDF_MARGIN, d->y);
	cairo_line_to(d->cr, paper_pdf_right(d), d->y);
	cairo_stroke(d->cr);
	d->y += 6;
	g_object_unref(l);
}

static void
paper_pdf_para(struct pdf *d, const struct paper_item *it)
{
	PangoLayout *l = paper_pdf_layout(d, it->text, 11, false, paper_pdf_right(d) - PDF_MARGIN);
	double       h = paper_pdf_height(l);

	if (d->y + h > PDF_BOTTOM && h < PDF_BOTTOM - PDF_MARGIN)
		paper_pdf_need(d, h);
	paper_pdf_show(d, l, PDF_MARGIN, d->y);
	d->y += h + 5;
	g_object_unref(l);
}

/* One row of a table at d->y; returns its height. Cells wrap in their
 * column. */
static double
paper_pdf_row(struct pdf *d, const struct paper_item *it, size_t r, const double *w, bool draw)
{
	double h = 0, x = PDF_MARGIN;

	for (int k = 0; k < it->ncols; k++) {
		PangoLayout *l = paper_pdf_layout(d, it->cells[r * (size_t)it->ncols + (size_t)k], 9.5,
		    r == 0, w[k] - 6);
		double       lh = paper_pdf_height(l);

		if (draw)
			paper_pdf_show(d, l, x + 3, d->y + 2);
		if (lh > h)
			h = lh;
		x += w[k];
		g_object_unref(l);
	}
	return h + 4;
}

static void
paper_pdf_row_box(struct pdf *d, const struct paper_item *it, const double *w, double h,
                  bool header)
{
	double x = PDF_MARGIN;

	cairo_set_line_width(d->cr, 0.5);
	for (int k = 0; k < it->ncols; k++) {
		cairo_rectangle(d->cr, x, d->y, w[k], h);
		if (header) {
			cairo_set_source_rgb(d->cr, 0.9, 0.9, 0.9);
			cairo_fill_preserve(d->cr);
			cairo_set_source_rgb(d->cr, 0, 0, 0);
		}
		cairo_stroke(d->cr);
		x += w[k];
	}
}

static void
paper_pdf_table(struct pdf *d, const struct paper_item *it)
{
	double w[32], total = 0, avail = PDF_W - 2 * PDF_MARGIN;
	int    nc = it->ncols;

	if (nc <= 0 || nc > 32)
		return;
	d->y = d->y < d->float_bottom ? d->float_bottom : d->y;   /* tables take the full width */
	/* Columns as wide as their widest cell, scaled down to the page. */
	for (int k = 0; k < nc; k++) {
		w[k] = 24;
		for (size_t r = 0; r <= it->nrows; r++) {
			PangoLayout *l = paper_pdf_layout(d, it->cells[r * (size_t)nc + (size_t)k], 9.5,
			    r == 0, 0);
			double       lw = paper_pdf_width(l) + 8;

			if (lw > w[k])
				w[k] = lw;
			g_object_unref(l);
		}
		total += w[k];
	}
	if (total > avail)
		for (int k = 0; k < nc; k++)
			w[k] = w[k] * avail / total;
	for (size_t r = 0; r <= it->nrows; r++) {
		double h = paper_pdf_row(d, it, r, w, false);

		if (d->y + h > PDF_BOTTOM && d->y > PDF_MARGIN) {
			double hh;

			paper_pdf_new_page(d);
			if (r > 0) {   /* the header again on the new page */
				hh = paper_pdf_row(d, it, 0, w, false);
				paper_pdf_row_box(d, it, w, hh, true);
				paper_pdf_row(d, it, 0, w, true);
				d->y += hh;
			}
		}
		paper_pdf_row_box(d, it, w, h, r == 0);
		paper_pdf_row(d, it, r, w, true);
		d->y += h;
	}
	d->y += 8;
}

/* The QR code floats at the right of the items that follow it. */
static void
paper_pdf_qr(struct pdf *d, const struct paper_item *it)
{
	QRcode      *q = QRcode_encodeString(it->text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	double       x0 = PDF_W - PDF_MARGIN - PDF_QR_SIZE, y0, mod;
	int          quiet = 4;
	PangoLayout *cap = NULL;

	if (q == NULL)
		return;
	paper_pdf_need(d, PDF_QR_SIZE + 20);
	y0 = d->y;
	mod = PDF_QR_SIZE / (q->width + 2 * quiet);
	cairo_set_source_rgb(d->cr, 1, 1, 1);
	cairo_rectangle(d->cr, x0, y0, PDF_QR_SIZE, PDF_QR_SIZE);
	cairo_fill(d->cr);
	cairo_set_source_rgb(d->cr, 0, 0, 0);
	for (int yy = 0; yy < q->width; yy++)
		for (int xx = 0; xx < q->width; xx++)
			if (q->data[yy * q->width + xx] & 1)
				cairo_rectangle(d->cr, x0 + (xx + quiet) * mod, y0 + (yy + quiet) * mod,
				    mod, mod);
	cairo_fill(d->cr);
	QRcode_free(q);
	d->float_bottom = y0 + PDF_QR_SIZE;
	if (it->label != NULL) {
		cap = paper_pdf_layout(d, it->label, 8, false, PDF_QR_SIZE);
		pango_layout_set_alignment(cap, PANGO_ALIGN_CENTER);
		paper_pdf_show(d, cap, x0, y0 + PDF_QR_SIZE);
		d->float_bottom += paper_pdf_height(cap) + 4;
		g_object_unref(cap);
	}
	d->float_left = x0;
}

static void
paper_pdf_stamp(struct pdf *d, const struct paper_item *it)
{
	double       bw = 150, bh = 96, x = PDF_W - PDF_MARGIN - bw;
	const double dash[] = { 4, 3 };
	PangoLayout *l = paper_pdf_layout(d, it->label, 9, false, bw - 8);

	d->y = d->y < d->float_bottom ? d->float_bottom : d->y;
	paper_pdf_need(d, bh + 12);
	d->y += 6;
	cairo_save(d->cr);
	cairo_set_source_rgb(d->cr, 0.5, 0.5, 0.5);
	cairo_set_line_width(d->cr, 0.8);
	cairo_set_dash(d->cr, dash, 2, 0);
	cairo_rectangle(d->cr, x, d->y, bw, bh);
	cairo_stroke(d->cr);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	paper_pdf_show(d, l, x + 4, d->y + bh - paper_pdf_height(l) - 4);
	cairo_restore(d->cr);
	g_object_unref(l);
	d->y += bh + 8;
}

static void
paper_pdf_sign(struct pdf *d, const struct paper_item *it)
{
	bool         zh = d->p->lang == LANG_ZH;
	char         buf[256];
	PangoLayout *l, *dl;
	double       x;

	snprintf(buf, sizeof buf, zh ? "%s：" : "%s:", it->label != NULL ? it->label : "");
	l = paper_pdf_layout(d, buf, 11, false, 0);
	dl = paper_pdf_layout(d, zh ? "日期：" : "Date:", 11, false, 0);
	paper_pdf_need(d, paper_pdf_height(l) + 20);
	d->y += 14;
	paper_pdf_show(d, l, PDF_MARGIN, d->y);
	x = PDF_MARGIN + paper_pdf_width(l) + 4;
	cairo_set_line_width(d->cr, 0.6);
	cairo_move_to(d->cr, x, d->y + paper_pdf_height(l));
	cairo_line_to(d->cr, x + 170, d->y + paper_pdf_height(l));
	x += 190;
	paper_pdf_show(d, dl, x, d->y);
	x += paper_pdf_width(dl) + 4;
	cairo_move_to(d->cr, x, d->y + paper_pdf_height(l));
	cairo_line_to(d->cr, x + 100, d->y + paper_pdf_height(l));
	cairo_stroke(d->cr);
	d->y += paper_pdf_height(l) + 10;
	g_object_unref(l);
	g_object_unref(dl);
}

int
paper_pdf_fd(const struct paper *p, int fd, char *err, size_t errlen)
{
	struct pdf       d = { .p = p, .y = PDF_MARGIN, .float_left = PDF_W - PDF_MARGIN,
	                       .page = 1, .fd = fd };
	cairo_surface_t *sf;
	cairo_status_t   cs;
	PangoFontMap    *fm;

	sf = cairo_pdf_surface_create_for_stream(paper_pdf_write, &d, PDF_W, PDF_H);
	if (cairo_surface_status(sf) != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "cairo: %s", cairo_status_to_string(cairo_surface_status(sf)));
		cairo_surface_destroy(sf);
		return -1;
	}
	if (p->title != NULL)
		cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_TITLE, p->title);
	cairo_pdf_surface_set_metadata(sf, CAIRO_PDF_METADATA_CREATOR, "jzz " JZZ_VERSION);
	d.cr = cairo_create(sf);
	/* A font map per PDF rather than pango's per-thread default: what it
	 * loads is released with the document. */
	fm = pango_cairo_font_map_new();
	d.pc = pango_font_map_create_context(fm);
	pango_cairo_update_context(d.cr, d.pc);
	paper_pdf_header(&d);
	for (size_t i = 0; i < p->n; i++) {
		const struct paper_item *it = &p->items[i];

		switch (it->kind) {
		case PAPER_FIELD:   paper_pdf_field(&d, it); break;
		case PAPER_HEADING: paper_pdf_heading(&d, it); break;
		case PAPER_PARA:    paper_pdf_para(&d, it); break;
		case PAPER_TABLE:   paper_pdf_table(&d, it); break;
		case PAPER_QR:      paper_pdf_qr(&d, it); break;
		case PAPER_STAMP:   paper_pdf_stamp(&d, it); break;
		case PAPER_SIGN:    paper_pdf_sign(&d, it); break;
		}
	}
	paper_pdf_footer(&d);
	cairo_show_page(d.cr);
	cs = cairo_status(d.cr);
	g_object_unref(d.pc);
	g_object_unref(fm);
	cairo_destroy(d.cr);
	cairo_surface_finish(sf);
	if (cs == CAIRO_STATUS_SUCCESS)
		cs = cairo_surface_status(sf);
	cairo_surface_destroy(sf);
	if (cs != CAIRO_STATUS_SUCCESS) {
		snprintf(err, errlen, "PDF not written: %s",
		    d.werr != 0 ? strerror(d.werr) : cairo_status_to_string(cs));
		return -1;
	}
	return 0;
}
