// Importing Graphviz DOT (lineage diagrams, the Graphviz gallery's family
// trees, what many tools write), read by cgraph itself.
#pragma once

#include <string>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

// Reads a directed DOT graph: each node a work (attributes as in
// BuildAttributed: label, date or year, kind...; the `node [...]` defaults
// apply), each edge a link. An arrow is read as drawn, from the older work
// to the newer ("5th Edition" -> "6th Edition"), unless options.edges is
// kCites (then the tail cites the head); an edge with a `relation`
// attribute is always read as drawn. Fails with kInvalidData and the line
// for a syntax error, and for an undirected graph.
base::Result<model::Graph> ImportDot(const std::string& path,
                                     const ImportOptions& options,
                                     ImportReport* report);

}  // namespace lineage::io
