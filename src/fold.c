#include "lgma/fold.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <unictype.h>
#include <unigbrk.h>
#include <uninorm.h>
#include <unistr.h>

#include "lgma/text.h"
#include "lgma/xalloc.h"

static const uint8_t REPLACEMENT[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Folding one string: where its units are going. */
struct folder {
	struct fold_buf *b;
	struct fold_span *sp;
	const uint8_t *src;
	bool linear_open; /* the last segment is linear and may grow */
	/* the pending run of white space, [space_start, space_end) */
	bool in_space;
	size_t space_start, space_end;
	int newlines;
	ucs4_t before_space; /* first character of the unit before the run, or 0 */
};

void fold_buf_init(struct fold_buf *b)
{
	memset(b, 0, sizeof(*b));
}

void fold_buf_fini(struct fold_buf *b)
{
	free(b->text);
	free(b->segs);
	memset(b, 0, sizeof(*b));
}

void fold_buf_shrink(struct fold_buf *b)
{
	if (b->length > 0) {
		b->text = xreallocarray(b->text, b->length, 1);
		b->capacity = b->length;
	}
	if (b->seg_count > 0) {
		b->segs = xreallocarray(b->segs, b->seg_count, sizeof(b->segs[0]));
		b->seg_capacity = b->seg_count;
	}
}

size_t fold_buf_memory(const struct fold_buf *b)
{
	return b->capacity + b->seg_capacity * sizeof(b->segs[0]);
}

static void put_bytes(struct fold_buf *b, const void *bytes, size_t n)
{
	if (n == 0)
		return;
	if (b->length + n + 1 > b->capacity) {
		size_t cap = b->capacity ? b->capacity : 4096;
		while (b->length + n + 1 > cap)
			cap *= 2;
		b->text = xreallocarray(b->text, cap, 1);
		b->capacity = cap;
	}
	memcpy(b->text + b->length, bytes, n);
	b->length += n;
}

static void put_seg(struct folder *f, size_t orig, bool opaque)
{
	struct fold_buf *b = f->b;

	if (b->seg_count == b->seg_capacity) {
		b->seg_capacity = b->seg_capacity ? b->seg_capacity * 2 : 256;
		b->segs = xreallocarray(b->segs, b->seg_capacity, sizeof(b->segs[0]));
	}
	b->segs[b->seg_count++] = (struct fold_seg){
		.fold = (uint32_t)(b->length - f->sp->text),
		.orig = (unsigned)orig,
		.opaque = opaque,
	};
	f->linear_open = !opaque;
}

/* Original [start, end) became folded[0..n). */
static void emit(struct folder *f, size_t start, size_t end, const uint8_t *folded, size_t n, bool linear)
{
	if (!linear || !f->linear_open)
		put_seg(f, start, !linear);
	put_bytes(f->b, folded, n);
}

/* ---- one grapheme cluster ---- */

static bool is_kana_voicing(ucs4_t c)
{
	return c == 0x3099 || c == 0x309A;
}

/* Accents: nonspacing marks that belong to no script of their own. And
 * format characters, ignorable or not (U+0600 ARABIC NUMBER SIGN, U+FFF9
 * INTERLINEAR ANNOTATION ANCHOR): the screen shows them as nothing (text.h),
 * and a match made of nothing would have nothing to highlight. */
static bool is_dropped(ucs4_t c)
{
	if (uc_is_property_default_ignorable_code_point(c) || uc_is_general_category(c, UC_CATEGORY_Cf))
		return true;
	if (!uc_is_general_category(c, UC_CATEGORY_Mn) || is_kana_voicing(c))
		return false;
	const uc_script_t *script = uc_script(c);
	return script != NULL && strcmp(script->name, "Inherited") == 0;
}

static ucs4_t fold_kana(ucs4_t c)
{
	if ((c >= 0x3041 && c <= 0x3096) || c == 0x309D || c == 0x309E)
		return c + 0x60;
	return c;
}

/* Characters that fold to themselves one by one: a fast path past
 * libunistring for the bulk of Japanese text. */
static bool folds_to_itself(ucs4_t c)
{
	return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x30A1 && c <= 0x30FA) || c == 0x30FC || c == 0x3001 || c == 0x3002;
}

/* Frees what libunistring returned unless it is the caller's buffer. */
static void release(uint8_t *p, const uint8_t *buf)
{
	if (p != buf)
		free(p);
}

/* The folded form of one valid cluster s[0..n), into a malloc'd or the
 * caller's buffer (out, *len; size of out in *len on entry). */
static uint8_t *fold_cluster(const uint8_t *s, size_t n, uint8_t *out, size_t *len)
{
	uint8_t buf1[256], buf2[256];
	size_t n1 = sizeof(buf1), n2 = sizeof(buf2), k = 0;
	uint8_t *d = u8_normalize(UNINORM_NFKD, s, n, buf1, &n1);
	uint8_t *cf;

	if (d == NULL)
		abort(); /* only ENOMEM: valid input was checked */
	cf = u8_casefold(d, n1, NULL, UNINORM_NFKD, buf2, &n2);
	release(d, buf1);
	if (cf == NULL)
		abort();
	for (size_t i = 0; i < n2;) {
		ucs4_t c;
		int l = u8_mbtoucr(&c, cf + i, n2 - i);
		i += (size_t)l;
		if (is_dropped(c))
			continue;
		k += (size_t)u8_uctomb(cf + k, fold_kana(c), 6); /* same length: in place */
	}
	uint8_t *r = u8_normalize(UNINORM_NFC, cf, k, out, len);
	release(cf, buf2);
	if (r == NULL)
		abort();
	return r;
}

static void fold_unit(struct folder *f, size_t start, size_t end, ucs4_t first)
{
	const uint8_t *s = f->src + start;
	size_t n = end - start;
	uint8_t out[256];
	size_t len = sizeof(out);
	uint8_t *r;
	bool one_char = (size_t)u8_mblen(s, n) == n;

	if (one_char && folds_to_itself(first)) {
		emit(f, start, end, s, n, true);
		return;
	}
	if (one_char && fold_kana(first) != first) {
		uint8_t k[4];
		u8_uctomb(k, fold_kana(first), 4);
		emit(f, start, end, k, n, true);
		return;
	}
	r = fold_cluster(s, n, out, &len);
	emit(f, start, end, r, len, one_char && len == n && (size_t)u8_mblen(r, len) == len);
	release(r, out);
}

/* ---- white space ---- */

/* Chinese or Japanese, as the layout engine joins soft breaks: wide, and
 * not Hangul (Korean separates words with spaces). */
static bool is_cj(ucs4_t c)
{
	const uc_script_t *script;

	if (c == 0 || text_char_width(c, false) != 2)
		return false;
	script = uc_script(c);
	return script == NULL || strcmp(script->name, "Hangul") != 0;
}

/* Ends the pending run of white space; next is the first character after
 * it (0 at the end of the string). */
static void end_space(struct folder *f, ucs4_t next)
{
	static const uint8_t space = ' ', para = '\n';
	size_t n = f->space_end - f->space_start;

	if (!f->in_space)
		return;
	f->in_space = false;
	if (f->newlines >= 2)
		emit(f, f->space_start, f->space_end, &para, 1, false);
	else if (f->newlines == 1 && is_cj(f->before_space) && is_cj(next))
		emit(f, f->space_start, f->space_end, NULL, 0, false);
	else
		emit(f, f->space_start, f->space_end, &space, 1, n == 1);
}

static int line_breaks(const uint8_t *s, size_t n, ucs4_t c)
{
	if (c == 0x2029)
		return 2;
	if (c == '\r')
		return n > 1 && s[1] == '\n' ? 1 : (n == 1 ? 1 : 0);
	return c == '\n' || c == 0x85 || c == 0x2028 || c == '\v' || c == '\f';
}

static void add_space(struct folder *f, size_t start, size_t end, ucs4_t c)
{
	if (!f->in_space) {
		f->in_space = true;
		f->space_start = start;
		f->newlines = 0;
	}
	f->space_end = end;
	f->newlines += line_breaks(f->src + start, end - start, c);
}

/* ---- the string ---- */

/* Whether valid s[0..n) ends in a regional indicator and holds an odd
 * number of them. */
static bool odd_indicator_at_end(const uint8_t *s, size_t n)
{
	size_t count = 0;
	bool last = false;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, s + i, n - i);
		if (len <= 0)
			return false;
		last = uc_is_property_regional_indicator(c);
		count += last;
		i += (size_t)len;
	}
	return last && count % 2 == 1;
}

/* Whether valid s[0..n) holds an emoji (after a prepended mark, say). */
static bool has_pictographic(const uint8_t *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int len = u8_mbtoucr(&c, s + i, n - i);
		if (len <= 0)
			return false;
		if (uc_is_property_extended_pictographic(c))
			return true;
		i += (size_t)len;
	}
	return false;
}

/* libunistring 1.0's u8_grapheme_next decides each boundary from two
 * characters alone, so it parts the two regional indicators of a flag and
 * ends a cluster after a zero-width joiner that leads to an emoji (Unicode's
 * rules GB11 to GB13 look further back). Units are what a match may not cut:
 * put those back together. The cluster at start ends at end. */
static size_t join_emoji(const uint8_t *s, size_t start, size_t end, size_t n)
{
	ucs4_t c;

	/* A cluster that ends in an indicator without its partner (a lone
	 * one, or one after a prepended mark) takes the next indicator. */
	if (end < n && u8_mbtoucr(&c, s + end, n - end) > 0 && uc_is_property_regional_indicator(c) &&
	    odd_indicator_at_end(s + start, end - start))
		end = (size_t)(u8_grapheme_next(s + end, s + n) - s);
	/* An emoji, a joiner, an emoji: one cluster (the emoji check last, as
	 * it reads the whole cluster). */
	while (end < n && u8_prev(&c, s + end, s + start) != NULL && c == 0x200D &&
	       u8_mbtoucr(&c, s + end, n - end) > 0 && uc_is_property_extended_pictographic(c) &&
	       has_pictographic(s + start, end - start))
		end = (size_t)(u8_grapheme_next(s + end, s + n) - s);
	return end;
}

/* The next unit at s[i..n): its end, and its first character (0xFFFD for an
 * invalid byte). */
static size_t next_unit(const uint8_t *s, size_t i, size_t n, ucs4_t *first)
{
	int l = u8_mbtoucr(first, s + i, n - i);
	size_t end;

	if (l < 0) {
		*first = 0xFFFD;
		return i + 1;
	}
	if (i + (size_t)l == n)
		return n;
	/* Nothing joins a following ASCII character but CR LF and prefixes
	 * such as the Arabic number sign. */
	if (s[i + l] < 0x80 && (*first != '\r' || s[i + l] != '\n') &&
	    uc_graphemeclusterbreak_property(*first) != GBP_PREPEND)
		return i + (size_t)l;
	end = join_emoji(s, i, (size_t)(u8_grapheme_next(s + i, s + n) - s), n);
	/* A cluster may run into invalid bytes: stop before them. */
	const uint8_t *bad = u8_check(s + i, end - i);
	if (bad != NULL)
		end = (size_t)(bad - s);
	return end > i + (size_t)l ? end : i + (size_t)l;
}

static bool is_control(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0);
}

void fold_append(struct fold_buf *b, const char *str, size_t n, struct fold_span *out)
{
	struct folder f = {.b = b, .sp = out, .src = (const uint8_t *)str};
	ucs4_t last = 0;

	if (n > FOLD_MAX_INPUT)
		n = FOLD_MAX_INPUT;
	out->text = b->length;
	out->seg = b->seg_count;
	out->orig_length = n;
	for (size_t i = 0; i < n;) {
		uint8_t c = f.src[i];
		ucs4_t first;
		size_t end;

		if (c > ' ' && c < 0x7f && (i + 1 == n || f.src[i + 1] < 0x80)) {
			uint8_t lower = (uint8_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			end_space(&f, c);
			emit(&f, i, i + 1, &lower, 1, true);
			last = c;
			i++;
			continue;
		}
		end = next_unit(f.src, i, n, &first);
		if (end == i + 1 && first == 0xFFFD && c >= 0x80) {
			end_space(&f, first);
			emit(&f, i, end, REPLACEMENT, 3, false);
		} else if (uc_is_property_white_space(first)) {
			if (!f.in_space)
				f.before_space = last;
			add_space(&f, i, end, first);
		} else if (is_control(first)) {
			end_space(&f, first);
			emit(&f, i, end, REPLACEMENT, 3, false);
		} else {
			end_space(&f, first);
			fold_unit(&f, i, end, first);
		}
		last = first;
		i = end;
	}
	end_space(&f, 0);
	out->length = b->length - out->text;
	out->seg_count = b->seg_count - out->seg;
	put_bytes(b, "", 1);
}

/* ---- mapping back ---- */

/* The last segment of sp that starts at or before folded offset off. */
static size_t seg_at(const struct fold_buf *b, const struct fold_span *sp, size_t off)
{
	size_t lo = sp->seg, hi = sp->seg + sp->seg_count; /* answer in [lo, hi) */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (b->segs[mid].fold <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static size_t seg_orig_end(const struct fold_buf *b, const struct fold_span *sp, size_t k)
{
	return k + 1 < sp->seg + sp->seg_count ? b->segs[k + 1].orig : sp->orig_length;
}

void fold_to_orig(const struct fold_buf *b, const struct fold_span *sp, size_t start, size_t end,
		  size_t *orig_start, size_t *orig_end)
{
	size_t k = seg_at(b, sp, start);
	const struct fold_seg *s = &b->segs[k];

	*orig_start = s->opaque ? s->orig : s->orig + (start - s->fold);
	k = seg_at(b, sp, end - 1);
	s = &b->segs[k];
	*orig_end = s->opaque ? seg_orig_end(b, sp, k) : s->orig + (end - s->fold);
}

/* ---- queries ---- */

/* A control or an invalid byte is not something a reader looks for: the
 * query drops them (keeping white space) rather than matching barriers. */
static char *typed_text(const char *q, size_t n, size_t *len)
{
	const uint8_t *s = (const uint8_t *)q;
	char *out = xmalloc(n + 1);
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		ucs4_t c;
		int l = u8_mbtoucr(&c, s + i, n - i);
		if (l < 0) {
			i++;
			continue;
		}
		if (!is_control(c) || uc_is_property_white_space(c)) {
			memcpy(out + o, s + i, (size_t)l);
			o += (size_t)l;
		}
		i += (size_t)l;
	}
	*len = o;
	return out;
}

char *fold_query(const char *q, size_t n, size_t *len)
{
	struct fold_buf b;
	struct fold_span sp;
	size_t start, end, typed_len;
	char *typed = typed_text(q, n, &typed_len), *out;

	fold_buf_init(&b);
	fold_append(&b, typed, typed_len, &sp);
	free(typed);
	start = sp.text;
	end = sp.text + sp.length;
	while (start < end && (b.text[start] == ' ' || b.text[start] == '\n'))
		start++;
	while (end > start && (b.text[end - 1] == ' ' || b.text[end - 1] == '\n'))
		end--;
	out = xstrndup(b.text + start, end - start);
	for (char *p = out; *p != '\0'; p++)
		if (*p == '\n')
			*p = ' ';
	*len = end - start;
	fold_buf_fini(&b);
	return out;
}
