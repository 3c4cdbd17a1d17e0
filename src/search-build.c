/* Building the search index (layout: search-index.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/xalloc.h"
#include "search-index.h"

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

size_t search_index_memory(const struct search_index *ix)
{
	const struct content *c = ix->c;
	size_t m = sizeof(*ix) + fold_buf_memory(&ix->buf) + ix->entry_capacity * sizeof(struct entry) +
		   ix->raw_capacity * sizeof(struct raw);

	if (ix->built)
		m += (c->section_count * c->lang_count * 2 + 1) * sizeof(size_t) +
		     (c->region_count + 1) * sizeof(size_t) + c->office_count + 1;
	return m;
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

/* Of the languages showing the same string as language l, the one to
 * report: the first that was written so, else the first. */
static size_t owner(const struct content_text *t, size_t langs, size_t l)
{
	size_t first = l;

	for (size_t k = 0; k < langs; k++) {
		if (t->by_lang[k] != t->by_lang[l])
			continue;
		if (t->native & (1u << k))
			return k;
		if (k < first)
			first = k;
	}
	return first;
}

/* Section text of language l, into part l; SIZE_MAX when absent. */
static size_t add_section_text(struct search_index *ix, const struct content_text *t, size_t l,
			       uint8_t field, size_t s)
{
	if (t->by_lang[l] == NULL)
		return SIZE_MAX;
	return add_entry(ix, t->by_lang[l], &(struct entry){
		.item = (uint32_t)s, .kind = SEARCH_SECTION, .field = field,
		.langs = (uint16_t)(1u << l), .lang = (uint8_t)l,
		.alias = owner(t, ix->c->lang_count, l) != l,
	});
}

static void add_sections(struct search_index *ix)
{
	const struct content *c = ix->c;
	size_t langs = c->lang_count;

	ix->section_entry = xcalloc(c->section_count * langs * 2 + 1, sizeof(size_t));
	for (size_t l = 0; l < langs; l++) {
		ix->part_first[l] = ix->entry_count;
		for (size_t s = 0; s < c->section_count; s++) {
			size_t *slot = &ix->section_entry[(s * langs + l) * 2];
			slot[0] = add_section_text(ix, &c->sections[s].title, l, SEARCH_TITLE, s);
			slot[1] = add_section_text(ix, &c->sections[s].body, l, SEARCH_BODY, s);
		}
	}
	for (size_t l = langs; l <= CONTENT_MAX_LANGS; l++)
		ix->part_first[l] = ix->entry_count;
}

/* Each distinct string of t once, serving every language that shows it. */
static void add_text(struct search_index *ix, const struct content_text *t, uint8_t kind,
		     uint8_t field, size_t item)
{
	size_t langs = ix->c->lang_count;

	for (size_t l = 0; l < langs; l++) {
		uint16_t mask = 0;
		if (t->by_lang[l] == NULL || owner(t, langs, l) != l)
			continue;
		for (size_t k = 0; k < langs; k++)
			if (t->by_lang[k] == t->by_lang[l])
				mask |= (uint16_t)(1u << k);
		add_entry(ix, t->by_lang[l], &(struct entry){
			.item = (uint32_t)item, .kind = kind, .field = field,
			.langs = mask, .lang = (uint8_t)l,
		});
	}
}

static void add_plain(struct search_index *ix, const char *s, uint8_t field, size_t office, size_t line)
{
	if (s == NULL)
		return;
	add_entry(ix, s, &(struct entry){
		.item = (uint32_t)office, .langs = ENTRY_ALL_LANGS, .kind = SEARCH_OFFICE,
		.field = field, .line = (uint8_t)line, .lang = ENTRY_NO_LANG,
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

static void add_regions(struct search_index *ix)
{
	const struct content *c = ix->c;

	ix->region_first = xcalloc(c->region_count + 1, sizeof(size_t));
	for (size_t r = 0; r < c->region_count; r++) {
		const struct content_region *reg = &c->regions[r];
		ix->region_first[r] = ix->entry_count;
		add_text(ix, &reg->name, ENTRY_REGION, SEARCH_REGION, r);
		for (size_t o = reg->first_office; o < reg->first_office + reg->office_count; o++)
			add_office(ix, o);
	}
	ix->region_first[c->region_count] = ix->entry_count;
}

void search_index_build(struct search_index *ix)
{
	if (ix->built)
		return;
	ix->built = true;
	add_sections(ix);
	add_regions(ix);
	ix->marked = xcalloc(ix->c->office_count + 1, 1);
	/* Built once, never grown again. */
	fold_buf_shrink(&ix->buf);
	if (ix->entry_count > 0) {
		ix->entries = xreallocarray(ix->entries, ix->entry_count, sizeof(ix->entries[0]));
		ix->entry_capacity = ix->entry_count;
	}
}
