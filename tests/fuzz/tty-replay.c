/* The real binary under hostile typing. Each file of corpus/tty is sent to
 * `lgma --kiosk` in a pseudo-terminal as raw keyboard bytes (escape
 * sequences, mouse reports, bad UTF-8, controls), in pieces with resizes
 * between them; lgma must stay up and leave cleanly, status 0, with the
 * operator's exit key. This is the curses shell's input path, which the
 * in-process app target does not reach. `meson test --setup=valgrind` runs
 * each lgma under valgrind through the driver's LGMA_E2E_WRAPPER.
 *
 * Writes end between characters unless --split, which cuts them anywhere,
 * as a slow link may deliver a paste (the meson test uses it).
 *
 * Usage: tty-replay [--split] LGMA FILE|DIR... */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "vt.h"

enum {
	CHUNK = 61,	/* bytes per write: odd, so escape sequences get cut */
	QUIET_MS = 40,
	WAIT_MS = 10000,
};

/* Ctrl-] x Ctrl-] y: no seed holds it. */
#define EXIT_KEY "^]x^]y"
#define EXIT_BYTES "\x1dx\x1dy"

/* On the first screen, in the content's first language (ja). */
#define READY_TEXT "Enter \xe9\x96\x8b\xe3\x81\x8f" /* Enter 開く */

static bool split_characters;

/* Bytes of the next write from data[at..size): CHUNK, moved on to the
 * start of a character unless --split. */
static size_t piece_size(const char *data, size_t at, size_t size)
{
	size_t n = size - at < CHUNK ? size - at : CHUNK;

	while (!split_characters && at + n < size && ((unsigned char)data[at + n] & 0xC0) == 0x80)
		n++;
	return n;
}

static const int sizes[][2] = {{24, 80}, {1, 1}, {100, 300}, {5, 20}, {40, 61}, {3, 8}};

static char *read_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0)
		return NULL;
	rewind(f);
	buf = malloc((size_t)n + 1);
	if (buf == NULL || fread(buf, 1, (size_t)n, f) != (size_t)n)
		abort();
	fclose(f);
	*size = (size_t)n;
	return buf;
}

static int fail(struct vt *vt, const char *path, const char *why)
{
	int status = -1;

	fprintf(stderr, "tty-replay: %s: %s\n", path, why);
	if (vt_wait_exit(vt, 1000, &status) == VT_EXITED) {
		if (WIFSIGNALED(status))
			fprintf(stderr, "tty-replay: lgma was killed by signal %d\n", WTERMSIG(status));
		else
			fprintf(stderr, "tty-replay: lgma exited with %d\n", WEXITSTATUS(status));
	}
	vt_dump(vt, stderr);
	vt_close(vt);
	return -1;
}

static int replay(const char *lgma, const char *path)
{
	char *const argv[] = {(char *)lgma, "--kiosk", "--exit-key=" EXIT_KEY, "--content=" LGMA_CONTENT_DIR, NULL};
	char *const env[] = {"LANG=C.UTF-8", "PATH=/usr/local/bin:/usr/bin:/bin", NULL};
	size_t size, pieces = 0;
	char *data = read_file(path, &size);
	struct vt *vt;
	int status = -1;

	if (data == NULL) {
		perror(path);
		return -1;
	}
	vt = vt_spawn(argv, env, 24, 80);
	if (vt == NULL) {
		perror("vt_spawn");
		free(data);
		return -1;
	}
	/* The first screen's key hint: from then on lgma reads keys raw. Keys
	 * typed before that are a separate matter (see README.md). */
	if (vt_wait_text(vt, READY_TEXT, WAIT_MS) != VT_FOUND || vt_wait_quiet(vt, QUIET_MS, WAIT_MS) == VT_EOF) {
		free(data);
		return fail(vt, path, "lgma did not show its menu");
	}
	for (size_t at = 0, n; at < size; at += n, pieces++) {
		n = piece_size(data, at, size);
		if (vt_send(vt, data + at, n) != 0 || vt_wait_quiet(vt, QUIET_MS, WAIT_MS) == VT_EOF ||
		    !vt_group_alive(vt)) {
			free(data);
			return fail(vt, path, "lgma is gone");
		}
		if (pieces % 2 == 1) {
			const int *rc = sizes[(pieces / 2) % (sizeof(sizes) / sizeof(sizes[0]))];
			vt_resize(vt, rc[0], rc[1]);
		}
	}
	free(data);
	/* An escape ends whatever sequence the input left open. */
	vt_resize(vt, 24, 80);
	if (vt_send(vt, "\x1b", 1) != 0 || vt_wait_quiet(vt, 200, WAIT_MS) == VT_EOF ||
	    vt_send(vt, EXIT_BYTES, 4) != 0)
		return fail(vt, path, "lgma is gone");
	if (vt_wait_exit(vt, WAIT_MS, &status) != VT_EXITED)
		return fail(vt, path, "the exit key did not end lgma");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "tty-replay: %s: lgma ended with status 0x%x\n", path, status);
		return fail(vt, path, "not a clean exit");
	}
	vt_close(vt);
	printf("%s (%zu bytes): ok\n", path, size);
	fflush(stdout);
	return 0;
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

int main(int argc, char **argv)
{
	int runs = 0;

	if (argc > 1 && strcmp(argv[1], "--split") == 0) {
		split_characters = true;
		argv++;
		argc--;
	}
	if (argc < 3) {
		fprintf(stderr, "usage: tty-replay [--split] LGMA FILE|DIR...\n");
		return 2;
	}
	for (int i = 2; i < argc; i++) {
		struct stat st;
		struct dirent **names;
		int n;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 1;
		}
		if (!S_ISDIR(st.st_mode)) {
			if (replay(argv[1], argv[i]) != 0)
				return 1;
			runs++;
			continue;
		}
		n = scandir(argv[i], &names, not_hidden, alphasort);
		for (int k = 0; k < n; k++) {
			char path[4096];
			snprintf(path, sizeof(path), "%s/%s", argv[i], names[k]->d_name);
			free(names[k]);
			if (replay(argv[1], path) != 0)
				return 1;
			runs++;
		}
		free(names);
	}
	printf("%d inputs replayed\n", runs);
	return runs > 0 ? 0 : 1;
}
