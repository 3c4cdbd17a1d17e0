/* Allocation that cannot fail: out of memory ends the program with a message,
 * so no caller carries an error path for it. */
#ifndef LGMA_XALLOC_H
#define LGMA_XALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
/* Grows (or shrinks) an array of count elements of size bytes; checks the product. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

#endif
