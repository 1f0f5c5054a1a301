// Opening graph data of any format: the one place that tells the formats
// apart, from a path's extension, and hands each to its reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

enum class Format {
  kYaml,       // The curated graph: a .yaml/.yml file or a folder of them.
  kGraphFile,  // lineage's own .lgraph (io/graph_file.h).
  kGraphml,    // .graphml (io/graphml_import.h).
  kDot,        // .gv or .dot (io/dot_import.h).
  kJson,       // .json: networkx node-link (io/json_import.h).
  kTable,      // Anything else: an edge list or parent-list table.
};

// The format of `path`: kYaml for a folder or a .yaml/.yml file; kDot for
// .gv/.dot; kGraphFile for any other file that starts with the .lgraph
// magic; else kGraphml for .graphml, kJson for .json, and kTable for any
// other name. Reads at most the first bytes of the file. Never fails.
Format DetectFormat(const std::string& path);

// Whether data of this format is imported rather than the curated YAML: its
// problems are counted in an ImportReport (and reported as findings)
// instead of refusing it.
inline bool IsImported(Format format) { return format != Format::kYaml; }

struct LoadOptions {
  // YAML files larger than this are refused before parsing (default: 64
  // MiB; the bundled graph is about 60 KiB).
  std::size_t max_file_bytes = std::size_t{64} << 20;
  // How imported data (tables, GraphML, JSON, DOT) is read, and where to
  // put what the import found (may be null).
  ImportOptions import;
  ImportReport* report = nullptr;
};

// Loads `paths` into one graph. One path of any format; several paths must
// all be tables, read one after the other as parts of one table
// (ImportTables). Fails with kInvalidArgument for no path, or several that
// are not all tables; kNotFound for a missing path; kIoError for an
// unreadable file; kInvalidData with every problem found otherwise. Nothing
// on disk is modified.
base::Result<model::Graph> LoadGraphs(const std::vector<std::string>& paths,
                                      const LoadOptions& options = {});

// LoadGraphs for one path.
base::Result<model::Graph> LoadGraph(const std::string& path,
                                     const LoadOptions& options = {});

}  // namespace lineage::io
