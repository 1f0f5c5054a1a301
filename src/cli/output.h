// How the commands print: tables, JSON documents, paths, and errors (with
// the library's option names spelled as this tool's flags).
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "cli/progress.h"
#include "cli/session.h"

namespace lineage::cli {

// The words of the tool's own output in each language of --lang: table
// headings and the lines around them (the data comes in the graph's words).
struct Words {
  const char* id;
  const char* kind;
  const char* date;
  const char* era;
  const char* aliases;
  const char* organizations;
  const char* people;
  const char* paper;
  const char* arxiv;
  const char* url;
  const char* tags;
  const char* summary;
  const char* links_older;  // "links to older works:"
  const char* links_newer;
  const char* dist;
  const char* work;
  const char* name;
  const char* led_to;
  const char* came_through;
  const char* lowest;
  // With {} for names and numbers; the count's plural ending ("s" or "")
  // comes last, for the languages that have one.
  const char* ancestors_of;    // "ancestors of {}: {} work{}"
  const char* descendants_of;  // "descendants of {}: {} work{}"
  const char* path_of;         // "path {} of {}{} ({} link{}):"
  const char* common_of;       // "common ancestors of {} and {}: {}"
  const char* links_to;        // "links to {}"
};
const Words& WordsFor(model::Language language);

// One JSON document on stdout.
void PrintJson(const nlohmann::json& doc);

// "Name [id, date]".
std::string Label(const model::Graph& graph, model::VertexId v);

// Columns padded to their widest cell (counting UTF-8 characters), two
// spaces apart, rows prefixed by `indent`.
void PrintTable(const std::vector<std::vector<std::string>>& rows,
                const std::string& indent = "  ");

// {"length", "works": [brief...], "links": [link...]}.
nlohmann::json PathJson(const engine::Engine& engine,
                        const analysis::Path& path);

// A path, one work a line, each link with its relation and evidence.
void PrintPath(const model::Graph& graph, const analysis::Path& path);

// A library option name (base::OptionRef) as the flag or command that sets
// it here: "max_works" -> "--max-works N". Unknown names stay as they are.
std::string SpellFlag(std::string_view option);

// Logs `status` (and each of its diagnostics) on stderr, options spelled as
// flags, and returns the exit code for it: kExitUsage for kInvalidArgument
// and kNotFound, kExitFailure otherwise.
int ReportError(const base::Status& status);

void LogStep(std::string_view what, double ms);

// Runs `step` (one analysis call), showing `what` on the progress line and
// logging at debug level how long it took ("pagerank: 812.3 ms"), which is
// what bench/scale_bench.py reads.
template <typename F>
auto Timed(const GlobalOptions& global, std::string_view what, F&& step) {
  if (global.progress != nullptr) global.progress->Update(what, 0, 0);
  const auto start = std::chrono::steady_clock::now();
  auto result = step();
  if (global.progress != nullptr) global.progress->Clear();
  LogStep(what, std::chrono::duration<double, std::milli>(
                    std::chrono::steady_clock::now() - start)
                    .count());
  return result;
}

}  // namespace lineage::cli
