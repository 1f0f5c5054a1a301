#include "engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "testing/fixtures.h"

namespace lineage::engine {
namespace {

using model::VertexId;

Engine Bundled() {
  auto e = Engine::Open({LINEAGE_BUNDLED_DATA});
  EXPECT_TRUE(e.ok()) << e.status().ToString();
  return std::move(e).value();
}

TEST(EngineTest, OpensCuratedDataAndSaysSo) {
  Engine e = Bundled();
  EXPECT_FALSE(e.report().imported);
  EXPECT_TRUE(e.Findings().empty());
  EXPECT_EQ(e.Subject(), "Ten years of image synthesis");  // From the data.
  EXPECT_GT(e.graph().num_works(), 40u);
}

TEST(EngineTest, OpensATableWithItsFindings) {
  const std::string path =
      testing::TempFile("loop.tsv", "a\tb\nb\ta\nc\tc\nb\tc\n");
  auto e = Engine::Open({path});
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_TRUE(e->report().imported);
  EXPECT_EQ(e->Subject(), "loop.tsv");
  std::vector<std::string> kinds;
  for (const Finding& f : e->Findings()) kinds.push_back(f.kind);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "self-loops"), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "cycles"), kinds.end());
  // Condensed, the cycle is one work and the findings no longer list it.
  auto condensed = Engine::Open({path}, {.condense = true});
  ASSERT_TRUE(condensed.ok());
  EXPECT_EQ(condensed->report().condensed_cycles, 1u);
  EXPECT_EQ(condensed->graph().num_works(), 2u);
}

TEST(EngineTest, AMissingSourceIsNotFound) {
  auto e = Engine::Open({"/nonexistent/graph-data"});
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), base::Status::Code::kNotFound);
}

// `ancestors x`, `query 'ancestors(x)'` and the facade answer through the
// same code: for every work of the bundled graph, the same set.
TEST(EngineTest, QueriesAndQuestionsAgreeOnEveryWork) {
  Engine e = Bundled();
  const model::Graph& g = e.graph();
  for (VertexId v = 0; v < g.num_works(); ++v) {
    for (auto [fn, dir] :
         {std::pair{"ancestors", analysis::Direction::kAncestors},
          std::pair{"descendants", analysis::Direction::kDescendants}}) {
      auto q =
          query::Prepare(std::string(fn) + "(" + std::string(g.id(v)) + ")");
      ASSERT_TRUE(q.ok());
      auto out = e.Query(*q);
      ASSERT_TRUE(out.ok()) << out.status().ToString();
      std::vector<VertexId> expected;
      for (const analysis::Reached& r : e.Reach(v, dir))
        expected.push_back(r.work);
      std::sort(expected.begin(), expected.end());
      EXPECT_EQ(out->value.works, expected) << fn << "(" << g.id(v) << ")";
    }
  }
}

// One definition of each filter: an era by its name works for the flags
// and for the query function alike.
TEST(EngineTest, FiltersTakeErasByIdOrName) {
  Engine e = Bundled();
  auto by_name = e.MakeFilter({.eras = {"The Beginnings"}});
  ASSERT_TRUE(by_name.ok()) << by_name.status().ToString();
  auto by_id = e.MakeFilter({.eras = {"beginnings"}});
  ASSERT_TRUE(by_id.ok());
  EXPECT_EQ(by_name->eras, by_id->eras);
  auto ranked =
      e.Rank(analysis::Metric::kPageRank, {.filter = *by_name, .top = 0});
  ASSERT_TRUE(ranked.ok());
  auto q = query::Prepare("era(\"The Beginnings\", *)");
  ASSERT_TRUE(q.ok());
  auto out = e.Query(*q);
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(ranked->size(), out->value.works.size());
  auto unknown = e.MakeFilter({.eras = {"The Middle Ages"}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("beginnings (The Beginnings)"),
            std::string::npos)
      << unknown.status().message();
}

TEST(EngineTest, ViewsAreTitledFromTheData) {
  Engine e = Bundled();
  auto all = e.Select({});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->title, "Ten years of image synthesis");
  auto gan = e.Find("gan");
  ASSERT_TRUE(gan.ok());
  auto family = e.Select(
      {.of = ViewSpec::Of::kFamily, .works = {*gan}, .ancestors = false});
  ASSERT_TRUE(family.ok());
  EXPECT_EQ(family->title, "The GAN family");
  EXPECT_FALSE(family->selection.works[*e.Find("clip")]);
  auto wrong = e.Select({.of = ViewSpec::Of::kPaths, .works = {*gan}});
  EXPECT_FALSE(wrong.ok());
}

TEST(EngineTest, DrawsAViewAndRefusesOneTooBig) {
  Engine e = Bundled();
  auto view = e.Select({});
  ASSERT_TRUE(view.ok());
  auto dot = e.Draw(*view, {.format = Format::kDot});
  ASSERT_TRUE(dot.ok()) << dot.status().ToString();
  EXPECT_EQ(dot->works, e.graph().num_works());
  EXPECT_NE(dot->bytes.find("digraph"), std::string::npos);
  auto refused = e.Draw(*view, {.max_works = 3});
  ASSERT_FALSE(refused.ok());
  // In the library's terms: the options that would help, by name.
  EXPECT_NE(refused.status().message().find("[[max_works]]"),
            std::string::npos);
}

// What a diagram says it drew adds up to the view: drawn + hidden by the
// reduction + listed in organizations' tooltips = the view's links, on the
// bundled graph and on a view with a cycle.
TEST(EngineTest, DiagramCountsAddUpWithReduce) {
  Engine bundled = Bundled();
  auto view = bundled.Select({});
  ASSERT_TRUE(view.ok());
  const std::size_t total = view->selection.num_links();
  auto d = bundled.Draw(*view, {.format = Format::kDot, .reduce = true});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT(d->reduced_links, 0u);
  EXPECT_GT(d->listed_links, 0u);
  EXPECT_EQ(d->links + d->reduced_links + d->listed_links, total);
  EXPECT_EQ(d->resolution, "year");

  Engine cyclic(testing::TwoCycle());
  auto all = cyclic.Select({});
  ASSERT_TRUE(all.ok());
  auto c = cyclic.Draw(*all, {.format = Format::kDot, .reduce = true});
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->links, 2u);  // Both links of the cycle stay.
  EXPECT_EQ(c->reduced_links, 0u);
}

// A big view with nothing highlighted shows the graph's main path bold over
// the faded rest, and says so; a small one, or one that highlights what was
// asked for, is drawn as asked.
TEST(EngineTest, BigViewsShowTheMainPathBold) {
  Engine e = Bundled();
  auto all = e.Select({});
  ASSERT_TRUE(all.ok());
  auto big =
      e.Draw(*all, {.format = Format::kDot, .bold_main_path_above = 100});
  ASSERT_TRUE(big.ok()) << big.status().ToString();
  auto path = e.MainPath();
  ASSERT_TRUE(path.ok());
  EXPECT_GE(big->main_path_links, path->arcs.size());
  EXPECT_NE(big->bytes.find("bold: the main path of the graph"),
            std::string::npos);
  EXPECT_NE(big->bytes.find(" highlight"), std::string::npos);
  auto small = e.Draw(*all, {.format = Format::kDot});  // 148 < 300.
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->main_path_links, 0u);
  EXPECT_EQ(small->bytes.find(" highlight"), std::string::npos);
  auto asked = e.Select(
      {.of = ViewSpec::Of::kPaths,
       .works = {*e.Find("transformer"), *e.Find("stable diffusion")}});
  ASSERT_TRUE(asked.ok());
  auto drawn =
      e.Draw(*asked, {.format = Format::kDot, .bold_main_path_above = 100});
  ASSERT_TRUE(drawn.ok());
  EXPECT_EQ(drawn->main_path_links, 0u);
}

// Above group_above, leaves of a column are drawn as groups, counted so
// that the counts add up to the view; never below it, never when the user
// highlighted something, never for dot or an explorer page.
TEST(EngineTest, BigViewsGroupTheirLeavesAndCountThem) {
  Engine e(testing::Leaves());
  auto all = e.Select({});
  ASSERT_TRUE(all.ok());
  auto d = e.Draw(*all, {.group_above = 5});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->groups, 2u);
  EXPECT_EQ(d->grouped_works, 6u);
  EXPECT_EQ(d->works + d->grouped_works, 12u);
  EXPECT_EQ(d->links + d->grouped_links + d->reduced_links + d->listed_links,
            13u);
  EXPECT_NE(d->bytes.find("<g id=\"group&#45;s1\" class=\"node group\">"),
            std::string::npos);
  EXPECT_NE(d->bytes.find("class=\"edge link group&#45;link rel&#45;builds_on"),
            std::string::npos);
  EXPECT_NE(d->bytes.find("6 works grouped into 2 stacks"), std::string::npos);

  auto small = e.Draw(*all, {});  // 12 works, not above 300.
  ASSERT_TRUE(small.ok());
  EXPECT_EQ(small->groups, 0u);
  EXPECT_EQ(small->works, 12u);
  auto dot =
      e.Draw(*all, {.format = Format::kDot, .layout = "dot", .group_above = 5});
  ASSERT_TRUE(dot.ok());
  EXPECT_EQ(dot->groups, 0u);
  auto page = e.Explore(*all, {.group_above = 5});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->groups, 0u);
  EXPECT_EQ(page->bytes.find("class=\"node group"), std::string::npos);
  auto asked = e.Select(
      {.of = ViewSpec::Of::kPaths, .works = {*e.Find("a"), *e.Find("n")}});
  ASSERT_TRUE(asked.ok());
  auto path = e.Draw(*asked, {.group_above = 5});
  ASSERT_TRUE(path.ok());
  EXPECT_EQ(path->groups, 0u);
  EXPECT_EQ(path->works, 12u);
}

// With the main path bold, its works stay works of their own.
TEST(EngineTest, TheBoldMainPathIsNeverGrouped) {
  Engine e = Bundled();
  auto all = e.Select({});
  ASSERT_TRUE(all.ok());
  auto d = e.Draw(*all, {.bold_main_path_above = 100, .group_above = 100});
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_GT(d->groups, 0u);
  EXPECT_EQ(d->works + d->grouped_works, all->selection.num_works());
  auto path = e.MainPath();
  ASSERT_TRUE(path.ok());
  for (const auto& arc : path->arcs) {
    for (VertexId v : {arc.first, arc.second}) {
      const std::string id = std::string(e.graph().id(v));
      std::string escaped;
      for (char c : id)
        escaped += c == '-' ? std::string("&#45;") : std::string(1, c);
      EXPECT_NE(d->bytes.find("<g id=\"work&#45;" + escaped + "\""),
                std::string::npos)
          << id;
    }
  }
}

TEST(EngineTest, ExplainSaysWhichWayAPathRuns) {
  Engine e = Bundled();
  VertexId gan = *e.Find("gan"), stylegan = *e.Find("stylegan");
  Explanation forward = e.Explain(gan, stylegan);
  EXPECT_FALSE(forward.found.paths.empty());
  Explanation backward = e.Explain(stylegan, gan);
  EXPECT_TRUE(backward.found.paths.empty());
  EXPECT_TRUE(backward.reversed);
}

// The article's layer alone is the graph as the article tells it: every
// extension work and link left out, the rest unchanged.
TEST(EngineTest, TheArticleLayerLeavesTheExtensionOut) {
  auto all = Engine::Open({testing::Fixture("layers")});
  ASSERT_TRUE(all.ok()) << all.status().ToString();
  auto article = Engine::Open({testing::Fixture("layers")},
                              {.layer = model::Layer::kArticle});
  ASSERT_TRUE(article.ok()) << article.status().ToString();
  EXPECT_EQ(all->graph().num_works(), 4u);
  EXPECT_EQ(all->graph().num_links(), 4u);
  EXPECT_EQ(article->graph().num_works(), 2u);
  EXPECT_EQ(article->graph().num_links(), 1u);
  EXPECT_FALSE(article->graph().FindId("progan"));
  EXPECT_EQ(article->graph().title(), "Two layers");
  // The bundled graph's article layer holds the article's 46 works.
  auto bundled =
      Engine::Open({LINEAGE_BUNDLED_DATA}, {.layer = model::Layer::kArticle});
  ASSERT_TRUE(bundled.ok()) << bundled.status().ToString();
  EXPECT_EQ(bundled->graph().num_works(), 46u);
  EXPECT_EQ(bundled->graph().num_links(), 85u);
}

// In Chinese, the graph speaks the translation's words where it has them;
// the English names still find the works.
TEST(EngineTest, ChineseNamesEvidenceErasAndTitles) {
  auto zh = Engine::Open({testing::Fixture("layers")},
                         {.language = model::Language::kChinese});
  ASSERT_TRUE(zh.ok()) << zh.status().ToString();
  const model::Graph& g = zh->graph();
  auto gan = zh->Find("GAN");  // The English name, now an alias.
  ASSERT_TRUE(gan.ok()) << gan.status().message();
  EXPECT_EQ(g.name(*gan), "生成对抗网络");
  EXPECT_EQ(g.details(*gan).summary, "两个网络互相竞争。");
  EXPECT_EQ(g.eras()[0].name, "全部");
  EXPECT_EQ(g.title(), "两层");
  EXPECT_EQ(zh->Subject(), "两层");
  auto stylegan = zh->Find("stylegan");
  ASSERT_TRUE(stylegan.ok());
  bool found = false;
  for (const model::Neighbor& n : g.InLinks(*stylegan))
    if (n.other == *gan) {
      EXPECT_EQ(g.link_details(n.link).evidence, "对 GAN 架构的根本改进");
      found = true;
    }
  EXPECT_TRUE(found);
  // Without a translation, the English stays.
  EXPECT_EQ(g.name(*zh->Find("progan")), "Progressive GAN");
  auto family = zh->Select(
      {.of = ViewSpec::Of::kFamily, .works = {*gan}, .ancestors = false});
  ASSERT_TRUE(family.ok());
  EXPECT_EQ(family->title, "生成对抗网络 家族");
  // In English, the Chinese name finds the work too.
  auto en = Engine::Open({testing::Fixture("layers")});
  ASSERT_TRUE(en.ok());
  EXPECT_TRUE(en->Find("生成对抗网络").ok());
  EXPECT_EQ(en->graph().name(*en->Find("生成对抗网络")), "GAN");
}

// A chain of 200,000 links: every search that walks it is iterative.
TEST(EngineTest, ALongChainNeedsNoDeepRecursion) {
  constexpr std::size_t kLinks = 200'000;
  Engine e(testing::Chain(kLinks));
  const VertexId first = 0, last = kLinks;
  Explanation x = e.Explain(first, last);
  ASSERT_EQ(x.found.paths.size(), 1u);
  EXPECT_EQ(x.found.paths[0].length(), kLinks);
  analysis::PathSet all = e.AllPaths(first, last);
  ASSERT_EQ(all.paths.size(), 1u);
  EXPECT_FALSE(all.truncated);
  EXPECT_EQ(e.Necessary(last).size(), kLinks);
  EXPECT_EQ(e.Impact(first).size(), kLinks);
  auto main = e.MainPath();
  ASSERT_TRUE(main.ok()) << main.status().ToString();
  EXPECT_EQ(main->arcs.size(), kLinks);
  EXPECT_EQ(e.Stats().longest_chain.length(), kLinks);
}

}  // namespace
}  // namespace lineage::engine
