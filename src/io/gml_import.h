// Importing GML (the Graph Modelling Language), as Gephi, networkx, igraph,
// Cytoscape and yEd write it.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"
#include "io/attributed.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

// How deep GML lists may nest (graph, node, graphics, and a few more in
// real files); deeper input is refused rather than risking the stack.
inline constexpr int kGmlMaxDepth = 64;

// Reads GML text into an attributed graph. Every variant seen in practice
// is read: Gephi's bare (unquoted) values and ids (`id A`, `Creator
// Gephi`), numeric ids with a `label` (networkx, igraph's `name`,
// Cytoscape's negative ids), `directed` inside `graph [...]` or before it,
// nested lists (`graphics [...]`, skipped), repeated keys (networkx's
// lists, joined with "; "), '#' comment lines, strings spanning lines with
// HTML character references (&quot;, &#233;), and Latin-1 text (the
// format's own charset) when the file is not UTF-8. Node and edge scalars
// become attributes for BuildAttributed; the graph's `label` or `name` is
// its title. Edges read as options.edges says (default: the source cites
// the target). Fails with kInvalidData naming `path` and the line for a
// syntax error (an unclosed string or list, a key without a value, lists
// nested deeper than kGmlMaxDepth), a graph that is undirected (`directed
// 0`, or no `directed` and options.edges left to kAuto), no `graph [...]`,
// nodes without ids and edges naming undeclared nodes (every one listed).
// O(size of the text).
base::Result<AttributedGraph> ParseGml(std::string_view text,
                                       const std::string& path,
                                       const ImportOptions& options);

// ParseGml on the file at `path`, built by BuildAttributed.
base::Result<model::Graph> ImportGml(const std::string& path,
                                     const ImportOptions& options,
                                     ImportReport* report);

}  // namespace lineage::io
