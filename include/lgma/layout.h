/* The layout engine: a section body (or any text) -> display lines at a width.
 *
 * Rules (see the layout issue): UAX #14 line breaking through libunistring,
 * which already keeps Japanese line-start/line-end rules (kinsoku) for
 * closing brackets, small kana, 。、 and opening brackets (linebreak.h adds
 * the few it drops after a space); a run with no break opportunity that is
 * longer than the width is broken at a grapheme boundary, a few graphemes
 * earlier if that keeps kinsoku; no line is ever wider than the width (at
 * width 1 a wide character is shown as "?"). Grapheme clusters, emoji
 * sequences included, are never split.
 *
 * Text: leading and trailing blank lines and blanks of the text are
 * ignored. Paragraphs are separated by blank lines (lines of spaces and tabs
 * only); a single newline inside a paragraph is a soft break: the blanks
 * around it go, and it becomes nothing between two Chinese or Japanese
 * characters (both wide, not Hangul) and one space otherwise. A line whose
 * first non-blank characters are "-" and a blank starts a list item: one
 * paragraph with a bullet ("• ", or "- " with options.ascii) and a hanging
 * indent (narrower than the bullet and two columns: "-" and no indent);
 * following non-blank lines continue it. Consecutive list items
 * have no blank line between them (even if the source has one); every other
 * pair of paragraphs has one. Tabs become spaces up to the next multiple of
 * 8 columns of their source line; spaces at a line break hang in the margin
 * (not shown), and a line never starts with blanks or invisible characters.
 * CR LF and lone CR are newlines; a mandatory break character of UAX #14
 * (U+2028, VT, FF, NEL) ends a line. Line text is display-safe
 * (text.h): nothing in it can form an escape sequence.
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
	/* The caller keeps src valid and unchanged until layout_free, with a
	 * NUL at src[len]: the layout reads it there instead of keeping a
	 * copy (the browser's documents, whose text lives with the content:
	 * a long section's copy was a tenth of the browser's memory). */
	bool borrow_src;
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
	size_t paragraph; /* 0-based paragraph (a list item counts as one); for a
			     blank line, the paragraph it ends */
	/* Source bytes this line stands for, [src_start, src_end): the lines of
	 * a paragraph cover it without gap (hanging spaces and soft breaks go
	 * with the line before), so src_end never decreases from line to line.
	 * A blank line has src_start == src_end. */
	size_t src_start;
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

/* Lays out src[0..len) (any bytes; the layout keeps its own copy unless
 * opt->borrow_src). Never
 * fails; a width below 1 counts as 1. Free with layout_free. */
struct layout *layout_new(const char *src, size_t len, const struct layout_options *opt);
void layout_free(struct layout *l);

size_t layout_line_count(const struct layout *l);
/* Line i < layout_line_count(l); valid until layout_free. */
const struct layout_line *layout_line(const struct layout *l, size_t i);

size_t layout_paragraph_count(const struct layout *l);
/* First line of a paragraph (paragraph < layout_paragraph_count). */
size_t layout_paragraph_line(const struct layout *l, size_t paragraph);

/* The line whose source range holds byte offset: a hanging space or a soft
 * line break belongs to the line it ends, bytes between paragraphs to the
 * next paragraph's first line, offsets past the end to the last line (0 when
 * there are no lines). */
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

/* The spans of s[0..n), in order and not overlapping, into a new malloc'd
 * array *spans (caller frees; NULL when none); returns their number.
 * A URL starts with http://, https:// or www. after a non-word character
 * and runs over printable ASCII other than <>"`{}|\^, less trailing
 * sentence punctuation and unbalanced ) or ]; an e-mail address is
 * local@domain.tld in ASCII letters, digits and ._%+- (domain: .-). */
size_t layout_find_spans(const char *s, size_t n, struct layout_span **spans);

#endif
