/* The section menu: every section, then the offices, numbered 1-9 so the
 * digits that open them are on screen. */
#include <stdio.h>
#include <string.h>

#include "lgma/app-state.h"

/* Keeps the selection on screen. */
static void scroll_to_selection(struct app *app, int rows)
{
	size_t visible = rows > 0 ? (size_t)rows : 1;

	if (app->menu_selected < app->menu_top)
		app->menu_top = app->menu_selected;
	else if (app->menu_selected >= app->menu_top + visible)
		app->menu_top = app->menu_selected - visible + 1;
}

long menu_entry_at(const struct app *app, int row)
{
	long entry = (long)app->menu_top + (row - app->geo.menu.row);

	if (row < app->geo.menu.row || row >= app->geo.menu.row + app->geo.menu.rows)
		return -1;
	return entry < (long)app_menu_count(app) ? entry : -1;
}

void menu_paint(struct app *app, struct canvas *c, struct canvas_rect r)
{
	scroll_to_selection(app, r.rows);
	for (int row = 0; row < r.rows; row++) {
		size_t entry = app->menu_top + (size_t)row;
		enum canvas_role role = CANVAS_MENU;
		char number[8] = "  ";
		int used;

		if (entry >= app_menu_count(app))
			break;
		if (entry == app->menu_selected) {
			role = CANVAS_MENU_SELECTED;
			canvas_fill(c, r.row + row, r.col, r.cols, ' ', role);
			if (app->config.screen_reader) {
				c->cursor_row = r.row + row;
				c->cursor_col = r.col + 1;
			}
		}
		if (entry < 9)
			snprintf(number, sizeof(number), "%zu ", entry + 1);
		used = canvas_put(c, r.row + row, r.col + 1, number, strlen(number), role, r.cols - 1);
		chrome_put_clipped(app, c, r.row + row, r.col + 1 + used, app_entry_title(app, entry), role,
				   r.cols - 2 - used);
	}
}
