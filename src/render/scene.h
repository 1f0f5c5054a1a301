// A diagram described without Graphviz: nodes, edges, rank groups and
// attributes, built from a Selection. Graphviz turns it into a picture
// (graphviz.h); tests inspect it directly.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/select.h"
#include "base/status.h"
#include "model/graph.h"

namespace lineage::render {

// Attribute values are plain text: the Graphviz seam escapes them. A value
// may hold '\n' for a line break in labels and tooltips.
struct Attributes {
  std::vector<std::pair<std::string, std::string>> values;
  void Set(std::string key, std::string value);
  // "" when unset.
  const std::string& Get(std::string_view key) const;
};

struct SceneNode {
  std::string name;  // Unique node name: the work id, or "year-2014".
  Attributes attrs;
};

struct SceneEdge {
  std::string tail, head;  // Node names.
  Attributes attrs;
};

struct Scene {
  Attributes graph_attrs;
  // An HTML-like label for the graph (title and legend), already escaped.
  std::string html_label;
  Attributes node_defaults;
  Attributes edge_defaults;
  std::vector<SceneNode> nodes;
  std::vector<SceneEdge> edges;
  // Each group is drawn on one rank (rank=same): a year of the timeline.
  std::vector<std::vector<std::string>> same_rank;
  std::size_t works = 0;    // Work nodes (not ruler years).
  std::size_t undated = 0;  // Works without a date among them.

  const SceneNode* FindNode(std::string_view name) const;
  const SceneEdge* FindEdge(std::string_view id) const;  // By "id" attr.
};

struct SceneOptions {
  // "LR" (default: time runs left to right) or "TB" (top to bottom).
  std::string rankdir = "LR";
  std::string title;  // Default: "Lineage of image synthesis".
  // Place works on a year ruler (dot). Off for force-directed layouts, which
  // have no ranks.
  bool timeline = true;
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
