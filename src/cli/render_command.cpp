// `lineage render`: parses the view options, asks the engine for the view
// and its picture, and writes it atomically.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "cli/app.h"
#include "cli/commands.h"
#include "cli/output.h"
#include "cli/session.h"

namespace lineage::cli {
namespace {

struct RenderCommandOptions {
  std::string output = "output/lineage.svg";
  std::string format;
  std::string layout = "timeline";
  std::string resolution;
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
  std::size_t group_above = engine::DrawOptions{}.group_above;
  bool json = false;
};

}  // namespace

int DrawView(const engine::Engine& engine, engine::View view,
             const DiagramOptions& o) {
  engine::DrawOptions draw = o.draw;
  // An explorer page is the SVG with the view's data and a script around it.
  const bool html =
      o.format == "html" || (o.format.empty() && engine::IsHtmlPath(o.output));
  if (!html && !o.format.empty()) {
    auto f = engine::ParseFormat(o.format);
    if (!f) {
      return ReportError(base::Status::InvalidArgument(fmt::format(
          "unknown format '{}'; use svg, png, pdf, dot or html", o.format)));
    }
    draw.format = *f;
  } else if (auto f = engine::FormatFromPath(o.output); f && !html) {
    draw.format = *f;
  }
  auto diagram = html ? engine.Explore(std::move(view), draw)
                      : engine.Draw(std::move(view), draw);
  if (!diagram.ok()) return ReportError(diagram.status());
  spdlog::debug("layout {:.1f} ms, render {:.1f} ms", diagram->layout_ms,
                diagram->render_ms);
  if (o.output == "-") {
    std::cout << diagram->bytes;
    return kExitOk;
  }
  if (auto s = engine.CheckOutput(o.output); !s.ok()) return ReportError(s);
  if (auto s = engine::Engine::WriteFile(o.output, diagram->bytes); !s.ok())
    return ReportError(s);
  if (o.json) {
    PrintJson({{"output", o.output},
               {"works", diagram->works},
               {"grouped_works", diagram->grouped_works},
               {"groups", diagram->groups},
               {"links", diagram->links},
               {"grouped_links", diagram->grouped_links},
               {"reduced_links", diagram->reduced_links},
               {"listed_links", diagram->listed_links},
               {"back_in_time", diagram->back_in_time},
               {"resolution", diagram->resolution},
               {"crossings", diagram->crossings},
               {"main_path_links", diagram->main_path_links},
               {"layout_ms", diagram->layout_ms},
               {"render_ms", diagram->render_ms}});
  } else {
    // The counts add up: drawn + grouped + hidden + listed = the view's
    // links, and drawn + grouped = its works.
    std::string hidden;
    if (diagram->grouped_links > 0)
      hidden += fmt::format(", {} into grouped works", diagram->grouped_links);
    if (diagram->reduced_links > 0)
      hidden += fmt::format(", {} implied hidden", diagram->reduced_links);
    if (diagram->listed_links > 0)
      hidden += fmt::format(", {} of organizations in their tooltips",
                            diagram->listed_links);
    std::cout << fmt::format(
        "wrote {} ({} works{}, {} links drawn{}{}{}{})\n", o.output,
        diagram->works,
        diagram->groups > 0
            ? fmt::format(" and {} more in {} group{} of leaves",
                          diagram->grouped_works, diagram->groups,
                          diagram->groups == 1 ? "" : "s")
            : "",
        diagram->links,
        hidden.empty()
            ? ""
            : fmt::format(" of {}", diagram->links + diagram->grouped_links +
                                        diagram->reduced_links +
                                        diagram->listed_links),
        hidden,
        diagram->back_in_time > 0
            ? fmt::format("; {} back in time", diagram->back_in_time)
            : "",
        diagram->main_path_links > 0
            ? fmt::format("; the main path's {} links bold",
                          diagram->main_path_links)
            : "");
  }
  return kExitOk;
}

namespace {

// The view and drawing options of `render`.
void AddRenderOptions(CLI::App* sub, RenderCommandOptions* o) {
  sub->add_option("-o,--output", o->output,
                  "Write here, atomically; '-' for stdout")
      ->capture_default_str();
  sub->add_option("-f,--format", o->format,
                  "svg, png, pdf, dot, or html: an interactive explorer in one "
                  "offline page (default: from the extension of -o, else svg)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "html"}));
  sub->add_option("--layout", o->layout,
                  "timeline (laid out by lineage, drawn by Graphviz), dot "
                  "(dot's own layering of a year ruler), or sfdp, neato, fdp "
                  "(no timeline)")
      ->check(CLI::IsMember({"timeline", "dot", "sfdp", "neato", "fdp"}))
      ->capture_default_str();
  sub->add_option("--resolution", o->resolution,
                  "Timeline columns: decade, year, quarter, month or day "
                  "(default: chosen from the view's span and density)")
      ->check(CLI::IsMember({"decade", "year", "quarter", "month", "day"}));
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
                  "heaviest arcs (default 0: the global main path)")
      ->check(Count());
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
                  "for the others)")
      ->check(Count());
  sub->add_option("--top", o->top,
                  "Keep only the N works of the view with the highest "
                  "PageRank (for big graphs)")
      ->check(Count());
  sub->add_option("--group-above", o->group_above,
                  "On a timeline of more works than this with nothing "
                  "highlighted, draw the leaves of each column as group "
                  "nodes (3 or more with the same parents, or the same main "
                  "parent); 0: never (HTML pages never group)")
      ->check(Count())
      ->capture_default_str();
  sub->add_flag("--json", o->json, "Print what was written as JSON");
  sub->footer(
      "Works are placed on a time ruler (a column per period), coloured by "
      "era, shaped by kind;\nlinks are styled by relation. In SVG, nodes and "
      "edges "
      "carry ids, classes and tooltips\nwith the evidence, and works link to "
      "their paper. An HTML page (-o FILE.html) is an explorer:\nsearch, "
      "select, trace ancestry and paths, filter, and move through time.");
}

// Checks the options, asks the engine for the view and draws it.
int RunRender(const RenderCommandOptions* o, const GlobalOptions* global) {
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
  auto q = StartSession(*global, names, o->relations);
  if (!q.ok()) return ReportError(q.status());
  auto filter = q->engine.MakeFilter({.kinds = o->kinds,
                                      .eras = o->eras,
                                      .tags = o->tags,
                                      .since = o->since,
                                      .until = o->until});
  if (!filter.ok()) return ReportError(filter.status());
  using Of = engine::ViewSpec::Of;
  const bool both = o->ancestors == o->descendants;
  auto view = q->engine.Select({.of = !o->path.empty()     ? Of::kPaths
                                      : !o->common.empty() ? Of::kCommon
                                      : o->main_path       ? Of::kMainPath
                                      : !o->focus.empty()  ? Of::kFamily
                                                           : Of::kAll,
                                .works = q->works,
                                .ancestors = both || o->ancestors,
                                .descendants = both || o->descendants,
                                .depth = o->depth,
                                .key_routes = o->key_routes,
                                .only = o->only,
                                .relations = q->relations,
                                .filter = *filter,
                                .top = o->top,
                                .title = o->title});
  if (!view.ok()) return ReportError(view.status());
  return DrawView(
      q->engine, std::move(view).value(),
      {.output = o->output,
       .format = o->format,
       .draw = {.layout = o->layout,
                .rankdir = o->rankdir,
                .reduce = o->reduce,
                .max_works = o->max_works,
                .resolution = engine::ParseResolution(o->resolution),
                .group_above = o->group_above},
       .json = o->json});
}

}  // namespace

Runner SetupRender(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<RenderCommandOptions>();
  AddRenderOptions(sub, o.get());
  return [o, global] { return RunRender(o.get(), global); };
}

}  // namespace lineage::cli
