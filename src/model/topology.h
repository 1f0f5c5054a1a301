// The one place the Boost graph type is spelled out, for model/ and the
// Boost.Graph algorithms of analysis/; everything else walks a Graph's links
// through Graph::OutLinks and InLinks (or, in the few tuned loops that
// prefetch ahead, its raw rows: Graph::out_rows, in_rows, ForEachLink). Works
// are vertices 0..n-1 in the order of the Graph's works; each edge runs from
// the older work (parent) to the newer one (child), so descendants are reached
// through out-edges and ancestors through in-edges.
//
// A compressed-sparse-row graph: the knowledge graph is immutable once
// built, CSR stores it in flat arrays (13 bytes an edge in both directions:
// target and relation out, source and edge index in), and the same type
// holds a citation graph of millions of works.
#pragma once

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <vector>

#include "model/graph.h"
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

// Bundled edge property: the relation, so that a traversal filtering by
// relation touches only the CSR arrays. An edge's index in the CSR arrays
// is its link id (see LinkOf).
struct EdgeBundle {
  Relation relation = Relation::kBuildsOn;
};

using Topology =
    boost::compressed_sparse_row_graph<boost::bidirectionalS,
                                       boost::no_property, EdgeBundle,
                                       boost::no_property, VertexId, EdgeId>;
using TopoEdge = boost::graph_traits<Topology>::edge_descriptor;

// The lineage as a simple digraph, for the analyses (PageRank, betweenness,
// dominators, main paths) that count each pair of works once, however many
// relations join them. Same vertex ids as Topology; arcs parent -> child;
// the edge bundles are not used. It is the same type as Topology so that a
// graph that already has one link per pair of works (every import) serves
// as its own simple digraph, with no copy.
using SimpleTopology = Topology;

// The link id of an edge of the Topology: its index in the CSR arrays.
inline EdgeId LinkOf(const Topology& t, const TopoEdge& e) {
  return boost::get(boost::edge_index, t, e);
}

// The first vertex of the second half of the edges, in edge order: where a
// loop over the vertices' out-edges splits for two cores. O(log V).
inline VertexId MidEdgeVertex(const Topology& t) {
  const std::size_t n = t.m_forward.m_rowstart.size() - 1;
  return MidRow({t.m_forward.m_rowstart.data(), nullptr, nullptr}, n);
}

// A Graph's links: the Topology itself, under a name graph.h can declare
// without Boost.
struct Csr : Topology {
  using Topology::Topology;
};

// Makes `g` the graph whose out-edges of vertex v are
// column[rowstart[v] .. rowstart[v+1]), in that order, with the relations
// in `bundles` (empty: all default). Its in-edges are `in` when given (the
// caller vouches that they are those of the out-edges: .lgraph stores them),
// else built with a counting sort. Boost 1.74's bidirectional CSR has no
// constructor from sorted rows, so this fills its public arrays directly:
// O(V + E) and no copy of the edge list, where the constructor from
// unsorted pairs needs the pairs, a sort and a copy. `rowstart` has V + 1
// entries, non-decreasing from 0 to column.size(); each entry of `column`
// < V.
void AdoptRows(Topology& g, VertexId n, std::vector<EdgeId> rowstart,
               std::vector<VertexId> column,
               std::vector<EdgeBundle> bundles = {}, InRows in = {});

}  // namespace lineage::model
