/* A fixture for the driver's self-tests: shows in hex what the terminal
 * sends. Puts its terminal in raw mode, optionally asks for modes, writes
 * "ready", then for every read() writes one line "HEX HEX ...\r\n" with ONE
 * write(), and exits 0 when a read returns just "q".
 *
 *   vt-keyecho [app] [mouse] [dsr]
 *     app    keypad transmit mode (DECCKM + DECKPAM), as ncurses' keypad()
 *     mouse  SGR mouse reports (modes 1000 and 1006)
 *     dsr    moves the cursor to row 5, column 10 and asks where it is */
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void say(const char *s)
{
	if (write(STDOUT_FILENO, s, strlen(s)) < 0)
		_exit(3);
}

int main(int argc, char **argv)
{
	struct termios saved, raw;
	unsigned char in[256];
	char line[sizeof(in) * 3 + 3];

	if (tcgetattr(STDIN_FILENO, &saved) != 0)
		return 2;
	raw = saved;
	cfmakeraw(&raw);
	tcsetattr(STDIN_FILENO, TCSANOW, &raw);
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "app") == 0)
			say("\033[?1h\033=");
		else if (strcmp(argv[i], "mouse") == 0)
			say("\033[?1000h\033[?1006h");
		else if (strcmp(argv[i], "dsr") == 0)
			say("\033[5;10H\033[6n\r\n");
	}
	say("ready\r\n");
	for (;;) {
		ssize_t n = read(STDIN_FILENO, in, sizeof(in));
		size_t len = 0;

		if (n <= 0)
			break;
		if (n == 1 && in[0] == 'q')
			break;
		for (ssize_t i = 0; i < n; i++)
			len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%02x",
						i > 0 ? " " : "", in[i]);
		memcpy(line + len, "\r\n", 2);
		if (write(STDOUT_FILENO, line, len + 2) < 0)
			break;
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return 0;
}
