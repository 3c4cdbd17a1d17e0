/* Watching the content directory for changes (--watch), with inotify. */
#include "tui-watch.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <sys/inotify.h>
#include <unistd.h>

int watch_open(const char *content_dir)
{
	const char *subdirs[] = {"", "/sections", "/world"};
	uint32_t mask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
			IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB;
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	int watched = 0;

	if (fd < 0)
		return -1;
	for (size_t i = 0; i < sizeof(subdirs) / sizeof(subdirs[0]); i++) {
		char path[PATH_MAX];
		snprintf(path, sizeof(path), "%s%s", content_dir, subdirs[i]);
		watched += inotify_add_watch(fd, path, mask) >= 0;
	}
	if (watched == 0) {
		close(fd);
		return -1;
	}
	return fd;
}

bool watch_drain(int fd)
{
	char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
	bool changed = false;

	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return changed;
		changed = true;
	}
}
