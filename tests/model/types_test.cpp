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
  // A graph's own relations: influence by the range of their id.
  EXPECT_TRUE(influence.Contains(Relation::kFirstCustomInfluence));
  EXPECT_TRUE(influence.Contains(static_cast<Relation>(47)));
  EXPECT_FALSE(influence.Contains(Relation::kFirstCustomKnowledge));
  EXPECT_FALSE(influence.Contains(static_cast<Relation>(63)));
  EXPECT_TRUE(RelationSet::All().Contains(static_cast<Relation>(63)));
}

TEST(RelationVocabularyTest, NamesAreTokensMatchedLikeWorkNames) {
  RelationVocabulary v;
  auto ft = v.Define("Fine-tune", true);
  ASSERT_TRUE(ft.ok()) << ft.status().ToString();
  EXPECT_EQ(v.Name(*ft), "fine_tune");
  EXPECT_FALSE(IsBuiltIn(*ft));
  EXPECT_TRUE(IsInfluence(*ft));
  EXPECT_EQ(RelationName(*ft), "");  // Only the vocabulary names it.
  // Defined once per name, found by any spelling of it.
  EXPECT_EQ(*v.Define("fine tune", true), *ft);
  EXPECT_EQ(v.custom().size(), 1u);
  EXPECT_EQ(v.Find("FINETUNE"), *ft);
  EXPECT_EQ(v.Find("builds-on"), Relation::kBuildsOn);
  EXPECT_FALSE(v.Find("cousin"));
  EXPECT_EQ(v.ParseSet("fine_tune"), RelationSet().Add(*ft));
  EXPECT_TRUE(v.ParseSet("influence")->Contains(*ft));
  EXPECT_NE(v.SetNames().find("fine_tune"), std::string::npos);
  EXPECT_FALSE(v.Define("--", true).ok());
}

TEST(RelationVocabularyTest, ABuiltInNameWithTheOtherStandingIsTheGraphsOwn) {
  RelationVocabulary v;
  EXPECT_EQ(*v.Define("cites", true), Relation::kCites);
  EXPECT_TRUE(v.custom().empty());
  auto knowledge = v.Define("cites", false);
  ASSERT_TRUE(knowledge.ok());
  EXPECT_NE(*knowledge, Relation::kCites);
  EXPECT_FALSE(IsInfluence(*knowledge));
  EXPECT_EQ(v.Name(*knowledge), "cites");
  EXPECT_EQ(v.Find("cites"), *knowledge);  // The graph's own comes first.
}

TEST(RelationVocabularyTest, EachRangeHasRoomForItsIdsAndNoMore) {
  RelationVocabulary v;
  for (int i = 0; i < 32; ++i)
    ASSERT_TRUE(v.Define("kind " + std::to_string(i), true).ok()) << i;
  auto full = v.Define("kind 32", true);
  ASSERT_FALSE(full.ok());
  EXPECT_NE(full.status().message().find("at most 32"), std::string::npos)
      << full.status().message();
  for (int i = 0; i < 16; ++i)
    ASSERT_TRUE(v.Define("fact " + std::to_string(i), false).ok()) << i;
  EXPECT_FALSE(v.Define("fact 16", false).ok());
  for (const auto& c : v.custom())
    EXPECT_LT(static_cast<unsigned>(c.id), kRelationIds);
}

TEST(RelationVocabularyTest, OfRefusesWhatNoVocabularyDefines) {
  using C = RelationVocabulary::Custom;
  const Relation first = Relation::kFirstCustomInfluence;
  EXPECT_TRUE(RelationVocabulary::Of({{first, "merge"}}));
  EXPECT_FALSE(RelationVocabulary::Of({C{Relation::kCites, "cites"}}));
  EXPECT_FALSE(RelationVocabulary::Of({{first, "a"}, {first, "b"}}));
  EXPECT_FALSE(RelationVocabulary::Of({{first, "--"}}));
  EXPECT_FALSE(RelationVocabulary::Of({{static_cast<Relation>(12), "x"}}));
  EXPECT_FALSE(RelationVocabulary::Of({{static_cast<Relation>(64), "x"}}));
}

}  // namespace
}  // namespace lineage::model
