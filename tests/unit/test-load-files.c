/* The loader on files given in memory (load_content_files): the fuzzers'
 * way in, so it must take the same path as a directory on disk. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag-text.h"
#include "lgma/load.h"

#define FILE_OF(name, text) {name, text, sizeof(text) - 1}

static const char site[] = "languages: [ja, en]\ntitle: {ja: 小さなサイト, en: Tiny site}\n";
static const char one[] = "id: one\ntitle: {ja: 一, en: One}\nbody: {ja: 本文です。, en: The body.}\n";
static const char two[] = "id: two\ntitle: Two\nbody: Text.\n";
static const char offices[] = "regions:\n"
			      "  - id: asia\n"
			      "    name: {ja: アジア, en: Asia}\n"
			      "    offices:\n"
			      "      - id: tokyo\n"
			      "        name: Tokyo\n"
			      "        address: [1-14-2 Nishi-Shimbashi]\n"
			      "        lat: 35.66\n"
			      "        lon: 139.75\n";

static void assert_printed(const struct diag_list *diags, const char *want)
{
	char *got = diag_text(diags, NULL);

	if (strstr(got, want) == NULL)
		fail_msg("expected\n  %s\ngot:\n%s", want, got);
	free(got);
}

static void test_whole_content(void **state)
{
	/* Given out of order: sections are still read in file-name order. */
	const struct load_file files[] = {
		FILE_OF("sections/20-two.yaml", two), FILE_OF("offices.yaml", offices),
		FILE_OF("site.yaml", site), FILE_OF("sections/10-one.yaml", one),
	};
	struct diag_list diags;
	struct content *c;

	(void)state;
	diag_init(&diags);
	c = load_content_files(files, 4, &diags);
	assert_non_null(c);
	assert_int_equal(diags.errors + diags.warnings, 0);
	assert_int_equal(c->lang_count, 2);
	assert_int_equal(c->section_count, 2);
	assert_string_equal(c->sections[0].id, "one");
	assert_string_equal(c->sections[0].file, "sections/10-one.yaml");
	assert_string_equal(c->sections[1].id, "two");
	assert_string_equal(content_text_get(&c->sections[1].title, 0), "Two");
	assert_int_equal(c->office_count, 1);
	assert_string_equal(c->offices[0].id, "tokyo");
	content_free(c);
	diag_fini(&diags);
}

/* The bytes need no NUL: a file cut inside a scalar ends there. */
static void test_size_is_the_end(void **state)
{
	const struct load_file files[] = {
		FILE_OF("site.yaml", site),
		{"sections/10-one.yaml", "id: one\ntitle: T\nbody: B and more", 24},
	};
	struct diag_list diags;
	struct content *c;

	(void)state;
	diag_init(&diags);
	c = load_content_files(files, 2, &diags);
	assert_non_null(c);
	assert_string_equal(content_text_get(&c->sections[0].body, 1), "B");
	content_free(c);
	diag_fini(&diags);
}

static void test_missing_files(void **state)
{
	const struct load_file files[] = {FILE_OF("sections/10-one.yaml", one)};
	const struct load_file only_site[] = {FILE_OF("site.yaml", site)};
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	assert_null(load_content_files(files, 1, &diags));
	assert_printed(&diags, "site.yaml:1:1: error: cannot open: No such file or directory\n");
	diag_fini(&diags);
	diag_init(&diags);
	assert_null(load_content_files(only_site, 1, &diags));
	assert_printed(&diags, "sections:1:1: error: no sections (add NN-name.yaml files)\n");
	diag_fini(&diags);
}

/* Names follow the directory's rules: dot files, backups and files in
 * subdirectories are skipped, other names warned about. */
static void test_section_names(void **state)
{
	const struct load_file files[] = {
		FILE_OF("site.yaml", site),	       FILE_OF("sections/10-one.yaml", one),
		FILE_OF("sections/.20-two.yaml", "x"), FILE_OF("sections/20-two.yaml~", "x"),
		FILE_OF("sections/old/20-two.yaml", "x"), FILE_OF("sections/README", "x"),
		FILE_OF("sectionsX/20-two.yaml", "x"),
	};
	struct diag_list diags;
	struct content *c;

	(void)state;
	diag_init(&diags);
	c = load_content_files(files, sizeof(files) / sizeof(files[0]), &diags);
	assert_non_null(c);
	assert_int_equal(c->section_count, 1);
	assert_int_equal(diags.warnings, 1);
	assert_printed(&diags, "sections:1:1: warning: 'README' is not a .yaml file (ignored)\n");
	content_free(c);
	diag_fini(&diags);
}

static void test_errors_are_located(void **state)
{
	const struct load_file files[] = {
		FILE_OF("site.yaml", site),
		FILE_OF("sections/10-one.yaml", "id: one\ntitle: T\nbody: [a, &x b]\n"),
	};
	struct diag_list diags;

	(void)state;
	diag_init(&diags);
	assert_null(load_content_files(files, 2, &diags));
	assert_printed(&diags, "sections/10-one.yaml:3:11: error: anchors and aliases are not allowed");
	diag_fini(&diags);
}

static void assert_section_error(const char *text, size_t size, const char *want)
{
	const struct load_file files[] = {FILE_OF("site.yaml", site), {"sections/10-one.yaml", text, size}};
	struct diag_list diags;

	diag_init(&diags);
	assert_null(load_content_files(files, 2, &diags));
	assert_printed(&diags, want);
	diag_fini(&diags);
}

/* libyaml places the end of a file with no final newline on a line after
 * it; errors there point at the end of the last line, which exists. */
static void test_error_at_end_of_file(void **state)
{
	static const char cut[] = "id: one\ntitle: T\nbody: {a";
	static const char empty_value[] = "id: one\ntitle: T\nbody:";

	(void)state;
	assert_section_error(cut, sizeof(cut) - 1, "sections/10-one.yaml:3:9: error: YAML syntax:");
	assert_section_error(empty_value, sizeof(empty_value) - 1,
			     "sections/10-one.yaml:3:6: error: 'body' must be text or a mapping");
}

/* Lines end at CR, CR LF, NEL, LS and PS too, as libyaml counts them. */
static void test_lines_of_every_break(void **state)
{
	static const char cr[] = "id: one\rtitle: T\r\nbody: \x01";
	static const char ls[] = "id: one\xe2\x80\xa8title: T\xc2\x85" "body: \x01";

	(void)state;
	assert_section_error(cr, sizeof(cr) - 1,
			     "sections/10-one.yaml:3:7: error: control characters are not allowed (U+0001)");
	assert_section_error(ls, sizeof(ls) - 1,
			     "sections/10-one.yaml:3:7: error: control characters are not allowed (U+0001)");
}

/* A UTF-8 byte order mark, as Windows editors write it, is not content;
 * UTF-16 is refused at its first byte. */
static void test_byte_order_mark(void **state)
{
	static const char bom[] = "\xef\xbb\xbfid: one\ntitle: T\nbody: B\n";
	static const char bom_error[] = "\xef\xbb\xbfid: one\ntitle: T\nbody: \x01\n";
	static const char utf16[] = "\xff\xfei\0d\0:\0 \0o\0n\0e\0";
	const struct load_file files[] = {FILE_OF("site.yaml", site), FILE_OF("sections/10-one.yaml", bom)};
	struct diag_list diags;
	struct content *c;

	(void)state;
	diag_init(&diags);
	c = load_content_files(files, 2, &diags);
	assert_non_null(c);
	assert_string_equal(c->sections[0].id, "one");
	content_free(c);
	diag_fini(&diags);
	assert_section_error(bom_error, sizeof(bom_error) - 1,
			     "sections/10-one.yaml:3:7: error: control characters are not allowed");
	assert_section_error(utf16, sizeof(utf16) - 1,
			     "sections/10-one.yaml:1:1: error: invalid leading UTF-8 octet (byte 0xFF)");
}

/* A refused character is named by its code point, a bad byte by its value. */
static void test_refused_characters_named(void **state)
{
	static const char c1[] = "id: one\ntitle: T\nbody: a\xc2\x9b\n";
	static const char surrogate[] = "id: one\ntitle: T\nbody: \xed\xa0\x80\n";
	static const char beyond[] = "id: one\ntitle: T\nbody: \xf4\x90\x80\x80\n";
	static const char bad_byte[] = "id: one\ntitle: T\nbody: a\xff" "b\n";

	(void)state;
	assert_section_error(c1, sizeof(c1) - 1,
			     "sections/10-one.yaml:3:8: error: control characters are not allowed (U+009B)\n");
	assert_section_error(surrogate, sizeof(surrogate) - 1,
			     "sections/10-one.yaml:3:7: error: invalid Unicode character (U+D800)\n");
	assert_section_error(beyond, sizeof(beyond) - 1,
			     "sections/10-one.yaml:3:7: error: invalid Unicode character (U+110000)\n");
	assert_section_error(bad_byte, sizeof(bad_byte) - 1,
			     "sections/10-one.yaml:3:8: error: invalid leading UTF-8 octet (byte 0xFF)\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_content),
		cmocka_unit_test(test_size_is_the_end),
		cmocka_unit_test(test_missing_files),
		cmocka_unit_test(test_section_names),
		cmocka_unit_test(test_errors_are_located),
		cmocka_unit_test(test_error_at_end_of_file),
		cmocka_unit_test(test_lines_of_every_break),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_refused_characters_named),
	};

	return cmocka_run_group_tests_name("load-files", tests, NULL, NULL);
}
