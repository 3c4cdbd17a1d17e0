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
#include "lgma/load.h"
#include "tui.h"

enum mode {
	MODE_BROWSE,
	MODE_CHECK,
	MODE_LIST,
};

static void usage(FILE *out)
{
	fputs("Usage: lgma [OPTION]... [SECTION-ID|offices]\n"
	      "Browse LGMA content (sections and offices) in Japanese or English.\n"
	      "\n"
	      "  -c, --check          validate the content and print a summary\n"
	      "  -l, --list           list the sections: ID<TAB>TITLE\n"
	      "      --content=DIR    read content from DIR\n"
	      "  -L, --lang=CODE      language to show (e.g. ja, en)\n"
	      "      --utf8[=WHEN]    UTF-8 output: yes, no or auto (ask the terminal);\n"
	      "                       by default from the locale, asking when it is C\n"
	      "      --ambiguous-wide[=WHEN]  East Asian Ambiguous characters are two\n"
	      "                       columns: yes, no or auto (ask the terminal);\n"
	      "                       by default yes in Japanese, Chinese, Korean locales\n"
	      "      --no-color       no colours (also when NO_COLOR is set)\n"
	      "      --theme=NAME     default or high-contrast\n"
	      "      --screen-reader  keep the cursor on the selection, no decoration\n"
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

static bool parse_choice(const char *arg, enum tui_choice *out)
{
	if (arg == NULL || strcmp(arg, "yes") == 0 || strcmp(arg, "always") == 0)
		*out = TUI_YES;
	else if (strcmp(arg, "no") == 0 || strcmp(arg, "never") == 0)
		*out = TUI_NO;
	else if (strcmp(arg, "auto") == 0)
		*out = TUI_AUTO;
	else
		return false;
	return true;
}

static int browse(const struct cli_options *opt, struct tui_options *tui)
{
	struct diag_list diags;
	struct content *c;
	struct app_config config = {.start = opt->start};
	int lang, status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("lgma: the browser needs a terminal; --dump prints text\n", stderr);
		return EXIT_USAGE;
	}
	diag_init(&diags);
	c = load_content_dir(opt->content_dir, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	if (c == NULL)
		return EXIT_CONTENT;
	lang = cli_language(c, opt->lang);
	if (lang < 0 || !app_start_valid(c, opt->start)) {
		if (lang >= 0) {
			fprintf(stderr, "lgma: no section '%s'; there are:", opt->start);
			for (size_t i = 0; i < c->section_count; i++)
				fprintf(stderr, " %s", c->sections[i].id);
			fputs(c->office_count ? " offices\n" : "\n", stderr);
		}
		content_free(c);
		return EXIT_USAGE;
	}
	config.lang = (size_t)lang;
	tui->lang_given = opt->lang != NULL;
	status = tui_run(c, &config, tui);
	content_free(c);
	return status;
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
		{"utf8", optional_argument, NULL, 'U'},
		{"ambiguous-wide", optional_argument, NULL, 'A'},
		{"no-color", no_argument, NULL, 'N'},
		{"no-colour", no_argument, NULL, 'N'},
		{"theme", required_argument, NULL, 'T'},
		{"screen-reader", no_argument, NULL, 'R'},
		{NULL, 0, NULL, 0},
	};
	struct cli_options opt = {0};
	struct tui_options tui = {0};
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
		case 'U':
			if (!parse_choice(optarg, &tui.utf8))
				return usage_error("--utf8 takes yes, no or auto, not ", optarg);
			break;
		case 'A':
			if (!parse_choice(optarg, &tui.ambiguous_wide))
				return usage_error("--ambiguous-wide takes yes, no or auto, not ", optarg);
			break;
		case 'N':
			tui.no_color = true;
			break;
		case 'T':
			if (strcmp(optarg, "high-contrast") == 0)
				tui.theme = TUI_THEME_HIGH_CONTRAST;
			else if (strcmp(optarg, "default") != 0)
				return usage_error("--theme takes default or high-contrast, not ", optarg);
			break;
		case 'R':
			tui.screen_reader = true;
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
	case MODE_BROWSE:
		break;
	}
	return browse(&opt, &tui);
}
