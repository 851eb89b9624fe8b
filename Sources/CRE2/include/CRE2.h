// A C surface over RE2 (https://github.com/google/re2), the linear-time regular expression
// engine, for the Swift module `WardenRegex`. Nothing here backtracks and nothing times out.
#ifndef WARDEN_CRE2_H
#define WARDEN_CRE2_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A compiled RE2 program. Immutable once built; matching is safe from any number of threads.
typedef struct cre2_regex cre2_regex;

/// Compiles `length` bytes of UTF-8 at `pattern` (RE2 / Go `regexp` syntax, case-sensitive,
/// `.` not matching a newline) with at most `max_memory` bytes for the program and its caches.
/// Returns NULL only when memory for the object itself cannot be had; a pattern RE2 rejects
/// still yields an object, whose `cre2_ok` is 0 and whose `cre2_error` says why.
cre2_regex *cre2_compile(const char *pattern, size_t length, int64_t max_memory);

/// 1 when the pattern compiled, else 0.
int cre2_ok(const cre2_regex *regex);

/// RE2's explanation of a compile failure (NUL-terminated, empty when it compiled); valid
/// until `cre2_free`.
const char *cre2_error(const cre2_regex *regex);

/// 1 when the pattern matches somewhere in the `length` bytes at `text` (unanchored), 0 when it
/// does not, -1 when no answer could be had (a regex that did not compile, memory exhausted):
/// callers must treat -1 as an error, never as "no match".
int cre2_partial_match(const cre2_regex *regex, const char *text, size_t length);

/// 1 when the `needle_length` bytes at `needle` occur in the `length` bytes at `text`, else 0
/// (the C library's `memmem`, linear time). The literal-pattern fast path.
int cre2_contains_bytes(const char *text, size_t length, const char *needle, size_t needle_length);

/// Releases a compiled program (NULL is ignored).
void cre2_free(cre2_regex *regex);

#ifdef __cplusplus
}
#endif

#endif
