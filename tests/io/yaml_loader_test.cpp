#include "io/yaml_loader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "base/text.h"
#include "io/atomic_file.h"
#include "io/load.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

namespace fs = std::filesystem;
using testing::Fixture;

class TempDir {
 public:
  TempDir() {
    path_ = fs::temp_directory_path() /
            ("lineage-test-" + std::to_string(std::random_device{}()));
    fs::create_directories(path_);
  }
  ~TempDir() { fs::remove_all(path_); }
  fs::path Write(const std::string& name, std::string_view content) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

struct BadCase {
  const char* file;
  int line;  // Where the problem is reported.
  const char* message;
  const char* fix;
};

void PrintTo(const BadCase& c, std::ostream* os) { *os << c.file; }

class BadFixtureTest : public ::testing::TestWithParam<BadCase> {};

TEST_P(BadFixtureTest, NamesFileLineAndFix) {
  const BadCase& c = GetParam();
  std::string path = Fixture(std::string("bad/") + c.file);
  auto g = LoadGraph(path);
  ASSERT_FALSE(g.ok()) << c.file;
  EXPECT_EQ(g.status().code(), base::Status::Code::kInvalidData);
  const auto& diags = g.status().diagnostics();
  ASSERT_EQ(diags.size(), 1u) << g.status().ToString();
  EXPECT_EQ(diags[0].where.file, path);
  EXPECT_EQ(diags[0].where.line, c.line) << diags[0].ToString();
  EXPECT_NE(diags[0].message.find(c.message), std::string::npos)
      << diags[0].ToString();
  EXPECT_NE(diags[0].fix.find(c.fix), std::string::npos) << diags[0].ToString();
}

INSTANTIATE_TEST_SUITE_P(
    EveryValidationError, BadFixtureTest,
    ::testing::Values(
        BadCase{"duplicate_id.yaml", 9,
                "duplicate work id 'gan', first defined", "rename one of them"},
        BadCase{"dangling_link.yaml", 15,
                "'stylegan' builds_on unknown work 'dcgna'",
                "did you mean 'dcgan'"},
        BadCase{"unknown_kind.yaml", 6, "unknown kind 'modle'",
                "use one of: paper, model"},
        BadCase{"unknown_relation.yaml", 15, "unknown relation 'inspired_by'",
                "builds_on, influenced_by"},
        BadCase{"malformed_date.yaml", 7, "malformed date 'Dec 2014'", ""},
        BadCase{"self_loop.yaml", 10, "work 'gan' builds_on itself",
                "remove this self-link"},
        BadCase{"cycle.yaml", 10, "influence cycle: ", "remove or reverse"},
        BadCase{"temporal.yaml", 10,
                "temporal inconsistency: 'gan' (2014-12) builds_on 'stylegan'",
                "reverse the link"},
        BadCase{"unknown_key.yaml", 9, "unknown key 'sumary'",
                "did you mean 'summary'?"},
        BadCase{"repeated_key.yaml", 10, "key 'tags' appears twice",
                "merge the two"},
        BadCase{"missing_evidence.yaml", 15, "has no 'evidence'",
                "add 'evidence: ...'"},
        BadCase{"syntax_error.yaml", 4, "YAML syntax error", "indentation"},
        BadCase{"not_a_slug.yaml", 4, "work id 'Style GAN' is not a slug",
                "e.g. 'style-gan'"}),
    [](const auto& info) {
      std::string name = info.param.file;
      return name.substr(0, name.find('.'));
    });

TEST(LoadGraphTest, CycleMessagePrintsTheWholeLoop) {
  auto g = LoadGraph(Fixture("bad/cycle.yaml"));
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("a -> b -> c -> a"), std::string::npos)
      << g.status().ToString();
}

TEST(LoadGraphTest, LoadsAWellFormedFile) {
  auto g = LoadGraph(Fixture("good.yaml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 4u);
  EXPECT_EQ(g->num_links(), 3u);
  EXPECT_EQ(g->eras().size(), 2u);
  const model::Work& gan = testing::WorkOf(*g, *g->FindId("gan"));
  EXPECT_EQ(gan.details.arxiv,
            "1406.2661");  // Kept as written, not as a number.
  EXPECT_EQ(gan.date.ToString(), "2014-12");
  EXPECT_EQ(gan.details.where.line, 13);
  const model::Link& nvidia = testing::LinkOf(*g, 2);
  EXPECT_EQ(nvidia.details.citation, "https://arxiv.org/abs/1812.04948");
  EXPECT_EQ(nvidia.relation, model::Relation::kPublishedBy);
}

TEST(LoadGraphTest, AcceptsCrlfAndAMissingFinalNewline) {
  auto g = LoadGraph(Fixture("crlf_no_final_newline.yaml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(testing::WorkOf(*g, 0).details.era, "e");
}

TEST(LoadGraphTest, MergesEveryYamlFileOfAFolder) {
  TempDir dir;
  dir.Write("a.yaml",
            "eras:\n  - {id: e, name: E, from: 2000, to: today}\n"
            "works:\n  - {id: x, name: X, kind: model, date: 2001, era: e}\n");
  dir.Write("sub/b.yml",
            "works:\n  - id: y\n    name: Y\n    kind: model\n"
            "    date: 2002\n    era: e\n    links:\n"
            "      - {uses: x, evidence: y uses x}\n");
  dir.Write("notes.txt", "not data");
  auto g = LoadGraph(dir.path());
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 2u);
  EXPECT_EQ(g->num_links(), 1u);
}

TEST(LoadGraphTest, MissingPathAndEmptyFolderAreNotFound) {
  EXPECT_EQ(LoadGraph("/no/such/lineage/data").status().code(),
            base::Status::Code::kNotFound);
  TempDir dir;
  auto g = LoadGraph(dir.path());
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().code(), base::Status::Code::kNotFound);
  EXPECT_NE(g.status().message().find("no .yaml files"), std::string::npos);
}

TEST(LoadGraphTest, BinaryFileIsReportedNotParsed) {
  TempDir dir;
  std::string junk = "works:\n";
  for (int i = 0; i < 4096; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
  auto path = dir.Write("junk.yaml", junk);
  auto g = LoadGraph(path);
  ASSERT_FALSE(g.ok());
  ASSERT_EQ(g.status().diagnostics().size(), 1u);
  EXPECT_EQ(g.status().diagnostics()[0].where.line, 2);
  EXPECT_NE(g.status().diagnostics()[0].message.find("not UTF-8 text"),
            std::string::npos);
}

TEST(LoadGraphTest, EmptyFileSaysSo) {
  TempDir dir;
  auto g = LoadGraph(dir.Write("empty.yaml", ""));
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("the file is empty"), std::string::npos);
}

TEST(LoadGraphTest, RunawayNestingIsAnErrorNotACrash) {
  TempDir dir;
  auto g = LoadGraph(
      dir.Write("deep.yaml", "works:\n  - " + std::string(100000, '[')));
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().ToString().find("nests deeper"), std::string::npos)
      << g.status().ToString();
}

TEST(LoadGraphTest, OversizedFileIsRefusedBeforeParsing) {
  TempDir dir;
  auto path = dir.Write("big.yaml", std::string(2048, '#'));
  auto g = LoadGraph(path, LoadOptions{1024});
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("more than the limit"),
            std::string::npos);
}

// Cutting the file anywhere must give either a graph or a clear error, and
// must never crash.
TEST(LoadGraphTest, EveryTruncationOfAGoodFileFailsCleanlyOrLoads) {
  auto text = ReadFile(Fixture("good.yaml"), 1 << 20);
  ASSERT_TRUE(text.ok());
  TempDir dir;
  int failures = 0;
  for (std::size_t cut = 0; cut < text->size(); cut += 7) {
    auto path = dir.Write("cut.yaml", text->substr(0, cut));
    auto g = LoadGraph(path);
    if (!g.ok()) {
      ++failures;
      EXPECT_FALSE(g.status().diagnostics().empty()) << "cut at " << cut;
      for (const auto& d : g.status().diagnostics())
        EXPECT_EQ(d.where.file, path.string());
    }
  }
  EXPECT_GT(failures, 0);
}

TEST(LoadGraphTest, NeverModifiesItsInput) {
  auto before = ReadFile(Fixture("bad/cycle.yaml"), 1 << 20);
  auto time_before = fs::last_write_time(Fixture("bad/cycle.yaml"));
  ASSERT_FALSE(LoadGraph(Fixture("bad/cycle.yaml")).ok());
  EXPECT_EQ(*ReadFile(Fixture("bad/cycle.yaml"), 1 << 20), *before);
  EXPECT_EQ(fs::last_write_time(Fixture("bad/cycle.yaml")), time_before);
}

TEST(ParseYamlTest, ListsEverySchemaProblemOfADocument) {
  auto spec = ParseYaml(
      "works:\n"
      "  - id: a\n"
      "    kind: robot\n"     // unknown kind
      "    date: 2014-13\n"   // bad month
      "    era: e\n"          // (name missing: reported at line 2)
      "  - just a string\n",  // not a mapping
      "inline.yaml");
  ASSERT_FALSE(spec.ok());
  const auto& d = spec.status().diagnostics();
  ASSERT_EQ(d.size(), 4u) << spec.status().ToString();
  EXPECT_EQ(d[0].where.line, 2);  // has no 'name'
  EXPECT_EQ(d[1].where.line, 3);  // kind
  EXPECT_EQ(d[2].where.line, 4);  // date
  EXPECT_EQ(d[3].where.line, 6);  // not a mapping
}

TEST(ParseYamlTest, TopLevelMustBeAMapping) {
  auto spec = ParseYaml("- a\n- b\n", "list.yaml");
  ASSERT_FALSE(spec.ok());
  EXPECT_NE(spec.status().ToString().find("top level"), std::string::npos);
}

// A work's layer is read, and its links take it unless they say otherwise.
TEST(LayerTest, LinksTakeTheLayerOfTheirWork) {
  auto g = LoadGraph(Fixture("layers"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->title(), "Two layers");
  const model::VertexId progan = testing::V(*g, "progan");
  const model::VertexId stylegan = testing::V(*g, "stylegan");
  EXPECT_EQ(g->details(progan).layer, model::Layer::kExtension);
  EXPECT_EQ(g->details(stylegan).layer, model::Layer::kArticle);
  EXPECT_EQ(g->link_details(testing::L(*g, "progan", "builds_on", "gan")).layer,
            model::Layer::kExtension);
  EXPECT_EQ(
      g->link_details(testing::L(*g, "stylegan", "builds_on", "gan")).layer,
      model::Layer::kArticle);
  EXPECT_EQ(
      g->link_details(testing::L(*g, "stylegan", "builds_on", "progan")).layer,
      model::Layer::kExtension);
}

TEST(LayerTest, AnUnknownLayerIsNamedWithTheChoices) {
  auto spec = ParseYaml(
      "works:\n"
      "  - id: a\n"
      "    layer: folklore\n"
      "    name: A\n"
      "    kind: model\n",
      "inline.yaml");
  ASSERT_FALSE(spec.ok());
  const std::string m = spec.status().ToString();
  EXPECT_NE(m.find("inline.yaml:3"), std::string::npos) << m;
  EXPECT_NE(m.find("unknown layer 'folklore'"), std::string::npos) << m;
  EXPECT_NE(m.find("'extension'"), std::string::npos) << m;
}

// The Chinese of a file, an era, a work and a link is read beside the
// English, and a work is found by its name in either language.
TEST(ChineseTest, EveryPieceHasItsChinese) {
  auto g = LoadGraph(Fixture("layers"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->zh_title(), "两层");
  EXPECT_EQ(g->eras()[0].zh_name, "全部");
  const model::VertexId gan = testing::V(*g, "gan");
  EXPECT_EQ(g->name(gan), "GAN");
  EXPECT_EQ(g->details(gan).zh_name, "生成对抗网络");
  EXPECT_EQ(g->details(gan).zh_aliases, std::vector<std::string>{"对抗网络"});
  EXPECT_EQ(g->details(gan).zh_summary, "两个网络互相竞争。");
  EXPECT_EQ(g->link_details(testing::L(*g, "stylegan", "builds_on", "gan"))
                .zh_evidence,
            "对 GAN 架构的根本改进");
  EXPECT_EQ(g->FindKey(base::NormalizeKey("《生成对抗网络》")), gan);
  EXPECT_EQ(g->FindKey(base::NormalizeKey("对抗网络")), gan);
}

TEST(ChineseTest, UnknownKeysInZhAreNamed) {
  auto spec = ParseYaml(
      "works:\n"
      "  - id: a\n"
      "    name: A\n"
      "    kind: model\n"
      "    zh:\n"
      "      nmae: 甲\n",
      "inline.yaml");
  ASSERT_FALSE(spec.ok());
  EXPECT_NE(spec.status().ToString().find("nmae"), std::string::npos)
      << spec.status().ToString();
}

// A broken file can hold hundreds of thousands of problems: the first 200
// are listed, and the message gives the true total.
TEST(LoadGraphTest, DiagnosticsAreCappedWithTheirTrueTotal) {
  std::string yaml = "works:\n";
  for (int i = 0; i < 1000; ++i) yaml += "  - id: " + std::to_string(i) + "x\n";
  auto g = LoadGraph(testing::TempFile("many.yaml", yaml));
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().diagnostics().size(), base::Status::kMostDiagnostics);
  EXPECT_NE(g.status().message().find("of 2000 listed"), std::string::npos)
      << g.status().message();
}

// A folder with a link loop and a dangling link loads what it can read.
TEST(LoadGraphTest, BrokenLinksInAFolderAreSkippedNotFatal) {
  namespace fs = std::filesystem;
  fs::path dir = fs::path(testing::TempFile("links/good.yaml",
                                            testing::ReadFixture("good.yaml")))
                     .parent_path();
  fs::create_symlink("loop.yaml", dir / "loop.yaml");
  fs::create_symlink("nowhere.yaml", dir / "dangling.yaml");
  auto g = LoadGraph(dir.string());
  EXPECT_TRUE(g.ok()) << g.status().ToString();
}

}  // namespace
}  // namespace lineage::io
