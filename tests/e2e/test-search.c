/* Search in a real pty: "/" in a section (incremental, the view following
 * the first match, the count on the status line, the matches highlighted
 * in colour and in monochrome, Enter, n and N round the ends, Esc back to
 * where the reader was), Japanese typed as an input method sends it, a
 * match across a line break, and "S": the results list, a result opened and
 * back, Tab for every language.
 *
 * A generated section of 60 numbered paragraphs, three of them with the
 * word "zebra", gives matches off screen at known places; the shipped
 * content gives the Japanese and the two-language cases, checked against
 * lgma's own --dump and --search. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistr.h>
#include <uniwidth.h>

#include "lgma-run.h"

enum {
	PARAGRAPHS = 60,
	ROWS = 24,
	COLS = 80,
	STATUS_ROW = ROWS - 2,
	PROMPT_ROW = ROWS - 1,
};

/* The paragraphs with the word, in order. */
static const int zebra[] = {20, 35, 50};
#define ZEBRAS (int)(sizeof(zebra) / sizeof(zebra[0]))

static char long_dir[256];

/* ---- the generated content ---- */

static bool has_zebra(int paragraph)
{
	for (int i = 0; i < ZEBRAS; i++)
		if (zebra[i] == paragraph)
			return true;
	return false;
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	if (f == NULL)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int setup(void **state)
{
	char path[512];
	FILE *f;

	(void)state;
	snprintf(long_dir, sizeof(long_dir), "%s/long", e2e_tmpdir());
	snprintf(path, sizeof(path), "%s/sections", long_dir);
	if (mkdir(long_dir, 0700) != 0 || mkdir(path, 0700) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/site.yaml", long_dir);
	if (write_file(path, "languages: [en, ja]\ntitle:\n  en: Long\n  ja: 長い\n") != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/sections/10-long.yaml", long_dir);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fputs("id: long\ntitle:\n  en: A long section\n  ja: 長い節\nbody:\n  en: |\n", f);
	for (int i = 1; i <= PARAGRAPHS; i++)
		fprintf(f, "    Paragraph %02d says something%s about nothing in particular.\n\n", i,
			has_zebra(i) ? " zebra" : "");
	fputs("  ja: |\n", f);
	for (int i = 1; i <= PARAGRAPHS; i++)
		fprintf(f, "    段落%02dです。\n\n", i);
	return fclose(f);
}

/* ---- reading the screen ---- */

static bool cell_at(const struct vt *vt, int row, int col, struct vt_cell *cell)
{
	if (!vt_cell_at(vt, row, col, cell))
		fail();
	return true;
}

/* A match as the theme draws it: reverse video in monochrome, a
 * background colour otherwise. */
static bool lit(const struct vt *vt, int row, int col, bool mono)
{
	struct vt_cell cell;

	cell_at(vt, row, col, &cell);
	return mono ? cell.reverse : !cell.bg_default && !cell.reverse;
}

/* Cells [col, col + n) of row are lit, the cells just before and after
 * are not. (The right half of a wide character has no attributes of its
 * own in libvterm: its left half's count.) */
static void expect_lit(struct vt *vt, int row, int col, int n, bool mono)
{
	for (int c = col; c < col + n; c++) {
		struct vt_cell cell;

		cell_at(vt, row, c, &cell);
		if (cell.width > 0 && !lit(vt, row, c, mono))
			e2e_fail(vt, "cell %d,%d of the match is not highlighted", row, c);
	}
	if (col > 0 && e2e_highlighted(vt, row, col - 1))
		e2e_fail(vt, "cell %d,%d before the match is highlighted", row, col - 1);
	if (e2e_highlighted(vt, row, col + n))
		e2e_fail(vt, "cell %d,%d after the match is highlighted", row, col + n);
}

/* No highlighted cell between the title bar and the status line. */
static void expect_nothing_lit(struct vt *vt)
{
	for (int row = 1; row < STATUS_ROW; row++)
		for (int col = 0; col < COLS; col++)
			if (e2e_highlighted(vt, row, col))
				e2e_fail(vt, "cell %d,%d is highlighted", row, col);
}

static void expect_paragraph_lit(struct vt *vt, int paragraph, bool mono)
{
	char text[80];
	int row, col;

	snprintf(text, sizeof(text), "Paragraph %02d says something zebra", paragraph);
	e2e_expect_text(vt, text);
	e2e_locate(vt, "zebra", &row, &col);
	expect_lit(vt, row, col, 5, mono);
}

static void expect_count(struct vt *vt, int current, int total)
{
	char text[32];

	snprintf(text, sizeof(text), "%d/%d  ", current, total);
	e2e_expect_in_row(vt, STATUS_ROW, text);
}

/* ---- "/" in a section ---- */

static void find_in_long_section(bool mono)
{
	struct vt *vt = mono ? e2e_spawn_content(ROWS, COLS, long_dir, (const char *const[]){"--no-color", "long", NULL})
			     : e2e_spawn_content(ROWS, COLS, long_dir, (const char *const[]){"long", NULL});
	int row, col;

	e2e_expect_text(vt, "Paragraph 01 says");
	e2e_type(vt, "/");
	e2e_expect_row(vt, PROMPT_ROW, "Find:");
	/* One letter: already at the first match, off the first screen. */
	e2e_type(vt, "z");
	e2e_expect_row(vt, PROMPT_ROW, "Find: z");
	expect_count(vt, 1, ZEBRAS);
	e2e_expect_text(vt, "Paragraph 20 says something zebra");
	e2e_expect_gone(vt, "Paragraph 01 says");
	e2e_locate(vt, "zebra", &row, &col);
	expect_lit(vt, row, col, 1, mono);
	e2e_type(vt, "ebra");
	e2e_expect_row(vt, PROMPT_ROW, "Find: zebra");
	expect_count(vt, 1, ZEBRAS);
	expect_paragraph_lit(vt, zebra[0], mono);
	/* Enter: the prompt goes, the matches stay. */
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_in_row(vt, PROMPT_ROW, "n/N");
	expect_count(vt, 1, ZEBRAS);
	expect_paragraph_lit(vt, zebra[0], mono);
	/* n to the end and round to the top; N round to the bottom. */
	for (int i = 1; i < ZEBRAS; i++) {
		e2e_type(vt, "n");
		expect_count(vt, i + 1, ZEBRAS);
		expect_paragraph_lit(vt, zebra[i], mono);
	}
	e2e_type(vt, "n");
	/* The notices fit whole beside the count at 80 columns. */
	e2e_expect_in_row(vt, STATUS_ROW, "Passed the end: continued from the top");
	expect_count(vt, 1, ZEBRAS);
	expect_paragraph_lit(vt, zebra[0], mono);
	e2e_type(vt, "N");
	e2e_expect_in_row(vt, STATUS_ROW, "Passed the start: continued from the end");
	expect_count(vt, ZEBRAS, ZEBRAS);
	expect_paragraph_lit(vt, zebra[ZEBRAS - 1], mono);
	e2e_quit(vt);
}

static void test_find_colour(void **state)
{
	(void)state;
	find_in_long_section(false);
}

static void test_find_monochrome(void **state)
{
	(void)state;
	find_in_long_section(true);
}

/* Esc puts the view back where it was before "/", and drops the matches. */
static void test_find_escape(void **state)
{
	struct vt *vt = e2e_spawn_content(ROWS, COLS, long_dir, (const char *const[]){"long", NULL});
	char before[ROWS][256];

	(void)state;
	e2e_expect_text(vt, "Paragraph 01 says");
	e2e_press(vt, VT_KEY_PGDN);
	e2e_expect_gone(vt, "Paragraph 01 says");
	for (int row = 0; row < STATUS_ROW; row++)
		snprintf(before[row], sizeof(before[row]), "%s", vt_row_text(vt, row));
	e2e_type(vt, "/zebra");
	e2e_expect_text(vt, "Paragraph 20 says something zebra");
	e2e_press(vt, VT_KEY_ESC);
	e2e_expect_in_row(vt, PROMPT_ROW, "/ search");
	for (int row = 0; row < STATUS_ROW; row++)
		e2e_expect_row(vt, row, before[row]);
	expect_nothing_lit(vt);
	if (strstr(vt_row_text(vt, STATUS_ROW), "/3  ") != NULL)
		e2e_fail(vt, "the matches are still counted");
	e2e_quit(vt);
}

/* ---- Japanese input ---- */

static void test_find_japanese_input(void **state)
{
	static const char *const chars[] = {"\xe3\x83\x91", "\xe3\x83\xaa", "\xe5\x8d\x94", "\xe5\xae\x9a"};
	struct vt *vt = E2E_SPAWN(ROWS, COLS, "about");
	char prompt[128] = "\xe6\xa4\x9c\xe7\xb4\xa2:"; /* 検索: */
	int row, col;

	(void)state;
	e2e_type(vt, "/");
	e2e_expect_row(vt, PROMPT_ROW, prompt);
	/* As an input method commits a word: one write. */
	e2e_type(vt, "\xe3\x83\x91\xe3\x83\xaa\xe5\x8d\x94\xe5\xae\x9a"); /* パリ協定 */
	e2e_expect_row(vt, PROMPT_ROW, "\xe6\xa4\x9c\xe7\xb4\xa2: \xe3\x83\x91\xe3\x83\xaa\xe5\x8d\x94\xe5\xae\x9a");
	expect_count(vt, 1, 1);
	/* The cursor after the text: "検索: " is 6 columns, the word 8. */
	vt_cursor(vt, &row, &col);
	assert_int_equal(row, PROMPT_ROW);
	assert_int_equal(col, 14);
	assert_true(vt_cursor_visible(vt));
	/* Backspace takes one character, four to empty the field. */
	e2e_press(vt, VT_KEY_BACKSPACE);
	e2e_expect_row(vt, PROMPT_ROW, "\xe6\xa4\x9c\xe7\xb4\xa2: \xe3\x83\x91\xe3\x83\xaa\xe5\x8d\x94");
	for (int i = 0; i < 3; i++)
		e2e_press(vt, VT_KEY_BACKSPACE);
	e2e_expect_row(vt, PROMPT_ROW, prompt);
	/* One character a write. */
	strcat(prompt, " ");
	for (size_t i = 0; i < sizeof(chars) / sizeof(chars[0]); i++) {
		e2e_type(vt, chars[i]);
		strcat(prompt, chars[i]);
		e2e_expect_row(vt, PROMPT_ROW, prompt);
	}
	expect_count(vt, 1, 1);
	/* か and a combining voiced mark, in two writes: one grapheme, that
	 * one Backspace takes whole. */
	e2e_type(vt, "\xe3\x81\x8b");
	e2e_type(vt, "\xe3\x82\x99");
	row = -1;
	if (!vt_find(vt, "\xe5\xae\x9a\xe3\x81\x8b\xe3\x82\x99", &row, NULL) &&
	    !vt_find(vt, "\xe5\xae\x9a\xe3\x81\x8c", &row, NULL)) /* 定が, composed */
		e2e_fail(vt, "the voiced ka is not in the prompt");
	assert_int_equal(row, PROMPT_ROW);
	e2e_press(vt, VT_KEY_BACKSPACE);
	e2e_expect_row(vt, PROMPT_ROW, prompt);
	/* q would be a letter of the query: Esc first. */
	e2e_press(vt, VT_KEY_ESC);
	e2e_expect_in_row(vt, PROMPT_ROW, "/ ");
	e2e_quit(vt);
}

/* ---- a match across a line break ---- */

/* The output of a command, in a malloc'd string. */
static char *command_output(const char *cmd)
{
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);
	FILE *p = popen(cmd, "r");
	size_t n;

	assert_non_null(out);
	assert_non_null(p);
	while ((n = fread(out + len, 1, cap - len - 1, p)) > 0) {
		len += n;
		if (len + 1 == cap) {
			out = realloc(out, cap *= 2);
			assert_non_null(out);
		}
	}
	out[len] = '\0';
	assert_int_equal(pclose(p), 0);
	return out;
}

static bool is_japanese(ucs4_t c)
{
	return (c >= 0x3041 && c <= 0x30ff && c != 0x30fb && c != 0x30fc) || (c >= 0x4e00 && c <= 0x9fff);
}

/* In the section about laid out at `width` (as lgma --dump does it), the
 * first two consecutive lines where the first ends in a Japanese letter
 * and the next starts with two: the phrase across them (last letter, then
 * two), and both lines. Returns false when there is none. */
static bool wrapped_phrase(int width, char *phrase, char *first, char *second, size_t size)
{
	char cmd[1024], *dump, *line, *next;
	bool found = false;

	snprintf(cmd, sizeof(cmd), "'%s' --content '%s' --lang ja --dump about --width %d", e2e_lgma_path(),
		 LGMA_CONTENT_DIR, width);
	dump = command_output(cmd);
	for (line = dump; !found && (next = strchr(line, '\n')) != NULL; line = next + 1) {
		const uint8_t *a = (const uint8_t *)line, *end = (const uint8_t *)next, *last, *b, *b1, *b2;
		ucs4_t c1, c2, c3;
		char *after = strchr(next + 1, '\n');

		if (after == NULL || end == a)
			continue;
		last = u8_prev(&c1, end, a);
		b = (const uint8_t *)next + 1;
		b1 = b + u8_mbtouc(&c2, b, (size_t)((const uint8_t *)after - b));
		if (last == NULL || b1 >= (const uint8_t *)after)
			continue;
		b2 = b1 + u8_mbtouc(&c3, b1, (size_t)((const uint8_t *)after - b1));
		if (!is_japanese(c1) || !is_japanese(c2) || !is_japanese(c3))
			continue;
		snprintf(phrase, size, "%.*s%.*s", (int)(end - last), (const char *)last, (int)(b2 - b), (const char *)b);
		snprintf(first, size, "%.*s", (int)(next - line), line);
		snprintf(second, size, "%.*s", (int)(after - next - 1), next + 1);
		found = true;
	}
	free(dump);
	return found;
}

static int columns(const char *s)
{
	return u8_width((const uint8_t *)s, strlen(s), "UTF-8");
}

static int row_of(struct vt *vt, const char *text)
{
	for (int row = 0; row < ROWS; row++)
		if (strcmp(vt_row_text(vt, row), text) == 0)
			return row;
	e2e_fail(vt, "no row is \"%s\"", text);
	return -1;
}

static void test_find_across_lines(void **state)
{
	char phrase[64], first[512], second[512], text[520];
	int r1, r2, end1;

	(void)state;
	/* The reading view is COLS - 1 wide, from the first column. */
	if (!wrapped_phrase(COLS - 1, phrase, first, second, sizeof(first)))
		fail_msg("no Japanese phrase of the section 'about' wraps at %d columns", COLS - 1);
	for (bool mono = false;; mono = true) {
		struct vt *vt = mono ? E2E_SPAWN(ROWS, COLS, "--no-color", "about") : E2E_SPAWN(ROWS, COLS, "about");

		e2e_type(vt, "/");
		e2e_type(vt, phrase);
		e2e_press(vt, VT_KEY_ENTER);
		snprintf(text, sizeof(text), "%s", first);
		r1 = row_of(vt, text);
		snprintf(text, sizeof(text), "%s", second);
		r2 = row_of(vt, text);
		assert_int_equal(r2, r1 + 1);
		/* The last letter of the first line (two columns), the first two
		 * of the next. */
		end1 = columns(first);
		expect_lit(vt, r1, end1 - 2, 2, mono);
		expect_lit(vt, r2, 0, 4, mono);
		e2e_quit(vt);
		if (mono)
			break;
	}
}

/* ---- "S": the results list ---- */

static int cli_matches(const char *query, const char *lang)
{
	char cmd[1024], *out;
	int n = 0;

	snprintf(cmd, sizeof(cmd), "'%s' --content '%s' --search '%s' --lang %s", e2e_lgma_path(), LGMA_CONTENT_DIR,
		 query, lang);
	out = command_output(cmd);
	for (const char *p = out; *p != '\0'; p++)
		n += *p == '\n';
	free(out);
	return n;
}

static void expect_results(struct vt *vt, int count, bool all)
{
	char head[128];

	snprintf(head, sizeof(head), " Search results: %d found%s", count, all ? " (all languages)" : "");
	e2e_expect_row(vt, 1, head);
}

static bool same_look(const struct vt_cell *a, const struct vt_cell *b)
{
	return a->reverse == b->reverse && a->bold == b->bold && a->underline == b->underline &&
	       a->bg_default == b->bg_default && a->bg_index == b->bg_index && a->fg_index == b->fg_index;
}

/* Each result row is "title — snippet" with the query in it highlighted:
 * lit where no other row is (the cells round it plain), and on the
 * selected row drawn unlike the selection round it. */
static void expect_result_rows(struct vt *vt, int count, const char *query)
{
	for (int i = 0; i < count; i++) {
		int row = 3 + i, col;
		const char *text = vt_row_text(vt, row), *hit = strstr(text, query), *dash = strstr(text, " \xe2\x80\x94 ");
		struct vt_cell match, before, after;
		char probe[128];

		if (dash == NULL || hit == NULL || hit < dash)
			e2e_fail(vt, "row %d is not \"title \xe2\x80\x94 snippet\" with %s in the snippet", row, query);
		/* The column of the hit: the query's place in this row. */
		snprintf(probe, sizeof(probe), "%s", query);
		col = -1;
		for (int c = 0; c < COLS && col < 0; c++) {
			int k = 0;
			for (; probe[k] != '\0'; k++) {
				struct vt_cell cell;
				cell_at(vt, row, c + k, &cell);
				if (cell.text[0] != probe[k] || cell.text[1] != '\0')
					break;
			}
			if (probe[k] == '\0')
				col = c;
		}
		if (col <= 0)
			e2e_fail(vt, "%s is not in row %d", query, row);
		cell_at(vt, row, col, &match);
		cell_at(vt, row, col - 1, &before);
		cell_at(vt, row, col + (int)strlen(query), &after);
		if (!e2e_highlighted(vt, row, col) || same_look(&match, &before) || same_look(&match, &after))
			e2e_fail(vt, "the match in row %d is not highlighted apart", row);
	}
}

static void results(bool mono)
{
	const char *query = "2015";
	int one = cli_matches(query, "en"), all = cli_matches(query, "all");
	struct vt *vt = mono ? E2E_SPAWN(ROWS, COLS, "--lang", "en", "--no-color") : E2E_SPAWN(ROWS, COLS, "--lang", "en");
	char status[32];
	int row, col;

	assert_true(one >= 2);
	assert_true(all > one);
	e2e_type(vt, "S");
	e2e_expect_row(vt, PROMPT_ROW, "Search everything:");
	e2e_expect_in_row(vt, STATUS_ROW, "Tab all languages");
	e2e_type(vt, query);
	expect_results(vt, one, false);
	expect_result_rows(vt, one, query);
	/* Tab in the prompt: every language, and back. */
	e2e_press(vt, VT_KEY_TAB);
	expect_results(vt, all, true);
	e2e_expect_row(vt, PROMPT_ROW, "Search everything: 2015");
	e2e_press(vt, VT_KEY_TAB);
	expect_results(vt, one, false);
	/* Enter closes the prompt; the second result opened shows its match. */
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_in_row(vt, PROMPT_ROW, "Enter open");
	e2e_press(vt, VT_KEY_DOWN);
	snprintf(status, sizeof(status), "2/%d", one);
	e2e_expect_in_row(vt, STATUS_ROW, status);
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_gone(vt, "Search results");
	expect_count(vt, 1, 1);
	e2e_locate(vt, query, &row, &col);
	if (row >= STATUS_ROW)
		e2e_fail(vt, "the match is not in the text");
	expect_lit(vt, row, col, 4, mono);
	/* Backspace: the list again, on the same result. */
	e2e_press(vt, VT_KEY_BACKSPACE);
	expect_results(vt, one, false);
	e2e_expect_in_row(vt, STATUS_ROW, status);
	e2e_quit(vt);
}

static void test_results_colour(void **state)
{
	(void)state;
	results(false);
}

static void test_results_monochrome(void **state)
{
	(void)state;
	results(true);
}

/* An office among the results opens the offices view on that office,
 * even when the offices' filter hid it. */
static void test_result_office(void **state)
{
	struct vt *vt = E2E_SPAWN(ROWS, COLS, "--lang", "en", "offices");

	(void)state;
	e2e_type(vt, "/delhi");
	e2e_press(vt, VT_KEY_ENTER);
	e2e_expect_in_row(vt, STATUS_ROW, "1/1");
	for (int round = 0; round < 2; round++) {
		/* The second time the prompt still holds the query. */
		e2e_type(vt, "S");
		e2e_expect_row(vt, PROMPT_ROW, round == 0 ? "Search everything:" : "Search everything: Minato");
		if (round == 0)
			e2e_type(vt, "Minato");
		expect_results(vt, 1, false);
		e2e_expect_text(vt, "Japan Office \xe2\x80\x94 Minato-ku");
		e2e_press(vt, VT_KEY_ENTER);
		e2e_press(vt, VT_KEY_ENTER);
		e2e_expect_gone(vt, "Search results");
		e2e_expect_in_row(vt, STATUS_ROW, " Japan Office ");
		e2e_expect_text(vt, "\xe2\x94\x82 Japan Office"); /* the card, right of the list */
		e2e_expect_text(vt, "Minato-ku");
		if (strstr(vt_row_text(vt, STATUS_ROW), "/15") == NULL)
			e2e_fail(vt, "the filter that hid the office is still on");
		/* Elsewhere in the list, then the same result again. */
		e2e_press(vt, VT_KEY_HOME);
	}
	e2e_quit(vt);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_colour),
		cmocka_unit_test(test_find_monochrome),
		cmocka_unit_test(test_find_escape),
		cmocka_unit_test(test_find_japanese_input),
		cmocka_unit_test(test_find_across_lines),
		cmocka_unit_test(test_results_colour),
		cmocka_unit_test(test_results_monochrome),
		cmocka_unit_test(test_result_office),
	};

	return cmocka_run_group_tests(tests, setup, NULL);
}
