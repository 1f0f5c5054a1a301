// The order in which results list works, so that every command lists ties
// the same way: earlier works first (undated ones last), then by id.
#pragma once

#include "model/graph.h"

namespace lineage::analysis {

inline bool EarlierWork(const model::Graph& g, model::VertexId a,
                        model::VertexId b) {
  const model::Date& da = g.date(a);
  const model::Date& db = g.date(b);
  auto key = [](const model::Date& d) {
    // Unknown dates sort last.
    return std::tuple(d.known() ? d.year : 1'000'000, d.month, d.day);
  };
  if (key(da) != key(db)) return key(da) < key(db);
  return g.id(a) < g.id(b);
}

}  // namespace lineage::analysis
