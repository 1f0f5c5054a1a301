#include "io/attributed.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>

#include "io/dates.h"

namespace lineage::io {
namespace {

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

base::Status ImportProblem(std::string_view format, const std::string& path,
                           int line, std::string message, std::string fix) {
  return base::Status::InvalidData(
      fmt::format("the {} file cannot be imported", format),
      {{{path, line, 0}, std::move(message), std::move(fix)}});
}

base::Status UndirectedProblem(std::string_view format, const std::string& path,
                               std::string fix) {
  return ImportProblem(format, path, 1, "the graph is undirected",
                       "lineage needs directed links (who drew on whom)" +
                           (fix.empty() ? std::string() : ": " + fix));
}

base::Result<std::vector<model::Era>> ParseEras(std::string_view json,
                                                const std::string& path) {
  std::vector<model::Era> eras;
  nlohmann::json list =
      nlohmann::json::parse(json, nullptr, /*allow_exceptions=*/false);
  auto bad = [&](std::string why) {
    return base::Status::InvalidData(
        "the graph's eras cannot be read",
        {{{path, 0, 0},
          std::move(why),
          "export the graph again ([[export]]), or drop the eras"}});
  };
  if (!list.is_array()) return bad("the eras are not a JSON list");
  // A string field that is there but not a string is as bad as none.
  auto text = [](const nlohmann::json& e, const char* key,
                 const std::string& otherwise) {
    auto it = e.find(key);
    return it != e.end() && it->is_string() ? it->get<std::string>()
                                            : otherwise;
  };
  for (const nlohmann::json& e : list) {
    if (!e.is_object() || !e.contains("id") || !e["id"].is_string() ||
        !e.contains("from") || !e["from"].is_number_integer())
      return bad("an era needs a string id and a whole-number 'from'");
    model::Era era;
    era.id = e["id"];
    era.name = text(e, "name", era.id);
    // Years as a Date holds them; anything else is no era of a graph.
    auto year = [](const nlohmann::json& y) {
      const auto v = y.get<std::int64_t>();
      return v >= 0 && v <= 9999 ? static_cast<int>(v) : -1;
    };
    era.from_year = year(e["from"]);
    if (e.contains("to") && e["to"].is_number_integer())
      era.to_year = year(e["to"]);
    if (era.from_year < 0 || era.to_year < 0)
      return bad("an era's years must be between 0 and 9999");
    era.summary = text(e, "summary", "");
    era.zh_name = text(e, "zh_name", "");
    era.zh_summary = text(e, "zh_summary", "");
    era.where = {path, 0, 0};
    eras.push_back(std::move(era));
  }
  return eras;
}

base::Result<model::Graph> BuildAttributed(AttributedGraph g,
                                           const std::string& path,
                                           ImportReport* report) {
  model::GraphSpec spec;
  spec.title = std::move(g.title);
  spec.zh_title = std::move(g.zh_title);
  std::set<std::string> eras;
  for (const model::Era& era : g.eras) eras.insert(era.id);
  spec.eras = std::move(g.eras);
  std::map<std::string, std::size_t> index;
  for (AttributedGraph::Node& node : g.nodes) {
    auto& data = node.data;
    model::Work w;
    w.id = node.id;
    w.name = !data["name"].empty()    ? data["name"]
             : !data["label"].empty() ? data["label"]
                                      : w.id;
    std::string when = !data["date"].empty() ? data["date"] : data["year"];
    if (auto d = ParseLooseDate(when)) {
      w.date = d->date;
      if (d->coarsened && report->coarsened_dates++ == 0)
        report->examples.try_emplace(
            "coarsened dates",
            fmt::format("{}:{}: '{}' is read as {}", path, node.line, when,
                        d->date.ToString()));
    } else if (!when.empty() && report->unreadable_dates++ == 0) {
      // Kept as an undated work: the rest of the node is still good.
      report->examples.try_emplace("unreadable dates",
                                   fmt::format("{}:{}: '{}' of '{}' is no date",
                                               path, node.line, when, node.id));
    }
    if (auto kind = model::ParseKind(data["kind"])) w.kind = *kind;
    model::WorkDetails& d = w.details;
    if (eras.count(data["era"])) d.era = data["era"];
    d.summary = data["summary"];
    d.url = data["url"];
    d.arxiv = data["arxiv"];
    d.paper = data["paper"];
    d.note = data["note"];
    d.tags = SplitList(data["tags"]);
    d.aliases = SplitList(data["aliases"]);
    d.people = SplitList(data["people"]);
    d.zh_name = data["zh_name"];
    d.zh_aliases = SplitList(data["zh_aliases"]);
    d.zh_summary = data["zh_summary"];
    if (auto layer = model::ParseLayer(data["layer"])) d.layer = *layer;
    d.where = {path, node.line, 0};
    ++report->data_lines;
    if (!index.emplace(w.id, spec.works.size()).second) continue;
    spec.works.push_back(std::move(w));
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (AttributedGraph::Edge& edge : g.edges) {
    if (!index.count(edge.source) || !index.count(edge.target)) {
      return base::Status::InvalidData(
          "the graph cannot be imported",
          {{{path, 0, 0},
            fmt::format("edge {} -> {} names a node that is not in the graph",
                        edge.source, edge.target),
            "declare every node"}});
    }
    auto& data = edge.data;
    model::LinkSpec l;
    l.relation = model::Relation::kCites;
    if (auto rel = model::ParseRelation(data["relation"])) l.relation = *rel;
    l.parent = g.forward ? edge.source : edge.target;
    l.child = g.forward ? edge.target : edge.source;
    l.details.evidence = data["evidence"];
    l.details.citation = data["citation"];
    l.details.zh_evidence = data["zh_evidence"];
    if (auto layer = model::ParseLayer(data["layer"])) l.details.layer = *layer;
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
      report->examples.try_emplace(
          "duplicate edges", fmt::format("{}: {} -> {} more than once", path,
                                         edge.source, edge.target));
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
