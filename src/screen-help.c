/* The help screen: every key, in the reader's language. */
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"

static const enum ui_string help_lines[] = {
	UI_HELP_KEYS_MOVE,	UI_HELP_KEYS_PAGE,   UI_HELP_KEYS_HALF,	      UI_HELP_KEYS_ENDS,
	UI_HELP_KEYS_TAB,	UI_HELP_KEYS_OPEN,   UI_HELP_KEYS_BACK,	      UI_HELP_KEYS_NUMBER,
	UI_HELP_KEYS_LANGUAGE,	UI_HELP_KEYS_BILINGUAL, UI_HELP_KEYS_SEARCH, UI_HELP_KEYS_NEXT,
	UI_HELP_KEYS_SEARCH_ALL, UI_HELP_KEYS_FILTER, UI_HELP_KEYS_MAP, UI_HELP_KEYS_QR,
	UI_HELP_KEYS_HELP,	UI_HELP_KEYS_QUIT, UI_HELP_KEYS_MOUSE,
};
enum { HELP_COUNT = sizeof(help_lines) / sizeof(help_lines[0]) };

static int key_column(const struct app *app, int cols)
{
	int widest = 0;

	for (size_t i = 0; i < HELP_COUNT; i++) {
		const char *s = ui_text(app_lang_code(app, app->lang), help_lines[i]);
		int w = text_width(s, (size_t)(strchr(s, '\t') - s), app->config.ambiguous_wide);
		if (w > widest)
			widest = w;
	}
	/* Narrow screens put each explanation under its keys instead. */
	return widest + 2 <= cols / 2 ? widest + 2 : 0;
}

struct help_pen {
	struct app *app;
	struct canvas *c; /* NULL: only count lines */
	struct canvas_rect r;
	int left, width;
	size_t line;
};

static void emit(struct help_pen *p, int at, const char *text, size_t len, enum canvas_role role)
{
	long row = (long)p->line - (long)p->app->help_top;

	if (p->c != NULL && row >= 0 && row < p->r.rows)
		canvas_put(p->c, p->r.row + (int)row, p->r.col + p->left + at, text, len, role, p->width - at);
}

static void emit_explanation(struct help_pen *p, int at, const char *text)
{
	struct layout_options opt = {.width = p->width - at > 0 ? p->width - at : 1,
				     .ambiguous_wide = p->app->config.ambiguous_wide,
				     .ascii = p->app->config.ascii};
	struct layout *l = layout_new(text, strlen(text), &opt);

	for (size_t k = 0; k < layout_line_count(l); k++, p->line++) {
		const struct layout_line *ll = layout_line(l, k);
		emit(p, at + ll->indent, ll->text, ll->length, CANVAS_NORMAL);
	}
	layout_free(l);
}

/* Paints the help (when c is not NULL) from line app->help_top and returns
 * the number of lines the help has at this width. */
static size_t render(struct app *app, struct canvas *c)
{
	const char *lang = app_lang_code(app, app->lang);
	struct help_pen p = {.app = app, .c = c, .r = app->geo.body};
	int keycol;

	p.width = app_measure(app, p.r.cols);
	p.left = p.r.cols > p.width ? 1 : 0;
	keycol = key_column(app, p.width);
	emit(&p, 0, ui_text(lang, UI_HELP_TITLE), strlen(ui_text(lang, UI_HELP_TITLE)), CANVAS_HEADING);
	p.line += 2;
	for (size_t i = 0; i < HELP_COUNT; i++) {
		const char *s = ui_text(lang, help_lines[i]), *tab = strchr(s, '\t');
		emit(&p, 0, s, (size_t)(tab - s), CANVAS_HINT_KEY);
		if (keycol == 0)
			p.line++;
		emit_explanation(&p, keycol ? keycol : 2, tab + 1);
	}
	p.line++;
	emit(&p, 0, ui_text(lang, UI_HELP_INTRO), strlen(ui_text(lang, UI_HELP_INTRO)), CANVAS_NOTICE);
	return p.line + 1;
}

size_t help_line_count(const struct app *app)
{
	return render((struct app *)app, NULL);
}

void help_paint(struct app *app, struct canvas *c)
{
	render(app, c);
}
