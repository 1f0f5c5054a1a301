#include "query/eval.h"

#include <gtest/gtest.h>

#include "testing/fixtures.h"

namespace lineage::query {
namespace {

// The ids a query returns, sorted.
std::vector<std::string> Ids(const model::Graph& g, std::string_view q) {
  auto out = RunQuery(g, q);
  EXPECT_TRUE(out.ok()) << q << ": " << out.status().message();
  std::vector<std::string> ids;
  if (!out.ok()) return ids;
  for (model::VertexId v : out->value.works) ids.push_back(g.work(v).id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

using S = std::vector<std::string>;

class EvalTest : public ::testing::Test {
 protected:
  model::Graph g_ = testing::Diamond();
};

TEST_F(EvalTest, WorksByNameAndEverything) {
  EXPECT_EQ(Ids(g_, "root"), S{"root"});
  EXPECT_EQ(Ids(g_, "\"Root\""), S{"root"});
  EXPECT_EQ(Ids(g_, "*").size(), 8u);
  EXPECT_EQ(Ids(g_, "all").size(), 8u);
}

TEST_F(EvalTest, AncestorsDescendantsParentsChildren) {
  EXPECT_EQ(Ids(g_, "ancestors(tip)"), (S{"join", "left", "right", "root"}));
  EXPECT_EQ(Ids(g_, "ancestors(tip, 1)"), S{"join"});
  EXPECT_EQ(Ids(g_, "descendants(root, 2)"), (S{"join", "left", "right"}));
  EXPECT_EQ(Ids(g_, "parents(join)"), (S{"left", "right"}));
  EXPECT_EQ(Ids(g_, "children(root)"), (S{"left", "right"}));
  // A start counts when another start reaches it.
  EXPECT_EQ(Ids(g_, "ancestors(tip + left)"),
            (S{"join", "left", "right", "root"}));
  EXPECT_EQ(Ids(g_, "ancestors(lonely)"), S{});
}

TEST_F(EvalTest, SetOperators) {
  EXPECT_EQ(Ids(g_, "left + right"), (S{"left", "right"}));
  EXPECT_EQ(Ids(g_, "ancestors(tip) & descendants(root)"),
            (S{"join", "left", "right"}));
  EXPECT_EQ(Ids(g_, "ancestors(tip) - parents(join)"), (S{"join", "root"}));
  EXPECT_EQ(Ids(g_, "ancestors(tip) except left union lonely"),
            (S{"join", "lonely", "right", "root"}));
  EXPECT_EQ(Ids(g_, "(left + right) & left"), S{"left"});
}

TEST_F(EvalTest, PathFunctions) {
  auto some = RunQuery(g_, "somepath(root, tip)");
  ASSERT_TRUE(some.ok());
  EXPECT_EQ(some->value.works.size(), 4u);
  EXPECT_EQ(some->value.links.size(), 3u);
  EXPECT_EQ(Ids(g_, "allpaths(root, tip)"),
            (S{"join", "left", "right", "root", "tip"}));
  auto all = RunQuery(g_, "allpaths(left, tip)");
  EXPECT_EQ(all->value.links.size(), 2u);
  EXPECT_EQ(Ids(g_, "common(left, right)"), S{"root"});
  EXPECT_EQ(Ids(g_, "common(join, tip)"), S{"join"});
  auto none = RunQuery(g_, "somepath(tip, root)");
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->value.works.empty());
  ASSERT_EQ(none->notes.size(), 1u);
  EXPECT_NE(none->notes[0].find("reversed"), std::string::npos);
}

TEST_F(EvalTest, Filters) {
  EXPECT_EQ(Ids(g_, "kind(dataset, *)"), S{"data"});
  EXPECT_EQ(Ids(g_, "kind(organization, *)"), S{"lab"});
  EXPECT_EQ(Ids(g_, "era(all, ancestors(tip))").size(), 4u);
  EXPECT_EQ(Ids(g_, "era(\"All\", tip)"), S{"tip"});  // By name too.
  EXPECT_EQ(Ids(g_, "since(2002, *)"), (S{"join", "lonely", "tip"}));
  EXPECT_EQ(Ids(g_, "until(2000, *)"), (S{"data", "root"}));
  EXPECT_EQ(Ids(g_, "org(lab, *)"), S{"join"});
  EXPECT_EQ(Ids(g_, "tag(nothing, *)"), S{});
}

TEST_F(EvalTest, RelationScopesTheGraphFunctions) {
  EXPECT_EQ(Ids(g_, "relation(trained_on, parents(join))"), S{"data"});
  EXPECT_EQ(Ids(g_, "relation(all, parents(join))"),
            (S{"data", "lab", "left", "right"}));
  // A let value is computed where it is bound, outside the scope.
  EXPECT_EQ(
      Ids(g_, "let d = descendants(left) in relation(trained_on, parents(d))"),
      S{"data"});
  EXPECT_EQ(Ids(g_, "relation(trained_on, descendants(left))"), S{});
}

TEST_F(EvalTest, RootsLeavesAndTop) {
  EXPECT_EQ(Ids(g_, "roots(ancestors(tip))"), S{"root"});
  EXPECT_EQ(Ids(g_, "leaves(ancestors(tip))"), S{"join"});
  EXPECT_EQ(Ids(g_, "roots(left + right)"), (S{"left", "right"}));
  EXPECT_EQ(Ids(g_, "top(descendants, 1, *)"), S{"root"});
  EXPECT_EQ(Ids(g_, "top(depth, 2, *)"), (S{"join", "tip"}));
}

TEST_F(EvalTest, LetShadowsWorksAndNests) {
  EXPECT_EQ(Ids(g_, "let root = tip in root"), S{"tip"});
  EXPECT_EQ(Ids(g_, "let a = left in let b = right in a + b"),
            (S{"left", "right"}));
}

std::string Error(
    const model::Graph& g, std::string_view q,
    base::Status::Code code = base::Status::Code::kInvalidArgument) {
  auto out = RunQuery(g, q);
  EXPECT_FALSE(out.ok()) << q;
  if (out.ok()) return "";
  EXPECT_EQ(out.status().code(), code) << out.status().message();
  return out.status().message();
}

TEST_F(EvalTest, ErrorsSayWhatIsWrongAndWhere) {
  std::string m = Error(g_, "tip + tpi", base::Status::Code::kNotFound);
  EXPECT_NE(m.find("did you mean 'tip'"), std::string::npos) << m;
  EXPECT_NE(m.find("\n  tip + tpi\n        ^"), std::string::npos) << m;
  m = Error(g_, "ancestor(tip)");
  EXPECT_NE(m.find("did you mean 'ancestors'"), std::string::npos) << m;
  EXPECT_NE(m.find("the functions are: ancestors, descendants"),
            std::string::npos);
  m = Error(g_, "kind(dataset)");
  EXPECT_NE(m.find("kind takes 2 arguments, got 1: kind(K, E)"),
            std::string::npos)
      << m;
  m = Error(g_, "ancestors(tip, deep)");
  EXPECT_NE(m.find("a whole number"), std::string::npos) << m;
  m = Error(g_, "kind(robot, *)");
  EXPECT_NE(m.find("unknown kind 'robot'"), std::string::npos);
  m = Error(g_, "era(medieval, *)");
  EXPECT_NE(m.find("unknown era"), std::string::npos);
  m = Error(g_, "relation(inspired, *)");
  EXPECT_NE(m.find("unknown relation"), std::string::npos);
  m = Error(g_, "top(fame, 3, *)");
  EXPECT_NE(m.find("unknown metric 'fame'"), std::string::npos);
  m = Error(g_, "since(last-year, *)");
  EXPECT_NE(m.find("malformed date"), std::string::npos);
  m = Error(g_, "kind(ancestors(tip), *)");
  EXPECT_NE(m.find("expected a value here, not an expression"),
            std::string::npos);
  m = Error(g_, "org(nobody, *)", base::Status::Code::kNotFound);
}

TEST(EvalCycleTest, DagMetricsInTopRefuseACycle) {
  model::Graph g = testing::TwoCycle();
  auto out = RunQuery(g, "top(depth, 1, *)");
  ASSERT_FALSE(out.ok());
  EXPECT_NE(out.status().message().find("a -> b -> a"), std::string::npos);
  EXPECT_TRUE(RunQuery(g, "ancestors(a)").ok());  // Traversals cope.
}

TEST(FunctionsTest, EveryFunctionIsDocumented) {
  for (const FunctionInfo& f : Functions()) {
    EXPECT_FALSE(f.signature.empty());
    EXPECT_GT(f.meaning.size(), 10u) << f.name;
  }
}

}  // namespace
}  // namespace lineage::query
