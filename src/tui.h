/* The terminal shell: the only code that talks to a terminal. */
#ifndef LGMA_TUI_H
#define LGMA_TUI_H

#include <stdbool.h>

#include "lgma/app.h"
#include "lgma/content.h"

enum tui_choice {
	TUI_DEFAULT, /* decided by the locale (and the probe when the locale is C) */
	TUI_AUTO,    /* ask the terminal */
	TUI_YES,
	TUI_NO,
};

enum tui_theme {
	TUI_THEME_DEFAULT,
	TUI_THEME_HIGH_CONTRAST,
};

struct tui_options {
	const char *content_dir;	/* where a reload reads from */
	enum tui_choice utf8;		/* --utf8[=yes|no|auto] */
	enum tui_choice ambiguous_wide; /* --ambiguous-wide[=yes|no|auto] */
	bool no_color;
	bool screen_reader;
	enum tui_theme theme;
	bool lang_given; /* --lang was given: the locale does not choose */
	bool cjk_locale; /* a Japanese, Chinese or Korean locale */
	bool kiosk;
	int idle_timeout; /* seconds; 0 off, -1 the default (120 in a kiosk) */
	bool watch;	  /* reload when the content files change (inotify) */
	bool low_bandwidth;
};

/* What the terminal can show, decided before curses starts. */
struct tui_terminal {
	bool utf8;	     /* it shows UTF-8 */
	bool can_show_cjk;   /* its encoding has Japanese (UTF-8, EUC-JP, ...) */
	bool ambiguous_wide; /* it draws East Asian Ambiguous characters 2 columns wide */
};

/* Asks the terminal itself (cursor position report after a test
 * character): whether it decodes UTF-8 and how wide it draws an ambiguous
 * character. False when it does not answer in time; nothing is left on the
 * screen either way. */
bool tui_probe(int fd, bool *utf8, bool *ambiguous_wide);

/* Runs the browser until the reader quits or a signal ends it; returns the
 * exit status. *content may be replaced by a reload (the old one freed);
 * the caller frees the last. */
int tui_run(struct content **content, struct app_config *config, const struct tui_options *opt);

#endif
