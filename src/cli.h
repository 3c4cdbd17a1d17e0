/* The command-line shell: options, and the commands main() dispatches to. */
#ifndef LGMA_CLI_H
#define LGMA_CLI_H

#include <stdbool.h>

#include "lgma/content.h"
#include "lgma/diag.h"

enum {
	EXIT_CONTENT = 1, /* the content is invalid (or, for --search, no match) */
	EXIT_USAGE = 2,
};

struct cli_options {
	const char *content_dir;
	const char *lang; /* --lang, or NULL */
	const char *start; /* SECTION-ID or "offices", or NULL */
	const char *dump;  /* --dump TARGET, or NULL */
	int width, height; /* --width, --height in columns and rows; 0 when not given */
	bool ambiguous_wide;
	bool ascii;	    /* --ascii: no Braille */
	const char *select; /* --select OFFICE-ID, or NULL */
	const char *search; /* --search QUERY, or NULL */
};

/* The content directory: --content, else $LGMA_CONTENT, else the source
 * tree's content/ when this binary runs from its build tree, else the
 * installed data directory. */
const char *cli_content_dir(const char *option);

/* The language index to use, or -1 after printing a usage error. */
int cli_language(const struct content *c, const char *requested);

/* Loads opt->content_dir, printing its messages to stderr, and picks the
 * language (cli_language) into *lang. Returns the content (free with
 * content_free), or NULL with the exit status in *status. */
struct content *cli_load(const struct cli_options *opt, int *lang, int *status);

int cli_check(const struct cli_options *opt);
int cli_list(const struct cli_options *opt);
int cli_dump_map(const struct cli_options *opt);
/* --dump opt->dump: a section, "offices" or "all" (exit 2 for another id). */
int cli_dump(const struct cli_options *opt);
/* --search opt->search: every match, one per line (cli-search.c); exit 1
 * when there is none. */
int cli_search(const struct cli_options *opt);

#endif
