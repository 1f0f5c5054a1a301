// Which works a work could not do without.
#pragma once

#include <optional>
#include <vector>

#include "analysis/digraph.h"

namespace lineage::analysis {

// The dominator tree of the lineage, rooted at a virtual work that precedes
// every root (every work that draws on nothing): work d dominates work v
// when every path from the roots to v passes through d. Boost.Graph's
// lengauer_tarjan_dominator_tree (Lengauer & Tarjan 1979). O(E · α(E, V)).
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
  std::vector<std::optional<model::VertexId>> idom_;
  std::vector<std::vector<model::VertexId>> dominated_;  // Tree children.
};

}  // namespace lineage::analysis
