// Asking the kernel for 2 MiB pages for the big arrays of a graph. Their
// random accesses (a BFS, PageRank's gather, the counting sort that builds
// in-edges) otherwise miss the TLB on almost every step. Linux only; a hint
// that is harmless where it is not taken.
#pragma once

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace lineage::base {

// Reserves room for `n` elements in `v` (which must be empty) and marks it
// for transparent huge pages before anything is written to it, then makes
// it `n` value-initialized elements.
template <typename T>
void ResizeHuge(std::vector<T>& v, std::size_t n) {
  v.clear();
  v.reserve(n);
  const std::size_t bytes = n * sizeof(T);
  constexpr std::uintptr_t kHuge = std::uintptr_t{2} << 20;
  if (bytes >= 2 * kHuge) {
    const auto begin = reinterpret_cast<std::uintptr_t>(v.data());
    const std::uintptr_t first = (begin + kHuge - 1) & ~(kHuge - 1);
    const std::uintptr_t last = (begin + bytes) & ~(kHuge - 1);
    if (last > first)
      madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
  }
  v.resize(n);
}

}  // namespace lineage::base
