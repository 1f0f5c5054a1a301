#include "model/graph.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/filtered_graph.hpp>
#include <functional>
#include <mutex>
#include <random>
#include <set>
#include <thread>
#include <tuple>
#include <utility>

#include "base/huge.h"
#include "base/parallel.h"
#include "base/text.h"
#include "model/resolve.h"
#include "model/topology.h"

namespace lineage::model {
namespace {

using base::Diagnostic;
using base::SourceLocation;

std::string At(const SourceLocation& where) {
  std::string s = where.ToString();
  return s.empty() ? "" : " (" + s + ")";
}

}  // namespace

struct Graph::Keys {
  std::once_flag once;
  std::unordered_map<std::string, VertexId> map;
};

Graph::Graph() : keys_(std::make_unique<Keys>()) {}
Graph::Graph(Graph&&) noexcept = default;
Graph& Graph::operator=(Graph&&) noexcept = default;
Graph::~Graph() = default;

namespace {

const WorkDetails kNoDetails;
const LinkDetails kNoLinkDetails;

// The lookup keys of the works: NormalizeKey of every id, name and alias.
// With `diags`, a key shared by two works is reported (curated data);
// without, the first work keeps it (imported labels need not be unique).
std::unordered_map<std::string, VertexId> KeyMap(
    std::size_t n, const std::function<std::string_view(VertexId)>& id,
    const std::function<std::vector<std::string_view>(VertexId)>& names,
    const std::function<SourceLocation(VertexId)>& where,
    std::vector<Diagnostic>* diags) {
  std::unordered_map<std::string, VertexId> keys;
  keys.reserve(n);
  for (VertexId v = 0; v < n; ++v) {
    for (std::string_view name : names(v)) {
      std::string key = base::NormalizeKey(name);
      if (key.empty()) {
        if (diags == nullptr) continue;
        diags->push_back(
            {where(v),
             fmt::format("name '{}' of work '{}' has no letters or digits",
                         name, id(v)),
             "use a name people can type"});
        continue;
      }
      auto [it, inserted] = keys.emplace(std::move(key), v);
      if (!inserted && it->second != v && diags != nullptr) {
        diags->push_back(
            {where(v),
             fmt::format("name '{}' of work '{}' already refers to work '{}'{}",
                         name, id(v), id(it->second), At(where(it->second))),
             "names and aliases must be unique; drop or change this one"});
      }
    }
  }
  return keys;
}

// Every name a work is found by: its id, its name, its aliases, and its
// Chinese name and aliases (either language finds a work).
std::vector<std::string_view> NamesOf(std::string_view id,
                                      std::string_view name,
                                      const WorkDetails& d) {
  std::vector<std::string_view> names{id, name};
  names.insert(names.end(), d.aliases.begin(), d.aliases.end());
  if (!d.zh_name.empty()) names.push_back(d.zh_name);
  names.insert(names.end(), d.zh_aliases.begin(), d.zh_aliases.end());
  return names;
}

// Groups links by parent with a counting sort, keeping their order within
// a parent. Returns the row starts and, for each position, the index of the
// link placed there.
std::pair<std::vector<EdgeId>, std::vector<EdgeId>> GroupByParent(
    std::size_t n, const std::vector<VertexId>& parents) {
  std::vector<EdgeId> rowstart(n + 1, 0);
  for (VertexId p : parents) ++rowstart[p + 1];
  for (std::size_t v = 0; v < n; ++v) rowstart[v + 1] += rowstart[v];
  std::vector<EdgeId> next(rowstart.begin(), rowstart.end() - 1);
  std::vector<EdgeId> order(parents.size());
  for (EdgeId i = 0; i < parents.size(); ++i) order[next[parents[i]]++] = i;
  return {std::move(rowstart), std::move(order)};
}

}  // namespace

namespace {

// Whether no parent links to the same child twice. Rows sorted by child
// (every import) are checked in one sequential pass; others with a marker
// per work. O(V + E).
bool NoRepeatedPairs(const Topology& t) {
  const auto& rows = t.m_forward.m_rowstart;
  const auto& column = t.m_forward.m_column;
  const std::size_t n = rows.size() - 1;
  bool sorted = true;
  for (std::size_t u = 0; u < n && sorted; ++u)
    for (EdgeId e = rows[u] + 1; e < rows[u + 1] && sorted; ++e)
      sorted = column[e - 1] < column[e];
  if (sorted) return true;
  std::vector<VertexId> last(n, static_cast<VertexId>(n));
  for (VertexId u = 0; u < n; ++u) {
    for (EdgeId e = rows[u]; e < rows[u + 1]; ++e) {
      if (last[column[e]] == u) return false;
      last[column[e]] = u;
    }
  }
  return true;
}

RelationSet Present(const Topology& t) {
  RelationSet present;
  for (const EdgeBundle& b : t.m_forward.m_edge_properties)
    present.Add(b.relation);
  return present;
}

}  // namespace

void AdoptRows(Topology& g, VertexId n, std::vector<EdgeId> rowstart,
               std::vector<VertexId> column, std::vector<EdgeBundle> bundles,
               InRows in) {
  g = Topology(n);
  const std::size_t m = column.size();
  if (in.rowstart.empty()) {
    base::ResizeHuge(in.rowstart, std::size_t{n} + 1);
    for (VertexId target : column) ++in.rowstart[target + 1];
    for (std::size_t v = 0; v < n; ++v) in.rowstart[v + 1] += in.rowstart[v];
    base::ResizeHuge(in.source, m);
    base::ResizeHuge(in.link, m);
    std::vector<EdgeId> next(in.rowstart.begin(), in.rowstart.end() - 1);
    for (VertexId u = 0; u < n; ++u) {
      for (EdgeId e = rowstart[u]; e < rowstart[u + 1]; ++e) {
        const EdgeId at = next[column[e]]++;
        in.source[at] = u;
        in.link[at] = e;
      }
    }
  }
  bundles.resize(m);
  g.m_forward.m_rowstart = std::move(rowstart);
  g.m_forward.m_column = std::move(column);
  g.m_forward.m_edge_properties = std::move(bundles);
  g.m_backward.m_rowstart = std::move(in.rowstart);
  g.m_backward.m_column = std::move(in.source);
  g.m_backward.m_edge_properties = std::move(in.link);
}

std::string_view Graph::name(VertexId v) const {
  if (name_of_.empty() || name_of_[v] == BulkSpec::kNoLabel) return id(v);
  return names_.Get(name_of_[v]);
}

std::string_view Graph::era(VertexId v) const {
  return details_.empty() ? std::string_view() : details_[v].era;
}

const WorkDetails& Graph::details(VertexId v) const {
  return details_.empty() ? kNoDetails : details_[v];
}

const LinkDetails& Graph::link_details(EdgeId e) const {
  return link_details_.empty() ? kNoLinkDetails : link_details_[e];
}

VertexId Graph::parent(EdgeId e) const {
  const EdgeId* rows = out_.start;
  return static_cast<VertexId>(
      std::upper_bound(rows, rows + num_works() + 1, e) - rows - 1);
}

void Graph::AdoptCsr(std::shared_ptr<Csr> csr) {
  static_assert(sizeof(EdgeBundle) == sizeof(Relation) &&
                    std::is_standard_layout_v<EdgeBundle>,
                "the relation views read the edge bundles as relations");
  csr_ = std::move(csr);
  num_links_ = csr_->m_forward.m_column.size();
  out_ = {csr_->m_forward.m_rowstart.data(), csr_->m_forward.m_column.data(),
          nullptr};
  in_ = {csr_->m_backward.m_rowstart.data(), csr_->m_backward.m_column.data(),
         csr_->m_backward.m_edge_properties.data()};
  relations_view_ = reinterpret_cast<const Relation*>(
      csr_->m_forward.m_edge_properties.data());
}

std::optional<VertexId> Graph::FindId(std::string_view id) const {
  return ids_.Find(id);
}

const std::unordered_map<std::string, VertexId>& Graph::keys() const {
  std::call_once(keys_->once, [this] {
    keys_->map = KeyMap(
        num_works(), [this](VertexId v) { return id(v); },
        [this](VertexId v) {
          auto names = NamesOf(id(v), name(v), details(v));
          for (const AttributeColumn& a : attributes_)
            if (a.names && v < a.of.size() && a.of[v] != AttributeColumn::kNone)
              for (std::string_view n :
                   AttributeColumn::NamesIn(a.values.Get(a.of[v])))
                names.push_back(n);
          return names;
        },
        [this](VertexId v) { return details(v).where; }, nullptr);
  });
  return keys_->map;
}

std::optional<VertexId> Graph::FindKey(std::string_view key) const {
  const auto& map = keys();
  auto it = map.find(std::string(key));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

const Era* Graph::FindEra(std::string_view id) const {
  for (const Era& era : eras_)
    if (era.id == id) return &era;
  return nullptr;
}

namespace {

// Building a curated graph takes four steps, each adding what it finds to
// one list of diagnostics so that a data file's every problem is reported
// at once: the eras, then the works on their own, then the links resolved
// to works, and, once the graph stands, its cycles.

std::string EraIds(const std::vector<Era>& eras) {
  std::string ids;
  for (const Era& era : eras) ids += (ids.empty() ? "" : ", ") + era.id;
  return ids;
}

const Era* FindIn(const std::vector<Era>& eras, std::string_view id) {
  for (const Era& era : eras)
    if (era.id == id) return &era;
  return nullptr;
}

void CheckEras(const std::vector<Era>& eras, std::vector<Diagnostic>* diags) {
  for (std::size_t i = 0; i < eras.size(); ++i) {
    const Era& era = eras[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (eras[j].id == era.id) {
        diags->push_back({era.where,
                          fmt::format("duplicate era id '{}', first defined{}",
                                      era.id, At(eras[j].where)),
                          "give each era its own id"});
      }
    }
    if (era.to_year != 0 && era.to_year < era.from_year) {
      diags->push_back({era.where,
                        fmt::format("era '{}' ends ({}) before it begins ({})",
                                    era.id, era.to_year, era.from_year),
                        "swap 'from' and 'to'"});
    }
  }
}

// A work's era and date: curated works need both (organizations neither),
// and the date must fall in the era.
void CheckWorkTime(const Work& w, const std::vector<Era>& eras,
                   const BuildOptions& options,
                   std::vector<Diagnostic>* diags) {
  const std::string& era_id = w.details.era;
  const Era* era = FindIn(eras, era_id);
  const bool needs_time = w.kind != Kind::kOrganization && options.curated;
  if (era_id.empty() && needs_time) {
    const std::string known = EraIds(eras);  // Only for the message.
    diags->push_back({w.details.where,
                      fmt::format("work '{}' has no era", w.id),
                      known.empty() ? "add 'era: ...'"
                                    : "add 'era: ...' with one of: " + known});
  } else if (era == nullptr && !era_id.empty()) {
    const std::string known = EraIds(eras);
    diags->push_back(
        {w.details.where,
         fmt::format("work '{}' names unknown era '{}'", w.id, era_id),
         known.empty() ? "define the era under 'eras:'"
                       : "use one of: " + known});
  }
  if (!w.date.known() && needs_time) {
    diags->push_back({w.details.where,
                      fmt::format("work '{}' has no date", w.id),
                      "add 'date: YYYY-MM' (only organizations may omit it)"});
  } else if (era != nullptr && w.date.known() && !era->Contains(w.date.year)) {
    diags->push_back(
        {w.details.where,
         fmt::format("work '{}' is dated {} but its era '{}' spans {}-{}", w.id,
                     w.date.ToString(), era->id, era->from_year,
                     era->to_year == 0 ? std::string("today")
                                       : std::to_string(era->to_year)),
         "correct the date or choose the era that contains it"});
  }
}

// The works' ids (each must be new) and lookup keys (each id, name and
// alias must name one work: curated names are, imported labels need not
// be, and the first work keeps a shared one).
struct WorkIndex {
  std::unordered_map<std::string_view, VertexId> ids;
  std::unordered_map<std::string, VertexId> keys;
  std::optional<VertexId> Find(std::string_view id) const {
    auto it = ids.find(id);
    if (it == ids.end()) return std::nullopt;
    return it->second;
  }
};

WorkIndex IndexWorks(const std::vector<Work>& works,
                     const std::vector<Era>& eras, const BuildOptions& options,
                     std::vector<Diagnostic>* diags) {
  WorkIndex index;
  std::vector<bool> duplicate(works.size(), false);
  for (VertexId v = 0; v < works.size(); ++v) {
    const Work& w = works[v];
    auto [it, inserted] = index.ids.emplace(w.id, v);
    if (!inserted) {
      duplicate[v] = true;
      diags->push_back({w.details.where,
                        fmt::format("duplicate work id '{}', first defined{}",
                                    w.id, At(works[it->second].details.where)),
                        "rename one of them, or merge the two entries"});
      continue;
    }
    CheckWorkTime(w, eras, options, diags);
  }
  index.keys = KeyMap(
      works.size(), [&](VertexId v) -> std::string_view { return works[v].id; },
      [&](VertexId v) {
        if (duplicate[v]) return std::vector<std::string_view>();  // Reported.
        return NamesOf(works[v].id, works[v].name, works[v].details);
      },
      [&](VertexId v) { return works[v].details.where; },
      options.curated ? diags : nullptr);
  return index;
}

// The article's layer stands on its own: none of its links touches a work
// of the extension, an extension work declares only extension links, and
// every extension link says where its evidence comes from.
void CheckLayers(const LinkSpec& link, const Work& parent, const Work& child,
                 const BuildOptions& options, std::vector<Diagnostic>* diags) {
  if (!options.curated) return;
  const base::SourceLocation& where = link.details.where;
  const std::string_view rel = RelationName(link.relation);
  const bool extension = link.details.layer == Layer::kExtension;
  if (!extension) {
    for (const Work* w : {&parent, &child}) {
      if (w->details.layer != Layer::kExtension) continue;
      diags->push_back(
          {where,
           fmt::format("article link '{}' {} '{}' depends on '{}', a work of "
                       "the extension",
                       child.id, rel, parent.id, w->id),
           "mark the link 'layer: extension' and give its citation"});
      return;
    }
  }
  if (extension && link.details.citation.empty()) {
    diags->push_back(
        {where,
         fmt::format("extension link '{}' {} '{}' has no citation", child.id,
                     rel, parent.id),
         "add 'citation:' with the paper, page or repository the evidence "
         "comes from"});
  }
}

// The links resolved to works, in the order declared.
struct ResolvedLinks {
  std::vector<VertexId> parents, children;
  std::vector<EdgeBundle> relations;
  std::vector<LinkDetails> details;
};

// Resolves one link, or says why it cannot stand: unknown works (with "did
// you mean"), a self-link, a repeat, no evidence, a parent dated later.
bool ResolveLink(const LinkSpec& link, const std::vector<Work>& works,
                 const WorkIndex& index, const BuildOptions& options,
                 const RelationVocabulary& vocabulary,
                 std::set<std::tuple<VertexId, VertexId, Relation>>* seen,
                 std::vector<Diagnostic>* diags, VertexId* parent_out,
                 VertexId* child_out) {
  const base::SourceLocation& where = link.details.where;
  const std::string_view rel = vocabulary.Name(link.relation);
  if (rel.empty()) {
    diags->push_back(
        {where,
         fmt::format("link '{}' -> '{}' has relation number {}, which the "
                     "graph does not define",
                     link.parent, link.child,
                     static_cast<unsigned>(link.relation)),
         "define the relation in the graph's vocabulary"});
    return false;
  }
  auto child = index.Find(link.child);
  auto parent = index.Find(link.parent);
  if (!child) {
    diags->push_back({where,
                      fmt::format("link from unknown work '{}'", link.child),
                      "declare links inside the work they belong to"});
    return false;
  }
  if (!parent) {
    std::vector<std::pair<std::string_view, std::string_view>> near;
    for (VertexId v : Suggest(index.keys, link.parent))
      near.emplace_back(works[v].id, works[v].name);
    std::string hint = DidYouMean(near);
    diags->push_back(
        {where,
         fmt::format("'{}' {} unknown work '{}'", link.child, rel, link.parent),
         hint.empty() ? "add the work, or fix the id" : hint});
    return false;
  }
  if (*child == *parent) {
    diags->push_back({where,
                      fmt::format("work '{}' {} itself", link.child, rel),
                      "remove this self-link"});
    return false;
  }
  if (!seen->emplace(*parent, *child, link.relation).second) {
    diags->push_back({where,
                      fmt::format("duplicate link: '{}' {} '{}' twice",
                                  link.child, rel, link.parent),
                      "remove the repeated entry"});
    return false;
  }
  if (link.details.evidence.empty() && options.curated) {
    diags->push_back(
        {where,
         fmt::format("link '{}' {} '{}' has no evidence", link.child, rel,
                     link.parent),
         "add 'evidence:' with a quote or paraphrase from the source"});
  }
  const Work& pw = works[*parent];
  const Work& cw = works[*child];
  CheckLayers(link, pw, cw, options, diags);
  if (pw.date.known() && cw.date.known() &&
      CompareAtCommonPrecision(pw.date, cw.date) > 0 && options.curated) {
    diags->push_back(
        {where,
         fmt::format("temporal inconsistency: '{}' ({}) {} '{}', which is "
                     "dated later ({})",
                     cw.id, cw.date.ToString(), rel, pw.id, pw.date.ToString()),
         "a work can only follow an earlier one; check both dates or "
         "reverse the link"});
  }
  *parent_out = *parent;
  *child_out = *child;
  return true;
}

ResolvedLinks ResolveLinks(std::vector<LinkSpec>& links,
                           const std::vector<Work>& works,
                           const WorkIndex& index, const BuildOptions& options,
                           const RelationVocabulary& vocabulary,
                           std::vector<Diagnostic>* diags) {
  ResolvedLinks out;
  std::set<std::tuple<VertexId, VertexId, Relation>> seen;
  for (LinkSpec& link : links) {
    VertexId parent = 0, child = 0;
    if (!ResolveLink(link, works, index, options, vocabulary, &seen, diags,
                     &parent, &child))
      continue;
    out.parents.push_back(parent);
    out.children.push_back(child);
    out.relations.push_back({link.relation});
    out.details.push_back(std::move(link.details));
  }
  return out;
}

base::Status Problems(std::vector<Diagnostic> diags, std::string_view what) {
  std::string summary = fmt::format("{} {}{} in the graph data", diags.size(),
                                    what, diags.size() == 1 ? "" : "s");
  return base::Status::InvalidData(std::move(summary), std::move(diags));
}

}  // namespace

base::Result<Graph> Graph::Build(GraphSpec spec, const BuildOptions& options) {
  std::vector<Diagnostic> diags;
  CheckEras(spec.eras, &diags);
  WorkIndex index = IndexWorks(spec.works, spec.eras, options, &diags);
  ResolvedLinks links = ResolveLinks(spec.links, spec.works, index, options,
                                     spec.relations, &diags);
  if (!diags.empty()) return Problems(std::move(diags), "problem");

  Graph g;
  g.title_ = std::move(spec.title);
  g.zh_title_ = std::move(spec.zh_title);
  g.eras_ = std::move(spec.eras);
  g.vocabulary_ = std::move(spec.relations);
  const std::size_t n = spec.works.size();
  g.kinds_.reserve(n);
  g.dates_.reserve(n);
  g.name_of_.reserve(n);
  g.details_.reserve(n);
  for (Work& w : spec.works) {
    g.ids_.Intern(w.id);
    g.name_of_.push_back(g.names_.Add(w.name));
    g.kinds_.push_back(w.kind);
    g.dates_.push_back(w.date);
    g.details_.push_back(std::move(w.details));
  }
  // The links grouped by parent, as the CSR rows hold them.
  auto [rowstart, order] = GroupByParent(n, links.parents);
  std::vector<VertexId> column(order.size());
  std::vector<EdgeBundle> bundles(order.size());
  g.link_details_.resize(order.size());
  for (EdgeId at = 0; at < order.size(); ++at) {
    column[at] = links.children[order[at]];
    bundles[at] = links.relations[order[at]];
    g.link_details_[at] = std::move(links.details[order[at]]);
  }
  auto csr = std::make_shared<Csr>();
  AdoptRows(*csr, static_cast<VertexId>(n), std::move(rowstart),
            std::move(column), std::move(bundles));
  g.simple_ = NoRepeatedPairs(*csr);
  g.relations_ = Present(*csr);
  g.AdoptCsr(std::move(csr));
  std::call_once(g.keys_->once, [&] { g.keys_->map = std::move(index.keys); });

  if (!options.allow_influence_cycles) {
    for (const Cycle& c : FindCycles(g, RelationSet::Influence(), 10)) {
      diags.push_back(
          {g.link_details(c.closing_link).where,
           "influence cycle: " + CycleText(g, c),
           "a work cannot be its own ancestor; remove or reverse one of these "
           "links"});
    }
  }
  if (!diags.empty()) return Problems(std::move(diags), "influence cycle");
  return g;
}

Graph Graph::FromBulk(BulkSpec spec, BulkReport* report) {
  BulkReport local;
  if (report == nullptr) report = &local;
  *report = BulkReport{};
  Graph g;
  const std::size_t n = spec.ids.size();
  g.ids_ = std::move(spec.ids);
  // The links are sorted into rows while the ids added unindexed get their
  // hash index on the second core (a small graph does one after the other).
  base::OnTwoCores(
      n,
      [&] {
        // Counting sort of the children by parent, straight into the CSR
        // column.
        std::vector<EdgeId> rowstart;
        base::ResizeHuge(rowstart, n + 1);
        for (VertexId p : spec.parents) ++rowstart[p + 1];
        for (std::size_t v = 0; v < n; ++v) rowstart[v + 1] += rowstart[v];
        std::vector<VertexId> column;
        base::ResizeHuge(column, spec.parents.size());
        {
          std::vector<EdgeId> next(rowstart.begin(), rowstart.end() - 1);
          for (std::size_t i = 0; i < spec.parents.size(); ++i)
            column[next[spec.parents[i]]++] = spec.children[i];
        }
        std::vector<VertexId>().swap(spec.parents);
        std::vector<VertexId>().swap(spec.children);
        // Sort each row by child and squeeze out repeats, in place.
        EdgeId out = 0;
        for (std::size_t u = 0; u < n; ++u) {
          auto begin = column.begin() + rowstart[u];
          auto end = column.begin() + rowstart[u + 1];
          std::sort(begin, end);
          rowstart[u] = out;
          for (auto it = begin; it != end; ++it) {
            if (it != begin && *it == *(it - 1)) {
              if (report->duplicate_links++ == 0)
                report->first_duplicate = {static_cast<VertexId>(u), *it};
              continue;
            }
            column[out++] = *it;
          }
        }
        rowstart[n] = out;
        column.resize(out);
        column.shrink_to_fit();
        g.names_ = std::move(spec.labels);
        g.name_of_ = std::move(spec.label_of);
        g.kinds_ = std::move(spec.kinds);
        g.kinds_.resize(n, spec.kind);
        for (AttributeColumn& a : spec.attributes)
          a.of.resize(n, AttributeColumn::kNone);
        g.attributes_ = std::move(spec.attributes);
        g.dates_ = std::move(spec.dates);
        g.dates_.resize(n);
        auto csr = std::make_shared<Csr>();
        AdoptRows(*csr, static_cast<VertexId>(n), std::move(rowstart),
                  std::move(column),
                  std::vector<EdgeBundle>(out, EdgeBundle{spec.relation}));
        g.AdoptCsr(std::move(csr));
        if (out > 0) g.relations_.Add(spec.relation);
      },
      [&] { g.ids_.Reindex(); });
  return g;
}

namespace {

template <typename T>
bool NonDecreasing(const std::vector<T>& v) {
  bool ok = true;
  for (std::size_t i = 1; i < v.size(); ++i) ok &= v[i - 1] <= v[i];
  return ok;
}

template <typename T>
bool AllBelow(const std::vector<T>& v, std::size_t limit) {
  T most = 0;
  for (T x : v) most = std::max(most, x);
  return v.empty() || most < limit;
}

// Whether given in-edges stay in range: they index arrays of n works and m
// links, so that a corrupt file cannot make a traversal read out of bounds.
bool InRowsFit(const InRows& in, std::size_t n, std::size_t m) {
  return in.rowstart.size() == n + 1 && in.rowstart.front() == 0 &&
         in.rowstart.back() == m && in.source.size() == m &&
         in.link.size() == m && NonDecreasing(in.rowstart) &&
         AllBelow(in.source, n) && AllBelow(in.link, m);
}

// Whether given in-edges are the out-edges seen from their other end: the
// same (link, parent, child) triples. Each side is summed in one
// sequential pass under a hash keyed at random for this process, so that
// no file can be made to match without being right; a check of each triple
// against the out-edges would read them in random order, as slow as
// building the in-edges again. O(E).
bool InRowsMatch(const InRows& in, const std::vector<EdgeId>& rowstart,
                 const std::vector<VertexId>& column) {
  static const std::array<std::uint64_t, 4> key = [] {
    std::random_device rd;
    std::array<std::uint64_t, 4> k{};
    for (auto& x : k) x = (std::uint64_t{rd()} << 32 | rd()) | 1;
    return k;
  }();
  auto hash = [&](std::uint64_t link, std::uint64_t parent,
                  std::uint64_t child) {
    std::uint64_t x = link * key[0] ^ parent * key[1] ^ child * key[2];
    x += key[3];
    x ^= x >> 31;
    x *= 0x9E3779B97F4A7C15ull;
    return x ^ (x >> 29);
  };
  const std::size_t n = rowstart.size() - 1;
  std::uint64_t out_sum = 0, in_sum = 0;
  base::OnTwoCores(
      column.size(),
      [&] {
        for (VertexId u = 0; u < n; ++u)
          for (EdgeId e = rowstart[u]; e < rowstart[u + 1]; ++e)
            out_sum += hash(e, u, column[e]);
      },
      [&] {
        for (VertexId v = 0; v < n; ++v)
          for (EdgeId i = in.rowstart[v]; i < in.rowstart[v + 1]; ++i)
            in_sum += hash(in.link[i], in.source[i], v);
      });
  return out_sum == in_sum;
}

}  // namespace

std::optional<Graph> Graph::FromColumns(Columns c) {
  const std::size_t n = c.ids.size();
  const std::size_t m = c.column.size();
  if (c.kinds.size() != n || c.dates.size() != n ||
      (!c.name_of.empty() && c.name_of.size() != n) ||
      (!c.details.empty() && c.details.size() != n) ||
      c.rowstart.size() != n + 1 || c.rowstart.front() != 0 ||
      c.rowstart.back() != m || c.relations.size() != m ||
      (!c.link_details.empty() && c.link_details.size() != m))
    return std::nullopt;
  Graph g;
  // The id index is the other half of the work: build it at the same time.
  bool ids_ok = false;
  std::thread index([&] { ids_ok = g.ids_.Adopt(std::move(c.ids)); });
  // Each check runs to the end of its column without branching, which the
  // compiler vectorizes: a corrupt file is rare, a big one is not.
  bool links_ok = NonDecreasing(c.rowstart) && AllBelow(c.column, n);
  for (const AttributeColumn& a : c.attributes) {
    links_ok &= a.of.size() == n;
    for (std::uint32_t of : a.of)
      links_ok &= of == AttributeColumn::kNone || of < a.values.size();
  }
  for (std::uint32_t of : c.name_of)
    links_ok &= of == BulkSpec::kNoLabel || of < c.names.size();
  for (Kind k : c.kinds)
    links_ok &= static_cast<std::size_t>(k) < AllKinds().size();
  std::array<bool, 256> present{};
  for (Relation r : c.relations) present[static_cast<std::uint8_t>(r)] = true;
  for (std::size_t r = 0; r < present.size(); ++r) {
    if (!present[r]) continue;
    links_ok &= c.vocabulary.Knows(static_cast<Relation>(r));
    if (links_ok) g.relations_.Add(static_cast<Relation>(r));
  }
  if (!c.in.rowstart.empty() && links_ok)
    links_ok = InRowsFit(c.in, n, m) && InRowsMatch(c.in, c.rowstart, c.column);
  if (links_ok) {
    std::vector<EdgeBundle> bundles(m);
    for (std::size_t e = 0; e < m; ++e) bundles[e].relation = c.relations[e];
    auto csr = std::make_shared<Csr>();
    AdoptRows(*csr, static_cast<VertexId>(n), std::move(c.rowstart),
              std::move(c.column), std::move(bundles), std::move(c.in));
    g.simple_ = NoRepeatedPairs(*csr);
    g.AdoptCsr(std::move(csr));
  }
  index.join();
  if (!links_ok || !ids_ok) return std::nullopt;
  g.title_ = std::move(c.title);
  g.zh_title_ = std::move(c.zh_title);
  g.eras_ = std::move(c.eras);
  g.vocabulary_ = std::move(c.vocabulary);
  g.names_ = std::move(c.names);
  g.name_of_ = std::move(c.name_of);
  g.kinds_ = std::move(c.kinds);
  g.dates_ = std::move(c.dates);
  g.details_ = std::move(c.details);
  g.link_details_ = std::move(c.link_details);
  g.attributes_ = std::move(c.attributes);
  return g;
}

Graph::Columns Graph::ToColumns() const {
  Columns c;
  c.title = title_;
  c.zh_title = zh_title_;
  c.eras = eras_;
  c.ids = ids_.pool();
  c.names = names_;
  c.name_of = name_of_;
  c.kinds = kinds_;
  c.dates = dates_;
  c.details = details_;
  c.rowstart = csr_->m_forward.m_rowstart;
  c.column = csr_->m_forward.m_column;
  c.relations.assign(relations_view_, relations_view_ + num_links_);
  c.vocabulary = vocabulary_;
  c.link_details = link_details_;
  c.attributes = attributes_;
  c.in = {csr_->m_backward.m_rowstart, csr_->m_backward.m_column,
          csr_->m_backward.m_edge_properties};
  return c;
}

GraphSpec SpecOf(const Graph& graph) {
  GraphSpec spec;
  spec.title = graph.title();
  spec.zh_title = graph.zh_title();
  spec.eras.assign(graph.eras().begin(), graph.eras().end());
  spec.relations = graph.vocabulary();
  for (VertexId v = 0; v < graph.num_works(); ++v) {
    spec.works.push_back({std::string(graph.id(v)), std::string(graph.name(v)),
                          graph.kind(v), graph.date(v), graph.details(v)});
  }
  graph.ForEachLink(
      [&](EdgeId e, VertexId parent, VertexId child, Relation relation) {
        spec.links.push_back({std::string(graph.id(child)),
                              std::string(graph.id(parent)), relation,
                              graph.link_details(e)});
      });
  return spec;
}

GraphSpec LayerSpec(const Graph& graph, Layer layer) {
  GraphSpec spec = SpecOf(graph);
  std::erase_if(spec.works,
                [&](const Work& w) { return w.details.layer != layer; });
  std::erase_if(spec.links,
                [&](const LinkSpec& l) { return l.details.layer != layer; });
  return spec;
}

void Localize(GraphSpec* spec, Language language) {
  if (language != Language::kChinese) return;
  if (!spec->zh_title.empty()) spec->title = spec->zh_title;
  for (Era& era : spec->eras) {
    if (!era.zh_name.empty()) era.name = era.zh_name;
    if (!era.zh_summary.empty()) era.summary = era.zh_summary;
  }
  for (Work& w : spec->works) {
    WorkDetails& d = w.details;
    if (!d.zh_name.empty() && d.zh_name != w.name) {
      // The English name stays findable, as an alias.
      d.aliases.insert(d.aliases.begin(), w.name);
      w.name = d.zh_name;
    }
    for (const std::string& alias : d.zh_aliases) d.aliases.push_back(alias);
    d.zh_aliases.clear();
    if (!d.zh_summary.empty()) d.summary = d.zh_summary;
  }
  for (LinkSpec& l : spec->links)
    if (!l.details.zh_evidence.empty())
      l.details.evidence = l.details.zh_evidence;
}

}  // namespace lineage::model

namespace lineage::model {
namespace {

struct RelationFilter {
  const Topology* t = nullptr;
  RelationSet rels;
  bool operator()(const TopoEdge& e) const {
    return rels.Contains((*t)[e].relation);
  }
};

// Records the DFS tree and every back edge; a back edge u -> v closes the
// cycle v -> ... -> u -> v along the tree.
struct CycleRecorder : boost::default_dfs_visitor {
  std::vector<VertexId>* parent;
  std::vector<TopoEdge>* back_edges;
  std::size_t max;
  template <typename E, typename G>
  void tree_edge(E e, const G& g) {
    (*parent)[boost::target(e, g)] = boost::source(e, g);
  }
  template <typename E, typename G>
  void back_edge(E e, const G&) {
    if (back_edges->size() < max) back_edges->push_back(e);
  }
};

}  // namespace

std::vector<Cycle> FindCycles(const Graph& graph, RelationSet rels,
                              std::size_t max) {
  const Topology& t = *graph.csr();
  boost::filtered_graph<Topology, RelationFilter> g(t,
                                                    RelationFilter{&t, rels});
  std::vector<VertexId> parent(graph.num_works());
  std::vector<TopoEdge> back_edges;
  std::vector<boost::default_color_type> colors(graph.num_works());
  // Boost's depth_first_search keeps its own stack, so deep chains of a
  // large graph cannot overflow ours.
  boost::depth_first_search(
      g, CycleRecorder{{}, &parent, &back_edges, max},
      boost::make_iterator_property_map(colors.begin(),
                                        boost::get(boost::vertex_index, t)));
  std::vector<Cycle> cycles;
  for (const TopoEdge& e : back_edges) {
    VertexId u = boost::source(e, t);
    VertexId v = boost::target(e, t);
    Cycle c{{u}, LinkOf(t, e)};
    while (c.works.back() != v) c.works.push_back(parent[c.works.back()]);
    std::reverse(c.works.begin(), c.works.end());  // v ... u
    cycles.push_back(std::move(c));
  }
  return cycles;
}

std::string CycleText(const Graph& graph, const Cycle& cycle) {
  std::string text;
  for (VertexId w : cycle.works) text += fmt::format("{} -> ", graph.id(w));
  return text + std::string(graph.id(cycle.works.front()));
}

}  // namespace lineage::model
