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
  // The magic is read only from a regular file: a FIFO would block.
  if (std::filesystem::is_regular_file(p, ec) && IsGraphFile(path))
    return Format::kGraphFile;
  if (ext == ".graphml") return Format::kGraphml;
  if (ext == ".json") return Format::kJson;
  return Format::kTable;
}

namespace {

// Whether `path` can be read as data: it exists and is a file or a folder.
// A FIFO or a device would block or never end: it is refused before it is
// opened.
base::Status CheckSource(const std::string& path) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) {
    return base::Status::NotFound(
        fmt::format("data path '{}' does not exist", path));
  }
  if (!std::filesystem::is_regular_file(status) &&
      !std::filesystem::is_directory(status)) {
    return base::Status::InvalidArgument(fmt::format(
        "data path '{}' is not a file or a folder (a pipe, a socket or a "
        "device?); give a file or a folder",
        path));
  }
  return base::Status::Ok();
}

base::Result<model::Graph> LoadOne(const std::string& path,
                                   const LoadOptions& options) {
  if (base::Status s = CheckSource(path); !s.ok()) return s;
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
    if (base::Status s = CheckSource(path); !s.ok()) return s;
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
