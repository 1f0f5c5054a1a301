// Evaluating a parsed query on a graph.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/graph.h"
#include "query/parse.h"

namespace lineage::query {

// What a query evaluates to: a set of works and, from the path functions,
// the links between them. Both sorted by id, without repeats.
struct Value {
  std::vector<model::VertexId> works;
  std::vector<model::EdgeId> links;
};

struct Outcome {
  Value value;
  std::vector<std::string> notes;  // E.g. that a limit cut a result short.
};

// Evaluates `root`, parsed from `text` (used for error carets). Fails with
// kInvalidArgument for an unknown function (listing them), a wrong number
// or kind of argument, an unknown kind, era, relation or metric, a
// malformed date; with kNotFound for an unknown work ("did you mean");
// with kInvalidData when a metric needs a DAG. Each message points at the
// column of the query where it arose. Memory and time are linear in the
// graph for every function but top(), which scores the whole graph.
base::Result<Outcome> Evaluate(const model::Graph& graph, const Node& root,
                               std::string_view text);

// Parse and Evaluate.
base::Result<Outcome> RunQuery(const model::Graph& graph,
                               std::string_view text);

struct FunctionInfo {
  std::string_view name;
  std::string_view signature;  // "ancestors(E [, depth])"
  std::string_view meaning;
  std::size_t min_args;
  std::size_t max_args;
};

std::span<const FunctionInfo> Functions();

}  // namespace lineage::query
