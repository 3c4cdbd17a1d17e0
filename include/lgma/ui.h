/* The program's own words (menus, hints, help, status), in the languages it
 * speaks. Content languages without a translation here get English. */
#ifndef LGMA_UI_H
#define LGMA_UI_H

enum ui_string {
	UI_OFFICES,	     /* menu entry of the offices view */
	UI_HINT_MOVE,	     /* key hints of the bottom line, as key/label pairs */
	UI_HINT_OPEN,
	UI_HINT_BACK,
	UI_HINT_MENU,
	UI_HINT_SEARCH,
	UI_HINT_HELP,
	UI_HINT_QUIT,
	UI_HINT_CLOSE,
	UI_HINT_PAGE,
	UI_STATUS_LINE,	     /* before "12/80" */
	UI_STATUS_LINE_UNIT, /* after "12/80" */
	UI_STATUS_ALL,	     /* the whole text fits on the screen */
	UI_TOO_SMALL,
	UI_HELP_TITLE,
	UI_HELP_INTRO,
	UI_HELP_KEYS_MOVE,   /* help lines: "KEYS\tEXPLANATION" */
	UI_HELP_KEYS_PAGE,
	UI_HELP_KEYS_HALF,
	UI_HELP_KEYS_ENDS,
	UI_HELP_KEYS_TAB,
	UI_HELP_KEYS_OPEN,
	UI_HELP_KEYS_BACK,
	UI_HELP_KEYS_NUMBER,
	UI_HELP_KEYS_LANGUAGE,
	UI_HELP_KEYS_BILINGUAL,
	UI_HELP_KEYS_SEARCH,
	UI_HELP_KEYS_SEARCH_ALL,
	UI_HELP_KEYS_NEXT,
	UI_HELP_KEYS_HELP,
	UI_HELP_KEYS_QUIT,
	UI_HELP_KEYS_MOUSE,
	UI_BILINGUAL_TOO_NARROW,
	UI_FIND_PROMPT,
	UI_SEARCH_PROMPT,
	UI_ALL_LANGUAGES,
	UI_NOT_FOUND,
	UI_WRAPPED_TOP,
	UI_WRAPPED_BOTTOM,
	UI_RESULTS_TITLE,
	UI_RESULTS_COUNT, /* after the number */
	UI_RESULTS_MORE,  /* the list was cut */
	UI_HINT_DONE,
	UI_HINT_CANCEL,
	UI_HINT_ALL_LANGUAGES,
	UI_HINT_NEXT,
	UI_HINT_SEARCH_ALL,
	UI_FILTER_PROMPT,
	UI_LABEL_PHONE,
	UI_LABEL_FAX,
	UI_LABEL_EMAIL,
	UI_LABEL_WEB,
	UI_LABEL_POSTAL,
	UI_NO_OFFICE_MATCHES,
	UI_QR_SCAN,
	UI_QR_TOO_SMALL,     /* followed by "WxH" */
	UI_QR_NOTHING,
	UI_HINT_FILTER,
	UI_HINT_MAP,
	UI_HINT_QR,
	UI_HINT_NEAREST,
	UI_HELP_KEYS_FILTER,
	UI_HELP_KEYS_MAP,
	UI_HELP_KEYS_QR,
	UI_KIOSK_NO_QUIT,
	UI_RELOADED,
	UI_OFFICES_PLACEHOLDER,
	UI_STRING_COUNT,
};

/* The string in language code lang ("ja", "en", ...), English if lgma has
 * no translation; static storage. */
const char *ui_text(const char *lang, enum ui_string id);

/* The name of a language in that language ("日本語", "English"), or the
 * code itself when lgma does not know it; static storage or code. */
const char *ui_language_name(const char *lang);

#endif
