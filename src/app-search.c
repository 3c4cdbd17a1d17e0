/* Searching: "/" in a section's text (incremental, n and N), and "S" (or "/"
 * in the menu) for everything, into a results list. Matching itself is
 * search.c's; this file is what the keys do. */
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"
#include "lgma/xalloc.h"

enum { RESULTS_MAX = 2000 };

static struct search_index *index_of(struct app *app)
{
	if (app->index == NULL)
		app->index = search_index_new(app->content);
	return app->index;
}

static const char *lang_code(const struct app *app)
{
	return app_lang_code(app, app->lang);
}

void search_forget(struct app *app)
{
	search_query_free(app->find.query);
	app->find.query = NULL;
	app->find.hits.count = 0;
	search_query_free(app->results.query);
	app->results.query = NULL;
	app->results.hits.count = 0;
	app->prompt = APP_PROMPT_NONE;
	lineedit_clear(&app->input);
	search_index_free(app->index);
	app->index = NULL;
}

/* ---- in the open section ---- */

static void prepend_hits(struct search_results *to, const struct search_results *from)
{
	if (from->count == 0) /* memcpy from NULL is undefined even for 0 bytes */
		return;
	if (to->count + from->count > to->capacity) {
		to->capacity = to->count + from->count;
		to->hits = xreallocarray(to->hits, to->capacity, sizeof(*to->hits));
	}
	memmove(to->hits + from->count, to->hits, to->count * sizeof(*to->hits));
	memcpy(to->hits, from->hits, from->count * sizeof(*from->hits));
	to->count += from->count;
}

/* Runs the find query on what the reading view shows now. */
static void find_run(struct app *app)
{
	struct app_find *f = &app->find;
	struct search_results title;

	f->hits.count = 0;
	f->current = 0;
	f->section = app->here.entry;
	f->lang = app->lang;
	if (f->query == NULL || search_query_is_empty(f->query) || !app_entry_is_section(app, f->section))
		return;
	/* The body's hits (all of a long section's for a one-letter query)
	 * go straight into the list, the title's few in front of them: a
	 * copy of the body's would double the peak memory of a search. */
	search_results_init(&title);
	search_section(index_of(app), f->query, f->section, f->lang, SEARCH_TITLE, &title);
	search_section(index_of(app), f->query, f->section, f->lang, SEARCH_BODY, &f->hits);
	prepend_hits(&f->hits, &title);
	search_results_fini(&title);
}

static const struct doc *reading_doc(struct app *app)
{
	return app_doc(app, app->here.entry, app->lang, text_reading_width(app));
}

size_t search_hit_line(struct app *app, const struct doc *d, const struct search_hit *hit)
{
	(void)app;
	if (hit->field == SEARCH_TITLE)
		return layout_line_at(d->title, hit->start);
	return doc_line_at(d, hit->start);
}

/* The first match on or after document line `from`, or the first of all. */
static size_t first_from(struct app *app, size_t from, bool *wrapped)
{
	const struct doc *d = reading_doc(app);

	*wrapped = false;
	for (size_t i = 0; i < app->find.hits.count; i++)
		if (search_hit_line(app, d, &app->find.hits.hits[i]) >= from)
			return i;
	*wrapped = true;
	return 0;
}

static void show_current(struct app *app)
{
	const struct app_find *f = &app->find;

	if (f->hits.count == 0)
		return;
	app_show_line(app, search_hit_line(app, reading_doc(app), &f->hits.hits[f->current]));
}

/* While typing: the view follows the first match after where the reader
 * started, and goes back there when nothing matches. */
static void find_update(struct app *app)
{
	bool wrapped;

	search_query_free(app->find.query);
	app->find.query = search_query_new(app->input.text, app->input.length);
	find_run(app);
	if (app->find.hits.count == 0) {
		app->top_line = app->find.saved_top;
		if (!search_query_is_empty(app->find.query))
			app_notice(app, ui_text(lang_code(app), UI_NOT_FOUND));
		return;
	}
	app->find.current = first_from(app, text_row_line(app, app->find.saved_top), &wrapped);
	show_current(app);
}

/* n and N: the next match, round the end with a notice. */
static void find_next(struct app *app, bool forward)
{
	struct app_find *f = &app->find;

	if (f->section != app->here.entry || f->lang != app->lang)
		find_run(app); /* another section or language since */
	if (f->hits.count == 0) {
		app_notice(app, ui_text(lang_code(app), UI_NOT_FOUND));
		return;
	}
	if (forward && ++f->current == f->hits.count) {
		f->current = 0;
		app_notice(app, ui_text(lang_code(app), UI_WRAPPED_TOP));
	} else if (!forward && f->current-- == 0) {
		f->current = f->hits.count - 1;
		app_notice(app, ui_text(lang_code(app), UI_WRAPPED_BOTTOM));
	}
	show_current(app);
}

/* ---- everywhere ---- */

static void results_run(struct app *app)
{
	struct app_results *r = &app->results;
	struct search_scope scope = {
		.lang = r->all_languages ? SEARCH_ALL_LANGS : (int)app->lang,
		.sections = true,
		.offices = true,
		.max_hits = RESULTS_MAX,
	};

	search_query_free(r->query);
	r->query = search_query_new(app->input.text, app->input.length);
	r->selected = r->top = 0;
	r->hits.count = 0;
	if (!search_query_is_empty(r->query))
		search_all(index_of(app), r->query, &scope, &r->hits);
}

static void open_search(struct app *app)
{
	if (app->here.entry != app_entry_results(app) || !app_reading(app))
		app_open(app, app_entry_results(app));
	app->prompt = APP_PROMPT_SEARCH;
	app->input.cursor = app->input.length;
}

/* Opens a result: its section with the match in view and all matches
 * highlighted, or its office. Backspace comes back to the list. */
static void open_result(struct app *app, const struct search_hit *hit)
{
	struct search_hit chosen = *hit;
	bool wrapped;

	if (chosen.kind == SEARCH_OFFICE) {
		app_open(app, app->content->section_count);
		offices_select(app, chosen.item);
		return;
	}
	if (chosen.lang != SEARCH_NO_LANG && chosen.lang != app->lang)
		app_set_language(app, chosen.lang);
	app_open(app, chosen.item);
	search_query_free(app->find.query);
	app->find.query = search_query_new(app->input.text, app->input.length);
	find_run(app);
	app->find.current = first_from(app, 0, &wrapped);
	for (size_t i = 0; i < app->find.hits.count; i++)
		if (app->find.hits.hits[i].field == chosen.field && app->find.hits.hits[i].start == chosen.start)
			app->find.current = i;
	show_current(app);
}

/* ---- keys ---- */

struct lineedit *prompt_field(struct app *app)
{
	return app->prompt == APP_PROMPT_FILTER ? &app->offices.input : &app->input;
}

bool prompt_edit(struct app *app, const struct app_event *ev, bool *changed)
{
	struct lineedit *field = prompt_field(app);

	static const struct {
		enum app_key key;
		uint32_t ch;
		enum lineedit_op op;
	} keys[] = {
		{APP_KEY_LEFT, 0, LINEEDIT_LEFT},	    {APP_KEY_RIGHT, 0, LINEEDIT_RIGHT},
		{APP_KEY_HOME, 0, LINEEDIT_HOME},	    {APP_KEY_END, 0, LINEEDIT_END},
		{APP_KEY_BACKSPACE, 0, LINEEDIT_BACKSPACE}, {APP_KEY_DELETE, 0, LINEEDIT_DELETE},
		{APP_KEY_CHAR, 21, LINEEDIT_KILL},	    {APP_KEY_CHAR, 23, LINEEDIT_KILL_WORD},
		{APP_KEY_CHAR, 1, LINEEDIT_HOME},	    {APP_KEY_CHAR, 5, LINEEDIT_END},
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].key == ev->key && keys[i].ch == (ev->key == APP_KEY_CHAR ? ev->ch : 0)) {
			*changed = lineedit_apply(field, keys[i].op);
			return true;
		}
	if (ev->key == APP_KEY_CHAR) {
		*changed = lineedit_insert(field, ev->ch);
		return true;
	}
	return false;
}

static void find_prompt_input(struct app *app, const struct app_event *ev)
{
	bool changed = false;

	if (ev->key == APP_KEY_ENTER) {
		app->prompt = APP_PROMPT_NONE;
		if (app->find.hits.count == 0 && app->find.query != NULL && !search_query_is_empty(app->find.query))
			app_notice(app, ui_text(lang_code(app), UI_NOT_FOUND));
		return;
	}
	if (ev->key == APP_KEY_ESCAPE) {
		app->prompt = APP_PROMPT_NONE;
		app->top_line = app->find.saved_top;
		search_query_free(app->find.query);
		app->find.query = NULL;
		app->find.hits.count = 0;
		return;
	}
	if (prompt_edit(app, ev, &changed) && changed)
		find_update(app);
}

static void move_selection(struct app *app, int delta)
{
	struct app_results *r = &app->results;
	long next = (long)r->selected + delta;

	if (r->hits.count == 0)
		return;
	if (next < 0)
		next = 0;
	if (next >= (long)r->hits.count)
		next = (long)r->hits.count - 1;
	r->selected = (size_t)next;
}

static bool selection_key(struct app *app, const struct app_event *ev)
{
	int page = app->geo.reading.rows > 3 ? app->geo.reading.rows - 3 : 1;

	switch (ev->key) {
	case APP_KEY_UP: move_selection(app, -1); return true;
	case APP_KEY_DOWN: move_selection(app, 1); return true;
	case APP_KEY_PAGE_UP: move_selection(app, -page); return true;
	case APP_KEY_PAGE_DOWN: move_selection(app, page); return true;
	case APP_KEY_WHEEL_UP: move_selection(app, -3); return true;
	case APP_KEY_WHEEL_DOWN: move_selection(app, 3); return true;
	case APP_KEY_TAB:
		app->results.all_languages = !app->results.all_languages;
		results_run(app);
		return true;
	default: return false;
	}
}

static void search_prompt_input(struct app *app, const struct app_event *ev)
{
	bool changed = false;

	if (selection_key(app, ev))
		return;
	if (ev->key == APP_KEY_ENTER) {
		app->prompt = APP_PROMPT_NONE;
		return;
	}
	if (ev->key == APP_KEY_ESCAPE) {
		app->prompt = APP_PROMPT_NONE;
		if (app->results.hits.count == 0)
			app_back(app);
		return;
	}
	if (prompt_edit(app, ev, &changed) && changed)
		results_run(app);
}

void results_input(struct app *app, const struct app_event *ev)
{
	if (selection_key(app, ev))
		return;
	switch (ev->key) {
	case APP_KEY_HOME: app->results.selected = 0; return;
	case APP_KEY_END: move_selection(app, (int)app->results.hits.count); return;
	case APP_KEY_ENTER:
	case APP_KEY_RIGHT:
		if (app->results.selected < app->results.hits.count)
			open_result(app, &app->results.hits.hits[app->results.selected]);
		return;
	case APP_KEY_LEFT:
	case APP_KEY_BACKSPACE:
	case APP_KEY_ESCAPE:
		app_back(app);
		return;
	case APP_KEY_CHAR:
		if (ev->ch == 'k')
			move_selection(app, -1);
		else if (ev->ch == 'j')
			move_selection(app, 1);
		else if (ev->ch == '/' || ev->ch == 'S')
			open_search(app);
		else if (ev->ch == 'h')
			app_back(app);
		return;
	default:
		return;
	}
}

bool search_input(struct app *app, const struct app_event *ev)
{
	if (app->prompt == APP_PROMPT_FIND) {
		find_prompt_input(app, ev);
		return true;
	}
	if (app->prompt == APP_PROMPT_SEARCH) {
		search_prompt_input(app, ev);
		return true;
	}
	if (app->prompt == APP_PROMPT_FILTER) {
		offices_filter_input(app, ev);
		return true;
	}
	if (ev->key != APP_KEY_CHAR)
		return false;
	if (ev->ch == 'S' || (ev->ch == '/' && !app_reading(app))) {
		open_search(app);
		return true;
	}
	if (!app_reading(app) || !app_entry_is_section(app, app->here.entry))
		return false;
	if (ev->ch == '/') {
		app->prompt = APP_PROMPT_FIND;
		app->find.saved_top = app->top_line;
		lineedit_clear(&app->input);
		search_query_free(app->find.query);
		app->find.query = NULL;
		app->find.hits.count = 0;
		return true;
	}
	if ((ev->ch == 'n' || ev->ch == 'N') && app->find.query != NULL) {
		find_next(app, ev->ch == 'n');
		return true;
	}
	return false;
}
