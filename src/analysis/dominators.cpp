#include "analysis/dominators.h"

#include <boost/graph/dominator_tree.hpp>

namespace lineage::analysis {

using model::VertexId;

Dominators Dominators::Compute(const Digraph& d) {
  const std::size_t n = d.num_vertices();
  const model::SimpleTopology& t = d.topology();
  // The lineage plus a virtual root (vertex n) with an arc to every work
  // that draws on nothing, so that every work is reachable.
  const VertexId root = static_cast<VertexId>(n);
  std::vector<std::pair<VertexId, VertexId>> arcs;
  arcs.reserve(boost::num_edges(t) + n);
  for (auto [it, end] = boost::edges(t); it != end; ++it)
    arcs.emplace_back(boost::source(*it, t), boost::target(*it, t));
  for (VertexId v = 0; v < n; ++v)
    if (d.in_degree(v) == 0) arcs.emplace_back(root, v);
  model::SimpleTopology rooted(boost::edges_are_unsorted_multi_pass,
                               arcs.begin(), arcs.end(), root + 1);
  const VertexId kNone =
      boost::graph_traits<model::SimpleTopology>::null_vertex();
  std::vector<VertexId> idom(n + 1, kNone);
  boost::lengauer_tarjan_dominator_tree(
      rooted, root,
      boost::make_iterator_property_map(
          idom.begin(), boost::get(boost::vertex_index, rooted)));
  Dominators out;
  out.idom_.resize(n);
  out.dominated_.resize(n);
  for (VertexId v = 0; v < n; ++v) {
    if (idom[v] != kNone && idom[v] != root) {
      out.idom_[v] = idom[v];
      out.dominated_[idom[v]].push_back(v);
    }
  }
  return out;
}

std::optional<VertexId> Dominators::immediate(VertexId v) const {
  return idom_[v];
}

std::vector<VertexId> Dominators::Necessary(VertexId v) const {
  std::vector<VertexId> chain;
  for (auto d = idom_[v]; d; d = idom_[*d]) chain.push_back(*d);
  return chain;
}

std::vector<VertexId> Dominators::Impact(VertexId v) const {
  std::vector<VertexId> out;
  for (VertexId d : dominated_[v]) out.push_back(d);
  for (std::size_t i = 0; i < out.size(); ++i)
    for (VertexId d : dominated_[out[i]]) out.push_back(d);
  return out;
}

}  // namespace lineage::analysis
