#include "base/intern.h"

#include <gtest/gtest.h>

#include <string>

namespace lineage::base {
namespace {

TEST(StringPoolTest, StringsComeBackByIndexIncludingEmptyOnes) {
  StringPool pool;
  EXPECT_EQ(pool.Add("gan"), 0u);
  EXPECT_EQ(pool.Add(""), 1u);
  EXPECT_EQ(pool.Add("dcgan"), 2u);
  EXPECT_EQ(pool.Get(0), "gan");
  EXPECT_EQ(pool.Get(1), "");
  EXPECT_EQ(pool.Get(2), "dcgan");
  EXPECT_EQ(pool.size(), 3u);
}

TEST(StringPoolTest, AdoptRefusesEndsThatRunBackwardsOrPastTheBytes) {
  StringPool pool;
  EXPECT_FALSE(pool.Adopt("abc", {2, 1}));
  EXPECT_FALSE(pool.Adopt("abc", {4}));
  EXPECT_EQ(pool.size(), 0u);
  ASSERT_TRUE(pool.Adopt("abc", {1, 3}));
  EXPECT_EQ(pool.Get(1), "bc");
}

TEST(InternTableTest, TheSameStringGetsTheSameIndexThroughManyGrowths) {
  InternTable table;
  for (int i = 0; i < 100'000; ++i) {
    auto [index, added] = table.Intern(std::to_string(i * 7));
    ASSERT_TRUE(added);
    ASSERT_EQ(index, static_cast<std::uint32_t>(i));
  }
  for (int i = 0; i < 100'000; i += 997) {
    auto [index, added] = table.Intern(std::to_string(i * 7));
    EXPECT_FALSE(added);
    EXPECT_EQ(index, static_cast<std::uint32_t>(i));
    EXPECT_EQ(table.Find(std::to_string(i * 7)), index);
  }
  EXPECT_FALSE(table.Find("1"));  // 1 is no multiple of 7.
  EXPECT_FALSE(table.Find(""));
  EXPECT_EQ(table.size(), 100'000u);
}

TEST(InternTableTest, AdoptIndexesAPoolAndRefusesDuplicates) {
  StringPool pool;
  pool.Add("a");
  pool.Add("b");
  InternTable table;
  ASSERT_TRUE(table.Adopt(pool));
  EXPECT_EQ(table.Find("b"), 1u);
  pool.Add("a");
  EXPECT_FALSE(table.Adopt(pool));
  EXPECT_EQ(table.size(), 0u);
}

// Adopt hashes strings some way ahead of inserting them: a duplicate far
// from its twin, and the last strings, must still be seen.
TEST(InternTableTest, AdoptSeesEveryStringOfABigPool) {
  StringPool pool;
  for (int i = 0; i < 5000; ++i) pool.Add("w" + std::to_string(i));
  InternTable table;
  ASSERT_TRUE(table.Adopt(pool));
  for (int i = 0; i < 5000; ++i)
    ASSERT_EQ(table.Find("w" + std::to_string(i)), std::uint32_t(i));
  pool.Add("w17");
  EXPECT_FALSE(table.Adopt(pool));
}

TEST(InternTableTest, UnindexedStringsAreFoundAfterReindex) {
  InternTable table;
  table.Intern("w");
  EXPECT_EQ(table.AddUnindexed("1001"), 1u);
  EXPECT_FALSE(table.Find("1001"));  // Not yet indexed.
  ASSERT_TRUE(table.Reindex());
  EXPECT_EQ(table.Find("1001"), 1u);
  EXPECT_EQ(table.Find("w"), 0u);
  table.AddUnindexed("w");        // A broken promise of uniqueness...
  EXPECT_FALSE(table.Reindex());  // ...is caught.
}

}  // namespace
}  // namespace lineage::base
