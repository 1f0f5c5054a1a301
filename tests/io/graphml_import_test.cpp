#include "io/graphml_import.h"

#include <gtest/gtest.h>

#include "io/export.h"
#include "io/load.h"
#include "io/yaml_loader.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

using testing::Fixture;
using testing::TempFile;
TEST(GraphmlImportTest, ReadsNetworkxStyleCitations) {
  ImportReport r;
  auto g =
      LoadGraph(Fixture("datasets/networkx-style.graphml"), {.report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 3u);
  EXPECT_EQ(g->num_links(), 3u);
  EXPECT_EQ(r.self_loops, 1u);
  EXPECT_EQ(r.duplicate_edges, 1u);
  const model::Work& late = testing::WorkOf(*g, *g->FindId("p3"));
  EXPECT_EQ(late.name, "Later paper");
  EXPECT_EQ(late.date.ToString(), "2001");
  // Without a relation attribute, "p3 -> p1" reads as p3 cites p1.
  EXPECT_EQ(testing::WorkOf(*g, testing::LinkOf(*g, 0).parent).id, "p1");
  EXPECT_EQ(testing::WorkOf(*g, testing::LinkOf(*g, 0).child).id, "p3");
}

// A key named "relation" is data, not a sign of lineage's own export: only
// the graph's declaration (edges = influences) or --edges sets direction.
TEST(GraphmlImportTest, AKeyNamedRelationNeverFlipsTheEdges) {
  std::string path = TempFile(
      "typed.graphml",
      "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
      "<key id=\"r\" for=\"edge\" attr.name=\"relation\" "
      "attr.type=\"string\"/>\n"
      "<graph edgedefault=\"directed\">\n"
      "<node id=\"new\"/><node id=\"old\"/>\n"
      "<edge source=\"new\" target=\"old\"><data key=\"r\">cites</data>"
      "</edge>\n</graph></graphml>\n");
  auto g = LoadGraph(path);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  // "new -> old" with the default reading: new cites old.
  EXPECT_EQ(g->id(testing::LinkOf(*g, 0).parent), "old");
  EXPECT_EQ(g->id(testing::LinkOf(*g, 0).child), "new");
  LoadOptions influences;
  influences.import.edges = ImportOptions::Edges::kInfluences;
  auto h = LoadGraph(path, influences);
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->id(testing::LinkOf(*h, 0).parent), "new");
}

TEST(GraphmlImportTest, LineagesOwnExportRoundTrips) {
  auto bundled = LoadGraph(LINEAGE_BUNDLED_DATA);
  ASSERT_TRUE(bundled.ok());
  std::string path = TempFile("bundled.graphml", ExportGraphml(*bundled));
  auto g = LoadGraph(path);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), bundled->num_works());
  ASSERT_EQ(g->num_links(), bundled->num_links());
  for (model::EdgeId e = 0; e < g->num_links(); ++e) {
    const model::Link& a = testing::LinkOf(*g, e);
    const model::Link& b = testing::LinkOf(*bundled, e);
    EXPECT_EQ(testing::WorkOf(*g, a.parent).id,
              testing::WorkOf(*bundled, b.parent).id);
    EXPECT_EQ(testing::WorkOf(*g, a.child).id,
              testing::WorkOf(*bundled, b.child).id);
    EXPECT_EQ(a.relation, b.relation);
    EXPECT_EQ(a.details.evidence, b.details.evidence);
  }
  EXPECT_EQ(testing::WorkOf(*g, *g->FindId("gan")).details.tags,
            testing::WorkOf(*bundled, *bundled->FindId("gan")).details.tags);
}

TEST(GraphmlImportTest, UndirectedMalformedAndDanglingAreRefused) {
  auto undirected =
      LoadGraph(TempFile("u.graphml",
                         "<graphml><graph edgedefault=\"undirected\">"
                         "</graph></graphml>"));
  ASSERT_FALSE(undirected.ok());
  std::string m = undirected.status().ToString();
  EXPECT_NE(m.find("undirected"), std::string::npos) << m;
  ImportReport r;
  auto cut =
      LoadGraph(TempFile("cut.graphml", "<graphml>\n<graph>\n<node id=\"a\">"),
                {.report = &r});
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.status().ToString().find("malformed XML"), std::string::npos);
  auto dangling = LoadGraph(TempFile(
      "d.graphml",
      "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/>"
      "</graph></graphml>"));
  ASSERT_FALSE(dangling.ok());
  EXPECT_NE(dangling.status().ToString().find("names a node that is not"),
            std::string::npos);
}

// Nesting is counted before Boost's recursive parser sees the file: a file
// nested 25,000 deep is refused with its line, not a crash.
TEST(GraphmlImportTest, DeepNestingIsRefusedNotACrash) {
  std::string xml = "<graphml><graph edgedefault=\"directed\">\n";
  for (int i = 0; i < 25'000; ++i) xml += "<data>";
  auto g = ImportGraphml(testing::TempFile("deep.graphml", xml), {}, nullptr);
  ASSERT_FALSE(g.ok());
  const std::string m = g.status().ToString();
  EXPECT_NE(m.find("deeper than 256 levels"), std::string::npos) << m;
  EXPECT_NE(m.find("deep.graphml:2"), std::string::npos) << m;
  // Quotes and comments do not fool the count.
  auto ok = ImportGraphml(
      testing::TempFile("quoted.graphml",
                        "<graphml><!-- <a><b> --><graph edgedefault="
                        "\"directed\"><node id=\"a>b\"/></graph></graphml>"),
      {}, nullptr);
  EXPECT_TRUE(ok.ok()) << ok.status().ToString();
}

}  // namespace
}  // namespace lineage::io
