#include "io/graphml_import.h"

#include <fmt/format.h>

#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <map>
#include <sstream>

#include "io/atomic_file.h"
#include "io/attributed.h"

namespace lineage::io {
namespace {

namespace pt = boost::property_tree;

base::Status Problem(const std::string& path, int line, std::string message,
                     std::string fix) {
  return ImportProblem("GraphML", path, line, std::move(message),
                       std::move(fix));
}

// The <data> children of an element, by attribute name.
std::map<std::string, std::string> Data(
    const pt::ptree& element, const std::map<std::string, std::string>& keys) {
  std::map<std::string, std::string> out;
  for (const auto& [tag, child] : element) {
    if (tag != "data") continue;
    auto it = keys.find(child.get("<xmlattr>.key", ""));
    if (it != keys.end()) out[it->second] = child.data();
  }
  return out;
}

// GraphML nests four levels (graphml, graph, node, data); Boost's XML
// parser recurses once a level, so a file nested thousands deep would
// overflow the stack. Elements are counted first, in one pass that never
// recurses: the line where the nesting passes kMaxDepth, or 0.
constexpr int kMaxDepth = 256;
int TooDeepAt(std::string_view text) {
  int depth = 0, line = 1;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') ++line;
    if (text[i] != '<') continue;
    auto skip_to = [&](std::string_view end) {
      const std::size_t at = text.find(end, i);
      const std::size_t stop =
          at == std::string_view::npos ? text.size() : at + end.size();
      line += static_cast<int>(
          std::count(text.begin() + i, text.begin() + stop, '\n'));
      i = stop - 1;
    };
    if (text.substr(i, 4) == "<!--") {
      skip_to("-->");
    } else if (text.substr(i, 9) == "<![CDATA[") {
      skip_to("]]>");
    } else if (i + 1 < text.size() &&
               (text[i + 1] == '?' || text[i + 1] == '!')) {
      skip_to(">");
    } else if (i + 1 < text.size() && text[i + 1] == '/') {
      --depth;
      skip_to(">");
    } else {
      // An opening tag: attribute values may hold '>' inside quotes.
      char quote = 0;
      std::size_t k = i + 1;
      for (; k < text.size(); ++k) {
        if (text[k] == '\n') ++line;
        if (quote != 0) {
          if (text[k] == quote) quote = 0;
        } else if (text[k] == '"' || text[k] == '\'') {
          quote = text[k];
        } else if (text[k] == '>') {
          break;
        }
      }
      const bool self_closing = k < text.size() && text[k - 1] == '/';
      if (!self_closing && ++depth > kMaxDepth) return line;
      i = k;
    }
  }
  return 0;
}

// The graph of a GraphML document.
base::Result<AttributedGraph> ReadGraphml(const std::string& text,
                                          const std::string& path,
                                          const ImportOptions& options) {
  if (int line = TooDeepAt(text); line != 0) {
    return Problem(
        path, line,
        fmt::format("the XML nests deeper than {} levels", kMaxDepth),
        "GraphML needs four; is this the right file?");
  }
  pt::ptree doc;
  try {
    std::istringstream in(text);
    pt::read_xml(in, doc);
  } catch (const pt::xml_parser_error& e) {
    return Problem(path, static_cast<int>(e.line()),
                   "malformed XML: " + e.message(),
                   "is the file cut short, or not GraphML?");
  }
  const pt::ptree* root = nullptr;
  if (auto g = doc.get_child_optional("graphml")) root = &*g;
  if (root == nullptr)
    return Problem(path, 1, "no <graphml> element", "is this a GraphML file?");

  std::map<std::string, std::string> graph_keys, node_keys, edge_keys;
  for (const auto& [tag, key] : *root) {
    if (tag != "key") continue;
    std::string id = key.get("<xmlattr>.id", "");
    // "attr.name" holds a dot, the default path separator of ptree.
    std::string name =
        key.get(pt::ptree::path_type("<xmlattr>/attr.name", '/'), id);
    std::string domain = key.get("<xmlattr>.for", "all");
    if (domain == "graph" || domain == "all") graph_keys[id] = name;
    if (domain == "node" || domain == "all") node_keys[id] = name;
    if (domain == "edge" || domain == "all") edge_keys[id] = name;
  }
  auto graph_element = root->get_child_optional("graph");
  if (!graph_element)
    return Problem(path, 1, "no <graph> element", "is this a GraphML file?");
  if (graph_element->get("<xmlattr>.edgedefault", "directed") != "directed") {
    return UndirectedProblem("GraphML", path);
  }

  AttributedGraph g;
  std::map<std::string, std::string> about = Data(*graph_element, graph_keys);
  g.title = about["title"];
  g.zh_title = about["zh_title"];
  if (!about["eras"].empty()) {
    auto eras = ParseEras(about["eras"], path);
    if (!eras.ok()) return eras.status();
    g.eras = std::move(eras).value();
  }
  // Lineage's own exports say that they run from the older work to the
  // newer. No attribute's name decides it: a key named "relation" is data.
  const bool declared = about["edges"] == "influences";
  for (const auto& [tag, node] : *graph_element) {
    if (tag != "node") continue;
    g.nodes.push_back({node.get("<xmlattr>.id", ""), Data(node, node_keys), 0});
  }
  for (const auto& [tag, edge] : *graph_element) {
    if (tag != "edge") continue;
    g.edges.push_back({edge.get("<xmlattr>.source", ""),
                       edge.get("<xmlattr>.target", ""),
                       Data(edge, edge_keys)});
  }
  g.forward = options.edges == ImportOptions::Edges::kAuto
                  ? declared
                  : options.edges == ImportOptions::Edges::kInfluences;
  return g;
}

}  // namespace

base::Result<model::Graph> ImportGraphml(const std::string& path,
                                         const ImportOptions& options,
                                         ImportReport* report) {
  return ImportAttributed(path, options, report, [&](const std::string& text) {
    return ReadGraphml(text, path, options);
  });
}

}  // namespace lineage::io
