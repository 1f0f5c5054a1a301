#include "analysis/main_path.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <set>

#include "analysis/digraph.h"

namespace lineage::analysis {
namespace {

using model::VertexId;

constexpr double kNoPath = -std::numeric_limits<double>::infinity();

// ln(sum(exp(x))) without overflow.
double LogSumExp(const std::vector<double>& xs) {
  double m = kNoPath;
  for (double x : xs) m = std::max(m, x);
  if (m == kNoPath) return kNoPath;
  double sum = 0;
  for (double x : xs) sum += std::exp(x - m);
  return m + std::log(sum);
}

}  // namespace

base::Result<SearchPathCounts> SearchPathCount(const model::Graph& graph,
                                               const Digraph& d) {
  auto order = TopologicalOrder(graph, d);
  if (!order.ok()) return order.status();
  const std::size_t n = d.num_vertices();
  SearchPathCounts spc;
  spc.log_from_sources.assign(n, kNoPath);
  spc.log_to_sinks.assign(n, kNoPath);
  std::vector<double> terms;
  // Forward pass: a source starts one path; others add up their parents.
  for (VertexId v : *order) {
    if (!d.in_lineage(v)) continue;
    if (d.in_degree(v) == 0) {
      spc.log_from_sources[v] = 0;
      continue;
    }
    terms.clear();
    for (VertexId p : d.parents(v)) terms.push_back(spc.log_from_sources[p]);
    spc.log_from_sources[v] = LogSumExp(terms);
  }
  // Backward pass: a sink ends one path; others add up their children.
  for (auto it = order->rbegin(); it != order->rend(); ++it) {
    VertexId v = *it;
    if (!d.in_lineage(v)) continue;
    if (d.out_degree(v) == 0) {
      spc.log_to_sinks[v] = 0;
      continue;
    }
    terms.clear();
    for (VertexId c : d.children(v)) terms.push_back(spc.log_to_sinks[c]);
    spc.log_to_sinks[v] = LogSumExp(terms);
  }
  terms.clear();
  for (VertexId v = 0; v < n; ++v)
    if (d.in_lineage(v) && d.out_degree(v) == 0)
      terms.push_back(spc.log_from_sources[v]);
  spc.log_total = LogSumExp(terms);
  spc.node.assign(n, 0.0);
  for (VertexId v = 0; v < n; ++v) {
    if (d.in_lineage(v)) {
      spc.node[v] = std::exp(spc.log_from_sources[v] + spc.log_to_sinks[v] -
                             spc.log_total);
    }
  }
  const model::SimpleTopology& t = d.topology();
  for (auto [it, end] = boost::edges(t); it != end; ++it) {
    VertexId u = boost::source(*it, t), v = boost::target(*it, t);
    spc.arcs.emplace_back(u, v);
    spc.arc.push_back(std::exp(spc.log_from_sources[u] + spc.log_to_sinks[v] -
                               spc.log_total));
  }
  spc.order = std::move(order).value();
  return spc;
}

base::Result<MainPath> GlobalMainPath(const model::Graph& graph,
                                      const Digraph& d) {
  auto spc = SearchPathCount(graph, d);
  if (!spc.ok()) return spc.status();
  const std::vector<VertexId>& order = spc->order;
  const std::size_t n = d.num_vertices();
  const model::SimpleTopology& t = d.topology();
  // spc->arc is indexed by the digraph's edge index: read it through the
  // in-edges, no map of ten million pairs.
  // best[v]: the largest total SPC of a path from a source to v.
  std::vector<double> best(n, kNoPath);
  std::vector<VertexId> pred(n, std::numeric_limits<VertexId>::max());
  std::vector<double> pred_spc(n, 0.0);
  for (VertexId v : order) {
    if (!d.in_lineage(v)) continue;
    if (d.in_degree(v) == 0) {
      best[v] = 0;
      continue;
    }
    for (auto [it, end] = boost::in_edges(v, t); it != end; ++it) {
      const VertexId p = boost::source(*it, t);
      const double arc = spc->arc[boost::get(boost::edge_index, t, *it)];
      const double w = best[p] + arc;
      if (w > best[v]) {
        best[v] = w;
        pred[v] = p;
        pred_spc[v] = arc;
      }
    }
  }
  MainPath path;
  VertexId end = std::numeric_limits<VertexId>::max();
  for (VertexId v : order) {
    if (d.in_lineage(v) && d.out_degree(v) == 0 &&
        (end == std::numeric_limits<VertexId>::max() || best[v] > best[end]))
      end = v;
  }
  if (end == std::numeric_limits<VertexId>::max()) return path;
  for (VertexId v = end;; v = pred[v]) {
    path.works.push_back(v);
    if (pred[v] == std::numeric_limits<VertexId>::max()) break;
  }
  std::reverse(path.works.begin(), path.works.end());
  for (std::size_t i = 1; i < path.works.size(); ++i) {
    path.arcs.emplace_back(path.works[i - 1], path.works[i]);
    path.arc_spc.push_back(pred_spc[path.works[i]]);
  }
  return path;
}

base::Result<MainPath> KeyRouteMainPath(const model::Graph& graph,
                                        const Digraph& d,
                                        std::size_t key_routes) {
  auto spc = SearchPathCount(graph, d);
  if (!spc.ok()) return spc.status();
  const model::SimpleTopology& t = d.topology();
  auto spc_of = [&](const model::TopoEdge& e) {
    return spc->arc[boost::get(boost::edge_index, t, e)];
  };
  std::map<std::pair<VertexId, VertexId>, double> weight;
  std::vector<std::size_t> by_spc(spc->arcs.size());
  std::iota(by_spc.begin(), by_spc.end(), std::size_t{0});
  std::stable_sort(
      by_spc.begin(), by_spc.end(),
      [&](std::size_t a, std::size_t b) { return spc->arc[a] > spc->arc[b]; });
  std::set<std::pair<VertexId, VertexId>> arcs;
  for (std::size_t k = 0; k < key_routes && k < by_spc.size(); ++k) {
    auto [u, v] = spc->arcs[by_spc[k]];
    arcs.insert({u, v});
    weight[{u, v}] = spc->arc[by_spc[k]];
    // Backward from u to a source, forward from v to a sink, greedily: the
    // first arc of the highest SPC at each step.
    for (VertexId w = u; d.in_degree(w) > 0;) {
      auto [it, end] = boost::in_edges(w, t);
      model::TopoEdge best = *it;
      for (; it != end; ++it)
        if (spc_of(*it) > spc_of(best)) best = *it;
      const VertexId p = boost::source(best, t);
      arcs.insert({p, w});
      weight[{p, w}] = spc_of(best);
      w = p;
    }
    for (VertexId w = v; d.out_degree(w) > 0;) {
      auto [it, end] = boost::out_edges(w, t);
      model::TopoEdge best = *it;
      for (; it != end; ++it)
        if (spc_of(*it) > spc_of(best)) best = *it;
      const VertexId c = boost::target(best, t);
      arcs.insert({w, c});
      weight[{w, c}] = spc_of(best);
      w = c;
    }
  }
  // List in chronological topological order, so the path reads as a story.
  auto chronological = ChronologicalOrder(graph, d);
  if (!chronological.ok()) return chronological.status();
  std::vector<std::size_t> position(d.num_vertices());
  for (std::size_t i = 0; i < chronological->size(); ++i)
    position[(*chronological)[i]] = i;
  MainPath path;
  std::set<VertexId> works;
  for (const auto& arc : arcs) {
    works.insert(arc.first);
    works.insert(arc.second);
  }
  path.works.assign(works.begin(), works.end());
  std::sort(path.works.begin(), path.works.end(),
            [&](VertexId a, VertexId b) { return position[a] < position[b]; });
  path.arcs.assign(arcs.begin(), arcs.end());
  std::sort(path.arcs.begin(), path.arcs.end(),
            [&](const auto& a, const auto& b) {
              return std::pair(position[a.first], position[a.second]) <
                     std::pair(position[b.first], position[b.second]);
            });
  for (const auto& arc : path.arcs) path.arc_spc.push_back(weight[arc]);
  return path;
}

base::Result<std::vector<std::size_t>> Generations(const model::Graph& graph,
                                                   const Digraph& d) {
  // One sweep from the roots both orders the works and carries the depths.
  std::vector<std::size_t> depth(d.num_vertices(), 0);
  const bool dag =
      SweepDag(d, Sweep::kParentsFirst, [&](VertexId v, VertexId child) {
        depth[child] = std::max(depth[child], depth[v] + 1);
      });
  // Works left waiting are on or below a cycle: let TopologicalOrder name
  // one.
  if (!dag) return TopologicalOrder(graph, d).status();
  return depth;
}

}  // namespace lineage::analysis
