#include "lgma/doc.h"

#include <string.h>

void doc_init(struct doc *d, const char *title, const char *body, const struct layout_options *opt)
{
	d->title = layout_new(title, strlen(title), opt);
	d->body = layout_new(body, strlen(body), opt);
	d->title_lines = layout_line_count(d->title);
	d->line_count = d->title_lines + 1 + layout_line_count(d->body);
}

void doc_fini(struct doc *d)
{
	layout_free(d->title);
	layout_free(d->body);
	memset(d, 0, sizeof(*d));
}

const struct layout_line *doc_line(const struct doc *d, size_t i, bool *is_title)
{
	*is_title = i < d->title_lines;
	if (i < d->title_lines)
		return layout_line(d->title, i);
	if (i == d->title_lines || i >= d->line_count)
		return NULL;
	return layout_line(d->body, i - d->title_lines - 1);
}

size_t doc_body_start(const struct doc *d)
{
	return d->title_lines + 1;
}

size_t doc_paragraph_line(const struct doc *d, size_t paragraph)
{
	size_t count = layout_paragraph_count(d->body);

	if (count == 0)
		return doc_body_start(d);
	if (paragraph >= count)
		paragraph = count - 1;
	return doc_body_start(d) + layout_paragraph_line(d->body, paragraph);
}

size_t doc_paragraph_at(const struct doc *d, size_t line)
{
	if (line < doc_body_start(d) || layout_line_count(d->body) == 0)
		return 0;
	line -= doc_body_start(d);
	if (line >= layout_line_count(d->body))
		line = layout_line_count(d->body) - 1;
	return layout_line(d->body, line)->paragraph;
}

size_t doc_line_at(const struct doc *d, size_t body_offset)
{
	if (layout_line_count(d->body) == 0)
		return doc_body_start(d);
	return doc_body_start(d) + layout_line_at(d->body, body_offset);
}
