/* The search index's inside, shared by search-build.c (which makes it) and
 * search.c (which searches it). Nothing else includes this. */
#ifndef LGMA_SEARCH_INDEX_H
#define LGMA_SEARCH_INDEX_H

#include <stdint.h>

#include "lgma/fold.h"
#include "lgma/search.h"

enum {
	ENTRY_REGION = SEARCH_TEXT + 1, /* entry kind of a region's name */
	ENTRY_NO_LANG = 0xFF,		/* entry.lang of an unlocalised field */
	ENTRY_ALL_LANGS = 0xFFFF,
};

/* One folded string of the index. */
struct entry {
	struct fold_span span;
	uint32_t item;	/* section, office or region index */
	uint16_t langs; /* bit l: the string is what language l shows */
	uint8_t kind, field;
	uint8_t line;  /* address or postal line */
	uint8_t lang;  /* the language to report, or ENTRY_NO_LANG */
	uint8_t alias; /* a fallback copy: another entry reports this string */
};

/* The folded text, in this order:
 *
 *   part of language 0: per section, its title then its body
 *   part of language 1: the same
 *   ...
 *   per region: its name (each language's distinct string once), then per
 *   office of the region its fields in card order, each language's
 *   distinct string once
 *
 * A one-language search reads its own part only. A language that shows
 * another's text (a fallback) has an alias copy in its part, which a search
 * of all languages skips. Offices are small: their languages stay together. */
struct search_index {
	const struct content *c;
	bool built;
	struct fold_buf buf;
	struct entry *entries;
	size_t entry_count, entry_capacity;
	size_t part_first[CONTENT_MAX_LANGS + 1]; /* part l: [part_first[l], part_first[l + 1]) */
	/* entry of section s, language l, title (0) or body (1), or SIZE_MAX:
	 * [(s * lang_count + l) * 2 + f] */
	size_t *section_entry;
	size_t *region_first; /* region r: [region_first[r], region_first[r + 1]) */
	unsigned char *marked; /* scratch for search_offices, one per office */
	struct raw *raw;       /* scratch for the matches of a search */
	size_t raw_count, raw_capacity;
};

/* A match before it becomes a hit: entry and original bytes. */
struct raw {
	size_t entry;
	size_t start, end;
};

struct search_query {
	char *folded;
	size_t length;
};

#endif
