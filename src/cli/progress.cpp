#include "cli/progress.h"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace lineage::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

void Progress::Update(std::string_view stage, std::uint64_t done,
                      std::uint64_t total) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1) ||
      (drawn_ && now - last_ < std::chrono::milliseconds(100)))
    return;
  last_ = now;
  const double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line;
  if (total > 0) {
    const double share = static_cast<double>(done) / static_cast<double>(total);
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(share * kWidth);
    line = fmt::format("{} [{}{}] {:3.0f}% {:.1f} s", stage,
                       std::string(filled, '#'),
                       std::string(kWidth - filled, '.'), share * 100, seconds);
  } else {
    line = fmt::format("{}... {:.1f} s", stage, seconds);
  }
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Clear() {
  if (!drawn_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  drawn_ = false;
}

}  // namespace lineage::cli
