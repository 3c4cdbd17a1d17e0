/* Fuzz target: the loader, one input = one content directory, and the
 * browser on whatever loads.
 *
 * Input: files separated by lines that are exactly "%%": the first piece is
 * site.yaml, the last (when there are three or more) offices.yaml, and
 * those between are sections/01-s.yaml, sections/02-s.yaml, ... (at most
 * MAX_PIECES pieces; further separators are content of the last). The
 * files go through load_content_files, the loader's in-memory entry.
 *
 * Asserted: every diagnostic names a given file (or sections/), at a line
 * that exists, with a printable message; a model that loads keeps content.h's
 * promises; and the app paints it at several sizes, opening every section
 * in both languages and side by side, on canvases that keep canvas.h's. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "fuzz.h"
#include "lgma/app.h"
#include "lgma/load.h"

enum { MAX_PIECES = 10 };

struct input {
	struct load_file files[MAX_PIECES];
	char names[MAX_PIECES][64];
	size_t count;
};

static bool is_separator(const uint8_t *line, size_t len)
{
	return len == 2 && line[0] == '%' && line[1] == '%';
}

static void split(struct input *in, const uint8_t *data, size_t size)
{
	size_t start = 0, line = 0;

	in->count = 0;
	while (line <= size) {
		const uint8_t *nl = line < size ? memchr(data + line, '\n', size - line) : NULL;
		size_t end = nl != NULL ? (size_t)(nl - data) : size;
		if (is_separator(data + line, end - line) && in->count + 1 < MAX_PIECES) {
			/* The piece ends before the separator line. */
			in->files[in->count].bytes = (const char *)data + start;
			in->files[in->count].size = line - start;
			in->count++;
			start = nl != NULL ? end + 1 : size;
		}
		if (nl == NULL)
			break;
		line = end + 1;
	}
	in->files[in->count].bytes = (const char *)data + start;
	in->files[in->count].size = size - start;
	in->count++;
	for (size_t i = 0; i < in->count; i++) {
		if (i == 0)
			snprintf(in->names[i], sizeof(in->names[i]), "site.yaml");
		else if (i == in->count - 1 && in->count >= 3)
			snprintf(in->names[i], sizeof(in->names[i]), "offices.yaml");
		else
			snprintf(in->names[i], sizeof(in->names[i]), "sections/%02zu-s.yaml", i);
		in->files[i].name = in->names[i];
	}
}

/* Lines as YAML counts them: CR LF, CR, LF, NEL, LS and PS end a line. */
static size_t line_count(const struct load_file *f)
{
	const uint8_t *s = (const uint8_t *)f->bytes;
	size_t lines = 1;

	for (size_t i = 0; i < f->size; i++) {
		if (s[i] == '\r' && i + 1 < f->size && s[i + 1] == '\n')
			i++;
		if (s[i] == '\r' || s[i] == '\n' || (s[i] == 0xC2 && i + 1 < f->size && s[i + 1] == 0x85) ||
		    (s[i] == 0xE2 && i + 2 < f->size && s[i + 1] == 0x80 && (s[i + 2] & 0xFE) == 0xA8))
			lines++;
	}
	return lines;
}

static void check_printable(const char *s, const char *what)
{
	const uint8_t *u = (const uint8_t *)s;
	size_t n = strlen(s);

	FUZZ_CHECK(u8_check(u, n) == NULL, "%s: invalid UTF-8: %s", what, s);
	for (size_t i = 0; i < n; i++)
		FUZZ_CHECK(u[i] >= 0x20 && u[i] != 0x7f, "%s: control byte 0x%02X: %s", what, u[i], s);
}

static void check_diags(const struct input *in, const struct diag_list *diags)
{
	for (size_t i = 0; i < diags->count; i++) {
		const struct diag *d = &diags->items[i];
		size_t lines = 1;
		bool known = strcmp(d->file, "sections") == 0;

		for (size_t f = 0; f < in->count; f++)
			if (strcmp(d->file, in->names[f]) == 0) {
				known = true;
				lines = line_count(&in->files[f]);
			}
		FUZZ_CHECK(known, "diagnostic for a file not given: %s", d->file);
		FUZZ_CHECK(d->line >= 1 && d->line <= lines && d->column >= 1,
			   "%s:%u:%u: outside the file's %zu lines: %s", d->file, d->line, d->column, lines,
			   d->message);
		check_printable(d->message, "message");
	}
	FUZZ_CHECK(diags->count <= DIAG_MAX_KEPT, "%zu diagnostics kept", diags->count);
}

static void check_text(const struct content *c, const struct content_text *t, bool optional, const char *what)
{
	bool absent = t->by_lang[0] == NULL;

	FUZZ_CHECK(optional || !absent, "%s: no text", what);
	for (size_t l = 0; l < c->lang_count; l++) {
		FUZZ_CHECK((t->by_lang[l] == NULL) == absent, "%s: language %zu missing", what, l);
		if (!absent)
			FUZZ_CHECK(u8_check((const uint8_t *)t->by_lang[l], strlen(t->by_lang[l])) == NULL,
				   "%s: invalid UTF-8", what);
	}
}

static void check_model(const struct content *c)
{
	size_t next = 0;

	FUZZ_CHECK(c->lang_count >= 1 && c->lang_count <= CONTENT_MAX_LANGS, "%zu languages", c->lang_count);
	check_text(c, &c->title, false, "site title");
	check_text(c, &c->language_names, true, "language names");
	FUZZ_CHECK(c->section_count >= 1 && c->section_count <= CONTENT_MAX_SECTIONS, "%zu sections",
		   c->section_count);
	for (size_t i = 0; i < c->section_count; i++) {
		check_text(c, &c->sections[i].title, false, "section title");
		check_text(c, &c->sections[i].body, false, "section body");
	}
	FUZZ_CHECK(c->region_count <= CONTENT_MAX_REGIONS, "%zu regions", c->region_count);
	for (size_t r = 0; r < c->region_count; r++) {
		const struct content_region *region = &c->regions[r];
		FUZZ_CHECK(region->first_office == next, "region %zu starts at %zu, not %zu", r,
			   region->first_office, next);
		next += region->office_count;
		for (size_t o = region->first_office; o < next && o < c->office_count; o++)
			FUZZ_CHECK(c->offices[o].region == r, "office %zu in region %zu", o, r);
	}
	FUZZ_CHECK(next == c->office_count, "regions hold %zu of %zu offices", next, c->office_count);
	for (size_t o = 0; o < c->office_count; o++) {
		const struct content_office *office = &c->offices[o];
		FUZZ_CHECK(isfinite(office->lat) && fabs(office->lat) <= 90, "lat %g", office->lat);
		FUZZ_CHECK(isfinite(office->lon) && fabs(office->lon) <= 180, "lon %g", office->lon);
		FUZZ_CHECK(office->address.count <= CONTENT_MAX_LINES, "%zu address lines", office->address.count);
		FUZZ_CHECK(office->postal.count <= CONTENT_MAX_LINES, "%zu postal lines", office->postal.count);
		check_text(c, &office->name, false, "office name");
		check_text(c, &office->city, true, "office city");
		check_text(c, &office->country, true, "office country");
	}
}

static void paint(struct app *app, struct canvas *canvas)
{
	app_paint(app, canvas);
	fuzz_check_canvas(canvas);
}

static void key(struct app *app, struct canvas *canvas, enum app_key k, uint32_t ch)
{
	struct app_event ev = {.key = k, .ch = ch};

	app_input(app, &ev);
	paint(app, canvas);
}

static void resize(struct app *app, struct canvas *canvas, int rows, int cols)
{
	canvas_resize(canvas, rows, cols);
	app_resize(app, rows, cols);
	paint(app, canvas);
}

/* The browser on the loaded content: every entry, both ends, the next
 * language and the bilingual view, wide and narrow. */
static void browse(const struct content *c, bool ambiguous_wide)
{
	struct app_config cfg = {.ambiguous_wide = ambiguous_wide};
	struct app *app = app_new(c, &cfg);
	struct canvas canvas;
	size_t entries = c->section_count + (c->office_count > 0);

	canvas_init(&canvas, 24, 80, ambiguous_wide);
	resize(app, &canvas, 24, 80);
	for (size_t e = 0; e < entries && e < 9; e++) {
		key(app, &canvas, APP_KEY_CHAR, (uint32_t)('1' + e));
		key(app, &canvas, APP_KEY_END, 0);
		key(app, &canvas, APP_KEY_CHAR, 'L');
		key(app, &canvas, APP_KEY_CHAR, 'B');
		resize(app, &canvas, 30, 140);
		key(app, &canvas, APP_KEY_PAGE_UP, 0);
		resize(app, &canvas, 5, 21);
		key(app, &canvas, APP_KEY_CHAR, 'B');
		key(app, &canvas, APP_KEY_ESCAPE, 0);
		resize(app, &canvas, 24, 80);
	}
	key(app, &canvas, APP_KEY_END, 0);
	app_free(app);
	canvas_fini(&canvas);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in;
	struct diag_list diags;
	struct content *c;

	split(&in, data, size);
	diag_init(&diags);
	c = load_content_files(in.files, in.count, &diags);
	check_diags(&in, &diags);
	FUZZ_CHECK((c == NULL) == (diags.errors > 0), "loaded with %zu errors", diags.errors);
	if (c != NULL) {
		check_model(c);
		browse(c, size % 2 == 1);
	}
	content_free(c);
	diag_fini(&diags);
	return 0;
}
