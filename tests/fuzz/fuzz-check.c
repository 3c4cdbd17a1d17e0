/* The invariants every fuzz target asserts (fuzz.h). */
#include "fuzz.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "lgma/text.h"

void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s:%d: invariant broken: %s\n  ", file, line, cond);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* What must never reach a terminal from a cell: controls that move the
 * cursor or start escape sequences, bidi controls that reorder the line,
 * and the parts of emoji sequences whose widths terminals disagree on. */
static bool forbidden(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || uc_is_property_bidi_control(c) ||
	       uc_is_property_join_control(c) || uc_is_property_variation_selector(c) ||
	       uc_is_property_emoji_modifier(c) || c == 0x20E3 /* combining keycap */ ||
	       uc_is_property_regional_indicator(c) || (c >= 0xE0000 && c <= 0xE007F);
}

void fuzz_check_safe(const char *s, size_t n, bool ambiguous_wide, const char *what)
{
	const uint8_t *u = (const uint8_t *)s;

	FUZZ_CHECK(u8_check(u, n) == NULL, "%s: invalid UTF-8 at byte %zu",
		   what, (size_t)(u8_check(u, n) - u));
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, u + i, n - i);
		FUZZ_CHECK(len > 0, "%s: undecodable at byte %zu", what, i);
		FUZZ_CHECK(c != 0 && !forbidden(c), "%s: U+%04X at byte %zu", what, (unsigned)c, i);
		i += (size_t)len;
	}
	for (size_t i = 0; i < n;) {
		size_t size = text_grapheme_size(s + i, n - i);
		int w = text_grapheme_width(s + i, size, ambiguous_wide);
		FUZZ_CHECK(size >= 1 && size <= n - i, "%s: grapheme of %zu bytes at %zu", what, size, i);
		FUZZ_CHECK(size <= TEXT_GRAPHEME_MAX, "%s: grapheme of %zu bytes at byte %zu", what, size, i);
		FUZZ_CHECK(w == 1 || w == 2, "%s: grapheme of %d columns at byte %zu", what, w, i);
		i += size;
	}
}

/* Cells by index: the checks run on every cell of every screen, and
 * canvas_cell's bounds checks would be most of a fuzzer's time. */
static const struct canvas_cell *at(const struct canvas *c, int row, int col)
{
	return &c->cells[(size_t)row * (size_t)c->cols + (size_t)col];
}

static void check_cell(const struct canvas *c, int row, int col)
{
	const struct canvas_cell *cell = at(c, row, col);
	const char *text;
	size_t len;

	FUZZ_CHECK(cell->role < CANVAS_ROLE_COUNT, "cell %d,%d: role %u", row, col, cell->role);
	/* Most cells are one printable ASCII character: settled at once. */
	if (cell->width == 1 && cell->text[0] >= 0x20 && cell->text[0] < 0x7f && cell->text[1] == '\0')
		return;
	text = canvas_cell_text(c, cell);
	len = strnlen(text, TEXT_GRAPHEME_MAX + 1);
	FUZZ_CHECK(len <= TEXT_GRAPHEME_MAX, "cell %d,%d: text not terminated", row, col);
	if (cell->width == 0) {
		FUZZ_CHECK(col > 0 && at(c, row, col - 1)->width == 2,
			   "cell %d,%d: a continuation after no wide cell", row, col);
		FUZZ_CHECK(len == 0, "cell %d,%d: a continuation with text", row, col);
		return;
	}
	FUZZ_CHECK(cell->width <= 2, "cell %d,%d: width %u", row, col, cell->width);
	FUZZ_CHECK(len > 0, "cell %d,%d: no text", row, col);
	fuzz_check_safe(text, len, c->ambiguous_wide, "cell");
	FUZZ_CHECK(text_grapheme_size(text, len) == len, "cell %d,%d: more than one grapheme: %s", row, col, text);
	FUZZ_CHECK(text_grapheme_width(text, len, c->ambiguous_wide) == cell->width,
		   "cell %d,%d: %s is not %u columns wide", row, col, text, cell->width);
	if (cell->width == 2)
		FUZZ_CHECK(col + 1 < c->cols && at(c, row, col + 1)->width == 0,
			   "cell %d,%d: a wide cell without its continuation", row, col);
}

void fuzz_check_canvas(const struct canvas *c)
{
	FUZZ_CHECK(c->rows >= 0 && c->cols >= 0, "canvas %dx%d", c->rows, c->cols);
	for (int row = 0; row < c->rows; row++) {
		int cols = 0;
		for (int col = 0; col < c->cols; col++) {
			check_cell(c, row, col);
			cols += at(c, row, col)->width;
		}
		FUZZ_CHECK(cols == c->cols, "row %d holds %d columns, not %d", row, cols, c->cols);
	}
	FUZZ_CHECK((c->cursor_row == -1 && c->cursor_col == -1) ||
			   (c->cursor_row >= 0 && c->cursor_row < c->rows && c->cursor_col >= 0 &&
			    c->cursor_col < c->cols),
		   "cursor at %d,%d on %dx%d", c->cursor_row, c->cursor_col, c->rows, c->cols);
}
