// What every query command starts from: loading the data, resolving the
// works named on the command line, and the --relation option.
#pragma once

#include <string>
#include <vector>

#include "analysis/select.h"
#include "base/status.h"
#include "cli/commands.h"
#include "model/graph.h"

namespace lineage::cli {

struct Query {
  model::Graph graph;
  std::vector<model::VertexId> works;  // As named, in order.
  model::RelationSet relations;
};

// Loads --data, logging how long it took at debug level, and warning in one
// line when an imported table had problems (`validate` details them).
base::Result<model::Graph> LoadData(const GlobalOptions& global,
                                    io::ImportReport* report = nullptr);
// The same for `paths` instead of --data (io::LoadGraphs).
base::Result<model::Graph> LoadData(const GlobalOptions& global,
                                    const std::vector<std::string>& paths,
                                    io::ImportReport* report);

// Checks the relation names (a usage error needs no data), loads --data and
// resolves `names`. Errors are ready for ReportError.
base::Result<Query> PrepareQuery(const GlobalOptions& global,
                                 const std::vector<std::string>& names,
                                 const std::vector<std::string>& relations);

// "influence" (the default when `names` is empty), "all", or relation names.
base::Result<model::RelationSet> ParseRelations(
    const std::vector<std::string>& names);

// The filter of --kind, --era, --tag, --since and --until: unknown kinds and
// eras, and malformed dates, are usage errors.
base::Result<analysis::Filter> ParseFilter(
    const model::Graph& graph, const std::vector<std::string>& kinds,
    const std::vector<std::string>& eras,
    const std::vector<std::string>& tags = {}, const std::string& since = "",
    const std::string& until = "");

// -r/--relation, repeatable and comma-separated.
void AddRelationOption(CLI::App* sub, std::vector<std::string>* out);

}  // namespace lineage::cli
