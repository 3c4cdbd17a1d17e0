/* The security audit of what lgma writes: hostile content (tests/data/
 * hostile-audit: escape sequences, every C0 and C1 control, bidi overrides, plus
 * 10 000 combining marks and a 1 MB line made here) is opened, paged,
 * switched in language and view, resized; every byte lgma writes meanwhile
 * is recorded and split into tokens (vt-esc.h), and each escape sequence
 * must be one that ncurses itself sends for the terminal. The content's
 * own controls must show as visible text (^[, U+FFFD) or not at all.
 *
 * Content with the raw bytes libyaml refuses (tests/data/hostile-audit-
 * broken) is refused with a located error, which carries no control byte. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unictype.h>
#include <unistr.h>

#include "e2e-lgma.h"
#include "vt-esc.h"

/* ---- the allow-list ----
 *
 * Derived from two sources and kept to their intersection with need:
 *
 * 1. What lgma writes on benign content (the fixture) for the same
 *    actions as below, at the same sizes, under TERM=xterm-256color: the
 *    test checks that run against this list too (test_benign_output_is_
 *    allowed), so a change in ncurses or in the shell shows up there first.
 * 2. The xterm-256color terminfo entry (infocmp -1 xterm-256color), for the
 *    capabilities ncurses may pick for a different update of the screen:
 *      cup home vpa hpa cuu cud cuf cub (cuu1 cud1 ...)  CSI H d G A B C D
 *      el el1 ed clear ech rep                            CSI K 1K J 2J X b
 *      csr il dl ich dch indn rin                         CSI r L M @ P S T
 *      sgr sgr0 setaf setab op bold rev smul smso sitm... CSI ... m
 *      smir rmir (insert mode 4)                          CSI 4h 4l
 *      smkx rmkx (?1 and ESC = / ESC >), smam rmam (?7),
 *      cnorm civis cvvis (?12 ?25), smcup rmcup (?1049 and the title stack
 *      CSI 22;0;0t / 23;0;0t of ncurses 6.4's entry), XM (?1000 ?1006)
 *      sgr0's ESC ( B, sc rc (ESC 7 ESC 8), ri (ESC M)
 *    CSI 6n is lgma's own probe (tui-probe.c), only under a C locale.
 *
 * Nothing else: no OSC (ncurses sets no title here), DCS, APC, PM, SOS, no
 * C1 in any encoding, no BEL (lgma never beeps), SO/SI, and no malformed
 * sequence. Numeric parameters are bounded too: a content byte that got
 * through as CSI 99999...H would match a shape but not the bound. */

enum { MAX_PARAM = 1000 };

static bool in_set(long v, const long *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == v)
			return true;
	return false;
}

static int param_count(const char *buf, const struct vt_tok *tok)
{
	int n = tok->params_len > 0;

	for (size_t i = 0; i < tok->params_len; i++)
		n += buf[tok->params + i] == ';';
	return n;
}

/* Every parameter is digits (or empty) and at most max. */
static bool params_numeric(const char *buf, const struct vt_tok *tok, long max)
{
	for (size_t i = 0; i < tok->params_len; i++) {
		char c = buf[tok->params + i];

		if (c != ';' && (c < '0' || c > '9'))
			return false;
	}
	for (int i = 0; i < param_count(buf, tok); i++)
		if (vt_tok_param(buf, tok, i, 0) > max)
			return false;
	return true;
}

static bool sgr_allowed(const char *buf, const struct vt_tok *tok)
{
	static const long plain[] = {0, 1, 2, 3, 4, 5, 7, 8, 22, 23, 24, 25, 27, 28, 39, 49};
	int n = param_count(buf, tok);

	if (!params_numeric(buf, tok, 255))
		return false;
	for (int i = 0; i < n; i++) {
		long p = vt_tok_param(buf, tok, i, 0);

		if ((p == 38 || p == 48) && i + 2 < n && vt_tok_param(buf, tok, i + 1, -1) == 5) {
			i += 2; /* 256 colours: 38;5;N, N <= 255 checked above */
			continue;
		}
		if (!in_set(p, plain, sizeof(plain) / sizeof(plain[0])) && !(p >= 30 && p <= 37) &&
		    !(p >= 40 && p <= 47) && !(p >= 90 && p <= 97) && !(p >= 100 && p <= 107))
			return false;
	}
	return true;
}

static bool csi_allowed(const char *buf, const struct vt_tok *tok)
{
	static const long dec_modes[] = {1, 7, 12, 25, 1000, 1006, 1049};
	int n = param_count(buf, tok);

	if (tok->intermediates[0] != '\0')
		return false;
	if (tok->leader == '?') {
		if ((tok->final != 'h' && tok->final != 'l') || !params_numeric(buf, tok, 9999) || n == 0)
			return false;
		for (int i = 0; i < n; i++)
			if (!in_set(vt_tok_param(buf, tok, i, -1), dec_modes, sizeof(dec_modes) / sizeof(dec_modes[0])))
				return false;
		return true;
	}
	if (tok->leader != 0)
		return false;
	if (tok->final == 'm')
		return sgr_allowed(buf, tok);
	if (tok->final == 't') /* the title stack of smcup and rmcup */
		return (tok->params_len == 6 && memcmp(buf + tok->params, "22;0;0", 6) == 0) ||
		       (tok->params_len == 6 && memcmp(buf + tok->params, "23;0;0", 6) == 0);
	if (!params_numeric(buf, tok, MAX_PARAM))
		return false;
	switch (tok->final) {
	case 'H':
		return n <= 2;
	case 'r':
		return n == 0 || n == 2;
	case 'A': case 'B': case 'C': case 'D': case 'd': case 'G': case 'X': case 'b':
	case 'L': case 'M': case '@': case 'P': case 'S': case 'T':
		return n <= 1;
	case 'K':
		return n == 0 || (n == 1 && vt_tok_param(buf, tok, 0, 0) <= 1);
	case 'J':
		return n == 0 || (n == 1 && vt_tok_param(buf, tok, 0, 0) == 2);
	case 'h': case 'l':
		return n == 1 && vt_tok_param(buf, tok, 0, 0) == 4;
	case 'n':
		return n == 1 && vt_tok_param(buf, tok, 0, 0) == 6;
	default:
		return false;
	}
}

static bool esc_allowed(const struct vt_tok *tok)
{
	if (strcmp(tok->intermediates, "(") == 0)
		return tok->final == 'B';
	return tok->intermediates[0] == '\0' && strchr("=>78M", tok->final) != NULL;
}

/* Text that text.h promises never to show: bidi controls and invisible
 * (default ignorable) characters; the tokenizer already takes C0 and C1
 * out of text. */
static bool text_allowed(const char *buf, const struct vt_tok *tok, ucs4_t *bad)
{
	const uint8_t *s = (const uint8_t *)buf + tok->start, *end = s + tok->len;

	while (s < end) {
		int n = u8_mbtoucr(bad, s, (size_t)(end - s));

		if (n <= 0)
			return false;
		if (uc_is_property_bidi_control(*bad) || uc_is_property_default_ignorable_code_point(*bad))
			return false;
		s += n;
	}
	return true;
}

static bool token_allowed(const char *buf, const struct vt_tok *tok, ucs4_t *bad)
{
	*bad = 0;
	switch (tok->kind) {
	case VT_TOK_TEXT:
		return text_allowed(buf, tok, bad);
	case VT_TOK_C0:
		return buf[tok->start] == '\r' || buf[tok->start] == '\n' || buf[tok->start] == '\b';
	case VT_TOK_ESC:
		return esc_allowed(tok);
	case VT_TOK_CSI:
		return csi_allowed(buf, tok);
	default: /* C1, OSC, DCS, SOS, PM, APC, BAD */
		return false;
	}
}

/* Fails on the first token of out[0..len) not on the list, with some of
 * what came before it. Returns the number of tokens. */
static size_t audit(const char *out, size_t len, const char *what)
{
	size_t pos = 0, count = 0;

	assert_true(len > 0);
	while (pos < len) {
		struct vt_tok tok;
		char text[160];
		ucs4_t bad;

		pos = vt_tok_next(out, len, pos, &tok);
		count++;
		if (token_allowed(out, &tok, &bad))
			continue;
		fprintf(stderr, "# %s: byte %zu of %zu, after:\n#   ", what, tok.start, len);
		for (size_t k = tok.start > 80 ? tok.start - 80 : 0; k < tok.start; k++)
			fprintf(stderr, (unsigned char)out[k] >= 0x20 && out[k] != 0x7f ? "%c" : "\\x%02x",
				(unsigned char)out[k]);
		fprintf(stderr, "\n");
		vt_tok_format(out, &tok, false, text, sizeof(text));
		if (bad != 0)
			fail_msg("%s: U+%04X in text: %s", what, (unsigned)bad, text);
		fail_msg("%s: not a sequence ncurses sends: %s", what, text);
	}
	return count;
}

/* ---- the sessions ---- */

static char *hostile;
static char *benign;

/* The two sections too big for the repository. */
static void write_big_sections(const char *dir)
{
	enum { MARKS = 10000, LONG_LINE = 1 << 20 };
	static const char head_marks[] = "id: marks\ntitle:\n  ja: 結合文字\n  en: Combining marks\nbody: |\n  e";
	static const char head_long[] = "id: long\ntitle:\n  ja: 1 MB の行\n  en: A 1 MB line\nbody: \"";
	/* Repeated to 1 MB: an escape sequence and a C1 CSI every 24 bytes. */
	static const char unit[] = "x\\e]52;c;eA==\\a\\x9b2J y ";
	size_t n = strlen(head_marks), cap = n + MARKS * 2 + 64;
	char *text = malloc(cap > LONG_LINE + 4096 ? cap : LONG_LINE + 4096);

	assert_non_null(text);
	memcpy(text, head_marks, n);
	for (int i = 0; i < MARKS; i++) {
		memcpy(text + n, "\xcc\x81", 2); /* U+0301 COMBINING ACUTE ACCENT */
		n += 2;
	}
	memcpy(text + n, " and after it\n", 14);
	e2e_write(dir, "sections/60-marks.yaml", text, n + 14);

	n = strlen(head_long);
	memcpy(text, head_long, n);
	while (n < LONG_LINE)
		for (const char *u = unit; *u != '\0'; u++)
			text[n++] = *u;
	memcpy(text + n, "end\"\n", 5);
	e2e_write(dir, "sections/70-long.yaml", text, n + 5);
	free(text);
}

static int setup(void **state)
{
	(void)state;
	hostile = e2e_tempdir();
	e2e_copy_dir(LGMA_TEST_DATA "/hostile-audit", hostile);
	write_big_sections(hostile);
	benign = e2e_tempdir();
	e2e_fixture_write(benign);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	e2e_rmtree(hostile);
	e2e_rmtree(benign);
	free(hostile);
	free(benign);
	return 0;
}

/* Sends bytes and lets lgma answer: output within a moment, then a short
 * silence; a key that changes nothing (End on a short text) costs the
 * moment. An answer slower than that is still recorded, later: the audit
 * misses nothing, only the checks of the screen may come early. */
static void act(struct vt *vt, const void *bytes, size_t n)
{
	vt_mark(vt);
	assert_int_equal(vt_send(vt, bytes, n), 0);
	if (vt_wait_output(vt, 150) == VT_FOUND)
		vt_wait_quiet(vt, 30, E2E_WAIT_MS);
	e2e_check_screen(vt);
	/* Nothing set the window title, and lgma's screen is still up. */
	if (vt_title(vt)[0] != '\0' || !vt_altscreen(vt)) {
		vt_dump(vt, stderr);
		fail_msg("the title became \"%s\" or the alternate screen was left", vt_title(vt));
	}
}

static void act_key(struct vt *vt, enum vt_key key)
{
	char bytes[16];
	size_t n = vt_key_bytes(vt, key, 0, bytes, sizeof(bytes));

	assert_true(n > 0);
	act(vt, bytes, n);
}

static void act_text(struct vt *vt, const char *text)
{
	act(vt, text, strlen(text));
}

static void act_resize(struct vt *vt, int rows, int cols)
{
	vt_mark(vt);
	assert_int_equal(vt_resize(vt, rows, cols), 0);
	assert_int_equal(vt_wait_output(vt, E2E_WAIT_MS), VT_FOUND);
	e2e_settle_resized(vt);
}

/* Every section: open it by its number, switch the language and the
 * view, go to the end, resize, page, back to the menu; then the help. */
static void browse_everything(struct vt *vt, int sections, const char *first_title)
{
	e2e_expect_text(vt, first_title);
	for (int s = 1; s <= sections; s++) {
		char digit[2] = {(char)('0' + s), '\0'};

		act_text(vt, digit);
		act_text(vt, "L");
		act_text(vt, "B");
		act_text(vt, "B");
		/* Longer at 40 columns: something to page through. */
		act_resize(vt, 12, 40);
		act_key(vt, VT_KEY_PGDN);
		act_key(vt, VT_KEY_END);
		act_key(vt, VT_KEY_HOME);
		act_text(vt, "L");
		act_resize(vt, 24, 80);
		act_key(vt, VT_KEY_TAB);
	}
	act_text(vt, "?");
	act_text(vt, "x");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
}

static void test_benign_output_is_allowed(void **state)
{
	struct vt *vt = e2e_spawn(24, 80, NULL, E2E_ARGS("--content", benign));
	const char *out;
	size_t len;

	(void)state;
	browse_everything(vt, 3, "甲の節");
	out = vt_recorded(vt, &len);
	assert_true(audit(out, len, "benign content") > 100);
	vt_close(vt);
}

static void test_hostile_content_writes_only_allowed_sequences(void **state)
{
	struct vt *vt = e2e_spawn(24, 80, NULL, E2E_ARGS("--content", hostile));
	const char *out;
	size_t len;

	(void)state;
	browse_everything(vt, 7, "OSC 52");
	out = vt_recorded(vt, &len);
	audit(out, len, "hostile content");
	vt_close(vt);
}

/* The hostile content of the CLI tests (tests/data/hostile, made for
 * --dump and --search), in the browser too. */
static void test_cli_hostile_content_in_the_browser(void **state)
{
	struct vt *vt = e2e_spawn(24, 80, NULL, E2E_ARGS("--content", LGMA_TEST_DATA "/hostile"));
	const char *out;
	size_t len;

	(void)state;
	browse_everything(vt, 1, "見出し");
	out = vt_recorded(vt, &len);
	audit(out, len, "tests/data/hostile");
	vt_close(vt);
}

/* The controls are shown, visibly and harmlessly: the reader sees that the
 * text holds something odd. */
static void test_hostile_controls_are_visible(void **state)
{
	struct vt *vt = e2e_spawn(24, 80, E2E_ENV("LANG=en_US.UTF-8"), E2E_ARGS("--content", hostile, "osc"));

	(void)state;
	e2e_expect_text(vt, "Clipboard write");
	assert_true(e2e_on_screen(vt, "^[]52;c;ZWNobyBwd25lZA==^G"));
	act_text(vt, "3"); /* c0 */
	e2e_expect_text(vt, "SOH^ASTX^B");
	act_text(vt, "4"); /* c1: each as U+FFFD */
	e2e_expect_text(vt, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	act_text(vt, "5"); /* bidi: gone, the letters in their order */
	e2e_expect_text(vt, "Name exe.txt and txt");
	assert_int_equal(vt_type(vt, "q"), 0);
	e2e_expect_exit(vt, 0);
	vt_close(vt);
}

/* A C locale, a terminal that answers the probe: the same, in ASCII. */
static void test_hostile_content_in_ascii(void **state)
{
	struct vt *vt = e2e_spawn(24, 80, E2E_ENV("LANG=C"), E2E_ARGS("--content", hostile, "--utf8=no"));
	const char *out;
	size_t len;

	(void)state;
	browse_everything(vt, 7, "OSC 52");
	out = vt_recorded(vt, &len);
	audit(out, len, "hostile content, ASCII");
	e2e_expect_ascii(out, len);
	vt_close(vt);
}

static void test_raw_controls_are_refused_with_their_place(void **state)
{
	static const char *const expect[] = {
		"sections/10-raw-esc.yaml:2:13: error:",
		"sections/20-raw-c1.yaml:3:12: error:",
		"sections/30-raw-del.yaml:4:7: error:",
	};
	const char *modes[][3] = {{"--check", "--content", LGMA_TEST_DATA "/hostile-audit-broken"},
				  {"--content", LGMA_TEST_DATA "/hostile-audit-broken", NULL}};

	(void)state;
	for (size_t m = 0; m < 2; m++) {
		const char *args[] = {modes[m][0], modes[m][1], modes[m][2], NULL};
		struct vt *vt = e2e_spawn(24, 160, NULL, args);
		const char *out;
		size_t len, pos = 0;

		e2e_expect_exit(vt, 1);
		for (size_t i = 0; i < sizeof(expect) / sizeof(expect[0]); i++)
			if (!e2e_on_screen(vt, expect[i])) {
				vt_dump(vt, stderr);
				fail_msg("no \"%s\"", expect[i]);
			}
		/* The messages name the bytes; they do not write them. */
		out = vt_recorded(vt, &len);
		while (pos < len) {
			struct vt_tok tok;
			char text[64];

			pos = vt_tok_next(out, len, pos, &tok);
			if (tok.kind != VT_TOK_TEXT && !(tok.kind == VT_TOK_C0 && (out[tok.start] == '\r' || out[tok.start] == '\n')))
				fail_msg("the error output holds %s", vt_tok_format(out, &tok, false, text, sizeof(text)));
		}
		vt_close(vt);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_benign_output_is_allowed),
		cmocka_unit_test(test_hostile_content_writes_only_allowed_sequences),
		cmocka_unit_test(test_cli_hostile_content_in_the_browser),
		cmocka_unit_test(test_hostile_controls_are_visible),
		cmocka_unit_test(test_hostile_content_in_ascii),
		cmocka_unit_test(test_raw_controls_are_refused_with_their_place),
	};

	return cmocka_run_group_tests_name("output-audit", tests, setup, teardown);
}
