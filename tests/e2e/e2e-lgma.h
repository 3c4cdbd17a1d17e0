/* What the end-to-end tests of lgma share: the fixture content, running
 * lgma in the pty driver (vt.h) with a clean environment, waits that fail
 * the test (with the screen in the log) instead of hanging, checks of the
 * screen and of the bytes lgma wrote, and the child's /proc figures.
 *
 * Every function that checks something fails the current cmocka test on
 * its own; nothing here waits without a timeout. Test-side code only.
 *
 * Units: rows and columns are 0-based screen cells; times are milliseconds;
 * CPU times are clock ticks of /proc (sysconf(_SC_CLK_TCK) per second). */
#ifndef LGMA_E2E_LGMA_H
#define LGMA_E2E_LGMA_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "vt.h"

enum {
	/* Generous: the machine is shared and lgma may be slow to start. */
	E2E_WAIT_MS = 8000,
	/* Silence after which an update is taken as complete. lgma writes
	 * each update in one write(), but a large one can arrive in several
	 * reads; this only has to cover the gap between them. */
	E2E_QUIET_MS = 60,
	/* How long a key that should change nothing is given to show that it
	 * did change something. */
	E2E_NOTHING_MS = 250,
};

/* ---- temporary files ---- */

/* A new empty directory under $TMPDIR (or /tmp); malloc'd path, caller
 * frees (and removes it with e2e_rmtree). Fails the test when it cannot. */
char *e2e_tempdir(void);
void e2e_rmtree(const char *path);
/* Writes dir/rel (creating the directories of rel) with n bytes; the
 * write is complete when the call returns (a rename over the old file, so
 * a reader never sees half of it). */
void e2e_write(const char *dir, const char *rel, const void *bytes, size_t n);
void e2e_write_text(const char *dir, const char *rel, const char *text);
/* The whole file as a malloc'd NUL-terminated string (NULL if unreadable);
 * *len (may be NULL) gets its size. */
char *e2e_read_file(const char *path, size_t *len);
/* cp -R from/. to/ */
void e2e_copy_dir(const char *from, const char *to);

/* ---- the fixture content ----
 *
 * Written by e2e_fixture_write, in Japanese (first) and English:
 *
 *   site title   試験サイト / Test site
 *   alpha        甲の節 / Alpha section: E2E_ALPHA_PARAGRAPHS paragraphs
 *   beta         乙の節 / Beta section: 3 paragraphs
 *   gamma        丙の節 / Gamma section: 1 paragraph
 *
 * Paragraph p (1-based) of a section with letter x (a, b, g) is, in
 * English, the words "xPPw01 xPPw02 ... xPPwNN" and in Japanese the
 * sentences "甲PPの01。甲PPの02。..." (乙 for beta, 丙 for gamma): every word
 * names its paragraph, so a test reads the reading position off any row,
 * wherever the layout breaks lines. */
enum {
	E2E_ALPHA_PARAGRAPHS = 60,
	E2E_WORDS = 40, /* words (sentences) per paragraph */
};
void e2e_fixture_write(const char *dir);

/* cmocka group setup and teardown of a test program that runs on the
 * fixture: e2e_fixture_dir is a fresh directory holding it in between. */
extern char *e2e_fixture_dir;
int e2e_fixture_setup(void **state);
int e2e_fixture_teardown(void **state);

/* The paragraph (1-based) of the first English word "xPPwWW" of section
 * letter x on row, and its word number in *word (may be NULL); 0 when the
 * row shows no whole word. A word cut by a line break is not counted. */
int e2e_row_paragraph_en(struct vt *vt, int row, char x, int *word);
/* The same for the Japanese sentences "甲PPのWW。" (kanji is 甲, 乙 or 丙). */
int e2e_row_paragraph_ja(struct vt *vt, int row, const char *kanji, int *word);

/* ---- running lgma ---- */

/* Runs lgma (the one just built) in a pty of rows x cols. env: "VAR=value"
 * entries that replace or add to the base environment (LANG=C.UTF-8,
 * TERM=xterm-256color, a PATH, a fresh HOME); "VAR" alone removes VAR.
 * args: lgma's arguments, NULL-terminated. */
struct vt *e2e_spawn(int rows, int cols, const char *const *env, const char *const *args);
/* The same for any program (argv[0] found in PATH). */
struct vt *e2e_spawn_argv(int rows, int cols, const char *const *env, const char *const *argv);

#define E2E_ENV(...) ((const char *const[]){__VA_ARGS__, NULL})
#define E2E_ARGS(...) ((const char *const[]){__VA_ARGS__, NULL})
#define E2E_NO_ARGS ((const char *const[]){NULL})

/* ---- waiting ---- */

/* Waits until text is on screen, then for the update to end. */
void e2e_expect_text(struct vt *vt, const char *text);
/* Waits until text is no longer on screen, then for the update to end. */
void e2e_expect_gone(struct vt *vt, const char *text);
/* Waits for the current update to end (E2E_QUIET_MS of silence). */
void e2e_settle(struct vt *vt);
/* After a resize: waits for the update to end and, while the screen is not
 * whole (e2e_check_screen), for more, up to E2E_WAIT_MS; then checks it.
 * Why: an answer to the key before, drawn for the old size, can reach the
 * terminal after the resize and tear the screen; lgma repaints all of it
 * once it sees the new size, but on a loaded machine (a sanitizer build)
 * that can come after a quiet spell longer than E2E_QUIET_MS. */
void e2e_settle_resized(struct vt *vt);
/* Sends a key or text and waits for lgma's answer to it and its end. Fails
 * when no output comes. */
void e2e_key(struct vt *vt, enum vt_key key);
void e2e_type(struct vt *vt, const char *text);
/* Sends text that should change nothing and gives lgma E2E_NOTHING_MS to
 * answer; returns the bytes it wrote meanwhile. */
size_t e2e_type_idle(struct vt *vt, const char *text);
/* Waits for lgma to exit by itself with this status and its process
 * group to be gone. */
void e2e_expect_exit(struct vt *vt, int code);
bool e2e_on_screen(struct vt *vt, const char *text);
/* The row where text is, or -1. */
int e2e_row_of(struct vt *vt, const char *text);

/* ---- checking the screen and the bytes ---- */

/* No row holds more columns than the terminal has: every row's text,
 * counted as lgma counts (libunistring), fits the width; a wide character's
 * right half follows it on the same row; and, on a screen of at least
 * 20x6, the chrome is where lgma puts it (a title on row 0, the key hints
 * on the last row), which an overflowing row would have scrolled away. */
void e2e_check_screen(struct vt *vt);
/* Fails with the offending position when a byte >= 0x80 was recorded. */
void e2e_expect_ascii(const char *bytes, size_t n);
/* Fails when an SGR sequence sets a colour (parameters 30-38, 40-48,
 * 90-97, 100-107, whether as 30 or inside 0;1;31). */
void e2e_expect_no_colour(const char *bytes, size_t n);
/* Whether some SGR sequence has the parameter code (e.g. 7 for reverse). */
bool e2e_has_sgr(const char *bytes, size_t n, int code);

/* ---- the child's process figures ---- */

/* utime + stime of a process from /proc/PID/stat (also readable while it is
 * a zombie, before it is reaped), in clock ticks; -1 when it is gone. */
long e2e_cpu_ticks(pid_t pid);
/* The process state letter of /proc/PID/stat ('R', 'S', 'Z'...), or 0. */
char e2e_proc_state(pid_t pid);
/* The direct children of pid, into out (at most max); returns their count. */
int e2e_children(pid_t pid, pid_t *out, int max);
/* Waits until the file at path exists and contains pattern (strstr). */
void e2e_expect_file_contains(const char *path, const char *pattern);

#endif
