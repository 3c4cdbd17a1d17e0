/* The offices view in a real pty: opened from the menu and from the command
 * line, the card and the highlighted, labelled marker of the selected
 * office, the filter as you type (ASCII, kana, full-width letters), the QR
 * codes (rendered from the emulator's cells to an image and decoded with
 * zbarimg), the full-screen map's arrows, the narrow layout's parts, and
 * terminals too small for anything.
 *
 * What to expect comes from content/offices.yaml itself (read here with a
 * few lines of parsing), not from lgma: the names, cities, address lines,
 * web addresses and coordinates of the shipped offices. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lgma-run.h"

enum {
	MAX_OFFICES = 64,
	MAX_LINES = 8,
	PIXELS = 6, /* of a cell's width, and of each half of its height */
};

struct office {
	char name[128]; /* English */
	char city[64];	/* English */
	char country[64]; /* English */
	char web[160];
	char address[MAX_LINES][160];
	int address_count;
	double lat, lon;
};

static struct office offices[MAX_OFFICES];
static int office_count;

static const int sizes[][2] = {{24, 80}, {40, 120}};

/* ---- the shipped offices, read from the YAML ---- */

static void unquote(const char *from, char *to, size_t size)
{
	size_t n = strcspn(from, "\n");

	if (n >= 2 && from[0] == '"' && from[n - 1] == '"') {
		from++;
		n -= 2;
	}
	if (n >= size)
		n = size - 1;
	memcpy(to, from, n);
	to[n] = '\0';
}

/* The file's layout: offices are "      - id:" items; their name: and
 * city: maps hold "en:" lines two columns deeper; address: holds "- "
 * items. Enough for the shipped file, which the loader's tests check. */
static int setup(void **state)
{
	char path[512], line[512], field[32] = "";
	FILE *f;

	(void)state;
	snprintf(path, sizeof(path), "%s/offices.yaml", LGMA_CONTENT_DIR);
	f = fopen(path, "r");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		struct office *o = office_count > 0 ? &offices[office_count - 1] : NULL;
		size_t indent = strspn(line, " ");
		const char *s = line + indent;

		if (indent == 6 && strncmp(s, "- id:", 5) == 0 && office_count < MAX_OFFICES) {
			office_count++;
			continue;
		}
		if (o == NULL)
			continue;
		if (indent == 8 && strchr(s, ':') != NULL) {
			unquote(s, field, sizeof(field));
			field[strcspn(field, ":")] = '\0';
			if (strncmp(s, "web: ", 5) == 0)
				unquote(s + 5, o->web, sizeof(o->web));
			else if (strncmp(s, "lat: ", 5) == 0)
				o->lat = strtod(s + 5, NULL);
			else if (strncmp(s, "lon: ", 5) == 0)
				o->lon = strtod(s + 5, NULL);
		} else if (indent == 10 && strncmp(s, "en: ", 4) == 0) {
			if (strcmp(field, "name") == 0)
				unquote(s + 4, o->name, sizeof(o->name));
			else if (strcmp(field, "city") == 0)
				unquote(s + 4, o->city, sizeof(o->city));
			else if (strcmp(field, "country") == 0)
				unquote(s + 4, o->country, sizeof(o->country));
		} else if (indent == 10 && strncmp(s, "- ", 2) == 0 && strcmp(field, "address") == 0 &&
			   o->address_count < MAX_LINES) {
			unquote(s + 2, o->address[o->address_count++], sizeof(o->address[0]));
		}
	}
	fclose(f);
	return office_count >= 2 ? 0 : -1;
}

static const struct office *office_named(const char *name)
{
	for (int i = 0; i < office_count; i++)
		if (strcmp(offices[i].name, name) == 0)
			return &offices[i];
	fprintf(stderr, "# no office \"%s\" in the content\n", name);
	fail();
	return NULL;
}

static const struct office *office_in_city(const char *city)
{
	for (int i = 0; i < office_count; i++)
		if (strcmp(offices[i].city, city) == 0)
			return &offices[i];
	fprintf(stderr, "# no office in \"%s\" in the content\n", city);
	fail();
	return NULL;
}

/* ---- reading the offices view ---- */

static int rows_of(struct vt *vt)
{
	int rows;

	vt_size(vt, &rows, NULL);
	return rows;
}

/* The status line names the selected office. */
static int status_row(struct vt *vt)
{
	return rows_of(vt) - 2;
}

/* The office the status line names. */
static const struct office *selected_office(struct vt *vt)
{
	const char *status = vt_row_text(vt, status_row(vt));

	for (int i = 0; i < office_count; i++) {
		size_t n = strlen(offices[i].name);
		if (strncmp(status + 1, offices[i].name, n) == 0 && status[1 + n] == ' ')
			return &offices[i];
	}
	e2e_fail(vt, "the status line names no office");
	return NULL;
}

/* Moves the selection to the office called name: the list's order is the
 * content's, so Down reaches it, from the first office if need be. */
static void select_office(struct vt *vt, const char *name)
{
	const struct office *want = office_named(name);

	if (selected_office(vt) > want)
		e2e_press(vt, VT_KEY_HOME);
	for (int i = 0; i < office_count && selected_office(vt) < want; i++)
		e2e_press(vt, VT_KEY_DOWN);
	if (selected_office(vt) != want)
		e2e_fail(vt, "could not select %s", name);
}

/* Office rows of the list (left of the border in the wide layout): an
 * office is indented by three blanks, a region heading by one. */
static int listed_offices(struct vt *vt, char names[][128], int max)
{
	int n = 0;

	for (int row = 1; row < status_row(vt); row++) {
		char text[1024];
		size_t len;

		snprintf(text, sizeof(text), "%s", vt_row_text(vt, row));
		text[strcspn(text, "\xe2\x94\x82")] = '\0'; /* │ */
		len = strlen(text);
		while (len > 0 && text[len - 1] == ' ')
			text[--len] = '\0';
		if (strncmp(text, "   ", 3) != 0 || text[3] == ' ' || text[3] == '\0')
			continue;
		if (n < max)
			snprintf(names[n], sizeof(names[n]), "%.127s", text + 3);
		n++;
	}
	return n;
}

static bool cell_is(const struct vt *vt, int row, int col, const char *text)
{
	struct vt_cell cell;

	return vt_cell_at(vt, row, col, &cell) && strcmp(cell.text, text) == 0;
}

/* The selected marker '@' on the map: where it is, and that it is the only
 * one. */
static void find_selected_marker(struct vt *vt, int *row, int *col)
{
	int rows, cols, found = 0;

	vt_size(vt, &rows, &cols);
	for (int r = 1; r < rows - 2; r++)
		for (int c = 0; c < cols; c++)
			if (cell_is(vt, r, c, "@")) {
				*row = r;
				*col = c;
				found++;
			}
	if (found != 1)
		e2e_fail(vt, "%d selected markers on the map, not one", found);
}

static bool letter_at(const struct vt *vt, int row, int col)
{
	struct vt_cell cell;

	return vt_cell_at(vt, row, col, &cell) && cell.text[0] != '\0' && cell.text[1] == '\0' &&
	       ((cell.text[0] >= 'a' && cell.text[0] <= 'z') || (cell.text[0] >= 'A' && cell.text[0] <= 'Z'));
}

/* The ordinary markers 'o' on screen (an 'o' between two letters is part
 * of a word); *lit gets how many of them are highlighted. */
static int plain_markers(struct vt *vt, int *lit)
{
	int rows, cols, n = 0;

	*lit = 0;
	vt_size(vt, &rows, &cols);
	for (int r = 1; r < rows - 2; r++)
		for (int c = 0; c < cols; c++)
			if (cell_is(vt, r, c, "o") && !letter_at(vt, r, c - 1) && !letter_at(vt, r, c + 1)) {
				n++;
				*lit += e2e_highlighted(vt, r, c);
			}
	return n;
}

static void expect_bold_highlight(struct vt *vt, int row, int col, int cols, const char *what)
{
	for (int c = col; c < col + cols; c++) {
		struct vt_cell cell;

		assert_true(vt_cell_at(vt, row, c, &cell));
		if (!e2e_highlighted(vt, row, c) || !cell.bold)
			e2e_fail(vt, "%s: cell %d,%d is not highlighted (reverse %d, bg default %d, bold %d)", what,
				 row, c, cell.reverse, cell.bg_default, cell.bold);
	}
}

/* Where the characters of text (ASCII; a blank matches a blank cell) are
 * in consecutive cells that are all highlighted. */
static bool find_lit_cells(const struct vt *vt, const char *text, int *row, int *col)
{
	int rows, cols, n = (int)strlen(text);

	vt_size(vt, &rows, &cols);
	for (int r = 0; r < rows; r++)
		for (int c = 0; c + n <= cols; c++) {
			int k = 0;
			for (; k < n; k++) {
				char ch[2] = {text[k], '\0'};
				if ((!cell_is(vt, r, c + k, ch) && !(text[k] == ' ' && cell_is(vt, r, c + k, ""))) ||
				    !e2e_highlighted(vt, r, c + k))
					break;
			}
			if (k == n) {
				*row = r;
				*col = c;
				return true;
			}
		}
	return false;
}

/* The selected office's marker is highlighted and labelled with its city
 * next to it (right, left, above or below). */
static void expect_marker(struct vt *vt, const struct office *o)
{
	char label[80];
	int mrow = -1, mcol = -1, lrow = -1, lcol = -1, width, lit;

	/* A blank each side: the label's padding, lit as the label. The
	 * shipped English cities are ASCII: a character a cell. */
	snprintf(label, sizeof(label), " %s ", o->city);
	width = (int)strlen(label);
	e2e_expect_text(vt, o->city);
	find_selected_marker(vt, &mrow, &mcol);
	if (!find_lit_cells(vt, label, &lrow, &lcol))
		e2e_fail(vt, "no highlighted label \"%s\" on the map", label);
	expect_bold_highlight(vt, mrow, mcol, 1, "the selected marker");
	expect_bold_highlight(vt, lrow, lcol, width, "the label");
	if (!((lrow == mrow && (lcol == mcol + 1 || lcol + width == mcol)) ||
	      ((lrow == mrow - 1 || lrow == mrow + 1) && lcol <= mcol && mcol < lcol + width)))
		e2e_fail(vt, "the label at %d,%d is not next to the marker at %d,%d", lrow, lcol, mrow, mcol);
	/* Only the selection stands out: other markers are plain. */
	if (plain_markers(vt, &lit) == 0 || lit != 0)
		e2e_fail(vt, "%d of the other markers are highlighted", lit);
}

/* ---- opening the view ---- */

static void test_open_from_menu(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct vt *vt = E2E_SPAWN(sizes[s][0], sizes[s][1], "--lang", "en");
		int row, col;

		/* The last entry of the menu, number 7 in the shipped content. */
		e2e_locate(vt, "7 Offices", &row, &col);
		e2e_type(vt, "7");
		e2e_expect_in_row(vt, sizes[s][0] - 1, "/ filter");
		e2e_expect_in_row(vt, status_row(vt), offices[0].name);
		/* Back to the menu, and in again with End and Enter. */
		e2e_press(vt, VT_KEY_BACKSPACE);
		e2e_expect_in_row(vt, sizes[s][0] - 1, "Enter open");
		e2e_press_quiet(vt, VT_KEY_HOME);
		e2e_press(vt, VT_KEY_END);
		if (!e2e_highlighted(vt, row, col + 2))
			e2e_fail(vt, "End did not select the last entry, Offices");
		e2e_press(vt, VT_KEY_ENTER);
		e2e_expect_in_row(vt, sizes[s][0] - 1, "/ filter");
		e2e_quit(vt);
	}
}

/* Whether text is right of the list's border "│" on some row: on the card. */
static bool on_card(struct vt *vt, const char *text)
{
	for (int row = 1; row < status_row(vt); row++) {
		const char *line = vt_row_text(vt, row), *border = strstr(line, "\xe2\x94\x82");
		if (border != NULL && strstr(border, text) != NULL)
			return true;
	}
	return false;
}

static void expect_on_card(struct vt *vt, const char *text)
{
	if (!on_card(vt, text))
		e2e_fail(vt, "\"%s\" is not on the card", text);
}

static void test_tokyo_card_and_marker(void **state)
{
	const struct office *tokyo = office_in_city("Tokyo");

	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct vt *vt = E2E_SPAWN(sizes[s][0], sizes[s][1], "--lang", "en", "offices");
		char text[256];
		int row, col;
		struct vt_cell cell;

		e2e_expect_text(vt, "Headquarters (1)");
		select_office(vt, tokyo->name);
		expect_on_card(vt, tokyo->name);
		snprintf(text, sizeof(text), "%s, %s", tokyo->city, tokyo->country);
		expect_on_card(vt, text);
		for (int i = 0; i < tokyo->address_count; i++)
			expect_on_card(vt, tokyo->address[i]);
		snprintf(text, sizeof(text), "Web: %s", tokyo->web);
		expect_on_card(vt, text);
		/* The address is a link: underlined. */
		e2e_locate(vt, tokyo->web, &row, &col);
		assert_true(vt_cell_at(vt, row, col, &cell));
		assert_true(cell.underline);
		expect_marker(vt, tokyo);
		e2e_quit(vt);
	}
}

/* ---- the filter ---- */

static void expect_listed(struct vt *vt, int count, const char *name)
{
	char names[MAX_OFFICES][128];
	int n = listed_offices(vt, names, MAX_OFFICES);
	bool found = name == NULL;

	for (int i = 0; i < n && i < MAX_OFFICES; i++)
		found = found || strcmp(names[i], name) == 0;
	if ((count >= 0 && n != count) || !found)
		e2e_fail(vt, "%d offices listed, expected %d%s%s", n, count, name ? " with " : "", name ? name : "");
}

/* Types a filter into the prompt and waits for the list to follow. */
static void filter(struct vt *vt, const char *text, const char *expect)
{
	char prompt[128];

	e2e_type(vt, "/");
	e2e_expect_row(vt, rows_of(vt) - 1, "Filter:");
	e2e_type(vt, text);
	snprintf(prompt, sizeof(prompt), "Filter: %s", text);
	e2e_expect_row(vt, rows_of(vt) - 1, prompt);
	e2e_expect_text(vt, expect);
}

static void test_filter(void **state)
{
	const struct office *delhi = office_in_city("New Delhi"), *seoul = office_in_city("Seoul");
	char all[32];

	(void)state;
	snprintf(all, sizeof(all), "/%d", office_count);
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct vt *vt = E2E_SPAWN(sizes[s][0], sizes[s][1], "--lang", "en", "offices");

		e2e_expect_in_row(vt, status_row(vt), all);
		/* Exactly one office, and the status line counts it. */
		filter(vt, "delhi", "1/1");
		expect_listed(vt, 1, delhi->name);
		e2e_expect_in_row(vt, status_row(vt), "1/1");
		/* Esc in the prompt: every office again. */
		e2e_press(vt, VT_KEY_ESC);
		e2e_expect_in_row(vt, status_row(vt), all);
		expect_listed(vt, -1, offices[0].name);
		/* The Japanese name of the city, and full-width letters. */
		filter(vt, "\xe3\x82\xbd\xe3\x82\xa6\xe3\x83\xab", seoul->name); /* ソウル */
		expect_listed(vt, 1, seoul->name);
		e2e_press(vt, VT_KEY_ESC);
		e2e_expect_in_row(vt, status_row(vt), all);
		filter(vt, "\xef\xbd\x93\xef\xbd\x85\xef\xbd\x8f\xef\xbd\x95\xef\xbd\x8c", seoul->name); /* ｓｅｏｕｌ */
		expect_listed(vt, -1, seoul->name);
		if (vt_find(vt, "Headquarters", NULL, NULL))
			e2e_fail(vt, "the filter left offices that do not match");
		/* Enter keeps the filter; Esc in the list clears it and stays. */
		e2e_press(vt, VT_KEY_ENTER);
		e2e_expect_gone(vt, "Filter:");
		expect_listed(vt, -1, seoul->name);
		e2e_press(vt, VT_KEY_ESC);
		e2e_expect_in_row(vt, status_row(vt), all);
		expect_listed(vt, -1, offices[0].name);
		e2e_expect_in_row(vt, sizes[s][0] - 1, "/ filter");
		e2e_quit(vt);
	}
}

static bool has_half_blocks(struct vt *vt)
{
	return vt_find(vt, "\xe2\x96\x80", NULL, NULL) || vt_find(vt, "\xe2\x96\x84", NULL, NULL) ||
	       vt_find(vt, "\xe2\x96\x88", NULL, NULL);
}

/* When the filter leaves no office, there is no card, so no QR code and no
 * selected marker either: Q and m do nothing. */
static void test_filter_no_match(void **state)
{
	struct vt *vt = E2E_SPAWN(24, 80, "--lang", "en", "offices");

	(void)state;
	e2e_type(vt, "/zzzz");
	e2e_expect_text(vt, "No office matches");
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_in_row(vt, status_row(vt), "0/0");
	e2e_type_quiet(vt, "Q");
	if (vt_find(vt, "Scan with a phone", NULL, NULL) || has_half_blocks(vt))
		e2e_fail(vt, "Q showed the code of an office the filter hides");
	e2e_type_quiet(vt, "m");
	if (vt_find(vt, "nearest office", NULL, NULL) || vt_find(vt, "@", NULL, NULL))
		e2e_fail(vt, "m showed an office the filter hides");
	e2e_expect_text(vt, "No office matches");
	/* Esc clears the filter: every office again, and Q works. */
	e2e_press(vt, VT_KEY_ESC);
	e2e_expect_in_row(vt, status_row(vt), "/15");
	e2e_type(vt, "Q");
	e2e_expect_text(vt, "Scan with a phone");
	e2e_press(vt, VT_KEY_ESC);
	e2e_quit(vt);
}

/* ---- QR codes ---- */

static bool dark(const uint8_t rgb[3])
{
	return 299 * rgb[0] + 587 * rgb[1] + 114 * rgb[2] < 128 * 1000;
}

/* Whether the top and the bottom half of a cell look dark: a half is the
 * glyph's colour where a half block covers it, else the cell's background
 * (other characters count as their background: they are not part of a
 * code). Reverse video swaps the two, as a terminal draws it. */
static void cell_halves(const struct vt *vt, int row, int col, bool *top, bool *bottom)
{
	struct vt_cell cell;
	bool ink, paper, full, upper, lower;

	assert_true(vt_cell_at(vt, row, col, &cell));
	ink = dark(cell.reverse ? cell.bg_rgb : cell.fg_rgb);
	paper = dark(cell.reverse ? cell.fg_rgb : cell.bg_rgb);
	full = strcmp(cell.text, "\xe2\x96\x88") == 0;		 /* █ */
	upper = full || strcmp(cell.text, "\xe2\x96\x80") == 0; /* ▀ */
	lower = full || strcmp(cell.text, "\xe2\x96\x84") == 0; /* ▄ */
	*top = upper ? ink : paper;
	*bottom = lower ? ink : paper;
}

/* What the terminal shows, as a bitmap (PBM, 1 = black): each cell PIXELS
 * wide and two halves of PIXELS rows, so a module is square. */
static void screen_to_pbm(struct vt *vt, const char *path)
{
	int rows, cols, width;
	FILE *f = fopen(path, "wb");
	unsigned char *line;

	assert_non_null(f);
	vt_size(vt, &rows, &cols);
	width = cols * PIXELS;
	line = calloc((size_t)(width + 7) / 8, 1);
	assert_non_null(line);
	fprintf(f, "P4\n%d %d\n", width, rows * 2 * PIXELS);
	for (int row = 0; row < rows; row++) {
		for (int half = 0; half < 2; half++) {
			memset(line, 0, (size_t)(width + 7) / 8);
			for (int col = 0; col < cols; col++) {
				bool top, bottom;
				cell_halves(vt, row, col, &top, &bottom);
				for (int x = col * PIXELS; x < (col + 1) * PIXELS && (half ? bottom : top); x++)
					line[x / 8] |= (unsigned char)(0x80 >> (x % 8));
			}
			for (int y = 0; y < PIXELS; y++)
				fwrite(line, 1, (size_t)(width + 7) / 8, f);
		}
	}
	free(line);
	assert_int_equal(fclose(f), 0);
}

/* The text zbarimg decodes from the screen, in a malloc'd string ("" when
 * it finds no code). */
static char *scan_screen(struct vt *vt)
{
	char path[256], cmd[512], *text = calloc(1, 4096);
	size_t n;
	FILE *p;

	assert_non_null(text);
	snprintf(path, sizeof(path), "%s/screen.pbm", e2e_tmpdir());
	screen_to_pbm(vt, path);
	/* ImageMagick, under zbarimg, complains about a missing D-Bus. */
	snprintf(cmd, sizeof(cmd), "zbarimg --raw -q '%s' 2>/dev/null", path);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(text, 1, 4095, p);
	pclose(p);
	text[n] = '\0';
	if (n > 0 && text[n - 1] == '\n')
		text[n - 1] = '\0'; /* zbarimg ends each symbol with one */
	return text;
}

/* What lgma's code holds for an office with a web address (qr.h): the
 * address, with http:// in front when it names no scheme. */
static void expected_qr(const struct office *o, char *out, size_t size)
{
	snprintf(out, size, "%s%s", strstr(o->web, "://") != NULL ? "" : "http://", o->web);
}

static void scan_office_code(struct vt *vt, const struct office *o)
{
	char want[256], heading[300];
	char *got;

	expected_qr(o, want, sizeof(want));
	snprintf(heading, sizeof(heading), "Scan with a phone: %s", want);
	e2e_type(vt, "Q");
	e2e_expect_text(vt, heading);
	got = scan_screen(vt);
	if (strcmp(got, want) != 0)
		e2e_fail(vt, "%s: the code on screen reads \"%s\", expected \"%s\"", o->name, got, want);
	free(got);
}

/* Every office with a web address in colour (black on white); in
 * monochrome (reverse video) the first and the one with the longest
 * address, the largest code. */
static void test_qr_codes_scan(void **state)
{
	int scanned = 0, with_web = 0, longest = -1;

	(void)state;
	for (int i = 0; i < office_count; i++) {
		with_web += offices[i].web[0] != '\0';
		if (offices[i].web[0] != '\0' && (longest < 0 || strlen(offices[i].web) > strlen(offices[longest].web)))
			longest = i;
	}
	assert_true(with_web > 0);
	for (int colour = 1; colour >= 0; colour--) {
		struct vt *vt = colour ? E2E_SPAWN(24, 80, "--lang", "en", "offices")
				       : E2E_SPAWN(24, 80, "--lang", "en", "--no-color", "offices");
		bool first = true;

		for (int i = 0; i < office_count; i++) {
			if (i > 0)
				e2e_press(vt, VT_KEY_DOWN);
			if (selected_office(vt) != &offices[i])
				e2e_fail(vt, "Down did not go to %s", offices[i].name);
			if (offices[i].web[0] == '\0' || (!colour && !first && i != longest))
				continue;
			first = false;
			scan_office_code(vt, &offices[i]);
			scanned++;
			/* Backspace closes the code (Esc too, in test_back_keys:
			 * it costs curses' escape delay each time). */
			e2e_press(vt, VT_KEY_BACKSPACE);
			e2e_expect_gone(vt, "Scan with a phone");
			e2e_expect_in_row(vt, 23, "/ filter");
			if (has_half_blocks(vt))
				e2e_fail(vt, "the code stayed on screen");
		}
		e2e_quit(vt);
	}
	assert_int_equal(scanned, with_web + 2);
}

/* Without a web address or an e-mail the code holds the address lines; a
 * screen too small for it says what it needs instead of a code that would
 * not scan. */
static void test_qr_without_web(void **state)
{
	(void)state;
	for (size_t s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		struct vt *vt = E2E_SPAWN(sizes[s][0], sizes[s][1], "--lang", "en", "offices");

		for (int i = 0; i < office_count; i++) {
			char want[1024] = "";
			char *got;

			if (offices[i].web[0] != '\0')
				continue;
			for (int k = 0; k < offices[i].address_count; k++)
				snprintf(want + strlen(want), sizeof(want) - strlen(want), "%s%s", k ? "\n" : "",
					 offices[i].address[k]);
			select_office(vt, offices[i].name);
			e2e_type(vt, "Q");
			if (vt_find(vt, "Too small for a QR code", NULL, NULL)) {
				/* 40 rows hold any address of the shipped content. */
				if (sizes[s][0] >= 40 || has_half_blocks(vt))
					e2e_fail(vt, "a code is drawn beside the notice");
			} else {
				e2e_expect_text(vt, "Scan with a phone:");
				got = scan_screen(vt);
				if (strcmp(got, want) != 0)
					e2e_fail(vt, "%s: the code reads \"%s\", expected \"%s\"", offices[i].name,
						 got, want);
				free(got);
			}
			e2e_press(vt, VT_KEY_BACKSPACE);
			e2e_expect_in_row(vt, sizes[s][0] - 1, "/ filter");
		}
		e2e_quit(vt);
	}
}

/* ---- leaving ---- */

static void test_back_keys(void **state)
{
	struct vt *vt = E2E_SPAWN(24, 80, "--lang", "en", "offices");

	(void)state;
	e2e_expect_text(vt, "Headquarters (1)");
	e2e_type(vt, "Q");
	e2e_expect_text(vt, "Scan with a phone:");
	e2e_press(vt, VT_KEY_ESC);
	e2e_expect_text(vt, "Headquarters (1)");
	e2e_type(vt, "Q");
	e2e_expect_text(vt, "Scan with a phone:");
	e2e_press(vt, VT_KEY_BACKSPACE);
	e2e_expect_text(vt, "Headquarters (1)");
	/* Out of the offices (opened from the command line): the menu, on
	 * Offices. */
	e2e_press(vt, VT_KEY_BACKSPACE);
	e2e_expect_in_row(vt, 23, "Enter open");
	e2e_expect_in_row(vt, status_row(vt), "Offices");
	/* In again, and out with Esc. */
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_in_row(vt, 23, "/ filter");
	e2e_press(vt, VT_KEY_ESC);
	e2e_expect_text(vt, "Enter open");
	e2e_quit(vt);
}

/* ---- the full-screen map ---- */

static bool ahead(const struct office *from, const struct office *to, enum vt_key key)
{
	switch (key) {
	case VT_KEY_RIGHT: return to->lon > from->lon;
	case VT_KEY_LEFT: return to->lon < from->lon;
	case VT_KEY_UP: return to->lat > from->lat;
	default: return to->lat < from->lat;
	}
}

static void test_full_map(void **state)
{
	static const enum vt_key arrows[] = {VT_KEY_RIGHT, VT_KEY_UP, VT_KEY_LEFT, VT_KEY_DOWN,
					     VT_KEY_LEFT,  VT_KEY_DOWN, VT_KEY_RIGHT, VT_KEY_UP};
	struct vt *vt = E2E_SPAWN(24, 80, "--lang", "en", "offices");
	const struct office *here = office_in_city("Tokyo");
	int moved = 0;

	(void)state;
	select_office(vt, here->name);
	e2e_type(vt, "m");
	e2e_expect_text(vt, "nearest office");
	if (vt_find(vt, "Headquarters (1)", NULL, NULL))
		e2e_fail(vt, "the map does not take the whole view");
	expect_marker(vt, here);
	for (size_t i = 0; i < sizeof(arrows) / sizeof(arrows[0]); i++) {
		bool any = false;
		const struct office *next;

		for (int k = 0; k < office_count; k++)
			any = any || (&offices[k] != here && ahead(here, &offices[k], arrows[i]));
		if (!any) {
			e2e_press_quiet(vt, arrows[i]);
			if (selected_office(vt) != here)
				e2e_fail(vt, "an arrow with no office that way moved the selection");
			continue;
		}
		e2e_press(vt, arrows[i]);
		next = selected_office(vt);
		if (next == here || !ahead(here, next, arrows[i]))
			e2e_fail(vt, "arrow %d went from %s to %s", (int)arrows[i], here->city, next->city);
		expect_marker(vt, next);
		here = next;
		moved++;
	}
	assert_true(moved >= 4);
	/* m again (or Esc) closes the map, on the office chosen there. */
	e2e_type(vt, "m");
	e2e_expect_in_row(vt, 23, "/ filter");
	assert_ptr_equal(selected_office(vt), here);
	e2e_quit(vt);
}

/* ---- narrow and tiny terminals ---- */

static void test_narrow_parts(void **state)
{
	struct vt *vt = E2E_SPAWN(20, 50, "--lang", "en", "offices");
	const struct office *first = &offices[0];
	char label[80];

	(void)state;
	snprintf(label, sizeof(label), " %s ", first->city);
	e2e_expect_text(vt, "Headquarters (1)");
	for (int round = 0; round < 2; round++) {
		/* The list alone: no card, no map. */
		if (vt_find(vt, first->address[0], NULL, NULL) || vt_find(vt, "@", NULL, NULL))
			e2e_fail(vt, "the narrow list shares the screen");
		e2e_press(vt, VT_KEY_TAB);
		e2e_expect_text(vt, first->address[0]);
		e2e_expect_gone(vt, "Headquarters (1)");
		e2e_press(vt, VT_KEY_TAB);
		e2e_expect_gone(vt, first->address[0]);
		expect_marker(vt, first);
		e2e_press(vt, VT_KEY_TAB);
		e2e_expect_text(vt, "Headquarters (1)");
	}
	e2e_quit(vt);
}

/* Every key of the view at sizes where little or nothing fits: no crash,
 * no hang, and q still quits. */
static void test_tiny(void **state)
{
	static const int tiny[][2] = {{5, 10}, {1, 1}};
	static const enum vt_key keys[] = {VT_KEY_DOWN, VT_KEY_TAB,  VT_KEY_TAB,   VT_KEY_TAB,  VT_KEY_ENTER,
					   VT_KEY_LEFT, VT_KEY_RIGHT, VT_KEY_END, VT_KEY_PGUP, VT_KEY_ESC};

	(void)state;
	for (size_t s = 0; s < sizeof(tiny) / sizeof(tiny[0]); s++) {
		struct vt *vt = E2E_SPAWN(tiny[s][0], tiny[s][1], "--lang", "en", "offices");

		for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			e2e_press_quiet(vt, keys[k]);
		e2e_type_quiet(vt, "mQ");
		e2e_press_quiet(vt, VT_KEY_RIGHT);
		e2e_press_quiet(vt, VT_KEY_ESC);
		e2e_type_quiet(vt, "m");
		e2e_press_quiet(vt, VT_KEY_UP);
		e2e_press_quiet(vt, VT_KEY_ESC);
		e2e_type_quiet(vt, "/tok");
		e2e_press_quiet(vt, VT_KEY_BACKSPACE);
		e2e_press_quiet(vt, VT_KEY_ENTER);
		/* From tiny to usable and back: lgma paints whole screens. */
		assert_int_equal(vt_resize(vt, 24, 80), 0);
		e2e_expect_in_row(vt, 0, "LGMA");
		assert_int_equal(vt_resize(vt, tiny[s][0], tiny[s][1]), 0);
		vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS);
		e2e_quit(vt);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_open_from_menu),
		cmocka_unit_test(test_tokyo_card_and_marker),
		cmocka_unit_test(test_filter),
		cmocka_unit_test(test_filter_no_match),
		cmocka_unit_test(test_qr_codes_scan),
		cmocka_unit_test(test_qr_without_web),
		cmocka_unit_test(test_back_keys),
		cmocka_unit_test(test_full_map),
		cmocka_unit_test(test_narrow_parts),
		cmocka_unit_test(test_tiny),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
