#define _GNU_SOURCE /* memmem */
#include "lgma/search.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/fold.h"
#include "lgma/xalloc.h"

enum {
	ENTRY_REGION = SEARCH_TEXT + 1, /* entry kind of a region's name */
	NO_LANG = 0xFF,			/* entry.lang of an unlocalised field */
	ALL_LANGS = 0xFFFF,
};

/* One folded string of the index. */
struct entry {
	struct fold_span span;
	uint32_t item;	/* section, office or region index */
	uint16_t langs; /* bit l: the string is what language l shows */
	uint8_t kind, field;
	uint8_t line; /* address or postal line */
	uint8_t lang; /* the language it is written in, or NO_LANG */
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

struct search_index {
	const struct content *c;
	bool built;
	struct fold_buf buf;
	struct entry *entries;
	size_t entry_count, entry_capacity;
	/* entry of section s, language l, title (0) or body (1): [(s * langs + l) * 2 + f] */
	size_t *section_entry;
	size_t offices_first;  /* first entry after the sections */
	size_t *region_first;  /* region r's entries (its name, then its offices'):
				  [region_first[r], region_first[r + 1]) */
	unsigned char *marked; /* scratch for search_offices, one per office */
	struct raw *raw;       /* scratch for matches of one scan */
	size_t raw_count, raw_capacity;
};

/* ---- results and queries ---- */

void search_results_init(struct search_results *r)
{
	memset(r, 0, sizeof(*r));
}

void search_results_fini(struct search_results *r)
{
	free(r->hits);
	memset(r, 0, sizeof(*r));
}

static void results_clear(struct search_results *r)
{
	r->count = 0;
	r->truncated = false;
}

static void results_add(struct search_results *r, struct search_hit h)
{
	if (r->count == r->capacity) {
		r->capacity = r->capacity ? r->capacity * 2 : 64;
		r->hits = xreallocarray(r->hits, r->capacity, sizeof(r->hits[0]));
	}
	r->hits[r->count++] = h;
}

struct search_query *search_query_new(const char *q, size_t n)
{
	struct search_query *query = xmalloc(sizeof(*query));

	query->folded = fold_query(q, n, &query->length);
	return query;
}

void search_query_free(struct search_query *q)
{
	if (q == NULL)
		return;
	free(q->folded);
	free(q);
}

bool search_query_is_empty(const struct search_query *q)
{
	return q->length == 0;
}

const char *search_query_folded(const struct search_query *q, size_t *len)
{
	*len = q->length;
	return q->folded;
}

/* ---- building ---- */

struct search_index *search_index_new(const struct content *c)
{
	struct search_index *ix = xcalloc(1, sizeof(*ix));

	ix->c = c;
	fold_buf_init(&ix->buf);
	return ix;
}

void search_index_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	fold_buf_fini(&ix->buf);
	free(ix->entries);
	free(ix->section_entry);
	free(ix->region_first);
	free(ix->marked);
	free(ix->raw);
	free(ix);
}

static size_t add_entry(struct search_index *ix, const char *s, const struct entry *meta)
{
	struct entry *e;

	if (ix->entry_count == ix->entry_capacity) {
		ix->entry_capacity = ix->entry_capacity ? ix->entry_capacity * 2 : 1024;
		ix->entries = xreallocarray(ix->entries, ix->entry_capacity, sizeof(ix->entries[0]));
	}
	e = &ix->entries[ix->entry_count];
	*e = *meta;
	fold_append(&ix->buf, s, strlen(s), &e->span);
	return ix->entry_count++;
}

/* Adds language l's text of t unless it is the same string as an earlier
 * language's (a fallback), which then also serves l; entry_of[l] gets the
 * entry that shows language l (SIZE_MAX when absent). */
static void add_lang(struct search_index *ix, const struct content_text *t, size_t l,
		     const struct entry *meta, size_t *entry_of)
{
	const char *s = t->by_lang[l];
	size_t k = 0;
	struct entry *e, m = *meta;

	entry_of[l] = SIZE_MAX;
	if (s == NULL)
		return;
	while (k < l && t->by_lang[k] != s)
		k++;
	if (k == l) {
		m.langs = (uint16_t)(1u << l);
		m.lang = (uint8_t)l;
		entry_of[l] = add_entry(ix, s, &m);
		return;
	}
	entry_of[l] = entry_of[k];
	e = &ix->entries[entry_of[k]];
	e->langs |= (uint16_t)(1u << l);
	/* Report the language the text was written in. */
	if (!(t->native & (1u << e->lang)) && (t->native & (1u << l)))
		e->lang = (uint8_t)l;
}

static void add_text(struct search_index *ix, const struct content_text *t, uint8_t kind,
		     uint8_t field, size_t item)
{
	size_t entry_of[CONTENT_MAX_LANGS];
	const struct entry meta = {.item = (uint32_t)item, .kind = kind, .field = field};

	for (size_t l = 0; l < ix->c->lang_count; l++)
		add_lang(ix, t, l, &meta, entry_of);
}

static void add_plain(struct search_index *ix, const char *s, uint8_t field, size_t office, size_t line)
{
	if (s == NULL)
		return;
	add_entry(ix, s, &(struct entry){
		.item = (uint32_t)office, .langs = ALL_LANGS, .kind = SEARCH_OFFICE,
		.field = field, .line = (uint8_t)line, .lang = NO_LANG,
	});
}

static void add_office(struct search_index *ix, size_t o)
{
	const struct content_office *of = &ix->c->offices[o];

	add_text(ix, &of->name, SEARCH_OFFICE, SEARCH_NAME, o);
	add_text(ix, &of->city, SEARCH_OFFICE, SEARCH_CITY, o);
	add_text(ix, &of->country, SEARCH_OFFICE, SEARCH_COUNTRY, o);
	for (size_t i = 0; i < of->address.count; i++)
		add_plain(ix, of->address.lines[i], SEARCH_ADDRESS, o, i);
	for (size_t i = 0; i < of->postal.count; i++)
		add_plain(ix, of->postal.lines[i], SEARCH_POSTAL, o, i);
	add_plain(ix, of->phone, SEARCH_PHONE, o, 0);
	add_plain(ix, of->fax, SEARCH_FAX, o, 0);
	add_plain(ix, of->email, SEARCH_EMAIL, o, 0);
	add_plain(ix, of->web, SEARCH_WEB, o, 0);
}

/* Per language title then body, so that hits come in reading order. */
static void add_section(struct search_index *ix, size_t s)
{
	const struct content_section *sec = &ix->c->sections[s];
	size_t langs = ix->c->lang_count;
	size_t title_of[CONTENT_MAX_LANGS], body_of[CONTENT_MAX_LANGS];
	const struct entry title = {.item = (uint32_t)s, .kind = SEARCH_SECTION, .field = SEARCH_TITLE};
	const struct entry body = {.item = (uint32_t)s, .kind = SEARCH_SECTION, .field = SEARCH_BODY};

	for (size_t l = 0; l < langs; l++) {
		add_lang(ix, &sec->title, l, &title, title_of);
		add_lang(ix, &sec->body, l, &body, body_of);
		ix->section_entry[(s * langs + l) * 2] = title_of[l];
		ix->section_entry[(s * langs + l) * 2 + 1] = body_of[l];
	}
}

void search_index_build(struct search_index *ix)
{
	const struct content *c = ix->c;

	if (ix->built)
		return;
	ix->built = true;
	ix->section_entry = xcalloc(c->section_count * c->lang_count * 2 + 1, sizeof(size_t));
	for (size_t s = 0; s < c->section_count; s++)
		add_section(ix, s);
	ix->offices_first = ix->entry_count;
	ix->region_first = xcalloc(c->region_count + 1, sizeof(size_t));
	for (size_t r = 0; r < c->region_count; r++) {
		const struct content_region *reg = &c->regions[r];
		ix->region_first[r] = ix->entry_count;
		add_text(ix, &reg->name, ENTRY_REGION, SEARCH_REGION, r);
		for (size_t o = reg->first_office; o < reg->first_office + reg->office_count; o++)
			add_office(ix, o);
	}
	ix->region_first[c->region_count] = ix->entry_count;
	ix->marked = xcalloc(c->office_count + 1, 1);
}

size_t search_index_memory(const struct search_index *ix)
{
	const struct content *c = ix->c;

	return sizeof(*ix) + fold_buf_memory(&ix->buf) + ix->entry_capacity * sizeof(struct entry) +
	       (c->section_count * c->lang_count * 2 + 1) * sizeof(size_t) +
	       (c->region_count + 1) * sizeof(size_t) + c->office_count + 1 +
	       ix->raw_capacity * sizeof(struct raw);
}

/* ---- matching ---- */

struct scan {
	const struct fold_buf *buf;
	const struct entry *entries;
	size_t first, last;  /* entries [first, last) */
	unsigned langs;	     /* accept entries showing one of these languages */
	uint8_t max_field;   /* accept entries of fields up to this one */
	bool first_only;     /* one match per entry is enough */
	size_t limit;	     /* stop after this many matches; 0: no limit */
	struct raw **raw;
	size_t *raw_count, *raw_capacity;
};

static void raw_add(const struct scan *sc, size_t entry, size_t start, size_t end)
{
	struct raw *last = *sc->raw_count ? &(*sc->raw)[*sc->raw_count - 1] : NULL;

	/* Two folded matches inside one original unit ("ﬃ" for "f") are one. */
	if (last != NULL && last->entry == entry && start < last->end) {
		if (end > last->end)
			last->end = end;
		return;
	}
	if (*sc->raw_count == *sc->raw_capacity) {
		*sc->raw_capacity = *sc->raw_capacity ? *sc->raw_capacity * 2 : 256;
		*sc->raw = xreallocarray(*sc->raw, *sc->raw_capacity, sizeof(struct raw));
	}
	(*sc->raw)[(*sc->raw_count)++] = (struct raw){entry, start, end};
}

/* The entry of [lo, hi) whose text holds folded offset off. */
static size_t entry_at(const struct entry *e, size_t lo, size_t hi, size_t off)
{
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (e[mid].span.text <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static bool accepts(const struct scan *sc, const struct entry *e)
{
	return (e->langs & sc->langs) && e->field <= sc->max_field;
}

/* Appends the matches of q in entries [first, last) to *raw (cleared first).
 * One memmem pass over their folded text, which lies in one piece. */
static void scan(const struct scan *sc, const struct search_query *q)
{
	const struct entry *e = sc->entries;
	const char *text = sc->buf->text;
	size_t at, end, cur = sc->first;

	*sc->raw_count = 0;
	if (q->length == 0 || sc->first >= sc->last)
		return;
	at = e[sc->first].span.text;
	end = e[sc->last - 1].span.text + e[sc->last - 1].span.length;
	while (at < end) {
		const char *hit = memmem(text + at, end - at, q->folded, q->length);
		size_t off, os, oe;

		if (hit == NULL)
			break;
		off = (size_t)(hit - text);
		if (off < e[cur].span.text || off >= e[cur].span.text + e[cur].span.length)
			cur = entry_at(e, cur, sc->last, off);
		if (!accepts(sc, &e[cur])) {
			at = e[cur].span.text + e[cur].span.length + 1;
			continue;
		}
		fold_to_orig(sc->buf, &e[cur].span, off - e[cur].span.text,
			     off - e[cur].span.text + q->length, &os, &oe);
		raw_add(sc, cur, os, oe);
		if (sc->limit && *sc->raw_count > sc->limit)
			break;
		at = sc->first_only ? e[cur].span.text + e[cur].span.length + 1 : off + q->length;
	}
}

static struct scan index_scan(struct search_index *ix, size_t first, size_t last)
{
	return (struct scan){
		.buf = &ix->buf, .entries = ix->entries, .first = first, .last = last,
		.langs = ALL_LANGS, .max_field = SEARCH_WEB,
		.raw = &ix->raw, .raw_count = &ix->raw_count, .raw_capacity = &ix->raw_capacity,
	};
}

static struct search_hit hit_of(const struct entry *e, const struct raw *raw, int scope_lang)
{
	struct search_hit h = {
		.kind = (enum search_kind)e->kind, .field = (enum search_field)e->field,
		.item = e->item, .line = e->line, .start = raw->start, .end = raw->end,
	};

	if (e->lang == NO_LANG)
		h.lang = SEARCH_NO_LANG;
	else
		h.lang = scope_lang >= 0 ? (size_t)scope_lang : e->lang;
	return h;
}

size_t search_section(struct search_index *ix, const struct search_query *q, size_t section,
		      size_t lang, enum search_field field, struct search_results *r)
{
	const struct content *c = ix->c;
	struct scan sc;
	size_t e;

	results_clear(r);
	if (section >= c->section_count || lang >= c->lang_count ||
	    (field != SEARCH_TITLE && field != SEARCH_BODY))
		return 0;
	search_index_build(ix);
	e = ix->section_entry[(section * c->lang_count + lang) * 2 + (field == SEARCH_BODY)];
	if (e == SIZE_MAX)
		return 0;
	sc = index_scan(ix, e, e + 1);
	scan(&sc, q);
	for (size_t i = 0; i < ix->raw_count; i++)
		results_add(r, hit_of(&ix->entries[e], &ix->raw[i], (int)lang));
	return r->count;
}

/* Adds h unless the list holds scope->max_hits already; then it is marked
 * truncated, as there was one more. */
static bool add_capped(struct search_results *r, const struct search_scope *scope, struct search_hit h)
{
	if (scope->max_hits && r->count >= scope->max_hits) {
		r->truncated = true;
		return false;
	}
	results_add(r, h);
	return true;
}

static void sections_all(struct search_index *ix, const struct search_query *q,
			 const struct search_scope *scope, unsigned langs, struct search_results *r)
{
	struct scan sc = index_scan(ix, 0, ix->offices_first);

	sc.langs = langs;
	sc.limit = scope->max_hits;
	scan(&sc, q);
	for (size_t i = 0; i < ix->raw_count; i++)
		if (!add_capped(r, scope, hit_of(&ix->entries[ix->raw[i].entry], &ix->raw[i], scope->lang)))
			return;
}

/* Adds the hits of office o among raw[*j..n) with fields up to last. */
static bool office_hits(struct search_index *ix, size_t o, uint8_t last, size_t *j, size_t n,
			const struct search_scope *scope, struct search_results *r)
{
	const struct entry *e = ix->entries;

	for (; *j < n && e[ix->raw[*j].entry].item == o && e[ix->raw[*j].entry].field <= last; (*j)++)
		if (!add_capped(r, scope, hit_of(&e[ix->raw[*j].entry], &ix->raw[*j], scope->lang)))
			return false;
	return true;
}

/* The matches of one region's block; a match in the region's name becomes
 * a hit of each of its offices, in card order between country and address.
 * False when the list is full. */
static bool region_all(struct search_index *ix, size_t region, const struct search_scope *scope,
		       struct search_results *r)
{
	const struct content_region *reg = &ix->c->regions[region];
	const struct entry *e = ix->entries;
	const struct raw *raw = ix->raw;
	size_t n = ix->raw_count, names = 0, j;

	while (names < n && e[raw[names].entry].kind == ENTRY_REGION)
		names++;
	if (names == 0) {
		for (size_t i = 0; i < n; i++)
			if (!add_capped(r, scope, hit_of(&e[raw[i].entry], &raw[i], scope->lang)))
				return false;
		return true;
	}
	j = names;
	for (size_t o = reg->first_office; o < reg->first_office + reg->office_count; o++) {
		if (!office_hits(ix, o, SEARCH_COUNTRY, &j, n, scope, r))
			return false;
		for (size_t i = 0; i < names; i++) {
			struct search_hit h = hit_of(&e[raw[i].entry], &raw[i], scope->lang);
			h.kind = SEARCH_OFFICE;
			h.item = o;
			if (!add_capped(r, scope, h))
				return false;
		}
		if (!office_hits(ix, o, SEARCH_WEB, &j, n, scope, r))
			return false;
	}
	return true;
}

size_t search_all(struct search_index *ix, const struct search_query *q,
		  const struct search_scope *scope, struct search_results *r)
{
	unsigned langs = ALL_LANGS;

	results_clear(r);
	if (scope->lang >= 0) {
		if ((size_t)scope->lang >= ix->c->lang_count)
			return 0;
		langs = 1u << scope->lang;
	}
	if (q->length == 0)
		return 0;
	search_index_build(ix);
	if (scope->sections)
		sections_all(ix, q, scope, langs, r);
	for (size_t g = 0; scope->offices && g < ix->c->region_count && !r->truncated; g++) {
		struct scan sc = index_scan(ix, ix->region_first[g], ix->region_first[g + 1]);
		sc.langs = langs;
		scan(&sc, q);
		if (!region_all(ix, g, scope, r))
			break;
	}
	return r->count;
}

size_t search_offices(struct search_index *ix, const struct search_query *q, size_t *out)
{
	const struct content *c = ix->c;
	size_t count = 0;

	if (q->length == 0)
		return 0;
	search_index_build(ix);
	memset(ix->marked, 0, c->office_count);
	for (size_t g = 0; g < c->region_count; g++) {
		const struct content_region *reg = &c->regions[g];
		struct scan sc = index_scan(ix, ix->region_first[g], ix->region_first[g + 1]);
		sc.max_field = SEARCH_REGION;
		sc.first_only = true;
		scan(&sc, q);
		for (size_t i = 0; i < ix->raw_count; i++) {
			const struct entry *e = &ix->entries[ix->raw[i].entry];
			if (e->kind == ENTRY_REGION)
				memset(ix->marked + reg->first_office, 1, reg->office_count);
			else
				ix->marked[e->item] = 1;
		}
	}
	for (size_t o = 0; o < c->office_count; o++)
		if (ix->marked[o])
			out[count++] = o;
	return count;
}

size_t search_text(const struct search_query *q, const char *s, size_t n, struct search_results *r)
{
	struct entry e = {.kind = SEARCH_TEXT, .field = SEARCH_BODY, .langs = ALL_LANGS, .lang = NO_LANG};
	struct fold_buf buf;
	struct raw *raw = NULL;
	size_t raw_count = 0, raw_capacity = 0;
	struct scan sc = {
		.buf = &buf, .entries = &e, .first = 0, .last = 1, .langs = ALL_LANGS,
		.max_field = SEARCH_WEB, .raw = &raw, .raw_count = &raw_count, .raw_capacity = &raw_capacity,
	};

	results_clear(r);
	fold_buf_init(&buf);
	fold_append(&buf, s, n, &e.span);
	scan(&sc, q);
	for (size_t i = 0; i < raw_count; i++)
		results_add(r, hit_of(&e, &raw[i], -1));
	free(raw);
	fold_buf_fini(&buf);
	return r->count;
}

const char *search_hit_string(const struct content *c, const struct search_hit *h)
{
	const struct content_office *o;

	if (h->kind == SEARCH_SECTION) {
		const struct content_section *s = &c->sections[h->item];
		return content_text_get(h->field == SEARCH_TITLE ? &s->title : &s->body, h->lang);
	}
	if (h->kind != SEARCH_OFFICE)
		return NULL;
	o = &c->offices[h->item];
	switch (h->field) {
	case SEARCH_NAME:
		return content_text_get(&o->name, h->lang);
	case SEARCH_CITY:
		return content_text_get(&o->city, h->lang);
	case SEARCH_COUNTRY:
		return content_text_get(&o->country, h->lang);
	case SEARCH_REGION:
		return content_text_get(&c->regions[o->region].name, h->lang);
	case SEARCH_ADDRESS:
		return o->address.lines[h->line];
	case SEARCH_POSTAL:
		return o->postal.lines[h->line];
	case SEARCH_PHONE:
		return o->phone;
	case SEARCH_FAX:
		return o->fax;
	case SEARCH_EMAIL:
		return o->email;
	case SEARCH_WEB:
		return o->web;
	default:
		return NULL;
	}
}
