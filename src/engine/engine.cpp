#include "engine/engine.h"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "analysis/condense.h"
#include "analysis/digraph.h"
#include "analysis/dominators.h"
#include "analysis/order.h"
#include "io/atomic_file.h"
#include "io/export.h"
#include "io/graph_file.h"
#include "io/load.h"
#include "model/resolve.h"
#include "render/scene.h"

namespace lineage::engine {

using model::VertexId;

Engine::Engine(model::Graph graph) : graph_(std::move(graph)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

base::Result<Engine> Engine::Open(std::vector<std::string> sources,
                                  const OpenOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  OpenReport report;
  auto graph = io::LoadGraphs(sources, {.import = options.import,
                                        .report = &report.import,
                                        .format = options.format});
  if (!graph.ok()) return graph.status();
  report.imported =
      sources.size() != 1 ||
      io::IsImported(options.format.value_or(io::DetectFormat(sources[0])));
  report.sources = std::move(sources);
  report.nodes = options.import.nodes;
  Engine engine(std::move(graph).value());
  engine.language_ = options.language;
  // A layer, or another language, is the same data rebuilt: with the same
  // standards as the data it comes from (the layer of a curated graph is
  // curated). Bulk imports have neither layers nor a second language.
  const bool other_language = options.language != model::Language::kEnglish;
  if (engine.graph_.has_details() && (options.layer || other_language)) {
    model::GraphSpec spec =
        options.layer ? model::LayerSpec(engine.graph_, *options.layer)
                      : model::SpecOf(engine.graph_);
    if (other_language)
      engine.english_ = std::make_shared<const model::GraphSpec>(spec);
    model::Localize(&spec, options.language);
    const bool curated = !report.imported;
    auto rebuilt = model::Graph::Build(
        std::move(spec),
        {.allow_influence_cycles = !curated, .curated = curated});
    if (!rebuilt.ok()) return rebuilt.status();
    engine.graph_ = std::move(rebuilt).value();
  }
  if (options.condense) {
    if (options.import.progress)
      options.import.progress("condensing cycles", 0, 0);
    auto condensed = analysis::Condense(engine.graph_);
    if (!condensed.ok()) return condensed.status();
    report.condensed_cycles = condensed->cycles;
    report.condensed_works = condensed->merged_works;
    engine.graph_ = std::move(condensed->graph);
  }
  report.load_ms = std::chrono::duration<double, std::milli>(
                       std::chrono::steady_clock::now() - start)
                       .count();
  engine.report_ = std::move(report);
  return engine;
}

std::string Engine::Subject() const {
  if (!graph_.title().empty()) return graph_.title();
  if (report_.sources.empty()) return "the graph";
  return std::filesystem::path(report_.sources.front()).filename().string();
}

std::vector<Finding> Engine::Findings() const {
  std::vector<Finding> findings;
  if (!report_.imported) return findings;
  const io::ImportReport& r = report_.import;
  auto add = [&](const std::string& kind, std::size_t count, std::string what) {
    if (count == 0) return;
    Finding f{kind, count, std::move(what), ""};
    if (auto it = r.examples.find(kind); it != r.examples.end())
      f.example = it->second;
    findings.push_back(std::move(f));
  };
  if (!r.header_claim.empty()) {
    add("header", 1,
        fmt::format("the header claims {}; the file holds {} edge lines "
                    "(is it cut short?)",
                    r.header_claim, r.data_lines));
  }
  add("self-loops", r.self_loops, "self-loops, dropped");
  add("duplicate edges", r.duplicate_edges, "duplicate edges, dropped");
  add("conflicting node rows", r.conflicting_node_ids,
      "ids whose node rows disagree on the date; the first row is kept");
  add("node-table ids in no edge", r.unmatched_node_rows,
      "node-table ids that appear in no edge, ignored");
  add("undated works", r.undated_works, "works without a date");
  add("coarsened dates", r.coarsened_dates,
      "dates with a month or day of 00, read at the coarser precision");
  add("unreadable dates", r.unreadable_dates,
      "dates that are no date, left out (the works are kept, undated)");
  add("parents without a row", r.parents_without_row,
      r.split_name.empty()
          ? "works named (as a parent, a link's end or a reference) without "
            "a record of their own, kept as undated works with their links "
            "(in a table, if they should match a row, match names by key: "
            "[[match]] key)"
          : fmt::format("parents named in a list that have no row of their "
                        "own (kept as undated works); the list separator "
                        "splits names: '{}' is a row, yet was read as "
                        "several parents (choose the separator: "
                        "[[list_separator]])",
                        r.split_name));
  add("repeated rows", r.repeated_rows,
      "rows whose id has a row already; the first row is kept");
  add("trimmed ids", r.trimmed_ids,
      "unquoted ids with spaces around them, trimmed");
  add("ambiguous names", r.ambiguous_names,
      "parent names whose key fits several works; kept as works of their "
      "own");
  add("unknown kinds", r.unknown_kinds,
      "kind cells that name no kind of work; those works keep the default "
      "kind");
  add("relations not read", r.relation_attr_skipped.empty() ? 0 : 1,
      r.relation_attr_skipped);
  add("time-inconsistent links", r.time_inconsistent,
      "links from a work to one dated later");
  analysis::Components scc =
      analysis::StronglyConnected(analysis::Digraph::Build(graph_));
  if (scc.cyclic > 0) {
    Finding f{"cycles", scc.cyclic,
              fmt::format("strongly connected components (largest {} works, "
                          "{} works in all): not a DAG; spc, depth and "
                          "main-path refuse it (merge them: [[condense]])",
                          scc.largest, scc.in_cycles),
              ""};
    auto cycles = model::FindCycles(graph_, model::RelationSet::Influence(), 1);
    if (!cycles.empty()) f.example = model::CycleText(graph_, cycles.front());
    findings.push_back(std::move(f));
  }
  return findings;
}

base::Result<VertexId> Engine::Find(std::string_view name) const {
  return model::Resolve(graph_, name);
}

base::Result<std::vector<VertexId>> Engine::FindAll(
    const std::vector<std::string>& names) const {
  std::vector<VertexId> out;
  for (const std::string& name : names) {
    auto v = Find(name);
    if (!v.ok()) return v.status();
    out.push_back(*v);
  }
  return out;
}

base::Result<analysis::Filter> Engine::MakeFilter(
    const analysis::FilterSpec& spec) const {
  return analysis::MakeFilter(graph_, spec);
}

std::vector<analysis::Reached> Engine::Reach(
    VertexId work, analysis::Direction direction,
    const analysis::TraversalOptions& options) const {
  return analysis::Reach(graph_, work, direction, options);
}

std::optional<analysis::Path> Engine::ShortestPath(
    VertexId from, VertexId to, model::RelationSet relations) const {
  return analysis::ShortestPath(graph_, from, to, relations);
}

analysis::PathSet Engine::AllPaths(VertexId from, VertexId to,
                                   const analysis::PathOptions& options) const {
  return analysis::AllPaths(graph_, from, to, options);
}

Explanation Engine::Explain(VertexId from, VertexId to,
                            const analysis::PathOptions& options) const {
  Explanation out;
  out.found = AllPaths(from, to, options);
  if (!out.found.paths.empty()) return out;
  out.reversed = ShortestPath(to, from, options.relations).has_value();
  if (!out.reversed) {
    for (const analysis::CommonAncestor& c :
         Common(from, to, {.relations = options.relations}))
      if (c.lowest) out.lowest_common.push_back(c.work);
  }
  return out;
}

std::vector<analysis::CommonAncestor> Engine::Common(
    VertexId a, VertexId b, const analysis::TraversalOptions& options) const {
  return analysis::CommonAncestors(graph_, a, b, options);
}

base::Result<std::vector<double>> Engine::Scores(
    analysis::Metric metric, model::RelationSet relations) const {
  return analysis::Score(graph_, metric, relations);
}

std::vector<analysis::Ranked> Engine::Rank(const std::vector<double>& scores,
                                           const RankOptions& options) const {
  return analysis::RankWorks(graph_, scores, options.filter, options.top);
}

base::Result<std::vector<analysis::Ranked>> Engine::Rank(
    analysis::Metric metric, const RankOptions& options) const {
  auto scores = Scores(metric, options.relations);
  if (!scores.ok()) return scores.status();
  return Rank(*scores, options);
}

base::Result<analysis::MainPath> Engine::MainPath(
    std::size_t key_routes, model::RelationSet relations) const {
  analysis::Digraph d = analysis::Digraph::Build(graph_, relations);
  return key_routes > 0 ? analysis::KeyRouteMainPath(graph_, d, key_routes)
                        : analysis::GlobalMainPath(graph_, d);
}

std::vector<model::EdgeId> Engine::LinksBetween(
    VertexId u, VertexId v, model::RelationSet relations) const {
  std::vector<model::EdgeId> out;
  for (const model::Neighbor& c : graph_.OutLinks(u, relations))
    if (c.other == v) out.push_back(c.link);
  return out;
}

std::vector<VertexId> Engine::Necessary(VertexId work,
                                        model::RelationSet relations) const {
  return analysis::Dominators::Compute(
             analysis::Digraph::Build(graph_, relations))
      .Necessary(work);
}

std::vector<VertexId> Engine::Impact(VertexId work,
                                     model::RelationSet relations) const {
  return analysis::Dominators::Compute(
             analysis::Digraph::Build(graph_, relations))
      .Impact(work);
}

analysis::Stats Engine::Stats() const { return analysis::ComputeStats(graph_); }

base::Result<query::Outcome> Engine::Query(const query::Prepared& query) const {
  return query::Evaluate(graph_, query);
}

namespace {

// The titles of views, in each language: {} stand for names and numbers.
struct Titles {
  const char* paths;       // From {} to {}
  const char* common;      // What {} and {} share
  const char* main_path;   // The main path of {}
  const char* key_routes;  // Key-route main path of {} (k={})
  const char* ancestry;    // Ancestry of {}
  const char* family;      // The {} family
  const char* lineage;     // Lineage of {}
  const char* top;         // The {} most influential works of {}
};
constexpr Titles kEnglishTitles{
    "From {} to {}",       "What {} and {} share",
    "The main path of {}", "Key-route main path of {} (k={})",
    "Ancestry of {}",      "The {} family",
    "Lineage of {}",       "The {} most influential works of {}"};
constexpr Titles kChineseTitles{"从 {} 到 {}", "{} 与 {} 的共同渊源",
                                "{}的主路径",  "{}的关键路径主路径 (k={})",
                                "{} 的祖先",   "{} 家族",
                                "{} 的谱系",   "{1}中最有影响力的 {0} 项工作"};

}  // namespace

std::string Engine::DefaultTitle(const ViewSpec& spec) const {
  if (!spec.title.empty()) return spec.title;
  const Titles& t =
      language_ == model::Language::kChinese ? kChineseTitles : kEnglishTitles;
  auto name = [&](std::size_t i) {
    return std::string(graph_.name(spec.works[i]));
  };
  switch (spec.of) {
    case ViewSpec::Of::kPaths:
      return fmt::format(fmt::runtime(t.paths), name(0), name(1));
    case ViewSpec::Of::kCommon:
      return fmt::format(fmt::runtime(t.common), name(0), name(1));
    case ViewSpec::Of::kMainPath:
      return spec.key_routes > 0
                 ? fmt::format(fmt::runtime(t.key_routes), Subject(),
                               spec.key_routes)
                 : fmt::format(fmt::runtime(t.main_path), Subject());
    case ViewSpec::Of::kFamily:
      if (spec.ancestors && !spec.descendants)
        return fmt::format(fmt::runtime(t.ancestry), name(0));
      if (spec.descendants && !spec.ancestors)
        return fmt::format(fmt::runtime(t.family), name(0));
      return fmt::format(fmt::runtime(t.lineage), name(0));
    case ViewSpec::Of::kAll:
      break;
  }
  return spec.top > 0 ? fmt::format(fmt::runtime(t.top), spec.top, Subject())
                      : Subject();
}

base::Result<View> Engine::Select(const ViewSpec& spec) const {
  const std::size_t needs =
      spec.of == ViewSpec::Of::kFamily                                      ? 1
      : spec.of == ViewSpec::Of::kPaths || spec.of == ViewSpec::Of::kCommon ? 2
                                                                            : 0;
  if (spec.works.size() != needs) {
    return base::Status::InvalidArgument(
        fmt::format("this view is about {} work{}, not {}", needs,
                    needs == 1 ? "" : "s", spec.works.size()));
  }
  View view;
  switch (spec.of) {
    case ViewSpec::Of::kAll:
      view.selection = analysis::SelectAll(graph_);
      break;
    case ViewSpec::Of::kFamily:
      view.selection = analysis::SelectFamily(graph_, spec.works[0],
                                              {.ancestors = spec.ancestors,
                                               .descendants = spec.descendants,
                                               .max_depth = spec.depth,
                                               .relations = spec.relations});
      break;
    case ViewSpec::Of::kPaths:
    case ViewSpec::Of::kCommon: {
      auto s =
          spec.of == ViewSpec::Of::kPaths
              ? analysis::SelectPaths(graph_, spec.works[0], spec.works[1],
                                      spec.only, spec.relations)
              : analysis::SelectCommon(graph_, spec.works[0], spec.works[1],
                                       spec.only, spec.relations);
      if (!s.ok()) return s.status();
      view.selection = std::move(s).value();
      break;
    }
    case ViewSpec::Of::kMainPath: {
      auto path = MainPath(spec.key_routes, spec.relations);
      if (!path.ok()) return path.status();
      view.selection =
          analysis::SelectArcs(graph_, path->arcs, spec.only, spec.relations);
      break;
    }
  }
  analysis::ApplyFilter(graph_, spec.filter, &view.selection);
  if (spec.top > 0) {
    auto scores = Scores(analysis::Metric::kPageRank, spec.relations);
    if (!scores.ok()) return scores.status();
    analysis::KeepTop(graph_, *scores, spec.top, &view.selection);
  }
  view.title = DefaultTitle(spec);
  view.spec = spec;
  return view;
}

View Engine::SelectResult(const query::Value& value, std::string title) const {
  View view{analysis::SelectAll(graph_), std::move(title)};
  analysis::Selection& s = view.selection;
  s.works.assign(graph_.num_works(), false);
  for (VertexId v : value.works) s.works[v] = true;
  graph_.ForEachLink([&](model::EdgeId e, VertexId p, VertexId c, auto) {
    s.links[e] = s.works[p] && s.works[c];
  });
  // Path functions single out links: those are drawn bold.
  for (model::EdgeId e : value.links) {
    s.highlighted_links[e] = true;
    s.highlighted_works[graph_.parent(e)] = true;
    s.highlighted_works[graph_.child(e)] = true;
  }
  return view;
}

base::Result<Diagram> Engine::Draw(View view,
                                   const DrawOptions& options) const {
  const render::RenderOptions render_options{.format = options.format,
                                             .layout = options.layout,
                                             .max_works = options.max_works};
  // Refuse an oversized view before anything is built for it: on a graph of
  // millions, the scene alone would not fit in memory.
  if (base::Status s =
          render::CheckDrawable(view.selection.num_works(), render_options);
      !s.ok())
    return s;
  if (options.reduce) analysis::Reduce(graph_, &view.selection);
  const bool pinned = options.layout == "timeline";
  // Asked for: what the user highlighted is never folded into a group.
  const bool asked = view.selection.any_highlight();
  const bool group = pinned && options.group_above > 0 && !asked &&
                     view.selection.num_works() > options.group_above;
  std::size_t main_path_links = 0;
  if (pinned && options.bold_main_path_above > 0 && !asked &&
      view.selection.num_works() > options.bold_main_path_above) {
    // A graph with cycles has no main path: drawn as it is then.
    if (auto path = MainPath(0); path.ok()) {
      const analysis::Selection arcs =
          analysis::SelectArcs(graph_, path->arcs, false);
      analysis::Selection& s = view.selection;
      for (VertexId v = 0; v < graph_.num_works(); ++v)
        s.highlighted_works[v] = s.works[v] && arcs.highlighted_works[v];
      for (model::EdgeId e = 0; e < graph_.num_links(); ++e) {
        s.highlighted_links[e] = s.links[e] && arcs.highlighted_links[e];
        main_path_links += s.highlighted_links[e] ? 1 : 0;
      }
    }
  }
  auto scene =
      render::BuildScene(graph_, view.selection,
                         {.rankdir = options.rankdir,
                          .title = view.title,
                          .timeline = pinned || options.layout == "dot",
                          .pinned = pinned,
                          .resolution = options.resolution,
                          .main_path_bold = main_path_links > 0,
                          .group_leaves = group,
                          .language = language_});
  if (!scene.ok()) return scene.status();
  if (scene->works == 0) {
    return base::Status::InvalidArgument(
        "nothing to draw: the view holds no work");
  }
  auto rendered = render::Render(*scene, render_options);
  if (!rendered.ok()) return rendered.status();
  Diagram d;
  d.bytes = std::move(rendered->bytes);
  d.works = scene->works;
  d.grouped_works = scene->grouped_works;
  d.groups = scene->groups;
  d.grouped_links = scene->grouped_links;
  d.links = scene->links;
  d.listed_links = scene->listed;
  d.back_in_time = scene->back_in_time;
  d.crossings = scene->crossings;
  d.main_path_links = main_path_links;
  if (scene->resolution)
    d.resolution = std::string(render::ResolutionName(*scene->resolution));
  d.reduced_links = view.selection.reduced_links;
  d.layout_ms = rendered->layout_ms;
  d.render_ms = rendered->render_ms;
  return d;
}

std::string Engine::Export(ExportFormat format) const {
  return format == ExportFormat::kJson ? io::ExportJson(graph_)
                                       : io::ExportGraphml(graph_);
}

base::Status Engine::Save(const std::string& path) const {
  return io::WriteGraphFile(graph_, path);
}

nlohmann::json Engine::Describe(VertexId work, bool full) const {
  return full ? io::WorkFull(graph_, work) : io::WorkBrief(graph_, work);
}

nlohmann::json Engine::DescribeLink(model::EdgeId link) const {
  return io::LinkJson(graph_, link);
}

bool Engine::Earlier(VertexId a, VertexId b) const {
  return analysis::EarlierWork(graph_, a, b);
}

void Engine::SortByDate(std::vector<VertexId>* works) const {
  std::sort(works->begin(), works->end(),
            [&](VertexId a, VertexId b) { return Earlier(a, b); });
}

base::Status Engine::WriteFile(const std::string& path,
                               std::string_view bytes) {
  return io::WriteFileAtomically(path, bytes);
}

base::Status Engine::CheckOutput(const std::string& path) const {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(path, ec);
  if (ec) return base::Status::Ok();  // Nothing there to destroy.
  std::vector<std::string> inputs = report_.sources;
  if (!report_.nodes.empty()) inputs.push_back(report_.nodes);
  for (const std::string& input : inputs) {
    const fs::path in = fs::weakly_canonical(input, ec);
    if (ec) continue;
    const bool same = fs::equivalent(out, in, ec);
    // A file inside a source folder is part of the source.
    auto [end, _] = std::mismatch(in.begin(), in.end(), out.begin(), out.end());
    const bool inside = fs::is_directory(in, ec) && end == in.end();
    if (same || inside) {
      return base::Status::InvalidArgument(fmt::format(
          "'{}' is {} the data being read ('{}'); write somewhere else", path,
          same ? "" : "inside ", input));
    }
  }
  return base::Status::Ok();
}

base::Result<std::string> Engine::ReadFile(const std::string& path,
                                           std::size_t max_bytes) {
  return io::ReadFile(path, max_bytes);
}

}  // namespace lineage::engine
