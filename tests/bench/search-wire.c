/* A search on the wire (search-wire.h). */
#include "search-wire.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "bench-text.h"
#include "vt-esc.h"
#include "vt.h"

enum {
	START_MS = 10000,
	EXIT_MS = 3000,
	PATH_MAX_BYTES = 4096,
};

/* ---- the lines ---- */

/* The sample text as the body of one section: a literal block keeps its
 * lines, and the blank lines between its paragraphs. */
static bool write_content(const char *content_src, const char *dir)
{
	char path[PATH_MAX_BYTES + 32], *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len), *f;
	bool ok = mem != NULL && bench_text_write(content_src, SEARCH_WIRE_LINES, mem);

	if (mem != NULL && fclose(mem) != 0)
		ok = false;
	snprintf(path, sizeof(path), "%s/sections", dir);
	ok = ok && (mkdir(dir, 0700) == 0 || errno == EEXIST) && (mkdir(path, 0700) == 0 || errno == EEXIST);
	snprintf(path, sizeof(path), "%s/site.yaml", dir);
	if (ok && (f = fopen(path, "w")) != NULL) {
		fputs("languages: [ja, en]\ntitle: Bench\n", f);
		ok = fclose(f) == 0;
	} else {
		ok = false;
	}
	snprintf(path, sizeof(path), "%s/sections/10-bench.yaml", dir);
	if (ok && (f = fopen(path, "w")) != NULL) {
		fprintf(f, "id: %s\ntitle: Bench text\nbody: |\n", SEARCH_WIRE_SECTION);
		for (const char *p = text; *p != '\0';) {
			size_t n = strcspn(p, "\n");

			fprintf(f, n > 0 ? "  %.*s\n" : "\n", (int)n, p);
			p += n + (p[n] == '\n');
		}
		ok = fclose(f) == 0;
	} else {
		ok = false;
	}
	free(text);
	if (!ok)
		fprintf(stderr, "search-wire: cannot write the content in %s\n", dir);
	return ok;
}

bool search_wire_prepare(const char *content_src, const char *lgma_path, const char *dir, int cols,
			 char *lines_path, size_t size)
{
	char content[PATH_MAX_BYTES], cmd[3 * PATH_MAX_BYTES];
	int status;

	snprintf(content, sizeof(content), "%s/content", dir);
	if (!write_content(content_src, content))
		return false;
	snprintf(lines_path, size, "%s/lines-%d.txt", dir, cols);
	snprintf(cmd, sizeof(cmd), "'%s' --content '%s' --dump %s --width %d > '%s'", lgma_path, content,
		 SEARCH_WIRE_SECTION, bench_text_width(cols), lines_path);
	status = system(cmd);
	if (status != 0) {
		fprintf(stderr, "search-wire: \"%s\" failed (status 0x%x)\n", cmd, (unsigned)status);
		return false;
	}
	return true;
}

char **search_wire_env(const char *term, const char *home)
{
	static char term_env[128], home_env[PATH_MAX_BYTES], path_env[PATH_MAX_BYTES];
	static char *env[8];
	const char *path = getenv("PATH");

	snprintf(term_env, sizeof(term_env), "TERM=%s", term);
	snprintf(home_env, sizeof(home_env), "HOME=%s", home);
	snprintf(path_env, sizeof(path_env), "PATH=%s", path != NULL ? path : "/usr/bin:/bin");
	env[0] = term_env;
	env[1] = home_env;
	env[2] = path_env;
	env[3] = (char *)"LANG=C.UTF-8";
	env[4] = (char *)"LESSHISTFILE=-"; /* nothing written on quitting */
	env[5] = NULL;
	return env;
}

/* ---- measuring ---- */

/* An answer: some output within SEARCH_WIRE_REACT_MS, then quiet. */
static void wait_answer(struct vt *vt)
{
	if (vt_wait_output(vt, SEARCH_WIRE_REACT_MS) == VT_FOUND)
		vt_wait_quiet(vt, SEARCH_WIRE_QUIET_MS, START_MS);
}

static char *screen_text(struct vt *vt, int rows)
{
	size_t len = 0;
	char *s = NULL;
	FILE *mem = open_memstream(&s, &len);

	if (mem == NULL)
		abort();
	for (int r = 0; r < rows; r++)
		fprintf(mem, "%s\n", vt_row_text(vt, r));
	if (fclose(mem) != 0)
		abort();
	return s;
}

/* Whether word is on a row other than the last (where a prompt echoes it). */
static bool word_shown(struct vt *vt, int rows, const char *word)
{
	for (int r = 0; r < rows - 1; r++)
		if (strstr(vt_row_text(vt, r), word) != NULL)
			return true;
	return false;
}

bool search_wire_measure(char *const argv[], char *const envp[], int rows, int cols, const char *word,
			 struct search_wire_figures *f)
{
	struct vt *vt = vt_spawn(argv, envp, rows, cols);
	enum vt_wait w;
	const char *rec;

	memset(f, 0, sizeof(*f));
	if (vt == NULL)
		return false;
	w = vt_wait_output(vt, START_MS);
	if (w == VT_FOUND)
		w = vt_wait_quiet(vt, SEARCH_WIRE_QUIET_MS, START_MS);
	f->initial = vt_total(vt).bytes;
	f->started = w == VT_QUIET && f->initial > 0;
	if (f->started) {
		vt_recorded_clear(vt);
		for (int step = 0; step < SEARCH_WIRE_STEPS; step++) {
			struct vt_stats s;

			vt_mark(vt);
			if (step == SEARCH_WIRE_PROMPT)
				vt_type(vt, "/");
			else if (step == SEARCH_WIRE_WORD)
				vt_type(vt, word);
			else
				vt_key(vt, VT_KEY_ENTER, 0);
			wait_answer(vt);
			s = vt_action(vt);
			f->step[step] = s.bytes;
			f->total += s.bytes;
			f->writes = step == 0 ? s.child_writes
				    : f->writes < 0 || s.child_writes < 0 ? -1
									: f->writes + s.child_writes;
		}
		rec = vt_recorded(vt, &f->len);
		f->bytes = malloc(f->len + 1);
		if (f->bytes == NULL)
			abort();
		memcpy(f->bytes, rec, f->len);
		f->bytes[f->len] = '\0';
		f->found = word_shown(vt, rows, word);
		f->screen = screen_text(vt, rows);
		vt_type(vt, "q");
		vt_wait_exit(vt, EXIT_MS, NULL);
	}
	(void)cols;
	vt_close(vt);
	return true;
}

void search_wire_free(struct search_wire_figures *f)
{
	free(f->bytes);
	free(f->screen);
	memset(f, 0, sizeof(*f));
}

/* ---- what the bytes are ---- */

struct kind {
	const char *name;
	size_t count, bytes;
};

/* The class of a token, for the summary. */
static const char *kind_of(const char *buf, const struct vt_tok *t)
{
	if (t->kind == VT_TOK_TEXT)
		return "text";
	if (t->kind == VT_TOK_C0)
		return buf[t->start] == '\r' || buf[t->start] == '\n' ? "CR/LF" : "other C0";
	if (t->kind != VT_TOK_CSI)
		return t->kind == VT_TOK_ESC ? "ESC sequences" : "other sequences";
	switch (t->final) {
	case 'm': return "SGR (attributes, colours)";
	case 'H': case 'f': return "cursor position (CUP)";
	case 'A': case 'B': case 'C': case 'D': case 'E': case 'F': case 'G': case 'd': return "cursor moves";
	case 'K': return "erase in line (EL)";
	case 'J': return "erase in display (ED)";
	case 'X': return "erase characters (ECH)";
	case 'r': return "scroll region (DECSTBM)";
	case 'S': case 'T': case 'L': case 'M': return "scroll, insert/delete lines";
	case '@': case 'P': return "insert/delete characters";
	case 'b': return "repeat (REP)";
	case 'h': case 'l': return "modes (SM/RM)";
	default: return "other CSI";
	}
}

void search_wire_explain(FILE *out, const char *bytes, size_t len, bool verbose)
{
	struct kind kinds[24];
	size_t n = 0, chars = 0;

	for (size_t pos = 0; pos < len;) {
		struct vt_tok t;
		const char *name;
		size_t k = 0;

		pos = vt_tok_next(bytes, len, pos, &t);
		name = kind_of(bytes, &t);
		while (k < n && strcmp(kinds[k].name, name) != 0)
			k++;
		if (k == n && n < sizeof(kinds) / sizeof(kinds[0]))
			kinds[n++] = (struct kind){name, 0, 0};
		if (k < n) {
			kinds[k].count++;
			kinds[k].bytes += t.len;
		}
		if (t.kind == VT_TOK_TEXT)
			for (size_t i = t.start; i < t.start + t.len; i++)
				chars += ((unsigned char)bytes[i] & 0xC0) != 0x80;
	}
	fprintf(out, "# %zu bytes:", len);
	for (size_t k = 0; k < n; k++)
		fprintf(out, "%s %s %zu (%zu bytes)", k ? ";" : "", kinds[k].name, kinds[k].count, kinds[k].bytes);
	fprintf(out, "; %zu characters of text\n", chars);
	if (!verbose)
		return;
	fputs("#  ", out);
	for (size_t pos = 0, col = 3; pos < len;) {
		struct vt_tok t;
		char text[256];

		pos = vt_tok_next(bytes, len, pos, &t);
		vt_tok_format(bytes, &t, false, text, sizeof(text));
		if (col + strlen(text) + 1 > 100) {
			fputs("\n#  ", out);
			col = 3;
		}
		col += (size_t)fprintf(out, " %s", text);
	}
	fputc('\n', out);
}
