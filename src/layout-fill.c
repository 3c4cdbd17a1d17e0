/* Filling lines: greedy, over the paragraph's break opportunities.
 *
 * One pass reads the glyphs and keeps only what a break needs: the last
 * opportunity and the columns at it. A forced break (a run with no
 * opportunity) reads the line's glyphs again, which only long words and
 * URLs cost. A finished line is copied from the paragraph buffer in
 * stretches between checkpoints: the segment starts (soft breaks, tabs) and
 * the glyphs not shown as written, which are the only ones read again. */
#include <string.h>
#include <unilbrk.h>

#include "layout-internal.h"
#include "lgma/linebreak.h"
#include "lgma/text.h"

enum {
	GLYPH_SPACE = 1,      /* hangs at the end of a line: neither shown nor counted there */
	GLYPH_MAY_BREAK = 2,  /* a line may start with this glyph */
	GLYPH_HARD_BREAK = 4, /* a mandatory break follows this glyph */
};

/* ---- output ---- */

static void put_text(struct layout *l, const char *s, size_t n)
{
	GROW(l->text, l->text_len, l->text_cap, n + 1);
	memcpy(l->text + l->text_len, s, n);
	l->text_len += n;
}

struct layout_line *layout_fill_push_line(struct layout *l, enum layout_line_kind kind, size_t para)
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

/* Adds a piece to the last line, merged with the previous piece when the
 * two read on through the same source run. */
static void push_piece(struct layout *l, size_t src, size_t src_len, size_t limit, int col, int width,
		       bool atomic)
{
	bool same_line = l->piece_count > l->line_piece[l->line_count - 1];
	struct piece *last = same_line ? &l->pieces[l->piece_count - 1] : NULL;

	if (!atomic && last != NULL && !last->atomic && last->src_start + last->src_len == src &&
	    last->src_start + last->limit_len == limit) {
		last->src_len += (uint32_t)src_len;
		last->width += width;
		return;
	}
	GROW(l->pieces, l->piece_count, l->piece_cap, 1);
	l->pieces[l->piece_count++] = (struct piece){
		.src_start = src,
		.src_len = (uint32_t)src_len,
		.limit_len = (uint32_t)(limit - src),
		.col = col,
		.width = width,
		.atomic = atomic,
	};
	l->line_piece[l->line_count] = l->piece_count;
}

/* ---- emitting a line ---- */

/* The source offset of buffer offset p (a glyph boundary or the end). */
static size_t buf_to_src(const struct builder *b, size_t p)
{
	for (size_t s = b->seg_at; s < b->seg_count; s++) {
		const struct seg *sg = &b->segs[s];
		if (p == sg->buf)
			return sg->src;
		if (p < sg->buf + sg->len)
			return sg->space ? sg->src + sg->src_len : sg->src + (p - sg->buf);
	}
	return b->para_src_end;
}

/* Writes the glyph at checkpoint cp, reading it again as the first pass
 * did (its segment's bytes up to the segment's end). Returns its width. */
static int write_special(struct builder *b, const struct checkpoint *cp, int col, size_t *size)
{
	static const char spaces[TAB_STOP] = "        ";
	struct layout *l = b->l;
	const struct seg *sg = &b->segs[cp->seg];
	size_t limit = sg->src + sg->src_len;
	struct text_glyph tg;

	if (sg->space) { /* a tab or a soft break */
		put_text(l, spaces, sg->len);
		push_piece(l, sg->src, sg->src_len, limit, col, (int)sg->len, true);
		*size = sg->len;
		return (int)sg->len;
	}
	*size = text_glyph_next(b->buf + cp->pos, sg->buf + sg->len - cp->pos, b->amb, &tg);
	if (tg.width > b->avail) { /* width 1 and a wide glyph */
		put_text(l, "?", 1);
		push_piece(l, sg->src + (cp->pos - sg->buf), *size, limit, col, 1, true);
		return 1;
	}
	put_text(l, tg.bytes, tg.size);
	push_piece(l, sg->src + (cp->pos - sg->buf), *size, limit, col, tg.width, false);
	return tg.width;
}

/* Writes buffer [start, end), which begins base columns into the
 * paragraph and ends width columns later, from col on. */
static int write_glyphs(struct builder *b, size_t start, size_t end, long long base, long long width, int col)
{
	struct layout *l = b->l;
	size_t i = start, seg = b->seg_at, at;
	long long total = base;

	while (b->cp_at < b->cp_count && b->cps[b->cp_at].pos < start)
		b->cp_at++;
	at = b->cp_at;
	while (i < end) {
		const struct checkpoint *cp = at < b->cp_count && b->cps[at].pos < end ? &b->cps[at] : NULL;
		if (cp == NULL || i < cp->pos) { /* shown as written: copy */
			const struct seg *sg = &b->segs[seg];
			size_t stop = cp != NULL ? cp->pos : end;
			long long to = cp != NULL ? cp->total : base + width;
			put_text(l, b->buf + i, stop - i);
			push_piece(l, sg->src + (i - sg->buf), stop - i, sg->src + sg->src_len, col, (int)(to - total), false);
			col += (int)(to - total);
			total = to;
			i = stop;
			continue;
		}
		seg = cp->seg;
		if (cp->flags & CHECKPOINT_SPECIAL) {
			size_t size;
			int w = write_special(b, cp, col, &size);
			col += w;
			total += w;
			i += size;
		}
		at++;
	}
	return col;
}

/* Emits a line showing buffer [start, end), width columns wide, whose
 * successor starts at buffer offset next. */
static void emit(struct builder *b, size_t start, size_t end, long long width, size_t next)
{
	struct layout *l = b->l;
	struct layout_line *line = layout_fill_push_line(l, LAYOUT_LINE_TEXT, b->para);
	size_t text_start = l->text_len, next_src;
	int col;

	while (b->seg_at + 1 < b->seg_count && b->segs[b->seg_at].buf + b->segs[b->seg_at].len <= start)
		b->seg_at++;
	line->indent = b->prefix != NULL ? 0 : b->indent;
	col = line->indent;
	if (b->prefix != NULL) {
		size_t n = strlen(b->prefix);
		/* A bullet with nothing beside it loses its space. */
		bool alone = start == end && b->prefix[n - 1] == ' ';
		put_text(l, b->prefix, n - alone);
		col += b->prefix_width - alone;
	}
	if (start < end)
		col = write_glyphs(b, start, end, b->base, width, col);
	next_src = buf_to_src(b, next);
	line->length = l->text_len - text_start;
	line->width = col;
	line->src_start = b->line_src;
	line->src_end = next_src;
	b->line_src = next_src;
	b->prefix = NULL;
	b->avail = l->opt.width - b->indent;
	b->opp = 0;
}

/* ---- breaking ---- */

/* Breaks at the last opportunity: the glyphs after it go to the next line. */
static void break_at_opportunity(struct builder *b, size_t pending)
{
	size_t at = b->opp;
	long long total = b->opp_total;

	emit(b, b->vis_start, b->opp_vis_end, b->opp_vis_total - b->base, at);
	b->base = total;
	b->vis_start = at;
	if (at == pending)
		b->has_vis = false;
}

/* Reads the line's glyphs again, up to pending, keeping the last
 * KINSOKU_BACKOFF + 1 in ring: with count the result, the last glyph is
 * ring[(count - 1) % (KINSOKU_BACKOFF + 1)]. Returns how many glyphs the
 * line has. */
static size_t reread_line(const struct builder *b, size_t pending, struct mark *ring)
{
	size_t count = 0, seg = b->seg_at, i = b->vis_start, vis_end = b->vis_start;
	long long total = b->base, vis_total = b->base;

	while (seg + 1 < b->seg_count && b->segs[seg].buf + b->segs[seg].len <= i)
		seg++;
	while (i < pending) {
		const struct seg *sg = &b->segs[seg];
		struct mark *m = &ring[count % (KINSOKU_BACKOFF + 1)];
		struct text_glyph tg;
		size_t size;
		int width;
		bool shown;
		if (i >= sg->buf + sg->len) {
			seg++;
			continue;
		}
		if (sg->space) {
			size = sg->len;
			width = (int)sg->len;
			shown = false;
		} else {
			size = text_glyph_next(b->buf + i, sg->buf + sg->len - i, b->amb, &tg);
			width = tg.width > b->avail ? 1 : tg.width;
			shown = width > 0 && !(tg.size == 1 && tg.bytes[0] == ' ');
		}
		*m = (struct mark){i, (uint32_t)size, shown, total, vis_total, vis_end};
		total += width;
		if (shown) {
			vis_total = total;
			vis_end = i + size;
		}
		count++;
		i += size;
	}
	return count;
}

/* No opportunity on the line: breaks before the pending glyph, or up to a
 * few glyphs earlier (never more than half the line) when that keeps a
 * closing mark off the start of the next line and an opening one off the
 * end of this one. Failing both, before the pending glyph anyway. */
static void break_forced(struct builder *b, size_t pending, uint32_t pending_size)
{
	enum { RING = KINSOKU_BACKOFF + 1 };
	struct mark ring[RING];
	size_t count = reread_line(b, pending, ring);
	size_t limit = count / 2 < KINSOKU_BACKOFF ? count / 2 : KINSOKU_BACKOFF;
	size_t after_pos = pending;
	uint32_t after_size = pending_size;

	for (size_t c = 0; c <= limit && c < count; c++) {
		const struct mark *last = &ring[(count - 1 - c) % RING];			/* ends this line */
		const struct mark *first = c > 0 ? &ring[(count - c) % RING] : NULL;	/* starts the next */
		bool leaves_shown = first == NULL || (first->shown && first->vis_end > b->vis_start);
		if (leaves_shown && linebreak_pair_ok(b->buf + last->pos, last->size, b->buf + after_pos, after_size)) {
			if (first == NULL)
				break;
			emit(b, b->vis_start, first->vis_end, first->vis_total - b->base, first->pos);
			b->base = first->total;
			b->vis_start = first->pos;
			return;
		}
		after_pos = last->pos;
		after_size = last->size;
	}
	emit(b, b->vis_start, b->vis_end, b->vis_total - b->base, pending);
	b->base = b->total;
	b->has_vis = false;
}

/* ---- reading glyphs ---- */

static void add_checkpoint(struct builder *b, size_t pos, uint32_t seg, unsigned flags)
{
	struct checkpoint *last = b->cp_count > 0 ? &b->cps[b->cp_count - 1] : NULL;

	if (last != NULL && last->pos == pos) {
		last->flags |= flags;
		return;
	}
	GROW(b->cps, b->cp_count, b->cp_cap, 1);
	b->cps[b->cp_count++] = (struct checkpoint){pos, b->total, seg, flags};
}

static void take(struct builder *b, size_t pos, uint32_t size, uint32_t seg, int width, unsigned flags)
{
	bool shown = width > 0 && !(flags & GLYPH_SPACE);

	if (!shown && !b->has_vis) {
		/* Nothing shown yet: blanks and invisible glyphs at the start of
		 * a line are dropped. */
		if (flags & GLYPH_HARD_BREAK)
			emit(b, pos, pos, 0, pos + size);
		return;
	}
	if (shown) {
		if ((flags & GLYPH_MAY_BREAK) && b->has_vis) {
			b->opp = pos;
			b->opp_total = b->total;
			b->opp_vis_total = b->vis_total;
			b->opp_vis_end = b->vis_end;
		}
		while (b->has_vis && b->total - b->base + width > b->avail) {
			if (b->opp > b->vis_start)
				break_at_opportunity(b, pos);
			else
				break_forced(b, pos, size);
		}
		if (!b->has_vis) {
			if (width > b->avail && b->prefix != NULL && width <= b->l->opt.width - b->indent)
				emit(b, pos, pos, 0, pos); /* a narrow bullet line: the text fits below */
			if (width > b->avail) {
				width = 1; /* width 1 and a wide glyph: "?" (write_special) */
				add_checkpoint(b, pos, seg, CHECKPOINT_SPECIAL);
			}
			b->vis_start = pos;
			b->base = b->total;
			b->has_vis = true;
		}
	}
	b->total += width;
	if (shown) {
		b->vis_total = b->total;
		b->vis_end = pos + size;
	}
	if (flags & GLYPH_HARD_BREAK) {
		emit(b, b->vis_start, b->vis_end, b->vis_total - b->base, pos + size);
		b->base = b->total;
		b->has_vis = false;
	}
}

static unsigned break_flags(char brk)
{
	return brk == UC_BREAK_POSSIBLE ? GLYPH_MAY_BREAK : brk == UC_BREAK_MANDATORY ? GLYPH_HARD_BREAK : 0;
}

static void take_seg(struct builder *b, uint32_t seg)
{
	const struct seg *sg = &b->segs[seg];
	size_t end = sg->buf + sg->len;

	if (sg->space) {
		add_checkpoint(b, sg->buf, seg, CHECKPOINT_SEG | CHECKPOINT_SPECIAL);
		take(b, sg->buf, (uint32_t)sg->len, seg, (int)sg->len, GLYPH_SPACE | break_flags(b->brk[sg->buf]));
		return;
	}
	add_checkpoint(b, sg->buf, seg, CHECKPOINT_SEG);
	for (size_t i = sg->buf; i < end;) {
		struct text_glyph tg;
		size_t size = text_glyph_next(b->buf + i, end - i, b->amb, &tg);
		unsigned flags = break_flags(b->brk[i]);
		if (tg.flags != 0 || tg.size != size) /* not shown as written */
			add_checkpoint(b, i, seg, CHECKPOINT_SPECIAL);
		if (tg.size == 1 && tg.bytes[0] == ' ')
			flags |= GLYPH_SPACE;
		take(b, i, (uint32_t)size, seg, tg.width, flags);
		i += size;
	}
}

void layout_fill_paragraph(struct builder *b)
{
	struct layout *l = b->l;
	size_t first_line = l->line_count;

	b->cp_count = b->cp_at = b->seg_at = 0;
	b->total = b->base = b->vis_total = 0;
	b->vis_start = b->vis_end = 0;
	b->opp = 0;
	b->has_vis = false;
	if (b->avail < 1) /* width 1 or 2: the bullet has a line of its own */
		emit(b, 0, 0, 0, 0);
	for (uint32_t i = 0; i < b->seg_count; i++)
		take_seg(b, i);
	if (b->has_vis || b->prefix != NULL || l->line_count == first_line)
		emit(b, b->vis_start, b->has_vis ? b->vis_end : b->vis_start, b->has_vis ? b->vis_total - b->base : 0,
		     b->buf_len);
}
