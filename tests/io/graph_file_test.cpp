#include "io/graph_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "io/load.h"
#include "io/table_import.h"
#include "io/yaml_loader.h"
#include "testing/fixtures.h"

namespace lineage::io {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

TEST(GraphFileTest, TheCuratedGraphComesBackWithItsDetails) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  std::string path = testing::TempFile("g.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  EXPECT_TRUE(IsGraphFile(path));
  auto back = LoadGraph(path);  // LoadGraph knows the format by its magic.
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->num_works(), g->num_works());
  ASSERT_EQ(back->num_links(), g->num_links());
  ASSERT_EQ(back->eras().size(), g->eras().size());
  for (model::VertexId v = 0; v < g->num_works(); ++v) {
    model::Work a = testing::WorkOf(*g, v), b = testing::WorkOf(*back, v);
    EXPECT_EQ(a.id, b.id);
    EXPECT_EQ(a.name, b.name);
    EXPECT_EQ(a.details.aliases, b.details.aliases);
    EXPECT_EQ(a.date.ToString(), b.date.ToString());
    EXPECT_EQ(a.details.summary, b.details.summary);
    EXPECT_EQ(a.details.where.ToString(), b.details.where.ToString());
  }
  for (model::EdgeId e = 0; e < g->num_links(); ++e) {
    EXPECT_EQ(testing::LinkOf(*back, e).details.evidence,
              testing::LinkOf(*g, e).details.evidence);
    EXPECT_EQ(testing::LinkOf(*back, e).details.where.ToString(),
              testing::LinkOf(*g, e).details.where.ToString());
  }
  EXPECT_TRUE(back->has_details());
}

TEST(GraphFileTest, AttributeColumnsComeBack) {
  ImportOptions o;
  o.nodes = testing::TempFile("n.tsv", "a\t2014\tGAN\tNeurIPS\t7\n");
  auto g = ImportTable(testing::TempFile("e.tsv", "b\ta\n"), o, nullptr);
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("attr.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  auto back = ReadGraphFile(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ASSERT_EQ(back->attributes().size(), 2u);
  EXPECT_EQ(back->attributes()[1].name, "column5");
  EXPECT_EQ(back->attribute(0, *back->FindId("a")), "NeurIPS");
  EXPECT_EQ(back->attribute(1, *back->FindId("b")), "");
}

TEST(GraphFileTest, AnImportComesBackWithItsLabelsAndDates) {
  ImportOptions o;
  o.nodes = testing::Fixture("datasets/hepth-dates.txt");
  o.numeric_ids = true;
  auto g =
      ImportTable(testing::Fixture("datasets/hepth-excerpt.txt"), o, nullptr);
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("h.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  auto back = ReadGraphFile(path);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->num_links(), g->num_links());
  EXPECT_EQ(back->date(*back->FindId("1002")).ToString(), "1992-03-08");
  ASSERT_EQ(back->attributes().size(), g->attributes().size());
  EXPECT_FALSE(back->has_details());
  EXPECT_TRUE(back->simple());
}

// Every cut of the file is refused with a message, never a crash.
TEST(GraphFileTest, EveryTruncationIsRefusedCleanly) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("t.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  const std::string whole = Slurp(path);
  for (std::size_t cut = 0; cut < whole.size(); cut += 7) {
    std::string part = testing::TempFile("cut.lgraph", whole.substr(0, cut));
    auto r = ReadGraphFile(part);
    ASSERT_FALSE(r.ok()) << cut;
    EXPECT_EQ(r.status().code(), base::Status::Code::kInvalidData);
    EXPECT_NE(r.status().message().find(cut < 8 ? "not a lineage graph"
                                                : "truncated or corrupt"),
              std::string::npos)
        << cut << ": " << r.status().message();
  }
}

// A changed byte that leaves every length and range valid (here a letter
// of a summary) is caught by the checksum, as are changed in-links.
TEST(GraphFileTest, AChangedByteIsCaughtByTheChecksum) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("c.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  const std::string whole = Slurp(path);
  const std::string summary = g->details(0).summary;
  ASSERT_FALSE(summary.empty());
  std::string changed = whole;
  changed[changed.find(summary)] ^= 0x20;  // Upper to lower case.
  auto r = ReadGraphFile(testing::TempFile("c1.lgraph", changed));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("corrupt (in its checksum)"),
            std::string::npos)
      << r.status().message();
  // The 4 bytes before the 8 of the checksum are the last in-link's link
  // id: make it another valid one (0 or 1).
  changed = whole;
  const std::size_t last_link = changed.size() - 8 - 4;
  changed[last_link] = changed[last_link] == 0 ? 1 : 0;
  r = ReadGraphFile(testing::TempFile("c2.lgraph", changed));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("checksum"), std::string::npos)
      << r.status().message();
}

TEST(GraphFileTest, AnotherVersionAndOtherFilesAreNamed) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("v.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  std::string bytes = Slurp(path);
  bytes[8] = 9;  // The format version.
  auto r = ReadGraphFile(testing::TempFile("v9.lgraph", bytes));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("format 9"), std::string::npos)
      << r.status().message();
  EXPECT_FALSE(IsGraphFile(testing::Fixture("good.yaml")));
  EXPECT_EQ(ReadGraphFile("/nonexistent.lgraph").status().code(),
            base::Status::Code::kNotFound);
}

// A header claiming a 2 GB section in a file of that length made of no
// disk blocks: refused before anything is allocated or read.
TEST(GraphFileTest, ASparseFileIsRefusedBeforeReading) {
  auto g = LoadGraph(testing::Fixture("good.yaml"));
  ASSERT_TRUE(g.ok());
  std::string path = testing::TempFile("s.lgraph", "");
  ASSERT_TRUE(WriteGraphFile(*g, path).ok());
  std::string head = Slurp(path).substr(0, 16);
  std::string sparse = testing::TempFile("sparse.lgraph", head);
  std::filesystem::resize_file(sparse, std::uint64_t{2} << 30);
  struct stat st {};
  ASSERT_EQ(stat(sparse.c_str(), &st), 0);
  if (static_cast<std::uint64_t>(st.st_blocks) * 512 > (std::uint64_t{1} << 20))
    GTEST_SKIP() << "this file system does not make sparse files";
  auto r = ReadGraphFile(sparse);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("it is sparse"), std::string::npos)
      << r.status().message();
  std::filesystem::remove(sparse);
}

}  // namespace
}  // namespace lineage::io
