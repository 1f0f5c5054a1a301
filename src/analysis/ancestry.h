// Who came before a work and who came after it.
#pragma once

#include <span>
#include <vector>

#include "model/graph.h"

namespace lineage::analysis {

struct TraversalOptions {
  // Stop this many links away from the start; -1 (default) for no limit.
  int max_depth = -1;
  // Links followed; by default the influence relations, which form the
  // lineage (trained_on, published_by... are not lineage).
  model::RelationSet relations = model::RelationSet::Influence();
};

enum class Direction { kAncestors, kDescendants };

struct Reached {
  model::VertexId work = 0;
  int distance = 0;         // Fewest links between the start and `work`.
  model::VertexId via = 0;  // Neighbour one link nearer the start on such a
                            // shortest route (the start itself at distance 1).
};

// Every work reachable from `start` against (ancestors) or along
// (descendants) the chosen links, by breadth-first search, without `start`.
// Ordered by distance, then date, then id. O(V + E).
std::vector<Reached> Reach(const model::Graph& graph, model::VertexId start,
                           Direction direction,
                           const TraversalOptions& options = {});

// The union of the works reachable from any of `starts` against or along
// the chosen links, at most max_depth links from the nearest start; a
// start is in it only when reached from another start. Sorted by id: the
// sets the query language combines. One breadth-first search. O(V + E).
std::vector<model::VertexId> ReachFrom(const model::Graph& graph,
                                       std::span<const model::VertexId> starts,
                                       Direction direction,
                                       const TraversalOptions& options = {});

// The works of `works` (sorted by id) with no parent among them along
// `relations` (roots), or no child among them (leaves). Sorted by id.
// O(sum of their degrees · log |works|).
std::vector<model::VertexId> RootsIn(const model::Graph& graph,
                                     std::span<const model::VertexId> works,
                                     model::RelationSet relations);
std::vector<model::VertexId> LeavesIn(const model::Graph& graph,
                                      std::span<const model::VertexId> works,
                                      model::RelationSet relations);

struct CommonAncestor {
  model::VertexId work = 0;
  int distance_a = 0;  // Links from this ancestor down to A.
  int distance_b = 0;
  // True when no other common ancestor descends from this one: a lowest
  // common ancestor (the LCA of A and B in a DAG may not be unique).
  bool lowest = false;
};

// The works that are ancestors of both `a` and `b`. As in networkx's
// lowest_common_ancestor, a work counts as its own ancestor, so when A is an
// ancestor of B, A itself is their lowest common ancestor. Lowest ones come
// first, then by distance_a + distance_b, date and id. O(V + E).
std::vector<CommonAncestor> CommonAncestors(
    const model::Graph& graph, model::VertexId a, model::VertexId b,
    const TraversalOptions& options = {});
// The same for two sets of works: an ancestor of some work of each (with
// distances from the nearest one). O(V + E).
std::vector<CommonAncestor> CommonAncestors(
    const model::Graph& graph, std::span<const model::VertexId> a,
    std::span<const model::VertexId> b, const TraversalOptions& options = {});

}  // namespace lineage::analysis
