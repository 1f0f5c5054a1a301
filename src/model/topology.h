// The one place the Boost graph type is spelled out. Works are vertices
// 0..n-1 in the order of the Graph's works; each edge runs from the older work
// (parent) to the newer one (child), so descendants are reached through
// out-edges and ancestors through in-edges.
//
// A compressed-sparse-row graph: the knowledge graph is immutable once
// built, CSR stores it in flat arrays (13 bytes an edge in both directions:
// target and relation out, source and edge index in), and the same type
// holds a citation graph of millions of works.
#pragma once

#include <algorithm>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <vector>

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
  const auto& rows = t.m_forward.m_rowstart;
  return static_cast<VertexId>(
      std::lower_bound(rows.begin(), rows.end() - 1, rows.back() / 2) -
      rows.begin());
}

// The source of the edge with index `e`. O(log V).
template <typename Csr>
VertexId SourceOf(const Csr& g, EdgeId e) {
  const auto& rows = g.m_forward.m_rowstart;
  return static_cast<VertexId>(std::upper_bound(rows.begin(), rows.end(), e) -
                               rows.begin() - 1);
}

// One direction of a Topology as flat arrays, for the traversals that walk
// them directly (and prefetch ahead): vertex v's edges are
// start[v] .. start[v+1], each with the vertex at its other end and its
// link id (`link` is null for out-edges, whose link id is their index).
struct RowView {
  const EdgeId* start;
  const VertexId* vertex;
  const EdgeId* link;
  EdgeId LinkAt(EdgeId i) const { return link == nullptr ? i : link[i]; }
};
inline RowView OutView(const Topology& t) {
  return {t.m_forward.m_rowstart.data(), t.m_forward.m_column.data(), nullptr};
}
inline RowView InView(const Topology& t) {
  return {t.m_backward.m_rowstart.data(), t.m_backward.m_column.data(),
          t.m_backward.m_edge_properties.data()};
}

// The in-edges of a Topology as Boost holds them: vertex v's in-edges are
// rowstart[v] .. rowstart[v+1], each with its source and the index of its
// out-edge (its link id).
struct InRows {
  std::vector<EdgeId> rowstart;
  std::vector<VertexId> source;
  std::vector<EdgeId> link;
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
