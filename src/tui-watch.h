#ifndef LGMA_TUI_WATCH_H
#define LGMA_TUI_WATCH_H

#include <stdbool.h>

/* An inotify descriptor watching the content directory and its sections/
 * and world/ subdirectories, or -1. The caller closes it. */
int watch_open(const char *content_dir);

/* Reads every pending event; true if there was any. */
bool watch_drain(int fd);

#endif
