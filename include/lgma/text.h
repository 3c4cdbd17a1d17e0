/* Display-safe text over libunistring.
 *
 * Content is arbitrary bytes; what reaches a screen is "display-safe" text:
 * valid UTF-8 in which every grapheme cluster is 1 or 2 columns wide and at
 * most TEXT_GRAPHEME_MAX bytes long, with no control character, no bidi
 * control, no invisible character and no emoji sequence (whose widths
 * terminals, ncurses and libvterm disagree on). Widths here are the only
 * widths in the program: the layout engine, the canvas and the curses shell
 * all ask this module.
 *
 * Units: sizes and offsets are bytes, widths are terminal columns. */
#ifndef LGMA_TEXT_H
#define LGMA_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	TEXT_GRAPHEME_MAX = 15, /* bytes of one display-safe grapheme */
	/* text_sanitize writes at most this many bytes per input byte */
	TEXT_SANITIZE_GROWTH = 3,
};

/* How one source grapheme cluster is shown. */
struct text_glyph {
	char bytes[TEXT_GRAPHEME_MAX + 1]; /* NUL-terminated; empty when dropped */
	uint8_t size;			   /* bytes in bytes[] */
	uint8_t width;			   /* 0 (dropped), 1 or 2 columns */
	uint8_t flags;			   /* TEXT_GLYPH_* */
};

enum {
	TEXT_GLYPH_REPLACED = 1, /* shown differently from the source (placeholder, caret, emoji base) */
	TEXT_GLYPH_EMOJI_SEQUENCE = 2,
	TEXT_GLYPH_CONTROL = 4,
};

/* Reads the grapheme cluster at s[0..n) (n > 0) and fills *g with its
 * display-safe form. Returns the source bytes consumed (>= 1).
 * Tabs, newlines and U+2028/U+2029 (line and paragraph separators) become
 * one space: callers that lay out text handle them before asking. Invisible and bidi control characters are dropped (width 0). */
size_t text_glyph_next(const char *s, size_t n, bool ambiguous_wide, struct text_glyph *g);

/* text_glyph_next without its fast path for printable ASCII and common CJK
 * characters: the same answers, slower. For the test that checks so. */
size_t text_glyph_next_general(const char *s, size_t n, bool ambiguous_wide, struct text_glyph *g);

/* Makes s[0..n) display-safe into out, which must hold
 * n * TEXT_SANITIZE_GROWTH + 1 bytes; NUL-terminates, returns bytes written. */
size_t text_sanitize_into(const char *s, size_t n, bool ambiguous_wide, char *out);

/* The same into a new malloc'd string (caller frees); *len may be NULL. */
char *text_sanitize(const char *s, size_t n, bool ambiguous_wide, size_t *len);

/* Bytes of the grapheme at the start of display-safe s[0..n) (n > 0). */
size_t text_grapheme_size(const char *s, size_t n);

/* Columns of one display-safe grapheme. */
int text_grapheme_width(const char *s, size_t n, bool ambiguous_wide);

/* Columns of display-safe s[0..n). */
int text_width(const char *s, size_t n, bool ambiguous_wide);

/* Bytes of display-safe s[0..n) that fit in cols columns, whole graphemes
 * only; *used (may be NULL) gets their width. */
size_t text_fit(const char *s, size_t n, int cols, bool ambiguous_wide, int *used);

/* Columns of a code point as every part of lgma counts them (0, 1 or 2; -1
 * for controls). The curses shell gives ncurses this same answer. */
int text_char_width(uint32_t c, bool ambiguous_wide);

#endif
