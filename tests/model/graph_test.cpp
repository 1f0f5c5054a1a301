#include "model/graph.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::model {
namespace {

using testing::SpecBuilder;
using testing::V;

// The single diagnostic of a failed Build, or a test failure.
std::string OnlyProblem(const GraphSpec& spec) {
  auto g = Graph::Build(spec);
  EXPECT_FALSE(g.ok());
  if (g.ok()) return "";
  EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidData);
  EXPECT_EQ(g.status().diagnostics().size(), 1u) << g.status().ToString();
  if (g.status().diagnostics().empty()) return "";
  const base::Diagnostic& d = g.status().diagnostics().front();
  EXPECT_FALSE(d.fix.empty()) << d.message;
  return d.message + " | " + d.fix;
}

TEST(GraphBuildTest, EdgesRunFromParentToChild) {
  Graph g = testing::Diamond();
  EXPECT_EQ(g.num_works(), 8u);
  EXPECT_EQ(g.num_links(), 7u);
  EXPECT_EQ(testing::ChildrenOf(g, V(g, "root")).size(), 2u);
  EXPECT_EQ(testing::ParentsOf(g, V(g, "root")).size(), 0u);
  EXPECT_EQ(testing::ParentsOf(g, V(g, "join")).size(), 4u);
  std::size_t seen = 0;
  g.ForEachLink([&](EdgeId e, VertexId parent, VertexId child, Relation r) {
    EXPECT_EQ(g.parent(e), parent);
    EXPECT_EQ(g.child(e), child);
    EXPECT_EQ(g.relation(e), r);
    ++seen;
  });
  EXPECT_EQ(seen, g.num_links());
}

// Every link is seen once from each end, with the same id and relation.
TEST(GraphBuildTest, NeighbourViewsAgreeWithTheLinks) {
  Graph g = testing::Diamond();
  std::size_t out = 0, in = 0;
  for (VertexId v = 0; v < g.num_works(); ++v) {
    for (const Neighbor& n : g.OutLinks(v)) {
      EXPECT_EQ(g.parent(n.link), v);
      EXPECT_EQ(g.child(n.link), n.other);
      EXPECT_EQ(g.relation(n.link), n.relation);
      ++out;
    }
    for (const Neighbor& n : g.InLinks(v)) {
      EXPECT_EQ(g.child(n.link), v);
      EXPECT_EQ(g.parent(n.link), n.other);
      EXPECT_EQ(g.relation(n.link), n.relation);
      ++in;
    }
  }
  EXPECT_EQ(out, g.num_links());
  EXPECT_EQ(in, g.num_links());
}

// A relation filter skips links in the middle of a row, at its start and at
// its end: join's in-links are left and right (builds_on) and the lab and
// data links around them.
TEST(GraphBuildTest, NeighbourViewsSkipOtherRelations) {
  Graph g = testing::Diamond();
  const VertexId join = V(g, "join");
  std::vector<std::string> influence, published;
  for (const Neighbor& n : g.InLinks(join, RelationSet::Influence()))
    influence.emplace_back(g.id(n.other));
  for (const Neighbor& n :
       g.InLinks(join, RelationSet().Add(Relation::kPublishedBy)))
    published.emplace_back(g.id(n.other));
  std::sort(influence.begin(), influence.end());
  EXPECT_EQ(influence, (std::vector<std::string>{"left", "right"}));
  EXPECT_EQ(published, std::vector<std::string>{"lab"});
  EXPECT_TRUE(g.OutLinks(V(g, "tip"), RelationSet::All()).empty());
  EXPECT_TRUE(g.InLinks(V(g, "root"), RelationSet::Influence()).empty());
}

TEST(GraphBuildTest, ParentsAndChildrenFilterByRelation) {
  Graph g = testing::Diamond();
  auto parents = testing::ParentsOf(g, V(g, "join"), RelationSet::Influence());
  EXPECT_EQ(parents.size(), 2u);
  auto orgs = testing::ParentsOf(g, V(g, "join"),
                                 RelationSet().Add(Relation::kPublishedBy));
  ASSERT_EQ(orgs.size(), 1u);
  EXPECT_EQ(testing::WorkOf(g, orgs[0]).id, "lab");
  EXPECT_EQ(
      testing::ChildrenOf(g, V(g, "data"), RelationSet::Influence()).size(),
      0u);
  EXPECT_EQ(testing::ChildrenOf(g, V(g, "data"), RelationSet::All()).size(),
            1u);
}

TEST(GraphBuildTest, RefusesDuplicateIds) {
  auto msg =
      OnlyProblem(SpecBuilder().Work("a", "2000").Work("a", "2001").spec());
  EXPECT_NE(msg.find("duplicate work id 'a'"), std::string::npos) << msg;
}

TEST(GraphBuildTest, RefusesUnknownEraListingTheKnownOnes) {
  GraphSpec spec = SpecBuilder().Work("a", "2000").spec();
  spec.works[0].details.era = "renaissance";
  auto msg = OnlyProblem(spec);
  EXPECT_NE(msg.find("unknown era 'renaissance'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("use one of: all"), std::string::npos) << msg;
}

TEST(GraphBuildTest, RefusesMissingDateExceptForOrganizations) {
  auto msg = OnlyProblem(SpecBuilder().Work("a", "").spec());
  EXPECT_NE(msg.find("has no date"), std::string::npos) << msg;
  EXPECT_TRUE(
      Graph::Build(SpecBuilder().Work("org", "", "organization").spec()).ok());
}

TEST(GraphBuildTest, RefusesDateOutsideItsEra) {
  GraphSpec spec = SpecBuilder().Work("a", "2000").spec();
  spec.eras[0].from_year = 2010;
  spec.eras[0].to_year = 2015;
  auto msg = OnlyProblem(spec);
  EXPECT_NE(msg.find("dated 2000 but its era 'all' spans 2010-2015"),
            std::string::npos)
      << msg;
}

TEST(GraphBuildTest, RefusesANameSharedByTwoWorks) {
  auto msg = OnlyProblem(SpecBuilder()
                             .Work("dall-e", "2021")
                             .Work("b", "2021")
                             .Alias("DALL·E")
                             .spec());
  EXPECT_NE(
      msg.find("name 'DALL·E' of work 'b' already refers to work 'dall-e'"),
      std::string::npos)
      << msg;
}

TEST(GraphBuildTest, RefusesLinkToUnknownWorkWithSuggestion) {
  auto msg = OnlyProblem(SpecBuilder()
                             .Work("stylegan", "2018")
                             .Work("dcgan", "2015")
                             .Link("stylegan", "builds_on", "dcgn")
                             .spec());
  EXPECT_NE(msg.find("'stylegan' builds_on unknown work 'dcgn'"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("did you mean 'dcgan'?"), std::string::npos) << msg;
}

TEST(GraphBuildTest, RefusesSelfLink) {
  auto msg = OnlyProblem(
      SpecBuilder().Work("gan", "2014").Link("gan", "builds_on", "gan").spec());
  EXPECT_NE(msg.find("work 'gan' builds_on itself"), std::string::npos) << msg;
}

TEST(GraphBuildTest, RefusesDuplicateLink) {
  auto msg = OnlyProblem(SpecBuilder()
                             .Work("a", "2000")
                             .Work("b", "2001")
                             .Link("b", "uses", "a")
                             .Link("b", "uses", "a")
                             .spec());
  EXPECT_NE(msg.find("duplicate link"), std::string::npos) << msg;
}

// The article's layer never leans on the extension, and every extension
// link cites its source.
TEST(GraphBuildTest, LayersStayApart) {
  GraphSpec spec = SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Link("b", "uses", "a")
                       .spec();
  spec.works[0].details.layer = Layer::kExtension;
  auto msg = OnlyProblem(spec);
  EXPECT_NE(msg.find("article link 'b' uses 'a' depends on 'a', a work of "
                     "the extension"),
            std::string::npos)
      << msg;
  EXPECT_NE(msg.find("layer: extension"), std::string::npos) << msg;
  spec.links[0].details.layer = Layer::kExtension;
  msg = OnlyProblem(spec);
  EXPECT_NE(msg.find("extension link 'b' uses 'a' has no citation"),
            std::string::npos)
      << msg;
  spec.links[0].details.citation = "https://example.org/b";
  EXPECT_TRUE(Graph::Build(spec).ok());
}

TEST(GraphBuildTest, RefusesLinkWithoutEvidence) {
  GraphSpec spec = SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Link("b", "uses", "a")
                       .spec();
  spec.links[0].details.evidence.clear();
  auto msg = OnlyProblem(spec);
  EXPECT_NE(msg.find("has no evidence"), std::string::npos) << msg;
}

TEST(GraphBuildTest, RefusesInfluenceFromALaterWork) {
  auto msg = OnlyProblem(SpecBuilder()
                             .Work("gan", "2014-12")
                             .Work("dcgan", "2015-11")
                             .Link("gan", "builds_on", "dcgan")
                             .spec());
  EXPECT_NE(msg.find("temporal inconsistency: 'gan' (2014-12) builds_on "
                     "'dcgan', which is dated later (2015-11)"),
            std::string::npos)
      << msg;
}

TEST(GraphBuildTest, SameYearAtCoarserPrecisionIsNotATemporalError) {
  EXPECT_TRUE(Graph::Build(SpecBuilder()
                               .Work("a", "2021-05")
                               .Work("b", "2021")
                               .Link("b", "uses", "a")
                               .spec())
                  .ok());
}

TEST(GraphBuildTest, PrintsTheInfluenceCycle) {
  auto msg = OnlyProblem(SpecBuilder()
                             .Work("a", "2020")
                             .Work("b", "2020")
                             .Work("c", "2020")
                             .Link("b", "builds_on", "a")
                             .Link("c", "uses", "b")
                             .Link("a", "influenced_by", "c")
                             .spec());
  EXPECT_NE(msg.find("influence cycle: a -> b -> c -> a"), std::string::npos)
      << msg;
}

TEST(GraphBuildTest, KnowledgeLinksMayCloseALoop) {
  // trained_on is not influence, so this is no lineage cycle.
  EXPECT_TRUE(Graph::Build(SpecBuilder()
                               .Work("model", "2020")
                               .Work("set", "2020", "dataset")
                               .Link("set", "builds_on", "model")
                               .Link("model", "trained_on", "set")
                               .spec())
                  .ok());
}

TEST(GraphBuildTest, ReportsEveryProblemAtOnce) {
  auto g = Graph::Build(SpecBuilder()
                            .Work("a", "")
                            .Work("a", "2000")
                            .Work("b", "2001")
                            .Link("b", "uses", "nope")
                            .Link("b", "uses", "b")
                            .spec());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().diagnostics().size(), 4u) << g.status().ToString();
}

TEST(GraphBuildTest, EmptyGraphIsValid) {
  auto g = Graph::Build(GraphSpec{});
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->num_works(), 0u);
}

// 0 -> 1 twice, 0 -> 2, 2 -> 1: ids interned in first-appearance order.
BulkSpec SmallBulk() {
  BulkSpec spec;
  for (const char* id : {"p0", "p1", "p2"}) spec.ids.Intern(id);
  spec.parents = {0, 2, 0, 0};
  spec.children = {1, 1, 2, 1};
  spec.dates = {Date{2000}, Date{2002}, Date{2001}};
  spec.label_of = {BulkSpec::kNoLabel, 0, BulkSpec::kNoLabel};
  spec.labels.Add("Paper One");
  return spec;
}

TEST(GraphFromBulkTest, RepeatedPairsAreDroppedAndTheFirstIsNamed) {
  BulkReport report;
  Graph g = Graph::FromBulk(SmallBulk(), &report);
  EXPECT_EQ(g.num_works(), 3u);
  EXPECT_EQ(g.num_links(), 3u);
  EXPECT_EQ(report.duplicate_links, 1u);
  ASSERT_TRUE(report.first_duplicate);
  EXPECT_EQ(report.first_duplicate->first, 0u);
  EXPECT_EQ(report.first_duplicate->second, 1u);
  EXPECT_TRUE(g.simple());
  EXPECT_FALSE(g.has_details());
}

TEST(GraphFromBulkTest, ColumnsAnswerLikeACuratedGraph) {
  Graph g = Graph::FromBulk(SmallBulk(), nullptr);
  EXPECT_EQ(g.id(1), "p1");
  EXPECT_EQ(g.name(1), "Paper One");
  EXPECT_EQ(g.name(0), "p0");  // No label: the id.
  EXPECT_EQ(g.date(2).year, 2001);
  EXPECT_EQ(g.kind(0), Kind::kPaper);
  EXPECT_EQ(g.FindId("p2"), 2u);
  EXPECT_FALSE(g.FindId("p3"));
  EXPECT_EQ(g.FindKey("paperone"), 1u);  // Labels are keys too.
  // Links are grouped by parent, each parent's sorted by child.
  EXPECT_EQ(g.parent(0), 0u);
  EXPECT_EQ(g.child(0), 1u);
  EXPECT_EQ(g.child(1), 2u);
  EXPECT_EQ(g.parent(2), 2u);
  EXPECT_EQ(g.relation(2), Relation::kCites);
  EXPECT_EQ(testing::ParentsOf(g, 1, RelationSet::Influence()),
            (std::vector<VertexId>{0, 2}));
  EXPECT_TRUE(g.link_details(0).evidence.empty());
}

TEST(GraphColumnsTest, RoundTripKeepsEverything) {
  Graph g = testing::Diamond();
  auto back = Graph::FromColumns(g.ToColumns());
  ASSERT_TRUE(back);
  ASSERT_EQ(back->num_works(), g.num_works());
  ASSERT_EQ(back->num_links(), g.num_links());
  for (VertexId v = 0; v < g.num_works(); ++v) {
    EXPECT_EQ(back->id(v), g.id(v));
    EXPECT_EQ(back->name(v), g.name(v));
    EXPECT_EQ(back->era(v), g.era(v));
    EXPECT_EQ(back->date(v).ToString(), g.date(v).ToString());
  }
  for (EdgeId e = 0; e < g.num_links(); ++e) {
    EXPECT_EQ(back->parent(e), g.parent(e));
    EXPECT_EQ(back->child(e), g.child(e));
    EXPECT_EQ(back->relation(e), g.relation(e));
    EXPECT_EQ(back->link_details(e).evidence, g.link_details(e).evidence);
  }
  EXPECT_EQ(back->FindId("join"), g.FindId("join"));
  for (VertexId v = 0; v < g.num_works(); ++v)
    EXPECT_EQ(testing::ParentsOf(*back, v, RelationSet::All()),
              testing::ParentsOf(g, v, RelationSet::All()));
}

// Columns without in-links (an old caller, a hand-made graph) get them
// built: the same in-links as those handed over.
TEST(GraphColumnsTest, MissingInLinksAreBuilt) {
  Graph g = testing::Diamond();
  auto columns = g.ToColumns();
  columns.in = {};
  auto back = Graph::FromColumns(std::move(columns));
  ASSERT_TRUE(back);
  for (VertexId v = 0; v < g.num_works(); ++v)
    EXPECT_EQ(testing::ParentsOf(*back, v, RelationSet::All()),
              testing::ParentsOf(g, v, RelationSet::All()));
}

// In-links in range but not those of the out-links (a crafted file whose
// checksum was made right) are refused, not believed.
TEST(GraphColumnsTest, InLinksThatAreNotTheOutLinksAreRefused) {
  Graph g = testing::Diamond();
  auto swapped = g.ToColumns();
  ASSERT_GE(swapped.in.source.size(), 2u);
  // Two in-links trade their sources: every value stays in range.
  std::swap(swapped.in.source.front(), swapped.in.source.back());
  EXPECT_FALSE(Graph::FromColumns(std::move(swapped)));
  auto relinked = g.ToColumns();
  std::swap(relinked.in.link.front(), relinked.in.link.back());
  EXPECT_FALSE(Graph::FromColumns(std::move(relinked)));
  EXPECT_TRUE(Graph::FromColumns(g.ToColumns()));
}

TEST(GraphColumnsTest, ColumnsThatDoNotFitAreRefused) {
  Graph g = testing::Diamond();
  auto bad_target = g.ToColumns();
  bad_target.column[0] = 999;
  EXPECT_FALSE(Graph::FromColumns(std::move(bad_target)));
  auto bad_rows = g.ToColumns();
  bad_rows.rowstart.pop_back();
  EXPECT_FALSE(Graph::FromColumns(std::move(bad_rows)));
  auto bad_kind = g.ToColumns();
  bad_kind.kinds[0] = static_cast<Kind>(200);
  EXPECT_FALSE(Graph::FromColumns(std::move(bad_kind)));
  auto bad_source = g.ToColumns();
  bad_source.in.source[0] = 999;
  EXPECT_FALSE(Graph::FromColumns(std::move(bad_source)));
  auto bad_link = g.ToColumns();
  bad_link.in.link.back() = static_cast<EdgeId>(g.num_links());
  EXPECT_FALSE(Graph::FromColumns(std::move(bad_link)));
  auto short_in = g.ToColumns();
  short_in.in.rowstart.back() -= 1;
  EXPECT_FALSE(Graph::FromColumns(std::move(short_in)));
  auto repeated_id = g.ToColumns();
  repeated_id.ids = base::StringPool();
  for (VertexId v = 0; v < g.num_works(); ++v)
    repeated_id.ids.Add(v + 1 == g.num_works() ? g.id(0) : g.id(v));
  EXPECT_FALSE(Graph::FromColumns(std::move(repeated_id)));
}

TEST(GraphBuildTest, AGraphWithTwoRelationsBetweenAPairIsNotSimple) {
  EXPECT_FALSE(SpecBuilder()
                   .Work("a", "2000")
                   .Work("b", "2001")
                   .Link("b", "uses", "a")
                   .Link("b", "builds_on", "a")
                   .Build()
                   .simple());
  EXPECT_TRUE(testing::Diamond().simple());
}

}  // namespace
}  // namespace lineage::model
