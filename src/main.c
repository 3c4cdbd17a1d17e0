/* lgma: a terminal browser for LGMA content. Options and dispatch only. */
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "cli.h"
#include "config.h"

enum mode {
	MODE_BROWSE,
	MODE_CHECK,
	MODE_LIST,
	MODE_DUMP,
};

enum { WIDTH_MAX = 1000 };

static void usage(FILE *out)
{
	fputs("Usage: lgma [OPTION]... [SECTION-ID|offices]\n"
	      "Browse LGMA content (sections and offices) in Japanese or English.\n"
	      "\n"
	      "  -c, --check          validate the content and print a summary\n"
	      "  -l, --list           list the sections: ID<TAB>TITLE\n"
	      "      --dump=ID        print a section, 'offices' or 'all' as plain text\n"
	      "      --width=N        columns for --dump (1-1000; default: the terminal's)\n"
	      "      --ambiguous-wide[=yes|no|auto]\n"
	      "                       count East Asian Ambiguous characters (such as ○ and\n"
	      "                       •) as two columns; auto: in a ja, zh or ko locale\n"
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

/* Columns for --dump: the terminal's, else $COLUMNS, else 80. */
static int default_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	char *end;
	long n;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col > WIDTH_MAX ? WIDTH_MAX : ws.ws_col;
	if (env != NULL && *env != '\0') {
		n = strtol(env, &end, 10);
		if (*end == '\0' && n >= 1)
			return n > WIDTH_MAX ? WIDTH_MAX : (int)n;
	}
	return 80;
}

static int parse_width(const char *arg, int *width)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || n < 1 || n > WIDTH_MAX)
		return usage_error("invalid width (use 1 to 1000): ", arg);
	*width = (int)n;
	return 0;
}

/* Terminals in CJK locales draw East Asian Ambiguous characters wide. */
static bool locale_is_cjk(void)
{
	const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "ja", 2) == 0 || strncmp(v, "zh", 2) == 0 || strncmp(v, "ko", 2) == 0;
	}
	return false;
}

static int parse_ambiguous(const char *arg, struct cli_options *opt)
{
	opt->ambiguous_auto = arg != NULL && strcmp(arg, "auto") == 0;
	if (arg == NULL || strcmp(arg, "yes") == 0)
		opt->ambiguous_wide = true;
	else if (strcmp(arg, "no") == 0)
		opt->ambiguous_wide = false;
	else if (opt->ambiguous_auto)
		opt->ambiguous_wide = locale_is_cjk();
	else
		return usage_error("--ambiguous-wide takes yes, no or auto, not ", arg);
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"list", no_argument, NULL, 'l'},
		{"content", required_argument, NULL, 'C'},
		{"lang", required_argument, NULL, 'L'},
		{"dump", required_argument, NULL, 'D'},
		{"width", required_argument, NULL, 'W'},
		{"ambiguous-wide", optional_argument, NULL, 'A'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	struct cli_options opt = {.ambiguous_auto = true};
	enum mode mode = MODE_BROWSE;
	const char *content = NULL;
	int ch;

	setlocale(LC_ALL, "");
	opt.ambiguous_wide = locale_is_cjk();
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
			opt.start = optarg;
			break;
		case 'W':
			if (parse_width(optarg, &opt.width) != 0)
				return EXIT_USAGE;
			break;
		case 'A':
			if (parse_ambiguous(optarg, &opt) != 0)
				return EXIT_USAGE;
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
	if (optind < argc && mode != MODE_DUMP)
		opt.start = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument: ", argv[optind]);
	opt.content_dir = cli_content_dir(content);
	if (opt.width == 0)
		opt.width = default_width();
	switch (mode) {
	case MODE_CHECK:
		return cli_check(&opt);
	case MODE_LIST:
		return cli_list(&opt);
	case MODE_DUMP:
		return cli_dump(&opt);
	case MODE_BROWSE:
		break;
	}
	return usage_error("the interactive browser is not built yet; use --check or --list", "");
}
