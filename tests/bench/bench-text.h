/* The wire benchmark's sample text: the shipped sections, in every language,
 * as a plain text file a pager can show.
 *
 * The file holds passes over the content until it has the asked number of
 * lines: each pass starts with a line "=== Pass N / 第N巡 ===", then for each
 * section and each language of site.yaml a line "## TITLE", a blank line,
 * the body with every source line wrapped at BENCH_TEXT_WIDTH columns
 * (libunistring's line breaking, so Japanese breaks between characters and
 * English between words), and a blank line. Deterministic: the same content
 * gives the same bytes. */
#ifndef LGMA_BENCH_TEXT_H
#define LGMA_BENCH_TEXT_H

#include <stdbool.h>
#include <stdio.h>

enum {
	BENCH_TEXT_WIDTH = 72, /* columns: fits the 80-column runs unwrapped */
};

/* Writes exactly `lines` lines made from the content in content_dir to out.
 * Returns false (with a message on stderr) when the content does not load. */
bool bench_text_write(const char *content_dir, int lines, FILE *out);

/* The same text as lgma content, for lgma to show what the pagers show:
 * out_dir/site.yaml and out_dir/sections/10-bench.yaml, one section with
 * the id BENCH_SECTION_ID, the title BENCH_SECTION_TITLE and the text as
 * its body in every language. out_dir must exist. False on failure (with a
 * message on stderr). */
#define BENCH_SECTION_ID "bench"
#define BENCH_SECTION_TITLE "Bench text"
bool bench_content_write(const char *content_dir, int lines, const char *out_dir);

/* What lgma's reading view scrolls over for that section at a text width
 * (columns): the title, a blank line and the body, laid out by lgma's own
 * layout engine (UTF-8, ambiguous characters narrow), one screen line per
 * line of out. Pagers fed this file show the same lines as lgma. */
bool bench_text_layout(const char *content_dir, int lines, int width, FILE *out);

/* The text width of lgma's reading view on a terminal cols wide: a column
 * of margin on each side above 20 columns, at most 100 (app_measure in
 * src/app.c; tests/e2e/test-budgets.c checks that the screen agrees). */
int bench_text_width(int cols);

#endif
