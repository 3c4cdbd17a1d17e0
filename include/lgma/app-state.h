/* The browser's state, shared by app.c (events) and the screen-*.c files
 * (painting). Nothing outside the app and its screens includes this. */
#ifndef LGMA_APP_STATE_H
#define LGMA_APP_STATE_H

#include "lgma/app.h"
#include "lgma/doc.h"
#include "lgma/lineedit.h"
#include "lgma/search.h"

enum {
	APP_NARROW_COLS = 60,	/* below this the menu is a full-screen list */
	APP_MIN_ROWS = 3,	/* below these, a "too small" notice */
	APP_MIN_COLS = 8,
	APP_MEASURE_MAX = 100,	/* longest text line: long lines tire the eye */
	APP_DOC_CACHE = 8,
	APP_BILINGUAL_MIN = 30, /* columns per language in the bilingual view */
};

/* What the bottom line is asking for. */
enum app_prompt {
	APP_PROMPT_NONE,
	APP_PROMPT_FIND,   /* "/" in a section's text */
	APP_PROMPT_SEARCH, /* "S": everything, into the results list */
	APP_PROMPT_FILTER, /* "/" in the offices: the list as you type */
};

/* Narrow screens show one part of the offices view at a time. */
enum app_offices_part {
	APP_OFFICES_LIST,
	APP_OFFICES_DETAIL,
	APP_OFFICES_MAP,
};

/* A row of the offices list: a region heading or an office. */
struct app_office_row {
	bool heading;
	size_t index; /* region or office index */
	size_t count; /* heading: offices of the region shown */
};

struct app_offices {
	size_t selected;	     /* office index */
	size_t *shown;		     /* office indices the filter lets through, in order */
	size_t shown_count;
	struct search_query *filter; /* NULL: every office */
	struct lineedit input;	     /* the filter as typed */
	size_t top;		     /* first list row on screen */
	enum app_offices_part part;
	bool full_map; /* m */
	bool qr;       /* Q */
};

/* Matches of a query in the open section (title hits, then body hits). */
struct app_find {
	struct search_query *query; /* NULL: no search */
	struct search_results hits;
	size_t section, lang;	    /* what the hits were found in */
	size_t current;		    /* the match n and N move from */
	size_t saved_top;	    /* where the reader was: Esc goes back */
};

/* The list of results of a search of everything. */
struct app_results {
	struct search_query *query;
	struct search_results hits;
	bool all_languages;
	size_t selected, top;
};

enum app_focus {
	APP_FOCUS_MENU,
	APP_FOCUS_PANE,
};

/* A place the reader can be, and come back to. */
struct app_place {
	size_t entry;	      /* menu entry: a section index, or section_count for offices */
	size_t top_paragraph; /* the reading position, kept across languages... */
	size_t top_offset;    /* ...and, in the body's bytes, across widths */
	bool at_start;	      /* top of the document (title) */
};

struct app_doc_slot {
	struct doc doc;
	size_t section, lang;
	int width;
	unsigned long used; /* for least-recently-used eviction */
	bool valid;
};

/* Screen areas for the current size, recomputed on resize. */
struct app_geometry {
	bool too_small, narrow;
	bool has_status, has_hints;
	struct canvas_rect body;      /* between the title bar and the status line */
	struct canvas_rect menu;      /* menu view: the list */
	struct canvas_rect preview;   /* menu view: the text beside the list */
	struct canvas_rect reading;   /* reading view: the whole body area */
};

struct app {
	const struct content *content;
	struct app_config config;
	size_t lang;
	int rows, cols;
	struct app_geometry geo;
	enum app_focus focus;
	size_t menu_selected;
	size_t menu_top;
	struct app_place here;	 /* what the reading view shows */
	bool visited;		 /* here was opened (else nothing has been yet) */
	size_t top_line;	 /* first document line on screen in the reading view */
	struct app_place *history;
	size_t history_count, history_capacity;
	bool help_open;
	size_t help_top;
	bool bilingual;
	struct app_doc_slot docs[APP_DOC_CACHE];
	unsigned long doc_clock;
	enum app_prompt prompt;
	struct lineedit input;
	struct search_index *index; /* built on the first search */
	struct app_find find;
	struct app_results results;
	struct app_offices offices;
	char notice[160]; /* a one-time message for the status line */
	size_t exit_matched; /* keys of config.exit_key typed so far */
};

/* ---- app.c ---- */
size_t app_menu_count(const struct app *app);
bool app_entry_is_offices(const struct app *app, size_t entry);
/* The place that shows a results list (not in the menu). */
size_t app_entry_results(const struct app *app);
bool app_entry_is_section(const struct app *app, size_t entry);
/* Opens a place as the menu does (history, focus on the text). */
void app_open(struct app *app, size_t entry);
/* Puts document line `line` of the reading view near the top. */
void app_show_line(struct app *app, size_t line);
/* Back to the previous place (or the menu when there is none). */
void app_back(struct app *app);
/* Switches the language, keeping the reading position. */
void app_set_language(struct app *app, size_t lang);
const char *app_entry_title(const struct app *app, size_t entry);
const char *app_lang_code(const struct app *app, size_t lang);
const char *app_lang_name(const struct app *app, size_t lang);
/* The language L switches to. */
size_t app_next_lang(const struct app *app);
/* The document of a section laid out at width, from the cache. */
const struct doc *app_doc(struct app *app, size_t section, size_t lang, int width);
/* Text width of a pane cols wide: a right margin off, capped at APP_MEASURE_MAX. */
int app_measure(const struct app *app, int cols);
bool app_reading(const struct app *app);

/* ---- screen-chrome.c: title bar, status line, key hints ---- */
void chrome_paint(struct app *app, struct canvas *c);
/* Puts arbitrary text clipped to max_cols, ending in an ellipsis when cut;
 * returns the columns used. */
int chrome_put_clipped(struct app *app, struct canvas *c, int row, int col, const char *text,
		       enum canvas_role role, int max_cols);
/* Draws "KEY label" pairs from hint strings ("KEY\tlabel") left to right
 * while they fit. */
void chrome_hints(struct app *app, struct canvas *c, int row, const char *const *hints, size_t n);

/* ---- screen-menu.c ---- */
void menu_paint(struct app *app, struct canvas *c, struct canvas_rect r);
/* The entry at a screen row of the menu, or -1. */
long menu_entry_at(const struct app *app, int row);

/* ---- screen-text.c: the text of a section ---- */
/* The preview beside the menu: section entry from document line top. */
void text_paint_preview(struct app *app, struct canvas *c, struct canvas_rect r, size_t entry, size_t top);
/* The reading view of app->here from row app->top_line. */
void text_paint_reading(struct app *app, struct canvas *c);
/* Whether the reading view shows two languages now (on and wide enough). */
bool text_bilingual(const struct app *app);
/* Text width of the reading view (of each column when bilingual). */
int text_reading_width(const struct app *app);
/* Rows of the reading view; a row is a document line, or a pair of lines
 * of the two languages in the bilingual view. */
size_t text_row_count(struct app *app);
/* The document line (current language, reading width) shown at a row, and
 * the first row showing a document line. */
size_t text_row_line(struct app *app, size_t row);
size_t text_line_row(struct app *app, size_t line);
size_t text_page_rows(const struct app *app);

/* ---- screen-help.c ---- */
void help_paint(struct app *app, struct canvas *c);
size_t help_line_count(const struct app *app);

/* ---- app-search.c ---- */
/* Keys while the prompt is open, and n/N, / and S outside it; true when
 * the key was a search key. */
bool search_input(struct app *app, const struct app_event *ev);
/* Keys of the results list (prompt closed). */
void results_input(struct app *app, const struct app_event *ev);
/* The text field the open prompt edits. */
struct lineedit *prompt_field(struct app *app);
/* The editing keys of a prompt; *changed when the text changed. False
 * when ev is not an editing key. */
bool prompt_edit(struct app *app, const struct app_event *ev, bool *changed);
/* Forgets every search (a new content, a reset). */
void search_forget(struct app *app);
/* The document line of a find hit in the reading view's document. */
size_t search_hit_line(struct app *app, const struct doc *d, const struct search_hit *hit);

/* ---- screen-search.c ---- */
void results_paint(struct app *app, struct canvas *c, struct canvas_rect r);
/* The prompt on the bottom row, with the terminal cursor in it. */
void prompt_paint(struct app *app, struct canvas *c, int row);

/* ---- app-offices.c ---- */
void offices_init(struct app *app);
void offices_fini(struct app *app);
/* Keys of the offices view (and of its filter prompt). */
void offices_input(struct app *app, const struct app_event *ev);
void offices_filter_input(struct app *app, const struct app_event *ev);
/* Shows an office's card (a search result): selects it, clearing a filter
 * that hides it. */
void offices_select(struct app *app, size_t office);
/* The list's rows for the current filter into rows (room for regions +
 * offices); returns how many. */
size_t offices_rows(const struct app *app, struct app_office_row *rows);
/* The map's rectangle in the offices view, for painting and for the arrows. */
struct canvas_rect offices_map_rect(const struct app *app, bool *shown);

/* ---- screen-offices.c ---- */
void offices_paint(struct app *app, struct canvas *c, struct canvas_rect r);
/* The preview beside the menu. */
void offices_paint_preview(struct app *app, struct canvas *c, struct canvas_rect r);

#endif
