/* Folding: what each query finds in each text, as ORIGINAL byte ranges, and
 * that hostile text and empty queries are harmless. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "lgma/fold.h"
#include "lgma/search.h"

enum { MAX_RANGES = 4 };

struct range {
	size_t start, end;
};

struct fold_case {
	const char *why;
	const char *text;
	const char *query;
	size_t count; /* matches expected */
	struct range ranges[MAX_RANGES];
};

/* Byte offsets below are counted by hand from the UTF-8 of each text. */
static const struct fold_case cases[] = {
	/* width and case */
	{"full-width text, ASCII query", "ＣＯＰ28", "cop", 1, {{0, 9}}},
	{"full-width query", "COP28 and cop", "ＣＯＰ", 2, {{0, 3}, {10, 13}}},
	{"upper case", "UNFCCC", "unfccc", 1, {{0, 6}}},
	{"half-width digit query", "COP28", "ｃｏｐ２８", 1, {{0, 5}}},
	/* kana */
	{"katakana text, hiragana query", "ソウル", "そうる", 1, {{0, 9}}},
	{"hiragana text, katakana query", "そうる", "ソウル", 1, {{0, 9}}},
	{"mixed kana and kanji", "イクレイ本部", "いくれい本", 1, {{0, 15}}},
	{"half-width katakana text", "ﾊﾟﾘ協定", "パリ", 1, {{0, 9}}},
	{"half-width katakana query", "パリ協定", "ﾊﾟﾘ", 1, {{0, 6}}},
	{"voicing marks count", "パリ", "ハリ", 0, {{0}}},
	{"a voiced kana is not its base", "バス", "ハ", 0, {{0}}},
	{"voicing of a half-width query", "バス", "ﾊﾞ", 1, {{0, 3}}},
	/* accents */
	{"accent in the text", "São Paulo", "sao", 1, {{0, 4}}},
	{"accent in the query", "Sao Paulo", "São", 1, {{0, 3}}},
	{"decomposed accent covers the whole cluster", "Sa\xCC\x83o Paulo", "sao", 1, {{0, 5}}},
	{"phrase with accent", "in São Paulo / SP", "sao paulo", 1, {{3, 13}}},
	{"accented capital", "ÉCOLE", "ecole", 1, {{0, 6}}},
	{"a single letter never splits a cluster", "e\xCC\x81t\xC3\xA9", "e", 2, {{0, 3}, {4, 6}}},
	/* compatibility characters */
	{"ligature fi", "ﬁnance", "fi", 1, {{0, 3}}},
	{"half a ligature is the whole ligature", "ﬁnance", "i", 1, {{0, 3}}},
	{"ligature in a word", "ﬁnance", "finance", 1, {{0, 8}}},
	{"circled digit", "①②", "1", 1, {{0, 3}}},
	{"square km", "10㎞", "km", 1, {{2, 5}}},
	{"part of square km", "㎞", "k", 1, {{0, 3}}},
	/* case folding specials */
	{"sharp s folds to ss", "Straße", "strasse", 1, {{0, 7}}},
	{"ss inside sharp s", "Straße", "ss", 1, {{4, 6}}},
	{"matches inside one sharp s merge", "Straße", "s", 2, {{0, 1}, {4, 6}}},
	{"sharp s in the query", "STRASSE", "straße", 1, {{0, 7}}},
	{"dotted capital I is i", "İstanbul", "istanbul", 1, {{0, 9}}},
	{"capital I is i", "ISTANBUL", "istanbul", 1, {{0, 8}}},
	{"dotless i is not i", "ıstanbul", "istanbul", 0, {{0}}},
	{"capital I is not dotless i", "Istanbul", "ıstanbul", 0, {{0}}},
	{"dotless i matches itself", "ıstanbul", "ıstanbul", 1, {{0, 9}}},
	/* white space */
	{"soft line break between words", "Paris\nAgreement", "paris agreement", 1, {{0, 15}}},
	{"space run with a line break", "Paris  \n  Agreement", "paris agreement", 1, {{0, 19}}},
	{"soft line break between kanji", "パリ\n協定", "パリ協定", 1, {{0, 13}}},
	{"soft line break between hangul is a space", "서울\n시", "서울시", 0, {{0}}},
	{"soft line break between hangul", "서울\n시", "서울 시", 1, {{0, 10}}},
	{"tab in the query", "Friends of Cities", "friends\tof", 1, {{0, 10}}},
	{"ideographic space", "LGMA\xE3\x80\x80について", "lgma に", 1, {{0, 10}}},
	{"no match across paragraphs", "a\n\nb", "a b", 0, {{0}}},
	{"CR LF is one line break", "a\r\nb", "a b", 1, {{0, 4}}},
	/* ignorable characters */
	{"zero-width space inside a word", "Frie\xE2\x80\x8Bnds", "friends", 1, {{0, 10}}},
	{"a trailing zero-width space is not matched", "x\xE2\x80\x8B", "x", 1, {{0, 1}}},
	{"soft hyphen", "nego\xC2\xADtiations", "negotiations", 1, {{0, 14}}},
	{"a format character inside a word", "Fri\xEF\xBF\xB9" "ends", "friends", 1, {{0, 10}}},
	/* others */
	{"hangul", "가나", "가", 1, {{0, 3}}},
	{"non-overlapping", "aaaa", "aa", 2, {{0, 2}, {2, 4}}},
	{"greek final sigma", "ΟΔΟΣ", "οδος", 1, {{0, 8}}},
	/* emoji sequences: libunistring 1.0 alone would cut each of these */
	{"half a flag is no flag", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xB8",
	 "\xF0\x9F\x87\xAF", 0, {{0}}},
	{"no flag across two flags", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xB8",
	 "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5", 0, {{0}}},
	{"the second of two flags", "\xF0\x9F\x87\xBA\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xB8",
	 "\xF0\x9F\x87\xB5\xF0\x9F\x87\xB8", 1, {{8, 16}}},
	{"a flag after a lone regional indicator", "\xF0\x9F\x87\xBA x\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5",
	 "\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5", 1, {{6, 14}}},
	{"an emoji joined by ZWJ is its whole sequence",
	 "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7!", "\xF0\x9F\x91\xA9", 1,
	 {{0, 18}}},
	{"a prepended mark keeps its flag whole",
	 "\xD8\x80\xF0\x9F\x87\xBA\xF0\x9F\x87\xAF\xF0\x9F\x87\xB5\xF0\x9F\x87\xB8",
	 "\xF0\x9F\x87\xBA\xF0\x9F\x87\xAF", 1, {{0, 10}}},
	{"a prepended mark keeps its ZWJ sequence whole",
	 "\xD8\x80\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7", "\xF0\x9F\x91\xA9", 1,
	 {{0, 20}}},
	/* hostile bytes */
	{"invalid UTF-8 is a barrier", "a\xFF" "b", "ab", 0, {{0}}},
	{"controls are barriers, text around them matches", "a\x1B[31ma", "a", 2, {{0, 1}, {6, 7}}},
	{"truncated sequence at the end", "ab\xE3\x83", "b", 1, {{1, 2}}},
	/* queries that fold to nothing */
	{"spaces only", "a b", "   ", 0, {{0}}},
	{"combining mark only", "e\xCC\x81", "\xCC\x81", 0, {{0}}},
	{"zero-width space only", "a\xE2\x80\x8B" "b", "\xE2\x80\x8B", 0, {{0}}},
	{"a format character only", "a\xD8\x80" "b", "\xD8\x80", 0, {{0}}},
	{"empty query", "abc", "", 0, {{0}}},
};

static void test_cases(void **state)
{
	struct search_results r;
	int failures = 0;

	(void)state;
	search_results_init(&r);
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct fold_case *fc = &cases[i];
		struct search_query *q = search_query_new(fc->query, strlen(fc->query));
		bool ok = search_text(q, fc->text, strlen(fc->text), &r) == fc->count;

		for (size_t k = 0; ok && k < fc->count; k++)
			ok = r.hits[k].start == fc->ranges[k].start && r.hits[k].end == fc->ranges[k].end;
		if (!ok) {
			print_message("# FAIL %s: '%s' in '%s': %zu match(es):", fc->why, fc->query, fc->text, r.count);
			for (size_t k = 0; k < r.count; k++)
				print_message(" [%zu, %zu)", r.hits[k].start, r.hits[k].end);
			print_message("\n");
			failures++;
		}
		search_query_free(q);
	}
	search_results_fini(&r);
	assert_int_equal(failures, 0);
}

static void test_query_folding(void **state)
{
	static const struct {
		const char *query, *folded;
	} table[] = {
		{"  NDC  ", "ndc"},	       /* trimmed */
		{"Friends\n\nof", "friends of"}, /* never a paragraph break */
		{"ＣＯＰ２８", "cop28"},
		{"ぱり", "パリ"},
		{"\xEF\xBD\x8A\xEF\xBE\x8A\xEF\xBE\x9F", "jパ"}, /* ｊﾊﾟ */
		{"", ""},
		{"\xCC\x81\xCC\x81", ""},
		{"a\x1B\xFF" "b\x7F", "ab"}, /* controls and invalid bytes: not typed text */
	};

	(void)state;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		size_t len;
		char *f = fold_query(table[i].query, strlen(table[i].query), &len);
		assert_string_equal(f, table[i].folded);
		assert_int_equal(len, strlen(table[i].folded));
		free(f);
	}
}

/* The folded text never holds NUL (which separates the index's strings),
 * whatever the input. */
static void test_no_nul_in_folded_text(void **state)
{
	static const char input[] = "a\0b\x1b\xff\xc0\x80z";
	struct fold_buf b;
	struct fold_span sp;

	(void)state;
	fold_buf_init(&b);
	fold_append(&b, input, sizeof(input) - 1, &sp);
	assert_null(memchr(b.text + sp.text, '\0', sp.length));
	assert_int_equal(b.text[sp.text + sp.length], '\0');
	assert_int_equal(sp.orig_length, sizeof(input) - 1);
	fold_buf_fini(&b);
}

/* ---- properties over generated text ---- */

/* Pieces that stress every rule; joined at random. */
static const char *const pieces[] = {
	"a", "Z", "É", "e\xCC\x81", "ß", "ﬁ", "ｃ", "ﾊﾟ", "パ", "ぱ", "リ", "協", " ", "\n", "\t",
	"\xFF", "\x1B", "\xE2\x80\x8B", "①", "İ", "ı", "가", "\xE3\x80\x80", "👍🏽", "🇯🇵", "\r\n",
	"\xCC\x81", "㎞", "ー", "\xE3\x82\x99",
};

static uint32_t rng_state = 12345;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static size_t make_text(char *buf, size_t pieces_wanted)
{
	size_t n = 0;

	for (size_t i = 0; i < pieces_wanted; i++) {
		const char *p = pieces[rng() % (sizeof(pieces) / sizeof(pieces[0]))];
		memcpy(buf + n, p, strlen(p));
		n += strlen(p);
	}
	return n;
}

static bool is_indicator(const uint8_t *p)
{
	return p[0] == 0xF0 && p[1] == 0x9F && p[2] == 0x87 && p[3] >= 0xA6 && p[3] <= 0xBF;
}

/* libunistring 1.0's boundaries, less the one between the two regional
 * indicators of a flag, which it does not see (its rules look at two
 * characters only): indicators pair up from the start of their run. */
static bool cluster_boundary(const uint8_t *p, size_t n, size_t offset)
{
	size_t before = 0;

	if (offset < 4 || offset + 4 > n || !is_indicator(p + offset))
		return true;
	while (offset - before * 4 >= 4 && is_indicator(p + offset - (before + 1) * 4))
		before++;
	return before % 2 == 0;
}

/* Whether offset is a grapheme cluster boundary of valid s[0..n). */
static bool is_boundary(const char *s, size_t n, size_t offset)
{
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	if (offset == 0 || offset == n)
		return true;
	for (const uint8_t *q = p; q < end; q = u8_grapheme_next(q, end))
		if ((size_t)(q - p) == offset)
			return cluster_boundary(p, n, offset);
	return false;
}

static size_t random_boundary(const char *s, size_t n)
{
	size_t offsets[512], count = 0;
	const uint8_t *p = (const uint8_t *)s, *end = p + n;

	for (const uint8_t *q = p; q < end && count < 511; q = u8_grapheme_next(q, end))
		if (cluster_boundary(p, n, (size_t)(q - p)))
			offsets[count++] = (size_t)(q - p);
	offsets[count++] = n;
	return offsets[rng() % count];
}

/* A cluster-aligned piece of a text, used as the query, is found;
 * every match lies in bounds, in order, without overlap, and (for valid
 * text) starts and ends on cluster boundaries. */
static void test_generated_text(void **state)
{
	struct search_results r;
	char text[20 * 16];

	(void)state;
	search_results_init(&r);
	for (int round = 0; round < 3000; round++) {
		size_t n = make_text(text, 1 + rng() % 18), a, b;
		bool valid = u8_check((const uint8_t *)text, n) == NULL;
		struct search_query *q;

		if (valid) {
			a = random_boundary(text, n);
			b = random_boundary(text, n);
			if (a > b) {
				size_t t = a;
				a = b;
				b = t;
			}
		} else {
			a = rng() % (n + 1);
			b = a + rng() % (n - a + 1);
		}
		q = search_query_new(text + a, b - a);
		search_text(q, text, n, &r);
		/* (A paragraph break or a control in the query is no longer what
		 * the text holds: see fold.h.) */
		if (valid && !search_query_is_empty(q) && !memchr(text + a, '\n', b - a) &&
		    !memchr(text + a, '\x1B', b - a))
			assert_true(r.count >= 1);
		for (size_t k = 0; k < r.count; k++) {
			assert_true(r.hits[k].start < r.hits[k].end);
			assert_true(r.hits[k].end <= n);
			if (k > 0)
				assert_true(r.hits[k - 1].end <= r.hits[k].start);
			if (valid) {
				assert_true(is_boundary(text, n, r.hits[k].start));
				assert_true(is_boundary(text, n, r.hits[k].end));
			}
		}
		search_query_free(q);
	}
	search_results_fini(&r);
}

/* Random bytes, as text and as query: no crash, ranges in bounds. */
static void test_random_bytes(void **state)
{
	struct search_results r;
	unsigned char text[256], query[4];

	(void)state;
	search_results_init(&r);
	for (int round = 0; round < 3000; round++) {
		size_t n = rng() % sizeof(text), qn = 1 + rng() % sizeof(query);
		struct search_query *q;

		for (size_t i = 0; i < n; i++)
			text[i] = (unsigned char)(rng() % 4 == 0 ? 0x80 + rng() % 0x80 : rng() % 0x100);
		for (size_t i = 0; i < qn; i++)
			query[i] = n ? text[rng() % n] : 'a';
		q = search_query_new((const char *)query, qn);
		search_text(q, (const char *)text, n, &r);
		for (size_t k = 0; k < r.count; k++) {
			assert_true(r.hits[k].start < r.hits[k].end);
			assert_true(r.hits[k].end <= n);
		}
		search_query_free(q);
	}
	search_results_fini(&r);
}

/* A run of 100 000 combining marks is one cluster: folded without trouble. */
static void test_long_cluster(void **state)
{
	size_t marks = 100000, n = 1 + 2 * marks + 1;
	char *text = malloc(n);
	struct search_results r;
	struct search_query *q = search_query_new("ab", 2);

	(void)state;
	text[0] = 'a';
	for (size_t i = 0; i < marks; i++)
		memcpy(text + 1 + 2 * i, "\xCC\x81", 2);
	text[n - 1] = 'b';
	search_results_init(&r);
	assert_int_equal(search_text(q, text, n, &r), 1);
	assert_int_equal(r.hits[0].start, 0);
	assert_int_equal(r.hits[0].end, n);
	search_results_fini(&r);
	search_query_free(q);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_query_folding),
		cmocka_unit_test(test_no_nul_in_folded_text),
		cmocka_unit_test(test_generated_text),
		cmocka_unit_test(test_random_bytes),
		cmocka_unit_test(test_long_cluster),
	};

	return cmocka_run_group_tests_name("fold", tests, NULL, NULL);
}
