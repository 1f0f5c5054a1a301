#include "analysis/dominators.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;
using Ids = std::vector<model::VertexId>;

TEST(DominatorsTest, EveryPathToTheTipPassesThroughJoinAndRoot) {
  model::Graph g = testing::PureDiamond();
  auto dom = Dominators::Compute(Digraph::Build(g));
  EXPECT_EQ(dom.Necessary(V(g, "tip")), (Ids{V(g, "join"), V(g, "root")}));
  EXPECT_EQ(dom.Necessary(V(g, "join")), Ids{V(g, "root")});
  EXPECT_EQ(dom.Necessary(V(g, "left")), Ids{V(g, "root")});
  EXPECT_TRUE(dom.Necessary(V(g, "root")).empty());
  EXPECT_EQ(dom.immediate(V(g, "tip")), V(g, "join"));
}

TEST(DominatorsTest, RemovingAWorkCutsOffWhatItDominates) {
  model::Graph g = testing::PureDiamond();
  auto dom = Dominators::Compute(Digraph::Build(g));
  EXPECT_EQ(dom.Impact(V(g, "join")), Ids{V(g, "tip")});
  EXPECT_TRUE(dom.Impact(V(g, "left")).empty());  // right still leads on.
  EXPECT_EQ(dom.Impact(V(g, "root")).size(), 4u);
}

TEST(DominatorsTest, AWorkWithTwoIndependentRootsNeedsNeither) {
  model::Graph g = testing::SpecBuilder()
                       .Work("p", "2000")
                       .Work("q", "2000")
                       .Work("x", "2001")
                       .Work("y", "2002")
                       .Link("x", "uses", "p")
                       .Link("x", "uses", "q")
                       .Link("y", "builds_on", "x")
                       .Build();
  auto dom = Dominators::Compute(Digraph::Build(g));
  EXPECT_TRUE(dom.Necessary(V(g, "x")).empty());
  EXPECT_EQ(dom.Necessary(V(g, "y")), Ids{V(g, "x")});
  EXPECT_TRUE(dom.Impact(V(g, "p")).empty());
  EXPECT_EQ(dom.Impact(V(g, "x")), Ids{V(g, "y")});
}

TEST(DominatorsTest, WorksOutsideTheLineageDependOnNothing) {
  model::Graph g = testing::Diamond();
  auto dom = Dominators::Compute(Digraph::Build(g));
  EXPECT_TRUE(dom.Necessary(V(g, "lonely")).empty());
  EXPECT_TRUE(dom.Impact(V(g, "lonely")).empty());
}

}  // namespace
}  // namespace lineage::analysis
