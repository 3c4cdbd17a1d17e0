/* QR codes (libqrencode) painted into a canvas rectangle.
 *
 * Two modules share a cell, one above the other, drawn with the half blocks
 * U+2580 UPPER HALF BLOCK, U+2584 LOWER HALF BLOCK, U+2588 FULL BLOCK and a
 * blank, all of role CANVAS_QR (dark glyph on a light cell whatever the
 * theme). These blocks are East Asian Ambiguous: text_char_width() counts
 * them 1 column, or 2 in ambiguous-wide mode. The code asks it and draws one
 * module per glyph either way, so in ambiguous-wide mode a module is two
 * columns wide and half a row tall (twice as wide as tall: scanners sample a
 * code along the grid its finder patterns give, so the stretch does not stop
 * them; the tests decode both).
 *
 * The quiet zone, four light modules round the code, is always drawn: on a
 * dark terminal a code without it does not scan. When the code does not fit
 * with it at the highest error-correction level, lower levels (smaller
 * symbols) are tried; when none fits, nothing is drawn and the caller is told
 * the size it would need.
 *
 * Units: cols and rows are canvas cells; modules are QR modules. */
#ifndef LGMA_QR_H
#define LGMA_QR_H

#include <stdbool.h>
#include <stddef.h>

#include "lgma/canvas.h"
#include "lgma/content.h"

enum {
	QR_QUIET_ZONE = 4, /* light modules on each side, as ISO/IEC 18004 asks */
};

enum qr_level {
	QR_LEVEL_L, /* recovers about 7 % of the symbol */
	QR_LEVEL_M, /* 15 % */
	QR_LEVEL_Q, /* 25 % */
	QR_LEVEL_H, /* 30 % */
};

enum qr_status {
	QR_DRAWN,
	QR_TOO_SMALL, /* the rectangle is smaller than need_cols x need_rows */
	QR_TOO_LONG,  /* no QR code holds the text */
};

struct qr_result {
	enum qr_status status;
	enum qr_level level; /* of the code drawn */
	int version;	     /* 1..40, of the code drawn */
	int modules;	     /* side of the code drawn, quiet zone included */
	struct canvas_rect drawn; /* where it went (centred in the rectangle) */
	/* The smallest rectangle any code of the text needs (level L), so a
	 * screen can say "needs WxH"; 0 when the text is too long. */
	int need_cols, need_rows;
};

/* Encodes text (bytes, NUL-terminated; 8-bit mode where it is not digits or
 * upper-case letters) at the highest error-correction level whose code, with
 * its quiet zone, fits rect of c, and paints it centred there after blanking
 * the rectangle. Returns true when a code was drawn; otherwise the rectangle
 * is untouched and *res says why. */
bool qr_paint(struct canvas *c, struct canvas_rect rect, const char *text, struct qr_result *res);

/* Cells a code of `modules` modules a side (quiet zone included) takes on c. */
void qr_cells(const struct canvas *c, int modules, int *cols, int *rows);

/* What an office's code holds, into a new malloc'd string (caller frees):
 * its web address, with "http://" put in front when it names no scheme (so
 * that a phone opens it as a link; http, not https, because it reaches a
 * site with or without https, and the content does not say which it has);
 * else "mailto:" and its e-mail address; else its address lines, one a line.
 * NULL when the office has none of these. */
char *qr_office_text(const struct content_office *office);

#endif
