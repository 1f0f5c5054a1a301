#include "analysis/ancestry.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "analysis/order.h"
#include "base/id_map.h"

namespace lineage::analysis {
namespace {

using model::VertexId;

// Breadth-first distances from the nearest of `starts`; visit(work,
// distance, via) for every work reached that is not a start, and
// revisit(start, distance, via) for a start reached from another start.
// The one search every ancestry question runs: ancestors, descendants,
// families, common ancestors, the query language's sets.
template <typename Visit, typename Revisit>
void Bfs(const model::Graph& graph, std::span<const VertexId> starts,
         Direction direction, const TraversalOptions& options, Visit&& visit,
         Revisit&& revisit) {
  const model::RowView rows =
      direction == Direction::kAncestors ? graph.in_rows() : graph.out_rows();
  // An in-edge's relation lives with its out-edge, a scattered read per
  // link; skip it when every relation of the graph is followed anyway (an
  // import has one).
  const bool every = options.relations.ContainsAll(graph.relations());
  // A bit a work: 125 KB for a million, cleared faster than a hash set of
  // a few thousand works is filled, and a test is one read.
  std::vector<std::uint64_t> seen((graph.num_works() + 63) / 64);
  auto first_visit = [&](VertexId v) {
    const std::uint64_t bit = std::uint64_t{1} << (v % 64);
    if (seen[v / 64] & bit) return false;
    seen[v / 64] |= bit;
    return true;
  };
  // Works in the order reached, with their distances; `head` walks it.
  std::vector<std::pair<VertexId, int>> queue;
  queue.reserve(4096);
  for (VertexId start : starts)
    if (first_visit(start)) queue.emplace_back(start, 0);
  // Starts need a second mark only when there are several.
  std::vector<std::uint64_t> is_start(starts.size() > 1 ? seen.size() : 0);
  if (!is_start.empty())
    for (VertexId start : starts)
      is_start[start / 64] |= std::uint64_t{1} << (start % 64);
  // On a big graph each work's row and edges are two cache misses in
  // arrays of tens of megabytes, and a plain search waits for them one
  // after the other. Here a work's row start is fetched when it is
  // reached, and its edges kAhead works before its turn, so that the
  // misses of many works are in flight at once.
  constexpr std::size_t kAhead = 16;
  for (std::size_t head = 0; head < queue.size(); ++head) {
    if (head + kAhead < queue.size())
      __builtin_prefetch(rows.vertex + rows.start[queue[head + kAhead].first]);
    const auto [v, dv] = queue[head];
    const int d = dv + 1;
    if (options.max_depth >= 0 && d > options.max_depth) continue;
    for (model::EdgeId i = rows.start[v]; i < rows.start[v + 1]; ++i) {
      if (!every && !options.relations.Contains(graph.relation(rows.LinkAt(i))))
        continue;
      const VertexId to = rows.vertex[i];
      if (first_visit(to)) {
        __builtin_prefetch(rows.start + to);
        visit(to, d, v);
        queue.emplace_back(to, d);
      } else if (!is_start.empty() &&
                 (is_start[to / 64] >> (to % 64) & 1) != 0) {
        revisit(to, d, v);
      }
    }
  }
}

}  // namespace

void Ignore(VertexId, int, VertexId) {}

std::vector<Reached> Reach(const model::Graph& graph, VertexId start,
                           Direction direction,
                           const TraversalOptions& options) {
  std::vector<Reached> out;
  Bfs(
      graph, std::span(&start, 1), direction, options,
      [&](VertexId v, int d, VertexId via) {
        out.push_back({v, d, via});
      },
      Ignore);
  // Sorted by distance, then as EarlierWork orders works (date, unknown
  // last, then id). The search already yields works by distance, so only
  // each distance's run is sorted, on keys gathered first: comparing
  // through the graph would look up two dates and two ids, scattered in
  // memory, at every step of the sort.
  struct Key {
    std::uint64_t date;    // Year, month, day in one number.
    std::uint64_t prefix;  // The id's first 8 bytes, big-endian: most ties
                           // on the date are settled without the id.
    std::string_view id;
    std::size_t at;
  };
  std::vector<Key> keys;
  keys.reserve(out.size());
  // Each key is a few scattered reads: the date and the id's place fetched
  // kAhead works early, the id's bytes kAhead / 2 early.
  constexpr std::size_t kAhead = 16;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (i + kAhead < out.size()) graph.Prefetch(out[i + kAhead].work);
    if (i + kAhead / 2 < out.size())
      __builtin_prefetch(graph.id(out[i + kAhead / 2].work).data());
    const model::Date& d = graph.date(out[i].work);
    const std::uint64_t year = d.known() ? d.year : 1'000'000;
    const std::string_view id = graph.id(out[i].work);
    std::uint64_t prefix = 0;
    for (std::size_t k = 0; k < 8; ++k)
      prefix = prefix << 8 | (k < id.size() ? std::uint8_t(id[k]) : 0);
    keys.push_back(
        {year << 9 | std::uint64_t(d.month) << 5 | d.day, prefix, id, i});
  }
  auto earlier = [](const Key& x, const Key& y) {
    if (x.date != y.date) return x.date < y.date;
    if (x.prefix != y.prefix) return x.prefix < y.prefix;
    return x.id < y.id;
  };
  for (std::size_t begin = 0, end; begin < out.size(); begin = end) {
    end = begin + 1;
    while (end < out.size() && out[end].distance == out[begin].distance) ++end;
    std::sort(keys.begin() + begin, keys.begin() + end, earlier);
  }
  std::vector<Reached> sorted;
  sorted.reserve(out.size());
  for (const Key& k : keys) sorted.push_back(out[k.at]);
  return sorted;
}

std::vector<VertexId> ReachFrom(const model::Graph& graph,
                                std::span<const VertexId> starts,
                                Direction direction,
                                const TraversalOptions& options) {
  std::vector<VertexId> out;
  std::vector<VertexId> again;  // Starts reached from another start.
  Bfs(
      graph, starts, direction, options,
      [&](VertexId v, int, VertexId) { out.push_back(v); },
      [&](VertexId v, int, VertexId) { again.push_back(v); });
  out.insert(out.end(), again.begin(), again.end());
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

namespace {

// The works of `works` with no neighbour among them through `links`.
template <typename Links>
std::vector<VertexId> NoNeighbourIn(std::span<const VertexId> works,
                                    Links&& links) {
  std::vector<VertexId> out;
  for (VertexId v : works) {
    const auto neighbours = links(v);
    if (std::none_of(neighbours.begin(), neighbours.end(),
                     [&](const model::Neighbor& n) {
                       return std::binary_search(works.begin(), works.end(),
                                                 n.other);
                     }))
      out.push_back(v);
  }
  return out;
}

}  // namespace

std::vector<VertexId> RootsIn(const model::Graph& graph,
                              std::span<const VertexId> works,
                              model::RelationSet relations) {
  return NoNeighbourIn(works,
                       [&](VertexId v) { return graph.InLinks(v, relations); });
}

std::vector<VertexId> LeavesIn(const model::Graph& graph,
                               std::span<const VertexId> works,
                               model::RelationSet relations) {
  return NoNeighbourIn(
      works, [&](VertexId v) { return graph.OutLinks(v, relations); });
}

std::vector<CommonAncestor> CommonAncestors(const model::Graph& graph,
                                            VertexId a, VertexId b,
                                            const TraversalOptions& options) {
  return CommonAncestors(graph, std::span(&a, 1), std::span(&b, 1), options);
}

std::vector<CommonAncestor> CommonAncestors(const model::Graph& graph,
                                            std::span<const VertexId> a,
                                            std::span<const VertexId> b,
                                            const TraversalOptions& options) {
  // A work counts as its own ancestor: the starts are at distance 0.
  base::IdMap from_a;
  for (VertexId v : a) from_a.Insert(v, 0);
  Bfs(
      graph, a, Direction::kAncestors, options,
      [&](VertexId v, int d, VertexId) { from_a.Insert(v, d); }, Ignore);
  std::vector<CommonAncestor> out;
  base::IdMap position;  // Common ancestor -> its index in `out`.
  auto consider = [&](VertexId v, int d) {
    auto da = from_a.Find(v);
    if (da && position.Insert(v, static_cast<std::int32_t>(out.size())))
      out.push_back({v, *da, d, true});
  };
  for (VertexId v : b) consider(v, 0);
  Bfs(
      graph, b, Direction::kAncestors, options,
      [&](VertexId v, int d, VertexId) { consider(v, d); }, Ignore);

  // A common ancestor is lowest when none of its children is one: if a
  // common ancestor d descends from c, the first step from c towards d is
  // itself an ancestor of d, hence of A and B. Marked from the children's
  // side, through their few parents, so that an old hub cited by half the
  // graph costs nothing.
  for (const CommonAncestor& c : std::vector<CommonAncestor>(out)) {
    for (const model::Neighbor& p : graph.InLinks(c.work, options.relations))
      if (auto at = position.Find(p.other))
        out[static_cast<std::size_t>(*at)].lowest = false;
  }
  std::sort(out.begin(), out.end(),
            [&](const CommonAncestor& x, const CommonAncestor& y) {
              if (x.lowest != y.lowest) return x.lowest;
              int dx = x.distance_a + x.distance_b;
              int dy = y.distance_a + y.distance_b;
              if (dx != dy) return dx < dy;
              return EarlierWork(graph, x.work, y.work);
            });
  return out;
}

}  // namespace lineage::analysis
