#include "base/text.h"

#include <gtest/gtest.h>

namespace lineage::base {
namespace {

// A trailing '+' names a successor: C++ is not C, DPM-Solver++ is not
// DPM-Solver; a '+' between two names only joins them.
TEST(SplitJoinedTest, KeepsTheNonEmptyItemsBetweenSeparators) {
  using V = std::vector<std::string_view>;
  EXPECT_EQ(SplitJoined("a; b c; d", "; "), (V{"a", "b c", "d"}));
  EXPECT_EQ(SplitJoined("; a; ; b; ", "; "), (V{"a", "b"}));
  EXPECT_EQ(SplitJoined("a;b", "; "), (V{"a;b"}));
  EXPECT_TRUE(SplitJoined("", "; ").empty());
}

TEST(NormalizeKeyTest, ATrailingPlusMarksASuccessor) {
  EXPECT_EQ(NormalizeKey("DPM-Solver++"), "dpmsolverplusplus");
  EXPECT_EQ(NormalizeKey("dpm-solver-plus-plus"), "dpmsolverplusplus");
  EXPECT_NE(NormalizeKey("C++"), NormalizeKey("C"));
  EXPECT_EQ(NormalizeKey("Command R+ model"), "commandrplusmodel");
  EXPECT_EQ(NormalizeKey("VQGAN+CLIP"), "vqganclip");
  EXPECT_EQ(NormalizeKey("VQGAN + CLIP"), "vqganclip");
  EXPECT_EQ(NormalizeKey("+"), "");
}

TEST(NormalizeKeyTest, ATrailingSharpIsPartOfTheName) {
  EXPECT_NE(NormalizeKey("C#"), NormalizeKey("C"));
  EXPECT_NE(NormalizeKey("C#"), NormalizeKey("C++"));
  EXPECT_EQ(NormalizeKey("F#"), "fsharp");
  EXPECT_EQ(NormalizeKey("#1 model"), "1model");
}

TEST(NormalizeKeyTest, SpellingsOfDalle2ShareOneKey) {
  EXPECT_EQ(NormalizeKey("DALL-E 2"), "dalle2");
  EXPECT_EQ(NormalizeKey("dalle2"), "dalle2");
  EXPECT_EQ(NormalizeKey("dall-e-2"), "dalle2");
  EXPECT_EQ(NormalizeKey("DALL·E 2"), "dalle2");
  EXPECT_EQ(NormalizeKey("  Dall_E\t2. "), "dalle2");
}

TEST(NormalizeKeyTest, UnicodePunctuationIsDroppedButLettersKept) {
  EXPECT_EQ(NormalizeKey("“GAN”—2014"), "gan2014");
  EXPECT_EQ(NormalizeKey("路人回忆 I"), "路人回忆i");
  EXPECT_EQ(NormalizeKey("深度信念网。"), "深度信念网");
  EXPECT_EQ(NormalizeKey("Björn"), "björn");
}

TEST(NormalizeKeyTest, InvalidUtf8BytesAreKeptNotDropped) {
  EXPECT_EQ(NormalizeKey("a\xff"
                         "b"),
            "a\xff"
            "b");
}

TEST(EditDistanceTest, CountsEditsAndStopsPastTheLimit) {
  EXPECT_EQ(EditDistance("stylegan", "stylegan", 3), 0u);
  EXPECT_EQ(EditDistance("stylegn", "stylegan", 3), 1u);
  EXPECT_EQ(EditDistance("kitten", "sitting", 5), 3u);
  EXPECT_EQ(EditDistance("a", "abcdefgh", 2), 3u);  // limit + 1
  EXPECT_EQ(EditDistance("", "abc", 5), 3u);
  EXPECT_EQ(EditDistance("dcgna", "dcgan", 3), 1u);  // One swap.
  EXPECT_EQ(EditDistance("ab", "ba", 3), 1u);
}

TEST(PositionOfTest, CountsLinesAndColumnsFromOne) {
  EXPECT_EQ(PositionOf("ab\ncd", 0).line, 1);
  TextPosition p = PositionOf("ab\ncd", 4);
  EXPECT_EQ(p.line, 2);
  EXPECT_EQ(p.column, 2);
}

TEST(FindInvalidTextTest, FindsBinaryBytesButAcceptsUtf8AndCrlf) {
  EXPECT_EQ(FindInvalidText("ok: 路人\r\n\ttab"), std::string_view::npos);
  EXPECT_EQ(FindInvalidText(std::string_view("ab\0c", 4)), 2u);
  EXPECT_EQ(FindInvalidText("ab\xC3"), 2u);     // Truncated sequence.
  EXPECT_EQ(FindInvalidText("\xC0\x80"), 0u);   // Overlong NUL.
  EXPECT_EQ(FindInvalidText("x\x1b[31m"), 1u);  // Escape character.
}

}  // namespace
}  // namespace lineage::base

namespace lineage::base {
namespace {

TEST(NormalizeKeyTest, EveryScriptIsFoldedTheSameWay) {
  EXPECT_EQ(NormalizeKey("ＤＡＬＬ·Ｅ ２"), "dalle2");  // Fullwidth.
  EXPECT_EQ(NormalizeKey("《变分自动编码器》"), "变分自动编码器");
  EXPECT_EQ(NormalizeKey("路人回忆 I"), "路人回忆i");
  EXPECT_EQ(NormalizeKey("Straße"), "strasse");  // Full case folding.
  EXPECT_EQ(NormalizeKey("Łukasz"), NormalizeKey("łukasz"));
}

TEST(DisplayWidthTest, WideCharactersTakeTwoColumns) {
  EXPECT_EQ(DisplayWidth("GAN"), 3u);
  EXPECT_EQ(DisplayWidth("变分自动编码器"), 14u);
  EXPECT_EQ(DisplayWidth("DALL·E 2"), 8u);
  EXPECT_EQ(DisplayWidth("e\u0301"), 1u);  // A combining accent takes none.
}

TEST(WrapTest, BreaksAtSpacesAndBetweenWideCharacters) {
  EXPECT_EQ(Wrap("Deep Unsupervised Learning using Nonequilibrium", 20),
            "Deep Unsupervised\nLearning using\nNonequilibrium");
  EXPECT_EQ(Wrap("GAN", 20), "GAN");
  // Ten CJK characters are twenty columns: the eleventh starts a line.
  EXPECT_EQ(Wrap("深度无监督学习使用非平衡热力学", 20),
            "深度无监督学习使用非\n平衡热力学");
  // Closing punctuation never starts a line.
  EXPECT_EQ(Wrap("第一桩 “人工智能艺术” 丑闻", 20),
            "第一桩 “人工智能艺\n术” 丑闻");
  EXPECT_EQ(Wrap("一二三四五六七八九十，完", 20), "一二三四五六七八九\n十，完");
  EXPECT_EQ(Wrap("A supercalifragilistic word", 10),
            "A\nsupercalifragilistic\nword");
}

}  // namespace
}  // namespace lineage::base
