#include "lgma/linebreak.h"

#include <string.h>
#include <unictype.h>
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

/* After a zero width space UAX #14 (LB8) allows a break before anything,
 * even 」 or 。, and the space itself is never shown: keep every character
 * that could not start a line after an ideograph. */
static void keep_after_zwsp(const uint8_t *s, size_t n, size_t i, char *brk)
{
	char probe[3 + 4], pbrk[sizeof(probe)];
	int len;

	if (i >= n || brk[i] != UC_BREAK_POSSIBLE)
		return;
	len = u8_mblen(s + i, n - i);
	if (len <= 0)
		return;
	memcpy(probe, "\xE3\x81\x82", 3); /* あ */
	memcpy(probe + 3, s + i, (size_t)len);
	u8_possible_linebreaks((const uint8_t *)probe, 3 + (size_t)len, "UTF-8", pbrk);
	if (pbrk[3] != UC_BREAK_POSSIBLE)
		brk[i] = UC_BREAK_PROHIBITED;
	else
		keep_nonstarter(s, n, i, brk);
}

/* True when libunistring allows a break between a[0..an) and b[0..bn). */
static bool may_break_between(const char *a, size_t an, const uint8_t *b, size_t bn)
{
	char buf[8 + 4], brk[sizeof(buf)];

	memcpy(buf, a, an);
	memcpy(buf + an, b, bn);
	u8_possible_linebreaks((const uint8_t *)buf, an + bn, "UTF-8", brk);
	return brk[an] == UC_BREAK_POSSIBLE;
}

/* Line_Break AL or HL (letters and ordinary symbols), which libunistring
 * knows but does not tell: it is the one class that holds to a letter on
 * both sides (LB28), lets an ideograph break on both sides (LB31) and may
 * follow a hyphen (LB21). */
static bool is_alphabetic(const uint8_t *c, size_t len)
{
	static const char ideo[] = "\xE3\x81\x82"; /* あ */

	if (len == 1 && ((c[0] | 0x20) >= 'a' && (c[0] | 0x20) <= 'z'))
		return true;
	return !may_break_between("a", 1, c, len) && may_break_between(ideo, 3, c, len) &&
	       may_break_between("-", 1, c, len) &&
	       !may_break_between((const char *)c, len, (const uint8_t *)"a", 1) &&
	       may_break_between((const char *)c, len, (const uint8_t *)ideo, 3);
}

/* Line_Break IS (UAX #14 table 1): the separators of "e.g." and "1,000". */
static bool is_infix_separator(ucs4_t c)
{
	switch (c) {
	case 0x002C: case 0x002E: case 0x003A: case 0x003B: case 0x037E: case 0x0589: case 0x060C:
	case 0x060D: case 0x07F8: case 0x2044: case 0xFE10: case 0xFE13: case 0xFE14:
		return true;
	default:
		return false;
	}
}

/* The first bytes of the IS characters in UTF-8: a table, because this
 * test runs on every byte of the text. */
static const bool infix_lead[256] = {
	['.'] = true, [','] = true, [':'] = true, [';'] = true, [0xCD] = true,
	[0xD6] = true, [0xD8] = true, [0xDF] = true, [0xE2] = true, [0xEF] = true,
};

/* LB29, IS × (AL | HL): "e.g." and "example.com" hold together. libunistring
 * 1.0 leaves this rule out and breaks after the dot. */
static void keep_infix(const uint8_t *s, size_t n, char *brk)
{
	for (size_t j = 0; j < n; j++) {
		ucs4_t c;
		int len;
		size_t i;
		if (!infix_lead[s[j]])
			continue;
		len = u8_mbtoucr(&c, s + j, n - j);
		if (len <= 0 || !is_infix_separator(c))
			continue;
		/* combining marks after IS belong to it (LB9) */
		for (i = j + (size_t)len; i < n && (len = u8_mbtoucr(&c, s + i, n - i)) > 0 &&
					  uc_is_general_category(c, UC_CATEGORY_M);)
			i += (size_t)len;
		if (i < n && brk[i] == UC_BREAK_POSSIBLE && (len = u8_mblen(s + i, n - i)) > 0 &&
		    is_alphabetic(s + i, (size_t)len))
			brk[i] = UC_BREAK_PROHIBITED;
	}
}

void linebreak_find(const char *str, size_t n, char *brk)
{
	static const char zwsp[] = "\xE2\x80\x8B";
	const uint8_t *s = (const uint8_t *)str;
	const char *p;

	u8_possible_linebreaks(s, n, "UTF-8", brk);
	keep_infix(s, n, brk);
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
		keep_after_zwsp(s, n, (size_t)(p - str), brk);
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
