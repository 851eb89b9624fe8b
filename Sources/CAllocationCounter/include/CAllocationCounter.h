#ifndef WARDEN_ALLOCATION_COUNTER_H
#define WARDEN_ALLOCATION_COUNTER_H

#include <stdint.h>

/// 1 when this build counts heap allocations (Linux with glibc, no sanitizer), else 0.
int warden_allocation_counter_available(void);
/// Starts (1) or stops (0) counting; counting is off until started.
void warden_allocation_counter_enable(int on);
/// Allocations (malloc, calloc, realloc of NULL, aligned allocations) counted so far.
uint64_t warden_allocation_counter_value(void);

#endif
