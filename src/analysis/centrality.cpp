#include "analysis/centrality.h"

#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <deque>
#include <limits>

namespace lineage::analysis {

using model::VertexId;

std::vector<double> PageRank(const Digraph& d, const PageRankOptions& o) {
  const std::size_t n = d.num_vertices();
  if (n == 0) return {};
  const model::SimpleTopology& t = d.topology();
  std::vector<double> rank(n, 1.0 / n), next(n);
  for (std::size_t iter = 0; iter < o.max_iterations; ++iter) {
    // Citation orientation: v passes its rank to its parents (the works it
    // draws on), evenly.
    double dangling = 0;
    for (VertexId v = 0; v < n; ++v)
      if (boost::in_degree(v, t) == 0) dangling += rank[v];
    const double base = (1.0 - o.damping) / n + o.damping * dangling / n;
    std::fill(next.begin(), next.end(), base);
    for (VertexId v = 0; v < n; ++v) {
      std::size_t refs = boost::in_degree(v, t);
      if (refs == 0) continue;
      double share = o.damping * rank[v] / static_cast<double>(refs);
      for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
        next[boost::source(*it, t)] += share;
    }
    double change = 0;
    for (VertexId v = 0; v < n; ++v) change += std::abs(next[v] - rank[v]);
    rank.swap(next);
    if (change < o.tolerance) break;
  }
  return rank;
}

std::vector<double> Betweenness(const Digraph& d) {
  const std::size_t n = d.num_vertices();
  std::vector<double> score(n, 0.0);
  if (n == 0) return score;
  const model::SimpleTopology& t = d.topology();
  boost::brandes_betweenness_centrality(
      t, boost::centrality_map(boost::make_iterator_property_map(
             score.begin(), boost::get(boost::vertex_index, t))));
  if (n > 2) {
    const double scale = 1.0 / (static_cast<double>(n - 1) * (n - 2));
    for (double& s : score) s *= scale;
  }
  return score;
}

std::vector<std::size_t> ReachCounts(const Digraph& d, bool down) {
  const std::size_t n = d.num_vertices();
  const model::SimpleTopology& t = d.topology();
  std::vector<std::size_t> count(n, 0);
  // mark[w] == v + 1 when w was reached from v: no clearing between runs.
  std::vector<VertexId> mark(n, 0);
  std::vector<VertexId> queue;
  for (VertexId v = 0; v < n; ++v) {
    queue.assign(1, v);
    mark[v] = v + 1;
    for (std::size_t head = 0; head < queue.size(); ++head) {
      VertexId u = queue[head];
      auto visit = [&](VertexId w) {
        if (mark[w] != v + 1) {
          mark[w] = v + 1;
          queue.push_back(w);
        }
      };
      if (down) {
        for (auto [it, end] = boost::adjacent_vertices(u, t); it != end; ++it)
          visit(*it);
      } else {
        for (auto [it, end] = boost::in_edges(u, t); it != end; ++it)
          visit(boost::source(*it, t));
      }
    }
    count[v] = queue.size() - 1;
  }
  return count;
}

}  // namespace lineage::analysis
