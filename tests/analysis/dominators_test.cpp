#include "analysis/dominators.h"

#include <gtest/gtest.h>

#include <random>

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

// A cycle that draws on nothing outside itself is reached from no root:
// neither of its works has a dominator, and a work below it depends on the
// line that does reach it.
TEST(DominatorsTest, ACycleNoRootReachesHasNoDominators) {
  model::BulkSpec spec;
  for (const char* id : {"a", "b", "r", "x"}) spec.ids.AddUnindexed(id);
  // a <-> b, a -> x, r -> x.
  spec.parents = {0, 1, 0, 2};
  spec.children = {1, 0, 3, 3};
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  auto dom = Dominators::Compute(Digraph::Build(g));
  EXPECT_FALSE(dom.immediate(0));
  EXPECT_FALSE(dom.immediate(1));
  EXPECT_EQ(dom.immediate(3), 2u);
  EXPECT_EQ(dom.Impact(2), Ids{3});
}

// Works reached from the roots (in-degree 0) without passing through
// `removed` (n: none), by the definition, for the test below.
std::vector<bool> ReachedWithout(const Digraph& d, model::VertexId removed) {
  const model::SimpleTopology& t = d.topology();
  const std::size_t n = d.num_vertices();
  std::vector<bool> seen(n, false);
  std::vector<model::VertexId> stack;
  for (model::VertexId v = 0; v < n; ++v)
    if (d.in_degree(v) == 0 && v != removed) stack.push_back(v), seen[v] = true;
  while (!stack.empty()) {
    model::VertexId v = stack.back();
    stack.pop_back();
    for (auto [it, end] = boost::adjacent_vertices(v, t); it != end; ++it)
      if (*it != removed && !seen[*it]) stack.push_back(*it), seen[*it] = true;
  }
  return seen;
}

// On random graphs with several roots, cycles, and works no root reaches
// (Boost.Graph's Lengauer-Tarjan, used before, goes wrong when a reached
// work has a parent no root reaches: boostorg/graph#97), the immediate
// dominator is the nearest work whose removal cuts v off from the roots.
TEST(DominatorsTest, MatchesTheDefinitionOnRandomGraphs) {
  std::mt19937 random(7);
  for (int round = 0; round < 300; ++round) {
    const std::uint32_t n = 2 + random() % 30;
    const std::uint32_t m = random() % (3 * n);
    model::BulkSpec spec;
    for (std::uint32_t v = 0; v < n; ++v)
      spec.ids.AddUnindexed("w" + std::to_string(v));
    for (std::uint32_t i = 0; i < m; ++i) {
      // Mostly older -> newer, sometimes back: cycles.
      std::uint32_t a = random() % n, b = random() % n;
      if (a == b) continue;
      if (a > b && random() % 4 != 0) std::swap(a, b);
      spec.parents.push_back(a);
      spec.children.push_back(b);
    }
    model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
    Digraph d = Digraph::Build(g);
    auto dom = Dominators::Compute(d);
    const std::vector<bool> reached = ReachedWithout(d, n);
    // doms[v]: the works whose removal cuts v off.
    std::vector<std::vector<model::VertexId>> doms(n);
    for (model::VertexId w = 0; w < n; ++w) {
      const std::vector<bool> without = ReachedWithout(d, w);
      for (model::VertexId v = 0; v < n; ++v)
        if (v != w && reached[v] && !without[v]) doms[v].push_back(w);
    }
    for (model::VertexId v = 0; v < n; ++v) {
      std::optional<model::VertexId> want;  // The deepest dominator.
      for (model::VertexId w : doms[v])
        if (!want || doms[w].size() > doms[*want].size()) want = w;
      ASSERT_EQ(dom.immediate(v), want) << "round " << round << ", work " << v;
    }
  }
}

}  // namespace
}  // namespace lineage::analysis
