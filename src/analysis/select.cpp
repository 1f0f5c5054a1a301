#include "analysis/select.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/graph/filtered_graph.hpp>
#include <boost/graph/strong_components.hpp>
#include <limits>
#include <set>
#include <vector>

#include "analysis/ancestry.h"
#include "analysis/order.h"
#include "analysis/paths.h"
#include "model/topology.h"

namespace lineage::analysis {
namespace {

using model::EdgeId;
using model::Graph;
using model::VertexId;

Selection Empty(const Graph& g) {
  Selection s;
  s.works.assign(g.num_works(), false);
  s.links.assign(g.num_links(), false);
  s.highlighted_works.assign(g.num_works(), false);
  s.highlighted_links.assign(g.num_links(), false);
  return s;
}

// Selects every link whose ends are both selected.
void SelectLinksBetweenWorks(const Graph& g, Selection* s) {
  g.ForEachLink([&](EdgeId e, VertexId parent, VertexId child, auto) {
    s->links[e] = s->works[parent] && s->works[child];
  });
}

// Deselects the links that lost one of their works.
void DropLinksOfUnselectedWorks(const Graph& g, Selection* s) {
  g.ForEachLink([&](EdgeId e, VertexId parent, VertexId child, auto) {
    if (!s->works[parent] || !s->works[child]) {
      s->links[e] = false;
      s->highlighted_links[e] = false;
    }
  });
}

}  // namespace

std::size_t Selection::num_works() const {
  return std::count(works.begin(), works.end(), true);
}
std::size_t Selection::num_links() const {
  return std::count(links.begin(), links.end(), true);
}
bool Selection::any_highlight() const {
  return std::find(highlighted_works.begin(), highlighted_works.end(), true) !=
         highlighted_works.end();
}

Selection SelectAll(const Graph& g) {
  Selection s = Empty(g);
  s.works.assign(g.num_works(), true);
  s.links.assign(g.num_links(), true);
  return s;
}

Selection SelectFamily(const Graph& g, VertexId work,
                       const FamilyOptions& options) {
  Selection s = Empty(g);
  s.works[work] = true;
  s.focus = {work};
  TraversalOptions traversal{.max_depth = options.max_depth,
                             .relations = options.relations};
  if (options.ancestors) {
    for (const Reached& r : Reach(g, work, Direction::kAncestors, traversal))
      s.works[r.work] = true;
  }
  if (options.descendants) {
    for (const Reached& r : Reach(g, work, Direction::kDescendants, traversal))
      s.works[r.work] = true;
  }
  SelectLinksBetweenWorks(g, &s);
  return s;
}

namespace {

// Marks the works on influence paths from `from` down to `to`.
void MarkPaths(const Graph& g, VertexId from, VertexId to,
               model::RelationSet relations, std::vector<bool>* marked) {
  for (VertexId v :
       PathsBetween(g, std::span(&from, 1), std::span(&to, 1), relations).works)
    (*marked)[v] = true;
}

// Highlights the links of `relations` between highlighted works, and keeps
// only the highlighted part when `only`.
void FinishHighlight(const Graph& g, model::RelationSet relations, bool only,
                     Selection* s) {
  g.ForEachLink(
      [&](EdgeId e, VertexId parent, VertexId child, model::Relation rel) {
        s->highlighted_links[e] = relations.Contains(rel) &&
                                  s->highlighted_works[parent] &&
                                  s->highlighted_works[child];
      });
  if (only) {
    s->works = s->highlighted_works;
    s->links = s->highlighted_links;
  }
}

}  // namespace

base::Result<Selection> SelectPaths(const Graph& g, VertexId from, VertexId to,
                                    bool only, model::RelationSet relations) {
  if (!ShortestPath(g, from, to, relations)) {
    std::string hint =
        ShortestPath(g, to, from, relations)
            ? fmt::format("; '{}' came first: swap the two", g.id(to))
            : "";
    return base::Status::NotFound(fmt::format(
        "no influence path from '{}' to '{}'{}", g.id(from), g.id(to), hint));
  }
  Selection s = only ? Empty(g) : SelectAll(g);
  s.focus = {from, to};
  MarkPaths(g, from, to, relations, &s.highlighted_works);
  FinishHighlight(g, relations, only, &s);
  return s;
}

base::Result<Selection> SelectCommon(const Graph& g, VertexId a, VertexId b,
                                     bool only, model::RelationSet relations) {
  std::vector<VertexId> lowest;
  for (const CommonAncestor& c :
       CommonAncestors(g, a, b, {.relations = relations}))
    if (c.lowest) lowest.push_back(c.work);
  if (lowest.empty()) {
    return base::Status::NotFound(
        fmt::format("'{}' and '{}' have no common ancestor", g.id(a), g.id(b)));
  }
  Selection s = only ? Empty(g) : SelectAll(g);
  s.focus = lowest;
  s.focus.push_back(a);
  s.focus.push_back(b);
  for (VertexId l : lowest) {
    MarkPaths(g, l, a, relations, &s.highlighted_works);
    MarkPaths(g, l, b, relations, &s.highlighted_works);
  }
  FinishHighlight(g, relations, only, &s);
  return s;
}

Selection SelectArcs(const Graph& g,
                     const std::vector<std::pair<VertexId, VertexId>>& arcs,
                     bool only, model::RelationSet relations) {
  Selection s = only ? Empty(g) : SelectAll(g);
  std::set<std::pair<VertexId, VertexId>> wanted(arcs.begin(), arcs.end());
  for (const auto& [u, v] : arcs)
    s.highlighted_works[u] = s.highlighted_works[v] = true;
  g.ForEachLink(
      [&](EdgeId e, VertexId parent, VertexId child, model::Relation rel) {
        s.highlighted_links[e] =
            relations.Contains(rel) && wanted.count({parent, child}) > 0;
      });
  if (only) {
    s.works = s.highlighted_works;
    s.links = s.highlighted_links;
  }
  return s;
}

void ApplyFilter(const Graph& g, const Filter& filter, Selection* s) {
  if (filter.empty()) return;
  for (VertexId v = 0; v < g.num_works(); ++v) {
    if (!s->works[v]) continue;
    bool focus =
        std::find(s->focus.begin(), s->focus.end(), v) != s->focus.end();
    if (!focus && !filter.Keep(g, v)) {
      s->works[v] = false;
      s->highlighted_works[v] = false;
    }
  }
  DropLinksOfUnselectedWorks(g, s);
}

void KeepTop(const Graph& g, const std::vector<double>& scores, std::size_t n,
             Selection* s) {
  std::vector<VertexId> selected;
  for (VertexId v = 0; v < g.num_works(); ++v)
    if (s->works[v]) selected.push_back(v);
  if (selected.size() <= n) return;
  std::sort(selected.begin(), selected.end(), [&](VertexId a, VertexId b) {
    if (scores[a] != scores[b]) return scores[a] > scores[b];
    return EarlierWork(g, a, b);
  });
  for (std::size_t i = n; i < selected.size(); ++i) {
    VertexId v = selected[i];
    if (std::find(s->focus.begin(), s->focus.end(), v) != s->focus.end())
      continue;
    s->works[v] = false;
    s->highlighted_works[v] = false;
  }
  DropLinksOfUnselectedWorks(g, s);
}

namespace {

// The drawn influence links of a view, and its works, as a Boost.Graph view
// of the graph's CSR, for Boost's algorithms.
struct DrawnInfluence {
  const model::Topology* t = nullptr;
  const Selection* s = nullptr;
  bool operator()(const model::TopoEdge& e) const {
    return model::IsInfluence((*t)[e].relation) &&
           s->links[model::LinkOf(*t, e)];
  }
};
struct SelectedWorks {
  const Selection* s = nullptr;
  bool operator()(VertexId v) const { return s->works[v]; }
};

// The strongly connected components of the selected works along the drawn
// influence links (Boost.Graph's strong_components, Tarjan 1972, whose
// depth-first search keeps its own stack: a long chain cannot overflow
// it). Entries of unselected works are meaningless. O(V + E).
std::vector<VertexId> Components(const Graph& g, const Selection& s,
                                 std::size_t* count) {
  const model::Topology& t = *g.csr();
  boost::filtered_graph<model::Topology, DrawnInfluence, SelectedWorks> view(
      t, DrawnInfluence{&t, &s}, SelectedWorks{&s});
  std::vector<VertexId> component(g.num_works(), 0);
  *count = boost::strong_components(
      view, boost::make_iterator_property_map(
                component.begin(), boost::get(boost::vertex_index, t)));
  return component;
}

}  // namespace

void Reduce(const Graph& g, Selection* s) {
  const model::RelationSet influence = model::RelationSet::Influence();
  // The drawn influence links out of a work.
  auto drawn = [&](VertexId u, auto&& f) {
    for (const model::Neighbor& c : g.OutLinks(u, influence))
      if (s->links[c.link]) f(c);
  };
  // On a view with cycles the reduction is taken of the condensation: a
  // link inside a cycle is never implied by the rest in a way that is
  // unique, so every one is kept; a link between two components is hidden
  // when its child's component is reachable from its parent's through a
  // third one. On a DAG every component is one work and this is the
  // ordinary transitive reduction.
  std::size_t count = 0;
  const std::vector<VertexId> component = Components(g, *s, &count);
  std::vector<std::vector<VertexId>> members(count);
  for (VertexId v = 0; v < g.num_works(); ++v)
    if (s->works[v]) members[component[v]].push_back(v);
  // The condensation's arcs out of a component (repeats are harmless).
  auto arcs = [&](VertexId c, auto&& f) {
    for (VertexId u : members[c])
      drawn(u, [&](const model::Neighbor& n) {
        if (component[n.other] != c) f(component[n.other]);
      });
  };
  // For each component c: which components are reachable from it in two
  // or more steps? Works are few in a drawable view, so one search per
  // component is cheap and needs no topological bookkeeping.
  constexpr VertexId kUnmarked = std::numeric_limits<VertexId>::max();
  std::vector<VertexId> mark(count, kUnmarked);
  std::vector<VertexId> stack;
  std::vector<EdgeId> hide;
  for (VertexId c = 0; c < count; ++c) {
    auto push = [&](VertexId d) {
      if (mark[d] != c) {
        mark[d] = c;
        stack.push_back(d);
      }
    };
    // Seed the search with the children's children.
    stack.clear();
    arcs(c, [&](VertexId d) { arcs(d, push); });
    while (!stack.empty()) {
      VertexId d = stack.back();
      stack.pop_back();
      arcs(d, push);
    }
    for (VertexId u : members[c])
      drawn(u, [&](const model::Neighbor& n) {
        const VertexId d = component[n.other];
        if (d != c && mark[d] == c) hide.push_back(n.link);
      });
  }
  for (EdgeId e : hide) {
    s->links[e] = false;
    s->highlighted_links[e] = false;
  }
  s->reduced_links += hide.size();
}

}  // namespace lineage::analysis
