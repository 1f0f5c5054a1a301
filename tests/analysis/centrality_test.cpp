#include "analysis/centrality.h"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

TEST(PageRankTest, SingleWorkHoldsAllTheRank) {
  model::Graph g = testing::SpecBuilder().Work("only", "2000").Build();
  EXPECT_DOUBLE_EQ(PageRank(Digraph::Build(g))[0], 1.0);
}

TEST(PageRankTest, CreditFlowsBackToTheSource) {
  // b draws on a. On the citation orientation b -> a, with a dangling:
  // r_b = (1-d)/2 + d·r_a/2 and r_a + r_b = 1, so r_b = 1/(2+d).
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Link("b", "builds_on", "a")
                       .Build();
  auto rank = PageRank(Digraph::Build(g));
  EXPECT_NEAR(rank[V(g, "b")], 1.0 / 2.85, 1e-12);
  EXPECT_NEAR(rank[V(g, "a")], 1.0 - 1.0 / 2.85, 1e-12);
}

TEST(PageRankTest, SumsToOneAndRanksTheRootOfTheDiamondFirst) {
  model::Graph g = testing::Diamond();
  auto rank = PageRank(Digraph::Build(g));
  EXPECT_NEAR(std::accumulate(rank.begin(), rank.end(), 0.0), 1.0, 1e-12);
  for (const char* other : {"left", "right", "join", "tip", "lonely"})
    EXPECT_GT(rank[V(g, "root")], rank[V(g, other)]) << other;
  EXPECT_NEAR(rank[V(g, "left")], rank[V(g, "right")], 1e-15);  // Symmetric.
  // Works outside the lineage only get the even share.
  EXPECT_NEAR(rank[V(g, "lonely")], rank[V(g, "data")], 1e-15);
  EXPECT_NEAR(rank[V(g, "tip")], rank[V(g, "lonely")], 1e-15);
}

TEST(PageRankTest, DisconnectedTwinsScoreAlike) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a1", "2000")
                       .Work("b1", "2001")
                       .Work("a2", "2000")
                       .Work("b2", "2001")
                       .Link("b1", "uses", "a1")
                       .Link("b2", "uses", "a2")
                       .Build();
  auto rank = PageRank(Digraph::Build(g));
  EXPECT_NEAR(rank[V(g, "a1")], rank[V(g, "a2")], 1e-15);
  EXPECT_NEAR(rank[V(g, "b1")], rank[V(g, "b2")], 1e-15);
}

// The textbook power iteration, written plainly, as the reference.
std::vector<double> PowerIteration(const Digraph& d) {
  const std::size_t n = d.num_vertices();
  const model::SimpleTopology& t = d.topology();
  std::vector<double> rank(n, 1.0 / n);
  for (int step = 0; step < 2000; ++step) {
    double dangling = 0;
    for (model::VertexId v = 0; v < n; ++v)
      if (d.in_degree(v) == 0) dangling += rank[v];
    std::vector<double> next(n, (0.15 + 0.85 * dangling) / n);
    for (model::VertexId v = 0; v < n; ++v)  // v passes rank to its parents.
      for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
        next[boost::source(*it, t)] += 0.85 * rank[v] / d.in_degree(v);
    rank = next;
  }
  return rank;
}

// A DAG is solved in one pass from the leaves up, a graph with a cycle by
// iterating: both give the power iteration's answer.
TEST(PageRankTest, TheOnePassSolutionOfADagIsThePowerIterations) {
  std::mt19937 random(11);
  for (bool cyclic : {false, true}) {
    for (int round = 0; round < 20; ++round) {
      const std::uint32_t n = 2 + random() % 60;
      model::BulkSpec spec;
      for (std::uint32_t v = 0; v < n; ++v)
        spec.ids.AddUnindexed("w" + std::to_string(v));
      for (std::uint32_t i = 0; i < 3 * n; ++i) {
        std::uint32_t a = random() % n, b = random() % n;
        if (a == b) continue;
        if (a > b) std::swap(a, b);
        spec.parents.push_back(a);
        spec.children.push_back(b);
      }
      if (cyclic) {  // w0 <-> w1.
        spec.parents.insert(spec.parents.end(), {0, 1});
        spec.children.insert(spec.children.end(), {1, 0});
      }
      model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
      Digraph d = Digraph::Build(g);
      const std::vector<double> want = PowerIteration(d), got = PageRank(d);
      for (model::VertexId v = 0; v < n; ++v)
        ASSERT_NEAR(got[v], want[v], 1e-12) << cyclic << " " << round;
    }
  }
}

TEST(PageRankTest, CyclesNeedNoSpecialCase) {
  model::Graph g = testing::TwoCycle();
  auto rank = PageRank(Digraph::Build(g));
  EXPECT_NEAR(rank[0], 0.5, 1e-12);
  EXPECT_NEAR(rank[1], 0.5, 1e-12);
}

TEST(BetweennessTest, TheMiddleOfAChainCarriesTheOnlyLongPath) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Work("c", "2002")
                       .Link("b", "uses", "a")
                       .Link("c", "uses", "b")
                       .Build();
  auto score = Betweenness(Digraph::Build(g));
  // One pair (a, c) through b; normalised by (n-1)(n-2) = 2.
  EXPECT_DOUBLE_EQ(score[V(g, "b")], 0.5);
  EXPECT_DOUBLE_EQ(score[V(g, "a")], 0.0);
  EXPECT_DOUBLE_EQ(score[V(g, "c")], 0.0);
}

TEST(BetweennessTest, TheDiamondSplitsItsPathsEvenly) {
  model::Graph g = testing::PureDiamond();
  auto score = Betweenness(Digraph::Build(g));
  // join: (root,tip), (left,tip), (right,tip) = 3; left: half of (root,join)
  // and of (root,tip) = 1. Scaled by 1/((5-1)(5-2)) = 1/12.
  EXPECT_DOUBLE_EQ(score[V(g, "join")], 3.0 / 12);
  EXPECT_DOUBLE_EQ(score[V(g, "left")], 1.0 / 12);
  EXPECT_DOUBLE_EQ(score[V(g, "right")], 1.0 / 12);
  EXPECT_DOUBLE_EQ(score[V(g, "root")], 0.0);
}

TEST(ReachCountsTest, DescendantsAndAncestorsOfTheDiamond) {
  model::Graph g = testing::Diamond();
  Digraph d = Digraph::Build(g);
  auto down = ReachCounts(d, true);
  auto up = ReachCounts(d, false);
  EXPECT_EQ(down[V(g, "root")], 4u);
  EXPECT_EQ(down[V(g, "left")], 2u);
  EXPECT_EQ(down[V(g, "tip")], 0u);
  EXPECT_EQ(up[V(g, "tip")], 4u);
  EXPECT_EQ(up[V(g, "join")], 3u);
  EXPECT_EQ(up[V(g, "lonely")], 0u);
}

}  // namespace
}  // namespace lineage::analysis
