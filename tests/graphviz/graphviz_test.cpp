#include "graphviz/graphviz.h"

#include <gtest/gtest.h>

namespace lineage::graphviz {
namespace {

TEST(ReadDotTest, NodesEdgesAndDefaultsComeBackAsAttributes) {
  auto d = ReadDot(
      "digraph g {\n"
      "  node [shape=box]\n"
      "  \"5th Edition\" -> b [relation=builds_on]\n"
      "  b [label=\"Bee\"]\n"
      "  c\n"
      "}\n",
      "g.gv");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->directed);
  ASSERT_EQ(d->nodes.size(), 3u);
  EXPECT_EQ(d->nodes[0].name, "5th Edition");
  EXPECT_EQ(d->nodes[0].line, 3);
  EXPECT_EQ(d->nodes[0].attrs.Get("shape"), "box");
  EXPECT_EQ(d->nodes[1].attrs.Get("label"), "Bee");
  EXPECT_EQ(d->nodes[2].line, 5);
  ASSERT_EQ(d->edges.size(), 1u);
  EXPECT_EQ(d->edges[0].tail, "5th Edition");
  EXPECT_EQ(d->edges[0].head, "b");
  EXPECT_EQ(d->edges[0].attrs.Get("relation"), "builds_on");
}

TEST(ReadDotTest, ASyntaxErrorNamesItsLine) {
  auto d = ReadDot("digraph {\n a -> b\n b -> -> c\n}\n", "bad.gv");
  ASSERT_FALSE(d.ok());
  ASSERT_EQ(d.status().diagnostics().size(), 1u);
  EXPECT_EQ(d.status().diagnostics()[0].where.line, 3);
  EXPECT_NE(d.status().diagnostics()[0].message.find("syntax error"),
            std::string::npos);
}

TEST(ReadDotTest, EmptyTextAndJunkAreRefused) {
  EXPECT_FALSE(ReadDot("", "empty.gv").ok());
  EXPECT_FALSE(ReadDot(std::string("\x00\x01\xff{{", 5), "junk.gv").ok());
}

TEST(DrawTest, AnEdgeToAnUnknownNodeIsRefused) {
  Drawing d;
  d.nodes.push_back({"a", {}, 0});
  d.edges.push_back({"a", "ghost", {}});
  auto r = Draw(d, {.format = Format::kDot});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("ghost"), std::string::npos);
}

}  // namespace
}  // namespace lineage::graphviz
