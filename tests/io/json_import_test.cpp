#include "io/json_import.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::io {
namespace {

base::Result<model::Graph> Import(const std::string& text) {
  return ImportJson(testing::TempFile("g.json", text), {}, nullptr);
}

TEST(JsonImportTest, ReadsNetworkxNodeLinkCitations) {
  auto g = Import(
      R"({"directed": true, "multigraph": false, "graph": {},
          "nodes": [{"id": 1, "label": "A", "year": 2001}, {"id": 2}],
          "links": [{"source": 2, "target": 1}]})");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->num_links(), 1u);
  // The source cites the target: 1 is the older work.
  EXPECT_EQ(g->id(g->parent(0)), "1");
  EXPECT_EQ(g->name(*g->FindId("1")), "A");
  EXPECT_EQ(g->date(*g->FindId("1")).year, 2001);
}

// What the fuzzer found: nlohmann throws more than parse errors (here a
// number out of range), and a wrongly typed field must not throw either.
TEST(JsonImportTest, EveryMalformedDocumentIsAnErrorNotACrash) {
  for (const char* text :
       {"444444444e44444\0urezh_t", "{\"nodes\": [{\"id\": 1e99999}]}",
        "{\"nodes\": [], \"graph\": {\"eras\": [{\"id\": \"e\", \"from\": "
        "2000, \"name\": 7}]}}",
        "{\"nodes\": [], \"graph\": {\"eras\": [{\"id\": \"e\", \"from\": "
        "99999999999}]}}",
        "{\"nodes\": [{\"id\": \"a\"}], \"links\": [{\"source\": \"a\"}]}",
        "{\"directed\": false, \"nodes\": []}", "[1, 2]", "{\"nodes\": 3}"}) {
    auto g = Import(text);
    if (g.ok()) continue;  // Some are merely odd, and read.
    EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidData) << text;
    EXPECT_NE(g.status().ToString().find("g.json"), std::string::npos)
        << g.status().ToString();
  }
  EXPECT_FALSE(Import("444444444e44444").ok());
}

}  // namespace
}  // namespace lineage::io
