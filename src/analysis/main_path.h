// The backbone of a lineage: search path counts, main paths and generations.
// All need a DAG and fail naming a cycle otherwise.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

class Digraph;  // analysis/digraph.h

// Search path count (Hummon & Doreian 1989; Batagelj 2003): every path from
// a source (a work that draws on nothing) to a sink (a work nothing draws
// on) is counted once; the SPC of a work or arc is the number of those paths
// through it. Works outside the lineage (no arc at all) are in no path.
// Counts grow exponentially with depth, so they are kept as natural logs
// (log-sum-exp in two passes in topological order) and reported as the
// share of all source-sink paths, which cannot overflow on any graph.
struct SearchPathCounts {
  double log_total = 0;                  // ln(number of source-sink paths).
  std::vector<double> log_from_sources;  // ln(paths from a source to v).
  std::vector<double> log_to_sinks;      // ln(paths from v to a sink).
  std::vector<double> node;              // Share of all paths through the work.
  // Share of all paths through each arc, with its ends.
  std::vector<std::pair<model::VertexId, model::VertexId>> arcs;
  std::vector<double> arc;
  // The topological order the counts were made in, for callers that need
  // one too.
  std::vector<model::VertexId> order;
};

// O(V + E).
base::Result<SearchPathCounts> SearchPathCount(const model::Graph& graph,
                                               const Digraph& digraph);

struct MainPath {
  std::vector<model::VertexId> works;  // In topological order.
  std::vector<std::pair<model::VertexId, model::VertexId>> arcs;
  std::vector<double> arc_spc;  // SPC share of each arc.
};

// The global main path (Liu & Lu 2012): the source-to-sink path whose arcs
// have the largest total SPC. Dynamic programming in topological order;
// ties go to the earlier work. O(V + E).
base::Result<MainPath> GlobalMainPath(const model::Graph& graph,
                                      const Digraph& digraph);

// The key-route main path (Liu & Lu 2012): the `key_routes` arcs of highest
// SPC, each extended backward to a source and forward to a sink by always
// taking the arc of highest SPC; the union of those paths. O(k · V + E log E).
base::Result<MainPath> KeyRouteMainPath(const model::Graph& graph,
                                        const Digraph& digraph,
                                        std::size_t key_routes);

// Generation of every work: the number of arcs on the longest chain from a
// root down to it (roots and works outside the lineage are generation 0).
// O(V + E).
base::Result<std::vector<std::size_t>> Generations(const model::Graph& graph,
                                                   const Digraph& digraph);

}  // namespace lineage::analysis
