// End-to-end: runs the real `lineage` binary and checks exit codes, stdout
// and stderr.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "testing/fixtures.h"

namespace lineage::cli {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::Fixture;

struct Outcome {
  int code = -1;
  std::string out;
  std::string err;
  json Json() const { return json::parse(out); }
};

std::string ShellQuote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Outcome Lineage(const std::vector<std::string>& args) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-cli-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  // Hermetic: a developer's $LINEAGE_DATA would change the default data.
  std::string cmd = "env -u LINEAGE_DATA " + ShellQuote(LINEAGE_BIN);
  for (const std::string& a : args) cmd += " " + ShellQuote(a);
  cmd +=
      " </dev/null >" + (dir / "out").string() + " 2>" + (dir / "err").string();
  int status = std::system(cmd.c_str());
  Outcome r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = Slurp(dir / "out");
  r.err = Slurp(dir / "err");
  fs::remove_all(dir);
  return r;
}

// Every query, on the small fixture graph.
Outcome OnGood(std::vector<std::string> args) {
  args.insert(args.begin(), {"--data", Fixture("good.yaml")});
  return Lineage(args);
}

TEST(CliTest, HelpListsEveryCommandAndExitsZero) {
  Outcome r = Lineage({"--help"});
  EXPECT_EQ(r.code, 0);
  for (const char* cmd : {"show", "ancestors", "descendants", "path", "common",
                          "stats", "validate", "export"})
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
}

TEST(CliTest, UsageErrorsExitWithTwo) {
  EXPECT_EQ(Lineage({}).code, 2);
  EXPECT_EQ(Lineage({"frobnicate"}).code, 2);
  EXPECT_EQ(OnGood({"ancestors"}).code, 2);  // Missing work.
  EXPECT_EQ(OnGood({"ancestors", "gan", "--depth", "x"}).code, 2);
  EXPECT_EQ(OnGood({"export", "--format", "pdf"}).code, 2);
  EXPECT_EQ(OnGood({"path", "gan", "stylegan", "-r", "inspired"}).code, 2);
  EXPECT_EQ(Lineage({"--data", "/no/such/path", "stats"}).code, 2);
}

TEST(CliTest, UnknownWorkSaysDidYouMeanAndExitsTwo) {
  Outcome r = OnGood({"ancestors", "stylegn"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("did you mean 'stylegan'"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(CliTest, ValidatePassesOnGoodDataAndFailsWithOneOnBadData) {
  Outcome good = OnGood({"validate"});
  EXPECT_EQ(good.code, 0) << good.err;
  EXPECT_NE(good.out.find("4 works, 3 links"), std::string::npos);
  Outcome bad = Lineage({"--data", Fixture("bad/cycle.yaml"), "validate"});
  EXPECT_EQ(bad.code, 1);
  EXPECT_NE(
      bad.err.find("cycle.yaml:10:9: error: influence cycle: a -> b -> c -> a"),
      std::string::npos)
      << bad.err;
}

TEST(CliTest, ValidateJsonListsErrorsWithLocations) {
  Outcome r =
      Lineage({"--data", Fixture("bad/temporal.yaml"), "validate", "--json"});
  EXPECT_EQ(r.code, 1);
  json doc = r.Json();
  EXPECT_EQ(doc["ok"], false);
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["line"], 10);
  EXPECT_NE(doc["errors"][0]["fix"].get<std::string>().find("reverse"),
            std::string::npos);
}

TEST(CliTest, EveryQueryOnBadDataFailsWithOneAndNoOutput) {
  for (const char* cmd : {"stats", "show", "export"}) {
    Outcome r = Lineage({"--data", Fixture("bad/dangling_link.yaml"), cmd});
    EXPECT_EQ(r.code, 1) << cmd;
    EXPECT_TRUE(r.out.empty()) << cmd;
    EXPECT_NE(r.err.find("dangling_link.yaml:15:9"), std::string::npos)
        << r.err;
  }
}

TEST(CliTest, AncestorsJsonHasWorksWithDistance) {
  Outcome r = OnGood({"ancestors", "Style GAN", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json doc = r.Json();
  EXPECT_EQ(doc["work"]["id"], "stylegan");
  ASSERT_EQ(doc["ancestors"].size(), 2u);
  const json& first = doc["ancestors"][0];
  for (const char* key : {"id", "name", "kind", "date", "distance"})
    EXPECT_TRUE(first.contains(key)) << key;
  EXPECT_EQ(first["id"], "dcgan");
  EXPECT_EQ(doc["ancestors"][1]["id"], "gan");
  EXPECT_EQ(doc["ancestors"][1]["distance"], 2);
}

TEST(CliTest, DepthAndRelationOptionsShapeTheAnswer) {
  json one = OnGood({"ancestors", "stylegan", "--depth", "1", "--json"}).Json();
  EXPECT_EQ(one["ancestors"].size(), 1u);
  json all = OnGood({"ancestors", "stylegan", "-r", "all", "--json"}).Json();
  EXPECT_EQ(all["ancestors"].size(), 3u);  // + NVIDIA through published_by.
  json down = OnGood({"descendants", "gan", "--json"}).Json();
  EXPECT_EQ(down["descendants"].size(), 2u);
}

TEST(CliTest, PathJsonListsTheWorksOfEachPathInOrder) {
  Outcome r =
      OnGood({"path", "Generative adversarial nets", "stylegan", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json doc = r.Json();
  ASSERT_EQ(doc["paths"].size(), 1u);
  const json& works = doc["paths"][0]["works"];
  ASSERT_EQ(works.size(), 3u);
  EXPECT_EQ(works[0]["id"], "gan");
  EXPECT_EQ(works[1]["id"], "dcgan");
  EXPECT_EQ(works[2]["id"], "stylegan");
  EXPECT_EQ(doc["paths"][0]["links"][0]["relation"], "builds_on");
  EXPECT_FALSE(
      doc["paths"][0]["links"][0]["evidence"].get<std::string>().empty());
  json all = OnGood({"path", "gan", "stylegan", "--all", "--json"}).Json();
  EXPECT_EQ(all["paths"].size(), 1u);
  EXPECT_EQ(all["truncated"], false);
}

TEST(CliTest, PathTheWrongWayRoundSuggestsTheOtherOrder) {
  Outcome r = OnGood({"path", "stylegan", "gan"});
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("try `lineage path gan stylegan`"), std::string::npos)
      << r.out;
}

TEST(CliTest, CommonJsonMarksTheLowest) {
  json doc = OnGood({"common", "dcgan", "stylegan", "--json"}).Json();
  ASSERT_EQ(doc["common"].size(), 2u);
  EXPECT_EQ(doc["common"][0]["id"], "dcgan");
  EXPECT_EQ(doc["common"][0]["lowest"], true);
  EXPECT_EQ(doc["common"][1]["lowest"], false);
}

TEST(CliTest, ShowAndStatsJson) {
  json show = OnGood({"show", "stylegan", "--json"}).Json();
  EXPECT_EQ(show["work"]["organizations"][0], "NVIDIA");
  EXPECT_EQ(show["parents"].size(), 2u);
  json list = OnGood({"show", "--json"}).Json();
  EXPECT_EQ(list["works"].size(), 4u);
  json stats = OnGood({"stats", "--json"}).Json();
  EXPECT_EQ(stats["works"], 4);
  EXPECT_EQ(stats["longest_chain"]["length"], 2);
  EXPECT_EQ(stats["roots"][0]["id"], "gan");
}

// An import has thousands of leaves: the text names the first twelve and
// counts the rest; --json lists them all.
TEST(CliTest, StatsTextCutsLongListsShort) {
  std::string edges;
  for (int i = 0; i < 20; ++i) edges += "w" + std::to_string(i) + "\thub\n";
  const std::string path = testing::TempFile("star.tsv", edges);
  Outcome text = Lineage({"--data", path, "stats"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("and 8 more (20 in all"), std::string::npos)
      << text.out;
  const std::size_t at = text.out.find("leaves");
  const std::string leaves = text.out.substr(at, text.out.find('\n', at) - at);
  EXPECT_EQ(std::count(leaves.begin(), leaves.end(), ','), 11) << leaves;
  json doc = Lineage({"--data", path, "stats", "--json"}).Json();
  EXPECT_EQ(doc["leaves"].size(), 20u);
}

// An import with a cycle: stats reports what needs no DAG and names the
// cycle, where it used to refuse.
TEST(CliTest, StatsOnACyclicImportNamesTheCycle) {
  const std::string path = testing::TempFile("cycle.tsv", "a\tb\nb\ta\nc\ta\n");
  Outcome text = Lineage({"--data", path, "stats"});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("cycles           1 (largest 2 works"),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("a -> b -> a"), std::string::npos) << text.out;
  json doc = Lineage({"--data", path, "stats", "--json"}).Json();
  EXPECT_EQ(doc["works"], 3);
  EXPECT_EQ(doc["cycles"]["components"], 1);
  EXPECT_TRUE(doc["longest_chain"].is_null());
}

// The true number of problems, in text and in --json, not a capped one.
TEST(CliTest, ValidateCountsEveryProblem) {
  std::string rows = "a\tb\n";
  std::string nodes;
  for (int i = 0; i < 45; ++i) nodes += "a\tsoon\n";
  const std::string edges = testing::TempFile("e.tsv", rows);
  const std::string table = testing::TempFile("n.tsv", nodes);
  Outcome text = Lineage({"--data", edges, "--nodes", table, "validate"});
  EXPECT_EQ(text.code, 1);
  EXPECT_NE(text.err.find("45 problems"), std::string::npos) << text.err;
  EXPECT_NE(text.err.find("and 35 more: malformed dates"), std::string::npos)
      << text.err;
  json doc =
      Lineage({"--data", edges, "--nodes", table, "validate", "--json"}).Json();
  EXPECT_EQ(doc["problems"], 45);
}

TEST(CliTest, ExportWritesAtomicallyToAFileOrToStdout) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-export-" + std::to_string(std::random_device{}()));
  fs::path out = dir / "new" / "graph.json";
  Outcome r = OnGood({"export", "-o", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  json doc = json::parse(Slurp(out));  // Format chosen by the extension.
  EXPECT_EQ(doc["nodes"].size(), 4u);
  Outcome xml = OnGood({"export", "--format", "graphml"});
  EXPECT_EQ(xml.out.rfind("<?xml", 0), 0u);
  // A failed export leaves the old file as it was.
  Outcome bad = Lineage(
      {"--data", Fixture("bad/cycle.yaml"), "export", "-o", out.string()});
  EXPECT_EQ(bad.code, 1);
  EXPECT_EQ(json::parse(Slurp(out))["nodes"].size(), 4u);
  fs::remove_all(dir);
}

TEST(CliTest, QuietSilencesWarningsButNotErrors) {
  Outcome r = OnGood({"-q", "ancestors", "nope"});
  EXPECT_EQ(r.code, 2);
  EXPECT_FALSE(r.err.empty());
  Outcome v = OnGood({"-v", "stats"});
  EXPECT_NE(v.err.find("loaded 4 works"), std::string::npos) << v.err;
}

TEST(CliTest, BinaryDataFileIsAnErrorNotACrash) {
  Outcome r = Lineage({"--data", LINEAGE_BIN, "validate"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("not UTF-8 text"), std::string::npos) << r.err;
}

TEST(CliAnalyticsTest, RankJsonListsWorksWithScores) {
  Outcome r = OnGood({"rank", "--by", "pagerank", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json doc = r.Json();
  EXPECT_EQ(doc["metric"], "pagerank");
  ASSERT_EQ(doc["works"].size(), 4u);
  EXPECT_EQ(doc["works"][0]["id"], "gan");  // The source of the chain.
  EXPECT_EQ(doc["works"][0]["rank"], 1);
  for (const char* key : {"id", "name", "kind", "date", "score"})
    EXPECT_TRUE(doc["works"][0].contains(key)) << key;
  json top = OnGood({"rank", "--by", "depth", "--top", "1", "--json"}).Json();
  ASSERT_EQ(top["works"].size(), 1u);
  EXPECT_EQ(top["works"][0]["id"], "stylegan");
  json models = OnGood({"rank", "--kind", "model", "--json"}).Json();
  EXPECT_EQ(models["works"].size(), 1u);
  EXPECT_EQ(OnGood({"rank", "--by", "fame"}).code, 2);
  EXPECT_NE(OnGood({"rank", "--help"}).out.find("citation orientation"),
            std::string::npos);
}

TEST(CliAnalyticsTest, MainPathExplainNecessaryImpact) {
  json mp = OnGood({"main-path", "--json"}).Json();
  ASSERT_EQ(mp["works"].size(), 3u);
  EXPECT_EQ(mp["arcs"][0]["links"][0]["relation"], "builds_on");
  json ex = OnGood({"explain", "gan", "stylegan", "--json"}).Json();
  ASSERT_EQ(ex["paths"].size(), 1u);
  EXPECT_EQ(ex["paths"][0]["works"][1]["id"], "dcgan");
  json back = OnGood({"explain", "stylegan", "gan", "--json"}).Json();
  EXPECT_TRUE(back["paths"].empty());
  EXPECT_EQ(back["reversed"], true);
  json need = OnGood({"necessary", "stylegan", "--json"}).Json();
  ASSERT_EQ(need["necessary"].size(), 2u);
  EXPECT_EQ(need["necessary"][0]["id"], "dcgan");
  json impact = OnGood({"impact", "gan", "--json"}).Json();
  EXPECT_EQ(impact["impact"].size(), 2u);
  Outcome text = OnGood({"explain", "gan", "stylegan"});
  EXPECT_NE(text.out.find("How GAN led to StyleGAN: 1 path"),
            std::string::npos);
}

TEST(CliAnalyticsTest, CommonGivesThePathsFromEachLowestAncestor) {
  json doc = OnGood({"common", "dcgan", "stylegan", "--json"}).Json();
  const json& lowest = doc["common"][0];
  ASSERT_EQ(lowest["lowest"], true);
  EXPECT_EQ(lowest["path_to_a"]["length"], 0);
  EXPECT_EQ(lowest["path_to_b"]["works"][1]["id"], "stylegan");
  EXPECT_FALSE(doc["common"][1].contains("path_to_a"));
}

TEST(CliQueryTest, TableJsonIdsAndRender) {
  Outcome table = OnGood({"query", "descendants(gan)"});
  ASSERT_EQ(table.code, 0) << table.err;
  EXPECT_NE(table.out.find("2 works"), std::string::npos);
  EXPECT_NE(table.out.find("StyleGAN [stylegan]"), std::string::npos);
  json doc = OnGood({"query", "somepath(gan, stylegan)", "--json"}).Json();
  EXPECT_EQ(doc["works"].size(), 3u);
  EXPECT_EQ(doc["links"].size(), 2u);
  EXPECT_EQ(OnGood({"query", "ancestors(stylegan)", "--ids"}).out,
            "gan\ndcgan\n");
  Outcome render =
      OnGood({"query", "allpaths(gan, stylegan)", "--render", "-"});
  EXPECT_EQ(render.code, 0) << render.err;
  EXPECT_NE(render.out.find("<svg"), std::string::npos);
}

TEST(CliQueryTest, MalformedQueriesExitWithTwo) {
  for (const char* q : {"ancestors(gan", "gan)", "nope(gan)", "kind(model)", "",
                        "stylegn", "gan + + dcgan"}) {
    Outcome r = OnGood({"query", q});
    EXPECT_EQ(r.code, 2) << q;
    EXPECT_FALSE(r.err.empty()) << q;
    EXPECT_TRUE(r.out.empty()) << q;
  }
  std::string deep = std::string(10000, '(') + "gan" + std::string(10000, ')');
  EXPECT_EQ(OnGood({"query", deep}).code, 2);
  EXPECT_EQ(OnGood({"query", "\x01\x02\xff"}).code, 2);
  EXPECT_EQ(OnGood({"query", "--file", "/no/such/query"}).code, 2);
  EXPECT_NE(OnGood({"query", "--help"}).out.find("somepath(A, B)"),
            std::string::npos);
}

TEST(CliImportTest, ValidateDescribesTheProblemsOfRealData) {
  Outcome r = Lineage(
      {"--data", Fixture("datasets/hepth-excerpt.txt"), "validate", "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  json doc = r.Json();
  EXPECT_EQ(doc["works"], 7);
  std::map<std::string, std::size_t> counts;
  for (const json& f : doc["findings"]) counts[f["kind"]] = f["count"];
  EXPECT_EQ(counts["self-loops"], 1u);
  EXPECT_EQ(counts["cycles"], 1u);
  EXPECT_EQ(counts["header"], 1u);
  // Every query works on an import; the DAG-only ones name the cycle.
  json rank = Lineage({"--data", Fixture("datasets/hepth-excerpt.txt"), "rank",
                       "--json"})
                  .Json();
  EXPECT_EQ(rank["works"][0]["id"], "1001");
  Outcome spc = Lineage(
      {"--data", Fixture("datasets/hepth-excerpt.txt"), "rank", "--by", "spc"});
  EXPECT_EQ(spc.code, 1);
  EXPECT_NE(spc.err.find("1001 -> 1002 -> 1001"), std::string::npos) << spc.err;
  json condensed = Lineage({"--data", Fixture("datasets/hepth-excerpt.txt"),
                            "--condense", "rank", "--by", "spc", "--json"})
                       .Json();
  EXPECT_EQ(condensed["works"][0]["id"], "cycle-1001");
  Outcome cut = Lineage({"--data", LINEAGE_BIN, "validate"});
  EXPECT_EQ(cut.code, 1);
  EXPECT_EQ(Lineage({"--data", Fixture("datasets/cora-excerpt.cites"),
                     "--edges", "sideways", "validate"})
                .code,
            2);
}

TEST(CliImportTest, ImportWritesAGraphFileEveryCommandReads) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-import-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string out = (dir / "hepth.lgraph").string();
  // Global import options may follow the command.
  Outcome r = Lineage({"import", Fixture("datasets/hepth-excerpt.txt"),
                       "--nodes", Fixture("datasets/hepth-dates.txt"),
                       "--numeric-ids", "-o", out, "--json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.Json()["works"], 7);
  EXPECT_EQ(r.err.find('\r'), std::string::npos);  // No progress off a TTY.
  json rank = Lineage({"--data", out, "rank", "--json"}).Json();
  EXPECT_EQ(rank["works"][0]["id"], "1001");
  Outcome show = Lineage({"--data", out, "show", "1002"});
  EXPECT_NE(show.out.find("1992-03-08"), std::string::npos) << show.out;
  // Two edge lists read as one table; a GraphML among them is refused.
  Outcome two = Lineage({"import", Fixture("datasets/hepth-excerpt.txt"),
                         Fixture("datasets/cora-excerpt.cites"), "-o",
                         (dir / "two.lgraph").string()});
  EXPECT_EQ(two.code, 0) << two.err;
  Outcome mixed =
      Lineage({"import", Fixture("datasets/hepth-excerpt.txt"),
               Fixture("good.yaml"), "-o", (dir / "mixed.lgraph").string()});
  EXPECT_EQ(mixed.code, 2) << mixed.err;
  EXPECT_FALSE(fs::exists(dir / "mixed.lgraph"));
  EXPECT_EQ(Lineage({"import", Fixture("datasets/hepth-excerpt.txt")}).code,
            2);  // No -o.
  // Without files, import reads --data; with neither it says what to give.
  Outcome given = Lineage({"--data", Fixture("datasets/hepth-excerpt.txt"),
                           "import", "-o", (dir / "given.lgraph").string()});
  EXPECT_EQ(given.code, 0) << given.err;
  EXPECT_TRUE(fs::exists(dir / "given.lgraph"));
  Outcome none = Lineage({"import", "-o", (dir / "none.lgraph").string()});
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("no files to import"), std::string::npos) << none.err;
  fs::remove_all(dir);
}

// A model tree whose edges say how each model was made (the fixture's
// comment has the answers): the relations are followed, counted and
// drawn by their own names.
TEST(CliImportTest, TypedEdgesAreFollowedCountedAndDrawnByName) {
  const std::vector<std::string> tree = {"--data",
                                         Fixture("datasets/model-tree.graphml"),
                                         "--edges", "influences"};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.begin(), tree.begin(), tree.end());
    return Lineage(args);
  };
  auto ids = [](const json& works) {
    std::set<std::string> out;
    for (const json& w : works) out.insert(w["id"].get<std::string>());
    return out;
  };
  Outcome merge =
      with({"ancestors", "Merged-7B", "--relation", "merge", "--json"});
  ASSERT_EQ(merge.code, 0) << merge.err;
  EXPECT_EQ(ids(merge.Json()["ancestors"]),
            (std::set<std::string>{"gptq", "lora", "instruct"}));
  Outcome cousin = with({"ancestors", "merged", "--relation", "cousin"});
  EXPECT_EQ(cousin.code, 2);
  EXPECT_NE(cousin.err.find("fine_tune, quantized, adapter, merge"),
            std::string::npos)
      << cousin.err;
  json stats =
      with({"--influence", "finetune,merge", "stats", "--json"}).Json();
  EXPECT_EQ(stats["by_relation"]["fine_tune"], 2);
  EXPECT_EQ(stats["by_relation"]["merge"], 3);
  EXPECT_EQ(stats["influence_links"], 5);
  Outcome unknown = with({"--influence", "cousin", "stats"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("--influence cousin"), std::string::npos)
      << unknown.err;
  json query =
      with({"query", "relation(merge, ancestors(merged))", "--json"}).Json();
  EXPECT_EQ(ids(query["works"]),
            (std::set<std::string>{"gptq", "lora", "instruct"}));
  Outcome svg = with({"render", "-o", "-"});
  ASSERT_EQ(svg.code, 0) << svg.err;
  EXPECT_NE(svg.out.find("class=\"edge link rel&#45;merge influence\""),
            std::string::npos);
  EXPECT_NE(svg.out.find("id=\"link&#45;merged&#45;merge&#45;gptq\""),
            std::string::npos);
  EXPECT_NE(svg.out.find("quantized"), std::string::npos);  // The legend.
}

TEST(CliRenderTest, WritesAWellFormedSvgAtomically) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-render-" + std::to_string(std::random_device{}()));
  fs::path out = dir / "made" / "here.svg";
  Outcome r = OnGood({"render", "-o", out.string()});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("4 works, 2 links"), std::string::npos) << r.out;
  std::string svg = Slurp(out);
  EXPECT_NE(svg.find("<svg"), std::string::npos);
  EXPECT_NE(svg.find("work&#45;stylegan"), std::string::npos);
  // Only the finished file is left behind.
  int entries = 0;
  for (const auto& e : fs::directory_iterator(out.parent_path())) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
  // A failed render leaves the previous file untouched.
  Outcome bad =
      OnGood({"render", "--path", "stylegan", "gan", "-o", out.string()});
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("'gan' came first"), std::string::npos) << bad.err;
  EXPECT_EQ(Slurp(out), svg);
  fs::remove_all(dir);
}

TEST(CliRenderTest, ResolutionAndLayoutAreChosenByFlags) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-res-" + std::to_string(std::random_device{}()));
  fs::path out = dir / "t.svg";
  Outcome month =
      OnGood({"render", "--resolution", "month", "--json", "-o", out.string()});
  ASSERT_EQ(month.code, 0) << month.err;
  EXPECT_NE(month.out.find("\"resolution\": \"month\""), std::string::npos)
      << month.out;
  EXPECT_NE(Slurp(out).find("class=\"node tick\""), std::string::npos);
  Outcome dot =
      OnGood({"render", "--layout", "dot", "--json", "-o", out.string()});
  ASSERT_EQ(dot.code, 0) << dot.err;
  EXPECT_NE(dot.out.find("\"resolution\": \"\""), std::string::npos) << dot.out;
  EXPECT_EQ(OnGood({"render", "--resolution", "week", "-o", out.string()}).code,
            2);
  fs::remove_all(dir);
}

// --group-above: a view of more works draws its leaves of one column as a
// group, and says how many; 0 never groups.
TEST(CliRenderTest, GroupAboveFoldsLeavesAndCountsThem) {
  std::string yaml =
      "eras:\n  - {id: e, name: E, from: 2000, to: today}\nworks:\n"
      "  - {id: a, name: A, kind: model, date: 2000, era: e}\n";
  for (const char* c : {"c1", "c2", "c3"}) {
    yaml += fmt::format(
        "  - id: {0}\n    name: {0}\n    kind: model\n    date: 2001\n"
        "    era: e\n    links:\n      - {{builds_on: a, evidence: x}}\n",
        c);
  }
  const std::string data = testing::TempFile("leaves.yaml", yaml);
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-group-" + std::to_string(std::random_device{}()));
  const std::string out = (dir / "g.svg").string();
  Outcome r = Lineage(
      {"--data", data, "render", "--group-above", "3", "--json", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* count :
       {"\"works\": 1", "\"grouped_works\": 3", "\"groups\": 1", "\"links\": 0",
        "\"grouped_links\": 3"})
    EXPECT_NE(r.out.find(count), std::string::npos) << count << r.out;
  EXPECT_NE(Slurp(out).find("class=\"node group\""), std::string::npos);
  Outcome text =
      Lineage({"--data", data, "render", "--group-above", "3", "-o", out});
  ASSERT_EQ(text.code, 0) << text.err;
  EXPECT_NE(text.out.find("1 works and 3 more in 1 group of leaves, 0 links "
                          "drawn of 3, 3 into grouped works"),
            std::string::npos)
      << text.out;
  Outcome never = Lineage(
      {"--data", data, "render", "--group-above", "0", "--json", "-o", out});
  ASSERT_EQ(never.code, 0) << never.err;
  EXPECT_NE(never.out.find("\"grouped_works\": 0"), std::string::npos)
      << never.out;
  EXPECT_NE(never.out.find("\"works\": 4"), std::string::npos) << never.out;
  fs::remove_all(dir);
}

// The whole-field titles speak of image synthesis only for the curated
// graph; a diagram of an import is titled by its file.
TEST(CliRenderTest, AnImportIsTitledByItsFile) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-title-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const std::string out = (dir / "top.dot").string();
  Outcome r = Lineage({"--data", Fixture("datasets/hepth-excerpt.txt"),
                       "render", "--top", "3", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string dot = Slurp(out);
  EXPECT_NE(dot.find("The 3 most influential works of hepth-excerpt.txt"),
            std::string::npos)
      << dot;
  EXPECT_EQ(dot.find("image synthesis"), std::string::npos);
  fs::remove_all(dir);
}

TEST(CliRenderTest, FormatFollowsTheExtensionOrTheFlag) {
  Outcome dot = OnGood({"render", "-o", "-", "--format", "dot"});
  ASSERT_EQ(dot.code, 0) << dot.err;
  EXPECT_EQ(dot.out.rfind("digraph lineage", 0), 0u);
  Outcome svg = OnGood({"render", "-o", "-", "--format", "svg", "--focus",
                        "dcgan", "--ancestors"});
  EXPECT_EQ(svg.code, 0) << svg.err;
  EXPECT_NE(svg.out.find("Ancestry of DCGAN"), std::string::npos);
}

// An .html file, --format html, or a query's --render into .html: an
// explorer page, with the diagram and the view's data inside.
TEST(CliRenderTest, HtmlMakesAnExplorer) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-html-" + std::to_string(std::random_device{}()));
  const std::string out = (dir / "page.html").string();
  Outcome r = OnGood({"render", "--focus", "dcgan", "-o", out});
  ASSERT_EQ(r.code, 0) << r.err;
  const std::string page = Slurp(out);
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("id=\"work&#45;dcgan\""), std::string::npos);
  EXPECT_NE(page.find("\"id\":\"dcgan\""), std::string::npos);
  Outcome flag = OnGood({"render", "--format", "html", "-o", "-"});
  ASSERT_EQ(flag.code, 0) << flag.err;
  EXPECT_EQ(flag.out.rfind("<!DOCTYPE html>", 0), 0u);
  const std::string query = (dir / "query.html").string();
  Outcome q = OnGood({"query", "ancestors(stylegan)", "--render", query});
  ASSERT_EQ(q.code, 0) << q.err;
  EXPECT_NE(Slurp(query).find("\"id\":\"gan\""), std::string::npos);
  fs::remove_all(dir);
}

TEST(CliRenderTest, ViewOptionsAreCheckedBeforeDrawing) {
  EXPECT_EQ(OnGood({"render", "--only"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--key-routes", "2"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--main-path", "--focus", "gan"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--main-path", "--only", "-o", "-"}).code, 0);
  EXPECT_EQ(OnGood({"render", "--common", "dcgan", "stylegan", "-o", "-"}).code,
            0);
  EXPECT_EQ(OnGood({"render", "--depth", "2"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--kind", "robot"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--era", "baroque"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--since", "last year"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--layout", "circo"}).code, 2);
  EXPECT_EQ(OnGood({"render", "--focus", "gan", "--path", "gan", "dcgan"}).code,
            2);
  EXPECT_EQ(OnGood({"render", "--kind", "dataset", "-o", "-"}).code, 2);
  Outcome none = OnGood({"render", "--kind", "dataset", "-o", "-"});
  EXPECT_NE(none.err.find("nothing to draw"), std::string::npos);
}

TEST(CliRenderTest, UnwritableOutputFailsWithOne) {
  Outcome r = OnGood({"render", "-o", "/proc/lineage/x.svg"});
  EXPECT_EQ(r.code, 1);
  EXPECT_NE(r.err.find("cannot"), std::string::npos) << r.err;
}

// The library names the options that would help; the command line spells
// them as its flags.
TEST(CliTest, LibraryHintsAreSpelledAsFlags) {
  Outcome big = Lineage({"render", "--max-works", "3", "-o", "-"});
  EXPECT_EQ(big.code, 2);
  EXPECT_NE(big.err.find("--max-works N"), std::string::npos) << big.err;
  EXPECT_NE(big.err.find("--focus WORK"), std::string::npos) << big.err;
  EXPECT_NE(big.err.find("--top N"), std::string::npos) << big.err;
  EXPECT_EQ(big.err.find("[["), std::string::npos) << big.err;
  Outcome unknown = Lineage({"show", "xyzzy"});
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("`lineage show` lists every work"),
            std::string::npos)
      << unknown.err;
}

// `lineage ancestors X` and `lineage query 'ancestors(X)'` list the same
// works, for a few works of the bundled graph.
TEST(CliTest, AncestorsAndTheQueryAgree) {
  for (const char* work : {"dall-e-2", "stable-diffusion", "stylegan", "gan"}) {
    for (const char* fn : {"ancestors", "descendants"}) {
      Outcome direct = Lineage({fn, work, "--json"});
      Outcome query =
          Lineage({"query", std::string(fn) + "(" + work + ")", "--json"});
      ASSERT_EQ(direct.code, 0) << direct.err;
      ASSERT_EQ(query.code, 0) << query.err;
      // The documents outlive the loops over them.
      const json d = direct.Json(), q = query.Json();
      std::vector<std::string> a, b;
      for (const json& w : d[fn]) a.push_back(w["id"]);
      for (const json& w : q["works"]) b.push_back(w["id"]);
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      EXPECT_EQ(a, b) << fn << " " << work;
    }
  }
}

// Unknown query functions are usage errors before any data is read: even
// with --data naming nothing.
TEST(CliTest, QueryMistakesNeedNoData) {
  Outcome r = Lineage({"--data", "/nonexistent", "query", "ancestrs(gan)"});
  EXPECT_EQ(r.code, 2);
  EXPECT_NE(r.err.find("unknown function 'ancestrs'"), std::string::npos)
      << r.err;
}

// A chain of 200,000 links, end to end: every command that walks all of it
// answers (they once recursed a level per link and died on 100,000).
TEST(CliTest, ALongChainIsWalkedWithoutRecursion) {
  std::string table;
  constexpr int kLinks = 200'000;
  for (int i = 0; i < kLinks; ++i)
    table += std::to_string(i) + "\t" + std::to_string(i + 1) + "\n";
  const std::string path = testing::TempFile("chain.tsv", table);
  const std::string first = "0", last = std::to_string(kLinks);
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--data", path, "--edges", "influences"});
    return Lineage(args);
  };
  Outcome explain = run({"explain", first, last, "--json"});
  ASSERT_EQ(explain.code, 0) << explain.err;
  EXPECT_EQ(explain.Json()["paths"][0]["length"], kLinks);
  Outcome all = run({"path", "--all", first, last, "--json"});
  ASSERT_EQ(all.code, 0) << all.err;
  EXPECT_EQ(all.Json()["paths"].size(), 1u);
  Outcome necessary = run({"necessary", last, "--json"});
  ASSERT_EQ(necessary.code, 0) << necessary.err;
  EXPECT_EQ(necessary.Json()["necessary"].size(), std::size_t{kLinks});
  Outcome main = run({"main-path", "--json"});
  ASSERT_EQ(main.code, 0) << main.err;
  EXPECT_EQ(main.Json()["arcs"].size(), std::size_t{kLinks});
}

// The article's Chinese translation, on the command line: names, eras and
// evidence in its words, and either language finds a work.
TEST(CliTest, ChineseIsTheTranslationsWords) {
  Outcome zh = Lineage({"--lang", "zh", "show", "GAN"});
  ASSERT_EQ(zh.code, 0) << zh.err;
  EXPECT_NE(zh.out.find("起源"), std::string::npos) << zh.out;  // Its era.
  EXPECT_NE(zh.out.find("“生成器”"), std::string::npos) << zh.out;
  // The tool's own words follow too.
  EXPECT_NE(zh.out.find("所依据的较早工作："), std::string::npos) << zh.out;
  Outcome ancestors = Lineage({"--lang", "zh", "ancestors", "dcgan"});
  EXPECT_NE(ancestors.out.find("的祖先：2 项工作"), std::string::npos)
      << ancestors.out;
  Outcome en = Lineage({"show", "变分自动编码器"});
  ASSERT_EQ(en.code, 0) << en.err;
  EXPECT_EQ(en.out.rfind("Variational autoencoder\n", 0), 0u) << en.out;
  EXPECT_EQ(Lineage({"--lang", "fr", "stats"}).code, 2);
}

TEST(CliRenderTest, ChineseDiagramsSpeakChinese) {
  Outcome r =
      Lineage({"--lang", "zh", "--layer", "article", "render", "-o", "-",
               "--format", "svg", "--focus", "gan", "--descendants"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("GAN 家族"), std::string::npos);      // The title.
  EXPECT_NE(r.out.find("起源"), std::string::npos);          // An era.
  EXPECT_NE(r.out.find("基于"), std::string::npos);          // builds_on.
  EXPECT_NE(r.out.find("潜在空间操纵"), std::string::npos);  // A name.
}

// A FIFO given as --data is refused before it is opened: it would block
// forever (a timeout would end the test with 124).
TEST(CliTest, AFifoIsNeverOpened) {
  fs::path dir = fs::temp_directory_path() /
                 ("lineage-fifo-" + std::to_string(std::random_device{}()));
  fs::create_directories(dir);
  const fs::path fifo = dir / "edges.tsv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const std::string cmd =
      "timeout 10 env -u LINEAGE_DATA " + ShellQuote(LINEAGE_BIN) + " --data " +
      ShellQuote(fifo.string()) + " stats </dev/null >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  EXPECT_EQ(WIFEXITED(status) ? WEXITSTATUS(status) : -1, 2);
  fs::remove_all(dir);
}

// -o never destroys the data being read, nor a device.
TEST(CliTest, OutputsNeverReplaceTheirInputsOrDevices) {
  const std::string table = testing::TempFile("t.tsv", "1\t2\n2\t3\n");
  Outcome same = Lineage({"import", table, "-o", table});
  EXPECT_EQ(same.code, 2) << same.err;
  EXPECT_NE(same.err.find("the data being read"), std::string::npos)
      << same.err;
  EXPECT_EQ(Slurp(table), "1\t2\n2\t3\n");
  const std::string yaml =
      testing::TempFile("g.yaml", Slurp(Fixture("good.yaml")));
  Outcome export_over = Lineage({"--data", yaml, "export", "-o", yaml});
  EXPECT_EQ(export_over.code, 2) << export_over.err;
  Outcome inside = Lineage({"--data", LINEAGE_BUNDLED_DATA, "render", "-o",
                            std::string(LINEAGE_BUNDLED_DATA) + "/eras.yaml"});
  EXPECT_EQ(inside.code, 2) << inside.err;
  Outcome device = OnGood({"export", "-o", "/dev/null"});
  EXPECT_EQ(device.code, 2) << device.err;
}

// Unix seconds beyond year 9999 are refused at their line: .lgraph stores
// four-digit years, and the import must not write what it cannot read.
TEST(CliTest, DatesBeyondYear9999AreRefused) {
  const std::string edges = testing::TempFile("e.tsv", "a\tb\n");
  const std::string nodes =
      testing::TempFile("n.tsv", "a\t1000000000\nb\t999999999999999\n");
  Outcome r = Lineage({"--data", edges, "--nodes", nodes, "validate"});
  EXPECT_EQ(r.code, 1) << r.err;
  EXPECT_NE(r.err.find("n.tsv:2"), std::string::npos) << r.err;
}

// --format names the data's format whatever the file is called; before a
// command with its own --format (render, export, query) it is the data's.
TEST(CliImportTest, FormatFlagNamesTheDataFormat) {
  const std::string gml = testing::TempFile(
      "graph.txt", testing::ReadFixture("datasets/networkx-citations.gml"));
  Outcome guessed = Lineage({"--data", gml, "stats", "--json"});
  EXPECT_EQ(guessed.code, 0) << guessed.err;  // Found from `graph [`.
  Outcome table = Lineage({"--data", gml, "--format", "table", "stats"});
  EXPECT_EQ(table.code, 1);  // Read as an edge list, it is no table.
  Outcome named = Lineage(
      {"--format", "gml", "--data", gml, "render", "-f", "dot", "-o", "-"});
  EXPECT_EQ(named.code, 0) << named.err;
  EXPECT_NE(named.out.find("digraph"), std::string::npos);
  Outcome bogus = Lineage({"--format", "xml", "stats"});
  EXPECT_EQ(bogus.code, 2);
  EXPECT_NE(bogus.err.find("openalex"), std::string::npos) << bogus.err;
  // Several dumps are one: `import` of two OpenAlex files.
  const std::string out = testing::TempFile("two.lgraph", "");
  Outcome two =
      Lineage({"import", Fixture("datasets/openalex-works.jsonl"),
               testing::TempFile("more.jsonl",
                                 "{\"id\": \"https://openalex.org/W7\", "
                                 "\"referenced_works\": "
                                 "[\"https://openalex.org/W300\"]}\n"),
               "-o", out, "--json"});
  ASSERT_EQ(two.code, 0) << two.err;
  EXPECT_EQ(two.Json()["works"], 7);
}

}  // namespace
}  // namespace lineage::cli
