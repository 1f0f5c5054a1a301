// Collecting the problems of a large input: every one counted, the first
// few of each kind kept as evidence, so that a file with 300,000 broken
// lines gives a readable report with true totals.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace lineage::base {

class ProblemList {
 public:
  // Keeps the first `per_kind` problems of each kind (default 10).
  explicit ProblemList(std::size_t per_kind = 10) : per_kind_(per_kind) {}

  // Counts a problem of `kind` (a short phrase: "malformed dates"); keeps
  // it when fewer than per_kind of its kind are kept. Amortised O(kinds).
  void Add(std::string_view kind, Diagnostic problem);

  bool empty() const { return total_ == 0; }
  std::size_t total() const { return total_; }
  // How many problems of `kind` there were, kept or not.
  std::size_t count(std::string_view kind) const;

  // kInvalidData "N problem(s) in `what`" with the true total, the kept
  // problems in the order they were found, and for each kind with more
  // than were kept a last line "and M more: kind" naming `file`. OK when
  // there were none.
  Status ToStatus(std::string_view what, const std::string& file) const;

 private:
  struct Kind {
    std::string name;
    std::size_t count = 0;
  };
  std::size_t per_kind_;
  std::size_t total_ = 0;
  std::vector<Kind> kinds_;
  std::vector<Diagnostic> kept_;
};

}  // namespace lineage::base
