// The knowledge graph: works, the typed links between them, and the eras of
// the timeline, checked for consistency when built.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "model/topology.h"
#include "model/types.h"

namespace lineage::model {

// A link as written in a data file: by work ids, not yet resolved.
struct LinkSpec {
  std::string child;   // Id of the work that declares the link.
  std::string parent;  // Id of the older work it names.
  Relation relation = Relation::kBuildsOn;
  std::string evidence;
  std::string citation;
  base::SourceLocation where;
};

// Everything a loader read, before validation.
struct GraphSpec {
  std::vector<Era> eras;
  std::vector<Work> works;
  std::vector<LinkSpec> links;
};

struct BuildOptions {
  // Accept cycles of influence links (real citation graphs have them);
  // analyses that need a DAG then refuse with the cycle named. Default:
  // refuse them, as the curated graph must be a DAG.
  bool allow_influence_cycles = false;
  // Hold the data to the curated graph's standards: every work but an
  // organization has a date and an era, every link evidence, every name
  // and alias one work, and no link goes back in time. Imported data is
  // taken as it is (false), its problems counted by the importer instead.
  bool curated = true;
};

class Graph {
 public:
  // Validates `spec` and builds the graph. Fails with kInvalidData listing
  // every problem found, each with its location and fix:
  //   duplicate era or work ids; names or aliases shared by two works;
  //   unknown eras; missing dates (all kinds but organizations need one);
  //   dates outside the work's era; links to unknown works (with "did you
  //   mean"); self-links; duplicate links; links whose parent is dated after
  //   the child; and, unless allowed, cycles of influence links (printed
  //   "a -> b -> a"). O((V + E) log V).
  static base::Result<Graph> Build(GraphSpec spec,
                                   const BuildOptions& options = {});

  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  ~Graph();

  std::size_t num_works() const { return works_.size(); }
  std::size_t num_links() const { return links_.size(); }
  const Work& work(VertexId v) const { return works_[v]; }
  const Link& link(EdgeId e) const { return links_[e]; }
  std::span<const Work> works() const { return works_; }
  std::span<const Link> links() const { return links_; }
  std::span<const Era> eras() const { return eras_; }
  const Topology& topology() const { return *topology_; }

  // The work with exactly this id. O(1).
  std::optional<VertexId> FindId(std::string_view id) const;
  // The work whose id, name or alias has this NormalizeKey. O(1).
  std::optional<VertexId> FindKey(std::string_view key) const;
  // Every lookup key and its work, for suggestions.
  const std::unordered_map<std::string, VertexId>& keys() const {
    return keys_;
  }
  const Era* FindEra(std::string_view id) const;

 private:
  Graph();

  std::vector<Era> eras_;
  std::vector<Work> works_;
  std::vector<Link> links_;
  std::unordered_map<std::string, VertexId> ids_;
  std::unordered_map<std::string, VertexId> keys_;
  std::unique_ptr<Topology> topology_;
};

// The works `v` names through links of the given relations (its parents),
// or the works that name `v` (its children), in link order. O(degree).
std::vector<VertexId> Parents(const Graph& graph, VertexId v, RelationSet rels);
std::vector<VertexId> Children(const Graph& graph, VertexId v,
                               RelationSet rels);

}  // namespace lineage::model

namespace lineage::model {

// A cycle of links: works[0] -> works[1] -> ... -> works.back() -> works[0],
// and the link that closes it.
struct Cycle {
  std::vector<VertexId> works;
  EdgeId closing_link = 0;
};

// Up to `max` cycles among links of `rels`, one per back edge of a
// depth-first search (so at least one whenever there is any). O(V + E).
std::vector<Cycle> FindCycles(const Graph& graph, RelationSet rels,
                              std::size_t max);

// "a -> b -> c -> a".
std::string CycleText(const Graph& graph, const Cycle& cycle);

}  // namespace lineage::model
