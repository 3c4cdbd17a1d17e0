/* bench-search-wire: the bytes lgma's search ("/", a word, Enter) puts on
 * the wire next to less's, on the same lines at the same terminal size
 * (search-wire.h). A program for people: it prints figures and judges
 * nothing; tests/e2e/test-search-budget.c holds lgma to less's count.
 *
 *   bench-search-wire [--word W] [--size ROWSxCOLS]... [--term T] [--verbose]
 *
 * --verbose also says what each viewer's bytes are (text, cursor motions,
 * attributes...) and prints them as readable tokens. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "search-wire.h"

enum { MAX_SIZES = 8 };

static char tmp_dir[] = "/tmp/lgma-search-wire-XXXXXX";

static void remove_tmp(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "bench-search-wire: could not remove %s\n", tmp_dir);
}

static void usage(FILE *out)
{
	fprintf(out, "Usage: bench-search-wire [--word W] [--size ROWSxCOLS]... [--term T] [--verbose]\n"
		     "The bytes of \"/\", W and Enter in less and in lgma on the same lines.\n"
		     "Defaults: --word 'Pass 2' --size 24x80 --size 50x200 --term xterm-256color\n");
}

static void print_row(const char *size, const char *name, const struct search_wire_figures *f)
{
	if (!f->started) {
		printf("%-8s %-5s did not start\n", size, name);
		return;
	}
	printf("%-8s %-5s %8zu %6zu %6zu %6zu %8zu %7ld  %s\n", size, name, f->initial, f->step[SEARCH_WIRE_PROMPT],
	       f->step[SEARCH_WIRE_WORD], f->step[SEARCH_WIRE_ENTER], f->total, f->writes, f->found ? "yes" : "NO");
}

int main(int argc, char **argv)
{
	static const struct option options[] = {
		{"word", required_argument, NULL, 'w'}, {"size", required_argument, NULL, 's'},
		{"term", required_argument, NULL, 't'}, {"verbose", no_argument, NULL, 'v'},
		{"help", no_argument, NULL, 'h'},	{NULL, 0, NULL, 0},
	};
	const char *word = "Pass 2", *term = "xterm-256color";
	int sizes[MAX_SIZES][2], n_sizes = 0, opt;
	bool verbose = false;

	while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
		switch (opt) {
		case 'w': word = optarg; break;
		case 't': term = optarg; break;
		case 'v': verbose = true; break;
		case 's':
			if (n_sizes == MAX_SIZES || sscanf(optarg, "%dx%d", &sizes[n_sizes][0], &sizes[n_sizes][1]) != 2 ||
			    sizes[n_sizes][0] < 1 || sizes[n_sizes][1] < 1) {
				usage(stderr);
				return 2;
			}
			n_sizes++;
			break;
		case 'h': usage(stdout); return 0;
		default: usage(stderr); return 2;
		}
	}
	if (n_sizes == 0) {
		sizes[0][0] = 24, sizes[0][1] = 80;
		sizes[1][0] = 50, sizes[1][1] = 200;
		n_sizes = 2;
	}
	if (mkdtemp(tmp_dir) == NULL) {
		perror("bench-search-wire: mkdtemp");
		return 1;
	}
	atexit(remove_tmp);
	printf("search for \"%s\" in %d lines, TERM=%s; bytes (the viewer's write() calls)\n", word,
	       SEARCH_WIRE_LINES, term);
	printf("%-8s %-5s %8s %6s %6s %6s %8s %7s  %s\n", "size", "view", "initial", "/", "word", "Enter", "search",
	       "writes", "found");
	for (int s = 0; s < n_sizes; s++) {
		char lines[4096], content[4096], size[32];
		struct search_wire_figures less, lgma;
		char **env = search_wire_env(term, tmp_dir);

		if (!search_wire_prepare(LGMA_CONTENT_DIR, LGMA_EXE, tmp_dir, sizes[s][1], lines, sizeof(lines)))
			return 1;
		snprintf(content, sizeof(content), "%s/content", tmp_dir);
		snprintf(size, sizeof(size), "%dx%d", sizes[s][1], sizes[s][0]);
		if (!search_wire_measure((char *const[]){"less", lines, NULL}, env, sizes[s][0], sizes[s][1], word,
					 &less) ||
		    !search_wire_measure((char *const[]){LGMA_EXE, "--content", content, SEARCH_WIRE_SECTION, NULL},
					 env, sizes[s][0], sizes[s][1], word, &lgma)) {
			perror("bench-search-wire: vt_spawn");
			return 1;
		}
		print_row(size, "less", &less);
		print_row(size, "lgma", &lgma);
		if (verbose) {
			printf("# less at %s\n", size);
			search_wire_explain(stdout, less.bytes, less.len, true);
			printf("# lgma at %s\n", size);
			search_wire_explain(stdout, lgma.bytes, lgma.len, true);
		}
		search_wire_free(&less);
		search_wire_free(&lgma);
	}
	return 0;
}
