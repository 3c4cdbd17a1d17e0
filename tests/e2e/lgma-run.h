/* lgma in the pty driver, for the end-to-end tests of the browser: where the
 * binary is, the environment it runs in, keys that wait for the answer, and
 * waits that fail the running cmocka test with the screen in the log.
 *
 * Every wait has a timeout (E2E_WAIT_MS); nothing here sleeps for a fixed
 * time except the few milliseconds of quiet that end an answer. Test-side
 * code, built into each test program that lists lgma-run.c.
 *
 * Units: rows and columns are 0-based screen cells; times milliseconds. */
#ifndef LGMA_E2E_RUN_H
#define LGMA_E2E_RUN_H

#include <stdbool.h>

#include "vt.h"

enum {
	E2E_WAIT_MS = 5000, /* generous: the machine is shared */
	E2E_QUIET_MS = 30,  /* an answer is over after this much silence */
};

/* The lgma binary: $LGMA_BUILD_ROOT/src/lgma (meson's test environment
 * sets it). Owned by this module. */
const char *e2e_lgma_path(void);

/* Starts lgma with the shipped content (--content) and args (NULL-terminated,
 * without argv[0]) in a rows x cols pty under TERM=xterm-256color and
 * LANG=C.UTF-8, with a fresh HOME and without NO_COLOR; waits until its first
 * screen is painted. Fails the test when it cannot start. Free with vt_close. */
struct vt *e2e_spawn(int rows, int cols, const char *const args[]);
#define E2E_SPAWN(rows, cols, ...) e2e_spawn(rows, cols, (const char *const[]){__VA_ARGS__, NULL})

/* The same with another content directory (content_dir NULL: the shipped one). */
struct vt *e2e_spawn_content(int rows, int cols, const char *content_dir, const char *const args[]);

/* Sends a key (or text) and waits for lgma's answer: some output, then
 * E2E_QUIET_MS without any. A key that changes nothing on screen costs the
 * whole E2E_WAIT_MS, so tests only press keys that change something, or
 * use the _quiet forms. */
void e2e_press(struct vt *vt, enum vt_key key);
void e2e_type(struct vt *vt, const char *text);
/* Sends, then waits only for E2E_QUIET_MS of silence. */
void e2e_press_quiet(struct vt *vt, enum vt_key key);
void e2e_type_quiet(struct vt *vt, const char *text);

/* Waits until text is on screen; fails the test with the screen otherwise. */
void e2e_expect_text(struct vt *vt, const char *text);
/* Waits until text is nowhere on screen; fails the test otherwise. */
void e2e_expect_gone(struct vt *vt, const char *text);
/* Waits until row `row` is exactly text (trailing blanks trimmed). */
void e2e_expect_row(struct vt *vt, int row, const char *text);
/* Waits until row `row` contains text. */
void e2e_expect_in_row(struct vt *vt, int row, const char *text);

/* Where text is on screen; fails the test when it is not. */
void e2e_locate(struct vt *vt, const char *text, int *row, int *col);

/* Whether the cell stands out from plain text: reverse video, or a
 * background colour. */
bool e2e_highlighted(const struct vt *vt, int row, int col);

/* Fails the test with a message and the screen. */
void e2e_fail(struct vt *vt, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* q, then a clean exit with status 0 and no process of lgma's group left;
 * closes vt. */
void e2e_quit(struct vt *vt);

/* A fresh directory under /tmp for one test program, removed at exit. */
const char *e2e_tmpdir(void);

#endif
