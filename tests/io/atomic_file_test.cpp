#include "io/atomic_file.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <random>

namespace lineage::io {
namespace {

namespace fs = std::filesystem;

fs::path FreshDir() {
  fs::path p = fs::temp_directory_path() /
               ("lineage-atomic-" + std::to_string(std::random_device{}()));
  fs::remove_all(p);
  return p;
}

TEST(WriteFileAtomicallyTest, CreatesMissingFoldersAndWritesEverything) {
  fs::path dir = FreshDir();
  fs::path file = dir / "a" / "b" / "out.json";
  ASSERT_TRUE(WriteFileAtomically(file, "{\"ok\": true}\n").ok());
  EXPECT_EQ(*ReadFile(file, 1024), "{\"ok\": true}\n");
  // Readable like any other output, not mkstemp's 0600.
  struct stat st {};
  ASSERT_EQ(::stat(file.c_str(), &st), 0);
  EXPECT_TRUE(st.st_mode & S_IRGRP);
  fs::remove_all(dir);
}

TEST(WriteFileAtomicallyTest, ReplacesOldContentAndLeavesNoTemporaryFile) {
  fs::path dir = FreshDir();
  fs::path file = dir / "out.txt";
  ASSERT_TRUE(WriteFileAtomically(file, "old").ok());
  ASSERT_TRUE(WriteFileAtomically(file, "new").ok());
  EXPECT_EQ(*ReadFile(file, 1024), "new");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
  fs::remove_all(dir);
}

TEST(WriteFileAtomicallyTest, FailureLeavesTheOldFileIntact) {
  fs::path dir = FreshDir();
  fs::create_directories(dir);
  fs::path file = dir / "out.txt";
  ASSERT_TRUE(WriteFileAtomically(file, "precious").ok());
  // A folder where the file should be is refused before anything is
  // written (it is no regular file to replace).
  fs::path blocked = dir / "blocked";
  fs::create_directories(blocked / "child");
  base::Status s = WriteFileAtomically(blocked, "new");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), base::Status::Code::kInvalidArgument);
  EXPECT_NE(s.message().find("blocked"), std::string::npos) << s.message();
  EXPECT_EQ(*ReadFile(file, 1024), "precious");
  int entries = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 2);  // out.txt and blocked/: no temporary left behind.
  fs::remove_all(dir);
}

TEST(WriteFileAtomicallyTest, UnwritableFolderIsAnIoError) {
  base::Status s = WriteFileAtomically("/proc/lineage/out.txt", "x");
  EXPECT_EQ(s.code(), base::Status::Code::kIoError);
}

TEST(ReadFileTest, MissingFileIsNotFound) {
  EXPECT_EQ(ReadFile("/no/such/file", 10).status().code(),
            base::Status::Code::kNotFound);
}

// A device or a FIFO is never replaced by a regular file (as root, "-o
// /dev/null" would replace the system's own).
TEST(WriteFileAtomicallyTest, DevicesAndFifosAreRefused) {
  auto null = WriteFileAtomically("/dev/null", "x");
  EXPECT_EQ(null.code(), base::Status::Code::kInvalidArgument)
      << null.message();
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  fs::path dir = FreshDir();
  fs::create_directories(dir);
  fs::path fifo = dir / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(WriteFileAtomically(fifo, "x").code(),
            base::Status::Code::kInvalidArgument);
  EXPECT_TRUE(fs::is_fifo(fifo));
  fs::remove_all(dir);
}

// A symlink is written through, and a replaced file keeps its mode.
TEST(WriteFileAtomicallyTest, LinksAreFollowedAndModesKept) {
  fs::path dir = FreshDir();
  fs::create_directories(dir);
  fs::path target = dir / "target.svg", link = dir / "link.svg";
  ASSERT_TRUE(WriteFileAtomically(target, "old").ok());
  ASSERT_EQ(::chmod(target.c_str(), 0600), 0);
  fs::create_symlink("target.svg", link);
  ASSERT_TRUE(WriteFileAtomically(link, "new").ok());
  EXPECT_TRUE(fs::is_symlink(link));
  EXPECT_EQ(*ReadFile(target, 16), "new");
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  // A dangling link makes its target.
  fs::create_symlink("made.svg", dir / "dangling.svg");
  ASSERT_TRUE(WriteFileAtomically(dir / "dangling.svg", "made").ok());
  EXPECT_EQ(*ReadFile(dir / "made.svg", 16), "made");
  // A loop of links is an error, not a hang.
  fs::create_symlink("loop-b", dir / "loop-a");
  fs::create_symlink("loop-a", dir / "loop-b");
  EXPECT_FALSE(WriteFileAtomically(dir / "loop-a", "x").ok());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lineage::io
