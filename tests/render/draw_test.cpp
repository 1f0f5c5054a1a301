// Graphviz's SVG embeds its version, so these tests check structure, never
// bytes: the SVG parses as XML, and holds the nodes, edges, ids, classes and
// text the scene asked for.
#include "render/draw.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cctype>
#include <map>
#include <sstream>

#include "testing/fixtures.h"

namespace lineage::render {
namespace {

namespace pt = boost::property_tree;

struct SvgGroup {
  std::string cls;
  std::string text;     // All <text> of the group, lines joined by '\n'.
  double x = 0, y = 0;  // Centre of the bounding box of its first shape.
  bool has_shape = false;
};

// The centre of an SVG shape's bounding box: every number pair of its
// points or path data, or an ellipse's centre.
void Centre(const std::string& tag, const pt::ptree& shape, SvgGroup* g) {
  if (tag == "ellipse") {
    g->x = shape.get("<xmlattr>.cx", 0.0);
    g->y = shape.get("<xmlattr>.cy", 0.0);
    g->has_shape = true;
    return;
  }
  std::string data = shape.get(
      tag == "polygon" ? "<xmlattr>.points" : "<xmlattr>.d", std::string());
  for (char& c : data)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-'))
      c = ' ';
  std::istringstream in(data);
  double x, y, min_x = 1e18, max_x = -1e18, min_y = 1e18, max_y = -1e18;
  while (in >> x >> y) {
    min_x = std::min(min_x, x), max_x = std::max(max_x, x);
    min_y = std::min(min_y, y), max_y = std::max(max_y, y);
  }
  if (min_x > max_x) return;
  g->x = (min_x + max_x) / 2;
  g->y = (min_y + max_y) / 2;
  g->has_shape = true;
}

// Every <g> with an id, by id. Throws (failing the test) on malformed XML.
void CollectGroups(const pt::ptree& tree,
                   std::map<std::string, SvgGroup>* out) {
  for (const auto& [tag, child] : tree) {
    if (tag == "g") {
      std::string id = child.get("<xmlattr>.id", "");
      if (!id.empty()) {
        SvgGroup g{child.get("<xmlattr>.class", ""), ""};
        std::function<void(const pt::ptree&)> texts = [&](const pt::ptree& t) {
          for (const auto& [k, c] : t) {
            if (k == "text") g.text += (g.text.empty() ? "" : "\n") + c.data();
            if (!g.has_shape &&
                (k == "polygon" || k == "path" || k == "ellipse"))
              Centre(k, c, &g);
            if (k != "<xmlattr>") texts(c);
          }
        };
        texts(child);
        (*out)[id] = g;
      }
    }
    if (tag != "<xmlattr>") CollectGroups(child, out);
  }
}

std::map<std::string, SvgGroup> ParseSvg(const std::string& svg) {
  std::istringstream in(svg);
  pt::ptree tree;
  pt::read_xml(in, tree);  // Throws on malformed XML.
  std::map<std::string, SvgGroup> groups;
  CollectGroups(tree, &groups);
  return groups;
}

Scene DiamondScene() {
  model::Graph g = testing::Diamond();
  auto s = BuildScene(g, analysis::SelectAll(g));
  EXPECT_TRUE(s.ok());
  return std::move(s).value();
}

TEST(RenderTest, SvgIsWellFormedAndHoldsEveryWorkAndLink) {
  auto out = Render(DiamondScene(), {});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_GT(out->layout_ms, 0.0);
  auto groups = ParseSvg(out->bytes);
  for (const char* id :
       {"root", "left", "right", "join", "tip", "data", "lonely"}) {
    auto it = groups.find(std::string("work-") + id);
    ASSERT_NE(it, groups.end()) << id;
    EXPECT_NE(it->second.cls.find("node work kind-"), std::string::npos);
  }
  EXPECT_EQ(groups.count("work-lab"), 1u);  // At the end, "undated".
  ASSERT_EQ(groups.count("link-tip-builds_on-join"), 1u);
  EXPECT_EQ(groups["link-tip-builds_on-join"].cls,
            "edge link rel-builds_on influence");
  EXPECT_EQ(groups["work-join"].text, "join\n2002");
  EXPECT_EQ(groups["tick-2001"].text, "2001");
  EXPECT_EQ(groups["tick-2001"].cls, "node tick");
}

// The layout itself keeps time in order: works of one year share their
// year's column, and every later year lies further right (LR) or further
// down (TB).
TEST(RenderTest, LaidOutTimelineKeepsYearsInColumnsAndInOrder) {
  model::Graph g = testing::Diamond();
  for (const char* layout : {"timeline", "dot"})
    for (const char* rankdir : {"LR", "TB"}) {
      auto scene = BuildScene(
          g, analysis::SelectAll(g),
          {.rankdir = rankdir, .pinned = std::string(layout) == "timeline"});
      ASSERT_TRUE(scene.ok());
      auto out = Render(*scene, {.layout = layout});
      ASSERT_TRUE(out.ok());
      auto groups = ParseSvg(out->bytes);
      bool lr = std::string(rankdir) == "LR";
      auto pos = [&](const std::string& id) {
        return lr ? groups.at(id).x : groups.at(id).y;
      };
      EXPECT_NEAR(pos("work-left"), pos("tick-2001"), 1.0) << rankdir;
      EXPECT_NEAR(pos("work-right"), pos("tick-2001"), 1.0) << rankdir;
      std::vector<std::string> order{"tick-1999",   "tick-2000", "tick-2001",
                                     "tick-2002",   "tick-2003", "tick-2005",
                                     "tick-undated"};
      for (std::size_t i = 1; i < order.size(); ++i)
        EXPECT_LT(pos(order[i - 1]), pos(order[i]))
            << rankdir << " " << order[i];
      EXPECT_LT(pos("work-root"), pos("work-join")) << rankdir;
      EXPECT_LT(pos("work-join"), pos("work-tip")) << rankdir;
    }
}

TEST(RenderTest, HostileTextStaysTextInSvg) {
  const std::string hostile = "<b>&\"'{x}|\\n \\N 路人回忆 DALL·E";
  model::GraphSpec spec = testing::SpecBuilder()
                              .Work("a", "2000")
                              .Work("b", "2001")
                              .Link("b", "uses", "a")
                              .spec();
  spec.works[0].name = hostile;
  spec.works[0].details.summary = "</title><script>alert(1)</script>";
  spec.works[0].details.url = "https://example.org/?a=1&b=<2>";
  spec.links[0].details.evidence = "\"quoted\" & <tagged> \\ backslash";
  auto g = model::Graph::Build(spec);
  ASSERT_TRUE(g.ok());
  auto scene = BuildScene(*g, analysis::SelectAll(*g), {.title = hostile});
  ASSERT_TRUE(scene.ok());
  auto out = Render(*scene, {});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(out->bytes.find("<script>"), std::string::npos);
  auto groups = ParseSvg(out->bytes);
  // Wrapped (at spaces, and between CJK characters), then the date; every
  // character as written.
  std::string text = groups["work-a"].text;
  std::string joined, expected;
  for (char c : text)
    if (c != '\n' && c != ' ') joined += c;
  for (char c : hostile + " 2000")
    if (c != ' ') expected += c;
  EXPECT_EQ(joined, expected);
}

TEST(RenderTest, DotFormatIsTheUnlaidOutGraphWithRankGroups) {
  model::Graph g = testing::Diamond();
  auto scene = BuildScene(g, analysis::SelectAll(g), {.pinned = false});
  ASSERT_TRUE(scene.ok());
  auto out = Render(*scene, {.format = Format::kDot, .layout = "dot"});
  ASSERT_TRUE(out.ok());
  const std::string& dot = out->bytes;
  EXPECT_EQ(dot.rfind("digraph lineage {", 0), 0u) << dot.substr(0, 40);
  EXPECT_NE(dot.find("rank=same"), std::string::npos);
  EXPECT_NE(dot.find("root -> left"), std::string::npos);
  EXPECT_EQ(dot.find("pos="), std::string::npos);  // Not laid out.
  EXPECT_EQ(out->layout_ms, 0.0);
}

// What `render --format dot` writes must be DOT that Graphviz reads back,
// whatever the data: the legend is an HTML-like label, so this catches
// unescaped markup in it.
TEST(RenderTest, DotOutputParsesBackWithTheSameNodesAndEdges) {
  model::Graph g = testing::SpecBuilder()
                       .Work("a", "2000")
                       .Work("b", "2001")
                       .Link("b", "responds_to", "a")
                       .Link("b", "uses", "a")
                       .Build();
  auto scene = BuildScene(g, analysis::SelectAll(g), {.title = "a<b>&c"});
  ASSERT_TRUE(scene.ok());
  auto out = Render(*scene, {.format = Format::kDot});
  ASSERT_TRUE(out.ok());
  auto parsed = graphviz::ReadDot(out->bytes, "rendered");
  ASSERT_TRUE(parsed.ok()) << out->bytes;
  EXPECT_EQ(parsed->nodes.size(), scene->nodes.size());
  EXPECT_EQ(parsed->edges.size(), scene->edges.size());
  // The escaped title survives the round trip through DOT.
  EXPECT_NE(parsed->graph_attrs.Get("label").find("a&lt;b&gt;&amp;c"),
            std::string::npos)
      << parsed->graph_attrs.Get("label");
}

TEST(RenderTest, PngAndPdfHaveTheirSignatures) {
  Scene scene = DiamondScene();
  auto png = Render(scene, {.format = Format::kPng});
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ(png->bytes.substr(0, 8), "\x89PNG\r\n\x1a\n");
  auto pdf = Render(scene, {.format = Format::kPdf});
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->bytes.substr(0, 5), "%PDF-");
}

TEST(RenderTest, ForceDirectedLayoutsDrawWithoutATimeline) {
  model::Graph g = testing::Diamond();
  auto scene = BuildScene(g, analysis::SelectAll(g), {.timeline = false});
  ASSERT_TRUE(scene.ok());
  for (const char* engine : {"sfdp", "neato", "fdp"}) {
    auto out = Render(*scene, {.layout = engine});
    ASSERT_TRUE(out.ok()) << engine << ": " << out.status().ToString();
    EXPECT_EQ(ParseSvg(out->bytes).count("work-lab"), 1u) << engine;
  }
}

// The timeline's DOT carries every position and curve: `neato -n2` draws
// it as lineage does.
TEST(RenderTest, TimelineDotFormatPinsEveryNodeAndEdge) {
  auto out = Render(DiamondScene(), {.format = Format::kDot});
  ASSERT_TRUE(out.ok());
  auto parsed = graphviz::ReadDot(out->bytes, "rendered");
  ASSERT_TRUE(parsed.ok());
  for (const graphviz::Node& n : parsed->nodes)
    EXPECT_FALSE(n.attrs.Get("pos").empty()) << n.name;
  for (const graphviz::Edge& e : parsed->edges)
    EXPECT_FALSE(e.attrs.Get("pos").empty()) << e.tail << " " << e.head;
  EXPECT_EQ(out->bytes.find("rank=same"), std::string::npos);
}

// A view without a date has no timeline to pin: it is laid out by its
// links, every work in a place of its own.
TEST(RenderTest, AViewOfUndatedWorksIsLaidOutByItsLinks) {
  model::BulkSpec spec;
  for (const char* id : {"a", "b", "c"}) spec.ids.Intern(id);
  spec.parents = {0, 1};
  spec.children = {1, 2};
  model::Graph g = model::Graph::FromBulk(std::move(spec), nullptr);
  auto scene = BuildScene(g, analysis::SelectAll(g));
  ASSERT_TRUE(scene.ok());
  EXPECT_FALSE(scene->pinned);
  auto out = Render(*scene, {});
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  auto groups = ParseSvg(out->bytes);
  EXPECT_LT(groups.at("work-a").x, groups.at("work-b").x);
  EXPECT_LT(groups.at("work-b").x, groups.at("work-c").x);
  // dot lays it out, so dot's limit holds: 401 undated works are refused
  // though the timeline would take them.
  model::BulkSpec many;
  for (int i = 0; i < 401; ++i) many.ids.Intern("w" + std::to_string(i));
  model::Graph big = model::Graph::FromBulk(std::move(many), nullptr);
  auto big_scene = BuildScene(big, analysis::SelectAll(big));
  ASSERT_TRUE(big_scene.ok());
  auto refused = Render(*big_scene, {});
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("with dot (limit 400)"),
            std::string::npos)
      << refused.status().message();
}

TEST(RenderTest, ScaleGuardRefusesBigViewsWithAHint) {
  testing::SpecBuilder b;
  for (int i = 0; i < 401; ++i) b.Work("w" + std::to_string(i), "2000");
  model::Graph g = b.Build();
  auto scene = BuildScene(g, analysis::SelectAll(g), {.pinned = false});
  ASSERT_TRUE(scene.ok());
  auto out = Render(*scene, {.layout = "dot"});
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(out.status().message().find("401 works are too many"),
            std::string::npos);
  EXPECT_NE(out.status().message().find("[[layout]] timeline"),
            std::string::npos);
  EXPECT_NE(out.status().message().find("[[focus]]"), std::string::npos);
  EXPECT_FALSE(Render(*scene, {.layout = "dot", .max_works = 10}).ok());
  EXPECT_TRUE(
      Render(*scene,
             {.format = Format::kDot, .layout = "dot", .max_works = 1000})
          .ok());
  EXPECT_TRUE(CheckDrawable(5000, {}).ok());  // The timeline's default.
  EXPECT_FALSE(CheckDrawable(5001, {}).ok());
}

TEST(RenderTest, NoLimitLetsAMillionWorksThrough) {
  EXPECT_TRUE(
      CheckDrawable(20'000, {.layout = "sfdp", .max_works = 20'000}).ok());
  auto s = CheckDrawable(1'000'000, {.layout = "sfdp", .max_works = 2'000'000});
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("at most 20000"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("([[top]])"), std::string::npos);
}

TEST(RenderTest, UnknownLayoutIsRefused) {
  auto out = Render(DiamondScene(), {.layout = "circo"});
  ASSERT_FALSE(out.ok());
  EXPECT_NE(
      out.status().message().find("use timeline, dot, sfdp, neato or fdp"),
      std::string::npos);
}

TEST(FormatTest, ParsesNamesAndExtensions) {
  EXPECT_EQ(ParseFormat("svg"), Format::kSvg);
  EXPECT_EQ(ParseFormat("gv"), Format::kDot);
  EXPECT_FALSE(ParseFormat("jpeg"));
  EXPECT_EQ(FormatFromPath("out/x.png"), Format::kPng);
  EXPECT_EQ(FormatFromPath("a.b/file"), std::nullopt);
  EXPECT_EQ(FormatFromPath("x.PDF"), Format::kPdf);
  EXPECT_EQ(DefaultMaxWorks("dot"), 400u);
  EXPECT_EQ(DefaultMaxWorks("timeline"), 5000u);
}

}  // namespace
}  // namespace lineage::render
