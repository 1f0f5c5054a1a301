#include "analysis/ancestry.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::analysis {
namespace {

using testing::V;

// "id@distance" for each reached work, in result order.
std::vector<std::string> Ids(const model::Graph& g,
                             const std::vector<Reached>& reached) {
  std::vector<std::string> out;
  for (const Reached& r : reached)
    out.push_back(testing::WorkOf(g, r.work).id + "@" +
                  std::to_string(r.distance));
  return out;
}

TEST(ReachTest, AncestorsOfTheTipAreNearestFirst) {
  model::Graph g = testing::Diamond();
  auto up = Reach(g, V(g, "tip"), Direction::kAncestors);
  EXPECT_EQ(Ids(g, up), (std::vector<std::string>{"join@1", "left@2", "right@2",
                                                  "root@3"}));
  EXPECT_EQ(up[0].via, V(g, "tip"));
  EXPECT_EQ(up[3].via, V(g, "left"));  // Reached first through left.
}

TEST(ReachTest, DepthLimitStopsTheSearch) {
  model::Graph g = testing::Diamond();
  auto up = Reach(g, V(g, "tip"), Direction::kAncestors, {.max_depth = 2});
  EXPECT_EQ(Ids(g, up),
            (std::vector<std::string>{"join@1", "left@2", "right@2"}));
  EXPECT_TRUE(
      Reach(g, V(g, "tip"), Direction::kAncestors, {.max_depth = 0}).empty());
}

TEST(ReachTest, KnowledgeLinksAreFollowedOnlyWhenAsked) {
  model::Graph g = testing::Diamond();
  auto all = Reach(g, V(g, "tip"), Direction::kAncestors,
                   {.relations = model::RelationSet::All()});
  EXPECT_EQ(Ids(g, all),
            (std::vector<std::string>{"join@1", "data@2", "left@2", "right@2",
                                      "lab@2", "root@3"}));
  auto trained = Reach(
      g, V(g, "join"), Direction::kAncestors,
      {.relations = model::RelationSet().Add(model::Relation::kTrainedOn)});
  EXPECT_EQ(Ids(g, trained), (std::vector<std::string>{"data@1"}));
}

TEST(ReachTest, DescendantsOfTheRoot) {
  model::Graph g = testing::Diamond();
  auto down = Reach(g, V(g, "root"), Direction::kDescendants);
  EXPECT_EQ(Ids(g, down),
            (std::vector<std::string>{"left@1", "right@1", "join@2", "tip@3"}));
}

// Works at one distance are ordered by date, undated last, then by id,
// also when ids agree on their first eight bytes (the sort's fast key).
TEST(ReachTest, TiesOnTheDateAreBrokenByTheWholeId) {
  model::BulkSpec spec;
  const std::vector<std::pair<std::string, model::Date>> works = {
      {"tip", {2010, 0, 0}},
      {"paper-00000002", {2000, 0, 0}},
      {"undated", {}},
      {"paper-00000001", {2000, 0, 0}},
      {"paper-0000000", {2000, 0, 0}},
      {"later", {2000, 5, 0}},
      {"paper", {2000, 0, 0}}};
  for (const auto& [id, date] : works) {
    spec.ids.AddUnindexed(id);
    spec.dates.push_back(date);
  }
  for (model::VertexId parent = 1; parent < works.size(); ++parent) {
    spec.parents.push_back(parent);
    spec.children.push_back(0);
  }
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  EXPECT_EQ(Ids(g, Reach(g, 0, Direction::kAncestors)),
            (std::vector<std::string>{"paper@1", "paper-0000000@1",
                                      "paper-00000001@1", "paper-00000002@1",
                                      "later@1", "undated@1"}));
}

// Ancestors through a work's in-links when only some relations are
// followed read each in-link's relation from its out-link.
TEST(ReachTest, DescendantsFollowOnlyTheChosenRelations) {
  model::Graph g = testing::Diamond();
  auto trained = Reach(
      g, V(g, "data"), Direction::kDescendants,
      {.relations = model::RelationSet().Add(model::Relation::kTrainedOn)});
  EXPECT_EQ(Ids(g, trained), (std::vector<std::string>{"join@1"}));
}

TEST(ReachTest, IsolatedWorkReachesNothing) {
  model::Graph g = testing::Diamond();
  EXPECT_TRUE(Reach(g, V(g, "lonely"), Direction::kAncestors).empty());
  EXPECT_TRUE(Reach(g, V(g, "lonely"), Direction::kDescendants).empty());
}

TEST(CommonAncestorsTest, SiblingsShareTheirParent) {
  model::Graph g = testing::Diamond();
  auto common = CommonAncestors(g, V(g, "left"), V(g, "right"));
  ASSERT_EQ(common.size(), 1u);
  EXPECT_EQ(common[0].work, V(g, "root"));
  EXPECT_EQ(common[0].distance_a, 1);
  EXPECT_EQ(common[0].distance_b, 1);
  EXPECT_TRUE(common[0].lowest);
}

TEST(CommonAncestorsTest, AnAncestorIsTheLowestCommonAncestorOfItsDescendant) {
  model::Graph g = testing::Diamond();
  auto common = CommonAncestors(g, V(g, "join"), V(g, "tip"));
  ASSERT_EQ(common.size(), 4u);
  EXPECT_EQ(common[0].work, V(g, "join"));
  EXPECT_TRUE(common[0].lowest);
  EXPECT_EQ(common[0].distance_a, 0);
  EXPECT_EQ(common[0].distance_b, 1);
  for (std::size_t i = 1; i < common.size(); ++i)
    EXPECT_FALSE(common[i].lowest);
}

TEST(CommonAncestorsTest, TwoLowestCommonAncestorsInACrissCross) {
  // x and y both descend from p and q: p and q are both lowest.
  model::Graph g = testing::SpecBuilder()
                       .Work("p", "2000")
                       .Work("q", "2000")
                       .Work("x", "2001")
                       .Work("y", "2001")
                       .Link("x", "uses", "p")
                       .Link("x", "uses", "q")
                       .Link("y", "uses", "p")
                       .Link("y", "uses", "q")
                       .Build();
  auto common = CommonAncestors(g, V(g, "x"), V(g, "y"));
  ASSERT_EQ(common.size(), 2u);
  EXPECT_TRUE(common[0].lowest);
  EXPECT_TRUE(common[1].lowest);
}

TEST(CommonAncestorsTest, UnrelatedWorksShareNothing) {
  model::Graph g = testing::Diamond();
  EXPECT_TRUE(CommonAncestors(g, V(g, "tip"), V(g, "lonely")).empty());
}

}  // namespace
}  // namespace lineage::analysis
