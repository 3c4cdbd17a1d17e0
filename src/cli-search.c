/* lgma --search QUERY: every match, one per line.
 *
 *   SECTION-ID<TAB>LINE<TAB>SNIPPET
 *   offices/OFFICE-ID<TAB>LINE<TAB>SNIPPET
 *
 * and, with --lang all, a fourth column: the language code of the text (or
 * "-" for an office field that is the same in every language).
 *
 * LINE is 1-based. For a section, it is the line of `lgma --dump SECTION-ID
 * --width W` (in the match's language) that shows the match's first
 * character: the dump is the title laid out, a blank line, then the body
 * laid out. For an office, it is the line of the field on the office's card,
 * whose lines are: name, city, country, region, each address line, each
 * postal line, phone, fax, e-mail, web (absent fields take no line).
 *
 * SNIPPET is about SNIPPET_COLS columns of display-safe text around the
 * match, the match between "[[" and "]]" (search.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lgma/layout.h"
#include "lgma/search.h"

enum { SNIPPET_COLS = 60 };

/* The lines of one section's dump in one language, kept while the hits of
 * that section and language are printed. */
struct dump_lines {
	size_t section, lang;
	struct layout *title, *body;
	bool valid;
};

static void dump_lines_drop(struct dump_lines *d)
{
	layout_free(d->title);
	layout_free(d->body);
	memset(d, 0, sizeof(*d));
}

static size_t section_line(const struct content *c, const struct search_hit *h,
			   const struct layout_options *opt, struct dump_lines *d)
{
	const struct content_section *s = &c->sections[h->item];

	if (!d->valid || d->section != h->item || d->lang != h->lang) {
		const char *title = content_text_get(&s->title, h->lang);
		const char *body = content_text_get(&s->body, h->lang);
		dump_lines_drop(d);
		d->title = layout_new(title, strlen(title), opt);
		d->body = layout_new(body, strlen(body), opt);
		d->section = h->item;
		d->lang = h->lang;
		d->valid = true;
	}
	if (h->field == SEARCH_TITLE)
		return layout_line_at(d->title, h->start) + 1;
	return layout_line_count(d->title) + 1 + layout_line_at(d->body, h->start) + 1;
}

static size_t text_lines(const struct content_text *t, size_t lang)
{
	return content_text_get(t, lang) != NULL;
}

static size_t office_line(const struct content *c, const struct search_hit *h)
{
	const struct content_office *o = &c->offices[h->item];
	/* Localised fields are present in every language or in none. */
	size_t before[] = {
		[SEARCH_NAME] = 0,
		[SEARCH_CITY] = 1,
		[SEARCH_COUNTRY] = 1 + text_lines(&o->city, 0),
		[SEARCH_REGION] = 1 + text_lines(&o->city, 0) + text_lines(&o->country, 0),
	};
	size_t line;

	if (h->field <= SEARCH_REGION)
		return before[h->field] + 1;
	line = before[SEARCH_REGION] + 1; /* through the region line */
	if (h->field == SEARCH_ADDRESS)
		return line + h->line + 1;
	line += o->address.count;
	if (h->field == SEARCH_POSTAL)
		return line + h->line + 1;
	line += o->postal.count;
	if (h->field == SEARCH_PHONE)
		return line + 1;
	line += o->phone != NULL;
	if (h->field == SEARCH_FAX)
		return line + 1;
	line += o->fax != NULL;
	if (h->field == SEARCH_EMAIL)
		return line + 1;
	line += o->email != NULL;
	return line + 1;
}

static void print_hit(const struct content *c, const struct search_hit *h, bool all_langs,
		      const struct cli_options *opt, struct dump_lines *d)
{
	/* The dump's layout, so that LINE is the dump's line. */
	const struct layout_options layout = {.width = opt->width, .ambiguous_wide = opt->ambiguous_wide};
	const char *s = search_hit_string(c, h);
	char *snippet = search_snippet(s, strlen(s), h->start, h->end, SNIPPET_COLS, opt->ambiguous_wide);

	if (h->kind == SEARCH_SECTION)
		printf("%s\t%zu\t%s", c->sections[h->item].id, section_line(c, h, &layout, d), snippet);
	else
		printf("offices/%s\t%zu\t%s", c->offices[h->item].id, office_line(c, h), snippet);
	if (all_langs)
		printf("\t%s", h->lang == SEARCH_NO_LANG ? "-" : c->langs[h->lang]);
	putchar('\n');
	free(snippet);
}

int cli_search(const struct cli_options *opt)
{
	bool all_langs = opt->lang != NULL && strcmp(opt->lang, "all") == 0;
	struct cli_options load = *opt;
	struct search_scope scope = {.sections = true, .offices = true};
	struct dump_lines d = {0};
	struct search_results r;
	struct search_index *ix;
	struct search_query *q;
	struct content *c;
	int lang, status;
	size_t found;

	if (all_langs)
		load.lang = NULL;
	if ((c = cli_load(&load, &lang, &status)) == NULL)
		return status;
	scope.lang = all_langs ? SEARCH_ALL_LANGS : lang;
	q = search_query_new(opt->search, strlen(opt->search));
	ix = search_index_new(c);
	search_results_init(&r);
	found = search_all(ix, q, &scope, &r);
	for (size_t i = 0; i < found; i++)
		print_hit(c, &r.hits[i], all_langs, opt, &d);
	dump_lines_drop(&d);
	search_results_fini(&r);
	search_index_free(ix);
	search_query_free(q);
	content_free(c);
	return found > 0 ? EXIT_SUCCESS : EXIT_CONTENT;
}
