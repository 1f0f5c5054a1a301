#include "analysis/paths.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "analysis/ancestry.h"

namespace lineage::analysis {
namespace {

using model::EdgeId;
using model::RelationSet;
using model::VertexId;

// Distance from every work that can reach one of `to` down to it.
std::unordered_map<VertexId, std::size_t> DistancesTo(
    const model::Graph& g, std::span<const VertexId> to,
    RelationSet relations) {
  std::unordered_map<VertexId, std::size_t> dist;
  std::deque<VertexId> queue;
  for (VertexId v : to)
    if (dist.emplace(v, 0).second) queue.push_back(v);
  while (!queue.empty()) {
    VertexId v = queue.front();
    queue.pop_front();
    const std::size_t next = dist[v] + 1;
    for (const model::Neighbor& p : g.InLinks(v, relations))
      if (dist.emplace(p.other, next).second) queue.push_back(p.other);
  }
  return dist;
}

// Enumerates the simple paths of exactly `length` links from `from` to
// `to`, depth first, with an explicit stack of the links still to try at
// each step of the current path.
class ExactLengthSearch {
 public:
  ExactLengthSearch(const model::Graph& g, VertexId to,
                    const PathOptions& options,
                    const std::unordered_map<VertexId, std::size_t>& dist,
                    PathSet* out, std::size_t* steps)
      : g_(g),
        to_(to),
        options_(options),
        dist_(dist),
        out_(out),
        steps_(steps) {}

  // Returns false when a limit stopped the search.
  bool Run(VertexId from, std::size_t length) {
    Path path{{from}, {}};
    std::unordered_set<VertexId> on_path{from};
    // frames[i]: the links out of path.works[i] not yet tried.
    struct Frame {
      model::Neighbors::iterator next, end;
    };
    std::vector<Frame> frames;
    auto open = [&](VertexId v) {
      model::Neighbors out = g_.OutLinks(v, options_.relations);
      frames.push_back({out.begin(), out.end()});
    };
    if (length == 0) {
      if (from == to_) out_->paths.push_back(path);
      return out_->paths.size() < options_.max_paths;
    }
    open(from);
    while (!frames.empty()) {
      Frame& f = frames.back();
      if (f.next == f.end) {
        frames.pop_back();
        if (path.links.empty()) break;
        on_path.erase(path.works.back());
        path.works.pop_back();
        path.links.pop_back();
        continue;
      }
      const model::Neighbor n = *f.next;
      ++f.next;
      if (on_path.count(n.other)) continue;
      auto it = dist_.find(n.other);
      if (it == dist_.end() || path.length() + 1 + it->second > length)
        continue;
      if (++*steps_ > options_.max_steps) return false;
      if (path.length() + 1 == length) {
        // Pruned by distance, the last step can only reach `to`.
        path.works.push_back(n.other);
        path.links.push_back(n.link);
        out_->paths.push_back(path);
        path.works.pop_back();
        path.links.pop_back();
        if (out_->paths.size() >= options_.max_paths) return false;
        continue;
      }
      path.works.push_back(n.other);
      path.links.push_back(n.link);
      on_path.insert(n.other);
      open(n.other);
    }
    return true;
  }

 private:
  const model::Graph& g_;
  VertexId to_;
  const PathOptions& options_;
  const std::unordered_map<VertexId, std::size_t>& dist_;
  PathSet* out_;
  std::size_t* steps_;
};

}  // namespace

std::optional<Path> ShortestPath(const model::Graph& graph, VertexId from,
                                 VertexId to, RelationSet relations) {
  return ShortestPath(graph, std::span(&from, 1), std::span(&to, 1), relations);
}

std::optional<Path> ShortestPath(const model::Graph& graph,
                                 std::span<const VertexId> from,
                                 std::span<const VertexId> to,
                                 RelationSet relations) {
  // Only ancestors of `to` can lie on a path to it. Finding them first, up
  // the few references of each work, keeps the search below from spreading
  // through all the descendants of an old, much-cited `from`; the path found
  // is the same.
  auto up = DistancesTo(graph, to, relations);
  // Predecessor link of every reached work; a start maps to itself.
  std::unordered_map<VertexId, std::pair<VertexId, EdgeId>> pred;
  std::deque<VertexId> queue;
  for (VertexId v : from)
    if (up.count(v) && pred.emplace(v, std::pair{v, EdgeId{0}}).second)
      queue.push_back(v);
  while (!queue.empty()) {
    VertexId v = queue.front();
    queue.pop_front();
    if (up.at(v) == 0) {  // One of `to`.
      Path path;
      VertexId w = v;
      for (; pred.at(w).first != w; w = pred.at(w).first) {
        path.works.push_back(w);
        path.links.push_back(pred.at(w).second);
      }
      path.works.push_back(w);
      std::reverse(path.works.begin(), path.works.end());
      std::reverse(path.links.begin(), path.links.end());
      return path;
    }
    for (const model::Neighbor& c : graph.OutLinks(v, relations))
      if (up.count(c.other) &&
          pred.emplace(c.other, std::pair{v, c.link}).second)
        queue.push_back(c.other);
  }
  return std::nullopt;
}

OnPaths PathsBetween(const model::Graph& graph, std::span<const VertexId> from,
                     std::span<const VertexId> to, RelationSet relations) {
  auto with_self = [&](std::span<const VertexId> starts, Direction d) {
    std::vector<VertexId> out =
        ReachFrom(graph, starts, d, {.relations = relations});
    out.insert(out.end(), starts.begin(), starts.end());
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  };
  const std::vector<VertexId> below = with_self(from, Direction::kDescendants);
  const std::vector<VertexId> above = with_self(to, Direction::kAncestors);
  OnPaths out;
  std::set_intersection(below.begin(), below.end(), above.begin(), above.end(),
                        std::back_inserter(out.works));
  out.links = LinksAmong(graph, out.works, relations);
  return out;
}

std::vector<EdgeId> LinksAmong(const model::Graph& graph,
                               std::span<const VertexId> works,
                               RelationSet relations) {
  std::vector<EdgeId> out;
  for (VertexId v : works)
    for (const model::Neighbor& c : graph.OutLinks(v, relations))
      if (std::binary_search(works.begin(), works.end(), c.other))
        out.push_back(c.link);
  std::sort(out.begin(), out.end());
  return out;
}

PathSet AllPaths(const model::Graph& graph, VertexId from, VertexId to,
                 const PathOptions& options) {
  PathSet out;
  if (options.max_paths == 0) return out;
  auto dist = DistancesTo(graph, std::span(&to, 1), options.relations);
  auto it = dist.find(from);
  if (it == dist.end()) return out;
  // A simple path visits each work once, so no path is longer than the
  // number of works that can reach `to`, less one.
  std::size_t longest = dist.size() - 1;
  if (options.max_length > 0) longest = std::min(longest, options.max_length);
  std::size_t steps = 0;
  ExactLengthSearch search(graph, to, options, dist, &out, &steps);
  for (std::size_t length = it->second; length <= longest; ++length) {
    if (!search.Run(from, length)) {
      out.truncated = true;
      return out;
    }
  }
  // max_length stopped the search early if enough works remain for a
  // longer simple path.
  if (options.max_length > 0 && dist.size() - 1 > options.max_length)
    out.truncated = true;
  return out;
}

}  // namespace lineage::analysis
