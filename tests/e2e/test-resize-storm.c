/* A resize storm: 1 000 window sizes from 1x1 to 300x100 in quick
 * succession, keys arriving between them, as a tiling window manager or a
 * dragged corner produces. lgma must stay alive, and when the storm is
 * over its screen must be right for the last size: the title bar across
 * row 0 with the language at its right end, the status line and the key
 * hints on the last two rows, text between, no row wider than the
 * terminal.
 *
 * The sizes come from a fixed seed (E2E_SEED=N in the environment picks
 * another; a failure prints the one it used). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e-lgma.h"

enum {
	STORM = 1000,
	MAX_ROWS = 100,
	MAX_COLS = 300,
};


/* A small deterministic generator, the same on every libc. */
static uint32_t next_random(uint32_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int between(uint32_t *s, int lo, int hi)
{
	return lo + (int)(next_random(s) % (uint32_t)(hi - lo + 1));
}

/* Keys that move about without quitting: lines, pages, open, menu,
 * language, two languages, help and out of it, the sections by number. */
static void some_key(struct vt *vt, uint32_t *s)
{
	static const enum vt_key keys[] = {VT_KEY_DOWN, VT_KEY_UP, VT_KEY_PGDN, VT_KEY_PGUP, VT_KEY_ENTER,
					   VT_KEY_TAB, VT_KEY_HOME, VT_KEY_END};
	static const char *const texts[] = {"L", "B", "?", "x", "1", "2", "3", " "};
	uint32_t r = next_random(s) % 16;

	if (r < 8)
		assert_int_equal(vt_key(vt, keys[r], 0), 0);
	else
		assert_int_equal(vt_type(vt, texts[r - 8]), 0);
}

/* The cell looks like the title bar's: reverse, or a background colour.
 * The right half of a wide character counts as its left half: libvterm
 * 0.1.4 leaves that cell's attributes as they were before the character
 * came. */
static bool bar_cell(struct vt *vt, int row, int col)
{
	struct vt_cell c;

	assert_true(vt_cell_at(vt, row, col, &c));
	if (c.width == 0 && col > 0)
		assert_true(vt_cell_at(vt, row, col - 1, &c));
	return c.reverse || !c.bg_default;
}

static void expect_final_screen(struct vt *vt)
{
	int rows, cols, last = -1, body = 0;
	const char *title;

	vt_size(vt, &rows, &cols);
	e2e_check_screen(vt);
	/* The title bar spans the whole first row... */
	for (int c = 0; c < cols; c++)
		if (!bar_cell(vt, 0, c)) {
			vt_dump(vt, stderr);
			fail_msg("row 0, column %d is not part of the title bar", c);
		}
	/* ...and ends with the language and one blank: lgma knows the width. */
	title = vt_row_text(vt, 0);
	for (int c = 0; c < cols; c++) {
		struct vt_cell cell;

		vt_cell_at(vt, 0, c, &cell);
		if (cell.text[0] != '\0' && strcmp(cell.text, " ") != 0)
			last = c + (cell.width == 2);
	}
	if (last != cols - 2)
		fail_msg("the title bar \"%s\" ends at column %d, not %d", title, last, cols - 2);
	/* The status line above the hints: a bar, then the position in
	 * plain cells at the right end; the hints on the last row. */
	for (int c = 0, plain = 0; c < cols; c++) {
		plain += !bar_cell(vt, rows - 2, c);
		if (c == 0 ? plain > 0 : bar_cell(vt, rows - 2, c) && plain > 0)
			fail_msg("row %d, column %d: not a bar, then the position", rows - 2, c);
	}
	if (bar_cell(vt, rows - 2, cols - 2) || vt_row_text(vt, rows - 2)[strlen(vt_row_text(vt, rows - 2)) - 1] == ' ')
		fail_msg("no position at the end of the status line: \"%s\"", vt_row_text(vt, rows - 2));
	if (vt_row_text(vt, rows - 1)[0] != ' ' || vt_row_text(vt, rows - 1)[1] == ' ' || bar_cell(vt, rows - 1, 1))
		fail_msg("no key hints on the last row: \"%s\"", vt_row_text(vt, rows - 1));
	for (int r = 1; r < rows - 2; r++)
		body += vt_row_text(vt, r)[0] != '\0';
	assert_true(body > 0);
}

static void test_resize_storm(void **state)
{
	const char *seed_env = getenv("E2E_SEED");
	uint32_t seed = seed_env != NULL ? (uint32_t)strtoul(seed_env, NULL, 10) : 20240611u;
	uint32_t s = seed ? seed : 1;
	struct vt *vt = e2e_spawn(24, 80, NULL, E2E_ARGS("--content", e2e_fixture_dir));
	int rows = 24, cols = 80;
	char st;

	(void)state;
	fprintf(stderr, "# E2E_SEED=%u\n", seed);
	e2e_expect_text(vt, "甲の節");
	for (int i = 0; i < STORM; i++) {
		if (i == STORM - 1) {
			/* The last size is one where every part of the screen
			 * is there to check. */
			rows = between(&s, 8, MAX_ROWS);
			cols = between(&s, 40, MAX_COLS);
		} else {
			rows = between(&s, 1, MAX_ROWS);
			cols = between(&s, 1, MAX_COLS);
		}
		assert_int_equal(vt_resize(vt, rows, cols), 0);
		if (next_random(&s) % 2)
			some_key(vt, &s);
	}
	/* No key after the storm: the last resize alone must bring the screen
	 * up to date (in whatever view the keys left it; the help too has
	 * its title bar, status line and hints). */
	assert_int_equal(vt_wait_quiet(vt, 300, 20000), VT_QUIET);
	st = e2e_proc_state(vt_pid(vt));
	assert_true(st != 0 && st != 'Z');
	expect_final_screen(vt);
	fprintf(stderr, "# final size %dx%d, %zu bytes in all\n", cols, rows, vt_total(vt).bytes);
	/* q closes the help when the keys left it open. */
	if (e2e_on_screen(vt, "キー操作") || e2e_on_screen(vt, "Keys"))
		e2e_type(vt, "x");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	vt_close(vt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_resize_storm),
	};

	return cmocka_run_group_tests_name("resize-storm", tests, e2e_fixture_setup, e2e_fixture_teardown);
}
