/* The text of a section: the preview beside the menu and the reading view,
 * in one language or two side by side. */
#include <stdlib.h>
#include <string.h>

#include "lgma/app-state.h"
#include "lgma/ui.h"
#include "lgma/xalloc.h"

/* Bilingual rows: row r shows line a[r] of the first language and b[r] of
 * the second (NO_LINE for nothing). Paragraph k of both starts on the same
 * row, so a reader's eye can go across. */
#define NO_LINE ((size_t)-1)

struct bi_rows {
	size_t *a, *b;
	size_t count;
};

/* Where each block (title, then each paragraph with its blank lines) starts. */
static size_t *blocks_of(const struct doc *d, size_t *count)
{
	size_t paragraphs = layout_paragraph_count(d->body);
	size_t *start = xmalloc((paragraphs + 2) * sizeof(*start));

	start[0] = 0;
	for (size_t p = 0; p < paragraphs; p++)
		start[p + 1] = doc_paragraph_line(d, p);
	start[paragraphs + 1] = d->line_count;
	*count = paragraphs + 1;
	return start;
}

static void bi_rows_build(struct bi_rows *rows, const struct doc *da, const struct doc *db)
{
	size_t na, nb, cap;
	size_t *sa = blocks_of(da, &na), *sb = blocks_of(db, &nb);
	size_t blocks = na > nb ? na : nb;

	cap = da->line_count + db->line_count + 1;
	rows->a = xmalloc(cap * sizeof(*rows->a));
	rows->b = xmalloc(cap * sizeof(*rows->b));
	rows->count = 0;
	for (size_t k = 0; k < blocks; k++) {
		size_t la = k < na ? sa[k + 1] - sa[k] : 0, lb = k < nb ? sb[k + 1] - sb[k] : 0;
		size_t height = la > lb ? la : lb;
		for (size_t i = 0; i < height; i++) {
			rows->a[rows->count] = i < la ? sa[k] + i : NO_LINE;
			rows->b[rows->count] = i < lb ? sb[k] + i : NO_LINE;
			rows->count++;
		}
	}
	free(sa);
	free(sb);
}

static void bi_rows_free(struct bi_rows *rows)
{
	free(rows->a);
	free(rows->b);
}

bool text_bilingual(const struct app *app)
{
	return app->bilingual && app->content->lang_count > 1 &&
	       app->geo.reading.cols >= 2 * APP_BILINGUAL_MIN + 3;
}

int text_reading_width(const struct app *app)
{
	if (text_bilingual(app))
		return app_measure(app, (app->geo.reading.cols - 1) / 2);
	return app_measure(app, app->geo.reading.cols);
}

static const struct doc *reading_doc(struct app *app, size_t lang)
{
	return app_doc(app, app->here.entry, lang, text_reading_width(app));
}

static void with_bi_rows(struct app *app, struct bi_rows *rows)
{
	const struct doc *da = reading_doc(app, app->lang);
	const struct doc *db = reading_doc(app, app_next_lang(app));

	/* The second lookup may not evict the first: the cache holds more
	 * than two documents. */
	bi_rows_build(rows, da, db);
}

size_t text_row_count(struct app *app)
{
	struct bi_rows rows;
	size_t count;

	if (!text_bilingual(app))
		return reading_doc(app, app->lang)->line_count;
	with_bi_rows(app, &rows);
	count = rows.count;
	bi_rows_free(&rows);
	return count;
}

size_t text_row_line(struct app *app, size_t row)
{
	struct bi_rows rows;
	size_t line = 0;

	if (!text_bilingual(app))
		return row;
	with_bi_rows(app, &rows);
	/* A row with nothing of the first language belongs to the line above. */
	for (size_t r = row < rows.count ? row + 1 : rows.count; r-- > 0;)
		if (rows.a[r] != NO_LINE) {
			line = rows.a[r];
			break;
		}
	bi_rows_free(&rows);
	return line;
}

size_t text_line_row(struct app *app, size_t line)
{
	struct bi_rows rows;
	size_t row = 0;

	if (!text_bilingual(app))
		return line;
	with_bi_rows(app, &rows);
	for (size_t r = 0; r < rows.count; r++)
		if (rows.a[r] != NO_LINE && rows.a[r] >= line) {
			row = r;
			break;
		}
	bi_rows_free(&rows);
	return row;
}

size_t text_page_rows(const struct app *app)
{
	return app->geo.reading.rows > 0 ? (size_t)app->geo.reading.rows : 1;
}

/* Search matches on line i of d (a line of its title or its body): the
 * layout tells their columns, so a match across a line break shows on both
 * lines, and nothing is laid out again. */
static void put_matches(struct app *app, struct canvas *c, int row, int col, const struct doc *d, size_t i,
			bool is_title)
{
	const struct app_find *f = &app->find;
	const struct layout *l = is_title ? d->title : d->body;
	size_t li = is_title ? i : i - doc_body_start(d);
	const struct layout_line *line = layout_line(l, li);
	int start, end;

	for (size_t k = 0; k < f->hits.count; k++) {
		const struct search_hit *h = &f->hits.hits[k];
		if ((h->field == SEARCH_TITLE) != is_title || h->end <= line->src_start || h->start >= line->src_end)
			continue;
		if (layout_columns(l, li, h->start, h->end, &start, &end))
			canvas_set_role(c, row, col + start, end - start,
					k == f->current ? CANVAS_MATCH_CURRENT : CANVAS_MATCH);
	}
}

/* One document line at (row, col): the layout decided every column, so the
 * canvas only copies graphemes; URLs are marked as links, and matches of
 * the current search when `matches` (the document is the searched one). */
static void put_line(struct app *app, struct canvas *c, int row, int col, const struct doc *d, size_t i,
		     int max_cols, bool matches)
{
	bool is_title;
	const struct layout_line *line = doc_line(d, i, &is_title);
	enum canvas_role role = is_title ? CANVAS_HEADING : CANVAS_NORMAL;
	int start, end;

	if (line == NULL || line->kind == LAYOUT_LINE_BLANK)
		return;
	canvas_put(c, row, col + line->indent, line->text, line->length, role, max_cols - line->indent);
	for (size_t s = 0; !is_title && s < layout_span_count(d->body); s++) {
		const struct layout_span *span = layout_span(d->body, s);
		if (span->end <= line->src_start || span->start >= line->src_end)
			continue;
		if (layout_columns(d->body, i - doc_body_start(d), span->start, span->end, &start, &end))
			canvas_set_role(c, row, col + start, end - start, CANVAS_LINK);
	}
	if (matches)
		put_matches(app, c, row, col, d, i, is_title);
}

static bool searched(const struct app *app, size_t entry, size_t lang)
{
	return app->find.query != NULL && app->find.section == entry && app->find.lang == lang;
}

void text_paint_preview(struct app *app, struct canvas *c, struct canvas_rect r, size_t entry, size_t top)
{
	/* A column of air after the menu's border. */
	int width = app_measure(app, r.cols - 1);
	const struct doc *d = app_doc(app, entry, app->lang, width);

	for (int row = 0; row < r.rows && top + (size_t)row < d->line_count; row++)
		put_line(app, c, r.row + row, r.col + 1, d, top + (size_t)row, width,
			 searched(app, entry, app->lang));
}

static void paint_bilingual(struct app *app, struct canvas *c)
{
	struct canvas_rect r = app->geo.reading;
	int half = (r.cols - 1) / 2, width = text_reading_width(app);
	const struct doc *da = reading_doc(app, app->lang);
	const struct doc *db = reading_doc(app, app_next_lang(app));
	bool ascii = app->config.ascii || app->config.ambiguous_wide;
	struct bi_rows rows;

	bi_rows_build(&rows, da, db);
	for (int row = 0; row < r.rows; row++) {
		size_t i = app->top_line + (size_t)row;
		if (i >= rows.count)
			break;
		if (rows.a[i] != NO_LINE)
			put_line(app, c, r.row + row, r.col, da, rows.a[i], width,
				 searched(app, app->here.entry, app->lang));
		if (rows.b[i] != NO_LINE)
			put_line(app, c, r.row + row, r.col + half + 2, db, rows.b[i], width, false);
		if (!app->config.plain)
			canvas_put(c, r.row + row, r.col + half, ascii ? "|" : "\xe2\x94\x82", ascii ? 1 : 3,
				   CANVAS_BORDER, 1);
	}
	bi_rows_free(&rows);
}

void text_paint_reading(struct app *app, struct canvas *c)
{
	struct canvas_rect r = app->geo.reading;
	int width = text_reading_width(app);
	const struct doc *d;

	if (text_bilingual(app)) {
		paint_bilingual(app, c);
		return;
	}
	d = reading_doc(app, app->lang);
	for (int row = 0; row < r.rows && app->top_line + (size_t)row < d->line_count; row++)
		put_line(app, c, r.row + row, r.col, d, app->top_line + (size_t)row, width,
			 searched(app, app->here.entry, app->lang));
}
