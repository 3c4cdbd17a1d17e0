/* lgma --dump: sections or the office directory as plain laid-out text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "lgma/layout.h"
#include "lgma/load.h"
#include "lgma/text.h"
#include "lgma/xalloc.h"

/* The words --dump adds to the office directory. */
struct labels {
	const char *phone, *fax, *email, *web, *postal;
	const char *separator; /* between a label and its value */
	/* after a region name: open, the number of offices, one or many */
	const char *count_open, *count_one, *count_many;
};

static const struct labels labels_ja = {
	"電話", "ファクス", "メール", "ウェブ", "郵送先", "：", "（", "件）", "件）",
};

static const struct labels labels_en = {
	"Phone", "Fax", "E-mail", "Web", "Postal address", ": ", " (", " office)", " offices)",
};

struct dump {
	const struct content *c;
	size_t lang;
	struct layout_options layout;
	const struct labels *labels;
};

static void print_text(const struct dump *d, const char *text)
{
	struct layout *l = layout_new(text, strlen(text), &d->layout);

	for (size_t i = 0; i < layout_line_count(l); i++) {
		const struct layout_line *line = layout_line(l, i);
		printf("%*s", line->indent, "");
		fwrite(line->text, 1, line->length, stdout);
		putchar('\n');
	}
	layout_free(l);
}

static void print_labelled(const struct dump *d, const char *label, const char *value)
{
	size_t n = strlen(label) + strlen(d->labels->separator) + strlen(value) + 1;
	char *line = xmalloc(n);

	snprintf(line, n, "%s%s%s", label, d->labels->separator, value);
	print_text(d, line);
	free(line);
}

static void dump_section(const struct dump *d, const struct content_section *s)
{
	print_text(d, content_text_get(&s->title, d->lang));
	putchar('\n');
	print_text(d, content_text_get(&s->body, d->lang));
}

static void dump_office(const struct dump *d, const struct content_office *o)
{
	const struct labels *lb = d->labels;

	print_text(d, content_text_get(&o->name, d->lang));
	for (size_t i = 0; i < o->address.count; i++)
		print_text(d, o->address.lines[i]);
	if (o->postal.count > 0) {
		print_labelled(d, lb->postal, "");
		for (size_t i = 0; i < o->postal.count; i++)
			print_text(d, o->postal.lines[i]);
	}
	if (o->phone != NULL)
		print_labelled(d, lb->phone, o->phone);
	if (o->fax != NULL)
		print_labelled(d, lb->fax, o->fax);
	if (o->email != NULL)
		print_labelled(d, lb->email, o->email);
	if (o->web != NULL)
		print_labelled(d, lb->web, o->web);
}

static void dump_offices(const struct dump *d)
{
	const struct content *c = d->c;

	for (size_t r = 0; r < c->region_count; r++) {
		const struct content_region *region = &c->regions[r];
		const char *name = content_text_get(&region->name, d->lang);
		const char *unit = region->office_count == 1 ? d->labels->count_one : d->labels->count_many;
		size_t n = strlen(name) + strlen(d->labels->count_open) + strlen(unit) + 32;
		char *heading = xmalloc(n);

		if (r > 0)
			putchar('\n');
		snprintf(heading, n, "%s%s%zu%s", name, d->labels->count_open, region->office_count, unit);
		print_text(d, heading);
		free(heading);
		for (size_t i = 0; i < region->office_count; i++) {
			putchar('\n');
			dump_office(d, &c->offices[region->first_office + i]);
		}
	}
}

static void list_ids(const struct content *c)
{
	fputs("lgma: valid ids:", stderr);
	for (size_t i = 0; i < c->section_count; i++)
		fprintf(stderr, " %s", c->sections[i].id);
	fputs(" offices all\n", stderr);
}

static int unknown_id(const struct content *c, const char *id)
{
	char *safe = text_sanitize(id, strlen(id), false, NULL);

	fprintf(stderr, "lgma: no section '%s'\n", safe);
	free(safe);
	list_ids(c);
	return EXIT_USAGE;
}

static int dump(const struct dump *d, const char *id)
{
	const struct content *c = d->c;
	const struct content_section *s;

	if (strcmp(id, "all") == 0) {
		for (size_t i = 0; i < c->section_count; i++) {
			if (i > 0)
				putchar('\n');
			dump_section(d, &c->sections[i]);
		}
	} else if (strcmp(id, "offices") == 0) {
		dump_offices(d);
	} else if ((s = content_find_section(c, id)) != NULL) {
		dump_section(d, s);
	} else {
		return unknown_id(c, id);
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("lgma: writing the output");
		return EXIT_FAILURE;
	}
	return EXIT_SUCCESS;
}

int cli_dump(const struct cli_options *opt)
{
	struct dump d = {0};
	struct content *c;
	int lang, status;

	if ((c = cli_load(opt, &lang, &status)) == NULL)
		return status;
	d.c = c;
	d.lang = (size_t)lang;
	d.layout = (struct layout_options){.width = opt->width, .ambiguous_wide = opt->ambiguous_wide};
	d.labels = strcmp(c->langs[lang], "ja") == 0 ? &labels_ja : &labels_en;
	status = dump(&d, opt->dump != NULL ? opt->dump : "all");
	content_free(c);
	return status;
}
