// Writing the graph and query results for other tools: JSON (networkx
// node-link layout) and GraphML (networkx, Gephi, yEd). Edges run from the
// older work to the newer one, the direction in which influence flows.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "model/graph.h"

namespace lineage::io {

// {"id", "name", "kind", "date", "era"}: how query results name a work.
nlohmann::json WorkBrief(const model::Graph& graph, model::VertexId v);

// Every attribute of a work, lists as arrays; "organizations" holds the
// names of the works it is published_by. Empty attributes are omitted.
nlohmann::json WorkFull(const model::Graph& graph, model::VertexId v);

// {"from", "to", "relation", "influence", "evidence", "citation"?}.
nlohmann::json LinkJson(const model::Graph& graph, model::EdgeId e);

// The whole graph as a networkx node-link document (directed multigraph;
// `networkx.node_link_graph` reads it): nodes carry WorkFull, links carry
// source/target ids, "key" (the relation), LinkJson's fields; graph-level
// "name" is "lineage", "title" the graph's title and "eras" lists the eras.
// ImportJson reads it back unchanged.
std::string ExportJson(const model::Graph& graph);

// The whole graph as GraphML 1.0. List attributes (aliases, people, tags,
// organizations) are joined with "; "; "year" is an int; "influence" a
// boolean. Node ids are work ids. The graph element carries the title and
// the eras (as a JSON list). ImportGraphml reads it back unchanged.
std::string ExportGraphml(const model::Graph& graph);

}  // namespace lineage::io
