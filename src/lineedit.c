#include "lgma/lineedit.h"

#include <string.h>
#include <unigbrk.h>
#include <unistr.h>

void lineedit_clear(struct lineedit *e)
{
	e->text[0] = '\0';
	e->length = e->cursor = 0;
}

bool lineedit_insert(struct lineedit *e, uint32_t c)
{
	uint8_t buf[6];
	int n;

	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return false;
	n = u8_uctomb(buf, c, sizeof(buf));
	if (n <= 0 || e->length + (size_t)n > LINEEDIT_MAX)
		return false;
	memmove(e->text + e->cursor + n, e->text + e->cursor, e->length - e->cursor + 1);
	memcpy(e->text + e->cursor, buf, (size_t)n);
	e->length += (size_t)n;
	/* A combining mark joins the character before it: keep the cursor
	 * after the whole cluster. */
	e->cursor += (size_t)n;
	return true;
}

static size_t next_boundary(const struct lineedit *e, size_t pos)
{
	const uint8_t *s = (const uint8_t *)e->text;

	if (pos >= e->length)
		return e->length;
	return (size_t)(u8_grapheme_next(s + pos, s + e->length) - s);
}

static size_t prev_boundary(const struct lineedit *e, size_t pos)
{
	const uint8_t *s = (const uint8_t *)e->text;
	const uint8_t *p;

	if (pos == 0)
		return 0;
	p = u8_grapheme_prev(s + pos, s);
	return p != NULL ? (size_t)(p - s) : 0;
}

static void cut(struct lineedit *e, size_t from, size_t to)
{
	memmove(e->text + from, e->text + to, e->length - to + 1);
	e->length -= to - from;
	e->cursor = from;
}

static size_t word_start(const struct lineedit *e, size_t pos)
{
	while (pos > 0 && e->text[pos - 1] == ' ')
		pos--;
	while (pos > 0 && e->text[pos - 1] != ' ')
		pos = prev_boundary(e, pos);
	return pos;
}

bool lineedit_apply(struct lineedit *e, enum lineedit_op op)
{
	switch (op) {
	case LINEEDIT_LEFT:
		e->cursor = prev_boundary(e, e->cursor);
		return false;
	case LINEEDIT_RIGHT:
		e->cursor = next_boundary(e, e->cursor);
		return false;
	case LINEEDIT_HOME:
		e->cursor = 0;
		return false;
	case LINEEDIT_END:
		e->cursor = e->length;
		return false;
	case LINEEDIT_BACKSPACE:
		if (e->cursor == 0)
			return false;
		cut(e, prev_boundary(e, e->cursor), e->cursor);
		return true;
	case LINEEDIT_DELETE:
		if (e->cursor == e->length)
			return false;
		cut(e, e->cursor, next_boundary(e, e->cursor));
		return true;
	case LINEEDIT_KILL:
		if (e->length == 0)
			return false;
		lineedit_clear(e);
		return true;
	case LINEEDIT_KILL_WORD:
		if (e->cursor == 0)
			return false;
		cut(e, word_start(e, e->cursor), e->cursor);
		return true;
	}
	return false;
}
