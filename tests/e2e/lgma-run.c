/* lgma in the pty driver: spawning, keys that wait, waits that fail. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "lgma-run.h"

const char *e2e_lgma_path(void)
{
	static char path[4096];
	const char *root = getenv("LGMA_BUILD_ROOT");

	if (path[0] == '\0') {
		if (root == NULL) {
			fprintf(stderr, "# LGMA_BUILD_ROOT is not set: run this under meson test\n");
			fail();
		}
		snprintf(path, sizeof(path), "%s/src/lgma", root);
	}
	return path;
}

static char tmp_dir[] = "/tmp/lgma-run-XXXXXX";

static void remove_tmpdir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		fprintf(stderr, "# could not remove %s\n", tmp_dir);
}

const char *e2e_tmpdir(void)
{
	static bool made;

	if (!made) {
		if (mkdtemp(tmp_dir) == NULL) {
			perror("# mkdtemp");
			fail();
		}
		made = true;
		atexit(remove_tmpdir);
	}
	return tmp_dir;
}

void e2e_fail(struct vt *vt, const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (vt != NULL)
		vt_dump(vt, stderr);
	fail();
}

struct vt *e2e_spawn_content(int rows, int cols, const char *content_dir, const char *const args[])
{
	static char home_env[128];
	char *env[] = {
		"LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", "TERM=" VT_DEFAULT_TERM, home_env, NULL,
	};
	const char *argv[64];
	size_t n = 0;
	struct vt *vt;

	snprintf(home_env, sizeof(home_env), "HOME=%s", e2e_tmpdir());
	argv[n++] = e2e_lgma_path();
	argv[n++] = "--content";
	argv[n++] = content_dir != NULL ? content_dir : LGMA_CONTENT_DIR;
	for (size_t i = 0; args[i] != NULL && n + 1 < sizeof(argv) / sizeof(argv[0]); i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	vt = vt_spawn((char *const *)argv, env, rows, cols);
	if (vt == NULL) {
		perror("# vt_spawn");
		fail();
	}
	/* The first screen: some output, then quiet. */
	if (vt_wait_output(vt, E2E_WAIT_MS) != VT_FOUND || vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS) != VT_QUIET)
		e2e_fail(vt, "lgma did not paint its first screen at %dx%d", cols, rows);
	return vt;
}

struct vt *e2e_spawn(int rows, int cols, const char *const args[])
{
	return e2e_spawn_content(rows, cols, NULL, args);
}

static void answer(struct vt *vt, bool need_output)
{
	if (need_output && vt_wait_output(vt, E2E_WAIT_MS) != VT_FOUND)
		e2e_fail(vt, "no answer to a key");
	if (vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS) == VT_TIMEOUT)
		e2e_fail(vt, "the output never went quiet");
}

void e2e_press(struct vt *vt, enum vt_key key)
{
	vt_mark(vt);
	if (vt_key(vt, key, 0) != 0)
		e2e_fail(vt, "could not send a key");
	answer(vt, true);
}

void e2e_type(struct vt *vt, const char *text)
{
	vt_mark(vt);
	if (vt_type(vt, text) != 0)
		e2e_fail(vt, "could not send \"%s\"", text);
	answer(vt, true);
}

void e2e_press_quiet(struct vt *vt, enum vt_key key)
{
	vt_mark(vt);
	if (vt_key(vt, key, 0) != 0)
		e2e_fail(vt, "could not send a key");
	answer(vt, false);
}

void e2e_type_quiet(struct vt *vt, const char *text)
{
	vt_mark(vt);
	if (vt_type(vt, text) != 0)
		e2e_fail(vt, "could not send \"%s\"", text);
	answer(vt, false);
}

/* Reads output until cond holds or the time is up. */
static bool wait_until(struct vt *vt, bool (*cond)(struct vt *, int, const char *), int row, const char *text)
{
	double deadline = vt_now_ms() + E2E_WAIT_MS;

	while (!cond(vt, row, text)) {
		if (vt_now_ms() >= deadline)
			return false;
		if (vt_wait_quiet(vt, 20, 200) == VT_EOF)
			return cond(vt, row, text);
	}
	return true;
}

static bool on_screen(struct vt *vt, int row, const char *text)
{
	(void)row;
	return vt_find(vt, text, NULL, NULL);
}

static bool off_screen(struct vt *vt, int row, const char *text)
{
	return !on_screen(vt, row, text);
}

static bool row_is(struct vt *vt, int row, const char *text)
{
	return strcmp(vt_row_text(vt, row), text) == 0;
}

static bool row_has(struct vt *vt, int row, const char *text)
{
	return strstr(vt_row_text(vt, row), text) != NULL;
}

void e2e_expect_text(struct vt *vt, const char *text)
{
	if (!wait_until(vt, on_screen, 0, text))
		e2e_fail(vt, "waited for \"%s\" in vain", text);
	/* The rest of the same update (attributes, other rows). */
	vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS);
}

void e2e_expect_gone(struct vt *vt, const char *text)
{
	if (!wait_until(vt, off_screen, 0, text))
		e2e_fail(vt, "\"%s\" stayed on screen", text);
	vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS);
}

void e2e_expect_row(struct vt *vt, int row, const char *text)
{
	if (!wait_until(vt, row_is, row, text))
		e2e_fail(vt, "row %d is \"%s\", expected \"%s\"", row, vt_row_text(vt, row), text);
	vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS);
}

void e2e_expect_in_row(struct vt *vt, int row, const char *text)
{
	if (!wait_until(vt, row_has, row, text))
		e2e_fail(vt, "row %d is \"%s\", without \"%s\"", row, vt_row_text(vt, row), text);
	vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS);
}

void e2e_locate(struct vt *vt, const char *text, int *row, int *col)
{
	if (!vt_find(vt, text, row, col))
		e2e_fail(vt, "\"%s\" is not on screen", text);
}

bool e2e_highlighted(const struct vt *vt, int row, int col)
{
	struct vt_cell cell;

	if (!vt_cell_at(vt, row, col, &cell))
		return false;
	return cell.reverse || !cell.bg_default;
}

void e2e_quit(struct vt *vt)
{
	int status = -1;

	vt_mark(vt);
	if (vt_type(vt, "q") != 0)
		e2e_fail(vt, "could not send q");
	if (vt_wait_exit(vt, E2E_WAIT_MS, &status) != VT_EXITED)
		e2e_fail(vt, "lgma did not quit on q");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		e2e_fail(vt, "lgma ended with status 0x%x", (unsigned)status);
	if (vt_group_alive(vt))
		e2e_fail(vt, "a process of lgma's group outlived it");
	vt_close(vt);
}
