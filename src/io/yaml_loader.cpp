#include "io/yaml_loader.h"

#include <fmt/format.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "base/text.h"
#include "io/atomic_file.h"
#include "io/dot_import.h"
#include "io/graph_file.h"
#include "io/graphml_import.h"

namespace lineage::io {
namespace {

using base::Diagnostic;
using base::SourceLocation;

constexpr std::array<std::string_view, 4> kTopKeys{"title", "zh", "eras",
                                                   "works"};
constexpr std::array<std::string_view, 6> kEraKeys{"id", "name",    "from",
                                                   "to", "summary", "zh"};
// The Chinese of a file, an era, a work and a link.
constexpr std::array<std::string_view, 1> kTopZhKeys{"title"};
constexpr std::array<std::string_view, 2> kEraZhKeys{"name", "summary"};
constexpr std::array<std::string_view, 3> kWorkZhKeys{"name", "aliases",
                                                      "summary"};
constexpr std::array<std::string_view, 1> kLinkZhKeys{"evidence"};
constexpr std::array<std::string_view, 16> kWorkKeys{
    "id",    "layer", "name", "aliases", "kind", "date",  "era",  "people",
    "paper", "arxiv", "url",  "summary", "tags", "links", "note", "zh"};

std::string Quoted(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view n : names)
    out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

// Turns YAML nodes into GraphSpec records, collecting a diagnostic for every
// problem instead of stopping at the first, so one run shows them all.
class SpecReader {
 public:
  explicit SpecReader(std::string_view file) : file_(file) {}

  SourceLocation Where(const YAML::Node& node) const {
    const YAML::Mark mark = node.Mark();
    if (mark.is_null()) return {file_, 0, 0};
    return {file_, mark.line + 1, mark.column + 1};
  }

  void Error(const YAML::Node& at, std::string message, std::string fix) {
    diags_.push_back({Where(at), std::move(message), std::move(fix)});
  }

  // Checks that `node` is a mapping whose keys are all known and unique.
  // yaml-cpp keeps only the first of two equal keys, which would silently
  // lose data, so repeats are errors.
  bool CheckMapping(const YAML::Node& node, std::string_view what,
                    std::span<const std::string_view> known) {
    if (!node.IsMap()) {
      Error(node,
            fmt::format("{} must be a mapping of 'key: value' lines", what),
            fmt::format("write it as 'key: value' lines with the keys {}",
                        Quoted(known)));
      return false;
    }
    std::set<std::string> seen;
    for (const auto& entry : node) {
      const YAML::Node& key = entry.first;
      if (!key.IsScalar()) {
        Error(key, fmt::format("{} has a key that is not a plain word", what),
              "keys are plain words such as 'id'");
        continue;
      }
      const std::string& k = key.Scalar();
      if (std::find(known.begin(), known.end(), k) == known.end()) {
        std::string best;
        std::size_t best_d = 3;
        for (std::string_view cand : known) {
          std::size_t d = base::EditDistance(k, cand, 2);
          if (d < best_d) best_d = d, best = cand;
        }
        Error(key, fmt::format("unknown key '{}' in {}", k, what),
              best.empty() ? "use one of: " + Quoted(known)
                           : fmt::format("did you mean '{}'?", best));
      }
      if (!seen.insert(k).second) {
        Error(key, fmt::format("key '{}' appears twice in {}", k, what),
              "merge the two entries into one");
      }
    }
    return true;
  }

  // A scalar field. Absent or null fields leave `out` unchanged.
  bool Scalar(const YAML::Node& map, std::string_view key,
              std::string_view what, std::string* out, bool required = false) {
    const YAML::Node node = map[std::string(key)];
    if (!node || node.IsNull()) {
      if (required) {
        Error(map, fmt::format("{} has no '{}'", what, key),
              fmt::format("add '{}: ...'", key));
      }
      return false;
    }
    if (!node.IsScalar()) {
      Error(node, fmt::format("'{}' of {} must be a single value", key, what),
            "write one value on the same line as the key; quote it if it "
            "contains ': ' or starts with a special character");
      return false;
    }
    *out = node.Scalar();
    if (required && out->empty()) {
      Error(node, fmt::format("'{}' of {} is empty", key, what),
            fmt::format("give '{}' a value", key));
      return false;
    }
    return true;
  }

  void StringList(const YAML::Node& map, std::string_view key,
                  std::string_view what, std::vector<std::string>* out) {
    const YAML::Node node = map[std::string(key)];
    if (!node || node.IsNull()) return;
    if (node.IsScalar()) {  // A single value is a list of one.
      out->push_back(node.Scalar());
      return;
    }
    if (!node.IsSequence()) {
      Error(node, fmt::format("'{}' of {} must be a list", key, what),
            fmt::format("write '{}: [a, b]'", key));
      return;
    }
    for (const YAML::Node& item : node) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        Error(item,
              fmt::format("each entry of '{}' in {} must be a non-empty "
                          "single value",
                          key, what),
              "quote entries that contain ', ' or ': '");
        continue;
      }
      out->push_back(item.Scalar());
    }
  }

  bool Year(const YAML::Node& map, std::string_view key, std::string_view what,
            int* out, bool required) {
    std::string text;
    if (!Scalar(map, key, what, &text, required)) return false;
    if (text == "today") {
      *out = 0;
      return true;
    }
    auto date = model::Date::Parse(text);
    if (!date.ok() || date->month != 0) {
      Error(map[std::string(key)],
            fmt::format("'{}' of {} must be a four-digit year, got '{}'", key,
                        what, text),
            key == "to" ? "write e.g. 2015, or 'today'" : "write e.g. 2015");
      return false;
    }
    *out = date->year;
    return true;
  }

  void ReadEra(const YAML::Node& node) {
    if (!CheckMapping(node, "an era", kEraKeys)) return;
    model::Era era;
    era.where = Where(node);
    Scalar(node, "id", "an era", &era.id, true);
    std::string what = fmt::format("era '{}'", era.id);
    Scalar(node, "name", what, &era.name, true);
    Year(node, "from", what, &era.from_year, true);
    Year(node, "to", what, &era.to_year, false);
    Scalar(node, "summary", what, &era.summary);
    if (const auto zh = Chinese(node, what, kEraZhKeys)) {
      Scalar(*zh, "name", what, &era.zh_name);
      Scalar(*zh, "summary", what, &era.zh_summary);
    }
    spec_.eras.push_back(std::move(era));
  }

  void ReadWork(const YAML::Node& node) {
    if (!CheckMapping(node, "a work", kWorkKeys)) return;
    model::Work w;
    w.details.where = Where(node);
    if (Scalar(node, "id", "a work", &w.id, true) && !IsSlug(w.id)) {
      Error(node["id"], fmt::format("work id '{}' is not a slug", w.id),
            fmt::format("use lower-case letters, digits and '-', e.g. '{}'",
                        Slugify(w.id)));
    }
    const std::string what = fmt::format("work '{}'", w.id);
    Layer(node, what, &w.details.layer);
    Scalar(node, "name", what, &w.name, true);
    StringList(node, "aliases", what, &w.details.aliases);
    std::string kind;
    if (Scalar(node, "kind", what, &kind, true)) {
      if (auto k = model::ParseKind(kind)) {
        w.kind = *k;
      } else {
        Error(node["kind"], fmt::format("unknown kind '{}' in {}", kind, what),
              "use one of: " + model::KindNames());
      }
    }
    std::string date;
    if (Scalar(node, "date", what, &date)) {
      auto parsed = model::Date::Parse(date);
      if (parsed.ok()) {
        w.date = *parsed;
      } else {
        Error(node["date"],
              fmt::format("{} has a {}", what, parsed.status().message()), "");
      }
    }
    Scalar(node, "era", what, &w.details.era);
    StringList(node, "people", what, &w.details.people);
    Scalar(node, "paper", what, &w.details.paper);
    Scalar(node, "arxiv", what, &w.details.arxiv);
    Scalar(node, "url", what, &w.details.url);
    Scalar(node, "summary", what, &w.details.summary);
    StringList(node, "tags", what, &w.details.tags);
    Scalar(node, "note", what, &w.details.note);
    if (const auto zh = Chinese(node, what, kWorkZhKeys)) {
      Scalar(*zh, "name", what, &w.details.zh_name);
      StringList(*zh, "aliases", what, &w.details.zh_aliases);
      Scalar(*zh, "summary", what, &w.details.zh_summary);
    }
    const YAML::Node links = node["links"];
    if (links && !links.IsNull()) {
      if (!links.IsSequence()) {
        Error(links, fmt::format("'links' of {} must be a list", what),
              "start each link with '- RELATION: work-id'");
      } else {
        for (const YAML::Node& link : links)
          ReadLink(link, w.id, w.details.layer, what);
      }
    }
    spec_.works.push_back(std::move(w));
  }

  // The optional 'zh:' mapping of `node` (its Chinese), with the keys
  // `known`; nullopt when there is none or it is malformed (reported).
  std::optional<YAML::Node> Chinese(const YAML::Node& node,
                                    const std::string& what,
                                    std::span<const std::string_view> known) {
    const YAML::Node zh = node["zh"];
    if (!zh || zh.IsNull()) return std::nullopt;
    if (!CheckMapping(zh, fmt::format("'zh' of {}", what), known))
      return std::nullopt;
    return zh;
  }

  // An optional 'layer: article|extension' (default: article).
  void Layer(const YAML::Node& node, const std::string& what,
             model::Layer* layer) {
    std::string name;
    if (!Scalar(node, "layer", what, &name)) return;
    if (auto parsed = model::ParseLayer(name)) {
      *layer = *parsed;
    } else {
      Error(node["layer"], fmt::format("unknown layer '{}' of {}", name, what),
            "use 'article' (what the article says) or 'extension' (the "
            "project's own additions, each link with a citation)");
    }
  }

  // A link is a mapping with exactly one relation key naming the older work,
  // plus 'evidence', an optional 'citation' and an optional 'layer' (by
  // default the layer of the work that declares it).
  void ReadLink(const YAML::Node& node, const std::string& child,
                model::Layer layer, const std::string& what) {
    if (!node.IsMap()) {
      Error(node, fmt::format("a link of {} must be a mapping", what),
            "write '- builds_on: work-id' with 'evidence: ...' below it");
      return;
    }
    model::LinkSpec link;
    link.child = child;
    link.details.layer = layer;
    link.details.where = Where(node);
    int relations = 0;
    bool unknown_relation = false;
    std::set<std::string> seen;
    for (const auto& entry : node) {
      const std::string key =
          entry.first.IsScalar() ? entry.first.Scalar() : "";
      if (!seen.insert(key).second) {
        Error(entry.first,
              fmt::format("key '{}' appears twice in a link of {}", key, what),
              "write one link per list entry");
        continue;
      }
      if (key == "evidence" || key == "citation" || key == "layer" ||
          key == "zh")
        continue;
      auto rel = model::ParseRelation(key);
      if (!rel) {
        unknown_relation = true;
        Error(entry.first,
              fmt::format("unknown relation '{}' in a link of {}", key, what),
              "use one of: " + model::RelationNames());
        continue;
      }
      ++relations;
      link.relation = *rel;
      if (!entry.second.IsScalar() || entry.second.Scalar().empty()) {
        Error(entry.second,
              fmt::format("'{}' in {} must name one work id", key, what),
              "write one link per work: '- builds_on: gan'");
        continue;
      }
      link.parent = entry.second.Scalar();
    }
    if (relations != 1) {
      if (relations == 0) {
        if (unknown_relation) return;  // Already reported.
        Error(node, fmt::format("a link of {} names no relation", what),
              "start it with one of: " + model::RelationNames());
      } else {
        Error(node,
              fmt::format("a link of {} names {} relations", what, relations),
              "write one link per list entry");
      }
      return;
    }
    std::string_view rel = model::RelationName(link.relation);
    std::string link_what =
        fmt::format("link '{} {} {}'", child, rel, link.parent);
    Scalar(node, "evidence", link_what, &link.details.evidence, true);
    Scalar(node, "citation", link_what, &link.details.citation);
    Layer(node, link_what, &link.details.layer);
    if (const auto zh = Chinese(node, link_what, kLinkZhKeys))
      Scalar(*zh, "evidence", link_what, &link.details.zh_evidence);
    if (!link.parent.empty()) spec_.links.push_back(std::move(link));
  }

  void ReadDocument(const YAML::Node& root) {
    if (!root || root.IsNull()) {
      diags_.push_back({{file_, 1, 1},
                        "the file is empty",
                        "add 'works:' with at least one work, or delete the "
                        "file"});
      return;
    }
    if (!CheckMapping(root, "the top level of the file", kTopKeys)) return;
    Scalar(root, "title", "the file", &spec_.title);
    if (const auto zh = Chinese(root, "the file", kTopZhKeys))
      Scalar(*zh, "title", "the file", &spec_.zh_title);
    for (std::string_view section : kTopKeys) {
      if (section == "title" || section == "zh") continue;
      const YAML::Node list = root[std::string(section)];
      if (!list || list.IsNull()) continue;
      if (!list.IsSequence()) {
        Error(list, fmt::format("'{}' must be a list", section),
              "start each entry with '- id: ...'");
        continue;
      }
      for (const YAML::Node& item : list) {
        section == "eras" ? ReadEra(item) : ReadWork(item);
      }
    }
  }

  std::vector<Diagnostic>& diagnostics() { return diags_; }
  model::GraphSpec& spec() { return spec_; }

 private:
  static bool IsSlug(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
      return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
  }

  static std::string Slugify(std::string_view id) {
    std::string out;
    for (char c : id) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (keep) {
        out += c;
      } else if (!out.empty() && out.back() != '-') {
        out += '-';
      }
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out.empty() ? "my-work" : out;
  }

  std::string file_;
  model::GraphSpec spec_;
  std::vector<Diagnostic> diags_;
};

base::Status Problems(std::vector<Diagnostic> diags, std::size_t total = 0) {
  total = std::max(total, diags.size());
  std::string summary = fmt::format("{} problem{} in the graph data", total,
                                    total == 1 ? "" : "s");
  return base::Status::InvalidData(std::move(summary), std::move(diags), total);
}

void Append(model::GraphSpec* into, model::GraphSpec&& from) {
  if (!from.title.empty()) into->title = std::move(from.title);
  if (!from.zh_title.empty()) into->zh_title = std::move(from.zh_title);
  std::move(from.eras.begin(), from.eras.end(), std::back_inserter(into->eras));
  std::move(from.works.begin(), from.works.end(),
            std::back_inserter(into->works));
  std::move(from.links.begin(), from.links.end(),
            std::back_inserter(into->links));
}

}  // namespace

base::Result<model::GraphSpec> ParseYaml(std::string_view text,
                                         std::string_view file_name) {
  // Binary or mis-encoded input: say so plainly instead of letting the YAML
  // parser produce something confusing.
  if (std::size_t bad = base::FindInvalidText(text);
      bad != std::string_view::npos) {
    base::TextPosition pos = base::PositionOf(text, bad);
    return Problems({{{std::string(file_name), pos.line, pos.column},
                      fmt::format("byte 0x{:02x} is not UTF-8 text; this does "
                                  "not look like a YAML data file",
                                  static_cast<unsigned char>(text[bad])),
                      "save the file as UTF-8 text, or give the right file"}});
  }
  SpecReader reader(file_name);
  try {
    reader.ReadDocument(YAML::Load(std::string(text)));
  } catch (const YAML::DeepRecursion& e) {
    reader.diagnostics().push_back(
        {{std::string(file_name), e.mark.line + 1, e.mark.column + 1},
         fmt::format("the YAML nests deeper than {} levels", e.depth() - 1),
         "the graph format needs only four levels; check for runaway "
         "brackets"});
  } catch (const YAML::Exception& e) {
    // Covers syntax errors and yaml-cpp's nesting-depth guard.
    reader.diagnostics().push_back(
        {{std::string(file_name), e.mark.is_null() ? 0 : e.mark.line + 1,
          e.mark.is_null() ? 0 : e.mark.column + 1},
         "YAML syntax error: " + e.msg,
         "check the indentation and quoting near this line"});
  }
  if (!reader.diagnostics().empty())
    return Problems(std::move(reader.diagnostics()));
  return std::move(reader.spec());
}

base::Result<model::Graph> LoadYaml(const std::filesystem::path& path,
                                    std::size_t max_file_bytes) {
  std::error_code ec;
  std::vector<std::filesystem::path> files;
  if (std::filesystem::is_directory(path, ec)) {
    for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
         !ec && it != std::filesystem::recursive_directory_iterator();
         it.increment(ec)) {
      const auto ext = it->path().extension();
      if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
        files.push_back(it->path());
    }
    if (ec) {
      return base::Status::IoError(fmt::format("cannot list folder '{}': {}",
                                               path.string(), ec.message()));
    }
    if (files.empty()) {
      return base::Status::NotFound(fmt::format(
          "folder '{}' holds no .yaml files; give the graph-data folder or a "
          ".yaml file",
          path.string()));
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  model::GraphSpec all;
  std::vector<base::Diagnostic> diags;
  std::size_t problems = 0;  // Each file's list may have been cut.
  for (const auto& file : files) {
    auto text = ReadFile(file, max_file_bytes);
    if (!text.ok()) return text.status();
    auto spec = ParseYaml(*text, file.string());
    if (!spec.ok()) {
      const auto& d = spec.status().diagnostics();
      diags.insert(diags.end(), d.begin(), d.end());
      problems += spec.status().problems();
      continue;
    }
    if (!spec->title.empty() && !all.title.empty()) {
      ++problems;
      diags.push_back({{file.string(), 0, 0},
                       fmt::format("a second title '{}' (the graph is "
                                   "already titled '{}')",
                                   spec->title, all.title),
                       "give the title in one file only"});
    }
    Append(&all, std::move(spec).value());
  }
  if (!diags.empty()) return Problems(std::move(diags), problems);
  return model::Graph::Build(std::move(all));
}

}  // namespace lineage::io
