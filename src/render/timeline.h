// The timeline layout, computed here and only drawn by Graphviz: works in
// columns by date, ordered within their columns to cross few links, with
// every link routed as a Bézier curve through slots kept free for it.
// Graphviz gets every position pinned (its "nop2" engine, `neato -n2`) and
// only draws. Nothing here knows Graphviz; tests call it directly.
//
// The method is the layered drawing of Sugiyama, Tagawa & Toda, "Methods
// for visual understanding of hierarchical system structures" (IEEE SMC
// 1981), with the layers fixed by time instead of computed:
//  - a link spanning k columns gets k-1 virtual points, one a column
//    between, so that it is drawn through a slot of its own and no work
//    sits on it;
//  - crossings are reduced by sweeps that sort each column by the weighted
//    median of its neighbours in the column before (then after), keeping a
//    work without neighbours there in place, each sweep followed by
//    exchanges of adjacent works that cross fewer links, keeping the best
//    order seen (Gansner, Koutsofios, North & Vo, "A technique for drawing
//    directed graphs", IEEE TSE 1993, §3);
//  - crossings are counted per pair of columns with the accumulator tree of
//    Barth, Jünger & Mutzel, "Simple and efficient bilayer cross counting"
//    (JGAA 2004), O(E log V);
//  - positions within a column come from iterated weighted averages of the
//    neighbours (Sugiyama et al. 1981, §3.3), each column's positions the
//    least-squares fit under minimum separations, solved exactly by
//    pool-adjacent-violators (isotonic regression, Barlow et al. 1972), with
//    the links' virtual points weighted heavily so long links run straight.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/types.h"

namespace lineage::render {

// How finely dates make columns.
enum class Resolution { kDecade, kYear, kQuarter, kMonth, kDay };

// "decade", "year", "quarter", "month", "day"; nullopt otherwise.
std::optional<Resolution> ParseResolution(std::string_view name);
std::string_view ResolutionName(Resolution resolution);

struct Point {
  double x = 0, y = 0;
};

// A work to place: its date and the size of its box, in points.
struct TimelineItem {
  model::Date date;  // Unknown: placed by its links.
  double width = 0, height = 0;
  // How far its side at mid-height lies inside the box (a parallelogram's
  // slant), where links end in LR.
  double inset = 0;
  // Undated and set apart (organizations): the last column; its links are
  // not laid out.
  bool apart = false;
};

// A link from the older work (the parent) to the newer one (the child), by
// index into the items.
struct TimelineLink {
  std::size_t from = 0, to = 0;
};

struct TimelineOptions {
  // nullopt: chosen from the view's span and density (ChooseResolution).
  std::optional<Resolution> resolution;
  bool top_to_bottom = false;  // Time runs down instead of right.
  int sweeps = 12;             // Median sweeps, each way.
  double column_gap = 70;      // Between the boxes of adjacent columns.
  double work_gap = 14;        // Between two works of a column.
  double lane = 5;             // Across a link's slot in a column.
  double arrow = 7;            // Length of an arrowhead (Graphviz: 10 ×
                               // arrowsize).
  double tick_char = 8.5;      // Width of a character of a ruler label.
  // At most this many virtual points (0: 10 per item, and 1,000 more).
  // Links are given them shortest first; a longer link past the budget is
  // drawn directly, one curve passing behind the works between its ends:
  // on a dense citation graph, a slot per column for every link would
  // make columns of thousands of slots.
  std::size_t most_virtual_points = 0;
};

// A column: one date at the resolution, or works without a date.
struct TimelineColumn {
  // "tick-2014", "tick-2014-04" or "tick-2014-04-01" ("tick-1990" for the
  // 1990s); "tick-undated" for the last column of undated works and
  // "tick-undated-first" for a first one.
  std::string tick;
  std::string label;  // "2014", "2014 Q2", "2014-04", "2014-04-01", "1990s".
  bool dated = true;
  // Periods with no work lie between this column and the dated one
  // before it (the ruler draws that stretch dashed).
  bool after_gap = false;
  double centre = 0;  // Along the time axis.
  double extent = 0;  // Its widest box along the time axis.
  std::size_t works = 0;
};

// A link's curve: cubic Bézier control points (3k+1) from the tail's box to
// the arrow's base, and the arrow's tip on the head's box. Empty for links
// of works set apart.
struct TimelineRoute {
  std::vector<Point> points;
  Point tip;
  // The newer work's column comes before the older work's: a link back in
  // time, drawn leftwards (upwards) without moving either work.
  bool back_in_time = false;
  bool same_column = false;  // Drawn as an arc beside the column.
  bool direct = false;       // Past the budget of virtual points.
};

struct TimelineLayout {
  Resolution resolution = Resolution::kYear;
  std::vector<TimelineColumn> columns;  // In time order.
  std::vector<std::size_t> column_of;   // Per item.
  std::vector<Point> centre;            // Per item, in Graphviz points (y up).
  // Per item: undated, and placed by its links (after its latest dated
  // ancestor, else before its earliest dated descendant).
  std::vector<bool> placed_by_links;
  std::vector<TimelineRoute> routes;  // Per link.
  std::vector<Point> tick_centre;     // Per column: its ruler label.
  Point tick_size;                    // Of every ruler label's box.
  std::size_t back_in_time = 0;       // Links back in time.
  std::size_t virtual_points = 0;     // Slots kept for long links.
  std::size_t direct = 0;             // Links drawn directly.
  // Crossings between adjacent columns after ordering (virtual points
  // count as works; arcs within a column are not counted).
  std::size_t crossings = 0;
};

// The resolution at which the dated items make a picture about three
// times as wide as it is tall (or wider, within a screen's width),
// estimated from the number of columns and the fullest column (its works
// and the links passing through it): of year, quarter, month and day (and
// decades when the items span more than 60 distinct years), the one
// closest to that shape, the coarser on a tie. Undated items are skipped. O(R ·
// (V log V + E)) for the R resolutions.
Resolution ChooseResolution(std::span<const TimelineItem> items,
                            std::span<const TimelineLink> links);

// The column key of a date at a resolution: dates compare as their keys,
// and a date less precise than the resolution ("2014" at months) gets a
// column of its own before the finer ones of its period.
long ColumnKey(const model::Date& date, Resolution resolution);

// Lays the items out. Every dated item sits in the column of its date, and
// columns run in date order (LR: left to right; TB: top to bottom); links
// of items set apart get no route; links naming no item are a bug in the
// caller (out-of-range indices are skipped). Deterministic. O(S · (V' + E')
// log V') for S sweeps over V' works and virtual points and E' segments.
TimelineLayout LayOutTimeline(std::span<const TimelineItem> items,
                              std::span<const TimelineLink> links,
                              const TimelineOptions& options = {});

}  // namespace lineage::render
