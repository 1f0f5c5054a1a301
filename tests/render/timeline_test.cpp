#include "render/timeline.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace lineage::render {
namespace {

model::Date D(std::string_view text) {
  if (text.empty()) return {};
  auto d = model::Date::Parse(text);
  EXPECT_TRUE(d.ok()) << text;
  return d.ok() ? *d : model::Date{};
}

// Items of one size (100 × 40 points) with these dates ("" undated).
std::vector<TimelineItem> Items(std::vector<std::string_view> dates) {
  std::vector<TimelineItem> items;
  for (std::string_view d : dates) items.push_back({D(d), 100, 40});
  return items;
}

std::vector<std::string> Ticks(const TimelineLayout& l) {
  std::vector<std::string> ticks;
  for (const TimelineColumn& c : l.columns) ticks.push_back(c.tick);
  return ticks;
}

TEST(TimelineTest, ColumnsFollowDatesAndTheRulerRunsInOrder) {
  // Given out of date order, with a gap at 2002.
  auto items = Items({"2003", "2000", "2001", "2001", "2000"});
  std::vector<TimelineLink> links{{1, 2}, {2, 0}, {4, 3}};
  TimelineLayout l =
      LayOutTimeline(items, links, {.resolution = Resolution::kYear});
  EXPECT_EQ(Ticks(l),
            (std::vector<std::string>{"tick-2000", "tick-2001", "tick-2003"}));
  EXPECT_EQ(l.column_of, (std::vector<std::size_t>{2, 0, 1, 1, 0}));
  for (std::size_t c = 1; c < l.columns.size(); ++c) {
    EXPECT_LT(l.columns[c - 1].centre, l.columns[c].centre);
    EXPECT_LT(l.tick_centre[c - 1].x, l.tick_centre[c].x);
  }
  EXPECT_FALSE(l.columns[1].after_gap);
  EXPECT_TRUE(l.columns[2].after_gap);  // 2002 is missing.
  // Works of a column share its x; the ruler sits above every work.
  EXPECT_EQ(l.centre[2].x, l.centre[3].x);
  EXPECT_EQ(l.centre[1].x, l.tick_centre[0].x);
  for (std::size_t i = 0; i < items.size(); ++i)
    EXPECT_LT(l.centre[i].y + 20, l.tick_centre[0].y - l.tick_size.y / 2);
}

TEST(TimelineTest, NoWorkOfAColumnOverlapsAnother) {
  auto items = Items({"2000", "2000", "2000", "2001"});
  items[1].height = 90;
  TimelineLayout l = LayOutTimeline(items, {}, {});
  std::vector<double> ys{l.centre[0].y, l.centre[1].y, l.centre[2].y};
  for (std::size_t a = 0; a < 3; ++a) {
    for (std::size_t b = a + 1; b < 3; ++b) {
      const double gap =
          std::abs(ys[a] - ys[b]) - (items[a].height + items[b].height) / 2;
      EXPECT_GE(gap, 14 - 1e-6) << a << " " << b;
    }
  }
}

TEST(TimelineTest, TopToBottomRunsTimeDownwards) {
  auto items = Items({"2000", "2001", "2002"});
  TimelineLayout l =
      LayOutTimeline(items, std::vector<TimelineLink>{{0, 1}, {1, 2}},
                     {.top_to_bottom = true});
  // Graphviz's y grows upwards: later is lower.
  EXPECT_GT(l.centre[0].y, l.centre[1].y);
  EXPECT_GT(l.centre[1].y, l.centre[2].y);
  EXPECT_EQ(l.centre[0].x, l.centre[1].x);  // A chain runs straight.
}

TEST(TimelineTest, LinkBackInTimeIsDrawnAndCountedAndMovesNoColumn) {
  // "base" is dated 2005 but "derived" (2001) names it as its parent.
  auto items = Items({"2001", "2005", "2003"});
  std::vector<TimelineLink> links{{1, 0}, {0, 2}};
  TimelineLayout l =
      LayOutTimeline(items, links, {.resolution = Resolution::kYear});
  EXPECT_EQ(Ticks(l),
            (std::vector<std::string>{"tick-2001", "tick-2003", "tick-2005"}));
  EXPECT_EQ(l.column_of, (std::vector<std::size_t>{0, 2, 1}));
  EXPECT_EQ(l.back_in_time, 1u);
  const TimelineRoute& back = l.routes[0];
  EXPECT_TRUE(back.back_in_time);
  EXPECT_FALSE(l.routes[1].back_in_time);
  // Drawn from the parent's left side to the arrow on the child's right.
  ASSERT_FALSE(back.points.empty());
  EXPECT_NEAR(back.points.front().x, l.centre[1].x - 50, 1e-6);
  EXPECT_NEAR(back.tip.x, l.centre[0].x + 50, 1e-6);
  EXPECT_GT(back.points.back().x, back.tip.x);  // The arrow points left.
  EXPECT_EQ(back.points.size() % 3, 1u);        // Whole Bézier segments.
}

TEST(TimelineTest, UndatedWorkSitsAfterItsLatestAncestor) {
  // 0 (2000) and 1 (2002) are parents of the undated 3; 4 is undated with
  // only a dated child, 2 (2004); 5 is undated and unlinked.
  auto items = Items({"2000", "2002", "2004", "", "", ""});
  std::vector<TimelineLink> links{{0, 3}, {1, 3}, {4, 2}};
  TimelineLayout l =
      LayOutTimeline(items, links, {.resolution = Resolution::kYear});
  EXPECT_EQ(Ticks(l), (std::vector<std::string>{"tick-2000", "tick-2002",
                                                "tick-2004", "tick-undated"}));
  EXPECT_EQ(l.column_of[3], 2u);  // Just after 2002.
  EXPECT_EQ(l.column_of[4], 1u);  // Just before 2004.
  EXPECT_EQ(l.column_of[5], 3u);  // Nothing to go by: the last column.
  EXPECT_TRUE(l.placed_by_links[3]);
  EXPECT_TRUE(l.placed_by_links[4]);
  EXPECT_FALSE(l.placed_by_links[5]);
  // All its links are routed.
  for (const TimelineRoute& r : l.routes) EXPECT_FALSE(r.points.empty());
}

TEST(TimelineTest, UndatedWorkBeforeEverythingGetsAFirstColumn) {
  auto items = Items({"", "2000"});
  TimelineLayout l = LayOutTimeline(items, std::vector<TimelineLink>{{0, 1}},
                                    {.resolution = Resolution::kYear});
  EXPECT_EQ(Ticks(l),
            (std::vector<std::string>{"tick-undated-first", "tick-2000"}));
  EXPECT_EQ(l.column_of, (std::vector<std::size_t>{0, 1}));
  EXPECT_FALSE(l.routes[0].points.empty());
}

TEST(TimelineTest, WorksSetApartGetTheLastColumnAndNoRoute) {
  auto items = Items({"2000", ""});
  items[1].apart = true;  // An organization.
  TimelineLayout l =
      LayOutTimeline(items, std::vector<TimelineLink>{{1, 0}}, {});
  EXPECT_EQ(Ticks(l), (std::vector<std::string>{"tick-2000", "tick-undated"}));
  EXPECT_TRUE(l.routes[0].points.empty());
  EXPECT_FALSE(l.placed_by_links[1]);
}

TEST(TimelineTest, LongLinkPassesThroughFreeSlots) {
  // 0 (2000) -> 3 (2003) passes 2001 and 2002, each holding a work.
  auto items = Items({"2000", "2001", "2002", "2003"});
  std::vector<TimelineLink> links{{0, 3}, {0, 1}, {1, 2}, {2, 3}};
  TimelineLayout l = LayOutTimeline(items, links, {});
  EXPECT_EQ(l.virtual_points, 2u);
  const TimelineRoute& r = l.routes[0];
  ASSERT_GE(r.points.size(), 4u);
  ASSERT_EQ(r.points.size() % 3, 1u);  // Whole cubic Bézier segments.
  // Wherever the curve crosses the column of work 1 or 2, it is clear of
  // that work's box (100 × 40).
  std::size_t near = 0;
  for (std::size_t i = 0; i + 3 < r.points.size(); i += 3) {
    for (int k = 0; k <= 40; ++k) {
      const double t = k / 40.0, u = 1 - t;
      const Point* p = &r.points[i];
      const double x = u * u * u * p[0].x + 3 * u * u * t * p[1].x +
                       3 * u * t * t * p[2].x + t * t * t * p[3].x;
      const double y = u * u * u * p[0].y + 3 * u * u * t * p[1].y +
                       3 * u * t * t * p[2].y + t * t * t * p[3].y;
      for (std::size_t work : {1u, 2u}) {
        if (std::abs(x - l.centre[work].x) <= 50) {
          ++near;
          EXPECT_GE(std::abs(y - l.centre[work].y), 20) << work;
        }
      }
    }
  }
  EXPECT_GT(near, 0u);
  EXPECT_NEAR(r.tip.x, l.centre[3].x - 50, 1e-6);
  EXPECT_NEAR(r.tip.y, l.centre[3].y, 1e-6);
}

TEST(TimelineTest, LinksPastTheSlotBudgetAreDrawnDirectly) {
  // 0 -> 4 needs three virtual points, 0 -> 2 one; a budget of two keeps
  // the shorter link's slot and draws the longer one directly.
  auto items = Items({"2000", "2001", "2002", "2003", "2004"});
  std::vector<TimelineLink> links{{0, 4}, {0, 2}};
  TimelineLayout l = LayOutTimeline(items, links, {.most_virtual_points = 2});
  EXPECT_EQ(l.virtual_points, 1u);
  EXPECT_EQ(l.direct, 1u);
  EXPECT_TRUE(l.routes[0].direct);
  EXPECT_EQ(l.routes[0].points.size(), 4u);  // One curve, box to box.
  EXPECT_FALSE(l.routes[1].direct);
  EXPECT_EQ(LayOutTimeline(items, links, {}).direct, 0u);
}

TEST(TimelineTest, OrderingRemovesAvoidableCrossings) {
  // Two columns, each given in an order that crosses every link: a0-b2,
  // a1-b1, a2-b0.
  auto items = Items({"2000", "2000", "2000", "2001", "2001", "2001"});
  std::vector<TimelineLink> links{{0, 5}, {1, 4}, {2, 3}, {0, 4}};
  TimelineLayout l = LayOutTimeline(items, links, {});
  EXPECT_EQ(l.crossings, 0u);
  // Check it on the picture: a link's ends keep their order across.
  auto above = [&](std::size_t a, std::size_t b) {
    return l.centre[a].y > l.centre[b].y;
  };
  EXPECT_EQ(above(0, 1), above(5, 4));
  EXPECT_EQ(above(1, 2), above(4, 3));
}

TEST(TimelineTest, CrossingsThatCannotBeAvoidedAreCounted) {
  // K(2,2): a0, a1 each linked to b0 and b1 cross once whatever the order.
  auto items = Items({"2000", "2000", "2001", "2001"});
  std::vector<TimelineLink> links{{0, 2}, {0, 3}, {1, 2}, {1, 3}};
  EXPECT_EQ(LayOutTimeline(items, links, {}).crossings, 1u);
}

TEST(TimelineTest, SameColumnLinkIsAnArcBesideTheColumn) {
  auto items = Items({"2000-03", "2000-09"});
  TimelineLayout l = LayOutTimeline(items, std::vector<TimelineLink>{{0, 1}},
                                    {.resolution = Resolution::kYear});
  const TimelineRoute& r = l.routes[0];
  EXPECT_TRUE(r.same_column);
  ASSERT_EQ(r.points.size(), 4u);
  EXPECT_GT(r.points[1].x, r.points[0].x);  // Bulging to the right.
}

TEST(TimelineTest, ResolutionOverrideNamesTicksByMonth) {
  // At months, a work dated only by its year gets its year's own column,
  // before the months of that year.
  auto items = Items({"2014-03", "2014", "2014-03-20", "2015-01"});
  TimelineLayout l =
      LayOutTimeline(items, {}, {.resolution = Resolution::kMonth});
  EXPECT_EQ(Ticks(l), (std::vector<std::string>{"tick-2014", "tick-2014-03",
                                                "tick-2015-01"}));
  EXPECT_TRUE(l.columns[2].after_gap);
  TimelineLayout days =
      LayOutTimeline(items, {}, {.resolution = Resolution::kDay});
  EXPECT_EQ(Ticks(days),
            (std::vector<std::string>{"tick-2014", "tick-2014-03",
                                      "tick-2014-03-20", "tick-2015-01"}));
  TimelineLayout quarters =
      LayOutTimeline(items, {}, {.resolution = Resolution::kQuarter});
  EXPECT_EQ(quarters.columns[1].label, "2014 Q1");
  EXPECT_EQ(quarters.columns[1].tick, "tick-2014-01");
}

TEST(TimelineTest, AFamilyOfTwoBusyYearsGetsQuarters) {
  // Fourteen works across 2014, two in 2015, in a chain: one column a year
  // would stack fourteen boxes; quarters spread them.
  std::vector<std::string> dates;
  for (int m = 1; m <= 12; ++m) dates.push_back(fmt::format("2014-{:02}", m));
  dates.push_back("2014-06");
  dates.push_back("2014-07");
  dates.push_back("2015-02");
  dates.push_back("2015-05");
  std::vector<std::string_view> views(dates.begin(), dates.end());
  auto items = Items(views);
  std::vector<TimelineLink> chain;
  for (std::size_t i = 0; i + 1 < items.size(); ++i)
    chain.push_back({i, i + 1});
  EXPECT_EQ(ChooseResolution(items, chain), Resolution::kQuarter);
}

TEST(TimelineTest, ACenturyOfSparseWorksGetsYearsOrDecades) {
  std::vector<std::string> dates;
  for (int y = 1950; y < 2000; y += 2) dates.push_back(std::to_string(y));
  std::vector<std::string_view> views(dates.begin(), dates.end());
  EXPECT_EQ(ChooseResolution(Items(views), {}), Resolution::kYear);
  dates.clear();
  for (int y = 1000; y < 2000; y += 3) dates.push_back(std::to_string(y));
  // 334 columns of one work: the ruler would run for metres.
  std::vector<std::string_view> many(dates.begin(), dates.end());
  EXPECT_EQ(ChooseResolution(Items(many), {}), Resolution::kDecade);
}

TEST(TimelineTest, ResolutionNamesRoundTrip) {
  for (Resolution r :
       {Resolution::kDecade, Resolution::kYear, Resolution::kQuarter,
        Resolution::kMonth, Resolution::kDay})
    EXPECT_EQ(ParseResolution(ResolutionName(r)), r);
  EXPECT_EQ(ParseResolution("week"), std::nullopt);
}

TEST(TimelineTest, CyclesAndStrayIndicesDoNotHang) {
  auto items = Items({"", "", "2000"});
  std::vector<TimelineLink> links{{0, 1}, {1, 0}, {1, 2}, {7, 0}, {0, 0}};
  TimelineLayout l = LayOutTimeline(items, links, {});
  EXPECT_EQ(l.columns.size(), 2u);  // Before 2000, and 2000.
  EXPECT_TRUE(l.routes[3].points.empty());
  EXPECT_TRUE(l.routes[4].points.empty());
}

}  // namespace
}  // namespace lineage::render
