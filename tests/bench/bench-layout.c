/* Layout throughput against libunistring's own line breaker.
 *
 * Generates about 20 MB of Japanese and English paragraphs (a fixed seed,
 * so runs compare), lays it out at widths 40, 80 and 200, and prints MB/s
 * next to one u8_width_linebreaks pass over the same bytes. The engine does
 * more (graphemes, display-safe glyphs, kinsoku, the line maps), so the
 * target is a ratio under 2. Times are CPU time, best of 5, the two
 * interleaved. Run: build/tests/bench/bench-layout [MB] */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unilbrk.h>

#include "lgma/layout.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static unsigned next_rand(unsigned bound)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % bound);
}

struct text {
	char *s;
	size_t n, cap;
};

static void add(struct text *t, const char *s)
{
	size_t k = strlen(s);

	if (t->n + k + 1 > t->cap) {
		t->cap = (t->n + k + 1) * 2;
		t->s = realloc(t->s, t->cap);
		if (t->s == NULL)
			abort();
	}
	memcpy(t->s + t->n, s, k + 1);
	t->n += k;
}

static const char *const ja_words[] = {
	"自治体", "は", "気候", "変動", "の", "交渉", "に", "おいて", "重要", "な", "役割", "を",
	"果たして", "います", "、", "。", "「", "パリ協定", "」", "（", "NDC", "）", "ちょっと",
	"ウェビナー", "国連", "締約国会議", "ー", "々", "地域", "COP", "2015年", "が", "で",
};
static const char *const en_words[] = {
	"local", "governments", "climate", "negotiations", "the", "of", "and", "to", "in", "a",
	"Paris", "Agreement", "(UNFCCC)", "transformative", "action,", "cities.", "regions",
	"https://www.iclei.org/", "multilevel", "is", "for", "with", "2015",
};

static void paragraph(struct text *t)
{
	bool ja = next_rand(2) == 0;
	unsigned words = 20 + next_rand(120);

	if (next_rand(6) == 0)
		add(t, "- ");
	for (unsigned i = 0; i < words; i++) {
		if (ja) {
			add(t, ja_words[next_rand(sizeof(ja_words) / sizeof(ja_words[0]))]);
		} else {
			add(t, en_words[next_rand(sizeof(en_words) / sizeof(en_words[0]))]);
			add(t, " ");
		}
		if (next_rand(40) == 0)
			add(t, "\n");
	}
	add(t, "\n\n");
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts); /* CPU time: the machine is shared */
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

enum { RUNS = 5 };

static double layout_once(const struct text *t, int width, size_t *lines)
{
	struct layout_options opt = {.width = width};
	double t0 = now(), dt;
	struct layout *l = layout_new(t->s, t->n, &opt);

	dt = now() - t0;
	*lines = layout_line_count(l);
	layout_free(l);
	return dt;
}

static double raw_once(const struct text *t, int width, char *out)
{
	double t0 = now();

	u8_width_linebreaks((const uint8_t *)t->s, t->n, width, 0, 0, NULL, "UTF-8", out);
	return now() - t0;
}

/* Best of RUNS each, the two interleaved so that a busy moment on a shared
 * machine slows both rather than one. */
static void measure(const struct text *t, int width, char *out, double *lay, double *raw, size_t *lines)
{
	*lay = *raw = 1e9;
	for (int run = 0; run < RUNS; run++) {
		double a = layout_once(t, width, lines), b = raw_once(t, width, out);
		if (a < *lay)
			*lay = a;
		if (b < *raw)
			*raw = b;
	}
}

int main(int argc, char **argv)
{
	size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 20;
	struct text t = {0};
	static const int widths[] = {40, 80, 200};
	char *out;

	while (t.n < mb * 1000 * 1000)
		paragraph(&t);
	out = malloc(t.n);
	if (out == NULL)
		abort();
	printf("%.1f MB of Japanese and English text\n", (double)t.n / 1e6);
	printf("%6s %12s %14s %14s %7s\n", "width", "lines", "layout MB/s", "unilbrk MB/s", "ratio");
	for (size_t i = 0; i < sizeof(widths) / sizeof(widths[0]); i++) {
		size_t lines;
		double lay, raw;
		measure(&t, widths[i], out, &lay, &raw, &lines);
		printf("%6d %12zu %14.1f %14.1f %7.2f\n", widths[i], lines, (double)t.n / 1e6 / lay,
		       (double)t.n / 1e6 / raw, lay / raw);
	}
	free(out);
	free(t.s);
	return 0;
}
