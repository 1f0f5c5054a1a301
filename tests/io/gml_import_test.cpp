#include "io/gml_import.h"

#include <gtest/gtest.h>

#include <string>

#include "analysis/ancestry.h"
#include "io/load.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

using analysis::Direction;
using analysis::Reach;

ImportOptions Influences() {
  ImportOptions o;
  o.edges = ImportOptions::Edges::kInfluences;
  return o;
}

base::Result<model::Graph> Import(const std::string& text,
                                  const ImportOptions& o = {},
                                  ImportReport* r = nullptr) {
  return ImportGml(testing::TempFile("g.gml", text), o, r);
}

std::size_t Ancestors(const model::Graph& g, std::string_view id) {
  return Reach(g, *g.FindId(id), Direction::kAncestors, {}).size();
}

// tests/fixtures/datasets/unix-gephi.gml has the shape of Gephi's GML
// export (ExporterGML: `Creator Gephi` and the ids unquoted, a graphics
// list in every node, attributes quoted, a `value` on every edge), holding
// 14 systems of the Graphviz gallery's Unix family tree, drawn from the
// older to the newer. Ultrix-11 descends, by hand, from 2.8 BSD, V7M, 7th
// Edition, 2 BSD, 4.1 BSD, 1 BSD, 4 BSD, 3 BSD, 32V, Interdata, 6th and 5th
// Edition: twelve ancestors (not PWB 1.0).
TEST(GmlImportTest, GephisExportWithBareValuesImportsInOneStep) {
  ImportReport r;
  auto g = LoadGraph(testing::Fixture("datasets/unix-gephi.gml"),
                     {.import = Influences(), .report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 14u);
  EXPECT_EQ(g->num_links(), 16u);
  auto ultrix = g->FindId("n11");
  ASSERT_TRUE(ultrix);
  EXPECT_EQ(g->name(*ultrix), "Ultrix-11");
  EXPECT_EQ(Ancestors(*g, "n11"), 12u);
  EXPECT_EQ(Reach(*g, *g->FindId("n6"), Direction::kDescendants, {}).size(),
            5u);  // 32V: 3, 4, 4.1 and 2.8 BSD, Ultrix-11.
  // "1978.3": gnuclad-style dates are read too.
  EXPECT_EQ(g->date(*g->FindId("n3")).ToString(), "1978-03");
  EXPECT_EQ(r.undated_works, 0u);
}

TEST(GmlImportTest, DetectedByExtensionAndByItsFirstKeys) {
  EXPECT_EQ(DetectFormat(testing::Fixture("datasets/unix-gephi.gml")),
            Format::kGml);
  // igraph writes Creator and Version before the graph; no extension.
  const std::string path = testing::TempFile(
      "igraph-export",
      "Creator \"igraph version 0.10.4 Mon Nov 30 2026\"\nVersion 1\ngraph\n"
      "[\n  directed 1\n  node [ id 0 name \"a\" ]\n]\n");
  EXPECT_EQ(DetectFormat(path), Format::kGml);
  EXPECT_EQ(DetectFormat(testing::TempFile("t.tsv", "graph\tnode\n")),
            Format::kTable);
}

// networkx's write_gml: numeric ids with a label, strings escaped as HTML
// character references, a list attribute as its key repeated, the graph's
// own attributes; the source cites the target by default.
TEST(GmlImportTest, NetworkxLabelsEscapesAndRepeatedKeys) {
  auto g = Import(
      "graph [\n  directed 1\n  name \"citations\"\n"
      "  node [\n    id 0\n    label \"GAN\"\n    date \"2014-06\"\n"
      "    tags \"adversarial\"\n    tags \"generative\"\n  ]\n"
      "  node [\n    id 1\n    label \"&#34;Deep&#34; &amp; conv\"\n"
      "    year 2015\n  ]\n"
      "  node [\n    id 2\n    label \"Caf&#233; &#x263A; &bogus; &#0;\"\n  ]\n"
      "  edge [\n    source 1\n    target 0\n  ]\n"
      "  edge [\n    source 2\n    target 1\n  ]\n]\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->title(), "citations");
  EXPECT_EQ(g->name(*g->FindId("1")), "\"Deep\" & conv");
  EXPECT_EQ(g->name(*g->FindId("2")), "Caf\u00e9 \u263a &bogus; &#0;");
  EXPECT_EQ(g->date(*g->FindId("0")).ToString(), "2014-06");
  EXPECT_EQ(testing::WorkOf(*g, *g->FindId("0")).details.tags,
            (std::vector<std::string>{"adversarial", "generative"}));
  EXPECT_EQ(Ancestors(*g, "2"), 2u);  // 2 cites 1, which cites 0.
}

// Cytoscape: tabs, negative ids, `directed` before the graph, labels
// after the graphics; igraph's `name` names the work.
TEST(GmlImportTest, CytoscapeAndIgraphVariants) {
  auto cytoscape = Import(
      "Creator\t\"Cytoscape\"\nVersion\t1.0\ndirected\t1\ngraph\t[\n"
      "\tnode\t[\n\t\troot_index\t-2\n\t\tid\t-2\n\t\tgraphics\t[\n"
      "\t\t\tx\t-41.0\n\t\t\tfill\t\"#ff9999\"\n\t\t]\n\t\tlabel\t\"B\"\n\t]\n"
      "\tnode\t[\n\t\troot_index\t-1\n\t\tid\t-1\n\t\tlabel\t\"A\"\n\t]\n"
      "\tedge\t[\n\t\troot_index\t-1\n\t\ttarget\t-1\n\t\tsource\t-2\n"
      "\t\tlabel\t\"B (pp) A\"\n\t]\n]\n");
  ASSERT_TRUE(cytoscape.ok()) << cytoscape.status().ToString();
  EXPECT_EQ(cytoscape->name(*cytoscape->FindId("-2")), "B");
  EXPECT_EQ(Ancestors(*cytoscape, "-2"), 1u);

  auto igraph = Import(
      "Creator \"igraph version 0.10.4\"\nVersion 1\ngraph\n[\n  directed 1\n"
      "  node\n  [\n    id 0\n    name \"DDPM\"\n  ]\n"
      "  node\n  [\n    id 1\n    name \"LDM\"\n  ]\n"
      "  edge\n  [\n    source 1\n    target 0\n  ]\n]\n");
  ASSERT_TRUE(igraph.ok()) << igraph.status().ToString();
  EXPECT_EQ(igraph->name(*igraph->FindId("1")), "LDM");
  EXPECT_EQ(Ancestors(*igraph, "1"), 1u);
}

TEST(GmlImportTest, AnUndirectedGraphIsRefusedUnlessTheEdgesAreExplained) {
  auto zero = Import("graph [ directed 0 node [ id 1 ] ]");
  ASSERT_FALSE(zero.ok());
  EXPECT_NE(zero.status().ToString().find("undirected"), std::string::npos);
  // No `directed`: GML's default is undirected (networkx writes nothing
  // for an undirected graph), so lineage asks how the edges read.
  const char* silent =
      "graph [ node [ id 1 ] node [ id 2 ] edge [ source 2 target 1 ] ]";
  auto unsaid = Import(silent);
  ASSERT_FALSE(unsaid.ok());
  EXPECT_NE(unsaid.status().ToString().find("directed 1"), std::string::npos)
      << unsaid.status().ToString();
  ImportOptions cites;
  cites.edges = ImportOptions::Edges::kCites;
  auto told = Import(silent, cites);
  ASSERT_TRUE(told.ok()) << told.status().ToString();
  EXPECT_EQ(Ancestors(*told, "2"), 1u);
}

// Each syntax error names its line, and the fix.
TEST(GmlImportTest, SyntaxErrorsNameTheirLine) {
  struct Case {
    const char* text;
    int line;
    const char* says;
  };
  for (const Case& c : {
           Case{"graph [\n directed 1\n node [ id 1 label \"open\n ]\n]\n", 3,
                "never closed"},
           Case{"graph [\n directed 1\n node [\n  id 1\n", 3,
                "'[' is never closed"},
           Case{"graph [\n directed 1\n node [ id ]\n]\n", 3, "no value"},
           Case{"graph [ directed 1 ]\n]\n", 2, "closes no list"},
           Case{"Creator \"x\"\n", 1, "no 'graph"},
           Case{"graph [ directed 1 \"key\" 1 ]", 1, "expected a key"},
           Case{"graph [ directed 1 ]\ngraph [ directed 1 ]\n", 2,
                "second 'graph"},
       }) {
    auto g = Import(c.text);
    ASSERT_FALSE(g.ok()) << c.text;
    ASSERT_FALSE(g.status().diagnostics().empty()) << c.text;
    EXPECT_EQ(g.status().diagnostics().front().where.line, c.line) << c.text;
    EXPECT_NE(g.status().ToString().find(c.says), std::string::npos)
        << g.status().ToString();
  }
}

// Lists nested past the limit are refused, not recursed into: the stack
// holds.
TEST(GmlImportTest, DeepNestingIsRefusedNotACrash) {
  std::string text = "graph [ directed 1 node [ id 1 ";
  for (int i = 0; i < 100000; ++i) text += "a [ ";
  auto g = Import(text);
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("deeper than"), std::string::npos);
}

// Every edge naming an undeclared node and every node without an id is
// listed, with its line, and the true count.
TEST(GmlImportTest, EveryDanglingEdgeIsListedWithItsLine) {
  auto g = Import(
      "graph [\n directed 1\n node [ id 1 ]\n node [ label \"no id\" ]\n"
      " edge [ source 1 target 7 ]\n edge [ source 8 target 1 ]\n"
      " edge [ source 1 ]\n]\n");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().problems(), 4u);
  ASSERT_EQ(g.status().diagnostics().size(), 4u);
  std::string all = g.status().ToString();
  EXPECT_NE(all.find(":4"), std::string::npos) << all;  // The node.
  EXPECT_NE(all.find(":5"), std::string::npos) << all;
  EXPECT_NE(all.find("node '8'"), std::string::npos) << all;
}

// GML's charset is ISO 8859-1: a file that is not UTF-8 is read as Latin-1.
TEST(GmlImportTest, Latin1FilesAreRead) {
  auto g = Import("graph [ directed 1 node [ id 1 label \"Caf\xe9\" ] ]");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->name(0), "Caf\u00e9");
}

// Comments are lines that begin with '#'; a '#' inside a bare value is
// text.
TEST(GmlImportTest, CommentLinesAreSkipped) {
  auto g = Import(
      "# written by hand\ngraph [\n  # the works\n  directed 1\n"
      "  node [ id a#1 ]\n]\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_TRUE(g->FindId("a#1"));
}

TEST(GmlImportTest, FormatFlagOverridesDetection) {
  const std::string path =
      testing::TempFile("edges.txt",
                        "graph [ directed 1 node [ id x ] node [ id y ] "
                        "edge [ source x target y ] ]");
  auto g = LoadGraph(path, {.format = Format::kGml});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_links(), 1u);
  EXPECT_EQ(ParseFormat("gml"), Format::kGml);
  EXPECT_EQ(ParseFormat("s2"), Format::kSemanticScholar);
  EXPECT_FALSE(ParseFormat("xml"));
}

}  // namespace
}  // namespace lineage::io
