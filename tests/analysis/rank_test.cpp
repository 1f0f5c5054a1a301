#include "analysis/rank.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

TEST(MetricTest, NamesRoundTripAndEveryMetricExplainsItself) {
  for (const MetricInfo& m : AllMetrics()) {
    EXPECT_EQ(ParseMetric(m.name), m.metric);
    EXPECT_EQ(&Info(m.metric), &m);
    EXPECT_GT(m.meaning.size(), 20u) << m.name;
  }
  EXPECT_FALSE(ParseMetric("fame"));
}

TEST(ScoreTest, EveryMetricScoresEveryWork) {
  model::Graph g = testing::Diamond();
  for (const MetricInfo& m : AllMetrics()) {
    auto s = Score(g, m.metric);
    ASSERT_TRUE(s.ok()) << m.name;
    EXPECT_EQ(s->size(), g.num_works()) << m.name;
  }
  EXPECT_EQ((*Score(g, Metric::kOutDegree))[V(g, "root")], 2.0);
  EXPECT_EQ((*Score(g, Metric::kInDegree))[V(g, "join")], 2.0);
  EXPECT_EQ((*Score(g, Metric::kDepth))[V(g, "tip")], 3.0);
  EXPECT_EQ((*Score(g, Metric::kDescendants))[V(g, "root")], 4.0);
}

TEST(ScoreTest, DagMetricsRefuseACycle) {
  model::Graph g = testing::TwoCycle();
  EXPECT_FALSE(Score(g, Metric::kSpc).ok());
  EXPECT_FALSE(Score(g, Metric::kDepth).ok());
  EXPECT_TRUE(Score(g, Metric::kPageRank).ok());
  EXPECT_TRUE(Score(g, Metric::kBetweenness).ok());
}

TEST(RankWorksTest, BestFirstTiesShareARankAndFiltersApply) {
  model::Graph g = testing::Diamond();
  auto scores = *Score(g, Metric::kDescendants);
  auto ranked = RankWorks(g, scores, {}, 3);
  ASSERT_EQ(ranked.size(), 3u);
  EXPECT_EQ(ranked[0].work, V(g, "root"));
  EXPECT_EQ(ranked[0].rank, 1u);
  EXPECT_EQ(ranked[1].work, V(g, "left"));  // 2 each; left, right by id.
  EXPECT_EQ(ranked[2].work, V(g, "right"));
  EXPECT_EQ(ranked[2].rank, 2u);
  auto datasets = RankWorks(g, scores, {.kinds = {model::Kind::kDataset}}, 0);
  ASSERT_EQ(datasets.size(), 1u);
  EXPECT_EQ(datasets[0].work, V(g, "data"));
  EXPECT_EQ(RankWorks(g, scores, {}, 0).size(), g.num_works());
}

TEST(ScoreTest, QuadraticMetricsAreRefusedOnBigGraphs) {
  // A chain of 150,000 works: V·(V + E) = 4.5·10^10 steps.
  model::BulkSpec spec;
  for (int i = 0; i < 150'000; ++i) {
    spec.ids.Intern(std::to_string(i));
    if (i > 0) {
      spec.parents.push_back(static_cast<model::VertexId>(i - 1));
      spec.children.push_back(static_cast<model::VertexId>(i));
    }
  }
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  for (Metric m :
       {Metric::kBetweenness, Metric::kDescendants, Metric::kAncestors}) {
    auto s = Score(g, m);
    ASSERT_FALSE(s.ok());
    EXPECT_EQ(s.status().code(), base::Status::Code::kInvalidArgument);
    EXPECT_NE(s.status().message().find("pagerank"), std::string::npos);
  }
  auto depth = Score(g, Metric::kDepth);
  ASSERT_TRUE(depth.ok());
  EXPECT_EQ(depth->back(), 149'999.0);
}

}  // namespace
}  // namespace lineage::analysis
