#include "base/problems.h"

#include <fmt/format.h>

namespace lineage::base {

void ProblemList::Add(std::string_view kind, Diagnostic problem) {
  ++total_;
  // A file has a handful of kinds of problem: a linear search is cheapest.
  for (Kind& k : kinds_) {
    if (k.name != kind) continue;
    if (k.count++ < per_kind_) kept_.push_back(std::move(problem));
    return;
  }
  kinds_.push_back({std::string(kind), 1});
  if (per_kind_ > 0) kept_.push_back(std::move(problem));
}

std::size_t ProblemList::count(std::string_view kind) const {
  for (const Kind& k : kinds_)
    if (k.name == kind) return k.count;
  return 0;
}

Status ProblemList::ToStatus(std::string_view what,
                             const std::string& file) const {
  if (total_ == 0) return Status::Ok();
  std::vector<Diagnostic> listed = kept_;
  bool cut = false;
  for (const Kind& k : kinds_) {
    if (k.count <= per_kind_) continue;
    cut = true;
    listed.push_back(
        {{file, 0, 0},
         fmt::format("and {} more: {}", k.count - per_kind_, k.name),
         ""});
  }
  std::string message =
      fmt::format("{} problem{} in {}", total_, total_ == 1 ? "" : "s", what);
  if (cut)
    message += fmt::format(" (the first {} of each kind listed)", per_kind_);
  return Status::InvalidData(std::move(message), std::move(listed), total_,
                             /*say_cut=*/false);
}

}  // namespace lineage::base
