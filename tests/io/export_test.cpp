#include "io/export.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "io/atomic_file.h"
#include "io/yaml_loader.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

using testing::Fixture;

// Compares with a golden file; LINEAGE_UPDATE_GOLDEN=1 rewrites it instead.
void ExpectGolden(const std::string& actual, const std::string& name) {
  std::string path = Fixture("golden/" + name);
  if (std::getenv("LINEAGE_UPDATE_GOLDEN")) {
    ASSERT_TRUE(WriteFileAtomically(path, actual).ok());
    return;
  }
  auto expected = ReadFile(path, 1 << 20);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  EXPECT_EQ(actual, *expected)
      << "export changed; if intended, rerun with LINEAGE_UPDATE_GOLDEN=1";
}

model::Graph Good() {
  auto g = LoadGraph(Fixture("good.yaml"));
  EXPECT_TRUE(g.ok()) << g.status().ToString();
  return std::move(g).value();
}

TEST(ExportGraphmlTest, MatchesGolden) {
  ExpectGolden(ExportGraphml(Good()), "good.graphml");
}

TEST(ExportJsonTest, MatchesGolden) {
  ExpectGolden(ExportJson(Good()), "good.json");
}

TEST(ExportJsonTest, IsANetworkxNodeLinkDocument) {
  auto doc = nlohmann::json::parse(ExportJson(Good()));
  EXPECT_EQ(doc["directed"], true);
  EXPECT_EQ(doc["multigraph"], true);
  ASSERT_EQ(doc["nodes"].size(), 4u);
  ASSERT_EQ(doc["links"].size(), 3u);
  const auto& first = doc["links"][0];
  EXPECT_EQ(first["source"], "gan");  // Older work first: influence flows.
  EXPECT_EQ(first["target"], "dcgan");
  EXPECT_EQ(first["key"], "builds_on");
  EXPECT_EQ(first["influence"], true);
  EXPECT_EQ(doc["graph"]["eras"][1]["to"], nullptr);  // "today"
}

TEST(WorkJsonTest, FullWorkDerivesOrganizationsFromPublishedBy) {
  model::Graph g = Good();
  auto j = WorkFull(g, *g.FindId("stylegan"));
  EXPECT_EQ(j["organizations"], nlohmann::json::array({"NVIDIA"}));
  EXPECT_FALSE(j.contains("aliases"));  // Empty attributes are omitted.
  auto brief = WorkBrief(g, *g.FindId("nvidia"));
  EXPECT_EQ(brief["date"], nullptr);
  EXPECT_EQ(brief["kind"], "organization");
}

TEST(ExportGraphmlTest, EscapesHostileText) {
  model::GraphSpec spec = testing::SpecBuilder()
                              .Work("a", "2000")
                              .Work("b", "2001")
                              .Link("b", "uses", "a")
                              .spec();
  spec.works[0].name = "<script>&\"'{}\\ 路人";
  spec.links[0].evidence = "]]> </data> &amp;";
  auto g = model::Graph::Build(spec);
  ASSERT_TRUE(g.ok());
  std::string xml = ExportGraphml(*g);
  EXPECT_NE(xml.find("&lt;script&gt;&amp;&quot;&apos;{}\\ 路人"),
            std::string::npos);
  EXPECT_NE(xml.find("]]&gt; &lt;/data&gt; &amp;amp;"), std::string::npos);
  EXPECT_EQ(xml.find("<script>"), std::string::npos);
  auto json = nlohmann::json::parse(ExportJson(*g));
  EXPECT_EQ(json["nodes"][0]["name"], "<script>&\"'{}\\ 路人");
}

}  // namespace
}  // namespace lineage::io
