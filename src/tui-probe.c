/* The terminal probe: many SSH logins arrive with no locale (C) on a
 * terminal that is really UTF-8, and nothing but the terminal knows how
 * wide it draws East Asian Ambiguous characters. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui.h"

enum { PROBE_TIMEOUT_MS = 700 };

static long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads a cursor position report "ESC [ row ; col R"; returns col or -1. */
static int read_column(int fd)
{
	char buf[64];
	size_t n = 0;
	long deadline = now_ms() + PROBE_TIMEOUT_MS;

	while (n < sizeof(buf) - 1) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		long left = deadline - now_ms();
		ssize_t got;

		if (left <= 0 || poll(&p, 1, (int)left) <= 0)
			return -1;
		got = read(fd, buf + n, 1);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return -1;
		if (buf[n++] == 'R')
			break;
	}
	buf[n] = '\0';
	char *esc = strrchr(buf, '\033');
	int row, col;
	if (esc == NULL || sscanf(esc, "\033[%d;%dR", &row, &col) != 2)
		return -1;
	return col;
}

static void write_all(int fd, const char *s)
{
	size_t n = strlen(s);

	while (n > 0) {
		ssize_t w = write(fd, s, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}

bool tui_probe(int fd, bool *utf8, bool *ambiguous_wide)
{
	struct termios saved, raw;
	int col;

	if (!isatty(fd) || tcgetattr(fd, &saved) != 0)
		return false;
	raw = saved;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(fd, TCSANOW, &raw) != 0)
		return false;
	/* U+25CB WHITE CIRCLE is three bytes of UTF-8 and East Asian
	 * Ambiguous: the cursor lands on column 2 (UTF-8, narrow), 3 (UTF-8,
	 * wide) or 4 (three single-byte characters). */
	write_all(fd, "\r\xe2\x97\x8b\033[6n");
	col = read_column(fd);
	/* Erase the test character whatever the terminal made of it. */
	write_all(fd, "\r    \r");
	tcflush(fd, TCIFLUSH);
	tcsetattr(fd, TCSANOW, &saved);
	if (col < 2)
		return false;
	*utf8 = col == 2 || col == 3;
	*ambiguous_wide = col == 3;
	return true;
}
