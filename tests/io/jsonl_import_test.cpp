#include "io/jsonl_import.h"

#include <gtest/gtest.h>

#include "analysis/ancestry.h"
#include "io/graph_file.h"
#include "io/load.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

using analysis::Direction;
using analysis::Reach;

std::size_t Ancestors(const model::Graph& g, std::string_view id) {
  return Reach(g, *g.FindId(id), Direction::kAncestors, {}).size();
}

// tests/fixtures/datasets/openalex-works.jsonl: works in the shape the
// OpenAlex API and snapshot write them (the documentation's example work
// W2741809807 and made-up others): nested objects and lists before and
// after the fields read, "referenced_works" before "id" in one line, a
// null publication_date (the year is used), an impossible date (ditto,
// counted), a null title, a blank line, a work citing itself, and W100's
// record twice with another year and another reference. By hand: six works
// (W999 and W50 only cited), six links; W300 descends from W2741809807,
// W100, W200, W999 and W50.
void ExpectTheFixture(const base::Result<model::Graph>& g,
                      const ImportReport& r) {
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 6u);
  EXPECT_EQ(g->num_links(), 6u);
  auto oa = g->FindId("W2741809807");
  ASSERT_TRUE(oa);
  EXPECT_EQ(g->date(*oa).ToString(), "2018-02-13");
  EXPECT_EQ(g->name(*oa),
            "The state of OA: a large-scale analysis of the prevalence and "
            "impact of Open Access articles");
  EXPECT_EQ(g->date(*g->FindId("W100")).ToString(), "2010");
  EXPECT_EQ(g->date(*g->FindId("W300")).ToString(), "2019");
  EXPECT_EQ(g->name(*g->FindId("W300")), "W300");
  EXPECT_EQ(Ancestors(*g, "W300"), 5u);
  EXPECT_EQ(Ancestors(*g, "W100"), 2u);  // Both records' references.
  EXPECT_EQ(r.parents_without_row, 2u);
  EXPECT_EQ(r.undated_works, 2u);
  EXPECT_EQ(r.self_loops, 1u);
  EXPECT_EQ(r.conflicting_node_ids, 1u);
  EXPECT_EQ(r.unreadable_dates, 1u);
  EXPECT_NE(r.examples.at("unreadable dates").find("2019-13-45"),
            std::string::npos);
}

TEST(JsonlImportTest, OpenAlexWorksImportAsTheyAre) {
  const std::string path = testing::Fixture("datasets/openalex-works.jsonl");
  EXPECT_EQ(DetectFormat(path), Format::kOpenAlex);
  ImportReport r;
  auto g = LoadGraph(path, {.import = {}, .report = &r});
  ExpectTheFixture(g, r);
}

// The same lines gzip-compressed as two members one after the other:
// detected from the first record inside, read by streaming.
TEST(JsonlImportTest, GzipIsReadWhateverTheName) {
  const std::string gz = testing::Fixture("datasets/openalex-works.jsonl.gz");
  EXPECT_EQ(DetectFormat(gz), Format::kOpenAlex);
  ImportReport r;
  ExpectTheFixture(LoadGraph(gz, {.import = {}, .report = &r}), r);
  // Renamed: the magic bytes say gzip.
  const std::string renamed = testing::TempFile(
      "works.data", testing::ReadFixture("datasets/openalex-works.jsonl.gz"));
  ExpectTheFixture(ImportWorks({renamed}, WorksFormat::kOpenAlex, {}, &r), r);
}

// What the benchmark found: the per-work columns must be one a work, or
// the .lgraph file written from them reads back as corrupt.
TEST(JsonlImportTest, TheImportedGraphSavesAndReadsBack) {
  auto g = LoadGraph(testing::Fixture("datasets/openalex-works.jsonl"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const std::string path = testing::TempFile("works.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  auto back = ReadGraphFile(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_works(), g->num_works());
  EXPECT_EQ(back->num_links(), g->num_links());
  EXPECT_EQ(back->name(*back->FindId("W100")), "Older work A");
}

TEST(JsonlImportTest, AGzipFileCutShortIsAnError) {
  const std::string bytes =
      testing::ReadFixture("datasets/openalex-works.jsonl.gz");
  const std::string cut =
      testing::TempFile("cut.jsonl.gz", bytes.substr(0, bytes.size() - 40));
  auto g = ImportWorks({cut}, WorksFormat::kOpenAlex, {}, nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("cut short"), std::string::npos)
      << g.status().ToString();
  const std::string junk = testing::TempFile(
      "junk.jsonl.gz", std::string("\x1f\x8b\x08\x00garbage-not-deflate", 23));
  auto j = ImportWorks({junk}, WorksFormat::kOpenAlex, {}, nullptr);
  ASSERT_FALSE(j.ok());
  EXPECT_NE(j.status().ToString().find("gzip"), std::string::npos);
}

// Malformed lines are listed with their line numbers: the first twenty,
// and the true count.
TEST(JsonlImportTest, MalformedLinesAreListedWithTheTrueCount) {
  std::string text = "{\"id\": \"W1\"}\n";
  for (int i = 0; i < 30; ++i) text += "{\"id\": \"W2\", \"title\": \n";
  text += "[1, 2]\n{\"title\": \"no id\"}\n";
  auto g = ImportWorks({testing::TempFile("bad.jsonl", text)},
                       WorksFormat::kOpenAlex, {}, nullptr);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().problems(), 32u);
  EXPECT_EQ(g.status().diagnostics().size(), 20u);
  EXPECT_EQ(g.status().diagnostics().front().where.line, 2);
  EXPECT_NE(g.status().message().find("32 problems"), std::string::npos);
}

// Semantic Scholar's Graph API papers: references as objects (one the API
// could not resolve: a null paperId, skipped) or as plain ids; the
// datasets' papers (numeric corpusid) and citations files read together.
TEST(JsonlImportTest, SemanticScholarPapersAndCitations) {
  const std::string api = testing::TempFile(
      "papers.jsonl",
      "{\"paperId\": \"p3\", \"title\": \"Third\", \"year\": 2017, "
      "\"publicationDate\": \"2017-06-12\", \"references\": [{\"paperId\": "
      "\"p2\", \"title\": \"Second\"}, {\"paperId\": null, \"title\": "
      "\"unresolved\"}]}\n"
      "{\"paperId\": \"p2\", \"title\": \"Second\", \"year\": 2015, "
      "\"publicationDate\": null, \"references\": [\"p1\"]}\n");
  EXPECT_EQ(DetectFormat(api), Format::kSemanticScholar);
  ImportReport r;
  auto g = LoadGraph(api, {.import = {}, .report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 3u);
  EXPECT_EQ(Ancestors(*g, "p3"), 2u);
  EXPECT_EQ(g->date(*g->FindId("p2")).ToString(), "2015");
  EXPECT_EQ(r.parents_without_row, 1u);  // p1.

  // The datasets: "papers" (corpusid a number) and "citations" (corpus ids
  // as strings, null where S2 has no cited paper).
  const std::string papers =
      testing::TempFile("s2-papers.jsonl",
                        "{\"corpusid\":223588394,\"title\":\"A\",\"year\":2006,"
                        "\"publicationdate\":\"2006-02-28\",\"authors\":[]}\n"
                        "{\"corpusid\":231810694,\"title\":\"B\",\"year\":2010,"
                        "\"publicationdate\":null}\n");
  const std::string citations = testing::TempFile(
      "s2-citations.jsonl",
      "{\"citingcorpusid\":\"231810694\",\"citedcorpusid\":\"223588394\","
      "\"isinfluential\":false,\"contexts\":null,\"intents\":null}\n"
      "{\"citingcorpusid\":\"231810694\",\"citedcorpusid\":null,"
      "\"isinfluential\":false}\n");
  EXPECT_EQ(DetectFormat(citations), Format::kSemanticScholar);
  auto both = LoadGraphs({papers, citations}, {.import = {}, .report = &r});
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(both->num_works(), 2u);
  EXPECT_EQ(both->num_links(), 1u);
  EXPECT_EQ(both->name(*both->FindId("231810694")), "B");
  EXPECT_EQ(Ancestors(*both, "231810694"), 1u);
  EXPECT_EQ(r.parents_without_row, 0u);
}

TEST(JsonlImportTest, NodeLinkJsonIsNotMistakenForADump) {
  EXPECT_EQ(DetectFormat(
                testing::TempFile("g.json",
                                  "{\"directed\": true, \"nodes\": [{\"id\": "
                                  "\"paperId\"}], \"links\": []}\n")),
            Format::kJson);
  EXPECT_EQ(
      DetectFormat(testing::TempFile("g2.json", "{\n  \"nodes\": []\n}\n")),
      Format::kJson);
}

TEST(JsonlImportTest, FilesOfDifferentKindsAreNotMixed) {
  auto g = LoadGraphs({testing::Fixture("datasets/openalex-works.jsonl"),
                       testing::Fixture("datasets/hepth-excerpt.txt")});
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace lineage::io
