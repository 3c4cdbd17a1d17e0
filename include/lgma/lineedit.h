/* A one-line text field (the search prompt, the offices filter): UTF-8 in,
 * cursor movement and deletion by grapheme cluster, so an IME's kanji or a
 * letter with a combining accent moves and deletes as one character. */
#ifndef LGMA_LINEEDIT_H
#define LGMA_LINEEDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { LINEEDIT_MAX = 256 }; /* bytes; typing stops there */

struct lineedit {
	char text[LINEEDIT_MAX + 1]; /* NUL-terminated UTF-8 (any bytes typed are encoded) */
	size_t length;		     /* bytes */
	size_t cursor;		     /* bytes, always at a grapheme boundary */
};

enum lineedit_op {
	LINEEDIT_LEFT,
	LINEEDIT_RIGHT,
	LINEEDIT_HOME,
	LINEEDIT_END,
	LINEEDIT_BACKSPACE, /* the grapheme before the cursor */
	LINEEDIT_DELETE,    /* the grapheme after the cursor */
	LINEEDIT_KILL,	    /* everything (Ctrl-U) */
	LINEEDIT_KILL_WORD, /* the word before the cursor (Ctrl-W) */
};

void lineedit_clear(struct lineedit *e);
/* Inserts a code point at the cursor; false (nothing changed) when it is
 * a control character or the field is full. */
bool lineedit_insert(struct lineedit *e, uint32_t c);
/* True when the text changed (cursor moves return false). */
bool lineedit_apply(struct lineedit *e, enum lineedit_op op);

#endif
