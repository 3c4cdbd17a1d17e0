/* URLs and e-mail addresses in a text, for the layout's spans. */
#include "lgma/layout.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "lgma/xalloc.h"

struct span_list {
	struct layout_span *items;
	size_t count, capacity;
};

static void push(struct span_list *l, size_t start, size_t end, enum layout_span_kind kind)
{
	if (l->count == l->capacity) {
		l->capacity = l->capacity ? l->capacity * 2 : 8;
		l->items = xreallocarray(l->items, l->capacity, sizeof(*l->items));
	}
	l->items[l->count++] = (struct layout_span){start, end, kind};
}

static bool is_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

/* URLs are ASCII here: a non-ASCII byte (such as the 。 that ends a
 * Japanese sentence) ends one, as do spaces, controls and the characters
 * RFC 3986 excludes. */
static bool is_url_char(unsigned char c)
{
	return c > 0x20 && c < 0x7f && strchr("<>\"`{}|\\^", c) == NULL;
}

static size_t count_char(const char *s, size_t n, char c)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

/* Sentence punctuation after a URL is not part of it; a closing bracket is,
 * only when the URL opened it (Wikipedia-style "Foo_(bar)"). */
static size_t trim_url(const char *s, size_t start, size_t end)
{
	while (end > start) {
		char c = s[end - 1];
		if (strchr(".,:;!?'\"*", c) != NULL ||
		    (c == ')' && count_char(s + start, end - start, ')') > count_char(s + start, end - start, '(')) ||
		    (c == ']' && count_char(s + start, end - start, ']') > count_char(s + start, end - start, '[')))
			end--;
		else
			break;
	}
	return end;
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
	size_t k = strlen(prefix);

	return n >= k && strncasecmp(s, prefix, k) == 0;
}

/* The length of a URL starting at s[i], or 0. */
static size_t url_at(const char *s, size_t n, size_t i)
{
	size_t head, end;
	unsigned char before = i > 0 ? (unsigned char)s[i - 1] : ' ';

	if (is_alnum(before) || before == '.' || before == '-' || before == '@' || before == '/')
		return 0;
	if (starts_with(s + i, n - i, "https://"))
		head = 8;
	else if (starts_with(s + i, n - i, "http://"))
		head = 7;
	else if (starts_with(s + i, n - i, "www."))
		head = 4;
	else
		return 0;
	for (end = i + head; end < n && is_url_char((unsigned char)s[end]); end++)
		;
	end = trim_url(s, i + head, end);
	/* "www." or "http://" alone is not a link: the host needs a letter or digit. */
	if (end == i + head || !is_alnum((unsigned char)s[i + head]))
		return 0;
	return end - i;
}

static bool is_local_char(unsigned char c)
{
	/* c != 0: strchr would find the string's own terminator. */
	return is_alnum(c) || (c != '\0' && strchr("._%+-", c) != NULL);
}

static bool is_domain_char(unsigned char c)
{
	return is_alnum(c) || c == '.' || c == '-';
}

/* An address around the '@' at s[at], not reaching before floor: stores its
 * bounds and returns true. The domain needs a dot between two labels. */
static bool email_at(const char *s, size_t n, size_t at, size_t floor, size_t *start, size_t *end)
{
	size_t a = at, b = at + 1, dot = 0;

	while (a > floor && is_local_char((unsigned char)s[a - 1]))
		a--;
	while (a < at && s[a] == '.')
		a++;
	while (b < n && is_domain_char((unsigned char)s[b])) {
		if (s[b] == '.')
			dot = b;
		b++;
	}
	while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-'))
		b--;
	if (a == at || dot == 0 || dot <= at + 1 || dot + 1 >= b)
		return false;
	*start = a;
	*end = b;
	return true;
}

/* The bytes a span is found at: a URL's first letter, an address's '@'.
 * Skipping the others by table is most of the speed of a pass that reads
 * every byte of every section it lays out. */
static const bool candidate[256] = {['h'] = true, ['H'] = true, ['w'] = true, ['W'] = true, ['@'] = true};

size_t layout_find_spans(const char *s, size_t n, struct layout_span **spans)
{
	struct span_list l = {0};
	size_t floor = 0; /* an address never reaches back into the previous span */

	for (size_t i = 0; i < n; i++) {
		size_t len, start, end;
		if (!candidate[(unsigned char)s[i]])
			continue;
		if (s[i] != '@' && (len = url_at(s, n, i)) > 0) {
			push(&l, i, i + len, LAYOUT_SPAN_URL);
			i += len - 1;
			floor = i + 1;
		} else if (s[i] == '@' && email_at(s, n, i, floor, &start, &end)) {
			push(&l, start, end, LAYOUT_SPAN_EMAIL);
			i = end - 1;
			floor = end;
		}
	}
	*spans = l.items;
	return l.count;
}
