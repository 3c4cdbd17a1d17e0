/* The browser on content that is valid but unkind, and on events a terminal
 * can send at bad moments: nothing content chose may reach a cell as a
 * control character, and every row keeps its width. Each test here is a
 * case the fuzzers (tests/fuzz/) found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "lgma/app.h"
#include "lgma/load.h"

#define FILE_OF(name, text) {name, text, sizeof(text) - 1}

struct screen {
	struct content *content;
	struct app *app;
	struct canvas canvas;
};

static struct content *load(const struct load_file *files, size_t count)
{
	struct diag_list diags;
	struct content *c;

	diag_init(&diags);
	c = load_content_files(files, count, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	assert_non_null(c);
	return c;
}

static void open_screen(struct screen *s, struct content *c, struct app_config cfg, int rows, int cols)
{
	s->content = c;
	s->app = app_new(c, &cfg);
	canvas_init(&s->canvas, rows, cols, cfg.ambiguous_wide);
	app_resize(s->app, rows, cols);
	app_paint(s->app, &s->canvas);
}

static void close_screen(struct screen *s)
{
	app_free(s->app);
	canvas_fini(&s->canvas);
	content_free(s->content);
}

static void type(struct screen *s, enum app_key key, uint32_t ch)
{
	struct app_event ev = {.key = key, .ch = ch};

	app_input(s->app, &ev);
	app_paint(s->app, &s->canvas);
}

/* No cell holds a C0 or C1 control, DEL or a bidi control; every row is
 * exactly the canvas wide, wide cells followed by their continuation. */
static void assert_screen_safe(const struct screen *s)
{
	const struct canvas *c = &s->canvas;

	for (int row = 0; row < c->rows; row++) {
		int cols = 0;
		for (int col = 0; col < c->cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(c, row, col);
			const uint8_t *p = (const uint8_t *)cell->text;
			size_t n = strlen(cell->text);

			assert_null(u8_check(p, n));
			for (size_t i = 0; i < n;) {
				ucs4_t u;
				i += (size_t)u8_mbtoucr(&u, p + i, n - i);
				if (u < 0x20 || (u >= 0x7f && u < 0xa0) || uc_is_property_bidi_control(u)) {
					canvas_print(c, stderr);
					fail_msg("U+%04X in cell %d,%d", (unsigned)u, row, col);
				}
			}
			if (cell->width == 2)
				assert_int_equal(canvas_cell_const(c, row, col + 1)->width, 0);
			cols += cell->width;
		}
		assert_int_equal(cols, c->cols);
	}
}

static const char section[] = "id: one\ntitle: One\nbody: Text.\n";

/* The key hint of the language switch shows the next language's name,
 * which site.yaml may set to anything. */
static void test_language_name_in_key_hints(void **state)
{
	const struct load_file files[] = {
		FILE_OF("site.yaml", "languages: [ja, en]\n"
				     "language_names: {ja: \"\\e[31m日本語\\t\", en: \"\\u202EEnglish\\x9b\"}\n"
				     "title: T\n"),
		FILE_OF("sections/10-one.yaml", section),
	};
	struct screen s;

	(void)state;
	open_screen(&s, load(files, 2), (struct app_config){.lang = 0}, 24, 80);
	assert_screen_safe(&s); /* the hint names English */
	type(&s, APP_KEY_CHAR, 'L');
	assert_screen_safe(&s); /* the hint names 日本語 */
	close_screen(&s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_language_name_in_key_hints),
	};

	return cmocka_run_group_tests_name("app-hostile", tests, NULL, NULL);
}
