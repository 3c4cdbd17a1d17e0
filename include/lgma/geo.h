/* The world for the map: land polygons, the projection, and the land raster.
 *
 * Land comes from content/world/land.txt (see its header and
 * src/tools/make-land.R): rings of vertices in hundredths of a degree, filled
 * with the non-zero winding rule.
 *
 * The projection is equirectangular (plate carrée) over longitudes
 * -180..180 and latitudes GEO_LAT_SOUTH..GEO_LAT_NORTH, stretched to whatever
 * grid it is asked for. Why: it maps longitude and latitude linearly, so a
 * marker's place is one multiplication (and testable by hand), polygon edges
 * stay straight lines (so a scanline fill of the projected vertices is exact),
 * and nothing needs clipping or special cases near the poles. The band leaves
 * out Antarctica and the empty Arctic: everything inhabited, from Greenland's
 * north coast to Tierra del Fuego, is in it, and a terminal's few rows go to
 * the continents instead of ice.
 *
 * Units: "dots" are the cells of a W x H raster (Braille has 2 x 4 per
 * terminal cell); dot (x, y) covers [x, x + 1) x [y, y + 1) in projected
 * coordinates, x growing east, y growing south. */
#ifndef LGMA_GEO_H
#define LGMA_GEO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lgma/diag.h"

#define GEO_LAT_NORTH 84.0 /* degrees: the top edge of the map */
#define GEO_LAT_SOUTH -60.0 /* degrees: the bottom edge */

enum {
	GEO_MAX_FILE_SIZE = 4 * 1024 * 1024, /* bytes of land.txt */
	/* Vertices of all rings together: the shipped file has about 9 200.
	 * The cap bounds memory (4 bytes a vertex, 48 an edge of a band of
	 * rows while drawing) and the raster's time, rows x edges at worst: a
	 * file of nothing but full-height edges takes a few hundred ms for a
	 * 300x100-cell map, against a few ms for the real land. */
	GEO_MAX_POINTS = 50000,
	GEO_MAX_ERRORS = 20, /* a malformed file stops being read after these */
};

/* A vertex in hundredths of a degree (the ranges fit 16 bits: the shipped
 * land's vertices take 36 KB). */
struct geo_point {
	int16_t lon; /* -18000..18000 */
	int16_t lat; /* -9000..9000 */
};

/* Immutable once loaded. Ring i is points[ring_start[i] .. ring_start[i+1]);
 * ring_start has ring_count + 1 entries. */
struct geo_land {
	struct geo_point *points;
	size_t point_count;
	size_t *ring_start;
	size_t ring_count;
};

/* Parses the text of a land file; name is used in messages only. Returns a
 * new land (free with geo_land_free), or NULL after adding located errors
 * (name:LINE:COLUMN) to diags. Time and memory are linear in size. */
struct geo_land *geo_land_parse(const char *name, const char *text, size_t size,
				struct diag_list *diags);

/* Reads CONTENT_DIR/world/land.txt, refusing a file outside the content
 * directory (a symlink must not lead a kiosk elsewhere), of more than
 * GEO_MAX_FILE_SIZE bytes, or that is not a regular file. NULL after errors. */
struct geo_land *geo_land_load(const char *content_dir, struct diag_list *diags);

void geo_land_free(struct geo_land *land);

/* Projects a position onto a w x h dot grid, in fractional dots:
 *   x = (lon + 180) / 360 * w,  y = (GEO_LAT_NORTH - lat) / (GEO_LAT_NORTH - GEO_LAT_SOUTH) * h */
void geo_project(double lat, double lon, int w, int h, double *x, double *y);

/* The dot containing a position, clamped to the grid so that a place beyond
 * the band (or exactly on its east or south edge) still shows at the border.
 * Returns false when it had to clamp for lying outside the band. */
bool geo_dot(double lat, double lon, int w, int h, int *x, int *y);

/* Fills dots[y * w + x] with 1 where the centre of dot (x, y) is on land and
 * 0 elsewhere; dots holds w * h bytes. land may be NULL (all sea). Time is
 * proportional to h times the edges crossing a row, plus the vertices of
 * each ring once for every band of 16 rows it reaches. */
void geo_raster(const struct geo_land *land, int w, int h, uint8_t *dots);

#endif
