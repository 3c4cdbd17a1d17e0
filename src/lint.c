/* Warnings about characters shown differently from how they are written. */
#include "lgma/lint.h"

#include <stdio.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "lgma/text.h"

/* One text to look at and how to name it in messages. */
struct lint_text {
	const char *file;
	struct content_pos pos;
	char what[160]; /* "body (ja)", "office 'bonn', fax" */
};

/* The file position of byte off of text. */
static void position_of(const char *text, size_t off, const struct content_pos *pos, unsigned *line,
			unsigned *column)
{
	const char *line_start = text;

	*line = pos->line > 0 ? pos->line : 1;
	*column = pos->column > 0 ? pos->column : 1;
	if (!pos->lines_exact)
		return;
	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n') {
			(*line)++;
			line_start = text + i + 1;
		}
	}
	*column = pos->column + (unsigned)u8_mbsnlen((const uint8_t *)line_start, (size_t)(text + off - line_start));
}

/* "U+1F468 U+200D U+1F469" for the characters of s[0..n). */
static void code_points(char *out, size_t size, const char *s, size_t n)
{
	size_t o = 0, shown = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && o + 16 < size;) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, (const uint8_t *)s + i, n - i);
		if (shown == 8) {
			snprintf(out + o, size - o, " ...");
			return;
		}
		if (len <= 0)
			o += (size_t)snprintf(out + o, size - o, "%sbyte 0x%02X", o ? " " : "", (unsigned char)s[i]);
		else
			o += (size_t)snprintf(out + o, size - o, "%sU+%04X", o ? " " : "", (unsigned)c);
		i += len > 0 ? (size_t)len : 1;
		shown++;
	}
}

static void warn_glyph(struct diag_list *diags, const struct lint_text *t, const char *text, size_t at,
		       size_t size, const struct text_glyph *g)
{
	char codes[128];
	unsigned line, column;
	ucs4_t first = 0;

	code_points(codes, sizeof(codes), text + at, size);
	position_of(text, at, &t->pos, &line, &column);
	u8_mbtoucr(&first, (const uint8_t *)text + at, size);
	if (g->flags & TEXT_GLYPH_EMOJI_SEQUENCE)
		diag_add(diags, DIAG_WARNING, t->file, line, column,
			 "%s: emoji sequence %s is shown as '%s' (terminals disagree on its width)", t->what, codes,
			 g->bytes);
	else if (g->flags & TEXT_GLYPH_CONTROL)
		diag_add(diags, DIAG_WARNING, t->file, line, column, "%s: control character %s is shown as '%s'",
			 t->what, codes, g->bytes);
	else if (g->size == 0)
		diag_add(diags, DIAG_WARNING, t->file, line, column, "%s: invisible %s %s is not shown", t->what,
			 uc_is_property_bidi_control(first) ? "bidi control" : "character", codes);
	else
		diag_add(diags, DIAG_WARNING, t->file, line, column, "%s: %s is shown as '%s'", t->what, codes,
			 g->bytes);
}

static void lint_text(struct diag_list *diags, const struct lint_text *t, const char *text, bool amb)
{
	size_t n = strlen(text), warned = 0;

	for (size_t i = 0; i < n;) {
		struct text_glyph g;
		size_t size;
		if (text[i] == '\n' || text[i] == '\t' || text[i] == '\r') {
			i++;
			continue;
		}
		size = text_glyph_next(text + i, n - i, amb, &g);
		/* line and paragraph separators become spaces: layout, like \n */
		if ((g.flags & TEXT_GLYPH_REPLACED) && !(g.size == 1 && g.bytes[0] == ' ')) {
			if (warned < LINT_MAX_PER_TEXT)
				warn_glyph(diags, t, text, i, size, &g);
			warned++;
		}
		i += size;
	}
	if (warned > LINT_MAX_PER_TEXT) {
		unsigned line, column;
		position_of(text, 0, &t->pos, &line, &column);
		diag_add(diags, DIAG_WARNING, t->file, line, column, "%s: %zu more characters are shown differently",
			 t->what, warned - LINT_MAX_PER_TEXT);
	}
}

/* Each language's text once: a plain string serves every language. */
static void lint_localised(struct diag_list *diags, const struct content *c, const struct content_text *text,
			   const struct content_pos *pos, struct lint_text *t, const char *field, bool amb)
{
	for (size_t lang = 0; lang < c->lang_count; lang++) {
		bool seen = false, shared = true;
		if (!(text->native & (1u << lang)) || text->by_lang[lang] == NULL)
			continue;
		for (size_t k = 0; k < c->lang_count; k++) {
			bool same = (text->native & (1u << k)) && text->by_lang[k] == text->by_lang[lang];
			seen = seen || (k < lang && same);
			shared = shared && same;
		}
		if (seen)
			continue;
		if (pos != NULL)
			t->pos = pos[lang];
		if (shared)
			snprintf(t->what, sizeof(t->what), "%s", field);
		else
			snprintf(t->what, sizeof(t->what), "%s (%s)", field, c->langs[lang]);
		lint_text(diags, t, text->by_lang[lang], amb);
	}
}

static void lint_office(struct diag_list *diags, const struct content *c, const struct content_office *o,
			bool amb)
{
	struct lint_text t = {.file = c->offices_file, .pos = {o->line, o->column, false}};
	char field[96];
	const char *const plain[] = {o->phone, o->fax, o->email, o->web};
	static const char *const plain_names[] = {"phone", "fax", "email", "web"};
	const struct content_text *localised[] = {&o->name, &o->city, &o->country};
	static const char *const localised_names[] = {"name", "city", "country"};

	for (size_t i = 0; i < 3; i++) {
		snprintf(field, sizeof(field), "office '%s', %s", o->id, localised_names[i]);
		lint_localised(diags, c, localised[i], NULL, &t, field, amb);
	}
	for (size_t i = 0; i < o->address.count + o->postal.count; i++) {
		bool postal = i >= o->address.count;
		snprintf(t.what, sizeof(t.what), "office '%s', %s line %zu", o->id, postal ? "postal" : "address",
			 (postal ? i - o->address.count : i) + 1);
		lint_text(diags, &t, postal ? o->postal.lines[i - o->address.count] : o->address.lines[i], amb);
	}
	for (size_t i = 0; i < 4; i++) {
		if (plain[i] == NULL)
			continue;
		snprintf(t.what, sizeof(t.what), "office '%s', %s", o->id, plain_names[i]);
		lint_text(diags, &t, plain[i], amb);
	}
}

void lint_content(const struct content *c, bool ambiguous_wide, struct diag_list *diags)
{
	for (size_t i = 0; i < c->section_count; i++) {
		const struct content_section *s = &c->sections[i];
		struct lint_text t = {.file = s->file};
		lint_localised(diags, c, &s->title, s->title_pos, &t, "title", ambiguous_wide);
		lint_localised(diags, c, &s->body, s->body_pos, &t, "body", ambiguous_wide);
	}
	for (size_t i = 0; i < c->office_count; i++)
		lint_office(diags, c, &c->offices[i], ambiguous_wide);
}
