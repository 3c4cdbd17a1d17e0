/* The search index: the open section, everywhere, the offices filter, in
 * content order, over the shipped content and over hand-made models with
 * fallbacks and hostile bytes; and the snippets of result lists. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/layout.h"
#include "lgma/load.h"
#include "lgma/search.h"
#include "lgma/text.h"

static struct content *shipped;
static struct search_index *shipped_ix;

static int setup(void **state)
{
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	shipped = load_content_dir(LGMA_CONTENT_DIR, &diags);
	diag_fini(&diags);
	if (shipped == NULL)
		return -1;
	shipped_ix = search_index_new(shipped);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	search_index_free(shipped_ix);
	content_free(shipped);
	return 0;
}

/* ---- helpers ---- */

static struct search_query *query(const char *s)
{
	return search_query_new(s, strlen(s));
}

static size_t section_index(const struct content *c, const char *id)
{
	long i = content_section_index(c, id);

	assert_true(i >= 0);
	return (size_t)i;
}

static size_t office_index(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->office_count; i++)
		if (strcmp(c->offices[i].id, id) == 0)
			return i;
	fail_msg("no office %s", id);
	return 0;
}

static size_t region_index(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->region_count; i++)
		if (strcmp(c->regions[i].id, id) == 0)
			return i;
	fail_msg("no region %s", id);
	return 0;
}

/* The original bytes of a hit equal want. */
static void assert_hit_text(const struct content *c, const struct search_hit *h, const char *want)
{
	const char *s = search_hit_string(c, h);

	assert_non_null(s);
	assert_int_equal(h->end - h->start, strlen(want));
	assert_memory_equal(s + h->start, want, strlen(want));
}

static size_t all(struct search_index *ix, const char *q, int lang, size_t max, struct search_results *r)
{
	struct search_query *query_ = query(q);
	struct search_scope scope = {.lang = lang, .sections = true, .offices = true, .max_hits = max};
	size_t n = search_all(ix, query_, &scope, r);

	search_query_free(query_);
	return n;
}

/* ---- (a) the open section ---- */

static void test_section_body(void **state)
{
	size_t about = section_index(shipped, "about");
	const char *ja = content_text_get(&shipped->sections[about].body, 0);
	const char *en = content_text_get(&shipped->sections[about].body, 1);
	struct search_query *q = query("ｎｄｃ");
	struct search_results r;

	(void)state;
	search_results_init(&r);
	assert_int_equal(search_section(shipped_ix, q, about, 0, SEARCH_BODY, &r), 1);
	assert_int_equal(r.hits[0].start, (size_t)(strstr(ja, "NDC") - ja));
	assert_int_equal(r.hits[0].end, r.hits[0].start + 3);
	assert_int_equal(r.hits[0].kind, SEARCH_SECTION);
	assert_int_equal(r.hits[0].item, about);
	assert_int_equal(r.hits[0].lang, 0);
	assert_int_equal(search_section(shipped_ix, q, about, 1, SEARCH_BODY, &r), 1);
	assert_int_equal(r.hits[0].start, (size_t)(strstr(en, "NDCs") - en));
	assert_int_equal(r.hits[0].lang, 1);
	/* The title is its own field. */
	assert_int_equal(search_section(shipped_ix, q, about, 1, SEARCH_TITLE, &r), 0);
	/* Out of range asks are no match, not a crash. */
	assert_int_equal(search_section(shipped_ix, q, shipped->section_count, 0, SEARCH_BODY, &r), 0);
	assert_int_equal(search_section(shipped_ix, q, about, shipped->lang_count, SEARCH_BODY, &r), 0);
	assert_int_equal(search_section(shipped_ix, q, about, 0, SEARCH_CITY, &r), 0);
	search_query_free(q);
	search_results_fini(&r);
}

/* ---- (b) everywhere ---- */

static void test_all_one_language(void **state)
{
	struct search_results r;
	bool about_found = false;

	(void)state;
	search_results_init(&r);
	assert_true(all(shipped_ix, "ぱり協定", 0, 0, &r) >= 1);
	for (size_t i = 0; i < r.count; i++) {
		assert_int_equal(r.hits[i].kind, SEARCH_SECTION);
		assert_int_equal(r.hits[i].lang, 0);
		assert_hit_text(shipped, &r.hits[i], "パリ協定");
		about_found |= r.hits[i].item == section_index(shipped, "about");
	}
	assert_true(about_found);
	/* English text is not searched in Japanese... */
	assert_int_equal(all(shipped_ix, "Paris Agreement", 0, 0, &r), 0);
	/* ...but in English, also across a line break of the source. */
	assert_true(all(shipped_ix, "paris agreement", 1, 0, &r) >= 1);
	assert_int_equal(all(shipped_ix, "paris agreement", 7, 0, &r), 0); /* no such language */
	search_results_fini(&r);
}

static void test_all_offices(void **state)
{
	size_t seoul = office_index(shipped, "seoul");
	struct search_results r;

	(void)state;
	search_results_init(&r);
	assert_int_equal(all(shipped_ix, "ソウル", SEARCH_ALL_LANGS, 0, &r), 1);
	assert_int_equal(r.hits[0].kind, SEARCH_OFFICE);
	assert_int_equal(r.hits[0].item, seoul);
	assert_int_equal(r.hits[0].field, SEARCH_CITY);
	assert_int_equal(r.hits[0].lang, 0);
	assert_hit_text(shipped, &r.hits[0], "ソウル");

	/* In English: the city, then the address line twice, in card order. */
	assert_int_equal(all(shipped_ix, "ｓｅｏｕｌ", 1, 0, &r), 3);
	assert_int_equal(r.hits[0].field, SEARCH_CITY);
	assert_int_equal(r.hits[0].lang, 1);
	assert_int_equal(r.hits[1].field, SEARCH_ADDRESS);
	assert_int_equal(r.hits[1].lang, SEARCH_NO_LANG);
	assert_int_equal(r.hits[2].field, SEARCH_ADDRESS);
	assert_true(r.hits[1].end <= r.hits[2].start);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(r.hits[i].item, seoul);
		assert_hit_text(shipped, &r.hits[i], "Seoul");
	}

	/* Accents either way. */
	assert_int_equal(all(shipped_ix, "sao paulo", SEARCH_ALL_LANGS, 0, &r), 2);
	assert_hit_text(shipped, &r.hits[0], "São Paulo");
	assert_int_equal(r.hits[0].field, SEARCH_CITY);
	assert_int_equal(r.hits[1].field, SEARCH_ADDRESS);
	search_results_fini(&r);
}

/* A region's name is a hit of each of its offices, between country and
 * address in card order. */
static void test_region_hits(void **state)
{
	const struct content_region *europe = &shipped->regions[region_index(shipped, "europe")];
	size_t seen = 0;
	struct search_results r;

	(void)state;
	search_results_init(&r);
	all(shipped_ix, "ＥＵＲＯＰＥ", SEARCH_ALL_LANGS, 0, &r);
	for (size_t i = 0; i < r.count; i++) {
		const struct search_hit *h = &r.hits[i];
		if (h->field != SEARCH_REGION)
			continue;
		assert_int_equal(h->item, europe->first_office + seen);
		assert_int_equal(h->lang, 1);
		assert_hit_text(shipped, h, "Europe");
		/* Nothing of this office before country comes after it. */
		for (size_t k = i + 1; k < r.count && r.hits[k].item == h->item; k++)
			assert_true(r.hits[k].field > SEARCH_REGION);
		seen++;
	}
	assert_int_equal(seen, europe->office_count);
	search_results_fini(&r);
}

static int field_rank(const struct search_hit *h)
{
	return h->kind == SEARCH_SECTION ? 0 : 1;
}

/* Hits come in content order, whatever the query. */
static void test_content_order(void **state)
{
	static const char *const queries[] = {"a", "e", "の", "イ", "i", "1", "o", "ー"};
	struct search_results r;

	(void)state;
	search_results_init(&r);
	for (size_t qi = 0; qi < sizeof(queries) / sizeof(queries[0]); qi++) {
		assert_true(all(shipped_ix, queries[qi], SEARCH_ALL_LANGS, 0, &r) > 1);
		for (size_t i = 1; i < r.count; i++) {
			const struct search_hit *a = &r.hits[i - 1], *b = &r.hits[i];
			if (field_rank(a) != field_rank(b)) {
				assert_true(field_rank(a) < field_rank(b));
				continue;
			}
			assert_true(a->item <= b->item);
			if (a->item != b->item)
				continue;
			if (a->kind == SEARCH_SECTION) {
				/* by language, then title before body, then offset */
				assert_true(a->lang <= b->lang);
				if (a->lang == b->lang && a->field == b->field)
					assert_true(a->end <= b->start);
				else if (a->lang == b->lang)
					assert_true(a->field < b->field);
			} else {
				/* by card field, then line, then language, then offset */
				assert_true(a->field <= b->field);
				if (a->field == b->field)
					assert_true(a->line <= b->line);
				if (a->field == b->field && a->line == b->line && a->lang == b->lang)
					assert_true(a->end <= b->start);
			}
		}
	}
	search_results_fini(&r);
}

static void test_max_hits(void **state)
{
	struct search_results r, capped;

	(void)state;
	search_results_init(&r);
	search_results_init(&capped);
	assert_true(all(shipped_ix, "e", SEARCH_ALL_LANGS, 0, &r) > 5);
	assert_false(r.truncated);
	assert_int_equal(all(shipped_ix, "e", SEARCH_ALL_LANGS, 5, &capped), 5);
	assert_true(capped.truncated);
	assert_memory_equal(capped.hits, r.hits, 5 * sizeof(r.hits[0]));
	/* Exactly as many as the cap allows is not truncated. */
	assert_int_equal(all(shipped_ix, "ソウル", SEARCH_ALL_LANGS, 1, &capped), 1);
	assert_false(capped.truncated);
	/* Nothing to look for. */
	assert_int_equal(all(shipped_ix, " \xCC\x81 ", SEARCH_ALL_LANGS, 0, &capped), 0);
	search_results_fini(&r);
	search_results_fini(&capped);
}

/* ---- (c) the offices filter ---- */

static size_t filter(struct search_index *ix, const char *q, size_t *out)
{
	struct search_query *query_ = query(q);
	size_t n = search_offices(ix, query_, out);

	search_query_free(query_);
	return n;
}

static void test_offices_filter(void **state)
{
	static const char *const seoul_queries[] = {"seoul", "ソウル", "ｓｅｏｕｌ", "そうる", "SEOUL"};
	size_t *out = calloc(shipped->office_count, sizeof(size_t)), n, want = 0;
	const struct content_region *europe = &shipped->regions[region_index(shipped, "europe")];

	(void)state;
	for (size_t i = 0; i < sizeof(seoul_queries) / sizeof(seoul_queries[0]); i++) {
		assert_int_equal(filter(shipped_ix, seoul_queries[i], out), 1);
		assert_int_equal(out[0], office_index(shipped, "seoul"));
	}
	/* A region name keeps all of the region's offices. */
	n = filter(shipped_ix, "ヨーロッパ", out);
	assert_int_equal(n, europe->office_count);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(out[i], europe->first_office + i);
	/* Countries: exactly the offices in Germany, ascending. */
	n = filter(shipped_ix, "ドイツ", out);
	for (size_t o = 0; o < shipped->office_count; o++) {
		const char *country = content_text_get(&shipped->offices[o].country, 0);
		if (country != NULL && strcmp(country, "ドイツ") == 0) {
			assert_true(want < n);
			assert_int_equal(out[want++], o);
		}
	}
	assert_int_equal(n, want);
	assert_true(n >= 2);
	/* Address lines are not filtered on; nothing typed is no match. */
	assert_int_equal(filter(shipped_ix, "Kaiser-Friedrich", out), 0);
	assert_int_equal(filter(shipped_ix, "", out), 0);
	free(out);
}

/* ---- hand-made models ---- */

/* Two languages; the section title and the office's name exist in
 * Japanese only, the city in English only (fallbacks share pointers, as the
 * loader makes them). */
static struct content *fallback_model(const char *body_ja)
{
	struct content *c = content_new();
	struct content_section *s;
	struct content_office *o;
	struct content_region *g;

	c->lang_count = 2;
	c->langs[0] = "ja";
	c->langs[1] = "en";
	c->section_count = 1;
	c->sections = s = calloc(1, sizeof(*s));
	s->id = "one";
	s->title.by_lang[0] = s->title.by_lang[1] = "パリ協定について";
	s->title.native = 1;
	s->body.by_lang[0] = body_ja;
	s->body.by_lang[1] = "The Paris Agreement and NDCs.";
	s->body.native = 3;
	c->region_count = 1;
	c->regions = g = calloc(1, sizeof(*g));
	g->id = "asia";
	g->name.by_lang[0] = "アジア";
	g->name.by_lang[1] = "Asia";
	g->name.native = 3;
	g->office_count = 1;
	c->office_count = 1;
	c->offices = o = calloc(1, sizeof(*o));
	o->id = "seoul";
	o->name.by_lang[0] = o->name.by_lang[1] = "東アジア事務局";
	o->name.native = 1;
	o->city.by_lang[0] = o->city.by_lang[1] = "Seoul";
	o->city.native = 2;
	o->phone = "+82-2-0000";
	return c;
}

static void test_fallbacks(void **state)
{
	struct content *c = fallback_model("パリ協定とNDC。");
	struct search_index *ix = search_index_new(c);
	struct search_results r;
	struct search_query *q = query("パリ協定");

	(void)state;
	search_results_init(&r);
	/* A fallback title is one text: one hit for all languages... */
	assert_int_equal(all(ix, "について", SEARCH_ALL_LANGS, 0, &r), 1);
	assert_int_equal(r.hits[0].lang, 0);
	/* ...and what English readers see. */
	assert_int_equal(all(ix, "について", 1, 0, &r), 1);
	assert_int_equal(r.hits[0].lang, 1);
	assert_int_equal(search_section(ix, q, 0, 1, SEARCH_TITLE, &r), 1);
	/* A text written in English only is reported in English. */
	assert_int_equal(all(ix, "seoul", SEARCH_ALL_LANGS, 0, &r), 1);
	assert_int_equal(r.hits[0].field, SEARCH_CITY);
	assert_int_equal(r.hits[0].lang, 1);
	assert_int_equal(all(ix, "seoul", 0, 0, &r), 1);
	assert_int_equal(r.hits[0].lang, 0);
	/* Native bodies in both languages: Japanese first. */
	assert_int_equal(all(ix, "ndc", SEARCH_ALL_LANGS, 0, &r), 2);
	assert_int_equal(r.hits[0].lang, 0);
	assert_int_equal(r.hits[1].lang, 1);
	/* Unlocalised fields are searched in every language. */
	assert_int_equal(all(ix, "+82", 0, 0, &r), 1);
	assert_int_equal(r.hits[0].field, SEARCH_PHONE);
	assert_int_equal(r.hits[0].lang, SEARCH_NO_LANG);
	assert_int_equal(all(ix, "+82", 1, 0, &r), 1);
	search_query_free(q);
	search_results_fini(&r);
	search_index_free(ix);
	content_free(c);
}

static void test_hostile_content(void **state)
{
	struct content *c = fallback_model("\xFF\x1B[2J NDC \xC0\x80\x7F\xE3\x81 パリ\x00");
	struct search_index *ix = search_index_new(c);
	struct search_results r;

	(void)state;
	search_results_init(&r);
	assert_int_equal(all(ix, "ndc", 0, 0, &r), 1);
	assert_hit_text(c, &r.hits[0], "NDC");
	assert_int_equal(all(ix, "[2j", 0, 0, &r), 1);
	assert_hit_text(c, &r.hits[0], "[2J");
	assert_int_equal(all(ix, "ぱり", 0, 0, &r), 2);
	assert_int_equal(r.hits[0].field, SEARCH_TITLE);
	assert_int_equal(r.hits[1].field, SEARCH_BODY);
	assert_hit_text(c, &r.hits[1], "パリ");
	assert_int_equal(all(ix, "\x1B", 0, 0, &r), 0); /* a control is no query... */
	/* ...but U+FFFD finds each control and invalid byte */
	assert_int_equal(all(ix, "\xEF\xBF\xBD", 0, 0, &r), 7);
	search_results_fini(&r);
	search_index_free(ix);
	content_free(c);
}

/* Built at load time or on the first search: the same answers. */
static void test_lazy_and_eager(void **state)
{
	struct search_index *eager = search_index_new(shipped), *lazy = search_index_new(shipped);
	struct search_results a, b;
	size_t unbuilt = search_index_memory(lazy);

	(void)state;
	search_index_build(eager);
	assert_true(search_index_memory(eager) > unbuilt);
	search_results_init(&a);
	search_results_init(&b);
	assert_true(all(eager, "iclei", SEARCH_ALL_LANGS, 0, &a) > 0);
	assert_int_equal(all(lazy, "iclei", SEARCH_ALL_LANGS, 0, &b), a.count);
	assert_memory_equal(a.hits, b.hits, a.count * sizeof(a.hits[0]));
	assert_int_equal(search_index_memory(lazy), search_index_memory(eager));
	search_results_fini(&a);
	search_results_fini(&b);
	search_index_free(eager);
	search_index_free(lazy);
}

/* A match across a soft line break of the source, laid out on two lines,
 * is highlighted on both: its byte range is what layout_columns takes. */
static void test_highlight_across_lines(void **state)
{
	static const struct {
		const char *text, *query;
		int width;
		int cols[2][2]; /* [line][start, end) */
	} cases[] = {
		{"Paris\nAgreement", "paris agreement", 9, {{0, 5}, {0, 9}}},
		{"パリ\n協定です", "ぱり協定", 4, {{0, 4}, {0, 4}}},
		{"The Paris Agreement", "paris agreement", 10, {{4, 9}, {0, 9}}},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct layout_options opt = {.width = cases[i].width};
		struct layout *l = layout_new(cases[i].text, strlen(cases[i].text), &opt);
		struct search_query *q = query(cases[i].query);
		struct search_results r;
		size_t first;

		search_results_init(&r);
		assert_int_equal(search_text(q, cases[i].text, strlen(cases[i].text), &r), 1);
		first = layout_line_at(l, r.hits[0].start);
		for (size_t k = 0; k < 2; k++) {
			int a, b;
			assert_true(layout_columns(l, first + k, r.hits[0].start, r.hits[0].end, &a, &b));
			assert_int_equal(a, cases[i].cols[k][0]);
			assert_int_equal(b, cases[i].cols[k][1]);
		}
		search_results_fini(&r);
		search_query_free(q);
		layout_free(l);
	}
}

/* ---- snippets ---- */

static void test_snippets(void **state)
{
	char *s, long_text[4000] = "", *at;
	size_t start;

	(void)state;
	s = search_snippet("São Paulo", 10, 0, 4, 60, false);
	assert_string_equal(s, "[[São]] Paulo");
	free(s);
	/* Line breaks are spaces; controls are visible, never raw. */
	s = search_snippet("a\n\nb\x1B c", 7, 3, 4, 60, false);
	assert_string_equal(s, "a [[b]]^[ c");
	free(s);
	/* Long context is cut on both sides to about 60 columns. */
	for (int i = 0; i < 100; i++)
		strcat(long_text, "word ");
	start = strlen(long_text);
	strcat(long_text, "NDC");
	for (int i = 0; i < 100; i++)
		strcat(long_text, " word");
	s = search_snippet(long_text, strlen(long_text), start, start + 3, 60, false);
	assert_true(strncmp(s, SEARCH_ELLIPSIS, 3) == 0);
	assert_true(strcmp(s + strlen(s) - 3, SEARCH_ELLIPSIS) == 0);
	assert_non_null(strstr(s, "word [[NDC]] word"));
	assert_true(text_width(s, strlen(s), false) <= 60 + 4);
	assert_true(text_width(s, strlen(s), false) >= 60 - 4);
	free(s);
	/* Wide characters count two columns. */
	long_text[0] = '\0';
	for (int i = 0; i < 100; i++)
		strcat(long_text, "協定");
	at = long_text + 300;
	s = search_snippet(long_text, strlen(long_text), (size_t)(at - long_text), (size_t)(at - long_text) + 6,
			   60, false);
	assert_non_null(strstr(s, "[[協定]]"));
	assert_true(text_width(s, strlen(s), false) <= 60 + 4);
	assert_true(text_width(s, strlen(s), false) >= 60 - 6);
	free(s);
	/* A match wider than the room is shown whole. */
	s = search_snippet(long_text, strlen(long_text), 0, 120, 20, false);
	assert_true(strncmp(s, "[[協定", 8) == 0);
	assert_true(text_width(s, strlen(s), false) >= 80);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_section_body),
		cmocka_unit_test(test_all_one_language),
		cmocka_unit_test(test_all_offices),
		cmocka_unit_test(test_region_hits),
		cmocka_unit_test(test_content_order),
		cmocka_unit_test(test_max_hits),
		cmocka_unit_test(test_offices_filter),
		cmocka_unit_test(test_fallbacks),
		cmocka_unit_test(test_hostile_content),
		cmocka_unit_test(test_lazy_and_eager),
		cmocka_unit_test(test_highlight_across_lines),
		cmocka_unit_test(test_snippets),
	};

	return cmocka_run_group_tests_name("search", tests, setup, teardown);
}
