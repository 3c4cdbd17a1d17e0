/* The content model: what content/ holds, in memory, with no terminal in sight.
 *
 * Every string lives in the model's arena and stays valid until content_free.
 * Localised texts are resolved at load time: for each language of site.yaml a
 * text has a pointer, falling back to the other languages in preference order
 * when a file does not give that language, so readers never see NULL there. */
#ifndef LGMA_CONTENT_H
#define LGMA_CONTENT_H

#include <stdbool.h>
#include <stddef.h>

#include "lgma/arena.h"

enum {
	CONTENT_MAX_LANGS = 16,
	CONTENT_MAX_SECTIONS = 10000,
	CONTENT_MAX_OFFICES = 100000,
	CONTENT_MAX_REGIONS = 1000,
	CONTENT_MAX_LINES = 64, /* address lines of one office */
};

/* One text per language index of content.langs. For an optional field that is
 * absent, every entry is NULL; otherwise none is. */
struct content_text {
	const char *by_lang[CONTENT_MAX_LANGS];
	/* Bit i set when language i was written in the file, not a fallback. */
	unsigned native;
};

/* Where a text starts in its file, for messages about what is inside it
 * (yaml-tree.h's text_line, text_column, lines_exact). */
struct content_pos {
	unsigned line, column; /* 1-based; 0 when unknown */
	bool lines_exact;      /* line k of the text is file line line + k, from column on */
};

struct content_section {
	const char *id;
	const char *file; /* path it was loaded from, for messages */
	struct content_text title;
	struct content_text body; /* paragraphs separated by blank lines */
	/* for each language written in the file (content_text.native) */
	struct content_pos title_pos[CONTENT_MAX_LANGS];
	struct content_pos body_pos[CONTENT_MAX_LANGS];
};

struct content_lines {
	const char **lines;
	size_t count;
};

struct content_office {
	const char *id;
	size_t region; /* index into content.regions */
	struct content_text name;
	struct content_text city;    /* optional */
	struct content_text country; /* optional */
	struct content_lines address;
	struct content_lines postal; /* optional second (postal) address */
	const char *phone;	     /* optional fields are NULL when absent */
	const char *fax;
	const char *email;
	const char *web;
	double lat; /* degrees, -90..90 */
	double lon; /* degrees, -180..180 */
	unsigned line, column; /* where the office starts in offices.yaml */
};

struct content_region {
	const char *id;
	struct content_text name;
	size_t first_office; /* the region's offices are contiguous in content.offices */
	size_t office_count;
};

struct geo_land;
struct content_land_later;
struct diag_list;

struct content {
	size_t lang_count;
	const char *langs[CONTENT_MAX_LANGS]; /* codes, preference order */
	struct content_text language_names;   /* optional: "日本語", "English" */
	struct content_text title;

	struct content_section *sections;
	size_t section_count;
	struct content_region *regions;
	size_t region_count;
	struct content_office *offices;
	size_t office_count;
	struct geo_land *land; /* world/land.txt for the map, or NULL without one
				  or when it is left for later (see content_land) */
	struct content_land_later *land_later; /* load_content_dir_land_later */
	const char *offices_file; /* path of offices.yaml, for messages; NULL without offices */

	struct arena arena; /* owns everything above */
};

/* An empty model with its own arena; the loader fills it. */
struct content *content_new(void);
void content_free(struct content *c);
/* For the loader: dir's world/land.txt is read by content_land, later. */
void content_defer_land(struct content *c, const char *dir);

/* Index of a language code in c->langs, or -1. */
int content_lang_index(const struct content *c, const char *code);

/* The start language: the requested code if given (-1 if the content does
 * not have it), else the language of a locale name such as "ja_JP.UTF-8" if
 * the content has it, else 0, the first of site.yaml. */
int content_pick_lang(const struct content *c, const char *requested, const char *locale);

/* The text of t in language lang (falls back as described above); NULL only
 * for an absent optional field. */
const char *content_text_get(const struct content_text *t, size_t lang);

/* The land for the map: c->land, or the land file left for later by
 * load_content_dir_land_later, read and parsed at the first call (kept
 * until content_free). NULL without a land file, and when the file left
 * for later cannot be used when it is read (see content_land_unreported);
 * the map then shows markers on blank sea. */
const struct geo_land *content_land(const struct content *c);

/* What reading a land file left for later found (errors, warnings), the
 * first time it is asked after the read, for the browser's log; NULL when
 * there is nothing, or nothing new. Owned by c. */
const struct diag_list *content_land_unreported(const struct content *c);

/* Section by id, or NULL. */
const struct content_section *content_find_section(const struct content *c, const char *id);
/* Index of a section by id, or -1. */
long content_section_index(const struct content *c, const char *id);

#endif
