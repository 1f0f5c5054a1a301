#include "io/line_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "testing/fixtures.h"

namespace lineage::io {
namespace {

struct Read {
  std::string text;
  std::size_t number;
  bool overlong;
  std::uint64_t length;
};

std::vector<Read> ReadAll(const std::string& content,
                          std::size_t max_line = 1 << 20) {
  LineReader reader(max_line);
  EXPECT_TRUE(reader.Open(testing::TempFile("t.txt", content), 1 << 30).ok());
  std::vector<Read> lines;
  TextLine line;
  while (reader.Next(&line))
    lines.push_back(
        {std::string(line.text), line.number, line.overlong, line.length});
  EXPECT_TRUE(reader.status().ok());
  return lines;
}

TEST(LineReaderTest, CrlfAndAMissingFinalNewline) {
  auto lines = ReadAll("a b\r\n\r\nc d");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].text, "a b");
  EXPECT_EQ(lines[1].text, "");
  EXPECT_EQ(lines[2].text, "c d");
  EXPECT_EQ(lines[2].number, 3u);
}

TEST(LineReaderTest, AnEmptyFileHasNoLines) {
  EXPECT_TRUE(ReadAll("").empty());
  EXPECT_EQ(ReadAll("\n").size(), 1u);
}

TEST(LineReaderTest, LinesAcrossBlockBoundariesComeBackWhole) {
  // 4 MiB blocks: 700,000 lines of "NNNNNN\tNNNNNN" cross several.
  std::string content;
  for (int i = 0; i < 700'000; ++i)
    content += std::to_string(100000 + i) + "\t" + std::to_string(i) + "\n";
  auto lines = ReadAll(content);
  ASSERT_EQ(lines.size(), 700'000u);
  for (int i = 0; i < 700'000; i += 1009) {
    ASSERT_EQ(lines[i].text,
              std::to_string(100000 + i) + "\t" + std::to_string(i));
  }
}

TEST(LineReaderTest, AnOverlongLineIsFlaggedWithItsLengthAndReadingGoesOn) {
  std::string content = "ok\n" + std::string(5'000'000, 'x') + "\nafter\n";
  auto lines = ReadAll(content, 1000);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_FALSE(lines[0].overlong);
  EXPECT_TRUE(lines[1].overlong);
  EXPECT_EQ(lines[1].length, 5'000'000u);
  EXPECT_EQ(lines[1].text.size(), 1000u);
  EXPECT_EQ(lines[2].text, "after");
  EXPECT_EQ(lines[2].number, 3u);
}

TEST(LineReaderTest, MissingFilesAndFoldersAreRefused) {
  LineReader reader(100);
  EXPECT_EQ(reader.Open("/nonexistent/file.tsv", 100).code(),
            base::Status::Code::kNotFound);
  EXPECT_EQ(reader.Open("/tmp", 100).code(), base::Status::Code::kIoError);
}

}  // namespace
}  // namespace lineage::io

namespace lineage::io {
namespace {

std::vector<std::string> LinesOf(const std::string& path, bool gunzip) {
  LineReader reader(1 << 20, gunzip);
  EXPECT_TRUE(reader.Open(path, 1 << 30).ok());
  std::vector<std::string> lines;
  TextLine line;
  while (reader.Next(&line)) lines.emplace_back(line.text);
  EXPECT_TRUE(reader.status().ok()) << reader.status().ToString();
  return lines;
}

// With gunzip, a gzip file (here two members, as `cat a.gz b.gz` makes) is
// the text it holds, and a plain file is read as it is; without, gzip is
// bytes.
TEST(LineReaderTest, GzipIsDecompressedAndPlainTextReadAsIs) {
  const std::string gz = testing::Fixture("datasets/openalex-works.jsonl.gz");
  const std::string plain = testing::Fixture("datasets/openalex-works.jsonl");
  EXPECT_EQ(LinesOf(gz, true), LinesOf(plain, false));
  EXPECT_EQ(LinesOf(plain, true), LinesOf(plain, false));
  EXPECT_NE(LinesOf(gz, false), LinesOf(plain, false));
}

}  // namespace
}  // namespace lineage::io
