#include "lgma/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lgma/xalloc.h"

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

struct arena_block {
	struct arena_block *next;
	size_t size;
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void arena_fini(struct arena *a)
{
	struct arena_block *b = a->head;

	while (b != NULL) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	arena_init(a);
}

static struct arena_block *new_block(size_t size)
{
	struct arena_block *b = xmalloc(sizeof(*b) + size);

	b->size = size;
	b->used = 0;
	b->next = NULL;
	return b;
}

void *arena_alloc(struct arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	struct arena_block *b = a->head;

	if (size > SIZE_MAX - align)
		return xmalloc(SIZE_MAX); /* reports out of memory */
	size = (size + align - 1) & ~(align - 1);
	if (b == NULL || b->size - b->used < size) {
		/* Oversized requests get a block of their own behind the current
		 * one, so the current block's free tail is not wasted. */
		if (size > ARENA_BLOCK_SIZE / 4 && b != NULL) {
			struct arena_block *big = new_block(size);
			big->next = b->next;
			b->next = big;
			big->used = size;
			a->used += size;
			return big->data;
		}
		b = new_block(size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE);
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	a->used += size;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *copy = arena_alloc(a, n + 1);

	memcpy(copy, s, n);
	copy[n] = '\0';
	return copy;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void arena_adopt(struct arena *a, struct arena *from)
{
	struct arena_block *last = from->head;

	if (last == NULL)
		return;
	while (last->next != NULL)
		last = last->next;
	/* Behind a's current block, which keeps taking small allocations. */
	if (a->head == NULL) {
		a->head = from->head;
	} else {
		last->next = a->head->next;
		a->head->next = from->head;
	}
	a->used += from->used;
	arena_init(from);
}
