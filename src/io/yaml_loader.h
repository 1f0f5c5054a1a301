// Reads the curated knowledge graph from YAML files (the format is
// documented in graph-data/README.md) and validates it. io/load.h reads
// every format.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "model/graph.h"

namespace lineage::io {

// Parses one YAML document. `file_name` is used in diagnostics only.
// Fails with kInvalidData listing every syntax or schema problem (YAML
// errors, unknown or repeated keys, unknown kinds and relations, malformed
// dates, wrong types, missing fields), each with its line and fix.
base::Result<model::GraphSpec> ParseYaml(std::string_view text,
                                         std::string_view file_name);

// Loads one .yaml/.yml file, or every such file below a folder in
// lexicographic order, merged into one graph and validated by
// model::Graph::Build. Files larger than `max_file_bytes` are refused before
// parsing. Fails with kNotFound for a folder without YAML files, kIoError
// for an unreadable file or folder, kInvalidData with every problem found
// otherwise (a title given twice among them).
base::Result<model::Graph> LoadYaml(const std::filesystem::path& path,
                                    std::size_t max_file_bytes);

}  // namespace lineage::io
