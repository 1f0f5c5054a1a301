#include "cli/app.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <map>
#include <memory>

#include "cli/commands.h"
#include "cli/progress.h"

namespace lineage::cli {
namespace {

// All diagnostics go to stderr, so stdout carries only results (and stays
// valid JSON with --json).
void ConfigureLogging(const GlobalOptions& global) {
  auto logger = spdlog::stderr_color_mt("lineage");
  logger->set_pattern("lineage: %^%l%$: %v");
  spdlog::level::level_enum level = spdlog::level::warn;
  if (global.quiet) level = spdlog::level::err;
  if (global.verbosity == 1) level = spdlog::level::debug;
  if (global.verbosity >= 2) level = spdlog::level::trace;
  logger->set_level(level);
  spdlog::set_default_logger(logger);
}

// An option whose value is one of a few names, each standing for a value
// of `target`; a wrong name is a usage error listing the right ones.
template <typename T>
void AddChoice(CLI::App& app, const std::string& flag, T* target,
               std::vector<std::pair<std::string, T>> choices,
               const std::string& help) {
  std::vector<std::string> names;
  for (const auto& [name, value] : choices) names.push_back(name);
  app.add_option_function<std::string>(
         flag,
         [target, choices](const std::string& given) {
           for (const auto& [name, value] : choices)
             if (CLI::detail::to_lower(given) == name) *target = value;
         },
         help)
      ->check(CLI::IsMember(names, CLI::ignore_case))
      ->option_text(fmt::format("{}", fmt::join(names, "|")));
}

// "3" is the third column, anything else a header name.
io::ImportOptions::Column ParseColumn(const std::string& given) {
  io::ImportOptions::Column column;
  if (!given.empty() && std::all_of(given.begin(), given.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    column.number = given.size() > 6 ? 999999 : std::stoul(given);
  } else {
    column.name = given;
  }
  return column;
}

CLI::Validator ColumnValidator() {
  return CLI::Validator(
      [](std::string& given) -> std::string {
        if (given.empty()) return "a column needs a header name or a number";
        if (std::all_of(given.begin(), given.end(),
                        [](char c) { return c == '0'; }))
          return "columns are numbered from 1";
        return "";
      },
      "NAME|N");
}

void AddColumnOption(CLI::App& app, const char* flag,
                     io::ImportOptions::Column* target, const char* help) {
  app.add_option_function<std::string>(
         flag,
         [target](const std::string& given) { *target = ParseColumn(given); },
         help)
      ->option_text("NAME|N")
      ->check(ColumnValidator());
}

std::string DefaultData() {
  if (const char* env = std::getenv("LINEAGE_DATA"); env && *env) return env;
  return LINEAGE_DEFAULT_DATA;
}

}  // namespace

int Main(int argc, char** argv) {
  CLI::App app{
      "lineage: a knowledge graph of where ideas in image synthesis came "
      "from.\nWorks are found by id, name or alias, ignoring case, spaces and "
      "punctuation.",
      "lineage"};
  app.set_version_flag("--version", LINEAGE_VERSION);
  app.require_subcommand(1);
  // Global options may follow the command: `lineage import t.tsv --nodes n`.
  app.fallthrough();
  GlobalOptions global;
  global.data = DefaultData();
  app.add_option("--data", global.data,
                 "Graph data: a .yaml file or a folder of them, a .lgraph "
                 "file (`lineage import`), or a file to import: GraphML, "
                 "GML, JSON, DOT, gnuclad CSV, OpenAlex or Semantic Scholar "
                 "JSON Lines, or a table (default: the bundled graph, or "
                 "$LINEAGE_DATA)")
      ->capture_default_str();
  // The format of --data and `import`'s files, instead of detecting it.
  std::vector<std::pair<std::string, std::optional<io::Format>>> formats;
  for (auto& [name, format] : io::AllFormats())
    formats.emplace_back(std::move(name), format);
  AddChoice<std::optional<io::Format>>(
      app, "--format,--data-format", &global.format, std::move(formats),
      "The format of the data, instead of detecting it from the file (give "
      "it before export, query and render, whose own --format names their "
      "output)");
  // How a table given as --data is read.
  AddChoice<io::ImportOptions::Edges>(
      app, "--edges", &global.import.edges,
      {{"cites", io::ImportOptions::Edges::kCites},
       {"influences", io::ImportOptions::Edges::kInfluences}},
      "Rows 'A B' mean: A cites B (cites; default for tables and GraphML), "
      "or A influenced B (influences; default for DOT)");
  app.add_option("--relation-attr", global.import.relation_attr,
                 "GraphML, GML, JSON, DOT: the edge attribute that holds each "
                 "link's relation, kept under its own name (default: "
                 "relation, else label, else type; none: every link cites)")
      ->option_text("NAME");
  app.add_option("--influence", global.import.influence,
                 "GraphML, GML, JSON, DOT: the relations that count as "
                 "influence for ancestry, comma-separated (default: all but "
                 "lineage's own knowledge relations)")
      ->delimiter(',')
      ->option_text("REL[,REL...]");
  AddChoice<char>(app, "--sep", &global.import.separator,
                  {{"tab", '\t'}, {"comma", ','}, {"space", ' '}},
                  "Table field separator (default: guessed)");
  app.add_option("--comment", global.import.comment,
                 "Table lines starting with this are skipped")
      ->capture_default_str();
  app.add_flag("--header", global.import.header,
               "The first table row names the columns");
  app.add_flag("--numeric-ids", global.import.numeric_ids,
               "Compare all-digit ids as numbers (0001001 == 1001)");
  app.add_flag("--parent-lists", global.import.parent_lists,
               "Table rows are 'id SEP parent parent...' (git log %H %P)");
  struct ColumnFlag {
    const char* flag;
    io::ImportOptions::Column* column;
    const char* help;
  };
  for (const ColumnFlag& c : {
           ColumnFlag{"--id-column", &global.import.id_column,
                      "Parent lists and node tables: the column of ids "
                      "(default: 1)"},
           ColumnFlag{"--date-column", &global.import.date_column,
                      "The column of dates (node tables: 2; parent lists: "
                      "none)"},
           ColumnFlag{"--parent-column", &global.import.parent_column,
                      "With --parent-lists: the column of parents (default: "
                      "2)"},
           ColumnFlag{"--label-column", &global.import.label_column,
                      "The column of names (node tables: 3)"},
           ColumnFlag{"--kind-column", &global.import.kind_column,
                      "The column of kinds (paper, model, ...)"},
       }) {
    AddColumnOption(app, c.flag, c.column, c.help);
  }
  app.add_option_function<std::vector<std::string>>(
         "--alias-column",
         [&global](const std::vector<std::string>& given) {
           for (const std::string& g : given)
             global.import.alias_columns.push_back(ParseColumn(g));
         },
         "A column of other names works are found by (repeatable)")
      ->option_text("NAME|N")
      ->check(ColumnValidator());
  AddChoice<char>(
      app, "--list-sep", &global.import.list_separator,
      {{"space", ' '}, {"comma", ','}, {"semicolon", ';'}, {"pipe", '|'}},
      "With --parent-lists: what separates the parents (default: guessed "
      "per cell: ; | or , if there, else spaces between ids, else one "
      "name)");
  AddChoice<io::ImportOptions::Match>(
      app, "--match", &global.import.match,
      {{"exact", io::ImportOptions::Match::kExact},
       {"key", io::ImportOptions::Match::kKey}},
      "Match ids and parent names exactly (default), or by key: ignoring "
      "case, spaces and punctuation");
  std::vector<std::pair<std::string, model::Kind>> kinds;
  for (model::Kind k : model::AllKinds())
    kinds.emplace_back(std::string(model::KindName(k)), k);
  AddChoice<model::Kind>(app, "--work-kind", &global.import.kind,
                         std::move(kinds),
                         "The kind of every work of an imported table "
                         "(default: paper)");
  app.add_option("--nodes", global.import.nodes,
                 "Node table 'id SEP date [SEP label]' for an edge list");
  AddChoice<std::optional<model::Layer>>(
      app, "--layer", &global.layer,
      {{"all", std::nullopt}, {"article", model::Layer::kArticle}},
      "Which knowledge of the curated graph: all (default), or only what the "
      "article says (article), without the project's extension");
  if (const char* env = std::getenv("LINEAGE_LANG"); env && *env) {
    if (auto language = model::ParseLanguage(env)) global.language = *language;
  }
  AddChoice<model::Language>(
      app, "--lang", &global.language,
      {{"en", model::Language::kEnglish}, {"zh", model::Language::kChinese}},
      "Language of names, summaries, evidence, eras and diagrams: en "
      "(default) or zh, the article's Chinese translation (default: "
      "$LINEAGE_LANG)");
  app.add_flag("--condense", global.condense,
               "Merge every cycle of influence links into one work (as "
               "Pajek does), so that spc, depth and main-path apply");
  app.add_flag("-v,--verbose", global.verbosity,
               "Log more to stderr (-vv for even more)");
  app.add_flag("-q,--quiet", global.quiet, "Log only errors");

  std::map<const CLI::App*, Runner> runners;
  for (const Command& command : Commands()) {
    CLI::App* sub = app.add_subcommand(command.name, command.summary);
    runners[sub] = command.setup(sub, &global);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  global.data_given = app.get_option("--data")->count() > 0 ||
                      global.data != LINEAGE_DEFAULT_DATA;
  ConfigureLogging(global);
  Progress progress(!global.quiet);
  global.progress = &progress;
  global.import.progress =
      [&progress](std::string_view stage, std::uint64_t done,
                  std::uint64_t total) { progress.Update(stage, done, total); };
  for (const auto& [sub, run] : runners) {
    if (sub->parsed()) return run();
  }
  return kExitUsage;  // require_subcommand(1) makes this unreachable.
}

}  // namespace lineage::cli
