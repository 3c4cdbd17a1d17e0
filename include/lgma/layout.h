/* The layout engine: a section body (or any text) -> display lines at a width.
 *
 * Rules (see the layout issue): UAX #14 line breaking through libunistring,
 * which already keeps Japanese line-start/line-end rules (kinsoku) for
 * closing brackets, small kana, 。、 and opening brackets; a run with no
 * break opportunity that is longer than the width is broken at a grapheme
 * boundary; no line is ever wider than the width. Paragraphs are separated
 * by blank lines; a single newline inside a paragraph is a soft break,
 * joined with a space between Latin words and with nothing between CJK
 * characters; "- " starts a list item with a hanging indent. Line text is
 * display-safe (text.h).
 *
 * One engine serves the screen, --dump and search highlighting. A layout is
 * computed once per (text, width, options) and is immutable afterwards.
 * Units: offsets and lengths in bytes, widths and columns in columns. */
#ifndef LGMA_LAYOUT_H
#define LGMA_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct layout_options {
	int width;	     /* columns available, >= 1 */
	bool ambiguous_wide; /* East Asian Ambiguous characters take 2 columns */
	bool ascii;	     /* the terminal shows ASCII only: "- " bullets, not "• " */
};

enum layout_line_kind {
	LAYOUT_LINE_TEXT,  /* a line of a paragraph or list item */
	LAYOUT_LINE_BLANK, /* the empty line that separates paragraphs */
};

struct layout_line {
	const char *text; /* display-safe UTF-8 owned by the layout; not NUL-terminated */
	size_t length;	  /* bytes of text */
	int indent;	  /* blank columns before text (a list item's bullet is part of text) */
	int width;	  /* columns of indent + text; never more than options.width */
	size_t paragraph; /* 0-based paragraph (a list item counts as one) */
	size_t src_start; /* source bytes shown on this line: [src_start, src_end) */
	size_t src_end;
	enum layout_line_kind kind;
};

enum layout_span_kind {
	LAYOUT_SPAN_URL,
	LAYOUT_SPAN_EMAIL,
};

/* Something found in the source text, in source bytes [start, end). */
struct layout_span {
	size_t start, end;
	enum layout_span_kind kind;
};

struct layout;

/* Lays out src[0..len) (any bytes). Never fails; free with layout_free. */
struct layout *layout_new(const char *src, size_t len, const struct layout_options *opt);
void layout_free(struct layout *l);

size_t layout_line_count(const struct layout *l);
/* Line i < layout_line_count(l); valid until layout_free. */
const struct layout_line *layout_line(const struct layout *l, size_t i);

size_t layout_paragraph_count(const struct layout *l);
/* First line of a paragraph (paragraph < layout_paragraph_count). */
size_t layout_paragraph_line(const struct layout *l, size_t paragraph);

/* The line showing source byte offset (the last line for offsets past the
 * end, the next line for bytes that were not shown such as a newline). */
size_t layout_line_at(const struct layout *l, size_t offset);

/* The columns [*col_start, *col_end) of line i (counting its indent) that
 * show source bytes [start, end); false when line i shows none of them.
 * A match across a soft line break is highlighted on both lines by asking
 * for each line. */
bool layout_columns(const struct layout *l, size_t i, size_t start, size_t end, int *col_start,
		    int *col_end);

/* URLs and e-mail addresses in the source, in source order. */
size_t layout_span_count(const struct layout *l);
const struct layout_span *layout_span(const struct layout *l, size_t i);

#endif
