#include "cli/session.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>

#include "cli/progress.h"

namespace lineage::cli {

base::Result<engine::Engine> OpenEngine(const GlobalOptions& global,
                                        std::vector<std::string> sources) {
  if (sources.empty()) sources.push_back(global.data);
  const std::string data = fmt::format("{}", fmt::join(sources, ", "));
  auto opened =
      engine::Engine::Open(std::move(sources), {.import = global.import,
                                                .format = global.format,
                                                .condense = global.condense,
                                                .layer = global.layer,
                                                .language = global.language});
  if (global.progress != nullptr) global.progress->Clear();
  if (!opened.ok()) return opened;
  const engine::OpenReport& report = opened->report();
  spdlog::debug("loaded {} works and {} links from {} in {:.1f} ms",
                opened->graph().num_works(), opened->graph().num_links(), data,
                report.load_ms);
  std::vector<std::string> found;
  if (report.import.self_loops > 0)
    found.push_back(
        fmt::format("dropped {} self-loops", report.import.self_loops));
  if (report.import.duplicate_edges > 0) {
    found.push_back(fmt::format("dropped {} duplicate edges",
                                report.import.duplicate_edges));
  }
  if (report.import.conflicting_node_ids > 0) {
    found.push_back(
        fmt::format("kept the first of conflicting dates for {} ids",
                    report.import.conflicting_node_ids));
  }
  if (!found.empty()) {
    spdlog::warn("{}: {}; `lineage validate` details them", data,
                 fmt::join(found, ", "));
  }
  if (report.condensed_cycles > 0) {
    spdlog::info("condensed {} cycles ({} works) into one work each",
                 report.condensed_cycles, report.condensed_works);
  }
  return opened;
}

base::Result<model::RelationSet> ParseRelations(
    const std::vector<std::string>& names,
    const model::RelationVocabulary& vocabulary) {
  if (names.empty()) return model::RelationSet::Influence();
  model::RelationSet set;
  for (const std::string& name : names) {
    auto one = vocabulary.ParseSet(name);
    if (!one) {
      return base::Status::InvalidArgument(fmt::format(
          "unknown relation '{}'; use {}", name, vocabulary.SetNames()));
    }
    set.Add(*one);
  }
  return set;
}

base::Result<Session> StartSession(const GlobalOptions& global,
                                   const std::vector<std::string>& names,
                                   const std::vector<std::string>& relations) {
  // Relation names are checked once the data is read: an imported graph
  // names relations of its own.
  auto opened = OpenEngine(global);
  if (!opened.ok()) return opened.status();
  auto rels = ParseRelations(relations, opened->graph().vocabulary());
  if (!rels.ok()) return rels.status();
  auto works = opened->FindAll(names);
  if (!works.ok()) return works.status();
  return Session{std::move(opened).value(), std::move(works).value(), *rels};
}

const CLI::Validator& Count() {
  static const CLI::Validator count(
      [](std::string& text) -> std::string {
        if (text.empty() ||
            text.find_first_not_of("0123456789") != std::string::npos)
          return "expected a whole number (0 or more), got '" + text + "'";
        return "";
      },
      "COUNT");
  return count;
}

void AddRelationOption(CLI::App* sub, std::vector<std::string>* out) {
  sub->add_option(
         "-r,--relation", *out,
         "Links to follow: 'influence' (default: builds_on, "
         "influenced_by, uses, replicates, introduced_by, cites, and an "
         "imported graph's influence relations), 'all', or relation names; "
         "repeatable")
      ->delimiter(',');
}

}  // namespace lineage::cli
