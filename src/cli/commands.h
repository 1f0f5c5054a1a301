// The command table (after ninja's kTools[]): each command declares its
// options on its CLI11 subcommand and returns the function that runs it.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "analysis/select.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace CLI {
class App;
}

namespace lineage::cli {

class Progress;

struct GlobalOptions {
  std::string data;  // --data: a .yaml file, a folder of them, or a table.
  bool data_given = false;   // --data or $LINEAGE_DATA, not the default.
  io::ImportOptions import;  // How a table is read (--edges, --sep, ...).
  bool condense = false;     // --condense: merge every cycle into one work.
  int verbosity = 0;
  bool quiet = false;
  Progress* progress = nullptr;  // Never null once parsed.
};

using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App* sub, const GlobalOptions* global);
};

std::span<const Command> Commands();

// How a view is drawn and where it goes (render and query --render).
struct DiagramOptions {
  std::string output = "output/lineage.svg";  // "-" for stdout.
  std::string format;  // svg, png, pdf, dot; "" = from the extension.
  std::string layout = "dot";
  std::string rankdir = "LR";
  std::string title;
  bool reduce = false;
  std::size_t max_works = 0;
  bool json = false;
};

// Draws `selection` and writes it atomically; returns the exit code.
int DrawSelection(const model::Graph& graph, analysis::Selection selection,
                  const DiagramOptions& options);

// Defined in render_command.cpp, analytics_commands.cpp, query_command.cpp.
Runner SetupRender(CLI::App* sub, const GlobalOptions* global);
Runner SetupRank(CLI::App* sub, const GlobalOptions* global);
Runner SetupMainPath(CLI::App* sub, const GlobalOptions* global);
Runner SetupExplain(CLI::App* sub, const GlobalOptions* global);
Runner SetupNecessary(CLI::App* sub, const GlobalOptions* global);
Runner SetupImpact(CLI::App* sub, const GlobalOptions* global);
Runner SetupQuery(CLI::App* sub, const GlobalOptions* global);
Runner SetupImport(CLI::App* sub, const GlobalOptions* global);

}  // namespace lineage::cli
