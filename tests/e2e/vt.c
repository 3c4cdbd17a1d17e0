/* The pty driver's child and I/O: spawning in a new session, reading the
 * master into libvterm, counting, waiting with timeouts, ending the group. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "vt-private.h"

extern char **environ;

enum {
	READ_CHUNK = 65536,
	DEFAULT_IO_TIMEOUT_MS = 5000,
	/* How long SIGTERM (or the hang-up) gets before SIGKILL. */
	KILL_GRACE_MS = 500,
	/* Wake-up period when no pidfd tells us that the child exited. */
	EXIT_POLL_MS = 10,
};

double vt_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Milliseconds left until deadline, rounded up so a poll never wakes early
 * and spins; never negative. */
static int ms_until(double deadline)
{
	double left = deadline - vt_now_ms();

	if (left <= 0)
		return 0;
	return left > 1e9 ? 1000000000 : (int)left + 1;
}

void vt_buf_append(struct vt_buf *b, const void *bytes, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;

		while (b->len + n + 1 > cap)
			cap *= 2;
		b->data = realloc(b->data, cap);
		if (b->data == NULL)
			abort();
		b->cap = cap;
	}
	memcpy(b->data + b->len, bytes, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* ---- libvterm callbacks ---- */

static void on_term_output(const char *s, size_t len, void *user)
{
	struct vt *vt = user;

	vt_buf_append(&vt->to_child, s, len);
}

static int on_settermprop(VTermProp prop, VTermValue *val, void *user)
{
	struct vt *vt = user;

	switch (prop) {
	case VTERM_PROP_CURSORVISIBLE:
		vt->cursor_visible = val->boolean != 0;
		break;
	case VTERM_PROP_ALTSCREEN:
		vt->altscreen = val->boolean != 0;
		break;
	case VTERM_PROP_MOUSE:
		vt->mouse = val->number;
		break;
	case VTERM_PROP_TITLE:
		snprintf(vt->title, sizeof(vt->title), "%s", val->string ? val->string : "");
		break;
	default:
		break;
	}
	return 1; /* 0 would make libvterm refuse the change */
}

static const VTermScreenCallbacks screen_callbacks = {
	.settermprop = on_settermprop,
};

/* libvterm 0.1.4 crashes on a wide character in a screen of one column,
 * which output written for a wider size may bring after a resize: its
 * screen keeps two columns at least (the pty gets the asked size, and the
 * driver reads no cell beyond it). */
static int vterm_cols(int cols)
{
	return cols < 2 ? 2 : cols;
}

static bool open_screen(struct vt *vt, int rows, int cols)
{
	vt->term = vterm_new(rows, vterm_cols(cols));
	if (vt->term == NULL)
		return false;
	vterm_set_utf8(vt->term, 1);
	vterm_output_set_callback(vt->term, on_term_output, vt);
	vt->state = vterm_obtain_state(vt->term);
	vt->screen = vterm_obtain_screen(vt->term);
	vterm_screen_set_callbacks(vt->screen, &screen_callbacks, vt);
	vterm_screen_enable_altscreen(vt->screen, 1);
	vterm_screen_reset(vt->screen, 1);
	vt->rows = rows;
	vt->cols = cols;
	vt->cursor_visible = true;
	return true;
}

/* ---- the child's /proc files ---- */

/* The value of "key" (with its colon) in /proc/PID/file, or -1. */
static long proc_field(pid_t pid, const char *file, const char *key)
{
	char path[64], line[256];
	size_t klen = strlen(key);
	long value = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%ld/%s", (long)pid, file);
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (strncmp(line, key, klen) == 0) {
			value = strtol(line + klen, NULL, 10);
			break;
		}
	}
	fclose(f);
	return value;
}

/* The child's write() count so far: syscw counts system calls, so it is the
 * exact number of writes however the pty merged them into reads. */
static long child_syscw(struct vt *vt)
{
	if (!vt->reaped) {
		long n = proc_field(vt->pid, "io", "syscw:");

		if (n >= 0)
			vt->syscw_last = n;
	}
	return vt->syscw_last;
}

long vt_sample_rss(struct vt *vt)
{
	if (!vt->reaped) {
		/* A zombie has no VmHWM line: nothing is lost by asking. */
		long kb = proc_field(vt->pid, "status", "VmHWM:");

		if (kb > vt->peak_rss_kb)
			vt->peak_rss_kb = kb;
	}
	return vt->peak_rss_kb;
}

long vt_minor_faults(const struct vt *vt)
{
	char path[64], buf[1024];
	const char *p;
	long faults = -1;
	size_t n;
	FILE *f;

	if (vt->reaped)
		return -1;
	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)vt->pid);
	f = fopen(path, "re");
	if (f == NULL)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* The command name, in parentheses, may hold spaces: the fields are
	 * counted from its end. minflt is the 10th field, the 8th after it. */
	p = strrchr(buf, ')');
	if (p != NULL && sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %ld", &faults) != 1)
		faults = -1;
	return faults;
}

long vt_peak_rss_kb(const struct vt *vt)
{
	return vt->peak_rss_kb;
}

/* ---- counting ---- */

static void counters_start(struct vt *vt, struct vt_counters *c)
{
	memset(c, 0, sizeof(*c));
	c->start = vt_now_ms();
	c->first_byte = -1;
	c->last_byte = -1;
	c->syscw_start = child_syscw(vt);
}

static void counters_add(struct vt_counters *c, const char *bytes, size_t n, double t)
{
	c->bytes += n;
	c->reads++;
	for (size_t i = 0; i < n; i++)
		c->nul_bytes += bytes[i] == '\0';
	if (c->first_byte < 0)
		c->first_byte = t;
	else if (t - c->last_byte > c->max_gap)
		c->max_gap = t - c->last_byte;
	c->last_byte = t;
}

static struct vt_stats counters_stats(struct vt *vt, const struct vt_counters *c)
{
	struct vt_stats s = {
		.bytes = c->bytes,
		.reads = c->reads,
		.nul_bytes = c->nul_bytes,
		.first_byte_ms = c->first_byte < 0 ? -1 : c->first_byte - c->start,
		.last_byte_ms = c->last_byte < 0 ? -1 : c->last_byte - c->start,
		.max_gap_ms = c->max_gap,
		.child_writes = -1,
	};
	long now = child_syscw(vt);

	if (now >= 0 && c->syscw_start >= 0)
		s.child_writes = now - c->syscw_start;
	return s;
}

void vt_mark(struct vt *vt)
{
	vt_drain(vt); /* what came before belongs to the previous action */
	counters_start(vt, &vt->action);
}

struct vt_stats vt_action(struct vt *vt)
{
	return counters_stats(vt, &vt->action);
}

struct vt_stats vt_total(struct vt *vt)
{
	return counters_stats(vt, &vt->total);
}

/* ---- reading ---- */

enum { MAX_MODE_SEQUENCE = 64 };

/* libvterm 0.1.4 applies only the first mode of a DEC private mode set or
 * reset with several (CSI ? 1006 ; 1000 h, as ncurses enables the mouse),
 * where xterm applies them all: such a sequence reaches libvterm as one
 * sequence per mode. bytes[0..n) starts at ESC [ ?, params are digits and
 * ';'; returns the length of the sequence, 0 when it is cut by the end of
 * the bytes, -1 when it is something else. */
static long dec_modes(struct vt *vt, const char *bytes, size_t n, bool apply)
{
	size_t end = 3;

	while (end < n && ((bytes[end] >= '0' && bytes[end] <= '9') || bytes[end] == ';'))
		end++;
	if (end == n)
		return end < MAX_MODE_SEQUENCE ? 0 : -1;
	if ((bytes[end] != 'h' && bytes[end] != 'l') || memchr(bytes + 3, ';', end - 3) == NULL)
		return -1;
	for (size_t p = 3; apply && p < end;) {
		size_t q = p;
		char one[MAX_MODE_SEQUENCE + 8];
		int len;

		while (q < end && bytes[q] != ';')
			q++;
		len = snprintf(one, sizeof(one), "\033[?%.*s%c", (int)(q - p), bytes + p, bytes[end]);
		if (q > p && len > 0 && (size_t)len < sizeof(one))
			vterm_input_write(vt->term, one, (size_t)len);
		p = q + 1;
	}
	return (long)end + 1;
}

/* Whether bytes[0..n) could be the start of ESC [ ? digits... */
static bool mode_prefix(const char *bytes, size_t n)
{
	static const char intro[] = "\033[?";

	return n < 3 ? memcmp(bytes, intro, n) == 0 : memcmp(bytes, intro, 3) == 0 && dec_modes(NULL, bytes, n, false) == 0;
}

/* Gives the program's output to libvterm, splitting the mode sequences
 * libvterm would half apply; a possible start of one at the end waits in
 * vt->carry for the next read. */
static void feed_vterm(struct vt *vt, const char *bytes, size_t n)
{
	struct vt_buf work = {0};
	size_t from = 0, i = 0;

	if (vt->carry.len > 0) {
		vt_buf_append(&work, vt->carry.data, vt->carry.len);
		vt_buf_append(&work, bytes, n);
		vt->carry.len = 0;
		bytes = work.data;
		n = work.len;
	}
	while (i < n) {
		const char *esc = memchr(bytes + i, '\033', n - i);
		long len;

		if (esc == NULL)
			break;
		i = (size_t)(esc - bytes);
		if (mode_prefix(bytes + i, n - i)) {
			vt_buf_append(&vt->carry, bytes + i, n - i);
			n = i;
			break;
		}
		len = n - i >= 3 && memcmp(bytes + i, "\033[?", 3) == 0 ? dec_modes(vt, bytes + i, n - i, false) : -1;
		if (len > 0) {
			vterm_input_write(vt->term, bytes + from, i - from);
			dec_modes(vt, bytes + i, n - i, true);
			from = i + (size_t)len;
			i = from;
			continue;
		}
		i++;
	}
	if (n > from)
		vterm_input_write(vt->term, bytes + from, n - from);
	free(work.data);
}

static void take_output(struct vt *vt, const char *bytes, size_t n)
{
	double t = vt_now_ms();
	size_t pending = vt->to_child.len;

	counters_add(&vt->total, bytes, n, t);
	counters_add(&vt->action, bytes, n, t);
	vt_buf_append(&vt->recorded, bytes, n);
	if (vt->hook != NULL)
		vt->hook(bytes, n, vt->hook_user);
	feed_vterm(vt, bytes, n);
	/* What libvterm produced just now answers a query of the output. */
	if (vt->no_answers)
		vt->to_child.len = pending;
	/* A query (cursor position, device attributes) is answered at once,
	 * as a terminal would. */
	if (vt->to_child.len > 0)
		vt_flush_to_child(vt);
}

int vt_read_once(struct vt *vt, int timeout_ms)
{
	static char buf[READ_CHUNK];
	struct pollfd p = {.fd = vt->master, .events = POLLIN};
	ssize_t n;

	if (vt->eof || vt->master < 0)
		return -1;
	if (poll(&p, 1, timeout_ms) <= 0)
		return 0; /* timeout, or EINTR: callers loop on their deadline */
	n = read(vt->master, buf, sizeof(buf));
	if (n > 0) {
		take_output(vt, buf, (size_t)n);
		return (int)n;
	}
	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	/* EIO: every descriptor of the child's side is closed. */
	vt->eof = true;
	return -1;
}

void vt_drain(struct vt *vt)
{
	while (vt_read_once(vt, 0) > 0)
		;
}

/* ---- writing ---- */

int vt_send(struct vt *vt, const void *bytes, size_t n)
{
	const char *p = bytes;
	double deadline = vt_now_ms() + vt->io_timeout_ms;

	while (n > 0) {
		struct pollfd pfd = {.fd = vt->master, .events = POLLOUT | POLLIN};
		ssize_t w;

		if (vt->master < 0)
			return -1;
		w = write(vt->master, p, n);
		if (w > 0) {
			p += w;
			n -= (size_t)w;
			continue;
		}
		if (w < 0 && errno != EAGAIN && errno != EINTR)
			return -1;
		if (vt_now_ms() >= deadline)
			return -1;
		/* The program may be blocked writing to us: keep reading. */
		if (poll(&pfd, 1, ms_until(deadline)) > 0 && (pfd.revents & POLLIN))
			vt_read_once(vt, 0);
	}
	return 0;
}

int vt_type(struct vt *vt, const char *text)
{
	return vt_send(vt, text, strlen(text));
}

int vt_flush_to_child(struct vt *vt)
{
	struct vt_buf out = vt->to_child;
	int rc;

	/* vt_send may read output whose answers land in a fresh buffer. */
	memset(&vt->to_child, 0, sizeof(vt->to_child));
	rc = out.len == 0 ? 0 : vt_send(vt, out.data, out.len);
	free(out.data);
	return rc < 0 ? -1 : (int)out.len;
}

/* ---- the wrapper hook ----
 *
 * LGMA_E2E_WRAPPER, when set, is a command (words separated by blanks, no
 * quoting) that every spawned lgma runs under: the valgrind test setup
 * (meson test --setup=valgrind) sets it to valgrind, so the end-to-end
 * tests check the real binary they drive. Only a program named lgma is
 * wrapped; the driver's self-tests' less and vt-keyecho are not.
 * LGMA_E2E_TIMEOUT_SCALE=N multiplies every wait on a wrapped lgma, which
 * is that much slower; waits on other programs keep their times. */

int vt_lgma_slowdown(void)
{
	const char *wrapper = getenv("LGMA_E2E_WRAPPER");
	const char *s = getenv("LGMA_E2E_TIMEOUT_SCALE");
	int n = s != NULL ? atoi(s) : 1;

	if (wrapper == NULL || *wrapper == '\0')
		return 1;
	return n >= 1 && n <= 1000 ? n : 1;
}

static int scaled(const struct vt *vt, int ms)
{
	long long n = (long long)ms * vt->timeout_scale;

	return n > 1000000000 ? 1000000000 : (int)n;
}

/* argv under the wrapper (a malloc'd array of borrowed and split strings,
 * free with free_wrapped), or NULL when argv runs as it is. */
static char **wrapped_argv(char *const argv[], char **words)
{
	const char *wrapper = getenv("LGMA_E2E_WRAPPER");
	const char *base = strrchr(argv[0], '/');
	size_t n = 0, k = 0;
	char **out, *save;

	base = base != NULL ? base + 1 : argv[0];
	*words = NULL;
	if (wrapper == NULL || *wrapper == '\0' || strcmp(base, "lgma") != 0)
		return NULL;
	*words = strdup(wrapper);
	while (argv[n] != NULL)
		n++;
	out = calloc(strlen(wrapper) / 2 + 2 + n, sizeof(*out));
	if (*words == NULL || out == NULL)
		abort();
	for (char *w = strtok_r(*words, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save))
		out[k++] = w;
	for (size_t i = 0; i < n; i++)
		out[k++] = argv[i];
	out[k] = NULL;
	return out;
}

/* ---- spawning ---- */

static bool has_prefix(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The child's environment (see vt_spawn); a malloc'd array of borrowed
 * strings, NULL-terminated. */
static char **child_env(char *const envp[])
{
	char *const *src = envp != NULL ? envp : environ;
	size_t n = 0, k = 0;
	bool has_term = false;
	char **env;

	while (src[n] != NULL)
		n++;
	env = calloc(n + 2, sizeof(*env));
	if (env == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (envp == NULL && (has_prefix(src[i], "TERM=") || has_prefix(src[i], "LINES=") ||
				     has_prefix(src[i], "COLUMNS=")))
			continue;
		has_term |= has_prefix(src[i], "TERM=");
		env[k++] = src[i];
	}
	if (!has_term)
		env[k++] = (char *)"TERM=" VT_DEFAULT_TERM;
	env[k] = NULL;
	return env;
}

/* In the child: undo what the test process may have set, so the program
 * starts as from a login shell (a hang-up must be able to end it). */
static void reset_signals(void)
{
	sigset_t none;

	for (int sig = 1; sig < NSIG; sig++)
		signal(sig, SIG_DFL);
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

static void become_subreaper(void)
{
	static bool done;

	if (!done)
		prctl(PR_SET_CHILD_SUBREAPER, 1L, 0L, 0L, 0L);
	done = true;
}

struct vt *vt_spawn(char *const argv[], char *const envp[], int rows, int cols)
{
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};
	struct vt *vt = calloc(1, sizeof(*vt));
	char **env, *words, **wrapped;
	int saved;

	if (vt == NULL || !open_screen(vt, rows, cols)) {
		free(vt);
		errno = ENOMEM;
		return NULL;
	}
	vt->syscw_last = -1;
	vt->pidfd = -1;
	become_subreaper();
	env = child_env(envp);
	wrapped = wrapped_argv(argv, &words);
	vt->timeout_scale = wrapped != NULL ? vt_lgma_slowdown() : 1;
	vt->io_timeout_ms = scaled(vt, DEFAULT_IO_TIMEOUT_MS);
	vt->pid = forkpty(&vt->master, NULL, NULL, &ws);
	if (vt->pid == 0) {
		char *const *run = wrapped != NULL ? wrapped : argv;
		reset_signals();
		execvpe(run[0], run, env);
		dprintf(STDERR_FILENO, "vt: cannot run %s: %s\r\n", run[0], strerror(errno));
		_exit(127);
	}
	saved = errno;
	free(wrapped);
	free(words);
	free(env);
	if (vt->pid < 0) {
		vterm_free(vt->term);
		free(vt);
		errno = saved;
		return NULL;
	}
	fcntl(vt->master, F_SETFD, FD_CLOEXEC);
	fcntl(vt->master, F_SETFL, fcntl(vt->master, F_GETFL) | O_NONBLOCK);
#ifdef SYS_pidfd_open
	vt->pidfd = (int)syscall(SYS_pidfd_open, vt->pid, 0);
#endif
	counters_start(vt, &vt->total);
	vt->action = vt->total;
	return vt;
}

pid_t vt_pid(const struct vt *vt)
{
	return vt->pid;
}

void vt_set_io_timeout(struct vt *vt, int ms)
{
	vt->io_timeout_ms = scaled(vt, ms);
}

void vt_set_answers(struct vt *vt, bool answer)
{
	vt->no_answers = !answer;
}

void vt_hangup(struct vt *vt)
{
	if (vt->master >= 0)
		close(vt->master);
	vt->master = -1;
}

void vt_set_output_hook(struct vt *vt, vt_output_hook *hook, void *user)
{
	vt->hook = hook;
	vt->hook_user = user;
}

const char *vt_recorded(const struct vt *vt, size_t *len)
{
	*len = vt->recorded.len;
	return vt->recorded.data != NULL ? vt->recorded.data : "";
}

void vt_recorded_clear(struct vt *vt)
{
	vt->recorded.len = 0;
}

/* ---- waiting ---- */

enum vt_wait vt_wait_quiet(struct vt *vt, int quiet_ms, int timeout_ms)
{
	quiet_ms = scaled(vt, quiet_ms);
	timeout_ms = scaled(vt, timeout_ms);
	double start = vt_now_ms(), deadline = start + timeout_ms;

	for (;;) {
		double last = vt->total.last_byte > start ? vt->total.last_byte : start;
		double quiet_at = last + quiet_ms, now = vt_now_ms();

		if (now >= quiet_at) {
			vt_sample_rss(vt);
			return VT_QUIET;
		}
		if (now >= deadline)
			return VT_TIMEOUT;
		if (vt_read_once(vt, ms_until(quiet_at < deadline ? quiet_at : deadline)) < 0)
			return VT_EOF;
	}
}

enum vt_wait vt_wait_output(struct vt *vt, int timeout_ms)
{
	double deadline = vt_now_ms() + scaled(vt, timeout_ms);

	while (vt->action.bytes == 0) {
		if (vt_now_ms() >= deadline)
			return VT_TIMEOUT;
		if (vt_read_once(vt, ms_until(deadline)) < 0)
			return VT_EOF;
	}
	return VT_FOUND;
}

enum vt_wait vt_wait_text(struct vt *vt, const char *text, int timeout_ms)
{
	double deadline = vt_now_ms() + scaled(vt, timeout_ms);

	for (;;) {
		int got;

		if (vt_find(vt, text, NULL, NULL)) {
			vt_sample_rss(vt);
			return VT_FOUND;
		}
		if (vt_now_ms() >= deadline)
			return VT_TIMEOUT;
		got = vt_read_once(vt, ms_until(deadline));
		if (got < 0)
			return vt_find(vt, text, NULL, NULL) ? VT_FOUND : VT_EOF;
	}
}

static bool try_reap(struct vt *vt)
{
	int status = -1;
	pid_t got;

	if (vt->reaped)
		return true;
	got = waitpid(vt->pid, &status, WNOHANG);
	/* ECHILD: reaped behind our back (SIGCHLD ignored); it is gone. */
	if (got != vt->pid && !(got < 0 && errno == ECHILD))
		return false;
	vt->reaped = true;
	vt->status = got == vt->pid ? status : -1;
	if (vt->pidfd >= 0)
		close(vt->pidfd);
	vt->pidfd = -1;
	return true;
}

/* Waits until deadline for the child to exit, reading output and sampling
 * its memory at every wake-up. */
static bool wait_reaped(struct vt *vt, double deadline)
{
	for (;;) {
		struct pollfd p[2];
		int n = 0, cap;

		if (try_reap(vt))
			return true;
		vt_sample_rss(vt);
		if (vt_now_ms() >= deadline)
			return false;
		cap = ms_until(deadline);
		if (vt->pidfd >= 0)
			p[n++] = (struct pollfd){.fd = vt->pidfd, .events = POLLIN};
		else if (cap > EXIT_POLL_MS)
			cap = EXIT_POLL_MS;
		if (!vt->eof && vt->master >= 0)
			p[n++] = (struct pollfd){.fd = vt->master, .events = POLLIN};
		if (n == 0 && cap > EXIT_POLL_MS)
			cap = EXIT_POLL_MS;
		if (poll(p, (nfds_t)n, cap) > 0 && !vt->eof)
			vt_drain(vt);
	}
}

/* Whoever of the group reparented here is a zombie now gets reaped. */
static void reap_group_zombies(struct vt *vt)
{
	int status;
	pid_t got;

	while ((got = waitpid(-vt->pid, &status, WNOHANG)) > 0) {
		if (got == vt->pid && !vt->reaped) {
			vt->reaped = true;
			vt->status = status;
		}
	}
}

bool vt_group_alive(struct vt *vt)
{
	reap_group_zombies(vt);
	return kill(-vt->pid, 0) == 0 || errno == EPERM;
}

/* SIGTERM, a grace period, then SIGKILL for the whole group, and reaping. */
static void end_group(struct vt *vt, int first_signal)
{
	double deadline;

	if (first_signal != 0) {
		kill(-vt->pid, first_signal);
		/* A wrapped lgma needs the time to report (valgrind's leaks). */
		wait_reaped(vt, vt_now_ms() + scaled(vt, KILL_GRACE_MS));
	}
	kill(-vt->pid, SIGKILL);
	wait_reaped(vt, vt_now_ms() + vt->io_timeout_ms);
	/* Stragglers reparented here die asynchronously: reap them too. */
	deadline = vt_now_ms() + KILL_GRACE_MS;
	while (vt_group_alive(vt) && vt_now_ms() < deadline)
		poll(NULL, 0, 1);
}

enum vt_wait vt_wait_exit(struct vt *vt, int timeout_ms, int *status)
{
	if (!vt->reaped) {
		if (wait_reaped(vt, vt_now_ms() + scaled(vt, timeout_ms))) {
			vt->exit_result = VT_EXITED;
		} else {
			end_group(vt, SIGTERM);
			vt->exit_result = VT_TIMEOUT;
		}
		vt_drain(vt);
	}
	if (status != NULL)
		*status = vt->status;
	return vt->exit_result;
}

void vt_close(struct vt *vt)
{
	if (vt == NULL)
		return;
	if (!vt->reaped) {
		/* Closing the master hangs up the terminal: SIGHUP, as when an
		 * SSH link drops. */
		close(vt->master);
		vt->master = -1;
		if (!wait_reaped(vt, vt_now_ms() + scaled(vt, KILL_GRACE_MS)))
			end_group(vt, 0);
	}
	if (vt_group_alive(vt))
		end_group(vt, 0);
	if (vt->master >= 0)
		close(vt->master);
	if (vt->pidfd >= 0)
		close(vt->pidfd);
	vterm_free(vt->term);
	free(vt->to_child.data);
	free(vt->recorded.data);
	free(vt->carry.data);
	free(vt->row.data);
	free(vt->row_cols);
	free(vt);
}

/* ---- resizing ---- */

int vt_resize(struct vt *vt, int rows, int cols)
{
	struct winsize ws = {.ws_row = (unsigned short)rows, .ws_col = (unsigned short)cols};

	vt_drain(vt); /* written for the old size: interpret it at that size */
	vterm_set_size(vt->term, rows, vterm_cols(cols));
	vt->rows = rows;
	vt->cols = cols;
	if (vt->master < 0)
		return -1;
	return ioctl(vt->master, TIOCSWINSZ, &ws);
}

void vt_size(const struct vt *vt, int *rows, int *cols)
{
	if (rows != NULL)
		*rows = vt->rows;
	if (cols != NULL)
		*cols = vt->cols;
}
