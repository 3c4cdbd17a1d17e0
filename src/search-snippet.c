/* search_snippet: a match in its context, on one line. */
#include <stdlib.h>
#include <string.h>

#include "lgma/search.h"
#include "lgma/text.h"
#include "lgma/xalloc.h"

enum {
	/* Bytes of context read on each side per column wanted: enough for
	 * ordinary text, and a bound on the work for a 16 MiB paragraph. */
	CONTEXT_BYTES_PER_COLUMN = 8,
	ELLIPSIS_COLS = sizeof(SEARCH_ELLIPSIS) - 1,
};

/* s[0..n) made display-safe on one line: runs of white space (tabs and line
 * breaks included) are one space. Returns a malloc'd string, *len bytes. */
static char *one_line(const char *s, size_t n, bool aw, size_t *len)
{
	char *out = xmalloc(n * TEXT_SANITIZE_GROWTH + 1);
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		struct text_glyph g;
		i += text_glyph_next(s + i, n - i, aw, &g);
		if (g.size == 1 && g.bytes[0] == ' ' && o > 0 && out[o - 1] == ' ')
			continue;
		memcpy(out + o, g.bytes, g.size);
		o += g.size;
	}
	out[o] = '\0';
	*len = o;
	return out;
}

static bool is_continuation(unsigned char c)
{
	return c >= 0x80 && c < 0xC0;
}

/* Bytes at the end of display-safe s[0..n) that fit in cols columns. */
static size_t fit_tail(const char *s, size_t n, int cols, bool aw, int *used)
{
	int total = text_width(s, n, aw);
	size_t i = 0;

	while (i < n && total > cols) {
		size_t g = text_grapheme_size(s + i, n - i);
		total -= text_grapheme_width(s + i, g, aw);
		i += g;
	}
	*used = total;
	return n - i;
}

static void append(char **p, const char *s, size_t n)
{
	memcpy(*p, s, n);
	*p += n;
}

/* The snippet with the match between open and close; *mark_start and
 * *mark_end get the match's bytes in the result. */
static char *snippet(const char *s, size_t n, size_t start, size_t end, int cols, bool aw, const char *open,
		     const char *close, size_t *mark_start, size_t *mark_end)
{
	size_t window, from, to, ln, mn, rn, lkeep, rkeep;
	char *left, *match, *right, *out, *p;
	int mw, budget, lw = 0, rw = 0;
	bool lcut, rcut;

	if (end > n)
		end = n;
	if (start > end)
		start = end;
	window = (size_t)(cols > 0 ? cols : 1) * CONTEXT_BYTES_PER_COLUMN;
	from = start > window ? start - window : 0;
	while (from < start && is_continuation((unsigned char)s[from]))
		from++;
	to = n - end > window ? end + window : n;
	while (to > end && to < n && is_continuation((unsigned char)s[to]))
		to--;

	left = one_line(s + from, start - from, aw, &ln);
	match = one_line(s + start, end - start, aw, &mn);
	right = one_line(s + end, to - end, aw, &rn);
	mw = text_width(match, mn, aw);
	budget = cols - mw > 0 ? cols - mw : 0;

	/* Half the room before the match; what the left side does not need
	 * goes to the right, and ellipses take room from their own side. */
	lkeep = fit_tail(left, ln, budget / 2, aw, &lw);
	lcut = lkeep < ln || from > 0;
	if (lcut) {
		lkeep = fit_tail(left, ln, budget / 2 - ELLIPSIS_COLS, aw, &lw);
		lw += ELLIPSIS_COLS;
	}
	rkeep = text_fit(right, rn, budget - lw, aw, &rw);
	rcut = rkeep < rn || to < n;
	if (rcut)
		rkeep = text_fit(right, rn, budget - lw - ELLIPSIS_COLS, aw, &rw);

	out = xmalloc(ln + mn + rn + 2 * ELLIPSIS_COLS + strlen(open) + strlen(close) + 1);
	p = out;
	if (lcut)
		append(&p, SEARCH_ELLIPSIS, ELLIPSIS_COLS);
	append(&p, left + ln - lkeep, lkeep);
	append(&p, open, strlen(open));
	*mark_start = (size_t)(p - out);
	append(&p, match, mn);
	*mark_end = (size_t)(p - out);
	append(&p, close, strlen(close));
	append(&p, right, rkeep);
	if (rcut)
		append(&p, SEARCH_ELLIPSIS, ELLIPSIS_COLS);
	*p = '\0';
	free(left);
	free(match);
	free(right);
	return out;
}

char *search_snippet(const char *s, size_t n, size_t start, size_t end, int cols, bool aw)
{
	size_t a, b;

	return snippet(s, n, start, end, cols, aw, SEARCH_MARK_OPEN, SEARCH_MARK_CLOSE, &a, &b);
}

char *search_snippet_plain(const char *s, size_t n, size_t start, size_t end, int cols, bool aw,
			   size_t *match_start, size_t *match_end)
{
	return snippet(s, n, start, end, cols, aw, "", "", match_start, match_end);
}
