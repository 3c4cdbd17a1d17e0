/* The canvas: graphemes too long to be kept in a cell (emoji with a skin
 * tone, letters with several marks) read back whole wherever they are
 * painted, overwritten or cut in half, and the pool that holds them never
 * grows past one slot a cell however long a canvas is painted without
 * being cleared. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lgma/canvas.h"

#define THUMB_TONED "\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD" /* U+1F44D U+1F3FD: 8 bytes, 2 columns */
#define A_MARKS "a\xCC\x81\xCC\xA3"			/* a, U+0301, U+0323: 5 bytes, 1 column */
#define E_MARKS "e\xCC\x81\xCC\xA3\xCC\x88"		/* e and three marks: 7 bytes, 1 column */

static void put(struct canvas *c, int row, int col, const char *s)
{
	canvas_put(c, row, col, s, strlen(s), CANVAS_NORMAL, c->cols);
}

static void row_is(const struct canvas *c, int row, const char *expected)
{
	char *text = canvas_row_text(c, row);

	assert_string_equal(text, expected);
	free(text);
}

static void test_long_graphemes_read_back(void **state)
{
	struct canvas c;

	(void)state;
	canvas_init(&c, 2, 10, false);
	put(&c, 0, 0, "x" THUMB_TONED E_MARKS A_MARKS "y");
	assert_string_equal(canvas_text_at(&c, 0, 0), "x");
	assert_string_equal(canvas_text_at(&c, 0, 1), THUMB_TONED);
	assert_int_equal(canvas_cell_const(&c, 0, 1)->width, 2);
	assert_string_equal(canvas_text_at(&c, 0, 2), "");
	assert_string_equal(canvas_text_at(&c, 0, 3), E_MARKS);
	assert_string_equal(canvas_text_at(&c, 0, 4), A_MARKS);
	assert_string_equal(canvas_text_at(&c, 0, 5), "y");
	/* Outside the grid there is nothing, not a neighbour's text. */
	assert_string_equal(canvas_text_at(&c, 0, 10), "");
	assert_string_equal(canvas_text_at(&c, -1, 0), "");
	assert_string_equal(canvas_text_at(&c, 2, 0), "");
	row_is(&c, 0, "x" THUMB_TONED E_MARKS A_MARKS "y");
	row_is(&c, 1, "");
	canvas_fini(&c);
}

static void test_overwriting_keeps_each_cell_its_own(void **state)
{
	struct canvas c;

	(void)state;
	canvas_init(&c, 1, 8, false);
	put(&c, 0, 0, E_MARKS E_MARKS THUMB_TONED);
	put(&c, 0, 1, "z"); /* a long grapheme replaced by a short one */
	put(&c, 0, 0, THUMB_TONED); /* and one by another */
	row_is(&c, 0, THUMB_TONED THUMB_TONED);
	/* Half of a wide cell overwritten: the other half becomes a blank. */
	put(&c, 0, 3, E_MARKS);
	row_is(&c, 0, THUMB_TONED " " E_MARKS);
	assert_string_equal(canvas_text_at(&c, 0, 2), " ");
	assert_int_equal(canvas_cell_const(&c, 0, 2)->width, 1);
	canvas_fini(&c);
}

static void test_pool_is_bounded_without_clearing(void **state)
{
	struct canvas c;

	(void)state;
	canvas_init(&c, 2, 3, false);
	for (int i = 0; i < 10000; i++) {
		int row = i % 2, col = (i / 2) % 3;
		put(&c, row, col, i % 3 == 0 ? E_MARKS : i % 3 == 1 ? THUMB_TONED : "q");
	}
	assert_true(c.pool_count <= 2 * 3); /* slots ever made: no more than cells */
	for (int row = 0; row < 2; row++)
		for (int col = 0; col < 3; col++) {
			const char *t = canvas_text_at(&c, row, col);
			assert_true(strcmp(t, E_MARKS) == 0 || strcmp(t, THUMB_TONED) == 0 || strcmp(t, "q") == 0 ||
				    strcmp(t, "") == 0 || strcmp(t, " ") == 0);
		}
	canvas_fini(&c);
}

static void test_clear_and_resize_blank_every_cell(void **state)
{
	struct canvas c;

	(void)state;
	canvas_init(&c, 2, 4, false);
	put(&c, 0, 0, E_MARKS THUMB_TONED);
	put(&c, 1, 0, THUMB_TONED E_MARKS);
	canvas_clear(&c);
	row_is(&c, 0, "");
	row_is(&c, 1, "");
	assert_int_equal(c.pool_count, 0);
	put(&c, 1, 1, A_MARKS E_MARKS);
	row_is(&c, 1, " " A_MARKS E_MARKS);
	canvas_resize(&c, 3, 5);
	for (int row = 0; row < 3; row++)
		for (int col = 0; col < 5; col++)
			assert_string_equal(canvas_text_at(&c, row, col), " ");
	canvas_fini(&c);
}

/* canvas_put wants display-safe text; given a control by mistake, the cell
 * must still read back what it was given, not be taken for a pooled one. */
static void test_marker_byte_reads_back(void **state)
{
	struct canvas c;

	(void)state;
	canvas_init(&c, 1, 4, false);
	put(&c, 0, 0, THUMB_TONED);
	canvas_put(&c, 0, 2, "\x01", 1, CANVAS_NORMAL, 2);
	assert_string_equal(canvas_text_at(&c, 0, 0), THUMB_TONED);
	assert_string_equal(canvas_text_at(&c, 0, 2), "\x01");
	canvas_fini(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_graphemes_read_back),
		cmocka_unit_test(test_overwriting_keeps_each_cell_its_own),
		cmocka_unit_test(test_pool_is_bounded_without_clearing),
		cmocka_unit_test(test_clear_and_resize_blank_every_cell),
		cmocka_unit_test(test_marker_byte_reads_back),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
