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

namespace boost {

// Boost 1.74's bidirectional CSR graph has in_degree and out_degree but no
// degree(), which BidirectionalGraphConcept (and so the dominator tree)
// asks for.
template <typename VP, typename EP, typename GP, typename V, typename E>
E degree(
    V v,
    const compressed_sparse_row_graph<bidirectionalS, VP, EP, GP, V, E>& g) {
  return static_cast<E>(in_degree(v, g) + out_degree(v, g));
}

}  // namespace boost

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

// The lineage as a simple digraph, for the analyses (PageRank, betweenness,
// dominators, main paths) that count each pair of works once, however many
// relations join them. Same vertex ids as Topology; arcs parent -> child.
using SimpleTopology =
    boost::compressed_sparse_row_graph<boost::bidirectionalS,
                                       boost::no_property, boost::no_property,
                                       boost::no_property, VertexId, EdgeId>;

}  // namespace lineage::model
