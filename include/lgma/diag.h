/* Located diagnostics: every content problem is collected with its position
 * and printed together as FILE:LINE:COLUMN: SEVERITY: MESSAGE, as compilers do. */
#ifndef LGMA_DIAG_H
#define LGMA_DIAG_H

#include <stddef.h>
#include <stdio.h>

enum diag_severity {
	DIAG_ERROR,
	DIAG_WARNING,
	DIAG_NOTE,
};

struct diag {
	enum diag_severity severity;
	char *file;	    /* owned */
	unsigned line;	    /* 1-based */
	unsigned column;    /* 1-based, in characters */
	char *message;	    /* owned, already made safe to print */
};

/* Only the first DIAG_MAX_KEPT diagnostics are stored; the counts go on, so a
 * hostile file with a million bad keys costs bounded memory. */
enum { DIAG_MAX_KEPT = 1000 };

struct diag_list {
	struct diag *items;
	size_t count;
	size_t capacity;
	size_t errors;
	size_t warnings;
	size_t dropped;
};

void diag_init(struct diag_list *list);
void diag_fini(struct diag_list *list);

/* Adds a diagnostic. Positions are 1-based; pass 1, 1 for a whole-file problem.
 * The formatted message and the file name are sanitised: control characters
 * and invalid UTF-8 become \xNN and over-long text is cut, so content-chosen
 * bytes can be quoted in messages without reaching the terminal raw. */
void diag_add(struct diag_list *list, enum diag_severity severity, const char *file,
	      unsigned line, unsigned column, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

/* Moves every diagnostic of src to the end of dst and empties src. */
void diag_append(struct diag_list *dst, struct diag_list *src);

/* Prints in the order added, then a line about dropped ones if any. */
void diag_print(const struct diag_list *list, FILE *out);

/* Writes s into out (of out_size bytes, NUL-terminated) with control
 * characters and invalid UTF-8 escaped as \xNN; cut with "..." if needed. */
void diag_sanitize(char *out, size_t out_size, const char *s, size_t len);

#endif
