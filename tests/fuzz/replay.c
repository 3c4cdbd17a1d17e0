/* Runs a fuzz target once on each input, without libFuzzer: every test run
 * replays the committed corpus (and the crashes found so far) through the
 * same target code the fuzzer searched with.
 *
 * Usage: replay-NAME FILE|DIR...   (a directory's files in name order) */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Targets without set-up define no LLVMFuzzerInitialize. */
__attribute__((weak)) int LLVMFuzzerInitialize(int *argc, char ***argv);

static unsigned char *read_input(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;

	if (f == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (buf == NULL)
				abort();
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	/* An exact-size copy: a read past the input's end is caught. */
	unsigned char *exact = malloc(n ? n : 1);
	if (exact == NULL)
		abort();
	memcpy(exact, buf, n);
	free(buf);
	*size = n;
	return exact;
}

static int run_file(const char *path)
{
	size_t size;
	unsigned char *data = read_input(path, &size);

	if (data == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	printf("%s (%zu bytes)\n", path, size);
	fflush(stdout);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	return 0;
}

static int not_hidden(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Returns the inputs run, or -1. */
static long run_path(const char *path)
{
	struct stat st;
	struct dirent **names;
	long count = 0;
	int n;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (!S_ISDIR(st.st_mode))
		return run_file(path) == 0 ? 1 : -1;
	n = scandir(path, &names, not_hidden, alphasort);
	if (n < 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(path) + strlen(names[i]->d_name) + 2;
		char *file = malloc(len);
		if (file == NULL)
			abort();
		snprintf(file, len, "%s/%s", path, names[i]->d_name);
		if (count >= 0)
			count = run_file(file) == 0 ? count + 1 : -1;
		free(file);
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	long total = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE|DIR...\n", argv[0]);
		return 2;
	}
	if (LLVMFuzzerInitialize != NULL)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		long n = run_path(argv[i]);
		if (n < 0)
			return 1;
		total += n;
	}
	/* An empty corpus would make the test pass while checking nothing. */
	if (total == 0) {
		fprintf(stderr, "replay: no inputs\n");
		return 1;
	}
	printf("%ld inputs replayed\n", total);
	return 0;
}
