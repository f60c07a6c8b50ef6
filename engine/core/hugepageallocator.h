#pragma once

#include <cstddef>
#include <new>
#include <vector>

#if defined(__linux__)
#include <sys/mman.h>
#endif

namespace longitude::engine {

/// A standard allocator that asks the kernel for transparent huge pages (2 MiB) for large
/// arrays: the request slab and the other arrays the event loop reads at random are tens of MiB,
/// and with 4 KiB pages nearly every cold access also misses the TLB (in a VM, a two-level page
/// walk). An array of at least kHugeBytes gets its own 2 MiB-aligned mapping marked
/// madvise(MADV_HUGEPAGE), which the kernel honours when THP is in `madvise` or `always` mode
/// (the usual defaults); smaller ones come from operator new as usual. It is stateless, so
/// containers using it behave like std::vector in every other respect, and it holds no global
/// state. docs/performance.md measures the effect.
template <typename T>
class HugePageAllocator
{
public:
    using value_type = T;

    /// Arrays of at least this size are mapped on their own, in whole huge pages: below it, the
    /// rounding up to 2 MiB would waste more than it saves.
    static constexpr std::size_t kHugeBytes = std::size_t{1} << 20;
    static constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

    HugePageAllocator() noexcept = default;
    template <typename U>
    HugePageAllocator(const HugePageAllocator<U> &) noexcept
    {
    }

    T *allocate(std::size_t n)
    {
        if (n > static_cast<std::size_t>(-1) / sizeof(T))
            throw std::bad_array_new_length();
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__)
        if (bytes >= kHugeBytes)
            return static_cast<T *>(mapHuge(bytes));
#endif
        return static_cast<T *>(::operator new(bytes, std::align_val_t{alignof(T)}));
    }

    void deallocate(T *p, std::size_t n) noexcept
    {
        const std::size_t bytes = n * sizeof(T);
#if defined(__linux__)
        if (bytes >= kHugeBytes) {
            ::munmap(p, roundUp(bytes));
            return;
        }
#endif
        ::operator delete(p, bytes, std::align_val_t{alignof(T)});
    }

    template <typename U>
    bool operator==(const HugePageAllocator<U> &) const noexcept
    {
        return true;
    }

private:
    static std::size_t roundUp(std::size_t bytes) { return (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1); }

#if defined(__linux__)
    /// A fresh mapping of `bytes` rounded up to whole huge pages, starting on a huge-page
    /// boundary (the kernel can only back aligned 2 MiB ranges with a huge page).
    static void *mapHuge(std::size_t bytes)
    {
        const std::size_t size = roundUp(bytes);
        void *raw = ::mmap(nullptr, size + kHugePageBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            throw std::bad_alloc();
        char *base = static_cast<char *>(raw);
        char *aligned = reinterpret_cast<char *>((reinterpret_cast<std::size_t>(base) + kHugePageBytes - 1)
                                                 & ~(kHugePageBytes - 1));
        // Give back the unaligned head and the tail beyond the rounded size.
        if (aligned > base)
            ::munmap(base, static_cast<std::size_t>(aligned - base));
        const std::size_t tail = static_cast<std::size_t>(base + size + kHugePageBytes - (aligned + size));
        if (tail > 0)
            ::munmap(aligned + size, tail);
        // Advice only: without THP the mapping simply keeps 4 KiB pages.
        ::madvise(aligned, size, MADV_HUGEPAGE);
        return aligned;
    }
#endif
};

/// A vector whose storage takes huge pages once it is large (see HugePageAllocator).
template <typename T>
using HugePageVector = std::vector<T, HugePageAllocator<T>>;

} // namespace longitude::engine
