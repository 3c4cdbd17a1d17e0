#include "lgma/content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/diag.h"
#include "lgma/geo.h"
#include "lgma/xalloc.h"

struct content *content_new(void)
{
	struct content *c = xcalloc(1, sizeof(*c));

	arena_init(&c->arena);
	return c;
}

/* A land file not read yet. Allocated apart from the model so that the
 * first content_land can fill it in through a const model. */
struct content_land_later {
	char *dir; /* the content directory */
	bool tried, reported;
	struct geo_land *land;
	struct diag_list diags; /* what reading it found */
};

void content_defer_land(struct content *c, const char *dir)
{
	c->land_later = xcalloc(1, sizeof(*c->land_later));
	c->land_later->dir = xstrdup(dir);
	diag_init(&c->land_later->diags);
}

const struct geo_land *content_land(const struct content *c)
{
	struct content_land_later *later = c->land_later;

	if (later == NULL)
		return c->land;
	if (!later->tried) {
		later->tried = true;
		later->land = geo_land_load(later->dir, &later->diags);
	}
	return later->land;
}

const struct diag_list *content_land_unreported(const struct content *c)
{
	struct content_land_later *later = c->land_later;

	if (later == NULL || !later->tried || later->reported || later->diags.count == 0)
		return NULL;
	later->reported = true;
	return &later->diags;
}

void content_free(struct content *c)
{
	if (c == NULL)
		return;
	geo_land_free(c->land);
	if (c->land_later != NULL) {
		geo_land_free(c->land_later->land);
		diag_fini(&c->land_later->diags);
		free(c->land_later->dir);
		free(c->land_later);
	}
	arena_fini(&c->arena);
	free(c->sections);
	free(c->regions);
	free(c->offices);
	free(c);
}

int content_lang_index(const struct content *c, const char *code)
{
	for (size_t i = 0; i < c->lang_count; i++)
		if (strcmp(c->langs[i], code) == 0)
			return (int)i;
	return -1;
}

const char *content_text_get(const struct content_text *t, size_t lang)
{
	if (lang >= CONTENT_MAX_LANGS)
		return NULL;
	return t->by_lang[lang];
}

long content_section_index(const struct content *c, const char *id)
{
	for (size_t i = 0; i < c->section_count; i++)
		if (strcmp(c->sections[i].id, id) == 0)
			return (long)i;
	return -1;
}

const struct content_section *content_find_section(const struct content *c, const char *id)
{
	long i = content_section_index(c, id);

	return i < 0 ? NULL : &c->sections[i];
}

/* "ja_JP.UTF-8" -> "ja"; "pt_BR" -> tries "pt-BR" then "pt". */
static int locale_lang(const struct content *c, const char *locale)
{
	char code[16];
	size_t n = strcspn(locale, "_.@");
	int i;

	if (n == 0 || n >= sizeof(code) || strcmp(locale, "C") == 0 || strcmp(locale, "POSIX") == 0)
		return -1;
	memcpy(code, locale, n);
	code[n] = '\0';
	if (locale[n] == '_') {
		size_t m = strcspn(locale + n + 1, ".@");
		if (n + 1 + m < sizeof(code)) {
			char full[32];
			snprintf(full, sizeof(full), "%s-%.*s", code, (int)m, locale + n + 1);
			if ((i = content_lang_index(c, full)) >= 0)
				return i;
		}
	}
	return content_lang_index(c, code);
}

int content_pick_lang(const struct content *c, const char *requested, const char *locale)
{
	int i;

	if (requested != NULL)
		return content_lang_index(c, requested);
	if (locale != NULL && (i = locale_lang(c, locale)) >= 0)
		return i;
	return 0;
}
