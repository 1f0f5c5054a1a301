#include "io/attributed.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "base/text.h"
#include "io/dates.h"

namespace lineage::io {
namespace {

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> out;
  for (std::string_view item : base::SplitJoined(text, "; "))
    out.emplace_back(item);
  return out;
}

// How the edges' relations are read: which attribute holds them, and which
// of their names count as influence.
class RelationReader {
 public:
  // Fails with kInvalidArgument when --relation-attr names an attribute no
  // edge has, when --influence names a relation no edge has, or when the
  // named attribute has too many values to be relations.
  static base::Result<RelationReader> Make(const AttributedGraph& g,
                                           const ImportOptions& options,
                                           const std::string& path,
                                           ImportReport* report) {
    RelationReader r;
    // The attribute: as asked, else the first of relation, label and type
    // that some edge has.
    std::string attr = options.relation_attr;
    const bool asked = !attr.empty();
    if (attr == "none") return r;
    auto has = [&](const std::string& name) {
      return std::any_of(g.edges.begin(), g.edges.end(), [&](const auto& e) {
        auto it = e.data.find(name);
        return it != e.data.end() && !it->second.empty();
      });
    };
    if (asked && !has(attr)) {
      std::set<std::string> present;
      for (const AttributedGraph::Edge& e : g.edges)
        for (const auto& [name, value] : e.data)
          if (!value.empty()) present.insert(name);
      return base::Status::InvalidArgument(fmt::format(
          "[[relation_attr]] {}: no edge of {} has an attribute '{}'; its "
          "edges have {}",
          attr, path, attr,
          present.empty()
              ? std::string("none: give 'none'")
              : fmt::format("{} (or give 'none')", fmt::join(present, ", "))));
    }
    if (!asked) {
      for (const char* name : {"relation", "label", "type"}) {
        if (has(name)) {
          attr = name;
          break;
        }
      }
      if (attr.empty()) return r;
    }
    // The names, each once, by key, in the order met; empty cells are cites.
    // lineage's exports say of each link whether it is influence.
    // Each distinct value is normalised once: a big file repeats a few.
    // A value without a letter or digit ("—") names nothing: it is cites.
    std::vector<std::string> names, names_keys;
    std::set<std::string> keys;
    std::map<std::string, bool> declared;
    std::unordered_map<std::string, std::string> key_of;
    for (const AttributedGraph::Edge& e : g.edges) {
      auto it = e.data.find(attr);
      const std::string& name =
          it == e.data.end() || it->second.empty() ? kCites : it->second;
      auto [known, fresh] = key_of.try_emplace(name);
      if (fresh) known->second = base::NormalizeKey(name);
      const bool blank = known->second.empty();
      if (blank) known->second = base::NormalizeKey(kCites);
      const std::string& key = known->second;
      if (keys.insert(key).second) {
        names.push_back(blank ? kCites : name);
        names_keys.push_back(key);
      }
      auto flag = e.data.find("influence");
      if (flag != e.data.end() &&
          (flag->second == "true" || flag->second == "false"))
        declared.try_emplace(key, flag->second == "true");
    }
    // --influence: every name it lists must be one of the file's.
    std::set<std::string> influence;
    for (const std::string& name : options.influence) {
      const std::string key = base::NormalizeKey(name);
      if (!keys.count(key)) {
        return base::Status::InvalidArgument(fmt::format(
            "[[influence]] {}: no edge of {} has the relation '{}'; the "
            "relations in its edges' '{}' are: {}",
            name, path, name, attr, fmt::join(names, ", ")));
      }
      influence.insert(key);
    }
    std::map<std::string, model::Relation> by_key;
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string &name = names[i], &key = names_keys[i];
      bool is_influence = true;
      if (!options.influence.empty()) {
        is_influence = influence.count(key) > 0;
      } else if (auto it = declared.find(key); it != declared.end()) {
        // As the export that wrote the file said.
        is_influence = it->second;
      } else if (auto known = model::RelationVocabulary().Find(name)) {
        // lineage's own names keep their standing; every other name is
        // influence.
        is_influence = model::IsInfluence(*known);
      }
      auto id = r.vocabulary_.Define(name, is_influence);
      if (!id.ok()) {
        if (asked) {
          return base::Status::InvalidArgument(fmt::format(
              "[[relation_attr]] {}: {} has {} different values of '{}', too "
              "many to be kinds of link ({}); name another attribute, or "
              "'none'",
              attr, path, names.size(), attr, id.status().message()));
        }
        // Guessed, not asked for: the attribute is data (a free-text label),
        // not a relation. Every link is a citation, and the report says so.
        report->relation_attr_skipped = fmt::format(
            "the edges' '{}' has {} different values, too many to be kinds "
            "of link: every link is read as cites (name the attribute that "
            "holds them with [[relation_attr]])",
            attr, names.size());
        return RelationReader();
      }
      by_key.emplace(key, *id);
    }
    for (const auto& [raw, key] : key_of) r.of_.emplace(raw, by_key.at(key));
    r.attr_ = std::move(attr);
    report->relation_attr = r.attr_;
    return r;
  }

  // The relation of an edge (of the graph Make read). O(1) expected.
  model::Relation Of(const AttributedGraph::Edge& e) const {
    if (attr_.empty()) return model::Relation::kCites;
    auto it = e.data.find(attr_);
    return of_.at(it == e.data.end() || it->second.empty() ? kCites
                                                           : it->second);
  }
  model::RelationVocabulary vocabulary() const { return vocabulary_; }

 private:
  // What an edge without a value is.
  static inline const std::string kCites = "cites";
  std::string attr_;
  model::RelationVocabulary vocabulary_;
  std::unordered_map<std::string, model::Relation> of_;  // By value as met.
};

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
                                           const ImportOptions& options,
                                           ImportReport* report) {
  auto relations = RelationReader::Make(g, options, path, report);
  if (!relations.ok()) return relations.status();
  model::GraphSpec spec;
  spec.relations = relations->vocabulary();
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
    l.relation = relations->Of(edge);
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
    const std::string key_rel =
        std::to_string(static_cast<unsigned>(l.relation));
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
