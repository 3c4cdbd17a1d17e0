/* The land file and the land raster: the shipped land is where the world's
 * land is, a malformed file gets a located error and never a crash, and a
 * redraw stays fast. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "diag-text.h"
#include "lgma/geo.h"

/* ---- helpers ---- */

static void assert_contains(const char *got, const char *want)
{
	assert_non_null(got);
	if (strstr(got, want) == NULL)
		fail_msg("expected\n  %s\ngot:\n%s", want, got);
}

/* Parses text (size bytes) and checks it fails with the expected message. */
static void expect_error_n(const char *text, size_t size, const char *want)
{
	struct diag_list diags;
	struct geo_land *land;
	char *got;

	diag_init(&diags);
	land = geo_land_parse("t.txt", text, size, &diags);
	got = diag_text(&diags, NULL);
	if (land != NULL)
		fail_msg("a malformed file was accepted:\n%s", text);
	assert_true(diags.errors > 0);
	assert_contains(got, want);
	free(got);
	diag_fini(&diags);
}

static void expect_error(const char *text, const char *want)
{
	expect_error_n(text, strlen(text), want);
}

static struct geo_land *parse_ok(const char *text)
{
	struct diag_list diags;
	struct geo_land *land;

	diag_init(&diags);
	land = geo_land_parse("t.txt", text, strlen(text), &diags);
	if (land == NULL) {
		char *got = diag_text(&diags, NULL);
		fail_msg("a valid file was refused:\n%s", got);
	}
	assert_int_equal(diags.errors, 0);
	diag_fini(&diags);
	return land;
}

static struct geo_land *shipped;

static int load_shipped(void **state)
{
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	shipped = geo_land_load(LGMA_CONTENT_DIR, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	return shipped == NULL ? -1 : 0;
}

static int free_shipped(void **state)
{
	(void)state;
	geo_land_free(shipped);
	return 0;
}

/* ---- the file format ---- */

static void test_parse_valid(void **state)
{
	/* Comments, blank lines, blanks round values and CRLF are all fine. */
	struct geo_land *land = parse_ok("# a comment first\n"
					 "lgma-land 1\r\n"
					 "\n"
					 "ring\n"
					 "  -100 200 \r\n"
					 "300\t-400\n"
					 "# inside a ring\n"
					 "+18000 9000\n"
					 "ring\n"
					 "0 0\n1 0\n1 1\n0 1");

	(void)state;
	assert_int_equal(land->ring_count, 2);
	assert_int_equal(land->point_count, 7);
	assert_int_equal(land->ring_start[0], 0);
	assert_int_equal(land->ring_start[1], 3);
	assert_int_equal(land->ring_start[2], 7);
	assert_int_equal(land->points[0].lon, -100);
	assert_int_equal(land->points[0].lat, 200);
	assert_int_equal(land->points[1].lon, 300);
	assert_int_equal(land->points[1].lat, -400);
	assert_int_equal(land->points[2].lon, 18000);
	assert_int_equal(land->points[6].lat, 1);
	geo_land_free(land);
}

#define ERROR_CASE(name, text, want) \
	static void test_##name(void **state) \
	{ \
		(void)state; \
		expect_error(text, want); \
	}

ERROR_CASE(empty, "", "t.txt:1:1: error: not a land file: it is empty")
ERROR_CASE(comments_only, "# nothing\n\n", "t.txt:1:1: error: not a land file: it is empty")
ERROR_CASE(no_header, "ring\n0 0\n1 0\n1 1\n",
	   "t.txt:1:1: error: not a land file: the first line must be 'lgma-land 1'")
ERROR_CASE(header_glued, "lgma-land1\n", "t.txt:1:1: error: not a land file")
ERROR_CASE(version, "# c\nlgma-land 2\n",
	   "t.txt:2:11: error: unsupported land file version '2' (this lgma reads version 1)")
ERROR_CASE(no_rings, "lgma-land 1\n# none\n", "t.txt:2:1: error: no land: the file has no 'ring'")
ERROR_CASE(vertex_first, "lgma-land 1\n1 2\n", "t.txt:2:1: error: a vertex before the first 'ring'")
ERROR_CASE(short_ring, "lgma-land 1\nring\n0 0\n100 0\nring\n0 0\n1 0\n1 1\n",
	   "t.txt:2:1: error: a ring needs at least 3 vertices; this one has 2")
ERROR_CASE(empty_ring_at_end, "lgma-land 1\nring\n0 0\n1 0\n1 1\nring\n",
	   "t.txt:6:1: error: a ring needs at least 3 vertices; this one has 0")
ERROR_CASE(lon_range, "lgma-land 1\nring\n0 0\n18001 0\n0 100\n",
	   "t.txt:4:1: error: longitude 18001 is out of range (-18000..18000)")
ERROR_CASE(lat_range, "lgma-land 1\nring\n0 0\n  7 -9001\n0 100\n",
	   "t.txt:4:5: error: latitude -9001 is out of range (-9000..9000)")
ERROR_CASE(not_a_number, "lgma-land 1\nring\n  12x 5\n",
	   "t.txt:3:3: error: expected the longitude as an integer in hundredths of a degree, not '12x'")
ERROR_CASE(decimal_point, "lgma-land 1\nring\n12.5 5\n",
	   "t.txt:3:1: error: expected the longitude as an integer in hundredths of a degree, not '12.5'")
ERROR_CASE(too_many_digits, "lgma-land 1\nring\n1 0000001\n",
	   "t.txt:3:3: error: expected the latitude as an integer in hundredths of a degree, not '0000001'")
ERROR_CASE(huge_number, "lgma-land 1\nring\n99999999999999999999999 0\n",
	   "t.txt:3:1: error: expected the longitude as an integer")
ERROR_CASE(sign_only, "lgma-land 1\nring\n- 5\n", "t.txt:3:1: error: expected the longitude")
ERROR_CASE(missing_lat, "lgma-land 1\nring\n5\n",
	   "t.txt:3:2: error: missing the latitude (an integer, hundredths of a degree)")
ERROR_CASE(trailing, "lgma-land 1\nring\n1 2 3\n", "t.txt:3:5: error: unexpected text after the vertex: '3'")
ERROR_CASE(ring_count, "lgma-land 1\nring 12\n", "t.txt:2:6: error: unexpected text after 'ring': '12'")
ERROR_CASE(unknown_word, "lgma-land 1\npolygon\n",
	   "t.txt:2:1: error: expected 'ring' or a vertex 'LON LAT', not 'polygon'")
/* Columns count characters: the NUL is the 4th character, the 7th byte. */
static void test_nul_column(void **state)
{
	static const char text[] = "lgma-land 1\nring\n\xc3\xa9\xc3\xa9\xc3\xa9\x00\n";

	(void)state;
	expect_error_n(text, sizeof(text) - 1, "t.txt:3:4: error: a NUL byte in a text file");
}

static void test_nul_byte(void **state)
{
	static const char text[] = "lgma-land 1\nring\n0 \0 0\n1 0\n1 1\n";

	(void)state;
	expect_error_n(text, sizeof(text) - 1, "t.txt:3:3: error: a NUL byte in a text file");
}

/* Content-chosen bytes are quoted in messages, but never raw. */
static void test_escape_in_message(void **state)
{
	static const char text[] = "lgma-land 1\n\x1b]0;owned\x07\n";
	struct diag_list diags;
	char *got;

	(void)state;
	diag_init(&diags);
	assert_null(geo_land_parse("t.txt", text, strlen(text), &diags));
	got = diag_text(&diags, NULL);
	assert_contains(got, "t.txt:2:1: error: expected 'ring' or a vertex 'LON LAT', not '\\x1B]0;owned\\x07'");
	assert_null(strchr(got, 0x1b));
	assert_null(strchr(got, 0x07));
	free(got);
	diag_fini(&diags);
}

/* A file of nothing but errors is read only up to GEO_MAX_ERRORS of them. */
static void test_error_limit(void **state)
{
	size_t n = 100000;
	char *text = malloc(12 + n * 4 + 1);
	struct diag_list diags;

	(void)state;
	strcpy(text, "lgma-land 1\n");
	for (size_t i = 0; i < n; i++)
		memcpy(text + 12 + i * 4, "xy\n\n", 4);
	text[12 + n * 4] = '\0';
	diag_init(&diags);
	assert_null(geo_land_parse("t.txt", text, strlen(text), &diags));
	assert_int_equal(diags.errors, GEO_MAX_ERRORS);
	diag_fini(&diags);
	free(text);
}

static void test_too_many_vertices(void **state)
{
	size_t cap = (size_t)GEO_MAX_POINTS * 8 + 100, n = 0;
	char *text = malloc(cap);
	struct diag_list diags;
	char *got, want[100];

	(void)state;
	n += (size_t)sprintf(text + n, "lgma-land 1\nring\n");
	for (int i = 0; i <= GEO_MAX_POINTS; i++)
		n += (size_t)sprintf(text + n, "%d %d\n", i % 100, i % 3);
	diag_init(&diags);
	assert_null(geo_land_parse("t.txt", text, n, &diags));
	got = diag_text(&diags, NULL);
	/* Line 1 is the header, 2 "ring": vertex GEO_MAX_POINTS + 1 is on
	 * line GEO_MAX_POINTS + 3. */
	snprintf(want, sizeof(want), "t.txt:%d:1: error: more than %d vertices", GEO_MAX_POINTS + 3,
		 GEO_MAX_POINTS);
	assert_contains(got, want);
	assert_int_equal(diags.errors, 1);
	free(got);
	diag_fini(&diags);
	free(text);
}

/* Random damage to the shipped file: a result either way, never a crash,
 * and a refusal always comes with a located error. */
static void test_mutations(void **state)
{
	char path[1024];
	FILE *f;
	char *orig, *text;
	long size;
	unsigned seed = 12345;

	(void)state;
	snprintf(path, sizeof(path), "%s/world/land.txt", LGMA_CONTENT_DIR);
	f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	orig = malloc((size_t)size);
	text = malloc((size_t)size);
	assert_int_equal(fread(orig, 1, (size_t)size, f), (size_t)size);
	fclose(f);
	for (int round = 0; round < 300; round++) {
		struct diag_list diags;
		struct geo_land *land;
		size_t len = (size_t)size;

		memcpy(text, orig, len);
		for (int k = 0; k < 1 + round % 5; k++) {
			seed = seed * 1103515245u + 12345u;
			text[(seed >> 8) % len] = (char)(seed >> 3);
		}
		if (round % 7 == 0)
			len = (seed >> 4) % len;
		diag_init(&diags);
		land = geo_land_parse("m.txt", text, len, &diags);
		if (land == NULL)
			assert_true(diags.errors > 0 && diags.count > 0 && diags.items[0].line >= 1);
		else
			assert_int_equal(diags.errors, 0);
		geo_land_free(land);
		diag_fini(&diags);
	}
	free(orig);
	free(text);
}

/* ---- reading from a content directory ---- */

static char *temp_dir(void)
{
	char *dir = strdup("/tmp/lgma-geo-XXXXXX"), path[1024];

	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/world", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	return dir;
}

static void remove_dir(char *dir)
{
	char cmd[1100];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(dir);
}

static char *load_error(const char *dir)
{
	struct diag_list diags;
	char *got;

	diag_init(&diags);
	assert_null(geo_land_load(dir, &diags));
	got = diag_text(&diags, NULL);
	diag_fini(&diags);
	return got;
}

static void test_load_missing(void **state)
{
	char *dir = temp_dir(), want[1200], *got;

	(void)state;
	got = load_error(dir);
	snprintf(want, sizeof(want), "%s/world/land.txt:1:1: error: cannot open: No such file or directory", dir);
	assert_contains(got, want);
	free(got);
	remove_dir(dir);
}

static void test_load_symlink_outside(void **state)
{
	char *dir = temp_dir(), path[1100], want[1200], *got;

	(void)state;
	snprintf(path, sizeof(path), "%s/world/land.txt", dir);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	got = load_error(dir);
	snprintf(want, sizeof(want), "%s:1:1: error: refusing a file outside the content directory", path);
	assert_contains(got, want);
	free(got);
	remove_dir(dir);
}

static void test_load_too_large(void **state)
{
	char *dir = temp_dir(), path[1100], want[1200], *got;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/world/land.txt", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fseek(f, GEO_MAX_FILE_SIZE, SEEK_SET), 0);
	fputc('\n', f);
	fclose(f);
	got = load_error(dir);
	snprintf(want, sizeof(want), "%s:1:1: error: file too large: %d bytes, the limit is %d", path,
		 GEO_MAX_FILE_SIZE + 1, GEO_MAX_FILE_SIZE);
	assert_contains(got, want);
	free(got);
	remove_dir(dir);
}

static void test_load_directory(void **state)
{
	char *dir = temp_dir(), path[1100], want[1200], *got;

	(void)state;
	snprintf(path, sizeof(path), "%s/world/land.txt", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	got = load_error(dir);
	snprintf(want, sizeof(want), "%s:1:1: error: not a regular file", path);
	assert_contains(got, want);
	free(got);
	remove_dir(dir);
}

/* ---- the shipped land ---- */

static void test_shipped_file(void **state)
{
	char path[1024];
	struct stat st;
	FILE *f;
	char line[256];
	int source = 0, licence = 0, command = 0;

	(void)state;
	/* About 9 200 vertices in a bit over 100 KB; the brief was "well
	 * under 200 KB". */
	assert_true(shipped->ring_count >= 200);
	assert_true(shipped->point_count >= 5000);
	snprintf(path, sizeof(path), "%s/world/land.txt", LGMA_CONTENT_DIR);
	assert_int_equal(stat(path, &st), 0);
	assert_true(st.st_size < 150 * 1024);
	/* The header says where the data came from, under what terms, and
	 * how to make it again. */
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL && (line[0] == '#' || strncmp(line, "lgma-land", 9) == 0)) {
		source |= strstr(line, "Natural Earth") != NULL && strstr(line, "1:110m") != NULL;
		licence |= strstr(line, "public domain") != NULL;
		command |= strstr(line, "Rscript src/tools/make-land.R content/world/land.txt") != NULL;
	}
	fclose(f);
	assert_true(source);
	assert_true(licence);
	assert_true(command);
}

struct place {
	const char *name;
	double lat, lon;
};

static const struct place lands[] = {
	{"the Sahara", 23.0, 10.0},	       {"Japan (Honshu)", 36.2, 138.25},
	{"central Australia", -25.0, 134.0},   {"the Amazon", -8.0, -60.0},
	{"Siberia", 62.0, 100.0},	       {"the Canadian prairie", 55.0, -105.0},
	{"Greenland", 72.0, -40.0},	       {"India", 22.0, 78.0},
	{"the Congo basin", -2.0, 22.0},       {"the Great Plains", 40.0, -100.0},
	{"Patagonia", -45.0, -69.0},	       {"Tierra del Fuego", -54.0, -68.5},
	{"Madagascar", -19.5, 46.8},	       {"Borneo", 0.5, 114.0},
	{"the Arabian peninsula", 23.0, 46.0}, {"Great Britain", 53.0, -1.5},
};

static const struct place seas[] = {
	{"the mid-Pacific", 0.0, -150.0},      {"the North Atlantic", 30.0, -40.0},
	{"the South Atlantic", -30.0, -15.0},  {"the Indian Ocean", -20.0, 80.0},
	{"the North Pacific", 40.0, -160.0},   {"the Tasman Sea", -38.0, 160.0},
	{"the Southern Ocean", -58.0, 0.0},    {"the Arctic Ocean", 82.0, 0.0},
	{"the Gulf of Mexico", 25.0, -90.0},   {"the Arabian Sea", 15.0, 65.0},
	{"the Bay of Bengal", 15.0, 88.0},     {"the Caspian Sea", 42.0, 51.0},
	{"the Mediterranean", 34.5, 19.0},     {"the Sea of Japan", 40.0, 135.0},
};

/* The dot containing a place on a w x h grid, by the projection formula of
 * geo.h written out here. */
static uint8_t dot_at(const uint8_t *dots, int w, int h, double lat, double lon)
{
	int x = (int)floor((lon + 180.0) * w / 360.0);
	int y = (int)floor((84.0 - lat) * h / (84.0 - -60.0));

	return dots[(size_t)y * (size_t)w + (size_t)x];
}

static void check_places(int w, int h)
{
	uint8_t *dots = malloc((size_t)w * (size_t)h);

	geo_raster(shipped, w, h, dots);
	for (size_t i = 0; i < sizeof(lands) / sizeof(lands[0]); i++)
		if (!dot_at(dots, w, h, lands[i].lat, lands[i].lon))
			fail_msg("%s is sea on a %dx%d raster", lands[i].name, w, h);
	for (size_t i = 0; i < sizeof(seas) / sizeof(seas[0]); i++)
		if (dot_at(dots, w, h, seas[i].lat, seas[i].lon))
			fail_msg("%s is land on a %dx%d raster", seas[i].name, w, h);
	free(dots);
}

/* The dots of a 120x40 map (Braille: 2 x 4 a cell) and finer ones. */
static void test_land_and_sea(void **state)
{
	(void)state;
	check_places(240, 160);
	check_places(400, 240);
	check_places(600, 400);
}

/* About 29 % of the Earth is land; of the band drawn (no Antarctica, little
 * ocean-free Arctic) the share is a bit higher. A fill rule gone wrong (holes
 * filled, or whole rows inverted) lands far from that. */
static void test_land_share(void **state)
{
	int w = 600, h = 400;
	uint8_t *dots = malloc((size_t)w * (size_t)h);
	double land = 0, total = 0;

	(void)state;
	geo_raster(shipped, w, h, dots);
	/* Weight each row by the cosine of its latitude: equal areas. */
	for (int y = 0; y < h; y++) {
		double lat = 84.0 - (y + 0.5) * 144.0 / h, weight = cos(lat * M_PI / 180.0);
		for (int x = 0; x < w; x++) {
			land += dots[(size_t)y * (size_t)w + (size_t)x] * weight;
			total += weight;
		}
	}
	free(dots);
	print_message("# land share of the band: %.1f %%\n", 100.0 * land / total);
	assert_true(land / total > 0.27 && land / total < 0.36);
}

/* Lesotho sits in a hole of South Africa: the hole cancels South Africa
 * and Lesotho fills it again, so the non-zero rule leaves it land. */
static void test_hole_filled_by_lesotho(void **state)
{
	int w = 3600, h = 1440; /* 0.1 degree dots */
	uint8_t *dots = malloc((size_t)w * (size_t)h);

	(void)state;
	geo_raster(shipped, w, h, dots);
	assert_int_equal(dot_at(dots, w, h, -29.5, 28.2), 1);
	free(dots);
}

/* A square ring and a hole inside it, on a grid where the answer can be
 * counted by hand: lon -180..0 is x 0..8 on a 16-dot-wide grid. */
static void test_raster_square_with_hole(void **state)
{
	/* Outer: lon -135..-45 (x 2..6), lat 84-36=48..84-108=-24 (rows of
	 * 144/8 = 18 degrees: y 2..6 on an 8-row grid). Hole: x 3..5, y 3..5,
	 * run the other way. */
	struct geo_land *land = parse_ok("lgma-land 1\n"
					 "ring\n-13500 4800\n-4500 4800\n-4500 -2400\n-13500 -2400\n"
					 "ring\n-11250 3000\n-11250 -600\n-6750 -600\n-6750 3000\n");
	static const char *const want[8] = {
		"................", "................", "..####..........", "..#..#..........",
		"..#..#..........", "..####..........", "................", "................",
	};
	uint8_t dots[16 * 8];

	(void)state;
	geo_raster(land, 16, 8, dots);
	for (int y = 0; y < 8; y++)
		for (int x = 0; x < 16; x++)
			if (dots[y * 16 + x] != (want[y][x] == '#'))
				fail_msg("dot %d,%d is %d", x, y, dots[y * 16 + x]);
	geo_land_free(land);
}

/* Both orientations fill the same: a ring's direction only matters against
 * another ring. */
static void test_raster_orientation(void **state)
{
	struct geo_land *cw = parse_ok("lgma-land 1\nring\n-9000 0\n0 0\n0 -3600\n-9000 -3600\n");
	struct geo_land *ccw = parse_ok("lgma-land 1\nring\n-9000 0\n-9000 -3600\n0 -3600\n0 0\n");
	uint8_t a[40 * 20], b[40 * 20];
	int n = 0;

	(void)state;
	geo_raster(cw, 40, 20, a);
	geo_raster(ccw, 40, 20, b);
	assert_memory_equal(a, b, sizeof(a));
	for (size_t i = 0; i < sizeof(a); i++)
		n += a[i];
	/* lon -90..0 is 10 columns, lat 0..-36 is 5 rows of 7.2 degrees. */
	assert_int_equal(n, 10 * 5);
	geo_land_free(cw);
	geo_land_free(ccw);
}

/* The fill rule is non-zero winding, as the file's header says: where two
 * rings of one direction overlap (two countries' outlines meeting a little
 * over each other), the overlap stays land, where even-odd would punch a
 * hole. */
static void test_raster_overlap(void **state)
{
	/* Clockwise squares lon -90..0 and -45..45 (x 4..8 and 6..10 of 16),
	 * lat 84..12 (y 0..4 of 8, 18 degrees a row). */
	struct geo_land *land = parse_ok("lgma-land 1\n"
					 "ring\n-9000 8400\n0 8400\n0 1200\n-9000 1200\n"
					 "ring\n-4500 8400\n4500 8400\n4500 1200\n-4500 1200\n");
	uint8_t dots[16 * 8];

	(void)state;
	geo_raster(land, 16, 8, dots);
	for (int y = 0; y < 8; y++)
		for (int x = 0; x < 16; x++)
			if (dots[y * 16 + x] != (y < 4 && x >= 4 && x < 10))
				fail_msg("dot %d,%d is %d", x, y, dots[y * 16 + x]);
	geo_land_free(land);
}

static void test_raster_null_land(void **state)
{
	uint8_t dots[10 * 4];

	(void)state;
	memset(dots, 7, sizeof(dots));
	geo_raster(NULL, 10, 4, dots);
	for (size_t i = 0; i < sizeof(dots); i++)
		assert_int_equal(dots[i], 0);
}

/* ---- projection ---- */

static void test_projection(void **state)
{
	double x, y;
	int dx, dy;

	(void)state;
	geo_project(84.0, -180.0, 360, 144, &x, &y);
	assert_true(fabs(x) < 1e-9 && fabs(y) < 1e-9);
	geo_project(-60.0, 180.0, 360, 144, &x, &y);
	assert_true(fabs(x - 360) < 1e-9 && fabs(y - 144) < 1e-9);
	geo_project(0.0, 0.0, 360, 144, &x, &y);
	assert_true(fabs(x - 180) < 1e-9 && fabs(y - 84) < 1e-9);
	/* The east and south edges belong to the last dot. */
	assert_true(geo_dot(-60.0, 180.0, 10, 10, &dx, &dy));
	assert_int_equal(dx, 9);
	assert_int_equal(dy, 9);
	/* Beyond the band: clamped to the border, and said so. */
	assert_false(geo_dot(-77.85, 166.67, 10, 10, &dx, &dy)); /* McMurdo */
	assert_int_equal(dy, 9);
	assert_false(geo_dot(89.0, 0.0, 10, 10, &dx, &dy));
	assert_int_equal(dy, 0);
	assert_int_equal(dx, 5);
}

/* ---- cost ---- */

static double seconds(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* A 300x100-cell Braille map is a 600x400-dot raster; a resize redraws it. */
static void test_raster_speed(void **state)
{
	int w = 600, h = 400, runs = 20;
	uint8_t *dots = malloc((size_t)w * (size_t)h);
	double t0 = seconds(), each;

	(void)state;
	for (int i = 0; i < runs; i++)
		geo_raster(shipped, w, h, dots);
	each = (seconds() - t0) / runs;
	/* The time is a figure, not a verdict: shared machines and valgrind
	 * make any bound flaky. What must hold is a map of land and sea. */
	print_message("# 600x400 raster of the shipped land: %.2f ms\n", each * 1e3);
	assert_true(memchr(dots, 1, (size_t)w * (size_t)h) != NULL);
	assert_true(memchr(dots, 0, (size_t)w * (size_t)h) != NULL);
	free(dots);
}

/* The worst a file within the limits can do: GEO_MAX_POINTS vertices, every
 * edge spanning the whole height, so every row crosses every edge. */
static void test_raster_hostile(void **state)
{
	size_t cap = (size_t)GEO_MAX_POINTS * 16 + 100, n = 0;
	char *text = malloc(cap);
	struct diag_list diags;
	struct geo_land *land;
	int w = 600, h = 400;
	uint8_t *dots = malloc((size_t)w * (size_t)h);
	double t0;

	(void)state;
	n += (size_t)sprintf(text + n, "lgma-land 1\nring\n");
	for (int i = 0; i < GEO_MAX_POINTS; i++)
		n += (size_t)sprintf(text + n, "%d %d\n", -18000 + (int)((long)i * 36000 / GEO_MAX_POINTS),
				     i % 2 ? 9000 : -9000);
	diag_init(&diags);
	land = geo_land_parse("t.txt", text, n, &diags);
	assert_non_null(land);
	t0 = seconds();
	geo_raster(land, w, h, dots);
	/* It ends (meson's timeout would say otherwise) with a raster of
	 * dots; the time is printed as a figure, not asserted. */
	print_message("# 600x400 raster of %d full-height edges: %.0f ms\n", GEO_MAX_POINTS,
		      (seconds() - t0) * 1e3);
	for (size_t i = 0; i < (size_t)w * (size_t)h; i++)
		assert_true(dots[i] <= 1);
	geo_land_free(land);
	diag_fini(&diags);
	free(dots);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_valid),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_comments_only),
		cmocka_unit_test(test_no_header),
		cmocka_unit_test(test_header_glued),
		cmocka_unit_test(test_version),
		cmocka_unit_test(test_no_rings),
		cmocka_unit_test(test_vertex_first),
		cmocka_unit_test(test_short_ring),
		cmocka_unit_test(test_empty_ring_at_end),
		cmocka_unit_test(test_lon_range),
		cmocka_unit_test(test_lat_range),
		cmocka_unit_test(test_not_a_number),
		cmocka_unit_test(test_decimal_point),
		cmocka_unit_test(test_too_many_digits),
		cmocka_unit_test(test_huge_number),
		cmocka_unit_test(test_sign_only),
		cmocka_unit_test(test_missing_lat),
		cmocka_unit_test(test_trailing),
		cmocka_unit_test(test_ring_count),
		cmocka_unit_test(test_unknown_word),
		cmocka_unit_test(test_nul_column),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_escape_in_message),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_too_many_vertices),
		cmocka_unit_test(test_mutations),
		cmocka_unit_test(test_load_missing),
		cmocka_unit_test(test_load_symlink_outside),
		cmocka_unit_test(test_load_too_large),
		cmocka_unit_test(test_load_directory),
		cmocka_unit_test_setup_teardown(test_shipped_file, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_land_and_sea, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_land_share, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_hole_filled_by_lesotho, load_shipped, free_shipped),
		cmocka_unit_test(test_raster_square_with_hole),
		cmocka_unit_test(test_raster_orientation),
		cmocka_unit_test(test_raster_overlap),
		cmocka_unit_test(test_raster_null_land),
		cmocka_unit_test(test_projection),
		cmocka_unit_test_setup_teardown(test_raster_speed, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_raster_hostile, load_shipped, free_shipped),
	};

	/* One group: meson's TAP reader expects a single plan. */
	return cmocka_run_group_tests_name("geo", tests, NULL, NULL);
}
