/* The sample text of the wire benchmark (bench-text.h). */
#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "bench-text.h"
#include "lgma/load.h"

struct sink {
	FILE *out;
	int left; /* lines still to write */
};

static void emit(struct sink *s, const char *text, size_t n)
{
	if (s->left <= 0)
		return;
	/* The wrap leaves the space at a break on the earlier line: drop it. */
	while (n > 0 && text[n - 1] == ' ')
		n--;
	fprintf(s->out, "%.*s\n", (int)n, text);
	s->left--;
}

static void emit_heading(struct sink *s, const char *title)
{
	if (s->left <= 0)
		return;
	fprintf(s->out, "## %s\n", title);
	s->left--;
}

/* One source line, wrapped at BENCH_TEXT_WIDTH. */
static void emit_wrapped(struct sink *s, const char *line, size_t n)
{
	char *breaks;
	size_t start = 0;

	if (n == 0) {
		emit(s, "", 0);
		return;
	}
	breaks = malloc(n);
	if (breaks == NULL)
		abort();
	u8_width_linebreaks((const uint8_t *)line, n, BENCH_TEXT_WIDTH, 0, 0, NULL, "UTF-8",
			    breaks);
	for (size_t i = 1; i < n; i++) {
		if (breaks[i] == UC_BREAK_POSSIBLE || breaks[i] == UC_BREAK_MANDATORY) {
			emit(s, line + start, i - start);
			start = i;
		}
	}
	emit(s, line + start, n - start);
	free(breaks);
}

static void emit_body(struct sink *s, const char *body)
{
	while (*body != '\0' && s->left > 0) {
		size_t n = strcspn(body, "\n");

		emit_wrapped(s, body, n);
		body += n + (body[n] == '\n');
	}
}

bool bench_text_write(const char *content_dir, int lines, FILE *out)
{
	struct diag_list diags;
	struct content *c;
	struct sink s = {out, lines};

	diag_init(&diags);
	c = load_content_dir(content_dir, &diags);
	if (c == NULL || c->section_count == 0) {
		diag_print(&diags, stderr);
		fprintf(stderr, "bench-wire: no sections in %s\n", content_dir);
		diag_fini(&diags);
		content_free(c);
		return false;
	}
	for (int pass = 1; s.left > 0; pass++) {
		char heading[64];

		snprintf(heading, sizeof(heading), "=== Pass %d / 第%d巡 ===", pass, pass);
		emit(&s, heading, strlen(heading));
		emit(&s, "", 0);
		for (size_t i = 0; i < c->section_count; i++) {
			for (size_t l = 0; l < c->lang_count; l++) {
				const struct content_section *sec = &c->sections[i];
				const char *title = sec->title.by_lang[l];

				emit_heading(&s, title);
				emit(&s, "", 0);
				emit_body(&s, sec->body.by_lang[l]);
				emit(&s, "", 0);
			}
		}
	}
	diag_fini(&diags);
	content_free(c);
	return true;
}
