/* bench-search: the cost of search over a large content set.
 *
 * Builds a content model of about SIZE MiB (default 20) in memory from the
 * shipped texts, shuffled and varied (full-width letters, accents, kana,
 * wrapped lines), with a few thousand offices; builds the index (time,
 * memory) and then times incremental searches: every prefix of each query,
 * as typed, searched everywhere in all languages, as the browser does per
 * keystroke. Prints figures; it is a program, not a test.
 *
 *   bench-search [SIZE-MIB [CONTENT-DIR]] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistr.h>

#include "lgma/load.h"
#include "lgma/search.h"

static uint32_t rng_state = 2024;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static double clock_seconds(clockid_t id)
{
	struct timespec ts;

	clock_gettime(id, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Wall time, and CPU time: on a shared machine the wall clock also counts
 * other people's work. */
static double now(void)
{
	return clock_seconds(CLOCK_MONOTONIC);
}

static double cpu_now(void)
{
	return clock_seconds(CLOCK_THREAD_CPUTIME_ID);
}

static long max_rss_kib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

/* Words mixed into the texts so that queries find things at many rates. */
static const char *const extras[] = {
	"São Paulo", "SAO PAULO", "Seoul", "ソウル", "そうる", "ＣＯＰ２８", "COP28", "ﾊﾟﾘ協定",
	"Friends of Cities", "Zürich", "Ｆｒｉｅｎｄｓ", "İstanbul", "Straße", "①", "10㎞", "ﬁnance",
	"NDC", "パリ\n協定", "Paris\nAgreement", "自治体", "イクレイ", "いくれい",
};

struct text_pool {
	const char **texts;
	size_t count;
};

/* A new text of about size bytes: pieces of the pool's texts cut at line
 * or sentence ends, with extras in between. */
static char *make_text(struct arena *a, const struct text_pool *pool, size_t size)
{
	char *buf = malloc(size + 4096);
	size_t n = 0;

	while (n < size) {
		const char *t = pool->texts[rng() % pool->count];
		size_t len = strlen(t), from = rng() % (len ? len : 1), take = 200 + rng() % 600;
		while (from < len && (t[from] & 0xC0) == 0x80)
			from++;
		if (from + take > len)
			take = len - from;
		while (take > 0 && from + take < len && (t[from + take] & 0xC0) == 0x80)
			take--;
		memcpy(buf + n, t + from, take);
		n += take;
		const char *x = extras[rng() % (sizeof(extras) / sizeof(extras[0]))];
		buf[n++] = rng() % 8 == 0 ? '\n' : ' ';
		memcpy(buf + n, x, strlen(x));
		n += strlen(x);
		buf[n++] = rng() % 16 == 0 ? '\n' : ' ';
		if (rng() % 24 == 0)
			buf[n++] = '\n';
	}
	char *out = arena_strndup(a, buf, n);
	free(buf);
	return out;
}

static const char *pick(const char *const *list, size_t n)
{
	return list[rng() % n];
}

static struct content *make_content(const struct content *seed, size_t bytes, size_t *total)
{
	static const char *const cities[] = {
		"São Paulo", "Seoul", "Bonn", "Zürich", "Tokyo", "Montréal", "Kraków",
	};
	static const char *const cities_ja[] = {
		"サンパウロ", "ソウル", "ボン", "チューリッヒ", "東京", "モントリオール", "クラクフ",
	};
	struct content *c = content_new();
	struct text_pool pools[2] = {{0}};
	size_t offices = 5000, regions = 20, sections, per_text = 4000;

	c->lang_count = 2;
	c->langs[0] = "ja";
	c->langs[1] = "en";
	for (size_t l = 0; l < 2; l++) {
		pools[l].texts = calloc(seed->section_count, sizeof(char *));
		for (size_t s = 0; s < seed->section_count; s++)
			pools[l].texts[pools[l].count++] = content_text_get(&seed->sections[s].body, l);
	}
	*total = 0;
	sections = bytes / (2 * per_text);
	if (sections > CONTENT_MAX_SECTIONS)
		sections = CONTENT_MAX_SECTIONS;
	c->sections = calloc(sections, sizeof(*c->sections));
	c->section_count = sections;
	for (size_t s = 0; s < sections; s++) {
		struct content_section *sec = &c->sections[s];
		char id[32];
		snprintf(id, sizeof(id), "s%zu", s);
		sec->id = arena_strdup(&c->arena, id);
		for (size_t l = 0; l < 2; l++) {
			sec->title.by_lang[l] = content_text_get(&seed->sections[s % seed->section_count].title, l);
			sec->body.by_lang[l] = make_text(&c->arena, &pools[l], per_text - 200 + rng() % 400);
			*total += strlen(sec->title.by_lang[l]) + strlen(sec->body.by_lang[l]);
		}
		sec->title.native = sec->body.native = 3;
	}
	c->regions = calloc(regions, sizeof(*c->regions));
	c->region_count = regions;
	c->offices = calloc(offices, sizeof(*c->offices));
	c->office_count = offices;
	for (size_t r = 0; r < regions; r++) {
		struct content_region *g = &c->regions[r];
		char buf[64];
		snprintf(buf, sizeof(buf), "Region %zu", r);
		g->name.by_lang[1] = arena_strdup(&c->arena, buf);
		snprintf(buf, sizeof(buf), "地域%zu", r);
		g->name.by_lang[0] = arena_strdup(&c->arena, buf);
		g->name.native = 3;
		g->first_office = r * offices / regions;
		g->office_count = (r + 1) * offices / regions - g->first_office;
		for (size_t o = g->first_office; o < g->first_office + g->office_count; o++) {
			struct content_office *of = &c->offices[o];
			size_t k = rng() % (sizeof(cities) / sizeof(cities[0]));
			snprintf(buf, sizeof(buf), "o%zu", o);
			of->id = arena_strdup(&c->arena, buf);
			of->region = r;
			snprintf(buf, sizeof(buf), "ICLEI Office %zu", o);
			of->name.by_lang[1] = arena_strdup(&c->arena, buf);
			snprintf(buf, sizeof(buf), "イクレイ事務所%zu", o);
			of->name.by_lang[0] = arena_strdup(&c->arena, buf);
			of->city.by_lang[0] = cities_ja[k];
			of->city.by_lang[1] = cities[k];
			of->name.native = of->city.native = 3;
			of->address.count = 3;
			of->address.lines = arena_alloc(&c->arena, 3 * sizeof(char *));
			snprintf(buf, sizeof(buf), "%u Rua Ibiraçu", rng() % 999);
			of->address.lines[0] = arena_strdup(&c->arena, buf);
			of->address.lines[1] = pick(cities, sizeof(cities) / sizeof(cities[0]));
			of->address.lines[2] = "CEP 05451-040";
			of->phone = "+49-228/97 62 99-00";
			of->web = "https://iclei.org/";
			*total += 120;
		}
	}
	free(pools[0].texts);
	free(pools[1].texts);
	return c;
}

struct timing {
	double total, worst, cpu_total, cpu_worst;
	size_t count, hits;
	double start, cpu_start;
};

static void start(struct timing *t)
{
	t->start = now();
	t->cpu_start = cpu_now();
}

static void stop(struct timing *t, size_t hits)
{
	double d = now() - t->start, cpu = cpu_now() - t->cpu_start;

	t->total += d;
	t->cpu_total += cpu;
	t->count++;
	t->hits += hits;
	if (d > t->worst)
		t->worst = d;
	if (cpu > t->cpu_worst)
		t->cpu_worst = cpu;
}

static void report(const char *what, const struct timing *t)
{
	printf("%-42s %5zu keystrokes %8.0f /s; ms per keystroke: CPU mean %6.3f worst %6.3f, "
	       "wall mean %6.3f worst %6.3f (%zu hits)\n",
	       what, t->count, t->count / t->cpu_total, 1e3 * t->cpu_total / t->count, 1e3 * t->cpu_worst,
	       1e3 * t->total / t->count, 1e3 * t->worst, t->hits);
}

int main(int argc, char **argv)
{
	static const char *const queries[] = {
		"NDC", "パリ協定", "Friends of Cities", "Seoul", "ソウル", "ｓｅｏｕｌ", "sao paulo", "São",
		"cop28", "ＣＯＰ", "climate action", "自治体", "いくれい", "Zurich", "straße", "1",
		"local governments", "気候変動", "the", "e",
	};
	size_t mib = argc > 1 ? (size_t)atoi(argv[1]) : 20, total;
	const char *dir = argc > 2 ? argv[2] : LGMA_CONTENT_DIR;
	struct diag_list diags;
	struct content *seed, *c;
	struct search_index *ix;
	struct search_results r;
	struct timing all = {0}, capped = {0}, one = {0}, offices = {0}, section = {0};
	size_t *filtered;
	long rss0, rss1;
	double t0, cpu0;

	diag_init(&diags);
	seed = load_content_dir(dir, &diags);
	diag_fini(&diags);
	if (seed == NULL || seed->lang_count < 2) {
		fprintf(stderr, "bench-search: cannot load two-language content from %s\n", dir);
		return 1;
	}
	c = make_content(seed, mib << 20, &total);
	printf("content: %zu sections, %zu offices, %.1f MiB of text\n", c->section_count, c->office_count,
	       total / 1048576.0);

	rss0 = max_rss_kib();
	ix = search_index_new(c);
	t0 = now();
	cpu0 = cpu_now();
	search_index_build(ix);
	rss1 = max_rss_kib();
	printf("index build: %.3f s CPU, %.3f s wall; index memory %.1f MiB (%.2f bytes per text byte), "
	       "peak RSS +%.1f MiB\n",
	       cpu_now() - cpu0, now() - t0, search_index_memory(ix) / 1048576.0,
	       (double)search_index_memory(ix) / (double)total, (rss1 - rss0) / 1024.0);

	search_results_init(&r);
	filtered = calloc(c->office_count, sizeof(size_t));
	for (int round = 0; round < 3; round++) {
		for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
			size_t n = strlen(queries[i]);
			/* Every prefix that ends on a character, as typed. */
			for (size_t k = 1; k <= n; k++) {
				if (k < n && (queries[i][k] & 0xC0) == 0x80)
					continue;
				struct search_query *q = search_query_new(queries[i], k);
				struct search_scope everywhere = {.lang = SEARCH_ALL_LANGS, .sections = true, .offices = true};
				struct search_scope first = {.lang = SEARCH_ALL_LANGS, .sections = true, .offices = true,
							     .max_hits = 1000};
				struct search_scope lang = {.lang = 1, .sections = true, .offices = true, .max_hits = 1000};
				start(&all);
				stop(&all, search_all(ix, q, &everywhere, &r));
				start(&capped);
				stop(&capped, search_all(ix, q, &first, &r));
				start(&one);
				stop(&one, search_all(ix, q, &lang, &r));
				start(&offices);
				stop(&offices, search_offices(ix, q, filtered));
				start(&section);
				stop(&section, search_section(ix, q, k % c->section_count, 0, SEARCH_BODY, &r));
				search_query_free(q);
			}
		}
	}
	report("everywhere, all languages, every hit", &all);
	report("everywhere, all languages, first 1000 hits", &capped);
	report("everywhere, English, first 1000 hits", &one);
	report("offices filter", &offices);
	report("open section body", &section);
	printf("peak RSS %.1f MiB\n", max_rss_kib() / 1024.0);

	free(filtered);
	search_results_fini(&r);
	search_index_free(ix);
	content_free(c);
	content_free(seed);
	return 0;
}
