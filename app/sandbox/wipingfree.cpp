// care360-sandbox only: every heap block is overwritten when it is freed (issue 23). Qt's HTTP
// server, socket and JSON reader copy each request (the API key, note text) into buffers of
// their own and free them; glibc leaves freed blocks as they were, so the last requests could
// be read from the process for as long as it runs. glibc's M_PERTURB does not reach the small
// blocks it caches per thread (tcache), where keys end up, so free() and realloc() are replaced
// here, in front of glibc's own (which stay reachable as __libc_free and friends).
#include <cstdlib> // defines __GLIBC__ on glibc

// Sanitizers bring their own allocator, whose free() this must not hide.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define CARE360_SANITIZED_ALLOCATOR 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)                            \
    || __has_feature(memory_sanitizer)
#define CARE360_SANITIZED_ALLOCATOR 1
#endif
#endif

#if defined(__GLIBC__) && !defined(CARE360_SANITIZED_ALLOCATOR)

#include <malloc.h>
#include <string.h>

extern "C" {

void __libc_free(void *block);
void *__libc_malloc(size_t size);

void free(void *block) noexcept
{
    if (block)
        explicit_bzero(block, malloc_usable_size(block));
    __libc_free(block);
}

// glibc's realloc() releases the old block (or the tail it cuts off) without passing through
// free(): moving by hand sends it there.
void *realloc(void *block, size_t size) noexcept
{
    if (!block)
        return __libc_malloc(size);
    if (size == 0) {
        free(block);
        return nullptr;
    }
    const size_t usable = malloc_usable_size(block);
    if (size <= usable && size >= usable / 2)
        return block;
    void *moved = __libc_malloc(size);
    if (!moved)
        return nullptr;
    memcpy(moved, block, size < usable ? size : usable);
    free(block);
    return moved;
}

} // extern "C"

#endif
