// glibc's allocator settings (`mallopt`, `M_TRIM_THRESHOLD`, `M_TOP_PAD`), which the Glibc
// module does not export. The Swift side uses them only where it imports Glibc.
#if __has_include(<malloc.h>)
#include <malloc.h>
#endif
