/* lgma: a terminal browser for LGMA content. Options and dispatch only. */
#include <errno.h>
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
#include "logbook.h"
#include "tui.h"
#include <unistr.h>

static const char *log_path;

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
	      "      --low-bandwidth  no colours or decoration: fewest bytes on a slow link\n"
	      "                       (also for TERM=vt100 and LGMA_LOW_BANDWIDTH=1)\n"
	      "      --kiosk          for public terminals: the quitting keys only show a\n"
	      "                       hint, an idle terminal returns to the start\n"
	      "      --exit-key=KEYS  in a kiosk, the keys that quit (e.g. ^X^Q)\n"
	      "      --idle-timeout=SECONDS  return to the start after SECONDS without a\n"
	      "                       key (default 120 in a kiosk, 0 = never)\n"
	      "      --watch          reload when the content files change\n"
	      "      --log=FILE       where reload errors go (default: syslog)\n"
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

/* "^X^Q" or "x": the operator's exit keys, caret notation for controls. */
static bool parse_exit_key(const char *arg, struct app_config *config)
{
	const uint8_t *s = (const uint8_t *)arg;
	size_t n = strlen(arg), i = 0;

	config->exit_key_length = 0;
	while (i < n) {
		ucs4_t c;
		int len;
		if (config->exit_key_length == APP_EXIT_KEY_MAX)
			return false;
		if (s[i] == '^' && i + 1 < n && ((s[i + 1] >= '@' && s[i + 1] <= '_') || s[i + 1] == '?' ||
						 (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
			c = s[i + 1] == '?' ? 127 : (ucs4_t)(s[i + 1] & 0x1f);
			len = 2;
		} else if ((len = u8_mbtoucr(&c, s + i, n - i)) <= 0) {
			return false;
		}
		config->exit_key[config->exit_key_length++] = c;
		i += (size_t)len;
	}
	return config->exit_key_length > 0;
}

static bool slow_terminal(void)
{
	const char *term = getenv("TERM"), *env = getenv("LGMA_LOW_BANDWIDTH");

	if (env != NULL && *env != '\0')
		return strcmp(env, "0") != 0;
	return term != NULL && (strncmp(term, "vt1", 3) == 0 || strncmp(term, "vt2", 3) == 0 ||
				strncmp(term, "vt52", 4) == 0);
}

static int browse(const struct cli_options *opt, struct tui_options *tui, struct app_config *config)
{
	struct diag_list diags;
	struct content *c;
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
	config->start = opt->start;
	config->lang = (size_t)lang;
	tui->lang_given = opt->lang != NULL;
	tui->content_dir = opt->content_dir;
	tui->low_bandwidth |= slow_terminal();
	if (!logbook_open(log_path)) {
		fprintf(stderr, "lgma: cannot open the log %s: %s\n", log_path, strerror(errno));
		content_free(c);
		return EXIT_USAGE;
	}
	status = tui_run(&c, config, tui);
	logbook_close();
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
		{"low-bandwidth", no_argument, NULL, 'W'},
		{"kiosk", no_argument, NULL, 'K'},
		{"exit-key", required_argument, NULL, 'X'},
		{"idle-timeout", required_argument, NULL, 'I'},
		{"watch", no_argument, NULL, 'H'},
		{"log", required_argument, NULL, 'G'},
		{NULL, 0, NULL, 0},
	};
	struct cli_options opt = {0};
	struct tui_options tui = {.idle_timeout = -1};
	struct app_config config = {0};
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
		case 'W':
			tui.low_bandwidth = true;
			break;
		case 'K':
			tui.kiosk = true;
			break;
		case 'X':
			if (!parse_exit_key(optarg, &config))
				return usage_error("--exit-key takes up to 16 keys such as ^X^Q, not ", optarg);
			break;
		case 'I': {
			char *end;
			long seconds = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || seconds < 0 || seconds > 86400)
				return usage_error("--idle-timeout takes 0 to 86400 seconds, not ", optarg);
			tui.idle_timeout = (int)seconds;
			break;
		}
		case 'H':
			tui.watch = true;
			break;
		case 'G':
			log_path = optarg;
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
	return browse(&opt, &tui, &config);
}
