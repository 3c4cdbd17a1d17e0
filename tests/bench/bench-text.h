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

#endif
