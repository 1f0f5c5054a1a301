#include "query/eval.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>

#include "analysis/ancestry.h"
#include "testing/fixtures.h"

namespace lineage::query {
namespace {

// The ids a query returns, sorted.
std::vector<std::string> Ids(const model::Graph& g, std::string_view q) {
  auto out = RunQuery(g, q);
  EXPECT_TRUE(out.ok()) << q << ": " << out.status().message();
  std::vector<std::string> ids;
  if (!out.ok()) return ids;
  for (model::VertexId v : out->value.works)
    ids.push_back(testing::WorkOf(g, v).id);
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

namespace lineage::query {
namespace {

// The bind step needs no graph: a mistake in the query is found before any
// data is read.
TEST(PrepareTest, MistakesAreFoundBeforeAnyDataLoads) {
  auto expect_error = [](std::string_view q, std::string_view what) {
    auto p = Prepare(q);
    ASSERT_FALSE(p.ok()) << q;
    EXPECT_EQ(p.status().code(), base::Status::Code::kInvalidArgument) << q;
    EXPECT_NE(p.status().message().find(what), std::string::npos)
        << p.status().message();
  };
  expect_error("ancestrs(gan)", "did you mean 'ancestors'");
  expect_error("ancestors(gan, 1, 2)", "ancestors takes 1 or 2 arguments");
  expect_error("kind(modle, *)", "unknown kind 'modle'");
  expect_error("top(fame, 3, *)", "unknown metric 'fame'");
  expect_error("top(pagerank, many, *)", "expected a whole number");
  expect_error("since(last-year, *)", "malformed date");
  expect_error("descendants(gan) - nothing(x)", "unknown function 'nothing'");
  expect_error("let x = frob(a) in x", "unknown function 'frob'");
  // Works, eras, organizations and relations (a graph may name its own)
  // need the data: they bind.
  EXPECT_TRUE(Prepare("ancestors(no-such-work)").ok());
  EXPECT_TRUE(Prepare("relation(cousin, gan)").ok());
  EXPECT_TRUE(Prepare("era(\"No Such Era\", *)").ok());
}

// Every documented function is in the table, so none falls through to
// another's code.
TEST(PrepareTest, EveryDocumentedFunctionBinds) {
  const std::map<std::string_view, std::string_view> calls{
      {"ancestors", "ancestors(x, 2)"},
      {"descendants", "descendants(x)"},
      {"parents", "parents(x)"},
      {"children", "children(x)"},
      {"somepath", "somepath(x, y)"},
      {"allpaths", "allpaths(x, y)"},
      {"common", "common(x, y)"},
      {"kind", "kind(model, x)"},
      {"era", "era(e, x)"},
      {"tag", "tag(t, x)"},
      {"org", "org(o, x)"},
      {"since", "since(2020, x)"},
      {"until", "until(2020-05, x)"},
      {"relation", "relation(all, x)"},
      {"roots", "roots(x)"},
      {"leaves", "leaves(x)"},
      {"top", "top(pagerank, 3, x)"},
  };
  for (const FunctionInfo& f : Functions()) {
    if (f.name == "union" || f.name == "except") continue;
    auto it = calls.find(f.name);
    ASSERT_NE(it, calls.end()) << f.name;
    EXPECT_TRUE(Prepare(it->second).ok()) << it->second;
  }
  EXPECT_EQ(calls.size() + 2, Functions().size());
}

// The evaluator has no traversal of its own: its sets are analysis's.
TEST(EvalAnalysisTest, AncestryIsTheAnalysisLayers) {
  model::Graph g = testing::Diamond();
  for (model::VertexId v = 0; v < g.num_works(); ++v) {
    for (auto [fn, dir] :
         {std::pair{"ancestors", analysis::Direction::kAncestors},
          std::pair{"descendants", analysis::Direction::kDescendants}}) {
      auto out = RunQuery(g, fmt::format("relation(all, {}({}))", fn, g.id(v)));
      ASSERT_TRUE(out.ok()) << out.status().message();
      std::vector<model::VertexId> expected;
      for (const analysis::Reached& r :
           analysis::Reach(g, v, dir, {.relations = model::RelationSet::All()}))
        expected.push_back(r.work);
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(out->value.works, expected) << fn << " " << g.id(v);
    }
  }
}

}  // namespace
}  // namespace lineage::query
