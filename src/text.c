#include "lgma/text.h"

#include <string.h>
#include <unictype.h>
#include <unigbrk.h>
#include <unistr.h>
#include <uniwidth.h>

#include "ambiguous.h" /* generated from Unicode's EastAsianWidth.txt */
#include "lgma/xalloc.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

static bool is_ambiguous(uint32_t c)
{
	size_t lo = 0, hi = sizeof(ambiguous_ranges) / sizeof(ambiguous_ranges[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < ambiguous_ranges[mid].first)
			hi = mid;
		else if (c > ambiguous_ranges[mid].last)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

int text_char_width(uint32_t c, bool ambiguous_wide)
{
	int w = uc_width(c, "UTF-8");

	/* Not uc_width with a CJK encoding: that widens every non-ASCII
	 * character (Braille, Cyrillic, é), where CJK terminals widen only
	 * the East Asian Ambiguous ones. */
	if (ambiguous_wide && w == 1 && is_ambiguous(c))
		return 2;
	return w;
}

static bool is_emoji_sequence_part(ucs4_t c)
{
	return uc_is_property_join_control(c) || uc_is_property_variation_selector(c) ||
	       uc_is_property_emoji_modifier(c) || c == 0x20E3 /* combining keycap */ ||
	       (c >= 0xE0020 && c <= 0xE007F) /* tag characters of flag sequences */;
}

/* Format characters too (the interlinear annotation marks U+FFF9..FFFB are
 * not default-ignorable): terminals draw them as nothing, as a box or as a
 * column, so no width for them is right everywhere. */
static bool is_invisible(ucs4_t c)
{
	return uc_is_property_bidi_control(c) || uc_is_property_default_ignorable_code_point(c) ||
	       uc_is_general_category(c, UC_CATEGORY_Cf);
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

/* Wide characters that are a whole grapheme cluster whenever the next
 * character is ASCII or another of them: kana, the common ideographs, CJK
 * and fullwidth punctuation. None is combining, emoji, ambiguous or
 * invisible, so they skip the general path (tests/unit/test-text-fastpath.c
 * checks that both paths agree on every one). Returns the character, or 0. */
static ucs4_t plain_wide(const uint8_t *s, size_t n)
{
	ucs4_t c;

	if (n < 3 || s[0] < 0xE3 || s[0] > 0xEF || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
		return 0;
	c = ((ucs4_t)(s[0] & 0x0F) << 12) | ((ucs4_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
	if ((c >= 0x3001 && c <= 0x3029) || (c >= 0x3041 && c <= 0x3096) || (c >= 0x309D && c <= 0x30FF) ||
	    (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xFF01 && c <= 0xFF60))
		return c;
	return 0;
}

/* The glyph of a printable ASCII or plain wide character that is a cluster
 * on its own, or 0 when the general path must decide. */
static size_t glyph_fast(const uint8_t *s, size_t n, struct text_glyph *g)
{
	if (s[0] >= 0x20 && s[0] < 0x7f) {
		if (n > 1 && s[1] >= 0x80 && !plain_wide(s + 1, n - 1))
			return 0;
		g->bytes[0] = (char)s[0];
		g->bytes[1] = '\0';
		g->size = 1;
		g->width = 1;
		g->flags = 0;
		return 1;
	}
	if (!plain_wide(s, n) || (n > 3 && s[3] >= 0x80 && !plain_wide(s + 3, n - 3)))
		return 0;
	memcpy(g->bytes, s, 3);
	g->bytes[3] = '\0';
	g->size = 3;
	g->width = 2;
	g->flags = 0;
	return 3;
}

size_t text_glyph_next(const char *str, size_t n, bool ambiguous_wide, struct text_glyph *g)
{
	size_t size = glyph_fast((const uint8_t *)str, n, g);

	return size > 0 ? size : text_glyph_next_general(str, n, ambiguous_wide, g);
}

size_t text_glyph_next_general(const char *str, size_t n, bool ambiguous_wide, struct text_glyph *g)
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
	/* The line and paragraph separators are line breaks too; terminals
	 * give them no width (wcwidth -1). */
	if (base == '\t' || base == '\n' || base == 0x2028 || base == 0x2029) {
		set_glyph(g, " ", 1, 1, TEXT_GLYPH_REPLACED);
		return (size_t)base_len;
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
