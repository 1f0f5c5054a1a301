// Graphs whose nodes and edges carry named attributes (GraphML, DOT), turned
// into works and links the same way whatever the format.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

struct AttributedGraph {
  struct Node {
    std::string id;
    std::map<std::string, std::string> data;
    int line = 0;  // Where the node is declared, when known.
  };
  struct Edge {
    std::string source, target;
    std::map<std::string, std::string> data;
  };
  std::vector<Node> nodes;
  std::vector<Edge> edges;
  // Edges run from the older work to the newer (else: the source cites the
  // target).
  bool forward = false;
};

// Node attributes name or label, date or year, kind, summary, url, arxiv,
// paper, tags and aliases ("; "-joined) fill the work; edge attributes
// relation (default cites), evidence and citation the link. Repeated node
// ids are merged (the first kept); self-loops and repeated links are dropped
// and counted in `report`. Fails with kInvalidData when an edge names an
// unknown node. Cycles are allowed.
base::Result<model::Graph> BuildAttributed(AttributedGraph g,
                                           const std::string& path,
                                           ImportReport* report);

}  // namespace lineage::io
