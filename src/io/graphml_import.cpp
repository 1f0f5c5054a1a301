#include "io/graphml_import.h"

#include <fmt/format.h>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <map>
#include <set>
#include <sstream>

#include "io/atomic_file.h"

namespace lineage::io {
namespace {

namespace pt = boost::property_tree;

base::Status Problem(const std::string& path, int line, std::string message,
                     std::string fix) {
  return base::Status::InvalidData(
      "the GraphML file cannot be imported",
      {{{path, line, 0}, std::move(message), std::move(fix)}});
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

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find("; ", start);
    std::string item = text.substr(
        start, end == std::string::npos ? std::string::npos : end - start);
    if (!item.empty()) out.push_back(item);
    if (end == std::string::npos) break;
    start = end + 2;
  }
  return out;
}

}  // namespace

base::Result<model::Graph> ImportGraphml(const std::string& path,
                                         const ImportOptions& options,
                                         ImportReport* report) {
  ImportReport local;
  if (report == nullptr) report = &local;
  *report = ImportReport{};
  report->source = path;
  auto text = ReadFile(path, options.max_file_bytes);
  if (!text.ok()) return text.status();
  pt::ptree doc;
  try {
    std::istringstream in(*text);
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

  std::map<std::string, std::string> node_keys, edge_keys;
  for (const auto& [tag, key] : *root) {
    if (tag != "key") continue;
    std::string id = key.get("<xmlattr>.id", "");
    // "attr.name" holds a dot, the default path separator of ptree.
    std::string name =
        key.get(pt::ptree::path_type("<xmlattr>/attr.name", '/'), id);
    std::string domain = key.get("<xmlattr>.for", "all");
    if (domain == "node" || domain == "all") node_keys[id] = name;
    if (domain == "edge" || domain == "all") edge_keys[id] = name;
  }
  auto graph_element = root->get_child_optional("graph");
  if (!graph_element)
    return Problem(path, 1, "no <graph> element", "is this a GraphML file?");
  if (graph_element->get("<xmlattr>.edgedefault", "directed") != "directed") {
    return Problem(path, 1, "the graph is undirected",
                   "lineage needs directed links (who drew on whom)");
  }

  model::GraphSpec spec;
  std::map<std::string, std::size_t> index;
  bool lineage_export = false;
  for (const auto& [id, name] : edge_keys) lineage_export |= name == "relation";
  for (const auto& [tag, node] : *graph_element) {
    if (tag != "node") continue;
    model::Work w;
    w.id = node.get("<xmlattr>.id", "");
    auto data = Data(node, node_keys);
    w.name = !data["name"].empty()    ? data["name"]
             : !data["label"].empty() ? data["label"]
                                      : w.id;
    std::string when = !data["date"].empty() ? data["date"] : data["year"];
    if (!when.empty()) {
      auto d = model::Date::Parse(when);
      if (d.ok()) w.date = *d;
    }
    if (auto kind = model::ParseKind(data["kind"])) w.kind = *kind;
    w.summary = data["summary"];
    w.url = data["url"];
    w.arxiv = data["arxiv"];
    w.paper = data["paper"];
    w.tags = SplitList(data["tags"]);
    w.aliases = SplitList(data["aliases"]);
    ++report->data_lines;
    if (!index.emplace(w.id, spec.works.size()).second) continue;
    spec.works.push_back(std::move(w));
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& [tag, edge] : *graph_element) {
    if (tag != "edge") continue;
    std::string source = edge.get("<xmlattr>.source", "");
    std::string target = edge.get("<xmlattr>.target", "");
    if (!index.count(source) || !index.count(target)) {
      return Problem(path, 0,
                     fmt::format("edge {} -> {} names a node that is not in "
                                 "the graph",
                                 source, target),
                     "declare every node with <node id=...>");
    }
    auto data = Data(edge, edge_keys);
    model::LinkSpec l;
    l.relation = model::Relation::kCites;
    if (auto rel = model::ParseRelation(data["relation"])) l.relation = *rel;
    bool forward =
        lineage_export || options.edges == ImportOptions::Edges::kInfluences;
    l.parent = forward ? source : target;
    l.child = forward ? target : source;
    l.evidence = data["evidence"];
    l.citation = data["citation"];
    if (l.parent == l.child) {
      ++report->self_loops;
      report->examples.try_emplace(
          "self-loops", fmt::format("{}: {} links to itself", path, l.child));
      continue;
    }
    // Lineage's own exports may join two works by several relations.
    std::string key_rel(model::RelationName(l.relation));
    if (!seen.emplace(l.parent + "\t" + key_rel, l.child).second) {
      ++report->duplicate_edges;
      continue;
    }
    spec.links.push_back(std::move(l));
  }
  for (const model::Work& w : spec.works)
    if (!w.date.known()) ++report->undated_works;
  return model::Graph::Build(
      std::move(spec), {.allow_influence_cycles = true, .curated = false});
}

}  // namespace lineage::io
