// Which works a work could not do without.
#pragma once

#include <optional>
#include <vector>

#include "analysis/digraph.h"

namespace lineage::analysis {

// The dominator tree of the lineage, rooted at a virtual work that precedes
// every root (every work that draws on nothing): work d dominates work v
// when every path from the roots to v passes through d. Cooper, Harvey &
// Kennedy's iterative algorithm ("A Simple, Fast Dominance Algorithm",
// 2001) over a reverse postorder: O(P · E · H) for P passes (two on a DAG)
// and a dominator tree of height H, which citation graphs keep small;
// 16 bytes a work. Works no root reaches (a cycle that draws on nothing
// else) have no dominator.
class Dominators {
 public:
  static Dominators Compute(const Digraph& digraph);

  // The immediate dominator of v; nullopt when only the virtual root
  // dominates it (v is a root, or draws on several independent lines).
  std::optional<model::VertexId> immediate(model::VertexId v) const;
  // Every work all paths from the roots to v pass through, nearest first.
  std::vector<model::VertexId> Necessary(model::VertexId v) const;
  // Every work that loses all its paths to the roots if v is removed (the
  // works v dominates), breadth first.
  std::vector<model::VertexId> Impact(model::VertexId v) const;

 private:
  static constexpr model::VertexId kNoWork = ~model::VertexId{0};
  std::vector<model::VertexId> idom_;  // kNoWork: the virtual root.
  // The tree's children: dominated_[first_[v] .. first_[v+1]) are v's.
  std::vector<std::size_t> first_;
  std::vector<model::VertexId> dominated_;
};

}  // namespace lineage::analysis
