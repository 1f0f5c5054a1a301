// Choosing what a view shows: the whole graph, the family of one work, the
// paths between two works, narrowed by filters and optionally reduced to
// the transitive reduction of its influence links.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "analysis/filter.h"
#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

// The works and links of a view. A link is selected only with both ends.
// `highlighted` marks what a path view emphasises; everything else selected
// is drawn faded when anything is highlighted.
struct Selection {
  std::vector<bool> works;  // Indexed by VertexId.
  std::vector<bool> links;  // Indexed by EdgeId.
  std::vector<bool> highlighted_works;
  std::vector<bool> highlighted_links;
  std::vector<model::VertexId> focus;  // Works the view is about.
  std::size_t reduced_links = 0;       // Influence links hidden by Reduce().

  std::size_t num_works() const;
  std::size_t num_links() const;
  bool any_highlight() const;
};

// Every work and link.
Selection SelectAll(const model::Graph& graph);

struct FamilyOptions {
  bool ancestors = true;
  bool descendants = true;
  int max_depth = -1;  // -1: no limit.
  model::RelationSet relations = model::RelationSet::Influence();
};

// `work`, its ancestors and/or descendants along `relations`, and every link
// among them. O(V + E).
Selection SelectFamily(const model::Graph& graph, model::VertexId work,
                       const FamilyOptions& options = {});

// The works and links on influence paths from `from` down to `to`,
// highlighted; with `only`, nothing else is selected, otherwise the whole
// graph is, faded. Fails with kNotFound when `to` does not descend from
// `from` (saying so when it is the other way round). O(V + E).
base::Result<Selection> SelectPaths(
    const model::Graph& graph, model::VertexId from, model::VertexId to,
    bool only, model::RelationSet relations = model::RelationSet::Influence());

// The lineages of `a` and of `b` down from their lowest common ancestors:
// every work and link on an influence path from one of those ancestors to
// `a` or to `b`, highlighted (alone with `only`). Fails with kNotFound when
// they share no ancestor. O(L · (V + E)) for L lowest common ancestors.
base::Result<Selection> SelectCommon(
    const model::Graph& graph, model::VertexId a, model::VertexId b, bool only,
    model::RelationSet relations = model::RelationSet::Influence());

// The given arcs (parent, child) highlighted with their works, over the
// faded rest or alone: how a main path is drawn. O(V + E log A).
Selection SelectArcs(
    const model::Graph& graph,
    const std::vector<std::pair<model::VertexId, model::VertexId>>& arcs,
    bool only, model::RelationSet relations = model::RelationSet::Influence());

// Deselects works the filter rejects (and their links). The focus works of
// the selection stay whatever the filter says. O(V + E).
void ApplyFilter(const model::Graph& graph, const Filter& filter,
                 Selection* selection);

// Keeps the `n` selected works that score highest (ties: earlier works),
// plus the focus works, and the links among them: how a view of a big graph
// is cut down to a drawable size. O(V log V + E).
void KeepTop(const model::Graph& graph, const std::vector<double>& scores,
             std::size_t n, Selection* selection);

// Hides every selected influence link u -> v for which another selected
// influence path leads from u to v: the transitive reduction of the drawn
// lineage (Aho, Garey & Ullman 1972), unique on a DAG. On a view with
// cycles, the reduction of its condensation: every link inside a strongly
// connected component is kept, and a link between two components is hidden
// when a path through a third component joins them (parallel links between
// the same two components are all kept). Surviving links keep all their
// attributes; knowledge links are untouched. Counts what it hid in
// `reduced_links`, so that kept + reduced_links = the links before.
// O(C · (V + E)) over the selection, for C components.
void Reduce(const model::Graph& graph, Selection* selection);

}  // namespace lineage::analysis
