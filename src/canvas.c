#include "lgma/canvas.h"

#include <stdlib.h>
#include <string.h>

#include "lgma/xalloc.h"

/* A pooled cell: text[0] is this byte (a control, never display-safe text)
 * and text[1..4] the slot. */
#define POOLED '\x01'
#define NO_SLOT UINT32_MAX

static bool pooled(const struct canvas_cell *cell)
{
	return cell->text[0] == POOLED;
}

static uint32_t slot_of(const struct canvas_cell *cell)
{
	uint32_t slot;

	memcpy(&slot, cell->text + 1, sizeof(slot));
	return slot;
}

static void release(struct canvas *c, struct canvas_cell *cell)
{
	uint32_t slot;

	if (!pooled(cell))
		return;
	slot = slot_of(cell);
	memcpy(c->pool[slot], &c->pool_free, sizeof(c->pool_free));
	c->pool_free = slot;
	cell->text[0] = '\0';
}

static uint32_t take_slot(struct canvas *c)
{
	uint32_t slot = c->pool_free;

	if (slot != NO_SLOT) {
		memcpy(&c->pool_free, c->pool[slot], sizeof(c->pool_free));
		return slot;
	}
	if (c->pool_count == c->pool_cap) {
		c->pool_cap = c->pool_cap ? c->pool_cap * 2 : 16;
		c->pool = xreallocarray(c->pool, c->pool_cap, sizeof(*c->pool));
	}
	return c->pool_count++;
}

/* Sets a cell's text to s[0..size), size <= TEXT_GRAPHEME_MAX. */
static void set_text(struct canvas *c, struct canvas_cell *cell, const char *s, size_t size)
{
	uint32_t slot;

	release(c, cell);
	/* (Text that starts with the marker byte, which no display-safe text
	 * does, goes to the pool too: a caller's mistake stays a wrong glyph.) */
	if (size <= CANVAS_INLINE_MAX && (size == 0 || s[0] != POOLED)) {
		memcpy(cell->text, s, size);
		cell->text[size] = '\0';
		return;
	}
	slot = take_slot(c);
	memcpy(c->pool[slot], s, size);
	c->pool[slot][size] = '\0';
	cell->text[0] = POOLED;
	memcpy(cell->text + 1, &slot, sizeof(slot));
}

static void blank(struct canvas *c, struct canvas_cell *cell, enum canvas_role role)
{
	set_text(c, cell, " ", 1);
	cell->width = 1;
	cell->role = (uint8_t)role;
}

void canvas_init(struct canvas *c, int rows, int cols, bool ambiguous_wide)
{
	c->cells = NULL;
	c->pool = NULL;
	c->pool_cap = 0;
	c->ambiguous_wide = ambiguous_wide;
	canvas_resize(c, rows, cols);
}

void canvas_fini(struct canvas *c)
{
	free(c->cells);
	free(c->pool);
	c->cells = NULL;
	c->pool = NULL;
	c->rows = c->cols = 0;
	c->pool_count = c->pool_cap = 0;
}

void canvas_resize(struct canvas *c, int rows, int cols)
{
	c->rows = rows > 0 ? rows : 0;
	c->cols = cols > 0 ? cols : 0;
	free(c->cells);
	c->cells = xcalloc((size_t)c->rows * (size_t)c->cols, sizeof(*c->cells));
	canvas_clear(c);
}

void canvas_clear(struct canvas *c)
{
	/* Every slot is let go at once, so no cell needs releasing. */
	c->pool_count = 0;
	c->pool_free = NO_SLOT;
	for (size_t i = 0; i < (size_t)c->rows * (size_t)c->cols; i++)
		c->cells[i] = (struct canvas_cell){.text = " ", .width = 1, .role = CANVAS_NORMAL};
	c->cursor_row = c->cursor_col = -1;
}

struct canvas_rect canvas_clip(const struct canvas *c, struct canvas_rect r)
{
	if (r.row < 0) {
		r.rows += r.row;
		r.row = 0;
	}
	if (r.col < 0) {
		r.cols += r.col;
		r.col = 0;
	}
	if (r.rows > c->rows - r.row)
		r.rows = c->rows - r.row;
	if (r.cols > c->cols - r.col)
		r.cols = c->cols - r.col;
	return r;
}

struct canvas_cell *canvas_cell(struct canvas *c, int row, int col)
{
	if (row < 0 || row >= c->rows || col < 0 || col >= c->cols)
		return NULL;
	return &c->cells[(size_t)row * (size_t)c->cols + (size_t)col];
}

const struct canvas_cell *canvas_cell_const(const struct canvas *c, int row, int col)
{
	return canvas_cell((struct canvas *)c, row, col);
}

const char *canvas_cell_text(const struct canvas *c, const struct canvas_cell *cell)
{
	return pooled(cell) ? c->pool[slot_of(cell)] : cell->text;
}

const char *canvas_text_at(const struct canvas *c, int row, int col)
{
	const struct canvas_cell *cell = canvas_cell_const(c, row, col);

	return cell != NULL ? canvas_cell_text(c, cell) : "";
}

/* Writing over either half of a wide cell leaves no orphaned half. */
static void unshare(struct canvas *c, int row, int col)
{
	struct canvas_cell *cell = canvas_cell(c, row, col);

	if (cell == NULL)
		return;
	if (cell->width == 0 && col > 0)
		blank(c, canvas_cell(c, row, col - 1), c->cells[(size_t)row * (size_t)c->cols + (size_t)col - 1].role);
	else if (cell->width == 2 && col + 1 < c->cols)
		blank(c, canvas_cell(c, row, col + 1), cell->role);
}

int canvas_put(struct canvas *c, int row, int col, const char *text, size_t len,
	       enum canvas_role role, int max_cols)
{
	int used = 0;

	if (row < 0 || row >= c->rows || col < 0)
		return 0;
	if (max_cols > c->cols - col)
		max_cols = c->cols - col;
	for (size_t i = 0; i < len && used < max_cols;) {
		size_t size = text_grapheme_size(text + i, len - i);
		int w = text_grapheme_width(text + i, size, c->ambiguous_wide);
		struct canvas_cell *cell;

		if (used + w > max_cols || size > TEXT_GRAPHEME_MAX)
			break;
		unshare(c, row, col + used);
		if (w == 2)
			unshare(c, row, col + used + 1);
		cell = canvas_cell(c, row, col + used);
		set_text(c, cell, text + i, size);
		cell->width = (uint8_t)w;
		cell->role = (uint8_t)role;
		if (w == 2) {
			struct canvas_cell *cont = canvas_cell(c, row, col + used + 1);
			set_text(c, cont, "", 0);
			cont->width = 0;
			cont->role = (uint8_t)role;
		}
		used += w;
		i += size;
	}
	return used;
}

int canvas_put_unsafe(struct canvas *c, int row, int col, const char *text, size_t len,
		      enum canvas_role role, int max_cols)
{
	size_t safe_len;
	char *safe = text_sanitize(text, len, c->ambiguous_wide, &safe_len);
	int used = canvas_put(c, row, col, safe, safe_len, role, max_cols);

	free(safe);
	return used;
}

void canvas_fill(struct canvas *c, int row, int col, int cols, char ch, enum canvas_role role)
{
	char s[2] = {ch, '\0'};

	for (int i = 0; i < cols; i++)
		if (canvas_put(c, row, col + i, s, 1, role, 1) == 0)
			break;
}

void canvas_fill_rect(struct canvas *c, struct canvas_rect r, enum canvas_role role)
{
	for (int row = r.row; row < r.row + r.rows; row++)
		canvas_fill(c, row, r.col, r.cols, ' ', role);
}

void canvas_set_role(struct canvas *c, int row, int col, int cols, enum canvas_role role)
{
	for (int i = 0; i < cols; i++) {
		struct canvas_cell *cell = canvas_cell(c, row, col + i);
		if (cell != NULL)
			cell->role = (uint8_t)role;
	}
}

char *canvas_row_text(const struct canvas *c, int row)
{
	size_t cap = (size_t)c->cols * (TEXT_GRAPHEME_MAX + 1) + 1, n = 0, keep = 0;
	char *out = xmalloc(cap);

	for (int col = 0; col < c->cols; col++) {
		const char *text = canvas_text_at(c, row, col);
		size_t size = strlen(text);
		memcpy(out + n, text, size);
		n += size;
		if (size > 0 && strcmp(text, " ") != 0)
			keep = n;
	}
	out[keep] = '\0';
	return out;
}

void canvas_print(const struct canvas *c, FILE *out)
{
	for (int row = 0; row < c->rows; row++) {
		char *text = canvas_row_text(c, row);
		fprintf(out, "%s\n", text);
		free(text);
	}
}
