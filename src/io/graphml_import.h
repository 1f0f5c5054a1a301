// Importing GraphML, as written by networkx, Gephi, yEd and `lineage export`.
#pragma once

#include <string>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

// Reads a directed GraphML graph. Node and edge attributes fill works and
// links as BuildAttributed says (io/attributed.h); graph attributes "title"
// and "eras" (a JSON list) give the graph's own.
// When edges carry a `relation` (as lineage's own exports do), they run from
// the older work to the newer; otherwise options.edges says how to read
// them (default: the source cites the target). Self-loops and repeated
// edges are dropped and counted in `report`. Fails with kInvalidData for
// malformed XML (with its line), an undirected graph, or edges naming
// unknown nodes.
base::Result<model::Graph> ImportGraphml(const std::string& path,
                                         const ImportOptions& options,
                                         ImportReport* report);

}  // namespace lineage::io
