/* The curses shell: the one file that includes curses. It decides what the
 * terminal can show, turns keys into app events and copies the canvas the
 * app painted to the screen; ncurses sends only what changed. */
/* ppoll: waiting and letting signals in must be one step (see
 * wait_for_something). Before any header, so that they all see it. */
#define _GNU_SOURCE
#include <curses.h>
#include <errno.h>
#include <poll.h>
#include <sys/resource.h>
#include <time.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <unistr.h>
#include <wchar.h>

#include "lgma/load.h"
#include "lgma/text.h"
#include "logbook.h"
#include "tui-watch.h"
#include "tui.h"

static volatile sig_atomic_t stop_signal;
static bool color_on;
static volatile sig_atomic_t reload_requested;
static bool shell_ambiguous_wide;

/* ncurses asks the C library how wide each character is. Answering from
 * text.h makes ncurses, the layout engine and the canvas count every column
 * alike, so a character the C library and libunistring disagree on cannot
 * shift the rest of a line (this definition takes the place of glibc's for
 * the whole process, as a dynamic symbol of the executable). */
int wcwidth(wchar_t wc)
{
	return text_char_width((uint32_t)wc, shell_ambiguous_wide);
}

static void on_signal(int sig)
{
	if (sig == SIGUSR1)
		reload_requested = 1;
	else
		stop_signal = sig;
}

/* The signal mask while lgma waits: the signals the loop acts on are
 * blocked everywhere else (block_signals), so one that comes while a key or
 * a paint is being handled waits for the next ppoll instead of setting a
 * flag just after the loop looked at it and before it went to sleep. */
static sigset_t wait_mask;

static void block_signals(void)
{
	const int sigs[] = {SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGUSR1};
	sigset_t block;

	sigemptyset(&block);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaddset(&block, sigs[i]);
	sigprocmask(SIG_BLOCK, &block, &wait_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigdelset(&wait_mask, sigs[i]);
}

static void catch_signals(bool kiosk)
{
	struct sigaction sa;
	const int sigs[] = {SIGTERM, SIGHUP, SIGINT, SIGPIPE, SIGUSR1};

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a blocked wait returns, and the loop sees the flag. */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		sigaction(sigs[i], &sa, NULL);
	if (kiosk) {
		/* No suspending to a shell and no core file for visitors. Raw
		 * mode makes Ctrl-C a key, but only once curses has started:
		 * a visitor's Ctrl-C before that must not end the kiosk. */
		struct rlimit none = {0, 0};
		signal(SIGTSTP, SIG_IGN);
		signal(SIGQUIT, SIG_IGN);
		signal(SIGINT, SIG_IGN);
		setrlimit(RLIMIT_CORE, &none);
	}
}

/* ---- what the terminal can show ---- */

static bool encodable(wchar_t wc)
{
	char buf[MB_LEN_MAX];
	mbstate_t st;

	memset(&st, 0, sizeof(st));
	return wcrtomb(buf, wc, &st) != (size_t)-1;
}

static struct tui_terminal decide_terminal(const struct tui_options *opt)
{
	struct tui_terminal t = {0};
	bool probed = false, probe_utf8 = false, probe_wide = false;
	bool utf8_locale = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	bool c_locale = strcmp(nl_langinfo(CODESET), "ANSI_X3.4-1968") == 0;

	if (opt->utf8 == TUI_AUTO || (opt->utf8 == TUI_DEFAULT && c_locale) || opt->ambiguous_wide == TUI_AUTO)
		probed = tui_probe(STDOUT_FILENO, &probe_utf8, &probe_wide);
	t.utf8 = opt->utf8 == TUI_YES || (opt->utf8 == TUI_DEFAULT && (utf8_locale || (probed && probe_utf8))) ||
		 (opt->utf8 == TUI_AUTO && probed && probe_utf8);
	if (opt->utf8 == TUI_NO)
		t.utf8 = false;
	if (t.utf8 && !utf8_locale && setlocale(LC_CTYPE, "C.UTF-8") == NULL)
		t.utf8 = false;
	if (!t.utf8 && utf8_locale)
		setlocale(LC_CTYPE, "C");
	t.can_show_cjk = encodable(L'\x65e5'); /* 日 */
	if (opt->ambiguous_wide == TUI_YES || opt->ambiguous_wide == TUI_NO)
		t.ambiguous_wide = opt->ambiguous_wide == TUI_YES;
	else if (probed)
		t.ambiguous_wide = probe_wide;
	else
		t.ambiguous_wide = opt->cjk_locale;
	return t;
}

/* ---- roles to attributes ---- */

struct look {
	attr_t attr;
	short fg, bg; /* -1: the terminal's default */
};

static struct look looks[CANVAS_ROLE_COUNT];

static void set_look(enum canvas_role role, attr_t attr, short fg, short bg)
{
	looks[role] = (struct look){attr, fg, bg};
}

static void choose_looks(const struct tui_options *opt, bool color)
{
	bool contrast = opt->theme == TUI_THEME_HIGH_CONTRAST;

	/* Monochrome first: everything must be usable with reverse and bold alone. */
	memset(looks, 0, sizeof(looks));
	for (int i = 0; i < CANVAS_ROLE_COUNT; i++)
		looks[i] = (struct look){A_NORMAL, -1, -1};
	set_look(CANVAS_TITLE_BAR, A_REVERSE | A_BOLD, -1, -1);
	set_look(CANVAS_STATUS, A_REVERSE, -1, -1);
	set_look(CANVAS_HINT_KEY, A_BOLD, -1, -1);
	set_look(CANVAS_MENU_SELECTED, A_REVERSE | A_BOLD, -1, -1);
	set_look(CANVAS_MENU_CURRENT, A_BOLD, -1, -1);
	set_look(CANVAS_HEADING, A_BOLD, -1, -1);
	set_look(CANVAS_LINK, A_UNDERLINE, -1, -1);
	set_look(CANVAS_MATCH, A_REVERSE, -1, -1);
	set_look(CANVAS_MATCH_CURRENT, A_REVERSE | A_BOLD | A_UNDERLINE, -1, -1);
	set_look(CANVAS_NOTICE, A_BOLD, -1, -1);
	set_look(CANVAS_MARKER, A_BOLD, -1, -1);
	set_look(CANVAS_MARKER_SELECTED, A_REVERSE | A_BOLD, -1, -1);
	set_look(CANVAS_QR, A_NORMAL, COLOR_BLACK, COLOR_WHITE);
	if (!color || contrast) {
		if (contrast && color)
			set_look(CANVAS_QR, A_NORMAL, COLOR_BLACK, COLOR_WHITE);
		else
			set_look(CANVAS_QR, A_REVERSE, -1, -1);
		return;
	}
	set_look(CANVAS_TITLE_BAR, A_BOLD, COLOR_WHITE, COLOR_BLUE);
	set_look(CANVAS_STATUS, A_NORMAL, COLOR_BLACK, COLOR_CYAN);
	set_look(CANVAS_HINT_KEY, A_BOLD, COLOR_CYAN, -1);
	set_look(CANVAS_MENU_SELECTED, A_BOLD, COLOR_WHITE, COLOR_BLUE);
	set_look(CANVAS_HEADING, A_BOLD, COLOR_CYAN, -1);
	set_look(CANVAS_LINK, A_UNDERLINE, COLOR_BLUE, -1);
	set_look(CANVAS_MATCH, A_NORMAL, COLOR_BLACK, COLOR_YELLOW);
	set_look(CANVAS_MATCH_CURRENT, A_BOLD, COLOR_BLACK, COLOR_GREEN);
	set_look(CANVAS_NOTICE, A_BOLD, COLOR_YELLOW, -1);
	set_look(CANVAS_BORDER, A_NORMAL, COLOR_BLUE, -1);
	set_look(CANVAS_LAND, A_NORMAL, COLOR_GREEN, -1);
	set_look(CANVAS_MARKER, A_BOLD, COLOR_RED, -1);
	set_look(CANVAS_MARKER_SELECTED, A_BOLD | A_REVERSE, COLOR_RED, -1);
	start_color();
	use_default_colors();
	for (int i = 0; i < CANVAS_ROLE_COUNT; i++)
		init_pair((short)(i + 1), looks[i].fg, looks[i].bg);
}

/* ---- canvas to screen ---- */

/* A role in the terminal's own colours takes pair 0, not a pair that only
 * says "default on default": ncurses then needs no colour reset after
 * such text (an "sgr0" at the end of every update) and counts those cells
 * as plain blanks when it decides where a row may be cleared. */
static short color_pair(enum canvas_role role)
{
	if (!color_on || (looks[role].fg == -1 && looks[role].bg == -1))
		return 0;
	return (short)(role + 1);
}


/* Returns false when the cell became a '?' placeholder: what the
 * terminal's encoding cannot show never goes out as raw bytes. */
static bool to_cchar(const struct canvas *c, const struct canvas_cell *cell, bool utf8, cchar_t *out)
{
	wchar_t wide[CCHARW_MAX + 1];
	const char *text = canvas_cell_text(c, cell);
	const uint8_t *s = (const uint8_t *)text;
	size_t n = strlen(text), k = 0;
	bool shown = true;

	for (size_t i = 0; i < n && k < CCHARW_MAX - 1;) {
		ucs4_t uc;
		int len = u8_mbtoucr(&uc, s + i, n - i);
		if (len <= 0)
			break;
		wide[k++] = (wchar_t)uc;
		i += (size_t)len;
	}
	if (k == 0 || (!utf8 && !encodable(wide[0]))) {
		wide[0] = L'?';
		k = 1;
		shown = false;
	}
	wide[k] = L'\0';
	setcchar(out, wide, looks[cell->role].attr, color_pair(cell->role), NULL);
	return shown;
}

static void draw(const struct canvas *c, const struct tui_terminal *t)
{
	for (int row = 0; row < c->rows; row++)
		for (int col = 0; col < c->cols; col++) {
			const struct canvas_cell *cell = canvas_cell_const(c, row, col);
			cchar_t cc;
			if (cell->width == 0)
				continue;
			if (!to_cchar(c, cell, t->utf8, &cc) && cell->width == 2)
				mvadd_wch(row, col + 1, &cc);
			mvadd_wch(row, col, &cc);
		}
	/* curs_set writes at once: only call it on a change, so a key action
	 * stays one write. */
	static int visible = -1;
	int want = c->cursor_row >= 0; /* a prompt, or the screen reader's selection */
	leaveok(stdscr, !want);
	if (want)
		move(c->cursor_row, c->cursor_col);
	if (want != visible)
		curs_set(visible = want);
	refresh();
}

/* ---- keys to events ---- */

static bool special_key(int key, struct app_event *ev)
{
	static const struct {
		int curses;
		enum app_key app;
	} keys[] = {
		{KEY_UP, APP_KEY_UP},	      {KEY_DOWN, APP_KEY_DOWN},	    {KEY_LEFT, APP_KEY_LEFT},
		{KEY_RIGHT, APP_KEY_RIGHT},   {KEY_PPAGE, APP_KEY_PAGE_UP}, {KEY_NPAGE, APP_KEY_PAGE_DOWN},
		{KEY_HOME, APP_KEY_HOME},     {KEY_END, APP_KEY_END},	    {KEY_ENTER, APP_KEY_ENTER},
		{KEY_BACKSPACE, APP_KEY_BACKSPACE}, {KEY_DC, APP_KEY_DELETE}, {KEY_BTAB, APP_KEY_BACKTAB},
		{KEY_F(1), APP_KEY_F1},	      {KEY_A1, APP_KEY_HOME},	    {KEY_C1, APP_KEY_END},
		{KEY_A3, APP_KEY_PAGE_UP},    {KEY_C3, APP_KEY_PAGE_DOWN},
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (keys[i].curses == key) {
			ev->key = keys[i].app;
			return true;
		}
	return false;
}

static bool mouse_event(struct app_event *ev)
{
	MEVENT m;

	if (getmouse(&m) != OK)
		return false;
	ev->row = m.y;
	ev->col = m.x;
	if (m.bstate & BUTTON4_PRESSED)
		ev->key = APP_KEY_WHEEL_UP;
	else if (m.bstate & BUTTON5_PRESSED)
		ev->key = APP_KEY_WHEEL_DOWN;
	else if (m.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
		ev->key = APP_KEY_CLICK;
	else
		return false;
	return true;
}

static bool char_key(wint_t ch, struct app_event *ev)
{
	switch (ch) {
	case L'\n':
	case L'\r':
		ev->key = APP_KEY_ENTER;
		return true;
	case 8:
	case 127:
		ev->key = APP_KEY_BACKSPACE;
		return true;
	case L'\t':
		ev->key = APP_KEY_TAB;
		return true;
	case 27:
		ev->key = APP_KEY_ESCAPE;
		return true;
	default:
		ev->key = APP_KEY_CHAR;
		ev->ch = (uint32_t)ch;
		return true;
	}
}

enum input {
	INPUT_EVENT,
	INPUT_RESIZE,
	INPUT_NONE,
	INPUT_GONE, /* the terminal hung up or failed */
};

static enum input read_input(struct app_event *ev)
{
	wint_t ch;
	int r;

	errno = 0;
	r = get_wch(&ch);
	memset(ev, 0, sizeof(*ev));
	/* EILSEQ: bytes that are no character here (Latin-1 from a badly
	 * set terminal, a stray C1, half a character): typing, not a fault. */
	if (r == ERR)
		return errno == 0 || errno == EINTR || errno == EAGAIN || errno == EILSEQ ? INPUT_NONE
											: INPUT_GONE;
	if (r == KEY_CODE_YES) {
		if (ch == KEY_RESIZE)
			return INPUT_RESIZE;
		if (ch == KEY_MOUSE)
			return mouse_event(ev) ? INPUT_EVENT : INPUT_NONE;
		return special_key((int)ch, ev) ? INPUT_EVENT : INPUT_NONE;
	}
	return char_key(ch, ev) ? INPUT_EVENT : INPUT_NONE;
}

/* ---- the loop ---- */

/* Terminals and SSH clients that ignore keypad mode send the cursor keys
 * in their normal-mode form; knowing both keeps an arrow from reading as
 * Esc followed by letters. */
static void define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} keys[] = {
		{"\033[A", KEY_UP},     {"\033[B", KEY_DOWN},  {"\033[C", KEY_RIGHT}, {"\033[D", KEY_LEFT},
		{"\033OA", KEY_UP},     {"\033OB", KEY_DOWN},  {"\033OC", KEY_RIGHT}, {"\033OD", KEY_LEFT},
		{"\033[H", KEY_HOME},   {"\033[F", KEY_END},   {"\033OH", KEY_HOME},  {"\033OF", KEY_END},
		{"\033[1~", KEY_HOME},  {"\033[4~", KEY_END},  {"\033[7~", KEY_HOME}, {"\033[8~", KEY_END},
		{"\033[5~", KEY_PPAGE}, {"\033[6~", KEY_NPAGE}, {"\033[Z", KEY_BTAB},
	};

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (key_defined(keys[i].seq) == 0)
			define_key(keys[i].seq, keys[i].key);
}

static void start_curses(const struct tui_options *opt, const struct tui_terminal *t)
{
	/* Padding is for real serial terminals; over SSH it is wasted bytes
	 * (NULs) and sleeps. */
	setenv("NCURSES_NO_PADDING", "1", 0);
	shell_ambiguous_wide = t->ambiguous_wide;
	initscr();
	/* ncurses 6.4 flushes its output after every cursor movement until
	 * the screen has been suspended once (it never leaves its "initial"
	 * state otherwise): one write per line of an update instead of one per
	 * update. A suspend before anything is drawn costs a few bytes once. */
	endwin();
	refresh();
	/* ncurses' own typeahead check flushes its output before every line
	 * it updates (one write per line); the loop already applies pending
	 * keys before drawing, so the check only costs packets. */
	typeahead(-1);
	/* A kiosk takes Ctrl-C, Ctrl-\ and Ctrl-Z as keys, not signals. */
	if (opt->kiosk)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	idlok(stdscr, TRUE);
	set_escdelay(100);
	define_keys();
	mousemask(BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	color_on = !opt->no_color && !opt->low_bandwidth && getenv("NO_COLOR") == NULL && has_colors();
	choose_looks(opt, color_on);
}

static int exit_status(void)
{
	switch (stop_signal) {
	case 0:
	case SIGHUP: /* the link went away: a normal end of a remote session */
	case SIGPIPE:
		return 0;
	default:
		return 128 + stop_signal;
	}
}

/* Applies every event already waiting before drawing, so keys that arrive
 * together (typeahead over a slow link) cost one screen update. */
static enum app_result drain(struct app *app, const struct app_event *first, bool *resized)
{
	struct app_event ev = *first;
	enum app_result result = app_input(app, &ev);

	nodelay(stdscr, TRUE);
	for (int i = 0; i < 256 && result == APP_CONTINUE && !stop_signal; i++) {
		enum input in = read_input(&ev);
		if (in == INPUT_NONE || in == INPUT_GONE)
			break;
		if (in == INPUT_RESIZE)
			*resized = true;
		else
			result = app_input(app, &ev);
	}
	nodelay(stdscr, FALSE);
	return result;
}

/* ---- the loop ---- */

struct shell {
	struct content **content;
	const struct tui_options *opt;
	struct tui_terminal term;
	struct app *app;
	struct canvas canvas;
	int watch_fd;
	long idle_ms;	   /* 0: no idle reset */
	long idle_at;	   /* deadline, or -1 when nothing is pending */
	long reload_at;	   /* a change seen: reload when the files settle */
	bool resized;
	bool hung_up;	   /* the terminal is gone */
};

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The new content is checked completely before it replaces the old: a
 * kiosk never shows a half-loaded page; errors go to the log. */
static void reload(struct shell *sh)
{
	struct diag_list diags;
	struct content *next;

	diag_init(&diags);
	next = load_content_dir(sh->opt->content_dir, &diags);
	if (next == NULL) {
		logbook_message("reload of %s failed; the previous content stays", sh->opt->content_dir);
		logbook_diags(&diags);
	} else {
		if (diags.warnings)
			logbook_diags(&diags);
		app_set_content(sh->app, next);
		content_free(*sh->content);
		*sh->content = next;
		logbook_message("reloaded %s", sh->opt->content_dir);
	}
	diag_fini(&diags);
}

static int earliest(long a, long b)
{
	long t = a < 0 ? b : b < 0 ? a : a < b ? a : b;
	long left;

	if (t < 0)
		return -1;
	left = t - now_ms();
	return left < 0 ? 0 : (int)left;
}

/* Sleeps until a key, a change of the content, a signal or a deadline: no
 * timer wakes the process while nothing is pending. */
static void wait_for_something(struct shell *sh, bool *key_ready)
{
	struct pollfd fds[2] = {{.fd = STDIN_FILENO, .events = POLLIN}, {.fd = sh->watch_fd, .events = POLLIN}};
	int wait = earliest(sh->idle_at, sh->reload_at);
	struct timespec ts = {.tv_sec = wait / 1000, .tv_nsec = (wait % 1000) * 1000000L};
	/* ncurses' SIGWINCH handler and ours only set flags: a signal must
	 * end this wait however close behind the last look at the flags it
	 * came, or a resize or a SIGTERM would wait for the next key. */
	int n = ppoll(fds, sh->watch_fd >= 0 ? 2 : 1, wait < 0 ? NULL : &ts, &wait_mask);

	*key_ready = n > 0 && (fds[0].revents & (POLLIN | POLLHUP | POLLERR));
	/* A hung-up terminal stays readable with nothing to read: read()
	 * returns 0 and curses an ERR that looks like "no key yet". When no
	 * SIGHUP comes (lgma runs in a session of its own, or the session's
	 * leader does not pass the hang-up on) that was a busy loop for ever. */
	if (n > 0 && (fds[0].revents & (POLLHUP | POLLERR | POLLNVAL)))
		sh->hung_up = true;
	if (n > 0 && sh->watch_fd >= 0 && (fds[1].revents & POLLIN) && watch_drain(sh->watch_fd))
		sh->reload_at = now_ms() + 300;
	if (n < 0) /* a signal: SIGWINCH leaves a KEY_RESIZE for curses to give us */
		*key_ready = true;
}

static void on_deadlines(struct shell *sh)
{
	long now = now_ms();

	if (sh->reload_at >= 0 && now >= sh->reload_at) {
		sh->reload_at = -1;
		reload(sh);
	}
	if (sh->idle_at >= 0 && now >= sh->idle_at) {
		sh->idle_at = -1;
		app_reset(sh->app);
	}
}

/* The map's land is read when the map is first shown: what was wrong with
 * it goes where a failed reload's errors go (the screen has no room). */
static void log_land_problems(const struct content *c)
{
	const struct diag_list *d = content_land_unreported(c);

	if (d != NULL) {
		logbook_message(d->errors > 0 ? "the map's land cannot be read; the map shows none"
					      : "the map's land was read with warnings");
		logbook_diags(d);
	}
}

/* Returns false when the program should end. */
static bool step(struct shell *sh)
{
	struct app_event ev;
	bool key_ready;
	enum input in;

	if (reload_requested) {
		reload_requested = 0;
		reload(sh);
	}
	if (sh->resized) {
		canvas_resize(&sh->canvas, LINES, COLS);
		app_resize(sh->app, LINES, COLS);
		/* What ncurses believes is on the screen may no longer be there:
		 * a quick series of resizes that ends at the size ncurses last
		 * saw looks like no change to it, though the smaller sizes in
		 * between cut rows off (and terminals move or reflow lines on
		 * their own). Only a full repaint is sure to leave no stale row;
		 * ncurses repaints everything after a real change anyway. */
		clearok(curscr, TRUE);
		sh->resized = false;
	}
	app_paint(sh->app, &sh->canvas);
	draw(&sh->canvas, &sh->term);
	log_land_problems(*sh->content);
	wait_for_something(sh, &key_ready);
	if (sh->hung_up)
		return false;
	on_deadlines(sh);
	if (!key_ready || stop_signal)
		return !stop_signal;
	nodelay(stdscr, TRUE);
	in = read_input(&ev);
	nodelay(stdscr, FALSE);
	if (in == INPUT_GONE)
		return false;
	if (in == INPUT_RESIZE)
		sh->resized = true;
	if (in != INPUT_EVENT)
		return true;
	if (sh->idle_ms > 0)
		sh->idle_at = now_ms() + sh->idle_ms;
	return drain(sh->app, &ev, &sh->resized) != APP_QUIT;
}

int tui_run(struct content **content, struct app_config *config, const struct tui_options *opt)
{
	struct shell sh = {.content = content, .opt = opt, .watch_fd = -1, .idle_at = -1, .reload_at = -1,
			   .resized = true};

	sh.term = decide_terminal(opt);
	config->ascii = !sh.term.utf8;
	config->ambiguous_wide = sh.term.ambiguous_wide;
	config->screen_reader = opt->screen_reader;
	config->kiosk = opt->kiosk;
	config->plain = opt->low_bandwidth || opt->screen_reader;
	if (!sh.term.can_show_cjk && !opt->lang_given) {
		/* Japanese would be all placeholders: start in English. */
		for (size_t i = 0; i < (*content)->lang_count; i++)
			if (strcmp((*content)->langs[i], "en") == 0)
				config->lang = i;
	}
	sh.idle_ms = 1000L * (opt->idle_timeout >= 0 ? opt->idle_timeout : opt->kiosk ? 120 : 0);
	if (opt->watch && (sh.watch_fd = watch_open(opt->content_dir)) < 0)
		logbook_message("cannot watch %s: %s", opt->content_dir, strerror(errno));
	catch_signals(opt->kiosk);
	start_curses(opt, &sh.term);
	block_signals(); /* after initscr: ncurses' SIGWINCH handler is in place */
	sh.app = app_new(*content, config);
	canvas_init(&sh.canvas, 0, 0, sh.term.ambiguous_wide);
	while (step(&sh))
		;
	endwin();
	app_free(sh.app);
	canvas_fini(&sh.canvas);
	if (sh.watch_fd >= 0)
		close(sh.watch_fd);
	return exit_status();
}
