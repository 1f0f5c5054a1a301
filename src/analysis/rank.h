// Ranking works by a metric: which works were most influential.
#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "analysis/filter.h"
#include "base/status.h"
#include "model/graph.h"

namespace lineage::analysis {

enum class Metric {
  kPageRank,
  kBetweenness,
  kOutDegree,
  kInDegree,
  kDescendants,
  kAncestors,
  kSpc,
  kDepth,
};

struct MetricInfo {
  Metric metric;
  std::string_view name;     // As typed: "pagerank", "out-degree", ...
  std::string_view meaning;  // What it says about a lineage, one line.
};

std::span<const MetricInfo> AllMetrics();
std::optional<Metric> ParseMetric(std::string_view name);
const MetricInfo& Info(Metric metric);

// The score of every work under `metric`, on the simple digraph of the
// links of `relations` (influence by default). kSpc and kDepth need a DAG
// and fail naming a cycle otherwise; kBetweenness, kDescendants and
// kAncestors (O(V·(V + E))) fail with kInvalidArgument on graphs where that
// is over 2·10^10 steps.
base::Result<std::vector<double>> Score(
    const model::Graph& graph, Metric metric,
    model::RelationSet relations = model::RelationSet::Influence());

struct Ranked {
  model::VertexId work;
  double score;
  std::size_t rank;  // 1-based; equal scores share a rank.
};

// Works that pass `filter`, best first (ties: earlier work first), at most
// `top` of them (0: all). O(V + V' log top) for V' passing works.
std::vector<Ranked> RankWorks(const model::Graph& graph,
                              const std::vector<double>& scores,
                              const Filter& filter, std::size_t top);
// The same among `works` only.
std::vector<Ranked> RankAmong(const model::Graph& graph,
                              const std::vector<double>& scores,
                              std::span<const model::VertexId> works,
                              std::size_t top);

}  // namespace lineage::analysis
