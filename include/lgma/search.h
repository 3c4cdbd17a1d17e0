/* Search: find what the reader means in the content (folding: fold.h).
 *
 * The index holds the folded form of every searchable string of a content
 * model with the map back to the original bytes: section titles and bodies
 * in every language, and for offices the name, city, country and region name
 * in every language, the address and postal lines, phone, fax, e-mail and
 * web. A text that a language only has by fallback (the same string as
 * another language's) is folded once and serves both.
 *
 * A query is folded once (search_query_new) and matched as a substring of
 * the folded text: every non-overlapping occurrence, reported as a byte range
 * [start, end) of the ORIGINAL string that covers whole characters (whole
 * grapheme clusters). A query that folds to nothing matches nothing.
 *
 * Lifetime: the index borrows the content model (its strings must stay
 * valid: free the index before content_free) and owns its folded copy. It
 * is built on the first search, or earlier with search_index_build when the
 * caller prefers to pay at load time. Not safe to use from two threads.
 * Units: offsets are bytes of the original string. */
#ifndef LGMA_SEARCH_H
#define LGMA_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lgma/content.h"

enum search_kind {
	SEARCH_SECTION, /* item: index into content.sections */
	SEARCH_OFFICE,	/* item: index into content.offices */
	SEARCH_TEXT,	/* a string given to search_text; item is 0 */
};

/* Which string of the item. Offices' fields are in the order of an office's
 * card: name, city, country, region, address, postal, phone, fax, e-mail, web. */
enum search_field {
	SEARCH_TITLE,
	SEARCH_BODY,
	SEARCH_NAME,
	SEARCH_CITY,
	SEARCH_COUNTRY,
	SEARCH_REGION, /* the name of the office's region */
	SEARCH_ADDRESS,
	SEARCH_POSTAL,
	SEARCH_PHONE,
	SEARCH_FAX,
	SEARCH_EMAIL,
	SEARCH_WEB,
};

/* search_hit.lang of a field that has one text for all languages (address,
 * postal, phone, fax, e-mail, web, and SEARCH_TEXT). */
#define SEARCH_NO_LANG ((size_t)-1)
/* search_scope.lang: every language. */
enum { SEARCH_ALL_LANGS = -1 };

struct search_hit {
	enum search_kind kind;
	enum search_field field;
	size_t item;
	size_t lang;	   /* language index of the text, or SEARCH_NO_LANG */
	size_t line;	   /* SEARCH_ADDRESS, SEARCH_POSTAL: 0-based line; else 0 */
	size_t start, end; /* original bytes [start, end) of the field's string */
};

/* A result list the caller owns and reuses: each search replaces its
 * contents (no allocation once it is large enough). */
struct search_results {
	struct search_hit *hits; /* malloc'd; owned by the list */
	size_t count, capacity;
	bool truncated; /* search_all stopped at scope.max_hits */
};

void search_results_init(struct search_results *r);
void search_results_fini(struct search_results *r);

struct search_query;

/* Folds q[0..n) (any bytes). Free with search_query_free. */
struct search_query *search_query_new(const char *q, size_t n);
void search_query_free(struct search_query *q);
/* Whether the query folded to nothing (only spaces, marks, ...). */
bool search_query_is_empty(const struct search_query *q);
/* The folded query (NUL-terminated, owned by q), *len its bytes. */
const char *search_query_folded(const struct search_query *q, size_t *len);

struct search_index;

/* A lazy index over c (borrowed; see above). Free with search_index_free. */
struct search_index *search_index_new(const struct content *c);
void search_index_free(struct search_index *ix);
/* Builds the index now if it is not built yet. */
void search_index_build(struct search_index *ix);
/* Bytes the built index holds allocated, for benchmarks. */
size_t search_index_memory(const struct search_index *ix);

/* (a) The open section: matches in the title or body (field SEARCH_TITLE or
 * SEARCH_BODY) of section `section` in language `lang` (what the reader sees,
 * fallback included), in text order. Returns r->count. */
size_t search_section(struct search_index *ix, const struct search_query *q, size_t section,
		      size_t lang, enum search_field field, struct search_results *r);

struct search_scope {
	int lang;	 /* a language index, or SEARCH_ALL_LANGS */
	bool sections;	 /* titles and bodies */
	bool offices;	 /* every field of every office */
	size_t max_hits; /* stop after this many (r->truncated); 0: no limit */
};

/* (b) Everywhere in scope, in content order: sections in order (per section:
 * by language, then title before body, then by offset), then offices in
 * order (per office: card order of fields, then language, then offset).
 * Office fields with one text for all languages are searched in every
 * scope. A match in a region's name is a SEARCH_REGION hit of each office
 * of the region. Returns r->count. */
size_t search_all(struct search_index *ix, const struct search_query *q,
		  const struct search_scope *scope, struct search_results *r);

/* (c) The offices view's filter: the offices whose name, city, country or
 * region name matches in any language, as ascending indices into
 * content.offices, written to out (room for content.office_count). Returns
 * how many. An empty query matches none: the view shows every office while
 * search_query_is_empty(q). */
size_t search_offices(struct search_index *ix, const struct search_query *q, size_t *out);

/* Matches in any string s[0..n), folded on the spot: kind SEARCH_TEXT,
 * field SEARCH_BODY, lang SEARCH_NO_LANG. Returns r->count. */
size_t search_text(const struct search_query *q, const char *s, size_t n, struct search_results *r);

/* The string a hit's range refers to (borrowed from c), NULL for SEARCH_TEXT. */
const char *search_hit_string(const struct content *c, const struct search_hit *h);

/* Snippets, for result lists: a one-line, display-safe excerpt of s[0..n)
 * around the match [start, end), about cols columns wide (more when the
 * match alone is wider), with the match between SEARCH_MARK_OPEN and
 * SEARCH_MARK_CLOSE and SEARCH_ELLIPSIS where the excerpt cuts the text.
 * White space runs (line breaks included) show as one space. Returns a
 * malloc'd NUL-terminated string (caller frees). */
#define SEARCH_MARK_OPEN "[["
#define SEARCH_MARK_CLOSE "]]"
#define SEARCH_ELLIPSIS "..."
char *search_snippet(const char *s, size_t n, size_t start, size_t end, int cols, bool ambiguous_wide);
/* The same without marks, for screens that highlight the match themselves:
 * the match is bytes [*match_start, *match_end) of the result. */
char *search_snippet_plain(const char *s, size_t n, size_t start, size_t end, int cols, bool ambiguous_wide,
			   size_t *match_start, size_t *match_end);

#endif
