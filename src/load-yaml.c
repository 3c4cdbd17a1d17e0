/* libyaml events -> located tree (see yaml-tree.h). */
#include "lgma/yaml-tree.h"

#include <string.h>
#include <unistr.h>
#include <yaml.h>

#include "lgma/xalloc.h"

struct builder {
	const char *path;
	const char *bytes;
	size_t size;
	struct arena *arena;
	struct arena *texts;
	struct diag_list *diags;
	struct ytree_node *stack[YTREE_MAX_DEPTH];
	/* Children gathered for each open container, copied into the arena
	 * when it closes, so the arena gets exact-size arrays. */
	struct ytree_node **pending[YTREE_MAX_DEPTH];
	size_t pending_count[YTREE_MAX_DEPTH];
	size_t pending_cap[YTREE_MAX_DEPTH];
	size_t depth;
	bool ends_with_break;
	unsigned end_line, end_column; /* where the last character ends; 0 until needed */
	struct ytree_node *root;
	unsigned documents;
	size_t nodes;
	bool failed;
	/* the start of a line, moving forward with the events */
	unsigned cursor_line; /* 0-based */
	size_t cursor_offset;
};

/* Bytes of the line break at s[0..n), 0 if none: YAML's breaks, which
 * libyaml counts lines by (CR LF, CR, LF, NEL, LS, PS). */
static size_t line_break(const uint8_t *s, size_t n)
{
	if (s[0] == '\r')
		return n > 1 && s[1] == '\n' ? 2 : 1;
	if (s[0] == '\n')
		return 1;
	if (n > 1 && s[0] == 0xC2 && s[1] == 0x85)
		return 2;
	if (n > 2 && s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9))
		return 3;
	return 0;
}

/* The bytes a line break can start with (line_break). None of them can be
 * inside a UTF-8 character, so a search byte by byte finds the breaks that
 * a walk over the characters finds. */
static bool may_break(uint8_t c)
{
	return c == '\n' || c == '\r' || c == 0xC2 || c == 0xE2;
}

/* libyaml reports reader errors (bad UTF-8, control characters) by byte
 * offset only; count lines and characters up to it ourselves. Every file's
 * end is placed so: the lines are counted by their breaks alone, and only
 * the last line is walked character by character (a walk over all of a
 * long section was a tenth of its start-up). */
static void offset_position(const struct builder *b, size_t offset, unsigned *line, unsigned *col)
{
	const uint8_t *s = (const uint8_t *)b->bytes;
	size_t i = 0, line_start = 0;

	*line = 1;
	if (offset > b->size)
		offset = b->size;
	while (i < offset) {
		size_t brk = may_break(s[i]) ? line_break(s + i, offset - i) : 0;
		if (brk > 0) {
			(*line)++;
			i += brk;
			line_start = i;
		} else {
			i++;
		}
	}
	*col = 1;
	for (i = line_start; i < offset; (*col)++) {
		int n = u8_mblen(s + i, offset - i);
		i += n > 0 ? (size_t)n : 1;
	}
}

/* libyaml ends a file that has no final newline with one of its own, so
 * what it finds at the end is on a line the file does not have: point at
 * the end of the last line instead. Only such a file needs its end found
 * (once): counting a long section's lines on every load was a twentieth of
 * start-up. */
static bool ends_with_break(const struct builder *b)
{
	const uint8_t *s = (const uint8_t *)b->bytes;
	size_t n = b->size;

	return (n >= 1 && line_break(s + n - 1, 1) == 1) || (n >= 2 && line_break(s + n - 2, 2) == 2) ||
	       (n >= 3 && line_break(s + n - 3, 3) == 3);
}

static void clamp_to_end(struct builder *b, unsigned *line, unsigned *col)
{
	if (b->ends_with_break)
		return;
	if (b->end_line == 0)
		offset_position(b, b->size, &b->end_line, &b->end_column);
	if (*line > b->end_line) {
		*line = b->end_line;
		*col = b->end_column;
	}
}

static void error_at(struct builder *b, unsigned line, unsigned col, const char *msg)
{
	clamp_to_end(b, &line, &col);
	diag_add(b->diags, DIAG_ERROR, b->path, line, col, "%s", msg);
	b->failed = true;
}

static void report_parser_error(struct builder *b, const yaml_parser_t *p)
{
	char msg[512];
	unsigned line, col;

	if (p->error == YAML_MEMORY_ERROR) {
		error_at(b, 1, 1, "out of memory while parsing");
		return;
	}
	if (p->error == YAML_READER_ERROR) {
		offset_position(b, p->problem_offset, &line, &col);
		/* libyaml's value is the byte for a bad octet and the code point
		 * for a character it refuses (a control, a surrogate). */
		if (p->problem_value != -1 && p->problem != NULL && strstr(p->problem, "octet") != NULL)
			snprintf(msg, sizeof(msg), "%s (byte 0x%02X)", p->problem, p->problem_value & 0xff);
		else if (p->problem_value != -1)
			snprintf(msg, sizeof(msg), "%s (U+%04X)", p->problem ? p->problem : "cannot read",
				 (unsigned)p->problem_value);
		else
			snprintf(msg, sizeof(msg), "%s", p->problem ? p->problem : "cannot read");
		error_at(b, line, col, msg);
		return;
	}
	line = (unsigned)p->problem_mark.line + 1;
	col = (unsigned)p->problem_mark.column + 1;
	if (p->context != NULL)
		snprintf(msg, sizeof(msg), "YAML syntax: %s %s that started on line %zu", p->problem ? p->problem : "error",
			 p->context, p->context_mark.line + 1);
	else
		snprintf(msg, sizeof(msg), "YAML syntax: %s", p->problem ? p->problem : "error");
	error_at(b, line, col, msg);
}

static struct ytree_node *new_node(struct builder *b, enum ytree_kind kind, const yaml_mark_t *mark)
{
	struct ytree_node *n = arena_alloc(b->arena, sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->kind = kind;
	n->line = (unsigned)mark->line + 1;
	n->column = (unsigned)mark->column + 1;
	clamp_to_end(b, &n->line, &n->column);
	return n;
}

static void attach(struct builder *b, struct ytree_node *n)
{
	if (b->depth == 0) {
		b->root = n;
		return;
	}
	size_t d = b->depth - 1;
	if (b->pending_count[d] == b->pending_cap[d]) {
		b->pending_cap[d] = b->pending_cap[d] ? b->pending_cap[d] * 2 : 8;
		b->pending[d] = xreallocarray(b->pending[d], b->pending_cap[d], sizeof(*b->pending[d]));
	}
	b->pending[d][b->pending_count[d]++] = n;
}

static bool plain_null(const char *s, size_t len)
{
	return len == 0 || strcmp(s, "~") == 0 || strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	       strcmp(s, "NULL") == 0;
}

/* Bytes of the line break at s[i] as libyaml counts lines (CR LF, CR, LF,
 * NEL, LS, PS), or 0. */
static size_t break_size(const char *bytes, size_t size, size_t i)
{
	const uint8_t *s = (const uint8_t *)bytes;

	if (s[i] == '\r')
		return i + 1 < size && s[i + 1] == '\n' ? 2 : 1;
	if (s[i] == '\n')
		return 1;
	if (s[i] == 0xC2 && i + 1 < size && s[i + 1] == 0x85)
		return 2;
	if (s[i] == 0xE2 && i + 2 < size && s[i + 1] == 0x80 && (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))
		return 3;
	return 0;
}

/* The offset of 0-based line, or size when the file has fewer lines. */
static size_t line_offset(struct builder *b, unsigned line)
{
	while (b->cursor_line < line && b->cursor_offset < b->size) {
		size_t k = may_break((uint8_t)b->bytes[b->cursor_offset])
				   ? break_size(b->bytes, b->size, b->cursor_offset) : 0;
		b->cursor_offset += k > 0 ? k : 1;
		b->cursor_line += k > 0;
	}
	return b->cursor_line == line ? b->cursor_offset : b->size;
}

/* A literal block scalar's lines are the file's lines less one fixed
 * indentation. Finds it and checks every line against the file, so that a
 * position inside the text maps back exactly; leaves n alone otherwise. */
static void literal_position(struct builder *b, struct ytree_node *n, unsigned indicator_line)
{
	size_t off = line_offset(b, indicator_line + 1);
	const char *v = n->text, *end = n->text + n->length;
	size_t indent = SIZE_MAX;

	while (v < end) {
		const char *nl = memchr(v, '\n', (size_t)(end - v));
		size_t vlen = (size_t)((nl != NULL ? nl : end) - v), le = off, spaces = 0;
		if (off >= b->size)
			return;
		while (le < b->size && (!may_break((uint8_t)b->bytes[le]) || break_size(b->bytes, b->size, le) == 0))
			le++;
		while (off + spaces < le && b->bytes[off + spaces] == ' ')
			spaces++;
		if (vlen == 0 ? spaces != le - off
			      : le - off < vlen || (indent != SIZE_MAX && le - off - vlen != indent) ||
					spaces < le - off - vlen || memcmp(b->bytes + le - vlen, v, vlen) != 0)
			return;
		if (vlen > 0)
			indent = le - off - vlen;
		off = le < b->size ? le + break_size(b->bytes, b->size, le) : le;
		v = nl != NULL ? nl + 1 : end;
	}
	if (indent == SIZE_MAX)
		return;
	n->text_line = indicator_line + 2;
	n->text_column = (unsigned)indent + 1;
	n->lines_exact = true;
}

static void add_scalar(struct builder *b, const yaml_event_t *ev)
{
	const char *value = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct ytree_node *n = new_node(b, YTREE_SCALAR, &ev->start_mark);

	/* libyaml's reader has checked the UTF-8 of the whole file, and escapes
	 * produce valid UTF-8; a double-quoted "\0" is the only way a NUL gets
	 * here. */
	if (memchr(value, '\0', len) != NULL)
		error_at(b, n->line, n->column, "NUL character in text");
	n->text = arena_strndup(b->texts, value, len);
	n->length = len;
	n->is_plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	n->is_null = n->is_plain && plain_null(value, len);
	n->text_line = n->line;
	n->text_column = n->column;
	if (ev->data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
	    ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE)
		n->text_column++; /* after the quote */
	else if (ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE && !b->failed)
		literal_position(b, n, (unsigned)ev->start_mark.line);
	attach(b, n);
}

static void open_container(struct builder *b, const yaml_event_t *ev, enum ytree_kind kind)
{
	if (b->depth == YTREE_MAX_DEPTH) {
		char msg[128];
		snprintf(msg, sizeof(msg), "nesting deeper than %d levels: the content schema never needs it",
			 YTREE_MAX_DEPTH);
		error_at(b, (unsigned)ev->start_mark.line + 1, (unsigned)ev->start_mark.column + 1, msg);
		return;
	}
	struct ytree_node *n = new_node(b, kind, &ev->start_mark);
	attach(b, n);
	b->stack[b->depth] = n;
	b->pending_count[b->depth] = 0;
	b->depth++;
}

static void close_container(struct builder *b)
{
	size_t d = --b->depth;
	struct ytree_node *n = b->stack[d];
	size_t count = b->pending_count[d];

	n->items = arena_alloc(b->arena, count * sizeof(*n->items) + 1);
	if (count)
		memcpy(n->items, b->pending[d], count * sizeof(*n->items));
	n->count = n->kind == YTREE_MAPPING ? count / 2 : count;
}

static const yaml_char_t *event_anchor(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.anchor;
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.anchor;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.anchor;
	default:
		return NULL;
	}
}

/* Returns false when parsing must stop. */
static bool handle_event(struct builder *b, const yaml_event_t *ev)
{
	unsigned line = (unsigned)ev->start_mark.line + 1;
	unsigned col = (unsigned)ev->start_mark.column + 1;

	if (event_anchor(ev) != NULL || ev->type == YAML_ALIAS_EVENT) {
		/* Content never needs them, and refusing them closes the
		 * alias-expansion ("billion laughs") attack. */
		error_at(b, line, col, "anchors and aliases are not allowed in content files");
		return false;
	}
	if ((ev->type == YAML_SCALAR_EVENT || ev->type == YAML_SEQUENCE_START_EVENT ||
	     ev->type == YAML_MAPPING_START_EVENT) && ++b->nodes > YTREE_MAX_NODES) {
		char msg[128];
		snprintf(msg, sizeof(msg), "more than %d keys, values and items in one file", YTREE_MAX_NODES);
		error_at(b, line, col, msg);
		return false;
	}
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (++b->documents > 1) {
			error_at(b, line, col, "only one YAML document per file is allowed");
			return false;
		}
		return true;
	case YAML_SCALAR_EVENT:
		add_scalar(b, ev);
		return true;
	case YAML_SEQUENCE_START_EVENT:
		open_container(b, ev, YTREE_SEQUENCE);
		return !b->failed;
	case YAML_MAPPING_START_EVENT:
		open_container(b, ev, YTREE_MAPPING);
		return !b->failed;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		close_container(b);
		return true;
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		return true;
	}
}

const struct ytree_node *ytree_parse(const char *path, const char *bytes, size_t size,
				     struct arena *nodes, struct arena *texts, struct diag_list *diags)
{
	struct builder b = {.path = path, .bytes = bytes, .size = size, .arena = nodes, .texts = texts, .diags = diags};
	yaml_parser_t parser;
	bool more = true;

	/* Editors on Windows start UTF-8 files with a byte order mark. With
	 * the encoding set (so that no file is taken for UTF-16), libyaml
	 * reads the mark as part of the first key; it is no character of the
	 * content, so it goes before parsing and counts in no column. */
	if (b.size >= 3 && memcmp(b.bytes, "\xEF\xBB\xBF", 3) == 0) {
		b.bytes += 3;
		b.size -= 3;
	}
	if (!yaml_parser_initialize(&parser)) {
		error_at(&b, 1, 1, "out of memory while parsing");
		return NULL;
	}
	b.ends_with_break = ends_with_break(&b);
	yaml_parser_set_input_string(&parser, (const unsigned char *)b.bytes, b.size);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (more) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			report_parser_error(&b, &parser);
			break;
		}
		more = handle_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	for (size_t d = 0; d < YTREE_MAX_DEPTH; d++)
		free(b.pending[d]);
	if (!b.failed && b.root == NULL)
		error_at(&b, 1, 1, "the file is empty");
	return b.failed ? NULL : b.root;
}
