// Making a DAG of a graph with cycles, as Pajek does: every strongly
// connected component becomes one work.
#pragma once

#include <cstddef>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

struct Condensation {
  model::Graph graph;
  std::size_t cycles = 0;        // Components of 2+ works merged.
  std::size_t merged_works = 0;  // Works in them.
};

// The condensation of `graph` along `relations`: a work in no cycle is kept
// with all its attributes; the works of a cycle become one work, id
// "cycle-<first id>", dated by its earliest member, whose summary lists the
// members. Links are mapped onto the components, links inside one dropped
// and repeats merged (the first evidence kept). The result has no cycle of
// `relations`. O((V + E) log E).
base::Result<Condensation> Condense(
    const model::Graph& graph,
    model::RelationSet relations = model::RelationSet::Influence());

}  // namespace lineage::analysis
