#include "analysis/condense.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/strong_components.hpp>
#include <set>
#include <tuple>

#include "analysis/digraph.h"
#include "analysis/order.h"

namespace lineage::analysis {

using model::VertexId;

base::Result<Condensation> Condense(const model::Graph& graph,
                                    model::RelationSet relations) {
  Digraph d = Digraph::Build(graph, relations);
  const auto& t = d.topology();
  const std::size_t n = graph.num_works();
  std::vector<std::size_t> component(n);
  std::size_t count = boost::strong_components(
      t, boost::make_iterator_property_map(component.begin(),
                                           boost::get(boost::vertex_index, t)));
  std::vector<std::vector<VertexId>> members(count);
  for (VertexId v = 0; v < n; ++v) members[component[v]].push_back(v);

  Condensation out{model::Graph::Build({}).value(), 0, 0};
  model::GraphSpec spec;
  spec.eras.assign(graph.eras().begin(), graph.eras().end());
  std::vector<std::string> component_id(count);
  // Components in the order of their first work, so ids stay stable.
  std::vector<std::size_t> order(count);
  for (std::size_t c = 0; c < count; ++c) order[c] = c;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return members[a].front() < members[b].front();
  });
  for (std::size_t c : order) {
    std::vector<VertexId>& m = members[c];
    if (m.size() == 1) {
      spec.works.push_back(graph.work(m.front()));
      component_id[c] = graph.work(m.front()).id;
      continue;
    }
    ++out.cycles;
    out.merged_works += m.size();
    std::sort(m.begin(), m.end(),
              [&](VertexId a, VertexId b) { return EarlierWork(graph, a, b); });
    const model::Work& first = graph.work(m.front());
    model::Work w;
    w.id = "cycle-" + first.id;
    w.name = fmt::format("{} and {} more (a cycle)", first.name, m.size() - 1);
    w.kind = first.kind;
    w.date = first.date;  // The earliest, as members are sorted by date.
    w.era = first.era;
    std::string list;
    for (std::size_t i = 0; i < m.size() && i < 10; ++i)
      list += fmt::format("{}{}", i ? ", " : "", graph.id(m[i]));
    if (m.size() > 10) list += fmt::format(" and {} more", m.size() - 10);
    w.summary = fmt::format("{} works that cite each other in a cycle: {}",
                            m.size(), list);
    component_id[c] = w.id;
    spec.works.push_back(std::move(w));
  }
  std::set<std::tuple<std::size_t, std::size_t, model::Relation>> seen;
  for (model::EdgeId e = 0; e < graph.num_links(); ++e) {
    const model::Link l = graph.link(e);
    std::size_t cp = component[l.parent], cc = component[l.child];
    if (cp == cc && members[cp].size() > 1) continue;  // Inside a cycle.
    if (!seen.emplace(cp, cc, l.relation).second) continue;
    spec.links.push_back({component_id[cc], component_id[cp], l.relation,
                          l.evidence, l.citation, l.where});
  }
  // Cycles of links outside `relations` stay as they were.
  auto g = model::Graph::Build(
      std::move(spec), {.allow_influence_cycles = true, .curated = false});
  if (!g.ok()) return g.status();
  out.graph = std::move(g).value();
  return out;
}

}  // namespace lineage::analysis
