// How one work led to another: the chains of links between them.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
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

// The same between two sets: a shortest chain from any work of `from` to
// any work of `to` (length 0 when they share a work). O(V + E).
std::optional<Path> ShortestPath(
    const model::Graph& graph, std::span<const model::VertexId> from,
    std::span<const model::VertexId> to,
    model::RelationSet relations = model::RelationSet::Influence());

// Every work and link on some chain of `relations` from a work of `from`
// down to a work of `to`: the works that descend from (or are) one of
// `from` and are ancestors of (or are) one of `to`, and the links of
// `relations` among them. Both sorted by id; empty when no chain exists.
// O(V + E).
struct OnPaths {
  std::vector<model::VertexId> works;
  std::vector<model::EdgeId> links;
};
OnPaths PathsBetween(
    const model::Graph& graph, std::span<const model::VertexId> from,
    std::span<const model::VertexId> to,
    model::RelationSet relations = model::RelationSet::Influence());

// The links of `relations` whose two works are both in `works` (sorted by
// id). Sorted by id. O(sum of their out-degrees · log |works|).
std::vector<model::EdgeId> LinksAmong(const model::Graph& graph,
                                      std::span<const model::VertexId> works,
                                      model::RelationSet relations);

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
// remaining length are visited. The depth-first search keeps its own stack:
// a chain of a million links needs no deep recursion.
PathSet AllPaths(const model::Graph& graph, model::VertexId from,
                 model::VertexId to, const PathOptions& options = {});

}  // namespace lineage::analysis
