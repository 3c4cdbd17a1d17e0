/* The pseudo-terminal driver of the end-to-end tests and the wire benchmark.
 *
 * A command runs in a new pseudo-terminal as the leader of its own session
 * and process group; everything it writes is read from the master side and
 * fed to a libvterm screen (UTF-8), which the tests then read back: row text,
 * cells and their attributes, the cursor, the alternate screen. Keys are
 * encoded by libvterm too, so they follow the modes the program set (an
 * arrow is ESC O B in keypad-transmit mode, ESC [ B otherwise, as in xterm),
 * and libvterm's answers to queries (cursor position reports, device
 * attributes) go back to the program as a real terminal's would.
 *
 * The driver also counts: bytes and read() calls on the master, the child's
 * write() system calls (exact, from /proc/PID/io), times to the first and
 * the last byte of an action, the child's peak resident set, and it records
 * every byte for an escape-sequence audit (vt-esc.h tokenizes them).
 *
 * Nothing here waits without a timeout; vt_close ends the child's whole
 * process group on every path. Test-side code: never linked into lgma.
 *
 * Units: rows and columns are 0-based screen cells; sizes are bytes; times
 * are milliseconds on the monotonic clock. */
#ifndef LGMA_TEST_VT_H
#define LGMA_TEST_VT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct vt;

/* The TERM a child gets when its environment names none. */
#define VT_DEFAULT_TERM "xterm-256color"

/* Runs argv[0] (searched in PATH) in a new pty of rows x cols. envp is the
 * child's whole environment, used as given plus TERM=VT_DEFAULT_TERM when it
 * has no TERM; NULL means this process's environment with TERM set to
 * VT_DEFAULT_TERM and LINES/COLUMNS removed (they would override the pty
 * size). Returns NULL (errno set) when the pty or the fork fails; a command
 * that cannot be executed exits with status 127 instead. Free with vt_close.
 *
 * The first spawn makes this process a child subreaper (prctl), so that the
 * child's orphaned descendants are reparented here and vt_group_alive can
 * tell a live straggler from a zombie nobody reaps. */
struct vt *vt_spawn(char *const argv[], char *const envp[], int rows, int cols);

/* Ends the child's process group if it is still there (hangs up the pty,
 * then SIGKILL after a short grace), reaps it and frees everything. NULL is
 * a no-op. */
void vt_close(struct vt *vt);

pid_t vt_pid(const struct vt *vt);
/* Milliseconds on the monotonic clock, for tests that time lgma. */
double vt_now_ms(void);
/* How many times slower an lgma runs under LGMA_E2E_WRAPPER (valgrind):
 * LGMA_E2E_TIMEOUT_SCALE then, else 1. Tests scale the times and CPU they
 * allow lgma by it; the driver's own waits already are. */
int vt_lgma_slowdown(void);

/* ---- input ---- */

/* Writes n bytes to the program as one write() when the pty takes them
 * (a larger burst is split only where the kernel's buffer forces it), reading
 * the program's output meanwhile so neither side can block the other.
 * Returns 0, or -1 when the pty is gone or nothing could be written for the
 * I/O timeout (vt_set_io_timeout). */
int vt_send(struct vt *vt, const void *bytes, size_t n);
int vt_type(struct vt *vt, const char *text); /* a NUL-terminated string */

enum vt_key {
	VT_KEY_UP,
	VT_KEY_DOWN,
	VT_KEY_LEFT,
	VT_KEY_RIGHT,
	VT_KEY_HOME,
	VT_KEY_END,
	VT_KEY_PGUP,
	VT_KEY_PGDN,
	VT_KEY_INS,
	VT_KEY_DEL,
	VT_KEY_ENTER,
	VT_KEY_TAB,
	VT_KEY_BACKSPACE,
	VT_KEY_ESC,
	VT_KEY_F1, /* ... F12 follow: VT_KEY_F1 + n - 1 */
	VT_KEY_F12 = VT_KEY_F1 + 11,
};

/* Modifier bits, as libvterm's. */
enum {
	VT_MOD_SHIFT = 1,
	VT_MOD_ALT = 2,
	VT_MOD_CTRL = 4,
};

/* A key as xterm sends it in the program's current modes; count > 1 sends
 * that many presses in ONE write (typeahead). Returns 0 or -1 as vt_send. */
int vt_key(struct vt *vt, enum vt_key key, unsigned mods);
int vt_key_repeat(struct vt *vt, enum vt_key key, unsigned mods, int count);
/* F1..F12 (n = 1..12): vt_key(vt, VT_KEY_F1 + n - 1, mods). */
int vt_fkey(struct vt *vt, int n, unsigned mods);
/* Ctrl + a letter or one of @[\]^_ (Ctrl-x is vt_ctrl(vt, 'x')). */
int vt_ctrl(struct vt *vt, char c);

/* The bytes of a key in the current modes into out (at most size bytes);
 * returns their count, or 0 when they do not fit. For building a burst. */
size_t vt_key_bytes(struct vt *vt, enum vt_key key, unsigned mods, char *out, size_t size);

/* Mouse at row, col: a press and release of button 1..3, or one wheel step
 * (up: button 4, down: 5, a press only as xterm sends it). The encoding
 * (SGR 1006 or the older X10 form) and whether anything is sent at all
 * follow the mouse mode the program enabled. Returns the bytes sent
 * (0 when the program did not ask for the mouse), -1 on error. */
int vt_mouse_click(struct vt *vt, int row, int col, int button, unsigned mods);
int vt_mouse_wheel(struct vt *vt, int row, int col, bool up, unsigned mods);

/* ---- waiting for output ---- */

enum vt_wait {
	VT_QUIET,   /* no output for quiet_ms */
	VT_FOUND,   /* vt_wait_text: the text is on screen */
	VT_EOF,	    /* the pty was closed by the child's side (EIO): no more output */
	VT_EXITED,  /* vt_wait_exit: the child exited by itself */
	VT_TIMEOUT, /* timeout_ms passed first */
};

/* Reads output until none arrives for quiet_ms (counted from the call or the
 * last byte, whichever is later), the pty is closed, or timeout_ms passes. */
enum vt_wait vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms);

/* Reads output until some has arrived since the last vt_mark (or the
 * spawn): a program slower to react than quiet_ms would otherwise look
 * quiet before its first byte. Returns VT_FOUND, VT_EOF or VT_TIMEOUT. */
enum vt_wait vt_wait_output(struct vt *vt, int timeout_ms);

/* Reads output until text appears on screen (vt_find), the pty is closed or
 * timeout_ms passes. Returns VT_FOUND, VT_EOF or VT_TIMEOUT. */
enum vt_wait vt_wait_text(struct vt *vt, const char *text, int timeout_ms);

/* Waits for the child to exit, reading its output meanwhile. On timeout the
 * whole process group gets SIGTERM, then SIGKILL after a grace period, and
 * is reaped; the answer is then VT_TIMEOUT. *status (may be NULL) gets the
 * waitpid status either way (-1 if someone else reaped the child, as when
 * SIGCHLD is ignored). Returns VT_EXITED when the child exited in time.
 * Calling it again after the child was reaped returns the same. */
enum vt_wait vt_wait_exit(struct vt *vt, int timeout_ms, int *status);

/* Whether any process of the child's process group is still alive
 * (kill(-pgid, 0)), after reaping the group's zombies reparented here. */
bool vt_group_alive(struct vt *vt);

/* Per-wait cap for vt_send and vt_close (default 5000 ms). */
void vt_set_io_timeout(struct vt *vt, int ms);

/* Whether libvterm's answers to the program's queries (cursor position
 * reports, device attributes) go back to it, as a real terminal's do
 * (the default). false plays a terminal that answers nothing: a serial
 * console, a dumb SSH client. Call it right after vt_spawn, before any
 * wait, to cover the program's first query. */
void vt_set_answers(struct vt *vt, bool answer);

/* Closes the master side and returns at once, with no signal and no wait:
 * the terminal hangs up, as when an SSH link drops. The kernel then signals
 * the session's leader (SIGHUP) and the child's reads fail; vt_wait_exit,
 * vt_group_alive and vt_close work as before, with no more output. */
void vt_hangup(struct vt *vt);

/* ---- resizing ---- */

/* Resizes the pty (TIOCSWINSZ on the master: the kernel sends SIGWINCH to
 * the foreground process group) and the libvterm screen. Output already
 * written for the old size is read first. Returns 0 or -1. */
int vt_resize(struct vt *vt, int rows, int cols);
void vt_size(const struct vt *vt, int *rows, int *cols);

/* ---- reading the screen ---- */

/* Row text as UTF-8: each character once (a wide one is not doubled), blank
 * cells as spaces, trailing blanks trimmed. The string belongs to vt and is
 * valid until the next call of vt_row_text or vt_find, or until more output
 * is read (any vt_wait_*, vt_send, vt_key...). Out of range: "". */
const char *vt_row_text(struct vt *vt, int row);

/* The first place (top to bottom, left to right) where text (UTF-8) is on
 * screen within one row; *row and *col (either may be NULL) get the screen
 * cell where it starts. */
bool vt_find(struct vt *vt, const char *text, int *row, int *col);

struct vt_cell {
	char text[32]; /* UTF-8 of the cell's characters; "" for a blank cell
			  and for the right half of a wide character */
	int width;     /* 1, 2 for a wide character, 0 for its right half */
	bool bold, underline, italic, blink, reverse, strike;
	bool fg_default, bg_default; /* no colour set: the terminal's default */
	int fg_index, bg_index;	     /* palette index 0..255, -1 if default or RGB */
	uint8_t fg_rgb[3], bg_rgb[3]; /* the colour as RGB in every case */
};

/* The cell at row, col; false when out of range. */
bool vt_cell_at(const struct vt *vt, int row, int col, struct vt_cell *cell);

void vt_cursor(const struct vt *vt, int *row, int *col);
bool vt_cursor_visible(const struct vt *vt);
bool vt_altscreen(const struct vt *vt);
/* The window title last set by OSC 0/2; "" if none. Owned by vt. */
const char *vt_title(const struct vt *vt);

/* Prints every row to f between rulers, for the log of a failing test. */
void vt_dump(struct vt *vt, FILE *f);

/* ---- counting ---- */

struct vt_stats {
	size_t bytes;	     /* bytes read from the pty */
	size_t reads;	     /* read() calls that returned bytes */
	long child_writes;   /* the child's write() system calls, to any file;
				-1 when /proc/PID/io cannot be read */
	double first_byte_ms; /* from the start to the first byte; -1 if none */
	double last_byte_ms;  /* from the start to the last byte; -1 if none */
	double max_gap_ms;    /* the longest silence between two reads */
	size_t nul_bytes;     /* NUL bytes among them (terminfo padding) */
};

/* Starts a new action: the counters of vt_action restart from zero now. */
void vt_mark(struct vt *vt);
/* Counts since the last vt_mark (or the spawn). */
struct vt_stats vt_action(struct vt *vt);
/* Counts since the spawn. */
struct vt_stats vt_total(struct vt *vt);

/* The child's peak resident set in KiB: the largest VmHWM read from
 * /proc/PID/status, sampled after every wait and, in vt_wait_exit, at every
 * wake-up before the child is reaped (a zombie has no memory left to read).
 * 0 when never sampled. */
long vt_peak_rss_kb(const struct vt *vt);
/* Samples VmHWM now (the child must be alive); returns the peak so far. */
long vt_sample_rss(struct vt *vt);
/* The child's minor page faults so far (minflt in /proc/PID/stat), or -1
 * once it is reaped. Where a fault is dear (a sandboxed machine), the pages
 * a start-up touches are much of its time. */
long vt_minor_faults(const struct vt *vt);

/* ---- the output audit ---- */

/* Every byte read from the pty since the spawn or the last
 * vt_recorded_clear, in order. Owned by vt; valid until more output is read. */
const char *vt_recorded(const struct vt *vt, size_t *len);
void vt_recorded_clear(struct vt *vt);

/* Called with each chunk as it is read, before libvterm sees it. */
typedef void vt_output_hook(const char *bytes, size_t n, void *user);
void vt_set_output_hook(struct vt *vt, vt_output_hook *hook, void *user);

#endif
