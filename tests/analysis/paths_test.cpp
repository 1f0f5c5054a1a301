#include "analysis/paths.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

std::string Ids(const model::Graph& g, const Path& p) {
  std::string out;
  for (model::VertexId v : p.works)
    out += (out.empty() ? "" : ">") + testing::WorkOf(g, v).id;
  return out;
}

TEST(ShortestPathTest, FollowsInfluenceDownTheDiamond) {
  model::Graph g = testing::Diamond();
  auto p = ShortestPath(g, V(g, "root"), V(g, "tip"));
  ASSERT_TRUE(p);
  EXPECT_EQ(Ids(g, *p), "root>left>join>tip");
  ASSERT_EQ(p->links.size(), 3u);
  EXPECT_EQ(testing::LinkOf(g, p->links[0]).child, V(g, "left"));
  EXPECT_EQ(testing::LinkOf(g, p->links[2]).child, V(g, "tip"));
}

TEST(ShortestPathTest, NoPathAgainstTheDirectionOfInfluence) {
  model::Graph g = testing::Diamond();
  EXPECT_FALSE(ShortestPath(g, V(g, "tip"), V(g, "root")));
  EXPECT_FALSE(ShortestPath(g, V(g, "left"), V(g, "right")));
}

TEST(ShortestPathTest, AWorkIsAPathOfLengthZeroToItself) {
  model::Graph g = testing::Diamond();
  auto p = ShortestPath(g, V(g, "join"), V(g, "join"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->length(), 0u);
  EXPECT_EQ(p->works.size(), 1u);
}

TEST(ShortestPathTest, KnowledgeLinksOnlyWhenAsked) {
  model::Graph g = testing::Diamond();
  EXPECT_FALSE(ShortestPath(g, V(g, "data"), V(g, "tip")));
  auto p =
      ShortestPath(g, V(g, "data"), V(g, "tip"), model::RelationSet::All());
  ASSERT_TRUE(p);
  EXPECT_EQ(Ids(g, *p), "data>join>tip");
}

TEST(AllPathsTest, BothSidesOfTheDiamond) {
  model::Graph g = testing::Diamond();
  PathSet set = AllPaths(g, V(g, "root"), V(g, "tip"));
  EXPECT_FALSE(set.truncated);
  ASSERT_EQ(set.paths.size(), 2u);
  EXPECT_EQ(Ids(g, set.paths[0]), "root>left>join>tip");
  EXPECT_EQ(Ids(g, set.paths[1]), "root>right>join>tip");
}

TEST(AllPathsTest, ShortestFirstWhenLengthsDiffer) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Work("c", "2002")
                       .Link("b", "builds_on", "a")
                       .Link("c", "builds_on", "b")
                       .Link("c", "influenced_by", "a")
                       .Build();
  PathSet set = AllPaths(g, V(g, "a"), V(g, "c"));
  ASSERT_EQ(set.paths.size(), 2u);
  EXPECT_EQ(Ids(g, set.paths[0]), "a>c");
  EXPECT_EQ(Ids(g, set.paths[1]), "a>b>c");
}

TEST(AllPathsTest, LimitsCutTheSearchAndSaySo) {
  model::Graph g = testing::Diamond();
  PathSet one = AllPaths(g, V(g, "root"), V(g, "tip"), {.max_paths = 1});
  EXPECT_EQ(one.paths.size(), 1u);
  EXPECT_TRUE(one.truncated);
  PathSet short_only =
      AllPaths(g, V(g, "root"), V(g, "tip"), {.max_length = 2});
  EXPECT_TRUE(short_only.paths.empty());
  EXPECT_TRUE(short_only.truncated);
  PathSet no_steps = AllPaths(g, V(g, "root"), V(g, "tip"), {.max_steps = 2});
  EXPECT_TRUE(no_steps.truncated);
}

TEST(AllPathsTest, ManyPathsInALadderAreBounded) {
  // A ladder of 20 diamonds has 2^20 paths; the default cap keeps it short.
  model::Graph g = testing::Ladder(20);
  PathSet set = AllPaths(g, V(g, "n0"), V(g, "n20"));
  EXPECT_EQ(set.paths.size(), 100u);
  EXPECT_TRUE(set.truncated);
  for (const Path& p : set.paths) EXPECT_EQ(p.length(), 40u);
}

TEST(AllPathsTest, NoPathGivesAnEmptyUntruncatedSet) {
  model::Graph g = testing::Diamond();
  PathSet set = AllPaths(g, V(g, "tip"), V(g, "root"));
  EXPECT_TRUE(set.paths.empty());
  EXPECT_FALSE(set.truncated);
}

}  // namespace
}  // namespace lineage::analysis
