// The command table (after ninja's kTools[]): each command declares its
// options on its CLI11 subcommand and returns the function that runs it.
#pragma once

#include <functional>
#include <span>
#include <string>

namespace CLI {
class App;
}

namespace lineage::cli {

struct GlobalOptions {
  std::string data;  // --data: a .yaml file or a folder of them.
  int verbosity = 0;
  bool quiet = false;
};

using Runner = std::function<int()>;

struct Command {
  const char* name;
  const char* summary;
  Runner (*setup)(CLI::App* sub, const GlobalOptions* global);
};

std::span<const Command> Commands();

// Defined in render_command.cpp and analytics_commands.cpp.
Runner SetupRender(CLI::App* sub, const GlobalOptions* global);
Runner SetupRank(CLI::App* sub, const GlobalOptions* global);
Runner SetupMainPath(CLI::App* sub, const GlobalOptions* global);
Runner SetupExplain(CLI::App* sub, const GlobalOptions* global);
Runner SetupNecessary(CLI::App* sub, const GlobalOptions* global);
Runner SetupImpact(CLI::App* sub, const GlobalOptions* global);

}  // namespace lineage::cli
