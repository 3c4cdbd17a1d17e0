/* The browser's behaviour: events change the state; screen-*.c paint it. */
#include "lgma/app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"
#include "lgma/xalloc.h"

enum motion {
	MOTION_NONE,
	MOTION_LINE_UP,
	MOTION_LINE_DOWN,
	MOTION_PAGE_UP,
	MOTION_PAGE_DOWN,
	MOTION_HALF_UP,
	MOTION_HALF_DOWN,
	MOTION_TOP,
	MOTION_BOTTOM,
	MOTION_WHEEL_UP,
	MOTION_WHEEL_DOWN,
};

enum { CTRL_B = 2, CTRL_D = 4, CTRL_E = 5, CTRL_F = 6, CTRL_N = 14, CTRL_P = 16, CTRL_U = 21, CTRL_Y = 25 };

/* ---- the menu's entries: every section, then the offices ---- */

size_t app_menu_count(const struct app *app)
{
	return app->content->section_count + (app->content->office_count > 0);
}

bool app_entry_is_offices(const struct app *app, size_t entry)
{
	return entry == app->content->section_count;
}

size_t app_entry_results(const struct app *app)
{
	return app->content->section_count + 1;
}

bool app_entry_is_section(const struct app *app, size_t entry)
{
	return entry < app->content->section_count;
}

const char *app_lang_code(const struct app *app, size_t lang)
{
	return app->content->langs[lang];
}

const char *app_lang_name(const struct app *app, size_t lang)
{
	const struct content_text *names = &app->content->language_names;

	if (names->native & (1u << lang))
		return names->by_lang[lang];
	return ui_language_name(app_lang_code(app, lang));
}

const char *app_entry_title(const struct app *app, size_t entry)
{
	if (app_entry_is_offices(app, entry))
		return ui_text(app_lang_code(app, app->lang), UI_OFFICES);
	if (entry == app_entry_results(app))
		return ui_text(app_lang_code(app, app->lang), UI_RESULTS_TITLE);
	return content_text_get(&app->content->sections[entry].title, app->lang);
}

size_t app_next_lang(const struct app *app)
{
	return (app->lang + 1) % app->content->lang_count;
}

bool app_reading(const struct app *app)
{
	return app->focus == APP_FOCUS_PANE;
}

int app_measure(const struct app *app, int cols)
{
	/* Text starts at the pane's edge, as in a pager: a left margin would
	 * cost a byte on every row repainted. One column stays free on the
	 * right, so that no line ends in a terminal's last column. */
	int width = cols > 20 ? cols - 1 : cols;

	(void)app;
	if (width > APP_MEASURE_MAX)
		width = APP_MEASURE_MAX;
	return width < 1 ? 1 : width;
}

/* ---- laid-out documents, cached by (section, language, width) ---- */

const struct doc *app_doc(struct app *app, size_t section, size_t lang, int width)
{
	struct app_doc_slot *victim = &app->docs[0];
	const struct content_section *s = &app->content->sections[section];
	struct layout_options opt = {
		.width = width,
		.ambiguous_wide = app->config.ambiguous_wide,
		.ascii = app->config.ascii,
		/* The content outlives its documents (app_set_content drops them). */
		.borrow_src = true,
	};

	app->doc_clock++;
	for (size_t i = 0; i < APP_DOC_CACHE; i++) {
		struct app_doc_slot *slot = &app->docs[i];
		if (slot->valid && slot->section == section && slot->lang == lang && slot->width == width) {
			slot->used = app->doc_clock;
			return &slot->doc;
		}
		if (!slot->valid || slot->used < victim->used)
			victim = slot;
	}
	if (victim->valid)
		doc_fini(&victim->doc);
	doc_init(&victim->doc, content_text_get(&s->title, lang), content_text_get(&s->body, lang), &opt);
	victim->section = section;
	victim->lang = lang;
	victim->width = width;
	victim->used = app->doc_clock;
	victim->valid = true;
	return &victim->doc;
}

static void drop_docs(struct app *app)
{
	for (size_t i = 0; i < APP_DOC_CACHE; i++)
		if (app->docs[i].valid) {
			doc_fini(&app->docs[i].doc);
			app->docs[i].valid = false;
		}
}

/* ---- geometry ---- */

static int menu_width(const struct app *app)
{
	int widest = 0;

	for (size_t i = 0; i < app_menu_count(app); i++) {
		const char *t = app_entry_title(app, i);
		char *safe = text_sanitize(t, strlen(t), app->config.ambiguous_wide, NULL);
		int w = text_width(safe, strlen(safe), app->config.ambiguous_wide);
		free(safe);
		if (w > widest)
			widest = w;
	}
	widest += 4; /* " 1 " before, one blank after */
	if (widest > app->cols * 2 / 5)
		widest = app->cols * 2 / 5;
	return widest < 12 ? 12 : widest;
}

static void compute_geometry(struct app *app)
{
	struct app_geometry *g = &app->geo;
	int chrome;

	memset(g, 0, sizeof(*g));
	g->too_small = app->rows < APP_MIN_ROWS || app->cols < APP_MIN_COLS;
	if (g->too_small)
		return;
	g->narrow = app->cols < APP_NARROW_COLS;
	g->has_hints = true;
	g->has_status = app->rows >= 6;
	chrome = 1 + g->has_status + g->has_hints;
	g->body = (struct canvas_rect){1, 0, app->rows - chrome, app->cols};
	g->reading = g->body;
	g->menu = g->body;
	if (!g->narrow) {
		g->menu.cols = menu_width(app);
		g->preview = g->body;
		g->preview.col = g->menu.cols + 1;
		g->preview.cols = app->cols - g->preview.col;
	}
}

/* ---- the reading position ---- */

static const struct doc *here_doc(struct app *app)
{
	return app_doc(app, app->here.entry, app->lang, text_reading_width(app));
}

static bool here_is_section(const struct app *app)
{
	return app_entry_is_section(app, app->here.entry);
}

static size_t max_top(struct app *app)
{
	size_t rows = here_is_section(app) ? text_row_count(app) : 0;
	size_t page = text_page_rows(app);

	return rows > page ? rows - page : 0;
}

/* Remember where the reader is in terms that survive a new layout: the
 * paragraph (across languages) and the body's bytes (across widths). */
static void save_anchor(struct app *app)
{
	const struct doc *d;
	const struct layout_line *line;
	size_t top;
	bool is_title;

	if (!here_is_section(app) || app->geo.too_small)
		return;
	d = here_doc(app);
	top = text_row_line(app, app->top_line);
	app->here.at_start = top < doc_body_start(d);
	app->here.top_paragraph = doc_paragraph_at(d, top);
	line = doc_line(d, top, &is_title);
	app->here.top_offset = line != NULL && !is_title ? line->src_start : 0;
}

static void clamp_top(struct app *app)
{
	size_t top = max_top(app);

	if (app->top_line > top)
		app->top_line = top;
}

/* After a resize: the same text at the top, found by its bytes. */
static void restore_by_offset(struct app *app)
{
	if (!here_is_section(app) || app->geo.too_small)
		return;
	app->top_line = app->here.at_start ? 0 : text_line_row(app, doc_line_at(here_doc(app), app->here.top_offset));
	clamp_top(app);
}

/* After a language switch: the same paragraph at the top. */
static void restore_by_paragraph(struct app *app)
{
	if (!here_is_section(app) || app->geo.too_small)
		return;
	app->top_line = app->here.at_start
				? 0
				: text_line_row(app, doc_paragraph_line(here_doc(app), app->here.top_paragraph));
	clamp_top(app);
	save_anchor(app);
}

/* ---- places and history ---- */

static void push_history(struct app *app)
{
	if (app->history_count == app->history_capacity) {
		app->history_capacity = app->history_capacity ? app->history_capacity * 2 : 16;
		app->history = xreallocarray(app->history, app->history_capacity, sizeof(*app->history));
	}
	app->history[app->history_count++] = app->here;
}

void app_open(struct app *app, size_t entry)
{
	if (entry >= app_menu_count(app) && entry != app_entry_results(app))
		return;
	if (entry < app_menu_count(app))
		app->menu_selected = entry;
	if (app->focus == APP_FOCUS_PANE && app->here.entry == entry)
		return;
	if (app->here.entry != entry || !app->visited) {
		save_anchor(app);
		if (app->visited)
			push_history(app);
		app->here = (struct app_place){.entry = entry, .at_start = true};
		app->top_line = 0;
	}
	app->visited = true;
	app->focus = APP_FOCUS_PANE;
}

void app_back(struct app *app)
{
	if (app->history_count == 0) {
		app->menu_selected = app->here.entry < app_menu_count(app) ? app->here.entry : 0;
		app->focus = APP_FOCUS_MENU;
		return;
	}
	app->here = app->history[--app->history_count];
	if (app->here.entry < app_menu_count(app))
		app->menu_selected = app->here.entry;
	app->focus = APP_FOCUS_PANE;
	restore_by_offset(app);
}

/* ---- keys ---- */

static enum motion motion_of(const struct app_event *ev)
{
	switch (ev->key) {
	case APP_KEY_UP:
		return MOTION_LINE_UP;
	case APP_KEY_DOWN:
		return MOTION_LINE_DOWN;
	case APP_KEY_PAGE_UP:
		return MOTION_PAGE_UP;
	case APP_KEY_PAGE_DOWN:
		return MOTION_PAGE_DOWN;
	case APP_KEY_HOME:
		return MOTION_TOP;
	case APP_KEY_END:
		return MOTION_BOTTOM;
	case APP_KEY_WHEEL_UP:
		return MOTION_WHEEL_UP;
	case APP_KEY_WHEEL_DOWN:
		return MOTION_WHEEL_DOWN;
	case APP_KEY_CHAR:
		break;
	default:
		return MOTION_NONE;
	}
	switch (ev->ch) {
	case 'k': case CTRL_P: case CTRL_Y:
		return MOTION_LINE_UP;
	case 'j': case CTRL_N: case CTRL_E:
		return MOTION_LINE_DOWN;
	case ' ': case 'f': case CTRL_F:
		return MOTION_PAGE_DOWN;
	case 'b': case CTRL_B:
		return MOTION_PAGE_UP;
	case CTRL_D:
		return MOTION_HALF_DOWN;
	case CTRL_U:
		return MOTION_HALF_UP;
	case 'g': case '<':
		return MOTION_TOP;
	case 'G': case '>':
		return MOTION_BOTTOM;
	default:
		return MOTION_NONE;
	}
}

/* New position of a cursor or top line in [0, last] after a motion. */
static size_t move(size_t pos, size_t last, size_t page, enum motion m)
{
	size_t step = 0;
	bool up = false;

	switch (m) {
	case MOTION_NONE:
		return pos;
	case MOTION_TOP:
		return 0;
	case MOTION_BOTTOM:
		return last;
	case MOTION_LINE_UP: up = true; /* fall through */
	case MOTION_LINE_DOWN: step = 1; break;
	case MOTION_WHEEL_UP: up = true; /* fall through */
	case MOTION_WHEEL_DOWN: step = 3; break;
	case MOTION_PAGE_UP: up = true; /* fall through */
	case MOTION_PAGE_DOWN: step = page > 1 ? page - 1 : 1; break;
	case MOTION_HALF_UP: up = true; /* fall through */
	case MOTION_HALF_DOWN: step = page > 1 ? page / 2 : 1; break;
	}
	if (up)
		return pos > step ? pos - step : 0;
	return pos + step < last ? pos + step : last;
}

void app_set_language(struct app *app, size_t lang)
{
	if (lang >= app->content->lang_count || lang == app->lang)
		return;
	save_anchor(app);
	app->lang = lang;
	compute_geometry(app); /* the menu's width follows its titles */
	restore_by_paragraph(app);
}

void app_show_line(struct app *app, size_t line)
{
	size_t row = text_line_row(app, line), page = text_page_rows(app);

	/* Two lines of context above, unless it is on screen already. */
	if (row < app->top_line || row >= app->top_line + page)
		app->top_line = row > 2 ? row - 2 : 0;
	clamp_top(app);
	save_anchor(app);
}

static bool global_key(struct app *app, const struct app_event *ev)
{
	if (ev->key == APP_KEY_F1 || (ev->key == APP_KEY_CHAR && ev->ch == '?')) {
		app->help_open = true;
		app->help_top = 0;
		return true;
	}
	if (ev->key != APP_KEY_CHAR)
		return false;
	if (ev->ch == 'L') {
		app_set_language(app, app_next_lang(app));
		return true;
	}
	if (ev->ch == 'B') {
		save_anchor(app);
		app->bilingual = !app->bilingual;
		restore_by_paragraph(app);
		return true;
	}
	if (ev->ch >= '1' && ev->ch <= '9') {
		app_open(app, ev->ch - '1');
		return true;
	}
	return false;
}

static void help_input(struct app *app, const struct app_event *ev)
{
	enum motion m = motion_of(ev);
	size_t lines = help_line_count(app), page = app->geo.body.rows > 0 ? (size_t)app->geo.body.rows : 1;

	if (m != MOTION_NONE && lines > page) {
		app->help_top = move(app->help_top, lines - page, page, m);
		return;
	}
	app->help_open = false;
}

static void menu_input(struct app *app, const struct app_event *ev)
{
	enum motion m = motion_of(ev);
	size_t last = app_menu_count(app) - 1;

	if (m != MOTION_NONE) {
		app->menu_selected = move(app->menu_selected, last, (size_t)app->geo.menu.rows, m);
		return;
	}
	switch (ev->key) {
	case APP_KEY_ENTER:
	case APP_KEY_RIGHT:
	case APP_KEY_TAB:
		app_open(app, app->menu_selected);
		return;
	case APP_KEY_LEFT:
	case APP_KEY_BACKSPACE:
		if (app->history_count > 0)
			app_back(app);
		return;
	case APP_KEY_CLICK: {
		long entry = menu_entry_at(app, ev->row);
		if (entry >= 0 && ev->col < app->geo.menu.col + app->geo.menu.cols)
			app_open(app, (size_t)entry);
		return;
	}
	case APP_KEY_CHAR:
		if (ev->ch == 'l')
			app_open(app, app->menu_selected);
		else if (ev->ch == 'h' && app->history_count > 0)
			app_back(app);
		return;
	default:
		return;
	}
}

static void pane_input(struct app *app, const struct app_event *ev)
{
	enum motion m = motion_of(ev);

	if (m != MOTION_NONE) {
		app->top_line = move(app->top_line, max_top(app), text_page_rows(app), m);
		save_anchor(app);
		return;
	}
	switch (ev->key) {
	case APP_KEY_LEFT:
	case APP_KEY_BACKSPACE:
		app_back(app);
		return;
	case APP_KEY_TAB:
	case APP_KEY_BACKTAB:
	case APP_KEY_ESCAPE:
		app->menu_selected = app->here.entry;
		app->focus = APP_FOCUS_MENU;
		return;
	case APP_KEY_CHAR:
		if (ev->ch == 'h')
			app_back(app);
		return;
	default:
		return;
	}
}

/* The operator's exit sequence of a kiosk, typed anywhere. */
static bool exit_key_typed(struct app *app, const struct app_event *ev)
{
	const struct app_config *cfg = &app->config;
	uint32_t ch = ev->key == APP_KEY_CHAR ? ev->ch : ev->key == APP_KEY_ESCAPE ? 27 : 0;

	if (cfg->exit_key_length == 0)
		return false;
	if (ch != 0 && ch == cfg->exit_key[app->exit_matched])
		app->exit_matched++;
	else
		app->exit_matched = ch != 0 && ch == cfg->exit_key[0];
	if (app->exit_matched < cfg->exit_key_length)
		return false;
	app->exit_matched = 0;
	return true;
}

/* q, Ctrl-C, Ctrl-\ and Ctrl-Z: the keys people press to leave. */
static bool is_quit_key(const struct app_event *ev)
{
	return ev->key == APP_KEY_CHAR && (ev->ch == 'q' || ev->ch == 3 || ev->ch == 28 || ev->ch == 26);
}

enum app_result app_input(struct app *app, const struct app_event *ev)
{
	app->notice[0] = '\0';
	if (app->config.kiosk && exit_key_typed(app, ev))
		return APP_QUIT;
	/* An open prompt takes every key: "q" is a letter of the query. */
	if (app->prompt != APP_PROMPT_NONE) {
		search_input(app, ev);
		return APP_CONTINUE;
	}
	if (is_quit_key(ev) && app->config.kiosk && !app->help_open) {
		app_notice(app, ui_text(app_lang_code(app, app->lang), UI_KIOSK_NO_QUIT));
		return APP_CONTINUE;
	}
	if (app->help_open) {
		help_input(app, ev);
		return APP_CONTINUE;
	}
	if (ev->key == APP_KEY_CHAR && ev->ch == 'q')
		return APP_QUIT;
	if (app->geo.too_small || search_input(app, ev) || global_key(app, ev))
		return APP_CONTINUE;
	if (app->focus == APP_FOCUS_MENU)
		menu_input(app, ev);
	else if (app->here.entry == app_entry_results(app))
		results_input(app, ev);
	else if (app_entry_is_offices(app, app->here.entry))
		offices_input(app, ev);
	else
		pane_input(app, ev);
	return APP_CONTINUE;
}

/* ---- life cycle ---- */

bool app_start_valid(const struct content *content, const char *start)
{
	if (start == NULL)
		return true;
	if (strcmp(start, "offices") == 0)
		return content->office_count > 0;
	return content_section_index(content, start) >= 0;
}

/* The start place: the menu, or the section (or offices) named at start. */
static void go_to_start(struct app *app)
{
	const struct content *content = app->content;
	const char *start = app->config.start;

	app->lang = app->config.lang < content->lang_count ? app->config.lang : 0;
	app->focus = APP_FOCUS_MENU;
	app->here = (struct app_place){.at_start = true};
	app->menu_selected = app->menu_top = 0;
	app->top_line = 0;
	app->history_count = 0;
	app->help_open = false;
	app->bilingual = false;
	app->exit_matched = 0;
	search_forget(app);
	offices_init(app);
	app->visited = false;
	if (start != NULL && app_start_valid(content, start)) {
		app->visited = true;
		long section = content_section_index(content, start);
		app->here.entry = section >= 0 ? (size_t)section : content->section_count;
		app->menu_selected = app->here.entry;
		app->focus = APP_FOCUS_PANE;
	}
}

struct app *app_new(const struct content *content, const struct app_config *config)
{
	struct app *app = xcalloc(1, sizeof(*app));

	app->content = content;
	app->config = *config;
	search_results_init(&app->find.hits);
	search_results_init(&app->results.hits);
	go_to_start(app);
	return app;
}

void app_reset(struct app *app)
{
	go_to_start(app);
	compute_geometry(app);
}

void app_notice(struct app *app, const char *message)
{
	snprintf(app->notice, sizeof(app->notice), "%s", message);
}

/* An entry of the old content in the new one, by id; -1 when gone. */
static long remap_entry(const struct app *app, const struct content *next, size_t entry)
{
	if (!app_entry_is_section(app, entry) && !app_entry_is_offices(app, entry))
		return -1; /* a results list: searches are forgotten with the old content */
	if (app_entry_is_offices(app, entry))
		return next->office_count > 0 ? (long)next->section_count : -1;
	return content_section_index(next, app->content->sections[entry].id);
}

void app_set_content(struct app *app, const struct content *next)
{
	const char *office = app->content->office_count ? app->content->offices[app->offices.selected].id : NULL;
	long here = remap_entry(app, next, app->here.entry);
	long selected = remap_entry(app, next, app->menu_selected);
	int lang = content_lang_index(next, app_lang_code(app, app->lang));
	size_t kept = 0;

	for (size_t i = 0; i < app->history_count; i++) {
		long entry = remap_entry(app, next, app->history[i].entry);
		if (entry >= 0) {
			app->history[kept] = app->history[i];
			app->history[kept++].entry = (size_t)entry;
		}
	}
	app->history_count = kept;
	drop_docs(app);
	search_forget(app); /* the index and hits point into the old content */
	app->content = next;
	offices_init(app);
	for (size_t i = 0; office != NULL && i < next->office_count; i++)
		if (strcmp(next->offices[i].id, office) == 0)
			app->offices.selected = i;
	app->lang = lang >= 0 ? (size_t)lang : 0;
	app->menu_selected = selected >= 0 ? (size_t)selected : 0;
	app->menu_top = 0;
	if (here >= 0) {
		app->here.entry = (size_t)here;
	} else {
		app->here = (struct app_place){.at_start = true};
		app->focus = APP_FOCUS_MENU;
	}
	compute_geometry(app);
	restore_by_offset(app);
	app_notice(app, ui_text(app_lang_code(app, app->lang), UI_RELOADED));
}

void app_free(struct app *app)
{
	if (app == NULL)
		return;
	drop_docs(app);
	search_forget(app);
	offices_fini(app);
	search_results_fini(&app->find.hits);
	search_results_fini(&app->results.hits);
	free(app->history);
	free(app);
}

void app_resize(struct app *app, int rows, int cols)
{
	app->rows = rows;
	app->cols = cols;
	compute_geometry(app);
	restore_by_offset(app);
}

/* Beside the menu: the selected entry, where the reader left it. */
static void paint_preview(struct app *app, struct canvas *c)
{
	struct canvas_rect r = app->geo.preview;
	size_t entry = app->menu_selected, top = 0;
	bool ascii = app->config.ascii || app->config.ambiguous_wide;

	for (int row = 0; row < r.rows && !app->config.plain; row++)
		canvas_put(c, r.row + row, r.col - 1, ascii ? "|" : "\xe2\x94\x82", ascii ? 1 : 3, CANVAS_BORDER, 1);
	if (app_entry_is_offices(app, entry)) {
		offices_paint_preview(app, c, r);
		return;
	}
	if (entry == app->here.entry && !app->here.at_start)
		top = doc_line_at(app_doc(app, entry, app->lang, app_measure(app, r.cols)), app->here.top_offset);
	text_paint_preview(app, c, r, entry, top);
}

void app_paint(struct app *app, struct canvas *c)
{
	canvas_clear(c);
	if (app->geo.too_small) {
		const char *msg = ui_text(app_lang_code(app, app->lang), UI_TOO_SMALL);
		canvas_put_unsafe(c, 0, 0, msg, strlen(msg), CANVAS_NOTICE, c->cols);
		return;
	}
	chrome_paint(app, c);
	if (app->help_open) {
		help_paint(app, c);
		return;
	}
	if (app_reading(app)) {
		if (app_entry_is_offices(app, app->here.entry))
			offices_paint(app, c, app->geo.reading);
		else if (app->here.entry == app_entry_results(app))
			results_paint(app, c, app->geo.reading);
		else
			text_paint_reading(app, c);
		return;
	}
	menu_paint(app, c, app->geo.menu);
	if (!app->geo.narrow)
		paint_preview(app, c);
}
