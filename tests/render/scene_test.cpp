#include "render/scene.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::render {
namespace {

using testing::V;

Scene Whole(const model::Graph& g, SceneOptions options = {}) {
  auto scene = BuildScene(g, analysis::SelectAll(g), options);
  EXPECT_TRUE(scene.ok()) << scene.status().ToString();
  return std::move(scene).value();
}

TEST(SceneTest, TimelineHasEveryDatedWorkAndARulerOfItsYears) {
  model::Graph g = testing::Diamond();
  Scene s = Whole(g);
  EXPECT_EQ(s.works, 8u);
  EXPECT_EQ(s.undated, 1u);  // The organization.
  for (const char* id :
       {"root", "left", "right", "join", "tip", "data", "lonely", "lab"})
    EXPECT_NE(s.FindNode(id), nullptr) << id;
  for (const char* year : {"tick-1999", "tick-2000", "tick-2001", "tick-2002",
                           "tick-2003", "tick-2005"}) {
    ASSERT_NE(s.FindNode(year), nullptr) << year;
    EXPECT_EQ(s.FindNode(year)->attrs.Get("class"), "tick");
    EXPECT_FALSE(s.FindNode(year)->attrs.Get("pos").empty());
  }
  EXPECT_EQ(s.FindNode("tick-2004"), nullptr);  // No work that year.
  ASSERT_NE(s.FindNode("tick-undated"), nullptr);
  EXPECT_EQ(s.resolution, Resolution::kYear);
  EXPECT_EQ(s.nodes.size(), 15u);
  // The organization's links are listed in its tooltip, not drawn.
  EXPECT_EQ(s.FindNode("lab")->attrs.Get("tooltip"),
            "lab (organization)\njoin");
}

TEST(SceneTest, AViewOfUndatedWorksIsLaidOutByItsLinks) {
  // An imported family tree has no dates: no ruler, and every link drawn.
  model::BulkSpec spec;
  for (const char* id : {"5th", "6th", "lsx"}) spec.ids.Intern(id);
  spec.parents = {0, 1};
  spec.children = {1, 2};
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  auto scene = BuildScene(g, analysis::SelectAll(g));
  ASSERT_TRUE(scene.ok());
  EXPECT_EQ(scene->works, 3u);
  EXPECT_EQ(scene->edges.size(), 2u);
  EXPECT_TRUE(scene->same_rank.empty());
  EXPECT_EQ(scene->FindNode("tick-undated"), nullptr);
}

TEST(SceneTest, ForDotWorksOfOneYearShareARankWithTheirYear) {
  model::Graph g = testing::Diamond();
  Scene s = Whole(g, {.pinned = false});
  ASSERT_EQ(s.same_rank.size(), 7u);
  // Years in order; 2001 holds both sides of the diamond.
  EXPECT_EQ(s.same_rank[0], (std::vector<std::string>{"tick-1999", "data"}));
  EXPECT_EQ(s.same_rank[2],
            (std::vector<std::string>{"tick-2001", "left", "right"}));
  EXPECT_EQ(s.same_rank[5], (std::vector<std::string>{"tick-2005", "lonely"}));
  EXPECT_EQ(s.same_rank[6], (std::vector<std::string>{"tick-undated", "lab"}));
  EXPECT_EQ(s.FindNode("root")->attrs.Get("pos"), "");  // dot places it.
}

TEST(SceneTest, RulerJoinsConsecutiveYearsAndDashesGaps) {
  model::Graph g = testing::Diamond();
  Scene s = Whole(g);
  const SceneEdge* step = s.FindEdge("ruler-2000-2001");
  ASSERT_NE(step, nullptr);
  EXPECT_EQ(step->tail, "tick-2000");
  EXPECT_EQ(step->attrs.Get("style"), "solid");
  const SceneEdge* gap = s.FindEdge("ruler-2003-2005");
  ASSERT_NE(gap, nullptr);
  EXPECT_EQ(gap->attrs.Get("style"), "dashed");
}

TEST(SceneTest, LinksRunOlderToNewerAndAreStyledByRelation) {
  model::Graph g = testing::Diamond();
  Scene s = Whole(g);
  const SceneEdge* built = s.FindEdge("link-left-builds_on-root");
  ASSERT_NE(built, nullptr);
  EXPECT_EQ(built->tail, "root");
  EXPECT_EQ(built->head, "left");
  EXPECT_EQ(built->attrs.Get("class"), "link rel-builds_on influence");
  EXPECT_EQ(built->attrs.Get("tooltip"),
            "left builds_on root: left builds_on root");
  const SceneEdge* data = s.FindEdge("link-join-trained_on-data");
  ASSERT_NE(data, nullptr);
  EXPECT_EQ(data->attrs.Get("class"), "link rel-trained_on knowledge");
  EXPECT_NE(data->attrs.Get("style"), built->attrs.Get("style"));
  EXPECT_EQ(data->attrs.Get("weight"), "0");
  // The organization's link would run backwards in time.
  EXPECT_EQ(s.FindEdge("link-join-published_by-lab"), nullptr);
  EXPECT_EQ(s.FindEdge("ruler-2005-undated")->attrs.Get("style"), "dotted");
}

TEST(SceneTest, WorkNodesCarryIdClassLabelTooltipAndLink) {
  model::GraphSpec spec = testing::SpecBuilder()
                              .Work("gan", "2014-12", "architecture")
                              .Work("org", "", "organization")
                              .Link("gan", "published_by", "org")
                              .spec();
  spec.works[0].name = "Generative Adversarial Nets";
  spec.works[0].details.summary = "Two networks compete.";
  spec.works[0].details.arxiv = "1406.2661";
  spec.works[1].name = "Université de Montréal";
  auto g = model::Graph::Build(spec);
  ASSERT_TRUE(g.ok());
  Scene s = Whole(*g);
  const SceneNode* n = s.FindNode("gan");
  ASSERT_NE(n, nullptr);
  EXPECT_EQ(n->attrs.Get("id"), "work-gan");
  EXPECT_EQ(n->attrs.Get("class"), "work kind-architecture era-all");
  EXPECT_EQ(n->attrs.Get("label"), "Generative\nAdversarial Nets\n2014-12");
  EXPECT_EQ(n->attrs.Get("shape"), "hexagon");
  EXPECT_EQ(n->attrs.Get("URL"), "https://arxiv.org/abs/1406.2661");
  EXPECT_EQ(n->attrs.Get("tooltip"),
            "Generative Adversarial Nets (architecture, 2014-12)\n"
            "Two networks compete.\nOrganization: Université de Montréal");
}

TEST(SceneTest, PathViewHighlightsThePathAndFadesTheRest) {
  model::Graph g = testing::Diamond();
  auto sel = analysis::SelectPaths(g, V(g, "left"), V(g, "tip"), false);
  ASSERT_TRUE(sel.ok());
  auto s = BuildScene(g, *sel);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->FindNode("left")->attrs.Get("class"),
            "work kind-model era-all focus highlight");
  EXPECT_EQ(s->FindNode("join")->attrs.Get("class"),
            "work kind-model era-all highlight");
  EXPECT_EQ(s->FindNode("root")->attrs.Get("class"),
            "work kind-model era-all faded");
  EXPECT_EQ(s->FindEdge("link-join-builds_on-left")->attrs.Get("class"),
            "link rel-builds_on influence highlight");
  EXPECT_EQ(s->FindEdge("link-join-builds_on-right")->attrs.Get("class"),
            "link rel-builds_on influence faded");
  EXPECT_NE(s->html_label.find("faded: the rest"), std::string::npos);
  auto only = analysis::SelectPaths(g, V(g, "left"), V(g, "tip"), true);
  auto alone = BuildScene(g, *only);
  EXPECT_EQ(alone->html_label.find("faded"), std::string::npos);
}

TEST(SceneTest, LegendCountsHiddenLinksAndEscapesTheTitle) {
  model::Graph g = testing::Diamond();
  analysis::Selection sel = analysis::SelectAll(g);
  sel.reduced_links = 3;
  auto s = BuildScene(g, sel, {.title = "<script>&\"x\"</script>"});
  ASSERT_TRUE(s.ok());
  EXPECT_NE(
      s->html_label.find("&lt;script&gt;&amp;&quot;x&quot;&lt;/script&gt;"),
      std::string::npos);
  EXPECT_EQ(s->html_label.find("<script>"), std::string::npos);
  EXPECT_NE(s->html_label.find("3 implied influence links hidden"),
            std::string::npos);
  EXPECT_NE(s->html_label.find("builds_on"), std::string::npos);
  EXPECT_EQ(s->html_label.find("responds_to"), std::string::npos);  // Absent.
}

TEST(SceneTest, WithoutTimelineThereIsNoRulerAndEveryLinkIsDrawn) {
  model::Graph g = testing::Diamond();
  Scene s = Whole(g, {.timeline = false});
  EXPECT_EQ(s.works, 8u);
  EXPECT_NE(s.FindEdge("link-join-published_by-lab"), nullptr);
  EXPECT_EQ(s.FindNode("tick-2000"), nullptr);
  EXPECT_TRUE(s.same_rank.empty());
  EXPECT_EQ(s.graph_attrs.Get("overlap"), "false");
}

// An undated base model named by a later work (as a model table's parent
// column does) is placed by its links, marked undated, and every link of
// it is drawn.
TEST(SceneTest, UndatedWorkIsPlacedByItsLinksAndKeepsThem) {
  model::Graph g = testing::SpecBuilder()
                       .Work("base", "")
                       .Work("tuned", "2023-05")
                       .Work("merge", "2023-08")
                       .Work("older", "2022-01")
                       .Link("base", "builds_on", "older")
                       .Link("tuned", "builds_on", "base")
                       .Link("merge", "builds_on", "base")
                       .Build({.curated = false});
  Scene s = Whole(g);
  EXPECT_EQ(s.links, 3u);
  EXPECT_EQ(s.listed, 0u);
  for (const char* id :
       {"link-base-builds_on-older", "link-tuned-builds_on-base",
        "link-merge-builds_on-base"}) {
    ASSERT_NE(s.FindEdge(id), nullptr) << id;
    EXPECT_EQ(s.FindEdge(id)->attrs.Get("pos").rfind("e,", 0), 0u) << id;
  }
  const SceneNode* base = s.FindNode("base");
  EXPECT_EQ(base->attrs.Get("class"), "work kind-model era-all undated");
  EXPECT_NE(base->attrs.Get("label").find("(undated)"), std::string::npos);
  EXPECT_NE(s.html_label.find("1 undated work placed by its links"),
            std::string::npos);
  // Between its parent and its children.
  auto x = [&](const char* id) {
    return std::stod(s.FindNode(id)->attrs.Get("pos"));
  };
  EXPECT_LT(x("older"), x("base"));
  EXPECT_LE(x("base"), x("tuned"));
}

TEST(SceneTest, LinkBackInTimeIsOrangeAndCountedInTheLegend) {
  // A distribution dated before its parent.
  model::Graph g = testing::SpecBuilder()
                       .Work("parent", "2021")
                       .Work("child", "2019")
                       .Work("later", "2022")
                       .Link("child", "builds_on", "parent")
                       .Link("later", "builds_on", "parent")
                       .Build({.curated = false});
  Scene s = Whole(g);
  EXPECT_EQ(s.back_in_time, 1u);
  const SceneEdge* back = s.FindEdge("link-child-builds_on-parent");
  ASSERT_NE(back, nullptr);
  EXPECT_EQ(back->attrs.Get("class"),
            "link rel-builds_on influence back-in-time");
  EXPECT_EQ(s.FindEdge("link-later-builds_on-parent")->attrs.Get("class"),
            "link rel-builds_on influence");
  EXPECT_NE(s.html_label.find("1 link runs back in time"), std::string::npos);
  // The ruler stays in order: 2019, 2021, 2022.
  auto x = [&](const char* id) {
    return std::stod(s.FindNode(id)->attrs.Get("pos"));
  };
  EXPECT_LT(x("tick-2019"), x("tick-2021"));
  EXPECT_LT(x("tick-2021"), x("tick-2022"));
  EXPECT_LT(x("child"), x("parent"));
  // For dot, the link does not constrain the ranks.
  Scene dot = Whole(g, {.pinned = false});
  EXPECT_EQ(
      dot.FindEdge("link-child-builds_on-parent")->attrs.Get("constraint"),
      "false");
}

using testing::Leaves;

const SceneOptions kGrouped{.resolution = Resolution::kYear,
                            .group_leaves = true};

TEST(SceneTest, LeavesWithTheSameParentsInAColumnAreOneGroup) {
  model::Graph g = Leaves();
  Scene s = Whole(g, kGrouped);
  const SceneNode* group = s.FindNode("group-s1");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->attrs.Get("id"), "group-s1");
  EXPECT_EQ(group->attrs.Get("class"), "group");
  EXPECT_EQ(group->attrs.Get("label"), "s1\nand 2 more · 2005");
  EXPECT_EQ(group->attrs.Get("tooltip"),
            "3 works with the same parents: a, b\ns1 (2005)\ns2 (2005)\n"
            "s3 (2005)");
  EXPECT_FALSE(group->attrs.Get("pos").empty());
  for (const char* id : {"s1", "s2", "s3"}) EXPECT_EQ(s.FindNode(id), nullptr);
  // One link from each shared parent, in place of six.
  for (const char* parent : {"a", "b"}) {
    const SceneEdge* link =
        s.FindEdge(std::string("link-group-s1-builds_on-") + parent);
    ASSERT_NE(link, nullptr) << parent;
    EXPECT_EQ(link->tail, parent);
    EXPECT_EQ(link->head, "group-s1");
    EXPECT_EQ(link->attrs.Get("class"),
              "link group-link rel-builds_on influence");
    EXPECT_EQ(link->attrs.Get("tooltip"),
              "3 of its 3 works builds_on " + std::string(parent));
  }
  EXPECT_EQ(s.FindEdge("link-s1-builds_on-a"), nullptr);
}

TEST(SceneTest, WorksWithoutLinksInAColumnAreOneGroup) {
  testing::SpecBuilder b;
  b.Work("x1", "2005").Work("x2", "2005").Work("x3", "2005").Work("y", "2006");
  model::Graph g = b.Build();
  Scene s = Whole(g, kGrouped);
  const SceneNode* group = s.FindNode("group-x1");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->attrs.Get("tooltip"),
            "3 works without links in the view:\nx1 (2005)\nx2 (2005)\n"
            "x3 (2005)");
  EXPECT_NE(s.FindNode("y"), nullptr);  // Alone in 2006.
  EXPECT_EQ(s.works, 1u);
  EXPECT_EQ(s.grouped_works, 3u);
  EXPECT_EQ(s.links + s.grouped_links, 0u);
}

TEST(SceneTest, OtherLeavesWithTheSameMainParentAreOneGroup) {
  model::Graph g = Leaves();
  Scene s = Whole(g, kGrouped);
  const SceneNode* siblings = s.FindNode("group-t1");
  ASSERT_NE(siblings, nullptr);
  EXPECT_EQ(siblings->attrs.Get("tooltip"),
            "3 works building on a, of their parents the one with the most "
            "children in the view:\nt1 (2005)\nt2 (2005)\nt3 (2005)");
  // One link from each parent of any of them, saying how many it stands for.
  EXPECT_EQ(s.FindEdge("link-group-t1-builds_on-a")->attrs.Get("tooltip"),
            "3 of its 3 works builds_on a");
  EXPECT_EQ(s.FindEdge("link-group-t1-builds_on-c")->attrs.Get("tooltip"),
            "1 of its 3 works builds_on c");
  // m has a child in the view, n is alone in its column: both drawn.
  EXPECT_NE(s.FindNode("m"), nullptr);
  EXPECT_NE(s.FindNode("n"), nullptr);
  EXPECT_NE(s.FindEdge("link-m-builds_on-a"), nullptr);
}

TEST(SceneTest, LeavesWithOtherParentsAreNotMerged) {
  model::Graph g = Leaves();
  Scene s = Whole(g, kGrouped);
  // u1's one parent is b: neither the s group's nor the t group's.
  ASSERT_NE(s.FindNode("u1"), nullptr);
  EXPECT_EQ(s.FindNode("u1")->attrs.Get("class"), "work kind-model era-all");
  EXPECT_NE(s.FindEdge("link-u1-builds_on-b"), nullptr);
  // Without t3, t1 and t2 are too few to group: a pair is drawn as itself.
  analysis::Selection sel = analysis::SelectAll(g);
  sel.works[V(g, "t3")] = false;
  sel.links[testing::L(g, "t3", "builds_on", "a")] = false;
  auto pair = BuildScene(g, sel, kGrouped);
  ASSERT_TRUE(pair.ok());
  EXPECT_NE(pair->FindNode("group-s1"), nullptr);
  EXPECT_EQ(pair->FindNode("group-t1"), nullptr);
  EXPECT_NE(pair->FindNode("t1"), nullptr);
  EXPECT_NE(pair->FindNode("t2"), nullptr);
  EXPECT_EQ(pair->groups, 1u);
  EXPECT_EQ(pair->grouped_works, 3u);
}

TEST(SceneTest, GroupedCountsAddUpToTheView) {
  model::Graph g = Leaves();
  Scene s = Whole(g, kGrouped);
  EXPECT_EQ(s.groups, 2u);
  EXPECT_EQ(s.grouped_works, 6u);
  EXPECT_EQ(s.works, 6u);  // a, b, c, u1, m, n.
  EXPECT_EQ(s.works + s.grouped_works, g.num_works());
  EXPECT_EQ(s.links, 3u);  // a -> m -> n, b -> u1.
  EXPECT_EQ(s.grouped_links, 10u);
  EXPECT_EQ(s.links + s.grouped_links + s.listed, g.num_links());
  // Drawn: the three links, and the groups' four.
  std::size_t drawn = 0;
  for (const SceneEdge& e : s.edges)
    drawn += e.attrs.Get("class").starts_with("link ");
  EXPECT_EQ(drawn, 7u);
  EXPECT_NE(s.html_label.find("6 works grouped into 2 stacks"),
            std::string::npos);
}

TEST(SceneTest, HighlightedAndFocusWorksAreNeverGrouped) {
  model::Graph g = Leaves();
  analysis::Selection sel = analysis::SelectAll(g);
  const model::EdgeId bold = testing::L(g, "s1", "builds_on", "a");
  sel.highlighted_links[bold] = true;
  sel.highlighted_works[V(g, "s1")] = true;
  sel.highlighted_works[V(g, "a")] = true;
  sel.focus = {V(g, "s2")};
  auto s = BuildScene(g, sel, kGrouped);
  ASSERT_TRUE(s.ok());
  ASSERT_NE(s->FindNode("s1"), nullptr);
  EXPECT_NE(s->FindNode("s1")->attrs.Get("class").find("highlight"),
            std::string::npos);
  EXPECT_NE(s->FindNode("s2"), nullptr);
  // s3 is left alone of its parents, and joins t1..t3 (main parent a);
  // never highlighted, the group is faded with the rest.
  const SceneNode* rest = s->FindNode("group-s3");
  ASSERT_NE(rest, nullptr);
  EXPECT_EQ(rest->attrs.Get("class"), "group faded");
  EXPECT_EQ(s->grouped_works, 4u);
}

TEST(SceneTest, NothingIsGroupedUnlessAskedOrOffThePinnedTimeline) {
  model::Graph g = Leaves();
  for (const SceneOptions& o :
       {SceneOptions{.resolution = Resolution::kYear},
        SceneOptions{.pinned = false, .group_leaves = true}}) {
    Scene s = Whole(g, o);
    EXPECT_EQ(s.groups, 0u);
    EXPECT_EQ(s.works, g.num_works());
    EXPECT_EQ(s.links, g.num_links());
    EXPECT_EQ(s.FindNode("group-s1"), nullptr);
    EXPECT_NE(s.FindNode("s1"), nullptr);
  }
}

TEST(SceneTest, RefusesAnUnknownRankdir) {
  model::Graph g = testing::Diamond();
  auto s = BuildScene(g, analysis::SelectAll(g), {.rankdir = "RL"});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().code(), base::Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace lineage::render
