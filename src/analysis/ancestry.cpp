#include "analysis/ancestry.h"

#include <algorithm>
#include <string_view>
#include <tuple>

#include "analysis/order.h"
#include "base/id_map.h"

namespace lineage::analysis {
namespace {

using model::Topology;
using model::VertexId;

// Breadth-first distances from `start`, in a sparse map so that a query on
// a graph of millions of works costs only what it reaches.
template <typename Visit>
void Bfs(const model::Graph& graph, VertexId start, Direction direction,
         const TraversalOptions& options, Visit&& visit) {
  const Topology& t = graph.topology();
  // An in-edge's relation lives with its out-edge, a scattered read per
  // link; skip it when every relation of the graph is followed anyway (an
  // import has one).
  const bool every = options.relations.ContainsAll(graph.relations());
  auto follow = [&](const model::TopoEdge& e) {
    return every || options.relations.Contains(t[e].relation);
  };
  // Sized for a few thousand works, what a citation's ancestry usually
  // holds: growing from nothing costs more than the search itself.
  base::IdMap seen;
  seen.Reserve(4096);
  seen.Insert(start, 0);
  // Works in the order reached, with their distances; `head` walks it.
  std::vector<std::pair<VertexId, int>> queue;
  queue.reserve(4096);
  queue.emplace_back(start, 0);
  auto step = [&](VertexId from, VertexId to, int d) {
    if (seen.Insert(to, d)) {
      visit(to, d, from);
      queue.emplace_back(to, d);
    }
  };
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const auto [v, dv] = queue[head];
    const int d = dv + 1;
    if (options.max_depth >= 0 && d > options.max_depth) continue;
    if (direction == Direction::kDescendants) {
      for (auto [it, end] = boost::out_edges(v, t); it != end; ++it)
        if (follow(*it)) step(v, boost::target(*it, t), d);
    } else {
      for (auto [it, end] = boost::in_edges(v, t); it != end; ++it)
        if (follow(*it)) step(v, boost::source(*it, t), d);
    }
  }
}

}  // namespace

std::vector<Reached> Reach(const model::Graph& graph, VertexId start,
                           Direction direction,
                           const TraversalOptions& options) {
  std::vector<Reached> out;
  Bfs(graph, start, direction, options, [&](VertexId v, int d, VertexId via) {
    out.push_back({v, d, via});
  });
  // Sorted by distance, then as EarlierWork orders works. The keys are
  // gathered first: comparing through the graph would look up two dates
  // and two ids, scattered in memory, at every step of the sort.
  struct Key {
    int distance;
    std::tuple<int, int, int> date;
    std::string_view id;
    std::size_t at;
  };
  std::vector<Key> keys;
  keys.reserve(out.size());
  for (std::size_t i = 0; i < out.size(); ++i) {
    const model::Date& d = graph.date(out[i].work);
    keys.push_back({out[i].distance,
                    {d.known() ? d.year : 1'000'000, d.month, d.day},
                    graph.id(out[i].work),
                    i});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.distance, a.date, a.id) <
           std::tie(b.distance, b.date, b.id);
  });
  std::vector<Reached> sorted;
  sorted.reserve(out.size());
  for (const Key& k : keys) sorted.push_back(out[k.at]);
  return sorted;
}

std::vector<CommonAncestor> CommonAncestors(const model::Graph& graph,
                                            VertexId a, VertexId b,
                                            const TraversalOptions& options) {
  base::IdMap from_a;
  from_a.Insert(a, 0);
  Bfs(graph, a, Direction::kAncestors, options,
      [&](VertexId v, int d, VertexId) { from_a.Insert(v, d); });
  std::vector<CommonAncestor> out;
  base::IdMap position;  // Common ancestor -> its index in `out`.
  auto consider = [&](VertexId v, int d) {
    auto da = from_a.Find(v);
    if (da && position.Insert(v, static_cast<std::int32_t>(out.size())))
      out.push_back({v, *da, d, true});
  };
  consider(b, 0);
  Bfs(graph, b, Direction::kAncestors, options,
      [&](VertexId v, int d, VertexId) { consider(v, d); });

  // A common ancestor is lowest when none of its children is one: if a
  // common ancestor d descends from c, the first step from c towards d is
  // itself an ancestor of d, hence of A and B. Marked from the children's
  // side, through their few parents, so that an old hub cited by half the
  // graph costs nothing.
  const Topology& t = graph.topology();
  for (const CommonAncestor& c : std::vector<CommonAncestor>(out)) {
    for (auto [it, end] = boost::in_edges(c.work, t); it != end; ++it) {
      if (!options.relations.Contains(t[*it].relation)) continue;
      if (auto at = position.Find(boost::source(*it, t)))
        out[static_cast<std::size_t>(*at)].lowest = false;
    }
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
