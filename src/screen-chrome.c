/* Around every screen: the title bar, the status line and the key hints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"

int chrome_put_clipped(struct app *app, struct canvas *c, int row, int col, const char *text,
		       enum canvas_role role, int max_cols)
{
	bool wide = app->config.ambiguous_wide, ascii = app->config.ascii;
	const char *ellipsis = ascii ? "~" : "\xe2\x80\xa6";
	size_t len;
	char *safe;
	int used, ell;

	if (max_cols <= 0)
		return 0;
	safe = text_sanitize(text, strlen(text), wide, &len);
	if (text_width(safe, len, wide) <= max_cols) {
		used = canvas_put(c, row, col, safe, len, role, max_cols);
		free(safe);
		return used;
	}
	ell = text_width(ellipsis, strlen(ellipsis), wide);
	used = canvas_put(c, row, col, safe, text_fit(safe, len, max_cols - ell, wide, NULL), role,
			  max_cols - ell);
	if (ell <= max_cols - used)
		used += canvas_put(c, row, col + used, ellipsis, strlen(ellipsis), role, ell);
	free(safe);
	return used;
}

/* Arrows are not ASCII: terminals that show only ASCII get words. */
static const char *key_name(const struct app *app, const char *key, size_t len, char *buf, size_t size)
{
	static const struct {
		const char *arrow, *ascii;
	} names[] = {{"\xe2\x86\x91\xe2\x86\x93", "Up/Dn"}, {"\xe2\x86\x90", "Left"}};

	snprintf(buf, size, "%.*s", (int)len, key);
	if (!app->config.ascii)
		return buf;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(buf, names[i].arrow) == 0)
			return names[i].ascii;
	return buf;
}

void chrome_hints(struct app *app, struct canvas *c, int row, const char *const *hints, size_t n)
{
	bool wide = app->config.ambiguous_wide;
	int col = 1;

	for (size_t i = 0; i < n; i++) {
		const char *tab = strchr(hints[i], '\t');
		char keybuf[32], *label;
		const char *key;
		size_t len;
		int kw, lw;

		if (tab == NULL)
			continue;
		key = key_name(app, hints[i], (size_t)(tab - hints[i]), keybuf, sizeof(keybuf));
		/* A label may be content: the language hint names the next
		 * language as site.yaml's language_names has it. */
		label = text_sanitize(tab + 1, strlen(tab + 1), wide, &len);
		kw = text_width(key, strlen(key), wide);
		lw = text_width(label, len, wide);
		if (col + kw + 1 + lw > c->cols) {
			free(label);
			break;
		}
		canvas_put(c, row, col, key, strlen(key), CANVAS_HINT_KEY, kw);
		canvas_put(c, row, col + kw + 1, label, len, CANVAS_HINT, lw);
		free(label);
		col += kw + 1 + lw + 2;
	}
}

static void title_bar(struct app *app, struct canvas *c)
{
	const char *lang = app_lang_name(app, app->lang);
	char right[64];
	int rw;

	if (!app->config.screen_reader)
		canvas_fill(c, 0, 0, c->cols, ' ', CANVAS_TITLE_BAR);
	snprintf(right, sizeof(right), "%s ", lang);
	rw = c->cols >= 30 ? text_width(right, strlen(right), app->config.ambiguous_wide) : 0;
	if (rw > 0)
		chrome_put_clipped(app, c, 0, c->cols - rw, right, CANVAS_TITLE_BAR, rw);
	chrome_put_clipped(app, c, 0, 1, content_text_get(&app->content->title, app->lang), CANVAS_TITLE_BAR,
			   c->cols - rw - 2);
}

/* "line 12/80 15%": the last line on screen, as less counts. */
static void position(struct app *app, char *buf, size_t size)
{
	const char *lang = app_lang_code(app, app->lang);
	size_t total, bottom;

	if (!app_reading(app)) {
		snprintf(buf, size, "%zu/%zu", app->menu_selected + 1, app_menu_count(app));
		return;
	}
	if (app->here.entry == app_entry_results(app)) {
		snprintf(buf, size, "%zu/%zu", app->results.hits.count ? app->results.selected + 1 : 0,
			 app->results.hits.count);
		return;
	}
	if (app_entry_is_offices(app, app->here.entry)) {
		const struct app_offices *o = &app->offices;
		size_t rank = 0;
		while (rank < o->shown_count && o->shown[rank] != o->selected)
			rank++;
		snprintf(buf, size, "%zu/%zu", rank < o->shown_count ? rank + 1 : 0, o->shown_count);
		return;
	}
	total = text_row_count(app);
	bottom = app->top_line + text_page_rows(app);
	if (bottom > total)
		bottom = total;
	if (app->top_line == 0 && bottom == total)
		snprintf(buf, size, "%s", ui_text(lang, UI_STATUS_ALL));
	else
		snprintf(buf, size, "%s%zu/%zu%s %zu%%", ui_text(lang, UI_STATUS_LINE), bottom, total,
			 ui_text(lang, UI_STATUS_LINE_UNIT), total ? bottom * 100 / total : 100);
}

/* "3/12 " when the open section has matches of a search. */
static size_t match_count(const struct app *app, char *buf, size_t size)
{
	const struct app_find *f = &app->find;

	buf[0] = '\0';
	if (f->query == NULL || f->hits.count == 0 || f->section != app->here.entry || f->lang != app->lang ||
	    !app_reading(app))
		return 0;
	return (size_t)snprintf(buf, size, "%zu/%zu  ", f->current + 1, f->hits.count);
}

/* While the prompt is open the status line says what its keys do. */
static void prompt_hints(struct app *app, struct canvas *c, int row)
{
	const char *lang = app_lang_code(app, app->lang);
	const char *hints[3];
	size_t n = 0;

	hints[n++] = ui_text(lang, UI_HINT_DONE);
	hints[n++] = ui_text(lang, UI_HINT_CANCEL);
	if (app->prompt == APP_PROMPT_SEARCH && app->content->lang_count > 1)
		hints[n++] = ui_text(lang, UI_HINT_ALL_LANGUAGES);
	chrome_hints(app, c, row, hints, n);
}

static void status_line(struct app *app, struct canvas *c, int row)
{
	char pos[96];
	const char *left;
	size_t n;
	int pw;

	n = match_count(app, pos, sizeof(pos));
	position(app, pos + n, sizeof(pos) - n);
	pw = text_width(pos, strlen(pos), app->config.ambiguous_wide);
	if (pw + 2 > c->cols)
		pw = 0;
	/* The position changes with every line scrolled: plain, it costs its
	 * digits alone on the wire, not an attribute change around them. */
	if (!app->config.screen_reader)
		canvas_fill(c, row, 0, c->cols - (pw ? pw + 2 : 0), ' ', CANVAS_STATUS);
	if (pw > 0)
		canvas_put(c, row, c->cols - pw - 1, pos, strlen(pos), CANVAS_NORMAL, pw);
	if (app->prompt != APP_PROMPT_NONE && app->notice[0] == '\0') {
		prompt_hints(app, c, row);
		return;
	}
	if (app->notice[0] != '\0')
		left = app->notice;
	else if (app_reading(app) && app_entry_is_offices(app, app->here.entry) && app->offices.shown_count > 0)
		left = content_text_get(&app->content->offices[app->offices.selected].name, app->lang);
	else
		left = app_entry_title(app, app_reading(app) ? app->here.entry : app->menu_selected);
	chrome_put_clipped(app, c, row, 1, left, app->notice[0] ? CANVAS_NOTICE : CANVAS_STATUS,
			   c->cols - pw - 3);
}

static void hint_line(struct app *app, struct canvas *c, int row)
{
	const char *lang = app_lang_code(app, app->lang);
	char language[64];
	const char *hints[10];
	size_t n = 0;

	if (app->prompt != APP_PROMPT_NONE) {
		prompt_paint(app, c, row);
		return;
	}
	snprintf(language, sizeof(language), "L\t%s", app_lang_name(app, app_next_lang(app)));
	if (app->help_open) {
		hints[n++] = ui_text(lang, UI_HINT_CLOSE);
	} else if (app_reading(app) && app_entry_is_offices(app, app->here.entry)) {
		if (app->offices.qr) {
			hints[n++] = ui_text(lang, UI_HINT_CLOSE);
		} else if (app->offices.full_map) {
			hints[n++] = ui_text(lang, UI_HINT_NEAREST);
			hints[n++] = ui_text(lang, UI_HINT_QR);
			hints[n++] = ui_text(lang, UI_HINT_CLOSE);
		} else {
			hints[n++] = ui_text(lang, UI_HINT_MOVE);
			hints[n++] = ui_text(lang, UI_HINT_FILTER);
			hints[n++] = ui_text(lang, UI_HINT_MAP);
			hints[n++] = ui_text(lang, UI_HINT_QR);
			hints[n++] = ui_text(lang, UI_HINT_BACK);
		}
	} else if (app_reading(app) && app->here.entry == app_entry_results(app)) {
		hints[n++] = ui_text(lang, UI_HINT_OPEN);
		hints[n++] = ui_text(lang, UI_HINT_BACK);
		hints[n++] = ui_text(lang, UI_HINT_ALL_LANGUAGES);
	} else if (app_reading(app)) {
		hints[n++] = ui_text(lang, UI_HINT_PAGE);
		hints[n++] = ui_text(lang, UI_HINT_BACK);
		hints[n++] = app->find.query != NULL ? ui_text(lang, UI_HINT_NEXT) : ui_text(lang, UI_HINT_SEARCH);
		hints[n++] = ui_text(lang, UI_HINT_MENU);
	} else {
		hints[n++] = ui_text(lang, UI_HINT_MOVE);
		hints[n++] = ui_text(lang, UI_HINT_OPEN);
		hints[n++] = ui_text(lang, UI_HINT_SEARCH);
	}
	if (!app->help_open) {
		if (app->content->lang_count > 1)
			hints[n++] = language;
		hints[n++] = ui_text(lang, UI_HINT_HELP);
		if (!app->config.kiosk)
			hints[n++] = ui_text(lang, UI_HINT_QUIT);
	}
	chrome_hints(app, c, row, hints, n);
}

void chrome_paint(struct app *app, struct canvas *c)
{
	title_bar(app, c);
	if (app->geo.has_status)
		status_line(app, c, c->rows - 2);
	if (app->geo.has_hints)
		hint_line(app, c, c->rows - 1);
}
