#include "render/timeline.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>

namespace lineage::render {
namespace {

constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();

// Weights of a segment by what it joins, as dot weighs its virtual chains
// (Gansner et al. 1993, §4.2: 1, 2, 8): a long link's straightness matters
// more than a short one's.
constexpr double kRealReal = 1, kRealVirtual = 2, kVirtualVirtual = 8;

// The layered graph: works and virtual points ("slots"), each in a column,
// and segments between slots of adjacent columns, kept as CSR arrays both
// ways since only the orders change.
struct Layered {
  std::vector<std::size_t> column;     // Per slot.
  std::vector<std::size_t> item;       // Per slot: its item, kNone if virtual.
  std::vector<double> across;          // Per slot: its box across the columns.
  std::vector<std::size_t> up_at, up;  // Neighbours in the column before.
  std::vector<std::size_t> down_at, down;  // ... and in the column after.
  // Links within a column, both ways: drawn as arcs beside it, shorter the
  // closer their works are.
  std::vector<std::size_t> side_at, side;
  std::vector<std::vector<std::size_t>> order;  // Per column, top to bottom.
  std::vector<std::size_t> pos;                 // Per slot: index in order.

  bool is_virtual(std::size_t s) const { return item[s] == kNone; }
  std::span<const std::size_t> Up(std::size_t s) const {
    return {up.data() + up_at[s], up.data() + up_at[s + 1]};
  }
  std::span<const std::size_t> Down(std::size_t s) const {
    return {down.data() + down_at[s], down.data() + down_at[s + 1]};
  }
  std::span<const std::size_t> Side(std::size_t s) const {
    if (s + 1 >= side_at.size()) return {};
    return {side.data() + side_at[s], side.data() + side_at[s + 1]};
  }
  double Weight(std::size_t a, std::size_t b) const {
    int v = is_virtual(a) + is_virtual(b);
    return v == 2 ? kVirtualVirtual : v == 1 ? kRealVirtual : kRealReal;
  }
};

// Builds CSR arrays from (from, to) pairs over `n` slots.
void BuildCsr(std::size_t n,
              const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
              bool reverse, std::vector<std::size_t>* at,
              std::vector<std::size_t>* to) {
  at->assign(n + 1, 0);
  for (const auto& [a, b] : pairs) ++(*at)[(reverse ? b : a) + 1];
  std::partial_sum(at->begin(), at->end(), at->begin());
  to->resize(pairs.size());
  std::vector<std::size_t> fill(at->begin(), at->end() - 1);
  for (const auto& [a, b] : pairs) {
    if (reverse) {
      (*to)[fill[b]++] = a;
    } else {
      (*to)[fill[a]++] = b;
    }
  }
}

// Crossings between column c and c+1: the inversions of the segments'
// lower ends taken in the order of their upper ends, counted with a
// Fenwick tree (Barth, Jünger & Mutzel 2004). O(E log V).
std::size_t CountBetween(const Layered& g, std::size_t c,
                         std::vector<std::size_t>* tree,
                         std::vector<std::size_t>* ends) {
  const auto& upper = g.order[c];
  const std::size_t n = g.order[c + 1].size();
  tree->assign(n + 1, 0);
  std::size_t crossings = 0, inserted = 0;
  for (std::size_t s : upper) {
    ends->clear();
    for (std::size_t t : g.Down(s)) ends->push_back(g.pos[t]);
    std::sort(ends->begin(), ends->end());
    for (std::size_t p : *ends) {
      // Segments already inserted that end below p cross this one.
      std::size_t at_most = 0;
      for (std::size_t i = p + 1; i > 0; i -= i & (~i + 1))
        at_most += (*tree)[i];
      crossings += inserted - at_most;
    }
    for (std::size_t p : *ends) {
      for (std::size_t i = p + 1; i <= n; i += i & (~i + 1)) ++(*tree)[i];
      ++inserted;
    }
  }
  return crossings;
}

std::size_t CountAll(const Layered& g) {
  std::vector<std::size_t> tree, ends;
  std::size_t total = 0;
  for (std::size_t c = 0; c + 1 < g.order.size(); ++c)
    total += CountBetween(g, c, &tree, &ends);
  return total;
}

// The works the arcs within columns pass beside: each may cross the links
// leaving such a work, so ordering keeps them short.
std::size_t ArcLength(const Layered& g) {
  std::size_t total = 0;
  for (std::size_t s = 0; s + 1 < g.side_at.size(); ++s)
    for (std::size_t t : g.Side(s))
      if (s < t) {
        const std::size_t a = g.pos[s], b = g.pos[t];
        total += (a > b ? a - b : b - a) - 1;
      }
  return total;
}

// The weighted median of sorted positions (Gansner et al. 1993, fig. 3-2);
// -1 for none.
double Median(std::vector<double>& p) {
  const std::size_t n = p.size();
  if (n == 0) return -1;
  std::sort(p.begin(), p.end());
  const std::size_t m = n / 2;
  if (n % 2 == 1) return p[m];
  if (n == 2) return (p[0] + p[1]) / 2;
  const double left = p[m - 1] - p[0], right = p[n - 1] - p[m];
  if (left + right == 0) return (p[m - 1] + p[m]) / 2;
  return (p[m - 1] * right + p[m] * left) / (left + right);
}

// Sorts column c by the median of each slot's neighbours in the column
// before (`use_up`) or after; slots without any keep their place.
void SortByMedian(Layered* g, std::size_t c, bool use_up,
                  std::vector<double>* scratch) {
  auto& order = g->order[c];
  std::vector<std::pair<double, std::size_t>> movable;
  std::vector<bool> fixed(order.size(), false);
  for (std::size_t i = 0; i < order.size(); ++i) {
    const std::size_t s = order[i];
    scratch->clear();
    for (std::size_t t : use_up ? g->Up(s) : g->Down(s))
      scratch->push_back(static_cast<double>(g->pos[t]));
    const double m = Median(*scratch);
    if (m < 0) {
      fixed[i] = true;
    } else {
      movable.emplace_back(m, s);
    }
  }
  std::stable_sort(
      movable.begin(), movable.end(),
      [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t next = 0;
  for (std::size_t i = 0; i < order.size(); ++i)
    if (!fixed[i]) order[i] = movable[next++].second;
  for (std::size_t i = 0; i < order.size(); ++i) g->pos[order[i]] = i;
}

// Crossings between the segments of u and of v in one direction when u is
// above v, and when v is above u: pairs of ends in opposite (same) order.
std::pair<std::size_t, std::size_t> PairCrossings(
    const Layered& g, std::span<const std::size_t> a,
    std::span<const std::size_t> b, std::vector<std::size_t>* pa,
    std::vector<std::size_t>* pb) {
  pa->clear();
  pb->clear();
  for (std::size_t t : a) pa->push_back(g.pos[t]);
  for (std::size_t t : b) pb->push_back(g.pos[t]);
  std::sort(pa->begin(), pa->end());
  std::sort(pb->begin(), pb->end());
  std::size_t above = 0, below = 0;  // u above v: ends with a > b cross.
  std::size_t j = 0;
  for (std::size_t x : *pa) {
    while (j < pb->size() && (*pb)[j] < x) ++j;
    above += j;  // b ends strictly below x.
  }
  j = 0;
  for (std::size_t y : *pb) {
    while (j < pa->size() && (*pa)[j] < y) ++j;
    below += j;
  }
  return {above, below};
}

// Exchanges adjacent slots of every column while that crosses fewer
// segments (Gansner et al. 1993, "transpose"). Returns whether any moved.
bool Transpose(Layered* g, int passes) {
  std::vector<std::size_t> pa, pb;
  bool any = false;
  for (int pass = 0; pass < passes; ++pass) {
    bool improved = false;
    for (auto& order : g->order) {
      for (std::size_t i = 0; i + 1 < order.size(); ++i) {
        const std::size_t u = order[i], v = order[i + 1];
        auto [ua, va] = PairCrossings(*g, g->Up(u), g->Up(v), &pa, &pb);
        auto [ub, vb] = PairCrossings(*g, g->Down(u), g->Down(v), &pa, &pb);
        // What the swap saves in the length of arcs within the column: u
        // moves down a place, v up.
        long saved = 0;
        for (std::size_t w : g->Side(u))
          if (w != v) saved += g->pos[w] > i + 1 ? 1 : -1;
        for (std::size_t w : g->Side(v))
          if (w != u) saved += g->pos[w] < i ? 1 : -1;
        if (static_cast<long>(va + vb) - saved < static_cast<long>(ua + ub)) {
          std::swap(order[i], order[i + 1]);
          g->pos[u] = i + 1;
          g->pos[v] = i;
          improved = true;
        }
      }
    }
    any = any || improved;
    if (!improved) break;
  }
  return any;
}

// Orders every column to cross few segments, keeping the best order seen.
std::size_t Order(Layered* g, int sweeps) {
  std::vector<double> scratch;
  std::size_t crossings = CountAll(*g);
  std::size_t best = crossings + ArcLength(*g);
  auto best_order = g->order;
  // Big views get fewer sweeps and exchange passes: each is linear, but a
  // dense citation graph has hundreds of thousands of virtual points.
  const std::size_t size = g->up.size();
  const int passes = size > 200'000 ? 1 : 4;
  if (size > 200'000) sweeps = std::min(sweeps, 4);
  for (int sweep = 0; sweep < sweeps && best > 0; ++sweep) {
    const bool down = sweep % 2 == 0;
    const std::size_t n = g->order.size();
    for (std::size_t k = 1; k < n; ++k)
      SortByMedian(g, down ? k : n - 1 - k, down, &scratch);
    Transpose(g, passes);
    const std::size_t c = CountAll(*g);
    if (c + ArcLength(*g) < best) {
      best = c + ArcLength(*g);
      crossings = c;
      best_order = g->order;
    }
  }
  g->order = std::move(best_order);
  for (const auto& order : g->order)
    for (std::size_t i = 0; i < order.size(); ++i) g->pos[order[i]] = i;
  return crossings;
}

// Least-squares positions for one column under minimum separations:
// minimise Σ w_i (y_i - d_i)² subject to y_{i+1} - y_i ≥ sep_i. With
// z_i = y_i - Σ_{j<i} sep_j the constraints become z_i ≤ z_{i+1}: isotonic
// regression, solved by pool-adjacent-violators in O(n).
void FitColumn(const std::vector<double>& desired,
               const std::vector<double>& weight,
               const std::vector<double>& sep, std::vector<double>* out) {
  const std::size_t n = desired.size();
  std::vector<double> offset(n, 0);
  for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + sep[i - 1];
  struct Block {
    double sum_wz, sum_w;
    std::size_t count;
    double mean() const { return sum_wz / sum_w; }
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < n; ++i) {
    blocks.push_back({weight[i] * (desired[i] - offset[i]), weight[i], 1});
    while (blocks.size() > 1 &&
           blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
      Block last = blocks.back();
      blocks.pop_back();
      blocks.back().sum_wz += last.sum_wz;
      blocks.back().sum_w += last.sum_w;
      blocks.back().count += last.count;
    }
  }
  out->resize(n);
  std::size_t i = 0;
  for (const Block& b : blocks)
    for (std::size_t k = 0; k < b.count; ++k, ++i)
      (*out)[i] = b.mean() + offset[i];
}

// Positions across the columns: stacked, then pulled towards the weighted
// average of their neighbours, column by column, down and up, then both.
std::vector<double> Place(const Layered& g, const TimelineOptions& o) {
  const std::size_t n = g.column.size();
  std::vector<double> y(n, 0);
  auto separation = [&](std::size_t a, std::size_t b) {
    const double gap = g.is_virtual(a) && g.is_virtual(b)   ? o.lane
                       : g.is_virtual(a) || g.is_virtual(b) ? o.work_gap / 2
                                                            : o.work_gap;
    return (g.across[a] + g.across[b]) / 2 + gap;
  };
  std::vector<std::vector<double>> seps(g.order.size());
  for (std::size_t c = 0; c < g.order.size(); ++c) {
    const auto& order = g.order[c];
    double at = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
      if (i > 0) {
        seps[c].push_back(separation(order[i - 1], order[i]));
        at += seps[c].back();
      }
      y[order[i]] = at;
    }
  }
  std::vector<double> desired, weight, fitted;
  auto pass = [&](std::size_t c, bool use_up, bool use_down) {
    const auto& order = g.order[c];
    desired.assign(order.size(), 0);
    weight.assign(order.size(), 0);
    for (std::size_t i = 0; i < order.size(); ++i) {
      const std::size_t s = order[i];
      double sum = 0, w = 0;
      if (use_up)
        for (std::size_t t : g.Up(s))
          sum += g.Weight(s, t) * y[t], w += g.Weight(s, t);
      if (use_down)
        for (std::size_t t : g.Down(s))
          sum += g.Weight(s, t) * y[t], w += g.Weight(s, t);
      // Works joined within the column pull each other lightly.
      for (std::size_t t : g.Side(s)) sum += 0.5 * y[t], w += 0.5;
      // A slot without neighbours there stays, lightly held.
      desired[i] = w > 0 ? sum / w : y[s];
      weight[i] = w > 0 ? w : 0.5;
    }
    FitColumn(desired, weight, seps[c], &fitted);
    for (std::size_t i = 0; i < order.size(); ++i) y[order[i]] = fitted[i];
  };
  const std::size_t columns = g.order.size();
  const int rounds = g.up.size() > 200'000 ? 3 : 8;
  for (int r = 0; r < rounds; ++r) {
    for (std::size_t c = 1; c < columns; ++c) pass(c, true, false);
    for (std::size_t c = columns; c-- > 1;) pass(c - 1, false, true);
  }
  for (int r = 0; r < 2; ++r)
    for (std::size_t c = 0; c < columns; ++c) pass(c, true, true);
  // The pulls move linked works as a whole; a column with no link at all
  // (the organizations set apart) would stay where it was stacked, away
  // from the rest: it is stacked again from the top of the drawing.
  auto linked = [&](std::size_t s) {
    return !g.Up(s).empty() || !g.Down(s).empty() || !g.Side(s).empty();
  };
  double top = std::numeric_limits<double>::infinity();
  for (std::size_t s = 0; s < n; ++s)
    if (linked(s)) top = std::min(top, y[s] - g.across[s] / 2);
  if (top == std::numeric_limits<double>::infinity()) return y;
  for (std::size_t c = 0; c < columns; ++c) {
    const auto& order = g.order[c];
    if (std::any_of(order.begin(), order.end(), linked)) continue;
    if (order.empty()) continue;
    const double shift = top - (y[order[0]] - g.across[order[0]] / 2);
    for (std::size_t s : order) y[s] += shift;
  }
  return y;
}

// The bits of a column key.
struct KeyParts {
  int year, month, day;
};
KeyParts Split(long key) {
  return {static_cast<int>(key / 10000), static_cast<int>(key / 100 % 100),
          static_cast<int>(key % 100)};
}

void NameColumn(long key, Resolution r, TimelineColumn* c) {
  const auto [year, month, day] = Split(key);
  if (r == Resolution::kDecade) {
    c->tick = fmt::format("tick-{}", year);
    c->label = fmt::format("{}s", year);
  } else if (month == 0) {
    c->tick = fmt::format("tick-{}", year);
    c->label = fmt::format("{}", year);
  } else if (day == 0) {
    c->tick = fmt::format("tick-{}-{:02}", year, month);
    c->label = r == Resolution::kQuarter
                   ? fmt::format("{} Q{}", year, (month - 1) / 3 + 1)
                   : fmt::format("{}-{:02}", year, month);
  } else {
    c->tick = fmt::format("tick-{}-{:02}-{:02}", year, month, day);
    c->label = fmt::format("{}-{:02}-{:02}", year, month, day);
  }
}

// The key of the period right after `key`'s at the resolution: a column
// with a greater key follows a gap. A column less precise than the
// resolution ("2014" at months) covers its whole period.
long NextKey(long key, Resolution r) {
  auto [year, month, day] = Split(key);
  auto make = [](long y, long m, long d) { return y * 10000 + m * 100 + d; };
  if (r == Resolution::kDecade) return make(year + 10, 0, 0);
  if (r == Resolution::kYear) return make(year + 1, 0, 0);
  if (month == 0) return make(year + 1, 1, r == Resolution::kDay ? 1 : 0);
  const bool by_days = r == Resolution::kDay && day > 0;
  if (by_days) {
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
    if (day < kDays[month - 1]) return make(year, month, day + 1);
  }
  const int step = r == Resolution::kQuarter ? 3 : 1;
  const long first_day = r == Resolution::kDay ? 1 : 0;
  if (month + step > 12) return make(year + 1, 1, first_day);
  return make(year, month + step, first_day);
}

// A point of a link's path: along and across the columns.
struct Way {
  double t, a;
};

// Drops the waypoints of a path that lie within `tolerance` of the chord
// between the ones kept (Douglas & Peucker 1973), keeping both ends: a long
// link through many columns' slots keeps only its bends.
void Simplify(std::vector<Way>* ways, double tolerance) {
  const std::size_t n = ways->size();
  if (n < 3) return;
  std::vector<bool> keep(n, false);
  keep[0] = keep[n - 1] = true;
  std::vector<std::pair<std::size_t, std::size_t>> stack{{0, n - 1}};
  while (!stack.empty()) {
    auto [first, last] = stack.back();
    stack.pop_back();
    const Way &a = (*ways)[first], &b = (*ways)[last];
    double worst = -1;
    std::size_t at = first;
    for (std::size_t i = first + 1; i < last; ++i) {
      const Way& p = (*ways)[i];
      // Across-distance from the chord at p's position along: columns
      // are what a link must keep clear of.
      const double f = b.t == a.t ? 0 : (p.t - a.t) / (b.t - a.t);
      const double d = std::abs(p.a - (a.a + f * (b.a - a.a)));
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = true;
      stack.emplace_back(first, at);
      stack.emplace_back(at, last);
    }
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < n; ++i)
    if (keep[i]) (*ways)[kept++] = (*ways)[i];
  ways->resize(kept);
}

}  // namespace

std::optional<Resolution> ParseResolution(std::string_view name) {
  for (Resolution r :
       {Resolution::kDecade, Resolution::kYear, Resolution::kQuarter,
        Resolution::kMonth, Resolution::kDay})
    if (ResolutionName(r) == name) return r;
  return std::nullopt;
}

std::string_view ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kDecade:
      return "decade";
    case Resolution::kYear:
      return "year";
    case Resolution::kQuarter:
      return "quarter";
    case Resolution::kMonth:
      return "month";
    case Resolution::kDay:
      return "day";
  }
  return "year";
}

long ColumnKey(const model::Date& d, Resolution r) {
  const long year = d.year;
  switch (r) {
    case Resolution::kDecade:
      return (year / 10 * 10) * 10000;
    case Resolution::kYear:
      return year * 10000;
    case Resolution::kQuarter:
      return year * 10000 +
             (d.month > 0 ? ((d.month - 1) / 3 * 3 + 1) : 0) * 100;
    case Resolution::kMonth:
      return year * 10000 + d.month * 100;
    case Resolution::kDay:
      return year * 10000 + d.month * 100 + d.day;
  }
  return year * 10000;
}

Resolution ChooseResolution(std::span<const TimelineItem> items,
                            std::span<const TimelineLink> links) {
  // A typical box and its share of the gaps, in points.
  constexpr double kColumn = 140 + 70, kWork = 44 + 14, kLane = 5;
  constexpr double kAspect = 3;
  // Wider than tall is fine while it fits a screen's width.
  constexpr double kScreen = 2400;
  // Decades only when years would make a very long ruler.
  constexpr std::size_t kMostYears = 60;
  Resolution best = Resolution::kYear;
  double best_score = std::numeric_limits<double>::infinity();
  for (Resolution r :
       {Resolution::kDecade, Resolution::kYear, Resolution::kQuarter,
        Resolution::kMonth, Resolution::kDay}) {
    std::vector<long> keys;
    for (const TimelineItem& it : items)
      if (it.date.known()) keys.push_back(ColumnKey(it.date, r));
    if (keys.empty()) return Resolution::kYear;
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    auto column = [&](const model::Date& d) {
      return static_cast<std::size_t>(
          std::lower_bound(keys.begin(), keys.end(), ColumnKey(d, r)) -
          keys.begin());
    };
    // Across each column: its works, and the links passing through it (a
    // difference array over the columns strictly between their ends).
    std::vector<double> load(keys.size() + 1, 0);
    std::vector<double> passing(keys.size() + 1, 0);
    for (const TimelineItem& it : items)
      if (it.date.known()) load[column(it.date)] += kWork;
    for (const TimelineLink& l : links) {
      if (l.from >= items.size() || l.to >= items.size()) continue;
      const model::Date &a = items[l.from].date, &b = items[l.to].date;
      if (!a.known() || !b.known()) continue;
      // (std::minmax of temporaries would return dangling references.)
      const std::size_t ca = column(a), cb = column(b);
      const std::size_t lo = std::min(ca, cb), hi = std::max(ca, cb);
      if (hi > lo + 1) {
        passing[lo + 1] += kLane;
        passing[hi] -= kLane;
      }
    }
    double tallest = 0, through = 0;
    for (std::size_t c = 0; c < keys.size(); ++c) {
      through += passing[c];
      tallest = std::max(tallest, load[c] + through);
    }
    if (r == Resolution::kDecade) {
      std::vector<int> years;
      for (const TimelineItem& it : items)
        if (it.date.known()) years.push_back(it.date.year);
      std::sort(years.begin(), years.end());
      if (std::unique(years.begin(), years.end()) - years.begin() <=
          static_cast<long>(kMostYears))
        continue;
    }
    const double width = double(keys.size()) * kColumn;
    const double aspect = width / tallest;
    const double score = aspect > kAspect && width <= kScreen
                             ? 0
                             : std::abs(std::log(aspect / kAspect));
    if (score < best_score - 1e-9) {
      best = r;
      best_score = score;
    }
  }
  return best;
}

TimelineLayout LayOutTimeline(std::span<const TimelineItem> items,
                              std::span<const TimelineLink> links,
                              const TimelineOptions& o) {
  const std::size_t n = items.size();
  TimelineLayout out;
  auto apart = [&](std::size_t i) {
    return items[i].apart && !items[i].date.known();
  };
  auto laid_out = [&](const TimelineLink& l) {
    return l.from < n && l.to < n && l.from != l.to && !apart(l.from) &&
           !apart(l.to);
  };

  // --- Columns from dates.
  out.resolution =
      o.resolution ? *o.resolution : ChooseResolution(items, links);
  std::vector<long> keys;
  for (const TimelineItem& it : items)
    if (it.date.known()) keys.push_back(ColumnKey(it.date, out.resolution));
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  const long dated_columns = static_cast<long>(keys.size());
  // Column of each item in "dated space": -1 a first undated column,
  // dated_columns the last one.
  std::vector<long> col(n, dated_columns);
  for (std::size_t i = 0; i < n; ++i) {
    if (items[i].date.known())
      col[i] = std::lower_bound(keys.begin(), keys.end(),
                                ColumnKey(items[i].date, out.resolution)) -
               keys.begin();
  }

  // --- Undated works: after their latest dated ancestor, else before their
  // earliest dated descendant. Bounds flow through undated works too, and
  // only grow (shrink), so the loop ends even around cycles.
  constexpr long kUnset = std::numeric_limits<long>::min();
  std::vector<long> lo(n, kUnset), hi(n, kUnset);
  for (std::size_t i = 0; i < n; ++i)
    if (items[i].date.known()) lo[i] = hi[i] = col[i];
  for (std::size_t round = 0; round <= n; ++round) {
    bool changed = false;
    for (const TimelineLink& l : links) {
      if (!laid_out(l)) continue;
      if (!items[l.to].date.known() && lo[l.from] != kUnset &&
          (lo[l.to] == kUnset || lo[l.to] < lo[l.from])) {
        lo[l.to] = lo[l.from];
        changed = true;
      }
      if (!items[l.from].date.known() && hi[l.to] != kUnset &&
          (hi[l.from] == kUnset || hi[l.from] > hi[l.to])) {
        hi[l.from] = hi[l.to];
        changed = true;
      }
    }
    if (!changed) break;
  }
  out.placed_by_links.assign(n, false);
  for (std::size_t i = 0; i < n; ++i) {
    if (items[i].date.known() || apart(i)) continue;
    if (lo[i] != kUnset) {
      col[i] = lo[i] + 1;
      if (hi[i] != kUnset && col[i] > hi[i]) col[i] = std::max(hi[i], lo[i]);
    } else if (hi[i] != kUnset) {
      col[i] = hi[i] - 1;
    }
    out.placed_by_links[i] = lo[i] != kUnset || hi[i] != kUnset;
  }
  const bool first_undated =
      std::any_of(col.begin(), col.end(), [](long c) { return c < 0; });
  const bool last_undated = std::any_of(
      col.begin(), col.end(), [&](long c) { return c == dated_columns; });
  const long shift = first_undated ? 1 : 0;
  const std::size_t columns =
      static_cast<std::size_t>(dated_columns + shift + (last_undated ? 1 : 0));
  out.columns.resize(columns);
  if (first_undated) {
    out.columns.front().tick = "tick-undated-first";
    out.columns.front().dated = false;
  }
  for (long k = 0; k < dated_columns; ++k) {
    NameColumn(keys[k], out.resolution, &out.columns[k + shift]);
    if (k > 0)
      out.columns[k + shift].after_gap =
          keys[k] > NextKey(keys[k - 1], out.resolution);
  }
  if (last_undated) {
    out.columns.back().tick = "tick-undated";
    out.columns.back().dated = false;
  }
  out.column_of.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.column_of[i] = static_cast<std::size_t>(col[i] + shift);
    ++out.columns[out.column_of[i]].works;
  }

  // --- The layered graph: items, then a virtual point per column a link
  // passes. Links run left to right here; one back in time is laid out
  // reversed and drawn the other way.
  auto along = [&](const TimelineItem& it) {
    return o.top_to_bottom ? it.height : it.width;
  };
  // How far a link's end stands from the centre: half the box along the
  // time axis, less a slanted side's inset at mid-height.
  auto reach = [&](const TimelineItem& it) {
    return along(it) / 2 - (o.top_to_bottom ? 0 : it.inset);
  };
  auto across = [&](const TimelineItem& it) {
    return o.top_to_bottom ? it.width : it.height;
  };
  Layered g;
  g.order.resize(columns);
  for (std::size_t i = 0; i < n; ++i) {
    g.column.push_back(out.column_of[i]);
    g.item.push_back(i);
    g.across.push_back(across(items[i]));
    g.order[out.column_of[i]].push_back(i);
  }
  // Which links get virtual points: the shortest first, within budget.
  const std::size_t budget =
      o.most_virtual_points > 0 ? o.most_virtual_points : 10 * n + 1000;
  std::vector<std::size_t> span(links.size(), 0);
  std::vector<std::size_t> by_span;
  for (std::size_t k = 0; k < links.size(); ++k) {
    if (!laid_out(links[k])) continue;
    const std::size_t a = out.column_of[links[k].from];
    const std::size_t b = out.column_of[links[k].to];
    span[k] = a > b ? a - b : b - a;
    if (span[k] > 1) by_span.push_back(k);
  }
  std::stable_sort(
      by_span.begin(), by_span.end(),
      [&](std::size_t a, std::size_t b) { return span[a] < span[b]; });
  std::vector<bool> direct(links.size(), false);
  std::size_t spent = 0;
  for (std::size_t k : by_span) {
    if (spent + span[k] - 1 > budget) {
      direct[k] = true;
    } else {
      spent += span[k] - 1;
    }
  }

  std::vector<std::pair<std::size_t, std::size_t>> segments;
  // Per link, its slots from the left column to the right one.
  std::vector<std::size_t> chain_at{0}, chain;
  out.routes.resize(links.size());
  for (std::size_t k = 0; k < links.size(); ++k) {
    const TimelineLink& l = links[k];
    if (laid_out(l)) {
      std::size_t left = l.from, right = l.to;
      const std::size_t cf = out.column_of[l.from], ct = out.column_of[l.to];
      TimelineRoute& route = out.routes[k];
      route.same_column = cf == ct;
      route.direct = direct[k];
      out.direct += direct[k];
      const bool both_dated =
          items[l.from].date.known() && items[l.to].date.known();
      route.back_in_time = both_dated
                               ? model::CompareAtCommonPrecision(
                                     items[l.from].date, items[l.to].date) > 0
                               : cf > ct;
      if (cf > ct) std::swap(left, right);
      if (route.direct) {
        chain.push_back(left);
        chain.push_back(right);
      } else if (!route.same_column) {
        std::size_t prev = left;
        chain.push_back(left);
        for (std::size_t c = g.column[left] + 1; c < g.column[right]; ++c) {
          const std::size_t v = g.column.size();
          g.column.push_back(c);
          g.item.push_back(kNone);
          g.across.push_back(0);
          g.order[c].push_back(v);
          segments.emplace_back(prev, v);
          chain.push_back(v);
          prev = v;
        }
        segments.emplace_back(prev, right);
        chain.push_back(right);
      }
    }
    chain_at.push_back(chain.size());
  }
  const std::size_t slots = g.column.size();
  out.virtual_points = slots - n;
  std::vector<std::pair<std::size_t, std::size_t>> arcs;
  for (std::size_t k = 0; k < links.size(); ++k)
    if (out.routes[k].same_column && laid_out(links[k])) {
      arcs.emplace_back(links[k].from, links[k].to);
      arcs.emplace_back(links[k].to, links[k].from);
    }
  BuildCsr(slots, arcs, false, &g.side_at, &g.side);
  BuildCsr(slots, segments, false, &g.down_at, &g.down);
  BuildCsr(slots, segments, true, &g.up_at, &g.up);
  g.pos.assign(slots, 0);
  for (const auto& order : g.order)
    for (std::size_t i = 0; i < order.size(); ++i) g.pos[order[i]] = i;

  // Sweeps find a local optimum that depends on the order they start
  // from: a small view is cheap enough to start over from a few shuffled
  // orders (fixed seed: the same picture every run) and keep the best.
  {
    const auto start = g.order;
    std::size_t best_crossings = Order(&g, o.sweeps);
    std::size_t best = best_crossings + ArcLength(g);
    auto best_order = g.order;
    const int starts = g.up.size() < 3000 ? 8 : 1;
    std::mt19937 random(42);
    for (int k = 1; k < starts && best > 0; ++k) {
      g.order = start;
      for (auto& column : g.order)
        std::shuffle(column.begin(), column.end(), random);
      for (const auto& column : g.order)
        for (std::size_t i = 0; i < column.size(); ++i) g.pos[column[i]] = i;
      const std::size_t c = Order(&g, o.sweeps);
      if (c + ArcLength(g) < best) {
        best = c + ArcLength(g);
        best_crossings = c;
        best_order = g.order;
      }
    }
    g.order = std::move(best_order);
    for (const auto& column : g.order)
      for (std::size_t i = 0; i < column.size(); ++i) g.pos[column[i]] = i;
    out.crossings = best_crossings;
  }
  std::vector<double> y = Place(g, o);

  // --- Along the time axis: each column as wide as its widest box or
  // ruler label.
  std::size_t longest_label = 0;
  for (const TimelineColumn& c : out.columns)
    longest_label = std::max(longest_label, c.label.size());
  out.tick_size = {std::max(44.0, 16 + o.tick_char * double(longest_label)),
                   26};
  const double tick_along = o.top_to_bottom ? out.tick_size.y : out.tick_size.x;
  const double tick_across =
      o.top_to_bottom ? out.tick_size.x : out.tick_size.y;
  for (std::size_t i = 0; i < n; ++i) {
    TimelineColumn& c = out.columns[out.column_of[i]];
    c.extent = std::max(c.extent, along(items[i]));
  }
  double at = 0;
  for (TimelineColumn& c : out.columns) {
    c.extent = std::max(c.extent, tick_along);
    c.centre = at + c.extent / 2;
    at += c.extent + o.column_gap;
  }

  // Across: the top box at 0; the ruler above it.
  double top = 0;
  bool any = false;
  for (std::size_t s = 0; s < slots; ++s) {
    const double edge = y[s] - g.across[s] / 2;
    if (!any || edge < top) top = edge;
    any = true;
  }
  for (double& v : y) v -= top;
  const double ruler = -(tick_across / 2 + 2 * o.work_gap);

  // Internal (along, across) to Graphviz points, y up.
  auto to_point = [&](double t, double a) {
    return o.top_to_bottom ? Point{a, -t} : Point{t, -a};
  };
  out.centre.resize(n);
  for (std::size_t i = 0; i < n; ++i)
    out.centre[i] = to_point(out.columns[out.column_of[i]].centre, y[i]);
  for (const TimelineColumn& c : out.columns)
    out.tick_centre.push_back(to_point(c.centre, ruler));

  // --- Routes. Waypoints left to right, then Bézier segments: straight
  // through a column's slot, an S between columns.
  std::vector<Way> ways;
  for (std::size_t k = 0; k < links.size(); ++k) {
    const TimelineLink& l = links[k];
    TimelineRoute& route = out.routes[k];
    if (!laid_out(l)) continue;
    if (route.same_column) {
      const double t = out.columns[out.column_of[l.from]].centre;
      // An arc on the later side of the column, from box to box.
      const double bulge =
          std::min(o.column_gap * 0.8, 12 + std::abs(y[l.to] - y[l.from]) / 4);
      const Way start{t + reach(items[l.from]), y[l.from]};
      const Way tip{t + reach(items[l.to]), y[l.to]};
      const Way base{tip.t + o.arrow, tip.a};
      route.points = {
          to_point(start.t, start.a), to_point(start.t + bulge, start.a),
          to_point(base.t + bulge, base.a), to_point(base.t, base.a)};
      route.tip = to_point(tip.t, tip.a);
      continue;
    }
    const bool leftwards = out.column_of[l.from] > out.column_of[l.to];
    const std::size_t left = chain[chain_at[k]];
    const std::size_t right = chain[chain_at[k + 1] - 1];
    const double t_left = out.columns[g.column[left]].centre;
    const double t_right = out.columns[g.column[right]].centre;
    ways.clear();
    // The arrow's base stands off the head's box by the arrow's length.
    ways.push_back(
        {t_left + reach(items[left]) + (leftwards ? o.arrow : 0), y[left]});
    for (std::size_t c = chain_at[k] + 1; c + 1 < chain_at[k + 1]; ++c) {
      const std::size_t v = chain[c];
      const TimelineColumn& column = out.columns[g.column[v]];
      ways.push_back({column.centre - column.extent / 2, y[v]});
      ways.push_back({column.centre + column.extent / 2, y[v]});
    }
    ways.push_back(
        {t_right - reach(items[right]) - (leftwards ? 0 : o.arrow), y[right]});
    Simplify(&ways, o.lane * 0.6);
    // A smooth curve through what is left, as a function of the time axis
    // (cubic Hermite with Fritsch & Carlson's monotone slopes, 1980): it
    // never loops back nor overshoots a waypoint, and is level where it
    // leaves and enters a box.
    std::vector<Point>& pts = route.points;
    const std::size_t m = ways.size();
    std::vector<double> secant(m, 0), slope(m, 0);
    for (std::size_t w = 0; w + 1 < m; ++w) {
      const double dt = ways[w + 1].t - ways[w].t;
      secant[w] = dt > 0 ? (ways[w + 1].a - ways[w].a) / dt : 0;
    }
    for (std::size_t w = 1; w + 1 < m; ++w) {
      const double left = secant[w - 1], right = secant[w];
      if (left * right > 0) {
        const double mean = (left + right) / 2;
        const double limit = 3 * std::min(std::abs(left), std::abs(right));
        slope[w] = std::clamp(mean, -limit, limit);
      }
    }
    pts.push_back(to_point(ways[0].t, ways[0].a));
    for (std::size_t w = 1; w < m; ++w) {
      const Way &a = ways[w - 1], &b = ways[w];
      const double third = (b.t - a.t) / 3;
      pts.push_back(to_point(a.t + third, a.a + slope[w - 1] * third));
      pts.push_back(to_point(b.t - third, b.a - slope[w] * third));
      pts.push_back(to_point(b.t, b.a));
    }
    if (leftwards) {
      std::reverse(pts.begin(), pts.end());
      route.tip = to_point(t_left + reach(items[left]), y[left]);
    } else {
      route.tip = to_point(t_right - reach(items[right]), y[right]);
    }
  }
  for (const TimelineRoute& r : out.routes) out.back_in_time += r.back_in_time;
  return out;
}

}  // namespace lineage::render
