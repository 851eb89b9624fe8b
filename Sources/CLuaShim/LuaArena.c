#include "lua_arena.h"

#include <stdlib.h>
#include <string.h>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WARDEN_ARENA_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define WARDEN_ARENA_ASAN 1
#endif

#ifdef WARDEN_ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(address, size) ASAN_POISON_MEMORY_REGION((address), (size))
#define UNPOISON(address, size) ASAN_UNPOISON_MEMORY_REGION((address), (size))
#else
#define POISON(address, size) ((void)(address), (void)(size))
#define UNPOISON(address, size) ((void)(address), (void)(size))
#endif

/* The first chunk holds what a fresh state needs (its strings, the base library, the
 * bootstrap); each later one doubles, up to the last size. */
#define FIRST_CHUNK 4096
#define LARGEST_CHUNK 32768

struct warden_arena_chunk {
    warden_arena_chunk *next;
    size_t size;
    /* 16-byte aligned blocks follow the header */
};

#define CHUNK_HEADER ((sizeof(warden_arena_chunk) + WARDEN_ARENA_GRANULE - 1) & ~(size_t)(WARDEN_ARENA_GRANULE - 1))

static size_t class_of(size_t size) { return size == 0 ? 0 : (size - 1) / WARDEN_ARENA_GRANULE; }
static size_t class_size(size_t index) { return (index + 1) * WARDEN_ARENA_GRANULE; }

void warden_arena_init(warden_arena *arena) {
    memset(arena, 0, sizeof *arena);
    arena->next_chunk_size = FIRST_CHUNK;
}

static void give_back(warden_arena *arena, void *ptr, size_t size) {
    size_t index = class_of(size);
    void **block = ptr;
    *block = arena->free_lists[index];
    arena->free_lists[index] = block;
    /* the link stays readable by the arena itself; the rest is poisoned until reused */
    POISON((char *)block + sizeof(void *), class_size(index) - sizeof(void *));
}

/* A new chunk for at least `need` bytes of blocks; what was left of the previous one goes to
 * the free lists of the classes it fits. */
static int grow(warden_arena *arena, size_t need) {
    size_t size = arena->next_chunk_size;
    while (size - CHUNK_HEADER < need) size *= 2;
    warden_arena_chunk *chunk = malloc(size);
    if (chunk == NULL) return 0;
    /* Chunk sizes, the header and every block are multiples of the granule, so the rest is too. */
    size_t left = (size_t)(arena->end - arena->cursor);
    while (left > 0) {
        size_t block = left < WARDEN_ARENA_SMALL_MAX ? left : WARDEN_ARENA_SMALL_MAX;
        UNPOISON(arena->cursor, sizeof(void *));
        give_back(arena, arena->cursor, block);
        arena->cursor += block;
        left -= block;
    }
    chunk->next = arena->chunks;
    chunk->size = size;
    arena->chunks = chunk;
    arena->cursor = (char *)chunk + CHUNK_HEADER;
    arena->end = (char *)chunk + size;
    POISON(arena->cursor, (size_t)(arena->end - arena->cursor));
    if (arena->next_chunk_size < LARGEST_CHUNK) arena->next_chunk_size *= 2;
    return 1;
}

static void *take(warden_arena *arena, size_t size) {
    size_t index = class_of(size);
    void **block = arena->free_lists[index];
    if (block != NULL) {
        UNPOISON(block, class_size(index));
        arena->free_lists[index] = *block;
        return block;
    }
    size_t bytes = class_size(index);
    if ((size_t)(arena->end - arena->cursor) < bytes && !grow(arena, bytes)) return NULL;
    void *fresh = arena->cursor;
    arena->cursor += bytes;
    UNPOISON(fresh, bytes);
    return fresh;
}

void *warden_arena_resize(warden_arena *arena, void *ptr, size_t osize, size_t nsize) {
    size_t old = ptr ? osize : 0;
    int old_small = ptr != NULL && old <= WARDEN_ARENA_SMALL_MAX;
    int new_small = nsize <= WARDEN_ARENA_SMALL_MAX;
    if (ptr != NULL && old_small && new_small && class_of(old) == class_of(nsize)) return ptr;
    if (ptr != NULL && !old_small && !new_small) return realloc(ptr, nsize);
    void *block = new_small ? take(arena, nsize) : malloc(nsize);
    if (block == NULL) return NULL;
    if (ptr != NULL) {
        memcpy(block, ptr, old < nsize ? old : nsize);
        warden_arena_free(arena, ptr, old);
    }
    return block;
}

void warden_arena_free(warden_arena *arena, void *ptr, size_t osize) {
    if (ptr == NULL) return;
    if (osize <= WARDEN_ARENA_SMALL_MAX) give_back(arena, ptr, osize);
    else free(ptr);
}

void warden_arena_release(warden_arena *arena) {
    warden_arena_chunk *chunk = arena->chunks;
    while (chunk != NULL) {
        warden_arena_chunk *next = chunk->next;
        UNPOISON(chunk, chunk->size);
        free(chunk);
        chunk = next;
    }
    warden_arena_init(arena);
}
