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
  // A folder where the file should be makes the final rename fail.
  fs::path blocked = dir / "blocked";
  fs::create_directories(blocked / "child");
  base::Status s = WriteFileAtomically(blocked, "new");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), base::Status::Code::kIoError);
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

}  // namespace
}  // namespace lineage::io
