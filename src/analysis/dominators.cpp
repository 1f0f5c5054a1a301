#include "analysis/dominators.h"

#include <algorithm>
#include <utility>

namespace lineage::analysis {

using model::VertexId;

namespace {

// Cooper, Harvey and Kennedy's iterative algorithm, not Boost.Graph's
// lengauer_tarjan_dominator_tree: Boost's keeps a std::deque per vertex
// (about 600 bytes each, 1.1 GB for a million works) and needs a copy of the
// graph with the virtual root added; this needs four integers a work and
// reads the graph in place. Lengauer-Tarjan's better bound buys nothing
// here: dominator trees of citation graphs are shallow (most works draw on
// several independent lines), so the intersections below stop after a step
// or two, and on a DAG the reverse postorder is a topological order, so the
// second pass only confirms the first.
class Solver {
 public:
  explicit Solver(const Digraph& d)
      : d_(d), t_(d.topology()), n_(d.num_vertices()), root_(n_) {}

  // idom of each work, root_ for "only the virtual root", kNone when no
  // root reaches it (a cycle that draws on nothing outside itself).
  std::vector<VertexId> Run() {
    Number();
    idom_.assign(n_ + 1, kNone);
    idom_[root_] = root_;
    for (bool changed = true; changed;) {
      changed = false;
      for (VertexId v : order_) {
        VertexId next = d_.in_degree(v) == 0 ? root_ : kNone;
        for (auto [it, end] = boost::in_edges(v, t_); it != end; ++it) {
          const VertexId p = boost::source(*it, t_);
          if (idom_[p] == kNone) continue;  // Not processed yet.
          next = next == kNone ? p : Intersect(p, next);
        }
        if (next != idom_[v]) {
          idom_[v] = next;
          changed = true;
        }
      }
    }
    idom_.pop_back();
    return std::move(idom_);
  }

 private:
  static constexpr VertexId kNone = ~VertexId{0};

  // Postorder numbers of a depth-first search from the virtual root, whose
  // children are the roots, and `order_`: the reached works in reverse
  // postorder. Iterative: a lineage can be millions of links deep.
  void Number() {
    post_.assign(n_ + 1, kNone);
    std::vector<bool> seen(n_ + 1, false);
    std::vector<std::pair<VertexId, model::EdgeId>> stack;
    VertexId count = 0;
    auto search = [&](VertexId start) {
      seen[start] = true;
      stack.emplace_back(start, 0);
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        auto [begin, end] = boost::adjacent_vertices(v, t_);
        if (begin + next != end) {
          const VertexId w = *(begin + next);
          ++next;
          if (!seen[w]) {
            seen[w] = true;
            stack.emplace_back(w, 0);
          }
          continue;
        }
        post_[v] = count++;
        order_.push_back(v);
        stack.pop_back();
      }
    };
    for (VertexId v = 0; v < n_; ++v)
      if (d_.in_degree(v) == 0) search(v);
    post_[root_] = count;
    std::reverse(order_.begin(), order_.end());
  }

  // The nearest common dominator of a and b, walking up from whichever is
  // further from the root (lower postorder number).
  VertexId Intersect(VertexId a, VertexId b) const {
    while (a != b) {
      while (post_[a] < post_[b]) a = idom_[a];
      while (post_[b] < post_[a]) b = idom_[b];
    }
    return a;
  }

  const Digraph& d_;
  const model::SimpleTopology& t_;
  const VertexId n_;
  const VertexId root_;
  std::vector<VertexId> post_;
  std::vector<VertexId> order_;
  std::vector<VertexId> idom_;
};

}  // namespace

Dominators Dominators::Compute(const Digraph& d) {
  const std::size_t n = d.num_vertices();
  std::vector<VertexId> idom = Solver(d).Run();
  Dominators out;
  out.idom_.assign(n, kNoWork);
  // The dominator tree's children in rows, each row in vertex order.
  out.first_.assign(n + 1, 0);
  for (VertexId v = 0; v < n; ++v) {
    if (idom[v] < n) {
      out.idom_[v] = idom[v];
      ++out.first_[idom[v] + 1];
    }
  }
  for (std::size_t v = 0; v < n; ++v) out.first_[v + 1] += out.first_[v];
  out.dominated_.resize(out.first_[n]);
  std::vector<std::size_t> at(out.first_.begin(), out.first_.end() - 1);
  for (VertexId v = 0; v < n; ++v)
    if (idom[v] < n) out.dominated_[at[idom[v]]++] = v;
  return out;
}

std::optional<VertexId> Dominators::immediate(VertexId v) const {
  if (idom_[v] == kNoWork) return std::nullopt;
  return idom_[v];
}

std::vector<VertexId> Dominators::Necessary(VertexId v) const {
  std::vector<VertexId> chain;
  for (auto d = immediate(v); d; d = immediate(*d)) chain.push_back(*d);
  return chain;
}

std::vector<VertexId> Dominators::Impact(VertexId v) const {
  std::vector<VertexId> out;
  auto children = [&](VertexId u) {
    out.insert(out.end(), dominated_.begin() + first_[u],
               dominated_.begin() + first_[u + 1]);
  };
  children(v);
  for (std::size_t i = 0; i < out.size(); ++i) children(out[i]);
  return out;
}

}  // namespace lineage::analysis
