/* Display-safe text on input built to make glyphs run together: the
 * columns the glyphs claim (what the layout engine counts) must be the
 * columns of the sanitised text as the canvas cuts it into graphemes
 * again. Each case here is one the text fuzz target (tests/fuzz/) found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lgma/canvas.h"
#include "lgma/text.h"

static int glyph_columns(const char *s, size_t n, bool wide)
{
	int cols = 0;

	for (size_t i = 0; i < n;) {
		struct text_glyph g;
		i += text_glyph_next(s + i, n - i, wide, &g);
		cols += g.width;
	}
	return cols;
}

/* The canvas gets the same columns as the glyphs, cell by cell. */
static void assert_columns_agree(const char *s)
{
	for (int wide = 0; wide < 2; wide++) {
		size_t len;
		char *safe = text_sanitize(s, strlen(s), wide, &len);
		int glyphs = glyph_columns(s, strlen(s), wide);
		struct canvas c;

		if (text_width(safe, len, wide) != glyphs)
			fail_msg("glyphs claim %d columns, the sanitised text has %d: %s", glyphs,
				 text_width(safe, len, wide), safe);
		canvas_init(&c, 1, 40, wide);
		assert_int_equal(canvas_put(&c, 0, 0, safe, len, CANVAS_NORMAL, 40), glyphs);
		canvas_fini(&c);
		free(safe);
	}
}

/* An emoji modifier or a spacing mark with no base of its own, after
 * something the sanitiser had to draw differently (a caret control, U+FFFD
 * for a bad byte, a tab's space, a dropped invisible character). */
static void test_modifier_after_replacement(void **state)
{
	(void)state;
	assert_columns_agree("\x01\xf0\x9f\x8f\xbd");	  /* ^A 🏽 */
	assert_columns_agree("\xff\xf0\x9f\x8f\xbd");	  /* bad byte, 🏽 */
	assert_columns_agree("a\xe2\x80\x8b\xf0\x9f\x8f\xbd"); /* a ZWSP 🏽 */
	assert_columns_agree("\t\xe0\xa4\x83");		  /* tab, DEVANAGARI SIGN VISARGA */
	assert_columns_agree("\x7f\xe0\xa4\xbe");		  /* DEL, DEVANAGARI VOWEL SIGN AA */
}

/* A prepended concatenation mark before a wide character. */
static void test_prepend_before_wide(void **state)
{
	(void)state;
	assert_columns_agree("\xd8\x80\xe6\x97\xa5");	  /* U+0600 日 */
	assert_columns_agree("x\xd8\x80\x01\xe6\x97\xa5"); /* U+0600 at a control */
}

/* A leading jamo with no vowel, then a syllable once the character between
 * them is dropped. */
static void test_lone_leading_jamo(void **state)
{
	(void)state;
	assert_columns_agree("\xe1\x84\x80\xe2\x80\x8b\xea\xb0\x80");	 /* ᄀ ZWSP 가 */
	assert_columns_agree("\xe1\x84\x80\xe2\x80\x8b\xe1\x84\x80");	 /* ᄀ ZWSP ᄀ */
	assert_columns_agree("\xe1\x84\x80\xd8\x80\xea\xb0\x80");	 /* ᄀ U+0600 가 */
	assert_columns_agree("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8"); /* a whole syllable */
}

/* Characters of width 0 that do not join a no-break space: vowel and
 * final jamo with no leading one, interlinear annotation and Egyptian
 * format controls. Shown on a no-break space they were two graphemes. */
static void test_zero_width_that_joins_nothing(void **state)
{
	(void)state;
	assert_columns_agree("\xe3\x80\x82\xe1\x86\xa8"); /* 。 U+11A8 */
	assert_columns_agree("x\xe1\x85\xa1y");		 /* U+1161 */
	assert_columns_agree("\xef\xbf\xb9" "a\xef\xbf\xbb");	 /* U+FFF9 a U+FFFB */
	assert_columns_agree("\xf0\x93\x90\xb0");		 /* U+13430 */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modifier_after_replacement),
		cmocka_unit_test(test_prepend_before_wide),
		cmocka_unit_test(test_lone_leading_jamo),
		cmocka_unit_test(test_zero_width_that_joins_nothing),
	};

	return cmocka_run_group_tests_name("text-hostile", tests, NULL, NULL);
}
