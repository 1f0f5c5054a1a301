// The shape of the graph at a glance.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/paths.h"
#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

struct Stats {
  std::size_t works = 0;
  std::size_t links = 0;
  std::size_t influence_links = 0;
  // Counts in the order of model::AllKinds / AllRelations / the eras; zero
  // counts are left out.
  std::vector<std::pair<model::Kind, std::size_t>> by_kind;
  std::vector<std::pair<model::Relation, std::size_t>> by_relation;
  std::vector<std::pair<std::string, std::size_t>> by_era;
  // Of the influence lineage: works that influenced others but have no
  // influence parent; works influenced by others that influenced none; works
  // outside the lineage (organizations, datasets...). Ordered by date.
  std::vector<model::VertexId> roots;
  std::vector<model::VertexId> leaves;
  std::vector<model::VertexId> outside_lineage;
  // A longest chain of influence links (most links; among equals the one
  // that ends earliest, then by id).
  Path longest_chain;
  // generations[g]: how many works of the lineage are generation g (the
  // longest chain from a root down to them has g links); works outside the
  // lineage are not counted.
  std::vector<std::size_t> generations;
};

// Counts and the longest chain, by a topological sort of the influence
// links (Boost.Graph). Fails with kInvalidData naming a cycle if the
// influence links are not acyclic (curated data never is; imports may be:
// condense them first).
// O(V + E).
base::Result<Stats> ComputeStats(const model::Graph& graph);

// A longest chain of influence links; the same definition as above.
base::Result<Path> LongestChain(const model::Graph& graph);

}  // namespace lineage::analysis
