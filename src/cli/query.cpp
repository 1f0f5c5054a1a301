#include "cli/query.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <chrono>

#include "analysis/condense.h"
#include "cli/progress.h"
#include "io/yaml_loader.h"
#include "model/resolve.h"

namespace lineage::cli {

using model::Graph;

base::Result<Graph> LoadData(const GlobalOptions& global,
                             io::ImportReport* report) {
  return LoadData(global, {global.data}, report);
}

base::Result<Graph> LoadData(const GlobalOptions& global,
                             const std::vector<std::string>& paths,
                             io::ImportReport* report) {
  auto start = std::chrono::steady_clock::now();
  io::ImportReport local;
  if (report == nullptr) report = &local;
  auto graph =
      io::LoadGraphs(paths, {.import = global.import, .report = report});
  if (global.progress != nullptr) global.progress->Clear();
  const std::string data = fmt::format("{}", fmt::join(paths, ", "));
  if (graph.ok()) {
    auto ms = std::chrono::duration<double, std::milli>(
                  std::chrono::steady_clock::now() - start)
                  .count();
    spdlog::debug("loaded {} works and {} links from {} in {:.1f} ms",
                  graph->num_works(), graph->num_links(), data, ms);
    std::vector<std::string> found;
    if (report->self_loops > 0)
      found.push_back(fmt::format("dropped {} self-loops", report->self_loops));
    if (report->duplicate_edges > 0) {
      found.push_back(
          fmt::format("dropped {} duplicate edges", report->duplicate_edges));
    }
    if (report->conflicting_node_ids > 0) {
      found.push_back(
          fmt::format("kept the first of conflicting dates for {} ids",
                      report->conflicting_node_ids));
    }
    if (!found.empty()) {
      spdlog::warn("{}: {}; `lineage validate` details them", data,
                   fmt::join(found, ", "));
    }
  }
  if (graph.ok() && global.condense) {
    if (global.progress != nullptr)
      global.progress->Update("condensing cycles", 0, 0);
    auto condensed = analysis::Condense(*graph);
    if (global.progress != nullptr) global.progress->Clear();
    if (!condensed.ok()) return condensed.status();
    spdlog::info("condensed {} cycles ({} works) into one work each",
                 condensed->cycles, condensed->merged_works);
    return std::move(condensed->graph);
  }
  return graph;
}

// "influence" (default), "all", or relation names.
base::Result<model::RelationSet> ParseRelations(
    const std::vector<std::string>& names) {
  if (names.empty()) return model::RelationSet::Influence();
  model::RelationSet set;
  for (const std::string& name : names) {
    if (name == "all") {
      set = model::RelationSet::All();
    } else if (name == "influence") {
      for (model::Relation r : model::AllRelations())
        if (model::IsInfluence(r)) set.Add(r);
    } else if (auto rel = model::ParseRelation(name)) {
      set.Add(*rel);
    } else {
      return base::Status::InvalidArgument(fmt::format(
          "unknown relation '{}'; use 'influence', 'all' or one of: {}", name,
          model::RelationNames()));
    }
  }
  return set;
}

base::Result<Query> PrepareQuery(const GlobalOptions& global,
                                 const std::vector<std::string>& names,
                                 const std::vector<std::string>& relations) {
  // Usage errors first: they need no data.
  auto rels = ParseRelations(relations);
  if (!rels.ok()) return rels.status();
  auto graph = LoadData(global);
  if (!graph.ok()) return graph.status();
  Query q{std::move(graph).value(), {}, *rels};
  for (const std::string& name : names) {
    auto v = model::Resolve(q.graph, name);
    if (!v.ok()) return v.status();
    q.works.push_back(*v);
  }
  return q;
}

base::Result<analysis::Filter> ParseFilter(
    const Graph& g, const std::vector<std::string>& kinds,
    const std::vector<std::string>& eras, const std::vector<std::string>& tags,
    const std::string& since, const std::string& until) {
  analysis::Filter f;
  for (const std::string& k : kinds) {
    auto kind = model::ParseKind(k);
    if (!kind) {
      return base::Status::InvalidArgument(fmt::format(
          "unknown kind '{}'; use one of: {}", k, model::KindNames()));
    }
    f.kinds.push_back(*kind);
  }
  for (const std::string& e : eras) {
    if (g.FindEra(e) == nullptr) {
      std::string known;
      for (const model::Era& era : g.eras())
        known += (known.empty() ? "" : ", ") + era.id;
      return base::Status::InvalidArgument(
          fmt::format("unknown era '{}'; use one of: {}", e, known));
    }
    f.eras.push_back(e);
  }
  f.tags = tags;
  for (auto [text, out] :
       {std::pair{&since, &f.since}, std::pair{&until, &f.until}}) {
    if (text->empty()) continue;
    auto d = model::Date::Parse(*text);
    if (!d.ok()) return base::Status::InvalidArgument(d.status().message());
    *out = *d;
  }
  return f;
}

void AddRelationOption(CLI::App* sub, std::vector<std::string>* out) {
  sub->add_option(
         "-r,--relation", *out,
         "Links to follow: 'influence' (default: builds_on, "
         "influenced_by, uses, replicates, introduced_by, cites), 'all', or "
         "relation names; repeatable")
      ->delimiter(',');
}

}  // namespace lineage::cli
