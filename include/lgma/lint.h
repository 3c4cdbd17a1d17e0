/* Content lint for --check: a warning for each character that lgma shows
 * differently from how it is written, at its position in the file (exact
 * inside literal block scalars, the text's start otherwise; an office's
 * start for office fields):
 *   - emoji sequences (joined emoji, flags, skin tones, keycaps, emoji
 *     presentation): terminals disagree on their width, so lgma shows a
 *     form all of them agree on (text.h);
 *   - control characters, shown in caret notation (^[) or as U+FFFD;
 *   - invisible characters, bidi controls among them, which are dropped;
 *   - anything else shown differently (a combining mark with no base).
 * Tabs and line breaks are layout, not warnings. At most
 * LINT_MAX_PER_TEXT warnings per text, then one that counts the rest. */
#ifndef LGMA_LINT_H
#define LGMA_LINT_H

#include <stdbool.h>

#include "lgma/content.h"
#include "lgma/diag.h"

enum { LINT_MAX_PER_TEXT = 20 };

/* Adds the warnings for the sections and offices of c to diags. */
void lint_content(const struct content *c, bool ambiguous_wide, struct diag_list *diags);

#endif
