#include "analysis/stats.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

TEST(StatsTest, CountsRootsLeavesAndTheLongestChainOfTheDiamond) {
  model::Graph g = testing::Diamond();
  const Stats st = ComputeStats(g);
  const Stats* s = &st;
  EXPECT_TRUE(s->acyclic());
  EXPECT_EQ(s->works, 8u);
  EXPECT_EQ(s->links, 7u);
  EXPECT_EQ(s->influence_links, 5u);
  EXPECT_EQ(s->roots, std::vector<model::VertexId>{V(g, "root")});
  EXPECT_EQ(s->leaves, std::vector<model::VertexId>{V(g, "tip")});
  EXPECT_EQ(s->outside_lineage,
            (std::vector<model::VertexId>{V(g, "data"), V(g, "lonely"),
                                          V(g, "lab")}));  // Undated last.
  EXPECT_EQ(s->longest_chain.length(), 3u);
  EXPECT_EQ(s->longest_chain.works.front(), V(g, "root"));
  EXPECT_EQ(s->longest_chain.works.back(), V(g, "tip"));
  ASSERT_EQ(s->by_kind.size(), 3u);
  EXPECT_EQ(s->by_kind[0], std::pair(model::Kind::kModel, std::size_t{6}));
  ASSERT_EQ(s->by_era.size(), 1u);
  EXPECT_EQ(s->by_era[0].second, 7u);  // The organization has no era.
}

TEST(StatsTest, SingleWorkIsItsOwnChainOfLengthZero) {
  model::Graph g = testing::SpecBuilder().Work("only", "2000").Build();
  auto chain = LongestChain(g);
  ASSERT_TRUE(chain.ok());
  EXPECT_EQ(chain->length(), 0u);
  EXPECT_EQ(chain->works, std::vector<model::VertexId>{0});
}

TEST(StatsTest, EmptyGraphHasNoChain) {
  auto g = model::Graph::Build({});
  ASSERT_TRUE(g.ok());
  EXPECT_TRUE(ComputeStats(*g).longest_chain.works.empty());
}

TEST(StatsTest, LongestChainIgnoresKnowledgeLinks) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000", "dataset")
                       .Work("b", "2001")
                       .Work("c", "2002")
                       .Work("d", "2003")
                       .Link("b", "trained_on", "a")
                       .Link("c", "trained_on", "b")
                       .Link("d", "builds_on", "c")
                       .Build();
  auto chain = LongestChain(g);
  ASSERT_TRUE(chain.ok());
  EXPECT_EQ(chain->length(), 1u);
  EXPECT_EQ(chain->works.back(), V(g, "d"));
}

// An import with a cycle still gets its counts, and the cycle named,
// instead of a refusal.
TEST(StatsTest, AGraphWithACycleGetsEverythingButTheChainAndItsCycleNamed) {
  model::Graph g = testing::TwoCycle();
  const Stats s = ComputeStats(g);
  EXPECT_FALSE(s.acyclic());
  EXPECT_EQ(s.works, 2u);
  EXPECT_EQ(s.links, 2u);
  EXPECT_EQ(s.influence_links, 2u);
  EXPECT_EQ(s.cycles.cyclic, 1u);
  EXPECT_EQ(s.cycles.largest, 2u);
  ASSERT_EQ(s.example_cycles.size(), 1u);
  EXPECT_EQ(model::CycleText(g, s.example_cycles[0]).substr(0, 1), "a");
  EXPECT_TRUE(s.longest_chain.works.empty());
  EXPECT_TRUE(s.generations.empty());
}

}  // namespace
}  // namespace lineage::analysis
