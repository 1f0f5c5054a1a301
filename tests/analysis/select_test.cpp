#include "analysis/select.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

std::vector<std::string> Works(const model::Graph& g,
                               const std::vector<bool>& set) {
  std::vector<std::string> out;
  for (model::VertexId v = 0; v < g.num_works(); ++v)
    if (set[v]) out.push_back(testing::WorkOf(g, v).id);
  return out;
}

TEST(SelectTest, AllSelectsEverything) {
  model::Graph g = testing::Diamond();
  Selection s = SelectAll(g);
  EXPECT_EQ(s.num_works(), 8u);
  EXPECT_EQ(s.num_links(), 7u);
  EXPECT_FALSE(s.any_highlight());
}

TEST(SelectFamilyTest, AncestorsOfTheTipWithTheLinksAmongThem) {
  model::Graph g = testing::Diamond();
  Selection s = SelectFamily(g, V(g, "tip"), {.descendants = false});
  EXPECT_EQ(Works(g, s.works),
            (std::vector<std::string>{"root", "left", "right", "join", "tip"}));
  EXPECT_EQ(s.num_links(), 5u);  // Not join's dataset or lab.
  EXPECT_EQ(s.focus, std::vector<model::VertexId>{V(g, "tip")});
}

TEST(SelectFamilyTest, DepthLimitsTheDescendants) {
  model::Graph g = testing::Diamond();
  Selection s =
      SelectFamily(g, V(g, "root"), {.ancestors = false, .max_depth = 1});
  EXPECT_EQ(Works(g, s.works),
            (std::vector<std::string>{"root", "left", "right"}));
}

TEST(SelectPathsTest, HighlightsEveryWorkOnAPathOverTheFadedRest) {
  model::Graph g = testing::Diamond();
  auto s = SelectPaths(g, V(g, "left"), V(g, "tip"), /*only=*/false);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->num_works(), 8u);
  EXPECT_EQ(Works(g, s->highlighted_works),
            (std::vector<std::string>{"left", "join", "tip"}));
  std::size_t lit = std::count(s->highlighted_links.begin(),
                               s->highlighted_links.end(), true);
  EXPECT_EQ(lit, 2u);
}

TEST(SelectPathsTest, OnlyKeepsThePaths) {
  model::Graph g = testing::Diamond();
  auto s = SelectPaths(g, V(g, "root"), V(g, "tip"), /*only=*/true);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Works(g, s->works),
            (std::vector<std::string>{"root", "left", "right", "join", "tip"}));
  EXPECT_EQ(s->num_links(), 5u);
}

TEST(SelectPathsTest, ReversedOrderIsRefusedWithAHint) {
  model::Graph g = testing::Diamond();
  auto s = SelectPaths(g, V(g, "tip"), V(g, "root"), false);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("'root' came first"), std::string::npos);
  EXPECT_FALSE(SelectPaths(g, V(g, "left"), V(g, "right"), false).ok());
}

TEST(SelectCommonTest, BothLineagesDownFromTheLowestCommonAncestor) {
  model::Graph g = testing::Diamond();
  auto s = SelectCommon(g, V(g, "left"), V(g, "right"), /*only=*/true);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(Works(g, s->works),
            (std::vector<std::string>{"root", "left", "right"}));
  EXPECT_EQ(s->num_links(), 2u);
  EXPECT_FALSE(SelectCommon(g, V(g, "tip"), V(g, "lonely"), true).ok());
}

TEST(SelectArcsTest, HighlightsExactlyTheGivenArcs) {
  model::Graph g = testing::Diamond();
  Selection s = SelectArcs(
      g, {{V(g, "root"), V(g, "left")}, {V(g, "left"), V(g, "join")}}, false);
  EXPECT_EQ(s.num_works(), 8u);
  EXPECT_EQ(Works(g, s.highlighted_works),
            (std::vector<std::string>{"root", "left", "join"}));
  EXPECT_EQ(
      std::count(s.highlighted_links.begin(), s.highlighted_links.end(), true),
      2);
}

TEST(FilterTest, KindsDatesAndTagsNarrowTheSelection) {
  model::Graph g = testing::Diamond();
  Selection s = SelectAll(g);
  ApplyFilter(g, {.kinds = {model::Kind::kDataset}}, &s);
  EXPECT_EQ(Works(g, s.works), std::vector<std::string>{"data"});
  EXPECT_EQ(s.num_links(), 0u);

  Selection dated = SelectAll(g);
  ApplyFilter(g, {.since = model::Date{2002, 0, 0}}, &dated);
  EXPECT_EQ(Works(g, dated.works),
            (std::vector<std::string>{"join", "tip", "lonely"}));  // No lab.
  EXPECT_EQ(dated.num_links(), 1u);

  Selection until = SelectAll(g);
  ApplyFilter(g, {.until = model::Date{2000, 0, 0}}, &until);
  EXPECT_EQ(Works(g, until.works), (std::vector<std::string>{"root", "data"}));
}

TEST(FilterTest, TheFocusSurvivesItsOwnFilter) {
  model::Graph g = testing::Diamond();
  Selection s = SelectFamily(g, V(g, "tip"));
  ApplyFilter(g, {.kinds = {model::Kind::kDataset}}, &s);
  EXPECT_EQ(Works(g, s.works), std::vector<std::string>{"tip"});
}

TEST(KeepTopTest, KeepsTheBestScoredWorksAndTheFocus) {
  model::Graph g = testing::Diamond();
  Selection s = SelectFamily(g, V(g, "tip"));
  std::vector<double> scores(g.num_works(), 0.0);
  scores[V(g, "root")] = 3;
  scores[V(g, "join")] = 2;
  scores[V(g, "left")] = 1;
  KeepTop(g, scores, 2, &s);
  EXPECT_EQ(Works(g, s.works),
            (std::vector<std::string>{"root", "join", "tip"}));
  EXPECT_EQ(s.num_links(), 1u);  // join -> tip; root's links led via sides.
  Selection all = SelectAll(g);
  KeepTop(g, scores, 100, &all);
  EXPECT_EQ(all.num_works(), 8u);
}

TEST(ReduceTest, HidesInfluenceLinksImpliedByLongerPaths) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Work("c", "2002")
                       .Work("d", "2003")
                       .Link("b", "builds_on", "a")
                       .Link("c", "builds_on", "b")
                       .Link("d", "builds_on", "c")
                       .Link("c", "influenced_by", "a")  // implied by a>b>c
                       .Link("d", "uses", "a")           // implied by a>b>c>d
                       .Link("d", "trained_on", "a")     // knowledge: kept
                       .Build();
  Selection s = SelectAll(g);
  Reduce(g, &s);
  EXPECT_EQ(s.reduced_links, 2u);
  EXPECT_EQ(s.num_links(), 4u);
  EXPECT_FALSE(s.links[testing::L(g, "c", "influenced_by", "a")]);
  EXPECT_FALSE(s.links[testing::L(g, "d", "uses", "a")]);
  EXPECT_TRUE(s.links[testing::L(g, "d", "trained_on", "a")]);
}

TEST(ReduceTest, TheDiamondIsAlreadyReduced) {
  model::Graph g = testing::Diamond();
  Selection s = SelectAll(g);
  Reduce(g, &s);
  EXPECT_EQ(s.reduced_links, 0u);
  EXPECT_EQ(s.num_links(), 7u);
}

TEST(ReduceTest, OnlyDrawnLinksCanImplyOthers) {
  // With b filtered out, a -> c is the only way left and must stay.
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001", "dataset")
                       .Work("c", "2002")
                       .Link("b", "builds_on", "a")
                       .Link("c", "builds_on", "b")
                       .Link("c", "uses", "a")
                       .Build();
  Selection s = SelectAll(g);
  ApplyFilter(g, {.kinds = {model::Kind::kModel}}, &s);
  Reduce(g, &s);
  EXPECT_EQ(s.reduced_links, 0u);
  EXPECT_TRUE(s.links[testing::L(g, "c", "uses", "a")]);
}

// A family with a cycle (a -> b -> c -> a): every link of the cycle stays,
// and only what a path through another component implies is hidden, so the
// counts add up. The old reduction hid the whole cycle.
TEST(ReduceTest, OnACyclicViewKeepsTheCycleAndReducesTheCondensation) {
  model::Graph g =
      testing::SpecBuilder()
          .Work("x", "1999")
          .Work("a", "2000")
          .Work("b", "2001")
          .Work("c", "2002")
          .Work("d", "2003")
          .Link("a", "uses", "x")
          .Link("b", "uses", "a")
          .Link("c", "uses", "b")
          .Link("a", "uses", "c")  // Closes the cycle.
          .Link("d", "uses", "c")
          .Link("d", "builds_on", "a")  // Same two components.
          .Link("d", "uses", "x")       // Implied: x > {abc} > d.
          .Build({.allow_influence_cycles = true, .curated = false});
  Selection s = SelectAll(g);
  const std::size_t before = s.num_links();
  Reduce(g, &s);
  EXPECT_EQ(s.reduced_links, 1u);
  EXPECT_FALSE(s.links[testing::L(g, "d", "uses", "x")]);
  for (auto [child, parent] : {std::pair{"b", "a"}, {"c", "b"}, {"a", "c"}})
    EXPECT_TRUE(s.links[testing::L(g, child, "uses", parent)]) << child;
  EXPECT_TRUE(s.links[testing::L(g, "d", "builds_on", "a")]);
  EXPECT_TRUE(s.links[testing::L(g, "d", "uses", "c")]);
  EXPECT_EQ(s.num_links() + s.reduced_links, before);
}

TEST(ReduceTest, ATwoCycleKeepsBothLinks) {
  model::Graph g = testing::TwoCycle();
  Selection s = SelectAll(g);
  Reduce(g, &s);
  EXPECT_EQ(s.reduced_links, 0u);
  EXPECT_EQ(s.num_links(), 2u);
}

}  // namespace
}  // namespace lineage::analysis
