/* bench-scale: lgma on a large content set (1 000 sections, 5 000 offices,
 * about 20 MB of YAML), measured the way a user meets it: the real binary
 * in a pseudo-terminal, from start to a painted screen, its peak memory,
 * and how long moving between sections takes. Prints figures; it is a
 * program, not a test.
 *
 *   bench-scale [LGMA-BINARY [SECTIONS [OFFICES]]] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "lgma/load.h"
#include "vt.h"

static long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)st.st_size : 0;
}

static void put_block(FILE *f, const char *indent, const char *text)
{
	for (const char *line = text; *line != '\0';) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		fprintf(f, "%s%.*s\n", n ? indent : "", (int)n, line);
		line += n + (end != NULL);
	}
}

/* A section of about `bytes` from the shipped texts, both languages. */
static long write_section(const char *dir, size_t i, const struct content *seed, size_t bytes)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/sections/%05zu-s%zu.yaml", dir, i, i);
	f = fopen(path, "w");
	if (f == NULL)
		return 0;
	fprintf(f, "id: s%zu\ntitle:\n  ja: 第%zu節 %s\n  en: Section %zu %s\nbody:\n", i, i,
		seed->sections[i % seed->section_count].title.by_lang[0], i,
		seed->sections[i % seed->section_count].title.by_lang[1]);
	for (size_t lang = 0; lang < 2; lang++) {
		size_t written = 0;
		fprintf(f, "  %s: |\n", seed->langs[lang]);
		for (size_t k = i; written < bytes / 2; k++) {
			const char *body = seed->sections[k % seed->section_count].body.by_lang[lang];
			put_block(f, "    ", body);
			fputs("\n", f);
			written += strlen(body) + 1;
		}
	}
	fclose(f);
	return file_size(path);
}

static long write_offices(const char *dir, const struct content *seed, size_t offices)
{
	char path[4096];
	FILE *f;
	size_t per_region = 100;

	snprintf(path, sizeof(path), "%s/offices.yaml", dir);
	f = fopen(path, "w");
	if (f == NULL)
		return 0;
	fputs("regions:\n", f);
	for (size_t i = 0; i < offices; i++) {
		const struct content_office *o = &seed->offices[i % seed->office_count];
		if (i % per_region == 0)
			fprintf(f, "  - id: r%zu\n    name: {ja: 地域%zu, en: Region %zu}\n    offices:\n", i / per_region,
				i / per_region, i / per_region);
		fprintf(f, "      - id: o%zu\n        name: {ja: \"%s %zu\", en: \"%s %zu\"}\n", i, o->name.by_lang[0], i,
			o->name.by_lang[1], i);
		fprintf(f, "        city: {ja: \"%s\", en: \"%s\"}\n", o->city.by_lang[0], o->city.by_lang[1]);
		fputs("        address:\n", f);
		for (size_t k = 0; k < o->address.count; k++)
			fprintf(f, "          - \"%s\"\n", o->address.lines[k]);
		fprintf(f, "        lat: %.4f\n        lon: %.4f\n", o->lat + (double)(i % 7) * 0.01,
			o->lon + (double)(i % 11) * 0.01);
	}
	fclose(f);
	return file_size(path);
}

static long make_content(const char *dir, const char *source, size_t sections, size_t offices)
{
	struct diag_list diags;
	struct content *seed;
	char cmd[8192];
	long total = 0;

	diag_init(&diags);
	seed = load_content_dir(source, &diags);
	diag_fini(&diags);
	if (seed == NULL)
		return -1;
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s/sections' '%s/world' && cp '%s/site.yaml' '%s/' && cp '%s/world/land.txt' '%s/world/'",
		 dir, dir, source, dir, source, dir);
	if (system(cmd) != 0)
		return -1;
	for (size_t i = 0; i < sections; i++)
		total += write_section(dir, i, seed, 17000);
	total += write_offices(dir, seed, offices);
	content_free(seed);
	return total;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	const char *lgma = argc > 1 ? argv[1] : LGMA_BUILD_ROOT "/src/lgma";
	size_t sections = argc > 2 ? strtoul(argv[2], NULL, 10) : 1000;
	size_t offices = argc > 3 ? strtoul(argv[3], NULL, 10) : 5000;
	char dir[] = "/tmp/lgma-scale-XXXXXX";
	char *args[] = {(char *)lgma, "--content", dir, NULL};
	char *env[] = {"TERM=xterm-256color", "LANG=C.UTF-8", NULL};
	struct diag_list diags;
	struct content *c;
	double t0, load_ms, switches[40];
	long bytes;
	struct vt *vt;
	struct vt_stats st;
	int status;

	if (mkdtemp(dir) == NULL)
		return 1;
	bytes = make_content(dir, LGMA_CONTENT_DIR, sections, offices);
	if (bytes < 0) {
		fprintf(stderr, "bench-scale: cannot make the content in %s\n", dir);
		return 1;
	}
	fflush(stdout);
	printf("content: %zu sections, %zu offices, %.1f MB of YAML in %s\n", sections, offices, bytes / 1e6, dir);

	diag_init(&diags);
	t0 = now_ms();
	c = load_content_dir(dir, &diags);
	load_ms = now_ms() - t0;
	diag_print(&diags, stderr);
	diag_fini(&diags);
	if (c == NULL)
		return 1;
	content_free(c);
	printf("load_content_dir (in this process): %.0f ms\n", load_ms);

	vt = vt_spawn(args, env, 24, 80);
	if (vt == NULL)
		return 1;
	vt_wait_output(vt, 20000);
	vt_wait_quiet(vt, 300, 20000);
	st = vt_total(vt);
	printf("lgma start to painted (80x24, last byte of the first screen): %.0f ms\n", st.last_byte_ms);
	/* Open a section, then walk: each step opens the next section. */
	vt_key(vt, VT_KEY_ENTER, 0);
	vt_wait_quiet(vt, 200, 5000);
	for (int i = 0; i < 40; i++) {
		vt_key(vt, VT_KEY_TAB, 0); /* to the menu */
		vt_wait_quiet(vt, 150, 5000);
		vt_key(vt, VT_KEY_DOWN, 0);
		vt_mark(vt);
		vt_key(vt, VT_KEY_ENTER, 0); /* the next section, laid out on demand */
		vt_wait_quiet(vt, 150, 5000);
		switches[i] = vt_action(vt).last_byte_ms;
	}
	qsort(switches, 40, sizeof(switches[0]), cmp_double);
	printf("opening a section: median %.1f ms, slowest %.1f ms (40 sections, time to last byte)\n", switches[20],
	       switches[39]);
	vt_sample_rss(vt);
	vt_type(vt, "q");
	vt_wait_exit(vt, 5000, &status);
	printf("peak RSS: %.1f MB = %.2fx the content's size\n", vt_peak_rss_kb(vt) / 1024.0,
	       vt_peak_rss_kb(vt) * 1024.0 / (double)bytes);
	vt_close(vt);
	{
		char cmd[256];
		if (getenv("BENCH_SCALE_KEEP") != NULL)
			return 0;
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
		return system(cmd) == 0 ? 0 : 1;
	}
}
