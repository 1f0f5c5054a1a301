// The influence lineage as a simple directed graph, and the DAG checks and
// orders that the metrics need.
#pragma once

#include <memory>
#include <span>
#include <vector>

#include "base/status.h"
#include "model/graph.h"
#include "model/topology.h"

namespace lineage::analysis {

// One arc parent -> child for every pair of works joined by at least one link
// of the chosen relations: a work that both `uses` and `builds_on` another
// counts it once, as a citation graph would.
class Digraph {
 public:
  // Shares the graph's topology when its links already are one arc per pair
  // of works, all of `relations` (imports): O(1). Otherwise O(E + sum of
  // d·log d over out-degrees d).
  static Digraph Build(
      const model::Graph& graph,
      model::RelationSet relations = model::RelationSet::Influence());

  std::size_t num_vertices() const { return n_; }
  std::size_t num_arcs() const;
  const model::SimpleTopology& topology() const { return *topo_; }
  // Children (works it influenced) and parents (works it draws on).
  std::vector<model::VertexId> children(model::VertexId v) const;
  std::vector<model::VertexId> parents(model::VertexId v) const;
  std::size_t out_degree(model::VertexId v) const;
  std::size_t in_degree(model::VertexId v) const;
  // Works with at least one arc.
  bool in_lineage(model::VertexId v) const {
    return out_degree(v) + in_degree(v) > 0;
  }
  model::RelationSet relations() const { return relations_; }

 private:
  std::size_t n_ = 0;
  model::RelationSet relations_;
  // The graph's own topology when it is already simple, else a new one.
  std::shared_ptr<const model::SimpleTopology> topo_;
};

// Kahn's algorithm as a sweep: visits every arc v -> w of a DAG once v is
// final, that is once all of v's parents were visited (kParentsFirst: w is
// a child of v) or all of its children (kChildrenFirst: w is a parent), by
// calling arc(v, w). A dynamic programme over a DAG (depths, PageRank)
// needs no separate topological order then. False, with only part of the
// works visited, when a cycle keeps some waiting. O(V + E).
enum class Sweep { kParentsFirst, kChildrenFirst };
template <typename Arc>
bool SweepDag(const Digraph& d, Sweep sweep, Arc&& arc) {
  const std::size_t n = d.num_vertices();
  const model::SimpleTopology& t = d.topology();
  const bool down = sweep == Sweep::kParentsFirst;
  std::vector<model::VertexId> waiting(n), ready;  // Arcs not yet final.
  ready.reserve(n);
  for (model::VertexId v = 0; v < n; ++v) {
    waiting[v] =
        static_cast<model::VertexId>(down ? d.in_degree(v) : d.out_degree(v));
    if (waiting[v] == 0) ready.push_back(v);
  }
  auto step = [&](model::VertexId v, model::VertexId w) {
    arc(v, w);
    if (--waiting[w] == 0) ready.push_back(w);
  };
  for (std::size_t head = 0; head < ready.size(); ++head) {
    const model::VertexId v = ready[head];
    if (down) {
      for (auto [it, end] = boost::adjacent_vertices(v, t); it != end; ++it)
        step(v, *it);
    } else {
      for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
        step(v, boost::source(*it, t));
    }
  }
  return ready.size() == n;
}

// The works in topological order (every parent before its children), by
// Boost.Graph's topological_sort. Fails with kInvalidData naming a cycle of
// `graph` ("influence cycle: a -> b -> a") when there is one. O(V + E).
base::Result<std::vector<model::VertexId>> TopologicalOrder(
    const model::Graph& graph, const Digraph& digraph);

struct Components {
  // Strongly connected components of 2+ works, and works linked to
  // themselves (cycles of one).
  std::size_t cyclic = 0;
  std::size_t in_cycles = 0;  // Works in those components.
  std::size_t largest = 0;    // Works in the largest of them.
};

// The strongly connected components (Boost.Graph's strong_components,
// Tarjan 1972): what keeps a citation graph from being a DAG. O(V + E).
Components StronglyConnected(const Digraph& digraph);

// A topological order that is as chronological as the links allow: among
// the works whose parents are all listed, the earliest comes next (Kahn's
// algorithm with a priority queue). Fails like TopologicalOrder.
// O((V + E) log V).
base::Result<std::vector<model::VertexId>> ChronologicalOrder(
    const model::Graph& graph, const Digraph& digraph);

}  // namespace lineage::analysis
