#include "io/attributed.h"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "analysis/ancestry.h"
#include "io/export.h"
#include "io/gml_import.h"
#include "io/graph_file.h"
#include "io/graphml_import.h"
#include "io/json_import.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

// The fixture's edges run from the base model to the one made from it.
ImportOptions Influences() {
  return {.edges = ImportOptions::Edges::kInfluences};
}

base::Result<model::Graph> ModelTree(ImportOptions o = Influences(),
                                     ImportReport* report = nullptr) {
  return ImportGraphml(testing::Fixture("datasets/model-tree.graphml"), o,
                       report);
}

std::set<std::string> Ancestors(const model::Graph& g, std::string_view id) {
  std::set<std::string> out;
  for (const auto& r :
       analysis::Reach(g, *g.FindId(id), analysis::Direction::kAncestors, {}))
    out.emplace(g.id(r.work));
  return out;
}

// The relation names of a graph's links, "parent>child:relation".
std::set<std::string> Links(const model::Graph& g) {
  std::set<std::string> out;
  g.ForEachLink([&](model::EdgeId, model::VertexId p, model::VertexId c,
                    model::Relation r) {
    out.insert(std::string(g.id(p)) + ">" + std::string(g.id(c)) + ":" +
               std::string(g.relation_name(r)) +
               (model::IsInfluence(r) ? "" : " (knowledge)"));
  });
  return out;
}

// The fixture's comment works the answers out by hand.
TEST(AttributedTest, TypedEdgesKeepTheirOwnNames) {
  ImportReport r;
  auto g = ModelTree(Influences(), &r);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(r.relation_attr, "relation");
  EXPECT_EQ(
      Links(*g),
      (std::set<std::string>{
          "corpus>base:trained_on (knowledge)", "base>chat:fine_tune",
          "base>instruct:fine_tune", "chat>gptq:quantized", "chat>lora:adapter",
          "gptq>merged:merge", "lora>merged:merge", "instruct>merged:merge"}));
  // "Fine-tune" and "finetune" are one relation, spelled as first met.
  EXPECT_EQ(g->vocabulary().custom().size(), 4u);
  EXPECT_EQ(
      Ancestors(*g, "merged"),
      (std::set<std::string>{"base", "chat", "instruct", "gptq", "lora"}));
  EXPECT_TRUE(Ancestors(*g, "base").empty());  // trained_on is knowledge.
}

TEST(AttributedTest, InfluenceSaysWhichRelationsAncestryFollows) {
  ImportOptions o = Influences();
  o.influence = {"Fine-Tune", "merge"};
  auto g = ModelTree(o);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Ancestors(*g, "merged"),
            (std::set<std::string>{"instruct", "gptq", "lora", "base"}));
  EXPECT_FALSE(model::IsInfluence(*g->vocabulary().Find("quantized")));
  // A built-in influence name left out of the list is knowledge here.
  o.influence = {"trained_on", "merge"};
  auto h = ModelTree(o);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(Ancestors(*h, "base"), (std::set<std::string>{"corpus"}));
  EXPECT_TRUE(model::IsInfluence(*h->vocabulary().Find("trained_on")));
  EXPECT_EQ(Ancestors(*h, "chat"), (std::set<std::string>{}));
}

TEST(AttributedTest, NamesNoEdgeHasAreUsageErrors) {
  ImportOptions o = Influences();
  o.influence = {"cousin"};
  auto g = ModelTree(o);
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidArgument);
  const std::string m = g.status().ToString();
  EXPECT_NE(m.find("[[influence]] cousin"), std::string::npos) << m;
  EXPECT_NE(m.find("merge"), std::string::npos) << m;  // The ones there are.
  o = Influences();
  o.relation_attr = "flavour";
  auto h = ModelTree(o);
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.status().code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(h.status().ToString().find("no edge of"), std::string::npos);
  EXPECT_NE(h.status().ToString().find("its edges have relation"),
            std::string::npos)
      << h.status().ToString();
}

// A chain n(i+1) -> n(i) of `edges` edges, each with the attributes `keys`
// (id, name), valued value(i, name).
std::string GraphmlWithEdgeData(
    const std::vector<std::pair<std::string, std::string>>& keys, int edges,
    const std::function<std::string(int, const std::string&)>& value) {
  std::string xml = "<graphml>\n";
  for (const auto& [id, name] : keys) {
    xml += "<key id=\"" + id + "\" for=\"edge\" attr.name=\"" + name +
           "\" attr.type=\"string\"/>\n";
  }
  xml += "<graph edgedefault=\"directed\">\n";
  for (int i = 0; i <= edges; ++i)
    xml += "<node id=\"n" + std::to_string(i) + "\"/>\n";
  for (int i = 0; i < edges; ++i) {
    xml += "<edge source=\"n" + std::to_string(i + 1) + "\" target=\"n" +
           std::to_string(i) + "\">";
    for (const auto& [id, name] : keys)
      xml += "<data key=\"" + id + "\">" + value(i, name) + "</data>";
    xml += "</edge>\n";
  }
  return xml + "</graph></graphml>\n";
}

TEST(AttributedTest, RelationAttrNamesTheAttributeElseRelationLabelType) {
  const std::string path = testing::TempFile(
      "typed.graphml",
      GraphmlWithEdgeData({{"k", "kind"}, {"t", "type"}}, 2,
                          [](int i, const std::string& name) {
                            return name == "kind" ? (i ? "uses" : "extends")
                                                  : "derived";
                          }));
  ImportReport r;
  auto guessed = ImportGraphml(path, {}, &r);
  ASSERT_TRUE(guessed.ok()) << guessed.status().ToString();
  EXPECT_EQ(r.relation_attr, "type");  // No relation or label: type.
  EXPECT_EQ(guessed->relation_name(guessed->relation(0)), "derived");
  ImportOptions o;
  o.relation_attr = "kind";
  auto kind = ImportGraphml(path, o, &r);
  ASSERT_TRUE(kind.ok());
  EXPECT_EQ(Links(*kind),
            (std::set<std::string>{"n0>n1:extends", "n1>n2:uses"}));
  o.relation_attr = "none";
  auto none = ImportGraphml(path, o, &r);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(Links(*none),
            (std::set<std::string>{"n0>n1:cites", "n1>n2:cites"}));
  EXPECT_EQ(r.relation_attr, "");
}

// A label that differs on every edge is text, not a kind of link.
TEST(AttributedTest, AFreeTextLabelIsDataNotARelation) {
  const std::string path = testing::TempFile(
      "labels.graphml",
      GraphmlWithEdgeData({{"l", "label"}}, 60, [](int i, const std::string&) {
        return "weight " + std::to_string(i);
      }));
  ImportReport r;
  auto g = ImportGraphml(path, {}, &r);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->relations(), model::RelationSet().Add(model::Relation::kCites));
  EXPECT_NE(r.relation_attr_skipped.find("60 different values"),
            std::string::npos)
      << r.relation_attr_skipped;
  ImportOptions o;
  o.relation_attr = "label";
  auto asked = ImportGraphml(path, o, &r);
  ASSERT_FALSE(asked.ok());
  EXPECT_EQ(asked.status().code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(asked.status().ToString().find("too many"), std::string::npos);
}

TEST(AttributedTest, GmlAndJsonEdgesAreTypedTheSameWay) {
  auto gml = ImportGml(testing::TempFile("t.gml",
                                         "graph [ directed 1\n"
                                         "  node [ id 1 label \"base\" ]\n"
                                         "  node [ id 2 label \"tuned\" ]\n"
                                         "  edge [ source 2 target 1 "
                                         "relation \"finetune\" ]\n]\n"),
                       {}, nullptr);
  ASSERT_TRUE(gml.ok()) << gml.status().ToString();
  EXPECT_EQ(Links(*gml), (std::set<std::string>{"1>2:finetune"}));
  auto json = ImportJson(testing::TempFile("t.json",
                                           R"({"directed": true,
              "nodes": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
              "links": [{"source": "b", "target": "a", "label": "Merge"},
                        {"source": "c", "target": "a", "label": "—"}]})"),
                         {}, nullptr);
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  // A value without a letter or digit names no relation: it cites.
  EXPECT_EQ(Links(*json), (std::set<std::string>{"a>b:merge", "a>c:cites"}));
}

// Names and standing come back from lineage's own exports and graph file.
TEST(AttributedTest, TheGraphsOwnRelationsSurviveExportAndGraphFile) {
  ImportOptions o = Influences();
  o.influence = {"finetune", "merge"};
  auto g = ModelTree(o);
  ASSERT_TRUE(g.ok());
  const auto want = Links(*g);
  auto graphml = ImportGraphml(
      testing::TempFile("back.graphml", ExportGraphml(*g)), {}, nullptr);
  ASSERT_TRUE(graphml.ok()) << graphml.status().ToString();
  EXPECT_EQ(Links(*graphml), want);
  auto json =
      ImportJson(testing::TempFile("back.json", ExportJson(*g)), {}, nullptr);
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  EXPECT_EQ(Links(*json), want);
  const std::string file = testing::TempFile("back.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, file).ok());
  auto read = ReadGraphFile(file);
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_EQ(Links(*read), want);
  EXPECT_EQ(Ancestors(*read, "merged"), Ancestors(*g, "merged"));
}

}  // namespace
}  // namespace lineage::io
