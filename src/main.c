/* lgma: a terminal browser for LGMA content. Options and dispatch only. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <unistr.h>

#include "cli.h"
#include "config.h"
#include "lgma/load.h"
#include "logbook.h"
#include "tui.h"

static const char *log_path;

enum mode {
	MODE_BROWSE,
	MODE_CHECK,
	MODE_LIST,
	MODE_DUMP,
	MODE_SEARCH,
};

/* Long options without a short form. */
enum {
	OPT_CONTENT = 256,
	OPT_UTF8,
	OPT_AMBIGUOUS_WIDE,
	OPT_NO_COLOR,
	OPT_THEME,
	OPT_SCREEN_READER,
	OPT_LOW_BANDWIDTH,
	OPT_KIOSK,
	OPT_EXIT_KEY,
	OPT_IDLE_TIMEOUT,
	OPT_WATCH,
	OPT_LOG,
	OPT_DUMP,
	OPT_WIDTH,
	OPT_HEIGHT,
	OPT_ASCII,
	OPT_SELECT,
	OPT_SEARCH,
};

static void usage(FILE *out)
{
	fputs("Usage: lgma [OPTION]... [SECTION-ID|offices]\n"
	      "Browse LGMA content (sections and offices) in Japanese or English.\n"
	      "\n"
	      "  -c, --check          validate the content and print a summary\n"
	      "  -l, --list           list the sections: ID<TAB>TITLE\n"
	      "      --dump=ID        print a section, 'offices' or 'all' as plain text\n"
	      "      --dump=map       print the offices' world map (--height, --ascii,\n"
	      "                       --select=OFFICE-ID)\n"
	      "      --search=QUERY   print every match: ID<TAB>LINE<TAB>SNIPPET, LINE that of\n"
	      "                       --dump, the match in [[ ]]; case, accents, width and\n"
	      "                       kana do not matter; --lang all: every language\n"
	      "      --width=N        columns for --dump (1-1000; default: the terminal's)\n"
	      "      --height=N       rows for --dump=map (default 24)\n"
	      "      --content=DIR    read content from DIR\n"
	      "  -L, --lang=CODE      language to show (e.g. ja, en)\n"
	      "      --utf8[=WHEN]    UTF-8 output: yes, no or auto (ask the terminal);\n"
	      "                       by default from the locale, asking when it is C\n"
	      "      --ambiguous-wide[=WHEN]  East Asian Ambiguous characters are two\n"
	      "                       columns: yes, no or auto (ask the terminal);\n"
	      "                       by default yes in Japanese, Chinese, Korean locales\n"
	      "      --ascii          ASCII map and decoration\n"
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
	      "Exit status: 0 ok, 1 invalid content (--search: no match), 2 usage error.\n",
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

static bool parse_size(const char *arg, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (end == arg || *end != '\0' || v < 1 || v > 1000)
		return false;
	*out = (int)v;
	return true;
}

/* Columns for --dump: the terminal's, else $COLUMNS, else 80. */
static int default_width(void)
{
	struct winsize ws;
	const char *env = getenv("COLUMNS");
	int width;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col > 1000 ? 1000 : ws.ws_col;
	if (env != NULL && parse_size(env, &width))
		return width;
	return 80;
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

static struct content *load(const struct cli_options *opt, bool land_later, int *lang, int *status)
{
	struct diag_list diags;
	struct content *c;

	diag_init(&diags);
	c = land_later ? load_content_dir_land_later(opt->content_dir, &diags)
		       : load_content_dir(opt->content_dir, &diags);
	diag_print(&diags, stderr);
	diag_fini(&diags);
	if (c == NULL) {
		*status = EXIT_CONTENT;
		return NULL;
	}
	*lang = cli_language(c, opt->lang);
	if (*lang < 0) {
		content_free(c);
		*status = EXIT_USAGE;
		return NULL;
	}
	return c;
}

struct content *cli_load(const struct cli_options *opt, int *lang, int *status)
{
	return load(opt, false, lang, status);
}

static int browse(const struct cli_options *opt, struct tui_options *tui, struct app_config *config)
{
	struct content *c;
	int lang, status;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fputs("lgma: the browser needs a terminal; --dump prints text\n", stderr);
		return EXIT_USAGE;
	}
	/* The map's land is read when the map is first shown. */
	if ((c = load(opt, true, &lang, &status)) == NULL)
		return status;
	if (!app_start_valid(c, opt->start)) {
		fprintf(stderr, "lgma: no section '%s'; there are:", opt->start);
		for (size_t i = 0; i < c->section_count; i++)
			fprintf(stderr, " %s", c->sections[i].id);
		fputs(c->office_count ? " offices\n" : "\n", stderr);
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

/* The locale's language is Japanese, Chinese or Korean: terminals there
 * usually draw East Asian Ambiguous characters two columns wide. */
static bool locale_is_cjk(void)
{
	const char *vars[] = {"LC_ALL", "LC_CTYPE", "LANG"};

	for (size_t i = 0; i < 3; i++) {
		const char *v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return strncmp(v, "ja", 2) == 0 || strncmp(v, "zh", 2) == 0 || strncmp(v, "ko", 2) == 0;
	}
	return false;
}

struct settings {
	enum mode mode;
	const char *content;
	struct cli_options opt;
	struct tui_options tui;
	struct app_config config;
};

/* Applies one option; returns -1 to go on, else the exit status. */
static int apply_option(struct settings *s, int ch, const char *arg)
{
	switch (ch) {
	case 'c': s->mode = MODE_CHECK; break;
	case 'l': s->mode = MODE_LIST; break;
	case 'L': s->opt.lang = arg; break;
	case OPT_CONTENT: s->content = arg; break;
	case OPT_DUMP:
		s->mode = MODE_DUMP;
		s->opt.dump = arg;
		break;
	case OPT_SEARCH:
		s->mode = MODE_SEARCH;
		s->opt.search = arg;
		break;
	case OPT_WIDTH:
	case OPT_HEIGHT:
		if (!parse_size(arg, ch == OPT_WIDTH ? &s->opt.width : &s->opt.height))
			return usage_error(ch == OPT_WIDTH ? "--width must be 1..1000, not " : "--height must be 1..1000, not ",
					   arg);
		break;
	case OPT_ASCII: s->opt.ascii = true; break;
	case OPT_SELECT: s->opt.select = arg; break;
	case OPT_UTF8:
		if (!parse_choice(arg, &s->tui.utf8))
			return usage_error("--utf8 takes yes, no or auto, not ", arg);
		break;
	case OPT_AMBIGUOUS_WIDE:
		if (!parse_choice(arg, &s->tui.ambiguous_wide))
			return usage_error("--ambiguous-wide takes yes, no or auto, not ", arg);
		break;
	case OPT_NO_COLOR: s->tui.no_color = true; break;
	case OPT_THEME:
		if (strcmp(arg, "high-contrast") == 0)
			s->tui.theme = TUI_THEME_HIGH_CONTRAST;
		else if (strcmp(arg, "default") != 0)
			return usage_error("--theme takes default or high-contrast, not ", arg);
		break;
	case OPT_SCREEN_READER: s->tui.screen_reader = true; break;
	case OPT_LOW_BANDWIDTH: s->tui.low_bandwidth = true; break;
	case OPT_KIOSK:
		/* From here, not from when curses starts: a visitor's Ctrl-C
		 * while the content loads must not end the kiosk either. */
		signal(SIGINT, SIG_IGN);
		s->tui.kiosk = true;
		break;
	case OPT_EXIT_KEY:
		if (!parse_exit_key(arg, &s->config))
			return usage_error("--exit-key takes up to 16 keys such as ^X^Q, not ", arg);
		break;
	case OPT_IDLE_TIMEOUT: {
		char *end;
		long seconds = strtol(arg, &end, 10);
		if (*arg == '\0' || *end != '\0' || seconds < 0 || seconds > 86400)
			return usage_error("--idle-timeout takes 0 to 86400 seconds, not ", arg);
		s->tui.idle_timeout = (int)seconds;
		break;
	}
	case OPT_WATCH: s->tui.watch = true; break;
	case OPT_LOG: log_path = arg; break;
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
	return -1;
}

static int parse_options(int argc, char **argv, struct settings *s)
{
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"list", no_argument, NULL, 'l'},
		{"lang", required_argument, NULL, 'L'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{"content", required_argument, NULL, OPT_CONTENT},
		{"dump", required_argument, NULL, OPT_DUMP},
		{"width", required_argument, NULL, OPT_WIDTH},
		{"height", required_argument, NULL, OPT_HEIGHT},
		{"ascii", no_argument, NULL, OPT_ASCII},
		{"select", required_argument, NULL, OPT_SELECT},
		{"search", required_argument, NULL, OPT_SEARCH},
		{"utf8", optional_argument, NULL, OPT_UTF8},
		{"ambiguous-wide", optional_argument, NULL, OPT_AMBIGUOUS_WIDE},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-colour", no_argument, NULL, OPT_NO_COLOR},
		{"theme", required_argument, NULL, OPT_THEME},
		{"screen-reader", no_argument, NULL, OPT_SCREEN_READER},
		{"low-bandwidth", no_argument, NULL, OPT_LOW_BANDWIDTH},
		{"kiosk", no_argument, NULL, OPT_KIOSK},
		{"exit-key", required_argument, NULL, OPT_EXIT_KEY},
		{"idle-timeout", required_argument, NULL, OPT_IDLE_TIMEOUT},
		{"watch", no_argument, NULL, OPT_WATCH},
		{"log", required_argument, NULL, OPT_LOG},
		{NULL, 0, NULL, 0},
	};
	int ch, status;

	while ((ch = getopt_long(argc, argv, "clL:hV", longopts, NULL)) != -1)
		if ((status = apply_option(s, ch, optarg)) >= 0)
			return status;
	if (optind < argc)
		s->opt.start = argv[optind++];
	if (optind < argc)
		return usage_error("unexpected argument: ", argv[optind]);
	s->opt.content_dir = cli_content_dir(s->content);
	s->tui.cjk_locale = locale_is_cjk();
	s->opt.ambiguous_wide = s->tui.ambiguous_wide == TUI_YES ||
				(s->tui.ambiguous_wide == TUI_DEFAULT && s->tui.cjk_locale);
	return -1;
}

int main(int argc, char **argv)
{
	struct settings s = {.tui = {.idle_timeout = -1}};
	int status;

	/* Only the character set comes from the locale: it is all lgma and
	 * ncurses ask of it. The other categories would cost a file each to
	 * load at every start, and LC_NUMERIC would make strtod read the
	 * content's "48.85" as 48 in a locale with a decimal comma. */
	setlocale(LC_CTYPE, "");
	if ((status = parse_options(argc, argv, &s)) >= 0)
		return status;
	switch (s.mode) {
	case MODE_CHECK:
		return cli_check(&s.opt);
	case MODE_LIST:
		return cli_list(&s.opt);
	case MODE_DUMP:
		if (strcmp(s.opt.dump, "map") == 0)
			return cli_dump_map(&s.opt);
		if (s.opt.width == 0)
			s.opt.width = default_width();
		return cli_dump(&s.opt);
	case MODE_SEARCH:
		if (s.opt.width == 0)
			s.opt.width = default_width();
		return cli_search(&s.opt);
	case MODE_BROWSE:
		break;
	}
	return browse(&s.opt, &s.tui, &s.config);
}
