#include "model/resolve.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::model {
namespace {

Graph Dalle() {
  return testing::SpecBuilder()
      .Work("dall-e-2", "2022-04")
      .Alias("DALL·E 2")
      .Alias("unCLIP")
      .Work("dall-e", "2021-01")
      .Alias("DALL-E")
      .Work("stylegan", "2018-12")
      .Work("stylegan2-ada", "2020-06")
      .Build();
}

TEST(ResolveTest, FindsByIdNameOrAliasIgnoringCaseSpacesAndPunctuation) {
  Graph g = Dalle();
  VertexId want = *g.FindId("dall-e-2");
  for (const char* name :
       {"dall-e-2", "DALL-E 2", "dalle2", "DALL·E 2", "Dall E 2", "UNCLIP"}) {
    auto v = Resolve(g, name);
    ASSERT_TRUE(v.ok()) << name;
    EXPECT_EQ(*v, want) << name;
  }
  EXPECT_EQ(*Resolve(g, "DALL-E"), *g.FindId("dall-e"));
}

TEST(ResolveTest, UnknownNameSuggestsTheClosestWorks) {
  Graph g = Dalle();
  auto v = Resolve(g, "stylegn");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), base::Status::Code::kNotFound);
  EXPECT_NE(v.status().message().find("did you mean 'stylegan'"),
            std::string::npos)
      << v.status().message();
}

TEST(ResolveTest, NameWithNothingCloseSaysHowToListWorks) {
  Graph g = Dalle();
  auto v = Resolve(g, "xyzzy");
  ASSERT_FALSE(v.ok());
  // Said in the library's terms; each front end names its own way.
  EXPECT_NE(v.status().message().find("[[list_works]] lists every work"),
            std::string::npos);
  EXPECT_FALSE(Resolve(g, "").ok());
  EXPECT_FALSE(Resolve(g, "---").ok());
}

TEST(SuggestTest, PrefersNearerKeysAndListsEachWorkOnce) {
  Graph g = Dalle();
  auto s = Suggest(g.keys(), "stylgan", 3);
  ASSERT_GE(s.size(), 1u);
  EXPECT_EQ(testing::WorkOf(g, s[0]).id, "stylegan");  // One edit away.
  EXPECT_EQ(DidYouMean({{g.id(s[0]), g.name(s[0])}}),
            "did you mean 'stylegan'?");
}

TEST(SuggestTest, WorksStartingWithTheWordsTypedComeBeforeNearMisses) {
  // "Llama 2" should offer the Llama 2 models, not LLaVA or Llama 3.3,
  // which are fewer edits away.
  Graph g = testing::SpecBuilder()
                .Work("llava", "2023-04")
                .Name("LLaVA")
                .Work("llama-3.3", "2024-12")
                .Name("Llama 3.3")
                .Work("llama-2-7b", "2023-07")
                .Name("Llama 2 7B")
                .Work("llama-2-70b-chat", "2023-07")
                .Name("Llama 2 70B Chat")
                .Work("code-llama-2", "2023-08")
                .Name("Code Llama 2")
                .Build();
  auto s = Suggest(g.keys(), "Llama 2");
  ASSERT_GE(s.size(), 4u);
  EXPECT_EQ(g.id(s[0]), "llama-2-7b");
  EXPECT_EQ(g.id(s[1]), "llama-2-70b-chat");
  EXPECT_EQ(g.id(s[2]), "code-llama-2");  // Contains the words.
  auto v = Resolve(g, "Llama 2");
  ASSERT_FALSE(v.ok());
  EXPECT_NE(
      v.status().message().find(
          "did you mean 'llama-2-7b', 'llama-2-70b-chat', 'code-llama-2'"),
      std::string::npos)
      << v.status().message();
}

}  // namespace
}  // namespace lineage::model
