/* bench-wire: what a slow SSH link carries for each key action of a text
 * viewer. Runs each viewer in a pseudo-terminal (tests/e2e/vt.h) on the same
 * text at each size and TERM, and measures per action the bytes the viewer
 * wrote, the read()s they arrived in and the viewer's write() calls; and per
 * run the start-up times, the peak resident set, the NUL padding bytes and
 * the longest pause inside an action (a sleep in the output). Prints a
 * side-by-side table, or TSV.
 *
 * The actions, in this order on one running viewer:
 *   initial paint  from the spawn until the output is quiet
 *   1-line scroll  the viewer's line key (less: down arrow; w3m: J)
 *   page down      the page key (space: what PgDn does in less and w3m,
 *                  and a vt100 has no PgDn key for terminfo to name)
 *   search         the search key ('/'), the word, Enter: counted together
 *   typeahead      the line key 20 times in ONE write()
 * then the quit key. An action ends when the viewer answered and then
 * wrote nothing for --quiet ms.
 *
 * lgma itself is a default viewer when it is built: the same text as one
 * section of lgma content ({content}), and every viewer gets the text laid
 * out at the width of lgma's reading view for the terminal's size, by
 * lgma's own layout engine, so that all of them show the same lines.
 * This is a program, not a test: it prints figures and judges nothing. */
#include <errno.h>
#include <ftw.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wordexp.h>

#include "bench-text.h"
#include "config.h"
#include "vt.h"

enum {
	MAX_VIEWERS = 16,
	MAX_SIZES = 8,
	MAX_TERMS = 8,
	MAX_RUNS = 99,
	MAX_ENV = 32,
	TYPEAHEAD_KEYS = 20,
	START_TIMEOUT_MS = 10000,
	ACTION_TIMEOUT_MS = 10000,
	EXIT_TIMEOUT_MS = 5000,
};

/* ---- viewers and their keys ---- */

enum action {
	ACT_INITIAL,
	ACT_LINE,
	ACT_PAGE,
	ACT_SEARCH,
	ACT_TYPEAHEAD,
	N_ACTIONS,
};

static const char *const action_names[N_ACTIONS] = {
	"initial paint", "1-line scroll", "page down", "search", "typeahead x20",
};

/* Keys are written as words separated by spaces: up down left right home
 * end pgup pgdn ins del enter tab bs esc space f1..f12 C-x; any other word
 * is sent as the text it is. */
struct viewer {
	const char *name;
	const char *command; /* split like a shell; {file} is the text's path,
				{content} the same text as lgma content */
	const char *line, *page, *search, *quit; /* search "": not measured */
	bool is_default;     /* skipped quietly when not installed */
};

static struct viewer viewers[MAX_VIEWERS] = {
	{"less", "less {file}", "down", "space", "/", "q", true},
	/* w3m's arrows move its cursor; J scrolls the text by one line. Its
	 * q asks for confirmation, Q does not. */
	{"w3m", "w3m {file}", "J", "space", "/", "Q", true},
	/* Space pages as in the others. */
	{"lgma", "'" LGMA_EXE "' --content {content} " BENCH_SECTION_ID, "down", "space", "/", "q", true},
};
static int n_viewers = 3;

/* ---- options ---- */

struct size {
	int rows, cols;
};

static struct {
	const char *file;
	const char *content;
	int lines;
	const char *search;
	int quiet_ms;
	int react_ms;
	int runs;
	bool tsv, verbose;
	const char *only;
	struct size sizes[MAX_SIZES];
	int n_sizes;
	const char *terms[MAX_TERMS];
	int n_terms;
	char *extra_env[MAX_ENV];
	int n_extra_env;
} opt = {
	.content = LGMA_SOURCE_CONTENT,
	.lines = 2000,
	.search = "Pass 2",
	.quiet_ms = 200,
	.react_ms = 2000,
	.runs = 1,
};

/* ---- results ---- */

struct run {
	bool started;	      /* some output came, the viewer did not die at once */
	bool skipped[N_ACTIONS]; /* not measured (no key for it) */
	struct vt_stats act[N_ACTIONS];
	bool unchanged[N_ACTIONS]; /* the screen was the same after the action */
	long peak_rss_kb;
	long start_faults; /* minor page faults up to the painted first screen */
	size_t nul_bytes;
	double max_gap_ms;
	int status;
	bool killed;	      /* did not quit in time */
	bool group_left;      /* a process of its group outlived it */
};

static char home_dir[] = "/tmp/lgma-bench-XXXXXX";

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "bench-wire: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(2);
}

/* ---- keys ---- */

static const struct {
	const char *name;
	enum vt_key key;
} named_keys[] = {
	{"up", VT_KEY_UP},     {"down", VT_KEY_DOWN},   {"left", VT_KEY_LEFT},
	{"right", VT_KEY_RIGHT}, {"home", VT_KEY_HOME}, {"end", VT_KEY_END},
	{"pgup", VT_KEY_PGUP}, {"pgdn", VT_KEY_PGDN},   {"ins", VT_KEY_INS},
	{"del", VT_KEY_DEL},   {"enter", VT_KEY_ENTER}, {"tab", VT_KEY_TAB},
	{"bs", VT_KEY_BACKSPACE}, {"esc", VT_KEY_ESC},
};

/* The bytes of one key word in the viewer's current modes, appended to buf
 * (of size bytes, *len used). F-keys and named keys go through the driver so
 * they follow the keypad mode the viewer set. */
static void key_word_bytes(struct vt *vt, const char *word, size_t wlen, char *buf, size_t size,
			   size_t *len)
{
	char one[64];
	size_t n = 0;

	for (size_t i = 0; i < sizeof(named_keys) / sizeof(named_keys[0]); i++) {
		if (strlen(named_keys[i].name) == wlen &&
		    strncmp(word, named_keys[i].name, wlen) == 0)
			n = vt_key_bytes(vt, named_keys[i].key, 0, one, sizeof(one));
	}
	if (n == 0 && wlen == 5 && strncmp(word, "space", 5) == 0) {
		one[0] = ' ';
		n = 1;
	} else if (n == 0 && wlen == 3 && strncmp(word, "C-", 2) == 0) {
		one[0] = (char)(word[2] & 0x1f);
		n = 1;
	} else if (n == 0 && wlen >= 2 && wlen <= 3 && word[0] == 'f' && atoi(word + 1) >= 1 &&
		   atoi(word + 1) <= 12) {
		n = vt_key_bytes(vt, (enum vt_key)(VT_KEY_F1 + atoi(word + 1) - 1), 0, one,
				 sizeof(one));
	} else if (n == 0) {
		n = wlen < sizeof(one) ? wlen : sizeof(one);
		memcpy(one, word, n);
	}
	if (*len + n <= size) {
		memcpy(buf + *len, one, n);
		*len += n;
	}
}

/* The bytes of a key spec, `times` times over. */
static size_t keys_bytes(struct vt *vt, const char *spec, int times, char *buf, size_t size)
{
	size_t len = 0;

	for (int t = 0; t < times; t++) {
		for (const char *p = spec; *p != '\0';) {
			size_t n;

			p += strspn(p, " ");
			n = strcspn(p, " ");
			if (n > 0)
				key_word_bytes(vt, p, n, buf, size, &len);
			p += n;
		}
	}
	return len;
}

/* Sends a key spec (repeated) in one write(). */
static void send_keys(struct vt *vt, const char *spec, int times)
{
	char buf[4096];
	size_t n = keys_bytes(vt, spec, times, buf, sizeof(buf));

	if (n > 0 && vt_send(vt, buf, n) != 0)
		fprintf(stderr, "bench-wire: could not send keys \"%s\"\n", spec);
}

/* ---- one run ---- */

static char *screen_text(struct vt *vt)
{
	int rows;
	size_t len = 0, cap = 1;
	char *s = calloc(1, 1);

	vt_size(vt, &rows, NULL);
	for (int r = 0; r < rows && s != NULL; r++) {
		const char *row = vt_row_text(vt, r);
		size_t n = strlen(row) + 1;

		cap = len + n + 1;
		s = realloc(s, cap);
		if (s == NULL)
			break;
		memcpy(s + len, row, n - 1);
		s[len + n - 1] = '\n';
		len += n;
		s[len] = '\0';
	}
	if (s == NULL)
		abort();
	return s;
}

static char content_dir[300]; /* the text as lgma content, in home_dir */

/* The viewer's command with {file} and {content} put in (quoted for the
 * split). */
static char **command_argv(const struct viewer *v, const char *file, wordexp_t *we)
{
	char cmd[8192];
	size_t len = 0;

	for (const char *p = v->command; *p != '\0' && len + 1 < sizeof(cmd);) {
		if (strncmp(p, "{file}", 6) == 0) {
			len += (size_t)snprintf(cmd + len, sizeof(cmd) - len, "'%s'", file);
			p += 6;
		} else if (strncmp(p, "{content}", 9) == 0) {
			len += (size_t)snprintf(cmd + len, sizeof(cmd) - len, "'%s'", content_dir);
			p += 9;
		} else {
			cmd[len++] = *p++;
		}
	}
	cmd[len < sizeof(cmd) ? len : sizeof(cmd) - 1] = '\0';
	if (wordexp(cmd, we, WRDE_NOCMD) != 0 || we->we_wordc == 0)
		die("cannot split the command \"%s\"", v->command);
	return we->we_wordv;
}

static char **run_env(const char *term)
{
	static char term_env[128], home_env[128], path_env[4096];
	static char *env[MAX_ENV + 8];
	const char *path = getenv("PATH");
	int n = 0;

	snprintf(term_env, sizeof(term_env), "TERM=%s", term);
	snprintf(home_env, sizeof(home_env), "HOME=%s", home_dir);
	snprintf(path_env, sizeof(path_env), "PATH=%s", path ? path : "/usr/bin:/bin");
	env[n++] = term_env;
	env[n++] = home_env;
	env[n++] = path_env;
	env[n++] = (char *)"LANG=C.UTF-8";
	/* less would write its search history on quit: nothing to measure. */
	env[n++] = (char *)"LESSHISTFILE=-";
	for (int i = 0; i < opt.n_extra_env; i++)
		env[n++] = opt.extra_env[i];
	env[n] = NULL;
	return env;
}

static void show(struct vt *vt, const struct viewer *v, const char *what)
{
	if (!opt.verbose)
		return;
	fprintf(stderr, "== %s: after %s\n", v->name, what);
	vt_dump(vt, stderr);
}

/* An action is over when the viewer has reacted and then been quiet for
 * --quiet ms; a viewer slow to react (a loaded machine) is waited for up to
 * --react ms, which is also what a key that does nothing costs. */
static void wait_action(struct vt *vt)
{
	if (vt_wait_output(vt, opt.react_ms) == VT_FOUND)
		vt_wait_quiet(vt, opt.quiet_ms, ACTION_TIMEOUT_MS);
}

/* Runs an action: keys were sent by `send`; waits until quiet and keeps
 * the counts. */
static void finish_action(struct vt *vt, struct run *r, enum action a, char *before)
{
	char *after;

	wait_action(vt);
	r->act[a] = vt_action(vt);
	after = screen_text(vt);
	r->unchanged[a] = before != NULL && strcmp(before, after) == 0;
	free(before);
	free(after);
}

/* Adds the counts of an earlier step of the same action to *sum; its
 * times stay those of the last step. */
static void add_stats(struct vt_stats *sum, const struct vt_stats *step)
{
	sum->bytes += step->bytes;
	sum->reads += step->reads;
	sum->nul_bytes += step->nul_bytes;
	if (sum->child_writes >= 0 && step->child_writes >= 0)
		sum->child_writes += step->child_writes;
	if (step->max_gap_ms > sum->max_gap_ms)
		sum->max_gap_ms = step->max_gap_ms;
}

static void run_actions(struct vt *vt, const struct viewer *v, struct run *r)
{
	vt_mark(vt);
	send_keys(vt, v->line, 1);
	finish_action(vt, r, ACT_LINE, screen_text(vt));
	show(vt, v, action_names[ACT_LINE]);

	vt_mark(vt);
	send_keys(vt, v->page, 1);
	finish_action(vt, r, ACT_PAGE, screen_text(vt));
	show(vt, v, action_names[ACT_PAGE]);

	/* Typed as a person would: the prompt, the word, Enter; the waits
	 * between them are ours, so they are counted as three steps. */
	if (v->search[0] == '\0') {
		r->skipped[ACT_SEARCH] = true;
	} else {
		char *before = screen_text(vt);
		struct vt_stats prompt, word;

		vt_mark(vt);
		send_keys(vt, v->search, 1);
		wait_action(vt);
		prompt = vt_action(vt);
		vt_mark(vt);
		vt_type(vt, opt.search);
		wait_action(vt);
		word = vt_action(vt);
		vt_mark(vt);
		vt_key(vt, VT_KEY_ENTER, 0);
		finish_action(vt, r, ACT_SEARCH, before);
		add_stats(&r->act[ACT_SEARCH], &word);
		add_stats(&r->act[ACT_SEARCH], &prompt);
		show(vt, v, action_names[ACT_SEARCH]);
	}

	vt_mark(vt);
	send_keys(vt, v->line, TYPEAHEAD_KEYS);
	finish_action(vt, r, ACT_TYPEAHEAD, screen_text(vt));
	show(vt, v, action_names[ACT_TYPEAHEAD]);
}

static void run_once(const struct viewer *v, const char *file, struct size size, const char *term,
		     struct run *r)
{
	wordexp_t we;
	char **argv = command_argv(v, file, &we);
	struct vt *vt = vt_spawn(argv, run_env(term), size.rows, size.cols);
	enum vt_wait w;

	memset(r, 0, sizeof(*r));
	if (vt == NULL) {
		perror("bench-wire: vt_spawn");
		wordfree(&we);
		return;
	}
	w = vt_wait_output(vt, START_TIMEOUT_MS);
	if (w == VT_FOUND)
		w = vt_wait_quiet(vt, opt.quiet_ms, START_TIMEOUT_MS);
	r->act[ACT_INITIAL] = vt_total(vt);
	r->start_faults = vt_minor_faults(vt);
	show(vt, v, action_names[ACT_INITIAL]);
	r->started = w == VT_QUIET && r->act[ACT_INITIAL].bytes > 0;
	if (r->started) {
		run_actions(vt, v, r);
		vt_mark(vt);
		send_keys(vt, v->quit, 1);
	} else {
		fprintf(stderr, "bench-wire: %s did not start at %dx%d, TERM=%s (%s, %zu bytes):\n",
			v->name, size.cols, size.rows, term,
			w == VT_TIMEOUT ? "never quiet" : w == VT_EOF ? "exited" : "no output",
			r->act[ACT_INITIAL].bytes);
		vt_dump(vt, stderr);
	}
	r->killed = vt_wait_exit(vt, EXIT_TIMEOUT_MS, &r->status) == VT_TIMEOUT;
	r->group_left = vt_group_alive(vt);
	r->peak_rss_kb = vt_peak_rss_kb(vt);
	r->nul_bytes = vt_total(vt).nul_bytes;
	for (int a = 0; a < N_ACTIONS; a++)
		if (r->act[a].max_gap_ms > r->max_gap_ms)
			r->max_gap_ms = r->act[a].max_gap_ms;
	vt_close(vt);
	wordfree(&we);
}

/* ---- the table ---- */

enum field {
	F_BYTES,
	F_READS,
	F_WRITES,
	F_FIRST_BYTE,
	F_PAINTED,
	F_PAINT,
	F_RSS,
	F_FAULTS,
	F_NUL,
	F_GAP,
};

struct metric {
	const char *group; /* an action's name, or "" */
	const char *name;
	enum field field;
	enum action action;
	int decimals;
	bool fastest; /* the fastest run's value, not the median */
};

static double value(const struct run *r, const struct metric *m)
{
	const struct vt_stats *s = &r->act[m->action];

	if (m->field <= F_WRITES && r->skipped[m->action])
		return -1;
	switch (m->field) {
	case F_BYTES:
		return (double)s->bytes;
	case F_READS:
		return (double)s->reads;
	case F_WRITES:
		return (double)s->child_writes;
	case F_FIRST_BYTE:
		return r->act[ACT_INITIAL].first_byte_ms;
	case F_PAINTED:
		return r->act[ACT_INITIAL].last_byte_ms;
	case F_PAINT:
		return r->act[ACT_INITIAL].last_byte_ms - r->act[ACT_INITIAL].first_byte_ms;
	case F_RSS:
		return (double)r->peak_rss_kb / 1024.0;
	case F_FAULTS:
		return (double)r->start_faults;
	case F_NUL:
		return (double)r->nul_bytes;
	case F_GAP:
		return r->max_gap_ms;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* The median (or the fastest run's value) over the runs that started;
 * NAN-free: -1 when none did. */
static double summary(const struct run *runs, int n, const struct metric *m)
{
	double v[MAX_RUNS];
	int k = 0;

	for (int i = 0; i < n; i++)
		if (runs[i].started)
			v[k++] = value(&runs[i], m);
	if (k == 0)
		return -1;
	qsort(v, (size_t)k, sizeof(v[0]), cmp_double);
	if (m->fastest)
		return v[0];
	return k % 2 ? v[k / 2] : (v[k / 2 - 1] + v[k / 2]) / 2;
}

static bool any_unchanged(const struct run *runs, int n, enum action a)
{
	for (int i = 0; i < n; i++)
		if (runs[i].started && runs[i].unchanged[a])
			return true;
	return false;
}

static int n_metrics;
static struct metric metrics[N_ACTIONS * 3 + 12];

static void add_metric(const char *name, enum field field, int decimals, bool fastest)
{
	metrics[n_metrics++] =
		(struct metric){.group = "", .name = name, .field = field, .decimals = decimals, .fastest = fastest};
}

static void build_metrics(void)
{
	static const char *const sub[3] = {"bytes", "reads", "writes"};

	for (int a = 0; a < N_ACTIONS; a++)
		for (int f = 0; f < 3; f++)
			metrics[n_metrics++] = (struct metric){.group = action_names[a], .name = sub[f],
							       .field = (enum field)f, .action = (enum action)a};
	add_metric("first byte ms", F_FIRST_BYTE, 1, false);
	add_metric("painted ms (spawn->quiet)", F_PAINTED, 1, false);
	/* Start-up on a shared machine only ever gets slower than the
	 * program is: the fastest run is the closest to its own cost. */
	add_metric("painted ms, fastest run", F_PAINTED, 1, true);
	add_metric("paint ms (first->last byte)", F_PAINT, 1, false);
	add_metric("peak RSS MiB", F_RSS, 1, false);
	add_metric("page faults to painted", F_FAULTS, 0, false);
	add_metric("NUL padding bytes", F_NUL, 0, false);
	add_metric("longest pause in action ms", F_GAP, 1, false);
}

struct column {
	const struct viewer *v;
	const char *term;
	struct run runs[MAX_RUNS];
};

static const char *exit_text(const struct column *c, char *buf, size_t size)
{
	const struct run *r = &c->runs[0];

	if (r->killed)
		snprintf(buf, size, "killed");
	else if (WIFEXITED(r->status))
		snprintf(buf, size, "%d", WEXITSTATUS(r->status));
	else
		snprintf(buf, size, "sig %d", WTERMSIG(r->status));
	if (r->group_left)
		snprintf(buf + strlen(buf), size - strlen(buf), " +left");
	return buf;
}

static void print_table(struct size size, struct column *cols, int n)
{
	const int w = 15, lw = 28;
	char cell[64];

	printf("\n%dx%d (columns x rows), quiet %d ms, %d run%s\n", size.cols, size.rows,
	       opt.quiet_ms, opt.runs, opt.runs > 1 ? "s, medians" : "");
	printf("%-*s", lw, "");
	for (int c = 0; c < n; c++)
		printf("%*s", w, cols[c].v->name);
	printf("\n%-*s", lw, "");
	for (int c = 0; c < n; c++)
		printf("%*s", w, cols[c].term);
	printf("\n");
	for (int m = 0; m < n_metrics; m++) {
		const struct metric *mt = &metrics[m];
		bool first_of_group = m == 0 || strcmp(metrics[m - 1].group, mt->group) != 0;

		snprintf(cell, sizeof(cell), "%-14s %s", first_of_group ? mt->group : "", mt->name);
		printf("%-*s", lw, mt->group[0] != '\0' ? cell : mt->name);
		for (int c = 0; c < n; c++) {
			double x = summary(cols[c].runs, opt.runs, mt);
			bool flag = mt->field == F_BYTES &&
				    any_unchanged(cols[c].runs, opt.runs, mt->action);

			if (x < 0)
				snprintf(cell, sizeof(cell), "-");
			else
				snprintf(cell, sizeof(cell), "%.*f%s", mt->decimals, x,
					 flag ? "!" : "");
			printf("%*s", w, cell);
		}
		printf("\n");
	}
	printf("%-*s", lw, "exit status");
	for (int c = 0; c < n; c++)
		printf("%*s", w, exit_text(&cols[c], cell, sizeof(cell)));
	printf("\n");
}

static void print_tsv(struct size size, struct column *cols, int n)
{
	char cell[64];

	for (int c = 0; c < n; c++) {
		for (int m = 0; m < n_metrics; m++) {
			const struct metric *mt = &metrics[m];

			printf("%s\t%s\t%dx%d\t%s%s%s\t%.*f\n", cols[c].v->name, cols[c].term,
			       size.cols, size.rows, mt->group, mt->group[0] ? " " : "", mt->name,
			       mt->decimals, summary(cols[c].runs, opt.runs, mt));
		}
		printf("%s\t%s\t%dx%d\texit status\t%s\n", cols[c].v->name, cols[c].term,
		       size.cols, size.rows, exit_text(&cols[c], cell, sizeof(cell)));
	}
}

/* ---- setup ---- */

static bool in_path(const char *cmd)
{
	char *path, *dir, *save = NULL;
	bool found = false;

	if (strchr(cmd, '/') != NULL)
		return access(cmd, X_OK) == 0;
	path = strdup(getenv("PATH") ? getenv("PATH") : "/usr/bin:/bin");
	for (dir = strtok_r(path, ":", &save); dir != NULL && !found;
	     dir = strtok_r(NULL, ":", &save)) {
		char full[4096];

		snprintf(full, sizeof(full), "%s/%s", dir, cmd);
		found = access(full, X_OK) == 0;
	}
	free(path);
	return found;
}

static bool selected(const struct viewer *v)
{
	char word[64];

	if (opt.only == NULL)
		return true;
	for (const char *p = opt.only; *p != '\0';) {
		size_t n = strcspn(p, ",");

		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		if (strcmp(word, v->name) == 0)
			return true;
		p += n + (p[n] == ',');
	}
	return false;
}

static bool installed(const struct viewer *v)
{
	char first[1024];
	const char *cmd = v->command;
	size_t n;

	/* A path in single quotes ('/path with spaces/lgma' ...). */
	if (cmd[0] == '\'') {
		cmd++;
		n = strcspn(cmd, "'");
	} else {
		n = strcspn(cmd, " ");
	}
	snprintf(first, sizeof(first), "%.*s", (int)n, cmd);
	return in_path(first);
}

static struct viewer *find_viewer(const char *name, size_t len)
{
	for (int i = 0; i < n_viewers; i++)
		if (strlen(viewers[i].name) == len && strncmp(viewers[i].name, name, len) == 0)
			return &viewers[i];
	return NULL;
}

/* NAME=COMMAND: a new viewer, or a new command for a known one. */
static void add_viewer(const char *spec)
{
	const char *eq = strchr(spec, '=');
	struct viewer *v;

	if (eq == NULL || eq == spec)
		die("--viewer wants NAME=COMMAND, not \"%s\"", spec);
	v = find_viewer(spec, (size_t)(eq - spec));
	if (v == NULL) {
		if (n_viewers == MAX_VIEWERS)
			die("too many viewers at \"%s\"", spec);
		v = &viewers[n_viewers++];
		*v = (struct viewer){strndup(spec, (size_t)(eq - spec)), NULL, "down", "pgdn", "/",
				     "q", false};
	}
	v->command = eq + 1;
	v->is_default = false;
}

/* NAME:ACTION=KEYS[,ACTION=KEYS]... */
static void set_keys(const char *spec)
{
	const char *colon = strchr(spec, ':');
	struct viewer *v = colon ? find_viewer(spec, (size_t)(colon - spec)) : NULL;
	char *list, *item, *save = NULL;

	if (v == NULL)
		die("--keys wants VIEWER:ACTION=KEYS for a known viewer, not \"%s\"", spec);
	list = strdup(colon + 1);
	for (item = strtok_r(list, ",", &save); item != NULL; item = strtok_r(NULL, ",", &save)) {
		char *eq = strchr(item, '=');

		if (eq == NULL)
			die("--keys: no '=' in \"%s\"", item);
		*eq = '\0';
		if (strcmp(item, "line") == 0)
			v->line = eq + 1;
		else if (strcmp(item, "page") == 0)
			v->page = eq + 1;
		else if (strcmp(item, "search") == 0)
			v->search = eq + 1;
		else if (strcmp(item, "quit") == 0)
			v->quit = eq + 1;
		else
			die("--keys: the actions are line, page, search and quit, not \"%s\"", item);
	}
	/* The strings stay in use: list is never freed. */
}

static void usage(FILE *out)
{
	fputs("Usage: bench-wire [OPTION]...\n"
	      "Measures the bytes, reads and writes of text viewers per key action in a pty.\n"
	      "\n"
	      "  --viewer=NAME=CMD   add a viewer, or change a default one's command (less,\n"
	      "                      w3m, lgma); CMD is split like a shell, {file} is the\n"
	      "                      text, {content} the same text as lgma content\n"
	      "  --keys=NAME:ACTION=KEYS[,...]  keys of line, page, search, quit; KEYS are\n"
	      "                      words: up down pgdn pgup home end enter esc tab bs\n"
	      "                      space f1..f12 C-x, or text sent as it is\n"
	      "  --only=NAME[,NAME]  run only these viewers\n"
	      "  --size=ROWSxCOLS    a terminal size (repeatable; default 24x80 and 50x200)\n"
	      "  --term=TERM         a TERM (repeatable; default xterm-256color and vt100)\n"
	      "  --env=VAR=VALUE     add to the viewers' environment (repeatable)\n"
	      "  --file=PATH         the text to view (default: generated, and laid out for\n"
	      "                      each size as lgma lays it out; lgma shows the generated\n"
	      "                      text in any case)\n"
	      "  --make-text=PATH    write the generated text (before layout) to PATH, exit\n"
	      "  --content=DIR       content the text is generated from\n"
	      "  --lines=N           lines of generated text (default 2000)\n"
	      "  --search=WORD       what the search action looks for (default \"Pass 2\")\n"
	      "  --quiet=MS          silence that ends an action (default 200)\n"
	      "  --react=MS          how long a key may go without any answer (default 2000)\n"
	      "  --runs=N            runs of each measurement; medians are shown, and the\n"
	      "                      fastest run's start-up (default 1)\n"
	      "  --tsv               tab-separated values instead of tables\n"
	      "  --verbose           the screen after each action, on stderr\n"
	      "\n"
	      "In the table, ! after bytes: the screen did not change (the key did nothing);\n"
	      "- : not measured (a viewer whose search key is empty).\n"
	      "\"+left\" after the exit status: a process of the viewer's group outlived it.\n",
	      out);
}

static int positive(const char *arg, const char *what)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*end != '\0' || n < 1 || n > 100000)
		die("bad %s", what);
	return (int)n;
}

static void parse_size(const char *arg)
{
	struct size s;
	char x;

	if (opt.n_sizes == MAX_SIZES)
		die("too many sizes at %s", arg);
	if (sscanf(arg, "%d%c%d", &s.rows, &x, &s.cols) != 3 || x != 'x' || s.rows < 2 ||
	    s.cols < 10 || s.rows > 500 || s.cols > 1000)
		die("--size wants ROWSxCOLS, e.g. 24x80, not \"%s\"", arg);
	opt.sizes[opt.n_sizes++] = s;
}

static void parse_options(int argc, char **argv, const char **make_text)
{
	enum { O_VIEWER = 256, O_KEYS, O_ONLY, O_SIZE, O_TERM, O_ENV, O_FILE, O_MAKE_TEXT,
	       O_CONTENT, O_LINES, O_SEARCH, O_QUIET, O_REACT, O_RUNS, O_TSV, O_VERBOSE };
	static const struct option longopts[] = {
		{"viewer", required_argument, NULL, O_VIEWER},
		{"keys", required_argument, NULL, O_KEYS},
		{"only", required_argument, NULL, O_ONLY},
		{"size", required_argument, NULL, O_SIZE},
		{"term", required_argument, NULL, O_TERM},
		{"env", required_argument, NULL, O_ENV},
		{"file", required_argument, NULL, O_FILE},
		{"make-text", required_argument, NULL, O_MAKE_TEXT},
		{"content", required_argument, NULL, O_CONTENT},
		{"lines", required_argument, NULL, O_LINES},
		{"search", required_argument, NULL, O_SEARCH},
		{"quiet", required_argument, NULL, O_QUIET},
		{"react", required_argument, NULL, O_REACT},
		{"runs", required_argument, NULL, O_RUNS},
		{"tsv", no_argument, NULL, O_TSV},
		{"verbose", no_argument, NULL, O_VERBOSE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case O_VIEWER: add_viewer(optarg); break;
		case O_KEYS: set_keys(optarg); break;
		case O_ONLY: opt.only = optarg; break;
		case O_SIZE: parse_size(optarg); break;
		case O_TERM:
			if (opt.n_terms == MAX_TERMS)
				die("too many terms at %s", optarg);
			opt.terms[opt.n_terms++] = optarg;
			break;
		case O_ENV:
			if (opt.n_extra_env == MAX_ENV || strchr(optarg, '=') == NULL)
				die("--env wants VAR=VALUE (at most 32), not \"%s\"", optarg);
			opt.extra_env[opt.n_extra_env++] = optarg;
			break;
		case O_FILE: opt.file = optarg; break;
		case O_MAKE_TEXT: *make_text = optarg; break;
		case O_CONTENT: opt.content = optarg; break;
		case O_LINES: opt.lines = positive(optarg, "--lines"); break;
		case O_SEARCH: opt.search = optarg; break;
		case O_QUIET: opt.quiet_ms = positive(optarg, "--quiet"); break;
		case O_REACT: opt.react_ms = positive(optarg, "--react"); break;
		case O_RUNS:
			opt.runs = positive(optarg, "--runs");
			if (opt.runs > MAX_RUNS)
				die("at most %d runs", MAX_RUNS);
			break;
		case O_TSV: opt.tsv = true; break;
		case O_VERBOSE: opt.verbose = true; break;
		case 'h': usage(stdout); exit(0);
		default: usage(stderr); exit(2);
		}
	}
	if (optind < argc)
		die("unexpected argument \"%s\"", argv[optind]);
	if (opt.n_sizes == 0) {
		opt.sizes[opt.n_sizes++] = (struct size){24, 80};
		opt.sizes[opt.n_sizes++] = (struct size){50, 200};
	}
	if (opt.n_terms == 0) {
		opt.terms[opt.n_terms++] = "xterm-256color";
		opt.terms[opt.n_terms++] = "vt100";
	}
}

static bool make_text(const char *path)
{
	FILE *f = fopen(path, "w");
	bool ok;

	if (f == NULL) {
		perror(path);
		return false;
	}
	ok = bench_text_write(opt.content, opt.lines, f);
	return fclose(f) == 0 && ok;
}

/* Where the search word first is, to show that it is some screens down. */
static void describe_text(const char *file)
{
	char *line = NULL;
	size_t cap = 0, bytes = 0;
	long n = 0, first = 0;
	FILE *f = fopen(file, "r");

	if (f == NULL)
		die("cannot read %s", file);
	while (getline(&line, &cap, f) > 0) {
		n++;
		bytes += strlen(line);
		if (first == 0 && strstr(line, opt.search) != NULL)
			first = n;
	}
	free(line);
	fclose(f);
	printf("text: %s, %ld lines, %zu bytes; \"%s\" first on line %ld\n", file, n, bytes,
	       opt.search, first);
}

static int remove_entry(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(path);
}

int main(int argc, char **argv)
{
	const char *make_text_path = NULL;
	char text_path[256];
	static struct column cols[MAX_VIEWERS * MAX_TERMS];

	setvbuf(stdout, NULL, _IOLBF, 0);
	parse_options(argc, argv, &make_text_path);
	if (make_text_path != NULL)
		return make_text(make_text_path) ? 0 : 1;
	if (mkdtemp(home_dir) == NULL)
		die("cannot make %s", home_dir);
	snprintf(content_dir, sizeof(content_dir), "%s/content", home_dir);
	if (mkdir(content_dir, 0755) != 0 || !bench_content_write(opt.content, opt.lines, content_dir))
		die("cannot write the sample as lgma content in %s", content_dir);
	if (opt.file != NULL)
		describe_text(opt.file);
	build_metrics();
	for (int i = 0; i < n_viewers; i++) {
		if (selected(&viewers[i]) && !installed(&viewers[i]))
			printf("%s: not installed, skipped\n", viewers[i].name);
	}
	if (opt.tsv)
		printf("viewer\tterm\tsize\tmetric\tvalue\n");
	for (int s = 0; s < opt.n_sizes; s++) {
		const char *file = opt.file;
		int n = 0;

		/* The lines lgma shows in its reading view at this size. */
		if (file == NULL) {
			int width = bench_text_width(opt.sizes[s].cols);
			FILE *f;

			snprintf(text_path, sizeof(text_path), "%s/lgma-sample-%d.txt", home_dir, width);
			f = fopen(text_path, "w");
			if (f == NULL || !bench_text_layout(opt.content, opt.lines, width, f) || fclose(f) != 0)
				die("cannot write %s", text_path);
			printf("\n%dx%d: the text laid out at %d columns, as lgma's reading view\n",
			       opt.sizes[s].cols, opt.sizes[s].rows, width);
			describe_text(text_path);
			file = text_path;
		}

		for (int i = 0; i < n_viewers; i++) {
			if (!selected(&viewers[i]) || !installed(&viewers[i]))
				continue;
			for (int t = 0; t < opt.n_terms; t++) {
				cols[n].v = &viewers[i];
				cols[n].term = opt.terms[t];
				n++;
			}
		}
		/* Run by run, every viewer in turn: a machine that slows down
		 * part way (another job, the clock) slows all of them alike. */
		for (int r = 0; r < opt.runs; r++)
			for (int c = 0; c < n; c++)
				run_once(cols[c].v, file, opt.sizes[s], cols[c].term, &cols[c].runs[r]);
		if (opt.tsv)
			print_tsv(opt.sizes[s], cols, n);
		else
			print_table(opt.sizes[s], cols, n);
	}
	nftw(home_dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
