/* The pty driver, proved on real programs: printf for text, attributes and
 * modes; less for paging, keys, resizing and quitting; a key-echo fixture
 * for the exact bytes of keys, mouse reports and query answers; shells that
 * ignore signals or leave processes behind for the timeout and clean-up
 * paths. Every wait has a timeout, so a broken driver fails, never hangs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "vt-esc.h"
#include "vt.h"

enum {
	WAIT_MS = 5000, /* generous: the machine is shared */
	QUIET_MS = 150,
};

static char home[] = "/tmp/lgma-vt-XXXXXX";
static char home_env[64];
static char lines_file[128];

static char *env[] = {
	"LANG=C.UTF-8",
	"PATH=/usr/local/bin:/usr/bin:/bin",
	"LESSHISTFILE=-",
	home_env,
	NULL,
};

/* ---- fixtures ---- */

static int setup(void **state)
{
	FILE *f;

	(void)state;
	if (mkdtemp(home) == NULL)
		return -1;
	snprintf(home_env, sizeof(home_env), "HOME=%s", home);
	snprintf(lines_file, sizeof(lines_file), "%s/lines.txt", home);
	f = fopen(lines_file, "w");
	if (f == NULL)
		return -1;
	for (int i = 1; i <= 200; i++)
		fprintf(f, "line %03d\n", i);
	return fclose(f);
}

static int teardown(void **state)
{
	char cmd[256];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", home);
	return system(cmd);
}

static struct vt *spawn(int rows, int cols, char *const argv[])
{
	struct vt *vt = vt_spawn(argv, env, rows, cols);

	assert_non_null(vt);
	return vt;
}

#define SPAWN(rows, cols, ...) spawn(rows, cols, (char *const[]){__VA_ARGS__, NULL})

/* Fails the test with the screen in the log when text does not appear. */
static void expect_text(struct vt *vt, const char *text)
{
	if (vt_wait_text(vt, text, WAIT_MS) != VT_FOUND) {
		fprintf(stderr, "# waited for \"%s\" in vain:\n", text);
		vt_dump(vt, stderr);
		fail();
	}
}

static void expect_row(struct vt *vt, int row, const char *text)
{
	const char *got = vt_row_text(vt, row);

	if (strcmp(got, text) != 0) {
		fprintf(stderr, "# row %d: \"%s\", expected \"%s\"\n", row, got, text);
		vt_dump(vt, stderr);
		fail();
	}
}

/* Waits for a clean exit with the given code and an empty process group. */
static void expect_exit(struct vt *vt, int code)
{
	int status = -1;

	assert_int_equal(vt_wait_exit(vt, WAIT_MS, &status), VT_EXITED);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), code);
	assert_false(vt_group_alive(vt));
}

/* This process's write() system calls so far. */
static long own_writes(void)
{
	char line[128];
	long n = -1;
	FILE *f = fopen("/proc/self/io", "r");

	assert_non_null(f);
	while (fgets(line, sizeof(line), f) != NULL)
		if (strncmp(line, "syscw:", 6) == 0)
			n = strtol(line + 6, NULL, 10);
	fclose(f);
	return n;
}

/* ---- text and attributes ---- */

static void test_wide_text(void **state)
{
	struct vt *vt = SPAWN(5, 40, "printf", "%s\n", "日本語テキスト abc");
	struct vt_cell cell;
	int row = -1, col = -1;

	(void)state;
	expect_exit(vt, 0);
	expect_row(vt, 0, "日本語テキスト abc");
	expect_row(vt, 1, "");
	/* Seven wide characters take 14 columns; the space is column 14. */
	assert_true(vt_find(vt, "abc", &row, &col));
	assert_int_equal(row, 0);
	assert_int_equal(col, 15);
	assert_true(vt_find(vt, "テキ", &row, &col));
	assert_int_equal(col, 6);
	assert_false(vt_find(vt, "xyz", NULL, NULL));
	assert_true(vt_cell_at(vt, 0, 0, &cell));
	assert_string_equal(cell.text, "日");
	assert_int_equal(cell.width, 2);
	assert_true(vt_cell_at(vt, 0, 1, &cell));
	assert_int_equal(cell.width, 0);
	assert_string_equal(cell.text, "");
	assert_false(vt_cell_at(vt, 5, 0, &cell));
	/* 7 x 3 bytes, " abc", and the tty's ONLCR turned "\n" into "\r\n". */
	assert_int_equal(vt_total(vt).bytes, 21 + 4 + 2);
	vt_close(vt);
}

static void test_attributes_cursor_title(void **state)
{
	struct vt *vt = SPAWN(10, 40, "printf",
			      "\033[1;7mBR\033[0m\033[31mR\033[42mG\033[0m plain"
			      "\033]2;hello\007\033[5;10H\033[?25l");
	struct vt_cell c;
	int row, col;

	(void)state;
	expect_exit(vt, 0);
	expect_row(vt, 0, "BRRG plain");
	assert_true(vt_cell_at(vt, 0, 0, &c));
	assert_true(c.bold && c.reverse);
	assert_true(c.fg_default && c.bg_default);
	assert_true(vt_cell_at(vt, 0, 2, &c));
	assert_false(c.bold || c.reverse);
	assert_false(c.fg_default);
	assert_int_equal(c.fg_index, 1);
	assert_true(c.bg_default);
	assert_true(vt_cell_at(vt, 0, 3, &c));
	assert_int_equal(c.fg_index, 1);
	assert_int_equal(c.bg_index, 2);
	assert_true(vt_cell_at(vt, 0, 5, &c));
	assert_string_equal(c.text, "p");
	assert_true(c.fg_default && c.bg_default);
	assert_int_equal(c.fg_index, -1);
	vt_cursor(vt, &row, &col);
	assert_int_equal(row, 4);
	assert_int_equal(col, 9);
	assert_false(vt_cursor_visible(vt));
	assert_string_equal(vt_title(vt), "hello");
	vt_close(vt);
}

static void test_alternate_screen(void **state)
{
	struct vt *vt = SPAWN(10, 40, "sh", "-c",
			      "printf 'main\\n\\033[?1049hALT'; read x; printf '\\033[?1049l'; read x");

	(void)state;
	expect_text(vt, "ALT");
	assert_true(vt_altscreen(vt));
	assert_false(vt_find(vt, "main", NULL, NULL));
	assert_int_equal(vt_type(vt, "\r"), 0);
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	assert_false(vt_altscreen(vt));
	expect_row(vt, 0, "main");
	assert_false(vt_find(vt, "ALT", NULL, NULL));
	assert_int_equal(vt_type(vt, "\r"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

/* ---- less: paging, keys, resizing, quitting ---- */

static struct vt *start_less(int rows, int cols)
{
	struct vt *vt = SPAWN(rows, cols, "less", lines_file);

	expect_text(vt, "line 001");
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	return vt;
}

static void test_less_pages_and_quits(void **state)
{
	struct vt *vt = start_less(24, 80);
	struct vt_stats paint = vt_total(vt), step;
	int row;

	(void)state;
	assert_true(vt_altscreen(vt));
	expect_row(vt, 0, "line 001");
	expect_row(vt, 22, "line 023");
	assert_true(paint.bytes > 0 && paint.reads > 0);
	assert_true(paint.first_byte_ms >= 0 && paint.first_byte_ms <= paint.last_byte_ms);

	/* Space: one window forward (23 lines). */
	vt_mark(vt);
	assert_int_equal(vt_type(vt, " "), 0);
	expect_text(vt, "line 046");
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	expect_row(vt, 0, "line 024");
	expect_row(vt, 22, "line 046");

	/* Down arrow: one line; the counters are this action's alone. */
	vt_mark(vt);
	assert_int_equal(vt_key(vt, VT_KEY_DOWN, 0), 0);
	expect_text(vt, "line 047");
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	expect_row(vt, 0, "line 025");
	step = vt_action(vt);
	assert_true(step.bytes > 0 && step.reads > 0);
	assert_true(step.bytes < vt_total(vt).bytes);
	assert_true(step.child_writes >= 1);
	assert_true(step.reads <= vt_total(vt).reads);

	/* End and Home keys, as xterm sends them in less's keypad mode. */
	assert_int_equal(vt_key(vt, VT_KEY_END, 0), 0);
	expect_text(vt, "line 200");
	assert_int_equal(vt_key(vt, VT_KEY_HOME, 0), 0);
	expect_text(vt, "line 001");
	assert_true(vt_find(vt, "line 001", &row, NULL));
	assert_int_equal(row, 0);
	/* A running program has touched pages of its own; a reaped one has
	 * no /proc entry left to read. */
	assert_true(vt_minor_faults(vt) > 10);

	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	assert_int_equal(vt_minor_faults(vt), -1);
	assert_false(vt_altscreen(vt));
	/* less is small, but not nothing. */
	assert_true(vt_peak_rss_kb(vt) > 100);
	assert_true(vt_peak_rss_kb(vt) < 1024 * 1024);
	vt_close(vt);
}

static void test_resize_during_less(void **state)
{
	struct vt *vt = start_less(24, 80);
	int rows, cols;

	(void)state;
	assert_int_equal(vt_resize(vt, 30, 100), 0);
	vt_size(vt, &rows, &cols);
	assert_int_equal(rows, 30);
	assert_int_equal(cols, 100);
	expect_text(vt, "line 029");
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	expect_row(vt, 28, "line 029");

	assert_int_equal(vt_resize(vt, 10, 40), 0);
	assert_int_equal(vt_wait_quiet(vt, QUIET_MS, WAIT_MS), VT_QUIET);
	expect_row(vt, 0, "line 001");
	expect_row(vt, 8, "line 009");
	assert_false(vt_find(vt, "line 010", NULL, NULL));

	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

/* ---- exact bytes of keys, mouse and answers (vt-keyecho) ---- */

/* Sends one key and expects the fixture to echo these bytes. */
static void key_echo(struct vt *vt, enum vt_key key, unsigned mods, const char *hex)
{
	vt_recorded_clear(vt);
	assert_int_equal(vt_key(vt, key, mods), 0);
	expect_text(vt, hex);
}

static void test_keys_as_xterm_sends_them(void **state)
{
	struct vt *vt = SPAWN(24, 80, VT_KEYECHO);

	(void)state;
	expect_text(vt, "ready");
	/* Normal cursor mode: CSI. */
	key_echo(vt, VT_KEY_DOWN, 0, "1b 5b 42");
	key_echo(vt, VT_KEY_PGDN, 0, "1b 5b 36 7e");
	key_echo(vt, VT_KEY_ENTER, 0, "0d");
	key_echo(vt, VT_KEY_BACKSPACE, 0, "7f");
	key_echo(vt, VT_KEY_TAB, 0, "09");
	key_echo(vt, VT_KEY_UP, VT_MOD_CTRL, "1b 5b 31 3b 35 41");
	key_echo(vt, VT_KEY_DEL, 0, "1b 5b 33 7e");
	assert_int_equal(vt_fkey(vt, 1, 0), 0);
	expect_text(vt, "1b 4f 50");
	assert_int_equal(vt_fkey(vt, 5, 0), 0);
	expect_text(vt, "1b 5b 31 35 7e");
	assert_int_equal(vt_fkey(vt, 13, 0), -1);
	assert_int_equal(vt_ctrl(vt, 'x'), 0);
	expect_text(vt, "18");
	assert_int_equal(vt_ctrl(vt, '1'), -1);
	/* No mouse mode asked for: nothing is sent. */
	assert_int_equal(vt_mouse_click(vt, 0, 0, 1, 0), 0);
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

static void test_keypad_mode_and_typeahead(void **state)
{
	struct vt *vt = SPAWN(24, 200, VT_KEYECHO, "app");
	char expected[20 * 9 + 1] = "", one[16];
	long writes;
	size_t n;

	(void)state;
	expect_text(vt, "ready");
	/* The fixture set DECCKM, as ncurses' keypad(): SS3 arrows. */
	key_echo(vt, VT_KEY_DOWN, 0, "1b 4f 42");
	key_echo(vt, VT_KEY_HOME, 0, "1b 4f 48");
	n = vt_key_bytes(vt, VT_KEY_DOWN, 0, one, sizeof(one));
	assert_int_equal(n, 3);
	assert_memory_equal(one, "\033OB", 3);
	assert_int_equal(vt_key_bytes(vt, VT_KEY_DOWN, 0, one, 2), 0);

	/* Twenty presses in one write() of this process. */
	for (int i = 0; i < 20; i++)
		strcat(expected, i ? " 1b 4f 42" : "1b 4f 42");
	vt_mark(vt);
	writes = own_writes();
	assert_int_equal(vt_key_repeat(vt, VT_KEY_DOWN, 0, 20), 0);
	assert_int_equal(own_writes() - writes, 1);
	expect_text(vt, expected);
	/* The fixture answered with one write() per read(). */
	assert_int_equal(vt_action(vt).child_writes, 1);
	assert_int_equal(vt_action(vt).bytes, strlen(expected) + 2);
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

static void test_mouse_reports(void **state)
{
	struct vt *vt = SPAWN(24, 120, VT_KEYECHO, "mouse");

	(void)state;
	expect_text(vt, "ready");
	/* SGR: CSI < button ; column ; row M (press) or m (release), 1-based. */
	assert_true(vt_mouse_click(vt, 2, 5, 1, 0) > 0);
	expect_text(vt, "1b 5b 3c 30 3b 36 3b 33 4d");
	expect_text(vt, "1b 5b 3c 30 3b 36 3b 33 6d");
	/* Wheel up is button 64, a press only. */
	assert_true(vt_mouse_wheel(vt, 0, 0, true, 0) > 0);
	expect_text(vt, "1b 5b 3c 36 34 3b 31 3b 31 4d");
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

/* ncurses enables the mouse with both modes in one sequence, which
 * libvterm 0.1.4 would half apply: the driver applies both, also when the
 * sequence arrives in two reads. */
static void test_mouse_modes_in_one_sequence(void **state)
{
	struct vt *vt = SPAWN(24, 120, VT_KEYECHO, "mouse1");

	(void)state;
	expect_text(vt, "ready");
	assert_true(vt_mouse_click(vt, 2, 5, 1, 0) > 0);
	expect_text(vt, "1b 5b 3c 30 3b 36 3b 33 4d");
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

static void test_queries_are_answered(void **state)
{
	struct vt *vt = SPAWN(24, 80, VT_KEYECHO, "dsr");

	(void)state;
	/* Cursor position report: CSI 5 ; 10 R. */
	expect_text(vt, "1b 5b 35 3b 31 30 52");
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

/* ---- timing, counting, the audit ---- */

static void test_counts_and_gaps(void **state)
{
	struct vt *vt = SPAWN(5, 20, "sh", "-c", "printf a; sleep 0.3; printf b");
	struct vt_stats s;

	(void)state;
	expect_exit(vt, 0);
	s = vt_total(vt);
	assert_int_equal(s.bytes, 2);
	assert_int_equal(s.reads, 2);
	assert_true(s.max_gap_ms >= 250);
	assert_true(s.last_byte_ms - s.first_byte_ms >= 250);
	assert_int_equal(s.nul_bytes, 0);
	expect_row(vt, 0, "ab");
	vt_close(vt);
}

static void test_wait_for_a_slow_first_byte(void **state)
{
	struct vt *vt = SPAWN(5, 20, "sh", "-c", "sleep 0.3; echo late; sleep 30");

	(void)state;
	/* Quiet before the first byte: the reason for vt_wait_output. */
	assert_int_equal(vt_wait_quiet(vt, 50, WAIT_MS), VT_QUIET);
	assert_int_equal(vt_action(vt).bytes, 0);
	assert_int_equal(vt_wait_output(vt, WAIT_MS), VT_FOUND);
	assert_true(vt_action(vt).bytes > 0);
	assert_true(vt_action(vt).first_byte_ms >= 250);
	assert_int_equal(vt_wait_quiet(vt, 50, WAIT_MS), VT_QUIET);
	expect_row(vt, 0, "late");
	/* Nothing more comes: a bounded wait says so. */
	vt_mark(vt);
	assert_int_equal(vt_wait_output(vt, 100), VT_TIMEOUT);
	vt_close(vt);
}

static void test_nul_bytes_counted(void **state)
{
	struct vt *vt = SPAWN(5, 20, "printf", "a\\0\\0b");

	(void)state;
	expect_exit(vt, 0);
	assert_int_equal(vt_total(vt).bytes, 4);
	assert_int_equal(vt_total(vt).nul_bytes, 2);
	vt_close(vt);
}

static void on_output(const char *bytes, size_t n, void *user)
{
	(void)bytes;
	*(size_t *)user += n;
}

static void test_audit_records_every_byte(void **state)
{
	static char sent[] = "\033[1mX\033[0m\033]0;t\007\033(B\n";
	struct vt *vt = SPAWN(5, 20, "printf", "%s", sent);
	const char *want[] = {"CSI 1m", "TEXT \"X\"", "CSI 0m", "OSC 0;t BEL", "ESC (B",
			      "C0 0x0d", "C0 0x0a"};
	size_t len, pos = 0, hooked = 0, count = 0;
	const char *got;

	(void)state;
	vt_set_output_hook(vt, on_output, &hooked);
	expect_exit(vt, 0);
	got = vt_recorded(vt, &len);
	/* As sent, but for the tty's ONLCR: "\n" arrives as "\r\n". */
	assert_int_equal(len, sizeof(sent));
	assert_memory_equal(got, sent, sizeof(sent) - 2);
	assert_memory_equal(got + len - 2, "\r\n", 2);
	assert_int_equal(hooked, len);
	while (pos < len) {
		struct vt_tok tok;
		char text[64];

		pos = vt_tok_next(got, len, pos, &tok);
		assert_true(count < sizeof(want) / sizeof(want[0]));
		assert_string_equal(vt_tok_format(got, &tok, false, text, sizeof(text)), want[count]);
		count++;
	}
	assert_int_equal(count, sizeof(want) / sizeof(want[0]));
	vt_recorded_clear(vt);
	vt_recorded(vt, &len);
	assert_int_equal(len, 0);
	vt_close(vt);
}

/* The audit as the browser's tests will run it, on a real curses-style
 * program: every byte of less's session falls into well-formed tokens. */
static void test_audit_of_a_less_session(void **state)
{
	struct vt *vt = start_less(24, 80);
	const char *out;
	size_t len, pos = 0, csi = 0;
	bool entered = false, left = false;

	(void)state;
	assert_int_equal(vt_type(vt, " "), 0);
	expect_text(vt, "line 046");
	assert_int_equal(vt_type(vt, "q"), 0);
	expect_exit(vt, 0);
	out = vt_recorded(vt, &len);
	assert_int_equal(len, vt_total(vt).bytes);
	while (pos < len) {
		struct vt_tok tok;
		char text[128];

		pos = vt_tok_next(out, len, pos, &tok);
		vt_tok_format(out, &tok, false, text, sizeof(text));
		if (tok.kind == VT_TOK_BAD || tok.kind == VT_TOK_C1)
			fail_msg("unexpected token %s", text);
		csi += tok.kind == VT_TOK_CSI;
		/* xterm-256color's smcup and rmcup: the alternate screen. */
		entered |= strcmp(text, "CSI ?1049h") == 0;
		left |= strcmp(text, "CSI ?1049l") == 0;
	}
	assert_true(csi > 10);
	assert_true(entered && left);
	vt_close(vt);
}

/* ---- the failure paths ---- */

static void test_eof_without_fixed_sleep(void **state)
{
	struct vt *vt = SPAWN(5, 20, "true");
	struct vt_stats s;

	(void)state;
	/* The pty closes when true exits: no need to sit out the quiet time. */
	vt_mark(vt);
	assert_int_equal(vt_wait_quiet(vt, 3000, WAIT_MS), VT_EOF);
	s = vt_action(vt);
	assert_int_equal(s.bytes, 0);
	expect_exit(vt, 0);
	vt_close(vt);
}

static void test_quiet_timeout(void **state)
{
	struct vt *vt = SPAWN(5, 20, "sh", "-c", "while :; do echo x; sleep 0.05; done");
	int status;

	(void)state;
	assert_int_equal(vt_wait_quiet(vt, 300, 600), VT_TIMEOUT);
	assert_true(vt_total(vt).reads >= 3);
	assert_int_equal(vt_wait_exit(vt, 100, &status), VT_TIMEOUT);
	assert_true(WIFSIGNALED(status));
	assert_false(vt_group_alive(vt));
	vt_close(vt);
}

static void test_child_reaped_elsewhere(void **state)
{
	struct vt *vt;
	int status = 0;

	(void)state;
	/* With SIGCHLD ignored the kernel reaps the child itself. */
	signal(SIGCHLD, SIG_IGN);
	vt = SPAWN(5, 20, "true");
	assert_int_equal(vt_wait_exit(vt, WAIT_MS, &status), VT_EXITED);
	signal(SIGCHLD, SIG_DFL);
	assert_int_equal(status, -1);
	vt_close(vt);
}

static void test_exec_failure(void **state)
{
	struct vt *vt = SPAWN(5, 60, "/nonexistent/lgma-no-such-program");

	(void)state;
	expect_exit(vt, 127);
	assert_true(vt_find(vt, "cannot run /nonexistent/lgma-no-such-program", NULL, NULL));
	vt_close(vt);
}

static void test_timeout_kills_whole_group(void **state)
{
	struct vt *vt = SPAWN(5, 40, "sh", "-c", "trap '' HUP TERM; sleep 30 & echo armed; sleep 30");
	int status = 0;

	(void)state;
	expect_text(vt, "armed");
	assert_int_equal(vt_wait_exit(vt, 200, &status), VT_TIMEOUT);
	/* SIGTERM was ignored: only SIGKILL ended it. */
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	assert_false(vt_group_alive(vt));
	/* Asking again tells the same. */
	assert_int_equal(vt_wait_exit(vt, 200, &status), VT_TIMEOUT);
	vt_close(vt);
}

static void test_straggler_seen_and_ended(void **state)
{
	struct vt *vt = SPAWN(5, 40, "sh", "-c", "trap '' HUP; sleep 30 & echo started");
	pid_t pgid = vt_pid(vt);

	(void)state;
	expect_text(vt, "started");
	/* The shell exits 0, its background sleep ignores the hang-up. */
	assert_int_equal(vt_wait_exit(vt, WAIT_MS, NULL), VT_EXITED);
	assert_true(vt_group_alive(vt));
	vt_close(vt);
	assert_int_equal(kill(-pgid, 0), -1);
	assert_int_equal(errno, ESRCH);
}

static void test_close_hangs_up_a_running_child(void **state)
{
	struct vt *vt = SPAWN(5, 40, "sh", "-c", "echo up; sleep 30");
	pid_t pgid = vt_pid(vt);

	(void)state;
	expect_text(vt, "up");
	vt_close(vt);
	assert_int_equal(kill(-pgid, 0), -1);
	assert_int_equal(errno, ESRCH);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_wide_text),
		cmocka_unit_test(test_attributes_cursor_title),
		cmocka_unit_test(test_alternate_screen),
		cmocka_unit_test(test_less_pages_and_quits),
		cmocka_unit_test(test_resize_during_less),
		cmocka_unit_test(test_keys_as_xterm_sends_them),
		cmocka_unit_test(test_keypad_mode_and_typeahead),
		cmocka_unit_test(test_mouse_reports),
		cmocka_unit_test(test_mouse_modes_in_one_sequence),
		cmocka_unit_test(test_queries_are_answered),
		cmocka_unit_test(test_counts_and_gaps),
		cmocka_unit_test(test_wait_for_a_slow_first_byte),
		cmocka_unit_test(test_nul_bytes_counted),
		cmocka_unit_test(test_audit_records_every_byte),
		cmocka_unit_test(test_audit_of_a_less_session),
		cmocka_unit_test(test_eof_without_fixed_sleep),
		cmocka_unit_test(test_quiet_timeout),
		cmocka_unit_test(test_child_reaped_elsewhere),
		cmocka_unit_test(test_exec_failure),
		cmocka_unit_test(test_timeout_kills_whole_group),
		cmocka_unit_test(test_straggler_seen_and_ended),
		cmocka_unit_test(test_close_hangs_up_a_running_child),
	};

	return cmocka_run_group_tests_name("vt", tests, setup, teardown);
}
