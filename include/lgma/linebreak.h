/* Line break opportunities: UAX #14 (libunistring) plus the Japanese
 * line-start rules that UAX #14 leaves out.
 *
 * libunistring keeps JIS X 4051 kinsoku in nearly every context: closing
 * brackets, 、。，．？！ and small kana never start a line, opening brackets
 * never end one. The gaps: after a space, where UAX #14 (LB18) allows a
 * break before the "non-starters" ・：；ー, small kana, iteration marks and
 * ゠〜‼⁇⁈⁉; and after a zero width space (never shown), where LB8 allows a
 * break before anything, 」 and 。 included. linebreak_find closes both.
 * It also applies LB29 (IS × AL: "e.g.", "example.com"), which libunistring
 * 1.0 leaves out. Units: bytes. */
#ifndef LGMA_LINEBREAK_H
#define LGMA_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Fills brk[0..n) for UTF-8 s[0..n) (invalid bytes allowed) with the values
 * of libunistring's u8_possible_linebreaks (UC_BREAK_*, unilbrk.h):
 * brk[i] == UC_BREAK_POSSIBLE allows a break between s[i-1] and s[i];
 * UC_BREAK_MANDATORY marks s[i] as a line break character (a break follows
 * it). Prohibits the breaks before Japanese non-starters described above. */
void linebreak_find(const char *s, size_t n, char *brk);

/* True for a character that JIS X 4051 never lets start a line but that
 * UAX #14 lets start one after a space. */
bool linebreak_is_nonstarter(uint32_t c);

/* For a break forced inside a run with no opportunity: true when UAX #14
 * would allow a line to end with the grapheme a[0..an) and the next to
 * start with b[0..bn) in ideographic text, i.e. neither is a closing or
 * opening mark that kinsoku keeps with its neighbour. */
bool linebreak_pair_ok(const char *a, size_t an, const char *b, size_t bn);

#endif
