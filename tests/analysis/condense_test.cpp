#include "analysis/condense.h"

#include <gtest/gtest.h>

#include "analysis/digraph.h"
#include "analysis/main_path.h"
#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

TEST(CondenseTest, ACycleBecomesOneWorkAndTheRestStays) {
  // a <-> b, and c builds on b: condensed, cycle-a -> c.
  model::Graph g =
      testing::SpecBuilder()
          .Work("a", "2019")
          .Work("b", "2020")
          .Work("c", "2021")
          .Link("b", "uses", "a")
          .Link("a", "uses", "b")
          .Link("c", "builds_on", "b")
          .Link("c", "uses", "a")
          .Build({.allow_influence_cycles = true, .curated = false});
  auto c = Condense(g);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->cycles, 1u);
  EXPECT_EQ(c->merged_works, 2u);
  const model::Graph& h = c->graph;
  ASSERT_EQ(h.num_works(), 2u);
  auto cycle = h.FindId("cycle-a");
  ASSERT_TRUE(cycle);
  EXPECT_EQ(testing::WorkOf(h, *cycle).date.ToString(),
            "2019");  // The earliest member.
  EXPECT_NE(testing::WorkOf(h, *cycle).details.summary.find("a, b"),
            std::string::npos);
  // Two links from the cycle to c, of two relations; none inside it.
  EXPECT_EQ(h.num_links(), 2u);
  for (const model::Link& l : testing::Links(h)) {
    EXPECT_EQ(l.parent, *cycle);
    EXPECT_EQ(testing::WorkOf(h, l.child).id, "c");
  }
  // DAG-only analyses now apply.
  EXPECT_TRUE(SearchPathCount(h, Digraph::Build(h)).ok());
  EXPECT_FALSE(SearchPathCount(g, Digraph::Build(g)).ok());
}

// A graph's own relations (an imported file's names) survive condensing.
TEST(CondenseTest, AGraphsOwnRelationsKeepTheirNames) {
  model::GraphSpec spec;
  auto merge = spec.relations.Define("merge", true);
  ASSERT_TRUE(merge.ok());
  for (const char* id : {"a", "b", "c"})
    spec.works.push_back({id, id, model::Kind::kModel, {}, {}});
  spec.links = {
      {"b", "a", *merge, {}}, {"a", "b", *merge, {}}, {"c", "b", *merge, {}}};
  auto g = model::Graph::Build(
      std::move(spec), {.allow_influence_cycles = true, .curated = false});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  auto c = Condense(*g);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->graph.num_links(), 1u);
  EXPECT_EQ(c->graph.relation_name(c->graph.relation(0)), "merge");
}

TEST(CondenseTest, ADagIsKeptAsItIs) {
  model::Graph g = testing::Diamond();
  auto c = Condense(g);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->cycles, 0u);
  EXPECT_EQ(c->graph.num_works(), g.num_works());
  EXPECT_EQ(c->graph.num_links(), g.num_links());
  EXPECT_EQ(c->graph.date(*c->graph.FindId("tip")).ToString(), "2003");
}

TEST(CondenseTest, AnImportIsCondensedIntoColumns) {
  // x(2001) -> y(2000) -> z(2002) -> x: a cycle; w(2003) cites y; v alone.
  model::BulkSpec spec;
  for (const char* id : {"x", "y", "z", "w", "v"}) spec.ids.Intern(id);
  spec.dates = {model::Date{2001}, model::Date{2000}, model::Date{2002},
                model::Date{2003}, model::Date{1999}};
  spec.labels.Add("Why");
  spec.label_of = {model::BulkSpec::kNoLabel, 0, model::BulkSpec::kNoLabel,
                   model::BulkSpec::kNoLabel, model::BulkSpec::kNoLabel};
  spec.parents = {0, 1, 2, 1};
  spec.children = {1, 2, 0, 3};
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  auto c = Condense(g);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->cycles, 1u);
  EXPECT_EQ(c->merged_works, 3u);
  const model::Graph& h = c->graph;
  ASSERT_EQ(h.num_works(), 3u);
  // Named after its earliest member, y, in the order of its first work, x.
  EXPECT_EQ(h.id(0), "cycle-y");
  EXPECT_EQ(h.name(0), "Why and 2 more (a cycle)");
  EXPECT_EQ(h.date(0).year, 2000);
  EXPECT_EQ(h.id(1), "w");
  EXPECT_EQ(h.id(2), "v");
  ASSERT_EQ(h.num_links(), 1u);
  EXPECT_EQ(h.parent(0), 0u);
  EXPECT_EQ(h.child(0), 1u);
  EXPECT_FALSE(h.has_details());
  EXPECT_TRUE(SearchPathCount(h, Digraph::Build(h)).ok());
}

}  // namespace
}  // namespace lineage::analysis
