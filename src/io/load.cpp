#include "io/load.h"

#include <fmt/format.h>

#include <filesystem>

#include "io/dot_import.h"
#include "io/graph_file.h"
#include "io/graphml_import.h"
#include "io/json_import.h"
#include "io/yaml_loader.h"

namespace lineage::io {

Format DetectFormat(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p(path);
  const std::string ext = p.extension().string();
  if (std::filesystem::is_directory(p, ec) || ext == ".yaml" || ext == ".yml")
    return Format::kYaml;
  if (ext == ".gv" || ext == ".dot") return Format::kDot;
  if (IsGraphFile(path)) return Format::kGraphFile;
  if (ext == ".graphml") return Format::kGraphml;
  if (ext == ".json") return Format::kJson;
  return Format::kTable;
}

namespace {

base::Result<model::Graph> LoadOne(const std::string& path,
                                   const LoadOptions& options) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return base::Status::NotFound(
        fmt::format("data path '{}' does not exist", path));
  }
  switch (DetectFormat(path)) {
    case Format::kYaml:
      return LoadYaml(path, options.max_file_bytes);
    case Format::kGraphFile:
      return ReadGraphFile(path);
    case Format::kGraphml:
      return ImportGraphml(path, options.import, options.report);
    case Format::kDot:
      return ImportDot(path, options.import, options.report);
    case Format::kJson:
      return ImportJson(path, options.import, options.report);
    case Format::kTable:
      break;
  }
  return ImportTable(path, options.import, options.report);
}

}  // namespace

base::Result<model::Graph> LoadGraphs(const std::vector<std::string>& paths,
                                      const LoadOptions& options) {
  if (paths.empty()) return base::Status::InvalidArgument("no data file given");
  if (paths.size() == 1) return LoadOne(paths.front(), options);
  for (const std::string& path : paths) {
    if (DetectFormat(path) != Format::kTable) {
      return base::Status::InvalidArgument(fmt::format(
          "'{}' is not an edge-list table: several files are read as parts "
          "of one table; import YAML, GraphML, JSON, DOT and .lgraph files one "
          "at a time",
          path));
    }
  }
  return ImportTables(paths, options.import, options.report);
}

base::Result<model::Graph> LoadGraph(const std::string& path,
                                     const LoadOptions& options) {
  return LoadGraphs({path}, options);
}

}  // namespace lineage::io
