/* The sample text of the wire benchmark (bench-text.h). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unilbrk.h>

#include "bench-text.h"
#include "lgma/app-state.h"
#include "lgma/doc.h"
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

/* The text in memory (malloc'd, NUL-terminated), or NULL. */
static char *text_in_memory(const char *content_dir, int lines, size_t *len)
{
	char *buf = NULL;
	FILE *mem = open_memstream(&buf, len);
	bool ok;

	if (mem == NULL)
		return NULL;
	ok = bench_text_write(content_dir, lines, mem);
	if (fclose(mem) != 0 || !ok) {
		free(buf);
		return NULL;
	}
	return buf;
}

bool bench_content_write(const char *content_dir, int lines, const char *out_dir)
{
	char path[4096];
	size_t len;
	char *text = text_in_memory(content_dir, lines, &len);
	FILE *f;
	bool ok;

	if (text == NULL)
		return false;
	snprintf(path, sizeof(path), "%s/site.yaml", out_dir);
	f = fopen(path, "w");
	ok = f != NULL;
	if (ok) {
		fprintf(f, "languages: [ja, en]\ntitle: Bench\n");
		ok = fclose(f) == 0;
	}
	snprintf(path, sizeof(path), "%s/sections", out_dir);
	ok = ok && (mkdir(path, 0755) == 0 || errno == EEXIST);
	snprintf(path, sizeof(path), "%s/sections/10-bench.yaml", out_dir);
	f = ok ? fopen(path, "w") : NULL;
	ok = f != NULL;
	if (ok) {
		/* A literal block: every line indented by two, blank lines
		 * kept (they separate the paragraphs). */
		fprintf(f, "id: %s\ntitle: %s\nbody: |\n", BENCH_SECTION_ID, BENCH_SECTION_TITLE);
		for (const char *p = text; *p != '\0';) {
			size_t n = strcspn(p, "\n");

			fprintf(f, n > 0 ? "  %.*s\n" : "\n", (int)n, p);
			p += n + (p[n] == '\n');
		}
		ok = fclose(f) == 0;
	}
	if (!ok)
		fprintf(stderr, "bench: cannot write the content in %s\n", out_dir);
	free(text);
	return ok;
}

bool bench_text_layout(const char *content_dir, int lines, int width, FILE *out)
{
	struct layout_options opt = {.width = width};
	struct doc d;
	size_t len;
	char *text = text_in_memory(content_dir, lines, &len);

	if (text == NULL)
		return false;
	doc_init(&d, BENCH_SECTION_TITLE, text, &opt);
	for (size_t i = 0; i < d.line_count; i++) {
		bool is_title;
		const struct layout_line *line = doc_line(&d, i, &is_title);

		if (line != NULL && line->kind == LAYOUT_LINE_TEXT)
			fprintf(out, "%*s%.*s", line->indent, "", (int)line->length, line->text);
		fputc('\n', out);
	}
	doc_fini(&d);
	free(text);
	return true;
}

int bench_text_width(int cols)
{
	return app_measure(NULL, cols); /* the reading view's own rule */
}
