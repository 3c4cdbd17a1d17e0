#define _GNU_SOURCE /* memmem */
/* Fuzz target: search folding and matching (fold.h, search.h, memfind.h)
 * on any text and any query.
 *
 * Input: byte 0 is the query's length (at most the bytes there are), byte 1
 * the snippet's columns (bits 0-6) and ambiguous_wide (bit 7); then the
 * query, then the text.
 *
 * Asserted:
 *   - folded text and folded queries are valid UTF-8 without NUL; a folded
 *     query has no '\n' and no space at either end (fold.h);
 *   - the offset map: segments start on boundaries of the original's units
 *     (grapheme clusters as libunistring cuts them, each invalid byte on its
 *     own) in increasing order, a linear segment folds each byte to one
 *     byte, and fold_to_orig of every folded character is a range of whole
 *     units, never decreasing;
 *   - search_text's hits lie in the ORIGINAL text, start and end on unit
 *     boundaries, in order and not overlapping, and the original bytes of
 *     each, folded as a query, hold the query (unless the query holds
 *     U+FFFD, which a control in the text also folds to);
 *   - a query of valid UTF-8 with no control but tab and no line break finds
 *     itself: in itself, and between two controls anywhere in the text
 *     (controls are cluster breaks on both sides, so context cannot change
 *     how the query's own characters fold);
 *   - memfind finds what a byte-by-byte search finds, in the raw and in the
 *     folded bytes;
 *   - snippets of hits are display-safe, their match inside them (and not
 *     empty unless text.h shows the match as nothing), and they
 *     are not much wider than asked (search.h: more when the match alone is
 *     wider). */
#include <stdlib.h>
#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

#include "fuzz.h"
#include "lgma/fold.h"
#include "lgma/memfind.h"
#include "lgma/search.h"
#include "lgma/text.h"

enum { MAX_SNIPPETS = 4 };

/* brk[i] (i in [0, n]): original offset i is between two units. */
static char *unit_boundaries(const char *s, size_t n)
{
	const uint8_t *u = (const uint8_t *)s;
	char *brk = calloc(n + 1, 1);

	if (brk == NULL)
		abort();
	brk[0] = brk[n] = 1;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		ucs4_t c;
		int len;
		while (j < n && (len = u8_mbtoucr(&c, u + j, n - j)) > 0)
			j += (size_t)len;
		if (j > i) {
			u8_grapheme_breaks(u + i, j - i, brk + i);
			brk[i] = 1;
		}
		if (j < n) { /* an invalid byte: a unit of its own */
			brk[j] = brk[j + 1] = 1;
			j++;
		}
		i = j;
	}
	return brk;
}

static void check_folded_string(const char *s, size_t n, const char *what)
{
	FUZZ_CHECK(u8_check((const uint8_t *)s, n) == NULL, "%s: invalid UTF-8", what);
	FUZZ_CHECK(memchr(s, '\0', n) == NULL, "%s: a NUL byte", what);
	FUZZ_CHECK(s[n] == '\0', "%s: not terminated", what);
}

static size_t seg_end(const struct fold_buf *b, const struct fold_span *sp, size_t k, bool fold)
{
	if (k + 1 < sp->seg_count)
		return fold ? b->segs[sp->seg + k + 1].fold : b->segs[sp->seg + k + 1].orig;
	return fold ? sp->length : sp->orig_length;
}

static void check_map(const struct fold_buf *b, const struct fold_span *sp, const char *brk, size_t n)
{
	const char *folded = b->text + sp->text;
	size_t last_start = 0, last_end = 0;

	check_folded_string(folded, sp->length, "folded text");
	FUZZ_CHECK(sp->orig_length == n, "folded %zu of %zu bytes", sp->orig_length, n);
	FUZZ_CHECK(sp->length == 0 || sp->seg_count > 0, "%zu folded bytes, no segment", sp->length);
	for (size_t k = 0; k < sp->seg_count; k++) {
		const struct fold_seg *s = &b->segs[sp->seg + k];
		size_t fe = seg_end(b, sp, k, true), oe = seg_end(b, sp, k, false);
		FUZZ_CHECK(k > 0 || (s->fold == 0 && s->orig == 0), "the first segment starts at %u, %u", s->fold,
			   (unsigned)s->orig);
		FUZZ_CHECK(s->fold <= fe && fe <= sp->length && s->orig < oe && oe <= n,
			   "segment %zu: folded [%u, %zu), original [%u, %zu) of %zu", k, s->fold, fe,
			   (unsigned)s->orig, oe, n);
		FUZZ_CHECK(brk[s->orig] && brk[oe], "segment %zu: original [%u, %zu) cuts a unit", k,
			   (unsigned)s->orig, oe);
		if (!s->opaque)
			FUZZ_CHECK(fe - s->fold == oe - s->orig, "linear segment %zu: %zu folded bytes for %zu", k,
				   fe - s->fold, oe - s->orig);
	}
	for (size_t i = 0; i < sp->length;) {
		int len = u8_mblen((const uint8_t *)folded + i, sp->length - i);
		size_t os, oe;
		FUZZ_CHECK(len > 0, "folded byte %zu starts no character", i);
		fold_to_orig(b, sp, i, i + (size_t)len, &os, &oe);
		FUZZ_CHECK(os < oe && oe <= n && brk[os] && brk[oe],
			   "folded [%zu, %zu) maps to [%zu, %zu) of %zu, not whole units", i, i + (size_t)len, os, oe,
			   n);
		FUZZ_CHECK(os >= last_start && oe >= last_end, "folded %zu maps to [%zu, %zu) after [%zu, %zu)", i,
			   os, oe, last_start, last_end);
		last_start = os;
		last_end = oe;
		i += (size_t)len;
	}
}

static void check_query(const char *q, size_t n, const struct search_query *query)
{
	size_t len, qlen;
	char *f = fold_query(q, n, &len);
	const char *sq = search_query_folded(query, &qlen);

	check_folded_string(f, len, "folded query");
	FUZZ_CHECK(memchr(f, '\n', len) == NULL, "folded query holds a line break");
	FUZZ_CHECK(len == 0 || (f[0] != ' ' && f[len - 1] != ' '), "folded query \"%s\" has a space at an end", f);
	FUZZ_CHECK(qlen == len && memcmp(sq, f, len) == 0 && search_query_is_empty(query) == (len == 0),
		   "search_query_new and fold_query differ");
	free(f);
}

static const char *naive_find(const char *h, size_t n, const char *nd, size_t m)
{
	for (size_t i = 0; m <= n && i <= n - m; i++)
		if (memcmp(h + i, nd, m) == 0)
			return h + i;
	return NULL;
}

static void check_memfind(const char *h, size_t n, const char *nd, size_t m)
{
	if (m == 0)
		return;
	FUZZ_CHECK(memfind(h, n, nd, m) == naive_find(h, n, nd, m), "memfind of %zu bytes in %zu: %p, not %p", m, n,
		   (const void *)memfind(h, n, nd, m), (const void *)naive_find(h, n, nd, m));
}

static void check_snippets(const char *s, size_t n, const struct search_hit *h, int cols, bool aw)
{
	size_t ms, me, len, shown_len;
	char *shown, *plain = search_snippet_plain(s, n, h->start, h->end, cols, aw, &ms, &me);
	char *marked = search_snippet(s, n, h->start, h->end, cols, aw);
	int match_cols, w;

	len = strlen(plain);
	FUZZ_CHECK(ms <= me && me <= len, "snippet match [%zu, %zu) of %zu bytes", ms, me, len);
	fuzz_check_safe(plain, len, aw, "plain snippet");
	fuzz_check_safe(marked, strlen(marked), aw, "snippet");
	/* A match that text.h shows as nothing (a lone U+0600, which it
	 * drops) has nothing to show. */
	shown = text_sanitize(s + h->start, h->end - h->start, aw, &shown_len);
	FUZZ_CHECK(me > ms || shown_len == 0, "the snippet of hit [%zu, %zu) shows no match", h->start, h->end);
	free(shown);
	match_cols = text_width(plain + ms, me - ms, aw);
	w = text_width(plain, len, aw);
	FUZZ_CHECK(w <= (cols > match_cols ? cols : match_cols) + 2 * (int)strlen(SEARCH_ELLIPSIS),
		   "snippet of %d columns for %d (match %d)", w, cols, match_cols);
	FUZZ_CHECK(strlen(marked) == len + strlen(SEARCH_MARK_OPEN) + strlen(SEARCH_MARK_CLOSE) &&
			   memcmp(marked + ms, SEARCH_MARK_OPEN, strlen(SEARCH_MARK_OPEN)) == 0,
		   "marked and plain snippets differ");
	free(plain);
	free(marked);
}

/* Checks the hits of query in s[0..n); returns their number. */
static size_t check_hits(const struct search_query *query, const char *s, size_t n, bool query_has_fffd,
			 int cols, bool aw)
{
	struct search_results r;
	char *brk = unit_boundaries(s, n);
	size_t count, qlen;
	const char *q = search_query_folded(query, &qlen);

	search_results_init(&r);
	count = search_text(query, s, n, &r);
	FUZZ_CHECK(count == r.count && !r.truncated, "%zu hits, %zu in the list", count, r.count);
	FUZZ_CHECK(qlen > 0 || count == 0, "an empty query matched");
	for (size_t i = 0; i < count; i++) {
		const struct search_hit *h = &r.hits[i];
		FUZZ_CHECK(h->kind == SEARCH_TEXT && h->field == SEARCH_BODY && h->lang == SEARCH_NO_LANG &&
				   h->item == 0 && h->line == 0,
			   "hit %zu: kind %d, field %d", i, (int)h->kind, (int)h->field);
		FUZZ_CHECK(h->start < h->end && h->end <= n, "hit %zu: [%zu, %zu) of %zu", i, h->start, h->end, n);
		FUZZ_CHECK(brk[h->start] && brk[h->end], "hit %zu: [%zu, %zu) cuts a unit", i, h->start, h->end);
		FUZZ_CHECK(i == 0 || r.hits[i - 1].end <= h->start, "hit %zu [%zu, %zu) overlaps [%zu, %zu)", i,
			   h->start, h->end, r.hits[i - 1].start, r.hits[i - 1].end);
		if (!query_has_fffd) {
			size_t flen;
			char *f = fold_query(s + h->start, h->end - h->start, &flen);
			FUZZ_CHECK(memmem(f, flen, q, qlen) != NULL, "hit %zu: [%zu, %zu) folds to \"%s\", not \"%s\"", i,
				   h->start, h->end, f, q);
			free(f);
		}
		if (i < MAX_SNIPPETS)
			check_snippets(s, n, h, cols, aw);
	}
	search_results_fini(&r);
	free(brk);
	return count;
}

/* Typed text that folds, as a query and as text, to the same characters:
 * valid UTF-8 with no control but tab, no line or paragraph separator and
 * no U+FFFD (which controls in a text fold to). */
static bool plain_query(const char *q, size_t n)
{
	const uint8_t *u = (const uint8_t *)q;

	if (u8_check(u, n) != NULL)
		return false;
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		i += (size_t)u8_mbtouc(&c, u + i, n - i);
		if ((c < 0x20 && c != '\t') || (c >= 0x7f && c < 0xa0) || c == 0x2028 || c == 0x2029 || c == 0xFFFD)
			return false;
	}
	return true;
}

static void check_finds_itself(const struct search_query *query, const char *q, size_t qn, const char *t,
			       size_t tn, int cols, bool aw)
{
	struct search_results r;
	size_t at = tn / 2, n = tn + qn + 2, found = 0;
	char *s = malloc(n);

	if (s == NULL)
		abort();
	FUZZ_CHECK(check_hits(query, q, qn, false, cols, aw) > 0, "\"%.*s\" does not find itself", (int)qn, q);
	/* The text's first half, a control, the query, a control, the rest. */
	memcpy(s, t, at);
	s[at] = '\x01';
	memcpy(s + at + 1, q, qn);
	s[at + 1 + qn] = '\x01';
	memcpy(s + at + 2 + qn, t + at, tn - at);
	check_hits(query, s, n, false, cols, aw);
	search_results_init(&r);
	search_text(query, s, n, &r);
	for (size_t i = 0; i < r.count; i++)
		found += r.hits[i].start >= at + 1 && r.hits[i].end <= at + 1 + qn;
	FUZZ_CHECK(found > 0, "\"%.*s\" not found between controls at byte %zu", (int)qn, q, at + 1);
	search_results_fini(&r);
	free(s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *q, *t;
	size_t qn, tn, flen;
	int cols;
	bool aw, fffd;
	struct fold_buf b;
	struct fold_span sp;
	struct search_query *query;
	char *brk;
	const char *folded_q;

	if (size < 2)
		return 0;
	qn = data[0] < size - 2 ? data[0] : size - 2;
	cols = data[1] & 0x7f;
	aw = (data[1] & 0x80) != 0;
	q = (const char *)data + 2;
	t = q + qn;
	tn = size - 2 - qn;

	fold_buf_init(&b);
	fold_append(&b, t, tn, &sp);
	brk = unit_boundaries(t, tn);
	check_map(&b, &sp, brk, tn);
	free(brk);

	query = search_query_new(q, qn);
	check_query(q, qn, query);
	folded_q = search_query_folded(query, &flen);
	check_memfind(t, tn, q, qn);
	check_memfind(b.text + sp.text, sp.length, folded_q, flen);
	fffd = memmem(folded_q, flen, "\xEF\xBF\xBD", 3) != NULL;
	check_hits(query, t, tn, fffd, cols, aw);
	if (flen > 0 && plain_query(q, qn))
		check_finds_itself(query, q, qn, t, tn, cols, aw);
	search_query_free(query);
	fold_buf_fini(&b);
	return 0;
}
