/* The loader: the shipped content loads completely, every fault of the
 * broken corpus is reported at its position, and the seed page is all there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag-text.h"
#include "lgma/geo.h"
#include "lgma/load.h"

/* ---- helpers ---- */

/* Runs "cp -R 'FROM'/. 'TO'" or "rm -rf 'DIR'": test-owned paths only. */
static void shell(const char *what, const char *a, const char *b)
{
	char cmd[4096];

	if (b != NULL)
		snprintf(cmd, sizeof(cmd), "%s '%s'/. '%s'", what, a, b);
	else
		snprintf(cmd, sizeof(cmd), "%s '%s'", what, a);
	assert_int_equal(system(cmd), 0);
}

/* A fresh copy of tests/data/tiny, with a broken case's files laid over it. */
static char *make_case_dir(const char *case_name)
{
	char *dir = strdup("/tmp/lgma-test-XXXXXX");
	char src[1024];

	assert_non_null(mkdtemp(dir));
	snprintf(src, sizeof(src), "%s/tiny", LGMA_TEST_DATA);
	shell("cp -R", src, dir);
	if (case_name != NULL) {
		snprintf(src, sizeof(src), "%s/broken/%s", LGMA_TEST_DATA, case_name);
		shell("cp -R", src, dir);
		snprintf(src, sizeof(src), "%s/expect", dir);
		assert_int_equal(unlink(src), 0);
	}
	return dir;
}

static void remove_dir(char *dir)
{
	shell("rm -rf", dir, NULL);
	free(dir);
}

/* Diagnostics as printed, with the temporary directory cut from paths. */
/* Every line of the case's expect file must begin some printed line. */
static void assert_expected(const char *case_name, const char *got)
{
	char path[1024], line[1024];
	FILE *f;
	int lines = 0;

	snprintf(path, sizeof(path), "%s/broken/%s/expect", LGMA_TEST_DATA, case_name);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		const char *at = got;
		int found = 0;
		line[strcspn(line, "\n")] = '\0';
		while (at != NULL && *at != '\0') {
			if (strncmp(at, line, strlen(line)) == 0)
				found = 1;
			at = strchr(at, '\n');
			at = at ? at + 1 : NULL;
		}
		if (!found)
			fail_msg("expected a line starting with\n  %s\ngot:\n%s", line, got);
		lines++;
	}
	fclose(f);
	assert_true(lines > 0);
}

static void check_case(const char *case_name, int should_load)
{
	char *dir = make_case_dir(case_name);
	struct diag_list diags;
	struct content *c;
	char *got;

	diag_init(&diags);
	c = load_content_dir(dir, &diags);
	got = diag_text(&diags, dir);
	assert_expected(case_name, got);
	if (should_load)
		assert_non_null(c);
	else
		assert_null(c);
	free(got);
	content_free(c);
	diag_fini(&diags);
	remove_dir(dir);
}

#define CASE(ident, dir, should_load) \
	static void test_##ident(void **state) \
	{ \
		(void)state; \
		check_case(dir, should_load); \
	}

CASE(alias, "alias", 0)
CASE(anchor, "anchor", 0)
CASE(bad_id, "bad-id", 0)
CASE(bad_language_code, "bad-language-code", 0)
CASE(duplicate_id, "duplicate-id", 0)
CASE(duplicate_key, "duplicate-key", 0)
CASE(empty_file, "empty-file", 0)
CASE(invalid_utf8, "invalid-utf8", 0)
CASE(lat_range, "lat-range", 0)
CASE(lon_range, "lon-range", 0)
CASE(missing_key, "missing-key", 0)
CASE(no_language, "no-language", 0)
CASE(no_languages, "no-languages", 0)
CASE(not_a_number, "not-a-number", 0)
CASE(nul_escape, "nul-escape", 0)
CASE(reserved_id, "reserved-id", 0)
CASE(too_deep, "too-deep", 0)
CASE(two_documents, "two-documents", 0)
CASE(undeclared_lang, "undeclared-lang", 0)
CASE(unknown_key, "unknown-key", 1)
CASE(wrong_type, "wrong-type", 0)
CASE(yaml_syntax, "yaml-syntax", 0)

/* Faults that cannot be files in git: made at test time. */
static struct content *load_generated(const char *dir, struct diag_list *diags, char **got)
{
	struct content *c;

	diag_init(diags);
	c = load_content_dir(dir, diags);
	*got = diag_text(diags, dir);
	return c;
}

static void assert_contains(const char *got, const char *want)
{
	if (strstr(got, want) == NULL)
		fail_msg("expected\n  %s\ngot:\n%s", want, got);
}

static void test_too_large(void **state)
{
	char *dir = make_case_dir(NULL), path[1024], *got;
	struct diag_list diags;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/sections/20-big.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fseek(f, 17L * 1024 * 1024, SEEK_SET), 0);
	fputc('\n', f);
	fclose(f);
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "sections/20-big.yaml:1:1: error: file too large: 17825793 bytes, the limit is 16777216");
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

static void test_fifo(void **state)
{
	char *dir = make_case_dir(NULL), path[1024], *got;
	struct diag_list diags;

	(void)state;
	snprintf(path, sizeof(path), "%s/sections/20-fifo.yaml", dir);
	assert_int_equal(mkfifo(path, 0600), 0);
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "sections/20-fifo.yaml:1:1: error: not a regular file");
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

static void test_symlink_outside(void **state)
{
	char *dir = make_case_dir(NULL), path[1024], *got;
	struct diag_list diags;

	(void)state;
	snprintf(path, sizeof(path), "%s/sections/20-passwd.yaml", dir);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "sections/20-passwd.yaml:1:1: error: refusing a file outside the content directory");
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

static void test_vanished(void **state)
{
	char *dir = make_case_dir(NULL), path[1024], *got;
	struct diag_list diags;

	(void)state;
	/* A dangling link is what a file deleted between listing and reading
	 * looks like to the loader. */
	snprintf(path, sizeof(path), "%s/sections/20-gone.yaml", dir);
	assert_int_equal(symlink("20-nothing-here.yaml", path), 0);
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "sections/20-gone.yaml:1:1: error: cannot open: No such file or directory");
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

static void test_all_errors_together(void **state)
{
	char *dir = make_case_dir("lat-range"), path[1024], *got;
	struct diag_list diags;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/sections/20-two.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("id: Two\ntitle: x\nbody: y\n", f);
	fclose(f);
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "sections/20-two.yaml:1:5: error: invalid id 'Two'");
	assert_contains(got, "offices.yaml:8:14: error: 'lat' 95.5 is out of range");
	assert_int_equal(diags.errors, 2);
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

/* Writes DIR/world/land.txt. */
static void write_land(const char *dir, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/world", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/world/land.txt", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static const char one_ring[] = "lgma-land 1\nring\n0 0\n100 0\n100 100\n";
static const char two_rings[] = "lgma-land 1\nring\n0 0\n100 0\n100 100\nring\n0 0\n-100 0\n-100 -100\n0 -50\n";

/* Browsing leaves the land until the map is shown: the file is read at the
 * first content_land, not at loading (a file written after loading is the
 * one shown), and only once. */
static void test_land_read_on_first_use(void **state)
{
	char *dir = make_case_dir(NULL);
	struct diag_list diags;
	struct content *c;
	const struct geo_land *land;

	(void)state;
	write_land(dir, one_ring);
	diag_init(&diags);
	c = load_content_dir_land_later(dir, &diags);
	assert_non_null(c);
	assert_int_equal(diags.errors, 0);
	assert_null(c->land);
	write_land(dir, two_rings);
	land = content_land(c);
	assert_non_null(land);
	assert_int_equal(land->ring_count, 2);
	assert_int_equal(land->point_count, 7);
	write_land(dir, one_ring);
	assert_ptr_equal(content_land(c), land);
	content_free(c);
	diag_fini(&diags);
	remove_dir(dir);
}

/* A broken land file: the full load refuses the content with a located
 * error (--check, reload); the browsing load starts, its map has no land,
 * and the errors wait for the log. Without a land file neither has land. */
static void test_land_broken_later(void **state)
{
	char *dir = make_case_dir(NULL), *got;
	struct diag_list diags;
	struct content *c;

	(void)state;
	assert_non_null(c = load_generated(dir, &diags, &got));
	assert_null(content_land(c));
	content_free(c);
	free(got);
	diag_fini(&diags);

	write_land(dir, "lgma-land 1\nring\n0 0\n18001 0\n0 100\n");
	assert_null(load_generated(dir, &diags, &got));
	assert_contains(got, "world/land.txt:4:1: error:");
	free(got);
	diag_fini(&diags);

	diag_init(&diags);
	c = load_content_dir_land_later(dir, &diags);
	assert_non_null(c);
	assert_int_equal(diags.errors, 0);
	assert_null(content_land_unreported(c)); /* not read yet */
	assert_null(content_land(c));
	/* The errors are kept for the log, with their place, once. */
	{
		const struct diag_list *later = content_land_unreported(c);

		assert_non_null(later);
		assert_true(later->errors > 0);
		assert_int_equal(later->items[0].line, 4);
		assert_non_null(strstr(later->items[0].file, "world/land.txt"));
		assert_null(content_land_unreported(c));
	}
	content_free(c);
	diag_fini(&diags);
	remove_dir(dir);
}

/* Loaded with the rest, the land is there at once and content_land gives it. */
static void test_land_eager(void **state)
{
	char *dir = make_case_dir(NULL), *got;
	struct diag_list diags;
	struct content *c;

	(void)state;
	write_land(dir, two_rings);
	assert_non_null(c = load_generated(dir, &diags, &got));
	assert_non_null(c->land);
	assert_int_equal(c->land->ring_count, 2);
	assert_ptr_equal(content_land(c), c->land);
	content_free(c);
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

static void test_missing_language_falls_back(void **state)
{
	char *dir = make_case_dir(NULL), path[1024], *got;
	struct diag_list diags;
	struct content *c;
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/sections/20-en-only.yaml", dir);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("id: en-only\ntitle: {en: English only}\nbody: {en: Text.}\n", f);
	fclose(f);
	c = load_generated(dir, &diags, &got);
	assert_non_null(c);
	assert_int_equal(c->sections[1].title.native, 2);
	assert_string_equal(c->sections[1].title.by_lang[0], "English only");
	assert_string_equal(c->sections[1].title.by_lang[1], "English only");
	assert_int_equal(content_pick_lang(c, NULL, "en_US.UTF-8"), 1);
	assert_int_equal(content_pick_lang(c, NULL, "ja_JP.eucJP"), 0);
	assert_int_equal(content_pick_lang(c, NULL, "C"), 0);
	assert_int_equal(content_pick_lang(c, NULL, "fr_FR.UTF-8"), 0);
	assert_int_equal(content_pick_lang(c, "en", "ja_JP.UTF-8"), 1);
	assert_int_equal(content_pick_lang(c, "fr", NULL), -1);
	content_free(c);
	free(got);
	diag_fini(&diags);
	remove_dir(dir);
}

/* ---- the shipped content ---- */

static struct content *shipped;

static int load_shipped(void **state)
{
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	shipped = load_content_dir(LGMA_CONTENT_DIR, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	return shipped == NULL ? -1 : 0;
}

static int free_shipped(void **state)
{
	(void)state;
	content_free(shipped);
	return 0;
}

static void test_shipped_counts(void **state)
{
	static const char *const ids[] = {"about", "negotiations", "action-agenda",
					  "cop-presidencies", "multilevel-action", "official-site"};
	const struct content *c = shipped;
	size_t total = 0;

	(void)state;
	assert_int_equal(c->lang_count, 2);
	assert_string_equal(c->langs[0], "ja");
	assert_string_equal(c->langs[1], "en");
	assert_int_equal(c->section_count, 6);
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(c->sections[i].id, ids[i]);
	assert_int_equal(c->region_count, 7);
	assert_int_equal(c->office_count, 15);
	for (size_t r = 0; r < c->region_count; r++) {
		assert_int_equal(c->regions[r].first_office, total);
		total += c->regions[r].office_count;
	}
	assert_int_equal(total, 15);
}

/* Every text is written natively in both languages: nothing shipped relies
 * on a fallback. */
static void test_shipped_bilingual(void **state)
{
	const struct content *c = shipped;

	(void)state;
	assert_int_equal(c->title.native, 3);
	for (size_t i = 0; i < c->section_count; i++) {
		assert_int_equal(c->sections[i].title.native, 3);
		assert_int_equal(c->sections[i].body.native, 3);
	}
	for (size_t i = 0; i < c->office_count; i++) {
		const struct content_office *o = &c->offices[i];
		assert_int_equal(o->name.native, 3);
		assert_int_equal(o->city.native, 3);
		assert_int_equal(o->country.native, 3);
		assert_true(o->address.count > 0);
	}
}

static int in_text(const struct content_text *t, size_t langs, const char *s)
{
	for (size_t l = 0; l < langs; l++)
		if (t->by_lang[l] != NULL && strstr(t->by_lang[l], s) != NULL)
			return 1;
	return 0;
}

static int in_field(const char *field, const char *s)
{
	return field != NULL && strcmp(field, s) == 0;
}

static int in_lines(const struct content_lines *lines, const char *s)
{
	for (size_t i = 0; i < lines->count; i++)
		if (strcmp(lines->lines[i], s) == 0)
			return 1;
	return 0;
}

static int in_offices(const struct content *c, const char *s)
{
	for (size_t r = 0; r < c->region_count; r++)
		if (in_text(&c->regions[r].name, c->lang_count, s))
			return 1;
	for (size_t i = 0; i < c->office_count; i++) {
		const struct content_office *o = &c->offices[i];
		if (in_text(&o->name, c->lang_count, s) || in_lines(&o->address, s) ||
		    in_lines(&o->postal, s) || in_field(o->phone, s) || in_field(o->fax, s) ||
		    in_field(o->email, s) || in_field(o->web, s))
			return 1;
	}
	return 0;
}

static int in_sections(const struct content *c, const char *s)
{
	for (size_t i = 0; i < c->section_count; i++)
		if (in_text(&c->sections[i].title, c->lang_count, s) ||
		    in_text(&c->sections[i].body, c->lang_count, s))
			return 1;
	return 0;
}

/* The seed's labels are printed by lgma itself; their values are fields. */
static const char *strip_label(const char *line)
{
	static const char *const labels[] = {"T: ", "F.", "Email: "};

	for (size_t i = 0; i < 3; i++)
		if (strncmp(line, labels[i], strlen(labels[i])) == 0)
			return line + strlen(labels[i]);
	return line;
}

static void test_seed_is_all_there(void **state)
{
	char path[1024], line[4096];
	FILE *f;
	int checked = 0;

	(void)state;
	snprintf(path, sizeof(path), "%s/seed.txt", LGMA_TEST_DATA);
	f = fopen(path, "r");
	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL) {
		char *email;
		line[strcspn(line, "\r\n")] = '\0';
		/* Blank separator lines (spaces, no-break spaces) carry nothing. */
		if (strspn(line, " \xc2\xa0") == strlen(line))
			continue;
		if (strcmp(line, "Physical address:") == 0 || strcmp(line, "Postal address:") == 0)
			continue;
		/* "F.+49-... Email: www.iclei.org": a fax and a web address. */
		email = strstr(line, " Email: ");
		if (email != NULL) {
			if (!in_offices(shipped, email + strlen(" Email: ")))
				fail_msg("seed value not in content/: %s", email);
			*email = '\0';
		}
		if (!in_sections(shipped, strip_label(line)) && !in_offices(shipped, strip_label(line)))
			fail_msg("seed line not in content/: %s", line);
		checked++;
	}
	fclose(f);
	assert_true(checked >= 90);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alias),
		cmocka_unit_test(test_anchor),
		cmocka_unit_test(test_bad_id),
		cmocka_unit_test(test_bad_language_code),
		cmocka_unit_test(test_duplicate_id),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_lat_range),
		cmocka_unit_test(test_lon_range),
		cmocka_unit_test(test_missing_key),
		cmocka_unit_test(test_no_language),
		cmocka_unit_test(test_no_languages),
		cmocka_unit_test(test_not_a_number),
		cmocka_unit_test(test_nul_escape),
		cmocka_unit_test(test_reserved_id),
		cmocka_unit_test(test_too_deep),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_undeclared_lang),
		cmocka_unit_test(test_unknown_key),
		cmocka_unit_test(test_wrong_type),
		cmocka_unit_test(test_yaml_syntax),
		cmocka_unit_test(test_too_large),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_symlink_outside),
		cmocka_unit_test(test_vanished),
		cmocka_unit_test(test_all_errors_together),
		cmocka_unit_test(test_missing_language_falls_back),
		cmocka_unit_test(test_land_read_on_first_use),
		cmocka_unit_test(test_land_broken_later),
		cmocka_unit_test(test_land_eager),
		cmocka_unit_test_setup_teardown(test_shipped_counts, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_shipped_bilingual, load_shipped, free_shipped),
		cmocka_unit_test_setup_teardown(test_seed_is_all_there, load_shipped, free_shipped),
	};

	/* One group: meson's TAP reader expects a single plan. */
	return cmocka_run_group_tests_name("loader", tests, NULL, NULL);
}
