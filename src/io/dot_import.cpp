#include "io/dot_import.h"

#include <fmt/format.h>

#include "graphviz/graphviz.h"
#include "io/atomic_file.h"
#include "io/attributed.h"

namespace lineage::io {

base::Result<model::Graph> ImportDot(const std::string& path,
                                     const ImportOptions& options,
                                     ImportReport* report) {
  ImportReport local;
  report = FreshReport(report, &local, path);
  auto text = ReadFile(path, options.max_file_bytes);
  if (!text.ok()) return text.status();
  auto drawing = graphviz::ReadDot(*text, path);
  if (!drawing.ok()) return drawing.status();
  if (!drawing->directed) {
    return base::Status::InvalidData(
        "the DOT file cannot be imported",
        {{{path, 1, 0},
          "the graph is undirected ('graph', with '--' edges)",
          "lineage needs directed links (who drew on whom): write "
          "'digraph' and '->'"}});
  }
  AttributedGraph g;
  g.forward = options.edges != ImportOptions::Edges::kCites;
  for (graphviz::Node& n : drawing->nodes) {
    AttributedGraph::Node node{std::move(n.name), {}, n.line};
    for (auto& [k, v] : n.attrs.values) node.data[k] = std::move(v);
    g.nodes.push_back(std::move(node));
  }
  bool relations = false;
  for (graphviz::Edge& e : drawing->edges) {
    AttributedGraph::Edge edge{std::move(e.tail), std::move(e.head), {}};
    for (auto& [k, v] : e.attrs.values) edge.data[k] = std::move(v);
    relations |= !edge.data["relation"].empty();
    g.edges.push_back(std::move(edge));
  }
  if (relations) g.forward = true;
  return BuildAttributed(std::move(g), path, report);
}

}  // namespace lineage::io
