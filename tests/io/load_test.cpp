#include "io/load.h"

#include <gtest/gtest.h>

#include "io/graph_file.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

TEST(DetectFormatTest, ExtensionsAndFoldersNameTheFormat) {
  EXPECT_EQ(DetectFormat("graph.tsv"), Format::kTable);
  EXPECT_EQ(DetectFormat("cora.cites"), Format::kTable);
  EXPECT_EQ(DetectFormat("graph-data/eras.yaml"), Format::kYaml);
  EXPECT_EQ(DetectFormat("x.yml"), Format::kYaml);
  EXPECT_EQ(DetectFormat("unix.gv"), Format::kDot);
  EXPECT_EQ(DetectFormat("unix.dot"), Format::kDot);
  EXPECT_EQ(DetectFormat("net.graphml"), Format::kGraphml);
  EXPECT_EQ(DetectFormat(testing::Fixture("")), Format::kYaml);  // A folder.
  EXPECT_FALSE(IsImported(Format::kYaml));
  EXPECT_TRUE(IsImported(Format::kTable));
}

// An .lgraph file is known by its first bytes, whatever it is called.
TEST(DetectFormatTest, GraphFilesAreKnownByTheirMagic) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const std::string path = testing::TempFile("renamed.tsv", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  EXPECT_EQ(DetectFormat(path), Format::kGraphFile);
  auto back = LoadGraph(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_works(), g->num_works());
}

TEST(LoadGraphsTest, SeveralFilesMustAllBeTables) {
  const std::string a = testing::TempFile("a.tsv", "1\t2\n");
  const std::string b = testing::TempFile("b.tsv", "2\t3\n");
  auto both = LoadGraphs({a, b});
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(both->num_links(), 2u);
  auto mixed = LoadGraphs({a, testing::Fixture("good.yaml")});
  ASSERT_FALSE(mixed.ok());
  EXPECT_EQ(mixed.status().code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(mixed.status().message().find("not an edge-list table"),
            std::string::npos);
  EXPECT_FALSE(LoadGraphs({}).ok());
}

// Options that a format would ignore are refused rather than ignored.
TEST(LoadGraphsTest, TypedEdgeOptionsAreOnlyForFormatsWithEdgeAttributes) {
  LoadOptions o;
  o.import.influence = {"cites"};
  const std::string table = testing::TempFile("t.tsv", "1\t2\n");
  for (const auto& paths : std::vector<std::vector<std::string>>{
           {table}, {table, table}, {testing::Fixture("good.yaml")}}) {
    auto g = LoadGraphs(paths, o);
    ASSERT_FALSE(g.ok());
    EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidArgument);
    EXPECT_NE(g.status().message().find("[[influence]] are for GraphML"),
              std::string::npos)
        << g.status().message();
  }
  o.import.relation_attr = "relation";
  o.import.influence.clear();
  auto graphml = LoadGraph(testing::Fixture("datasets/model-tree.graphml"), o);
  EXPECT_TRUE(graphml.ok()) << graphml.status().ToString();
}

TEST(LoadGraphsTest, AMissingPathIsNotFound) {
  auto missing = LoadGraph("/nonexistent/graph.tsv");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), base::Status::Code::kNotFound);
}

}  // namespace
}  // namespace lineage::io
