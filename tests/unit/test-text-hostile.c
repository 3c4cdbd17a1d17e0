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

#include <unigbrk.h>
#include <unistr.h>

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
	/* An emoji sequence on a leading jamo shows its base alone. */
	assert_columns_agree("\xe1\x84\x80\xcc\x81\xef\xb8\x8f\xe2\x80\x8b\xea\xb0\x80");
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

/* Format characters that are not default-ignorable (interlinear
 * annotation, Egyptian hieroglyph format controls) reach no terminal:
 * terminals draw them as nothing, a box or a column. */
static void test_format_characters_are_dropped(void **state)
{
	static const char *const format[] = {"\xef\xbf\xb9", "\xef\xbf\xba", "\xef\xbf\xbb",
					     "\xf0\x93\x90\xb0", "\xf0\x91\x82\xbd"};

	(void)state;
	for (size_t i = 0; i < sizeof(format) / sizeof(format[0]); i++) {
		char in[32];
		size_t len;
		char *safe;

		snprintf(in, sizeof(in), "a%sb", format[i]);
		safe = text_sanitize(in, strlen(in), false, &len);
		assert_string_equal(safe, "ab");
		free(safe);
	}
}

/* A combining keycap with no base: on a no-break space it made an emoji
 * keycap sequence, which text.h keeps off the screen (and sanitising the
 * result again took the keycap away: the output was not display-safe). */
static void test_lone_keycap(void **state)
{
	(void)state;
	for (int wide = 0; wide < 2; wide++) {
		size_t len, again_len;
		char *safe = text_sanitize("\xe4\xe2\x83\xa3", 4, wide, &len);
		char *again = text_sanitize(safe, len, wide, &again_len);

		assert_null(strstr(safe, "\xe2\x83\xa3"));
		assert_int_equal(again_len, len);
		assert_memory_equal(again, safe, len);
		free(again);
		free(safe);
	}
	assert_columns_agree("\x01\xe2\x83\xa3");
}

/* Whether glyph g, drawn between two copies of probe, starts and ends on
 * grapheme cluster boundaries of the result (as the canvas cuts it). */
static bool stands_alone(const struct text_glyph *g, const char *probe)
{
	char buf[64];
	size_t p = strlen(probe), len = 2 * p + g->size, at = 0;
	const uint8_t *s = (const uint8_t *)buf;
	bool start = false, end = false;

	memcpy(buf, probe, p);
	memcpy(buf + p, g->bytes, g->size);
	memcpy(buf + p + g->size, probe, p);
	while (at < len) {
		start |= at == p;
		end |= at == p + g->size;
		at = (size_t)(u8_grapheme_next(s + at, s + len) - s);
	}
	return start && end;
}

/* Every code point alone: its glyph is as wide as it claims and joins
 * neither a glyph before nor one after it, whatever those are among what
 * glyphs can be (a letter, U+FFFD, a tab's space, a caret, a syllable, a
 * no-break space). */
static void test_every_code_point(void **state)
{
	static const char *const probes[] = {"A", "\xef\xbf\xbd", " ", "^", "\xea\xb0\x80", "\xc2\xa0"};

	(void)state;
	for (ucs4_t c = 1; c <= 0x10FFFF; c++) {
		uint8_t in[4];
		int n;

		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = u8_uctomb(in, c, sizeof(in));
		for (int wide = 0; wide < 2; wide++) {
			struct text_glyph g;
			text_glyph_next((const char *)in, (size_t)n, wide, &g);
			if (g.size == 0)
				continue;
			if (text_width(g.bytes, g.size, wide) != g.width)
				fail_msg("U+%04X: glyph claims %u columns, has %d", (unsigned)c, g.width,
					 text_width(g.bytes, g.size, wide));
			for (size_t p = 0; p < sizeof(probes) / sizeof(probes[0]) && !wide; p++)
				if (!stands_alone(&g, probes[p]))
					fail_msg("U+%04X: its glyph joins the glyph %s next to it", (unsigned)c,
						 probes[p]);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_modifier_after_replacement),
		cmocka_unit_test(test_prepend_before_wide),
		cmocka_unit_test(test_lone_leading_jamo),
		cmocka_unit_test(test_zero_width_that_joins_nothing),
		cmocka_unit_test(test_format_characters_are_dropped),
		cmocka_unit_test(test_lone_keycap),
		cmocka_unit_test(test_every_code_point),
	};

	return cmocka_run_group_tests_name("text-hostile", tests, NULL, NULL);
}
