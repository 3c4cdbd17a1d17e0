/* memfind agrees with the obvious search on every needle and haystack
 * shape: needles at the very start and end, of 1 to 40 bytes, in
 * haystacks shorter and longer than one 16-byte block. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "lgma/memfind.h"

static const char *naive(const char *hay, size_t n, const char *needle, size_t m)
{
	for (size_t i = 0; i + m <= n; i++) {
		size_t k = 0;
		while (k < m && hay[i + k] == needle[k])
			k++;
		if (k == m)
			return hay + i;
	}
	return NULL;
}

static uint32_t rng_state = 7;

static uint32_t rng(void)
{
	rng_state = rng_state * 1103515245u + 12345u;
	return rng_state >> 8;
}

static void test_agrees_with_naive(void **state)
{
	char hay[200], needle[40];

	(void)state;
	for (int round = 0; round < 200000; round++) {
		size_t n = rng() % sizeof(hay), m = 1 + rng() % sizeof(needle);
		/* A small alphabet (with bytes >= 0x80) makes partial matches common. */
		for (size_t i = 0; i < n; i++)
			hay[i] = "ab\xE3\x81"[rng() % 4];
		if (n > 0 && rng() % 2) { /* a needle cut from the haystack */
			size_t at = rng() % n;
			if (m > n - at)
				m = n - at;
			memcpy(needle, hay + at, m);
		} else {
			for (size_t i = 0; i < m; i++)
				needle[i] = "ab\xE3\x81"[rng() % 4];
		}
		assert_ptr_equal(memfind(hay, n, needle, m), naive(hay, n, needle, m));
	}
}

static void test_edges(void **state)
{
	static const char hay[] = "0123456789abcdefXYZ";

	(void)state;
	assert_ptr_equal(memfind(hay, 19, "XYZ", 3), hay + 16);	 /* last bytes */
	assert_ptr_equal(memfind(hay, 18, "XYZ", 3), NULL);	 /* one byte short */
	assert_ptr_equal(memfind(hay, 19, "0", 1), hay);
	assert_ptr_equal(memfind(hay, 0, "0", 1), NULL);
	assert_ptr_equal(memfind(hay, 2, "012", 3), NULL);	 /* needle longer */
	assert_ptr_equal(memfind(hay, 19, "fX", 2), hay + 15);	 /* across a block */
}

/* memcount counts every byte, the first and the last included, and
 * nothing past n. */
static void test_count(void **state)
{
	static const char s[] = "\nab\n\ncd\n";

	(void)state;
	assert_int_equal(memcount(s, 8, '\n'), 4);
	assert_int_equal(memcount(s, 7, '\n'), 3);
	assert_int_equal(memcount(s + 1, 6, '\n'), 2);
	assert_int_equal(memcount(s, 8, 'x'), 0);
	assert_int_equal(memcount(s, 0, '\n'), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_agrees_with_naive),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_count),
	};

	return cmocka_run_group_tests_name("memfind", tests, NULL, NULL);
}
