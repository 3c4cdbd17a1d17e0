/* What the layout engine's files share: layout.c (the interface, paragraphs
 * and the paragraph buffer) and layout-fill.c (filling lines). Not for
 * other modules: they use layout.h. Units: bytes and columns as there. */
#ifndef LGMA_LAYOUT_INTERNAL_H
#define LGMA_LAYOUT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lgma/layout.h"
#include "lgma/xalloc.h"

enum {
	TAB_STOP = 8,
	/* How far a forced break backs off to keep kinsoku, in graphemes. */
	KINSOKU_BACKOFF = 8,
};

/* Consecutive glyphs of one line, for layout_columns. A non-atomic piece is
 * read again with text_glyph_next exactly as the layout read it (same bytes,
 * same limit), so the layout keeps no per-glyph data. */
struct piece {
	size_t src_start;   /* source bytes shown: [src_start, src_start + src_len) */
	uint32_t src_len;
	uint32_t limit_len; /* the source run the layout read ends at src_start + limit_len */
	int col;	    /* counting the line's indent */
	int width : 31;
	unsigned atomic : 1; /* one glyph standing for its source (space, tab, placeholder) */
};

struct layout {
	struct layout_options opt;
	const char *src; /* src_copy, or the caller's (options.borrow_src) */
	char *src_copy;	 /* the layout's own, so it does not depend on its caller's buffer */
	size_t src_len;
	struct layout_line *lines;
	size_t line_count, line_cap;
	size_t *line_piece; /* first piece of each line; line_piece[line_count] ends */
	struct piece *pieces;
	size_t piece_count, piece_cap;
	char *text; /* every line's text, one after the other */
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
	bool space; /* spaces for a tab or a soft line break; else the source bytes themselves */
};

struct src_line {
	size_t start, end; /* content, without the list marker or surrounding blanks */
};

/* A glyph of the line being filled where a forced break may go. */
struct mark {
	size_t pos;	     /* buffer offset */
	uint32_t size;	     /* buffer bytes */
	bool shown;	     /* neither a hanging space nor invisible */
	long long total;     /* paragraph columns before it */
	long long vis_total; /* paragraph columns up to the last shown glyph before it */
	size_t vis_end;	     /* buffer offset after the last shown glyph before it */
};

enum {
	CHECKPOINT_SEG = 1,	/* a segment starts here */
	CHECKPOINT_SPECIAL = 2, /* a glyph not shown as it is written */
};

/* Where a line cannot simply be copied from the buffer. */
struct checkpoint {
	size_t pos;	 /* buffer offset */
	long long total; /* paragraph columns before it */
	uint32_t seg;	 /* the segment it is in */
	unsigned flags;	 /* CHECKPOINT_* */
};

struct builder {
	struct layout *l;
	const char *src;
	bool amb;

	/* the paragraph: its buffer with break opportunities, and segments */
	char *buf, *brk;
	size_t buf_len, buf_cap, brk_cap;
	struct seg *segs;
	size_t seg_count, seg_cap;
	size_t para_src_end;
	struct checkpoint *cps; /* in buffer order */
	size_t cp_count, cp_cap, cp_at;
	size_t seg_at; /* the segment of the next line to emit */
	struct src_line *plines;
	size_t pline_count, pline_cap;

	/* the line being filled: columns count from the paragraph start */
	size_t line_src;     /* source offset where the line starts */
	bool has_vis;	     /* something shown on it yet */
	size_t vis_start;    /* buffer offset of its first shown glyph */
	size_t vis_end;	     /* after its last shown glyph */
	long long base;	     /* columns before vis_start */
	long long total;     /* columns so far, hanging spaces included */
	long long vis_total; /* columns up to vis_end */
	size_t opp;	     /* the last break opportunity after shown text, 0 if none */
	long long opp_total, opp_vis_total;
	size_t opp_vis_end;
	int avail;	    /* columns for glyphs on this line */
	int indent;	    /* of continuation lines */
	const char *prefix; /* the bullet, until the item's first line is out */
	int prefix_width;

	/* between paragraphs */
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

/* A new line (its text starts at the end of l->text); lives in l->lines. */
struct layout_line *layout_fill_push_line(struct layout *l, enum layout_line_kind kind, size_t para);

/* Lays out the paragraph in b's buffer (segments, break opportunities)
 * into lines, from b's line state as start_paragraph left it. */
void layout_fill_paragraph(struct builder *b);

#endif
