#include "io/dot_import.h"

#include <fmt/format.h>

#include "graphviz/graphviz.h"
#include "io/atomic_file.h"
#include "io/attributed.h"

namespace lineage::io {

namespace {

// The graph of a DOT document, as cgraph reads it.
base::Result<AttributedGraph> ReadDotGraph(const std::string& text,
                                           const std::string& path,
                                           const ImportOptions& options) {
  auto drawing = graphviz::ReadDot(text, path);
  if (!drawing.ok()) return drawing.status();
  if (!drawing->directed)
    return UndirectedProblem("DOT", path, "write 'digraph' and '->'");
  AttributedGraph g;
  g.forward = options.edges != ImportOptions::Edges::kCites;
  for (graphviz::Node& n : drawing->nodes) {
    AttributedGraph::Node node{std::move(n.name), {}, n.line};
    for (auto& [k, v] : n.attrs.values) node.data[k] = std::move(v);
    g.nodes.push_back(std::move(node));
  }
  for (graphviz::Edge& e : drawing->edges) {
    AttributedGraph::Edge edge{std::move(e.tail), std::move(e.head), {}};
    for (auto& [k, v] : e.attrs.values) edge.data[k] = std::move(v);
    g.edges.push_back(std::move(edge));
  }
  return g;
}

}  // namespace

base::Result<model::Graph> ImportDot(const std::string& path,
                                     const ImportOptions& options,
                                     ImportReport* report) {
  return ImportAttributed(path, options, report, [&](const std::string& text) {
    return ReadDotGraph(text, path, options);
  });
}

}  // namespace lineage::io
