#include "analysis/digraph.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

TEST(DigraphTest, ParallelLinksOfDifferentRelationsCountOnce) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Link("b", "uses", "a")
                       .Link("b", "builds_on", "a")
                       .Link("b", "trained_on", "a")
                       .Build();
  Digraph d = Digraph::Build(g);
  EXPECT_EQ(d.num_arcs(), 1u);
  EXPECT_EQ(d.children(V(g, "a")), std::vector<model::VertexId>{V(g, "b")});
  EXPECT_EQ(d.parents(V(g, "b")), std::vector<model::VertexId>{V(g, "a")});
  EXPECT_EQ(
      Digraph::Build(g, model::RelationSet().Add(model::Relation::kTrainedOn))
          .num_arcs(),
      1u);
}

// A graph file can hold a work linked to itself, which curated data and
// imports refuse or drop: it is a cycle of one, counted like any other.
TEST(StronglyConnectedTest, AWorkLinkedToItselfIsACycleOfOne) {
  model::BulkSpec spec;
  spec.ids.Intern("a");
  spec.ids.Intern("b");
  spec.parents = {0, 0};
  spec.children = {0, 1};
  model::BulkReport report;
  model::Graph g = model::Graph::FromBulk(std::move(spec), &report);
  Components c = StronglyConnected(Digraph::Build(g));
  EXPECT_EQ(c.cyclic, 1u);
  EXPECT_EQ(c.in_cycles, 1u);
  EXPECT_EQ(c.largest, 1u);
  auto cycles = model::FindCycles(g, model::RelationSet::Influence(), 3);
  ASSERT_EQ(cycles.size(), 1u);
  EXPECT_EQ(model::CycleText(g, cycles[0]), "a -> a");
}

TEST(DigraphTest, KnowledgeLinksAreNotLineage) {
  model::Graph g = testing::Diamond();
  Digraph d = Digraph::Build(g);
  EXPECT_EQ(d.num_arcs(), 5u);
  EXPECT_FALSE(d.in_lineage(V(g, "data")));
  EXPECT_FALSE(d.in_lineage(V(g, "lonely")));
  EXPECT_TRUE(d.in_lineage(V(g, "tip")));
}

TEST(DigraphTest, ASimpleGraphIsItsOwnDigraph) {
  model::Graph pure = testing::PureDiamond();
  EXPECT_EQ(&Digraph::Build(pure).topology(),
            static_cast<const model::Topology*>(pure.csr().get()));
  // With knowledge links left out, the diamond needs a digraph of its own.
  model::Graph g = testing::Diamond();
  Digraph d = Digraph::Build(g);
  EXPECT_NE(&d.topology(), static_cast<const model::Topology*>(g.csr().get()));
  EXPECT_EQ(d.num_arcs(), 5u);
}

TEST(TopologicalOrderTest, ParentsComeFirst) {
  model::Graph g = testing::Diamond();
  Digraph d = Digraph::Build(g);
  auto order = TopologicalOrder(g, d);
  ASSERT_TRUE(order.ok());
  std::vector<std::size_t> pos(g.num_works());
  for (std::size_t i = 0; i < order->size(); ++i) pos[(*order)[i]] = i;
  for (const model::Link& l : testing::Links(g)) {
    if (model::IsInfluence(l.relation)) {
      EXPECT_LT(pos[l.parent], pos[l.child]);
    }
  }
}

TEST(TopologicalOrderTest, ACycleIsRefusedAndNamed) {
  model::Graph g = testing::TwoCycle();
  auto order = TopologicalOrder(g, Digraph::Build(g));
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), base::Status::Code::kInvalidData);
  EXPECT_NE(order.status().message().find("a -> b -> a"), std::string::npos)
      << order.status().message();
}

TEST(ChronologicalOrderTest, EarliestReadyWorkComesNext) {
  // y (2001) and z (2005) are both roots; x (2002) follows y.
  model::Graph g = testing::SpecBuilder()
                       .Work("z", "2005")
                       .Work("x", "2002")
                       .Work("y", "2001")
                       .Link("x", "uses", "y")
                       .Build();
  auto order = ChronologicalOrder(g, Digraph::Build(g));
  ASSERT_TRUE(order.ok());
  EXPECT_EQ(*order,
            (std::vector<model::VertexId>{V(g, "y"), V(g, "x"), V(g, "z")}));
}

}  // namespace
}  // namespace lineage::analysis
