/* Fuzz target: the browser's key path. A sequence of events derived from the
 * input drives app_input, app_resize, app_reset, app_notice and
 * app_set_content on the shipped content, and every screen painted after
 * each event must keep canvas.h's promises (fuzz_check_canvas).
 *
 * Input:
 *   byte 0   configuration bits: 0 ascii, 1 ambiguous_wide, 2 screen_reader,
 *            3 plain, 4 kiosk, 5-6 start (menu, about, offices,
 *            official-site), 7 start language
 *   byte 1   bit 0: a kiosk exit key (^X^Q)
 *   then events, each an opcode byte (mod 12) and its operands:
 *     0-2  a key of KEYS (1 byte: index)
 *     3    any code point, controls and non-characters included (3 bytes)
 *     4-5  a special key, APP_KEY_UP..APP_KEY_WHEEL_DOWN (1 byte)
 *     6    a click at row -1..100, column -1..300 (3 bytes): clicks can
 *          come from before a resize, so they may be off the screen
 *     7    a resize to 1..100 rows, 1..300 columns (3 bytes)
 *     8    app_reset
 *     9    app_set_content with a new copy of one of CONTENTS (1 byte),
 *          freeing the previous copy as the shell does after a reload
 *     10   app_notice with up to 63 bytes of the input (1 byte length)
 *     11   the previous event again 1..64 times (1 byte)
 * Missing operand bytes read as 0. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "lgma/app.h"
#include "lgma/load.h"

static const char KEYS[] = "jkhlgGfb <>qQLB?123456789/nN0"
			   "\x02\x03\x04\x05\x06\x0e\x10\x11\x15\x18\x19\x1a\x1b\x1c\x7f";

/* ---- the contents a reload can bring ---- */

struct file_set {
	struct load_file files[64];
	size_t count;
};

enum { CONTENT_SHIPPED, CONTENT_TINY, CONTENT_ONE_LANGUAGE, CONTENT_ODD, CONTENT_KINDS };

static struct file_set sets[CONTENT_KINDS];
static struct content *shipped; /* the start of every input; never freed */

static void add_file(struct file_set *set, const char *name, char *bytes, size_t size)
{
	FUZZ_CHECK(set->count < sizeof(set->files) / sizeof(set->files[0]), "too many files");
	set->files[set->count++] = (struct load_file){strdup(name), bytes, size};
}

static void add_text(struct file_set *set, const char *name, const char *text)
{
	add_file(set, name, strdup(text), strlen(text));
}

static void add_disk_file(struct file_set *set, const char *dir, const char *name)
{
	char path[4096];
	FILE *f;
	char *bytes;
	long size;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "rb");
	FUZZ_CHECK(f != NULL, "cannot open %s", path);
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	rewind(f);
	bytes = malloc((size_t)size + 1);
	FUZZ_CHECK(bytes != NULL && fread(bytes, 1, (size_t)size, f) == (size_t)size, "cannot read %s", path);
	fclose(f);
	add_file(set, name, bytes, (size_t)size);
}

static int yaml_only(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
}

static void read_dir(struct file_set *set, const char *dir)
{
	char sections[4096];
	struct dirent **names;
	int n;

	add_disk_file(set, dir, "site.yaml");
	add_disk_file(set, dir, "offices.yaml");
	snprintf(sections, sizeof(sections), "%s/sections", dir);
	n = scandir(sections, &names, yaml_only, alphasort);
	FUZZ_CHECK(n > 0, "no sections in %s", sections);
	for (int i = 0; i < n; i++) {
		char name[512];
		snprintf(name, sizeof(name), "sections/%s", names[i]->d_name);
		add_disk_file(set, dir, name);
		free(names[i]);
	}
	free(names);
}

/* One language, more sections than digits, "about" kept (a reload that
 * keeps the reader's section but drops the language). */
static void one_language(struct file_set *set)
{
	add_text(set, "site.yaml", "languages: [en]\ntitle: One language\n");
	add_text(set, "sections/01-about.yaml", "id: about\ntitle: About\nbody: |\n  Kept.\n\n  - item\n");
	for (int i = 2; i <= 12; i++) {
		char name[64], text[256];
		snprintf(name, sizeof(name), "sections/%02d-s%d.yaml", i, i);
		snprintf(text, sizeof(text), "id: s%d\ntitle: Section %d\nbody: \"%s\"\n", i, i,
			 i % 2 ? "" : "word word word word word word word word word word word word");
		add_text(set, name, text);
	}
}

/* Valid but unkind: three languages, text that needs sanitising in every
 * field the screens show, an empty title and body, a very long title. */
static void odd(struct file_set *set)
{
	add_text(set, "site.yaml",
		 "languages: [ja, en, fr]\n"
		 "language_names: {ja: \"\\e[31m日本語\", en: \"\\u202EEnglish\", fr: \"\\t\"}\n"
		 "title: \"\\e]0;owned\\a\\x9b2J 題名\\u0301\\u0301\\u0301 👨\\u200d👩\\u200d👧 🇯🇵\"\n");
	add_text(set, "sections/10-x.yaml",
		 "id: x\ntitle: \"\"\nbody: \"\"\n");
	add_text(set, "sections/20-y.yaml",
		 "id: y\n"
		 "title: {ja: \"ｶﾀｶﾅ全角ＡＢＣ\\u3000\\u00ad\\ufeff\", fr: \"é\\u0300\\u0301\\u0302\\u0303\\u0304\\u0305\\u0306\\u0307\\u0308\"}\n"
		 "body: \"a\\u200bb\\n\\n- \\x01\\x7f\\u0085 c\\n\\n日本語日本語日本語日本語日本語日本語日本語日本語\"\n");
	add_text(set, "sections/30-long.yaml",
		 "id: long\n"
		 "title: \"LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE-"
		 "LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE-LONG-TITLE\"\n"
		 "body: \"Supercalifragilisticexpialidocious-supercalifragilisticexpialidocious-"
		 "supercalifragilisticexpialidocious-supercalifragilisticexpialidocious\"\n");
	add_text(set, "offices.yaml",
		 "regions:\n"
		 "  - id: r\n    name: \"\\e[2J\"\n    offices:\n"
		 "      - {id: o, name: \"\\u200f\", address: [], lat: -90, lon: 180}\n");
}

static struct content *load_set(int kind)
{
	struct diag_list diags;
	struct content *c;

	diag_init(&diags);
	c = load_content_files(sets[kind].files, sets[kind].count, &diags);
	if (c == NULL)
		diag_print(&diags, stderr);
	FUZZ_CHECK(c != NULL, "content %d does not load", kind);
	diag_fini(&diags);
	return c;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	read_dir(&sets[CONTENT_SHIPPED], LGMA_CONTENT_DIR);
	read_dir(&sets[CONTENT_TINY], LGMA_TEST_DATA "/tiny");
	one_language(&sets[CONTENT_ONE_LANGUAGE]);
	odd(&sets[CONTENT_ODD]);
	for (int kind = 0; kind < CONTENT_KINDS; kind++)
		content_free(load_set(kind));
	shipped = load_set(CONTENT_SHIPPED);
	return 0;
}

/* ---- events ---- */

struct reader {
	const uint8_t *data;
	size_t size, at;
};

static unsigned byte(struct reader *r)
{
	return r->at < r->size ? r->data[r->at++] : 0;
}

struct session {
	struct app *app;
	struct canvas canvas;
	const struct content *content;
	int rows, cols;
};

static void resize(struct session *s, int rows, int cols)
{
	s->rows = rows;
	s->cols = cols;
	canvas_resize(&s->canvas, rows, cols);
	app_resize(s->app, rows, cols);
}

static void set_content(struct session *s, int kind)
{
	struct content *next = load_set(kind);
	const struct content *old = s->content;

	app_set_content(s->app, next);
	s->content = next;
	if (old != shipped)
		content_free((struct content *)old);
}

/* Decodes one event from r into *ev, or performs the non-key ones; returns
 * whether *ev is a key to give app_input. */
static bool next_event(struct session *s, struct reader *r, struct app_event *ev)
{
	unsigned op = byte(r) % 12;

	memset(ev, 0, sizeof(*ev));
	switch (op) {
	case 0: case 1: case 2:
		ev->key = APP_KEY_CHAR;
		ev->ch = (unsigned char)KEYS[byte(r) % (sizeof(KEYS) - 1)];
		return true;
	case 3:
		ev->key = APP_KEY_CHAR;
		ev->ch = (byte(r) | byte(r) << 8 | byte(r) << 16) & 0x1FFFFF;
		return true;
	case 4: case 5:
		ev->key = (enum app_key)(APP_KEY_UP + byte(r) % (APP_KEY_WHEEL_DOWN - APP_KEY_UP + 1));
		return true;
	case 6:
		ev->key = APP_KEY_CLICK;
		ev->row = (int)(byte(r) % 102) - 1;
		ev->col = (int)((byte(r) | byte(r) << 8) % 302) - 1;
		return true;
	case 7: {
		int rows = 1 + (int)(byte(r) % 100);
		resize(s, rows, 1 + (int)((byte(r) | byte(r) << 8) % 300));
		return false;
	}
	case 8:
		app_reset(s->app);
		return false;
	case 9:
		set_content(s, (int)(byte(r) % CONTENT_KINDS));
		return false;
	case 10: {
		char notice[64];
		size_t n = byte(r) % sizeof(notice), k;
		for (k = 0; k < n && r->at < r->size; k++)
			notice[k] = (char)byte(r);
		notice[k] = '\0';
		app_notice(s->app, notice);
		return false;
	}
	default:
		return false; /* 11: repeats, handled by the caller */
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const starts[] = {NULL, "about", "offices", "official-site"};
	struct reader r = {data, size, 0};
	unsigned bits = byte(&r), extra = byte(&r);
	struct app_config cfg = {
		.ascii = bits & 1,
		.ambiguous_wide = bits >> 1 & 1,
		.screen_reader = bits >> 2 & 1,
		.plain = bits >> 3 & 1,
		.kiosk = bits >> 4 & 1,
		.start = starts[bits >> 5 & 3],
		.lang = bits >> 7 & 1,
	};
	struct session s = {.content = shipped};
	struct app_event last = {.key = APP_KEY_DOWN};

	if (extra & 1) {
		cfg.exit_key[0] = 0x18;
		cfg.exit_key[1] = 0x11;
		cfg.exit_key_length = 2;
	}
	FUZZ_CHECK(app_start_valid(shipped, cfg.start), "start %s", cfg.start);
	s.app = app_new(shipped, &cfg);
	canvas_init(&s.canvas, 24, 80, cfg.ambiguous_wide);
	resize(&s, 24, 80);
	app_paint(s.app, &s.canvas);
	fuzz_check_canvas(&s.canvas);
	while (r.at < r.size) {
		size_t op_at = r.at;
		struct app_event ev;
		int repeat = 1;

		if (data[op_at] % 12 == 11) {
			r.at++;
			repeat = 1 + (int)(byte(&r) % 64);
			ev = last;
		} else if (!next_event(&s, &r, &ev)) {
			repeat = 0;
		}
		for (int i = 0; i < repeat; i++)
			app_input(s.app, &ev);
		if (repeat > 0)
			last = ev;
		app_paint(s.app, &s.canvas);
		fuzz_check_canvas(&s.canvas);
	}
	app_free(s.app);
	canvas_fini(&s.canvas);
	if (s.content != shipped)
		content_free((struct content *)s.content);
	return 0;
}
