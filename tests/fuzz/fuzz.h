/* Shared by the fuzz targets: the invariants they assert and the way a
 * broken one is reported.
 *
 * A target is one file defining LLVMFuzzerTestOneInput (and, if it needs
 * set-up, LLVMFuzzerInitialize). It is linked twice: with libFuzzer
 * (-Dfuzz=true, clang) to search for inputs, and with replay.c, a plain
 * main() that runs the committed corpus once, as a meson test. */
#ifndef LGMA_FUZZ_H
#define LGMA_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lgma/canvas.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Prints where and why, then aborts: libFuzzer saves the input as a crash,
 * and the replay test fails. */
_Noreturn void fuzz_fail(const char *file, int line, const char *cond, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define FUZZ_CHECK(cond, ...) \
	do { \
		if (!(cond)) \
			fuzz_fail(__FILE__, __LINE__, #cond, __VA_ARGS__); \
	} while (0)

/* text.h's promise for s[0..n): valid UTF-8 with no NUL, no C0 or C1
 * control, DEL, bidi control or part of an emoji sequence (joiner,
 * variation selector, modifier, keycap, tag, regional indicator), and every grapheme (as text_grapheme_size cuts them) at most
 * TEXT_GRAPHEME_MAX bytes and 1 or 2 columns. what names s in a failure. */
void fuzz_check_safe(const char *s, size_t n, bool ambiguous_wide, const char *what);

/* canvas.h's promise: every row holds exactly cols columns, a wide cell is
 * always followed by its continuation (and a continuation always follows a
 * wide cell), every cell holds one display-safe grapheme of its width, roles
 * are known, and the cursor is on the grid or hidden. */
void fuzz_check_canvas(const struct canvas *c);

#endif
