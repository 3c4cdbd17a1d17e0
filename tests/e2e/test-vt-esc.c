/* The escape-sequence tokenizer of the output audit: each kind of sequence a
 * terminal acts on is one token with the right parts, and malformed or
 * hidden controls (cut sequences, C1 in either encoding) are never folded
 * into text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "vt-esc.h"

/* All tokens of s, formatted, joined by " | ". */
static const char *tokens(const char *s, size_t len, bool generic)
{
	static char out[4096];
	size_t pos = 0, n = 0;

	out[0] = '\0';
	while (pos < len) {
		struct vt_tok tok;
		char one[256];
		size_t next = vt_tok_next(s, len, pos, &tok);

		assert_true(next > pos);
		assert_int_equal(tok.start, pos);
		assert_int_equal(tok.len, next - pos);
		vt_tok_format(s, &tok, generic, one, sizeof(one));
		n += (size_t)snprintf(out + n, sizeof(out) - n, "%s%s", n > 0 ? " | " : "", one);
		pos = next;
	}
	return out;
}

#define TOKENS(lit) tokens(lit, sizeof(lit) - 1, false)
#define SHAPES(lit) tokens(lit, sizeof(lit) - 1, true)

static void test_text_and_c0(void **state)
{
	(void)state;
	assert_string_equal(TOKENS("ab 日本\r\n\tc\x7f"),
			    "TEXT \"ab 日本\" | C0 0x0d | C0 0x0a | C0 0x09 | TEXT \"c\" | C0 0x7f");
	assert_string_equal(TOKENS("\x00\x07"), "C0 0x00 | C0 0x07");
}

static void test_csi(void **state)
{
	struct vt_tok tok;
	const char s[] = "\033[12;40H";

	(void)state;
	assert_int_equal(vt_tok_next(s, sizeof(s) - 1, 0, &tok), sizeof(s) - 1);
	assert_int_equal(tok.kind, VT_TOK_CSI);
	assert_int_equal(tok.final, 'H');
	assert_int_equal(tok.leader, 0);
	assert_int_equal(vt_tok_param(s, &tok, 0, 1), 12);
	assert_int_equal(vt_tok_param(s, &tok, 1, 1), 40);
	assert_int_equal(vt_tok_param(s, &tok, 2, 1), 1);

	assert_string_equal(TOKENS("\033[?1049h\033[H\033[2J\033[0;1;7m\033[38;5;196m"),
			    "CSI ?1049h | CSI H | CSI 2J | CSI 0;1;7m | CSI 38;5;196m");
	assert_string_equal(SHAPES("\033[12;40H\033[?25l\033[3 q"),
			    "CSI #;#H | CSI ?#l | CSI # q");
	/* CSI with no parameter: the default applies. */
	assert_int_equal(vt_tok_next("\033[m", 3, 0, &tok), 3);
	assert_int_equal(vt_tok_param("\033[m", &tok, 0, 0), 0);
	assert_int_equal(vt_tok_next("\033[;5H", 5, 0, &tok), 5);
	assert_int_equal(vt_tok_param("\033[;5H", &tok, 0, 1), 1);
	assert_int_equal(vt_tok_param("\033[;5H", &tok, 1, 1), 5);
}

static void test_esc(void **state)
{
	(void)state;
	assert_string_equal(TOKENS("\033(B\0337\033=\033#8\033M"),
			    "ESC (B | ESC 7 | ESC = | ESC #8 | ESC M");
}

static void test_strings(void **state)
{
	struct vt_tok tok;
	const char osc[] = "\033]0;title\007";

	(void)state;
	assert_int_equal(vt_tok_next(osc, sizeof(osc) - 1, 0, &tok), sizeof(osc) - 1);
	assert_int_equal(tok.kind, VT_TOK_OSC);
	assert_true(tok.bel);
	assert_int_equal(tok.payload_len, strlen("0;title"));
	assert_memory_equal(osc + tok.payload, "0;title", tok.payload_len);

	assert_string_equal(TOKENS("\033]8;;http://x\033\\link\033]8;;\033\\"),
			    "OSC 8;;http://x ST | TEXT \"link\" | OSC 8;; ST");
	assert_string_equal(TOKENS("\033P+q544e\033\\\033_apc\033\\\033^pm\033\\\033Xsos\033\\"),
			    "DCS +q544e ST | APC apc ST | PM pm ST | SOS sos ST");
	/* BEL ends only an OSC: inside a DCS it is payload. */
	assert_string_equal(TOKENS("\033Pa\007b\033\\"), "DCS a\\x07b ST");
}

static void test_c1_both_encodings(void **state)
{
	(void)state;
	/* U+009B as UTF-8, and a raw 0x9B byte: both CSI to some terminals. */
	assert_string_equal(TOKENS("a\xc2\x9b" "31mb"), "TEXT \"a\" | C1 0x9b | TEXT \"31mb\"");
	assert_string_equal(TOKENS("a\x9b" "31m"), "TEXT \"a\" | C1 0x9b | TEXT \"31m\"");
	/* U+00A0 (c2 a0) is text, not C1. */
	assert_string_equal(TOKENS("\xc2\xa0"), "TEXT \"\xc2\xa0\"");
}

static void test_malformed(void **state)
{
	(void)state;
	/* Cut by the end of the bytes. */
	assert_string_equal(TOKENS("x\033"), "TEXT \"x\" | BAD 1b");
	assert_string_equal(TOKENS("\033[12"), "BAD 1b 5b 31 32");
	assert_string_equal(TOKENS("\033]0;t"), "BAD 1b 5d 30 3b 74");
	/* Cut by a control: the control stands alone after it. */
	assert_string_equal(TOKENS("\033[1\n2H"), "BAD 1b 5b 31 | C0 0x0a | TEXT \"2H\"");
	assert_string_equal(TOKENS("\033\n"), "BAD 1b | C0 0x0a");
	/* A parameter byte after an intermediate is not ECMA-48. */
	assert_string_equal(TOKENS("\033[ 1m"), "BAD 1b 5b 20 | TEXT \"1m\"");
	/* An ESC inside a string that is not ST ends it. */
	assert_string_equal(TOKENS("\033]0;a\033[m"), "BAD 1b 5d 30 3b 61 | CSI m");
	/* Invalid UTF-8: bad, one byte at a time; a stray byte in 0x80..0x9F
	 * is a raw C1 control to an 8-bit terminal. */
	assert_string_equal(TOKENS("\xff\xe6\x97" "a"), "BAD ff | BAD e6 | C1 0x97 | TEXT \"a\"");
}

static void test_format_is_bounded(void **state)
{
	char small[8];
	struct vt_tok tok;
	const char s[] = "\033[1;2;3;4;5;6;7m";

	(void)state;
	vt_tok_next(s, sizeof(s) - 1, 0, &tok);
	vt_tok_format(s, &tok, false, small, sizeof(small));
	assert_string_equal(small, "CSI 1;2");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_and_c0),
		cmocka_unit_test(test_csi),
		cmocka_unit_test(test_esc),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_c1_both_encodings),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_format_is_bounded),
	};

	return cmocka_run_group_tests_name("vt-esc", tests, NULL, NULL);
}
