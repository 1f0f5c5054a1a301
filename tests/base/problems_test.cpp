#include "base/problems.h"

#include <gtest/gtest.h>

namespace lineage::base {
namespace {

Diagnostic At(int line) { return {{"t.csv", line, 0}, "bad", "fix it"}; }

TEST(ProblemListTest, CountsEveryProblemAndKeepsTheFirstOfEachKind) {
  ProblemList problems(2);
  for (int line = 1; line <= 40; ++line) problems.Add("malformed dates", At(line));
  problems.Add("missing ids", At(41));
  EXPECT_EQ(problems.total(), 41u);
  EXPECT_EQ(problems.count("malformed dates"), 40u);
  EXPECT_EQ(problems.count("missing ids"), 1u);
  Status s = problems.ToStatus("the table", "t.csv");
  EXPECT_EQ(s.code(), Status::Code::kInvalidData);
  EXPECT_EQ(s.problems(), 41u);  // The true total, not the list's length.
  EXPECT_EQ(s.message(),
            "41 problems in the table (the first 2 of each kind listed)");
  ASSERT_EQ(s.diagnostics().size(), 4u);
  EXPECT_EQ(s.diagnostics()[0].where.line, 1);
  EXPECT_EQ(s.diagnostics()[1].where.line, 2);
  EXPECT_EQ(s.diagnostics()[2].where.line, 41);
  EXPECT_EQ(s.diagnostics()[3].message, "and 38 more: malformed dates");
}

TEST(ProblemListTest, NoProblemsIsOk) {
  ProblemList problems;
  EXPECT_TRUE(problems.empty());
  EXPECT_TRUE(problems.ToStatus("x", "f").ok());
  problems.Add("one", At(3));
  Status s = problems.ToStatus("the table", "t.csv");
  EXPECT_EQ(s.message(), "1 problem in the table");
  EXPECT_EQ(s.diagnostics().size(), 1u);
}

}  // namespace
}  // namespace lineage::base
