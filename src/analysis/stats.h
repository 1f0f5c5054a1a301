// The shape of the graph at a glance.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "analysis/digraph.h"
#include "analysis/paths.h"
#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

struct Stats {
  std::size_t works = 0;
  std::size_t links = 0;
  std::size_t influence_links = 0;
  // Counts in the order of model::AllKinds / relation ids / the eras; zero
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
  // Cycles of influence links (imports may have them): the strongly
  // connected components, and up to three cycles to name. The longest
  // chain and the generations need a DAG: with cycles they stay empty.
  Components cycles;
  std::vector<model::Cycle> example_cycles;
  bool acyclic() const { return cycles.cyclic == 0; }
  // A longest chain of influence links (most links; among equals the one
  // that ends earliest, then by id).
  Path longest_chain;
  // generations[g]: how many works of the lineage are generation g (the
  // longest chain from a root down to them has g links); works outside the
  // lineage are not counted.
  std::vector<std::size_t> generations;
};

// Counts, cycles, and (when the influence links are acyclic) the longest
// chain and generations, by a topological sort (Boost.Graph). A graph with
// cycles gets everything that does not need a DAG, and its cycles named.
// O(V + E).
Stats ComputeStats(const model::Graph& graph);

// A longest chain of influence links; the same definition as above.
base::Result<Path> LongestChain(const model::Graph& graph);

}  // namespace lineage::analysis
