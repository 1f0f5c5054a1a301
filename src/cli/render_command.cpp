// `lineage render`: parses the view options, asks analysis for the
// selection and render for the picture, and writes it atomically.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "analysis/digraph.h"
#include "analysis/main_path.h"
#include "analysis/rank.h"
#include "analysis/select.h"
#include "cli/app.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/query.h"
#include "io/atomic_file.h"
#include "render/graphviz.h"
#include "render/scene.h"

namespace lineage::cli {
namespace {

struct RenderCommandOptions {
  std::string output = "output/lineage.svg";
  std::string format;
  std::string layout = "dot";
  std::string rankdir = "LR";
  std::string title;
  std::string focus;
  bool ancestors = false;
  bool descendants = false;
  int depth = -1;
  std::vector<std::string> path;
  std::vector<std::string> common;
  bool main_path = false;
  std::size_t key_routes = 0;
  bool only = false;
  std::vector<std::string> kinds, eras, tags;
  std::string since, until;
  std::vector<std::string> relations;
  bool reduce = false;
  std::size_t max_works = 0;
  std::size_t top = 0;
  bool json = false;
};

// The title a diagram gets without --title. The whole-field titles speak
// of image synthesis only for the curated graph; an import is named by its
// file (a git history is no ten years of image synthesis).
std::string DefaultTitle(const RenderCommandOptions& o, const model::Graph& g,
                         const std::vector<model::VertexId>& works,
                         const std::string& data) {
  if (!o.title.empty()) return o.title;
  const std::string subject =
      g.curated() ? "image synthesis"
                  : std::filesystem::path(data).filename().string();
  if (!o.path.empty()) {
    return fmt::format("From {} to {}", g.name(works[0]), g.name(works[1]));
  }
  if (!o.common.empty()) {
    return fmt::format("What {} and {} share", g.name(works[0]),
                       g.name(works[1]));
  }
  if (o.main_path) {
    return o.key_routes > 0
               ? fmt::format("Key-route main path (k={})", o.key_routes)
               : "The main path of " + subject;
  }
  if (!o.focus.empty()) {
    const std::string name(g.name(works[0]));
    if (o.ancestors && !o.descendants) return "Ancestry of " + name;
    if (o.descendants && !o.ancestors) return "The " + name + " family";
    return "Lineage of " + name;
  }
  if (g.curated()) return "Ten years of image synthesis";
  return o.top > 0 ? fmt::format("The {} most influential works of {}", o.top,
                                 subject)
                   : subject;
}

}  // namespace

int DrawSelection(const model::Graph& g, analysis::Selection selection,
                  const DiagramOptions& o) {
  render::Format format = render::Format::kSvg;
  if (!o.format.empty()) {
    auto f = render::ParseFormat(o.format);
    if (!f) {
      return ReportError(base::Status::InvalidArgument(fmt::format(
          "unknown format '{}'; use svg, png, pdf or dot", o.format)));
    }
    format = *f;
  } else if (auto f = render::FormatFromPath(o.output)) {
    format = *f;
  }
  // Refuse an oversized view before anything is built for it.
  if (auto s = render::CheckDrawable(
          selection.num_works(),
          {.format = format, .layout = o.layout, .max_works = o.max_works});
      !s.ok())
    return ReportError(s);
  if (o.reduce) analysis::Reduce(g, &selection);
  auto scene = render::BuildScene(
      g, selection,
      {.rankdir = o.rankdir, .title = o.title, .timeline = o.layout == "dot"});
  if (!scene.ok()) return ReportError(scene.status());
  if (scene->works == 0) {
    return ReportError(base::Status::InvalidArgument(
        "nothing to draw: the view holds no work"));
  }
  auto rendered = render::Render(
      *scene, {.format = format, .layout = o.layout, .max_works = o.max_works});
  if (!rendered.ok()) return ReportError(rendered.status());
  spdlog::debug("layout {:.1f} ms, render {:.1f} ms", rendered->layout_ms,
                rendered->render_ms);
  std::size_t links = 0;
  for (const render::SceneEdge& e : scene->edges)
    links += e.attrs.Get("class").rfind("link", 0) == 0 ? 1 : 0;
  if (o.output == "-") {
    std::cout << rendered->bytes;
    return kExitOk;
  }
  if (auto s = io::WriteFileAtomically(o.output, rendered->bytes); !s.ok())
    return ReportError(s);
  if (o.json) {
    PrintJson({{"output", o.output},
               {"works", scene->works},
               {"links", links},
               {"reduced_links", selection.reduced_links},
               {"layout_ms", rendered->layout_ms},
               {"render_ms", rendered->render_ms}});
  } else {
    std::cout << fmt::format(
        "wrote {} ({} works, {} links{})\n", o.output, scene->works, links,
        selection.reduced_links > 0
            ? fmt::format(", {} implied links hidden", selection.reduced_links)
            : "");
  }
  return kExitOk;
}

Runner SetupRender(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<RenderCommandOptions>();
  sub->add_option("-o,--output", o->output,
                  "Write here, atomically; '-' for stdout")
      ->capture_default_str();
  sub->add_option("-f,--format", o->format,
                  "svg, png, pdf or dot (default: from the extension of -o, "
                  "else svg)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot"}));
  sub->add_option("--layout", o->layout,
                  "Graphviz engine: dot (the timeline), or sfdp, neato, fdp "
                  "for big views (no timeline)")
      ->check(CLI::IsMember({"dot", "sfdp", "neato", "fdp"}))
      ->capture_default_str();
  sub->add_option("--rankdir", o->rankdir,
                  "LR: time runs left to right; TB: top to bottom")
      ->check(CLI::IsMember({"LR", "TB"}))
      ->capture_default_str();
  sub->add_option("--title", o->title, "Title above the diagram");
  auto* focus =
      sub->add_option("--focus", o->focus, "Draw the family of one work");
  sub->add_flag("--ancestors", o->ancestors,
                "With --focus: its ancestors (alone: ancestors only)");
  sub->add_flag("--descendants", o->descendants,
                "With --focus: its descendants (alone: descendants only)");
  sub->add_option("-d,--depth", o->depth,
                  "With --focus: at most this many links away")
      ->check(CLI::NonNegativeNumber);
  auto* path = sub->add_option("--path", o->path,
                               "Highlight the influence paths FROM -> TO")
                   ->expected(2);
  path->excludes(focus);
  auto* common = sub->add_option("--common", o->common,
                                 "Highlight the lineages of A and B down from "
                                 "their lowest common ancestors")
                     ->expected(2);
  common->excludes(focus)->excludes(path);
  auto* main_path =
      sub->add_flag("--main-path", o->main_path,
                    "Highlight the main path (by SPC) of the lineage");
  main_path->excludes(focus)->excludes(path)->excludes(common);
  sub->add_option("-k,--key-routes", o->key_routes,
                  "With --main-path: the key-route main path from the K "
                  "heaviest arcs (default 0: the global main path)");
  sub->add_flag("--only", o->only,
                "With --path, --common or --main-path: draw only what is "
                "highlighted");
  sub->add_option("--kind", o->kinds, "Only works of these kinds")
      ->delimiter(',');
  sub->add_option("--era", o->eras, "Only works of these eras")->delimiter(',');
  sub->add_option("--tag", o->tags, "Only works with one of these tags")
      ->delimiter(',');
  sub->add_option("--since", o->since,
                  "Only works dated on or after (YYYY[-MM])");
  sub->add_option("--until", o->until, "Only works dated on or before");
  AddRelationOption(sub, &o->relations);
  sub->add_flag("--reduce", o->reduce,
                "Draw the transitive reduction: hide influence links implied "
                "by longer paths");
  sub->add_option("--max-works", o->max_works,
                  "Refuse views with more works (default: 400 for dot, 5000 "
                  "for the others)");
  sub->add_option("--top", o->top,
                  "Keep only the N works of the view with the highest "
                  "PageRank (for big graphs)");
  sub->add_flag("--json", o->json, "Print what was written as JSON");
  sub->footer(
      "Works are placed on a year ruler (rank = year), coloured by era, "
      "shaped by kind;\nlinks are styled by relation. In SVG, nodes and edges "
      "carry ids, classes and tooltips\nwith the evidence, and works link to "
      "their paper.");

  return [o, global] {
    const bool highlighting =
        !o->path.empty() || !o->common.empty() || o->main_path;
    if (o->only && !highlighting) {
      return ReportError(base::Status::InvalidArgument(
          "--only needs --path, --common or --main-path"));
    }
    if (o->key_routes > 0 && !o->main_path) {
      return ReportError(
          base::Status::InvalidArgument("--key-routes needs --main-path"));
    }
    if ((o->ancestors || o->descendants || o->depth >= 0) && o->focus.empty()) {
      return ReportError(base::Status::InvalidArgument(
          "--ancestors, --descendants and --depth need --focus WORK"));
    }
    std::vector<std::string> names = o->path;
    if (!o->common.empty()) names = o->common;
    if (!o->focus.empty()) names = {o->focus};
    auto q = PrepareQuery(*global, names, o->relations);
    if (!q.ok()) return ReportError(q.status());
    const model::Graph& g = q->graph;
    auto filter =
        ParseFilter(g, o->kinds, o->eras, o->tags, o->since, o->until);
    if (!filter.ok()) return ReportError(filter.status());

    analysis::Selection selection;
    if (!o->path.empty()) {
      auto s = analysis::SelectPaths(g, q->works[0], q->works[1], o->only,
                                     q->relations);
      if (!s.ok()) return ReportError(s.status());
      selection = std::move(s).value();
    } else if (!o->common.empty()) {
      auto s = analysis::SelectCommon(g, q->works[0], q->works[1], o->only,
                                      q->relations);
      if (!s.ok()) return ReportError(s.status());
      selection = std::move(s).value();
    } else if (o->main_path) {
      analysis::Digraph d = analysis::Digraph::Build(g, q->relations);
      auto path = o->key_routes > 0
                      ? analysis::KeyRouteMainPath(g, d, o->key_routes)
                      : analysis::GlobalMainPath(g, d);
      if (!path.ok()) return ReportError(path.status());
      selection = analysis::SelectArcs(g, path->arcs, o->only, q->relations);
    } else if (!o->focus.empty()) {
      bool both = o->ancestors == o->descendants;
      selection = analysis::SelectFamily(g, q->works[0],
                                         {.ancestors = both || o->ancestors,
                                          .descendants = both || o->descendants,
                                          .max_depth = o->depth,
                                          .relations = q->relations});
    } else {
      selection = analysis::SelectAll(g);
    }
    analysis::ApplyFilter(g, *filter, &selection);
    if (o->top > 0) {
      auto scores =
          analysis::Score(g, analysis::Metric::kPageRank, q->relations);
      if (!scores.ok()) return ReportError(scores.status());
      analysis::KeepTop(g, *scores, o->top, &selection);
    }
    return DrawSelection(g, std::move(selection),
                         {.output = o->output,
                          .format = o->format,
                          .layout = o->layout,
                          .rankdir = o->rankdir,
                          .title = DefaultTitle(*o, g, q->works, global->data),
                          .reduce = o->reduce,
                          .max_works = o->max_works,
                          .json = o->json});
  };
}

}  // namespace lineage::cli
