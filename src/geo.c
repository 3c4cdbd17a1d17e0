#include "lgma/geo.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/memfind.h"
#include "lgma/readfile.h"
#include "lgma/xalloc.h"

/* ---- parsing ---- */

struct parser {
	const char *name;
	struct diag_list *diags;
	size_t errors;
	unsigned line_no;
	const char *line; /* the current line, for columns */
	bool seen_header;
	struct geo_land *land;
	size_t point_cap, ring_cap;
	bool ring_open;
	unsigned ring_line; /* where the open ring started, for its message */
	bool too_many;
};

/* Columns count characters, not bytes: skip UTF-8 continuation bytes. */
static unsigned column_of(const struct parser *p, const char *at)
{
	unsigned col = 1;

	for (const char *s = p->line; s < at; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			col++;
	return col;
}

static void error_at(struct parser *p, unsigned line, unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void error_at(struct parser *p, unsigned line, unsigned column, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	p->errors++;
	diag_add(p->diags, DIAG_ERROR, p->name, line, column, "%s", msg);
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static const char *skip_blanks(const char *s, const char *end)
{
	while (s < end && is_blank(*s))
		s++;
	return s;
}

/* The length of the word at s (up to a blank or the end), for quoting. */
static int word_len(const char *s, const char *end)
{
	const char *e = s;

	while (e < end && !is_blank(*e) && e - s < 24)
		e++;
	return (int)(e - s);
}

/* An optionally signed decimal integer of at most 6 digits; returns the end,
 * or NULL when s does not start with one. */
static const char *parse_int(const char *s, const char *end, long *value)
{
	bool negative = false;
	long v = 0;
	int digits = 0;

	if (s < end && (*s == '-' || *s == '+'))
		negative = *s++ == '-';
	while (s < end && *s >= '0' && *s <= '9' && digits < 7) {
		v = v * 10 + (*s++ - '0');
		digits++;
	}
	if (digits == 0 || digits > 6 || (s < end && !is_blank(*s)))
		return NULL;
	*value = negative ? -v : v;
	return s;
}

static void close_ring(struct parser *p)
{
	struct geo_land *land = p->land;
	size_t n;

	if (!p->ring_open)
		return;
	p->ring_open = false;
	n = land->point_count - land->ring_start[land->ring_count];
	if (n < 3 && !p->too_many)
		error_at(p, p->ring_line, 1, "a ring needs at least 3 vertices; this one has %zu", n);
	else
		land->ring_count++;
	/* A rejected ring's vertices are dropped with it. */
	land->point_count = land->ring_start[land->ring_count];
}

static void open_ring(struct parser *p)
{
	struct geo_land *land = p->land;

	close_ring(p);
	if (land->ring_count + 2 > p->ring_cap) {
		p->ring_cap = p->ring_cap ? p->ring_cap * 2 : 256;
		land->ring_start = xreallocarray(land->ring_start, p->ring_cap, sizeof(*land->ring_start));
	}
	land->ring_start[land->ring_count] = land->point_count;
	land->ring_start[land->ring_count + 1] = land->point_count;
	p->ring_open = true;
	p->ring_line = p->line_no;
}

static bool parse_coordinate(struct parser *p, const char **s, const char *end, const char *what,
			     long limit, long *value)
{
	const char *after = parse_int(*s, end, value);

	if (after == NULL) {
		if (*s >= end)
			error_at(p, p->line_no, column_of(p, *s),
				 "missing the %s (an integer, hundredths of a degree)", what);
		else
			error_at(p, p->line_no, column_of(p, *s),
				 "expected the %s as an integer in hundredths of a degree, not '%.*s'", what,
				 word_len(*s, end), *s);
		return false;
	}
	if (*value < -limit || *value > limit) {
		error_at(p, p->line_no, column_of(p, *s), "%s %ld is out of range (-%ld..%ld)", what, *value,
			 limit, limit);
		return false;
	}
	*s = after;
	return true;
}

static void add_point(struct parser *p, const char *s, const char *end)
{
	struct geo_land *land = p->land;
	long lon, lat;

	if (!p->ring_open) {
		error_at(p, p->line_no, column_of(p, s), "a vertex before the first 'ring'");
		return;
	}
	if (!parse_coordinate(p, &s, end, "longitude", 18000, &lon))
		return;
	s = skip_blanks(s, end);
	if (!parse_coordinate(p, &s, end, "latitude", 9000, &lat))
		return;
	s = skip_blanks(s, end);
	if (s < end) {
		error_at(p, p->line_no, column_of(p, s), "unexpected text after the vertex: '%.*s'",
			 word_len(s, end), s);
		return;
	}
	if (land->point_count >= GEO_MAX_POINTS) {
		if (!p->too_many)
			error_at(p, p->line_no, 1, "more than %d vertices", GEO_MAX_POINTS);
		p->too_many = true;
		return;
	}
	if (land->point_count == p->point_cap) {
		p->point_cap = p->point_cap ? p->point_cap * 2 : 4096;
		land->points = xreallocarray(land->points, p->point_cap, sizeof(*land->points));
	}
	land->points[land->point_count++] = (struct geo_point){(int16_t)lon, (int16_t)lat};
	land->ring_start[land->ring_count + 1] = land->point_count;
}

static bool word_is(const char *s, const char *end, const char *word)
{
	size_t n = strlen(word);

	return (size_t)(end - s) == n && memcmp(s, word, n) == 0;
}

static void parse_header(struct parser *p, const char *s, const char *end)
{
	static const char magic[] = "lgma-land";
	const char *v;

	p->seen_header = true;
	if ((size_t)(end - s) < sizeof(magic) || memcmp(s, magic, sizeof(magic) - 1) != 0 ||
	    !is_blank(s[sizeof(magic) - 1])) {
		error_at(p, p->line_no, column_of(p, s), "not a land file: the first line must be 'lgma-land 1'");
		return;
	}
	v = skip_blanks(s + sizeof(magic) - 1, end);
	if (!word_is(v, end, "1"))
		error_at(p, p->line_no, column_of(p, v),
			 "unsupported land file version '%.*s' (this lgma reads version 1)", word_len(v, end), v);
}

static void parse_line(struct parser *p, const char *s, const char *end)
{
	p->line = s;
	while (end > s && (end[-1] == '\r' || is_blank(end[-1])))
		end--;
	s = skip_blanks(s, end);
	if (s == end || *s == '#')
		return;
	if (!p->seen_header)
		parse_header(p, s, end);
	else if (word_is(s, end, "ring"))
		open_ring(p);
	else if (end - s > 4 && memcmp(s, "ring", 4) == 0 && is_blank(s[4]))
		error_at(p, p->line_no, column_of(p, skip_blanks(s + 4, end)),
			 "unexpected text after 'ring': '%.*s'", word_len(skip_blanks(s + 4, end), end),
			 skip_blanks(s + 4, end));
	else if ((*s >= '0' && *s <= '9') || *s == '-' || *s == '+')
		add_point(p, s, end);
	else
		error_at(p, p->line_no, column_of(p, s), "expected 'ring' or a vertex 'LON LAT', not '%.*s'",
			 word_len(s, end), s);
}

struct geo_land *geo_land_parse(const char *name, const char *text, size_t size,
				struct diag_list *diags)
{
	struct parser p = {.name = name, .diags = diags, .land = xcalloc(1, sizeof(struct geo_land))};
	const char *s = text, *end = text + size;

	/* Room for a vertex on every line: growing by copying touched nearly
	 * twice the memory the points take, and room for one every four bytes
	 * (the least a vertex line takes) was three times too much, which the
	 * map's later allocations then took up and touched. */
	p.point_cap = memcount(text, size, '\n') + 1;
	if (p.point_cap > GEO_MAX_POINTS)
		p.point_cap = GEO_MAX_POINTS;
	p.land->points = xreallocarray(NULL, p.point_cap, sizeof(*p.land->points));
	while (s < end && p.errors < GEO_MAX_ERRORS) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		const char *line_end = nl != NULL ? nl : end;
		const char *nul = memchr(s, '\0', (size_t)(line_end - s));

		p.line_no++;
		p.line = s;
		if (nul != NULL)
			error_at(&p, p.line_no, column_of(&p, nul), "a NUL byte in a text file");
		else
			parse_line(&p, s, line_end);
		s = nl != NULL ? nl + 1 : end;
	}
	close_ring(&p);
	if (p.errors == 0 && !p.seen_header)
		error_at(&p, 1, 1, "not a land file: it is empty");
	else if (p.errors == 0 && p.land->ring_count == 0)
		error_at(&p, p.line_no ? p.line_no : 1, 1, "no land: the file has no 'ring'");
	if (p.errors > 0 || p.too_many) {
		geo_land_free(p.land);
		return NULL;
	}
	/* The room kept for a file of nothing but vertices goes back. */
	p.land->points = xreallocarray(p.land->points, p.land->point_count, sizeof(*p.land->points));
	return p.land;
}

void geo_land_free(struct geo_land *land)
{
	if (land == NULL)
		return;
	free(land->points);
	free(land->ring_start);
	free(land);
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *path = xmalloc(a + b + 2);

	memcpy(path, dir, a);
	path[a] = '/';
	memcpy(path + a + 1, name, b + 1);
	return path;
}

/* True when real lies strictly inside real_dir. */
static bool inside(const char *real, const char *real_dir)
{
	size_t n = strlen(real_dir);

	return strncmp(real, real_dir, n) == 0 && (real[n] == '/' || (n == 1 && real_dir[0] == '/'));
}

struct geo_land *geo_land_load(const char *content_dir, struct diag_list *diags)
{
	char *path = join(content_dir, "world/land.txt");
	char *real_dir = realpath(content_dir, NULL), *real = realpath(path, NULL);
	struct geo_land *land = NULL;
	size_t size;
	char *text;

	if (real == NULL) {
		diag_add(diags, DIAG_ERROR, path, 1, 1, "cannot open: %s", strerror(errno));
	} else if (real_dir == NULL || !inside(real, real_dir)) {
		diag_add(diags, DIAG_ERROR, path, 1, 1, "refusing a file outside the content directory");
	} else if ((text = readfile(path, GEO_MAX_FILE_SIZE, &size, diags)) != NULL) {
		land = geo_land_parse(path, text, size, diags);
		free(text);
	}
	free(real);
	free(real_dir);
	free(path);
	return land;
}

/* ---- projection ---- */

void geo_project(double lat, double lon, int w, int h, double *x, double *y)
{
	*x = (lon + 180.0) / 360.0 * w;
	*y = (GEO_LAT_NORTH - lat) / (GEO_LAT_NORTH - GEO_LAT_SOUTH) * h;
}

static int clamp(double v, int n)
{
	if (!(v >= 0)) /* also NaN */
		return 0;
	if (v >= n)
		return n - 1;
	return (int)v;
}

bool geo_dot(double lat, double lon, int w, int h, int *x, int *y)
{
	double fx, fy;

	geo_project(lat, lon, w, h, &fx, &fy);
	*x = clamp(floor(fx), w);
	*y = clamp(floor(fy), h);
	return lat >= GEO_LAT_SOUTH && lat <= GEO_LAT_NORTH && lon >= -180.0 && lon <= 180.0;
}

/* ---- raster: a scanline fill with an active edge list ---- */

struct edge {
	double top, bottom; /* y range, top < bottom; the edge covers [top, bottom) */
	double x_top;	    /* x at y = top */
	double dxdy;
	int dir; /* +1 going south, -1 going north: the winding it adds */
};

/* The edge from vertex i of ring r to the next, projected, into *e; false
 * when it crosses no dot centre. */
static bool edge_of(const struct geo_land *land, size_t r, size_t i, int w, int h, struct edge *e)
{
	size_t first = land->ring_start[r], end = land->ring_start[r + 1];
	const struct geo_point *a = &land->points[i];
	const struct geo_point *b = &land->points[i + 1 < end ? i + 1 : first];
	double ax, ay, bx, by;

	geo_project(a->lat / 100.0, a->lon / 100.0, w, h, &ax, &ay);
	geo_project(b->lat / 100.0, b->lon / 100.0, w, h, &bx, &by);
	if (ay == by)
		return false; /* a horizontal edge crosses no scanline */
	/* Nor does one that ends before the next dot centre (y + 0.5) below
	 * its top: most of a coastline's short edges at a terminal's few rows.
	 * Leaving them out (NaN stays in) keeps the fill as it is and the
	 * edges in memory a few. */
	if (ceil((ay < by ? ay : by) - 0.5) + 0.5 >= (ay < by ? by : ay))
		return false;
	e->dir = ay < by ? 1 : -1;
	e->top = ay < by ? ay : by;
	e->bottom = ay < by ? by : ay;
	e->x_top = ay < by ? ax : bx;
	e->dxdy = (bx - ax) / (by - ay);
	return true;
}

/* Rows are filled a band at a time, and only the edges that cross a band
 * are held: for the shipped land at 200x50 all of them took 108 KB, the
 * largest block of the offices view's memory. A band projects again the
 * vertices of the rings that reach it (the shipped land is 287 rings of 18
 * vertices at the median), which costs less than holding them. */
enum { BAND_ROWS = 16 };

static int clamp_row(double y, int h)
{
	return !(y > 0) ? 0 : y >= h ? h : (int)y; /* NaN: row 0 */
}

/* The rows [*first, *end) whose dot centres (y + 0.5) edge e crosses. */
static void rows_of(const struct edge *e, int h, int *first, int *end)
{
	*first = clamp_row(ceil(e->top - 0.5), h);
	*end = clamp_row(ceil(e->bottom - 0.5), h);
}

struct raster {
	const struct geo_land *land;
	int w, h;
	/* The rows [ring_rows[2 r], ring_rows[2 r + 1]) ring r may cross: a
	 * band projects the rings that reach it, no others. */
	int *ring_rows;
	struct edge *edges; /* the band's */
	size_t count, cap;
	uint32_t *order, *active; /* cap entries each */
	/* edges order[start[k] .. start[k + 1]) start at the band's row k */
	size_t start[BAND_ROWS + 2];
	int *delta; /* w + 1 */
};

static void push_edge(struct raster *r, const struct edge *e)
{
	if (r->count == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 256;
		r->edges = xreallocarray(r->edges, r->cap, sizeof(*r->edges));
		r->order = xreallocarray(r->order, r->cap, sizeof(*r->order));
		r->active = xreallocarray(r->active, r->cap, sizeof(*r->active));
	}
	r->edges[r->count++] = *e;
}

static void find_ring_rows(struct raster *r)
{
	const struct geo_land *land = r->land;

	r->ring_rows = xcalloc(2 * land->ring_count, sizeof(*r->ring_rows));
	for (size_t ring = 0; ring < land->ring_count; ring++) {
		double lo = INFINITY, hi = -INFINITY;
		for (size_t i = land->ring_start[ring]; i < land->ring_start[ring + 1]; i++) {
			double x, y;
			geo_project(land->points[i].lat / 100.0, land->points[i].lon / 100.0, r->w, r->h, &x, &y);
			lo = y < lo ? y : lo;
			hi = y > hi ? y : hi;
		}
		r->ring_rows[2 * ring] = clamp_row(ceil(lo - 0.5), r->h);
		r->ring_rows[2 * ring + 1] = clamp_row(ceil(hi - 0.5), r->h);
	}
}

/* The edges that cross a dot centre of rows [top, bottom). */
static void gather(struct raster *r, int top, int bottom)
{
	const struct geo_land *land = r->land;
	struct edge e;
	int first, end;

	r->count = 0;
	for (size_t ring = 0; ring < land->ring_count; ring++) {
		if (r->ring_rows[2 * ring] >= bottom || r->ring_rows[2 * ring + 1] <= top)
			continue;
		for (size_t i = land->ring_start[ring]; i < land->ring_start[ring + 1]; i++) {
			if (!edge_of(land, ring, i, r->w, r->h, &e))
				continue;
			rows_of(&e, r->h, &first, &end);
			if (first < bottom && end > top)
				push_edge(r, &e);
		}
	}
}

/* The band's row an edge starts at (0 for one from a band above). */
static int start_in_band(const struct raster *r, const struct edge *e, int top)
{
	int first, end;

	rows_of(e, r->h, &first, &end);
	return first > top ? first - top : 0;
}

/* The band's edges by the row they start at, a counting sort. Why not
 * qsort: glibc's copies the edges into a buffer as large as them, and rows
 * are all the order the fill needs. */
static void order_by_row(struct raster *r, int top)
{
	size_t *start = r->start;

	memset(r->start, 0, sizeof(r->start));
	for (size_t i = 0; i < r->count; i++)
		start[start_in_band(r, &r->edges[i], top) + 1]++;
	for (int k = 0; k <= BAND_ROWS; k++)
		start[k + 1] += start[k];
	for (size_t i = 0; i < r->count; i++) /* start[k] is k's next free place meanwhile */
		r->order[start[start_in_band(r, &r->edges[i], top)]++] = (uint32_t)i;
	for (int k = BAND_ROWS + 1; k > 0; k--)
		start[k] = start[k - 1];
	start[0] = 0;
}

/* Winding changes along a row instead of sorted crossings: an edge crossing
 * the row at x changes the winding of every dot whose centre (j + 0.5) lies
 * right of x, that is from dot ceil(x - 0.5) on. A running sum then gives
 * each dot's winding, so a row costs its edges plus its width, with no sort,
 * however many edges a hostile file makes cross it. */
static void add_crossing(int *delta, int w, double x, int dir)
{
	double from = ceil(x - 0.5);
	int j = !(from > 0) ? 0 : from > w ? w : (int)from; /* NaN goes left */

	delta[j] += dir;
}

static void fill_row(int *delta, int w, uint8_t *row)
{
	int winding = 0;

	for (int j = 0; j < w; j++) {
		winding += delta[j];
		row[j] = winding != 0;
		delta[j] = 0;
	}
	delta[w] = 0;
}

static void fill_band(struct raster *r, int top, int bottom, uint8_t *dots)
{
	size_t active_count = 0;

	for (int y = top; y < bottom; y++) {
		double centre = y + 0.5;

		for (size_t k = r->start[y - top]; k < r->start[y - top + 1]; k++)
			r->active[active_count++] = r->order[k];
		for (size_t i = 0; i < active_count;) {
			const struct edge *e = &r->edges[r->active[i]];
			if (e->bottom <= centre) {
				r->active[i] = r->active[--active_count];
				continue;
			}
			add_crossing(r->delta, r->w, e->x_top + (centre - e->top) * e->dxdy, e->dir);
			i++;
		}
		fill_row(r->delta, r->w, dots + (size_t)y * (size_t)r->w);
	}
}

void geo_raster(const struct geo_land *land, int w, int h, uint8_t *dots)
{
	struct raster r = {.land = land, .w = w, .h = h};

	if (w <= 0 || h <= 0)
		return;
	memset(dots, 0, (size_t)w * (size_t)h);
	if (land == NULL || land->ring_count == 0)
		return;
	r.delta = xcalloc((size_t)w + 1, sizeof(*r.delta));
	find_ring_rows(&r);
	for (int top = 0; top < h; top += BAND_ROWS) {
		int bottom = h - top > BAND_ROWS ? top + BAND_ROWS : h;
		gather(&r, top, bottom);
		order_by_row(&r, top);
		fill_band(&r, top, bottom, dots);
	}
	free(r.delta);
	free(r.ring_rows);
	free(r.active);
	free(r.order);
	free(r.edges);
}
