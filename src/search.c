/* Searching the index (layout: search-index.h) and any string. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "lgma/memfind.h"
#include "lgma/xalloc.h"
#include "search-index.h"

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

/* ---- matching ---- */

struct scan {
	const struct fold_buf *buf;
	const struct entry *entries;
	size_t first, last;  /* entries [first, last) */
	unsigned langs;	     /* accept entries showing one of these languages */
	uint8_t max_field;   /* accept entries of fields up to this one */
	bool first_only;     /* one match per entry is enough */
	bool skip_alias;     /* skip fallback copies (searching all languages) */
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
	return (e->langs & sc->langs) && e->field <= sc->max_field && !(sc->skip_alias && e->alias);
}

/* Whether the 4 bytes at p (readable) are a regional indicator, all of
 * which take 4 bytes. Every match is asked twice: most end at once on the
 * first byte, which a 4-byte character alone starts with 0xF0. */
static bool is_indicator(const char *p)
{
	ucs4_t c;

	return (unsigned char)p[0] == 0xF0 && u8_mbtoucr(&c, (const uint8_t *)p, 4) == 4 &&
	       uc_is_property_regional_indicator(c);
}

/* True when folded offset off of the text [from, to) falls between the two
 * regional indicators of a flag: indicators on both sides, and an odd
 * number of them running up to it. Flags fold to themselves, so "🇯🇵" is
 * found inside "🇺🇯🇵🇸" (two flags), which shows no Japanese flag. */
static bool splits_flag(const char *text, size_t from, size_t to, size_t off)
{
	size_t count = 0;

	if (off + 4 > to || !is_indicator(text + off))
		return false;
	while (off - from >= 4 && is_indicator(text + off - 4)) {
		count++;
		off -= 4;
	}
	return count % 2 == 1;
}

/* Appends the matches of q in entries [first, last) to *raw: one pass over
 * their folded text, which lies in one piece. */
static void scan(const struct scan *sc, const struct search_query *q)
{
	const struct entry *e = sc->entries;
	const char *text = sc->buf->text;
	size_t at, end, cur = sc->first, before = *sc->raw_count;

	if (q->length == 0 || sc->first >= sc->last)
		return;
	at = e[sc->first].span.text;
	end = e[sc->last - 1].span.text + e[sc->last - 1].span.length;
	while (at < end) {
		const char *hit = memfind(text + at, end - at, q->folded, q->length);
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
		size_t from = e[cur].span.text, to = from + e[cur].span.length;
		if (splits_flag(text, from, to, off) || splits_flag(text, from, to, off + q->length)) {
			at = off + 1;
			continue;
		}
		fold_to_orig(sc->buf, &e[cur].span, off - e[cur].span.text,
			     off - e[cur].span.text + q->length, &os, &oe);
		raw_add(sc, cur, os, oe);
		if (sc->limit && *sc->raw_count - before > sc->limit)
			break;
		at = sc->first_only ? e[cur].span.text + e[cur].span.length + 1 : off + q->length;
	}
}

static struct scan index_scan(struct search_index *ix, size_t first, size_t last)
{
	return (struct scan){
		.buf = &ix->buf, .entries = ix->entries, .first = first, .last = last,
		.langs = ENTRY_ALL_LANGS, .max_field = SEARCH_WEB,
		.raw = &ix->raw, .raw_count = &ix->raw_count, .raw_capacity = &ix->raw_capacity,
	};
}

static struct search_hit hit_of(const struct entry *e, const struct raw *raw, int scope_lang)
{
	struct search_hit h = {
		.kind = (enum search_kind)e->kind, .field = (enum search_field)e->field,
		.item = e->item, .line = e->line, .start = raw->start, .end = raw->end,
	};

	if (e->lang == ENTRY_NO_LANG)
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
	ix->raw_count = 0;
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

/* One language: its part of the text, in order. */
static void sections_one(struct search_index *ix, const struct search_query *q,
			 const struct search_scope *scope, struct search_results *r)
{
	size_t l = (size_t)scope->lang;
	struct scan sc = index_scan(ix, ix->part_first[l], ix->part_first[l + 1]);

	sc.limit = scope->max_hits;
	ix->raw_count = 0;
	scan(&sc, q);
	for (size_t i = 0; i < ix->raw_count; i++)
		if (!add_capped(r, scope, hit_of(&ix->entries[ix->raw[i].entry], &ix->raw[i], scope->lang)))
			return;
}

/* All languages: every part (fallback copies skipped), merged into section
 * order; each part holds at most max_hits + 1 matches, and so the first
 * max_hits of the merge are right. */
static void sections_every(struct search_index *ix, const struct search_query *q,
			   const struct search_scope *scope, struct search_results *r)
{
	size_t langs = ix->c->lang_count, next[CONTENT_MAX_LANGS], end[CONTENT_MAX_LANGS];

	ix->raw_count = 0;
	for (size_t l = 0; l < langs; l++) {
		struct scan sc = index_scan(ix, ix->part_first[l], ix->part_first[l + 1]);
		sc.limit = scope->max_hits;
		sc.skip_alias = true;
		next[l] = ix->raw_count;
		scan(&sc, q);
		end[l] = ix->raw_count;
	}
	for (;;) {
		size_t best = langs;
		for (size_t l = 0; l < langs; l++)
			if (next[l] < end[l] &&
			    (best == langs || ix->entries[ix->raw[next[l]].entry].item <
						      ix->entries[ix->raw[next[best]].entry].item))
				best = l;
		if (best == langs)
			return;
		const struct raw *raw = &ix->raw[next[best]++];
		if (!add_capped(r, scope, hit_of(&ix->entries[raw->entry], raw, scope->lang)))
			return;
	}
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
	unsigned langs = ENTRY_ALL_LANGS;

	results_clear(r);
	if (scope->lang >= 0) {
		if ((size_t)scope->lang >= ix->c->lang_count)
			return 0;
		langs = 1u << scope->lang;
	}
	if (q->length == 0)
		return 0;
	search_index_build(ix);
	if (scope->sections && scope->lang >= 0)
		sections_one(ix, q, scope, r);
	else if (scope->sections)
		sections_every(ix, q, scope, r);
	for (size_t g = 0; scope->offices && g < ix->c->region_count && !r->truncated; g++) {
		struct scan sc = index_scan(ix, ix->region_first[g], ix->region_first[g + 1]);
		sc.langs = langs;
		ix->raw_count = 0;
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
		ix->raw_count = 0;
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
	struct entry e = {
		.kind = SEARCH_TEXT, .field = SEARCH_BODY, .langs = ENTRY_ALL_LANGS, .lang = ENTRY_NO_LANG,
	};
	struct fold_buf buf;
	struct raw *raw = NULL;
	size_t raw_count = 0, raw_capacity = 0;
	struct scan sc = {
		.buf = &buf, .entries = &e, .first = 0, .last = 1, .langs = ENTRY_ALL_LANGS,
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
