#include "analysis/main_path.h"

#include <gtest/gtest.h>

#include <cmath>

#include "analysis/digraph.h"
#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

TEST(SearchPathCountTest, TheDiamondHasTwoPathsSplitAtTheSides) {
  model::Graph g = testing::Diamond();
  auto spc = SearchPathCount(g, Digraph::Build(g));
  ASSERT_TRUE(spc.ok());
  EXPECT_NEAR(std::exp(spc->log_total), 2.0, 1e-12);
  EXPECT_NEAR(spc->node[V(g, "root")], 1.0, 1e-12);
  EXPECT_NEAR(spc->node[V(g, "left")], 0.5, 1e-12);
  EXPECT_NEAR(spc->node[V(g, "join")], 1.0, 1e-12);
  EXPECT_NEAR(spc->node[V(g, "tip")], 1.0, 1e-12);
  EXPECT_EQ(spc->node[V(g, "lonely")], 0.0);  // Outside the lineage.
  EXPECT_EQ(spc->node[V(g, "data")], 0.0);
  for (std::size_t i = 0; i < spc->arcs.size(); ++i) {
    bool last = spc->arcs[i].second == V(g, "tip");
    EXPECT_NEAR(spc->arc[i], last ? 1.0 : 0.5, 1e-12);
  }
}

// 2,000 diamonds in a row hold 2^2000 paths, far beyond a double; the
// shares must still come out exact.
TEST(SearchPathCountTest, CountsBeyondDoubleRangeDoNotOverflow) {
  model::Graph g = testing::Ladder(2000);
  auto spc = SearchPathCount(g, Digraph::Build(g));
  ASSERT_TRUE(spc.ok());
  EXPECT_NEAR(spc->log_total, 2000 * std::log(2.0), 1e-6);
  EXPECT_NEAR(spc->node[V(g, "n1000")], 1.0, 1e-9);
  EXPECT_NEAR(spc->node[V(g, "u1234")], 0.5, 1e-9);
}

TEST(SearchPathCountTest, RefusesACycleNamingIt) {
  model::Graph g = testing::TwoCycle();
  auto spc = SearchPathCount(g, Digraph::Build(g));
  ASSERT_FALSE(spc.ok());
  EXPECT_NE(spc.status().message().find("a -> b -> a"), std::string::npos);
  EXPECT_FALSE(Generations(g, Digraph::Build(g)).ok());
  EXPECT_FALSE(GlobalMainPath(g, Digraph::Build(g)).ok());
}

TEST(MainPathTest, GlobalMainPathOfTheDiamondTakesTheFirstSide) {
  model::Graph g = testing::PureDiamond();
  auto path = GlobalMainPath(g, Digraph::Build(g));
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->works,
            (std::vector<model::VertexId>{V(g, "root"), V(g, "left"),
                                          V(g, "join"), V(g, "tip")}));
  ASSERT_EQ(path->arc_spc.size(), 3u);
  EXPECT_NEAR(path->arc_spc[2], 1.0, 1e-12);
}

TEST(MainPathTest, GlobalMainPathFollowsTheHeavierBranch) {
  // Two branches from r: a short one to s, and one through m that many
  // leaves hang from, so more paths (and more SPC) run through m.
  model::Graph g = testing::SpecBuilder()
                       .Work("r", "2000")
                       .Work("s", "2001")
                       .Work("m", "2001")
                       .Work("x", "2002")
                       .Work("y", "2002")
                       .Work("z", "2002")
                       .Link("s", "uses", "r")
                       .Link("m", "uses", "r")
                       .Link("x", "uses", "m")
                       .Link("y", "uses", "m")
                       .Link("z", "uses", "m")
                       .Build();
  auto path = GlobalMainPath(g, Digraph::Build(g));
  ASSERT_TRUE(path.ok());
  ASSERT_EQ(path->works.size(), 3u);
  EXPECT_EQ(path->works[1], V(g, "m"));
}

TEST(MainPathTest, KeyRouteFromTheHeaviestArcReachesARootAndALeaf) {
  model::Graph g = testing::PureDiamond();
  auto path = KeyRouteMainPath(g, Digraph::Build(g), 1);
  ASSERT_TRUE(path.ok());
  // The heaviest arc is join -> tip (every path); back to the root by the
  // first of two equal sides.
  EXPECT_EQ(path->works,
            (std::vector<model::VertexId>{V(g, "root"), V(g, "left"),
                                          V(g, "join"), V(g, "tip")}));
  auto all = KeyRouteMainPath(g, Digraph::Build(g), 5);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->arcs.size(), 5u);  // Every arc is a key route.
}

// The works below a root are ordered before the cycle stops the search;
// the cycle is still found and named.
TEST(GenerationsTest, ACycleBelowARootIsNamed) {
  model::Graph g =
      testing::SpecBuilder()
          .Work("r", "2000")
          .Work("a", "2001")
          .Work("b", "2002")
          .Link("a", "builds_on", "r")
          .Link("b", "builds_on", "a")
          .Link("a", "uses", "b")
          .Build({.allow_influence_cycles = true, .curated = false});
  auto depth = Generations(g, Digraph::Build(g));
  ASSERT_FALSE(depth.ok());
  EXPECT_NE(depth.status().message().find("cycle"), std::string::npos)
      << depth.status().message();
}

TEST(GenerationsTest, LongestChainFromARoot) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Work("c", "2002")
                       .Work("solo", "2003")
                       .Link("b", "builds_on", "a")
                       .Link("c", "builds_on", "b")
                       .Link("c", "uses", "a")
                       .Build();
  auto depth = Generations(g, Digraph::Build(g));
  ASSERT_TRUE(depth.ok());
  EXPECT_EQ((*depth)[V(g, "a")], 0u);
  EXPECT_EQ((*depth)[V(g, "b")], 1u);
  EXPECT_EQ((*depth)[V(g, "c")], 2u);  // Not 1, through the shortcut.
  EXPECT_EQ((*depth)[V(g, "solo")], 0u);
}

}  // namespace
}  // namespace lineage::analysis
