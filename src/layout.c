/* The layout engine (layout.h): the interface, paragraphs and lists, and
 * the paragraph buffer that line filling (layout-fill.c) reads.
 *
 * Each paragraph is copied into a buffer in which tabs are spaces and soft
 * line breaks a space or nothing; libunistring finds the break
 * opportunities in that buffer, and text.h turns each grapheme into the
 * glyph that is shown. Segments map the buffer back to source bytes. */
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>

#include "layout-internal.h"
#include "lgma/linebreak.h"
#include "lgma/memfind.h"
#include "lgma/text.h"

/* ---- paragraphs ---- */

static bool is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

static void push_seg(struct builder *b, size_t src, size_t src_len, const char *bytes, size_t len,
		     bool space)
{
	GROW(b->segs, b->seg_count, b->seg_cap, 1);
	GROW(b->buf, b->buf_len, b->buf_cap, len);
	memcpy(b->buf + b->buf_len, bytes, len);
	b->segs[b->seg_count++] = (struct seg){b->buf_len, len, src, src_len, space};
	b->buf_len += len;
}

/* Columns of source text as shown, for tab stops. */
static int source_width(const struct builder *b, size_t start, size_t end)
{
	int w = 0;

	while (start < end) {
		struct text_glyph g;
		start += text_glyph_next(b->src + start, end - start, b->amb, &g);
		w += g.width;
	}
	return w;
}

static void add_line_text(struct builder *b, size_t s, size_t e)
{
	static const char spaces[TAB_STOP] = "        ";
	const char *tab = memchr(b->src + s, '\t', e - s);
	int col = 0;

	while (tab != NULL) {
		size_t t = (size_t)(tab - b->src);
		int n;
		if (t > s)
			push_seg(b, s, t - s, b->src + s, t - s, false);
		col += source_width(b, s, t);
		n = TAB_STOP - col % TAB_STOP;
		push_seg(b, t, 1, spaces, (size_t)n, true);
		col += n;
		s = t + 1;
		tab = memchr(b->src + s, '\t', e - s);
	}
	if (e > s)
		push_seg(b, s, e - s, b->src + s, e - s, false);
}

/* Between Japanese or Chinese characters a line break in the source is no
 * space at all; between anything else (Latin, Hangul, digits) it is one. */
static bool joins_without_space(ucs4_t c)
{
	const uc_script_t *script;

	if (text_char_width(c, false) != 2)
		return false;
	script = uc_script(c);
	return script == NULL || strcmp(script->name, "Hangul") != 0;
}

static void join_lines(struct builder *b, size_t prev_end, size_t next_start)
{
	ucs4_t before = 0, after = 0;
	const uint8_t *end = (const uint8_t *)b->buf + b->buf_len;

	u8_prev(&before, end, (const uint8_t *)b->buf);
	u8_mbtoucr(&after, (const uint8_t *)b->src + next_start, b->l->src_len - next_start);
	if (joins_without_space(before) && joins_without_space(after))
		return;
	push_seg(b, prev_end, next_start - prev_end, " ", 1, true);
}

static void build_buffer(struct builder *b)
{
	size_t prev_end = 0;

	b->buf_len = 0;
	b->seg_count = 0;
	for (size_t i = 0; i < b->pline_count; i++) {
		size_t s = b->plines[i].start, e = b->plines[i].end;
		if (s == e)
			continue;
		if (b->buf_len > 0)
			join_lines(b, prev_end, s);
		add_line_text(b, s, e);
		prev_end = e;
	}
}

static void start_paragraph(struct builder *b, bool item, size_t src_start)
{
	struct layout *l = b->l;
	int width = l->opt.width;

	if (b->have_para && !(item && b->last_was_item)) {
		struct layout_line *blank = layout_fill_push_line(l, LAYOUT_LINE_BLANK, b->para);
		blank->src_start = blank->src_end = b->last_para_end;
		blank->text = NULL;
	}
	if (b->have_para)
		b->para++;
	GROW(l->para_line, l->para_count, l->para_cap, 1);
	l->para_line[l->para_count++] = l->line_count;
	b->have_para = true;
	b->last_was_item = item;
	b->line_src = src_start;
	b->indent = 0;
	b->prefix = NULL;
	b->prefix_width = 0;
	b->avail = width;
	if (!item)
		return;
	b->prefix = l->opt.ascii ? "- " : "\xE2\x80\xA2 "; /* • */
	b->prefix_width = text_width(b->prefix, strlen(b->prefix), b->amb);
	if (width >= b->prefix_width + 2) {
		b->indent = b->prefix_width; /* a hanging indent under the text */
	} else {
		/* Too narrow for bullet and text side by side. */
		b->prefix = "-";
		b->prefix_width = 1;
	}
	b->avail = width - b->prefix_width;
}

static void layout_paragraph(struct builder *b, bool item, size_t src_start)
{
	size_t src_end = b->plines[b->pline_count - 1].end;

	start_paragraph(b, item, src_start);
	build_buffer(b);
	b->para_src_end = src_end;
	if (b->buf_len > 0) {
		if (b->brk_cap < b->buf_len) {
			b->brk_cap = b->buf_cap;
			b->brk = xreallocarray(b->brk, b->brk_cap, 1);
		}
		linebreak_find(b->buf, b->buf_len, b->brk);
	}
	layout_fill_paragraph(b);
	b->last_para_end = src_end;
}

static void push_pline(struct builder *b, size_t start, size_t end)
{
	while (start < end && is_blank_char(b->src[start]))
		start++;
	while (end > start && is_blank_char(b->src[end - 1]))
		end--;
	GROW(b->plines, b->pline_count, b->pline_cap, 1);
	b->plines[b->pline_count++] = (struct src_line){start, end};
}

/* The length of a "- " list marker after leading blanks, or 0. */
static size_t item_marker(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_blank_char(s[i]))
		i++;
	if (i + 1 < n && s[i] == '-' && is_blank_char(s[i + 1]))
		return i + 2;
	return 0;
}

static void layout_body(struct builder *b)
{
	const char *s = b->src;
	size_t n = b->l->src_len, i = 0, para_start = 0;
	bool item = false;

	b->pline_count = 0;
	while (i <= n) {
		size_t e = i, next, marker;
		bool blank = true;
		while (e < n && s[e] != '\n' && s[e] != '\r') {
			blank = blank && is_blank_char(s[e]);
			e++;
		}
		next = e + (e + 1 < n && s[e] == '\r' && s[e + 1] == '\n' ? 2 : 1);
		marker = item_marker(s + i, e - i);
		if ((blank || marker > 0) && b->pline_count > 0) {
			layout_paragraph(b, item, para_start);
			b->pline_count = 0;
		}
		if (marker > 0) {
			item = true;
			para_start = i + marker - 2; /* the '-' */
			push_pline(b, i + marker, e);
		} else if (!blank) {
			if (b->pline_count == 0) {
				item = false;
				para_start = i;
				while (is_blank_char(s[para_start]))
					para_start++;
			}
			push_pline(b, i, e);
		}
		i = next;
	}
	if (b->pline_count > 0)
		layout_paragraph(b, item, para_start);
}

/* ---- the interface ---- */

/* Line texts follow each other in text: their pointers, now it is final. */
static void finish(struct layout *l)
{
	size_t at = 0;

	for (size_t i = 0; i < l->line_count; i++) {
		l->lines[i].text = l->text + at;
		at += l->lines[i].length;
	}
}

/* Room for the usual output at once (a full line holds about width bytes
 * or more, in ASCII or in CJK; text already broken into lines shorter than
 * the width keeps at most its own lines): growing 20 MB arrays by copying
 * costs more than the layout itself, and a copy touches memory twice, while
 * room never used is never touched (so never resident). */
static void presize(struct layout *l, const char *src, size_t len)
{
	size_t lines = len / (size_t)l->opt.width + memcount(src, len, '\n') + 16;

	l->text_cap = len + len / 8 + 64;
	l->text = xmalloc(l->text_cap);
	l->line_cap = lines;
	l->lines = xreallocarray(NULL, lines, sizeof(*l->lines));
	l->line_piece = xreallocarray(NULL, lines + 1, sizeof(*l->line_piece));
	l->line_piece[0] = 0;
	l->piece_cap = lines + lines / 4;
	l->pieces = xreallocarray(NULL, l->piece_cap, sizeof(*l->pieces));
}

struct layout *layout_new(const char *src, size_t len, const struct layout_options *opt)
{
	struct layout *l = xcalloc(1, sizeof(*l));
	struct builder b = {.l = l, .amb = opt->ambiguous_wide};

	l->opt = *opt;
	if (l->opt.width < 1)
		l->opt.width = 1;
	if (opt->borrow_src) {
		l->src = src;
	} else {
		l->src_copy = xmalloc(len + 1);
		memcpy(l->src_copy, src, len);
		l->src_copy[len] = '\0';
		l->src = l->src_copy;
	}
	l->src_len = len;
	b.src = l->src;
	presize(l, src, len);
	layout_body(&b);
	finish(l);
	l->span_count = layout_find_spans(l->src, len, &l->spans);
	free(b.buf);
	free(b.brk);
	free(b.segs);
	free(b.plines);
	free(b.cps);
	return l;
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->src_copy);
	free(l->lines);
	free(l->line_piece);
	free(l->pieces);
	free(l->text);
	free(l->para_line);
	free(l->spans);
	free(l);
}

size_t layout_line_count(const struct layout *l)
{
	return l->line_count;
}

const struct layout_line *layout_line(const struct layout *l, size_t i)
{
	return &l->lines[i];
}

size_t layout_paragraph_count(const struct layout *l)
{
	return l->para_count;
}

size_t layout_paragraph_line(const struct layout *l, size_t paragraph)
{
	return l->para_line[paragraph];
}

size_t layout_line_at(const struct layout *l, size_t offset)
{
	size_t lo = 0, hi = l->line_count;

	/* src_end never decreases from one line to the next. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (l->lines[mid].src_end > offset)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo == l->line_count)
		return l->line_count > 0 ? l->line_count - 1 : 0;
	return lo;
}

static void cover(bool *found, int *lo, int *hi, int a, int b)
{
	if (!*found || a < *lo)
		*lo = a;
	if (!*found || b > *hi)
		*hi = b;
	*found = true;
}

bool layout_columns(const struct layout *l, size_t i, size_t start, size_t end, int *col_start,
		    int *col_end)
{
	bool found = false;
	int lo = 0, hi = 0;

	if (i >= l->line_count || start >= end)
		return false;
	for (size_t p = l->line_piece[i]; p < l->line_piece[i + 1]; p++) {
		const struct piece *pc = &l->pieces[p];
		size_t src_end = pc->src_start + pc->src_len, limit = pc->src_start + pc->limit_len;
		int col = pc->col;
		if (src_end <= start || pc->src_start >= end)
			continue;
		if (pc->atomic) {
			if (pc->width > 0)
				cover(&found, &lo, &hi, pc->col, pc->col + pc->width);
			continue;
		}
		for (size_t k = pc->src_start; k < src_end && k < end;) {
			struct text_glyph g;
			size_t size = text_glyph_next(l->src + k, limit - k, l->opt.ambiguous_wide, &g);
			if (k + size > start && g.width > 0)
				cover(&found, &lo, &hi, col, col + g.width);
			col += g.width;
			k += size;
		}
	}
	if (found) {
		*col_start = lo;
		*col_end = hi;
	}
	return found;
}

size_t layout_span_count(const struct layout *l)
{
	return l->span_count;
}

const struct layout_span *layout_span(const struct layout *l, size_t i)
{
	return &l->spans[i];
}
