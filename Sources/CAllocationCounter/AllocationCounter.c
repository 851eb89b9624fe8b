// Counts heap allocations for `warden bench` by interposing the C allocator's entry points and
// forwarding every call to glibc's own implementation (`__libc_*`), so the allocator is
// unchanged and memory from any entry point may be freed by any other. Counting costs one
// relaxed atomic load per call while off. Not built under a sanitizer (the sanitizers interpose
// these functions themselves) nor without glibc; the counter then reports itself unavailable.
#include "CAllocationCounter.h"

#if defined(__linux__) && defined(__GLIBC__)
#  if defined(__has_feature)
#    if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#      define WARDEN_NO_INTERPOSER 1
#    endif
#  endif
#  if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#    define WARDEN_NO_INTERPOSER 1
#  endif
#else
#  define WARDEN_NO_INTERPOSER 1
#endif

static int counting;
static uint64_t counted;

#ifndef WARDEN_NO_INTERPOSER
#include <errno.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void __libc_free(void *pointer);

static inline void note(void) {
    if (__atomic_load_n(&counting, __ATOMIC_RELAXED)) {
        __atomic_fetch_add(&counted, 1, __ATOMIC_RELAXED);
    }
}

void *malloc(size_t size) {
    note();
    return __libc_malloc(size);
}

void *calloc(size_t count, size_t size) {
    note();
    return __libc_calloc(count, size);
}

void *realloc(void *pointer, size_t size) {
    if (pointer == NULL) note();
    return __libc_realloc(pointer, size);
}

void free(void *pointer) {
    __libc_free(pointer);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    note();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}

void *aligned_alloc(size_t alignment, size_t size) {
    note();
    return __libc_memalign(alignment, size);
}

int warden_allocation_counter_available(void) { return 1; }
#else
int warden_allocation_counter_available(void) { return 0; }
#endif

void warden_allocation_counter_enable(int on) {
    __atomic_store_n(&counting, on ? 1 : 0, __ATOMIC_RELAXED);
}

uint64_t warden_allocation_counter_value(void) {
    return __atomic_load_n(&counted, __ATOMIC_RELAXED);
}
