#include "analysis/paths.h"

#include <algorithm>
#include <deque>
#include <unordered_map>
#include <unordered_set>

namespace lineage::analysis {
namespace {

using model::EdgeId;
using model::RelationSet;
using model::Topology;
using model::VertexId;

// Links out of `v` that `relations` allows, in CSR (that is, link) order.
template <typename F>
void ForEachOut(const Topology& t, VertexId v, RelationSet relations, F&& f) {
  for (auto [it, end] = boost::out_edges(v, t); it != end; ++it)
    if (relations.Contains(t[*it].relation))
      f(boost::target(*it, t), model::LinkOf(t, *it));
}

// Distance from every work that can reach `to` down to `to`.
std::unordered_map<VertexId, std::size_t> DistancesTo(const Topology& t,
                                                      VertexId to,
                                                      RelationSet relations) {
  std::unordered_map<VertexId, std::size_t> dist{{to, 0}};
  std::deque<VertexId> queue{to};
  while (!queue.empty()) {
    VertexId v = queue.front();
    queue.pop_front();
    for (auto [it, end] = boost::in_edges(v, t); it != end; ++it) {
      if (!relations.Contains(t[*it].relation)) continue;
      if (dist.emplace(boost::source(*it, t), dist[v] + 1).second)
        queue.push_back(boost::source(*it, t));
    }
  }
  return dist;
}

// Depth-first enumeration of the paths of exactly `length` links.
class ExactLengthSearch {
 public:
  ExactLengthSearch(const Topology& t, VertexId to, const PathOptions& options,
                    const std::unordered_map<VertexId, std::size_t>& dist,
                    PathSet* out, std::size_t* steps)
      : t_(t),
        to_(to),
        options_(options),
        dist_(dist),
        out_(out),
        steps_(steps) {}

  void Run(VertexId from, std::size_t length) {
    length_ = length;
    path_ = {{from}, {}};
    on_path_ = {from};
    Visit(from);
  }

 private:
  // Returns false to abandon the search (a limit was reached).
  bool Visit(VertexId v) {
    if (path_.length() == length_) {
      if (v == to_) {
        out_->paths.push_back(path_);
        if (out_->paths.size() >= options_.max_paths) return false;
      }
      return true;
    }
    bool go_on = true;
    ForEachOut(t_, v, options_.relations, [&](VertexId w, EdgeId link) {
      if (!go_on || on_path_.count(w)) return;
      auto it = dist_.find(w);
      if (it == dist_.end() || path_.length() + 1 + it->second > length_)
        return;
      if (++*steps_ > options_.max_steps) {
        go_on = false;
        return;
      }
      path_.works.push_back(w);
      path_.links.push_back(link);
      on_path_.insert(w);
      go_on = Visit(w);
      on_path_.erase(w);
      path_.works.pop_back();
      path_.links.pop_back();
    });
    return go_on;
  }

  const Topology& t_;
  VertexId to_;
  const PathOptions& options_;
  const std::unordered_map<VertexId, std::size_t>& dist_;
  PathSet* out_;
  std::size_t* steps_;
  std::size_t length_ = 0;
  Path path_;
  std::unordered_set<VertexId> on_path_;
};

}  // namespace

std::optional<Path> ShortestPath(const model::Graph& graph, VertexId from,
                                 VertexId to, RelationSet relations) {
  const Topology& t = graph.topology();
  // Only ancestors of `to` can lie on a path to it. Finding them first, up
  // the few references of each work, keeps the search below from spreading
  // through all the descendants of an old, much-cited `from`; the path found
  // is the same.
  auto up = DistancesTo(t, to, relations);
  if (!up.count(from)) return std::nullopt;
  // Predecessor link of every reached work; `from` maps to itself.
  std::unordered_map<VertexId, std::pair<VertexId, EdgeId>> pred{
      {from, {from, 0}}};
  std::deque<VertexId> queue{from};
  while (!queue.empty() && !pred.count(to)) {
    VertexId v = queue.front();
    queue.pop_front();
    ForEachOut(t, v, relations, [&](VertexId w, EdgeId link) {
      if (up.count(w) && pred.emplace(w, std::pair{v, link}).second)
        queue.push_back(w);
    });
  }
  if (!pred.count(to)) return std::nullopt;
  Path path;
  for (VertexId v = to; v != from; v = pred[v].first) {
    path.works.push_back(v);
    path.links.push_back(pred[v].second);
  }
  path.works.push_back(from);
  std::reverse(path.works.begin(), path.works.end());
  std::reverse(path.links.begin(), path.links.end());
  return path;
}

PathSet AllPaths(const model::Graph& graph, VertexId from, VertexId to,
                 const PathOptions& options) {
  PathSet out;
  if (options.max_paths == 0) return out;
  const Topology& t = graph.topology();
  auto dist = DistancesTo(t, to, options.relations);
  auto it = dist.find(from);
  if (it == dist.end()) return out;
  // A simple path visits each work once, so no path is longer than the
  // number of works that can reach `to`, less one.
  std::size_t longest = dist.size() - 1;
  if (options.max_length > 0) longest = std::min(longest, options.max_length);
  std::size_t steps = 0;
  ExactLengthSearch search(t, to, options, dist, &out, &steps);
  for (std::size_t length = it->second; length <= longest; ++length) {
    search.Run(from, length);
    if (out.paths.size() >= options.max_paths || steps > options.max_steps) {
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
