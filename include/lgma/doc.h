/* A document: what the text pane scrolls over, as --dump prints it: the
 * section title laid out, a blank line, then the laid-out body. Line numbers
 * here are the line numbers of `lgma --dump` at the same width. */
#ifndef LGMA_DOC_H
#define LGMA_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "lgma/layout.h"

struct doc {
	struct layout *title; /* owned */
	struct layout *body;  /* owned */
	size_t title_lines;   /* lines of title, then one blank line */
	size_t line_count;
};

/* Lays out title and body (any bytes) with opt; free with doc_fini. */
void doc_init(struct doc *d, const char *title, const char *body, const struct layout_options *opt);
void doc_fini(struct doc *d);

/* Line i (< line_count); NULL for the blank line after the title. */
const struct layout_line *doc_line(const struct doc *d, size_t i, bool *is_title);

/* The document line where body paragraph p starts (title lines count). */
size_t doc_paragraph_line(const struct doc *d, size_t paragraph);
/* The body paragraph shown at document line i (0 for title lines). */
size_t doc_paragraph_at(const struct doc *d, size_t line);
/* The document line showing body byte offset. */
size_t doc_line_at(const struct doc *d, size_t body_offset);
/* First body line of the document. */
size_t doc_body_start(const struct doc *d);

#endif
