// The one seam to Graphviz's C libraries (cgraph + gvc): a drawing described
// in plain structs goes in, laid-out bytes come out; and DOT text is read
// back into the same structs. Nothing else includes Graphviz headers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"

namespace lineage::graphviz {

// Attribute values are plain text: this seam escapes them. A value may hold
// '\n' for a line break in labels and tooltips.
struct Attributes {
  std::vector<std::pair<std::string, std::string>> values;
  void Set(std::string key, std::string value);
  // "" when unset.
  const std::string& Get(std::string_view key) const;
};

struct Node {
  std::string name;  // Unique node name.
  Attributes attrs;
  int line = 0;  // Where a node read from DOT was first named; 0 if unknown.
};

struct Edge {
  std::string tail, head;  // Node names.
  Attributes attrs;
};

struct Drawing {
  Attributes graph_attrs;
  // An HTML-like label for the graph, already escaped.
  std::string html_label;
  Attributes node_defaults;
  Attributes edge_defaults;
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  // Each group is drawn on one rank (rank=same), when asked for.
  std::vector<std::vector<std::string>> same_rank;
  bool directed = true;
};

enum class Format { kSvg, kPng, kPdf, kDot };

// "svg", "png", "pdf" or "dot"/"gv"; nullopt otherwise.
std::optional<Format> ParseFormat(std::string_view name);
// The format a file name's extension asks for, if any.
std::optional<Format> FormatFromPath(std::string_view path);

struct DrawOptions {
  Format format = Format::kSvg;
  std::string engine = "dot";  // A Graphviz layout engine.
  bool same_rank = true;       // Apply Drawing::same_rank.
};

struct Rendered {
  std::string bytes;
  double layout_ms = 0;  // Time spent in gvLayout.
  double render_ms = 0;  // Time spent in gvRender.
};

// Builds the drawing as a cgraph graph, lays it out with gvc and renders
// it; for Format::kDot, writes the graph unlaid-out, as DOT that `dot`
// itself can lay out. Fails with kInvalidArgument for an edge naming an
// unknown node, kIoError when Graphviz reports an error (its messages
// included).
base::Result<Rendered> Draw(const Drawing& drawing, const DrawOptions& options);

// Parses DOT text with cgraph (agmemread): nodes in the order first named,
// with their attributes (defaults applied, as cgraph does), and edges. Node
// lines are found by scanning the text, as cgraph keeps none. `source`
// names the text in errors. Fails with kInvalidData and the line of a
// syntax error, or when the text holds no graph.
base::Result<Drawing> ReadDot(std::string_view text, std::string_view source);

}  // namespace lineage::graphviz
