#include "lgma/linebreak.h"

#include <string.h>
#include <unilbrk.h>
#include <unistr.h>

/* The Japanese non-starters whose line-start prohibition UAX #14 drops after
 * a space (LB18 comes before LB21). Everything else kinsoku asks for,
 * libunistring already does: see tests/unit/test-linebreak.c. */
bool linebreak_is_nonstarter(uint32_t c)
{
	if ((c >= 0x31F0 && c <= 0x31FF) || (c >= 0xFF67 && c <= 0xFF6F)) /* ㇰ..ㇿ ｧ..ｯ */
		return true;
	switch (c) {
	case 0x203C: case 0x2047: case 0x2048: case 0x2049:		/* ‼ ⁇ ⁈ ⁉ */
	case 0x3005: case 0x303B: case 0x309D: case 0x309E: case 0x30FD: case 0x30FE: /* 々 〻 ゝ ゞ ヽ ヾ */
	case 0x301C: case 0x30A0:					/* 〜 ゠ */
	case 0x30FB: case 0x30FC: case 0xFF1A: case 0xFF1B: case 0xFF65: case 0xFF70: /* ・ ー ： ； ･ ｰ */
	/* small hiragana and katakana */
	case 0x3041: case 0x3043: case 0x3045: case 0x3047: case 0x3049: case 0x3063:
	case 0x3083: case 0x3085: case 0x3087: case 0x308E: case 0x3095: case 0x3096:
	case 0x30A1: case 0x30A3: case 0x30A5: case 0x30A7: case 0x30A9: case 0x30C3:
	case 0x30E3: case 0x30E5: case 0x30E7: case 0x30EE: case 0x30F5: case 0x30F6:
	case 0x1B132: case 0x1B150: case 0x1B151: case 0x1B152: case 0x1B155:
	case 0x1B164: case 0x1B165: case 0x1B166: case 0x1B167:
		return true;
	default:
		return false;
	}
}

/* Prohibits a break at s[i] if a non-starter starts there. */
static void keep_nonstarter(const uint8_t *s, size_t n, size_t i, char *brk)
{
	ucs4_t c;

	if (i < n && brk[i] == UC_BREAK_POSSIBLE && s[i] >= 0xE2 && u8_mbtoucr(&c, s + i, n - i) > 0 &&
	    linebreak_is_nonstarter(c))
		brk[i] = UC_BREAK_PROHIBITED;
}

void linebreak_find(const char *str, size_t n, char *brk)
{
	static const char zwsp[] = "\xE2\x80\x8B";
	const uint8_t *s = (const uint8_t *)str;
	const char *p;

	u8_possible_linebreaks(s, n, "UTF-8", brk);
	/* UAX #14 lets a non-starter start a line only after a space (LB18)
	 * or a zero width space (LB8), so only those places need a look. */
	for (p = memchr(str, ' ', n); p != NULL; p = memchr(p, ' ', n - (size_t)(p - str))) {
		while ((size_t)(p - str) < n && *p == ' ')
			p++;
		keep_nonstarter(s, n, (size_t)(p - str), brk);
	}
	for (p = memchr(str, zwsp[0], n); p != NULL; p = memchr(p, zwsp[0], n - (size_t)(p - str))) {
		if (n - (size_t)(p - str) < 3 || memcmp(p, zwsp, 3) != 0) {
			p++;
			continue;
		}
		p += 3;
		while ((size_t)(p - str) < n && *p == ' ')
			p++;
		keep_nonstarter(s, n, (size_t)(p - str), brk);
	}
}

static size_t first_char_size(const char *s, size_t n)
{
	int len = u8_mblen((const uint8_t *)s, n);

	return len > 0 ? (size_t)len : 1;
}

bool linebreak_pair_ok(const char *a, size_t an, const char *b, size_t bn)
{
	/* "a あ b": the break after a and the break before b are each judged
	 * against ordinary ideographic text, so Latin letters pass and only
	 * marks that kinsoku binds to their neighbour fail. */
	static const char ideo[] = "\xE3\x81\x82"; /* あ */
	char buf[2 * 16 + 3], brk[sizeof(buf)];

	if (an == 0 || bn == 0)
		return true;
	/* A long cluster takes its class from its first character (LB9). */
	if (an > 16)
		an = first_char_size(a, an);
	if (bn > 16)
		bn = first_char_size(b, bn);
	memcpy(buf, a, an);
	memcpy(buf + an, ideo, 3);
	memcpy(buf + an + 3, b, bn);
	linebreak_find(buf, an + 3 + bn, brk);
	return brk[an] == UC_BREAK_POSSIBLE && brk[an + 3] == UC_BREAK_POSSIBLE;
}
