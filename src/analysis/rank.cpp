#include "analysis/rank.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "analysis/centrality.h"
#include "analysis/digraph.h"
#include "analysis/main_path.h"
#include "analysis/order.h"

namespace lineage::analysis {
namespace {

constexpr std::array<MetricInfo, 8> kMetrics{{
    {Metric::kPageRank, "pagerank",
     "PageRank on the citation orientation: credit flows from each work back "
     "to the works it draws on; dangling works spread theirs evenly"},
    {Metric::kBetweenness, "betweenness",
     "share of shortest lineage paths between other works that pass through "
     "it: a bridge between lines of work (Brandes, normalised)"},
    {Metric::kOutDegree, "out-degree",
     "works it directly influenced (the citations it received)"},
    {Metric::kInDegree, "in-degree",
     "works it directly draws on (its references)"},
    {Metric::kDescendants, "descendants",
     "works that descend from it: its total reach"},
    {Metric::kAncestors, "ancestors", "works it descends from"},
    {Metric::kSpc, "spc",
     "share of all root-to-leaf lineage paths through it (search path count, "
     "the weight of main path analysis)"},
    {Metric::kDepth, "depth",
     "generation: links on the longest chain from a root down to it"},
}};

}  // namespace

std::span<const MetricInfo> AllMetrics() { return kMetrics; }

std::optional<Metric> ParseMetric(std::string_view name) {
  for (const MetricInfo& m : kMetrics)
    if (m.name == name) return m.metric;
  return std::nullopt;
}

const MetricInfo& Info(Metric metric) {
  return kMetrics[static_cast<std::size_t>(metric)];
}

base::Result<std::vector<double>> Score(const model::Graph& graph,
                                        Metric metric,
                                        model::RelationSet relations) {
  Digraph d = Digraph::Build(graph, relations);
  // Betweenness and reach counts search from every work: O(V·(V + E)).
  // Past about 2·10^10 steps (an hour or so here) they are refused rather
  // than left to run for days.
  constexpr double kMostSteps = 2e10;
  const double steps = static_cast<double>(d.num_vertices()) *
                       static_cast<double>(d.num_vertices() + d.num_arcs());
  if ((metric == Metric::kBetweenness || metric == Metric::kDescendants ||
       metric == Metric::kAncestors) &&
      steps > kMostSteps) {
    return base::Status::InvalidArgument(fmt::format(
        "{} searches from every work, O(V·(V + E)): {:.1e} steps on {} works "
        "and {} links would take hours to days; rank by pagerank, spc, "
        "out-degree or depth instead, or ask about one work's descendants "
        "([[descendants]])",
        Info(metric).name, steps, d.num_vertices(), d.num_arcs()));
  }
  auto to_double = [](const auto& values) {
    return std::vector<double>(values.begin(), values.end());
  };
  std::vector<double> out(d.num_vertices());
  switch (metric) {
    case Metric::kPageRank:
      return PageRank(d);
    case Metric::kBetweenness:
      return Betweenness(d);
    case Metric::kOutDegree:
      for (model::VertexId v = 0; v < out.size(); ++v) out[v] = d.out_degree(v);
      return out;
    case Metric::kInDegree:
      for (model::VertexId v = 0; v < out.size(); ++v) out[v] = d.in_degree(v);
      return out;
    case Metric::kDescendants:
      return to_double(ReachCounts(d, true));
    case Metric::kAncestors:
      return to_double(ReachCounts(d, false));
    case Metric::kSpc: {
      auto spc = SearchPathCount(graph, d);
      if (!spc.ok()) return spc.status();
      return spc->node;
    }
    case Metric::kDepth: {
      auto depth = Generations(graph, d);
      if (!depth.ok()) return depth.status();
      return to_double(*depth);
    }
  }
  return out;
}

std::vector<Ranked> RankWorks(const model::Graph& graph,
                              const std::vector<double>& scores,
                              const Filter& filter, std::size_t top) {
  std::vector<model::VertexId> works;
  for (model::VertexId v = 0; v < graph.num_works(); ++v)
    if (filter.empty() || filter.Keep(graph, v)) works.push_back(v);
  return RankAmong(graph, scores, works, top);
}

std::vector<Ranked> RankAmong(const model::Graph& graph,
                              const std::vector<double>& scores,
                              std::span<const model::VertexId> among,
                              std::size_t top) {
  std::vector<model::VertexId> works(among.begin(), among.end());
  // Only the top few are asked for on a graph of millions: sort just them.
  const std::size_t keep =
      top == 0 ? works.size() : std::min(top, works.size());
  std::partial_sort(works.begin(), works.begin() + keep, works.end(),
                    [&](model::VertexId a, model::VertexId b) {
                      if (scores[a] != scores[b]) return scores[a] > scores[b];
                      return EarlierWork(graph, a, b);
                    });
  std::vector<Ranked> out;
  for (std::size_t i = 0; i < keep; ++i) {
    std::size_t rank = i + 1;
    if (i > 0 && scores[works[i]] == scores[works[i - 1]])
      rank = out.back().rank;
    out.push_back({works[i], scores[works[i]], rank});
  }
  return out;
}

}  // namespace lineage::analysis
