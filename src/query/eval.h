// Evaluating a query on a graph. A query is prepared first (parsed, and
// bound: its functions, their arities and every argument that needs no
// data checked), so that a mistake is found before any data loads; then it
// is evaluated by the analysis layer's own traversals, paths and filters,
// the same code every other front end runs.
#pragma once

#include <memory>
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
  std::vector<std::string> notes;  // E.g. that a path function found none.
};

// A parsed and bound query.
class Prepared {
 public:
  const Node& root() const { return *root_; }
  std::string_view text() const { return text_; }

 private:
  friend base::Result<Prepared> Prepare(std::string_view text,
                                        const ParseOptions& options);
  std::string text_;
  std::unique_ptr<Node> root_;
};

// Parses and binds `text`. Fails with kInvalidArgument, the message
// pointing at the column: a syntax error; an unknown function (listing
// them, with "did you mean"); a wrong number of arguments; an expression
// where a value is expected; an unknown kind or metric; a relation name
// with no letter or digit; a malformed date or number. O(length of the query).
base::Result<Prepared> Prepare(std::string_view text,
                               const ParseOptions& options = {});

// Evaluates a prepared query. Fails with kNotFound for an unknown work or
// organization ("did you mean"), kInvalidArgument for an unknown era or a
// relation the graph does not know (listing those it does), and
// kInvalidData when a metric needs a DAG; each message points at the column
// where it arose. Memory and time are linear in the graph for every function
// but top(), which scores the whole graph.
base::Result<Outcome> Evaluate(const model::Graph& graph,
                               const Prepared& query);

// Prepare and Evaluate.
base::Result<Outcome> RunQuery(const model::Graph& graph,
                               std::string_view text);

struct FunctionInfo {
  std::string_view name;
  std::string_view signature;  // "ancestors(E [, depth])"
  std::string_view meaning;
};

// The functions and operators, for help texts.
std::span<const FunctionInfo> Functions();

}  // namespace lineage::query
