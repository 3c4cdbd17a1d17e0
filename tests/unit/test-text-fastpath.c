/* text_glyph_next's fast path for printable ASCII and common CJK must give
 * exactly what the general path gives (text_glyph_next_general), for every
 * character of the Basic Multilingual Plane followed by every kind of
 * neighbour: the fast path must neither take a character it cannot judge
 * alone nor swallow a mark, selector or joiner that follows. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>
#include <unistr.h>

#include "lgma/text.h"

/* After the character: nothing, ASCII, kana, kanji, fullwidth, a combining
 * mark, a voiced sound mark, a variation selector, an ideographic variation
 * selector, ZWJ, an emoji modifier, a keycap, invalid and truncated bytes. */
static const char *const followers[] = {
	"", "a", " ", "\xE3\x81\x82", "\xE4\xB8\x80", "\xEF\xBC\x81", "\xCC\x81", "\xE3\x82\x99",
	"\xEF\xB8\x8F", "\xF3\xA0\x84\x81", "\xE2\x80\x8D", "\xF0\x9F\x8F\xBD", "\xE2\x83\xA3", "\xFF", "\xE3\x81",
};

static void check_same(const char *s, size_t n, ucs4_t c)
{
	for (int amb = 0; amb < 2; amb++) {
		struct text_glyph fast, general;
		size_t a, b;
		memset(&fast, 0x55, sizeof(fast));
		memset(&general, 0x55, sizeof(general));
		a = text_glyph_next(s, n, amb, &fast);
		b = text_glyph_next_general(s, n, amb, &general);
		if (a != b || fast.size != general.size || fast.width != general.width || fast.flags != general.flags ||
		    memcmp(fast.bytes, general.bytes, fast.size + 1) != 0)
			fail_msg("U+%04X (%zu bytes of input): the fast path gives %zu/%u/%u/%u, the general one "
				 "%zu/%u/%u/%u (consumed/size/width/flags)",
				 c, n, a, fast.size, fast.width, fast.flags, b, general.size, general.width, general.flags);
	}
}

static void test_fast_path_agrees(void **state)
{
	size_t checked = 0;

	(void)state;
	for (ucs4_t c = 0x20; c <= 0xFFFF; c++) {
		uint8_t s[4];
		int n;
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		n = u8_uctomb(s, c, sizeof(s));
		for (size_t f = 0; f < sizeof(followers) / sizeof(followers[0]); f++) {
			char buf[16];
			size_t k = strlen(followers[f]);
			memcpy(buf, s, (size_t)n);
			memcpy(buf + n, followers[f], k);
			check_same(buf, (size_t)n + k, c);
			checked++;
		}
	}
	assert_true(checked > 900000);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fast_path_agrees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
