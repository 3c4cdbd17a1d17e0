/* lgma as a kiosk and as a program on the far end of a link: the keys that
 * would leave it, the operator's exit key, the idle reset, the signals an
 * operator or a dropped link sends, reloading new content (or refusing a
 * broken one), the bytes of --low-bandwidth and vt100, and that neither a
 * hang-up nor an idle screen costs CPU time. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "e2e-lgma.h"
#include "vt-esc.h"


/* The kiosk's notice when someone tries to leave (English). */
static const char hint[] = "This terminal stays on lgma";

static struct vt *start(const char *const *env, const char *const *args)
{
	const char *argv[16] = {"--content", e2e_fixture_dir};
	size_t n = 2;

	for (size_t i = 0; args[i] != NULL; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	return e2e_spawn(24, 80, env, argv);
}

static const char *const english[] = {"LANG=en_US.UTF-8", NULL};

/* lgma is still running, on its screen, and started no other program. */
static void expect_still_there(struct vt *vt, const char *after)
{
	pid_t kids[8];

	char state = e2e_proc_state(vt_pid(vt));

	if (state == 0 || state == 'Z' || !vt_altscreen(vt) || !e2e_on_screen(vt, "Test site")) {
		vt_dump(vt, stderr);
		fail_msg("lgma left its screen after %s", after);
	}
	if (e2e_children(vt_pid(vt), kids, 8) != 0)
		fail_msg("lgma started a process after %s", after);
}

/* ---- the kiosk's keys ---- */

static void test_kiosk_keeps_its_screen(void **state)
{
	static const struct {
		const char *bytes, *name;
	} leave[] = {{"q", "q"}, {"\003", "Ctrl-C"}, {"\032", "Ctrl-Z"}, {"\034", "Ctrl-\\"}};
	static const char *const others[] = {"!", ":sh\r", "v", "|", "Q", "\033:q!\r", "\004"};
	struct vt *vt = start(english, E2E_ARGS("--kiosk"));

	(void)state;
	e2e_expect_text(vt, "Alpha section");
	for (size_t i = 0; i < sizeof(leave) / sizeof(leave[0]); i++) {
		/* Each time from a screen without the hint. */
		e2e_key(vt, VT_KEY_DOWN);
		assert_false(e2e_on_screen(vt, hint));
		vt_mark(vt);
		assert_int_equal(vt_type(vt, leave[i].bytes), 0);
		if (vt_wait_text(vt, hint, E2E_WAIT_MS) != VT_FOUND) {
			vt_dump(vt, stderr);
			fail_msg("no hint after %s", leave[i].name);
		}
		e2e_settle(vt);
		expect_still_there(vt, leave[i].name);
	}
	/* A shell escape, an editor, a pipe: nothing of the kind exists. */
	for (size_t i = 0; i < sizeof(others) / sizeof(others[0]); i++) {
		e2e_type_idle(vt, others[i]);
		e2e_check_screen(vt);
		expect_still_there(vt, others[i]);
	}
	/* The operator's way out is a signal. */
	kill(vt_pid(vt), SIGTERM);
	assert_int_equal(vt_wait_exit(vt, E2E_WAIT_MS, NULL), VT_EXITED);
	vt_close(vt);
}

/* Whether the process ignores signal sig (/proc/PID/status, SigIgn). */
static bool ignores(pid_t pid, int sig)
{
	char path[64], line[256];
	unsigned long long mask = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (f == NULL)
		return false;
	while (fgets(line, sizeof(line), f) != NULL)
		if (sscanf(line, "SigIgn: %llx", &mask) == 1)
			break;
	fclose(f);
	return mask & (1ULL << (sig - 1));
}

/* A Ctrl-C typed while lgma starts, before curses puts the terminal in raw
 * mode, reaches it as SIGINT: from the moment --kiosk is read it must do
 * nothing. The test sends it as soon as the option took effect. */
static void test_ctrl_c_while_starting(void **state)
{
	struct vt *vt = start(english, E2E_ARGS("--kiosk"));
	double until = vt_now_ms() + E2E_WAIT_MS;

	(void)state;
	while (!ignores(vt_pid(vt), SIGINT) && vt_now_ms() < until)
		usleep(200);
	assert_true(ignores(vt_pid(vt), SIGINT));
	assert_int_equal(vt_type(vt, "\003"), 0);
	e2e_expect_text(vt, "Alpha section");
	e2e_settle(vt);
	expect_still_there(vt, "Ctrl-C while starting");
	kill(vt_pid(vt), SIGTERM);
	assert_int_equal(vt_wait_exit(vt, E2E_WAIT_MS, NULL), VT_EXITED);
	vt_close(vt);
}

static void test_exit_key_quits(void **state)
{
	struct vt *vt = start(english, E2E_ARGS("--kiosk", "--exit-key=^X^Q"));

	(void)state;
	e2e_expect_text(vt, "Alpha section");
	/* Half of it, or the other half, is nothing. */
	e2e_type_idle(vt, "\030");
	e2e_type_idle(vt, "x\021");
	expect_still_there(vt, "^X, x^Q");
	assert_int_equal(vt_type(vt, "\030\021"), 0);
	e2e_expect_exit(vt, 0);
	assert_false(vt_altscreen(vt));
	vt_close(vt);
}

static void test_idle_timeout_returns_to_the_start(void **state)
{
	int slow = vt_lgma_slowdown();
	char idle[16];
	struct vt *vt;
	double last_key;

	(void)state;
	snprintf(idle, sizeof(idle), "%d", slow); /* a second, or what valgrind makes of one */
	vt = start(NULL, E2E_ARGS("--kiosk", "--idle-timeout", idle));
	e2e_expect_text(vt, "甲の節");
	e2e_key(vt, VT_KEY_DOWN);
	e2e_key(vt, VT_KEY_ENTER);
	e2e_expect_text(vt, "乙01の01");
	e2e_type(vt, "L");
	e2e_expect_text(vt, "b01w01");
	last_key = vt_now_ms();
	/* The start screen: the menu, the first entry, the start language. */
	e2e_expect_text(vt, "甲の節");
	assert_true(vt_now_ms() - last_key >= 900.0 * slow);
	assert_false(e2e_on_screen(vt, "b01w01"));
	assert_true(e2e_on_screen(vt, "甲01の01")); /* the preview of the first */
	assert_true(e2e_on_screen(vt, "丙の節"));
	kill(vt_pid(vt), SIGTERM);
	assert_int_equal(vt_wait_exit(vt, E2E_WAIT_MS, NULL), VT_EXITED);
	vt_close(vt);
}

/* ---- signals and hang-ups ---- */

static void test_sighup_ends_the_group(void **state)
{
	struct vt *vt = start(NULL, E2E_ARGS("--kiosk"));

	(void)state;
	e2e_expect_text(vt, "甲の節");
	assert_int_equal(kill(vt_pid(vt), SIGHUP), 0);
	e2e_expect_exit(vt, 0);
	vt_close(vt);
}

static void test_sigterm_restores_the_terminal(void **state)
{
	struct vt *vt = start(NULL, E2E_ARGS("--kiosk", "alpha"));

	(void)state;
	e2e_expect_text(vt, "甲01の01");
	assert_true(vt_altscreen(vt));
	assert_int_equal(kill(vt_pid(vt), SIGTERM), 0);
	e2e_expect_exit(vt, 143);
	assert_false(vt_altscreen(vt));
	assert_true(vt_cursor_visible(vt));
	vt_close(vt);
}

/* The CPU time a process may use for a hang-up: a spinning loop would use
 * all of the wait (E2E_WAIT_MS, hundreds of ticks). In clock ticks (10 ms
 * each at the usual 100 Hz): a fifth of a second leaves room for the
 * sanitizers' leak check at exit on a busy machine. */
enum { HANGUP_TICKS = 20 };

/* Waits until pid is a zombie or gone (reaped by its parent); returns the
 * CPU ticks it had used at the last look before that (looks 10 ms apart,
 * the last one on the zombie when there is one), or -1 when it is still
 * running after timeout_ms. */
static long wait_ended(pid_t pid, int timeout_ms)
{
	long ticks = e2e_cpu_ticks(pid);

	for (int waited = 0; waited <= timeout_ms; waited += 10) {
		char st = e2e_proc_state(pid);
		long now = e2e_cpu_ticks(pid);

		if (now >= 0)
			ticks = now;
		if (st == 0 || st == 'Z')
			return ticks;
		usleep(10 * 1000);
	}
	return -1;
}

static void test_hangup_by_signal(void **state)
{
	struct vt *vt = start(NULL, E2E_ARGS("--kiosk"));
	pid_t pid = vt_pid(vt);
	long ticks;

	(void)state;
	e2e_expect_text(vt, "甲の節");
	/* Closing the master: the kernel sends SIGHUP to the session's leader. */
	vt_hangup(vt);
	ticks = wait_ended(pid, E2E_WAIT_MS);
	if (ticks < 0)
		fail_msg("lgma did not exit after the hang-up");
	assert_true(ticks <= HANGUP_TICKS * vt_lgma_slowdown());
	e2e_expect_exit(vt, 0);
	vt_close(vt);
}

/* The link drops and no signal comes: lgma runs in a session of its own
 * (setsid), so the terminal is not its controlling terminal and only its
 * reads and writes fail. It must notice and end, without spinning. */
static void test_hangup_without_signal(void **state)
{
	const char *argv[] = {"setsid", "--wait", LGMA_EXE, "--content", e2e_fixture_dir, "--kiosk", NULL};
	struct vt *vt = e2e_spawn_argv(24, 80, NULL, argv);
	pid_t lgma[4];
	long ticks;

	(void)state;
	e2e_expect_text(vt, "甲の節");
	assert_int_equal(e2e_children(vt_pid(vt), lgma, 4), 1);
	vt_hangup(vt);
	/* setsid dies of the hang-up, or reaps lgma first: either way lgma
	 * must be gone soon, having used next to no CPU. */
	ticks = wait_ended(lgma[0], E2E_WAIT_MS);
	if (ticks < 0) {
		long spent = e2e_cpu_ticks(lgma[0]);

		kill(lgma[0], SIGKILL);
		fail_msg("lgma is still running %d ms after the hang-up, having used %ld ticks of CPU",
			 E2E_WAIT_MS, spent);
	}
	assert_true(ticks <= HANGUP_TICKS * vt_lgma_slowdown());
	/* If it was reparented to us (the driver is a subreaper), reap it. */
	waitpid(lgma[0], NULL, WNOHANG);
	vt_close(vt);
}

static void test_idle_costs_no_cpu(void **state)
{
	struct vt *vt = start(NULL, E2E_ARGS("--kiosk", "--watch", "alpha"));
	long before, after;

	(void)state;
	e2e_expect_text(vt, "甲01の01");
	/* A kiosk with its idle timer (120 s) and a watch: still no wake-ups. */
	before = e2e_cpu_ticks(vt_pid(vt));
	vt_mark(vt);
	usleep(2000 * 1000);
	after = e2e_cpu_ticks(vt_pid(vt));
	assert_true(before >= 0 && after >= 0);
	if (after - before > 1)
		fail_msg("lgma used %ld ticks of CPU in 2 s of idling", after - before);
	assert_int_equal(vt_action(vt).child_writes, 0);
	kill(vt_pid(vt), SIGTERM);
	assert_int_equal(vt_wait_exit(vt, E2E_WAIT_MS, NULL), VT_EXITED);
	vt_close(vt);
}

/* ---- reloading ---- */

/* A section file of the copied content with a marker in its text. */
static void write_about(const char *dir, const char *marker)
{
	char yaml[512];

	snprintf(yaml, sizeof(yaml),
		 "id: about\ntitle:\n  ja: 概要\n  en: About\nbody:\n  ja: |\n    %s の本文。\n  en: |\n    %s text.\n",
		 marker, marker);
	e2e_write_text(dir, "sections/10-about.yaml", yaml);
}

/* FILE:LINE:COLUMN: error: with a file ending in name. */
static bool has_located_error(const char *log, const char *name)
{
	for (const char *p = log; (p = strstr(p, name)) != NULL; p++) {
		const char *q = p + strlen(name);
		int digits = 0;

		if (*q++ != ':')
			continue;
		while (isdigit((unsigned char)*q))
			q++, digits++;
		if (digits == 0 || *q++ != ':')
			continue;
		digits = 0;
		while (isdigit((unsigned char)*q))
			q++, digits++;
		if (digits > 0 && strncmp(q, ": error: ", 9) == 0)
			return true;
	}
	return false;
}

static void test_sigusr1_reloads_or_keeps_the_old_text(void **state)
{
	char *dir = e2e_tempdir(), log[4200];
	char *text;
	struct vt *vt;

	(void)state;
	e2e_copy_dir(LGMA_CONTENT_DIR, dir);
	snprintf(log, sizeof(log), "%s.log", dir);
	{
		const char *args[] = {"--content", dir, "--lang", "en", "--log", log, "about", NULL};

		vt = e2e_spawn(24, 80, NULL, args);
	}
	e2e_expect_text(vt, "About");
	assert_false(e2e_on_screen(vt, "Version two"));

	write_about(dir, "Version two");
	assert_int_equal(kill(vt_pid(vt), SIGUSR1), 0);
	e2e_expect_text(vt, "Version two text.");

	/* Broken YAML: the old text stays, the error goes to the log. */
	e2e_write_text(dir, "sections/10-about.yaml", "id: about\ntitle: [unclosed\nbody: x\n");
	vt_mark(vt);
	assert_int_equal(kill(vt_pid(vt), SIGUSR1), 0);
	e2e_expect_file_contains(log, "10-about.yaml:");
	vt_wait_quiet(vt, E2E_NOTHING_MS, E2E_WAIT_MS);
	assert_true(e2e_on_screen(vt, "Version two text."));
	text = e2e_read_file(log, NULL);
	assert_non_null(text);
	if (!has_located_error(text, "sections/10-about.yaml"))
		fail_msg("no FILE:LINE:COLUMN: error: in the log:\n%s", text);
	free(text);

	/* Fixed again: reloaded. */
	write_about(dir, "Version three");
	assert_int_equal(kill(vt_pid(vt), SIGUSR1), 0);
	e2e_expect_text(vt, "Version three text.");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	vt_close(vt);
	e2e_rmtree(dir);
	remove(log);
	free(dir);
}

static void test_watch_reloads_by_itself(void **state)
{
	char *dir = e2e_tempdir();
	struct vt *vt;

	(void)state;
	e2e_copy_dir(LGMA_CONTENT_DIR, dir);
	{
		const char *args[] = {"--content", dir, "--lang", "en", "--watch", "--log", "/dev/null", "about", NULL};

		vt = e2e_spawn(24, 80, NULL, args);
	}
	e2e_expect_text(vt, "About");
	write_about(dir, "Watched change");
	e2e_expect_text(vt, "Watched change text.");
	/* And the file rewritten in place, as an editor without renames does. */
	{
		char path[4200];
		FILE *f;

		snprintf(path, sizeof(path), "%s/sections/10-about.yaml", dir);
		f = fopen(path, "w");
		assert_non_null(f);
		fprintf(f, "id: about\ntitle: About\nbody: In place.\n");
		assert_int_equal(fclose(f), 0);
	}
	e2e_expect_text(vt, "In place.");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	vt_close(vt);
	e2e_rmtree(dir);
	free(dir);
}

/* ---- the bytes of a slow link ---- */

/* No colour and no line drawing: not as UTF-8 box drawing (U+2500..U+257F,
 * e2 94 xx and e2 95 xx), nor in the terminal's graphics set: ESC ( 0
 * would draw with it at once, SO after ESC ) 0. ncurses' initialisation
 * for a vt100 does send ESC ) 0 (enacs: G1 is the graphics set), which
 * draws nothing until an SO. */
static void expect_plain_bytes(const char *out, size_t len)
{
	e2e_expect_no_colour(out, len);
	for (size_t i = 0; i + 1 < len; i++)
		if ((unsigned char)out[i] == 0xe2 && ((unsigned char)out[i + 1] == 0x94 || (unsigned char)out[i + 1] == 0x95))
			fail_msg("box drawing at byte %zu", i);
	for (size_t pos = 0; pos < len;) {
		struct vt_tok tok;
		char text[64];

		pos = vt_tok_next(out, len, pos, &tok);
		if ((tok.kind == VT_TOK_ESC && tok.final == '0' && strcmp(tok.intermediates, "(") == 0) ||
		    (tok.kind == VT_TOK_C0 && out[tok.start] == 0x0e))
			fail_msg("line drawing: %s", vt_tok_format(out, &tok, false, text, sizeof(text)));
	}
}

static void plain_session(const char *const *env, const char *const *args)
{
	struct vt *vt = start(env, args);
	const char *out;
	size_t len;

	e2e_expect_text(vt, "甲の節");
	e2e_key(vt, VT_KEY_DOWN);
	e2e_key(vt, VT_KEY_ENTER);
	e2e_expect_text(vt, "乙01の01");
	e2e_type(vt, "B"); /* the bilingual view has a separator, when it fits */
	e2e_type(vt, "?");
	e2e_type(vt, "x");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	out = vt_recorded(vt, &len);
	expect_plain_bytes(out, len);
	vt_close(vt);
}

static void test_low_bandwidth_and_vt100_are_plain(void **state)
{
	struct vt *vt = start(NULL, E2E_ARGS("--kiosk"));
	const char *out;
	size_t len;
	bool boxes = false;

	(void)state;
	/* The default look has both, so the checks below can fail. */
	e2e_expect_text(vt, "甲の節");
	kill(vt_pid(vt), SIGTERM);
	vt_wait_exit(vt, E2E_WAIT_MS, NULL);
	out = vt_recorded(vt, &len);
	for (size_t i = 0; i + 1 < len; i++)
		boxes |= (unsigned char)out[i] == 0xe2 && (unsigned char)out[i + 1] == 0x94;
	assert_true(boxes);
	assert_true(e2e_has_sgr(out, len, 44));
	vt_close(vt);

	plain_session(NULL, E2E_ARGS("--low-bandwidth"));
	plain_session(E2E_ENV("TERM=vt100"), E2E_NO_ARGS);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kiosk_keeps_its_screen),
		cmocka_unit_test(test_ctrl_c_while_starting),
		cmocka_unit_test(test_exit_key_quits),
		cmocka_unit_test(test_idle_timeout_returns_to_the_start),
		cmocka_unit_test(test_sighup_ends_the_group),
		cmocka_unit_test(test_sigterm_restores_the_terminal),
		cmocka_unit_test(test_hangup_by_signal),
		cmocka_unit_test(test_hangup_without_signal),
		cmocka_unit_test(test_idle_costs_no_cpu),
		cmocka_unit_test(test_sigusr1_reloads_or_keeps_the_old_text),
		cmocka_unit_test(test_watch_reloads_by_itself),
		cmocka_unit_test(test_low_bandwidth_and_vt100_are_plain),
	};

	return cmocka_run_group_tests_name("kiosk", tests, e2e_fixture_setup, e2e_fixture_teardown);
}
