#include "io/export.h"

#include <fmt/format.h>

#include <array>
#include <string_view>

namespace lineage::io {
namespace {

using model::Graph;
using model::Relation;
using model::RelationSet;
using model::VertexId;

std::vector<std::string> Organizations(const Graph& g, VertexId v) {
  std::vector<std::string> out;
  for (const model::Neighbor& org :
       g.InLinks(v, RelationSet().Add(Relation::kPublishedBy)))
    out.emplace_back(g.name(org.other));
  return out;
}

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : "; ") + s;
  return out;
}

void EscapeXml(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '&':
        *out += "&amp;";
        break;
      case '<':
        *out += "&lt;";
        break;
      case '>':
        *out += "&gt;";
        break;
      case '"':
        *out += "&quot;";
        break;
      case '\'':
        *out += "&apos;";
        break;
      case '\r':
        *out += "&#13;";
        break;
      default:
        *out += c;
    }
  }
}

std::string Xml(std::string_view text) {
  std::string out;
  EscapeXml(text, &out);
  return out;
}

struct Key {
  std::string_view id;
  std::string_view domain;  // "graph", "node", "edge" or "all"
  std::string_view type;    // GraphML attr.type
};

constexpr std::array<Key, 28> kKeys{{
    {"edges", "graph", "string"},        {"title", "graph", "string"},
    {"zh_title", "graph", "string"},     {"eras", "graph", "string"},
    {"zh_name", "node", "string"},       {"zh_aliases", "node", "string"},
    {"zh_summary", "node", "string"},    {"zh_evidence", "edge", "string"},
    {"name", "node", "string"},          {"kind", "node", "string"},
    {"date", "node", "string"},          {"year", "node", "int"},
    {"era", "node", "string"},           {"aliases", "node", "string"},
    {"organizations", "node", "string"}, {"people", "node", "string"},
    {"paper", "node", "string"},         {"arxiv", "node", "string"},
    {"url", "node", "string"},           {"summary", "node", "string"},
    {"tags", "node", "string"},          {"label", "node", "string"},
    {"note", "node", "string"},          {"relation", "edge", "string"},
    {"influence", "edge", "boolean"},    {"evidence", "edge", "string"},
    {"citation", "edge", "string"},      {"layer", "all", "string"},
}};

void Data(std::string_view key, std::string_view value, std::string* out) {
  if (value.empty()) return;
  *out += fmt::format("      <data key=\"{}\">", key);
  EscapeXml(value, out);
  *out += "</data>\n";
}

}  // namespace

nlohmann::json WorkBrief(const Graph& graph, VertexId v) {
  const model::Date& date = graph.date(v);
  return {{"id", graph.id(v)},
          {"name", graph.name(v)},
          {"kind", model::KindName(graph.kind(v))},
          {"date", date.known() ? nlohmann::json(date.ToString())
                                : nlohmann::json(nullptr)},
          {"era", graph.era(v)}};
}

nlohmann::json WorkFull(const Graph& graph, VertexId v) {
  const model::WorkDetails& w = graph.details(v);
  nlohmann::json j = WorkBrief(graph, v);
  auto put = [&j](const char* key, const auto& value) {
    if (!value.empty()) j[key] = value;
  };
  put("aliases", w.aliases);
  put("organizations", Organizations(graph, v));
  put("people", w.people);
  put("paper", w.paper);
  put("arxiv", w.arxiv);
  put("url", w.url);
  put("summary", w.summary);
  put("tags", w.tags);
  put("note", w.note);
  put("zh_name", w.zh_name);
  put("zh_aliases", w.zh_aliases);
  put("zh_summary", w.zh_summary);
  // The article's layer is the default, written only for the extension.
  if (w.layer != model::Layer::kArticle) j["layer"] = model::LayerName(w.layer);
  nlohmann::json attributes = nlohmann::json::object();
  for (std::size_t c = 0; c < graph.attributes().size(); ++c) {
    std::string_view value = graph.attribute(c, v);
    if (!value.empty()) attributes[graph.attributes()[c].name] = value;
  }
  if (!attributes.empty()) j["attributes"] = std::move(attributes);
  return j;
}

nlohmann::json LinkJson(const Graph& graph, model::EdgeId e) {
  const model::LinkDetails& l = graph.link_details(e);
  const Relation rel = graph.relation(e);
  nlohmann::json j = {{"from", graph.id(graph.parent(e))},
                      {"to", graph.id(graph.child(e))},
                      {"relation", graph.relation_name(rel)},
                      {"influence", model::IsInfluence(rel)},
                      {"evidence", l.evidence}};
  if (!l.citation.empty()) j["citation"] = l.citation;
  if (!l.zh_evidence.empty()) j["zh_evidence"] = l.zh_evidence;
  if (l.layer != model::Layer::kArticle) j["layer"] = model::LayerName(l.layer);
  return j;
}

namespace {

nlohmann::json ErasJson(const Graph& graph) {
  nlohmann::json eras = nlohmann::json::array();
  for (const model::Era& era : graph.eras()) {
    eras.push_back({{"id", era.id},
                    {"name", era.name},
                    {"from", era.from_year},
                    {"to", era.to_year == 0 ? nlohmann::json(nullptr)
                                            : nlohmann::json(era.to_year)},
                    {"summary", era.summary}});
    if (!era.zh_name.empty()) eras.back()["zh_name"] = era.zh_name;
    if (!era.zh_summary.empty()) eras.back()["zh_summary"] = era.zh_summary;
  }
  return eras;
}

}  // namespace

std::string ExportJson(const Graph& graph) {
  nlohmann::json eras = ErasJson(graph);
  nlohmann::json nodes = nlohmann::json::array();
  for (VertexId v = 0; v < graph.num_works(); ++v)
    nodes.push_back(WorkFull(graph, v));
  nlohmann::json links = nlohmann::json::array();
  for (model::EdgeId e = 0; e < graph.num_links(); ++e) {
    nlohmann::json l = LinkJson(graph, e);
    l["source"] = l["from"];
    l["target"] = l["to"];
    l["key"] = l["relation"];
    l.erase("from");
    l.erase("to");
    links.push_back(std::move(l));
  }
  nlohmann::json doc = {{"directed", true},
                        {"multigraph", true},
                        {"graph",
                         {{"name", "lineage"},
                          {"edges", "influences"},
                          {"title", graph.title()},
                          {"zh_title", graph.zh_title()},
                          {"eras", eras}}},
                        {"nodes", nodes},
                        {"links", links}};
  return doc.dump(2) + "\n";
}

std::string ExportGraphml(const Graph& graph) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
      "    xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
      "    xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
      "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
  for (const Key& key : kKeys) {
    out += fmt::format(
        "  <key id=\"{0}\" for=\"{1}\" attr.name=\"{0}\" attr.type=\"{2}\"/>\n",
        key.id, key.domain, key.type);
  }
  // Imported attribute columns, named as in their table unless the name is
  // one of lineage's own.
  for (std::size_t c = 0; c < graph.attributes().size(); ++c) {
    std::string name = graph.attributes()[c].name;
    for (const Key& key : kKeys)
      if (key.id == name) name = "attr_" + name;
    out += fmt::format(
        "  <key id=\"attr{}\" for=\"node\" attr.name=\"{}\" "
        "attr.type=\"string\"/>\n",
        c, Xml(name));
  }
  out += "  <graph id=\"lineage\" edgedefault=\"directed\">\n";
  // The graph's own data: its title, and its eras as a JSON list (GraphML
  // has no lists), so that an export reads back whole.
  Data("edges", "influences", &out);  // Links run older -> newer.
  Data("title", graph.title(), &out);
  Data("zh_title", graph.zh_title(), &out);
  if (!graph.eras().empty()) Data("eras", ErasJson(graph).dump(), &out);
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    const model::WorkDetails& w = graph.details(v);
    const model::Date& date = graph.date(v);
    out += fmt::format("    <node id=\"{}\">\n", Xml(graph.id(v)));
    Data("name", graph.name(v), &out);
    // Gephi shows "label"; keep it equal to the display name.
    Data("label", graph.name(v), &out);
    Data("kind", model::KindName(graph.kind(v)), &out);
    Data("date", date.ToString(), &out);
    if (date.known()) Data("year", std::to_string(date.year), &out);
    Data("era", w.era, &out);
    Data("aliases", Join(w.aliases), &out);
    Data("organizations", Join(Organizations(graph, v)), &out);
    Data("people", Join(w.people), &out);
    Data("paper", w.paper, &out);
    Data("arxiv", w.arxiv, &out);
    Data("url", w.url, &out);
    Data("summary", w.summary, &out);
    Data("tags", Join(w.tags), &out);
    Data("note", w.note, &out);
    Data("zh_name", w.zh_name, &out);
    Data("zh_aliases", Join(w.zh_aliases), &out);
    Data("zh_summary", w.zh_summary, &out);
    if (w.layer != model::Layer::kArticle)
      Data("layer", model::LayerName(w.layer), &out);
    for (std::size_t c = 0; c < graph.attributes().size(); ++c)
      Data(fmt::format("attr{}", c), graph.attribute(c, v), &out);
    out += "    </node>\n";
  }
  for (model::EdgeId e = 0; e < graph.num_links(); ++e) {
    const model::LinkDetails& l = graph.link_details(e);
    const Relation rel = graph.relation(e);
    out += fmt::format("    <edge id=\"e{}\" source=\"{}\" target=\"{}\">\n", e,
                       Xml(graph.id(graph.parent(e))),
                       Xml(graph.id(graph.child(e))));
    Data("relation", graph.relation_name(rel), &out);
    Data("influence", model::IsInfluence(rel) ? "true" : "false", &out);
    Data("evidence", l.evidence, &out);
    Data("citation", l.citation, &out);
    Data("zh_evidence", l.zh_evidence, &out);
    if (l.layer != model::Layer::kArticle)
      Data("layer", model::LayerName(l.layer), &out);
    out += "    </edge>\n";
  }
  out += "  </graph>\n</graphml>\n";
  return out;
}

}  // namespace lineage::io
