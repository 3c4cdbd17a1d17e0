/* Folding: text as a reader means it, for search.
 *
 * A folded string is what a query is compared with. Both text and query are
 * folded the same way, unit by unit, where a unit is one grapheme cluster of
 * the original (or one invalid byte, or one run of white space):
 *
 *   - compatibility forms are unified (NFKD, then NFC at the end): full-width
 *     "ＣＯＰ" is "cop", half-width "ﾊﾟﾘ" is "パリ", "ﬁ" is "fi", "①" is "1",
 *     "㎞" is "km";
 *   - case is folded with Unicode's full, language-independent case folding:
 *     "ß" is "ss"; "İ" (dotted capital I) folds to "i" plus a combining dot,
 *     which accent stripping removes, so it matches "i"; the Turkish dotless
 *     "ı" has no case folding and stays "ı", so "ı" matches only "ı" and "I"
 *     matches "i" (not "ı");
 *   - accents are stripped: nonspacing marks of no script of their own
 *     (U+0300 combining accents, variation selectors, ...) are dropped, so
 *     "São" is "sao"; the kana voicing marks ゛゜ are kept ("バ" is not "ハ"),
 *     and so are marks that belong to a script (Devanagari vowel signs, ...);
 *   - hiragana is folded to katakana ("そうる" is "ソウル");
 *   - default-ignorable characters (soft hyphen, zero-width space, ...) and
 *     other format characters (U+0600 ARABIC NUMBER SIGN, ...), which the
 *     screen shows as nothing, are dropped; C0/C1 controls and invalid UTF-8
 *     become U+FFFD, which no ordinary query contains;
 *   - a run of white space is one space, except a run with two or more line
 *     breaks (a paragraph break), which is one '\n' so that no query matches
 *     across paragraphs, and a single line break between two Chinese or
 *     Japanese characters (wide, not Hangul), which is nothing: the layout
 *     engine joins such a soft break without a space, and "パリ\n協定" must
 *     be found as "パリ協定".
 *
 * The folded text never contains a NUL byte, so NUL can separate strings.
 *
 * The offset map: each unit of the original maps to the folded bytes it
 * became. Runs of units that fold one character to one character of the same
 * byte length (ASCII, most kana and kanji) share one "linear" segment; every
 * other unit is an "opaque" segment of its own, and any folded byte inside it
 * maps to the whole original unit. So a match maps back to whole original
 * characters (whole grapheme clusters), never into the middle of one. The
 * search (search.h) also refuses a match that would begin or end between
 * the two regional indicators of a flag: flags fold to themselves, in one
 * linear segment, and "🇯🇵" must not be found in "🇺🇯🇵🇸".
 *
 * Units: all offsets and lengths are bytes. */
#ifndef LGMA_FOLD_H
#define LGMA_FOLD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum {
	/* Longest original string folded (bytes): segment offsets are 31 bits.
	 * Longer strings are folded up to this length. The loader refuses
	 * files of more than 16 MiB, far below it. */
	FOLD_MAX_INPUT = 0x40000000,
};

/* One segment of the offset map, relative to the start of its string:
 * folded bytes [fold, next.fold) came from original bytes [orig, next.orig)
 * (the last segment ends at the string's ends). */
struct fold_seg {
	uint32_t fold;
	unsigned orig : 31;
	unsigned opaque : 1; /* one unit; else folded byte k <-> original byte k */
};

/* Growing buffers that hold many folded strings one after another, each
 * followed by a NUL byte, and their segments. */
struct fold_buf {
	char *text; /* malloc'd; owned */
	size_t length, capacity;
	struct fold_seg *segs; /* malloc'd; owned */
	size_t seg_count, seg_capacity;
};

/* One folded string inside a fold_buf: b->text[text, text + length) (NUL
 * after it) and b->segs[seg, seg + seg_count). */
struct fold_span {
	size_t text, length;
	size_t seg, seg_count;
	size_t orig_length; /* bytes of the original that were folded */
};

void fold_buf_init(struct fold_buf *b);
void fold_buf_fini(struct fold_buf *b);
/* Gives back the room kept for more appends. */
void fold_buf_shrink(struct fold_buf *b);
/* Bytes the buffers hold allocated, for benchmarks. */
size_t fold_buf_memory(const struct fold_buf *b);

/* Folds s[0..n) (any bytes) onto the end of b and describes it in *out. */
void fold_append(struct fold_buf *b, const char *s, size_t n, struct fold_span *out);

/* The original byte range [*orig_start, *orig_end) behind folded bytes
 * [start, end) of span (0 <= start < end <= sp->length, offsets relative to
 * the span): the whole units that the first and the last folded byte belong
 * to, and everything between them. */
void fold_to_orig(const struct fold_buf *b, const struct fold_span *sp, size_t start, size_t end,
		  size_t *orig_start, size_t *orig_end);

/* A folded query: q[0..n) without its controls (other than white space)
 * and invalid bytes, which no reader means to look for, folded as above,
 * then leading and trailing white space removed and any '\n' made a space. Returns a malloc'd NUL-terminated
 * string (caller frees), *len its length; empty when nothing is left to look
 * for (only spaces, marks or ignorable characters). */
char *fold_query(const char *q, size_t n, size_t *len);

#endif
