/* The browser as a reader meets it, in a pseudo-terminal: the menu in the
 * start language, opening a section, switching the language, help, paging,
 * resizing, quitting with the terminal restored, the start language from
 * the locale and --lang, what a C locale writes with and without a terminal
 * that answers the UTF-8 probe, colours off, the bilingual view, the mouse
 * and the screen-reader cursor.
 *
 * The content is the generated e2e_fixture_dir (e2e-lgma.h): every word names its
 * paragraph, so the checks read the reading position off the screen and
 * hold wherever the layout breaks lines. After every step the screen is
 * checked for rows wider than the terminal (e2e_check_screen). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "e2e-lgma.h"


struct size {
	int rows, cols;
};

/* The sizes of the browser issue: a classic terminal, a phone-sized one,
 * a wide one, and the smallest that still shows text. */
static const struct size sizes[] = {{24, 80}, {12, 40}, {60, 200}, {5, 10}};
enum { N_SIZES = sizeof(sizes) / sizeof(sizes[0]) };

/* lgma on the e2e_fixture_dir with extra arguments (up to 4), in env. */
static struct vt *start(struct size s, const char *const *env, const char *a1, const char *a2,
			const char *a3)
{
	const char *args[] = {"--content", e2e_fixture_dir, a1, a2, a3, NULL};

	return e2e_spawn(s.rows, s.cols, env, args);
}

/* The first and last rows of the text between the chrome. */
static int pane_top(void)
{
	return 1;
}

static int pane_bottom(struct vt *vt)
{
	int rows;

	vt_size(vt, &rows, NULL);
	return rows >= 6 ? rows - 3 : rows - 2;
}

/* The rows of the pane as strings (malloc'd array of malloc'd strings). */
static char **pane_rows(struct vt *vt, int *count)
{
	int n = pane_bottom(vt) - pane_top() + 1;
	char **rows = calloc((size_t)n, sizeof(*rows));

	assert_non_null(rows);
	for (int i = 0; i < n; i++)
		rows[i] = strdup(vt_row_text(vt, pane_top() + i));
	*count = n;
	return rows;
}

static void free_rows(char **rows, int n)
{
	for (int i = 0; i < n; i++)
		free(rows[i]);
	free(rows);
}

/* The first pane row with a whole English word of section x: its
 * paragraph and word; 0 if none. */
static int top_word_en(struct vt *vt, char x, int *word)
{
	for (int r = pane_top(); r <= pane_bottom(vt); r++) {
		int p = e2e_row_paragraph_en(vt, r, x, word);

		if (p > 0)
			return p;
	}
	return 0;
}

static int top_sentence_ja(struct vt *vt, const char *kanji, int *word)
{
	for (int r = pane_top(); r <= pane_bottom(vt); r++) {
		int p = e2e_row_paragraph_ja(vt, r, kanji, word);

		if (p > 0)
			return p;
	}
	return 0;
}

/* The row of a menu entry: " N TITLE" at the left (the preview beside
 * the menu shows the selected title too). */
static int menu_row(struct vt *vt, const char *title)
{
	int rows;

	vt_size(vt, &rows, NULL);
	for (int r = 0; r < rows; r++) {
		const char *text = vt_row_text(vt, r);

		if (strlen(text) > 3 && text[0] == ' ' && text[2] == ' ' && strncmp(text + 3, title, strlen(title)) == 0)
			return r;
	}
	return -1;
}

/* q: lgma exits with 0. The caller still has vt, to read what it wrote. */
static void quit_only(struct vt *vt)
{
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
}

static void quit(struct vt *vt)
{
	quit_only(vt);
	vt_close(vt);
}

/* ---- the menu and opening a section ---- */

static void test_first_screen_in_start_language(void **state)
{
	(void)state;
	for (int i = 0; i < N_SIZES; i++) {
		struct vt *vt = start(sizes[i], NULL, NULL, NULL, NULL);

		/* LANG=C.UTF-8 names no language: the content's first, ja. */
		e2e_expect_text(vt, "甲の節");
		assert_true(e2e_on_screen(vt, "乙の節"));
		assert_true(e2e_on_screen(vt, "丙の節"));
		assert_false(e2e_on_screen(vt, "Alpha"));
		assert_int_equal(e2e_row_of(vt, "試験"), 0);
		/* The key hints on the last row, in Japanese. */
		assert_int_equal(e2e_row_of(vt, "↑↓"), sizes[i].rows - 1);
		if (sizes[i].cols >= 40)
			assert_true(e2e_on_screen(vt, "移動"));
		quit(vt);
	}
}

static void test_arrows_and_enter_open_a_section(void **state)
{
	(void)state;
	for (int i = 0; i < N_SIZES; i++) {
		struct vt *vt = start(sizes[i], NULL, NULL, NULL, NULL);
		/* Where a reader sees that a section is open: its first words
		 * (cut to the width on the smallest screen). */
		const char *first = sizes[i].cols >= 40 ? "乙01の01" : "乙01";

		e2e_expect_text(vt, "甲の節");
		e2e_key(vt, VT_KEY_DOWN);
		e2e_key(vt, VT_KEY_DOWN);
		e2e_key(vt, VT_KEY_UP);
		e2e_key(vt, VT_KEY_ENTER);
		e2e_expect_text(vt, first);
		/* The reading view: the section's title at the top, the menu
		 * gone. */
		assert_int_equal(e2e_row_of(vt, "乙の節"), pane_top());
		assert_false(e2e_on_screen(vt, "丙の節"));
		if (sizes[i].cols >= 40)
			assert_int_equal(e2e_row_of(vt, "Space"), sizes[i].rows - 1);
		quit(vt);
	}
}

static void test_section_id_starts_in_the_text(void **state)
{
	struct vt *vt = start(sizes[0], NULL, "beta", NULL, NULL);

	(void)state;
	e2e_expect_text(vt, "乙01の01");
	assert_int_equal(e2e_row_of(vt, "乙の節"), pane_top());
	assert_false(e2e_on_screen(vt, "甲の節"));
	/* Back goes to the menu, with the section selected. */
	e2e_key(vt, VT_KEY_LEFT);
	e2e_expect_text(vt, "甲の節");
	assert_true(e2e_on_screen(vt, "丙の節"));
	quit(vt);
}

/* ---- language ---- */

static void test_L_switches_the_language_in_place(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct vt *vt = start(sizes[i], NULL, "alpha", NULL, NULL);
		int ja, en, back, word = 0;

		e2e_expect_text(vt, "甲01の01");
		e2e_key(vt, VT_KEY_PGDN);
		e2e_key(vt, VT_KEY_PGDN);
		ja = top_sentence_ja(vt, "甲", NULL);
		assert_true(ja > 1);

		e2e_type(vt, "L");
		e2e_expect_text(vt, "Test site");
		assert_false(e2e_on_screen(vt, "甲"));
		/* The paragraph that was being read is at the top, from its
		 * start (a row between two paragraphs belongs to the first),
		 * unless the English text ends before a screenful from there. */
		en = top_word_en(vt, 'a', &word);
		if (en != ja && en != ja - 1) {
			char start[16];

			snprintf(start, sizeof(start), "a%02dw01", ja);
			if (!e2e_on_screen(vt, start) || !e2e_on_screen(vt, "a60w40")) {
				vt_dump(vt, stderr);
				fail_msg("Japanese paragraph %d was at the top; now English %d", ja, en);
			}
		} else if (word != 1) {
			vt_dump(vt, stderr);
			fail_msg("paragraph %d is at the top from word %d, not from its start", en, word);
		}
		assert_true(e2e_on_screen(vt, "Alpha section"));

		e2e_type(vt, "L");
		e2e_expect_text(vt, "試験サイト");
		back = top_sentence_ja(vt, "甲", &word);
		assert_int_equal(back, en);
		assert_int_equal(word, 1);
		quit(vt);
	}
}

static void test_start_language_from_locale_and_option(void **state)
{
	static const struct {
		const char *lang, *option, *expect, *absent;
	} cases[] = {
		/* The locales need not be installed: lgma reads the name. */
		{"LANG=ja_JP.UTF-8", NULL, "甲の節", "Alpha"},
		{"LANG=en_US.UTF-8", NULL, "Alpha section", "甲の節"},
		{"LANG=en_US.UTF-8", "--lang=ja", "甲の節", "Alpha"},
		{"LANG=ja_JP.UTF-8", "--lang=en", "Alpha section", "甲の節"},
		{"LC_ALL=en_US.UTF-8", NULL, "Alpha section", "甲の節"},
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct vt *vt = start(sizes[0], E2E_ENV(cases[i].lang), cases[i].option, NULL, NULL);

		e2e_expect_text(vt, cases[i].expect);
		assert_false(e2e_on_screen(vt, cases[i].absent));
		quit(vt);
	}
}

/* ---- help, paging, resizing, quitting ---- */

static void test_help(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct vt *vt = start(sizes[i], NULL, NULL, NULL, NULL);

		e2e_expect_text(vt, "甲の節");
		e2e_type(vt, "?");
		e2e_expect_text(vt, "キー操作");
		assert_false(e2e_on_screen(vt, "乙の節"));
		/* Any key closes it and changes nothing else. */
		e2e_type(vt, "x");
		e2e_expect_text(vt, "乙の節");
		assert_false(e2e_on_screen(vt, "キー操作"));
		e2e_type(vt, "L");
		e2e_key(vt, VT_KEY_F1);
		e2e_expect_text(vt, "Keys");
		e2e_key(vt, VT_KEY_ESC);
		e2e_expect_text(vt, "Beta section");
		quit(vt);
	}
}

/* After a page key, the row that was at the bottom of the text is at the
 * top: one row of context, the rest new. */
static void expect_paged(struct vt *vt, char **before, int n)
{
	char **after;
	int m;

	after = pane_rows(vt, &m);
	assert_int_equal(m, n);
	if (strcmp(after[0], before[n - 1]) != 0) {
		vt_dump(vt, stderr);
		fail_msg("the top row is \"%s\", not the previous bottom row \"%s\"", after[0], before[n - 1]);
	}
	for (int i = 1; i < m; i++)
		for (int k = 0; k < n && after[i][0] != '\0'; k++)
			if (strcmp(after[i], before[k]) == 0)
				fail_msg("row %d \"%s\" was on the previous page", i, after[i]);
	free_rows(after, m);
}

static void test_page_down_and_space(void **state)
{
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct vt *vt = start(sizes[i], E2E_ENV("LANG=en_US.UTF-8"), "alpha", NULL, NULL);
		char **before;
		int n;

		e2e_expect_text(vt, "a01w01");
		before = pane_rows(vt, &n);
		e2e_key(vt, VT_KEY_PGDN);
		expect_paged(vt, before, n);
		free_rows(before, n);

		before = pane_rows(vt, &n);
		e2e_type(vt, " ");
		expect_paged(vt, before, n);
		free_rows(before, n);
		quit(vt);
	}
}

static void test_resize_keeps_the_reading_position(void **state)
{
	static const struct size steps[] = {{12, 40}, {60, 200}, {5, 10}, {30, 100}, {24, 80}};
	struct vt *vt = start(sizes[0], E2E_ENV("LANG=en_US.UTF-8"), "alpha", NULL, NULL);
	char **before, **after;
	int n, m, para, word, p, w;
	char token[16];

	(void)state;
	e2e_expect_text(vt, "a01w01");
	for (int i = 0; i < 3; i++)
		e2e_key(vt, VT_KEY_PGDN);
	e2e_key(vt, VT_KEY_DOWN);
	before = pane_rows(vt, &n);
	para = e2e_row_paragraph_en(vt, pane_top(), 'a', &word);
	if (para == 0) /* a blank row, or one word cut: the next row */
		para = e2e_row_paragraph_en(vt, pane_top() + 1, 'a', &word);
	assert_true(para > 1);
	snprintf(token, sizeof(token), "a%02dw%02d", para, word);

	for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		int row;

		vt_mark(vt);
		assert_int_equal(vt_resize(vt, steps[i].rows, steps[i].cols), 0);
		assert_int_equal(vt_wait_output(vt, E2E_WAIT_MS), VT_FOUND);
		e2e_settle_resized(vt);
		/* The word that was first at the top is still at the top. */
		row = e2e_row_of(vt, token);
		if (row < pane_top() || row > pane_top() + 2 || row > pane_bottom(vt)) {
			vt_dump(vt, stderr);
			fail_msg("after resizing to %dx%d, %s is on row %d", steps[i].cols, steps[i].rows,
				 token, row);
		}
		p = e2e_row_paragraph_en(vt, pane_top(), 'a', &w);
		assert_true(p == 0 || p == para);
	}
	/* Back at the first size, the very same rows; but a blank row
	 * between paragraphs at the top shows no text to keep, and may give
	 * way to the text after it. */
	after = pane_rows(vt, &m);
	assert_int_equal(m, n);
	{
		int b = 0, a = 0;

		while (b < n && before[b][0] == '\0')
			b++;
		while (a < m && after[a][0] == '\0')
			a++;
		assert_true(b <= 1 && a <= 1);
		for (; b < n && a < m; a++, b++)
			assert_string_equal(after[a], before[b]);
	}
	free_rows(before, n);
	free_rows(after, m);
	quit(vt);
}

static void test_q_restores_the_terminal(void **state)
{
	(void)state;
	for (int i = 0; i < N_SIZES; i++) {
		struct vt *vt = start(sizes[i], NULL, NULL, NULL, NULL);

		e2e_expect_text(vt, "甲の節");
		assert_true(vt_altscreen(vt));
		assert_false(vt_cursor_visible(vt));
		assert_int_equal(vt_type(vt, "q"), 0);
		e2e_expect_exit(vt, 0);
		assert_false(vt_altscreen(vt));
		assert_true(vt_cursor_visible(vt));
		/* The main screen is as it was: lgma left nothing on it. */
		assert_false(e2e_on_screen(vt, "甲の節"));
		vt_close(vt);
	}
}

/* ---- the terminal's encoding ---- */

static void test_c_locale_silent_terminal_gets_ascii_english(void **state)
{
	struct vt *vt = start(sizes[0], E2E_ENV("LANG=C"), NULL, NULL, NULL);
	const char *out;
	size_t len;

	(void)state;
	/* A terminal that answers no query: the probe gets nothing back. */
	vt_set_answers(vt, false);
	e2e_expect_text(vt, "Alpha section");
	assert_true(e2e_on_screen(vt, "Test site"));
	e2e_key(vt, VT_KEY_ENTER);
	e2e_expect_text(vt, "a01w01");
	e2e_type(vt, "L"); /* Japanese as placeholders: still ASCII */
	e2e_type(vt, "?");
	assert_int_equal(vt_type(vt, "q"), 0);
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	out = vt_recorded(vt, &len);
	assert_true(len > 0);
	e2e_expect_ascii(out, len);
	vt_close(vt);
}

static void test_c_locale_answering_terminal_gets_utf8(void **state)
{
	struct vt *vt = start(sizes[0], E2E_ENV("LANG=C"), NULL, NULL, NULL);

	(void)state;
	/* libvterm decodes UTF-8 and reports the cursor position. */
	e2e_expect_text(vt, "甲の節");
	assert_true(e2e_on_screen(vt, "試験サイト"));
	quit(vt);
}

static void test_utf8_option(void **state)
{
	struct vt *vt = start(sizes[0], E2E_ENV("LANG=C"), "--utf8", NULL, NULL);

	(void)state;
	vt_set_answers(vt, false); /* no probe needed */
	e2e_expect_text(vt, "甲の節");
	assert_true(e2e_on_screen(vt, "試験サイト"));
	quit(vt);
}

/* ---- colours ---- */

/* The selected menu entry is reverse or bold, an unselected one neither,
 * whatever the colours. */
static bool entry_marked(struct vt *vt, const char *title)
{
	struct vt_cell cell;
	int row = menu_row(vt, title);

	assert_true(row > 0);
	assert_true(vt_cell_at(vt, row, 3, &cell));
	return cell.reverse || cell.bold;
}

static void expect_selection_marked(struct vt *vt, const char *selected, const char *other)
{
	if (!entry_marked(vt, selected) || entry_marked(vt, other)) {
		vt_dump(vt, stderr);
		fail_msg("the selection \"%s\" does not stand out from \"%s\"", selected, other);
	}
}

static void expect_monochrome(const char *const *env, const char *option)
{
	struct vt *vt = start(sizes[0], env, option, NULL, NULL);
	const char *out;
	size_t len;

	e2e_expect_text(vt, "甲の節");
	expect_selection_marked(vt, "甲の節", "丙の節");
	e2e_key(vt, VT_KEY_DOWN);
	expect_selection_marked(vt, "乙の節", "甲の節");
	e2e_key(vt, VT_KEY_ENTER);
	e2e_expect_text(vt, "乙01の01");
	quit_only(vt);
	out = vt_recorded(vt, &len);
	e2e_expect_no_colour(out, len);
	assert_true(e2e_has_sgr(out, len, 7)); /* reverse */
	assert_true(e2e_has_sgr(out, len, 1)); /* bold */
	vt_close(vt);
}

static void test_no_color(void **state)
{
	struct vt *vt = start(sizes[0], NULL, NULL, NULL, NULL);
	const char *out;
	size_t len;

	(void)state;
	/* By default there are colours: the check below can fail. */
	e2e_expect_text(vt, "甲の節");
	quit_only(vt);
	out = vt_recorded(vt, &len);
	assert_true(e2e_has_sgr(out, len, 44) || e2e_has_sgr(out, len, 46));
	vt_close(vt);

	expect_monochrome(E2E_ENV("NO_COLOR=1"), NULL);
	expect_monochrome(NULL, "--no-color");
}

/* ---- the bilingual view, the mouse, the screen reader ---- */

static void test_bilingual_view(void **state)
{
	struct vt *vt = start((struct size){30, 160}, NULL, "alpha", NULL, NULL);
	int ja_row, ja_col, en_row, en_col;

	(void)state;
	e2e_expect_text(vt, "甲01の01");
	e2e_type(vt, "B");
	e2e_expect_text(vt, "a01w01");
	assert_true(e2e_on_screen(vt, "甲01の01"));
	/* Side by side, and paragraph 2 starts on the same row in both. */
	assert_true(vt_find(vt, "甲02の01", &ja_row, &ja_col));
	assert_true(vt_find(vt, "a02w01", &en_row, &en_col));
	assert_int_equal(ja_row, en_row);
	assert_true(ja_col < 80 && en_col >= 80);
	/* B again: one language. */
	e2e_type(vt, "B");
	e2e_expect_gone(vt, "a01w01");
	assert_true(e2e_on_screen(vt, "甲01の01"));
	quit(vt);
}

static void test_mouse(void **state)
{
	struct vt *vt = start(sizes[0], E2E_ENV("LANG=en_US.UTF-8"), NULL, NULL, NULL);
	char **before, **after;
	int row, n, m, moved = -1;

	(void)state;
	e2e_expect_text(vt, "Beta section");
	row = menu_row(vt, "Beta section");
	vt_mark(vt);
	assert_true(vt_mouse_click(vt, row, 4, 1, 0) > 0);
	e2e_expect_text(vt, "b01w01");
	assert_int_equal(e2e_row_of(vt, "Beta section"), pane_top());

	/* Back to the menu, click the first section, scroll with the wheel. */
	e2e_key(vt, VT_KEY_LEFT);
	row = menu_row(vt, "Alpha section");
	assert_true(vt_mouse_click(vt, row, 4, 1, 0) > 0);
	e2e_expect_text(vt, "a01w01");
	before = pane_rows(vt, &n);
	vt_mark(vt);
	assert_true(vt_mouse_wheel(vt, 10, 10, false, 0) > 0);
	assert_int_equal(vt_wait_output(vt, E2E_WAIT_MS), VT_FOUND);
	e2e_settle(vt);
	e2e_check_screen(vt);
	after = pane_rows(vt, &m);
	/* The text moved up: the new top row was further down. */
	for (int k = 1; k < n; k++)
		if (strcmp(after[0], before[k]) == 0 && strcmp(after[1], before[k + 1 < n ? k + 1 : k]) == 0)
			moved = k;
	if (moved < 1)
		fail_msg("the wheel did not scroll down (top row \"%s\")", after[0]);
	free_rows(before, n);
	free_rows(after, m);
	quit(vt);
}

static void test_screen_reader_cursor(void **state)
{
	struct vt *vt = start(sizes[0], NULL, "--screen-reader", NULL, NULL);
	int row, col;

	(void)state;
	e2e_expect_text(vt, "甲の節");
	assert_true(vt_cursor_visible(vt));
	vt_cursor(vt, &row, &col);
	assert_int_equal(row, menu_row(vt, "甲の節"));
	e2e_key(vt, VT_KEY_DOWN);
	vt_cursor(vt, &row, &col);
	assert_int_equal(row, menu_row(vt, "乙の節"));
	assert_true(vt_cursor_visible(vt));
	expect_selection_marked(vt, "乙の節", "丙の節");
	quit(vt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_screen_in_start_language),
		cmocka_unit_test(test_arrows_and_enter_open_a_section),
		cmocka_unit_test(test_section_id_starts_in_the_text),
		cmocka_unit_test(test_L_switches_the_language_in_place),
		cmocka_unit_test(test_start_language_from_locale_and_option),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_page_down_and_space),
		cmocka_unit_test(test_resize_keeps_the_reading_position),
		cmocka_unit_test(test_q_restores_the_terminal),
		cmocka_unit_test(test_c_locale_silent_terminal_gets_ascii_english),
		cmocka_unit_test(test_c_locale_answering_terminal_gets_utf8),
		cmocka_unit_test(test_utf8_option),
		cmocka_unit_test(test_no_color),
		cmocka_unit_test(test_bilingual_view),
		cmocka_unit_test(test_mouse),
		cmocka_unit_test(test_screen_reader_cursor),
	};

	return cmocka_run_group_tests_name("browser", tests, e2e_fixture_setup, e2e_fixture_teardown);
}
