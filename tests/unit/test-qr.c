/* QR codes: what is drawn scans back to the text. The canvas cells are
 * turned into a picture here (dark glyph on light cell, as the shell shows
 * role CANVAS_QR) and read by zbarimg, an independent decoder; a code that
 * does not scan is a bug. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lgma/load.h"
#include "lgma/qr.h"

static struct content *shipped;

static int setup(void **state)
{
	struct diag_list diags;

	(void)state;
	if (system("zbarimg --version >/dev/null 2>&1") != 0) {
		fprintf(stderr, "zbarimg is missing: install zbar-tools (.ci/install-deps does)\n");
		return -1;
	}
	diag_init(&diags);
	shipped = load_content_dir(LGMA_CONTENT_DIR, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	return shipped == NULL ? -1 : 0;
}

static int teardown(void **state)
{
	(void)state;
	content_free(shipped);
	return 0;
}

/* ---- from cells to a picture to text ---- */

enum {
	PX_COL = 4,	/* pixels of one terminal column */
	PX_HALF_ROW = 4, /* pixels of half a row: cells are twice as tall as wide */
	MARGIN = 8,	/* light pixels round the picture */
};

/* Whether the upper or lower half of a cell is dark, from its glyph alone. */
static void halves(const struct canvas_cell *cell, bool *top, bool *bottom)
{
	*top = strcmp(cell->text, "\xE2\x96\x80") == 0 || strcmp(cell->text, "\xE2\x96\x88") == 0;
	*bottom = strcmp(cell->text, "\xE2\x96\x84") == 0 || strcmp(cell->text, "\xE2\x96\x88") == 0;
}

/* Writes the canvas as a plain PBM (1 = black), a wide cell drawn across
 * both its columns. */
static void write_pbm(const struct canvas *c, const char *path)
{
	int w = c->cols * PX_COL + 2 * MARGIN, h = c->rows * 2 * PX_HALF_ROW + 2 * MARGIN;
	unsigned char *px = calloc((size_t)w * (size_t)h, 1);
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	for (int r = 0; r < c->rows; r++) {
		for (int col = 0; col < c->cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(c, r, col);
			bool top, bottom;

			if (cell->width == 0)
				continue;
			halves(cell, &top, &bottom);
			for (int y = 0; y < 2 * PX_HALF_ROW; y++) {
				bool dark = y < PX_HALF_ROW ? top : bottom;
				for (int x = 0; x < cell->width * PX_COL; x++)
					px[(size_t)(MARGIN + r * 2 * PX_HALF_ROW + y) * (size_t)w +
					   (size_t)(MARGIN + col * PX_COL + x)] = dark;
			}
		}
	}
	fprintf(f, "P1\n%d %d\n", w, h);
	for (int y = 0; y < h; y++) {
		for (int x = 0; x < w; x++)
			fputc(px[(size_t)y * (size_t)w + (size_t)x] ? '1' : '0', f);
		fputc('\n', f);
	}
	fclose(f);
	free(px);
}

/* What zbarimg reads in the picture of c, into a malloc'd string; NULL when
 * it finds no code. */
static char *scan(const struct canvas *c)
{
	char path[] = "/tmp/lgma-qr-XXXXXX", cmd[256], *out = calloc(8192, 1);
	int fd = mkstemp(path);
	size_t n;
	FILE *p;

	assert_true(fd >= 0);
	close(fd);
	write_pbm(c, path);
	snprintf(cmd, sizeof(cmd), "zbarimg --quiet --raw -Sdisable -Sqrcode.enable '%s' 2>/dev/null", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(out, 1, 8191, p);
	pclose(p);
	unlink(path);
	if (n == 0) {
		free(out);
		return NULL;
	}
	/* zbarimg ends each code's text with a newline. */
	if (out[n - 1] == '\n')
		out[n - 1] = '\0';
	return out;
}

static const char *const level_names = "LMQH";

/* Paints text into rect of a rows x cols canvas, checks it scans back. */
static struct qr_result paint_and_scan(const char *text, int rows, int cols, struct canvas_rect rect,
				       bool ambiguous_wide)
{
	struct canvas c;
	struct qr_result res;
	char *got;

	canvas_init(&c, rows, cols, ambiguous_wide);
	if (!qr_paint(&c, rect, text, &res))
		fail_msg("no code drawn for '%s' in %dx%d (needs %dx%d)", text, rect.cols, rect.rows,
			 res.need_cols, res.need_rows);
	assert_int_equal(res.status, QR_DRAWN);
	got = scan(&c);
	if (got == NULL)
		fail_msg("the code of '%s' does not scan", text);
	assert_string_equal(got, text);
	free(got);
	canvas_fini(&c);
	return res;
}

/* ---- the offices' codes ---- */

/* The offices screen at 80x24 leaves 80x22 under the title and above the
 * status line: every web address must scan from there, at either width of
 * the block characters. */
static void test_web_addresses_at_80x24(void **state)
{
	int tested = 0;

	(void)state;
	for (int wide = 0; wide < 2; wide++) {
		for (size_t i = 0; i < shipped->office_count; i++) {
			const struct content_office *o = &shipped->offices[i];
			struct qr_result res;
			char *text;

			if (o->web == NULL)
				continue;
			text = qr_office_text(o);
			res = paint_and_scan(text, 24, 80, (struct canvas_rect){1, 0, 22, 80}, wide);
			print_message("# %-12s %-6s %-36s level %c, version %d, %d modules with the quiet zone, "
				      "%dx%d cells\n",
				      o->id, wide ? "wide" : "narrow", text, level_names[res.level], res.version,
				      res.modules, res.drawn.cols, res.drawn.rows);
			free(text);
			tested++;
		}
	}
	assert_int_equal(tested, 2 * 11);
}

/* The longest shipped address, 34 bytes, holds at most level H in version 4
 * (ISO/IEC 18004's byte-mode capacity: 34): 33 + 8 modules, 41x21 cells;
 * at double width only 80 columns are there, so level M in version 3
 * (capacity 42; Q holds 32) at 74x19. */
static void test_levels_chosen(void **state)
{
	struct qr_result res;

	(void)state;
	res = paint_and_scan("https://southasiaoffice.iclei.org/", 24, 80, (struct canvas_rect){1, 0, 22, 80},
			     false);
	assert_int_equal(res.level, QR_LEVEL_H);
	assert_int_equal(res.version, 4);
	assert_int_equal(res.modules, 41);
	assert_int_equal(res.drawn.cols, 41);
	assert_int_equal(res.drawn.rows, 21);
	/* Centred. */
	assert_int_equal(res.drawn.col, (80 - 41) / 2);
	assert_int_equal(res.drawn.row, 1 + (22 - 21) / 2);
	res = paint_and_scan("https://southasiaoffice.iclei.org/", 24, 80, (struct canvas_rect){1, 0, 22, 80},
			     true);
	assert_int_equal(res.level, QR_LEVEL_M);
	assert_int_equal(res.version, 3);
	assert_int_equal(res.drawn.cols, 74);
	assert_int_equal(res.drawn.rows, 19);
}

/* Four light modules round the code: the two top and bottom cell rows and
 * four columns each side are blank cells of role CANVAS_QR. */
static void test_quiet_zone(void **state)
{
	struct canvas c;
	struct qr_result res;
	struct canvas_rect d;

	(void)state;
	canvas_init(&c, 24, 80, false);
	assert_true(qr_paint(&c, (struct canvas_rect){1, 0, 22, 80}, "https://japan.iclei.org/", &res));
	d = res.drawn;
	for (int r = d.row; r < d.row + d.rows; r++) {
		for (int col = d.col; col < d.col + d.cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(&c, r, col);
			/* Modules 2k and 2k + 1 share cell row k; 25 + 4v modules
			 * a side is odd, so the last row has one, off the code. */
			bool edge = r < d.row + 2 || r >= d.row + d.rows - 2 || col < d.col + 4 ||
				    col >= d.col + d.cols - 4;
			assert_int_equal(cell->role, CANVAS_QR);
			if (edge && strcmp(cell->text, " ") != 0)
				fail_msg("quiet zone cell %d,%d is '%s'", r, col, cell->text);
		}
	}
	/* Outside the code, the rectangle is blank and not CANVAS_QR. */
	assert_int_equal(canvas_cell_const(&c, 1, 0)->role, CANVAS_NORMAL);
	assert_int_equal(canvas_cell_const(&c, d.row, d.col - 1)->role, CANVAS_NORMAL);
	canvas_fini(&c);
}

/* Offices with no web address get their e-mail or address: these scan too,
 * given the room (the longest address does not fit in 80x22). */
static void test_other_offices(void **state)
{
	(void)state;
	for (size_t i = 0; i < shipped->office_count; i++) {
		const struct content_office *o = &shipped->offices[i];
		struct qr_result res;
		char *text;

		if (o->web != NULL)
			continue;
		text = qr_office_text(o);
		assert_non_null(text);
		res = paint_and_scan(text, 60, 200, (struct canvas_rect){0, 0, 60, 200}, false);
		print_message("# %-12s address, %zu bytes: level %c, version %d; fits 80x22 at level L: %s\n", o->id,
			      strlen(text), level_names[res.level], res.version,
			      res.need_cols <= 80 && res.need_rows <= 22 ? "yes" : "no");
		free(text);
	}
}

/* ---- too small, too long ---- */

static void test_too_small(void **state)
{
	static const char url[] = "https://southasiaoffice.iclei.org/";
	struct canvas c;
	struct qr_result res;
	char *before, *after;

	(void)state;
	/* At level L, 34 bytes need version 3 (version 2 holds 32): 29 + 8
	 * modules, so 37x19 cells, or 74x19 at double width. */
	canvas_init(&c, 24, 80, false);
	canvas_fill(&c, 5, 0, 80, 'X', CANVAS_NORMAL);
	before = canvas_row_text(&c, 5);
	assert_false(qr_paint(&c, (struct canvas_rect){0, 0, 18, 80}, url, &res));
	assert_int_equal(res.status, QR_TOO_SMALL);
	assert_int_equal(res.need_cols, 37);
	assert_int_equal(res.need_rows, 19);
	assert_false(qr_paint(&c, (struct canvas_rect){0, 0, 24, 36}, url, &res));
	after = canvas_row_text(&c, 5);
	assert_string_equal(before, after); /* untouched */
	/* Exactly the size asked for: drawn, at the highest level version 3
	 * has for 34 bytes, M (capacity 42; Q holds 32). */
	assert_true(qr_paint(&c, (struct canvas_rect){0, 0, 19, 37}, url, &res));
	assert_int_equal(res.version, 3);
	assert_int_equal(res.level, QR_LEVEL_M);
	canvas_fini(&c);
	free(before);
	free(after);

	canvas_init(&c, 24, 80, true);
	assert_false(qr_paint(&c, (struct canvas_rect){0, 0, 24, 73}, url, &res));
	assert_int_equal(res.need_cols, 74);
	assert_int_equal(res.need_rows, 19);
	/* A rectangle that pokes out of the canvas gives no room either. */
	assert_false(qr_paint(&c, (struct canvas_rect){10, 0, 22, 80}, url, &res));
	assert_int_equal(res.status, QR_TOO_SMALL);
	canvas_fini(&c);
}

static void test_too_long(void **state)
{
	/* The largest code (version 40, level L) holds 2953 bytes. */
	char *text = malloc(3001);
	struct canvas c;
	struct qr_result res;

	(void)state;
	for (int i = 0; i < 3000; i++)
		text[i] = (char)('a' + i % 26);
	text[3000] = '\0';
	canvas_init(&c, 200, 400, false);
	assert_false(qr_paint(&c, (struct canvas_rect){0, 0, 200, 400}, text, &res));
	assert_int_equal(res.status, QR_TOO_LONG);
	assert_int_equal(res.need_cols, 0);
	text[2900] = '\0';
	assert_true(qr_paint(&c, (struct canvas_rect){0, 0, 200, 400}, text, &res));
	assert_int_equal(res.version, 40);
	canvas_fini(&c);
	free(text);
}

/* The glyphs' widths are text.h's, as qr.h says: one column, two in
 * ambiguous-wide mode, and a module takes that many columns. */
static void test_block_widths(void **state)
{
	struct canvas c;
	int cols, rows;

	(void)state;
	for (uint32_t ch = 0x2580; ch <= 0x2588; ch += 4) {
		assert_int_equal(text_char_width(ch, false), 1);
		assert_int_equal(text_char_width(ch, true), 2);
	}
	canvas_init(&c, 1, 1, true);
	qr_cells(&c, 41, &cols, &rows);
	assert_int_equal(cols, 82);
	assert_int_equal(rows, 21);
	canvas_fini(&c);
}

/* ---- what an office's code holds ---- */

static void test_office_text(void **state)
{
	static const char *lines[] = {"1 Main St", "Town"};
	struct content_office o;
	char *s;

	(void)state;
	memset(&o, 0, sizeof(o));
	o.web = "https://japan.iclei.org/";
	o.email = "a@b.org";
	s = qr_office_text(&o);
	assert_string_equal(s, "https://japan.iclei.org/");
	free(s);
	o.web = "www.iclei.org";
	s = qr_office_text(&o);
	assert_string_equal(s, "http://www.iclei.org");
	free(s);
	o.web = "www.example.org:8080/x";
	s = qr_office_text(&o);
	assert_string_equal(s, "http://www.example.org:8080/x");
	free(s);
	o.web = NULL;
	s = qr_office_text(&o);
	assert_string_equal(s, "mailto:a@b.org");
	free(s);
	o.email = NULL;
	o.address.lines = lines;
	o.address.count = 2;
	s = qr_office_text(&o);
	assert_string_equal(s, "1 Main St\nTown");
	free(s);
	o.address.count = 0;
	assert_null(qr_office_text(&o));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_web_addresses_at_80x24),
		cmocka_unit_test(test_levels_chosen),
		cmocka_unit_test(test_quiet_zone),
		cmocka_unit_test(test_other_offices),
		cmocka_unit_test(test_too_small),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_block_widths),
		cmocka_unit_test(test_office_text),
	};

	/* One group: meson's TAP reader expects a single plan. */
	return cmocka_run_group_tests_name("qr", tests, setup, teardown);
}
