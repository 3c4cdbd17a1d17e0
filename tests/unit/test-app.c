/* The browser's behaviour without a terminal: events in, canvas out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/app.h"
#include "lgma/load.h"

#include <unistr.h>

struct fixture {
	struct content *content;
	struct app *app;
	struct canvas canvas;
};

static struct fixture *start(struct app_config cfg, int rows, int cols)
{
	struct fixture *f = calloc(1, sizeof(*f));
	struct diag_list diags;

	diag_init(&diags);
	f->content = load_content_dir(LGMA_CONTENT_DIR, &diags);
	diag_fini(&diags);
	assert_non_null(f->content);
	f->app = app_new(f->content, &cfg);
	canvas_init(&f->canvas, rows, cols, false);
	app_resize(f->app, rows, cols);
	app_paint(f->app, &f->canvas);
	return f;
}

static void finish(struct fixture *f)
{
	app_free(f->app);
	canvas_fini(&f->canvas);
	content_free(f->content);
	free(f);
}

static void resize(struct fixture *f, int rows, int cols)
{
	canvas_resize(&f->canvas, rows, cols);
	app_resize(f->app, rows, cols);
	app_paint(f->app, &f->canvas);
}

static enum app_result key(struct fixture *f, enum app_key k)
{
	struct app_event ev = {.key = k};
	enum app_result r = app_input(f->app, &ev);

	app_paint(f->app, &f->canvas);
	return r;
}

static enum app_result ch(struct fixture *f, uint32_t c)
{
	struct app_event ev = {.key = APP_KEY_CHAR, .ch = c};
	enum app_result r = app_input(f->app, &ev);

	app_paint(f->app, &f->canvas);
	return r;
}

/* The row where text appears, or -1. */
static int find_row(const struct fixture *f, const char *text)
{
	for (int row = 0; row < f->canvas.rows; row++) {
		char *s = canvas_row_text(&f->canvas, row);
		int found = strstr(s, text) != NULL;
		free(s);
		if (found)
			return row;
	}
	return -1;
}

static void assert_shows(const struct fixture *f, const char *text)
{
	if (find_row(f, text) < 0) {
		canvas_print(&f->canvas, stderr);
		fail_msg("not on screen: %s", text);
	}
}

static void assert_not_shows(const struct fixture *f, const char *text)
{
	if (find_row(f, text) >= 0) {
		canvas_print(&f->canvas, stderr);
		fail_msg("on screen but should not be: %s", text);
	}
}

/* Every row holds exactly the canvas width in columns. */
static void assert_rows_fit(const struct fixture *f)
{
	for (int row = 0; row < f->canvas.rows; row++) {
		int cols = 0;
		for (int col = 0; col < f->canvas.cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(&f->canvas, row, col);
			cols += cell->width;
			if (cell->width == 2)
				assert_int_equal(canvas_cell_const(&f->canvas, row, col + 1)->width, 0);
		}
		assert_int_equal(cols, f->canvas.cols);
	}
}

static void test_first_screen_lists_every_section(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 0}, 24, 80);

	(void)state;
	for (size_t i = 0; i < f->content->section_count; i++) {
		char title[16];
		/* The start of each title (wide titles are cut to the menu). */
		snprintf(title, sizeof(title), "%.9s", f->content->sections[i].title.by_lang[0]);
		assert_shows(f, title);
	}
	assert_shows(f, "オフィス一覧");
	assert_shows(f, "Enter 開く");
	assert_rows_fit(f);
	finish(f);
}

static void test_enter_opens_and_back_returns(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1}, 24, 80);

	(void)state;
	key(f, APP_KEY_DOWN);
	key(f, APP_KEY_ENTER);
	assert_shows(f, "Influencing the UNFCCC Negotiations");
	assert_shows(f, "Space next page");
	assert_not_shows(f, "Action Agenda"); /* the menu is gone while reading */
	ch(f, '3');
	assert_shows(f, "Action Agenda");
	key(f, APP_KEY_BACKSPACE);
	assert_shows(f, "Influencing the UNFCCC Negotiations");
	key(f, APP_KEY_LEFT);
	assert_shows(f, "Enter open"); /* history empty: the menu */
	finish(f);
}

static void test_language_switch_keeps_paragraph(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1, .start = "about"}, 8, 30);

	(void)state;
	/* Scroll until the second paragraph is at the top. */
	for (int i = 0; i < 40 && find_row(f, "The LGMA advocates") != 1; i++)
		ch(f, 'j');
	assert_int_equal(find_row(f, "The LGMA advocates"), 1);
	ch(f, 'L');
	assert_int_equal(find_row(f, "LGMAは、自治体を地球規模"), 1);
	ch(f, 'L');
	assert_int_equal(find_row(f, "The LGMA advocates"), 1);
	finish(f);
}

static void test_resize_keeps_reading_position(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1, .start = "about"}, 10, 40);
	const int sizes[][2] = {{12, 50}, {9, 33}, {14, 45}, {10, 40}};
	char *top, first[8];

	(void)state;
	for (int i = 0; i < 6; i++)
		ch(f, 'j');
	/* The first characters of the top line are where the reader is. */
	top = canvas_row_text(&f->canvas, 1);
	snprintf(first, sizeof(first), "%s", top + 1);
	free(top);
	for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		resize(f, sizes[i][0], sizes[i][1]);
		assert_int_equal(find_row(f, first), 1);
		assert_rows_fit(f);
	}
	finish(f);
}

static void test_help_lists_keys_in_language(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 0}, 30, 80);

	(void)state;
	ch(f, '?');
	assert_shows(f, "キー操作");
	assert_shows(f, "言語を切り替え");
	ch(f, 'x');
	assert_not_shows(f, "キー操作");
	finish(f);
}

static void test_q_quits_but_not_in_kiosk(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1}, 24, 80);
	struct app_config kiosk = {.lang = 1, .kiosk = true, .exit_key = {24, 17}, .exit_key_length = 2};
	struct fixture *k;

	(void)state;
	assert_int_equal(ch(f, 'q'), APP_QUIT);
	finish(f);
	k = start(kiosk, 24, 80);
	assert_int_equal(ch(k, 'q'), APP_CONTINUE);
	assert_shows(k, "stays on lgma");
	assert_int_equal(ch(k, 3), APP_CONTINUE);  /* Ctrl-C */
	assert_int_equal(ch(k, 26), APP_CONTINUE); /* Ctrl-Z */
	assert_int_equal(ch(k, 28), APP_CONTINUE); /* Ctrl-\ */
	assert_not_shows(k, "q quit");
	assert_int_equal(ch(k, 24), APP_CONTINUE); /* Ctrl-X */
	assert_int_equal(ch(k, 17), APP_QUIT);	   /* Ctrl-Q: the exit key */
	finish(k);
}

static void test_reset_returns_to_start(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 0}, 24, 80);

	(void)state;
	ch(f, 'L');
	ch(f, '4');
	assert_shows(f, "Working with COP Presidencies");
	app_reset(f->app);
	app_paint(f->app, &f->canvas);
	assert_shows(f, "Enter 開く");
	key(f, APP_KEY_BACKSPACE); /* no history left */
	assert_shows(f, "Enter 開く");
	finish(f);
}

static void test_every_size_paints_inside(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 0, .start = "about"}, 1, 1);

	(void)state;
	for (int rows = 1; rows <= 30; rows += 3)
		for (int cols = 1; cols <= 120; cols += 7) {
			resize(f, rows, cols);
			assert_rows_fit(f);
			ch(f, 'j');
			ch(f, 'B');
			assert_rows_fit(f);
		}
	resize(f, 2, 5);
	assert_shows(f, "端末");
	finish(f);
}

static void test_bilingual_aligns_paragraphs(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 0, .start = "about"}, 30, 160);
	int ja, en;

	(void)state;
	ch(f, 'B');
	ja = find_row(f, "LGMAは、自治体を地球規模");
	en = find_row(f, "The LGMA advocates");
	assert_true(ja > 0);
	assert_int_equal(ja, en);
	assert_shows(f, "1995年");
	assert_shows(f, "Since the first Conference");
	finish(f);
}

static void type(struct fixture *f, const char *s)
{
	while (*s != '\0') {
		ucs4_t c;
		int n = u8_mbtouc(&c, (const uint8_t *)s, strlen(s));
		ch(f, c);
		s += n;
	}
}

static void test_find_in_text(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1, .start = "negotiations"}, 24, 80);

	(void)state;
	ch(f, '/');
	type(f, "cop");
	assert_shows(f, "Find: cop");
	assert_shows(f, "1/2");
	key(f, APP_KEY_ENTER);
	ch(f, 'n');
	assert_shows(f, "2/2");
	ch(f, 'n');
	assert_shows(f, "continued from the top");
	assert_shows(f, "1/2");
	/* The match is highlighted in the text. */
	{
		int row = find_row(f, "COP venue");
		int hits = 0;
		assert_true(row > 0);
		for (int col = 0; col < f->canvas.cols; col++) {
			uint8_t role = canvas_cell_const(&f->canvas, row, col)->role;
			hits += role == CANVAS_MATCH || role == CANVAS_MATCH_CURRENT;
		}
		assert_int_equal(hits, 3);
	}
	ch(f, '/');
	type(f, "zzzz");
	assert_shows(f, "Not found");
	key(f, APP_KEY_ESCAPE);
	assert_not_shows(f, "1/2");
	finish(f);
}

static void test_search_everything(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1}, 24, 100);

	(void)state;
	ch(f, 'S');
	type(f, "\xef\xbd\x93\xef\xbd\x85\xef\xbd\x8f\xef\xbd\x95\xef\xbd\x8c"); /* ｓｅｏｕｌ */
	assert_shows(f, "Search results: 3 found");
	assert_shows(f, "East Asia Secretariat");
	key(f, APP_KEY_ENTER); /* closes the prompt */
	ch(f, 'S');
	key(f, APP_KEY_BACKSPACE);
	key(f, APP_KEY_BACKSPACE);
	key(f, APP_KEY_BACKSPACE);
	key(f, APP_KEY_BACKSPACE);
	key(f, APP_KEY_BACKSPACE);
	type(f, "Paris Agreement");
	key(f, APP_KEY_ENTER);
	key(f, APP_KEY_ENTER); /* opens the first result */
	assert_shows(f, "About Local Governments");
	key(f, APP_KEY_BACKSPACE);
	assert_shows(f, "Search results");
	finish(f);
}

static void test_offices_filter_map_and_qr(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1, .start = "offices"}, 30, 100);

	(void)state;
	assert_shows(f, "Headquarters (1)");
	assert_shows(f, "ICLEI World Secretariat");
	for (int i = 0; i < 5; i++)
		key(f, APP_KEY_DOWN);
	assert_shows(f, "1-14-2 Nishi-Shimbashi");	/* Tokyo's card */
	/* Its marker on the map, labelled on whichever side has room. */
	assert_true(find_row(f, "@ Tokyo") >= 0 || find_row(f, "Tokyo @") >= 0);
	ch(f, '/');
	type(f, "delhi");
	assert_shows(f, "Southeast and South Asia (1)");
	assert_not_shows(f, "Europe (");
	assert_shows(f, "New Delhi");
	key(f, APP_KEY_ENTER);
	ch(f, 'Q');
	assert_shows(f, "Scan with a phone: https://southasiaoffice.iclei.org/");
	ch(f, 'x');
	key(f, APP_KEY_ESCAPE); /* clears the filter */
	assert_shows(f, "Europe (2)");
	ch(f, 'm');
	assert_shows(f, "Delhi");
	key(f, APP_KEY_RIGHT); /* the nearest office east of New Delhi */
	assert_true(find_row(f, "@ New Delhi") < 0 && find_row(f, "New Delhi @") < 0);
	key(f, APP_KEY_ESCAPE);
	assert_shows(f, "Headquarters (1)");
	finish(f);
}

static bool row_has(const struct fixture *f, int row, const char *text)
{
	char *s = canvas_row_text(&f->canvas, row);
	bool found = strstr(s, text) != NULL;

	free(s);
	return found;
}

/* The map shows every office; an arrow that lands on one the filter hides
 * clears the filter, so the list and the card agree with the map. A filter
 * that matches nothing leaves no office named in the status line. */
static void test_offices_map_and_filter_agree(void **state)
{
	struct fixture *f = start((struct app_config){.lang = 1, .start = "offices"}, 30, 100);
	int status = 30 - 2;

	(void)state;
	ch(f, '/');
	type(f, "zzzz");
	key(f, APP_KEY_ENTER);
	assert_true(row_has(f, status, "0/0"));
	assert_false(row_has(f, status, "Secretariat")); /* no hidden office's name */
	assert_true(row_has(f, status, "Offices"));
	key(f, APP_KEY_ESCAPE);
	ch(f, '/');
	type(f, "delhi");
	key(f, APP_KEY_ENTER);
	assert_not_shows(f, "Europe (");
	ch(f, 'm');
	key(f, APP_KEY_RIGHT); /* east of New Delhi: an office the filter hides */
	assert_shows(f, "Esc close"); /* still on the map */
	ch(f, 'm');
	assert_shows(f, "Europe (2)"); /* the filter is gone */
	assert_false(row_has(f, status, "New Delhi"));
	assert_true(row_has(f, status, "/15"));
	finish(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_screen_lists_every_section),
		cmocka_unit_test(test_enter_opens_and_back_returns),
		cmocka_unit_test(test_language_switch_keeps_paragraph),
		cmocka_unit_test(test_resize_keeps_reading_position),
		cmocka_unit_test(test_help_lists_keys_in_language),
		cmocka_unit_test(test_q_quits_but_not_in_kiosk),
		cmocka_unit_test(test_reset_returns_to_start),
		cmocka_unit_test(test_every_size_paints_inside),
		cmocka_unit_test(test_bilingual_aligns_paragraphs),
		cmocka_unit_test(test_find_in_text),
		cmocka_unit_test(test_search_everything),
		cmocka_unit_test(test_offices_filter_map_and_qr),
		cmocka_unit_test(test_offices_map_and_filter_agree),
	};

	return cmocka_run_group_tests_name("app", tests, NULL, NULL);
}
