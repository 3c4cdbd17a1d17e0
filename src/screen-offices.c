/* The offices view. */
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"

void offices_paint(struct app *app, struct canvas *c, struct canvas_rect r)
{
	const char *lang = app_lang_code(app, app->lang);
	const char *msg = ui_text(lang, UI_OFFICES_PLACEHOLDER);

	chrome_put_clipped(app, c, r.row, r.col + 1, ui_text(lang, UI_OFFICES), CANVAS_HEADING, r.cols - 2);
	if (r.rows > 2)
		chrome_put_clipped(app, c, r.row + 2, r.col + 1, msg, CANVAS_NORMAL, r.cols - 2);
}
