/* Fuzz target: the layout engine (layout.h) and documents (doc.h) on any
 * bytes at any width.
 *
 * Input: byte 0 picks the width, byte 1 the options, the rest is the text:
 *   byte 1 bit 0: ambiguous_wide;  bit 1: ascii;
 *          bit 2: narrow, the width is 1 + byte 0 % 8 (else 1 + byte 0);
 *          bit 3: the width is given as 0 - byte 0 (layout.h: below 1 counts as 1).
 * A NUL in the text also splits it into a document's title and body.
 *
 * Asserted, with widths counted by text.h (the one place widths are decided):
 *   - every line is display-safe (no control byte, no ESC: fuzz_check_safe),
 *     no wider than the width, and its width is its indent plus text_width;
 *   - a text line neither starts nor ends with a space; blank lines are
 *     empty, never first, last or two in a row;
 *   - paragraphs and source ranges: paragraph numbers rise by at most one,
 *     layout_paragraph_line points at each paragraph's first line, source
 *     ranges lie in the text, src_end never decreases, and the lines of a
 *     paragraph follow each other without gap;
 *   - the lines show the whole text in order: every glyph that is not a
 *     space or dropped (text_glyph_next on each source line less its list
 *     marker and surrounding blanks, as layout.h documents) is shown, a
 *     bullet for each list item, and nothing else (a wide glyph may be "?"
 *     where it does not fit);
 *   - layout_columns and layout_line_at stay within their lines; spans are
 *     in order, inside the text, and each is a URL or e-mail address of
 *     printable ASCII as layout.h describes (prefixes in any case);
 *   - a document's lines are its title's, one blank line, its body's. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fuzz.h"
#include "lgma/doc.h"
#include "lgma/layout.h"
#include "lgma/text.h"

/* ---- one line at a time ---- */

static void check_line(const struct layout *l, size_t i, const struct layout_options *opt, int width,
		       size_t src_len)
{
	const struct layout_line *line = layout_line(l, i);

	FUZZ_CHECK(line->width >= 0 && line->width <= width, "line %zu: %d columns at width %d", i,
		   line->width, width);
	FUZZ_CHECK(line->indent >= 0 && line->indent <= line->width, "line %zu: indent %d, width %d", i,
		   line->indent, line->width);
	FUZZ_CHECK(line->src_start <= line->src_end && line->src_end <= src_len,
		   "line %zu: source [%zu, %zu) of %zu bytes", i, line->src_start, line->src_end, src_len);
	if (line->kind == LAYOUT_LINE_BLANK) {
		FUZZ_CHECK(line->length == 0 && line->width == 0 && line->src_start == line->src_end,
			   "blank line %zu: %zu bytes, %d columns, source [%zu, %zu)", i, line->length,
			   line->width, line->src_start, line->src_end);
		return;
	}
	FUZZ_CHECK(line->kind == LAYOUT_LINE_TEXT, "line %zu: kind %d", i, (int)line->kind);
	fuzz_check_safe(line->text, line->length, opt->ambiguous_wide, "layout line");
	FUZZ_CHECK(line->indent + text_width(line->text, line->length, opt->ambiguous_wide) == line->width,
		   "line %zu: indent %d and text %d columns, width says %d", i, line->indent,
		   text_width(line->text, line->length, opt->ambiguous_wide), line->width);
	/* A space that carries a mark (" \u0301") is no blank: it shows. */
	for (size_t j = 0; j < line->length;) {
		size_t size = text_grapheme_size(line->text + j, line->length - j);
		FUZZ_CHECK(!(size == 1 && line->text[j] == ' ' && (j == 0 || j + size == line->length)),
			   "line %zu starts or ends with a space: \"%.*s\"", i, (int)line->length, line->text);
		j += size;
	}
}

static void check_lines(const struct layout *l, const struct layout_options *opt, int width, size_t src_len)
{
	size_t n = layout_line_count(l), paras = layout_paragraph_count(l);

	FUZZ_CHECK((n == 0) == (paras == 0), "%zu lines, %zu paragraphs", n, paras);
	for (size_t i = 0; i < n; i++) {
		const struct layout_line *line = layout_line(l, i), *prev = i > 0 ? layout_line(l, i - 1) : NULL;
		check_line(l, i, opt, width, src_len);
		FUZZ_CHECK(line->paragraph < paras, "line %zu: paragraph %zu of %zu", i, line->paragraph, paras);
		if (prev == NULL) {
			FUZZ_CHECK(line->kind == LAYOUT_LINE_TEXT && line->paragraph == 0,
				   "the first line is blank or of paragraph %zu", line->paragraph);
			continue;
		}
		FUZZ_CHECK(line->src_end >= prev->src_end, "line %zu: src_end %zu after %zu", i, line->src_end,
			   prev->src_end);
		FUZZ_CHECK(!(line->kind == LAYOUT_LINE_BLANK && prev->kind == LAYOUT_LINE_BLANK),
			   "two blank lines at %zu", i);
		if (line->kind == LAYOUT_LINE_BLANK) {
			FUZZ_CHECK(line->paragraph == prev->paragraph, "blank line %zu ends paragraph %zu after %zu", i,
				   line->paragraph, prev->paragraph);
			continue;
		}
		FUZZ_CHECK(line->paragraph == prev->paragraph || line->paragraph == prev->paragraph + 1,
			   "line %zu: paragraph %zu after %zu", i, line->paragraph, prev->paragraph);
		if (line->paragraph == prev->paragraph)
			FUZZ_CHECK(prev->kind == LAYOUT_LINE_TEXT && line->src_start == prev->src_end,
				   "line %zu starts at source byte %zu, line %zu ended at %zu", i, line->src_start,
				   i - 1, prev->src_end);
		else
			FUZZ_CHECK(line->src_start >= prev->src_end, "paragraph %zu starts at %zu before %zu",
				   line->paragraph, line->src_start, prev->src_end);
	}
	if (n > 0)
		FUZZ_CHECK(layout_line(l, n - 1)->kind == LAYOUT_LINE_TEXT, "the last line is blank");
	for (size_t p = 0; p < paras; p++) {
		size_t first = layout_paragraph_line(l, p);
		FUZZ_CHECK(first < n && layout_line(l, first)->paragraph == p &&
				   layout_line(l, first)->kind == LAYOUT_LINE_TEXT &&
				   (first == 0 || layout_line(l, first - 1)->paragraph < p ||
				    layout_line(l, first - 1)->kind == LAYOUT_LINE_BLANK),
			   "paragraph %zu: first line %zu of %zu", p, first, n);
	}
}

/* ---- the text shown, in order ---- */

/* Glyphs that must be seen, as a list of NUL-separated strings; a list
 * item's bullet is "\x01" (any of the bullets layout.h names). */
struct glyphs {
	char *s;
	size_t len, cap;
	size_t count;
};

static void glyphs_add(struct glyphs *g, const char *s, size_t n)
{
	if (g->len + n + 1 > g->cap) {
		g->cap = (g->len + n + 1) * 2;
		g->s = realloc(g->s, g->cap);
		if (g->s == NULL)
			abort();
	}
	memcpy(g->s + g->len, s, n);
	g->len += n;
	g->s[g->len++] = '\0';
	g->count++;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The glyphs of s[0..n) as text.h shows them, less spaces and dropped ones. */
static void shown_glyphs(struct glyphs *out, const char *s, size_t n, bool wide)
{
	for (size_t i = 0; i < n;) {
		struct text_glyph g;
		i += text_glyph_next(s + i, n - i, wide, &g);
		if (g.size > 0 && !(g.size == 1 && g.bytes[0] == ' '))
			glyphs_add(out, g.bytes, g.size);
	}
}

/* What layout.h says the text shows: each source line (LF, CR LF or CR
 * ends one) without the blanks around it and without its list marker
 * ("-" and a blank after leading blanks) and the blanks after that; the
 * marker becomes a bullet. */
static void expected_glyphs(struct glyphs *out, const char *src, size_t n, bool wide)
{
	for (size_t i = 0; i <= n;) {
		size_t e = i, s = i;
		while (e < n && src[e] != '\n' && src[e] != '\r')
			e++;
		while (s < e && is_blank(src[s]))
			s++;
		if (s + 1 < e && src[s] == '-' && is_blank(src[s + 1])) {
			glyphs_add(out, "\x01", 1);
			for (s += 2; s < e && is_blank(src[s]);)
				s++;
		}
		shown_glyphs(out, src + s, e - s, wide);
		i = e + (e + 1 < n && src[e] == '\r' && src[e + 1] == '\n' ? 2 : 1);
	}
}

/* The lines' text less spaces, one after the other. */
static char *shown_text(const struct layout *l, size_t *len)
{
	size_t cap = 1, n = 0;
	char *out;

	for (size_t i = 0; i < layout_line_count(l); i++)
		cap += layout_line(l, i)->length;
	out = malloc(cap);
	if (out == NULL)
		abort();
	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *line = layout_line(l, i);
		for (size_t j = 0; j < line->length; j++)
			if (line->text[j] != ' ')
				out[n++] = line->text[j];
	}
	out[n] = '\0';
	*len = n;
	return out;
}

/* A glyph is compared without its spaces (a mark with no base is shown on
 * a no-break space, but who knows what else text.h may show). */
static size_t unspaced(const char *g, char *out)
{
	size_t n = 0;

	for (; *g != '\0'; g++)
		if (*g != ' ')
			out[n++] = *g;
	out[n] = '\0';
	return n;
}

static void check_coverage(const struct layout *l, const char *src, size_t n, bool wide)
{
	struct glyphs want = {0};
	size_t len, at = 0;
	char *got = shown_text(l, &len);
	const char *w;

	expected_glyphs(&want, src, n, wide);
	w = want.s;
	for (size_t k = 0; k < want.count; k++, w += strlen(w) + 1) {
		char g[TEXT_GRAPHEME_MAX + 1];
		size_t gn = unspaced(w, g);
		if (gn == 0)
			continue;
		if (strcmp(g, "\x01") == 0) { /* a bullet: "•", or "-" with options.ascii or when narrow */
			if (strncmp(got + at, "\xE2\x80\xA2", 3) == 0)
				at += 3;
			else if (got[at] == '-')
				at++;
			else
				fuzz_fail(__FILE__, __LINE__, "bullet", "glyph %zu: no bullet at \"%.20s\"", k, got + at);
			continue;
		}
		if (len - at >= gn && memcmp(got + at, g, gn) == 0) {
			at += gn;
			continue;
		}
		/* At width 1 a wide glyph is "?" */
		FUZZ_CHECK(got[at] == '?' && text_width(w, strlen(w), wide) == 2,
			   "glyph %zu \"%s\" of the text is not shown: \"%.20s\"", k, w, got + at);
		at++;
	}
	FUZZ_CHECK(at == len, "the lines show more than the text: \"%.20s\"", got + at);
	free(want.s);
	free(got);
}

/* ---- source maps and spans ---- */

static void check_maps(const struct layout *l, const char *src, size_t n)
{
	size_t lines = layout_line_count(l);

	for (size_t i = 0; i < lines; i++) {
		const struct layout_line *line = layout_line(l, i);
		int a = -1, b = -1;
		if (line->kind != LAYOUT_LINE_TEXT || line->src_start == line->src_end)
			continue;
		if (layout_columns(l, i, line->src_start, line->src_end, &a, &b))
			FUZZ_CHECK(a >= 0 && a < b && b <= line->width,
				   "line %zu: its source shows at columns [%d, %d) of %d", i, a, b, line->width);
		for (size_t off = line->src_start; off < line->src_end; off++) {
			size_t at = layout_line_at(l, off);
			FUZZ_CHECK(at < lines, "byte %zu: line %zu of %zu", off, at, lines);
			/* The line holding a byte holds it; a line with an
			 * empty range (a narrow bullet alone) holds none. */
			FUZZ_CHECK(layout_line(l, at)->src_start <= off && off < layout_line(l, at)->src_end,
				   "byte %zu of line %zu [%zu, %zu) is on line %zu [%zu, %zu)", off, i, line->src_start,
				   line->src_end, at, layout_line(l, at)->src_start, layout_line(l, at)->src_end);
		}
	}
	FUZZ_CHECK(layout_line_at(l, n + 1) == (lines > 0 ? lines - 1 : 0), "past the end: line %zu of %zu",
		   layout_line_at(l, n + 1), lines);
	for (size_t s = 0; s < layout_span_count(l); s++) {
		const struct layout_span *sp = layout_span(l, s);
		const char *t = src + sp->start;
		size_t len = sp->end - sp->start;
		FUZZ_CHECK(sp->start < sp->end && sp->end <= n, "span %zu: [%zu, %zu) of %zu", s, sp->start,
			   sp->end, n);
		FUZZ_CHECK(s == 0 || layout_span(l, s - 1)->end <= sp->start, "span %zu overlaps the one before", s);
		for (size_t k = 0; k < len; k++)
			FUZZ_CHECK(t[k] > 0x20 && t[k] < 0x7f, "span %zu: byte 0x%02x", s, (unsigned char)t[k]);
		if (sp->kind == LAYOUT_SPAN_URL)
			FUZZ_CHECK((len > 7 && strncasecmp(t, "http://", 7) == 0) ||
					   (len > 8 && strncasecmp(t, "https://", 8) == 0) ||
					   (len > 4 && strncasecmp(t, "www.", 4) == 0),
				   "span %zu is no URL: %.*s", s, (int)len, t);
		else
			FUZZ_CHECK(sp->kind == LAYOUT_SPAN_EMAIL && memchr(t, '@', len) != NULL,
				   "span %zu is no e-mail address: %.*s", s, (int)len, t);
		for (size_t i = 0; i < lines; i++) {
			int a, b;
			if (layout_columns(l, i, sp->start, sp->end, &a, &b))
				FUZZ_CHECK(a >= 0 && a < b && b <= layout_line(l, i)->width,
					   "span %zu on line %zu: columns [%d, %d) of %d", s, i, a, b,
					   layout_line(l, i)->width);
		}
	}
}

/* ---- documents ---- */

static void check_doc(const char *title, const char *body, const struct layout_options *opt)
{
	struct doc d;
	struct layout *t, *b;
	bool is_title;

	doc_init(&d, title, body, opt);
	t = layout_new(title, strlen(title), opt);
	b = layout_new(body, strlen(body), opt);
	FUZZ_CHECK(d.line_count == layout_line_count(t) + 1 + layout_line_count(b), "document of %zu lines",
		   d.line_count);
	for (size_t i = 0; i < d.line_count; i++) {
		const struct layout_line *line = doc_line(&d, i, &is_title), *want;
		want = i < layout_line_count(t) ? layout_line(t, i)
		       : i == layout_line_count(t) ? NULL
						   : layout_line(b, i - layout_line_count(t) - 1);
		FUZZ_CHECK(is_title == (i < layout_line_count(t)), "document line %zu: is_title %d", i, is_title);
		FUZZ_CHECK((line == NULL) == (want == NULL) &&
				   (line == NULL || (line->length == want->length &&
						     memcmp(line->text, want->text, line->length) == 0)),
			   "document line %zu differs from its layout", i);
		FUZZ_CHECK(doc_paragraph_at(&d, i) < (layout_paragraph_count(b) ? layout_paragraph_count(b) : 1),
			   "document line %zu: paragraph %zu", i, doc_paragraph_at(&d, i));
	}
	if (layout_line_count(b) > 0) {
		for (size_t p = 0; p < layout_paragraph_count(b); p++)
			FUZZ_CHECK(doc_paragraph_at(&d, doc_paragraph_line(&d, p)) == p, "paragraph %zu", p);
		for (size_t off = 0; off <= strlen(body); off++)
			FUZZ_CHECK(doc_line_at(&d, off) >= doc_body_start(&d) && doc_line_at(&d, off) < d.line_count,
				   "body byte %zu: document line %zu of %zu", off, doc_line_at(&d, off), d.line_count);
	}
	layout_free(t);
	layout_free(b);
	doc_fini(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct layout_options opt = {0};
	int width;
	const char *src = (const char *)data + 2;
	size_t n;
	struct layout *l;
	const char *nul;

	if (size < 2)
		return 0;
	n = size - 2;
	opt.ambiguous_wide = data[1] & 1;
	opt.ascii = (data[1] & 2) != 0;
	width = data[1] & 4 ? 1 + data[0] % 8 : 1 + data[0];
	opt.width = data[1] & 8 ? -(int)data[0] : width;
	if (data[1] & 8)
		width = 1;
	l = layout_new(src, n, &opt);
	check_lines(l, &opt, width, n);
	check_coverage(l, src, n, opt.ambiguous_wide);
	check_maps(l, src, n);
	layout_free(l);

	nul = memchr(src, '\0', n);
	if (nul != NULL) {
		char *copy = malloc(n + 1);
		if (copy == NULL)
			abort();
		memcpy(copy, src, n);
		copy[n] = '\0';
		check_doc(copy, copy + (nul - src) + 1, &opt);
		free(copy);
	}
	return 0;
}
