/* The world map of the offices, painted into a canvas rectangle.
 *
 * The map fills the whole rectangle (geo.h's projection stretched to it).
 * Land is drawn in Braille (2 x 4 dots a cell, U+2800..U+28FF, role
 * CANVAS_LAND) or, with the ASCII style, one of ". : #" a cell by how many of
 * its 2 x 4 dots are land. Sea is blank.
 *
 * Markers are ASCII, whose width every terminal, font and library agrees on
 * (the round and diamond symbols are East Asian Ambiguous): "o" for one
 * office, the count "2".."9" (or "+") where several offices fall into one
 * cell, and "@" for the selected office, with role CANVAS_MARKER or
 * CANVAS_MARKER_SELECTED; the selected one is labelled with its city (role
 * CANVAS_MARKER_SELECTED) where the label fits inside the rectangle, avoiding
 * other markers when it can.
 *
 * A map cell is "unit" columns wide: 1, or 2 when text.h counts a Braille
 * character as 2 columns (its ambiguous-wide mode counts every non-ASCII
 * character so), so widths stay those of text.h whatever it decides.
 *
 * Every function here is pure: no terminal, no global state. */
#ifndef LGMA_MAP_H
#define LGMA_MAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lgma/canvas.h"
#include "lgma/content.h"
#include "lgma/geo.h"

#define MAP_NONE SIZE_MAX /* no office */

enum map_direction {
	MAP_UP,
	MAP_DOWN,
	MAP_LEFT,
	MAP_RIGHT,
};

/* Where a map lies on the canvas and how it is divided. */
struct map_geometry {
	struct canvas_rect rect;
	int unit;	/* columns of one map cell: 1 or 2 */
	int cols, rows; /* map cells across and down; cols * unit <= rect.cols */
	bool ascii;
};

/* The geometry for a rectangle of canvas c (its ambiguous_wide setting
 * decides the unit). A rectangle with no room gives cols or rows 0. */
void map_geometry(const struct canvas *c, struct canvas_rect rect, bool ascii, struct map_geometry *g);

struct map_options {
	bool ascii;	 /* ". : #" instead of Braille */
	size_t lang;	 /* language index for the label */
	size_t selected; /* office index, or MAP_NONE */
};

/* Paints land, markers and the selected office's label into rect of c
 * (clipped to the canvas). land may be NULL: markers on blank sea. */
void map_paint(struct canvas *c, struct canvas_rect rect, const struct content *content,
	       const struct geo_land *land, const struct map_options *opt);

/* The canvas cell (its first column) of an office's marker; false if the map
 * has no cells. Offices outside the projection's band sit on its border. */
bool map_marker_cell(const struct content *content, size_t office, const struct map_geometry *g,
		     int *row, int *col);

/* The offices whose markers share the map cell at canvas (row, col), any
 * column of the cell: up to max of them into out (may be NULL when max is
 * 0), in content order. Returns how many there are in all. */
size_t map_offices_at(const struct content *content, const struct map_geometry *g, int row, int col,
		      size_t *out, size_t max);

/* The office to move to from office with an arrow key: among the offices
 * strictly on that side (by projected position, ties between equal positions
 * broken by content order so that offices in one cell are all reachable), the
 * one with the least distance along the direction plus twice the distance
 * across it, measured in columns and half-rows (about square on a terminal);
 * equal costs go to the neighbour in content order. MAP_NONE when there is
 * none that way. */
size_t map_nearest(const struct content *content, const struct map_geometry *g, size_t office,
		   enum map_direction dir);

#endif
