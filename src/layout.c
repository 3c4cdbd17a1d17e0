/* The layout engine (layout.h): paragraphs, greedy line filling over UAX #14
 * opportunities, forced breaks at grapheme boundaries, and the maps from
 * source bytes to columns.
 *
 * Each paragraph is copied into a buffer in which tabs are spaces and soft
 * line breaks are a space or nothing; libunistring finds the break
 * opportunities in that buffer, and text.h turns each grapheme into the
 * glyph that is shown. A line's glyphs are kept until the line is full, so a
 * break can move the last word to the next line without reading it again. */
#include "lgma/layout.h"

#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unilbrk.h>
#include <unistr.h>

#include "lgma/linebreak.h"
#include "lgma/text.h"
#include "lgma/xalloc.h"

enum {
	TAB_STOP = 8,
	/* How far a forced break backs off to keep kinsoku, in graphemes. */
	KINSOKU_BACKOFF = 8,
};

/* Consecutive glyphs of one line, for layout_columns. A non-atomic piece is
 * re-read with text_glyph_next exactly as the layout read it (same bytes,
 * same limit), so the layout keeps no per-glyph data. */
struct piece {
	size_t src_start;     /* source bytes shown: [src_start, src_start + src_len) */
	uint32_t src_len;
	uint32_t limit_len;   /* the source run the layout read ends at src_start + limit_len */
	int col;	      /* counting the line's indent */
	int width : 31;
	unsigned atomic : 1; /* one glyph standing for its source (space, tab, placeholder) */
};

struct layout {
	struct layout_options opt;
	char *src; /* a copy: the layout never depends on its caller's buffer */
	size_t src_len;
	struct layout_line *lines;
	size_t line_count, line_cap;
	size_t *line_piece; /* first piece of each line; line_piece[line_count] ends */
	struct piece *pieces;
	size_t piece_count, piece_cap;
	char *text;
	size_t text_len, text_cap;
	size_t *para_line;
	size_t para_count, para_cap;
	struct layout_span *spans;
	size_t span_count;
};

/* A run of the paragraph buffer and the source bytes it stands for. */
struct seg {
	size_t buf, len; /* in the paragraph buffer */
	size_t src, src_len;
	bool space; /* spaces for a tab or a soft line break; else len == src_len, same bytes */
};

enum {
	GLYPH_SPACE = 1,      /* hangs at the end of a line: neither shown nor counted there */
	GLYPH_ATOMIC = 2,     /* shown differently from what text_glyph_next gives for its source */
	GLYPH_MAY_BREAK = 4,  /* a line may start with this glyph */
	GLYPH_HARD_BREAK = 8, /* a mandatory break follows this glyph */
};

/* A glyph of the line being filled. */
struct glyph {
	size_t src;	  /* source offset */
	uint32_t src_len; /* source bytes */
	uint32_t seg;	  /* the paragraph segment it comes from */
	size_t disp;	  /* display bytes at builder.disp + disp */
	uint8_t disp_size, width, flags;
};

struct src_line {
	size_t start, end; /* content, without the list marker or surrounding blanks */
};

struct builder {
	struct layout *l;
	const char *src;
	bool amb;
	/* the paragraph */
	char *buf, *brk;
	size_t buf_len, buf_cap, brk_cap;
	struct seg *segs;
	size_t seg_count, seg_cap;
	struct src_line *plines;
	size_t pline_count, pline_cap;
	/* the line being filled */
	struct glyph *g;
	size_t g_count, g_cap;
	char *disp;
	size_t disp_len, disp_cap;
	int w; /* columns of the line's glyphs, trailing spaces included */
	int avail;	    /* columns for glyphs on this line */
	int indent;	    /* of continuation lines */
	const char *prefix; /* the bullet, until the item's first line is out */
	int prefix_width;
	size_t line_src; /* source offset where this line starts */
	size_t para;
	size_t last_para_end; /* source end of the previous paragraph */
	bool have_para, last_was_item;
};

#define GROW(ptr, count, cap, need)                                                       \
	do {                                                                              \
		if ((count) + (need) > (cap)) {                                           \
			size_t grow_to_ = (cap) ? (cap) * 2 : 16;                         \
			while (grow_to_ < (count) + (need))                               \
				grow_to_ *= 2;                                            \
			(ptr) = xreallocarray((ptr), grow_to_, sizeof(*(ptr)));           \
			(cap) = grow_to_;                                                 \
		}                                                                         \
	} while (0)

/* ---- output ---- */

static size_t put_text(struct layout *l, const char *s, size_t n)
{
	size_t at = l->text_len;

	GROW(l->text, l->text_len, l->text_cap, n + 1);
	memcpy(l->text + at, s, n);
	l->text_len += n;
	return at;
}

static struct layout_line *push_line(struct layout *l, enum layout_line_kind kind, size_t para)
{
	struct layout_line *line;

	if (l->line_count + 1 >= l->line_cap) {
		size_t cap = l->line_cap ? l->line_cap * 2 : 64;
		l->lines = xreallocarray(l->lines, cap, sizeof(*l->lines));
		l->line_piece = xreallocarray(l->line_piece, cap + 1, sizeof(*l->line_piece));
		l->line_cap = cap;
	}
	line = &l->lines[l->line_count];
	memset(line, 0, sizeof(*line));
	line->kind = kind;
	line->paragraph = para;
	l->line_piece[l->line_count] = l->piece_count;
	l->line_count++;
	l->line_piece[l->line_count] = l->piece_count;
	return line;
}

static void push_piece(struct builder *b, const struct glyph *g, int col)
{
	struct layout *l = b->l;
	const struct seg *sg = &b->segs[g->seg];
	size_t limit = sg->src + sg->src_len;
	bool atomic = (g->flags & GLYPH_ATOMIC) != 0;
	struct piece *last = l->piece_count > l->line_piece[l->line_count - 1] ? &l->pieces[l->piece_count - 1] : NULL;

	if (!atomic && last != NULL && !last->atomic && last->src_start + last->src_len == g->src &&
	    last->src_start + last->limit_len == limit) {
		last->src_len += g->src_len;
		last->width += g->width;
		return;
	}
	GROW(l->pieces, l->piece_count, l->piece_cap, 1);
	l->pieces[l->piece_count++] = (struct piece){
		.src_start = g->src,
		.src_len = g->src_len,
		.limit_len = (uint32_t)(limit - g->src),
		.col = col,
		.width = g->width,
		.atomic = atomic,
	};
	l->line_piece[l->line_count] = l->piece_count;
}

/* The glyph being added is built in place, in b->g[b->g_count] with its
 * display bytes at b->disp + b->disp_len, and only counted once add_glyph
 * has found it a line: building it elsewhere and copying it in stalled on
 * store forwarding. The room reserved here keeps that slot (and the 16
 * bytes every display copy writes) valid through keep_tail. */
static struct glyph *pending_slot(struct builder *b)
{
	GROW(b->g, b->g_count, b->g_cap, 2);
	GROW(b->disp, b->disp_len, b->disp_cap, 2 * (TEXT_GRAPHEME_MAX + 1));
	return &b->g[b->g_count];
}

/* Drops glyphs [0, k) of the line being filled, keeping the rest and the
 * pending slot. */
static void keep_tail(struct builder *b, size_t k)
{
	size_t base = k < b->g_count ? b->g[k].disp : b->disp_len;

	memmove(b->g, b->g + k, (b->g_count - k + 1) * sizeof(*b->g));
	memmove(b->disp, b->disp + base, b->disp_len - base + TEXT_GRAPHEME_MAX + 1);
	b->disp_len -= base;
	b->g_count -= k;
	b->w = 0;
	for (size_t i = 0; i < b->g_count; i++) {
		b->g[i].disp -= base;
		b->w += b->g[i].width;
	}
	b->g[b->g_count].disp -= base;
}

/* Emits glyphs [0, k) as a line that hands over to the next at source
 * offset next_src, and starts the next line with glyphs [k, g_count). */
static void emit_line(struct builder *b, size_t k, size_t next_src)
{
	struct layout *l = b->l;
	struct layout_line *line = push_line(l, LAYOUT_LINE_TEXT, b->para);
	size_t text_start = l->text_len, shown = k;
	int col;

	/* Spaces at a break hang in the margin; invisible glyphs go with them. */
	while (shown > 0 && ((b->g[shown - 1].flags & GLYPH_SPACE) || b->g[shown - 1].width == 0))
		shown--;
	line->indent = b->prefix != NULL ? 0 : b->indent;
	col = line->indent;
	if (b->prefix != NULL) {
		size_t n = strlen(b->prefix);
		/* A bullet with nothing beside it loses its space. */
		bool alone = shown == 0 && b->prefix[n - 1] == ' ';
		put_text(l, b->prefix, n - alone);
		col += b->prefix_width - alone;
	}
	if (shown > 0) /* the glyphs' display bytes are contiguous */
		put_text(l, b->disp, b->g[shown - 1].disp + b->g[shown - 1].disp_size);
	for (size_t i = 0; i < shown; i++) {
		push_piece(b, &b->g[i], col);
		col += b->g[i].width;
	}
	line->length = l->text_len - text_start;
	line->width = col;
	line->src_start = b->line_src;
	line->src_end = next_src;

	b->line_src = next_src;
	b->prefix = NULL;
	b->avail = l->opt.width - b->indent;
	keep_tail(b, k);
}

static const char *glyph_bytes(const struct builder *b, const struct glyph *g, size_t *n)
{
	if ((g->flags & (GLYPH_ATOMIC | GLYPH_SPACE)) == (GLYPH_ATOMIC | GLYPH_SPACE)) {
		*n = 1;
		return " ";
	}
	*n = g->src_len;
	return b->src + g->src;
}

static bool hidden(const struct glyph *g)
{
	return (g->flags & GLYPH_SPACE) || g->width == 0;
}

/* Where to break a full line before the pending glyph (which does not
 * fit): after the last break opportunity that leaves something on this
 * line; failing that, at a grapheme boundary, backing off a little to keep
 * kinsoku. Returns the index of the first glyph of the next line. */
static size_t find_break(const struct builder *b)
{
	size_t first_shown = 0, lowest, count = b->g_count;

	while (first_shown < count && hidden(&b->g[first_shown]))
		first_shown++;
	for (size_t k = count; k > first_shown; k--)
		if (b->g[k].flags & GLYPH_MAY_BREAK)
			return k;
	lowest = count > KINSOKU_BACKOFF ? count - KINSOKU_BACKOFF : 1;
	if (lowest < count / 2)
		lowest = count / 2;
	if (lowest <= first_shown)
		lowest = first_shown + 1;
	for (size_t k = count; k >= lowest && k > 0; k--) {
		size_t an, bn;
		const char *as = glyph_bytes(b, &b->g[k - 1], &an);
		const char *bs = glyph_bytes(b, &b->g[k], &bn);
		if (linebreak_pair_ok(as, an, bs, bn))
			return k;
	}
	return count;
}

/* Takes the pending glyph into a line, breaking lines before it as needed. */
static void add_glyph(struct builder *b)
{
	struct glyph *g = &b->g[b->g_count];

	if (!hidden(g)) {
		while (b->g_count > 0 && b->w + g->width > b->avail) {
			size_t k = find_break(b);
			emit_line(b, k, b->g[k].src);
			g = &b->g[b->g_count];
		}
		if (g->width > b->avail && b->prefix != NULL && g->width <= b->l->opt.width - b->indent) {
			emit_line(b, 0, g->src); /* a narrow bullet line: the text fits below */
			g = &b->g[b->g_count];
		}
		if (g->width > b->avail) {
			/* Width 1 and a wide glyph: a placeholder, never an overflow. */
			g->width = 1;
			g->disp_size = 1;
			g->flags |= GLYPH_ATOMIC;
			b->disp[g->disp] = '?';
		}
	}
	b->g_count++;
	b->disp_len += g->disp_size;
	b->w += g->width;
	if (g->flags & GLYPH_HARD_BREAK)
		emit_line(b, b->g_count, g->src + g->src_len);
}

/* ---- paragraphs ---- */

static bool is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

static void push_seg(struct builder *b, size_t src, size_t src_len, const char *bytes, size_t len,
		     bool space)
{
	GROW(b->segs, b->seg_count, b->seg_cap, 1);
	/* 16 bytes of slack: display copies read a whole text_glyph's worth */
	GROW(b->buf, b->buf_len, b->buf_cap, len + TEXT_GRAPHEME_MAX + 1);
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

static uint8_t break_flags(char brk)
{
	return brk == UC_BREAK_POSSIBLE ? GLYPH_MAY_BREAK : brk == UC_BREAK_MANDATORY ? GLYPH_HARD_BREAK : 0;
}

static void glyphs_of_seg(struct builder *b, uint32_t seg)
{
	static const char spaces[TEXT_GRAPHEME_MAX + 1] = "        "; /* a tab's, at most */
	const struct seg *sg = &b->segs[seg];
	size_t end = sg->buf + sg->len;

	if (sg->space) {
		struct glyph *g = pending_slot(b);
		g->src = sg->src;
		g->src_len = (uint32_t)sg->src_len;
		g->seg = seg;
		g->disp = b->disp_len;
		g->disp_size = (uint8_t)sg->len;
		g->width = (uint8_t)sg->len;
		g->flags = GLYPH_SPACE | GLYPH_ATOMIC | (b->brk[sg->buf] == UC_BREAK_POSSIBLE ? GLYPH_MAY_BREAK : 0);
		memcpy(b->disp + b->disp_len, spaces, sizeof(spaces));
		add_glyph(b);
		return;
	}
	for (size_t i = sg->buf; i < end;) {
		struct glyph *g = pending_slot(b);
		struct text_glyph tg;
		size_t size = text_glyph_next(b->buf + i, end - i, b->amb, &tg);
		/* Shown as it is written: copy from the buffer (see pending_slot). */
		bool verbatim = tg.flags == 0 && tg.size == size;
		g->src = sg->src + (i - sg->buf);
		g->src_len = (uint32_t)size;
		g->seg = seg;
		g->disp = b->disp_len;
		g->disp_size = tg.size;
		g->width = tg.width;
		g->flags = break_flags(b->brk[i]) | (tg.size == 1 && tg.bytes[0] == ' ' ? GLYPH_SPACE : 0);
		memcpy(b->disp + b->disp_len, verbatim ? b->buf + i : tg.bytes, TEXT_GRAPHEME_MAX + 1);
		add_glyph(b);
		i += size;
	}
}

static void start_paragraph(struct builder *b, bool item, size_t src_start)
{
	struct layout *l = b->l;
	int width = l->opt.width;

	if (b->have_para && !(item && b->last_was_item)) {
		struct layout_line *blank = push_line(l, LAYOUT_LINE_BLANK, b->para);
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
	b->g_count = 0;
	b->disp_len = 0;
	b->w = 0;
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
	struct layout *l = b->l;
	size_t src_end = b->plines[b->pline_count - 1].end;

	start_paragraph(b, item, src_start);
	build_buffer(b);
	if (b->avail < 1) /* width 1 or 2: the bullet has a line of its own */
		emit_line(b, 0, b->seg_count > 0 ? b->segs[0].src : src_end);
	if (b->buf_len > 0) {
		if (b->brk_cap < b->buf_len) {
			b->brk_cap = b->buf_cap;
			b->brk = xreallocarray(b->brk, b->brk_cap, 1);
		}
		linebreak_find(b->buf, b->buf_len, b->brk);
	}
	for (uint32_t i = 0; i < b->seg_count; i++)
		glyphs_of_seg(b, i);
	if (b->g_count > 0 || b->prefix != NULL || l->para_line[l->para_count - 1] == l->line_count)
		emit_line(b, b->g_count, src_end);
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
 * or more, in ASCII or in CJK): growing 20 MB arrays by copying costs more
 * than the layout itself. */
static void presize(struct layout *l, size_t len)
{
	size_t lines = len / (size_t)l->opt.width + len / 256 + 16;

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
	l->src = xmalloc(len + 1);
	memcpy(l->src, src, len);
	l->src[len] = '\0';
	l->src_len = len;
	b.src = l->src;
	presize(l, len);
	b.g_cap = 64;
	b.g = xreallocarray(NULL, b.g_cap, sizeof(*b.g));
	b.disp_cap = 1024;
	b.disp = xmalloc(b.disp_cap);
	layout_body(&b);
	finish(l);
	l->span_count = layout_find_spans(l->src, len, &l->spans);
	free(b.buf);
	free(b.brk);
	free(b.segs);
	free(b.plines);
	free(b.g);
	free(b.disp);
	return l;
}

void layout_free(struct layout *l)
{
	if (l == NULL)
		return;
	free(l->src);
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
