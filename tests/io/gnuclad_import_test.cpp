#include "io/gnuclad_import.h"

#include <gtest/gtest.h>

#include "analysis/ancestry.h"
#include "io/load.h"
#include "model/resolve.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

using analysis::Direction;
using analysis::Reach;

std::size_t Count(const model::Graph& g, std::string_view id, Direction d) {
  return Reach(g, *g.FindId(id), d, {}).size();
}

base::Result<model::Graph> Import(const std::string& text,
                                  ImportReport* r = nullptr) {
  return ImportGnuclad(testing::TempFile("t.csv", text), {}, r);
}

// tests/fixtures/datasets/ldt-excerpt.csv: rows of the Linux distribution
// timeline (FabioLolix/LinuxTimeline's ldt.csv) as they are: ",,,," rows,
// "//!" and "#" comments, a node commented out as "#N", dates such as
// 1993.7.16, 1992.6 and 2013.09.7, name changes (Minislack -> Zenwalk,
// Corel -> Xandros, Medialinux -> Mediainlinux -> ArtistX), a "B2D" row
// whose name-change slot holds "INFO:" and no name, Swift's parent antiX
// left out of the excerpt, two works told apart by a trailing space inside
// the quotes ("Hiweed Linux" and "Hiweed Linux ", later "Linux Deepin",
// "Deepin" and "deepin"), and one connector SLS -> Debian. By hand: 19
// works (18 N rows and antiX), 16 parent links and 1 connector.
TEST(GnucladImportTest, TheDistributionTimelineImportsAsItIs) {
  ImportReport r;
  const std::string path = testing::Fixture("datasets/ldt-excerpt.csv");
  EXPECT_EQ(DetectFormat(path), Format::kGnuclad);
  auto g = LoadGraph(path, {.import = {}, .report = &r});
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 19u);
  EXPECT_EQ(g->num_links(), 17u);
  EXPECT_FALSE(g->FindId("Gnu-HALO"));  // "#N": commented out.
  EXPECT_EQ(g->date(*g->FindId("Slackware")).ToString(), "1993-07-16");
  EXPECT_EQ(g->date(*g->FindId("SLS")).ToString(), "1992-06");
  EXPECT_EQ(g->kind(*g->FindId("Debian")), model::Kind::kSoftware);
  const model::WorkDetails& burapha =
      testing::WorkOf(*g, *g->FindId("Burapha")).details;
  EXPECT_EQ(burapha.note, "stopped 2013-09-07");
  EXPECT_EQ(burapha.url, "https://distroware.gitlab.io/os/Linux/b/burapha");
  // Dist by hand: DVL <- Damn Small Linux <- Knoppix <- Debian <- SLS.
  EXPECT_EQ(Count(*g, "Damn Vulnerable Linux", Direction::kAncestors), 4u);
  // SLS: the Slackware family (6) and, by the connector, Debian's (10).
  EXPECT_EQ(Count(*g, "SLS", Direction::kDescendants), 16u);
  // Spaces inside quotes are data: two works.
  EXPECT_EQ(Count(*g, "Hiweed Linux", Direction::kAncestors), 2u);
  EXPECT_EQ(Count(*g, "Hiweed Linux ", Direction::kAncestors), 3u);
  EXPECT_EQ(Count(*g, "Wolvix", Direction::kAncestors), 3u);
  // Later names are aliases: found by name.
  for (auto [name, id] : {std::pair{"Zenwalk", "Minislack"},
                          {"Xandros", "Corel"},
                          {"ArtistX", "Medialinux"},
                          {"Mediainlinux", "Medialinux"},
                          {"Linux Deepin", "Hiweed Linux "}}) {
    auto v = model::Resolve(*g, name);
    ASSERT_TRUE(v.ok()) << name;
    EXPECT_EQ(g->id(*v), id);
  }
  EXPECT_TRUE(testing::WorkOf(*g, *g->FindId("B2D")).details.aliases.empty());
  // antiX: a work known only by its name, counted.
  EXPECT_EQ(r.parents_without_row, 1u);
  EXPECT_NE(r.examples["parents without a row"].find("'antiX'"),
            std::string::npos);
  EXPECT_FALSE(g->date(*g->FindId("antiX")).known());
  EXPECT_EQ(r.undated_works, 1u);
  EXPECT_EQ(r.unreadable_dates, 0u);
}

// gnuclad itself finds parents by first name only; a parent written with a
// later name is found too, unless two works have had it.
TEST(GnucladImportTest, ParentsAreFoundByALaterNameOfOneWork) {
  auto g = Import(
      "N,Minislack,#000,,2004.5.21,,,,Zenwalk,2005.8.12,\n"
      "N,Child,#000,Zenwalk,2008,,,,\n"
      "N,A,#000,,2000,,,,Same,2001,\n"
      "N,B,#000,,2000,,,,Same,2002,\n"
      "N,C,#000,Same,2003,,,,\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(Count(*g, "Child", Direction::kAncestors), 1u);
  // "Same" fits two works: a work of its own, not a guess.
  EXPECT_TRUE(g->FindId("Same"));
}

// The example of gnuclad's manual: two nodes that swap names. Each keeps
// its own first name; the other's becomes an alias.
TEST(GnucladImportTest, SwappedNamesKeepTheirFirstNames) {
  auto g = Import(
      "N,Other Child,#faa,,2004.9.2,,,,\n"
      "N,John,#aaf,Other Child,2006,,,,Jack,2008.12,,\n"
      "N,Jack,#afa,Other Child,2006.3,,,,John,2008.12,,\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->num_works(), 3u);
  EXPECT_EQ(Count(*g, "Other Child", Direction::kDescendants), 2u);
  EXPECT_EQ(g->date(*g->FindId("Jack")).ToString(), "2006-03");
}

TEST(GnucladImportTest, BadRowsAreAllListedWithTheirLines) {
  auto g = Import(
      "N,A,#000,,2000,,,,\n"
      "X,what,is,this,row\n"
      "N,,#000,,2001,,,,\n"
      "C,2001,A,,,1,#000\n"
      "N,\"open,#000,,2002,,,,\n");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.status().problems(), 4u);
  const std::string all = g.status().ToString();
  for (const char* at : {"t.csv:2", "t.csv:3", "t.csv:4", "t.csv:5"})
    EXPECT_NE(all.find(at), std::string::npos) << all;
  EXPECT_NE(all.find("unknown type 'X'"), std::string::npos) << all;
}

// A date that is no date leaves the work undated, counted with an example;
// 00 months are read coarser and counted.
TEST(GnucladImportTest, DatesThatAreNoDatesAreCounted) {
  ImportReport r;
  auto g = Import(
      "N,A,#000,,sometime,,,,\n"
      "N,B,#000,A,2003.00,2004.13,,,\n",
      &r);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_FALSE(g->date(*g->FindId("A")).known());
  EXPECT_EQ(g->date(*g->FindId("B")).ToString(), "2003");
  EXPECT_EQ(r.unreadable_dates, 2u);  // "sometime", and the stop 2004.13.
  EXPECT_EQ(r.coarsened_dates, 1u);
  EXPECT_NE(r.examples["unreadable dates"].find("2004.13"), std::string::npos)
      << r.examples["unreadable dates"];
}

TEST(GnucladImportTest, OnlyGnucladRowsAreDetectedAsGnuclad) {
  EXPECT_TRUE(LooksLikeGnuclad(",,,\n\"#\",\"Nodes\"\nN,A,#000,,2000,,,\n"));
  EXPECT_TRUE(LooksLikeGnuclad("\"//\",\"x\"\n\"C\",\"2005\",\"a\",,\"b\"\n"));
  EXPECT_FALSE(LooksLikeGnuclad("id,date,parents\nN,2000,M\n"));
  EXPECT_FALSE(LooksLikeGnuclad("N,A\n"));  // Too few fields.
  EXPECT_EQ(DetectFormat(testing::TempFile("m.csv", "id,date\na,2000\n")),
            Format::kTable);
}

}  // namespace
}  // namespace lineage::io
