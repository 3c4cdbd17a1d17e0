/* Reading the libvterm screen back: row text, cells, cursor, modes. */
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "vt-private.h"

/* libvterm marks the right half of a wide character with this. */
#define WIDE_RIGHT_HALF ((uint32_t)-1)

static bool get_cell(const struct vt *vt, int row, int col, VTermScreenCell *cell)
{
	if (row < 0 || row >= vt->rows || col < 0 || col >= vt->cols)
		return false;
	return vterm_screen_get_cell(vt->screen, (VTermPos){.row = row, .col = col}, cell) != 0;
}

/* Appends the cell's characters as UTF-8; returns the bytes appended. */
static size_t append_chars(struct vt_buf *b, const VTermScreenCell *cell)
{
	size_t before = b->len;

	if (cell->chars[0] == 0) {
		vt_buf_append(b, " ", 1);
		return 1;
	}
	for (int i = 0; i < VTERM_MAX_CHARS_PER_CELL && cell->chars[i] != 0; i++) {
		uint8_t utf8[6];
		int n = u8_uctomb(utf8, cell->chars[i], (int)sizeof(utf8));

		if (n > 0)
			vt_buf_append(b, utf8, (size_t)n);
	}
	return b->len - before;
}

static void note_cols(struct vt *vt, size_t from, size_t to, int col)
{
	if (to + 1 > vt->row_cols_cap) {
		vt->row_cols_cap = (to + 1) * 2;
		vt->row_cols = realloc(vt->row_cols, vt->row_cols_cap * sizeof(*vt->row_cols));
		if (vt->row_cols == NULL)
			abort();
	}
	for (size_t i = from; i < to; i++)
		vt->row_cols[i] = col;
}

const char *vt_row_text(struct vt *vt, int row)
{
	VTermScreenCell cell;

	vt->row.len = 0;
	vt_buf_append(&vt->row, "", 0);
	for (int col = 0; get_cell(vt, row, col, &cell); col++) {
		size_t start = vt->row.len;

		if (cell.chars[0] == WIDE_RIGHT_HALF)
			continue;
		append_chars(&vt->row, &cell);
		note_cols(vt, start, vt->row.len, col);
	}
	while (vt->row.len > 0 && vt->row.data[vt->row.len - 1] == ' ')
		vt->row.len--;
	vt->row.data[vt->row.len] = '\0';
	return vt->row.data;
}

bool vt_find(struct vt *vt, const char *text, int *row, int *col)
{
	for (int r = 0; r < vt->rows; r++) {
		const char *line = vt_row_text(vt, r);
		const char *hit = strstr(line, text);

		if (hit == NULL)
			continue;
		if (row != NULL)
			*row = r;
		if (col != NULL)
			*col = vt->row_cols[hit - line];
		return true;
	}
	return false;
}

static void colour(const struct vt *vt, VTermColor c, bool is_default, bool *dflt, int *index,
		   uint8_t rgb[3])
{
	*dflt = is_default;
	*index = !is_default && VTERM_COLOR_IS_INDEXED(&c) ? c.indexed.idx : -1;
	vterm_screen_convert_color_to_rgb(vt->screen, &c);
	rgb[0] = c.rgb.red;
	rgb[1] = c.rgb.green;
	rgb[2] = c.rgb.blue;
}

bool vt_cell_at(const struct vt *vt, int row, int col, struct vt_cell *out)
{
	VTermScreenCell cell;
	struct vt_buf text = {0};

	if (!get_cell(vt, row, col, &cell))
		return false;
	memset(out, 0, sizeof(*out));
	if (cell.chars[0] == WIDE_RIGHT_HALF) {
		out->width = 0;
	} else {
		out->width = cell.width;
		if (cell.chars[0] != 0) {
			append_chars(&text, &cell);
			snprintf(out->text, sizeof(out->text), "%s", text.data);
			free(text.data);
		}
	}
	out->bold = cell.attrs.bold;
	out->underline = cell.attrs.underline != 0;
	out->italic = cell.attrs.italic;
	out->blink = cell.attrs.blink;
	out->reverse = cell.attrs.reverse;
	out->strike = cell.attrs.strike;
	colour(vt, cell.fg, VTERM_COLOR_IS_DEFAULT_FG(&cell.fg), &out->fg_default, &out->fg_index,
	       out->fg_rgb);
	colour(vt, cell.bg, VTERM_COLOR_IS_DEFAULT_BG(&cell.bg), &out->bg_default, &out->bg_index,
	       out->bg_rgb);
	return true;
}

void vt_cursor(const struct vt *vt, int *row, int *col)
{
	VTermPos pos;

	vterm_state_get_cursorpos(vt->state, &pos);
	if (row != NULL)
		*row = pos.row;
	if (col != NULL)
		*col = pos.col;
}

bool vt_cursor_visible(const struct vt *vt)
{
	return vt->cursor_visible;
}

bool vt_altscreen(const struct vt *vt)
{
	return vt->altscreen;
}

const char *vt_title(const struct vt *vt)
{
	return vt->title;
}

void vt_dump(struct vt *vt, FILE *f)
{
	int row, col;

	vt_cursor(vt, &row, &col);
	fprintf(f, "---- screen %dx%d, cursor %d,%d%s%s\n", vt->rows, vt->cols, row, col,
		vt->cursor_visible ? "" : " (hidden)", vt->altscreen ? ", alternate screen" : "");
	for (int r = 0; r < vt->rows; r++)
		fprintf(f, "%2d|%s\n", r, vt_row_text(vt, r));
	fprintf(f, "----\n");
}
