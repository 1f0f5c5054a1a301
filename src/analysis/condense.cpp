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

namespace {

// Imports (one relation, no details) are condensed straight into columns,
// with no per-work strings or per-component lists: a citation graph of
// millions of works stays cheap. Same ids, names and dates as the curated
// path below; the member list is left to the name ("X and 41 more").
Condensation CondenseBulk(const model::Graph& graph,
                          const std::vector<std::size_t>& component,
                          std::size_t count) {
  const std::size_t n = graph.num_works();
  constexpr VertexId kNone = 0xFFFFFFFF;
  std::vector<VertexId> size(count, 0), earliest(count, kNone),
      renumber(count, kNone);
  for (VertexId v = 0; v < n; ++v) {
    const std::size_t c = component[v];
    ++size[c];
    if (earliest[c] == kNone || EarlierWork(graph, v, earliest[c]))
      earliest[c] = v;
  }
  Condensation out{model::Graph::Build({}).value(), 0, 0};
  model::BulkSpec spec;
  spec.relation = *graph.relations().Single();
  spec.kind = n > 0 ? graph.kind(0) : model::Kind::kPaper;
  // Components in the order of their first work, so ids stay stable.
  for (VertexId v = 0; v < n; ++v) {
    const std::size_t c = component[v];
    if (renumber[c] != kNone) continue;
    const VertexId first = earliest[c];
    renumber[c] = static_cast<VertexId>(spec.ids.size());
    std::uint32_t label = model::BulkSpec::kNoLabel;
    if (size[c] == 1) {
      spec.ids.Intern(graph.id(v));
      if (graph.name(v) != graph.id(v)) label = spec.labels.Add(graph.name(v));
    } else {
      ++out.cycles;
      out.merged_works += size[c];
      spec.ids.Intern(fmt::format("cycle-{}", graph.id(first)));
      label = spec.labels.Add(fmt::format("{} and {} more (a cycle)",
                                          graph.name(first), size[c] - 1));
    }
    spec.label_of.push_back(label);
    spec.dates.push_back(graph.date(first));
  }
  graph.ForEachLink([&](model::EdgeId, VertexId p, VertexId c, auto) {
    const VertexId cp = renumber[component[p]], cc = renumber[component[c]];
    if (cp == cc) return;  // Inside a cycle.
    spec.parents.push_back(cp);
    spec.children.push_back(cc);
  });
  out.graph = model::Graph::FromBulk(std::move(spec), nullptr);
  return out;
}

}  // namespace

base::Result<Condensation> Condense(const model::Graph& graph,
                                    model::RelationSet relations) {
  Digraph d = Digraph::Build(graph, relations);
  const auto& t = d.topology();
  const std::size_t n = graph.num_works();
  std::vector<std::size_t> component(n);
  std::size_t count = boost::strong_components(
      t, boost::make_iterator_property_map(component.begin(),
                                           boost::get(boost::vertex_index, t)));
  // Bulk imports hold one built-in relation and no details: columns suffice.
  if (!graph.has_details() && graph.relations().Single() &&
      model::IsBuiltIn(*graph.relations().Single()) &&
      relations.ContainsAll(graph.relations()))
    return CondenseBulk(graph, component, count);
  std::vector<std::vector<VertexId>> members(count);
  for (VertexId v = 0; v < n; ++v) members[component[v]].push_back(v);

  Condensation out{model::Graph::Build({}).value(), 0, 0};
  model::GraphSpec spec;
  spec.title = graph.title();
  spec.eras.assign(graph.eras().begin(), graph.eras().end());
  spec.relations = graph.vocabulary();
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
      const VertexId v = m.front();
      spec.works.push_back({std::string(graph.id(v)),
                            std::string(graph.name(v)), graph.kind(v),
                            graph.date(v), graph.details(v)});
      component_id[c] = graph.id(v);
      continue;
    }
    ++out.cycles;
    out.merged_works += m.size();
    std::sort(m.begin(), m.end(),
              [&](VertexId a, VertexId b) { return EarlierWork(graph, a, b); });
    const VertexId first = m.front();
    model::Work w;
    w.id = fmt::format("cycle-{}", graph.id(first));
    w.name = fmt::format("{} and {} more (a cycle)", graph.name(first),
                         m.size() - 1);
    w.kind = graph.kind(first);
    w.date = graph.date(first);  // The earliest: members are sorted by date.
    w.details.era = graph.era(first);
    std::string list;
    for (std::size_t i = 0; i < m.size() && i < 10; ++i)
      list += fmt::format("{}{}", i ? ", " : "", graph.id(m[i]));
    if (m.size() > 10) list += fmt::format(" and {} more", m.size() - 10);
    w.details.summary = fmt::format(
        "{} works that cite each other in a cycle: {}", m.size(), list);
    component_id[c] = w.id;
    spec.works.push_back(std::move(w));
  }
  std::set<std::tuple<std::size_t, std::size_t, model::Relation>> seen;
  for (model::EdgeId e = 0; e < graph.num_links(); ++e) {
    const model::Relation rel = graph.relation(e);
    std::size_t cp = component[graph.parent(e)], cc = component[graph.child(e)];
    if (cp == cc && members[cp].size() > 1) continue;  // Inside a cycle.
    if (!seen.emplace(cp, cc, rel).second) continue;
    spec.links.push_back(
        {component_id[cc], component_id[cp], rel, graph.link_details(e)});
  }
  // Cycles of links outside `relations` stay as they were.
  auto g = model::Graph::Build(
      std::move(spec), {.allow_influence_cycles = true, .curated = false});
  if (!g.ok()) return g.status();
  out.graph = std::move(g).value();
  return out;
}

}  // namespace lineage::analysis
