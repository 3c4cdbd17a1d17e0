#include "lgma/map.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/xalloc.h"

enum {
	DOTS_X = 2, /* Braille dots of one map cell */
	DOTS_Y = 4,
	BRAILLE_BASE = 0x2800,
};

void map_geometry(const struct canvas *c, struct canvas_rect rect, bool ascii, struct map_geometry *g)
{
	int unit = 1;

	if (!ascii)
		unit = text_char_width(BRAILLE_BASE, c->ambiguous_wide) == 2 ? 2 : 1;
	/* Only the part of rect on the canvas is painted. */
	rect = canvas_clip(c, rect);
	g->rect = rect;
	g->unit = unit;
	g->cols = rect.cols > 0 ? rect.cols / unit : 0;
	g->rows = rect.rows > 0 ? rect.rows : 0;
	g->ascii = ascii;
}

/* ---- markers ---- */

static bool marker_cell(const struct content *content, size_t office, const struct map_geometry *g,
			int *cx, int *cy)
{
	const struct content_office *o;

	if (g->cols <= 0 || g->rows <= 0 || office >= content->office_count)
		return false;
	o = &content->offices[office];
	geo_dot(o->lat, o->lon, g->cols, g->rows, cx, cy);
	return true;
}

bool map_marker_cell(const struct content *content, size_t office, const struct map_geometry *g,
		     int *row, int *col)
{
	int cx, cy;

	if (!marker_cell(content, office, g, &cx, &cy))
		return false;
	*row = g->rect.row + cy;
	*col = g->rect.col + cx * g->unit;
	return true;
}

size_t map_offices_at(const struct content *content, const struct map_geometry *g, int row, int col,
		      size_t *out, size_t max)
{
	size_t n = 0;
	int want_x, want_y = row - g->rect.row;

	if (g->unit <= 0 || col < g->rect.col)
		return 0;
	want_x = (col - g->rect.col) / g->unit;
	for (size_t i = 0; i < content->office_count; i++) {
		int cx, cy;
		if (!marker_cell(content, i, g, &cx, &cy) || cx != want_x || cy != want_y)
			continue;
		if (n < max)
			out[n] = i;
		n++;
	}
	return n;
}

/* Position in columns and half-rows, so distances are about square. */
static void screen_position(const struct content_office *o, const struct map_geometry *g, double *x,
			    double *y)
{
	geo_project(o->lat, o->lon, g->cols * g->unit, g->rows * 2, x, y);
}

/* Whether b comes after a along one axis, content order breaking ties. */
static bool after(double a, size_t ia, double b, size_t ib)
{
	return b > a || (b == a && ib > ia);
}

size_t map_nearest(const struct content *content, const struct map_geometry *g, size_t office,
		   enum map_direction dir)
{
	size_t best = MAP_NONE;
	double best_cost = 0, x0, y0;

	if (office >= content->office_count || g->cols <= 0 || g->rows <= 0)
		return MAP_NONE;
	screen_position(&content->offices[office], g, &x0, &y0);
	for (size_t i = 0; i < content->office_count; i++) {
		double x, y, along, across, cost;
		bool ahead;

		if (i == office)
			continue;
		screen_position(&content->offices[i], g, &x, &y);
		switch (dir) {
		case MAP_RIGHT:
			ahead = after(x0, office, x, i);
			break;
		case MAP_LEFT:
			ahead = after(x, i, x0, office);
			break;
		case MAP_DOWN:
			ahead = after(y0, office, y, i);
			break;
		default:
			ahead = after(y, i, y0, office);
			break;
		}
		if (!ahead)
			continue;
		along = dir == MAP_LEFT || dir == MAP_RIGHT ? fabs(x - x0) : fabs(y - y0);
		across = dir == MAP_LEFT || dir == MAP_RIGHT ? fabs(y - y0) : fabs(x - x0);
		cost = along + 2 * across;
		/* On a tie, the neighbour in content order: the first one
		 * going right or down, the last one going left or up. */
		if (best == MAP_NONE || cost < best_cost ||
		    (cost == best_cost && (dir == MAP_LEFT || dir == MAP_UP))) {
			best = i;
			best_cost = cost;
		}
	}
	return best;
}

/* ---- painting ---- */

/* The Braille character of a cell's dots: bit k of dots k = 0..7 in the
 * Unicode order (1 2 3 7 down the left column, 4 5 6 8 down the right). */
static void braille(unsigned bits, char out[4])
{
	unsigned c = BRAILLE_BASE + bits;

	out[0] = (char)(0xE0 | (c >> 12));
	out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
	out[2] = (char)(0x80 | (c & 0x3F));
	out[3] = '\0';
}

static unsigned cell_bits(const uint8_t *dots, int w, int cx, int cy)
{
	static const unsigned bit[DOTS_Y][DOTS_X] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
	unsigned bits = 0;

	for (int dy = 0; dy < DOTS_Y; dy++)
		for (int dx = 0; dx < DOTS_X; dx++)
			if (dots[(size_t)(cy * DOTS_Y + dy) * (size_t)w + (size_t)(cx * DOTS_X + dx)])
				bits |= bit[dy][dx];
	return bits;
}

static char coverage(unsigned bits)
{
	int n = 0;

	for (; bits != 0; bits &= bits - 1)
		n++;
	return n == 0 ? ' ' : n <= 2 ? '.' : n <= 5 ? ':' : '#';
}

static void paint_land(struct canvas *c, const struct map_geometry *g, const struct geo_land *land)
{
	int w = g->cols * DOTS_X, h = g->rows * DOTS_Y;
	uint8_t *dots = xmalloc((size_t)w * (size_t)h);

	geo_raster(land, w, h, dots);
	for (int cy = 0; cy < g->rows; cy++) {
		for (int cx = 0; cx < g->cols; cx++) {
			unsigned bits = cell_bits(dots, w, cx, cy);
			int row = g->rect.row + cy, col = g->rect.col + cx * g->unit;
			char glyph[4] = {coverage(bits), '\0'};

			if (bits == 0)
				continue;
			if (!g->ascii)
				braille(bits, glyph);
			canvas_put(c, row, col, glyph, strlen(glyph), CANVAS_LAND, g->unit);
		}
	}
	free(dots);
}

/* Marker glyph of a map cell: one character, padded to the unit. */
static void put_marker(struct canvas *c, const struct map_geometry *g, int row, int col, char ch,
		       enum canvas_role role)
{
	canvas_fill(c, row, col, g->unit, ' ', role);
	canvas_put(c, row, col, &ch, 1, role, 1);
}

/* How many markers fall into each map cell, row-major: counted once, so a
 * content with 100 000 offices costs one pass, not one per office. */
static unsigned *count_markers(const struct map_geometry *g, const struct content *content)
{
	unsigned *counts = xcalloc((size_t)g->cols * (size_t)g->rows, sizeof(*counts));

	for (size_t i = 0; i < content->office_count; i++) {
		int cx, cy;
		if (marker_cell(content, i, g, &cx, &cy))
			counts[(size_t)cy * (size_t)g->cols + (size_t)cx]++;
	}
	return counts;
}

static void paint_markers(struct canvas *c, const struct map_geometry *g, const unsigned *counts)
{
	for (int cy = 0; cy < g->rows; cy++) {
		for (int cx = 0; cx < g->cols; cx++) {
			unsigned n = counts[(size_t)cy * (size_t)g->cols + (size_t)cx];
			if (n > 0)
				put_marker(c, g, g->rect.row + cy, g->rect.col + cx * g->unit,
					   n == 1 ? 'o' : n <= 9 ? (char)('0' + n) : '+', CANVAS_MARKER);
		}
	}
}

/* ---- the label ---- */

struct label {
	char *text; /* display-safe, with a blank each side */
	size_t size;
	int width;
};

static bool covers_marker(const struct map_geometry *g, const unsigned *counts, int row, int col, int width)
{
	for (int x = col; x < col + width; x++)
		if (counts[(size_t)(row - g->rect.row) * (size_t)g->cols + (size_t)((x - g->rect.col) / g->unit)] > 0)
			return true;
	return false;
}

/* Where the label goes: to the right of the marker, to its left, above or
 * below; the first place where it fits whole and hides no other marker,
 * else the first where it fits whole, else cut to the wider side. */
static void place_label(struct canvas *c, const struct map_geometry *g, const unsigned *counts, int row,
			int col, struct label *l)
{
	const struct canvas_rect *r = &g->rect;
	int right = col + g->unit, left_end = col, mid = col - l->width / 2;
	int min_col = r->col, max_col = r->col + g->cols * g->unit;
	int clamped = mid < min_col ? min_col : mid + l->width > max_col ? max_col - l->width : mid;
	struct {
		int row, col;
	} spot[4] = {{row, right}, {row, left_end - l->width}, {row - 1, clamped}, {row + 1, clamped}};
	int chosen = -1;

	for (int pass = 0; pass < 2 && chosen < 0; pass++) {
		for (int i = 0; i < 4 && chosen < 0; i++) {
			bool fits = spot[i].row >= r->row && spot[i].row < r->row + g->rows &&
				    spot[i].col >= min_col && spot[i].col + l->width <= max_col;
			if (fits && (pass == 1 || !covers_marker(g, counts, spot[i].row, spot[i].col, l->width)))
				chosen = i;
		}
	}
	if (chosen >= 0) {
		canvas_put(c, spot[chosen].row, spot[chosen].col, l->text, l->size, CANVAS_MARKER_SELECTED,
			   l->width);
		return;
	}
	/* Too long for any side: as much as fits on the wider one. */
	if (max_col - right >= left_end - min_col) {
		canvas_put(c, row, right, l->text, l->size, CANVAS_MARKER_SELECTED, max_col - right);
	} else {
		int used;
		size_t bytes = text_fit(l->text, l->size, left_end - min_col, c->ambiguous_wide, &used);
		canvas_put(c, row, left_end - used, l->text, bytes, CANVAS_MARKER_SELECTED, used);
	}
}

static void paint_label(struct canvas *c, const struct map_geometry *g, const unsigned *counts,
			const struct content *content, size_t office, size_t lang, int row, int col)
{
	const struct content_office *o = &content->offices[office];
	const char *city = content_text_get(&o->city, lang);
	size_t n;
	char *safe, *padded;
	struct label l;

	if (city == NULL)
		city = content_text_get(&o->name, lang);
	if (city == NULL)
		return;
	safe = text_sanitize(city, strlen(city), c->ambiguous_wide, &n);
	padded = xmalloc(n + 3);
	padded[0] = ' ';
	memcpy(padded + 1, safe, n);
	padded[n + 1] = ' ';
	padded[n + 2] = '\0';
	l.text = padded;
	l.size = n + 2;
	l.width = text_width(padded, l.size, c->ambiguous_wide);
	place_label(c, g, counts, row, col, &l);
	free(padded);
	free(safe);
}

void map_paint(struct canvas *c, struct canvas_rect rect, const struct content *content,
	       const struct geo_land *land, const struct map_options *opt)
{
	struct map_geometry g;
	unsigned *counts;
	int row, col;

	map_geometry(c, rect, opt->ascii, &g);
	if (g.cols <= 0 || g.rows <= 0)
		return;
	canvas_fill_rect(c, g.rect, CANVAS_NORMAL);
	paint_land(c, &g, land);
	counts = count_markers(&g, content);
	paint_markers(c, &g, counts);
	if (opt->selected < content->office_count) {
		map_marker_cell(content, opt->selected, &g, &row, &col);
		put_marker(c, &g, row, col, '@', CANVAS_MARKER_SELECTED);
		paint_label(c, &g, counts, content, opt->selected, opt->lang, row, col);
	}
	free(counts);
}
