#include "lgma/readfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lgma/xalloc.h"

static char *fail(const char *path, struct diag_list *diags, const char *why, int fd)
{
	diag_add(diags, DIAG_ERROR, path, 1, 1, "%s", why);
	if (fd >= 0)
		close(fd);
	return NULL;
}

/* Reads until EOF or more than max bytes; a file that grows while we read is
 * still bounded. */
static char *read_all(int fd, size_t expected, size_t max, size_t *size, int *err)
{
	size_t cap = expected > 0 && expected <= max ? expected + 1 : 4096, len = 0;
	char *buf = xmalloc(cap + 1);

	for (;;) {
		if (len == cap) {
			if (cap > max)
				break;
			cap *= 2;
			buf = xreallocarray(buf, cap + 1, 1);
		}
		ssize_t n = read(fd, buf + len, cap - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			*err = errno;
			free(buf);
			return NULL;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	buf[len] = '\0';
	*size = len;
	return buf;
}

char *readfile(const char *path, size_t max_size, size_t *size, struct diag_list *diags)
{
	struct stat st;
	char msg[256];
	int err = 0;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0) {
		snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
		return fail(path, diags, msg, -1);
	}
	if (fstat(fd, &st) != 0) {
		snprintf(msg, sizeof(msg), "cannot read: %s", strerror(errno));
		return fail(path, diags, msg, fd);
	}
	if (!S_ISREG(st.st_mode))
		return fail(path, diags, "not a regular file", fd);
	if ((unsigned long long)st.st_size > max_size) {
		snprintf(msg, sizeof(msg), "file too large: %lld bytes, the limit is %zu",
			 (long long)st.st_size, max_size);
		return fail(path, diags, msg, fd);
	}
	/* Sized from fstat, so a file is read with one allocation and no copy;
	 * it may still grow or shrink while we read. */
	char *buf = read_all(fd, (size_t)st.st_size, max_size, size, &err);
	if (buf == NULL) {
		snprintf(msg, sizeof(msg), "cannot read: %s", strerror(err));
		return fail(path, diags, msg, fd);
	}
	close(fd);
	if (*size > max_size) {
		free(buf);
		snprintf(msg, sizeof(msg), "file too large: the limit is %zu bytes", max_size);
		return fail(path, diags, msg, -1);
	}
	return buf;
}
