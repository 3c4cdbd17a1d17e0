/* Finding bytes in bytes, fast: the search index's inner loop.
 *
 * glibc's memmem is slow for the short needles an incremental search types
 * first (2 to 4 bytes: 10 ms and more per 20 MB); this one compares the
 * needle's first and last byte at 16 positions at once (SSE2, which every
 * x86-64 has) and checks the rest only there. Elsewhere it is memmem. */
#ifndef LGMA_MEMFIND_H
#define LGMA_MEMFIND_H

#include <stddef.h>

/* The first occurrence of needle[0..m) in hay[0..n), or NULL. m >= 1. */
const char *memfind(const char *hay, size_t n, const char *needle, size_t m);

/* How many times byte c occurs in s[0..n) (memchr's speed). */
size_t memcount(const char *s, size_t n, char c);

#endif
