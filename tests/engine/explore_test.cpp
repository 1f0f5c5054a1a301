// Engine::Explore (engine/explore.cpp): what the page's script is given.
// The script itself is tested in a browser (tests/browser).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "testing/fixtures.h"

namespace lineage::engine {
namespace {

using nlohmann::json;

// The data block of a page, parsed.
json DataOf(const std::string& page) {
  const std::string open =
      "<script type=\"application/json\" id=\"lineage-data\">";
  const std::size_t start = page.find(open);
  EXPECT_NE(start, std::string::npos);
  const std::size_t end = page.find("</script>", start);
  return json::parse(
      page.substr(start + open.size(), end - start - open.size()));
}

Engine Open(const OpenOptions& options = {}) {
  auto e = Engine::Open({LINEAGE_BUNDLED_DATA}, options);
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return std::move(e).value();
}

const json* Work(const json& data, std::string_view id) {
  for (const json& w : data["works"])
    if (w["id"] == id) return &w;
  return nullptr;
}

TEST(ExploreTest, TheBundledGraphSpeaksBothLanguages) {
  Engine e = Open();
  auto view = e.Select({});
  ASSERT_TRUE(view.ok());
  auto page = e.Explore(*view, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_NE(page->bytes.find("<template class=\"diagram\" data-lang=\"zh\">"),
            std::string::npos);
  const json data = DataOf(page->bytes);
  EXPECT_EQ(data["language"], "en");
  EXPECT_EQ(data["languages"], json({"en", "zh"}));
  EXPECT_EQ(data["works"].size(), e.graph().num_works());
  EXPECT_EQ(data["links"].size(), e.graph().num_links());
  EXPECT_EQ(page->works, e.graph().num_works());
  const json* vae = Work(data, "vae");
  ASSERT_NE(vae, nullptr);
  EXPECT_EQ((*vae)["name"]["en"], "Variational autoencoder");
  EXPECT_EQ((*vae)["name"]["zh"], "变分自动编码器");
  // Found by either language's names, keyed as the CLI keys them.
  const auto& keys = (*vae)["keys"];
  EXPECT_NE(std::find(keys.begin(), keys.end(), "variationalautoencoder"),
            keys.end());
  EXPECT_NE(std::find(keys.begin(), keys.end(), "变分自动编码器"), keys.end());
  for (const json& l : data["links"]) {
    EXPECT_TRUE(l["evidence"].contains("en"));
    EXPECT_TRUE(l["influence"].is_boolean());
  }
  EXPECT_EQ(data["relations"]["builds_on"]["influence"], true);
  EXPECT_EQ(data["relations"]["trained_on"]["influence"], false);
}

// A view's title is made again in the other language, from what it is of.
TEST(ExploreTest, TheTitleIsTranslated) {
  Engine e = Open();
  auto vae = e.Find("vae");
  ASSERT_TRUE(vae.ok());
  auto view = e.Select({.of = ViewSpec::Of::kFamily, .works = {*vae}});
  ASSERT_TRUE(view.ok());
  auto page = e.Explore(*view, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const json data = DataOf(page->bytes);
  EXPECT_EQ(data["title"]["en"], view->title);
  EXPECT_NE(
      data["title"]["en"].get<std::string>().find("Variational autoencoder"),
      std::string::npos);
  EXPECT_NE(data["title"]["zh"].get<std::string>().find("变分自动编码器"),
            std::string::npos)
      << data["title"];
}

// Opened in Chinese, the page opens in Chinese and keeps the English.
TEST(ExploreTest, AChinesePageKeepsTheEnglish) {
  Engine e = Open({.language = model::Language::kChinese});
  auto view = e.Select({});
  ASSERT_TRUE(view.ok());
  auto page = e.Explore(*view, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_NE(page->bytes.find("<html lang=\"zh\">"), std::string::npos);
  const json data = DataOf(page->bytes);
  EXPECT_EQ(data["languages"], json({"zh", "en"}));
  const json* vae = Work(data, "vae");
  ASSERT_NE(vae, nullptr);
  EXPECT_EQ((*vae)["name"]["zh"], "变分自动编码器");
  EXPECT_EQ((*vae)["name"]["en"], "Variational autoencoder");
  EXPECT_EQ(data["title"]["en"], "Ten years of image synthesis");
}

// A view holds only its works and the links among them; its focus is
// marked. A graph without Chinese labels gets a page in one language.
TEST(ExploreTest, AViewHoldsItsWorksOnly) {
  Engine e(testing::Diamond());
  auto tip = e.Find("tip");
  ASSERT_TRUE(tip.ok());
  auto view = e.Select(
      {.of = ViewSpec::Of::kFamily, .works = {*tip}, .descendants = false});
  ASSERT_TRUE(view.ok());
  auto page = e.Explore(*view, {});
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  const json data = DataOf(page->bytes);
  EXPECT_EQ(data["languages"], json({"en"}));
  EXPECT_EQ(page->bytes.find("<template"), std::string::npos);
  std::vector<std::string> ids;
  for (const json& w : data["works"]) ids.push_back(w["id"]);
  EXPECT_EQ(ids,
            (std::vector<std::string>{"root", "left", "right", "join", "tip"}));
  EXPECT_EQ((*Work(data, "tip"))["focus"], true);
  EXPECT_EQ(data["links"].size(), 5u);
}

TEST(ExploreTest, FailsAsDrawDoes) {
  Engine e(testing::Diamond());
  auto view = e.Select({});
  ASSERT_TRUE(view.ok());
  auto page = e.Explore(*view, {.max_works = 2});
  ASSERT_FALSE(page.ok());
  EXPECT_EQ(page.status().code(), base::Status::Code::kInvalidArgument);
}

}  // namespace
}  // namespace lineage::engine
