// Which works a view or a list keeps: the one definition of each filter,
// for the command line's flags and the query language's functions alike.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

// A work passes when it matches every part that is given, and any one
// value within a part.
struct Filter {
  std::vector<model::Kind> kinds;     // Empty: any kind.
  std::vector<std::string> eras;      // Era ids; empty: any era.
  std::vector<std::string> tags;      // A work needs one of them.
  std::vector<model::VertexId> orgs;  // Published by one of them.
  std::optional<model::Date> since;   // Compared at the common precision;
  std::optional<model::Date> until;   // an undated work is in no range.

  bool empty() const {
    return kinds.empty() && eras.empty() && tags.empty() && orgs.empty() &&
           !since && !until;
  }
  // Whether work v passes. O(parts + its published_by links).
  bool Keep(const model::Graph& graph, model::VertexId v) const;
};

// A filter as people write it: names, not yet checked against a graph.
struct FilterSpec {
  std::vector<std::string> kinds;  // Kind names ("model").
  std::vector<std::string> eras;   // Era ids or names ("The Beginnings").
  std::vector<std::string> tags;
  std::vector<std::string> orgs;  // Organizations by id, name or alias.
  std::string since, until;       // YYYY, YYYY-MM or YYYY-MM-DD; "" none.
};

// Checks `spec` against `graph`. Fails with kInvalidArgument for an unknown
// kind or era (naming the known ones) or a malformed date, and with
// kNotFound for an organization that is not a work of the graph (with "did
// you mean"). O(eras + names).
base::Result<Filter> MakeFilter(const model::Graph& graph,
                                const FilterSpec& spec);

// The works of `works` that pass, in their order.
std::vector<model::VertexId> Keep(const model::Graph& graph,
                                  const Filter& filter,
                                  std::span<const model::VertexId> works);

}  // namespace lineage::analysis
