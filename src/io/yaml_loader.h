// Reads the knowledge graph from YAML files (the format is documented in
// graph-data/README.md) and validates it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

struct LoadOptions {
  // YAML files larger than this are refused before parsing (default: 64
  // MiB; the bundled graph is about 60 KiB).
  std::size_t max_file_bytes = std::size_t{64} << 20;
  // How a table (any file that is not .yaml/.yml) is read, and where to put
  // what the import found.
  ImportOptions import;
  ImportReport* report = nullptr;
};

// Parses one YAML document. `file_name` is used in diagnostics only.
// Fails with kInvalidData listing every syntax or schema problem (YAML
// errors, unknown or repeated keys, unknown kinds and relations, malformed
// dates, wrong types, missing fields), each with its line and fix.
base::Result<model::GraphSpec> ParseYaml(std::string_view text,
                                         std::string_view file_name);

// Loads `path`: one .yaml/.yml file, or every such file below a folder in
// lexicographic order, merged into one graph and validated by
// model::Graph::Build; or a .graphml file (ImportGraphml), or, for any
// other file, a table (ImportTable), read with options.import. Fails with
// kNotFound for a missing path, kIoError for an unreadable file, kInvalidData
// with every problem found otherwise. Nothing on disk is modified.
base::Result<model::Graph> LoadGraph(const std::filesystem::path& path,
                                     const LoadOptions& options = {});

// LoadGraph for one path; several paths must all be tables, read one after
// the other into one graph (ImportTables). Fails with kInvalidArgument for
// no path, or several that are not all tables.
base::Result<model::Graph> LoadGraphs(const std::vector<std::string>& paths,
                                      const LoadOptions& options = {});

}  // namespace lineage::io
