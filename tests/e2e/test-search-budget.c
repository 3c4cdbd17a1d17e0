/* The search byte budget: lgma's search ("/", a word, Enter) writes no more
 * bytes than less's on the same lines at the same terminal size, both
 * measured in this run (tests/bench/search-wire.h). Two words a size: the
 * wire benchmark's "Pass 2", and a word first found a few screens down.
 *
 * The sample text repeats every pass over the content, and "Pass 2" is the
 * first line of the second pass: lgma shows a match two lines below the
 * top, so that jump is one pass exactly and curses, which sends only what
 * changed, sends little. The second word lands where the screen changes
 * whole, the costly case. Both must find their word, and lgma's screen must
 * show the very lines less was fed.
 *
 * On failure the log says what lgma's bytes are (text, cursor motions,
 * attributes) and prints them all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "search-wire.h"

enum {
	MAX_LINES = SEARCH_WIRE_LINES + 100,
	PASS_LINES = 140, /* a pass over the shipped content at 72 columns: bench-text.h */
};

static char tmp_dir[] = "/tmp/lgma-search-budget-XXXXXX";

static int setup(void **state)
{
	(void)state;
	return mkdtemp(tmp_dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	return system(cmd);
}

/* ---- the lines ---- */

struct lines {
	char *data;
	char *line[MAX_LINES];
	int count;
};

static void read_lines(const char *path, struct lines *l)
{
	FILE *f = fopen(path, "r");
	long size;

	assert_non_null(f);
	assert_int_equal(fseek(f, 0, SEEK_END), 0);
	size = ftell(f);
	rewind(f);
	l->data = malloc((size_t)size + 1);
	assert_non_null(l->data);
	assert_int_equal(fread(l->data, 1, (size_t)size, f), (size_t)size);
	l->data[size] = '\0';
	fclose(f);
	l->count = 0;
	for (char *p = l->data; *p != '\0' && l->count < MAX_LINES;) {
		char *end = strchr(p, '\n');
		l->line[l->count++] = p;
		if (end == NULL)
			break;
		*end = '\0';
		p = end + 1;
	}
}

/* An ASCII word of seven letters or more first found (whatever the case,
 * as lgma matches) on a line at least two screens down but in the first
 * pass over the content: the search has to move the view. */
static void word_screens_down(const struct lines *l, int rows, char *word, size_t size)
{
	for (int i = 2 * rows; i < l->count && i < PASS_LINES; i++) {
		for (const char *p = l->line[i]; *p != '\0';) {
			size_t n = 0;
			bool earlier = false;

			while (isalpha((unsigned char)p[n]))
				n++;
			if (n >= 7 && n < size) {
				snprintf(word, size, "%.*s", (int)n, p);
				for (int k = 0; k < i && !earlier; k++)
					earlier = strcasestr(l->line[k], word) != NULL;
				if (!earlier)
					return;
			}
			p += n > 0 ? n : 1;
		}
	}
	fail_msg("no word is first found two screens down at %d rows", rows);
}

static void trim(char *s)
{
	size_t n = strlen(s);

	while (n > 0 && s[n - 1] == ' ')
		s[--n] = '\0';
}

/* Whether row r of the screen is line i of the file (blank lines as
 * empty rows). */
static bool row_is_line(char *const row[], int r, const struct lines *l, int i)
{
	char want[1024];

	if (i >= l->count)
		return row[r][0] == '\0';
	snprintf(want, sizeof(want), "%s", l->line[i]);
	trim(want); /* a blank line is an empty row */
	return strcmp(row[r], want) == 0;
}

/* lgma's text rows (below the title bar, above the status line and the
 * hints) are consecutive lines of the file. */
static void expect_same_lines(const struct lines *l, const char *screen, int rows)
{
	char *copy = strdup(screen), *row[256];
	int n = 0;
	bool found = false;

	assert_non_null(copy);
	for (char *p = copy; n < 256 && n < rows;) {
		char *end = strchr(p, '\n');
		row[n++] = p;
		if (end == NULL)
			break;
		*end = '\0';
		p = end + 1;
	}
	assert_int_equal(n, rows);
	for (int first = 0; first < l->count && !found; first++) {
		int r = 1;
		while (r < rows - 2 && row_is_line(row, r, l, first + r - 1))
			r++;
		found = r == rows - 2;
	}
	if (!found)
		fail_msg("lgma's text rows are not consecutive lines of the file less shows:\n%s", screen);
	free(copy);
}

static void report(const char *who, const struct search_wire_figures *f)
{
	printf("# %-4s first screen %zu bytes; search: \"/\" %zu + word %zu + Enter %zu = %zu bytes in %ld "
	       "write()s\n",
	       who, f->initial, f->step[SEARCH_WIRE_PROMPT], f->step[SEARCH_WIRE_WORD], f->step[SEARCH_WIRE_ENTER],
	       f->total, f->writes);
}

static void budget(int rows, int cols)
{
	char lines_path[4096], content[4096], word[2][64] = {"Pass 2", ""};
	struct lines l;
	char **env = search_wire_env("xterm-256color", tmp_dir);

	assert_true(search_wire_prepare(LGMA_CONTENT_DIR, LGMA_EXE, tmp_dir, cols, lines_path, sizeof(lines_path)));
	snprintf(content, sizeof(content), "%s/content", tmp_dir);
	read_lines(lines_path, &l);
	word_screens_down(&l, rows, word[1], sizeof(word[1]));
	for (int w = 0; w < 2; w++) {
		struct search_wire_figures less, lgma;

		printf("# %dx%d, \"%s\"\n", cols, rows, word[w]);
		assert_true(search_wire_measure((char *const[]){"less", lines_path, NULL}, env, rows, cols, word[w],
						&less));
		assert_true(search_wire_measure(
			(char *const[]){LGMA_EXE, "--content", content, SEARCH_WIRE_SECTION, NULL}, env, rows, cols,
			word[w], &lgma));
		assert_true(less.started);
		assert_true(lgma.started);
		report("less", &less);
		report("lgma", &lgma);
		if (!less.found || !lgma.found)
			fail_msg("\"%s\" is not on screen after the search (less: %d, lgma: %d)", word[w], less.found,
				 lgma.found);
		expect_same_lines(&l, lgma.screen, rows);
		if (lgma.total > less.total) {
			search_wire_explain(stdout, lgma.bytes, lgma.len, true);
			printf("# less's bytes, for comparison:\n");
			search_wire_explain(stdout, less.bytes, less.len, false);
			fail_msg("lgma's search wrote %zu bytes, less's %zu", lgma.total, less.total);
		}
		search_wire_free(&less);
		search_wire_free(&lgma);
	}
	free(l.data);
}

static void test_80x24(void **state)
{
	(void)state;
	budget(24, 80);
}

static void test_200x50(void **state)
{
	(void)state;
	budget(50, 200);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_80x24),
		cmocka_unit_test(test_200x50),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
