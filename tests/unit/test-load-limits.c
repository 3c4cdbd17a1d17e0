/* The loader's limits (lgma(1), CONTENT): content exactly at each limit
 * loads, one more is refused with a located error. Files are made in
 * memory (load_content_files) except where the file system is the point. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lgma/load.h"
#include "lgma/yaml-tree.h"

/* A growing text buffer. */
struct buf {
	char *s;
	size_t len, cap;
};

__attribute__((format(printf, 2, 3))) static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		assert_true(n >= 0);
		if (b->len + (size_t)n < b->cap)
			break;
		b->cap = b->cap * 2 + (size_t)n + 1024;
		b->s = realloc(b->s, b->cap);
		assert_non_null(b->s);
	}
	b->len += (size_t)n;
}

static const char site[] = "languages: [ja, en]\ntitle: T\n";
static const char section[] = "id: one\ntitle: T\nbody: B\n";

struct result {
	struct content *content;
	char *printed;
	struct diag_list diags;
};

static struct result load(const struct load_file *files, size_t count)
{
	struct result r;
	size_t size = 0;
	FILE *f;

	diag_init(&r.diags);
	r.content = load_content_files(files, count, &r.diags);
	r.printed = NULL;
	f = open_memstream(&r.printed, &size);
	diag_print(&r.diags, f);
	fclose(f);
	return r;
}

/* site.yaml, one section and offices.yaml, the one named replaced by bytes. */
static struct result load_with(const char *name, const char *bytes, size_t size)
{
	struct load_file files[] = {
		{"site.yaml", site, sizeof(site) - 1},
		{"sections/10-one.yaml", section, sizeof(section) - 1},
		{"offices.yaml", NULL, 0},
	};
	size_t count = 2;

	for (size_t i = 0; i < 3; i++)
		if (strcmp(files[i].name, name) == 0) {
			files[i].bytes = bytes;
			files[i].size = size;
			count = i == 2 ? 3 : 2;
		}
	return load(files, count);
}

static void assert_loads(struct result *r)
{
	if (r->content == NULL)
		fail_msg("refused:\n%s", r->printed);
	assert_int_equal(r->diags.errors, 0);
}

static void assert_refused(struct result *r, const char *want)
{
	assert_null(r->content);
	if (strstr(r->printed, want) == NULL)
		fail_msg("expected\n  %s\ngot:\n%s", want, r->printed);
}

static void done(struct result *r)
{
	content_free(r->content);
	diag_fini(&r->diags);
	free(r->printed);
}

/* ---- languages: 16 ---- */

static struct result load_languages(int n)
{
	struct buf b = {0};
	struct result r;

	put(&b, "languages: [");
	for (int i = 0; i < n; i++)
		put(&b, "%sl%c%c", i ? ", " : "", 'a' + i / 26, 'a' + i % 26);
	put(&b, "]\ntitle: T\n");
	{
		const struct load_file files[] = {
			{"site.yaml", b.s, b.len},
			{"sections/10-one.yaml", section, sizeof(section) - 1},
		};
		r = load(files, 2);
	}
	free(b.s);
	return r;
}

static void test_languages(void **state)
{
	struct result r;

	(void)state;
	r = load_languages(CONTENT_MAX_LANGS);
	assert_loads(&r);
	assert_int_equal(r.content->lang_count, 16);
	/* Every language of a one-text title points at it. */
	assert_string_equal(content_text_get(&r.content->title, 15), "T");
	done(&r);
	r = load_languages(CONTENT_MAX_LANGS + 1);
	assert_refused(&r, "site.yaml:1:12: error: 17 languages: the limit is 16\n");
	done(&r);
}

/* ---- sections: 10 000 ---- */

static struct result load_sections(size_t n)
{
	struct load_file *files = calloc(n + 1, sizeof(*files));
	char (*names)[32] = calloc(n, sizeof(*names));
	char (*texts)[64] = calloc(n, sizeof(*texts));
	struct result r;

	files[0] = (struct load_file){"site.yaml", site, sizeof(site) - 1};
	for (size_t i = 0; i < n; i++) {
		snprintf(names[i], sizeof(names[i]), "sections/%05zu.yaml", i);
		snprintf(texts[i], sizeof(texts[i]), "id: s%zu\ntitle: T\nbody: B\n", i);
		files[i + 1] = (struct load_file){names[i], texts[i], strlen(texts[i])};
	}
	r = load(files, n + 1);
	free(texts);
	free(names);
	free(files);
	return r;
}

static void test_sections(void **state)
{
	struct result r;

	(void)state;
	r = load_sections(CONTENT_MAX_SECTIONS);
	assert_loads(&r);
	assert_int_equal(r.content->section_count, 10000);
	assert_string_equal(r.content->sections[9999].id, "s9999");
	done(&r);
	r = load_sections(CONTENT_MAX_SECTIONS + 1);
	assert_refused(&r, "sections:1:1: error: more than 10000 sections\n");
	done(&r);
}

/* ---- regions: 1 000; offices: 100 000 ---- */

static struct result load_offices(size_t regions, size_t offices_per_region)
{
	struct buf b = {0};
	struct result r;

	put(&b, "regions:\n");
	for (size_t i = 0; i < regions; i++) {
		put(&b, "- id: r%zu\n  name: R\n  offices:\n", i);
		for (size_t k = 0; k < offices_per_region; k++)
			put(&b, "  - {id: o%zu-%zu, name: N, address: [A], lat: 0, lon: 0}\n", i, k);
		if (offices_per_region == 0)
			put(&b, "  - {id: o%zu, name: N, address: [A], lat: 0, lon: 0}\n", i);
	}
	r = load_with("offices.yaml", b.s, b.len);
	free(b.s);
	return r;
}

static void test_regions(void **state)
{
	struct result r;

	(void)state;
	r = load_offices(CONTENT_MAX_REGIONS, 0);
	assert_loads(&r);
	assert_int_equal(r.content->region_count, 1000);
	done(&r);
	r = load_offices(CONTENT_MAX_REGIONS + 1, 0);
	/* Region 1001 starts on line 4 * 1000 + 2. */
	assert_refused(&r, "offices.yaml:4002:3: error: more than 1000 regions\n");
	done(&r);
}

/* 100 000 offices take 5.5 MB of offices.yaml, 1.3 million YAML nodes:
 * within the file size and node limits, so the offices limit is reached. */
static void test_offices(void **state)
{
	struct result r;

	(void)state;
	r = load_offices(100, CONTENT_MAX_OFFICES / 100);
	assert_loads(&r);
	assert_int_equal(r.content->office_count, 100000);
	assert_string_equal(r.content->offices[99999].id, "o99-999");
	done(&r);
	r = load_offices(101, CONTENT_MAX_OFFICES / 100);
	/* The first office of region 101: 100 regions of 1003 lines after
	 * "regions:", then its 3 lines of header. */
	assert_refused(&r, "offices.yaml:100305:5: error: more than 100000 offices\n");
	done(&r);
}

/* ---- address lines: 64 ---- */

static struct result load_address(const char *field, int lines)
{
	struct buf b = {0};
	struct result r;

	put(&b, "regions:\n- id: r\n  name: R\n  offices:\n  - id: o\n    name: N\n    lat: 0\n    lon: 0\n");
	put(&b, "    address: [A]\n");
	if (strcmp(field, "address") == 0)
		b.len -= strlen("    address: [A]\n");
	put(&b, "    %s:\n", field);
	for (int i = 0; i < lines; i++)
		put(&b, "    - line %d\n", i);
	r = load_with("offices.yaml", b.s, b.len);
	free(b.s);
	return r;
}

static void test_address_lines(void **state)
{
	const char *fields[] = {"address", "postal"};

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		struct result r = load_address(fields[i], CONTENT_MAX_LINES);
		char want[128];

		assert_loads(&r);
		if (i == 0)
			assert_int_equal(r.content->offices[0].address.count, 64);
		else
			assert_int_equal(r.content->offices[0].postal.count, 64);
		done(&r);
		r = load_address(fields[i], CONTENT_MAX_LINES + 1);
		snprintf(want, sizeof(want), "offices.yaml:%d:5: error: '%s' has 65 lines; the limit is 64\n",
			 i == 0 ? 10 : 11, fields[i]);
		assert_refused(&r, want);
		done(&r);
	}
}

/* ---- nesting: 8 levels ---- */

/* A section with an unknown key (a warning) whose value nests to depth in
 * all, the root mapping counting as the first level. */
static struct result load_nested(int depth)
{
	struct buf b = {0};
	struct result r;

	put(&b, "id: one\ntitle: T\nbody: B\nextra: ");
	for (int i = 1; i < depth; i++)
		put(&b, "[");
	put(&b, "x");
	for (int i = 1; i < depth; i++)
		put(&b, "]");
	put(&b, "\n");
	r = load_with("sections/10-one.yaml", b.s, b.len);
	free(b.s);
	return r;
}

static void test_nesting(void **state)
{
	struct result r;

	(void)state;
	r = load_nested(YTREE_MAX_DEPTH);
	assert_loads(&r);
	assert_int_equal(r.diags.warnings, 1); /* the unknown key */
	done(&r);
	r = load_nested(YTREE_MAX_DEPTH + 1);
	assert_refused(&r, "sections/10-one.yaml:4:15: error: nesting deeper than 8 levels");
	done(&r);
}

/* ---- nodes of one file: 2 000 000 ---- */

static struct result load_nodes(size_t nodes)
{
	/* id, title and body: 6 nodes; the root, the key extra and its list 3. */
	size_t items = nodes - 9;
	struct buf b = {0};
	struct result r;

	put(&b, "id: one\ntitle: T\nbody: B\nextra: [");
	for (size_t i = 0; i < items; i++)
		put(&b, i + 1 < items ? "a," : "a]\n");
	r = load_with("sections/10-one.yaml", b.s, b.len);
	free(b.s);
	return r;
}

static void test_nodes(void **state)
{
	struct result r;

	(void)state;
	r = load_nodes(YTREE_MAX_NODES);
	assert_loads(&r);
	done(&r);
	r = load_nodes(YTREE_MAX_NODES + 1);
	/* The last item, at column 9 + 2 * (items - 1). */
	assert_refused(&r, "sections/10-one.yaml:4:3999991: error: more than 2000000 keys, values and items");
	done(&r);
}

/* ---- file size: 16 MiB, on disk and given ---- */

/* A valid section padded with a comment to exactly size bytes. */
static char *section_of_size(size_t size)
{
	char *s = malloc(size);
	size_t head = sizeof(section) - 1;

	memcpy(s, section, head);
	s[head] = '#';
	memset(s + head + 1, 'x', size - head - 2);
	s[size - 1] = '\n';
	return s;
}

static void test_file_size_given(void **state)
{
	char *s = section_of_size(YTREE_MAX_FILE_SIZE + 1);
	struct result r;

	(void)state;
	/* The first 16 MiB end inside the comment. */
	r = load_with("sections/10-one.yaml", s, YTREE_MAX_FILE_SIZE);
	assert_loads(&r);
	done(&r);
	r = load_with("sections/10-one.yaml", s, YTREE_MAX_FILE_SIZE + 1);
	assert_refused(&r, "sections/10-one.yaml:1:1: error: file too large: 16777217 bytes, the limit is 16777216\n");
	done(&r);
	free(s);
}

static void test_file_size_on_disk(void **state)
{
	char dir[] = "/tmp/lgma-limits-XXXXXX", path[256], cmd[512];
	char *s = section_of_size(YTREE_MAX_FILE_SIZE + 1);
	struct diag_list diags;
	struct content *c;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(cmd, sizeof(cmd), "cp -R '%s/tiny/.' '%s'", LGMA_TEST_DATA, dir);
	assert_int_equal(system(cmd), 0);
	snprintf(path, sizeof(path), "%s/sections/10-one.yaml", dir);
	for (int extra = 0; extra < 2; extra++) {
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(s, 1, YTREE_MAX_FILE_SIZE + (size_t)extra, f),
				 YTREE_MAX_FILE_SIZE + (size_t)extra);
		assert_int_equal(fclose(f), 0);
		diag_init(&diags);
		c = load_content_dir(dir, &diags);
		if (extra == 0) {
			assert_non_null(c);
		} else {
			assert_null(c);
			assert_int_equal(diags.errors, 1);
			assert_string_equal(diags.items[0].message,
					    "file too large: 16777217 bytes, the limit is 16777216");
		}
		content_free(c);
		diag_fini(&diags);
	}
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(s);
}

/* ---- ids: 64 characters ---- */

static void test_id_length(void **state)
{
	char text[256];
	struct result r;

	(void)state;
	snprintf(text, sizeof(text), "id: %.64s\ntitle: T\nbody: B\n",
		 "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-0123456789");
	r = load_with("sections/10-one.yaml", text, strlen(text));
	assert_loads(&r);
	assert_int_equal(strlen(r.content->sections[0].id), 64);
	done(&r);
	snprintf(text, sizeof(text), "id: %.65s\ntitle: T\nbody: B\n",
		 "abcdefghijklmnopqrstuvwxyz-abcdefghijklmnopqrstuvwxyz-0123456789x");
	r = load_with("sections/10-one.yaml", text, strlen(text));
	assert_refused(&r, "sections/10-one.yaml:1:5: error: invalid id");
	done(&r);
}

/* ---- diagnostics kept: 1 000 ---- */

static void test_diagnostics_kept(void **state)
{
	struct buf b = {0};
	struct result r;

	(void)state;
	put(&b, "regions: [");
	for (int i = 0; i < DIAG_MAX_KEPT + 1; i++)
		put(&b, i ? ",1" : "1");
	put(&b, "]\n");
	r = load_with("offices.yaml", b.s, b.len);
	assert_null(r.content);
	assert_int_equal(r.diags.errors, 1001);
	assert_int_equal(r.diags.count, 1000);
	assert_int_equal(r.diags.dropped, 1);
	assert_refused(&r, "lgma: 1 more diagnostics not shown\n");
	done(&r);
	free(b.s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_languages),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_regions),
		cmocka_unit_test(test_offices),
		cmocka_unit_test(test_address_lines),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_nodes),
		cmocka_unit_test(test_file_size_given),
		cmocka_unit_test(test_file_size_on_disk),
		cmocka_unit_test(test_id_length),
		cmocka_unit_test(test_diagnostics_kept),
	};

	return cmocka_run_group_tests_name("load-limits", tests, NULL, NULL);
}
