/* A bump allocator: many small allocations that all die together.
 * The content model keeps every string in one arena, so loading 20 MB of
 * content is a few large malloc calls and freeing it is one walk. */
#ifndef LGMA_ARENA_H
#define LGMA_ARENA_H

#include <stddef.h>

struct arena_block;

struct arena {
	struct arena_block *head;
	size_t used; /* total bytes handed out, for limits and benchmarks */
};

void arena_init(struct arena *a);
/* Frees every block; the arena can be used again afterwards. */
void arena_fini(struct arena *a);
/* Memory aligned for any type; lives until arena_fini. */
void *arena_alloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Moves every allocation of from into a (they now live until a's
 * arena_fini); from is left empty. For work done on other threads. */
void arena_adopt(struct arena *a, struct arena *from);
char *arena_strdup(struct arena *a, const char *s);

#endif
