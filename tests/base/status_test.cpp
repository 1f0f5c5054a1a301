#include "base/status.h"

#include <gtest/gtest.h>

namespace lineage::base {
namespace {

TEST(StatusTest, DefaultIsOk) {
  Status s;
  EXPECT_TRUE(s.ok());
  EXPECT_EQ(s.ToString(), "OK");
}

TEST(StatusTest, InvalidDataListsEveryDiagnosticWithLocationAndFix) {
  Status s = Status::InvalidData(
      "2 problems", {{{"a.yaml", 3, 5}, "unknown kind 'modle'", "use model"},
                     {{"b.yaml", 0, 0}, "empty", ""}});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kInvalidData);
  EXPECT_EQ(s.ToString(),
            "2 problems\n"
            "a.yaml:3:5: error: unknown kind 'modle' (fix: use model)\n"
            "b.yaml: error: empty");
}

TEST(StatusTest, LocationPrintsOnlyWhatIsKnown) {
  EXPECT_EQ((SourceLocation{"f", 2, 0}).ToString(), "f:2");
  EXPECT_EQ((SourceLocation{"", 2, 3}).ToString(), "");
}

TEST(ResultTest, HoldsValueOrStatus) {
  Result<int> good = 7;
  ASSERT_TRUE(good.ok());
  EXPECT_EQ(*good, 7);
  EXPECT_TRUE(good.status().ok());
  Result<int> bad = Status::NotFound("no such work");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), Status::Code::kNotFound);
  EXPECT_EQ(bad.status().message(), "no such work");
}

}  // namespace
}  // namespace lineage::base
