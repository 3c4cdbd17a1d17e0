/* The offices view: the list by region, the selected office's card, the
 * world map, and the QR code. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/map.h"
#include "lgma/qr.h"
#include "lgma/ui.h"
#include "lgma/xalloc.h"

enum { MAP_MIN_ROWS = 6, LIST_MIN_COLS = 20 };

static const char *lang_code(const struct app *app)
{
	return app_lang_code(app, app->lang);
}

static int width_of(const struct app *app, const char *s)
{
	size_t n;
	char *safe = text_sanitize(s, strlen(s), app->config.ambiguous_wide, &n);
	int w = text_width(safe, n, app->config.ambiguous_wide);

	free(safe);
	return w;
}

static int list_width(const struct app *app, int cols)
{
	const struct content *c = app->content;
	int widest = 0;

	for (size_t i = 0; i < c->office_count; i++) {
		int w = width_of(app, content_text_get(&c->offices[i].name, app->lang)) + 2;
		if (w > widest)
			widest = w;
	}
	widest += 2;
	if (widest > cols * 2 / 5)
		widest = cols * 2 / 5;
	return widest < LIST_MIN_COLS ? LIST_MIN_COLS : widest;
}

static struct app_office_row *rows_now(const struct app *app, size_t *n)
{
	struct app_office_row *rows =
		xmalloc((app->content->region_count + app->content->office_count + 1) * sizeof(*rows));

	*n = offices_rows(app, rows);
	return rows;
}

static void paint_list(struct app *app, struct canvas *c, struct canvas_rect r)
{
	struct app_offices *o = &app->offices;
	size_t n, sel = 0;
	struct app_office_row *rows = rows_now(app, &n);

	if (n == 0)
		chrome_put_clipped(app, c, r.row, r.col + 1, ui_text(lang_code(app), UI_NO_OFFICE_MATCHES), CANVAS_NOTICE,
				   r.cols - 1);
	for (size_t i = 0; i < n; i++)
		if (!rows[i].heading && rows[i].index == o->selected)
			sel = i;
	/* Keep the selection and its region's heading on screen. */
	if (sel < o->top + 1)
		o->top = sel > 0 ? sel - 1 : 0;
	else if (r.rows > 0 && sel >= o->top + (size_t)r.rows)
		o->top = sel - (size_t)r.rows + 1;
	for (int row = 0; row < r.rows && o->top + (size_t)row < n; row++) {
		const struct app_office_row *e = &rows[o->top + (size_t)row];
		char text[512];
		enum canvas_role role = CANVAS_MENU;

		if (e->heading) {
			snprintf(text, sizeof(text), "%s (%zu)",
				 content_text_get(&app->content->regions[e->index].name, app->lang), e->count);
			chrome_put_clipped(app, c, r.row + row, r.col + 1, text, CANVAS_HEADING, r.cols - 2);
			continue;
		}
		if (e->index == o->selected) {
			role = CANVAS_MENU_SELECTED;
			canvas_fill(c, r.row + row, r.col, r.cols, ' ', role);
			if (app->config.screen_reader) {
				c->cursor_row = r.row + row;
				c->cursor_col = r.col + 3;
			}
		}
		chrome_put_clipped(app, c, r.row + row, r.col + 3,
				   content_text_get(&app->content->offices[e->index].name, app->lang), role, r.cols - 4);
	}
	free(rows);
}

/* Draws the office's card from the top of r (or only counts, when c is
 * NULL); returns the rows it takes. */
struct pen {
	struct app *app;
	struct canvas *c;
	struct canvas_rect r;
	int row;
};

static void wrapped(struct pen *p, int indent, const char *text, enum canvas_role role)
{
	struct layout_options opt = {.width = p->r.cols - indent > 0 ? p->r.cols - indent : 1,
				     .ambiguous_wide = p->app->config.ambiguous_wide,
				     .ascii = p->app->config.ascii};
	struct layout *l = layout_new(text, strlen(text), &opt);

	for (size_t k = 0; k < layout_line_count(l); k++, p->row++) {
		const struct layout_line *line = layout_line(l, k);
		if (p->c != NULL && p->row < p->r.rows)
			canvas_put(p->c, p->r.row + p->row, p->r.col + indent + line->indent, line->text, line->length,
				   role, p->r.cols - indent - line->indent);
	}
	layout_free(l);
}

static void field(struct pen *p, enum ui_string label, const char *value, enum canvas_role role)
{
	char text[1024];

	if (value == NULL)
		return;
	snprintf(text, sizeof(text), "%s: %s", ui_text(lang_code(p->app), label), value);
	wrapped(p, 0, text, role);
}

static int paint_card(struct app *app, struct canvas *c, struct canvas_rect r)
{
	const struct content_office *o = &app->content->offices[app->offices.selected];
	struct pen p = {app, c, r, 0};
	const char *city = content_text_get(&o->city, app->lang), *country = content_text_get(&o->country, app->lang);
	char place[512];

	wrapped(&p, 0, content_text_get(&o->name, app->lang), CANVAS_HEADING);
	if (city != NULL && country != NULL) {
		snprintf(place, sizeof(place), "%s, %s", city, country);
		wrapped(&p, 0, place, CANVAS_NORMAL);
	}
	p.row++;
	for (size_t i = 0; i < o->address.count; i++)
		wrapped(&p, 0, o->address.lines[i], CANVAS_NORMAL);
	if (o->postal.count > 0) {
		snprintf(place, sizeof(place), "%s:", ui_text(lang_code(app), UI_LABEL_POSTAL));
		wrapped(&p, 0, place, CANVAS_NORMAL);
		for (size_t i = 0; i < o->postal.count; i++)
			wrapped(&p, 2, o->postal.lines[i], CANVAS_NORMAL);
	}
	if (o->phone || o->fax || o->email || o->web)
		p.row++;
	field(&p, UI_LABEL_PHONE, o->phone, CANVAS_NORMAL);
	field(&p, UI_LABEL_FAX, o->fax, CANVAS_NORMAL);
	field(&p, UI_LABEL_EMAIL, o->email, CANVAS_LINK);
	field(&p, UI_LABEL_WEB, o->web, CANVAS_LINK);
	return p.row;
}

static void paint_map(struct app *app, struct canvas *c, struct canvas_rect r)
{
	struct map_options opt = {
		.ascii = app->config.ascii || app->config.plain,
		.lang = app->lang,
		.selected = app->offices.selected,
	};

	map_paint(c, r, app->content, content_land(app->content), &opt);
}

static void paint_qr(struct app *app, struct canvas *c, struct canvas_rect r)
{
	const struct content_office *o = &app->content->offices[app->offices.selected];
	char *text = qr_office_text(o), line[1024];
	struct canvas_rect code = {r.row + 1, r.col, r.rows - 1, r.cols};
	struct qr_result res;

	if (text == NULL) {
		chrome_put_clipped(app, c, r.row, r.col + 1, ui_text(lang_code(app), UI_QR_NOTHING), CANVAS_NOTICE,
				   r.cols - 2);
		return;
	}
	snprintf(line, sizeof(line), "%s %s", ui_text(lang_code(app), UI_QR_SCAN), text);
	chrome_put_clipped(app, c, r.row, r.col + 1, line, CANVAS_HEADING, r.cols - 2);
	if (!qr_paint(c, code, text, &res)) {
		/* Never an unscannable code: say what size it needs. */
		snprintf(line, sizeof(line), "%s%dx%d", ui_text(lang_code(app), UI_QR_TOO_SMALL), res.need_cols,
			 res.need_rows + 1);
		chrome_put_clipped(app, c, r.row + 2, r.col + 1, line, CANVAS_NOTICE, r.cols - 2);
	}
	free(text);
}

static void paint_wide(struct app *app, struct canvas *c, struct canvas_rect r)
{
	int lw = list_width(app, r.cols);
	struct canvas_rect right = {r.row, r.col + lw + 2, r.rows, r.cols - lw - 3};
	bool ascii = app->config.ascii || app->config.ambiguous_wide;
	int used;

	paint_list(app, c, (struct canvas_rect){r.row, r.col, r.rows, lw});
	for (int row = 0; row < r.rows && !app->config.plain; row++)
		canvas_put(c, r.row + row, r.col + lw, ascii ? "|" : "\xe2\x94\x82", ascii ? 1 : 3, CANVAS_BORDER, 1);
	if (app->offices.shown_count == 0 || right.cols < 4)
		return;
	used = paint_card(app, c, right);
	if (r.rows - used - 1 >= MAP_MIN_ROWS)
		paint_map(app, c, (struct canvas_rect){r.row + used + 1, right.col, r.rows - used - 1, right.cols});
}

void offices_paint(struct app *app, struct canvas *c, struct canvas_rect r)
{
	struct canvas_rect inner = {r.row, r.col + 1, r.rows, r.cols > 2 ? r.cols - 2 : r.cols};

	if (app->content->office_count == 0)
		return;
	if (app->offices.qr)
		paint_qr(app, c, r);
	else if (app->offices.full_map)
		paint_map(app, c, r);
	else if (!app->geo.narrow)
		paint_wide(app, c, r);
	else if (app->offices.part == APP_OFFICES_DETAIL && app->offices.shown_count > 0)
		paint_card(app, c, inner);
	else if (app->offices.part == APP_OFFICES_MAP)
		paint_map(app, c, r);
	else
		paint_list(app, c, r);
}

void offices_paint_preview(struct app *app, struct canvas *c, struct canvas_rect r)
{
	struct canvas_rect list = {r.row, r.col, r.rows, r.cols};
	size_t n;
	struct app_office_row *rows = rows_now(app, &n);

	/* The list, then the map below it when there is room. */
	if ((int)n + 1 + MAP_MIN_ROWS <= r.rows) {
		list.rows = (int)n;
		paint_map(app, c, (struct canvas_rect){r.row + (int)n + 1, r.col + 1, r.rows - (int)n - 1, r.cols - 1});
	}
	free(rows);
	paint_list(app, c, list);
}
