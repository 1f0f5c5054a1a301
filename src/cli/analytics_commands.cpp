// The analytics commands: rank, main-path, explain, necessary, impact. Each
// parses its options, calls analysis, and prints.
#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/session.h"

namespace lineage::cli {
namespace {

using model::Graph;
using model::VertexId;
using nlohmann::json;

std::string FormatScore(analysis::Metric metric, double score) {
  switch (metric) {
    case analysis::Metric::kPageRank:
    case analysis::Metric::kBetweenness:
    case analysis::Metric::kSpc:
      return fmt::format("{:.6g}", score);
    default:
      return fmt::format("{:.0f}", score);
  }
}

json BriefList(const engine::Engine& e, const std::vector<VertexId>& works) {
  json list = json::array();
  for (VertexId v : works) list.push_back(e.Describe(v));
  return list;
}

// --- rank -------------------------------------------------------------------

struct RankOptions {
  std::string by = "pagerank";
  std::size_t top = 10;
  std::vector<std::string> kinds, eras;
  std::vector<std::string> relations;
  bool json = false;
};

}  // namespace

Runner SetupRank(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<RankOptions>();
  std::vector<std::string> names;
  std::string help =
      "Metrics (on the influence lineage; parallel links "
      "between two works count once):\n";
  for (const analysis::MetricInfo& m : analysis::AllMetrics()) {
    names.emplace_back(m.name);
    help += fmt::format("  {:<12} {}\n", m.name, m.meaning);
  }
  sub->add_option("-b,--by", o->by, "The metric (see below)")
      ->check(CLI::IsMember(names))
      ->capture_default_str();
  sub->add_option("-n,--top", o->top, "Show this many works (0: all)")
      ->capture_default_str()
      ->check(Count());
  sub->add_option("--kind", o->kinds, "Only list works of these kinds")
      ->delimiter(',');
  sub->add_option("--era", o->eras, "Only list works of these eras")
      ->delimiter(',');
  AddRelationOption(sub, &o->relations);
  sub->add_flag("--json", o->json, "Print one JSON document");
  sub->footer(help +
              "Scores are computed on the whole graph; --kind and --era only "
              "filter the list.");
  return [o, global] {
    auto q = StartSession(*global, {}, o->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    auto filter = q->engine.MakeFilter({.kinds = o->kinds, .eras = o->eras});
    if (!filter.ok()) return ReportError(filter.status());
    analysis::Metric metric = *analysis::ParseMetric(o->by);
    // Timed apart: the score is the step the benchmark reads.
    auto scores = Timed(*global, fmt::format("ranking by {}", o->by),
                        [&] { return q->engine.Scores(metric, q->relations); });
    if (!scores.ok()) return ReportError(scores.status());
    auto ranked = Timed(*global, "sorting", [&] {
      return q->engine.Rank(
          *scores,
          {.relations = q->relations, .filter = *filter, .top = o->top});
    });
    if (o->json) {
      json works = json::array();
      for (const analysis::Ranked& r : ranked) {
        json j = e.Describe(r.work);
        j["rank"] = r.rank;
        j["score"] = r.score;
        works.push_back(std::move(j));
      }
      PrintJson({{"metric", o->by},
                 {"meaning", analysis::Info(metric).meaning},
                 {"works", works}});
      return kExitOk;
    }
    std::cout << fmt::format("{}: {}\n", o->by, analysis::Info(metric).meaning);
    std::vector<std::vector<std::string>> rows{
        {"#", o->by, "date", "kind", "work"}};
    for (const analysis::Ranked& r : ranked) {
      const model::Date& date = g.date(r.work);
      rows.push_back({std::to_string(r.rank), FormatScore(metric, r.score),
                      date.known() ? date.ToString() : "-",
                      std::string(model::KindName(g.kind(r.work))),
                      fmt::format("{} [{}]", g.name(r.work), g.id(r.work))});
    }
    PrintTable(rows);
    return kExitOk;
  };
}

// --- main-path --------------------------------------------------------------

namespace {
struct MainPathOptions {
  std::size_t key_routes = 0;
  std::vector<std::string> relations;
  bool json = false;
};

}  // namespace

Runner SetupMainPath(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<MainPathOptions>();
  sub->add_option("-k,--key-routes", o->key_routes,
                  "Key-route main path from the K arcs of highest SPC "
                  "(default 0: the global main path)")
      ->check(Count());
  AddRelationOption(sub, &o->relations);
  sub->add_flag("--json", o->json, "Print one JSON document");
  sub->footer(
      "Arcs are weighted by search path count (SPC): the share of all "
      "root-to-leaf lineage paths through them.\nThe global main path is the "
      "root-to-leaf path of largest total SPC; a key-route main path joins "
      "the\nK heaviest arcs to a root and a leaf by always taking the "
      "heaviest arc (Liu & Lu 2012).");
  return [o, global] {
    auto q = StartSession(*global, {}, o->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    auto path = Timed(*global, "main path", [&] {
      return q->engine.MainPath(o->key_routes, q->relations);
    });
    if (!path.ok()) return ReportError(path.status());
    std::string method = o->key_routes > 0
                             ? fmt::format("key-route (k={})", o->key_routes)
                             : "global";
    if (o->json) {
      json arcs = json::array();
      for (std::size_t i = 0; i < path->arcs.size(); ++i) {
        auto [u, v] = path->arcs[i];
        json links = json::array();
        for (model::EdgeId link : e.LinksBetween(u, v, q->relations))
          links.push_back(e.DescribeLink(link));
        arcs.push_back({{"from", g.id(u)},
                        {"to", g.id(v)},
                        {"spc", path->arc_spc[i]},
                        {"links", links}});
      }
      PrintJson({{"method", o->key_routes > 0 ? "key-route" : "global"},
                 {"key_routes", o->key_routes},
                 {"works", BriefList(e, path->works)},
                 {"arcs", arcs}});
      return kExitOk;
    }
    std::cout << fmt::format("{} main path: {} works, {} arcs\n", method,
                             path->works.size(), path->arcs.size());
    std::vector<std::vector<std::string>> rows{{"spc", "from", "", "to"}};
    for (std::size_t i = 0; i < path->arcs.size(); ++i) {
      auto [u, v] = path->arcs[i];
      std::string rels;
      for (model::EdgeId e : q->engine.LinksBetween(u, v, q->relations))
        rels += (rels.empty() ? "" : ",") +
                std::string(g.relation_name(g.relation(e)));
      rows.push_back({fmt::format("{:.4f}", path->arc_spc[i]), Label(g, u),
                      "-> " + rels + " ->", Label(g, v)});
    }
    PrintTable(rows);
    return kExitOk;
  };
}

// --- explain ----------------------------------------------------------------

namespace {
struct ExplainOptions {
  std::string from, to;
  std::size_t max_paths = 10;
  std::vector<std::string> relations;
  bool json = false;
};
}  // namespace

Runner SetupExplain(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<ExplainOptions>();
  sub->add_option("from", o->from, "The older work")->required();
  sub->add_option("to", o->to, "The newer work")->required();
  sub->add_option("--max-paths", o->max_paths, "Show at most this many paths")
      ->check(Count())
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddRelationOption(sub, &o->relations);
  sub->add_flag("--json", o->json, "Print one JSON document");
  return [o, global] {
    auto q = StartSession(*global, {o->from, o->to}, o->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const VertexId from = q->works[0], to = q->works[1];
    // When there is no path, it says how the two are related instead.
    engine::Explanation x = Timed(*global, "explain", [&] {
      return q->engine.Explain(
          from, to, {.relations = q->relations, .max_paths = o->max_paths});
    });
    const analysis::PathSet& found = x.found;
    const bool reversed = x.reversed;
    const std::vector<VertexId>& shared = x.lowest_common;
    if (o->json) {
      json paths = json::array();
      for (const analysis::Path& p : found.paths)
        paths.push_back(PathJson(e, p));
      PrintJson({{"from", e.Describe(from)},
                 {"to", e.Describe(to)},
                 {"paths", paths},
                 {"truncated", found.truncated},
                 {"reversed", reversed},
                 {"lowest_common_ancestors", BriefList(e, shared)}});
      return kExitOk;
    }
    if (found.paths.empty()) {
      std::cout << fmt::format("{} did not lead to {}.\n", g.name(from),
                               g.name(to));
      if (reversed) {
        std::cout << fmt::format(
            "It is the other way round: try `lineage "
            "explain {} {}`.\n",
            g.id(to), g.id(from));
      } else if (!shared.empty()) {
        std::string names;
        for (VertexId v : shared)
          names += fmt::format("{}{}", names.empty() ? "" : ", ", g.name(v));
        std::cout << fmt::format("Both descend from {}.\n", names);
      }
      return kExitOk;
    }
    std::cout << fmt::format("How {} led to {}: {} path{}{}, shortest first\n",
                             g.name(from), g.name(to), found.paths.size(),
                             found.paths.size() == 1 ? "" : "s",
                             found.truncated ? " (more exist)" : "");
    for (std::size_t i = 0; i < found.paths.size(); ++i) {
      std::cout << fmt::format("\n{}. {} link{}\n", i + 1,
                               found.paths[i].length(),
                               found.paths[i].length() == 1 ? "" : "s");
      PrintPath(g, found.paths[i]);
    }
    return kExitOk;
  };
}

// --- necessary / impact
// -------------------------------------------------------

namespace {
struct DominatorOptions {
  std::string work;
  std::vector<std::string> relations;
  bool json = false;
};

Runner SetupDominators(CLI::App* sub, const GlobalOptions* global,
                       bool necessary) {
  auto o = std::make_shared<DominatorOptions>();
  sub->add_option("work", o->work, "The work")->required();
  AddRelationOption(sub, &o->relations);
  sub->add_flag("--json", o->json, "Print one JSON document");
  sub->footer(
      "Roots are the works that draw on nothing; a virtual root precedes them "
      "all, and the answer\ncomes from its dominator tree (Cooper, Harvey & "
      "Kennedy's algorithm).");
  return [o, global, necessary] {
    auto q = StartSession(*global, {o->work}, o->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const VertexId v = q->works[0];
    std::vector<VertexId> works =
        Timed(*global, necessary ? "necessary" : "impact", [&] {
          return necessary ? q->engine.Necessary(v, q->relations)
                           : q->engine.Impact(v, q->relations);
        });
    const char* key = necessary ? "necessary" : "impact";
    if (o->json) {
      PrintJson({{"work", e.Describe(v)}, {key, BriefList(e, works)}});
      return kExitOk;
    }
    if (necessary) {
      std::cout << (works.empty()
                        ? fmt::format("No single work lies on every path from "
                                      "the roots to {}.\n",
                                      Label(g, v))
                        : fmt::format("Every path from the roots to {} passes "
                                      "through (nearest first):\n",
                                      Label(g, v)));
    } else {
      std::cout << (works.empty()
                        ? fmt::format("Without {}, every work keeps a path to "
                                      "the roots.\n",
                                      Label(g, v))
                        : fmt::format("Without {}, these {} works lose every "
                                      "path to the roots:\n",
                                      Label(g, v), works.size()));
    }
    for (VertexId w : works) std::cout << "  " << Label(g, w) << '\n';
    return kExitOk;
  };
}
}  // namespace

Runner SetupNecessary(CLI::App* sub, const GlobalOptions* global) {
  return SetupDominators(sub, global, true);
}
Runner SetupImpact(CLI::App* sub, const GlobalOptions* global) {
  return SetupDominators(sub, global, false);
}

}  // namespace lineage::cli
