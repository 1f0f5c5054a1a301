#include "analysis/digraph.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>
#include <queue>

#include "analysis/order.h"

namespace lineage::analysis {

using model::VertexId;

Digraph Digraph::Build(const model::Graph& graph,
                       model::RelationSet relations) {
  // The topology already groups links by parent: walk its rows, keep each
  // child once per row, and hand the rows to the CSR as they are. O(E) and
  // no edge list, which matters at ten million links.
  const auto n = static_cast<VertexId>(graph.num_works());
  Digraph d;
  d.n_ = n;
  d.relations_ = relations;
  if (graph.simple() && relations.ContainsAll(graph.relations())) {
    d.topo_ = graph.csr();
    return d;
  }
  std::vector<model::EdgeId> rowstart(std::size_t{n} + 1, 0);
  std::vector<VertexId> column;
  column.reserve(graph.num_links());
  std::vector<VertexId> last_row(n, n);  // Row that last took each child.
  for (VertexId u = 0; u < n; ++u) {
    const std::size_t row_begin = column.size();
    for (const model::Neighbor& c : graph.OutLinks(u, relations)) {
      if (last_row[c.other] == u) continue;
      last_row[c.other] = u;
      column.push_back(c.other);
    }
    std::sort(column.begin() + row_begin, column.end());
    rowstart[u + 1] = static_cast<model::EdgeId>(column.size());
  }
  column.shrink_to_fit();
  auto topo = std::make_shared<model::SimpleTopology>();
  model::AdoptRows(*topo, n, std::move(rowstart), std::move(column));
  d.topo_ = std::move(topo);
  return d;
}

std::size_t Digraph::num_arcs() const { return boost::num_edges(*topo_); }

std::vector<VertexId> Digraph::children(VertexId v) const {
  auto [b, e] = boost::adjacent_vertices(v, *topo_);
  return {b, e};
}

std::vector<VertexId> Digraph::parents(VertexId v) const {
  std::vector<VertexId> out;
  for (auto [it, end] = boost::in_edges(v, *topo_); it != end; ++it)
    out.push_back(boost::source(*it, *topo_));
  return out;
}

std::size_t Digraph::out_degree(VertexId v) const {
  return boost::out_degree(v, *topo_);
}
std::size_t Digraph::in_degree(VertexId v) const {
  return boost::in_degree(v, *topo_);
}

base::Result<std::vector<VertexId>> TopologicalOrder(const model::Graph& graph,
                                                     const Digraph& digraph) {
  std::vector<VertexId> order;
  order.reserve(digraph.num_vertices());
  try {
    boost::topological_sort(digraph.topology(), std::back_inserter(order));
  } catch (const boost::not_a_dag&) {
    auto cycles = model::FindCycles(graph, digraph.relations(), 1);
    std::string which =
        cycles.empty() ? "" : ": " + model::CycleText(graph, cycles.front());
    return base::Status::InvalidData(fmt::format(
        "this analysis needs a DAG, but the lineage has a cycle{}", which));
  }
  std::reverse(order.begin(), order.end());  // Boost gives reverse order.
  return order;
}

Components StronglyConnected(const Digraph& digraph) {
  const auto& t = digraph.topology();
  std::vector<std::size_t> component(digraph.num_vertices());
  std::size_t count = boost::strong_components(
      t, boost::make_iterator_property_map(component.begin(),
                                           boost::get(boost::vertex_index, t)));
  std::vector<std::size_t> size(count, 0);
  for (std::size_t c : component) ++size[c];
  Components out;
  for (std::size_t s : size) {
    if (s < 2) continue;
    ++out.cyclic;
    out.in_cycles += s;
    out.largest = std::max(out.largest, s);
  }
  // A work linked to itself is a cycle of one: no import keeps one, but a
  // graph file could hold it, and a topological sort would refuse it.
  for (VertexId v = 0; v < component.size(); ++v) {
    if (size[component[v]] != 1) continue;
    for (auto [e, end] = boost::out_edges(v, t); e != end; ++e) {
      if (boost::target(*e, t) != v) continue;
      ++out.cyclic;
      ++out.in_cycles;
      out.largest = std::max<std::size_t>(out.largest, 1);
      break;
    }
  }
  return out;
}

base::Result<std::vector<VertexId>> ChronologicalOrder(
    const model::Graph& graph, const Digraph& digraph) {
  const std::size_t n = digraph.num_vertices();
  auto later = [&graph](VertexId a, VertexId b) {
    return EarlierWork(graph, b, a);
  };
  std::priority_queue<VertexId, std::vector<VertexId>, decltype(later)> ready(
      later);
  std::vector<std::size_t> waiting(n);
  for (VertexId v = 0; v < n; ++v) {
    waiting[v] = digraph.in_degree(v);
    if (waiting[v] == 0) ready.push(v);
  }
  std::vector<VertexId> order;
  order.reserve(n);
  while (!ready.empty()) {
    VertexId v = ready.top();
    ready.pop();
    order.push_back(v);
    for (VertexId c : digraph.children(v))
      if (--waiting[c] == 0) ready.push(c);
  }
  if (order.size() < n) return TopologicalOrder(graph, digraph).status();
  return order;
}

}  // namespace lineage::analysis
