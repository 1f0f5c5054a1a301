#include "cli/output.h"

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "cli/app.h"
#include "io/export.h"

namespace lineage::cli {
namespace {

std::size_t DisplayWidth(const std::string& s) {
  // UTF-8 continuation bytes take no column of their own.
  return std::count_if(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
}

}  // namespace

void PrintJson(const nlohmann::json& doc) {
  // Replace rather than throw on invalid UTF-8: the data was checked on load,
  // but a report must never crash.
  std::cout << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << '\n';
}

std::string Label(const model::Graph& graph, model::VertexId v) {
  const model::Work& w = graph.work(v);
  if (!w.date.known()) return fmt::format("{} [{}]", w.name, w.id);
  return fmt::format("{} [{}, {}]", w.name, w.id, w.date.ToString());
}

void PrintTable(const std::vector<std::vector<std::string>>& rows,
                const std::string& indent) {
  std::vector<std::size_t> width;
  for (const auto& row : rows) {
    if (width.size() < row.size()) width.resize(row.size(), 0);
    for (std::size_t i = 0; i < row.size(); ++i)
      width[i] = std::max(width[i], DisplayWidth(row[i]));
  }
  for (const auto& row : rows) {
    std::string line = indent;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size())
        line += std::string(width[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    std::cout << line << '\n';
  }
}

nlohmann::json PathJson(const model::Graph& g, const analysis::Path& p) {
  nlohmann::json works = nlohmann::json::array(),
                 links = nlohmann::json::array();
  for (model::VertexId v : p.works) works.push_back(io::WorkBrief(g, v));
  for (model::EdgeId e : p.links) links.push_back(io::LinkJson(g, e));
  return {{"length", p.length()}, {"works", works}, {"links", links}};
}

void PrintPath(const model::Graph& g, const analysis::Path& p) {
  std::cout << "  " << Label(g, p.works.front()) << '\n';
  for (std::size_t i = 0; i < p.links.size(); ++i) {
    const model::Link& l = g.link(p.links[i]);
    std::cout << fmt::format("    -> {}  ({} {})\n", Label(g, p.works[i + 1]),
                             model::RelationName(l.relation), g.id(l.parent));
    std::cout << fmt::format("       {}\n", l.evidence);
  }
}

int ReportError(const base::Status& status) {
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
