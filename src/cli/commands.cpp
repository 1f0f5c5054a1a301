#include "cli/commands.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/app.h"
#include "cli/output.h"
#include "cli/session.h"

namespace lineage::cli {
namespace {

using model::Graph;
using model::VertexId;
using nlohmann::json;

json LinkWithWork(const engine::Engine& e, model::EdgeId link, VertexId other) {
  json j = e.DescribeLink(link);
  j["work"] = e.Describe(other);
  return j;
}

// --- show -------------------------------------------------------------------

struct ShowOptions {
  std::vector<std::string> works;
  bool json = false;
};

void PrintWork(const engine::Engine& e, VertexId v) {
  const Graph& g = e.graph();
  const Words& words = WordsFor(e.language());
  const model::WorkDetails& w = g.details(v);
  const model::Era* era = g.FindEra(w.era);
  std::vector<std::vector<std::string>> rows;
  auto row = [&rows](std::string key, std::string value) {
    if (!value.empty()) rows.push_back({std::move(key), std::move(value)});
  };
  auto join = [](const std::vector<std::string>& items) {
    return fmt::format("{}", fmt::join(items, ", "));
  };
  row(words.id, std::string(g.id(v)));
  row(words.kind, std::string(model::KindName(g.kind(v))));
  row(words.date, g.date(v).ToString());
  row(words.era, era ? era->name : w.era);
  row(words.aliases, join(w.aliases));
  json full = e.Describe(v, true);
  if (full.contains("organizations"))
    row(words.organizations, join(full["organizations"]));
  row(words.people, join(w.people));
  row(words.paper, w.paper);
  row(words.arxiv, w.arxiv.empty() ? "" : "https://arxiv.org/abs/" + w.arxiv);
  row(words.url, w.url);
  row(words.tags, join(w.tags));
  row(words.summary, w.summary);
  for (std::size_t c = 0; c < g.attributes().size(); ++c)
    row(g.attributes()[c].name, std::string(g.attribute(c, v)));
  std::cout << g.name(v) << '\n';
  PrintTable(rows);
  auto print_links = [&](const char* title, bool parents) {
    std::vector<std::vector<std::string>> lines;
    for (const model::Neighbor& n : parents ? g.InLinks(v) : g.OutLinks(v)) {
      lines.push_back({std::string(g.relation_name(n.relation)),
                       Label(g, n.other), g.link_details(n.link).evidence});
    }
    if (lines.empty()) return;
    std::cout << title << '\n';
    PrintTable(lines);
  };
  print_links(words.links_older, true);
  print_links(words.links_newer, false);
}

Runner SetupShow(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<ShowOptions>();
  sub->add_option("works", opts->works,
                  "Works to describe; with none, lists every work");
  sub->add_flag("--json", opts->json, "Print one JSON document");
  return [opts, global] {
    auto q = StartSession(*global, opts->works, {});
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const std::vector<VertexId>& chosen = q->works;
    if (chosen.empty()) {
      std::vector<VertexId> all(g.num_works());
      for (VertexId v = 0; v < all.size(); ++v) all[v] = v;
      e.SortByDate(&all);
      if (opts->json) {
        json works = json::array();
        for (VertexId v : all) works.push_back(e.Describe(v));
        PrintJson({{"works", works}});
        return kExitOk;
      }
      std::vector<std::vector<std::string>> rows{
          {"date", "kind", "id", "name"}};
      for (VertexId v : all) {
        rows.push_back({g.date(v).known() ? g.date(v).ToString() : "-",
                        std::string(model::KindName(g.kind(v))),
                        std::string(g.id(v)), std::string(g.name(v))});
      }
      PrintTable(rows, "");
      return kExitOk;
    }
    if (opts->json) {
      json works = json::array();
      for (VertexId v : chosen) {
        json parents = json::array(), children = json::array();
        for (const model::Neighbor& n : g.InLinks(v))
          parents.push_back(LinkWithWork(e, n.link, n.other));
        for (const model::Neighbor& n : g.OutLinks(v))
          children.push_back(LinkWithWork(e, n.link, n.other));
        works.push_back({{"work", e.Describe(v, true)},
                         {"parents", parents},
                         {"children", children}});
      }
      PrintJson(chosen.size() == 1 ? works[0] : json{{"works", works}});
      return kExitOk;
    }
    for (std::size_t i = 0; i < chosen.size(); ++i) {
      if (i > 0) std::cout << '\n';
      PrintWork(e, chosen[i]);
    }
    return kExitOk;
  };
}

// --- ancestors / descendants -------------------------------------------------

struct ReachOptions {
  std::string work;
  int depth = -1;
  std::vector<std::string> relations;
  bool json = false;
};

Runner SetupReach(CLI::App* sub, const GlobalOptions* global,
                  analysis::Direction direction) {
  auto opts = std::make_shared<ReachOptions>();
  sub->add_option("work", opts->work, "The work (id, name or alias)")
      ->required();
  sub->add_option("-d,--depth", opts->depth,
                  "Go at most this many links away (default: no limit)")
      ->check(CLI::NonNegativeNumber);
  AddRelationOption(sub, &opts->relations);
  sub->add_flag("--json", opts->json, "Print one JSON document");
  return [opts, global, direction] {
    auto q = StartSession(*global, {opts->work}, opts->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const VertexId start = q->works[0];
    const bool up = direction == analysis::Direction::kAncestors;
    const char* what = up ? "ancestors" : "descendants";
    auto reached = Timed(*global, what, [&] {
      return q->engine.Reach(
          start, direction,
          {.max_depth = opts->depth, .relations = q->relations});
    });
    if (opts->json) {
      json list = json::array();
      for (const analysis::Reached& r : reached) {
        json j = e.Describe(r.work);
        j["distance"] = r.distance;
        j["via"] = g.id(r.via);
        list.push_back(std::move(j));
      }
      PrintJson({{"work", e.Describe(start)}, {what, list}});
      return kExitOk;
    }
    const Words& words = WordsFor(e.language());
    std::cout << fmt::format(fmt::runtime(up ? words.ancestors_of
                                             : words.descendants_of),
                             Label(g, start), reached.size(),
                             reached.size() == 1 ? "" : "s")
              << '\n';
    if (reached.empty()) return kExitOk;
    std::vector<std::vector<std::string>> rows{
        {words.dist, words.date, words.kind, words.work,
         up ? words.led_to : words.came_through}};
    for (const analysis::Reached& r : reached) {
      const model::Date& date = g.date(r.work);
      rows.push_back({std::to_string(r.distance),
                      date.known() ? date.ToString() : "-",
                      std::string(model::KindName(g.kind(r.work))),
                      fmt::format("{} [{}]", g.name(r.work), g.id(r.work)),
                      std::string(g.name(r.via))});
    }
    PrintTable(rows);
    return kExitOk;
  };
}

Runner SetupAncestors(CLI::App* sub, const GlobalOptions* global) {
  return SetupReach(sub, global, analysis::Direction::kAncestors);
}
Runner SetupDescendants(CLI::App* sub, const GlobalOptions* global) {
  return SetupReach(sub, global, analysis::Direction::kDescendants);
}

// --- path ------------------------------------------------------------------

struct PathOptions {
  std::string from, to;
  bool all = false;
  std::size_t max_paths = 100;
  std::size_t max_length = 0;
  std::vector<std::string> relations;
  bool json = false;
};

Runner SetupPath(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<PathOptions>();
  sub->add_option("from", opts->from, "The older work")->required();
  sub->add_option("to", opts->to, "The newer work")->required();
  sub->add_flag("-a,--all", opts->all,
                "Every simple path, shortest first, instead of one shortest");
  sub->add_option("--max-paths", opts->max_paths,
                  "With --all: stop after this many paths")
      ->check(Count())
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  sub->add_option("--max-length", opts->max_length,
                  "With --all: ignore paths of more links (0: no limit)")
      ->capture_default_str()
      ->check(Count());
  AddRelationOption(sub, &opts->relations);
  sub->add_flag("--json", opts->json, "Print one JSON document");
  return [opts, global] {
    auto q = StartSession(*global, {opts->from, opts->to}, opts->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const VertexId from = q->works[0], to = q->works[1];
    analysis::PathSet found;
    if (opts->all) {
      found = Timed(*global, "all paths", [&] {
        return q->engine.AllPaths(from, to,
                                  {.relations = q->relations,
                                   .max_paths = opts->max_paths,
                                   .max_length = opts->max_length});
      });
    } else if (auto p = Timed(*global, "shortest path", [&] {
                 return q->engine.ShortestPath(from, to, q->relations);
               })) {
      found.paths.push_back(std::move(*p));
    }
    if (opts->json) {
      json paths = json::array();
      for (const analysis::Path& p : found.paths)
        paths.push_back(PathJson(e, p));
      PrintJson({{"from", e.Describe(from)},
                 {"to", e.Describe(to)},
                 {"paths", paths},
                 {"truncated", found.truncated}});
      return kExitOk;
    }
    if (found.paths.empty()) {
      std::cout << fmt::format("no path from {} to {}", Label(g, from),
                               Label(g, to));
      if (q->engine.ShortestPath(to, from, q->relations))
        std::cout << fmt::format("; {} came first: try `lineage path {} {}`",
                                 g.name(to), g.id(to), g.id(from));
      std::cout << '\n';
      return kExitOk;
    }
    for (std::size_t i = 0; i < found.paths.size(); ++i) {
      const analysis::Path& p = found.paths[i];
      std::cout << fmt::format(fmt::runtime(WordsFor(e.language()).path_of),
                               i + 1, found.paths.size(),
                               found.truncated ? "+" : "", p.length(),
                               p.length() == 1 ? "" : "s")
                << '\n';
      PrintPath(g, p);
    }
    if (found.truncated) {
      spdlog::warn(
          "stopped at a limit; more paths may exist (raise "
          "--max-paths or --max-length)");
    }
    return kExitOk;
  };
}

// --- common -----------------------------------------------------------------

struct CommonOptions {
  std::string a, b;
  std::vector<std::string> relations;
  bool json = false;
};

Runner SetupCommon(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<CommonOptions>();
  sub->add_option("a", opts->a, "First work")->required();
  sub->add_option("b", opts->b, "Second work")->required();
  AddRelationOption(sub, &opts->relations);
  sub->add_flag("--json", opts->json, "Print one JSON document");
  return [opts, global] {
    auto q = StartSession(*global, {opts->a, opts->b}, opts->relations);
    if (!q.ok()) return ReportError(q.status());
    const Graph& g = q->graph();
    const engine::Engine& e = q->engine;
    const VertexId a = q->works[0], b = q->works[1];
    auto common = q->engine.Common(a, b, {.relations = q->relations});
    if (opts->json) {
      json list = json::array();
      for (const analysis::CommonAncestor& c : common) {
        json j = e.Describe(c.work);
        j["distance_a"] = c.distance_a;
        j["distance_b"] = c.distance_b;
        j["lowest"] = c.lowest;
        if (c.lowest) {
          // How each lowest common ancestor leads down to A and to B.
          j["path_to_a"] =
              PathJson(e, *q->engine.ShortestPath(c.work, a, q->relations));
          j["path_to_b"] =
              PathJson(e, *q->engine.ShortestPath(c.work, b, q->relations));
        }
        list.push_back(std::move(j));
      }
      PrintJson({{"a", e.Describe(a)}, {"b", e.Describe(b)}, {"common", list}});
      return kExitOk;
    }
    const Words& words = WordsFor(e.language());
    std::cout << fmt::format(fmt::runtime(words.common_of), Label(g, a),
                             Label(g, b), common.size())
              << '\n';
    if (common.empty()) return kExitOk;
    std::vector<std::vector<std::string>> rows{
        {"", words.work, fmt::format(fmt::runtime(words.links_to), g.id(a)),
         fmt::format(fmt::runtime(words.links_to), g.id(b))}};
    for (const analysis::CommonAncestor& c : common) {
      rows.push_back({c.lowest ? words.lowest : "", Label(g, c.work),
                      std::to_string(c.distance_a),
                      std::to_string(c.distance_b)});
    }
    PrintTable(rows);
    for (const analysis::CommonAncestor& c : common) {
      if (!c.lowest) continue;
      for (VertexId end : {a, b}) {
        std::cout << fmt::format("\nfrom {} to {}:\n", g.name(c.work),
                                 g.name(end));
        PrintPath(g, *q->engine.ShortestPath(c.work, end, q->relations));
      }
    }
    return kExitOk;
  };
}

// --- stats ------------------------------------------------------------------

struct JsonFlag {
  bool json = false;
};

json IdList(const engine::Engine& e, const std::vector<VertexId>& vs) {
  json list = json::array();
  for (VertexId v : vs) list.push_back(e.Describe(v));
  return list;
}

// The names of `vs`, the first kShown of them when there are more (an
// import has thousands of leaves), with how many were left out.
std::string Names(const Graph& g, const std::vector<VertexId>& vs) {
  constexpr std::size_t kShown = 12;
  std::string out;
  for (std::size_t i = 0; i < vs.size() && i < kShown; ++i)
    out += fmt::format("{}{}", i == 0 ? "" : ", ", g.name(vs[i]));
  if (vs.size() > kShown)
    out += fmt::format(" and {} more ({} in all; --json lists every one)",
                       vs.size() - kShown, vs.size());
  return out;
}

Runner SetupStats(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<JsonFlag>();
  sub->add_flag("--json", opts->json, "Print one JSON document");
  return [opts, global] {
    auto opened = OpenEngine(*global);
    if (!opened.ok()) return ReportError(opened.status());
    const Graph& g = opened->graph();
    const engine::Engine& e = *opened;
    const analysis::Stats s = opened->Stats();
    json cycles = json::array();
    std::vector<std::string> cycle_texts;
    for (const model::Cycle& c : s.example_cycles) {
      cycle_texts.push_back(model::CycleText(g, c));
      cycles.push_back(cycle_texts.back());
    }
    if (opts->json) {
      json kinds = json::object(), rels = json::object(), eras = json::object();
      for (const auto& [k, n] : s.by_kind)
        kinds[std::string(model::KindName(k))] = n;
      for (const auto& [r, n] : s.by_relation)
        rels[std::string(g.relation_name(r))] = n;
      for (const auto& [e, n] : s.by_era) eras[e] = n;
      PrintJson(
          {{"works", s.works},
           {"links", s.links},
           {"influence_links", s.influence_links},
           {"by_kind", kinds},
           {"by_relation", rels},
           {"by_era", eras},
           {"roots", IdList(e, s.roots)},
           {"leaves", IdList(e, s.leaves)},
           {"outside_lineage", IdList(e, s.outside_lineage)},
           {"cycles",
            {{"components", s.cycles.cyclic},
             {"works_in_cycles", s.cycles.in_cycles},
             {"largest", s.cycles.largest},
             {"examples", cycles}}},
           {"longest_chain",
            s.acyclic() ? PathJson(e, s.longest_chain) : json(nullptr)},
           {"generations", s.acyclic() ? json(s.generations) : json(nullptr)}});
      return kExitOk;
    }
    std::vector<std::vector<std::string>> rows;
    std::string kinds, rels;
    for (const auto& [k, n] : s.by_kind)
      kinds += fmt::format("{}{} {}", kinds.empty() ? "" : ", ", n,
                           model::KindName(k));
    for (const auto& [r, n] : s.by_relation)
      rels += fmt::format("{}{} {}", rels.empty() ? "" : ", ", n,
                          g.relation_name(r));
    rows.push_back({"works", fmt::format("{} ({})", s.works, kinds)});
    rows.push_back({"links", fmt::format("{}, {} of them influence ({})",
                                         s.links, s.influence_links, rels)});
    for (const auto& [era_id, n] : s.by_era) {
      const model::Era* era = g.FindEra(era_id);
      rows.push_back(
          {"era", fmt::format("{} ({}-{}): {} works", era->name, era->from_year,
                              era->to_year == 0 ? std::string("today")
                                                : std::to_string(era->to_year),
                              n)});
    }
    rows.push_back({"roots", Names(g, s.roots)});
    rows.push_back({"leaves", Names(g, s.leaves)});
    rows.push_back({"outside lineage", Names(g, s.outside_lineage)});
    if (!s.acyclic()) {
      rows.push_back(
          {"cycles",
           fmt::format("{} (largest {} works, {} works in all), e.g. {}; the "
                       "longest chain and generations need a DAG: merge the "
                       "cycles with {}",
                       s.cycles.cyclic, s.cycles.largest, s.cycles.in_cycles,
                       fmt::join(cycle_texts, "; "), SpellFlag("condense"))});
      PrintTable(rows, "");
      return kExitOk;
    }
    std::string chain;
    for (VertexId v : s.longest_chain.works)
      chain += fmt::format("{}{}", chain.empty() ? "" : " -> ", g.name(v));
    rows.push_back(
        {"longest chain",
         fmt::format("{} links: {}", s.longest_chain.length(), chain)});
    std::string generations;
    for (std::size_t i = 0; i < s.generations.size(); ++i) {
      generations +=
          fmt::format("{}{}: {}", i == 0 ? "" : ", ", i, s.generations[i]);
    }
    rows.push_back({"generations", generations + " works"});
    PrintTable(rows, "");
    return kExitOk;
  };
}

// --- validate ---------------------------------------------------------------

json FindingsJson(const std::vector<engine::Finding>& findings) {
  json list = json::array();
  for (const engine::Finding& f : findings) {
    json j = {{"kind", f.kind},
              {"count", f.count},
              {"what", base::SpellOptions(f.what, SpellFlag)}};
    if (!f.example.empty()) j["example"] = f.example;
    list.push_back(std::move(j));
  }
  return list;
}

void PrintFindings(const std::vector<engine::Finding>& findings) {
  for (const engine::Finding& f : findings) {
    std::cout << fmt::format("  {} {}\n", f.count,
                             base::SpellOptions(f.what, SpellFlag));
    if (!f.example.empty()) std::cout << "      e.g. " << f.example << '\n';
  }
  if (findings.empty()) std::cout << "  no problems found\n";
}

Runner SetupValidate(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<JsonFlag>();
  sub->add_flag("--json", opts->json, "Print one JSON document");
  sub->footer(
      "Exit code 0 when the data loads (an imported table's problems, such "
      "as cycles,\nself-loops or links back in time, are listed), 1 when it "
      "does not (each problem\nwith its file, line and fix), 2 when --data "
      "does not exist.");
  return [opts, global] {
    auto opened = OpenEngine(*global);
    const base::Status status = base::SpellOptions(opened.status(), SpellFlag);
    if (!opened.ok() && status.code() != base::Status::Code::kInvalidData)
      return ReportError(status);
    std::vector<engine::Finding> findings;
    if (opened.ok()) findings = opened->Findings();
    if (opts->json) {
      json errors = json::array();
      for (const base::Diagnostic& d : status.diagnostics()) {
        errors.push_back({{"file", d.where.file},
                          {"line", d.where.line},
                          {"column", d.where.column},
                          {"message", d.message},
                          {"fix", d.fix}});
      }
      json doc = {{"ok", opened.ok()},
                  {"data", global->data},
                  {"errors", errors},
                  {"problems", opened.ok() ? 0 : status.problems()},
                  {"findings", FindingsJson(findings)}};
      if (opened.ok()) {
        doc["works"] = opened->graph().num_works();
        doc["links"] = opened->graph().num_links();
        doc["eras"] = opened->graph().eras().size();
      } else if (errors.empty()) {
        doc["errors"].push_back({{"message", status.message()}});
      }
      PrintJson(doc);
      return opened.ok() ? kExitOk : kExitFailure;
    }
    if (!opened.ok()) return ReportError(status);
    const Graph& g = opened->graph();
    if (opened->report().imported) {
      std::cout << fmt::format("imported {}: {} works, {} links\n",
                               global->data, g.num_works(), g.num_links());
      PrintFindings(findings);
      return kExitOk;
    }
    std::cout << fmt::format("ok: {}: {} works, {} links, {} eras\n",
                             global->data, g.num_works(), g.num_links(),
                             g.eras().size());
    return kExitOk;
  };
}

// --- export -----------------------------------------------------------------

struct ExportOptions {
  std::string format;
  std::string output;
};

Runner SetupExport(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<ExportOptions>();
  sub->add_option("-f,--format", opts->format,
                  "graphml or json (networkx node-link); default: from the "
                  "extension of -o, else graphml")
      ->check(CLI::IsMember({"graphml", "json"}));
  sub->add_option("-o,--output", opts->output,
                  "Write here (atomically) instead of to stdout");
  return [opts, global] {
    std::string format = opts->format;
    if (format.empty()) {
      std::string ext = std::filesystem::path(opts->output).extension();
      format = ext == ".json" ? "json" : "graphml";
    }
    auto opened = OpenEngine(*global);
    if (!opened.ok()) return ReportError(opened.status());
    std::string text =
        opened->Export(format == "json" ? engine::ExportFormat::kJson
                                        : engine::ExportFormat::kGraphml);
    if (opts->output.empty() || opts->output == "-") {
      std::cout << text;
      return kExitOk;
    }
    if (base::Status s = opened->CheckOutput(opts->output); !s.ok())
      return ReportError(s);
    if (base::Status s = engine::Engine::WriteFile(opts->output, text); !s.ok())
      return ReportError(s);
    spdlog::info("wrote {} ({} works, {} links) to {}", format,
                 opened->graph().num_works(), opened->graph().num_links(),
                 opts->output);
    return kExitOk;
  };
}

// --- import -----------------------------------------------------------------

struct ImportCommandOptions {
  std::vector<std::string> files;
  std::string output;
  bool json = false;
};

Runner SetupImport(CLI::App* sub, const GlobalOptions* global) {
  auto opts = std::make_shared<ImportCommandOptions>();
  sub->add_option("files", opts->files,
                  "Tables (several are read as parts of one), OpenAlex or "
                  "Semantic Scholar JSON Lines files (plain or gzip; several "
                  "are one dump), or one GraphML, GML, JSON, YAML, DOT or "
                  "gnuclad file; read with the global import options "
                  "(--format, --edges, --sep, --nodes...); default: --data");
  sub->add_option("-o,--output", opts->output,
                  "The graph file to write (atomically), e.g. arxiv.lgraph; "
                  "every command then reads it with --data")
      ->required();
  sub->add_flag("--json", opts->json, "Print one JSON document");
  sub->footer(
      "Reading an .lgraph file skips parsing, interning and sorting: a graph "
      "of ten\nmillion links loads in a fraction of the time its table takes.");
  return [opts, global] {
    if (opts->files.empty() && !global->data_given) {
      spdlog::error(
          "import: no files to import; name them (`lineage import edges.tsv "
          "-o graph.lgraph`) or give --data");
      return kExitUsage;
    }
    auto opened = OpenEngine(*global, opts->files);
    if (!opened.ok()) return ReportError(opened.status());
    const Graph& g = opened->graph();
    const engine::Engine& e = *opened;
    const double read_s = opened->report().load_ms / 1000;
    if (base::Status s = e.CheckOutput(opts->output); !s.ok())
      return ReportError(s);
    if (base::Status s = e.Save(opts->output); !s.ok()) return ReportError(s);
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(opts->output, ec);
    const std::vector<engine::Finding> findings = opened->Findings();
    if (opts->json) {
      PrintJson({{"output", opts->output},
                 {"works", g.num_works()},
                 {"links", g.num_links()},
                 {"bytes", bytes},
                 {"read_seconds", read_s},
                 {"findings", FindingsJson(findings)}});
      return kExitOk;
    }
    std::cout << fmt::format(
        "wrote {}: {} works, {} links, {:.1f} MB (read in {:.2f} s)\n",
        opts->output, g.num_works(), g.num_links(),
        static_cast<double>(bytes) / 1e6, read_s);
    PrintFindings(findings);
    return kExitOk;
  };
}

constexpr std::array<Command, 16> kCommands{{
    {"show", "Describe works, or list them all", SetupShow},
    {"ancestors", "Works a work descends from, nearest first", SetupAncestors},
    {"descendants", "Works that descend from a work, nearest first",
     SetupDescendants},
    {"path", "How one work led to another (--all for every path)", SetupPath},
    {"common", "Common ancestors of two works, lowest first", SetupCommon},
    {"stats", "Counts, roots, leaves and the longest chain", SetupStats},
    {"validate", "Check the data; every problem with file, line and fix",
     SetupValidate},
    {"export", "Write the whole graph as GraphML or JSON", SetupExport},
    {"render", "Draw a lineage diagram (SVG, PNG, PDF or DOT) with Graphviz",
     SetupRender},
    {"rank", "The most influential works by a metric (PageRank, SPC...)",
     SetupRank},
    {"main-path", "The backbone of the lineage: its main path by SPC",
     SetupMainPath},
    {"explain", "Every path from one work to another, with the evidence",
     SetupExplain},
    {"necessary", "Works every path from the roots to a work passes through",
     SetupNecessary},
    {"impact", "Works cut off from the roots if a work is removed",
     SetupImpact},
    {"query", "Ask anything in one line: a small language over sets of works",
     SetupQuery},
    {"import", "Turn tables, GraphML or DOT into a .lgraph graph file",
     SetupImport},
}};

}  // namespace

std::span<const Command> Commands() { return kCommands; }

}  // namespace lineage::cli
