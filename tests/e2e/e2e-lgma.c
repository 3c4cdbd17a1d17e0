/* The shared part of lgma's end-to-end tests (e2e-lgma.h). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unistr.h>
#include <uniwidth.h>

#include "e2e-lgma.h"
#include "vt-esc.h"

/* ---- temporary files ---- */

char *e2e_tempdir(void)
{
	const char *tmp = getenv("TMPDIR");
	char *path;

	if (tmp == NULL || *tmp == '\0')
		tmp = "/tmp";
	if (asprintf(&path, "%s/lgma-e2e-XXXXXX", tmp) < 0)
		fail_msg("out of memory");
	if (mkdtemp(path) == NULL)
		fail_msg("cannot make a directory in %s: %s", tmp, strerror(errno));
	return path;
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

void e2e_rmtree(const char *path)
{
	if (path != NULL)
		nftw(path, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* mkdir -p of the directories in dir/rel before its last '/'. */
static void make_parents(const char *dir, const char *rel)
{
	char path[4096];
	int n = snprintf(path, sizeof(path), "%s/%s", dir, rel);

	assert_true(n > 0 && (size_t)n < sizeof(path));
	for (char *p = path + strlen(dir) + 1; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(path, 0755) != 0 && errno != EEXIST)
			fail_msg("mkdir %s: %s", path, strerror(errno));
		*p = '/';
	}
}

void e2e_write(const char *dir, const char *rel, const void *bytes, size_t n)
{
	char path[4096], tmp[4096 + 32];
	const char *slash;
	int fd;

	make_parents(dir, rel);
	snprintf(path, sizeof(path), "%s/%s", dir, rel);
	/* A dot file next to it: the loader skips those, so a reload that
	 * happens meanwhile never reads half a file. */
	slash = strrchr(path, '/');
	snprintf(tmp, sizeof(tmp), "%.*s/.e2e-XXXXXX", (int)(slash - path), path);
	fd = mkstemp(tmp);
	if (fd < 0)
		fail_msg("cannot write in %s: %s", dir, strerror(errno));
	for (const char *p = bytes; n > 0;) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			fail_msg("write %s: %s", tmp, strerror(errno));
		p += w;
		n -= (size_t)w;
	}
	fchmod(fd, 0644);
	if (close(fd) != 0 || rename(tmp, path) != 0)
		fail_msg("cannot write %s: %s", path, strerror(errno));
}

void e2e_write_text(const char *dir, const char *rel, const char *text)
{
	e2e_write(dir, rel, text, strlen(text));
}

char *e2e_read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t n = 0, cap = 0;

	if (f == NULL)
		return NULL;
	for (;;) {
		size_t got;

		if (n + 4096 + 1 > cap) {
			cap = (n + 4096 + 1) * 2;
			data = realloc(data, cap);
			assert_non_null(data);
		}
		got = fread(data + n, 1, cap - n - 1, f);
		if (got == 0)
			break;
		n += got;
	}
	fclose(f);
	if (data == NULL)
		data = calloc(1, 1);
	data[n] = '\0';
	if (len != NULL)
		*len = n;
	return data;
}

void e2e_copy_dir(const char *from, const char *to)
{
	char src[4096];
	int status = -1;
	pid_t pid;

	snprintf(src, sizeof(src), "%s/.", from);
	pid = fork();
	if (pid == 0) {
		execlp("cp", "cp", "-R", src, to, (char *)NULL);
		_exit(127);
	}
	assert_true(pid > 0);
	waitpid(pid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("cp -R %s %s failed", src, to);
}

/* ---- the fixture content ---- */

struct fixture_section {
	const char *file, *id, *title_ja, *title_en, *kanji;
	char letter;
	int paragraphs;
};

static const struct fixture_section fixture_sections[] = {
	{"10-alpha.yaml", "alpha", "甲の節", "Alpha section", "甲", 'a', E2E_ALPHA_PARAGRAPHS},
	{"20-beta.yaml", "beta", "乙の節", "Beta section", "乙", 'b', 3},
	{"30-gamma.yaml", "gamma", "丙の節", "Gamma section", "丙", 'g', 1},
};

struct text {
	char *s;
	size_t len, cap;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (t->len + (size_t)n + 1 > t->cap) {
		t->cap = (t->len + (size_t)n + 1) * 2;
		t->s = realloc(t->s, t->cap);
		assert_non_null(t->s);
	}
	va_start(ap, fmt);
	vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	t->len += (size_t)n;
}

static void write_section(const char *dir, const struct fixture_section *s)
{
	struct text t = {0};
	char rel[64];

	add(&t, "id: %s\ntitle:\n  ja: %s\n  en: %s\nbody:\n  ja: |\n", s->id, s->title_ja, s->title_en);
	for (int p = 1; p <= s->paragraphs; p++) {
		add(&t, "%s    ", p > 1 ? "\n" : "");
		for (int w = 1; w <= E2E_WORDS; w++)
			add(&t, "%s%02dの%02d。", s->kanji, p, w);
		add(&t, "\n");
	}
	add(&t, "  en: |\n");
	for (int p = 1; p <= s->paragraphs; p++) {
		add(&t, "%s    ", p > 1 ? "\n" : "");
		for (int w = 1; w <= E2E_WORDS; w++)
			add(&t, "%s%c%02dw%02d", w > 1 ? " " : "", s->letter, p, w);
		add(&t, "\n");
	}
	snprintf(rel, sizeof(rel), "sections/%s", s->file);
	e2e_write(dir, rel, t.s, t.len);
	free(t.s);
}

void e2e_fixture_write(const char *dir)
{
	e2e_write_text(dir, "site.yaml",
		       "languages: [ja, en]\n"
		       "language_names:\n  ja: 日本語\n  en: English\n"
		       "title:\n  ja: 試験サイト\n  en: Test site\n");
	for (size_t i = 0; i < sizeof(fixture_sections) / sizeof(fixture_sections[0]); i++)
		write_section(dir, &fixture_sections[i]);
}

char *e2e_fixture_dir;

int e2e_fixture_setup(void **state)
{
	(void)state;
	e2e_fixture_dir = e2e_tempdir();
	e2e_fixture_write(e2e_fixture_dir);
	return 0;
}

int e2e_fixture_teardown(void **state)
{
	(void)state;
	e2e_rmtree(e2e_fixture_dir);
	free(e2e_fixture_dir);
	e2e_fixture_dir = NULL;
	return 0;
}

static bool two_digits(const char *s, int *value)
{
	if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]))
		return false;
	*value = (s[0] - '0') * 10 + (s[1] - '0');
	return true;
}

int e2e_row_paragraph_en(struct vt *vt, int row, char x, int *word)
{
	const char *text = vt_row_text(vt, row);

	for (const char *p = text; (p = strchr(p, x)) != NULL; p++) {
		int para, w;

		if ((p > text && p[-1] != ' ') || !two_digits(p + 1, &para) || p[3] != 'w' ||
		    !two_digits(p + 4, &w) || (p[6] != ' ' && p[6] != '\0'))
			continue;
		if (word != NULL)
			*word = w;
		return para;
	}
	return 0;
}

int e2e_row_paragraph_ja(struct vt *vt, int row, const char *kanji, int *word)
{
	const char *text = vt_row_text(vt, row);
	size_t k = strlen(kanji), no = strlen("の"), maru = strlen("。");

	for (const char *p = text; (p = strstr(p, kanji)) != NULL; p++) {
		int para, w;

		if (!two_digits(p + k, &para) || strncmp(p + k + 2, "の", no) != 0 ||
		    !two_digits(p + k + 2 + no, &w) || strncmp(p + k + 4 + no, "。", maru) != 0)
			continue;
		if (word != NULL)
			*word = w;
		return para;
	}
	return 0;
}

/* ---- running lgma ---- */

static char *home_dir;

static void remove_home(void)
{
	e2e_rmtree(home_dir);
	free(home_dir);
}

static bool same_name(const char *a, const char *b)
{
	size_t na = strcspn(a, "="), nb = strcspn(b, "=");

	return na == nb && strncmp(a, b, na) == 0;
}

/* The base environment with env's changes; a static array of borrowed
 * strings, valid until the next call. */
static char **child_env(const char *const *env)
{
	static char home[4200];
	static char *out[64];
	const char *base[] = {"LANG=C.UTF-8", "TERM=" VT_DEFAULT_TERM, "PATH=/usr/local/bin:/usr/bin:/bin",
			      home};
	size_t n = 0;

	if (home_dir == NULL) {
		home_dir = e2e_tempdir();
		atexit(remove_home);
	}
	snprintf(home, sizeof(home), "HOME=%s", home_dir);
	for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++)
		out[n++] = (char *)base[i];
	for (size_t i = 0; env != NULL && env[i] != NULL; i++) {
		size_t k = 0;

		while (k < n && !same_name(out[k], env[i]))
			k++;
		if (k < n)
			out[k] = out[--n]; /* removed; added again below if it has a value */
		if (strchr(env[i], '=') != NULL) {
			assert_true(n + 1 < sizeof(out) / sizeof(out[0]));
			out[n++] = (char *)env[i];
		}
	}
	out[n] = NULL;
	return out;
}

struct vt *e2e_spawn_argv(int rows, int cols, const char *const *env, const char *const *argv)
{
	struct vt *vt = vt_spawn((char *const *)argv, child_env(env), rows, cols);

	if (vt == NULL)
		fail_msg("cannot start %s: %s", argv[0], strerror(errno));
	return vt;
}

struct vt *e2e_spawn(int rows, int cols, const char *const *env, const char *const *args)
{
	const char *argv[64] = {LGMA_EXE};
	size_t n = 1;

	for (size_t i = 0; args != NULL && args[i] != NULL; i++) {
		assert_true(n + 1 < sizeof(argv) / sizeof(argv[0]));
		argv[n++] = args[i];
	}
	argv[n] = NULL;
	return e2e_spawn_argv(rows, cols, env, argv);
}

/* ---- waiting ---- */

void e2e_settle(struct vt *vt)
{
	if (vt_wait_quiet(vt, E2E_QUIET_MS, E2E_WAIT_MS) == VT_TIMEOUT) {
		vt_dump(vt, stderr);
		fail_msg("the output never stopped for %d ms", E2E_QUIET_MS);
	}
}

void e2e_expect_text(struct vt *vt, const char *text)
{
	if (vt_wait_text(vt, text, E2E_WAIT_MS) != VT_FOUND) {
		fprintf(stderr, "# waited for \"%s\" in vain:\n", text);
		vt_dump(vt, stderr);
		fail_msg("\"%s\" did not appear", text);
	}
	e2e_settle(vt);
	e2e_check_screen(vt);
}

void e2e_expect_gone(struct vt *vt, const char *text)
{
	/* Each round reads for up to 20 ms. */
	for (int waited = 0; vt_find(vt, text, NULL, NULL); waited += 20) {
		if (waited >= E2E_WAIT_MS || vt_wait_quiet(vt, 20, 20) == VT_EOF) {
			vt_dump(vt, stderr);
			fail_msg("\"%s\" stayed on screen", text);
		}
	}
	e2e_settle(vt);
	e2e_check_screen(vt);
}

static void answered(struct vt *vt, const char *what)
{
	if (vt_wait_output(vt, E2E_WAIT_MS) != VT_FOUND) {
		vt_dump(vt, stderr);
		fail_msg("no answer to %s", what);
	}
	e2e_settle(vt);
	e2e_check_screen(vt);
}

void e2e_key(struct vt *vt, enum vt_key key)
{
	char what[32];

	vt_mark(vt);
	assert_int_equal(vt_key(vt, key, 0), 0);
	snprintf(what, sizeof(what), "key %d", (int)key);
	answered(vt, what);
}

void e2e_type(struct vt *vt, const char *text)
{
	vt_mark(vt);
	assert_int_equal(vt_type(vt, text), 0);
	answered(vt, text);
}

size_t e2e_type_idle(struct vt *vt, const char *text)
{
	vt_mark(vt);
	assert_int_equal(vt_type(vt, text), 0);
	vt_wait_quiet(vt, E2E_NOTHING_MS, E2E_WAIT_MS);
	return vt_action(vt).bytes;
}

void e2e_expect_exit(struct vt *vt, int code)
{
	int status = -1;

	if (vt_wait_exit(vt, E2E_WAIT_MS, &status) != VT_EXITED) {
		vt_dump(vt, stderr);
		fail_msg("lgma did not exit");
	}
	if (!WIFEXITED(status))
		fail_msg("lgma ended by signal %d, not with status %d", WTERMSIG(status), code);
	assert_int_equal(WEXITSTATUS(status), code);
	assert_false(vt_group_alive(vt));
}

bool e2e_on_screen(struct vt *vt, const char *text)
{
	return vt_find(vt, text, NULL, NULL);
}

int e2e_row_of(struct vt *vt, const char *text)
{
	int row;

	return vt_find(vt, text, &row, NULL) ? row : -1;
}

/* ---- checking ---- */

/* What is wrong with the screen, into msg; false when nothing is. */
static bool screen_problem(struct vt *vt, char *msg, size_t size)
{
	int rows, cols;

	vt_size(vt, &rows, &cols);
	for (int r = 0; r < rows; r++) {
		const char *text = vt_row_text(vt, r);
		int width = u8_strwidth((const uint8_t *)text, "UTF-8");

		if (width > cols) {
			snprintf(msg, size, "row %d is %d columns wide on a %d-column terminal", r, width, cols);
			return true;
		}
		for (int c = 0; c < cols; c++) {
			struct vt_cell cell, next;

			assert_true(vt_cell_at(vt, r, c, &cell));
			if (cell.width != 2)
				continue;
			if (c + 1 >= cols || !vt_cell_at(vt, r, c + 1, &next) || next.width != 0) {
				snprintf(msg, size, "the wide character at row %d, column %d is cut", r, c);
				return true;
			}
		}
	}
	if (rows >= 6 && cols >= 20 && (vt_row_text(vt, 0)[0] == '\0' || vt_row_text(vt, rows - 1)[0] == '\0')) {
		snprintf(msg, size, "the title bar or the key hints are not on the first and last rows");
		return true;
	}
	return false;
}

void e2e_check_screen(struct vt *vt)
{
	char msg[160];

	if (screen_problem(vt, msg, sizeof(msg))) {
		vt_dump(vt, stderr);
		fail_msg("%s", msg);
	}
}

void e2e_settle_resized(struct vt *vt)
{
	char msg[160];
	double until = vt_now_ms() + E2E_WAIT_MS;

	e2e_settle(vt);
	while (screen_problem(vt, msg, sizeof(msg)) && vt_now_ms() < until) {
		vt_mark(vt);
		if (vt_wait_output(vt, E2E_QUIET_MS) == VT_FOUND)
			e2e_settle(vt);
	}
	e2e_check_screen(vt);
}

void e2e_expect_ascii(const char *bytes, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)bytes[i] >= 0x80) {
			size_t from = i > 16 ? i - 16 : 0;

			fprintf(stderr, "# byte %zu of %zu is 0x%02x; around it:", i, n, (unsigned char)bytes[i]);
			for (size_t k = from; k < n && k < i + 16; k++)
				fprintf(stderr, " %02x", (unsigned char)bytes[k]);
			fprintf(stderr, "\n");
			fail_msg("a byte >= 0x80 was written");
		}
	}
}

static bool is_colour(long p)
{
	return (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 97) || (p >= 100 && p <= 107);
}

/* Whether tok is an SGR (CSI ... m) with a parameter for which f is true. */
static bool sgr_with(const char *bytes, const struct vt_tok *tok, bool (*f)(long p, long arg), long arg)
{
	int params = 1;

	if (tok->kind != VT_TOK_CSI || tok->final != 'm' || tok->leader != 0 || tok->intermediates[0] != '\0')
		return false;
	for (size_t k = 0; k < tok->params_len; k++)
		params += bytes[tok->params + k] == ';';
	/* An empty parameter ("CSI m", "CSI ;1m") is 0, a reset. */
	for (int i = 0; i < params; i++)
		if (f(vt_tok_param(bytes, tok, i, 0), arg))
			return true;
	return false;
}

static bool colour_param(long p, long arg)
{
	(void)arg;
	return is_colour(p);
}

static bool equal_param(long p, long arg)
{
	return p == arg;
}

void e2e_expect_no_colour(const char *bytes, size_t n)
{
	for (size_t pos = 0; pos < n;) {
		struct vt_tok tok;
		char text[128];

		pos = vt_tok_next(bytes, n, pos, &tok);
		if (sgr_with(bytes, &tok, colour_param, 0))
			fail_msg("a colour was set at byte %zu: %s", tok.start,
				 vt_tok_format(bytes, &tok, false, text, sizeof(text)));
	}
}

bool e2e_has_sgr(const char *bytes, size_t n, int code)
{
	for (size_t pos = 0; pos < n;) {
		struct vt_tok tok;

		pos = vt_tok_next(bytes, n, pos, &tok);
		if (sgr_with(bytes, &tok, equal_param, code))
			return true;
	}
	return false;
}

/* ---- /proc ---- */

/* The fields of /proc/PID/stat after the command's ')' into buf. */
static bool stat_fields(pid_t pid, char *buf, size_t size, const char **after)
{
	char path[64];
	FILE *f;
	size_t n;
	char *paren;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	f = fopen(path, "re");
	if (f == NULL)
		return false;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	paren = strrchr(buf, ')');
	if (paren == NULL)
		return false;
	*after = paren + 2; /* field 3, the state */
	return true;
}

char e2e_proc_state(pid_t pid)
{
	char buf[1024];
	const char *f;

	return stat_fields(pid, buf, sizeof(buf), &f) ? f[0] : 0;
}

long e2e_cpu_ticks(pid_t pid)
{
	char buf[1024];
	const char *f;
	unsigned long utime, stime;

	if (!stat_fields(pid, buf, sizeof(buf), &f))
		return -1;
	/* Fields 3 (state) to 15 (stime): utime is the 12th from here. */
	if (sscanf(f, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &utime, &stime) != 2)
		return -1;
	return (long)(utime + stime);
}

int e2e_children(pid_t pid, pid_t *out, int max)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL && n < max) {
		char buf[1024];
		const char *f;
		long ppid;
		pid_t child;

		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		child = (pid_t)strtol(e->d_name, NULL, 10);
		if (!stat_fields(child, buf, sizeof(buf), &f))
			continue;
		if (sscanf(f, "%*c %ld", &ppid) == 1 && ppid == (long)pid)
			out[n++] = child;
	}
	closedir(d);
	return n;
}

void e2e_expect_file_contains(const char *path, const char *pattern)
{
	for (int waited = 0;; waited += 20) {
		char *text = e2e_read_file(path, NULL);
		bool found = text != NULL && strstr(text, pattern) != NULL;

		if (found) {
			free(text);
			return;
		}
		if (waited >= E2E_WAIT_MS) {
			fprintf(stderr, "# %s:\n%s\n", path, text ? text : "(cannot be read)");
			free(text);
			fail_msg("\"%s\" is not in %s", pattern, path);
		}
		free(text);
		usleep(20 * 1000);
	}
}
