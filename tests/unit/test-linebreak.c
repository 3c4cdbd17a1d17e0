/* Line break opportunities (linebreak.h): Unicode's LineBreakTest.txt
 * wherever libunistring's rules and Unicode version (14.0 for libunistring
 * 1.0) cover it, and the Japanese line-start and line-end rules of
 * JIS X 4051 in every context.
 *
 * A test line is skipped only by a rule decided from its input, before
 * comparing, and every rule is counted:
 *   newer       a code point not assigned in Unicode 14.0 (DerivedAge.txt)
 *   kinsoku     a space before a Japanese non-starter: UAX #14 breaks there
 *               (LB18), JIS X 4051 and lgma do not
 *   zw          a zero width space before a character: UAX #14 breaks after
 *               it whatever follows (LB8); lgma keeps kinsoku there
 *   cb          U+FFFC (CB) after BB or PR, or before BA, HY, NS, CJ, IN or
 *               PO: libunistring treats it as an ideograph (ID), which those
 *               classes bind to (LB21, LB22, LB23a); UAX #14 leaves CB to
 *               the application and the file breaks (LB20)
 *   lb25        a pair of the number classes that the file's tailoring of
 *               LB25 (UAX #14 section 8.2, example 7, as its header says)
 *               treats differently from UAX #14's own pair table, which
 *               libunistring uses
 *   space-cm    a combining mark or ZWJ right after a space: libunistring
 *               attaches it to the space instead of treating it as AL (LB10)
 *   leading-sp  spaces at the start of the text or after a mandatory break:
 *               libunistring gives no break after them
 *   ri-cm       RI, combining marks, RI: libunistring does not pair the
 *               indicators across the marks (LB9 with LB30a)
 *   lb16        CL or CP, spaces, NS: libunistring 1.0 leaves out LB16 and
 *               breaks after the spaces (the Japanese non-starters are kept
 *               by lgma's own rule; see "kinsoku") */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>
#include <unistr.h>

#include "lgma/linebreak.h"

#ifndef LGMA_UNICODE_DATA
#define LGMA_UNICODE_DATA "/usr/share/unicode"
#endif

enum { MAX_CHARS = 64 };

/* ---- Japanese rules ---- */

/* JLREQ cl-02 closing brackets, cl-03 hyphens (less the Latin ‐ and –),
 * cl-04 question and exclamation marks, cl-05 dividing punctuation, cl-06
 * middle dots, cl-07 full stops, cl-08 commas, cl-09 iteration marks, cl-10
 * prolonged sound mark, cl-11 small kana: never at the start of a line. */
static const char start_prohibited[] =
	"」』）】〕〉》］｝〙〗〟’”｠»"
	"゠〜？！‼⁇⁈⁉：；・。．、，"
	"ヽヾゝゞ々〻ーｰ"
	"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ｡､･｣";
/* JLREQ cl-01 opening brackets: never at the end of a line. */
static const char end_prohibited[] = "「『（【〔〈《［｛〘〖〝｟«‘“｢";

static size_t breaks_of(const char *s, char *brk)
{
	size_t n = strlen(s);

	linebreak_find(s, n, brk);
	return n;
}

static void test_line_start_rules(void **state)
{
	/* What may come before: kana, kanji, Latin, digit, space, closing
	 * bracket, full stop, zero width space, ideographic space. */
	static const char *const before[] = {"あ", "漢", "a", "1", "a ", "」", "。", "a\xE2\x80\x8B", "あ　", "あ  "};
	/* ’ ” » are also Latin quotation marks (QU), which may open a
	 * quotation after a space: UAX #14 keeps that reading there. */
	static const char latin_quotes[] = "’”»";
	size_t checked = 0;

	(void)state;
	for (const uint8_t *p = (const uint8_t *)start_prohibited; *p;) {
		char ch[8] = {0}, s[64], brk[64];
		int len = u8_mblen(p, 4);
		memcpy(ch, p, (size_t)len);
		for (size_t k = 0; k < sizeof(before) / sizeof(before[0]); k++) {
			size_t at = strlen(before[k]);
			if (before[k][at - 1] == ' ' && strstr(latin_quotes, ch) != NULL)
				continue;
			snprintf(s, sizeof(s), "%s%sあ", before[k], ch);
			breaks_of(s, brk);
			if (brk[at] == UC_BREAK_POSSIBLE)
				fail_msg("a line may start with %s after '%s'", ch, before[k]);
			checked++;
		}
		p += len;
	}
	assert_true(checked > 700);
}

static void test_line_end_rules(void **state)
{
	static const char *const after[] = {"あ", "漢", "a", "1", " a", "「", "。"};
	size_t checked = 0;

	(void)state;
	for (const uint8_t *p = (const uint8_t *)end_prohibited; *p;) {
		char ch[8] = {0}, s[64], brk[64];
		int len = u8_mblen(p, 4);
		memcpy(ch, p, (size_t)len);
		for (size_t k = 0; k < sizeof(after) / sizeof(after[0]); k++) {
			snprintf(s, sizeof(s), "あ%s%s", ch, after[k]);
			breaks_of(s, brk);
			if (brk[3 + len] == UC_BREAK_POSSIBLE)
				fail_msg("a line may end with %s before '%s'", ch, after[k]);
			checked++;
		}
		p += len;
	}
	assert_true(checked > 100);
}

/* The sentence of the layout issue, and ordinary breaks that must stay. */
static void test_japanese_sentence(void **state)
{
	static const char text[] = "ちょっとした工夫、バス停のベンチ。「以上」ー々ァ";
	static const char want[] = "ちょっ|と|し|た|工|夫、|バ|ス|停|の|ベ|ン|チ。|「以|上」ー々ァ";
	char brk[sizeof(text)], got[2 * sizeof(text)];
	size_t n = breaks_of(text, brk), o = 0;

	(void)state;
	for (size_t i = 0; i < n; i++) {
		if (brk[i] == UC_BREAK_POSSIBLE)
			got[o++] = '|';
		got[o++] = text[i];
	}
	got[o] = '\0';
	assert_string_equal(got, want);
	/* The correction only removes breaks before non-starters. */
	n = breaks_of("word word", brk);
	assert_int_equal(brk[5], UC_BREAK_POSSIBLE);
	n = breaks_of("a \xE3\x81\x82", brk); /* a あ */
	assert_int_equal(brk[2], UC_BREAK_POSSIBLE);
	(void)n;
}

static void test_forced_break_pairs(void **state)
{
	(void)state;
	assert_true(linebreak_pair_ok("a", 1, "b", 1));
	assert_true(linebreak_pair_ok("\xE4\xB8\x8A", 3, "\xE4\xB8\x8A", 3));	       /* 上上 */
	assert_false(linebreak_pair_ok("\xE4\xB8\x8A", 3, "\xE3\x80\x8D", 3));    /* 上」 */
	assert_false(linebreak_pair_ok("\xE3\x80\x8C", 3, "\xE4\xB8\x8A", 3));    /* 「上 */
	assert_false(linebreak_pair_ok("\xE4\xB8\x8A", 3, "\xE3\x83\xBC", 3));    /* 上ー */
	assert_false(linebreak_pair_ok("(", 1, "a", 1));
	assert_false(linebreak_pair_ok("a", 1, ".", 1));
	/* A cluster longer than 16 bytes is judged by its first character. */
	assert_true(linebreak_pair_ok("a\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81\xCC\x81", 19,
				      "b", 1));
}

/* ---- LineBreakTest.txt ---- */

static unsigned char *assigned_in_14;

static void load_ages(void)
{
	FILE *f = fopen(LGMA_UNICODE_DATA "/DerivedAge.txt", "r");
	char line[512];
	size_t ranges = 0;

	if (f == NULL)
		fail_msg("%s/DerivedAge.txt is missing: install unicode-data", LGMA_UNICODE_DATA);
	assigned_in_14 = calloc(0x110000, 1);
	while (fgets(line, sizeof(line), f) != NULL) {
		unsigned a, b;
		char age[16];
		if (line[0] == '#' || line[0] == '\n')
			continue;
		if (sscanf(line, "%x..%x ; %15s", &a, &b, age) != 3) {
			if (sscanf(line, "%x ; %15s", &a, age) != 2)
				continue;
			b = a;
		}
		if (b >= 0x110000 || strtod(age, NULL) > 14.0)
			continue;
		for (unsigned c = a; c <= b; c++)
			assigned_in_14[c] = 1;
		ranges++;
	}
	fclose(f);
	assert_true(ranges > 1000);
}

struct test_line {
	uint32_t cps[MAX_CHARS];
	char cls[MAX_CHARS][16]; /* Line_Break class as the comment names it */
	bool want[MAX_CHARS];	 /* want[i]: a break before cps[i] (i >= 1) */
	size_t n;
};

/* "× 0023 ÷ 2014 ÷	#  × [0.3] NUMBER SIGN (AL) ÷ [999.0] EM DASH (B2) ÷ [0.3]" */
static bool parse_line(char *line, struct test_line *t)
{
	char *comment = strchr(line, '#'), *p = line;
	size_t k = 0;

	if (comment == NULL || line[0] == '#')
		return false;
	*comment++ = '\0';
	t->n = 0;
	while (*p != '\0') {
		if (strncmp(p, "\xC3\x97", 2) == 0 || strncmp(p, "\xC3\xB7", 2) == 0) {
			if (t->n < MAX_CHARS)
				t->want[t->n] = p[1] == '\xB7';
			p += 2;
		} else if (*p == ' ' || *p == '\t' || *p == '\n') {
			p++;
		} else {
			assert_true(t->n < MAX_CHARS);
			t->cps[t->n++] = (uint32_t)strtoul(p, &p, 16);
		}
	}
	/* The class of each character, in order, in parentheses. */
	for (char *q = strchr(comment, '('); q != NULL && k < t->n; q = strchr(q + 1, '(')) {
		char *end = strchr(q, ')');
		if (end == NULL || end - q - 1 >= 16 || q[-1] != ' ')
			continue;
		if (end[1] == '>') /* part of a name: "<CARRIAGE RETURN (CR)> (CR)" */
			continue;
		memcpy(t->cls[k], q + 1, (size_t)(end - q - 1));
		t->cls[k][end - q - 1] = '\0';
		k++;
	}
	assert_int_equal(k, t->n);
	return true;
}

static bool cls_is(const char *cls, const char *name)
{
	size_t n = strlen(name);
	const char *tail = strrchr(cls, '_');

	/* "CM1_CM", "OP_OP30", "AI_AL": the base class is the last part */
	return strcmp(cls, name) == 0 || (tail != NULL && strcmp(tail + 1, name) == 0) ||
	       (strncmp(cls, name, n) == 0 && cls[n] == '_');
}

static bool is_cm(const char *cls)
{
	return cls_is(cls, "CM") || strstr(cls, "ZWJ") != NULL;
}

static bool is_nonstarter_ja(uint32_t c)
{
	for (const uint8_t *p = (const uint8_t *)start_prohibited; *p;) {
		ucs4_t k;
		p += u8_mbtouc(&k, p, 4);
		if (k == c)
			return true;
	}
	return false;
}

enum skip {
	SKIP_NONE,
	SKIP_NEWER,
	SKIP_KINSOKU,
	SKIP_ZW,
	SKIP_CB,
	SKIP_LB25,
	SKIP_SPACE_CM,
	SKIP_LEADING_SP,
	SKIP_RI_CM,
	SKIP_LB16,
	SKIP_COUNT,
};

static const char *const skip_names[] = {
	"checked", "newer", "kinsoku", "zw", "cb", "lb25", "space-cm", "leading-sp", "ri-cm", "lb16",
};

/* The previous character that is not a combining mark (LB9), or -1. */
static long base_before(const struct test_line *t, size_t i)
{
	while (i > 0) {
		i--;
		if (!is_cm(t->cls[i]))
			return (long)i;
	}
	return -1;
}

static bool lb25_pair(const char *a, const char *b)
{
	return ((cls_is(a, "CL") || cls_is(a, "CP") || cls_is(a, "NU")) && (cls_is(b, "PO") || cls_is(b, "PR"))) ||
	       ((cls_is(a, "PO") || cls_is(a, "PR")) && (cls_is(b, "OP") || cls_is(b, "NU"))) ||
	       ((cls_is(a, "HY") || cls_is(a, "IS") || cls_is(a, "NU") || cls_is(a, "SY")) && cls_is(b, "NU"));
}

static enum skip skip_rule(const struct test_line *t)
{
	for (size_t i = 0; i < t->n; i++)
		if (t->cps[i] >= 0x110000 || !assigned_in_14[t->cps[i]])
			return SKIP_NEWER;
	for (size_t i = 1; i < t->n; i++) {
		long b = base_before(t, i);
		const char *prev = t->cls[i - 1], *cur = t->cls[i];
		if (cls_is(prev, "ZW"))
			return SKIP_ZW;
		if ((cls_is(cur, "CB") && b >= 0 && (cls_is(t->cls[b], "BB") || cls_is(t->cls[b], "PR"))) ||
		    (b >= 0 && cls_is(t->cls[b], "CB") &&
		     (cls_is(cur, "BA") || cls_is(cur, "HY") || cls_is(cur, "NS") || cls_is(cur, "IN") ||
		      cls_is(cur, "PO"))))
			return SKIP_CB;
		if (cls_is(prev, "SP") && is_nonstarter_ja(t->cps[i]))
			return SKIP_KINSOKU;
		if (b >= 0 && !is_cm(cur) && lb25_pair(t->cls[b], cur))
			return SKIP_LB25;
		if (cls_is(prev, "SP") && is_cm(cur))
			return SKIP_SPACE_CM;
		if (cls_is(cur, "SP") && (cls_is(prev, "BK") || cls_is(prev, "LF") || cls_is(prev, "CR") || cls_is(prev, "NL")))
			return SKIP_LEADING_SP;
		if (cls_is(cur, "RI") && is_cm(prev) && b >= 0 && cls_is(t->cls[b], "RI"))
			return SKIP_RI_CM;
		if (cls_is(cur, "NS") && cls_is(prev, "SP")) {
			long k = (long)i - 1;
			while (k >= 0 && (cls_is(t->cls[k], "SP") || is_cm(t->cls[k])))
				k--;
			if (k >= 0 && (cls_is(t->cls[k], "CL") || cls_is(t->cls[k], "CP")))
				return SKIP_LB16;
		}
	}
	if (t->n > 0 && cls_is(t->cls[0], "SP"))
		return SKIP_LEADING_SP;
	return SKIP_NONE;
}

/* linebreak_find's answer for a break before each character. */
static void actual_breaks(const struct test_line *t, bool *got)
{
	uint8_t s[MAX_CHARS * 4];
	char brk[MAX_CHARS * 4];
	size_t off[MAX_CHARS + 1], len = 0;

	for (size_t i = 0; i < t->n; i++) {
		off[i] = len;
		len += (size_t)u8_uctomb(s + len, t->cps[i], 4);
	}
	linebreak_find((const char *)s, len, brk);
	for (size_t i = 1; i < t->n; i++)
		got[i] = brk[off[i]] == UC_BREAK_POSSIBLE || brk[off[i - 1]] == UC_BREAK_MANDATORY;
}

static void test_unicode_conformance(void **state)
{
	FILE *f = fopen(LGMA_UNICODE_DATA "/auxiliary/LineBreakTest.txt", "r");
	char line[4096];
	size_t count[SKIP_COUNT] = {0}, total = 0;

	(void)state;
	if (f == NULL)
		fail_msg("%s/auxiliary/LineBreakTest.txt is missing: install unicode-data", LGMA_UNICODE_DATA);
	load_ages();
	while (fgets(line, sizeof(line), f) != NULL) {
		struct test_line t;
		bool got[MAX_CHARS];
		enum skip why;
		char copy[4096];
		snprintf(copy, sizeof(copy), "%s", line);
		if (!parse_line(line, &t))
			continue;
		total++;
		why = skip_rule(&t);
		count[why]++;
		if (why != SKIP_NONE)
			continue;
		actual_breaks(&t, got);
		for (size_t i = 1; i < t.n; i++)
			if (got[i] != t.want[i])
				fail_msg("break before character %zu is %s, Unicode says %s:\n%s", i,
					 got[i] ? "allowed" : "prohibited", t.want[i] ? "allowed" : "prohibited", copy);
	}
	fclose(f);
	free(assigned_in_14);
	for (size_t i = 0; i < SKIP_COUNT; i++)
		print_message("# %s: %zu of %zu lines\n", skip_names[i], count[i], total);
	/* The file has 7654 lines for Unicode 15.0; most must be checked. */
	assert_true(total > 7000);
	assert_true(count[SKIP_NONE] > 6000);
	assert_true(count[SKIP_NONE] > total * 8 / 10);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_start_rules),
		cmocka_unit_test(test_line_end_rules),
		cmocka_unit_test(test_japanese_sentence),
		cmocka_unit_test(test_forced_break_pairs),
		cmocka_unit_test(test_unicode_conformance),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
