/* The loader on hostile content: every case ends in a clear located error
 * or a safe load, within bounded memory and time.
 *
 * Each case loads in a forked child with limits: RLIMIT_CPU (a loop),
 * alarm() (a wait, as on a FIFO) and, in a plain build, RLIMIT_AS 512 MB
 * (an allocation beyond it aborts the child). The parent reads the child's
 * peak resident set from wait4() and checks it against the same bound. ASan
 * reserves terabytes of address space and valgrind runs the child on its
 * own memory, so under them RLIMIT_AS is not set and the time and memory
 * bounds are scaled (INSTRUMENTED_SCALE); the child's exit() lets their
 * leak checks fail the case too.
 *
 * Small cases are files under tests/data/hostile-load/CASE/ laid over a
 * copy of tests/data/tiny, with an expect file: "loads" or "refused", then
 * the beginnings of diagnostic lines that must be printed. Cases that would
 * be huge, or that are not plain files, are made here at run time. */
#define _DEFAULT_SOURCE /* wait4: the child's own peak resident set */
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
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lgma/load.h"
#include "lgma/text.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) && !defined(UNDER_ASAN)
#define UNDER_ASAN 1
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

enum {
	MEMORY_LIMIT_MB = 512,
	CPU_LIMIT_S = 10,  /* the slowest case takes under 1 s in a plain build */
	WALL_LIMIT_S = 60, /* catches a child waiting for ever */
};

/* How much slower and bigger the child is under a checker. */
static int instrumented_scale(void)
{
	if (RUNNING_ON_VALGRIND)
		return 30;
	return UNDER_ASAN ? 4 : 1;
}

/* ---- running a load in a bounded child ---- */

struct outcome {
	bool loaded;
	char *printed; /* "loaded"/"refused", the diagnostics, then facts the case asked for */
	long peak_kb;
	double cpu_s;
};

/* What a case loads: a directory, or files in memory. */
struct source {
	const char *dir;
	const struct load_file *files;
	size_t count;
	/* Optional: prints facts about the loaded content for the parent. */
	void (*describe)(const struct content *c, FILE *out);
};

static void limit_child(int scale)
{
	struct rlimit cpu = {(rlim_t)(CPU_LIMIT_S * scale), (rlim_t)(CPU_LIMIT_S * scale + 1)};

	setrlimit(RLIMIT_CPU, &cpu);
	alarm((unsigned)(WALL_LIMIT_S * scale));
	if (scale == 1) {
		struct rlimit as = {(rlim_t)MEMORY_LIMIT_MB << 20, (rlim_t)MEMORY_LIMIT_MB << 20};
		setrlimit(RLIMIT_AS, &as);
	}
}

static char *slurp(FILE *f)
{
	long size;
	char *s;

	fflush(f);
	size = ftell(f);
	s = calloc(1, (size_t)size + 1);
	assert_non_null(s);
	rewind(f);
	assert_int_equal(fread(s, 1, (size_t)size, f), (size_t)size);
	return s;
}

static struct outcome run_bounded(const char *name, const struct source *src)
{
	int scale = instrumented_scale();
	FILE *out = tmpfile();
	struct outcome o = {0};
	struct rusage ru;
	int status;
	pid_t pid;

	assert_non_null(out);
	fflush(NULL); /* nothing buffered may be printed twice */
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct diag_list diags;
		struct content *c;

		limit_child(scale);
		diag_init(&diags);
		if (src->dir != NULL)
			c = load_content_dir(src->dir, &diags);
		else
			c = load_content_files(src->files, src->count, &diags);
		fprintf(out, "%s\n", c != NULL ? "loaded" : "refused");
		diag_print(&diags, out);
		if (c != NULL && src->describe != NULL)
			src->describe(c, out);
		content_free(c);
		diag_fini(&diags);
		fclose(out);
		exit(0); /* not _exit: leak checkers report at exit */
	}
	assert_int_equal(wait4(pid, &status, 0, &ru), pid);
	o.printed = slurp(out);
	fclose(out);
	o.loaded = strncmp(o.printed, "loaded\n", 7) == 0;
	o.peak_kb = ru.ru_maxrss;
	o.cpu_s = (double)ru.ru_utime.tv_sec + (double)ru.ru_stime.tv_sec +
		  ((double)ru.ru_utime.tv_usec + (double)ru.ru_stime.tv_usec) / 1e6;
	print_message("# %s: %s, peak %ld MB, %.2f s of CPU\n", name, o.loaded ? "loaded" : "refused",
		      o.peak_kb / 1024, o.cpu_s);
	if (WIFSIGNALED(status))
		fail_msg("%s: the child was killed by signal %d (%s)\n%s", name, WTERMSIG(status),
			 WTERMSIG(status) == SIGXCPU ? "CPU limit" : WTERMSIG(status) == SIGALRM ? "time limit" : "crash",
			 o.printed);
	if (WEXITSTATUS(status) != 0)
		fail_msg("%s: the child exited with %d (out of memory, or a leak report)\n%s", name,
			 WEXITSTATUS(status), o.printed);
	if (o.peak_kb > (long)MEMORY_LIMIT_MB * 1024 * scale)
		fail_msg("%s: peak resident set %ld MB, the bound is %d MB", name, o.peak_kb / 1024,
			 MEMORY_LIMIT_MB * scale);
	return o;
}

static void assert_printed(const struct outcome *o, const char *want)
{
	if (strstr(o->printed, want) == NULL)
		fail_msg("expected\n  %s\ngot:\n%s", want, o->printed);
}

/* ---- content directories ---- */

/* Runs a shell command on test-owned paths. */
__attribute__((format(printf, 1, 2))) static void shell(const char *fmt, ...)
{
	char cmd[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(cmd, sizeof(cmd), fmt, ap);
	va_end(ap);
	assert_int_equal(system(cmd), 0);
}

/* A fresh copy of tests/data/tiny (free with remove_dir). */
static char *tiny_copy(void)
{
	char *dir = strdup("/tmp/lgma-hostile-XXXXXX");

	assert_non_null(mkdtemp(dir));
	shell("cp -R '%s/tiny/.' '%s'", LGMA_TEST_DATA, dir);
	return dir;
}

static void remove_dir(char *dir)
{
	shell("chmod -R u+rwX '%s' && rm -rf '%s'", dir, dir);
	free(dir);
}

static char *path_in(const char *dir, const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	return path;
}

/* "id: one\ntitle: T\nbody: " + middle + "\n", malloc'd. */
static char *section_with_body(const char *middle, size_t middle_len, size_t *size)
{
	static const char head[] = "id: one\ntitle: T\nbody: ";
	char *s = malloc(sizeof(head) + middle_len + 1);

	assert_non_null(s);
	memcpy(s, head, sizeof(head) - 1);
	memcpy(s + sizeof(head) - 1, middle, middle_len);
	s[sizeof(head) - 1 + middle_len] = '\n';
	*size = sizeof(head) + middle_len;
	return s;
}

static struct outcome load_dir(const char *name, const char *dir)
{
	struct source src = {.dir = dir};

	return run_bounded(name, &src);
}

/* Loads tiny with sections/10-one.yaml replaced by bytes. */
static struct outcome load_section(const char *name, const char *bytes, size_t size,
				   void (*describe)(const struct content *, FILE *))
{
	static const char site[] = "languages: [ja, en]\ntitle: T\n";
	const struct load_file files[] = {
		{"site.yaml", site, sizeof(site) - 1},
		{"sections/10-one.yaml", bytes, size},
	};
	struct source src = {.files = files, .count = 2, .describe = describe};

	return run_bounded(name, &src);
}

/* ---- the committed corpus: tests/data/hostile-load/CASE ---- */

static void check_committed(const char *name)
{
	char *dir = tiny_copy(), src[1024], line[1024];
	struct outcome o;
	FILE *expect;
	bool should_load;

	snprintf(src, sizeof(src), "%s/hostile-load/%s", LGMA_TEST_DATA, name);
	shell("cp -R '%s/.' '%s'", src, dir);
	assert_int_equal(unlink(path_in(dir, "expect")), 0);
	o = load_dir(name, dir);
	snprintf(src, sizeof(src), "%s/hostile-load/%s/expect", LGMA_TEST_DATA, name);
	expect = fopen(src, "r");
	assert_non_null(expect);
	assert_non_null(fgets(line, sizeof(line), expect));
	should_load = strcmp(line, "loads\n") == 0;
	assert_true(should_load || strcmp(line, "refused\n") == 0);
	if (o.loaded != should_load)
		fail_msg("%s: %s, expected %s\n%s", name, o.loaded ? "loaded" : "refused", line, o.printed);
	while (fgets(line, sizeof(line), expect) != NULL) {
		char want[1100];
		line[strcspn(line, "\n")] = '\0';
		snprintf(want, sizeof(want), "%s/%s", dir, line); /* diagnostics name the real path */
		assert_printed(&o, want);
	}
	fclose(expect);
	free(o.printed);
	remove_dir(dir);
}

#define COMMITTED(ident, name) \
	static void test_##ident(void **state) \
	{ \
		(void)state; \
		check_committed(name); \
	}

COMMITTED(alias_bomb, "alias-bomb")
COMMITTED(byte_order_mark, "byte-order-mark")
COMMITTED(escaped_controls, "escaped-controls")
COMMITTED(escaped_surrogate, "escaped-surrogate")
COMMITTED(encoded_surrogate, "encoded-surrogate")
COMMITTED(id_too_long, "id-too-long")
COMMITTED(nan_and_infinity, "nan-and-infinity")
COMMITTED(nul_bytes, "nul-bytes")
COMMITTED(overlong_utf8, "overlong-utf8")
COMMITTED(utf16, "utf16")

/* ---- huge files ---- */

/* Refused by its size before a byte is read: the peak stays small. */
static void test_file_of_200_mb(void **state)
{
	char *dir = tiny_copy();
	struct outcome o;

	(void)state;
	assert_int_equal(truncate(path_in(dir, "offices.yaml"), 200L * 1024 * 1024), 0);
	o = load_dir("200 MB", dir);
	assert_false(o.loaded);
	assert_printed(&o, "offices.yaml:1:1: error: file too large: 209715200 bytes, the limit is 16777216\n");
	free(o.printed);
	remove_dir(dir);
}

static void describe_body(const struct content *c, FILE *out)
{
	fprintf(out, "body bytes %zu\n", strlen(content_text_get(&c->sections[0].body, 0)));
}

/* One line of a million bytes: words, as a paragraph with no newline. */
static void test_line_of_1_mb(void **state)
{
	size_t n = 1000000, size;
	char *words = malloc(n), *file;
	struct outcome o;

	(void)state;
	for (size_t i = 0; i < n; i++)
		words[i] = i % 6 == 5 ? ' ' : "lgma"[i % 6 % 4];
	words[0] = 'x';
	words[n - 1] = 'x';
	file = section_with_body(words, n, &size);
	o = load_section("1 MB line", file, size, describe_body);
	assert_true(o.loaded);
	assert_printed(&o, "body bytes 1000000\n");
	free(o.printed);
	free(file);
	free(words);
}

static void test_word_of_10_mb(void **state)
{
	size_t n = 10 * 1000 * 1000, size;
	char *word = malloc(n), *file;
	struct outcome o;

	(void)state;
	memset(word, 'w', n);
	file = section_with_body(word, n, &size);
	o = load_section("10 MB word", file, size, describe_body);
	assert_true(o.loaded);
	assert_printed(&o, "body bytes 10000000\n");
	free(o.printed);
	free(file);
	free(word);
}

/* 16 MiB of "[a,a,a,...]": eight million tiny values. Without a bound on
 * the nodes of a file the tree took 675 MB; now the loader stops at
 * YTREE_MAX_NODES. */
static void test_dense_list_of_16_mib(void **state)
{
	size_t n = 16 * 1024 * 1024 - 64, size;
	char *list = malloc(n), *file;
	struct outcome o;

	(void)state;
	list[0] = '[';
	for (size_t i = 1; i < n - 2; i += 2) {
		list[i] = 'a';
		list[i + 1] = ',';
	}
	list[n - 2] = 'a';
	list[n - 1] = ']';
	file = section_with_body(list, n, &size);
	o = load_section("16 MiB of tiny values", file, size, NULL);
	assert_false(o.loaded);
	assert_printed(&o, "sections/10-one.yaml:3:3999994: error: more than 2000000 keys, values and items in one file\n");
	free(o.printed);
	free(file);
	free(list);
}

/* A million errors cost the memory of a thousand: the rest are counted. */
static void test_million_errors(void **state)
{
	size_t n = 1000000, size = 0;
	char *file = malloc(16 + 2 * n + 2);
	const char *site = "languages: [en]\ntitle: T\n", *section = "id: one\ntitle: T\nbody: B\n";
	struct load_file files[3];
	struct source src = {.files = files, .count = 3};
	struct outcome o;

	(void)state;
	size += (size_t)sprintf(file, "regions: [");
	for (size_t i = 0; i < n; i++)
		size += (size_t)sprintf(file + size, i + 1 < n ? "1," : "1]");
	files[0] = (struct load_file){"site.yaml", site, strlen(site)};
	files[1] = (struct load_file){"sections/10-one.yaml", section, strlen(section)};
	files[2] = (struct load_file){"offices.yaml", file, size};
	o = run_bounded("a million errors", &src);
	assert_false(o.loaded);
	assert_printed(&o, "offices.yaml:1:11: error: a region must be a mapping, found text\n");
	assert_printed(&o, "lgma: 999000 more diagnostics not shown\n");
	free(o.printed);
	free(file);
}

/* ---- deep nesting: refused at the first level too deep ---- */

static void check_deep(const char *name, const char *before, const char *open, const char *close,
		       const char *want)
{
	size_t depth = 100000, step = strlen(open), size, n = strlen(before);
	char *nest = malloc(n + depth * (step + strlen(close)) + 2), *file;
	struct outcome o;

	memcpy(nest, before, n);
	for (size_t i = 0; i < depth; i++, n += step)
		memcpy(nest + n, open, step);
	nest[n++] = 'x';
	for (size_t i = 0; i < depth; i++, n += strlen(close))
		memcpy(nest + n, close, strlen(close));
	file = section_with_body(nest, n, &size);
	o = load_section(name, file, size, NULL);
	assert_false(o.loaded);
	assert_printed(&o, want);
	free(o.printed);
	free(file);
	free(nest);
}

static void test_deep_nesting(void **state)
{
	const char *err = "error: nesting deeper than 8 levels: the content schema never needs it\n";
	char want[256];

	(void)state;
	/* The root mapping is the first level: the 8th bracket is the 9th. */
	snprintf(want, sizeof(want), "sections/10-one.yaml:3:14: %s", err);
	check_deep("100 000 flow lists", "", "[", "]", want);
	snprintf(want, sizeof(want), "sections/10-one.yaml:3:35: %s", err);
	check_deep("100 000 flow mappings", "", "{a: ", "}", want);
	snprintf(want, sizeof(want), "sections/10-one.yaml:4:17: %s", err);
	check_deep("100 000 block lists", "\n  ", "- ", "", want);
}

/* ---- every control character in the file itself ---- */

static void test_every_control_character(void **state)
{
	(void)state;
	for (unsigned c = 1; c < 0xA0; c++) {
		char body[8], name[32], want[128];
		size_t n = 0, size;
		char *file;
		struct outcome o;

		if (c >= 0x20 && c < 0x7F)
			continue;
		body[n++] = 'a';
		if (c < 0x80) {
			body[n++] = (char)c;
		} else {
			body[n++] = (char)0xC2;
			body[n++] = (char)c;
		}
		body[n++] = 'b';
		file = section_with_body(body, n, &size);
		snprintf(name, sizeof(name), "control U+%04X", c);
		o = load_section(name, file, size, describe_body);
		if (c == '\t') {
			assert_true(o.loaded); /* a tab is text */
		} else if (c == '\n' || c == '\r' || c == 0x85) {
			/* YAML line breaks: "b" is a new line, not a key. */
			assert_false(o.loaded);
			assert_printed(&o, "sections/10-one.yaml:5:1: error: YAML syntax: could not find expected ':'");
		} else {
			assert_false(o.loaded);
			snprintf(want, sizeof(want),
				 "sections/10-one.yaml:3:8: error: control characters are not allowed (U+%04X)\n", c);
			assert_printed(&o, want);
		}
		free(o.printed);
		free(file);
	}
}

/* ---- what is not a plain file in the content directory ---- */

static void test_symlinks_out_of_the_directory(void **state)
{
	char *dir = tiny_copy(), *outside = tiny_copy(), *target;
	struct outcome o;

	(void)state;
	/* site.yaml and offices.yaml lead out; sections/ is a link to a
	 * directory outside, whose file is refused too; a loop. */
	target = strdup(path_in(outside, "site.yaml"));
	assert_int_equal(unlink(path_in(dir, "site.yaml")), 0);
	assert_int_equal(symlink(target, path_in(dir, "site.yaml")), 0);
	free(target);
	assert_int_equal(unlink(path_in(dir, "offices.yaml")), 0);
	assert_int_equal(symlink("/dev/zero", path_in(dir, "offices.yaml")), 0);
	shell("rm -r '%s/sections' && ln -s '%s/sections' '%s/sections'", dir, outside, dir);
	o = load_dir("symlinks out", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/site.yaml:1:1: error: refusing a file outside the content directory\n");
	assert_printed(&o, "/sections/10-one.yaml:1:1: error: refusing a file outside the content directory\n");
	assert_printed(&o, "/offices.yaml:1:1: error: refusing a file outside the content directory\n");
	free(o.printed);
	shell("rm -f '%s/sections'; mkdir '%s/sections'", dir, dir);
	assert_int_equal(symlink("20-b.yaml", path_in(dir, "sections/10-a.yaml")), 0);
	assert_int_equal(symlink("10-a.yaml", path_in(dir, "sections/20-b.yaml")), 0);
	o = load_dir("symlink loop", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/sections/10-a.yaml:1:1: error: cannot open: Too many levels of symbolic links\n");
	free(o.printed);
	remove_dir(outside);
	remove_dir(dir);
}

/* A FIFO never has a writer here: opening or reading it must not wait. */
static void test_fifos(void **state)
{
	char *dir = tiny_copy();
	struct outcome o;

	(void)state;
	assert_int_equal(unlink(path_in(dir, "site.yaml")), 0);
	assert_int_equal(mkfifo(path_in(dir, "site.yaml"), 0600), 0);
	assert_int_equal(unlink(path_in(dir, "offices.yaml")), 0);
	assert_int_equal(mkfifo(path_in(dir, "offices.yaml"), 0600), 0);
	o = load_dir("FIFOs", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/site.yaml:1:1: error: not a regular file\n");
	assert_printed(&o, "/offices.yaml:1:1: error: not a regular file\n");
	free(o.printed);
	remove_dir(dir);
}

/* A directory where a file is expected, a file where the directory is. */
static void test_wrong_kind_of_file(void **state)
{
	char *dir = tiny_copy();
	struct outcome o;

	(void)state;
	assert_int_equal(unlink(path_in(dir, "site.yaml")), 0);
	assert_int_equal(mkdir(path_in(dir, "site.yaml"), 0700), 0);
	assert_int_equal(mkdir(path_in(dir, "sections/20-dir.yaml"), 0700), 0);
	o = load_dir("directories as files", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/site.yaml:1:1: error: not a regular file\n");
	assert_printed(&o, "/sections/20-dir.yaml:1:1: error: not a regular file\n");
	free(o.printed);
	shell("rm -r '%s/sections' && touch '%s/sections'", dir, dir);
	o = load_dir("sections as a file", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/sections:1:1: error: cannot open the sections directory: Not a directory\n");
	free(o.printed);
	remove_dir(dir);
}

/* Root reads a file whatever its mode (CI runs as root): then the file
 * must load; as anyone else it must be refused with the reason. */
static void test_unreadable_file(void **state)
{
	char *dir = tiny_copy();
	struct outcome o;

	(void)state;
	assert_int_equal(chmod(path_in(dir, "sections/10-one.yaml"), 0), 0);
	o = load_dir("mode 000", dir);
	if (geteuid() == 0) {
		assert_true(o.loaded);
	} else {
		assert_false(o.loaded);
		assert_printed(&o, "/sections/10-one.yaml:1:1: error: cannot open: Permission denied\n");
	}
	free(o.printed);
	remove_dir(dir);
}

static void test_empty_directory(void **state)
{
	char *dir = strdup("/tmp/lgma-hostile-XXXXXX");
	struct outcome o;

	(void)state;
	assert_non_null(mkdtemp(dir));
	o = load_dir("empty directory", dir);
	assert_false(o.loaded);
	assert_printed(&o, "/site.yaml:1:1: error: cannot open: No such file or directory\n");
	assert_printed(&o, "/sections:1:1: error: cannot open the sections directory: No such file or directory\n");
	free(o.printed);
	remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alias_bomb),
		cmocka_unit_test(test_byte_order_mark),
		cmocka_unit_test(test_escaped_controls),
		cmocka_unit_test(test_escaped_surrogate),
		cmocka_unit_test(test_encoded_surrogate),
		cmocka_unit_test(test_id_too_long),
		cmocka_unit_test(test_nan_and_infinity),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_overlong_utf8),
		cmocka_unit_test(test_utf16),
		cmocka_unit_test(test_file_of_200_mb),
		cmocka_unit_test(test_line_of_1_mb),
		cmocka_unit_test(test_word_of_10_mb),
		cmocka_unit_test(test_dense_list_of_16_mib),
		cmocka_unit_test(test_million_errors),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_every_control_character),
		cmocka_unit_test(test_symlinks_out_of_the_directory),
		cmocka_unit_test(test_fifos),
		cmocka_unit_test(test_wrong_kind_of_file),
		cmocka_unit_test(test_unreadable_file),
		cmocka_unit_test(test_empty_directory),
	};

	return cmocka_run_group_tests_name("load-hostile", tests, NULL, NULL);
}
