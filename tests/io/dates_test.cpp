#include "io/dates.h"

#include <gtest/gtest.h>

namespace lineage::io {
namespace {

std::string Read(std::string_view text) {
  auto d = ParseLooseDate(text);
  return d ? d->date.ToString() : "refused";
}

TEST(LooseDateTest, IsoFormsWithAndWithoutPadding) {
  EXPECT_EQ(Read("2014"), "2014");
  EXPECT_EQ(Read("2014-12"), "2014-12");
  EXPECT_EQ(Read("2014-6"), "2014-06");
  EXPECT_EQ(Read("2014-12-08"), "2014-12-08");
  EXPECT_EQ(Read("2014-1-8"), "2014-01-08");
  EXPECT_EQ(Read("  2014-12 "), "2014-12");
}

TEST(LooseDateTest, DottedAndSlashedFormsOfTimelines) {
  EXPECT_EQ(Read("1993.7.16"), "1993-07-16");
  EXPECT_EQ(Read("1992.6"), "1992-06");
  EXPECT_EQ(Read("2001/09/30"), "2001-09-30");
  EXPECT_EQ(Read("1993.7-16"), "refused");  // Mixed separators.
}

TEST(LooseDateTest, DateTimesKeepTheDateAsWrittenInTheirZone) {
  EXPECT_EQ(Read("2025-03-11 19:27:29+00:00"), "2025-03-11");
  EXPECT_EQ(Read("2025-03-11T19:27:29Z"), "2025-03-11");
  EXPECT_EQ(Read("2025-03-11T23:59:59.123-0800"), "2025-03-11");
  EXPECT_EQ(Read("2025-03-11T19:27"), "2025-03-11");
  EXPECT_EQ(Read("2025-03-11 19:27:29 UTC"), "2025-03-11");
  EXPECT_EQ(Read("2025-03-11Tnoon"), "refused");
  EXPECT_EQ(Read("2025-03 19:27"), "refused");
}

TEST(LooseDateTest, UnixSecondsWithinTheYearsADateHolds) {
  EXPECT_EQ(Read("1423000000"), "2015-02-03");
  EXPECT_EQ(Read("253402300799"), "9999-12-31");
  EXPECT_EQ(Read("253402300800"), "refused");  // Year 10000.
  EXPECT_EQ(Read("99999999999999999999999"), "refused");
  EXPECT_EQ(Read("-100000000"), "1966-10-31");
}

TEST(LooseDateTest, ZeroMonthOrDayMeansTheCoarserPrecision) {
  auto d = ParseLooseDate("1998-00-00");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date.ToString(), "1998");
  EXPECT_TRUE(d->coarsened);
  d = ParseLooseDate("2003.5.0");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date.ToString(), "2003-05");
  EXPECT_TRUE(d->coarsened);
  d = ParseLooseDate("2003-05");
  ASSERT_TRUE(d);
  EXPECT_FALSE(d->coarsened);
}

TEST(LooseDateTest, RefusesWhatIsNoDate) {
  for (std::string_view bad :
       {"", "  ", "unknown", "999", "14-12-08", "2014-13", "2014-02-30",
        "2014-12-08-01", "20145", "2014-123", "0000", "2014-", "2014-1-"})
    EXPECT_EQ(Read(bad), "refused") << bad;
  EXPECT_EQ(Read("2016-02-29"), "2016-02-29");
  EXPECT_EQ(Read("2015-02-29"), "refused");
}

}  // namespace
}  // namespace lineage::io
