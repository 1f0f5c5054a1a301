// Opening graph data of any format: the one place that tells the formats
// apart, from a path's extension and the file's first bytes, and hands each
// to its reader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "io/table_import.h"
#include "model/graph.h"

namespace lineage::io {

enum class Format {
  kYaml,       // The curated graph: a .yaml/.yml file or a folder of them.
  kGraphFile,  // lineage's own .lgraph (io/graph_file.h).
  kGraphml,    // .graphml (io/graphml_import.h).
  kGml,        // .gml, or a file that starts with `graph [` (gml_import.h).
  kDot,        // .gv or .dot (io/dot_import.h).
  kJson,       // .json: networkx node-link (io/json_import.h).
  kTable,      // Anything else: an edge list or parent-list table.
  kGnuclad,    // gnuclad's CSV (io/gnuclad_import.h).
  kOpenAlex,   // OpenAlex works, JSON Lines (io/jsonl_import.h).
  kSemanticScholar,  // Semantic Scholar papers, JSON Lines (ditto).
};

// The format of `path`: kYaml for a folder or a .yaml/.yml file; kDot for
// .gv/.dot; kGraphFile for any other file that starts with the .lgraph
// magic; kGraphml for .graphml; kGml for .gml or text that starts with GML
// keys before a `graph [` list; for .jsonl, .ndjson, .json and .gz files,
// kOpenAlex or kSemanticScholar when the first record has their keys
// (decompressed when gzip), else kJson for .json; kGnuclad for a .csv whose
// first data row is gnuclad's `N,` or `C,` row; and kTable for anything
// else. Reads at most the first 64 KiB of the file (of its text, for
// gzip). Never fails.
Format DetectFormat(const std::string& path);

// The format named `name` as --format takes it: yaml, lgraph, graphml,
// gml, dot, json, table, gnuclad, openalex, s2; nullopt for anything else.
std::optional<Format> ParseFormat(std::string_view name);
std::string_view FormatName(Format format);
// Every format with its name, in that order.
std::vector<std::pair<std::string, Format>> AllFormats();

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
  // The format of every path, instead of DetectFormat's guess (--format).
  std::optional<Format> format;
};

// Loads `paths` into one graph. One path of any format; several paths must
// all be tables, read one after the other as parts of one table
// (ImportTables), or all JSON Lines of one kind (the parts of an OpenAlex
// snapshot, Semantic Scholar's papers and citations: ImportWorks). Fails
// with kInvalidArgument for no path, or several that are not all of one
// such kind; kNotFound for a missing path; kIoError for an
// unreadable file; kInvalidData with every problem found otherwise. Nothing
// on disk is modified.
base::Result<model::Graph> LoadGraphs(const std::vector<std::string>& paths,
                                      const LoadOptions& options = {});

// LoadGraphs for one path.
base::Result<model::Graph> LoadGraph(const std::string& path,
                                     const LoadOptions& options = {});

}  // namespace lineage::io
