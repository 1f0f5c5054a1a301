#include "io/table_import.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

#include "analysis/digraph.h"
#include "base/text.h"
#include "io/load.h"
#include "io/yaml_loader.h"
#include "model/resolve.h"
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

// A gzip-compressed edge list (as SNAP ships them) reads as its text.
TEST(TableImportTest, AGzipTableReadsAsItsText) {
  ImportReport plain, gz;
  model::Graph a = Import(Fixture("datasets/hepth-excerpt.txt"), {}, &plain);
  model::Graph b = Import(Fixture("datasets/hepth-excerpt.txt.gz"), {}, &gz);
  EXPECT_EQ(b.num_works(), a.num_works());
  EXPECT_EQ(b.num_links(), a.num_links());
  EXPECT_EQ(gz.self_loops, plain.self_loops);
  EXPECT_EQ(gz.header_claim, plain.header_claim);
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
  o.date_column.number = 4;
  model::Graph g = Import(Fixture("datasets/ninja-excerpt.tsv"), o, &r);
  // The merge row repeated is reported, and its first row kept.
  EXPECT_EQ(r.repeated_rows, 1u);
  EXPECT_EQ(r.duplicate_edges, 0u);
  EXPECT_NE(
      r.examples["repeated rows"].find("on line 1 already; line 1 is kept"),
      std::string::npos)
      << r.examples["repeated rows"];
  EXPECT_EQ(g.num_links(), 6u);  // Three merges of two parents.
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
  o.date_column.number = 2;
  o.parent_column.number = 3;
  o.list_separator = ';';
  o.match = ImportOptions::Match::kKey;
  o.kind = model::Kind::kModel;
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  EXPECT_EQ(g.num_works(), 6u);
  EXPECT_EQ(g.kind(0), model::Kind::kModel);
  EXPECT_EQ(g.num_links(), 4u);
  // Rows keep their ids as written; only parents are matched by key.
  auto dream = g.FindId("DreamShaper, v8");
  ASSERT_TRUE(dream);
  auto parents = testing::ParentsOf(g, *dream, model::RelationSet::Influence());
  ASSERT_EQ(parents.size(), 2u);
  // "Stable Diffusion v1.5" is the row "Stable Diffusion v1-5" by key.
  EXPECT_EQ(g.name(parents[0]), "Stable Diffusion v1-5");
  EXPECT_EQ(g.date(parents[0]).ToString(), "2022-10-20");
  EXPECT_TRUE(g.FindId("Said \"Hi\""));
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
  for (int i = 0; i < 70; ++i)
    octopus += fmt::format(" {:08x}", 0x9e3779b9u * (i + 1));
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
  o.date_column.number = 2;
  o.parent_column.number = 3;
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

// RFC 4180: a quoted field may hold separators, doubled quotes and line
// breaks; messages keep the file's own line numbers.
TEST(TableImportTest, QuotedFieldsSpanLinesAsRfc4180Allows) {
  std::string path =
      testing::TempFile("hub.csv",
                        "Model,Created,Base model,Description\n"
                        "base,2022-08-22,,\"A model\n"
                        "described over \"\"three\"\"\n"
                        "lines, with commas\"\n"
                        "tuned,2022-10-20,base,\"bell\a inside\"\n"
                        "broken,20xx,base,x\n");
  ImportOptions o;
  o.parent_lists = true;
  o.id_column.name = "Model";
  o.date_column.name = "Created";
  o.parent_column.name = "Base model";
  auto g = ImportTable(path, o, nullptr);
  ASSERT_FALSE(g.ok());
  // Line 6 of the file, though the fifth record.
  EXPECT_NE(g.status().ToString().find("hub.csv:6: error: '20xx' is not a "
                                       "date"),
            std::string::npos)
      << g.status().ToString();
  EXPECT_EQ(g.status().problems(), 1u);
  path = testing::TempFile("hub.csv",
                           "Model,Created,Base model,Description\n"
                           "base,2022-08-22,,\"A model\n"
                           "described over \"\"three\"\"\n"
                           "lines, with commas\"\n"
                           "tuned,2022-10-20,base,\"bell\a inside\"\n");
  model::Graph h = Import(path, o, nullptr);
  EXPECT_EQ(h.num_works(), 2u);
  EXPECT_EQ(h.num_links(), 1u);
  const model::VertexId base = *h.FindId("base");
  // The description is an attribute, kept whole; a control character in
  // it is text.
  EXPECT_EQ(h.attribute(0, base),
            "A model\ndescribed over \"three\"\nlines, with commas");
  EXPECT_EQ(h.attribute(0, *h.FindId("tuned")), "bell\a inside");
}

TEST(TableImportTest, AControlCharacterInAnIdNamesItsColumn) {
  std::string path = testing::TempFile("ctl.csv",
                                       "x,a\nb\x01"
                                       "c,a\n");
  ImportOptions o;
  o.parent_lists = true;
  auto g = ImportTable(path, o, nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find(
                "ctl.csv:2: error: the id in column 1 holds control "
                "character 0x01"),
            std::string::npos)
      << g.status().ToString();
}

// A model database's export: the id is not the first column, columns are
// named by the header, dates come as people write them, some are empty.
TEST(TableImportTest, ColumnsByNameAndDatesAsWritten) {
  std::string path = testing::TempFile(
      "models.csv",
      "Organization,Model,Publication date,Base model,Kind,Also known as\n"
      "Meta,Llama 2,2023-07-18 00:00:00+00:00,,model,Llama-2\n"
      "Meta,Code Llama,2023.8.24,Llama 2,model,\n"
      "LMSYS,Vicuna,,Llama 2; LLaMA,model,\n"
      "Someone,Odd,1998-00-00,,chatbot,\n");
  ImportOptions o;
  o.parent_lists = true;
  o.id_column.name = "Model";
  o.date_column.name = "publication date";  // Matched by key too.
  o.parent_column.name = "Base model";
  o.kind_column.name = "Kind";
  o.alias_columns.push_back({"Also known as", 0});
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  EXPECT_EQ(g.num_works(), 5u);  // LLaMA has no row: kept, by name.
  EXPECT_EQ(g.date(*g.FindId("Llama 2")).ToString(), "2023-07-18");
  EXPECT_EQ(g.date(*g.FindId("Code Llama")).ToString(), "2023-08-24");
  EXPECT_FALSE(g.date(*g.FindId("Vicuna")).known());  // Empty: undated.
  EXPECT_EQ(g.date(*g.FindId("Odd")).ToString(), "1998");
  EXPECT_EQ(r.coarsened_dates, 1u);
  EXPECT_EQ(r.undated_works, 2u);  // Vicuna and LLaMA.
  EXPECT_EQ(r.parents_without_row, 1u);
  EXPECT_EQ(r.unknown_kinds, 1u);  // "chatbot".
  EXPECT_EQ(g.kind(*g.FindId("Llama 2")), model::Kind::kModel);
  EXPECT_EQ(g.kind(*g.FindId("Odd")), model::Kind::kPaper);
  // The alias column's names find the work; the organization is kept as an
  // attribute named by the header.
  EXPECT_EQ(*g.FindKey("llama2"), *g.FindId("Llama 2"));
  auto alias = model::Resolve(g, "Llama-2");
  ASSERT_TRUE(alias.ok());
  EXPECT_EQ(*alias, *g.FindId("Llama 2"));
  ASSERT_GE(g.attributes().size(), 1u);
  bool organization = false;
  for (std::size_t a = 0; a < g.attributes().size(); ++a)
    organization |= g.attributes()[a].name == "Organization" &&
                    g.attribute(a, *g.FindId("Vicuna")) == "LMSYS";
  EXPECT_TRUE(organization);
  // A column the header does not have is named with the ones it has.
  o.parent_column.name = "Base models";
  auto bad = ImportTable(path, o, nullptr);
  ASSERT_FALSE(bad.ok());
  // Wrong usage (exit 2), not bad data.
  EXPECT_EQ(bad.status().code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(bad.status().ToString().find(
                "the header has no column named 'Base models'; its columns "
                "are Organization, Model"),
            std::string::npos)
      << bad.status().ToString();
}

// An alias cell may list several names, as a parent cell lists parents;
// each finds the work, and a parent named by any of them is that work.
TEST(TableImportTest, AnAliasCellMayHoldSeveralNames) {
  std::string path =
      testing::TempFile("aliases.csv",
                        "Model,Base model,Also known as\n"
                        "Llama 2,,\"Llama-2; LLaMA 2 base\"\n"
                        "Vicuna,LLaMA 2 base,\n"
                        "Alpaca,Llama-2,Stanford Alpaca|Alpaca 7B\n");
  ImportOptions o;
  o.parent_lists = true;
  o.id_column.name = "Model";
  o.parent_column.name = "Base model";
  o.alias_columns.push_back({"Also known as", 0});
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  EXPECT_EQ(g.num_works(), 3u);  // Both parents are Llama 2, by alias.
  EXPECT_EQ(r.parents_without_row, 0u);
  const model::VertexId llama = *g.FindId("Llama 2");
  EXPECT_EQ(g.FindKey(base::NormalizeKey("Llama-2")), llama);
  EXPECT_EQ(g.FindKey(base::NormalizeKey("LLaMA 2 base")), llama);
  EXPECT_EQ(g.FindKey(base::NormalizeKey("Alpaca 7B")), g.FindId("Alpaca"));
  for (const char* child : {"Vicuna", "Alpaca"})
    EXPECT_EQ((*g.InLinks(*g.FindId(child)).begin()).other, llama) << child;
}

// gnuclad-like parents: a name with spaces is one parent, not three.
TEST(TableImportTest, AListSeparatorIsGuessedPerCell) {
  std::string path = testing::TempFile(
      "distros.tsv",
      "Knoppix\t\nDamn Small Linux\tKnoppix\nFeather Linux\tKnoppix|Damn "
      "Small Linux\nmerge\tabcdef1 1234567\n");
  ImportOptions o;
  o.parent_lists = true;
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  auto parents = [&](const char* id) {
    std::vector<std::string> out;
    for (model::VertexId p :
         testing::ParentsOf(g, *g.FindId(id), model::RelationSet::All()))
      out.emplace_back(g.id(p));
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(parents("Damn Small Linux"), std::vector<std::string>{"Knoppix"});
  EXPECT_EQ(parents("Feather Linux"),
            (std::vector<std::string>{"Damn Small Linux", "Knoppix"}));
  EXPECT_EQ(parents("merge"), (std::vector<std::string>{"1234567", "abcdef1"}));
  EXPECT_EQ(r.split_name, "");
  // Told to split on spaces, the names come apart, and the report says why
  // the parents have no row, instead of suggesting --match key.
  std::string spaced = testing::TempFile(
      "spaced.tsv",
      "Knoppix\t\nDamn Small Linux\tKnoppix\nFeather Linux\tKnoppix Damn "
      "Small Linux\n");
  o.list_separator = ' ';
  ImportReport split;
  Import(spaced, o, &split);
  EXPECT_EQ(split.parents_without_row, 3u);  // Damn, Small, Linux.
  EXPECT_EQ(split.split_name, "Damn Small Linux");
}

// --match key helps only where the exact name matches nothing, and never
// merges works that share a key.
TEST(TableImportTest, MatchingByKeyNeverMergesDifferentWorks) {
  std::string path =
      testing::TempFile("langs.csv",
                        "C,,\nC#,,C\nC++,,C\nPointNet,,\npointnet, ,\n"
                        "PointNet++,,Point Net\nuser,,c sharp;C++;POINTNET\n"
                        "spaced ,,\n\" quoted \",,\n");
  ImportOptions o;
  o.parent_lists = true;
  o.parent_column.number = 3;
  o.match = ImportOptions::Match::kKey;
  ImportReport r;
  model::Graph g = Import(path, o, &r);
  EXPECT_TRUE(g.FindId("C#") && g.FindId("C++") && g.FindId("C"));
  EXPECT_TRUE(g.FindId("PointNet") && g.FindId("pointnet"));
  // "Point Net" fits two rows: neither is picked.
  EXPECT_EQ(r.ambiguous_names, 2u);  // Point Net and POINTNET.
  EXPECT_NE(r.examples["ambiguous names"].find(
                "'Point Net' fits 'PointNet' and 'pointnet'"),
            std::string::npos)
      << r.examples["ambiguous names"];
  auto parents =
      testing::ParentsOf(g, *g.FindId("user"), model::RelationSet::All());
  std::vector<std::string> names;
  for (model::VertexId p : parents) names.emplace_back(g.id(p));
  std::sort(names.begin(), names.end());
  // "c sharp" is C# by key ("csharp"), C++ exactly.
  EXPECT_EQ(names, (std::vector<std::string>{"C#", "C++", "POINTNET"}));
  // Spaces around an unquoted id are trimmed and counted; inside quotes
  // they are data.
  EXPECT_TRUE(g.FindId("spaced"));
  EXPECT_TRUE(g.FindId(" quoted "));
  EXPECT_EQ(r.trimmed_ids, 1u);
}

TEST(TableImportTest, EveryProblemIsCountedNotJustTheFirstTwenty) {
  std::string table = "id,date\n";
  for (int i = 0; i < 40; ++i) table += fmt::format("w{},not-a-date\n", i);
  std::string nodes = testing::TempFile("dates.csv", table);
  ImportOptions o;
  o.header = true;
  o.nodes = nodes;
  auto g = ImportTable(testing::TempFile("e.csv", "citing,cited\nw1,w0\n"), o,
                       nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().problems(), 40u);
  EXPECT_NE(g.status().message().find("40 problems"), std::string::npos)
      << g.status().message();
  EXPECT_EQ(g.status().diagnostics().back().message,
            "and 30 more: malformed dates");
}

}  // namespace
}  // namespace lineage::io
