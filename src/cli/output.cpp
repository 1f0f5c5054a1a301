#include "cli/output.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "base/text.h"
#include "cli/app.h"

namespace lineage::cli {

const Words& WordsFor(model::Language language) {
  static constexpr Words kEnglish{"id",
                                  "kind",
                                  "date",
                                  "era",
                                  "aliases",
                                  "organizations",
                                  "people",
                                  "paper",
                                  "arxiv",
                                  "url",
                                  "tags",
                                  "summary",
                                  "links to older works:",
                                  "links from newer works:",
                                  "dist",
                                  "work",
                                  "name",
                                  "led to",
                                  "came through",
                                  "lowest",
                                  "ancestors of {}: {} work{}",
                                  "descendants of {}: {} work{}",
                                  "path {} of {}{} ({} link{}):",
                                  "common ancestors of {} and {}: {}",
                                  "links to {}"};
  static constexpr Words kChinese{"标识",
                                  "类型",
                                  "日期",
                                  "时代",
                                  "别名",
                                  "机构",
                                  "人物",
                                  "论文",
                                  "arXiv",
                                  "网址",
                                  "标签",
                                  "简介",
                                  "所依据的较早工作：",
                                  "由此而来的较新工作：",
                                  "距离",
                                  "工作",
                                  "名称",
                                  "通向",
                                  "经由",
                                  "最近",
                                  "{} 的祖先：{} 项工作",
                                  "{} 的后继：{} 项工作",
                                  "路径 {} / {}{}（{} 条关系）：",
                                  "{} 与 {} 的共同祖先：{}",
                                  "到 {} 的关系数"};
  return language == model::Language::kChinese ? kChinese : kEnglish;
}

void PrintJson(const nlohmann::json& doc) {
  // Replace rather than throw on invalid UTF-8: the data was checked on load,
  // but a report must never crash.
  std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
}

std::string Label(const model::Graph& graph, model::VertexId v) {
  const model::Date& date = graph.date(v);
  if (!date.known()) return fmt::format("{} [{}]", graph.name(v), graph.id(v));
  return fmt::format("{} [{}, {}]", graph.name(v), graph.id(v),
                     date.ToString());
}

void PrintTable(const std::vector<std::vector<std::string>>& rows,
                const std::string& indent) {
  std::vector<std::size_t> width;
  for (const auto& row : rows) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i)
      width[i] = std::max(width[i], base::DisplayWidth(row[i]));
  }
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size())
        line += std::string(width[i] - base::DisplayWidth(row[i]) + 2, ' ');
    }
    std::cout << line << '\n';
  }
}

nlohmann::json PathJson(const engine::Engine& e, const analysis::Path& p) {
  nlohmann::json works = nlohmann::json::array(),
                 links = nlohmann::json::array();
  for (model::VertexId v : p.works) works.push_back(e.Describe(v));
  for (model::EdgeId link : p.links) links.push_back(e.DescribeLink(link));
  return {{"length", p.length()}, {"works", works}, {"links", links}};
}

void PrintPath(const model::Graph& g, const analysis::Path& p) {
  std::cout << "  " << Label(g, p.works.front()) << '\n';
  for (std::size_t i = 0; i < p.links.size(); ++i) {
    const model::EdgeId e = p.links[i];
    std::cout << fmt::format("    -> {}  ({} {})\n", Label(g, p.works[i + 1]),
                             g.relation_name(g.relation(e)), g.id(g.parent(e)));
    // Imported links have no evidence: no empty line for it.
    if (const std::string& evidence = g.link_details(e).evidence;
        !evidence.empty())
      std::cout << fmt::format("       {}\n", evidence);
  }
}

std::string SpellFlag(std::string_view option) {
  // The library's option names (base::OptionRef) as this tool's flags and
  // commands.
  static constexpr std::pair<std::string_view, std::string_view> kFlags[] = {
      {"separator", "--sep"},
      {"format", "--format"},
      {"edges", "--edges"},
      {"relation_attr", "--relation-attr"},
      {"influence", "--influence"},
      {"numeric_ids", "--numeric-ids"},
      {"match", "--match"},
      {"date_column", "--date-column"},
      {"id_column", "--id-column"},
      {"parent_column", "--parent-column"},
      {"label_column", "--label-column"},
      {"kind_column", "--kind-column"},
      {"alias_column", "--alias-column"},
      {"list_separator", "--list-sep"},
      {"condense", "--condense"},
      {"max_works", "--max-works N"},
      {"layout", "--layout"},
      {"focus", "--focus WORK"},
      {"depth", "--depth N"},
      {"top", "--top N"},
      {"kinds", "--kind"},
      {"eras", "--era"},
      {"tags", "--tag"},
      {"since", "--since"},
      {"until", "--until"},
      {"validate", "`lineage validate`"},
      {"import", "`lineage import`"},
      {"export", "`lineage export`"},
      {"list_works", "`lineage show`"},
      {"descendants", "`lineage descendants WORK`"},
  };
  for (const auto& [name, flag] : kFlags)
    if (name == option) return std::string(flag);
  return std::string(option);
}

int ReportError(const base::Status& error) {
  const base::Status status = base::SpellOptions(error, SpellFlag);
  spdlog::error("{}", status.message());
  for (const base::Diagnostic& d : status.diagnostics())
    std::cerr << d.ToString() << '\n';
  switch (status.code()) {
    case base::Status::Code::kInvalidArgument:
    case base::Status::Code::kNotFound:
      return kExitUsage;
    default:
      return kExitFailure;
  }
}

void LogStep(std::string_view what, double ms) {
  spdlog::debug("step {}: {:.{}f} ms", what, ms, ms < 10 ? 3 : 1);
}

}  // namespace lineage::cli
