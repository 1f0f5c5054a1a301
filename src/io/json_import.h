// Importing networkx node-link JSON, as `lineage export --format json` and
// networkx's node_link_data write it.
#pragma once

#include <string>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

// Reads a directed node-link document: {"directed": true, "nodes": [{"id",
// ...}], "links" (or "edges"): [{"source", "target", ...}], "graph": {...}}.
// Node and link attributes fill works and links as in BuildAttributed
// (lists are joined with "; "); the graph's "title" and "eras" are kept.
// When the graph is named "lineage" (lineage's own export) links run from
// the older work to the newer; otherwise options.edges says how to read
// them (default: the source cites the target). Fails with kInvalidData for
// malformed JSON (with its line), an undirected graph, a node without an
// id, or a link naming an unknown node.
base::Result<model::Graph> ImportJson(const std::string& path,
                                      const ImportOptions& options,
                                      ImportReport* report);

}  // namespace lineage::io
