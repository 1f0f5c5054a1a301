// A loop split in two halves, one on each core: how the analyses and the
// importer use the second core (building a graph also indexes its ids on a
// thread of its own while the links are checked).
#pragma once

#include <cstddef>
#include <thread>

namespace lineage::base {

// Runs f(0, 0, mid) and f(1, mid, n) at once, the second on a new thread
// (below 100,000 items, where a thread costs more than it saves, one after
// the other), and returns when both are done. The split depends only on the
// arguments, so sums taken per half and then added are the same on any machine.
template <typename F>
void OnTwoHalves(std::size_t n, std::size_t mid, F&& f) {
  if (n < 100'000) {
    f(0, std::size_t{0}, mid);
    f(1, mid, n);
    return;
  }
  std::thread second([&] { f(1, mid, n); });
  f(0, std::size_t{0}, mid);
  second.join();
}

}  // namespace lineage::base
