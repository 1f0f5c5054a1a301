// The one place the Boost graph type is spelled out. Works are vertices
// 0..n-1 in the order of Graph::works(); each edge runs from the older work
// (parent) to the newer one (child), so descendants are reached through
// out-edges and ancestors through in-edges.
//
// A compressed-sparse-row graph: the knowledge graph is immutable once
// built, CSR stores it in two flat arrays per direction (about 12 bytes an
// edge each way), and the same type holds a citation graph of millions of
// works.
#pragma once

#include <boost/graph/compressed_sparse_row_graph.hpp>

#include "model/types.h"

namespace lineage::model {

// Bundled edge property. The relation is copied out of the Link so that a
// traversal filtering by relation touches only the CSR arrays.
struct EdgeBundle {
  EdgeId link = 0;  // Index into Graph::links().
  Relation relation = Relation::kBuildsOn;
};

using Topology =
    boost::compressed_sparse_row_graph<boost::bidirectionalS,
                                       boost::no_property, EdgeBundle,
                                       boost::no_property, VertexId, EdgeId>;
using TopoEdge = boost::graph_traits<Topology>::edge_descriptor;

}  // namespace lineage::model
