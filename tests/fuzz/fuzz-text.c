/* Fuzz target: display-safe text (text.h) on arbitrary bytes.
 *
 * Input: any bytes, taken as content text. Asserted, with and without East
 * Asian Ambiguous characters counted wide:
 *   - text_sanitize's output is display-safe (fuzz_check_safe) and at most
 *     TEXT_SANITIZE_GROWTH times the input;
 *   - it is exactly the glyphs of text_glyph_next end to end, each glyph
 *     display-safe, 0 to 2 columns, at most TEXT_GRAPHEME_MAX bytes;
 *   - the columns the glyphs claim are the columns text_width counts on the
 *     output (the layout engine counts the first, the canvas the second);
 *   - sanitising display-safe text changes nothing;
 *   - text_fit never exceeds its columns and cuts between graphemes. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lgma/text.h"

static int glyph_walk(const char *in, size_t n, bool wide, const char *out, size_t out_len)
{
	size_t i = 0, o = 0;
	int cols = 0;

	while (i < n) {
		struct text_glyph g;
		size_t used = text_glyph_next(in + i, n - i, wide, &g);

		FUZZ_CHECK(used >= 1 && used <= n - i, "glyph at %zu consumed %zu of %zu bytes", i, used, n - i);
		FUZZ_CHECK(g.size <= TEXT_GRAPHEME_MAX && g.bytes[g.size] == '\0' &&
				   strlen(g.bytes) == g.size,
			   "glyph at %zu: size %u", i, g.size);
		FUZZ_CHECK(g.width <= 2 && (g.width == 0) == (g.size == 0),
			   "glyph at %zu: %u bytes, %u columns", i, g.size, g.width);
		if (g.size > 0) {
			fuzz_check_safe(g.bytes, g.size, wide, "glyph");
			FUZZ_CHECK(text_width(g.bytes, g.size, wide) == g.width,
				   "glyph at %zu: claims %u columns, text_width counts %d", i, g.width,
				   text_width(g.bytes, g.size, wide));
		}
		FUZZ_CHECK(o + g.size <= out_len && memcmp(out + o, g.bytes, g.size) == 0,
			   "sanitised text differs from the glyphs at output byte %zu", o);
		o += g.size;
		cols += g.width;
		i += used;
	}
	FUZZ_CHECK(o == out_len, "glyphs make %zu bytes, text_sanitize %zu", o, out_len);
	return cols;
}

static void check_fit(const char *s, size_t n, bool wide, int total)
{
	const int widths[] = {0, 1, 2, 3, total / 2, total - 1, total, total + 1};

	for (size_t k = 0; k < sizeof(widths) / sizeof(widths[0]); k++) {
		int used = -1;
		size_t b = text_fit(s, n, widths[k], wide, &used);
		FUZZ_CHECK(b <= n && used >= 0 && (used <= widths[k] || widths[k] < 0),
			   "text_fit to %d columns: %zu bytes, %d columns", widths[k], b, used);
		FUZZ_CHECK(text_width(s, b, wide) == used, "text_fit: %d columns claimed, %d counted", used,
			   text_width(s, b, wide));
		if (widths[k] >= total)
			FUZZ_CHECK(b == n, "text_fit to %d of %d columns left bytes out", widths[k], total);
	}
}

static void one_mode(const char *in, size_t n, bool wide)
{
	size_t len, again_len;
	char *out = text_sanitize(in, n, wide, &len);
	char *again;
	int cols;

	FUZZ_CHECK(len <= n * TEXT_SANITIZE_GROWTH, "%zu bytes became %zu", n, len);
	FUZZ_CHECK(out[len] == '\0', "output not terminated");
	fuzz_check_safe(out, len, wide, "text_sanitize");
	cols = glyph_walk(in, n, wide, out, len);
	FUZZ_CHECK(text_width(out, len, wide) == cols, "glyphs claim %d columns, text_width counts %d", cols,
		   text_width(out, len, wide));
	check_fit(out, len, wide, cols);
	again = text_sanitize(out, len, wide, &again_len);
	FUZZ_CHECK(again_len == len && memcmp(again, out, len) == 0, "sanitising safe text changed it");
	free(again);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one_mode((const char *)data, size, false);
	one_mode((const char *)data, size, true);
	return 0;
}
