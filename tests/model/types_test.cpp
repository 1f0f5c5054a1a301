#include "model/types.h"

#include <gtest/gtest.h>

namespace lineage::model {
namespace {

TEST(DateTest, ParsesYearMonthAndDayPrecision) {
  auto y = Date::Parse("2014");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->ToString(), "2014");
  auto m = Date::Parse("2014-12");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->month, 12);
  EXPECT_EQ(m->ToString(), "2014-12");
  auto d = Date::Parse("2020-02-29");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->ToString(), "2020-02-29");
}

TEST(DateTest, RejectsMalformedDatesWithTheExpectedForm) {
  for (const char* bad :
       {"", "14", "2014-13", "2014-1", "2021-02-29", "2014-12-01-01",
        "Dec 2014", "2014/12", "0999", "2014-00", "2014-12-32", "+2014"}) {
    auto r = Date::Parse(bad);
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("YYYY-MM"), std::string::npos);
    }
  }
}

TEST(DateTest, ComparesAtTheCommonPrecision) {
  Date y2015{2015, 0, 0}, nov{2015, 11, 0}, dec1{2015, 12, 1};
  EXPECT_EQ(CompareAtCommonPrecision(y2015, nov), 0);
  EXPECT_LT(CompareAtCommonPrecision(nov, dec1), 0);
  EXPECT_GT(CompareAtCommonPrecision(dec1, nov), 0);
  EXPECT_LT(CompareAtCommonPrecision(Date{2014, 12, 0}, y2015), 0);
}

TEST(KindAndRelationTest, NamesRoundTrip) {
  for (Kind k : AllKinds()) EXPECT_EQ(ParseKind(KindName(k)), k);
  for (Relation r : AllRelations())
    EXPECT_EQ(ParseRelation(RelationName(r)), r);
  EXPECT_FALSE(ParseKind("modle"));
  EXPECT_FALSE(ParseRelation("inspired"));
}

TEST(RelationSetTest, InfluenceHoldsTheLineageRelationsOnly) {
  RelationSet influence = RelationSet::Influence();
  EXPECT_TRUE(influence.Contains(Relation::kBuildsOn));
  EXPECT_TRUE(influence.Contains(Relation::kReplicates));
  EXPECT_FALSE(influence.Contains(Relation::kTrainedOn));
  EXPECT_FALSE(influence.Contains(Relation::kPublishedBy));
  for (Relation r : AllRelations()) {
    EXPECT_EQ(influence.Contains(r), IsInfluence(r));
    EXPECT_TRUE(RelationSet::All().Contains(r));
  }
}

}  // namespace
}  // namespace lineage::model
