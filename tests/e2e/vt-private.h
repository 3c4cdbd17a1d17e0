/* What the parts of the pty driver share: the struct behind struct vt.
 * vt.c owns the child and the I/O, vt-input.c the keys and the mouse,
 * vt-screen.c the reading of the libvterm screen. */
#ifndef LGMA_TEST_VT_PRIVATE_H
#define LGMA_TEST_VT_PRIVATE_H

#include <vterm.h>

#include "vt.h"

/* Counters of one span of time (the whole run, or one action). */
struct vt_counters {
	double start;	      /* monotonic ms when the span began */
	size_t bytes, reads, nul_bytes;
	double first_byte;    /* monotonic ms; < 0 before the first byte */
	double last_byte;
	double max_gap;
	long syscw_start;     /* the child's syscw when the span began */
};

struct vt_buf {
	char *data;
	size_t len, cap;
};

struct vt {
	VTerm *term;
	VTermScreen *screen;
	VTermState *state;
	int rows, cols;

	int master; /* non-blocking, close-on-exec; -1 once closed */
	pid_t pid;  /* also the process group and session id */
	int pidfd;  /* readable when the child exits; -1 if unsupported or reaped */
	bool eof;   /* the master returned EIO: the child's side is closed */
	bool reaped;
	int status;
	enum vt_wait exit_result;
	int io_timeout_ms;
	bool no_answers; /* vt_set_answers(false): queries go unanswered */
	/* Waits are multiplied by this: LGMA_E2E_TIMEOUT_SCALE when the
	 * program runs under LGMA_E2E_WRAPPER (vt.c), else 1. */
	int timeout_scale;

	/* Terminal properties libvterm reports. */
	bool cursor_visible, altscreen;
	int mouse; /* VTERM_PROP_MOUSE_*: which mouse events the program asked for */
	char title[256];

	/* Bytes libvterm produced for the program: encoded keys, mouse reports
	 * and answers to queries, until they are written to the master. */
	struct vt_buf to_child;

	/* The start of a DEC private mode sequence cut by the end of a read,
	 * held back from libvterm until the rest arrives (see feed_vterm). */
	struct vt_buf carry;

	struct vt_buf recorded;
	vt_output_hook *hook;
	void *hook_user;

	struct vt_counters total, action;
	long syscw_last; /* last syscw read; -1 if never readable */
	long peak_rss_kb;

	/* vt_row_text's result and the screen column of each of its bytes. */
	struct vt_buf row;
	int *row_cols;
	size_t row_cols_cap;
};

void vt_buf_append(struct vt_buf *b, const void *bytes, size_t n);

/* Reads output for up to timeout_ms (0: only what is there). Returns the
 * bytes read (> 0), 0 when none came, -1 once the pty is closed. */
int vt_read_once(struct vt *vt, int timeout_ms);
/* Reads everything that is already there, without waiting. */
void vt_drain(struct vt *vt);
/* Writes vt->to_child (libvterm's bytes for the program) in one vt_send and
 * empties it. Returns the bytes sent, or -1. */
int vt_flush_to_child(struct vt *vt);

#endif
