#include "io/dot_import.h"

#include <gtest/gtest.h>

#include "analysis/ancestry.h"
#include "io/load.h"
#include "io/yaml_loader.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

// The Graphviz gallery's Unix family tree: quoted and bare ids, node
// defaults, a size attribute; arrows drawn from the older system to the
// newer.
TEST(DotImportTest, TheUnixFamilyTreeReadsAsDrawn) {
  ImportReport r;
  auto g = LoadGraph(testing::Fixture("datasets/unix.gv"),
                     {.import = {}, .report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 41u);
  EXPECT_EQ(g->num_links(), 49u);
  EXPECT_EQ(r.undated_works, 41u);
  auto bsd = g->FindId("4.2 BSD");
  ASSERT_TRUE(bsd);
  auto up = analysis::Reach(*g, *bsd, analysis::Direction::kAncestors, {});
  ASSERT_EQ(up.size(), 8u);
  EXPECT_EQ(g->id(up.back().work), "5th Edition");
  EXPECT_EQ(testing::WorkOf(*g, *bsd).details.where.line,
            29);  // Where first named.
}

TEST(DotImportTest, EdgesCitesReversesTheArrows) {
  ImportOptions o;
  o.edges = ImportOptions::Edges::kCites;
  auto g = ImportDot(testing::Fixture("datasets/unix.gv"), o, nullptr);
  ASSERT_TRUE(g.ok());
  auto fifth = g->FindId("5th Edition");
  ASSERT_TRUE(fifth);
  EXPECT_EQ(
      testing::ParentsOf(*g, *fifth, model::RelationSet::Influence()).size(),
      2u);
}

TEST(DotImportTest, AttributesFillTheWorks) {
  std::string path = testing::TempFile(
      "a.gv",
      "digraph { gan [label=\"GAN\" date=\"2014-06\" kind=paper]\n"
      "  dcgan [year=2015 kind=model]\n"
      "  gan -> dcgan [relation=builds_on evidence=\"DCGAN scales up GANs\"]\n"
      "  dcgan -> dcgan }\n");
  ImportReport r;
  auto g = ImportDot(path, {}, &r);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->name(*g->FindId("gan")), "GAN");
  EXPECT_EQ(g->date(*g->FindId("gan")).ToString(), "2014-06");
  EXPECT_EQ(g->kind(*g->FindId("dcgan")), model::Kind::kModel);
  ASSERT_EQ(g->num_links(), 1u);
  EXPECT_EQ(g->relation(0), model::Relation::kBuildsOn);
  EXPECT_EQ(testing::LinkOf(*g, 0).details.evidence, "DCGAN scales up GANs");
  EXPECT_EQ(r.self_loops, 1u);
}

TEST(DotImportTest, UndirectedAndBrokenFilesAreRefusedWithALine) {
  auto und =
      ImportDot(testing::TempFile("u.gv", "graph { a -- b }\n"), {}, nullptr);
  ASSERT_FALSE(und.ok());
  EXPECT_NE(und.status().ToString().find("undirected"), std::string::npos);
  auto cut = ImportDot(testing::TempFile("c.gv", "digraph {\n a -> b\n b ->"),
                       {}, nullptr);
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().ToString().find("c.gv:3"), std::string::npos)
      << cut.status().ToString();
}

// cgraph may run out of parser stack on a long edge chain and still return
// the part it read: that part is never taken for the graph.
TEST(DotImportTest, APartialParseIsAnErrorNotAGraph) {
  std::string chain = "digraph {\n";
  for (int i = 0; i < 2'500; ++i) chain += "n" + std::to_string(i) + " -> ";
  chain += "end\n}\n";
  auto g = ImportDot(testing::TempFile("chain.gv", chain), {}, nullptr);
  if (g.ok()) {
    // A cgraph that copes reads it whole.
    EXPECT_EQ(g->num_links(), 2'500u);
  } else {
    const std::string m = g.status().ToString();
    EXPECT_NE(m.find("chain.gv:2"), std::string::npos) << m;
    EXPECT_NE(m.find("one edge a statement"), std::string::npos) << m;
  }
}

}  // namespace
}  // namespace lineage::io
