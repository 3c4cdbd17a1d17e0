#include "lgma/text.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "lgma/xalloc.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

int text_char_width(uint32_t c, bool ambiguous_wide)
{
	/* libunistring counts East Asian Ambiguous as wide for CJK encodings. */
	return uc_width(c, ambiguous_wide ? "EUC-JP" : "UTF-8");
}

static bool is_emoji_sequence_part(ucs4_t c)
{
	return uc_is_property_join_control(c) || uc_is_property_variation_selector(c) ||
	       uc_is_property_emoji_modifier(c) || c == 0x20E3 /* combining keycap */ ||
	       (c >= 0xE0020 && c <= 0xE007F) /* tag characters of flag sequences */;
}

static bool is_invisible(ucs4_t c)
{
	return uc_is_property_bidi_control(c) || uc_is_property_default_ignorable_code_point(c);
}

/* A glyph is drawn right after the one before it, so its first character
 * must not join that glyph's cluster and its last must not take in the
 * next one: the canvas cuts the concatenated text into graphemes again and
 * would count a joined pair with one width (the layout counted two). These
 * classes join the cluster before them: marks, spacing marks, emoji
 * modifiers, vowel and final jamo. */
static bool joins_previous(int gbp)
{
	return gbp == GBP_EXTEND || gbp == GBP_SPACINGMARK || gbp == GBP_ZWJ || gbp == GBP_V ||
	       gbp == GBP_T || gbp == GBP_EM;
}

static void set_glyph(struct text_glyph *g, const char *bytes, size_t size, int width, uint8_t flags)
{
	memcpy(g->bytes, bytes, size);
	g->bytes[size] = '\0';
	g->size = (uint8_t)size;
	g->width = (uint8_t)width;
	g->flags = flags;
}

static void set_char(struct text_glyph *g, ucs4_t c, bool ambiguous_wide, uint8_t flags)
{
	uint8_t buf[6];
	int n = u8_uctomb(buf, c, sizeof(buf));

	set_glyph(g, (const char *)buf, (size_t)n, text_char_width(c, ambiguous_wide), flags);
}

/* C0 controls and DEL as caret notation (^[ for ESC): visible, two ASCII
 * columns everywhere, and never an escape sequence. */
static void set_control(struct text_glyph *g, ucs4_t c, bool ambiguous_wide)
{
	char caret[3] = {'^', (char)(c == 0x7f ? '?' : c + '@'), '\0'};

	if (c < 0x20 || c == 0x7f)
		set_glyph(g, caret, 2, 2, TEXT_GLYPH_REPLACED | TEXT_GLYPH_CONTROL);
	else
		set_glyph(g, REPLACEMENT, 3, text_char_width(0xFFFD, ambiguous_wide),
			  TEXT_GLYPH_REPLACED | TEXT_GLYPH_CONTROL);
}

/* A flag (two regional indicators) as its two ASCII letters, "JP"; a lone
 * indicator as its letter. Returns the bytes consumed, 0 if not a flag. */
static size_t set_flag(struct text_glyph *g, const uint8_t *s, size_t n)
{
	ucs4_t a, b;
	int la = u8_mbtoucr(&a, s, n), lb;
	char letters[3] = {0};

	if (la <= 0 || !uc_is_property_regional_indicator(a))
		return 0;
	letters[0] = (char)('A' + (a - 0x1F1E6));
	lb = (size_t)la < n ? u8_mbtoucr(&b, s + la, n - (size_t)la) : -1;
	if (lb <= 0 || !uc_is_property_regional_indicator(b)) {
		set_glyph(g, letters, 1, 1, TEXT_GLYPH_REPLACED | TEXT_GLYPH_EMOJI_SEQUENCE);
		return (size_t)la;
	}
	letters[1] = (char)('A' + (b - 0x1F1E6));
	set_glyph(g, letters, 2, 2, TEXT_GLYPH_REPLACED | TEXT_GLYPH_EMOJI_SEQUENCE);
	return (size_t)(la + lb);
}

/* libunistring 1.0 ends a cluster before a zero-width joiner's emoji
 * (Unicode's rule GB11 came later): keep "👨‍👩‍👧" together ourselves. */
static size_t extend_zwj(const uint8_t *s, size_t size, size_t n)
{
	for (;;) {
		ucs4_t c;
		const uint8_t *last = u8_prev(&c, s + size, s);
		int len;

		if (last == NULL || !uc_is_property_join_control(c)) {
			/* The joiner may also start the next cluster. */
			len = size < n ? u8_mbtoucr(&c, s + size, n - size) : -1;
			if (len <= 0 || !uc_is_property_join_control(c))
				return size;
			size += (size_t)len;
		}
		if (size >= n || u8_mbtoucr(&c, s + size, n - size) <= 0 || !uc_is_property_emoji(c))
			return size;
		size = (size_t)(u8_grapheme_next(s + size, s + n) - s);
	}
}

static bool has_emoji_sequence_part(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, s + i, n - i);
		if (len <= 0)
			return false;
		if (is_emoji_sequence_part(c) || uc_is_property_regional_indicator(c))
			return true;
		i += (size_t)len;
	}
	return false;
}

/* Base character plus as many whole combining marks as fit; the rest of a
 * run of 10 000 marks is dropped rather than stretching a cell. */
static void set_cluster(struct text_glyph *g, const uint8_t *s, size_t n, int base_len, int width)
{
	size_t keep = (size_t)base_len;

	while (keep < n) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, s + keep, n - keep);
		if (len <= 0 || keep + (size_t)len > TEXT_GRAPHEME_MAX || is_invisible(c) ||
		    uc_width(c, "UTF-8") != 0)
			break;
		keep += (size_t)len;
	}
	set_glyph(g, (const char *)s, keep, width, keep < n ? TEXT_GLYPH_REPLACED : 0);
}

size_t text_glyph_next(const char *str, size_t n, bool ambiguous_wide, struct text_glyph *g)
{
	const uint8_t *s = (const uint8_t *)str;
	ucs4_t base;
	int base_len = u8_mbtoucr(&base, s, n);
	size_t size;
	int width, gbp;

	if (base_len < 0) { /* invalid or truncated UTF-8: one byte at a time */
		set_glyph(g, REPLACEMENT, 3, text_char_width(0xFFFD, ambiguous_wide), TEXT_GLYPH_REPLACED);
		return 1;
	}
	if (base == '\t' || base == '\n') {
		set_glyph(g, " ", 1, 1, TEXT_GLYPH_REPLACED);
		return 1;
	}
	if (base < 0x20 || (base >= 0x7f && base < 0xa0)) {
		set_control(g, base, ambiguous_wide);
		return (size_t)base_len;
	}
	gbp = uc_graphemeclusterbreak_property(base);
	/* A prepended concatenation mark (U+0600...) joins whatever follows
	 * it, and terminals have no way to draw it over the digits anyway. */
	if (is_invisible(base) || gbp == GBP_PREPEND) {
		set_glyph(g, "", 0, 0, TEXT_GLYPH_REPLACED);
		return (size_t)base_len;
	}
	if ((size = set_flag(g, s, n)) > 0)
		return size;
	size = extend_zwj(s, (size_t)(u8_grapheme_next(s, s + n) - s), n);
	width = text_char_width(base, ambiguous_wide);
	if (width <= 0 && (gbp == GBP_EXTEND || gbp == GBP_ZWJ || gbp == GBP_SPACINGMARK) &&
	    !is_emoji_sequence_part(base)) {
		/* A mark with no base: show it on a no-break space, which it
		 * joins into one cluster (a keycap would make an emoji
		 * sequence of it). */
		char shown[2 + 4] = "\xC2\xA0";
		memcpy(shown + 2, s, (size_t)base_len);
		set_glyph(g, shown, 2 + (size_t)base_len, 1, TEXT_GLYPH_REPLACED);
		return (size_t)base_len;
	}
	/* A spacing mark or emoji modifier with no base; a vowel or final jamo
	 * with no leading one (it would not join a no-break space). */
	if (width <= 0 || joins_previous(gbp)) {
		set_glyph(g, REPLACEMENT, 3, text_char_width(0xFFFD, ambiguous_wide), TEXT_GLYPH_REPLACED);
		return (size_t)base_len;
	}
	/* A cluster may hide invalid bytes after its first character. */
	if (size <= (size_t)base_len || size > n || u8_check(s, size) != NULL)
		size = (size_t)base_len;
	if (uc_is_property_not_a_character(base)) {
		set_glyph(g, REPLACEMENT, 3, text_char_width(0xFFFD, ambiguous_wide), TEXT_GLYPH_REPLACED);
		return size;
	}
	if (has_emoji_sequence_part(s + base_len, size - (size_t)base_len))
		set_char(g, base, ambiguous_wide, TEXT_GLYPH_REPLACED | TEXT_GLYPH_EMOJI_SEQUENCE);
	else
		set_cluster(g, s, size, base_len, width);
	/* A leading jamo with no vowel kept would join a syllable drawn next. */
	if (gbp == GBP_L && g->size == (size_t)base_len)
		set_glyph(g, REPLACEMENT, 3, text_char_width(0xFFFD, ambiguous_wide), TEXT_GLYPH_REPLACED);
	return size;
}

size_t text_sanitize_into(const char *s, size_t n, bool ambiguous_wide, char *out)
{
	size_t i = 0, o = 0;

	while (i < n) {
		struct text_glyph g;
		i += text_glyph_next(s + i, n - i, ambiguous_wide, &g);
		memcpy(out + o, g.bytes, g.size);
		o += g.size;
	}
	out[o] = '\0';
	return o;
}

char *text_sanitize(const char *s, size_t n, bool ambiguous_wide, size_t *len)
{
	char *out = xmalloc(n * TEXT_SANITIZE_GROWTH + 1);
	size_t o = text_sanitize_into(s, n, ambiguous_wide, out);

	if (len != NULL)
		*len = o;
	return out;
}

size_t text_grapheme_size(const char *str, size_t n)
{
	const uint8_t *s = (const uint8_t *)str;
	size_t size = (size_t)(u8_grapheme_next(s, s + n) - s);

	return size == 0 ? 1 : size;
}

int text_grapheme_width(const char *str, size_t n, bool ambiguous_wide)
{
	ucs4_t c;
	int len = u8_mbtoucr(&c, (const uint8_t *)str, n);
	int w;

	if (len <= 0)
		return 1;
	w = text_char_width(c, ambiguous_wide);
	return w < 1 ? 1 : w;
}

int text_width(const char *s, size_t n, bool ambiguous_wide)
{
	int width = 0;

	for (size_t i = 0; i < n;) {
		size_t size = text_grapheme_size(s + i, n - i);
		width += text_grapheme_width(s + i, size, ambiguous_wide);
		i += size;
	}
	return width;
}

size_t text_fit(const char *s, size_t n, int cols, bool ambiguous_wide, int *used)
{
	size_t i = 0;
	int width = 0;

	while (i < n) {
		size_t size = text_grapheme_size(s + i, n - i);
		int w = text_grapheme_width(s + i, size, ambiguous_wide);
		if (width + w > cols)
			break;
		width += w;
		i += size;
	}
	if (used != NULL)
		*used = width;
	return i;
}
