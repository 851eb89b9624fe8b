#ifndef WARDEN_LUA_ARENA_H
#define WARDEN_LUA_ARENA_H

/*
 * The memory of one Lua state: small blocks come from chunks the state owns, larger ones from
 * malloc.
 *
 * A Lua state makes hundreds of small allocations (strings, tables, closures, prototypes) when
 * it opens and frees them all when it closes; through malloc each costs a call, a header and,
 * at close, a free that malloc must put back in its bins. Lua passes the size of a block when it
 * frees or resizes it, so an allocator for one state needs no headers: blocks of up to
 * WARDEN_ARENA_SMALL_MAX bytes are carved from chunks by a bump pointer, freed blocks wait on a
 * free list per 16-byte size class for the next block of that class, and closing the state
 * returns whole chunks to malloc.
 *
 * A freed block is reused only by a block of its own class (no coalescing): what a state takes
 * is bounded by the peak of each class. One state, one thread at a time: no locking.
 *
 * Under AddressSanitizer, free blocks and the unused rest of a chunk are poisoned, so a use
 * after free or an overflow inside the arena is still reported.
 */

#include <stddef.h>

/* Blocks up to this size come from the arena; larger ones from malloc. */
#define WARDEN_ARENA_SMALL_MAX 512
#define WARDEN_ARENA_GRANULE 16
#define WARDEN_ARENA_CLASSES (WARDEN_ARENA_SMALL_MAX / WARDEN_ARENA_GRANULE)

typedef struct warden_arena_chunk warden_arena_chunk;

typedef struct warden_arena {
    void *free_lists[WARDEN_ARENA_CLASSES]; /* class i: blocks of (i + 1) * 16 bytes */
    char *cursor;                           /* the next unused byte of the newest chunk */
    char *end;                              /* the end of the newest chunk */
    warden_arena_chunk *chunks;             /* every chunk, newest first */
    size_t next_chunk_size;
} warden_arena;

/* An empty arena (no chunk yet). */
void warden_arena_init(warden_arena *arena);
/* Lua's allocation contract for nsize > 0: a block of nsize bytes holding the first
 * min(osize, nsize) bytes of ptr (ptr NULL: a new block); NULL when memory is exhausted, ptr
 * then untouched. */
void *warden_arena_resize(warden_arena *arena, void *ptr, size_t osize, size_t nsize);
/* Frees a block of osize bytes. */
void warden_arena_free(warden_arena *arena, void *ptr, size_t osize);
/* Returns every chunk to malloc (blocks still allocated from it become invalid). */
void warden_arena_release(warden_arena *arena);

#endif
