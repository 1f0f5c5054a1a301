#include "analysis/stats.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>

#include "analysis/digraph.h"
#include "analysis/main_path.h"
#include "analysis/order.h"

namespace lineage::analysis {
namespace {

using model::EdgeId;
using model::Topology;
using model::VertexId;

struct InfluenceEdges {
  const Topology* t = nullptr;
  bool operator()(const model::TopoEdge& e) const {
    return model::IsInfluence((*t)[e].relation);
  }
};

}  // namespace

base::Result<Path> LongestChain(const model::Graph& graph) {
  const Topology& t = *graph.csr();
  const std::size_t n = graph.num_works();
  boost::filtered_graph<Topology, InfluenceEdges> influence(t,
                                                            InfluenceEdges{&t});
  std::vector<VertexId> order;  // Reverse topological order.
  order.reserve(n);
  try {
    boost::topological_sort(influence, std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    return base::Status::InvalidData(
        "the influence links contain a cycle; [[validate]] names it");
  }
  // Walking parents before children: length[v] = links of the longest chain
  // ending at v, with the link that reaches v on it.
  std::vector<std::size_t> length(n, 0);
  std::vector<std::pair<VertexId, EdgeId>> pred(n);
  std::vector<bool> has_pred(n, false);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    VertexId v = *it;
    for (auto [e, end] = boost::out_edges(v, influence); e != end; ++e) {
      VertexId w = boost::target(*e, t);
      if (length[v] + 1 > length[w]) {
        length[w] = length[v] + 1;
        pred[w] = {v, model::LinkOf(t, *e)};
        has_pred[w] = true;
      }
    }
  }
  Path chain;
  if (n == 0) return chain;
  VertexId end = 0;
  for (VertexId v = 1; v < n; ++v) {
    if (length[v] > length[end] ||
        (length[v] == length[end] && EarlierWork(graph, v, end)))
      end = v;
  }
  for (VertexId v = end;; v = pred[v].first) {
    chain.works.push_back(v);
    if (!has_pred[v]) break;
    chain.links.push_back(pred[v].second);
  }
  std::reverse(chain.works.begin(), chain.works.end());
  std::reverse(chain.links.begin(), chain.links.end());
  return chain;
}

Stats ComputeStats(const model::Graph& graph) {
  Stats s;
  s.works = graph.num_works();
  s.links = graph.num_links();
  std::vector<std::size_t> kinds(model::AllKinds().size());
  std::vector<std::size_t> eras(graph.eras().size());
  for (VertexId v = 0; v < s.works; ++v) {
    ++kinds[static_cast<std::size_t>(graph.kind(v))];
    for (std::size_t i = 0; i < eras.size(); ++i)
      if (graph.era(v) == graph.eras()[i].id) ++eras[i];
  }
  for (model::Kind kind : model::AllKinds()) {
    std::size_t count = kinds[static_cast<std::size_t>(kind)];
    if (count > 0) s.by_kind.emplace_back(kind, count);
  }
  std::vector<std::size_t> relations(model::kRelationIds);
  std::vector<bool> has_parent(s.works, false), has_child(s.works, false);
  graph.ForEachLink(
      [&](model::EdgeId, VertexId parent, VertexId child, model::Relation rel) {
        ++relations[static_cast<std::size_t>(rel)];
        if (!model::IsInfluence(rel)) return;
        has_child[parent] = true;
        has_parent[child] = true;
      });
  for (model::Relation rel : graph.relations().Members()) {
    std::size_t count = relations[static_cast<std::size_t>(rel)];
    if (count > 0) s.by_relation.emplace_back(rel, count);
    if (model::IsInfluence(rel)) s.influence_links += count;
  }
  for (std::size_t i = 0; i < eras.size(); ++i)
    s.by_era.emplace_back(graph.eras()[i].id, eras[i]);

  for (VertexId v = 0; v < s.works; ++v) {
    if (has_child[v] && !has_parent[v]) s.roots.push_back(v);
    if (has_parent[v] && !has_child[v]) s.leaves.push_back(v);
    if (!has_parent[v] && !has_child[v]) s.outside_lineage.push_back(v);
  }
  auto by_date = [&](VertexId a, VertexId b) {
    return EarlierWork(graph, a, b);
  };
  std::sort(s.roots.begin(), s.roots.end(), by_date);
  std::sort(s.leaves.begin(), s.leaves.end(), by_date);
  std::sort(s.outside_lineage.begin(), s.outside_lineage.end(), by_date);

  Digraph d = Digraph::Build(graph);
  s.cycles = StronglyConnected(d);
  if (!s.acyclic()) {
    s.example_cycles =
        model::FindCycles(graph, model::RelationSet::Influence(), 3);
    return s;
  }
  auto chain = LongestChain(graph);
  auto depth = Generations(graph, d);
  if (!chain.ok() || !depth.ok()) return s;  // Acyclic: cannot happen.
  s.longest_chain = std::move(chain).value();
  for (VertexId v = 0; v < s.works; ++v) {
    if (!d.in_lineage(v)) continue;
    if (s.generations.size() <= (*depth)[v])
      s.generations.resize((*depth)[v] + 1);
    ++s.generations[(*depth)[v]];
  }
  return s;
}

}  // namespace lineage::analysis
