/* Reading a content file whole, refusing what is not one. */
#ifndef LGMA_READFILE_H
#define LGMA_READFILE_H

#include <stddef.h>

#include "lgma/diag.h"

/* Reads a regular file (not a FIFO, device or directory, which could block or
 * never end) of at most max_size bytes into a malloc'd, NUL-terminated buffer
 * that the caller frees; *size gets its length. Returns NULL after adding an
 * error at path:1:1 to diags. */
char *readfile(const char *path, size_t max_size, size_t *size, struct diag_list *diags);

#endif
