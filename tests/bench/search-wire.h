/* A search on the wire: the bytes a viewer writes for "/", a word and
 * Enter, with the viewer in a pseudo-terminal (tests/e2e/vt.h), so lgma's
 * search can be set against less's on the same lines at the same size.
 * Shared by bench-search-wire (figures for people) and
 * tests/e2e/test-search-budget.c (lgma held to less's bytes).
 *
 * The lines: the wire benchmark's sample text (bench-text.h) made into lgma
 * content, one section with the id SEARCH_WIRE_SECTION whose body is the
 * text; and, for the pager, that section as lgma lays it out at the text
 * width of its reading view (lgma --dump), so both show the same lines.
 *
 * Units: sizes in bytes, rows and columns in cells, times in ms. */
#ifndef LGMA_SEARCH_WIRE_H
#define LGMA_SEARCH_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SEARCH_WIRE_SECTION "bench"

enum {
	SEARCH_WIRE_LINES = 2000,    /* lines of the sample text */
	SEARCH_WIRE_QUIET_MS = 200,  /* an answer is over after this silence */
	SEARCH_WIRE_REACT_MS = 3000, /* the longest wait for an answer to start */
};

/* The steps of a search, counted apart and together. */
enum search_wire_step {
	SEARCH_WIRE_PROMPT, /* "/" */
	SEARCH_WIRE_WORD,   /* the word, in one write() as a paste or typeahead */
	SEARCH_WIRE_ENTER,  /* Enter */
	SEARCH_WIRE_STEPS,
};

struct search_wire_figures {
	bool started;			   /* the first screen came */
	size_t initial;			   /* bytes of the first screen */
	size_t step[SEARCH_WIRE_STEPS];	   /* bytes of each step */
	size_t total;			   /* of the three steps */
	long writes;			   /* the viewer's write() calls in them, -1 unknown */
	bool found;			   /* the word is on screen afterwards */
	char *bytes;			   /* what it wrote in the three steps, malloc'd */
	size_t len;
	char *screen;			   /* the screen afterwards, rows joined by "\n", malloc'd */
};

/* Makes dir/content (the lgma content) and dir/lines-COLS.txt (what lgma's
 * reading view shows at cols columns) from the shipped content in
 * content_src, with the lgma at lgma_path. Writes the lines file's path to
 * lines_path (size bytes). False with a message on stderr on failure. */
bool search_wire_prepare(const char *content_src, const char *lgma_path, const char *dir, int cols,
			 char *lines_path, size_t size);

/* The environment the viewers run in: TERM=term, LANG=C.UTF-8, HOME=home,
 * LESSHISTFILE=-, this process's PATH. Static storage, valid until the next
 * call. */
char **search_wire_env(const char *term, const char *home);

/* Starts argv in a rows x cols pty with envp, waits for its first screen,
 * then searches for word as a person would ("/", the word, Enter, each
 * answered before the next) and counts. Free f with search_wire_free.
 * False when the viewer could not be started. */
bool search_wire_measure(char *const argv[], char *const envp[], int rows, int cols, const char *word,
			 struct search_wire_figures *f);
void search_wire_free(struct search_wire_figures *f);

/* What the bytes are: text, cursor motions, attribute changes, erases...
 * with their byte counts, then every token as readable text when verbose. */
void search_wire_explain(FILE *out, const char *bytes, size_t len, bool verbose);

#endif
