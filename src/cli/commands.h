// The command table (after ninja's kTools[]): each command declares its
// options on its CLI11 subcommand and returns the function that runs it.
#pragma once

#include <functional>
#include <span>
#include <string>

#include "cli/session.h"

namespace CLI {
class App;
}

namespace lineage::cli {

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
  engine::DrawOptions draw;
  bool json = false;
};

// Draws `view` and writes it atomically; returns the exit code.
int DrawView(const engine::Engine& engine, engine::View view,
             const DiagramOptions& options);

// The commands defined outside commands.cpp: in render_command.cpp,
// analytics_commands.cpp and query_command.cpp.
Runner SetupRender(CLI::App* sub, const GlobalOptions* global);
Runner SetupRank(CLI::App* sub, const GlobalOptions* global);
Runner SetupMainPath(CLI::App* sub, const GlobalOptions* global);
Runner SetupExplain(CLI::App* sub, const GlobalOptions* global);
Runner SetupNecessary(CLI::App* sub, const GlobalOptions* global);
Runner SetupImpact(CLI::App* sub, const GlobalOptions* global);
Runner SetupQuery(CLI::App* sub, const GlobalOptions* global);

}  // namespace lineage::cli
