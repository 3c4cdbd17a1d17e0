/* The world map: every office's marker where its coordinates put it, land
 * and sea where they are, the selected office labelled inside the
 * rectangle, shared cells merged but selectable, arrow-key moves. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/load.h"
#include "lgma/map.h"

static struct content *shipped;
static struct geo_land *land;

static int setup(void **state)
{
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	shipped = load_content_dir(LGMA_CONTENT_DIR, &diags);
	land = geo_land_load(LGMA_CONTENT_DIR, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	return shipped == NULL || land == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	geo_land_free(land);
	content_free(shipped);
	return 0;
}

/* ---- helpers ---- */

static size_t office_index(const char *id)
{
	for (size_t i = 0; i < shipped->office_count; i++)
		if (strcmp(shipped->offices[i].id, id) == 0)
			return i;
	fail_msg("no office %s", id);
	return 0;
}

/* The map cell of a place on a map of cols x rows cells, from the
 * projection formula of geo.h (84N..60S, 180W..180E) written out here. */
static void expected_cell(double lat, double lon, int cols, int rows, int *row, int *col)
{
	*col = (int)floor((lon + 180.0) * cols / 360.0);
	*row = (int)floor((84.0 - lat) * rows / 144.0);
	if (*col >= cols)
		*col = cols - 1;
	if (*row >= rows)
		*row = rows - 1;
}

/* A canvas with a one-cell frame of 'X' round rect, to catch painting
 * outside it. */
static void framed_canvas(struct canvas *c, int rows, int cols, bool ambiguous_wide)
{
	canvas_init(c, rows + 2, cols + 2, ambiguous_wide);
	for (int r = 0; r < rows + 2; r++)
		canvas_fill(c, r, 0, cols + 2, 'X', CANVAS_NORMAL);
}

static void assert_frame_intact(const struct canvas *c)
{
	for (int r = 0; r < c->rows; r++)
		for (int col = 0; col < c->cols; col++) {
			if (r > 0 && r < c->rows - 1 && col > 0 && col < c->cols - 1)
				continue;
			if (strcmp(canvas_text_at(c, r, col), "X") != 0)
				fail_msg("painted outside the rectangle at %d,%d: '%s'", r, col,
					 canvas_text_at(c, r, col));
		}
}

/* The text of cols cells of a row from col. */
static void cells_text(const struct canvas *c, int row, int col, int cols, char *out, size_t size)
{
	out[0] = '\0';
	for (int i = col; i < col + cols; i++)
		strncat(out, canvas_text_at(c, row, i), size - strlen(out) - 1);
}

static bool is_marker_glyph(const char *s)
{
	return strlen(s) == 1 && strchr("o23456789+", s[0]) != NULL;
}

/* ---- markers ---- */

static void check_markers(int rows, int cols, struct canvas_rect rect)
{
	struct canvas c;
	struct map_options opt = {.selected = MAP_NONE};
	struct map_geometry g;
	int marker_cells = 0, distinct = 0;

	canvas_init(&c, rows, cols, false);
	map_paint(&c, rect, shipped, land, &opt);
	map_geometry(&c, rect, false, &g);
	assert_int_equal(g.unit, 1);
	for (size_t i = 0; i < shipped->office_count; i++) {
		const struct content_office *o = &shipped->offices[i];
		int row, col, got_row, got_col;
		size_t at[32], n, same = 0, first = i;
		bool listed = false;
		const char *glyph;

		expected_cell(o->lat, o->lon, rect.cols, rect.rows, &row, &col);
		row += rect.row;
		col += rect.col;
		assert_true(map_marker_cell(shipped, i, &g, &got_row, &got_col));
		if (got_row != row || got_col != col)
			fail_msg("%s at %dx%d: marker at %d,%d, expected %d,%d", o->id, cols, rows, got_row,
				 got_col, row, col);
		/* The offices sharing the cell, by the formula. */
		for (size_t j = 0; j < shipped->office_count; j++) {
			int r2, c2;
			expected_cell(shipped->offices[j].lat, shipped->offices[j].lon, rect.cols, rect.rows, &r2,
				      &c2);
			if (r2 + rect.row == row && c2 + rect.col == col) {
				same++;
				if (j < first)
					first = j;
			}
		}
		distinct += first == i;
		n = map_offices_at(shipped, &g, row, col, at, 32);
		assert_int_equal(n, same);
		for (size_t k = 0; k < n; k++)
			listed |= at[k] == i;
		assert_true(listed);
		glyph = canvas_text_at(&c, row, col);
		if (canvas_cell_const(&c, row, col)->role != CANVAS_MARKER)
			fail_msg("%s at %dx%d: no marker drawn at %d,%d", o->id, cols, rows, row, col);
		if (same == 1)
			assert_string_equal(glyph, "o");
		else
			assert_true(glyph[0] == (char)('0' + same) && glyph[1] == '\0');
	}
	/* No marker anywhere else. */
	for (int r = 0; r < rows; r++)
		for (int col = 0; col < cols; col++)
			marker_cells += canvas_cell_const(&c, r, col)->role == CANVAS_MARKER;
	assert_int_equal(marker_cells, distinct);
	canvas_fini(&c);
}

static void test_marker_cells(void **state)
{
	(void)state;
	check_markers(24, 80, (struct canvas_rect){0, 0, 24, 80});
	check_markers(40, 120, (struct canvas_rect){0, 0, 40, 120});
	check_markers(60, 200, (struct canvas_rect){0, 0, 60, 200});
	check_markers(24, 80, (struct canvas_rect){1, 0, 22, 80}); /* between a title and a status line */
	check_markers(30, 100, (struct canvas_rect){3, 37, 20, 51}); /* a pane of a wider screen */
	check_markers(300, 1000, (struct canvas_rect){0, 0, 300, 1000});
}

/* Seoul and Suwon, 35 km apart, share a cell at these sizes: one "2"
 * marker, and both can be found there. */
static void test_merged(void **state)
{
	static const int sizes[][2] = {{24, 80}, {40, 120}, {60, 200}};
	size_t seoul = office_index("seoul"), suwon = office_index("suwon");

	(void)state;
	for (size_t s = 0; s < 3; s++) {
		struct canvas c;
		struct map_options opt = {.selected = MAP_NONE};
		struct canvas_rect rect = {0, 0, sizes[s][0], sizes[s][1]};
		struct map_geometry g;
		int r1, c1, r2, c2;
		size_t at[4];

		canvas_init(&c, rect.rows, rect.cols, false);
		map_paint(&c, rect, shipped, land, &opt);
		map_geometry(&c, rect, false, &g);
		map_marker_cell(shipped, seoul, &g, &r1, &c1);
		map_marker_cell(shipped, suwon, &g, &r2, &c2);
		assert_int_equal(r1, r2);
		assert_int_equal(c1, c2);
		assert_string_equal(canvas_text_at(&c, r1, c1), "2");
		assert_int_equal(map_offices_at(shipped, &g, r1, c1, at, 4), 2);
		assert_int_equal(at[0], seoul);
		assert_int_equal(at[1], suwon);
		/* Selecting either shows the selection there. */
		opt.selected = suwon;
		map_paint(&c, rect, shipped, land, &opt);
		assert_string_equal(canvas_text_at(&c, r1, c1), "@");
		assert_int_equal(canvas_cell_const(&c, r1, c1)->role, CANVAS_MARKER_SELECTED);
		canvas_fini(&c);
	}
}

/* ---- the label ---- */

/* Selects each office in each language, in a framed rectangle: "@" at its
 * cell, its city next to it (same row, or the row above or below), and
 * nothing outside the rectangle. */
static void check_labels(int rows, int cols)
{
	for (size_t lang = 0; lang < shipped->lang_count; lang++) {
		for (size_t i = 0; i < shipped->office_count; i++) {
			struct canvas c;
			struct canvas_rect rect = {1, 1, rows, cols};
			struct map_options opt = {.lang = lang, .selected = i};
			struct map_geometry g;
			const char *city = content_text_get(&shipped->offices[i].city, lang);
			char text[4096];
			int row, col;
			bool found = false;

			framed_canvas(&c, rows, cols, false);
			map_paint(&c, rect, shipped, land, &opt);
			assert_frame_intact(&c);
			map_geometry(&c, rect, false, &g);
			map_marker_cell(shipped, i, &g, &row, &col);
			assert_string_equal(canvas_text_at(&c, row, col), "@");
			for (int r = row - 1; r <= row + 1; r++) {
				if (r < rect.row || r >= rect.row + rect.rows)
					continue;
				cells_text(&c, r, rect.col, rect.cols, text, sizeof(text));
				found |= strstr(text, city) != NULL;
			}
			if (!found)
				fail_msg("%s: no label '%s' at %dx%d", shipped->offices[i].id, city, cols, rows);
			canvas_fini(&c);
		}
	}
}

static void test_labels(void **state)
{
	(void)state;
	check_labels(22, 80);
	check_labels(40, 120);
	check_labels(12, 40);
}

/* Melbourne is near the east edge: its label goes to the left, ending just
 * before the marker; Denver's goes to the right, just after it. */
static void test_label_sides(void **state)
{
	struct canvas c;
	struct canvas_rect rect = {0, 0, 24, 80};
	struct map_options opt = {.lang = 1, .selected = office_index("melbourne")};
	struct map_geometry g;
	int row, col;
	char text[256];

	(void)state;
	assert_string_equal(shipped->langs[1], "en");
	canvas_init(&c, 24, 80, false);
	map_paint(&c, rect, shipped, land, &opt);
	map_geometry(&c, rect, false, &g);
	map_marker_cell(shipped, opt.selected, &g, &row, &col);
	assert_int_equal(col, 72); /* 324.97 / 360 * 80 */
	cells_text(&c, row, col - 11, 12, text, sizeof(text));
	assert_string_equal(text, " Melbourne @");
	assert_int_equal(canvas_cell_const(&c, row, col - 5)->role, CANVAS_MARKER_SELECTED);

	opt.selected = office_index("denver");
	map_paint(&c, rect, shipped, land, &opt);
	map_marker_cell(shipped, opt.selected, &g, &row, &col);
	cells_text(&c, row, col, 8, text, sizeof(text));
	assert_string_equal(text, "@ Denver");
	canvas_fini(&c);
}

/* Seoul's label would cover Tokyo's marker to its right on an 80x22 map
 * (both in row 7): it goes elsewhere and Tokyo stays visible. */
static void test_label_spares_markers(void **state)
{
	struct canvas c;
	struct canvas_rect rect = {1, 0, 22, 80};
	struct map_options opt = {.lang = 1, .selected = office_index("seoul")};
	struct map_geometry g;
	int row, col;

	(void)state;
	canvas_init(&c, 24, 80, false);
	map_geometry(&c, rect, false, &g);
	map_paint(&c, rect, shipped, land, &opt);
	map_marker_cell(shipped, office_index("tokyo"), &g, &row, &col);
	assert_int_equal(row, 1 + 7);
	assert_int_equal(col, 71);
	map_marker_cell(shipped, office_index("seoul"), &g, &row, &col);
	assert_int_equal(row, 1 + 7);
	assert_int_equal(col, 68);
	map_marker_cell(shipped, office_index("tokyo"), &g, &row, &col);
	assert_string_equal(canvas_text_at(&c, row, col), "o");
	assert_int_equal(canvas_cell_const(&c, row, col)->role, CANVAS_MARKER);
	canvas_fini(&c);
}

/* A rectangle narrower than the label: cut, inside the rectangle. */
static void test_label_too_long(void **state)
{
	(void)state;
	for (int cols = 1; cols <= 12; cols++) {
		for (int rows = 1; rows <= 3; rows++) {
			for (size_t i = 0; i < shipped->office_count; i++) {
				struct canvas c;
				struct map_options opt = {.lang = 0, .selected = i};

				framed_canvas(&c, rows, cols, false);
				map_paint(&c, (struct canvas_rect){1, 1, rows, cols}, shipped, land, &opt);
				assert_frame_intact(&c);
				canvas_fini(&c);
			}
		}
	}
}

/* ---- land ---- */

struct place {
	const char *name;
	double lat, lon;
};

/* A 120x40 map with no markers: land cells where land is. */
static void test_land_cells(void **state)
{
	static const struct place lands[] = {
		{"the Sahara", 23.0, 10.0},	{"Japan", 36.2, 138.25}, {"Australia", -25.0, 134.0},
		{"Brazil", -10.0, -55.0},	{"Siberia", 62.0, 100.0}, {"the United States", 40.0, -100.0},
	};
	static const struct place seas[] = {
		{"the mid-Pacific", 0.0, -150.0}, {"the Atlantic", 30.0, -40.0},
		{"the Indian Ocean", -20.0, 80.0}, {"the South Atlantic", -30.0, -15.0},
	};
	struct content none = *shipped;
	struct canvas c;
	struct map_options opt = {.selected = MAP_NONE};

	(void)state;
	none.office_count = 0;
	for (int ascii = 0; ascii < 2; ascii++) {
		opt.ascii = ascii;
		canvas_init(&c, 40, 120, false);
		map_paint(&c, (struct canvas_rect){0, 0, 40, 120}, &none, land, &opt);
		for (size_t i = 0; i < sizeof(lands) / sizeof(lands[0]); i++) {
			int row, col;
			expected_cell(lands[i].lat, lands[i].lon, 120, 40, &row, &col);
			if (canvas_cell_const(&c, row, col)->role != CANVAS_LAND)
				fail_msg("%s is not land", lands[i].name);
		}
		for (size_t i = 0; i < sizeof(seas) / sizeof(seas[0]); i++) {
			int row, col;
			expected_cell(seas[i].lat, seas[i].lon, 120, 40, &row, &col);
			if (canvas_cell_const(&c, row, col)->role != CANVAS_NORMAL ||
			    strcmp(canvas_text_at(&c, row, col), " ") != 0)
				fail_msg("%s is not sea", seas[i].name);
		}
		canvas_fini(&c);
	}
}

/* Braille land is U+2801..U+28FF (a blank Braille cell is drawn as a
 * space); ASCII land is ". : #" only. */
static void test_styles(void **state)
{
	struct canvas c;
	struct map_options opt = {.selected = MAP_NONE};
	int land_cells[2] = {0, 0};

	(void)state;
	for (int ascii = 0; ascii < 2; ascii++) {
		opt.ascii = ascii;
		canvas_init(&c, 24, 80, false);
		map_paint(&c, (struct canvas_rect){0, 0, 24, 80}, shipped, land, &opt);
		for (int r = 0; r < 24; r++) {
			for (int col = 0; col < 80; col++) {
				const struct canvas_cell *cell = canvas_cell_const(&c, r, col);
				const unsigned char *t = (const unsigned char *)cell->text;
				if (cell->role == CANVAS_MARKER) {
					assert_true(is_marker_glyph(cell->text));
					continue;
				}
				if (cell->role == CANVAS_NORMAL) {
					assert_string_equal(cell->text, " ");
					continue;
				}
				assert_int_equal(cell->role, CANVAS_LAND);
				assert_int_equal(cell->width, 1);
				land_cells[ascii]++;
				if (ascii) {
					assert_true(strlen(cell->text) == 1 && strchr(".:#", t[0]) != NULL);
				} else {
					/* U+2801..U+28FF is E2 A0 81 .. E2 A3 BF. */
					unsigned cp;
					assert_int_equal(strlen(cell->text), 3);
					cp = ((t[0] & 0x0Fu) << 12) | ((t[1] & 0x3Fu) << 6) | (t[2] & 0x3Fu);
					assert_true(cp > 0x2800 && cp <= 0x28FF);
				}
			}
		}
		canvas_fini(&c);
	}
	/* A world map: a good part of it land, most of it not. */
	for (int i = 0; i < 2; i++)
		assert_true(land_cells[i] > 24 * 80 / 6 && land_cells[i] < 24 * 80 / 2);
	assert_int_equal(land_cells[0], land_cells[1]);
}

/* No land file: markers on blank sea. */
static void test_no_land(void **state)
{
	struct canvas c;
	struct map_options opt = {.selected = MAP_NONE};
	int markers = 0;

	(void)state;
	canvas_init(&c, 24, 80, false);
	map_paint(&c, (struct canvas_rect){0, 0, 24, 80}, shipped, NULL, &opt);
	for (int r = 0; r < 24; r++)
		for (int col = 0; col < 80; col++) {
			assert_int_not_equal(canvas_cell_const(&c, r, col)->role, CANVAS_LAND);
			markers += canvas_cell_const(&c, r, col)->role == CANVAS_MARKER;
		}
	assert_int_equal(markers, 14); /* 15 offices, Seoul and Suwon in one cell */
	canvas_fini(&c);
}

/* Where text.h counts Braille as two columns wide (its ambiguous-wide mode
 * does), a map cell is two columns: markers on even offsets, and no glyph
 * cut in half. */
static void test_ambiguous_wide(void **state)
{
	struct canvas c;
	struct canvas_rect rect = {1, 3, 22, 77};
	struct map_options opt = {.lang = 0, .selected = office_index("tokyo")};
	struct map_geometry g;
	int unit = text_char_width(0x2800, true);

	(void)state;
	framed_canvas(&c, 24, 80, true);
	map_paint(&c, rect, shipped, land, &opt);
	assert_frame_intact(&c);
	map_geometry(&c, rect, false, &g);
	assert_int_equal(g.unit, unit);
	assert_int_equal(g.cols, 77 / unit);
	for (size_t i = 0; i < shipped->office_count; i++) {
		const struct content_office *o = &shipped->offices[i];
		int row, col, got_row, got_col;

		expected_cell(o->lat, o->lon, 77 / unit, 22, &row, &col);
		map_marker_cell(shipped, i, &g, &got_row, &got_col);
		assert_int_equal(got_row, rect.row + row);
		assert_int_equal(got_col, rect.col + col * unit);
	}
	for (int r = 0; r < c.rows; r++)
		for (int col = 0; col < c.cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(&c, r, col);
			if (cell->width == 2)
				assert_int_equal(canvas_cell_const(&c, r, col + 1)->width, 0);
			if (cell->width == 0)
				assert_int_equal(canvas_cell_const(&c, r, col - 1)->width, 2);
		}
	canvas_fini(&c);
}

/* Rectangles with no room, or partly off the canvas: no crash, nothing
 * outside the canvas, and a 1x1 map puts everyone in its one cell. */
static void test_degenerate(void **state)
{
	static const struct canvas_rect rects[] = {
		{0, 0, 0, 0}, {0, 0, 1, 1}, {5, 5, 0, 10}, {-3, -3, 10, 10}, {20, 70, 50, 50}, {0, 0, 1000, 1000},
	};
	struct map_options opt = {.selected = 0};

	(void)state;
	for (size_t i = 0; i < sizeof(rects) / sizeof(rects[0]); i++) {
		struct canvas c;
		struct map_geometry g;

		canvas_init(&c, 24, 80, false);
		map_paint(&c, rects[i], shipped, land, &opt);
		map_geometry(&c, rects[i], false, &g);
		assert_true(g.rect.row >= 0 && g.rect.col >= 0 && g.rect.row + g.rect.rows <= 24 &&
			    g.rect.col + g.rect.cols <= 80);
		assert_int_equal(map_nearest(shipped, &g, 0, MAP_RIGHT) == MAP_NONE, g.cols <= 0 || g.rows <= 0);
		canvas_fini(&c);
	}
	{
		struct canvas c;
		struct map_geometry g;
		size_t at[20];

		canvas_init(&c, 1, 1, false);
		map_paint(&c, (struct canvas_rect){0, 0, 1, 1}, shipped, land, &opt);
		assert_string_equal(canvas_text_at(&c, 0, 0), "@");
		map_geometry(&c, (struct canvas_rect){0, 0, 1, 1}, false, &g);
		assert_int_equal(map_offices_at(shipped, &g, 0, 0, at, 20), shipped->office_count);
		canvas_fini(&c);
	}
}

/* ---- moving with the arrow keys ---- */

static size_t nearest(const char *from, enum map_direction dir)
{
	struct canvas c;
	struct map_geometry g;

	canvas_init(&c, 24, 80, false);
	map_geometry(&c, (struct canvas_rect){1, 0, 22, 80}, false, &g);
	canvas_fini(&c);
	return map_nearest(shipped, &g, office_index(from), dir);
}

static void test_nearest(void **state)
{
	(void)state;
	/* The ends of the world: nothing further that way. */
	assert_int_equal(nearest("denver", MAP_LEFT), MAP_NONE);	  /* westmost */
	assert_int_equal(nearest("melbourne", MAP_RIGHT), MAP_NONE); /* eastmost */
	assert_int_equal(nearest("melbourne", MAP_DOWN), MAP_NONE);  /* southmost */
	assert_int_equal(nearest("brussels", MAP_UP), MAP_NONE);     /* northmost */
	/* Neighbours. */
	assert_int_equal(nearest("bonn", MAP_UP), office_index("brussels"));
	assert_int_equal(nearest("bonn", MAP_LEFT), office_index("brussels"));
	assert_int_equal(nearest("bonn", MAP_RIGHT), office_index("freiburg"));
	assert_int_equal(nearest("bonn", MAP_DOWN), office_index("freiburg"));
	assert_int_equal(nearest("denver", MAP_RIGHT), office_index("mexico-city"));
	assert_int_equal(nearest("mexico-city", MAP_UP), office_index("denver"));
	assert_int_equal(nearest("tokyo", MAP_RIGHT), office_index("melbourne"));
	assert_int_equal(nearest("jakarta", MAP_UP), office_index("manila"));
	/* Seoul and Suwon share a cell, Suwon 0.01 degrees east of Seoul:
	 * left and right move between them. */
	assert_int_equal(nearest("seoul", MAP_RIGHT), office_index("suwon"));
	assert_int_equal(nearest("suwon", MAP_LEFT), office_index("seoul"));
}

/* From any office, the arrow keys reach every other one. */
static void test_all_reachable(void **state)
{
	struct canvas c;
	struct map_geometry g;
	size_t n = shipped->office_count;

	(void)state;
	canvas_init(&c, 24, 80, false);
	map_geometry(&c, (struct canvas_rect){1, 0, 22, 80}, false, &g);
	for (size_t start = 0; start < n; start++) {
		bool seen[64] = {false};
		size_t queue[64], head = 0, tail = 0, count = 0;

		seen[start] = true;
		queue[tail++] = start;
		while (head < tail) {
			size_t at = queue[head++];
			count++;
			for (int d = MAP_UP; d <= MAP_RIGHT; d++) {
				size_t next = map_nearest(shipped, &g, at, (enum map_direction)d);
				if (next != MAP_NONE && !seen[next]) {
					seen[next] = true;
					queue[tail++] = next;
				}
			}
		}
		assert_int_equal(count, n);
	}
	canvas_fini(&c);
}

/* Offices at the very same place are ordered by the content: one can still
 * step from each to the next. */
static void test_same_place(void **state)
{
	struct content_office offices[3];
	struct content two = *shipped;
	struct canvas c;
	struct map_geometry g;
	size_t at[3];

	(void)state;
	for (int i = 0; i < 3; i++)
		offices[i] = shipped->offices[0];
	two.offices = offices;
	two.office_count = 3;
	canvas_init(&c, 24, 80, false);
	map_geometry(&c, (struct canvas_rect){0, 0, 24, 80}, false, &g);
	assert_int_equal(map_nearest(&two, &g, 0, MAP_RIGHT), 1);
	assert_int_equal(map_nearest(&two, &g, 1, MAP_RIGHT), 2);
	assert_int_equal(map_nearest(&two, &g, 2, MAP_RIGHT), MAP_NONE);
	assert_int_equal(map_nearest(&two, &g, 2, MAP_LEFT), 1);
	assert_int_equal(map_nearest(&two, &g, 0, MAP_DOWN), 1);
	assert_int_equal(map_nearest(&two, &g, 1, MAP_UP), 0);
	{
		int row, col;
		map_marker_cell(&two, 0, &g, &row, &col);
		assert_int_equal(map_offices_at(&two, &g, row, col, at, 3), 3);
	}
	canvas_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marker_cells),
		cmocka_unit_test(test_merged),
		cmocka_unit_test(test_labels),
		cmocka_unit_test(test_label_sides),
		cmocka_unit_test(test_label_spares_markers),
		cmocka_unit_test(test_label_too_long),
		cmocka_unit_test(test_land_cells),
		cmocka_unit_test(test_styles),
		cmocka_unit_test(test_no_land),
		cmocka_unit_test(test_ambiguous_wide),
		cmocka_unit_test(test_degenerate),
		cmocka_unit_test(test_nearest),
		cmocka_unit_test(test_all_reachable),
		cmocka_unit_test(test_same_place),
	};

	/* One group: meson's TAP reader expects a single plan. */
	return cmocka_run_group_tests_name("map", tests, setup, teardown);
}
