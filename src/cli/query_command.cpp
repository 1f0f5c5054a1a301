// `lineage query`: prepares the query (before any data loads), has the
// engine evaluate it, then prints the works as a table, JSON or ids, or
// draws them.
#include <fmt/format.h>
#include <spdlog/spdlog.h>

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

struct QueryOptions {
  std::string expression;
  std::string file;
  bool json = false;
  bool ids = false;
  std::string render;
  std::string title;
  DiagramOptions diagram;
};

}  // namespace

Runner SetupQuery(CLI::App* sub, const GlobalOptions* global) {
  auto o = std::make_shared<QueryOptions>();
  auto* expr = sub->add_option("expression", o->expression,
                               "The query, e.g. 'descendants(clip) & "
                               "kind(model, *)'");
  sub->add_option("--file", o->file, "Read the query from this file")
      ->excludes(expr);
  auto* json = sub->add_flag("--json", o->json, "Print one JSON document");
  sub->add_flag("--ids", o->ids, "Print only the ids, one a line")
      ->excludes(json);
  sub->add_option("--render", o->render,
                  "Draw the result into this file (as `lineage render`)");
  sub->add_option("--format", o->diagram.format,
                  "With --render: svg, png, pdf, dot or html (an explorer)")
      ->check(CLI::IsMember({"svg", "png", "pdf", "dot", "html"}));
  sub->add_option("--layout", o->diagram.draw.layout,
                  "With --render: timeline, dot, sfdp, neato or fdp")
      ->check(CLI::IsMember({"timeline", "dot", "sfdp", "neato", "fdp"}));
  sub->add_option("--rankdir", o->diagram.draw.rankdir,
                  "With --render: LR or TB")
      ->check(CLI::IsMember({"LR", "TB"}));
  sub->add_option("--title", o->title, "With --render: the title");
  sub->add_flag("--reduce", o->diagram.draw.reduce,
                "With --render: draw the transitive reduction");
  std::string help =
      "A query is an expression over sets of works (docs/query.md):\n"
      "  works by id, name or alias, bare or quoted (\"DALL-E 2\"); * or all "
      "for every work\n"
      "  A + B (union), A - B (except), A & B (intersect; binds tighter), "
      "( ), let x = E in E\n"
      "Graph functions follow influence links unless relation(R, E) says "
      "otherwise.\n\nFunctions:\n";
  for (const query::FunctionInfo& f : query::Functions())
    help += fmt::format("  {:<26} {}\n", f.signature, f.meaning);
  sub->footer(help);

  return [o, global] {
    std::string text = o->expression;
    if (!o->file.empty()) {
      auto content = engine::Engine::ReadFile(o->file, 1 << 20);
      if (!content.ok()) return ReportError(content.status());
      text = *content;
    }
    // Mistakes in the query need no data: it is prepared first.
    auto prepared = query::Prepare(text);
    if (!prepared.ok()) return ReportError(prepared.status());
    auto opened = OpenEngine(*global);
    if (!opened.ok()) return ReportError(opened.status());
    const model::Graph& g = opened->graph();
    const engine::Engine& e = *opened;
    auto outcome = opened->Query(*prepared);
    if (!outcome.ok()) return ReportError(outcome.status());
    for (const std::string& note : outcome->notes) spdlog::warn("{}", note);
    const query::Value& value = outcome->value;
    std::vector<model::VertexId> works = value.works;
    opened->SortByDate(&works);

    if (!o->render.empty()) {
      DiagramOptions d = o->diagram;
      d.output = o->render;
      int code = DrawView(
          *opened,
          opened->SelectResult(value, o->title.empty() ? text : o->title), d);
      if (code != kExitOk) return code;
    }
    if (o->json) {
      nlohmann::json list = nlohmann::json::array(),
                     links = nlohmann::json::array();
      for (model::VertexId v : works) list.push_back(e.Describe(v));
      for (model::EdgeId link : value.links)
        links.push_back(opened->DescribeLink(link));
      PrintJson({{"query", text},
                 {"works", list},
                 {"links", links},
                 {"notes", outcome->notes}});
      return kExitOk;
    }
    if (o->ids) {
      for (model::VertexId v : works) std::cout << g.id(v) << '\n';
      return kExitOk;
    }
    if (!o->render.empty()) return kExitOk;
    std::vector<std::vector<std::string>> rows{{"date", "kind", "work"}};
    for (model::VertexId v : works) {
      rows.push_back({g.date(v).known() ? g.date(v).ToString() : "-",
                      std::string(model::KindName(g.kind(v))),
                      fmt::format("{} [{}]", g.name(v), g.id(v))});
    }
    std::cout << fmt::format("{} work{}\n", works.size(),
                             works.size() == 1 ? "" : "s");
    if (!works.empty()) PrintTable(rows);
    return kExitOk;
  };
}

}  // namespace lineage::cli
