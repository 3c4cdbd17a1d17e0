/* The --check lint: every character shown differently from how it is
 * written is reported once, at its exact position inside a literal block
 * and at the text's start elsewhere (tests/data/lint/expect, whose
 * positions were counted by hand from the files). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag-text.h"
#include "lgma/lint.h"
#include "lgma/load.h"

/* Diagnostics as printed, with the directory cut from the paths. */
static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = calloc(1, 65536);
	size_t n;

	assert_non_null(f);
	n = fread(buf, 1, 65535, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static void test_lint_positions(void **state)
{
	const char *dir = LGMA_TEST_DATA "/lint";
	struct diag_list diags;
	struct content *c;
	char *got, *want;

	(void)state;
	diag_init(&diags);
	c = load_content_dir(dir, &diags);
	assert_non_null(c);
	assert_int_equal(diags.warnings, 0);
	lint_content(c, false, &diags);
	got = diag_text(&diags, dir);
	want = read_all(LGMA_TEST_DATA "/lint/expect");
	if (strcmp(got, want) != 0)
		fail_msg("expected:\n%s\ngot:\n%s", want, got);
	assert_int_equal(diags.warnings, 10);
	free(got);
	free(want);
	content_free(c);
	diag_fini(&diags);
}

/* The shipped content has nothing to warn about. */
static void test_shipped_content_is_clean(void **state)
{
	struct diag_list diags;
	struct content *c;

	(void)state;
	diag_init(&diags);
	c = load_content_dir(LGMA_CONTENT_DIR, &diags);
	assert_non_null(c);
	lint_content(c, false, &diags);
	lint_content(c, true, &diags);
	assert_int_equal(diags.count, 0);
	content_free(c);
	diag_fini(&diags);
}

/* A flood of control characters costs bounded output. */
static void test_flood_is_capped(void **state)
{
	struct content *c = content_new();
	struct content_section s = {.id = "flood", .file = "flood.yaml"};
	char *text = calloc(1, 1001);
	struct diag_list diags;

	(void)state;
	memset(text, '\x1b', 1000);
	c->lang_count = 1;
	c->langs[0] = "en";
	s.title.by_lang[0] = "ok";
	s.title.native = 1;
	s.body.by_lang[0] = text;
	s.body.native = 1;
	s.body_pos[0] = (struct content_pos){4, 3, true};
	c->sections = &s;
	c->section_count = 1;
	diag_init(&diags);
	lint_content(c, false, &diags);
	assert_int_equal(diags.warnings, LINT_MAX_PER_TEXT + 1);
	assert_non_null(strstr(diags.items[LINT_MAX_PER_TEXT].message, "980 more"));
	assert_int_equal(diags.items[5].line, 4);
	assert_int_equal(diags.items[5].column, 8);
	diag_fini(&diags);
	c->sections = NULL;
	content_free(c);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lint_positions),
		cmocka_unit_test(test_shipped_content_is_clean),
		cmocka_unit_test(test_flood_is_capped),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
