// Which works were most influential: scores for every work of a Digraph.
#pragma once

#include <cstddef>
#include <vector>

#include "analysis/digraph.h"

namespace lineage::analysis {

struct PageRankOptions {
  double damping = 0.85;  // Probability of following a citation.
  // With cycles (power iteration): stop when the L1 change of a step, per
  // work, is below. A DAG is solved exactly.
  double tolerance = 1e-15;
  std::size_t max_iterations = 10'000;
};

// PageRank (Brin & Page 1998) on the citation orientation: the surfer walks
// from a work to the works it draws on (child -> parent), so credit flows
// back to the sources of ideas, not forward to the newest leaves. A work that
// draws on nothing (a root, or a work outside the lineage) is dangling: its
// rank is spread evenly over all works, as is the teleport share
// (networkx's defaults). Scores sum to 1. On a DAG, solved exactly in one
// pass from the leaves up (Del Corso, Gulli & Romani 2005), O(V + E); with
// cycles, power iteration until `tolerance`, O(I · (V + E)), on two threads
// for graphs of 100,000 works or more.
std::vector<double> PageRank(const Digraph& digraph,
                             const PageRankOptions& options = {});

// Betweenness centrality by Brandes' algorithm (2001), Boost.Graph's
// brandes_betweenness_centrality: the share of shortest lineage paths
// between other pairs of works that pass through a work. Normalised by
// (n-1)(n-2) as networkx does for directed graphs. O(V · E).
std::vector<double> Betweenness(const Digraph& digraph);

// For every work, how many works it reaches: descendants (`down`) or
// ancestors. One breadth-first search per work, O(V · (V + E)).
std::vector<std::size_t> ReachCounts(const Digraph& digraph, bool down);

}  // namespace lineage::analysis
