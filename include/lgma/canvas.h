/* The canvas: the screen as a grid of cells, with no terminal behind it.
 *
 * Screens paint here; the curses shell copies cells to the terminal, and
 * --dump and the golden tests print them as text. A cell holds one
 * display-safe grapheme (text.h) of width 1 or 2; the cell to the right of a
 * wide grapheme is its continuation. Painting never goes outside the grid.
 * Cells are changed only through these functions: they keep the pool. */
#ifndef LGMA_CANVAS_H
#define LGMA_CANVAS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "lgma/text.h"

/* What a cell shows, by meaning; the shell picks colours and attributes for
 * each role from the terminal's abilities and the theme. */
enum canvas_role {
	CANVAS_NORMAL,
	CANVAS_TITLE_BAR,
	CANVAS_STATUS,
	CANVAS_HINT,	      /* key hints in the bottom line */
	CANVAS_HINT_KEY,      /* the key names inside a hint */
	CANVAS_MENU,
	CANVAS_MENU_SELECTED, /* the selection when the menu has the focus */
	CANVAS_MENU_CURRENT,  /* the selection when the focus is elsewhere */
	CANVAS_HEADING,
	CANVAS_BORDER,
	CANVAS_LINK,
	CANVAS_MATCH,
	CANVAS_MATCH_CURRENT,
	CANVAS_NOTICE,
	CANVAS_LAND,
	CANVAS_MARKER,
	CANVAS_MARKER_SELECTED,
	CANVAS_QR, /* QR modules: must stay black on white whatever the theme */
	CANVAS_ROLE_COUNT,
};

/* Graphemes of up to CANVAS_INLINE_MAX bytes (ASCII, kana, kanji, most
 * accented letters) are kept in the cell; a longer one (an emoji sequence, a
 * letter with several marks) in the canvas' pool. Why: a cell is 8 bytes
 * instead of 18, and at 200x50 the canvas was a twentieth of lgma's memory. */
enum { CANVAS_INLINE_MAX = 5 };

struct canvas_cell {
	char text[CANVAS_INLINE_MAX + 1]; /* read it with canvas_cell_text */
	uint8_t width;			  /* 1 or 2; 0 for a continuation cell */
	uint8_t role;			  /* enum canvas_role */
};

struct canvas {
	int rows, cols;
	bool ambiguous_wide;
	struct canvas_cell *cells; /* rows * cols, row-major */
	/* Where the terminal cursor should rest (for screen readers), or -1. */
	int cursor_row, cursor_col;
	/* The long graphemes; a free slot holds the index of the next one. */
	char (*pool)[TEXT_GRAPHEME_MAX + 1];
	uint32_t pool_count, pool_cap, pool_free;
};

/* A rectangle of the canvas that a screen paints into. */
struct canvas_rect {
	int row, col, rows, cols;
};

void canvas_init(struct canvas *c, int rows, int cols, bool ambiguous_wide);
void canvas_fini(struct canvas *c);
/* Resizes (contents are cleared). */
void canvas_resize(struct canvas *c, int rows, int cols);
/* Every cell a blank of role CANVAS_NORMAL; the cursor hidden. */
void canvas_clear(struct canvas *c);

/* The part of r that lies on the canvas (rows or cols may be 0 or less). */
struct canvas_rect canvas_clip(const struct canvas *c, struct canvas_rect r);

struct canvas_cell *canvas_cell(struct canvas *c, int row, int col);
const struct canvas_cell *canvas_cell_const(const struct canvas *c, int row, int col);
/* The grapheme a cell of c shows, NUL-terminated ("" for a continuation
 * cell); valid until that cell is painted again. */
const char *canvas_cell_text(const struct canvas *c, const struct canvas_cell *cell);
/* The same for the cell at (row, col); "" outside the grid. */
const char *canvas_text_at(const struct canvas *c, int row, int col);

/* Puts display-safe text at (row, col), clipped to max_cols columns and to
 * the grid; a wide grapheme that does not fit whole is not drawn. Returns the
 * columns used. Overwriting half of a wide cell blanks its other half. */
int canvas_put(struct canvas *c, int row, int col, const char *text, size_t len,
	       enum canvas_role role, int max_cols);

/* Like canvas_put for arbitrary bytes (content, user input): sanitised first. */
int canvas_put_unsafe(struct canvas *c, int row, int col, const char *text, size_t len,
		      enum canvas_role role, int max_cols);

/* Fills cols columns from (row, col) with the ASCII character ch. */
void canvas_fill(struct canvas *c, int row, int col, int cols, char ch, enum canvas_role role);
/* Fills a rectangle with blanks of a role. */
void canvas_fill_rect(struct canvas *c, struct canvas_rect r, enum canvas_role role);
/* Changes the role of cols columns from (row, col), keeping the text. */
void canvas_set_role(struct canvas *c, int row, int col, int cols, enum canvas_role role);

/* Row as UTF-8 text with trailing blanks removed, into a malloc'd string. */
char *canvas_row_text(const struct canvas *c, int row);
/* All rows as text, one per line. */
void canvas_print(const struct canvas *c, FILE *out);

#endif
