// The knowledge graph: works, the typed links between them, and the eras of
// the timeline, checked for consistency when built.
#pragma once

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/intern.h"
#include "base/status.h"
#include "base/text.h"
#include "model/types.h"

namespace lineage::model {

// A link as written in a data file: by work ids, not yet resolved.
struct LinkSpec {
  std::string child;   // Id of the work that declares the link.
  std::string parent;  // Id of the older work it names.
  Relation relation = Relation::kBuildsOn;
  LinkDetails details;
};

// Everything a loader read, before validation.
struct GraphSpec {
  std::string title;     // What the whole graph is called ("" for none).
  std::string zh_title;  // The same in Chinese ("" for none).
  std::vector<Era> eras;
  std::vector<Work> works;
  std::vector<LinkSpec> links;
  // The relations the links may have: the built-in ones and those defined
  // here (by an importer, from the file's names).
  RelationVocabulary relations;
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

// A named attribute of works, as a column: the extra columns of a node
// table ("venue", "downloads"...).
struct AttributeColumn {
  std::string name;
  base::StringPool values;
  std::vector<std::uint32_t> of;  // Per work: index into values, or ~0u.
  // Its values are also names the work is found by (a table's alias
  // columns), as its aliases are: each value one name, or several joined
  // by kNameSeparator.
  bool names = false;

  static constexpr std::uint32_t kNone = 0xFFFFFFFF;
  static constexpr std::string_view kNameSeparator = "; ";
  // The names in a value of a names column. O(length).
  static std::vector<std::string_view> NamesIn(std::string_view value) {
    return base::SplitJoined(value, kNameSeparator);
  }
};

// A bulk import as columns, for graphs of millions of works: no per-work or
// per-link strings beyond the id, an optional label and attribute columns.
struct BulkSpec {
  // One per work; vertex v is id v. Ids added unindexed are indexed by
  // FromBulk; they must be unique.
  base::InternTable ids;
  base::StringPool labels;
  // Per work: index into `labels`, or kNoLabel (the name is the id). Empty:
  // no work has a label.
  std::vector<std::uint32_t> label_of;
  std::vector<Date> dates;  // Per work, or empty: none is dated.
  // The links, parent (older) -> child, all of one relation; no self-links.
  std::vector<VertexId> parents;
  std::vector<VertexId> children;
  Relation relation = Relation::kCites;
  Kind kind = Kind::kPaper;
  std::vector<Kind> kinds;  // Per work, or empty: every work is `kind`.
  std::vector<AttributeColumn> attributes;

  static constexpr std::uint32_t kNoLabel = 0xFFFFFFFF;
};

// What FromBulk dropped.
struct BulkReport {
  std::size_t duplicate_links = 0;
  // The first repeated parent -> child pair, when there is one.
  std::optional<std::pair<VertexId, VertexId>> first_duplicate;
};

// The Boost CSR graph behind a Graph's links (model/topology.h): for model/
// and the algorithms of analysis/ only.
struct Csr;

// The links of a Graph as flat arrays, in one direction: work v's links are
// start[v] .. start[v+1], each with the work at its other end and its link
// id (`link` is null for out-links, whose link id is their position).
struct RowView {
  const EdgeId* start = nullptr;
  const VertexId* vertex = nullptr;
  const EdgeId* link = nullptr;
  EdgeId LinkAt(EdgeId i) const { return link == nullptr ? i : link[i]; }
};

// The first work of the second half of the links of `rows` (n works), in
// link order: where a loop over the works' links splits for two cores.
// O(log V).
inline VertexId MidRow(RowView rows, std::size_t n) {
  const EdgeId half = rows.start[n] / 2;
  return static_cast<VertexId>(
      std::lower_bound(rows.start, rows.start + n, half) - rows.start);
}

// One link seen from one of its works.
struct Neighbor {
  VertexId other;  // The work at the other end.
  EdgeId link;
  Relation relation;
};

// The links of one work in one direction whose relation is in a set, in
// link order: a view into the graph's arrays, valid while the graph lives.
// Iterating costs O(degree) and copies nothing.
class Neighbors {
 public:
  class iterator {
   public:
    using value_type = Neighbor;
    using difference_type = std::ptrdiff_t;
    Neighbor operator*() const {
      const EdgeId link = rows_.LinkAt(i_);
      return {rows_.vertex[i_], link, relations_[link]};
    }
    iterator& operator++() {
      ++i_;
      Skip();
      return *this;
    }
    iterator operator++(int) {
      iterator before = *this;
      ++*this;
      return before;
    }
    bool operator==(const iterator& o) const { return i_ == o.i_; }
    bool operator!=(const iterator& o) const { return i_ != o.i_; }

   private:
    friend class Neighbors;
    iterator(const Neighbors& n, EdgeId i)
        : rows_(n.rows_),
          relations_(n.relations_),
          keep_(n.keep_),
          i_(i),
          end_(n.end_) {
      Skip();
    }
    void Skip() {
      while (i_ < end_ && !keep_.Contains(relations_[rows_.LinkAt(i_)])) ++i_;
    }
    RowView rows_;
    const Relation* relations_;
    RelationSet keep_;
    EdgeId i_, end_;
  };

  Neighbors(RowView rows, const Relation* relations, RelationSet keep,
            VertexId v)
      : rows_(rows),
        relations_(relations),
        keep_(keep),
        begin_(rows.start[v]),
        end_(rows.start[v + 1]) {}
  iterator begin() const { return iterator(*this, begin_); }
  iterator end() const { return iterator(*this, end_); }
  // O(degree) when the first links are of other relations.
  bool empty() const { return begin() == end(); }

 private:
  RowView rows_;
  const Relation* relations_;
  RelationSet keep_;
  EdgeId begin_, end_;
};

// The in-links of a graph as the CSR holds them: work v's in-links are
// rowstart[v] .. rowstart[v+1], each with its source and its link id.
struct InRows {
  std::vector<EdgeId> rowstart;
  std::vector<VertexId> source;
  std::vector<EdgeId> link;
};

// An immutable graph of works held in columns: ids and names in string
// pools, kinds and dates in arrays, the links in a compressed-sparse-row
// graph in both directions (link id = position among the out-links, links
// grouped by parent), and WorkDetails/LinkDetails for data that has them (none
// for bulk tables). About 30 bytes a work and 13 a link for imports.
class Graph {
 public:
  // Validates `spec` and builds the graph. Fails with kInvalidData listing
  // every problem found, each with its location and fix:
  //   duplicate era or work ids; names or aliases shared by two works;
  //   unknown eras; missing dates (all kinds but organizations need one);
  //   dates outside the work's era; links to unknown works (with "did you
  //   mean"); self-links; duplicate links; links whose parent is dated after
  //   the child; and, unless allowed, cycles of influence links (printed
  //   "a -> b -> a"). Links keep their order within each parent.
  //   O((V + E) log V).
  static base::Result<Graph> Build(GraphSpec spec,
                                   const BuildOptions& options = {});

  // Builds a graph from columns without validation beyond dropping
  // repeated parent -> child pairs (counted in `report`, may be null); the
  // importer has checked the rest. Cycles are allowed. Each parent's links
  // are sorted by child. O(V + E + sum of d·log d over out-degrees d).
  static Graph FromBulk(BulkSpec spec, BulkReport* report);

  // A graph from the raw columns of the binary format (io/graph_file);
  // nullopt when they do not fit together (sizes, ranges, duplicate ids).
  // The id index is built on a second core while the links are checked and
  // the in-edges built. O(V + E).
  struct Columns {
    std::string title, zh_title;
    std::vector<Era> eras;
    base::StringPool ids;
    base::StringPool names;
    std::vector<std::uint32_t> name_of;
    std::vector<Kind> kinds;
    std::vector<Date> dates;
    std::vector<WorkDetails> details;
    std::vector<EdgeId> rowstart;
    std::vector<VertexId> column;
    std::vector<Relation> relations;
    RelationVocabulary vocabulary;
    std::vector<LinkDetails> link_details;
    std::vector<AttributeColumn> attributes;
    // The in-edges, when the caller has them (else built, O(E)): their
    // ranges are checked, and that they are the out-edges seen from the
    // other end (in two sequential passes, O(E)).
    InRows in;
  };
  static std::optional<Graph> FromColumns(Columns columns);
  // The columns of this graph, for writing (copies).
  Columns ToColumns() const;

  Graph(Graph&&) noexcept;
  Graph& operator=(Graph&&) noexcept;
  ~Graph();

  std::size_t num_works() const { return kinds_.size(); }
  std::size_t num_links() const { return num_links_; }
  // What the whole graph is called, as its data says ("" when it does not).
  const std::string& title() const { return title_; }
  const std::string& zh_title() const { return zh_title_; }

  std::string_view id(VertexId v) const { return ids_.Get(v); }
  // The display name: the label or curated name, else the id.
  std::string_view name(VertexId v) const;
  Kind kind(VertexId v) const { return kinds_[v]; }
  const Date& date(VertexId v) const { return dates_[v]; }
  // Starts fetching what date(v) and id(v) read into the cache, for a loop
  // over many scattered works that calls this some works ahead. A hint:
  // it reads nothing itself.
  void Prefetch(VertexId v) const {
    __builtin_prefetch(&dates_[v]);
    ids_.pool().Prefetch(v);
  }
  // The era id, "" when none.
  std::string_view era(VertexId v) const;
  // Empty details for works of a bulk import.
  const WorkDetails& details(VertexId v) const;
  // The attribute columns, and the value of column `c` for work v ("" when
  // it has none).
  std::span<const AttributeColumn> attributes() const { return attributes_; }
  std::string_view attribute(std::size_t c, VertexId v) const {
    const AttributeColumn& a = attributes_[c];
    return a.of[v] == AttributeColumn::kNone ? std::string_view()
                                             : a.values.Get(a.of[v]);
  }
  // The older work of a link. O(log V).
  VertexId parent(EdgeId e) const;
  // The newer work of a link. O(1).
  VertexId child(EdgeId e) const { return out_.vertex[e]; }
  Relation relation(EdgeId e) const { return relations_view_[e]; }
  // The relations this graph knows (built in, and its own names), and the
  // name of one: "builds_on", or "fine_tune" from an imported file.
  const RelationVocabulary& vocabulary() const { return vocabulary_; }
  std::string_view relation_name(Relation rel) const {
    return vocabulary_.Name(rel);
  }
  // Calls f(link id, parent, child, relation) for every link in link
  // order: the way to visit millions of links. O(E).
  template <typename F>
  void ForEachLink(F&& f) const {
    const VertexId n = static_cast<VertexId>(num_works());
    for (VertexId u = 0; u < n; ++u)
      for (EdgeId e = out_.start[u]; e < out_.start[u + 1]; ++e)
        f(e, u, out_.vertex[e], relations_view_[e]);
  }
  // Empty details for links of a bulk import.
  const LinkDetails& link_details(EdgeId e) const;

  // The links from v to newer works (its children) and from older works to
  // v (its parents) whose relation is in `rels`, in link order, without
  // copies: {other work, link, relation}. O(1) to make, O(degree) to walk.
  Neighbors OutLinks(VertexId v, RelationSet rels = RelationSet::All()) const {
    return Neighbors(out_, relations_view_, rels, v);
  }
  Neighbors InLinks(VertexId v, RelationSet rels = RelationSet::All()) const {
    return Neighbors(in_, relations_view_, rels, v);
  }
  // The same arrays unfiltered, for traversals that walk them directly
  // (and prefetch ahead), and the relation of every link by link id.
  RowView out_rows() const { return out_; }
  RowView in_rows() const { return in_; }
  const Relation* link_relations() const { return relations_view_; }

  std::span<const Era> eras() const { return eras_; }
  // The Boost graph behind the arrays, shared: for model/ and the
  // algorithms of analysis/ (model/topology.h defines it). A simple graph is
  // its own analysis::Digraph.
  std::shared_ptr<const Csr> csr() const { return csr_; }
  // No two links join the same parent and child (whatever their relations).
  bool simple() const { return simple_; }
  // The relations some link has.
  RelationSet relations() const { return relations_; }
  // Whether the works carry details (YAML data, and GraphML, JSON or DOT
  // whose attributes fill them) or none (bulk tables, in columns).
  bool has_details() const { return !details_.empty(); }

  // The work with exactly this id. O(1) expected.
  std::optional<VertexId> FindId(std::string_view id) const;
  // The work whose id, name or alias has this NormalizeKey. O(1) expected
  // after the first call, which builds the key table (O(V)).
  std::optional<VertexId> FindKey(std::string_view key) const;
  // Every lookup key and its work, for suggestions (built on first use).
  const std::unordered_map<std::string, VertexId>& keys() const;
  const Era* FindEra(std::string_view id) const;

 private:
  Graph();
  // Takes the links and points the views at its arrays.
  void AdoptCsr(std::shared_ptr<Csr> csr);

  std::string title_, zh_title_;
  std::vector<Era> eras_;
  base::InternTable ids_;
  base::StringPool names_;
  std::vector<std::uint32_t> name_of_;  // Empty, or per work (kNoLabel).
  std::vector<Kind> kinds_;
  std::vector<Date> dates_;
  std::vector<WorkDetails> details_;       // Empty, or per work.
  std::vector<LinkDetails> link_details_;  // Empty, or per link.
  std::vector<AttributeColumn> attributes_;
  std::shared_ptr<Csr> csr_;
  std::size_t num_links_ = 0;
  RowView out_, in_;
  const Relation* relations_view_ = nullptr;
  bool simple_ = true;
  RelationSet relations_;
  RelationVocabulary vocabulary_;
  struct Keys;
  std::unique_ptr<Keys> keys_;
};

// Everything `graph` holds, as the spec that Graph::Build makes into the
// same graph (with the build options the data needs). O(V + E).
GraphSpec SpecOf(const Graph& graph);

// The spec of `graph` with only the works and links of one layer; a graph
// without details is all of the article's layer. O(V + E).
GraphSpec LayerSpec(const Graph& graph, Layer layer);

// `spec` as read in `language`: names, summaries, evidence, eras and title
// in that language where known (else as they are), the other language's
// names kept as aliases so that either finds a work. O(size of spec).
void Localize(GraphSpec* spec, Language language);

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
