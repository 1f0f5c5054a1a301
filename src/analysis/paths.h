// How one work led to another: the chains of links between them.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "model/graph.h"

namespace lineage::analysis {

// A chain of works from an older work to a newer one; links[i] joins
// works[i] to works[i + 1].
struct Path {
  std::vector<model::VertexId> works;
  std::vector<model::EdgeId> links;
  std::size_t length() const { return links.size(); }
};

// A shortest chain of the chosen links from `from` down to `to` (following
// the direction of influence), by breadth-first search; nullopt when `to`
// does not descend from `from`. A work is a path of length 0 to itself.
// Ties go to the earlier-listed link. O(V + E).
std::optional<Path> ShortestPath(
    const model::Graph& graph, model::VertexId from, model::VertexId to,
    model::RelationSet relations = model::RelationSet::Influence());

struct PathOptions {
  model::RelationSet relations = model::RelationSet::Influence();
  // Stop after this many paths (default 100).
  std::size_t max_paths = 100;
  // Longest path considered, in links; 0 (default) for no limit.
  std::size_t max_length = 0;
  // Search steps allowed before giving up, so that a dense graph cannot
  // make the search run for hours (default 10 million).
  std::size_t max_steps = 10'000'000;
};

struct PathSet {
  std::vector<Path> paths;  // Shortest first; equal lengths in link order.
  bool truncated = false;   // A limit stopped the search: more paths may exist.
};

// All simple paths from `from` to `to`, shortest first, up to the limits.
// Searches length by length (iterative deepening), pruned by the distance of
// every work to `to`, so only works that can still reach `to` within the
// remaining length are visited.
PathSet AllPaths(const model::Graph& graph, model::VertexId from,
                 model::VertexId to, const PathOptions& options = {});

}  // namespace lineage::analysis
