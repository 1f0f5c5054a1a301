#include "io/json_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include "io/atomic_file.h"
#include "io/attributed.h"

namespace lineage::io {
namespace {

using nlohmann::json;

base::Status Problem(const std::string& path, int line, std::string message,
                     std::string fix) {
  return ImportProblem("JSON", path, line, std::move(message), std::move(fix));
}

// An attribute as text: strings as they are, numbers and booleans printed,
// lists joined with "; " (as GraphML exports join them); objects and nulls
// are left out.
std::optional<std::string> Text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return value.dump();
  if (value.is_array()) {
    std::string out;
    for (const json& item : value) {
      auto t = Text(item);
      if (t && !t->empty()) out += (out.empty() ? "" : "; ") + *t;
    }
    return out;
  }
  return std::nullopt;
}

std::map<std::string, std::string> Attributes(
    const json& object, std::initializer_list<const char*> skip) {
  std::map<std::string, std::string> out;
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::find_if(skip.begin(), skip.end(),
                     [&](const char* s) { return key == s; }) != skip.end())
      continue;
    if (auto t = Text(item.value())) out[key] = *t;
  }
  return out;
}

// The line of byte `offset` of `text`.
int LineOf(const std::string& text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + offset, '\n'));
}

// The graph of a node-link document.
base::Result<AttributedGraph> ReadNodeLink(const std::string& text,
                                           const std::string& path,
                                           const ImportOptions& options) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return Problem(path, LineOf(text, e.byte == 0 ? 0 : e.byte - 1),
                   fmt::format("malformed JSON: {}", e.what()),
                   "is the file cut short, or not JSON?");
  } catch (const json::exception& e) {
    // nlohmann throws more than parse errors (a number out of range, say).
    return Problem(path, 0, fmt::format("unreadable JSON: {}", e.what()),
                   "is the file cut short, or not JSON?");
  }
  if (!doc.is_object() || !doc.contains("nodes") || !doc["nodes"].is_array()) {
    return Problem(path, 1, "no \"nodes\" list",
                   "give a node-link document (networkx node_link_data)");
  }
  if (doc.contains("directed") && doc["directed"] == false) {
    return UndirectedProblem("JSON", path);
  }
  AttributedGraph g;
  const json about = doc.value("graph", json::object());
  bool lineage_export = false;
  if (about.is_object()) {
    lineage_export = about.value("name", json()) == "lineage" ||
                     about.value("edges", json()) == "influences";
    if (about.contains("title") && about["title"].is_string())
      g.title = about["title"];
    if (about.contains("zh_title") && about["zh_title"].is_string())
      g.zh_title = about["zh_title"];
    if (about.contains("eras")) {
      auto eras = ParseEras(about["eras"].dump(), path);
      if (!eras.ok()) return eras.status();
      g.eras = std::move(eras).value();
    }
  }
  for (const json& node : doc["nodes"]) {
    if (!node.is_object() || !node.contains("id"))
      return Problem(path, 0, "a node has no \"id\"", "give every node an id");
    auto id = Text(node["id"]);
    if (!id || id->empty())
      return Problem(path, 0, "a node's \"id\" is empty or not a value",
                     "give every node an id");
    // "organizations" comes from the published_by links, read as links.
    g.nodes.push_back({*id, Attributes(node, {"id", "organizations"}), 0});
  }
  const char* key = doc.contains("links") ? "links" : "edges";
  if (doc.contains(key) && doc[key].is_array()) {
    for (const json& link : doc[key]) {
      if (!link.is_object() || !link.contains("source") ||
          !link.contains("target"))
        return Problem(path, 0, "a link has no \"source\" or \"target\"",
                       "give every link both ends");
      auto data = Attributes(link, {"source", "target", "key"});
      g.edges.push_back({Text(link["source"]).value_or(""),
                         Text(link["target"]).value_or(""), std::move(data)});
    }
  }
  g.forward = options.edges == ImportOptions::Edges::kAuto
                  ? lineage_export
                  : options.edges == ImportOptions::Edges::kInfluences;
  return g;
}

}  // namespace

base::Result<model::Graph> ImportJson(const std::string& path,
                                      const ImportOptions& options,
                                      ImportReport* report) {
  return ImportAttributed(path, options, report, [&](const std::string& text) {
    return ReadNodeLink(text, path, options);
  });
}

}  // namespace lineage::io
