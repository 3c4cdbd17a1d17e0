/* lgma: a terminal browser for LGMA content. Options and dispatch only. */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

enum mode {
	MODE_BROWSE,
	MODE_CHECK,
	MODE_LIST,
	MODE_DUMP,
};

static void usage(FILE *out)
{
	fputs("Usage: lgma [OPTION]... [SECTION-ID|offices]\n"
	      "Browse LGMA content (sections and offices) in Japanese or English.\n"
	      "\n"
	      "  -c, --check          validate the content and print a summary\n"
	      "  -l, --list           list the sections: ID<TAB>TITLE\n"
	      "      --dump=map       print the offices' world map (--width, --height,\n"
	      "                       --ascii, --select=OFFICE-ID, --lang)\n"
	      "      --content=DIR    read content from DIR\n"
	      "  -L, --lang=CODE      language to show (e.g. ja, en)\n"
	      "  -h, --help           show this help and exit\n"
	      "  -V, --version        show the version and exit\n"
	      "\n"
	      "Exit status: 0 ok, 1 invalid content, 2 usage error.\n",
	      out);
}

static int usage_error(const char *what, const char *arg)
{
	fprintf(stderr, "lgma: %s%s\n", what, arg);
	fputs("Try 'lgma --help' for more information.\n", stderr);
	return EXIT_USAGE;
}

/* A --width or --height: 1..1000. */
static bool parse_size(const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || *end != '\0' || v < 1 || v > 1000)
		return false;
	*out = (int)v;
	return true;
}

/* The build tree's binary reads the source tree's content, so a developer
 * never runs against a stale installed copy. */
static int running_from_build_tree(void)
{
	char exe[PATH_MAX], *slash;
	char *build = realpath(LGMA_BUILD_ROOT, NULL);
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	int same;

	if (build == NULL || n <= 0) {
		free(build);
		return 0;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (slash != NULL)
		*slash = '\0';
	same = strncmp(exe, build, strlen(build)) == 0;
	free(build);
	return same;
}

const char *cli_content_dir(const char *option)
{
	const char *env = getenv("LGMA_CONTENT");

	if (option != NULL)
		return option;
	if (env != NULL && *env != '\0')
		return env;
	if (running_from_build_tree())
		return LGMA_SOURCE_CONTENT;
	return LGMA_DATADIR;
}

static const char *locale_name(void)
{
	const char *vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return v;
	}
	return NULL;
}

int cli_language(const struct content *c, const char *requested)
{
	int lang = content_pick_lang(c, requested, locale_name());

	if (lang < 0) {
		fprintf(stderr, "lgma: the content has no language '%s' (it has:", requested);
		for (size_t i = 0; i < c->lang_count; i++)
			fprintf(stderr, " %s", c->langs[i]);
		fputs(")\n", stderr);
	}
	return lang;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"list", no_argument, NULL, 'l'},
		{"content", required_argument, NULL, 'C'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"dump", required_argument, NULL, 'D'},
		{"width", required_argument, NULL, 'W'},
		{"height", required_argument, NULL, 'H'},
		{"ascii", no_argument, NULL, 'A'},
		{"select", required_argument, NULL, 'S'},
		{NULL, 0, NULL, 0},
	};
	struct cli_options opt = {0};
	enum mode mode = MODE_BROWSE;
	const char *content = NULL;
	int ch;

	setlocale(LC_ALL, "");
	while ((ch = getopt_long(argc, argv, "clL:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			mode = MODE_CHECK;
			break;
		case 'l':
			mode = MODE_LIST;
			break;
		case 'C':
			content = optarg;
			break;
		case 'L':
			opt.lang = optarg;
			break;
		case 'D':
			mode = MODE_DUMP;
			opt.dump = optarg;
			break;
		case 'W':
		case 'H':
			if (!parse_size(optarg, ch == 'W' ? &opt.width : &opt.height))
				return usage_error(ch == 'W' ? "--width must be 1..1000, not " : "--height must be 1..1000, not ",
						   optarg);
			break;
		case 'A':
			opt.ascii = true;
			break;
		case 'S':
			opt.select = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_SUCCESS;
		case 'V':
			printf("lgma %s\n", LGMA_VERSION);
			return EXIT_SUCCESS;
		default:
			fputs("Try 'lgma --help' for more information.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc)
		opt.start = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument: ", argv[optind]);
	opt.content_dir = cli_content_dir(content);
	switch (mode) {
	case MODE_CHECK:
		return cli_check(&opt);
	case MODE_LIST:
		return cli_list(&opt);
	case MODE_DUMP:
		if (strcmp(opt.dump, "map") == 0)
			return cli_dump_map(&opt);
		return usage_error("unknown --dump target: ", opt.dump);
	case MODE_BROWSE:
		break;
	}
	return usage_error("the interactive browser is not built yet; use --check or --list", "");
}
