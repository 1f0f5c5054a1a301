// A diagram described without Graphviz: nodes, edges, rank groups and
// attributes (a graphviz::Drawing), built from a Selection. render::Render
// (render/draw.h) has Graphviz turn it into a picture; tests inspect it
// directly.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/select.h"
#include "base/status.h"
#include "graphviz/graphviz.h"
#include "model/graph.h"

namespace lineage::render {

using graphviz::Attributes;
using SceneNode = graphviz::Node;
using SceneEdge = graphviz::Edge;

// A drawing of works: the graphviz::Drawing, and how many works it holds.
struct Scene : graphviz::Drawing {
  std::size_t works = 0;    // Work nodes (not ruler years).
  std::size_t undated = 0;  // Works without a date among them.

  const SceneNode* FindNode(std::string_view name) const;
  const SceneEdge* FindEdge(std::string_view id) const;  // By "id" attr.
};

struct SceneOptions {
  // "LR" (default: time runs left to right) or "TB" (top to bottom).
  std::string rankdir = "LR";
  std::string title;  // Above the legend; "" for none.
  // Place works on a year ruler (dot). Off for force-directed layouts, which
  // have no ranks.
  bool timeline = true;
  // The language of the legend, the notes, the ruler and tooltip labels
  // (the graph's own text comes in whatever language it was opened in).
  model::Language language = model::Language::kEnglish;
};

// Builds the diagram of `selection`. Works are labelled "name\ndate", shaped
// by kind and filled by era; links are styled by relation. On the timeline
// every year with a work gets a ruler node, striped with the colours of the
// eras of its works, and a rank group holding it and its works, so works of
// one year line up and later works never precede earlier ones. Undated
// works (organizations) get a last rank, "undated"; their links, which would
// run backwards in time, are listed in their tooltips instead of drawn.
// In SVG, nodes get id "work-ID" and class "work kind-K era-E" (plus
// "focus", "highlight" or "faded"), edges id "link-CHILD-RELATION-PARENT"
// and class "link rel-R influence|knowledge"; tooltips carry summaries and
// evidence, nodes link to their paper. O(V + E).
base::Result<Scene> BuildScene(const model::Graph& graph,
                               const analysis::Selection& selection,
                               const SceneOptions& options = {});

}  // namespace lineage::render
