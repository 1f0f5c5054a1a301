// A diagram described without Graphviz: nodes, edges, rank groups and
// attributes (a graphviz::Drawing), built from a Selection. render::Render
// (render/draw.h) has Graphviz turn it into a picture; tests inspect it
// directly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/select.h"
#include "base/status.h"
#include "graphviz/graphviz.h"
#include "model/graph.h"
#include "render/timeline.h"

namespace lineage::render {

using graphviz::Attributes;
using SceneNode = graphviz::Node;
using SceneEdge = graphviz::Edge;

// A drawing of works: the graphviz::Drawing, and how many works it holds.
struct Scene : graphviz::Drawing {
  std::size_t works = 0;    // Work nodes (not ruler ticks).
  std::size_t undated = 0;  // Works without a date among them.
  std::size_t links = 0;    // Links drawn.
  // Selected links not drawn: those of organizations on a timeline, listed
  // in their tooltips instead. links + listed = the selection's links.
  std::size_t listed = 0;
  std::size_t back_in_time = 0;  // Drawn links whose newer work is earlier.
  std::size_t faint = 0;  // Long links drawn faint (TimelineRoute::direct).
  // Leaves drawn as groups (SceneOptions::group_leaves): works + grouped_works
  // = the selection's works, links + grouped_links + listed = its links;
  // each group is one node with one link from each of its shared parents.
  std::size_t grouped_works = 0;
  std::size_t groups = 0;
  std::size_t grouped_links = 0;  // Links into grouped works, not drawn.
  // Every position and curve is set (a pinned timeline): Graphviz only
  // draws. False for a view without a dated work, laid out by its links.
  bool pinned = false;
  // The pinned timeline's resolution and crossings (see TimelineLayout).
  std::optional<Resolution> resolution;
  std::size_t crossings = 0;

  const SceneNode* FindNode(std::string_view name) const;
  const SceneEdge* FindEdge(std::string_view id) const;  // By "id" attr.
};

struct SceneOptions {
  // "LR" (default: time runs left to right) or "TB" (top to bottom).
  std::string rankdir = "LR";
  std::string title;  // Above the legend; "" for none.
  // Place works on a time ruler. Off for force-directed layouts, which
  // have no ranks.
  bool timeline = true;
  // The timeline laid out here (render/timeline.h), every position pinned
  // for Graphviz's "nop2" engine to draw; off: a year ruler of rank groups
  // for dot to lay out.
  bool pinned = true;
  // Columns of the pinned timeline; nullopt: chosen from the view.
  std::optional<Resolution> resolution;
  // What is highlighted is the main path, drawn bold because the view is
  // big (engine::DrawOptions::bold_main_path_above): the legend says so.
  bool main_path_bold = false;
  // On the pinned timeline, draw the view's leaves (works with no drawn
  // link to a newer work of the view) in groups: in each column, those with
  // exactly the same parents (by the same relations), three or more; then
  // the column's other leaves with the same main parent (of a leaf's
  // parents, the one with the most children in the view), or with none,
  // three or more. A group is one node of class "group", id "group-FIRST"
  // (its first work's id), labelled "FIRST and N more", its tooltip listing
  // its works, with one link (class "link group-link ...", id
  // "link-group-FIRST-RELATION-PARENT") from each parent of any of its
  // works; the legend counts them. Never grouped: works without a date,
  // organizations, the focus, and what is highlighted (the main path). The
  // columns are then chosen from the whole view. Off: every work is drawn.
  bool group_leaves = false;
  // The language of the legend, the notes, the ruler and tooltip labels
  // (the graph's own text comes in whatever language it was opened in).
  model::Language language = model::Language::kEnglish;
};

// Builds the diagram of `selection`. Works are labelled "name\ndate", shaped
// by kind and filled by era; links are styled by relation. On the timeline
// every column (a period at the resolution) gets a ruler node of class
// "tick", id "tick-YYYY", "tick-YYYY-MM" or "tick-YYYY-MM-DD", striped with
// the colours of the eras of its works; later works never precede earlier
// ones. Pinned, every position and link curve is computed by
// LayOutTimeline; an undated work other than an organization sits by its
// links (class "undated", labelled so) with all its links drawn; a link back
// in time is drawn orange (class "back-in-time") and counted in the legend.
// For dot, each column is a rank group instead. Organizations without a date
// get the last column, "undated"; their links are listed in their tooltips
// instead of drawn. In SVG, nodes get id "work-ID" and class "work kind-K
// era-E" (plus "focus", "highlight" or "faded"), edges id
// "link-CHILD-RELATION-PARENT" and class "link rel-R influence|knowledge";
// tooltips carry summaries and evidence, nodes link to their paper. O(V + E)
// plus the layout's cost.
base::Result<Scene> BuildScene(const model::Graph& graph,
                               const analysis::Selection& selection,
                               const SceneOptions& options = {});

}  // namespace lineage::render
