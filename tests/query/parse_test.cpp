#include "query/parse.h"

#include <gtest/gtest.h>

namespace lineage::query {
namespace {

std::unique_ptr<Node> Ok(std::string_view text) {
  auto n = Parse(text);
  EXPECT_TRUE(n.ok()) << n.status().message();
  return n.ok() ? std::move(n).value() : nullptr;
}

std::string Fails(std::string_view text) {
  auto n = Parse(text);
  EXPECT_FALSE(n.ok()) << text;
  if (n.ok()) return "";
  EXPECT_EQ(n.status().code(), base::Status::Code::kInvalidArgument);
  return n.status().message();
}

TEST(ParseTest, WordsStringsAndEverything) {
  auto w = Ok("gan");
  EXPECT_EQ(w->type, Node::Type::kWord);
  EXPECT_EQ(w->text, "gan");
  auto s = Ok("\"DALL-E 2\"");
  EXPECT_EQ(s->type, Node::Type::kString);
  EXPECT_EQ(s->text, "DALL-E 2");
  EXPECT_EQ(Ok("'it\\'s'")->text, "it's");
  EXPECT_EQ(Ok("*")->type, Node::Type::kAll);
  EXPECT_EQ(Ok("all")->type, Node::Type::kAll);
  EXPECT_EQ(Ok("路人回忆")->text, "路人回忆");
}

TEST(ParseTest, CallsTakeArguments) {
  auto n = Ok("ancestors(gan, 2)");
  ASSERT_EQ(n->type, Node::Type::kCall);
  EXPECT_EQ(n->text, "ancestors");
  ASSERT_EQ(n->children.size(), 2u);
  EXPECT_EQ(n->children[1]->text, "2");
  EXPECT_EQ(n->children[1]->column, 16u);
}

TEST(ParseTest, IntersectBindsTighterThanUnionAndExcept) {
  // a + b & c - d  ==  (a + (b & c)) - d, as one flat chain.
  auto n = Ok("a + b & c - d");
  ASSERT_EQ(n->type, Node::Type::kSetOps);
  EXPECT_EQ(n->ops, (std::vector<char>{'+', '-'}));
  ASSERT_EQ(n->children.size(), 3u);
  EXPECT_EQ(n->children[1]->type, Node::Type::kSetOps);
  EXPECT_EQ(n->children[1]->ops, std::vector<char>{'&'});
  auto words = Ok("a union b intersect c except d");
  EXPECT_EQ(words->ops, (std::vector<char>{'+', '-'}));
}

TEST(ParseTest, AHyphenInsideAWordIsPartOfIt) {
  auto n = Ok("dall-e-2 - gan");
  ASSERT_EQ(n->type, Node::Type::kSetOps);
  EXPECT_EQ(n->children[0]->text, "dall-e-2");
  EXPECT_EQ(n->ops, std::vector<char>{'-'});
  EXPECT_EQ(Ok("stylegan2-ada")->text, "stylegan2-ada");
  EXPECT_EQ(Ok("descendants(gan) -(clip)")->ops, std::vector<char>{'-'});
}

TEST(ParseTest, LetBindsANameForItsBody) {
  auto n = Ok("let x = descendants(gan) in x & kind(model, *)");
  ASSERT_EQ(n->type, Node::Type::kLet);
  EXPECT_EQ(n->text, "x");
  EXPECT_EQ(n->children[0]->type, Node::Type::kCall);
  EXPECT_EQ(n->children[1]->type, Node::Type::kSetOps);
}

TEST(ParseTest, SyntaxErrorsPointAtTheColumn) {
  std::string m = Fails("ancestors(gan");
  EXPECT_NE(m.find("syntax error at column 14: expected ',' or ')'"),
            std::string::npos)
      << m;
  EXPECT_NE(m.find("\n  ancestors(gan\n               ^"), std::string::npos)
      << m;
  m = Fails("gan)");
  EXPECT_NE(m.find("unbalanced ')'"), std::string::npos) << m;
  EXPECT_NE(m.find("\n     ^"), std::string::npos) << m;
  m = Fails("gan +");
  EXPECT_NE(m.find("expected a work, a function or '('"), std::string::npos);
  m = Fails("let = gan in gan");
  EXPECT_NE(m.find("expected a name after 'let'"), std::string::npos);
  m = Fails("let x = gan gan");
  EXPECT_NE(m.find("expected 'in'"), std::string::npos);
  m = Fails("\"open");
  EXPECT_NE(m.find("never closed"), std::string::npos);
  m = Fails("gan dcgan");
  EXPECT_NE(m.find("expected an operator"), std::string::npos);
  m = Fails("f(,)");
  EXPECT_NE(m.find("column 3"), std::string::npos);
}

TEST(ParseTest, CaretCountsCharactersNotBytes) {
  std::string m = Fails("路人回忆 )");
  EXPECT_NE(m.find("\n  路人回忆 )\n       ^"), std::string::npos) << m;
}

TEST(ParseTest, EmptyAndBlankQueriesAreErrors) {
  EXPECT_NE(Fails("").find("the query is empty"), std::string::npos);
  EXPECT_NE(Fails("   \n ").find("the query is empty"), std::string::npos);
}

TEST(ParseTest, TenThousandNestedParenthesesAreAnErrorNotACrash) {
  std::string deep = std::string(10000, '(') + "gan" + std::string(10000, ')');
  std::string m = Fails(deep);
  EXPECT_NE(m.find("nests deeper than 200 levels"), std::string::npos);
  EXPECT_LT(m.size(), 400u);  // A window of the query, not all of it.
  std::string calls;
  for (int i = 0; i < 5000; ++i) calls += "parents(";
  calls += "gan" + std::string(5000, ')');
  EXPECT_NE(Fails(calls).find("nests deeper"), std::string::npos);
}

TEST(ParseTest, LongFlatChainsParseWithoutDeepRecursion) {
  std::string chain = "gan";
  for (int i = 0; i < 5000; ++i) chain += " + gan";
  auto n = Ok(chain);
  EXPECT_EQ(n->children.size(), 5001u);
}

TEST(ParseTest, BinaryGarbageAndHugeQueriesAreRefused) {
  EXPECT_NE(Fails(std::string("gan\xff\xfe", 5)).find("not UTF-8"),
            std::string::npos);
  EXPECT_NE(Fails(std::string("a\0b", 3)).find("not UTF-8"), std::string::npos);
  EXPECT_NE(Fails(std::string(70000, 'a')).find("more than the limit"),
            std::string::npos);
}

}  // namespace
}  // namespace lineage::query
