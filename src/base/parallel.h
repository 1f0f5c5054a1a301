// A loop split in two halves, one on each core: how the analyses and the
// importer use the second core (building a graph also indexes its ids on a
// thread of its own while the links are checked).
#pragma once

#include <cstddef>
#include <thread>

namespace lineage::base {

// Runs a() and b() at once, b on a new thread, when `items` (the work they
// share) is 100,000 or more; below that, where a thread costs more than it
// saves, one after the other. Returns when both are done.
template <typename A, typename B>
void OnTwoCores(std::size_t items, A&& a, B&& b) {
  if (items < 100'000) {
    a();
    b();
    return;
  }
  std::thread second([&] { b(); });
  a();
  second.join();
}

// Runs f(0, 0, mid) and f(1, mid, n) at once, the second on a new thread
// (below 100,000 items, where a thread costs more than it saves, one after
// the other), and returns when both are done. The split depends only on the
// arguments, so sums taken per half and then added are the same on any machine.
template <typename F>
void OnTwoHalves(std::size_t n, std::size_t mid, F&& f) {
  OnTwoCores(
      n, [&] { f(0, std::size_t{0}, mid); }, [&] { f(1, mid, n); });
}

}  // namespace lineage::base
