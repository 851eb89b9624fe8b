// libFuzzer's driver entry (in the toolchain's libclang_rt.fuzzer, linked by -sanitize=fuzzer).
// SwiftPM names an executable's entry point after its module, so the targets start the driver
// from their own `main` instead of relying on libFuzzer's.
#pragma once
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
