/* Loading a content directory into the model, with every problem located.
 *
 *   DIR/site.yaml         languages, language names, title
 *   DIR/sections/NN-ID.yaml  one section per file, in file-name order
 *   DIR/offices.yaml      regions and their offices (optional)
 *   DIR/world/land.txt    coastlines for the map (optional; see geo.h)
 *
 * Each file is read whole, parsed (load-yaml.c) and checked against the
 * schema; all problems of all files are reported, not just the first. */
#ifndef LGMA_LOAD_H
#define LGMA_LOAD_H

#include "lgma/content.h"
#include "lgma/diag.h"

/* Returns a new model (free with content_free) when the content has no
 * error; otherwise NULL. Errors and warnings go to diags either way. */
struct content *load_content_dir(const char *dir, struct diag_list *diags);

/* load_content_dir for browsing: world/land.txt is neither read nor
 * checked now but by content_land when the map is first shown, as most
 * sessions never show it (its parsing was a tenth of the start-up time and
 * its points stay in memory). What must be validated completely (--check,
 * a reload) uses load_content_dir. */
struct content *load_content_dir_land_later(const char *dir, struct diag_list *diags);

/* A content file already in memory (borrowed: the caller keeps it). */
struct load_file {
	const char *name;  /* as under the directory: "site.yaml", "sections/10-about.yaml" */
	const char *bytes; /* size bytes, any content; no NUL needed at the end */
	size_t size;
};

/* load_content_dir for files in memory (fuzzers, tests that make content on
 * the fly): the same checks and messages, with the names above as paths. A
 * file not given is reported as missing from disk. */
struct content *load_content_files(const struct load_file *files, size_t count, struct diag_list *diags);

#endif
