#include "io/load.h"

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <filesystem>
#include <fstream>

#include "io/dot_import.h"
#include "io/gml_import.h"
#include "io/gnuclad_import.h"
#include "io/graph_file.h"
#include "io/graphml_import.h"
#include "io/json_import.h"
#include "io/jsonl_import.h"
#include "io/yaml_loader.h"

namespace lineage::io {
namespace {

constexpr std::array<std::pair<std::string_view, Format>, 10> kFormatNames{{
    {"yaml", Format::kYaml},
    {"lgraph", Format::kGraphFile},
    {"graphml", Format::kGraphml},
    {"gml", Format::kGml},
    {"dot", Format::kDot},
    {"json", Format::kJson},
    {"table", Format::kTable},
    {"gnuclad", Format::kGnuclad},
    {"openalex", Format::kOpenAlex},
    {"s2", Format::kSemanticScholar},
}};

// The first bytes of a regular file ("" for anything else: a FIFO would
// block).
std::string Head(const std::string& path, std::size_t bytes) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return "";
  std::ifstream in(path, std::ios::binary);
  std::string head(bytes, '\0');
  in.read(head.data(), static_cast<std::streamsize>(bytes));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head;
}

// GML: its first key-value pairs (comments, Creator "...", Version 1,
// directed 1) and then `graph [`.
bool LooksLikeGml(std::string_view head) {
  std::size_t i = 0;
  auto skip_space = [&] {
    while (i < head.size()) {
      if (head[i] == '#' && (i == 0 || head[i - 1] == '\n')) {
        while (i < head.size() && head[i] != '\n') ++i;
      } else if (std::isspace(static_cast<unsigned char>(head[i]))) {
        ++i;
      } else {
        break;
      }
    }
  };
  auto word = [&] {
    const std::size_t begin = i;
    while (i < head.size() &&
           !std::isspace(static_cast<unsigned char>(head[i])) &&
           head[i] != '[' && head[i] != '"')
      ++i;
    return head.substr(begin, i - begin);
  };
  for (int pairs = 0; pairs < 8; ++pairs) {
    skip_space();
    const std::string_view key = word();
    if (key.empty()) return false;
    skip_space();
    if (key == "graph") return i < head.size() && head[i] == '[';
    if (i < head.size() && head[i] == '"') {
      const std::size_t close = head.find('"', i + 1);
      if (close == std::string_view::npos) return false;
      i = close + 1;
    } else if (word().empty()) {
      return false;
    }
  }
  return false;
}

}  // namespace

Format DetectFormat(const std::string& path) {
  std::error_code ec;
  const std::filesystem::path p(path);
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(c));
  if (std::filesystem::is_directory(p, ec) || ext == ".yaml" || ext == ".yml")
    return Format::kYaml;
  if (ext == ".gv" || ext == ".dot") return Format::kDot;
  // The magic is read only from a regular file: a FIFO would block.
  if (std::filesystem::is_regular_file(p, ec) && IsGraphFile(path))
    return Format::kGraphFile;
  if (ext == ".graphml") return Format::kGraphml;
  if (ext == ".gml") return Format::kGml;
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json" || ext == ".gz") {
    if (auto works = SniffWorks(path)) {
      return *works == WorksFormat::kOpenAlex ? Format::kOpenAlex
                                              : Format::kSemanticScholar;
    }
    if (ext == ".json") return Format::kJson;
  }
  const std::string head = Head(path, std::size_t{64} << 10);
  if (ext == ".csv" && LooksLikeGnuclad(head)) return Format::kGnuclad;
  if (LooksLikeGml(head)) return Format::kGml;
  return Format::kTable;
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (const auto& [n, f] : kFormatNames)
    if (n == name) return f;
  return std::nullopt;
}

std::string_view FormatName(Format format) {
  for (const auto& [n, f] : kFormatNames)
    if (f == format) return n;
  return "";
}

std::vector<std::pair<std::string, Format>> AllFormats() {
  std::vector<std::pair<std::string, Format>> out;
  for (const auto& [n, f] : kFormatNames) out.emplace_back(n, f);
  return out;
}

namespace {

std::optional<WorksFormat> WorksOf(Format format) {
  if (format == Format::kOpenAlex) return WorksFormat::kOpenAlex;
  if (format == Format::kSemanticScholar) return WorksFormat::kSemanticScholar;
  return std::nullopt;
}

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

// The options of typed edges are for the formats whose edges carry
// attributes; elsewhere they would be ignored without a word.
base::Status CheckTypedEdgeOptions(const std::string& path, Format format,
                                   const ImportOptions& options) {
  if (options.relation_attr.empty() && options.influence.empty())
    return base::Status::Ok();
  switch (format) {
    case Format::kGraphml:
    case Format::kDot:
    case Format::kJson:
    case Format::kGml:
    case Format::kGnuclad:
      return base::Status::Ok();
    default:
      return base::Status::InvalidArgument(fmt::format(
          "'{}' is read as {}: [[relation_attr]] and [[influence]] are for "
          "GraphML, GML, JSON, DOT and gnuclad files, whose edges carry "
          "attributes",
          path, FormatName(format)));
  }
}

base::Result<model::Graph> LoadOne(const std::string& path,
                                   const LoadOptions& options) {
  if (base::Status s = CheckSource(path); !s.ok()) return s;
  const Format format = options.format.value_or(DetectFormat(path));
  if (base::Status s = CheckTypedEdgeOptions(path, format, options.import);
      !s.ok())
    return s;
  switch (format) {
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
    case Format::kGml:
      return ImportGml(path, options.import, options.report);
    case Format::kGnuclad:
      return ImportGnuclad(path, options.import, options.report);
    case Format::kOpenAlex:
    case Format::kSemanticScholar:
      return ImportWorks({path}, *WorksOf(format), options.import,
                         options.report);
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
  std::optional<Format> first;
  for (const std::string& path : paths) {
    if (base::Status s = CheckSource(path); !s.ok()) return s;
    const Format format = options.format.value_or(DetectFormat(path));
    if (!first) first = format;
    if (format != Format::kTable && !WorksOf(format)) {
      return base::Status::InvalidArgument(fmt::format(
          "'{}' is read as {}, not an edge-list table: several files are "
          "read as parts of one "
          "table, or of one OpenAlex or Semantic Scholar dump; import YAML, "
          "GraphML, GML, JSON, DOT, gnuclad and .lgraph files one at a time",
          path, FormatName(format)));
    }
    if (format != *first) {
      return base::Status::InvalidArgument(fmt::format(
          "'{}' is read as {} but '{}' as {}: the files read together must "
          "be of one kind (say which: [[format]])",
          path, FormatName(format), paths.front(), FormatName(*first)));
    }
  }
  if (base::Status s =
          CheckTypedEdgeOptions(paths.front(), *first, options.import);
      !s.ok())
    return s;
  if (auto works = WorksOf(*first))
    return ImportWorks(paths, *works, options.import, options.report);
  return ImportTables(paths, options.import, options.report);
}

base::Result<model::Graph> LoadGraph(const std::string& path,
                                     const LoadOptions& options) {
  return LoadGraphs({path}, options);
}

}  // namespace lineage::io
