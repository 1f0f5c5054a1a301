#include "io/export.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>

#include "io/atomic_file.h"
#include "io/load.h"
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
  spec.links[0].details.evidence = "]]> </data> &amp;";
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

namespace lineage::io {
namespace {

// Every field of every work and link, era and the title: what an export
// must carry so that it reads back as the same graph.
void ExpectSameGraph(const model::Graph& a, const model::Graph& b) {
  EXPECT_EQ(a.title(), b.title());
  ASSERT_EQ(a.eras().size(), b.eras().size());
  for (std::size_t i = 0; i < a.eras().size(); ++i) {
    const model::Era &x = a.eras()[i], &y = b.eras()[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.from_year, y.from_year);
    EXPECT_EQ(x.to_year, y.to_year);
    EXPECT_EQ(x.summary, y.summary);
    EXPECT_EQ(x.zh_name, y.zh_name);
    EXPECT_EQ(x.zh_summary, y.zh_summary);
  }
  EXPECT_EQ(a.zh_title(), b.zh_title());
  ASSERT_EQ(a.num_works(), b.num_works());
  for (model::VertexId v = 0; v < a.num_works(); ++v) {
    auto w = b.FindId(a.id(v));
    ASSERT_TRUE(w) << a.id(v);
    SCOPED_TRACE(std::string(a.id(v)));
    EXPECT_EQ(a.name(v), b.name(*w));
    EXPECT_EQ(a.kind(v), b.kind(*w));
    EXPECT_EQ(a.date(v).ToString(), b.date(*w).ToString());
    const model::WorkDetails &x = a.details(v), &y = b.details(*w);
    EXPECT_EQ(x.era, y.era);
    EXPECT_EQ(x.aliases, y.aliases);
    EXPECT_EQ(x.people, y.people);
    EXPECT_EQ(x.paper, y.paper);
    EXPECT_EQ(x.arxiv, y.arxiv);
    EXPECT_EQ(x.url, y.url);
    EXPECT_EQ(x.summary, y.summary);
    EXPECT_EQ(x.tags, y.tags);
    EXPECT_EQ(x.note, y.note);
    EXPECT_EQ(x.layer, y.layer);
    EXPECT_EQ(x.zh_name, y.zh_name);
    EXPECT_EQ(x.zh_aliases, y.zh_aliases);
    EXPECT_EQ(x.zh_summary, y.zh_summary);
  }
  using LinkKey =
      std::tuple<std::string, std::string, model::Relation, std::string,
                 std::string, model::Layer, std::string>;
  auto links = [](const model::Graph& g) {
    std::vector<LinkKey> out;
    for (model::EdgeId e = 0; e < g.num_links(); ++e)
      out.emplace_back(std::string(g.id(g.parent(e))),
                       std::string(g.id(g.child(e))), g.relation(e),
                       g.link_details(e).evidence, g.link_details(e).citation,
                       g.link_details(e).layer, g.link_details(e).zh_evidence);
    std::sort(out.begin(), out.end());
    return out;
  };
  EXPECT_EQ(links(a), links(b));
}

class RoundTripTest : public ::testing::TestWithParam<const char*> {};

TEST_P(RoundTripTest, TheBundledGraphReadsBackFieldByField) {
  for (const std::string& data :
       {std::string(LINEAGE_BUNDLED_DATA), Fixture("layers")}) {
    auto bundled = LoadGraph(data);
    ASSERT_TRUE(bundled.ok()) << bundled.status().ToString();
    const std::string format = GetParam();
    const std::string path = testing::TempFile(
        "bundled." + format,
        format == "json" ? ExportJson(*bundled) : ExportGraphml(*bundled));
    auto back = LoadGraph(path);
    ASSERT_TRUE(back.ok()) << back.status().ToString();
    ExpectSameGraph(*bundled, *back);
    // And once more: an export of the import is the same document.
    EXPECT_EQ(
        format == "json" ? ExportJson(*back) : ExportGraphml(*back),
        format == "json" ? ExportJson(*bundled) : ExportGraphml(*bundled));
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTripTest,
                         ::testing::Values("graphml", "json"));

}  // namespace
}  // namespace lineage::io
