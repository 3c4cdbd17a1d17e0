#define _GNU_SOURCE /* memmem */
#include "lgma/memfind.h"

#include <string.h>

#if defined(__SSE2__)
#include <emmintrin.h>

const char *memfind(const char *hay, size_t n, const char *needle, size_t m)
{
	const __m128i first = _mm_set1_epi8(needle[0]), last = _mm_set1_epi8(needle[m - 1]);
	size_t i = 0, end;

	if (m > n)
		return NULL;
	if (m == 1)
		return memchr(hay, needle[0], n);
	end = n - m + 1; /* candidate starts: [0, end) */
	for (; i + 16 <= end; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(hay + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)(hay + i + m - 1));
		unsigned mask = (unsigned)_mm_movemask_epi8(
			_mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));

		while (mask != 0) {
			size_t at = i + (size_t)__builtin_ctz(mask);
			if (memcmp(hay + at + 1, needle + 1, m - 2) == 0)
				return hay + at;
			mask &= mask - 1;
		}
	}
	for (; i < end; i++)
		if (hay[i] == needle[0] && memcmp(hay + i + 1, needle + 1, m - 1) == 0)
			return hay + i;
	return NULL;
}

#else

const char *memfind(const char *hay, size_t n, const char *needle, size_t m)
{
	return memmem(hay, n, needle, m);
}

#endif

size_t memcount(const char *s, size_t n, char c)
{
	size_t count = 0;

	for (const char *end = s + n; (s = memchr(s, c, (size_t)(end - s))) != NULL; s++)
		count++;
	return count;
}
