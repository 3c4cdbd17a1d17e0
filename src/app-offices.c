/* The offices view: a list by region that a filter narrows as you type, the
 * selected office's card, a world map, and a QR code to take it away. */
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/map.h"
#include "lgma/xalloc.h"

void offices_init(struct app *app)
{
	struct app_offices *o = &app->offices;
	size_t n = app->content->office_count;

	free(o->shown);
	search_query_free(o->filter);
	memset(o, 0, sizeof(*o));
	o->shown = xmalloc((n ? n : 1) * sizeof(*o->shown));
	for (size_t i = 0; i < n; i++)
		o->shown[i] = i;
	o->shown_count = n;
}

void offices_fini(struct app *app)
{
	free(app->offices.shown);
	search_query_free(app->offices.filter);
	memset(&app->offices, 0, sizeof(app->offices));
}

/* Position of the selected office among those shown, or shown_count. */
static size_t selected_rank(const struct app_offices *o)
{
	for (size_t i = 0; i < o->shown_count; i++)
		if (o->shown[i] == o->selected)
			return i;
	return o->shown_count;
}

static void refilter(struct app *app)
{
	struct app_offices *o = &app->offices;

	search_query_free(o->filter);
	o->filter = search_query_new(o->input.text, o->input.length);
	if (search_query_is_empty(o->filter)) {
		for (size_t i = 0; i < app->content->office_count; i++)
			o->shown[i] = i;
		o->shown_count = app->content->office_count;
	} else {
		if (app->index == NULL)
			app->index = search_index_new(app->content);
		o->shown_count = search_offices(app->index, o->filter, o->shown);
	}
	o->top = 0;
	if (o->shown_count > 0 && selected_rank(o) == o->shown_count)
		o->selected = o->shown[0];
}

/* Selects office; a filter that hides it would leave its card with no
 * list entry, so it goes. */
static void select_shown(struct app *app, size_t office)
{
	struct app_offices *o = &app->offices;

	o->selected = office;
	if (selected_rank(o) == o->shown_count) {
		lineedit_clear(&o->input);
		refilter(app);
		o->selected = office;
	}
}

void offices_select(struct app *app, size_t office)
{
	struct app_offices *o = &app->offices;

	if (office >= app->content->office_count)
		return;
	select_shown(app, office);
	o->full_map = o->qr = false;
	o->part = APP_OFFICES_DETAIL;
}

size_t offices_rows(const struct app *app, struct app_office_row *rows)
{
	const struct content *c = app->content;
	const struct app_offices *o = &app->offices;
	size_t n = 0, k = 0;

	/* shown is in content order, and a region's offices are contiguous. */
	for (size_t r = 0; r < c->region_count; r++) {
		size_t end = c->regions[r].first_office + c->regions[r].office_count, first = k;
		while (k < o->shown_count && o->shown[k] < end)
			k++;
		if (k == first)
			continue;
		rows[n++] = (struct app_office_row){.heading = true, .index = r, .count = k - first};
		for (size_t i = first; i < k; i++)
			rows[n++] = (struct app_office_row){.index = o->shown[i]};
	}
	return n;
}

struct canvas_rect offices_map_rect(const struct app *app, bool *shown)
{
	*shown = app->offices.full_map;
	return app->geo.reading;
}

static void move_selection(struct app *app, long delta)
{
	struct app_offices *o = &app->offices;
	long rank = (long)selected_rank(o) + delta;

	if (o->shown_count == 0)
		return;
	if (rank < 0)
		rank = 0;
	if (rank >= (long)o->shown_count)
		rank = (long)o->shown_count - 1;
	o->selected = o->shown[rank];
}

/* The full-screen map: arrows go to the nearest office that way. */
static void map_input(struct app *app, const struct app_event *ev)
{
	static const struct {
		enum app_key key;
		enum map_direction dir;
	} arrows[] = {{APP_KEY_UP, MAP_UP}, {APP_KEY_DOWN, MAP_DOWN}, {APP_KEY_LEFT, MAP_LEFT}, {APP_KEY_RIGHT, MAP_RIGHT}};
	struct canvas shape = {.rows = app->rows, .cols = app->cols, .ambiguous_wide = app->config.ambiguous_wide};
	struct map_geometry g;

	for (size_t i = 0; i < 4; i++)
		if (ev->key == arrows[i].key) {
			size_t next;
			map_geometry(&shape, app->geo.reading, app->config.ascii, &g);
			next = map_nearest(app->content, &g, app->offices.selected, arrows[i].dir);
			/* The map shows every office: one the filter hides
			 * clears the filter, so the list agrees. */
			if (next != MAP_NONE)
				select_shown(app, next);
			return;
		}
	if (ev->key == APP_KEY_CHAR && ev->ch == 'Q')
		app->offices.qr = true;
	else if (ev->key == APP_KEY_ENTER || ev->key == APP_KEY_ESCAPE || ev->key == APP_KEY_BACKSPACE ||
		 (ev->key == APP_KEY_CHAR && ev->ch == 'm'))
		app->offices.full_map = false;
}

/* Left, Backspace: on a narrow screen back to the list first. */
static void back(struct app *app)
{
	if (app->geo.narrow && app->offices.part != APP_OFFICES_LIST)
		app->offices.part = APP_OFFICES_LIST;
	else
		app_back(app);
}

static void char_key(struct app *app, uint32_t ch)
{
	struct app_offices *o = &app->offices;

	switch (ch) {
	case 'j': move_selection(app, 1); break;
	case 'k': move_selection(app, -1); break;
	case 'g': move_selection(app, -(long)o->shown_count); break;
	case 'G': move_selection(app, (long)o->shown_count); break;
	case 'h': back(app); break;
	/* With no office shown there is no card: nothing to map or encode
	 * (the selection is one the filter hides). */
	case 'm': o->full_map = o->shown_count > 0; break;
	case 'Q': o->qr = o->shown_count > 0; break;
	case '/':
		app->prompt = APP_PROMPT_FILTER;
		o->input.cursor = o->input.length;
		break;
	default: break;
	}
}

static void list_click(struct app *app, int row)
{
	struct app_office_row *rows =
		xmalloc((app->content->region_count + app->content->office_count + 1) * sizeof(*rows));
	size_t n = offices_rows(app, rows);
	long i = (long)app->offices.top + (row - app->geo.reading.row);

	if (i >= 0 && i < (long)n && !rows[i].heading)
		app->offices.selected = rows[i].index;
	free(rows);
}

void offices_input(struct app *app, const struct app_event *ev)
{
	struct app_offices *o = &app->offices;
	long page = app->geo.reading.rows > 2 ? app->geo.reading.rows - 2 : 1;

	if (o->qr) {
		o->qr = false; /* any key */
		return;
	}
	if (o->full_map) {
		map_input(app, ev);
		return;
	}
	switch (ev->key) {
	case APP_KEY_UP: move_selection(app, -1); break;
	case APP_KEY_DOWN: move_selection(app, 1); break;
	case APP_KEY_PAGE_UP: case APP_KEY_WHEEL_UP: move_selection(app, -page); break;
	case APP_KEY_PAGE_DOWN: case APP_KEY_WHEEL_DOWN: move_selection(app, page); break;
	case APP_KEY_HOME: move_selection(app, -(long)o->shown_count); break;
	case APP_KEY_END: move_selection(app, (long)o->shown_count); break;
	case APP_KEY_ENTER:
	case APP_KEY_RIGHT:
		if (app->geo.narrow)
			o->part = APP_OFFICES_DETAIL;
		break;
	case APP_KEY_TAB:
		if (app->geo.narrow)
			o->part = (enum app_offices_part)((o->part + 1) % 3);
		else
			app->focus = APP_FOCUS_MENU;
		break;
	case APP_KEY_LEFT:
	case APP_KEY_BACKSPACE:
		back(app);
		break;
	case APP_KEY_ESCAPE:
		if (o->filter != NULL && !search_query_is_empty(o->filter)) {
			lineedit_clear(&o->input);
			refilter(app);
		} else {
			back(app);
		}
		break;
	case APP_KEY_CLICK: list_click(app, ev->row); break;
	case APP_KEY_CHAR: char_key(app, ev->ch); break;
	default: break;
	}
}

void offices_filter_input(struct app *app, const struct app_event *ev)
{
	bool changed = false;

	switch (ev->key) {
	case APP_KEY_ENTER:
		app->prompt = APP_PROMPT_NONE;
		return;
	case APP_KEY_ESCAPE:
		app->prompt = APP_PROMPT_NONE;
		lineedit_clear(&app->offices.input);
		refilter(app);
		return;
	case APP_KEY_UP: move_selection(app, -1); return;
	case APP_KEY_DOWN: move_selection(app, 1); return;
	default:
		if (prompt_edit(app, ev, &changed) && changed)
			refilter(app);
		return;
	}
}
