// The C surface of include/CRE2.h over RE2's C++ API.
#include "CRE2.h"

#include <new>
#include <string.h>
#include <re2/re2.h>

struct cre2_regex {
    re2::RE2 program;

    cre2_regex(const char *pattern, size_t length, const re2::RE2::Options &options)
        : program(re2::StringPiece(pattern, length), options) {}
};

extern "C" cre2_regex *cre2_compile(const char *pattern, size_t length, int64_t max_memory) {
    re2::RE2::Options options;
    options.set_encoding(re2::RE2::Options::EncodingUTF8);
    options.set_log_errors(false);
    options.set_max_mem(max_memory);
    try {
        return new cre2_regex(pattern, length, options);
    } catch (...) {
        return nullptr;
    }
}

extern "C" int cre2_ok(const cre2_regex *regex) { return regex->program.ok() ? 1 : 0; }

extern "C" const char *cre2_error(const cre2_regex *regex) { return regex->program.error().c_str(); }

extern "C" int cre2_partial_match(const cre2_regex *regex, const char *text, size_t length) {
    if (!regex->program.ok()) return -1;
    try {
        return regex->program.Match(re2::StringPiece(text, length), 0, length, re2::RE2::UNANCHORED, nullptr, 0)
            ? 1 : 0;
    } catch (...) {
        return -1;
    }
}

extern "C" void cre2_free(cre2_regex *regex) { delete regex; }

extern "C" int cre2_contains_bytes(const char *text, size_t length, const char *needle, size_t needle_length) {
    if (needle_length == 0) return 1;
    if (text == nullptr || length < needle_length) return 0;
    return memmem(text, length, needle, needle_length) != nullptr ? 1 : 0;
}
