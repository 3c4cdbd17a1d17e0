/* lgma --dump, run as a program: golden outputs for the shipped content,
 * usage errors, the default width, and hostile content that must not
 * reach the terminal.
 *
 * The goldens are tests/golden/dump-ID-LANG-WIDTH[-ambiguous].txt, compared
 * byte for byte. After a deliberate change to the layout or the content,
 * regenerate them with "ninja -C build regenerate-golden" (this program
 * with LGMA_REGENERATE_GOLDEN=1), review the diff, and commit it.
 *
 * Usage: test-dump PATH-TO-LGMA */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wchar.h>

static const char *lgma;

struct run {
	int status; /* exit status, or -1 if lgma did not exit */
	char *out, *err;
	size_t out_len;
};

static char *slurp(int fd, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	ssize_t k;

	lseek(fd, 0, SEEK_SET);
	while ((k = read(fd, buf + n, cap - n - 1)) > 0) {
		n += (size_t)k;
		if (n + 1 == cap)
			buf = realloc(buf, cap *= 2);
	}
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	close(fd);
	return buf;
}

static int temp_fd(void)
{
	char name[] = "/tmp/lgma-dump-XXXXXX";
	int fd = mkstemp(name);

	assert_true(fd >= 0);
	unlink(name);
	return fd;
}

/* Runs lgma with args (NULL-terminated); env entries "NAME=VALUE" are set
 * and "NAME" unset first. COLUMNS and LC_ALL are unset unless given. */
static struct run run_lgma(const char *const *args, const char *const *env)
{
	struct run r = {0};
	int out = temp_fd(), err = temp_fd(), status;
	pid_t pid = fork();

	assert_true(pid >= 0);
	if (pid == 0) {
		const char *argv[32] = {lgma};
		size_t n = 1;
		unsetenv("COLUMNS");
		unsetenv("LC_ALL");
		unsetenv("LGMA_CONTENT");
		setenv("LANG", "C.UTF-8", 1);
		for (size_t i = 0; env != NULL && env[i] != NULL; i++) {
			const char *eq = strchr(env[i], '=');
			if (eq == NULL) {
				unsetenv(env[i]);
			} else {
				char name[64];
				snprintf(name, sizeof(name), "%.*s", (int)(eq - env[i]), env[i]);
				setenv(name, eq + 1, 1);
			}
		}
		for (size_t i = 0; args[i] != NULL && n < 31; i++)
			argv[n++] = args[i];
		argv[n] = NULL;
		dup2(out, STDOUT_FILENO);
		dup2(err, STDERR_FILENO);
		execv(lgma, (char *const *)argv);
		_exit(127);
	}
	assert_true(waitpid(pid, &status, 0) == pid);
	r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	r.out = slurp(out, &r.out_len);
	r.err = slurp(err, NULL);
	return r;
}

static void run_free(struct run *r)
{
	free(r->out);
	free(r->err);
}

/* Every line at most width columns (glibc's wcwidth, not lgma's), no
 * trailing space, nothing a terminal would not print. Returns the widest. */
static int check_plain(const struct run *r, int width)
{
	mbstate_t st;
	int col = 0, widest = 0;
	const char *s = r->out;
	size_t n = r->out_len;

	memset(&st, 0, sizeof(st));
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, s + i, n - i, &st);
		if (k == 0 || k > n - i)
			fail_msg("invalid UTF-8 at byte %zu of the output", i);
		if (wc == '\n') {
			if (i > 0 && s[i - 1] == ' ')
				fail_msg("a line ends with a space at byte %zu", i);
			col = 0;
		} else {
			int w = wcwidth(wc);
			if (w < 0 || wc == 0x1B || (wc >= 0x80 && wc < 0xA0) || (wc >= 0x202A && wc <= 0x202E) ||
			    (wc >= 0x2066 && wc <= 0x2069) || wc == 0x200E || wc == 0x200F)
				fail_msg("unprintable U+%04X at byte %zu of the output", (unsigned)wc, i);
			col += w;
			if (col > width)
				fail_msg("a line is %d columns wide, more than %d, at byte %zu", col, width, i);
			if (col > widest)
				widest = col;
		}
		i += k;
	}
	if (n > 0 && s[n - 1] != '\n')
		fail_msg("the output does not end with a newline");
	return widest;
}

/* ---- goldens ---- */

static void check_golden(const char *id, const char *lang, int width, bool ambiguous)
{
	char path[1024], w[16];
	const char *args[] = {"--content", LGMA_CONTENT_DIR, "--dump", id, "--lang", lang, "--width", w,
			      ambiguous ? "--ambiguous-wide=yes" : "--ambiguous-wide=no", NULL};
	struct run r;
	FILE *f;

	snprintf(w, sizeof(w), "%d", width);
	snprintf(path, sizeof(path), "%s/dump-%s-%s-%d%s.txt", LGMA_GOLDEN_DIR, id, lang, width,
		 ambiguous ? "-ambiguous" : "");
	r = run_lgma(args, NULL);
	assert_int_equal(r.status, 0);
	assert_string_equal(r.err, "");
	if (!ambiguous) /* glibc counts ambiguous characters narrow */
		check_plain(&r, width);
	if (getenv("LGMA_REGENERATE_GOLDEN") != NULL) {
		f = fopen(path, "wb");
		assert_non_null(f);
		assert_int_equal(fwrite(r.out, 1, r.out_len, f), r.out_len);
		assert_int_equal(fclose(f), 0);
		print_message("wrote %s\n", path);
	} else {
		size_t len;
		int fd = open(path, O_RDONLY);
		char *want;
		if (fd < 0)
			fail_msg("%s is missing: run 'ninja -C build regenerate-golden'", path);
		want = slurp(fd, &len);
		if (len != r.out_len || memcmp(want, r.out, len) != 0) {
			size_t d = 0;
			while (d < len && d < r.out_len && want[d] == r.out[d])
				d++;
			fail_msg("%s differs from lgma's output from byte %zu:\nwant: %.80s\ngot:  %.80s\n"
				 "(after a deliberate change: ninja -C build regenerate-golden, review, commit)",
				 path, d, want + d, r.out + d);
		}
		free(want);
	}
	run_free(&r);
}

static void test_golden_sections(void **state)
{
	static const int widths[] = {20, 40, 80};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		check_golden("all", "ja", widths[i], false);
		check_golden("all", "en", widths[i], false);
	}
	check_golden("all", "ja", 40, true);
	check_golden("all", "en", 40, true);
}

static void test_golden_offices(void **state)
{
	static const int widths[] = {20, 40, 80};

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		check_golden("offices", "ja", widths[i], false);
		check_golden("offices", "en", widths[i], false);
	}
}

/* ---- usage ---- */

static void expect_usage_error(const char *const *args, const char *stderr_has)
{
	struct run r = run_lgma(args, NULL);

	if (r.status != 2 || strstr(r.err, stderr_has) == NULL)
		fail_msg("exit %d (want 2), stderr:\n%s(want it to mention '%s')", r.status, r.err, stderr_has);
	assert_int_equal(r.out_len, 0);
	run_free(&r);
}

static void test_unknown_id(void **state)
{
	const char *args[] = {"--content", LGMA_CONTENT_DIR, "--dump", "no-such-section", NULL};
	struct run r = run_lgma(args, NULL);

	(void)state;
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.err, "no-such-section"));
	/* every valid id is listed */
	assert_non_null(strstr(r.err, "valid ids: about negotiations action-agenda cop-presidencies "
				      "multilevel-action official-site offices all\n"));
	assert_non_null(strstr(r.err, " negotiations "));
	assert_non_null(strstr(r.err, " official-site "));
	assert_non_null(strstr(r.err, " offices all"));
	assert_int_equal(r.out_len, 0);
	run_free(&r);
}

static void test_bad_widths(void **state)
{
	const char *zero[] = {"--dump", "all", "--width", "0", NULL};
	const char *big[] = {"--dump", "all", "--width=1001", NULL};
	const char *text[] = {"--dump", "all", "--width", "wide", NULL};
	const char *negative[] = {"--dump", "all", "--width", "-5", NULL};
	const char *trailing[] = {"--dump", "all", "--width", "40x", NULL};
	const char *ambiguous[] = {"--dump", "all", "--ambiguous-wide=maybe", NULL};

	(void)state;
	expect_usage_error(zero, "--width must be 1..1000");
	expect_usage_error(big, "--width must be 1..1000");
	expect_usage_error(text, "--width must be 1..1000");
	expect_usage_error(negative, "--width must be 1..1000");
	expect_usage_error(trailing, "--width must be 1..1000");
	expect_usage_error(ambiguous, "--ambiguous-wide");
}

static void test_width_limits_work(void **state)
{
	static const char *const widths[] = {"1", "2", "3", "1000"};

	(void)state;
	for (size_t i = 0; i < 4; i++) {
		for (int lang = 0; lang < 2; lang++) {
			const char *args[] = {"--content", LGMA_CONTENT_DIR, "--dump", "all", "--width", widths[i],
					      "--lang", lang ? "en" : "ja", "--ambiguous-wide=no", NULL};
			struct run r = run_lgma(args, NULL);
			assert_int_equal(r.status, 0);
			check_plain(&r, atoi(widths[i]));
			run_free(&r);
		}
	}
}

/* Not a terminal: $COLUMNS, else 80. */
static void test_default_width(void **state)
{
	const char *dump[] = {"--content", LGMA_CONTENT_DIR, "--dump", "about", "--lang", "en", "--ambiguous-wide=no", NULL};
	const char *dump33[] = {"--content", LGMA_CONTENT_DIR, "--dump", "about", "--lang", "en", "--ambiguous-wide=no",
				"--width", "33", NULL};
	const char *dump80[] = {"--content", LGMA_CONTENT_DIR, "--dump", "about", "--lang", "en", "--ambiguous-wide=no",
				"--width", "80", NULL};
	const char *columns[] = {"COLUMNS=33", NULL};
	const char *bad_columns[] = {"COLUMNS=lots", NULL};
	struct run a = run_lgma(dump, columns), b = run_lgma(dump33, NULL);
	struct run c = run_lgma(dump, NULL), d = run_lgma(dump80, NULL), e = run_lgma(dump, bad_columns);

	(void)state;
	assert_int_equal(a.status, 0);
	assert_string_equal(a.out, b.out);
	assert_true(check_plain(&a, 33) > 28);
	assert_string_equal(c.out, d.out);
	assert_true(check_plain(&c, 80) > 70);
	assert_string_equal(e.out, d.out);
	run_free(&a);
	run_free(&b);
	run_free(&c);
	run_free(&d);
	run_free(&e);
}

/* auto follows the locale; yes and no override it. */
static void test_ambiguous_default(void **state)
{
	const char *plain[] = {"--content", LGMA_CONTENT_DIR, "--dump", "all", "--lang", "ja", "--width", "40", NULL};
	const char *yes[] = {"--content", LGMA_CONTENT_DIR, "--dump", "all", "--lang", "ja", "--width", "40",
			     "--ambiguous-wide", NULL};
	const char *no[] = {"--content", LGMA_CONTENT_DIR, "--dump", "all", "--lang", "ja", "--width", "40",
			    "--ambiguous-wide=no", NULL};
	const char *ja[] = {"LANG=ja_JP.UTF-8", NULL};
	const char *ja_ctype_c[] = {"LANG=ja_JP.UTF-8", "LC_CTYPE=C.UTF-8", NULL};
	struct run in_c = run_lgma(plain, NULL), in_ja = run_lgma(plain, ja), forced = run_lgma(yes, NULL);
	struct run off = run_lgma(no, ja), ctype = run_lgma(plain, ja_ctype_c);

	(void)state;
	/* the bullet • is East Asian Ambiguous: "• " or "•  " */
	assert_string_equal(in_ja.out, forced.out);
	assert_string_equal(in_c.out, off.out);
	assert_string_equal(in_c.out, ctype.out);
	assert_string_not_equal(in_c.out, in_ja.out);
	run_free(&in_c);
	run_free(&in_ja);
	run_free(&forced);
	run_free(&off);
	run_free(&ctype);
}

/* ---- hostile content ---- */

static void test_hostile_content(void **state)
{
	static const char *const ids[] = {"all", "hostile", "offices"};
	static const char *const widths[] = {"1", "2", "7", "30", "80"};
	size_t runs = 0;

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		for (size_t w = 0; w < 5; w++) {
			for (int lang = 0; lang < 2; lang++) {
				const char *args[] = {"--content", LGMA_TEST_DATA "/hostile", "--dump", ids[i], "--width", widths[w],
						      "--lang", lang ? "en" : "ja", "--ambiguous-wide=no", NULL};
				struct run r = run_lgma(args, NULL);
				assert_int_equal(r.status, 0);
				assert_null(memchr(r.out, 0x1B, r.out_len));
				check_plain(&r, atoi(widths[w]));
				run_free(&r);
				runs++;
			}
		}
	}
	assert_int_equal(runs, 30);
}

int main(int argc, char **argv)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_sections),
		cmocka_unit_test(test_golden_offices),
		cmocka_unit_test(test_unknown_id),
		cmocka_unit_test(test_bad_widths),
		cmocka_unit_test(test_width_limits_work),
		cmocka_unit_test(test_default_width),
		cmocka_unit_test(test_ambiguous_default),
		cmocka_unit_test(test_hostile_content),
	};

	if (argc != 2 || setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "usage: test-dump PATH-TO-LGMA (in a system with the C.UTF-8 locale)\n");
		return 2;
	}
	lgma = argv[1];
	return cmocka_run_group_tests(tests, NULL, NULL);
}
