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

namespace lineage::base {
namespace {

TEST(SpellOptionsTest, EachFrontEndNamesOptionsItsOwnWay) {
  const std::string text = "too many works: narrow the view (" +
                           OptionRef("focus") + ") or raise the limit (" +
                           OptionRef("max_works") + ")";
  EXPECT_EQ(SpellOptions(
                text, [](std::string_view o) { return "--" + std::string(o); }),
            "too many works: narrow the view (--focus) or raise the limit "
            "(--max_works)");
  EXPECT_EQ(SpellOptions("no options here",
                         [](std::string_view) { return std::string("x"); }),
            "no options here");
  // An unclosed reference is left as it is.
  EXPECT_EQ(SpellOptions("a [[b", [](std::string_view) { return "x"; }),
            "a [[b");
}

TEST(SpellOptionsTest, ReachesEveryDiagnostic) {
  Status s = Status::InvalidData(
      "bad " + OptionRef("a"),
      {{{"f", 1, 0}, "m " + OptionRef("b"), "fix " + OptionRef("c")}});
  Status spelled = SpellOptions(
      s, [](std::string_view o) { return "<" + std::string(o) + ">"; });
  EXPECT_EQ(spelled.message(), "bad <a>");
  ASSERT_EQ(spelled.diagnostics().size(), 1u);
  EXPECT_EQ(spelled.diagnostics()[0].message, "m <b>");
  EXPECT_EQ(spelled.diagnostics()[0].fix, "fix <c>");
  EXPECT_EQ(spelled.code(), Status::Code::kInvalidData);
}

}  // namespace
}  // namespace lineage::base
