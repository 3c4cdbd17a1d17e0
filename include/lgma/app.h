/* The browser's state and behaviour, with no terminal: the curses shell
 * turns keys and resizes into app events, and copies what app_paint draws
 * on a canvas to the screen. Tests drive it the same way. */
#ifndef LGMA_APP_H
#define LGMA_APP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lgma/canvas.h"
#include "lgma/content.h"

enum app_key {
	APP_KEY_CHAR, /* a character (code point in ch); control keys as 1..31 */
	APP_KEY_UP,
	APP_KEY_DOWN,
	APP_KEY_LEFT,
	APP_KEY_RIGHT,
	APP_KEY_PAGE_UP,
	APP_KEY_PAGE_DOWN,
	APP_KEY_HOME,
	APP_KEY_END,
	APP_KEY_ENTER,
	APP_KEY_BACKSPACE,
	APP_KEY_DELETE,
	APP_KEY_TAB,
	APP_KEY_BACKTAB,
	APP_KEY_ESCAPE,
	APP_KEY_F1,
	APP_KEY_WHEEL_UP,
	APP_KEY_WHEEL_DOWN,
	APP_KEY_CLICK, /* at row, col */
};

struct app_event {
	enum app_key key;
	uint32_t ch;  /* APP_KEY_CHAR */
	int row, col; /* APP_KEY_CLICK */
};

enum { APP_EXIT_KEY_MAX = 16 };

struct app_config {
	const char *start;   /* SECTION-ID, "offices", or NULL for the menu */
	size_t lang;	     /* start language: index into content->langs */
	bool ascii;	     /* the terminal shows ASCII only */
	bool ambiguous_wide; /* East Asian Ambiguous characters are 2 columns */
	bool screen_reader;  /* cursor on the selection, no decoration */
	bool plain;	     /* no decoration (box drawing) that costs bytes */
	bool kiosk;	     /* quitting keys only show a hint */
	/* In kiosk mode, the keys that end the program (the operator's exit). */
	uint32_t exit_key[APP_EXIT_KEY_MAX];
	size_t exit_key_length;
};

enum app_result {
	APP_CONTINUE,
	APP_QUIT,
};

struct app;

/* The app borrows content, which must outlive it. start must name a
 * section or "offices" (the caller checks with app_start_valid). */
struct app *app_new(const struct content *content, const struct app_config *config);
void app_free(struct app *app);

bool app_start_valid(const struct content *content, const char *start);

void app_resize(struct app *app, int rows, int cols);

/* Back to the start: the start place and language, no history, no search
 * (the next visitor of a kiosk finds it as the first did). */
void app_reset(struct app *app);

/* Replaces the content (reloaded from disk), keeping the reader's place
 * where its section still exists. The old content may be freed after this. */
void app_set_content(struct app *app, const struct content *content);

/* A one-line message for the status line until the next key (borrowed,
 * copied). */
void app_notice(struct app *app, const char *message);
enum app_result app_input(struct app *app, const struct app_event *event);
/* Draws the whole screen on c, which must have the size of the last
 * app_resize. */
void app_paint(struct app *app, struct canvas *c);

#endif
