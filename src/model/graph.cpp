#include "model/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <set>
#include <tuple>
#include <utility>

#include "base/text.h"
#include "model/resolve.h"

namespace lineage::model {
namespace {

using base::Diagnostic;
using base::SourceLocation;

std::string At(const SourceLocation& where) {
  std::string s = where.ToString();
  return s.empty() ? "" : " (" + s + ")";
}

}  // namespace

Graph::Graph() = default;
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

std::optional<VertexId> Graph::FindId(std::string_view id) const {
  auto it = ids_.find(std::string(id));
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

std::optional<VertexId> Graph::FindKey(std::string_view key) const {
  auto it = keys_.find(std::string(key));
  if (it == keys_.end()) return std::nullopt;
  return it->second;
}

const Era* Graph::FindEra(std::string_view id) const {
  for (const Era& era : eras_)
    if (era.id == id) return &era;
  return nullptr;
}

base::Result<Graph> Graph::Build(GraphSpec spec, const BuildOptions& options) {
  Graph g;
  std::vector<Diagnostic> diags;
  g.eras_ = std::move(spec.eras);
  g.works_ = std::move(spec.works);

  for (std::size_t i = 0; i < g.eras_.size(); ++i) {
    const Era& era = g.eras_[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (g.eras_[j].id == era.id) {
        diags.push_back({era.where,
                         fmt::format("duplicate era id '{}', first defined{}",
                                     era.id, At(g.eras_[j].where)),
                         "give each era its own id"});
      }
    }
    if (era.to_year != 0 && era.to_year < era.from_year) {
      diags.push_back({era.where,
                       fmt::format("era '{}' ends ({}) before it begins ({})",
                                   era.id, era.to_year, era.from_year),
                       "swap 'from' and 'to'"});
    }
  }

  std::string era_ids;
  for (const Era& era : g.eras_)
    era_ids += (era_ids.empty() ? "" : ", ") + era.id;

  for (VertexId v = 0; v < g.works_.size(); ++v) {
    const Work& w = g.works_[v];
    auto [it, inserted] = g.ids_.emplace(w.id, v);
    if (!inserted) {
      diags.push_back({w.where,
                       fmt::format("duplicate work id '{}', first defined{}",
                                   w.id, At(g.works_[it->second].where)),
                       "rename one of them, or merge the two entries"});
      continue;
    }
    const Era* era = g.FindEra(w.era);
    if (w.era.empty() && w.kind != Kind::kOrganization && options.curated) {
      diags.push_back({w.where, fmt::format("work '{}' has no era", w.id),
                       era_ids.empty()
                           ? "add 'era: ...'"
                           : "add 'era: ...' with one of: " + era_ids});
    } else if (era == nullptr && !w.era.empty()) {
      diags.push_back(
          {w.where,
           fmt::format("work '{}' names unknown era '{}'", w.id, w.era),
           era_ids.empty() ? "define the era under 'eras:'"
                           : "use one of: " + era_ids});
    }
    if (!w.date.known() && w.kind != Kind::kOrganization && options.curated) {
      diags.push_back({w.where, fmt::format("work '{}' has no date", w.id),
                       "add 'date: YYYY-MM' (only organizations may omit it)"});
    } else if (era != nullptr && w.date.known() &&
               !era->Contains(w.date.year)) {
      diags.push_back(
          {w.where,
           fmt::format("work '{}' is dated {} but its era '{}' spans {}-{}",
                       w.id, w.date.ToString(), era->id, era->from_year,
                       era->to_year == 0 ? std::string("today")
                                         : std::to_string(era->to_year)),
           "correct the date or choose the era that contains it"});
    }
  }

  // Lookup keys: every id, name and alias must point to one work only.
  for (VertexId v = 0; v < g.works_.size(); ++v) {
    const Work& w = g.works_[v];
    if (g.ids_.at(w.id) != v) continue;  // A duplicate, reported above.
    std::vector<std::string_view> names{w.id, w.name};
    names.insert(names.end(), w.aliases.begin(), w.aliases.end());
    for (std::string_view name : names) {
      std::string key = base::NormalizeKey(name);
      if (key.empty()) {
        if (!options.curated) continue;
        diags.push_back(
            {w.where,
             fmt::format("name '{}' of work '{}' has no letters or digits",
                         name, w.id),
             "use a name people can type"});
        continue;
      }
      auto [it, inserted] = g.keys_.emplace(key, v);
      // Imported names are labels, not curated names: the first work keeps
      // a shared one, and ids stay unique.
      if (!inserted && it->second != v && options.curated) {
        const Work& other = g.works_[it->second];
        diags.push_back(
            {w.where,
             fmt::format("name '{}' of work '{}' already refers to work '{}'{}",
                         name, w.id, other.id, At(other.where)),
             "names and aliases must be unique; drop or change this one"});
      }
    }
  }

  std::set<std::tuple<VertexId, VertexId, Relation>> seen;
  for (LinkSpec& spec_link : spec.links) {
    auto child = g.FindId(spec_link.child);
    auto parent = g.FindId(spec_link.parent);
    std::string_view rel = RelationName(spec_link.relation);
    if (!child) {
      diags.push_back(
          {spec_link.where,
           fmt::format("link from unknown work '{}'", spec_link.child),
           "declare links inside the work they belong to"});
      continue;
    }
    if (!parent) {
      std::string hint =
          DidYouMean(g.works_, Suggest(g.keys_, spec_link.parent));
      diags.push_back({spec_link.where,
                       fmt::format("'{}' {} unknown work '{}'", spec_link.child,
                                   rel, spec_link.parent),
                       hint.empty() ? "add the work, or fix the id" : hint});
      continue;
    }
    if (*child == *parent) {
      diags.push_back({spec_link.where,
                       fmt::format("work '{}' {} itself", spec_link.child, rel),
                       "remove this self-link"});
      continue;
    }
    if (!seen.emplace(*parent, *child, spec_link.relation).second) {
      diags.push_back({spec_link.where,
                       fmt::format("duplicate link: '{}' {} '{}' twice",
                                   spec_link.child, rel, spec_link.parent),
                       "remove the repeated entry"});
      continue;
    }
    if (spec_link.evidence.empty() && options.curated) {
      diags.push_back(
          {spec_link.where,
           fmt::format("link '{}' {} '{}' has no evidence", spec_link.child,
                       rel, spec_link.parent),
           "add 'evidence:' with a quote or paraphrase from the source"});
    }
    const Work& pw = g.works_[*parent];
    const Work& cw = g.works_[*child];
    if (pw.date.known() && cw.date.known() &&
        CompareAtCommonPrecision(pw.date, cw.date) > 0 && options.curated) {
      diags.push_back(
          {spec_link.where,
           fmt::format("temporal inconsistency: '{}' ({}) {} '{}', which is "
                       "dated later ({})",
                       cw.id, cw.date.ToString(), rel, pw.id,
                       pw.date.ToString()),
           "a work can only follow an earlier one; check both dates or "
           "reverse the link"});
    }
    g.links_.push_back(
        {*parent, *child, spec_link.relation, std::move(spec_link.evidence),
         std::move(spec_link.citation), std::move(spec_link.where)});
  }

  if (!diags.empty()) {
    std::string summary =
        fmt::format("{} problem{} in the graph data", diags.size(),
                    diags.size() == 1 ? "" : "s");
    return base::Status::InvalidData(std::move(summary), std::move(diags));
  }

  std::vector<std::pair<VertexId, VertexId>> pairs;
  std::vector<EdgeBundle> bundles;
  pairs.reserve(g.links_.size());
  bundles.reserve(g.links_.size());
  for (EdgeId e = 0; e < g.links_.size(); ++e) {
    pairs.emplace_back(g.links_[e].parent, g.links_[e].child);
    bundles.push_back({e, g.links_[e].relation});
  }
  g.topology_ = std::make_unique<Topology>(
      boost::edges_are_unsorted_multi_pass, pairs.begin(), pairs.end(),
      bundles.begin(), static_cast<VertexId>(g.works_.size()));

  if (!options.allow_influence_cycles) {
    for (const Cycle& c : FindCycles(g, RelationSet::Influence(), 10)) {
      diags.push_back(
          {g.links_[c.closing_link].where,
           "influence cycle: " + CycleText(g, c),
           "a work cannot be its own ancestor; remove or reverse one of these "
           "links"});
    }
  }
  if (!diags.empty()) {
    std::string summary =
        fmt::format("{} influence cycle{} in the graph data", diags.size(),
                    diags.size() == 1 ? "" : "s");
    return base::Status::InvalidData(std::move(summary), std::move(diags));
  }
  return g;
}

std::vector<VertexId> Parents(const Graph& graph, VertexId v,
                              RelationSet rels) {
  std::vector<VertexId> out;
  const Topology& t = graph.topology();
  for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
    if (rels.Contains(t[*it].relation)) out.push_back(boost::source(*it, t));
  return out;
}

std::vector<VertexId> Children(const Graph& graph, VertexId v,
                               RelationSet rels) {
  std::vector<VertexId> out;
  const Topology& t = graph.topology();
  for (auto [it, end] = boost::out_edges(v, t); it != end; ++it)
    if (rels.Contains(t[*it].relation)) out.push_back(boost::target(*it, t));
  return out;
}

}  // namespace lineage::model

namespace lineage::model {
namespace {

struct RelationFilter {
  const Topology* t = nullptr;
  RelationSet rels;
  bool operator()(const TopoEdge& e) const {
    return rels.Contains((*t)[e].relation);
  }
};

// Records the DFS tree and every back edge; a back edge u -> v closes the
// cycle v -> ... -> u -> v along the tree.
struct CycleRecorder : boost::default_dfs_visitor {
  std::vector<VertexId>* parent;
  std::vector<TopoEdge>* back_edges;
  std::size_t max;
  template <typename E, typename G>
  void tree_edge(E e, const G& g) {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  template <typename E, typename G>
  void back_edge(E e, const G&) {
    if (back_edges->size() < max) back_edges->push_back(e);
  }
};

}  // namespace

std::vector<Cycle> FindCycles(const Graph& graph, RelationSet rels,
                              std::size_t max) {
  const Topology& t = graph.topology();
  boost::filtered_graph<Topology, RelationFilter> g(t,
                                                    RelationFilter{&t, rels});
  std::vector<VertexId> parent(graph.num_works());
  std::vector<TopoEdge> back_edges;
  std::vector<boost::default_color_type> colors(graph.num_works());
  // Boost's depth_first_search keeps its own stack, so deep chains of a
  // large graph cannot overflow ours.
  boost::depth_first_search(
      g, CycleRecorder{{}, &parent, &back_edges, max},
      boost::make_iterator_property_map(colors.begin(),
                                        boost::get(boost::vertex_index, t)));
  std::vector<Cycle> cycles;
  for (const TopoEdge& e : back_edges) {
    VertexId u = boost::source(e, t);
    VertexId v = boost::target(e, t);
    Cycle c{{u}, t[e].link};
    while (c.works.back() != v) c.works.push_back(parent[c.works.back()]);
    std::reverse(c.works.begin(), c.works.end());  // v ... u
    cycles.push_back(std::move(c));
  }
  return cycles;
}

std::string CycleText(const Graph& graph, const Cycle& cycle) {
  std::string text;
  for (VertexId w : cycle.works) text += graph.work(w).id + " -> ";
  return text + graph.work(cycle.works.front()).id;
}

}  // namespace lineage::model
