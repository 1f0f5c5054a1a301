// What every command of the `lineage` tool starts from: the global options,
// the engine opened on --data with them, the works named on the command
// line, and the --relation flag that every query shares.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace CLI {
class App;
class Validator;
}  // namespace CLI

namespace lineage::cli {

class Progress;

struct GlobalOptions {
  std::string data;  // --data: YAML (a file or folder), or a file to import.
  bool data_given = false;   // --data or $LINEAGE_DATA, not the default.
  io::ImportOptions import;  // How a table is read (--edges, --sep, ...).
  std::optional<io::Format> format;  // --format: instead of detecting it.
  bool condense = false;  // --condense: merge every cycle into one work.
  std::optional<model::Layer> layer;  // --layer article: the article alone.
  // --lang, or $LINEAGE_LANG: the language of names, evidence and diagrams.
  model::Language language = model::Language::kEnglish;
  int verbosity = 0;
  bool quiet = false;
  Progress* progress = nullptr;  // Never null once parsed.
};

// Opens `sources` (default: --data) with the global import options, logging
// how long it took at debug level and warning in one line when an import
// dropped something (`validate` details it). Errors are ready for
// ReportError.
base::Result<engine::Engine> OpenEngine(const GlobalOptions& global,
                                        std::vector<std::string> sources = {});

// An opened engine, the works a command names (in order), and its
// --relation set.
struct Session {
  engine::Engine engine;
  std::vector<model::VertexId> works;
  model::RelationSet relations;

  const model::Graph& graph() const { return engine.graph(); }
};

// Opens --data, checks the relation names against its vocabulary (an
// unknown one is a usage error) and finds `names`.
base::Result<Session> StartSession(const GlobalOptions& global,
                                   const std::vector<std::string>& names,
                                   const std::vector<std::string>& relations);

// "influence" (the default when `names` is empty), "all", or relation names
// the vocabulary knows; kInvalidArgument listing them otherwise.
base::Result<model::RelationSet> ParseRelations(
    const std::vector<std::string>& names,
    const model::RelationVocabulary& vocabulary);

// For options that count things (--top, --max-works...): a whole number,
// never negative (a size_t would wrap -1 round to the largest count).
const CLI::Validator& Count();

// -r/--relation, repeatable and comma-separated.
void AddRelationOption(CLI::App* sub, std::vector<std::string>* out);

}  // namespace lineage::cli
