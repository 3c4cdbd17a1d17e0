/* The layout engine: worked examples of each rule, then properties that must
 * hold for the shipped content and for generated hostile text at every width
 * from 1 to 200. Widths are measured here with glibc's wcwidth (or, for
 * East Asian Ambiguous = wide, libunistring's u8_width with a CJK encoding),
 * never through text.h, which the engine uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unilbrk.h>
#include <unistr.h>
#include <uniwidth.h>
#include <wchar.h>

#include "lgma/layout.h"
#include "lgma/load.h"
#include "lgma/text.h"

/* ---- helpers ---- */

static struct layout *lay(const char *s, int width)
{
	struct layout_options opt = {.width = width};

	return layout_new(s, strlen(s), &opt);
}

/* The layout as text: lines joined by '\n', each with its indent. */
static char *render(const struct layout *l)
{
	char *buf = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&buf, &size);

	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *line = layout_line(l, i);
		fprintf(f, "%s%*s%.*s", i ? "\n" : "", line->indent, "", (int)line->length, line->text);
	}
	fclose(f);
	return buf;
}

static void check_render(const char *src, int width, const char *expected)
{
	struct layout *l = lay(src, width);
	char *got = render(l);

	if (strcmp(got, expected) != 0)
		fail_msg("width %d, %s\nexpected:\n%s\ngot:\n%s", width, src, expected, got);
	free(got);
	layout_free(l);
}

/* ---- paragraphs, soft breaks, lists ---- */

static void test_paragraphs(void **state)
{
	struct layout *l = lay("\n\n  one\n\n\n\ntwo  \n\n", 20);

	(void)state;
	assert_int_equal(layout_line_count(l), 3);
	assert_int_equal(layout_paragraph_count(l), 2);
	assert_int_equal(layout_line(l, 1)->kind, LAYOUT_LINE_BLANK);
	assert_int_equal(layout_line(l, 1)->paragraph, 0);
	assert_int_equal(layout_line(l, 2)->paragraph, 1);
	assert_int_equal(layout_paragraph_line(l, 1), 2);
	layout_free(l);
	check_render("one\n\ntwo", 20, "one\n\ntwo");
	check_render(" \t \n", 20, "");
}

static void test_soft_breaks(void **state)
{
	(void)state;
	check_render("climate\naction", 40, "climate action");
	check_render("climate   \n   action", 40, "climate action");
	check_render("気候変動\n対策", 40, "気候変動対策");
	check_render("交渉。\n「パリ協定」", 40, "交渉。「パリ協定」");
	check_render("日本語\nEnglish", 40, "日本語 English");
	check_render("COP\n議長国", 40, "COP 議長国");
	/* Korean puts spaces between words although Hangul is wide. */
	check_render("지방\n정부", 40, "지방 정부");
}

static void test_lists(void **state)
{
	struct layout_options ascii = {.width = 40, .ascii = true};
	struct layout *l;
	char *got;

	(void)state;
	check_render("Intro:\n- one\n- two\ncontinued\n\n- three\n\nAfter.", 40,
		     "Intro:\n\n• one\n• two continued\n• three\n\nAfter.");
	/* The hanging indent lines continuation lines up under the text. */
	check_render("- aaa bbb ccc", 7, "• aaa\n  bbb\n  ccc");
	check_render("  -\tindented marker", 40, "• indented marker");
	check_render("-no space is not a list", 40, "-no space is not a list");
	l = layout_new("- one\n- two", 11, &ascii);
	got = render(l);
	assert_string_equal(got, "- one\n- two");
	assert_int_equal(layout_paragraph_count(l), 2);
	assert_int_equal(layout_line(l, 1)->paragraph, 1);
	free(got);
	layout_free(l);
	/* Too narrow for a bullet beside the text. */
	check_render("- ab", 3, "-ab");
	check_render("- ab", 2, "-a\nb");
	check_render("- 日本", 2, "-\n日\n本");
	check_render("- ab", 1, "-\na\nb");
}

static void test_tabs(void **state)
{
	(void)state;
	check_render("a\tb", 40, "a       b");
	check_render("abc\tdef\tg", 40, "abc     def     g");
	check_render("日本\tx", 40, "日本    x");
	/* A tab at a break hangs like a space. */
	check_render("abcd\tefgh", 6, "abcd\nefgh");
}

/* ---- line breaking ---- */

static void test_latin_breaking(void **state)
{
	(void)state;
	check_render("the quick brown fox", 10, "the quick\nbrown fox");
	check_render("the quick brown fox", 9, "the quick\nbrown fox");
	check_render("well-known words", 10, "well-known\nwords");
	check_render("well-known words", 9, "well-\nknown\nwords");
	/* Spaces at a break hang: never shown, never counted. */
	check_render("aaaa      bbbb", 4, "aaaa\nbbbb");
	/* A word longer than the line breaks at a grapheme boundary. */
	check_render("abcdefghij", 4, "abcd\nefgh\nij");
	check_render("e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2, "e\xCC\x81" "e\xCC\x81\ne\xCC\x81");
	check_render("see https://example.com/a/very/long/path/name", 12,
		     "see https://\nexample.com/\na/very/long/\npath/name");
	check_render("https://example.com/averyveryverylongpathname", 12,
		     "https://\nexample.com/\naveryveryver\nylongpathnam\ne");
}

static void test_kinsoku(void **state)
{
	static const char text[] = "ちょっとした工夫、バス停のベンチ。「以上」ー々ァ";

	(void)state;
	/* Opportunities: ちょっ|と|し|た|工|夫、|バ|ス|停|の|ベ|ン|チ。|「以|上」ー々ァ */
	check_render(text, 10, "ちょっとし\nた工夫、バ\nス停のベン\nチ。「以\n上」ー々ァ");
	/* 夫、 cannot part; 上」ー々ァ is one run, broken where it must be */
	check_render(text, 8, "ちょっと\nした工\n夫、バス\n停のベン\nチ。「以\n上」ー々\nァ");
	/* After a space UAX #14 would start a line with ・ or ー; not here. */
	check_render("ab cd ・ef", 7, "ab\ncd ・ef");
	check_render("ab cd ーef", 7, "ab\ncd ーef");
	check_render("ab cd ぁef", 7, "ab\ncd ぁef");
	check_render("ab cd ：ef", 7, "ab\ncd ：ef");
	check_render("ab cd\xE2\x80\x8B々ef", 6, "ab\ncd々ef"); /* after a zero width space */
}

static void test_forced_breaks_keep_kinsoku(void **state)
{
	(void)state;
	/* 上上上」 has no opportunity; breaking before 」 would start a line
	 * with it, so the forced break comes one character earlier. */
	check_render("上上上」", 6, "上上\n上」");
	/* ( may not end a line. */
	check_render("abc(def", 4, "abc\n(def");
	/* Nothing to back off to: break anyway rather than overflow. */
	check_render("」」」」", 4, "」」\n」」");
}

static void test_narrow_widths(void **state)
{
	(void)state;
	check_render("日本", 1, "?\n?");
	check_render("日本", 2, "日\n本");
	check_render("a日b", 1, "a\n?\nb");
	check_render("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5", 1, "?"); /* the flag JP as "JP" is 2 wide */
}

static void test_emoji_never_split(void **state)
{
	static const char family[] = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7";
	char src[256];
	struct layout *l;

	(void)state;
	snprintf(src, sizeof(src), "%s%s%s", family, family, family);
	l = lay(src, 3);
	assert_int_equal(layout_line_count(l), 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(layout_line(l, i)->src_start, i * (sizeof(family) - 1));
		/* shown as its first emoji: the form every terminal agrees on */
		assert_int_equal(layout_line(l, i)->length, 4);
		assert_memory_equal(layout_line(l, i)->text, "\xF0\x9F\x91\xA8", 4);
		assert_int_equal(layout_line(l, i)->width, 2);
	}
	layout_free(l);
	check_render("\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xAB\xF0\x9F\x87\xB7", 3, "JP\nFR");
}

static void test_hostile_bytes(void **state)
{
	(void)state;
	check_render("a\x1b[31mb", 40, "a^[[31mb");
	check_render("\xC2\x9B" "31m", 40, "\xEF\xBF\xBD" "31m");
	check_render("x\xE2\x80\xAEy\xE2\x81\xA6z", 40, "xyz"); /* bidi controls dropped */
	check_render("bad\xFF\xC3", 40, "bad\xEF\xBF\xBD\xEF\xBF\xBD");
	check_render("a\rb\r\nc", 40, "a b c");
	/* A line separator ends a line. */
	check_render("one\xE2\x80\xA8two", 40, "one\ntwo");
}

/* ---- maps from source to lines and columns ---- */

static void test_columns(void **state)
{
	struct layout *l = lay("foo bar\nbaz qux", 7);
	int a, b;

	(void)state;
	/* foo bar / baz qux */
	assert_int_equal(layout_line_count(l), 2);
	/* "bar\nbaz" crosses the soft break: highlighted on both lines. */
	assert_true(layout_columns(l, 0, 4, 11, &a, &b));
	assert_int_equal(a, 4);
	assert_int_equal(b, 7);
	assert_true(layout_columns(l, 1, 4, 11, &a, &b));
	assert_int_equal(a, 0);
	assert_int_equal(b, 3);
	assert_false(layout_columns(l, 1, 0, 3, &a, &b));
	assert_true(layout_columns(l, 0, 3, 4, &a, &b)); /* a space inside the line */
	assert_int_equal(a, 3);
	assert_int_equal(b, 4);
	assert_false(layout_columns(l, 0, 7, 8, &a, &b)); /* the soft break hangs */
	assert_int_equal(layout_line_at(l, 0), 0);
	assert_int_equal(layout_line_at(l, 7), 0); /* a soft break: the line it ends */
	assert_int_equal(layout_line_at(l, 14), 1);
	assert_int_equal(layout_line_at(l, 1000), 1);
	layout_free(l);

	/* CJK across a soft break, and a hanging indent. */
	l = lay("- 日本\n語です", 6);
	/* • 日本 / 語です: the bullet is 1 + 1 columns */
	assert_true(layout_columns(l, 0, 5, 12, &a, &b)); /* 本\n語 */
	assert_int_equal(a, 4);
	assert_int_equal(b, 6);
	assert_int_equal(layout_line(l, 1)->indent, 2);
	assert_true(layout_columns(l, 1, 5, 12, &a, &b));
	assert_int_equal(a, 2);
	assert_int_equal(b, 4);
	layout_free(l);

	/* A tab is one source byte shown as several columns. */
	l = lay("a\tb", 40);
	assert_true(layout_columns(l, 0, 1, 2, &a, &b));
	assert_int_equal(a, 1);
	assert_int_equal(b, 8);
	assert_true(layout_columns(l, 0, 2, 3, &a, &b));
	assert_int_equal(a, 8);
	assert_int_equal(b, 9);
	layout_free(l);

	/* Any byte of a grapheme selects all of it. */
	l = lay("xe\xCC\x81y", 40);
	assert_true(layout_columns(l, 0, 3, 4, &a, &b));
	assert_int_equal(a, 1);
	assert_int_equal(b, 2);
	layout_free(l);
	l = lay("one\n\ntwo", 40);
	assert_int_equal(layout_line_at(l, 4), 2); /* between paragraphs: the next one */
	layout_free(l);
	l = lay("", 40);
	assert_int_equal(layout_line_count(l), 0);
	assert_int_equal(layout_line_at(l, 5), 0);
	layout_free(l);
}

static void test_spans(void **state)
{
	static const char text[] = "See https://example.com/a_(b). Mail info@iclei.org, or www.iclei.org!\n"
				   "Not: http:// alone, x@y, foo.www.bar, 「https://jp.example/」です。";
	struct layout *l = lay(text, 40);
	static const char *const want[] = {"https://example.com/a_(b)", "info@iclei.org", "www.iclei.org",
					   "https://jp.example/"};

	(void)state;
	assert_int_equal(layout_span_count(l), 4);
	for (size_t i = 0; i < 4; i++) {
		const struct layout_span *s = layout_span(l, i);
		assert_int_equal(s->end - s->start, strlen(want[i]));
		assert_memory_equal(text + s->start, want[i], strlen(want[i]));
		assert_int_equal(s->kind, i == 1 ? LAYOUT_SPAN_EMAIL : LAYOUT_SPAN_URL);
	}
	layout_free(l);
}

/* A NUL byte is no character of an address (strchr finds the terminator). */
static void test_span_stops_at_nul(void **state)
{
	static const char text[] = "item\0info@iclei.org";
	struct layout_span *spans;

	(void)state;
	assert_int_equal(layout_find_spans(text, sizeof(text) - 1, &spans), 1);
	assert_int_equal(spans[0].start, 5);
	assert_int_equal(spans[0].end, sizeof(text) - 1);
	free(spans);
}

/* ---- properties ---- */

/* JIS X 4051 (JLREQ cl-02, 04, 05, 06, 07, 09, 10 and 11): never at the
 * start of a line. The test's own list, not the engine's. */
static bool prohibited_start(ucs4_t c)
{
	static const char chars[] = "」』）】〕〉》］｝〙〗〟’”｠»)]}、。，．・：；？！‼⁇⁈⁉,.:;?!"
				    "ーｰヽヾゝゞ々〻゠〜"
				    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ";
	for (const uint8_t *p = (const uint8_t *)chars; *p;) {
		ucs4_t k;
		p += u8_mbtouc(&k, p, 4);
		if (k == c)
			return true;
	}
	return false;
}

/* JLREQ cl-01: never at the end of a line. */
static bool prohibited_end(ucs4_t c)
{
	static const char chars[] = "「『（【〔〈《［｛〘〖〝｟«‘“([{";
	for (const uint8_t *p = (const uint8_t *)chars; *p;) {
		ucs4_t k;
		p += u8_mbtouc(&k, p, 4);
		if (k == c)
			return true;
	}
	return false;
}

static bool is_bidi_control(ucs4_t c)
{
	return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	       (c >= 0x2066 && c <= 0x2069);
}

/* The East Asian Ambiguous ranges, read here from Unicode's data file on
 * their own (not through the table the program is built with): what a CJK
 * terminal draws two columns wide. */
static struct {
	unsigned first, last;
} ambiguous_ranges[512];
static size_t ambiguous_count;

static void read_ambiguous(void)
{
	FILE *f = fopen("/usr/share/unicode/EastAsianWidth.txt", "r");
	char line[256];

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		unsigned a, b;
		char prop[4];
		if (sscanf(line, "%x..%x;%3s", &a, &b, prop) == 3 && strcmp(prop, "A") == 0)
			;
		else if (sscanf(line, "%x;%3s", &a, prop) == 2 && strcmp(prop, "A") == 0)
			b = a;
		else
			continue;
		assert_true(ambiguous_count < sizeof(ambiguous_ranges) / sizeof(ambiguous_ranges[0]));
		ambiguous_ranges[ambiguous_count].first = a;
		ambiguous_ranges[ambiguous_count++].last = b;
	}
	fclose(f);
	assert_true(ambiguous_count > 100);
}

static bool is_ambiguous(unsigned c)
{
	for (size_t i = 0; i < ambiguous_count; i++)
		if (c >= ambiguous_ranges[i].first && c <= ambiguous_ranges[i].last)
			return true;
	return false;
}

/* A terminal's width of one character: glibc's, and two for an ambiguous
 * character when the terminal draws those wide. */
static int char_columns(unsigned c, int narrow, bool ambiguous_wide)
{
	return ambiguous_wide && narrow == 1 && is_ambiguous(c) ? 2 : narrow;
}

/* Columns of a line's text as a terminal counts them; fails on anything a
 * terminal would not print. */
static int measure(const char *s, size_t n, bool ambiguous_wide)
{
	mbstate_t st;
	int w = 0;

	memset(&st, 0, sizeof(st));
	if (u8_check((const uint8_t *)s, n) != NULL)
		fail_msg("invalid UTF-8 in a line: %.*s", (int)n, s);
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		int cw;
		if (k == 0 || k > n - i)
			fail_msg("cannot decode a line at byte %zu: %.*s", i, (int)n, s);
		cw = wcwidth(wc);
		if (cw < 0 || wc == 0x1B || wc == 0x7F || (wc >= 0x80 && wc < 0xA0) || is_bidi_control((ucs4_t)wc))
			fail_msg("unprintable U+%04X in a line: %.*s", (unsigned)wc, (int)n, s);
		i += k;
		w += char_columns((unsigned)wc, cw, ambiguous_wide);
	}
	return w;
}

static bool is_ri(ucs4_t c)
{
	return c >= 0x1F1E6 && c <= 0x1F1FF;
}

static bool is_sequence_glue(ucs4_t c)
{
	return c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0x1F3FB && c <= 0x1F3FF) || c == 0x20E3 ||
	       (c >= 0xE0020 && c <= 0xE007F);
}

/* The character at s[i], U+FFFD for a bad byte. */
static ucs4_t char_at(const char *s, size_t n, size_t i, int *len)
{
	ucs4_t c;
	int k = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);

	*len = k > 0 ? k : 1;
	return k > 0 ? c : 0xFFFD;
}

static ucs4_t char_before(const char *s, size_t i)
{
	ucs4_t c = 0;

	if (i > 0 && u8_prev(&c, (const uint8_t *)s + i, (const uint8_t *)s) == NULL)
		c = 0xFFFD;
	return c;
}

/* A line may start at source offset b: a grapheme boundary (libunistring's,
 * which is finer than the engine's for emoji sequences), outside an emoji
 * sequence and between flag pairs. */
static void check_boundary(const char *src, size_t n, const char *gbrk, size_t b)
{
	ucs4_t before, at;
	int len;

	if (b == 0 || b >= n)
		return;
	/* Invalid bytes are no grapheme: text.h shows each as U+FFFD, where
	 * libunistring may group a bad sequence. */
	if (u8_mbtoucr(&at, (const uint8_t *)src + b, n - b) < 0 ||
	    (b > 0 && u8_prev(&before, (const uint8_t *)src + b, (const uint8_t *)src) == NULL) ||
	    ((unsigned char)src[b] & 0xC0) == 0x80)
		return;
	before = char_before(src, b);
	at = char_at(src, n, b, &len);
	if (!gbrk[b]) {
		/* text.h shows each mark of a run with no base on its own */
		if (uc_width(at, "UTF-8") == 0 && uc_width(before, "UTF-8") == 0)
			return;
		fail_msg("line starts inside a grapheme at byte %zu", b);
	}
	if (is_sequence_glue(at) || before == 0x200D)
		fail_msg("line starts inside an emoji sequence at byte %zu", b);
	if (is_ri(before) && is_ri(at)) {
		size_t run = 0, i = b;
		while (i >= 4 && is_ri(char_before(src, i))) {
			run++;
			i -= 4;
		}
		if (run % 2 != 0)
			fail_msg("line splits a flag at byte %zu", b);
	}
}

/* Columns of source bytes [a, e) (no newlines), trailing spaces not
 * counted. */
static int source_width(const char *src, size_t a, size_t e, bool ambiguous_wide)
{
	int w = 0, trailing = 0;

	for (size_t i = a; i < e;) {
		int len;
		ucs4_t c = char_at(src, e, i, &len);
		int cw = char_columns(c, uc_width(c, "UTF-8"), ambiguous_wide);
		if (c == ' ') {
			trailing += 1;
		} else {
			w += trailing + (cw > 0 ? cw : 0);
			trailing = 0;
		}
		i += (size_t)len;
	}
	return w;
}

/* For a text with no soft breaks: a line that starts with a character
 * kinsoku forbids there (or follows one that may not end a line) must come
 * from a run with no allowed break that is wider than the line. */
static void check_kinsoku(const char *src, size_t n, const struct layout *l, int width, bool ambiguous_wide)
{
	char *brk = malloc(n + 1);

	u8_possible_linebreaks((const uint8_t *)src, n, "UTF-8", brk);
	for (size_t i = 0; i < n; i++) {
		int len;
		if (brk[i] == UC_BREAK_POSSIBLE &&
		    (prohibited_start(char_at(src, n, i, &len)) || prohibited_end(char_before(src, i))))
			brk[i] = UC_BREAK_PROHIBITED;
	}
	for (size_t i = 1; i < layout_line_count(l); i++) {
		const struct layout_line *line = layout_line(l, i), *prev = layout_line(l, i - 1);
		size_t b = line->src_start, from, to, shown_end = prev->src_end;
		int len;
		if (line->kind != LAYOUT_LINE_TEXT || prev->kind != LAYOUT_LINE_TEXT || line->paragraph != prev->paragraph)
			continue;
		while (shown_end > prev->src_start && src[shown_end - 1] == ' ')
			shown_end--;
		if (!prohibited_start(char_at(src, n, b, &len)) && !prohibited_end(char_before(src, shown_end)))
			continue;
		for (from = b; from > 0 && brk[from] != UC_BREAK_POSSIBLE && brk[from - 1] != UC_BREAK_MANDATORY;)
			from--;
		for (to = b + 1; to < n && brk[to] != UC_BREAK_POSSIBLE && brk[to - 1] != UC_BREAK_MANDATORY;)
			to++;
		if (source_width(src, from, to, ambiguous_wide) <= width - line->indent)
			fail_msg("width %d: line %zu starts at byte %zu against kinsoku, but the run [%zu, %zu) fits:\n%.*s|%.*s",
				 width, i, b, from, to, (int)prev->length, prev->text, (int)line->length, line->text);
	}
	free(brk);
}

/* Removes ASCII spaces; drops a leading "• " or "- " of item lines. */
static void append_squeezed(char **out, size_t *len, const char *s, size_t n)
{
	*out = realloc(*out, *len + n + 1);
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ')
			(*out)[(*len)++] = s[i];
	(*out)[*len] = '\0';
}

/* The source as the layout must show it, less spaces: each source line
 * without its list marker and surrounding blanks, made display-safe as
 * text.h documents. Only the bytes are compared, so how the engine groups
 * them does not matter. */
static char *expected_squeezed(const char *src, size_t n)
{
	char *out = calloc(1, 1), *safe = malloc(n * TEXT_SANITIZE_GROWTH + 1);
	size_t len = 0;

	for (size_t i = 0; i <= n;) {
		size_t e = i, next, k;
		while (e < n && src[e] != '\n' && src[e] != '\r')
			e++;
		next = e + (e + 1 < n && src[e] == '\r' && src[e + 1] == '\n' ? 2 : 1);
		while (i < e && (src[i] == ' ' || src[i] == '\t'))
			i++;
		if (i + 1 < e && src[i] == '-' && (src[i + 1] == ' ' || src[i + 1] == '\t'))
			i += 2;
		while (i < e && (src[i] == ' ' || src[i] == '\t'))
			i++;
		while (e > i && (src[e - 1] == ' ' || src[e - 1] == '\t'))
			e--;
		k = text_sanitize_into(src + i, e - i, false, safe);
		append_squeezed(&out, &len, safe, k);
		i = next;
	}
	free(safe);
	return out;
}

static void check_layout(const char *src, size_t n, const struct layout_options *opt, const char *gbrk,
			 bool kinsoku)
{
	struct layout *l = layout_new(src, n, opt);
	char *joined = NULL;
	size_t joined_len = 0, prev_end = 0;
	const char *bullet = opt->ascii ? "- " : "\xE2\x80\xA2 ";

	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *line = layout_line(l, i);
		int w = measure(line->text, line->length, opt->ambiguous_wide);
		int a, b;
		if (line->indent + w != line->width)
			fail_msg("width %d line %zu: says %d columns, measures %d + %d: %.*s", opt->width, i,
				 line->width, line->indent, w, (int)line->length, line->text);
		if (line->width > opt->width)
			fail_msg("width %d line %zu is %d wide: %.*s", opt->width, i, line->width, (int)line->length,
				 line->text);
		if (line->length > 0 && line->text[line->length - 1] == ' ')
			fail_msg("width %d line %zu ends with a space", opt->width, i);
		if (line->src_start < prev_end || line->src_end < line->src_start || line->src_end > n)
			fail_msg("width %d line %zu: source [%zu, %zu) after %zu", opt->width, i, line->src_start,
				 line->src_end, prev_end);
		prev_end = line->src_end;
		if (line->kind == LAYOUT_LINE_BLANK) {
			assert_int_equal(line->length, 0);
			continue;
		}
		if (i > 0 && layout_line(l, i - 1)->paragraph == line->paragraph &&
		    layout_line(l, i - 1)->kind == LAYOUT_LINE_TEXT) {
			assert_int_equal(layout_line(l, i - 1)->src_end, line->src_start);
			check_boundary(src, n, gbrk, line->src_start);
		}
		/* The whole line's source selects all it shows (but a bullet). */
		if (line->src_end > line->src_start && layout_columns(l, i, line->src_start, line->src_end, &a, &b)) {
			assert_true(a >= line->indent && b <= line->width && a < b);
			assert_int_equal(b, line->width);
		}
		if (opt->width > 1) {
			size_t skip = 0;
			/* an item's bullet; without its space when alone; "-" when too narrow */
			if (layout_paragraph_line(l, line->paragraph) == i && src[line->src_start] == '-') {
				size_t k = strlen(bullet);
				if (line->length >= k && memcmp(line->text, bullet, k) == 0)
					skip = k;
				else if (line->length == k - 1 && memcmp(line->text, bullet, k - 1) == 0)
					skip = k - 1;
				else
					skip = 1;
			}
			append_squeezed(&joined, &joined_len, line->text + skip, line->length - skip);
		}
	}
	if (opt->width > 1) {
		char *want = expected_squeezed(src, n);
		const char *got = joined != NULL ? joined : "";
		if (strcmp(want, got) != 0) {
			size_t d = 0;
			while (want[d] != '\0' && want[d] == got[d])
				d++;
			d = d > 20 ? d - 20 : 0;
			fail_msg("width %d: text not preserved from byte %zu\nwant: %.60s\ngot:  %.60s", opt->width, d,
				 want + d, got + d);
		}
		free(want);
	}
	if (kinsoku && opt->width > 1)
		check_kinsoku(src, n, l, opt->width, opt->ambiguous_wide);
	free(joined);
	layout_free(l);
}

static void check_all_widths(const char *src, size_t n, bool kinsoku, unsigned variant)
{
	char *gbrk = malloc(n + 1);

	u8_grapheme_breaks((const uint8_t *)src, n, gbrk);
	for (int width = 1; width <= 200; width++) {
		struct layout_options opt = {
			.width = width,
			.ambiguous_wide = (variant + (unsigned)width) % 3 == 0,
			.ascii = (variant + (unsigned)width) % 5 == 0,
		};
		check_layout(src, n, &opt, gbrk, kinsoku);
	}
	free(gbrk);
}

static void test_shipped_content(void **state)
{
	struct diag_list diags;
	struct content *c;
	size_t texts = 0;

	(void)state;
	diag_init(&diags);
	c = load_content_dir(LGMA_CONTENT_DIR, &diags);
	assert_non_null(c);
	for (size_t s = 0; s < c->section_count; s++) {
		for (size_t lang = 0; lang < c->lang_count; lang++) {
			const char *title = content_text_get(&c->sections[s].title, lang);
			const char *body = content_text_get(&c->sections[s].body, lang);
			check_all_widths(title, strlen(title), true, (unsigned)(s + lang));
			check_all_widths(body, strlen(body), true, (unsigned)(s + lang));
			texts += 2;
		}
	}
	assert_true(texts >= 24);
	content_free(c);
	diag_fini(&diags);
}

/* A layout that reads its caller's text (borrow_src, the browser's) is the
 * layout of a copy: the same lines, spans and columns. */
static void assert_same_layout(const char *text, int width)
{
	size_t n = strlen(text);
	struct layout_options copy = {.width = width}, borrow = {.width = width, .borrow_src = true};
	struct layout *a = layout_new(text, n, &copy), *b = layout_new(text, n, &borrow);

	assert_int_equal(layout_line_count(a), layout_line_count(b));
	for (size_t i = 0; i < layout_line_count(a); i++) {
		const struct layout_line *x = layout_line(a, i), *y = layout_line(b, i);
		int xs, xe, ys, ye;
		assert_int_equal(x->length, y->length);
		assert_memory_equal(x->text, y->text, x->length);
		assert_int_equal(x->width, y->width);
		assert_int_equal(x->src_start, y->src_start);
		assert_int_equal(x->src_end, y->src_end);
		assert_int_equal(layout_columns(a, i, x->src_start, x->src_end, &xs, &xe),
				 layout_columns(b, i, y->src_start, y->src_end, &ys, &ye));
		if (x->src_end > x->src_start) {
			assert_int_equal(xs, ys);
			assert_int_equal(xe, ye);
		}
	}
	assert_int_equal(layout_span_count(a), layout_span_count(b));
	layout_free(a);
	layout_free(b);
}

static void test_borrowed_source(void **state)
{
	struct diag_list diags;
	struct content *c;
	const int widths[] = {1, 20, 41, 78, 100};

	(void)state;
	diag_init(&diags);
	c = load_content_dir(LGMA_CONTENT_DIR, &diags);
	assert_non_null(c);
	for (size_t s = 0; s < c->section_count; s++)
		for (size_t lang = 0; lang < c->lang_count; lang++)
			for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++)
				assert_same_layout(content_text_get(&c->sections[s].body, lang), widths[w]);
	content_free(c);
	diag_fini(&diags);
}

/* ---- generated text ---- */

static uint64_t rng_state;

static unsigned rnd(unsigned bound)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % bound);
}

#define PICK(list) (list)[rnd(sizeof(list) / sizeof((list)[0]))]

static const char *const japanese[] = {
	"自治体", "気候変動", "ちょっと", "した", "工夫", "、", "。", "「", "」", "『", "』", "（", "）",
	"ー", "々", "ァ", "ッ", "ゃ", "・", "：", "；", "？", "！", "ヽ", "〜", "【", "】", "パリ協定",
	"締約国会議", "です", "ます", "ゞ", "〻", "‼", "ｧ", "ｰ", "　", " ", "COP29", "、「", "」。",
};
static const char *const english[] = {
	"the", "climate", "negotiations", "Paris", "UNFCCC", "(COP)", "well-known", "a", "it's",
	"e.g.", "1995", "3.5%", "$100", "\"quoted\"", "end.", "comma,", "—", "co-operation", " ", "  ",
};
static const char *const emoji[] = {
	"\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", /* family */
	"\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5",					      /* JP flag */
	"\xF0\x9F\x87\xAF",							      /* lone indicator */
	"\xF0\x9F\x91\x8D\xF0\x9F\x8F\xBD",					      /* thumbs up, skin tone */
	"1\xEF\xB8\x8F\xE2\x83\xA3",						      /* keycap 1 */
	"\xE2\x9D\xA4\xEF\xB8\x8F",						      /* red heart */
	"\xF0\x9F\x8F\xB3\xEF\xB8\x8F\xE2\x80\x8D\xF0\x9F\x8C\x88",		      /* rainbow flag */
	"\xF0\x9F\x98\x80",							      /* grinning face */
};
static const char *const combining[] = {
	"e\xCC\x81", "a\xCC\x80\xCC\x81\xCC\x82", "\xCC\x81", "n\xCC\x83", "\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",
	"\xEA\xB0\x80", "\xE3\x81\x8B\xE3\x82\x99", /* か + combining voiced mark */
};
static const char *const hostile[] = {
	"\x1B[31m", "\x1B]0;title\x07", "\x07", "\x7F", "\xC2\x9B", "\xC2\x85", "\r", "\r\n", "\x0B", "\x0C",
	"\xE2\x80\xA8", "\xFF", "\xC3", "\xE3\x81", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xE2\x80\xAE",
	"\xE2\x81\xA6", "\xE2\x80\x8F", "\xE2\x80\x8B", "\xEF\xBB\xBF", "\x01", "\xEF\xBF\xBE",
};
static const char *const layout_marks[] = {
	"\n", "\n\n", "\n- ", "\n  - ", "\t", "\n\n\n", " \n ", "\n-\t",
};
static const char *const ambiguous[] = {
	"\xE2\x97\x8B", "\xE2\x80\xA2", "\xCE\xB1", "\xE2\x86\x92", "\xE2\x80\xBB", "\xE2\x91\xA0",
};

static void add_long_url(char *buf, size_t *n, size_t cap)
{
	static const char host[] = "https://www.example.org/";
	size_t k = 20 + rnd(200);

	for (size_t i = 0; i < sizeof(host) - 1 && *n < cap; i++)
		buf[(*n)++] = host[i];
	for (size_t i = 0; i < k && *n < cap; i++)
		buf[(*n)++] = "abcdefghij/_-.0123456789"[rnd(24)];
}

static size_t generate(char *buf, size_t cap, bool japanese_only)
{
	size_t n = 0, items = 5 + rnd(120);

	for (size_t i = 0; i < items; i++) {
		const char *piece;
		unsigned kind = japanese_only ? 0 : rnd(20);
		if (kind == 14) {
			add_long_url(buf, &n, cap);
			continue;
		}
		if (kind <= 6)
			piece = PICK(japanese);
		else if (kind <= 11)
			piece = PICK(english);
		else if (kind == 12)
			piece = PICK(emoji);
		else if (kind == 13)
			piece = PICK(combining);
		else if (kind <= 16)
			piece = PICK(hostile);
		else if (kind <= 18)
			piece = PICK(layout_marks);
		else
			piece = PICK(ambiguous);
		for (const char *p = piece; *p != '\0' && n < cap; p++)
			buf[n++] = *p;
		if (kind >= 7 && kind <= 11 && n < cap && rnd(3) != 0)
			buf[n++] = ' ';
	}
	return n;
}

static void test_generated_text(void **state)
{
	char buf[4096];

	(void)state;
	for (unsigned seed = 1; seed <= 60; seed++) {
		size_t n;
		rng_state = 0x9E3779B97F4A7C15u * seed;
		n = generate(buf, sizeof(buf), false);
		check_all_widths(buf, n, false, seed);
	}
}

static void test_generated_japanese(void **state)
{
	char buf[4096];

	(void)state;
	for (unsigned seed = 1; seed <= 40; seed++) {
		size_t n;
		rng_state = 0xD1B54A32D192ED03u * seed;
		n = generate(buf, sizeof(buf), true);
		check_all_widths(buf, n, true, seed);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paragraphs),
		cmocka_unit_test(test_soft_breaks),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_tabs),
		cmocka_unit_test(test_latin_breaking),
		cmocka_unit_test(test_kinsoku),
		cmocka_unit_test(test_forced_breaks_keep_kinsoku),
		cmocka_unit_test(test_narrow_widths),
		cmocka_unit_test(test_emoji_never_split),
		cmocka_unit_test(test_hostile_bytes),
		cmocka_unit_test(test_columns),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_span_stops_at_nul),
		cmocka_unit_test(test_shipped_content),
		cmocka_unit_test(test_borrowed_source),
		cmocka_unit_test(test_generated_text),
		cmocka_unit_test(test_generated_japanese),
	};

	read_ambiguous();
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		return 1;
	return cmocka_run_group_tests(tests, NULL, NULL);
}
