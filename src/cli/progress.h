// A progress line on stderr for steps that take more than about a second:
// shown only when stderr is a terminal and -q is not given, redrawn at
// most ten times a second, and erased when the step ends, so that
// redirected output and logs never hold it.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace lineage::cli {

class Progress {
 public:
  // Enabled when `enabled` and stderr is a TTY.
  explicit Progress(bool enabled);
  ~Progress() { Clear(); }

  // Reports `done` of `total` (bytes, works...) of `stage`; total 0 when
  // unknown. Draws nothing during the first second.
  void Update(std::string_view stage, std::uint64_t done, std::uint64_t total);
  // Erases the line, if one was drawn.
  void Clear();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace lineage::cli
