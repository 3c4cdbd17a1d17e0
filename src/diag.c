#include "lgma/diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistr.h>

#include "lgma/xalloc.h"

enum { DIAG_MESSAGE_MAX = 512 };

void diag_init(struct diag_list *list)
{
	memset(list, 0, sizeof(*list));
}

void diag_fini(struct diag_list *list)
{
	for (size_t i = 0; i < list->count; i++) {
		free(list->items[i].file);
		free(list->items[i].message);
	}
	free(list->items);
	diag_init(list);
}

static int is_unsafe(ucs4_t c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069);
}

void diag_sanitize(char *out, size_t out_size, const char *s, size_t len)
{
	const uint8_t *p = (const uint8_t *)s;
	const uint8_t *end = p + len;
	size_t o = 0;

	if (out_size == 0)
		return;
	while (p < end) {
		ucs4_t c;
		int n = u8_mbtoucr(&c, p, (size_t)(end - p));
		char esc[64];
		size_t piece;

		if (n < 0 || is_unsafe(c)) {
			/* One escaped byte at a time keeps the output reversible. */
			snprintf(esc, sizeof(esc), "\\x%02X", p[0]);
			piece = strlen(esc);
			n = 1;
			if (o + piece + 4 >= out_size)
				break;
			memcpy(out + o, esc, piece);
		} else {
			piece = (size_t)n;
			if (o + piece + 4 >= out_size)
				break;
			memcpy(out + o, p, piece);
		}
		o += piece;
		p += n;
	}
	if (p < end)
		o += (size_t)snprintf(out + o, out_size - o, "...");
	out[o] = '\0';
}

static void add_item(struct diag_list *list, struct diag item)
{
	if (list->count == list->capacity) {
		list->capacity = list->capacity ? list->capacity * 2 : 16;
		list->items = xreallocarray(list->items, list->capacity, sizeof(*list->items));
	}
	list->items[list->count++] = item;
}

static void count(struct diag_list *list, enum diag_severity severity)
{
	if (severity == DIAG_ERROR)
		list->errors++;
	else if (severity == DIAG_WARNING)
		list->warnings++;
}

void diag_add(struct diag_list *list, enum diag_severity severity, const char *file,
	      unsigned line, unsigned column, const char *fmt, ...)
{
	char raw[DIAG_MESSAGE_MAX];
	char safe[DIAG_MESSAGE_MAX];
	va_list ap;
	struct diag item;

	count(list, severity);
	if (list->count >= DIAG_MAX_KEPT) {
		list->dropped++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	diag_sanitize(safe, sizeof(safe), raw, strlen(raw));
	item.severity = severity;
	item.message = xstrdup(safe);
	diag_sanitize(safe, sizeof(safe), file, strlen(file));
	item.file = xstrdup(safe);
	item.line = line ? line : 1;
	item.column = column ? column : 1;
	add_item(list, item);
}

void diag_append(struct diag_list *dst, struct diag_list *src)
{
	for (size_t i = 0; i < src->count; i++) {
		if (dst->count >= DIAG_MAX_KEPT) {
			dst->dropped++;
			free(src->items[i].file);
			free(src->items[i].message);
			continue;
		}
		add_item(dst, src->items[i]);
	}
	dst->errors += src->errors;
	dst->warnings += src->warnings;
	dst->dropped += src->dropped;
	free(src->items);
	diag_init(src);
}

static const char *severity_name(enum diag_severity severity)
{
	switch (severity) {
	case DIAG_ERROR:
		return "error";
	case DIAG_WARNING:
		return "warning";
	case DIAG_NOTE:
		break;
	}
	return "note";
}

void diag_print(const struct diag_list *list, FILE *out)
{
	for (size_t i = 0; i < list->count; i++) {
		const struct diag *d = &list->items[i];
		fprintf(out, "%s:%u:%u: %s: %s\n", d->file, d->line, d->column,
			severity_name(d->severity), d->message);
	}
	if (list->dropped)
		fprintf(out, "lgma: %zu more diagnostics not shown\n", list->dropped);
}
