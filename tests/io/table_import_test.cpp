#include "io/table_import.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/digraph.h"
#include "io/load.h"
#include "io/yaml_loader.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

namespace fs = std::filesystem;
using testing::Fixture;

model::Graph Import(const std::string& path, const ImportOptions& options,
                    ImportReport* report) {
  auto g = ImportTable(path, options, report);
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return std::move(g).value();
}

// Real SNAP lines: '#' headers that claim 27,770 nodes, CRLF endings, a
// self-loop, a reciprocal pair, and no final newline.
TEST(TableImportTest, SnapExcerptWithItsQuirks) {
  ImportReport r;
  model::Graph g = Import(Fixture("datasets/hepth-excerpt.txt"), {}, &r);
  EXPECT_EQ(r.comment_lines, 4u);
  EXPECT_EQ(r.header_claim, "27770 nodes, 352807 edges");
  EXPECT_EQ(r.data_lines, 7u);
  EXPECT_EQ(r.self_loops, 1u);
  EXPECT_EQ(g.num_links(), 6u);
  EXPECT_NE(r.examples["self-loops"].find("hepth-excerpt.txt:9: 9910093"),
            std::string::npos)
      << r.examples["self-loops"];
  // "1001 9304045": 1001 cites 9304045, so the link runs 9304045 -> 1001.
  const model::Link first =
      testing::LinkOf(g, testing::L(g, "1001", "cites", "9304045"));
  EXPECT_EQ(g.id(first.parent), "9304045");
  EXPECT_EQ(g.id(first.child), "1001");
  // The reciprocal pair is a cycle, which an import keeps.
  auto scc = analysis::StronglyConnected(analysis::Digraph::Build(g));
  EXPECT_EQ(scc.cyclic, 1u);
  EXPECT_EQ(scc.largest, 2u);
}

TEST(TableImportTest, NodeTableWithPaddedIdsAndConflictingRows) {
  ImportReport r;
  ImportOptions o;
  o.nodes = Fixture("datasets/hepth-dates.txt");
  o.numeric_ids = true;
  model::Graph g = Import(Fixture("datasets/hepth-excerpt.txt"), o, &r);
  EXPECT_EQ(testing::WorkOf(g, *g.FindId("1002")).date.ToString(),
            "1992-03-08");
  EXPECT_EQ(testing::WorkOf(g, *g.FindId("9308122")).date.ToString(), "1993");
  EXPECT_EQ(r.conflicting_node_ids, 1u);
  EXPECT_NE(r.examples["conflicting node rows"].find("hepth-dates.txt:3"),
            std::string::npos);
  // 1001 (1992-02-24) cites 9304045 (1993-04), 9308122 (1993) and 1002
  // (1992-03-08): three links back in time.
  EXPECT_EQ(r.time_inconsistent, 3u);
  ImportReport plain;
  ImportOptions no_numeric = o;
  no_numeric.numeric_ids = false;
  Import(Fixture("datasets/hepth-excerpt.txt"), no_numeric, &plain);
  // "0001002" is no id of the edges: its first row is unmatched, its second
  // still conflicts with the first.
  EXPECT_EQ(plain.unmatched_node_rows, 1u);
  EXPECT_EQ(plain.conflicting_node_ids, 1u);
}

TEST(TableImportTest, GitParentListsWithMergesRootsAndRepeats) {
  ImportReport r;
  ImportOptions o;
  o.parent_lists = true;
  o.date_column = 4;
  model::Graph g = Import(Fixture("datasets/ninja-excerpt.tsv"), o, &r);
  EXPECT_EQ(r.duplicate_edges, 2u);  // The repeated merge row.
  EXPECT_EQ(g.num_links(), 6u);      // Three merges of two parents.
  auto root = g.FindId("71581b8da6c7c1c0dae10570f760a97dd8a48414");
  ASSERT_TRUE(root);
  // Column 4 is the committer time, 1335422074 Unix seconds.
  EXPECT_EQ(testing::WorkOf(g, *root).date.ToString(), "2012-04-26");
  EXPECT_EQ(testing::LinkOf(g, 0).relation, model::Relation::kBuildsOn);
  EXPECT_EQ(testing::WorkOf(g, testing::LinkOf(g, 0).child).id,
            "43e3a19510903ac962124f01c861d9ccd2e987b5");
}

TEST(TableImportTest, CoraRunsRightToLeftWithInfluencesOrientation) {
  ImportReport r;
  ImportOptions o;
  o.edges = ImportOptions::Edges::kInfluences;
  model::Graph g = Import(Fixture("datasets/cora-excerpt.cites"), o, &r);
  // "35 1033": 35 is cited by 1033, so 35 -> 1033.
  EXPECT_EQ(testing::WorkOf(g, testing::LinkOf(g, 0).parent).id, "35");
  EXPECT_EQ(testing::WorkOf(g, testing::LinkOf(g, 0).child).id, "1033");
  EXPECT_EQ(r.undated_works, 6u);
}

TEST(TableImportTest, CommasHeadersAndExplicitSeparators) {
  ImportReport r;
  ImportOptions o;
  o.header = true;
  model::Graph g =
      Import(testing::TempFile("e.csv", "citing,cited\na,b\nb,c\n"), o, &r);
  EXPECT_EQ(g.num_works(), 3u);
  EXPECT_EQ(g.num_links(), 2u);
  ImportOptions spaces;
  spaces.separator = ' ';
  EXPECT_EQ(Import(testing::TempFile("s.txt", "a   b\n  b c  \n"), spaces, &r)
                .num_links(),
            2u);
}

std::string Problem(const std::string& path, const ImportOptions& o = {}) {
  ImportReport r;
  auto g = ImportTable(path, o, &r);
  EXPECT_FALSE(g.ok()) << path;
  if (g.ok()) return "";
  EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidData);
  return g.status().ToString();
}

TEST(TableImportTest, MalformedFilesGetErrorsWithLineNumbers) {
  std::string m = Problem(testing::TempFile("cut.txt", "a\tb\nc\td\ne\n"));
  EXPECT_NE(m.find("cut.txt:3: error: an edge needs two ids, found 'e'"),
            std::string::npos)
      << m;
  m = Problem(testing::TempFile("empty.txt", ""));
  EXPECT_NE(m.find("holds no edges"), std::string::npos) << m;
  m = Problem(testing::TempFile("comments.txt", "# Nodes: 3 Edges: 2\n"));
  EXPECT_NE(m.find("holds no edges"), std::string::npos) << m;
  std::string junk = "a\tb\n";
  for (int i = 0; i < 512; ++i) junk += static_cast<char>((i * 131) & 0xFF);
  m = Problem(testing::TempFile("junk.bin", junk));
  EXPECT_NE(m.find("junk.bin:2:"), std::string::npos) << m;
  EXPECT_NE(m.find("is not UTF-8 text"), std::string::npos) << m;
  EXPECT_EQ(m.find("holds no edges"), std::string::npos) << m;
  m = Problem(testing::TempFile("long.txt",
                                "a\tb\n" + std::string(10 << 20, 'x') + "\n"));
  EXPECT_NE(m.find("long.txt:2: error: the line is 10485760 bytes long"),
            std::string::npos)
      << m.substr(0, 200);
}

TEST(TableImportTest, BadNodeTablesAreRefused) {
  std::string edges = testing::TempFile("edges.txt", "a\tb\nb\tc\n");
  ImportOptions o;
  o.nodes = testing::TempFile("years.txt", "a\t1999\nb\tnineteen\n");
  std::string m = Problem(edges, o);
  EXPECT_NE(m.find("years.txt:2: error: 'nineteen' is not a date"),
            std::string::npos)
      << m;
  o.nodes = testing::TempFile("other.txt", "x\t1999\ny\t2000\n");
  m = Problem(edges, o);
  EXPECT_NE(m.find("no id of the node table appears in the edges"),
            std::string::npos)
      << m;
  o.nodes = testing::TempFile("short.txt", "a\n");
  EXPECT_NE(Problem(edges, o).find("short.txt:1: error: a node row needs"),
            std::string::npos);
}

TEST(TableImportTest, LoadGraphDispatchesTablesByExtension) {
  auto dot = LoadGraph(testing::TempFile("family.gv", "digraph { a -> b }"));
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();  // DOT, not a table.
  EXPECT_EQ(dot->num_links(), 1u);
  ImportReport r;
  auto g = LoadGraph(
      Fixture("datasets/cora-excerpt.cites"),
      {.import = {.edges = ImportOptions::Edges::kInfluences}, .report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_links(), 5u);
  EXPECT_EQ(r.data_lines, 5u);
}

// A model table as a hub exports it: CSV with quotes, a header, the base
// models in the third column separated by ';', named loosely.
TEST(TableImportTest, AModelTableWithQuotedListsMatchedByKey) {
  std::string path = testing::TempFile(
      "models.csv",
      "model,created,base model,downloads\n"
      "\"Stable Diffusion v1-5\",2022-10-20,\"stable-diffusion-v1-4\",100\n"
      "stable-diffusion-v1-4,2022-08-22,CompVis/latent-diffusion,50\n"
      "\"DreamShaper, v8\",2023-07-01,\"Stable Diffusion v1.5 ; x/y\",20\n"
      "\"Said \"\"Hi\"\"\",2023-08-01,,5\n");
  ImportOptions o;
  o.header = true;
  o.parent_lists = true;
  o.date_column = 2;
  o.parent_column = 3;
  o.list_separator = ';';
  o.match = ImportOptions::Match::kKey;
  o.kind = model::Kind::kModel;
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  EXPECT_EQ(g.num_works(), 6u);
  EXPECT_EQ(g.kind(0), model::Kind::kModel);
  EXPECT_EQ(g.num_links(), 4u);
  auto dream = g.FindId("dreamshaperv8");
  ASSERT_TRUE(dream);
  EXPECT_EQ(g.name(*dream), "DreamShaper, v8");  // The spelling met first.
  auto parents = testing::ParentsOf(g, *dream, model::RelationSet::Influence());
  ASSERT_EQ(parents.size(), 2u);
  // "Stable Diffusion v1.5" is the row "Stable Diffusion v1-5" by key.
  EXPECT_EQ(g.name(parents[0]), "Stable Diffusion v1-5");
  EXPECT_EQ(g.date(parents[0]).ToString(), "2022-10-20");
  EXPECT_EQ(g.name(*g.FindId("saidhi")), "Said \"Hi\"");
  // CompVis/latent-diffusion and x/y have no row.
  EXPECT_EQ(r.parents_without_row, 2u);
  EXPECT_NE(
      r.examples["parents without a row"].find("CompVis/latent-diffusion"),
      std::string::npos);
  // Matched exactly, "Stable Diffusion v1.5" is a work of its own.
  o.match = ImportOptions::Match::kExact;
  ImportReport exact;
  model::Graph h = Import(path, o, &exact);
  EXPECT_EQ(h.num_works(), 7u);
  EXPECT_EQ(exact.parents_without_row, 3u);
}

TEST(TableImportTest, AQuoteLeftOpenIsAnErrorWithItsLine) {
  std::string path = testing::TempFile("open.csv", "a,b\n\"c,d\ne,f\n");
  auto g = ImportTable(path, {}, nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("open.csv:2: error: a quoted field"),
            std::string::npos)
      << g.status().ToString();
}

// No field limit: an octopus merge (Linux has one of 66 parents) keeps
// every parent, a wide node table every column.
TEST(TableImportTest, RowsOfManyFieldsKeepThemAll) {
  std::string octopus = "merge\t";
  for (int i = 0; i < 70; ++i) octopus += " p" + std::to_string(i);
  ImportOptions o;
  o.parent_lists = true;
  EXPECT_EQ(Import(testing::TempFile("log.tsv", octopus + "\n"), o, nullptr)
                .num_links(),
            70u);
  std::string wide = "a\t2014\tA";
  for (int i = 0; i < 70; ++i) wide += "\tv" + std::to_string(i);
  ImportOptions n;
  n.nodes = testing::TempFile("wide.tsv", wide + "\n");
  model::Graph g = Import(testing::TempFile("e.tsv", "b\ta\n"), n, nullptr);
  ASSERT_EQ(g.attributes().size(), 70u);
  EXPECT_EQ(g.attribute(69, *g.FindId("a")), "v69");
}

// `git log --format='%H %P'` separates the row and its parents alike: every
// field after the id is a parent, and a date column before them is not.
TEST(TableImportTest, SpaceSeparatedParentListsKeepEveryParent) {
  ImportOptions o;
  o.parent_lists = true;
  model::Graph g = Import(
      testing::TempFile("log.txt", "c p0 p1 p2\np1 p0\np0\n"), o, nullptr);
  EXPECT_EQ(g.num_links(), 4u);
  EXPECT_EQ(
      testing::ParentsOf(g, *g.FindId("c"), model::RelationSet::All()).size(),
      3u);
  o.date_column = 2;
  o.parent_column = 3;
  g = Import(
      testing::TempFile("log.txt", "c 2020 p0 p1\np1 2019 p0\np0 2018\n"), o,
      nullptr);
  EXPECT_EQ(g.num_links(), 3u);
  EXPECT_EQ(g.date(*g.FindId("p1")).year, 2019);
}

TEST(TableImportTest, ExtraNodeColumnsAreKeptAsNamedAttributes) {
  std::string edges = testing::TempFile("e.csv", "src,dst\nb,a\nc,a\n");
  ImportOptions o;
  o.header = true;
  o.nodes = testing::TempFile("n.csv",
                              "id,year,title,venue,citations\n"
                              "a,2014,\"GANs, the paper\",NeurIPS,60000\n"
                              "b,2015,DCGAN,,9000\n");
  model::Graph g = Import(edges, o, nullptr);
  ASSERT_EQ(g.attributes().size(), 2u);
  EXPECT_EQ(g.attributes()[0].name, "venue");
  EXPECT_EQ(g.attributes()[1].name, "citations");
  const model::VertexId a = *g.FindId("a"), b = *g.FindId("b"),
                        c = *g.FindId("c");
  EXPECT_EQ(g.name(a), "GANs, the paper");
  EXPECT_EQ(g.attribute(0, a), "NeurIPS");
  EXPECT_EQ(g.attribute(0, b), "");  // Empty cell.
  EXPECT_EQ(g.attribute(1, b), "9000");
  EXPECT_EQ(g.attribute(1, c), "");  // No row.
  // Without a header the columns are numbered.
  ImportOptions plain;
  plain.nodes = testing::TempFile("n.tsv", "a\t2014\tGAN\tNeurIPS\n");
  model::Graph h = Import(testing::TempFile("e.tsv", "b\ta\n"), plain, nullptr);
  ASSERT_EQ(h.attributes().size(), 1u);
  EXPECT_EQ(h.attributes()[0].name, "column4");
}

}  // namespace
}  // namespace lineage::io
