#include "analysis/centrality.h"

#include <algorithm>
#include <boost/graph/betweenness_centrality.hpp>
#include <cmath>
#include <deque>
#include <limits>
#include <optional>

#include "base/huge.h"
#include "base/parallel.h"

namespace lineage::analysis {

using model::VertexId;

namespace {

// PageRank of a DAG in one pass, or nullopt when the graph has a cycle.
//
// PageRank solves r = c·1 + d·A·r, where A passes each work's rank to its
// parents evenly and the scalar c = ((1-d) + d·(rank of the works that
// draw on nothing)) / n. So r = c·y with y = (I - d·A)^-1 · 1, and since r
// sums to 1, c = 1 / sum(y): the dangling works only scale the answer (Del
// Corso, Gulli & Romani, "Fast PageRank Computation via a Sparse Linear
// System", 2005). On a DAG, I - d·A is triangular: y[u] = 1 + d·sum over
// u's children v of y[v] / refs(v) is final once all of u's children are,
// so Kahn's algorithm from the leaves up computes it exactly, where the
// power iteration needs some fifty passes to reach the same tolerance.
std::optional<std::vector<double>> PageRankOfDag(
    const Digraph& d, const std::vector<double>& inv_refs, double damping) {
  std::vector<double> y;
  base::ResizeHuge(y, d.num_vertices());
  std::fill(y.begin(), y.end(), 1.0);
  const bool dag =
      SweepDag(d, Sweep::kChildrenFirst, [&](VertexId v, VertexId parent) {
        y[parent] += damping * y[v] * inv_refs[v];
      });
  if (!dag) return std::nullopt;
  double sum = 0;
  for (double value : y) sum += value;
  for (double& value : y) value /= sum;
  return y;
}

}  // namespace

std::vector<double> PageRank(const Digraph& d, const PageRankOptions& o) {
  const std::size_t n = d.num_vertices();
  if (n == 0) return {};
  const model::SimpleTopology& t = d.topology();
  // Citation orientation: v passes its rank to its parents (the works it
  // draws on), evenly.
  std::vector<double> inv_refs;
  base::ResizeHuge(inv_refs, n);
  for (VertexId v = 0; v < n; ++v) {
    std::size_t refs = boost::in_degree(v, t);
    inv_refs[v] = refs == 0 ? 0.0 : 1.0 / static_cast<double>(refs);
  }
  if (auto exact = PageRankOfDag(d, inv_refs, o.damping)) return *exact;
  // A cycle: power iteration. Each step is written as a gather, so that a
  // work sums what its children send: reads of its own CSR row and of the
  // children's shares, no scattered writes, and the two halves of the works
  // can be summed on two cores. Halves of equal work: by works for the shares,
  // by links for the gather (in a citation graph the old works hold most of the
  // links).
  const std::size_t mid_works = n / 2;
  const std::size_t mid_links = model::MidEdgeVertex(t);
  std::vector<double> rank, next, share;
  base::ResizeHuge(rank, n);
  base::ResizeHuge(next, n);
  base::ResizeHuge(share, n);
  std::fill(rank.begin(), rank.end(), 1.0 / static_cast<double>(n));
  for (std::size_t iter = 0; iter < o.max_iterations; ++iter) {
    double dangling[2] = {0, 0};
    base::OnTwoHalves(n, mid_works,
                      [&](int half, std::size_t begin, std::size_t end) {
                        double sum = 0;
                        for (std::size_t v = begin; v < end; ++v) {
                          share[v] = o.damping * rank[v] * inv_refs[v];
                          if (inv_refs[v] == 0) sum += rank[v];
                        }
                        dangling[half] = sum;
                      });
    const double base =
        (1.0 - o.damping) / n + o.damping * (dangling[0] + dangling[1]) / n;
    double change[2] = {0, 0};
    base::OnTwoHalves(n, std::min(mid_links, n),
                      [&](int half, std::size_t begin, std::size_t end) {
                        double sum = 0;
                        for (std::size_t u = begin; u < end; ++u) {
                          double r = base;
                          for (auto [it, e] = boost::adjacent_vertices(
                                   static_cast<VertexId>(u), t);
                               it != e; ++it)
                            r += share[*it];
                          next[u] = r;
                          sum += std::abs(r - rank[u]);
                        }
                        change[half] = sum;
                      });
    rank.swap(next);
    if (change[0] + change[1] < o.tolerance * static_cast<double>(n)) break;
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
