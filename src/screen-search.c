/* The results of a search of everything, and the search prompt. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"

/* What a hit is in: its section's title, or its office's name. */
static const char *hit_place(const struct app *app, const struct search_hit *hit)
{
	size_t lang = hit->lang != SEARCH_NO_LANG ? hit->lang : app->lang;

	if (hit->kind == SEARCH_OFFICE)
		return content_text_get(&app->content->offices[hit->item].name, lang);
	return content_text_get(&app->content->sections[hit->item].title, lang);
}

static void scroll_to_selection(struct app_results *r, size_t rows)
{
	if (r->selected < r->top)
		r->top = r->selected;
	else if (r->selected >= r->top + rows)
		r->top = r->selected - rows + 1;
}

/* "Title — … text around the match …", the match highlighted. */
static void paint_hit(struct app *app, struct canvas *c, int row, int col, int cols,
		      const struct search_hit *hit, bool selected)
{
	enum canvas_role base = selected ? CANVAS_MENU_SELECTED : CANVAS_NORMAL;
	const char *dash = app->config.ascii ? " - " : " \xe2\x80\x94 ";
	const char *s = search_hit_string(app->content, hit);
	size_t match_start, match_end;
	char *snippet;
	int used, before;

	if (selected)
		canvas_fill(c, row, col, cols, ' ', base);
	used = chrome_put_clipped(app, c, row, col, hit_place(app, hit), selected ? base : CANVAS_HEADING,
				  cols / 3 > 8 ? cols / 3 : cols);
	used += canvas_put(c, row, col + used, dash, strlen(dash), base, cols - used);
	if (s == NULL || used >= cols)
		return;
	snippet = search_snippet_plain(s, strlen(s), hit->start, hit->end, cols - used, app->config.ambiguous_wide,
				       &match_start, &match_end);
	before = text_width(snippet, match_start, app->config.ambiguous_wide);
	canvas_put(c, row, col + used, snippet, strlen(snippet), base, cols - used);
	canvas_set_role(c, row, col + used + before,
			text_width(snippet + match_start, match_end - match_start, app->config.ambiguous_wide),
			selected ? CANVAS_MATCH_CURRENT : CANVAS_MATCH);
	free(snippet);
	if (selected && app->config.screen_reader) {
		c->cursor_row = row;
		c->cursor_col = col;
	}
}

void results_paint(struct app *app, struct canvas *c, struct canvas_rect r)
{
	struct app_results *res = &app->results;
	const char *lang = app_lang_code(app, app->lang);
	char head[160];
	size_t rows = r.rows > 2 ? (size_t)r.rows - 2 : 0; /* below the heading and a blank */
	int width = app_measure(app, r.cols), left = r.cols > width ? 1 : 0;

	snprintf(head, sizeof(head), "%s: %zu%s%s%s", ui_text(lang, UI_RESULTS_TITLE), res->hits.count,
		 ui_text(lang, UI_RESULTS_COUNT), res->hits.truncated ? " " : "",
		 res->hits.truncated ? ui_text(lang, UI_RESULTS_MORE) : "");
	if (res->all_languages) {
		size_t n = strlen(head);
		snprintf(head + n, sizeof(head) - n, " (%s)", ui_text(lang, UI_ALL_LANGUAGES));
	}
	chrome_put_clipped(app, c, r.row, r.col + left, head, CANVAS_HEADING, width);
	if (rows == 0) /* a pane of one or two rows: the heading only */
		return;
	scroll_to_selection(res, rows);
	for (size_t i = 0; i < rows && res->top + i < res->hits.count; i++)
		paint_hit(app, c, r.row + 2 + (int)i, r.col + left, width, &res->hits.hits[res->top + i],
			  res->top + i == res->selected);
}

void prompt_paint(struct app *app, struct canvas *c, int row)
{
	const char *lang = app_lang_code(app, app->lang);
	enum ui_string which = app->prompt == APP_PROMPT_FIND	  ? UI_FIND_PROMPT
			       : app->prompt == APP_PROMPT_FILTER ? UI_FILTER_PROMPT
								  : UI_SEARCH_PROMPT;
	const char *label = ui_text(lang, which);
	const struct lineedit *e = prompt_field(app);
	bool wide = app->config.ambiguous_wide;
	size_t from = 0;
	int used;

	canvas_fill(c, row, 0, c->cols, ' ', CANVAS_NORMAL);
	used = chrome_put_clipped(app, c, row, 0, label, CANVAS_HINT_KEY, c->cols / 2);
	/* Keep the cursor on screen: drop characters from the left. */
	while (from < e->cursor && used + text_width(e->text + from, e->cursor - from, wide) >= c->cols)
		from += text_grapheme_size(e->text + from, e->length - from);
	canvas_put_unsafe(c, row, used, e->text + from, e->length - from, CANVAS_NORMAL, c->cols - used);
	c->cursor_row = row;
	c->cursor_col = used + text_width(e->text + from, e->cursor - from, wide);
	if (c->cursor_col >= c->cols)
		c->cursor_col = c->cols - 1;
}
